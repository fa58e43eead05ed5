/* sec-document-columns.c: how wide each column of a table is
 *
 * Kept apart from the rest of the layout: the widths come from measuring
 * what the cells hold with Pango, the least a column may be (its widest
 * word) and the most it could use (its widest cell, unwrapped).
 */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <string.h>

#include "core/documents/sec-document-private.h"

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

/* The narrowest @column may be: its widest word (up to a third of the
 * table, @width), so that words break only when nothing else can be done. */
static double
min_width (SecDocument *self,
           Table       *table,
           guint        c,
           double       width,
           GString     *word)
{
  Candidates cand = { { NULL }, { 0 }, { 0 } };
  g_autofree char *title = g_strdup_printf ("<b>%s</b>", table->columns[c].title);
  gboolean small = _sec_document_column_style (&table->columns[c]) == STYLE_SMALL;
  double min = 0;

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
      PangoLayout *layout;
      int w;

      /* The header's words are bold and small. */
      if (cand.bold[i] && g_strstr_len (table->columns[c].title, -1, cand.words[i]))
        style = STYLE_TABLE_HEADER;
      layout = _sec_document_get_layout (self, style);
      pango_layout_set_width (layout, -1);
      pango_layout_set_markup (layout, escaped, -1);
      pango_layout_get_size (layout, &w, NULL);
      min = MAX (min, pango_units_to_double (w) + 2 * CELL_PAD_X + 1);
      g_free (cand.words[i]);
    }
  return MIN (min, width / 3);
}

/* A cell as pieces between the places where a line may break: the
 * width of each (with the spaces after it) and of its trailing spaces;
 * a piece that starts a paragraph of its own (after a line break in the
 * text) has a negative width (its width is -width). */
typedef struct {
  guint        n_pieces;
  double      *widths;
  double      *trails;
  PangoLayout *layout;  /* the cell laid out unwrapped, when measured */
} CellLines;

static void
cell_lines_free (gpointer data)
{
  CellLines *cell = data;

  g_free (cell->widths);
  g_free (cell->trails);
  g_clear_object (&cell->layout);
  g_free (cell);
}

/* The lines a cell takes in a column @w wide, filled a word at a time as
 * Pango does; a word too long for a line of its own is cut. */
static guint
count_lines (const CellLines *cell,
             double           w)
{
  double avail = MAX (w - 2 * CELL_PAD_X - 1, 1.0), x = 0;
  guint lines = 0;

  if (cell == NULL)
    return 0;
  for (guint i = 0; i < cell->n_pieces; i++)
    {
      gboolean new_paragraph = cell->widths[i] < 0 || i == 0;
      double piece = cell->widths[i] < 0 ? -cell->widths[i] : cell->widths[i];
      double ink = piece - cell->trails[i];

      if (new_paragraph || x + ink > avail)
        {
          lines++;
          x = 0;
          /* A long word: the lines it fills on its own. */
          while (ink > avail)
            {
              lines++;
              ink -= avail;
              piece -= avail;
            }
        }
      x += piece;
    }
  return lines;
}

/* The width of each character of @layout's text, laid out unwrapped:
 * from the glyphs of each run, in one pass (asking Pango for the place of
 * each character takes time that grows with the square of the length). */
static double *
char_widths (PangoLayout *layout,
             int          n_chars)
{
  const char *text = pango_layout_get_text (layout);
  double *widths = g_new0 (double, n_chars + 1);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      for (GSList *r = line->runs; r; r = r->next)
        {
          PangoGlyphItem *run = r->data;
          int n = run->item->num_chars;
          glong first = g_utf8_pointer_to_offset (text, text + run->item->offset);
          g_autofree int *logical = g_new0 (int, n);

          if (first + n > n_chars)
            continue;
          pango_glyph_string_get_logical_widths (run->glyphs, text + run->item->offset, run->item->length,
                                                 run->item->analysis.level, logical);
          for (int i = 0; i < n; i++)
            widths[first + i] = pango_units_to_double (logical[i]);
        }
    }
  return widths;
}

/* The pieces of @layout's text between the places a line may break. */
static CellLines *
cell_lines_new (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  int n_attrs = 0;
  g_autofree PangoLogAttr *attrs = NULL;
  g_autofree double *widths = NULL;
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) trails = g_array_new (FALSE, FALSE, sizeof (double));
  CellLines *cell = g_new0 (CellLines, 1);
  double piece = 0, trail = 0;
  gboolean paragraph = TRUE;
  const char *p = text;

  pango_layout_get_log_attrs (layout, &attrs, &n_attrs);
  widths = char_widths (layout, MAX (n_attrs - 1, 0));
  for (int i = 0; i < n_attrs; i++)
    {
      gboolean end = i == n_attrs - 1 || *p == '\0';

      if (i > 0 && (end || attrs[i].is_line_break))
        {
          /* The piece before ends here; at the end of a line, its spaces
           * do not count. */
          double w = piece;

          if (end || attrs[i].is_mandatory_break)
            {
              w -= trail;
              trail = 0;
            }
          g_array_append_val (trails, trail);
          if (paragraph)
            w = -w;
          g_array_append_val (pieces, w);
          paragraph = attrs[i].is_mandatory_break;
          piece = trail = 0;
        }
      if (end)
        break;
      if (*p != '\n' && *p != '\r')
        {
          piece += widths[i];
          trail = attrs[i].is_white ? trail + widths[i] : 0;
        }
      p = g_utf8_next_char (p);
    }
  cell->n_pieces = pieces->len;
  cell->widths = (double *) (void *) g_array_free (g_steal_pointer (&pieces), FALSE);
  cell->trails = (double *) (void *) g_array_free (g_steal_pointer (&trails), FALSE);
  return cell;
}

/* Measures what the cells of column @c need unwrapped: @cells gets each
 * row's (NULL for an empty cell or a group), with its layout, @natural the
 * widest line with the padding, and the return value the sum of their
 * widths: 0 for a column left blank to be filled in by hand. */
static double
measure_cells (SecDocument  *self,
               Table        *table,
               guint         c,
               GHashTable   *seen,
               CellLines   **cells,
               double       *natural)
{
  double ink = 0;

  *natural = 0;
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);
      CellLines *cell;

      cells[r] = NULL;
      if (row->kind == ROW_GROUP || row->cells[c] == NULL || row->cells[c][0] == '\0')
        continue;
      /* Equal cells (a country, a status) are measured once. */
      if ((cell = g_hash_table_lookup (seen, row->cells[c])) == NULL)
        {
          double height;
          PangoLayout *layout = _sec_document_new_layout (self, _sec_document_column_style (&table->columns[c]),
                                                          row->cells[c], -1, PANGO_ALIGN_LEFT, &height);
          int w;

          cell = cell_lines_new (layout);
          pango_layout_get_size (layout, &w, NULL);
          *natural = MAX (*natural, pango_units_to_double (w) + 2 * CELL_PAD_X + 1);
          g_hash_table_insert (seen, row->cells[c], cell);
          /* Kept: the cell is drawn from it (see measure_table ()). */
          cell->layout = layout;
        }
      cells[r] = cell;
      for (guint i = 0; i < cell->n_pieces; i++)
        ink += cell->widths[i] < 0 ? -cell->widths[i] : cell->widths[i];
    }
  return ink;
}

/* What a table costs with column @c @w wide and the others as @widths:
 * its height in lines (each row as tall as its tallest cell), and then
 * the lines of all its cells: a name on one line rather than two even
 * when its row is two lines tall anyway. */
static guint
table_lines (Table      *table,
             CellLines **cells,
             guint       n_rows,
             double     *widths,
             guint       c,
             double      w)
{
  guint n = table->n_columns, total = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      guint tallest = 1;

      for (guint k = 0; k < n; k++)
        {
          guint l = count_lines (cells[r * n + k], k == c ? w : widths[k]);

          tallest = MAX (tallest, l);
          total += l;
        }
      total += 16 * tallest;
    }
  return total;
}

/* Gives the @room left to the columns with text, a step at a time: each
 * step to the column where widening saves the most lines per point (the
 * first width that saves any, among a few), so that the table is as short
 * as it can be: a column of short names and one with a long note wrap the
 * note, not every name. What saves nothing more goes to the columns in
 * proportion to what they still lack. */
static void
share_room (Table      *table,
            CellLines **cells,
            double     *nat,
            double     *ink,
            double      room)
{
  guint n = table->n_columns, n_rows = table->rows->len;
  guint lines = table_lines (table, cells, n_rows, table->w, 0, table->w[0]);

  while (room > 0.5)
    {
      double best_ratio = 0, best_w = 0, lack = 0;
      guint best_c = n, best_lines = lines;

      for (guint c = 0; c < n; c++)
        {
          if (ink[c] <= 0 || table->w[c] >= nat[c])
            continue;
          for (double step = 2; ; step *= 2)
            {
              double w = MIN (MIN (table->w[c] + step, nat[c]), table->w[c] + room);
              guint l = table_lines (table, cells, n_rows, table->w, c, w);

              if (l < lines && (double) (lines - l) / (w - table->w[c]) > best_ratio)
                {
                  best_ratio = (double) (lines - l) / (w - table->w[c]);
                  best_c = c;
                  best_w = w;
                  best_lines = l;
                }
              if (l < lines || w >= nat[c] || w >= table->w[c] + room)
                break;
            }
        }
      if (best_c == n)
        {
          for (guint c = 0; c < n; c++)
            if (ink[c] > 0)
              lack += MAX (nat[c] - table->w[c], 0);
          for (guint c = 0; c < n && lack > 0; c++)
            if (ink[c] > 0)
              table->w[c] += room * MAX (nat[c] - table->w[c], 0) / lack;
          break;
        }
      room -= best_w - table->w[best_c];
      table->w[best_c] = best_w;
      lines = best_lines;
    }
}

/* The narrowest @column may be for its header to take two lines at most
 * ("Notes for the / secretariat", not three lines of a word or two), up to
 * a third of the table, @width, and never below @min. */
static double
header_min_width (SecDocument *self,
                  Table       *table,
                  guint        c,
                  double       width,
                  double       min)
{
  g_autofree char *escaped = g_markup_escape_text (table->columns[c].title, -1);
  PangoLayout *layout = _sec_document_get_layout (self, STYLE_TABLE_HEADER);
  CellLines *header;
  double w = min;

  pango_layout_set_width (layout, -1);
  pango_layout_set_markup (layout, escaped, -1);
  header = cell_lines_new (layout);
  while (w < width / 3 && count_lines (header, w) > 2)
    w += 1;
  cell_lines_free (header);
  return MAX (min, MIN (w, width / 3));
}

/* The column widths, from what their cells hold (measured with Pango):
 * - every column at least its widest word (min_width ()), and wide
 *   enough for its header on two lines (header_min_width ());
 * - when all fit unwrapped, each gets its widest line, and the room left
 *   goes to the columns left blank to be filled in by hand (a signature),
 *   else to all in proportion to their share (SecDocumentColumn.width);
 * - otherwise a column left blank keeps its share, and the others start
 *   at their minimum and share the rest so that the table takes the
 *   fewest lines (share_room ()); a mostly empty column stays narrow;
 * - when not even the widest words fit, the columns with the widest give
 *   way first (an e-mail address breaks, the names stay whole).
 */
void
_sec_document_lay_out_columns (SecDocument  *self,
                               Table        *table,
                               PangoLayout **measured)
{
  guint n = table->n_columns;
  double width = content_width (self), total = 0, sum_min = 0, sum_nat = 0;
  g_autofree double *min = g_new0 (double, n);
  g_autofree double *nat = g_new0 (double, n);
  g_autofree double *ink = g_new0 (double, n);
  g_autofree double *share = g_new0 (double, n);
  g_autofree CellLines **cells = g_new0 (CellLines *, (gsize) n * MAX (table->rows->len, 1));
  g_autoptr(GString) word = g_string_new (NULL);
  double x = MARGIN_SIDE;

  for (guint c = 0; c < n; c++)
    total += MAX (table->columns[c].width, 0.0);
  if (total <= 0)
    total = 1;

  {
    g_autofree CellLines **column = g_new0 (CellLines *, MAX (table->rows->len, 1));
    g_autoptr(GPtrArray) seen_all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

    for (guint c = 0; c < n; c++)
      {
        GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, cell_lines_free);

        g_ptr_array_add (seen_all, seen);
        share[c] = width * MAX (table->columns[c].width, 0.0) / total;
        min[c] = header_min_width (self, table, c, width, min_width (self, table, c, width, word));
        ink[c] = measure_cells (self, table, c, seen, column, &nat[c]);
        for (guint r = 0; r < table->rows->len; r++)
          {
            cells[r * n + c] = column[r];
            measured[r * n + c] = column[r] ? g_object_ref (column[r]->layout) : NULL;
          }
        /* A blank column is room to write in: its share. */
        nat[c] = ink[c] > 0 ? MAX (nat[c], min[c]) : MAX (share[c], min[c]);
        sum_min += min[c];
        sum_nat += nat[c];
      }

    if (sum_nat <= width)
      {
        double blank_share = 0, extra = width - sum_nat;

        for (guint c = 0; c < n; c++)
          if (ink[c] == 0)
            blank_share += share[c];
        for (guint c = 0; c < n; c++)
          {
            table->w[c] = nat[c];
            if (blank_share > 0 && ink[c] == 0)
              table->w[c] += extra * share[c] / blank_share;
            else if (blank_share <= 0)
              table->w[c] += extra * share[c] / width;
          }
      }
    else if (sum_min >= width)
      {
        /* The columns with the widest words give way first, down to a
         * common width: an e-mail address breaks, the names stay whole. */
        double lo = 0, hi = width;

        for (guint i = 0; i < 50; i++)
          {
            double cap = (lo + hi) / 2, s = 0;

            for (guint c = 0; c < n; c++)
              s += MIN (min[c], cap);
            if (s > width)
              hi = cap;
            else
              lo = cap;
          }
        for (guint c = 0; c < n; c++)
          table->w[c] = MIN (min[c], lo);
      }
    else
      {
        double blank = 0, blank_min = 0, room = width;

        for (guint c = 0; c < n; c++)
          if (ink[c] == 0)
            {
              blank += nat[c];
              blank_min += min[c];
            }
        /* The blank columns keep their share unless the text's minimums
         * need some of it. */
        for (guint c = 0; c < n; c++)
          {
            if (ink[c] > 0)
              table->w[c] = min[c];
            else if (width - (sum_min - blank_min) < blank)
              table->w[c] = min[c] + (nat[c] - min[c]) * (width - sum_min) / MAX (blank - blank_min, 1);
            else
              table->w[c] = nat[c];
            room -= table->w[c];
          }
        share_room (table, cells, nat, ink, room);
      }
  }

  for (guint c = 0; c < n; c++)
    {
      table->x[c] = x;
      x += table->w[c];
    }
}
