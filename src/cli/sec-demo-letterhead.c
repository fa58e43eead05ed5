/* sec-demo-letterhead.c: the demo office's letterhead
 *
 * The office's name, a file reference and a logo drawn here with cairo (a
 * blue field with a circle of twelve gold stars), so that the demo's
 * documents look like an office's and the logo needs no file.
 */
#define G_LOG_DOMAIN "sec-demo"

#include "config.h"

#include <cairo.h>
#include "cli/sec-demo-private.h"
#include "core/documents/sec-document.h"
#include "core/store/sec-store-letterhead.h"

#define LOGO_WIDTH  300
#define LOGO_HEIGHT 200

/* A five-pointed star of radius 1 around the origin (without libm). */
static const double star_points[10][2] = {
  { 0.0000, -1.0000 },
  { 0.2245, -0.3090 },
  { 0.9511, -0.3090 },
  { 0.3633, 0.1180 },
  { 0.5878, 0.8090 },
  { 0.0000, 0.3820 },
  { -0.5878, 0.8090 },
  { -0.3633, 0.1180 },
  { -0.9511, -0.3090 },
  { -0.2245, -0.3090 }
};

static void
star (cairo_t *cr,
      double   r)
{
  cairo_new_sub_path (cr);
  for (guint i = 0; i < G_N_ELEMENTS (star_points); i++)
    cairo_line_to (cr, r * star_points[i][0], r * star_points[i][1]);
  cairo_close_path (cr);
}

static GBytes *
draw_logo (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, LOGO_WIDTH, LOGO_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0x00 / 255.0, 0x33 / 255.0, 0x99 / 255.0);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1.0, 0xcc / 255.0, 0.0);
  /* Each star upright, on a circle: moved there, not turned. */
  for (int i = 0; i < 12; i++)
    {
      cairo_matrix_t m;
      double x = 0, y = -66;

      cairo_matrix_init_rotate (&m, i * G_PI / 6);
      cairo_matrix_transform_point (&m, &x, &y);
      cairo_save (cr);
      cairo_translate (cr, LOGO_WIDTH / 2.0 + x, LOGO_HEIGHT / 2.0 + y);
      star (cr, 11);
      cairo_restore (cr);
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, sec_document_append_to_byte_array, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

void
_sec_demo_add_letterhead (Demo *demo)
{
  g_autoptr(GBytes) logo = NULL;

  if (demo->error != NULL)
    return;
  logo = draw_logo ();
  if (sec_store_set_letterhead_text (demo->store, "Office of the EU Anti-Trafficking Coordinator",
                                     "Ref. HOME.ATC/2027", &demo->error))
    sec_store_set_letterhead_logo (demo->store, logo, &demo->error);
}
