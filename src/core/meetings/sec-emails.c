/* sec-emails.c: who a meeting's e-mails go to, and what is recorded once
 * they are sent */
#define G_LOG_DOMAIN "sec-emails"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-format.h"
#include "core/meetings/sec-emails.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-readers.h"

static const char *const invitation_statuses[] = { "invited", NULL };
static const char *const reminder_statuses[] = { "invited", NULL };
static const char *const information_statuses[] = { "registered", "confirmed", NULL };
static const char *const thanks_statuses[] = { "attended", "attended-remotely", NULL };

static const struct {
  const char        *name;
  const char        *label;
  const char        *field;
  const char *const *statuses;
} kinds[SEC_EMAIL_N_KINDS] = {
  [SEC_EMAIL_INVITATION] = { "invitation", N_("Invitation"), "invited-on", invitation_statuses },
  [SEC_EMAIL_REMINDER] = { "reminder", N_("Reminder"), "reminded-on", reminder_statuses },
  /* TRANSLATORS: an e-mail kind: the practical information sent to those
   * who confirmed (venue, access, times) */
  [SEC_EMAIL_INFORMATION] = { "information", N_("Practical information"), "informed-on", information_statuses },
  /* TRANSLATORS: an e-mail kind: thanking those who attended */
  [SEC_EMAIL_THANKS] = { "thanks", N_("Thanks"), "thanked-on", thanks_statuses },
};

const char *
sec_email_kind_to_string (SecEmailKind kind)
{
  g_return_val_if_fail (kind < SEC_EMAIL_N_KINDS, NULL);

  return kinds[kind].name;
}

gboolean
sec_email_kind_from_string (const char   *name,
                            SecEmailKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name != NULL && i < SEC_EMAIL_N_KINDS; i++)
    if (g_str_equal (name, kinds[i].name))
      {
        *kind = (SecEmailKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sec_email_kind_get_label (SecEmailKind kind)
{
  g_return_val_if_fail (kind < SEC_EMAIL_N_KINDS, NULL);

  return _(kinds[kind].label);
}

const char *
sec_email_kind_get_field (SecEmailKind kind)
{
  g_return_val_if_fail (kind < SEC_EMAIL_N_KINDS, NULL);

  return kinds[kind].field;
}

const char *const *
sec_email_kind_get_statuses (SecEmailKind kind)
{
  g_return_val_if_fail (kind < SEC_EMAIL_N_KINDS, NULL);

  return kinds[kind].statuses;
}

const char *
sec_email_exclusion_get_label (SecEmailExclusion exclusion)
{
  switch (exclusion)
    {
    case SEC_EMAIL_INCLUDED:
      return "";
    case SEC_EMAIL_NO_CONTACT:
      return _("May not be contacted");
    case SEC_EMAIL_NO_ADDRESS:
      return _("No e-mail address");
    case SEC_EMAIL_BAD_ADDRESS:
      return _("E-mail address not usable");
    default:
      g_return_val_if_reached ("");
    }
}

void
sec_email_recipient_free (SecEmailRecipient *recipient)
{
  if (recipient == NULL)
    return;
  sec_email_recipient_row_free (recipient->row);
  g_free (recipient->name);
  g_free (recipient);
}

gboolean
sec_email_address_is_plain (const char *email)
{
  const char *at;

  if (email == NULL || !g_utf8_validate (email, -1, NULL))
    return FALSE;
  at = strchr (email, '@');
  if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *c = email; *c != '\0'; c++)
    if ((guchar) *c <= ' ' || *c == 0x7f || strchr (",;:<>\"()[]\\", *c) != NULL)
      return FALSE;
  return TRUE;
}

static gboolean
in_selection (GArray *ids,
              gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/**
 * sec_emails_list_recipients:
 * @included: (out) (transfer full) (element-type SecEmailRecipient):
 * @left_out: (out) (transfer full) (element-type SecEmailRecipient):
 *
 * An id of @participant_ids that is not a participant of the meeting is an
 * error (SEC_STORE_ERROR_NOT_FOUND).
 */
gboolean
sec_emails_list_recipients (SecStore           *store,
                            gint64              meeting_id,
                            SecEmailKind        kind,
                            const char *const  *statuses,
                            GArray             *participant_ids,
                            GPtrArray         **included,
                            GPtrArray         **left_out,
                            GError            **error)
{
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) in = NULL;
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < SEC_EMAIL_N_KINDS, FALSE);
  g_return_val_if_fail (included != NULL && left_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((meeting = sec_store_get (store, SEC_TYPE_MEETING, meeting_id, error)) == NULL)
    return FALSE;
  if ((rows = sec_store_list_email_recipients (store, meeting_id, error)) == NULL)
    return FALSE;
  if (statuses == NULL)
    statuses = kinds[kind].statuses;

  in = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_email_recipient_free);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_email_recipient_free);
  for (guint i = 0; i < rows->len; i++)
    {
      SecEmailRecipientRow *row = g_ptr_array_index (rows, i);
      SecEmailRecipient *r;

      if (participant_ids != NULL ? !in_selection (participant_ids, row->participant_id)
                                  : !g_strv_contains (statuses, row->status))
        continue;
      r = g_new0 (SecEmailRecipient, 1);
      r->row = g_steal_pointer (&g_ptr_array_index (rows, i));
      r->name = row->given_name != NULL ? g_strdup_printf ("%s %s", row->given_name, row->family_name)
                                        : g_strdup (row->family_name);
      if (row->no_contact)
        r->exclusion = SEC_EMAIL_NO_CONTACT;
      else if (row->email == NULL)
        r->exclusion = SEC_EMAIL_NO_ADDRESS;
      else if (!sec_email_address_is_plain (row->email))
        r->exclusion = SEC_EMAIL_BAD_ADDRESS;
      g_ptr_array_add (r->exclusion == SEC_EMAIL_INCLUDED ? in : out, r);
    }
  /* A participant asked for by id and not found is said, not dropped. */
  if (participant_ids != NULL && in->len + out->len < participant_ids->len)
    {
      for (guint i = 0; i < participant_ids->len; i++)
        {
          gint64 id = g_array_index (participant_ids, gint64, i);
          gboolean found = FALSE;

          for (guint j = 0; !found && j < in->len; j++)
            found = ((SecEmailRecipient *) g_ptr_array_index (in, j))->row->participant_id == id;
          for (guint j = 0; !found && j < out->len; j++)
            found = ((SecEmailRecipient *) g_ptr_array_index (out, j))->row->participant_id == id;
          if (!found)
            {
              g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

              /* TRANSLATORS: %s is a participant's id */
              g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                           _("Participant %s is not a participant of this meeting"), text);
              return FALSE;
            }
        }
    }
  *included = g_steal_pointer (&in);
  *left_out = g_steal_pointer (&out);
  return TRUE;
}

typedef struct {
  gint64        meeting_id;
  SecEmailKind  kind;
  char        **statuses;
  GPtrArray    *included;
  GPtrArray    *left_out;
} ListJob;

static void
list_job_free (ListJob *job)
{
  g_strfreev (job->statuses);
  g_clear_pointer (&job->included, g_ptr_array_unref);
  g_clear_pointer (&job->left_out, g_ptr_array_unref);
  g_free (job);
}

static gboolean
list_worker (SecStore          *reader,
             gpointer           data,
             SecProgressRelay  *relay,
             GCancellable      *cancellable,
             GError           **error)
{
  ListJob *job = data;

  return !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         sec_emails_list_recipients (reader, job->meeting_id, job->kind, (const char *const *) job->statuses,
                                     NULL, &job->included, &job->left_out, error);
}

void
sec_emails_list_recipients_async (SecStore            *store,
                                  gint64               meeting_id,
                                  SecEmailKind         kind,
                                  const char *const   *statuses,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ListJob *job;

  g_return_if_fail (SEC_IS_STORE (store));
  g_return_if_fail (kind < SEC_EMAIL_N_KINDS);

  job = g_new0 (ListJob, 1);
  job->meeting_id = meeting_id;
  job->kind = kind;
  job->statuses = g_strdupv ((char **) statuses);
  sec_store_read_async (store, sec_emails_list_recipients_async, job, (GDestroyNotify) list_job_free, list_worker,
                        NULL, NULL, cancellable, callback, user_data);
}

gboolean
sec_emails_list_recipients_finish (GAsyncResult  *result,
                                   GPtrArray    **included,
                                   GPtrArray    **left_out,
                                   GError       **error)
{
  ListJob *job = sec_store_read_finish (result, sec_emails_list_recipients_async, error);

  g_return_val_if_fail (included != NULL && left_out != NULL, FALSE);

  if (job == NULL)
    return FALSE;
  *included = g_steal_pointer (&job->included);
  *left_out = g_steal_pointer (&job->left_out);
  return TRUE;
}

gboolean
sec_emails_record_sent (SecStore      *store,
                        gint64         meeting_id,
                        SecEmailKind   kind,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  g_autofree char *today = sec_today ();
  g_autoptr(SecRecord) meeting = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < SEC_EMAIL_N_KINDS, FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sec_store_begin (store, error))
    return FALSE;
  if ((meeting = sec_store_get (store, SEC_TYPE_MEETING, meeting_id, error)) == NULL)
    goto fail;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(SecRecord) p = sec_store_get (store, SEC_TYPE_PARTICIPANT, ids[i], error);

      if (p == NULL)
        goto fail;
      if (sec_record_get_ref (p, "meeting") != meeting_id)
        {
          g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                               _("Only participants of this meeting can be recorded"));
          goto fail;
        }
      sec_record_set_string (p, kinds[kind].field, today);
      if (!sec_store_update (store, p, error))
        goto fail;
    }
  if (kind == SEC_EMAIL_INVITATION && n_ids > 0)
    {
      const char *status = sec_record_get_string (meeting, "status");

      if (g_strcmp0 (status, "draft") == 0 || g_strcmp0 (status, "planned") == 0)
        {
          sec_record_set_string (meeting, "status", "invitations-sent");
          if (!sec_store_update (store, meeting, error))
            goto fail;
        }
    }
  return sec_store_commit_or_rollback (store, error);

fail:
  sec_store_rollback (store);
  return FALSE;
}
