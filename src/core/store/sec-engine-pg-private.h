/* sec-engine-pg-private.h: the PostgreSQL engine's connection, shared by its files
 *
 * sec-engine-pg.c connects and sets the session up, and maps the server's
 * errors; sec-engine-pg-stmt.c prepares, runs and reads the statements;
 * sec-engine-pg-schema.c reads and
 * changes the database as a whole (its schema version, tables,
 * migrations, references); sec-engine-pg-notify.c listens for the
 * notifications of other connections and reconnects a connection that
 * dropped. Only these files (and this header) include libpq-fe.h
 * (tests/check-layers.py).
 */
#pragma once

#include <libpq-fe.h>

#include "core/store/sec-engine-class.h"
#include "core/store/sec-stmt-cache.h"

G_BEGIN_DECLS

typedef struct _SecPgWatch SecPgWatch;

struct _SecEngine
{
  const SecEngineClass *klass; /* first: sec-engine-dispatch.c reads it */
  PGconn     *conn;
  SecEngineOpenFlags flags;  /* what the session is set up for, again after a reconnection */
  char       *display;      /* the server, named in messages (describe ()) */
  SecStmtCache *statements; /* SQL text -> SecStmt, the cached handle */
  GHashTable *prepared;     /* types + "\n" + server SQL -> server statement name */
  guint       n_prepared;
  gint64      last_insert_id;
  gint64      changes;
  char       *last_state;   /* SQLSTATE of the last failure */
  char       *last_message; /* and the server's words about it */
  char       *last_detail;
  char       *collation;    /* what COLLATE sec_locale becomes, quoted */
  gboolean    lost;         /* the connection dropped; sec-engine-pg-notify.c reconnects */
  SecPgWatch *watch;        /* (nullable): set by sec_engine_watch () */
};

/* sec-engine-pg.c */

/* Sets the session up as sec_engine_open () does (encoding, time zone,
 * read-only): on a new connection, and on one made again. */
gboolean _sec_engine_pg_setup_session    (SecEngine           *engine,
                                          GError             **error);

/* FALSE with @error set when the connection is closed, or lost and being
 * made again. */
gboolean _sec_engine_pg_check_open       (SecEngine           *engine,
                                          GError             **error);
/* Sets @error (and the engine's last failure) from a failed @result, or
 * from the connection's message when @result is NULL; returns FALSE. */
gboolean _sec_engine_pg_set_error        (SecEngine           *engine,
                                          PGresult            *result,
                                          GError             **error);
/* Runs @sql (statements without parameters); the result to clear, or
 * NULL with @error set. */
PGresult *_sec_engine_pg_run_simple      (SecEngine           *engine,
                                          const char          *sql,
                                          GError             **error);

/* sec-engine-pg-stmt.c */

/* Frees a statement of the connection's cache (sec_stmt_cache_new ()), and
 * where the struct holds its SecStmtCacheMark. */
void     _sec_engine_pg_finalize_statement (gpointer           data);
gsize    _sec_engine_pg_stmt_mark_offset   (void);

/* sec-engine-pg-notify.c */

/* sec_engine_watch () for this engine. */
gboolean _sec_engine_pg_watch            (SecEngine           *engine,
                                          const char          *channel,
                                          SecEngineWatchFunc   func,
                                          gpointer             user_data,
                                          GError             **error);
/* A statement found the connection gone: the watcher (if any) says so and
 * starts reconnecting once the statement has returned. */
void     _sec_engine_pg_connection_lost  (SecEngine           *engine);
/* Stops watching; before the connection is closed. */
void     _sec_engine_pg_unwatch          (SecEngine           *engine);

G_END_DECLS
