/* sec-commitments-window.h: the commitments grid of a joint statement:
 * each commitment followed per signatory, for a year */
#pragma once

#include <adwaita.h>

#include "core/statements/sec-statements.h"

G_BEGIN_DECLS

#define SEC_TYPE_COMMITMENTS_WINDOW (sec_commitments_window_get_type ())
G_DECLARE_FINAL_TYPE (SecCommitmentsWindow, sec_commitments_window, SEC, COMMITMENTS_WINDOW, AdwWindow)

/* A window over @parent with the grid of @statement (stored in @store),
 * following the store's changes. It opens on the latest year with a
 * follow-up recorded. The caller presents it. */
SecCommitmentsWindow *sec_commitments_window_new      (GtkWindow            *parent,
                                                       SecStore             *store,
                                                       SecStatement         *statement);
/* Presents the grid of @statement, the window already open for it if there
 * is one, on @year (0: the year it would open on).
 * Returns: (transfer none) */
SecCommitmentsWindow *sec_commitments_window_open     (GtkWindow            *parent,
                                                       SecStore             *store,
                                                       SecStatement         *statement,
                                                       int                   year);
int                   sec_commitments_window_get_year (SecCommitmentsWindow *self);
/* @year must be one the window offers (sec_statement_dup_years ()). */
void                  sec_commitments_window_set_year (SecCommitmentsWindow *self,
                                                       int                   year);
/* (transfer none): the grid shown, as last read */
SecStatementGrid     *sec_commitments_window_get_grid (SecCommitmentsWindow *self);
/* (transfer none) (nullable): the control of the cell of commitment @row
 * and signatory @column (a GtkMenuButton whose popover edits the cell). */
GtkWidget            *sec_commitments_window_get_cell (SecCommitmentsWindow *self,
                                                       guint                 row,
                                                       guint                 column);

G_END_DECLS
