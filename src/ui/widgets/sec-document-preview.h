/* sec-document-preview.h: a window showing a document's pages as printed */
#pragma once

#include <adwaita.h>

#include "core/documents/sec-document.h"

G_BEGIN_DECLS

#define SEC_TYPE_DOCUMENT_PREVIEW (sec_document_preview_get_type ())
G_DECLARE_FINAL_TYPE (SecDocumentPreview, sec_document_preview, SEC, DOCUMENT_PREVIEW, AdwWindow)

/* Shows @document laid out on pages of @width × @height points, drawn by
 * the page engine as they are printed, one page at a time, fitted to the
 * window's width at first. (transfer none): the window, not yet shown. */
SecDocumentPreview *sec_document_preview_new      (GtkWindow          *parent,
                                                   SecDocument        *document,
                                                   double              width,
                                                   double              height);
guint               sec_document_preview_get_n_pages (SecDocumentPreview *self);
/* The page shown, from 0. */
guint               sec_document_preview_get_page    (SecDocumentPreview *self);
void                sec_document_preview_set_page    (SecDocumentPreview *self,
                                                      guint               page);
/* Pixels per point; fitting the width changes it with the window. */
double              sec_document_preview_get_zoom    (SecDocumentPreview *self);
gboolean            sec_document_preview_get_fit_width (SecDocumentPreview *self);

G_END_DECLS
