/* sec-ical.c: iCalendar files (RFC 5545) */
#define G_LOG_DOMAIN "sec-ical"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-format.h"
#include "core/documents/sec-ical.h"

#define MAX_LINE_OCTETS 75
#define DAY_SECONDS (24 * 60 * 60)

typedef struct {
  gint32      offset;
  gboolean    dst;
  const char *abbreviation;
} ZoneState;

/* Static helpers */

static void
get_state (GTimeZone *tz,
           gint64     time,
           ZoneState *state)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, time);

  state->offset = g_time_zone_get_offset (tz, interval);
  state->dst = g_time_zone_is_dst (tz, interval);
  state->abbreviation = g_time_zone_get_abbreviation (tz, interval);
}

static gboolean
same_state (const ZoneState *a,
            const ZoneState *b)
{
  return a->offset == b->offset && a->dst == b->dst &&
         g_strcmp0 (a->abbreviation, b->abbreviation) == 0;
}

/* "+0100", "-0330", "+053730" */
static char *
format_offset (gint32 offset)
{
  char sign = offset < 0 ? '-' : '+';
  gint32 a = ABS (offset);

  if (a % 60 != 0)
    return g_strdup_printf ("%c%02d%02d%02d", sign, a / 3600, (a / 60) % 60, a % 60);
  return g_strdup_printf ("%c%02d%02d", sign, a / 3600, (a / 60) % 60);
}

/* The wall-clock time of Unix time @time at @offset: "20180325T020000". */
static char *
format_local (gint64 time,
              gint32 offset)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time + offset);

  return g_date_time_format (dt, "%Y%m%dT%H%M%S");
}

static void
append_observance (GString         *out,
                   gint64           onset,
                   const ZoneState *from,
                   const ZoneState *to)
{
  const char *name = to->dst ? "DAYLIGHT" : "STANDARD";
  g_autofree char *start = format_local (onset, from->offset);
  g_autofree char *offset_from = format_offset (from->offset);
  g_autofree char *offset_to = format_offset (to->offset);

  sec_ical_append_line (out, "BEGIN", name);
  sec_ical_append_line (out, "DTSTART", start);
  sec_ical_append_line (out, "TZOFFSETFROM", offset_from);
  sec_ical_append_line (out, "TZOFFSETTO", offset_to);
  if (to->abbreviation && *to->abbreviation)
    {
      g_autofree char *abbreviation = sec_ical_escape_text (to->abbreviation);

      sec_ical_append_line (out, "TZNAME", abbreviation);
    }
  sec_ical_append_line (out, "END", name);
}

/* Public API */

char *
sec_ical_escape_text (const char *text)
{
  GString *out;

  g_autofree char *valid = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case ';':
        g_string_append (out, "\\;");
        break;
      case ',':
        g_string_append (out, "\\,");
        break;
      case '\r':
        if (p[1] == '\n')
          p++;
        g_string_append (out, "\\n");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\t':
        g_string_append_c (out, ' ');
        break;
      default:
        /* Other control characters are not allowed in a value. */
        if ((guchar) *p >= 0x20 && *p != 0x7f)
          g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

char *
sec_ical_quote_param (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value ? value : "", -1);
  GString *out = g_string_new (NULL);
  gboolean quote = strpbrk (valid, ":;,") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  for (const char *p = valid; *p; p++)
    if (*p != '"' && ((guchar) *p >= 0x20 || *p == '\t') && *p != 0x7f)
      g_string_append_c (out, *p);
  if (quote)
    g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

void
sec_ical_append_line (GString    *out,
                      const char *name_and_params,
                      const char *value)
{
  g_autofree char *line = g_strconcat (name_and_params, ":", value ? value : "", NULL);
  const char *p = line;
  gsize left;
  gsize room = MAX_LINE_OCTETS;
  char *w = line;

  g_return_if_fail (out != NULL);

  /* Only escaped text reaches here; this is the last guard. */
  for (const char *r = line; *r; r++)
    if (((guchar) *r >= 0x20 || *r == '\t') && *r != 0x7f)
      *w++ = *r;
  *w = '\0';
  left = strlen (line);

  while (left > room)
    {
      gsize cut = room;

      /* Back to the start of a UTF-8 character. */
      while (cut > 0 && ((guchar) p[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, p, (gssize) cut);
      g_string_append (out, "\r\n ");
      p += cut;
      left -= cut;
      /* A continuation line starts with the space, which counts. */
      room = MAX_LINE_OCTETS - 1;
    }
  g_string_append_len (out, p, (gssize) left);
  g_string_append (out, "\r\n");
}

gboolean
sec_ical_append_vtimezone (GString    *out,
                           const char *tz_id,
                           gint64      from,
                           gint64      to)
{
  g_autoptr(GTimeZone) tz = NULL;
  ZoneState state, next;
  gint64 t;

  g_return_val_if_fail (out != NULL, FALSE);

  if (tz_id == NULL || (tz = sec_time_zone_new (tz_id)) == NULL)
    return FALSE;

  sec_ical_append_line (out, "BEGIN", "VTIMEZONE");
  {
    g_autofree char *escaped = sec_ical_escape_text (tz_id);

    sec_ical_append_line (out, "TZID", escaped);
  }

  /* The offset in force when the window opens, then each change: found day
   * by day, then to the second by bisection. GTimeZone has the system's
   * zone data (tzdata), rules included. */
  get_state (tz, from, &state);
  append_observance (out, from, &state, &state);
  for (t = from; t < to; t += DAY_SECONDS)
    {
      gint64 lo = t, hi = MIN (t + DAY_SECONDS, to);

      get_state (tz, hi, &next);
      if (same_state (&state, &next))
        continue;
      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;
          ZoneState s;

          get_state (tz, mid, &s);
          if (same_state (&state, &s))
            lo = mid;
          else
            hi = mid;
        }
      get_state (tz, hi, &next);
      append_observance (out, hi, &state, &next);
      state = next;
    }
  sec_ical_append_line (out, "END", "VTIMEZONE");
  return TRUE;
}

void
sec_ical_begin_calendar (GString *out)
{
  g_return_if_fail (out != NULL);

  sec_ical_append_line (out, "BEGIN", "VCALENDAR");
  sec_ical_append_line (out, "VERSION", "2.0");
  sec_ical_append_line (out, "PRODID", "-//Secretariat//Secretariat " PACKAGE_VERSION "//EN");
  sec_ical_append_line (out, "CALSCALE", "GREGORIAN");
  sec_ical_append_line (out, "METHOD", "PUBLISH");
}

void
sec_ical_append_datetime (GString    *out,
                          const char *name,
                          GDateTime  *dt,
                          const char *tz_id)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (dt != NULL);

  if (tz_id != NULL)
    {
      g_autofree char *quoted = sec_ical_quote_param (tz_id);
      g_autofree char *property = g_strdup_printf ("%s;TZID=%s", name, quoted);
      g_autofree char *value = g_date_time_format (dt, "%Y%m%dT%H%M%S");

      sec_ical_append_line (out, property, value);
    }
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);
      g_autofree char *value = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

      sec_ical_append_line (out, name, value);
    }
}

/**
 * sec_ical_format_utc_stamp:
 *
 * Returns: (transfer full) (nullable): the time as iCalendar's UTC form
 */
char *
sec_ical_format_utc_stamp (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (iso == NULL || (dt = g_date_time_new_from_iso8601 (iso, utc)) == NULL)
    return NULL;
  {
    g_autoptr(GDateTime) u = g_date_time_to_utc (dt);

    return g_date_time_format (u, "%Y%m%dT%H%M%SZ");
  }
}
