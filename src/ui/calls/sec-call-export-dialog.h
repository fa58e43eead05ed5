/* sec-call-export-dialog.h: the documents of a call or a joint statement,
 * saved or printed */
#pragma once

#include <adwaita.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The documents offered: a call's first, then a statement's. */
typedef enum {
  SEC_CALL_EXPORT_APPLICATIONS_PDF,
  SEC_CALL_EXPORT_APPLICATIONS_CSV,
  SEC_CALL_EXPORT_SELECTION_REPORT,
  SEC_CALL_EXPORT_STATEMENT,
  SEC_CALL_EXPORT_MONITORING_PDF,
  SEC_CALL_EXPORT_MONITORING_CSV,
} SecCallExport;

#define SEC_TYPE_CALL_EXPORT_DIALOG (sec_call_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecCallExportDialog, sec_call_export_dialog, SEC, CALL_EXPORT_DIALOG, AdwWindow)

/* A modal window over @parent offering the documents of @record, a stored
 * call or statement. The caller presents it. */
SecCallExportDialog *sec_call_export_dialog_new         (GtkWindow            *parent,
                                                         SecStore             *store,
                                                         SecRecord            *record);
SecCallExport        sec_call_export_dialog_get_document (SecCallExportDialog *self);
/* @document must be one of @record's (a call's or a statement's). */
void                 sec_call_export_dialog_set_document (SecCallExportDialog *self,
                                                          SecCallExport        document);
/* The year of a monitoring report; 0: each cell's latest follow-up. */
int                  sec_call_export_dialog_get_year     (SecCallExportDialog *self);
void                 sec_call_export_dialog_set_year     (SecCallExportDialog *self,
                                                          int                  year);
/* Writes the chosen document to @file, with the chosen paper and language:
 * read from the store at once, written in a worker thread. */
void                 sec_call_export_dialog_export_async  (SecCallExportDialog *self,
                                                          GFile               *file,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean             sec_call_export_dialog_export_finish (SecCallExportDialog *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* Prints the chosen document as Print does (GtkPrintOperation), into the
 * PDF file @path instead of to a printer. FALSE for a CSV document. */
gboolean             sec_call_export_dialog_print_to_file (SecCallExportDialog *self,
                                                          const char          *path,
                                                          GError             **error);

G_END_DECLS
