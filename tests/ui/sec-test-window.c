/* sec-test-window.c: the main window on the demo database, as
 * test-window.c and test-window-records.c drive it (sec-test-window.h) */
#include "config.h"

#include "core/store/sec-records.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"
#include "sec-test-window.h"

void
sec_test_window_init (int    *argc,
                      char ***argv)
{
  /* libadwaita 1.7's message dialogs warn while they measure their labels
   * (the toolkit's problem, not ours): the open-error and confirmation
   * dialogs appear in these tests. */
  sec_test_ui_init (argc, argv);

  /* Leaflets switch panes at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

gboolean
sec_test_wait_for (SecTestCondition condition,
                   gpointer         data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

void
sec_test_show_window (SecTestWindow *f,
                      int            width,
                      int            height)
{
  f->window = g_object_ref (sec_window_new (NULL, f->store));
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (sec_test_wait_for (is_mapped, f->window));
  sec_test_wait_ms (100);
}

void
sec_test_window_setup (SecTestWindow *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SEC_TEST_SCHEMA_ID);

  /* Every test starts from the defaults, whatever the one before saved. */
  g_settings_reset (settings, "window-size");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "last-section");

  f->dir = sec_test_make_tmp_dir ("sec-window-XXXXXX");
  f->store = sec_test_open_demo (f->dir, &f->path);
  sec_test_show_window (f, 1200, 800);
}

void
sec_test_close_window (SecTestWindow *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sec_test_wait_ms (50);
  g_assert_finalize_object (f->window);
  f->window = NULL;
}

void
sec_test_window_teardown (SecTestWindow *f,
                          gconstpointer  data)
{
  if (f->window != NULL)
    sec_test_close_window (f);
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

void
sec_test_activate (SecTestWindow *f,
                   const char    *action,
                   GVariant      *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  sec_test_wait_ms (20);
}

void
sec_test_open_record (SecTestWindow *f,
                      const char    *kind,
                      gint64         id)
{
  sec_test_activate (f, "win.open-record", g_variant_new ("(sx)", kind, id));
}

SecRecord *
sec_test_find_record (SecStore   *store,
                      GType       kind,
                      const char *field,
                      const char *value)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  records = sec_store_list (store, kind, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  return g_object_ref (g_ptr_array_index (records, 0));
}
