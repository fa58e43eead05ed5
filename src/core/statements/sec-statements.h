/* sec-statements.h: joint statements, their signatories in signing order,
 * their commitments, and the grid that follows each commitment per
 * signatory and per year
 *
 * A cell of the grid is the follow-up (SecFollowUp) of one commitment by one
 * signatory in one year. A follow-up's year is its `year` field, or the
 * year of its `date` when `year` is empty. When a cell has several
 * follow-ups, the latest counts: the one with the latest date (undated
 * last), then the last entered. A cell with no follow-up counts as "not
 * started". Follow-ups without a signatory are not part of the grid.
 */
#pragma once

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The nicks are those of the follow-up's `status` field. */
typedef enum {
  SEC_FOLLOW_UP_NOT_STARTED,    /* "not-started" */
  SEC_FOLLOW_UP_IN_PROGRESS,    /* "in-progress" */
  SEC_FOLLOW_UP_DONE,           /* "done" */
  SEC_FOLLOW_UP_NOT_APPLICABLE, /* "not-applicable" */
  SEC_FOLLOW_UP_N_STATUSES
} SecFollowUpStatus;

const char *sec_follow_up_status_to_nick   (SecFollowUpStatus  status);
/* FALSE when @nick is not a status. */
gboolean    sec_follow_up_status_from_nick (const char        *nick,
                                            SecFollowUpStatus *status);
/* Translated: "Not started", "In progress", "Done", "Not applicable" */
const char *sec_follow_up_status_label     (SecFollowUpStatus  status);

/* Progress at a glance. */
typedef struct {
  guint total;                              /* cells */
  guint counts[SEC_FOLLOW_UP_N_STATUSES];   /* cells per status (unrecorded
                                             * ones count as not started) */
  guint unrecorded;                         /* cells with no follow-up */
  guint applicable;                         /* total - not applicable */
  int   percent_done;                       /* done / applicable, rounded;
                                             * 100 when nothing applies,
                                             * 0 for an empty grid */
} SecProgress;

typedef struct {
  gint64             commitment_id;
  gint64             signatory_id;
  gint64             follow_up_id;  /* 0: nothing recorded */
  int                year;          /* the follow-up's year (0: none) */
  SecFollowUpStatus  status;
  const char        *date;          /* YYYY-MM-DD or NULL */
  const char        *note;          /* or NULL */
  const char        *evidence;      /* a web address, or NULL */
} SecGridCell;

#define SEC_TYPE_STATEMENT_GRID (sec_statement_grid_get_type ())
typedef struct _SecStatementGrid SecStatementGrid;

GType              sec_statement_grid_get_type         (void) G_GNUC_CONST;
SecStatementGrid  *sec_statement_grid_ref              (SecStatementGrid *grid);
void               sec_statement_grid_unref            (SecStatementGrid *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecStatementGrid, sec_statement_grid_unref)

/* (transfer full): the grid of @statement's commitments (rows, in their
 * order) by its signatories (columns, in signing order) for @year, or, with
 * @year 0, the latest follow-up of each cell whatever its year. */
SecStatementGrid  *sec_statement_get_grid              (SecStore         *store,
                                                        SecStatement     *statement,
                                                        int               year,
                                                        GError          **error);
int                sec_statement_grid_get_year         (SecStatementGrid *grid);
guint              sec_statement_grid_get_n_commitments (SecStatementGrid *grid);
guint              sec_statement_grid_get_n_signatories (SecStatementGrid *grid);
/* (transfer none) */
SecCommitment     *sec_statement_grid_get_commitment   (SecStatementGrid *grid,
                                                        guint             row);
/* (transfer none) */
SecSignatory      *sec_statement_grid_get_signatory    (SecStatementGrid *grid,
                                                        guint             column);
/* (transfer none): valid as long as the grid */
const SecGridCell *sec_statement_grid_get_cell         (SecStatementGrid *grid,
                                                        guint             row,
                                                        guint             column);
/* (transfer none) (nullable): the cell of a commitment and a signatory by
 * their ids, or NULL when they are not in the grid. */
const SecGridCell *sec_statement_grid_find_cell        (SecStatementGrid *grid,
                                                        gint64            commitment_id,
                                                        gint64            signatory_id);
/* The whole grid, one row (a commitment) or one column (a signatory). */
void               sec_statement_grid_get_progress     (SecStatementGrid *grid,
                                                        SecProgress      *progress);
void               sec_statement_grid_get_row_progress (SecStatementGrid *grid,
                                                        guint             row,
                                                        SecProgress      *progress);
void               sec_statement_grid_get_column_progress (SecStatementGrid *grid,
                                                        guint             column,
                                                        SecProgress      *progress);

/* The progress of @statement for @year (0: the latest of each cell). */
gboolean           sec_statement_get_progress          (SecStore         *store,
                                                        SecStatement     *statement,
                                                        int               year,
                                                        SecProgress      *progress,
                                                        GError          **error);

/* Sets one cell: updates the cell's latest follow-up for @year, or creates
 * one, in one transaction. @year must be between 1900 and 2200. @date
 * NULL: today. @note and @evidence NULL keep what the follow-up had ("" clears
 * it). The commitment and the signatory must belong to the same statement.
 * Returns: (transfer full): the follow-up as stored, or NULL with @error. */
SecFollowUp       *sec_statement_set_cell              (SecStore         *store,
                                                        gint64            commitment_id,
                                                        gint64            signatory_id,
                                                        int               year,
                                                        SecFollowUpStatus status,
                                                        const char       *date,
                                                        const char       *note,
                                                        const char       *evidence,
                                                        GError          **error);

/* (transfer full) (element-type int): the years a year selector offers:
 * from the year the statement was signed to this year, and every other
 * year that has a follow-up; in order. */
GArray            *sec_statement_dup_years             (SecStore         *store,
                                                        SecStatement     *statement,
                                                        GError          **error);

/* Signatories and commitments in order */

/* (transfer container) (element-type SecSignatory): in signing order
 * (`position`, then as entered). */
GPtrArray         *sec_statement_list_signatories      (SecStore         *store,
                                                        SecStatement     *statement,
                                                        GError          **error);
/* (transfer container) (element-type SecCommitment): in their order. */
GPtrArray         *sec_statement_list_commitments      (SecStore         *store,
                                                        SecStatement     *statement,
                                                        GError          **error);
/* Adds a signatory or a commitment (@record, not stored yet) after the
 * last one of @statement. */
gboolean           sec_statement_append                (SecStore         *store,
                                                        SecStatement     *statement,
                                                        SecRecord        *record,
                                                        GError          **error);
/* Moves a stored signatory or commitment to @index (0: first) among those
 * of its statement, numbering them all 1, 2, 3... in one transaction. */
gboolean           sec_statement_move                  (SecStore         *store,
                                                        SecRecord        *record,
                                                        guint             index,
                                                        GError          **error);
/* (transfer container) (element-type SecStatement): the statements
 * @statement builds on, nearest first (2018, then 2011...), stopping
 * before any statement already listed. */
GPtrArray         *sec_statement_dup_predecessors      (SecStore         *store,
                                                        SecStatement     *statement,
                                                        GError          **error);

G_END_DECLS
