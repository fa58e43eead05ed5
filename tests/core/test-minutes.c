/* test-minutes.c: the minutes of an agenda item, action points (checks,
 * closing dates, order), the points carried onto the next meeting of the
 * same bodies, and the agenda item that follows them up. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/meetings/sec-action-points.h"
#include "core/meetings/sec-agenda.h"
#include "core/meetings/sec-minutes.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  SecTestStoreFixture s;
  gint64 platform, nrem;
  gint64 person, organisation;
  gint64 past, past_other_body, current, later;  /* meetings */
  gint64 past_item, current_opening, current_second;
} Fixture;

static gint64
add_meeting (Fixture    *f,
             const char *title,
             const char *starts_at,
             const char *ends_at,
             gint64      body)
{
  g_autofree char *body_id = sec_test_id_text (body);
  gint64 id = sec_test_insert (f->s.store, SEC_TYPE_MEETING, "title", title, "starts-at", starts_at,
                               "ends-at", ends_at, NULL);
  g_autofree char *meeting_id = sec_test_id_text (id);

  sec_test_insert (f->s.store, SEC_TYPE_MEETING_BODY, "meeting", meeting_id, "body", body_id, NULL);
  return id;
}

static gint64
add_item (Fixture    *f,
          gint64      meeting,
          const char *position,
          const char *title)
{
  g_autofree char *meeting_id = sec_test_id_text (meeting);

  return sec_test_insert (f->s.store, SEC_TYPE_AGENDA_ITEM, "meeting", meeting_id, "position", position,
                          "title", title, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sec_test_store_fixture_setup (&f->s, "test-minutes-XXXXXX", "test.db");
  f->platform = sec_test_insert (f->s.store, SEC_TYPE_BODY, "name", "EU Civil Society Platform", NULL);
  f->nrem = sec_test_insert (f->s.store, SEC_TYPE_BODY, "name", "Network of National Rapporteurs", NULL);
  f->organisation = sec_test_insert (f->s.store, SEC_TYPE_ORGANISATION, "name", "Europol", "acronym", "Europol", NULL);
  f->person = sec_test_insert (f->s.store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Müller", NULL);
  f->past = add_meeting (f, "Plenary 2025", "2025-05-20T09:30", "2025-05-20T17:00", f->platform);
  f->past_other_body = add_meeting (f, "NREM 2025", "2025-06-20T09:30", "2025-06-20T17:00", f->nrem);
  f->current = add_meeting (f, "Plenary 2026", "2026-11-24T09:30", "2026-11-24T17:00", f->platform);
  f->later = add_meeting (f, "Plenary 2027", "2027-05-20T09:30", "2027-05-20T17:00", f->platform);
  f->past_item = add_item (f, f->past, "1", "Trafficking for labour exploitation");
  f->current_opening = add_item (f, f->current, "1", "Welcome and adoption of the agenda");
  f->current_second = add_item (f, f->current, "2", "Presentation of the new EU Strategy");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->s.store);
  sec_test_store_fixture_clear (&f->s);
}

/* (transfer full): a new action point of @meeting, not saved. */
static SecRecord *
new_point (gint64      meeting,
           const char *what,
           const char *due_on)
{
  SecRecord *point = sec_record_new (SEC_TYPE_ACTION_POINT);

  sec_record_set_ref (point, "meeting", meeting);
  sec_record_set_string (point, "what", what);
  sec_record_set_string (point, "due-on", due_on);
  return point;
}

static gint64
save_point (Fixture    *f,
            gint64      meeting,
            const char *what,
            const char *due_on)
{
  g_autoptr(SecRecord) point = new_point (meeting, what, due_on);
  g_autoptr(GError) error = NULL;

  g_assert_true (sec_action_point_save (f->s.store, point, "2026-12-06", &error));
  g_assert_no_error (error);
  return sec_record_get_id (point);
}

static void
test_minutes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) minutes = NULL;
  g_autoptr(GPtrArray) all = NULL;

  /* None yet, without an error. */
  minutes = sec_minutes_get_for_item (f->s.store, f->current_second, &error);
  g_assert_no_error (error);
  g_assert_null (minutes);

  g_assert_true (sec_minutes_save (f->s.store, f->current_second, "  The Commission presented the Strategy.\n",
                                   "The Platform will comment by January.", &error));
  g_assert_no_error (error);
  minutes = sec_minutes_get_for_item (f->s.store, f->current_second, &error);
  g_assert_nonnull (minutes);
  g_assert_cmpstr (sec_record_get_string (minutes, "summary"), ==, "The Commission presented the Strategy.");
  g_assert_cmpstr (sec_record_get_string (minutes, "decisions"), ==, "The Platform will comment by January.");
  g_clear_object (&minutes);

  /* Changed, then the decisions emptied: one record all along. */
  g_assert_true (sec_minutes_save (f->s.store, f->current_second, "Presented.", "", &error));
  minutes = sec_minutes_get_for_item (f->s.store, f->current_second, &error);
  g_assert_cmpstr (sec_record_get_string (minutes, "summary"), ==, "Presented.");
  g_assert_null (sec_record_get_string (minutes, "decisions"));
  g_assert_cmpint (sec_store_count (f->s.store, SEC_TYPE_MINUTES, NULL, NULL), ==, 1);
  g_clear_object (&minutes);

  g_assert_true (sec_minutes_save (f->s.store, f->current_opening, "Agenda adopted.", NULL, &error));
  all = sec_minutes_list_for_meeting (f->s.store, f->current, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = sec_minutes_list_for_meeting (f->s.store, f->past, &error);
  g_assert_cmpuint (all->len, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Both blank: the minutes go. */
  g_assert_true (sec_minutes_save (f->s.store, f->current_second, " ", "\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (f->s.store, SEC_TYPE_MINUTES, NULL, NULL), ==, 1);

  /* An item that does not exist: refused, nothing written. */
  g_assert_false (sec_minutes_save (f->s.store, 9999, "Text", NULL, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (sec_store_count (f->s.store, SEC_TYPE_MINUTES, NULL, NULL), ==, 1);

  /* The minutes go with their item. */
  g_assert_true (sec_store_delete (f->s.store, SEC_TYPE_AGENDA_ITEM, f->current_opening, NULL));
  g_assert_cmpint (sec_store_count (f->s.store, SEC_TYPE_MINUTES, NULL, NULL), ==, 0);
}

static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SecRecord) point = new_point (f->current, "  \n ", NULL);

    g_assert_false (sec_action_point_save (f->s.store, point, NULL, &error));
    g_assert_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Say what is to be done");
    g_clear_error (&error);
  }
  {
    g_autoptr(SecRecord) point = new_point (f->current, "Send the report", "2026-02-30");

    g_assert_false (sec_action_point_save (f->s.store, point, NULL, &error));
    g_assert_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "2026-02-30"));
    g_clear_error (&error);
  }
  {
    g_autoptr(SecRecord) point = new_point (f->current, "Send the report", "2026-12-31");

    sec_record_set_string (point, "owner", "person");
    g_assert_false (sec_action_point_save (f->s.store, point, NULL, &error));
    g_assert_cmpstr (error->message, ==, "Choose the person who is to do it");
    g_clear_error (&error);
    sec_record_set_string (point, "owner", "organisation");
    g_assert_false (sec_action_point_save (f->s.store, point, NULL, &error));
    g_assert_cmpstr (error->message, ==, "Choose the organisation that is to do it");
    g_clear_error (&error);
  }
  g_assert_cmpint (sec_store_count (f->s.store, SEC_TYPE_ACTION_POINT, NULL, NULL), ==, 0);

  /* The owner decides which name is kept. */
  {
    g_autoptr(SecRecord) point = new_point (f->current, "Send the report", "2026-12-31");
    g_autoptr(SecRecord) back = NULL;
    g_autofree char *owner = NULL;

    sec_record_set_string (point, "owner", "organisation");
    sec_record_set_ref (point, "organisation", f->organisation);
    sec_record_set_ref (point, "person", f->person);
    g_assert_true (sec_action_point_save (f->s.store, point, NULL, &error));
    g_assert_no_error (error);
    back = sec_store_get (f->s.store, SEC_TYPE_ACTION_POINT, sec_record_get_id (point), &error);
    g_assert_cmpint (sec_record_get_ref (back, "person"), ==, 0);
    owner = sec_action_point_dup_owner (back);
    g_assert_cmpstr (owner, ==, "Europol");
  }
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = save_point (f, f->current, "Circulate the minutes", "2026-12-15");
  g_autoptr(SecRecord) point = NULL;

  point = sec_store_get (f->s.store, SEC_TYPE_ACTION_POINT, id, NULL);
  g_assert_cmpstr (sec_record_get_string (point, "status"), ==, "open");
  g_assert_null (sec_record_get_string (point, "closed-on"));
  g_assert_false (sec_action_point_is_due (point, "2026-12-14"));
  g_assert_true (sec_action_point_is_due (point, "2026-12-15"));
  g_assert_true (sec_action_point_is_due (point, "2027-01-10"));
  g_clear_object (&point);

  g_assert_true (sec_action_point_set_status (f->s.store, id, "done", "2026-12-10", &error));
  g_assert_no_error (error);
  point = sec_store_get (f->s.store, SEC_TYPE_ACTION_POINT, id, NULL);
  g_assert_cmpstr (sec_record_get_string (point, "status"), ==, "done");
  g_assert_cmpstr (sec_record_get_string (point, "closed-on"), ==, "2026-12-10");
  g_assert_false (sec_action_point_is_due (point, "2027-01-10"));
  g_clear_object (&point);

  /* Open again: no closing date; dropped later: the new day. */
  g_assert_true (sec_action_point_set_status (f->s.store, id, "open", "2026-12-11", &error));
  point = sec_store_get (f->s.store, SEC_TYPE_ACTION_POINT, id, NULL);
  g_assert_null (sec_record_get_string (point, "closed-on"));
  g_clear_object (&point);
  g_assert_true (sec_action_point_set_status (f->s.store, id, "dropped", "2026-12-12", &error));
  point = sec_store_get (f->s.store, SEC_TYPE_ACTION_POINT, id, NULL);
  g_assert_cmpstr (sec_record_get_string (point, "closed-on"), ==, "2026-12-12");
  g_clear_object (&point);

  g_assert_false (sec_action_point_set_status (f->s.store, id, "finished", NULL, &error));
  g_assert_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(SecRecord) a = new_point (f->current, "Of no item", NULL);
  g_autoptr(SecRecord) b = new_point (f->current, "Of the second item", NULL);
  g_autoptr(SecRecord) c = new_point (f->current, "Of the opening", NULL);

  sec_record_set_ref (b, "agenda-item", f->current_second);
  sec_record_set_ref (c, "agenda-item", f->current_opening);
  g_assert_true (sec_action_point_save (f->s.store, a, NULL, &error));
  g_assert_true (sec_action_point_save (f->s.store, b, NULL, &error));
  g_assert_true (sec_action_point_save (f->s.store, c, NULL, &error));
  g_assert_no_error (error);

  points = sec_action_points_list_for_meeting (f->s.store, f->current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 3);
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (points, 0), "what"), ==, "Of the opening");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (points, 1), "what"), ==, "Of the second item");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (points, 2), "what"), ==, "Of no item");
  g_assert_cmpstr (sec_record_get_derived (g_ptr_array_index (points, 1), "agenda-item-title"), ==,
                   "Presentation of the new EU Strategy");

  /* An item removed leaves its points to the meeting. */
  g_assert_true (sec_store_delete (f->s.store, SEC_TYPE_AGENDA_ITEM, f->current_second, &error));
  g_assert_cmpint (sec_store_count (f->s.store, SEC_TYPE_ACTION_POINT, NULL, NULL), ==, 3);
  /* A meeting removed takes them along. */
  g_assert_true (sec_store_delete (f->s.store, SEC_TYPE_MEETING, f->current, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (f->s.store, SEC_TYPE_ACTION_POINT, NULL, NULL), ==, 0);
}

static void
test_carried (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) carried = NULL;
  gint64 late = save_point (f, f->past, "Report on the pilot project", "2026-03-01");
  gint64 undated = save_point (f, f->past, "Update the list of members", NULL);
  gint64 early = save_point (f, f->past, "Send the questionnaire", "2025-09-01");
  gint64 done = save_point (f, f->past, "Publish the report", "2025-07-01");

  save_point (f, f->past_other_body, "Of another body", "2025-08-01");
  save_point (f, f->current, "Of the meeting itself", "2026-12-31");
  save_point (f, f->later, "Of a later meeting", "2027-06-01");
  g_assert_true (sec_action_point_set_status (f->s.store, done, "done", NULL, &error));

  carried = sec_action_points_list_carried (f->s.store, f->current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carried->len, ==, 3);
  g_assert_cmpint (sec_record_get_id (g_ptr_array_index (carried, 0)), ==, early);
  g_assert_cmpint (sec_record_get_id (g_ptr_array_index (carried, 1)), ==, late);
  g_assert_cmpint (sec_record_get_id (g_ptr_array_index (carried, 2)), ==, undated);
  g_assert_cmpstr (sec_record_get_derived (g_ptr_array_index (carried, 0), "meeting-title"), ==, "Plenary 2025");
  g_clear_pointer (&carried, g_ptr_array_unref);

  /* The next meeting gets those of both earlier ones. */
  carried = sec_action_points_list_carried (f->s.store, f->later, &error);
  g_assert_cmpuint (carried->len, ==, 4);
  g_clear_pointer (&carried, g_ptr_array_unref);
  /* The first meeting has nothing before it. */
  carried = sec_action_points_list_carried (f->s.store, f->past, &error);
  g_assert_cmpuint (carried->len, ==, 0);
  g_clear_pointer (&carried, g_ptr_array_unref);

  /* Across meetings: all of them, or the open ones. */
  carried = sec_action_points_list_all (f->s.store, FALSE, &error);
  g_assert_cmpuint (carried->len, ==, 7);
  g_clear_pointer (&carried, g_ptr_array_unref);
  carried = sec_action_points_list_all (f->s.store, TRUE, &error);
  g_assert_cmpuint (carried->len, ==, 6);
}

static void
test_follow_up_item (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(SecRecord) point = new_point (f->past, "Send the questionnaire\nto all members", "2025-09-01");
  gint64 id;

  /* Nothing carried: refused. */
  g_assert_cmpint (sec_action_points_add_follow_up_item (f->s.store, f->current, &error), ==, 0);
  g_assert_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  sec_record_set_string (point, "owner", "person");
  sec_record_set_ref (point, "person", f->person);
  g_assert_true (sec_action_point_save (f->s.store, point, NULL, &error));
  save_point (f, f->past, "Update the list of members", NULL);
  g_assert_true (sec_agenda_set_final (f->s.store, f->current, TRUE, &error));

  id = sec_action_points_add_follow_up_item (f->s.store, f->current, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Second, after the opening; the description lists the points. */
  items = sec_agenda_list_items (f->s.store, f->current, &error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpint (sec_record_get_id (g_ptr_array_index (items, 1)), ==, id);
  g_assert_cmpint (sec_record_get_int (g_ptr_array_index (items, 1), "position"), ==, 2);
  g_assert_cmpint (sec_record_get_int (g_ptr_array_index (items, 2), "position"), ==, 3);
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (items, 1), "title"), ==, "Follow-up of action points");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (items, 1), "description"), ==,
                   "• Send the questionnaire to all members – Anna Müller, by 1 September 2025\n"
                   "• Update the list of members – The secretariat");
  /* The final agenda has a new version. */
  meeting = sec_store_get (f->s.store, SEC_TYPE_MEETING, f->current, &error);
  g_assert_cmpint (sec_record_get_int (meeting, "agenda-version"), ==, 2);

  /* Twice: refused, nothing added. */
  g_assert_cmpint (sec_action_points_add_follow_up_item (f->s.store, f->current, &error), ==, 0);
  g_assert_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sec_agenda_list_items (f->s.store, f->current, NULL);
  g_assert_cmpuint (items->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  /* The messages and dates are checked in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/minutes/minutes", Fixture, NULL, fixture_setup, test_minutes, fixture_teardown);
  g_test_add ("/minutes/checks", Fixture, NULL, fixture_setup, test_checks, fixture_teardown);
  g_test_add ("/minutes/status", Fixture, NULL, fixture_setup, test_status, fixture_teardown);
  g_test_add ("/minutes/order", Fixture, NULL, fixture_setup, test_order, fixture_teardown);
  g_test_add ("/minutes/carried", Fixture, NULL, fixture_setup, test_carried, fixture_teardown);
  g_test_add ("/minutes/follow-up-item", Fixture, NULL, fixture_setup, test_follow_up_item, fixture_teardown);

  return g_test_run ();
}
