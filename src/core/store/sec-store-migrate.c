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

/* Search text and sort keys depend on the fold rules and on the locale's
 * collation: make them again when either differs from when they were
 * written. */
gboolean
_sec_store_refresh_keys (SecStore  *self,
                         GError   **error)
{
  g_autofree char *locale = _sec_store_get_setting (self, "collate-locale");
  g_autofree char *fold = _sec_store_get_setting (self, "fold-version");
  const GType *kinds = sec_record_kinds ();

  if (g_strcmp0 (locale, sec_collate_locale ()) == 0 && g_strcmp0 (fold, FOLD_VERSION) == 0)
    return TRUE;

  if (!sec_store_begin (self, error))
    return FALSE;
  for (guint k = 0; kinds[k]; k++)
    {
      const SecKind *kind = sec_kind_from_type (kinds[k]);
      g_autoptr(GPtrArray) all = sec_store_list (self, kinds[k], NULL, error);
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET search_text = ?1, sort_key = ?2 WHERE id = ?3", kind->table);

      if (all == NULL)
        goto fail;
      for (guint i = 0; i < all->len; i++)
        {
          SecRecord *r = g_ptr_array_index (all, i);
          g_autofree char *search = _sec_store_make_search_text (r);
          g_autoptr(GBytes) key = _sec_store_make_sort_key (r);
          g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (self), sql, error);

          if (stmt == NULL)
            goto fail;
          sec_stmt_bind_text (stmt, 1, search);
          sec_stmt_bind_blob (stmt, 2, key);
          sec_stmt_bind_int64 (stmt, 3, sec_record_get_id (r));
          if (!sec_stmt_run (stmt, error))
            goto fail;
        }
    }
  if (!_sec_store_set_setting (self, "collate-locale", sec_collate_locale (), error) ||
      !_sec_store_set_setting (self, "fold-version", FOLD_VERSION, error))
    goto fail;
  return sec_store_commit_or_rollback (self, error);

fail:
  sec_store_rollback (self);
  return FALSE;
}
