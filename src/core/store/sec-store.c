/* sec-store.c: the SQLite database behind every record */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "core/base/sec-fold.h"
#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-engine-sqlite.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

/* Bump when sec_fold () changes, so stored search text is made again. */
#define FOLD_VERSION "1"

typedef struct {
  char *table;        /* the table holding the reference */
  char *column;       /* its column */
  char *target;       /* the table referred to */
  char *on_delete;    /* CASCADE, SET NULL, RESTRICT, NO ACTION */
} ForeignKey;

typedef struct {
  GType          kind;
  gint64         id;
  SecStoreChange change;
} PendingChange;

struct _SecStore
{
  GObject     parent_instance;

  sqlite3    *db;
  SecEngine  *engine;       /* on db; the SQL of the other store files runs here */
  char       *path;
  char       *backup_path;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt */
  GArray     *foreign_keys; /* of ForeignKey */
  GArray     *pending;      /* of PendingChange, until the outer commit */
  guint       depth;        /* open savepoints */
  char       *uuid;         /* names this database, e.g. in iCalendar UIDs */
};

G_DEFINE_FINAL_TYPE (SecStore, sec_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

int
sec_store_schema_version (void)
{
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);

  return m[n - 1].version;
}

/* Helpers */

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
clear_foreign_key (gpointer data)
{
  ForeignKey *fk = data;

  g_free (fk->table);
  g_free (fk->column);
  g_free (fk->target);
  g_free (fk->on_delete);
}

static sqlite3_stmt *
prepare (SecStore    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sec_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (SecStore    *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _sec_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
_sec_store_set_error (SecStore  *self,
                      int        rc,
                      GError   **error)
{
  const char *msg = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = SEC_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_NOTADB:
      code = SEC_STORE_ERROR_NOT_DATABASE;
      break;
    case SQLITE_CORRUPT:
      code = SEC_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = SEC_STORE_ERROR_READ_ONLY;
      break;
    default:
      code = SEC_STORE_ERROR_FAILED;
      break;
    }
  g_set_error (error, SEC_STORE_ERROR, code, _("Database error: %s"), msg);
  return FALSE;
}

static const char *
kind_for_table (const char *table)
{
  const GType *kinds = sec_record_kinds ();

  for (guint i = 0; kinds[i]; i++)
    if (g_str_equal (sec_kind_from_type (kinds[i])->table, table))
      return sec_kind_from_type (kinds[i])->name;
  return NULL;
}

static GType
type_for_table (const char *table)
{
  const char *name = kind_for_table (table);

  return name ? sec_record_kind_lookup (name) : 0;
}

/* Changes */

static void
queue_change (SecStore       *self,
              GType           kind,
              gint64          id,
              SecStoreChange  change)
{
  PendingChange c = { kind, id, change };

  if (self->depth > 0)
    g_array_append_val (self->pending, c);
  else
    g_signal_emit (self, signals[CHANGED], 0, kind, id, change);
}

static void
flush_changes (SecStore *self)
{
  g_autoptr(GArray) pending = self->pending;

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *c = &g_array_index (pending, PendingChange, i);
      g_signal_emit (self, signals[CHANGED], 0, c->kind, c->id, c->change);
    }
}

/* Transactions */

gboolean
sec_store_begin (SecStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  if (self->depth == 0)
    {
      /* IMMEDIATE takes the write lock now, so a busy database is reported
       * before anything is changed rather than at commit. */
      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SAVEPOINT sp%u", self->depth);
      if (!exec (self, sql, error))
        return FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
sec_store_commit (SecStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!exec (self, "COMMIT", error))
        return FALSE;
      self->depth = 0;
      flush_changes (self);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE sp%u", self->depth - 1);
      if (!exec (self, sql, error))
        return FALSE;
      self->depth--;
    }
  return TRUE;
}

void
sec_store_rollback (SecStore *self)
{
  g_return_if_fail (SEC_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_array_set_size (self->pending, 0);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u",
                                              self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

/* Values */

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (value));
      break;
    case G_TYPE_INT64:
      if (g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    case G_TYPE_DOUBLE:
      sqlite3_bind_double (stmt, index, g_value_get_double (value));
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value));
      break;
    default:
      {
        const char *s = g_value_get_string (value);
        if (s == NULL || *s == '\0')
          sqlite3_bind_null (stmt, index);
        else
          sqlite3_bind_text (stmt, index, s, -1, SQLITE_TRANSIENT);
      }
      break;
    }
}

static void
read_column (sqlite3_stmt *stmt,
             int           col,
             GValue       *value)
{
  GValue v = G_VALUE_INIT;

  g_value_init (&v, G_VALUE_TYPE (value));
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_INT:
      g_value_set_int (&v, sqlite3_column_int (stmt, col));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (&v, sqlite3_column_int64 (stmt, col));
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (&v, sqlite3_column_double (stmt, col));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (&v, sqlite3_column_int (stmt, col) != 0);
      break;
    default:
      g_value_set_string (&v, (const char *) sqlite3_column_text (stmt, col));
      break;
    }
  g_value_unset (value);
  *value = v;
}

static char *
make_search_text (SecRecord *record)
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
  return sec_fold (text->str);
}

/* (nullable): NULL for kinds that sort by position or date only. */
static GBytes *
make_sort_key (SecRecord *record)
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

static void
bind_sort_key (sqlite3_stmt *stmt,
               int           index,
               GBytes       *key)
{
  if (key == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob (stmt, index, g_bytes_get_data (key, NULL),
                       (int) g_bytes_get_size (key), SQLITE_TRANSIENT);
}

/* Turns a failed constraint into a sentence for the user. */
static void
set_constraint_error (SecStore   *self,
                      SecRecord  *record,
                      int         rc,
                      GError    **error)
{
  const SecKind *kind = sec_record_get_kind (record);
  const char *msg = sqlite3_errmsg (self->db);

  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      /* "UNIQUE constraint failed: organisations.name" */
      const char *dot = strrchr (msg, '.');
      const SecField *field = NULL;

      if (dot != NULL && strchr (dot, ',') == NULL)
        for (guint i = 0; i < kind->n_fields; i++)
          {
            g_autofree char *column = sec_field_column (&kind->fields[i]);
            if (g_str_equal (column, dot + 1))
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

  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                   _("This %s refers to a record that does not exist"), _(kind->label));
      return;
    }

  g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
               _("The %s was not saved: %s"), _(kind->label), msg);
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

/* The columns every SELECT of a kind reads, in order: id, created_at,
 * updated_at, the fields, then the derived values. */
static char *
select_columns (const SecKind *kind)
{
  GString *sql = g_string_new ("t.id, t.created_at, t.updated_at");

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *column = sec_field_column (&kind->fields[i]);
      g_string_append_printf (sql, ", t.%s", column);
    }
  if (kind->derived != NULL)
    for (const SecDerived *d = kind->derived; d->name; d++)
      g_string_append_printf (sql, ", %s", d->sql);
  return g_string_free (sql, FALSE);
}

/* Derived values named "...-sort-key" are collation keys (bytes) to sort
 * by, never text to show. */
static gboolean
is_sort_key (const SecDerived *d)
{
  return g_str_has_suffix (d->name, "-sort-key");
}

static SecRecord *
record_from_row (GType         type,
                 sqlite3_stmt *stmt)
{
  const SecKind *kind = sec_kind_from_type (type);
  SecRecord *record = g_object_new (type, NULL);
  int col = 3;

  g_object_freeze_notify (G_OBJECT (record));
  _sec_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  _sec_record_set_timestamps (record,
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2));
  for (guint i = 0; i < kind->n_fields; i++, col++)
    {
      GValue v = G_VALUE_INIT;

      g_value_init (&v, G_VALUE_TYPE (sec_record_get_value (record, kind->fields[i].name)));
      read_column (stmt, col, &v);
      g_object_set_property (G_OBJECT (record), kind->fields[i].name, &v);
      g_value_unset (&v);
    }
  if (kind->derived != NULL)
    for (const SecDerived *d = kind->derived; d->name; d++, col++)
      if (!is_sort_key (d))
        _sec_record_set_derived (record, d->name, (const char *) sqlite3_column_text (stmt, col));
  g_object_thaw_notify (G_OBJECT (record));

  return record;
}

/* Writes */

/* Runs an INSERT or UPDATE of @record, turning a failed constraint into a
 * sentence for the user. */
static gboolean
step_write (SecStore      *self,
            sqlite3_stmt  *stmt,
            SecRecord     *record,
            GError       **error)
{
  int rc = sqlite3_step (stmt);
  int xrc = sqlite3_extended_errcode (self->db);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if ((xrc & 0xff) == SQLITE_CONSTRAINT)
    set_constraint_error (self, record, xrc, error);
  else
    _sec_store_set_error (self, rc, error);
  return FALSE;
}

static gboolean
insert_record (SecStore   *self,
               SecRecord  *record,
               GError    **error)
{
  const SecKind *kind = sec_record_get_kind (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *now = now_utc ();
  g_autofree char *search = make_search_text (record);
  g_autoptr(GBytes) sort_key = make_sort_key (record);
  gboolean with_id = sec_record_get_id (record) != 0;
  sqlite3_stmt *stmt;
  int n = 1;

  g_string_append_printf (sql, "INSERT INTO %s (%screated_at, updated_at, search_text, sort_key",
                          kind->table, with_id ? "id, " : "");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *column = sec_field_column (&kind->fields[i]);
      g_string_append_printf (sql, ", %s", column);
    }
  g_string_append (sql, with_id ? ") VALUES (?, ?, ?, ?, ?" : ") VALUES (?, ?, ?, ?");
  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  if (!(stmt = prepare (self, sql->str, error)))
    return FALSE;

  if (with_id)
    sqlite3_bind_int64 (stmt, n++, sec_record_get_id (record));
  sqlite3_bind_text (stmt, n++, sec_record_get_created_at (record) ? sec_record_get_created_at (record) : now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, search, -1, SQLITE_TRANSIENT);
  bind_sort_key (stmt, n++, sort_key);
  for (guint i = 0; i < kind->n_fields; i++)
    bind_value (stmt, n++, sec_record_get_value (record, kind->fields[i].name));

  if (!step_write (self, stmt, record, error))
    return FALSE;

  _sec_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  _sec_record_set_timestamps (record, sec_record_get_created_at (record) ? NULL : now, now);
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
  queue_change (self, G_OBJECT_TYPE (record), sec_record_get_id (record), SEC_STORE_CHANGE_INSERTED);
  if (!sec_store_commit (self, error))
    {
      sec_store_rollback (self);
      _sec_record_set_id (record, 0);
      return FALSE;
    }
  refresh_derived (self, record);
  return TRUE;
}

gboolean
sec_store_update (SecStore   *self,
                  SecRecord  *record,
                  GError    **error)
{
  const SecKind *kind;
  g_autoptr(GString) sql = NULL;
  g_autofree char *now = NULL;
  g_autofree char *search = NULL;
  g_autoptr(GBytes) sort_key = NULL;
  sqlite3_stmt *stmt;
  int n = 1;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SEC_IS_RECORD (record), FALSE);
  g_return_val_if_fail (sec_record_get_id (record) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_for_store (record, error))
    return FALSE;

  kind = sec_record_get_kind (record);
  sql = g_string_new (NULL);
  now = now_utc ();
  search = make_search_text (record);
  sort_key = make_sort_key (record);

  g_string_append_printf (sql, "UPDATE %s SET updated_at = ?, search_text = ?, sort_key = ?", kind->table);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *column = sec_field_column (&kind->fields[i]);
      g_string_append_printf (sql, ", %s = ?", column);
    }
  g_string_append (sql, " WHERE id = ?");

  if (!sec_store_begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, sql->str, error)))
    goto fail;

  sqlite3_bind_text (stmt, n++, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, search, -1, SQLITE_TRANSIENT);
  bind_sort_key (stmt, n++, sort_key);
  for (guint i = 0; i < kind->n_fields; i++)
    bind_value (stmt, n++, sec_record_get_value (record, kind->fields[i].name));
  sqlite3_bind_int64 (stmt, n++, sec_record_get_id (record));

  if (!step_write (self, stmt, record, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("This %s no longer exists"), _(kind->label));
      goto fail;
    }

  queue_change (self, G_OBJECT_TYPE (record), sec_record_get_id (record), SEC_STORE_CHANGE_UPDATED);
  if (!sec_store_commit (self, error))
    goto fail;
  _sec_record_set_timestamps (record, NULL, now);
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
  for (guint i = 0; i < self->foreign_keys->len; i++)
    {
      ForeignKey *fk = &g_array_index (self->foreign_keys, ForeignKey, i);
      GType type;

      if (!g_str_equal (fk->target, table) || g_str_equal (fk->table, table))
        continue;
      if ((type = type_for_table (fk->table)) != 0)
        queue_change (self, type, 0, SEC_STORE_CHANGE_UPDATED);
    }
}

static gboolean
delete_row (SecStore    *self,
            GType        type,
            gint64       id,
            GError     **error)
{
  const SecKind *kind = sec_kind_from_type (type);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", kind->table);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      int xrc = sqlite3_extended_errcode (self->db);

      if (xrc == SQLITE_CONSTRAINT_FOREIGNKEY || xrc == SQLITE_CONSTRAINT_TRIGGER)
        {
          g_autoptr(SecRecord) record = sec_store_get (self, type, id, NULL);
          g_auto(GStrv) deps = record ? sec_store_describe_dependants (self, record, NULL) : NULL;
          g_autofree char *list = deps ? g_strjoinv ("; ", deps) : g_strdup ("");

          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                       _("This %s cannot be deleted while other records depend on it: %s"),
                       _(kind->label), list);
          return FALSE;
        }
      return _sec_store_set_error (self, rc, error);
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with the number %s"), _(kind->label), id_text);
      return FALSE;
    }
  queue_change (self, type, id, SEC_STORE_CHANGE_DELETED);
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
  if (!delete_row (self, kind, id, error))
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
  sqlite3_stmt *stmt;
  SecRecord *record = NULL;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (kind_type, SEC_TYPE_RECORD), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kind = sec_kind_from_type (kind_type);
  columns = select_columns (kind);
  sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.id = ?", columns, kind->table);
  if (!(stmt = prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_row (kind_type, stmt);
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with the number %s"), _(kind->label), id_text);
    }
  else
    _sec_store_set_error (self, rc, error);
  sqlite3_reset (stmt);

  return record;
}

typedef struct {
  GString *sql;
  GPtrArray *params;  /* of GVariant */
} Builder;

static gboolean
escape_like (GString *out, const char *word)
{
  for (const char *p = word; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return TRUE;
}

static gboolean
build_where (const SecKind  *kind,
             const SecQuery *query,
             Builder        *b,
             GError        **error)
{
  const char *search;

  g_string_append (b->sql, " WHERE 1");
  if (query == NULL)
    return TRUE;

  search = sec_query_get_search (query);
  if (search != NULL)
    {
      g_autofree char *folded = sec_fold (search);
      g_auto(GStrv) words = g_strsplit (folded, " ", -1);

      for (guint i = 0; words[i]; i++)
        {
          g_autoptr(GString) pattern = g_string_new ("%");

          if (*words[i] == '\0')
            continue;
          escape_like (pattern, words[i]);
          g_string_append_c (pattern, '%');
          g_string_append (b->sql, " AND t.search_text LIKE ? ESCAPE '\\'");
          g_ptr_array_add (b->params, g_variant_ref_sink (g_variant_new_string (pattern->str)));
        }
    }

  for (guint i = 0; i < sec_query_get_n_conditions (query); i++)
    {
      const char *name, *value;
      SecQueryOp op;
      const SecField *field = NULL;
      g_autofree char *column = NULL;
      GVariant *param;

      sec_query_get_condition (query, i, &name, &op, &value);

      if (op == SEC_QUERY_RELATION)
        {
          const SecRelation *rel = NULL;
          gint64 id = 0;

          for (const SecRelation *r = kind->relations; r && r->name; r++)
            if (g_str_equal (r->name, name))
              rel = r;
          if (rel == NULL || value == NULL || !g_ascii_string_to_signed (value, 10, 1, G_MAXINT64, &id, NULL))
            {
              g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                           _("%s cannot be filtered by “%s”"), _(kind->plural_label), name);
              return FALSE;
            }
          g_string_append_printf (b->sql, " AND (%s)", rel->sql);
          g_ptr_array_add (b->params, g_variant_ref_sink (g_variant_new_int64 (id)));
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
          g_string_append_printf (b->sql, " AND t.%s = ?", column);
          break;
        case SEC_QUERY_NOT_EQUALS:
          g_string_append_printf (b->sql, " AND (t.%s IS NULL OR t.%s <> ?)", column, column);
          break;
        case SEC_QUERY_AT_LEAST:
          g_string_append_printf (b->sql, " AND t.%s >= ?", column);
          break;
        case SEC_QUERY_BEFORE:
          g_string_append_printf (b->sql, " AND t.%s < ?", column);
          break;
        case SEC_QUERY_YEAR:
          g_string_append_printf (b->sql, " AND substr(t.%s, 1, 4) = ?", column);
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
    g_autofree char *column = NULL;

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
                                        is_sort_key (d) ? "" : " COLLATE sec_locale", dir, dir);
                return TRUE;
              }
        g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                     _("%s cannot be sorted by “%s”"), _(kind->plural_label), sort);
        return FALSE;
      }
    column = sec_field_column (field);
    /* Empty values last, whichever the direction. */
    g_string_append_printf (sql, " ORDER BY t.%s IS NULL, t.%s %s, t.sort_key %s, t.id %s",
                            column, column, dir, dir, dir);
  }
  return TRUE;
}

static void
bind_params (sqlite3_stmt *stmt,
             GPtrArray    *params)
{
  for (guint i = 0; i < params->len; i++)
    {
      GVariant *v = g_ptr_array_index (params, i);

      if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, (int) i + 1, g_variant_get_int64 (v));
      else
        sqlite3_bind_text (stmt, (int) i + 1, g_variant_get_string (v, NULL), -1, SQLITE_TRANSIENT);
    }
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
  Builder b;
  sqlite3_stmt *stmt;
  gint64 offset = 0, limit = -1;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (kind_type, SEC_TYPE_RECORD), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kind = sec_kind_from_type (kind_type);
  columns = select_columns (kind);
  params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  b.sql = g_string_new (NULL);
  b.params = params;

  g_string_append_printf (b.sql, "SELECT %s FROM %s t", columns, kind->table);
  if (!build_where (kind, query, &b, error) || !build_order (kind, query, b.sql, error))
    {
      g_string_free (b.sql, TRUE);
      return NULL;
    }
  if (query != NULL)
    sec_query_get_range (query, &offset, &limit);
  g_string_append_printf (b.sql, " LIMIT %" G_GINT64_FORMAT " OFFSET %" G_GINT64_FORMAT, limit, offset);

  stmt = prepare (self, b.sql->str, error);
  g_string_free (b.sql, TRUE);
  if (stmt == NULL)
    return NULL;
  bind_params (stmt, params);

  records = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (kind_type, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sec_store_set_error (self, rc, error);
      return NULL;
    }

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
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (self), -1);
  g_return_val_if_fail (g_type_is_a (kind_type, SEC_TYPE_RECORD), -1);

  kind = sec_kind_from_type (kind_type);
  params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  b.sql = g_string_new (NULL);
  b.params = params;
  g_string_append_printf (b.sql, "SELECT count(*) FROM %s t", kind->table);
  if (!build_where (kind, query, &b, error))
    {
      g_string_free (b.sql, TRUE);
      return -1;
    }
  stmt = prepare (self, b.sql->str, error);
  g_string_free (b.sql, TRUE);
  if (stmt == NULL)
    return -1;
  bind_params (stmt, params);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _sec_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

gint64
sec_store_position (SecStore  *self,
                    GType      kind_type,
                    SecQuery  *query,
                    gint64     id,
                    GError   **error)
{
  const SecKind *kind;
  g_autoptr(GPtrArray) params = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  Builder b;
  sqlite3_stmt *stmt;
  gint64 position = -1;
  int rc;

  g_return_val_if_fail (SEC_IS_STORE (self), -1);
  g_return_val_if_fail (g_type_is_a (kind_type, SEC_TYPE_RECORD), -1);

  kind = sec_kind_from_type (kind_type);
  if (!build_order (kind, query, order, error))
    return -1;
  params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  b.sql = g_string_new (NULL);
  b.params = params;
  g_string_append_printf (b.sql, "SELECT n FROM (SELECT t.id, row_number() OVER (%s) - 1 AS n FROM %s t",
                          order->str + 1, kind->table);
  if (!build_where (kind, query, &b, error))
    {
      g_string_free (b.sql, TRUE);
      return -1;
    }
  g_string_append (b.sql, ") WHERE id = ?");
  g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (id)));
  stmt = prepare (self, b.sql->str, error);
  g_string_free (b.sql, TRUE);
  if (stmt == NULL)
    return -1;
  bind_params (stmt, params);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    _sec_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return position;
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

/* Dependants and undoable deletion */

static gint64
count_referring (SecStore   *self,
                 ForeignKey *fk,
                 gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?", fk->table, fk->column);
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

GStrv
sec_store_describe_dependants (SecStore   *self,
                               SecRecord  *record,
                               GError    **error)
{
  const SecKind *kind;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (SEC_IS_RECORD (record), NULL);

  kind = sec_record_get_kind (record);
  for (guint i = 0; i < self->foreign_keys->len; i++)
    {
      ForeignKey *fk = &g_array_index (self->foreign_keys, ForeignKey, i);
      GType type;
      const SecKind *dep;
      gint64 n;
      const SecField *field = NULL;
      g_autofree char *line = NULL;

      if (!g_str_equal (fk->target, kind->table))
        continue;
      if ((type = type_for_table (fk->table)) == 0)
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
        /* Translators: "Participants: 3 deleted too" */
        line = g_strdup_printf (_("%s: %d deleted too"),
                              _(dep->plural_label), (int) n);
      else if (g_str_equal (fk->on_delete, "SET NULL"))
        /* Translators: "People: 2 lose their “Organisation”" */
        line = g_strdup_printf (_("%s: %d lose their “%s”"),
                              _(dep->plural_label), (int) n,
                              field ? _(field->label) : fk->column);
      else
        /* Translators: "Calls for expression of interest: 2 prevent the deletion" */
        line = g_strdup_printf (_("%s: %d prevent the deletion"),
                              _(dep->plural_label), (int) n);
      g_strv_builder_add (lines, line);
    }

  return g_strv_builder_end (lines);
}

typedef struct {
  char      *table;
  gint64     id;
  GPtrArray *columns;  /* of char* */
  GPtrArray *values;   /* of sqlite3_value* (dup'ed) */
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
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  SavedRow *row;
  int rc;

  if (g_hash_table_contains (seen, key))
    return TRUE;
  g_hash_table_add (seen, g_steal_pointer (&key));

  sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", table);
  if (!(stmt = prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        return TRUE;
      return _sec_store_set_error (self, rc, error);
    }

  row = g_new0 (SavedRow, 1);
  row->table = g_strdup (table);
  row->id = id;
  row->columns = g_ptr_array_new_with_free_func (g_free);
  row->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      g_ptr_array_add (row->columns, g_strdup (sqlite3_column_name (stmt, c)));
      g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
    }
  sqlite3_reset (stmt);
  g_ptr_array_add (deletion->rows, row);

  /* Then everything the deletion takes with it, or unlinks. */
  for (guint i = 0; i < self->foreign_keys->len; i++)
    {
      ForeignKey *fk = &g_array_index (self->foreign_keys, ForeignKey, i);
      g_autofree char *q = NULL;
      g_autoptr(GArray) ids = NULL;

      if (!g_str_equal (fk->target, table))
        continue;
      if (!g_str_equal (fk->on_delete, "CASCADE") && !g_str_equal (fk->on_delete, "SET NULL"))
        continue;

      q = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?", fk->table, fk->column);
      if (!(stmt = prepare (self, q, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 dep = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, dep);
        }
      sqlite3_reset (stmt);

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
      !delete_row (self, kind, id, error) ||
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
  sqlite3_stmt *stmt;
  int rc;

  g_string_append_printf (sql, "INSERT INTO %s (", row->table);
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", (char *) g_ptr_array_index (row->columns, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");

  if (!(stmt = prepare (self, sql->str, error)))
    return FALSE;
  for (guint i = 0; i < row->values->len; i++)
    sqlite3_bind_value (stmt, (int) i + 1, g_ptr_array_index (row->values, i));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autoptr(GError) local = NULL;
      _sec_store_set_error (self, rc, &local);
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
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ? AND %s IS NULL",
                                              link->table, link->column, link->column);
      sqlite3_stmt *stmt = prepare (self, sql, error);
      int rc;

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, link->target_id);
      sqlite3_bind_int64 (stmt, 2, link->row_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _sec_store_set_error (self, rc, error);
          goto fail;
        }
      g_hash_table_add (tables, link->table);
    }

  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    {
      GType type = type_for_table (table);
      if (type != 0)
        queue_change (self, type, type == deletion->kind ? deletion->id : 0, SEC_STORE_CHANGE_INSERTED);
    }

  if (!sec_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  sec_store_rollback (self);
  return FALSE;
}

/* Opening */

static gboolean
backup_db (sqlite3     *src,
           const char  *dest,
           GError     **error)
{
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (out, "main", src, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (out);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
  if (rc != SQLITE_OK)
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                 _("Could not copy the database to “%s”: %s"), dest,
                 out ? sqlite3_errmsg (out) : sqlite3_errstr (rc));
  sqlite3_close (out);
  if (rc == SQLITE_OK)
    g_chmod (dest, 0600);
  return rc == SQLITE_OK;
}

gboolean
sec_store_backup_to (SecStore    *self,
                     const char  *dest,
                     GError     **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  return backup_db (self->db, dest, error);
}

static void
fold_function (sqlite3_context *ctx,
               int              argc,
               sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  folded = sec_fold (text);
  sqlite3_result_text (ctx, folded, -1, g_free);
}

/* The user's locale's order, for text that has no stored sort key. */
static int
collate_locale (void       *data,
                int         len_a,
                const void *a,
                int         len_b,
                const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);
  g_autofree char *ka = sec_collate_key (sa);
  g_autofree char *kb = sec_collate_key (sb);

  return strcmp (ka, kb);
}

static gboolean
load_foreign_keys (SecStore  *self,
                   GError   **error)
{
  sqlite3_stmt *tables = NULL;
  int rc;

  g_array_set_size (self->foreign_keys, 0);
  rc = sqlite3_prepare_v2 (self->db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &tables, NULL);
  if (rc != SQLITE_OK)
    return _sec_store_set_error (self, rc, error);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      sqlite3_stmt *fks = NULL;

      if (sqlite3_prepare_v2 (self->db, "SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list(?)",
                              -1, &fks, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_text (fks, 1, table, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (fks) == SQLITE_ROW)
        {
          ForeignKey fk = {
            g_strdup (table),
            g_strdup ((const char *) sqlite3_column_text (fks, 1)),
            g_strdup ((const char *) sqlite3_column_text (fks, 0)),
            g_strdup ((const char *) sqlite3_column_text (fks, 2)),
          };
          g_array_append_val (self->foreign_keys, fk);
        }
      sqlite3_finalize (fks);
    }
  sqlite3_finalize (tables);
  return TRUE;
}

static char *
get_setting (SecStore   *self,
             const char *key)
{
  /* Internal keys and sec_store_get_setting () share the table. */
  sqlite3_stmt *stmt = prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static gboolean
set_setting (SecStore    *self,
             const char  *key,
             const char  *value,
             GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sec_store_set_error (self, rc, error);
  return TRUE;
}

/**
 * sec_store_get_setting:
 *
 * Returns: (transfer full) (nullable): a value kept in the database itself
 *   (not in GSettings: it travels with the file), or NULL.
 */
char *
sec_store_get_setting (SecStore   *self,
                       const char *key)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return get_setting (self, key);
}

gboolean
sec_store_set_setting (SecStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!sec_store_begin (self, error))
    return FALSE;
  if (!set_setting (self, key, value, error))
    {
      sec_store_rollback (self);
      return FALSE;
    }
  return sec_store_commit (self, error);
}

const char *
sec_store_get_uuid (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  return self->uuid;
}

/* Search text and sort keys depend on the fold rules and on the locale's
 * collation: make them again when either differs from when they were
 * written. */
static gboolean
refresh_keys (SecStore  *self,
              GError   **error)
{
  g_autofree char *locale = get_setting (self, "collate-locale");
  g_autofree char *fold = get_setting (self, "fold-version");
  const GType *kinds = sec_record_kinds ();

  if (g_strcmp0 (locale, sec_collate_locale ()) == 0 && g_strcmp0 (fold, FOLD_VERSION) == 0)
    return TRUE;

  if (!sec_store_begin (self, error))
    return FALSE;
  for (guint k = 0; kinds[k]; k++)
    {
      const SecKind *kind = sec_kind_from_type (kinds[k]);
      g_autoptr(GPtrArray) all = sec_store_list (self, kinds[k], NULL, error);
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET search_text = ?, sort_key = ? WHERE id = ?", kind->table);

      if (all == NULL)
        goto fail;
      for (guint i = 0; i < all->len; i++)
        {
          SecRecord *r = g_ptr_array_index (all, i);
          g_autofree char *search = make_search_text (r);
          g_autoptr(GBytes) key = make_sort_key (r);
          sqlite3_stmt *stmt = prepare (self, sql, error);

          if (stmt == NULL)
            goto fail;
          sqlite3_bind_text (stmt, 1, search, -1, SQLITE_TRANSIENT);
          bind_sort_key (stmt, 2, key);
          sqlite3_bind_int64 (stmt, 3, sec_record_get_id (r));
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              _sec_store_set_error (self, sqlite3_errcode (self->db), error);
              sqlite3_reset (stmt);
              goto fail;
            }
          sqlite3_reset (stmt);
        }
    }
  if (!set_setting (self, "collate-locale", sec_collate_locale (), error) ||
      !set_setting (self, "fold-version", FOLD_VERSION, error))
    goto fail;
  return sec_store_commit (self, error);

fail:
  sec_store_rollback (self);
  return FALSE;
}

static int
read_user_version (sqlite3 *db, int *version)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* Reads the whole file once: a damaged page is found before we write. */
static int
check_integrity (sqlite3 *db, char **problem)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  *problem = NULL;
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);
          if (g_strcmp0 (result, "ok") != 0)
            {
              *problem = g_strdup (result);
              rc = SQLITE_CORRUPT;
            }
          else
            rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

static int
count_tables (sqlite3 *db, int *n)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *n = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
set_open_error (const char  *path,
                sqlite3     *db,
                int          rc,
                const char  *detail,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Secretariat database (it is not a SQLite database file)"), display);
      break;
    case SQLITE_CORRUPT:
      {
        /* quick_check reports "*** in database main ***\nPage 22: ..." */
        g_autofree char *cause = g_strdup (detail ? detail : (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc)));
        const char *first = strstr (cause, "***\n") ? strstr (cause, "***\n") + 4 : cause;
        g_autofree char *line = g_strdelimit (g_strdup (first), "\n", ' ');

        g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CORRUPT,
                     _("“%s” is damaged and was left as it is (%s). Open a backup copy instead"),
                     display, line);
      }
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written; check the permissions of the file and of its folder"),
                   display);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” is in use by another program"), display);
      break;
    default:
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” cannot be opened: %s"), display,
                   detail ? detail : (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc)));
      break;
    }
  return FALSE;
}

static char *
make_backup_path (const char *path,
                  int         version)
{
  char *candidate = g_strdup_printf ("%s.v%d.bak", path, version);

  for (int n = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.v%d.%d.bak", path, version, n);
    }
  return candidate;
}

static gboolean
migrate (SecStore  *self,
         int        from,
         GError   **error)
{
  guint n;
  const SecMigration *migrations = sec_schema_get_migrations (&n);

  /* Table rebuilds in a migration must not cascade; keys are checked
   * before each commit instead. */
  sqlite3_exec (self->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql = NULL;
      char *errmsg = NULL;
      int rc;

      if (migrations[i].version <= from)
        continue;

      sql = g_strdup_printf ("BEGIN IMMEDIATE; %s; PRAGMA user_version = %d;",
                             migrations[i].sql, migrations[i].version);
      rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
      if (rc == SQLITE_OK)
        {
          sqlite3_stmt *check = NULL;
          if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &check, NULL) == SQLITE_OK &&
              sqlite3_step (check) == SQLITE_ROW)
            {
              errmsg = sqlite3_mprintf ("a reference in %s points to a missing record",
                                        sqlite3_column_text (check, 0));
              rc = SQLITE_CONSTRAINT;
            }
          sqlite3_finalize (check);
        }
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, &errmsg);

      if (rc != SQLITE_OK)
        {
          g_autofree char *display = g_filename_display_name (self->path);

          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_MIGRATION,
                       _("“%s” could not be upgraded to version %d (%s); it was left as it was"),
                       display, migrations[i].version, errmsg ? errmsg : sqlite3_errstr (rc));
          sqlite3_free (errmsg);
          return FALSE;
        }
    }
  return TRUE;
}

static void
sec_store_finalize (GObject *object)
{
  SecStore *self = (SecStore *) object;

  sec_store_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->foreign_keys, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (sec_store_parent_class)->finalize (object);
}

static void
sec_store_class_init (SecStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sec_store_finalize;

  /**
   * SecStore::changed:
   * @kind: the record kind (a SecRecord GType)
   * @id: the record, or 0 when several records of the kind changed
   * @change: a SecStoreChange
   *
   * Emitted after a write is committed (after the outermost transaction).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_GTYPE, G_TYPE_INT64, G_TYPE_INT);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
sec_store_init (SecStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->foreign_keys = g_array_new (FALSE, FALSE, sizeof (ForeignKey));
  g_array_set_clear_func (self->foreign_keys, clear_foreign_key);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
}

char *
sec_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "secretariat", "secretariat.db", NULL);
}

/* Creates a new empty file readable by its owner only: it will hold
 * personal data. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” cannot be created: %s"), display, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, saved == EACCES || saved == EROFS ? SEC_STORE_ERROR_READ_ONLY : SEC_STORE_ERROR_OPEN,
                   _("“%s” cannot be created: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * sec_store_open:
 * @path: the database file
 *
 * Opens the database, creating it if needed. A file that is not a
 * database, is damaged, comes from a newer version or cannot be written is
 * refused with a message naming it, and left byte for byte as it was.
 *
 * Returns: (transfer full): the store, or NULL with @error set.
 */
SecStore *
sec_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(SecStore) self = NULL;
  g_autofree char *display = NULL;
  gboolean created = FALSE;
  int version = 0, n_tables = 0, rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file"), display);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create_file (path, error))
        return NULL;
      created = TRUE;
    }
  else if (g_access (path, R_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” cannot be read: %s"), display, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (SEC_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, self->db, rc, NULL, error);
      goto fail;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_function (self->db, "sec_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, fold_function, NULL, NULL);
  sqlite3_create_collation_v2 (self->db, "sec_locale", SQLITE_UTF8, NULL, collate_locale, NULL);
  self->engine = _sec_engine_new_for_sqlite (self->db);

  /* Nothing below writes until every check has passed. */
  if ((rc = read_user_version (self->db, &version)) != SQLITE_OK ||
      (rc = count_tables (self->db, &n_tables)) != SQLITE_OK)
    {
      set_open_error (path, self->db, rc, NULL, error);
      goto fail;
    }
  if (!created && n_tables > 0)
    {
      g_autofree char *problem = NULL;
      if ((rc = check_integrity (self->db, &problem)) != SQLITE_OK)
        {
          set_open_error (path, self->db, rc, problem, error);
          goto fail;
        }
    }
  if (version == 0 && n_tables > 0)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a SQLite database of another program, not a Secretariat database"), display);
      goto fail;
    }
  if (version > SEC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Secretariat (database version %d; this version knows up to %d). Update Secretariat to open it"),
                   display, version, SEC_STORE_SCHEMA_VERSION);
      goto fail;
    }
  if (sqlite3_db_readonly (self->db, "main") == 1 || g_access (path, W_OK) != 0)
    {
      set_open_error (path, self->db, SQLITE_READONLY, NULL, error);
      goto fail;
    }
  /* Take the write lock once to learn that writing works (the folder must
   * allow the journal too), then let go without having changed anything. */
  if ((rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
    {
      set_open_error (path, self->db, rc, NULL, error);
      goto fail;
    }
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  if (version < SEC_STORE_SCHEMA_VERSION)
    {
      if (version > 0)
        {
          g_autofree char *backup = make_backup_path (path, version);
          if (!backup_db (self->db, backup, error))
            goto fail;
          self->backup_path = g_steal_pointer (&backup);
        }
      if (!migrate (self, version, error))
        goto fail;
    }

  sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  sqlite3_exec (self->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  if (!exec (self, "PRAGMA foreign_keys = ON", error))
    goto fail;

  if (!load_foreign_keys (self, error) || !refresh_keys (self, error))
    goto fail;

  self->uuid = get_setting (self, "database-uuid");
  if (self->uuid == NULL)
    {
      self->uuid = g_uuid_string_random ();
      if (!sec_store_set_setting (self, "database-uuid", self->uuid, error))
        goto fail;
    }

  return g_steal_pointer (&self);

fail:
  sec_store_close (self);
  if (created)
    g_unlink (path);
  return NULL;
}

const char *
sec_store_get_path (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  return self->path;
}

const char *
sec_store_get_backup_path (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  return self->backup_path;
}

void
sec_store_close (SecStore *self)
{
  g_return_if_fail (SEC_IS_STORE (self));

  if (self->db == NULL)
    return;
  while (self->depth > 0)
    sec_store_rollback (self);
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->engine, sec_engine_close);
  sqlite3_close (self->db);
  self->db = NULL;
}

SecEngine *
_sec_store_get_engine (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  return self->engine;
}

struct sqlite3 *
_sec_store_get_db (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  return self->db;
}
