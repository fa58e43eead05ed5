/* sec-meeting-emails.h: a meeting's e-mail drafts, with its documents
 * attached
 *
 * The drafts of one kind of message (sec-emails.h) for a meeting: one per
 * recipient, in the recipient's language where the template has it
 * (sec-email-templates.h), or one for everyone in Bcc, in the user's
 * language, greeting everyone at once. The meeting documents chosen are
 * attached in their public variant (no one's contact data or needs), in
 * the draft's language. The drafts can be written as .eml files to a
 * folder (the command line) or handed to the user's mail program (the
 * window).
 */
#pragma once

#include <glib.h>

#include <gio/gio.h>

#include "core/base/sec-progress.h"
#include "core/documents/sec-document.h"
#include "core/meetings/sec-emails.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef enum {
  SEC_EMAIL_ATTACH_AGENDA       = 1 << 0,
  SEC_EMAIL_ATTACH_PARTICIPANTS = 1 << 1,
  SEC_EMAIL_ATTACH_PACK         = 1 << 2,
  SEC_EMAIL_ATTACH_MINUTES      = 1 << 3,  /* the public minutes: with the thanks */
} SecEmailAttachments;

typedef struct {
  SecEmailKind         kind;
  const char *const   *statuses;         /* NULL: the kind's default */
  GArray              *participant_ids;  /* (element-type gint64) NULL: by status */
  SecEmailAttachments  attachments;
  gboolean             everyone_in_bcc;  /* one draft, everyone in Bcc */
  const char          *from_name;        /* NULL: none */
  const char          *from_address;     /* NULL: no From (the mail program's) */
  SecPaper             paper;
} SecMeetingEmailOptions;

/* A file attached to a draft. */
typedef struct {
  char   *filename;   /* "agenda.pdf" */
  char   *mime_type;
  GBytes *contents;
} SecEmailAttachment;

typedef struct {
  char       *language;     /* the template's language */
  char       *subject;
  char       *body;
  GPtrArray  *recipients;   /* (element-type SecEmailRecipient) borrowed
                             * from the SecMeetingEmails */
  GPtrArray  *attachments;  /* (element-type SecEmailAttachment) shared */
} SecEmailDraft;

typedef struct {
  SecEmailKind  kind;
  gboolean      everyone_in_bcc;
  GPtrArray    *included;   /* (element-type SecEmailRecipient) */
  GPtrArray    *left_out;   /* (element-type SecEmailRecipient) */
  GPtrArray    *drafts;     /* (element-type SecEmailDraft) */
  char         *from_name;
  char         *from_address;
} SecMeetingEmails;

void              sec_meeting_emails_free     (SecMeetingEmails *emails);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecMeetingEmails, sec_meeting_emails_free)

/* (transfer full): the drafts of @options for @meeting_id, or NULL with
 * @error (an unknown meeting, a document that could not be made). No
 * recipient makes no draft, not an error. */
SecMeetingEmails *sec_meeting_emails_new      (SecStore                      *store,
                                               gint64                         meeting_id,
                                               const SecMeetingEmailOptions  *options,
                                               GError                       **error);

/* The same, telling @progress (nullable, in this thread) after each
 * draft; cancelled, NULL with G_IO_ERROR_CANCELLED. */
SecMeetingEmails *sec_meeting_emails_new_full (SecStore                      *store,
                                               gint64                         meeting_id,
                                               const SecMeetingEmailOptions  *options,
                                               SecProgressFunc                progress,
                                               gpointer                       progress_data,
                                               GCancellable                  *cancellable,
                                               GError                       **error);
/* The same in a worker, on a read-only connection of its own to @store's
 * file (sec-store-readers.h), so that a meeting of thousands does not
 * freeze the window (the recipients, the meeting and each draft's text
 * read from the store: seconds); a server database is read at once in
 * this thread. @options is copied. @progress is called in the caller's
 * main context, at most once per percent, never after @callback. What the
 * store's connection wrote is read; nothing written in a transaction not
 * yet committed. */
void              sec_meeting_emails_new_async  (SecStore                     *store,
                                                 gint64                        meeting_id,
                                                 const SecMeetingEmailOptions *options,
                                                 SecProgressFunc               progress,
                                                 gpointer                      progress_data,
                                                 GCancellable                 *cancellable,
                                                 GAsyncReadyCallback           callback,
                                                 gpointer                      user_data);
/* (transfer full): the drafts, or NULL with @error. */
SecMeetingEmails *sec_meeting_emails_new_finish (GAsyncResult                 *result,
                                                 GError                      **error);

/* (transfer full): @draft of @emails as an RFC 5322 message (sec-email.h);
 * @date NULL: now. */
GBytes           *sec_meeting_emails_message  (SecMeetingEmails    *emails,
                                               SecEmailDraft       *draft,
                                               GDateTime           *date,
                                               GError             **error);
/* (transfer full): a file name for @draft: "03-anna-muller.eml" (ASCII,
 * numbered from 1 by @index). */
char             *sec_meeting_emails_filename (SecEmailDraft       *draft,
                                               guint                index);

/* Writes every draft of @emails to @folder as .eml files (0600: they hold
 * addresses), making the folder (0700) when it does not exist; a path that
 * is not a folder is refused before anything is written
 * (G_IO_ERROR_NOT_DIRECTORY). @n_written: how many files. */
gboolean          sec_meeting_emails_write    (SecMeetingEmails    *emails,
                                               const char          *folder,
                                               guint               *n_written,
                                               GError             **error);
/* The same, telling @progress (in this thread) after each file; when
 * @cancellable is cancelled before the end, the files this call wrote
 * (never those that were there before, even of the same name: those are
 * replaced) and the folder it made are removed, @n_written is 0, and
 * G_IO_ERROR_CANCELLED is set. */
gboolean          sec_meeting_emails_write_full (SecMeetingEmails *emails,
                                                 const char       *folder,
                                                 SecProgressFunc   progress,
                                                 gpointer          progress_data,
                                                 GCancellable     *cancellable,
                                                 guint            *n_written,
                                                 GError          **error);
/* The same in a worker thread: takes @emails (transfer full; the store is
 * not used there). @progress is called in the caller's main context, at
 * most once per percent, never after @callback. */
void              sec_meeting_emails_write_async  (SecMeetingEmails    *emails,
                                                   const char          *folder,
                                                   SecProgressFunc      progress,
                                                   gpointer             progress_data,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* @n_written: how many files are left written (0 when cancelled). */
gboolean          sec_meeting_emails_write_finish (GAsyncResult        *result,
                                                   guint               *n_written,
                                                   GError             **error);

G_END_DECLS
