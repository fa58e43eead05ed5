/* test-privacy.c: the audit history (recorded, read-only, values put back,
 * deleted records brought back with their links), needs and consent,
 * retention, erasure down to the file's bytes, and the access export. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/documents/sec-meeting-data.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/meetings/sec-invitations.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-meetings.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store-privacy.h"
#include "core/store/sec-store-private.h"
#include "sec-test-util.h"

typedef SecTestStoreFixture Fixture;

/* Ids as text for sec_test_insert (), freed at the end. */
static GPtrArray *id_texts;

static const char *
idt (gint64 id)
{
  char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_ptr_array_add (id_texts, text);
  return text;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  sec_test_store_fixture_setup (f, "test-privacy-XXXXXX", "privacy.db");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_store_fixture_clear (f);
}

static gint64
add_org (SecStore *store, const char *name)
{
  return sec_test_insert (store, SEC_TYPE_ORGANISATION, "name", name, "country", "BE", NULL);
}

static gint64
add_meeting (SecStore *store, const char *day)
{
  g_autofree char *starts = g_strdup_printf ("%sT09:00", day);
  g_autofree char *ends = g_strdup_printf ("%sT17:00", day);

  return sec_test_insert (store, SEC_TYPE_MEETING, "title", "Plenary", "starts-at", starts, "ends-at", ends, NULL);
}

static SecHistoryEntry *
find_entry (GPtrArray *entries, const char *action, const char *field)
{
  for (guint i = 0; i < entries->len; i++)
    {
      SecHistoryEntry *e = entries->pdata[i];
      if (g_str_equal (e->action, action) && g_strcmp0 (e->field, field) == 0)
        return e;
    }
  return NULL;
}

static void
test_tables_listed (Fixture *f, gconstpointer data)
{
  const GType *kinds = sec_record_kinds ();
  const char *const *tables = sec_store_history_tables ();

  /* Every record kind is audited: a new kind must join the one list. */
  for (guint k = 0; kinds[k]; k++)
    g_assert_true (g_strv_contains (tables, sec_kind_from_type (kinds[k])->table));
}

static void
test_history_recorded (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 org = add_org (f->store, "Fundacja");
  gint64 id = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Müller", "email", "anna@example.org",
                               "organisation", idt (org), NULL);
  g_autoptr(SecRecord) p = sec_store_get (f->store, SEC_TYPE_PERSON, id, &error);
  g_autoptr(GPtrArray) entries = NULL;
  SecHistoryEntry *e;

  g_assert_true (sec_store_set_history_user (f->store, "clerk", &error));
  sec_record_set_string (p, "email", "anna.mueller@example.org");
  g_assert_true (sec_store_update (f->store, p, &error));
  g_assert_no_error (error);

  entries = sec_store_list_history (f->store, SEC_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  e = find_entry (entries, "insert", NULL);
  g_assert_nonnull (e);
  g_assert_cmpstr (e->user, ==, sec_test_history_user ());
  {
    /* Read back the same from either engine's JSON. */
    g_autofree char *row = sec_store_dup_history_row_text (f->store, e->new_value);

    sec_test_assert_contains (row, "email: anna@example.org");
    g_assert_null (strstr (row, "search_text"));
    g_assert_null (strstr (e->new_value, "search_text"));
  }
  e = find_entry (entries, "update", "email");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->user, ==, "clerk");
  g_assert_cmpstr (e->old_value, ==, "anna@example.org");
  g_assert_cmpstr (e->new_value, ==, "anna.mueller@example.org");
  g_assert_true (g_str_has_suffix (e->at, "Z"));

  /* Deleted: the whole row is kept. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_PERSON, id, &error));
  entries = sec_store_list_history (f->store, SEC_TYPE_PERSON, id, &error);
  e = find_entry (entries, "delete", NULL);
  g_assert_nonnull (e);
  g_assert_nonnull (strstr (e->old_value, "anna.mueller@example.org"));
}

static void
test_history_read_only (Fixture *f, gconstpointer data)
{
  SecEngine *engine = _sec_store_get_engine (f->store);
  g_autoptr(GError) error = NULL;

  add_org (f->store, "Fundacja");
  g_assert_false (sec_engine_exec (engine, "UPDATE history SET new_value = 'forged'", &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (sec_engine_exec (engine, "DELETE FROM history", &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (sec_store_count_all (f->store, NULL), ==, 1);
}

static void
test_restore_value (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_org (f->store, "Fundacja");
  g_autoptr(SecRecord) org = sec_store_get (f->store, SEC_TYPE_ORGANISATION, id, NULL);
  g_autoptr(SecRecord) back = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  SecHistoryEntry *e;

  sec_record_set_string (org, "name", "Foundation");
  sec_record_set_string (org, "country", "PL");
  g_assert_true (sec_store_update (f->store, org, &error));
  entries = sec_store_list_history (f->store, SEC_TYPE_ORGANISATION, id, &error);
  e = find_entry (entries, "update", "name");
  g_assert_nonnull (e);
  g_assert_true (sec_store_restore_history_value (f->store, e->id, &error));
  g_assert_no_error (error);
  back = sec_store_get (f->store, SEC_TYPE_ORGANISATION, id, NULL);
  g_assert_cmpstr (sec_record_get_string (back, "name"), ==, "Fundacja");
  g_assert_cmpstr (sec_record_get_string (back, "country"), ==, "PL");

  /* An insert has no single earlier value. */
  e = find_entry (entries, "insert", NULL);
  g_assert_false (sec_store_restore_history_value (f->store, e->id, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
}

static void
test_restore_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 org = add_org (f->store, "Fundacja");
  gint64 meeting = add_meeting (f->store, "2026-05-01");
  gint64 person = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Müller",
                                   "given-name", "Anna", "organisation", idt (org), NULL);
  gint64 participant = sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (meeting),
                                        "person", idt (person), "status", "confirmed", NULL);
  g_autoptr(SecRecord) o = sec_store_get (f->store, SEC_TYPE_ORGANISATION, org, NULL);
  g_autoptr(SecRecord) p = NULL;
  g_autoptr(SecRecord) pa = NULL;

  sec_record_set_ref (o, "contact-person", person);
  g_assert_true (sec_store_update (f->store, o, &error));
  g_clear_object (&o);

  g_assert_true (sec_store_delete (f->store, SEC_TYPE_PERSON, person, &error));
  g_assert_null (sec_store_get (f->store, SEC_TYPE_PARTICIPANT, participant, NULL));
  /* Listed once: the participation went with the person. */
  {
    g_autoptr(GPtrArray) deleted = sec_store_list_deleted (f->store, 0, 0, &error);
    SecDeletedRecord *d;

    g_assert_no_error (error);
    g_assert_cmpuint (deleted->len, ==, 1);
    d = g_ptr_array_index (deleted, 0);
    g_assert_true (d->kind == SEC_TYPE_PERSON);
    g_assert_cmpint (d->record_id, ==, person);
    g_assert_cmpstr (d->title, ==, "Anna Müller");
    g_assert_nonnull (d->at);
    g_clear_pointer (&deleted, g_ptr_array_unref);
    deleted = sec_store_list_deleted (f->store, SEC_TYPE_MEETING, 0, &error);
    g_assert_cmpuint (deleted->len, ==, 0);
  }
  o = sec_store_get (f->store, SEC_TYPE_ORGANISATION, org, NULL);
  g_assert_cmpint (sec_record_get_ref (o, "contact-person"), ==, 0);
  g_clear_object (&o);

  g_assert_true (sec_store_restore_deleted (f->store, SEC_TYPE_PERSON, person, &error));
  g_assert_no_error (error);
  p = sec_store_get (f->store, SEC_TYPE_PERSON, person, &error);
  g_assert_nonnull (p);
  g_assert_cmpstr (sec_record_get_string (p, "given-name"), ==, "Anna");
  pa = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, participant, &error);
  g_assert_nonnull (pa);
  g_assert_cmpstr (sec_record_get_string (pa, "status"), ==, "confirmed");
  o = sec_store_get (f->store, SEC_TYPE_ORGANISATION, org, NULL);
  g_assert_cmpint (sec_record_get_ref (o, "contact-person"), ==, person);

  /* Brought back: no longer listed. */
  {
    g_autoptr(GPtrArray) deleted = sec_store_list_deleted (f->store, 0, 0, &error);
    g_assert_cmpuint (deleted->len, ==, 0);
  }

  /* Found by its search text again. */
  {
    g_autoptr(SecQuery) q = sec_query_new ();
    sec_query_set_search (q, "muller");
    g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, q, NULL), ==, 1);
  }

  /* Twice is refused. */
  g_assert_false (sec_store_restore_deleted (f->store, SEC_TYPE_PERSON, person, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
}

static void
test_needs_consent (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) p = sec_record_new (SEC_TYPE_PERSON);

  sec_record_set_string (p, "family-name", "Byrne");
  sec_record_set_string (p, "dietary-needs", "Halal");
  g_assert_false (sec_store_insert (f->store, p, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "explicit consent"));
  g_clear_error (&error);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 0);

  sec_record_set_bool (p, "needs-consent", TRUE);
  g_assert_true (sec_store_insert (f->store, p, &error));
  g_assert_no_error (error);

  /* Withdrawing consent while keeping the needs is refused too. */
  sec_record_set_bool (p, "needs-consent", FALSE);
  g_assert_false (sec_store_update (f->store, p, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
}

/* A participant deleted on its own is listed by the names it joined. */
static void
test_deleted_link (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting = add_meeting (f->store, "2026-05-01");
  gint64 person = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Novák", "given-name", "Jan", NULL);
  gint64 participant = sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (meeting),
                                        "person", idt (person), NULL);
  g_autoptr(GPtrArray) deleted = NULL;
  SecDeletedRecord *d;

  g_assert_true (sec_store_delete (f->store, SEC_TYPE_PARTICIPANT, participant, &error));
  deleted = sec_store_list_deleted (f->store, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 1);
  d = g_ptr_array_index (deleted, 0);
  g_assert_true (d->kind == SEC_TYPE_PARTICIPANT);
  sec_test_assert_contains (d->title, "Jan Novák");
  sec_test_assert_contains (d->title, "Plenary");
}

/* A participant's needs, too, only with the person's explicit consent;
 * and the consent cannot be withdrawn while a participation holds them. */
static void
test_participant_needs_consent (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting = add_meeting (f->store, "2026-05-01");
  gint64 person = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Byrne", NULL);
  gint64 participant = sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (meeting),
                                        "person", idt (person), NULL);
  g_autoptr(SecRecord) pa = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, participant, NULL);
  g_autoptr(SecRecord) p = sec_store_get (f->store, SEC_TYPE_PERSON, person, NULL);
  g_autoptr(SecRecord) other = sec_record_new (SEC_TYPE_PARTICIPANT);

  sec_record_set_string (pa, "needs", "Sign interpretation");
  g_assert_false (sec_store_update (f->store, pa, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  sec_test_assert_contains (error->message, "explicit consent");
  g_clear_error (&error);

  sec_record_set_ref (other, "meeting", add_meeting (f->store, "2026-06-01"));
  sec_record_set_ref (other, "person", person);
  sec_record_set_string (other, "needs", "Vegetarian");
  g_assert_false (sec_store_insert (f->store, other, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  sec_record_set_bool (p, "needs-consent", TRUE);
  g_assert_true (sec_store_update (f->store, p, &error));
  g_assert_true (sec_store_update (f->store, pa, &error));
  g_assert_no_error (error);

  sec_record_set_bool (p, "needs-consent", FALSE);
  g_assert_false (sec_store_update (f->store, p, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  sec_test_assert_contains (error->message, "cannot be withdrawn");
  g_clear_error (&error);

  /* Cleared first, the consent can go. */
  sec_record_set_string (pa, "needs", NULL);
  g_assert_true (sec_store_update (f->store, pa, &error));
  g_assert_true (sec_store_update (f->store, p, &error));
  g_assert_no_error (error);
}

static void
test_needs_cleared (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 old_meeting = add_meeting (f->store, "2026-01-10");
  gint64 new_meeting = add_meeting (f->store, "2026-03-01");
  gint64 a = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "A", "needs-consent", "yes",
                              "dietary-needs", "Vegan", NULL);
  gint64 b = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "B", "needs-consent", "yes",
                              "dietary-needs", "Kosher", "needs-lasting", "yes", NULL);
  gint64 c = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "C", "needs-consent", "yes",
                              "accessibility-needs", "Step-free access", NULL);
  gint64 pa = sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (old_meeting),
                               "person", idt (a), "needs", "Interpretation", NULL);
  g_autoptr(SecRecord) ra = NULL;
  g_autoptr(SecRecord) rb = NULL;
  g_autoptr(SecRecord) rc = NULL;
  g_autoptr(SecRecord) rpa = NULL;
  guint n = 0;

  sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (old_meeting), "person", idt (b), NULL);
  sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (new_meeting), "person", idt (c), NULL);

  /* 30 days (the default) after 10 January, not yet after 1 March. */
  g_assert_true (sec_store_clear_expired_needs (f->store, "2026-03-15", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  ra = sec_store_get (f->store, SEC_TYPE_PERSON, a, NULL);
  rb = sec_store_get (f->store, SEC_TYPE_PERSON, b, NULL);
  rc = sec_store_get (f->store, SEC_TYPE_PERSON, c, NULL);
  rpa = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, pa, NULL);
  g_assert_null (sec_record_get_string (ra, "dietary-needs"));
  g_assert_null (sec_record_get_string (rpa, "needs"));
  g_assert_cmpstr (sec_record_get_string (rb, "dietary-needs"), ==, "Kosher");
  g_assert_cmpstr (sec_record_get_string (rc, "accessibility-needs"), ==, "Step-free access");

  /* The setting. */
  g_assert_true (sec_store_set_setting (f->store, SEC_PRIVACY_NEEDS_DAYS_KEY, "10", &error));
  g_assert_true (sec_store_clear_expired_needs (f->store, "2026-03-15", &n, &error));
  g_assert_cmpuint (n, ==, 1);
}

static void
test_retention (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 old_meeting = add_meeting (f->store, "2019-05-01");
  gint64 new_meeting = add_meeting (f->store, "2025-05-01");
  gint64 a = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Alt", "email", "alt@example.org", NULL);
  gint64 b = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Neu", NULL);
  g_autoptr(GPtrArray) past = NULL;
  SecRetentionEntry *e;

  sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (old_meeting), "person", idt (a), NULL);
  sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (old_meeting), "person", idt (b), NULL);
  sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (new_meeting), "person", idt (b), NULL);

  /* Records made today count as activity: look from far ahead. */
  past = sec_store_list_past_retention (f->store, 0, "2099-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past->len, ==, 2);
  g_clear_pointer (&past, g_ptr_array_unref);

  {
    /* Made long ago: only the meetings count. */
    SecEngine *engine = _sec_store_get_engine (f->store);
    g_assert_true (sec_engine_exec (engine, "UPDATE people SET created_at = '2018-01-01T00:00:00Z'", NULL));
  }
  past = sec_store_list_past_retention (f->store, 5, "2026-12-01", &error);
  g_assert_cmpuint (past->len, ==, 1);
  e = past->pdata[0];
  g_assert_cmpint (e->id, ==, a);
  g_assert_cmpstr (e->email, ==, "alt@example.org");
  g_assert_cmpstr (e->last_activity, ==, "2019-05-01");
  g_assert_cmpint (e->n_participations, ==, 1);
  g_clear_pointer (&past, g_ptr_array_unref);
  past = sec_store_list_past_retention (f->store, 10, "2026-12-01", &error);
  g_assert_cmpuint (past->len, ==, 0);
}

static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &bytes, &length, NULL))
    return FALSE;
  return memmem (bytes, length, needle, strlen (needle)) != NULL;
}

/* @json (transfer full) without the spaces between its tokens, which
 * PostgreSQL writes and SQLite does not. */
static char *
compact_json (char *json)
{
  gboolean in_string = FALSE;
  char *out = json;

  g_assert_nonnull (json);
  for (const char *p = json; *p; p++)
    {
      if (in_string && *p == '\\' && p[1] != '\0')
        {
          *out++ = *p++;
          *out++ = *p;
          continue;
        }
      if (*p == '"')
        in_string = !in_string;
      if (in_string || !g_ascii_isspace (*p))
        *out++ = *p;
    }
  *out = '\0';
  return json;
}

static void
test_erase (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 org = add_org (f->store, "Fundacja");
  gint64 meeting = add_meeting (f->store, "2026-05-01");
  gint64 keep = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Stays", "email", "stays@example.org", NULL);
  gint64 id = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Zielińska", "given-name", "Ewa",
                               "email", "ewa.zielinska@erase.example", "organisation", idt (org),
                               "needs-consent", "yes", "dietary-needs", "Vegetarian", NULL);
  gint64 pa = sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (meeting),
                               "person", idt (id), "role", "speaker", "status", "attended",
                               "needs", "Wheelchair", NULL);
  g_autoptr(SecRecord) p = sec_store_get (f->store, SEC_TYPE_PERSON, id, NULL);
  g_autoptr(SecRecord) rpa = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *json = NULL;

  /* Changes leave the address in the history and in old pages. */
  sec_record_set_string (p, "email", "ewa.z@erase.example");
  g_assert_true (sec_store_update (f->store, p, &error));
  json = compact_json (sec_store_dup_person_json (f->store, id, &error));
  g_assert_nonnull (strstr (json, "ewa.z@erase.example"));
  g_assert_nonnull (strstr (json, "\"needs\":\"Wheelchair\""));
  g_assert_nonnull (strstr (json, "\"history\":[{"));
  g_clear_pointer (&json, g_free);

  g_assert_true (sec_store_erase_person (f->store, id, &error));
  g_assert_no_error (error);

  g_clear_object (&p);
  p = sec_store_get (f->store, SEC_TYPE_PERSON, id, NULL);
  g_assert_null (sec_record_get_string (p, "email"));
  g_assert_null (sec_record_get_string (p, "given-name"));
  g_assert_nonnull (sec_record_get_string (p, "erased-on"));
  g_assert_true (sec_record_get_bool (p, "restricted"));
  /* Statistics: the participation stays, with its organisation and role. */
  rpa = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, pa, NULL);
  g_assert_nonnull (rpa);
  g_assert_cmpint (sec_record_get_ref (rpa, "organisation"), ==, org);
  g_assert_cmpstr (sec_record_get_string (rpa, "role"), ==, "speaker");
  g_assert_null (sec_record_get_string (rpa, "needs"));

  /* The history says an erasure happened, and nothing more. */
  entries = sec_store_list_history (f->store, SEC_TYPE_PERSON, id, &error);
  g_assert_nonnull (find_entry (entries, "erased", NULL));
  for (guint i = 0; i < entries->len; i++)
    {
      SecHistoryEntry *e = entries->pdata[i];
      g_assert_null (e->old_value);
      g_assert_null (e->new_value);
    }
  json = sec_store_dup_person_json (f->store, id, &error);
  g_assert_null (strstr (json, "erase.example"));

  /* Not in the file's bytes, nor in its log (a server's files are its
   * administrators' to vacuum). */
  if (!sec_test_is_pg ())
    {
      g_assert_false (file_contains (f->path, "erase.example"));
      g_assert_false (file_contains (wal, "erase.example"));
      g_assert_false (file_contains (f->path, "Zielińska"));
      g_assert_false (file_contains (wal, "Zielińska"));
      g_assert_true (file_contains (f->path, "stays@example.org") || file_contains (wal, "stays@example.org"));
    }
  (void) keep;

  /* Erased people leave the review and the basis count. */
  g_assert_cmpint (sec_store_count_without_basis (f->store, NULL), ==, 1);
}

static void
test_figures (Fixture *f, gconstpointer data)
{
  g_auto(SecProcessingFigures) figures = { 0 };
  g_autoptr(GError) error = NULL;

  sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "A", "lawful-basis", "consent", "email", "a@example.org", NULL);
  sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "B", "lawful-basis", "membership", NULL);
  sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "C", "restricted", "yes", NULL);
  g_assert_true (sec_store_get_processing_figures (f->store, &figures, &error));
  g_assert_cmpint (figures.n_people, ==, 3);
  g_assert_cmpint (figures.n_consent, ==, 1);
  g_assert_cmpint (figures.n_membership, ==, 1);
  g_assert_cmpint (figures.n_without_basis, ==, 1);
  g_assert_cmpint (figures.n_restricted, ==, 1);
  g_assert_cmpint (figures.n_with_email, ==, 1);
  g_assert_nonnull (figures.oldest_record);
}

static void
test_restricted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecInvitationResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 meeting = add_meeting (f->store, "2027-05-19");
  gint64 free_person = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Free", NULL);
  gint64 restricted = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Kept", "restricted", "yes", NULL);
  gint64 ids[] = { free_person, restricted };

  /* Not invited... */
  g_assert_true (sec_invitations_invite_people (f->store, meeting, ids, 2, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_invited, ==, 1);
  g_assert_cmpuint (result->n_restricted, ==, 1);

  /* ...and, when already a participant, left out of the exported lists. */
  sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", idt (meeting), "person", idt (restricted), NULL);
  rows = sec_store_list_meeting_participants (f->store, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
test_privacy_statement (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "Plenary", "starts-at", "2027-05-19T09:00",
                                    "ends-at", "2027-05-19T17:00",
                                    "privacy-statement", "Data are processed under Regulation 2018/1725 (v3).", NULL);
  g_autoptr(SecMeetingData) d = sec_meeting_data_load (f->store, meeting, &error);
  g_autoptr(SecDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  SecMeetingDocumentOptions options = { 0 };

  g_assert_no_error (error);
  g_assert_cmpstr (d->privacy_statement, ==, "Data are processed under Regulation 2018/1725 (v3).");
  doc = sec_meeting_document_new (d, SEC_MEETING_EXPORT_AGENDA, &options);
  text = sec_test_pdf_text_at (doc, f->dir, "agenda.pdf");
  squeezed = sec_test_squeeze (text);
  sec_test_assert_contains (squeezed, "Privacy statement");
  sec_test_assert_contains (squeezed, "Regulation 2018/1725 (v3)");
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);
  id_texts = g_ptr_array_new_with_free_func (g_free);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/privacy/history-tables", test_tables_listed);
  ADD ("/privacy/history-recorded", test_history_recorded);
  ADD ("/privacy/history-read-only", test_history_read_only);
  ADD ("/privacy/restore-value", test_restore_value);
  ADD ("/privacy/restore-deleted", test_restore_deleted);
  ADD ("/privacy/deleted-link", test_deleted_link);
  ADD ("/privacy/participant-needs-consent", test_participant_needs_consent);
  ADD ("/privacy/needs-consent", test_needs_consent);
  ADD ("/privacy/needs-cleared", test_needs_cleared);
  ADD ("/privacy/retention", test_retention);
  ADD ("/privacy/erase", test_erase);
  ADD ("/privacy/figures", test_figures);
  ADD ("/privacy/restricted", test_restricted);
  ADD ("/privacy/privacy-statement", test_privacy_statement);
#undef ADD

  status = g_test_run ();
  g_ptr_array_unref (id_texts);
  return status;
}
