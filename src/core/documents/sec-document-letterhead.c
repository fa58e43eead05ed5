/* sec-document-letterhead.c: the office's letterhead on a document's first page
 *
 * A band above the running header of the first page: the logo on the left
 * (LOGO_HEIGHT high, its aspect kept), the office's name beside it and the
 * reference on the right. It is page furniture, so a tagged PDF has it as
 * an artifact, like the running header.
 *
 * The office's letterhead is kept in its database; whoever opens the
 * database (the application, the command line) gives it to
 * sec_document_set_default_letterhead (), and every document made after
 * that starts with it: the builders of each kind of document do not pass
 * it along one by one. A document has its own copy, so it can be made in a
 * worker thread while the default changes.
 */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/documents/sec-document-private.h"
#include "core/documents/sec-letterhead.h"
#include "core/store/sec-store-letterhead.h"

#define LOGO_HEIGHT    (15.0 * MM)
#define LOGO_GAP       (4.0 * MM)   /* between the logo and the name */
#define LETTERHEAD_GAP (5.0 * MM)   /* between the band and the running header */

G_LOCK_DEFINE_STATIC (default_letterhead);
static char   *default_name;
static char   *default_reference;
static GBytes *default_logo;

typedef struct {
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->size - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* NULL when @png is not an image cairo can read. */
static cairo_surface_t *
decode_png (GBytes *png)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;

  if (png == NULL)
    return NULL;
  reader.data = g_bytes_get_data (png, &reader.size);
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_width (surface) <= 0 || cairo_image_surface_get_height (surface) <= 0)
    {
      g_debug ("The letterhead's logo cannot be read: %s",
               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

static char *
dup_text (const char *text)
{
  return text != NULL && *text ? g_strstrip (g_strdup (text)) : NULL;
}

/**
 * sec_document_set_letterhead:
 * @name: (nullable): the office's name
 * @reference: (nullable): a reference printed on the right
 * @logo: (nullable): a PNG image (one that cannot be read is left out)
 */
void
sec_document_set_letterhead (SecDocument *self,
                             const char  *name,
                             const char  *reference,
                             GBytes      *logo)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  _sec_document_clear_letterhead (self);
  self->letterhead_name = dup_text (name);
  self->letterhead_reference = dup_text (reference);
  self->letterhead_logo = decode_png (logo);
  _sec_document_invalidate_layout (self);
}

void
sec_document_set_default_letterhead (const char *name,
                                     const char *reference,
                                     GBytes     *logo)
{
  G_LOCK (default_letterhead);
  g_clear_pointer (&default_name, g_free);
  g_clear_pointer (&default_reference, g_free);
  g_clear_pointer (&default_logo, g_bytes_unref);
  default_name = dup_text (name);
  default_reference = dup_text (reference);
  default_logo = logo ? g_bytes_ref (logo) : NULL;
  G_UNLOCK (default_letterhead);
}

void
_sec_document_init_letterhead (SecDocument *self)
{
  g_autofree char *name = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(GBytes) logo = NULL;

  G_LOCK (default_letterhead);
  name = g_strdup (default_name);
  reference = g_strdup (default_reference);
  logo = default_logo ? g_bytes_ref (default_logo) : NULL;
  G_UNLOCK (default_letterhead);
  if (name || reference || logo)
    sec_document_set_letterhead (self, name, reference, logo);
}

void
_sec_document_clear_letterhead (SecDocument *self)
{
  g_clear_pointer (&self->letterhead_name, g_free);
  g_clear_pointer (&self->letterhead_reference, g_free);
  g_clear_pointer (&self->letterhead_logo, cairo_surface_destroy);
  g_clear_object (&self->letterhead_layouts[0]);
  g_clear_object (&self->letterhead_layouts[1]);
  self->letterhead_height = 0;
}

static double
logo_width (SecDocument *self)
{
  if (self->letterhead_logo == NULL)
    return 0;
  return LOGO_HEIGHT * cairo_image_surface_get_width (self->letterhead_logo)
         / cairo_image_surface_get_height (self->letterhead_logo);
}

static PangoLayout *
text_layout (SecDocument    *self,
             const char     *markup,
             double          width,
             PangoAlignment  alignment,
             double         *height)
{
  /* The running header's layout first: it makes the context. */
  const PangoFontDescription *desc =
    pango_layout_get_font_description (_sec_document_get_layout (self, STYLE_RUNNING_HEADER));
  PangoLayout *layout = pango_layout_new (self->context);
  int h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_size (layout, NULL, &h);
  *height = pango_units_to_double (h);
  return layout;
}

/* Lays the band out for the page size just set; returns the room it takes
 * on the first page (with the gap below it), 0 without a letterhead. */
double
_sec_document_lay_out_letterhead (SecDocument *self)
{
  double w = content_width (self);
  /* The logo at most a third of the width: a very wide image is scaled down. */
  double logo_w = MIN (logo_width (self), w / 3);
  double text_x = logo_w > 0 ? logo_w + LOGO_GAP : 0;
  double text_w = w - text_x;
  double name_h = 0, reference_h = 0, band;

  g_clear_object (&self->letterhead_layouts[0]);
  g_clear_object (&self->letterhead_layouts[1]);
  if (self->letterhead_name == NULL && self->letterhead_reference == NULL && self->letterhead_logo == NULL)
    return self->letterhead_height = 0;

  if (self->letterhead_name != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->letterhead_name, -1);
      g_autofree char *markup = g_strdup_printf ("<span size=\"13pt\" weight=\"bold\">%s</span>", escaped);

      self->letterhead_layouts[0] = text_layout (self, markup, self->letterhead_reference ? text_w * 0.62 - 6 : text_w,
                                                 PANGO_ALIGN_LEFT, &name_h);
    }
  if (self->letterhead_reference != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->letterhead_reference, -1);

      self->letterhead_layouts[1] = text_layout (self, escaped, self->letterhead_name ? text_w * 0.38 - 6 : text_w,
                                                 PANGO_ALIGN_RIGHT, &reference_h);
    }
  band = MAX (self->letterhead_logo ? LOGO_HEIGHT : 0, MAX (name_h, reference_h));
  return self->letterhead_height = band + LETTERHEAD_GAP;
}

static void
show_centred (cairo_t     *cr,
              PangoLayout *layout,
              double       x,
              double       band_y,
              double       band_h)
{
  int h;

  if (layout == NULL)
    return;
  pango_layout_get_size (layout, NULL, &h);
  cairo_move_to (cr, x, band_y + (band_h - pango_units_to_double (h)) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* Draws the band at the top of the first page, as an artifact. */
void
_sec_document_draw_letterhead (SecDocument *self,
                               cairo_t     *cr,
                               SecTags     *tags)
{
  double w = content_width (self);
  double band = self->letterhead_height - LETTERHEAD_GAP;
  double logo_w = MIN (logo_width (self), w / 3);
  double text_x = MARGIN_SIDE + (logo_w > 0 ? logo_w + LOGO_GAP : 0);

  if (self->letterhead_height <= 0)
    return;

  _sec_tags_begin (tags, cr, "Private");
  if (self->letterhead_logo != NULL)
    {
      double scale = logo_w / cairo_image_surface_get_width (self->letterhead_logo);
      double logo_h = cairo_image_surface_get_height (self->letterhead_logo) * scale;

      double x = MARGIN_SIDE, y = MARGIN_TOP + (band - logo_h) / 2;
      cairo_pattern_t *pattern = cairo_pattern_create_for_surface (self->letterhead_logo);
      cairo_matrix_t matrix;

      /* The pattern is scaled rather than the context: no cairo_save ()
       * inside a structure tag. */
      cairo_matrix_init_scale (&matrix, 1 / scale, 1 / scale);
      cairo_matrix_translate (&matrix, -x, -y);
      cairo_pattern_set_matrix (pattern, &matrix);
      cairo_pattern_set_filter (pattern, CAIRO_FILTER_GOOD);
      cairo_set_source (cr, pattern);
      cairo_rectangle (cr, x, y, logo_w, logo_h);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
    }
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_centred (cr, self->letterhead_layouts[0], text_x, MARGIN_TOP, band);
  if (self->letterhead_layouts[1] != NULL)
    {
      double x = self->letterhead_layouts[0] ? MARGIN_SIDE + w - (w - (text_x - MARGIN_SIDE)) * 0.38 + 6 : text_x;

      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_centred (cr, self->letterhead_layouts[1], x, MARGIN_TOP, band);
    }
  _sec_tags_end (tags, cr, "Private");
}

void
sec_letterhead_apply (SecStore *store)
{
  g_autoptr(SecLetterhead) letterhead = NULL;

  g_return_if_fail (SEC_IS_STORE (store));

  letterhead = sec_store_get_letterhead (store);
  sec_document_set_default_letterhead (letterhead->name, letterhead->reference, letterhead->logo);
}
