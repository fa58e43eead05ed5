/* sec-export-dialog.h: printing a meeting's documents and saving them */
#pragma once

#include <adwaita.h>

#include "core/documents/sec-meeting-documents.h"
#include "ui/meetings/sec-meeting-window.h"

G_BEGIN_DECLS

#define SEC_TYPE_EXPORT_DIALOG (sec_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecExportDialog, sec_export_dialog, SEC, EXPORT_DIALOG, SecMeetingWindow)

/* The documents of meeting @meeting_id, to print or save: which one, the
 * participant list's options, the paper and the language. The caller
 * presents it. */
SecExportDialog *sec_export_dialog_new             (GtkWindow        *parent,
                                                    SecStore         *store,
                                                    gint64            meeting_id);
SecMeetingExport sec_export_dialog_get_kind        (SecExportDialog  *self);
void             sec_export_dialog_set_kind        (SecExportDialog  *self,
                                                    SecMeetingExport  kind);
/* Writes the document chosen to @file, as "Save…" does after the file
 * chooser (in a worker thread; "busy" is TRUE until it is done, then a
 * notification says where it went, or a message why not). */
void             sec_export_dialog_save_to_file    (SecExportDialog  *self,
                                                    GFile            *file);
gboolean         sec_export_dialog_get_busy        (SecExportDialog  *self);

G_END_DECLS
