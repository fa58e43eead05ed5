/* sec-engine-sqlite-private.h: the SQLite engine's connection, shared by its two files
 *
 * sec-engine-sqlite.c runs the statements; sec-engine-sqlite-backup.c copies
 * the database into a checked file. Only these two files (and this header)
 * include sqlite3.h (tests/check-layers.py).
 */
#pragma once

#include <sqlite3.h>

/* Names of its own for sec-engine.h's functions (sec-engine-class.h). */
#define SEC_ENGINE_PREFIX sqlite
#include "core/store/sec-engine-class.h"
#include "core/store/sec-stmt-cache.h"

G_BEGIN_DECLS

struct _SecEngine
{
  const SecEngineClass *klass; /* first: sec-engine-dispatch.c reads it */
  sqlite3    *db;
  char       *path;         /* the file, named in the errors of opening */
  SecStmtCache *statements; /* SQL text -> SecStmt, the cached handle */
  int         last_rc;      /* of the last failure, extended */
  char       *last_message; /* and SQLite's words about it */
};

struct _SecStmt
{
  const SecEngineClass *klass; /* first: sec-engine-dispatch.c reads it */
  SecEngine    *engine;
  sqlite3_stmt *stmt;
  SecStmtCacheMark mark;    /* whether it lives in the cache, and is given out */
  int           bind_rc;    /* the first failed bind (SQLITE_NOMEM...), or SQLITE_OK */
};

/* sec-engine-sqlite.c */

/* Sets @error when @engine has no open connection. */
gboolean _sec_engine_sqlite_check_open (SecEngine  *engine,
                                        GError    **error);
/* For tests (which declare it themselves: this header renames the
 * engine's functions): the connection's handle. */
sqlite3 *_sec_engine_sqlite_get_db     (SecEngine  *engine);

G_END_DECLS
