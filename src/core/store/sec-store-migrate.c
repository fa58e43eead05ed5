/* sec-store-migrate.c: bringing an opened file up to date
 *
 * Part of SecStore (see sec-store-private.h), on a file of its own because
 * it runs once, when the file is opened, and changes what is stored rather
 * than a record: the schema migrations (sec-schema.c), and the search text
 * and sort keys when the rules that made them changed.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-fold.h"
#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

/* Bump when sec_fold () or sec_fold_for_search () changes, so stored search
 * text is made again (2: Latin forms of Greek and Cyrillic). */
#define FOLD_VERSION "2"

gboolean
_sec_store_migrate (SecStore  *self,
                    int        from,
                    GError   **error)
{
  SecEngine *engine = _sec_store_get_engine (self);
  guint n;
  const SecMigration *migrations = sec_engine_get_kind (engine) == SEC_ENGINE_POSTGRESQL
                                   ? sec_schema_get_pg_migrations (&n)
                                   : sec_schema_get_migrations (&n);

  /* Table rebuilds in a migration must not cascade; keys are checked
   * before each commit instead. */
  sec_engine_set_foreign_keys (engine, FALSE, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (migrations[i].version <= from)
        continue;
      /* Each migration is a transaction of its own: stopped between two,
       * the file is left at a version this program opens again. */
      _sec_store_opening_report (self, i, n);
      if (_sec_store_opening_stopped (self, error))
        return FALSE;
      if (!sec_engine_apply_migration (engine, migrations[i].sql, migrations[i].version, &local_error))
        {
          g_autofree char *display = _sec_store_display_name (sec_store_get_path (self));

          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_MIGRATION,
                       _("“%s” could not be upgraded to version %d (%s); it was left as it was"),
                       display, migrations[i].version, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
has_searchable_fields (const SecKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SEC_FIELD_SEARCHABLE)
      return TRUE;
  return FALSE;
}

#define REFRESH_PAGE 1000

/* Makes @type's search text (if @search) and sort keys (if @sort) again,
 * a page of rows at a time in the order of their ids: never every record
 * of a table in memory at once (a million participants were), and only
 * the columns that change are written, so that the search index's
 * triggers run only when the search text is made again. */
static gboolean
refresh_kind (SecStore  *self,
              GType      type,
              gboolean   search,
              gboolean   sort,
              guint64   *done,
              guint64    total,
              GError   **error)
{
  const SecKind *kind = sec_kind_from_type (type);
  SecEngine *engine = _sec_store_get_engine (self);
  g_autofree char *columns = NULL;
  g_autofree char *select = NULL;
  g_autofree char *update = NULL;
  gint64 last = 0;

  search = search && has_searchable_fields (kind);
  sort = sort && kind->sort_fields != NULL;
  if (!search && !sort)
    return TRUE;

  columns = _sec_store_select_columns (kind);
  select = g_strdup_printf ("SELECT %s FROM %s t WHERE t.id > ?1 ORDER BY t.id LIMIT %d",
                            columns, kind->table, REFRESH_PAGE);
  update = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?3", kind->table,
                            search && sort ? "search_text = ?1, sort_key = ?2"
                            : search ? "search_text = ?1" : "sort_key = ?2");
  for (;;)
    {
      g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);

      {
        g_autoptr(SecStmt) stmt = sec_engine_prepare (engine, select, error);
        SecStep step;

        if (stmt == NULL)
          return FALSE;
        sec_stmt_bind_int64 (stmt, 1, last);
        while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
          g_ptr_array_add (page, _sec_store_record_from_row (type, stmt));
        if (step == SEC_STEP_ERROR)
          return FALSE;
      }
      if (page->len == 0)
        return TRUE;
      if (_sec_store_opening_stopped (self, error))
        return FALSE;

      for (guint i = 0; i < page->len; i++)
        {
          SecRecord *r = g_ptr_array_index (page, i);
          g_autofree char *text = search ? _sec_store_make_search_text (r) : NULL;
          g_autoptr(GBytes) key = sort ? _sec_store_make_sort_key (r) : NULL;
          g_autoptr(SecStmt) stmt = sec_engine_prepare (engine, update, error);

          if (stmt == NULL)
            return FALSE;
          if (search)
            sec_stmt_bind_text (stmt, 1, text);
          if (sort)
            sec_stmt_bind_blob (stmt, 2, key);
          sec_stmt_bind_int64 (stmt, 3, sec_record_get_id (r));
          if (!sec_stmt_run (stmt, error))
            return FALSE;
        }
      last = sec_record_get_id (g_ptr_array_index (page, page->len - 1));
      *done += page->len;
      _sec_store_opening_report (self, *done, total);
    }
}

/* The rows of the kinds whose keys are made again, and as much again for
 * building their indexes: the opening's bar. */
static guint64
count_rows (SecEngine   *engine,
            const GType *kinds)
{
  guint64 rows = 0;

  for (guint k = 0; kinds[k]; k++)
    {
      const SecKind *kind = sec_kind_from_type (kinds[k]);
      g_autofree char *sql = NULL;
      g_autoptr(SecStmt) stmt = NULL;

      if (kind->sort_fields == NULL)
        continue;
      sql = g_strdup_printf ("SELECT count(*) FROM %s", kind->table);
      if ((stmt = sec_engine_prepare_once (engine, sql, NULL)) != NULL &&
          sec_stmt_step (stmt, NULL) == SEC_STEP_ROW)
        rows += sec_stmt_get_int64 (stmt, 0);
    }
  return rows;
}

/* Search text and sort keys depend on the fold rules and on the locale's
 * collation: make them again when either differs from when they were
 * written. The search text depends on the fold rules only; the sort keys
 * on both (a key is made from the folded text). */
gboolean
_sec_store_refresh_keys (SecStore  *self,
                         GError   **error)
{
  g_autofree char *locale = _sec_store_get_setting (self, "collate-locale");
  g_autofree char *fold = _sec_store_get_setting (self, "fold-version");
  const GType *kinds = sec_record_kinds ();
  gboolean search = g_strcmp0 (fold, FOLD_VERSION) != 0;
  gboolean sort = search || g_strcmp0 (locale, sec_collate_locale ()) != 0;
  SecEngine *engine = _sec_store_get_engine (self);
  g_autoptr(GPtrArray) remake = NULL;
  guint64 rows, done = 0;
  guint n_indexes = 0, built = 0;

  if (!sort)
    return TRUE;

  if (!sec_store_begin (self, error))
    return FALSE;
  /* Every sort key changes, in an order of its own: the indexes on them
   * are made again afterwards rather than kept in step row by row (the
   * big file's 200,000 people: 12.4 s, most of it writing index pages the
   * cache could not hold). People's copy of their organisation's key
   * (organisation_sort_key) changes with it. */
  remake = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint k = 0; kinds[k]; k++)
    {
      const SecKind *kind = sec_kind_from_type (kinds[k]);
      GStrv sqls;

      if (kind->sort_fields == NULL)
        continue;
      if ((sqls = sec_engine_drop_indexes_on (engine, kind->table, "sort_key", error)) == NULL)
        goto fail;
      g_ptr_array_add (remake, sqls);
      n_indexes += g_strv_length (sqls);
    }
  rows = count_rows (engine, kinds);
  for (guint k = 0; kinds[k]; k++)
    if (!refresh_kind (self, kinds[k], search, sort, &done, rows * 2, error))
      goto fail;
  for (guint i = 0; i < remake->len; i++)
    for (GStrv sql = g_ptr_array_index (remake, i); *sql; sql++)
      {
        if (_sec_store_opening_stopped (self, error) || !sec_engine_exec (engine, *sql, error))
          goto fail;
        _sec_store_opening_report (self, rows + rows * ++built / n_indexes, rows * 2);
      }
  if (!_sec_store_set_setting (self, "collate-locale", sec_collate_locale (), error) ||
      !_sec_store_set_setting (self, "fold-version", FOLD_VERSION, error))
    goto fail;
  return sec_store_commit_or_rollback (self, error);

fail:
  sec_store_rollback (self);
  return FALSE;
}
