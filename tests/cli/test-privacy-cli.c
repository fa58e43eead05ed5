/* test-privacy-cli.c: `secretariat privacy` and `secretariat history`, run
 * as the real program: what they print, the files they write (0600), and
 * their refusals and exit statuses. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char  *dir;
  char  *path;
  gint64 person;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) p = NULL;

  umask (022);
  f->dir = g_dir_make_tmp ("test-privacy-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  store = sec_store_open (f->path, &error);
  g_assert_no_error (error);
  f->person = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Kowalska",
                               "email", "anna.kowalska@cli.example", "lawful-basis", "consent", NULL);
  p = sec_store_get (store, SEC_TYPE_PERSON, f->person, &error);
  sec_record_set_string (p, "position", "Director");
  g_assert_true (sec_store_update (store, p, &error));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static SecTestResult
run_argv (Fixture *f, const char *const *args)
{
  return sec_test_run_secretariat (f->dir, NULL, f->path, args);
}

#define run(f, ...) run_argv ((f), (const char *const[]) { __VA_ARGS__, NULL })

static char *
id_text (Fixture *f)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, f->person);
}

static void
test_history (Fixture *f, gconstpointer data)
{
  g_autofree char *id = id_text (f);
  g_auto(SecTestResult) r = run (f, "history", "person", id);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  sec_test_assert_contains (lines[0], "\tinsert\t");
  sec_test_assert_contains (lines[1], "\tupdate\tposition\t\tDirector");

  {
    g_auto(SecTestResult) bad = run (f, "history", "nonsense", "1");
    g_assert_cmpint (bad.status, ==, 2);
    sec_test_assert_contains (bad.err, "Unknown kind");
  }
  {
    g_auto(SecTestResult) none = run (f, "history", "person", "999");
    g_assert_cmpint (none.status, ==, 1);
  }
  {
    g_auto(SecTestResult) missing = run (f, "history", "person");
    g_assert_cmpint (missing.status, ==, 2);
  }
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *id = id_text (f);
  g_autofree char *json = g_build_filename (f->dir, "anna.json", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "anna.pdf", NULL);
  g_autofree char *contents = NULL;
  GStatBuf st;

  {
    g_auto(SecTestResult) r = run (f, "privacy", "export", "--person", id, "--output", json);
    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "Personal data written to");
  }
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  sec_test_assert_contains (contents, "\"email\":\"anna.kowalska@cli.example\"");
  sec_test_assert_contains (contents, "\"action\":\"update\"");
  g_assert_cmpint (g_stat (json, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  {
    g_auto(SecTestResult) r = run (f, "privacy", "export", "--person", id, "--output", pdf);
    g_autofree char *text = NULL;
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    int status = 0;

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    text = sec_test_spawn (argv, &status, NULL);
    g_assert_cmpint (status, ==, 0);
    sec_test_assert_contains (text, "Personal data held about Anna Kowalska");
    sec_test_assert_contains (text, "anna.kowalska@cli.example");
  }

  /* Refusals: usage (2) before anything is opened, failures (1). */
  {
    g_auto(SecTestResult) r = run (f, "privacy", "export", "--output", json);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "privacy", "export", "--person", id, "--output", "anna.txt");
    g_assert_cmpint (r.status, ==, 2);
    sec_test_assert_contains (r.err, ".pdf or .json");
  }
  {
    /* Not a regular file. */
    g_autofree char *folder = g_build_filename (f->dir, "folder.pdf", NULL);
    g_auto(SecTestResult) r = { 0 };

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    r = run (f, "privacy", "export", "--person", id, "--output", folder);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(SecTestResult) r = run (f, "privacy", "export", "--person", "999", "--output", json);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(SecTestResult) r = run (f, "privacy", "forget");
    g_assert_cmpint (r.status, ==, 2);
    sec_test_assert_contains (r.err, "Unknown action");
  }
}

static void
test_erase_and_review (Fixture *f, gconstpointer data)
{
  g_autofree char *id = id_text (f);
  g_autofree char *record = g_build_filename (f->dir, "record.pdf", NULL);

  {
    /* Made today: nobody is past five years. */
    g_auto(SecTestResult) r = run (f, "privacy", "review");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_auto(SecTestResult) r = run (f, "privacy", "erase", "--person", id);
    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "were erased");
  }
  {
    g_auto(SecTestResult) r = run (f, "history", "person", id);
    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "\terased\t");
    g_assert_null (strstr (r.out, "cli.example"));
  }
  {
    g_auto(SecTestResult) r = run (f, "privacy", "record", "--output", record);
    g_autofree char *text = NULL;
    const char *argv[] = { "pdftotext", record, "-", NULL };
    int status = 0;

    g_assert_cmpint (r.status, ==, 0);
    text = sec_test_spawn (argv, &status, NULL);
    sec_test_assert_contains (text, "Record of processing");
    sec_test_assert_contains (text, "Erased (kept anonymised for statistics)");
  }
  {
    g_auto(SecTestResult) r = run (f, "privacy", "erase", "--person", "999");
    g_assert_cmpint (r.status, ==, 1);
  }
}

/* `history deleted` lists what `history restore` brings back, with its
 * links; a record that was not deleted, or a bad kind, is refused. */
static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *id = id_text (f);
  g_autofree char *meeting_id = NULL;
  gint64 meeting;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SecStore) store = sec_store_open (f->path, &error);

    g_assert_no_error (error);
    meeting = sec_test_insert (store, SEC_TYPE_MEETING, "title", "Plenary", "starts-at", "2026-05-04T09:00",
                               "ends-at", "2026-05-04T17:00", NULL);
    meeting_id = sec_test_id_text (meeting);
    sec_test_insert (store, SEC_TYPE_PARTICIPANT, "meeting", meeting_id, "person", id, NULL);
    g_assert_true (sec_store_delete (store, SEC_TYPE_PERSON, f->person, &error));
    g_assert_no_error (error);
  }
  {
    g_auto(SecTestResult) r = run (f, "history", "deleted");
    g_autofree char *line = g_strdup_printf ("\tperson\t%s\tAnna Kowalska\n", id);

    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, line);
    /* The participation went with the person: only the person is listed. */
    g_assert_null (strstr (r.out, "participant"));
  }
  {
    g_auto(SecTestResult) r = run (f, "history", "deleted", "meetings");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_auto(SecTestResult) r = run (f, "history", "restore", "person", id);
    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "Anna Kowalska");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SecStore) store = sec_store_open (f->path, &error);
    g_autoptr(SecQuery) query = sec_query_new ();
    g_autoptr(GPtrArray) participants = NULL;

    g_assert_no_error (error);
    sec_query_add (query, "meeting", SEC_QUERY_EQUALS, meeting_id);
    participants = sec_store_list (store, SEC_TYPE_PARTICIPANT, query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (participants->len, ==, 1);
    g_assert_cmpint (sec_record_get_ref (g_ptr_array_index (participants, 0), "person"), ==, f->person);
  }
  {
    g_auto(SecTestResult) r = run (f, "history", "deleted");
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    /* Not deleted (any more). */
    g_auto(SecTestResult) r = run (f, "history", "restore", "person", id);
    g_assert_cmpint (r.status, ==, 1);
    sec_test_assert_contains (r.err, "has not been deleted");
  }
  {
    g_auto(SecTestResult) r = run (f, "history", "restore", "person", "999");
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(SecTestResult) r = run (f, "history", "restore", "nonsense", "1");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "history", "restore", "person");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "history", "deleted", "nonsense");
    g_assert_cmpint (r.status, ==, 2);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/privacy-cli/history", Fixture, NULL, fixture_setup, test_history, fixture_teardown);
  g_test_add ("/privacy-cli/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/privacy-cli/restore", Fixture, NULL, fixture_setup, test_restore, fixture_teardown);
  g_test_add ("/privacy-cli/erase-and-review", Fixture, NULL, fixture_setup, test_erase_and_review, fixture_teardown);

  return g_test_run ();
}
