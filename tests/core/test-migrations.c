/* test-migrations.c: upgrading old databases: each version's records
 * come through and gain what the migrations add (funding, personal data,
 * the organiser's switch, participants' needs, meetings' counts, records'
 * versions).
 *
 * The old files are made as sec-test-migrations.h says; the indexes an
 * upgrade makes (the search index, the sort keys) are tested in
 * test-migrations-indexes.c, and the files opening refuses in
 * test-migrations-open.c. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store.h"
#include "sec-test-migrations.h"
#include "sec-test-util.h"

static void
test_upgrade_version_1 (void)
{
  g_autofree char *path = sec_test_tmp_path ("v1.db");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();

  sec_test_make_version_1 (path);
  before = sec_test_checksum_file (path);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (SEC_STORE_SCHEMA_VERSION, >, 1);

  /* The copy made before upgrading is the old file. */
  g_assert_nonnull (sec_store_get_backup_path (store));
  g_assert_true (g_str_has_suffix (sec_store_get_backup_path (store), ".before-migration.db"));
  g_assert_nonnull (strstr (sec_store_get_backup_path (store), "/backups/v1."));
  g_assert_cmpint (sec_test_user_version (sec_store_get_backup_path (store)), ==, 1);

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
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);

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
    sec_test_exec_sql (db, m[i].sql);
  sec_test_exec_sql (db, "PRAGMA user_version = 4");
  sec_test_exec_sql (db,
                     "INSERT INTO meetings (id, created_at, updated_at, title, starts_at, ends_at)"
                     " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Plenary', '2020-05-01T09:00', '2020-05-01T17:00');"
                     "INSERT INTO agenda_items (id, created_at, updated_at, meeting_id, position, title)"
                     " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, 1, 'Opening');");
  sqlite3_close (db);
}

static void
test_upgrade_version_4 (void)
{
  g_autofree char *path = sec_test_tmp_path ("v4.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) item = NULL;
  g_autoptr(SecRecord) minutes = NULL;
  g_autoptr(SecRecord) point = NULL;

  make_version_4 (path);
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_test_user_version (sec_store_get_backup_path (store)), ==, 4);

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
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* A database of the last version before 8 (e-mails, delegates): its
 * participants and memberships keep their data and gain the new fields. */
static void
test_upgrade_to_version_8 (void)
{
  g_autofree char *path = sec_test_tmp_path ("v7.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = sec_test_open_before (path, 8);

  sec_test_exec_sql (db,
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
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* A database of the last version before 13: a membership that names a
 * delegate of another organisation keeps it (nothing is dropped), but
 * from now on the store refuses such a delegate or alternate. */
static void
test_upgrade_to_version_13 (void)
{
  g_autofree char *path = sec_test_tmp_path ("v9.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) membership = NULL;
  sqlite3 *db = sec_test_open_before (path, 13);

  sec_test_exec_sql (db,
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
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
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
  g_autofree char *path = sec_test_tmp_path ("v13-counts.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) moved = NULL;
  sqlite3 *db = sec_test_open_before (path, 14);

  sec_test_exec_sql (db,
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
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* Migration 15: a database of version 14 keeps its records, each of them
 * at version 1, every kind's table with the column; a save moves it on and
 * one made on a version read before is refused. */
static void
test_upgrade_versions (void)
{
  g_autofree char *path = sec_test_tmp_path ("v14-versions.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) anna = NULL;
  g_autoptr(SecRecord) stale = NULL;
  g_autoptr(SecRecord) plenary = NULL;
  sqlite3 *db = sec_test_open_before (path, 15);
  const GType *kinds = sec_record_kinds ();

  sec_test_exec_sql (db,
                     "INSERT INTO organisations (id, created_at, updated_at, name, kind)"
                     " VALUES (1, 'x', 'x', 'Fundacja Łódź', 'civil-society');"
                     "INSERT INTO people (id, created_at, updated_at, given_name, family_name, organisation_id)"
                     " VALUES (1, 'x', 'x', 'Anna', 'Müller', 1);"
                     "INSERT INTO meetings (id, created_at, updated_at, title, starts_at, ends_at, status)"
                     " VALUES (1, 'x', 'x', 'Plenary', '2020-05-01T09:00', '2020-05-01T17:00', 'planned');");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);

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


/* A database of the version before 12: participants' needs given with a
 * recorded consent count as consented; others are kept as they are, and
 * can be cleared but not changed without the consent. */
static void
test_upgrade_participant_needs (void)
{
  g_autofree char *path = sec_test_tmp_path ("v11.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = sec_test_open_before (path, 12);

  sec_test_exec_sql (db,
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
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}

/* A database as the version before EU funding (migration 7) wrote it:
 * every earlier migration, and an organisation and a person. */
static void
make_before_funding (const char *path)
{
  sqlite3 *db = sec_test_open_before (path, 7);

  sec_test_exec_sql (db,
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
  g_autofree char *path = sec_test_tmp_path ("before-funding.db");
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
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}


/* A database of version 9: its organisations keep their data and gain
 * the organising institution's switch (migration 10), off. */
static void
test_upgrade_organiser (void)
{
  g_autofree char *path = sec_test_tmp_path ("v9-organiser.db");
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) org = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && m[i].version <= 9; i++)
    sec_test_exec_sql (db, m[i].sql);
  sec_test_exec_sql (db, "PRAGMA user_version = 9");
  sec_test_exec_sql (db, "INSERT INTO organisations (id, created_at, updated_at, name, country)"
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
  g_assert_cmpint (sec_test_user_version (path), ==, SEC_STORE_SCHEMA_VERSION);
}


/* A database as version 4 wrote it (before personal data, migration 6):
 * one person with consent and needs, one with neither. */
static void
test_upgrade_personal_data (void)
{
  g_autofree char *path = sec_test_tmp_path ("v4-privacy.db");
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
    sec_test_exec_sql (db, m[i].sql);
  sec_test_exec_sql (db, "PRAGMA user_version = 4");
  sec_test_exec_sql (db,
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


int
main (int argc, char **argv)
{
  sec_test_migrations_init (&argc, &argv);

  g_test_add_func ("/migrations/upgrade-version-1", test_upgrade_version_1);
  g_test_add_func ("/migrations/upgrade-version-4", test_upgrade_version_4);
  g_test_add_func ("/migrations/upgrade-to-version-8", test_upgrade_to_version_8);
  g_test_add_func ("/migrations/upgrade-to-version-13", test_upgrade_to_version_13);
  g_test_add_func ("/migrations/upgrade-to-funding", test_upgrade_to_funding);
  g_test_add_func ("/migrations/upgrade-personal-data", test_upgrade_personal_data);
  g_test_add_func ("/migrations/upgrade-organiser", test_upgrade_organiser);
  g_test_add_func ("/migrations/upgrade-participant-needs", test_upgrade_participant_needs);
  g_test_add_func ("/migrations/upgrade-meeting-counts", test_upgrade_meeting_counts);
  g_test_add_func ("/migrations/upgrade-versions", test_upgrade_versions);

  return sec_test_migrations_run ();
}
