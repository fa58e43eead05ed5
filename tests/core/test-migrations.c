/* test-migrations.c: upgrading old databases, and refusing files that
 * must not be touched (each left byte for byte as it was). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store-check.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"
#include "sec-test-util.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
exec_sql (sqlite3 *db, const char *sql)
{
  char *err = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
}

/* A database as the version before migration @version wrote it: every
 * earlier migration run, its user_version set. */
static sqlite3 *
open_before (const char *path,
             int         version)
{
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;
  int last = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && m[i].version < version; i++)
    {
      exec_sql (db, m[i].sql);
      last = m[i].version;
    }
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", last);
    exec_sql (db, sql);
  }
  return db;
}

/* A database as version 1 of the program wrote it. */
static void
make_version_1 (const char *path)
{
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;

  g_assert_cmpint (m[0].version, ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, m[0].sql);
  exec_sql (db, "PRAGMA user_version = 1");
  exec_sql (db,
            "INSERT INTO organisations (id, created_at, updated_at, name, kind, country)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Fundacja Łódź', 'civil-society', 'PL');"
            "INSERT INTO people (id, created_at, updated_at, given_name, family_name, organisation_id)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Anna', 'Müller', 1);"
            "INSERT INTO meetings (id, created_at, updated_at, title, starts_at, ends_at)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Plenary', '2020-05-01T09:00', '2020-05-01T17:00');");
  sqlite3_close (db);
}

static int
user_version (const char *path)
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

static void
test_upgrade_version_1 (void)
{
  g_autofree char *path = tmp_path ("v1.db");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();

  make_version_1 (path);
  before = sec_test_checksum_file (path);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (SEC_STORE_SCHEMA_VERSION, >, 1);

  /* The copy made before upgrading is the old file. */
  g_assert_nonnull (sec_store_get_backup_path (store));
  g_assert_true (g_str_has_suffix (sec_store_get_backup_path (store), ".before-migration.db"));
  g_assert_nonnull (strstr (sec_store_get_backup_path (store), "/backups/v1."));
  g_assert_cmpint (user_version (sec_store_get_backup_path (store)), ==, 1);

  /* The records came through, with the new fields at their defaults. */
  {
    g_autoptr(SecRecord) org = sec_store_get (store, SEC_TYPE_ORGANISATION, 1, &error);
    g_autoptr(SecRecord) person = sec_store_get (store, SEC_TYPE_PERSON, 1, &error);
    g_autoptr(SecRecord) meeting = sec_store_get (store, SEC_TYPE_MEETING, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sec_record_get_string (org, "name"), ==, "Fundacja Łódź");
    g_assert_cmpint (sec_record_get_ref (org, "contact-person"), ==, 0);
    g_assert_cmpstr (sec_record_get_derived (person, "organisation-name"), ==, "Fundacja Łódź");
    g_assert_cmpstr (sec_record_get_string (meeting, "agenda-status"), ==, "draft");
    g_assert_cmpint (sec_record_get_int (meeting, "agenda-version"), ==, 0);

    /* The new fields work. */
    sec_record_set_ref (org, "contact-person", 1);
    g_assert_true (sec_store_update (store, org, &error));
    g_assert_no_error (error);
  }

  /* Search text written by the upgrade. */
  sec_query_set_search (q, "lodz");
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_ORGANISATION, q, NULL), ==, 1);
  sec_query_set_search (q, "muller");
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, q, NULL), ==, 1);

  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);

  /* Opening the current version again makes no new backup. */
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (sec_store_get_backup_path (store));
  (void) before;
}

/* A database as version 4 wrote it (the migrations up to 4), with a
 * meeting and its agenda: version 9 adds minutes and action points. */
static void
make_version_4 (const char *path)
{
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && m[i].version <= 4; i++)
    exec_sql (db, m[i].sql);
  exec_sql (db, "PRAGMA user_version = 4");
  exec_sql (db,
            "INSERT INTO meetings (id, created_at, updated_at, title, starts_at, ends_at)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Plenary', '2020-05-01T09:00', '2020-05-01T17:00');"
            "INSERT INTO agenda_items (id, created_at, updated_at, meeting_id, position, title)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, 1, 'Opening');");
  sqlite3_close (db);
}

static void
test_upgrade_version_4 (void)
{
  g_autofree char *path = tmp_path ("v4.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) item = NULL;
  g_autoptr(SecRecord) minutes = NULL;
  g_autoptr(SecRecord) point = NULL;

  make_version_4 (path);
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (sec_store_get_backup_path (store)), ==, 4);

  /* The agenda came through, and takes minutes and action points. */
  item = sec_store_get (store, SEC_TYPE_AGENDA_ITEM, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (item, "title"), ==, "Opening");
  minutes = sec_test_make (store, SEC_TYPE_MINUTES, "agenda-item", "1", "summary", "Opened at 09:05", NULL);
  point = sec_test_make (store, SEC_TYPE_ACTION_POINT, "meeting", "1", "agenda-item", "1",
                         "what", "Circulate the minutes", "due-on", "2020-06-01", NULL);
  g_assert_cmpint (sec_record_get_id (minutes), >, 0);
  g_assert_cmpstr (sec_record_get_string (point, "status"), ==, "open");
  g_assert_cmpstr (sec_record_get_string (point, "owner"), ==, "secretariat");
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* A database of the last version before 8 (e-mails, delegates): its
 * participants and memberships keep their data and gain the new fields. */
static void
test_upgrade_to_version_8 (void)
{
  g_autofree char *path = tmp_path ("v7.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = open_before (path, 8);

  exec_sql (db,
            "INSERT INTO organisations (id, created_at, updated_at, name) VALUES (1, 'x', 'x', 'Fundacja Łódź');"
            "INSERT INTO people (id, created_at, updated_at, family_name, email, organisation_id)"
            " VALUES (1, 'x', 'x', 'Müller', 'anna@example.org', 1), (2, 'x', 'x', 'Nowak', NULL, 1);"
            "INSERT INTO bodies (id, created_at, updated_at, name) VALUES (1, 'x', 'x', 'Platform');"
            "INSERT INTO memberships (id, created_at, updated_at, organisation_id, body_id) VALUES (1, 'x', 'x', 1, 1);"
            "INSERT INTO meetings (id, created_at, updated_at, title, starts_at, ends_at, status)"
            " VALUES (1, 'x', 'x', 'Plenary', '2020-05-01T09:00', '2020-05-01T17:00', 'planned');"
            "INSERT INTO participants (id, created_at, updated_at, meeting_id, person_id, invited_on)"
            " VALUES (1, 'x', 'x', 1, 1, '2020-04-01');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SecRecord) p = sec_store_get (store, SEC_TYPE_PARTICIPANT, 1, &error);
    g_autoptr(SecRecord) person = sec_store_get (store, SEC_TYPE_PERSON, 1, &error);
    g_autoptr(SecRecord) membership = sec_store_get (store, SEC_TYPE_MEMBERSHIP, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sec_record_get_string (p, "invited-on"), ==, "2020-04-01");
    g_assert_null (sec_record_get_string (p, "reminded-on"));
    g_assert_false (sec_record_get_bool (person, "no-contact"));
    g_assert_cmpstr (sec_record_get_string (person, "email"), ==, "anna@example.org");
    g_assert_cmpint (sec_record_get_ref (membership, "delegate"), ==, 0);

    sec_record_set_string (p, "reminded-on", "2020-04-20");
    sec_record_set_bool (person, "no-contact", TRUE);
    sec_record_set_ref (membership, "delegate", 2);
    g_assert_true (sec_store_update (store, p, &error));
    g_assert_true (sec_store_update (store, person, &error));
    g_assert_true (sec_store_update (store, membership, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* A database of the last version before 13: a membership that names a
 * delegate of another organisation keeps it (nothing is dropped), but
 * from now on the store refuses such a delegate or alternate. */
static void
test_upgrade_to_version_13 (void)
{
  g_autofree char *path = tmp_path ("v9.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) membership = NULL;
  sqlite3 *db = open_before (path, 13);

  exec_sql (db,
            "INSERT INTO organisations (id, created_at, updated_at, name)"
            " VALUES (1, 'x', 'x', 'Fundacja Łódź'), (2, 'x', 'x', 'La Strada');"
            "INSERT INTO people (id, created_at, updated_at, family_name, organisation_id)"
            " VALUES (1, 'x', 'x', 'Müller', 1), (2, 'x', 'x', 'Nowak', 2);"
            "INSERT INTO bodies (id, created_at, updated_at, name) VALUES (1, 'x', 'x', 'Platform');"
            "INSERT INTO memberships (id, created_at, updated_at, organisation_id, body_id, delegate_id)"
            " VALUES (1, 'x', 'x', 1, 1, 2);"
            "INSERT INTO membership_alternates (membership_id, person_id) VALUES (1, 2);");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  membership = sec_store_get (store, SEC_TYPE_MEMBERSHIP, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_ref (membership, "delegate"), ==, 2);
  g_assert_cmpstr (sec_record_get_derived (membership, "alternate-names"), ==, "Nowak");

  /* Saved again, it must name one of its own people. */
  g_assert_false (sec_store_update (store, membership, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sec_record_set_ref (membership, "delegate", 1);
  g_assert_true (sec_store_update (store, membership, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* The participant counts of every meeting, as the store gives them, equal
 * the participations counted. */
static void
assert_meeting_counts (SecStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = sec_store_list (store, SEC_TYPE_MEETING, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < meetings->len; i++)
    {
      SecRecord *m = meetings->pdata[i];
      g_autoptr(SecQuery) all = sec_query_new ();
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (m));
      gint64 n_confirmed = 0;

      sec_query_add (all, "meeting", SEC_QUERY_EQUALS, id);
      for (const char *const *s = (const char *const[]) { "confirmed", "attended", "attended-remotely", NULL }; *s; s++)
        {
          g_autoptr(SecQuery) q = sec_query_copy (all);

          sec_query_add (q, "status", SEC_QUERY_EQUALS, *s);
          n_confirmed += sec_store_count (store, SEC_TYPE_PARTICIPANT, q, &error);
        }
      g_assert_cmpint (g_ascii_strtoll (sec_record_get_derived (m, "participant-count"), NULL, 10), ==,
                       sec_store_count (store, SEC_TYPE_PARTICIPANT, all, &error));
      g_assert_cmpint (g_ascii_strtoll (sec_record_get_derived (m, "confirmed-count"), NULL, 10), ==, n_confirmed);
      g_assert_no_error (error);
    }
}

/* Migration 14: a database of version 13 gains each meeting's counts of
 * participants, which then follow every change of a participation. */
static void
test_upgrade_meeting_counts (void)
{
  g_autofree char *path = tmp_path ("v13-counts.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) moved = NULL;
  sqlite3 *db = open_before (path, 14);

  exec_sql (db,
            "INSERT INTO people (id, created_at, updated_at, family_name)"
            " VALUES (1, 'x', 'x', 'Müller'), (2, 'x', 'x', 'Nowak'), (3, 'x', 'x', 'Ionescu');"
            "INSERT INTO meetings (id, created_at, updated_at, title, starts_at, ends_at, status)"
            " VALUES (1, 'x', 'x', 'Plenary', '2020-05-01T09:00', '2020-05-01T17:00', 'planned'),"
            " (2, 'x', 'x', 'Bureau', '2020-06-01T09:00', '2020-06-01T17:00', 'planned'),"
            " (3, 'x', 'x', 'Empty', '2020-07-01T09:00', '2020-07-01T17:00', 'planned');"
            "INSERT INTO participants (id, created_at, updated_at, meeting_id, person_id, status)"
            " VALUES (1, 'x', 'x', 1, 1, 'confirmed'), (2, 'x', 'x', 1, 2, 'invited'),"
            " (3, 'x', 'x', 1, 3, 'attended'), (4, 'x', 'x', 2, 1, 'declined');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SecRecord) plenary = sec_store_get (store, SEC_TYPE_MEETING, 1, &error);

    g_assert_cmpstr (sec_record_get_derived (plenary, "participant-count"), ==, "3");
    g_assert_cmpstr (sec_record_get_derived (plenary, "confirmed-count"), ==, "2");
  }
  assert_meeting_counts (store);

  /* Inserted, changed in status, moved to another meeting, deleted. */
  sec_test_make (store, SEC_TYPE_PARTICIPANT, "meeting", "3", "person", "2", "status", "confirmed", NULL);
  moved = sec_store_get (store, SEC_TYPE_PARTICIPANT, 2, &error);
  sec_record_set_string (moved, "status", "confirmed");
  g_assert_true (sec_store_update (store, moved, &error));
  assert_meeting_counts (store);
  sec_record_set_ref (moved, "meeting", 2);
  g_assert_true (sec_store_update (store, moved, &error));
  assert_meeting_counts (store);
  g_assert_true (sec_store_delete (store, SEC_TYPE_PARTICIPANT, 1, &error));
  assert_meeting_counts (store);
  /* A meeting deleted takes its participations and counts with it. */
  g_assert_true (sec_store_delete (store, SEC_TYPE_MEETING, 1, &error));
  g_assert_no_error (error);
  assert_meeting_counts (store);
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* Migration 15: a database of version 14 keeps its records, each of them
 * at version 1, every kind's table with the column; a save moves it on and
 * one made on a version read before is refused. */
static void
test_upgrade_versions (void)
{
  g_autofree char *path = tmp_path ("v14-versions.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) anna = NULL;
  g_autoptr(SecRecord) stale = NULL;
  g_autoptr(SecRecord) plenary = NULL;
  sqlite3 *db = open_before (path, 15);
  const GType *kinds = sec_record_kinds ();

  exec_sql (db,
            "INSERT INTO organisations (id, created_at, updated_at, name, kind)"
            " VALUES (1, 'x', 'x', 'Fundacja Łódź', 'civil-society');"
            "INSERT INTO people (id, created_at, updated_at, given_name, family_name, organisation_id)"
            " VALUES (1, 'x', 'x', 'Anna', 'Müller', 1);"
            "INSERT INTO meetings (id, created_at, updated_at, title, starts_at, ends_at, status)"
            " VALUES (1, 'x', 'x', 'Plenary', '2020-05-01T09:00', '2020-05-01T17:00', 'planned');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);

  anna = sec_store_get (store, SEC_TYPE_PERSON, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (anna, "family-name"), ==, "Müller");
  g_assert_cmpint (sec_record_get_ref (anna, "organisation"), ==, 1);
  g_assert_cmpint (sec_record_get_version (anna), ==, 1);
  plenary = sec_store_get (store, SEC_TYPE_MEETING, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (plenary, "title"), ==, "Plenary");
  g_assert_cmpint (sec_record_get_version (plenary), ==, 1);

  /* Every kind is read with its version: a list of each works. */
  for (guint i = 0; kinds[i] != 0; i++)
    {
      g_autoptr(GPtrArray) all = sec_store_list (store, kinds[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (all);
      for (guint j = 0; j < all->len; j++)
        g_assert_cmpint (sec_record_get_version (g_ptr_array_index (all, j)), ==, 1);
    }

  stale = sec_record_copy (anna);
  sec_record_set_string (anna, "position", "Director");
  g_assert_true (sec_store_update (store, anna, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_version (anna), ==, 2);
  sec_record_set_string (stale, "position", "Policy Officer");
  g_assert_false (sec_store_update (store, stale, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONFLICT);
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
  g_autofree char *path = tmp_path ("v10-sort.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = open_before (path, 11);

  exec_sql (db,
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
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);

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
  g_autofree char *path = tmp_path ("v15-organisation-sort.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) org = NULL;
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(GPtrArray) history = NULL;
  sqlite3 *db = open_before (path, 16);

  exec_sql (db,
            "INSERT INTO organisations (id, created_at, updated_at, name, sort_key)"
            " VALUES (1, 'x', 'x', 'Zeta', 'zeta'), (2, 'x', 'x', 'Alpha', 'alpha'), (3, 'x', 'x', 'Mu', 'mu');"
            "INSERT INTO people (id, created_at, updated_at, family_name, organisation_id, sort_key)"
            " VALUES (1, 'x', 'x', 'Müller', 1, 'muller'), (2, 'x', 'x', 'Nowak', 2, 'nowak'),"
            " (3, 'x', 'x', 'Ionescu', NULL, 'ionescu'), (4, 'x', 'x', 'Bauer', 3, 'bauer'),"
            " (5, 'x', 'x', 'Adamska', 1, 'adamska');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
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


/* A database of the version before 12: participants' needs given with a
 * recorded consent count as consented; others are kept as they are, and
 * can be cleared but not changed without the consent. */
static void
test_upgrade_participant_needs (void)
{
  g_autofree char *path = tmp_path ("v11.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = open_before (path, 12);

  exec_sql (db,
            "INSERT INTO people (id, created_at, updated_at, family_name, consent_date)"
            " VALUES (1, 'x', 'x', 'Müller', '2026-01-05'), (2, 'x', 'x', 'Nowak', NULL);"
            "INSERT INTO meetings (id, created_at, updated_at, title, starts_at, ends_at, status)"
            " VALUES (1, 'x', 'x', 'Plenary', '2099-05-01T09:00', '2099-05-01T17:00', 'planned');"
            "INSERT INTO participants (id, created_at, updated_at, meeting_id, person_id, needs)"
            " VALUES (1, 'x', 'x', 1, 1, 'Vegetarian'), (2, 'x', 'x', 1, 2, 'Step-free access');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SecRecord) anna = sec_store_get (store, SEC_TYPE_PERSON, 1, &error);
    g_autoptr(SecRecord) jan = sec_store_get (store, SEC_TYPE_PERSON, 2, &error);
    g_autoptr(SecRecord) p1 = sec_store_get (store, SEC_TYPE_PARTICIPANT, 1, &error);
    g_autoptr(SecRecord) p2 = sec_store_get (store, SEC_TYPE_PARTICIPANT, 2, &error);

    g_assert_no_error (error);
    g_assert_true (sec_record_get_bool (anna, "needs-consent"));
    g_assert_false (sec_record_get_bool (jan, "needs-consent"));
    g_assert_cmpstr (sec_record_get_string (p1, "needs"), ==, "Vegetarian");
    g_assert_cmpstr (sec_record_get_string (p2, "needs"), ==, "Step-free access");

    /* Other fields still change; the needs do not, except to go. */
    sec_record_set_string (p2, "status", "confirmed");
    g_assert_true (sec_store_update (store, p2, &error));
    g_assert_no_error (error);
    sec_record_set_string (p2, "needs", "Step-free access, hearing loop");
    g_assert_false (sec_store_update (store, p2, &error));
    g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    sec_record_set_string (p2, "needs", NULL);
    g_assert_true (sec_store_update (store, p2, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* A database as the version before EU funding (migration 7) wrote it:
 * every earlier migration, and an organisation and a person. */
static void
make_before_funding (const char *path)
{
  sqlite3 *db = open_before (path, 7);

  exec_sql (db,
            "INSERT INTO organisations (id, created_at, updated_at, name, kind, country)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Kosovar Stability Initiative', 'civil-society', 'PL');"
            "INSERT INTO people (id, created_at, updated_at, given_name, family_name, organisation_id)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Alice', 'Bellagamba', 1);");
  sqlite3_close (db);
}

/* The upgrade keeps the records and adds programmes, calls for proposals,
 * projects and partners that refer to them. */
static void
test_upgrade_to_funding (void)
{
  g_autofree char *path = tmp_path ("before-funding.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) org = NULL;
  g_autoptr(SecRecord) programme = sec_record_new (SEC_TYPE_PROGRAMME);
  g_autoptr(SecRecord) project = sec_record_new (SEC_TYPE_PROJECT);
  g_autoptr(SecRecord) partner = sec_record_new (SEC_TYPE_PROJECT_PARTNER);
  g_autoptr(SecQuery) query = sec_query_new ();

  make_before_funding (path);
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sec_store_get_backup_path (store));

  org = sec_store_get (store, SEC_TYPE_ORGANISATION, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (org, "name"), ==, "Kosovar Stability Initiative");
  /* Kosovo is a country now. */
  sec_record_set_string (org, "country", "XK");
  g_assert_true (sec_store_update (store, org, &error));
  g_assert_no_error (error);

  sec_record_set_string (programme, "name", "Seventh Framework Programme");
  sec_record_set_string (programme, "short-name", "FP7");
  g_assert_true (sec_store_insert (store, programme, &error));
  g_assert_no_error (error);
  sec_record_set_string (project, "acronym", "ANTICORRP");
  sec_record_set_string (project, "title", "Anticorruption Policies Revisited");
  sec_record_set_ref (project, "programme", sec_record_get_id (programme));
  sec_record_set_ref (project, "principal-investigator", 1);
  sec_record_set_int (project, "budget", 7999182);
  g_assert_true (sec_store_insert (store, project, &error));
  g_assert_no_error (error);
  sec_record_set_ref (partner, "project", sec_record_get_id (project));
  sec_record_set_ref (partner, "organisation", 1);
  g_assert_true (sec_store_insert (store, partner, &error));
  g_assert_no_error (error);

  sec_query_add (query, "country", SEC_QUERY_RELATION, "XK");
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PROJECT, query, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* A version 4 database (before the search index and the Latin forms of
 * Greek and Cyrillic names), with the search text version 1 wrote. */
static void
test_upgrade_search_index (void)
{
  g_autofree char *path = tmp_path ("v4-search.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && m[i].version <= 4; i++)
    exec_sql (db, m[i].sql);
  exec_sql (db, "PRAGMA user_version = 4;"
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

  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
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


/* Every index of the file, with its definition. */
#define INDEXES_SQL \
  "SELECT group_concat (name || ':' || sql, '|') FROM" \
  " (SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)"

/* A file written under another locale's collation: its sort keys are made
 * again when it is opened, a page of rows at a time (2,500 people: three
 * pages), and nothing else: the search text, which the fold rules alone
 * make, is not written again (it was, with every key, for every record:
 * 110 s on the file of a million participants). */
static const char *const families[] = { "Zagreb", "Łódź", "Müller", "muller", "Škoda", "corvinus", "O'Brien" };

static void
test_locale_change (void)
{
  g_autofree char *path = tmp_path ("locale.db");
  g_autofree char *saved = g_strdup (setlocale (LC_COLLATE, NULL));
  static const guint rows[] = { 5, 1500, 2402 };
  char *old_keys[G_N_ELEMENTS (rows)];
  gint64 fresh_ids[G_N_ELEMENTS (rows)];
  g_autofree char *search = NULL;
  g_autofree char *locale = NULL;
  g_autofree char *indexes = NULL;
  g_autofree char *indexes_after = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = NULL;

  if (setlocale (LC_COLLATE, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is not installed (locales-all)");
      return;
    }
  sec_test_make_c_locale_people (path, 2500, families, G_N_ELEMENTS (families));
  setlocale (LC_COLLATE, "C.UTF-8");

  /* A mark in one row's search text, which only its rewriting would take. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "UPDATE people SET search_text = search_text || ' mark' WHERE id = 2402");
  sqlite3_close (db);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT hex(sort_key) FROM people WHERE id = %u", rows[i]);

      old_keys[i] = sec_test_read_text (path, sql);
    }
  indexes = sec_test_read_text (path, INDEXES_SQL);
  g_assert_nonnull (strstr (indexes, "people_sort:CREATE INDEX people_sort ON people (sort_key)"));

  setlocale (LC_COLLATE, "en_US.UTF-8");
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  /* A person of the same name made under this locale has the key the
   * file's row was given again, in each of the three pages; the C
   * locale's key was another. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SecRecord) fresh = sec_record_new (SEC_TYPE_PERSON);
      g_autofree char *given = g_strdup_printf ("Given%04u", rows[i] - 1);

      sec_record_set_string (fresh, "given-name", given);
      sec_record_set_string (fresh, "family-name", families[(rows[i] - 1) % G_N_ELEMENTS (families)]);
      g_assert_true (sec_store_insert (store, fresh, &error));
      g_assert_no_error (error);
      fresh_ids[i] = sec_record_get_id (fresh);
    }
  g_clear_object (&store);
  setlocale (LC_COLLATE, saved);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT hex(sort_key) FROM people WHERE id = %u", rows[i]);
      g_autofree char *fresh_sql = g_strdup_printf ("SELECT hex(sort_key) FROM people WHERE id = %" G_GINT64_FORMAT,
                                                    fresh_ids[i]);
      g_autofree char *new_key = sec_test_read_text (path, sql);
      g_autofree char *fresh_key = sec_test_read_text (path, fresh_sql);

      g_assert_cmpstr (new_key, ==, fresh_key);
      g_assert_cmpstr (old_keys[i], !=, fresh_key);
      g_free (old_keys[i]);
    }
  search = sec_test_read_text (path, "SELECT search_text FROM people WHERE id = 2402");
  g_assert_true (g_str_has_suffix (search, " mark"));
  locale = sec_test_read_text (path, "SELECT value FROM settings WHERE key = 'collate-locale'");
  g_assert_cmpstr (locale, ==, "en_US.UTF-8");
  /* The indexes on the keys, set aside while the keys were made again,
   * are back as they were, and agree with the rows. */
  indexes_after = sec_test_read_text (path, INDEXES_SQL);
  g_assert_cmpstr (indexes_after, ==, indexes);
  check = sec_test_read_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

typedef struct {
  GArray       *fractions;  /* of double, as told */
  GCancellable *stop_at_half; /* (nullable): cancelled at the first report past 0.5 */
  SecStore     *store;
  GError       *error;
  gboolean      done;
} Opening;

static void
on_open_progress (double   fraction,
                  gpointer data)
{
  Opening *o = data;

  g_array_append_val (o->fractions, fraction);
  if (o->stop_at_half != NULL && fraction > 0.5)
    g_cancellable_cancel (o->stop_at_half);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Opening *o = data;

  o->store = sec_store_open_finish (result, &o->error);
  o->done = TRUE;
}

static void
open_in_worker (const char *path,
                Opening    *o)
{
  o->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  sec_store_open_async (path, on_open_progress, o, o->stop_at_half, on_opened, o);
  while (!o->done)
    g_main_context_iteration (NULL, TRUE);
}

/* A file whose keys are made again: stopped halfway, the file is as it
 * was (its keys, its indexes, the locale they were made for); opened
 * again in a worker, as the window does, to the end, the bar moving
 * forward only. */
static void
test_open_async_locale_change (void)
{
  g_autofree char *path = tmp_path ("locale-async.db");
  g_autofree char *saved = g_strdup (setlocale (LC_COLLATE, NULL));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *indexes = NULL;
  g_autofree char *key = NULL;
  Opening stopped = { NULL, cancellable, NULL, NULL, FALSE };
  Opening opened = { 0 };

  if (setlocale (LC_COLLATE, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is not installed (locales-all)");
      return;
    }
  sec_test_make_c_locale_people (path, 2500, families, G_N_ELEMENTS (families));
  setlocale (LC_COLLATE, "C.UTF-8");
  indexes = sec_test_read_text (path, INDEXES_SQL);
  key = sec_test_read_text (path, "SELECT hex(sort_key) FROM people WHERE id = 2400");

  setlocale (LC_COLLATE, "en_US.UTF-8");
  /* Stopped from its own thread, so that it stops before the end however
   * fast the machine is. */
  {
    SecOpening opening = { on_open_progress, &stopped, cancellable, 0.0, 1.0 };

    stopped.fractions = g_array_new (FALSE, FALSE, sizeof (double));
    stopped.store = _sec_store_open_full (path, FALSE, &opening, &stopped.error);
  }
  g_assert_error (stopped.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (stopped.store);
  g_assert_cmpfloat (g_array_index (stopped.fractions, double, stopped.fractions->len - 1), <, 1.0);
  {
    g_autofree char *locale = sec_test_read_text (path, "SELECT value FROM settings WHERE key = 'collate-locale'");
    g_autofree char *indexes_now = sec_test_read_text (path, INDEXES_SQL);
    g_autofree char *key_now = sec_test_read_text (path, "SELECT hex(sort_key) FROM people WHERE id = 2400");

    g_assert_cmpstr (locale, ==, "C.UTF-8");
    g_assert_cmpstr (indexes_now, ==, indexes);
    g_assert_cmpstr (key_now, ==, key);
  }

  open_in_worker (path, &opened);
  g_assert_no_error (opened.error);
  g_assert_nonnull (opened.store);
  /* Rows, then indexes: several steps, never backwards. */
  g_assert_cmpuint (opened.fractions->len, >=, 3);
  for (guint i = 1; i < opened.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (opened.fractions, double, i), >=,
                       g_array_index (opened.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (opened.fractions, double, opened.fractions->len - 1), >, 0.5);
  g_clear_object (&opened.store);
  setlocale (LC_COLLATE, saved);
  {
    g_autofree char *locale = sec_test_read_text (path, "SELECT value FROM settings WHERE key = 'collate-locale'");
    g_autofree char *indexes_now = sec_test_read_text (path, INDEXES_SQL);

    g_assert_cmpstr (locale, ==, "en_US.UTF-8");
    g_assert_cmpstr (indexes_now, ==, indexes);
  }
  g_array_unref (stopped.fractions);
  g_array_unref (opened.fractions);
}

/* A database as version 4 wrote it (before personal data, migration 6):
 * one person with consent and needs, one with neither. */
/* A database of version 9: its organisations keep their data and gain
 * the organising institution's switch (migration 10), off. */
static void
test_upgrade_organiser (void)
{
  g_autofree char *path = tmp_path ("v9-organiser.db");
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) org = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && m[i].version <= 9; i++)
    exec_sql (db, m[i].sql);
  exec_sql (db, "PRAGMA user_version = 9");
  exec_sql (db, "INSERT INTO organisations (id, created_at, updated_at, name, country)"
                " VALUES (1, 'x', 'x', 'Office of the Coordinator', 'BE');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  org = sec_store_get (store, SEC_TYPE_ORGANISATION, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (org, "name"), ==, "Office of the Coordinator");
  g_assert_cmpstr (sec_record_get_string (org, "country"), ==, "BE");
  g_assert_false (sec_record_get_bool (org, "organiser"));
  sec_record_set_bool (org, "organiser", TRUE);
  g_assert_true (sec_store_update (store, org, &error));
  g_assert_no_error (error);
  g_clear_object (&org);
  org = sec_store_get (store, SEC_TYPE_ORGANISATION, 1, &error);
  g_assert_true (sec_record_get_bool (org, "organiser"));
  g_clear_object (&store);
  g_assert_cmpint (user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

static void
test_upgrade_personal_data (void)
{
  g_autofree char *path = tmp_path ("v4-privacy.db");
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) with = NULL;
  g_autoptr(SecRecord) without = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && m[i].version <= 4; i++)
    exec_sql (db, m[i].sql);
  exec_sql (db, "PRAGMA user_version = 4");
  exec_sql (db,
            "INSERT INTO people (id, created_at, updated_at, given_name, family_name, dietary_needs,"
            "  consent_date, consent_source)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Niamh', 'Ní Bhriain', 'Gluten-free',"
            "  '2020-01-01', 'Registration form');"
            "INSERT INTO people (id, created_at, updated_at, family_name)"
            " VALUES (2, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Nobody');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  with = sec_store_get (store, SEC_TYPE_PERSON, 1, &error);
  without = sec_store_get (store, SEC_TYPE_PERSON, 2, &error);
  g_assert_no_error (error);
  /* The data stayed; a consent date became the basis and the needs' consent. */
  g_assert_cmpstr (sec_record_get_string (with, "dietary-needs"), ==, "Gluten-free");
  g_assert_cmpstr (sec_record_get_string (with, "lawful-basis"), ==, "consent");
  g_assert_true (sec_record_get_bool (with, "needs-consent"));
  g_assert_null (sec_record_get_string (without, "lawful-basis"));
  g_assert_false (sec_record_get_bool (without, "restricted"));

  /* Changes from now on are on record. */
  sec_record_set_string (without, "email", "nobody@example.org");
  g_assert_true (sec_store_update (store, without, &error));
  history = sec_store_list_history (store, SEC_TYPE_PERSON, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
}

/* Opens @path expecting @code, and checks the file did not change. */
static void
assert_refused (const char *path, int code, const char *message_part)
{
  g_autofree char *before = sec_test_checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  if (message_part)
    g_assert_nonnull (strstr (error->message, message_part));
  after = sec_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_not_database (void)
{
  g_autofree char *path = tmp_path ("notes.txt");
  g_autofree char *bin = tmp_path ("random.db");
  guchar bytes[8192];

  g_assert_true (g_file_set_contents (path, "Minutes of the meeting\nNot a database at all.\n", -1, NULL));
  assert_refused (path, SEC_STORE_ERROR_NOT_DATABASE, "not a Secretariat database");

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guchar) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (bin, (char *) bytes, sizeof bytes, NULL));
  assert_refused (bin, SEC_STORE_ERROR_NOT_DATABASE, NULL);
}

static void
test_refuse_other_program (void)
{
  g_autofree char *path = tmp_path ("other.db");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 12.5);");
  sqlite3_close (db);
  assert_refused (path, SEC_STORE_ERROR_NOT_DATABASE, "another program");
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = tmp_path ("new.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", SEC_STORE_SCHEMA_VERSION + 1);
  sqlite3 *db = NULL;

  make_version_1 (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, sql);
  sqlite3_close (db);
  assert_refused (path, SEC_STORE_ERROR_TOO_NEW, "newer version");
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = tmp_path ("damaged.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  /* A real database with enough rows to fill many pages. */
  {
    g_autoptr(SecStore) store = sec_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (sec_store_begin (store, &error));
    for (int i = 0; i < 2000; i++)
      {
        g_autoptr(SecRecord) p = sec_record_new (SEC_TYPE_PERSON);
        g_autofree char *name = g_strdup_printf ("Ó Súilleabháin %d", i);
        sec_record_set_string (p, "family-name", name);
        g_assert_true (sec_store_insert (store, p, &error));
      }
    g_assert_true (sec_store_commit (store, &error));
  }

  /* Scribble over pages in the middle of the file. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 40 * 4096);
  for (gsize i = 20 * 4096; i < 24 * 4096; i++)
    data[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  assert_refused (path, SEC_STORE_ERROR_CORRUPT, "damaged");

  /* Taken for a large file, whose whole-file check runs after opening:
   * the file still opens (its header and schema are sound), and the check
   * finds the damage, with a message naming the file. */
  {
    g_autoptr(SecStore) store = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) check_error = NULL;

    sec_store_set_open_check_max (0);
    store = sec_store_open (path, &error);
    sec_store_set_open_check_max (SEC_STORE_OPEN_CHECK_MAX_BYTES);
    g_assert_no_error (error);
    g_assert_true (sec_store_get_check_deferred (store));
    sec_store_check_integrity_async (store, NULL, sec_test_keep_result, &result);
    sec_test_wait_result (&result);
    g_assert_false (sec_store_check_integrity_finish (store, result, &check_error));
    g_assert_error (check_error, SEC_STORE_ERROR, SEC_STORE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (check_error->message, "damaged.db"));
  }
}

/* A sound file checked after opening passes; a small one is checked at
 * open and has nothing left to check. */
static void
test_check_after_open (void)
{
  g_autofree char *path = tmp_path ("checked-later.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_object_unref (sec_store_open (path, &error));
  g_assert_no_error (error);
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (sec_store_get_check_deferred (store));
  g_clear_object (&store);

  sec_store_set_open_check_max (0);
  store = sec_store_open (path, &error);
  sec_store_set_open_check_max (SEC_STORE_OPEN_CHECK_MAX_BYTES);
  g_assert_no_error (error);
  g_assert_true (sec_store_get_check_deferred (store));
  sec_store_check_integrity_async (store, NULL, sec_test_keep_result, &result);
  sec_test_wait_result (&result);
  g_assert_true (sec_store_check_integrity_finish (store, result, &error));
  g_assert_no_error (error);
}

static gboolean
make_unwritable (const char *path)
{
  g_autofree char *argv_path = g_strdup (path);
  char *argv[] = { (char *) "chattr", (char *) "+i", argv_path, NULL };
  int status = -1;

  if (geteuid () != 0)
    return g_chmod (path, 0400) == 0;
  /* Root writes through permissions: an immutable file is the one it cannot. */
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static void
make_writable (const char *path)
{
  char *argv[] = { (char *) "chattr", (char *) "-i", (char *) path, NULL };

  if (geteuid () == 0)
    g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, NULL, NULL);
  g_chmod (path, 0600);
}

static void
test_refuse_read_only (void)
{
  g_autofree char *path = tmp_path ("readonly.db");

  make_version_1 (path);
  if (!make_unwritable (path))
    {
      g_test_skip ("cannot make a file unwritable here (chattr failed)");
      return;
    }
  assert_refused (path, SEC_STORE_ERROR_READ_ONLY, "cannot be written");
  make_writable (path);
}

static void
test_create_private (void)
{
  g_autofree char *dir = tmp_path ("new/nested");
  g_autofree char *path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_null (sec_store_get_backup_path (store));
  g_assert_cmpint (sec_store_count_all (store, NULL), ==, 0);
}

static void
test_refuse_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (tmp_dir, &error);

  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN);
}

int
main (int argc, char **argv)
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("sec-migrations-XXXXXX", NULL);

  g_test_add_func ("/migrations/upgrade-version-1", test_upgrade_version_1);
  g_test_add_func ("/migrations/upgrade-version-4", test_upgrade_version_4);
  g_test_add_func ("/migrations/upgrade-to-version-8", test_upgrade_to_version_8);
  g_test_add_func ("/migrations/upgrade-to-version-13", test_upgrade_to_version_13);
  g_test_add_func ("/migrations/upgrade-to-funding", test_upgrade_to_funding);
  g_test_add_func ("/migrations/upgrade-search-index", test_upgrade_search_index);
  g_test_add_func ("/migrations/upgrade-personal-data", test_upgrade_personal_data);
  g_test_add_func ("/migrations/upgrade-organiser", test_upgrade_organiser);
  g_test_add_func ("/migrations/upgrade-sort-indexes", test_upgrade_sort_indexes);
  g_test_add_func ("/migrations/upgrade-participant-needs", test_upgrade_participant_needs);
  g_test_add_func ("/migrations/upgrade-meeting-counts", test_upgrade_meeting_counts);
  g_test_add_func ("/migrations/upgrade-versions", test_upgrade_versions);
  g_test_add_func ("/migrations/upgrade-organisation-sort", test_upgrade_organisation_sort);
  g_test_add_func ("/open/create-private", test_create_private);
  g_test_add_func ("/open/refuse-not-database", test_refuse_not_database);
  g_test_add_func ("/open/refuse-other-program", test_refuse_other_program);
  g_test_add_func ("/open/locale-change", test_locale_change);
  g_test_add_func ("/open/async-locale-change", test_open_async_locale_change);
  g_test_add_func ("/open/refuse-too-new", test_refuse_too_new);
  g_test_add_func ("/open/refuse-damaged", test_refuse_damaged);
  g_test_add_func ("/open/check-after-open", test_check_after_open);
  g_test_add_func ("/open/refuse-read-only", test_refuse_read_only);
  g_test_add_func ("/open/refuse-folder", test_refuse_folder);

  ret = g_test_run ();
  sec_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
