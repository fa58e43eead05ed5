/* sec-conflict-dialog.h: someone else saved the record being edited */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_CONFLICT_DIALOG (sec_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecConflictDialog, sec_conflict_dialog, SEC, CONFLICT_DIALOG, AdwWindow)

/* A modal window over @parent showing the fields in which @mine (the
 * user's unsaved values) and @theirs (the record as stored now) differ,
 * side by side, each with a choice. @baseline is @mine as it was opened:
 * the choices start at the user's value where the user changed the field,
 * at theirs elsewhere. It emits "response" with "mine", "theirs" or
 * "merge" and closes; Escape or Cancel close it with nothing chosen. */
SecConflictDialog *sec_conflict_dialog_new        (GtkWindow         *parent,
                                                   SecStore          *store,
                                                   SecRecord         *mine,
                                                   SecRecord         *theirs,
                                                   SecRecord         *baseline);
/* (transfer full): the record to go on with, at the stored version: theirs,
 * or @mine's values over it for "mine", the values chosen field by field
 * for "merge". */
SecRecord         *sec_conflict_dialog_dup_result (SecConflictDialog *self,
                                                   const char        *response);
/* The number of fields shown (they differ). */
guint              sec_conflict_dialog_get_n_fields (SecConflictDialog *self);
/* Chooses the user's value (@mine TRUE) or theirs for @field. */
void               sec_conflict_dialog_choose     (SecConflictDialog *self,
                                                   const char        *field,
                                                   gboolean           mine);

G_END_DECLS
