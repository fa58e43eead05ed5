/* test-shared-database-ui.c: the Shared Database dialog: its fields filled
 * from an address, each missing or wrong field named and focused before
 * anything is sent, and the Preferences window's way to it. With
 * SECRETARIAT_TEST_PG (a server's address, set by build-aux/dev test when
 * PostgreSQL is installed), Test Connection and Connect against it. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-shared-database.h"
#include "ui/shell/sec-preferences-window.h"
#include "ui/shell/sec-shared-database-dialog.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

/* The label that tells how the last attempt went. */
static GtkLabel *
status_label (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  sec_test_collect_widgets (dialog, GTK_TYPE_LABEL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_label_get_selectable (labels->pdata[i]))
      return labels->pdata[i];
  g_assert_not_reached ();
}

static gboolean
focus_in (GtkWidget *dialog,
          GtkWidget *row)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static void
test_fields (void)
{
  GtkWidget *dialog = GTK_WIDGET (sec_shared_database_dialog_new (NULL, "postgresql://anna@db.example.eu:6543/office?sslmode=verify-ca"));
  GtkWidget *host, *port, *database, *user, *tls;
  GtkLabel *status;

  gtk_window_present (GTK_WINDOW (dialog));
  sec_test_iterate ();
  host = sec_test_find_row (dialog, "Server");
  port = sec_test_find_row (dialog, "Port (5432 if empty)");
  database = sec_test_find_row (dialog, "Database");
  user = sec_test_find_row (dialog, "User Name");
  tls = sec_test_find_row (dialog, "Encryption");
  status = status_label (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (host)), ==, "db.example.eu");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (port)), ==, "6543");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (database)), ==, "office");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (user)), ==, "anna");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (tls)), ==, 1);
  /* The server known, the password is what is left to type. */
  g_assert_true (focus_in (dialog, sec_test_find_row (dialog, "Password")));

  /* Each wrong field is said and focused; nothing is sent. */
  gtk_editable_set_text (GTK_EDITABLE (port), "65536");
  gtk_widget_activate_action (dialog, "shared.connect", NULL);
  g_assert_cmpstr (gtk_label_get_text (status), ==, "The port must be a number from 1 to 65535.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_true (focus_in (dialog, port));
  g_assert_true (gtk_widget_get_visible (dialog));

  gtk_editable_set_text (GTK_EDITABLE (port), "");
  g_assert_cmpstr (gtk_label_get_text (status), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (host), "  ");
  gtk_widget_activate_action (dialog, "shared.test", NULL);
  g_assert_cmpstr (gtk_label_get_text (status), ==, "Give the server’s name or address.");
  g_assert_true (focus_in (dialog, host));

  gtk_editable_set_text (GTK_EDITABLE (host), "db.example.eu");
  gtk_editable_set_text (GTK_EDITABLE (database), "");
  gtk_widget_activate_action (dialog, "shared.connect", NULL);
  g_assert_cmpstr (gtk_label_get_text (status), ==, "Give the database’s name.");
  g_assert_true (focus_in (dialog, database));

  gtk_editable_set_text (GTK_EDITABLE (database), "office");
  gtk_editable_set_text (GTK_EDITABLE (user), "");
  gtk_widget_activate_action (dialog, "shared.connect", NULL);
  g_assert_cmpstr (gtk_label_get_text (status), ==, "Give the user name.");
  g_assert_true (focus_in (dialog, user));
  if (g_getenv ("SEC_SHARED_SCREENSHOT") != NULL)
    sec_test_save_window (dialog, g_getenv ("SEC_SHARED_SCREENSHOT"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_iterate ();
}

/* Without an address, the environment's, as psql would take them. */
static void
test_environment (void)
{
  GtkWidget *dialog;

  g_setenv ("PGHOST", "pg.office.lan", TRUE);
  g_setenv ("PGDATABASE", "secretariat", TRUE);
  g_setenv ("PGUSER", "clerk", TRUE);
  dialog = GTK_WIDGET (sec_shared_database_dialog_new (NULL, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_find_row (dialog, "Server"))), ==, "pg.office.lan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_find_row (dialog, "Database"))), ==, "secretariat");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sec_test_find_row (dialog, "User Name"))), ==, "clerk");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sec_test_find_row (dialog, "Encryption"))), ==, 0);
  g_unsetenv ("PGHOST");
  g_unsetenv ("PGDATABASE");
  g_unsetenv ("PGUSER");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_iterate ();
}

/* The Preferences window says which database is in use and leads to the
 * dialog. */
static void
test_preferences (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-shared-ui-XXXXXX");
  SecStore *store = sec_test_open_store (dir, "office.db", NULL);
  SecPreferencesWindow *window = sec_preferences_window_new (NULL, store);
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *row, *button = NULL;

  gtk_window_present (GTK_WINDOW (window));
  sec_test_iterate ();
  row = sec_test_find_row (GTK_WIDGET (window), path);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "File on this computer");
  sec_test_collect_widgets (row, GTK_TYPE_BUTTON, FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "app.connect-shared-database") == 0)
      button = buttons->pdata[i];
  g_assert_nonnull (button);
  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_iterate ();
  sec_test_close_store (store, dir);
}

/* Runs the dialog's @action and waits for its outcome. */
static const char *
attempt (GtkWidget  *dialog,
         const char *action)
{
  g_autoptr(GPtrArray) spinners = g_ptr_array_new ();
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  sec_test_collect_widgets (dialog, GTK_TYPE_SPINNER, FALSE, spinners);
  g_assert_cmpuint (spinners->len, ==, 1);
  gtk_widget_activate_action (dialog, action, NULL);
  g_assert_true (gtk_spinner_get_spinning (spinners->pdata[0]));
  while (gtk_spinner_get_spinning (spinners->pdata[0]) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_spinner_get_spinning (spinners->pdata[0]));
  return gtk_label_get_text (status_label (dialog));
}

static void
on_connected (GtkWidget  *dialog,
              SecStore   *store,
              const char *warning,
              SecStore  **out)
{
  g_assert_cmpstr (warning, ==, NULL);
  *out = g_object_ref (store);
}

/* A real server (build-aux/pg-cluster): an empty database tested, then
 * connected to and set up; a wrong password and an unreachable server said
 * in words. */
static void
test_server (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(SecSharedDatabase) db = NULL;
  g_autofree char *kept = NULL;
  GtkWidget *dialog;
  SecStore *store = NULL;
  const char *status;

  if (g_getenv ("SECRETARIAT_TEST_PG") == NULL || !sec_engine_has_server_support ())
    {
      g_test_skip ("no PostgreSQL server: SECRETARIAT_TEST_PG is not set (build-aux/pg-cluster)");
      return;
    }
  uri = sec_test_pg_new_database ();
  db = sec_shared_database_parse (uri, NULL, NULL);
  g_assert_nonnull (db);

  dialog = GTK_WIDGET (sec_shared_database_dialog_new (NULL, uri));
  gtk_window_present (GTK_WINDOW (dialog));
  status = attempt (dialog, "shared.test");
  sec_test_assert_contains (status, "It is empty: Secretariat sets it up when you connect.");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status_label (dialog)), "error"));

  g_signal_connect (dialog, "connected", G_CALLBACK (on_connected), &store);
  g_object_ref (dialog);
  attempt (dialog, "shared.connect");
  g_assert_nonnull (store);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_object_unref (dialog);
  /* The store is named by the address settings may keep. */
  kept = sec_shared_database_to_uri (db);
  g_assert_cmpstr (sec_store_get_path (store), ==, kept);
  g_assert_null (strstr (sec_store_get_path (store), "password"));
  sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Lindqvist", NULL);
  g_clear_object (&store);

  /* Tested again: now a Secretariat database. */
  dialog = GTK_WIDGET (sec_shared_database_dialog_new (NULL, kept));
  gtk_window_present (GTK_WINDOW (dialog));
  status = attempt (dialog, "shared.test");
  {
    g_autofree char *what = sec_shared_database_describe (db);
    g_autofree char *expected = g_strdup_printf ("Connected to %s.", what);
    g_assert_cmpstr (status, ==, expected);
  }

  /* The role that must give a password (build-aux/pg-cluster), given a
   * wrong one. */
  gtk_editable_set_text (GTK_EDITABLE (sec_test_find_row (dialog, "User Name")), "sec_password");
  gtk_editable_set_text (GTK_EDITABLE (sec_test_find_row (dialog, "Password")), "not the password");
  status = attempt (dialog, "shared.test");
  sec_test_assert_contains (status, "refused the password");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status_label (dialog)), "error"));

  /* Nobody listens there. */
  gtk_editable_set_text (GTK_EDITABLE (sec_test_find_row (dialog, "Server")), "/nonexistent/socket/folder");
  status = attempt (dialog, "shared.connect");
  sec_test_assert_contains (status, "cannot be reached");
  g_assert_true (gtk_widget_get_visible (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/shared-database-ui/fields", test_fields);
  g_test_add_func ("/shared-database-ui/environment", test_environment);
  g_test_add_func ("/shared-database-ui/preferences", test_preferences);
  g_test_add_func ("/shared-database-ui/server", test_server);
  return g_test_run ();
}
