/* sec-email-compose.h: a meeting's drafts handed to the user's mail
 * program */
#pragma once

#include <gtk/gtk.h>

#include "core/documents/sec-meeting-emails.h"

G_BEGIN_DECLS

/* What to tell the user: @text, already translated. */
typedef void (*SecEmailComposeTell) (const char *text,
                                     gpointer    user_data);

/* Hands the drafts of @emails (taken) to the user's mail program through
 * the e-mail portal, each once the portal has answered the one before,
 * the attachments as files of the user's cache folder. Without the
 * portal, one draft opens through a mailto: link without attachments.
 * @tell says how many drafts opened, or what went wrong (a user's Cancel
 * in the mail program says nothing); @parent is kept until the last
 * answer, and @tell_data must live as long. */
void sec_email_compose (GtkWindow           *parent,
                        SecMeetingEmails    *emails,
                        GCancellable        *cancellable,
                        SecEmailComposeTell  tell,
                        gpointer             tell_data);

G_END_DECLS
