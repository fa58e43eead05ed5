/* test-editor.c: the record editor validates as the user types (and tells
 * when a field is left), says what keeps Save off, refuses what the store
 * would refuse, saves (an edit can be undone), and asks before losing
 * changes; its date, country and record rows read what people type, and a
 * record missing from a picker can be made there. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ui/widgets/sec-country-row.h"
#include "ui/widgets/sec-date-row.h"
#include "ui/records/sec-record-editor.h"
#include "ui/shell/sec-window.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-meetings.h"
#include "sec-test-util.h"

typedef struct {
  char      *dir;
  SecStore  *store;
  GtkWidget *window;

  char      *opened_kind;
  gint64     opened_id;

  gint64     europol, network, platform;
} Fixture;

static void
open_record_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;
  const char *kind;

  g_variant_get (parameter, "(&sx)", &kind, &f->opened_id);
  g_free (f->opened_kind);
  f->opened_kind = g_strdup (kind);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "open-record", open_record_cb, "(sx)" },
  };

  f->dir = sec_test_make_tmp_dir ("sec-editor-XXXXXX");
  f->store = sec_test_open_store (f->dir, "test.db", NULL);

  f->europol = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Europol", "kind", "eu-agency", "country", "NL", NULL);
  f->network = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Network of National Rapporteurs", "acronym", "NREM", NULL);
  f->platform = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Civil Society Platform", "acronym", "CSP", NULL);

  f->window = gtk_window_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  sec_test_iterate ();

  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->opened_kind);
}

/* Finding the widgets */

static void
collect (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static GtkWidget *
find_row (SecRecordEditor *editor, const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_error ("No row “%s”", title);
  return NULL;
}

/* The message under a field's row, or NULL when none is shown. */
static const char *
message_of (SecRecordEditor *editor, const char *title)
{
  GtkWidget *row = find_row (editor, title);
  GtkWidget *message_row = gtk_widget_get_next_sibling (row);
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message_row));

  if (!gtk_widget_get_visible (message_row))
    {
      g_assert_false (gtk_widget_has_css_class (row, "error"));
      return NULL;
    }
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkWidget *
save_button (SecRecordEditor *editor)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (editor), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "editor.save") == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("No Save button");
  return NULL;
}

static gboolean
can_save (SecRecordEditor *editor)
{
  return gtk_widget_is_sensitive (save_button (editor));
}

static GtkWidget *
cancel_button (SecRecordEditor *editor)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (editor), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "window.close") == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("No Cancel button");
  return NULL;
}

/* The keyboard leaves the field it is in, for the Cancel button. */
static void
leave (SecRecordEditor *editor)
{
  g_assert_true (gtk_widget_grab_focus (cancel_button (editor)));
  sec_test_iterate ();
}

/* Types into a field without leaving it. */
static void
type_on (SecRecordEditor *editor, const char *title, const char *text)
{
  GtkWidget *row = find_row (editor, title);

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  sec_test_iterate ();
}

/* Picks a date (and time) in a date row, and leaves it. */
static void
pick_date (SecRecordEditor *editor, const char *title, const char *value)
{
  GtkWidget *row = find_row (editor, title);

  gtk_widget_grab_focus (row);
  sec_date_row_set_value (SEC_DATE_ROW (row), value);
  leave (editor);
}

/* Types into a field and leaves it, as Tab does. */
static void
type (SecRecordEditor *editor, const char *title, const char *text)
{
  type_on (editor, title, text);
  leave (editor);
}

static SecRecordEditor *
open_editor (Fixture *f, GType kind, SecRecord *record)
{
  SecRecordEditor *editor = sec_record_editor_new (GTK_WINDOW (f->window), f->store, kind, record);

  gtk_window_present (GTK_WINDOW (editor));
  sec_test_iterate ();
  return editor;
}

static void
save (SecRecordEditor *editor)
{
  g_signal_emit_by_name (save_button (editor), "clicked");
  sec_test_iterate ();
}

static gint64
count (Fixture *f, GType kind, const char *field, const char *value)
{
  g_autoptr(SecQuery) query = sec_query_new ();

  sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  return sec_store_count (f->store, kind, query, NULL);
}

/* Tests */

static void
test_create_organisation (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = open_editor (f, SEC_TYPE_ORGANISATION, NULL);
  GtkWidget *focus;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Organisation");

  /* The name first, and nothing to save without it; no nagging yet. */
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, find_row (editor, "Name *")));
  g_assert_false (can_save (editor));
  g_assert_null (message_of (editor, "Name *"));

  type (editor, "Name *", "Frontex");
  g_assert_true (can_save (editor));

  /* Emptied again: now it says so. */
  type (editor, "Name *", "");
  g_assert_cmpstr (message_of (editor, "Name *"), ==, "Name is required");
  g_assert_false (can_save (editor));

  type (editor, "Name *", "Frontex");
  type (editor, "Email", "frontex at example");
  g_assert_cmpstr (message_of (editor, "Email"), ==, "Email: “frontex at example” is not a valid email address");
  g_assert_false (can_save (editor));
  /* Refused even by the shortcut. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  sec_test_iterate ();
  g_assert_nonnull (editor);
  g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION, "name", "Frontex"), ==, 0);

  type (editor, "Email", "frontex@example.eu");
  g_assert_null (message_of (editor, "Email"));
  g_assert_true (can_save (editor));

  /* A name that is taken. */
  type (editor, "Name *", "Europol");
  g_assert_cmpstr (message_of (editor, "Name *"), ==, "An organisation named “Europol” already exists");
  g_assert_false (can_save (editor));

  type (editor, "Name *", "Frontex");
  type (editor, "Website", "www.frontex");
  g_assert_nonnull (message_of (editor, "Website"));
  type (editor, "Website", "https://frontex.example.eu");
  sec_country_row_set_value (SEC_COUNTRY_ROW (find_row (editor, "Country")), "pl");
  sec_test_iterate ();
  g_assert_true (can_save (editor));

  save (editor);
  g_assert_null (editor);
  g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION, "name", "Frontex"), ==, 1);
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
test_edit_organisation (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) europol = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_autoptr(SecRecord) saved = NULL;
  SecRecordEditor *editor = open_editor (f, SEC_TYPE_ORGANISATION, europol);
  AdwComboRow *kind;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit “Europol”");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Name *"))), ==, "Europol");
  /* Unchanged: nothing to save. */
  g_assert_false (can_save (editor));

  type (editor, "City", "The Hague");
  kind = ADW_COMBO_ROW (find_row (editor, "Kind *"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (kind)), ==, "EU agency");
  adw_combo_row_set_selected (kind, 0);
  sec_test_iterate ();
  g_assert_true (can_save (editor));
  save (editor);
  g_assert_null (editor);

  saved = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_assert_cmpstr (sec_record_get_string (saved, "city"), ==, "The Hague");
  g_assert_cmpstr (sec_record_get_string (saved, "kind"), ==, "civil-society");
  g_assert_cmpstr (sec_record_get_string (saved, "name"), ==, "Europol");
  /* The copy was edited, not the record given. */
  g_assert_null (sec_record_get_string (europol, "city"));
  g_assert_cmpint (f->opened_id, ==, f->europol);
}

static AdwMessageDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

/* Clicks the dialog's button for @label, as the user does. */
static void
click_response (AdwMessageDialog *dialog, const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
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
test_discard_prompt (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = open_editor (f, SEC_TYPE_PERSON, NULL);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  /* Untouched: it just closes. */
  gtk_window_close (GTK_WINDOW (editor));
  sec_test_iterate ();
  g_assert_null (editor);
  g_assert_null (find_dialog ());

  editor = open_editor (f, SEC_TYPE_PERSON, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  type (editor, "Family name *", "Müller");

  /* Escape asks, and Keep Editing keeps what was typed. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  sec_test_iterate ();
  g_assert_nonnull (editor);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  click_response (dialog, "_Keep Editing");
  g_assert_null (find_dialog ());
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Family name *"))), ==, "Müller");

  /* Discard closes without saving. */
  gtk_window_close (GTK_WINDOW (editor));
  sec_test_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  click_response (dialog, "_Discard");
  g_assert_null (editor);
  g_assert_null (find_dialog ());
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 0);
}

static void
test_prefilled_person (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = open_editor (f, SEC_TYPE_PERSON, NULL);
  g_autofree char *europol = g_strdup_printf ("%" G_GINT64_FORMAT, f->europol);
  SecRecordPickerRow *organisation;
  g_autoptr(SecRecord) person = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "organisation", europol);
  sec_test_iterate ();

  organisation = SEC_RECORD_PICKER_ROW (find_row (editor, "Organisation"));
  g_assert_cmpint (sec_record_picker_row_get_record_id (organisation), ==, f->europol);
  g_assert_false (sec_record_editor_get_modified (editor));
  g_assert_false (can_save (editor));

  type (editor, "Given name", "Anna");
  type (editor, "Family name *", "Müller");
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    collect (find_row (editor, "Notes"), GTK_TYPE_TEXT_VIEW, views);
    g_assert_cmpuint (views->len, ==, 1);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)),
                              "Vegetarian.\nNeeds a hearing loop.\n\n", -1);
  }
  sec_test_iterate ();
  g_assert_true (can_save (editor));
  save (editor);
  g_assert_null (editor);

  g_assert_cmpstr (f->opened_kind, ==, "person");
  person = sec_store_get (f->store, SEC_TYPE_PERSON, f->opened_id, NULL);
  g_assert_cmpint (sec_record_get_ref (person, "organisation"), ==, f->europol);
  g_assert_cmpstr (sec_record_get_string (person, "notes"), ==, "Vegetarian.\nNeeds a hearing loop.");
  g_assert_cmpstr (sec_record_get_derived (person, "organisation-name"), ==, "Europol");
}

static void
test_meeting_bodies_and_dates (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = open_editor (f, SEC_TYPE_MEETING, NULL);
  g_autofree char *id = NULL;
  SecDateRow *starts;
  GtkWidget *network, *platform;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  type (editor, "Title *", "Joint session of the Platform and the NREMs");
  starts = SEC_DATE_ROW (find_row (editor, "Starts *"));
  g_assert_true (sec_date_row_get_show_time (starts));

  /* Typed the way people write dates; the time beside it. */
  type (editor, "Starts *", "13 June 2018");
  g_assert_cmpstr (message_of (editor, "Starts *"), ==, "Type the time of day too, as 9:30 or 14:00");
  pick_date (editor, "Starts *", "2018-06-13T09:30");
  pick_date (editor, "Ends *", "2018-06-12T17:00");

  /* The end before the start, said once, at the end. */
  g_assert_null (message_of (editor, "Starts *"));
  g_assert_cmpstr (message_of (editor, "Ends *"), ==, "“Ends” cannot be before “Starts”");
  g_assert_false (can_save (editor));

  pick_date (editor, "Ends *", "2018-06-13T17:00");
  g_assert_null (message_of (editor, "Ends *"));
  /* No body yet: required. */
  g_assert_false (can_save (editor));

  network = find_row (editor, "EU Network of National Rapporteurs");
  platform = find_row (editor, "EU Civil Society Platform");
  adw_action_row_activate (ADW_ACTION_ROW (network));
  adw_action_row_activate (ADW_ACTION_ROW (platform));
  sec_test_iterate ();
  g_assert_true (can_save (editor));

  save (editor);
  g_assert_null (editor);
  g_assert_cmpstr (f->opened_kind, ==, "meeting");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, f->opened_id);
  g_assert_cmpint (count (f, SEC_TYPE_MEETING_BODY, "meeting", id), ==, 2);

  /* Edited: one body fewer, in the same save. */
  {
    g_autoptr(SecRecord) meeting = sec_store_get (f->store, SEC_TYPE_MEETING, f->opened_id, NULL);

    editor = open_editor (f, SEC_TYPE_MEETING, meeting);
    g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
    g_assert_cmpstr (sec_date_row_get_value (SEC_DATE_ROW (find_row (editor, "Starts *"))), ==, "2018-06-13T09:30");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "Starts *"))), ==, "13 June 2018");
    g_assert_false (can_save (editor));
    adw_action_row_activate (ADW_ACTION_ROW (find_row (editor, "EU Civil Society Platform")));
    sec_test_iterate ();
    g_assert_true (sec_record_editor_get_modified (editor));
    g_assert_true (can_save (editor));

    /* Not none. */
    adw_action_row_activate (ADW_ACTION_ROW (find_row (editor, "EU Network of National Rapporteurs")));
    sec_test_iterate ();
    g_assert_false (can_save (editor));
    adw_action_row_activate (ADW_ACTION_ROW (find_row (editor, "EU Network of National Rapporteurs")));
    sec_test_iterate ();

    save (editor);
    g_assert_null (editor);
    g_assert_cmpint (count (f, SEC_TYPE_MEETING_BODY, "meeting", id), ==, 1);
  }
}

static void
test_store_error_keeps_the_form (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) europol = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  SecRecordEditor *editor = open_editor (f, SEC_TYPE_ORGANISATION, europol);
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  type (editor, "City", "Den Haag");

  /* Deleted behind the editor's back, by another program on the file
   * (nothing tells this store): the save fails, the form stays. */
  {
    g_autofree char *path = g_build_filename (f->dir, "test.db", NULL);
    g_autoptr(SecStore) other = sec_store_open (path, &error);

    g_assert_no_error (error);
    sec_store_delete (other, SEC_TYPE_ORGANISATION, f->europol, &error);
    g_assert_no_error (error);
  }
  save (editor);
  g_assert_nonnull (editor);
  collect (GTK_WIDGET (editor), GTK_TYPE_REVEALER, revealers);
  g_assert_cmpuint (revealers->len, >=, 1);
  g_assert_true (gtk_revealer_get_reveal_child (g_ptr_array_index (revealers, 0)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "City"))), ==, "Den Haag");
  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
}

/* Deleted where the store hears it (from the window; on a shared database,
 * by someone else): the editor says so at once, keeps the typing, and Save
 * adds the record again. */
static void
test_deleted_meanwhile (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) europol = sec_store_get (f->store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  SecRecordEditor *editor = open_editor (f, SEC_TYPE_ORGANISATION, europol);
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  type (editor, "City", "Den Haag");
  sec_store_delete (f->store, SEC_TYPE_ORGANISATION, f->europol, &error);
  g_assert_no_error (error);
  sec_test_iterate ();
  collect (GTK_WIDGET (editor), GTK_TYPE_REVEALER, revealers);
  g_assert_true (gtk_revealer_get_reveal_child (g_ptr_array_index (revealers, 0)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, "City"))), ==, "Den Haag");
  g_assert_true (can_save (editor));

  save (editor);
  g_assert_null (editor);
  g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION, "city", "Den Haag"), ==, 1);
  g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION, "name", "Europol"), ==, 1);
  g_assert_cmpstr (f->opened_kind, ==, "organisation");
}

/* Records whose rules live in the core: saved through it. */
static void
test_core_rules (Fixture *f, gconstpointer data)
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
  editor = open_editor (f, SEC_TYPE_MEETING, stored);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "bodies", network);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (editor, "Agenda *")), 1);
  sec_test_iterate ();
  g_assert_cmpstr (sec_record_get_string (sec_record_editor_get_record (editor), "agenda-status"), ==, "final");
  save (editor);
  g_assert_null (editor);
  g_clear_object (&stored);
  stored = sec_store_get (f->store, SEC_TYPE_MEETING, meeting_id, NULL);
  g_assert_cmpstr (sec_record_get_string (stored, "agenda-status"), ==, "final");
  g_assert_cmpint (sec_record_get_int (stored, "agenda-version"), ==, 1);

  /* A new item on a final agenda: the next version. */
  editor = open_editor (f, SEC_TYPE_AGENDA_ITEM, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "meeting", meeting);
  type (editor, "Title *", "Welcome");
  save (editor);
  g_assert_null (editor);
  g_clear_object (&stored);
  stored = sec_store_get (f->store, SEC_TYPE_MEETING, meeting_id, NULL);
  g_assert_cmpint (sec_record_get_int (stored, "agenda-version"), ==, 2);

  /* An application after the deadline is marked late, though the form has
   * no such field. */
  editor = open_editor (f, SEC_TYPE_APPLICATION, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "call", call);
  sec_record_editor_set_field (editor, "organisation", europol);
  sec_date_row_set_value (SEC_DATE_ROW (find_row (editor, "Received")), "2018-04-26T10:00");
  type (editor, "Score", "seventy");
  g_assert_cmpstr (message_of (editor, "Score"), ==, "Score: “seventy” is not a number");
  g_assert_false (can_save (editor));
  type (editor, "Score", "78,5");
  g_assert_null (message_of (editor, "Score"));
  g_assert_true (can_save (editor));
  save (editor);
  g_assert_null (editor);
  g_assert_cmpstr (f->opened_kind, ==, "application");
  application = sec_store_get (f->store, SEC_TYPE_APPLICATION, f->opened_id, NULL);
  g_assert_true (sec_record_get_bool (application, "late"));
}

/* A duplicate over several fields (one person, one meeting) is told at
 * the field the user just chose. */
static void
test_duplicate_participant (Fixture *f, gconstpointer data)
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

  editor = open_editor (f, SEC_TYPE_PARTICIPANT, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "meeting", meeting);
  sec_test_iterate ();
  person = SEC_RECORD_PICKER_ROW (find_row (editor, "Person *"));
  sec_record_picker_row_set_record_id (person, anna_id);
  sec_test_iterate ();
  g_assert_cmpstr (message_of (editor, "Person *"), ==, "This person is already a participant of the meeting");
  g_assert_null (message_of (editor, "Meeting *"));
  g_assert_false (can_save (editor));

  sec_record_picker_row_set_record_id (person, jan_id);
  sec_test_iterate ();
  g_assert_null (message_of (editor, "Person *"));
  g_assert_true (can_save (editor));
  save (editor);
  g_assert_null (editor);
  g_assert_cmpint (count (f, SEC_TYPE_PARTICIPANT, "meeting", meeting), ==, 2);
}


/* The time entry beside a date row's date. */
static GtkEditable *
time_entry (GtkWidget *row)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect (row, GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  return g_ptr_array_index (entries, 0);
}

/* The hint under a date row: what it understood, while it is typed into. */
static const char *
hint_of (SecRecordEditor *editor, const char *title)
{
  GtkWidget *row = find_row (editor, title);
  GtkWidget *hint_row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (row));

  if (!gtk_widget_get_visible (hint_row))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (hint_row))));
}

/* Dates in every form staff type them, read into the record. */
static void
test_date_forms (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *date, *time, *expected;
  } cases[] = {
    { "14/10/2027", "9:30", "2027-10-14T09:30" },
    { "14.10.2027", "09:30", "2027-10-14T09:30" },
    { "14 Oct 2027 9:30", "", "2027-10-14T09:30" },
    { "14 October 2027", "9.30", "2027-10-14T09:30" },
    { "2027-10-14", "09:30", "2027-10-14T09:30" },
    { "2027-10-14 09:30", "", "2027-10-14T09:30" },
    { "Thursday 14 October 2027", "0930", "2027-10-14T09:30" },
  };
  g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  SecRecordEditor *editor;
  GtkWidget *starts, *ends;

  if (setlocale (LC_ALL, "en_GB.UTF-8") == NULL)
    {
      g_test_skip ("the en_GB.UTF-8 locale is not installed (locales-all)");
      return;
    }
  editor = open_editor (f, SEC_TYPE_MEETING, NULL);
  starts = find_row (editor, "Starts *");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      sec_date_row_set_value (SEC_DATE_ROW (starts), NULL);
      gtk_widget_grab_focus (starts);
      gtk_editable_set_text (GTK_EDITABLE (starts), cases[i].date);
      gtk_editable_set_text (time_entry (starts), cases[i].time);
      sec_test_iterate ();
      g_assert_cmpstr (sec_date_row_get_value (SEC_DATE_ROW (starts)), ==, cases[i].expected);
      g_assert_cmpstr (sec_record_get_string (sec_record_editor_get_record (editor), "starts-at"), ==,
                       cases[i].expected);
      /* Said in words while typing, no error. */
      g_assert_cmpstr (hint_of (editor, "Starts *"), ==, "Thursday 14 October 2027, 09:30");
      g_assert_null (message_of (editor, "Starts *"));

      /* Left: shown the way the user reads it, the time beside. */
      leave (editor);
      g_assert_null (hint_of (editor, "Starts *"));
      g_assert_null (message_of (editor, "Starts *"));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (starts)), ==, "14 October 2027");
      g_assert_cmpstr (gtk_editable_get_text (time_entry (starts)), ==, "09:30");
      g_assert_cmpstr (sec_date_row_get_value (SEC_DATE_ROW (starts)), ==, "2027-10-14T09:30");
    }

  /* Not a date: said when the field is left, with the forms it takes. */
  ends = find_row (editor, "Ends *");
  gtk_widget_grab_focus (ends);
  gtk_editable_set_text (GTK_EDITABLE (ends), "31/02/2027");
  gtk_editable_set_text (time_entry (ends), "9:30");
  sec_test_iterate ();
  g_assert_null (message_of (editor, "Ends *"));
  g_assert_null (hint_of (editor, "Ends *"));
  leave (editor);
  g_assert_cmpstr (message_of (editor, "Ends *"), ==,
                   "“31/02/2027” is not a date: type it as 14/10/27, 14 October 2027 or 2027-10-14");
  g_assert_false (can_save (editor));

  /* A date without its time. */
  type (editor, "Starts *", "14/10/2027");
  gtk_editable_set_text (time_entry (starts), "");
  sec_test_iterate ();
  g_assert_cmpstr (message_of (editor, "Starts *"), ==, "Type the time of day too, as 9:30 or 14:00");

  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
  setlocale (LC_ALL, saved_locale);
}

/* Problems are told when the field is left, then follow the typing. */
static void
test_errors_on_leave (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = open_editor (f, SEC_TYPE_ORGANISATION, NULL);

  type (editor, "Name *", "Frontex");
  type_on (editor, "Email", "frontex at");
  g_assert_null (message_of (editor, "Email"));
  g_assert_false (can_save (editor));
  type_on (editor, "Email", "frontex at example");
  g_assert_null (message_of (editor, "Email"));

  leave (editor);
  g_assert_cmpstr (message_of (editor, "Email"), ==, "Email: “frontex at example” is not a valid email address");

  /* Back in the field: the message follows what is typed. */
  type_on (editor, "Email", "frontex@");
  g_assert_cmpstr (message_of (editor, "Email"), ==, "Email: “frontex@” is not a valid email address");
  type_on (editor, "Email", "frontex@example.eu");
  g_assert_null (message_of (editor, "Email"));
  g_assert_true (can_save (editor));

  /* A field passed through without typing says nothing. */
  gtk_widget_grab_focus (find_row (editor, "City"));
  leave (editor);
  g_assert_null (message_of (editor, "City"));

  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
}

static GtkRevealer *
missing_revealer (SecRecordEditor *editor)
{
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();

  collect (GTK_WIDGET (editor), GTK_TYPE_REVEALER, revealers);
  for (guint i = 0; i < revealers->len; i++)
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      collect (g_ptr_array_index (revealers, i), GTK_TYPE_BUTTON, buttons);
      for (guint b = 0; b < buttons->len; b++)
        if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, b)), "editor.show-missing") == 0)
          return g_ptr_array_index (revealers, i);
    }
  g_error ("No message of missing fields");
  return NULL;
}

/* What the missing-fields line says, or NULL when it is hidden. */
static const char *
missing_of (SecRecordEditor *editor)
{
  GtkRevealer *revealer = missing_revealer (editor);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (!gtk_revealer_get_reveal_child (revealer))
    return NULL;
  collect (GTK_WIDGET (revealer), GTK_TYPE_LABEL, labels);
  return gtk_label_get_text (g_ptr_array_index (labels, 0));
}

/* A greyed-out Save says why, and takes the user there. */
static void
test_missing_fields (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = open_editor (f, SEC_TYPE_MEETING, NULL);
  GtkWidget *network = find_row (editor, "EU Network of National Rapporteurs");
  GtkWidget *scrolled = gtk_widget_get_ancestor (network, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *focus;

  g_assert_false (can_save (editor));
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Title, Starts, Ends and Bodies to save");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button (editor)), ==,
                   "Fill in Title, Starts, Ends and Bodies to save");
  /* Not shouted at the fields before the user has been there. */
  g_assert_null (message_of (editor, "Starts *"));

  type (editor, "Title *", "Joint session");
  pick_date (editor, "Starts *", "2018-06-13T09:30");
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Ends and Bodies to save");
  pick_date (editor, "Ends *", "2018-06-13T17:00");
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Bodies to save");

  /* Show: the bodies, far below, scrolled to, with the keyboard there. */
  gtk_adjustment_set_value (vadjustment, 0);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-missing", NULL);
  sec_test_iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_nonnull (focus);
  /* The first body, by name. */
  g_assert_true (gtk_widget_is_ancestor (focus, find_row (editor, "EU Civil Society Platform")));
  if (gtk_adjustment_get_upper (vadjustment) > gtk_adjustment_get_page_size (vadjustment) + 200)
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_next_sibling (network)));

  adw_action_row_activate (ADW_ACTION_ROW (network));
  sec_test_iterate ();
  g_assert_true (can_save (editor));
  g_assert_null (missing_of (editor));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button (editor)), ==, "Save (Ctrl+S)");

  /* A wrong value is named too, and Show goes to it. */
  adw_action_row_activate (ADW_ACTION_ROW (network));
  type (editor, "Ends *", "31/02/2027");
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Bodies and correct Ends to save");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-missing", NULL);
  sec_test_iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_is_ancestor (focus, find_row (editor, "Ends *")));
  pick_date (editor, "Ends *", "2018-06-13T17:00");
  adw_action_row_activate (ADW_ACTION_ROW (network));
  sec_test_iterate ();
  g_assert_null (missing_of (editor));

  type (editor, "Title *", "");
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Title to save");
  type (editor, "Title *", "Joint session");
  type (editor, "Starts *", "31/02/2027");
  g_assert_cmpstr (missing_of (editor), ==, "Correct Starts to save");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-missing", NULL);
  sec_test_iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_is_ancestor (focus, find_row (editor, "Starts *")));

  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
}

static SecRecordEditor *
find_other_editor (SecRecordEditor *than)
{
  GList *toplevels = gtk_window_list_toplevels ();
  SecRecordEditor *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (SEC_IS_RECORD_EDITOR (l->data) && l->data != (gpointer) than && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static GtkWidget *
picker_create_button (GtkWidget *picker)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkPopover *popover;

  collect (picker, GTK_TYPE_MENU_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  popover = gtk_menu_button_get_popover (g_ptr_array_index (buttons, 0));
  g_ptr_array_set_size (buttons, 0);
  collect (GTK_WIDGET (popover), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "picker-row.create") == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("No Create button");
  return NULL;
}

/* A person who is not there yet, made from the participant's picker. */
static void
test_create_from_picker (Fixture *f, gconstpointer data)
{
  gint64 meeting_id = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "NREM meeting", "starts-at", "2018-06-13T09:30",
                                       "ends-at", "2018-06-13T17:00", NULL);
  g_autofree char *meeting = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  g_autoptr(SecRecord) anna = NULL;
  SecRecordEditor *editor, *creator;
  GtkWidget *person, *create;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gint64 anna_id;

  sec_record_editor_install_picker_creation ();
  editor = open_editor (f, SEC_TYPE_PARTICIPANT, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "meeting", meeting);
  person = find_row (editor, "Person *");

  sec_record_picker_row_search (SEC_RECORD_PICKER_ROW (person), "Anna Müller");
  sec_test_iterate ();
  create = picker_create_button (person);
  g_assert_true (gtk_widget_get_visible (create));
  collect (create, GTK_TYPE_LABEL, labels);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, 0)), ==, "Create “Anna Müller”…");

  g_signal_emit_by_name (create, "clicked");
  sec_test_iterate ();
  creator = find_other_editor (editor);
  g_assert_nonnull (creator);
  g_object_add_weak_pointer (G_OBJECT (creator), (gpointer *) &creator);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (creator)), ==, "New Person");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (creator)) == GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (creator, "Given name"))), ==, "Anna");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (creator, "Family name *"))), ==, "Müller");
  g_assert_true (can_save (creator));
  type (creator, "Email", "anna.mueller@example.eu");
  save (creator);
  g_assert_null (creator);

  /* Chosen in the picker; the participant's editor is still there. */
  g_assert_nonnull (editor);
  anna_id = sec_record_picker_row_get_record_id (SEC_RECORD_PICKER_ROW (person));
  g_assert_cmpint (anna_id, >, 0);
  anna = sec_store_get (f->store, SEC_TYPE_PERSON, anna_id, NULL);
  g_assert_cmpstr (sec_record_get_string (anna, "family-name"), ==, "Müller");
  g_assert_cmpstr (sec_record_get_string (anna, "email"), ==, "anna.mueller@example.eu");
  /* Not opened in the window: the user is still choosing. */
  g_assert_null (f->opened_kind);
  g_assert_true (can_save (editor));
  save (editor);
  g_assert_null (editor);
  g_assert_cmpint (count (f, SEC_TYPE_PARTICIPANT, "meeting", meeting), ==, 1);

  /* One word is a family name; "Family, Given" too. */
  editor = open_editor (f, SEC_TYPE_PARTICIPANT, NULL);
  person = find_row (editor, "Person *");
  sec_record_picker_row_search (SEC_RECORD_PICKER_ROW (person), "Kowalski, Jan");
  sec_test_iterate ();
  /* Enter in a search that found nothing makes it. */
  {
    g_autoptr(GPtrArray) searches = g_ptr_array_new ();

    collect (gtk_widget_get_ancestor (picker_create_button (person), GTK_TYPE_POPOVER), GTK_TYPE_SEARCH_ENTRY, searches);
    g_assert_cmpuint (searches->len, ==, 1);
    g_signal_emit_by_name (g_ptr_array_index (searches, 0), "activate");
  }
  sec_test_iterate ();
  creator = find_other_editor (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (creator, "Given name"))), ==, "Jan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (creator, "Family name *"))), ==, "Kowalski");
  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
  sec_record_picker_row_set_create_func (NULL);
}

/* Saved edits can be undone from the window, as deletions are. */
static void
test_undo_edit (Fixture *f, gconstpointer data)
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
  type (editor, "Name *", "European Police Office");
  type (editor, "City", "The Hague");
  save (editor);
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
test_undo_edit_meeting_bodies (Fixture *f, gconstpointer data)
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
  type (editor, "Title *", "Platform meeting");
  adw_action_row_activate (ADW_ACTION_ROW (find_row (editor, "EU Civil Society Platform")));
  adw_action_row_activate (ADW_ACTION_ROW (find_row (editor, "EU Network of National Rapporteurs")));
  sec_test_iterate ();
  save (editor);
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

static void
test_date_row (void)
{
  GtkWidget *row = g_object_ref_sink (sec_date_row_new ());
  SecDateRow *date = SEC_DATE_ROW (row);

  g_assert_null (sec_date_row_get_value (date));
  gtk_editable_set_text (GTK_EDITABLE (row), "2018-04-25");
  g_assert_cmpstr (sec_date_row_get_value (date), ==, "2018-04-25");
  gtk_editable_set_text (GTK_EDITABLE (row), "25 April 2018");
  g_assert_cmpstr (sec_date_row_get_value (date), ==, "2018-04-25");
  /* Half a date is not guessed at. */
  gtk_editable_set_text (GTK_EDITABLE (row), "25");
  g_assert_cmpstr (sec_date_row_get_value (date), ==, "25");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_assert_null (sec_date_row_get_value (date));

  sec_date_row_set_value (date, "2018-06-13");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "13 June 2018");
  g_assert_cmpstr (sec_date_row_get_value (date), ==, "2018-06-13");
  /* Cleared with its button's action. */
  gtk_widget_activate_action (row, "date-row.clear", NULL);
  g_assert_null (sec_date_row_get_value (date));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* With a time: "9.30" is half past nine. */
  sec_date_row_set_show_time (date, TRUE);
  sec_date_row_set_value (date, "2018-01-31T17:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31 January 2018");
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    collect (row, GTK_TYPE_ENTRY, entries);
    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, "17:00");
    gtk_editable_set_text (g_ptr_array_index (entries, 0), "9.30");
    g_assert_cmpstr (sec_date_row_get_value (date), ==, "2018-01-31T09:30");
    gtk_editable_set_text (g_ptr_array_index (entries, 0), "25:00");
    g_assert_cmpstr (sec_date_row_get_value (date), ==, "2018-01-31 25:00");
    {
      g_autofree char *problem = sec_date_row_dup_problem (date);
      g_assert_cmpstr (problem, ==, "“25:00” is not a time of day: type it as 9:30 or 14:00");
    }
    g_assert_null (sec_date_row_get_understood (date));
    gtk_editable_set_text (g_ptr_array_index (entries, 0), "9:30 pm");
    g_assert_cmpstr (sec_date_row_get_value (date), ==, "2018-01-31T21:30");
    g_assert_null (sec_date_row_dup_problem (date));
  }

  /* Without a time, each form staff type (in en_GB). */
  sec_date_row_set_show_time (date, FALSE);
  if (setlocale (LC_ALL, "en_GB.UTF-8") != NULL)
    {
      static const char *const forms[] = {
        "14/10/2027", "14.10.2027", "14 Oct 2027", "14 October 2027", "2027-10-14", "14/10/27",
        "Thursday 14 October 2027",
      };

      for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
        {
          gtk_editable_set_text (GTK_EDITABLE (row), forms[i]);
          g_assert_cmpstr (sec_date_row_get_value (date), ==, "2027-10-14");
          g_assert_cmpstr (sec_date_row_get_understood (date), ==, "Thursday 14 October 2027");
        }
      /* A time is no part of a date. */
      gtk_editable_set_text (GTK_EDITABLE (row), "14/10/2027 9:30");
      g_assert_cmpstr (sec_date_row_get_value (date), ==, "14/10/2027 9:30");
      gtk_editable_set_text (GTK_EDITABLE (row), "31/02/2027");
      g_assert_cmpstr (sec_date_row_get_value (date), ==, "31/02/2027");
      g_assert_null (sec_date_row_get_understood (date));
      setlocale (LC_ALL, "");
    }

  g_object_unref (row);
}

static void
test_country_row (void)
{
  GtkWidget *row = g_object_ref_sink (sec_country_row_new (FALSE));
  GtkWidget *many = g_object_ref_sink (sec_country_row_new (TRUE));

  g_assert_null (sec_country_row_get_value (SEC_COUNTRY_ROW (row)));
  sec_country_row_set_value (SEC_COUNTRY_ROW (row), "mt");
  g_assert_cmpstr (sec_country_row_get_value (SEC_COUNTRY_ROW (row)), ==, "MT");
  gtk_widget_activate_action (row, "country-row.clear", NULL);
  g_assert_null (sec_country_row_get_value (SEC_COUNTRY_ROW (row)));

  /* Several, kept in the EU's protocol order, shown by name. */
  sec_country_row_set_value (SEC_COUNTRY_ROW (many), "MT, DK,EE");
  g_assert_cmpstr (sec_country_row_get_value (SEC_COUNTRY_ROW (many)), ==, "DK,EE,MT");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (many)), ==, "Denmark, Estonia, Malta");

  g_object_unref (row);
  g_object_unref (many);
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
  ADD ("/editor/create-organisation", test_create_organisation);
  ADD ("/editor/edit-organisation", test_edit_organisation);
  ADD ("/editor/discard-prompt", test_discard_prompt);
  ADD ("/editor/prefilled-person", test_prefilled_person);
  ADD ("/editor/meeting-bodies-and-dates", test_meeting_bodies_and_dates);
  ADD ("/editor/store-error", test_store_error_keeps_the_form);
  ADD ("/editor/deleted-meanwhile", test_deleted_meanwhile);
  ADD ("/editor/core-rules", test_core_rules);
  ADD ("/editor/duplicate-participant", test_duplicate_participant);
  ADD ("/editor/date-forms", test_date_forms);
  ADD ("/editor/errors-on-leave", test_errors_on_leave);
  ADD ("/editor/missing-fields", test_missing_fields);
  ADD ("/editor/create-from-picker", test_create_from_picker);
  ADD ("/editor/undo-edit", test_undo_edit);
  ADD ("/editor/undo-edit-meeting-bodies", test_undo_edit_meeting_bodies);
  g_test_add_func ("/editor/date-row", test_date_row);
  g_test_add_func ("/editor/country-row", test_country_row);

  return g_test_run ();
}
