/* sec-checkin-window.h: the check-in desk on the meeting day */
#pragma once

#include <adwaita.h>

#include "ui/meetings/sec-meeting-window.h"

G_BEGIN_DECLS

#define SEC_TYPE_CHECKIN_WINDOW (sec_checkin_window_get_type ())
G_DECLARE_FINAL_TYPE (SecCheckinWindow, sec_checkin_window, SEC, CHECKIN_WINDOW, SecMeetingWindow)

/* Check-in for meeting @meeting_id: type a few letters of a name, Enter
 * marks the first match present, Ctrl+Z takes the last check-in back. The
 * caller presents it. */
SecCheckinWindow *sec_checkin_window_new            (GtkWindow        *parent,
                                                     SecStore         *store,
                                                     gint64            meeting_id);

G_END_DECLS
