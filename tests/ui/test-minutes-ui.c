/* test-minutes-ui.c: the minutes window on the demo data (the minutes
 * typed and saved, action points added, refused when blank, marked done,
 * undone) and the meeting tools' action points carried from earlier
 * meetings, put on the agenda with one button. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "core/meetings/sec-action-points.h"
#include "core/meetings/sec-agenda.h"
#include "core/meetings/sec-minutes.h"
#include "core/store/sec-records.h"
#include "ui/meetings/sec-meeting-tools.h"
#include "ui/meetings/sec-minutes-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define PLATFORM_2025 2
#define JOINT_2027    3

typedef struct {
  char      *dir;
  SecStore  *store;
  GtkWidget *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = sec_test_make_tmp_dir ("sec-minutes-ui-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_destroy_windows ();
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

/* The widgets below @root named @name, in tree order. */
static GPtrArray *
named_widgets (GtkWidget *root, const char *name)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  sec_test_collect_widgets (root, GTK_TYPE_WIDGET, FALSE, all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (all, i)), name) == 0)
      g_ptr_array_add (found, g_ptr_array_index (all, i));
  return found;
}

static GtkWidget *
show_tools (Fixture *f, gint64 meeting_id)
{
  g_autoptr(SecRecord) meeting = sec_store_get (f->store, SEC_TYPE_MEETING, meeting_id, NULL);
  GtkWidget *tools = sec_meeting_tools_new (f->store, meeting);

  gtk_window_set_child (GTK_WINDOW (f->window), tools);
  sec_test_iterate ();
  return tools;
}

static SecMinutesWindow *
open_minutes (Fixture *f, gint64 meeting_id)
{
  GtkWidget *tools = show_tools (f, meeting_id);
  GtkWindow *window;

  gtk_widget_activate_action (tools, "tools.minutes", NULL);
  sec_test_iterate ();
  window = sec_test_find_toplevel (SEC_TYPE_MINUTES_WINDOW);
  g_assert_nonnull (window);
  return SEC_MINUTES_WINDOW (window);
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextIter start, end;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gint64
point_id (Fixture *f, const char *what)
{
  g_autoptr(SecRecord) point = sec_test_find_one (f->store, SEC_TYPE_ACTION_POINT, "what", what);

  return sec_record_get_id (point);
}

static const char *
point_status (Fixture *f, gint64 id)
{
  g_autoptr(SecRecord) point = sec_store_get (f->store, SEC_TYPE_ACTION_POINT, id, NULL);
  static char status[16];

  g_strlcpy (status, sec_record_get_string (point, "status"), sizeof status);
  return status;
}

static void
test_minutes_text (Fixture *f, gconstpointer data)
{
  SecMinutesWindow *window = open_minutes (f, PLATFORM_2025);
  g_autoptr(GPtrArray) summaries = named_widgets (GTK_WIDGET (window), "summary");
  g_autoptr(GPtrArray) decisions = named_widgets (GTK_WIDGET (window), "decisions");
  g_autoptr(GPtrArray) items = sec_agenda_list_items (f->store, PLATFORM_2025, NULL);
  g_autoptr(SecRecord) minutes = NULL;
  g_autofree char *first = NULL;

  /* One section per item to discuss: breaks and lunch left out. */
  g_assert_cmpuint (summaries->len, ==, 6);
  g_assert_cmpuint (decisions->len, ==, 6);
  first = buffer_text (g_ptr_array_index (summaries, 0));
  g_assert_true (g_str_has_prefix (first, "The Coordinator opened the meeting"));

  /* Typed, then saved (a moment later, or now). */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (decisions, 5)),
                            "The secretariat will circulate a draft work plan.", -1);
  g_assert_true (sec_minutes_window_save_now (window));
  /* The sixth item to discuss is the ninth on the agenda. */
  minutes = sec_minutes_get_for_item (f->store, sec_record_get_id (g_ptr_array_index (items, 8)), NULL);
  g_assert_nonnull (minutes);
  g_assert_cmpstr (sec_record_get_string (minutes, "decisions"), ==, "The secretariat will circulate a draft work plan.");
}

static void
test_action_points (Fixture *f, gconstpointer data)
{
  SecMinutesWindow *window = open_minutes (f, PLATFORM_2025);
  GtkWidget *w = GTK_WIDGET (window);
  gint64 id = point_id (f, "Collect examples of housing conditions of seasonal workers");
  gint64 before = sec_store_count (f->store, SEC_TYPE_ACTION_POINT, NULL, NULL);
  g_autoptr(GPtrArray) rows = named_widgets (w, "action-point");
  g_autoptr(GPtrArray) items = sec_agenda_list_items (f->store, PLATFORM_2025, NULL);
  GtkWidget *what = sec_test_find_row (w, "What is to be done");
  GtkWidget *problem = NULL;

  g_assert_cmpuint (rows->len, ==, 6);

  /* Done, then undone. */
  gtk_widget_activate_action (w, "minutes.mark-done", "x", id);
  sec_test_iterate ();
  g_assert_cmpstr (point_status (f, id), ==, "done");
  gtk_widget_activate_action (w, "minutes.undo", NULL);
  sec_test_iterate ();
  g_assert_cmpstr (point_status (f, id), ==, "open");

  /* A new one: refused while blank, with the reason on the page. */
  gtk_widget_activate_action (w, "minutes.add-point", "x", sec_record_get_id (g_ptr_array_index (items, 1)));
  sec_test_iterate ();
  g_assert_nonnull (what);
  gtk_widget_activate_action (w, "minutes.save-point", NULL);
  sec_test_iterate ();
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    sec_test_collect_widgets (w, GTK_TYPE_LABEL, TRUE, labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), "Say what is to be done") == 0)
        problem = g_ptr_array_index (labels, i);
  }
  g_assert_nonnull (problem);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ACTION_POINT, NULL, NULL), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (what), "Send the Platform’s priorities to the Commission");
  gtk_widget_activate_action (w, "minutes.save-point", NULL);
  sec_test_iterate ();
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ACTION_POINT, NULL, NULL), ==, before + 1);
  {
    g_autoptr(GPtrArray) now = named_widgets (w, "action-point");

    g_assert_cmpuint (now->len, ==, 7);
  }
  /* Undo takes the new point away. */
  gtk_widget_activate_action (w, "minutes.undo", NULL);
  sec_test_iterate ();
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ACTION_POINT, NULL, NULL), ==, before);
}

static void
test_carried (Fixture *f, gconstpointer data)
{
  GtkWidget *tools = show_tools (f, JOINT_2027);
  g_autoptr(GPtrArray) found = named_widgets (tools, "carried-action-points");
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *row;

  g_assert_cmpuint (found->len, ==, 1);
  row = g_ptr_array_index (found, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "3 open action points of earlier meetings");
  g_assert_nonnull (sec_test_find_row (row, "Prepare a short paper on referral practices between Member States"));

  /* One button puts them on the agenda, after the opening. */
  gtk_widget_activate_action (tools, "tools.add-follow-up", NULL);
  sec_test_iterate ();
  items = sec_agenda_list_items (f->store, JOINT_2027, NULL);
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (items, 1), "title"), ==, "Follow-up of action points");

  /* The page made again says so, and offers it no more. */
  tools = show_tools (f, JOINT_2027);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = named_widgets (tools, "carried-action-points");
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (found, 0)), ==,
                   "The agenda has an item to follow them up");
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    sec_test_collect_widgets (tools, GTK_TYPE_BUTTON, FALSE, buttons);
    for (guint i = 0; i < buttons->len; i++)
      g_assert_cmpstr (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), !=, "tools.add-follow-up");
  }
  /* The Platform's own meeting has nothing before it. */
  tools = show_tools (f, PLATFORM_2025);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = named_widgets (tools, "carried-action-points");
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/minutes-ui/text", test_minutes_text);
  ADD ("/minutes-ui/action-points", test_action_points);
  ADD ("/minutes-ui/carried", test_carried);

  return g_test_run ();
}
