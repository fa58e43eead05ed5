/* sec-store-copy.c: copying a whole database to another engine
 *
 * The tables and their columns are read from the engines' own catalogues,
 * so that a table or column a later migration adds is copied without a
 * line here. The target is given the current schema by the store's own
 * opening (sec_store_open ()), which also refuses another program's
 * database; then the store is closed and the rows go in on a connection of
 * their own:
 * - on a file, that connection has none of the TEMP triggers the store
 *   makes for the history (sec-store-history.c), so the copied rows are not
 *   recorded a second time as new inserts; on a server the history's
 *   trigger is disabled inside the copy's transaction;
 * - the triggers of the schema itself still run: they fill the search
 *   index (an FTS5 table on a file, derived from each row's search_text)
 *   and each meeting's counts (meeting_counts), which are not copied but
 *   made again from the rows, like any derived data;
 * - tables go in the order of their references, rows in the order of their
 *   ids, many rows to an INSERT; on a server each identity's sequence is
 *   moved past the highest id copied, so that the next record gets a new
 *   one.
 * A value keeps its type: a file says it row by row (typeof ()), a server
 * by its column's type, so that integers stay integers and blobs bytes.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/store/sec-store-copy.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-error.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store-private.h"

/* Rows read from the source at a time (a server sends a whole result at
 * once), and parameters of one INSERT of many rows. */
#define READ_PAGE 20000
#define PARAMS_PER_INSERT 2000

typedef enum {
  VALUE_NULL,
  VALUE_INTEGER,
  VALUE_REAL,
  VALUE_TEXT,
  VALUE_BLOB,
} ValueType;

typedef struct {
  char      *name;
  ValueType  type;  /* a server's column type; a file's values say their own */
  gboolean   later; /* a reference given after the table it points to is copied */
} Column;

/* Tables not copied: the server's schema version (each engine keeps its
 * own), and the counts the triggers keep (migration 14), made again from
 * the meetings and participants as they go in. */
static const char *const skipped_tables[] = { "secretariat_schema", "meeting_counts", NULL };

static void
column_free (Column *column)
{
  g_free (column->name);
  g_free (column);
}

static char *
quote (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static gboolean
is_server (SecEngine *engine)
{
  return sec_engine_get_kind (engine) == SEC_ENGINE_POSTGRESQL;
}

/* The catalogues */

/* The tables holding the database's rows, by name: not a file's search
 * index (virtual FTS5 tables and their shadow tables), nor the skipped. */
static GPtrArray *
list_tables (SecEngine  *engine,
             GError    **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  SecStep step;

  stmt = sec_engine_prepare_once (engine,
                                  is_server (engine)
                                  ? "SELECT table_name FROM information_schema.tables"
                                    " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                                    " ORDER BY 1"
                                  : "SELECT name FROM pragma_table_list"
                                    " WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite%'"
                                    " ORDER BY 1",
                                  error);
  if (stmt == NULL)
    return NULL;
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      const char *name = sec_stmt_get_text (stmt, 0);

      if (!g_strv_contains (skipped_tables, name))
        g_ptr_array_add (tables, g_strdup (name));
    }
  return step == SEC_STEP_DONE ? g_steal_pointer (&tables) : NULL;
}

static ValueType
server_type (const char *data_type)
{
  if (g_str_equal (data_type, "bigint") || g_str_equal (data_type, "integer") ||
      g_str_equal (data_type, "smallint") || g_str_equal (data_type, "boolean"))
    return VALUE_INTEGER;
  if (g_str_equal (data_type, "double precision") || g_str_equal (data_type, "real") ||
      g_str_equal (data_type, "numeric"))
    return VALUE_REAL;
  if (g_str_equal (data_type, "bytea"))
    return VALUE_BLOB;
  return VALUE_TEXT;
}

/* (element-type Column) in the table's order */
static GPtrArray *
list_columns (SecEngine   *engine,
              const char  *table,
              GError     **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  gboolean server = is_server (engine);
  SecStep step;

  stmt = sec_engine_prepare (engine,
                             server
                             ? "SELECT column_name, data_type FROM information_schema.columns"
                               " WHERE table_schema = current_schema() AND table_name = ?1"
                               " ORDER BY ordinal_position"
                             : "SELECT name, type FROM pragma_table_info(?1) ORDER BY cid",
                             error);
  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_text (stmt, 1, table);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      Column *column = g_new0 (Column, 1);

      column->name = g_strdup (sec_stmt_get_text (stmt, 0));
      column->type = server ? server_type (sec_stmt_get_text (stmt, 1)) : VALUE_NULL;
      g_ptr_array_add (columns, column);
    }
  return step == SEC_STEP_DONE ? g_steal_pointer (&columns) : NULL;
}

static gboolean
has_column (GPtrArray  *columns,
            const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (((Column *) g_ptr_array_index (columns, i))->name, name))
      return TRUE;
  return FALSE;
}

static gboolean
same_names (GPtrArray *a,
            GPtrArray *b,
            gboolean   columns)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const char *name = columns ? ((Column *) g_ptr_array_index (a, i))->name
                                 : (const char *) g_ptr_array_index (a, i);
      gboolean found = FALSE;

      for (guint j = 0; j < b->len && !found; j++)
        found = g_str_equal (name, columns ? ((Column *) g_ptr_array_index (b, j))->name
                                           : (const char *) g_ptr_array_index (b, j));
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* A table in the order of the copy, and the references it must be given
 * afterwards: those to a table copied after it (organisations and people
 * refer to each other), first left empty. */
typedef struct {
  char      *table;
  GPtrArray *later; /* (element-type utf8) columns */
} Step;

static void
step_free (Step *step)
{
  g_free (step->table);
  g_ptr_array_unref (step->later);
  g_free (step);
}

/* How many references of @table point to tables still @left (a table's
 * references to itself do not count: its rows go in the order of their
 * ids); with @later, their columns are added to it. */
static guint
count_waiting (const char *table,
               GPtrArray  *left,
               GArray     *keys,
               GPtrArray  *later)
{
  guint n = 0;

  for (guint k = 0; k < keys->len; k++)
    {
      SecForeignKey *key = &g_array_index (keys, SecForeignKey, k);

      if (g_str_equal (key->table, table) && !g_str_equal (key->target, table) &&
          g_ptr_array_find_with_equal_func (left, key->target, g_str_equal, NULL))
        {
          n++;
          if (later != NULL)
            g_ptr_array_add (later, g_strdup (key->column));
        }
    }
  return n;
}

/* Whether @from refers to @to, directly or through other tables @left. */
static gboolean
reaches (const char *from,
         const char *to,
         GPtrArray  *left,
         GArray     *keys,
         GHashTable *seen)
{
  if (!g_hash_table_add (seen, (gpointer) from))
    return FALSE;
  for (guint k = 0; k < keys->len; k++)
    {
      SecForeignKey *key = &g_array_index (keys, SecForeignKey, k);

      if (!g_str_equal (key->table, from) || g_str_equal (key->target, from) ||
          !g_ptr_array_find_with_equal_func (left, key->target, g_str_equal, NULL))
        continue;
      if (g_str_equal (key->target, to) || reaches (key->target, to, left, keys, seen))
        return TRUE;
    }
  return FALSE;
}

/* Whether every table @table waits for refers back to it: it is in a
 * circle, and waits for nothing outside it. */
static gboolean
in_circle (const char *table,
           GPtrArray  *left,
           GArray     *keys)
{
  for (guint k = 0; k < keys->len; k++)
    {
      SecForeignKey *key = &g_array_index (keys, SecForeignKey, k);
      g_autoptr(GHashTable) seen = NULL;

      if (!g_str_equal (key->table, table) || g_str_equal (key->target, table) ||
          !g_ptr_array_find_with_equal_func (left, key->target, g_str_equal, NULL))
        continue;
      seen = g_hash_table_new (g_str_hash, g_str_equal);
      if (!reaches (key->target, table, left, keys, seen))
        return FALSE;
    }
  return TRUE;
}

/* @tables in an order where each comes after the tables it refers to.
 * Where tables refer to each other in a circle, the one of them that
 * waits for the fewest goes first, its references to the others given
 * afterwards.
 * (element-type Step) */
static GPtrArray *
order_by_references (GPtrArray *tables,
                     GArray    *keys)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (left, g_strdup (g_ptr_array_index (tables, i)));
  while (left->len > 0)
    {
      guint best = 0, best_waiting = G_MAXUINT;
      Step *step = g_new0 (Step, 1);

      for (guint i = 0; i < left->len && best_waiting > 0; i++)
        {
          const char *table = g_ptr_array_index (left, i);
          guint waiting = count_waiting (table, left, keys, NULL);

          if (waiting < best_waiting && (waiting == 0 || in_circle (table, left, keys)))
            {
              best = i;
              best_waiting = waiting;
            }
        }
      step->table = g_ptr_array_steal_index (left, best);
      step->later = g_ptr_array_new_with_free_func (g_free);
      count_waiting (step->table, left, keys, step->later);
      g_ptr_array_add (ordered, step);
    }
  return ordered;
}

/* Copying rows */

static char *
make_insert (const char *table,
             GPtrArray  *columns,
             guint       n_rows)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autofree char *quoted = quote (table);
  guint param = 1;

  g_string_append_printf (sql, "%s (", quoted);
  for (guint c = 0; c < columns->len; c++)
    {
      g_autofree char *name = quote (((Column *) g_ptr_array_index (columns, c))->name);
      g_string_append_printf (sql, "%s%s", c ? ", " : "", name);
    }
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r ? ", (" : "(");
      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (sql, "%s?%u", c ? ", " : "", param++);
      g_string_append_c (sql, ')');
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The SELECT of a page of @table: on a file each value is followed by its
 * type; with an id, rows after ?1 in the order of their ids. */
static char *
make_select (SecEngine  *source,
             const char *table,
             GPtrArray  *columns,
             gboolean    by_id)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree char *quoted = quote (table);

  for (guint c = 0; c < columns->len; c++)
    {
      g_autofree char *name = quote (((Column *) g_ptr_array_index (columns, c))->name);

      g_string_append_printf (sql, "%s%s", c ? ", " : "", name);
      if (!is_server (source))
        g_string_append_printf (sql, ", typeof(%s)", name);
    }
  g_string_append_printf (sql, " FROM %s", quoted);
  if (by_id)
    g_string_append_printf (sql, " WHERE id > ?1 ORDER BY id LIMIT %d", READ_PAGE);
  else
    g_string_append (sql, " ORDER BY 1");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static ValueType
file_type (const char *type_name)
{
  if (type_name == NULL || g_str_equal (type_name, "null"))
    return VALUE_NULL;
  if (g_str_equal (type_name, "integer"))
    return VALUE_INTEGER;
  if (g_str_equal (type_name, "real"))
    return VALUE_REAL;
  if (g_str_equal (type_name, "blob"))
    return VALUE_BLOB;
  return VALUE_TEXT;
}

typedef struct {
  ValueType  type;
  gint64     integer;
  double     real;
  char      *text;
  GBytes    *blob;
} Value;

static void
value_clear (Value *value)
{
  g_clear_pointer (&value->text, g_free);
  g_clear_pointer (&value->blob, g_bytes_unref);
}

/* The value of @column (the @c th) in the source's current row. */
static void
read_value (SecStmt *select,
            gboolean server,
            Column  *column,
            guint    c,
            Value   *value)
{
  int col = server ? (int) c : (int) c * 2;

  value->type = server ? column->type : file_type (sec_stmt_get_text (select, col + 1));
  if (column->later || sec_stmt_is_null (select, col))
    value->type = VALUE_NULL;
  switch (value->type)
    {
    case VALUE_NULL:
      break;
    case VALUE_INTEGER:
      value->integer = sec_stmt_get_int64 (select, col);
      break;
    case VALUE_REAL:
      value->real = sec_stmt_get_double (select, col);
      break;
    case VALUE_BLOB:
      value->blob = sec_stmt_dup_blob (select, col);
      if (value->blob == NULL)
        value->blob = g_bytes_new (NULL, 0);
      break;
    case VALUE_TEXT:
    default:
      value->text = g_strdup (sec_stmt_get_text (select, col));
      break;
    }
}

static void
bind_value (SecStmt *insert,
            int      param,
            Value   *value)
{
  switch (value->type)
    {
    case VALUE_NULL:
      sec_stmt_bind_null (insert, param);
      break;
    case VALUE_INTEGER:
      sec_stmt_bind_int64 (insert, param, value->integer);
      break;
    case VALUE_REAL:
      sec_stmt_bind_double (insert, param, value->real);
      break;
    case VALUE_BLOB:
      sec_stmt_bind_blob (insert, param, value->blob);
      break;
    case VALUE_TEXT:
    default:
      sec_stmt_bind_text (insert, param, value->text);
      break;
    }
}

typedef struct {
  SecEngine            *source;
  SecEngine            *target;
  SecStoreCopyProgress  progress;
  gpointer              user_data;
  GCancellable         *cancellable;
  guint64               n_rows;
} Copy;

/* Inserts the @n_rows rows held in @values (a full batch's INSERT is kept
 * prepared; the last, shorter one is not). */
static gboolean
insert_rows (Copy        *copy,
             const char  *table,
             GPtrArray   *columns,
             const char  *batch_sql,
             guint        batch,
             GArray      *values,
             GError     **error)
{
  guint n_rows = values->len / columns->len;
  g_autofree char *sql = n_rows == batch ? NULL : make_insert (table, columns, n_rows);
  g_autoptr(SecStmt) insert = NULL;

  if (n_rows == 0)
    return TRUE;
  insert = sql == NULL ? sec_engine_prepare (copy->target, batch_sql, error)
                       : sec_engine_prepare_once (copy->target, sql, error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    bind_value (insert, (int) i + 1, &g_array_index (values, Value, i));
  if (!sec_stmt_run (insert, error))
    return FALSE;
  g_array_set_size (values, 0);
  copy->n_rows += n_rows;
  if (copy->progress != NULL)
    copy->progress (table, copy->n_rows, copy->user_data);
  return !g_cancellable_set_error_if_cancelled (copy->cancellable, error);
}

static gboolean
copy_table (Copy        *copy,
            const char  *table,
            GPtrArray   *columns,
            GError     **error)
{
  gboolean server = is_server (copy->source);
  gboolean by_id = has_column (columns, "id");
  guint batch = MAX (1, PARAMS_PER_INSERT / MAX (1, columns->len));
  g_autofree char *select_sql = make_select (copy->source, table, columns, by_id);
  g_autofree char *batch_sql = make_insert (table, columns, batch);
  g_autoptr(GArray) values = g_array_sized_new (FALSE, TRUE, sizeof (Value), batch * columns->len);
  gint64 last_id = G_MININT64;
  guint id_column = 0;

  g_array_set_clear_func (values, (GDestroyNotify) value_clear);
  for (guint c = 0; c < columns->len; c++)
    if (g_str_equal (((Column *) g_ptr_array_index (columns, c))->name, "id"))
      id_column = c;
  for (;;)
    {
      g_autoptr(SecStmt) select = sec_engine_prepare (copy->source, select_sql, error);
      guint in_page = 0;
      SecStep step;

      if (select == NULL)
        return FALSE;
      if (by_id)
        sec_stmt_bind_int64 (select, 1, last_id);
      while ((step = sec_stmt_step (select, error)) == SEC_STEP_ROW)
        {
          for (guint c = 0; c < columns->len; c++)
            {
              Value value = { 0 };

              read_value (select, server, g_ptr_array_index (columns, c), c, &value);
              g_array_append_val (values, value);
            }
          if (by_id)
            last_id = sec_stmt_get_int64 (select, server ? (int) id_column : (int) id_column * 2);
          in_page++;
          if (values->len == batch * columns->len &&
              !insert_rows (copy, table, columns, batch_sql, batch, values, error))
            return FALSE;
        }
      if (step == SEC_STEP_ERROR)
        return FALSE;
      if (!by_id || in_page < READ_PAGE)
        return insert_rows (copy, table, columns, batch_sql, batch, values, error);
    }
}

/* The target */

/* Fails unless every table but the settings (which a new database gets
 * on opening) is empty. */
static gboolean
check_empty (SecEngine   *target,
             GPtrArray   *tables,
             const char  *display,
             GError     **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *quoted = quote (table);
      g_autofree char *sql = NULL;
      g_autoptr(SecStmt) stmt = NULL;
      SecStep step;

      if (g_str_equal (table, "settings"))
        continue;
      sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 1", quoted);
      if ((stmt = sec_engine_prepare_once (target, sql, error)) == NULL ||
          (step = sec_stmt_step (stmt, error)) == SEC_STEP_ERROR)
        return FALSE;
      if (step == SEC_STEP_ROW)
        {
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                       /* Translators: the first %s is a database (a file or a server's address),
                        * the second the name of a table in it */
                       _("“%s” already holds records (in its table “%s”): copy into a new file or an empty database"),
                       display, table);
          return FALSE;
        }
    }
  return TRUE;
}

/* On a server, the history's trigger (sec-store-history.c) records every
 * insert: off while the copied history and rows go in, inside the
 * transaction, so that it is on again whatever happens. */
static gboolean
set_history_triggers (SecEngine   *target,
                      GPtrArray   *tables,
                      gboolean     enable,
                      GError     **error)
{
  const char *const *audited = sec_store_history_tables ();

  if (!is_server (target))
    return TRUE;
  for (guint i = 0; audited[i] != NULL; i++)
    {
      g_autofree char *quoted = quote (audited[i]);
      g_autofree char *sql = NULL;

      if (!g_ptr_array_find_with_equal_func (tables, audited[i], g_str_equal, NULL))
        continue;
      sql = g_strdup_printf ("ALTER TABLE %s %s TRIGGER history", quoted, enable ? "ENABLE" : "DISABLE");
      if (!sec_engine_exec (target, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* On a server, the next id of each table comes after the highest copied
 * (a file takes the highest id + 1 by itself). */
static gboolean
move_sequences (SecEngine   *target,
                GPtrArray   *tables,
                GError     **error)
{
  if (!is_server (target))
    return TRUE;
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *quoted = quote (g_ptr_array_index (tables, i));
      g_autofree char *sql = NULL;
      g_autoptr(GPtrArray) columns = list_columns (target, g_ptr_array_index (tables, i), error);
      g_autoptr(SecStmt) stmt = NULL;

      if (columns == NULL)
        return FALSE;
      if (!has_column (columns, "id"))
        continue;
      /* pg_get_serial_sequence () is NULL for an id that is no identity,
       * and setval () of NULL does nothing. */
      sql = g_strdup_printf ("SELECT setval(pg_get_serial_sequence('%s', 'id'),"
                             " (SELECT coalesce(max(id), 0) + 1 FROM %s), false)",
                             quoted, quoted);
      if ((stmt = sec_engine_prepare_once (target, sql, error)) == NULL || !sec_stmt_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The references of @step's table left empty: given now that the rows
 * they point to are there. */
static gboolean
give_later_references (Copy        *copy,
                       Step        *step,
                       GError     **error)
{
  g_autofree char *table = quote (step->table);

  for (guint i = 0; i < step->later->len; i++)
    {
      g_autofree char *column = quote (g_ptr_array_index (step->later, i));
      g_autofree char *select_sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE %s IS NOT NULL",
                                                     column, table, column);
      g_autofree char *update_sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", table, column);
      g_autoptr(SecStmt) select = sec_engine_prepare_once (copy->source, select_sql, error);
      SecStep row;

      if (select == NULL)
        return FALSE;
      while ((row = sec_stmt_step (select, error)) == SEC_STEP_ROW)
        {
          g_autoptr(SecStmt) update = sec_engine_prepare (copy->target, update_sql, error);

          if (update == NULL)
            return FALSE;
          sec_stmt_bind_int64 (update, 1, sec_stmt_get_int64 (select, 0));
          sec_stmt_bind_int64 (update, 2, sec_stmt_get_int64 (select, 1));
          if (!sec_stmt_run (update, error))
            return FALSE;
        }
      if (row == SEC_STEP_ERROR)
        return FALSE;
    }
  return TRUE;
}

static gboolean
copy_all (Copy        *copy,
          GPtrArray   *tables,
          GError     **error)
{
  g_autoptr(GArray) keys = sec_engine_list_foreign_keys (copy->target, error);
  g_autoptr(GPtrArray) steps = NULL;

  if (keys == NULL)
    return FALSE;
  steps = order_by_references (tables, keys);
  /* A new database's own settings (its id) give way to the source's. */
  if (!sec_engine_exec (copy->target, "DELETE FROM settings", error) ||
      !set_history_triggers (copy->target, tables, FALSE, error))
    return FALSE;
  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = g_ptr_array_index (steps, i);
      g_autoptr(GPtrArray) columns = list_columns (copy->target, step->table, error);
      g_autoptr(GPtrArray) source_columns = NULL;

      if (columns == NULL || (source_columns = list_columns (copy->source, step->table, error)) == NULL)
        return FALSE;
      if (!same_names (columns, source_columns, TRUE))
        {
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                       _("The table “%s” has other columns in the two databases"), step->table);
          return FALSE;
        }
      /* The source's types, read from its own columns. */
      for (guint c = 0; c < columns->len; c++)
        {
          Column *column = g_ptr_array_index (columns, c);

          for (guint s = 0; s < source_columns->len; s++)
            if (g_str_equal (column->name, ((Column *) g_ptr_array_index (source_columns, s))->name))
              column->type = ((Column *) g_ptr_array_index (source_columns, s))->type;
          column->later = g_ptr_array_find_with_equal_func (step->later, column->name, g_str_equal, NULL);
        }
      if (!copy_table (copy, step->table, columns, error))
        {
          g_prefix_error (error, _("Copying the table “%s”: "), step->table);
          return FALSE;
        }
    }
  for (guint i = 0; i < steps->len; i++)
    if (!give_later_references (copy, g_ptr_array_index (steps, i), error))
      return FALSE;
  return set_history_triggers (copy->target, tables, TRUE, error) &&
         move_sequences (copy->target, tables, error);
}

static void
remove_file (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* Opens @to as a store (a new file or an empty server database gets the
 * schema; another program's database is refused), checks that it holds no
 * record, and hands back a connection of its own to write on. */
static SecEngine *
open_target (const char  *to,
             GPtrArray   *source_tables,
             gboolean    *created,
             GError     **error)
{
  g_autofree char *display = _sec_store_display_name (to);
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecEngine) engine = NULL;
  g_autoptr(GPtrArray) tables = NULL;

  *created = FALSE;
  if (!sec_engine_is_server_uri (to))
    {
      if (g_file_test (to, G_FILE_TEST_EXISTS) &&
          (!g_file_test (to, G_FILE_TEST_IS_REGULAR) || g_file_test (to, G_FILE_TEST_IS_SYMLINK)))
        {
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                       _("“%s” is not a regular file"), display);
          return NULL;
        }
      *created = !g_file_test (to, G_FILE_TEST_EXISTS);
    }
  /* A database that exists is looked at read-only first: opening it for
   * writing would already change it (expired needs are cleared then). */
  if (!*created)
    {
      g_autoptr(GError) local = NULL;

      store = sec_store_open_for_reading (to, &local);
      if (store == NULL && !g_error_matches (local, SEC_STORE_ERROR, SEC_STORE_ERROR_EMPTY))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (store != NULL &&
          ((tables = list_tables (_sec_store_get_engine (store), error)) == NULL ||
           !check_empty (_sec_store_get_engine (store), tables, display, error)))
        return NULL;
      g_clear_object (&store);
      g_clear_pointer (&tables, g_ptr_array_unref);
    }
  if ((store = sec_store_open (to, error)) == NULL)
    return NULL;
  if ((tables = list_tables (_sec_store_get_engine (store), error)) == NULL ||
      !check_empty (_sec_store_get_engine (store), tables, display, error))
    return NULL;
  if (!same_names (tables, source_tables, FALSE))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   _("“%s” does not have the same tables as the database copied"), display);
      return NULL;
    }
  g_clear_object (&store);
  if ((engine = sec_engine_open (to, SEC_ENGINE_OPEN_READ_WRITE, error)) == NULL ||
      !sec_engine_configure (engine, error))
    return NULL;
  return g_steal_pointer (&engine);
}

gboolean
sec_store_copy_database (const char           *from,
                         const char           *to,
                         SecStoreCopyProgress  progress,
                         gpointer              user_data,
                         GCancellable         *cancellable,
                         SecStoreCopyStats    *stats,
                         GError              **error)
{
  g_autoptr(SecStore) source = NULL;
  g_autoptr(SecEngine) target = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  gboolean created = FALSE, ok;
  Copy copy = { 0 };

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((source = sec_store_open_for_reading (from, error)) == NULL)
    return FALSE;
  copy.source = _sec_store_get_engine (source);
  /* One snapshot of the source, whatever others write meanwhile. */
  if (!sec_engine_exec (copy.source, is_server (copy.source)
                                     ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                                     : "BEGIN", error))
    return FALSE;
  if ((tables = list_tables (copy.source, error)) == NULL ||
      (target = open_target (to, tables, &created, error)) == NULL)
    {
      sec_engine_exec (copy.source, "ROLLBACK", NULL);
      if (created)
        remove_file (to);
      return FALSE;
    }
  copy.target = target;
  copy.progress = progress;
  copy.user_data = user_data;
  copy.cancellable = cancellable;

  ok = sec_engine_exec (target, is_server (target) ? "BEGIN" : "BEGIN IMMEDIATE", error);
  /* References are checked at the commit: a row may refer to a later row
   * of its own table. A server checks each row (its keys are not
   * deferrable); rows go in the order of their ids there. */
  if (ok && !is_server (target))
    ok = sec_engine_exec (target, "PRAGMA defer_foreign_keys = ON", error);
  ok = ok && copy_all (&copy, tables, error) && sec_engine_exec (target, "COMMIT", error);
  if (!ok)
    sec_engine_exec (target, "ROLLBACK", NULL);
  sec_engine_exec (copy.source, "ROLLBACK", NULL);
  g_clear_pointer (&target, sec_engine_close);
  if (!ok)
    {
      if (created)
        remove_file (to);
      return FALSE;
    }
  if (stats != NULL)
    {
      stats->n_tables = tables->len;
      stats->n_rows = copy.n_rows;
    }
  return TRUE;
}
