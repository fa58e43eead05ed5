/* sec-document.c: a paginated document of headings, text and tables */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <langinfo.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <string.h>

#include "core/documents/sec-document.h"

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
};

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SecDocument, sec_document, G_TYPE_OBJECT)

/* Static helpers */

static void
row_clear_layouts (Row *row)
{
  for (guint i = 0; i < row->n_layouts; i++)
    g_clear_object (&row->layouts[i]);
  g_clear_pointer (&row->layouts, g_free);
  row->n_layouts = 0;
}

static void
row_free (Row *row)
{
  row_clear_layouts (row);
  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (Table *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_free ((char *) table->columns[i].title);
      g_clear_object (&table->header_layouts[i]);
    }
  g_free (table->header_layouts);
  g_free (table->columns);
  g_free (table->x);
  g_free (table->w);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (Block *block)
{
  g_free (block->markup);
  if (block->table)
    table_free (block->table);
  g_free (block);
}

static void
section_clear (gpointer data)
{
  Section *s = data;

  g_free (s->name);
  g_free (s->note);
}

static void
page_free (Page *page)
{
  g_array_unref (page->placements);
  g_free (page);
}

static void
invalidate_layout (SecDocument *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->section_pages, g_free);
  self->width = self->height = 0;
}

static Block *
add_block (SecDocument *self,
           BlockKind    kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  invalidate_layout (self);
  return block;
}

/* A page format with exactly two %d and nothing else to convert. */
static gboolean
is_page_format (const char *format)
{
  guint n = 0;

  for (const char *p = format; (p = strchr (p, '%')) != NULL; p += 2)
    {
      if (p[1] == 'd')
        n++;
      else if (p[1] != '%')
        return FALSE;
    }
  return n == 2;
}

static PangoLayout *
get_layout (SecDocument *self,
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

/* Plain text, the most common, skips the markup parser. */
static void
set_layout_markup (PangoLayout *layout,
                   const char  *markup)
{
  if (markup == NULL || strpbrk (markup, "<&") == NULL)
    {
      /* set_text () keeps the attributes of earlier markup. */
      pango_layout_set_attributes (layout, NULL);
      pango_layout_set_text (layout, markup ? markup : "", -1);
    }
  else
    pango_layout_set_markup (layout, markup, -1);
}

/* Sets @markup in the layout of @style, @width wide; returns its height. */
static double
set_markup (SecDocument     *self,
            Style            style,
            const char      *markup,
            double           width,
            PangoAlignment   alignment,
            PangoLayout    **layout_out)
{
  PangoLayout *layout = get_layout (self, style);
  int h;

  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_alignment (layout, alignment);
  set_layout_markup (layout, markup);
  pango_layout_get_size (layout, NULL, &h);
  if (layout_out)
    *layout_out = layout;
  return pango_units_to_double (h);
}

/* A new layout of @markup in @style, @width wide, and its height: the
 * table's cells keep theirs from measuring to drawing, as laying text out
 * is most of the work. */
static PangoLayout *
new_layout (SecDocument    *self,
            Style           style,
            const char     *markup,
            double          width,
            PangoAlignment  alignment,
            double         *height)
{
  /* The style's layout first: it makes the context. */
  const PangoFontDescription *desc = pango_layout_get_font_description (get_layout (self, style));
  PangoLayout *layout = pango_layout_new (self->context);
  int h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_alignment (layout, alignment);
  set_layout_markup (layout, markup);
  pango_layout_get_size (layout, NULL, &h);
  *height = pango_units_to_double (h);
  return layout;
}

static Style
column_style (const SecDocumentColumn *column)
{
  return (column->flags & SEC_COLUMN_SMALL) ? STYLE_SMALL : STYLE_BODY;
}

static PangoAlignment
column_alignment (const SecDocumentColumn *column)
{
  return (column->flags & SEC_COLUMN_END) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static double
content_width (SecDocument *self)
{
  return self->width - 2 * MARGIN_SIDE;
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

/* The longest words of a column, by characters: the candidates for the
 * widest word, which decides how narrow the column may be. */
#define N_CANDIDATES 4

typedef struct {
  char     *words[N_CANDIDATES];
  glong     lengths[N_CANDIDATES];
  gboolean  bold[N_CANDIDATES];
} Candidates;

static void
offer_word (Candidates *c,
            GString    *word,
            gboolean    bold)
{
  /* A bold letter counts for a little more. */
  glong len = (glong) g_utf8_strlen (word->str, (gssize) word->len) * (bold ? 11 : 10);
  guint i;

  if (len == 0)
    return;
  for (i = 0; i < N_CANDIDATES && c->lengths[i] >= len; i++)
    ;
  if (i < N_CANDIDATES)
    {
      guint n = N_CANDIDATES - 1 - i;

      g_free (c->words[N_CANDIDATES - 1]);
      memmove (&c->words[i + 1], &c->words[i], n * sizeof (char *));
      memmove (&c->lengths[i + 1], &c->lengths[i], n * sizeof (glong));
      memmove (&c->bold[i + 1], &c->bold[i], n * sizeof (gboolean));
      c->words[i] = g_strndup (word->str, word->len);
      c->lengths[i] = len;
      c->bold[i] = bold;
    }
  g_string_truncate (word, 0);
}

/* The words of @markup's text (tags skipped, entities read). */
static void
offer_words (Candidates *c,
             const char *markup,
             GString    *word)
{
  gboolean bold = FALSE, word_bold = FALSE;

  for (const char *p = markup; p && *p;)
    {
      gunichar ch;

      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (g_str_has_prefix (p, "<b>"))
            bold = TRUE;
          else if (g_str_has_prefix (p, "</b>"))
            bold = FALSE;
          p = end ? end + 1 : p + strlen (p);
          continue;
        }
      if (*p == '&')
        {
          const char *end = strchr (p, ';');
          static const struct { const char *entity; char ch; } entities[] = {
            { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
          };
          char decoded = '?';

          for (guint i = 0; end && i < G_N_ELEMENTS (entities); i++)
            if (strncmp (p, entities[i].entity, strlen (entities[i].entity)) == 0)
              decoded = entities[i].ch;
          g_string_append_c (word, decoded);
          p = end ? end + 1 : p + 1;
          continue;
        }
      ch = g_utf8_get_char (p);
      if (g_unichar_isspace (ch))
        {
          offer_word (c, word, word_bold);
          word_bold = FALSE;
        }
      else
        {
          g_string_append_unichar (word, ch);
          word_bold |= bold;
        }
      p = g_utf8_next_char (p);
    }
  offer_word (c, word, word_bold);
}

/* The column widths: each column its share of the width, but never less
 * than its widest word (up to a third of the table), so that words break
 * only when nothing else can be done. */
static void
lay_out_columns (SecDocument *self,
                 Table       *table)
{
  double width = content_width (self), total = 0, sum = 0;
  g_autofree double *min = g_new0 (double, table->n_columns);
  g_autoptr(GString) word = g_string_new (NULL);
  double x = MARGIN_SIDE;

  for (guint c = 0; c < table->n_columns; c++)
    total += MAX (table->columns[c].width, 0.0);
  if (total <= 0)
    total = 1;

  for (guint c = 0; c < table->n_columns; c++)
    {
      Candidates cand = { { NULL }, { 0 }, { 0 } };
      g_autofree char *title = g_strdup_printf ("<b>%s</b>", table->columns[c].title);
      gboolean small = column_style (&table->columns[c]) == STYLE_SMALL;
      PangoLayout *layout;

      offer_words (&cand, title, word);
      for (guint r = 0; r < table->rows->len; r++)
        {
          Row *row = g_ptr_array_index (table->rows, r);

          if (row->kind != ROW_GROUP)
            offer_words (&cand, row->cells[c], word);
        }
      for (guint i = 0; i < N_CANDIDATES && cand.words[i]; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (cand.words[i], -1);
          Style style = cand.bold[i] ? (small ? STYLE_TABLE_HEADER : STYLE_GROUP)
                                     : (small ? STYLE_SMALL : STYLE_BODY);
          int w;

          /* The header's words are bold and small. */
          if (cand.bold[i] && g_strstr_len (table->columns[c].title, -1, cand.words[i]))
            style = STYLE_TABLE_HEADER;
          layout = get_layout (self, style);
          pango_layout_set_width (layout, -1);
          pango_layout_set_markup (layout, escaped, -1);
          pango_layout_get_size (layout, &w, NULL);
          min[c] = MAX (min[c], pango_units_to_double (w) + 2 * CELL_PAD_X + 1);
          g_free (cand.words[i]);
        }
      min[c] = MIN (min[c], width / 3);

      table->w[c] = MAX (width * MAX (table->columns[c].width, 0.0) / total, min[c]);
      sum += table->w[c];
    }

  /* Too wide: the columns above their minimum shrink in proportion, those
   * that would go below it stay at it (and if even the minimums do not
   * fit, all shrink alike: then words break). */
  if (sum > width)
    {
      g_autofree gboolean *fixed = g_new0 (gboolean, table->n_columns);
      gboolean changed = TRUE;

      while (changed)
        {
          double fixed_sum = 0, free_sum = 0, factor;

          changed = FALSE;
          for (guint c = 0; c < table->n_columns; c++)
            {
              double desired = width * MAX (table->columns[c].width, 0.0) / total;

              if (fixed[c])
                fixed_sum += min[c];
              else
                free_sum += MAX (desired, min[c]);
            }
          if (fixed_sum >= width || free_sum <= 0)
            {
              double all = 0;

              for (guint c = 0; c < table->n_columns; c++)
                all += min[c];
              for (guint c = 0; c < table->n_columns; c++)
                table->w[c] = min[c] * width / all;
              break;
            }
          factor = (width - fixed_sum) / free_sum;
          for (guint c = 0; c < table->n_columns; c++)
            {
              double desired = MAX (width * MAX (table->columns[c].width, 0.0) / total, min[c]);

              if (fixed[c])
                table->w[c] = min[c];
              else if (desired * factor < min[c])
                {
                  fixed[c] = TRUE;
                  changed = TRUE;
                }
              else
                table->w[c] = desired * factor;
            }
        }
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      table->x[c] = x;
      x += table->w[c];
    }
}

static void
measure_table (SecDocument *self,
               Table       *table)
{
  g_autoptr(GHashTable) shared = NULL;
  double width = content_width (self);

  lay_out_columns (self, table);

  table->header_height = 0;
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autofree char *escaped = g_markup_escape_text (table->columns[c].title, -1);
      double h;

      g_clear_object (&table->header_layouts[c]);
      table->header_layouts[c] = new_layout (self, STYLE_TABLE_HEADER, escaped, table->w[c] - 2 * CELL_PAD_X,
                                             column_alignment (&table->columns[c]), &h);
      table->header_height = MAX (table->header_height, h + 2 * CELL_PAD_Y);
    }

  g_assert (self->context != NULL);
  /* Equal cells (a status, a country, an organisation) share a layout. */
  shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);

      row_clear_layouts (row);
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
      row->n_layouts = table->n_columns;
      row->layouts = g_new0 (PangoLayout *, table->n_columns);
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *key = NULL;
          PangoLayout *layout;
          int h;

          if (row->cells[c] == NULL || row->cells[c][0] == '\0')
            continue;
          key = g_strdup_printf ("%u\x1f%s", c, row->cells[c]);
          if ((layout = g_hash_table_lookup (shared, key)) == NULL)
            {
              double ignored;

              layout = new_layout (self, column_style (&table->columns[c]), row->cells[c],
                                   table->w[c] - 2 * CELL_PAD_X, column_alignment (&table->columns[c]), &ignored);
              g_hash_table_insert (shared, g_steal_pointer (&key), layout);
            }
          row->layouts[c] = g_object_ref (layout);
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

static void
paginate (SecDocument *self,
          double       width,
          double       height)
{
  Flow flow = { self, NULL, 0, 0 };
  double w;

  if (self->pages != NULL && self->width == width && self->height == height)
    return;

  invalidate_layout (self);
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

    self->footer_height = set_markup (self, STYLE_FOOTER, "Page", w, PANGO_ALIGN_LEFT, NULL);
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

          block->height = set_markup (self, STYLE_HEADING, escaped, w, PANGO_ALIGN_LEFT, NULL);
        }
      else if (block->kind == BLOCK_PARAGRAPH)
        block->height = set_markup (self, STYLE_PARAGRAPH, block->markup, w, PANGO_ALIGN_LEFT, NULL);
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

static void
draw_cell_borders (GArray *lines,
                   Table  *table,
                   double  y,
                   double  height)
{
  double x0 = table->x[0];
  double x1 = table->x[table->n_columns - 1] + table->w[table->n_columns - 1];

  add_box (lines, x0, y, x1, y + height);
  for (guint c = 1; c < table->n_columns; c++)
    add_line (lines, table->x[c], y, table->x[c], y + height, 0.6, 0.3);
}

static void
draw_table_header (SecDocument *self,
                   cairo_t     *cr,
                   GArray      *lines,
                   Table       *table,
                   double       y)
{
  double x0 = table->x[0];
  double x1 = table->x[table->n_columns - 1] + table->w[table->n_columns - 1];

  set_gray (cr, 0.89);
  cairo_rectangle (cr, x0, y, x1 - x0, table->header_height);
  cairo_fill (cr);

  set_gray (cr, 0.0);
  for (guint c = 0; c < table->n_columns; c++)
    show (cr, table->header_layouts[c], table->x[c] + CELL_PAD_X, y + CELL_PAD_Y);

  if (table->style == SEC_TABLE_GRID)
    draw_cell_borders (lines, table, y, table->header_height);
  else
    hline (lines, x0, x1, y + table->header_height, 0.9, 0.2);
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
  double x1 = table->x[table->n_columns - 1] + table->w[table->n_columns - 1];

  set_gray (cr, 0.95);
  cairo_rectangle (cr, x0, y, x1 - x0, height);
  cairo_fill (cr);
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
  double x0 = table->x[0];
  double x1 = table->x[table->n_columns - 1] + table->w[table->n_columns - 1];

  if (row->kind == ROW_MUTED)
    {
      set_gray (cr, 0.965);
      cairo_rectangle (cr, x0, y, x1 - x0, row->height);
      cairo_fill (cr);
    }

  set_gray (cr, row->kind == ROW_MUTED ? 0.3 : 0.0);
  for (guint c = 0; c < table->n_columns; c++)
    if (row->layouts[c] != NULL)
      show (cr, row->layouts[c], table->x[c] + CELL_PAD_X, y + CELL_PAD_Y);

  if (table->style == SEC_TABLE_GRID)
    draw_cell_borders (lines, table, y, row->height);
  else
    hline (lines, x0, x1, y + row->height, 0.4, 0.7);
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
    const char *format = self->page_format && is_page_format (self->page_format) ? self->page_format : "Page %d of %d";

    set_gray (cr, 0.3);
    show (cr, g_ptr_array_index (self->footer_layouts, MIN (page->section, self->footer_layouts->len - 1)),
          MARGIN_SIDE, footer_y);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    /* The translation was checked by is_page_format (). */
    number = g_strdup_printf (format, page_nr + 1, self->pages->len);
#pragma GCC diagnostic pop
    escaped_number = g_markup_escape_text (number, -1);
    set_gray (cr, 0.0);
    set_markup (self, STYLE_FOOTER, escaped_number, 88, PANGO_ALIGN_RIGHT, &layout);
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

/* GObject overrides */

static void
sec_document_finalize (GObject *object)
{
  SecDocument *self = SEC_DOCUMENT (object);

  invalidate_layout (self);
  g_clear_object (&self->header_layouts[0]);
  g_clear_object (&self->header_layouts[1]);
  g_clear_pointer (&self->footer_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_object (&self->layouts[i]);
  g_clear_object (&self->context);
  g_clear_pointer (&self->sections, g_array_unref);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->footer_text);
  g_free (self->page_format);

  G_OBJECT_CLASS (sec_document_parent_class)->finalize (object);
}

static void
sec_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SecDocument *self = SEC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SecDocument *self = SEC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_document_class_init (SecDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sec_document_finalize;
  object_class->get_property = sec_document_get_property;
  object_class->set_property = sec_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sec_document_init (SecDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);
}

/* Public API: paper */

void
sec_paper_get_size (SecPaper  paper,
                    double   *width,
                    double   *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == SEC_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 * MM;
      *height = 297.0 * MM;
    }
}

gboolean
sec_paper_from_string (const char *name,
                       SecPaper   *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = SEC_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = SEC_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

const char *
sec_paper_to_string (SecPaper paper)
{
  return paper == SEC_PAPER_LETTER ? "letter" : "a4";
}

SecPaper
sec_paper_get_default (void)
{
#ifdef _NL_PAPER_WIDTH
  /* glibc gives the width in millimetres in place of a string. */
  int width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);

  if (width == 216)
    return SEC_PAPER_LETTER;
#endif
  return SEC_PAPER_A4;
}

/* Public API: content */

/**
 * sec_document_new:
 * @title: the title
 *
 * Returns: (transfer full): an empty document
 */
SecDocument *
sec_document_new (const char *title)
{
  return g_object_new (SEC_TYPE_DOCUMENT, "title", title, NULL);
}

const char *
sec_document_get_title (SecDocument *self)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
sec_document_set_author (SecDocument *self,
                         const char  *author)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  g_free (self->author);
  self->author = g_strdup (author);
}

void
sec_document_set_subject (SecDocument *self,
                          const char  *subject)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  g_free (self->subject);
  self->subject = g_strdup (subject);
}

void
sec_document_set_header (SecDocument *self,
                         const char  *left_markup,
                         const char  *right_markup)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  g_free (self->header_left);
  g_free (self->header_right);
  self->header_left = g_strdup (left_markup);
  self->header_right = g_strdup (right_markup);
  invalidate_layout (self);
}

void
sec_document_set_footer (SecDocument *self,
                         const char  *text,
                         const char  *page_format)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  g_free (self->footer_text);
  g_free (self->page_format);
  self->footer_text = g_strdup (text);
  self->page_format = g_strdup (page_format);
  if (page_format != NULL && !is_page_format (page_format))
    g_warning ("“%s” is not a page format like “Page %%d of %%d”", page_format);
  invalidate_layout (self);
}

void
sec_document_begin_section (SecDocument *self,
                            const char  *name,
                            const char  *note)
{
  Section section = { g_strdup (name), g_strdup (note), 0 };
  Block *block;

  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table == NULL);

  g_array_append_val (self->sections, section);
  block = add_block (self, BLOCK_SECTION);
  block->section = self->sections->len - 1;
}

void
sec_document_add_heading (SecDocument *self,
                          const char  *text)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table == NULL);
  g_return_if_fail (text != NULL);

  add_block (self, BLOCK_HEADING)->markup = g_strdup (text);
}

void
sec_document_add_paragraph (SecDocument *self,
                            const char  *markup)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table == NULL);
  g_return_if_fail (markup != NULL);

  add_block (self, BLOCK_PARAGRAPH)->markup = g_strdup (markup);
}

void
sec_document_begin_table (SecDocument             *self,
                          SecTableStyle            style,
                          const SecDocumentColumn *columns,
                          guint                    n_columns)
{
  Table *table;

  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table == NULL);
  g_return_if_fail (columns != NULL && n_columns > 0);

  table = g_new0 (Table, 1);
  table->style = style;
  table->n_columns = n_columns;
  table->columns = g_new0 (SecDocumentColumn, n_columns);
  table->x = g_new0 (double, n_columns);
  table->w = g_new0 (double, n_columns);
  table->header_layouts = g_new0 (PangoLayout *, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      table->columns[c] = columns[c];
      table->columns[c].title = g_strdup (columns[c].title ? columns[c].title : "");
    }
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  add_block (self, BLOCK_TABLE)->table = table;
  self->open_table = table;
}

void
sec_document_set_row_height (SecDocument *self,
                             double       height)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);

  self->open_table->min_row_height = MAX (height, 0.0);
  invalidate_layout (self);
}

void
sec_document_add_row (SecDocument        *self,
                      SecRowStyle         style,
                      const char *const  *cells)
{
  Table *table;
  Row *row;

  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);
  g_return_if_fail (cells != NULL);

  table = self->open_table;
  row = g_new0 (Row, 1);
  row->kind = style == SEC_ROW_MUTED ? ROW_MUTED : ROW_NORMAL;
  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (cells[c] == NULL)
        row->cells[c] = g_strdup ("");
      else if (row->kind == ROW_MUTED)
        row->cells[c] = g_strconcat ("<i>", cells[c], "</i>", NULL);
      else
        row->cells[c] = g_strdup (cells[c]);
    }
  g_ptr_array_add (table->rows, row);
  invalidate_layout (self);
}

void
sec_document_add_group (SecDocument *self,
                        const char  *text,
                        const char  *continued)
{
  Row *row;

  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);
  g_return_if_fail (text != NULL);

  row = g_new0 (Row, 1);
  row->kind = ROW_GROUP;
  row->cells = g_new0 (char *, 3);
  row->cells[0] = g_markup_escape_text (text, -1);
  row->cells[1] = g_markup_escape_text (continued ? continued : text, -1);
  g_ptr_array_add (self->open_table->rows, row);
  invalidate_layout (self);
}

void
sec_document_end_table (SecDocument *self)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);

  self->open_table = NULL;
}

/* Public API: layout and output */

guint
sec_document_get_n_pages (SecDocument *self,
                          double       width,
                          double       height)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN_SIDE && height > MARGIN_TOP + MARGIN_BOTTOM, 0);

  paginate (self, width, height);
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

  paginate (self, width, height);
  *n_sections = self->sections->len;
  return self->section_pages;
}

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

  paginate (self, width, height);
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

              set_markup (self, STYLE_HEADING, escaped, content_width (self), PANGO_ALIGN_LEFT, &layout);
            }
          else
            set_markup (self, STYLE_PARAGRAPH, block->markup, content_width (self), PANGO_ALIGN_LEFT, &layout);
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
  return sec_write_file_atomically (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
}

gboolean
sec_write_file_atomically (const char  *path,
                           const char  *contents,
                           gsize        length,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  /* A temporary file beside @path, renamed over it when complete (and
   * removed on failure); 0666 less the umask, as any new file. */
  return g_file_set_contents_full (path, contents, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
