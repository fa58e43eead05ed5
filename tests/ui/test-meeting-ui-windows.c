/* test-meeting-ui-windows.c: the windows a meeting's tools open, on the
 * demo data: the check-in (letters, Enter, Ctrl+Z, the expected and the
 * walk-ins, its placeholder in large type), the agenda window (add, move
 * with the keyboard action, the times, the version after final, remove and
 * undo), the export dialog writing a PDF (cancelled, an error shown) and
 * the document preview.
 *
 * The fixture is sec-test-meeting.h's; the tools widget itself is tested in
 * test-meeting-ui.c. Both programs' tests are under /meeting-ui/. */
#include "config.h"

#include <adwaita.h>

#include "ui/meetings/sec-agenda-window.h"
#include "core/meetings/sec-agenda.h"
#include "ui/meetings/sec-checkin-window.h"
#include "ui/meetings/sec-export-dialog.h"
#include "core/meetings/sec-invitations.h"
#include "ui/widgets/sec-document-preview.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-meeting.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define iterate sec_test_iterate

/* Check-in */

static void
test_check_in (SecTestMeeting *f, gconstpointer data)
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
  count = GTK_LABEL (sec_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL));
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
  g_assert_false (gtk_widget_is_sensitive (sec_test_find_action_button (GTK_WIDGET (window), "checkin.undo")));

  /* Letters that find nobody: nothing is marked; the entry is cleared for
   * the next name, and the letters are kept for a walk-in. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzz");
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (count), ==, "0 / 17");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW))), ==,
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
test_check_in_expected (SecTestMeeting *f, gconstpointer data)
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
  entry = sec_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
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
test_check_in_walk_in (SecTestMeeting *f, gconstpointer data)
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
  g_assert_false (gtk_widget_is_sensitive (sec_test_find_action_button (GTK_WIDGET (window), "checkin.walk-in")));
  sec_test_collect_widgets (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, FALSE, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Jana Nováková");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "Walk-in Association");
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (sec_test_find_action_button (GTK_WIDGET (window), "checkin.walk-in")));
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

/* The check-in's search field is typed in large type: its placeholder
 * must fit whole in the field at the window's usual width, with GNOME's
 * Large Text too (it was cut: "Type a few letters of a n…"). */
static void
test_check_in_placeholder_fits (SecTestMeeting *f, gconstpointer data)
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
version_of (SecTestMeeting *f, gint64 meeting_id)
{
  g_autoptr(SecRecord) meeting = sec_test_get_meeting (f, meeting_id);

  return sec_record_get_int (meeting, "agenda-version");
}

static void
test_agenda (SecTestMeeting *f, gconstpointer data)
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
  final_switch = GTK_SWITCH (sec_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SWITCH));
  gtk_switch_set_active (final_switch, TRUE);
  iterate ();
  g_assert_cmpint (version_of (f, NREM_2018), ==, 1);
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (window), "Final"));
  g_assert_cmpstr (sec_test_row_subtitle (sec_test_find_row (GTK_WIDGET (window), "Final")), ==,
                   "Final, version 1");

  /* Add an item: it comes last, after the 16:15 item that ends at 16:30. */
  gtk_widget_activate_action (GTK_WIDGET (window), "agenda.add-item", NULL);
  iterate ();
  title_row = sec_test_find_row (GTK_WIDGET (window), "Title");
  g_assert_true (gtk_widget_get_mapped (title_row));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Closing remarks");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sec_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON)), 10);
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
  g_assert_cmpstr (sec_test_row_subtitle (sec_test_find_row (GTK_WIDGET (window), "Final")), ==,
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
test_agenda_refuses_empty_title (SecTestMeeting *f, gconstpointer data)
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
test_export_pdf (SecTestMeeting *f, gconstpointer data)
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
  g_assert_null (sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
on_fraction (GtkProgressBar *bar, GParamSpec *pspec, double *most)
{
  *most = MAX (*most, gtk_progress_bar_get_fraction (bar));
}

/* Saving shows its progress and can be cancelled; a cancelled save leaves
 * no file and no message. */
static void
test_export_cancel (SecTestMeeting *f, gconstpointer data)
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
  g_assert_null (sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Saved again, to the end: the bar went forward. */
  most = 0;
  sec_export_dialog_save_to_file (dialog, file);
  wait_until_idle (dialog);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpfloat (most, >, 0.5);
}

static void
test_export_error_is_shown (SecTestMeeting *f, gconstpointer data)
{
  SecExportDialog *dialog = sec_export_dialog_new (GTK_WINDOW (f->window), f->store, NREM_2018);
  g_autofree char *path = g_build_filename (f->dir, "no such folder", "list.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *message;

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  sec_export_dialog_set_kind (dialog, SEC_MEETING_EXPORT_PARTICIPANTS_CSV);
  /* CSV is not printed. */
  g_assert_false (gtk_widget_is_sensitive (sec_test_find_action_button (GTK_WIDGET (dialog), "export.print")));
  sec_export_dialog_save_to_file (dialog, file);
  wait_until_idle (dialog);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  message = sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "Could Not Save the Document");
}

/* Preview shows the pages in the application, and turns them. */
static void
test_preview (SecTestMeeting *f, gconstpointer data)
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
  preview = SEC_DOCUMENT_PREVIEW (sec_test_find_toplevel (SEC_TYPE_DOCUMENT_PREVIEW));
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
  g_assert_false (gtk_widget_is_sensitive (sec_test_find_action_button (GTK_WIDGET (preview), "preview.previous-page")));
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
  g_assert_false (gtk_widget_is_sensitive (sec_test_find_action_button (GTK_WIDGET (preview), "preview.next-page")));
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

int
main (int argc, char *argv[])
{
  sec_test_ui_init (&argc, &argv);

#define ADD(name, func) SEC_TEST_MEETING_ADD (name, func)
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
