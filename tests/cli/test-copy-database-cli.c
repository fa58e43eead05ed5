/* test-copy-database-cli.c: `secretariat copy-database FROM TO`, run as the
 * real program ($SECRETARIAT): a copy that works, and each refusal with its
 * message and exit status, leaving the target as it was. (The copy itself,
 * row by row and export by export, is tests/core/test-copy-database.c.) */
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
  char *demo;  /* dir/demo.db, filled by `secretariat demo` */
  char *copy;  /* dir/copy.db, not made yet */
} Fixture;

static SecTestResult
run_argv (Fixture           *f,
          const char *const *args)
{
  return sec_test_run_secretariat (f->dir, f->dir, NULL, args);
}

#define run(f, ...) run_argv ((f), (const char *const[]) { __VA_ARGS__, NULL })

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  umask (022);
  f->dir = g_dir_make_tmp ("test-copy-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->demo = g_build_filename (f->dir, "demo.db", NULL);
  f->copy = g_build_filename (f->dir, "copy.db", NULL);
  {
    g_auto(SecTestResult) r = run (f, "--database", f->demo, "demo");
    g_assert_cmpint (r.status, ==, 0);
  }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->demo);
  g_free (f->copy);
  g_free (f->dir);
}

static gint64
count_people (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open_for_reading (path, &error);

  g_assert_no_error (error);
  return sec_store_count (store, SEC_TYPE_PERSON, NULL, NULL);
}

static void
test_copy (Fixture *f, gconstpointer data)
{
  g_auto(SecTestResult) r = run (f, "copy-database", "demo.db", "copy.db");
  g_auto(SecTestResult) list_a = run (f, "--database", f->demo, "list", "people");
  g_auto(SecTestResult) list_b = run (f, "--database", f->copy, "list", "people");
  GStatBuf st;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_prefix (r.out, "Copied "));
  g_assert_nonnull (strstr (r.out, " rows of "));
  g_assert_cmpint (g_stat (f->copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_people (f->copy), ==, count_people (f->demo));
  g_assert_cmpint (count_people (f->copy), >, 10);
  g_assert_cmpint (list_a.status, ==, 0);
  g_assert_cmpstr (list_a.out, ==, list_b.out);
}

static void
test_refuses_non_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_auto(SecTestResult) r = run (f, "copy-database", "demo.db", "copy.db");
    g_assert_cmpint (r.status, ==, 0);
  }
  before = sec_test_checksum_file (f->copy);
  {
    g_auto(SecTestResult) r = run (f, "copy-database", "demo.db", "copy.db");

    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_true (g_str_has_prefix (r.err, "secretariat: "));
    g_assert_nonnull (strstr (r.err, "copy.db”"));
    g_assert_nonnull (strstr (r.err, "already holds records"));
  }
  after = sec_test_checksum_file (f->copy);
  g_assert_cmpstr (before, ==, after);
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);

  {
    /* A missing source: no target is made. */
    g_auto(SecTestResult) r = run (f, "copy-database", "missing.db", "copy.db");

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "missing.db” does not exist"));
    g_assert_false (g_file_test (f->copy, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(SecTestResult) r = run (f, "copy-database", "demo.db", "/dev/null");

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "“/dev/null” is not a regular file"));
  }
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  {
    g_auto(SecTestResult) r = run (f, "copy-database", "demo.db", "folder");

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "is not a regular file"));
  }
  {
    /* A server that is not there: said in words, nothing made. */
    g_autofree char *socket_dir = g_build_filename (f->dir, "nowhere", NULL);
    g_autofree char *uri = g_strdup_printf ("postgresql:///office?host=%s&user=nobody&connect_timeout=2", socket_dir);
    g_auto(SecTestResult) r = run (f, "copy-database", "demo.db", uri);

    g_assert_cmpint (r.status, ==, 1);
    if (strstr (r.err, "cannot be reached") == NULL)
      /* A build without libpq says that instead. */
      g_assert_nonnull (strstr (r.err, "PostgreSQL"));
  }
  {
    g_auto(SecTestResult) r = run (f, "copy-database", "demo.db");

    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "Try “secretariat copy-database --help”"));
  }
  {
    g_auto(SecTestResult) r = run (f, "copy-database", "demo.db", "a.db", "b.db");

    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "Unexpected argument “b.db”"));
  }
  {
    g_auto(SecTestResult) r = run (f, "help", "copy-database");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "copy-database [OPTION…] FROM TO"));
  }
  {
    g_auto(SecTestResult) r = run (f, "--help");

    g_assert_nonnull (strstr (r.out, "copy-database"));
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/copy-database-cli/copy", test_copy);
  ADD ("/copy-database-cli/refuses-non-empty", test_refuses_non_empty);
  ADD ("/copy-database-cli/errors", test_errors);
#undef ADD

  return g_test_run ();
}
