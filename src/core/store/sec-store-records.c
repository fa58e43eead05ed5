/* sec-store-records.c: one record at a time
 *
 * Part of SecStore (see sec-store-private.h): insert, update, delete and
 * get, and what they share with the lists: a record's values as SQL
 * parameters and back, its search text and sort key, the columns a SELECT
 * reads. A failed constraint becomes a sentence for the user here.
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

/* Values */

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
bind_value (SecStmt      *stmt,
            int           index,
            const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_INT:
      sec_stmt_bind_int64 (stmt, index, g_value_get_int (value));
      break;
    case G_TYPE_INT64:
      if (g_value_get_int64 (value) == 0)
        sec_stmt_bind_null (stmt, index);
      else
        sec_stmt_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    case G_TYPE_DOUBLE:
      sec_stmt_bind_double (stmt, index, g_value_get_double (value));
      break;
    case G_TYPE_BOOLEAN:
      sec_stmt_bind_int64 (stmt, index, g_value_get_boolean (value));
      break;
    default:
      {
        const char *s = g_value_get_string (value);
        sec_stmt_bind_text (stmt, index, s != NULL && *s != '\0' ? s : NULL);
      }
      break;
    }
}

static void
read_column (SecStmt *stmt,
             int      col,
             GValue  *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_INT:
      g_value_set_int (value, sec_stmt_get_int (stmt, col));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, sec_stmt_get_int64 (stmt, col));
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, sec_stmt_get_double (stmt, col));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, sec_stmt_get_int (stmt, col) != 0);
      break;
    default:
      g_value_set_string (value, sec_stmt_get_text (stmt, col));
      break;
    }
}

char *
_sec_store_make_search_text (SecRecord *record)
{
  const SecKind *kind = sec_record_get_kind (record);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *value = NULL;

      if (!(kind->fields[i].flags & SEC_FIELD_SEARCHABLE))
        continue;
      value = sec_record_dup_text (record, kind->fields[i].name);
      if (*value == '\0')
        continue;
      if (text->len)
        g_string_append_c (text, ' ');
      g_string_append (text, value);
    }
  return sec_fold_for_search (text->str);
}

GBytes *
_sec_store_make_sort_key (SecRecord *record)
{
  const SecKind *kind = sec_record_get_kind (record);
  g_autoptr(GString) key = NULL;

  if (kind->sort_fields == NULL)
    return NULL;

  key = g_string_new (NULL);
  for (guint i = 0; kind->sort_fields[i]; i++)
    {
      g_autofree char *value = sec_record_dup_text (record, kind->sort_fields[i]);
      g_autofree char *part = sec_collate_key (value);

      if (i > 0)
        g_string_append_c (key, '\001');
      g_string_append (key, part);
    }
  return g_string_free_to_bytes (g_steal_pointer (&key));
}

/* Turns a failed constraint into a sentence for the user. */
static void
set_constraint_error (SecStore   *self,
                      SecRecord  *record,
                      GError    **error)
{
  const SecKind *kind = sec_record_get_kind (record);
  SecEngine *engine = _sec_store_get_engine (self);
  g_autofree char *failed_column = NULL;
  SecConstraint constraint = sec_engine_get_failed_constraint (engine, &failed_column);

  if (constraint == SEC_CONSTRAINT_UNIQUE)
    {
      const SecField *field = NULL;

      if (failed_column != NULL)
        for (guint i = 0; i < kind->n_fields; i++)
          {
            g_autofree char *column = sec_field_column (&kind->fields[i]);
            if (g_str_equal (column, failed_column))
              field = &kind->fields[i];
          }

      if (kind->unique_message != NULL && strstr (kind->unique_message, "%s") != NULL && field != NULL)
        {
          g_autofree char *value = sec_record_dup_text (record, field->name);
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                       _(kind->unique_message), value);
        }
      else if (kind->unique_message != NULL && strstr (kind->unique_message, "%s") == NULL)
        g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                             _(kind->unique_message));
      else
        g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                     _("This %s already exists"), _(kind->label));
      return;
    }

  if (constraint == SEC_CONSTRAINT_FOREIGN_KEY)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                   _("This %s refers to a record that does not exist"), _(kind->label));
      return;
    }

  if (constraint == SEC_CONSTRAINT_TRIGGER &&
      _sec_store_privacy_trigger_message (sec_engine_get_error_message (engine)) != NULL)
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                           _sec_store_privacy_trigger_message (sec_engine_get_error_message (engine)));
      return;
    }
  if (constraint == SEC_CONSTRAINT_TRIGGER &&
      _sec_store_representative_trigger_message (sec_engine_get_error_message (engine)) != NULL)
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                           _sec_store_representative_trigger_message (sec_engine_get_error_message (engine)));
      return;
    }

  g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
               _("The %s was not saved: %s"), _(kind->label), sec_engine_get_error_message (engine));
}

static gboolean
validate_for_store (SecRecord  *record,
                    GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (sec_record_validate (record, &local_error))
    return TRUE;
  g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID, local_error->message);
  return FALSE;
}

/* Rows */

char *
_sec_store_select_columns (const SecKind *kind)
{
  GString *sql = g_string_new ("t.id, t.created_at, t.updated_at, t.version");

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *column = sec_field_column (&kind->fields[i]);
      g_string_append_printf (sql, ", t.%s", column);
    }
  /* A derived sort key is for sorting only: not read. */
  if (kind->derived != NULL)
    for (const SecDerived *d = kind->derived; d->name; d++)
      if (!_sec_store_is_sort_key (d))
        g_string_append_printf (sql, ", %s", d->sql);
  return g_string_free (sql, FALSE);
}

gboolean
_sec_store_is_sort_key (const SecDerived *d)
{
  return g_str_has_suffix (d->name, "-sort-key");
}

const char *
_sec_store_derived_column (const SecDerived *d)
{
  if (!g_str_has_prefix (d->sql, "t.") || d->sql[2] == '\0')
    return NULL;
  for (const char *p = d->sql + 2; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return NULL;
  return d->sql + 2;
}

SecRecord *
_sec_store_record_from_row (GType    type,
                            SecStmt *stmt)
{
  SecRecord *record = g_object_new (type, NULL);
  const SecKind *kind = sec_record_get_kind (record);
  guint n_derived = 0;
  const char **texts;
  gsize *sizes;
  gsize size = 0;
  char *block, *at;
  const char **derived = NULL;
  guint n = 0, t;
  int col;

  /* A page of a list makes 200 of these, and frees the 200 of the page
   * before: the texts of the row are copied into one block that the
   * record owns (the string values are static strings in it), the
   * numbers read into the new record's values in place, and nothing is
   * notified (no one has the record yet). Setting each field as a
   * property, then copying each text apart and keeping the derived
   * values in a table, were most of a sort change's time. */
  if (kind->derived != NULL)
    while (kind->derived[n_derived].name != NULL)
      n_derived++;
  texts = g_newa (const char *, kind->n_fields + n_derived + 2);
  sizes = g_newa (gsize, kind->n_fields + n_derived + 2);

  /* The texts first, each read once (SQLite's pointer holds until the
   * next step), to know the block's size. */
#define READ_TEXT(c)                                                      \
  G_STMT_START {                                                          \
    texts[n] = sec_stmt_get_text (stmt, (c));                             \
    sizes[n] = texts[n] != NULL ? strlen (texts[n]) + 1 : 0;              \
    size += sizes[n++];                                                   \
  } G_STMT_END
  READ_TEXT (1);
  READ_TEXT (2);
  for (guint i = 0; i < kind->n_fields; i++)
    if (G_VALUE_TYPE (_sec_record_value_at (record, i)) == G_TYPE_STRING)
      READ_TEXT (4 + (int) i);
  col = 4 + (int) kind->n_fields;
  for (guint i = 0; i < n_derived; i++)
    if (!_sec_store_is_sort_key (&kind->derived[i]))
      READ_TEXT (col++);
#undef READ_TEXT

  block = g_malloc (n_derived * sizeof (char *) + size);
  if (n_derived > 0)
    derived = memset (block, 0, n_derived * sizeof (char *));
  at = block + n_derived * sizeof (char *);
  for (guint i = 0; i < n; i++)
    if (texts[i] != NULL)
      {
        memcpy (at, texts[i], sizes[i]);
        texts[i] = at;
        at += sizes[i];
      }

  col = 4;
  t = 2;
  for (guint i = 0; i < kind->n_fields; i++, col++)
    {
      GValue *value = _sec_record_value_at (record, i);

      /* The exact type: a number's G_VALUE_HOLDS_STRING () asks GType. */
      if (G_VALUE_TYPE (value) == G_TYPE_STRING)
        g_value_set_static_string (value, texts[t++]);
      else
        read_column (stmt, col, value);
    }
  for (guint i = 0; i < n_derived; i++)
    if (!_sec_store_is_sort_key (&kind->derived[i]))
      derived[i] = texts[t++];
  _sec_record_take_row (record, sec_stmt_get_int64 (stmt, 0), sec_stmt_get_int64 (stmt, 3),
                        block, n_derived * sizeof (char *) + size, texts[0], texts[1], derived);

  return record;
}

/* Writes */

/* Runs an INSERT or UPDATE of @record, turning a failed constraint into a
 * sentence for the user. */
static gboolean
step_write (SecStore   *self,
            SecStmt    *stmt,
            SecRecord  *record,
            GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (sec_stmt_run (stmt, &local_error))
    return TRUE;
  if (g_error_matches (local_error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT))
    set_constraint_error (self, record, error);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
insert_record (SecStore   *self,
               SecRecord  *record,
               GError    **error)
{
  const SecKind *kind = sec_record_get_kind (record);
  SecEngine *engine = _sec_store_get_engine (self);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *now = now_utc ();
  g_autofree char *search = _sec_store_make_search_text (record);
  g_autoptr(GBytes) sort_key = _sec_store_make_sort_key (record);
  gboolean with_id = sec_record_get_id (record) != 0;
  g_autoptr(SecStmt) stmt = NULL;
  guint n_params = (with_id ? 5 : 4) + kind->n_fields;
  int n = 1;

  g_string_append_printf (sql, "INSERT INTO %s (%screated_at, updated_at, search_text, sort_key",
                          kind->table, with_id ? "id, " : "");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *column = sec_field_column (&kind->fields[i]);
      g_string_append_printf (sql, ", %s", column);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 1; i <= n_params; i++)
    g_string_append_printf (sql, i > 1 ? ", ?%u" : "?%u", i);
  g_string_append (sql, ")");

  if (!(stmt = sec_engine_prepare (engine, sql->str, error)))
    return FALSE;

  if (with_id)
    sec_stmt_bind_int64 (stmt, n++, sec_record_get_id (record));
  sec_stmt_bind_text (stmt, n++, sec_record_get_created_at (record) ? sec_record_get_created_at (record) : now);
  sec_stmt_bind_text (stmt, n++, now);
  sec_stmt_bind_text (stmt, n++, search);
  sec_stmt_bind_blob (stmt, n++, sort_key);
  for (guint i = 0; i < kind->n_fields; i++)
    bind_value (stmt, n++, sec_record_get_value (record, kind->fields[i].name));

  if (!step_write (self, stmt, record, error))
    return FALSE;

  _sec_record_set_id (record, sec_engine_last_insert_id (engine));
  _sec_record_set_timestamps (record, sec_record_get_created_at (record) ? NULL : now, now);
  /* The column's default: a row written again (an undone deletion) starts
   * over, so that an editor still open on it before is refused. */
  sec_record_set_version (record, 1);
  return TRUE;
}

/* Reads back the derived values (organisation name...) after a write. */
static void
refresh_derived (SecStore  *self,
                 SecRecord *record)
{
  g_autoptr(SecRecord) fresh = NULL;
  const SecKind *kind = sec_record_get_kind (record);

  if (kind->derived == NULL)
    return;
  fresh = sec_store_get (self, G_OBJECT_TYPE (record), sec_record_get_id (record), NULL);
  if (fresh == NULL)
    return;
  for (const SecDerived *d = kind->derived; d->name; d++)
    _sec_record_set_derived (record, d->name, sec_record_get_derived (fresh, d->name));
}

gboolean
sec_store_insert (SecStore   *self,
                  SecRecord  *record,
                  GError    **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SEC_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_for_store (record, error))
    return FALSE;
  if (!sec_store_begin (self, error))
    return FALSE;
  if (!insert_record (self, record, error))
    {
      sec_store_rollback (self);
      return FALSE;
    }
  _sec_store_queue_change (self, G_OBJECT_TYPE (record), sec_record_get_id (record), SEC_STORE_CHANGE_INSERTED);
  if (!sec_store_commit (self, error))
    {
      sec_store_rollback (self);
      _sec_record_set_id (record, 0);
      return FALSE;
    }
  refresh_derived (self, record);
  return TRUE;
}

/* An UPDATE that changed no row: the record was deleted, or someone else
 * saved it since it was read (its version moved on). */
static void
set_missing_error (SecStore   *self,
                   SecRecord  *record,
                   GError    **error)
{
  const SecKind *kind = sec_record_get_kind (record);
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM %s WHERE id = ?1", kind->table);
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, error);
  SecStep step;

  if (stmt == NULL)
    return;
  sec_stmt_bind_int64 (stmt, 1, sec_record_get_id (record));
  step = sec_stmt_step (stmt, error);
  if (step == SEC_STEP_ROW)
    /* Translators: %s is a kind of record ("Person", "Meeting"). */
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONFLICT,
                 _("Someone else changed this %s since you opened it"), _(kind->label));
  else if (step == SEC_STEP_DONE)
    /* Translators: %s is a kind of record ("Person", "Meeting"). */
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                 _("This %s was deleted since you opened it"), _(kind->label));
}

/* Runs the UPDATE of @record; the caller holds the transaction. */
static gboolean
update_record (SecStore    *self,
               SecRecord   *record,
               const char  *now,
               GError     **error)
{
  const SecKind *kind = sec_record_get_kind (record);
  SecEngine *engine = _sec_store_get_engine (self);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *search = _sec_store_make_search_text (record);
  g_autoptr(GBytes) sort_key = _sec_store_make_sort_key (record);
  g_autoptr(SecStmt) stmt = NULL;
  int n = 1;

  /* Only over the version it was read at: a row someone else saved since
   * is left as they saved it (set_missing_error ()). */
  g_string_append_printf (sql, "UPDATE %s SET updated_at = ?1, search_text = ?2, sort_key = ?3,"
                          " version = version + 1", kind->table);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *column = sec_field_column (&kind->fields[i]);
      g_string_append_printf (sql, ", %s = ?%u", column, i + 4);
    }
  g_string_append_printf (sql, " WHERE id = ?%u AND version = ?%u", kind->n_fields + 4, kind->n_fields + 5);

  if (!(stmt = sec_engine_prepare (engine, sql->str, error)))
    return FALSE;

  sec_stmt_bind_text (stmt, n++, now);
  sec_stmt_bind_text (stmt, n++, search);
  sec_stmt_bind_blob (stmt, n++, sort_key);
  for (guint i = 0; i < kind->n_fields; i++)
    bind_value (stmt, n++, sec_record_get_value (record, kind->fields[i].name));
  sec_stmt_bind_int64 (stmt, n++, sec_record_get_id (record));
  sec_stmt_bind_int64 (stmt, n++, sec_record_get_version (record));

  if (!step_write (self, stmt, record, error))
    return FALSE;
  if (sec_engine_changes (engine) == 0)
    {
      set_missing_error (self, record, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sec_store_update (SecStore   *self,
                  SecRecord  *record,
                  GError    **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SEC_IS_RECORD (record), FALSE);
  g_return_val_if_fail (sec_record_get_id (record) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_for_store (record, error))
    return FALSE;

  now = now_utc ();
  if (!sec_store_begin (self, error))
    return FALSE;
  if (!update_record (self, record, now, error))
    goto fail;

  _sec_store_queue_change (self, G_OBJECT_TYPE (record), sec_record_get_id (record), SEC_STORE_CHANGE_UPDATED);
  if (!sec_store_commit (self, error))
    goto fail;
  _sec_record_set_timestamps (record, NULL, now);
  sec_record_set_version (record, sec_record_get_version (record) + 1);
  refresh_derived (self, record);
  return TRUE;

fail:
  sec_store_rollback (self);
  return FALSE;
}

/* Kinds whose rows refer to @table, directly: their lists change when a row
 * of @table is deleted (cascade) or renamed (derived names). */
static void
queue_dependent_changes (SecStore   *self,
                         const char *table)
{
  GArray *foreign_keys = _sec_store_get_foreign_keys (self);

  for (guint i = 0; i < foreign_keys->len; i++)
    {
      SecForeignKey *fk = &g_array_index (foreign_keys, SecForeignKey, i);
      GType type;

      if (!g_str_equal (fk->target, table) || g_str_equal (fk->table, table))
        continue;
      if ((type = _sec_store_type_for_table (fk->table)) != 0)
        _sec_store_queue_change (self, type, 0, SEC_STORE_CHANGE_UPDATED);
    }
}

gboolean
_sec_store_delete_row (SecStore    *self,
                       GType        type,
                       gint64       id,
                       GError     **error)
{
  const SecKind *kind = sec_kind_from_type (type);
  SecEngine *engine = _sec_store_get_engine (self);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", kind->table);
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(stmt = sec_engine_prepare (engine, sql, error)))
    return FALSE;
  sec_stmt_bind_int64 (stmt, 1, id);
  if (!sec_stmt_run (stmt, &local_error))
    {
      SecConstraint constraint = g_error_matches (local_error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT)
                                 ? sec_engine_get_failed_constraint (engine, NULL) : SEC_CONSTRAINT_OTHER;

      if (constraint == SEC_CONSTRAINT_FOREIGN_KEY || constraint == SEC_CONSTRAINT_TRIGGER)
        {
          g_autoptr(SecRecord) record = NULL;
          g_auto(GStrv) deps = NULL;
          g_autofree char *list = NULL;

          g_clear_pointer (&stmt, sec_stmt_free);
          record = sec_store_get (self, type, id, NULL);
          deps = record ? sec_store_describe_dependants (self, record, NULL) : NULL;
          list = deps ? g_strjoinv ("; ", deps) : g_strdup ("");
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                       _("This %s cannot be deleted while other records depend on it: %s"),
                       _(kind->label), list);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (sec_engine_changes (engine) == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with the number %s"), _(kind->label), id_text);
      return FALSE;
    }
  _sec_store_queue_change (self, type, id, SEC_STORE_CHANGE_DELETED);
  queue_dependent_changes (self, kind->table);
  return TRUE;
}

gboolean
sec_store_delete (SecStore  *self,
                  GType      kind,
                  gint64     id,
                  GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (kind, SEC_TYPE_RECORD), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sec_store_begin (self, error))
    return FALSE;
  if (!_sec_store_delete_row (self, kind, id, error))
    {
      sec_store_rollback (self);
      return FALSE;
    }
  if (!sec_store_commit (self, error))
    {
      sec_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Reads */

SecRecord *
sec_store_get (SecStore  *self,
               GType      kind_type,
               gint64     id,
               GError   **error)
{
  const SecKind *kind;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(SecStmt) stmt = NULL;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (kind_type, SEC_TYPE_RECORD), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kind = sec_kind_from_type (kind_type);
  columns = _sec_store_select_columns (kind);
  sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.id = ?1", columns, kind->table);
  if (!(stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, error)))
    return NULL;
  sec_stmt_bind_int64 (stmt, 1, id);
  step = sec_stmt_step (stmt, error);
  if (step == SEC_STEP_ROW)
    return _sec_store_record_from_row (kind_type, stmt);
  if (step == SEC_STEP_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with the number %s"), _(kind->label), id_text);
    }
  return NULL;
}
