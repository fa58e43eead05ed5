/* sec-date-parse.h: dates and times as staff type them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* (nullable) (transfer full): "YYYY-MM-DD" from a date typed in ISO form
 * ("2027-10-14"), in the locale's short form ("14/10/2027", "14.10.2027",
 * "10/14/2027" in en_US, the day and month in the order of the locale's
 * own dates; "14/10/27" for 2027) or with the month's name in the
 * locale's language or in English ("14 Oct 2027", "14 octobre 2027",
 * "Thursday 14 October 2027"). With @allow_time, a time of day may follow
 * ("14/10/2027 9:30", "2027-10-14T09:30") and the result is then
 * "YYYY-MM-DDTHH:MM". NULL when it is not a whole, real date (31/02/2027,
 * "14 Oct" without a year) or has a time that was not allowed. */
char *sec_parse_user_date   (const char *text,
                             gboolean    allow_time);
/* (nullable) (transfer full): "HH:MM" from "9:30", "09:30", "9.30", "9h30",
 * "930", "9" or "9:30 pm"; NULL when it is not a time of day. */
char *sec_parse_user_time   (const char *text);

G_END_DECLS
