/* sec-minutes-window.h: a window to write a meeting's minutes and manage
 * its action points */
#pragma once

#include <adwaita.h>

#include "ui/meetings/sec-meeting-window.h"

G_BEGIN_DECLS

#define SEC_TYPE_MINUTES_WINDOW (sec_minutes_window_get_type ())
G_DECLARE_FINAL_TYPE (SecMinutesWindow, sec_minutes_window, SEC, MINUTES_WINDOW, SecMeetingWindow)

/* Writes the minutes typed and not saved yet (they are saved a moment
 * after typing stops, and when the window closes). FALSE, after showing
 * why, when they could not be: the text stays in the window. */
gboolean sec_minutes_window_save_now (SecMinutesWindow *self);

G_END_DECLS
