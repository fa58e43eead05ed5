/* test-open-dialogs.c: the window when a file cannot be opened, New
 * Database, the recent databases, and quitting on SIGTERM
 *
 * A file that is refused shows a dialog that names what happened and the
 * ways out (open another file, restore a backup when the application can,
 * try again), over the window's error page: never a crash or a silent empty
 * window. Set SEC_TEST_SCREENSHOT_DIR to keep a picture of the dialog.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "cli/sec-demo.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "ui/shell/sec-application.h"
#include "ui/shell/sec-application-private.h"
#include "ui/shell/sec-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

static void
make_demo (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (sec_demo_fill (store, &error));
  sec_store_close (store);
}

/* Writes the window (a dialog) to $SEC_TEST_SCREENSHOT_DIR/@name, to look
 * at it as a user would. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("SEC_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* One application for the whole program: a second one could not register
 * its object path on the same bus connection. */
static SecApp *the_app;

/* The application on @path: started on it the first time, later opening
 * it in place. (transfer full) */
static SecApp *
start_app (const char *path)
{
  g_autoptr(GError) error = NULL;
  SecApp *app;

  if (the_app != NULL)
    {
      g_assert_true (sec_app_open_database (the_app, path, &error));
      g_assert_no_error (error);
      return g_object_ref (the_app);
    }
  app = the_app = sec_app_new (path);
  g_object_ref (app);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  sec_test_wait_for_opening (app);
  sec_test_wait_ms (200);
  return app;
}

/* Closes the dialogs left; the application quits at the end. */
static void
quit_app (SecApp *app)
{
  GtkWindow *dialog;

  while ((dialog = sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  sec_test_wait_ms (50);
}

static void
noop_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  (*(int *) data)++;
}

static void
test_refusal_dialog (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-open-dialogs-XXXXXX");
  g_autofree char *bad = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *good_data = NULL;
  g_autoptr(SecApp) app = NULL;
  g_autoptr(GSimpleAction) restore = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  SecWindow *window;
  int restored = 0;
  gsize len;

  /* A database whose pages were scribbled over. */
  make_demo (good);
  g_assert_true (g_file_get_contents (good, &good_data, &len, NULL));
  {
    g_autofree char *damaged = g_memdup2 (good_data, len);

    for (gsize i = 4096; i < len; i++)
      damaged[i] = (char) (i * 7919 % 251);
    g_assert_true (g_file_set_contents (bad, damaged, len, NULL));
  }
  sum = sec_test_checksum_file (bad);

  app = start_app (bad);
  window = SEC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_null (sec_app_get_store (app));

  /* The dialog says what happened, and offers the backups
   * (app.restore-backup). */
  dialog = ADW_MESSAGE_DIALOG (sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  save_screenshot (GTK_WIDGET (window), "refusal-window.png");
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Database Is Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "damaged.db"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "retry"));
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "open"), ==, "_Open Another File…");
  g_assert_cmpstr (sum, ==, sec_test_checksum_file (bad));

  /* Try Again on the same file: the same dialog again, no crash. */
  adw_message_dialog_response (dialog, "retry");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_wait_ms (100);
  dialog = ADW_MESSAGE_DIALOG (sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_wait_ms (50);

  /* Without app.restore-backup, no restore is offered. */
  g_action_map_remove_action (G_ACTION_MAP (app), "restore-backup");
  {
    g_autoptr(GError) refused = NULL;

    g_assert_false (sec_app_open_database (app, bad, &refused));
    dialog = ADW_MESSAGE_DIALOG (sec_app_show_open_error (app, bad, refused));
  }
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_wait_ms (50);

  /* With app.restore-backup, the dialog offers it and activates it. */
  restore = g_simple_action_new ("restore-backup", NULL);
  g_signal_connect (restore, "activate", G_CALLBACK (noop_action), &restored);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (restore));
  {
    g_autoptr(GError) refused = NULL;

    g_assert_false (sec_app_open_database (app, bad, &refused));
    dialog = ADW_MESSAGE_DIALOG (sec_app_show_open_error (app, bad, refused));
  }
  sec_test_wait_ms (200);
  save_screenshot (GTK_WIDGET (dialog), "refusal-dialog.png");
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  adw_message_dialog_response (dialog, "restore");
  g_assert_cmpint (restored, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The file fixed (a good copy put back), Try Again opens it. */
  g_assert_false (sec_app_open_database (app, bad, &error));
  dialog = ADW_MESSAGE_DIALOG (sec_app_show_open_error (app, bad, error));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (bad, good_data, len, NULL));
  adw_message_dialog_response (dialog, "retry");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_wait_ms (100);
  g_assert_nonnull (sec_app_get_store (app));
  g_assert_true (sec_window_get_store (window) == sec_app_get_store (app));
  g_assert_null (sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  quit_app (app);
  sec_test_remove_tree (dir);
}

/* The heading says what kind of refusal it is. */
static void
test_refusal_headings (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-open-dialogs-XXXXXX");
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autoptr(SecApp) app = NULL;
  sqlite3 *db = NULL;
  struct {
    const char *path;
    const char *heading;
  } cases[] = {
    { empty, "Not a Secretariat Database" },
    { other, "Not a Secretariat Database" },
  };

  make_demo (good);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE invoices (id INTEGER); PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  app = start_app (good);
  g_assert_nonnull (sec_app_get_store (app));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sum = sec_test_checksum_file (cases[i].path);
      AdwMessageDialog *dialog;

      g_assert_false (sec_app_open_database (app, cases[i].path, &error));
      dialog = ADW_MESSAGE_DIALOG (sec_app_show_open_error (app, cases[i].path, error));
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, cases[i].heading);
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_cmpstr (sum, ==, sec_test_checksum_file (cases[i].path));
      /* The open database stays. */
      g_assert_cmpstr (sec_store_get_path (sec_app_get_store (app)), ==, good);
    }
  quit_app (app);
  sec_test_remove_tree (dir);
}

/* The recent databases: in the setting, latest first, at most five, and in
 * the primary menu as app.open-recent items. */
static gboolean
menu_has_target (GMenuModel *model,
                 const char *path)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_target (section, path))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "app.open-recent") &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &target) &&
          g_str_equal (target, path))
        return TRUE;
    }
  return FALSE;
}

static GMenuModel *
primary_menu (SecWindow *window)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (window)); w != NULL;)
    {
      if (GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (w)))
        return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w));
      /* Depth first through the widget tree. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = w == GTK_WIDGET (window) ? NULL : gtk_widget_get_parent (w);
          if (w == GTK_WIDGET (window) || w == NULL)
            break;
          w = gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

static void
test_new_and_recent (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-open-dialogs-XXXXXX");
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.secretariat.Secretariat");
  g_autoptr(SecApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *sum = NULL;
  SecWindow *window;
  GMenuModel *menu;

  g_settings_reset (settings, "recent-databases");
  make_demo (first);
  app = start_app (first);
  window = SEC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  /* New Database makes the file, with the schema, and opens it. */
  g_assert_true (sec_app_new_database (app, fresh, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fresh, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (sec_store_get_path (sec_app_get_store (app)), ==, fresh);
  g_assert_cmpint (sec_store_count_all (sec_app_get_store (app), NULL), ==, 0);

  /* An existing path is refused, whatever it holds, and left alone. */
  sum = sec_test_checksum_file (first);
  g_assert_false (sec_app_new_database (app, first, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "already exists"));
  g_clear_error (&error);
  g_assert_cmpstr (sum, ==, sec_test_checksum_file (first));
  g_assert_cmpstr (sec_store_get_path (sec_app_get_store (app)), ==, fresh);

  /* Both are recent, the latest first, and in the menu. */
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, fresh);
  g_assert_cmpstr (recent[1], ==, first);
  sec_test_wait_ms (50);
  menu = primary_menu (window);
  g_assert_nonnull (menu);
  g_assert_true (menu_has_target (menu, first));
  g_assert_true (menu_has_target (menu, fresh));

  /* Choosing one opens it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (first));
  sec_test_wait_for_opening (app);
  g_assert_cmpstr (sec_store_get_path (sec_app_get_store (app)), ==, first);

  /* At most five. */
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("more-%d.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (sec_app_new_database (app, path, &error));
      g_assert_no_error (error);
    }
  g_strfreev (recent);
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpuint (g_strv_length (recent), ==, 5);
  g_assert_true (g_str_has_suffix (recent[0], "more-5.db"));

  quit_app (app);
  g_settings_reset (settings, "recent-databases");
  sec_test_remove_tree (dir);
}

/* Logging out: the program gets SIGTERM, quits as from the menu and closes
 * the database, so that the file is complete on its own. */
static void
check_signal (int signum)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-open-dialogs-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "signal.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  const char *program = g_getenv ("SECRETARIAT");
  const char *argv[] = { program, "--database", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  GPid pid;
  int status = -1;
  gint64 end;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;
  GStatBuf st;

  g_assert_nonnull (program);
  make_demo (path);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);

  /* The window has the file open once its log exists. */
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_file_test (wal, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_usleep (20000);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_usleep (300000);

  /* A commit that stays in the log: this connection is not the last. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO settings (key, value) VALUES ('signal-test', 'kept')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  kill (pid, signum);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (waitpid (pid, &status, WNOHANG) == 0 && g_get_monotonic_time () < end)
    g_usleep (20000);
  g_spawn_close_pid (pid);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  /* No log left, or an empty one: the file alone holds the commit. */
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  uri = g_strdup_printf ("file:%s?immutable=1", path);
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  integrity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM settings WHERE key = 'signal-test'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (n, ==, 1);

  sec_test_remove_tree (dir);
}

static void
test_sigterm (void)
{
  check_signal (SIGTERM);
}

static void
test_sigint (void)
{
  check_signal (SIGINT);
}

static const char *const families[] = { "Zagreb", "Łódź", "Müller" };

/* The window's stack that shows the busy page, or NULL. */
static GtkStack *
main_stack (SecWindow *window)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_STACK, FALSE, stacks);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "error") != NULL)
      return g_ptr_array_index (stacks, i);
  return NULL;
}

/* A database whose sort keys are made again for another language opens
 * in a worker: the window says so with a bar and Stop; stopped, the
 * database open before stays, and the file is as it was; opened again, it
 * is the one open, its keys made for this language. */
static void
test_long_opening (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-open-dialogs-XXXXXX");
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *saved = g_strdup (setlocale (LC_COLLATE, NULL));
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(SecApp) app = NULL;
  g_autofree char *locale = NULL;
  SecWindow *window;
  GtkStack *stack;
  gboolean has_stop = FALSE;

  if (setlocale (LC_COLLATE, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is not installed (locales-all)");
      return;
    }
  setlocale (LC_COLLATE, saved);
  make_demo (first);
  sec_test_make_c_locale_people (other, 2500, families, G_N_ELEMENTS (families));
  app = start_app (first);
  window = SEC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  stack = main_stack (window);
  g_assert_nonnull (stack);

  /* Stopped at once: the file is as it was, the first database shown. */
  setlocale (LC_COLLATE, "en_US.UTF-8");
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (other));
  g_assert_true (_sec_app_is_opening (app));
  /* Its file is open in the worker: nothing may replace or copy it. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "restore-backup"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "back-up-now"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "stop-opening", NULL);
  sec_test_wait_for_opening (app);
  g_assert_cmpstr (sec_store_get_path (sec_app_get_store (app)), ==, first);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "restore-backup"));
  locale = sec_test_read_text (other, "SELECT value FROM settings WHERE key = 'collate-locale'");
  g_assert_cmpstr (locale, ==, "C.UTF-8");
  g_clear_pointer (&locale, g_free);

  /* Opened to the end, the windows saying so from the start. */
  _sec_app_set_busy_delay (app, 0);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (other));
  for (guint i = 0; i < 200 && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "busy") != 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "busy");
  sec_test_collect_widgets (gtk_stack_get_visible_child (stack), GTK_TYPE_PROGRESS_BAR, TRUE, bars);
  g_assert_cmpuint (bars->len, ==, 1);
  sec_test_collect_widgets (gtk_stack_get_visible_child (stack), GTK_TYPE_BUTTON, TRUE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    has_stop |= g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "app.stop-opening") == 0;
  g_assert_true (has_stop);
  sec_test_wait_for_opening (app);
  _sec_app_set_busy_delay (app, 300);
  g_assert_cmpstr (sec_store_get_path (sec_app_get_store (app)), ==, other);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");
  setlocale (LC_COLLATE, saved);
  locale = sec_test_read_text (other, "SELECT value FROM settings WHERE key = 'collate-locale'");
  g_assert_cmpstr (locale, ==, "en_US.UTF-8");
  quit_app (app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

  g_test_add_func ("/open-dialogs/refusal", test_refusal_dialog);
  g_test_add_func ("/open-dialogs/headings", test_refusal_headings);
  g_test_add_func ("/open-dialogs/new-and-recent", test_new_and_recent);
  g_test_add_func ("/open-dialogs/long-opening", test_long_opening);
  g_test_add_func ("/open-dialogs/sigterm", test_sigterm);
  g_test_add_func ("/open-dialogs/sigint", test_sigint);

  ret = g_test_run ();
  if (the_app != NULL)
    {
      g_action_group_activate_action (G_ACTION_GROUP (the_app), "quit", NULL);
      sec_test_wait_ms (100);
      g_clear_object (&the_app);
    }
  return ret;
}
