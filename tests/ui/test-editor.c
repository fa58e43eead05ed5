/* test-editor.c: the record editor saves (an edit can be undone), refuses
 * what the store would refuse, asks before losing changes, fills what it
 * was given and keeps the form when the store fails.
 *
 * The fixture is sec-test-editor.h's; what the fields read and tell (the
 * date forms, the errors on leaving a field, the missing fields, the date,
 * country and record rows) is tested in test-editor-fields.c. Both
 * programs' tests are under /editor/. */
#include "config.h"

#include <adwaita.h>

#include "ui/widgets/sec-country-row.h"
#include "ui/widgets/sec-date-row.h"
#include "ui/records/sec-record-editor.h"
#include "ui/shell/sec-window.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-meetings.h"
#include "sec-test-editor.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

/* Tests */

static void
test_create_organisation (SecTestEditor *f, gconstpointer data)
{
  SecRecordEditor *editor = sec_test_open_editor (f, SEC_TYPE_ORGANISATION, NULL);
  GtkWidget *focus;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Organisation");

  /* The name first, and nothing to save without it; no nagging yet. */
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, sec_test_field_row (editor, "Name *")));
  g_assert_false (sec_test_can_save (editor));
  g_assert_null (sec_test_message_of (editor, "Name *"));

  sec_test_type (editor, "Name *", "Frontex");
  g_assert_true (sec_test_can_save (editor));

  /* Emptied again: now it says so. */
  sec_test_type (editor, "Name *", "");
  g_assert_cmpstr (sec_test_message_of (editor, "Name *"), ==, "Name is required");
  g_assert_false (sec_test_can_save (editor));

  sec_test_type (editor, "Name *", "Frontex");
  sec_test_type (editor, "Email", "frontex at example");
  g_assert_cmpstr (sec_test_message_of (editor, "Email"), ==, "Email: “frontex at example” is not a valid email address");
  g_assert_false (sec_test_can_save (editor));
  /* Refused even by the shortcut. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  sec_test_iterate ();
  g_assert_nonnull (editor);
  g_assert_cmpint (sec_test_count (f, SEC_TYPE_ORGANISATION, "name", "Frontex"), ==, 0);

  sec_test_type (editor, "Email", "frontex@example.eu");
  g_assert_null (sec_test_message_of (editor, "Email"));
  g_assert_true (sec_test_can_save (editor));

  /* A name that is taken. */
  sec_test_type (editor, "Name *", "Europol");
  g_assert_cmpstr (sec_test_message_of (editor, "Name *"), ==, "An organisation named “Europol” already exists");
  g_assert_false (sec_test_can_save (editor));

  sec_test_type (editor, "Name *", "Frontex");
  sec_test_type (editor, "Website", "www.frontex");
  g_assert_nonnull (sec_test_message_of (editor, "Website"));
  sec_test_type (editor, "Website", "https://frontex.example.eu");
  sec_country_row_set_value (SEC_COUNTRY_ROW (sec_test_field_row (editor, "Country")), "pl");
  sec_test_iterate ();
  g_assert_true (sec_test_can_save (editor));

  sec_test_save (editor);
  g_assert_null (editor);
  g_assert_cmpint (sec_test_count (f, SEC_TYPE_ORGANISATION, "name", "Frontex"), ==, 1);
  g_assert_cmpstr (f->opened_kind, ==, "organisation");
  {
    g_autoptr(SecRecord) frontex = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->opened_id, NULL);

    g_assert_nonnull (frontex);
    g_assert_cmpstr (sec_record_get_string (frontex, "name"), ==, "Frontex");
    g_assert_cmpstr (sec_record_get_string (frontex, "email"), ==, "frontex@example.eu");
    g_assert_cmpstr (sec_record_get_string (frontex, "country"), ==, "PL");
    g_assert_cmpstr (sec_record_get_string (frontex, "kind"), ==, "civil-society");
  }
}

static void
test_edit_organisation (SecTestEditor *f, gconstpointer data)
{
  g_autoptr(SecRecord) europol = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_autoptr(SecRecord) saved = NULL;
  SecRecordEditor *editor = sec_test_open_editor (f, SEC_TYPE_ORGANISATION, europol);
  AdwComboRow *kind;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit “Europol”");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_field_row (editor, "Name *"))), ==, "Europol");
  /* Unchanged: nothing to save. */
  g_assert_false (sec_test_can_save (editor));

  sec_test_type (editor, "City", "The Hague");
  kind = ADW_COMBO_ROW (sec_test_field_row (editor, "Kind *"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (kind)), ==, "EU agency");
  adw_combo_row_set_selected (kind, 0);
  sec_test_iterate ();
  g_assert_true (sec_test_can_save (editor));
  sec_test_save (editor);
  g_assert_null (editor);

  saved = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_assert_cmpstr (sec_record_get_string (saved, "city"), ==, "The Hague");
  g_assert_cmpstr (sec_record_get_string (saved, "kind"), ==, "civil-society");
  g_assert_cmpstr (sec_record_get_string (saved, "name"), ==, "Europol");
  /* The copy was edited, not the record given. */
  g_assert_null (sec_record_get_string (europol, "city"));
  g_assert_cmpint (f->opened_id, ==, f->europol);
}

/* Clicks the dialog's button for @label, as the user does. */
static void
click_response (AdwMessageDialog *dialog, const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      {
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        sec_test_iterate ();
        return;
      }
  g_error ("No button “%s”", label);
}

static void
test_discard_prompt (SecTestEditor *f, gconstpointer data)
{
  SecRecordEditor *editor = sec_test_open_editor (f, SEC_TYPE_PERSON, NULL);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  /* Untouched: it just closes. */
  gtk_window_close (GTK_WINDOW (editor));
  sec_test_iterate ();
  g_assert_null (editor);
  g_assert_null (sec_test_find_message_dialog ());

  editor = sec_test_open_editor (f, SEC_TYPE_PERSON, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_test_type (editor, "Family name *", "Müller");

  /* Escape asks, and Keep Editing keeps what was typed. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  sec_test_iterate ();
  g_assert_nonnull (editor);
  dialog = sec_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  click_response (dialog, "_Keep Editing");
  g_assert_null (sec_test_find_message_dialog ());
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_field_row (editor, "Family name *"))), ==, "Müller");

  /* Discard closes without saving. */
  gtk_window_close (GTK_WINDOW (editor));
  sec_test_iterate ();
  dialog = sec_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  click_response (dialog, "_Discard");
  g_assert_null (editor);
  g_assert_null (sec_test_find_message_dialog ());
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 0);
}

static void
test_prefilled_person (SecTestEditor *f, gconstpointer data)
{
  SecRecordEditor *editor = sec_test_open_editor (f, SEC_TYPE_PERSON, NULL);
  g_autofree char *europol = g_strdup_printf ("%" G_GINT64_FORMAT, f->europol);
  SecRecordPickerRow *organisation;
  g_autoptr(SecRecord) person = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "organisation", europol);
  sec_test_iterate ();

  organisation = SEC_RECORD_PICKER_ROW (sec_test_field_row (editor, "Organisation"));
  g_assert_cmpint (sec_record_picker_row_get_record_id (organisation), ==, f->europol);
  g_assert_false (sec_record_editor_get_modified (editor));
  g_assert_false (sec_test_can_save (editor));

  sec_test_type (editor, "Given name", "Anna");
  sec_test_type (editor, "Family name *", "Müller");
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    sec_test_collect_widgets (sec_test_field_row (editor, "Notes"), GTK_TYPE_TEXT_VIEW, FALSE, views);
    g_assert_cmpuint (views->len, ==, 1);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)),
                              "Vegetarian.\nNeeds a hearing loop.\n\n", -1);
  }
  sec_test_iterate ();
  g_assert_true (sec_test_can_save (editor));
  sec_test_save (editor);
  g_assert_null (editor);

  g_assert_cmpstr (f->opened_kind, ==, "person");
  person = sec_store_get (f->store, SEC_TYPE_PERSON, f->opened_id, NULL);
  g_assert_cmpint (sec_record_get_ref (person, "organisation"), ==, f->europol);
  g_assert_cmpstr (sec_record_get_string (person, "notes"), ==, "Vegetarian.\nNeeds a hearing loop.");
  g_assert_cmpstr (sec_record_get_derived (person, "organisation-name"), ==, "Europol");
}

static void
test_meeting_bodies_and_dates (SecTestEditor *f, gconstpointer data)
{
  SecRecordEditor *editor = sec_test_open_editor (f, SEC_TYPE_MEETING, NULL);
  g_autofree char *id = NULL;
  SecDateRow *starts;
  GtkWidget *network, *platform;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_test_type (editor, "Title *", "Joint session of the Platform and the NREMs");
  starts = SEC_DATE_ROW (sec_test_field_row (editor, "Starts *"));
  g_assert_true (sec_date_row_get_show_time (starts));

  /* Typed the way people write dates; the time beside it. */
  sec_test_type (editor, "Starts *", "13 June 2018");
  g_assert_cmpstr (sec_test_message_of (editor, "Starts *"), ==, "Type the time of day too, as 9:30 or 14:00");
  sec_test_pick_date (editor, "Starts *", "2018-06-13T09:30");
  sec_test_pick_date (editor, "Ends *", "2018-06-12T17:00");

  /* The end before the start, said once, at the end. */
  g_assert_null (sec_test_message_of (editor, "Starts *"));
  g_assert_cmpstr (sec_test_message_of (editor, "Ends *"), ==, "“Ends” cannot be before “Starts”");
  g_assert_false (sec_test_can_save (editor));

  sec_test_pick_date (editor, "Ends *", "2018-06-13T17:00");
  g_assert_null (sec_test_message_of (editor, "Ends *"));
  /* No body yet: required. */
  g_assert_false (sec_test_can_save (editor));

  network = sec_test_field_row (editor, "EU Network of National Rapporteurs");
  platform = sec_test_field_row (editor, "EU Civil Society Platform");
  adw_action_row_activate (ADW_ACTION_ROW (network));
  adw_action_row_activate (ADW_ACTION_ROW (platform));
  sec_test_iterate ();
  g_assert_true (sec_test_can_save (editor));

  sec_test_save (editor);
  g_assert_null (editor);
  g_assert_cmpstr (f->opened_kind, ==, "meeting");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, f->opened_id);
  g_assert_cmpint (sec_test_count (f, SEC_TYPE_MEETING_BODY, "meeting", id), ==, 2);

  /* Edited: one body fewer, in the same save. */
  {
    g_autoptr(SecRecord) meeting = sec_store_get (f->store, SEC_TYPE_MEETING, f->opened_id, NULL);

    editor = sec_test_open_editor (f, SEC_TYPE_MEETING, meeting);
    g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
    g_assert_cmpstr (sec_date_row_get_value (SEC_DATE_ROW (sec_test_field_row (editor, "Starts *"))), ==, "2018-06-13T09:30");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_field_row (editor, "Starts *"))), ==, "13 June 2018");
    g_assert_false (sec_test_can_save (editor));
    adw_action_row_activate (ADW_ACTION_ROW (sec_test_field_row (editor, "EU Civil Society Platform")));
    sec_test_iterate ();
    g_assert_true (sec_record_editor_get_modified (editor));
    g_assert_true (sec_test_can_save (editor));

    /* Not none. */
    adw_action_row_activate (ADW_ACTION_ROW (sec_test_field_row (editor, "EU Network of National Rapporteurs")));
    sec_test_iterate ();
    g_assert_false (sec_test_can_save (editor));
    adw_action_row_activate (ADW_ACTION_ROW (sec_test_field_row (editor, "EU Network of National Rapporteurs")));
    sec_test_iterate ();

    sec_test_save (editor);
    g_assert_null (editor);
    g_assert_cmpint (sec_test_count (f, SEC_TYPE_MEETING_BODY, "meeting", id), ==, 1);
  }
}

static void
test_store_error_keeps_the_form (SecTestEditor *f, gconstpointer data)
{
  g_autoptr(SecRecord) europol = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  SecRecordEditor *editor = sec_test_open_editor (f, SEC_TYPE_ORGANISATION, europol);
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_test_type (editor, "City", "Den Haag");

  /* Deleted behind the editor's back, by another program on the file
   * (nothing tells this store): the save fails, the form stays. */
  {
    g_autofree char *path = g_build_filename (f->dir, "test.db", NULL);
    g_autoptr(SecStore) other = sec_store_open (path, &error);

    g_assert_no_error (error);
    sec_store_delete (other, SEC_TYPE_ORGANISATION, f->europol, &error);
    g_assert_no_error (error);
  }
  sec_test_save (editor);
  g_assert_nonnull (editor);
  sec_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_REVEALER, FALSE, revealers);
  g_assert_cmpuint (revealers->len, >=, 1);
  g_assert_true (gtk_revealer_get_reveal_child (g_ptr_array_index (revealers, 0)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_field_row (editor, "City"))), ==, "Den Haag");
  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
}

/* Deleted where the store hears it (from the window; on a shared database,
 * by someone else): the editor says so at once, keeps the typing, and Save
 * adds the record again. */
static void
test_deleted_meanwhile (SecTestEditor *f, gconstpointer data)
{
  g_autoptr(SecRecord) europol = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  SecRecordEditor *editor = sec_test_open_editor (f, SEC_TYPE_ORGANISATION, europol);
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_test_type (editor, "City", "Den Haag");
  sec_store_delete (f->store, SEC_TYPE_ORGANISATION, f->europol, &error);
  g_assert_no_error (error);
  sec_test_iterate ();
  sec_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_REVEALER, FALSE, revealers);
  g_assert_true (gtk_revealer_get_reveal_child (g_ptr_array_index (revealers, 0)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_field_row (editor, "City"))), ==, "Den Haag");
  g_assert_true (sec_test_can_save (editor));

  sec_test_save (editor);
  g_assert_null (editor);
  g_assert_cmpint (sec_test_count (f, SEC_TYPE_ORGANISATION, "city", "Den Haag"), ==, 1);
  g_assert_cmpint (sec_test_count (f, SEC_TYPE_ORGANISATION, "name", "Europol"), ==, 1);
  g_assert_cmpstr (f->opened_kind, ==, "organisation");
}

/* Records whose rules live in the core: saved through it. */
static void
test_core_rules (SecTestEditor *f, gconstpointer data)
{
  g_autofree char *network = g_strdup_printf ("%" G_GINT64_FORMAT, f->network);
  g_autofree char *europol = g_strdup_printf ("%" G_GINT64_FORMAT, f->europol);
  gint64 meeting_id = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "NREM meeting", "starts-at", "2018-06-13T09:30",
                            "ends-at", "2018-06-13T17:00", NULL);
  gint64 call_id = sec_test_insert (f->store, SEC_TYPE_CALL, "title", "2018 targeted call", "body", network,
                         "deadline", "2018-04-25T23:59", NULL);
  g_autofree char *meeting = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  g_autofree char *call = g_strdup_printf ("%" G_GINT64_FORMAT, call_id);
  g_autoptr(SecRecord) stored = NULL;
  g_autoptr(SecRecord) application = NULL;
  SecRecordEditor *editor;

  /* Making the agenda final gives it a version, which the form does not offer. */
  stored = sec_store_get (f->store, SEC_TYPE_MEETING, meeting_id, NULL);
  editor = sec_test_open_editor (f, SEC_TYPE_MEETING, stored);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "bodies", network);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sec_test_field_row (editor, "Agenda *")), 1);
  sec_test_iterate ();
  g_assert_cmpstr (sec_record_get_string (sec_record_editor_get_record (editor), "agenda-status"), ==, "final");
  sec_test_save (editor);
  g_assert_null (editor);
  g_clear_object (&stored);
  stored = sec_store_get (f->store, SEC_TYPE_MEETING, meeting_id, NULL);
  g_assert_cmpstr (sec_record_get_string (stored, "agenda-status"), ==, "final");
  g_assert_cmpint (sec_record_get_int (stored, "agenda-version"), ==, 1);

  /* A new item on a final agenda: the next version. */
  editor = sec_test_open_editor (f, SEC_TYPE_AGENDA_ITEM, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "meeting", meeting);
  sec_test_type (editor, "Title *", "Welcome");
  sec_test_save (editor);
  g_assert_null (editor);
  g_clear_object (&stored);
  stored = sec_store_get (f->store, SEC_TYPE_MEETING, meeting_id, NULL);
  g_assert_cmpint (sec_record_get_int (stored, "agenda-version"), ==, 2);

  /* An application after the deadline is marked late, though the form has
   * no such field. */
  editor = sec_test_open_editor (f, SEC_TYPE_APPLICATION, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "call", call);
  sec_record_editor_set_field (editor, "organisation", europol);
  sec_date_row_set_value (SEC_DATE_ROW (sec_test_field_row (editor, "Received")), "2018-04-26T10:00");
  sec_test_type (editor, "Score", "seventy");
  g_assert_cmpstr (sec_test_message_of (editor, "Score"), ==, "Score: “seventy” is not a number");
  g_assert_false (sec_test_can_save (editor));
  sec_test_type (editor, "Score", "78,5");
  g_assert_null (sec_test_message_of (editor, "Score"));
  g_assert_true (sec_test_can_save (editor));
  sec_test_save (editor);
  g_assert_null (editor);
  g_assert_cmpstr (f->opened_kind, ==, "application");
  application = sec_store_get (f->store, SEC_TYPE_APPLICATION, f->opened_id, NULL);
  g_assert_true (sec_record_get_bool (application, "late"));
}

/* A duplicate over several fields (one person, one meeting) is told at
 * the field the user just chose. */
static void
test_duplicate_participant (SecTestEditor *f, gconstpointer data)
{
  gint64 meeting_id = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "NREM meeting", "starts-at", "2018-06-13T09:30",
                            "ends-at", "2018-06-13T17:00", NULL);
  g_autofree char *meeting = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  gint64 anna_id = sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Müller", NULL);
  gint64 jan_id = sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", "Jan", "family-name", "Kowalski", NULL);
  g_autofree char *anna = g_strdup_printf ("%" G_GINT64_FORMAT, anna_id);
  SecRecordEditor *editor;
  SecRecordPickerRow *person;

  sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting, "person", anna, NULL);

  editor = sec_test_open_editor (f, SEC_TYPE_PARTICIPANT, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "meeting", meeting);
  sec_test_iterate ();
  person = SEC_RECORD_PICKER_ROW (sec_test_field_row (editor, "Person *"));
  sec_record_picker_row_set_record_id (person, anna_id);
  sec_test_iterate ();
  g_assert_cmpstr (sec_test_message_of (editor, "Person *"), ==, "This person is already a participant of the meeting");
  g_assert_null (sec_test_message_of (editor, "Meeting *"));
  g_assert_false (sec_test_can_save (editor));

  sec_record_picker_row_set_record_id (person, jan_id);
  sec_test_iterate ();
  g_assert_null (sec_test_message_of (editor, "Person *"));
  g_assert_true (sec_test_can_save (editor));
  sec_test_save (editor);
  g_assert_null (editor);
  g_assert_cmpint (sec_test_count (f, SEC_TYPE_PARTICIPANT, "meeting", meeting), ==, 2);
}



/* Saved edits can be undone from the window, as deletions are. */
static void
test_undo_edit (SecTestEditor *f, gconstpointer data)
{
  g_autoptr(SecRecord) europol = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_autoptr(SecRecord) after = NULL;
  g_autoptr(SecRecord) back = NULL;
  GtkWidget *window = GTK_WIDGET (sec_window_new (NULL, f->store));
  SecRecordEditor *editor;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  sec_test_iterate ();

  editor = sec_record_editor_new (GTK_WINDOW (window), f->store, SEC_TYPE_ORGANISATION, europol);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  sec_test_iterate ();
  sec_test_type (editor, "Name *", "European Police Office");
  sec_test_type (editor, "City", "The Hague");
  sec_test_save (editor);
  g_assert_null (editor);

  after = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_assert_cmpstr (sec_record_get_string (after, "name"), ==, "European Police Office");
  g_assert_cmpstr (sec_record_get_string (after, "city"), ==, "The Hague");
  /* Ctrl+Z's action puts the old values back. */
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  sec_test_iterate ();
  back = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_assert_cmpstr (sec_record_get_string (back, "name"), ==, "Europol");
  g_assert_null (sec_record_get_string (back, "city"));
  g_assert_cmpstr (sec_record_get_string (back, "country"), ==, "NL");
  g_assert_cmpstr (sec_record_get_string (back, "kind"), ==, "eu-agency");
  g_assert_cmpstr (sec_record_get_string (sec_window_get_record (SEC_WINDOW (window)), "name"), ==, "Europol");

  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_iterate ();
  g_assert_null (window);
}

/* Undoing an edit of a meeting puts back its bodies too: they are links
 * of their own, saved with the meeting. */
static void
test_undo_edit_meeting_bodies (SecTestEditor *f, gconstpointer data)
{
  gint64 meeting_id = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "NREM meeting", "starts-at", "2018-06-13T09:30",
                                       "ends-at", "2018-06-13T17:00", NULL);
  g_autofree char *network = g_strdup_printf ("%" G_GINT64_FORMAT, f->network);
  g_autofree char *meeting_text = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(SecRecord) back = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) undone = NULL;
  GtkWidget *window;
  SecRecordEditor *editor;

  sec_test_insert (f->store, SEC_TYPE_MEETING_BODY, "meeting", meeting_text, "body", network, NULL);
  meeting = sec_store_get (f->store, SEC_TYPE_MEETING, meeting_id, NULL);
  window = GTK_WIDGET (sec_window_new (NULL, f->store));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  sec_test_iterate ();

  /* The Platform's meeting now, under another title. */
  editor = sec_record_editor_new (GTK_WINDOW (window), f->store, SEC_TYPE_MEETING, meeting);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  sec_test_iterate ();
  sec_test_type (editor, "Title *", "Platform meeting");
  adw_action_row_activate (ADW_ACTION_ROW (sec_test_field_row (editor, "EU Civil Society Platform")));
  adw_action_row_activate (ADW_ACTION_ROW (sec_test_field_row (editor, "EU Network of National Rapporteurs")));
  sec_test_iterate ();
  sec_test_save (editor);
  g_assert_null (editor);
  after = sec_store_get_meeting_body_ids (f->store, meeting_id, NULL);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (g_array_index (after, gint64, 0), ==, f->platform);

  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  sec_test_iterate ();
  back = sec_store_get (f->store, SEC_TYPE_MEETING, meeting_id, NULL);
  g_assert_cmpstr (sec_record_get_string (back, "title"), ==, "NREM meeting");
  undone = sec_store_get_meeting_body_ids (f->store, meeting_id, NULL);
  g_assert_cmpuint (undone->len, ==, 1);
  g_assert_cmpint (g_array_index (undone, gint64, 0), ==, f->network);

  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_iterate ();
  g_assert_null (window);
}

int
main (int argc, char *argv[])
{
  sec_test_ui_init (&argc, &argv);

#define ADD(name, func) SEC_TEST_EDITOR_ADD (name, func)
  ADD ("/editor/create-organisation", test_create_organisation);
  ADD ("/editor/edit-organisation", test_edit_organisation);
  ADD ("/editor/discard-prompt", test_discard_prompt);
  ADD ("/editor/prefilled-person", test_prefilled_person);
  ADD ("/editor/meeting-bodies-and-dates", test_meeting_bodies_and_dates);
  ADD ("/editor/store-error", test_store_error_keeps_the_form);
  ADD ("/editor/deleted-meanwhile", test_deleted_meanwhile);
  ADD ("/editor/core-rules", test_core_rules);
  ADD ("/editor/duplicate-participant", test_duplicate_participant);
  ADD ("/editor/undo-edit", test_undo_edit);
  ADD ("/editor/undo-edit-meeting-bodies", test_undo_edit_meeting_bodies);

  return g_test_run ();
}
