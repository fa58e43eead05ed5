/* test-cli-readonly.c: `list` and `export` never write
 *
 * Each file that is not a Secretariat database is refused by the reading
 * commands with exit status 1 and a message naming the file and saying
 * what it is; the file stays byte for byte as it was (SHA-256) and nothing
 * appears beside it. A good database is read without a trace.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char *dir;   /* also $XDG_DATA_HOME */
  char *path;  /* dir/test.db */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-cli-readonly-XXXXXX", &error);
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

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *err = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
  sqlite3_close (db);
}

/* Runs `list organisations` and `export ical` on @path: both fail with a
 * message holding @part, and the file and its folder stay as they were. */
static void
check_refused (Fixture    *f,
               const char *path,
               const char *part)
{
  g_autofree char *sum = sec_test_checksum_file (path);
  g_autofree char *listing = sec_test_list_folder (f->dir);
  g_autofree char *output = g_build_filename (f->dir, "out.ics", NULL);
  const char *const list_args[] = { "--database", path, "list", "organisations", NULL };
  const char *const export_args[] = { "--database", path, "export", "ical", "--meeting", "1",
                                      "--output", output, NULL };
  const char *const *commands[] = { list_args, export_args };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(SecTestResult) r = sec_test_run_secretariat (f->dir, NULL, NULL, commands[i]);
      g_autofree char *sum_after = NULL;
      g_autofree char *listing_after = NULL;

      g_test_message ("%s", r.err);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_true (g_str_has_prefix (r.err, "secretariat: "));
      g_assert_nonnull (strstr (r.err, part));
      sum_after = sec_test_checksum_file (path);
      listing_after = sec_test_list_folder (f->dir);
      g_assert_cmpstr (sum, ==, sum_after);
      g_assert_cmpstr (listing, ==, listing_after);
    }
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  check_refused (f, f->path, "is an empty file, not a Secretariat database");
}

static void
test_empty_sqlite (Fixture       *f,
                   gconstpointer  data)
{
  exec_sql (f->path, "CREATE TABLE x (a); DROP TABLE x;");
  check_refused (f, f->path, "is an empty SQLite database");
}

static void
test_foreign (Fixture       *f,
              gconstpointer  data)
{
  const int versions[] = { 0, 1, 2, SEC_STORE_SCHEMA_VERSION };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *name = g_strdup_printf ("other-v%d.db", versions[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *sql = g_strdup_printf ("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL);"
                                              "INSERT INTO invoices VALUES (1, 12.5);"
                                              "PRAGMA user_version = %d;", versions[i]);

      exec_sql (path, sql);
      check_refused (f, path, "is a SQLite database of another program");
    }
}

static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "link.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (f->path, &error);

  g_assert_no_error (error);
  sec_store_close (store);
  g_assert_cmpint (symlink ("test.db", link), ==, 0);
  check_refused (f, link, "is a symbolic link; open the file it points to instead");
}

/* A good database is read, and nothing is left beside it. */
static void
test_reads_without_trace (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *sum = NULL;
  g_autofree char *listing = NULL;

  {
    g_auto(SecTestResult) r = sec_test_run_secretariat (f->dir, NULL, NULL,
                                                        (const char *const[]) { "--database", f->path, "demo", NULL });
    g_assert_cmpint (r.status, ==, 0);
  }
  sum = sec_test_checksum_file (f->path);
  listing = sec_test_list_folder (f->dir);
  g_assert_cmpstr (listing, ==, "test.db");
  {
    g_auto(SecTestResult) r = sec_test_run_secretariat (f->dir, NULL, NULL,
                                                        (const char *const[]) { "--database", f->path, "list", "organisations", NULL });
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpuint (strlen (r.out), >, 0);
  }
  g_assert_cmpstr (sum, ==, sec_test_checksum_file (f->path));
  g_assert_cmpstr (listing, ==, sec_test_list_folder (f->dir));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-readonly/empty-file", Fixture, NULL, fixture_setup, test_empty_file, fixture_teardown);
  g_test_add ("/cli-readonly/empty-sqlite", Fixture, NULL, fixture_setup, test_empty_sqlite, fixture_teardown);
  g_test_add ("/cli-readonly/foreign", Fixture, NULL, fixture_setup, test_foreign, fixture_teardown);
  g_test_add ("/cli-readonly/symlink", Fixture, NULL, fixture_setup, test_symlink, fixture_teardown);
  g_test_add ("/cli-readonly/reads-without-trace", Fixture, NULL, fixture_setup, test_reads_without_trace, fixture_teardown);

  return g_test_run ();
}
