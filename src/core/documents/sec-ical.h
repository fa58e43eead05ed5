/* sec-ical.h: a meeting as an iCalendar file (RFC 5545)
 *
 * One VEVENT with the meeting's start and end as wall-clock times in its
 * zone (DTSTART;TZID=Europe/Brussels:20180613T093000), the VTIMEZONE of
 * that zone worked out from the system's time zone data (GTimeZone) for
 * the year around the meeting, a UID that stays the same for the same
 * meeting of the same database (so that calendars update the event rather
 * than add it twice), the title, the place and a description with the
 * bodies and the public agenda. Lines end with CRLF and are folded at 75
 * octets, never inside a UTF-8 character.
 */
#pragma once

#include "core/documents/sec-meeting-documents.h"

G_BEGIN_DECLS

/* (transfer full): the iCalendar text of the meeting; @options (nullable)
 * gives the language of its description. */
char    *sec_ical_meeting       (SecMeetingData                  *data,
                                 const SecMeetingDocumentOptions *options);
/* (transfer full): @text as an iCalendar TEXT value: backslash, semicolon
 * and comma escaped, line breaks as \n. */
char    *sec_ical_escape_text   (const char     *text);
/* Appends "@name:@value" folded at 75 octets, with CRLF. */
void     sec_ical_append_line   (GString        *out,
                                 const char     *name_and_params,
                                 const char     *value);
/* Appends the VTIMEZONE of @tz_id with the changes of offset between the
 * Unix times @from and @to. FALSE when the zone is unknown. */
gboolean sec_ical_append_vtimezone (GString     *out,
                                    const char  *tz_id,
                                    gint64       from,
                                    gint64       to);

G_END_DECLS
