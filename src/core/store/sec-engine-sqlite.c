/* sec-engine-sqlite.c: the store's engine for a SQLite file
 *
 * With sec-engine-sqlite-backup.c (the copy of a database into a checked
 * file), the only file of the application that includes sqlite3.h (the
 * layer test, tests/check-layers.py, keeps it so). It implements
 * sec-engine.h: the
 * connection, a cache of prepared statements, SQLite's result codes mapped
 * onto SecStoreError, and the sec_fold() function and sec_locale collation
 * the store's SQL uses.
 */
#define G_LOG_DOMAIN "sec-engine"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "core/base/sec-fold.h"
#include "core/base/sec-translit.h"
#include "core/store/sec-engine-sqlite-private.h"
#include "core/store/sec-store-error.h"


/* Errors */

/* Sets @error from SQLite's result code @rc and the connection's message. */
static gboolean
set_error (SecEngine  *engine,
           int         rc,
           GError    **error)
{
  const char *msg = engine != NULL && engine->db != NULL
                    ? sqlite3_errmsg (engine->db) : sqlite3_errstr (rc);
  int code;

  if (engine != NULL)
    {
      /* Kept for sec_engine_get_failed_constraint (): the statement is
       * reset before its caller looks. */
      engine->last_rc = rc;
      g_free (engine->last_message);
      engine->last_message = g_strdup (msg);
    }

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

sqlite3 *
_sec_engine_sqlite_get_db (SecEngine *engine)
{
  return engine->db;
}

gboolean
_sec_engine_sqlite_check_open (SecEngine  *engine,
                               GError    **error)
{
  if (engine != NULL && engine->db != NULL)
    return TRUE;
  g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                       _("The database is closed"));
  return FALSE;
}

/* Sets @error for a failure while opening the file @path: the message
 * names the file and says what to do. @detail, when set, says more than
 * SQLite's message (what the integrity check found). */
static gboolean
set_open_error (const char  *path,
                sqlite3     *db,
                int          rc,
                const char  *detail,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Secretariat database (it is not a SQLite database file)"), display);
      break;
    case SQLITE_CORRUPT:
      {
        /* quick_check reports "*** in database main ***\nPage 22: ..." */
        g_autofree char *cause = g_strdup (detail ? detail : (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc)));
        const char *first = strstr (cause, "***\n") ? strstr (cause, "***\n") + 4 : cause;
        g_autofree char *line = g_strdelimit (g_strdup (first), "\n", ' ');

        g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CORRUPT,
                     _("“%s” is damaged and was left as it is (%s). Open a backup copy instead"),
                     display, line);
      }
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written; check the permissions of the file and of its folder"),
                   display);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” is in use by another program"), display);
      break;
    default:
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” cannot be opened: %s"), display,
                   detail ? detail : (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc)));
      break;
    }
  return FALSE;
}

/* The file the connection is on, for messages. */
static const char *
engine_path (SecEngine *engine)
{
  if (engine->path == NULL)
    {
      const char *name = sqlite3_db_filename (engine->db, "main");
      engine->path = g_strdup (name != NULL ? name : "");
    }
  return engine->path;
}

/* SQL functions */

typedef char *(*TextFunction) (const char *text);

/* sec_fold () or sec_fold_for_search () (the function's user data) on
 * one text: the folded text with, for the second, the Latin forms of
 * Greek and Cyrillic words, as the stored search text has them. */
static void
fold_function (sqlite3_context *ctx,
               int              argc,
               sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  TextFunction fold = (TextFunction) sqlite3_user_data (ctx);

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  sqlite3_result_text (ctx, fold (text), -1, g_free);
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
  SecStmt *s = data;

  sqlite3_finalize (s->stmt);
  g_free (s);
}

/* SECRETARIAT_SLOW_SQL=MS prints to stderr each statement that ran
 * longer than MS milliseconds, with its values:
 * the way to find which query of the window is slow (see README, "The
 * window at scale"). */
static int
trace_slow (unsigned int kind,
            void        *data,
            void        *p,
            void        *x)
{
  sqlite3_stmt *stmt = p;
  sqlite3_int64 ns = *(sqlite3_int64 *) x;
  gint64 limit_ms = GPOINTER_TO_SIZE (data);

  if (kind == SQLITE_TRACE_PROFILE && ns >= limit_ms * 1000000)
    {
      char *sql = sqlite3_expanded_sql (stmt);
      g_printerr ("slow SQL (%.1f ms): %s\n", ns / 1e6, sql ? sql : sqlite3_sql (stmt));
      sqlite3_free (sql);
    }
  return 0;
}

static SecEngine *
engine_new (sqlite3 *db)
{
  const char *slow = g_getenv ("SECRETARIAT_SLOW_SQL");

  SecEngine *engine = g_new0 (SecEngine, 1);

  engine->klass = &_sec_engine_sqlite_class;
  engine->db = db;
  engine->statements = sec_stmt_cache_new (G_STRUCT_OFFSET (SecStmt, mark), finalize_statement);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_create_function (db, "sec_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           (void *) sec_fold, fold_function, NULL, NULL);
  sqlite3_create_function (db, "sec_search_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           (void *) sec_fold_for_search, fold_function, NULL, NULL);
  sqlite3_create_collation_v2 (db, "sec_locale", SQLITE_UTF8, NULL, collate_locale, NULL);
  if (slow != NULL)
    sqlite3_trace_v2 (db, SQLITE_TRACE_PROFILE, trace_slow,
                      GSIZE_TO_POINTER ((gsize) g_ascii_strtoull (slow, NULL, 10)));
  return engine;
}

/* Connections */

/* Whether a reader may take the file alone as the whole database: it is in
 * write-ahead-log mode (byte 18 of the header is 2) and has no log beside
 * it, so no connection has it open and every commit is in the file. Such a
 * file is read "immutable": SQLite then makes no -wal and -shm files, which
 * a read-only connection to a WAL file otherwise leaves behind (with the
 * file's own permissions, so that a read-only file stays refused after its
 * permissions are fixed). A writer that opens the file meanwhile writes to
 * its own log, which reaches the file only at a checkpoint (a thousand
 * pages, or its close); a reader's work takes milliseconds. */
static gboolean
is_closed_wal_file (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  char header[20];
  gboolean wal_mode = FALSE;
  FILE *file;

  if (g_file_test (wal, G_FILE_TEST_EXISTS) || (file = g_fopen (path, "rb")) == NULL)
    return FALSE;
  if (fread (header, 1, sizeof header, file) == sizeof header)
    wal_mode = memcmp (header, "SQLite format 3", 16) == 0 && header[18] == 2;
  fclose (file);
  return wal_mode;
}

/* "file:/abs/path?immutable=1": SQLite's URI for reading @path without
 * locks or side files. */
static char *
immutable_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

  return g_strdup_printf ("file:%s?immutable=1", escaped);
}

SecEngine *
sec_engine_open (const char          *path,
                 SecEngineOpenFlags   flags,
                 GError             **error)
{
  sqlite3 *db = NULL;
  SecEngine *engine;
  g_autofree char *uri = NULL;
  int open_flags = SQLITE_OPEN_NOFOLLOW;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (flags & SEC_ENGINE_OPEN_READ_ONLY)
    {
      /* mode=ro: nothing is written, no journal is rolled back and the
       * journal mode stays as it is. */
      open_flags |= SQLITE_OPEN_READONLY;
      if (is_closed_wal_file (path))
        {
          uri = immutable_uri (path);
          open_flags |= SQLITE_OPEN_URI;
        }
    }
  else
    open_flags |= SQLITE_OPEN_READWRITE;
  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, db, rc, NULL, error);
      sqlite3_close (db);
      return NULL;
    }
  engine = engine_new (db);
  engine->path = g_strdup (path);
  return engine;
}

void
sec_engine_close (SecEngine *engine)
{
  if (engine == NULL)
    return;
  sec_stmt_cache_free (engine->statements);
  /* Moves every commit into the file and empties the log, so that the file
   * is complete on its own (a copy of it alone, a reader that finds no
   * log). The last connection to close does it anyway; this one may not be
   * the last. */
  if (sqlite3_db_readonly (engine->db, "main") == 0)
    sqlite3_exec (engine->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (engine->db);
  g_free (engine->path);
  g_free (engine->last_message);
  g_free (engine);
}

gboolean
sec_engine_exec (SecEngine   *engine,
                 const char  *sql,
                 GError     **error)
{
  int rc;

  g_return_val_if_fail (sql != NULL, FALSE);

  if (!_sec_engine_sqlite_check_open (engine, error))
    return FALSE;
  rc = sqlite3_exec (engine->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return set_error (engine, rc, error);
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

/* Opening a store's file */

/* Reads the one integer @sql returns, with the errors of opening. */
static gboolean
read_int (SecEngine   *engine,
          const char  *sql,
          int         *value,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_sec_engine_sqlite_check_open (engine, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (engine->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return set_open_error (engine_path (engine), engine->db, rc, NULL, error);
  return TRUE;
}

gboolean
sec_engine_get_schema_version (SecEngine  *engine,
                               int        *version,
                               GError    **error)
{
  g_return_val_if_fail (version != NULL, FALSE);

  return read_int (engine, "PRAGMA user_version", version, error);
}

gboolean
sec_engine_count_tables (SecEngine  *engine,
                         int        *n_tables,
                         GError    **error)
{
  g_return_val_if_fail (n_tables != NULL, FALSE);

  return read_int (engine, "SELECT count(*) FROM sqlite_schema", n_tables, error);
}

gboolean
sec_engine_has_table (SecEngine   *engine,
                      const char  *table,
                      gboolean    *has_table,
                      GError     **error)
{
  char *sql;
  int n = 0;
  gboolean ok;

  g_return_val_if_fail (table != NULL && has_table != NULL, FALSE);

  sql = sqlite3_mprintf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = %Q", table);
  ok = read_int (engine, sql, &n, error);
  sqlite3_free (sql);
  *has_table = n > 0;
  return ok;
}

gboolean
sec_engine_check_integrity (SecEngine  *engine,
                            GError    **error)
{
  g_autofree char *problem = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_sec_engine_sqlite_check_open (engine, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (engine->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);
          if (g_strcmp0 (result, "ok") != 0)
            {
              problem = g_strdup (result);
              rc = SQLITE_CORRUPT;
            }
          else
            rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return set_open_error (engine_path (engine), engine->db, rc, problem, error);
  return TRUE;
}

gboolean
sec_engine_check_writable (SecEngine  *engine,
                           GError    **error)
{
  int rc;

  if (!_sec_engine_sqlite_check_open (engine, error))
    return FALSE;
  if (sqlite3_db_readonly (engine->db, "main") == 1 || g_access (engine_path (engine), W_OK) != 0)
    return set_open_error (engine_path (engine), engine->db, SQLITE_READONLY, NULL, error);
  /* Take the write lock once to learn that writing works (the folder must
   * allow the journal too), then let go without having changed anything. */
  if ((rc = sqlite3_exec (engine->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
    return set_open_error (engine_path (engine), engine->db, rc, NULL, error);
  sqlite3_exec (engine->db, "ROLLBACK", NULL, NULL, NULL);
  return TRUE;
}

gboolean
sec_engine_configure (SecEngine  *engine,
                      GError    **error)
{
  if (!_sec_engine_sqlite_check_open (engine, error))
    return FALSE;
  sqlite3_exec (engine->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  sqlite3_exec (engine->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  /* A list's page reads rows scattered over the file (in name order, with
   * their organisation): with SQLite's default 2 MB of cache each page of
   * 200 people read most of its pages from the file again. 32 MB holds the
   * hot part of a file of 200,000 people and fills only as it is used;
   * the other connections (checks, backups) keep the default. */
  sqlite3_exec (engine->db, "PRAGMA cache_size = -32768", NULL, NULL, NULL);
  /* Each write inside a long transaction (an import, a demo) keeps a
   * statement journal of the pages its triggers touch (search index,
   * history): in a temporary file that meant some thirty small writes to
   * the disk per row, a third of an import's time. In memory they cost
   * a few kilobytes, freed at the end of each statement. */
  sqlite3_exec (engine->db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  return sec_engine_set_foreign_keys (engine, TRUE, error);
}

/* Closing any descriptor of the database file in this process drops
 * every POSIX lock the process holds on it, SQLite's too (GIO does so when
 * it sniffs the file's content type for an in-process file chooser listing
 * its folder). Another program opening and closing the file then believes
 * it is the last user and deletes the write-ahead log under us. SQLite
 * never takes a lock it believes it holds; leaving write-ahead mode and
 * entering it again makes it take them afresh. When another connection has
 * the file open, leaving the mode is refused and nothing changes: that
 * connection's locks keep the log. */
void
sec_engine_retake_locks (SecEngine *engine)
{
  if (engine == NULL || engine->db == NULL || sqlite3_db_readonly (engine->db, "main") != 0 ||
      !sqlite3_get_autocommit (engine->db))
    return;
  sqlite3_exec (engine->db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_exec (engine->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  /* The log and its locks are taken at the first read of the mode. */
  sqlite3_exec (engine->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
}

gboolean
sec_engine_set_foreign_keys (SecEngine  *engine,
                             gboolean    enforce,
                             GError    **error)
{
  return sec_engine_exec (engine, enforce ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF", error);
}

gboolean
sec_engine_apply_migration (SecEngine   *engine,
                            const char  *migration,
                            int          version,
                            GError     **error)
{
  g_autofree char *sql = NULL;
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (migration != NULL, FALSE);

  if (!_sec_engine_sqlite_check_open (engine, error))
    return FALSE;
  sql = g_strdup_printf ("BEGIN IMMEDIATE; %s; PRAGMA user_version = %d;", migration, version);
  rc = sqlite3_exec (engine->db, sql, NULL, NULL, &errmsg);
  if (rc == SQLITE_OK)
    {
      sqlite3_stmt *check = NULL;
      if (sqlite3_prepare_v2 (engine->db, "PRAGMA foreign_key_check", -1, &check, NULL) == SQLITE_OK &&
          sqlite3_step (check) == SQLITE_ROW)
        {
          errmsg = sqlite3_mprintf ("a reference in %s points to a missing record",
                                    sqlite3_column_text (check, 0));
          rc = SQLITE_CONSTRAINT;
        }
      sqlite3_finalize (check);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (engine->db, "COMMIT", NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    {
      sqlite3_exec (engine->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_MIGRATION,
                           errmsg ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

/* The schema */

GArray *
sec_engine_list_foreign_keys (SecEngine  *engine,
                              GError    **error)
{
  g_autoptr(GArray) keys = NULL;
  sqlite3_stmt *tables = NULL;
  int rc;

  if (!_sec_engine_sqlite_check_open (engine, error))
    return NULL;
  keys = g_array_new (FALSE, FALSE, sizeof (SecForeignKey));
  g_array_set_clear_func (keys, _sec_engine_clear_foreign_key);
  rc = sqlite3_prepare_v2 (engine->db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &tables, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (engine, rc, error);
      return NULL;
    }

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      sqlite3_stmt *fks = NULL;

      if (sqlite3_prepare_v2 (engine->db, "SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list(?)",
                              -1, &fks, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_text (fks, 1, table, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (fks) == SQLITE_ROW)
        {
          SecForeignKey fk = {
            g_strdup (table),
            g_strdup ((const char *) sqlite3_column_text (fks, 1)),
            g_strdup ((const char *) sqlite3_column_text (fks, 0)),
            g_strdup ((const char *) sqlite3_column_text (fks, 2)),
          };
          g_array_append_val (keys, fk);
        }
      sqlite3_finalize (fks);
    }
  sqlite3_finalize (tables);
  return g_steal_pointer (&keys);
}

/* Failures */

SecConstraint
sec_engine_get_failed_constraint (SecEngine  *engine,
                                  char      **column)
{
  g_return_val_if_fail (engine != NULL, SEC_CONSTRAINT_OTHER);

  if (column != NULL)
    *column = NULL;
  switch (engine->last_rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      if (column != NULL && engine->last_message != NULL)
        {
          /* "UNIQUE constraint failed: organisations.name" */
          const char *dot = strrchr (engine->last_message, '.');

          if (dot != NULL && strchr (dot, ',') == NULL)
            *column = g_strdup (dot + 1);
        }
      return SEC_CONSTRAINT_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return SEC_CONSTRAINT_FOREIGN_KEY;
    case SQLITE_CONSTRAINT_TRIGGER:
      return SEC_CONSTRAINT_TRIGGER;
    default:
      return SEC_CONSTRAINT_OTHER;
    }
}

const char *
sec_engine_get_error_message (SecEngine *engine)
{
  g_return_val_if_fail (engine != NULL, "");

  return engine->last_message != NULL ? engine->last_message : "";
}

/* Statements */

static SecStmt *
stmt_new (SecEngine    *engine,
          sqlite3_stmt *stmt)
{
  SecStmt *s = g_new0 (SecStmt, 1);

  s->klass = &_sec_engine_sqlite_class;
  s->engine = engine;
  s->stmt = stmt;
  return s;
}

/* A SecStmtCachePrepare: kept prepared, as SQLite's planner is told. */
static gpointer
prepare_persistent (gpointer     data,
                    const char  *sql,
                    GError     **error)
{
  SecEngine *engine = data;
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v3 (engine->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (engine, rc, error);
      return NULL;
    }
  return stmt_new (engine, stmt);
}

SecStmt *
sec_engine_prepare (SecEngine   *engine,
                    const char  *sql,
                    GError     **error)
{
  g_return_val_if_fail (sql != NULL, NULL);

  if (!_sec_engine_sqlite_check_open (engine, error))
    return NULL;
  return sec_stmt_cache_take (engine->statements, sql, prepare_persistent, engine, error);
}

SecStmt *
sec_engine_prepare_once (SecEngine   *engine,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (sql != NULL, NULL);

  if (!_sec_engine_sqlite_check_open (engine, error))
    return NULL;
  rc = sqlite3_prepare_v2 (engine->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (engine, rc, error);
      return NULL;
    }
  return stmt_new (engine, stmt);
}

void
sec_stmt_free (SecStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (sec_stmt_cache_give_back (&stmt->mark))
    {
      sqlite3_reset (stmt->stmt);
      sqlite3_clear_bindings (stmt->stmt);
      stmt->bind_rc = SQLITE_OK;
      return;
    }
  sqlite3_finalize (stmt->stmt);
  g_free (stmt);
}

static void
note_bind (SecStmt *stmt,
           int      rc)
{
  if (rc != SQLITE_OK && stmt->bind_rc == SQLITE_OK)
    stmt->bind_rc = rc;
}

void
sec_stmt_bind_int64 (SecStmt *stmt,
                     int      index,
                     gint64   value)
{
  note_bind (stmt, sqlite3_bind_int64 (stmt->stmt, index, value));
}

void
sec_stmt_bind_double (SecStmt *stmt,
                      int      index,
                      double   value)
{
  note_bind (stmt, sqlite3_bind_double (stmt->stmt, index, value));
}

void
sec_stmt_bind_text (SecStmt    *stmt,
                    int         index,
                    const char *text)
{
  if (text == NULL)
    note_bind (stmt, sqlite3_bind_null (stmt->stmt, index));
  else
    note_bind (stmt, sqlite3_bind_text (stmt->stmt, index, text, -1, SQLITE_TRANSIENT));
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
      note_bind (stmt, sqlite3_bind_null (stmt->stmt, index));
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  note_bind (stmt, sqlite3_bind_blob64 (stmt->stmt, index, data, size, SQLITE_TRANSIENT));
}

void
sec_stmt_bind_null (SecStmt *stmt,
                    int      index)
{
  note_bind (stmt, sqlite3_bind_null (stmt->stmt, index));
}

SecStep
sec_stmt_step (SecStmt  *stmt,
               GError  **error)
{
  int rc;

  /* A bind that failed (out of memory copying the text) must not run the
   * statement with a NULL in its place: it would store a wrong value and
   * report success (the fault drill's K4). */
  if (stmt->bind_rc != SQLITE_OK)
    {
      set_error (stmt->engine, stmt->bind_rc, error);
      return SEC_STEP_ERROR;
    }
  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    return SEC_STEP_ROW;
  if (rc == SQLITE_DONE)
    return SEC_STEP_DONE;
  set_error (stmt->engine, rc, error);
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

/* A SecValue is SQLite's own protected copy of the value: it keeps its
 * type (integer, real, text, blob, NULL) exactly. */
SecValue *
sec_stmt_dup_value (SecStmt *stmt,
                    int      col)
{
  return (SecValue *) sqlite3_value_dup (sqlite3_column_value (stmt->stmt, col));
}

void
sec_stmt_bind_value (SecStmt  *stmt,
                     int       index,
                     SecValue *value)
{
  note_bind (stmt, sqlite3_bind_value (stmt->stmt, index, (const sqlite3_value *) value));
}

void
sec_value_free (SecValue *value)
{
  sqlite3_value_free ((sqlite3_value *) value);
}

/* Every schema's cache: the file's, and the TEMP tables' (which an
 * in-memory TEMP store cannot give back). */
static gint64
get_cache_used (SecEngine *engine)
{
  int used = 0, highest = 0;

  if (engine->db == NULL ||
      sqlite3_db_status (engine->db, SQLITE_DBSTATUS_CACHE_USED, &used, &highest, 0) != SQLITE_OK)
    return 0;
  return used;
}

static void
release_memory (SecEngine *engine)
{
  if (engine->db != NULL)
    sqlite3_db_release_memory (engine->db);
}

static GStrv
drop_indexes_on (SecEngine   *engine,
                 const char  *table,
                 const char  *column,
                 GError     **error)
{
  g_autoptr(GStrvBuilder) remake = g_strv_builder_new ();
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);

  {
    g_autoptr(SecStmt) stmt = sec_engine_prepare_once (engine,
      "SELECT name, sql FROM sqlite_schema"
      " WHERE type = 'index' AND tbl_name = ?1 AND instr (sql, ?2) > 0 ORDER BY name", error);
    SecStep step;

    if (stmt == NULL)
      return NULL;
    sec_stmt_bind_text (stmt, 1, table);
    sec_stmt_bind_text (stmt, 2, column);
    while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
      {
        g_autofree char *name = sec_stmt_dup_text (stmt, 0);
        g_autofree char *sql = sec_stmt_dup_text (stmt, 1);
        char *drop = sqlite3_mprintf ("DROP INDEX \"%w\"", name);

        g_ptr_array_add (drops, g_strdup (drop));
        sqlite3_free (drop);
        g_strv_builder_add (remake, sql);
      }
    if (step == SEC_STEP_ERROR)
      return NULL;
  }
  for (guint i = 0; i < drops->len; i++)
    if (!sec_engine_exec (engine, g_ptr_array_index (drops, i), error))
      return NULL;
  return g_strv_builder_end (remake);
}

const SecEngineClass _sec_engine_sqlite_class = {
  .name = "sqlite",
  .kind = SEC_ENGINE_SQLITE,
  SEC_ENGINE_CLASS_FUNCTIONS
  .engine_get_cache_used = get_cache_used,
  .engine_release_memory = release_memory,
  .engine_drop_indexes_on = drop_indexes_on,
};
