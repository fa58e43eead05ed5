/* sec-meeting-ical.h: a meeting as an iCalendar file (sec-ical.h)
 *
 * One VEVENT with the meeting's start and end as wall-clock times in its
 * zone, the VTIMEZONE of that zone for the year around the meeting, a UID
 * that stays the same for the same meeting of the same database (so that
 * calendars update the event rather than add it twice), the title, the
 * place and a description with the bodies and the public agenda.
 */
#pragma once

#include "core/documents/sec-meeting-options.h"

G_BEGIN_DECLS

/* (transfer full): the iCalendar text of the meeting; @options (nullable)
 * gives the language of its description. */
char    *sec_meeting_ical       (SecMeetingData                  *data,
                                 const SecMeetingDocumentOptions *options);

G_END_DECLS
