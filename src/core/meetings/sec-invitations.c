/* sec-invitations.c: a meeting's invitations, its participants' statuses,
 * the check-in on the meeting day, and what the meeting page warns about */
#define G_LOG_DOMAIN "sec-invitations"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-fold.h"
#include "core/base/sec-format.h"
#include "core/meetings/sec-invitations.h"
#include "core/meetings/sec-presidencies.h"

/* An active membership of @alias (memberships) on the first day of the
 * meeting ?1. */
#define MEMBER_ON_THE_DAY(m) \
  " " m ".status = 'active'" \
  " AND (" m ".joined_on IS NULL OR " m ".joined_on <= (SELECT substr(starts_at, 1, 10) FROM meetings WHERE id = ?1))" \
  " AND (" m ".left_on IS NULL OR " m ".left_on >= (SELECT substr(starts_at, 1, 10) FROM meetings WHERE id = ?1))"

#define PERSON_NAME(p) "trim(coalesce(" p ".given_name, '') || ' ' || " p ".family_name)"

/* A replaced participant whose substitute takes part on a line of their
 * own (participants aliased @p). */
#define SUBSTITUTE_HAS_OWN_LINE(p) \
  "(" p ".status = 'replaced' AND " p ".substitute_id IS NOT NULL AND EXISTS" \
  " (SELECT 1 FROM participants q WHERE q.meeting_id = " p ".meeting_id AND q.person_id = " p ".substitute_id))"

struct _SecCheckIn
{
  gint64  participant_id;
  gboolean created;           /* a participant made for a substitute */
  char   *previous_status;
  char   *previous_changed_on;
  char   *name;
};

/* Helpers */

static sqlite3_stmt *
prepare (SecStore    *store,
         const char  *sql,
         GError     **error)
{
  sqlite3 *db = _sec_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (db == NULL)
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED, _("The database is closed"));
      return NULL;
    }
  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) != SQLITE_OK)
    {
      _sec_store_set_error (store, rc, error);
      return NULL;
    }
  return stmt;
}

static gboolean
finish (SecStore      *store,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sec_store_set_error (store, rc, error);
  return TRUE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static gboolean
check_meeting (SecStore  *store,
               gint64     meeting_id,
               GError   **error)
{
  g_autoptr(SecRecord) meeting = sec_store_get (store, SEC_TYPE_MEETING, meeting_id, error);

  return meeting != NULL;
}

static gboolean
is_choice (GType       kind,
           const char *field,
           const char *nick)
{
  const SecField *f = sec_kind_find_field (sec_kind_from_type (kind), field);

  return nick != NULL && f != NULL && sec_field_choice_label (f, nick) != NULL;
}

static gint64
find_participant (SecStore  *store,
                  gint64     meeting_id,
                  gint64     person_id,
                  GError   **error)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT id FROM participants WHERE meeting_id = ?1 AND person_id = ?2", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  return finish (store, stmt, rc, error) ? id : -1;
}

static SecInvitationResult *
result_new (void)
{
  SecInvitationResult *result = g_new0 (SecInvitationResult, 1);

  result->unreached = g_ptr_array_new_with_free_func (g_free);
  return result;
}

/* Adds a participant; FALSE with @error on failure. */
static gboolean
invite (SecStore    *store,
        gint64       meeting_id,
        gint64       person_id,
        gint64       organisation_id,
        const char  *today,
        GError     **error)
{
  g_autoptr(SecRecord) participant = sec_record_new (SEC_TYPE_PARTICIPANT);

  sec_record_set_ref (participant, "meeting", meeting_id);
  sec_record_set_ref (participant, "person", person_id);
  sec_record_set_ref (participant, "organisation", organisation_id);
  sec_record_set_string (participant, "status", "invited");
  sec_record_set_string (participant, "invited-on", today);
  return sec_store_insert (store, participant, error);
}

/* Appends " AND @column LIKE ?" for each folded word of @text, with its
 * pattern in @patterns; @prefix patterns match the start of a word. */
static void
append_words (GString    *sql,
              const char *column,
              GStrv       words,
              gboolean    at_word_start,
              const char *joiner,
              GPtrArray  *patterns)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      GString *pattern = g_string_new (at_word_start ? "% " : "%");

      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      g_string_append_printf (sql, "%s%s LIKE ?%u ESCAPE '\\'", i > 0 ? joiner : "", column, patterns->len + 2);
      g_ptr_array_add (patterns, g_string_free (pattern, FALSE));
    }
}

/* Public API: members and invitations */

void
sec_member_organisation_free (SecMemberOrganisation *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->country);
  g_free (member->bodies);
  g_free (member->contact_person_name);
  g_free (member);
}

/**
 * sec_invitations_list_members:
 *
 * Returns: (transfer full) (element-type SecMemberOrganisation): the members
 */
GPtrArray *
sec_invitations_list_members (SecStore  *store,
                              gint64     meeting_id,
                              GError   **error)
{
  g_autoptr(GPtrArray) members = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_meeting (store, meeting_id, error))
    return NULL;

  stmt = prepare (store,
                  "SELECT o.id, o.name, o.country,"
                  "  (SELECT group_concat(n, ', ') FROM (SELECT DISTINCT coalesce(b.acronym, b.name) AS n"
                  "     FROM meeting_bodies mb JOIN bodies b ON b.id = mb.body_id"
                  "     JOIN memberships m ON m.body_id = mb.body_id AND m.organisation_id = o.id"
                  "     WHERE mb.meeting_id = ?1 AND" MEMBER_ON_THE_DAY ("m") " ORDER BY mb.id)),"
                  "  o.contact_person_id,"
                  "  (SELECT " PERSON_NAME ("c") " FROM people c WHERE c.id = o.contact_person_id),"
                  "  (SELECT count(*) FROM people pe WHERE pe.organisation_id = o.id),"
                  "  EXISTS (SELECT 1 FROM participants p JOIN people i ON i.id = p.person_id"
                  "          WHERE p.meeting_id = ?1 AND coalesce(p.organisation_id, i.organisation_id) = o.id)"
                  " FROM organisations o"
                  " WHERE o.id IN (SELECT m.organisation_id FROM meeting_bodies mb"
                  "                JOIN memberships m ON m.body_id = mb.body_id"
                  "                WHERE mb.meeting_id = ?1 AND" MEMBER_ON_THE_DAY ("m") ")"
                  " ORDER BY o.sort_key, o.id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);

  members = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_member_organisation_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SecMemberOrganisation *m = g_new0 (SecMemberOrganisation, 1);

      m->organisation_id = sqlite3_column_int64 (stmt, 0);
      m->name = dup_column (stmt, 1);
      m->country = dup_column (stmt, 2);
      m->bodies = dup_column (stmt, 3);
      m->contact_person_id = sqlite3_column_int64 (stmt, 4);
      m->contact_person_name = dup_column (stmt, 5);
      m->n_people = (guint) sqlite3_column_int64 (stmt, 6);
      m->represented = sqlite3_column_int (stmt, 7) != 0;
      if (m->name == NULL)
        m->name = g_strdup ("");
      g_ptr_array_add (members, m);
    }
  if (!finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&members);
}

void
sec_invitation_result_free (SecInvitationResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->unreached, g_ptr_array_unref);
  g_free (result);
}

gboolean
sec_invitations_invite_members (SecStore                 *store,
                                gint64                    meeting_id,
                                const SecInvitationPick  *picks,
                                guint                     n_picks,
                                SecInvitationResult     **result,
                                GError                  **error)
{
  g_autoptr(SecInvitationResult) r = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *today = sec_today ();

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (picks != NULL || n_picks == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sec_store_begin (store, error))
    return FALSE;
  if ((members = sec_invitations_list_members (store, meeting_id, error)) == NULL)
    goto fail;

  r = result_new ();
  for (guint i = 0; i < members->len; i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (members, i);
      gint64 person = m->contact_person_id;
      gint64 existing;

      if (m->represented)
        {
          r->n_represented++;
          continue;
        }
      for (guint j = 0; j < n_picks; j++)
        if (picks[j].organisation_id == m->organisation_id)
          person = picks[j].person_id;
      if (person == 0)
        {
          g_ptr_array_add (r->unreached, g_strdup (m->name));
          continue;
        }

      /* One person can be the contact of two members: invited once. */
      if ((existing = find_participant (store, meeting_id, person, error)) < 0)
        goto fail;
      if (existing > 0)
        {
          r->n_already++;
          continue;
        }
      if (!invite (store, meeting_id, person, m->organisation_id, today, error))
        goto fail;
      r->n_invited++;
    }

  if (!sec_store_commit (store, error))
    return FALSE;
  if (result != NULL)
    *result = g_steal_pointer (&r);
  return TRUE;

fail:
  sec_store_rollback (store);
  return FALSE;
}

gboolean
sec_invitations_invite_people (SecStore             *store,
                               gint64                meeting_id,
                               const gint64         *person_ids,
                               guint                 n_people,
                               SecInvitationResult **result,
                               GError              **error)
{
  g_autoptr(SecInvitationResult) r = result_new ();
  g_autofree char *today = sec_today ();

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_meeting (store, meeting_id, error))
    return FALSE;
  if (!sec_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(SecRecord) person = NULL;
      gint64 existing;

      if ((person = sec_store_get (store, SEC_TYPE_PERSON, person_ids[i], error)) == NULL)
        goto fail;
      if ((existing = find_participant (store, meeting_id, person_ids[i], error)) < 0)
        goto fail;
      if (existing > 0)
        {
          r->n_already++;
          continue;
        }
      if (!invite (store, meeting_id, person_ids[i], sec_record_get_ref (person, "organisation"), today, error))
        goto fail;
      r->n_invited++;
    }

  if (!sec_store_commit (store, error))
    return FALSE;
  if (result != NULL)
    *result = g_steal_pointer (&r);
  return TRUE;

fail:
  sec_store_rollback (store);
  return FALSE;
}

/* Public API: statuses and roles */

gboolean
sec_participants_set_status (SecStore      *store,
                             const gint64  *ids,
                             guint          n_ids,
                             const char    *status,
                             gint64         substitute_id,
                             GError       **error)
{
  g_autofree char *today = sec_today ();
  gboolean replaced;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_choice (SEC_TYPE_PARTICIPANT, "status", status))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("“%s” is not a status of a participant"), status ? status : "");
      return FALSE;
    }
  replaced = g_str_equal (status, "replaced");

  if (!sec_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(SecRecord) p = sec_store_get (store, SEC_TYPE_PARTICIPANT, ids[i], error);
      gint64 substitute;
      gboolean changed;

      if (p == NULL)
        goto fail;
      substitute = replaced ? (substitute_id != 0 ? substitute_id : sec_record_get_ref (p, "substitute")) : 0;
      changed = g_strcmp0 (sec_record_get_string (p, "status"), status) != 0;
      if (!changed && sec_record_get_ref (p, "substitute") == substitute)
        continue;
      if (substitute != 0 && substitute == sec_record_get_ref (p, "person"))
        {
          g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                               _("A participant cannot be their own substitute"));
          goto fail;
        }
      sec_record_set_string (p, "status", status);
      sec_record_set_ref (p, "substitute", substitute);
      if (changed)
        sec_record_set_string (p, "status-changed-on", today);
      if (!sec_store_update (store, p, error))
        goto fail;
    }
  return sec_store_commit (store, error);

fail:
  sec_store_rollback (store);
  return FALSE;
}

gboolean
sec_participants_set_role (SecStore      *store,
                           const gint64  *ids,
                           guint          n_ids,
                           const char    *role,
                           GError       **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_choice (SEC_TYPE_PARTICIPANT, "role", role))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("“%s” is not a role of a participant"), role ? role : "");
      return FALSE;
    }

  if (!sec_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(SecRecord) p = sec_store_get (store, SEC_TYPE_PARTICIPANT, ids[i], error);

      if (p == NULL)
        goto fail;
      if (g_strcmp0 (sec_record_get_string (p, "role"), role) == 0)
        continue;
      sec_record_set_string (p, "role", role);
      if (!sec_store_update (store, p, error))
        goto fail;
    }
  return sec_store_commit (store, error);

fail:
  sec_store_rollback (store);
  return FALSE;
}

/**
 * sec_participants_count_statuses:
 *
 * Returns: (transfer full) (element-type SecStatusCount): the counts
 */
GArray *
sec_participants_count_statuses (SecStore  *store,
                                 gint64     meeting_id,
                                 GError   **error)
{
  const SecField *field = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_PARTICIPANT), "status");
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (SecStatusCount));
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  stmt = prepare (store, "SELECT status, count(*) FROM participants WHERE meeting_id = ?1 GROUP BY status", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (found, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
  if (!finish (store, stmt, rc, error))
    return NULL;

  for (const SecChoice *c = field->choices; c->nick != NULL; c++)
    {
      SecStatusCount count = { c->nick, (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (found, c->nick)) };

      if (count.count > 0)
        g_array_append_val (counts, count);
    }
  return g_steal_pointer (&counts);
}

/* Public API: check-in */

void
sec_check_in_match_free (SecCheckInMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->name);
  g_free (match->organisation);
  g_free (match->status);
  g_free (match->replaces);
  g_free (match);
}

/**
 * sec_check_in_find:
 *
 * Returns: (transfer full) (element-type SecCheckInMatch): the matches
 */
GPtrArray *
sec_check_in_find (SecStore    *store,
                   gint64       meeting_id,
                   const char  *text,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_check_in_match_free);
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  sqlite3_stmt *stmt;
  guint n_words;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folded = g_strstrip (sec_fold (text ? text : ""));
  if (*folded == '\0' || limit == 0)
    return g_steal_pointer (&matches);
  words = g_strsplit (folded, " ", -1);
  n_words = g_strv_length (words);

  /* The person who arrives: the substitute of one replaced (who has no
   * line of their own), else the participant. Names starting with the
   * words typed come first ("ann" finds Anna before Joanna). */
  g_string_append (sql,
                   "SELECT p.id, a.id, " PERSON_NAME ("a") ", o.name, p.status,"
                   "  CASE WHEN a.id <> i.id THEN " PERSON_NAME ("i") " END"
                   " FROM (SELECT t.*, CASE WHEN t.status = 'replaced' AND t.substitute_id IS NOT NULL"
                   "         THEN t.substitute_id ELSE t.person_id END AS attending_id,"
                   "       " SUBSTITUTE_HAS_OWN_LINE ("t") " AS elsewhere"
                   "       FROM participants t WHERE t.meeting_id = ?1) p"
                   " JOIN people i ON i.id = p.person_id"
                   " JOIN people a ON a.id = p.attending_id"
                   " LEFT JOIN organisations o ON o.id = coalesce(p.organisation_id, i.organisation_id)"
                   " WHERE NOT p.elsewhere AND (");
  append_words (sql, "sec_fold(" PERSON_NAME ("a") ")", words, FALSE, " AND ", patterns);
  g_string_append (sql, ") ORDER BY (");
  append_words (sql, "(' ' || sec_fold(" PERSON_NAME ("a") "))", words, TRUE, ") + (", patterns);
  /* Then those expected before those who said they would not come. */
  g_string_append_printf (sql, ") DESC, p.status IN ('declined', 'excused'), a.sort_key, p.id LIMIT %u", limit);

  if ((stmt = prepare (store, sql->str, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  for (guint i = 0; i < patterns->len; i++)
    sqlite3_bind_text (stmt, (int) i + 2, g_ptr_array_index (patterns, i), -1, SQLITE_TRANSIENT);
  g_assert (patterns->len == 2 * n_words);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SecCheckInMatch *m = g_new0 (SecCheckInMatch, 1);

      m->participant_id = sqlite3_column_int64 (stmt, 0);
      m->person_id = sqlite3_column_int64 (stmt, 1);
      m->name = dup_column (stmt, 2);
      m->organisation = dup_column (stmt, 3);
      m->status = dup_column (stmt, 4);
      m->replaces = dup_column (stmt, 5);
      if (m->name == NULL)
        m->name = g_strdup ("");
      g_ptr_array_add (matches, m);
    }
  if (!finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&matches);
}

/**
 * sec_check_in:
 *
 * Returns: (transfer full): the check-in, to undo it
 */
SecCheckIn *
sec_check_in (SecStore               *store,
              const SecCheckInMatch  *match,
              GError                **error)
{
  g_autoptr(SecCheckIn) check_in = NULL;
  g_autoptr(SecRecord) p = NULL;
  g_autofree char *today = sec_today ();

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (match != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((p = sec_store_get (store, SEC_TYPE_PARTICIPANT, match->participant_id, error)) == NULL)
    return NULL;

  check_in = g_new0 (SecCheckIn, 1);
  check_in->name = g_strdup (match->name);

  if (match->person_id != 0 && match->person_id != sec_record_get_ref (p, "person"))
    {
      /* A substitute arrives: on a line of their own from now on. */
      g_autoptr(SecRecord) own = sec_record_new (SEC_TYPE_PARTICIPANT);
      g_autoptr(SecRecord) person = NULL;
      gint64 organisation = sec_record_get_ref (p, "organisation");

      if (organisation == 0 && (person = sec_store_get (store, SEC_TYPE_PERSON, sec_record_get_ref (p, "person"), NULL)))
        organisation = sec_record_get_ref (person, "organisation");
      sec_record_set_ref (own, "meeting", sec_record_get_ref (p, "meeting"));
      sec_record_set_ref (own, "person", match->person_id);
      sec_record_set_ref (own, "organisation", organisation);
      sec_record_set_string (own, "role", sec_record_get_string (p, "role"));
      sec_record_set_string (own, "status", "attended");
      sec_record_set_string (own, "invited-on", sec_record_get_string (p, "invited-on"));
      sec_record_set_string (own, "status-changed-on", today);
      if (!sec_store_insert (store, own, error))
        return NULL;
      check_in->participant_id = sec_record_get_id (own);
      check_in->created = TRUE;
      return g_steal_pointer (&check_in);
    }

  check_in->participant_id = sec_record_get_id (p);
  check_in->previous_status = g_strdup (sec_record_get_string (p, "status"));
  check_in->previous_changed_on = g_strdup (sec_record_get_string (p, "status-changed-on"));
  if (g_strcmp0 (check_in->previous_status, "attended") != 0)
    {
      sec_record_set_string (p, "status", "attended");
      sec_record_set_string (p, "status-changed-on", today);
      if (!sec_store_update (store, p, error))
        return NULL;
    }
  return g_steal_pointer (&check_in);
}

gboolean
sec_check_in_undo (SecStore    *store,
                   SecCheckIn  *check_in,
                   GError     **error)
{
  g_autoptr(SecRecord) p = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (check_in != NULL, FALSE);

  if (check_in->created)
    return sec_store_delete (store, SEC_TYPE_PARTICIPANT, check_in->participant_id, error);

  if ((p = sec_store_get (store, SEC_TYPE_PARTICIPANT, check_in->participant_id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (sec_record_get_string (p, "status"), check_in->previous_status) == 0)
    return TRUE;
  sec_record_set_string (p, "status", check_in->previous_status);
  sec_record_set_string (p, "status-changed-on", check_in->previous_changed_on);
  return sec_store_update (store, p, error);
}

const char *
sec_check_in_get_name (SecCheckIn *check_in)
{
  g_return_val_if_fail (check_in != NULL, NULL);

  return check_in->name;
}

gint64
sec_check_in_get_participant_id (SecCheckIn *check_in)
{
  g_return_val_if_fail (check_in != NULL, 0);

  return check_in->participant_id;
}

void
sec_check_in_free (SecCheckIn *check_in)
{
  if (check_in == NULL)
    return;
  g_free (check_in->previous_status);
  g_free (check_in->previous_changed_on);
  g_free (check_in->name);
  g_free (check_in);
}

gboolean
sec_check_in_count (SecStore  *store,
                    gint64     meeting_id,
                    gint64    *present,
                    gint64    *expected,
                    GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  stmt = prepare (store,
                  "SELECT coalesce(sum(p.status = 'attended'), 0),"
                  "  coalesce(sum(p.status NOT IN ('declined', 'excused', 'attended-remotely')"
                  "    AND NOT (p.status = 'replaced' AND (p.substitute_id IS NULL OR " SUBSTITUTE_HAS_OWN_LINE ("p") "))), 0)"
                  " FROM participants p WHERE p.meeting_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (present != NULL)
        *present = sqlite3_column_int64 (stmt, 0);
      if (expected != NULL)
        *expected = sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_DONE;
    }
  return finish (store, stmt, rc, error);
}

/* Public API: warnings */

void
sec_participant_needs_free (SecParticipantNeeds *needs)
{
  if (needs == NULL)
    return;
  g_free (needs->name);
  g_free (needs->accessibility);
  g_free (needs->dietary);
  g_free (needs->needs);
  g_free (needs);
}

/**
 * sec_meeting_list_needs:
 *
 * Returns: (transfer full) (element-type SecParticipantNeeds): the needs
 */
GPtrArray *
sec_meeting_list_needs (SecStore  *store,
                        gint64     meeting_id,
                        GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_participant_needs_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  stmt = prepare (store,
                  "SELECT p.id, " PERSON_NAME ("a") ", trim(a.accessibility_needs), trim(a.dietary_needs), trim(p.needs)"
                  " FROM participants p"
                  " JOIN people a ON a.id = CASE WHEN p.status = 'replaced' AND p.substitute_id IS NOT NULL"
                  "                         THEN p.substitute_id ELSE p.person_id END"
                  " WHERE p.meeting_id = ?1 AND p.status NOT IN ('declined', 'excused')"
                  "   AND NOT (p.status = 'replaced' AND (p.substitute_id IS NULL OR " SUBSTITUTE_HAS_OWN_LINE ("p") "))"
                  "   AND (trim(coalesce(a.accessibility_needs, '')) <> '' OR trim(coalesce(a.dietary_needs, '')) <> ''"
                  "        OR trim(coalesce(p.needs, '')) <> '')"
                  " ORDER BY a.sort_key, p.id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SecParticipantNeeds *n = g_new0 (SecParticipantNeeds, 1);

      n->participant_id = sqlite3_column_int64 (stmt, 0);
      n->name = dup_column (stmt, 1);
      n->accessibility = dup_column (stmt, 2);
      n->dietary = dup_column (stmt, 3);
      n->needs = dup_column (stmt, 4);
      if (n->name == NULL)
        n->name = g_strdup ("");
      g_ptr_array_add (list, n);
    }
  if (!finish (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&list);
}

gboolean
sec_meeting_is_nrem (SecStore *store,
                     gint64    meeting_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean nrem = FALSE;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  /* The search text is the folded name and short name. */
  stmt = prepare (store,
                  "SELECT EXISTS (SELECT 1 FROM meeting_bodies mb JOIN bodies b ON b.id = mb.body_id"
                  "  WHERE mb.meeting_id = ?1 AND (' ' || b.search_text || ' ' LIKE '% nrem%'"
                  "    OR b.search_text LIKE '%national rapporteur%'"
                  "    OR 2 * (SELECT count(*) FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
                  "            WHERE m.body_id = b.id AND m.status = 'active' AND o.kind = 'nrem')"
                  "       > (SELECT count(*) FROM memberships m WHERE m.body_id = b.id AND m.status = 'active')))",
                  &error);
  if (stmt == NULL)
    {
      g_warning ("Could not look at the bodies of meeting %" G_GINT64_FORMAT ": %s", meeting_id, error->message);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      nrem = sqlite3_column_int (stmt, 0) != 0;
      rc = SQLITE_DONE;
    }
  if (!finish (store, stmt, rc, &error))
    g_warning ("Could not look at the bodies of meeting %" G_GINT64_FORMAT ": %s", meeting_id, error->message);
  return nrem;
}

/* How a co-chair's text names a Member State: "Bulgarian Presidency",
 * "Presidency of Bulgaria", "Czech Presidency". English adjectives; the
 * country's names (English and the user's language) are tried too. */
static const struct {
  const char *code;
  const char *words;  /* folded, separated by '|' */
} member_state_words[] = {
  { "AT", "austrian" }, { "BE", "belgian" }, { "BG", "bulgarian" }, { "CY", "cypriot|cyprus" },
  { "CZ", "czech" }, { "DE", "german" }, { "DK", "danish|denmark" }, { "EE", "estonian" },
  { "ES", "spanish|spain" }, { "FI", "finnish|finland" }, { "FR", "french|france" },
  { "GR", "greek|hellenic|greece" }, { "HR", "croatian" }, { "HU", "hungarian" },
  { "IE", "irish|ireland" }, { "IT", "italian" }, { "LT", "lithuanian" }, { "LU", "luxembourg" },
  { "LV", "latvian" }, { "MT", "maltese|malta" }, { "NL", "dutch|netherlands" },
  { "PL", "polish|poland" }, { "PT", "portuguese|portugal" }, { "RO", "romanian" },
  { "SE", "swedish|sweden" }, { "SI", "slovenian|slovene" }, { "SK", "slovak" },
};

static gboolean
names_country (const char *text,
               const char *code)
{
  g_autofree char *folded = sec_fold (text);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const SecCountry *countries;
  guint n;

  countries = sec_countries (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (countries[i].code, code))
      g_ptr_array_add (names, sec_fold (countries[i].name));
  if (sec_country_name (code) != NULL)
    g_ptr_array_add (names, sec_fold (sec_country_name (code)));
  for (guint i = 0; i < G_N_ELEMENTS (member_state_words); i++)
    if (g_str_equal (member_state_words[i].code, code))
      {
        g_auto(GStrv) words = g_strsplit (member_state_words[i].words, "|", -1);
        for (guint j = 0; words[j] != NULL; j++)
          g_ptr_array_add (names, g_strdup (words[j]));
      }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      if (*name != '\0' && strstr (folded, name) != NULL)
        return TRUE;
    }
  return FALSE;
}

/**
 * sec_meeting_propose_co_chair:
 * @country: (out) (optional) (transfer full): the Presidency's country
 *
 * Returns: (transfer full) (nullable): the co-chair to propose
 */
char *
sec_meeting_propose_co_chair (SecStore   *store,
                              SecRecord  *meeting,
                              char      **country)
{
  g_autofree char *code = NULL;
  const char *co_chair;
  char *proposal;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_MEETING (meeting), NULL);

  if (country != NULL)
    *country = NULL;
  if (!sec_meeting_is_nrem (store, sec_record_get_id (meeting)))
    return NULL;
  code = sec_presidencies_lookup (store, sec_record_get_string (meeting, "starts-at"));
  if (code == NULL)
    return NULL;
  if ((proposal = sec_presidencies_propose_co_chair (store, meeting)) == NULL)
    return NULL;

  co_chair = sec_record_get_string (meeting, "co-chair");
  if (co_chair != NULL && (g_str_equal (co_chair, proposal) || names_country (co_chair, code)))
    {
      g_free (proposal);
      return NULL;
    }
  if (country != NULL)
    *country = g_steal_pointer (&code);
  return proposal;
}
