/* sec-engine-pg-schema.c: a server database's schema and state
 *
 * Part of the PostgreSQL engine (sec-engine-pg-private.h): what the store
 * reads and changes of a database as a whole when it opens one: the schema
 * version (the table secretariat_schema, PRAGMA user_version in SQLite),
 * its tables, whether it may be written, the SQL functions the store's SQL
 * calls, the migrations, the references between tables. Moved out of
 * sec-engine-pg.c, which runs the statements.
 */
#define G_LOG_DOMAIN "sec-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <stdlib.h>

#define SEC_ENGINE_PREFIX pg
#include "core/store/sec-engine-class.h"
#include "core/store/sec-engine-pg-private.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store-error.h"

/* Opening a store's database */

/* Reads the one integer @sql returns. */
static gboolean
read_int (SecEngine   *engine,
          const char  *sql,
          int         *value,
          GError     **error)
{
  PGresult *res;

  if (!_sec_engine_pg_check_open (engine, error))
    return FALSE;
  if ((res = _sec_engine_pg_run_simple (engine, sql, error)) == NULL)
    return FALSE;
  *value = PQntuples (res) > 0 && !PQgetisnull (res, 0, 0) ? atoi (PQgetvalue (res, 0, 0)) : 0;
  PQclear (res);
  return TRUE;
}

gboolean
sec_engine_get_schema_version (SecEngine  *engine,
                               int        *version,
                               GError    **error)
{
  gboolean has = FALSE;

  g_return_val_if_fail (version != NULL, FALSE);

  *version = 0;
  if (!sec_engine_has_table (engine, "secretariat_schema", &has, error))
    return FALSE;
  if (!has)
    return TRUE;
  return read_int (engine, "SELECT max(version) FROM secretariat_schema", version, error);
}

gboolean
sec_engine_count_tables (SecEngine  *engine,
                         int        *n_tables,
                         GError    **error)
{
  g_return_val_if_fail (n_tables != NULL, FALSE);

  return read_int (engine,
                   "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                   " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                   n_tables, error);
}

gboolean
sec_engine_has_table (SecEngine   *engine,
                      const char  *table,
                      gboolean    *has_table,
                      GError     **error)
{
  const char *values[1] = { table };
  PGresult *res;

  g_return_val_if_fail (table != NULL && has_table != NULL, FALSE);

  if (!_sec_engine_pg_check_open (engine, error))
    return FALSE;
  res = PQexecParams (engine->conn,
                      "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                      " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname = $1",
                      1, NULL, values, NULL, NULL, 0);
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      _sec_engine_pg_set_error (engine, res, error);
      PQclear (res);
      return FALSE;
    }
  *has_table = atoi (PQgetvalue (res, 0, 0)) > 0;
  PQclear (res);
  return TRUE;
}

/* The server checks its own pages (checksums, WAL); a client cannot. */
gboolean
sec_engine_check_integrity (SecEngine  *engine,
                            GError    **error)
{
  return _sec_engine_pg_check_open (engine, error);
}

gboolean
sec_engine_check_writable (SecEngine  *engine,
                           GError    **error)
{
  PGresult *res;
  gboolean read_only;

  if (!_sec_engine_pg_check_open (engine, error))
    return FALSE;
  if ((res = _sec_engine_pg_run_simple (engine, "SELECT current_setting('transaction_read_only') = 'on' OR pg_is_in_recovery()",
                         error)) == NULL)
    return FALSE;
  read_only = g_str_equal (PQgetvalue (res, 0, 0), "t");
  PQclear (res);
  if (read_only)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_READ_ONLY,
                   _("The database on %s can only be read (the server or your account allows no changes)"),
                   engine->display);
      return FALSE;
    }
  return TRUE;
}

/* A server keeps its own log and enforces references always; what the
 * connection needs is the functions SQLite has and the store's SQL calls
 * (sec-schema-pg.c). */
gboolean
sec_engine_configure (SecEngine  *engine,
                      GError    **error)
{
  return _sec_engine_pg_check_open (engine, error) && sec_engine_exec (engine, sec_schema_get_pg_functions (), error);
}

/* Migrations change tables in place (ALTER TABLE) rather than rebuilding
 * them, so references stay enforced throughout. */
gboolean
sec_engine_set_foreign_keys (SecEngine  *engine,
                             gboolean    enforce,
                             GError    **error)
{
  return _sec_engine_pg_check_open (engine, error);
}

gboolean
sec_engine_apply_migration (SecEngine   *engine,
                            const char  *migration,
                            int          version,
                            GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) local_error = NULL;
  PGresult *res;

  g_return_val_if_fail (migration != NULL, FALSE);

  if (!_sec_engine_pg_check_open (engine, error))
    return FALSE;
  sql = g_strdup_printf ("BEGIN;"
                         "CREATE TABLE IF NOT EXISTS secretariat_schema (version integer NOT NULL);"
                         "%s;"
                         "DELETE FROM secretariat_schema;"
                         "INSERT INTO secretariat_schema (version) VALUES (%d);"
                         "COMMIT", migration, version);
  if ((res = _sec_engine_pg_run_simple (engine, sql, &local_error)) == NULL)
    {
      PQclear (PQexec (engine->conn, "ROLLBACK"));
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_MIGRATION, engine->last_message);
      return FALSE;
    }
  PQclear (res);
  return TRUE;
}

gboolean
sec_engine_backup_to_full (SecEngine        *engine,
                           const char       *dest,
                           SecProgressFunc   progress,
                           gpointer          progress_data,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                       _("A shared database is backed up on its server (pg_dump), not by Secretariat"));
  return FALSE;
}

void
sec_engine_retake_locks (SecEngine *engine)
{
}

gboolean
sec_engine_file_in_use (const char *path)
{
  return FALSE;
}

/* The schema */

GArray *
sec_engine_list_foreign_keys (SecEngine  *engine,
                              GError    **error)
{
  g_autoptr(GArray) keys = NULL;
  PGresult *res;

  if (!_sec_engine_pg_check_open (engine, error))
    return NULL;
  res = _sec_engine_pg_run_simple (engine,
                    "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text,"
                    "  CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'"
                    "    WHEN 'r' THEN 'RESTRICT' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END"
                    " FROM pg_constraint c"
                    " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                    " WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace"
                    " ORDER BY 1, 2", error);
  if (res == NULL)
    return NULL;
  keys = g_array_new (FALSE, FALSE, sizeof (SecForeignKey));
  g_array_set_clear_func (keys, _sec_engine_clear_foreign_key);
  for (int i = 0; i < PQntuples (res); i++)
    {
      SecForeignKey fk = {
        g_strdup (PQgetvalue (res, i, 0)),
        g_strdup (PQgetvalue (res, i, 1)),
        g_strdup (PQgetvalue (res, i, 2)),
        g_strdup (PQgetvalue (res, i, 3)),
      };
      g_array_append_val (keys, fk);
    }
  PQclear (res);
  return g_steal_pointer (&keys);
}
