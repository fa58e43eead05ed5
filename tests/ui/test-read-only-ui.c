/* test-read-only-ui.c: the window on a database the user may only read
 *
 * A database opened for reading stands here for a shared one whose account
 * may only read (test-roles.c checks that such an account gives a store
 * that cannot write): the window says so above the list, and every control
 * that would change the database is shown unavailable, while reading and
 * exporting stay. The same window on a writable store has them available,
 * so that the test fails if the window stops telling the two apart.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "core/store/sec-records.h"
#include "ui/shell/sec-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

static const char *const write_actions[] = {
  "win.new-record", "win.edit-record", "win.delete-record",
  "tools.agenda", "tools.invite", "tools.participants", "tools.check-in", "tools.minutes",
};

static gboolean
is_write_action (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (write_actions); i++)
    if (g_strcmp0 (name, write_actions[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Shows @store's window on its first meeting; counts the buttons of write
 * actions that are (un)available, and whether exporting is available and
 * the read-only strip shown. */
static void
look (SecStore *store,
      guint    *n_available,
      guint    *n_unavailable,
      gboolean *can_export,
      gboolean *says_read_only)
{
  g_autoptr(GPtrArray) meetings = sec_store_list (store, SEC_TYPE_MEETING, NULL, NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();
  SecWindow *window = sec_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  sec_test_wait_ms (200);
  g_assert_cmpuint (meetings->len, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(sx)", "meeting",
                                             sec_record_get_id (g_ptr_array_index (meetings, 0))));
  sec_test_wait_ms (300);

  *n_available = *n_unavailable = 0;
  *can_export = FALSE;
  sec_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_BUTTON, TRUE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

      if (is_write_action (action))
        {
          if (gtk_widget_is_sensitive (button))
            (*n_available)++;
          else
            (*n_unavailable)++;
        }
      if (g_strcmp0 (action, "tools.export") == 0)
        *can_export = gtk_widget_is_sensitive (button);
    }

  *says_read_only = FALSE;
  sec_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_REVEALER, TRUE, revealers);
  for (guint i = 0; i < revealers->len; i++)
    {
      GtkWidget *child = gtk_revealer_get_child (g_ptr_array_index (revealers, i));
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      if (!gtk_revealer_get_reveal_child (g_ptr_array_index (revealers, i)) || child == NULL)
        continue;
      sec_test_collect_widgets (child, GTK_TYPE_LABEL, TRUE, labels);
      for (guint j = 0; j < labels->len; j++)
        if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, j)), "Read only"))
          *says_read_only = TRUE;
    }
  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_wait_ms (50);
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-read-only-XXXXXX");
  g_autofree char *path = NULL;
  SecStore *store = sec_test_open_demo (dir, &path);
  guint available, unavailable;
  gboolean can_export, says;

  /* Writable: every control there, nothing said. */
  look (store, &available, &unavailable, &can_export, &says);
  g_assert_cmpuint (unavailable, ==, 0);
  g_assert_cmpuint (available, >=, 6);
  g_assert_true (can_export);
  g_assert_false (says);
  g_object_unref (store);

  store = sec_store_open_for_reading (path, &error);
  g_assert_no_error (error);
  g_assert_false (sec_store_can_write (store));
  look (store, &available, &unavailable, &can_export, &says);
  g_assert_cmpuint (available, ==, 0);
  g_assert_cmpuint (unavailable, >=, 6);
  g_assert_true (can_export);
  g_assert_true (says);
  g_object_unref (store);
  sec_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/read-only/window", test_read_only);
  return g_test_run ();
}
