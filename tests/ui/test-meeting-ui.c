/* test-meeting-ui.c: a meeting's tools on the demo data: the tools widget
 * (its warnings, the co-chair proposal, its windows opened once), inviting
 * the members of the bodies, a bulk status change, the check-in (letters,
 * Enter, Ctrl+Z), the agenda window (add, move with the keyboard action,
 * the times, the version after final, remove and undo) and the export
 * dialog writing a PDF. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/base/sec-languages.h"
#include "ui/meetings/sec-agenda-window.h"
#include "core/meetings/sec-agenda.h"
#include "ui/meetings/sec-checkin-window.h"
#include "ui/meetings/sec-export-dialog.h"
#include "core/meetings/sec-invitations.h"
#include "ui/meetings/sec-invite-dialog.h"
#include "ui/meetings/sec-meeting-tools.h"
#include "ui/widgets/sec-wrap-box.h"
#include "ui/meetings/sec-participants-window.h"
#include "ui/records/sec-record-page.h"
#include "ui/records/sec-record-row.h"
#include "ui/widgets/sec-document-preview.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-meetings.h"
#include "core/store/sec-store-privacy.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define NREM_2018     1
#define PLATFORM_2025 2
#define JOINT_2027    3

typedef struct {
  char      *dir;
  SecStore  *store;
  GtkWidget *window;
} Fixture;

#define iterate sec_test_iterate

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = sec_test_make_tmp_dir ("sec-meeting-ui-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);

  /* The size of a record page: not GtkWindow's fallback of 200×200, which
   * newer GTK warns is narrower than the tools' rows. */
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_destroy_windows ();
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

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

static GtkWidget *
find_first (GtkWidget *root, GType type)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  sec_test_collect_widgets (root, type, FALSE, all);
  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

static GtkWidget *
find_button (GtkWidget *root, const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  sec_test_collect_widgets (root, GTK_TYPE_BUTTON, FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action_name) == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("No button for %s", action_name);
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

static GtkWindow *
find_window (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static SecRecord *
get_meeting (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  SecRecord *meeting = sec_store_get (f->store, SEC_TYPE_MEETING, id, &error);

  g_assert_no_error (error);
  return meeting;
}

static GtkWidget *
show_tools (Fixture *f, gint64 meeting_id)
{
  g_autoptr(SecRecord) meeting = get_meeting (f, meeting_id);
  GtkWidget *tools = sec_meeting_tools_new (f->store, meeting);

  gtk_window_set_child (GTK_WINDOW (f->window), tools);
  iterate ();
  return tools;
}

static void
set_co_chair (Fixture *f, gint64 meeting_id, const char *co_chair)
{
  g_autoptr(SecRecord) meeting = get_meeting (f, meeting_id);
  g_autoptr(GError) error = NULL;

  sec_record_set_string (meeting, "co-chair", co_chair);
  sec_store_update (f->store, meeting, &error);
  g_assert_no_error (error);
}

/* The tools widget */

static void
test_tools_co_chair (Fixture *f, gconstpointer data)
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
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Proposed co-chair: the Presidency of the Council on 13 June 2018"));

  /* "Use" sets it. */
  gtk_widget_activate_action (tools, "tools.use-co-chair", NULL);
  iterate ();
  after = get_meeting (f, NREM_2018);
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
test_tools_warnings (Fixture *f, gconstpointer data)
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
test_tools_open_windows (Fixture *f, gconstpointer data)
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
      g_assert_true (gtk_window_get_transient_for (find_window (types[i])) == GTK_WINDOW (f->window));
    }
}

static void
test_record_page_has_tools (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) meeting = get_meeting (f, JOINT_2027);
  GtkWidget *page = sec_record_page_new ();

  gtk_window_set_child (GTK_WINDOW (f->window), page);
  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, meeting);
  iterate ();
  g_assert_nonnull (find_first (page, SEC_TYPE_MEETING_TOOLS));
}

/* The tools come first, before the 14 rows of details, as a call's and a
 * statement's do: seen without scrolling on an 800-pixel screen, wide or
 * narrow. */
static void
test_record_page_tools_on_top (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) meeting = get_meeting (f, JOINT_2027);
  GtkWidget *page = sec_record_page_new ();
  const int widths[] = { 1200, 360 };
  GtkWidget *tools, *details = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  gtk_window_set_child (GTK_WINDOW (f->window), page);
  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, meeting);
  iterate ();
  tools = find_first (page, SEC_TYPE_MEETING_TOOLS);
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
      GtkWidget *buttons = find_first (tools, SEC_TYPE_WRAP_BOX);
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
test_record_page_keeps_scroll (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) meeting = get_meeting (f, JOINT_2027);
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
  gtk_widget_grab_focus (find_button (page, "tools.participants"));
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
    g_assert_true (focus == find_button (page, "tools.participants") ||
                   gtk_widget_is_ancestor (focus, find_button (page, "tools.participants")));
  }
  /* The window activated again keeps the place too. */
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_wait_ms (100);
  iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 400);
}

/* Invitations */

static void
test_invite_members (Fixture *f, gconstpointer data)
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
    AdwStatusPage *page = ADW_STATUS_PAGE (find_first (dialog, ADW_TYPE_STATUS_PAGE));

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

static void
test_bulk_status (Fixture *f, gconstpointer data)
{
  SecParticipantsWindow *window = sec_participants_window_new (GTK_WINDOW (f->window), f->store, JOINT_2027);
  GtkSelectionModel *selection = sec_participants_window_get_selection (window);
  g_autoptr(GtkBitset) selected = NULL;
  gint64 ids[3];

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
  iterate ();
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
  iterate ();
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SecRecord) p = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, ids[i], NULL);

      g_assert_cmpstr (sec_record_get_string (p, "role"), ==, "observer");
    }
}

/* The meeting list, the meeting page and the participants window give
 * the same number of those taking part, and the page and the window the
 * same breakdown by status. */
static void
test_counts_agree (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) meeting = get_meeting (f, JOINT_2027);
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
  meeting = get_meeting (f, JOINT_2027);
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
test_language_names (Fixture *f, gconstpointer data)
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
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Maltese, English");
}

/* Check-in */

static void
test_check_in (Fixture *f, gconstpointer data)
{
  SecCheckinWindow *window = sec_checkin_window_new (GTK_WINDOW (f->window), f->store, JOINT_2027);
  g_autoptr(SecRecord) before = NULL;
  g_autoptr(SecRecord) present = NULL;
  g_autoptr(SecRecord) back = NULL;
  GtkWidget *entry;
  GtkLabel *count;
  gint64 muller = 0;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* The entry has the focus; the count is shown large. */
  entry = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (entry);
  entry = GTK_IS_SEARCH_ENTRY (entry) ? entry : gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  count = GTK_LABEL (find_first (GTK_WIDGET (window), GTK_TYPE_LABEL));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    sec_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL, FALSE, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "title-1"))
        count = g_ptr_array_index (labels, i);
  }
  g_assert_cmpstr (gtk_label_get_text (count), ==, "0 / 17");

  /* A few letters, without the accent: she is the one found. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "mull");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (window), "Anna Müller"));
  {
    g_autoptr(GPtrArray) found = sec_check_in_find (f->store, JOINT_2027, "mull", 1, NULL);
    muller = ((SecCheckInMatch *) g_ptr_array_index (found, 0))->participant_id;
  }
  before = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, muller, NULL);
  g_assert_cmpstr (sec_record_get_string (before, "status"), ==, "registered");

  /* Enter: present; the entry is cleared for the next person. */
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  present = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, muller, NULL);
  g_assert_cmpstr (sec_record_get_string (present, "status"), ==, "attended");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "1 / 17");

  /* Ctrl+Z: taken back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "checkin.undo", NULL);
  iterate ();
  back = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, muller, NULL);
  g_assert_cmpstr (sec_record_get_string (back, "status"), ==, "registered");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "0 / 17");
  /* Nothing more to take back. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (window), "checkin.undo")));

  /* Letters that find nobody: nothing is marked; the entry is cleared for
   * the next name, and the letters are kept for a walk-in. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzz");
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (count), ==, "0 / 17");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_first (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW))), ==,
                   "zzzz");
}

static const char *
heading_text (GtkWidget *window)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  sec_test_collect_widgets (window, GTK_TYPE_LABEL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "heading") &&
        gtk_widget_get_visible (g_ptr_array_index (labels, i)) &&
        /* not the walk-in form's title, above the list */
        gtk_widget_get_ancestor (g_ptr_array_index (labels, i), ADW_TYPE_PREFERENCES_GROUP) == NULL)
      return gtk_label_get_text (g_ptr_array_index (labels, i));
  return NULL;
}

/* With nothing typed, those still expected are listed; letters filter
 * them; someone checked in leaves the list. */
static void
test_check_in_expected (Fixture *f, gconstpointer data)
{
  SecCheckinWindow *window = sec_checkin_window_new (GTK_WINDOW (f->window), f->store, JOINT_2027);
  GtkWidget *entry;
  g_autofree char *heading = NULL;
  guint waiting = 0;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  {
    g_autoptr(SecQuery) query = sec_query_new ();
    g_autoptr(GPtrArray) participants = NULL;

    sec_query_add (query, "meeting", SEC_QUERY_EQUALS, "3");
    participants = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, query, NULL);
    for (guint i = 0; i < participants->len; i++)
      {
        const char *status = sec_record_get_string (g_ptr_array_index (participants, i), "status");

        if (g_str_equal (status, "invited") || g_str_equal (status, "registered") || g_str_equal (status, "confirmed"))
          waiting++;
      }
  }
  g_assert_cmpuint (waiting, >, 1);
  heading = g_strdup_printf ("Still Expected (%u)", waiting);
  g_assert_cmpstr (heading_text (GTK_WIDGET (window)), ==, heading);
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (window), "Anna Müller"));

  /* Typing filters the list. */
  entry = find_first (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "mull");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_assert_cmpstr (heading_text (GTK_WIDGET (window)), ==, "Found");
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (window), "Anna Müller"));
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    sec_test_collect_widgets (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, FALSE, rows);
    g_assert_cmpuint (rows->len, <, waiting);
  }

  /* Checked in: she is no longer expected. */
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_free (heading);
  heading = g_strdup_printf ("Still Expected (%u)", waiting - 1);
  g_assert_cmpstr (heading_text (GTK_WIDGET (window)), ==, heading);
  g_assert_null (sec_test_find_row (GTK_WIDGET (window), "Anna Müller"));
}

/* Someone not in the database: made, checked in, and taken back by Undo. */
static void
test_check_in_walk_in (Fixture *f, gconstpointer data)
{
  SecCheckinWindow *window = sec_checkin_window_new (GTK_WINDOW (f->window), f->store, JOINT_2027);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(SecQuery) people = sec_query_new ();
  g_autoptr(SecQuery) organisations = sec_query_new ();
  g_autoptr(SecQuery) participants = sec_query_new ();
  gint64 n_participants;

  sec_query_add (people, "family-name", SEC_QUERY_EQUALS, "Nováková");
  sec_query_add (organisations, "name", SEC_QUERY_EQUALS, "Walk-in Association");
  sec_query_add (participants, "meeting", SEC_QUERY_EQUALS, "3");
  n_participants = sec_store_count (f->store, SEC_TYPE_PARTICIPANT, participants, NULL);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (window), "checkin.walk-in")));
  sec_test_collect_widgets (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, FALSE, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Jana Nováková");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "Walk-in Association");
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (find_button (GTK_WIDGET (window), "checkin.walk-in")));
  gtk_widget_activate_action (GTK_WIDGET (window), "checkin.walk-in", NULL);
  iterate ();

  /* Present, in the count; the form is empty for the next one. */
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, people, NULL), ==, 1);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, organisations, NULL), ==, 1);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PARTICIPANT, participants, NULL), ==, n_participants + 1);
  {
    g_autoptr(GPtrArray) found = sec_check_in_find (f->store, JOINT_2027, "novakova", 1, NULL);

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (((SecCheckInMatch *) g_ptr_array_index (found, 0))->status, ==, "attended");
    g_assert_cmpstr (((SecCheckInMatch *) g_ptr_array_index (found, 0))->organisation, ==, "Walk-in Association");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (entries, 0))), ==, "");

  /* Ctrl+Z: all of it taken back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "checkin.undo", NULL);
  iterate ();
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, people, NULL), ==, 0);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, organisations, NULL), ==, 0);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PARTICIPANT, participants, NULL), ==, n_participants);
}

/* Agenda */

static const char *
row_start (GtkListBoxRow *row)
{
  /* The time is the label in the row's prefix, before the title. */
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_LABEL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "numeric"))
      return gtk_label_get_text (g_ptr_array_index (labels, i));
  return NULL;
}

static GtkListBox *
items_list (GtkWidget *window)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  sec_test_collect_widgets (window, GTK_TYPE_LIST_BOX, FALSE, lists);
  for (guint i = 0; i < lists->len; i++)
    {
      const char *label = NULL;
      GtkWidget *list = g_ptr_array_index (lists, i);

      /* The items' list is the one whose rows have times. */
      if (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) != NULL &&
          (label = row_start (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0))) != NULL)
        return GTK_LIST_BOX (list);
    }
  return NULL;
}

static int
version_of (Fixture *f, gint64 meeting_id)
{
  g_autoptr(SecRecord) meeting = get_meeting (f, meeting_id);

  return sec_record_get_int (meeting, "agenda-version");
}

static void
test_agenda (Fixture *f, gconstpointer data)
{
  SecAgendaWindow *window = sec_agenda_window_new (GTK_WINDOW (f->window), f->store, NREM_2018);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkListBox *list;
  GtkWidget *title_row;
  GtkSwitch *final_switch;
  gint64 added;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  list = items_list (GTK_WIDGET (window));
  g_assert_nonnull (list);
  g_assert_cmpstr (row_start (gtk_list_box_get_row_at_index (list, 0)), ==, "09:30");
  g_assert_cmpstr (row_start (gtk_list_box_get_row_at_index (list, 8)), ==, "16:15");

  /* Final: version 1. */
  final_switch = GTK_SWITCH (find_first (GTK_WIDGET (window), GTK_TYPE_SWITCH));
  gtk_switch_set_active (final_switch, TRUE);
  iterate ();
  g_assert_cmpint (version_of (f, NREM_2018), ==, 1);
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (window), "Final"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sec_test_find_row (GTK_WIDGET (window), "Final"))), ==,
                   "Final, version 1");

  /* Add an item: it comes last, after the 16:15 item that ends at 16:30. */
  gtk_widget_activate_action (GTK_WIDGET (window), "agenda.add-item", NULL);
  iterate ();
  title_row = sec_test_find_row (GTK_WIDGET (window), "Title");
  g_assert_true (gtk_widget_get_mapped (title_row));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Closing remarks");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_first (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON)), 10);
  gtk_widget_activate_action (GTK_WIDGET (window), "agenda.save-item", NULL);
  iterate ();

  items = sec_agenda_list_items (f->store, NREM_2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 10);
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (items, 9), "title"), ==, "Closing remarks");
  added = sec_record_get_id (g_ptr_array_index (items, 9));
  g_assert_cmpint (version_of (f, NREM_2018), ==, 2);
  list = items_list (GTK_WIDGET (window));
  g_assert_cmpstr (row_start (gtk_list_box_get_row_at_index (list, 9)), ==, "16:30");
  /* Ten minutes past the meeting's end, flagged. */
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (window), "Runs 10 min past the end of the meeting"));
  g_assert_true (gtk_widget_get_visible (sec_test_find_row (GTK_WIDGET (window), "Runs 10 min past the end of the meeting")));

  /* The keyboard focus is on it; Alt+Up moves it before the conclusions. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 9))));
  gtk_widget_activate_action (GTK_WIDGET (window), "agenda.move-up", NULL);
  iterate ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sec_agenda_list_items (f->store, NREM_2018, &error);
  g_assert_cmpint (sec_record_get_id (g_ptr_array_index (items, 8)), ==, added);
  g_assert_cmpint (version_of (f, NREM_2018), ==, 3);
  /* Times worked out again: it starts at 16:15, the conclusions at 16:25. */
  list = items_list (GTK_WIDGET (window));
  g_assert_cmpstr (row_start (gtk_list_box_get_row_at_index (list, 8)), ==, "16:15");
  g_assert_cmpstr (row_start (gtk_list_box_get_row_at_index (list, 9)), ==, "16:25");
  /* The focus stayed with it: Alt+Up again. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 8))));
  gtk_widget_activate_action (GTK_WIDGET (window), "agenda.move-up", NULL);
  iterate ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sec_agenda_list_items (f->store, NREM_2018, &error);
  g_assert_cmpint (sec_record_get_id (g_ptr_array_index (items, 7)), ==, added);
  g_assert_cmpint (version_of (f, NREM_2018), ==, 4);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sec_test_find_row (GTK_WIDGET (window), "Final"))), ==,
                   "Final, version 4");

  /* Removed, then put back with Undo. */
  gtk_widget_activate_action (GTK_WIDGET (window), "agenda.remove-item", "x", added);
  iterate ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sec_agenda_list_items (f->store, NREM_2018, &error);
  g_assert_cmpuint (items->len, ==, 9);
  g_assert_cmpint (version_of (f, NREM_2018), ==, 5);
  gtk_widget_activate_action (GTK_WIDGET (window), "agenda.undo-remove", NULL);
  iterate ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sec_agenda_list_items (f->store, NREM_2018, &error);
  g_assert_cmpuint (items->len, ==, 10);
  g_assert_cmpint (sec_record_get_id (g_ptr_array_index (items, 7)), ==, added);
}

static void
test_agenda_refuses_empty_title (Fixture *f, gconstpointer data)
{
  SecAgendaWindow *window = sec_agenda_window_new (GTK_WINDOW (f->window), f->store, NREM_2018);
  g_autoptr(GPtrArray) items = NULL;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (window), "agenda.add-item", NULL);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (window), "agenda.save-item", NULL);
  iterate ();
  /* Nothing saved; the title is marked and the form stays. */
  items = sec_agenda_list_items (f->store, NREM_2018, NULL);
  g_assert_cmpuint (items->len, ==, 9);
  g_assert_true (gtk_widget_has_css_class (sec_test_find_row (GTK_WIDGET (window), "Title"), "error"));
  g_assert_true (gtk_widget_get_mapped (sec_test_find_row (GTK_WIDGET (window), "Title")));
}

/* Export */

static void
wait_until_idle (SecExportDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (sec_export_dialog_get_busy (dialog) && g_get_monotonic_time () < end)
    sec_test_wait_ms (10);
  g_assert_false (sec_export_dialog_get_busy (dialog));
  iterate ();
}

static void
test_export_pdf (Fixture *f, gconstpointer data)
{
  SecExportDialog *dialog = sec_export_dialog_new (GTK_WINDOW (f->window), f->store, NREM_2018);
  g_autofree char *path = g_build_filename (f->dir, "agenda.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  int status = -1;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  sec_export_dialog_set_kind (dialog, SEC_MEETING_EXPORT_AGENDA);
  sec_export_dialog_save_to_file (dialog, file);
  g_assert_true (sec_export_dialog_get_busy (dialog));
  wait_until_idle (dialog);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  text = sec_test_spawn (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  sec_test_assert_contains (text, "Meeting of the EU Network of National");
  sec_test_assert_contains (text, "Welcome and adoption of the agenda");
  sec_test_assert_contains (text, "09:30–09:45");
  /* No message: it went well. */
  g_assert_null (find_window (ADW_TYPE_MESSAGE_DIALOG));
}

static void
on_fraction (GtkProgressBar *bar, GParamSpec *pspec, double *most)
{
  *most = MAX (*most, gtk_progress_bar_get_fraction (bar));
}

/* Saving shows its progress and can be cancelled; a cancelled save leaves
 * no file and no message. */
static void
test_export_cancel (Fixture *f, gconstpointer data)
{
  SecExportDialog *dialog = sec_export_dialog_new (GTK_WINDOW (f->window), f->store, NREM_2018);
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *bar;
  double most = 0;

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  bar = sec_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (bar);
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction), &most);
  g_assert_false (gtk_widget_is_visible (bar));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL) &&
                  sec_export_dialog_get_busy (dialog));

  sec_export_dialog_set_kind (dialog, SEC_MEETING_EXPORT_PACK);
  sec_export_dialog_save_to_file (dialog, file);
  g_assert_true (sec_export_dialog_get_busy (dialog));
  g_assert_true (gtk_widget_is_visible (bar));
  /* At once: the pack takes longer to draw than this to cancel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  wait_until_idle (dialog);

  g_assert_false (gtk_widget_is_visible (bar));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* Saved again, to the end: the bar went forward. */
  most = 0;
  sec_export_dialog_save_to_file (dialog, file);
  wait_until_idle (dialog);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpfloat (most, >, 0.5);
}

static void
test_export_error_is_shown (Fixture *f, gconstpointer data)
{
  SecExportDialog *dialog = sec_export_dialog_new (GTK_WINDOW (f->window), f->store, NREM_2018);
  g_autofree char *path = g_build_filename (f->dir, "no such folder", "list.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *message;

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  sec_export_dialog_set_kind (dialog, SEC_MEETING_EXPORT_PARTICIPANTS_CSV);
  /* CSV is not printed. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (dialog), "export.print")));
  sec_export_dialog_save_to_file (dialog, file);
  wait_until_idle (dialog);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  message = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "Could Not Save the Document");
}

/* Preview shows the pages in the application, and turns them. */
static void
test_preview (Fixture *f, gconstpointer data)
{
  SecExportDialog *dialog = sec_export_dialog_new (GTK_WINDOW (f->window), f->store, JOINT_2027);
  SecDocumentPreview *preview;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gboolean seen = FALSE;
  guint n;

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  sec_export_dialog_set_kind (dialog, SEC_MEETING_EXPORT_PACK);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.preview", NULL);
  iterate ();
  preview = SEC_DOCUMENT_PREVIEW (find_window (SEC_TYPE_DOCUMENT_PREVIEW));
  g_assert_nonnull (preview);
  n = sec_document_preview_get_n_pages (preview);
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (sec_document_preview_get_page (preview), ==, 0);
  first = g_strdup_printf ("Page 1 of %u", n);
  second = g_strdup_printf ("Page 2 of %u", n);
  sec_test_collect_widgets (GTK_WIDGET (preview), GTK_TYPE_LABEL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    seen |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), first) == 0;
  g_assert_true (seen);

  /* The pages turn, and stop at the ends. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (preview), "preview.previous-page")));
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  iterate ();
  g_assert_cmpuint (sec_document_preview_get_page (preview), ==, 1);
  seen = FALSE;
  for (guint i = 0; i < labels->len; i++)
    seen |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), second) == 0;
  g_assert_true (seen);
  sec_document_preview_set_page (preview, n + 5);
  iterate ();
  g_assert_cmpuint (sec_document_preview_get_page (preview), ==, n - 1);
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (preview), "preview.next-page")));
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous-page", NULL);
  iterate ();
  g_assert_cmpuint (sec_document_preview_get_page (preview), ==, n - 2);

  /* Zoom: fitted to the width at first; in and out; fitted again. */
  g_assert_true (sec_document_preview_get_fit_width (preview));
  {
    double fitted = sec_document_preview_get_zoom (preview);

    gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
    iterate ();
    g_assert_false (sec_document_preview_get_fit_width (preview));
    g_assert_cmpfloat (sec_document_preview_get_zoom (preview), >, fitted);
    gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL);
    gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL);
    iterate ();
    g_assert_cmpfloat (sec_document_preview_get_zoom (preview), <, fitted);
    gtk_widget_activate_action (GTK_WIDGET (preview), "preview.fit-width", NULL);
    iterate ();
    g_assert_true (sec_document_preview_get_fit_width (preview));
  }
}

/* A participant whose personal data were erased reads "Erased person",
 * dimmed, in the participants window and on the meeting's page, not the
 * placeholder "—" the erasure leaves in the people table. */
static void
test_erased_participant (Fixture *f, gconstpointer data)
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

/* The check-in's search field is typed in large type: its placeholder
 * must fit whole in the field at the window's usual width, with GNOME's
 * Large Text too (it was cut: "Type a few letters of a n…"). */
static void
test_check_in_placeholder_fits (Fixture *f, gconstpointer data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  SecCheckinWindow *window;
  GtkWidget *entry, *placeholder = NULL;
  g_autofree char *text = NULL;
  int dpi, natural;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", (int) (96 * 1024 * 1.5), NULL);
  window = sec_checkin_window_new (GTK_WINDOW (f->window), f->store, JOINT_2027);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  sec_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, FALSE, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_object_get (entry, "placeholder-text", &text, NULL);
  g_assert_nonnull (text);
  sec_test_collect_widgets (entry, GTK_TYPE_LABEL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      placeholder = g_ptr_array_index (labels, i);
  g_assert_nonnull (placeholder);
  /* Its whole text's width against the room the field gives it. */
  gtk_label_set_ellipsize (GTK_LABEL (placeholder), PANGO_ELLIPSIZE_NONE);
  gtk_widget_measure (placeholder, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_test_message ("placeholder “%s”: %d wide, %d of room", text, natural,
                  gtk_widget_get_width (gtk_widget_get_parent (placeholder)));
  g_assert_cmpint (natural, <=, gtk_widget_get_width (gtk_widget_get_parent (placeholder)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  iterate ();
}

/* The libadwaita bug: see tests/test-editor.c. */
int
main (int argc, char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/meeting-ui/tools/co-chair", test_tools_co_chair);
  ADD ("/meeting-ui/tools/warnings", test_tools_warnings);
  ADD ("/meeting-ui/tools/windows", test_tools_open_windows);
  ADD ("/meeting-ui/tools/on-the-page", test_record_page_has_tools);
  ADD ("/meeting-ui/tools/on-top", test_record_page_tools_on_top);
  ADD ("/meeting-ui/page/keeps-scroll", test_record_page_keeps_scroll);
  ADD ("/meeting-ui/invite-members", test_invite_members);
  ADD ("/meeting-ui/bulk-status", test_bulk_status);
  ADD ("/meeting-ui/erased-participant", test_erased_participant);
  ADD ("/meeting-ui/counts-agree", test_counts_agree);
  ADD ("/meeting-ui/language-names", test_language_names);
  ADD ("/meeting-ui/check-in", test_check_in);
  ADD ("/meeting-ui/check-in/placeholder-fits", test_check_in_placeholder_fits);
  ADD ("/meeting-ui/check-in/expected", test_check_in_expected);
  ADD ("/meeting-ui/check-in/walk-in", test_check_in_walk_in);
  ADD ("/meeting-ui/agenda", test_agenda);
  ADD ("/meeting-ui/agenda-empty-title", test_agenda_refuses_empty_title);
  ADD ("/meeting-ui/export-pdf", test_export_pdf);
  ADD ("/meeting-ui/export-error", test_export_error_is_shown);
  ADD ("/meeting-ui/export-cancel", test_export_cancel);
  ADD ("/meeting-ui/preview", test_preview);

  return g_test_run ();
}
