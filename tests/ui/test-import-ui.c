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

static gboolean
has_label (GtkWidget *root, const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  sec_test_collect_widgets (root, GTK_TYPE_LABEL, TRUE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* The rows are checked in a worker thread: waits for it, turning the
 * main loop (so the window stays drawn and answers meanwhile). */
static void
wait_checked (SecImportDialog *dialog)
{
  for (guint i = 0; i < 1000 && sec_import_dialog_get_checking (dialog); i++)
    sec_test_wait_ms (10);
  g_assert_false (sec_import_dialog_get_checking (dialog));
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
  wait_checked (dialog);
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
  wait_checked (dialog);
  g_assert_null (sec_import_get_column_target (import, 5));
  for (guint i = 0; sec_import_targets (SEC_TYPE_PERSON)[i]; i++)
    if (g_str_equal (sec_import_targets (SEC_TYPE_PERSON)[i], "notes"))
      gtk_drop_down_set_selected (notes_dropdown, i + 1);
  wait_checked (dialog);
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
  /* The toast waits for the summary to close (behind it, it would time
   * out unseen). */
  g_assert_false (has_label (GTK_WIDGET (window), "Imported: 2 new, 1 merged"));
  gtk_window_close (GTK_WINDOW (dialog));
  sec_test_wait_ms (50);
  g_assert_true (has_label (GTK_WIDGET (window), "Imported: 2 new, 1 merged"));

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

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Six thousand rows are checked in a worker thread: the main loop keeps
 * turning meanwhile, and a column or the separator changed during the
 * check stops it and checks again with the change. */
static void
test_check_in_worker (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-import-ui-XXXXXX");
  g_autoptr(SecStore) store = sec_test_open_store (dir, "office.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(GString) csv = g_string_new ("Nom;Pr\xC3\xA9nom;Courriel\r\n");
  g_autoptr(GError) error = NULL;
  SecImportDialog *dialog;
  SecImport *import;
  GtkDropDown *email_dropdown;
  AdwComboRow *separator_row;
  guint ticks = 0, tick_source;

  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (csv, "Nom %u;Jean;jean%u@example.fr\r\n", i, i % 5000);
  g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  tick_source = g_timeout_add (1, count_tick, &ticks);
  dialog = sec_import_dialog_new (NULL, store, SEC_TYPE_PERSON, file, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The worker runs; Import waits for it. */
  g_assert_true (sec_import_dialog_get_checking (dialog));
  g_assert_false (gtk_widget_get_sensitive (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, 1)));

  /* The e-mail column left out while the check runs. */
  email_dropdown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, 2));
  gtk_drop_down_set_selected (email_dropdown, 0);
  g_assert_true (sec_import_dialog_get_checking (dialog));
  wait_checked (dialog);
  g_assert_cmpuint (ticks, >, 0);
  import = sec_import_dialog_get_import (dialog);
  g_assert_null (sec_import_get_column_target (import, 2));
  g_assert_cmpuint (sec_import_get_n_results (import), ==, 6000);
  g_assert_null (sec_record_get_string (sec_import_get_result (import, 0)->record, "email"));
  /* Without e-mails no row repeats another (each name is different). */
  g_assert_cmpint (sec_import_get_result (import, 5000)->status, ==, SEC_IMPORT_ROW_VALID);

  /* The separator changed, and back, during a check: read again once. */
  separator_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 1));
  gtk_drop_down_set_selected (email_dropdown, 3);
  g_assert_true (sec_import_dialog_get_checking (dialog));
  adw_combo_row_set_selected (separator_row, 0);
  adw_combo_row_set_selected (separator_row, 1);
  wait_checked (dialog);
  import = sec_import_dialog_get_import (dialog);
  g_assert_cmpint (sec_import_get_table (import)->separator, ==, ';');
  /* Read again: the guessed columns, e-mails included, and the repeats. */
  g_assert_cmpstr (sec_import_get_column_target (import, 2), ==, "email");
  g_assert_cmpuint (sec_import_get_n_results (import), ==, 6000);
  g_assert_cmpint (sec_import_get_result (import, 5000)->status, ==, SEC_IMPORT_ROW_DUPLICATE);
  g_assert_cmpuint (sec_import_get_result (import, 5000)->duplicate_row, ==, 1);

  /* Closed during a check: nothing left running into a freed window. */
  email_dropdown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, 2));
  gtk_drop_down_set_selected (email_dropdown, 0);
  g_assert_true (sec_import_dialog_get_checking (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_wait_ms (300);

  g_source_remove (tick_source);
  sec_test_destroy_windows ();
  g_clear_object (&store);
  sec_test_remove_tree (dir);
}

/* Two cards of one address book for the same person: the second is a
 * duplicate of the first, merged with the new phone chosen. */
static void
test_in_file_duplicate (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-import-ui-XXXXXX");
  g_autoptr(SecStore) store = sec_test_open_store (dir, "office.db", NULL);
  g_autofree char *vcf_path = g_build_filename (dir, "phone.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (vcf_path);
  g_autoptr(GError) error = NULL;
  const char vcf[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Horvat;Ana;;;\r\nFN:Ana Horvat\r\n"
    "EMAIL;TYPE=WORK:ana@example.hr\r\nTEL;TYPE=WORK:+385 1 111\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Horvat;Ana;;;\r\nFN:Ana Horvat\r\n"
    "EMAIL;TYPE=WORK:ana@example.hr\r\nTEL;TYPE=CELL:+385 91 222\r\nTITLE:Director\r\nEND:VCARD\r\n";
  SecWindow *window;
  SecImportDialog *dialog;
  GtkWidget *expander, *check;
  GtkDropDown *action;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(SecRecord) ana = NULL;
  SecImportSummary s;

  g_file_set_contents (vcf_path, vcf, sizeof vcf - 1, &error);
  g_assert_no_error (error);
  window = sec_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  sec_test_wait_ms (100);
  dialog = sec_import_dialog_new (GTK_WINDOW (window), store, SEC_TYPE_PERSON, file, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_checked (dialog);
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (dialog), "Take the New Phone"));
  expander = find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, 0);
  sec_test_collect_widgets (expander, GTK_TYPE_CHECK_BUTTON, FALSE, checks);
  g_assert_cmpuint (checks->len, ==, 1);
  check = g_ptr_array_index (checks, 0);
  action = GTK_DROP_DOWN (find_widget (expander, GTK_TYPE_DROP_DOWN, 0));
  g_assert_cmpuint (gtk_drop_down_get_selected (action), ==, SEC_IMPORT_ACTION_SKIP);
  /* Choosing the new value chooses to merge. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (gtk_drop_down_get_selected (action), ==, SEC_IMPORT_ACTION_MERGE);
  g_assert_cmpint (sec_import_get_result (sec_import_dialog_get_import (dialog), 1)->action, ==, SEC_IMPORT_ACTION_MERGE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  for (guint i = 0; i < 500 && !sec_import_dialog_get_done (dialog); i++)
    sec_test_wait_ms (10);
  g_assert_true (sec_import_dialog_get_done (dialog));
  sec_import_dialog_get_summary (dialog, &s);
  g_assert_cmpuint (s.imported, ==, 1);
  g_assert_cmpuint (s.merged, ==, 1);
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, NULL, NULL), ==, 1);
  ana = sec_test_find_one (store, SEC_TYPE_PERSON, "family-name", "Horvat");
  g_assert_cmpstr (sec_record_get_string (ana, "phone"), ==, "+385 91 222");
  g_assert_cmpstr (sec_record_get_string (ana, "position"), ==, "Director");

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
  g_test_add_func ("/import-ui/check-in-worker", test_check_in_worker);
  g_test_add_func ("/import-ui/in-file-duplicate", test_in_file_duplicate);
  return g_test_run ();
}
