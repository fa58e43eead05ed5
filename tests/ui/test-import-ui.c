/* test-import-ui.c: the Import dialog driven on a small file as
 * LibreOffice writes it (Windows-1252, semicolons): the detected encoding
 * and separator, the guessed columns and a changed one, an invalid row
 * that blocks the import until only valid rows are chosen, a duplicate
 * merged, the import in its worker thread, the summary, and the whole
 * import undone with win.undo (Ctrl+Z and the toast's Undo).
 *
 * With $SEC_IMPORT_SCREENSHOT set to a file name, the preview is saved
 * there as a PNG, to be looked at.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "core/store/sec-records.h"
#include "ui/import/sec-import-dialog.h"
#include "ui/shell/sec-window.h"
#include "ui/shell/sec-window-private.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

static GtkWidget *
find_widget (GtkWidget *root, GType type, guint nth)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  sec_test_collect_widgets (root, type, TRUE, found);
  g_assert_cmpuint (found->len, >, nth);
  return g_ptr_array_index (found, nth);
}


static void
test_import_dialog (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-import-ui-XXXXXX");
  g_autofree char *path = NULL;
  g_autoptr(SecStore) store = sec_test_open_store (dir, "office.db", &path);
  g_autofree char *csv_path = g_build_filename (dir, "contacts.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  const char csv[] =
    "Nom;Pr\xE9nom;Courriel;Organisation;Pays;Remarque\r\n"
    "M\xFCller;Ren\xE9\x65;rene@example.fr;Institut Novi;Slov\xE9nie;premi\xE8re\r\n"
    ";Sans nom;x@example.fr;;;\r\n"
    "Dupont;Anne;ANNE@example.fr;;;\r\n"
    "Weber;Jan;jan@example.de;Institut Novi;;\r\n";
  gint64 anne = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Anne", "family-name", "Dupont",
                                 "email", "anne@example.fr", NULL);
  SecWindow *window;
  SecImportDialog *dialog;
  SecImport *import;
  GtkWidget *skip_switch;
  GtkDropDown *notes_dropdown;
  g_autoptr(SecRecord) merged = NULL;
  SecImportSummary s;

  g_file_set_contents (csv_path, csv, sizeof csv - 1, &error);
  g_assert_no_error (error);
  window = sec_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  sec_test_wait_ms (100);
  /* Where the window's menu and section buttons lead, with the file. */
  _sec_window_import_file (window, SEC_TYPE_PERSON, file);
  sec_test_wait_ms (200);
  dialog = SEC_IMPORT_DIALOG (sec_test_find_toplevel (SEC_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  import = sec_import_dialog_get_import (dialog);
  g_assert_cmpstr (sec_import_get_table (import)->encoding, ==, "WINDOWS-1252");
  g_assert_cmpint (sec_import_get_table (import)->separator, ==, ';');
  g_assert_cmpstr (sec_import_get_column_target (import, 0), ==, "family-name");
  g_assert_cmpstr (sec_import_get_column_target (import, 1), ==, "given-name");
  g_assert_cmpstr (sec_import_get_column_target (import, 4), ==, "country");
  g_assert_cmpstr (sec_import_get_column_target (import, 5), ==, "notes");
  if (g_getenv ("SEC_IMPORT_SCREENSHOT") != NULL)
    sec_test_save_window (GTK_WIDGET (dialog), g_getenv ("SEC_IMPORT_SCREENSHOT"));

  /* The last column's drop-down (the sixth): "Not Imported", then back. */
  notes_dropdown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, 5));
  gtk_drop_down_set_selected (notes_dropdown, 0);
  g_assert_null (sec_import_get_column_target (import, 5));
  for (guint i = 0; sec_import_targets (SEC_TYPE_PERSON)[i]; i++)
    if (g_str_equal (sec_import_targets (SEC_TYPE_PERSON)[i], "notes"))
      gtk_drop_down_set_selected (notes_dropdown, i + 1);
  g_assert_cmpstr (sec_import_get_column_target (import, 5), ==, "notes");

  /* Line 3 has no family name; line 4 is Anne again. */
  sec_import_get_summary (import, &s);
  g_assert_cmpuint (s.imported, ==, 2);
  g_assert_cmpuint (s.skipped, ==, 1);
  g_assert_cmpuint (s.invalid, ==, 1);
  g_assert_cmpuint (sec_import_get_result (import, 1)->line, ==, 3);
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (dialog), "Line 3"));
  /* Blocked by the invalid row until only the valid ones are chosen. */
  /* Import is disabled: activating it does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL);
  sec_test_wait_ms (100);
  g_assert_false (sec_import_dialog_get_done (dialog));
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, NULL, NULL), ==, 1);
  skip_switch = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, 0);
  gtk_switch_set_active (GTK_SWITCH (skip_switch), TRUE);
  sec_import_set_duplicate_action (import, SEC_IMPORT_ACTION_MERGE);

  /* The import, in its worker thread. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  for (guint i = 0; i < 500 && !sec_import_dialog_get_done (dialog); i++)
    sec_test_wait_ms (10);
  g_assert_true (sec_import_dialog_get_done (dialog));
  sec_import_dialog_get_summary (dialog, &s);
  g_assert_cmpuint (s.imported, ==, 2);
  g_assert_cmpuint (s.merged, ==, 1);
  g_assert_cmpuint (s.invalid, ==, 1);
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, NULL, NULL), ==, 3);
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 1);
  {
    g_autoptr(SecRecord) rene = sec_test_find_one (store, SEC_TYPE_PERSON, "family-name", "Müller");
    g_assert_cmpstr (sec_record_get_string (rene, "notes"), ==, "première");
  }
  gtk_window_close (GTK_WINDOW (dialog));
  sec_test_wait_ms (50);

  /* One step back, through the window's undo. */
  g_assert_nonnull (window->import_undo);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  sec_test_wait_ms (50);
  g_assert_null (window->import_undo);
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, NULL, NULL), ==, 1);
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 0);
  merged = sec_store_get (store, SEC_TYPE_PERSON, anne, NULL);
  g_assert_cmpstr (sec_record_get_string (merged, "email"), ==, "anne@example.fr");

  sec_test_destroy_windows ();
  g_clear_object (&store);
  sec_test_remove_tree (dir);
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

  g_test_add_func ("/import-ui/dialog", test_import_dialog);
  return g_test_run ();
}
