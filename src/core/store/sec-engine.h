/* sec-engine.h: the line between the store and its database engine
 *
 * The store's files (src/core/store/) hold the application's SQL; they run
 * it through this interface and never through an engine's own C API. One
 * file implements it for each engine: sec-engine-sqlite.c today (the only
 * file that includes sqlite3.h), a PostgreSQL one (libpq) next. An engine
 * owns one connection, caches prepared statements, maps its errors onto
 * SecStoreError, and provides the two functions the SQL relies on:
 * sec_fold(text) (accent- and case-folded search text, sec-fold.h) and the
 * collation sec_locale (the user's locale order).
 *
 * SQL placeholders are numbered, ?1, ?2 ...; an engine whose server wants
 * another form ($1) rewrites them when it prepares.
 *
 * Two engines: a SQLite file (sec-engine-sqlite.c) and a PostgreSQL server
 * (sec-engine-pg.c, the only file that includes libpq-fe.h), chosen by what
 * sec_engine_open () is given: a path, or a postgresql:// URI. sec-engine-dispatch.c
 * hands each call to the connection's engine. Where the two need different
 * SQL, the store asks sec_engine_get_kind () and each engine's SQL has a
 * file of its own (sec-schema.c, sec-schema-pg.c).
 */
#pragma once

#include <gio/gio.h>

#include "core/base/sec-progress.h"

G_BEGIN_DECLS

typedef struct _SecEngine SecEngine;
typedef struct _SecStmt SecStmt;

typedef enum {
  SEC_STEP_ERROR = -1, /* @error is set; the statement is done */
  SEC_STEP_DONE  = 0,  /* no (more) rows */
  SEC_STEP_ROW   = 1,  /* a row is ready to be read */
} SecStep;

typedef enum {
  SEC_ENGINE_OPEN_READ_WRITE = 0,
  SEC_ENGINE_OPEN_READ_ONLY  = 1 << 0,
} SecEngineOpenFlags;

typedef enum {
  SEC_ENGINE_SQLITE,
  SEC_ENGINE_POSTGRESQL,
} SecEngineKind;

/* Connections */

/* Whether @path names a database on a server (postgresql:// or
 * postgres://, libpq's connection URIs) rather than a file. */
gboolean     sec_engine_is_server_uri    (const char          *path);
/* Whether this build can open server databases (it was built with libpq). */
gboolean     sec_engine_has_server_support (void);
SecEngineKind sec_engine_get_kind        (SecEngine           *engine);

/* Opens the database file @path (it must exist), or the server database
 * @path names (sec_engine_is_server_uri ()); its errors then say in words
 * what is wrong: the server unreachable, a wrong password, a certificate
 * not trusted. Sets up the functions and
 * collation the SQL uses; checks nothing about the schema. Read-only, it
 * writes nothing and leaves no file beside @path that was not there (a
 * write-ahead-log file nobody has open is read as it is). A symbolic link
 * is refused. */
SecEngine   *sec_engine_open             (const char          *path,
                                          SecEngineOpenFlags   flags,
                                          GError             **error);
/* Closes the connection; a writable one first moves its log into the file
 * and empties it, so that the file is complete on its own. */
void         sec_engine_close            (SecEngine           *engine);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecEngine, sec_engine_close)

/* Runs @sql, one or more statements without parameters or results. */
gboolean     sec_engine_exec             (SecEngine           *engine,
                                          const char          *sql,
                                          GError             **error);
/* The id given to the row the last INSERT made. */
gint64       sec_engine_last_insert_id   (SecEngine           *engine);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
gint64       sec_engine_changes          (SecEngine           *engine);

/* Opening a store's file. The errors of these functions are worded for
 * the user who opens the file: they name it and say what to do (not a
 * database, damaged, in use by another program, cannot be written). */

/* The schema version the file carries (0 for a new, empty file). */
gboolean     sec_engine_get_schema_version (SecEngine        *engine,
                                            int              *version,
                                            GError          **error);
/* How many tables, indexes, views and triggers the file holds. */
gboolean     sec_engine_count_tables     (SecEngine           *engine,
                                          int                 *n_tables,
                                          GError             **error);
/* Whether the file holds a table named @table. */
gboolean     sec_engine_has_table        (SecEngine           *engine,
                                          const char          *table,
                                          gboolean            *has_table,
                                          GError             **error);
/* Reads the whole file once, so that a damaged page is found before
 * anything is written. */
gboolean     sec_engine_check_integrity  (SecEngine           *engine,
                                          GError             **error);
/* Fails unless the file can be written: read-only files and folders, or a
 * write lock another program holds. Changes nothing. */
gboolean     sec_engine_check_writable   (SecEngine           *engine,
                                          GError             **error);
/* Sets the connection up for daily use once the schema is current: a
 * write-ahead log, writes that survive a power cut, references enforced. */
gboolean     sec_engine_configure        (SecEngine           *engine,
                                          GError             **error);
/* Whether references between tables are enforced (off while a migration
 * rebuilds tables, so that nothing cascades). */
gboolean     sec_engine_set_foreign_keys (SecEngine           *engine,
                                          gboolean             enforce,
                                          GError             **error);
/* Runs the migration @sql in a transaction of its own and sets the schema
 * version to @version; checks every reference before the commit. On
 * failure rolls back and sets @error to the engine's own words (no
 * "Database error:" before them). */
gboolean     sec_engine_apply_migration  (SecEngine           *engine,
                                          const char          *sql,
                                          int                  version,
                                          GError             **error);
/* Copies the whole database into @dest (mode 0600 from its first byte),
 * checks the copy with the full integrity check and only then gives it its
 * name, replacing @dest if it exists; on failure nothing is left behind. */
gboolean     sec_engine_backup_to        (SecEngine           *engine,
                                          const char          *dest,
                                          GError             **error);
/* The same, telling @progress (in this thread) how much is done, copy and
 * check together, and giving up with G_IO_ERROR_CANCELLED, leaving nothing
 * behind, when @cancellable is cancelled. */
gboolean     sec_engine_backup_to_full   (SecEngine           *engine,
                                          const char          *dest,
                                          SecProgressFunc      progress,
                                          gpointer             progress_data,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* Takes SQLite's file locks again, in case a descriptor of the file
 * closed elsewhere in this process dropped them (see the .c file). */
void         sec_engine_retake_locks     (SecEngine           *engine);

/* Whether another program has the database @path open (so that it must
 * not be replaced under it). Connections of this process do not count. */
gboolean     sec_engine_file_in_use      (const char          *path);

/* Memory */

/* The bytes the connection's page cache holds: the pages of the file it
 * keeps so as not to read them again (0 for a server). */
gint64       sec_engine_get_cache_used   (SecEngine           *engine);
/* Frees the pages of the cache that no statement is using; they are read
 * from the file again when needed (most likely from the system's own
 * cache of the file, not from the disk). Nothing for a server. */
void         sec_engine_release_memory   (SecEngine           *engine);

/* Rewriting every row */

/* Drops the indexes of @table whose definition names @column (in the
 * current transaction) and returns the statements that make them again,
 * to be run once the rows are rewritten: each index is then built once,
 * sorted, instead of moving one entry per row through a cache much
 * smaller than the index. Empty for an engine that needs none of this
 * (a server, where dropping an index would also lock out every other
 * connection until the commit); NULL on failure. */
GStrv        sec_engine_drop_indexes_on  (SecEngine           *engine,
                                          const char          *table,
                                          const char          *column,
                                          GError             **error);

/* Other connections (a server database; a file has none) */

typedef enum {
  SEC_ENGINE_EVENT_NOTIFICATION, /* another connection's notification: its payload */
  SEC_ENGINE_EVENT_LOST,         /* the connection dropped: statements fail until... */
  SEC_ENGINE_EVENT_RESTORED,     /* ...it is made again (and listens again) */
} SecEngineEvent;

/* @payload: the notification's text, NULL for the other events. */
typedef void (*SecEngineWatchFunc) (SecEngineEvent  event,
                                    const char     *payload,
                                    gpointer        user_data);

/* Listens on @channel for what other connections to the same database
 * send there ("SELECT pg_notify (channel, payload)", delivered when their
 * transaction commits; this connection's own are left out), and follows
 * the connection: when it drops, it is made again in the background, with
 * waits that grow from half a second to ten. @func is called in the
 * thread-default main context of the caller, which must be the one thread
 * that uses the engine. Returns FALSE (and sets nothing) for an engine
 * without notifications: a file, which no other program changes under us. */
gboolean     sec_engine_watch            (SecEngine           *engine,
                                          const char          *channel,
                                          SecEngineWatchFunc   func,
                                          gpointer             user_data,
                                          GError             **error);

/* The schema */

/* A reference from @table.@column to the rows of @target. */
typedef struct {
  char *table;
  char *column;
  char *target;
  char *on_delete;  /* CASCADE, SET NULL, RESTRICT, NO ACTION */
} SecForeignKey;

/* Every reference between the tables. (transfer full) (element-type
 * SecForeignKey): the array frees its elements. */
GArray      *sec_engine_list_foreign_keys (SecEngine          *engine,
                                           GError            **error);

/* Failures */

typedef enum {
  SEC_CONSTRAINT_OTHER,
  SEC_CONSTRAINT_UNIQUE,       /* a unique key, or the primary key */
  SEC_CONSTRAINT_FOREIGN_KEY,  /* a reference to a missing row, or a row still referred to */
  SEC_CONSTRAINT_TRIGGER,      /* a trigger refused the change */
} SecConstraint;

/* After a statement failed with SEC_STORE_ERROR_CONSTRAINT: what it broke.
 * For a unique key, @column (optional) gets the (last) column the engine
 * named, or NULL. */
SecConstraint sec_engine_get_failed_constraint (SecEngine        *engine,
                                                char            **column);
/* The engine's own words about the last failure (no "Database error:"
 * before them). (transfer none) */
const char  *sec_engine_get_error_message (SecEngine          *engine);

/* Statements */

/* A statement ready to bind and step, kept prepared in the engine's cache
 * for the next call with the same @sql. Free it (g_autoptr) when done: that
 * resets it and gives it back to the cache. Two handles of the same cached
 * statement cannot be used at once: the second prepare of an @sql whose
 * handle is still held makes a new statement outside the cache. */
SecStmt     *sec_engine_prepare          (SecEngine           *engine,
                                          const char          *sql,
                                          GError             **error);
/* The same, for SQL built at run time (not cached). */
SecStmt     *sec_engine_prepare_once     (SecEngine           *engine,
                                          const char          *sql,
                                          GError             **error);
void         sec_stmt_free               (SecStmt             *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecStmt, sec_stmt_free)

/* Parameters count from 1 (?1). NULL text binds SQL NULL. */
void         sec_stmt_bind_int64         (SecStmt             *stmt,
                                          int                  index,
                                          gint64               value);
void         sec_stmt_bind_double        (SecStmt             *stmt,
                                          int                  index,
                                          double               value);
void         sec_stmt_bind_text          (SecStmt             *stmt,
                                          int                  index,
                                          const char          *text);
void         sec_stmt_bind_blob          (SecStmt             *stmt,
                                          int                  index,
                                          GBytes              *bytes);
void         sec_stmt_bind_null          (SecStmt             *stmt,
                                          int                  index);

SecStep      sec_stmt_step               (SecStmt             *stmt,
                                          GError             **error);
/* Steps a statement that returns no rows (or ignores them) to the end. */
gboolean     sec_stmt_run                (SecStmt             *stmt,
                                          GError             **error);

/* A column's value as it is, to bind again later (a row put back after
 * its deletion). */
typedef struct _SecValue SecValue;
/* (transfer full) (nullable): NULL when the engine is out of memory. */
SecValue    *sec_stmt_dup_value          (SecStmt             *stmt,
                                          int                  col);
void         sec_stmt_bind_value         (SecStmt             *stmt,
                                          int                  index,
                                          SecValue            *value);
void         sec_value_free              (SecValue            *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecValue, sec_value_free)

/* Columns count from 0, as in the SELECT. Text is NULL for SQL NULL and
 * stays valid until the next step or free. */
int          sec_stmt_n_columns          (SecStmt             *stmt);
const char  *sec_stmt_column_name        (SecStmt             *stmt,
                                          int                  col);
gboolean     sec_stmt_is_null            (SecStmt             *stmt,
                                          int                  col);
gint64       sec_stmt_get_int64          (SecStmt             *stmt,
                                          int                  col);
int          sec_stmt_get_int            (SecStmt             *stmt,
                                          int                  col);
double       sec_stmt_get_double         (SecStmt             *stmt,
                                          int                  col);
const char  *sec_stmt_get_text           (SecStmt             *stmt,
                                          int                  col);
/* The text, or NULL when it is NULL or empty. (transfer full) */
char        *sec_stmt_dup_text           (SecStmt             *stmt,
                                          int                  col);
/* (transfer full) (nullable) */
GBytes      *sec_stmt_dup_blob           (SecStmt             *stmt,
                                          int                  col);

G_END_DECLS
