/* sec-window-import.c: win.import, the import of organisations or people
 *
 * The file is chosen through GtkFileChooserNative (the portal in a
 * Flatpak); SecImportDialog previews, checks and writes it. Once done, the
 * window keeps its SecImportUndo: the toast's Undo and Ctrl+Z (win.undo)
 * take the whole import back in one step, as they do the last edit or
 * deletion.
 */
#define G_LOG_DOMAIN "sec-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/import/sec-import-dialog.h"
#include "ui/shell/sec-window.h"
#include "ui/shell/sec-window-private.h"

/* The toast waits for the summary to be closed: behind the dialog it
 * would time out unseen. */
static void
on_import_dialog_unmap (SecImportDialog *dialog,
                        SecWindow       *self)
{
  SecImportSummary s;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (self->import_undo == NULL || !sec_import_dialog_get_done (dialog) ||
      g_object_get_data (G_OBJECT (dialog), "toast-shown") != NULL)
    return;
  g_object_set_data (G_OBJECT (dialog), "toast-shown", GINT_TO_POINTER (TRUE));
  sec_import_dialog_get_summary (dialog, &s);
  /* Translators: a toast after an import; keep the numbers in this order */
  text = g_strdup_printf (_("Imported: %u new, %u merged"), s.imported, s.merged);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  sec_toaster_show (self->toaster, toast);
}

static void
on_import_done (SecImportDialog *dialog,
                GParamSpec      *pspec,
                SecWindow       *self)
{
  SecImportUndo *undo = sec_import_dialog_steal_undo (dialog);

  if (undo == NULL || self->store == NULL)
    {
      g_clear_pointer (&undo, sec_import_undo_free);
      return;
    }
  _sec_window_forget_undo (self);
  self->import_undo = undo;
  _sec_window_update_actions (self);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     SecWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  GType kind = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || self->store == NULL)
    return;
  _sec_window_import_file (self, kind, file);
}

void
_sec_window_import_file (SecWindow *self,
                         GType      kind,
                         GFile     *file)
{
  g_autoptr(GError) error = NULL;
  SecImportDialog *dialog;

  g_return_if_fail (self->store != NULL);

  dialog = sec_import_dialog_new (GTK_WINDOW (self), self->store, kind, file, &error);
  if (dialog == NULL)
    {
      _sec_window_show_error (self, error);
      return;
    }
  g_signal_connect_object (dialog, "notify::done", G_CALLBACK (on_import_done), self, 0);
  g_signal_connect_object (dialog, "unmap", G_CALLBACK (on_import_dialog_unmap), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The window holds the dialog until it is closed. */
  g_object_unref (dialog);
}

/* Takes back the last import; FALSE when there is none. */
gboolean
_sec_window_undo_import (SecWindow *self)
{
  SecImportUndo *undo = g_steal_pointer (&self->import_undo);
  g_autoptr(GError) error = NULL;

  if (undo == NULL)
    return FALSE;
  sec_toaster_dismiss (self->toaster);
  if (!sec_import_undo (self->store, undo, &error))
    _sec_window_show_error (self, error);
  else
    sec_toaster_show (self->toaster, adw_toast_new (_("Import undone")));
  sec_import_undo_free (undo);
  _sec_window_update_actions (self);
  return TRUE;
}

/* win.import ("organisations" or "people") */
void
_sec_window_import_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  GType kind = sec_record_kind_lookup (g_variant_get_string (parameter, NULL));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) vcard = gtk_file_filter_new ();

  if (self->store == NULL || (kind != SEC_TYPE_PERSON && kind != SEC_TYPE_ORGANISATION))
    return;
  chooser = gtk_file_chooser_native_new (kind == SEC_TYPE_PERSON ? _("Import People") : _("Import Organisations"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (all, kind == SEC_TYPE_PERSON ? _("CSV Files and vCards") : _("CSV Files"));
  gtk_file_filter_add_mime_type (all, "text/csv");
  gtk_file_filter_add_mime_type (all, "text/tab-separated-values");
  gtk_file_filter_add_pattern (all, "*.csv");
  gtk_file_filter_add_pattern (all, "*.txt");
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (kind == SEC_TYPE_PERSON)
    {
      gtk_file_filter_add_mime_type (all, "text/vcard");
      gtk_file_filter_add_pattern (all, "*.vcf");
      gtk_file_filter_set_name (vcard, _("vCards"));
      gtk_file_filter_add_mime_type (vcard, "text/vcard");
      gtk_file_filter_add_pattern (vcard, "*.vcf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), vcard);
    }
  g_object_set_data (G_OBJECT (chooser), "kind", GSIZE_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
