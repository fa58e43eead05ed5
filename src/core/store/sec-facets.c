/* sec-facets.c: the values a list can be filtered by */
#define G_LOG_DOMAIN "sec-facets"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "core/store/sec-facets.h"

static GStrv
collect (SecStore    *store,
         const char  *sql,
         GError     **error)
{
  sqlite3 *db = _sec_store_get_db (store);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (db == NULL)
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                           _("The database is closed"));
      return NULL;
    }

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sec_store_set_error (store, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (values, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sec_store_set_error (store, rc, error);
      return NULL;
    }
  return g_strv_builder_end (values);
}

/* The column of @field, or NULL with an error. The names come from the
 * static field tables, never from the user, so they can go into the SQL. */
static char *
lookup_column (GType        kind,
               const char  *field,
               GError     **error)
{
  const SecKind *k = sec_kind_from_type (kind);
  const SecField *f = k ? sec_kind_find_field (k, field) : NULL;

  if (f == NULL)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("Unknown field “%s”"), field);
      return NULL;
    }
  return sec_field_column (f);
}

GStrv
sec_store_dup_distinct (SecStore    *store,
                        GType        kind,
                        const char  *field,
                        GError     **error)
{
  g_autofree char *column = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if ((column = lookup_column (kind, field, error)) == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT DISTINCT %s FROM %s WHERE %s IS NOT NULL AND %s <> '' ORDER BY 1",
                         column, sec_kind_from_type (kind)->table, column, column);
  return collect (store, sql, error);
}

GStrv
sec_store_dup_years (SecStore    *store,
                     GType        kind,
                     const char  *field,
                     GError     **error)
{
  g_autofree char *column = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if ((column = lookup_column (kind, field, error)) == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT DISTINCT substr(%s, 1, 4) FROM %s"
                         " WHERE length(%s) >= 4 ORDER BY 1 DESC",
                         column, sec_kind_from_type (kind)->table, column);
  return collect (store, sql, error);
}
