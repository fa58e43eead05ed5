/* sec-facets.c: the values a list can be filtered by */
#define G_LOG_DOMAIN "sec-facets"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-facets.h"
#include "core/store/sec-store-private.h"

static GStrv
collect (SecStore    *store,
         const char  *sql,
         GError     **error)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (store), sql, error);
  SecStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    g_strv_builder_add (values, sec_stmt_get_text (stmt, 0));
  if (step == SEC_STEP_ERROR)
    return NULL;
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
