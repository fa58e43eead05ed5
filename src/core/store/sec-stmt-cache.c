/* sec-stmt-cache.c: an engine's prepared statements, kept by their SQL
 *
 * What the SQLite and PostgreSQL engines kept each in a hash table of
 * their own, with the same lookup, the same handle given out and the same
 * second handle for a nested call (see sec-stmt-cache.h).
 */
#define G_LOG_DOMAIN "sec-engine"

#include "config.h"

#include "core/store/sec-stmt-cache.h"

struct _SecStmtCache
{
  GHashTable *statements;   /* SQL text -> the engine's statement, the cached handle */
  gsize       mark_offset;  /* of the SecStmtCacheMark in a statement */
};

static SecStmtCacheMark *
get_mark (SecStmtCache *cache,
          gpointer      stmt)
{
  return G_STRUCT_MEMBER_P (stmt, cache->mark_offset);
}

/**
 * sec_stmt_cache_new:
 * @mark_offset: where a statement holds its #SecStmtCacheMark
 *   (G_STRUCT_OFFSET)
 * @free_stmt: frees a statement the cache holds, when it goes
 *
 * Returns: (transfer full): an empty cache
 */
SecStmtCache *
sec_stmt_cache_new (gsize          mark_offset,
                    GDestroyNotify free_stmt)
{
  SecStmtCache *cache;

  g_return_val_if_fail (free_stmt != NULL, NULL);

  cache = g_new0 (SecStmtCache, 1);
  cache->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_stmt);
  cache->mark_offset = mark_offset;
  return cache;
}

/* Frees @cache and every statement it holds. */
void
sec_stmt_cache_free (SecStmtCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_destroy (cache->statements);
  g_free (cache);
}

/**
 * sec_stmt_cache_take:
 * @prepare: prepares a new statement of @sql on @engine
 *
 * The cached statement of @sql, marked in use, when it is not in use
 * already; otherwise one made by @prepare: kept in the cache (and marked
 * in use) when @sql had none, apart (its user frees it) when the cached
 * one is out.
 *
 * Returns: (transfer none) (nullable): the statement, to hand back with
 *   sec_stmt_cache_give_back (); NULL with @error set if @prepare failed
 */
gpointer
sec_stmt_cache_take (SecStmtCache         *cache,
                     const char           *sql,
                     SecStmtCachePrepare   prepare,
                     gpointer              engine,
                     GError              **error)
{
  gpointer cached, stmt;
  SecStmtCacheMark *mark;

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  cached = g_hash_table_lookup (cache->statements, sql);
  if (cached != NULL && !(mark = get_mark (cache, cached))->in_use)
    {
      mark->in_use = TRUE;
      return cached;
    }
  stmt = prepare (engine, sql, error);
  if (stmt == NULL || cached != NULL)
    return stmt;
  mark = get_mark (cache, stmt);
  mark->cached = TRUE;
  mark->in_use = TRUE;
  g_hash_table_insert (cache->statements, g_strdup (sql), stmt);
  return stmt;
}

/* A statement's user is done with it. Returns TRUE when it is the cache's
 * (free again: the engine only resets it), FALSE when it was prepared
 * apart (the engine frees it). */
gboolean
sec_stmt_cache_give_back (SecStmtCacheMark *mark)
{
  g_return_val_if_fail (mark != NULL, FALSE);

  if (!mark->cached)
    return FALSE;
  mark->in_use = FALSE;
  return TRUE;
}
