/* sec-document-render.c: drawing a document's pages, and its PDF file */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <gio/gio.h>

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

/* The cells of a row from @y: a layout per column (NULL: empty). */
static void
show_cells (cairo_t      *cr,
            Table        *table,
            PangoLayout **layouts,
            double        y)
{
  for (guint c = 0; c < table->n_columns; c++)
    if (layouts[c] != NULL)
      show (cr, layouts[c], table->x[c] + CELL_PAD_X, y + CELL_PAD_Y);
}

static void
draw_table_header (SecDocument *self,
                   cairo_t     *cr,
                   GArray      *lines,
                   Table       *table,
                   double       y)
{
  fill_band (cr, table, y, table->header_height, 0.89);

  set_gray (cr, 0.0);
  show_cells (cr, table, table->header_layouts, y);

  add_row_lines (lines, table, y, table->header_height, 0.9, 0.2);
}

static void
draw_group (SecDocument *self,
            cairo_t     *cr,
            GArray      *lines,
            Table       *table,
            PangoLayout *layout,
            double       y,
            double       height)
{
  double x0 = table->x[0];
  double x1 = table_right (table);

  fill_band (cr, table, y, height, 0.95);
  set_gray (cr, 0.0);
  show (cr, layout, x0 + CELL_PAD_X, y + CELL_PAD_Y);

  if (table->style == SEC_TABLE_GRID)
    add_box (lines, x0, y, x1, y + height);
  else
    hline (lines, x0, x1, y + height, 0.6, 0.45);
}

static void
draw_row (SecDocument *self,
          cairo_t     *cr,
          GArray      *lines,
          Table       *table,
          Row         *row,
          double       y)
{
  if (row->kind == ROW_MUTED)
    fill_band (cr, table, y, row->height, 0.965);

  set_gray (cr, row->kind == ROW_MUTED ? 0.3 : 0.0);
  show_cells (cr, table, row->layouts, y);

  add_row_lines (lines, table, y, row->height, 0.4, 0.7);
}

static void
draw_header_and_footer (SecDocument *self,
                        cairo_t     *cr,
                        GArray      *lines,
                        guint        page_nr)
{
  Page *page = g_ptr_array_index (self->pages, page_nr);
  double w = content_width (self);
  double x1 = MARGIN_SIDE + w;
  double rule_y, footer_y;
  PangoLayout *layout;

  set_gray (cr, 0.15);
  show (cr, self->header_layouts[0], MARGIN_SIDE, MARGIN_TOP);
  show (cr, self->header_layouts[1], MARGIN_SIDE + w * 0.62 + 6, MARGIN_TOP);
  rule_y = MARGIN_TOP + self->header_height + RULE_GAP;
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
}

static cairo_status_t
append_to_array (void                *closure,
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

void
sec_document_render_page (SecDocument *self,
                          cairo_t     *cr,
                          guint        page_nr,
                          double       width,
                          double       height)
{
  g_autoptr(GArray) lines = NULL;
  Page *page;

  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  _sec_document_paginate (self, width, height);
  g_return_if_fail (page_nr < self->pages->len);
  page = g_ptr_array_index (self->pages, page_nr);

  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  draw_header_and_footer (self, cr, lines, page_nr);

  for (guint i = 0; i < page->placements->len; i++)
    {
      Placement *p = &g_array_index (page->placements, Placement, i);
      Block *block = g_ptr_array_index (self->blocks, p->block);
      PangoLayout *layout;

      switch (p->kind)
        {
        case PLACE_BLOCK:
          if (block->kind == BLOCK_HEADING)
            {
              g_autofree char *escaped = g_markup_escape_text (block->markup, -1);

              _sec_document_set_markup (self, STYLE_HEADING, escaped, content_width (self), PANGO_ALIGN_LEFT, &layout);
            }
          else
            _sec_document_set_markup (self, STYLE_PARAGRAPH, block->markup, content_width (self), PANGO_ALIGN_LEFT, &layout);
          set_gray (cr, 0.0);
          show (cr, layout, MARGIN_SIDE, p->y);
          break;

        case PLACE_TABLE_HEADER:
          draw_table_header (self, cr, lines, block->table, p->y);
          break;

        case PLACE_ROW:
          {
            Row *row = g_ptr_array_index (block->table->rows, p->row);

            if (row->kind == ROW_GROUP)
              draw_group (self, cr, lines, block->table, row->layouts[0], p->y, p->height);
            else
              draw_row (self, cr, lines, block->table, row, p->y);
          }
          break;

        case PLACE_CONTINUED:
          {
            Row *row = g_ptr_array_index (block->table->rows, p->row);

            draw_group (self, cr, lines, block->table, row->layouts[1], p->y, p->height);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  stroke_lines (cr, lines);
  cairo_restore (cr);
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
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *creator = g_strdup_printf ("Secretariat %s", PACKAGE_VERSION);
  g_autofree char *now = dup_iso_now ();
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  guint n_pages;
  cairo_t *cr;

  g_return_val_if_fail (SEC_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sec_paper_get_size (paper, &width, &height);
  n_pages = sec_document_get_n_pages (self, width, height);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, width, height);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
  if (self->title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  if (self->subject)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, now);

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

  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      sec_document_render_page (self, cr, i, width, height);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF document: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
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
