/* sec-document-layout.c: setting a document's text and breaking it into pages */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/documents/sec-document-private.h"

/* The type of each style: its size in points and its weight. */
static const struct {
  double      size;
  PangoWeight weight;
} styles[N_STYLES] = {
  [STYLE_BODY] = { 9.0, PANGO_WEIGHT_NORMAL },
  [STYLE_SMALL] = { 8.0, PANGO_WEIGHT_NORMAL },
  [STYLE_TABLE_HEADER] = { 8.0, PANGO_WEIGHT_BOLD },
  [STYLE_GROUP] = { 9.0, PANGO_WEIGHT_BOLD },
  [STYLE_HEADING] = { 15.0, PANGO_WEIGHT_BOLD },
  [STYLE_PARAGRAPH] = { 9.5, PANGO_WEIGHT_NORMAL },
  [STYLE_RUNNING_HEADER] = { 8.5, PANGO_WEIGHT_NORMAL },
  [STYLE_FOOTER] = { 7.5, PANGO_WEIGHT_NORMAL },
};

/* Static helpers */

static void
page_free (Page *page)
{
  g_array_unref (page->placements);
  g_free (page);
}

void
_sec_document_invalidate_layout (SecDocument *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->section_pages, g_free);
  self->width = self->height = 0;
}

PangoLayout *
_sec_document_get_layout (SecDocument *self,
                          Style        style)
{
  g_assert (style < N_STYLES);

  if (self->context == NULL)
    {
      PangoFontMap *map = pango_cairo_font_map_get_default ();
      cairo_font_options_t *options = cairo_font_options_create ();

      /* Unhinted metrics at 72 dpi: the same layout on paper, in a PDF
       * and on a preview at any zoom. */
      self->context = pango_font_map_create_context (map);
      pango_cairo_context_set_resolution (self->context, 72.0);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->context, options);
      cairo_font_options_destroy (options);
      pango_context_set_round_glyph_positions (self->context, FALSE);
    }

  if (self->layouts[style] == NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);
      PangoLayout *layout = pango_layout_new (self->context);

      pango_font_description_set_size (desc, (int) (styles[style].size * PANGO_SCALE));
      pango_font_description_set_weight (desc, styles[style].weight);
      pango_layout_set_font_description (layout, desc);
      /* A long word (an address, a link) breaks rather than overflows. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_font_description_free (desc);
      self->layouts[style] = layout;
    }
  return self->layouts[style];
}

/* A word longer than this many characters gets a zero-width space after
 * each of its further characters. Pango breaks a word too long for its
 * line at any character (PANGO_WRAP_WORD_CHAR), but shapes the rest of the
 * word again for every line: a 70,000-character word took seconds, growing
 * with the square of its length. Offered a break after each character it
 * breaks at the same places, in linear time. */
#define LONG_WORD 100
#define ZERO_WIDTH_SPACE "\xe2\x80\x8b"

/* (transfer full) (nullable): @markup with a break offered inside its
 * long words (text only, never inside a tag or an entity), or NULL when it
 * has none. */
static char *
dup_with_breaks (const char *markup)
{
  GString *out = NULL;
  const char *p, *copied = markup;
  gboolean in_tag = FALSE;
  guint run = 0;

  for (p = markup; *p; )
    {
      const char *next = g_utf8_next_char (p);

      if (in_tag || *p == '<')
        in_tag = *p != '>';
      else if (g_unichar_isspace (g_utf8_get_char (p)))
        run = 0;
      else
        {
          /* An entity ("&amp;") is one character. */
          if (*p == '&' && strchr (p, ';') != NULL)
            next = strchr (p, ';') + 1;
          if (++run > LONG_WORD)
            {
              if (out == NULL)
                out = g_string_sized_new (strlen (markup) * 2);
              g_string_append_len (out, copied, next - copied);
              g_string_append (out, ZERO_WIDTH_SPACE);
              copied = next;
            }
        }
      p = next;
    }
  if (out == NULL)
    return NULL;
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

/* Plain text, the most common, skips the markup parser. */
static void
set_layout_markup (PangoLayout *layout,
                   const char  *markup)
{
  g_autofree char *broken = markup ? dup_with_breaks (markup) : NULL;

  if (broken != NULL)
    markup = broken;
  if (markup == NULL || strpbrk (markup, "<&") == NULL)
    {
      /* set_text () keeps the attributes of earlier markup. */
      pango_layout_set_attributes (layout, NULL);
      pango_layout_set_text (layout, markup ? markup : "", -1);
    }
  else
    pango_layout_set_markup (layout, markup, -1);
}

/* Sets @markup in the layout of @style, @width wide (-1: unwrapped);
 * returns its height. */
double
_sec_document_set_markup (SecDocument     *self,
                          Style            style,
                          const char      *markup,
                          double           width,
                          PangoAlignment   alignment,
                          PangoLayout    **layout_out)
{
  PangoLayout *layout = _sec_document_get_layout (self, style);
  int h;

  pango_layout_set_width (layout, width < 0 ? -1 : pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_alignment (layout, alignment);
  set_layout_markup (layout, markup);
  pango_layout_get_size (layout, NULL, &h);
  if (layout_out)
    *layout_out = layout;
  return pango_units_to_double (h);
}

/* A new layout of @markup in @style, @width wide (-1: unwrapped), and its
 * height: the table's cells keep theirs from measuring to drawing, as
 * laying text out is most of the work. */
PangoLayout *
_sec_document_new_layout (SecDocument    *self,
                          Style           style,
                          const char     *markup,
                          double          width,
                          PangoAlignment  alignment,
                          double         *height)
{
  /* The style's layout first: it makes the context. */
  const PangoFontDescription *desc = pango_layout_get_font_description (_sec_document_get_layout (self, style));
  PangoLayout *layout = pango_layout_new (self->context);
  int h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, width < 0 ? -1 : pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_alignment (layout, alignment);
  set_layout_markup (layout, markup);
  pango_layout_get_size (layout, NULL, &h);
  *height = pango_units_to_double (h);
  return layout;
}

/* The same at a width, never unwrapped (a column narrower than a point
 * still wraps). */
static PangoLayout *
new_layout (SecDocument    *self,
            Style           style,
            const char     *markup,
            double          width,
            PangoAlignment  alignment,
            double         *height)
{
  return _sec_document_new_layout (self, style, markup, MAX (width, 1.0), alignment, height);
}

/* Whether @layout, laid out unwrapped, is as it would be in a column
 * @width wide: it fits, and its lines run left to right (a right-to-left
 * paragraph is aligned to the column's right edge once it has a width). */
static gboolean
fits_unwrapped (PangoLayout *layout,
                double       width)
{
  int w;

  pango_layout_get_size (layout, &w, NULL);
  if (w > pango_units_from_double (MAX (width, 1.0)))
    return FALSE;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    if (((PangoLayoutLine *) l->data)->resolved_dir != PANGO_DIRECTION_LTR)
      return FALSE;
  return TRUE;
}

static PangoAlignment
column_alignment (const SecDocumentColumn *column)
{
  return (column->flags & SEC_COLUMN_END) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static double
content_top (SecDocument *self)
{
  return MARGIN_TOP + self->header_height + RULE_GAP + HEADER_GAP;
}

static double
content_bottom (SecDocument *self)
{
  return self->height - MARGIN_BOTTOM - self->footer_height - RULE_GAP - FOOTER_GAP;
}

static void
measure_table (SecDocument *self,
               Table       *table)
{
  guint n = table->n_columns;
  double width = content_width (self);
  /* Each cell as measured; equal cells of a column share a layout (a
   * status, a country, an organisation). */
  g_autofree PangoLayout **measured = g_new0 (PangoLayout *, (gsize) n * MAX (table->rows->len, 1));

  _sec_document_lay_out_columns (self, table, measured);

  table->header_height = 0;
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *escaped = g_markup_escape_text (table->columns[c].title, -1);
      double h;

      g_clear_object (&table->header_layouts[c]);
      table->header_layouts[c] = new_layout (self, STYLE_TABLE_HEADER, escaped, table->w[c] - 2 * CELL_PAD_X,
                                             column_alignment (&table->columns[c]), &h);
      table->header_height = MAX (table->header_height, h + 2 * CELL_PAD_Y);
    }

  g_assert (self->context != NULL);
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);

      _sec_document_row_clear_layouts (row);
      if (row->kind == ROW_GROUP)
        {
          row->n_layouts = 2;
          row->layouts = g_new0 (PangoLayout *, 2);
          row->layouts[0] = new_layout (self, STYLE_GROUP, row->cells[0], width - 2 * CELL_PAD_X,
                                        PANGO_ALIGN_LEFT, &row->height);
          row->layouts[1] = new_layout (self, STYLE_GROUP, row->cells[1], width - 2 * CELL_PAD_X,
                                        PANGO_ALIGN_LEFT, &row->continued_height);
          row->height += 2 * CELL_PAD_Y;
          row->continued_height += 2 * CELL_PAD_Y;
          continue;
        }

      row->height = table->min_row_height;
      row->n_layouts = n;
      row->layouts = g_new0 (PangoLayout *, n);
      for (guint c = 0; c < n; c++)
        {
          /* Taken: the array's reference is the row's. */
          PangoLayout *layout = g_steal_pointer (&measured[r * n + c]);
          double w = table->w[c] - 2 * CELL_PAD_X;
          int h;

          if (layout == NULL)
            continue;
          /* A cell that fits its column on the lines it was measured on
           * is laid out already: the same lines at any width it fits in
           * (left-aligned, as unwrapped). The others are laid out again at
           * their column's width, in the layout they were measured in:
           * its text and attributes as they are, not parsed a second
           * time. A layout with a width is one done for an equal cell. */
          if (pango_layout_get_width (layout) == -1 &&
              !(column_alignment (&table->columns[c]) == PANGO_ALIGN_LEFT && fits_unwrapped (layout, w)))
            {
              pango_layout_set_width (layout, pango_units_from_double (MAX (w, 1.0)));
              pango_layout_set_alignment (layout, column_alignment (&table->columns[c]));
            }
          row->layouts[c] = layout;
          pango_layout_get_size (layout, NULL, &h);
          row->height = MAX (row->height, pango_units_to_double (h) + 2 * CELL_PAD_Y);
        }
    }
}

/* Height a row needs at the bottom of a page: a group heading keeps its
 * first row with it. */
static double
row_need (Table *table,
          guint  r)
{
  Row *row = g_ptr_array_index (table->rows, r);
  double need = row->height;

  if (row->kind == ROW_GROUP && r + 1 < table->rows->len)
    {
      Row *next = g_ptr_array_index (table->rows, r + 1);

      if (next->kind != ROW_GROUP)
        need += next->height;
    }
  return need;
}

/* What a block needs to start on a page: a heading or an introduction
 * keeps the beginning of what follows with it. */
static double
block_need (SecDocument *self,
            guint        i)
{
  Block *block = g_ptr_array_index (self->blocks, i);

  switch (block->kind)
    {
    case BLOCK_SECTION:
      return 0;
    case BLOCK_TABLE:
      return TABLE_BEFORE + block->table->header_height +
             (block->table->rows->len ? row_need (block->table, 0) : 0);
    case BLOCK_HEADING:
    case BLOCK_PARAGRAPH:
      {
        double own = block->height + (block->kind == BLOCK_HEADING ? HEADING_AFTER : PARAGRAPH_AFTER);

        if (i + 1 < self->blocks->len)
          {
            Block *next = g_ptr_array_index (self->blocks, i + 1);

            if (next->kind == BLOCK_PARAGRAPH || next->kind == BLOCK_TABLE)
              return own + block_need (self, i + 1);
          }
        return own;
      }
    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  SecDocument *self;
  Page        *page;
  double       y;
  guint        section;
} Flow;

static void
new_page (Flow *flow)
{
  flow->page = g_new0 (Page, 1);
  flow->page->section = flow->section;
  flow->page->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = content_top (flow->self);
  if (flow->self->pages->len == 1)
    flow->y += flow->self->letterhead_height;
}

static gboolean
page_is_empty (Flow *flow)
{
  return flow->page->placements->len == 0;
}

static void
place (Flow      *flow,
       PlaceKind  kind,
       guint      block,
       guint      row,
       double     height)
{
  Placement p = { kind, block, row, flow->y, height };

  g_array_append_val (flow->page->placements, p);
  flow->y += height;
}

/* Starts a new page unless @need fits below, or the page is still empty
 * (then it overflows: a row taller than a page cannot be helped). */
static gboolean
break_unless_fits (Flow   *flow,
                   double  need)
{
  if (flow->y + need <= content_bottom (flow->self) + 0.01 || page_is_empty (flow))
    return FALSE;
  new_page (flow);
  return TRUE;
}

static void
flow_table (Flow  *flow,
            guint  b)
{
  Block *block = g_ptr_array_index (flow->self->blocks, b);
  Table *table = block->table;
  gint group = -1;

  if (!page_is_empty (flow))
    flow->y += TABLE_BEFORE;
  break_unless_fits (flow, table->header_height + (table->rows->len ? row_need (table, 0) : 0));
  place (flow, PLACE_TABLE_HEADER, b, 0, table->header_height);

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);

      if (flow->y + row_need (table, r) > content_bottom (flow->self) + 0.01)
        {
          new_page (flow);
          place (flow, PLACE_TABLE_HEADER, b, 0, table->header_height);
          if (row->kind != ROW_GROUP && group >= 0)
            {
              Row *g = g_ptr_array_index (table->rows, group);

              place (flow, PLACE_CONTINUED, b, (guint) group, g->continued_height);
            }
        }
      if (row->kind == ROW_GROUP)
        group = (gint) r;
      place (flow, PLACE_ROW, b, r, row->height);
    }
  flow->y += TABLE_AFTER;
}

void
_sec_document_paginate (SecDocument *self,
                        double       width,
                        double       height)
{
  Flow flow = { self, NULL, 0, 0 };
  double w;

  if (self->pages != NULL && self->width == width && self->height == height)
    return;

  _sec_document_invalidate_layout (self);
  self->width = width;
  self->height = height;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  w = content_width (self);

  /* The running header and the tallest footer decide the room left. */
  {
    double left, right;
    guint n_footers = MAX (self->sections->len, 1);

    for (guint i = 0; i < 2; i++)
      g_clear_object (&self->header_layouts[i]);
    self->header_layouts[0] = new_layout (self, STYLE_RUNNING_HEADER, self->header_left, w * 0.62 - 6,
                                          PANGO_ALIGN_LEFT, &left);
    self->header_layouts[1] = new_layout (self, STYLE_RUNNING_HEADER, self->header_right, w * 0.38 - 6,
                                          PANGO_ALIGN_RIGHT, &right);
    self->header_height = MAX (left, right);
    _sec_document_lay_out_letterhead (self);

    self->footer_height = _sec_document_set_markup (self, STYLE_FOOTER, "Page", w, PANGO_ALIGN_LEFT, NULL);
    g_clear_pointer (&self->footer_layouts, g_ptr_array_unref);
    self->footer_layouts = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint s = 0; s < n_footers; s++)
      {
        Section *section = s < self->sections->len ? &g_array_index (self->sections, Section, s) : NULL;
        g_autofree char *text = NULL;
        g_autofree char *escaped = NULL;
        double h;

        if (section && section->note && *section->note)
          text = g_strjoin ("  ·  ", section->note, self->footer_text ? self->footer_text : "", NULL);
        else
          text = g_strdup (self->footer_text ? self->footer_text : "");
        escaped = g_markup_escape_text (text, -1);
        g_ptr_array_add (self->footer_layouts,
                         new_layout (self, STYLE_FOOTER, escaped, w - 90, PANGO_ALIGN_LEFT, &h));
        self->footer_height = MAX (self->footer_height, h);
      }
  }

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      if (block->kind == BLOCK_HEADING)
        {
          g_autofree char *escaped = g_markup_escape_text (block->markup, -1);

          block->height = _sec_document_set_markup (self, STYLE_HEADING, escaped, w, PANGO_ALIGN_LEFT, NULL);
        }
      else if (block->kind == BLOCK_PARAGRAPH)
        block->height = _sec_document_set_markup (self, STYLE_PARAGRAPH, block->markup, w, PANGO_ALIGN_LEFT, NULL);
      else if (block->kind == BLOCK_TABLE)
        measure_table (self, block->table);
    }

  self->section_pages = g_new0 (guint, MAX (self->sections->len, 1));
  new_page (&flow);
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);

      switch (block->kind)
        {
        case BLOCK_SECTION:
          flow.section = block->section;
          if (!page_is_empty (&flow))
            new_page (&flow);
          flow.page->section = block->section;
          self->section_pages[block->section] = self->pages->len - 1;
          break;

        case BLOCK_HEADING:
        case BLOCK_PARAGRAPH:
          {
            double need = block_need (self, b);

            /* A chain too long for a page only keeps the block itself. */
            if (need > content_bottom (self) - content_top (self))
              need = block->height;
            if (block->kind == BLOCK_HEADING && !page_is_empty (&flow))
              need += HEADING_BEFORE;
            if (!break_unless_fits (&flow, need) && block->kind == BLOCK_HEADING && !page_is_empty (&flow))
              flow.y += HEADING_BEFORE;
            place (&flow, PLACE_BLOCK, b, 0, block->height);
            flow.y += block->kind == BLOCK_HEADING ? HEADING_AFTER : PARAGRAPH_AFTER;
          }
          break;

        case BLOCK_TABLE:
          flow_table (&flow, b);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Public API: layout */

guint
sec_document_get_n_pages (SecDocument *self,
                          double       width,
                          double       height)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN_SIDE && height > MARGIN_TOP + MARGIN_BOTTOM, 0);

  _sec_document_paginate (self, width, height);
  return self->pages->len;
}

/**
 * sec_document_get_section_pages:
 * @n_sections: (out): the number of sections
 *
 * Returns: (transfer none) (array length=n_sections): the first page of
 *   each section
 */
const guint *
sec_document_get_section_pages (SecDocument *self,
                                double       width,
                                double       height,
                                guint       *n_sections)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_sections != NULL, NULL);

  _sec_document_paginate (self, width, height);
  *n_sections = self->sections->len;
  return self->section_pages;
}
