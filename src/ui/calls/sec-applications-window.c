/* sec-applications-window.c: a call's applications, their eligibility and
 * the selection
 *
 * One row per application, in the order they were received: the
 * organisation and its country, when it came (late ones flagged), the
 * version of the call that applied, the eligibility the check found (or
 * staff decided, with the reason), the score and the outcome. Every change
 * goes through sec-calls.h, so that the rules hold whatever the window
 * does: a new application is checked as it is entered (with its
 * organisation created in the same transaction when it is new); choosing
 * "Selected" asks from when the organisation is a member and makes the
 * membership with the selection, and leaving "Selected" removes it;
 * deciding the eligibility needs a reason. The list is a SecRecordList, so
 * it follows the store whoever changes it.
 */
#define G_LOG_DOMAIN "sec-applications-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/calls/sec-applications-window.h"
#include "ui/calls/sec-call-export-dialog.h"
#include "core/calls/sec-calls.h"
#include "core/base/sec-countries.h"
#include "ui/widgets/sec-country-row.h"
#include "ui/widgets/sec-date-row.h"
#include "core/base/sec-format.h"
#include "core/store/sec-record-list.h"
#include "ui/widgets/sec-record-picker-row.h"

struct _SecApplicationsWindow
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *add_button;
  GtkWidget           *cancel_button;
  GtkWidget           *save_button;
  GtkWidget           *export_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *stack;
  GtkStack            *list_stack;
  GtkLabel            *summary_label;
  GtkColumnView       *column_view;
  AdwPreferencesGroup *organisation_group;
  AdwPreferencesGroup *application_group;
  GtkToggleButton     *existing_button;
  GtkToggleButton     *new_button;
  AdwEntryRow         *name_row;
  SecCountryRow       *country_row;
  AdwComboRow         *kind_row;
  SecDateRow          *received_row;
  AdwEntryRow         *timezone_row;
  AdwEntryRow         *areas_row;
  AdwEntryRow         *score_row;
  GtkTextView         *documents_view;

  /* owned */
  SecStore            *store;
  SecCall             *call;          /* as last read */
  SecRecordList       *applications;

  /* borrowed: in organisation_group */
  GtkWidget           *picker_row;

  gulong               changed_id;
  gboolean             binding;       /* cells being filled: not the user */
};

G_DEFINE_FINAL_TYPE (SecApplicationsWindow, sec_applications_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The outcomes in the order the drop-downs offer them. */
static const char *const outcome_nicks[] = { "pending", "selected", "reserve", "rejected" };

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

/* Helpers: text */

static const char *
choice_label (GType       kind,
              const char *field,
              const char *nick)
{
  const SecField *f = sec_kind_find_field (sec_kind_from_type (kind), field);
  const char *label = f != NULL && nick != NULL ? sec_field_choice_label (f, nick) : NULL;

  return label != NULL ? label : (nick != NULL ? nick : "");
}

static char *
dup_organisation_name (SecRecord *application)
{
  const char *name = sec_record_get_derived (application, "organisation-name");

  return g_strdup (name != NULL && *name != '\0' ? name : _("An organisation that no longer exists"));
}

/* What the eligibility rests on: staff's reason, or the rule that failed
 * and why; "" for an application the check found eligible. */
static char *
dup_eligibility_detail (SecRecord *application)
{
  const char *reason = sec_record_get_string (application, "eligibility-reason");
  const char *rule = sec_record_get_string (application, "eligibility-rule");
  g_autoptr(GString) text = g_string_new (NULL);

  if (sec_record_get_bool (application, "eligibility-overridden"))
    {
      const char *override = sec_record_get_string (application, "override-reason");
      const char *checked = sec_record_get_string (application, "checked-eligibility");

      /* Translators: why staff decided an application's eligibility */
      g_string_append_printf (text, _("Decided by staff: %s"), override != NULL ? override : "");
      if (g_strcmp0 (checked, sec_record_get_string (application, "eligibility")) != 0)
        {
          g_string_append (text, _(" · "));
          /* Translators: what the automatic check had found, "The check found: Not eligible" */
          g_string_append_printf (text, _("The check found: %s"),
                                  choice_label (SEC_TYPE_APPLICATION, "checked-eligibility", checked));
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  /* The rule is on the status line; the reason says how it failed. */
  if (reason != NULL && *reason != '\0')
    g_string_append (text, reason);
  else if (rule != NULL && *rule != '\0')
    g_string_append (text, choice_label (SEC_TYPE_APPLICATION, "eligibility-rule", rule));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
count_applications (SecApplicationsWindow *self,
                    const char            *field,
                    const char            *value)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (SEC_RECORD (self->call)));

  sec_query_add (query, "call", SEC_QUERY_EQUALS, id);
  if (field != NULL)
    sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  return MAX (sec_store_count (self->store, SEC_TYPE_APPLICATION, query, NULL), 0);
}

/* Helpers: messages */

static void
show_error (SecApplicationsWindow *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_error (SecApplicationsWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
show_toast (SecApplicationsWindow *self,
            const char            *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Helpers: the list */

/* "9 applications · Eligible: 6 · Not eligible: 3 · Late: 1 · …": a label
 * and its count, so that no phrase needs a plural. */
static void
update_summary (SecApplicationsWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->applications));
  g_autoptr(GString) text = g_string_new (NULL);
  static const struct {
    const char *field;
    const char *value;
  } counts[] = {
    { "eligibility", "eligible" },
    { "eligibility", "not-eligible" },
    { "eligibility", "unchecked" },
    { "late", "1" },
    { "outcome", "selected" },
    { "outcome", "reserve" },
    { "outcome", "rejected" },
    { "outcome", "pending" },
  };

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "table" : "empty");
  {
    g_autofree char *number = sec_format_count (n);
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s application", "%s applications", n), number);
  }
  for (guint i = 0; i < G_N_ELEMENTS (counts) && n > 0; i++)
    {
      gint64 count = count_applications (self, counts[i].field, counts[i].value);
      g_autofree char *number = NULL;
      const char *label;

      if (count == 0)
        continue;
      label = g_str_equal (counts[i].field, "late")
              ? _("Late")
              : choice_label (SEC_TYPE_APPLICATION, counts[i].field, counts[i].value);
      number = sec_format_count (count);
      g_string_append (text, _(" · "));
      /* Translators: a label and a count, "Eligible: 6" */
      g_string_append_printf (text, _("%s: %s"), label, number);
    }
  gtk_label_set_text (self->summary_label, text->str);
}

static void
update_title (SecApplicationsWindow *self)
{
  g_autofree char *title = sec_record_dup_title (SEC_RECORD (self->call));
  g_autofree char *deadline = sec_call_format_deadline (self->call);
  g_autofree char *window_title = NULL;
  g_autofree char *description = NULL;
  const char *zone = sec_record_get_string (SEC_RECORD (self->call), "deadline-timezone");

  adw_window_title_set_subtitle (self->window_title, title);
  /* Translators: the title of the applications window, "Applications – 2018 targeted call" */
  window_title = g_strdup_printf (_("Applications – %s"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  /* Translators: how the form reads an empty time of receipt; %s is a time zone */
  description = g_strdup_printf (_("Left empty, the time received is now; the time zone, the deadline’s (%s). "
                                   "Deadline: %s."),
                                 zone != NULL && *zone ? zone : "Europe/Brussels",
                                 *deadline ? deadline : _("none"));
  adw_preferences_group_set_description (self->application_group, description);
}

/* GTK 4.8 has no gtk_column_view_scroll_to (): its list's action does it. */
static void
scroll_to (SecApplicationsWindow *self,
           guint                  position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Helpers: the form */

static void
update_organisation_mode (SecApplicationsWindow *self)
{
  gboolean creating = gtk_toggle_button_get_active (self->new_button);

  gtk_widget_set_visible (self->picker_row, !creating);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), creating);
  gtk_widget_set_visible (GTK_WIDGET (self->country_row), creating);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), creating);
}

static void
clear_form (SecApplicationsWindow *self)
{
  sec_record_picker_row_set_record_id (SEC_RECORD_PICKER_ROW (self->picker_row), 0);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  sec_country_row_set_value (self->country_row, NULL);
  adw_combo_row_set_selected (self->kind_row, 0);
  sec_date_row_set_value (self->received_row, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->timezone_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->areas_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->score_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->documents_view), "", -1);
  gtk_toggle_button_set_active (self->existing_button, TRUE);
}

static void
show_page (SecApplicationsWindow *self,
           gboolean               add)
{
  hide_error (self);
  gtk_stack_set_visible_child_name (self->stack, add ? "add" : "list");
  gtk_widget_set_visible (self->add_button, !add);
  gtk_widget_set_visible (self->export_button, !add);
  gtk_widget_set_visible (self->cancel_button, add);
  gtk_widget_set_visible (self->save_button, add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applications.save", add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applications.cancel", add);
  adw_window_title_set_title (self->window_title, add ? _("New Application") : _("Applications"));
  if (add)
    {
      gtk_widget_grab_focus (gtk_toggle_button_get_active (self->new_button) ? GTK_WIDGET (self->name_row)
                                                                              : self->picker_row);
    }
}

/* Reads the form into a new application (and organisation, when new);
 * FALSE with @error when something typed cannot be right. */
static gboolean
read_form (SecApplicationsWindow  *self,
           SecRecord             **application_out,
           SecRecord             **organisation_out,
           GError                **error)
{
  g_autoptr(SecRecord) application = sec_record_new (SEC_TYPE_APPLICATION);
  g_autoptr(SecRecord) organisation = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->documents_view);
  GtkTextIter start, end;
  g_autofree char *documents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *received = sec_date_row_get_value (self->received_row);
  static const char *const checked[] = { "received-at", "received-timezone", "thematic-areas", "score" };

  if (!sec_record_set_from_text (application, "received-at", received, error) ||
      !sec_record_set_from_text (application, "received-timezone",
                                 gtk_editable_get_text (GTK_EDITABLE (self->timezone_row)), error) ||
      !sec_record_set_from_text (application, "thematic-areas",
                                 gtk_editable_get_text (GTK_EDITABLE (self->areas_row)), error) ||
      !sec_record_set_from_text (application, "score",
                                 gtk_editable_get_text (GTK_EDITABLE (self->score_row)), error))
    return FALSE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  documents = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (documents, "\n", -1);
  sec_application_set_documents (SEC_APPLICATION (application), (const char * const *) lines);

  /* What was typed here; the rest (the score a number...) is checked as
   * the application is entered. */
  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    if (!sec_record_validate_field (application, checked[i], error))
      return FALSE;

  if (gtk_toggle_button_get_active (self->new_button))
    {
      GtkStringObject *kind = adw_combo_row_get_selected_item (self->kind_row);
      const SecField *kind_field = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_ORGANISATION), "kind");
      guint selected = adw_combo_row_get_selected (self->kind_row);

      organisation = sec_record_new (SEC_TYPE_ORGANISATION);
      sec_record_set_string (organisation, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
      sec_record_set_string (organisation, "country", sec_country_row_get_value (self->country_row));
      if (kind != NULL && selected != GTK_INVALID_LIST_POSITION)
        sec_record_set_string (organisation, "kind", kind_field->choices[selected].nick);
      if (!sec_record_validate (organisation, error))
        return FALSE;
    }
  else
    {
      gint64 id = sec_record_picker_row_get_record_id (SEC_RECORD_PICKER_ROW (self->picker_row));

      if (id == 0)
        {
          g_set_error_literal (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_REQUIRED,
                               _("Choose the organisation that applied, or enter a new one"));
          return FALSE;
        }
      sec_record_set_ref (application, "organisation", id);
    }

  *application_out = g_steal_pointer (&application);
  *organisation_out = g_steal_pointer (&organisation);
  return TRUE;
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
    show_error (self, error->message);
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
      show_error (self, error->message);
      return;
    }

  hide_error (self);
  name = dup_organisation_name (application);
  date = sec_format_date (joined_on);
  body = sec_store_get (self->store, SEC_TYPE_BODY, sec_record_get_ref (SEC_RECORD (self->call), "body"), NULL);
  body_name = body != NULL ? sec_record_dup_title (body) : g_strdup ("");
  /* Translators: after a selection, "“Nordlys Støttecenter” is a member of CSP from 1 July 2018" */
  message = g_strdup_printf (_("“%s” is a member of %s from %s"), name, body_name, date);
  show_toast (self, message);
}

static void
ask_joined_on (SecApplicationsWindow *self,
               SecRecord             *application)
{
  g_autofree char *name = dup_organisation_name (application);
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
      show_error (self, error->message);
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

  hide_error (self);
  name = dup_organisation_name (application);
  /* Translators: after undoing a selection */
  message = g_strdup_printf (_("Selection of “%s” undone: its membership was removed"), name);
  show_toast (self, message);
  return;

rollback:
  sec_store_rollback (self->store);
  show_error (self, error->message);
}

static void
confirm_unselect (SecApplicationsWindow *self,
                  SecRecord             *application,
                  const char            *outcome)
{
  g_autofree char *name = dup_organisation_name (application);
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
      show_error (self, error->message);
      return;
    }
  hide_error (self);
  show_toast (self, eligibility == SEC_ELIGIBILITY_UNCHECKED ? _("The eligibility is the check’s again")
                                                             : _("Eligibility decided by staff"));
}

/* Callbacks: cells */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_organisation_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *name = dup_organisation_name (application);

  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (label, name);
}

static void
bind_country_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  const char *code = sec_record_get_derived (application, "country");
  const char *name = code != NULL && *code ? sec_country_name (code) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      name != NULL ? name : (code != NULL && *code ? code : _("Not recorded")));
}

static void
setup_received_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *late = gtk_label_new (_("Late"));
  GtkWidget *zone = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (late, "caption-heading");
  gtk_widget_add_css_class (late, "error");
  gtk_widget_set_tooltip_text (late, _("Received after the deadline"));
  gtk_label_set_xalign (GTK_LABEL (zone), 0);
  gtk_label_set_ellipsize (GTK_LABEL (zone), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (zone, "caption");
  gtk_widget_add_css_class (zone, "dim-label");
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), late);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), zone);
  gtk_list_item_set_child (item, box);
}

static void
bind_received_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  SecApplicationsWindow *self = user_data;
  SecRecord *application = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *line = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_first_child (line);
  GtkWidget *late = gtk_widget_get_next_sibling (label);
  GtkWidget *zone_label = gtk_widget_get_next_sibling (line);
  const char *zone = sec_record_get_string (application, "received-timezone");
  const char *call_zone = sec_record_get_string (SEC_RECORD (self->call), "deadline-timezone");
  g_autofree char *when = sec_format_datetime (sec_record_get_string (application, "received-at"));
  /* A time read in another zone than the deadline's says which. */
  gboolean other_zone = zone != NULL && *zone && g_strcmp0 (zone, call_zone) != 0;

  gtk_label_set_text (GTK_LABEL (label), when);
  gtk_label_set_text (GTK_LABEL (zone_label), other_zone ? zone : "");
  gtk_widget_set_visible (zone_label, other_zone);
  gtk_widget_set_visible (late, sec_record_get_bool (application, "late"));
}

static void
bind_version_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  int version = sec_record_get_int (application, "call-version");
  g_autofree char *text = version > 0 ? g_strdup_printf ("%d", version) : g_strdup ("–");
  g_autofree char *tooltip = version > 0 ? g_strdup_printf (_("Version %d of the call applied when it was received"),
                                                            version) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
setup_eligibility_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_ellipsize (GTK_LABEL (status), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), status);
  gtk_box_append (GTK_BOX (texts), detail);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Decide the Eligibility…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Decide the Eligibility…"), -1);

  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
}

static void
bind_eligibility_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *status = gtk_widget_get_first_child (texts);
  GtkWidget *detail = gtk_widget_get_next_sibling (status);
  GtkWidget *button = gtk_widget_get_next_sibling (texts);
  const char *nick = sec_record_get_string (application, "eligibility");
  g_autofree char *detail_text = dup_eligibility_detail (application);
  g_autofree char *status_text = NULL;
  const char *rule = sec_record_get_string (application, "eligibility-rule");
  static const char *const classes[] = { "success", "error", "warning" };

  if (sec_record_get_bool (application, "eligibility-overridden"))
    /* Translators: an eligibility staff decided, "Eligible (staff)" */
    status_text = g_strdup_printf (_("%s (staff)"), choice_label (SEC_TYPE_APPLICATION, "eligibility", nick));
  else if (rule != NULL && *rule != '\0' && g_strcmp0 (nick, "eligible") != 0)
    /* Translators: an eligibility and the rule that failed, "Not eligible · Eligible countries" */
    status_text = g_strdup_printf (_("%s · %s"), choice_label (SEC_TYPE_APPLICATION, "eligibility", nick),
                                   choice_label (SEC_TYPE_APPLICATION, "eligibility-rule", rule));
  else
    status_text = g_strdup (choice_label (SEC_TYPE_APPLICATION, "eligibility", nick));
  gtk_label_set_text (GTK_LABEL (status), status_text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (status, classes[i]);
  gtk_widget_add_css_class (status, g_strcmp0 (nick, "eligible") == 0 ? "success"
                                    : g_strcmp0 (nick, "not-eligible") == 0 ? "error" : "warning");

  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  gtk_widget_set_visible (detail, *detail_text != '\0');
  gtk_widget_set_tooltip_text (detail, *detail_text ? detail_text : NULL);
  /* The target first: an action without its parameter is never set. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", sec_record_get_id (application));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "applications.override");
}

static void
bind_score_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  const char *score = sec_record_get_string (application, "score");

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), score != NULL ? score : "");
}

static void
on_outcome_selected (SecApplicationsWindow *self,
                     GParamSpec            *pspec,
                     GtkDropDown           *drop_down)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (drop_down), "sec-list-item");
  SecRecord *application = item != NULL ? gtk_list_item_get_item (item) : NULL;
  guint selected = gtk_drop_down_get_selected (drop_down);
  const char *current;

  if (self->binding || application == NULL || selected >= G_N_ELEMENTS (outcome_nicks))
    return;
  current = sec_record_get_string (application, "outcome");
  if (g_strcmp0 (current, outcome_nicks[selected]) == 0)
    return;

  /* The drop-down shows what is stored: the change shows once it is made
   * (a selection may still be cancelled in its dialog). */
  self->binding = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (outcome_nicks); i++)
    if (g_strcmp0 (current, outcome_nicks[i]) == 0)
      gtk_drop_down_set_selected (drop_down, i);
  self->binding = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "applications.set-outcome", "(xs)",
                              sec_record_get_id (application), outcome_nicks[selected]);
}

static void
setup_outcome_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  SecApplicationsWindow *self = user_data;
  const SecField *field = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_APPLICATION), "outcome");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  for (guint i = 0; i < G_N_ELEMENTS (outcome_nicks); i++)
    gtk_string_list_append (labels, sec_field_choice_label (field, outcome_nicks[i]));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome"), -1);
  g_object_set_data (G_OBJECT (drop_down), "sec-list-item", item);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_outcome_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, drop_down);
}

static void
bind_outcome_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  SecApplicationsWindow *self = user_data;
  SecRecord *application = gtk_list_item_get_item (item);
  const char *outcome = sec_record_get_string (application, "outcome");
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_list_item_get_child (item));
  g_autofree char *name = dup_organisation_name (application);
  /* Translators: read out for the outcome's drop-down, "Outcome for Nordlys Støttecenter" */
  g_autofree char *label = g_strdup_printf (_("Outcome for %s"), name);

  self->binding = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (outcome_nicks); i++)
    if (g_strcmp0 (outcome, outcome_nicks[i]) == 0)
      gtk_drop_down_set_selected (drop_down, i);
  self->binding = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
add_column (SecApplicationsWindow *self,
            const char            *title,
            GCallback              setup,
            gpointer               setup_data,
            GCallback              bind,
            gboolean               expand,
            int                    fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, setup_data);
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
}

static void
on_applications_changed (SecApplicationsWindow *self)
{
  update_summary (self);
}

static void
on_column_view_activate (SecApplicationsWindow *self,
                         guint                  position)
{
  g_autoptr(SecRecord) application = g_list_model_get_item (G_LIST_MODEL (self->applications), position);

  if (application != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "applications.open", "x", sec_record_get_id (application));
}

static void
on_store_changed (SecApplicationsWindow *self,
                  GType                  kind,
                  gint64                 id,
                  int                    change,
                  SecStore              *store)
{
  g_autoptr(GError) error = NULL;
  SecRecord *fresh;
  gint64 call_id = sec_record_get_id (SEC_RECORD (self->call));

  if (kind != SEC_TYPE_CALL || (id != 0 && id != call_id))
    return;

  fresh = sec_store_get (self->store, SEC_TYPE_CALL, call_id, &error);
  if (fresh == NULL)
    {
      /* The call is gone, and its applications with it. */
      if (g_error_matches (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        show_error (self, error->message);
      return;
    }
  g_set_object (&self->call, SEC_CALL (fresh));
  g_object_unref (fresh);
  update_title (self);
}

static void
on_organisation_mode_toggled (SecApplicationsWindow *self)
{
  update_organisation_mode (self);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  sec_applications_window_show_add_form (SEC_APPLICATIONS_WINDOW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecApplicationsWindow *self = SEC_APPLICATIONS_WINDOW (widget);

  clear_form (self);
  show_page (self, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecApplicationsWindow *self = SEC_APPLICATIONS_WINDOW (widget);
  g_autoptr(SecRecord) application = NULL;
  g_autoptr(SecRecord) organisation = NULL;
  g_autoptr(SecRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *detail = NULL;
  gint64 position;

  if (!read_form (self, &application, &organisation, &error) ||
      !sec_call_add_application (self->store, self->call, SEC_APPLICATION (application),
                                 organisation != NULL ? SEC_ORGANISATION (organisation) : NULL, &error))
    {
      gtk_widget_error_bell (widget);
      show_error (self, error->message);
      return;
    }

  /* Read back: the name of the organisation comes with it. */
  stored = sec_store_get (self->store, SEC_TYPE_APPLICATION, sec_record_get_id (application), NULL);
  name = dup_organisation_name (stored != NULL ? stored : application);
  detail = dup_eligibility_detail (application);
  /* Translators: after entering an application, "Application of “Nordlys” entered: Not eligible" */
  message = g_strdup_printf (_("Application of “%s” entered: %s"), name,
                             choice_label (SEC_TYPE_APPLICATION, "eligibility",
                                           sec_record_get_string (application, "eligibility")));
  if (*detail)
    {
      g_autofree char *longer = g_strdup_printf ("%s (%s)", message, detail);
      g_free (message);
      message = g_steal_pointer (&longer);
    }

  clear_form (self);
  show_page (self, FALSE);
  show_toast (self, message);

  position = sec_record_list_find (self->applications, sec_record_get_id (application));
  if (position >= 0)
    scroll_to (self, (guint) position);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecApplicationsWindow *self = SEC_APPLICATIONS_WINDOW (widget);
  SecCallExportDialog *dialog = sec_call_export_dialog_new (GTK_WINDOW (self), self->store, SEC_RECORD (self->call));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  hide_error (SEC_APPLICATIONS_WINDOW (widget));
}

static void
set_outcome_action (GtkWidget  *widget,
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
  for (guint i = 0; i < G_N_ELEMENTS (outcome_nicks); i++)
    known |= g_str_equal (outcome, outcome_nicks[i]);
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
        show_error (self, error->message);
      else
        hide_error (self);
    }
}

static void
override_action (GtkWidget  *widget,
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

  name = dup_organisation_name (application);
  heading = g_strdup_printf (_("Eligibility of “%s”"), name);
  checked = sec_record_get_string (application, "checked-eligibility");
  {
    const char *reason = sec_record_get_string (application, "eligibility-reason");
    /* Translators: what the automatic check found, "The check found: Not eligible. Eligible countries: …" */
    body = g_strdup_printf (_("The check found: %s%s%s. Staff can decide otherwise, giving the reason; "
                              "the check’s result is kept beside it."),
                            choice_label (SEC_TYPE_APPLICATION, "checked-eligibility", checked),
                            reason != NULL && *reason ? _(" – ") : "", reason != NULL ? reason : "");
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

/* The application's own page in the main window, where all its fields are. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-record", "(sx)", "application",
                                  g_variant_get_int64 (parameter));
      gtk_window_present (parent);
    }
}

/* Overrides */

static void
sec_applications_window_constructed (GObject *object)
{
  SecApplicationsWindow *self = SEC_APPLICATIONS_WINDOW (object);
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = NULL;
  const SecField *kind_field = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_ORGANISATION), "kind");
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (sec_applications_window_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->call != NULL);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (SEC_RECORD (self->call)));
  sec_query_add (query, "call", SEC_QUERY_EQUALS, id);
  sec_query_set_sort (query, "received-at", FALSE);
  self->applications = sec_record_list_new (self->store, SEC_TYPE_APPLICATION, query);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->applications)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  add_column (self, _("Organisation"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (FALSE),
              G_CALLBACK (bind_organisation_cb), TRUE, -1);
  add_column (self, _("Country"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (FALSE),
              G_CALLBACK (bind_country_cb), FALSE, 110);
  add_column (self, _("Received"), G_CALLBACK (setup_received_cb), NULL,
              G_CALLBACK (bind_received_cb), FALSE, 210);
  add_column (self, _("Version"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (TRUE),
              G_CALLBACK (bind_version_cb), FALSE, -1);
  add_column (self, _("Eligibility"), G_CALLBACK (setup_eligibility_cb), NULL,
              G_CALLBACK (bind_eligibility_cb), TRUE, -1);
  add_column (self, _("Score"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (TRUE),
              G_CALLBACK (bind_score_cb), FALSE, -1);
  add_column (self, _("Outcome"), G_CALLBACK (setup_outcome_cb), self,
              G_CALLBACK (bind_outcome_cb), FALSE, 130);

  /* The organisation: one on record, picked by search... */
  self->picker_row = sec_record_picker_row_new (self->store, SEC_TYPE_ORGANISATION);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->picker_row), _("Organisation *"));
  adw_preferences_group_add (self->organisation_group, self->picker_row);
  /* ...or a new one, of one of the kinds the store knows. */
  for (const SecChoice *c = kind_field->choices; c->nick != NULL; c++)
    gtk_string_list_append (kinds, _(c->label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  update_organisation_mode (self);

  g_signal_connect_object (self->applications, "items-changed", G_CALLBACK (on_applications_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_column_view_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_button, "toggled", G_CALLBACK (on_organisation_mode_toggled), self,
                           G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self,
                                              G_CONNECT_SWAPPED);

  update_title (self);
  update_summary (self);
  show_page (self, FALSE);
}

static void
sec_applications_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SecApplicationsWindow *self = SEC_APPLICATIONS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_applications_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SecApplicationsWindow *self = SEC_APPLICATIONS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CALL:
      self->call = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_applications_window_dispose (GObject *object)
{
  SecApplicationsWindow *self = SEC_APPLICATIONS_WINDOW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_APPLICATIONS_WINDOW);
  g_clear_object (&self->applications);
  g_clear_object (&self->call);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sec_applications_window_parent_class)->dispose (object);
}

static void
sec_applications_window_class_init (SecApplicationsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_applications_window_constructed;
  object_class->get_property = sec_applications_window_get_property;
  object_class->set_property = sec_applications_window_set_property;
  object_class->dispose = sec_applications_window_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL, SEC_TYPE_CALL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SEC_TYPE_COUNTRY_ROW);
  g_type_ensure (SEC_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-applications-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, organisation_group);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, application_group);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, existing_button);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, country_row);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, received_row);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, areas_row);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, score_row);
  gtk_widget_class_bind_template_child (widget_class, SecApplicationsWindow, documents_view);

  gtk_widget_class_install_action (widget_class, "applications.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "applications.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "applications.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "applications.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "applications.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "applications.set-outcome", "(xs)", set_outcome_action);
  gtk_widget_class_install_action (widget_class, "applications.override", "x", override_action);
  gtk_widget_class_install_action (widget_class, "applications.open", "x", open_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "applications.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "applications.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "applications.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sec_applications_window_init (SecApplicationsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sec_applications_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store of @call
 * @call: a stored call
 *
 * Returns: (transfer none): a new window of @call's applications
 */
SecApplicationsWindow *
sec_applications_window_new (GtkWindow *parent,
                             SecStore  *store,
                             SecCall   *call)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);
  g_return_val_if_fail (sec_record_get_id (SEC_RECORD (call)) > 0, NULL);

  return g_object_new (SEC_TYPE_APPLICATIONS_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "call", call,
                       NULL);
}

/**
 * sec_applications_window_open:
 * @parent: (nullable): the window it belongs to
 * @store: the store of @call
 * @call: a stored call
 * @add: whether to show the form for a new application
 *
 * Returns: (transfer none): the window presented
 */
SecApplicationsWindow *
sec_applications_window_open (GtkWindow *parent,
                              SecStore  *store,
                              SecCall   *call,
                              gboolean   add)
{
  g_autoptr(GList) toplevels = NULL;
  SecApplicationsWindow *window = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL && window == NULL; l = l->next)
    if (SEC_IS_APPLICATIONS_WINDOW (l->data) &&
        SEC_APPLICATIONS_WINDOW (l->data)->store == store &&
        sec_applications_window_get_call_id (l->data) == sec_record_get_id (SEC_RECORD (call)))
      window = l->data;

  if (window == NULL)
    window = sec_applications_window_new (parent, store, call);
  gtk_window_present (GTK_WINDOW (window));
  if (add)
    sec_applications_window_show_add_form (window);
  return window;
}

gint64
sec_applications_window_get_call_id (SecApplicationsWindow *self)
{
  g_return_val_if_fail (SEC_IS_APPLICATIONS_WINDOW (self), 0);

  return sec_record_get_id (SEC_RECORD (self->call));
}

/**
 * sec_applications_window_get_store:
 *
 * Returns: (transfer none): the store
 */
SecStore *
sec_applications_window_get_store (SecApplicationsWindow *self)
{
  g_return_val_if_fail (SEC_IS_APPLICATIONS_WINDOW (self), NULL);

  return self->store;
}

/**
 * sec_applications_window_get_model:
 *
 * Returns: (transfer none): the applications listed
 */
GListModel *
sec_applications_window_get_model (SecApplicationsWindow *self)
{
  g_return_val_if_fail (SEC_IS_APPLICATIONS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->applications);
}

void
sec_applications_window_show_add_form (SecApplicationsWindow *self)
{
  g_return_if_fail (SEC_IS_APPLICATIONS_WINDOW (self));

  show_page (self, TRUE);
}
