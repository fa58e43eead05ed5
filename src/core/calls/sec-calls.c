/* sec-calls.c: a call's stages, its dates and the lateness of its
 * applications; what the calls' files share */
#define G_LOG_DOMAIN "sec-calls"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/calls/sec-calls.h"
#include "core/calls/sec-calls-private.h"
#include "core/base/sec-format.h"

#define DEFAULT_ZONE "Europe/Brussels"

static const char *const call_status_nicks[] = {
  "draft", "open", "closed", "evaluation", "decided",
};

static const char *const eligibility_nicks[] = {
  "unchecked", "eligible", "not-eligible",
};

/* The first is NULL: no rule failed. */
static const char *const rule_nicks[] = {
  NULL, "deadline", "country", "organisation-kind", "thematic-focus",
};

/* Defines @to_nick and @from_nick for an enum whose values index @nicks.
 * A nick that is not there reads as @fallback (NULL and "" read as no
 * rule: the first rule nick is NULL). */
#define DEFINE_NICKS(Type, to_nick, from_nick, nicks, fallback)         \
  const char *                                                          \
  to_nick (Type value)                                                  \
  {                                                                     \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (nicks), NULL);  \
                                                                        \
    return nicks[value];                                                \
  }                                                                     \
                                                                        \
  Type                                                                  \
  from_nick (const char *nick)                                          \
  {                                                                     \
    for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)                    \
      if (g_strcmp0 (nicks[i], nick) == 0)                              \
        return (Type) i;                                                \
    return fallback;                                                    \
  }

DEFINE_NICKS (SecCallStatus, sec_call_status_to_nick, sec_call_status_from_nick,
              call_status_nicks, SEC_CALL_DRAFT)
DEFINE_NICKS (SecEligibility, sec_eligibility_to_nick, sec_eligibility_from_nick,
              eligibility_nicks, SEC_ELIGIBILITY_UNCHECKED)
DEFINE_NICKS (SecEligibilityRule, sec_eligibility_rule_to_nick, sec_eligibility_rule_from_nick,
              rule_nicks, SEC_ELIGIBILITY_RULE_NONE)

/* Helpers the calls' files share */

gboolean
_sec_calls_is_empty (const char *s)
{
  if (s == NULL)
    return TRUE;
  while (*s && g_ascii_isspace (*s))
    s++;
  return *s == '\0';
}

const char *
_sec_call_zone (SecCall *call)
{
  const char *zone = sec_record_get_string (SEC_RECORD (call), "deadline-timezone");

  return _sec_calls_is_empty (zone) ? DEFAULT_ZONE : zone;
}

GTimeZone *
_sec_calls_zone_for (const char *tz_id)
{
  if (_sec_calls_is_empty (tz_id))
    tz_id = DEFAULT_ZONE;
  if (g_str_equal (tz_id, "UTC"))
    return g_time_zone_new_utc ();
  return sec_time_zone_new (tz_id);
}

/* Splits a list field on any of @separators, trimming, without empties. */
GStrv
_sec_calls_split_list (const char *text,
                       const char *separators)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return g_strv_builder_end (builder);
  parts = g_strsplit_set (text, separators, -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

const SecField *
_sec_calls_field_of (GType type, const char *name)
{
  return sec_kind_find_field (sec_kind_from_type (type), name);
}

/* Copies every field value of @src into @dst (same kind): puts a record
 * back as it was when a write failed. */
void
_sec_calls_assign_fields (SecRecord *dst,
                          SecRecord *src)
{
  const SecKind *kind = sec_record_get_kind (src);

  g_object_freeze_notify (G_OBJECT (dst));
  for (guint i = 0; i < kind->n_fields; i++)
    g_object_set_property (G_OBJECT (dst), kind->fields[i].name,
                           sec_record_get_value (src, kind->fields[i].name));
  g_object_thaw_notify (G_OBJECT (dst));
}

gboolean
_sec_calls_fail_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Time */

static gint32
offset_at (GTimeZone *tz,
           gint64     instant)
{
  /* With UNIVERSAL the instant is absolute, so this always finds one. */
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant);

  return g_time_zone_get_offset (tz, interval);
}

static gboolean
parse_wall (const char *iso,
            int        *y, int *mo, int *d,
            int        *h, int *mi, int *s)
{
  *h = *mi = *s = 0;
  if (iso == NULL)
    return FALSE;
  if (sec_check_date (iso))
    return sscanf (iso, "%4d-%2d-%2d", y, mo, d) == 3;
  if (!sec_check_datetime (iso))
    return FALSE;
  if (sscanf (iso, "%4d-%2d-%2dT%2d:%2d", y, mo, d, h, mi) != 5)
    return FALSE;
  if (strlen (iso) == 19 && sscanf (iso + 17, "%2d", s) != 1)
    return FALSE;
  return TRUE;
}

GDateTime *
sec_resolve_wall_time (const char *iso,
                       const char *tz_id,
                       gboolean    prefer_later)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) as_utc = NULL;
  g_autoptr(GDateTime) instant = NULL;
  int y, mo, d, h, mi, s;
  gint64 wall, t, best = 0;
  gint32 before, after;
  gboolean found = FALSE;

  if (!parse_wall (iso, &y, &mo, &d, &h, &mi, &s))
    return NULL;
  if ((tz = _sec_calls_zone_for (tz_id)) == NULL)
    return NULL;

  /* The wall-clock reading as if it were UTC; the instant is that minus
   * the zone's offset then. The offsets a day either side are the only
   * candidates (zones do not change twice in a day). */
  as_utc = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (as_utc == NULL)
    return NULL;
  wall = g_date_time_to_unix (as_utc);
  before = offset_at (tz, wall - 86400);
  after = offset_at (tz, wall + 86400);

  t = wall - before;
  if (offset_at (tz, t) == before)
    {
      best = t;
      found = TRUE;
    }
  t = wall - after;
  if (after != before && offset_at (tz, t) == after)
    {
      /* A repeated hour: both readings are real. */
      if (!found || (prefer_later ? t > best : t < best))
        best = t;
      found = TRUE;
    }
  if (!found)
    /* A skipped hour: read it with the offset before the jump, so 02:30
     * on the night clocks go from 02:00 to 03:00 is 03:30 summer time. */
    best = wall - before;

  instant = g_date_time_new_from_unix_utc (best);
  return g_date_time_to_timezone (instant, tz);
}

GDateTime *
sec_call_get_deadline (SecCall *call)
{
  const char *deadline;

  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  deadline = sec_record_get_string (SEC_RECORD (call), "deadline");
  if (_sec_calls_is_empty (deadline))
    return NULL;
  /* In a repeated hour, the later reading: applicants get the full time. */
  return sec_resolve_wall_time (deadline, _sec_call_zone (call), TRUE);
}

static GDateTime *
now_or (GDateTime *now)
{
  return now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
}

SecCallStatus
sec_call_effective_status (SecCall   *call,
                           GDateTime *now)
{
  SecCallStatus stored;
  const char *published;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) opens = NULL;
  g_autoptr(GDateTime) deadline = NULL;

  g_return_val_if_fail (SEC_IS_CALL (call), SEC_CALL_DRAFT);

  stored = sec_call_status_from_nick (sec_record_get_string (SEC_RECORD (call), "status"));
  if (stored == SEC_CALL_EVALUATION || stored == SEC_CALL_DECIDED)
    return stored;

  published = sec_record_get_string (SEC_RECORD (call), "published-on");
  if (_sec_calls_is_empty (published))
    return SEC_CALL_DRAFT;
  at = now_or (now);
  opens = sec_resolve_wall_time (published, _sec_call_zone (call), FALSE);
  if (opens == NULL || g_date_time_compare (at, opens) < 0)
    return SEC_CALL_DRAFT;
  deadline = sec_call_get_deadline (call);
  if (deadline != NULL && g_date_time_compare (at, deadline) > 0)
    return SEC_CALL_CLOSED;
  return SEC_CALL_OPEN;
}

static void
set_gdate (GDate *date, GDateTime *dt)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

int
sec_call_days_left (SecCall   *call,
                    GDateTime *now)
{
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) here = NULL;
  GDate a, b;

  g_return_val_if_fail (SEC_IS_CALL (call), -1);

  if (sec_call_effective_status (call, now) != SEC_CALL_OPEN)
    return -1;
  if ((deadline = sec_call_get_deadline (call)) == NULL)
    return -1;
  at = now_or (now);
  /* Days as the call's zone counts them: the deadline is in its zone. */
  here = g_date_time_to_timezone (at, g_date_time_get_timezone (deadline));
  set_gdate (&a, here);
  set_gdate (&b, deadline);
  return MAX (0, g_date_days_between (&a, &b));
}

char *
sec_call_describe_time_left (SecCall   *call,
                             GDateTime *now)
{
  int days;

  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  days = sec_call_days_left (call, now);
  if (days < 0)
    return NULL;
  if (days == 0)
    {
      g_autoptr(GDateTime) deadline = sec_call_get_deadline (call);
      g_autofree char *time = g_date_time_format (deadline, "%H:%M");
      /* Translators: an open call's last day; %s is the deadline's time, e.g. "23:59" */
      return g_strdup_printf (_("Last day, until %s"), time);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days);
}

char *
_sec_calls_format_in_zone (const char *iso,
                           const char *tz_id)
{
  g_autofree char *when = sec_format_datetime (iso);

  if (_sec_calls_is_empty (iso))
    return g_strdup ("");
  /* Translators: a date and time with its time zone: "25 April 2018, 23:59 (Europe/Brussels)" */
  return g_strdup_printf (_("%s (%s)"), when, _sec_calls_is_empty (tz_id) ? DEFAULT_ZONE : tz_id);
}

char *
sec_call_format_deadline (SecCall *call)
{
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  return _sec_calls_format_in_zone (sec_record_get_string (SEC_RECORD (call), "deadline"), _sec_call_zone (call));
}

const char *
_sec_application_receipt_zone (SecApplication *application,
                               SecCall        *call)
{
  const char *zone = sec_record_get_string (SEC_RECORD (application), "received-timezone");

  return _sec_calls_is_empty (zone) ? _sec_call_zone (call) : zone;
}

GDateTime *
sec_application_get_received (SecApplication *application,
                              SecCall        *call)
{
  const char *received;

  g_return_val_if_fail (SEC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  received = sec_record_get_string (SEC_RECORD (application), "received-at");
  if (_sec_calls_is_empty (received))
    return NULL;
  /* In a repeated hour, the earlier reading: the applicant's favour. */
  return sec_resolve_wall_time (received, _sec_application_receipt_zone (application, call), FALSE);
}

gboolean
sec_application_is_late (SecApplication *application,
                         SecCall        *call)
{
  g_autoptr(GDateTime) received = NULL;
  g_autoptr(GDateTime) deadline = NULL;

  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);

  received = sec_application_get_received (application, call);
  deadline = sec_call_get_deadline (call);
  if (received == NULL || deadline == NULL)
    return FALSE;
  return g_date_time_compare (received, deadline) > 0;
}
