/* sec-engine-sqlite.h: what only the SQLite engine offers
 *
 * For the store's own files, only while core modules still reach the
 * SQLite connection through the deprecated _sec_store_get_db () and
 * _sec_store_set_error () (sec-store.h); nothing outside src/core/store/
 * uses it, and it goes with them.
 */
#pragma once

#include "core/store/sec-engine.h"

G_BEGIN_DECLS

struct sqlite3;

/* An engine on a connection the caller opened and keeps owning. */
SecEngine      *_sec_engine_new_for_sqlite  (struct sqlite3  *db);
struct sqlite3 *_sec_engine_get_sqlite      (SecEngine       *engine);
/* Sets @error from a SQLite result code; returns FALSE. */
gboolean        _sec_engine_set_error       (SecEngine       *engine,
                                             int              rc,
                                             GError         **error);

G_END_DECLS
