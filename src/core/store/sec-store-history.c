/* sec-store-history.c: every change on record
 *
 * Part of SecStore (see sec-store-private.h). The history table comes from
 * migration 6; the triggers that fill it are made here, from the columns
 * each audited table has now (so a column added by a later migration is
 * recorded without another line), each time a file is opened for writing.
 * They are TEMP triggers: only a temporary trigger can read the user
 * account this connection writes as (temp.history_user), and a file opened
 * by another program is not broken by a function or table it lacks.
 *
 * Inserts and deletions keep the whole row as JSON (without the derived
 * search text and sort key), updates one row per changed column; one row
 * per insert keeps bulk imports fast.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-store.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store-private.h"
#include "core/store/sec-records.h"

/* The audited tables. Add a table here when it holds records. */
static const char *const history_tables[] = {
  "organisations",
  "people",
  "bodies",
  "calls",
  "memberships",
  "meetings",
  "meeting_bodies",
  "agenda_items",
  "agenda_speakers",
  "participants",
  "errata",
  "applications",
  "statements",
  "signatories",
  "commitments",
  "follow_ups",
  "membership_alternates",
  "funding_programmes",
  "funding_calls",
  "projects",
  "project_partners",
  "minutes",
  "action_points",
  NULL
};

/* For printf formats: 'now' to the millisecond. */
#define NOW_MS "strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now')"

const char *const *
sec_store_history_tables (void)
{
  return history_tables;
}

void
sec_history_entry_free (SecHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user);
  g_free (entry->table);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

/* Columns that are not the record's data: made again from the fields. */
static gboolean
is_derived_column (const char *name,
                   const char *type)
{
  return g_str_equal (name, "search_text") || g_str_equal (name, "sort_key") ||
         g_ascii_strcasecmp (type, "BLOB") == 0;
}

/* The table's columns (element-type utf8), without the derived ones. */
static GPtrArray *
list_columns (SecEngine   *engine,
              const char  *table,
              GError     **error)
{
  g_autoptr(SecStmt) stmt = sec_engine_prepare (engine, "SELECT name, type FROM pragma_table_info(?1)", error);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  SecStep step;

  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_text (stmt, 1, table);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      const char *name = sec_stmt_get_text (stmt, 0);
      const char *type = sec_stmt_get_text (stmt, 1);

      if (!is_derived_column (name, type ? type : ""))
        g_ptr_array_add (columns, g_strdup (name));
    }
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&columns);
}

/* json_object('a', row.a, 'b', row.b ...) */
static void
append_json_row (GString    *sql,
                 GPtrArray  *columns,
                 const char *row)
{
  g_string_append (sql, "json_object(");
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s'%s', %s.%s", i ? ", " : "",
                            (char *) columns->pdata[i], row, (char *) columns->pdata[i]);
  g_string_append (sql, ")");
}

static char *
make_triggers (const char *table,
               GPtrArray  *columns)
{
  GString *sql = g_string_new (NULL);
  const char *head = "INSERT INTO history (at, \"user\", table_name, record_id, action, field, old_value, new_value)";
  const char *user = "(SELECT name FROM temp.history_user)";

  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS history_%s_insert AFTER INSERT ON main.%s BEGIN "
                          "%s VALUES (" NOW_MS ", %s, '%s', new.id, 'insert', NULL, NULL, ",
                          table, table, head, user, table);
  append_json_row (sql, columns, "new");
  g_string_append (sql, "); END;");

  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS history_%s_delete AFTER DELETE ON main.%s BEGIN "
                          "%s VALUES (" NOW_MS ", %s, '%s', old.id, 'delete', NULL, ",
                          table, table, head, user, table);
  append_json_row (sql, columns, "old");
  g_string_append (sql, ", NULL); END;");

  /* One INSERT over a row per column, rather than an INSERT per column:
   * a tenth of the code to compile into every UPDATE of the table. */
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS history_%s_update AFTER UPDATE ON main.%s BEGIN "
                          "%s SELECT " NOW_MS ", %s, '%s', new.id, 'update', f, o, n FROM (",
                          table, table, head, user, table);
  for (guint i = 0, n = 0; i < columns->len; i++)
    {
      const char *c = columns->pdata[i];

      if (g_str_equal (c, "id") || g_str_equal (c, "created_at") || g_str_equal (c, "updated_at") ||
          g_str_equal (c, "version"))
        continue;
      g_string_append_printf (sql, "%sSELECT '%s' AS f, old.%s AS o, new.%s AS n",
                              n++ ? " UNION ALL " : "", c, c, c);
    }
  g_string_append (sql, ") WHERE o IS NOT n; ");
  g_string_append (sql, "END;");
  return g_string_free (sql, FALSE);
}

/**
 * sec_store_set_history_user:
 * @user: the account name recorded with each change
 *
 * Sets who this connection's changes are recorded as.
 */
gboolean
sec_store_set_history_user (SecStore    *self,
                            const char  *user,
                            GError     **error)
{
  SecEngine *engine;
  g_autoptr(SecStmt) stmt = NULL;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (user != NULL, FALSE);

  engine = _sec_store_get_engine (self);
  if (sec_engine_get_kind (engine) == SEC_ENGINE_POSTGRESQL)
    {
      /* Read by sec_history () (sec-schema-pg.c), for this session. */
      if (!(stmt = sec_engine_prepare (engine, "SELECT set_config('secretariat.history_user', ?1, false)", error)))
        return FALSE;
      sec_stmt_bind_text (stmt, 1, user);
      if (!sec_stmt_run (stmt, error))
        return FALSE;
      /* A session's setting: set again after a reconnection
       * (sec-store-notify.c). */
      g_object_set_data_full (G_OBJECT (self), "sec-history-user", g_strdup (user), g_free);
      return TRUE;
    }
  if (!sec_engine_exec (engine,
                        "CREATE TEMP TABLE IF NOT EXISTS history_user (name TEXT);"
                        "DELETE FROM temp.history_user;", error))
    return FALSE;
  if (!(stmt = sec_engine_prepare (engine, "INSERT INTO temp.history_user (name) VALUES (?1)", error)))
    return FALSE;
  sec_stmt_bind_text (stmt, 1, user);
  return sec_stmt_run (stmt, error);
}

const char *
_sec_store_history_user_sql (SecStore *self)
{
  /* On a server, sec_history_user () (sec-schema-pg.c): the name set
   * above, else the role. */
  if (sec_engine_get_kind (_sec_store_get_engine (self)) == SEC_ENGINE_POSTGRESQL)
    return "sec_history_user ()";
  return "(SELECT name FROM temp.history_user)";
}

gboolean
_sec_store_ensure_history (SecStore  *self,
                           GError   **error)
{
  SecEngine *engine = _sec_store_get_engine (self);
  gboolean server = sec_engine_get_kind (engine) == SEC_ENGINE_POSTGRESQL;

  /* On a server, changes are recorded by role name unless told otherwise. */
  if (!server && !sec_store_set_history_user (self, g_get_user_name (), error))
    return FALSE;
  for (guint i = 0; history_tables[i]; i++)
    {
      g_autoptr(GPtrArray) columns = NULL;
      g_autofree char *sql = NULL;
      gboolean has = FALSE;

      if (!sec_engine_has_table (engine, history_tables[i], &has, error))
        return FALSE;
      if (!has)
        continue;
      if (server)
        {
          /* One function for every table (sec-schema-pg.c), the owner's. */
          if (!_sec_store_is_owner (self))
            continue;
          sql = g_strdup_printf ("CREATE OR REPLACE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON %s"
                                 " FOR EACH ROW EXECUTE FUNCTION sec_history ()", history_tables[i]);
          if (!sec_engine_exec (engine, sql, error))
            return FALSE;
          continue;
        }
      if (!(columns = list_columns (engine, history_tables[i], error)))
        return FALSE;
      sql = make_triggers (history_tables[i], columns);
      if (!sec_engine_exec (engine, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Reading */

static SecHistoryEntry *
entry_from_row (SecStmt *stmt)
{
  SecHistoryEntry *e = g_new0 (SecHistoryEntry, 1);

  e->id = sec_stmt_get_int64 (stmt, 0);
  e->at = g_strdup (sec_stmt_get_text (stmt, 1));
  e->user = g_strdup (sec_stmt_get_text (stmt, 2));
  e->table = g_strdup (sec_stmt_get_text (stmt, 3));
  e->record_id = sec_stmt_get_int64 (stmt, 4);
  e->action = g_strdup (sec_stmt_get_text (stmt, 5));
  e->field = g_strdup (sec_stmt_get_text (stmt, 6));
  e->old_value = g_strdup (sec_stmt_get_text (stmt, 7));
  e->new_value = g_strdup (sec_stmt_get_text (stmt, 8));
  return e;
}

#define ENTRY_COLUMNS "id, at, \"user\", table_name, record_id, action, field, old_value, new_value"

GPtrArray *
sec_store_list_history (SecStore  *self,
                        GType      kind,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (kind, SEC_TYPE_RECORD), NULL);

  stmt = sec_engine_prepare (_sec_store_get_engine (self),
                             "SELECT " ENTRY_COLUMNS " FROM history"
                             " WHERE table_name = ?1 AND record_id = ?2 ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_text (stmt, 1, sec_kind_from_type (kind)->table);
  sec_stmt_bind_int64 (stmt, 2, id);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_history_entry_free);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

char *
sec_store_dup_history_row_text (SecStore   *self,
                                const char *json)
{
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  if (json == NULL || !(stmt = sec_engine_prepare (_sec_store_get_engine (self),
                                                   "SELECT key, value FROM json_each(?1)"
                                                   " WHERE json_valid(?1) AND value IS NOT NULL AND value <> ''",
                                                   NULL)))
    return g_strdup (json ? json : "");
  sec_stmt_bind_text (stmt, 1, json);
  while (sec_stmt_step (stmt, NULL) == SEC_STEP_ROW)
    g_string_append_printf (text, "%s%s: %s", text->len ? "\n" : "",
                            sec_stmt_get_text (stmt, 0), sec_stmt_get_text (stmt, 1));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static SecHistoryEntry *
get_entry (SecStore  *self,
           gint64     entry_id,
           GError   **error)
{
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (self),
                                                "SELECT " ENTRY_COLUMNS " FROM history WHERE id = ?1", error);
  SecStep step;

  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_int64 (stmt, 1, entry_id);
  if ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    return entry_from_row (stmt);
  if (step == SEC_STEP_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, entry_id);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("There is no history entry with the number %s"), id_text);
    }
  return NULL;
}

static const SecField *
field_for_column (const SecKind *kind,
                  const char    *column)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *c = sec_field_column (&kind->fields[i]);
      if (g_str_equal (c, column))
        return &kind->fields[i];
    }
  return NULL;
}

/* Restoring */

gboolean
sec_store_restore_history_value (SecStore  *self,
                                 gint64     entry_id,
                                 GError   **error)
{
  g_autoptr(SecHistoryEntry) entry = NULL;
  g_autoptr(SecRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  const SecField *field;
  GType type;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  if (!(entry = get_entry (self, entry_id, error)))
    return FALSE;
  type = _sec_store_type_for_table (entry->table);
  if (type == 0 || !g_str_equal (entry->action, "update") ||
      (field = field_for_column (sec_kind_from_type (type), entry->field)) == NULL)
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                           _("Only a changed field’s earlier value can be put back"));
      return FALSE;
    }
  if (!(record = sec_store_get (self, type, entry->record_id, error)))
    return FALSE;
  if (!sec_record_set_from_text (record, field->name, entry->old_value, &local_error))
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  return sec_store_update (self, record, error);
}

/* A record from the row a "delete" entry kept, with its id (validated as
 * the editor would). (transfer full) */
static SecRecord *
record_from_json (SecStore    *self,
                  GType        type,
                  gint64       id,
                  const char  *json,
                  GError     **error)
{
  const SecKind *kind = sec_kind_from_type (type);
  g_autoptr(SecRecord) record = sec_record_new (type);
  g_autoptr(SecStmt) stmt = sec_engine_prepare_once (_sec_store_get_engine (self),
                                                     "SELECT key, value FROM json_each(?1)", error);
  g_autofree char *created_at = NULL;
  SecStep step;

  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_text (stmt, 1, json);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      const char *column = sec_stmt_get_text (stmt, 0);
      const SecField *field = field_for_column (kind, column);
      g_autoptr(GError) local_error = NULL;

      if (g_str_equal (column, "created_at"))
        created_at = g_strdup (sec_stmt_get_text (stmt, 1));
      if (field == NULL)
        continue;
      if (!sec_record_set_from_text (record, field->name, sec_stmt_get_text (stmt, 1), &local_error))
        {
          g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID, local_error->message);
          return NULL;
        }
    }
  if (step == SEC_STEP_ERROR)
    return NULL;
  _sec_record_set_id (record, id);
  _sec_record_set_timestamps (record, created_at, NULL);
  return g_steal_pointer (&record);
}

/* Inserts the row a "delete" entry kept, with its id, through the store
 * (validated, with its search text and sort key made again). */
static gboolean
restore_row (SecStore    *self,
             GType        type,
             gint64       id,
             const char  *json,
             GError     **error)
{
  g_autoptr(SecRecord) record = record_from_json (self, type, id, json, error);

  return record != NULL && sec_store_insert (self, record, error);
}

static gboolean
record_exists (SecStore   *self,
               const char *table,
               gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sec_stmt_bind_int64 (stmt, 1, id);
  return sec_stmt_step (stmt, NULL) == SEC_STEP_ROW;
}

static gboolean restore_links (SecStore *self, const char *table, gint64 id, const char *at, GError **error);

/* The cascade and the cleared references of one deletion share its time
 * to the millisecond: SQLite's 'now' is fixed for a whole statement,
 * triggers included. */
static gboolean
restore_links (SecStore    *self,
               const char  *table,
               gint64       id,
               const char  *at,
               GError     **error)
{
  GArray *fks = _sec_store_get_foreign_keys (self);
  SecEngine *engine = _sec_store_get_engine (self);

  for (guint i = 0; i < fks->len; i++)
    {
      SecForeignKey *fk = &g_array_index (fks, SecForeignKey, i);
      GType child = _sec_store_type_for_table (fk->table);
      g_autoptr(SecStmt) stmt = NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      gboolean cascade = g_ascii_strcasecmp (fk->on_delete, "CASCADE") == 0;
      g_autofree char *path = g_strdup_printf ("$.%s", fk->column);
      SecStep step;

      if (!g_str_equal (fk->target, table) || child == 0)
        continue;
      if (cascade)
        stmt = sec_engine_prepare (engine,
                                   "SELECT record_id, old_value FROM history WHERE table_name = ?1"
                                   " AND action = 'delete' AND at = ?2 AND CAST(json_extract(old_value, ?3) AS INTEGER) = ?4"
                                   " ORDER BY id",
                                   error);
      else if (g_ascii_strcasecmp (fk->on_delete, "SET NULL") == 0)
        stmt = sec_engine_prepare (engine,
                                   "SELECT record_id, NULL FROM history WHERE table_name = ?1"
                                   " AND action = 'update' AND at = ?2 AND field = ?3 AND CAST(old_value AS TEXT) = CAST(?4 AS TEXT)"
                                   " AND new_value IS NULL ORDER BY id",
                                   error);
      else
        continue;
      if (stmt == NULL)
        return FALSE;
      sec_stmt_bind_text (stmt, 1, fk->table);
      sec_stmt_bind_text (stmt, 2, at);
      sec_stmt_bind_text (stmt, 3, cascade ? path : fk->column);
      sec_stmt_bind_int64 (stmt, 4, id);
      while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
        {
          gint64 child_id = sec_stmt_get_int64 (stmt, 0);
          g_array_append_val (ids, child_id);
          g_ptr_array_add (rows, g_strdup (sec_stmt_get_text (stmt, 1)));
        }
      if (step == SEC_STEP_ERROR)
        return FALSE;
      g_clear_pointer (&stmt, sec_stmt_free);

      for (guint j = 0; j < ids->len; j++)
        {
          gint64 child_id = g_array_index (ids, gint64, j);

          if (cascade)
            {
              if (record_exists (self, fk->table, child_id))
                continue;
              if (!restore_row (self, child, child_id, rows->pdata[j], error) ||
                  !restore_links (self, fk->table, child_id, at, error))
                return FALSE;
            }
          else
            {
              g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1%s WHERE id = ?2 AND %s IS NULL",
                                                      fk->table, fk->column,
                                                      /* A record kind's row: its version moves on. */
                                                      _sec_store_type_for_table (fk->table) != 0 ? ", version = version + 1" : "",
                                                      fk->column);
              g_autoptr(SecStmt) update = sec_engine_prepare (engine, sql, error);

              if (update == NULL)
                return FALSE;
              sec_stmt_bind_int64 (update, 1, id);
              sec_stmt_bind_int64 (update, 2, child_id);
              if (!sec_stmt_run (update, error))
                return FALSE;
              _sec_store_queue_change (self, child, child_id, SEC_STORE_CHANGE_UPDATED);
            }
        }
    }
  return TRUE;
}

gboolean
sec_store_restore_deleted (SecStore  *self,
                           GType      kind,
                           gint64     id,
                           GError   **error)
{
  const SecKind *k;
  g_autoptr(SecStmt) stmt = NULL;
  g_autofree char *json = NULL;
  g_autofree char *at = NULL;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (kind, SEC_TYPE_RECORD), FALSE);

  k = sec_kind_from_type (kind);
  if (record_exists (self, k->table, id))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("This %s has not been deleted"), _(k->label));
      return FALSE;
    }
  stmt = sec_engine_prepare (_sec_store_get_engine (self),
                             "SELECT old_value, at FROM history WHERE table_name = ?1 AND record_id = ?2"
                             " AND action = 'delete' AND old_value IS NOT NULL ORDER BY id DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sec_stmt_bind_text (stmt, 1, k->table);
  sec_stmt_bind_int64 (stmt, 2, id);
  step = sec_stmt_step (stmt, error);
  if (step == SEC_STEP_ERROR)
    return FALSE;
  if (step == SEC_STEP_DONE)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      /* Translators: "The history holds no deleted Person with the number 12" */
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("The history holds no deleted %s with the number %s"), _(k->label), id_text);
      return FALSE;
    }
  json = g_strdup (sec_stmt_get_text (stmt, 0));
  at = g_strdup (sec_stmt_get_text (stmt, 1));
  g_clear_pointer (&stmt, sec_stmt_free);

  if (!sec_store_begin (self, error))
    return FALSE;
  if (!restore_row (self, kind, id, json, error) ||
      !restore_links (self, k->table, id, at, error))
    {
      sec_store_rollback (self);
      return FALSE;
    }
  return sec_store_commit_or_rollback (self, error);
}

/* Listing deletions */

void
sec_deleted_record_free (SecDeletedRecord *deletion)
{
  if (deletion == NULL)
    return;
  g_free (deletion->at);
  g_free (deletion->user);
  g_free (deletion->title);
  g_free (deletion);
}

/* Whether the row of @table deleted at @at (as @json) went with a record
 * it belonged to, deleted at the same moment: restoring that one brings
 * it back. */
static gboolean
deleted_by_cascade (SecStore   *self,
                    const char *table,
                    const char *json,
                    const char *at)
{
  GArray *fks = _sec_store_get_foreign_keys (self);

  for (guint i = 0; i < fks->len; i++)
    {
      SecForeignKey *fk = &g_array_index (fks, SecForeignKey, i);
      g_autoptr(SecStmt) stmt = NULL;
      g_autofree char *path = NULL;

      if (!g_str_equal (fk->table, table) || g_ascii_strcasecmp (fk->on_delete, "CASCADE") != 0)
        continue;
      path = g_strdup_printf ("$.%s", fk->column);
      stmt = sec_engine_prepare (_sec_store_get_engine (self),
                                 "SELECT 1 FROM history WHERE table_name = ?1 AND action = 'delete'"
                                 " AND record_id = CAST(json_extract(?2, ?3) AS INTEGER) AND at = ?4",
                                 NULL);
      if (stmt == NULL)
        continue;
      sec_stmt_bind_text (stmt, 1, fk->target);
      sec_stmt_bind_text (stmt, 2, json);
      sec_stmt_bind_text (stmt, 3, path);
      sec_stmt_bind_text (stmt, 4, at);
      if (sec_stmt_step (stmt, NULL) == SEC_STEP_ROW)
        return TRUE;
    }
  return FALSE;
}

/* The record's title; for a link without one of its own (a participant),
 * the titles of the records it links, "Anna Müller · Plenary meeting". */
static char *
dup_deleted_title (SecStore  *self,
                   SecRecord *record)
{
  const SecKind *kind = sec_record_get_kind (record);
  g_autofree char *title = sec_record_dup_title (record);
  g_autoptr(GPtrArray) parts = NULL;

  /* sec_record_dup_title () falls back on the kind's label. */
  if (title != NULL && title[0] != '\0' && g_strcmp0 (title, _(kind->label)) != 0)
    return g_steal_pointer (&title);
  parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SecField *field = &kind->fields[i];
      g_autoptr(SecRecord) target = NULL;
      gint64 target_id;

      if (field->type != SEC_FIELD_REF || !(field->flags & SEC_FIELD_REQUIRED) ||
          (target_id = sec_record_get_ref (record, field->name)) == 0 ||
          !(target = sec_store_get (self, sec_record_kind_lookup (field->ref_kind), target_id, NULL)))
        continue;
      g_ptr_array_add (parts, sec_record_dup_title (target));
    }
  if (parts->len == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (record));

      /* Translators: a deleted record without a name of its own: its kind and number, "Participant 12" */
      return g_strdup_printf (_("%s %s"), _(kind->label), id_text);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

GPtrArray *
sec_store_list_deleted (SecStore  *self,
                          GType      kind,
                          guint      limit,
                          GError   **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (kind == 0 || g_type_is_a (kind, SEC_TYPE_RECORD), NULL);

  /* Newest first, by the history's own order: the deletions are read
   * until enough are found, without an index on the action. */
  stmt = sec_engine_prepare (_sec_store_get_engine (self),
                             "SELECT id, at, \"user\", table_name, record_id, old_value FROM history"
                             " WHERE action = 'delete' AND old_value IS NOT NULL"
                             "   AND (CAST(?1 AS TEXT) IS NULL OR table_name = ?1) ORDER BY id DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  if (kind != 0)
    sec_stmt_bind_text (stmt, 1, sec_kind_from_type (kind)->table);
  deletions = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_deleted_record_free);
  while ((limit == 0 || deletions->len < limit) && (step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      const char *table = sec_stmt_get_text (stmt, 3);
      gint64 record_id = sec_stmt_get_int64 (stmt, 4);
      const char *json = sec_stmt_get_text (stmt, 5);
      GType type = _sec_store_type_for_table (table);
      g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, table, record_id);
      g_autoptr(SecRecord) record = NULL;
      SecDeletedRecord *d;

      /* Only the latest deletion of a record can be undone. */
      if (type == 0 || !g_hash_table_add (seen, g_steal_pointer (&key)) ||
          record_exists (self, table, record_id) ||
          deleted_by_cascade (self, table, json, sec_stmt_get_text (stmt, 1)) ||
          !(record = record_from_json (self, type, record_id, json, NULL)))
        continue;
      d = g_new0 (SecDeletedRecord, 1);
      d->entry_id = sec_stmt_get_int64 (stmt, 0);
      d->at = g_strdup (sec_stmt_get_text (stmt, 1));
      d->user = sec_stmt_dup_text (stmt, 2);
      d->kind = type;
      d->record_id = record_id;
      d->title = dup_deleted_title (self, record);
      g_ptr_array_add (deletions, d);
    }
  if (limit != 0 && deletions->len >= limit)
    step = SEC_STEP_DONE;
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&deletions);
}
