/* sec-email-dialog.h: writing a meeting's e-mails in the user's mail
 * program */
#pragma once

#include <adwaita.h>

#include "ui/meetings/sec-meeting-window.h"

G_BEGIN_DECLS

#define SEC_TYPE_EMAIL_DIALOG (sec_email_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecEmailDialog, sec_email_dialog, SEC, EMAIL_DIALOG, SecMeetingWindow)

/* Writes the invitations, reminders, practical information or thanks of
 * meeting @meeting_id as drafts in the user's mail program (through the
 * e-mail portal; without it, one draft through a mailto: link, without
 * attachments): the recipients by status, each of whom can be taken out,
 * the documents to attach, one draft per recipient or one with everyone in
 * Bcc; who is left out and why. Once sent, "Record" dates the message on
 * each recipient (and, after invitations, the meeting's status follows).
 * The caller presents it. */
SecEmailDialog *sec_email_dialog_new (GtkWindow *parent,
                                      SecStore  *store,
                                      gint64     meeting_id);
/* "Save as Files…" once @folder is chosen: the drafts written in a worker,
 * the progress strip showing, Save disabled; Cancel (or closing the
 * dialog) removes the files this save wrote. */
void            sec_email_dialog_save_to_folder (SecEmailDialog *self,
                                                 GFile          *folder);
/* Whether drafts are being made (in a worker, with the progress strip and
 * its Cancel), then saved as files or handed to the mail program. */
gboolean        sec_email_dialog_get_saving     (SecEmailDialog *self);
/* Whether the recipients are being read (in a worker: a spinner shows,
 * and nothing can be written from the list until they are in). */
gboolean        sec_email_dialog_get_loading    (SecEmailDialog *self);

G_END_DECLS
