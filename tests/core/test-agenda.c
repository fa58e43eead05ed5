/* test-agenda.c: the timing of an agenda (computed and fixed starts,
 * overlaps, days, overrun), its draft/final state and version, reordering,
 * and the rotation of Council Presidencies. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "core/meetings/sec-agenda.h"
#include "core/base/sec-countries.h"
#include "core/meetings/sec-presidencies.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef SecTestStoreFixture Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sec_test_store_fixture_setup (f, "test-agenda-XXXXXX", "test.db");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  sec_test_store_fixture_clear (f);
}

/* "HH:MM" of a slot's start or end. */
static char *
hm (GDateTime *dt)
{
  return g_date_time_format (dt, "%H:%M");
}

static void
assert_slot (SecAgendaTiming *t,
             guint            i,
             const char      *start,
             const char      *end)
{
  g_autofree char *s = hm (t->slots[i].starts);
  g_autofree char *e = hm (t->slots[i].ends);

  g_assert_cmpstr (s, ==, start);
  g_assert_cmpstr (e, ==, end);
}

static SecRecord *
get_meeting (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  SecRecord *meeting = sec_store_get (f->store, SEC_TYPE_MEETING, id, &error);

  g_assert_no_error (error);
  return meeting;
}

/* Computed starts: each item after the previous one, from the meeting's
 * start; breaks are not numbered. */
static void
test_computed_times (void)
{
  const SecAgendaEntry entries[] = {
    { 1, "item", 15, NULL },
    { 2, "item", 45, NULL },
    { 3, "break", 20, NULL },
    { 4, "signing", 30, "" },
    { 5, "lunch", 60, NULL },
    { 6, "item", 90, NULL },
  };
  g_autoptr(SecAgendaTiming) t =
    sec_agenda_timing_compute_entries ("2018-06-13T09:30", "2018-06-13T17:00", "Europe/Brussels",
                                       entries, G_N_ELEMENTS (entries));

  g_assert_nonnull (t);
  g_assert_cmpuint (t->n_slots, ==, 6);
  assert_slot (t, 0, "09:30", "09:45");
  assert_slot (t, 1, "09:45", "10:30");
  assert_slot (t, 2, "10:30", "10:50");
  assert_slot (t, 3, "10:50", "11:20");
  assert_slot (t, 4, "11:20", "12:20");
  assert_slot (t, 5, "12:20", "13:50");
  g_assert_cmpuint (t->slots[0].number, ==, 1);
  g_assert_cmpuint (t->slots[1].number, ==, 2);
  g_assert_cmpuint (t->slots[2].number, ==, 0);
  g_assert_cmpuint (t->slots[3].number, ==, 3);
  g_assert_cmpuint (t->slots[4].number, ==, 0);
  g_assert_cmpuint (t->slots[5].number, ==, 4);
  g_assert_cmpint (t->total_minutes, ==, 260);
  {
    g_autofree char *end = hm (t->planned_end);

    g_assert_cmpstr (end, ==, "13:50");
  }
  g_assert_false (t->overrun);
  g_assert_cmpint (t->overrun_minutes, ==, 0);
  g_assert_false (t->has_overlaps);
  for (guint i = 0; i < t->n_slots; i++)
    {
      g_assert_false (t->slots[i].fixed);
      g_assert_false (t->slots[i].overruns);
      g_assert_cmpuint (t->slots[i].day, ==, 0);
      g_assert_cmpint (t->slots[i].item_id, ==, (gint64) i + 1);
    }
  /* In the meeting's zone, whatever the process's. */
  g_assert_cmpint (g_date_time_get_utc_offset (t->slots[0].starts), ==, 2 * G_TIME_SPAN_HOUR);
}

/* A fixed start leaves a gap after an earlier end, and the next items
 * follow it. */
static void
test_fixed_times (void)
{
  const SecAgendaEntry entries[] = {
    { 1, "item", 30, NULL },
    { 2, "item", 30, "11:00" },
    { 3, "item", 45, NULL },
    { 4, "lunch", 60, "13:00" },
    { 5, "item", 30, NULL },
  };
  g_autoptr(SecAgendaTiming) t =
    sec_agenda_timing_compute_entries ("2018-06-13T09:30", "2018-06-13T17:00", "Europe/Brussels",
                                       entries, G_N_ELEMENTS (entries));

  assert_slot (t, 0, "09:30", "10:00");
  assert_slot (t, 1, "11:00", "11:30");
  assert_slot (t, 2, "11:30", "12:15");
  assert_slot (t, 3, "13:00", "14:00");
  assert_slot (t, 4, "14:00", "14:30");
  g_assert_false (t->slots[0].fixed);
  g_assert_true (t->slots[1].fixed);
  g_assert_true (t->slots[3].fixed);
  g_assert_false (t->has_overlaps);
  /* The durations, not the span with its gaps. */
  g_assert_cmpint (t->total_minutes, ==, 195);
}

/* A fixed start before the previous item ends, on the meeting's only day,
 * overlaps it: flagged, and the following item waits for both. */
static void
test_overlap (void)
{
  const SecAgendaEntry entries[] = {
    { 1, "item", 90, NULL },
    { 2, "item", 10, "10:30" },
    { 3, "item", 15, NULL },
  };
  g_autoptr(SecAgendaTiming) t =
    sec_agenda_timing_compute_entries ("2018-06-13T09:30", "2018-06-13T17:00", "Europe/Brussels",
                                       entries, G_N_ELEMENTS (entries));

  assert_slot (t, 0, "09:30", "11:00");
  assert_slot (t, 1, "10:30", "10:40");
  assert_slot (t, 2, "11:00", "11:15");
  g_assert_true (t->slots[1].overlaps);
  g_assert_false (t->slots[0].overlaps);
  g_assert_false (t->slots[2].overlaps);
  g_assert_true (t->has_overlaps);
  g_assert_cmpuint (t->slots[1].day, ==, 0);
}

/* On a meeting of two days, a morning start after an afternoon is the
 * next day. */
static void
test_next_day (void)
{
  const SecAgendaEntry entries[] = {
    { 1, "item", 240, NULL },
    { 2, "item", 180, "13:00" },
    { 3, "item", 60, "09:00" },
    { 4, "item", 30, NULL },
  };
  g_autoptr(SecAgendaTiming) t =
    sec_agenda_timing_compute_entries ("2018-06-13T09:00", "2018-06-14T13:00", "Europe/Brussels",
                                       entries, G_N_ELEMENTS (entries));
  g_autofree char *day = g_date_time_format (t->slots[2].starts, "%Y-%m-%d");

  assert_slot (t, 1, "13:00", "16:00");
  assert_slot (t, 2, "09:00", "10:00");
  assert_slot (t, 3, "10:00", "10:30");
  g_assert_cmpstr (day, ==, "2018-06-14");
  g_assert_cmpuint (t->slots[1].day, ==, 0);
  g_assert_cmpuint (t->slots[2].day, ==, 1);
  g_assert_cmpuint (t->slots[3].day, ==, 1);
  g_assert_false (t->has_overlaps);
  g_assert_false (t->overrun);
}

/* Past the meeting's end: the agenda and the items that end late are
 * flagged, with the minutes. */
static void
test_overrun (void)
{
  const SecAgendaEntry entries[] = {
    { 1, "item", 120, NULL },
    { 2, "lunch", 60, NULL },
    { 3, "item", 100, NULL },
    { 4, "item", 25, NULL },
  };
  g_autoptr(SecAgendaTiming) t =
    sec_agenda_timing_compute_entries ("2025-11-20T09:30", "2025-11-20T14:30", "Europe/Brussels",
                                       entries, G_N_ELEMENTS (entries));
  g_autofree char *end = hm (t->planned_end);

  g_assert_cmpstr (end, ==, "14:35");
  g_assert_true (t->overrun);
  g_assert_cmpint (t->overrun_minutes, ==, 5);
  g_assert_false (t->slots[2].overruns);  /* ends 14:20 */
  g_assert_true (t->slots[3].overruns);   /* ends 14:35 */
  /* Winter time in Brussels. */
  g_assert_cmpint (g_date_time_get_utc_offset (t->slots[0].starts), ==, G_TIME_SPAN_HOUR);

  /* Exactly at the end is not an overrun. */
  {
    const SecAgendaEntry fits[] = { { 1, "item", 300, NULL } };
    g_autoptr(SecAgendaTiming) t2 =
      sec_agenda_timing_compute_entries ("2025-11-20T09:30", "2025-11-20T14:30", "Europe/Brussels", fits, 1);

    g_assert_false (t2->overrun);
    g_assert_false (t2->slots[0].overruns);
  }
  /* No items: the meeting's start, and no overrun. */
  {
    g_autoptr(SecAgendaTiming) t3 =
      sec_agenda_timing_compute_entries ("2025-11-20T09:30", "2025-11-20T14:30", "Europe/Brussels", NULL, 0);
    g_autofree char *start = hm (t3->planned_end);

    g_assert_cmpstr (start, ==, "09:30");
    g_assert_false (t3->overrun);
  }
  g_assert_null (sec_agenda_timing_compute_entries ("not a date", NULL, NULL, NULL, 0));
}

/* From records, in the store's order. */
static void
test_from_records (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "Plenary", "starts-at", "2018-06-13T09:30",
                           "ends-at", "2018-06-13T11:00", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting);
  g_autoptr(SecRecord) m = get_meeting (f, meeting);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SecAgendaTiming) t = NULL;

  sec_test_insert (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", id, "position", "2", "title", "Second", "duration", "40", NULL);
  sec_test_insert (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", id, "position", "1", "title", "First", "duration", "20", NULL);
  sec_test_insert (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", id, "position", "3", "title", "Third", "duration", "45",
          "fixed-start", "10:15", NULL);

  items = sec_agenda_list_items (f->store, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (items, 0), "title"), ==, "First");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (items, 2), "title"), ==, "Third");

  t = sec_agenda_timing_compute (m, items);
  assert_slot (t, 0, "09:30", "09:50");
  assert_slot (t, 1, "09:50", "10:30");
  assert_slot (t, 2, "10:15", "11:00");
  g_assert_true (t->slots[2].overlaps);
  g_assert_false (t->overrun);
  g_assert_cmpint (t->slots[0].item_id, ==, sec_record_get_id (g_ptr_array_index (items, 0)));
}

/* Draft changes leave the version; final makes version 1; each change
 * after that raises it; back to draft keeps it; final again is the next. */
static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "Plenary", "starts-at", "2018-06-13T09:30",
                      "ends-at", "2018-06-13T17:00", NULL);
  struct {
    const char *action;
    const char *status;
    int         version;
  } steps[] = {
    { "change", "draft", 0 },
    { "change", "draft", 0 },
    { "final", "final", 1 },
    { "final", "final", 1 },   /* already final: nothing */
    { "change", "final", 2 },
    { "change", "final", 3 },
    { "draft", "draft", 3 },
    { "change", "draft", 3 },
    { "final", "final", 4 },
    { "change", "final", 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(SecRecord) m = NULL;

      if (g_str_equal (steps[i].action, "change"))
        sec_agenda_note_change (f->store, id, &error);
      else
        sec_agenda_set_final (f->store, id, g_str_equal (steps[i].action, "final"), &error);
      g_assert_no_error (error);
      m = get_meeting (f, id);
      g_assert_cmpstr (sec_record_get_string (m, "agenda-status"), ==, steps[i].status);
      g_assert_cmpint (sec_record_get_int (m, "agenda-version"), ==, steps[i].version);
    }

  /* A change in a transaction that is rolled back leaves the version. */
  g_assert_true (sec_store_begin (f->store, &error));
  g_assert_true (sec_agenda_note_change (f->store, id, &error));
  sec_store_rollback (f->store);
  {
    g_autoptr(SecRecord) m = get_meeting (f, id);

    g_assert_cmpint (sec_record_get_int (m, "agenda-version"), ==, 5);
  }

  g_assert_false (sec_agenda_note_change (f->store, id + 100, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autofree char *draft = sec_agenda_format_state ("draft", 0);
    g_autofree char *final = sec_agenda_format_state ("final", 2);
    g_autofree char *after = sec_agenda_format_state ("draft", 3);

    g_assert_cmpstr (draft, ==, "Draft");
    g_assert_cmpstr (final, ==, "Final, version 2");
    g_assert_cmpstr (after, ==, "Draft, after version 3");
  }
}

/* Moving an item renumbers the positions and, once final, raises the
 * version once. */
static void
test_move_item (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "Plenary", "starts-at", "2018-06-13T09:30",
                           "ends-at", "2018-06-13T17:00", NULL);
  g_autofree char *mid = g_strdup_printf ("%" G_GINT64_FORMAT, meeting);
  const char *titles[] = { "A", "B", "C", "D" };
  gint64 ids[4];

  for (guint i = 0; i < 4; i++)
    ids[i] = sec_test_insert (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", mid, "position", "1", "title", titles[i], NULL);
  sec_agenda_set_final (f->store, meeting, TRUE, &error);
  g_assert_no_error (error);

  /* D to the top (Alt+Up three times, or a drag). */
  g_assert_true (sec_agenda_move_item (f->store, ids[3], 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) items = sec_agenda_list_items (f->store, meeting, &error);
    const char *expected[] = { "D", "A", "B", "C" };

    for (guint i = 0; i < 4; i++)
      {
        g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (items, i), "title"), ==, expected[i]);
        g_assert_cmpint (sec_record_get_int (g_ptr_array_index (items, i), "position"), ==, (int) i + 1);
      }
  }
  {
    g_autoptr(SecRecord) m = get_meeting (f, meeting);

    g_assert_cmpint (sec_record_get_int (m, "agenda-version"), ==, 2);
  }

  /* Past the end: the last place. Where it already is: no new version. */
  g_assert_true (sec_agenda_move_item (f->store, ids[0], 99, &error));
  g_assert_true (sec_agenda_move_item (f->store, ids[0], 3, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) items = sec_agenda_list_items (f->store, meeting, &error);
    g_autoptr(SecRecord) m = get_meeting (f, meeting);
    const char *expected[] = { "D", "B", "C", "A" };

    for (guint i = 0; i < 4; i++)
      g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (items, i), "title"), ==, expected[i]);
    g_assert_cmpint (sec_record_get_int (m, "agenda-version"), ==, 3);
  }
}

static void
test_format_duration (void)
{
  const struct {
    int         minutes;
    const char *text;
  } cases[] = {
    { 0, "0 min" }, { 45, "45 min" }, { 60, "1 h" }, { 90, "1 h 30 min" }, { 480, "8 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sec_agenda_format_duration (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The shipped rotation, and the user's corrections kept in the database. */
static void
test_presidencies (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shipped = sec_presidencies_list (NULL, &error);
  const struct {
    const char *date;
    const char *country;
  } known[] = {
    { "2018-06-13", "BG" },          /* the signing of the 2018 Joint Statement */
    { "2018-06-30", "BG" },
    { "2018-07-01", "AT" },
    { "2017-09-01", "EE" },          /* in place of the United Kingdom */
    { "2024-03-01T10:00", "BE" },
    { "2025-11-20", "DK" },
    { "2027-05-19", "LT" },
    { "2030-12-31", "MT" },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (shipped->len, ==, 48);
  for (guint i = 1; i < shipped->len; i++)
    {
      SecPresidency *prev = g_ptr_array_index (shipped, i - 1);
      SecPresidency *p = g_ptr_array_index (shipped, i);
      g_autoptr(GDateTime) end = NULL;
      g_autoptr(GDateTime) next = NULL;
      g_autofree char *next_day = NULL;
      int y, m, d;

      /* Each half-year follows the last without a gap. */
      g_assert_cmpint (sscanf (prev->ends_on, "%d-%d-%d", &y, &m, &d), ==, 3);
      end = g_date_time_new_utc (y, m, d, 0, 0, 0);
      next = g_date_time_add_days (end, 1);
      next_day = g_date_time_format (next, "%Y-%m-%d");
      g_assert_cmpstr (next_day, ==, p->starts_on);
      g_assert_false (p->edited);
      g_assert_true (sec_country_is_eu (p->country));
    }
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *country = sec_presidencies_lookup (f->store, known[i].date);

      g_assert_cmpstr (country, ==, known[i].country);
    }
  g_assert_null (sec_presidencies_lookup (f->store, "2031-03-01"));
  g_assert_null (sec_presidencies_lookup (f->store, "2006-03-01"));
  g_assert_null (sec_presidencies_lookup (f->store, "nonsense"));

  /* A Presidency decided later, and a correction of a shipped one. */
  g_assert_true (sec_presidencies_set (f->store, "2031-01-01", "2031-06-30", "CY", &error));
  g_assert_true (sec_presidencies_set (f->store, "2018-01-01", "2018-06-30", "AT", &error));
  g_assert_no_error (error);
  {
    g_autofree char *later = sec_presidencies_lookup (f->store, "2031-03-01");
    g_autofree char *corrected = sec_presidencies_lookup (f->store, "2018-06-13");
    g_autoptr(GPtrArray) all = sec_presidencies_list (f->store, &error);
    guint n_edited = 0;

    g_assert_cmpstr (later, ==, "CY");
    g_assert_cmpstr (corrected, ==, "AT");
    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 49);
    for (guint i = 0; i < all->len; i++)
      n_edited += ((SecPresidency *) g_ptr_array_index (all, i))->edited;
    g_assert_cmpuint (n_edited, ==, 2);
  }

  /* Kept in the database file. */
  g_clear_object (&f->store);
  f->store = sec_store_open (f->path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *later = sec_presidencies_lookup (f->store, "2031-03-01");

    g_assert_cmpstr (later, ==, "CY");
  }

  /* Refused: a reversed period, an unknown country. */
  g_assert_false (sec_presidencies_set (f->store, "2032-06-30", "2032-01-01", "FR", &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sec_presidencies_set (f->store, "2032-01-01", "2032-06-30", "XX", &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The proposal for a meeting's co-chair. */
  {
    gint64 id = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "NREM", "starts-at", "2031-05-19T09:30",
                        "ends-at", "2031-05-19T17:00", NULL);
    g_autoptr(SecRecord) meeting = get_meeting (f, id);
    g_autofree char *co_chair = sec_presidencies_propose_co_chair (f->store, meeting);

    g_assert_cmpstr (co_chair, ==, "Cyprus (Presidency of the Council of the EU)");
  }

  /* Back to the shipped rotation. */
  g_assert_true (sec_presidencies_reset (f->store, "2018-01-01", &error));
  {
    g_autofree char *bg = sec_presidencies_lookup (f->store, "2018-06-13");
    g_autofree char *later = sec_presidencies_lookup (f->store, "2031-03-01");

    g_assert_cmpstr (bg, ==, "BG");
    g_assert_cmpstr (later, ==, "CY");
  }
  g_assert_true (sec_presidencies_reset (f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (sec_presidencies_lookup (f->store, "2031-03-01"));
  {
    g_autofree char *value = sec_store_get_setting (f->store, "council-presidencies");

    g_assert_null (value);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agenda/computed-times", test_computed_times);
  g_test_add_func ("/agenda/fixed-times", test_fixed_times);
  g_test_add_func ("/agenda/overlap", test_overlap);
  g_test_add_func ("/agenda/next-day", test_next_day);
  g_test_add_func ("/agenda/overrun", test_overrun);
  g_test_add_func ("/agenda/format-duration", test_format_duration);
  g_test_add ("/agenda/from-records", Fixture, NULL, fixture_setup, test_from_records, fixture_teardown);
  g_test_add ("/agenda/version", Fixture, NULL, fixture_setup, test_version, fixture_teardown);
  g_test_add ("/agenda/move-item", Fixture, NULL, fixture_setup, test_move_item, fixture_teardown);
  g_test_add ("/agenda/presidencies", Fixture, NULL, fixture_setup, test_presidencies, fixture_teardown);

  return g_test_run ();
}
