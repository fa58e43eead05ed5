/* sec-tool-window.c: what the tool windows share
 *
 * The windows and dialogs a record's tools open (agenda, participants,
 * invitations, documents) report a failure the same way and ask for a file
 * to save to the same way; these few functions say it once.
 */
#define G_LOG_DOMAIN "sec-tool-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/widgets/sec-tool-window.h"

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
