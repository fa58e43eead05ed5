/* sec-store-calls.c: what the calls' rules ask of the database */
#define G_LOG_DOMAIN "sec-store-calls"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-store-calls.h"
#include "core/store/sec-store-lookup.h"
#include "core/store/sec-store-private.h"

gint64
sec_store_find_active_membership (SecStore    *store,
                                  gint64       organisation_id,
                                  gint64       body_id,
                                  const char  *date,
                                  GError     **error)
{
  g_autoptr(SecStmt) stmt = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), -1);
  g_return_val_if_fail (date != NULL, -1);

  stmt = sec_engine_prepare (_sec_store_get_engine (store),
                             "SELECT id FROM memberships"
                             " WHERE organisation_id = ?1 AND body_id = ?2 AND status = 'active'"
                             " AND (left_on IS NULL OR left_on >= ?3)"
                             " ORDER BY joined_on LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sec_stmt_bind_int64 (stmt, 1, organisation_id);
  sec_stmt_bind_int64 (stmt, 2, body_id);
  sec_stmt_bind_text (stmt, 3, date);
  return _sec_store_step_id (stmt, error);
}

/* Reads the (country, count, selected) rows of @stmt, bound and ready. */
static GArray *
collect_counts (SecStmt  *stmt,
                GError  **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (SecCountryCount));
  SecStep step;

  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      SecCountryCount c = { { 0 }, 0, 0 };
      const char *country = sec_stmt_get_text (stmt, 0);

      g_strlcpy (c.country, country ? country : "", sizeof c.country);
      c.count = (guint) sec_stmt_get_int64 (stmt, 1);
      c.selected = (guint) sec_stmt_get_int64 (stmt, 2);
      g_array_append_val (counts, c);
    }
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&counts);
}

GArray *
sec_store_count_members_by_country (SecStore    *store,
                                    gint64       body_id,
                                    const char  *on_date,
                                    GError     **error)
{
  g_autoptr(SecStmt) stmt = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (on_date != NULL, NULL);

  /* count(DISTINCT): an organisation counts once, however many
   * memberships it has. */
  stmt = sec_engine_prepare (_sec_store_get_engine (store),
                             "SELECT coalesce(o.country, ''), count(DISTINCT o.id), 0"
                             " FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
                             " WHERE m.body_id = ?1 AND m.status = 'active'"
                             " AND (m.joined_on IS NULL OR m.joined_on <= ?2)"
                             " AND (m.left_on IS NULL OR m.left_on >= ?2)"
                             " GROUP BY 1", error);
  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_int64 (stmt, 1, body_id);
  sec_stmt_bind_text (stmt, 2, on_date);
  return collect_counts (stmt, error);
}

GArray *
sec_store_count_applications_by_country (SecStore  *store,
                                         gint64     call_id,
                                         GError   **error)
{
  g_autoptr(SecStmt) stmt = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  stmt = sec_engine_prepare (_sec_store_get_engine (store),
                             "SELECT coalesce(o.country, ''), count(*), sum(a.outcome = 'selected')"
                             " FROM applications a JOIN organisations o ON o.id = a.organisation_id"
                             " WHERE a.call_id = ?1 GROUP BY 1", error);
  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_int64 (stmt, 1, call_id);
  return collect_counts (stmt, error);
}
