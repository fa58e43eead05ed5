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
#include "ui/calls/sec-applications-window-private.h"
#include "ui/calls/sec-call-text.h"
#include "ui/calls/sec-call-export-dialog.h"
#include "core/calls/sec-calls.h"
#include "core/base/sec-countries.h"
#include "ui/widgets/sec-country-row.h"
#include "ui/widgets/sec-date-row.h"
#include "core/base/sec-format.h"
#include "core/store/sec-record-list.h"
#include "ui/widgets/sec-record-picker-row.h"

G_DEFINE_FINAL_TYPE (SecApplicationsWindow, sec_applications_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers: messages */

void
_sec_applications_window_show_error (SecApplicationsWindow *self,
                                     const char            *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

void
_sec_applications_window_hide_error (SecApplicationsWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

void
_sec_applications_window_show_toast (SecApplicationsWindow *self,
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
      gint64 count = sec_call_text_count_applications (self->store, self->call, counts[i].field, counts[i].value);
      g_autofree char *number = NULL;
      const char *label;

      if (count == 0)
        continue;
      label = g_str_equal (counts[i].field, "late")
              ? _("Late")
              : sec_call_text_choice_label (SEC_TYPE_APPLICATION, counts[i].field, counts[i].value);
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
  _sec_applications_window_hide_error (self);
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
        _sec_applications_window_show_error (self, error->message);
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
      _sec_applications_window_show_error (self, error->message);
      return;
    }

  /* Read back: the name of the organisation comes with it. */
  stored = sec_store_get (self->store, SEC_TYPE_APPLICATION, sec_record_get_id (application), NULL);
  name = sec_call_text_dup_organisation_name (stored != NULL ? stored : application);
  detail = sec_call_text_dup_eligibility_detail (application);
  /* Translators: after entering an application, "Application of “Nordlys” entered: Not eligible" */
  message = g_strdup_printf (_("Application of “%s” entered: %s"), name,
                             sec_call_text_choice_label (SEC_TYPE_APPLICATION, "eligibility",
                                           sec_record_get_string (application, "eligibility")));
  if (*detail)
    {
      g_autofree char *longer = g_strdup_printf ("%s (%s)", message, detail);
      g_free (message);
      message = g_steal_pointer (&longer);
    }

  clear_form (self);
  show_page (self, FALSE);
  _sec_applications_window_show_toast (self, message);

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
  _sec_applications_window_hide_error (SEC_APPLICATIONS_WINDOW (widget));
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

  _sec_applications_window_add_columns (self);

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
  gtk_widget_class_install_action (widget_class, "applications.set-outcome", "(xs)", _sec_applications_window_set_outcome_action);
  gtk_widget_class_install_action (widget_class, "applications.override", "x", _sec_applications_window_override_action);
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
