/* sec-store-lookup.c: lookups the workflows' store files share */
#define G_LOG_DOMAIN "sec-store-lookup"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-store-lookup.h"

GPtrArray *
sec_store_list_children (SecStore    *store,
                         GType        kind,
                         const char  *ref_field,
                         gint64       parent_id,
                         const char  *sort_field,
                         GError     **error)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, parent_id);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (ref_field != NULL, NULL);

  sec_query_add (q, ref_field, SEC_QUERY_EQUALS, id);
  /* The store breaks ties by id: the order they were entered. */
  if (sort_field != NULL)
    sec_query_set_sort (q, sort_field, FALSE);
  return sec_store_list (store, kind, q, error);
}

gint64
_sec_store_step_id (SecStmt  *stmt,
                    GError  **error)
{
  switch (sec_stmt_step (stmt, error))
    {
    case SEC_STEP_ROW:
      return sec_stmt_get_int64 (stmt, 0);
    case SEC_STEP_DONE:
      return 0;
    case SEC_STEP_ERROR:
    default:
      return -1;
    }
}
