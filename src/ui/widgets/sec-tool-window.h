/* sec-tool-window.h: what the tool windows share (error dialog, save chooser, paper and language rows) */
#pragma once

#include <adwaita.h>

#include "core/documents/sec-document.h"

G_BEGIN_DECLS

void             sec_tool_window_show_error       (GtkWidget     *widget,
                                                   const char    *heading,
                                                   const GError  *error);
GtkNativeDialog *sec_tool_window_new_save_chooser (GtkWindow     *parent,
                                                   const char    *name,
                                                   GFile         *folder,
                                                   GtkFileFilter *filter);
void             sec_tool_window_setup_paper_row    (AdwComboRow   *row);
SecPaper         sec_tool_window_get_paper          (AdwComboRow   *row);
void             sec_tool_window_setup_language_row (AdwComboRow   *row);
const char      *sec_tool_window_get_language       (AdwComboRow   *row);
/* Prints @document on @paper, as the PDF has it (the document's own
 * margins on the whole sheet): with the print dialog, or with
 * GTK_PRINT_OPERATION_ACTION_EXPORT straight into @export_path. */
GtkPrintOperationResult sec_tool_window_print_document (GtkWindow               *parent,
                                                        SecDocument             *document,
                                                        SecPaper                 paper,
                                                        GtkPrintOperationAction  action,
                                                        const char              *export_path,
                                                        GError                 **error);

G_END_DECLS
