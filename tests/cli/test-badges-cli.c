/* test-badges-cli.c: `secretariat export badges` and `table-cards`, run as
 * the real program ($SECRETARIAT) on the demo data: the PDF (checked by
 * qpdf) holds one badge or card per participant listed, ten badges to an
 * A4 sheet and eight to Letter, a card a landscape page with the name on
 * both halves; an unknown meeting, a folder or a device as the output, and
 * an option that does not apply are refused with a message, a non-zero
 * status and nothing written. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "sec-test-util.h"

/* Demo meeting 2 lists 18 participants. */
#define N_LISTED 18

typedef struct {
  char *dir;
  char *db;
  char *held;  /* the id of the Platform's meeting of 2025, as text */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) meeting = NULL;

  f->dir = sec_test_make_tmp_dir ("test-badges-cli-XXXXXX");
  store = sec_test_open_demo (f->dir, &f->db);
  meeting = sec_test_find_one (store, SEC_TYPE_MEETING, "starts-at", "2025-11-20T09:30");
  f->held = sec_test_id_text (sec_record_get_id (meeting));
  sec_store_close (store);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->held);
}

static SecTestResult
run_argv (Fixture *f, const char *const *args)
{
  return sec_test_run_secretariat (f->dir, f->dir, f->db, args);
}

#define run(f, ...) run_argv ((f), (const char *const[]) { __VA_ARGS__, NULL })

/* The number of pages and the size of the first, from pdfinfo. */
static guint
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  int status = 0;
  g_autofree char *out = sec_test_spawn (argv, &status, NULL);
  const char *pages = strstr (out, "Pages:");
  const char *size = strstr (out, "Page size:");

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", width, height), ==, 2);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_badges (Fixture *f, gconstpointer data)
{
  g_autofree char *a4 = g_build_filename (f->dir, "badges.pdf", NULL);
  g_autofree char *letter = g_build_filename (f->dir, "badges-letter.pdf", NULL);
  g_auto(SecTestResult) r = run (f, "export", "badges", "--meeting", f->held, "--output", a4, "--paper", "a4");
  g_auto(SecTestResult) rl = run (f, "export", "badges", "--meeting", f->held, "--output", letter, "--paper", "letter");
  g_autofree char *text = NULL;
  double w, h;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (rl.status, ==, 0);
  text = sec_test_read_pdf (a4);
  g_test_message ("%s", text);
  /* Ten to a sheet: 18 badges on 2 sheets of A4, 3 of Letter (8 each). */
  g_assert_cmpuint (pdf_pages (a4, &w, &h), ==, 2);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.5);
  g_assert_cmpuint (pdf_pages (letter, &w, &h), ==, 3);
  g_assert_cmpfloat_with_epsilon (w, 612, 0.5);
  /* Each name once, the meeting's title on every badge. */
  g_assert_cmpuint (count (text, "Baláž"), ==, 1);
  g_assert_cmpuint (count (text, "Αντωνίου"), ==, 1);
  sec_test_assert_contains (text, "Dimitra Antoniou");
  sec_test_assert_contains (text, "Svetlo nádeje");
  sec_test_assert_contains (text, "Slovakia");
  g_assert_cmpuint (count (text, "Thursday 20 November 2025"), ==, N_LISTED);
  /* Who is not listed has no badge. */
  g_assert_null (strstr (text, "Dubois"));
}

static void
test_table_cards (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "cards.pdf", NULL);
  g_auto(SecTestResult) r = run (f, "export", "table-cards", "--meeting", f->held, "--output", path);
  g_autofree char *text = NULL;
  double w, h;

  g_assert_cmpint (r.status, ==, 0);
  text = sec_test_read_pdf (path);
  /* A card a page, landscape, the name on both halves. */
  g_assert_cmpuint (pdf_pages (path, &w, &h), ==, N_LISTED);
  g_assert_cmpfloat (w, >, h);
  g_assert_cmpuint (count (text, "Baláž"), ==, 2);
  g_assert_cmpuint (count (text, "Dvořáková"), ==, 2);
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "nothing.pdf", NULL);

  {
    g_auto(SecTestResult) r = run (f, "export", "badges", "--meeting", "9999", "--output", path);

    g_assert_cmpint (r.status, ==, 1);
    sec_test_assert_contains (r.err, "No meeting with the id 9999");
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "table-cards", "--meeting", "9999", "--output", path);

    g_assert_cmpint (r.status, ==, 1);
    sec_test_assert_contains (r.err, "No meeting with the id 9999");
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "badges", "--meeting", f->held, "--output", f->dir);

    g_assert_cmpint (r.status, ==, 1);
    sec_test_assert_contains (r.err, "is a folder");
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "table-cards", "--meeting", f->held, "--output", "/dev/full");

    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.err, !=, "");
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "badges", "--output", path);

    g_assert_cmpint (r.status, !=, 0);
    g_assert_cmpstr (r.err, !=, "");
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The help names both. */
  {
    g_auto(SecTestResult) r = run (f, "export", "--help");

    sec_test_assert_contains (r.out, "badges");
    sec_test_assert_contains (r.out, "table-cards");
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/badges-cli/badges", Fixture, NULL, fixture_setup, test_badges, fixture_teardown);
  g_test_add ("/badges-cli/table-cards", Fixture, NULL, fixture_setup, test_table_cards, fixture_teardown);
  g_test_add ("/badges-cli/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  return g_test_run ();
}
