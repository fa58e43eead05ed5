/* sec-unique.c: checking a record against the UNIQUE constraints */
#define G_LOG_DOMAIN "sec-unique"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/store/sec-store-private.h"
#include "core/store/sec-unique.h"

/* The constraints of a kind do not change while a store is open: they are
 * read once per store and kind. */
#define CACHE_KEY "sec-unique-field-sets"

/* The fields of @columns (an index's, in order; NULL for an expression),
 * added to @sets when every column is a field. */
static void
add_field_set (const SecKind *kind,
               GPtrArray     *columns,
               GPtrArray     *sets)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();

  if (columns->len == 0)
    return;
  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);
      const SecField *found = NULL;

      for (guint f = 0; column != NULL && f < kind->n_fields; f++)
        {
          g_autofree char *c = sec_field_column (&kind->fields[f]);
          if (g_str_equal (c, column))
            found = &kind->fields[f];
        }
      /* A constraint on a column that is not a field (a sort key) cannot
       * be checked from a form. */
      if (found == NULL)
        return;
      g_strv_builder_add (fields, found->name);
    }
  g_ptr_array_add (sets, g_strv_builder_end (fields));
}

/* The unique indexes of @kind's table on a server, in the order they were
 * made: one row per column (NULL for an expression). */
static GPtrArray *
read_field_sets_pg (SecEngine      *engine,
                    const SecKind  *kind,
                    GError        **error)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SecStmt) stmt = NULL;
  gint64 index = 0;
  SecStep step;

  stmt = sec_engine_prepare (engine,
                             "SELECT i.indexrelid::bigint, a.attname::text"
                             " FROM pg_index i"
                             " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, pos)"
                             " LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                             " WHERE i.indrelid = CAST(?1 AS regclass) AND i.indisunique AND NOT i.indisprimary"
                             "   AND i.indpred IS NULL"
                             " ORDER BY i.indexrelid, k.pos",
                             error);
  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_text (stmt, 1, kind->table);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      if (sec_stmt_get_int64 (stmt, 0) != index)
        {
          add_field_set (kind, columns, sets);
          g_ptr_array_set_size (columns, 0);
          index = sec_stmt_get_int64 (stmt, 0);
        }
      g_ptr_array_add (columns, sec_stmt_dup_text (stmt, 1));
    }
  if (step == SEC_STEP_ERROR)
    return NULL;
  add_field_set (kind, columns, sets);
  return g_steal_pointer (&sets);
}

static GPtrArray *
read_field_sets (SecStore       *store,
                 const SecKind  *kind,
                 GError        **error)
{
  SecEngine *engine = _sec_store_get_engine (store);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;
  g_autoptr(SecStmt) stmt = NULL;
  SecStep step;

  if (sec_engine_get_kind (engine) == SEC_ENGINE_POSTGRESQL)
    return read_field_sets_pg (engine, kind, error);

  /* The identifiers come from our own tables, not from the user. */
  sql = g_strdup_printf ("PRAGMA index_list(%s)", kind->table);
  if ((stmt = sec_engine_prepare_once (engine, sql, error)) == NULL)
    return NULL;
  /* Columns: seq, name, unique, origin, partial */
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      const char *origin = sec_stmt_get_text (stmt, 3);

      if (sec_stmt_get_int (stmt, 2) == 1 && sec_stmt_get_int (stmt, 4) == 0 &&
          g_strcmp0 (origin, "pk") != 0)
        g_ptr_array_add (indexes, g_strdup (sec_stmt_get_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, sec_stmt_free);
  if (step == SEC_STEP_ERROR)
    return NULL;

  /* index_list gives the newest index first; the schema's order reads
   * better in messages. */
  for (guint i = indexes->len; i > 0; i--)
    {
      const char *index = g_ptr_array_index (indexes, i - 1);
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);

      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("PRAGMA index_info(\"%s\")", index);
      if ((stmt = sec_engine_prepare_once (engine, sql, error)) == NULL)
        return NULL;
      /* Columns: seqno, cid, name (NULL for an expression) */
      while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
        g_ptr_array_add (columns, sec_stmt_dup_text (stmt, 2));
      g_clear_pointer (&stmt, sec_stmt_free);
      if (step == SEC_STEP_ERROR)
        return NULL;
      add_field_set (kind, columns, sets);
    }

  return g_steal_pointer (&sets);
}

static GPtrArray *
copy_sets (GPtrArray *sets)
{
  GPtrArray *copy = g_ptr_array_new_full (sets->len, (GDestroyNotify) g_strfreev);

  for (guint i = 0; i < sets->len; i++)
    g_ptr_array_add (copy, g_strdupv (g_ptr_array_index (sets, i)));
  return copy;
}

/**
 * sec_unique_field_sets:
 *
 * Returns: (transfer full): the unique field sets, or NULL on error
 */
GPtrArray *
sec_unique_field_sets (SecStore  *store,
                       GType      kind,
                       GError   **error)
{
  GHashTable *cache;
  GPtrArray *sets;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (kind, SEC_TYPE_RECORD), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cache = g_object_get_data (G_OBJECT (store), CACHE_KEY);
  if (cache == NULL)
    {
      cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
      g_object_set_data_full (G_OBJECT (store), CACHE_KEY, cache, (GDestroyNotify) g_hash_table_unref);
    }

  sets = g_hash_table_lookup (cache, GSIZE_TO_POINTER (kind));
  if (sets == NULL)
    {
      sets = read_field_sets (store, sec_kind_from_type (kind), error);
      if (sets == NULL)
        return NULL;
      g_hash_table_insert (cache, GSIZE_TO_POINTER (kind), sets);
    }

  return copy_sets (sets);
}

static void
set_duplicate_error (SecRecord   *record,
                     GStrv        set,
                     GError     **error)
{
  const SecKind *kind = sec_record_get_kind (record);
  const char *message = kind->unique_message;

  if (message != NULL && strstr (message, "%s") != NULL && g_strv_length (set) == 1)
    {
      g_autofree char *value = sec_record_dup_text (record, set[0]);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT, _(message), value);
    }
  else if (message != NULL && strstr (message, "%s") == NULL)
    g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT, _(message));
  else
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                 _("This %s already exists"), _(kind->label));
}

gboolean
sec_unique_check (SecStore    *store,
                  SecRecord   *record,
                  GStrv       *fields,
                  GError     **error)
{
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fields != NULL)
    *fields = NULL;

  sets = sec_unique_field_sets (store, G_OBJECT_TYPE (record), &local_error);
  if (sets == NULL)
    {
      /* Not knowing the constraints is no reason to refuse: the store
       * still checks them when saving. */
      g_warning ("Could not read the constraints of %s: %s",
                 G_OBJECT_TYPE_NAME (record), local_error->message);
      return TRUE;
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (record));

  for (guint i = 0; i < sets->len; i++)
    {
      GStrv set = g_ptr_array_index (sets, i);
      g_autoptr(SecQuery) query = sec_query_new ();
      gboolean empty = FALSE;
      gint64 n;

      for (guint f = 0; set[f] != NULL && !empty; f++)
        {
          g_autofree char *text = sec_record_dup_text (record, set[f]);

          if (*text == '\0')
            empty = TRUE;
          else
            sec_query_add (query, set[f], SEC_QUERY_EQUALS, text);
        }
      if (empty)
        continue;
      if (sec_record_get_id (record) > 0)
        sec_query_add (query, "id", SEC_QUERY_NOT_EQUALS, id);

      g_clear_error (&local_error);
      n = sec_store_count (store, G_OBJECT_TYPE (record), query, &local_error);
      if (n < 0)
        {
          g_warning ("Could not look for duplicates of %s: %s",
                     G_OBJECT_TYPE_NAME (record), local_error->message);
          continue;
        }
      if (n > 0)
        {
          if (fields != NULL)
            *fields = g_strdupv (set);
          set_duplicate_error (record, set, error);
          return FALSE;
        }
    }

  return TRUE;
}
