/* sec-document-links.c: the links of a tagged PDF
 *
 * An e-mail address or a web address in a document's text (a contact in a
 * list of participants, a meeting's online address, a source of evidence)
 * is a link in the PDF: a Link structure element around its text, with a
 * link annotation (cairo's "Link" tag writes both). A layout is drawn in
 * one piece, so the Link holds the whole lines the address is on (in a
 * table's cell, the address is alone on its lines), and the other lines
 * are a Span: cairo 1.16 marks the content of an element with no element
 * inside only, so the paragraph or the cell holding a Link has its text in
 * Spans. The annotation, the area a click follows, is the address's own
 * rectangle on each line.
 * Untagged drawing (the print preview, the screen) keeps one call.
 */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <string.h>

#include "core/documents/sec-document-private.h"
#include "core/documents/sec-export-file.h"

typedef struct {
  int   start;   /* bytes in the layout's text */
  int   end;
  char *uri;
} Link;

static void
link_clear (gpointer data)
{
  g_free (((Link *) data)->uri);
}

/* Addresses: web ones written with their scheme (as a reader would type
 * them), e-mail ones as sec_export_dup_mailto () accepts them. */
static GRegex *
link_regex (void)
{
  static gsize regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, (gsize) g_regex_new ("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]"
                                                    "|[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+",
                                                    G_REGEX_OPTIMIZE, 0, NULL));
  return (GRegex *) regex;
}

/* (transfer full) (nullable): the links in @text, in order; NULL: none. */
static GArray *
find_links (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  GArray *links = NULL;

  /* Most cells have neither: no regular expression for them. */
  if (strchr (text, '@') == NULL && strstr (text, "://") == NULL)
    return NULL;
  g_regex_match (link_regex (), text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *address = g_match_info_fetch (match, 0);
      Link link = { 0 };

      g_match_info_fetch_pos (match, 0, &link.start, &link.end);
      link.uri = strstr (address, "://") ? g_strdup (address) : sec_export_dup_mailto (address);
      if (link.uri == NULL)
        continue;
      if (links == NULL)
        {
          links = g_array_new (FALSE, FALSE, sizeof (Link));
          g_array_set_clear_func (links, link_clear);
        }
      g_array_append_val (links, link);
    }
  return links;
}

/* A string of cairo's tag attributes: quoted, with ' and \ escaped. */
static void
append_quoted (GString    *out,
               const char *value)
{
  g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

typedef struct {
  PangoLayoutLine *line;
  PangoRectangle   logical;
  int              baseline;
} Line;

/* Draws @layout at @x, @y like pango_cairo_show_layout (), with the lines
 * that hold a link in a Link tag when tagged. */
void
_sec_tags_show_layout (SecTags     *tags,
                       cairo_t     *cr,
                       PangoLayout *layout,
                       double       x,
                       double       y)
{
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) lines = NULL;
  PangoLayoutIter *iter;
  gboolean span = FALSE;  /* lines without a link, in a Span */
  guint next = 0;

  if (tags == NULL || (links = find_links (pango_layout_get_text (layout))) == NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  iter = pango_layout_get_iter (layout);
  do
    {
      Line line = { pango_layout_iter_get_line_readonly (iter), { 0 }, pango_layout_iter_get_baseline (iter) };

      pango_layout_iter_get_line_extents (iter, NULL, &line.logical);
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      int start = line->line->start_index, end = start + line->line->length;
      Link *link = next < links->len ? &g_array_index (links, Link, next) : NULL;
      guint last = i;

      /* A link begins on this line: its tag holds this line and those
       * it goes on to; its rectangles are the address's on each. */
      if (link != NULL && link->start < end)
        {
          g_autoptr(GString) attributes = g_string_new ("uri=");

          if (span)
            _sec_tags_end (tags, cr, "Span");
          span = FALSE;

          while (last + 1 < lines->len &&
                 g_array_index (lines, Line, last + 1).line->start_index < link->end)
            last++;
          append_quoted (attributes, link->uri);
          g_string_append (attributes, " rect=[");
          for (guint j = i; j <= last; j++)
            {
              Line *l = &g_array_index (lines, Line, j);
              int from = MAX (link->start, l->line->start_index);
              int to = MIN (link->end, l->line->start_index + l->line->length);
              int x0 = 0, x1 = 0;

              pango_layout_line_index_to_x (l->line, from, FALSE, &x0);
              pango_layout_line_index_to_x (l->line, to, FALSE, &x1);
              g_string_append_printf (attributes, "%s%.2f %.2f %.2f %.2f", j > i ? " " : "",
                                      x + (l->logical.x + MIN (x0, x1)) / (double) PANGO_SCALE,
                                      y + l->logical.y / (double) PANGO_SCALE,
                                      ABS (x1 - x0) / (double) PANGO_SCALE,
                                      l->logical.height / (double) PANGO_SCALE);
            }
          g_string_append_c (attributes, ']');
          _sec_tags_begin_with (tags, cr, "Link", attributes->str);
        }
      else if (!span)
        {
          _sec_tags_begin (tags, cr, "Span");
          span = TRUE;
        }
      for (guint j = i; j <= last; j++)
        {
          Line *l = &g_array_index (lines, Line, j);

          cairo_move_to (cr, x + l->logical.x / (double) PANGO_SCALE, y + l->baseline / (double) PANGO_SCALE);
          pango_cairo_show_layout_line (cr, l->line);
        }
      if (link != NULL && link->start < end)
        {
          _sec_tags_end (tags, cr, "Link");
          /* Links that ended on the lines drawn are in this one. */
          end = g_array_index (lines, Line, last).line->start_index +
                g_array_index (lines, Line, last).line->length;
          while (next < links->len && g_array_index (links, Link, next).start < end)
            next++;
        }

      i = last;
    }
  if (span)
    _sec_tags_end (tags, cr, "Span");
}
