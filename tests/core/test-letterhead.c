/* test-letterhead.c: the office's letterhead in the store (kept, cleared,
 * a file that is not a PNG or too large refused) and on a document's first
 * page (its text and its logo in the PDF, not on the later pages). */
#include "config.h"

#include <cairo.h>
#include <string.h>

#include "core/documents/sec-document.h"
#include "core/documents/sec-letterhead.h"
#include "core/store/sec-store-error.h"
#include "core/store/sec-store-letterhead.h"
#include "sec-test-util.h"

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A real PNG of @width × @height. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.0, 0.2, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static void
test_store (SecTestStoreFixture *f,
            gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = make_png (120, 60);
  g_autoptr(GBytes) text = g_bytes_new_static ("not an image at all, but long enough to be read", 47);
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(SecLetterhead) empty = sec_store_get_letterhead (f->store);
  g_autoptr(SecLetterhead) set = NULL;
  g_autoptr(SecLetterhead) kept = NULL;
  g_autoptr(SecLetterhead) cleared = NULL;
  g_autoptr(SecStore) reopened = NULL;
  guint8 *big;

  g_assert_true (sec_letterhead_is_empty (empty));

  g_assert_true (sec_store_set_letterhead_text (f->store, "  Office of the Coordinator ", "Ref. Ares(2027)123456", &error));
  g_assert_no_error (error);
  g_assert_true (sec_store_set_letterhead_logo (f->store, png, &error));
  g_assert_no_error (error);
  set = sec_store_get_letterhead (f->store);
  g_assert_cmpstr (set->name, ==, "Office of the Coordinator");
  g_assert_cmpstr (set->reference, ==, "Ref. Ares(2027)123456");
  g_assert_nonnull (set->logo);
  g_assert_true (g_bytes_equal (set->logo, png));

  /* Refused: not a PNG, too large; the logo kept stays. */
  g_assert_false (sec_store_set_letterhead_logo (f->store, text, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  big = g_malloc0 (SEC_LETTERHEAD_LOGO_MAX + 1);
  memcpy (big, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  huge = g_bytes_new_take (big, SEC_LETTERHEAD_LOGO_MAX + 1);
  g_assert_false (sec_letterhead_check_logo (huge, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 MB"));
  g_clear_error (&error);
  {
    g_autoptr(GBytes) wide = make_png (4097, 1);

    g_assert_false (sec_store_set_letterhead_logo (f->store, wide, &error));
    g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "4096"));
    g_clear_error (&error);
  }

  /* Kept in the file. */
  reopened = sec_store_open (f->path, &error);
  g_assert_no_error (error);
  kept = sec_store_get_letterhead (reopened);
  g_assert_cmpstr (kept->name, ==, "Office of the Coordinator");
  g_assert_true (g_bytes_equal (kept->logo, png));
  g_clear_object (&reopened);

  /* Blank text and no logo: nothing. */
  g_assert_true (sec_store_set_letterhead_text (f->store, " ", NULL, &error));
  g_assert_true (sec_store_set_letterhead_logo (f->store, NULL, &error));
  g_assert_no_error (error);
  cleared = sec_store_get_letterhead (f->store);
  g_assert_true (sec_letterhead_is_empty (cleared));
}

/* How many times @needle occurs in @haystack of @size bytes. */
static guint
count_bytes (const char *haystack,
             gsize       size,
             const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      count++;
  return count;
}

static SecDocument *
make_document (void)
{
  SecDocument *doc = sec_document_new ("Letterhead");

  sec_document_set_header (doc, "Running header", "Right");
  sec_document_begin_section (doc, "First", NULL);
  sec_document_add_heading (doc, "First section");
  sec_document_add_paragraph (doc, "On the first page.");
  sec_document_begin_section (doc, "Second", NULL);
  sec_document_add_heading (doc, "Second section");
  return doc;
}

static void
test_document (SecTestStoreFixture *f,
               gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = make_png (300, 100);
  g_autoptr(SecDocument) plain = NULL;
  g_autoptr(SecDocument) doc = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain_text = NULL;
  g_auto(GStrv) pages = NULL;
  double width, height;

  plain = make_document ();
  plain_text = sec_test_pdf_text_at (plain, f->dir, "plain.pdf");
  g_assert_null (strstr (plain_text, "Office of the Coordinator"));

  /* From the store, as the application and the command line do. */
  g_assert_true (sec_store_set_letterhead_text (f->store, "Office of the Coordinator", "Ref. HOME/2027/42", &error));
  g_assert_true (sec_store_set_letterhead_logo (f->store, png, &error));
  g_assert_no_error (error);
  sec_letterhead_apply (f->store);
  doc = make_document ();
  sec_document_set_default_letterhead (NULL, NULL, NULL);

  text = sec_test_pdf_text_at (doc, f->dir, "letterhead.pdf");
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  sec_test_assert_contains (pages[0], "Office of the Coordinator");
  sec_test_assert_contains (pages[0], "Ref. HOME/2027/42");
  /* Above the running header, on the first page only. */
  g_assert_cmpint (strstr (pages[0], "Office of the Coordinator") - pages[0], <, strstr (pages[0], "Running header") - pages[0]);
  g_assert_null (strstr (pages[1], "Office of the Coordinator"));

  /* The logo is an image in the PDF. */
  sec_paper_get_size (SEC_PAPER_A4, &width, &height);
  pdf = sec_document_to_pdf (doc, SEC_PAPER_A4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_bytes (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), "/Subtype /Image"), >=, 1);
  /* The first page's content starts lower than without the letterhead. */
  g_assert_cmpuint (sec_document_get_n_pages (doc, width, height), ==, 2);
}

static void
fixture_setup (SecTestStoreFixture *f,
               gconstpointer        data)
{
  sec_test_store_fixture_setup (f, "test-letterhead-XXXXXX", "test.db");
}

static void
fixture_teardown (SecTestStoreFixture *f,
                  gconstpointer        data)
{
  g_assert_finalize_object (f->store);
  sec_test_store_fixture_clear (f);
}

int
main (int argc, char **argv)
{
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/letterhead/store", SecTestStoreFixture, NULL, fixture_setup, test_store, fixture_teardown);
  g_test_add ("/letterhead/document", SecTestStoreFixture, NULL, fixture_setup, test_document, fixture_teardown);
  return g_test_run ();
}
