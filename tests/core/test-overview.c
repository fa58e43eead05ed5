/* test-overview.c: what needs attention, on the demo data seen from fixed
 * days: the next meetings with those who have not answered and the needs
 * to arrange, an agenda in draft close to its meeting, a call closing and
 * one whose applications wait, action points due or overdue, and the
 * commitments of joint statements not done this year. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/overview/sec-overview.h"
#include "core/store/sec-records.h"
#include "sec-test-util.h"

typedef struct {
  char     *dir;
  SecStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sec_test_make_tmp_dir ("test-overview-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

static GPtrArray *
collect (Fixture    *f,
         const char *today)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = sec_overview_collect (f->store, today, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      SecOverviewItem *item = g_ptr_array_index (items, i);

      g_test_message ("%d %s %" G_GINT64_FORMAT " | %s | %s | %s%s", item->section, item->kind, item->id,
                      item->title, item->detail, item->date ? item->date : "-", item->urgent ? " !" : "");
    }
  return items;
}

/* The items of @section, in order. */
static GPtrArray *
in_section (GPtrArray          *items,
            SecOverviewSection  section)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    if (((SecOverviewItem *) g_ptr_array_index (items, i))->section == section)
      g_ptr_array_add (found, g_ptr_array_index (items, i));
  return found;
}

static SecOverviewItem *
item_at (GPtrArray *items,
         guint      i)
{
  g_assert_cmpuint (i, <, items->len);
  return g_ptr_array_index (items, i);
}

/* A call of the Platform with @n applications still pending. */
static void
add_call (Fixture    *f,
          const char *title,
          const char *deadline,
          const char *status,
          guint       n)
{
  g_autoptr(SecRecord) body = sec_test_find_one (f->store, SEC_TYPE_BODY, "acronym", "Civil Society Platform");
  g_autofree char *body_id = sec_test_id_text (sec_record_get_id (body));
  gint64 call = sec_test_insert (f->store, SEC_TYPE_CALL, "title", title, "body", body_id, "deadline", deadline,
                                 "status", status, NULL);
  g_autofree char *call_id = sec_test_id_text (call);
  g_autoptr(GPtrArray) organisations = sec_store_list (f->store, SEC_TYPE_ORGANISATION, NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *org = sec_test_id_text (sec_record_get_id (g_ptr_array_index (organisations, i)));

      sec_test_insert (f->store, SEC_TYPE_APPLICATION, "call", call_id, "organisation", org, NULL);
    }
}

/* A week before the joint meeting of 2027. */
static void
test_before_meeting (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) closing = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GPtrArray) proposals = NULL;

  add_call (f, "2027 call for child rights organisations", "2027-05-15T12:00", "open", 1);
  add_call (f, "2027 call for organisations in the Western Balkans", "2027-04-01T17:00", "closed", 2);
  add_call (f, "A call to be published", "2027-05-20T12:00", "draft", 0);

  items = collect (f, "2027-05-12");
  meetings = in_section (items, SEC_OVERVIEW_NEXT_MEETINGS);
  drafts = in_section (items, SEC_OVERVIEW_DRAFT_AGENDAS);
  closing = in_section (items, SEC_OVERVIEW_CALLS_CLOSING);
  proposals = in_section (items, SEC_OVERVIEW_CALLS_FOR_PROPOSALS_CLOSING);
  waiting = in_section (items, SEC_OVERVIEW_APPLICATIONS_WAITING);
  points = in_section (items, SEC_OVERVIEW_ACTION_POINTS_DUE);
  commitments = in_section (items, SEC_OVERVIEW_COMMITMENTS_DUE);

  /* The joint meeting: who has not answered, whose needs to arrange. */
  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_cmpstr (item_at (meetings, 0)->kind, ==, "meeting");
  g_assert_cmpint (item_at (meetings, 0)->id, ==, 3);
  g_assert_cmpstr (item_at (meetings, 0)->detail, ==, "In 7 days · 4 have not answered · 3 with needs to arrange");
  g_assert_true (item_at (meetings, 0)->urgent);
  /* Its agenda is still in draft. */
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (item_at (drafts, 0)->detail, ==, "Agenda in draft · In 7 days");

  /* The open call closing in three days; the draft one is not listed. */
  g_assert_cmpuint (closing->len, ==, 1);
  g_assert_cmpstr (item_at (closing, 0)->title, ==, "2027 call for child rights organisations");
  g_assert_cmpstr (item_at (closing, 0)->detail, ==, "Closes: In 3 days · applications so far: 1");
  g_assert_cmpstr (item_at (closing, 0)->date, ==, "2027-05-15");
  g_assert_true (item_at (closing, 0)->urgent);
  /* Nothing yet for calls for proposals. */
  g_assert_cmpuint (proposals->len, ==, 0);
  /* The closed call's two applications wait; the demo's are decided. */
  g_assert_cmpuint (waiting->len, ==, 1);
  g_assert_cmpstr (item_at (waiting, 0)->detail, ==, "2 applications wait for a decision");

  /* The three open action points, overdue, oldest first, opening their
   * meeting. */
  g_assert_cmpuint (points->len, ==, 3);
  g_assert_cmpstr (item_at (points, 0)->title, ==, "Collect examples of housing conditions of seasonal workers");
  g_assert_cmpstr (item_at (points, 0)->kind, ==, "meeting");
  g_assert_cmpint (item_at (points, 0)->id, ==, 2);
  g_assert_true (item_at (points, 0)->urgent);
  g_assert_true (g_str_has_prefix (item_at (points, 2)->detail, "The secretariat · overdue, 58 days ago · "));

  /* The 2018 statement: nothing followed up in 2027 yet. */
  g_assert_cmpuint (commitments->len, ==, 1);
  g_assert_cmpstr (item_at (commitments, 0)->kind, ==, "statement");
  g_assert_cmpstr (item_at (commitments, 0)->detail, ==, "50 of 50 not done in 2027");

  /* In section order. */
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpint (item_at (items, i - 1)->section, <=, item_at (items, i)->section);
}

/* Half a year before: the meeting far off, its agenda not yet a concern;
 * action points due soon, not yet overdue. */
static void
test_months_before (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) items = collect (f, "2026-02-20");
  g_autoptr(GPtrArray) meetings = in_section (items, SEC_OVERVIEW_NEXT_MEETINGS);
  g_autoptr(GPtrArray) drafts = in_section (items, SEC_OVERVIEW_DRAFT_AGENDAS);
  g_autoptr(GPtrArray) points = in_section (items, SEC_OVERVIEW_ACTION_POINTS_DUE);

  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_false (item_at (meetings, 0)->urgent);
  g_assert_cmpuint (drafts->len, ==, 0);
  /* Due in eight days: listed, not overdue; the March one not yet. */
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpstr (item_at (points, 0)->detail, ==,
                   "Fundación Camino Libre · due: In 8 days · "
                   "Meeting of the EU Civil Society Platform against trafficking in human beings");
  g_assert_false (item_at (points, 0)->urgent);
}

/* Calls for proposals closing soon: the demo's have all closed; one closing
 * in ten days at 17:00 Brussels time is listed, one in three months not. */
static void
test_calls_for_proposals (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) programmes = sec_store_list (f->store, SEC_TYPE_PROGRAMME, NULL, NULL);
  g_autofree char *programme = sec_test_id_text (sec_record_get_id (g_ptr_array_index (programmes, 0)));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  gint64 soon;

  g_assert_cmpuint (programmes->len, >, 0);
  items = collect (f, "2027-03-01");
  calls = in_section (items, SEC_OVERVIEW_CALLS_FOR_PROPOSALS_CLOSING);
  g_assert_cmpuint (calls->len, ==, 0);
  g_clear_pointer (&calls, g_ptr_array_unref);
  g_clear_pointer (&items, g_ptr_array_unref);

  soon = sec_test_insert (f->store, SEC_TYPE_FUNDING_CALL, "title", "Support to victims", "programme", programme,
                          "deadline", "2027-03-11T17:00", NULL);
  sec_test_insert (f->store, SEC_TYPE_FUNDING_CALL, "title", "Prevention", "programme", programme,
                   "deadline", "2027-06-01T17:00", NULL);
  items = collect (f, "2027-03-01");
  calls = in_section (items, SEC_OVERVIEW_CALLS_FOR_PROPOSALS_CLOSING);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpstr (item_at (calls, 0)->kind, ==, "funding-call");
  g_assert_cmpint (item_at (calls, 0)->id, ==, soon);
  g_assert_cmpstr (item_at (calls, 0)->title, ==, "Support to victims");
  g_assert_cmpstr (item_at (calls, 0)->date, ==, "2027-03-11");
  g_assert_false (item_at (calls, 0)->urgent);
  g_clear_pointer (&calls, g_ptr_array_unref);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Within a week it stands out. */
  items = collect (f, "2027-03-08");
  calls = in_section (items, SEC_OVERVIEW_CALLS_FOR_PROPOSALS_CLOSING);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_true (item_at (calls, 0)->urgent);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/overview/before-meeting", Fixture, NULL, fixture_setup, test_before_meeting, fixture_teardown);
  g_test_add ("/overview/months-before", Fixture, NULL, fixture_setup, test_months_before, fixture_teardown);
  g_test_add ("/overview/calls-for-proposals", Fixture, NULL, fixture_setup, test_calls_for_proposals, fixture_teardown);

  return g_test_run ();
}
