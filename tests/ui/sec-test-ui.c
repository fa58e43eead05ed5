/* sec-test-ui.c: what the widget tests share */
#include "config.h"

#include <locale.h>

#include "sec-test-ui.h"
#include "sec-test-util.h"
#include "ui/records/sec-record-page.h"
#include "ui/shell/sec-application.h"
#include "ui/shell/sec-application-private.h"
#include "ui/widgets/sec-detail-row.h"

void
sec_test_ui_init (int    *argc,
                  char ***argv)
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();
}

void
sec_test_collect_widgets (GtkWidget *root,
                          GType      type,
                          gboolean   visible_only,
                          GPtrArray *out)
{
  if (visible_only && !gtk_widget_get_visible (root))
    return;
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    sec_test_collect_widgets (c, type, visible_only, out);
}

GtkWidget *
sec_test_find_widget (GtkWidget *root,
                      GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = sec_test_find_widget (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
sec_test_find_action_button (GtkWidget  *root,
                             const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  sec_test_collect_widgets (root, GTK_TYPE_BUTTON, FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action_name) == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("No button for %s", action_name);
  return NULL;
}

AdwMessageDialog *
sec_test_find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

const char *
sec_test_row_subtitle (GtkWidget *row)
{
  if (SEC_IS_DETAIL_ROW (row))
    return sec_detail_row_get_subtitle (SEC_DETAIL_ROW (row));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

GtkWidget *
sec_test_find_row (GtkWidget  *root,
                   const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  sec_test_collect_widgets (root, ADW_TYPE_PREFERENCES_ROW, FALSE, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

void
sec_test_destroy_windows (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Held: destroying a window can destroy its dialogs (destroy-with-parent)
   * before the loop comes to them. */
  for (GList *l = toplevels; l; l = l->next)
    g_object_ref (l->data);
  for (GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (toplevels, g_object_unref);
  sec_test_iterate ();
}

GtkWindow *
sec_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

void
sec_test_save_window (GtkWidget  *window,
                      const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  for (int i = 0; i < 100 && !gtk_widget_get_mapped (window); i++)
    sec_test_wait_ms (20);
  sec_test_wait_ms (300);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
stall_tick (gpointer user_data)
{
  SecTestStall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

void
sec_test_stall_start (SecTestStall *stall,
                      guint         interval_ms)
{
  stall->last = g_get_monotonic_time ();
  stall->longest = 0;
  if (stall->source == 0)
    stall->source = g_timeout_add (interval_ms, stall_tick, stall);
}

void
sec_test_stall_stop (SecTestStall *stall)
{
  stall_tick (stall);
  g_clear_handle_id (&stall->source, g_source_remove);
}

void
sec_test_wait_for_opening (gpointer app)
{
  for (guint i = 0; i < 6000 && _sec_app_is_opening (app); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_sec_app_is_opening (app));
}

void
sec_test_wait_for_record_page (GtkWidget *window)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  sec_test_collect_widgets (window, SEC_TYPE_RECORD_PAGE, FALSE, pages);
  for (guint i = 0; i < pages->len; i++)
    while (sec_record_page_is_pending (g_ptr_array_index (pages, i)) && g_get_monotonic_time () < end)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
  for (guint i = 0; i < pages->len; i++)
    g_assert_false (sec_record_page_is_pending (g_ptr_array_index (pages, i)));
}
