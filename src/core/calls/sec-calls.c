/* sec-calls.c: the life of a call for expression of interest and its
 * applications */
#define G_LOG_DOMAIN "sec-calls"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "core/calls/sec-calls.h"
#include "core/base/sec-countries.h"
#include "core/base/sec-fold.h"
#include "core/base/sec-format.h"

#define DEFAULT_ZONE "Europe/Brussels"

static const char *const call_status_nicks[] = {
  "draft", "open", "closed", "evaluation", "decided",
};

static const char *const eligibility_nicks[] = {
  "unchecked", "eligible", "not-eligible",
};

static const char *const rule_nicks[] = {
  NULL, "deadline", "country", "organisation-kind", "thematic-focus",
};

const char *
sec_call_status_to_nick (SecCallStatus status)
{
  g_return_val_if_fail (status <= SEC_CALL_DECIDED, NULL);

  return call_status_nicks[status];
}

SecCallStatus
sec_call_status_from_nick (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (call_status_nicks); i++)
    if (g_strcmp0 (call_status_nicks[i], nick) == 0)
      return (SecCallStatus) i;
  return SEC_CALL_DRAFT;
}

const char *
sec_eligibility_to_nick (SecEligibility eligibility)
{
  g_return_val_if_fail (eligibility <= SEC_ELIGIBILITY_NOT_ELIGIBLE, NULL);

  return eligibility_nicks[eligibility];
}

SecEligibility
sec_eligibility_from_nick (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (eligibility_nicks); i++)
    if (g_strcmp0 (eligibility_nicks[i], nick) == 0)
      return (SecEligibility) i;
  return SEC_ELIGIBILITY_UNCHECKED;
}

const char *
sec_eligibility_rule_to_nick (SecEligibilityRule rule)
{
  g_return_val_if_fail (rule <= SEC_ELIGIBILITY_RULE_THEMATIC_FOCUS, NULL);

  return rule_nicks[rule];
}

SecEligibilityRule
sec_eligibility_rule_from_nick (const char *nick)
{
  if (nick == NULL || *nick == '\0')
    return SEC_ELIGIBILITY_RULE_NONE;
  for (guint i = 1; i < G_N_ELEMENTS (rule_nicks); i++)
    if (g_str_equal (rule_nicks[i], nick))
      return (SecEligibilityRule) i;
  return SEC_ELIGIBILITY_RULE_NONE;
}

/* Helpers */

static gboolean
is_empty (const char *s)
{
  if (s == NULL)
    return TRUE;
  while (*s && g_ascii_isspace (*s))
    s++;
  return *s == '\0';
}

static const char *
call_zone (SecCall *call)
{
  const char *zone = sec_record_get_string (SEC_RECORD (call), "deadline-timezone");

  return is_empty (zone) ? DEFAULT_ZONE : zone;
}

static GTimeZone *
zone_for (const char *tz_id)
{
  if (is_empty (tz_id))
    tz_id = DEFAULT_ZONE;
  if (g_str_equal (tz_id, "UTC"))
    return g_time_zone_new_utc ();
  return g_time_zone_new_identifier (tz_id);
}

static gint32
offset_at (GTimeZone *tz,
           gint64     instant)
{
  /* With UNIVERSAL the instant is absolute, so this always finds one. */
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant);

  return g_time_zone_get_offset (tz, interval);
}

/* Splits a list field on any of @separators, trimming, without empties. */
static GStrv
split_list (const char *text,
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

/* "A", "A and B", "A, B and C"; @pair_format is the translated "%s and %s"
 * or "%s or %s". */
static char *
join_words (GPtrArray  *words,
            const char *pair_format)
{
  g_autoptr(GString) head = g_string_new (NULL);

  if (words->len == 0)
    return g_strdup ("");
  if (words->len == 1)
    return g_strdup (g_ptr_array_index (words, 0));
  for (guint i = 0; i + 1 < words->len; i++)
    {
      if (i > 0)
        /* Translators: separates the items of a list but the last two: "Denmark, Estonia and Malta" */
        g_string_append (head, _(", "));
      g_string_append (head, g_ptr_array_index (words, i));
    }
  return g_strdup_printf (pair_format, head->str, (char *) g_ptr_array_index (words, words->len - 1));
}

static const SecField *
field_of (GType type, const char *name)
{
  return sec_kind_find_field (sec_kind_from_type (type), name);
}

/* Copies every field value of @src into @dst (same kind): puts a record
 * back as it was when a write failed. */
static void
assign_fields (SecRecord *dst,
               SecRecord *src)
{
  const SecKind *kind = sec_record_get_kind (src);

  g_object_freeze_notify (G_OBJECT (dst));
  for (guint i = 0; i < kind->n_fields; i++)
    g_object_set_property (G_OBJECT (dst), kind->fields[i].name,
                           sec_record_get_value (src, kind->fields[i].name));
  g_object_thaw_notify (G_OBJECT (dst));
}

static gboolean
fail_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Time */

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
  if ((tz = zone_for (tz_id)) == NULL)
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
  if (is_empty (deadline))
    return NULL;
  /* In a repeated hour, the later reading: applicants get the full time. */
  return sec_resolve_wall_time (deadline, call_zone (call), TRUE);
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
  if (is_empty (published))
    return SEC_CALL_DRAFT;
  at = now_or (now);
  opens = sec_resolve_wall_time (published, call_zone (call), FALSE);
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

static char *
format_in_zone (const char *iso,
                const char *tz_id)
{
  g_autofree char *when = sec_format_datetime (iso);

  if (is_empty (iso))
    return g_strdup ("");
  /* Translators: a date and time with its time zone: "25 April 2018, 23:59 (Europe/Brussels)" */
  return g_strdup_printf (_("%s (%s)"), when, is_empty (tz_id) ? DEFAULT_ZONE : tz_id);
}

char *
sec_call_format_deadline (SecCall *call)
{
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  return format_in_zone (sec_record_get_string (SEC_RECORD (call), "deadline"), call_zone (call));
}

static const char *
receipt_zone (SecApplication *application,
              SecCall        *call)
{
  const char *zone = sec_record_get_string (SEC_RECORD (application), "received-timezone");

  return is_empty (zone) ? call_zone (call) : zone;
}

GDateTime *
sec_application_get_received (SecApplication *application,
                              SecCall        *call)
{
  const char *received;

  g_return_val_if_fail (SEC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  received = sec_record_get_string (SEC_RECORD (application), "received-at");
  if (is_empty (received))
    return NULL;
  /* In a repeated hour, the earlier reading: the applicant's favour. */
  return sec_resolve_wall_time (received, receipt_zone (application, call), FALSE);
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

/* Eligibility rules */

GStrv
sec_call_dup_eligible_kinds (SecCall *call)
{
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  return split_list (sec_record_get_string (SEC_RECORD (call), "eligible-kinds"), ",");
}

void
sec_call_set_eligible_kinds (SecCall            *call,
                             const char * const *kinds)
{
  g_autofree char *joined = NULL;

  g_return_if_fail (SEC_IS_CALL (call));

  joined = kinds ? g_strjoinv (",", (char **) kinds) : NULL;
  sec_record_set_string (SEC_RECORD (call), "eligible-kinds", is_empty (joined) ? NULL : joined);
}

GStrv
sec_call_dup_eligible_countries (SecCall *call)
{
  g_auto(GStrv) codes = NULL;

  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  codes = split_list (sec_record_get_string (SEC_RECORD (call), "eligible-countries"), ",; ");
  for (guint i = 0; codes[i]; i++)
    {
      char *up = g_ascii_strup (codes[i], -1);
      g_free (codes[i]);
      codes[i] = up;
    }
  return g_steal_pointer (&codes);
}

GStrv
sec_call_dup_focus_topics (SecCall *call)
{
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  return split_list (sec_record_get_string (SEC_RECORD (call), "thematic-focus"), ",;");
}

static char *
quoted_list (GStrv items, const char *pair_format)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; items[i]; i++)
    /* Translators: a quoted word in a sentence */
    g_ptr_array_add (words, g_strdup_printf (_("“%s”"), items[i]));
  return join_words (words, pair_format);
}

SecEligibility
sec_call_check_eligibility (SecStore           *store,
                            SecCall            *call,
                            SecApplication     *application,
                            SecEligibilityRule *rule,
                            char              **reason,
                            GError            **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) org = NULL;
  g_auto(GStrv) countries = NULL;
  g_auto(GStrv) kinds = NULL;
  g_auto(GStrv) topics = NULL;
  SecEligibilityRule undecided = SEC_ELIGIBILITY_RULE_NONE;
  g_autofree char *undecided_reason = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), SEC_ELIGIBILITY_UNCHECKED);
  g_return_val_if_fail (SEC_IS_CALL (call), SEC_ELIGIBILITY_UNCHECKED);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), SEC_ELIGIBILITY_UNCHECKED);
  g_return_val_if_fail (error == NULL || *error == NULL, SEC_ELIGIBILITY_UNCHECKED);

  if (rule)
    *rule = SEC_ELIGIBILITY_RULE_NONE;
  if (reason)
    *reason = NULL;

#define FAIL(r, text) G_STMT_START {     \
    if (rule) *rule = (r);               \
    if (reason) *reason = (text);        \
    else g_free (text);                  \
    return SEC_ELIGIBILITY_NOT_ELIGIBLE; \
  } G_STMT_END

  org = sec_store_get (store, SEC_TYPE_ORGANISATION, sec_record_get_ref (app, "organisation"), error);
  if (org == NULL)
    return SEC_ELIGIBILITY_UNCHECKED;

  /* The deadline. */
  if (sec_application_is_late (application, call))
    {
      g_autofree char *deadline = sec_call_format_deadline (call);
      g_autofree char *received = format_in_zone (sec_record_get_string (app, "received-at"),
                                                  receipt_zone (application, call));
      /* Translators: why an application is not eligible: "Deadline 25 April 2018, 23:59 (Europe/Brussels): received 26 April 2018, 00:10 (Europe/Brussels)" */
      FAIL (SEC_ELIGIBILITY_RULE_DEADLINE, g_strdup_printf (_("Deadline %s: received %s"), deadline, received));
    }

  /* The countries. */
  countries = sec_call_dup_eligible_countries (call);
  if (countries[0] != NULL)
    {
      const char *country = sec_record_get_string (org, "country");
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; countries[i]; i++)
        {
          const char *name = sec_country_name (countries[i]);
          g_ptr_array_add (names, g_strdup (name ? name : countries[i]));
        }
      /* Translators: joins the last two items of a list: "Denmark, Estonia and Malta" */
      list = join_words (names, _("%s and %s"));

      if (is_empty (country))
        {
          undecided = SEC_ELIGIBILITY_RULE_COUNTRY;
          /* Translators: %s is a list of countries, "Denmark, Estonia and Malta" */
          undecided_reason = g_strdup_printf (_("%s only: the organisation’s country is not recorded"), list);
        }
      else if (!g_strv_contains ((const char * const *) countries, country))
        {
          const char *name = sec_country_name (country);
          /* Translators: "Denmark, Estonia and Malta only: the organisation is based in Poland" */
          FAIL (SEC_ELIGIBILITY_RULE_COUNTRY,
                g_strdup_printf (_("%s only: the organisation is based in %s"), list, name ? name : country));
        }
    }

  /* The kinds of organisation. */
  kinds = sec_call_dup_eligible_kinds (call);
  if (kinds[0] != NULL)
    {
      const char *kind = sec_record_get_string (org, "kind");

      if (!g_strv_contains ((const char * const *) kinds, kind ? kind : ""))
        {
          const SecField *f = field_of (SEC_TYPE_ORGANISATION, "kind");
          g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *list = NULL;
          const char *label = sec_field_choice_label (f, kind);

          for (guint i = 0; kinds[i]; i++)
            {
              const char *l = sec_field_choice_label (f, kinds[i]);
              g_ptr_array_add (labels, g_strdup (l ? l : kinds[i]));
            }
          /* Translators: joins the last two items of a list of alternatives: "Civil society organisation or Other" */
          list = join_words (labels, _("%s or %s"));
          /* Translators: "Civil society organisation only: the organisation is registered as “EU agency”" */
          FAIL (SEC_ELIGIBILITY_RULE_ORGANISATION_KIND,
                g_strdup_printf (_("%s only: the organisation is registered as “%s”"), list, label ? label : kind));
        }
    }

  /* The thematic focus. */
  topics = sec_call_dup_focus_topics (call);
  if (topics[0] != NULL)
    {
      const char *areas = sec_record_get_string (app, "thematic-areas");
      /* Translators: joins the last two items of a list of alternatives: "“child victims” or “labour exploitation”" */
      g_autofree char *list = quoted_list (topics, _("%s or %s"));

      if (is_empty (areas))
        {
          if (undecided == SEC_ELIGIBILITY_RULE_NONE)
            {
              undecided = SEC_ELIGIBILITY_RULE_THEMATIC_FOCUS;
              /* Translators: %s is the call's thematic focus, "“child victims”" */
              undecided_reason = g_strdup_printf (_("Thematic focus on %s: the application does not state its thematic areas"), list);
            }
        }
      else
        {
          g_autofree char *folded_areas = sec_fold (areas);
          gboolean match = FALSE;

          for (guint i = 0; topics[i] && !match; i++)
            {
              g_autofree char *folded = sec_fold (topics[i]);
              match = *folded != '\0' && strstr (folded_areas, folded) != NULL;
            }
          if (!match)
            /* Translators: "Thematic focus on “child victims”: the application states “labour exploitation”" */
            FAIL (SEC_ELIGIBILITY_RULE_THEMATIC_FOCUS,
                  g_strdup_printf (_("Thematic focus on %s: the application states “%s”"), list, areas));
        }
    }
#undef FAIL

  if (undecided != SEC_ELIGIBILITY_RULE_NONE)
    {
      if (rule)
        *rule = undecided;
      if (reason)
        *reason = g_steal_pointer (&undecided_reason);
      return SEC_ELIGIBILITY_UNCHECKED;
    }
  return SEC_ELIGIBILITY_ELIGIBLE;
}

/* Validation */

gboolean
sec_call_validate (SecCall  *call,
                   GError  **error)
{
  g_auto(GStrv) kinds = NULL;
  const SecField *f = field_of (SEC_TYPE_ORGANISATION, "kind");

  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);

  if (!sec_record_validate (SEC_RECORD (call), error))
    return FALSE;
  kinds = sec_call_dup_eligible_kinds (call);
  for (guint i = 0; kinds[i]; i++)
    if (sec_field_choice_label (f, kinds[i]) == NULL)
      {
        g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                     _("%s: “%s” is not a kind of organisation"),
                     _(field_of (SEC_TYPE_CALL, "eligible-kinds")->label), kinds[i]);
        return FALSE;
      }
  return TRUE;
}

/* The score as stored: digits with at most one '.' ("78", "78.5"); a
 * decimal comma is accepted as typed. NULL when @text is not a number. */
static char *
normalise_score (const char *text)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  gboolean dot = FALSE;

  if (*s == '\0')
    return g_strdup ("");
  g_strdelimit (s, ",", '.');
  for (char *p = s; *p; p++)
    {
      if (*p == '.')
        {
          if (dot || p == s || p[1] == '\0')
            return NULL;
          dot = TRUE;
        }
      else if (!g_ascii_isdigit (*p))
        return NULL;
    }
  return g_steal_pointer (&s);
}

gboolean
sec_application_validate (SecApplication  *application,
                          GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autofree char *score = NULL;

  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);

  if (!sec_record_validate (app, error))
    return FALSE;
  score = normalise_score (sec_record_get_string (app, "score"));
  if (score == NULL)
    {
      g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                   _("%s: “%s” is not a number"),
                   _(field_of (SEC_TYPE_APPLICATION, "score")->label),
                   sec_record_get_string (app, "score"));
      return FALSE;
    }
  if (sec_record_get_bool (app, "eligibility-overridden") &&
      is_empty (sec_record_get_string (app, "override-reason")))
    {
      g_set_error_literal (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_REQUIRED,
                           _("A reason is required when staff decide the eligibility"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_for_store (gboolean  ok,
                    GError  **error)
{
  if (!ok && error && *error && (*error)->domain == SEC_RECORD_ERROR)
    {
      (*error)->domain = SEC_STORE_ERROR;
      (*error)->code = SEC_STORE_ERROR_INVALID;
    }
  return ok;
}

gboolean
sec_application_get_score (SecApplication *application,
                           double         *score)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);

  text = normalise_score (sec_record_get_string (SEC_RECORD (application), "score"));
  if (text == NULL || *text == '\0')
    return FALSE;
  if (score)
    *score = g_ascii_strtod (text, NULL);
  return TRUE;
}

GStrv
sec_application_dup_documents (SecApplication *application)
{
  g_return_val_if_fail (SEC_IS_APPLICATION (application), NULL);

  return split_list (sec_record_get_string (SEC_RECORD (application), "documents"), "\n");
}

void
sec_application_set_documents (SecApplication     *application,
                               const char * const *documents)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (SEC_IS_APPLICATION (application));

  for (guint i = 0; documents && documents[i]; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (documents[i]));
      if (*line == '\0')
        continue;
      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  sec_record_set_string (SEC_RECORD (application), "documents", text->len ? text->str : NULL);
}

/* Versions */

void
sec_call_version_free (SecCallVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->date);
  g_free (version->change);
  g_free (version->text);
  g_free (version);
}

static GPtrArray *
list_errata (SecStore  *store,
             gint64     call_id,
             GError   **error)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, call_id);

  sec_query_add (q, "call", SEC_QUERY_EQUALS, id);
  /* By date, then as entered (the id). */
  sec_query_set_sort (q, "published-on", FALSE);
  return sec_store_list (store, SEC_TYPE_ERRATUM, q, error);
}

GPtrArray *
sec_call_dup_versions (SecStore  *store,
                       SecCall   *call,
                       GError   **error)
{
  g_autoptr(GPtrArray) errata = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  SecCallVersion *v;
  const char *text;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  versions = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_call_version_free);
  text = sec_record_get_string (SEC_RECORD (call), "description");
  v = g_new0 (SecCallVersion, 1);
  v->number = 1;
  v->date = g_strdup (sec_record_get_string (SEC_RECORD (call), "published-on"));
  v->text = g_strdup (text ? text : "");
  g_ptr_array_add (versions, v);

  if (sec_record_get_id (SEC_RECORD (call)) == 0)
    return g_steal_pointer (&versions);
  if ((errata = list_errata (store, sec_record_get_id (SEC_RECORD (call)), error)) == NULL)
    return NULL;

  for (guint i = 0; i < errata->len; i++)
    {
      SecRecord *e = g_ptr_array_index (errata, i);
      const char *revised = sec_record_get_string (e, "revised-text");
      SecCallVersion *prev = g_ptr_array_index (versions, versions->len - 1);

      v = g_new0 (SecCallVersion, 1);
      v->number = i + 2;
      v->erratum_id = sec_record_get_id (e);
      v->date = g_strdup (sec_record_get_string (e, "published-on"));
      v->change = g_strdup (sec_record_get_string (e, "text"));
      v->text = g_strdup (is_empty (revised) ? prev->text : revised);
      g_ptr_array_add (versions, v);
    }
  return g_steal_pointer (&versions);
}

char *
sec_call_dup_current_text (SecStore  *store,
                           SecCall   *call,
                           GError   **error)
{
  g_autoptr(GPtrArray) versions = sec_call_dup_versions (store, call, error);
  SecCallVersion *last;

  if (versions == NULL)
    return NULL;
  last = g_ptr_array_index (versions, versions->len - 1);
  return g_strdup (last->text);
}

/* The dates errata were published, in version order. */
static GStrv
errata_dates (SecStore  *store,
              gint64     call_id,
              GError   **error)
{
  g_autoptr(GPtrArray) errata = list_errata (store, call_id, error);
  g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();

  if (errata == NULL)
    return NULL;
  for (guint i = 0; i < errata->len; i++)
    g_strv_builder_add (dates, sec_record_get_string (g_ptr_array_index (errata, i), "published-on"));
  return g_strv_builder_end (dates);
}

static guint
version_from_dates (GStrv       dates,
                    const char *date)
{
  guint version = 1;

  for (guint i = 0; dates[i]; i++)
    if (strcmp (dates[i], date) <= 0)
      version = i + 2;
  return version;
}

guint
sec_call_version_on (SecStore    *store,
                     SecCall     *call,
                     const char  *date,
                     GError     **error)
{
  g_auto(GStrv) dates = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), 0);
  g_return_val_if_fail (SEC_IS_CALL (call), 0);
  g_return_val_if_fail (date != NULL, 0);

  if (!sec_check_date (date))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date (year-month-day)"), date);
      return 0;
    }
  if (sec_record_get_id (SEC_RECORD (call)) == 0)
    return 1;
  if ((dates = errata_dates (store, sec_record_get_id (SEC_RECORD (call)), error)) == NULL)
    return 0;
  return version_from_dates (dates, date);
}

/* What is worked out for an application */

/* Sets the late flag, the call version (from @dates, the errata dates of
 * the call) and the eligibility check on @application. */
static gboolean
work_out (SecStore       *store,
          SecCall        *call,
          GStrv           dates,
          SecApplication *application,
          GError        **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(GDateTime) received = sec_application_get_received (application, call);
  g_autofree char *reason = NULL;
  g_autoptr(GError) local_error = NULL;
  SecEligibilityRule rule;
  SecEligibility result;
  guint version = 0;

  if (received != NULL)
    {
      /* Errata are dated in the call's zone: so is the day of receipt. */
      g_autoptr(GTimeZone) tz = zone_for (call_zone (call));
      g_autoptr(GDateTime) there = g_date_time_to_timezone (received, tz);
      g_autofree char *day = g_date_time_format (there, "%Y-%m-%d");

      version = version_from_dates (dates, day);
    }
  sec_record_set_int (app, "call-version", (int) version);
  sec_record_set_bool (app, "late", sec_application_is_late (application, call));

  result = sec_call_check_eligibility (store, call, application, &rule, &reason, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sec_record_set_string (app, "checked-eligibility", sec_eligibility_to_nick (result));
  sec_record_set_string (app, "eligibility-rule", sec_eligibility_rule_to_nick (rule));
  sec_record_set_string (app, "eligibility-reason", reason);
  if (!sec_record_get_bool (app, "eligibility-overridden"))
    sec_record_set_string (app, "eligibility", sec_eligibility_to_nick (result));
  return TRUE;
}

static gboolean
normalise_application (SecApplication  *application,
                       GError         **error)
{
  g_autofree char *score = NULL;

  if (!validate_for_store (sec_application_validate (application, error), error))
    return FALSE;
  score = normalise_score (sec_record_get_string (SEC_RECORD (application), "score"));
  sec_record_set_string (SEC_RECORD (application), "score", *score ? score : NULL);
  return TRUE;
}

static SecCall *
get_call (SecStore        *store,
          SecApplication  *application,
          GError         **error)
{
  return (SecCall *) sec_store_get (store, SEC_TYPE_CALL,
                                    sec_record_get_ref (SEC_RECORD (application), "call"), error);
}

static gboolean
refresh_applications (SecStore  *store,
                      SecCall   *call,
                      GError   **error)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (SEC_RECORD (call)));
  g_autoptr(GPtrArray) apps = NULL;
  g_auto(GStrv) dates = NULL;

  sec_query_add (q, "call", SEC_QUERY_EQUALS, id);
  if ((apps = sec_store_list (store, SEC_TYPE_APPLICATION, q, error)) == NULL)
    return FALSE;
  if ((dates = errata_dates (store, sec_record_get_id (SEC_RECORD (call)), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < apps->len; i++)
    {
      SecRecord *app = g_ptr_array_index (apps, i);
      g_autoptr(SecRecord) before = sec_record_copy (app);

      if (!work_out (store, call, dates, SEC_APPLICATION (app), error))
        return FALSE;
      if (!sec_record_equal (before, app) && !sec_store_update (store, app, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sec_call_refresh_applications (SecStore  *store,
                               SecCall   *call,
                               GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (sec_record_get_id (SEC_RECORD (call)) > 0, FALSE);

  if (!sec_store_begin (store, error))
    return FALSE;
  if (!refresh_applications (store, call, error))
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return sec_store_commit (store, error);
}

static void
sync_status (SecCall *call)
{
  SecCallStatus status = sec_call_effective_status (call, NULL);

  sec_record_set_string (SEC_RECORD (call), "status", sec_call_status_to_nick (status));
}

gboolean
sec_call_save (SecStore  *store,
               SecCall   *call,
               GError   **error)
{
  g_autoptr(SecRecord) before = NULL;
  gboolean inserting;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_for_store (sec_call_validate (call, error), error))
    return FALSE;

  before = sec_record_copy (SEC_RECORD (call));
  inserting = sec_record_get_id (SEC_RECORD (call)) == 0;
  sync_status (call);
  if (!sec_store_begin (store, error))
    goto fail;
  if (inserting ? !sec_store_insert (store, SEC_RECORD (call), error)
                : !sec_store_update (store, SEC_RECORD (call), error))
    goto rollback;
  if (!inserting && !refresh_applications (store, call, error))
    goto rollback;
  if (!sec_store_commit (store, error))
    goto rollback;
  return TRUE;

rollback:
  sec_store_rollback (store);
fail:
  if (inserting)
    _sec_record_set_id (SEC_RECORD (call), 0);
  assign_fields (SEC_RECORD (call), before);
  return FALSE;
}

gboolean
sec_call_update_statuses (SecStore   *store,
                          GDateTime  *now,
                          GError    **error)
{
  g_autoptr(GPtrArray) calls = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  if ((calls = sec_store_list (store, SEC_TYPE_CALL, NULL, error)) == NULL)
    return FALSE;
  if (!sec_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < calls->len; i++)
    {
      SecRecord *call = g_ptr_array_index (calls, i);
      const char *status = sec_call_status_to_nick (sec_call_effective_status (SEC_CALL (call), now));

      if (g_strcmp0 (status, sec_record_get_string (call, "status")) == 0)
        continue;
      sec_record_set_string (call, "status", status);
      if (!sec_store_update (store, call, error))
        {
          sec_store_rollback (store);
          return FALSE;
        }
    }
  return sec_store_commit (store, error);
}

gboolean
sec_call_add_application (SecStore         *store,
                          SecCall          *call,
                          SecApplication   *application,
                          SecOrganisation  *new_organisation,
                          GError          **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;
  g_auto(GStrv) dates = NULL;
  gint64 call_id;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (sec_record_get_id (SEC_RECORD (call)) > 0, FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) == 0, FALSE);
  g_return_val_if_fail (new_organisation == NULL || SEC_IS_ORGANISATION (new_organisation), FALSE);
  g_return_val_if_fail (new_organisation == NULL || sec_record_get_id (SEC_RECORD (new_organisation)) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  call_id = sec_record_get_id (SEC_RECORD (call));
  before = sec_record_copy (app);
  sec_record_set_ref (app, "call", call_id);

  if (is_empty (sec_record_get_string (app, "received-at")))
    {
      g_autoptr(GTimeZone) tz = zone_for (receipt_zone (application, call));
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M");

      sec_record_set_string (app, "received-at", text);
    }

  if (!sec_store_begin (store, error))
    goto fail;
  if (new_organisation != NULL)
    {
      if (!sec_store_insert (store, SEC_RECORD (new_organisation), error))
        goto rollback;
      sec_record_set_ref (app, "organisation", sec_record_get_id (SEC_RECORD (new_organisation)));
    }
  if (sec_record_get_ref (app, "organisation") == 0)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID, _("%s is required"),
                   _(field_of (SEC_TYPE_APPLICATION, "organisation")->label));
      goto rollback;
    }
  if (!normalise_application (application, error))
    goto rollback;
  if ((dates = errata_dates (store, call_id, error)) == NULL)
    goto rollback;
  if (!work_out (store, call, dates, application, error))
    goto rollback;
  if (!sec_store_insert (store, app, error))
    goto rollback;
  if (!sec_store_commit (store, error))
    goto rollback;
  return TRUE;

rollback:
  sec_store_rollback (store);
fail:
  /* Nothing was stored: neither record has an id. */
  _sec_record_set_id (app, 0);
  assign_fields (app, before);
  if (new_organisation != NULL)
    _sec_record_set_id (SEC_RECORD (new_organisation), 0);
  return FALSE;
}

gboolean
sec_application_save (SecStore        *store,
                      SecApplication  *application,
                      GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;
  g_autoptr(SecCall) call = NULL;
  g_auto(GStrv) dates = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = sec_record_copy (app);
  if (!normalise_application (application, error))
    goto fail;
  if ((call = get_call (store, application, error)) == NULL)
    goto fail;
  if (!sec_store_begin (store, error))
    goto fail;
  if ((dates = errata_dates (store, sec_record_get_id (SEC_RECORD (call)), error)) == NULL ||
      !work_out (store, call, dates, application, error) ||
      !sec_store_update (store, app, error) ||
      !sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      goto fail;
    }
  return TRUE;

fail:
  assign_fields (app, before);
  return FALSE;
}

gboolean
sec_application_override_eligibility (SecStore        *store,
                                      SecApplication  *application,
                                      SecEligibility   eligibility,
                                      const char      *reason,
                                      GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) > 0, FALSE);
  g_return_val_if_fail (eligibility <= SEC_ELIGIBILITY_NOT_ELIGIBLE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = sec_record_copy (app);
  if (eligibility == SEC_ELIGIBILITY_UNCHECKED)
    {
      sec_record_set_bool (app, "eligibility-overridden", FALSE);
      sec_record_set_string (app, "override-reason", NULL);
    }
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (reason ? reason : ""));

      if (*text == '\0')
        return fail_invalid (error, _("A reason is required when staff decide the eligibility"));
      sec_record_set_bool (app, "eligibility-overridden", TRUE);
      sec_record_set_string (app, "override-reason", text);
      sec_record_set_string (app, "eligibility", sec_eligibility_to_nick (eligibility));
    }
  if (!sec_application_save (store, application, error))
    {
      assign_fields (app, before);
      return FALSE;
    }
  return TRUE;
}

/* Selection */

/* The id of an active membership of @organisation_id in @body_id that
 * covers @date, or 0. */
static gint64
find_active_membership (SecStore    *store,
                        gint64       organisation_id,
                        gint64       body_id,
                        const char  *date,
                        GError     **error)
{
  sqlite3 *db = _sec_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT id FROM memberships"
                           " WHERE organisation_id = ?1 AND body_id = ?2 AND status = 'active'"
                           " AND (left_on IS NULL OR left_on >= ?3)"
                           " ORDER BY joined_on LIMIT 1", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sec_store_set_error (store, rc, error);
      return -1;
    }
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  sqlite3_bind_int64 (stmt, 2, body_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _sec_store_set_error (store, rc, error);
      id = -1;
    }
  sqlite3_finalize (stmt);
  return id;
}

gboolean
sec_application_select (SecStore        *store,
                        SecApplication  *application,
                        const char      *joined_on,
                        GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;
  g_autoptr(SecCall) call = NULL;
  g_autoptr(SecRecord) membership = NULL;
  g_autofree char *today = NULL;
  gint64 org_id, body_id, existing;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (joined_on == NULL)
    joined_on = today = sec_today ();
  if (!sec_check_date (joined_on))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a valid date (year-month-day)"),
                   _(field_of (SEC_TYPE_MEMBERSHIP, "joined-on")->label), joined_on);
      return FALSE;
    }
  if (sec_record_get_ref (app, "membership") != 0)
    return fail_invalid (error, _("This application is already selected: its organisation became a member through it"));
  if ((call = get_call (store, application, error)) == NULL)
    return FALSE;

  org_id = sec_record_get_ref (app, "organisation");
  body_id = sec_record_get_ref (SEC_RECORD (call), "body");
  existing = find_active_membership (store, org_id, body_id, joined_on, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_autoptr(SecRecord) m = sec_store_get (store, SEC_TYPE_MEMBERSHIP, existing, NULL);
      /* Translators: "Fundacja Łódź is already a member of Platform" */
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                   _("%s is already a member of %s"),
                   m ? sec_record_get_derived (m, "organisation-name") : "?",
                   m ? sec_record_get_derived (m, "body-name") : "?");
      return FALSE;
    }

  before = sec_record_copy (app);
  membership = sec_record_new (SEC_TYPE_MEMBERSHIP);
  sec_record_set_ref (membership, "organisation", org_id);
  sec_record_set_ref (membership, "body", body_id);
  sec_record_set_string (membership, "joined-on", joined_on);
  sec_record_set_ref (membership, "call", sec_record_get_id (SEC_RECORD (call)));
  sec_record_set_string (membership, "status", "active");

  if (!sec_store_begin (store, error))
    return FALSE;
  if (!sec_store_insert (store, membership, error))
    goto rollback;
  sec_record_set_ref (app, "membership", sec_record_get_id (membership));
  sec_record_set_string (app, "outcome", "selected");
  if (!sec_store_update (store, app, error) || !sec_store_commit (store, error))
    goto rollback;
  return TRUE;

rollback:
  sec_store_rollback (store);
  assign_fields (app, before);
  return FALSE;
}

gboolean
sec_application_unselect (SecStore        *store,
                          SecApplication  *application,
                          GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 membership_id;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = sec_record_copy (app);
  membership_id = sec_record_get_ref (app, "membership");
  if (!sec_store_begin (store, error))
    return FALSE;
  if (membership_id != 0 &&
      !sec_store_delete (store, SEC_TYPE_MEMBERSHIP, membership_id, &local_error) &&
      !g_error_matches (local_error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto rollback;
    }
  sec_record_set_ref (app, "membership", 0);
  sec_record_set_string (app, "outcome", "pending");
  if (!sec_store_update (store, app, error) || !sec_store_commit (store, error))
    goto rollback;
  return TRUE;

rollback:
  sec_store_rollback (store);
  assign_fields (app, before);
  return FALSE;
}

/* Errata */

gboolean
sec_call_save_erratum (SecStore    *store,
                       SecCall     *call,
                       SecErratum  *erratum,
                       GError     **error)
{
  SecRecord *e = (SecRecord *) erratum;
  gboolean inserting;
  gint64 old_call;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (sec_record_get_id (SEC_RECORD (call)) > 0, FALSE);
  g_return_val_if_fail (SEC_IS_ERRATUM (erratum), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  inserting = sec_record_get_id (e) == 0;
  old_call = sec_record_get_ref (e, "call");
  sec_record_set_ref (e, "call", sec_record_get_id (SEC_RECORD (call)));
  if (!sec_store_begin (store, error))
    goto fail;
  if ((inserting ? !sec_store_insert (store, e, error) : !sec_store_update (store, e, error)) ||
      !refresh_applications (store, call, error) ||
      !sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      goto fail;
    }
  return TRUE;

fail:
  if (inserting)
    _sec_record_set_id (e, 0);
  sec_record_set_ref (e, "call", old_call);
  return FALSE;
}

gboolean
sec_call_delete_erratum (SecStore  *store,
                         SecCall   *call,
                         gint64     erratum_id,
                         GError   **error)
{
  g_autoptr(SecRecord) e = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((e = sec_store_get (store, SEC_TYPE_ERRATUM, erratum_id, error)) == NULL)
    return FALSE;
  if (sec_record_get_ref (e, "call") != sec_record_get_id (SEC_RECORD (call)))
    return fail_invalid (error, _("This erratum belongs to another call"));
  if (!sec_store_begin (store, error))
    return FALSE;
  if (!sec_store_delete (store, SEC_TYPE_ERRATUM, erratum_id, error) ||
      !refresh_applications (store, call, error) ||
      !sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* Geographical balance */

static SecCountryBalance *
balance_row (GHashTable *rows,
             GArray     *extra,
             const char *country)
{
  SecCountryBalance *row = g_hash_table_lookup (rows, country);

  if (row == NULL)
    {
      SecCountryBalance fresh = { { 0 }, FALSE, 0, 0, 0 };

      g_strlcpy (fresh.country, country, sizeof fresh.country);
      fresh.member_state = sec_country_is_eu (country);
      g_array_append_val (extra, fresh);
      row = &g_array_index (extra, SecCountryBalance, extra->len - 1);
      g_hash_table_insert (rows, row->country, row);
    }
  return row;
}

/* Runs @sql, which reads (country, n1, n2) rows, into @counts: n1 goes to
 * `members`, n2 to `applications`. */
static gboolean
count_rows (SecStore    *store,
            const char  *sql,
            gint64       id,
            const char  *date,
            GArray      *counts,
            GError     **error)
{
  sqlite3 *db = _sec_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return _sec_store_set_error (store, rc, error);
  sqlite3_bind_int64 (stmt, 1, id);
  if (date != NULL)
    sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SecCountryBalance c = { { 0 }, FALSE, 0, 0, 0 };
      const char *country = (const char *) sqlite3_column_text (stmt, 0);

      g_strlcpy (c.country, country ? country : "", sizeof c.country);
      c.members = (guint) sqlite3_column_int64 (stmt, 1);
      c.applications = (guint) sqlite3_column_int64 (stmt, 2);
      g_array_append_val (counts, c);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sec_store_set_error (store, rc, error);
  return TRUE;
}

static const char *
display_name (const char *code)
{
  const char *name = sec_country_name (code);

  return name ? name : code;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  const SecCountryBalance *x = a, *y = b;

  /* Unknown country last. */
  if (*x->country == '\0' || *y->country == '\0')
    return (*x->country == '\0') - (*y->country == '\0');
  return g_utf8_collate (display_name (x->country), display_name (y->country));
}

GArray *
sec_body_dup_country_balance (SecStore         *store,
                              gint64            body_id,
                              gint64            call_id,
                              const char       *on_date,
                              SecBalanceOrder   order,
                              GError          **error)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (SecCountryBalance));
  g_autoptr(GArray) applications = g_array_new (FALSE, FALSE, sizeof (SecCountryBalance));
  g_autoptr(GArray) eu = NULL;
  g_autoptr(GArray) others = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *today = NULL;
  const char *const *member_states = sec_countries_eu ();
  GArray *result;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (on_date == NULL)
    on_date = today = sec_today ();
  if (!sec_check_date (on_date))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date (year-month-day)"), on_date);
      return NULL;
    }

  /* An organisation counts once, however many memberships it has. */
  if (!count_rows (store,
                   "SELECT coalesce(o.country, ''), count(DISTINCT o.id), 0"
                   " FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
                   " WHERE m.body_id = ?1 AND m.status = 'active'"
                   " AND (m.joined_on IS NULL OR m.joined_on <= ?2)"
                   " AND (m.left_on IS NULL OR m.left_on >= ?2)"
                   " GROUP BY 1",
                   body_id, on_date, members, error))
    return NULL;
  if (call_id > 0 &&
      !count_rows (store,
                   "SELECT coalesce(o.country, ''), sum(a.outcome = 'selected'), count(*)"
                   " FROM applications a JOIN organisations o ON o.id = a.organisation_id"
                   " WHERE a.call_id = ?1 GROUP BY 1",
                   call_id, NULL, applications, error))
    return NULL;

  /* Rows for the 27 first, then whatever else occurs. The arrays are
   * sized so that appending never moves the rows the table points to. */
  eu = g_array_sized_new (FALSE, TRUE, sizeof (SecCountryBalance), 27);
  for (guint i = 0; member_states[i]; i++)
    balance_row (rows, eu, member_states[i]);
  others = g_array_sized_new (FALSE, TRUE, sizeof (SecCountryBalance), members->len + applications->len);
  for (guint i = 0; i < members->len; i++)
    {
      SecCountryBalance *c = &g_array_index (members, SecCountryBalance, i);
      SecCountryBalance *row = g_hash_table_lookup (rows, c->country);

      if (row == NULL)
        row = balance_row (rows, others, c->country);
      row->members += c->members;
    }
  for (guint i = 0; i < applications->len; i++)
    {
      SecCountryBalance *c = &g_array_index (applications, SecCountryBalance, i);
      SecCountryBalance *row = g_hash_table_lookup (rows, c->country);

      if (row == NULL)
        row = balance_row (rows, others, c->country);
      /* The query put the selected count in members, the total in applications. */
      row->selected += c->members;
      row->applications += c->applications;
    }

  if (order == SEC_BALANCE_BY_NAME)
    g_array_sort (eu, compare_by_name);
  g_array_sort (others, compare_by_name);

  result = g_array_sized_new (FALSE, TRUE, sizeof (SecCountryBalance), eu->len + others->len);
  g_array_append_vals (result, eu->data, eu->len);
  g_array_append_vals (result, others->data, others->len);
  return result;
}

GArray *
sec_call_dup_country_balance (SecStore         *store,
                              SecCall          *call,
                              const char       *on_date,
                              SecBalanceOrder   order,
                              GError          **error)
{
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  return sec_body_dup_country_balance (store, sec_record_get_ref (SEC_RECORD (call), "body"),
                                       sec_record_get_id (SEC_RECORD (call)), on_date, order, error);
}
