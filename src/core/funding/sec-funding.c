/* sec-funding.c: the rules of EU funding */
#define G_LOG_DOMAIN "sec-funding"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-fold.h"
#include "core/base/sec-format.h"
#include "core/funding/sec-funding.h"
#include "core/store/sec-records.h"

/* Calls */

/**
 * sec_funding_call_dup_deadline:
 * @call: a funding call
 *
 * Returns: (transfer full) (nullable): the deadline in the call's zone
 */
GDateTime *
sec_funding_call_dup_deadline (SecRecord *call)
{
  const char *deadline;
  const char *tz_id;
  g_autofree char *with_time = NULL;

  g_return_val_if_fail (SEC_IS_FUNDING_CALL (call), NULL);

  deadline = sec_record_get_string (call, "deadline");
  tz_id = sec_record_get_string (call, "deadline-timezone");
  if (deadline == NULL || *deadline == '\0')
    return NULL;
  if (strlen (deadline) == 10)
    deadline = with_time = g_strconcat (deadline, "T" SEC_FUNDING_DEFAULT_DEADLINE_TIME, NULL);
  return sec_parse_datetime (deadline, tz_id && *tz_id ? tz_id : SEC_FUNDING_DEFAULT_TIMEZONE);
}

SecFundingCallStatus
sec_funding_call_status (SecRecord *call,
                         GDateTime *now)
{
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) current = NULL;
  const char *published;

  g_return_val_if_fail (SEC_IS_FUNDING_CALL (call), SEC_FUNDING_CALL_CLOSED);

  current = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  published = sec_record_get_string (call, "published-on");
  if (published != NULL && *published != '\0')
    {
      g_autoptr(GDateTime) from = sec_parse_datetime (published, sec_record_get_string (call, "deadline-timezone"));

      if (from != NULL && g_date_time_compare (current, from) < 0)
        return SEC_FUNDING_CALL_FORTHCOMING;
    }
  deadline = sec_funding_call_dup_deadline (call);
  if (deadline != NULL && g_date_time_compare (current, deadline) >= 0)
    return SEC_FUNDING_CALL_CLOSED;
  return SEC_FUNDING_CALL_OPEN;
}

const char *
sec_funding_call_status_label (SecFundingCallStatus status)
{
  switch (status)
    {
    case SEC_FUNDING_CALL_FORTHCOMING:
      /* Translators: the status of a call for proposals not published yet */
      return _("Forthcoming");
    case SEC_FUNDING_CALL_OPEN:
      /* Translators: the status of a call for proposals */
      return C_("funding call", "Open");
    case SEC_FUNDING_CALL_CLOSED:
    default:
      /* Translators: the status of a call for proposals */
      return C_("funding call", "Closed");
    }
}

/**
 * sec_funding_format_time_left:
 * @deadline: when the call closes
 * @now: (nullable): the time to count from (now)
 *
 * Returns: (transfer full): the time left, in the largest whole unit
 */
char *
sec_funding_format_time_left (GDateTime *deadline,
                              GDateTime *now)
{
  g_autoptr(GDateTime) current = NULL;
  GTimeSpan left;
  gint64 n;

  g_return_val_if_fail (deadline != NULL, NULL);

  current = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  left = g_date_time_difference (deadline, current);
  if (left <= 0)
    return g_strdup (C_("funding call", "Closed"));
  if ((n = left / G_TIME_SPAN_DAY) >= 2)
    {
      g_autofree char *count = sec_format_count (n);
      /* Translators: the time left until a call's deadline */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Closes in %s day", "Closes in %s days", (gulong) n), count);
    }
  if ((n = left / G_TIME_SPAN_HOUR) >= 1)
    {
      g_autofree char *count = sec_format_count (n);
      /* Translators: the time left until a call's deadline */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Closes in %s hour", "Closes in %s hours", (gulong) n), count);
    }
  n = MAX (1, left / G_TIME_SPAN_MINUTE);
  {
    g_autofree char *count = sec_format_count (n);
    /* Translators: the time left until a call's deadline */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Closes in %s minute", "Closes in %s minutes", (gulong) n), count);
  }
}

char *
sec_funding_format_deadline (SecRecord *call)
{
  g_autoptr(GDateTime) deadline = NULL;
  g_autofree char *local = NULL;
  g_autofree char *text = NULL;
  const char *tz_id;

  g_return_val_if_fail (SEC_IS_FUNDING_CALL (call), NULL);

  if ((deadline = sec_funding_call_dup_deadline (call)) == NULL)
    return g_strdup ("");
  local = g_date_time_format (deadline, "%Y-%m-%dT%H:%M");
  text = sec_format_datetime (local);
  tz_id = sec_record_get_string (call, "deadline-timezone");
  /* Translators: a deadline and its time zone, "31 January 2019, 17:00 (Europe/Brussels)" */
  return g_strdup_printf (_("%s (%s)"), text, tz_id && *tz_id ? tz_id : SEC_FUNDING_DEFAULT_TIMEZONE);
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  g_autoptr(GDateTime) da = sec_funding_call_dup_deadline (*(SecRecord **) a);
  g_autoptr(GDateTime) db = sec_funding_call_dup_deadline (*(SecRecord **) b);

  return g_date_time_compare (da, db);
}

/**
 * sec_funding_list_upcoming_calls:
 * @now: (nullable): the time to compare with (now)
 *
 * Returns: (transfer container) (element-type SecRecord): the calls still
 *   open or forthcoming, soonest deadline first
 */
GPtrArray *
sec_funding_list_upcoming_calls (SecStore  *store,
                                 GDateTime *now,
                                 GError   **error)
{
  g_autoptr(GDateTime) current = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  /* A day's margin covers every zone's wall-clock reading of the
   * deadlines; the exact test is below. */
  g_autoptr(GDateTime) margin = g_date_time_add_days (current, -1);
  g_autofree char *since = g_date_time_format (margin, "%Y-%m-%d");
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) calls = NULL;
  GPtrArray *upcoming;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  sec_query_add (query, "deadline", SEC_QUERY_AT_LEAST, since);
  if ((calls = sec_store_list (store, SEC_TYPE_FUNDING_CALL, query, error)) == NULL)
    return NULL;
  upcoming = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < calls->len; i++)
    {
      SecRecord *call = g_ptr_array_index (calls, i);
      g_autoptr(GDateTime) deadline = sec_funding_call_dup_deadline (call);

      if (deadline != NULL && g_date_time_compare (deadline, current) > 0)
        g_ptr_array_add (upcoming, g_object_ref (call));
    }
  g_ptr_array_sort (upcoming, compare_deadlines);
  return upcoming;
}

/* Projects */

int
sec_funding_duration_months (const char *starts_on,
                             const char *ends_on)
{
  int y1, m1, d1, y2, m2, d2;
  GDate end;
  int months;

  if (starts_on == NULL || ends_on == NULL ||
      sscanf (starts_on, "%4d-%2d-%2d", &y1, &m1, &d1) != 3 ||
      sscanf (ends_on, "%4d-%2d-%2d", &y2, &m2, &d2) != 3 ||
      !g_date_valid_dmy (d1, m1, y1) || !g_date_valid_dmy (d2, m2, y2))
    return -1;

  /* The end day is included: count to the day after it. */
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, d2, m2, y2);
  g_date_add_days (&end, 1);
  y2 = g_date_get_year (&end);
  m2 = g_date_get_month (&end);
  d2 = g_date_get_day (&end);

  months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return MAX (months, 0);
}

gboolean
sec_funding_project_active_in (SecRecord *project,
                               int        year)
{
  const char *starts_on;
  const char *ends_on;
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);

  g_return_val_if_fail (SEC_IS_PROJECT (project), FALSE);

  starts_on = sec_record_get_string (project, "starts-on");
  ends_on = sec_record_get_string (project, "ends-on");
  if (starts_on == NULL || *starts_on == '\0')
    return FALSE;
  return strcmp (starts_on, last) <= 0 && (ends_on == NULL || *ends_on == '\0' || strcmp (ends_on, first) >= 0);
}

char *
sec_funding_format_euros (gint64 euros)
{
  g_autofree char *count = NULL;

  if (euros == 0)
    return g_strdup ("");
  count = sec_format_count (euros);
  /* Translators: an amount in euros; put the sign where your language
   * does ("%s €" in French and German) */
  return g_strdup_printf (C_("amount", "€%s"), count);
}

GStrv
sec_funding_split_themes (const char *themes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (themes ? themes : "", ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *theme = g_strstrip (parts[i]);

      if (*theme != '\0')
        g_strv_builder_add (builder, theme);
    }
  return g_strv_builder_end (builder);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static GPtrArray *
list_all (SecStore  *store,
          GType      kind,
          GError   **error)
{
  return sec_store_list (store, kind, NULL, error);
}

GStrv
sec_funding_dup_themes (SecStore  *store,
                        GError   **error)
{
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if ((projects = list_all (store, SEC_TYPE_PROJECT, error)) == NULL)
    return NULL;
  for (guint i = 0; i < projects->len; i++)
    {
      g_auto(GStrv) split = sec_funding_split_themes (sec_record_get_string (g_ptr_array_index (projects, i), "themes"));

      for (guint j = 0; split[j]; j++)
        if (g_hash_table_add (seen, sec_fold (split[j])))
          g_ptr_array_add (themes, g_strdup (split[j]));
    }
  g_ptr_array_sort (themes, compare_collated);
  g_ptr_array_add (themes, NULL);
  return (GStrv) g_ptr_array_steal (themes, NULL);
}

int
sec_funding_compare_countries (gconstpointer a,
                               gconstpointer b)
{
  const char *ca = *(const char *const *) a;
  const char *cb = *(const char *const *) b;
  int ia = sec_country_eu_protocol_index (ca);
  int ib = sec_country_eu_protocol_index (cb);
  const char *na, *nb;

  if (ia >= 0 || ib >= 0)
    return ia < 0 ? 1 : ib < 0 ? -1 : ia - ib;
  na = sec_country_name (ca);
  nb = sec_country_name (cb);
  return g_utf8_collate (na ? na : ca, nb ? nb : cb);
}

GStrv
sec_funding_dup_countries (SecStore  *store,
                           GError   **error)
{
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if ((projects = list_all (store, SEC_TYPE_PROJECT, error)) == NULL ||
      (partners = list_all (store, SEC_TYPE_PROJECT_PARTNER, error)) == NULL)
    return NULL;
  for (guint i = 0; i < projects->len + partners->len; i++)
    {
      const char *code = i < projects->len
                         ? sec_record_get_derived (g_ptr_array_index (projects, i), "coordinator-country")
                         : sec_record_get_derived (g_ptr_array_index (partners, i - projects->len), "country");

      if (code != NULL && *code != '\0' && !g_hash_table_contains (seen, code))
        {
          char *copy = g_strdup (code);

          g_ptr_array_add (codes, copy);
          g_hash_table_add (seen, copy);
        }
    }
  g_ptr_array_sort (codes, sec_funding_compare_countries);
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_steal (codes, NULL);
}

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  return GPOINTER_TO_INT (*(gpointer *) b) - GPOINTER_TO_INT (*(gpointer *) a);
}

GStrv
sec_funding_dup_years (SecStore  *store,
                       GError   **error)
{
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if ((projects = list_all (store, SEC_TYPE_PROJECT, error)) == NULL)
    return NULL;
  for (guint i = 0; i < projects->len; i++)
    {
      SecRecord *project = g_ptr_array_index (projects, i);
      const char *starts_on = sec_record_get_string (project, "starts-on");
      const char *ends_on = sec_record_get_string (project, "ends-on");
      int first, last;

      if (starts_on == NULL || strlen (starts_on) < 4)
        continue;
      first = atoi (starts_on);
      /* A project without an end runs until this year. */
      last = ends_on && strlen (ends_on) >= 4 ? atoi (ends_on) : MAX (first, g_date_time_get_year (now));
      for (int y = first; y <= last && y - first < 100; y++)
        if (g_hash_table_add (seen, GINT_TO_POINTER (y)))
          g_ptr_array_add (years, GINT_TO_POINTER (y));
    }
  g_ptr_array_sort (years, compare_years_descending);
  for (guint i = 0; i < years->len; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", GPOINTER_TO_INT (g_ptr_array_index (years, i)));

      g_strv_builder_add (builder, year);
    }
  return g_strv_builder_end (builder);
}
