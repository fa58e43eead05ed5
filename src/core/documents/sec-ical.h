/* sec-ical.h: iCalendar files (RFC 5545)
 *
 * The pieces of a calendar file: its lines, ended with CRLF and folded at
 * 75 octets, never inside a UTF-8 character; TEXT values escaped; times as
 * wall-clock times in a zone (DTSTART;TZID=Europe/Brussels:20180613T093000)
 * with the VTIMEZONE of that zone worked out from the system's time zone
 * data (GTimeZone), or in UTC.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* (transfer full): @text as an iCalendar TEXT value: backslash, semicolon
 * and comma escaped, line breaks as \n. */
char    *sec_ical_escape_text   (const char     *text);
/* (transfer full): @value as a parameter value: quoted with DQUOTE when
 * it holds ':', ';' or ','; DQUOTE and control characters left out. */
char    *sec_ical_quote_param   (const char     *value);
/* Appends "@name:@value" folded at 75 octets, with CRLF. Control
 * characters other than tab are left out: a line break in a value never
 * starts another property. */
void     sec_ical_append_line   (GString        *out,
                                 const char     *name_and_params,
                                 const char     *value);
/* Appends the VTIMEZONE of @tz_id with the changes of offset between the
 * Unix times @from and @to. FALSE when the zone is unknown. */
gboolean sec_ical_append_vtimezone (GString     *out,
                                    const char  *tz_id,
                                    gint64       from,
                                    gint64       to);
/* Appends the start of a calendar published by this application:
 * BEGIN:VCALENDAR, its version, PRODID, scale and method. */
void     sec_ical_begin_calendar (GString       *out);
/* Appends the property @name with the time @dt: its wall-clock time in
 * the zone @tz_id (whose VTIMEZONE the file holds), or with @tz_id NULL,
 * in UTC. */
void     sec_ical_append_datetime (GString      *out,
                                   const char   *name,
                                   GDateTime    *dt,
                                   const char   *tz_id);
/* (transfer full) (nullable): an ISO 8601 time ("2020-01-01T00:00:00Z",
 * UTC when it names no zone) as an iCalendar UTC time ("20200101T000000Z"),
 * or NULL when @iso is NULL or no time. */
char    *sec_ical_format_utc_stamp (const char  *iso);

G_END_DECLS
