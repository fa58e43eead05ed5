/* test-backup-cli.c: `secretariat backup`, `backups` and `restore`, run as
 * the real program ($SECRETARIAT): what they print, the files they make and
 * their exit statuses. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char *dir;
  char *path;  /* dir/test.db */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  umask (022);
  f->dir = g_dir_make_tmp ("test-backup-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static SecTestResult
run_argv (Fixture           *f,
          const char *const *args)
{
  return sec_test_run_secretariat (f->dir, NULL, NULL, args);
}

#define run(f, ...) run_argv ((f), (const char *const[]) { __VA_ARGS__, NULL })

static void
add_people (Fixture *f,
            int      n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (f->path, &error);

  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Test", NULL);
}

static gint64
count_people (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);

  g_assert_no_error (error);
  return sec_store_count (store, SEC_TYPE_PERSON, NULL, NULL);
}

/* The file named in "…“FILE”…" of @line. (transfer full) */
static char *
quoted_path (const char *line)
{
  const char *start = strstr (line, "“");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("“");
  end = strstr (start, "”");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
test_backup_and_list (Fixture *f, gconstpointer data)
{
  g_autofree char *backup = NULL;
  g_autofree char *output = g_build_filename (f->dir, "copy.db", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) columns = NULL;
  GStatBuf st;

  add_people (f, 3);
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backup");

    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    backup = quoted_path (r.out);
    g_assert_true (g_str_has_suffix (backup, ".manual.db"));
    g_assert_cmpint (g_stat (backup, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backup", "--output", output);

    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, output));
    g_assert_cmpint (g_stat (output, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (count_people (output), ==, 3);
  }
  {
    /* An existing file is never replaced. */
    g_autofree char *before = sec_test_checksum_file (output);
    g_autofree char *after = NULL;
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backup", "--output", output);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "already exists"));
    after = sec_test_checksum_file (output);
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backups");

    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (r.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);  /* one line, then "" */
    columns = g_strsplit (lines[0], "\t", -1);
    g_assert_cmpuint (g_strv_length (columns), ==, 4);
    g_assert_cmpstr (columns[1], ==, "manual");
    g_assert_cmpstr (columns[2], ==, "3");
    g_assert_cmpstr (columns[3], ==, backup);
  }
}

static void
test_restore_and_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;

  add_people (f, 1);
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backup");
    g_assert_cmpint (r.status, ==, 0);
    backup = quoted_path (r.out);
  }
  add_people (f, 4);
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "restore", backup);
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);

    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    kept = quoted_path (lines[1]);
    g_assert_true (g_str_has_suffix (kept, ".before-restore.db"));
  }
  g_assert_cmpint (count_people (f->path), ==, 1);
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "restore", kept);
    g_assert_cmpint (r.status, ==, 0);
  }
  g_assert_cmpint (count_people (f->path), ==, 5);
}

static void
test_exit_statuses (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *before = NULL;

  add_people (f, 1);
  before = sec_test_checksum_file (f->path);
  g_assert_true (g_file_set_contents (text, "Not a database\n", -1, NULL));
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "restore");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "restore", text, "more");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backup", "extra");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backups", "--keep", "0");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "restore", text);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "notes.txt"));
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_autofree char *after = sec_test_checksum_file (f->path);
    g_assert_cmpstr (before, ==, after);
  }
  {
    /* A missing database has no backups, and that is no failure. */
    g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
    g_auto(SecTestResult) r = run (f, "--database", missing, "backups");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
    g_auto(SecTestResult) r = run (f, "--database", missing, "backup");
    g_assert_cmpint (r.status, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

/* The window (here: this test) has the database open: a restore from
 * another program would replace the file under it. */
static void
test_restore_in_use (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autofree char *backup = NULL;

  add_people (f, 2);
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backup");
    g_assert_cmpint (r.status, ==, 0);
    backup = quoted_path (r.out);
  }
  store = sec_store_open (f->path, &error);
  g_assert_no_error (error);
  sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Open", "family-name", "Window", NULL);
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "restore", backup);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "in use by another program"));
  }
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, NULL, NULL), ==, 3);
  g_clear_object (&store);
  g_assert_cmpint (count_people (f->path), ==, 3);
}

static void
test_keep (Fixture *f, gconstpointer data)
{
  add_people (f, 1);
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backups", "--keep", "2");
    g_assert_cmpint (r.status, ==, 0);
  }
  for (int i = 0; i < 4; i++)
    {
      g_auto(SecTestResult) r = run (f, "--database", f->path, "backup");
      g_assert_cmpint (r.status, ==, 0);
    }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "backups");
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup-cli/backup-and-list", Fixture, NULL, fixture_setup, test_backup_and_list, fixture_teardown);
  g_test_add ("/backup-cli/restore-and-undo", Fixture, NULL, fixture_setup, test_restore_and_undo, fixture_teardown);
  g_test_add ("/backup-cli/exit-statuses", Fixture, NULL, fixture_setup, test_exit_statuses, fixture_teardown);
  g_test_add ("/backup-cli/restore-in-use", Fixture, NULL, fixture_setup, test_restore_in_use, fixture_teardown);
  g_test_add ("/backup-cli/keep", Fixture, NULL, fixture_setup, test_keep, fixture_teardown);

  return g_test_run ();
}
