/* sec-statements.c: joint statements, their signatories and commitments,
 * and the commitments grid */
#define G_LOG_DOMAIN "sec-statements"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/statements/sec-statements.h"
#include "core/store/sec-store-lookup.h"
#include "core/store/sec-store-statements.h"

static const char *const status_nicks[SEC_FOLLOW_UP_N_STATUSES] = {
  "not-started", "in-progress", "done", "not-applicable",
};

const char *
sec_follow_up_status_to_nick (SecFollowUpStatus status)
{
  g_return_val_if_fail (status < SEC_FOLLOW_UP_N_STATUSES, NULL);

  return status_nicks[status];
}

gboolean
sec_follow_up_status_from_nick (const char        *nick,
                                SecFollowUpStatus *status)
{
  for (guint i = 0; i < SEC_FOLLOW_UP_N_STATUSES; i++)
    if (g_strcmp0 (status_nicks[i], nick) == 0)
      {
        if (status)
          *status = (SecFollowUpStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sec_follow_up_status_label (SecFollowUpStatus status)
{
  const SecField *f;

  g_return_val_if_fail (status < SEC_FOLLOW_UP_N_STATUSES, NULL);

  f = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_FOLLOW_UP), "status");
  return sec_field_choice_label (f, status_nicks[status]);
}

/* The grid */

struct _SecStatementGrid
{
  gatomicrefcount  ref_count;
  int              year;
  GPtrArray       *commitments;  /* of SecCommitment, rows */
  GPtrArray       *signatories;  /* of SecSignatory, columns */
  SecGridCell     *cells;        /* row-major */
  GStringChunk    *strings;      /* the cells' texts */
  GHashTable      *rows;         /* commitment id (gint64 *) -> row + 1 */
  GHashTable      *columns;      /* signatory id (gint64 *) -> column + 1 */
};

G_DEFINE_BOXED_TYPE (SecStatementGrid, sec_statement_grid,
                     sec_statement_grid_ref, sec_statement_grid_unref)

SecStatementGrid *
sec_statement_grid_ref (SecStatementGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);

  g_atomic_ref_count_inc (&grid->ref_count);
  return grid;
}

void
sec_statement_grid_unref (SecStatementGrid *grid)
{
  g_return_if_fail (grid != NULL);

  if (!g_atomic_ref_count_dec (&grid->ref_count))
    return;
  g_clear_pointer (&grid->commitments, g_ptr_array_unref);
  g_clear_pointer (&grid->signatories, g_ptr_array_unref);
  g_clear_pointer (&grid->cells, g_free);
  g_clear_pointer (&grid->strings, g_string_chunk_free);
  g_clear_pointer (&grid->rows, g_hash_table_unref);
  g_clear_pointer (&grid->columns, g_hash_table_unref);
  g_free (grid);
}

/* Position, then id: the order they were entered breaks ties. */
static GPtrArray *
list_in_order (SecStore   *store,
               GType       kind,
               gint64      statement_id,
               GError    **error)
{
  return sec_store_list_children (store, kind, "statement", statement_id, "position", error);
}

GPtrArray *
sec_statement_list_signatories (SecStore      *store,
                                SecStatement  *statement,
                                GError       **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);

  return list_in_order (store, SEC_TYPE_SIGNATORY, sec_record_get_id (SEC_RECORD (statement)), error);
}

GPtrArray *
sec_statement_list_commitments (SecStore      *store,
                                SecStatement  *statement,
                                GError       **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);

  return list_in_order (store, SEC_TYPE_COMMITMENT, sec_record_get_id (SEC_RECORD (statement)), error);
}

static GHashTable *
index_ids (GPtrArray *records)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sec_record_get_id (g_ptr_array_index (records, i));
      g_hash_table_insert (index, id, GUINT_TO_POINTER (i + 1));
    }
  return index;
}

static const char *
chunk (GStringChunk *strings, const char *text)
{
  return text ? g_string_chunk_insert_const (strings, text) : NULL;
}

/* The cell of a commitment and a signatory, or NULL when either is not in
 * the grid. */
static SecGridCell *
cell_of (SecStatementGrid *grid,
         gint64            commitment_id,
         gint64            signatory_id)
{
  guint row = GPOINTER_TO_UINT (g_hash_table_lookup (grid->rows, &commitment_id));
  guint column = GPOINTER_TO_UINT (g_hash_table_lookup (grid->columns, &signatory_id));

  if (row == 0 || column == 0)
    return NULL;
  return &grid->cells[(row - 1) * grid->signatories->len + (column - 1)];
}

/* Fills the cell of @row's commitment and signatory, unless a later
 * follow-up (an earlier row) did. */
static void
fill_cell (const SecFollowUpRow *row,
           gpointer              user_data)
{
  SecStatementGrid *grid = user_data;
  SecGridCell *cell = cell_of (grid, row->commitment_id, row->signatory_id);

  if (cell == NULL || cell->follow_up_id != 0)
    return;
  cell->follow_up_id = row->id;
  cell->year = row->year;
  cell->date = chunk (grid->strings, row->date);
  if (!sec_follow_up_status_from_nick (row->status, &cell->status))
    cell->status = SEC_FOLLOW_UP_NOT_STARTED;
  cell->note = chunk (grid->strings, row->note);
  cell->evidence = chunk (grid->strings, row->evidence);
}

SecStatementGrid *
sec_statement_get_grid (SecStore      *store,
                        SecStatement  *statement,
                        int            year,
                        GError       **error)
{
  g_autoptr(SecStatementGrid) grid = NULL;
  gint64 statement_id;
  guint n_cells;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (year >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement_id = sec_record_get_id (SEC_RECORD (statement));
  grid = g_new0 (SecStatementGrid, 1);
  g_atomic_ref_count_init (&grid->ref_count);
  grid->year = year;
  grid->strings = g_string_chunk_new (256);
  grid->commitments = list_in_order (store, SEC_TYPE_COMMITMENT, statement_id, error);
  if (grid->commitments == NULL)
    return NULL;
  grid->signatories = list_in_order (store, SEC_TYPE_SIGNATORY, statement_id, error);
  if (grid->signatories == NULL)
    return NULL;
  grid->rows = index_ids (grid->commitments);
  grid->columns = index_ids (grid->signatories);

  n_cells = grid->commitments->len * grid->signatories->len;
  grid->cells = g_new0 (SecGridCell, MAX (n_cells, 1));
  for (guint r = 0; r < grid->commitments->len; r++)
    for (guint c = 0; c < grid->signatories->len; c++)
      {
        SecGridCell *cell = &grid->cells[r * grid->signatories->len + c];

        cell->commitment_id = sec_record_get_id (g_ptr_array_index (grid->commitments, r));
        cell->signatory_id = sec_record_get_id (g_ptr_array_index (grid->signatories, c));
        cell->status = SEC_FOLLOW_UP_NOT_STARTED;
      }

  /* Latest first within each cell: the first row of a cell wins. */
  if (!sec_store_foreach_follow_up (store, statement_id, year, fill_cell, grid, error))
    return NULL;

  return g_steal_pointer (&grid);
}

int
sec_statement_grid_get_year (SecStatementGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);

  return grid->year;
}

guint
sec_statement_grid_get_n_commitments (SecStatementGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);

  return grid->commitments->len;
}

guint
sec_statement_grid_get_n_signatories (SecStatementGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);

  return grid->signatories->len;
}

SecCommitment *
sec_statement_grid_get_commitment (SecStatementGrid *grid,
                                   guint             row)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (row < grid->commitments->len, NULL);

  return g_ptr_array_index (grid->commitments, row);
}

SecSignatory *
sec_statement_grid_get_signatory (SecStatementGrid *grid,
                                  guint             column)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (column < grid->signatories->len, NULL);

  return g_ptr_array_index (grid->signatories, column);
}

const SecGridCell *
sec_statement_grid_get_cell (SecStatementGrid *grid,
                             guint             row,
                             guint             column)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (row < grid->commitments->len, NULL);
  g_return_val_if_fail (column < grid->signatories->len, NULL);

  return &grid->cells[row * grid->signatories->len + column];
}

const SecGridCell *
sec_statement_grid_find_cell (SecStatementGrid *grid,
                              gint64            commitment_id,
                              gint64            signatory_id)
{
  g_return_val_if_fail (grid != NULL, NULL);

  return cell_of (grid, commitment_id, signatory_id);
}

/* Counts @n cells from @first, @stride apart. */
static void
count_cells (SecStatementGrid *grid,
             guint             first,
             guint             n,
             guint             stride,
             SecProgress      *progress)
{
  *progress = (SecProgress) { 0 };
  for (guint i = 0; i < n; i++)
    {
      const SecGridCell *cell = &grid->cells[first + i * stride];

      progress->total++;
      progress->counts[cell->status]++;
      if (cell->follow_up_id == 0)
        progress->unrecorded++;
    }

  progress->applicable = progress->total - progress->counts[SEC_FOLLOW_UP_NOT_APPLICABLE];
  if (progress->total == 0)
    progress->percent_done = 0;
  else if (progress->applicable == 0)
    progress->percent_done = 100;
  else
    /* Rounded half up, in whole numbers. */
    progress->percent_done = (int) ((200 * progress->counts[SEC_FOLLOW_UP_DONE] + progress->applicable)
                                    / (2 * progress->applicable));
}

void
sec_statement_grid_get_progress (SecStatementGrid *grid,
                                 SecProgress      *progress)
{
  g_return_if_fail (grid != NULL);
  g_return_if_fail (progress != NULL);

  count_cells (grid, 0, grid->commitments->len * grid->signatories->len, 1, progress);
}

/* A row's cells are next to each other; a column's a row apart. */
void
sec_statement_grid_get_row_progress (SecStatementGrid *grid,
                                     guint             row,
                                     SecProgress      *progress)
{
  g_return_if_fail (grid != NULL && row < grid->commitments->len);
  g_return_if_fail (progress != NULL);

  count_cells (grid, row * grid->signatories->len, grid->signatories->len, 1, progress);
}

void
sec_statement_grid_get_column_progress (SecStatementGrid *grid,
                                        guint             column,
                                        SecProgress      *progress)
{
  g_return_if_fail (grid != NULL && column < grid->signatories->len);
  g_return_if_fail (progress != NULL);

  count_cells (grid, column, grid->commitments->len, grid->signatories->len, progress);
}

gboolean
sec_statement_get_progress (SecStore      *store,
                            SecStatement  *statement,
                            int            year,
                            SecProgress   *progress,
                            GError       **error)
{
  g_autoptr(SecStatementGrid) grid = NULL;

  g_return_val_if_fail (progress != NULL, FALSE);

  grid = sec_statement_get_grid (store, statement, year, error);
  if (grid == NULL)
    return FALSE;
  sec_statement_grid_get_progress (grid, progress);
  return TRUE;
}

/* Setting a cell */

SecFollowUp *
sec_statement_set_cell (SecStore          *store,
                        gint64             commitment_id,
                        gint64             signatory_id,
                        int                year,
                        SecFollowUpStatus  status,
                        const char        *date,
                        const char        *note,
                        const char        *evidence,
                        GError           **error)
{
  g_autoptr(SecRecord) commitment = NULL;
  g_autoptr(SecRecord) signatory = NULL;
  g_autoptr(SecRecord) follow_up = NULL;
  g_autofree char *today = NULL;
  gint64 existing;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (status < SEC_FOLLOW_UP_N_STATUSES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < 1900 || year > 2200)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("%d is not a year the follow-up can be recorded for"), year);
      return NULL;
    }
  if ((commitment = sec_store_get (store, SEC_TYPE_COMMITMENT, commitment_id, error)) == NULL ||
      (signatory = sec_store_get (store, SEC_TYPE_SIGNATORY, signatory_id, error)) == NULL)
    return NULL;
  if (sec_record_get_ref (commitment, "statement") != sec_record_get_ref (signatory, "statement"))
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                           _("The commitment and the signatory belong to different statements"));
      return NULL;
    }

  if (!sec_store_begin (store, error))
    return NULL;
  existing = sec_store_find_follow_up (store, commitment_id, signatory_id, year, error);
  if (existing < 0)
    goto rollback;
  if (existing > 0)
    {
      if ((follow_up = sec_store_get (store, SEC_TYPE_FOLLOW_UP, existing, error)) == NULL)
        goto rollback;
    }
  else
    {
      follow_up = sec_record_new (SEC_TYPE_FOLLOW_UP);
      sec_record_set_ref (follow_up, "commitment", commitment_id);
      sec_record_set_ref (follow_up, "signatory", signatory_id);
    }

  sec_record_set_int (follow_up, "year", year);
  sec_record_set_string (follow_up, "status", sec_follow_up_status_to_nick (status));
  sec_record_set_string (follow_up, "date", date ? date : (today = sec_today ()));
  if (note != NULL)
    sec_record_set_string (follow_up, "note", *note ? note : NULL);
  if (evidence != NULL)
    sec_record_set_string (follow_up, "evidence", *evidence ? evidence : NULL);

  if (!(existing > 0 ? sec_store_update (store, follow_up, error)
                     : sec_store_insert (store, follow_up, error)))
    goto rollback;
  if (!sec_store_commit (store, error))
    goto rollback;
  return (SecFollowUp *) g_steal_pointer (&follow_up);

rollback:
  sec_store_rollback (store);
  return NULL;
}

static int
compare_years (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

GArray *
sec_statement_dup_years (SecStore      *store,
                         SecStatement  *statement,
                         GError       **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) found = NULL;
  const char *signed_on;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);

  signed_on = sec_record_get_string (SEC_RECORD (statement), "signed-on");
  if (signed_on != NULL && sec_check_date (signed_on))
    {
      int first = (int) g_ascii_strtoll (signed_on, NULL, 10);

      for (int y = first; y <= g_date_time_get_year (now); y++)
        {
          g_array_append_val (years, y);
          g_hash_table_add (seen, GINT_TO_POINTER (y));
        }
    }

  if ((found = sec_store_dup_follow_up_years (store, sec_record_get_id (SEC_RECORD (statement)), error)) == NULL)
    return NULL;
  for (guint i = 0; i < found->len; i++)
    {
      int y = g_array_index (found, int, i);

      if (y > 0 && !g_hash_table_contains (seen, GINT_TO_POINTER (y)))
        {
          g_array_append_val (years, y);
          g_hash_table_add (seen, GINT_TO_POINTER (y));
        }
    }
  g_array_sort (years, compare_years);
  return g_steal_pointer (&years);
}

/* Order */

static gboolean
is_ordered_kind (SecRecord *record)
{
  return SEC_IS_SIGNATORY (record) || SEC_IS_COMMITMENT (record);
}

gboolean
sec_statement_append (SecStore      *store,
                      SecStatement  *statement,
                      SecRecord     *record,
                      GError       **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  gint64 statement_id;
  int last = 0;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (is_ordered_kind (record), FALSE);
  g_return_val_if_fail (sec_record_get_id (record) == 0, FALSE);

  statement_id = sec_record_get_id (SEC_RECORD (statement));
  if (!sec_store_begin (store, error))
    return FALSE;
  if ((siblings = list_in_order (store, G_OBJECT_TYPE (record), statement_id, error)) == NULL)
    goto rollback;
  for (guint i = 0; i < siblings->len; i++)
    last = MAX (last, sec_record_get_int (g_ptr_array_index (siblings, i), "position"));
  sec_record_set_ref (record, "statement", statement_id);
  sec_record_set_int (record, "position", last + 1);
  if (!sec_store_insert (store, record, error) || !sec_store_commit (store, error))
    goto rollback;
  return TRUE;

rollback:
  sec_store_rollback (store);
  _sec_record_set_id (record, 0);
  return FALSE;
}

gboolean
sec_statement_move (SecStore   *store,
                    SecRecord  *record,
                    guint       index,
                    GError    **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  gint64 id;
  guint from = G_MAXUINT;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (is_ordered_kind (record), FALSE);
  g_return_val_if_fail (sec_record_get_id (record) > 0, FALSE);

  id = sec_record_get_id (record);
  if (!sec_store_begin (store, error))
    return FALSE;
  siblings = list_in_order (store, G_OBJECT_TYPE (record),
                            sec_record_get_ref (record, "statement"), error);
  if (siblings == NULL)
    goto rollback;
  for (guint i = 0; i < siblings->len; i++)
    if (sec_record_get_id (g_ptr_array_index (siblings, i)) == id)
      from = i;
  if (from == G_MAXUINT)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("This %s no longer exists"), _(sec_record_get_kind (record)->label));
      goto rollback;
    }

  {
    SecRecord *moving = g_ptr_array_steal_index (siblings, from);
    g_ptr_array_insert (siblings, (int) MIN (index, siblings->len), moving);
  }
  for (guint i = 0; i < siblings->len; i++)
    {
      SecRecord *r = g_ptr_array_index (siblings, i);

      if (sec_record_get_int (r, "position") == (int) i + 1)
        continue;
      sec_record_set_int (r, "position", (int) i + 1);
      if (!sec_store_update (store, r, error))
        goto rollback;
      if (sec_record_get_id (r) == id)
        sec_record_set_int (record, "position", (int) i + 1);
    }
  if (!sec_store_commit (store, error))
    goto rollback;
  return TRUE;

rollback:
  sec_store_rollback (store);
  return FALSE;
}

GPtrArray *
sec_statement_dup_predecessors (SecStore      *store,
                                SecStatement  *statement,
                                GError       **error)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 next;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);

  g_hash_table_add (seen, g_memdup2 (&(gint64) { sec_record_get_id (SEC_RECORD (statement)) }, sizeof (gint64)));
  next = sec_record_get_ref (SEC_RECORD (statement), "predecessor");
  while (next != 0 && !g_hash_table_contains (seen, &next))
    {
      SecRecord *p = sec_store_get (store, SEC_TYPE_STATEMENT, next, error);

      if (p == NULL)
        return NULL;
      g_ptr_array_add (chain, p);
      g_hash_table_add (seen, g_memdup2 (&next, sizeof next));
      next = sec_record_get_ref (p, "predecessor");
    }
  return g_steal_pointer (&chain);
}
