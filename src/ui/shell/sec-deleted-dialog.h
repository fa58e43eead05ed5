/* sec-deleted-dialog.h: the deleted records, each with Restore
 *
 * The records deleted on their own that the history can bring back, newest
 * first; Restore brings one back with its links (undoable from the toast).
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_DELETED_DIALOG (sec_deleted_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecDeletedDialog, sec_deleted_dialog, SEC, DELETED_DIALOG, AdwPreferencesWindow)

/* (transfer none): the dialog, not shown yet. */
SecDeletedDialog *sec_deleted_dialog_new           (GtkWindow         *parent,
                                                    SecStore          *store);
/* The deleted records listed. */
guint             sec_deleted_dialog_get_n_deleted (SecDeletedDialog  *self);
/* What the Restore button of row @index does (the toast offers Undo). */
gboolean          sec_deleted_dialog_restore       (SecDeletedDialog  *self,
                                                    guint              index,
                                                    GError           **error);
/* What the toast's Undo does: deletes the record brought back again. */
void              sec_deleted_dialog_undo          (SecDeletedDialog  *self);

G_END_DECLS
