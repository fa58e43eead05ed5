/* sec-invite-dialog.h: inviting a meeting's participants */
#pragma once

#include <adwaita.h>

#include "ui/meetings/sec-meeting-window.h"

G_BEGIN_DECLS

#define SEC_TYPE_INVITE_DIALOG (sec_invite_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecInviteDialog, sec_invite_dialog, SEC, INVITE_DIALOG, SecMeetingWindow)

/* Invites to meeting @meeting_id the member organisations of its bodies
 * (each through its contact person or a person picked for it) or people
 * chosen one by one, and says how many were invited and which
 * organisations had nobody to invite. The caller presents it. */
SecInviteDialog *sec_invite_dialog_new            (GtkWindow       *parent,
                                                   SecStore        *store,
                                                   gint64           meeting_id);

G_END_DECLS
