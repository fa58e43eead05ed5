/* test-editor-fields.c: the record editor's fields: they validate as the
 * user types and tell when a field is left, say what keeps Save off; its
 * date, country and record rows read what people type, and a record
 * missing from a picker can be made there.
 *
 * The fixture is sec-test-editor.h's; saving, refusing and undoing are
 * tested in test-editor.c. Both programs' tests are under /editor/. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "ui/widgets/sec-country-row.h"
#include "ui/widgets/sec-date-row.h"
#include "ui/records/sec-record-editor.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-editor.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

/* The time entry beside a date row's date. */
static GtkEditable *
time_entry (GtkWidget *row)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  sec_test_collect_widgets (row, GTK_TYPE_ENTRY, FALSE, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  return g_ptr_array_index (entries, 0);
}

/* The hint under a date row: what it understood, while it is typed into. */
static const char *
hint_of (SecRecordEditor *editor, const char *title)
{
  GtkWidget *row = sec_test_field_row (editor, title);
  GtkWidget *hint_row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (row));

  if (!gtk_widget_get_visible (hint_row))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (hint_row))));
}

/* Dates in every form staff type them, read into the record. */
static void
test_date_forms (SecTestEditor *f, gconstpointer data)
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
  editor = sec_test_open_editor (f, SEC_TYPE_MEETING, NULL);
  starts = sec_test_field_row (editor, "Starts *");

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
      g_assert_null (sec_test_message_of (editor, "Starts *"));

      /* Left: shown the way the user reads it, the time beside. */
      sec_test_leave (editor);
      g_assert_null (hint_of (editor, "Starts *"));
      g_assert_null (sec_test_message_of (editor, "Starts *"));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (starts)), ==, "14 October 2027");
      g_assert_cmpstr (gtk_editable_get_text (time_entry (starts)), ==, "09:30");
      g_assert_cmpstr (sec_date_row_get_value (SEC_DATE_ROW (starts)), ==, "2027-10-14T09:30");
    }

  /* Not a date: said when the field is left, with the forms it takes. */
  ends = sec_test_field_row (editor, "Ends *");
  gtk_widget_grab_focus (ends);
  gtk_editable_set_text (GTK_EDITABLE (ends), "31/02/2027");
  gtk_editable_set_text (time_entry (ends), "9:30");
  sec_test_iterate ();
  g_assert_null (sec_test_message_of (editor, "Ends *"));
  g_assert_null (hint_of (editor, "Ends *"));
  sec_test_leave (editor);
  g_assert_cmpstr (sec_test_message_of (editor, "Ends *"), ==,
                   "“31/02/2027” is not a date: type it as 14/10/27, 14 October 2027 or 2027-10-14");
  g_assert_false (sec_test_can_save (editor));

  /* A date without its time. */
  sec_test_type (editor, "Starts *", "14/10/2027");
  gtk_editable_set_text (time_entry (starts), "");
  sec_test_iterate ();
  g_assert_cmpstr (sec_test_message_of (editor, "Starts *"), ==, "Type the time of day too, as 9:30 or 14:00");

  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
  setlocale (LC_ALL, saved_locale);
}

/* Problems are told when the field is left, then follow the typing. */
static void
test_errors_on_leave (SecTestEditor *f, gconstpointer data)
{
  SecRecordEditor *editor = sec_test_open_editor (f, SEC_TYPE_ORGANISATION, NULL);

  sec_test_type (editor, "Name *", "Frontex");
  sec_test_type_on (editor, "Email", "frontex at");
  g_assert_null (sec_test_message_of (editor, "Email"));
  g_assert_false (sec_test_can_save (editor));
  sec_test_type_on (editor, "Email", "frontex at example");
  g_assert_null (sec_test_message_of (editor, "Email"));

  sec_test_leave (editor);
  g_assert_cmpstr (sec_test_message_of (editor, "Email"), ==, "Email: “frontex at example” is not a valid email address");

  /* Back in the field: the message follows what is typed. */
  sec_test_type_on (editor, "Email", "frontex@");
  g_assert_cmpstr (sec_test_message_of (editor, "Email"), ==, "Email: “frontex@” is not a valid email address");
  sec_test_type_on (editor, "Email", "frontex@example.eu");
  g_assert_null (sec_test_message_of (editor, "Email"));
  g_assert_true (sec_test_can_save (editor));

  /* A field passed through without typing says nothing. */
  gtk_widget_grab_focus (sec_test_field_row (editor, "City"));
  sec_test_leave (editor);
  g_assert_null (sec_test_message_of (editor, "City"));

  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
}

static GtkRevealer *
missing_revealer (SecRecordEditor *editor)
{
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_REVEALER, FALSE, revealers);
  for (guint i = 0; i < revealers->len; i++)
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      sec_test_collect_widgets (g_ptr_array_index (revealers, i), GTK_TYPE_BUTTON, FALSE, buttons);
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
  sec_test_collect_widgets (GTK_WIDGET (revealer), GTK_TYPE_LABEL, FALSE, labels);
  return gtk_label_get_text (g_ptr_array_index (labels, 0));
}

/* A greyed-out Save says why, and takes the user there. */
static void
test_missing_fields (SecTestEditor *f, gconstpointer data)
{
  SecRecordEditor *editor = sec_test_open_editor (f, SEC_TYPE_MEETING, NULL);
  GtkWidget *network = sec_test_field_row (editor, "EU Network of National Rapporteurs");
  GtkWidget *scrolled = gtk_widget_get_ancestor (network, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *focus;

  g_assert_false (sec_test_can_save (editor));
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Title, Starts, Ends and Bodies to save");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (sec_test_save_button (editor)), ==,
                   "Fill in Title, Starts, Ends and Bodies to save");
  /* Not shouted at the fields before the user has been there. */
  g_assert_null (sec_test_message_of (editor, "Starts *"));

  sec_test_type (editor, "Title *", "Joint session");
  sec_test_pick_date (editor, "Starts *", "2018-06-13T09:30");
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Ends and Bodies to save");
  sec_test_pick_date (editor, "Ends *", "2018-06-13T17:00");
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Bodies to save");

  /* Show: the bodies, far below, scrolled to, with the keyboard there. */
  gtk_adjustment_set_value (vadjustment, 0);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-missing", NULL);
  sec_test_iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_nonnull (focus);
  /* The first body, by name. */
  g_assert_true (gtk_widget_is_ancestor (focus, sec_test_field_row (editor, "EU Civil Society Platform")));
  if (gtk_adjustment_get_upper (vadjustment) > gtk_adjustment_get_page_size (vadjustment) + 200)
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_next_sibling (network)));

  adw_action_row_activate (ADW_ACTION_ROW (network));
  sec_test_iterate ();
  g_assert_true (sec_test_can_save (editor));
  g_assert_null (missing_of (editor));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (sec_test_save_button (editor)), ==, "Save (Ctrl+S)");

  /* A wrong value is named too, and Show goes to it. */
  adw_action_row_activate (ADW_ACTION_ROW (network));
  sec_test_type (editor, "Ends *", "31/02/2027");
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Bodies and correct Ends to save");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-missing", NULL);
  sec_test_iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_is_ancestor (focus, sec_test_field_row (editor, "Ends *")));
  sec_test_pick_date (editor, "Ends *", "2018-06-13T17:00");
  adw_action_row_activate (ADW_ACTION_ROW (network));
  sec_test_iterate ();
  g_assert_null (missing_of (editor));

  sec_test_type (editor, "Title *", "");
  g_assert_cmpstr (missing_of (editor), ==, "Fill in Title to save");
  sec_test_type (editor, "Title *", "Joint session");
  sec_test_type (editor, "Starts *", "31/02/2027");
  g_assert_cmpstr (missing_of (editor), ==, "Correct Starts to save");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-missing", NULL);
  sec_test_iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_true (gtk_widget_is_ancestor (focus, sec_test_field_row (editor, "Starts *")));

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

  sec_test_collect_widgets (picker, GTK_TYPE_MENU_BUTTON, FALSE, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  popover = gtk_menu_button_get_popover (g_ptr_array_index (buttons, 0));
  g_ptr_array_set_size (buttons, 0);
  sec_test_collect_widgets (GTK_WIDGET (popover), GTK_TYPE_BUTTON, FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "picker-row.create") == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("No Create button");
  return NULL;
}

/* A person who is not there yet, made from the participant's picker. */
static void
test_create_from_picker (SecTestEditor *f, gconstpointer data)
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
  editor = sec_test_open_editor (f, SEC_TYPE_PARTICIPANT, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  sec_record_editor_set_field (editor, "meeting", meeting);
  person = sec_test_field_row (editor, "Person *");

  sec_record_picker_row_search (SEC_RECORD_PICKER_ROW (person), "Anna Müller");
  sec_test_iterate ();
  create = picker_create_button (person);
  g_assert_true (gtk_widget_get_visible (create));
  sec_test_collect_widgets (create, GTK_TYPE_LABEL, FALSE, labels);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, 0)), ==, "Create “Anna Müller”…");

  g_signal_emit_by_name (create, "clicked");
  sec_test_iterate ();
  creator = find_other_editor (editor);
  g_assert_nonnull (creator);
  g_object_add_weak_pointer (G_OBJECT (creator), (gpointer *) &creator);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (creator)), ==, "New Person");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (creator)) == GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_field_row (creator, "Given name"))), ==, "Anna");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_field_row (creator, "Family name *"))), ==, "Müller");
  g_assert_true (sec_test_can_save (creator));
  sec_test_type (creator, "Email", "anna.mueller@example.eu");
  sec_test_save (creator);
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
  g_assert_true (sec_test_can_save (editor));
  sec_test_save (editor);
  g_assert_null (editor);
  g_assert_cmpint (sec_test_count (f, SEC_TYPE_PARTICIPANT, "meeting", meeting), ==, 1);

  /* One word is a family name; "Family, Given" too. */
  editor = sec_test_open_editor (f, SEC_TYPE_PARTICIPANT, NULL);
  person = sec_test_field_row (editor, "Person *");
  sec_record_picker_row_search (SEC_RECORD_PICKER_ROW (person), "Kowalski, Jan");
  sec_test_iterate ();
  /* Enter in a search that found nothing makes it. */
  {
    g_autoptr(GPtrArray) searches = g_ptr_array_new ();

    sec_test_collect_widgets (gtk_widget_get_ancestor (picker_create_button (person), GTK_TYPE_POPOVER), GTK_TYPE_SEARCH_ENTRY, FALSE, searches);
    g_assert_cmpuint (searches->len, ==, 1);
    g_signal_emit_by_name (g_ptr_array_index (searches, 0), "activate");
  }
  sec_test_iterate ();
  creator = find_other_editor (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_field_row (creator, "Given name"))), ==, "Jan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_field_row (creator, "Family name *"))), ==, "Kowalski");
  gtk_window_destroy (GTK_WINDOW (editor));
  sec_test_iterate ();
  sec_record_picker_row_set_create_func (NULL);
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
    sec_test_collect_widgets (row, GTK_TYPE_ENTRY, FALSE, entries);
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
  sec_test_ui_init (&argc, &argv);

#define ADD(name, func) SEC_TEST_EDITOR_ADD (name, func)
  ADD ("/editor/date-forms", test_date_forms);
  ADD ("/editor/errors-on-leave", test_errors_on_leave);
  ADD ("/editor/missing-fields", test_missing_fields);
  ADD ("/editor/create-from-picker", test_create_from_picker);
  g_test_add_func ("/editor/date-row", test_date_row);
  g_test_add_func ("/editor/country-row", test_country_row);

  return g_test_run ();
}
