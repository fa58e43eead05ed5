/* test-letterhead-cli.c: `secretariat letterhead`, run as the real program:
 * printing and setting the letterhead, its refusals, and an exported
 * document that carries it (its text on page 1, its logo an image). */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char *dir;
  char *path;
  char *logo;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(SecStore) store = NULL;
  cairo_surface_t *surface;

  f->dir = sec_test_make_tmp_dir ("test-letterhead-cli-XXXXXX");
  store = sec_test_open_demo (f->dir, &f->path);
  f->logo = g_build_filename (f->dir, "logo.png", NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  g_assert_cmpint (cairo_surface_write_to_png (surface, f->logo), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->logo);
  g_free (f->dir);
}

static SecTestResult
run_argv (Fixture *f, const char *const *args)
{
  return sec_test_run_secretariat (f->dir, NULL, f->path, args);
}

#define run(f, ...) run_argv ((f), (const char *const[]) { __VA_ARGS__, NULL })

static void
test_set_and_print (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "logo.txt", NULL);

  {
    g_auto(SecTestResult) r = run (f, "letterhead", "--name", "Office of the Test Coordinator",
                                   "--reference", "Ref. Ares(2027)123456", "--logo", f->logo);
    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "Name\tOffice of the Test Coordinator\n");
    sec_test_assert_contains (r.out, "Reference\tRef. Ares(2027)123456\n");
    sec_test_assert_contains (r.out, "Logo\tPNG image");
  }
  {
    /* Only the reference changes; the rest stays. */
    g_auto(SecTestResult) r = run (f, "letterhead", "--reference", "HOME/42");
    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "Name\tOffice of the Test Coordinator\n");
    sec_test_assert_contains (r.out, "Reference\tHOME/42\n");
  }
  {
    /* Not a PNG: refused, nothing changes. */
    g_assert_true (g_file_set_contents (text, "This is not an image, only some words in a file.", -1, NULL));
    g_auto(SecTestResult) r = run (f, "letterhead", "--name", "Changed", "--logo", text);
    g_assert_cmpint (r.status, ==, 1);
    sec_test_assert_contains (r.err, "not a PNG image");
  }
  {
    g_auto(SecTestResult) r = run (f, "letterhead", "--logo", f->dir);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(SecTestResult) r = run (f, "letterhead", "--logo", f->logo, "--no-logo");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "letterhead");
    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "Name\tOffice of the Test Coordinator\n");
    sec_test_assert_contains (r.out, "Logo\tPNG image");
  }
  {
    g_auto(SecTestResult) r = run (f, "letterhead", "--no-logo");
    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "Logo\t\n");
  }
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "agenda.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *images = NULL;
  int status = -1;

  {
    g_auto(SecTestResult) r = run (f, "letterhead", "--name", "Office of the Test Coordinator",
                                   "--reference", "Ref. Ares(2027)123456", "--logo", f->logo);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "agenda", "--meeting", "1", "--output", pdf);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    const char *argv[] = { "pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL };
    text = sec_test_spawn (argv, &status, NULL);
    g_assert_cmpint (status, ==, 0);
    sec_test_assert_contains (text, "Office of the Test Coordinator");
    sec_test_assert_contains (text, "Ref. Ares(2027)123456");
  }
  {
    const char *argv[] = { "pdfimages", "-list", "-f", "1", "-l", "1", pdf, NULL };
    images = sec_test_spawn (argv, &status, NULL);
    g_assert_cmpint (status, ==, 0);
    /* The logo: 200 × 100 pixels. */
    g_assert_true (g_regex_match_simple ("image +200 +100 ", images, 0, 0));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/letterhead-cli/set-and-print", Fixture, NULL, fixture_setup, test_set_and_print, fixture_teardown);
  g_test_add ("/letterhead-cli/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  return g_test_run ();
}
