/* sec-engine-sqlite.c: the store's engine for a SQLite file
 *
 * The only file of the application that includes sqlite3.h (the layer test,
 * tests/check-layers.py, keeps it so). It implements sec-engine.h: the
 * connection, a cache of prepared statements, SQLite's result codes mapped
 * onto SecStoreError, and the sec_fold() function and sec_locale collation
 * the store's SQL uses.
 */
#define G_LOG_DOMAIN "sec-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "core/base/sec-fold.h"
#include "core/store/sec-engine-sqlite.h"
#include "core/store/sec-store-error.h"

struct _SecEngine
{
  sqlite3    *db;
  gboolean    owns_db;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt, not in use */
};

struct _SecStmt
{
  SecEngine    *engine;
  sqlite3_stmt *stmt;
  char         *cache_key;  /* the SQL text when it goes back to the cache */
};

/* Errors */

/* Sets @error from SQLite's result code @rc and the connection's message. */
gboolean
_sec_engine_set_error (SecEngine  *engine,
                       int         rc,
                       GError    **error)
{
  const char *msg = engine != NULL && engine->db != NULL
                    ? sqlite3_errmsg (engine->db) : sqlite3_errstr (rc);
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = SEC_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_NOTADB:
      code = SEC_STORE_ERROR_NOT_DATABASE;
      break;
    case SQLITE_CORRUPT:
      code = SEC_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = SEC_STORE_ERROR_READ_ONLY;
      break;
    default:
      code = SEC_STORE_ERROR_FAILED;
      break;
    }
  g_set_error (error, SEC_STORE_ERROR, code, _("Database error: %s"), msg);
  return FALSE;
}

static gboolean
check_open (SecEngine  *engine,
            GError    **error)
{
  if (engine != NULL && engine->db != NULL)
    return TRUE;
  g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                       _("The database is closed"));
  return FALSE;
}

/* SQL functions */

static void
fold_function (sqlite3_context *ctx,
               int              argc,
               sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  sqlite3_result_text (ctx, sec_fold (text), -1, g_free);
}

/* Both strings are UTF-8 of the given lengths, not NUL-terminated. */
static int
collate_locale (void       *data,
                int         len_a,
                const void *a,
                int         len_b,
                const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);
  g_autofree char *ka = sec_collate_key (sa);
  g_autofree char *kb = sec_collate_key (sb);

  return strcmp (ka, kb);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static SecEngine *
engine_new (sqlite3  *db,
            gboolean  owns_db)
{
  SecEngine *engine = g_new0 (SecEngine, 1);

  engine->db = db;
  engine->owns_db = owns_db;
  engine->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_create_function (db, "sec_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, fold_function, NULL, NULL);
  sqlite3_create_collation_v2 (db, "sec_locale", SQLITE_UTF8, NULL, collate_locale, NULL);
  return engine;
}

/* Connections */

SecEngine *
sec_engine_open (const char          *path,
                 SecEngineOpenFlags   flags,
                 GError             **error)
{
  sqlite3 *db = NULL;
  int open_flags = SQLITE_OPEN_NOFOLLOW;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  open_flags |= (flags & SEC_ENGINE_OPEN_READ_ONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  rc = sqlite3_open_v2 (path, &db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” cannot be opened: %s"), display,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  return engine_new (db, TRUE);
}

SecEngine *
_sec_engine_new_for_sqlite (struct sqlite3 *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return engine_new (db, FALSE);
}

struct sqlite3 *
_sec_engine_get_sqlite (SecEngine *engine)
{
  g_return_val_if_fail (engine != NULL, NULL);

  return engine->db;
}

void
sec_engine_close (SecEngine *engine)
{
  if (engine == NULL)
    return;
  g_hash_table_destroy (engine->statements);
  if (engine->owns_db)
    sqlite3_close (engine->db);
  g_free (engine);
}

gboolean
sec_engine_exec (SecEngine   *engine,
                 const char  *sql,
                 GError     **error)
{
  int rc;

  g_return_val_if_fail (sql != NULL, FALSE);

  if (!check_open (engine, error))
    return FALSE;
  rc = sqlite3_exec (engine->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _sec_engine_set_error (engine, rc, error);
  return TRUE;
}

gint64
sec_engine_last_insert_id (SecEngine *engine)
{
  g_return_val_if_fail (engine != NULL, 0);

  return sqlite3_last_insert_rowid (engine->db);
}

gint64
sec_engine_changes (SecEngine *engine)
{
  g_return_val_if_fail (engine != NULL, 0);

  return sqlite3_changes64 (engine->db);
}

/* Statements */

static SecStmt *
stmt_new (SecEngine    *engine,
          sqlite3_stmt *stmt,
          const char   *cache_key)
{
  SecStmt *s = g_new0 (SecStmt, 1);

  s->engine = engine;
  s->stmt = stmt;
  s->cache_key = g_strdup (cache_key);
  return s;
}

SecStmt *
sec_engine_prepare (SecEngine   *engine,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  char *key = NULL;
  int rc;

  g_return_val_if_fail (sql != NULL, NULL);

  if (!check_open (engine, error))
    return NULL;
  /* Taken out of the cache while in use, so that a second handle of the
   * same SQL (a nested call) gets a statement of its own. */
  if (g_hash_table_steal_extended (engine->statements, sql, (gpointer *) &key, (gpointer *) &stmt))
    {
      SecStmt *s = stmt_new (engine, stmt, NULL);
      s->cache_key = key;
      return s;
    }
  rc = sqlite3_prepare_v3 (engine->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sec_engine_set_error (engine, rc, error);
      return NULL;
    }
  return stmt_new (engine, stmt, sql);
}

SecStmt *
sec_engine_prepare_once (SecEngine   *engine,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (sql != NULL, NULL);

  if (!check_open (engine, error))
    return NULL;
  rc = sqlite3_prepare_v2 (engine->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sec_engine_set_error (engine, rc, error);
      return NULL;
    }
  return stmt_new (engine, stmt, NULL);
}

void
sec_stmt_free (SecStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (stmt->cache_key != NULL && stmt->engine->db != NULL &&
      !g_hash_table_contains (stmt->engine->statements, stmt->cache_key))
    {
      sqlite3_reset (stmt->stmt);
      sqlite3_clear_bindings (stmt->stmt);
      g_hash_table_insert (stmt->engine->statements, g_steal_pointer (&stmt->cache_key), stmt->stmt);
    }
  else
    {
      sqlite3_finalize (stmt->stmt);
    }
  g_free (stmt->cache_key);
  g_free (stmt);
}

void
sec_stmt_bind_int64 (SecStmt *stmt,
                     int      index,
                     gint64   value)
{
  sqlite3_bind_int64 (stmt->stmt, index, value);
}

void
sec_stmt_bind_double (SecStmt *stmt,
                      int      index,
                      double   value)
{
  sqlite3_bind_double (stmt->stmt, index, value);
}

void
sec_stmt_bind_text (SecStmt    *stmt,
                    int         index,
                    const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt->stmt, index);
  else
    sqlite3_bind_text (stmt->stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
sec_stmt_bind_blob (SecStmt *stmt,
                    int      index,
                    GBytes  *bytes)
{
  gsize size = 0;
  gconstpointer data;

  if (bytes == NULL)
    {
      sqlite3_bind_null (stmt->stmt, index);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  sqlite3_bind_blob64 (stmt->stmt, index, data, size, SQLITE_TRANSIENT);
}

void
sec_stmt_bind_null (SecStmt *stmt,
                    int      index)
{
  sqlite3_bind_null (stmt->stmt, index);
}

SecStep
sec_stmt_step (SecStmt  *stmt,
               GError  **error)
{
  int rc = sqlite3_step (stmt->stmt);

  if (rc == SQLITE_ROW)
    return SEC_STEP_ROW;
  if (rc == SQLITE_DONE)
    return SEC_STEP_DONE;
  _sec_engine_set_error (stmt->engine, rc, error);
  sqlite3_reset (stmt->stmt);
  return SEC_STEP_ERROR;
}

gboolean
sec_stmt_run (SecStmt  *stmt,
              GError  **error)
{
  SecStep step;

  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    ;
  return step == SEC_STEP_DONE;
}

int
sec_stmt_n_columns (SecStmt *stmt)
{
  return sqlite3_column_count (stmt->stmt);
}

const char *
sec_stmt_column_name (SecStmt *stmt,
                      int      col)
{
  return sqlite3_column_name (stmt->stmt, col);
}

gboolean
sec_stmt_is_null (SecStmt *stmt,
                  int      col)
{
  return sqlite3_column_type (stmt->stmt, col) == SQLITE_NULL;
}

gint64
sec_stmt_get_int64 (SecStmt *stmt,
                    int      col)
{
  return sqlite3_column_int64 (stmt->stmt, col);
}

int
sec_stmt_get_int (SecStmt *stmt,
                  int      col)
{
  return sqlite3_column_int (stmt->stmt, col);
}

double
sec_stmt_get_double (SecStmt *stmt,
                     int      col)
{
  return sqlite3_column_double (stmt->stmt, col);
}

const char *
sec_stmt_get_text (SecStmt *stmt,
                   int      col)
{
  return (const char *) sqlite3_column_text (stmt->stmt, col);
}

char *
sec_stmt_dup_text (SecStmt *stmt,
                   int      col)
{
  const char *text = sec_stmt_get_text (stmt, col);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

GBytes *
sec_stmt_dup_blob (SecStmt *stmt,
                   int      col)
{
  const void *data = sqlite3_column_blob (stmt->stmt, col);

  if (data == NULL)
    return NULL;
  return g_bytes_new (data, sqlite3_column_bytes (stmt->stmt, col));
}
