/* sec-store-statements.c: what the joint statements' rules ask of the
 * database */
#define G_LOG_DOMAIN "sec-store-statements"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-store-lookup.h"
#include "core/store/sec-store-private.h"
#include "core/store/sec-store-statements.h"

/* A follow-up's year: its `year`, or the year of its `date`. */
#define EFFECTIVE_YEAR "coalesce(nullif(f.year, 0), CAST(substr(f.date, 1, 4) AS INTEGER))"

gboolean
sec_store_foreach_follow_up (SecStore            *store,
                             gint64               statement_id,
                             int                  year,
                             SecFollowUpRowFunc   func,
                             gpointer             user_data,
                             GError             **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = sec_engine_prepare (_sec_store_get_engine (store),
                             "SELECT f.id, f.commitment_id, f.signatory_id, " EFFECTIVE_YEAR ","
                             "  f.date, f.status, f.note, f.evidence"
                             " FROM follow_ups f"
                             " JOIN commitments c ON c.id = f.commitment_id"
                             " JOIN signatories s ON s.id = f.signatory_id AND s.statement_id = c.statement_id"
                             " WHERE c.statement_id = ?1 AND (?2 = 0 OR " EFFECTIVE_YEAR " = ?2)"
                             " ORDER BY f.commitment_id, f.signatory_id, " EFFECTIVE_YEAR " IS NULL,"
                             "  " EFFECTIVE_YEAR " DESC, f.date IS NULL, f.date DESC, f.id DESC",
                             error);
  if (stmt == NULL)
    return FALSE;
  sec_stmt_bind_int64 (stmt, 1, statement_id);
  sec_stmt_bind_int64 (stmt, 2, year);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      SecFollowUpRow row = {
        .id = sec_stmt_get_int64 (stmt, 0),
        .commitment_id = sec_stmt_get_int64 (stmt, 1),
        .signatory_id = sec_stmt_get_int64 (stmt, 2),
        .year = sec_stmt_get_int (stmt, 3),
        .date = sec_stmt_get_text (stmt, 4),
        .status = sec_stmt_get_text (stmt, 5),
        .note = sec_stmt_get_text (stmt, 6),
        .evidence = sec_stmt_get_text (stmt, 7),
      };

      func (&row, user_data);
    }
  return step == SEC_STEP_DONE;
}

gint64
sec_store_find_follow_up (SecStore  *store,
                          gint64     commitment_id,
                          gint64     signatory_id,
                          int        year,
                          GError   **error)
{
  g_autoptr(SecStmt) stmt = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), -1);

  stmt = sec_engine_prepare (_sec_store_get_engine (store),
                             "SELECT f.id FROM follow_ups f"
                             " WHERE f.commitment_id = ?1 AND f.signatory_id = ?2 AND " EFFECTIVE_YEAR " = ?3"
                             " ORDER BY f.date IS NULL, f.date DESC, f.id DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return -1;
  sec_stmt_bind_int64 (stmt, 1, commitment_id);
  sec_stmt_bind_int64 (stmt, 2, signatory_id);
  sec_stmt_bind_int64 (stmt, 3, year);
  return _sec_store_step_id (stmt, error);
}

GArray *
sec_store_dup_follow_up_years (SecStore  *store,
                               gint64     statement_id,
                               GError   **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(SecStmt) stmt = NULL;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  stmt = sec_engine_prepare (_sec_store_get_engine (store),
                             "SELECT DISTINCT " EFFECTIVE_YEAR " FROM follow_ups f"
                             " JOIN commitments c ON c.id = f.commitment_id"
                             " WHERE c.statement_id = ?1 AND " EFFECTIVE_YEAR " IS NOT NULL",
                             error);
  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_int64 (stmt, 1, statement_id);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      int y = sec_stmt_get_int (stmt, 0);

      g_array_append_val (years, y);
    }
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&years);
}
