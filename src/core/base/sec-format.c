/* sec-format.c: dates, times and numbers as the user reads them */
#define G_LOG_DOMAIN "sec-format"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/base/sec-format.h"

gboolean
sec_time_zone_id_is_safe (const char *tz_id)
{
  gsize len;

  if (tz_id == NULL || (len = strlen (tz_id)) == 0 || len > 64)
    return FALSE;
  /* A name, or names separated by single slashes; ':' for the offsets
   * GLib also reads ("+01:00"). No '.', so no "..". */
  if (tz_id[0] == '/' || tz_id[len - 1] == '/' || strstr (tz_id, "//") != NULL)
    return FALSE;
  for (const char *p = tz_id; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_+-/:", *p) == NULL)
      return FALSE;
  return TRUE;
}

GTimeZone *
sec_time_zone_new (const char *tz_id)
{
  if (!sec_time_zone_id_is_safe (tz_id))
    return NULL;
  return g_time_zone_new_identifier (tz_id);
}

GDateTime *
sec_parse_datetime (const char *iso,
                    const char *tz_id)
{
  g_autoptr(GTimeZone) tz = NULL;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  size_t len;

  if (iso == NULL)
    return NULL;
  len = strlen (iso);
  if (len < 10 || sscanf (iso, "%4d-%2d-%2d", &y, &mo, &d) != 3)
    return NULL;
  if (len >= 16 && iso[10] == 'T' && sscanf (iso + 11, "%2d:%2d", &h, &mi) != 2)
    return NULL;
  if (len >= 19 && sscanf (iso + 17, "%2d", &s) != 1)
    return NULL;
  if (!g_date_valid_dmy (d, mo, y))
    return NULL;

  tz = tz_id && *tz_id ? sec_time_zone_new (tz_id) : NULL;
  if (tz == NULL)
    tz = g_time_zone_new_local ();
  return g_date_time_new (tz, y, mo, d, h, mi, s);
}

static char *
format (const char *iso, const char *fmt)
{
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  dt = sec_parse_datetime (iso, NULL);
  if (dt == NULL)
    return g_strdup (iso);
  return g_date_time_format (dt, fmt);
}

char *
sec_format_date (const char *iso_date)
{
  /* Translators: a date, see g_date_time_format(); e.g. "13 June 2018" */
  return format (iso_date, _("%-d %B %Y"));
}

char *
sec_format_datetime (const char *iso_datetime)
{
  if (iso_datetime != NULL && strlen (iso_datetime) == 10)
    return sec_format_date (iso_datetime);
  /* Translators: a date and time, see g_date_time_format(); e.g. "13 June 2018, 09:30" */
  return format (iso_datetime, _("%-d %B %Y, %H:%M"));
}

char *
sec_format_utc_datetime (const char *iso_utc)
{
  g_autoptr(GDateTime) utc = iso_utc ? g_date_time_new_from_iso8601 (iso_utc, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *iso = local ? g_date_time_format (local, "%Y-%m-%dT%H:%M:%S") : NULL;

  return iso ? sec_format_datetime (iso) : g_strdup (iso_utc ? iso_utc : "");
}

char *
sec_format_date_long (const char *iso)
{
  if (iso != NULL && strlen (iso) > 10)
    /* Translators: a date with its weekday and a time, see g_date_time_format(); "Thursday 14 October 2027, 09:30" */
    return format (iso, _("%A %-d %B %Y, %H:%M"));
  /* Translators: a date with its weekday, see g_date_time_format(); "Thursday 14 October 2027" */
  return format (iso, _("%A %-d %B %Y"));
}

char *
sec_format_time (const char *iso)
{
  if (iso != NULL && strlen (iso) == 5 && iso[2] == ':')
    return g_strdup (iso);
  /* Translators: a time of day, see g_date_time_format(); e.g. "09:30" */
  return format (iso, _("%H:%M"));
}

char *
sec_format_time_range (const char *from,
                       const char *until)
{
  /* Translators: a range of times of day within one day, "09:30 – 17:00"; the
   * whole range, so that a word for "o'clock" comes once after it (German
   * "%1$s–%2$s Uhr") */
  return g_strdup_printf (C_("time range", "%1$s – %2$s"), from, until);
}

char *
sec_format_period (const char *iso_start,
                   const char *iso_end)
{
  if (iso_end == NULL || *iso_end == '\0')
    return sec_format_datetime (iso_start);
  if (iso_start != NULL && strlen (iso_start) > 10 && strlen (iso_end) > 10 &&
      strncmp (iso_start, iso_end, 10) == 0)
    {
      g_autofree char *day = sec_format_date (iso_start);
      g_autofree char *from = sec_format_time (iso_start);
      g_autofree char *until = sec_format_time (iso_end);

      /* Translators: a period within one day: its date, the start and the end
       * time, "13 June 2018, 09:30 – 17:00" (German "%1$s, %2$s–%3$s Uhr") */
      return g_strdup_printf (C_("period in a day", "%1$s, %2$s – %3$s"), day, from, until);
    }
  {
    g_autofree char *start = sec_format_datetime (iso_start);
    g_autofree char *end = sec_format_datetime (iso_end);

    /* Translators: a period over more than one day, from a date (and time) to
     * another, "13 June 2018, 09:30 – 14 June 2018, 13:00" */
    return g_strdup_printf (C_("period over days", "%1$s – %2$s"), start, end);
  }
}

char *
sec_format_count (gint64 n)
{
  /* %' groups thousands the locale's way. */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

char *
sec_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gint64
sec_days_until (const char *iso,
                const char *tz_id)
{
  g_autoptr(GDateTime) then = sec_parse_datetime (iso, tz_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then_local = NULL;
  GDate a, b;

  if (then == NULL)
    return 0;
  then_local = g_date_time_to_local (then);
  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (then_local), g_date_time_get_month (then_local),
                  g_date_time_get_year (then_local));
  return g_date_days_between (&a, &b);
}
