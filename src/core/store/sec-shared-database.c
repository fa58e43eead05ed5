/* sec-shared-database.c: the address of a shared database, and its
 * password in the keyring
 *
 * The address follows libpq's URI form,
 *   postgresql://user@host:port/database?sslmode=verify-full
 * with a folder of Unix sockets given as ?host=/path. Our default for the
 * protection of the connection is verify-full (libpq's own is "prefer",
 * which accepts any server that answers), so the address always says it.
 * libpq ignores sslmode on a Unix socket, which never leaves the computer.
 */
#define G_LOG_DOMAIN "sec-shared-database"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "core/store/sec-shared-database.h"
#include "core/store/sec-store-private.h"

#define DEFAULT_PORT 5432
/* Seconds before an unreachable server is reported: libpq waits forever
 * by default. */
#define CONNECT_TIMEOUT 10

static const char *const tls_names[] = {
  [SEC_TLS_VERIFY_FULL] = "verify-full",
  [SEC_TLS_VERIFY_CA] = "verify-ca",
  [SEC_TLS_REQUIRE] = "require",
  [SEC_TLS_DISABLE] = "disable",
};

const char *
sec_tls_mode_to_string (SecTlsMode tls)
{
  g_return_val_if_fail (tls <= SEC_TLS_DISABLE, tls_names[SEC_TLS_VERIFY_FULL]);
  return tls_names[tls];
}

gboolean
sec_tls_mode_from_string (const char *text,
                          SecTlsMode *tls)
{
  for (guint i = 0; i < G_N_ELEMENTS (tls_names); i++)
    if (g_strcmp0 (text, tls_names[i]) == 0)
      {
        *tls = i;
        return TRUE;
      }
  return FALSE;
}

SecSharedDatabase *
sec_shared_database_new (void)
{
  SecSharedDatabase *db = g_new0 (SecSharedDatabase, 1);

  db->tls = SEC_TLS_VERIFY_FULL;
  return db;
}

SecSharedDatabase *
sec_shared_database_copy (const SecSharedDatabase *db)
{
  SecSharedDatabase *copy = sec_shared_database_new ();

  copy->host = g_strdup (db->host);
  copy->port = db->port;
  copy->database = g_strdup (db->database);
  copy->user = g_strdup (db->user);
  copy->tls = db->tls;
  copy->options = g_strdupv (db->options);
  return copy;
}

void
sec_shared_database_free (SecSharedDatabase *db)
{
  if (db == NULL)
    return;
  g_free (db->host);
  g_free (db->database);
  g_free (db->user);
  g_strfreev (db->options);
  g_free (db);
}

gboolean
sec_shared_database_is_uri (const char *location)
{
  return sec_engine_is_server_uri (location);
}

/* g_set_str () is GLib 2.76. */
static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

static gboolean
parse_port (const char *text,
            guint      *port)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 65535, &value, NULL))
    return FALSE;
  *port = value;
  return TRUE;
}

SecSharedDatabase *
sec_shared_database_parse (const char  *uri,
                           char       **password,
                           GError     **error)
{
  g_autoptr(SecSharedDatabase) db = sec_shared_database_new ();
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pass = NULL;
  const char *path, *query, *sslmode = g_getenv ("PGSSLMODE");

  g_return_val_if_fail (uri != NULL, NULL);

  if (!sec_shared_database_is_uri (uri))
    {
      invalid (error, _("A shared database’s address starts with “postgresql://”."));
      return NULL;
    }
  parsed = g_uri_parse (uri, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_NON_DNS, NULL);
  if (parsed == NULL)
    {
      invalid (error, _("The shared database’s address is not valid: write it as postgresql://user@server/database."));
      return NULL;
    }
  db->host = g_strdup (g_uri_get_host (parsed));
  if (db->host != NULL && db->host[0] == '\0')
    g_clear_pointer (&db->host, g_free);
  if (g_uri_get_port (parsed) > 0)
    db->port = g_uri_get_port (parsed);
  db->user = g_strdup (g_uri_get_user (parsed));
  pass = g_strdup (g_uri_get_password (parsed));
  path = g_uri_get_path (parsed);
  if (path[0] == '/' && path[1] != '\0')
    db->database = g_strdup (path + 1);

  query = g_uri_get_query (parsed);
  if (query != NULL && query[0] != '\0')
    {
      g_auto(GStrv) pairs = g_strsplit (query, "&", -1);

      for (guint i = 0; pairs[i] != NULL; i++)
        {
          g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;

          if (kv[0] == NULL || kv[0][0] == '\0')
            continue;
          key = g_uri_unescape_string (kv[0], NULL);
          value = kv[1] != NULL ? g_uri_unescape_string (kv[1], NULL) : g_strdup ("");
          if (key == NULL || value == NULL)
            {
              invalid (error, _("The shared database’s address is not valid: a value in it is badly encoded."));
              return NULL;
            }
          if (g_str_equal (key, "host"))
            set_str (&db->host, value[0] != '\0' ? value : NULL);
          else if (g_str_equal (key, "port"))
            {
              if (!parse_port (value, &db->port))
                {
                  invalid (error, _("The port must be a number from 1 to 65535."));
                  return NULL;
                }
            }
          else if (g_str_equal (key, "dbname"))
            set_str (&db->database, value);
          else if (g_str_equal (key, "user"))
            set_str (&db->user, value);
          else if (g_str_equal (key, "password"))
            set_str (&pass, value);
          else if (g_str_equal (key, "sslmode"))
            sslmode = g_intern_string (value);
          else
            g_ptr_array_add (options, g_strdup (pairs[i]));
        }
    }
  if (sslmode != NULL && !sec_tls_mode_from_string (sslmode, &db->tls))
    {
      /* libpq's "allow" and "prefer" accept a server without checking
       * it, and a server that does not encrypt: say what we offer. */
      invalid (error, _("The connection’s protection (sslmode) must be verify-full, verify-ca, require or disable."));
      return NULL;
    }
  g_ptr_array_add (options, NULL);
  db->options = (char **) g_ptr_array_free (g_steal_pointer (&options), FALSE);
  if (db->options[0] == NULL)
    g_clear_pointer (&db->options, g_strfreev);

  /* What the address leaves out, libpq takes from the environment. */
  if (db->host == NULL)
    db->host = g_strdup (g_getenv ("PGHOST"));
  if (db->port == 0 && g_getenv ("PGPORT") != NULL)
    (void) parse_port (g_getenv ("PGPORT"), &db->port);
  if (db->database == NULL)
    db->database = g_strdup (g_getenv ("PGDATABASE"));
  if (db->user == NULL)
    db->user = g_strdup (g_getenv ("PGUSER"));
  if (db->user == NULL)
    db->user = g_strdup (g_get_user_name ());
  if (db->database == NULL)
    db->database = g_strdup (db->user);

  if (password != NULL)
    *password = g_steal_pointer (&pass);
  return g_steal_pointer (&db);
}

static void
append_param (GString    *out,
              const char *key,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (out, strchr (out->str, '?') != NULL ? '&' : '?');
  g_string_append_printf (out, "%s=%s", key, escaped);
}

static GString *
build_uri (const SecSharedDatabase *db)
{
  GString *out = g_string_new ("postgresql://");
  gboolean socket = db->host != NULL && db->host[0] == '/';

  if (db->user != NULL && db->user[0] != '\0')
    {
      g_autofree char *user = g_uri_escape_string (db->user, NULL, FALSE);
      g_string_append_printf (out, "%s@", user);
    }
  if (db->host != NULL && !socket)
    {
      if (strchr (db->host, ':') != NULL)
        g_string_append_printf (out, "[%s]", db->host);
      else
        {
          g_autofree char *host = g_uri_escape_string (db->host, NULL, FALSE);
          g_string_append (out, host);
        }
      if (db->port != 0)
        g_string_append_printf (out, ":%u", db->port);
    }
  g_string_append_c (out, '/');
  if (db->database != NULL)
    {
      g_autofree char *name = g_uri_escape_string (db->database, NULL, FALSE);
      g_string_append (out, name);
    }
  if (socket)
    {
      append_param (out, "host", db->host);
      if (db->port != 0)
        {
          g_autofree char *port = g_strdup_printf ("%u", db->port);
          append_param (out, "port", port);
        }
    }
  append_param (out, "sslmode", sec_tls_mode_to_string (db->tls));
  for (guint i = 0; db->options != NULL && db->options[i] != NULL; i++)
    g_string_append_printf (out, "&%s", db->options[i]);
  return out;
}

char *
sec_shared_database_to_uri (const SecSharedDatabase *db)
{
  return g_string_free (build_uri (db), FALSE);
}

char *
sec_shared_database_to_conninfo (const SecSharedDatabase *db,
                                 const char              *password)
{
  GString *out = build_uri (db);
  g_autofree char *timeout = g_strdup_printf ("%d", CONNECT_TIMEOUT);

  if (password != NULL && password[0] != '\0')
    append_param (out, "password", password);
  for (guint i = 0; db->options != NULL && db->options[i] != NULL; i++)
    if (g_str_has_prefix (db->options[i], "connect_timeout="))
      return g_string_free (out, FALSE);
  append_param (out, "connect_timeout", timeout);
  return g_string_free (out, FALSE);
}

gboolean
sec_shared_database_check (const SecSharedDatabase *db,
                           GError                 **error)
{
  g_autofree char *host = g_strstrip (g_strdup (db->host != NULL ? db->host : ""));

  if (host[0] == '\0')
    return invalid (error, _("Give the server’s name or address."));
  if (db->port > 65535)
    return invalid (error, _("The port must be a number from 1 to 65535."));
  if (db->database == NULL || db->database[0] == '\0')
    return invalid (error, _("Give the database’s name."));
  if (db->user == NULL || db->user[0] == '\0')
    return invalid (error, _("Give the user name."));
  return TRUE;
}

char *
sec_shared_database_describe (const SecSharedDatabase *db)
{
  if (db->host == NULL || db->host[0] == '/')
    /* Translators: a shared database on a server of this computer. */
    return g_strdup_printf (_("%s on this computer"), db->database);
  /* Translators: the first %s is a database's name, the second a server's. */
  return g_strdup_printf (_("%s on %s"), db->database, db->host);
}

char *
sec_shared_database_describe_location (const char *location,
                                       gboolean    whole_path)
{
  if (sec_shared_database_is_uri (location))
    {
      g_autoptr(SecSharedDatabase) db = sec_shared_database_parse (location, NULL, NULL);

      /* Never the address itself: it may hold a password. */
      return db != NULL ? sec_shared_database_describe (db) : g_strdup (_("Shared database"));
    }
  return whole_path ? g_filename_display_name (location) : g_filename_display_basename (location);
}

/* The keyring */

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.secretariat.Secretariat.SharedDatabase", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };
  return &schema;
}

static GHashTable *
attributes (const SecSharedDatabase *db)
{
  return secret_attributes_build (password_schema (),
                                  "host", db->host != NULL ? db->host : "",
                                  "port", db->port != 0 ? (int) db->port : DEFAULT_PORT,
                                  "database", db->database != NULL ? db->database : "",
                                  "user", db->user != NULL ? db->user : "",
                                  NULL);
}

/* libsecret's errors speak of D-Bus: say what the user can do. */
static void
explain_keyring_error (GError **error)
{
  if (error == NULL || *error == NULL)
    return;
  g_prefix_error (error, "%s ", _("The keyring could not be reached, so the password cannot be kept there:"));
}

char *
sec_shared_database_lookup_password (const SecSharedDatabase *db,
                                     GCancellable            *cancellable,
                                     GError                 **error)
{
  g_autoptr(GHashTable) attrs = attributes (db);
  char *password = secret_password_lookupv_sync (password_schema (), attrs, cancellable, error);

  explain_keyring_error (error);
  return password;
}

gboolean
sec_shared_database_store_password (const SecSharedDatabase *db,
                                    const char              *password,
                                    GCancellable            *cancellable,
                                    GError                 **error)
{
  g_autoptr(GHashTable) attrs = attributes (db);
  g_autofree char *what = sec_shared_database_describe (db);
  /* Translators: the label of a password in the keyring (Passwords and
   * Keys); %s is "database on server". */
  g_autofree char *label = g_strdup_printf (_("Secretariat: %s"), what);

  if (!secret_password_storev_sync (password_schema (), attrs, SECRET_COLLECTION_DEFAULT,
                                    label, password, cancellable, error))
    {
      explain_keyring_error (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sec_shared_database_forget_password (const SecSharedDatabase *db,
                                     GCancellable            *cancellable,
                                     GError                 **error)
{
  g_autoptr(GHashTable) attrs = attributes (db);
  g_autoptr(GError) local = NULL;

  /* FALSE without an error: there was nothing to forget. */
  if (!secret_password_clearv_sync (password_schema (), attrs, cancellable, &local) && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      explain_keyring_error (error);
      return FALSE;
    }
  return TRUE;
}

/* Opening */

SecStore *
sec_shared_database_open_store (const SecSharedDatabase *db,
                                const char              *password,
                                gboolean                 for_reading,
                                GError                 **error)
{
  g_autofree char *kept = NULL;
  g_autofree char *conninfo = NULL;
  SecStore *store;

  if (!sec_shared_database_check (db, error))
    return NULL;
  if (password == NULL || password[0] == '\0')
    {
      g_autoptr(GError) keyring_error = NULL;

      /* No keyring is no reason not to try: the server may not ask. */
      kept = sec_shared_database_lookup_password (db, NULL, &keyring_error);
      if (keyring_error != NULL)
        g_debug ("%s", keyring_error->message);
      password = kept;
    }
  conninfo = sec_shared_database_to_conninfo (db, password);
  store = for_reading ? sec_store_open_for_reading (conninfo, error) : sec_store_open (conninfo, error);
  if (store != NULL)
    {
      g_autofree char *uri = sec_shared_database_to_uri (db);

      _sec_store_set_path (store, uri);
    }
  return store;
}

SecStore *
sec_shared_database_open (const char  *uri,
                          gboolean     for_reading,
                          GError     **error)
{
  g_autofree char *password = NULL;
  g_autoptr(SecSharedDatabase) db = sec_shared_database_parse (uri, &password, error);

  if (db == NULL)
    return NULL;
  return sec_shared_database_open_store (db, password, for_reading, error);
}
