/* sec-commitments-window-private.h: what the commitments window's files share
 *
 * SecCommitmentsWindow spans two files: the grid (sec-commitments-window.c)
 * and a cell's popover (sec-commitments-window-popup.c).
 */
#pragma once

#include <adwaita.h>

#include "core/statements/sec-statements.h"

G_BEGIN_DECLS

/* As G_DECLARE_FINAL_TYPE in the public header says it; not including that
 * header here keeps the two headers out of an include cycle. */
typedef struct _SecCommitmentsWindow SecCommitmentsWindow;

/* One cell's control. */
typedef struct {
  SecCommitmentsWindow *window;  /* borrowed */
  guint                 row;
  guint                 column;
  GtkWidget            *button;  /* GtkMenuButton, in the grid */
  GtkWidget            *icon;
  GtkWidget            *status_label;
  GtkWidget            *date_label;
  GtkWidget            *note_icon;
} Cell;

struct _SecCommitmentsWindow
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkDropDown       *year_drop_down;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkLevelBar       *level_bar;
  GtkLabel          *progress_label;
  GtkStack          *stack;
  GtkGrid           *grid;

  /* owned */
  SecStore          *store;
  SecStatement      *statement;
  SecStatementGrid  *data;       /* as last read */
  GPtrArray         *cells;      /* (element-type Cell): row-major */

  /* borrowed: in the grid */
  GPtrArray         *row_progress;     /* (element-type GtkWidget) */
  GPtrArray         *column_progress;  /* (element-type GtkWidget) */

  guint              refresh_id;
};

gboolean  _sec_commitments_window_set_cell                (SecCommitmentsWindow  *self,
                                                          Cell                  *cell,
                                                          SecFollowUpStatus      status,
                                                          const char            *date,
                                                          const char            *note,
                                                          const char            *evidence,
                                                          GError               **error);
void      _sec_commitments_window_refresh                 (SecCommitmentsWindow  *self);
char     *_sec_commitments_window_dup_signatory_long_name (SecRecord             *signatory);
void      _sec_commitments_window_create_popup_cb         (GtkMenuButton         *button,
                                                          gpointer               user_data);

G_END_DECLS
