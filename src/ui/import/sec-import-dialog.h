/* sec-import-dialog.h: importing organisations or people from a file */
#pragma once

#include <adwaita.h>

#include "core/import/sec-import.h"

G_BEGIN_DECLS

#define SEC_TYPE_IMPORT_DIALOG (sec_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecImportDialog, sec_import_dialog, SEC, IMPORT_DIALOG, AdwWindow)

/* Reads @file (CSV or vCards) and shows its preview; NULL with @error
 * when it cannot be read at all. */
SecImportDialog *sec_import_dialog_new        (GtkWindow  *parent,
                                               SecStore   *store,
                                               GType       kind,
                                               GFile      *file,
                                               GError    **error);
/* The counts of the import once it is done ("done" turns TRUE). */
gboolean         sec_import_dialog_get_done   (SecImportDialog  *self);
void             sec_import_dialog_get_summary (SecImportDialog  *self,
                                               SecImportSummary *summary);
/* (transfer full) (nullable): what takes the import back, once. */
SecImportUndo   *sec_import_dialog_steal_undo (SecImportDialog  *self);
/* Whether the rows are being checked (in a worker thread): until then the
 * SecImport has no results. */
gboolean         sec_import_dialog_get_checking (SecImportDialog *self);
/* For tests: the SecImport shown. (transfer none) */
SecImport       *sec_import_dialog_get_import (SecImportDialog  *self);

G_END_DECLS
