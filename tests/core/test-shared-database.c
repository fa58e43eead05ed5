/* test-shared-database.c: the address of a shared database, and its
 * password in a real keyring (gnome-keyring-daemon on a private bus) */
#include "config.h"

#include <glib/gstdio.h>

#include "core/store/sec-shared-database.h"
#include "sec-test-util.h"

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autoptr(SecSharedDatabase) db =
    sec_shared_database_parse ("postgresql://anna%40office:p%26ss%3Aw@db.example.eu:6543/secr%C3%A9tariat?sslmode=verify-ca&application_name=sec",
                               &password, &error);
  g_autofree char *uri = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (db->user, ==, "anna@office");
  g_assert_cmpstr (password, ==, "p&ss:w");
  g_assert_cmpstr (db->host, ==, "db.example.eu");
  g_assert_cmpuint (db->port, ==, 6543);
  g_assert_cmpstr (db->database, ==, "secrétariat");
  g_assert_cmpint (db->tls, ==, SEC_TLS_VERIFY_CA);
  g_assert_cmpstr (db->options[0], ==, "application_name=sec");

  /* What settings keep has no password, and reads back the same. */
  uri = sec_shared_database_to_uri (db);
  g_assert_cmpstr (uri, ==, "postgresql://anna%40office@db.example.eu:6543/secr%C3%A9tariat?sslmode=verify-ca&application_name=sec");
  g_assert_null (strstr (uri, "p%26ss"));
  {
    g_autoptr(SecSharedDatabase) again = sec_shared_database_parse (uri, NULL, &error);
    g_autofree char *uri2 = NULL;

    g_assert_no_error (error);
    uri2 = sec_shared_database_to_uri (again);
    g_assert_cmpstr (uri2, ==, uri);
  }
}

static void
test_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecSharedDatabase) db = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *conninfo = NULL;

  g_unsetenv ("PGSSLMODE");
  g_unsetenv ("PGHOST");
  g_unsetenv ("PGPORT");
  g_unsetenv ("PGDATABASE");
  g_setenv ("PGUSER", "clerk", TRUE);

  /* Our default protection is the strict one, written out, since libpq's
   * own default ("prefer") accepts any server. */
  db = sec_shared_database_parse ("postgres://server.lan/office", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (db->tls, ==, SEC_TLS_VERIFY_FULL);
  g_assert_cmpstr (db->user, ==, "clerk");
  g_assert_cmpuint (db->port, ==, 0);
  uri = sec_shared_database_to_uri (db);
  g_assert_cmpstr (uri, ==, "postgresql://clerk@server.lan/office?sslmode=verify-full");

  /* The engine's address has the password and a timeout, nothing else. */
  conninfo = sec_shared_database_to_conninfo (db, "a b&c");
  g_assert_cmpstr (conninfo, ==, "postgresql://clerk@server.lan/office?sslmode=verify-full&password=a%20b%26c&connect_timeout=10");
  g_clear_pointer (&db, sec_shared_database_free);
  g_clear_pointer (&uri, g_free);

  /* A folder of Unix sockets and an IPv6 address. */
  db = sec_shared_database_parse ("postgresql:///office?host=%2Ftmp%2Fpg%20sock&port=5499&sslmode=disable", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (db->host, ==, "/tmp/pg sock");
  g_assert_cmpuint (db->port, ==, 5499);
  g_assert_cmpint (db->tls, ==, SEC_TLS_DISABLE);
  uri = sec_shared_database_to_uri (db);
  g_assert_cmpstr (uri, ==, "postgresql://clerk@/office?host=%2Ftmp%2Fpg%20sock&port=5499&sslmode=disable");
  g_clear_pointer (&uri, g_free);
  {
    g_autofree char *what = sec_shared_database_describe (db);
    g_assert_cmpstr (what, ==, "office on this computer");
  }
  g_clear_pointer (&db, sec_shared_database_free);

  db = sec_shared_database_parse ("postgresql://u@[2001:db8::1]:5433/x", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (db->host, ==, "2001:db8::1");
  uri = sec_shared_database_to_uri (db);
  g_assert_cmpstr (uri, ==, "postgresql://u@[2001:db8::1]:5433/x?sslmode=verify-full");
  g_unsetenv ("PGUSER");
}

static void
test_refused (void)
{
  static const char *const bad[] = {
    "/home/anna/office.db",
    "mysql://server/db",
    "postgresql://server/db?sslmode=prefer",
    "postgresql://server/db?port=99999",
    "postgresql://server/db?host=%ZZ",
    "postgresql://server:70000/db",
  };
  g_autoptr(SecSharedDatabase) db = sec_shared_database_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SecSharedDatabase) none = sec_shared_database_parse (bad[i], NULL, &error);

      g_assert_null (none);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
    }

  /* The dialog's fields, one by one. */
  g_assert_false (sec_shared_database_check (db, &error));
  g_assert_cmpstr (error->message, ==, "Give the server’s name or address.");
  g_clear_error (&error);
  db->host = g_strdup ("server");
  g_assert_false (sec_shared_database_check (db, &error));
  g_assert_cmpstr (error->message, ==, "Give the database’s name.");
  g_clear_error (&error);
  db->database = g_strdup ("office");
  g_assert_false (sec_shared_database_check (db, &error));
  g_assert_cmpstr (error->message, ==, "Give the user name.");
  g_clear_error (&error);
  db->user = g_strdup ("anna");
  g_assert_true (sec_shared_database_check (db, &error));
  g_assert_no_error (error);
}

/* Waits (up to ten seconds) until the daemon owns its name on @bus: the
 * process that --daemonize starts forks before it registers. */
static gboolean
wait_for_secrets (GTestDBus *bus)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autoptr(GVariant) reply =
        g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus", "NameHasOwner",
                                     g_variant_new ("(s)", "org.freedesktop.secrets"),
                                     G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      gboolean owned = FALSE;

      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return TRUE;
      g_usleep (50 * 1000);
    }
  return FALSE;
}

/* A real keyring: gnome-keyring-daemon on a private session bus, with its
 * files in a temporary home. */
static void
test_keyring (void)
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autofree char *home = NULL;
  g_autofree char *runtime = NULL;
  g_autofree char *data = NULL;
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecSharedDatabase) db = NULL;
  g_autoptr(SecSharedDatabase) other = NULL;
  g_autofree char *found = NULL;

  if (daemon == NULL)
    {
      g_test_skip ("gnome-keyring-daemon is not installed");
      return;
    }
  home = sec_test_make_tmp_dir ("sec-keyring-XXXXXX");
  runtime = g_build_filename (home, "run", NULL);
  data = g_build_filename (home, "data", NULL);
  g_mkdir_with_parents (runtime, 0700);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  /* In the foreground, so that the test owns it and stops it; --unlock
   * reads the new login keyring's password from stdin. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", g_test_dbus_get_bus_address (bus), TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, daemon, "--unlock", "--components=secrets",
                                         "--foreground", NULL);
  g_assert_no_error (error);
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (process), "test", 4, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (g_subprocess_get_stdin_pipe (process), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wait_for_secrets (bus));

  db = sec_shared_database_parse ("postgresql://anna@db.example.eu/office", NULL, &error);
  g_assert_no_error (error);
  other = sec_shared_database_parse ("postgresql://anna@db.example.eu/archive", NULL, &error);
  g_assert_no_error (error);

  found = sec_shared_database_lookup_password (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_assert_true (sec_shared_database_store_password (db, "s3cret é", NULL, &error));
  g_assert_no_error (error);
  found = sec_shared_database_lookup_password (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "s3cret é");
  g_clear_pointer (&found, g_free);

  /* Another database of the same server and user has its own. */
  found = sec_shared_database_lookup_password (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* Nothing of it is in a file of ours: the keyring keeps it. */
  g_assert_true (sec_shared_database_forget_password (db, NULL, &error));
  g_assert_no_error (error);
  found = sec_shared_database_lookup_password (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  g_assert_true (sec_shared_database_forget_password (db, NULL, &error));

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  /* libsecret keeps proxies on the bus's connection to the end, and
   * g_test_dbus_down () would wait for them in vain: the bus is left to
   * GTestDBus's watcher, which stops it when this process ends. */
  g_test_dbus_stop (bus);
  (void) g_steal_pointer (&bus);
  sec_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shared-database/parse", test_parse);
  g_test_add_func ("/shared-database/defaults", test_defaults);
  g_test_add_func ("/shared-database/refused", test_refused);
  g_test_add_func ("/shared-database/keyring", test_keyring);
  return g_test_run ();
}
