/* test-meeting-ui.c: a meeting's tools on the demo data: the tools widget
 * (its warnings, the co-chair proposal, its windows opened once) and its
 * place on the meeting's page, inviting the members of the bodies, a bulk
 * status change, an erased participant, the counts that must agree and the
 * languages shown by name.
 *
 * The fixture is sec-test-meeting.h's; the windows the tools open (the
 * check-in, the agenda, the export dialog and the preview) are tested in
 * test-meeting-ui-windows.c. Both programs' tests are under /meeting-ui/. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "core/base/sec-languages.h"
#include "ui/meetings/sec-agenda-window.h"
#include "core/meetings/sec-agenda.h"
#include "ui/meetings/sec-checkin-window.h"
#include "ui/meetings/sec-export-dialog.h"
#include "core/meetings/sec-invitations.h"
#include "ui/meetings/sec-invite-dialog.h"
#include "ui/meetings/sec-meeting-tools.h"
#include "ui/widgets/sec-detail-row.h"
#include "ui/widgets/sec-wrap-box.h"
#include "ui/meetings/sec-participants-window.h"
#include "ui/records/sec-record-page.h"
#include "ui/records/sec-record-row.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-meetings.h"
#include "core/store/sec-store-privacy.h"
#include "sec-test-meeting.h"
#include "sec-test-ui.h"
#include "core/store/sec-record-list.h"
#include "sec-test-util.h"

#define iterate sec_test_iterate

/* Finding widgets */

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  sec_test_collect_widgets (root, GTK_TYPE_WIDGET, FALSE, all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (all, i)), name) == 0)
      return g_ptr_array_index (all, i);
  return NULL;
}

static guint
count_windows (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l; l = l->next)
    if (G_OBJECT_TYPE (l->data) == type && gtk_widget_get_visible (l->data))
      n++;
  g_list_free (toplevels);
  return n;
}

static GtkWidget *
show_tools (SecTestMeeting *f, gint64 meeting_id)
{
  g_autoptr(SecRecord) meeting = sec_test_get_meeting (f, meeting_id);
  GtkWidget *tools = sec_meeting_tools_new (f->store, meeting);

  gtk_window_set_child (GTK_WINDOW (f->window), tools);
  iterate ();
  return tools;
}

static void
set_co_chair (SecTestMeeting *f, gint64 meeting_id, const char *co_chair)
{
  g_autoptr(SecRecord) meeting = sec_test_get_meeting (f, meeting_id);
  g_autoptr(GError) error = NULL;

  sec_record_set_string (meeting, "co-chair", co_chair);
  sec_store_update (f->store, meeting, &error);
  g_assert_no_error (error);
}

/* The tools widget */

static void
test_tools_co_chair (SecTestMeeting *f, gconstpointer data)
{
  GtkWidget *tools, *row;
  g_autoptr(SecRecord) after = NULL;

  /* The demo's co-chair of 13 June 2018 names the Presidency. */
  tools = show_tools (f, NREM_2018);
  g_assert_null (sec_meeting_tools_get_co_chair_proposal (SEC_MEETING_TOOLS (tools)));
  g_assert_null (find_named (tools, "co-chair-proposal"));

  /* Without one, Bulgaria (January to June 2018) is proposed. */
  set_co_chair (f, NREM_2018, "");
  tools = show_tools (f, NREM_2018);
  g_assert_cmpstr (sec_meeting_tools_get_co_chair_proposal (SEC_MEETING_TOOLS (tools)), ==,
                   "Bulgaria (Presidency of the Council of the EU)");
  row = find_named (tools, "co-chair-proposal");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Bulgaria (Presidency of the Council of the EU)");
  g_assert_true (g_str_has_prefix (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (row)),
                                   "Proposed co-chair: the Presidency of the Council on 13 June 2018"));

  /* "Use" sets it. */
  gtk_widget_activate_action (tools, "tools.use-co-chair", NULL);
  iterate ();
  after = sec_test_get_meeting (f, NREM_2018);
  g_assert_cmpstr (sec_record_get_string (after, "co-chair"), ==, "Bulgaria (Presidency of the Council of the EU)");
  tools = show_tools (f, NREM_2018);
  g_assert_null (find_named (tools, "co-chair-proposal"));

  /* Another Presidency entered: proposed again. */
  set_co_chair (f, NREM_2018, "Austrian Presidency");
  tools = show_tools (f, NREM_2018);
  g_assert_nonnull (find_named (tools, "co-chair-proposal"));

  /* The Platform's meeting has no co-chair from the Presidency. */
  tools = show_tools (f, PLATFORM_2025);
  g_assert_null (find_named (tools, "co-chair-proposal"));
}

static void
test_tools_warnings (SecTestMeeting *f, gconstpointer data)
{
  GtkWidget *tools, *row;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SecRecord) item = sec_record_new (SEC_TYPE_AGENDA_ITEM);

  /* The joint meeting: 15 of its 32 members have nobody invited. */
  tools = show_tools (f, JOINT_2027);
  row = find_named (tools, "uninvited-members");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "15 member organisations with nobody invited");
  g_assert_null (find_named (tools, "agenda-overrun"));

  /* The Platform's: needs recorded, every member represented. */
  tools = show_tools (f, PLATFORM_2025);
  row = find_named (tools, "needs");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "participants with needs"));
  g_assert_nonnull (sec_test_find_row (row, "Anna Müller"));

  /* An agenda past the meeting's end is flagged. */
  items = sec_agenda_list_items (f->store, NREM_2018, &error);
  g_assert_no_error (error);
  sec_record_set_ref (item, "meeting", NREM_2018);
  sec_record_set_int (item, "position", (int) items->len + 1);
  sec_record_set_string (item, "title", "Closing reception");
  sec_record_set_int (item, "duration", 45);
  sec_store_insert (f->store, item, &error);
  g_assert_no_error (error);
  tools = show_tools (f, NREM_2018);
  row = find_named (tools, "agenda-overrun");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "The agenda runs 45 min past the end of the meeting");
}

static void
test_tools_open_windows (SecTestMeeting *f, gconstpointer data)
{
  GtkWidget *tools = show_tools (f, JOINT_2027);
  const char *actions[] = { "tools.agenda", "tools.participants", "tools.check-in", "tools.export", "tools.invite" };
  GType types[] = { SEC_TYPE_AGENDA_WINDOW, SEC_TYPE_PARTICIPANTS_WINDOW, SEC_TYPE_CHECKIN_WINDOW,
                    SEC_TYPE_EXPORT_DIALOG, SEC_TYPE_INVITE_DIALOG };

  /* Each opens its window once; again brings the same one up. */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      gtk_widget_activate_action (tools, actions[i], NULL);
      iterate ();
      g_assert_cmpuint (count_windows (types[i]), ==, 1);
      gtk_widget_activate_action (tools, actions[i], NULL);
      iterate ();
      g_assert_cmpuint (count_windows (types[i]), ==, 1);
      g_assert_true (gtk_window_get_transient_for (sec_test_find_toplevel (types[i])) == GTK_WINDOW (f->window));
    }
}

static void
test_record_page_has_tools (SecTestMeeting *f, gconstpointer data)
{
  g_autoptr(SecRecord) meeting = sec_test_get_meeting (f, JOINT_2027);
  GtkWidget *page = sec_record_page_new ();

  gtk_window_set_child (GTK_WINDOW (f->window), page);
  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, meeting);
  iterate ();
  g_assert_nonnull (sec_test_find_widget (page, SEC_TYPE_MEETING_TOOLS));
}

/* The tools come first, before the 14 rows of details, as a call's and a
 * statement's do: seen without scrolling on an 800-pixel screen, wide or
 * narrow. */
static void
test_record_page_tools_on_top (SecTestMeeting *f, gconstpointer data)
{
  g_autoptr(SecRecord) meeting = sec_test_get_meeting (f, JOINT_2027);
  GtkWidget *page = sec_record_page_new ();
  const int widths[] = { 1200, 360 };
  GtkWidget *tools, *details = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  gtk_window_set_child (GTK_WINDOW (f->window), page);
  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, meeting);
  iterate ();
  tools = sec_test_find_widget (page, SEC_TYPE_MEETING_TOOLS);
  sec_test_collect_widgets (page, ADW_TYPE_PREFERENCES_GROUP, FALSE, groups);
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), "Details") == 0)
      details = g_ptr_array_index (groups, i);
  g_assert_nonnull (details);
  /* Siblings in the page's sections: the tools before the details. */
  g_assert_true (gtk_widget_get_parent (tools) == gtk_widget_get_parent (details));
  for (GtkWidget *w = gtk_widget_get_next_sibling (details); w != NULL; w = gtk_widget_get_next_sibling (w))
    g_assert_true (w != tools);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *buttons = sec_test_find_widget (tools, SEC_TYPE_WRAP_BOX);
      graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), bottom;

      gtk_window_set_default_size (GTK_WINDOW (f->window), widths[i], 800);
      for (int j = 0; j < 500 && (gtk_widget_get_width (f->window) != widths[i] || gtk_widget_get_height (buttons) == 0); j++)
        sec_test_wait_ms (10);
      sec_test_wait_ms (100);
      iterate ();
      g_assert_cmpint (gtk_widget_get_width (f->window), ==, widths[i]);
      bottom = GRAPHENE_POINT_INIT (0, gtk_widget_get_height (buttons));
      g_assert_true (gtk_widget_compute_point (buttons, f->window, &bottom, &bottom));
      g_assert_true (gtk_widget_compute_point (buttons, f->window, &top, &top));
      g_assert_cmpfloat (top.y, >, 0);
      g_assert_cmpfloat (bottom.y, <=, 800);
    }
}

/* A change made in a tool window rebuilds the page: it stays where it was
 * scrolled to. */
static void
test_record_page_keeps_scroll (SecTestMeeting *f, gconstpointer data)
{
  g_autoptr(SecRecord) meeting = sec_test_get_meeting (f, JOINT_2027);
  GtkWidget *page = sec_record_page_new ();
  GtkAdjustment *adjustment;
  gint64 ids[1];
  double value;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 500);
  gtk_window_set_child (GTK_WINDOW (f->window), page);
  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, meeting);
  sec_test_wait_ms (200);
  iterate ();
  {
    /* The page's own, not the empty state's (AdwStatusPage has one). */
    g_autoptr(GPtrArray) scrolled = g_ptr_array_new ();

    sec_test_collect_widgets (page, GTK_TYPE_SCROLLED_WINDOW, FALSE, scrolled);
    adjustment = NULL;
    for (guint i = 0; i < scrolled->len && adjustment == NULL; i++)
      if (gtk_widget_get_ancestor (g_ptr_array_index (scrolled, i), ADW_TYPE_STATUS_PAGE) == NULL)
        adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrolled, i));
  }
  /* Laid out at a frame of its own. */
  for (int i = 0; i < 500 && gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) <= 400; i++)
    sec_test_wait_ms (10);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), >, 400);
  gtk_adjustment_set_value (adjustment, 400);
  iterate ();
  /* The focus on a button of the tools, as after opening a tool window. */
  gtk_widget_grab_focus (sec_test_find_action_button (page, "tools.participants"));
  iterate ();
  gtk_adjustment_set_value (adjustment, 400);
  iterate ();

  /* What the participants window does: a status changed. */
  {
    g_autoptr(SecQuery) query = sec_query_new ();
    g_autoptr(GPtrArray) participants = NULL;

    sec_query_add (query, "meeting", SEC_QUERY_EQUALS, "3");
    participants = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, query, NULL);
    ids[0] = sec_record_get_id (g_ptr_array_index (participants, 0));
  }
  g_assert_true (sec_participants_set_status (f->store, ids, 1, "declined", 0, NULL));
  sec_test_wait_ms (300);
  iterate ();
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, ==, 400);
  /* The focus is on the new page's button in the same place. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

    g_assert_nonnull (focus);
    g_assert_true (focus == sec_test_find_action_button (page, "tools.participants") ||
                   gtk_widget_is_ancestor (focus, sec_test_find_action_button (page, "tools.participants")));
  }
  /* The window activated again keeps the place too. */
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_wait_ms (100);
  iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 400);
}

/* Invitations */

static void
test_invite_members (SecTestMeeting *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sec_invitations_list_members (f->store, JOINT_2027, &error);
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GtkWidget *dialog;
  GtkWidget *unreached;
  gint64 before;
  guint with_person = 0, without = 0;

  /* Of the 15 open members, those with one person on record have that
   * person chosen; the others nobody. */
  for (guint i = 0; i < members->len; i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (members, i);

      if (m->represented)
        continue;
      if (m->n_people == 1)
        with_person++;
      else
        without++;
    }
  g_assert_cmpuint (with_person + without, ==, 15);
  g_assert_cmpuint (without, >, 0);

  sec_query_add (query, "meeting", SEC_QUERY_EQUALS, "3");
  before = sec_store_count (f->store, SEC_TYPE_PARTICIPANT, query, NULL);

  dialog = GTK_WIDGET (sec_invite_dialog_new (GTK_WINDOW (f->window), f->store, JOINT_2027));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  gtk_widget_activate_action (dialog, "invite.invite", NULL);
  iterate ();

  /* Invited once each, and said so. */
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PARTICIPANT, query, NULL), ==, before + with_person);
  after = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, query, &error);
  for (guint i = 0; i < after->len; i++)
    {
      gint64 person = sec_record_get_ref (g_ptr_array_index (after, i), "person");

      g_assert_false (g_hash_table_contains (people, &person));
      g_hash_table_add (people, g_memdup2 (&person, sizeof person));
    }
  {
    g_autofree char *title = g_strdup_printf ("%u People Invited", with_person);
    AdwStatusPage *page = ADW_STATUS_PAGE (sec_test_find_widget (dialog, ADW_TYPE_STATUS_PAGE));

    g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  }

  /* The organisations with nobody to invite are listed by name. */
  {
    g_autoptr(GPtrArray) groups = g_ptr_array_new ();

    unreached = NULL;
    sec_test_collect_widgets (dialog, ADW_TYPE_PREFERENCES_GROUP, FALSE, groups);
    for (guint i = 0; i < groups->len; i++)
      if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), "Nobody to Invite") == 0)
        unreached = g_ptr_array_index (groups, i);
  }
  g_assert_nonnull (unreached);
  g_assert_true (gtk_widget_get_mapped (unreached));
  g_assert_nonnull (sec_test_find_row (unreached, "Svetlo nádeje – občianske združenie"));
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    sec_test_collect_widgets (unreached, ADW_TYPE_PREFERENCES_ROW, FALSE, rows);
    g_assert_cmpuint (rows->len, ==, without);
  }
}

/* Participants */

/* Waits for the participants' list to read a change (in a worker, when
 * @background: as a list of a million participations, or a server's). */
static void
take_change (GtkSelectionModel *selection,
             gboolean           background)
{
  SecRecordList *list = SEC_RECORD_LIST (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection)));

  g_assert_true (sec_record_list_is_loading (list) == background);
  while (sec_record_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static void
test_bulk_status (SecTestMeeting *f, gconstpointer data)
{
  gboolean background = GPOINTER_TO_INT (data);
  SecParticipantsWindow *window = NULL;
  GtkSelectionModel *selection = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  gint64 ids[3];

  if (background)
    sec_record_list_set_background_min_rows (0);
  window = sec_participants_window_new (GTK_WINDOW (f->window), f->store, JOINT_2027);
  selection = sec_participants_window_get_selection (window);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 21);

  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  iterate ();
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SecRecord) p = g_list_model_get_item (G_LIST_MODEL (selection), i);
      ids[i] = sec_record_get_id (p);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "participants.set-status", "s", "attended-remotely");
  take_change (selection, background);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SecRecord) p = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, ids[i], NULL);

      g_assert_cmpstr (sec_record_get_string (p, "status"), ==, "attended-remotely");
    }
  /* The same three are still selected. */
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SecRecord) p = g_list_model_get_item (G_LIST_MODEL (selection), i);

      g_assert_true (gtk_selection_model_is_selected (selection, i));
      g_assert_cmpint (sec_record_get_id (p), ==, ids[i]);
    }
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean counted = FALSE;

    sec_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL, FALSE, labels);
    for (guint i = 0; i < labels->len; i++)
      if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), "Attended remotely: 3") != NULL)
        counted = TRUE;
    g_assert_true (counted);
  }

  /* A role for the same selection. */
  gtk_widget_activate_action (GTK_WIDGET (window), "participants.set-role", "s", "observer");
  take_change (selection, background);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SecRecord) p = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, ids[i], NULL);

      g_assert_cmpstr (sec_record_get_string (p, "role"), ==, "observer");
      g_assert_true (gtk_selection_model_is_selected (selection, i));
    }
  sec_record_list_set_background_min_rows (20000);
}

/* The meeting list, the meeting page and the participants window give
 * the same number of those taking part, and the page and the window the
 * same breakdown by status. */
static void
test_counts_agree (SecTestMeeting *f, gconstpointer data)
{
  g_autoptr(SecRecord) meeting = sec_test_get_meeting (f, JOINT_2027);
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *taking_part = NULL;
  g_autofree char *breakdown = NULL;
  GtkWidget *row = sec_record_row_new ();
  GtkWidget *page = sec_record_page_new ();
  SecParticipantsWindow *window;
  const char *description = NULL;
  guint confirmed = 0, attended = 0;
  gboolean in_window = FALSE;

  /* Some attended already: the two statuses the list once added up alone. */
  sec_query_add (query, "meeting", SEC_QUERY_EQUALS, "3");
  participants = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, query, NULL);
  {
    gint64 ids[2] = { sec_record_get_id (g_ptr_array_index (participants, 0)),
                      sec_record_get_id (g_ptr_array_index (participants, 1)) };
    g_assert_true (sec_participants_set_status (f->store, ids, 2, "attended", 0, NULL));
  }
  g_clear_pointer (&participants, g_ptr_array_unref);
  g_clear_object (&meeting);
  meeting = sec_test_get_meeting (f, JOINT_2027);
  participants = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, query, NULL);
  for (guint i = 0; i < participants->len; i++)
    {
      const char *status = sec_record_get_string (g_ptr_array_index (participants, i), "status");

      confirmed += g_str_equal (status, "confirmed");
      attended += g_str_equal (status, "attended");
    }
  g_assert_cmpuint (confirmed, >, 0);
  g_assert_cmpuint (attended, ==, 2);
  taking_part = g_strdup_printf ("%u taking part", confirmed + attended);
  breakdown = g_strdup_printf ("%u taking part (Confirmed: %u · Attended: %u)", confirmed + attended, confirmed, attended);

  /* The list's row. */
  g_object_ref_sink (row);
  sec_record_row_set_record (SEC_RECORD_ROW (row), meeting);
  g_assert_cmpstr (sec_record_row_get_trailing (SEC_RECORD_ROW (row)), ==, taking_part);
  g_object_unref (row);

  /* The page's participants. */
  gtk_window_set_child (GTK_WINDOW (f->window), page);
  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, meeting);
  iterate ();
  {
    g_autoptr(GPtrArray) groups = g_ptr_array_new ();

    sec_test_collect_widgets (page, ADW_TYPE_PREFERENCES_GROUP, FALSE, groups);
    for (guint i = 0; i < groups->len; i++)
      if (g_str_has_prefix (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), "Participants ("))
        description = adw_preferences_group_get_description (g_ptr_array_index (groups, i));
  }
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description, breakdown));

  /* The participants window. */
  window = sec_participants_window_new (GTK_WINDOW (f->window), f->store, JOINT_2027);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_ptr_array_set_size (labels, 0);
  sec_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      in_window |= strstr (text, breakdown) != NULL && strstr (text, description) != NULL;
    }
  g_assert_true (in_window);
}

/* Languages typed as codes are shown by name. */
static void
test_language_names (SecTestMeeting *f, gconstpointer data)
{
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *named = sec_languages_format ("mt, en");
  g_autofree char *odd = sec_languages_format ("EL/nl; Klingon");
  GtkWidget *page = sec_record_page_new ();
  GtkWidget *row;

  g_assert_cmpstr (named, ==, "Maltese, English");
  /* Any case, other separators, a three-letter code; the qualifier of
   * "Modern Greek (1453-)" left out; a word that is no code kept. */
  g_assert_cmpstr (odd, ==, "Modern Greek, Dutch, Klingon");
  g_assert_cmpstr (sec_language_name ("mlt"), ==, "Maltese");
  g_assert_null (sec_language_name ("xx"));

  person = sec_store_get (f->store, SEC_TYPE_PERSON, 1, &error);
  g_assert_no_error (error);
  sec_record_set_string (person, "languages", "mt, en");
  g_assert_true (sec_store_update (f->store, person, NULL));
  gtk_window_set_child (GTK_WINDOW (f->window), page);
  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, person);
  iterate ();
  row = sec_test_find_row (page, "Languages");
  g_assert_nonnull (row);
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (row)), ==, "Maltese, English");
}

/* A participant whose personal data were erased reads "Erased person",
 * dimmed, in the participants window and on the meeting's page, not the
 * placeholder "—" the erasure leaves in the people table. */
static void
test_erased_participant (SecTestMeeting *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rows = sec_store_list_meeting_participants (f->store, JOINT_2027, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(SecRecord) meeting = NULL;
  SecParticipantsWindow *window;
  GtkWidget *page;
  guint erased = 0, dimmed = 0;
  gint64 person_id;

  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, >, 0);
  person_id = ((SecMeetingParticipantRow *) g_ptr_array_index (rows, 0))->person_id;
  g_assert_true (sec_store_erase_person (f->store, person_id, NULL));

  window = sec_participants_window_new (GTK_WINDOW (f->window), f->store, JOINT_2027);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  sec_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (GTK_LABEL (label));

      g_assert_cmpstr (text, !=, "—");
      if (g_strcmp0 (text, "Erased person") == 0)
        {
          erased++;
          dimmed += gtk_widget_has_css_class (label, "dim-label");
        }
    }
  g_assert_cmpuint (erased, ==, 1);
  g_assert_cmpuint (dimmed, ==, 1);

  /* The meeting's page lists its participants too. */
  page = sec_record_page_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), page);
  meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, NULL);
  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, meeting);
  iterate ();
  g_assert_null (sec_test_find_row (page, "—"));
  g_assert_nonnull (sec_test_find_row (page, "Erased person"));
}

int
main (int argc, char *argv[])
{
  sec_test_ui_init (&argc, &argv);

#define ADD(name, func) SEC_TEST_MEETING_ADD (name, func)
  ADD ("/meeting-ui/tools/co-chair", test_tools_co_chair);
  ADD ("/meeting-ui/tools/warnings", test_tools_warnings);
  ADD ("/meeting-ui/tools/windows", test_tools_open_windows);
  ADD ("/meeting-ui/tools/on-the-page", test_record_page_has_tools);
  ADD ("/meeting-ui/tools/on-top", test_record_page_tools_on_top);
  ADD ("/meeting-ui/page/keeps-scroll", test_record_page_keeps_scroll);
  ADD ("/meeting-ui/invite-members", test_invite_members);
  ADD ("/meeting-ui/bulk-status", test_bulk_status);
  g_test_add ("/meeting-ui/bulk-status/background", SecTestMeeting, GINT_TO_POINTER (TRUE), sec_test_meeting_setup,
              test_bulk_status, sec_test_meeting_teardown);
  ADD ("/meeting-ui/erased-participant", test_erased_participant);
  ADD ("/meeting-ui/counts-agree", test_counts_agree);
  ADD ("/meeting-ui/language-names", test_language_names);

  return g_test_run ();
}
