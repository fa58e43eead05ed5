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
 */
#pragma once

#include <gio/gio.h>

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

/* Connections */

/* Opens the database file @path (it must exist). Sets up the functions and
 * collation the SQL uses; checks nothing about the schema. */
SecEngine   *sec_engine_open             (const char          *path,
                                          SecEngineOpenFlags   flags,
                                          GError             **error);
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
