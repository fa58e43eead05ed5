/* sec-statement-tools.c: the top of a joint statement's page
 *
 * The progress of the commitments at a glance (the share done, and the
 * cells per status) for a chosen year or with each cell's latest
 * follow-up, the statements it builds on (2018 on 2011...), and the buttons
 * to the commitments grid and the documents. The grid window changes
 * follow-ups, which the page does not show: the tools follow the store for
 * those themselves.
 */
#define G_LOG_DOMAIN "sec-statement-tools"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/calls/sec-call-export-dialog.h"
#include "ui/statements/sec-commitments-window.h"
#include "core/base/sec-format.h"
#include "ui/statements/sec-statement-tools.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-wrap-box.h"
#include "ui/widgets/sec-year-dropdown.h"
#include "ui/widgets/sec-detail-row.h"

struct _SecStatementTools
{
  GtkWidget            parent_instance;

  /* template widgets */
  AdwPreferencesGroup *progress_group;
  GtkDropDown         *year_drop_down;
  GtkLevelBar         *level_bar;
  GtkLabel            *percent_label;
  SecWrapBox          *counts_box;
  SecWrapBox          *buttons_box;
  AdwPreferencesGroup *predecessors_group;

  /* owned */
  SecStore            *store;
  SecStatement        *statement;

  SecProgress          progress;
  guint                refresh_id;
};

G_DEFINE_FINAL_TYPE (SecStatementTools, sec_statement_tools, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The colour of each status, said in words as well. */
static const char *const status_classes[SEC_FOLLOW_UP_N_STATUSES] = {
  [SEC_FOLLOW_UP_NOT_STARTED] = "warning",
  [SEC_FOLLOW_UP_IN_PROGRESS] = "accent",
  [SEC_FOLLOW_UP_DONE] = "success",
  [SEC_FOLLOW_UP_NOT_APPLICABLE] = "dim-label",
};

/* Done first: the counts read as the progress does. */
static const SecFollowUpStatus count_order[] = {
  SEC_FOLLOW_UP_DONE, SEC_FOLLOW_UP_IN_PROGRESS, SEC_FOLLOW_UP_NOT_STARTED, SEC_FOLLOW_UP_NOT_APPLICABLE,
};

/* Helpers */

static GtkWidget *
new_count_label (SecFollowUpStatus status,
                 guint             count)
{
  g_autofree char *number = sec_format_count (count);
  /* Translators: a status and how many cells have it, "Done: 19" */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), sec_follow_up_status_label (status), number);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, status_classes[status]);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
show_progress (SecStatementTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStatementGrid) grid = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *description = NULL;
  int year = sec_statement_tools_get_year (self);

  sec_wrap_box_remove_all (self->counts_box);

  grid = sec_statement_get_grid (self->store, self->statement, year, &error);
  if (grid == NULL)
    {
      adw_preferences_group_set_description (self->progress_group, error->message);
      return;
    }
  sec_statement_grid_get_progress (grid, &self->progress);

  gtk_level_bar_set_value (self->level_bar, self->progress.percent_done / 100.0);
  /* Translators: the share of the commitments done, "40% done"; write the percentage as your language does (French "40 %", with a no-break space) */
  percent = g_strdup_printf (_("%d%% done"), self->progress.percent_done);
  gtk_label_set_text (self->percent_label, percent);

  if (self->progress.total == 0)
    description = g_strdup (_("No commitments or no signatories yet"));
  else
    {
      guint rows = sec_statement_grid_get_n_commitments (grid);
      guint columns = sec_statement_grid_get_n_signatories (grid);
      g_autofree char *cells = sec_format_count (self->progress.total);
      g_autofree char *commitments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u commitment",
                                                                   "%u commitments", rows), rows);
      g_autofree char *signatories = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signatory",
                                                                   "%u signatories", columns), columns);
      g_autofree char *when = year > 0 ? g_strdup_printf (_("in %d"), year)
                                       : g_strdup (_("with each one’s latest follow-up"));

      /* Translators: "50 cells (5 commitments by 10 signatories) in 2020" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s cell (%s by %s) %s",
                                                  "%s cells (%s by %s) %s", self->progress.total),
                                     cells, commitments, signatories, when);
    }
  adw_preferences_group_set_description (self->progress_group, description);

  for (guint i = 0; i < G_N_ELEMENTS (count_order) && self->progress.total > 0; i++)
    {
      SecFollowUpStatus s = count_order[i];
      GtkWidget *label = new_count_label (s, self->progress.counts[s]);

      sec_wrap_box_append (self->counts_box, label);
      gtk_widget_set_focusable (gtk_widget_get_parent (label), FALSE);
    }
}

static void
show_predecessors (SecStatementTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predecessors = sec_statement_dup_predecessors (self->store, self->statement, &error);

  if (predecessors == NULL)
    {
      g_warning ("Could not read what the statement builds on: %s", error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->predecessors_group), predecessors->len > 0);

  for (guint i = 0; i < predecessors->len; i++)
    {
      SecRecord *statement = g_ptr_array_index (predecessors, i);
      g_autofree char *title = sec_record_dup_title (statement);
      g_autofree char *date = sec_format_date (sec_record_get_string (statement, "signed-on"));
      const char *place = sec_record_get_string (statement, "place");
      g_autofree char *subtitle = place != NULL && *place && *date ? g_strdup_printf ("%s · %s", date, place)
                                                                   : g_strdup (*date ? date : (place ? place : ""));
      GtkWidget *row = sec_detail_row_new (NULL, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      sec_detail_row_set_subtitle (SEC_DETAIL_ROW (row), subtitle);
      sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), sec_decorative_icon_new ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", "statement", sec_record_get_id (statement));
      adw_preferences_group_add (self->predecessors_group, row);
    }
}

static void
fill_years (SecStatementTools *self)
{
  g_autoptr(GArray) years = sec_statement_dup_years (self->store, self->statement, NULL);

  sec_year_dropdown_set_years (self->year_drop_down, years, _("Latest"));
}

/* Callbacks */

static void
on_year_selected (SecStatementTools *self)
{
  show_progress (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  SecStatementTools *self = user_data;

  self->refresh_id = 0;
  show_progress (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SecStatementTools *self,
                  GType              kind,
                  gint64             id,
                  int                change,
                  SecStore          *store)
{
  /* A burst of changes is one refresh. */
  if ((kind == SEC_TYPE_FOLLOW_UP || kind == SEC_TYPE_SIGNATORY || kind == SEC_TYPE_COMMITMENT) &&
      self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* Actions */

static GtkWindow *
get_parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
grid_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecStatementTools *self = SEC_STATEMENT_TOOLS (widget);

  sec_commitments_window_open (get_parent_window (widget), self->store, self->statement,
                               sec_statement_tools_get_year (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecStatementTools *self = SEC_STATEMENT_TOOLS (widget);
  SecCallExportDialog *dialog = sec_call_export_dialog_new (get_parent_window (widget), self->store,
                                                            SEC_RECORD (self->statement));

  sec_call_export_dialog_set_year (dialog, sec_statement_tools_get_year (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
sec_statement_tools_constructed (GObject *object)
{
  SecStatementTools *self = SEC_STATEMENT_TOOLS (object);

  G_OBJECT_CLASS (sec_statement_tools_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->statement != NULL);

  if (sec_record_get_id (SEC_RECORD (self->statement)) <= 0)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "statement.grid", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "statement.export", FALSE);
    }

  fill_years (self);
  show_progress (self);
  show_predecessors (self);

  g_signal_connect_object (self->year_drop_down, "notify::selected", G_CALLBACK (on_year_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

static void
sec_statement_tools_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SecStatementTools *self = SEC_STATEMENT_TOOLS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STATEMENT:
      g_value_set_object (value, self->statement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_statement_tools_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SecStatementTools *self = SEC_STATEMENT_TOOLS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STATEMENT:
      self->statement = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_statement_tools_dispose (GObject *object)
{
  SecStatementTools *self = SEC_STATEMENT_TOOLS (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_STATEMENT_TOOLS);
  /* The template's box is not bound: it goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->statement);

  G_OBJECT_CLASS (sec_statement_tools_parent_class)->dispose (object);
}

static void
sec_statement_tools_class_init (SecStatementToolsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_statement_tools_constructed;
  object_class->get_property = sec_statement_tools_get_property;
  object_class->set_property = sec_statement_tools_set_property;
  object_class->dispose = sec_statement_tools_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATEMENT] =
    g_param_spec_object ("statement", NULL, NULL, SEC_TYPE_STATEMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SEC_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-statement-tools.ui");
  gtk_widget_class_bind_template_child (widget_class, SecStatementTools, progress_group);
  gtk_widget_class_bind_template_child (widget_class, SecStatementTools, year_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SecStatementTools, level_bar);
  gtk_widget_class_bind_template_child (widget_class, SecStatementTools, percent_label);
  gtk_widget_class_bind_template_child (widget_class, SecStatementTools, counts_box);
  gtk_widget_class_bind_template_child (widget_class, SecStatementTools, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, SecStatementTools, predecessors_group);

  gtk_widget_class_install_action (widget_class, "statement.grid", NULL, grid_action);
  gtk_widget_class_install_action (widget_class, "statement.export", NULL, export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_statement_tools_init (SecStatementTools *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sec_drop_down_set_accessible_name (self->year_drop_down, _("Year of the follow-up"));
}

/* Public API */

/**
 * sec_statement_tools_new:
 * @store: the store @statement comes from
 * @statement: a stored statement (a #SecStatement)
 *
 * Returns: (transfer floating): the tools of @statement
 */
GtkWidget *
sec_statement_tools_new (SecStore  *store,
                         SecRecord *statement)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);

  return g_object_new (SEC_TYPE_STATEMENT_TOOLS, "store", store, "statement", statement, NULL);
}

int
sec_statement_tools_get_year (SecStatementTools *self)
{
  g_return_val_if_fail (SEC_IS_STATEMENT_TOOLS (self), 0);

  return sec_year_dropdown_get_year (self->year_drop_down);
}

void
sec_statement_tools_set_year (SecStatementTools *self,
                              int                year)
{
  g_return_if_fail (SEC_IS_STATEMENT_TOOLS (self));

  sec_year_dropdown_set_year (self->year_drop_down, year);
}

/**
 * sec_statement_tools_get_progress:
 * @progress: (out caller-allocates): the progress shown
 */
void
sec_statement_tools_get_progress (SecStatementTools *self,
                                  SecProgress       *progress)
{
  g_return_if_fail (SEC_IS_STATEMENT_TOOLS (self));
  g_return_if_fail (progress != NULL);

  *progress = self->progress;
}
