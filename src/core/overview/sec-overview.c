/* sec-overview.c: what needs the secretariat's attention, on a given day */
#define G_LOG_DOMAIN "sec-overview"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/funding/sec-funding.h"
#include "core/base/sec-format.h"
#include "core/meetings/sec-action-points.h"
#include "core/overview/sec-overview.h"
#include "core/statements/sec-statements.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-meetings.h"

/* Helpers */

/* @date set to the day of @iso ("YYYY-MM-DD..."), whatever the locale's
 * order of dates (which g_date_set_parse () would follow). */
static void
set_iso_date (GDate      *date,
              const char *iso)
{
  unsigned y = 0, m = 0, d = 0;

  g_date_clear (date, 1);
  if (iso != NULL && sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) == 3 &&
      g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* (transfer full): @iso ("YYYY-MM-DD...") plus @days, as "YYYY-MM-DD". */
static char *
add_days (const char *iso,
          int         days)
{
  GDate date;
  char text[16];

  set_iso_date (&date, iso);
  if (!g_date_valid (&date))
    return g_strdup (iso);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

/* Whole days from @today to the day of @iso (negative: before). */
static int
days_between (const char *today,
              const char *iso)
{
  GDate a, b;

  set_iso_date (&a, today);
  set_iso_date (&b, iso);
  if (!g_date_valid (&a) || !g_date_valid (&b))
    return 0;
  return g_date_days_between (&a, &b);
}

/* (transfer full): "Today", "Tomorrow", "In 12 days", "3 days ago". */
static char *
dup_when (int days)
{
  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (days == -1)
    return g_strdup (_("Yesterday"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days", days), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", -days), -days);
}

static void
add_item (GPtrArray          *items,
          SecOverviewSection  section,
          const char         *kind,
          gint64              id,
          const char         *title,
          char               *detail,
          const char         *date,
          gboolean            urgent)
{
  SecOverviewItem *item = g_new0 (SecOverviewItem, 1);

  item->section = section;
  item->kind = kind;
  item->id = id;
  item->title = g_strdup (title ? title : "");
  item->detail = detail;
  item->date = date ? g_strndup (date, 10) : NULL;
  item->urgent = urgent;
  g_ptr_array_add (items, item);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* The parts */

static gboolean
add_meetings (SecStore    *store,
              const char  *today,
              GPtrArray   *items,
              GError     **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) meetings = NULL;
  g_autofree char *draft_limit = add_days (today, SEC_OVERVIEW_DRAFT_AGENDA_DAYS + 1);

  sec_query_add (query, "starts-at", SEC_QUERY_AT_LEAST, today);
  sec_query_add (query, "status", SEC_QUERY_NOT_EQUALS, "cancelled");
  sec_query_add (query, "status", SEC_QUERY_NOT_EQUALS, "held");
  sec_query_set_sort (query, "starts-at", FALSE);
  sec_query_set_range (query, 0, SEC_OVERVIEW_MEETINGS_SHOWN);
  if ((meetings = sec_store_list (store, SEC_TYPE_MEETING, query, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < meetings->len; i++)
    {
      SecRecord *m = g_ptr_array_index (meetings, i);
      gint64 id = sec_record_get_id (m);
      const char *starts_at = sec_record_get_string (m, "starts-at");
      g_autoptr(GHashTable) statuses = sec_store_count_participant_statuses (store, id, error);
      g_autoptr(GPtrArray) needs = statuses ? sec_store_list_participant_needs (store, id, error) : NULL;
      g_autoptr(GString) detail = g_string_new (NULL);
      g_autofree char *when = NULL;
      guint unanswered;
      int days = days_between (today, starts_at);

      if (needs == NULL)
        return FALSE;
      unanswered = GPOINTER_TO_SIZE (g_hash_table_lookup (statuses, "invited"));
      when = dup_when (days);
      g_string_append (detail, when);
      if (unanswered > 0)
        {
          g_string_append (detail, " · ");
          g_string_append_printf (detail, g_dngettext (GETTEXT_PACKAGE, "%u has not answered",
                                                       "%u have not answered", unanswered), unanswered);
        }
      if (needs->len > 0)
        {
          g_string_append (detail, " · ");
          g_string_append_printf (detail, g_dngettext (GETTEXT_PACKAGE, "%u with needs to arrange",
                                                       "%u with needs to arrange", needs->len), needs->len);
        }
      add_item (items, SEC_OVERVIEW_NEXT_MEETINGS, "meeting", id, sec_record_get_string (m, "title"),
                g_string_free (g_steal_pointer (&detail), FALSE), starts_at, days <= 7 && unanswered > 0);

      if (g_strcmp0 (sec_record_get_string (m, "agenda-status"), "final") != 0 &&
          g_strcmp0 (starts_at, draft_limit) < 0)
        {
          g_autofree char *ago = dup_when (days);

          add_item (items, SEC_OVERVIEW_DRAFT_AGENDAS, "meeting", id, sec_record_get_string (m, "title"),
                    /* Translators: an agenda still in draft, and when its meeting is: "Agenda in draft · In 12 days" */
                    g_strdup_printf (_("Agenda in draft · %s"), ago), starts_at, days <= 7);
        }
    }
  return TRUE;
}

/* Calls for proposals whose deadline (a time in the call's zone) comes
 * within SEC_OVERVIEW_CALL_CLOSING_DAYS of the start of @today. */
static gboolean
add_calls_for_proposals (SecStore    *store,
                         const char  *today,
                         GPtrArray   *items,
                         GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  int y, m, d;

  if (sscanf (today, "%d-%d-%d", &y, &m, &d) != 3)
    return TRUE;
  now = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (now == NULL || (calls = sec_funding_list_upcoming_calls (store, now, error)) == NULL)
    return now == NULL;
  for (guint i = 0; i < calls->len; i++)
    {
      SecRecord *c = g_ptr_array_index (calls, i);
      g_autoptr(GDateTime) deadline = sec_funding_call_dup_deadline (c);
      g_autofree char *date = NULL;
      GTimeSpan left;

      if (deadline == NULL)
        continue;
      left = g_date_time_difference (deadline, now);
      if (left > (GTimeSpan) (SEC_OVERVIEW_CALL_CLOSING_DAYS + 1) * G_TIME_SPAN_DAY)
        continue;
      date = g_date_time_format (deadline, "%Y-%m-%d");
      add_item (items, SEC_OVERVIEW_CALLS_FOR_PROPOSALS_CLOSING, "funding-call", sec_record_get_id (c),
                sec_record_get_string (c, "title"), sec_funding_format_time_left (deadline, now), date,
                left <= 7 * G_TIME_SPAN_DAY);
    }
  return TRUE;
}

static gboolean
add_calls (SecStore    *store,
           const char  *today,
           GPtrArray   *items,
           GError     **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *limit = add_days (today, SEC_OVERVIEW_CALL_CLOSING_DAYS + 1);

  /* Calls closing soon. */
  sec_query_add (query, "deadline", SEC_QUERY_AT_LEAST, today);
  sec_query_add (query, "deadline", SEC_QUERY_BEFORE, limit);
  sec_query_add (query, "status", SEC_QUERY_NOT_EQUALS, "draft");
  sec_query_add (query, "status", SEC_QUERY_NOT_EQUALS, "decided");
  sec_query_set_sort (query, "deadline", FALSE);
  if ((calls = sec_store_list (store, SEC_TYPE_CALL, query, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < calls->len; i++)
    {
      SecRecord *c = g_ptr_array_index (calls, i);
      const char *deadline = sec_record_get_string (c, "deadline");
      int days = days_between (today, deadline);
      g_autofree char *when = dup_when (days);
      g_autofree char *count = sec_format_count (g_ascii_strtoll (sec_record_get_derived (c, "application-count") ?: "0",
                                                                  NULL, 10));

      add_item (items, SEC_OVERVIEW_CALLS_CLOSING, "call", sec_record_get_id (c), sec_record_get_string (c, "title"),
                /* Translators: when a call closes, and how many applied: "Closes: In 5 days · applications so far: 3" */
                g_strdup_printf (_("Closes: %s · applications so far: %s"), when, count), deadline, days <= 7);
    }

  /* Calls past their deadline whose applications wait for a decision. */
  g_clear_pointer (&calls, g_ptr_array_unref);
  sec_query_clear_conditions (query);
  sec_query_add (query, "deadline", SEC_QUERY_BEFORE, today);
  sec_query_add (query, "status", SEC_QUERY_NOT_EQUALS, "draft");
  sec_query_add (query, "status", SEC_QUERY_NOT_EQUALS, "decided");
  if ((calls = sec_store_list (store, SEC_TYPE_CALL, query, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < calls->len; i++)
    {
      SecRecord *c = g_ptr_array_index (calls, i);
      g_autoptr(SecQuery) pending = sec_query_new ();
      g_autofree char *call_id = id_text (sec_record_get_id (c));
      gint64 n;

      sec_query_add (pending, "call", SEC_QUERY_EQUALS, call_id);
      sec_query_add (pending, "outcome", SEC_QUERY_EQUALS, "pending");
      if ((n = sec_store_count (store, SEC_TYPE_APPLICATION, pending, error)) < 0)
        return FALSE;
      if (n == 0)
        continue;
      add_item (items, SEC_OVERVIEW_APPLICATIONS_WAITING, "call", sec_record_get_id (c),
                sec_record_get_string (c, "title"),
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application waits for a decision",
                                              "%u applications wait for a decision", (gulong) n), (guint) n),
                sec_record_get_string (c, "deadline"), FALSE);
    }
  return TRUE;
}

static gboolean
add_action_points (SecStore    *store,
                   const char  *today,
                   GPtrArray   *items,
                   GError     **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) points = NULL;
  g_autofree char *limit = add_days (today, SEC_OVERVIEW_ACTION_POINT_DAYS + 1);

  sec_query_add (query, "status", SEC_QUERY_EQUALS, "open");
  sec_query_add (query, "due-on", SEC_QUERY_BEFORE, limit);
  sec_query_set_sort (query, "due-on", FALSE);
  if ((points = sec_store_list (store, SEC_TYPE_ACTION_POINT, query, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < points->len; i++)
    {
      SecRecord *p = g_ptr_array_index (points, i);
      const char *due_on = sec_record_get_string (p, "due-on");
      int days = days_between (today, due_on);
      g_autofree char *owner = sec_action_point_dup_owner (p);
      g_autofree char *when = dup_when (days);
      char *detail;

      if (days < 0)
        /* Translators: an overdue action point: who, since when, the meeting: "Europol · overdue, 3 days ago · Plenary" */
        detail = g_strdup_printf (_("%s · overdue, %s · %s"), owner, when, sec_record_get_derived (p, "meeting-title"));
      else
        /* Translators: an action point due soon: who, when, the meeting: "Europol · due: In 3 days · Plenary" */
        detail = g_strdup_printf (_("%s · due: %s · %s"), owner, when, sec_record_get_derived (p, "meeting-title"));
      /* The action point opens with its meeting, where it was decided. */
      add_item (items, SEC_OVERVIEW_ACTION_POINTS_DUE, "meeting", sec_record_get_ref (p, "meeting"),
                sec_record_get_string (p, "what"), detail, due_on, days < 0);
    }
  return TRUE;
}

static gboolean
add_commitments (SecStore    *store,
                 const char  *today,
                 GPtrArray   *items,
                 GError     **error)
{
  g_autoptr(GPtrArray) statements = sec_store_list (store, SEC_TYPE_STATEMENT, NULL, error);
  int year = (int) g_ascii_strtoll (today, NULL, 10);

  if (statements == NULL)
    return FALSE;
  for (guint i = 0; i < statements->len; i++)
    {
      SecRecord *s = g_ptr_array_index (statements, i);
      SecProgress progress = { 0 };
      guint due;

      if (!sec_statement_get_progress (store, SEC_STATEMENT (s), year, &progress, error))
        return FALSE;
      due = progress.applicable - progress.counts[SEC_FOLLOW_UP_DONE];
      if (progress.total == 0 || due == 0)
        continue;
      add_item (items, SEC_OVERVIEW_COMMITMENTS_DUE, "statement", sec_record_get_id (s),
                sec_record_get_string (s, "title"),
                /* Translators: commitments of a joint statement not done yet this year: "12 of 50 not done in 2026" */
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u not done in %d", "%u of %u not done in %d",
                                              due),
                                 due, progress.applicable, year),
                NULL, FALSE);
    }
  return TRUE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SecOverviewItem *x = *(SecOverviewItem **) a;
  const SecOverviewItem *y = *(SecOverviewItem **) b;

  if (x->section != y->section)
    return x->section < y->section ? -1 : 1;
  /* Undated last; g_ptr_array_sort is not stable, so the id decides ties. */
  if (g_strcmp0 (x->date, y->date) != 0)
    return x->date == NULL ? 1 : y->date == NULL ? -1 : g_strcmp0 (x->date, y->date);
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Public API */

void
sec_overview_item_free (SecOverviewItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->detail);
  g_free (item->date);
  g_free (item);
}

const char *
sec_overview_section_title (SecOverviewSection section)
{
  switch (section)
    {
    case SEC_OVERVIEW_NEXT_MEETINGS:
      return _("Next Meetings");
    case SEC_OVERVIEW_DRAFT_AGENDAS:
      return _("Agendas Still in Draft");
    case SEC_OVERVIEW_CALLS_CLOSING:
      return _("Calls Closing Soon");
    case SEC_OVERVIEW_CALLS_FOR_PROPOSALS_CLOSING:
      return _("Calls for Proposals Closing Soon");
    case SEC_OVERVIEW_APPLICATIONS_WAITING:
      return _("Applications Waiting for a Decision");
    case SEC_OVERVIEW_ACTION_POINTS_DUE:
      return _("Action Points Due or Overdue");
    case SEC_OVERVIEW_COMMITMENTS_DUE:
      return _("Commitments Due This Year");
    case SEC_OVERVIEW_N_SECTIONS:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * sec_overview_collect:
 * @today: (nullable): the day, "YYYY-MM-DD"
 *
 * Returns: (transfer full) (element-type SecOverviewItem): the items
 */
GPtrArray *
sec_overview_collect (SecStore    *store,
                      const char  *today,
                      GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_overview_item_free);
  g_autofree char *day = today ? g_strndup (today, 10) : sec_today ();

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!add_meetings (store, day, items, error) ||
      !add_calls (store, day, items, error) ||
      !add_calls_for_proposals (store, day, items, error) ||
      !add_action_points (store, day, items, error) ||
      !add_commitments (store, day, items, error))
    return NULL;
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}
