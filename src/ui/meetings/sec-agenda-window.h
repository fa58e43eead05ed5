/* sec-agenda-window.h: a window to edit a meeting's agenda */
#pragma once

#include <adwaita.h>

#include "ui/meetings/sec-meeting-window.h"

G_BEGIN_DECLS

#define SEC_TYPE_AGENDA_WINDOW (sec_agenda_window_get_type ())
G_DECLARE_FINAL_TYPE (SecAgendaWindow, sec_agenda_window, SEC, AGENDA_WINDOW, SecMeetingWindow)

/* The agenda of meeting @meeting_id of @store, over @parent. The caller
 * presents it. */
SecAgendaWindow *sec_agenda_window_new            (GtkWindow       *parent,
                                                   SecStore        *store,
                                                   gint64           meeting_id);
/* Puts the keyboard focus on the row of item @item_id (Alt+Up and Alt+Down
 * then move it). FALSE when the agenda has no such item. */
gboolean         sec_agenda_window_focus_item     (SecAgendaWindow *self,
                                                   gint64           item_id);

G_END_DECLS
