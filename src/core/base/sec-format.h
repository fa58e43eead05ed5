/* sec-format.h: dates, times and numbers as the user reads them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @tz_id has the form of an IANA zone name ("Europe/Brussels",
 * "Etc/GMT+1", "UTC") and nothing else: never a file path ("/", "..") that
 * GLib would open (a FIFO there would block for ever). */
gboolean   sec_time_zone_id_is_safe (const char *tz_id);
/* (nullable) (transfer full): the zone @tz_id, or NULL when it is not a
 * safe IANA name (sec_time_zone_id_is_safe ()) or is unknown. */
GTimeZone *sec_time_zone_new    (const char *tz_id);
/* (nullable) (transfer full): a local date-time from "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM[:SS]" in @tz_id (NULL: the local zone). */
GDateTime *sec_parse_datetime   (const char *iso,
                                 const char *tz_id);
/* "13 June 2018" in the user's language (the format is translatable);
 * "" for NULL or empty, the text itself if it is not a date. */
char      *sec_format_date      (const char *iso_date);
/* "13 June 2018, 09:30" */
char      *sec_format_datetime  (const char *iso_datetime);
/* The same, in local time, of a UTC timestamp such as the history's
 * "2026-12-06T09:44:00.123Z" (the text itself if it is not one) */
char      *sec_format_utc_datetime (const char *iso_utc);
/* "Thursday 14 October 2027", or "Thursday 14 October 2027, 09:30" for a
 * date and time: what a typed date was understood as */
char      *sec_format_date_long (const char *iso_date_or_datetime);
/* "09:30" */
char      *sec_format_time      (const char *iso_datetime_or_time);
/* "09:30 – 17:00" from two times already formatted, in the language's order */
char      *sec_format_time_range (const char *from,
                                  const char *until);
/* "13 June 2018, 09:30 – 17:00" or across days "13 June 2018, 09:30 – 14 June 2018, 13:00" */
char      *sec_format_period    (const char *iso_start,
                                 const char *iso_end);
/* "1,234" with the locale's grouping */
char      *sec_format_count     (gint64      n);
/* Whole days from today (in the local zone) until @iso (negative: past). */
gint64     sec_days_until       (const char *iso_date_or_datetime,
                                 const char *tz_id);
/* Today as "YYYY-MM-DD" in the local zone. */
char      *sec_today            (void);

G_END_DECLS
