/* sec-document-update.h: a PDF's changed objects appended to it */
#pragma once

#include <glib.h>
#include <qpdf/qpdf-c.h>

G_BEGIN_DECLS

/* (transfer full) (nullable): @data compressed for /FlateDecode, fast
 * (zlib's level 1). */
GBytes *_sec_pdf_deflate       (const guint8 *data,
                                gsize         length);
/* (transfer full) (nullable): @pdf, which @q read, with the objects
 * @changed (object number -> qpdf_oh) appended, the streams' new data
 * from @streams (object number -> GBytes, compressed), then their
 * cross-references; NULL with @reason set when the file is not as
 * expected. */
GBytes *_sec_pdf_append_update (qpdf_data     q,
                                GHashTable   *changed,
                                GHashTable   *streams,
                                GBytes       *pdf,
                                const char  **reason);

G_END_DECLS
