/* sec-search-hits.c: a search's matches read once
 *
 * Part of SecStore (see sec-store-private.h). A keystroke in a long list
 * asks the store for the count, a page or two and the position of the
 * selected record, and each of them looked the search's words up in the
 * search index again: "m" finds 30,000 people of 200,000, read four times
 * (10–20 ms each under load). The matches of the last few searches of each
 * table are now kept in TEMP tables of the connection, one search a
 * table, filled once; the lists' SQL reads them instead of the index
 * ("t.id IN (SELECT id FROM temp.sec_hits_people_0)", which SQLite checks
 * in that table's own b-tree).
 *
 * They are forgotten at any change of the data: a write on this
 * connection (total_changes () grows, even when it is rolled back) or a
 * commit by another one (PRAGMA data_version). Inside a transaction
 * nothing is kept or read (a rollback would take the TEMP table's rows
 * with it): the lists then look the index up as before. A PostgreSQL
 * server has no such index (its LIKE uses a trigram index), so none of
 * this runs there.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

/* Searches kept per table: a list's and a picker's, the one before. */
#define N_SLOTS 4

typedef struct {
  char    *match;   /* the MATCH text whose rows the table holds; NULL: none */
  gint64   hits;    /* how many */
  guint64  used;    /* when last used, to replace the oldest */
  gboolean made;    /* the TEMP table exists */
} Slot;

typedef struct {
  GHashTable *tables;   /* table name -> Slot[N_SLOTS] */
  GHashTable *word_starts; /* "table letter" -> FTS5 alternatives */
  gint64      changes;  /* total_changes () when the slots were last known current */
  gint64      version;  /* PRAGMA data_version then */
  gint        forgotten; /* the value of forget_count then */
  guint64     clock;
} Hits;

/* Grows at each _sec_store_forget_search_hits () (atomic). */
static gint forget_count;

static void
slots_free (gpointer data)
{
  Slot *slots = data;

  for (guint i = 0; i < N_SLOTS; i++)
    g_free (slots[i].match);
  g_free (slots);
}

static void
hits_free (gpointer data)
{
  Hits *hits = data;

  g_hash_table_unref (hits->tables);
  g_hash_table_unref (hits->word_starts);
  g_free (hits);
}

static Hits *
get_hits (SecStore *self)
{
  Hits *hits = g_object_get_data (G_OBJECT (self), "sec-search-hits");

  if (hits == NULL)
    {
      hits = g_new0 (Hits, 1);
      hits->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, slots_free);
      hits->word_starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      hits->changes = -1;
      g_object_set_data_full (G_OBJECT (self), "sec-search-hits", hits, hits_free);
    }
  return hits;
}

/* Forgets every search kept when the data changed since they were read.
 * @unchanged: (out) (optional): whether it had not. */
static gboolean
check_current (SecStore *self,
               Hits     *hits,
               gboolean *unchanged)
{
  gint64 changes, version;
  GHashTableIter iter;
  gpointer value;

  if (unchanged != NULL)
    *unchanged = FALSE;
  if (!_sec_store_read_file_stamp (self, &changes, &version))
    return FALSE;
  if (changes == hits->changes && version == hits->version &&
      hits->forgotten == g_atomic_int_get (&forget_count))
    {
      if (unchanged != NULL)
        *unchanged = TRUE;
      return TRUE;
    }
  hits->forgotten = g_atomic_int_get (&forget_count);
  g_hash_table_iter_init (&iter, hits->tables);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Slot *slots = value;

      for (guint i = 0; i < N_SLOTS; i++)
        g_clear_pointer (&slots[i].match, g_free);
    }
  g_hash_table_remove_all (hits->word_starts);
  hits->changes = changes;
  hits->version = version;
  return TRUE;
}

/* The store's kept searches, when they may be used now; else NULL.
 * @unchanged: as check_current (). */
static Hits *
get_current (SecStore *self,
             gboolean *unchanged)
{
  Hits *hits;

  if (unchanged != NULL)
    *unchanged = FALSE;
  if (sec_engine_get_kind (_sec_store_get_engine (self)) != SEC_ENGINE_SQLITE ||
      _sec_store_in_transaction (self))
    return NULL;
  hits = get_hits (self);
  return check_current (self, hits, unchanged) ? hits : NULL;
}

static gboolean
run (SecStore   *self,
     const char *sql,
     const char *match,
     gint64     *changed)
{
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, NULL);

  if (stmt == NULL)
    return FALSE;
  if (match != NULL)
    sec_stmt_bind_text (stmt, 1, match);
  if (sec_stmt_step (stmt, NULL) != SEC_STEP_DONE)
    return FALSE;
  if (changed != NULL)
    *changed = sec_engine_changes (_sec_store_get_engine (self));
  return TRUE;
}

/* Puts the rows @match finds in @table's index into @slot's table. */
static gboolean
fill (SecStore   *self,
      const char *table,
      guint       slot,
      Slot       *s,
      const char *match)
{
  g_autofree char *name = g_strdup_printf ("sec_hits_%s_%u", table, slot);
  g_autofree char *create = g_strdup_printf ("CREATE TEMP TABLE IF NOT EXISTS %s (id INTEGER PRIMARY KEY)", name);
  g_autofree char *clear = g_strdup_printf ("DELETE FROM temp.%s", name);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO temp.%s SELECT rowid FROM %s_search WHERE %s_search MATCH ?1",
                                             name, table, table);

  g_clear_pointer (&s->match, g_free);
  if (!s->made && !run (self, create, NULL, NULL))
    return FALSE;
  s->made = TRUE;
  if (!run (self, clear, NULL, NULL) || !run (self, insert, match, &s->hits))
    return FALSE;
  s->match = g_strdup (match);
  return TRUE;
}

/**
 * _sec_store_search_hits:
 * @table: a table with a search index (its "<table>_search")
 * @match: the FTS5 MATCH text of a search
 * @n_hits: (out): how many rows it finds
 *
 * The TEMP table that holds the ids of the rows @match finds in @table's
 * index, filled now unless it already is; NULL on a server, inside a
 * transaction, or when it cannot be made (the caller then looks the index
 * up itself).
 *
 * Returns: (transfer full) (nullable): its name, "temp.sec_hits_<table>_<n>"
 */
char *
_sec_store_search_hits (SecStore   *self,
                        const char *table,
                        const char *match,
                        gint64     *n_hits)
{
  Hits *hits;
  Slot *slots, *slot = NULL;
  guint at = 0;
  gint64 changes, version;

  if ((hits = get_current (self, NULL)) == NULL)
    return NULL;
  if ((slots = g_hash_table_lookup (hits->tables, table)) == NULL)
    {
      slots = g_new0 (Slot, N_SLOTS);
      g_hash_table_insert (hits->tables, g_strdup (table), slots);
    }

  for (guint i = 0; i < N_SLOTS && slot == NULL; i++)
    if (g_strcmp0 (slots[i].match, match) == 0)
      slot = &slots[at = i];
  if (slot == NULL)
    {
      /* The one unused longest (a free one has not been used). */
      for (guint i = 1; i < N_SLOTS; i++)
        if ((slots[i].match == NULL ? 0 : slots[i].used) < (slots[at].match == NULL ? 0 : slots[at].used))
          at = i;
      slot = &slots[at];
      if (!fill (self, table, at, slot, match))
        {
          g_clear_pointer (&slot->match, g_free);
          return NULL;
        }
      /* Our own writes to the TEMP table leave the others current. Not
       * another connection's commit meanwhile: the fill may have read
       * the data before it, so the version stays the one read before the
       * fill, and the next look finds it changed (a list's worker filled
       * the matches while the window saved a person, and the search
       * then went on without them). */
      if (!_sec_store_read_file_stamp (self, &changes, &version))
        {
          g_clear_pointer (&slot->match, g_free);
          return NULL;
        }
      hits->changes = changes;
    }
  slot->used = ++hits->clock;
  *n_hits = slot->hits;
  return g_strdup_printf ("temp.sec_hits_%s_%u", table, at);
}

/* Forgets the searches kept, by every store of the process, the read-only
 * ones of lists' workers too (a benchmark times a search as a new one). */
void
_sec_store_forget_search_hits (void)
{
  g_atomic_int_inc (&forget_count);
  _sec_store_forget_counts (TRUE);
}

/* The index's trigrams that start a word with the letter @prefix in
 * @table (sec-search-index.c), as FTS5 alternatives ("" for none), read
 * from its vocabulary: kept like the matches, since a keystroke asked for
 * them four times (5–40 ms each under load). (transfer none) (nullable) */
const char *
_sec_store_kept_word_start (SecStore   *self,
                            const char *table,
                            const char *prefix)
{
  g_autofree char *key = g_strconcat (table, " ", prefix, NULL);
  Hits *hits = get_current (self, NULL);

  return hits != NULL ? g_hash_table_lookup (hits->word_starts, key) : NULL;
}

void
_sec_store_keep_word_start (SecStore   *self,
                            const char *table,
                            const char *prefix,
                            const char *alternatives)
{
  gboolean unchanged;
  Hits *hits = get_current (self, &unchanged);

  /* Read since _sec_store_kept_word_start () found none: kept only when
   * the data has not changed since then (else it may be older). */
  if (hits != NULL && unchanged)
    g_hash_table_insert (hits->word_starts, g_strconcat (table, " ", prefix, NULL), g_strdup (alternatives));
}
