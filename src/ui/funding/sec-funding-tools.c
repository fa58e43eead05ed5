/* sec-funding-tools.c: the top of a funding record's page
 *
 * The tools read the store once, when made: the record page makes them
 * again whenever the record or what it shows changes.
 */
#define G_LOG_DOMAIN "sec-funding-tools"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-format.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-funding-documents.h"
#include "core/funding/sec-funding.h"
#include "core/funding/sec-portfolio.h"
#include "ui/funding/sec-funding-tools.h"
#include "ui/funding/sec-portfolio-window.h"
#include "ui/widgets/sec-tool-window.h"
#include "ui/widgets/sec-detail-row.h"

struct _SecFundingTools
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *box;
  SecDetailRow    *status_row;
  GtkLabel        *time_left_label;
  SecDetailRow    *deadline_row;
  SecDetailRow    *duration_row;
  SecDetailRow    *countries_row;
  SecDetailRow    *budget_row;
  GtkWidget       *calendar_button;
  GtkWidget       *portfolio_button;

  /* owned */
  SecStore        *store;
  SecRecord       *record;
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (SecFundingTools, sec_funding_tools, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
show_call (SecFundingTools *self)
{
  SecFundingCallStatus status = sec_funding_call_status (self->record, NULL);
  g_autoptr(GDateTime) deadline = sec_funding_call_dup_deadline (self->record);
  g_autofree char *shown = sec_funding_format_deadline (self->record);
  g_autofree char *budget = sec_funding_format_euros (sec_record_get_int (self->record, "budget"));

  sec_detail_row_set_subtitle (self->status_row, sec_funding_call_status_label (status));
  if (deadline != NULL && status != SEC_FUNDING_CALL_CLOSED)
    {
      g_autofree char *left = sec_funding_format_time_left (deadline, NULL);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      gboolean soon = g_date_time_difference (deadline, now) < 7 * G_TIME_SPAN_DAY;

      gtk_label_set_text (self->time_left_label, left);
      gtk_widget_add_css_class (GTK_WIDGET (self->time_left_label), soon ? "warning" : "accent");
      gtk_widget_set_visible (GTK_WIDGET (self->time_left_label), TRUE);
    }
  sec_detail_row_set_subtitle (self->deadline_row, *shown ? shown : _("No deadline"));
  gtk_widget_set_sensitive (self->calendar_button, deadline != NULL);
  sec_detail_row_set_subtitle (self->budget_row, *budget ? budget : _("Not known"));
  gtk_widget_set_visible (GTK_WIDGET (self->duration_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->countries_row), FALSE);
  gtk_widget_set_visible (self->portfolio_button, FALSE);
}

static void
show_project (SecFundingTools *self)
{
  g_autoptr(GError) error = NULL;
  int months = sec_funding_duration_months (sec_record_get_string (self->record, "starts-on"),
                                            sec_record_get_string (self->record, "ends-on"));
  g_autofree char *budget = sec_funding_format_euros (sec_record_get_int (self->record, "budget"));
  g_autoptr(SecPortfolioProject) entry = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), FALSE);
  gtk_widget_set_visible (self->calendar_button, FALSE);
  if (months >= 0)
    {
      /* Translators: a project's duration */
      g_autofree char *text = g_strdup_printf (ngettext ("%d month", "%d months", months), months);
      sec_detail_row_set_subtitle (self->duration_row, text);
    }
  else
    sec_detail_row_set_subtitle (self->duration_row, _("Not known"));
  sec_detail_row_set_subtitle (self->budget_row, *budget ? budget : _("Not known"));

  /* Its countries, in the portfolio's order. */
  entry = sec_portfolio_project_new (self->store, self->record, &error);
  if (entry != NULL)
    {
      g_autofree char *names = sec_portfolio_project_dup_country_names (entry);
      sec_detail_row_set_subtitle (self->countries_row, *names ? names : _("None"));
    }
  else
    g_warning ("Could not read the project's partners: %s", error->message);
}

static void
show_programme (SecFundingTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (self->record));
  g_autoptr(SecPortfolio) portfolio = sec_portfolio_new (self->store, id, NULL, &error);

  gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->duration_row), FALSE);
  gtk_widget_set_visible (self->calendar_button, FALSE);
  if (portfolio != NULL)
    {
      g_autofree char *budget = sec_funding_format_euros (portfolio->budget);
      g_autofree char *count = sec_format_count (portfolio->countries->len);
      /* Translators: how many countries a programme's partners come from */
      g_autofree char *countries = g_strdup_printf (ngettext ("%s country", "%s countries",
                                                              portfolio->countries->len), count);

      sec_detail_row_set_subtitle (self->budget_row, *budget ? budget : _("Not known"));
      sec_detail_row_set_subtitle (self->countries_row, countries);
    }
  else if (sec_record_get_id (self->record) > 0)
    g_warning ("Could not read the programme's projects: %s", error->message);
}

/* Callbacks */

static void
on_chooser_response (SecFundingTools *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  text = sec_funding_call_ical (self->record, sec_store_get_uuid (self->store), &error);
  if (text == NULL ||
      !sec_export_write_file (path, text, strlen (text),
                              sec_export_kind_is_personal ("funding-call-ical") ? SEC_FILE_PERSONAL : SEC_FILE_PUBLIC,
                              &error))
    sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Save the Deadline"), error);
}

static void
export_ical_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SecFundingTools *self = SEC_FUNDING_TOOLS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (!GTK_IS_WINDOW (root) || self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (self->record));

    /* Translators: the file name suggested for a call's deadline; keep ".ics" */
    name = g_strdup_printf (_("deadline-%s.ics"), number);
  }
  self->chooser = sec_tool_window_new_save_chooser (GTK_WINDOW (root), name, NULL, filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
portfolio_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SecFundingTools *self = SEC_FUNDING_TOOLS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 programme = SEC_IS_PROGRAMME (self->record) ? sec_record_get_id (self->record) : 0;
  GtkWidget *window = sec_portfolio_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                self->store, programme);

  gtk_window_present (GTK_WINDOW (window));
}

/* Overrides */

static void
sec_funding_tools_constructed (GObject *object)
{
  SecFundingTools *self = SEC_FUNDING_TOOLS (object);

  G_OBJECT_CLASS (sec_funding_tools_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->record != NULL);

  if (SEC_IS_FUNDING_CALL (self->record))
    show_call (self);
  else if (SEC_IS_PROJECT (self->record))
    show_project (self);
  else
    show_programme (self);
  /* A record not stored yet has nothing to export. */
  if (sec_record_get_id (self->record) <= 0)
    gtk_widget_set_sensitive (self->calendar_button, FALSE);
}

static void
sec_funding_tools_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SecFundingTools *self = SEC_FUNDING_TOOLS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_funding_tools_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SecFundingTools *self = SEC_FUNDING_TOOLS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_funding_tools_dispose (GObject *object)
{
  SecFundingTools *self = SEC_FUNDING_TOOLS (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_FUNDING_TOOLS);
  g_clear_object (&self->store);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (sec_funding_tools_parent_class)->dispose (object);
}

static void
sec_funding_tools_class_init (SecFundingToolsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_funding_tools_constructed;
  object_class->get_property = sec_funding_tools_get_property;
  object_class->set_property = sec_funding_tools_set_property;
  object_class->dispose = sec_funding_tools_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, SEC_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SEC_TYPE_DETAIL_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-funding-tools.ui");
  gtk_widget_class_bind_template_child (widget_class, SecFundingTools, box);
  gtk_widget_class_bind_template_child (widget_class, SecFundingTools, status_row);
  gtk_widget_class_bind_template_child (widget_class, SecFundingTools, time_left_label);
  gtk_widget_class_bind_template_child (widget_class, SecFundingTools, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, SecFundingTools, duration_row);
  gtk_widget_class_bind_template_child (widget_class, SecFundingTools, countries_row);
  gtk_widget_class_bind_template_child (widget_class, SecFundingTools, budget_row);
  gtk_widget_class_bind_template_child (widget_class, SecFundingTools, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, SecFundingTools, portfolio_button);

  gtk_widget_class_install_action (widget_class, "funding.export-ical", NULL, export_ical_action);
  gtk_widget_class_install_action (widget_class, "funding.portfolio", NULL, portfolio_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_funding_tools_init (SecFundingTools *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sec_funding_tools_new:
 * @store: the store @record comes from
 * @record: a funding call, project or programme
 *
 * Returns: (transfer floating): the tools of @record
 */
GtkWidget *
sec_funding_tools_new (SecStore  *store,
                       SecRecord *record)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_FUNDING_CALL (record) || SEC_IS_PROJECT (record) || SEC_IS_PROGRAMME (record), NULL);

  return g_object_new (SEC_TYPE_FUNDING_TOOLS, "store", store, "record", record, NULL);
}
