/* sec-meeting-window.h: the base of the windows that work on one meeting */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_MEETING_WINDOW (sec_meeting_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (SecMeetingWindow, sec_meeting_window, SEC, MEETING_WINDOW, AdwWindow)

struct _SecMeetingWindowClass
{
  AdwWindowClass parent_class;
};

SecStore *sec_meeting_window_get_store      (SecMeetingWindow *self);
gint64    sec_meeting_window_get_meeting_id (SecMeetingWindow *self);

G_END_DECLS
