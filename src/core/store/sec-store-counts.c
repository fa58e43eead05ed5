/* sec-store-counts.c: a list's count kept until the data changes
 *
 * Part of SecStore (see sec-store-private.h). A list's count does not
 * change with its sort, yet a sort change counted the list again, and the
 * list pane's reset before it counted it once more; on a server each count
 * of the 200,000 people checks every entry of an index for its row's
 * visibility (16–27 ms), where SQLite adds up its b-tree's cell counts.
 * The counts of the queries asked are now kept per table, search and
 * conditions (not sort, not range), and all of them forgotten at any
 * change of the data, read from a stamp before each count:
 * - on a server, the snapshot a statement sees (pg_current_snapshot ():
 *   the oldest transaction still running, the next one, those running
 *   between): any transaction that wrote and ended since, this
 *   connection's or another's, committed or rolled back, changes it, and
 *   two statements that see the same snapshot see the same rows. It is
 *   exact where other clients' notifications (sec-store-notify.c) arrive
 *   some time after their commit, and only to a store that follows them;
 * - in a file, total_changes () (this connection's writes, even rolled
 *   back) and PRAGMA data_version (another connection's commit), as
 *   sec-search-hits.c reads them.
 * The stamp is read before the count, so a count is never older than the
 * stamp it is kept under (a commit in between makes the next stamp differ
 * and the count is read again). Inside a transaction nothing is kept or
 * read: its own writes are not in the stamp, and a rollback would undo
 * what was counted.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

/* More queries than a window asks between two changes; past it the whole
 * lot is dropped (the next change would drop it anyway). */
#define MAX_KEPT 256

typedef struct {
  GHashTable *counts;       /* key (count_key ()) -> gint64 *, counted at @stamp */
  char       *stamp;        /* NULL: not read yet */
  gint        forgot_all;   /* forget_all when @counts was last checked */
  gint        forgot_searches;
  guint       n_counted;    /* counts read from the database (tests) */
} Counts;

/* Grow at each _sec_store_forget_counts () (atomic). */
static gint forget_all;
static gint forget_searches;

static void
counts_free (gpointer data)
{
  Counts *c = data;

  g_hash_table_unref (c->counts);
  g_free (c->stamp);
  g_free (c);
}

static Counts *
get_counts (SecStore *self)
{
  Counts *c = g_object_get_data (G_OBJECT (self), "sec-kept-counts");

  if (c == NULL)
    {
      c = g_new0 (Counts, 1);
      c->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      c->forgot_all = g_atomic_int_get (&forget_all);
      c->forgot_searches = g_atomic_int_get (&forget_searches);
      g_object_set_data_full (G_OBJECT (self), "sec-kept-counts", c, counts_free);
    }
  return c;
}

/**
 * _sec_store_read_file_stamp:
 * @changes: (out): the rows changed by the connection, even if rolled back
 * @version: (out): PRAGMA data_version: moves at another connection's commit
 *
 * A file's state, for what is kept until the data changes (these counts,
 * sec-search-hits.c's matches). Two statements kept prepared: the
 * table-valued pragma_data_version () of one statement compiled the
 * PRAGMA anew at every read (4 % of a sort change of 200,000 people).
 *
 * Returns: whether it could be read
 */
gboolean
_sec_store_read_file_stamp (SecStore *self,
                            gint64   *changes,
                            gint64   *version)
{
  SecEngine *engine = _sec_store_get_engine (self);
  g_autoptr(SecStmt) total = sec_engine_prepare (engine, "SELECT total_changes ()", NULL);
  g_autoptr(SecStmt) pragma = NULL;

  if (total == NULL || sec_stmt_step (total, NULL) != SEC_STEP_ROW)
    return FALSE;
  *changes = sec_stmt_get_int64 (total, 0);
  pragma = sec_engine_prepare (engine, "PRAGMA data_version", NULL);
  if (pragma == NULL || sec_stmt_step (pragma, NULL) != SEC_STEP_ROW)
    return FALSE;
  *version = sec_stmt_get_int64 (pragma, 0);
  return TRUE;
}

/* What the data's state is now, as text; NULL if it cannot be read. */
static char *
read_stamp (SecStore *self)
{
  SecEngine *engine = _sec_store_get_engine (self);
  g_autoptr(SecStmt) stmt = NULL;
  gint64 changes, version;

  if (sec_engine_get_kind (engine) == SEC_ENGINE_SQLITE)
    return _sec_store_read_file_stamp (self, &changes, &version)
             ? g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, changes, version)
             : NULL;
  stmt = sec_engine_prepare (engine, "SELECT pg_current_snapshot ()::text", NULL);
  if (stmt == NULL || sec_stmt_step (stmt, NULL) != SEC_STEP_ROW)
    return NULL;
  return g_strdup (sec_stmt_get_text (stmt, 0));
}

/* The part of a query its count depends on: the table, the search, the
 * conditions; each value with its length, so that no text can pass for
 * another's separators. */
static char *
count_key (const SecKind  *kind,
           const SecQuery *query)
{
  GString *key = g_string_new (kind->table);
  const char *search = query != NULL ? sec_query_get_search (query) : NULL;
  guint n = query != NULL ? sec_query_get_n_conditions (query) : 0;

  if (search != NULL)
    g_string_append_printf (key, "\n%zu:%s", strlen (search), search);
  else
    g_string_append (key, "\n-");
  for (guint i = 0; i < n; i++)
    {
      const char *name, *value;
      SecQueryOp op;

      sec_query_get_condition (query, i, &name, &op, &value);
      g_string_append_printf (key, "\n%s %d ", name, (int) op);
      if (value != NULL)
        g_string_append_printf (key, "%zu:%s", strlen (value), value);
      else
        g_string_append_c (key, '-');
    }
  return g_string_free (key, FALSE);
}

static gboolean
has_search (const char *key)
{
  const char *line = strchr (key, '\n');

  return line != NULL && line[1] != '-';
}

/* Forgets what a stamp or a forgetting made stale. */
static void
check_current (Counts     *c,
               const char *stamp)
{
  gint all = g_atomic_int_get (&forget_all);
  gint searches = g_atomic_int_get (&forget_searches);

  if (g_strcmp0 (stamp, c->stamp) != 0 || all != c->forgot_all)
    g_hash_table_remove_all (c->counts);
  else if (searches != c->forgot_searches)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, c->counts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (has_search (key))
          g_hash_table_iter_remove (&iter);
    }
  c->forgot_all = all;
  c->forgot_searches = searches;
  g_free (c->stamp);
  c->stamp = g_strdup (stamp);
}

/**
 * _sec_store_kept_count:
 * @n: (out): the count kept
 *
 * The count of @query's rows of @kind kept since the data last changed.
 * Reads the data's stamp (one short statement), so call it right before
 * counting: a count kept after it with _sec_store_keep_count () is then
 * current for this stamp at least.
 *
 * Returns: whether one was kept (always FALSE inside a transaction)
 */
gboolean
_sec_store_kept_count (SecStore       *self,
                       const SecKind  *kind,
                       const SecQuery *query,
                       gint64         *n)
{
  g_autofree char *stamp = NULL;
  g_autofree char *key = NULL;
  Counts *c;
  gint64 *kept;

  if (_sec_store_in_transaction (self))
    return FALSE;
  c = get_counts (self);
  if ((stamp = read_stamp (self)) == NULL)
    {
      /* Nothing known: nothing kept, until a stamp can be read again. */
      g_hash_table_remove_all (c->counts);
      g_clear_pointer (&c->stamp, g_free);
      return FALSE;
    }
  check_current (c, stamp);
  key = count_key (kind, query);
  if ((kept = g_hash_table_lookup (c->counts, key)) == NULL)
    return FALSE;
  *n = *kept;
  return TRUE;
}

/* Keeps @n as the count of @query's rows of @kind, counted after the
 * stamp _sec_store_kept_count () read last. */
void
_sec_store_keep_count (SecStore       *self,
                       const SecKind  *kind,
                       const SecQuery *query,
                       gint64          n)
{
  Counts *c;

  get_counts (self)->n_counted++;
  if (_sec_store_in_transaction (self) || n < 0)
    return;
  c = get_counts (self);
  if (c->stamp == NULL)
    return;
  if (g_hash_table_size (c->counts) >= MAX_KEPT)
    g_hash_table_remove_all (c->counts);
  g_hash_table_insert (c->counts, count_key (kind, query), g_memdup2 (&n, sizeof n));
}

/* How many counts @self read from the database (not kept ones). */
guint
_sec_store_get_n_counted (SecStore *self)
{
  return get_counts (self)->n_counted;
}

/* Forgets the counts every store of the process keeps, or those of
 * searches only (benchmarks: a count, or a search, then is new). */
void
_sec_store_forget_counts (gboolean searches_only)
{
  g_atomic_int_inc (searches_only ? &forget_searches : &forget_all);
}
