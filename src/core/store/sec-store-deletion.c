/* sec-store-deletion.c: what a deletion takes along, and putting it back
 *
 * Part of SecStore (see sec-store-private.h): the dependants a deletion
 * would remove or unlink, told to the user before; and a deletion that
 * keeps every row it removed, with the same ids, for Undo. Both follow the
 * references between the tables the engine reported when the store opened.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

static gint64
count_referring (SecStore   *self,
                 SecForeignKey *fk,
                 gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1", fk->table, fk->column);
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, NULL);

  if (stmt == NULL)
    return 0;
  sec_stmt_bind_int64 (stmt, 1, id);
  if (sec_stmt_step (stmt, NULL) == SEC_STEP_ROW)
    return sec_stmt_get_int64 (stmt, 0);
  return 0;
}

GStrv
sec_store_describe_dependants (SecStore   *self,
                               SecRecord  *record,
                               GError    **error)
{
  const SecKind *kind;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  GArray *foreign_keys;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (SEC_IS_RECORD (record), NULL);

  kind = sec_record_get_kind (record);
  foreign_keys = _sec_store_get_foreign_keys (self);
  for (guint i = 0; i < foreign_keys->len; i++)
    {
      SecForeignKey *fk = &g_array_index (foreign_keys, SecForeignKey, i);
      GType type;
      const SecKind *dep;
      gint64 n;
      const SecField *field = NULL;
      g_autofree char *line = NULL;

      if (!g_str_equal (fk->target, kind->table))
        continue;
      if ((type = _sec_store_type_for_table (fk->table)) == 0)
        continue;  /* history rows go with their record */
      if ((n = count_referring (self, fk, sec_record_get_id (record))) == 0)
        continue;

      dep = sec_kind_from_type (type);
      for (guint f = 0; f < dep->n_fields; f++)
        {
          g_autofree char *column = sec_field_column (&dep->fields[f]);
          if (g_str_equal (column, fk->column))
            field = &dep->fields[f];
        }

      if (g_str_equal (fk->on_delete, "CASCADE"))
        /* Translators: "Participants: 3 deleted too"; %s is the kind of record in the plural */
        line = g_strdup_printf (ngettext ("%s: %d deleted too", "%s: %d deleted too", (gulong) n),
                                _(dep->plural_label), (int) n);
      else if (g_str_equal (fk->on_delete, "SET NULL"))
        /* Translators: "People: 2 lose their “Organisation”" */
        line = g_strdup_printf (ngettext ("%s: %d loses their “%s”", "%s: %d lose their “%s”", (gulong) n),
                              _(dep->plural_label), (int) n,
                              field ? _(field->label) : fk->column);
      else
        /* Translators: "Calls for expression of interest: 2 prevent the deletion" */
        line = g_strdup_printf (ngettext ("%s: %d prevents the deletion", "%s: %d prevent the deletion", (gulong) n),
                              _(dep->plural_label), (int) n);
      g_strv_builder_add (lines, line);
    }

  return g_strv_builder_end (lines);
}

typedef struct {
  char      *table;
  gint64     id;
  GPtrArray *columns;  /* of char* */
  GPtrArray *values;   /* of SecValue */
} SavedRow;

typedef struct {
  char   *table;
  char   *column;
  gint64  row_id;
  gint64  target_id;
} SavedLink;

struct _SecDeletion
{
  GType      kind;
  gint64     id;
  GPtrArray *rows;   /* of SavedRow*, parents before children */
  GArray    *links;  /* of SavedLink, references that became NULL */
};

static void
saved_row_free (SavedRow *row)
{
  g_free (row->table);
  g_ptr_array_unref (row->columns);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static void
clear_saved_link (gpointer data)
{
  SavedLink *l = data;

  g_free (l->table);
  g_free (l->column);
}

void
sec_deletion_free (SecDeletion *deletion)
{
  if (deletion == NULL)
    return;
  g_ptr_array_unref (deletion->rows);
  g_array_unref (deletion->links);
  g_free (deletion);
}

static gboolean
save_row (SecStore    *self,
          SecDeletion *deletion,
          GHashTable  *seen,
          const char  *table,
          gint64       id,
          GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
  SecEngine *engine = _sec_store_get_engine (self);
  GArray *foreign_keys = _sec_store_get_foreign_keys (self);
  g_autofree char *sql = NULL;
  SecStmt *stmt;
  SavedRow *row;
  SecStep step;

  if (g_hash_table_contains (seen, key))
    return TRUE;
  g_hash_table_add (seen, g_steal_pointer (&key));

  sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?1", table);
  if (!(stmt = sec_engine_prepare (engine, sql, error)))
    return FALSE;
  sec_stmt_bind_int64 (stmt, 1, id);
  step = sec_stmt_step (stmt, error);
  if (step != SEC_STEP_ROW)
    {
      sec_stmt_free (stmt);
      return step == SEC_STEP_DONE;
    }

  row = g_new0 (SavedRow, 1);
  row->table = g_strdup (table);
  row->id = id;
  row->columns = g_ptr_array_new_with_free_func (g_free);
  row->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_value_free);
  g_ptr_array_add (deletion->rows, row);
  for (int c = 0; c < sec_stmt_n_columns (stmt); c++)
    {
      SecValue *value = sec_stmt_dup_value (stmt, c);

      /* Out of memory: a row that could not be kept could not be put back
       * (the fault drill's K2), so the deletion must not go ahead. */
      if (value == NULL)
        {
          sec_stmt_free (stmt);
          g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                               _("Out of memory while keeping the deleted record for Undo"));
          return FALSE;
        }
      g_ptr_array_add (row->columns, g_strdup (sec_stmt_column_name (stmt, c)));
      g_ptr_array_add (row->values, value);
    }
  sec_stmt_free (stmt);

  /* Then everything the deletion takes with it, or unlinks. */
  for (guint i = 0; i < foreign_keys->len; i++)
    {
      SecForeignKey *fk = &g_array_index (foreign_keys, SecForeignKey, i);
      g_autofree char *q = NULL;
      g_autoptr(GArray) ids = NULL;

      if (!g_str_equal (fk->target, table))
        continue;
      if (!g_str_equal (fk->on_delete, "CASCADE") && !g_str_equal (fk->on_delete, "SET NULL"))
        continue;

      q = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", fk->table, fk->column);
      if (!(stmt = sec_engine_prepare (engine, q, error)))
        return FALSE;
      sec_stmt_bind_int64 (stmt, 1, id);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      /* Read to the end before saving the rows found (recursively, with
       * statements of their own). A failed step fails the deletion: taken
       * as the end of the list, it let a deletion go ahead whose
       * transaction SQLite had already rolled back (the fault drill's K3). */
      while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
        {
          gint64 dep = sec_stmt_get_int64 (stmt, 0);
          g_array_append_val (ids, dep);
        }
      sec_stmt_free (stmt);
      if (step == SEC_STEP_ERROR)
        return FALSE;

      for (guint j = 0; j < ids->len; j++)
        {
          gint64 dep = g_array_index (ids, gint64, j);

          if (g_str_equal (fk->on_delete, "CASCADE"))
            {
              if (!save_row (self, deletion, seen, fk->table, dep, error))
                return FALSE;
            }
          else
            {
              SavedLink link = { g_strdup (fk->table), g_strdup (fk->column), dep, id };
              g_array_append_val (deletion->links, link);
            }
        }
    }

  return TRUE;
}

/**
 * sec_store_delete_with_undo:
 *
 * Deletes the record like sec_store_delete () and returns what is needed to
 * put it back, with every row the deletion took along.
 *
 * Returns: (transfer full): the deletion, or NULL with @error set.
 */
SecDeletion *
sec_store_delete_with_undo (SecStore  *self,
                            GType      kind,
                            gint64     id,
                            GError   **error)
{
  g_autoptr(SecDeletion) deletion = NULL;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (kind, SEC_TYPE_RECORD), NULL);

  deletion = g_new0 (SecDeletion, 1);
  deletion->kind = kind;
  deletion->id = id;
  deletion->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) saved_row_free);
  deletion->links = g_array_new (FALSE, FALSE, sizeof (SavedLink));
  g_array_set_clear_func (deletion->links, clear_saved_link);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!sec_store_begin (self, error))
    return NULL;
  if (!save_row (self, deletion, seen, sec_kind_from_type (kind)->table, id, error) ||
      !_sec_store_delete_row (self, kind, id, error) ||
      !sec_store_commit (self, error))
    {
      sec_store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&deletion);
}

static gboolean
restore_row (SecStore  *self,
             SavedRow  *row,
             GError   **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GError) local = NULL;

  g_string_append_printf (sql, "INSERT INTO %s (", row->table);
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", (char *) g_ptr_array_index (row->columns, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append_printf (sql, i ? ", ?%u" : "?%u", i + 1);
  g_string_append (sql, ")");

  if (!(stmt = sec_engine_prepare (_sec_store_get_engine (self), sql->str, error)))
    return FALSE;
  for (guint i = 0; i < row->values->len; i++)
    sec_stmt_bind_value (stmt, (int) i + 1, g_ptr_array_index (row->values, i));
  if (!sec_stmt_run (stmt, &local))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                   _("The deletion cannot be undone: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
sec_store_undo_deletion (SecStore     *self,
                         SecDeletion  *deletion,
                         GError      **error)
{
  g_autoptr(GHashTable) tables = NULL;
  GHashTableIter iter;
  gpointer table;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (deletion != NULL, FALSE);

  tables = g_hash_table_new (g_str_hash, g_str_equal);
  if (!sec_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < deletion->rows->len; i++)
    {
      SavedRow *row = g_ptr_array_index (deletion->rows, i);

      if (!restore_row (self, row, error))
        goto fail;
      g_hash_table_add (tables, row->table);
    }

  for (guint i = 0; i < deletion->links->len; i++)
    {
      SavedLink *link = &g_array_index (deletion->links, SavedLink, i);
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1%s WHERE id = ?2 AND %s IS NULL",
                                              link->table, link->column,
                                              /* A record kind's row: its version moves on. */
                                              _sec_store_type_for_table (link->table) != 0 ? ", version = version + 1" : "",
                                              link->column);
      g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, error);

      if (stmt == NULL)
        goto fail;
      sec_stmt_bind_int64 (stmt, 1, link->target_id);
      sec_stmt_bind_int64 (stmt, 2, link->row_id);
      if (!sec_stmt_run (stmt, error))
        goto fail;
      g_hash_table_add (tables, link->table);
    }

  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    {
      GType type = _sec_store_type_for_table (table);
      if (type != 0)
        _sec_store_queue_change (self, type, type == deletion->kind ? deletion->id : 0, SEC_STORE_CHANGE_INSERTED);
    }

  if (!sec_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  sec_store_rollback (self);
  return FALSE;
}

