/* sec-tool-window.c: what the tool windows share
 *
 * The windows and dialogs a record's tools open (agenda, participants,
 * invitations, documents) report a failure the same way and ask for a file
 * to save to the same way, and the document dialogs offer the same paper and
 * language rows; these few functions say it once.
 */
#define G_LOG_DOMAIN "sec-tool-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/widgets/sec-tool-window.h"
#include "core/documents/sec-document-locale.h"

/**
 * sec_tool_window_show_error:
 * @widget: the window, or a widget inside the window the dialog belongs to
 * @heading: what failed, as a heading
 * @error: why
 *
 * Shows a message dialog with a Close button, transient for @widget's
 * window.
 */
void
sec_tool_window_show_error (GtkWidget    *widget,
                            const char   *heading,
                            const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sec_tool_window_new_save_chooser:
 * @parent: the window it is modal to
 * @name: the file name it suggests
 * @folder: (nullable): the folder it opens in
 * @filter: the kind of file written
 *
 * Returns: (transfer full): a modal "Save Document" chooser, not shown yet
 */
GtkNativeDialog *
sec_tool_window_new_save_chooser (GtkWindow     *parent,
                                  const char    *name,
                                  GFile         *folder,
                                  GtkFileFilter *filter)
{
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (GTK_IS_FILE_FILTER (filter), NULL);

  chooser = gtk_file_chooser_native_new (_("Save Document"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  return GTK_NATIVE_DIALOG (chooser);
}

/**
 * sec_tool_window_setup_paper_row:
 * @row: a row offering A4, then Letter
 *
 * Selects the paper of the user's locale.
 */
void
sec_tool_window_setup_paper_row (AdwComboRow *row)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  adw_combo_row_set_selected (row, sec_paper_get_default () == SEC_PAPER_LETTER ? 1 : 0);
}

/**
 * sec_tool_window_get_paper:
 * @row: a row set up with sec_tool_window_setup_paper_row ()
 *
 * Returns: the paper chosen
 */
SecPaper
sec_tool_window_get_paper (AdwComboRow *row)
{
  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), SEC_PAPER_A4);

  return adw_combo_row_get_selected (row) == 1 ? SEC_PAPER_LETTER : SEC_PAPER_A4;
}

/**
 * sec_tool_window_setup_language_row:
 * @row: a row without a model
 *
 * Offers the user's language, then each language documents are written in.
 */
void
sec_tool_window_setup_language_row (AdwComboRow *row)
{
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  gtk_string_list_append (languages, _("Your language"));
  for (const char *const *l = sec_document_languages (); *l != NULL; l++)
    gtk_string_list_append (languages, sec_document_language_name (*l));
  adw_combo_row_set_model (row, G_LIST_MODEL (languages));
}

/**
 * sec_tool_window_get_language:
 * @row: a row set up with sec_tool_window_setup_language_row ()
 *
 * Returns: (nullable): the code of the language chosen; %NULL for the
 *   user's language
 */
const char *
sec_tool_window_get_language (AdwComboRow *row)
{
  guint selected;
  const char *const *languages = sec_document_languages ();

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  selected = adw_combo_row_get_selected (row);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > g_strv_length ((GStrv) languages))
    return NULL;
  return languages[selected - 1];
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SecDocument       *document)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);

  gtk_print_operation_set_n_pages (operation, (int) sec_document_get_n_pages (document, width, height));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              SecDocument       *document)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);

  sec_document_render_page (document, gtk_print_context_get_cairo_context (context), (guint) page_nr,
                            width, height);
}

/**
 * sec_tool_window_print_document:
 * @parent: the window the print dialog belongs to
 * @document: what to print
 * @paper: the paper offered first
 * @action: the print dialog, or an export to @export_path
 * @export_path: (nullable): the PDF file for GTK_PRINT_OPERATION_ACTION_EXPORT
 * @error: where a failure goes
 *
 * Returns: what gtk_print_operation_run () returns
 */
GtkPrintOperationResult
sec_tool_window_print_document (GtkWindow               *parent,
                                SecDocument             *document,
                                SecPaper                 paper,
                                GtkPrintOperationAction  action,
                                const char              *export_path,
                                GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;

  g_return_val_if_fail (SEC_IS_DOCUMENT (document), GTK_PRINT_OPERATION_RESULT_ERROR);

  /* The document's margins are its own: the whole sheet is drawn on. */
  paper_size = gtk_paper_size_new (paper == SEC_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper_size);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, sec_document_get_title (document));
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print),
                         g_object_ref (document), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_object_ref (document), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return gtk_print_operation_run (operation, action, parent, error);
}
