/* test-call-ui-applications.c: the applications to a call in the window,
 * on the demo data: the applications window (entering, selecting and
 * undoing a selection, deciding the eligibility) and the editor's route for
 * "Selected". A call's tools, the commitments grid, the export dialog and
 * the record page are in test-call-ui.c. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "ui/calls/sec-applications-window.h"
#include "core/calls/sec-calls.h"
#include "ui/widgets/sec-country-row.h"
#include "ui/widgets/sec-date-row.h"
#include "core/base/sec-format.h"
#include "ui/records/sec-record-editor.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "sec-test-call-ui.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

static SecRecord *
reread (SecTestCallUi *f, SecRecord *record)
{
  return sec_store_get (f->store, G_OBJECT_TYPE (record), sec_record_get_id (record), NULL);
}

/* Clicks the dialog's button for @response, as the user does (even a
 * button that is off: what the window does then is tested too); the
 * dialog then closes. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, TRUE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      {
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        sec_test_iterate ();
        g_assert_null (sec_test_find_message_dialog ());
        return;
      }
  g_error ("No button “%s”", label);
}

/* The text of the error bar of @window, or NULL when it is hidden. */
static const char *
shown_error (GtkWidget *window)
{
  g_autoptr(GPtrArray) revealers = sec_test_call_ui_find_all (window, GTK_TYPE_REVEALER);

  for (guint i = 0; i < revealers->len; i++)
    {
      GtkRevealer *revealer = g_ptr_array_index (revealers, i);
      g_autoptr(GPtrArray) labels = NULL;

      if (!gtk_revealer_get_reveal_child (revealer))
        continue;
      labels = sec_test_call_ui_find_all (GTK_WIDGET (revealer), GTK_TYPE_LABEL);
      for (guint j = 0; j < labels->len; j++)
        if (gtk_widget_has_css_class (g_ptr_array_index (labels, j), "error"))
          return gtk_label_get_text (g_ptr_array_index (labels, j));
    }
  return NULL;
}

static gint64
count_memberships_from (SecTestCallUi *f, SecCall *call)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (SEC_RECORD (call)));

  sec_query_add (query, "call", SEC_QUERY_EQUALS, id);
  return sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, query, NULL);
}

/* The applications window */

static SecApplicationsWindow *
open_applications (SecTestCallUi *f)
{
  SecApplicationsWindow *window = sec_applications_window_open (GTK_WINDOW (f->window), f->store,
                                                                f->call_2018, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  sec_test_wait_ms (200);
  return window;
}

/* How many outcome drop-downs show "Selected". */
static guint
count_selected_drop_downs (SecApplicationsWindow *window)
{
  g_autoptr(GPtrArray) drop_downs = sec_test_call_ui_find_all (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN);
  guint n = 0;

  g_assert_cmpuint (drop_downs->len, >, 0);
  for (guint i = 0; i < drop_downs->len; i++)
    n += gtk_drop_down_get_selected (g_ptr_array_index (drop_downs, i)) == 1;
  return n;
}

static void
test_select_and_unselect (SecTestCallUi *f, gconstpointer data)
{
  SecApplicationsWindow *window = open_applications (f);
  g_autoptr(SecRecord) application = sec_test_call_ui_find_application (f, "Nordlys Støttecenter");
  g_autoptr(SecRecord) stored = NULL;
  g_autoptr(SecRecord) membership = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *date_row;
  gint64 id = sec_record_get_id (application);
  gint64 members_before = count_memberships_from (f, f->call_2018);
  gint64 membership_id;

  g_assert_cmpstr (sec_record_get_string (application, "outcome"), ==, "reserve");
  g_assert_cmpuint (g_list_model_get_n_items (sec_applications_window_get_model (window)), ==, 9);
  g_assert_cmpuint (count_selected_drop_downs (window), ==, 3);

  /* Cancelled: nothing changes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "applications.set-outcome", "(xs)", id, "selected");
  sec_test_iterate ();
  dialog = sec_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  stored = reread (f, application);
  g_assert_cmpstr (sec_record_get_string (stored, "outcome"), ==, "reserve");
  g_assert_cmpint (count_memberships_from (f, f->call_2018), ==, members_before);
  g_clear_object (&stored);

  /* Selected from a chosen day: the membership comes with the call. */
  gtk_widget_activate_action (GTK_WIDGET (window), "applications.set-outcome", "(xs)", id, "selected");
  sec_test_iterate ();
  dialog = sec_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Select “Nordlys Støttecenter”?");
  date_row = sec_test_call_ui_find_row (GTK_WIDGET (dialog), "Member from");
  sec_date_row_set_value (SEC_DATE_ROW (date_row), "2018-13-45");
  sec_test_iterate ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "select"));
  sec_date_row_set_value (SEC_DATE_ROW (date_row), "2018-09-01");
  sec_test_iterate ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "select"));
  respond (dialog, "select");
  sec_test_wait_ms (100);

  g_assert_null (shown_error (GTK_WIDGET (window)));
  stored = reread (f, application);
  g_assert_cmpstr (sec_record_get_string (stored, "outcome"), ==, "selected");
  membership_id = sec_record_get_ref (stored, "membership");
  g_assert_cmpint (membership_id, >, 0);
  membership = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, membership_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_ref (membership, "organisation"), ==, sec_record_get_ref (stored, "organisation"));
  g_assert_cmpint (sec_record_get_ref (membership, "body"), ==, sec_record_get_ref (SEC_RECORD (f->call_2018), "body"));
  g_assert_cmpint (sec_record_get_ref (membership, "call"), ==, sec_record_get_id (SEC_RECORD (f->call_2018)));
  g_assert_cmpstr (sec_record_get_string (membership, "joined-on"), ==, "2018-09-01");
  g_assert_cmpstr (sec_record_get_string (membership, "status"), ==, "active");
  g_assert_cmpint (count_memberships_from (f, f->call_2018), ==, members_before + 1);
  /* The list shows it. */
  g_assert_cmpuint (count_selected_drop_downs (window), ==, 4);
  g_clear_object (&stored);

  /* Rejected after all: the selection is undone, the membership goes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "applications.set-outcome", "(xs)", id, "rejected");
  sec_test_iterate ();
  dialog = sec_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "from 1 September 2018"));
  respond (dialog, "unselect");
  sec_test_wait_ms (100);

  g_assert_null (shown_error (GTK_WIDGET (window)));
  stored = reread (f, application);
  g_assert_cmpstr (sec_record_get_string (stored, "outcome"), ==, "rejected");
  g_assert_cmpint (sec_record_get_ref (stored, "membership"), ==, 0);
  g_clear_object (&membership);
  membership = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, membership_id, &error);
  g_assert_null (membership);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_memberships_from (f, f->call_2018), ==, members_before);
  g_assert_cmpuint (count_selected_drop_downs (window), ==, 3);

  /* Between other outcomes, a plain change. */
  gtk_widget_activate_action (GTK_WIDGET (window), "applications.set-outcome", "(xs)", id, "reserve");
  sec_test_iterate ();
  g_assert_null (sec_test_find_message_dialog ());
  g_clear_object (&stored);
  stored = reread (f, application);
  g_assert_cmpstr (sec_record_get_string (stored, "outcome"), ==, "reserve");
}

static void
test_add_application (SecTestCallUi *f, gconstpointer data)
{
  SecApplicationsWindow *window = open_applications (f);
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(SecRecord) created = NULL;
  g_autoptr(SecRecord) application = NULL;
  g_autoptr(SecRecord) applicant = sec_test_find_one (f->store, SEC_TYPE_ORGANISATION, "name", "Foreningen Fri Fremtid");
  g_autoptr(SecRecord) member = sec_test_find_one (f->store, SEC_TYPE_ORGANISATION, "name", "Association Fil d’Ariane");
  GListModel *model = sec_applications_window_get_model (window);
  AdwMessageDialog *dialog;
  guint n_before = g_list_model_get_n_items (model);

  /* A new organisation, recorded with its application and checked: Poland
   * is not one of the call's countries. */
  sec_applications_window_show_add_form (window);
  sec_test_iterate ();
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sec_test_call_ui_find_button (root, GTK_TYPE_TOGGLE_BUTTON, "_New")), TRUE);
  sec_test_iterate ();
  g_assert_true (gtk_widget_get_visible (sec_test_call_ui_find_row (root, "Name *")));
  g_assert_false (gtk_widget_get_visible (sec_test_call_ui_find_row (root, "Organisation *")));

  /* Nothing typed: refused, and said why. */
  gtk_widget_activate_action (root, "applications.save", NULL);
  sec_test_iterate ();
  g_assert_nonnull (shown_error (root));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before);

  gtk_editable_set_text (GTK_EDITABLE (sec_test_call_ui_find_row (root, "Name *")), "Fundacja Nadzieja Łódź");
  sec_country_row_set_value (SEC_COUNTRY_ROW (sec_test_call_ui_find_row (root, "Country")), "PL");
  sec_date_row_set_value (SEC_DATE_ROW (sec_test_call_ui_find_row (root, "Received")), "2018-04-20T10:00");
  gtk_editable_set_text (GTK_EDITABLE (sec_test_call_ui_find_row (root, "Score")), "70");
  sec_test_iterate ();
  gtk_widget_activate_action (root, "applications.save", NULL);
  sec_test_wait_ms (100);

  g_assert_cmpstr (shown_error (root), ==, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before + 1);
  created = sec_test_find_one (f->store, SEC_TYPE_ORGANISATION, "name", "Fundacja Nadzieja Łódź");
  g_assert_cmpstr (sec_record_get_string (created, "country"), ==, "PL");
  g_assert_cmpstr (sec_record_get_string (created, "kind"), ==, "civil-society");
  application = sec_test_call_ui_find_application (f, "Fundacja Nadzieja Łódź");
  g_assert_cmpstr (sec_record_get_string (application, "eligibility"), ==, "not-eligible");
  g_assert_cmpstr (sec_record_get_string (application, "eligibility-rule"), ==, "country");
  g_assert_false (sec_record_get_bool (application, "late"));
  g_assert_cmpint (sec_record_get_int (application, "call-version"), ==, 2);
  g_assert_cmpstr (sec_record_get_string (application, "score"), ==, "70");
  g_clear_object (&application);

  /* An organisation that applied already: refused, the form kept. */
  sec_applications_window_show_add_form (window);
  sec_test_iterate ();
  g_assert_true (gtk_widget_get_visible (sec_test_call_ui_find_row (root, "Organisation *")));
  sec_record_picker_row_set_record_id (SEC_RECORD_PICKER_ROW (sec_test_call_ui_find_row (root, "Organisation *")),
                                       sec_record_get_id (applicant));
  sec_date_row_set_value (SEC_DATE_ROW (sec_test_call_ui_find_row (root, "Received")), "2018-04-26T09:00");
  sec_test_iterate ();
  gtk_widget_activate_action (root, "applications.save", NULL);
  sec_test_wait_ms (100);
  g_assert_cmpstr (shown_error (root), ==, "This organisation has already applied to that call");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before + 1);
  g_assert_cmpstr (sec_date_row_get_value (SEC_DATE_ROW (sec_test_call_ui_find_row (root, "Received"))), ==, "2018-04-26T09:00");

  /* One on record, a member since the 2016 call, after the deadline: late,
   * not eligible; selecting it again is refused, and the window says so. */
  sec_record_picker_row_set_record_id (SEC_RECORD_PICKER_ROW (sec_test_call_ui_find_row (root, "Organisation *")),
                                       sec_record_get_id (member));
  sec_test_iterate ();
  gtk_widget_activate_action (root, "applications.save", NULL);
  sec_test_wait_ms (100);
  g_assert_cmpstr (shown_error (root), ==, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before + 2);
  {
    g_autoptr(SecQuery) query = sec_query_new ();
    g_autofree char *org = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (member));
    g_autoptr(GPtrArray) found = NULL;

    sec_query_add (query, "organisation", SEC_QUERY_EQUALS, org);
    sec_query_add (query, "received-at", SEC_QUERY_EQUALS, "2018-04-26T09:00");
    found = sec_store_list (f->store, SEC_TYPE_APPLICATION, query, NULL);
    g_assert_cmpuint (found->len, ==, 1);
    application = g_object_ref (g_ptr_array_index (found, 0));
  }
  g_assert_true (sec_record_get_bool (application, "late"));
  g_assert_cmpstr (sec_record_get_string (application, "eligibility-rule"), ==, "deadline");

  gtk_widget_activate_action (root, "applications.set-outcome", "(xs)", sec_record_get_id (application), "selected");
  sec_test_iterate ();
  dialog = sec_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "select");
  g_assert_nonnull (shown_error (root));
  g_assert_nonnull (strstr (shown_error (root), "is already a member of"));
  {
    g_autoptr(SecRecord) stored = reread (f, application);
    g_assert_cmpstr (sec_record_get_string (stored, "outcome"), ==, "pending");
    g_assert_cmpint (sec_record_get_ref (stored, "membership"), ==, 0);
  }
}

static void
test_override_needs_reason (SecTestCallUi *f, gconstpointer data)
{
  SecApplicationsWindow *window = open_applications (f);
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(SecRecord) application = sec_test_call_ui_find_application (f, "Föreningen Trygg Återvändo");
  g_autoptr(SecRecord) stored = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *reason;
  gint64 id = sec_record_get_id (application);

  g_assert_cmpstr (sec_record_get_string (application, "eligibility"), ==, "not-eligible");
  g_assert_cmpstr (sec_record_get_string (application, "eligibility-rule"), ==, "country");

  /* Without a reason the decision cannot be made... */
  gtk_widget_activate_action (root, "applications.override", "x", id);
  sec_test_iterate ();
  dialog = sec_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sec_test_call_ui_find_row (GTK_WIDGET (dialog), "Decision"))), ==, 0);
  reason = sec_test_call_ui_find_row (GTK_WIDGET (dialog), "Reason *");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "decide"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
  sec_test_iterate ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "decide"));
  /* ...and the core refuses it too, which the window shows. */
  respond (dialog, "decide");
  g_assert_nonnull (shown_error (root));
  g_assert_cmpstr (shown_error (root), ==, "A reason is required when staff decide the eligibility");
  stored = reread (f, application);
  g_assert_false (sec_record_get_bool (stored, "eligibility-overridden"));
  g_assert_cmpstr (sec_record_get_string (stored, "eligibility"), ==, "not-eligible");
  g_clear_object (&stored);

  /* With one, it is kept beside the check's result. */
  gtk_widget_activate_action (root, "applications.override", "x", id);
  sec_test_iterate ();
  dialog = sec_test_find_message_dialog ();
  reason = sec_test_call_ui_find_row (GTK_WIDGET (dialog), "Reason *");
  gtk_editable_set_text (GTK_EDITABLE (reason), "Registered in Denmark since March 2018 (extract received)");
  sec_test_iterate ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "decide"));
  respond (dialog, "decide");
  g_assert_null (shown_error (root));
  stored = reread (f, application);
  g_assert_true (sec_record_get_bool (stored, "eligibility-overridden"));
  g_assert_cmpstr (sec_record_get_string (stored, "eligibility"), ==, "eligible");
  g_assert_cmpstr (sec_record_get_string (stored, "checked-eligibility"), ==, "not-eligible");
  g_assert_cmpstr (sec_record_get_string (stored, "override-reason"), ==,
                   "Registered in Denmark since March 2018 (extract received)");
  g_clear_object (&stored);

  /* Handed back to the check: no reason needed. */
  gtk_widget_activate_action (root, "applications.override", "x", id);
  sec_test_iterate ();
  dialog = sec_test_find_message_dialog ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (sec_test_call_ui_find_row (GTK_WIDGET (dialog), "Decision")), 2);
  gtk_editable_set_text (GTK_EDITABLE (sec_test_call_ui_find_row (GTK_WIDGET (dialog), "Reason *")), "");
  sec_test_iterate ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "decide"));
  respond (dialog, "decide");
  stored = reread (f, application);
  g_assert_false (sec_record_get_bool (stored, "eligibility-overridden"));
  g_assert_cmpstr (sec_record_get_string (stored, "eligibility"), ==, "not-eligible");
}

/* The editor routes "Selected" through the selection. */
static void
test_editor_selection (SecTestCallUi *f, gconstpointer data)
{
  g_autoptr(SecRecord) application = sec_test_call_ui_find_application (f, "Għaqda Żgħażagħ għad-Drittijiet");
  g_autoptr(SecRecord) stored = NULL;
  g_autoptr(SecRecord) membership = NULL;
  g_autofree char *today = sec_today ();
  SecRecordEditor *editor;
  AdwComboRow *outcome;
  gint64 membership_id;

  g_assert_cmpstr (sec_record_get_string (application, "outcome"), ==, "reserve");

  editor = sec_record_editor_new (GTK_WINDOW (f->window), f->store, SEC_TYPE_APPLICATION, application);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  sec_test_iterate ();
  outcome = ADW_COMBO_ROW (sec_test_call_ui_find_row (GTK_WIDGET (editor), "Outcome *"));
  adw_combo_row_set_selected (outcome, 1);
  {
    g_autoptr(GPtrArray) views = sec_test_call_ui_find_all (sec_test_call_ui_find_row (GTK_WIDGET (editor), "Notes"), GTK_TYPE_TEXT_VIEW);

    g_assert_cmpuint (views->len, ==, 1);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)),
                              "Selected when a place fell vacant.", -1);
  }
  sec_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  sec_test_iterate ();
  g_assert_null (editor);

  stored = reread (f, application);
  g_assert_cmpstr (sec_record_get_string (stored, "outcome"), ==, "selected");
  g_assert_cmpstr (sec_record_get_string (stored, "notes"), ==, "Selected when a place fell vacant.");
  membership_id = sec_record_get_ref (stored, "membership");
  g_assert_cmpint (membership_id, >, 0);
  membership = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, membership_id, NULL);
  g_assert_nonnull (membership);
  g_assert_cmpint (sec_record_get_ref (membership, "call"), ==, sec_record_get_id (SEC_RECORD (f->call_2018)));
  g_assert_cmpstr (sec_record_get_string (membership, "joined-on"), ==, today);

  /* Rejected in the editor: the membership goes with the selection. */
  editor = sec_record_editor_new (GTK_WINDOW (f->window), f->store, SEC_TYPE_APPLICATION, stored);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  sec_test_iterate ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (sec_test_call_ui_find_row (GTK_WIDGET (editor), "Outcome *")), 3);
  sec_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  sec_test_iterate ();
  g_assert_null (editor);

  g_clear_object (&stored);
  stored = reread (f, application);
  g_assert_cmpstr (sec_record_get_string (stored, "outcome"), ==, "rejected");
  g_assert_cmpint (sec_record_get_ref (stored, "membership"), ==, 0);
  g_clear_object (&membership);
  membership = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, membership_id, NULL);
  g_assert_null (membership);

  /* A new application entered as selected: entered, then selected. */
  {
    g_autoptr(SecRecord) organisation = sec_test_find_one (f->store, SEC_TYPE_ORGANISATION, "name", "Association Élan Solidarité");
    g_autofree char *call = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (SEC_RECORD (f->call_2018)));
    g_autofree char *org = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (organisation));
    gint64 members_before = count_memberships_from (f, f->call_2018);

    editor = sec_record_editor_new (GTK_WINDOW (f->window), f->store, SEC_TYPE_APPLICATION, NULL);
    g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
    sec_record_editor_set_field (editor, "call", call);
    sec_record_editor_set_field (editor, "organisation", org);
    sec_record_editor_set_field (editor, "received-at", "2018-04-20T12:00");
    gtk_window_present (GTK_WINDOW (editor));
    sec_test_iterate ();
    adw_combo_row_set_selected (ADW_COMBO_ROW (sec_test_call_ui_find_row (GTK_WIDGET (editor), "Outcome *")), 1);
    sec_test_iterate ();
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
    sec_test_iterate ();
    g_assert_null (editor);
    g_clear_object (&stored);
    stored = sec_store_get (f->store, SEC_TYPE_APPLICATION, f->opened_id, NULL);
    g_assert_nonnull (stored);
    g_assert_cmpstr (sec_record_get_string (stored, "outcome"), ==, "selected");
    /* Checked on entry as any other: France is not one of the countries. */
    g_assert_cmpstr (sec_record_get_string (stored, "eligibility-rule"), ==, "country");
    g_assert_cmpint (sec_record_get_ref (stored, "membership"), >, 0);
    g_assert_cmpint (count_memberships_from (f, f->call_2018), ==, members_before + 1);
  }
}

int
main (int argc, char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

#define ADD SEC_TEST_CALL_UI_ADD
  ADD ("/call-ui/applications/select-and-unselect", test_select_and_unselect);
  ADD ("/call-ui/applications/add", test_add_application);
  ADD ("/call-ui/applications/override-needs-reason", test_override_needs_reason);
  ADD ("/call-ui/editor/selection", test_editor_selection);
#undef ADD

  return g_test_run ();
}
