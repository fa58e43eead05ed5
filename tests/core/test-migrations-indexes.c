/* test-migrations-indexes.c: the indexes an upgrade makes: the search
 * index with the Latin forms of Greek and Cyrillic names, the sort indexes
 * that read a page without sorting every row, and people's copy of their
 * organisation's sort key.
 *
 * The old files are made as sec-test-migrations.h says; the records an
 * upgrade keeps are tested in test-migrations.c. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store.h"
#include "sec-test-migrations.h"
#include "sec-test-util.h"

/* A version 4 database (before the search index and the Latin forms of
 * Greek and Cyrillic names), with the search text version 1 wrote. */
static void
test_upgrade_search_index (void)
{
  g_autofree char *path = sec_test_tmp_path ("v4-search.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && m[i].version <= 4; i++)
    sec_test_exec_sql (db, m[i].sql);
  sec_test_exec_sql (db, "PRAGMA user_version = 4;"
                     "INSERT INTO settings (key, value) VALUES ('fold-version', '1');"
                     "INSERT INTO people (id, created_at, updated_at, given_name, family_name, search_text)"
                     " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Δήμητρα', 'Παπαδοπούλου',"
                     "  'δημητρα παπαδοπουλου'),"
                     " (2, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Anna', 'Müller', 'anna muller');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);

  /* The data came through; the index finds it, by its Latin form too. */
  sec_query_set_search (q, "muller");
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, q, NULL), ==, 1);
  sec_query_set_search (q, "dimitra papadopoulou");
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, q, NULL), ==, 1);
  sec_query_set_search (q, "παπαδ");
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, q, NULL), ==, 1);
  sec_query_set_search (q, "m");
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, q, NULL), ==, 1);
  g_clear_object (&store);

  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM people_search WHERE people_search MATCH 'dimitra'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}



/* A page of people in @order is read from the index @index, without
 * sorting every row (no temporary b-tree in SQLite's plan). */
static void
assert_read_from_index (sqlite3    *db,
                        const char *order,
                        const char *index)
{
  g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN SELECT t.id FROM people t ORDER BY %s LIMIT 200", order);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s: %s", order, plan->str);
  g_assert_nonnull (strstr (plan->str, index));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
}

/* Migration 11: a database of version 9 gains the sort indexes, keeps its
 * people, and a page of people by e-mail (empty ones last, both ways) is
 * read from the index, without sorting every row. */
static void
test_upgrade_sort_indexes (void)
{
  g_autofree char *path = sec_test_tmp_path ("v10-sort.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = sec_test_open_before (path, 11);

  sec_test_exec_sql (db,
                     "INSERT INTO people (id, created_at, updated_at, family_name, email, sort_key)"
                     " VALUES (1, 'x', 'x', 'Müller', 'b@example.org', 'muller'), (2, 'x', 'x', 'Nowak', NULL, 'nowak'),"
                     " (3, 'x', 'x', 'Adamska', 'a@example.org', 'adamska');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  for (int descending = 0; descending < 2; descending++)
    {
      g_autoptr(SecQuery) query = sec_query_new ();
      g_autoptr(GPtrArray) people = NULL;

      sec_query_set_sort (query, "email", descending);
      people = sec_store_list (store, SEC_TYPE_PERSON, query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (people->len, ==, 3);
      g_assert_cmpint (sec_record_get_id (people->pdata[0]), ==, descending ? 1 : 3);
      g_assert_cmpint (sec_record_get_id (people->pdata[1]), ==, descending ? 3 : 1);
      g_assert_cmpint (sec_record_get_id (people->pdata[2]), ==, 2);
    }
  g_clear_object (&store);
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  assert_read_from_index (db, "t.email ASC NULLS LAST, t.sort_key ASC, t.id ASC", "people_email");
  assert_read_from_index (db, "t.email DESC NULLS LAST, t.sort_key DESC, t.id DESC", "people_email");
  sqlite3_close (db);
}

/* The number from @sql on the file at @path (read beside the store). */
static gint64
query_number (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* People whose copy of their organisation's sort key differs from it. */
static gint64
count_out_of_step (const char *path)
{
  return query_number (path, "SELECT count(*) FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id"
                             " WHERE p.organisation_sort_key IS NOT o.sort_key");
}

/* The people by organisation, @descending or not, are @ids (0 ends it),
 * each at its position. */
static void
assert_by_organisation (SecStore     *store,
                        gboolean      descending,
                        const gint64 *ids)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  sec_query_set_sort (query, "organisation-sort-key", descending);
  people = sec_store_list (store, SEC_TYPE_PERSON, query, &error);
  g_assert_no_error (error);
  while (ids[n] != 0)
    n++;
  g_assert_cmpuint (people->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (sec_record_get_id (people->pdata[i]), ==, ids[i]);
      g_assert_cmpint (sec_store_position (store, SEC_TYPE_PERSON, query, ids[i], &error), ==, i);
      g_assert_no_error (error);
    }
}

/* Migration 16: a database of version 15 gains people's copy of their
 * organisation's sort key, filled, and kept in step through a rename, a
 * move, a deletion and a new person, never in the history; a page of
 * people by organisation (none last, both ways) is read from its index. */
static void
test_upgrade_organisation_sort (void)
{
  g_autofree char *path = sec_test_tmp_path ("v15-organisation-sort.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) org = NULL;
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(GPtrArray) history = NULL;
  sqlite3 *db = sec_test_open_before (path, 16);

  sec_test_exec_sql (db,
                     "INSERT INTO organisations (id, created_at, updated_at, name, sort_key)"
                     " VALUES (1, 'x', 'x', 'Zeta', 'zeta'), (2, 'x', 'x', 'Alpha', 'alpha'), (3, 'x', 'x', 'Mu', 'mu');"
                     "INSERT INTO people (id, created_at, updated_at, family_name, organisation_id, sort_key)"
                     " VALUES (1, 'x', 'x', 'Müller', 1, 'muller'), (2, 'x', 'x', 'Nowak', 2, 'nowak'),"
                     " (3, 'x', 'x', 'Ionescu', NULL, 'ionescu'), (4, 'x', 'x', 'Bauer', 3, 'bauer'),"
                     " (5, 'x', 'x', 'Adamska', 1, 'adamska');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_number (path, "SELECT count(*) FROM people WHERE organisation_sort_key IS NOT NULL"), ==, 4);
  g_assert_cmpint (count_out_of_step (path), ==, 0);
  assert_by_organisation (store, FALSE, (const gint64[]) { 2, 4, 5, 1, 3, 0 });
  assert_by_organisation (store, TRUE, (const gint64[]) { 1, 5, 4, 2, 3, 0 });

  /* A rename moves its people, and is no change of theirs. */
  org = sec_store_get (store, SEC_TYPE_ORGANISATION, 2, &error);
  g_assert_no_error (error);
  sec_record_set_string (org, "name", "Zulu");
  g_assert_true (sec_store_update (store, org, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_out_of_step (path), ==, 0);
  assert_by_organisation (store, FALSE, (const gint64[]) { 4, 5, 1, 2, 3, 0 });
  history = sec_store_list_history (store, SEC_TYPE_PERSON, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);

  /* A person moved to another organisation. */
  person = sec_store_get (store, SEC_TYPE_PERSON, 4, &error);
  g_assert_no_error (error);
  sec_record_set_ref (person, "organisation", 1);
  g_assert_true (sec_store_update (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_out_of_step (path), ==, 0);
  assert_by_organisation (store, TRUE, (const gint64[]) { 2, 1, 4, 5, 3, 0 });
  g_clear_pointer (&history, g_ptr_array_unref);
  history = sec_store_list_history (store, SEC_TYPE_PERSON, 4, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    g_assert_cmpstr (((SecHistoryEntry *) history->pdata[i])->field, !=, "organisation_sort_key");

  /* An organisation deleted leaves its people without one. */
  g_assert_true (sec_store_delete (store, SEC_TYPE_ORGANISATION, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_out_of_step (path), ==, 0);
  g_assert_cmpint (query_number (path, "SELECT count(*) FROM people WHERE organisation_sort_key IS NOT NULL"), ==, 1);
  assert_by_organisation (store, FALSE, (const gint64[]) { 2, 5, 4, 3, 1, 0 });

  /* A new person. */
  g_clear_object (&person);
  person = sec_record_new (SEC_TYPE_PERSON);
  sec_record_set_string (person, "family-name", "Costa");
  sec_record_set_ref (person, "organisation", 3);
  g_assert_true (sec_store_insert (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_out_of_step (path), ==, 0);
  assert_by_organisation (store, TRUE, (const gint64[]) { 2, sec_record_get_id (person), 1, 3, 4, 5, 0 });
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  assert_read_from_index (db, "t.organisation_sort_key ASC NULLS LAST, t.sort_key ASC, t.id ASC",
                          "people_organisation_sort");
  assert_read_from_index (db, "t.organisation_sort_key DESC NULLS LAST, t.sort_key DESC, t.id DESC",
                          "people_organisation_sort");
  sqlite3_close (db);
}



int
main (int argc, char **argv)
{
  sec_test_migrations_init (&argc, &argv);

  g_test_add_func ("/migrations/upgrade-search-index", test_upgrade_search_index);
  g_test_add_func ("/migrations/upgrade-sort-indexes", test_upgrade_sort_indexes);
  g_test_add_func ("/migrations/upgrade-organisation-sort", test_upgrade_organisation_sort);

  return sec_test_migrations_run ();
}
