/* sec-deadline-banner.c: the calls for proposals about to close */
#define G_LOG_DOMAIN "sec-deadline-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "core/funding/sec-funding.h"
#include "core/store/sec-records.h"
#include "ui/funding/sec-deadline-banner.h"

/* More would push the list they sit on down the window. */
#define MAX_SHOWN 3

struct _SecDeadlineBanner
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkWidget  *box;
  GtkListBox *list;

  /* owned */
  SecStore   *store;
  guint       timeout_id;
  guint       n_shown;
};

G_DEFINE_FINAL_TYPE (SecDeadlineBanner, sec_deadline_banner, GTK_TYPE_WIDGET)

/* Helpers */

static GtkWidget *
make_row (SecRecord *call)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) deadline = sec_funding_call_dup_deadline (call);
  g_autofree char *left = sec_funding_format_time_left (deadline, NULL);
  g_autofree char *when = sec_funding_format_deadline (call);
  const char *programme = sec_record_get_derived (call, "programme-name");
  g_autofree char *subtitle = programme && *programme ? g_strdup_printf ("%s · %s", programme, when)
                                                      : g_strdup (when);
  GtkWidget *label = gtk_label_new (left);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sec_record_get_string (call, "title"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_add_css_class (label, "heading");
  /* The last week stands out. */
  gtk_widget_add_css_class (label, g_date_time_difference (deadline, now) < 7 * G_TIME_SPAN_DAY ? "warning" : "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", "funding-call", sec_record_get_id (call));
  return row;
}

static void
refresh (SecDeadlineBanner *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;

  calls = sec_funding_list_upcoming_calls (self->store, NULL, &error);
  if (calls == NULL)
    {
      g_warning ("Could not read the calls for proposals: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  for (guint i = 0; i < MIN (calls->len, MAX_SHOWN); i++)
    {
      gtk_list_box_append (self->list, make_row (g_ptr_array_index (calls, i)));
      self->n_shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_shown > 0);
}

/* Callbacks */

static void
on_store_changed (SecDeadlineBanner *self,
                  GType              kind,
                  gint64             id,
                  int                change,
                  SecStore          *store)
{
  if (kind == SEC_TYPE_FUNDING_CALL || kind == SEC_TYPE_PROGRAMME || kind == 0)
    refresh (self);
}

static gboolean
on_minute (gpointer user_data)
{
  refresh (SEC_DEADLINE_BANNER (user_data));
  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
sec_deadline_banner_dispose (GObject *object)
{
  SecDeadlineBanner *self = SEC_DEADLINE_BANNER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_DEADLINE_BANNER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sec_deadline_banner_parent_class)->dispose (object);
}

static void
sec_deadline_banner_class_init (SecDeadlineBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_deadline_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-deadline-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, SecDeadlineBanner, box);
  gtk_widget_class_bind_template_child (widget_class, SecDeadlineBanner, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_deadline_banner_init (SecDeadlineBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sec_deadline_banner_new:
 * @store: the database
 *
 * Returns: (transfer floating): the banner, hidden when no deadline is ahead
 */
GtkWidget *
sec_deadline_banner_new (SecStore *store)
{
  SecDeadlineBanner *self;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  self = g_object_new (SEC_TYPE_DEADLINE_BANNER, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  self->timeout_id = g_timeout_add_seconds (60, on_minute, self);
  refresh (self);
  return GTK_WIDGET (self);
}

guint
sec_deadline_banner_get_n_shown (SecDeadlineBanner *self)
{
  g_return_val_if_fail (SEC_IS_DEADLINE_BANNER (self), 0);

  return self->n_shown;
}
