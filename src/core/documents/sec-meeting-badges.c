/* sec-meeting-badges.c: name badges and table cards for a meeting
 *
 * Drawn with cairo and Pango straight onto PDF pages: a badge or a card is
 * a picture of a few lines at set places, not a flow of text over pages,
 * so it does not go through SecDocument's layout. It is made and tagged
 * the same way as the page engine's PDFs (_sec_pdf_surface_new (),
 * _sec_pdf_finish ()): a title, a /Lang, each badge a Sect of paragraphs
 * with the name as its heading; crop marks, folds and the upside-down back
 * of a table card are artifacts.
 */
#define G_LOG_DOMAIN "sec-meeting-badges"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "core/base/sec-translit.h"
#include "core/documents/sec-document-private.h"
#include "core/documents/sec-meeting-badges.h"
#include "core/documents/sec-meeting-pages.h"

/* The page engine's families: GNOME's own, then one with every European
 * script. */
#define BADGE_FONT "Cantarell, DejaVu Sans, sans-serif"
#define MM (72.0 / 25.4)
/* Room round a sheet of badges for the printer and the crop marks. */
#define SHEET_MARGIN (8.0 * MM)
#define CROP_MARK (4.0 * MM)
#define CROP_GAP (1.5 * MM)
/* Inside a badge, and inside each half of a table card. */
#define BADGE_PAD (5.0 * MM)
#define CARD_PAD (15.0 * MM)

typedef struct {
  char *name;         /* "Dr Δήμητρα Αντωνίου" */
  char *latin;        /* "Dimitra Antoniou", or NULL */
  char *organisation; /* or NULL */
  char *detail;       /* the role when it is not "participant", else the country; or NULL */
} Card;

static void
card_clear (gpointer data)
{
  Card *card = data;

  g_free (card->name);
  g_free (card->latin);
  g_free (card->organisation);
  g_free (card->detail);
}

/* The cards of those a list shows, in its order. */
static GArray *
collect_cards (SecMeetingPages *b)
{
  g_autoptr(GArray) entries = sec_meeting_pages_sort (b, TRUE);
  GArray *cards = g_array_new (FALSE, TRUE, sizeof (Card));

  g_array_set_clear_func (cards, card_clear);
  for (guint i = 0; i < entries->len; i++)
    {
      SecMeetingParticipant *p = g_array_index (entries, SecMeetingSortEntry, i).p;
      g_autofree char *org = sec_meeting_pages_dup_organisation (p);
      Card card = { NULL };

      card.name = g_strstrip (g_strjoin (" ", p->title ? p->title : "", p->given_name ? p->given_name : "",
                                         p->family_name ? p->family_name : "", NULL));
      card.latin = sec_meeting_dup_latin_name (p);
      card.organisation = org && *org ? g_steal_pointer (&org) : NULL;
      if (p->role && g_strcmp0 (p->role, "participant") != 0)
        card.detail = g_strdup (sec_meeting_role_label (b->locale, p->role));
      else if (p->country)
        card.detail = g_strdup (sec_meeting_country_label (b->locale, p->country));
      g_array_append_val (cards, card);
    }
  return cards;
}

/* Draws @text centred in @width from (@x, @y) at @size points, shrunk
 * down to @min_size to stay on one line, then wrapped on at most
 * @max_lines (ellipsized after), in a structure tag @tag; returns its
 * height. */
static double
draw_text (cairo_t    *cr,
           SecTags    *tags,
           const char *tag,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           double      min_size,
           gboolean    bold,
           int         max_lines,
           double      grey)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *desc;
  int w, h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = pango_cairo_create_layout (cr);
  desc = pango_font_description_from_string (BADGE_FONT);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  for (;; size -= 0.5)
    {
      pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_width (layout, -1);
      pango_layout_get_size (layout, &w, NULL);
      if (pango_units_to_double (w) <= width || size - 0.5 < min_size)
        break;
    }
  pango_font_description_free (desc);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_size (layout, NULL, &h);

  _sec_tags_begin (tags, cr, tag);
  _sec_tags_note (tags, _sec_tags_script_lang (text), NULL, NULL);
  cairo_save (cr);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  _sec_tags_end (tags, cr, tag);
  return pango_units_to_double (h);
}

/* The face of a badge or of a half card: the meeting's title and date
 * above (badges only), the name in the middle, the organisation and the
 * country or role below. @scale: 1 for a badge, larger for a card. The
 * places are worked out from the bottom up, the text drawn (and so read)
 * from the top down, in a Sect of its own. */
static void
draw_face (cairo_t         *cr,
           SecTags         *tags,
           SecMeetingPages *b,
           const Card      *card,
           double           x,
           double           y,
           double           w,
           double           h,
           double           pad,
           double           scale,
           const char      *period)
{
  double inner = w - 2 * pad, top = y + pad, bottom = y + h - pad, name_h, y_name, size;
  double y_detail = 0, y_organisation = 0;

  _sec_tags_begin (tags, cr, "Sect");
  if (period != NULL)
    {
      top += draw_text (cr, tags, "P", b->data->title, x + pad, top, inner, 6.5, 6.5, TRUE, 2, 0.35);
      top += draw_text (cr, tags, "P", period, x + pad, top, inner, 6.5, 6.5, FALSE, 1, 0.35);
      /* A rule under the meeting's title. */
      _sec_tags_begin (tags, cr, "Private");
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x + pad, top + 1.5 * MM);
      cairo_line_to (cr, x + w - pad, top + 1.5 * MM);
      cairo_stroke (cr);
      cairo_restore (cr);
      _sec_tags_end (tags, cr, "Private");
      top += 1.5 * MM;
    }

  /* From the bottom up: the country or role, the organisation. */
  {
    PangoLayout *probe = pango_cairo_create_layout (cr);
    PangoFontDescription *desc = pango_font_description_from_string (BADGE_FONT);
    int line_h;

    pango_font_description_set_size (desc, (int) (8.5 * scale * PANGO_SCALE));
    pango_layout_set_font_description (probe, desc);
    pango_layout_set_text (probe, "Ag", -1);
    pango_layout_get_size (probe, NULL, &line_h);
    pango_font_description_free (desc);
    g_object_unref (probe);

    if (card->detail)
      {
        bottom -= pango_units_to_double (line_h);
        y_detail = bottom;
      }
    if (card->organisation)
      {
        bottom -= 2 * pango_units_to_double (line_h) + 1 * MM;
        y_organisation = bottom;
      }
  }

  /* The name, as large as fits, in the middle of the room left. */
  {
    g_autoptr(PangoLayout) probe = pango_cairo_create_layout (cr);
    PangoFontDescription *desc = pango_font_description_from_string (BADGE_FONT);
    int tw, th;

    size = 17 * scale;
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
    pango_layout_set_text (probe, card->name, -1);
    for (;; size -= 0.5)
      {
        pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
        pango_layout_set_font_description (probe, desc);
        pango_layout_get_size (probe, &tw, &th);
        if (pango_units_to_double (tw) <= inner || size - 0.5 < 9 * scale)
          break;
      }
    pango_font_description_free (desc);
    name_h = pango_units_to_double (tw) <= inner ? pango_units_to_double (th) : 2 * pango_units_to_double (th);
  }
  /* The Latin spelling's line, and a gap above the organisation. */
  if (card->latin)
    name_h += 1.3 * 8 * scale;
  bottom -= 1.5 * MM * scale;
  y_name = top + MAX ((bottom - top - name_h) / 2, 0);
  /* The name is what a badge is about: its heading. */
  y_name += draw_text (cr, tags, "H1", card->name, x + pad, y_name, inner, size, size, TRUE, 2, 0);
  if (card->latin)
    draw_text (cr, tags, "P", card->latin, x + pad, y_name, inner, 8 * scale, 6 * scale, FALSE, 1, 0.3);
  if (card->organisation)
    draw_text (cr, tags, "P", card->organisation, x + pad, y_organisation, inner, 8.5 * scale, 6.5 * scale,
               FALSE, 2, 0.1);
  if (card->detail)
    draw_text (cr, tags, "P", card->detail, x + pad, y_detail, inner, 8.5 * scale, 6 * scale, FALSE, 1, 0.3);
  _sec_tags_end (tags, cr, "Sect");
}

/* Crop marks round the sheet's grid at every cut, and light guides
 * along the cuts between badges. */
static void
draw_cutting_marks (cairo_t *cr,
                    double   x0,
                    double   y0,
                    guint    columns,
                    guint    rows,
                    double   w,
                    double   h)
{
  double x1 = x0 + columns * w, y1 = y0 + rows * h;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.3);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c <= columns; c++)
    {
      double x = x0 + c * w;

      cairo_move_to (cr, x, y0 - CROP_GAP);
      cairo_line_to (cr, x, y0 - CROP_GAP - CROP_MARK);
      cairo_move_to (cr, x, y1 + CROP_GAP);
      cairo_line_to (cr, x, y1 + CROP_GAP + CROP_MARK);
    }
  for (guint r = 0; r <= rows; r++)
    {
      double y = y0 + r * h;

      cairo_move_to (cr, x0 - CROP_GAP, y);
      cairo_line_to (cr, x0 - CROP_GAP - CROP_MARK, y);
      cairo_move_to (cr, x1 + CROP_GAP, y);
      cairo_line_to (cr, x1 + CROP_GAP + CROP_MARK, y);
    }
  cairo_stroke (cr);

  /* The guides: dotted, light, on the cuts themselves. */
  {
    const double dash[] = { 1.0, 2.0 };

    cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    for (guint c = 0; c <= columns; c++)
      {
        cairo_move_to (cr, x0 + c * w, y0);
        cairo_line_to (cr, x0 + c * w, y1);
      }
    for (guint r = 0; r <= rows; r++)
      {
        cairo_move_to (cr, x0, y0 + r * h);
        cairo_line_to (cr, x1, y0 + r * h);
      }
    cairo_stroke (cr);
  }
  cairo_restore (cr);
}

static void
draw_badges (cairo_t         *cr,
             SecTags         *tags,
             SecMeetingPages *b,
             GArray          *cards,
             SecPaper         paper)
{
  g_autofree char *period = sec_meeting_pages_dup_period (b);
  double pw, ph, w = SEC_BADGE_WIDTH_MM * MM, h = SEC_BADGE_HEIGHT_MM * MM, x0, y0;
  guint columns, rows, per_sheet;

  sec_paper_get_size (paper, &pw, &ph);
  sec_meeting_badges_get_grid (paper, &columns, &rows);
  per_sheet = columns * rows;
  x0 = (pw - columns * w) / 2;
  y0 = (ph - rows * h) / 2;

  for (guint i = 0; i < cards->len; i++)
    {
      guint slot = i % per_sheet;

      if (slot == 0 && i > 0)
        cairo_show_page (cr);
      if (slot == 0)
        {
          _sec_tags_begin (tags, cr, "Private");
          draw_cutting_marks (cr, x0, y0, columns, rows, w, h);
          _sec_tags_end (tags, cr, "Private");
        }
      draw_face (cr, tags, b, &g_array_index (cards, Card, i), x0 + (slot % columns) * w, y0 + (slot / columns) * h,
                 w, h, BADGE_PAD, 1, period);
    }
}

static void
draw_table_cards (cairo_t         *cr,
                  SecTags         *tags,
                  SecMeetingPages *b,
                  GArray          *cards,
                  double           pw,
                  double           ph)
{
  const double dash[] = { 3.0, 3.0 };

  for (guint i = 0; i < cards->len; i++)
    {
      const Card *card = &g_array_index (cards, Card, i);

      if (i > 0)
        cairo_show_page (cr);
      /* The front: the lower half, upright. */
      draw_face (cr, tags, b, card, 0, ph / 2, pw, ph / 2, CARD_PAD, 2.6, NULL);
      /* The back: the upper half, turned round its centre; the same text
       * again, so an artifact (untagged inside). */
      _sec_tags_begin (tags, cr, "Private");
      cairo_save (cr);
      cairo_translate (cr, pw, ph / 2);
      cairo_rotate (cr, G_PI);
      draw_face (cr, NULL, b, card, 0, 0, pw, ph / 2, CARD_PAD, 2.6, NULL);
      cairo_restore (cr);
      /* The fold. */
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
      cairo_set_line_width (cr, 0.4);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, 0, ph / 2);
      cairo_line_to (cr, pw, ph / 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      _sec_tags_end (tags, cr, "Private");
    }
}

/* Public API */

void
sec_meeting_badges_get_grid (SecPaper  paper,
                             guint    *columns,
                             guint    *rows)
{
  double pw, ph;

  sec_paper_get_size (paper, &pw, &ph);
  *columns = MAX ((guint) ((pw - 2 * SHEET_MARGIN) / (SEC_BADGE_WIDTH_MM * MM)), 1);
  *rows = MAX ((guint) ((ph - 2 * SHEET_MARGIN) / (SEC_BADGE_HEIGHT_MM * MM)), 1);
}

/**
 * sec_meeting_badges_to_pdf:
 * @options: (nullable): the order and language; %NULL for the defaults
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
sec_meeting_badges_to_pdf (SecMeetingData                  *data,
                           const SecMeetingDocumentOptions *options,
                           SecPaper                         paper,
                           gboolean                         table_cards,
                           GError                         **error)
{
  SecMeetingDocumentOptions defaults = { 0 };
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autoptr(SecAgendaTiming) timing = NULL;
  g_autoptr(GArray) cards = NULL;
  GByteArray *bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;
  cairo_surface_t *surface;
  SecTags *tags;
  cairo_t *cr;
  SecMeetingPages b;
  double pw, ph;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  timing = sec_meeting_data_compute_timing (data);
  locale = sec_document_locale_new (options->language);
  language = _sec_document_dup_language (options->language);
  b = (SecMeetingPages) { data, options, locale, timing, NULL };
  cards = collect_cards (&b);

  sec_paper_get_size (paper, &pw, &ph);
  /* Table cards: the paper turned landscape. */
  if (table_cards)
    {
      double t = pw;

      pw = ph;
      ph = t;
    }
  title = g_strdup_printf ("%s – %s",
                           table_cards ? sec_document_locale_gettext (locale, N_("Table cards"))
                                       : sec_document_locale_gettext (locale, N_("Name badges")),
                           data->title);
  surface = _sec_pdf_surface_new (bytes, pw, ph, title, NULL, data->title);
  tags = _sec_pdf_tags_new ();
  cr = cairo_create (surface);
  {
    /* Unhinted metrics, as the page engine's: the same on paper and screen. */
    cairo_font_options_t *font_options = cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options (cr, font_options);
    cairo_font_options_destroy (font_options);
  }

  _sec_tags_begin (tags, cr, "Document");
  if (table_cards)
    draw_table_cards (cr, tags, &b, cards, pw, ph);
  else
    draw_badges (cr, tags, &b, cards, paper);
  _sec_tags_end (tags, cr, "Document");
  cairo_show_page (cr);
  return _sec_pdf_finish (surface, cr, bytes, tags, language, error);
}
