/* sec-portfolio-window.c: the portfolio of funded projects
 *
 * The window reads the portfolio (src/core/funding/sec-portfolio.c) again
 * whenever a filter changes, and saves what it shows: the same portfolio
 * goes into the report and the CSV.
 */
#define G_LOG_DOMAIN "sec-portfolio-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-funding-documents.h"
#include "core/funding/sec-funding.h"
#include "core/funding/sec-portfolio.h"
#include "core/store/sec-records.h"
#include "ui/funding/sec-portfolio-window.h"
#include "ui/widgets/sec-tool-window.h"

struct _SecPortfolioWindow
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwPreferencesPage *page;
  AdwComboRow        *programme_row;
  AdwComboRow        *theme_row;

  /* owned */
  SecStore           *store;
  GPtrArray          *programme_ids;  /* char *, aligned with programme_row; [0] NULL */
  GPtrArray          *themes;         /* char *, aligned with theme_row; [0] NULL */
  SecPortfolio       *portfolio;
  GtkNativeDialog    *chooser;
  gboolean            as_csv;         /* what the chooser saves */

  /* borrowed: the groups made from the portfolio, in the page */
  GPtrArray          *groups;
};

G_DEFINE_FINAL_TYPE (SecPortfolioWindow, sec_portfolio_window, ADW_TYPE_WINDOW)

/* Helpers */

static const char *
selected_value (AdwComboRow *row,
                GPtrArray   *values)
{
  guint selected = adw_combo_row_get_selected (row);

  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected);
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle,
         const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (suffix != NULL && *suffix != '\0')
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
new_group (SecPortfolioWindow *self,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
show_portfolio (SecPortfolioWindow *self)
{
  SecPortfolio *p = self->portfolio;
  GtkWidget *group;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  if (p == NULL)
    return;

  {
    g_autofree char *total = sec_funding_format_euros (p->budget);
    g_autofree char *count = sec_format_count (p->projects->len);
    /* Translators: the projects of a portfolio and their budget, "6 projects, €14,108,054" */
    g_autofree char *description = g_strdup_printf (ngettext ("%s project, %s", "%s projects, %s", p->projects->len),
                                                    count, *total ? total : "–");

    group = new_group (self, _("Projects per Programme and Year"), description);
  }
  for (guint i = 0; i < p->totals->len; i++)
    {
      SecPortfolioTotal *t = g_ptr_array_index (p->totals, i);
      g_autofree char *year = t->year ? g_strdup_printf ("%d", t->year) : g_strdup (_("Year not known"));
      /* Translators: a programme and a start year, "ERC, 2013" */
      g_autofree char *title = g_strdup_printf (_("%s, %s"), *t->programme ? t->programme : _("No programme"), year);
      g_autofree char *count = sec_format_count (t->n_projects);
      g_autofree char *projects = g_strdup_printf (ngettext ("%s project", "%s projects", t->n_projects), count);
      g_autofree char *budget = sec_funding_format_euros (t->budget);

      add_row (group, title, projects, budget);
    }
  if (p->totals->len == 0)
    add_row (group, _("No projects"), NULL, NULL);

  group = new_group (self, _("Partners by Country"),
                     _("EU Member States in protocol order, then the other countries; coordinators and host "
                       "institutions count as partners"));
  for (guint i = 0; i < p->countries->len; i++)
    {
      SecPortfolioCountry *c = g_ptr_array_index (p->countries, i);
      const char *name = sec_country_name (c->country);
      g_autofree char *projects_count = sec_format_count (c->n_projects);
      g_autofree char *partners_count = sec_format_count (c->n_partners);
      g_autofree char *projects = g_strdup_printf (ngettext ("%s project", "%s projects", c->n_projects),
                                                   projects_count);
      g_autofree char *partners = g_strdup_printf (ngettext ("%s partner", "%s partners", c->n_partners),
                                                   partners_count);

      add_row (group, name ? name : c->country, projects, partners);
    }

  group = new_group (self, _("Projects"), NULL);
  for (guint i = 0; i < p->projects->len; i++)
    {
      SecPortfolioProject *entry = g_ptr_array_index (p->projects, i);
      SecRecord *project = entry->project;
      const char *programme = sec_record_get_derived (project, "programme-name");
      const char *coordinator = sec_record_get_derived (project, "coordinator-name");
      g_autofree char *countries = sec_portfolio_project_dup_country_names (entry);
      g_autofree char *budget = sec_funding_format_euros (sec_record_get_int (project, "budget"));
      g_autofree char *subtitle = g_strjoin (" · ", programme ? programme : "", coordinator ? coordinator : "",
                                             countries, NULL);

      add_row (group, sec_record_get_string (project, "acronym"), subtitle, budget);
    }
}

static void
reload (SecPortfolioWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->portfolio, sec_portfolio_free);
  self->portfolio = sec_portfolio_new (self->store, selected_value (self->programme_row, self->programme_ids),
                                       selected_value (self->theme_row, self->themes), &error);
  if (self->portfolio == NULL)
    g_warning ("Could not read the portfolio: %s", error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.save-pdf", self->portfolio != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.save-csv", self->portfolio != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.print", self->portfolio != NULL);
  show_portfolio (self);
}

static void
fill_filters (SecPortfolioWindow *self,
              gint64              programme)
{
  g_autoptr(GtkStringList) programmes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) themes = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) records = sec_store_list (self->store, SEC_TYPE_PROGRAMME, NULL, NULL);
  g_auto(GStrv) found = sec_funding_dup_themes (self->store, NULL);
  guint selected = 0;

  gtk_string_list_append (programmes, _("All programmes"));
  g_ptr_array_add (self->programme_ids, NULL);
  for (guint i = 0; records && i < records->len; i++)
    {
      SecRecord *r = g_ptr_array_index (records, i);
      const char *short_name = sec_record_get_string (r, "short-name");

      gtk_string_list_append (programmes, short_name && *short_name ? short_name : sec_record_get_string (r, "name"));
      g_ptr_array_add (self->programme_ids, g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (r)));
      if (sec_record_get_id (r) == programme)
        selected = i + 1;
    }
  gtk_string_list_append (themes, _("All themes"));
  g_ptr_array_add (self->themes, NULL);
  for (guint i = 0; found && found[i]; i++)
    {
      gtk_string_list_append (themes, found[i]);
      g_ptr_array_add (self->themes, g_strdup (found[i]));
    }
  adw_combo_row_set_model (self->programme_row, G_LIST_MODEL (programmes));
  adw_combo_row_set_model (self->theme_row, G_LIST_MODEL (themes));
  adw_combo_row_set_selected (self->programme_row, selected);
}

/* Callbacks */

static void
on_filter_changed (SecPortfolioWindow *self)
{
  if (self->store != NULL && self->programme_ids->len > 0 && self->themes->len > 0)
    reload (self);
}

/* What the report's header says it holds. */
static char *
dup_filter (SecPortfolioWindow *self)
{
  const char *programme = NULL;

  if (selected_value (self->programme_row, self->programme_ids) != NULL)
    programme = gtk_string_object_get_string (adw_combo_row_get_selected_item (self->programme_row));
  return sec_portfolio_describe_filter (programme, selected_value (self->theme_row, self->themes));
}

static void
on_chooser_response (SecPortfolioWindow *self,
                     int                 response,
                     GtkNativeDialog    *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL || self->portfolio == NULL)
    return;

  if (self->as_csv)
    {
      g_autofree char *csv = sec_funding_csv_portfolio (self->portfolio, NULL);

      ok = sec_export_write_file (path, csv, strlen (csv),
                                  sec_export_kind_is_personal ("portfolio") ? SEC_FILE_PERSONAL : SEC_FILE_PUBLIC,
                                  &error);
    }
  else
    {
      g_autofree char *filter = dup_filter (self);
      g_autoptr(SecDocument) doc = sec_funding_document_portfolio (self->portfolio, filter, NULL);

      ok = sec_document_write_pdf (doc, path, sec_paper_get_default (), &error);
    }
  if (!ok)
    sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Save the Portfolio"), error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecPortfolioWindow *self = SEC_PORTFOLIO_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->as_csv = g_str_equal (action_name, "portfolio.save-csv");
  if (self->as_csv)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  /* Translators: the file names suggested for the portfolio; keep the extensions */
  self->chooser = sec_tool_window_new_save_chooser (GTK_WINDOW (self),
                                                    self->as_csv ? _("portfolio.csv") : _("portfolio.pdf"),
                                                    NULL, filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SecPortfolioWindow *self = SEC_PORTFOLIO_WINDOW (widget);
  g_autofree char *filter = NULL;
  g_autoptr(SecDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (self->portfolio == NULL)
    return;
  filter = dup_filter (self);
  doc = sec_funding_document_portfolio (self->portfolio, filter, NULL);
  if (sec_tool_window_print_document (GTK_WINDOW (self), doc, sec_paper_get_default (),
                                      GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    sec_tool_window_show_error (widget, _("Could Not Print the Portfolio"), error);
}

/* Overrides */

static void
sec_portfolio_window_dispose (GObject *object)
{
  SecPortfolioWindow *self = SEC_PORTFOLIO_WINDOW (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->portfolio, sec_portfolio_free);

  G_OBJECT_CLASS (sec_portfolio_window_parent_class)->dispose (object);
}

static void
sec_portfolio_window_finalize (GObject *object)
{
  SecPortfolioWindow *self = SEC_PORTFOLIO_WINDOW (object);

  g_clear_pointer (&self->programme_ids, g_ptr_array_unref);
  g_clear_pointer (&self->themes, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (sec_portfolio_window_parent_class)->finalize (object);
}

static void
sec_portfolio_window_class_init (SecPortfolioWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_portfolio_window_dispose;
  object_class->finalize = sec_portfolio_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-portfolio-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SecPortfolioWindow, page);
  gtk_widget_class_bind_template_child (widget_class, SecPortfolioWindow, programme_row);
  gtk_widget_class_bind_template_child (widget_class, SecPortfolioWindow, theme_row);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "portfolio.save-pdf", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "portfolio.save-csv", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "portfolio.print", NULL, print_action);
}

static void
sec_portfolio_window_init (SecPortfolioWindow *self)
{
  self->programme_ids = g_ptr_array_new_with_free_func (g_free);
  self->themes = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sec_portfolio_window_new:
 * @parent: (nullable): the window it is modal to
 * @store: the database
 * @programme: the programme shown first, or 0 for all
 *
 * Returns: (transfer none): the window, not shown yet
 */
GtkWidget *
sec_portfolio_window_new (GtkWindow *parent,
                          SecStore  *store,
                          gint64     programme)
{
  SecPortfolioWindow *self;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  self = g_object_new (SEC_TYPE_PORTFOLIO_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_filters (self, programme);
  reload (self);
  return GTK_WIDGET (self);
}
