/* sec-document-private.h: what the page engine's files share
 *
 * SecDocument spans three files, by job: sec-document.c holds the model
 * (the blocks, sections and tables a document is filled with) and the
 * paper; sec-document-layout.c sets the text with Pango and breaks it into
 * pages; sec-document-render.c draws a page with cairo and writes the PDF.
 * This header is theirs alone: the rest of the application uses
 * sec-document.h.
 */
#pragma once

#include <pango/pangocairo.h>

#include "core/documents/sec-document.h"

G_BEGIN_DECLS

/* Families in order of preference: GNOME's own, then one that has every
 * European script (Greek, Cyrillic...); fontconfig takes each character
 * from the first family that has it. */
#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

#define MM (72.0 / 25.4)
#define MARGIN_SIDE   (15.0 * MM)
#define MARGIN_TOP    (12.0 * MM)
#define MARGIN_BOTTOM (12.0 * MM)
#define HEADER_GAP    14.0   /* between the running header's rule and the content */
#define FOOTER_GAP    12.0   /* between the content and the footer's rule */
#define RULE_GAP      4.0    /* between the header or footer and its rule */
#define CELL_PAD_X    4.5
#define CELL_PAD_Y    3.5
#define HEADING_BEFORE 10.0  /* when not at the top of a page */
#define HEADING_AFTER 6.0
#define PARAGRAPH_AFTER 5.0
#define TABLE_BEFORE  4.0
#define TABLE_AFTER   12.0

typedef enum {
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_TABLE_HEADER,
  STYLE_GROUP,
  STYLE_HEADING,
  STYLE_PARAGRAPH,
  STYLE_RUNNING_HEADER,
  STYLE_FOOTER,
  N_STYLES
} Style;

typedef enum {
  ROW_NORMAL,
  ROW_MUTED,
  ROW_GROUP,
} RowKind;

typedef struct {
  RowKind       kind;
  char        **cells;     /* markup, one per column; a group: its text, then the continued text */
  PangoLayout **layouts;   /* the cells laid out (NULL for empty ones), kept for drawing */
  guint         n_layouts;
  double        height;    /* laid out at the document's width */
  double        continued_height;
} Row;

typedef struct {
  SecTableStyle      style;
  guint              n_columns;
  SecDocumentColumn *columns;    /* titles owned */
  double            *x;          /* left edge of each column, laid out */
  double            *w;          /* width of each column */
  double             min_row_height;
  double             header_height;
  PangoLayout      **header_layouts; /* one per column, laid out */
  GPtrArray         *rows;       /* Row */
} Table;

typedef enum {
  BLOCK_SECTION,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
} BlockKind;

typedef struct {
  BlockKind  kind;
  char      *markup;   /* heading (plain text), paragraph */
  Table     *table;
  guint      section;  /* BLOCK_SECTION: its index */
  double     height;   /* heading, paragraph: laid out */
} Block;

typedef struct {
  char  *name;
  char  *note;
  guint  first_page;
} Section;

typedef enum {
  PLACE_BLOCK,          /* a heading or a paragraph */
  PLACE_TABLE_HEADER,
  PLACE_ROW,
  PLACE_CONTINUED,      /* a group's heading repeated on a new page */
} PlaceKind;

typedef struct {
  PlaceKind kind;
  guint     block;
  guint     row;
  double    y;
  double    height;
} Placement;

typedef struct {
  guint   section;
  GArray *placements;   /* Placement */
} Page;

struct _SecDocument
{
  GObject parent_instance;

  char *title;
  char *author;
  char *subject;
  char *header_left;
  char *header_right;
  char *footer_text;
  char *page_format;
  gboolean personal;     /* contact data or needs: written 0600 */
  char *language;        /* ISO 639 code, NULL: the user's */

  GPtrArray *blocks;     /* Block */
  GArray    *sections;   /* Section */
  Table     *open_table; /* borrowed from the last block, while rows are added */

  /* The layout, for one page size */
  PangoContext *context;
  PangoLayout  *layouts[N_STYLES];
  double        width;
  double        height;
  double        header_height;
  double        footer_height;
  PangoLayout  *header_layouts[2];  /* the running header: left, right */
  GPtrArray    *footer_layouts;     /* the footer's text of each section */
  GPtrArray    *pages;   /* Page */
  guint        *section_pages;

  /* The letterhead on the first page (sec-document-letterhead.c) */
  char            *letterhead_name;
  char            *letterhead_reference;
  cairo_surface_t *letterhead_logo;
  PangoLayout     *letterhead_layouts[2];  /* name, reference */
  double           letterhead_height;      /* with the gap below it; 0: none */
};

/* The width between the side margins, for the page size laid out. */
static inline double
content_width (SecDocument *self)
{
  return self->width - 2 * MARGIN_SIDE;
}

/* The type of a column's cells. */
static inline Style
_sec_document_column_style (const SecDocumentColumn *column)
{
  return (column->flags & SEC_COLUMN_SMALL) ? STYLE_SMALL : STYLE_BODY;
}
/* While a PDF is drawn: the structure tags begun so far (in order), notes
 * on some of them, and where the drawing is (sec-document-tags.c). */
typedef struct {
  GPtrArray *names;        /* const char *, static: each tag begun */
  GArray    *notes;        /* Note, by the index of their tag */
  GArray    *ends;         /* guint, by tag: the index after its last descendant */
  GArray    *open;         /* guint: the indices of the tags open */
  guint      section;      /* the Sect open, G_MAXUINT: none */
  guint      table_block;  /* the Table open, G_MAXUINT: none */
  const char *table_tag;   /* its tag: "Table", or "L" for a list */
  gboolean   had_heading;  /* in the section: the next heading is an H2 */
} SecTags;

/* sec-document.c */
gboolean _sec_document_is_page_format    (const char   *format);
void     _sec_document_row_clear_layouts (Row          *row);

/* sec-document-layout.c */
void     _sec_document_invalidate_layout (SecDocument  *self);
void     _sec_document_paginate          (SecDocument  *self,
                                          double        width,
                                          double        height);
/* (transfer none): the layout of @style, made with the document's
 * context (which it makes the first time). */
PangoLayout *_sec_document_get_layout    (SecDocument  *self,
                                          Style         style);
double   _sec_document_set_markup        (SecDocument     *self,
                                          Style            style,
                                          const char      *markup,
                                          double           width,
                                          PangoAlignment   alignment,
                                          PangoLayout    **layout_out);
PangoLayout *_sec_document_new_layout    (SecDocument     *self,
                                          Style            style,
                                          const char      *markup,
                                          double           width,
                                          PangoAlignment   alignment,
                                          double          *height);

/* sec-document-columns.c */
/* @measured (n_rows × n_columns, row by row) gets a reference to each
 * cell laid out unwrapped, as measured (NULL: empty, or a group's row);
 * equal cells of a column share one. */
void     _sec_document_lay_out_columns   (SecDocument  *self,
                                          Table        *table,
                                          PangoLayout **measured);
/* sec-document-render.c */
void     _sec_document_render_page_tagged (SecDocument *self,
                                           cairo_t     *cr,
                                           guint        page_nr,
                                           double       width,
                                           double       height,
                                           SecTags     *tags);
/* How every PDF is made, also those drawn outside the page engine's
 * layout (badges): a surface with the document's information, tags unless
 * SEC_DOCUMENT_UNTAGGED is set, and the finishing (tagged in the language
 * of _sec_document_dup_language ()). */
char            *_sec_document_dup_language (const char   *language);
SecTags         *_sec_pdf_tags_new          (void);
cairo_surface_t *_sec_pdf_surface_new       (GByteArray   *bytes,
                                             double        width,
                                             double        height,
                                             const char   *title,
                                             const char   *author,
                                             const char   *subject);
GBytes          *_sec_pdf_finish            (cairo_surface_t *surface,
                                             cairo_t      *cr,
                                             GByteArray   *bytes,
                                             SecTags      *tags,
                                             const char   *language,
                                             GError      **error);

/* sec-document-letterhead.c */
void     _sec_document_init_letterhead   (SecDocument  *self);
void     _sec_document_clear_letterhead  (SecDocument  *self);
double   _sec_document_lay_out_letterhead (SecDocument *self);
void     _sec_document_draw_letterhead   (SecDocument  *self,
                                          cairo_t      *cr,
                                          SecTags      *tags);

/* sec-document-tags.c: every function takes tags NULL (untagged) */
SecTags    *_sec_tags_new           (void);
void        _sec_tags_free          (SecTags     *tags);
void        _sec_tags_begin         (SecTags     *tags,
                                     cairo_t     *cr,
                                     const char  *name);
void        _sec_tags_begin_with    (SecTags     *tags,
                                     cairo_t     *cr,
                                     const char  *name,
                                     const char  *attributes);
void        _sec_tags_end           (SecTags     *tags,
                                     cairo_t     *cr,
                                     const char  *name);
void        _sec_tags_note          (SecTags     *tags,
                                     const char  *lang,
                                     const char  *alt,
                                     const char  *scope);
const char *_sec_tags_script_lang   (const char  *markup);
/* sec-document-links.c */
void        _sec_tags_show_layout   (SecTags     *tags,
                                     cairo_t     *cr,
                                     PangoLayout *layout,
                                     double       x,
                                     double       y);
GBytes     *_sec_tags_finish_pdf    (SecTags     *tags,
                                     GBytes      *pdf,
                                     const char  *lang,
                                     GError     **error);

G_END_DECLS
