/* sec-store-privacy.c: personal data as the law asks
 *
 * Part of SecStore (see sec-store-private.h). Erasure keeps the person's
 * row, emptied, rather than deleting it: the participation rows then keep
 * pointing at it with their organisation and role, so a past meeting still
 * counts its participants per organisation, country and role without a
 * second table of counts to keep in step, and nothing identifies the
 * person any more.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store-privacy.h"
#include "core/store/sec-store-private.h"

#define NOW_SECONDS "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* Helpers */

static int
get_int_setting (SecStore   *self,
                 const char *key,
                 int         fallback)
{
  g_autofree char *text = sec_store_get_setting (self, key);
  gint64 n = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, 100000, &n, NULL))
    return fallback;
  return (int) n;
}

int
sec_store_get_needs_days (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), SEC_PRIVACY_NEEDS_DAYS_DEFAULT);

  return get_int_setting (self, SEC_PRIVACY_NEEDS_DAYS_KEY, SEC_PRIVACY_NEEDS_DAYS_DEFAULT);
}

int
sec_store_get_retention_years (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), SEC_PRIVACY_RETENTION_YEARS_DEFAULT);

  return get_int_setting (self, SEC_PRIVACY_RETENTION_YEARS_KEY, SEC_PRIVACY_RETENTION_YEARS_DEFAULT);
}

static char *
dup_today (const char *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (today != NULL)
    return g_strdup (today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Runs @sql with ?1 .. ?n bound to @texts (NULL-terminated). */
static gboolean
run_sql (SecStore           *self,
         const char         *sql,
         const char *const  *texts,
         gint64              id,
         GError            **error)
{
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, error);
  int n = 1;

  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sec_stmt_bind_int64 (stmt, n++, id);
  for (guint i = 0; texts != NULL && texts[i]; i++)
    sec_stmt_bind_text (stmt, n++, texts[i]);
  return sec_stmt_run (stmt, error);
}

const char *
_sec_store_privacy_trigger_message (const char *engine_message)
{
  if (engine_message == NULL)
    return NULL;
  if (g_str_equal (engine_message, "needs-without-consent"))
    return _("Accessibility and dietary needs can only be kept with the person’s explicit consent");
  if (g_str_equal (engine_message, "participant-needs-without-consent"))
    return _("A participant’s needs can only be kept with the person’s explicit consent, recorded on their page");
  if (g_str_equal (engine_message, "needs-consent-in-use"))
    return _("The consent to keep needs cannot be withdrawn while needs are recorded for their meetings: "
             "clear those first");
  if (g_str_equal (engine_message, "history-read-only"))
    return _("The history of changes cannot be changed");
  return NULL;
}

/* Opening */

gboolean
_sec_store_open_privacy (SecStore  *self,
                         GError   **error)
{
  /* Whatever is deleted or overwritten is zeroed in the file, not merely
   * marked free: an erased e-mail address must not stay in its bytes. */
  if (!sec_engine_exec (_sec_store_get_engine (self), "PRAGMA secure_delete = ON", error))
    return FALSE;
  if (!_sec_store_ensure_history (self, error))
    return FALSE;
  return sec_store_clear_expired_needs (self, NULL, NULL, error);
}

/* Needs */

gboolean
sec_store_clear_expired_needs (SecStore    *self,
                               const char  *today,
                               guint       *n_cleared,
                               GError     **error)
{
  SecEngine *engine;
  g_autofree char *day = NULL;
  g_autofree char *days = NULL;
  gint64 n_participants, n_people;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  engine = _sec_store_get_engine (self);
  day = dup_today (today);
  days = g_strdup_printf ("-%d days", sec_store_get_needs_days (self));
  /* Run at every opening: the "IS NOT NULL" terms let SQLite read the
   * partial indexes of migration 11 (the few rows with needs) instead of
   * every participation and person. */
  if (!sec_store_begin (self, error))
    return FALSE;
  if (!run_sql (self,
                "UPDATE participants SET needs = NULL, version = version + 1, updated_at = " NOW_SECONDS
                " WHERE needs IS NOT NULL AND trim(coalesce(needs, '')) <> ''"
                "   AND (SELECT substr(m.ends_at, 1, 10) FROM meetings m WHERE m.id = participants.meeting_id)"
                "       < date(?1, ?2)"
                "   AND (SELECT p.needs_lasting FROM people p WHERE p.id = participants.person_id) = 0",
                (const char *[]) { day, days, NULL }, 0, error))
    goto fail;
  n_participants = sec_engine_changes (engine);
  if (!run_sql (self,
                "UPDATE people SET accessibility_needs = NULL, dietary_needs = NULL,"
                "  version = version + 1, updated_at = " NOW_SECONDS
                " WHERE needs_lasting = 0 AND coalesce(accessibility_needs, dietary_needs) IS NOT NULL"
                "   AND (trim(coalesce(accessibility_needs, '')) <> '' OR trim(coalesce(dietary_needs, '')) <> '')"
                "   AND EXISTS (SELECT 1 FROM participants pa WHERE pa.person_id = people.id)"
                "   AND NOT EXISTS (SELECT 1 FROM participants pa JOIN meetings m ON m.id = pa.meeting_id"
                "                   WHERE pa.person_id = people.id AND substr(m.ends_at, 1, 10) >= date(?1, ?2))",
                (const char *[]) { day, days, NULL }, 0, error))
    goto fail;
  n_people = sec_engine_changes (engine);
  if (n_participants > 0)
    _sec_store_queue_change (self, SEC_TYPE_PARTICIPANT, 0, SEC_STORE_CHANGE_UPDATED);
  if (n_people > 0)
    _sec_store_queue_change (self, SEC_TYPE_PERSON, 0, SEC_STORE_CHANGE_UPDATED);
  if (n_cleared != NULL)
    *n_cleared = (guint) (n_participants + n_people);
  return sec_store_commit_or_rollback (self, error);

fail:
  sec_store_rollback (self);
  return FALSE;
}

/* Retention */

void
sec_retention_entry_free (SecRetentionEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->email);
  g_free (entry->last_activity);
  g_free (entry);
}

GPtrArray *
sec_store_list_past_retention (SecStore    *self,
                               int          years,
                               const char  *today,
                               GError     **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *day = NULL;
  g_autofree char *span = NULL;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  day = dup_today (today);
  span = g_strdup_printf ("-%d years", years > 0 ? years : sec_store_get_retention_years (self));
  stmt = sec_engine_prepare (_sec_store_get_engine (self),
                             "SELECT id, name, email, last, n FROM ("
                             " SELECT p.id AS id, trim(coalesce(p.given_name, '') || ' ' || p.family_name) AS name,"
                             "  p.email AS email,"
                             "  max(substr(p.created_at, 1, 10),"
                             "   coalesce((SELECT max(substr(m.ends_at, 1, 10)) FROM participants pa"
                             "             JOIN meetings m ON m.id = pa.meeting_id WHERE pa.person_id = p.id), ''),"
                             "   coalesce((SELECT max(CASE WHEN ms.left_on IS NULL AND ms.status <> 'ended' THEN ?1"
                             "                             ELSE coalesce(ms.left_on, ms.joined_on, '') END)"
                             "             FROM memberships ms WHERE ms.organisation_id = p.organisation_id), ''),"
                             "   coalesce((SELECT max(substr(a.received_at, 1, 10)) FROM applications a"
                             "             WHERE a.organisation_id = p.organisation_id), '')) AS last,"
                             "  (SELECT count(*) FROM participants pa WHERE pa.person_id = p.id) AS n"
                             " FROM people p WHERE p.erased_on IS NULL) AS r"
                             " WHERE last < date(?1, ?2) ORDER BY last, id",
                             error);
  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_text (stmt, 1, day);
  sec_stmt_bind_text (stmt, 2, span);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_retention_entry_free);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      SecRetentionEntry *e = g_new0 (SecRetentionEntry, 1);

      e->id = sec_stmt_get_int64 (stmt, 0);
      e->name = g_strdup (sec_stmt_get_text (stmt, 1));
      e->email = sec_stmt_dup_text (stmt, 2);
      e->last_activity = g_strdup (sec_stmt_get_text (stmt, 3));
      e->n_participations = sec_stmt_get_int (stmt, 4);
      g_ptr_array_add (entries, e);
    }
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

static gint64
count (SecStore    *self,
       const char  *sql,
       GError     **error)
{
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, error);

  if (stmt == NULL || sec_stmt_step (stmt, error) != SEC_STEP_ROW)
    return -1;
  return sec_stmt_get_int64 (stmt, 0);
}

gint64
sec_store_count_without_basis (SecStore  *self,
                               GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), -1);

  return count (self, "SELECT count(*) FROM people WHERE lawful_basis IS NULL AND erased_on IS NULL", error);
}

/* Erasure */

/* The participation and speaking rows of the person, now or in the
 * history (rows deleted since). */
#define PERSON_ROWS(table) \
  "SELECT id FROM " table " WHERE person_id = ?1" \
  " UNION SELECT record_id FROM history WHERE table_name = '" table "'" \
  "  AND CAST(CASE action WHEN 'insert' THEN json_extract(new_value, '$.person_id')" \
  "                  WHEN 'delete' THEN json_extract(old_value, '$.person_id') END AS INTEGER) = ?1"

gboolean
sec_store_erase_person (SecStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(SecRecord) person = NULL;
  g_autofree char *today = NULL;
  /* With ?2, today's date. */
  static const struct { const char *sql; gboolean dated; } steps[] = {
    /* Statistics keep the organisation the person came for. */
    { "UPDATE participants SET needs = NULL, notes = NULL, version = version + 1, updated_at = " NOW_SECONDS ","
    "  organisation_id = coalesce(organisation_id, (SELECT organisation_id FROM people WHERE id = ?1))"
    " WHERE person_id = ?1", FALSE },
    { "UPDATE organisations SET contact_person_id = NULL, version = version + 1 WHERE contact_person_id = ?1", FALSE },
    { "DELETE FROM agenda_speakers WHERE person_id = ?1", FALSE },
    { "UPDATE people SET title = NULL, given_name = NULL, family_name = '" SEC_PRIVACY_ERASED_NAME "',"
    "  position = NULL, organisation_id = NULL, email = NULL, phone = NULL, languages = NULL,"
    "  accessibility_needs = NULL, dietary_needs = NULL, notes = NULL, consent_date = NULL,"
    "  consent_source = NULL, lawful_basis = NULL, privacy_version = NULL, needs_consent = 0,"
    "  needs_lasting = 0, restricted = 1, erased_on = ?2, search_text = '', sort_key = NULL,"
    "  version = version + 1, updated_at = " NOW_SECONDS " WHERE id = ?1", TRUE },
    /* The history keeps that changes happened, not what they were. */
    { "UPDATE history SET old_value = NULL, new_value = NULL"
    " WHERE (table_name = 'people' AND record_id = ?1)"
    "    OR (table_name = 'participants' AND record_id IN (" PERSON_ROWS ("participants") "))"
    "    OR (table_name = 'agenda_speakers' AND record_id IN (" PERSON_ROWS ("agenda_speakers") "))", FALSE },
  };
  g_autofree char *erased = NULL;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  if (!(person = sec_store_get (self, SEC_TYPE_PERSON, id, error)))
    return FALSE;
  today = dup_today (NULL);
  if (!sec_store_begin (self, error))
    return FALSE;
  if (!_sec_store_set_setting (self, "history-erasing", "1", error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!run_sql (self, steps[i].sql, steps[i].dated ? (const char *[]) { today, NULL } : NULL, id, error))
      goto fail;
  erased = g_strdup_printf ("INSERT INTO history (at, \"user\", table_name, record_id, action)"
                            " VALUES (strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), %s, 'people', ?1, 'erased')",
                            _sec_store_history_user_sql (self));
  if (!run_sql (self, erased, NULL, id, error))
    goto fail;
  /* The erased values' trigrams leave the search index's pages too. */
  if (!sec_store_search_index_optimize (self, error))
    goto fail;
  if (!_sec_store_set_setting (self, "history-erasing", NULL, error))
    goto fail;
  _sec_store_queue_change (self, SEC_TYPE_PERSON, id, SEC_STORE_CHANGE_UPDATED);
  _sec_store_queue_change (self, SEC_TYPE_PARTICIPANT, 0, SEC_STORE_CHANGE_UPDATED);
  _sec_store_queue_change (self, SEC_TYPE_AGENDA_SPEAKER, 0, SEC_STORE_CHANGE_DELETED);
  _sec_store_queue_change (self, SEC_TYPE_ORGANISATION, 0, SEC_STORE_CHANGE_UPDATED);
  if (!sec_store_commit_or_rollback (self, error))
    return FALSE;
  /* The log still holds the pages as they were: move them into the file
   * and empty it (in vain inside a caller's transaction or while another
   * connection reads; the next checkpoint then does it). */
  if (sec_engine_get_kind (_sec_store_get_engine (self)) == SEC_ENGINE_SQLITE)
    sec_engine_exec (_sec_store_get_engine (self), "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  return TRUE;

fail:
  sec_store_rollback (self);
  return FALSE;
}

/* Right of access */

char *
sec_store_dup_person_json (SecStore  *self,
                           gint64     id,
                           GError   **error)
{
  const SecKind *kind = sec_kind_from_type (SEC_TYPE_PERSON);
  g_autoptr(GString) sql = g_string_new ("SELECT OBJECT('person', OBJECT('id', p.id, 'created_at', p.created_at, 'updated_at', p.updated_at");
  g_autoptr(SecStmt) stmt = NULL;
  SecStep step;
  gboolean pg;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *column = sec_field_column (&kind->fields[i]);
      g_string_append_printf (sql, ", '%s', p.%s", column, column);
    }
  g_string_append (sql,
    "),"
    " 'organisation', (SELECT OBJECT('id', o.id, 'name', o.name, 'country', o.country)"
    "   FROM organisations o WHERE o.id = p.organisation_id),"
    " 'memberships', ARRAY_OF((SELECT ARRAY_AGG(OBJECT('body', b.name, 'joined_on', m.joined_on,"
    "   'left_on', m.left_on, 'status', m.status)) FROM memberships m JOIN bodies b ON b.id = m.body_id"
    "   WHERE m.organisation_id = p.organisation_id)),"
    " 'applications', ARRAY_OF((SELECT ARRAY_AGG(OBJECT('call', c.title, 'received_at', a.received_at,"
    "   'eligibility', a.eligibility, 'outcome', a.outcome)) FROM applications a JOIN calls c ON c.id = a.call_id"
    "   WHERE a.organisation_id = p.organisation_id)),"
    " 'participations', ARRAY_OF((SELECT ARRAY_AGG(OBJECT('meeting', m.title, 'starts_at', m.starts_at,"
    "   'role', pa.role, 'status', pa.status, 'invited_on', pa.invited_on, 'needs', pa.needs, 'notes', pa.notes,"
    "   'statuses', ARRAY_OF((SELECT ARRAY_AGG(OBJECT('status', h.status, 'changed_at', h.changed_at))"
    "     FROM participant_history h WHERE h.participant_id = pa.id))))"
    "   FROM participants pa JOIN meetings m ON m.id = pa.meeting_id WHERE pa.person_id = p.id)),"
    " 'speaking', ARRAY_OF((SELECT ARRAY_AGG(OBJECT('meeting', m.title, 'item', i.title))"
    "   FROM agenda_speakers s JOIN agenda_items i ON i.id = s.agenda_item_id JOIN meetings m ON m.id = i.meeting_id"
    "   WHERE s.person_id = p.id)),"
    " 'signatures', ARRAY_OF((SELECT ARRAY_AGG(OBJECT('statement', st.title, 'signed_on', st.signed_on,"
    "   'signer_name', g.signer_name, 'signer_position', g.signer_position))"
    "   FROM signatories g JOIN statements st ON st.id = g.statement_id"
    "   WHERE g.organisation_id = p.organisation_id"
    "     AND g.signer_name = trim(coalesce(p.given_name, '') || ' ' || p.family_name))),"
    " 'history', ARRAY_OF((SELECT ARRAY_AGG(OBJECT('at', h.at, 'user', h.\"user\", 'table', h.table_name,"
    "   'record_id', h.record_id, 'action', h.action, 'field', h.field, 'old', h.old_value, 'new', h.new_value))"
    "   FROM history h WHERE (h.table_name = 'people' AND h.record_id = p.id)"
    "     OR (h.table_name = 'participants' AND h.record_id IN (SELECT id FROM participants WHERE person_id = p.id)))))"
    " FROM people p WHERE p.id = ?1");
  /* SQLite's JSON functions, or their PostgreSQL namesakes (a list of no
   * rows is [] in both). */
  pg = sec_engine_get_kind (_sec_store_get_engine (self)) == SEC_ENGINE_POSTGRESQL;
  g_string_replace (sql, "OBJECT(", pg ? "json_build_object(" : "json_object(", 0);
  g_string_replace (sql, "ARRAY_OF(", pg ? "sec_json_array(" : "json(", 0);
  g_string_replace (sql, "ARRAY_AGG(", pg ? "json_agg(" : "json_group_array(", 0);
  if (!(stmt = sec_engine_prepare_once (_sec_store_get_engine (self), sql->str, error)))
    return NULL;
  sec_stmt_bind_int64 (stmt, 1, id);
  if ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    return g_strdup (sec_stmt_get_text (stmt, 0));
  if (step == SEC_STEP_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with the number %s"), _(kind->label), id_text);
    }
  return NULL;
}

/* Record of processing */

void
sec_processing_figures_clear (SecProcessingFigures *figures)
{
  g_clear_pointer (&figures->oldest_record, g_free);
}

gboolean
sec_store_get_processing_figures (SecStore             *self,
                                  SecProcessingFigures *f,
                                  GError              **error)
{
  g_autoptr(SecStmt) stmt = NULL;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (f != NULL, FALSE);

  memset (f, 0, sizeof *f);
  stmt = sec_engine_prepare (_sec_store_get_engine (self),
                             "SELECT count(*), count(erased_on),"
                             " sum(lawful_basis = 'consent'), sum(lawful_basis = 'membership'),"
                             " sum(lawful_basis = 'public-task'), sum(lawful_basis IS NULL AND erased_on IS NULL),"
                             " sum(restricted <> 0 AND erased_on IS NULL),"
                             " sum(trim(coalesce(accessibility_needs, '')) <> '' OR trim(coalesce(dietary_needs, '')) <> ''),"
                             " count(email), count(phone),"
                             " (SELECT count(*) FROM participants),"
                             " min(substr(created_at, 1, 10))"
                             " FROM people",
                             error);
  if (stmt == NULL || sec_stmt_step (stmt, error) != SEC_STEP_ROW)
    return FALSE;
  f->n_people = sec_stmt_get_int64 (stmt, 0);
  f->n_erased = sec_stmt_get_int64 (stmt, 1);
  f->n_consent = sec_stmt_get_int64 (stmt, 2);
  f->n_membership = sec_stmt_get_int64 (stmt, 3);
  f->n_public_task = sec_stmt_get_int64 (stmt, 4);
  f->n_without_basis = sec_stmt_get_int64 (stmt, 5);
  f->n_restricted = sec_stmt_get_int64 (stmt, 6);
  f->n_with_needs = sec_stmt_get_int64 (stmt, 7);
  f->n_with_email = sec_stmt_get_int64 (stmt, 8);
  f->n_with_phone = sec_stmt_get_int64 (stmt, 9);
  f->n_participations = sec_stmt_get_int64 (stmt, 10);
  f->oldest_record = sec_stmt_dup_text (stmt, 11);
  return TRUE;
}
