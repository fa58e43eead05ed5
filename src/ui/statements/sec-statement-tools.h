/* sec-statement-tools.h: the top of a joint statement's page: the progress
 * of its commitments at a glance, what it builds on, and the way to its
 * commitments grid and documents */
#pragma once

#include <adwaita.h>

#include "core/statements/sec-statements.h"

G_BEGIN_DECLS

#define SEC_TYPE_STATEMENT_TOOLS (sec_statement_tools_get_type ())
G_DECLARE_FINAL_TYPE (SecStatementTools, sec_statement_tools, SEC, STATEMENT_TOOLS, GtkWidget)

/* Shows @statement as stored in @store; the progress follows the store's
 * changes to its follow-ups. */
GtkWidget    *sec_statement_tools_new      (SecStore          *store,
                                            SecRecord         *statement);
/* The year the progress is for; 0: each cell's latest follow-up. */
int           sec_statement_tools_get_year (SecStatementTools *self);
void          sec_statement_tools_set_year (SecStatementTools *self,
                                            int                year);
/* The progress shown. */
void          sec_statement_tools_get_progress (SecStatementTools *self,
                                                SecProgress       *progress);

G_END_DECLS
