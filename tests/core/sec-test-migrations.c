/* sec-test-migrations.c: old database files for the store's upgrade and
 * opening tests (sec-test-migrations.h) */
#include "config.h"

#include <locale.h>

#include "core/store/sec-schema.h"
#include "sec-test-migrations.h"
#include "sec-test-util.h"

static char *tmp_dir;

void
sec_test_migrations_init (int    *argc,
                          char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  tmp_dir = g_dir_make_tmp ("sec-migrations-XXXXXX", NULL);
}

int
sec_test_migrations_run (void)
{
  int ret = g_test_run ();

  sec_test_remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  return ret;
}

const char *
sec_test_migrations_dir (void)
{
  return tmp_dir;
}

char *
sec_test_tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

void
sec_test_exec_sql (sqlite3    *db,
                   const char *sql)
{
  char *err = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
}

sqlite3 *
sec_test_open_before (const char *path,
                      int         version)
{
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;
  int last = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && m[i].version < version; i++)
    {
      sec_test_exec_sql (db, m[i].sql);
      last = m[i].version;
    }
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", last);
    sec_test_exec_sql (db, sql);
  }
  return db;
}

void
sec_test_make_version_1 (const char *path)
{
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;

  g_assert_cmpint (m[0].version, ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sec_test_exec_sql (db, m[0].sql);
  sec_test_exec_sql (db, "PRAGMA user_version = 1");
  sec_test_exec_sql (db,
                     "INSERT INTO organisations (id, created_at, updated_at, name, kind, country)"
                     " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Fundacja Łódź', 'civil-society', 'PL');"
                     "INSERT INTO people (id, created_at, updated_at, given_name, family_name, organisation_id)"
                     " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Anna', 'Müller', 1);"
                     "INSERT INTO meetings (id, created_at, updated_at, title, starts_at, ends_at)"
                     " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Plenary', '2020-05-01T09:00', '2020-05-01T17:00');");
  sqlite3_close (db);
}

int
sec_test_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int v = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}
