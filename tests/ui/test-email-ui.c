/* test-email-ui.c: the "Write E-mails" dialog on the demo data, without a
 * mail program: opened from the meeting's tools, its recipients (by kind,
 * by status, one taken out), who is left out and why, and "Record" dating
 * the message on the recipients ticked (the meeting's status following
 * after invitations). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "core/base/sec-format.h"
#include "core/documents/sec-email-templates.h"
#include "core/meetings/sec-emails.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "ui/meetings/sec-email-dialog.h"
#include "ui/meetings/sec-email-recipient-item.h"
#include "ui/meetings/sec-email-recipients.h"
#include "ui/meetings/sec-meeting-tools.h"
#include "ui/widgets/sec-progress-strip.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define JOINT_2027 3

typedef struct {
  char      *dir;
  SecStore  *store;
  GtkWidget *window;
} Fixture;

/* Runs the main loop until nothing is pending and no dialog is still
 * reading its recipients (in a worker). */
static void
iterate (void)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gboolean loading;

  do
    {
      GList *toplevels = gtk_window_list_toplevels ();

      sec_test_iterate ();
      loading = FALSE;
      for (GList *l = toplevels; l; l = l->next)
        loading |= SEC_IS_EMAIL_DIALOG (l->data) && sec_email_dialog_get_loading (l->data);
      g_list_free (toplevels);
      if (loading)
        g_usleep (1000);
    }
  while (loading && g_get_monotonic_time () < end);
  g_assert_false (loading);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = sec_test_make_tmp_dir ("sec-email-ui-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
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

/* Helpers */

static GtkWidget *
open_dialog (Fixture *f)
{
  GtkWidget *dialog = GTK_WIDGET (sec_email_dialog_new (GTK_WINDOW (f->window), f->store, JOINT_2027));

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  return dialog;
}

static AdwComboRow *
combo (GtkWidget *dialog, guint index)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  sec_test_collect_widgets (dialog, ADW_TYPE_COMBO_ROW, FALSE, all);
  g_assert_cmpuint (all->len, >, index);
  return g_ptr_array_index (all, index);
}

/* The recipients' list (0) or the left-out list (1). */
static SecEmailRecipients *
recipients_list (GtkWidget *dialog, guint list)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  sec_test_collect_widgets (dialog, SEC_TYPE_EMAIL_RECIPIENTS, FALSE, lists);
  for (guint i = 0; i < lists->len; i++)
    if (g_str_equal (gtk_widget_get_name (g_ptr_array_index (lists, i)), list == 0 ? "recipients-list" : "left-out-list"))
      return g_ptr_array_index (lists, i);
  g_assert_not_reached ();
}

/* The titles of every item of the recipients' list (0) or the left-out
 * list (1), in sight or not. (transfer full) */
static GPtrArray *
row_titles (GtkWidget *dialog, guint list)
{
  GListModel *model = sec_email_recipients_get_model (recipients_list (dialog, list));
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SecEmailRecipientItem) item = g_list_model_get_item (model, i);

      g_ptr_array_add (titles, g_strdup (sec_email_recipient_item_get_title (item)));
    }
  return titles;
}

/* The row shown for @title in list @list (its box: [tick] name over its
 * line), or NULL when no row shows it. */
static GtkWidget *
shown_row (GtkWidget *dialog, guint list, const char *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (recipients_list (dialog, list)), GTK_TYPE_LABEL, TRUE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), title))
      return gtk_widget_get_parent (gtk_widget_get_parent (g_ptr_array_index (labels, i)));
  return NULL;
}

/* The line under @title's name in the row shown for it. */
static const char *
shown_subtitle (GtkWidget *row)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (gtk_widget_get_last_child (row))));
}

/* The tick of the row shown for @title. */
static GtkCheckButton *
shown_check (GtkWidget *dialog, const char *title)
{
  GtkWidget *row = shown_row (dialog, 0, title);

  g_assert_nonnull (row);
  g_assert_true (GTK_IS_CHECK_BUTTON (gtk_widget_get_first_child (row)));
  return GTK_CHECK_BUTTON (gtk_widget_get_first_child (row));
}

static gboolean
has_title (GPtrArray *titles, const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_str_equal (g_ptr_array_index (titles, i), title))
      return TRUE;
  return FALSE;
}

static SecRecord *
participant_of (Fixture *f, const char *family_name)
{
  g_autoptr(SecRecord) person = sec_test_find_one (f->store, SEC_TYPE_PERSON, "family-name", family_name);
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *meeting = sec_test_id_text (JOINT_2027);
  g_autofree char *person_id = sec_test_id_text (sec_record_get_id (person));
  g_autoptr(GPtrArray) list = NULL;

  sec_query_add (q, "meeting", SEC_QUERY_EQUALS, meeting);
  sec_query_add (q, "person", SEC_QUERY_EQUALS, person_id);
  list = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, q, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  return g_object_ref (g_ptr_array_index (list, 0));
}

/* Tests */

static void
wait_until_saved (SecEmailDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (sec_email_dialog_get_saving (dialog) && g_get_monotonic_time () < end)
    sec_test_wait_ms (10);
  g_assert_false (sec_email_dialog_get_saving (dialog));
  iterate ();
}

/* The .eml files in @folder. */
static guint
count_drafts (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".eml");
  return n;
}

static GtkWidget *
find_by_action (GtkWidget *dialog, GType type, const char *action)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  sec_test_collect_widgets (dialog, type, FALSE, all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (all, i)), action) == 0)
      return g_ptr_array_index (all, i);
  g_assert_not_reached ();
}

static void
test_opens_from_tools (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, NULL);
  GtkWidget *tools = sec_meeting_tools_new (f->store, meeting);

  gtk_window_set_child (GTK_WINDOW (f->window), tools);
  iterate ();
  gtk_widget_activate_action (tools, "tools.emails", NULL);
  iterate ();
  gtk_widget_activate_action (tools, "tools.emails", NULL);
  iterate ();
  g_assert_nonnull (sec_test_find_toplevel (SEC_TYPE_EMAIL_DIALOG));
  {
    GList *toplevels = gtk_window_list_toplevels ();
    guint n = 0;

    for (GList *l = toplevels; l; l = l->next)
      n += SEC_IS_EMAIL_DIALOG (l->data) && gtk_widget_get_visible (l->data);
    g_list_free (toplevels);
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
test_recipients_and_left_out (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) person = sec_test_find_one (f->store, SEC_TYPE_PERSON, "family-name", "Vandenberghe");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) left = NULL;
  GtkWidget *dialog;

  /* Hélène may not be contacted. */
  sec_record_set_bool (person, "no-contact", TRUE);
  sec_store_update (f->store, person, &error);
  g_assert_no_error (error);

  dialog = open_dialog (f);
  /* Invitations go to those invited: Hélène confirmed. */
  titles = row_titles (dialog, 0);
  g_assert_cmpuint (titles->len, >, 0);
  g_assert_false (has_title (titles, "Hélène Vandenberghe"));
  g_clear_pointer (&titles, g_ptr_array_unref);

  /* Practical information goes to the confirmed: Hélène left out. */
  adw_combo_row_set_selected (combo (dialog, 0), 2);
  iterate ();
  titles = row_titles (dialog, 0);
  left = row_titles (dialog, 1);
  g_assert_true (has_title (titles, "Søren Jørgensen"));
  g_assert_false (has_title (titles, "Hélène Vandenberghe"));
  g_assert_true (has_title (left, "Hélène Vandenberghe"));
  g_assert_nonnull (shown_row (dialog, 1, "Hélène Vandenberghe"));
  g_assert_cmpstr (shown_subtitle (shown_row (dialog, 1, "Hélène Vandenberghe")), ==, "May not be contacted");
  /* The recipients' rows show the address and status, with a tick named
   * after the person (read by a screen reader). */
  g_assert_cmpstr (shown_subtitle (shown_row (dialog, 0, "Søren Jørgensen")), ==,
                   "soren.jorgensen@example.org · Registered");
  g_assert_null (shown_row (dialog, 0, "Hélène Vandenberghe"));
  g_clear_pointer (&titles, g_ptr_array_unref);

  /* "To": the declined instead. */
  adw_combo_row_set_selected (combo (dialog, 1), 4);
  iterate ();
  titles = row_titles (dialog, 0);
  g_assert_false (has_title (titles, "Søren Jørgensen"));
}

static void
test_record (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) soren = NULL;
  g_autoptr(SecRecord) other = NULL;
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *today = sec_today ();
  GtkWidget *dialog = open_dialog (f);
  const char *first_other;

  adw_combo_row_set_selected (combo (dialog, 0), 2);
  iterate ();
  titles = row_titles (dialog, 0);
  g_assert_cmpuint (titles->len, >=, 2);
  first_other = g_str_equal (g_ptr_array_index (titles, 0), "Søren Jørgensen") ? g_ptr_array_index (titles, 1)
                                                                               : g_ptr_array_index (titles, 0);

  /* Søren taken out. */
  g_assert_true (gtk_check_button_get_active (shown_check (dialog, "Søren Jørgensen")));
  g_assert_cmpuint (sec_email_recipients_get_n_ticked (recipients_list (dialog, 0)), ==, titles->len);
  gtk_check_button_set_active (shown_check (dialog, "Søren Jørgensen"), FALSE);
  iterate ();
  g_assert_cmpuint (sec_email_recipients_get_n_ticked (recipients_list (dialog, 0)), ==, titles->len - 1);

  gtk_widget_activate_action (dialog, "emails.record", NULL);
  iterate ();
  soren = participant_of (f, "Jørgensen");
  g_assert_null (sec_record_get_string (soren, "informed-on"));
  {
    g_auto(GStrv) words = g_strsplit (first_other, " ", 2);
    g_autoptr(SecRecord) person = sec_test_find_one (f->store, SEC_TYPE_PERSON, "given-name", words[0]);
    g_autoptr(SecRecord) p = NULL;

    p = participant_of (f, sec_record_get_string (person, "family-name"));
    g_assert_cmpstr (sec_record_get_string (p, "informed-on"), ==, today);
  }
  meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, NULL);
  g_assert_cmpstr (sec_record_get_string (meeting, "status"), ==, "planned");
  g_clear_object (&meeting);

  /* Invitations: invited on today, and the meeting's status follows. */
  adw_combo_row_set_selected (combo (dialog, 0), 0);
  iterate ();
  gtk_widget_activate_action (dialog, "emails.record", NULL);
  iterate ();
  meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, NULL);
  g_assert_cmpstr (sec_record_get_string (meeting, "status"), ==, "invitations-sent");
  (void) other;

  /* The thanks: the minutes ticked, not the agenda. */
  adw_combo_row_set_selected (combo (dialog, 0), 3);
  iterate ();
  {
    g_autoptr(GPtrArray) minutes = g_ptr_array_new ();
    g_autoptr(GPtrArray) agenda = g_ptr_array_new ();

    sec_test_collect_widgets (sec_test_find_row (dialog, "_Minutes"), GTK_TYPE_CHECK_BUTTON, FALSE, minutes);
    sec_test_collect_widgets (sec_test_find_row (dialog, "A_genda"), GTK_TYPE_CHECK_BUTTON, FALSE, agenda);
    g_assert_cmpuint (minutes->len, ==, 1);
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (minutes, 0)));
    g_assert_false (gtk_check_button_get_active (g_ptr_array_index (agenda, 0)));
  }
}

/* The text of the kind and language chosen, saved and restored. */
static void
test_template (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = open_dialog (f);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  gboolean customised = FALSE;
  AdwEntryRow *subject_row;

  sec_test_collect_widgets (dialog, ADW_TYPE_ENTRY_ROW, FALSE, entries);
  sec_test_collect_widgets (dialog, GTK_TYPE_TEXT_VIEW, FALSE, views);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (views->len, ==, 1);
  subject_row = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (subject_row)), ==, "Invitation: {title}, {date}");

  /* A reminder in French, as the office words it. */
  adw_combo_row_set_selected (combo (dialog, 0), 1);
  adw_combo_row_set_selected (combo (dialog, 3), 2);
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (subject_row), "Rappel : {title}");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)), "{salutation}\nMerci.", -1);
  gtk_widget_activate_action (dialog, "emails.save-template", NULL);
  iterate ();
  g_assert_cmpstr (sec_document_languages ()[2], ==, "fr");
  sec_email_template_get (f->store, SEC_EMAIL_REMINDER, "fr", &subject, &body, &customised);
  g_assert_true (customised);
  g_assert_cmpstr (subject, ==, "Rappel : {title}");
  g_assert_cmpstr (body, ==, "{salutation}\nMerci.");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);

  /* Another kind shows its own; back, the saved one; restored. */
  adw_combo_row_set_selected (combo (dialog, 0), 3);
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (subject_row)), !=, "Rappel : {title}");
  adw_combo_row_set_selected (combo (dialog, 0), 1);
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (subject_row)), ==, "Rappel : {title}");
  gtk_widget_activate_action (dialog, "emails.reset-template", NULL);
  iterate ();
  sec_email_template_get (f->store, SEC_EMAIL_REMINDER, "fr", &subject, &body, &customised);
  g_assert_false (customised);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (subject_row)), ==, subject);
}

/* "Save as Files…": the folder chosen gets one .eml per recipient. */
static void
test_save_files (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = open_dialog (f);
  g_autofree char *folder = g_build_filename (f->dir, "drafts", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  GtkWindow *chooser = NULL;
  GList *toplevels;
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  gtk_widget_activate_action (dialog, "emails.save-files", NULL);
  iterate ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG (l->data))
      chooser = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (chooser);
  /* Selected once the chooser has read the folder around it. */
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  sec_test_wait_ms (500);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  sec_test_wait_ms (50);
  wait_until_saved (SEC_EMAIL_DIALOG (dialog));

  dir = g_dir_open (folder, 0, NULL);
  {
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_test_message ("%s", name);
        n += g_str_has_suffix (name, ".eml");
      }
  }
  /* The four people invited to the joint meeting. */
  g_assert_cmpuint (n, ==, 4);
}

/* The drafts are written in a worker: the strip shows with Cancel and
 * "Save as Files…" is off meanwhile; the files appear, the bar having gone
 * to the end. Cancel, or closing the dialog, leaves none of them. */
static void
test_save_files_worker (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = open_dialog (f);
  g_autofree char *folder = g_build_filename (f->dir, "worker", NULL);
  g_autofree char *cancelled = g_build_filename (f->dir, "cancelled", NULL);
  g_autofree char *closed = g_build_filename (f->dir, "closed", NULL);
  g_autofree char *notes = g_build_filename (cancelled, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GFile) cancelled_file = g_file_new_for_path (cancelled);
  g_autoptr(GFile) closed_file = g_file_new_for_path (closed);
  g_autoptr(GPtrArray) strips = g_ptr_array_new ();
  GtkWidget *save = find_by_action (dialog, GTK_TYPE_BUTTON, "emails.save-files");
  SecProgressStrip *strip;

  sec_test_collect_widgets (dialog, SEC_TYPE_PROGRESS_STRIP, FALSE, strips);
  g_assert_cmpuint (strips->len, ==, 1);
  strip = g_ptr_array_index (strips, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (strip)));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Nothing is written before the main loop runs again: the worker does it. */
  sec_email_dialog_save_to_folder (SEC_EMAIL_DIALOG (dialog), file);
  g_assert_true (sec_email_dialog_get_saving (SEC_EMAIL_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (strip)));
  g_assert_false (gtk_widget_get_sensitive (save));
  wait_until_saved (SEC_EMAIL_DIALOG (dialog));
  g_assert_cmpuint (count_drafts (folder), ==, 4);
  g_assert_cmpfloat (sec_progress_strip_get_fraction (strip), ==, 1.0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (strip)));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Cancel: the folder is as it was. */
  g_assert_cmpint (g_mkdir (cancelled, 0700), ==, 0);
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));
  sec_email_dialog_save_to_folder (SEC_EMAIL_DIALOG (dialog), cancelled_file);
  gtk_widget_activate_action (dialog, "emails.cancel-save", NULL);
  wait_until_saved (SEC_EMAIL_DIALOG (dialog));
  g_assert_cmpuint (count_drafts (cancelled), ==, 0);
  g_assert_true (g_file_test (notes, G_FILE_TEST_IS_REGULAR));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (strip)));

  /* Closing the dialog cancels too. */
  sec_email_dialog_save_to_folder (SEC_EMAIL_DIALOG (dialog), closed_file);
  gtk_window_close (GTK_WINDOW (dialog));
  sec_test_wait_ms (1000);
  g_assert_cmpuint (count_drafts (closed), ==, 0);
  g_assert_false (g_file_test (closed, G_FILE_TEST_EXISTS));
}

/* The recipients are read in a worker: the dialog shows at once, with a
 * spinner and nothing to write from, then the rows. Closed, or the kind
 * changed, while they are read: the reading is dropped, nothing is left
 * (no row of the old kind, no callback into a closed dialog). */
static void
test_loading (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = GTK_WIDGET (sec_email_dialog_new (GTK_WINDOW (f->window), f->store, JOINT_2027));
  g_autoptr(GPtrArray) spinners = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = NULL;
  GtkWidget *closed;

  g_assert_true (sec_email_dialog_get_loading (SEC_EMAIL_DIALOG (dialog)));
  sec_test_collect_widgets (dialog, GTK_TYPE_SPINNER, FALSE, spinners);
  g_assert_cmpuint (spinners->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (spinners, 0)));
  titles = row_titles (dialog, 0);
  g_assert_cmpuint (titles->len, ==, 0);
  g_clear_pointer (&titles, g_ptr_array_unref);
  g_assert_false (gtk_widget_is_sensitive (find_by_action (dialog, GTK_TYPE_BUTTON, "emails.save-files")));
  g_assert_false (gtk_widget_is_sensitive (find_by_action (dialog, GTK_TYPE_BUTTON, "emails.write")));

  /* Another kind while the first is read: only its recipients come
   * (practical information: the confirmed, Søren among them). */
  adw_combo_row_set_selected (combo (dialog, 0), 2);
  g_assert_true (sec_email_dialog_get_loading (SEC_EMAIL_DIALOG (dialog)));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  sec_test_wait_ms (200);
  g_assert_false (sec_email_dialog_get_loading (SEC_EMAIL_DIALOG (dialog)));
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (spinners, 0)));
  titles = row_titles (dialog, 0);
  g_assert_true (has_title (titles, "Søren Jørgensen"));
  {
    g_autoptr(GPtrArray) a = NULL;
    g_autoptr(GPtrArray) b = NULL;

    g_assert_true (sec_emails_list_recipients (f->store, JOINT_2027, SEC_EMAIL_INFORMATION, NULL, NULL, &a, &b, NULL));
    g_assert_cmpuint (titles->len, ==, a->len);
  }
  g_assert_true (gtk_widget_is_sensitive (find_by_action (dialog, GTK_TYPE_BUTTON, "emails.save-files")));

  /* Closed while it reads. */
  closed = GTK_WIDGET (sec_email_dialog_new (GTK_WINDOW (f->window), f->store, JOINT_2027));
  g_object_add_weak_pointer (G_OBJECT (closed), (gpointer *) &closed);
  gtk_window_present (GTK_WINDOW (closed));
  gtk_window_destroy (GTK_WINDOW (closed));
  sec_test_wait_ms (500);
  g_assert_null (closed);
}

/* Making the drafts runs in a worker too: the strip shows at once, and a
 * Cancel then leaves nothing (no folder made). */
static void
test_cancel_making (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = open_dialog (f);
  g_autofree char *folder = g_build_filename (f->dir, "never", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GPtrArray) strips = g_ptr_array_new ();
  SecProgressStrip *strip;

  sec_test_collect_widgets (dialog, SEC_TYPE_PROGRESS_STRIP, FALSE, strips);
  strip = g_ptr_array_index (strips, 0);
  sec_email_dialog_save_to_folder (SEC_EMAIL_DIALOG (dialog), file);
  g_assert_true (sec_email_dialog_get_saving (SEC_EMAIL_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (strip)));
  g_assert_cmpstr (sec_progress_strip_get_text (strip), ==, "Preparing the drafts…");
  g_assert_false (gtk_widget_is_sensitive (find_by_action (dialog, GTK_TYPE_BUTTON, "emails.write")));
  gtk_widget_activate_action (dialog, "emails.cancel-save", NULL);
  wait_until_saved (SEC_EMAIL_DIALOG (dialog));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (strip)));
  g_assert_true (gtk_widget_is_sensitive (find_by_action (dialog, GTK_TYPE_BUTTON, "emails.write")));
}

/* The row widgets below @list: its ticks, one a row made. */
static guint
count_row_widgets (SecEmailRecipients *list)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (list), GTK_TYPE_CHECK_BUTTON, FALSE, checks);
  return checks->len;
}

/* A meeting of hundreds: the list makes about a screenful of rows, not
 * one a recipient, and reuses them as it scrolls; every recipient is
 * still in its model, a tick survives its row going out of sight, Enter
 * on a row (the list's activation) ticks it, and the drafts saved go to
 * exactly those ticked. */
static void
test_many_recipients (Fixture *f, gconstpointer data)
{
  g_autofree char *meeting = sec_test_id_text (JOINT_2027);
  g_autofree char *folder = g_build_filename (f->dir, "many", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GPtrArray) included = NULL;
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  SecEmailRecipients *list;
  GtkAdjustment *adjustment;
  GtkWidget *dialog;
  GListModel *model;
  const char *first, *last;
  guint n, made;

  g_assert_true (sec_store_begin (f->store, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *family = g_strdup_printf ("Many %03u", i);
      g_autofree char *email = g_strdup_printf ("many%03u@example.org", i);
      gint64 person = sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", "Ana", "family-name", family,
                                       "email", email, NULL);
      g_autofree char *person_id = sec_test_id_text (person);

      sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting, "person", person_id, "status", "invited",
                       NULL);
    }
  g_assert_true (sec_store_commit (f->store, &error));
  g_assert_true (sec_emails_list_recipients (f->store, JOINT_2027, SEC_EMAIL_INVITATION, NULL, NULL, &included,
                                             &left_out, &error));
  g_assert_no_error (error);
  n = included->len;
  g_assert_cmpuint (n, >=, 300);

  dialog = open_dialog (f);
  list = recipients_list (dialog, 0);
  model = sec_email_recipients_get_model (list);
  /* Every recipient in the model, in the order read, ticked. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SecEmailRecipientItem) item = g_list_model_get_item (model, i);
      SecEmailRecipient *r = g_ptr_array_index (included, i);

      g_assert_cmpint (sec_email_recipient_item_get_participant_id (item), ==, r->row->participant_id);
      g_assert_true (sec_email_recipient_item_get_ticked (item));
    }
  g_assert_cmpuint (sec_email_recipients_get_n_ticked (list), ==, n);
  /* About a screenful of rows (the dialog shows eight; GTK 4.8's grid
   * view keeps 30 and three more), not one a recipient. */
  made = count_row_widgets (list);
  g_test_message ("%u recipients, %u rows made", n, made);
  g_assert_cmpuint (made, >=, 5);
  g_assert_cmpuint (made, <=, 40);
  titles = row_titles (dialog, 0);
  first = g_ptr_array_index (titles, 0);
  last = g_ptr_array_index (titles, n - 1);
  g_assert_nonnull (shown_row (dialog, 0, first));
  g_assert_null (shown_row (dialog, 0, last));

  /* The first taken out by its tick; scrolled to the end, the last shows
   * with as few rows; back at the top, the first is still unticked. */
  gtk_check_button_set_active (shown_check (dialog, first), FALSE);
  g_assert_cmpuint (sec_email_recipients_get_n_ticked (list), ==, n - 1);
  sec_test_collect_widgets (GTK_WIDGET (list), GTK_TYPE_GRID_VIEW, FALSE, views);
  g_assert_cmpuint (views->len, ==, 1);
  adjustment = gtk_scrollable_get_vadjustment (g_ptr_array_index (views, 0));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  iterate ();
  sec_test_wait_ms (100);
  g_assert_nonnull (shown_row (dialog, 0, last));
  g_assert_cmpuint (count_row_widgets (list), <=, 40);
  gtk_adjustment_set_value (adjustment, 0.0);
  iterate ();
  sec_test_wait_ms (100);
  g_assert_false (gtk_check_button_get_active (shown_check (dialog, first)));

  /* Enter on the second row (the list's activation) takes it out too;
   * its tick follows. */
  gtk_widget_activate_action (g_ptr_array_index (views, 0), "list.activate-item", "u", 1);
  iterate ();
  g_assert_false (gtk_check_button_get_active (shown_check (dialog, g_ptr_array_index (titles, 1))));
  g_assert_cmpuint (sec_email_recipients_get_n_ticked (list), ==, n - 2);
  /* Space on the third row (focused), the same. */
  {
    GtkWidget *cell = gtk_widget_get_parent (gtk_widget_get_parent (shown_row (dialog, 0, g_ptr_array_index (titles, 2))));

    g_assert_true (gtk_widget_grab_focus (cell));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "recipients.toggle-focused", NULL));
    iterate ();
    g_assert_false (gtk_check_button_get_active (shown_check (dialog, g_ptr_array_index (titles, 2))));
    g_assert_cmpuint (sec_email_recipients_get_n_ticked (list), ==, n - 3);
    gtk_widget_activate_action (GTK_WIDGET (list), "recipients.toggle-focused", NULL);
    g_assert_cmpuint (sec_email_recipients_get_n_ticked (list), ==, n - 2);
  }
  /* And one out of sight, through the model. */
  sec_email_recipients_toggle (list, n - 10);
  ids = sec_email_recipients_dup_ticked_ids (list);
  g_assert_cmpuint (ids->len, ==, n - 3);

  /* The drafts: one for each recipient ticked. */
  sec_email_dialog_save_to_folder (SEC_EMAIL_DIALOG (dialog), file);
  wait_until_saved (SEC_EMAIL_DIALOG (dialog));
  g_assert_cmpuint (count_drafts (folder), ==, n - 3);
}

/* With $SEC_EMAIL_SCREENSHOT_DIR, the dialog scrolled down to its
 * recipients and those left out (practical information, Hélène not to be
 * contacted), saved as e-mails-recipients.png there: to look at the
 * lists. Skipped without it. */
static void
test_screenshot (Fixture *f, gconstpointer data)
{
  const char *dir = g_getenv ("SEC_EMAIL_SCREENSHOT_DIR");
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GPtrArray) scrolled = g_ptr_array_new ();
  g_autofree char *path = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *dialog;

  if (dir == NULL)
    {
      g_test_skip ("$SEC_EMAIL_SCREENSHOT_DIR names no folder");
      return;
    }
  person = sec_test_find_one (f->store, SEC_TYPE_PERSON, "family-name", "Vandenberghe");
  sec_record_set_bool (person, "no-contact", TRUE);
  g_assert_true (sec_store_update (f->store, person, NULL));
  dialog = open_dialog (f);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 820);
  adw_combo_row_set_selected (combo (dialog, 0), 2);
  iterate ();
  sec_test_collect_widgets (dialog, ADW_TYPE_PREFERENCES_PAGE, FALSE, pages);
  sec_test_collect_widgets (g_ptr_array_index (pages, 0), GTK_TYPE_SCROLLED_WINDOW, FALSE, scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrolled, 0));
  sec_test_wait_ms (200);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sec_test_wait_ms (200);
  path = g_build_filename (dir, "e-mails-recipients.png", NULL);
  sec_test_save_window (dialog, path);
}

/* With $SEC_EMAIL_BIG_DB naming a large database (the one of
 * benchmarks/scale) and $SEC_EMAIL_BIG_MEETING its meeting (2: 5,000
 * participants), "Save as Files…" of its invitations: the time on the main
 * thread, the longest main-loop iteration while the worker writes, how
 * often the bar moves, how soon Cancel at half-way stops it. Skipped
 * without it: figures, not a check. */
static void
test_big_file (void)
{
  const char *big = g_getenv ("SEC_EMAIL_BIG_DB");
  const char *meeting = g_getenv ("SEC_EMAIL_BIG_MEETING");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *cancelled = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) cancelled_file = NULL;
  g_autoptr(GPtrArray) strips = g_ptr_array_new ();
  SecProgressStrip *strip;
  GtkWidget *dialog;
  gint64 start, called, longest = 0, stopped;
  SecTestStall stall = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  if (big == NULL)
    {
      g_test_skip ("$SEC_EMAIL_BIG_DB names no database");
      return;
    }
  store = sec_store_open (big, &error);
  g_assert_no_error (error);
  dir = sec_test_make_tmp_dir ("sec-email-big-XXXXXX");
  folder = g_build_filename (dir, "drafts", NULL);
  cancelled = g_build_filename (dir, "cancelled", NULL);
  file = g_file_new_for_path (folder);
  cancelled_file = g_file_new_for_path (cancelled);
  /* With $SEC_EMAIL_BIG_WARM, an e-mail dialog (of the demo's meeting
   * number) opened and closed first: the second open of a process, its
   * classes, styles and fonts already met. */
  if (g_getenv ("SEC_EMAIL_BIG_WARM") != NULL)
    {
      GtkWidget *warm = GTK_WIDGET (sec_email_dialog_new (NULL, store, JOINT_2027));

      gtk_window_present (GTK_WINDOW (warm));
      sec_test_wait_ms (300);
      gtk_window_destroy (GTK_WINDOW (warm));
    }
  /* A first window, so that the renderer's start is not counted. */
  {
    GtkWidget *first = gtk_window_new ();

    gtk_window_present (GTK_WINDOW (first));
    sec_test_wait_ms (500);
    gtk_window_destroy (GTK_WINDOW (first));
  }
  start = g_get_monotonic_time ();
  sec_test_stall_start (&stall, 1);
  dialog = GTK_WIDGET (sec_email_dialog_new (NULL, store, meeting != NULL ? g_ascii_strtoll (meeting, NULL, 10) : 2));
  gtk_window_present (GTK_WINDOW (dialog));
  called = g_get_monotonic_time ();
  iterate ();
  rows = row_titles (dialog, 0);
  g_test_message ("dialog opened in %.2f s (%.2f s in the call), its %u recipients in (%u rows made); the main loop "
                  "stalled at most %.0f ms", (g_get_monotonic_time () - start) / 1e6, (called - start) / 1e6, rows->len,
                  count_row_widgets (recipients_list (dialog, 0)), stall.longest / 1e3);
  if (g_getenv ("SEC_EMAIL_SCREENSHOT") != NULL)
    {
      GtkWidget *again = GTK_WIDGET (sec_email_dialog_new (NULL, store, meeting != NULL ? g_ascii_strtoll (meeting, NULL, 10) : 2));

      gtk_window_present (GTK_WINDOW (again));
      sec_test_wait_ms (150);
      sec_test_save_window (again, g_getenv ("SEC_EMAIL_SCREENSHOT"));
      gtk_window_destroy (GTK_WINDOW (again));
      iterate ();
    }
  sec_test_collect_widgets (dialog, SEC_TYPE_PROGRESS_STRIP, FALSE, strips);
  strip = g_ptr_array_index (strips, 0);

  sec_test_stall_start (&stall, 1);
  start = g_get_monotonic_time ();
  sec_email_dialog_save_to_folder (SEC_EMAIL_DIALOG (dialog), file);
  called = g_get_monotonic_time ();
  while (sec_email_dialog_get_saving (SEC_EMAIL_DIALOG (dialog)))
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, g_get_monotonic_time () - before);
    }
  sec_test_stall_stop (&stall);
  g_test_message ("made and saved %u drafts in %.2f s: %.3f s on the main thread to start, then the longest "
                  "main-loop iteration %.1f ms, the main loop stalled at most %.0f ms; the bar moved %u times",
                  count_drafts (folder), (g_get_monotonic_time () - start) / 1e6, (called - start) / 1e6,
                  longest / 1e3, stall.longest / 1e3, sec_progress_strip_get_n_updates (strip));

  sec_email_dialog_save_to_folder (SEC_EMAIL_DIALOG (dialog), cancelled_file);
  while (sec_progress_strip_get_fraction (strip) < 0.5)
    g_main_context_iteration (NULL, TRUE);
  start = g_get_monotonic_time ();
  g_test_message ("cancelling with %u drafts written", count_drafts (cancelled));
  gtk_widget_activate_action (dialog, "emails.cancel-save", NULL);
  while (sec_email_dialog_get_saving (SEC_EMAIL_DIALOG (dialog)))
    g_main_context_iteration (NULL, TRUE);
  stopped = g_get_monotonic_time ();
  g_test_message ("cancelled at half-way: stopped %.2f s later, %u drafts left", (stopped - start) / 1e6,
                  count_drafts (cancelled));
  g_assert_cmpuint (count_drafts (cancelled), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_remove_tree (dir);
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
  ADD ("/email-ui/opens-from-tools", test_opens_from_tools);
  ADD ("/email-ui/recipients-and-left-out", test_recipients_and_left_out);
  ADD ("/email-ui/record", test_record);
  ADD ("/email-ui/template", test_template);
  ADD ("/email-ui/save-files", test_save_files);
  ADD ("/email-ui/save-files-worker", test_save_files_worker);
  ADD ("/email-ui/loading", test_loading);
  ADD ("/email-ui/cancel-making", test_cancel_making);
  ADD ("/email-ui/many-recipients", test_many_recipients);
  ADD ("/email-ui/screenshot", test_screenshot);
  g_test_add_func ("/email-ui/big-file", test_big_file);

  return g_test_run ();
}
