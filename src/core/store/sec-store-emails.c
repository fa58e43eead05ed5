/* sec-store-emails.c: what the e-mails to a meeting's participants and the
 * delegates of member organisations read and write beyond their records */
#define G_LOG_DOMAIN "sec-store-emails"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-store-emails.h"
#include "core/store/sec-store-private.h"

/* A stored text stripped, or NULL when NULL or blank. */
static char *
dup_stripped (SecStmt *stmt,
              int      col)
{
  const char *text = sec_stmt_get_text (stmt, col);
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  return *stripped ? g_steal_pointer (&stripped) : NULL;
}

const char *
_sec_store_representative_trigger_message (const char *engine_message)
{
  if (g_strcmp0 (engine_message, "delegate-not-of-organisation") == 0)
    return _("The delegate must be a person of the member organisation");
  if (g_strcmp0 (engine_message, "alternate-not-of-organisation") == 0)
    return _("An alternate must be a person of the member organisation");
  return NULL;
}

void
sec_email_recipient_row_free (SecEmailRecipientRow *row)
{
  if (row == NULL)
    return;
  g_free (row->title);
  g_free (row->given_name);
  g_free (row->family_name);
  g_free (row->email);
  g_free (row->languages);
  g_free (row->status);
  g_free (row->organisation);
  g_free (row);
}

/**
 * sec_store_list_email_recipients:
 *
 * Returns: (transfer full) (element-type SecEmailRecipientRow): the rows
 */
GPtrArray *
sec_store_list_email_recipients (SecStore  *store,
                                 gint64     meeting_id,
                                 GError   **error)
{
  static const char sql[] =
    "SELECT pa.id, p.id, p.title, p.given_name, p.family_name, p.email, p.languages,"
    "  p.no_contact, pa.status, coalesce(o.name, po.name)"
    " FROM participants pa JOIN people p ON p.id = pa.person_id"
    " LEFT JOIN organisations o ON o.id = pa.organisation_id"
    " LEFT JOIN organisations po ON po.id = p.organisation_id"
    " WHERE pa.meeting_id = ?1"
    " ORDER BY p.sort_key, p.id";
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stmt = sec_engine_prepare (_sec_store_get_engine (store), sql, error)) == NULL)
    return NULL;
  sec_stmt_bind_int64 (stmt, 1, meeting_id);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_email_recipient_row_free);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      SecEmailRecipientRow *row = g_new0 (SecEmailRecipientRow, 1);

      row->participant_id = sec_stmt_get_int64 (stmt, 0);
      row->person_id = sec_stmt_get_int64 (stmt, 1);
      row->title = dup_stripped (stmt, 2);
      row->given_name = dup_stripped (stmt, 3);
      row->family_name = dup_stripped (stmt, 4);
      if (row->family_name == NULL)
        row->family_name = g_strdup ("");
      row->email = dup_stripped (stmt, 5);
      row->languages = dup_stripped (stmt, 6);
      row->no_contact = sec_stmt_get_int64 (stmt, 7) != 0;
      row->status = sec_stmt_dup_text (stmt, 8);
      row->organisation = dup_stripped (stmt, 9);
      g_ptr_array_add (rows, row);
    }
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/* Delegates and alternates */

/**
 * sec_store_list_alternates:
 *
 * Returns: (transfer full) (element-type gint64): the alternates
 */
GArray *
sec_store_list_alternates (SecStore  *store,
                           gint64     membership_id,
                           GError   **error)
{
  static const char sql[] =
    "SELECT person_id FROM membership_alternates WHERE membership_id = ?1 ORDER BY position, id";
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if ((stmt = sec_engine_prepare (_sec_store_get_engine (store), sql, error)) == NULL)
    return NULL;
  sec_stmt_bind_int64 (stmt, 1, membership_id);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      gint64 id = sec_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
sec_store_set_alternates (SecStore      *store,
                          gint64         membership_id,
                          const gint64  *person_ids,
                          guint          n_people,
                          GError       **error)
{
  SecEngine *engine;
  g_autoptr(SecStmt) clear = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, FALSE);

  engine = _sec_store_get_engine (store);
  if ((clear = sec_engine_prepare (engine, "DELETE FROM membership_alternates WHERE membership_id = ?1", error)) == NULL)
    return FALSE;
  sec_stmt_bind_int64 (clear, 1, membership_id);
  if (!sec_stmt_run (clear, error))
    return FALSE;
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(SecStmt) add =
        sec_engine_prepare (engine,
                            "INSERT INTO membership_alternates (membership_id, person_id, position)"
                            " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", error);

      if (add == NULL)
        return FALSE;
      sec_stmt_bind_int64 (add, 1, membership_id);
      sec_stmt_bind_int64 (add, 2, person_ids[i]);
      sec_stmt_bind_int64 (add, 3, i + 1);
      if (!sec_stmt_run (add, &local_error))
        {
          const char *reason = _sec_store_representative_trigger_message (sec_engine_get_error_message (engine));

          if (reason != NULL)
            g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID, reason);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

gint64
sec_store_find_representation (SecStore  *store,
                               gint64     meeting_id,
                               gint64     organisation_id,
                               GError   **error)
{
  static const char sql[] =
    "SELECT m.id FROM memberships m"
    " JOIN meeting_bodies mb ON mb.body_id = m.body_id AND mb.meeting_id = ?1"
    " WHERE m.organisation_id = ?2 AND m.status = 'active'"
    "  AND (m.joined_on IS NULL OR m.joined_on <= (SELECT substr(starts_at, 1, 10) FROM meetings WHERE id = ?1))"
    "  AND (m.left_on IS NULL OR m.left_on >= (SELECT substr(starts_at, 1, 10) FROM meetings WHERE id = ?1))"
    "  AND (m.delegate_id IS NOT NULL OR EXISTS (SELECT 1 FROM membership_alternates a WHERE a.membership_id = m.id))"
    " ORDER BY mb.id, m.id LIMIT 1";
  g_autoptr(SecStmt) stmt = NULL;
  SecStep step;
  gint64 id = 0;

  g_return_val_if_fail (SEC_IS_STORE (store), -1);

  if ((stmt = sec_engine_prepare (_sec_store_get_engine (store), sql, error)) == NULL)
    return -1;
  sec_stmt_bind_int64 (stmt, 1, meeting_id);
  sec_stmt_bind_int64 (stmt, 2, organisation_id);
  if ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ERROR)
    return -1;
  if (step == SEC_STEP_ROW)
    id = sec_stmt_get_int64 (stmt, 0);
  return id;
}
