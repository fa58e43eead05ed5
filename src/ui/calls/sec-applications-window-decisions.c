/* sec-applications-window-decisions.c: an application's outcome and
 * eligibility, decided in the applications window
 *
 * Choosing "Selected" asks from when the organisation is a member and makes
 * the membership with the selection; leaving "Selected" asks first and
 * removes it; staff deciding the eligibility give the reason. Each dialog
 * keeps what it is about (Pending) until it answers.
 */
#define G_LOG_DOMAIN "sec-applications-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/calls/sec-applications-window.h"
#include "ui/calls/sec-applications-window-private.h"
#include "ui/calls/sec-call-text.h"
#include "core/calls/sec-calls.h"
#include "core/base/sec-format.h"

/* What a dialog is about, kept on the dialog until it answers. */
typedef struct {
  gint64      application_id;
  char       *outcome;   /* the outcome asked for */
  GtkWidget  *date_row;  /* borrowed: in the dialog */
  GtkWidget  *decision_row;
  GtkWidget  *reason_row;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_free (pending->outcome);
  g_free (pending);
}

/* Helpers: dialogs */

static AdwMessageDialog *
new_dialog (SecApplicationsWindow *self,
            const char            *heading,
            const char            *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_default_response (dialog, "cancel");
  return dialog;
}

static GtkWidget *
new_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static SecRecord *
get_application (SecApplicationsWindow *self,
                 gint64                 id)
{
  g_autoptr(GError) error = NULL;
  SecRecord *application = sec_store_get (self->store, SEC_TYPE_APPLICATION, id, &error);

  if (application == NULL)
    _sec_applications_window_show_error (self, error->message);
  return application;
}

/* Callbacks: selection */

static void
on_select_date_changed (AdwMessageDialog *dialog)
{
  Pending *pending = g_object_get_data (G_OBJECT (dialog), "sec-pending");
  const char *date = sec_date_row_get_value (SEC_DATE_ROW (pending->date_row));

  adw_message_dialog_set_response_enabled (dialog, "select", date != NULL && sec_check_date (date));
}

static void
on_select_response (SecApplicationsWindow *self,
                    const char            *response,
                    AdwMessageDialog      *dialog)
{
  Pending *pending = g_object_get_data (G_OBJECT (dialog), "sec-pending");
  g_autoptr(SecRecord) application = NULL;
  g_autoptr(SecRecord) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body_name = NULL;
  g_autofree char *message = NULL;
  const char *joined_on;

  if (g_strcmp0 (response, "select") != 0)
    return;
  if ((application = get_application (self, pending->application_id)) == NULL)
    return;

  joined_on = sec_date_row_get_value (SEC_DATE_ROW (pending->date_row));
  if (!sec_application_select (self->store, SEC_APPLICATION (application), joined_on, &error))
    {
      _sec_applications_window_show_error (self, error->message);
      return;
    }

  _sec_applications_window_hide_error (self);
  name = sec_call_text_dup_organisation_name (application);
  date = sec_format_date (joined_on);
  body = sec_store_get (self->store, SEC_TYPE_BODY, sec_record_get_ref (SEC_RECORD (self->call), "body"), NULL);
  body_name = body != NULL ? sec_record_dup_title (body) : g_strdup ("");
  /* Translators: after a selection, "“Nordlys Støttecenter” is a member of CSP from 1 July 2018" */
  message = g_strdup_printf (_("“%s” is a member of %s from %s"), name, body_name, date);
  _sec_applications_window_show_toast (self, message);
}

static void
ask_joined_on (SecApplicationsWindow *self,
               SecRecord             *application)
{
  g_autofree char *name = sec_call_text_dup_organisation_name (application);
  g_autofree char *heading = g_strdup_printf (_("Select “%s”?"), name);
  g_autoptr(SecRecord) body = sec_store_get (self->store, SEC_TYPE_BODY,
                                             sec_record_get_ref (SEC_RECORD (self->call), "body"), NULL);
  g_autofree char *body_name = body != NULL ? sec_record_dup_title (body) : g_strdup ("");
  /* Translators: %s is a body, "EU Civil Society Platform against trafficking in human beings" */
  g_autofree char *body_text = g_strdup_printf (_("The organisation becomes a member of %s from the day below, "
                                                  "with this call recorded as how it joined."), body_name);
  g_autofree char *today = sec_today ();
  AdwMessageDialog *dialog = new_dialog (self, heading, body_text);
  GtkWidget *list = new_boxed_list ();
  Pending *pending = g_new0 (Pending, 1);

  pending->application_id = sec_record_get_id (application);
  pending->outcome = g_strdup ("selected");
  pending->date_row = sec_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pending->date_row), _("Member from"));
  sec_date_row_set_value (SEC_DATE_ROW (pending->date_row), today);
  gtk_list_box_append (GTK_LIST_BOX (list), pending->date_row);
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data_full (G_OBJECT (dialog), "sec-pending", pending, pending_free);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "select", _("_Select"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "select", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "select");
  g_signal_connect_swapped (pending->date_row, "notify::value", G_CALLBACK (on_select_date_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_select_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_unselect_response (SecApplicationsWindow *self,
                      const char            *response,
                      AdwMessageDialog      *dialog)
{
  Pending *pending = g_object_get_data (G_OBJECT (dialog), "sec-pending");
  g_autoptr(SecRecord) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "unselect") != 0)
    return;
  if ((application = get_application (self, pending->application_id)) == NULL)
    return;

  /* Undoing the selection puts the outcome back to pending; another
   * outcome is then one more save (both show in the list at once). */
  if (!sec_store_begin (self->store, &error))
    {
      _sec_applications_window_show_error (self, error->message);
      return;
    }
  if (!sec_application_unselect (self->store, SEC_APPLICATION (application), &error))
    goto rollback;
  if (!g_str_equal (pending->outcome, "pending"))
    {
      sec_record_set_string (application, "outcome", pending->outcome);
      if (!sec_application_save (self->store, SEC_APPLICATION (application), &error))
        goto rollback;
    }
  if (!sec_store_commit (self->store, &error))
    goto rollback;

  _sec_applications_window_hide_error (self);
  name = sec_call_text_dup_organisation_name (application);
  /* Translators: after undoing a selection */
  message = g_strdup_printf (_("Selection of “%s” undone: its membership was removed"), name);
  _sec_applications_window_show_toast (self, message);
  return;

rollback:
  sec_store_rollback (self->store);
  _sec_applications_window_show_error (self, error->message);
}

static void
confirm_unselect (SecApplicationsWindow *self,
                  SecRecord             *application,
                  const char            *outcome)
{
  g_autofree char *name = sec_call_text_dup_organisation_name (application);
  g_autofree char *heading = g_strdup_printf (_("Undo the Selection of “%s”?"), name);
  g_autofree char *body_text = NULL;
  g_autoptr(SecRecord) membership = NULL;
  gint64 membership_id = sec_record_get_ref (application, "membership");
  AdwMessageDialog *dialog;
  Pending *pending;

  if (membership_id != 0)
    membership = sec_store_get (self->store, SEC_TYPE_MEMBERSHIP, membership_id, NULL);
  if (membership != NULL)
    {
      const char *body = sec_record_get_derived (membership, "body-name");
      g_autofree char *date = sec_format_date (sec_record_get_string (membership, "joined-on"));

      /* Translators: "Its membership of CSP from 1 July 2018, made by the selection, will be removed." */
      body_text = *date
                  ? g_strdup_printf (_("Its membership of %s from %s, made by the selection, will be removed."),
                                     body != NULL ? body : "", date)
                  : g_strdup_printf (_("Its membership of %s, made by the selection, will be removed."),
                                     body != NULL ? body : "");
    }
  else
    body_text = g_strdup (_("No membership was made by the selection: only the outcome changes."));

  dialog = new_dialog (self, heading, body_text);
  pending = g_new0 (Pending, 1);
  pending->application_id = sec_record_get_id (application);
  pending->outcome = g_strdup (outcome);
  g_object_set_data_full (G_OBJECT (dialog), "sec-pending", pending, pending_free);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "unselect", _("_Undo Selection"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "unselect", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unselect_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks: eligibility */

/* The choices of the decision row, in its order. */
static const SecEligibility decisions[] = {
  SEC_ELIGIBILITY_ELIGIBLE,
  SEC_ELIGIBILITY_NOT_ELIGIBLE,
  SEC_ELIGIBILITY_UNCHECKED, /* the check decides again */
};

static void
on_override_changed (AdwMessageDialog *dialog)
{
  Pending *pending = g_object_get_data (G_OBJECT (dialog), "sec-pending");
  guint decision = adw_combo_row_get_selected (ADW_COMBO_ROW (pending->decision_row));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pending->reason_row))));
  gboolean to_check = decision < G_N_ELEMENTS (decisions) && decisions[decision] == SEC_ELIGIBILITY_UNCHECKED;

  /* Staff's decision needs its reason; handing back to the check does not. */
  gtk_widget_set_visible (pending->reason_row, !to_check);
  adw_message_dialog_set_response_enabled (dialog, "decide", to_check || *reason != '\0');
}

static void
on_override_response (SecApplicationsWindow *self,
                      const char            *response,
                      AdwMessageDialog      *dialog)
{
  Pending *pending = g_object_get_data (G_OBJECT (dialog), "sec-pending");
  g_autoptr(SecRecord) application = NULL;
  g_autoptr(GError) error = NULL;
  guint decision = adw_combo_row_get_selected (ADW_COMBO_ROW (pending->decision_row));
  SecEligibility eligibility;

  if (g_strcmp0 (response, "decide") != 0 || decision >= G_N_ELEMENTS (decisions))
    return;
  if ((application = get_application (self, pending->application_id)) == NULL)
    return;

  eligibility = decisions[decision];
  if (!sec_application_override_eligibility (self->store, SEC_APPLICATION (application), eligibility,
                                             gtk_editable_get_text (GTK_EDITABLE (pending->reason_row)),
                                             &error))
    {
      _sec_applications_window_show_error (self, error->message);
      return;
    }
  _sec_applications_window_hide_error (self);
  _sec_applications_window_show_toast (self, eligibility == SEC_ELIGIBILITY_UNCHECKED ? _("The eligibility is the check’s again")
                                                             : _("Eligibility decided by staff"));
}

void
_sec_applications_window_set_outcome_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  SecApplicationsWindow *self = SEC_APPLICATIONS_WINDOW (widget);
  g_autoptr(SecRecord) application = NULL;
  g_autoptr(GError) error = NULL;
  const char *outcome, *current;
  gint64 id;
  gboolean known = FALSE;

  g_variant_get (parameter, "(x&s)", &id, &outcome);
  for (guint i = 0; i < G_N_ELEMENTS (_sec_applications_window_outcome_nicks); i++)
    known |= g_str_equal (outcome, _sec_applications_window_outcome_nicks[i]);
  g_return_if_fail (known);

  if ((application = get_application (self, id)) == NULL)
    return;
  current = sec_record_get_string (application, "outcome");
  if (g_strcmp0 (current, outcome) == 0)
    return;

  if (g_str_equal (outcome, "selected"))
    ask_joined_on (self, application);
  else if (g_strcmp0 (current, "selected") == 0)
    confirm_unselect (self, application, outcome);
  else
    {
      sec_record_set_string (application, "outcome", outcome);
      if (!sec_application_save (self->store, SEC_APPLICATION (application), &error))
        _sec_applications_window_show_error (self, error->message);
      else
        _sec_applications_window_hide_error (self);
    }
}

void
_sec_applications_window_override_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  SecApplicationsWindow *self = SEC_APPLICATIONS_WINDOW (widget);
  g_autoptr(SecRecord) application = get_application (self, g_variant_get_int64 (parameter));
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GtkStringList) labels = NULL;
  const char *checked;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  Pending *pending;
  guint selected = 0;

  if (application == NULL)
    return;

  name = sec_call_text_dup_organisation_name (application);
  heading = g_strdup_printf (_("Eligibility of “%s”"), name);
  checked = sec_record_get_string (application, "checked-eligibility");
  {
    const char *reason = sec_record_get_string (application, "eligibility-reason");
    const char *found = sec_call_text_choice_label (SEC_TYPE_APPLICATION, "checked-eligibility", checked);

    if (reason != NULL && *reason)
      /* Translators: what the automatic check found and why, "The check found: Not eligible – Eligible countries: …" */
      body = g_strdup_printf (_("The check found: %1$s – %2$s. Staff can decide otherwise, giving the reason; "
                                "the check’s result is kept beside it."), found, reason);
    else
      /* Translators: what the automatic check found, "The check found: Eligible." */
      body = g_strdup_printf (_("The check found: %s. Staff can decide otherwise, giving the reason; "
                                "the check’s result is kept beside it."), found);
  }
  dialog = new_dialog (self, heading, body);

  pending = g_new0 (Pending, 1);
  pending->application_id = sec_record_get_id (application);
  list = new_boxed_list ();
  labels = gtk_string_list_new ((const char *[]) { _("Eligible"), _("Not eligible"),
                                                   _("As the check found"), NULL });
  pending->decision_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pending->decision_row), _("Decision"));
  adw_combo_row_set_model (ADW_COMBO_ROW (pending->decision_row), G_LIST_MODEL (labels));
  pending->reason_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pending->reason_row), _("Reason *"));
  gtk_list_box_append (GTK_LIST_BOX (list), pending->decision_row);
  gtk_list_box_append (GTK_LIST_BOX (list), pending->reason_row);
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data_full (G_OBJECT (dialog), "sec-pending", pending, pending_free);

  /* Staff's decision as it stands, or the opposite of the check's. */
  if (sec_record_get_bool (application, "eligibility-overridden"))
    {
      const char *reason = sec_record_get_string (application, "override-reason");

      selected = g_strcmp0 (sec_record_get_string (application, "eligibility"), "eligible") == 0 ? 0 : 1;
      gtk_editable_set_text (GTK_EDITABLE (pending->reason_row), reason != NULL ? reason : "");
    }
  else
    selected = g_strcmp0 (checked, "eligible") == 0 ? 1 : 0;
  adw_combo_row_set_selected (ADW_COMBO_ROW (pending->decision_row), selected);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "decide", _("_Decide"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "decide", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_swapped (pending->decision_row, "notify::selected", G_CALLBACK (on_override_changed), dialog);
  g_signal_connect_swapped (pending->reason_row, "changed", G_CALLBACK (on_override_changed), dialog);
  on_override_changed (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_override_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (pending->reason_row);
}
