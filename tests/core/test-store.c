/* test-store.c: every record kind's create/read/update/delete, constraints,
 * cascades, undoable deletion, queries and the paged list model. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"
#include "core/store/sec-unique.h"
#include "sec-test-util.h"

typedef struct {
  char     *dir;
  char     *path;
  SecStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sec_test_make_tmp_dir ("sec-store-XXXXXX");
  f->store = sec_test_open_store (f->dir, "test.db", &f->path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_file_mode (Fixture *f, gconstpointer data)
{
  GStatBuf st;

  if (sec_test_is_pg ())
    {
      g_test_skip ("a file's own");
      return;
    }
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* One record of every kind, created, read back, updated and deleted. */
static void
test_crud_every_kind (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) org = sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", "Europol", "acronym", "Europol",
                                   "kind", "eu-agency", "country", "NL", "city", "Den Haag",
                                   "email", "info@europol.example.eu", "website", "https://www.europol.europa.eu", NULL);
  g_autofree char *org_id = sec_test_id_text (sec_record_get_id (org));
  g_autoptr(SecRecord) person = sec_test_make (f->store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Müller",
                                      "organisation", org_id, "email", "anna@example.org",
                                      "consent-date", "2024-01-31", NULL);
  g_autofree char *person_id = sec_test_id_text (sec_record_get_id (person));
  g_autoptr(SecRecord) body = sec_test_make (f->store, SEC_TYPE_BODY, "name", "EU Civil Society Platform", "acronym", "Platform",
                                    "established-on", "2013-05-31", NULL);
  g_autofree char *body_id = sec_test_id_text (sec_record_get_id (body));
  g_autoptr(SecRecord) call = sec_test_make (f->store, SEC_TYPE_CALL, "title", "2018 targeted call", "reference", "CEI-2018",
                                    "body", body_id, "kind", "targeted", "eligible-countries", "DK,EE,MT",
                                    "deadline", "2018-04-25T23:59", NULL);
  g_autofree char *call_id = sec_test_id_text (sec_record_get_id (call));
  g_autoptr(SecRecord) membership = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", org_id, "body", body_id,
                                          "joined-on", "2018-09-01", "call", call_id, NULL);
  g_autoptr(SecRecord) meeting = sec_test_make (f->store, SEC_TYPE_MEETING, "title", "Platform meeting",
                                       "starts-at", "2027-05-10T09:30", "ends-at", "2027-05-10T17:00",
                                       "venue", "Brussels", NULL);
  g_autofree char *meeting_id = sec_test_id_text (sec_record_get_id (meeting));
  g_autoptr(SecRecord) mb = sec_test_make (f->store, SEC_TYPE_MEETING_BODY, "meeting", meeting_id, "body", body_id, NULL);
  g_autoptr(SecRecord) item = sec_test_make (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", meeting_id, "title", "Welcome",
                                    "duration", "15", NULL);
  g_autofree char *item_id = sec_test_id_text (sec_record_get_id (item));
  g_autoptr(SecRecord) speaker = sec_test_make (f->store, SEC_TYPE_AGENDA_SPEAKER, "agenda-item", item_id, "person", person_id, NULL);
  g_autoptr(SecRecord) participant = sec_test_make (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting_id, "person", person_id,
                                           "organisation", org_id, "status", "confirmed", NULL);
  g_autoptr(SecRecord) erratum = sec_test_make (f->store, SEC_TYPE_ERRATUM, "call", call_id, "published-on", "2018-04-05",
                                       "text", "The second paragraph is corrected.", NULL);
  g_autoptr(SecRecord) application = sec_test_make (f->store, SEC_TYPE_APPLICATION, "call", call_id, "organisation", org_id,
                                           "received-at", "2018-04-20T10:00", NULL);
  g_autoptr(SecRecord) statement = sec_test_make (f->store, SEC_TYPE_STATEMENT, "title", "Joint Statement 2018",
                                         "signed-on", "2018-06-13", "meeting", meeting_id, NULL);
  g_autofree char *statement_id = sec_test_id_text (sec_record_get_id (statement));
  g_autoptr(SecRecord) signatory = sec_test_make (f->store, SEC_TYPE_SIGNATORY, "statement", statement_id, "organisation", org_id,
                                         "signer-position", "Executive Director", NULL);
  g_autofree char *signatory_id = sec_test_id_text (sec_record_get_id (signatory));
  g_autoptr(SecRecord) commitment = sec_test_make (f->store, SEC_TYPE_COMMITMENT, "statement", statement_id,
                                          "text", "Share data on victims", NULL);
  g_autofree char *commitment_id = sec_test_id_text (sec_record_get_id (commitment));
  g_autoptr(SecRecord) follow_up = sec_test_make (f->store, SEC_TYPE_FOLLOW_UP, "commitment", commitment_id,
                                         "signatory", signatory_id, "year", "2019", "status", "done", NULL);
  g_autoptr(SecRecord) minutes = sec_test_make (f->store, SEC_TYPE_MINUTES, "agenda-item", item_id,
                                                "summary", "Welcome by the Coordinator", NULL);
  g_autoptr(SecRecord) action_point = sec_test_make (f->store, SEC_TYPE_ACTION_POINT, "meeting", meeting_id,
                                                     "agenda-item", item_id, "what", "Circulate the minutes",
                                                     "owner", "person", "person", person_id,
                                                     "due-on", "2027-06-10", NULL);
  g_autoptr(SecRecord) programme = sec_test_make (f->store, SEC_TYPE_PROGRAMME, "name", "Seventh Framework Programme",
                                         "short-name", "FP7", "first-year", "2007", "last-year", "2013", NULL);
  g_autofree char *programme_id = sec_test_id_text (sec_record_get_id (programme));
  g_autoptr(SecRecord) funding_call = sec_test_make (f->store, SEC_TYPE_FUNDING_CALL, "title", "Victims of trafficking",
                                            "programme", programme_id, "deadline", "2019-01-31T17:00",
                                            "budget", "1000000", NULL);
  g_autofree char *funding_call_id = sec_test_id_text (sec_record_get_id (funding_call));
  g_autoptr(SecRecord) project = sec_test_make (f->store, SEC_TYPE_PROJECT, "acronym", "ANTICORRP",
                                       "title", "Anticorruption Policies Revisited", "programme", programme_id,
                                       "funding-call", funding_call_id, "coordinator", org_id,
                                       "principal-investigator", person_id, "budget", "7999182",
                                       "starts-on", "2012-03-01", "ends-on", "2017-02-28", NULL);
  g_autofree char *project_id = sec_test_id_text (sec_record_get_id (project));
  g_autoptr(SecRecord) partner = sec_test_make (f->store, SEC_TYPE_PROJECT_PARTNER, "project", project_id,
                                       "organisation", org_id, "short-name", "QOG", NULL);
  SecRecord *all[] = { org, person, body, call, membership, meeting, mb, item, speaker, participant,
                       erratum, application, statement, signatory, commitment, follow_up,
                       minutes, action_point, programme, funding_call, project, partner };
  const GType *kinds = sec_record_kinds ();
  guint n_kinds = 0;

  while (kinds[n_kinds])
    n_kinds++;
  g_assert_cmpuint (n_kinds, ==, G_N_ELEMENTS (all));

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autoptr(SecRecord) back = sec_store_get (f->store, G_OBJECT_TYPE (all[i]), sec_record_get_id (all[i]), &error);

      g_assert_no_error (error);
      g_assert_true (sec_record_equal (back, all[i]));
      g_assert_nonnull (sec_record_get_created_at (back));
      g_assert_true (g_str_has_suffix (sec_record_get_created_at (back), "Z"));
      g_assert_cmpint (sec_store_count (f->store, G_OBJECT_TYPE (all[i]), NULL, NULL), ==, 1);
    }

  /* Derived values come with the record. */
  {
    g_autoptr(SecRecord) back = sec_store_get (f->store, SEC_TYPE_PERSON, sec_record_get_id (person), NULL);
    g_autoptr(SecRecord) m = sec_store_get (f->store, SEC_TYPE_MEETING, sec_record_get_id (meeting), NULL);
    g_assert_cmpstr (sec_record_get_derived (back, "organisation-name"), ==, "Europol");
    g_assert_cmpstr (sec_record_get_derived (m, "confirmed-count"), ==, "1");
    g_assert_cmpstr (sec_record_get_derived (m, "bodies"), ==, "Platform");
  }

  /* Update. */
  sec_record_set_string (org, "city", "The Hague");
  g_assert_true (sec_store_update (f->store, org, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SecRecord) back = sec_store_get (f->store, SEC_TYPE_ORGANISATION, sec_record_get_id (org), NULL);
    g_assert_cmpstr (sec_record_get_string (back, "city"), ==, "The Hague");
  }

  /* Delete, children first. */
  for (int i = G_N_ELEMENTS (all) - 1; i >= 0; i--)
    {
      g_assert_true (sec_store_delete (f->store, G_OBJECT_TYPE (all[i]), sec_record_get_id (all[i]), &error));
      g_assert_no_error (error);
      g_assert_null (sec_store_get (f->store, G_OBJECT_TYPE (all[i]), sec_record_get_id (all[i]), &error));
      g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
  g_assert_cmpint (sec_store_count_all (f->store, NULL), ==, 0);
}

/* Every field of every kind has its column, and every column its field,
 * but for the common ones and the derived values kept in the rows
 * (people's organisation_sort_key): no other column. */
static void
test_schema_matches_kinds (Fixture *f, gconstpointer data)
{
  const GType *kinds = sec_record_kinds ();
  SecEngine *engine = _sec_store_get_engine (f->store);

  for (guint k = 0; kinds[k]; k++)
    {
      const SecKind *kind = sec_kind_from_type (kinds[k]);
      g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", kind->table);
      g_autoptr(SecStmt) stmt = sec_engine_prepare_once (engine, sql, NULL);
      const char *common[] = { "id", "created_at", "updated_at", "search_text", "sort_key", "version" };
      guint n_stored = 0;

      g_assert_nonnull (stmt);
      while (sec_stmt_step (stmt, NULL) == SEC_STEP_ROW)
        g_hash_table_add (columns, g_strdup (sec_stmt_get_text (stmt, 0)));
      for (const SecDerived *d = kind->derived; d && d->name; d++)
        if (_sec_store_derived_column (d) != NULL)
          {
            if (!g_hash_table_contains (columns, _sec_store_derived_column (d)))
              g_error ("%s's derived %s has no column %s", kind->name, d->name, _sec_store_derived_column (d));
            n_stored++;
          }
      g_assert_cmpuint (g_hash_table_size (columns), ==, kind->n_fields + G_N_ELEMENTS (common) + n_stored);

      for (guint i = 0; i < G_N_ELEMENTS (common); i++)
        g_assert_true (g_hash_table_contains (columns, common[i]));
      for (guint i = 0; i < kind->n_fields; i++)
        {
          g_autofree char *column = sec_field_column (&kind->fields[i]);
          if (!g_hash_table_contains (columns, column))
            g_error ("%s.%s has no column %s", kind->name, kind->fields[i].name, column);
          if (kind->fields[i].type == SEC_FIELD_REF)
            g_assert_nonnull (sec_record_kind_lookup (kind->fields[i].ref_kind) ? "" : NULL);
        }
    }
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) org = sec_record_new (SEC_TYPE_ORGANISATION);
  g_autoptr(SecRecord) meeting = sec_record_new (SEC_TYPE_MEETING);

  /* Required. */
  g_assert_false (sec_store_insert (f->store, org, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);

  sec_record_set_string (org, "name", "   ");
  g_assert_false (sec_record_validate (org, &error));
  g_clear_error (&error);

  sec_record_set_string (org, "name", "Frontex");
  sec_record_set_string (org, "email", "not an email");
  g_assert_false (sec_store_insert (f->store, org, &error));
  g_assert_nonnull (strstr (error->message, "not a valid email address"));
  g_clear_error (&error);
  sec_record_set_string (org, "email", NULL);

  sec_record_set_string (org, "country", "XX");
  g_assert_false (sec_record_validate (org, &error));
  g_clear_error (&error);
  sec_record_set_string (org, "country", "pl");
  g_assert_false (sec_record_validate (org, &error));
  g_clear_error (&error);
  sec_record_set_string (org, "country", "PL");

  sec_record_set_string (org, "kind", "bank");
  g_assert_false (sec_record_validate (org, &error));
  g_clear_error (&error);
  sec_record_set_string (org, "kind", "eu-agency");

  sec_record_set_string (org, "website", "ftp://x");
  g_assert_false (sec_record_validate (org, &error));
  g_clear_error (&error);
  sec_record_set_string (org, "website", "https://frontex.europa.eu");
  g_assert_true (sec_record_validate (org, &error));
  g_assert_no_error (error);

  /* Dates and ranges. */
  sec_record_set_string (meeting, "title", "Plenary");
  sec_record_set_string (meeting, "starts-at", "2027-02-30T09:00");
  sec_record_set_string (meeting, "ends-at", "2027-03-01T09:00");
  g_assert_false (sec_record_validate (meeting, &error));
  g_assert_nonnull (strstr (error->message, "2027-02-30"));
  g_clear_error (&error);
  sec_record_set_string (meeting, "starts-at", "2027-03-02T09:00");
  g_assert_false (sec_record_validate_field (meeting, "ends-at", &error));
  g_assert_nonnull (strstr (error->message, "cannot be before"));
  g_clear_error (&error);
  sec_record_set_string (meeting, "ends-at", "2027-03-02T17:00");
  sec_record_set_string (meeting, "timezone", "Mars/Olympus");
  g_assert_false (sec_record_validate (meeting, &error));
  g_clear_error (&error);
  sec_record_set_string (meeting, "timezone", "Europe/Brussels");
  g_assert_true (sec_record_validate (meeting, &error));

  /* Numbers typed as text. */
  {
    g_autoptr(SecRecord) item = sec_record_new (SEC_TYPE_AGENDA_ITEM);
    g_assert_false (sec_record_set_from_text (item, "duration", "ten", &error));
    g_assert_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (sec_record_set_from_text (item, "duration", " 45 ", &error));
    g_assert_cmpint (sec_record_get_int (item, "duration"), ==, 45);
  }
}

static void
test_unique_message (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) a = sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", "Europol", NULL);
  g_autoptr(SecRecord) b = sec_record_new (SEC_TYPE_ORGANISATION);
  g_autoptr(SecRecord) body = sec_test_make (f->store, SEC_TYPE_BODY, "name", "Platform", NULL);
  g_autofree char *body_id = sec_test_id_text (sec_record_get_id (body));
  g_autoptr(SecRecord) c1 = sec_test_make (f->store, SEC_TYPE_CALL, "title", "One", "reference", "REF-1", "body", body_id, NULL);
  g_autoptr(SecRecord) c2 = sec_record_new (SEC_TYPE_CALL);

  sec_record_set_string (b, "name", "Europol");
  g_assert_false (sec_store_insert (f->store, b, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "An organisation named “Europol” already exists");
  g_assert_cmpint (sec_record_get_id (b), ==, 0);
  g_clear_error (&error);

  /* The message names the duplicated column, not the title. */
  sec_record_set_string (c2, "title", "Two");
  sec_record_set_string (c2, "reference", "REF-1");
  sec_record_set_ref (c2, "body", sec_record_get_id (body));
  g_assert_false (sec_store_insert (f->store, c2, &error));
  g_assert_cmpstr (error->message, ==, "A call with the reference “REF-1” already exists");
  g_clear_error (&error);

  /* Nothing half-written. */
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 1);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_CALL, NULL, NULL), ==, 1);
}

static void
test_foreign_keys (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) person = sec_record_new (SEC_TYPE_PERSON);

  sec_record_set_string (person, "family-name", "Nobody");
  sec_record_set_ref (person, "organisation", 999);
  g_assert_false (sec_store_insert (f->store, person, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "does not exist"));
}

/* The ON DELETE rules: cascade, set null, restrict. */
static void
test_cascades (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) org = sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", "La Strada", "country", "CZ", NULL);
  g_autofree char *org_id = sec_test_id_text (sec_record_get_id (org));
  g_autoptr(SecRecord) person = sec_test_make (f->store, SEC_TYPE_PERSON, "family-name", "Nováková", "organisation", org_id, NULL);
  g_autofree char *person_id = sec_test_id_text (sec_record_get_id (person));
  g_autoptr(SecRecord) body = sec_test_make (f->store, SEC_TYPE_BODY, "name", "Platform", NULL);
  g_autofree char *body_id = sec_test_id_text (sec_record_get_id (body));
  g_autoptr(SecRecord) member = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", org_id, "body", body_id, NULL);
  g_autoptr(SecRecord) meeting = sec_test_make (f->store, SEC_TYPE_MEETING, "title", "Plenary", "starts-at", "2027-01-10T09:00",
                                       "ends-at", "2027-01-10T17:00", NULL);
  g_autofree char *meeting_id = sec_test_id_text (sec_record_get_id (meeting));
  g_autoptr(SecRecord) mb = sec_test_make (f->store, SEC_TYPE_MEETING_BODY, "meeting", meeting_id, "body", body_id, NULL);
  g_autoptr(SecRecord) p = sec_test_make (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting_id, "person", person_id,
                                 "organisation", org_id, NULL);
  g_autoptr(SecRecord) item = sec_test_make (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", meeting_id, "title", "Opening", NULL);
  g_auto(GStrv) deps = NULL;

  /* A body that has met cannot go: RESTRICT. */
  g_assert_false (sec_store_delete (f->store, SEC_TYPE_BODY, sec_record_get_id (body), &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "cannot be deleted"));
  g_clear_error (&error);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, NULL, NULL), ==, 1);

  deps = sec_store_describe_dependants (f->store, org, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (deps), ==, 3);
  g_assert_true (g_strv_contains ((const char *const *) deps, "People: 1 loses their “Organisation”"));
  g_assert_true (g_strv_contains ((const char *const *) deps, "Memberships: 1 deleted too"));
  g_assert_true (g_strv_contains ((const char *const *) deps, "Participants: 1 loses their “Represents”"));

  /* Deleting the organisation: its memberships go, people stay unlinked. */
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_ORGANISATION, sec_record_get_id (org), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, NULL, NULL), ==, 0);
  {
    g_autoptr(SecRecord) back = sec_store_get (f->store, SEC_TYPE_PERSON, sec_record_get_id (person), NULL);
    g_assert_cmpint (sec_record_get_ref (back, "organisation"), ==, 0);
  }

  /* Deleting the meeting takes its agenda, participants and bodies. */
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_MEETING, sec_record_get_id (meeting), &error));
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PARTICIPANT, NULL, NULL), ==, 0);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_AGENDA_ITEM, NULL, NULL), ==, 0);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_MEETING_BODY, NULL, NULL), ==, 0);
  /* Now the body can go. */
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_BODY, sec_record_get_id (body), &error));
  g_assert_no_error (error);
}

static void
test_undo_deletion (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) org = sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", "Fundacja Łódź", "country", "PL", NULL);
  g_autofree char *org_id = sec_test_id_text (sec_record_get_id (org));
  g_autoptr(SecRecord) person = sec_test_make (f->store, SEC_TYPE_PERSON, "family-name", "Kowalska", "organisation", org_id, NULL);
  g_autofree char *person_id = sec_test_id_text (sec_record_get_id (person));
  g_autoptr(SecRecord) meeting = sec_test_make (f->store, SEC_TYPE_MEETING, "title", "Plenary", "starts-at", "2027-01-10T09:00",
                                       "ends-at", "2027-01-10T17:00", NULL);
  g_autofree char *meeting_id = sec_test_id_text (sec_record_get_id (meeting));
  g_autoptr(SecRecord) p = sec_test_make (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting_id, "person", person_id,
                                 "organisation", org_id, NULL);
  g_autoptr(SecDeletion) deletion = NULL;
  guint changes = 0;

  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  /* Status history is kept by the database itself. */
  sec_record_set_string (p, "status", "confirmed");
  g_assert_true (sec_store_update (f->store, p, &error));

  deletion = sec_store_delete_with_undo (f->store, SEC_TYPE_PERSON, sec_record_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PARTICIPANT, NULL, NULL), ==, 0);
  g_assert_cmpuint (changes, >=, 2);

  g_assert_true (sec_store_undo_deletion (f->store, deletion, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SecRecord) back = sec_store_get (f->store, SEC_TYPE_PERSON, sec_record_get_id (person), &error);
    g_autoptr(SecRecord) pback = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, sec_record_get_id (p), &error);
    g_assert_no_error (error);
    g_assert_true (sec_record_equal (back, person));
    g_assert_cmpstr (sec_record_get_created_at (back), ==, sec_record_get_created_at (person));
    g_assert_cmpstr (sec_record_get_string (pback, "status"), ==, "confirmed");
  }

  /* Undoing an organisation's deletion relinks the people it had. */
  g_clear_pointer (&deletion, sec_deletion_free);
  deletion = sec_store_delete_with_undo (f->store, SEC_TYPE_ORGANISATION, sec_record_get_id (org), &error);
  g_assert_no_error (error);
  {
    g_autoptr(SecRecord) back = sec_store_get (f->store, SEC_TYPE_PERSON, sec_record_get_id (person), NULL);
    g_assert_cmpint (sec_record_get_ref (back, "organisation"), ==, 0);
  }
  g_assert_true (sec_store_undo_deletion (f->store, deletion, &error));
  {
    g_autoptr(SecRecord) back = sec_store_get (f->store, SEC_TYPE_PERSON, sec_record_get_id (person), NULL);
    g_autoptr(SecRecord) pback = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, sec_record_get_id (p), NULL);
    g_assert_cmpint (sec_record_get_ref (back, "organisation"), ==, sec_record_get_id (org));
    g_assert_cmpint (sec_record_get_ref (pback, "organisation"), ==, sec_record_get_id (org));
  }
}

static void
test_transactions (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) a = sec_record_new (SEC_TYPE_BODY);
  g_autoptr(SecRecord) b = sec_record_new (SEC_TYPE_BODY);
  guint changes = 0;

  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  sec_record_set_string (a, "name", "ePlatform");
  sec_record_set_string (b, "name", "NREM network");

  g_assert_true (sec_store_begin (f->store, &error));
  g_assert_true (sec_store_insert (f->store, a, &error));
  g_assert_true (sec_store_insert (f->store, b, &error));
  g_assert_cmpuint (changes, ==, 0); /* told after the commit only */
  sec_store_rollback (f->store);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_BODY, NULL, NULL), ==, 0);
  g_assert_cmpuint (changes, ==, 0);

  _sec_record_set_id (a, 0);
  _sec_record_set_id (b, 0);
  g_assert_true (sec_store_begin (f->store, &error));
  g_assert_true (sec_store_insert (f->store, a, &error));
  g_assert_true (sec_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_BODY, NULL, NULL), ==, 1);
}

static void
test_queries (Fixture *f, gconstpointer data)
{
  const char *names[] = { "Zentrum Müller", "Fundacja Łódź", "Ελληνικό Ίδρυμα Ευρωπαϊκής και Εξωτερικής Πολιτικής",
                          "Univerzita Komenského", "Škoda Stiftung", "Corvinus Egyetem", "Ó Súilleabháin Trust",
                          "Кирил Фондация", "Anti-Slavery", "aardvark" };
  const char *countries[] = { "DE", "PL", "GR", "SK", "CZ", "HU", "IE", "BG", "BE", "NL" };
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) body = sec_test_make (f->store, SEC_TYPE_BODY, "name", "Platform", NULL);
  g_autofree char *body_id = sec_test_id_text (sec_record_get_id (body));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SecRecord) r = sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", names[i], "country", countries[i], NULL);
      if (i % 2 == 0)
        {
          g_autofree char *id = sec_test_id_text (sec_record_get_id (r));
          g_autoptr(SecRecord) m = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", id, "body", body_id, NULL);
        }
    }

  /* Unicode round trip. */
  sec_query_set_search (q, "ελληνικο");
  list = sec_store_list (f->store, SEC_TYPE_ORGANISATION, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (sec_record_get_string (list->pdata[0], "name"), ==, names[2]);
  g_clear_pointer (&list, g_ptr_array_unref);

  sec_query_set_search (q, "lodz");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, q, NULL), ==, 1);
  sec_query_set_search (q, "MULLER zentrum");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, q, NULL), ==, 1);
  sec_query_set_search (q, "skoda");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, q, NULL), ==, 1);
  sec_query_set_search (q, "o suilleabhain");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, q, NULL), ==, 1);
  sec_query_set_search (q, "кирил");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, q, NULL), ==, 1);
  sec_query_set_search (q, "50%");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, q, NULL), ==, 0);
  sec_query_set_search (q, NULL);

  /* Sorted by the locale (en_US): accents and case do not push names to the end. */
  list = sec_store_list (f->store, SEC_TYPE_ORGANISATION, NULL, &error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (names));
  {
    const char *expected[] = { "aardvark", "Anti-Slavery", "Corvinus Egyetem", "Fundacja Łódź",
                               "Ó Súilleabháin Trust", "Škoda Stiftung", "Univerzita Komenského",
                               "Zentrum Müller", "Ελληνικό Ίδρυμα Ευρωπαϊκής και Εξωτερικής Πολιτικής",
                               "Кирил Фондация" };
    for (guint i = 0; i < list->len; i++)
      g_assert_cmpstr (sec_record_get_string (list->pdata[i], "name"), ==, expected[i]);
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Conditions, relations, sort by field, range. */
  sec_query_add (q, "country", SEC_QUERY_EQUALS, "PL");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, q, NULL), ==, 1);
  sec_query_clear_conditions (q);
  sec_query_add (q, "body", SEC_QUERY_RELATION, body_id);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, q, NULL), ==, 5);
  sec_query_clear_conditions (q);
  sec_query_set_sort (q, "country", TRUE);
  sec_query_set_range (q, 1, 2);
  list = sec_store_list (f->store, SEC_TYPE_ORGANISATION, q, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (sec_record_get_string (list->pdata[0], "country"), ==, "PL");
  g_assert_cmpstr (sec_record_get_string (list->pdata[1], "country"), ==, "NL");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A name computed by SQL sorts in the locale's order too. */
  {
    g_autoptr(SecQuery) by_name = sec_query_new ();
    g_autoptr(GPtrArray) members = NULL;

    sec_query_add (by_name, "body", SEC_QUERY_EQUALS, body_id);
    sec_query_set_sort (by_name, "organisation-name", FALSE);
    members = sec_store_list (f->store, SEC_TYPE_MEMBERSHIP, by_name, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (members->len, ==, 5);
    /* Byte order would put "Zentrum Müller" before "Ó" and "Š". */
    g_assert_cmpstr (sec_record_get_derived (members->pdata[0], "organisation-name"), ==, "Anti-Slavery");
    g_assert_cmpstr (sec_record_get_derived (members->pdata[1], "organisation-name"), ==, "Ó Súilleabháin Trust");
    g_assert_cmpstr (sec_record_get_derived (members->pdata[2], "organisation-name"), ==, "Škoda Stiftung");
    g_assert_cmpstr (sec_record_get_derived (members->pdata[3], "organisation-name"), ==, "Zentrum Müller");
  }

  /* Bad queries are errors, not crashes. */
  sec_query_set_range (q, 0, -1);
  sec_query_set_sort (q, "nonsense", FALSE);
  g_assert_null (sec_store_list (f->store, SEC_TYPE_ORGANISATION, q, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sec_query_set_sort (q, NULL, FALSE);
  sec_query_add (q, "nonsense", SEC_QUERY_EQUALS, "1");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, q, &error), ==, -1);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, guint *calls)
{
  (*calls)++;
}

/* Logs each change of a list as "position-removed+added", with a "*" while
 * the list says it is replacing all its rows. */
static void
log_items_changed (GListModel *model, guint position, guint removed, guint added, GString *log)
{
  g_string_append_printf (log, "%s%u-%u+%u%s", log->len > 0 ? " " : "", position, removed, added,
                          sec_record_list_is_replacing (SEC_RECORD_LIST (model)) ? "*" : "");
  /* Rows go (all of them, or one that moves) and come back in the next
   * signal, or are replaced where they stand. */
  if (sec_record_list_is_replacing (SEC_RECORD_LIST (model)))
    g_assert_true (added == 0 || added == removed);
}

/* A meeting's participants sort by the people's stored collation keys:
 * family name first, in the locale's order, and the key is never shown. */
static void
test_sort_by_person (Fixture *f, gconstpointer data)
{
  const char *people[][2] = { { "Anna", "Zorić" }, { "Zoë", "Ó Súilleabháin" }, { "Ilse", "Müller" },
                              { "Kirill", "Петров" }, { "Marie", "Łukasiewicz" } };
  const char *expected[] = { "Łukasiewicz", "Müller", "Ó Súilleabháin", "Zorić", "Петров" };
  gint64 meeting = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "Plenary",
                                    "starts-at", "2027-01-10T09:00", "ends-at", "2027-01-10T17:00", NULL);
  g_autofree char *meeting_id = sec_test_id_text (meeting);
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 person = sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", people[i][0],
                                       "family-name", people[i][1], NULL);
      g_autofree char *person_id = sec_test_id_text (person);
      sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting_id, "person", person_id, NULL);
    }

  sec_query_add (q, "meeting", SEC_QUERY_EQUALS, meeting_id);
  sec_query_set_sort (q, "person-sort-key", FALSE);
  list = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      const char *name = sec_record_get_derived (list->pdata[i], "person-name");
      g_assert_true (g_str_has_suffix (name, expected[i]));
      g_assert_null (sec_record_get_derived (list->pdata[i], "person-sort-key"));
    }
}

/* After a write: a list takes the change in at once, or (@later: on a
 * server, or a long table's list) reads it in a worker, its rows as they
 * were until the main loop takes the result in. */
static void
take_change (SecRecordList *list,
             guint          before,
             gboolean       later)
{
  if (later)
    {
      g_assert_true (sec_record_list_is_loading (list));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before);
    }
  while (sec_record_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_record_list (Fixture *f, gconstpointer data)
{
  /* Every table's list read in the background, as a long one. */
  gboolean background = GPOINTER_TO_INT (data);
  gboolean later = background || sec_test_is_pg ();
  g_autoptr(SecRecordList) list = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GError) error = NULL;
  guint calls = 0;
  g_autoptr(GString) log = g_string_new (NULL);

  g_assert_true (sec_store_begin (f->store, &error));
  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(SecRecord) p = sec_record_new (SEC_TYPE_PERSON);
      g_autofree char *family = g_strdup_printf ("Person %04d", i);
      sec_record_set_string (p, "family-name", family);
      g_assert_true (sec_store_insert (f->store, p, &error));
    }
  g_assert_true (sec_store_commit (f->store, &error));

  list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == SEC_TYPE_PERSON);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
  {
    g_autoptr(SecRecord) r = g_list_model_get_item (G_LIST_MODEL (list), 999);
    g_autoptr(SecRecord) r0 = g_list_model_get_item (G_LIST_MODEL (list), 450);
    g_autoptr(SecRecord) none = g_list_model_get_item (G_LIST_MODEL (list), 1000);
    g_assert_cmpstr (sec_record_get_string (r, "family-name"), ==, "Person 0999");
    g_assert_cmpstr (sec_record_get_string (r0, "family-name"), ==, "Person 0450");
    g_assert_null (none);
    g_assert_cmpint (sec_record_list_find (list, sec_record_get_id (r)), ==, 999);
  }

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &calls);
  g_signal_connect (list, "items-changed", G_CALLBACK (log_items_changed), log);
  /* Every word must be found: "person" and "012" (0120 to 0129, 0012). A
   * new query removes every row, then adds the new ones, in two signals
   * (in one, GtkSingleSelection would read every row added). */
  sec_query_set_search (q, "PERSON 012");
  if (background)
    sec_record_list_set_background_min_rows (0);
  sec_record_list_set_query (list, q);
  g_assert_cmpstr (log->str, ==, "0-1000+0* 0-0+11");
  g_assert_false (sec_record_list_is_replacing (list));
  g_assert_cmpuint (calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 11);
  /* A position under the search: a listed record has one, one the search
   * leaves out (Person 0450) has none, and no error. */
  {
    g_autoptr(SecRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(SecRecord) last = g_list_model_get_item (G_LIST_MODEL (list), 10);
    g_autoptr(SecQuery) other = sec_query_new ();
    g_autoptr(GPtrArray) found = NULL;
    SecRecord *out;

    sec_query_set_search (other, "0450");
    found = sec_store_list (f->store, SEC_TYPE_PERSON, other, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    out = g_ptr_array_index (found, 0);
    g_assert_cmpint (sec_store_position (f->store, SEC_TYPE_PERSON, q, sec_record_get_id (first), &error), ==, 0);
    g_assert_cmpint (sec_store_position (f->store, SEC_TYPE_PERSON, q, sec_record_get_id (last), &error), ==, 10);
    g_assert_cmpint (sec_store_position (f->store, SEC_TYPE_PERSON, q, sec_record_get_id (out), &error), ==, -1);
    g_assert_no_error (error);
  }

  /* The list follows the store. */
  {
    g_autoptr(SecRecord) p = sec_record_new (SEC_TYPE_PERSON);
    g_autoptr(SecRecord) shown = NULL;
    sec_record_set_string (p, "family-name", "Person 012X");
    g_assert_true (sec_store_insert (f->store, p, &error));
    /* The same query set again meanwhile does not drop the change. */
    sec_record_list_set_query (list, q);
    take_change (list, 11, later);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 12);
    /* One row added where it sorts (the last of 0120-0129, 012X), not
     * every row replaced: the selection and the scroll position stay. */
    g_assert_cmpuint (calls, ==, 3);
    g_assert_cmpstr (log->str, ==, "0-1000+0* 0-0+11 11-0+1");
    /* A list view has read the rows it shows. */
    g_clear_object (&shown);
    shown = g_list_model_get_item (G_LIST_MODEL (list), 11);
    g_assert_cmpint (sec_record_get_id (shown), ==, sec_record_get_id (p));
    sec_record_set_string (p, "email", "p@example.org");
    g_assert_true (sec_store_update (f->store, p, &error));
    take_change (list, 12, later);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 12);
    g_clear_object (&shown);
    shown = g_list_model_get_item (G_LIST_MODEL (list), 11);
    g_assert_true (sec_store_delete (f->store, SEC_TYPE_PERSON, sec_record_get_id (p), &error));
    take_change (list, 12, later);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 11);
    /* The people's participations, memberships... changed too (deleted
     * with them): read in a worker, the other pages read are replaced
     * where they stand; at once, the page after the row was forgotten. */
    g_assert_cmpstr (log->str, ==, later ? "0-1000+0* 0-0+11 11-0+1 11-1+1 11-1+0 0-11+11"
                                         : "0-1000+0* 0-0+11 11-0+1 11-1+1 11-1+0");
    /* Renamed to sort after 0120 (0012 comes first): moved, in two signals (between them the list
     * says it is replacing, so that the selection follows the record). */
    {
      g_autoptr(SecRecord) last = g_list_model_get_item (G_LIST_MODEL (list), 10);

      g_string_truncate (log, 0);
      sec_record_set_string (last, "family-name", "Person 0120 A");
      g_assert_true (sec_store_update (f->store, last, &error));
      g_assert_no_error (error);
      take_change (list, 11, later);
      g_assert_cmpstr (log->str, ==, "10-1+0* 2-0+1");
      g_assert_cmpint (sec_record_list_find (list, sec_record_get_id (last)), ==, 2);
    }
  }

  /* Another kind changed (a person's organisation's name is shown beside
   * them): the pages read are replaced where they stand. Read in a
   * worker, the rows that did not change keep their objects (a list view
   * then keeps their widgets). */
  {
    g_autoptr(SecRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(SecRecord) again = NULL;

    g_string_truncate (log, 0);
    sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Europol", NULL);
    take_change (list, 11, later);
    g_assert_cmpstr (log->str, ==, "0-11+11");
    again = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpint (sec_record_get_id (again), ==, sec_record_get_id (first));
    if (later)
      g_assert_true (again == first);
  }

  /* Two changes before the list takes them in: at once, each its row;
   * read in a worker, the second reads both, and any row may have
   * changed. */
  {
    gint64 a, b;

    g_string_truncate (log, 0);
    a = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Person 0121 B", NULL);
    b = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Person 0125 B", NULL);
    take_change (list, 11, later);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 13);
    g_assert_cmpstr (log->str, ==, later ? "0-11+0* 0-0+13" : "4-0+1 9-0+1");
    g_assert_cmpint (sec_record_list_find (list, a), ==, 4);
    g_assert_cmpint (sec_record_list_find (list, b), ==, 9);
  }
  sec_record_list_set_background_min_rows (20000);

  /* The refresh the second change replaced may still be at work, its task
   * holding the list (and the list the store). Its last reference may go
   * in the worker's thread, which wakes no main loop: not a blocking
   * iteration. */
  {
    SecRecordList *gone = g_steal_pointer (&list);

    g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
    g_object_unref (gone);
    while (g_atomic_pointer_get (&gone) != NULL)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
  }
}

/* A record's properties are its fields, with notify on change only. */
static void
on_notify (GObject *obj, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(SecRecord) r = sec_record_new (SEC_TYPE_MEETING);
  g_autofree char *tz = NULL;
  g_autofree char *title = NULL;
  guint count = 0;

  g_object_get (r, "timezone", &tz, NULL);
  g_assert_cmpstr (tz, ==, "Europe/Brussels");
  g_assert_cmpstr (sec_record_get_string (r, "status"), ==, "draft");
  g_signal_connect (r, "notify::title", G_CALLBACK (on_notify), &count);
  g_object_set (r, "title", "Plenary", NULL);
  g_object_set (r, "title", "Plenary", NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_get (r, "display-title", &title, NULL);
  g_assert_cmpstr (title, ==, "Plenary");
  g_assert_true (sec_kind_from_type (SEC_TYPE_MEETING) == sec_record_get_kind (r));
  g_assert_true (sec_record_kind_lookup ("people") == SEC_TYPE_PERSON);
  g_assert_true (sec_record_kind_lookup ("person") == SEC_TYPE_PERSON);
  g_assert_true (sec_record_kind_lookup ("nothing") == 0);
}

/* Another program reads the database and closes it: the log must stay,
 * since this process still has the file open. */
static gboolean
outside_reader_leaves_log (const char *path)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *argv[] = { sqlite3, path, "SELECT count(*) FROM organisations", NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_file_test (wal, G_FILE_TEST_EXISTS);
}

/* GIO sniffing the open database's type (as an in-process file chooser
 * listing its folder does) closes a descriptor of the file, which drops
 * the process's locks on it: an outside reader then deleted the log, and
 * the writes after it went to a deleted file. sec_store_retake_locks ()
 * takes them again. */
static void
test_retake_locks (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) org = NULL;
  g_autoptr(SecRecord) again = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");

  if (sec_test_is_pg ())
    {
      g_test_skip ("a file's own");
      return;
    }
  if (sqlite3 == NULL)
    {
      g_test_skip ("sqlite3 (the command) is not installed");
      return;
    }
  org = sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", "Europol", NULL);
  g_assert_true (outside_reader_leaves_log (f->path));

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  sec_store_retake_locks (f->store);
  g_assert_true (outside_reader_leaves_log (f->path));

  /* And what is written after reaches the file another program reads. */
  again = sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", "Eurojust", NULL);
  {
    g_autofree char *out = NULL;
    const char *argv[] = { sqlite3, f->path, "SELECT count(*) FROM organisations", NULL };
    int status = -1;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (g_strstrip (out), ==, "2");
  }
}

/* The unique field sets an editor checks as the user types: the same from
 * SQLite's index list and from a server's catalogue. */
static void
test_unique_field_sets (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organisations = sec_unique_field_sets (f->store, SEC_TYPE_ORGANISATION, &error);
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(SecRecord) again = sec_record_new (SEC_TYPE_ORGANISATION);
  g_auto(GStrv) fields = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (organisations->len, ==, 1);
  g_assert_cmpstrv (g_ptr_array_index (organisations, 0), ((const char *[]) { "name", NULL }));
  memberships = sec_unique_field_sets (f->store, SEC_TYPE_MEMBERSHIP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (memberships->len, ==, 1);
  g_assert_cmpstrv (g_ptr_array_index (memberships, 0),
                    ((const char *[]) { "organisation", "body", "joined-on", NULL }));
  meetings = sec_unique_field_sets (f->store, SEC_TYPE_MEETING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 0);

  /* And the check itself. */
  sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Europol", NULL);
  sec_record_set_string (again, "name", "Europol");
  g_assert_false (sec_unique_check (f->store, again, &fields, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstrv (fields, ((const char *[]) { "name", NULL }));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/properties", test_properties);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/file-mode", test_file_mode);
  ADD ("/store/retake-locks", test_retake_locks);
  ADD ("/store/schema-matches-kinds", test_schema_matches_kinds);
  ADD ("/store/crud-every-kind", test_crud_every_kind);
  ADD ("/store/validation", test_validation);
  ADD ("/store/unique-message", test_unique_message);
  ADD ("/store/foreign-keys", test_foreign_keys);
  ADD ("/store/cascades", test_cascades);
  ADD ("/store/undo-deletion", test_undo_deletion);
  ADD ("/store/transactions", test_transactions);
  ADD ("/store/queries", test_queries);
  ADD ("/store/sort-by-person", test_sort_by_person);
  ADD ("/store/record-list", test_record_list);
  g_test_add ("/store/record-list/background", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_record_list, fixture_teardown);
  ADD ("/store/unique-field-sets", test_unique_field_sets);
#undef ADD

  return g_test_run ();
}
