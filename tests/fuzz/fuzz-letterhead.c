/* fuzz-letterhead.c: a letterhead's logo, as `secretariat letterhead --logo`
 * and the Preferences window read it: the PNG check, then (when it passes)
 * the page engine decoding and drawing it on a document's first page.
 * Input: the file's bytes. */
#include "fuzz-common.h"

#include <cairo.h>

#include "core/documents/sec-document.h"
#include "core/store/sec-store-letterhead.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SecDocument) doc = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  fuzz_init ();
  bytes = g_bytes_new (data, size);
  if (!sec_letterhead_check_logo (bytes, NULL))
    return 0;
  doc = sec_document_new ("Fuzz");
  sec_document_set_letterhead (doc, "Office", "Ref. 1", bytes);
  sec_document_begin_section (doc, "Section", NULL);
  sec_document_add_paragraph (doc, "Text");
  sec_paper_get_size (SEC_PAPER_A4, &width, &height);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  if (sec_document_get_n_pages (doc, width, height) > 0)
    sec_document_render_page (doc, cr, 0, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
