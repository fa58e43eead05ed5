/* sec-window-busy.c: the window's busy page, while its database is replaced
 *
 * A restore, or a long opening, takes the window's store away: the window
 * shows a page saying what is going on, with a bar and Stop when the work
 * reports its progress, and lets its panes go a step at a time. Part of
 * SecWindow (see sec-window-private.h).
 */
#define G_LOG_DOMAIN "sec-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/shell/sec-window.h"
#include "ui/shell/sec-window-private.h"

/* One pane let go an iteration (sec_window_show_busy_async ()). */
static gboolean
release_step_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (_sec_window_destroy_doomed (g_task_get_source_object (task), FALSE))
    return G_SOURCE_CONTINUE;
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

/**
 * sec_window_show_busy_async:
 * @icon_name: the page's icon
 * @title: what the page says
 * @callback: (nullable): told once the window has let its store go
 *
 * Shows no store but a page saying @title, for work that replaces the
 * database (a restore); sec_window_set_store () or
 * sec_window_show_error () ends it. The window lets its store go in steps:
 * the page and all but the list panes at once, then one pane a main loop
 * iteration (the pane shown holds some 200 rows: destroying them all with
 * the rest kept the window from drawing the page for over 100 ms on the
 * big file). @callback runs once none of them is left: the store may
 * close then, not before (the panes still read from it meanwhile).
 */
void
sec_window_show_busy_async (SecWindow           *self,
                            const char          *icon_name,
                            const char          *title,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GtkWidget *page;

  g_return_if_fail (SEC_IS_WINDOW (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, sec_window_show_busy_async);
  _sec_window_doom_panes (self);
  sec_window_set_store (self, NULL);
  page = gtk_stack_get_child_by_name (self->main_stack, "busy");
  if (page == NULL)
    {
      GtkWidget *header = adw_header_bar_new ();
      GtkWidget *status = adw_status_page_new ();

      /* Made the first time only: most windows never need it. */
      page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (header, "flat");
      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Secretariat"), NULL));
      gtk_box_append (GTK_BOX (page), header);
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (page), status);
      gtk_stack_add_named (self->main_stack, page, "busy");
    }
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (gtk_widget_get_last_child (page)), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (gtk_widget_get_last_child (page)), title);
  sec_window_set_busy_progress (self, NULL, -1, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "busy");
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, release_step_cb, g_steal_pointer (&task), g_object_unref);
}

gboolean
sec_window_show_busy_finish (SecWindow     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sec_window_set_busy_progress:
 *
 * What sec_window_show_busy_async ()'s page says under its title: how far the
 * work is and how to stop it (a long opening of a database).
 */
void
sec_window_set_busy_progress (SecWindow  *self,
                              const char *description,
                              double      fraction,
                              const char *stop_action)
{
  GtkWidget *page, *status, *box, *bar, *stop;

  g_return_if_fail (SEC_IS_WINDOW (self));

  if ((page = gtk_stack_get_child_by_name (self->main_stack, "busy")) == NULL)
    return;
  status = gtk_widget_get_last_child (page);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  if ((box = adw_status_page_get_child (ADW_STATUS_PAGE (status))) == NULL)
    {
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      bar = gtk_progress_bar_new ();
      gtk_widget_set_size_request (bar, 300, -1);
      stop = gtk_button_new_with_mnemonic (_("_Stop"));
      gtk_widget_set_halign (stop, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (stop, "pill");
      gtk_box_append (GTK_BOX (box), bar);
      gtk_box_append (GTK_BOX (box), stop);
      adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
    }
  bar = gtk_widget_get_first_child (box);
  stop = gtk_widget_get_last_child (box);
  gtk_widget_set_visible (bar, fraction >= 0);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), fraction);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (stop), stop_action);
  gtk_widget_set_visible (stop, stop_action != NULL);
  gtk_widget_set_visible (box, fraction >= 0 || stop_action != NULL);
}
