/* sec-meeting-tools.h: a meeting page's tools and warnings */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_MEETING_TOOLS (sec_meeting_tools_get_type ())
G_DECLARE_FINAL_TYPE (SecMeetingTools, sec_meeting_tools, SEC, MEETING_TOOLS, GtkWidget)

/* The buttons that open the agenda, invitations, participants, check-in
 * and documents of @meeting (a SecMeeting of @store) in their own windows,
 * and what needs looking at: member organisations nobody represents,
 * participants' needs, an agenda past the meeting's end, the co-chair of a
 * meeting of the National Rapporteurs. Made anew with the page; the
 * windows it opens live on their own. */
GtkWidget *sec_meeting_tools_new              (SecStore        *store,
                                               SecRecord       *meeting);
/* (nullable): the co-chair proposed, as shown, or NULL */
const char *sec_meeting_tools_get_co_chair_proposal (SecMeetingTools *self);

G_END_DECLS
