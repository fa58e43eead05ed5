/* sec-document.h: a paginated document of headings, text and tables
 *
 * SecDocument is the one renderer behind printing and PDF files: the same
 * layout, the same page breaks. It is filled with sections (each starts on
 * a new page), headings, paragraphs and tables, then laid out for a page
 * size: text is set with Pango at 72 dpi with unhinted metrics, so that the
 * layout does not depend on the device. Pages have a running header (the
 * meeting, on every page) and a footer ("Page N of M", the section's note
 * and the date the document was made). A table's header row is repeated at
 * the top of each page, a row is never split across pages, a group heading
 * stays with its first row and is repeated ("Belgium (continued)") when its
 * group goes on over a page break, and long text wraps instead of being cut.
 *
 * Printing with GtkPrintOperation (GTK_UNIT_POINTS, use-full-page TRUE, so
 * that the margins are the document's and the pages match the PDF's):
 *   begin-print: gtk_print_operation_set_n_pages (op,
 *                  sec_document_get_n_pages (doc, width, height));
 *   draw-page:   sec_document_render_page (doc, gtk_print_context_get_cairo_context (ctx),
 *                  page_nr, width, height);
 * with width and height the paper's size in points
 * (gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS)...).
 *
 * Threads: a document is laid out with the Pango font map of the thread
 * that first lays it out, and must then be used from that thread only. It
 * holds plain text, so it can be built and written in a worker thread
 * (see sec_meeting_document_export_async ()).
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "core/base/sec-progress.h"

G_BEGIN_DECLS

typedef enum {
  SEC_PAPER_A4,
  SEC_PAPER_LETTER,
} SecPaper;

/* The size in points (1/72 inch): A4 595.28 × 841.89, Letter 612 × 792. */
void         sec_paper_get_size         (SecPaper     paper,
                                         double      *width,
                                         double      *height);
/* "a4" or "letter" (any case). */
gboolean     sec_paper_from_string      (const char  *name,
                                         SecPaper    *paper);
const char  *sec_paper_to_string        (SecPaper     paper);
/* The paper of the user's locale (LC_PAPER): Letter in the United States
 * and Canada, A4 elsewhere. */
SecPaper     sec_paper_get_default      (void);

typedef enum {
  SEC_COLUMN_DEFAULT = 0,
  SEC_COLUMN_END     = 1 << 0,  /* aligned to the end: numbers, times */
  SEC_COLUMN_SMALL   = 1 << 1,  /* smaller type: notes, contact data */
  /* The table is a list (numbered items, no groups) and this column its
   * items' labels: a tagged PDF has it as a list (L, LI, Lbl, LBody). */
  SEC_COLUMN_LABEL   = 1 << 2,
} SecColumnFlags;

typedef struct {
  const char     *title;   /* plain text of the header cell */
  double          width;   /* share of the table's width (any unit) */
  SecColumnFlags  flags;
} SecDocumentColumn;

typedef enum {
  SEC_TABLE_RULES,  /* a line between rows: lists */
  SEC_TABLE_GRID,   /* lines around every cell: forms to fill in by hand */
} SecTableStyle;

typedef enum {
  SEC_ROW_NORMAL,
  SEC_ROW_MUTED,    /* in grey italics: a break, a lunch */
} SecRowStyle;

#define SEC_TYPE_DOCUMENT (sec_document_get_type ())
G_DECLARE_FINAL_TYPE (SecDocument, sec_document, SEC, DOCUMENT, GObject)

/* @title: the document's title, for the PDF's metadata and outline. */
SecDocument *sec_document_new           (const char         *title);
const char  *sec_document_get_title     (SecDocument        *self);
/* The PDF's author and subject metadata (the creator is Secretariat). */
void         sec_document_set_author    (SecDocument        *self,
                                         const char         *author);
void         sec_document_set_subject   (SecDocument        *self,
                                         const char         *subject);
/* The language the document is written in ("fr": the tagged PDF's /Lang);
 * NULL (the default): the user's, as far as documents are offered in it. */
void         sec_document_set_language  (SecDocument        *self,
                                         const char         *language);
/* The office's letterhead at the top of the first page: its name, a
 * reference on the right and a logo (a PNG file's bytes) on the left; each
 * nullable. A new document starts with the default letterhead. */
void         sec_document_set_letterhead (SecDocument       *self,
                                         const char         *name,
                                         const char         *reference,
                                         GBytes             *logo);
/* The letterhead of documents made from now on, in any thread: set by
 * whoever opens the office's database (see sec-store-letterhead.h). */
void         sec_document_set_default_letterhead (const char *name,
                                         const char         *reference,
                                         GBytes             *logo);
/* Whether the document holds contact data or needs (see
 * sec_export_kind_is_personal ()): sec_document_write_pdf () then makes
 * a new file 0600. FALSE by default. */
void         sec_document_set_personal  (SecDocument        *self,
                                         gboolean            personal);
gboolean     sec_document_get_personal  (SecDocument        *self);
/* The running header of every page: Pango markup on the left (the
 * meeting's title and bodies) and on the right (its date and venue). */
void         sec_document_set_header    (SecDocument        *self,
                                         const char         *left_markup,
                                         const char         *right_markup);
/* The footer: @text after the section's note ("Generated on 3 May 2024,
 * 10:15"), and @page_format, a translation of "Page %d of %d" (the page and
 * the number of pages); one with other conversions is not used. */
void         sec_document_set_footer    (SecDocument        *self,
                                         const char         *text,
                                         const char         *page_format);

/* Starts a section on a new page. @name is its entry in the PDF's outline;
 * @note (nullable) is printed in the footer of its pages. */
void         sec_document_begin_section (SecDocument        *self,
                                         const char         *name,
                                         const char         *note);
void         sec_document_add_heading   (SecDocument        *self,
                                         const char         *text);
/* A paragraph of Pango markup (escape text with g_markup_escape_text ()). */
void         sec_document_add_paragraph (SecDocument        *self,
                                         const char         *markup);
/* Starts a table; the rows added next belong to it until end_table (). */
void         sec_document_begin_table   (SecDocument        *self,
                                         SecTableStyle       style,
                                         const SecDocumentColumn *columns,
                                         guint               n_columns);
/* The least height of the table's rows, in points: room to sign. */
void         sec_document_set_row_height (SecDocument       *self,
                                         double              height);
/* A row: one cell of Pango markup per column (NULL: empty). */
void         sec_document_add_row       (SecDocument        *self,
                                         SecRowStyle         style,
                                         const char *const  *cells);
/* A group heading across the table (plain text); @continued (nullable)
 * repeats it at the top of the next page when the group goes on there. */
void         sec_document_add_group     (SecDocument        *self,
                                         const char         *text,
                                         const char         *continued);
void         sec_document_end_table     (SecDocument        *self);

/* Lays the document out on pages of @width × @height points (again only
 * when the size changed) and returns the number of pages. */
guint        sec_document_get_n_pages   (SecDocument        *self,
                                         double              width,
                                         double              height);
/* Draws page @page_nr (from 0) on @cr, whose user space is points with the
 * origin at the paper's top left corner. */
void         sec_document_render_page   (SecDocument        *self,
                                         cairo_t            *cr,
                                         guint               page_nr,
                                         double              width,
                                         double              height);
/* The page where each section starts, in the order they were begun
 * (from 0); for a print preview's "go to". (transfer none) */
const guint *sec_document_get_section_pages (SecDocument    *self,
                                         double              width,
                                         double              height,
                                         guint              *n_sections);

/* A cairo_write_func_t appending to the GByteArray given as its closure:
 * how a PDF or PNG surface is written to memory. */
cairo_status_t sec_document_append_to_byte_array (void                *closure,
                                                  const unsigned char *data,
                                                  unsigned int         length);

/* (transfer full): the whole document as a PDF on @paper. */
GBytes      *sec_document_to_pdf        (SecDocument        *self,
                                         SecPaper            paper,
                                         GError            **error);
/* The same, telling @progress (in this thread) as pages are drawn, and
 * giving up with G_IO_ERROR_CANCELLED when @cancellable is cancelled. */
GBytes      *sec_document_to_pdf_full   (SecDocument        *self,
                                         SecPaper            paper,
                                         SecProgressFunc     progress,
                                         gpointer            progress_data,
                                         GCancellable       *cancellable,
                                         GError            **error);
/* Writes the PDF to @path through a temporary file in the same folder,
 * renamed over @path only once complete: a failure leaves no half file,
 * and an earlier file at @path as it was. Only a regular file is replaced
 * (see sec_export_write_file ()); a new file is 0600 when the document is
 * personal. */
gboolean     sec_document_write_pdf     (SecDocument        *self,
                                         const char         *path,
                                         SecPaper            paper,
                                         GError            **error);

G_END_DECLS
