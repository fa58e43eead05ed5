/* test-preferences-ui.c: the Preferences window's letterhead: the name and
 * reference saved when applied and on closing, a logo chosen (a file that
 * is not a PNG refused, the one kept stays) and removed. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "core/store/sec-store-letterhead.h"
#include "ui/shell/sec-preferences-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

static void
test_letterhead (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-preferences-ui-XXXXXX");
  g_autofree char *png = g_build_filename (dir, "logo.png", NULL);
  g_autofree char *text = g_build_filename (dir, "logo.txt", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  SecStore *store = sec_test_open_store (dir, "test.db", NULL);
  SecPreferencesWindow *window = sec_preferences_window_new (NULL, store);
  GtkWidget *name_row, *reference_row, *logo_row;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *remove = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 90, 30);

  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_set_contents (text, "Not a picture: a few words in a text file.", -1, NULL));

  gtk_window_present (GTK_WINDOW (window));
  sec_test_iterate ();
  name_row = sec_test_find_row (GTK_WIDGET (window), "Office Name");
  reference_row = sec_test_find_row (GTK_WIDGET (window), "Reference");
  logo_row = sec_test_find_row (GTK_WIDGET (window), "Logo");
  g_assert_nonnull (name_row);
  g_assert_nonnull (reference_row);
  g_assert_nonnull (logo_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (logo_row)), ==, "None");

  /* Applied: saved. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Office of the Coordinator");
  g_signal_emit_by_name (name_row, "apply");
  {
    g_autoptr(SecLetterhead) l = sec_store_get_letterhead (store);
    g_assert_cmpstr (l->name, ==, "Office of the Coordinator");
    g_assert_null (l->reference);
  }

  /* A logo, then a file that is not one: refused, the first stays. */
  g_assert_true (sec_preferences_window_set_logo (window, png_file));
  g_assert_false (sec_preferences_window_set_logo (window, text_file));
  {
    g_autoptr(SecLetterhead) l = sec_store_get_letterhead (store);
    g_assert_nonnull (l->logo);
  }
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (logo_row)), "90 × 30"));

  /* Removed with its button. */
  sec_test_collect_widgets (logo_row, GTK_TYPE_BUTTON, FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Remove the logo") == 0)
      remove = buttons->pdata[i];
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_get_visible (remove));
  g_signal_emit_by_name (remove, "clicked");
  g_assert_false (gtk_widget_get_visible (remove));
  {
    g_autoptr(SecLetterhead) l = sec_store_get_letterhead (store);
    g_assert_null (l->logo);
  }

  /* Typed, not applied: saved when the window closes. */
  gtk_editable_set_text (GTK_EDITABLE (reference_row), "Ref. HOME/42");
  gtk_window_close (GTK_WINDOW (window));
  sec_test_iterate ();
  {
    g_autoptr(SecLetterhead) l = sec_store_get_letterhead (store);
    g_assert_cmpstr (l->reference, ==, "Ref. HOME/42");
  }
  sec_test_close_store (store, dir);
}

int
main (int   argc,
      char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/preferences-ui/letterhead", test_letterhead);
  return g_test_run ();
}
