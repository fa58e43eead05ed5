/* sec-meeting-emails.c: a meeting's e-mail drafts, with its documents
 * attached */
#define G_LOG_DOMAIN "sec-meeting-emails"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "core/base/sec-fold.h"
#include "core/documents/sec-email.h"
#include "core/documents/sec-email-templates.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/documents/sec-meeting-emails.h"
#include "core/store/sec-store-readers.h"

static const struct {
  SecEmailAttachments flag;
  SecMeetingExport    export;
} attachable[] = {
  { SEC_EMAIL_ATTACH_AGENDA, SEC_MEETING_EXPORT_AGENDA },
  { SEC_EMAIL_ATTACH_PARTICIPANTS, SEC_MEETING_EXPORT_PARTICIPANTS },
  { SEC_EMAIL_ATTACH_PACK, SEC_MEETING_EXPORT_PACK },
  { SEC_EMAIL_ATTACH_MINUTES, SEC_MEETING_EXPORT_MINUTES },
};

/* Helpers */

static void
attachment_free (SecEmailAttachment *a)
{
  g_free (a->filename);
  g_free (a->mime_type);
  g_bytes_unref (a->contents);
  g_free (a);
}

static void
draft_free (SecEmailDraft *draft)
{
  g_free (draft->language);
  g_free (draft->subject);
  g_free (draft->body);
  g_ptr_array_unref (draft->recipients);
  g_ptr_array_unref (draft->attachments);
  g_free (draft);
}

/* (transfer full) (element-type SecEmailAttachment): the documents of
 * @options in @language, made once per language (@cache). */
static GPtrArray *
get_attachments (SecMeetingData               *data,
                 const SecMeetingEmailOptions *options,
                 const char                   *language,
                 GHashTable                   *cache,
                 GError                      **error)
{
  GPtrArray *list = g_hash_table_lookup (cache, language);

  if (list != NULL)
    return g_ptr_array_ref (list);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  for (guint i = 0; i < G_N_ELEMENTS (attachable); i++)
    {
      /* Public: everyone receives the others' names, never their contact
       * data or needs. */
      SecMeetingDocumentOptions doc = { .public_variant = TRUE, .language = language };
      SecEmailAttachment *a;
      GBytes *bytes;

      if (!(options->attachments & attachable[i].flag))
        continue;
      bytes = sec_meeting_document_export_bytes (data, attachable[i].export, &doc, options->paper, error);
      if (bytes == NULL)
        {
          g_ptr_array_unref (list);
          return NULL;
        }
      a = g_new0 (SecEmailAttachment, 1);
      a->filename = g_strdup_printf ("%s.%s", sec_meeting_export_to_string (attachable[i].export),
                                     sec_meeting_export_get_extension (attachable[i].export));
      a->mime_type = g_strdup (sec_meeting_export_get_mime_type (attachable[i].export));
      a->contents = bytes;
      g_ptr_array_add (list, a);
    }
  g_hash_table_insert (cache, g_strdup (language), list);
  return g_ptr_array_ref (list);
}

static SecEmailDraft *
make_draft (SecStore                     *store,
            SecMeetingData               *data,
            const SecMeetingEmailOptions *options,
            const char                   *language,
            GHashTable                   *fields,
            GHashTable                   *cache,
            GError                      **error)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  SecEmailDraft *draft;
  GPtrArray *attachments;

  if ((attachments = get_attachments (data, options, language, cache, error)) == NULL)
    return NULL;
  sec_email_template_get (store, options->kind, language, &subject, &body, NULL);
  draft = g_new0 (SecEmailDraft, 1);
  draft->language = g_strdup (language);
  draft->subject = sec_email_template_expand (subject, fields, TRUE);
  draft->body = sec_email_template_expand (body, fields, FALSE);
  draft->recipients = g_ptr_array_new ();
  draft->attachments = attachments;
  return draft;
}

/* Public API */

void
sec_meeting_emails_free (SecMeetingEmails *emails)
{
  if (emails == NULL)
    return;
  g_clear_pointer (&emails->drafts, g_ptr_array_unref);
  g_clear_pointer (&emails->included, g_ptr_array_unref);
  g_clear_pointer (&emails->left_out, g_ptr_array_unref);
  g_free (emails->from_name);
  g_free (emails->from_address);
  g_free (emails);
}

/**
 * sec_meeting_emails_new:
 *
 * Returns: (transfer full): the drafts
 */
SecMeetingEmails *
sec_meeting_emails_new (SecStore                      *store,
                        gint64                         meeting_id,
                        const SecMeetingEmailOptions  *options,
                        GError                       **error)
{
  return sec_meeting_emails_new_full (store, meeting_id, options, NULL, NULL, NULL, error);
}

/**
 * sec_meeting_emails_new_full:
 * @progress: (nullable): told in this thread after each draft
 * @cancellable: (nullable): to give up
 *
 * Returns: (transfer full): the drafts
 */
SecMeetingEmails *
sec_meeting_emails_new_full (SecStore                      *store,
                             gint64                         meeting_id,
                             const SecMeetingEmailOptions  *options,
                             SecProgressFunc                progress,
                             gpointer                       progress_data,
                             GCancellable                  *cancellable,
                             GError                       **error)
{
  g_autoptr(SecMeetingEmails) emails = g_new0 (SecMeetingEmails, 1);
  g_autoptr(SecMeetingData) data = NULL;
  g_autoptr(GHashTable) cache = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  emails->kind = options->kind;
  emails->everyone_in_bcc = options->everyone_in_bcc;
  emails->from_name = g_strdup (options->from_name);
  emails->from_address = g_strdup (options->from_address);
  emails->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_free);
  if (!sec_emails_list_recipients (store, meeting_id, options->kind, options->statuses,
                                   options->participant_ids, &emails->included, &emails->left_out, error))
    return NULL;
  if (emails->included->len == 0)
    return g_steal_pointer (&emails);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (data = sec_meeting_data_load (store, meeting_id, error)) == NULL)
    return NULL;

  cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  if (options->everyone_in_bcc)
    {
      const char *language = sec_email_template_pick_language (NULL);
      g_autoptr(SecDocumentLocale) locale = sec_document_locale_new (language);
      g_autoptr(SecEmailRecipientRow) row = g_new0 (SecEmailRecipientRow, 1);
      SecEmailRecipient everyone = { row, (char *) "" };
      g_autoptr(GHashTable) fields = NULL;
      SecEmailDraft *draft;

      row->family_name = g_strdup ("");
      fields = sec_email_fields_new (data, &everyone, locale);
      /* TRANSLATORS: the greeting of an e-mail to several people in Bcc */
      g_hash_table_insert (fields, g_strdup ("salutation"),
                           g_strdup (sec_document_locale_gettext (locale, N_("Dear colleagues,"))));
      if ((draft = make_draft (store, data, options, language, fields, cache, error)) == NULL)
        return NULL;
      for (guint i = 0; i < emails->included->len; i++)
        g_ptr_array_add (draft->recipients, g_ptr_array_index (emails->included, i));
      g_ptr_array_add (emails->drafts, draft);
      return g_steal_pointer (&emails);
    }

  for (guint i = 0; i < emails->included->len; i++)
    {
      SecEmailRecipient *r = g_ptr_array_index (emails->included, i);
      const char *language = sec_email_template_pick_language (r->row->languages);
      g_autoptr(SecDocumentLocale) locale = sec_document_locale_new (language);
      g_autoptr(GHashTable) fields = sec_email_fields_new (data, r, locale);
      SecEmailDraft *draft;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (draft = make_draft (store, data, options, language, fields, cache, error)) == NULL)
        return NULL;
      g_ptr_array_add (draft->recipients, r);
      g_ptr_array_add (emails->drafts, draft);
      if (progress != NULL)
        progress ((double) (i + 1) / emails->included->len, progress_data);
    }
  return g_steal_pointer (&emails);
}

typedef struct {
  gint64                  meeting_id;
  SecMeetingEmailOptions  options;  /* its strings and arrays owned */
  SecMeetingEmails       *emails;   /* what the worker made */
} MakeJob;

static void
make_job_free (MakeJob *job)
{
  g_strfreev ((char **) job->options.statuses);
  g_clear_pointer (&job->options.participant_ids, g_array_unref);
  g_free ((char *) job->options.from_name);
  g_free ((char *) job->options.from_address);
  sec_meeting_emails_free (job->emails);
  g_free (job);
}

static gboolean
make_worker (SecStore          *reader,
             gpointer           data,
             SecProgressRelay  *relay,
             GCancellable      *cancellable,
             GError           **error)
{
  MakeJob *job = data;

  job->emails = sec_meeting_emails_new_full (reader, job->meeting_id, &job->options, sec_progress_relay_report,
                                             relay, cancellable, error);
  return job->emails != NULL;
}

void
sec_meeting_emails_new_async (SecStore                     *store,
                              gint64                        meeting_id,
                              const SecMeetingEmailOptions *options,
                              SecProgressFunc               progress,
                              gpointer                      progress_data,
                              GCancellable                 *cancellable,
                              GAsyncReadyCallback           callback,
                              gpointer                      user_data)
{
  MakeJob *job;

  g_return_if_fail (SEC_IS_STORE (store));
  g_return_if_fail (options != NULL);

  job = g_new0 (MakeJob, 1);
  job->meeting_id = meeting_id;
  job->options = *options;
  job->options.statuses = (const char *const *) g_strdupv ((char **) options->statuses);
  job->options.participant_ids = options->participant_ids != NULL ? g_array_copy (options->participant_ids) : NULL;
  job->options.from_name = g_strdup (options->from_name);
  job->options.from_address = g_strdup (options->from_address);
  sec_store_read_async (store, sec_meeting_emails_new_async, job, (GDestroyNotify) make_job_free, make_worker,
                        progress, progress_data, cancellable, callback, user_data);
}

SecMeetingEmails *
sec_meeting_emails_new_finish (GAsyncResult  *result,
                               GError       **error)
{
  MakeJob *job = sec_store_read_finish (result, sec_meeting_emails_new_async, error);

  return job != NULL ? g_steal_pointer (&job->emails) : NULL;
}

/**
 * sec_meeting_emails_message:
 *
 * Returns: (transfer full): the message
 */
GBytes *
sec_meeting_emails_message (SecMeetingEmails  *emails,
                            SecEmailDraft     *draft,
                            GDateTime         *date,
                            GError           **error)
{
  g_autoptr(SecEmail) email = sec_email_new ();

  g_return_val_if_fail (emails != NULL && draft != NULL, NULL);

  if (emails->from_address != NULL)
    sec_email_set_from (email, emails->from_name, emails->from_address);
  for (guint i = 0; i < draft->recipients->len; i++)
    {
      SecEmailRecipient *r = g_ptr_array_index (draft->recipients, i);

      if (emails->everyone_in_bcc)
        sec_email_add_bcc (email, r->name, r->row->email);
      else
        sec_email_add_to (email, r->name, r->row->email);
    }
  sec_email_set_subject (email, draft->subject);
  sec_email_set_body (email, draft->body);
  sec_email_set_date (email, date);
  for (guint i = 0; i < draft->attachments->len; i++)
    {
      SecEmailAttachment *a = g_ptr_array_index (draft->attachments, i);

      sec_email_add_attachment (email, a->filename, a->mime_type, a->contents);
    }
  return sec_email_to_bytes (email, error);
}

/**
 * sec_meeting_emails_filename:
 *
 * Returns: (transfer full): the file name
 */
char *
sec_meeting_emails_filename (SecEmailDraft *draft,
                             guint          index)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *folded = NULL;

  g_return_val_if_fail (draft != NULL, NULL);

  if (draft->recipients->len == 1)
    {
      SecEmailRecipient *r = g_ptr_array_index (draft->recipients, 0);

      folded = sec_fold (r->name);
    }
  else
    folded = g_strdup ("everyone");
  /* ASCII letters and digits only: any file system, any mail program. */
  for (const char *c = folded; *c != '\0' && name->len < 48; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (name, *c);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  /* A name in another script (Greek, Bulgarian) folds to nothing ASCII. */
  if (name->len == 0 && draft->recipients->len == 1)
    {
      SecEmailRecipient *r = g_ptr_array_index (draft->recipients, 0);

      g_string_append_printf (name, "participant-%" G_GINT64_FORMAT, r->row->participant_id);
    }
  return g_strdup_printf ("%02u-%s.eml", index, name->len > 0 ? name->str : "recipient");
}

/* Removes what a cancelled write made: the files it wrote that were not
 * there before (@made), then the folder when it made it and it is empty. */
static void
undo_write (const char *folder,
            gboolean    made_folder,
            GPtrArray  *made)
{
  for (guint i = 0; i < made->len; i++)
    g_unlink (g_ptr_array_index (made, i));
  if (made_folder)
    g_rmdir (folder);
}

gboolean
sec_meeting_emails_write (SecMeetingEmails  *emails,
                          const char        *folder,
                          guint             *n_written,
                          GError           **error)
{
  return sec_meeting_emails_write_full (emails, folder, NULL, NULL, NULL, n_written, error);
}

/**
 * sec_meeting_emails_write_full:
 * @progress: (nullable): told in this thread after each file
 * @cancellable: (nullable): to give up; the files written by this call are
 *   then removed
 */
gboolean
sec_meeting_emails_write_full (SecMeetingEmails  *emails,
                               const char        *folder,
                               SecProgressFunc    progress,
                               gpointer           progress_data,
                               GCancellable      *cancellable,
                               guint             *n_written,
                               GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  gboolean made_folder;

  g_return_val_if_fail (emails != NULL && folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;
  if (g_file_test (folder, G_FILE_TEST_EXISTS) && !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("“%s” is not a folder"), display);
      return FALSE;
    }
  made_folder = !g_file_test (folder, G_FILE_TEST_EXISTS);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < emails->drafts->len; i++)
    {
      SecEmailDraft *draft = g_ptr_array_index (emails->drafts, i);
      g_autofree char *name = sec_meeting_emails_filename (draft, i + 1);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GBytes) message = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean existed;
      gsize length;
      const void *bytes;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          undo_write (folder, made_folder, made);
          if (n_written != NULL)
            *n_written = 0;
          return FALSE;
        }
      if ((message = sec_meeting_emails_message (emails, draft, now, error)) == NULL)
        return FALSE;
      bytes = g_bytes_get_data (message, &length);
      /* A file of the same name that was there before is replaced, never
       * removed: only what this call made goes when it is cancelled. */
      existed = g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
      if (!sec_export_check_path (path, &local_error) ||
          !sec_export_write_file_cancellable (path, bytes, length, SEC_FILE_PERSONAL, cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              undo_write (folder, made_folder, made);
              if (n_written != NULL)
                *n_written = 0;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!existed)
        g_ptr_array_add (made, g_steal_pointer (&path));
      if (n_written != NULL)
        (*n_written)++;
      if (progress != NULL)
        progress ((double) (i + 1) / emails->drafts->len, progress_data);
    }
  /* A cancel that came with the last file still wins: what the caller saw
   * (Cancel pressed) is what it gets. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      undo_write (folder, made_folder, made);
      if (n_written != NULL)
        *n_written = 0;
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

typedef struct {
  SecMeetingEmails *emails;
  char             *folder;
  guint             n_written;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  sec_meeting_emails_free (job->emails);
  g_free (job->folder);
  g_free (job);
}

static gboolean
write_worker (gpointer           data,
              SecProgressRelay  *relay,
              GCancellable      *cancellable,
              GError           **error)
{
  WriteJob *job = data;

  return sec_meeting_emails_write_full (job->emails, job->folder, sec_progress_relay_report, relay,
                                        cancellable, &job->n_written, error);
}

void
sec_meeting_emails_write_async (SecMeetingEmails    *emails,
                                const char          *folder,
                                SecProgressFunc      progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  WriteJob *job;

  g_return_if_fail (emails != NULL);
  g_return_if_fail (folder != NULL);

  job = g_new0 (WriteJob, 1);
  job->emails = emails;
  job->folder = g_strdup (folder);
  /* The worker says how it ended: files written before a late cancel are
   * kept and reported, not hidden behind a cancellation. */
  sec_worker_run (sec_meeting_emails_write_async, job, (GDestroyNotify) write_job_free, write_worker,
                  progress, progress_data, cancellable, callback, user_data);
}

gboolean
sec_meeting_emails_write_finish (GAsyncResult  *result,
                                 guint         *n_written,
                                 GError       **error)
{
  WriteJob *job = sec_worker_finish (result, sec_meeting_emails_write_async, error);

  if (n_written != NULL)
    *n_written = job != NULL ? job->n_written : 0;
  return job != NULL;
}
