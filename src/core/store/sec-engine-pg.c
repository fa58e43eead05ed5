/* sec-engine-pg.c: the store's engine for a database on a PostgreSQL server
 *
 * The only file of the application that includes libpq-fe.h (the layer
 * test, tests/check-layers.py, keeps it so). It implements sec-engine.h
 * over one libpq connection: SQLite's ?1 placeholders become $1, prepared
 * statements are kept on the server under names cached here, SQLSTATEs are
 * mapped onto SecStoreError and SecConstraint, and failing to connect is
 * said in words (server unreachable, wrong password, certificate not
 * trusted).
 *
 * What SQLite gives for free and a server does not is made up here:
 * - the id of the row an INSERT made: each INSERT gets "RETURNING *" and
 *   its "id" column is kept, rows not shown to the caller;
 * - a failed statement inside a transaction leaves the transaction usable
 *   (SQLite undoes that statement only; PostgreSQL would abort it all):
 *   each write inside a transaction, and each read the first time it runs,
 *   runs under a savepoint of its own;
 * - the collation sec_locale is the server's ICU collation of the user's
 *   locale ("fr-FR-x-icu"), or ICU's root order when it has none;
 * - parameters have no declared type: integers go as int8, reals as
 *   float8, text as "unknown" (the server infers it from where it stands);
 *   where it cannot, the statement is prepared again with text as text.
 * The database as a whole (its schema version, PRAGMA user_version in
 * SQLite, kept in the table secretariat_schema; its tables, migrations and
 * references) is read and changed in sec-engine-pg-schema.c; statements
 * are prepared, run and read in sec-engine-pg-stmt.c.
 */
#define G_LOG_DOMAIN "sec-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>

/* Names of its own for sec-engine.h's functions (sec-engine-class.h). */
#define SEC_ENGINE_PREFIX pg
#include "core/store/sec-engine-class.h"
#include "core/store/sec-engine-pg-private.h"
#include "core/base/sec-fold.h"
#include "core/store/sec-store-error.h"

/* Errors */

static void
forget_error (SecEngine *engine)
{
  g_clear_pointer (&engine->last_state, g_free);
  g_clear_pointer (&engine->last_message, g_free);
  g_clear_pointer (&engine->last_detail, g_free);
}

/* Sets @error from a failed @result (or the connection's message). */
gboolean
_sec_engine_pg_set_error (SecEngine  *engine,
           PGresult   *result,
           GError    **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *msg = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  int code = SEC_STORE_ERROR_FAILED;

  forget_error (engine);
  engine->last_state = g_strdup (state ? state : "");
  if (msg == NULL)
    {
      /* libpq's own message ends with a newline. */
      engine->last_message = g_strstrip (g_strdup (PQerrorMessage (engine->conn)));
    }
  else
    engine->last_message = g_strdup (msg);
  if (result != NULL && PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL) != NULL)
    engine->last_detail = g_strdup (PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL));

  if (state != NULL)
    {
      if (g_str_has_prefix (state, "23") || g_str_equal (state, "P0001"))
        code = SEC_STORE_ERROR_CONSTRAINT;
      else if (g_str_equal (state, "25006") || g_str_equal (state, "42501"))
        code = SEC_STORE_ERROR_READ_ONLY;
    }
  if (PQstatus (engine->conn) != CONNECTION_OK)
    {
      _sec_engine_pg_connection_lost (engine);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   _("The connection to the database server was lost: %s"), engine->last_message);
      return FALSE;
    }
  if (code == SEC_STORE_ERROR_READ_ONLY)
    {
      /* A read-only session (an account that may only read, see
       * sec-store.c) or a table the account was not granted. */
      g_set_error (error, SEC_STORE_ERROR, code,
                   _("Your account may only read the database on %s: nothing was changed"), engine->display);
      return FALSE;
    }
  g_set_error (error, SEC_STORE_ERROR, code, _("Database error: %s"), engine->last_message);
  return FALSE;
}

gboolean
_sec_engine_pg_check_open (SecEngine  *engine,
            GError    **error)
{
  if (engine != NULL && engine->conn != NULL && engine->lost)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   _("The connection to the database server %s was lost; Secretariat is connecting again. Try again in a moment"),
                   engine->display);
      return FALSE;
    }
  if (engine != NULL && engine->conn != NULL)
    return TRUE;
  g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                       _("The database is closed"));
  return FALSE;
}

/* Sets @error for a connection that failed: what is wrong, in words the
 * user can act on. libpq gives no SQLSTATE before a session exists, so its
 * message is read. */
static void
set_connect_error (PGconn      *conn,
                   const char  *display,
                   GError     **error)
{
  g_autofree char *why = g_strstrip (g_strdelimit (g_strdup (conn ? PQerrorMessage (conn) : ""), "\n\t", ' '));
  const char *user = conn && PQuser (conn) ? PQuser (conn) : "";
  const char *db = conn && PQdb (conn) ? PQdb (conn) : "";

  if (strstr (why, "password authentication failed") || strstr (why, "no password supplied") ||
      strstr (why, "authentication failed for user"))
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                 _("The database server %s refused the password of user “%s”; check the user name and the password"),
                 display, user);
  else if (strstr (why, "certificate verify failed") || strstr (why, "root certificate file") ||
           strstr (why, "server certificate for") || strstr (why, "certificate"))
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                 _("The certificate of the database server %s is not trusted (%s); ask your IT department for its certificate authority"),
                 display, why);
  else if (strstr (why, "database \"") && strstr (why, "does not exist"))
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                 _("The database server %s has no database named “%s”; ask your IT department to create it"),
                 display, db);
  else if (strstr (why, "role \"") && strstr (why, "does not exist"))
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                 _("The database server %s has no user named “%s”"), display, user);
  else if (strstr (why, "Connection refused") || strstr (why, "could not connect") ||
           strstr (why, "could not translate host name") || strstr (why, "timeout") ||
           strstr (why, "No such file or directory") || strstr (why, "Network is unreachable") ||
           strstr (why, "No route to host") || strstr (why, "connection to server"))
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                 _("The database server %s cannot be reached; check the server's name and port and the network (%s)"),
                 display, why);
  else
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                 _("Could not connect to the database server %s: %s"), display, why);
}

/* The server of @conn for messages: “host:port”, or the folder of its
 * socket on this computer; never the user or password. */
static char *
describe (PGconn *conn)
{
  const char *host = PQhost (conn);
  const char *port = PQport (conn);

  if (host == NULL || host[0] == '\0')
    host = "localhost";
  if (host[0] == '/')
    return g_strdup_printf ("“%s”", host);
  return g_strdup_printf ("“%s:%s”", host, port != NULL && port[0] != '\0' ? port : "5432");
}

/* Notices (a table that already exists...) are not the user's concern. */
static void
ignore_notice (void       *data,
               const char *message)
{
}

/* The server's ICU collation for the user's locale (sec_collate_locale (),
 * "fr_BE.UTF-8" -> "fr-BE-x-icu", else "fr-x-icu"), ICU's root order
 * ("und-x-icu") when it has neither, "C" for the C locale. (transfer full) */
static char *
find_collation (PGconn *conn)
{
  const char *locale = sec_collate_locale ();
  g_autofree char *tag = g_strndup (locale, strcspn (locale, ".@"));
  g_autofree char *full = NULL;
  g_autofree char *language = NULL;
  const char *values[2];
  PGresult *res;
  char *name;

  if (g_str_equal (tag, "C") || g_str_equal (tag, "POSIX"))
    return g_strdup ("\"C\"");
  g_strdelimit (tag, "_", '-');
  full = g_strconcat (tag, "-x-icu", NULL);
  language = g_strndup (tag, strcspn (tag, "-"));
  values[0] = full;
  values[1] = language;
  res = PQexecParams (conn,
                      "SELECT collname FROM pg_collation WHERE collprovider = 'i'"
                      " AND collname IN ($1, $2 || '-x-icu', 'und-x-icu')"
                      " ORDER BY collname = $1 DESC, collname = 'und-x-icu' LIMIT 1",
                      2, NULL, values, NULL, NULL, 0);
  if (PQresultStatus (res) == PGRES_TUPLES_OK && PQntuples (res) == 1)
    name = g_strdup_printf ("\"%s\"", PQgetvalue (res, 0, 0));
  else
    name = g_strdup ("\"C\"");
  PQclear (res);
  return name;
}

/* Connections */


SecEngine *
sec_engine_open (const char          *path,
                 SecEngineOpenFlags   flags,
                 GError             **error)
{
  SecEngine *engine;
  PGconn *conn;

  g_return_val_if_fail (path != NULL, NULL);

  conn = PQconnectdb (path);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *display = conn ? describe (conn) : g_strdup ("");

      set_connect_error (conn, display, error);
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);

  engine = g_new0 (SecEngine, 1);
  engine->klass = &_sec_engine_pg_class;
  engine->conn = conn;
  engine->flags = flags;
  engine->display = describe (conn);
  engine->collation = find_collation (conn);
  engine->statements = sec_stmt_cache_new (_sec_engine_pg_stmt_mark_offset (), _sec_engine_pg_finalize_statement);
  engine->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!_sec_engine_pg_setup_session (engine, error))
    {
      sec_engine_close (engine);
      return NULL;
    }
  return engine;
}

gboolean
_sec_engine_pg_setup_session (SecEngine  *engine,
                              GError    **error)
{
  PGconn *conn = engine->conn;
  SecEngineOpenFlags flags = engine->flags;
  PGresult *res;

  /* Dates and texts as the application writes them; a read-only
   * connection cannot write even by mistake. */
  {
    /* The session's zone is the user's, as SQLite's 'localtime' is; UTC
     * is asked for by name where the SQL wants it. */
    g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
    const char *zone_id = g_time_zone_get_identifier (zone);
    g_autofree char *quoted = NULL;
    g_autofree char *setup = NULL;
    char *escaped;

    if (zone_id == NULL || zone_id[0] == '\0' || zone_id[0] == '/' || strchr (zone_id, ':') != NULL)
      zone_id = "UTC";
    escaped = PQescapeLiteral (conn, zone_id, strlen (zone_id));
    quoted = g_strdup (escaped);
    PQfreemem (escaped);
    setup = g_strdup_printf ("SET client_encoding = 'UTF8'; SET TIME ZONE %s;"
                             " SET default_transaction_read_only = %s",
                             quoted, (flags & SEC_ENGINE_OPEN_READ_ONLY) ? "on" : "off");
    res = PQexec (conn, setup);
  }
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      /* A zone the server does not know: UTC. */
      PQclear (res);
      res = PQexec (conn, (flags & SEC_ENGINE_OPEN_READ_ONLY)
                          ? "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET default_transaction_read_only = on"
                          : "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
    }
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      _sec_engine_pg_set_error (engine, res, error);
      PQclear (res);
      return FALSE;
    }
  PQclear (res);
  /* No parallel plans: a list reads a page, and counts at most a few
   * hundred thousand index entries, which one process does in 16 ms;
   * starting workers for it took 120-170 ms on a busy server of two
   * cores (README, "Speed at scale"). */
  res = PQexec (conn, "SET max_parallel_workers_per_gather = 0");
  PQclear (res);
  return TRUE;
}

void
sec_engine_close (SecEngine *engine)
{
  if (engine == NULL)
    return;
  _sec_engine_pg_unwatch (engine);
  sec_stmt_cache_free (engine->statements);
  g_hash_table_destroy (engine->prepared);
  PQfinish (engine->conn);
  forget_error (engine);
  g_free (engine->display);
  g_free (engine->collation);
  g_free (engine);
}

/* Runs @sql (statements without parameters); returns the result to clear,
 * or NULL with @error set. */
PGresult *
_sec_engine_pg_run_simple (SecEngine   *engine,
            const char  *sql,
            GError     **error)
{
  PGresult *res = PQexec (engine->conn, sql);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
    {
      _sec_engine_pg_set_error (engine, res, error);
      PQclear (res);
      return NULL;
    }
  return res;
}

gboolean
sec_engine_exec (SecEngine   *engine,
                 const char  *sql,
                 GError     **error)
{
  PGresult *res;

  g_return_val_if_fail (sql != NULL, FALSE);

  if (!_sec_engine_pg_check_open (engine, error))
    return FALSE;
  /* SQLite's way of taking the write lock at once; a server's rows are
   * locked as they are written. */
  if (g_ascii_strcasecmp (sql, "BEGIN IMMEDIATE") == 0)
    sql = "BEGIN";
  /* SQLite's settings of a connection or a file (secure_delete, a log's
   * checkpoint) have no meaning for a server, which keeps its own. */
  if (g_ascii_strncasecmp (sql, "PRAGMA ", 7) == 0)
    return TRUE;
  if ((res = _sec_engine_pg_run_simple (engine, sql, error)) == NULL)
    return FALSE;
  engine->changes = g_ascii_strtoll (PQcmdTuples (res), NULL, 10);
  PQclear (res);
  return TRUE;
}

gint64
sec_engine_last_insert_id (SecEngine *engine)
{
  return engine->last_insert_id;
}

gint64
sec_engine_changes (SecEngine *engine)
{
  return engine->changes;
}

/* Failures */

SecConstraint
sec_engine_get_failed_constraint (SecEngine  *engine,
                                  char      **column)
{
  g_return_val_if_fail (engine != NULL, SEC_CONSTRAINT_OTHER);

  if (column != NULL)
    *column = NULL;
  if (engine->last_state == NULL)
    return SEC_CONSTRAINT_OTHER;
  if (g_str_equal (engine->last_state, "23505"))
    {
      /* "Key (call_id, organisation_id)=(1, 2) already exists.": the last
       * column, as SQLite names it. */
      const char *open = engine->last_detail ? strchr (engine->last_detail, '(') : NULL;
      const char *close = open ? strchr (open, ')') : NULL;

      if (column != NULL && close != NULL)
        {
          g_autofree char *list = g_strndup (open + 1, close - open - 1);
          const char *last = strrchr (list, ' ') ? strrchr (list, ' ') + 1 : list;

          *column = g_strdup (last);
        }
      return SEC_CONSTRAINT_UNIQUE;
    }
  if (g_str_equal (engine->last_state, "23503"))
    return SEC_CONSTRAINT_FOREIGN_KEY;
  if (g_str_equal (engine->last_state, "P0001"))
    return SEC_CONSTRAINT_TRIGGER;
  return SEC_CONSTRAINT_OTHER;
}

const char *
sec_engine_get_error_message (SecEngine *engine)
{
  g_return_val_if_fail (engine != NULL, "");

  return engine->last_message != NULL ? engine->last_message : "";
}
