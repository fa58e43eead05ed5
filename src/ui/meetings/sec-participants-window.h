/* sec-participants-window.h: a meeting's participants, changed in bulk */
#pragma once

#include <adwaita.h>

#include "ui/meetings/sec-meeting-window.h"

G_BEGIN_DECLS

#define SEC_TYPE_PARTICIPANTS_WINDOW (sec_participants_window_get_type ())
G_DECLARE_FINAL_TYPE (SecParticipantsWindow, sec_participants_window, SEC, PARTICIPANTS_WINDOW, SecMeetingWindow)

/* The participants of meeting @meeting_id, to select several and change
 * their status or role at once. The caller presents it. */
SecParticipantsWindow *sec_participants_window_new            (GtkWindow             *parent,
                                                               SecStore              *store,
                                                               gint64                 meeting_id);
/* (transfer none): the selection over the list of participants */
GtkSelectionModel     *sec_participants_window_get_selection  (SecParticipantsWindow *self);

G_END_DECLS
