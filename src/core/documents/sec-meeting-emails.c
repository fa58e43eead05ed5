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
  if ((data = sec_meeting_data_load (store, meeting_id, error)) == NULL)
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

      if ((draft = make_draft (store, data, options, language, fields, cache, error)) == NULL)
        return NULL;
      g_ptr_array_add (draft->recipients, r);
      g_ptr_array_add (emails->drafts, draft);
    }
  return g_steal_pointer (&emails);
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

gboolean
sec_meeting_emails_write (SecMeetingEmails  *emails,
                          const char        *folder,
                          guint             *n_written,
                          GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

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
      g_autoptr(GBytes) message = sec_meeting_emails_message (emails, draft, now, error);
      gsize length;
      const void *bytes;

      if (message == NULL)
        return FALSE;
      bytes = g_bytes_get_data (message, &length);
      if (!sec_export_check_path (path, error) ||
          !sec_export_write_file (path, bytes, length, SEC_FILE_PERSONAL, error))
        return FALSE;
      if (n_written != NULL)
        (*n_written)++;
    }
  return TRUE;
}
