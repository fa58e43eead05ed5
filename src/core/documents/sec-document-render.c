/* sec-document-render.c: drawing a document's pages, and its PDF file */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <gio/gio.h>

#include "core/documents/sec-document-locale.h"
#include "core/documents/sec-document-private.h"
#include "core/documents/sec-export-file.h"

/* Static helpers */

static void
set_gray (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

/* The lines of a page are drawn last, in one path per kind of line: over
 * the backgrounds, and with far fewer operations in the PDF. */
typedef struct {
  double x0, y0, x1, y1;
  double width;
  double gray;
} Line;

static void
add_line (GArray *lines,
          double  x0,
          double  y0,
          double  x1,
          double  y1,
          double  width,
          double  gray)
{
  Line line = { x0, y0, x1, y1, width, gray };

  g_array_append_val (lines, line);
}

static void
hline (GArray *lines,
       double  x0,
       double  x1,
       double  y,
       double  width,
       double  gray)
{
  add_line (lines, x0, y, x1, y, width, gray);
}

static void
add_box (GArray *lines,
         double  x0,
         double  y0,
         double  x1,
         double  y1)
{
  add_line (lines, x0, y0, x1, y0, 0.6, 0.3);
  add_line (lines, x1, y0, x1, y1, 0.6, 0.3);
  add_line (lines, x1, y1, x0, y1, 0.6, 0.3);
  add_line (lines, x0, y1, x0, y0, 0.6, 0.3);
}

static void
stroke_lines (cairo_t *cr,
              GArray  *lines)
{
  /* The text was placed with move_to; those are no lines. */
  cairo_new_path (cr);
  while (lines->len > 0)
    {
      Line *first = &g_array_index (lines, Line, 0);
      double width = first->width, gray = first->gray;

      for (guint i = 0; i < lines->len; i++)
        {
          Line *l = &g_array_index (lines, Line, i);

          if (l->width != width || l->gray != gray)
            continue;
          cairo_move_to (cr, l->x0, l->y0);
          cairo_line_to (cr, l->x1, l->y1);
          g_array_remove_index_fast (lines, i--);
        }
      cairo_set_line_width (cr, width);
      set_gray (cr, gray);
      cairo_stroke (cr);
    }
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
table_right (Table *table)
{
  return table->x[table->n_columns - 1] + table->w[table->n_columns - 1];
}

/* A background of @gray across the table, @height high from @y. */
static void
fill_band (cairo_t *cr,
           Table   *table,
           double   y,
           double   height,
           double   gray)
{
  set_gray (cr, gray);
  cairo_rectangle (cr, table->x[0], y, table_right (table) - table->x[0], height);
  cairo_fill (cr);
}

static void
draw_cell_borders (GArray *lines,
                   Table  *table,
                   double  y,
                   double  height)
{
  double x0 = table->x[0];
  double x1 = table_right (table);

  add_box (lines, x0, y, x1, y + height);
  for (guint c = 1; c < table->n_columns; c++)
    add_line (lines, table->x[c], y, table->x[c], y + height, 0.6, 0.3);
}

/* The lines of a row from @y, @height high: a grid's cell borders, or the
 * rule of @width and @gray under it. */
static void
add_row_lines (GArray *lines,
               Table  *table,
               double  y,
               double  height,
               double  width,
               double  gray)
{
  if (table->style == SEC_TABLE_GRID)
    draw_cell_borders (lines, table, y, height);
  else
    hline (lines, table->x[0], table_right (table), y + height, width, gray);
}

/* A table with a column of labels is a list (see SEC_COLUMN_LABEL). */
static gboolean
table_is_list (Table *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    if (table->columns[c].flags & SEC_COLUMN_LABEL)
      return TRUE;
  return FALSE;
}

/* The cells of a row from @y: a layout per column (NULL: empty), each in
 * a tag @cell (TH, TD) when tagged, in a TR; @cells: their markup, or NULL
 * for the header row. */
static void
show_cells (cairo_t      *cr,
            SecTags      *tags,
            const char   *cell,
            Table        *table,
            PangoLayout **layouts,
            char        **cells,
            double        y)
{
  gboolean list = tags != NULL && table_is_list (table);
  const char *row_tag = list ? "LI" : "TR";

  _sec_tags_begin (tags, cr, row_tag);
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (list)
        cell = (table->columns[c].flags & SEC_COLUMN_LABEL) ? "Lbl" : "LBody";
      _sec_tags_begin (tags, cr, cell);
      if (tags != NULL)
        {
          if (cells == NULL)
            _sec_tags_note (tags, NULL, NULL, "Column");
          else if (layouts[c] != NULL)
            _sec_tags_note (tags, _sec_tags_script_lang (cells[c]), NULL, NULL);
          else if (table->style == SEC_TABLE_GRID)
            /* A box of a form left for the reader to fill in: the
             * signature column of an attendance sheet. */
            _sec_tags_note (tags, NULL, table->columns[c].title, NULL);
        }
      if (layouts[c] != NULL)
        _sec_tags_show_layout (tags, cr, layouts[c], table->x[c] + CELL_PAD_X, y + CELL_PAD_Y);
      _sec_tags_end (tags, cr, cell);
    }
  _sec_tags_end (tags, cr, row_tag);
}

/* A table's header row: its header cells the first time, an artifact
 * when it is @repeated at the top of a new page. */
static void
draw_table_header (SecDocument *self,
                   cairo_t     *cr,
                   SecTags     *tags,
                   GArray      *lines,
                   Table       *table,
                   double       y,
                   gboolean     repeated)
{
  /* A list has no header cells: its column titles are furniture. */
  repeated = repeated || table_is_list (table);
  _sec_tags_begin (tags, cr, "Private");
  fill_band (cr, table, y, table->header_height, 0.89);
  if (!repeated)
    _sec_tags_end (tags, cr, "Private");

  set_gray (cr, 0.0);
  show_cells (cr, repeated ? NULL : tags, "TH", table, table->header_layouts, NULL, y);
  if (repeated)
    _sec_tags_end (tags, cr, "Private");

  add_row_lines (lines, table, y, table->header_height, 0.9, 0.2);
}

/* A group's heading across the table: a row of one header cell for its
 * rows, or an artifact when it is @repeated ("Belgium (continued)"). */
static void
draw_group (SecDocument *self,
            cairo_t     *cr,
            SecTags     *tags,
            GArray      *lines,
            Table       *table,
            PangoLayout *layout,
            double       y,
            double       height,
            gboolean     repeated)
{
  double x0 = table->x[0];
  double x1 = table_right (table);

  _sec_tags_begin (tags, cr, "Private");
  fill_band (cr, table, y, height, 0.95);
  if (!repeated)
    {
      _sec_tags_end (tags, cr, "Private");
      _sec_tags_begin (tags, cr, "TR");
      _sec_tags_begin (tags, cr, "TH");
      _sec_tags_note (tags, NULL, NULL, "Row");
    }
  set_gray (cr, 0.0);
  show (cr, layout, x0 + CELL_PAD_X, y + CELL_PAD_Y);
  if (!repeated)
    {
      _sec_tags_end (tags, cr, "TH");
      _sec_tags_end (tags, cr, "TR");
    }
  else
    _sec_tags_end (tags, cr, "Private");

  if (table->style == SEC_TABLE_GRID)
    add_box (lines, x0, y, x1, y + height);
  else
    hline (lines, x0, x1, y + height, 0.6, 0.45);
}

static void
draw_row (SecDocument *self,
          cairo_t     *cr,
          SecTags     *tags,
          GArray      *lines,
          Table       *table,
          Row         *row,
          double       y)
{
  if (row->kind == ROW_MUTED)
    {
      _sec_tags_begin (tags, cr, "Private");
      fill_band (cr, table, y, row->height, 0.965);
      _sec_tags_end (tags, cr, "Private");
    }

  set_gray (cr, row->kind == ROW_MUTED ? 0.3 : 0.0);
  show_cells (cr, tags, "TD", table, row->layouts, row->cells, y);

  add_row_lines (lines, table, y, row->height, 0.4, 0.7);
}

/* The page's furniture: an artifact when tagged. */
static void
draw_header_and_footer (SecDocument *self,
                        cairo_t     *cr,
                        SecTags     *tags,
                        GArray      *lines,
                        guint        page_nr)
{
  Page *page = g_ptr_array_index (self->pages, page_nr);
  double w = content_width (self);
  double x1 = MARGIN_SIDE + w;
  /* The first page has the letterhead above its running header. */
  double top = MARGIN_TOP + (page_nr == 0 ? self->letterhead_height : 0);
  double rule_y, footer_y;
  PangoLayout *layout;

  if (page_nr == 0)
    _sec_document_draw_letterhead (self, cr, tags);
  _sec_tags_begin (tags, cr, "Private");
  set_gray (cr, 0.15);
  show (cr, self->header_layouts[0], MARGIN_SIDE, top);
  show (cr, self->header_layouts[1], MARGIN_SIDE + w * 0.62 + 6, top);
  rule_y = top + self->header_height + RULE_GAP;
  hline (lines, MARGIN_SIDE, x1, rule_y, 0.6, 0.35);

  footer_y = self->height - MARGIN_BOTTOM - self->footer_height;
  hline (lines, MARGIN_SIDE, x1, footer_y - RULE_GAP, 0.6, 0.35);
  {
    g_autofree char *number = NULL;
    g_autofree char *escaped_number = NULL;
    const char *format = self->page_format && _sec_document_is_page_format (self->page_format) ? self->page_format : "Page %d of %d";

    set_gray (cr, 0.3);
    show (cr, g_ptr_array_index (self->footer_layouts, MIN (page->section, self->footer_layouts->len - 1)),
          MARGIN_SIDE, footer_y);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    /* The translation was checked by _sec_document_is_page_format (). */
    number = g_strdup_printf (format, page_nr + 1, self->pages->len);
#pragma GCC diagnostic pop
    escaped_number = g_markup_escape_text (number, -1);
    set_gray (cr, 0.0);
    _sec_document_set_markup (self, STYLE_FOOTER, escaped_number, 88, PANGO_ALIGN_RIGHT, &layout);
    show (cr, layout, x1 - 88, footer_y);
  }
  _sec_tags_end (tags, cr, "Private");
}

/**
 * sec_document_append_to_byte_array:
 * @closure: a #GByteArray
 *
 * A cairo_write_func_t that appends what cairo writes to @closure: how a
 * PDF or PNG surface is written to memory.
 */
cairo_status_t
sec_document_append_to_byte_array (void                *closure,
                                   const unsigned char *data,
                                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* "D:20240503101500Z" is not what cairo wants: it takes ISO 8601. */
static char *
dup_iso_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}


/* Public API: output */

/* Tagged: the table open, if any, ends (a table split across pages is one
 * table: it stays open from page to page). */
static void
end_table (SecTags *tags,
           cairo_t *cr)
{
  if (tags != NULL && tags->table_block != G_MAXUINT)
    {
      _sec_tags_end (tags, cr, tags->table_tag);
      tags->table_block = G_MAXUINT;
    }
}

/* Tagged: the table of @block begins unless it is open; returns whether it
 * was open (so that its header row is a repeated one). */
static gboolean
begin_table (SecTags *tags,
             cairo_t *cr,
             guint    block,
             Table   *table)
{
  if (tags == NULL || tags->table_block == block)
    return tags != NULL;
  end_table (tags, cr);
  tags->table_tag = table_is_list (table) ? "L" : "Table";
  _sec_tags_begin (tags, cr, tags->table_tag);
  tags->table_block = block;
  return FALSE;
}

static void
end_section (SecTags *tags,
             cairo_t *cr)
{
  end_table (tags, cr);
  if (tags != NULL && tags->section != G_MAXUINT)
    {
      _sec_tags_end (tags, cr, "Sect");
      tags->section = G_MAXUINT;
    }
}

/* Draws page @page_nr; with @tags (a PDF being made, page after page), in
 * structure tags: a section is a Sect, its first heading an H1 and the
 * others H2, a paragraph a P, a table a Table of TR rows of TH and TD
 * cells, and what is not content (see draw_header_and_footer ()) in
 * Private tags that _sec_tags_finish_pdf () makes artifacts. */
void
_sec_document_render_page_tagged (SecDocument *self,
                                  cairo_t     *cr,
                                  guint        page_nr,
                                  double       width,
                                  double       height,
                                  SecTags     *tags)
{
  g_autoptr(GArray) lines = NULL;
  Page *page;

  _sec_document_paginate (self, width, height);
  g_return_if_fail (page_nr < self->pages->len);
  page = g_ptr_array_index (self->pages, page_nr);

  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  if (tags != NULL && tags->section != page->section)
    {
      end_section (tags, cr);
      _sec_tags_begin (tags, cr, "Sect");
      tags->section = page->section;
      tags->had_heading = FALSE;
    }
  draw_header_and_footer (self, cr, tags, lines, page_nr);

  for (guint i = 0; i < page->placements->len; i++)
    {
      Placement *p = &g_array_index (page->placements, Placement, i);
      Block *block = g_ptr_array_index (self->blocks, p->block);
      PangoLayout *layout;
      const char *tag;

      switch (p->kind)
        {
        case PLACE_BLOCK:
          end_table (tags, cr);
          if (block->kind == BLOCK_HEADING)
            {
              g_autofree char *escaped = g_markup_escape_text (block->markup, -1);

              _sec_document_set_markup (self, STYLE_HEADING, escaped, content_width (self), PANGO_ALIGN_LEFT, &layout);
              tag = tags != NULL && tags->had_heading ? "H2" : "H1";
              if (tags != NULL)
                tags->had_heading = TRUE;
            }
          else
            {
              _sec_document_set_markup (self, STYLE_PARAGRAPH, block->markup, content_width (self), PANGO_ALIGN_LEFT, &layout);
              tag = "P";
            }
          _sec_tags_begin (tags, cr, tag);
          _sec_tags_note (tags, _sec_tags_script_lang (block->markup), NULL, NULL);
          set_gray (cr, 0.0);
          _sec_tags_show_layout (tags, cr, layout, MARGIN_SIDE, p->y);
          _sec_tags_end (tags, cr, tag);
          break;

        case PLACE_TABLE_HEADER:
          {
            gboolean repeated = begin_table (tags, cr, p->block, block->table);

            draw_table_header (self, cr, tags, lines, block->table, p->y, repeated);
          }
          break;

        case PLACE_ROW:
          {
            Row *row = g_ptr_array_index (block->table->rows, p->row);

            begin_table (tags, cr, p->block, block->table);
            if (row->kind == ROW_GROUP)
              draw_group (self, cr, tags, lines, block->table, row->layouts[0], p->y, p->height, FALSE);
            else
              draw_row (self, cr, tags, lines, block->table, row, p->y);
          }
          break;

        case PLACE_CONTINUED:
          {
            Row *row = g_ptr_array_index (block->table->rows, p->row);

            begin_table (tags, cr, p->block, block->table);
            draw_group (self, cr, tags, lines, block->table, row->layouts[1], p->y, p->height, TRUE);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  /* The rules: cell borders, lines between rows, the header's and footer's. */
  _sec_tags_begin (tags, cr, "Private");
  stroke_lines (cr, lines);
  _sec_tags_end (tags, cr, "Private");
  cairo_restore (cr);
}

void
sec_document_render_page (SecDocument *self,
                          cairo_t     *cr,
                          guint        page_nr,
                          double       width,
                          double       height)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  _sec_document_render_page_tagged (self, cr, page_nr, width, height, NULL);
}

/* The language a document is written in: @language when set, or the
 * first of the user's that documents are written in (their strings come
 * from it), or English. */
char *
_sec_document_dup_language (const char *language)
{
  const char *const *offered = sec_document_languages ();
  const char *const *names = g_get_language_names ();

  if (language != NULL && *language)
    return g_strdup (language);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *code = g_strndup (names[i], strcspn (names[i], "_.@"));

      if (g_strv_contains (offered, code))
        return g_steal_pointer (&code);
    }
  return g_strdup ("en");
}

/* The tags of a PDF about to be drawn: none when SEC_DOCUMENT_UNTAGGED is
 * set. Tagging costs little (see benchmarks/core/bench-documents.c, which
 * alone turns it off to measure how little). */
SecTags *
_sec_pdf_tags_new (void)
{
  return g_getenv ("SEC_DOCUMENT_UNTAGGED") == NULL ? _sec_tags_new () : NULL;
}

/* A PDF surface writing into @bytes, with the document's information:
 * every PDF Secretariat makes, through the page engine or drawn outside
 * its layout (badges), begins here and ends in _sec_pdf_finish (). */
cairo_surface_t *
_sec_pdf_surface_new (GByteArray *bytes,
                      double      width,
                      double      height,
                      const char *title,
                      const char *author,
                      const char *subject)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (sec_document_append_to_byte_array,
                                                                  bytes, width, height);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
  g_autofree char *creator = g_strdup_printf ("Secretariat %s", PACKAGE_VERSION);
  g_autofree char *now = dup_iso_now ();

  if (title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  if (subject)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, now);
#endif
  return surface;
}

/* Destroys @cr, finishes and destroys @surface and returns the PDF in
 * @bytes, tagged in @language when @tags is not NULL. Takes @bytes and
 * @tags. */
GBytes *
_sec_pdf_finish (cairo_surface_t  *surface,
                 cairo_t          *cr,
                 GByteArray       *bytes,
                 SecTags          *tags,
                 const char       *language,
                 GError          **error)
{
  g_autoptr(GBytes) untagged = NULL;
  cairo_status_t status = cairo_status (cr);
  GBytes *tagged;

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      _sec_tags_free (tags);
      g_byte_array_unref (bytes);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF document: %s"), cairo_status_to_string (status));
      return NULL;
    }
  untagged = g_byte_array_free_to_bytes (bytes);
  if (tags == NULL)
    return g_steal_pointer (&untagged);
  tagged = _sec_tags_finish_pdf (tags, untagged, language, error);
  _sec_tags_free (tags);
  return tagged;
}

/**
 * sec_document_to_pdf:
 *
 * Returns: (transfer full): the PDF file's bytes, or %NULL with @error set
 */
GBytes *
sec_document_to_pdf (SecDocument  *self,
                     SecPaper      paper,
                     GError      **error)
{
  return sec_document_to_pdf_full (self, paper, NULL, NULL, NULL, error);
}

/**
 * sec_document_to_pdf_full:
 * @progress: (nullable): called in this thread after the layout and after
 *   each page drawn, with the part done (0 to 1)
 * @cancellable: (nullable): checked before each page
 *
 * Returns: (transfer full): the PDF file's bytes, or %NULL with @error set
 *   (G_IO_ERROR_CANCELLED when cancelled)
 */
GBytes *
sec_document_to_pdf_full (SecDocument      *self,
                          SecPaper          paper,
                          SecProgressFunc   progress,
                          gpointer          progress_data,
                          GCancellable     *cancellable,
                          GError          **error)
{
  GByteArray *bytes;
  g_autofree char *language = NULL;
  cairo_surface_t *surface;
  double width, height;
  SecTags *tags;
  guint n_pages;
  cairo_t *cr;

  g_return_val_if_fail (SEC_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  language = _sec_document_dup_language (self->language);
  sec_paper_get_size (paper, &width, &height);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  n_pages = sec_document_get_n_pages (self, width, height);
  /* The layout takes about a tenth of the time, the drawing the rest. */
  if (progress != NULL)
    progress (0.1, progress_data);

  bytes = g_byte_array_new ();
  surface = _sec_pdf_surface_new (bytes, width, height, self->title, self->author, self->subject);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
  /* An outline entry per section: the parts of a meeting pack. */
  if (self->sections->len > 1)
    for (guint s = 0; s < self->sections->len; s++)
      {
        Section *section = &g_array_index (self->sections, Section, s);
        g_autofree char *link = g_strdup_printf ("page=%u", self->section_pages[s] + 1);

        cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                       section->name ? section->name : "", link, 0);
      }
#endif

  tags = _sec_pdf_tags_new ();
  cr = cairo_create (surface);
  _sec_tags_begin (tags, cr, "Document");
  for (guint i = 0; i < n_pages; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      _sec_document_render_page_tagged (self, cr, i, width, height, tags);
      if (i + 1 == n_pages)
        {
          end_section (tags, cr);
          _sec_tags_end (tags, cr, "Document");
        }
      cairo_show_page (cr);
      if (progress != NULL)
        progress (0.1 + 0.85 * (i + 1) / n_pages, progress_data);
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      /* The pages drawn so far are finished untagged and dropped. */
      g_autoptr(GBytes) dropped = NULL;

      _sec_tags_free (tags);
      dropped = _sec_pdf_finish (surface, cr, bytes, NULL, language, NULL);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  return _sec_pdf_finish (surface, cr, bytes, tags, language, error);
}

gboolean
sec_document_write_pdf (SecDocument  *self,
                        const char   *path,
                        SecPaper      paper,
                        GError      **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (SEC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((pdf = sec_document_to_pdf (self, paper, error)) == NULL)
    return FALSE;
  return sec_export_write_file (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                self->personal ? SEC_FILE_PERSONAL : SEC_FILE_PUBLIC, error);
}
