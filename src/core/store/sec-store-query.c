/* sec-store-query.c: lists of records
 *
 * Part of SecStore (see sec-store-private.h): list, count and position,
 * which all build their SQL from a SecQuery (the WHERE of its search and
 * conditions, the ORDER BY of its sort) with the values as parameters.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-fold.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

typedef struct {
  SecStore *store;
  GString *sql;
  GPtrArray *params;  /* of GVariant */
  gssize index_at;    /* where in @sql the condition on the search index starts, or -1 */
  guint match_param;  /* then the index in @params of its MATCH... */
  gint64 hits;        /* ...unless its matches are kept: how many (else -1) */
} Builder;

static void
builder_init (Builder   *b,
              SecStore  *store,
              GPtrArray *params)
{
  b->store = store;
  b->sql = g_string_new (NULL);
  b->params = params;
  b->index_at = -1;
  b->match_param = 0;
  b->hits = -1;
}

/* Appends @text with each "?" (the one value of a relation's SQL) as the
 * numbered placeholder ?@index. */
static void
append_numbered (GString    *sql,
                 const char *text,
                 guint       index)
{
  for (const char *p = text; *p; p++)
    if (*p == '?')
      g_string_append_printf (sql, "?%u", index);
    else
      g_string_append_c (sql, *p);
}

static gboolean
build_conditions (const SecKind  *kind,
                  const SecQuery *query,
                  Builder        *b,
                  GError        **error)
{
  const char *search;

  g_string_append (b->sql, " WHERE TRUE");
  if (query == NULL)
    return TRUE;

  search = sec_query_get_search (query);
  if (search != NULL &&
      !_sec_store_append_search (b->store, kind, search, b->sql, b->params, &b->index_at, &b->hits, error))
    return FALSE;
  if (b->index_at >= 0)
    b->match_param = b->params->len - 1;

  for (guint i = 0; i < sec_query_get_n_conditions (query); i++)
    {
      const char *name, *value;
      SecQueryOp op;
      const SecField *field = NULL;
      g_autofree char *column = NULL;
      GVariant *param;
      guint n_param;

      sec_query_get_condition (query, i, &name, &op, &value);
      n_param = b->params->len + 1;

      if (op == SEC_QUERY_RELATION)
        {
          const SecRelation *rel = NULL;
          gint64 id = 0;

          for (const SecRelation *r = kind->relations; r && r->name; r++)
            if (g_str_equal (r->name, name))
              rel = r;
          if (rel == NULL || value == NULL || value[0] == '\0')
            {
              g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                           _("%s cannot be filtered by “%s”"), _(kind->plural_label), name);
              return FALSE;
            }
          g_string_append (b->sql, " AND (");
          append_numbered (b->sql, rel->sql, b->params->len + 1);
          g_string_append_c (b->sql, ')');
          /* A record's id, or a value such as a country code. */
          if (g_ascii_string_to_signed (value, 10, 1, G_MAXINT64, &id, NULL))
            g_ptr_array_add (b->params, g_variant_ref_sink (g_variant_new_int64 (id)));
          else
            g_ptr_array_add (b->params, g_variant_ref_sink (g_variant_new_string (value)));
          continue;
        }

      if (g_str_equal (name, "id"))
        column = g_strdup ("id");
      else if ((field = sec_kind_find_field (kind, name)) != NULL)
        column = sec_field_column (field);
      else
        {
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                       _("%s have no field “%s”"), _(kind->plural_label), name);
          return FALSE;
        }

      if (op == SEC_QUERY_IS_EMPTY)
        {
          g_string_append_printf (b->sql, " AND (t.%s IS NULL OR t.%s = '')", column, column);
          continue;
        }

      if (value == NULL)
        {
          g_string_append_printf (b->sql, op == SEC_QUERY_NOT_EQUALS ? " AND t.%s IS NOT NULL" : " AND t.%s IS NULL", column);
          continue;
        }

      {
        gint64 n;
        gboolean numeric = field == NULL || field->type == SEC_FIELD_REF ||
                           field->type == SEC_FIELD_INT || field->type == SEC_FIELD_BOOL;

        if (numeric && op != SEC_QUERY_YEAR)
          {
            if (!g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &n, NULL))
              {
                g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                             _("“%s” is not a number"), value);
                return FALSE;
              }
            param = g_variant_new_int64 (n);
          }
        else
          param = g_variant_new_string (value);
      }

      switch (op)
        {
        case SEC_QUERY_EQUALS:
          g_string_append_printf (b->sql, " AND t.%s = ?%u", column, n_param);
          break;
        case SEC_QUERY_NOT_EQUALS:
          g_string_append_printf (b->sql, " AND (t.%s IS NULL OR t.%s <> ?%u)", column, column, n_param);
          break;
        case SEC_QUERY_AT_LEAST:
          g_string_append_printf (b->sql, " AND t.%s >= ?%u", column, n_param);
          break;
        case SEC_QUERY_BEFORE:
          g_string_append_printf (b->sql, " AND t.%s < ?%u", column, n_param);
          break;
        case SEC_QUERY_YEAR:
          g_string_append_printf (b->sql, " AND substr(t.%s, 1, 4) = ?%u", column, n_param);
          break;
        case SEC_QUERY_RELATION:
        case SEC_QUERY_IS_EMPTY:
        default:
          g_assert_not_reached ();
        }
      g_ptr_array_add (b->params, g_variant_ref_sink (param));
    }

  return TRUE;
}

/* The WHERE of @query's search and conditions; none when there are none,
 * so that SQLite counts a whole table from its b-tree alone. */
static gboolean
build_where (const SecKind  *kind,
             const SecQuery *query,
             Builder        *b,
             GError        **error)
{
  gsize mark = b->sql->len;

  if (!build_conditions (kind, query, b, error))
    return FALSE;
  if (b->sql->len == mark + strlen (" WHERE TRUE"))
    g_string_truncate (b->sql, mark);
  return TRUE;
}

/* Whether @kind's table has an index on its sort key alone, or on a
 * server on its sort key and id (as migration 16 remade them), read once
 * from the engine's own catalogue (object data, so the store's struct
 * stays as it is). A server asked SQLite's catalogue used to fail, and
 * counted a record's position by numbering every row of the list. */
static gboolean
has_sort_key_index (SecStore      *self,
                    const SecKind *kind)
{
  GHashTable *tables = g_object_get_data (G_OBJECT (self), "sec-sort-key-indexed");
  gpointer found;

  if (tables == NULL)
    {
      tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (self), "sec-sort-key-indexed", tables,
                              (GDestroyNotify) g_hash_table_unref);
    }
  if (!g_hash_table_lookup_extended (tables, kind->table, NULL, &found))
    {
      SecEngine *engine = _sec_store_get_engine (self);
      const char *sql = sec_engine_get_kind (engine) == SEC_ENGINE_SQLITE
                          ? "SELECT 1 FROM sqlite_schema WHERE type = 'index'"
                            " AND tbl_name = ?1 AND sql LIKE '%(sort_key)'"
                          : "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema ()"
                            " AND tablename = ?1 AND (indexdef LIKE '%(sort_key)' OR indexdef LIKE '%(sort_key, id)')";
      g_autoptr(SecStmt) stmt = sec_engine_prepare (engine, sql, NULL);

      found = GINT_TO_POINTER (FALSE);
      if (stmt != NULL)
        {
          sec_stmt_bind_text (stmt, 1, kind->table);
          found = GINT_TO_POINTER (sec_stmt_step (stmt, NULL) == SEC_STEP_ROW);
        }
      g_hash_table_insert (tables, g_strdup (kind->table), found);
    }
  return GPOINTER_TO_INT (found);
}

/* Whether @query lists @kind in the order of an index: its default order
 * (sort key, then id) and an index on the sort key. */
static gboolean
in_sort_key_order (SecStore       *self,
                   const SecKind  *kind,
                   const SecQuery *query)
{
  return kind->sort_fields != NULL && (query == NULL || sec_query_get_sort (query, NULL) == NULL) &&
         has_sort_key_index (self, kind);
}

/* How many rows the search index finds for the MATCH of @b, and about how
 * many rows @kind's table has (its largest id: no count of every row). */
static gboolean
count_matches (SecStore      *self,
               const SecKind *kind,
               Builder       *b,
               double        *matches,
               double        *rows)
{
  g_autofree char *sql = NULL;
  g_autoptr(SecStmt) stmt = NULL;

  /* Kept matches are counted already. */
  if (b->hits >= 0)
    sql = g_strdup_printf ("SELECT ?1, (SELECT max(id) FROM %s)", kind->table);
  else
    sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %s_search WHERE %s_search MATCH ?1),"
                           " (SELECT max(id) FROM %s)",
                           kind->table, kind->table, kind->table);
  if ((stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, NULL)) == NULL)
    return FALSE;
  if (b->hits >= 0)
    sec_stmt_bind_int64 (stmt, 1, b->hits);
  else
    sec_stmt_bind_text (stmt, 1, g_variant_get_string (g_ptr_array_index (b->params, b->match_param), NULL));
  if (sec_stmt_step (stmt, NULL) != SEC_STEP_ROW)
    return FALSE;
  *matches = (double) sec_stmt_get_int64 (stmt, 0);
  *rows = (double) sec_stmt_get_int64 (stmt, 1);
  return TRUE;
}

/* A search that finds a large part of the rows ("m": 30,000 people of
 * 200,000) is read in the order's index, each row checked against the
 * index's matches, until the page is full: SQLite's own plan looks each
 * match up and sorts them all first (0.1 s for "m", against 5 ms). Any
 * other is better looked up and sorted: reading the index in order can
 * have to read all of it (0.1 s) before it finds a name that sorts last
 * ("tsipov", 3,400 people whose names all sort after the Latin ones: 24 ms
 * looked up and sorted, 110 ms through the index; "quintavalle": 2 ms
 * against 50). Looking a match up and sorting it costs about eight times
 * reading an entry of the index, hence the threshold: an eighth of the
 * rows. The "+" before "t.id IN" keeps SQLite from looking the matches
 * up. The same holds for counting the rows before a position. */
static void
choose_search_plan (SecStore       *self,
                    const SecKind  *kind,
                    const SecQuery *query,
                    Builder        *b)
{
  double matches, rows;

  if (b->index_at < 0 || !in_sort_key_order (self, kind, query) ||
      !count_matches (self, kind, b, &matches, &rows))
    return;
  if (rows < 8 * matches)
    g_string_insert_c (b->sql, b->index_at, '+');
}

/* Whether a page of @query's search on a server is better found first
 * and sorted after. The planner reads a search's page in the order of
 * the sort's index, checking each row against the search, as soon as it
 * expects the matches to be spread evenly: "tsipov" (3,400 people whose
 * names all sort after the Latin ones) read 176,000 entries of
 * people_sort and their rows for a page (0.3–1.1 s), where the trigram
 * index finds them and they are sorted in 20 ms. As in a file
 * (choose_search_plan ()), reading in order is left to the planner only
 * when the search finds an eighth of the rows or more ("m": 30,000 of
 * 200,000 people); the count of the search is the one the list asked
 * for first, kept (sec-store-counts.c), and the rows are about the
 * largest id. A count not kept (inside a transaction) is not read for
 * this: the planner chooses, as before. */
static gboolean
server_looks_up_search (SecStore       *self,
                        const SecKind  *kind,
                        const SecQuery *query)
{
  SecEngine *engine = _sec_store_get_engine (self);
  g_autofree char *sql = NULL;
  g_autoptr(SecStmt) stmt = NULL;
  gint64 matches;

  if (sec_engine_get_kind (engine) == SEC_ENGINE_SQLITE || query == NULL || sec_query_get_search (query) == NULL)
    return FALSE;
  if (!_sec_store_kept_count (self, kind, query, &matches))
    return FALSE;
  sql = g_strdup_printf ("SELECT max(id) FROM %s", kind->table);
  if ((stmt = sec_engine_prepare (engine, sql, NULL)) == NULL || sec_stmt_step (stmt, NULL) != SEC_STEP_ROW)
    return TRUE;
  return sec_stmt_get_int64 (stmt, 0) >= 8 * matches;
}

/* The derived sort key @query sorts @kind by when it is a column of the
 * rows themselves (people's organisation_sort_key, kept by triggers:
 * migration 16), which an index on (it, sort_key) orders; or NULL. */
static const SecDerived *
stored_sort_key (const SecKind  *kind,
                 const SecQuery *query)
{
  const char *sort = query ? sec_query_get_sort (query, NULL) : NULL;

  if (sort == NULL || kind->derived == NULL)
    return NULL;
  for (const SecDerived *d = kind->derived; d->name; d++)
    if (g_str_equal (d->name, sort) && _sec_store_is_sort_key (d) && _sec_store_derived_column (d) != NULL)
      return d;
  return NULL;
}

static gboolean
build_order (const SecKind  *kind,
             const SecQuery *query,
             GString        *sql,
             GError        **error)
{
  gboolean descending = FALSE;
  const char *sort = query ? sec_query_get_sort (query, &descending) : NULL;
  const char *dir = descending ? "DESC" : "ASC";

  if (sort == NULL)
    {
      if (kind->sort_fields != NULL)
        g_string_append_printf (sql, " ORDER BY t.sort_key %s, t.id %s", dir, dir);
      else
        g_string_append_printf (sql, " ORDER BY t.id %s", dir);
      return TRUE;
    }

  if (g_str_equal (sort, "id") || g_str_equal (sort, "created-at") || g_str_equal (sort, "updated-at"))
    {
      g_autofree char *column = g_strdelimit (g_strdup (sort), "-", '_');
      g_string_append_printf (sql, " ORDER BY t.%s %s, t.id %s", column, dir, dir);
      return TRUE;
    }

  {
    const SecField *field = sec_kind_find_field (kind, sort);
    const SecDerived *stored = stored_sort_key (kind, query);
    g_autofree char *column = NULL;

    if (stored != NULL)
      {
        /* Empty ones last and ties in the record's own order, as for a
         * field: the index on (key, sort_key) reads it in either direction. */
        g_string_append_printf (sql, " ORDER BY %s %s NULLS LAST", stored->sql, dir);
        if (kind->sort_fields != NULL)
          g_string_append_printf (sql, ", t.sort_key %s", dir);
        g_string_append_printf (sql, ", t.id %s", dir);
        return TRUE;
      }
    if (field == NULL)
      {
        if (kind->derived != NULL)
          for (const SecDerived *d = kind->derived; d->name; d++)
            if (g_str_equal (d->name, sort))
              {
                /* A "-sort-key" is a stored collation key and compares
                 * as bytes; other names computed by SQL sort in the
                 * locale's order (numbers are not affected). */
                g_string_append_printf (sql, " ORDER BY %s%s %s, t.id %s", d->sql,
                                        _sec_store_is_sort_key (d) ? "" : " COLLATE sec_locale", dir, dir);
                return TRUE;
              }
        g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                     _("%s cannot be sorted by “%s”"), _(kind->plural_label), sort);
        return FALSE;
      }
    column = sec_field_column (field);
    /* Empty values last, whichever the direction: "NULLS LAST", which
     * SQLite reads from an index on the column as well (an "IS NULL" term
     * before it would make it sort every row). */
    if (field->flags & SEC_FIELD_REQUIRED)
      g_string_append_printf (sql, " ORDER BY t.%s %s, t.sort_key %s, t.id %s", column, dir, dir, dir);
    else
      g_string_append_printf (sql, " ORDER BY t.%s %s NULLS LAST, t.sort_key %s, t.id %s",
                              column, dir, dir, dir);
  }
  return TRUE;
}

static void
bind_params (SecStmt   *stmt,
             GPtrArray *params)
{
  for (guint i = 0; i < params->len; i++)
    {
      GVariant *v = g_ptr_array_index (params, i);

      if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        sec_stmt_bind_int64 (stmt, (int) i + 1, g_variant_get_int64 (v));
      else
        sec_stmt_bind_text (stmt, (int) i + 1, g_variant_get_string (v, NULL));
    }
}

/* Prepares the SQL @b built, with its parameters bound; frees the SQL. */
static SecStmt *
prepare_built (SecStore  *self,
               Builder   *b,
               GError   **error)
{
  SecStmt *stmt = sec_engine_prepare (_sec_store_get_engine (self), b->sql->str, error);

  g_string_free (b->sql, TRUE);
  b->sql = NULL;
  if (stmt != NULL)
    bind_params (stmt, b->params);
  return stmt;
}

/* The one number the SQL @b built returns; -1 when there is no row. */
static gint64
read_number (SecStore  *self,
             Builder   *b,
             GError   **error)
{
  g_autoptr(SecStmt) stmt = prepare_built (self, b, error);

  if (stmt == NULL || sec_stmt_step (stmt, error) != SEC_STEP_ROW)
    return -1;
  return sec_stmt_get_int64 (stmt, 0);
}

/* More shapes of page than a window's lists ask; past it all are dropped. */
#define MAX_PLANS 256
/* The pages read in one pass when they can be (see sec_store_list ()):
 * the first ten. */
#define ONE_PASS_MAX_OFFSET 2000

/* Whether SQLite reads the rows of @sql (a page's query, "SELECT columns
 * FROM ... ORDER BY ..." without its LIMIT) in their order from an index,
 * with no sort of its own: then it computes the derived columns of the
 * page's rows alone, and the page is best read in one pass. Otherwise
 * every row sorted would have its derived columns computed, and the page
 * is chosen by ids first (see sec_store_list ()). Asked once for each SQL
 * (EXPLAIN QUERY PLAN, about a preparation's cost), and kept by the store:
 * its plan does not change with the values bound, nor with the offset. A
 * wrong answer (an index set aside for a while) costs time, not rows. */
static gboolean
reads_in_order (SecStore   *self,
                const char *sql)
{
  GHashTable *plans = g_object_get_data (G_OBJECT (self), "sec-page-plans");
  g_autoptr(SecStmt) stmt = NULL;
  g_autofree char *explain = NULL;
  gboolean in_order;
  gpointer kept;
  SecStep step;

  if (plans == NULL)
    {
      plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (self), "sec-page-plans", plans,
                              (GDestroyNotify) g_hash_table_unref);
    }
  if (g_hash_table_lookup_extended (plans, sql, NULL, &kept))
    return GPOINTER_TO_INT (kept);

  /* The LIMIT leads SQLite to prefer an index's order, as it will. */
  explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, " LIMIT 200", NULL);
  stmt = sec_engine_prepare_once (_sec_store_get_engine (self), explain, NULL);
  in_order = stmt != NULL;
  /* Rows: id, parent, unused, detail. The outer query's own sort is
   * "USE TEMP B-TREE FOR [RIGHT PART OF |LAST TERM OF ]ORDER BY" at the
   * top (parent 0); a subquery's sorts are below their subquery's row. */
  while (stmt != NULL && (step = sec_stmt_step (stmt, NULL)) == SEC_STEP_ROW)
    {
      const char *detail = sec_stmt_get_text (stmt, 3);

      if (sec_stmt_get_int64 (stmt, 1) == 0 && detail != NULL &&
          g_str_has_prefix (detail, "USE TEMP B-TREE FOR") && strstr (detail, "ORDER BY") != NULL)
        in_order = FALSE;
    }
  if (stmt != NULL && step == SEC_STEP_ERROR)
    in_order = FALSE;
  if (g_hash_table_size (plans) >= MAX_PLANS)
    g_hash_table_remove_all (plans);
  g_hash_table_insert (plans, g_strdup (sql), GINT_TO_POINTER (in_order));
  return in_order;
}

GPtrArray *
sec_store_list (SecStore  *self,
                GType      kind_type,
                SecQuery  *query,
                GError   **error)
{
  const SecKind *kind;
  g_autofree char *columns = NULL;
  g_autoptr(GPtrArray) params = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) order = NULL;
  Builder b;
  g_autoptr(SecStmt) stmt = NULL;
  gint64 offset = 0, limit = -1;
  gsize from_at;
  gboolean one_pass = FALSE;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (kind_type, SEC_TYPE_RECORD), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kind = sec_kind_from_type (kind_type);
  columns = _sec_store_select_columns (kind);
  params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  builder_init (&b, self, params);

  if (query != NULL)
    sec_query_get_range (query, &offset, &limit);
  order = g_string_new (NULL);
  if (!build_order (kind, query, order, error))
    {
      g_string_free (b.sql, TRUE);
      return NULL;
    }

  /* A page is chosen by ids first, and only its rows read in full: the
   * derived values (a meeting's count of participants, a person's
   * organisation) of every row that is sorted but not shown would
   * otherwise be computed too. The outer ORDER BY sorts the page alone.
   * A page near the top that SQLite reads in the order of an index is
   * read in one pass instead (below). */
  if (limit >= 0)
    g_string_append_printf (b.sql, "SELECT %s FROM (SELECT t.id AS page_id FROM ", columns);
  else
    g_string_append_printf (b.sql, "SELECT %s FROM ", columns);
  from_at = b.sql->len;
  g_string_append_printf (b.sql, "%s t", kind->table);
  if (!build_where (kind, query, &b, error))
    {
      g_string_free (b.sql, TRUE);
      return NULL;
    }
  if (limit >= 0)
    choose_search_plan (self, kind, query, &b);
  if (limit >= 0 && server_looks_up_search (self, kind, query))
    {
      /* The rows found, apart: the planner cannot read them in the
       * order's index (see server_looks_up_search ()). */
      g_string_insert (b.sql, from_at, "(SELECT * FROM ");
      g_string_append (b.sql, " OFFSET 0) t");
    }
  g_string_append (b.sql, order->str);
  if (limit >= 0 && offset < ONE_PASS_MAX_OFFSET &&
      sec_engine_get_kind (_sec_store_get_engine (self)) == SEC_ENGINE_SQLITE)
    {
      /* Read from an index in the order, a page near the top is read in
       * one pass: choosing its ids first cost a second sort of its rows, a
       * third of a sort change's time in SQLite (issue 16). Further down,
       * the rows skipped cost more in one pass (each about 240 processor
       * instructions more than in the ids' index alone: the last page of
       * 200,000 people took 2.7 times as many), which the sort saved
       * outweighs up to some 5,000 rows. */
      g_autofree char *direct = g_strdup_printf ("SELECT %s FROM %s", columns, b.sql->str + from_at);

      if (reads_in_order (self, direct))
        {
          g_string_assign (b.sql, direct);
          one_pass = TRUE;
        }
    }
  /* No LIMIT -1 (SQLite's "all"): a server refuses a negative limit. */
  if (limit >= 0 || offset > 0)
    g_string_append_printf (b.sql, " LIMIT %" G_GINT64_FORMAT " OFFSET %" G_GINT64_FORMAT,
                            limit >= 0 ? limit : G_MAXINT64, offset);
  if (limit >= 0 && !one_pass)
    g_string_append_printf (b.sql, ") page %s %s t ON t.id = page.page_id%s",
                            /* SQLite's CROSS JOIN keeps the page first; PostgreSQL
                             * plans the join itself and wants no ON after CROSS JOIN. */
                            sec_engine_get_kind (_sec_store_get_engine (self)) == SEC_ENGINE_SQLITE
                            ? "CROSS JOIN" : "JOIN",
                            kind->table, order->str);

  if ((stmt = prepare_built (self, &b, error)) == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    g_ptr_array_add (records, _sec_store_record_from_row (kind_type, stmt));
  if (step == SEC_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&records);
}

gint64
sec_store_count (SecStore  *self,
                 GType      kind_type,
                 SecQuery  *query,
                 GError   **error)
{
  const SecKind *kind;
  g_autoptr(GPtrArray) params = NULL;
  Builder b;
  gint64 n;

  g_return_val_if_fail (SEC_IS_STORE (self), -1);
  g_return_val_if_fail (g_type_is_a (kind_type, SEC_TYPE_RECORD), -1);

  kind = sec_kind_from_type (kind_type);
  params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  builder_init (&b, self, params);
  g_string_append_printf (b.sql, "SELECT count(*) FROM %s t", kind->table);
  if (!build_where (kind, query, &b, error))
    {
      g_string_free (b.sql, TRUE);
      return -1;
    }
  {
    /* A search and nothing else: the index counts its matches alone, each
     * of which is a row (its triggers keep it so). */
    g_autofree char *only_search = g_strdup_printf ("SELECT count(*) FROM %s t WHERE TRUE AND t.id IN"
                                                    " (SELECT rowid FROM %s_search WHERE %s_search MATCH ?1)",
                                                    kind->table, kind->table, kind->table);
    g_autofree char *only_hits = g_strdup_printf ("SELECT count(*) FROM %s t WHERE TRUE AND t.id IN (SELECT id FROM temp.",
                                                  kind->table);

    /* Kept matches are counted already. */
    if (b.hits >= 0 && g_str_has_prefix (b.sql->str, only_hits) &&
        strchr (b.sql->str + strlen (only_hits), ' ') == NULL && g_str_has_suffix (b.sql->str, ")"))
      {
        g_string_free (b.sql, TRUE);
        return b.hits;
      }
    if (g_str_equal (b.sql->str, only_search))
      {
        g_string_truncate (b.sql, 0);
        g_string_append_printf (b.sql, "SELECT count(*) FROM %s_search WHERE %s_search MATCH ?1",
                                kind->table, kind->table);
      }
  }
  /* A count does not change with the sort: kept until the data changes
   * (sec-store-counts.c), after the search's matches were found above. */
  if (_sec_store_kept_count (self, kind, query, &n))
    {
      g_string_free (b.sql, TRUE);
      return n;
    }
  n = read_number (self, &b, error);
  _sec_store_keep_count (self, kind, query, n);
  return n;
}

/* An order that an index gives: its columns before the id, each with
 * whether the ORDER BY puts empty values last whichever the direction
 * ("NULLS LAST"); otherwise they sort as the engine sorts NULL (SQLite
 * first in ascending order, a server last). */
typedef struct {
  const char *columns[2];
  gboolean    nulls_last[2];
  guint       n;
} KeyOrder;

/* The position of @id in @order by counting the rows before it: ranges of
 * the order's index, where numbering every row (row_number () over the
 * whole list) read and sorted all of them (0.1 s for a search of "m" among
 * 200,000 people, 0.14 s for the whole list, against 4 and 15 ms).
 * The rows before it are, column by column, those equal to it in the
 * columns before and that sort before it in this one (a range of the
 * index each), and at last those equal in all and of a smaller id. */
static gint64
position_by_count (SecStore       *self,
                   const SecKind  *kind,
                   const SecQuery *query,
                   const KeyOrder *order,
                   gint64          id,
                   GError        **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GString) same = g_string_new (NULL);
  g_autofree char *where = NULL;
  g_autoptr(SecStmt) stmt = NULL;
  gboolean descending = FALSE;
  gboolean server = sec_engine_get_kind (_sec_store_get_engine (self)) != SEC_ENGINE_SQLITE;
  const char *cmp;
  gboolean is_null[G_N_ELEMENTS (order->columns)];
  gsize prefix;
  guint x;
  Builder b;
  SecStep step;

  if (query != NULL)
    sec_query_get_sort (query, &descending);
  cmp = descending ? ">" : "<";
  builder_init (&b, self, params);
  g_string_append (b.sql, "SELECT ");
  for (guint i = 0; i < order->n; i++)
    g_string_append_printf (b.sql, "%st.%s IS NULL", i ? ", " : "", order->columns[i]);
  g_string_append_printf (b.sql, " FROM %s t", kind->table);
  prefix = b.sql->len;
  if (!build_conditions (kind, query, &b, error))
    {
      g_string_free (b.sql, TRUE);
      return -1;
    }
  choose_search_plan (self, kind, query, &b);
  where = g_strdup (b.sql->str + prefix);
  x = params->len + 1;
  g_string_append_printf (b.sql, " AND t.id = ?%u", x);
  g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (id)));

  /* Is it listed at all, and which of its columns are empty? */
  if ((stmt = prepare_built (self, &b, error)) == NULL)
    return -1;
  if ((step = sec_stmt_step (stmt, error)) != SEC_STEP_ROW)
    return -1;
  for (guint i = 0; i < order->n; i++)
    is_null[i] = sec_stmt_get_int64 (stmt, (int) i) != 0;
  g_clear_pointer (&stmt, sec_stmt_free);

  builder_init (&b, self, params);
  g_string_append (b.sql, "SELECT 0");
#define COUNT(cond) " + (SELECT count(*) FROM %s t%s%s AND " cond ")"
  for (guint i = 0; i < order->n; i++)
    {
      const char *c = order->columns[i];
      gboolean nulls_first = !order->nulls_last[i] && descending == server;
      g_autofree char *value = g_strdup_printf ("(SELECT %s FROM %s WHERE id = ?%u)", c, kind->table, x);

      if (!is_null[i])
        {
          g_string_append_printf (b.sql, COUNT ("t.%s %s %s"), kind->table, where, same->str, c, cmp, value);
          if (nulls_first)
            g_string_append_printf (b.sql, COUNT ("t.%s IS NULL"), kind->table, where, same->str, c);
          g_string_append_printf (same, " AND t.%s = %s", c, value);
        }
      else
        {
          if (!nulls_first)
            g_string_append_printf (b.sql, COUNT ("t.%s IS NOT NULL"), kind->table, where, same->str, c);
          g_string_append_printf (same, " AND t.%s IS NULL", c);
        }
    }
  g_string_append_printf (b.sql, COUNT ("t.id %s ?%u"), kind->table, where, same->str, cmp, x);
#undef COUNT
  return read_number (self, &b, error);
}

gint64
sec_store_position (SecStore  *self,
                    GType      kind_type,
                    SecQuery  *query,
                    gint64     id,
                    GError   **error)
{
  const SecKind *kind;
  const SecDerived *stored;
  g_autoptr(GPtrArray) params = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  Builder b;

  g_return_val_if_fail (SEC_IS_STORE (self), -1);
  g_return_val_if_fail (g_type_is_a (kind_type, SEC_TYPE_RECORD), -1);

  kind = sec_kind_from_type (kind_type);
  if (in_sort_key_order (self, kind, query))
    {
      KeyOrder by_key = { { "sort_key" }, { FALSE }, 1 };
      return position_by_count (self, kind, query, &by_key, id, error);
    }
  if ((stored = stored_sort_key (kind, query)) != NULL)
    {
      /* As build_order () writes it: the stored key, empty ones last, then
       * the record's own sort key. */
      KeyOrder by_stored = { { _sec_store_derived_column (stored), "sort_key" }, { TRUE, FALSE },
                             kind->sort_fields != NULL ? 2 : 1 };
      return position_by_count (self, kind, query, &by_stored, id, error);
    }
  if (!build_order (kind, query, order, error))
    return -1;
  params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  builder_init (&b, self, params);
  g_string_append_printf (b.sql, "SELECT n FROM (SELECT t.id, row_number() OVER (%s) - 1 AS n FROM %s t",
                          order->str + 1, kind->table);
  if (!build_where (kind, query, &b, error))
    {
      g_string_free (b.sql, TRUE);
      return -1;
    }
  g_string_append_printf (b.sql, ") numbered WHERE id = ?%u", params->len + 1);
  g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (id)));
  return read_number (self, &b, error);
}

gint64
sec_store_count_all (SecStore  *self,
                     GError   **error)
{
  const GType *kinds = sec_record_kinds ();
  gint64 total = 0;

  g_return_val_if_fail (SEC_IS_STORE (self), -1);

  for (guint i = 0; kinds[i]; i++)
    {
      gint64 n = sec_store_count (self, kinds[i], NULL, error);
      if (n < 0)
        return -1;
      total += n;
    }
  return total;
}

