/* sec-stmt-cache.h: an engine's prepared statements, kept by their SQL
 *
 * Private to the engines (sec-engine-sqlite.c, sec-engine-pg-stmt.c),
 * which keep one cache a connection. Each engine's statement type holds a
 * SecStmtCacheMark, whose offset the cache is given; the cache holds the
 * statements and frees them with the engine's function. The handle cached
 * is itself given out, marked in use, so that the common case costs one
 * hash lookup and no allocation; a second handle of the same SQL while the
 * first is out (a nested call) is prepared apart, and freed by its user.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gboolean cached;  /* lives in the cache; freeing it only resets it */
  gboolean in_use;  /* a cached handle given out and not freed yet */
} SecStmtCacheMark;

typedef struct _SecStmtCache SecStmtCache;

/* Prepares a statement of @sql on @engine: (transfer full), or NULL with
 * @error set. */
typedef gpointer (*SecStmtCachePrepare) (gpointer     engine,
                                         const char  *sql,
                                         GError     **error);

SecStmtCache *sec_stmt_cache_new       (gsize                mark_offset,
                                        GDestroyNotify       free_stmt);
void          sec_stmt_cache_free      (SecStmtCache        *cache);
gpointer      sec_stmt_cache_take      (SecStmtCache        *cache,
                                        const char          *sql,
                                        SecStmtCachePrepare  prepare,
                                        gpointer             engine,
                                        GError             **error);
gboolean      sec_stmt_cache_give_back (SecStmtCacheMark    *mark);

G_END_DECLS
