/* test-minutes-cli.c: `secretariat export minutes`, `minutes-internal` and
 * `action-points`, run as the real program ($SECRETARIAT) on the demo
 * data: the files are written (PDF checked by qpdf, CSV parsed again) with
 * the right mode; an unknown meeting exits with 1 and a wrong option with
 * 2, and neither writes anything. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "core/store/sec-records.h"
#include "sec-test-util.h"

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

  f->dir = sec_test_make_tmp_dir ("test-minutes-cli-XXXXXX");
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

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_minutes (Fixture *f, gconstpointer data)
{
  g_autofree char *public_path = path_in (f, "minutes.pdf");
  g_autofree char *internal_path = path_in (f, "minutes-internal.pdf");
  g_autofree char *made_public_path = path_in (f, "made-public.pdf");
  g_auto(SecTestResult) r = run (f, "export", "minutes", "--meeting", f->held, "--output", public_path);
  g_auto(SecTestResult) ri = run (f, "export", "minutes-internal", "--meeting", f->held, "--output", internal_path);
  g_auto(SecTestResult) rp = run (f, "export", "minutes-internal", "--meeting", f->held, "--public",
                                  "--output", made_public_path);
  g_autofree char *public_text = NULL;
  g_autofree char *internal_text = NULL;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_prefix (r.out, "Minutes of the meeting written to “"));
  g_assert_cmpint (ri.status, ==, 0);
  public_text = sec_test_read_pdf (public_path);
  internal_text = sec_test_read_pdf (internal_path);
  sec_test_assert_contains (public_text, "Trafficking for labour exploitation in agriculture");
  g_assert_null (strstr (public_text, "@example.org"));
  sec_test_assert_contains (internal_text, "@example.org");
  /* Only the internal minutes are private to their owner. */
  g_assert_cmpuint (file_mode (internal_path), ==, 0600);
  g_assert_cmpuint (file_mode (public_path) & 0044, !=, 0);
  /* --public of the internal minutes: the public ones. */
  g_assert_cmpint (rp.status, ==, 0);
  g_assert_cmpuint (file_mode (made_public_path) & 0044, !=, 0);
  {
    g_autofree char *text = sec_test_read_pdf (made_public_path);

    g_assert_null (strstr (text, "@example.org"));
  }
}

static void
test_action_points (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = path_in (f, "points.pdf");
  g_autofree char *csv = path_in (f, "open.CSV");
  g_auto(SecTestResult) r = run (f, "export", "action-points", "--output", pdf);
  g_auto(SecTestResult) rc = run (f, "export", "action-points", "--open", "--output", csv);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Action points written to “"));
  {
    g_autofree char *raw = sec_test_read_pdf (pdf);

    text = sec_test_squeeze (raw);
  }
  sec_test_assert_contains (text, "Circulate the minutes to the members");
  g_assert_cmpuint (file_mode (pdf), ==, 0600);

  /* The extension chose CSV; --open kept the three open points. */
  g_assert_cmpint (rc.status, ==, 0);
  g_assert_true (g_str_has_prefix (rc.out, "Open action points written to “"));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  records = sec_test_parse_csv (contents);
  g_assert_cmpuint (records->len, ==, 4);
  for (guint i = 1; i < records->len; i++)
    g_assert_cmpstr (((GStrv) g_ptr_array_index (records, i))[6], ==, "Open");
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "nothing.pdf");

  {
    g_auto(SecTestResult) r = run (f, "export", "minutes", "--meeting", "9999", "--output", path);

    g_assert_cmpint (r.status, ==, 1);
    sec_test_assert_contains (r.err, "No meeting with the id 9999");
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "action-points", "--meeting", f->held, "--output", path);

    g_assert_cmpint (r.status, ==, 2);
    sec_test_assert_contains (r.err, "--meeting does not apply to “action-points”");
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "minutes", "--open", "--meeting", f->held, "--output", path);

    g_assert_cmpint (r.status, ==, 2);
    sec_test_assert_contains (r.err, "--open does not apply to “minutes”");
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "action-points", "--format", "ods", "--output", path);

    g_assert_cmpint (r.status, ==, 2);
    sec_test_assert_contains (r.err, "Unknown format “ods”");
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "action-points", "--output", f->dir);

    g_assert_cmpint (r.status, ==, 1);
    sec_test_assert_contains (r.err, "is a folder");
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/minutes-cli/minutes", test_minutes);
  ADD ("/minutes-cli/action-points", test_action_points);
  ADD ("/minutes-cli/errors", test_errors);

  return g_test_run ();
}
