/* sec-search-index.c: search as you type, from an index
 *
 * Part of SecStore (see sec-store-private.h). Each searchable table has a
 * trigram index of its folded search text (migration 5 in sec-schema.c).
 * A search's words of three letters or more are looked up there: the rows
 * whose text holds every word, exactly as "LIKE '%word%'" on every row
 * would find them, without reading every row. Shorter words alongside them
 * filter those rows by LIKE. A search of only one- or two-letter words
 * ("m", "mü") finds the records with a word starting so, from the index's
 * trigrams that start a word (" mu", " ma"...): every row holds some
 * letter, and a list of everyone with an "m" somewhere helps nobody.
 * Greek and Cyrillic words also match their Latin forms (sec-translit.h),
 * which the stored search text holds beside the name.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-fold.h"
#include "core/base/sec-translit.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

/* At most this many trigrams stand for a one-letter word: more than any
 * alphabet's letter pairs after a word start, so none is left out. */
#define MAX_TERMS 2000

/* The tables that have a search index, read once from the file (object
 * data, so the store's struct stays as it is). (transfer none) */
static GHashTable *
indexed_tables (SecStore *self)
{
  GHashTable *tables = g_object_get_data (G_OBJECT (self), "sec-search-indexed");

  if (tables == NULL)
    {
      g_autoptr(SecStmt) stmt = NULL;

      tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      /* A PostgreSQL server has no FTS5 tables: its trigram indexes
       * (sec-schema-pg.c) serve the LIKE of every search. */
      if (sec_engine_get_kind (_sec_store_get_engine (self)) == SEC_ENGINE_SQLITE)
        stmt = sec_engine_prepare (_sec_store_get_engine (self),
                                 "SELECT substr(name, 1, length(name) - 7) FROM sqlite_schema"
                                 " WHERE type = 'table' AND name LIKE '%\\_search' ESCAPE '\\'"
                                 " AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'", NULL);
      while (stmt != NULL && sec_stmt_step (stmt, NULL) == SEC_STEP_ROW)
        g_hash_table_add (tables, g_strdup (sec_stmt_get_text (stmt, 0)));
      g_object_set_data_full (G_OBJECT (self), "sec-search-indexed", tables,
                              (GDestroyNotify) g_hash_table_unref);
    }
  return tables;
}

static void
add_param (GPtrArray  *params,
           const char *text)
{
  g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (text)));
}

/* Appends @text as an FTS5 string (double quotes doubled). */
static void
append_fts_string (GString    *out,
                   const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Appends "(search_text LIKE ?N OR ...)" for the alternatives of one word. */
static void
append_like_at (GString           *sql,
                const char *const *alternatives,
                GPtrArray         *params,
                gboolean           word_start)
{
  g_string_append (sql, " AND (");
  for (guint i = 0; alternatives[i]; i++)
    {
      g_autoptr(GString) pattern = g_string_new (word_start ? "% " : "%");

      for (const char *p = alternatives[i]; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      g_string_append_printf (sql, "%s%s LIKE ?%u ESCAPE '\\'", i > 0 ? " OR " : "",
                              word_start ? "(' ' || t.search_text)" : "t.search_text", params->len + 1);
      add_param (params, pattern->str);
    }
  g_string_append_c (sql, ')');
}

static void
append_like (GString           *sql,
             const char *const *alternatives,
             GPtrArray         *params)
{
  append_like_at (sql, alternatives, params, FALSE);
}

static gboolean
all_long (const char *const *alternatives)
{
  for (guint i = 0; alternatives[i]; i++)
    if (g_utf8_strlen (alternatives[i], -1) < 3)
      return FALSE;
  return TRUE;
}

/* Appends to @match the trigrams of @table's index that start a word with
 * the one- or two-letter @prefix, as FTS5 alternatives; FALSE if there is
 * none. */
static gboolean
append_word_start (SecStore   *self,
                   const char *table,
                   const char *prefix,
                   GString    *match,
                   GError    **error)
{
  g_autofree char *start = g_strconcat (" ", prefix, NULL);
  g_autofree char *end = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GString) terms = g_string_new (NULL);
  const char *kept;
  guint n = 0;
  SecStep step;

  if (g_utf8_strlen (prefix, -1) == 2)
    {
      append_fts_string (match, start);
      return TRUE;
    }
  if ((kept = _sec_store_kept_word_start (self, table, prefix)) != NULL)
    {
      g_string_append (match, kept);
      return kept[0] != '\0';
    }

  /* Bounded above too (by the prefix and the last code point, U+10FFFF):
   * with "term >= ?1" alone the vocabulary table read on to its end
   * (8–26 ms a keystroke in the big file, 0.6 s for the whole of it). */
  sql = g_strdup_printf ("SELECT term FROM %s_search_terms WHERE term >= ?1 AND term < ?2 ORDER BY term", table);
  if ((stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, error)) == NULL)
    return FALSE;
  end = g_strconcat (start, "\xf4\x8f\xbf\xbf", NULL);
  sec_stmt_bind_text (stmt, 1, start);
  sec_stmt_bind_text (stmt, 2, end);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW && n < MAX_TERMS)
    {
      const char *term = sec_stmt_get_text (stmt, 0);

      if (!g_str_has_prefix (term, start))
        break;
      g_string_append (terms, n > 0 ? " OR " : "");
      append_fts_string (terms, term);
      n++;
    }
  if (step == SEC_STEP_ERROR)
    return FALSE;
  _sec_store_keep_word_start (self, table, prefix, terms->str);
  g_string_append (match, terms->str);
  return n > 0;
}

gboolean
_sec_store_append_search (SecStore       *self,
                          const SecKind  *kind,
                          const char     *search,
                          GString        *sql,
                          GPtrArray      *params,
                          gssize         *index_at,
                          gint64         *n_hits,
                          GError        **error)
{
  gint64 unused_hits;
  g_autofree char *folded = sec_fold (search);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr(GPtrArray) groups = sec_translit_alternatives ((const char *const *) words);
  g_autoptr(GString) match = g_string_new (NULL);
  gboolean indexed = g_hash_table_contains (indexed_tables (self), kind->table);
  gboolean any_long = FALSE;

  if (n_hits == NULL)
    n_hits = &unused_hits;
  *n_hits = -1;
  if (index_at != NULL)
    *index_at = -1;
  if (groups->len == 0)
    return TRUE;

  for (guint i = 0; i < groups->len; i++)
    any_long |= all_long (g_ptr_array_index (groups, i));

  /* On a server, the trigram index of search_text (sec-schema-pg.c) serves
   * LIKE; short words alone match word starts, as the FTS5 index's terms
   * make them do in a file. */
  if (sec_engine_get_kind (_sec_store_get_engine (self)) == SEC_ENGINE_POSTGRESQL)
    {
      for (guint i = 0; i < groups->len; i++)
        append_like_at (sql, g_ptr_array_index (groups, i), params, !any_long);
      return TRUE;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      const char *const *alternatives = g_ptr_array_index (groups, i);

      if (!indexed || (any_long && !all_long (alternatives)))
        {
          append_like (sql, alternatives, params);
          continue;
        }

      g_string_append (match, match->len > 0 ? " AND (" : "(");
      if (any_long)
        {
          for (guint j = 0; alternatives[j]; j++)
            {
              g_string_append (match, j > 0 ? " OR " : "");
              append_fts_string (match, alternatives[j]);
            }
        }
      else
        {
          gboolean found = FALSE;

          for (guint j = 0; alternatives[j]; j++)
            {
              gsize before = match->len;

              if (found)
                g_string_append (match, " OR ");
              if (append_word_start (self, kind->table, alternatives[j], match, error))
                found = TRUE;
              else if (error != NULL && *error != NULL)
                return FALSE;
              else
                g_string_truncate (match, before);
            }
          if (!found)
            {
              /* No record has a word starting so. */
              g_string_append (sql, " AND FALSE");
              return TRUE;
            }
        }
      g_string_append_c (match, ')');
    }

  if (match->len > 0)
    {
      /* The matches, read once for the count, the pages and the
       * positions of one search (sec-search-hits.c). */
      g_autofree char *hits_table = _sec_store_search_hits (self, kind->table, match->str, n_hits);

      if (index_at != NULL)
        *index_at = (gssize) sql->len + (gssize) strlen (" AND ");
      if (hits_table != NULL)
        g_string_append_printf (sql, " AND t.id IN (SELECT id FROM %s)", hits_table);
      else
        {
          *n_hits = -1;
          g_string_append_printf (sql, " AND t.id IN (SELECT rowid FROM %s_search WHERE %s_search MATCH ?%u)",
                                  kind->table, kind->table, params->len + 1);
          add_param (params, match->str);
        }
    }
  return TRUE;
}

/**
 * sec_store_search_everywhere:
 * @per_kind: at most this many records of each kind
 *
 * What one search box finds in every section: people, organisations,
 * meetings, calls, joint statements and bodies, in that order, each kind in
 * its list's order.
 *
 * Returns: (transfer full) (element-type SecRecord): the records, grouped
 *   by kind
 */
GPtrArray *
sec_store_search_everywhere (SecStore    *self,
                             const char  *text,
                             guint        per_kind,
                             GError     **error)
{
  const GType kinds[] = {
    SEC_TYPE_PERSON, SEC_TYPE_ORGANISATION, SEC_TYPE_MEETING,
    SEC_TYPE_CALL, SEC_TYPE_STATEMENT, SEC_TYPE_BODY,
  };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SecQuery) query = sec_query_new ();

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (per_kind > 0, NULL);

  sec_query_set_search (query, text);
  if (sec_query_get_search (query) == NULL)
    return g_steal_pointer (&all);
  sec_query_set_range (query, 0, per_kind);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) found = NULL;

      /* The newest meetings first, as a search usually means them. */
      sec_query_set_sort (query, kinds[k] == SEC_TYPE_MEETING ? "starts-at" : NULL, kinds[k] == SEC_TYPE_MEETING);
      if ((found = sec_store_list (self, kinds[k], query, error)) == NULL)
        return NULL;
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (found, i)));
    }
  return g_steal_pointer (&all);
}

/**
 * sec_store_search_index_optimize:
 *
 * Merges each search index into one piece, which drops what deleted rows
 * left in it: the index holds no text, but the trigrams of an erased name
 * stay in the file until their part of the index is rewritten.
 *
 * Returns: whether it worked
 */
gboolean
sec_store_search_index_optimize (SecStore  *self,
                                 GError   **error)
{
  g_autofree const char **tables = NULL;
  guint n = 0;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  tables = (const char **) g_hash_table_get_keys_as_array (indexed_tables (self), &n);
  if (!sec_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *table = tables[i];
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s_search (%s_search) VALUES ('optimize')", table, table);

      if (!sec_engine_exec (_sec_store_get_engine (self), sql, error))
        {
          sec_store_rollback (self);
          return FALSE;
        }
    }
  return sec_store_commit_or_rollback (self, error);
}
