/* sec-engine-dispatch.c: the engine line's calls, handed to the connection's engine
 *
 * sec-engine.h is implemented once per engine (sec-engine-sqlite.c,
 * sec-engine-pg.c) under names of their own (sec-engine-class.h); this
 * file defines the public names and passes each call on to the class that
 * opened the connection, found in the first member of every SecEngine and
 * SecStmt. A value kept for later (SecValue) carries its class too.
 */
#define G_LOG_DOMAIN "sec-engine"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-engine-class.h"
#include "core/store/sec-store-error.h"

#define CLASS(object) (*(const SecEngineClass * const *) (object))

struct _SecValue
{
  const SecEngineClass *klass;
  SecValue             *value; /* the engine's own */
};

void
_sec_engine_clear_foreign_key (gpointer data)
{
  SecForeignKey *fk = data;

  g_free (fk->table);
  g_free (fk->column);
  g_free (fk->target);
  g_free (fk->on_delete);
}

gboolean
sec_engine_is_server_uri (const char *path)
{
  return path != NULL &&
         (g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://"));
}

gboolean
sec_engine_has_server_support (void)
{
#ifdef HAVE_LIBPQ
  return TRUE;
#else
  return FALSE;
#endif
}

SecEngineKind
sec_engine_get_kind (SecEngine *engine)
{
  g_return_val_if_fail (engine != NULL, SEC_ENGINE_SQLITE);

  return CLASS (engine)->kind;
}

SecEngine *
sec_engine_open (const char          *path,
                 SecEngineOpenFlags   flags,
                 GError             **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (sec_engine_is_server_uri (path))
    {
#ifdef HAVE_LIBPQ
      return _sec_engine_pg_class.engine_open (path, flags, error);
#else
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                           _("This copy of Secretariat was built without PostgreSQL support; it can open database files only"));
      return NULL;
#endif
    }
  return _sec_engine_sqlite_class.engine_open (path, flags, error);
}

void
sec_engine_close (SecEngine *engine)
{
  if (engine != NULL)
    CLASS (engine)->engine_close (engine);
}

gboolean
sec_engine_exec (SecEngine *engine, const char *sql, GError **error)
{
  return CLASS (engine)->engine_exec (engine, sql, error);
}

gint64
sec_engine_last_insert_id (SecEngine *engine)
{
  return CLASS (engine)->engine_last_insert_id (engine);
}

gint64
sec_engine_changes (SecEngine *engine)
{
  return CLASS (engine)->engine_changes (engine);
}

gboolean
sec_engine_get_schema_version (SecEngine *engine, int *version, GError **error)
{
  return CLASS (engine)->engine_get_schema_version (engine, version, error);
}

gboolean
sec_engine_count_tables (SecEngine *engine, int *n_tables, GError **error)
{
  return CLASS (engine)->engine_count_tables (engine, n_tables, error);
}

gboolean
sec_engine_has_table (SecEngine *engine, const char *table, gboolean *has_table, GError **error)
{
  return CLASS (engine)->engine_has_table (engine, table, has_table, error);
}

gboolean
sec_engine_check_integrity (SecEngine *engine, GError **error)
{
  return CLASS (engine)->engine_check_integrity (engine, error);
}

gboolean
sec_engine_check_writable (SecEngine *engine, GError **error)
{
  return CLASS (engine)->engine_check_writable (engine, error);
}

gboolean
sec_engine_configure (SecEngine *engine, GError **error)
{
  return CLASS (engine)->engine_configure (engine, error);
}

gboolean
sec_engine_set_foreign_keys (SecEngine *engine, gboolean enforce, GError **error)
{
  return CLASS (engine)->engine_set_foreign_keys (engine, enforce, error);
}

gboolean
sec_engine_apply_migration (SecEngine *engine, const char *sql, int version, GError **error)
{
  return CLASS (engine)->engine_apply_migration (engine, sql, version, error);
}

gboolean
sec_engine_backup_to (SecEngine *engine, const char *dest, GError **error)
{
  return CLASS (engine)->engine_backup_to_full (engine, dest, NULL, NULL, NULL, error);
}

gboolean
sec_engine_backup_to_full (SecEngine *engine, const char *dest, SecProgressFunc progress,
                           gpointer progress_data, GCancellable *cancellable, GError **error)
{
  return CLASS (engine)->engine_backup_to_full (engine, dest, progress, progress_data, cancellable, error);
}

void
sec_engine_retake_locks (SecEngine *engine)
{
  if (engine != NULL)
    CLASS (engine)->engine_retake_locks (engine);
}

gboolean
sec_engine_file_in_use (const char *path)
{
  /* A server is in use by many: it is never replaced by a file. */
  if (sec_engine_is_server_uri (path))
    return FALSE;
  return _sec_engine_sqlite_class.engine_file_in_use (path);
}

GArray *
sec_engine_list_foreign_keys (SecEngine *engine, GError **error)
{
  return CLASS (engine)->engine_list_foreign_keys (engine, error);
}

SecConstraint
sec_engine_get_failed_constraint (SecEngine *engine, char **column)
{
  return CLASS (engine)->engine_get_failed_constraint (engine, column);
}

const char *
sec_engine_get_error_message (SecEngine *engine)
{
  return CLASS (engine)->engine_get_error_message (engine);
}

gboolean
sec_engine_watch (SecEngine *engine, const char *channel, SecEngineWatchFunc func,
                  gpointer user_data, GError **error)
{
  if (CLASS (engine)->engine_watch == NULL)
    return FALSE;
  return CLASS (engine)->engine_watch (engine, channel, func, user_data, error);
}

gint64
sec_engine_get_cache_used (SecEngine *engine)
{
  if (CLASS (engine)->engine_get_cache_used == NULL)
    return 0;
  return CLASS (engine)->engine_get_cache_used (engine);
}

void
sec_engine_release_memory (SecEngine *engine)
{
  if (CLASS (engine)->engine_release_memory != NULL)
    CLASS (engine)->engine_release_memory (engine);
}

GStrv
sec_engine_drop_indexes_on (SecEngine *engine, const char *table, const char *column, GError **error)
{
  if (CLASS (engine)->engine_drop_indexes_on == NULL)
    return g_new0 (char *, 1);
  return CLASS (engine)->engine_drop_indexes_on (engine, table, column, error);
}

SecStmt *
sec_engine_prepare (SecEngine *engine, const char *sql, GError **error)
{
  return CLASS (engine)->engine_prepare (engine, sql, error);
}

SecStmt *
sec_engine_prepare_once (SecEngine *engine, const char *sql, GError **error)
{
  return CLASS (engine)->engine_prepare_once (engine, sql, error);
}

/* Statements */

void
sec_stmt_free (SecStmt *stmt)
{
  if (stmt != NULL)
    CLASS (stmt)->stmt_free (stmt);
}

void
sec_stmt_bind_int64 (SecStmt *stmt, int index, gint64 value)
{
  CLASS (stmt)->stmt_bind_int64 (stmt, index, value);
}

void
sec_stmt_bind_double (SecStmt *stmt, int index, double value)
{
  CLASS (stmt)->stmt_bind_double (stmt, index, value);
}

void
sec_stmt_bind_text (SecStmt *stmt, int index, const char *text)
{
  CLASS (stmt)->stmt_bind_text (stmt, index, text);
}

void
sec_stmt_bind_blob (SecStmt *stmt, int index, GBytes *bytes)
{
  CLASS (stmt)->stmt_bind_blob (stmt, index, bytes);
}

void
sec_stmt_bind_null (SecStmt *stmt, int index)
{
  CLASS (stmt)->stmt_bind_null (stmt, index);
}

SecStep
sec_stmt_step (SecStmt *stmt, GError **error)
{
  return CLASS (stmt)->stmt_step (stmt, error);
}

gboolean
sec_stmt_run (SecStmt *stmt, GError **error)
{
  return CLASS (stmt)->stmt_run (stmt, error);
}

SecValue *
sec_stmt_dup_value (SecStmt *stmt, int col)
{
  SecValue *inner = CLASS (stmt)->stmt_dup_value (stmt, col);
  SecValue *value;

  /* Out of memory in the engine: NULL, which the caller checks. */
  if (inner == NULL)
    return NULL;
  value = g_new (SecValue, 1);
  value->klass = CLASS (stmt);
  value->value = inner;
  return value;
}

void
sec_stmt_bind_value (SecStmt *stmt, int index, SecValue *value)
{
  g_return_if_fail (value->klass == CLASS (stmt));

  CLASS (stmt)->stmt_bind_value (stmt, index, value->value);
}

void
sec_value_free (SecValue *value)
{
  if (value == NULL)
    return;
  value->klass->value_free (value->value);
  g_free (value);
}

int
sec_stmt_n_columns (SecStmt *stmt)
{
  return CLASS (stmt)->stmt_n_columns (stmt);
}

const char *
sec_stmt_column_name (SecStmt *stmt, int col)
{
  return CLASS (stmt)->stmt_column_name (stmt, col);
}

gboolean
sec_stmt_is_null (SecStmt *stmt, int col)
{
  return CLASS (stmt)->stmt_is_null (stmt, col);
}

gint64
sec_stmt_get_int64 (SecStmt *stmt, int col)
{
  return CLASS (stmt)->stmt_get_int64 (stmt, col);
}

int
sec_stmt_get_int (SecStmt *stmt, int col)
{
  return CLASS (stmt)->stmt_get_int (stmt, col);
}

double
sec_stmt_get_double (SecStmt *stmt, int col)
{
  return CLASS (stmt)->stmt_get_double (stmt, col);
}

const char *
sec_stmt_get_text (SecStmt *stmt, int col)
{
  return CLASS (stmt)->stmt_get_text (stmt, col);
}

char *
sec_stmt_dup_text (SecStmt *stmt, int col)
{
  return CLASS (stmt)->stmt_dup_text (stmt, col);
}

GBytes *
sec_stmt_dup_blob (SecStmt *stmt, int col)
{
  return CLASS (stmt)->stmt_dup_blob (stmt, col);
}
