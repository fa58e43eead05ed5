/* sec-agenda.c: the timing and the state of a meeting's agenda */
#define G_LOG_DOMAIN "sec-agenda"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/meetings/sec-agenda.h"
#include "core/base/sec-format.h"

/* Static helpers */

/* Breaks and lunch are not numbered. */
static gboolean
kind_is_numbered (const char *kind)
{
  return kind == NULL || !(g_str_equal (kind, "break") || g_str_equal (kind, "lunch"));
}

static gboolean
parse_time_of_day (const char *text,
                   int        *hour,
                   int        *minute)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  *hour = (text[0] - '0') * 10 + (text[1] - '0');
  *minute = (text[3] - '0') * 10 + (text[4] - '0');
  return *hour < 24 && *minute < 60;
}

static void
set_gdate (GDate     *date,
           GDateTime *dt)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt),
                  (GDateYear) g_date_time_get_year (dt));
}

static int
days_between (GDateTime *a,
              GDateTime *b)
{
  GDate da, db;

  set_gdate (&da, a);
  set_gdate (&db, b);
  return g_date_days_between (&da, &db);
}

static GDateTime *
at_time_of_day (GDateTime *day,
                int        hour,
                int        minute)
{
  return g_date_time_new (g_date_time_get_timezone (day),
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          hour, minute, 0);
}

static SecRecord *
get_meeting (SecStore  *store,
             gint64     meeting_id,
             GError   **error)
{
  return sec_store_get (store, SEC_TYPE_MEETING, meeting_id, error);
}

/* Public API */

/**
 * sec_agenda_timing_compute_entries:
 *
 * Returns: (transfer full) (nullable): the timing, or %NULL when
 *   @starts_at is not a date and time
 */
SecAgendaTiming *
sec_agenda_timing_compute_entries (const char           *starts_at,
                                   const char           *ends_at,
                                   const char           *timezone,
                                   const SecAgendaEntry *entries,
                                   guint                 n_entries)
{
  g_autoptr(GDateTime) start = NULL;
  SecAgendaTiming *timing;
  GDateTime *clock;
  guint number = 0;

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);

  if (starts_at == NULL || strlen (starts_at) < 16 ||
      (start = sec_parse_datetime (starts_at, timezone)) == NULL)
    return NULL;

  timing = g_new0 (SecAgendaTiming, 1);
  timing->meeting_starts = g_date_time_ref (start);
  timing->meeting_ends = ends_at ? sec_parse_datetime (ends_at, timezone) : NULL;
  timing->n_slots = n_entries;
  timing->slots = g_new0 (SecAgendaSlot, MAX (n_entries, 1));

  clock = g_date_time_ref (start);
  for (guint i = 0; i < n_entries; i++)
    {
      const SecAgendaEntry *e = &entries[i];
      SecAgendaSlot *slot = &timing->slots[i];
      int duration = CLAMP (e->duration, 0, 24 * 60);
      int hour, minute;

      slot->item_id = e->id;
      slot->number = kind_is_numbered (e->kind) ? ++number : 0;

      if (parse_time_of_day (e->fixed_start, &hour, &minute))
        {
          g_autoptr(GDateTime) fixed = at_time_of_day (clock, hour, minute);

          slot->fixed = TRUE;
          if (g_date_time_compare (fixed, clock) < 0)
            {
              g_autoptr(GDateTime) next_day = g_date_time_add_days (fixed, 1);

              /* The next morning of a meeting over several days, or else
               * an overlap to flag. */
              if (timing->meeting_ends != NULL && days_between (next_day, timing->meeting_ends) >= 0)
                slot->starts = g_date_time_ref (next_day);
              else
                {
                  slot->starts = g_date_time_ref (fixed);
                  slot->overlaps = TRUE;
                  timing->has_overlaps = TRUE;
                }
            }
          else
            slot->starts = g_date_time_ref (fixed);
        }
      else
        slot->starts = g_date_time_ref (clock);

      slot->ends = g_date_time_add_minutes (slot->starts, duration);
      slot->day = (guint) MAX (0, days_between (start, slot->starts));
      slot->overruns = timing->meeting_ends != NULL &&
                       g_date_time_compare (slot->ends, timing->meeting_ends) > 0;
      timing->total_minutes += duration;

      /* An overlapping item may end before the one it interrupts. */
      if (g_date_time_compare (slot->ends, clock) > 0)
        {
          g_date_time_unref (clock);
          clock = g_date_time_ref (slot->ends);
        }
    }

  timing->planned_end = clock;
  if (timing->meeting_ends != NULL && g_date_time_compare (clock, timing->meeting_ends) > 0)
    {
      timing->overrun = TRUE;
      timing->overrun_minutes = (int) ((g_date_time_difference (clock, timing->meeting_ends) +
                                        G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
    }
  return timing;
}

/**
 * sec_agenda_timing_compute:
 * @meeting: a SecMeeting
 * @items: (element-type SecAgendaItem): its items, in agenda order
 *
 * Returns: (transfer full) (nullable): the timing
 */
SecAgendaTiming *
sec_agenda_timing_compute (SecRecord *meeting,
                           GPtrArray *items)
{
  g_autofree SecAgendaEntry *entries = NULL;

  g_return_val_if_fail (SEC_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  entries = g_new0 (SecAgendaEntry, MAX (items->len, 1));
  for (guint i = 0; i < items->len; i++)
    {
      SecRecord *item = g_ptr_array_index (items, i);

      entries[i].id = sec_record_get_id (item);
      entries[i].kind = sec_record_get_string (item, "kind");
      entries[i].duration = sec_record_get_int (item, "duration");
      entries[i].fixed_start = sec_record_get_string (item, "fixed-start");
    }
  return sec_agenda_timing_compute_entries (sec_record_get_string (meeting, "starts-at"),
                                            sec_record_get_string (meeting, "ends-at"),
                                            sec_record_get_string (meeting, "timezone"),
                                            entries, items->len);
}

void
sec_agenda_timing_free (SecAgendaTiming *timing)
{
  if (timing == NULL)
    return;
  for (guint i = 0; i < timing->n_slots; i++)
    {
      g_clear_pointer (&timing->slots[i].starts, g_date_time_unref);
      g_clear_pointer (&timing->slots[i].ends, g_date_time_unref);
    }
  g_free (timing->slots);
  g_clear_pointer (&timing->meeting_starts, g_date_time_unref);
  g_clear_pointer (&timing->meeting_ends, g_date_time_unref);
  g_clear_pointer (&timing->planned_end, g_date_time_unref);
  g_free (timing);
}

/**
 * sec_agenda_list_items:
 *
 * Returns: (transfer container) (element-type SecAgendaItem): the items
 */
GPtrArray *
sec_agenda_list_items (SecStore  *store,
                       gint64     meeting_id,
                       GError   **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  sec_query_add (query, "meeting", SEC_QUERY_EQUALS, id);
  /* Equal positions keep the order the items were made in. */
  sec_query_set_sort (query, "position", FALSE);
  return sec_store_list (store, SEC_TYPE_AGENDA_ITEM, query, error);
}

gboolean
sec_agenda_note_change (SecStore  *store,
                        gint64     meeting_id,
                        GError   **error)
{
  g_autoptr(SecRecord) meeting = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  if ((meeting = get_meeting (store, meeting_id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (sec_record_get_string (meeting, "agenda-status"), "final") != 0)
    return TRUE;
  sec_record_set_int (meeting, "agenda-version", sec_record_get_int (meeting, "agenda-version") + 1);
  return sec_store_update (store, meeting, error);
}

gboolean
sec_agenda_set_final (SecStore  *store,
                      gint64     meeting_id,
                      gboolean   final,
                      GError   **error)
{
  g_autoptr(SecRecord) meeting = NULL;
  gboolean is_final;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  if ((meeting = get_meeting (store, meeting_id, error)) == NULL)
    return FALSE;
  is_final = g_strcmp0 (sec_record_get_string (meeting, "agenda-status"), "final") == 0;
  if (is_final == !!final)
    return TRUE;

  sec_record_set_string (meeting, "agenda-status", final ? "final" : "draft");
  if (final)
    sec_record_set_int (meeting, "agenda-version", sec_record_get_int (meeting, "agenda-version") + 1);
  return sec_store_update (store, meeting, error);
}

gboolean
sec_agenda_move_item (SecStore  *store,
                      gint64     item_id,
                      guint      index,
                      GError   **error)
{
  g_autoptr(SecRecord) item = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 meeting_id;
  guint from = G_MAXUINT;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  if ((item = sec_store_get (store, SEC_TYPE_AGENDA_ITEM, item_id, error)) == NULL)
    return FALSE;
  meeting_id = sec_record_get_ref (item, "meeting");

  if (!sec_store_begin (store, error))
    return FALSE;
  if ((items = sec_agenda_list_items (store, meeting_id, error)) == NULL)
    goto fail;

  for (guint i = 0; i < items->len; i++)
    if (sec_record_get_id (g_ptr_array_index (items, i)) == item_id)
      from = i;
  g_assert (from != G_MAXUINT);
  index = MIN (index, items->len - 1);

  if (from != index)
    {
      SecRecord *moved = g_ptr_array_steal_index (items, from);

      g_ptr_array_insert (items, (int) index, moved);
    }
  for (guint i = 0; i < items->len; i++)
    {
      SecRecord *it = g_ptr_array_index (items, i);

      if (sec_record_get_int (it, "position") == (int) i + 1)
        continue;
      sec_record_set_int (it, "position", (int) i + 1);
      if (!sec_store_update (store, it, error))
        goto fail;
    }
  if (from != index && !sec_agenda_note_change (store, meeting_id, error))
    goto fail;
  return sec_store_commit_or_rollback (store, error);

fail:
  sec_store_rollback (store);
  return FALSE;
}

char *
sec_agenda_format_state (const char *status,
                         int         version)
{
  if (g_strcmp0 (status, "final") == 0)
    /* TRANSLATORS: the state of an agenda: "Final, version 2" */
    return g_strdup_printf (_("Final, version %d"), MAX (version, 1));
  if (version > 0)
    /* TRANSLATORS: an agenda being changed after its final version 2 */
    return g_strdup_printf (_("Draft, after version %d"), version);
  return g_strdup (_("Draft"));
}

char *
sec_agenda_format_duration (int minutes)
{
  int h = minutes / 60, m = minutes % 60;

  if (h == 0)
    /* TRANSLATORS: a duration in minutes */
    return g_strdup_printf (_("%d min"), m);
  if (m == 0)
    /* TRANSLATORS: a duration in hours */
    return g_strdup_printf (_("%d h"), h);
  /* TRANSLATORS: a duration in hours and minutes */
  return g_strdup_printf (_("%d h %d min"), h, m);
}
