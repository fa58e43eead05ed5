/* sec-overview-page.c: the window's first page: what needs attention
 *
 * One group per part of the overview (sec-overview.h), each line a record
 * to look at: activating it opens the record through win.open-record. The
 * page follows the store, made again once after a burst of changes.
 */
#define G_LOG_DOMAIN "sec-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/overview/sec-overview.h"
#include "ui/overview/sec-overview-page.h"
#include "ui/widgets/sec-a11y.h"

struct _SecOverviewPage
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkStack   *stack;
  GtkBox     *groups_box;

  /* owned */
  SecStore   *store;
  char       *today;

  guint       n_items;
  guint       reload_id;
};

G_DEFINE_FINAL_TYPE (SecOverviewPage, sec_overview_page, GTK_TYPE_WIDGET)

/* Helpers */

static GtkWidget *
new_item_row (SecOverviewItem *item)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, "overview-item");
  /* Titles come from users: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", item->kind, item->id);
  if (item->urgent)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Urgent"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sec_decorative_icon_new ("go-next-symbolic"));
  return row;
}

static void
reload (SecOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;
  AdwPreferencesGroup *group = NULL;
  int section = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  self->n_items = 0;
  if (self->store == NULL)
    return;

  items = sec_overview_collect (self->store, self->today, &error);
  if (items == NULL)
    {
      g_warning ("Could not gather what needs attention: %s", error->message);
      items = g_ptr_array_new ();
    }
  for (guint i = 0; i < items->len; i++)
    {
      SecOverviewItem *item = g_ptr_array_index (items, i);

      if ((int) item->section != section)
        {
          section = (int) item->section;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, sec_overview_section_title (item->section));
          gtk_box_append (self->groups_box, GTK_WIDGET (group));
        }
      adw_preferences_group_add (group, new_item_row (item));
    }
  self->n_items = items->len;
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "items" : "empty");
}

static gboolean
reload_cb (gpointer user_data)
{
  SecOverviewPage *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
on_store_changed (SecOverviewPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

/* Overrides */

static void
sec_overview_page_dispose (GObject *object)
{
  SecOverviewPage *self = (SecOverviewPage *) object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sec_overview_page_parent_class)->dispose (object);
}

static void
sec_overview_page_finalize (GObject *object)
{
  SecOverviewPage *self = (SecOverviewPage *) object;

  g_free (self->today);

  G_OBJECT_CLASS (sec_overview_page_parent_class)->finalize (object);
}

static void
sec_overview_page_class_init (SecOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_overview_page_dispose;
  object_class->finalize = sec_overview_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SecOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SecOverviewPage, groups_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_overview_page_init (SecOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sec_overview_page_new:
 *
 * Returns: (transfer floating): the page of @store
 */
GtkWidget *
sec_overview_page_new (SecStore *store)
{
  SecOverviewPage *self;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  self = g_object_new (SEC_TYPE_OVERVIEW_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}

void
sec_overview_page_set_today (SecOverviewPage *self,
                             const char      *today)
{
  g_return_if_fail (SEC_IS_OVERVIEW_PAGE (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  reload (self);
}

guint
sec_overview_page_get_n_items (SecOverviewPage *self)
{
  g_return_val_if_fail (SEC_IS_OVERVIEW_PAGE (self), 0);

  return self->n_items;
}
