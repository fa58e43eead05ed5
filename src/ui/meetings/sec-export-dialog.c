/* sec-export-dialog.c: printing a meeting's documents and saving them
 *
 * One renderer behind both: "Print…" lays the SecDocument out for the
 * printer's paper through GtkPrintOperation, "Preview" (and Preview in the
 * print dialog) shows the same pages in a SecDocumentPreview window,
 * "Save…" writes it through sec_meeting_document_export_async (), off the
 * main thread, after the meeting's data were read from the store here. A
 * saved file is announced with a button to open it; a failure is shown in
 * a message, never only logged.
 */
#define G_LOG_DOMAIN "sec-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/meetings/sec-export-dialog.h"
#include "core/store/sec-records.h"
#include "ui/widgets/sec-document-preview.h"
#include "ui/widgets/sec-progress-strip.h"
#include "ui/widgets/sec-toaster.h"
#include "ui/widgets/sec-tool-window.h"

struct _SecExportDialog
{
  SecMeetingWindow      parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *print_button;
  GtkWidget            *save_button;
  SecProgressStrip     *progress_strip;
  AdwComboRow          *document_row;
  AdwPreferencesGroup  *list_group;
  AdwActionRow         *public_row;
  GtkSwitch            *public_switch;
  AdwComboRow          *group_row;
  AdwComboRow          *order_row;
  AdwExpanderRow       *columns_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *language_row;

  /* owned */
  SecStore             *store;  /* borrowed: SecMeetingWindow's */
  GPtrArray            *column_checks;  /* GtkCheckButton, one per column */
  GtkNativeDialog      *chooser;
  GtkPrintSettings     *print_settings; /* kept from one print to the next */
  GCancellable         *cancellable;
  SecToaster           *toaster;

  gint64                meeting_id;  /* SecMeetingWindow's */
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (SecExportDialog, sec_export_dialog, SEC_TYPE_MEETING_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* Whether @kind can be printed and previewed (a SecDocument). */
static gboolean
is_pdf (SecMeetingExport kind)
{
  return sec_meeting_export_has_document (kind);
}

static SecParticipantColumns
selected_columns (SecExportDialog *self)
{
  guint n_columns;
  const SecParticipantColumnInfo *columns = sec_participant_columns_list (&n_columns);
  SecParticipantColumns wanted = SEC_PARTICIPANT_COLUMN_NAME;

  for (guint i = 0; i < n_columns && i < self->column_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->column_checks, i)))
      wanted |= columns[i].column;
  return wanted;
}

/* @options borrows the language; it lives as long as the dialog. */
static void
get_options (SecExportDialog           *self,
             SecMeetingDocumentOptions *options)
{
  memset (options, 0, sizeof *options);
  options->columns = selected_columns (self);
  options->group_by = (SecGroupBy) MIN (adw_combo_row_get_selected (self->group_row), SEC_GROUP_BY_BODY);
  options->country_order = adw_combo_row_get_selected (self->order_row) == 1 ? SEC_COUNTRY_ORDER_PROTOCOL
                                                                             : SEC_COUNTRY_ORDER_ALPHABETICAL;
  options->public_variant = gtk_switch_get_active (self->public_switch);
  options->language = sec_tool_window_get_language (self->language_row);
}

static void
set_busy (SecExportDialog *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_strip), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print",
                                 !busy && is_pdf (sec_export_dialog_get_kind (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.preview",
                                 !busy && is_pdf (sec_export_dialog_get_kind (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* "2018-06-13 Agenda - Meeting of the EU Network….pdf" */
static char *
suggest_file_name (SecExportDialog *self,
                   SecMeetingData  *data)
{
  SecMeetingExport kind = sec_export_dialog_get_kind (self);
  g_autofree char *date = g_strndup (data->starts_at ? data->starts_at : "", 10);
  g_autofree char *title = g_strdup (data->title ? data->title : "");
  g_autoptr(GString) name = g_string_new (NULL);

  /* Not every file system takes these; and a long title is cut. */
  g_strdelimit (title, "/\\:*?\"<>|", '-');
  if (g_utf8_strlen (title, -1) > 80)
    {
      char *end = g_utf8_offset_to_pointer (title, 80);
      *end = '\0';
      g_strstrip (title);
    }
  if (*date != '\0')
    g_string_append_printf (name, "%s ", date);
  g_string_append (name, sec_meeting_export_get_label (kind));
  if (*title != '\0')
    g_string_append_printf (name, " - %s", title);
  g_string_append_printf (name, ".%s", sec_meeting_export_get_extension (kind));
  g_strdelimit (name->str, "/\\:*?\"<>|", '-');
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Callbacks */

static void
on_options_changed (SecExportDialog *self)
{
  SecMeetingExport kind = sec_export_dialog_get_kind (self);
  gboolean list = kind == SEC_MEETING_EXPORT_PARTICIPANTS || kind == SEC_MEETING_EXPORT_ATTENDANCE ||
                  kind == SEC_MEETING_EXPORT_PACK || kind == SEC_MEETING_EXPORT_PARTICIPANTS_CSV ||
                  kind == SEC_MEETING_EXPORT_BADGES || kind == SEC_MEETING_EXPORT_TABLE_CARDS;
  /* Badges and cards: the order of a list, their own fields. */
  gboolean columns = kind != SEC_MEETING_EXPORT_ATTENDANCE && kind != SEC_MEETING_EXPORT_BADGES &&
                     kind != SEC_MEETING_EXPORT_TABLE_CARDS;
  gboolean public_variant = gtk_switch_get_active (self->public_switch);
  guint n_columns;
  const SecParticipantColumnInfo *info = sec_participant_columns_list (&n_columns);

  gtk_widget_set_visible (GTK_WIDGET (self->list_group), list);
  gtk_widget_set_visible (GTK_WIDGET (self->public_row), columns);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_row), columns);
  gtk_widget_set_sensitive (GTK_WIDGET (self->order_row), adw_combo_row_get_selected (self->group_row) == SEC_GROUP_BY_COUNTRY);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), g_str_equal (sec_meeting_export_get_extension (kind), "pdf"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", !self->busy && is_pdf (kind));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.preview", !self->busy && is_pdf (kind));

  /* The name is always there; a public list has no contact data. */
  for (guint i = 0; i < n_columns && i < self->column_checks->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->column_checks, i),
                              info[i].column != SEC_PARTICIPANT_COLUMN_NAME &&
                              !(public_variant && (info[i].column & SEC_PARTICIPANT_COLUMNS_PRIVATE)));
}

static void
on_export_progress (double   fraction,
                    gpointer user_data)
{
  SecExportDialog *self = user_data;

  if (self->progress_strip != NULL)
    sec_progress_strip_set_fraction (self->progress_strip, fraction);
}

/* Stops the export under way: export_done_cb () then gets the
 * cancellation, and no file is left. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecExportDialog *self = SEC_EXPORT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SecExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Closed meanwhile: nobody to tell. */
  if (self->toast_overlay == NULL)
    {
      sec_meeting_document_export_finish (result, NULL);
      return;
    }
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (!sec_meeting_document_export_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Save the Document"), error);
      return;
    }

  file = g_object_get_data (G_OBJECT (self), "sec-saving");
  uri = g_file_get_uri (file);
  name = g_file_get_basename (file);
  {
    g_autofree char *display = g_filename_display_name (name);
    escaped = g_markup_escape_text (display, -1);
  }
  /* Translators: a notification after a document was written, %s is a file name */
  text = g_strdup_printf (_("Saved as “%s”"), escaped);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "export.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  sec_toaster_show (self->toaster, toast);
}

static void
on_chooser_response (SecExportDialog *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    sec_export_dialog_save_to_file (self, file);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SecDocument       *doc)
{
  guint n = sec_document_get_n_pages (doc, gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              SecDocument       *doc)
{
  sec_document_render_page (doc, gtk_print_context_get_cairo_context (context), (guint) page_nr,
                            gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/* The print dialog's Preview: shown here, not handed to an external
 * viewer that may not be there. */
static gboolean
on_preview (SecExportDialog          *self,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            GtkPrintOperation        *operation)
{
  SecDocument *doc = g_object_get_data (G_OBJECT (operation), "sec-document");
  SecDocumentPreview *window;

  window = sec_document_preview_new (GTK_WINDOW (self), doc, gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
  gtk_window_present (GTK_WINDOW (window));
  gtk_print_operation_preview_end_preview (preview);
  return TRUE;
}

static void
on_print_done (SecExportDialog         *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Print"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecExportDialog *self = SEC_EXPORT_DIALOG (widget);
  SecMeetingExport kind = sec_export_dialog_get_kind (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) data = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  /* No Documents folder set up: the home folder, not wherever the program
   * was started from. */
  if (documents == NULL)
    documents = g_get_home_dir ();

  if ((data = sec_meeting_data_load (self->store, self->meeting_id, &error)) == NULL)
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Read the Meeting"), error);
      return;
    }
  name = suggest_file_name (self, data);

  if (documents != NULL)
    folder = g_file_new_for_path (documents);
  gtk_file_filter_set_name (filter, sec_meeting_export_get_label (kind));
  gtk_file_filter_add_mime_type (filter, sec_meeting_export_get_mime_type (kind));

  g_clear_object (&self->chooser);
  self->chooser = sec_tool_window_new_save_chooser (GTK_WINDOW (self), name, folder, filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

/* The document chosen, laid out here, in the main thread, where it is
 * drawn; NULL (and a message) when it cannot be made, or is no PDF. */
static SecDocument *
new_document (SecExportDialog *self)
{
  SecMeetingExport kind = sec_export_dialog_get_kind (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) data = NULL;
  SecMeetingDocumentOptions options;

  if (!is_pdf (kind))
    return NULL;
  if ((data = sec_meeting_data_load (self->store, self->meeting_id, &error)) == NULL)
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Read the Meeting"), error);
      return NULL;
    }
  get_options (self, &options);
  return sec_meeting_document_new (data, kind, &options);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SecExportDialog *self = SEC_EXPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  SecDocument *doc;

  if ((doc = new_document (self)) == NULL)
    return;

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "sec-document", doc, g_object_unref);
  gtk_print_operation_set_job_name (operation, sec_document_get_title (doc));
  /* The document's own margins, in points, as in its PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  paper = gtk_paper_size_new (sec_tool_window_get_paper (self->paper_row) == SEC_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                                  : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), doc);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (operation, "preview", G_CALLBACK (on_preview), self, G_CONNECT_SWAPPED);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Print"), error);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SecExportDialog *self = SEC_EXPORT_DIALOG (widget);
  g_autoptr(SecDocument) doc = NULL;
  double width, height;

  if ((doc = new_document (self)) == NULL)
    return;
  sec_paper_get_size (sec_tool_window_get_paper (self->paper_row), &width, &height);
  gtk_window_present (GTK_WINDOW (sec_document_preview_new (GTK_WINDOW (self), doc, width, height)));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Overrides */

static void
sec_export_dialog_constructed (GObject *object)
{
  SecExportDialog *self = (SecExportDialog *) object;
  g_autoptr(GtkStringList) documents = gtk_string_list_new (NULL);
  g_autoptr(SecRecord) meeting = NULL;
  const SecParticipantColumnInfo *columns;
  SecParticipantColumns defaults = sec_participant_columns_default (FALSE);
  guint n_columns;

  G_OBJECT_CLASS (sec_export_dialog_parent_class)->constructed (object);

  self->store = sec_meeting_window_get_store (SEC_MEETING_WINDOW (self));
  self->meeting_id = sec_meeting_window_get_meeting_id (SEC_MEETING_WINDOW (self));

  g_assert (SEC_IS_STORE (self->store));

  if ((meeting = sec_store_get (self->store, SEC_TYPE_MEETING, self->meeting_id, NULL)) != NULL)
    {
      g_autofree char *title = sec_record_dup_title (meeting);
      adw_window_title_set_subtitle (self->window_title, title);
    }

  for (SecMeetingExport kind = SEC_MEETING_EXPORT_AGENDA; kind <= SEC_MEETING_EXPORT_LAST; kind++)
    gtk_string_list_append (documents, sec_meeting_export_get_label (kind));
  adw_combo_row_set_model (self->document_row, G_LIST_MODEL (documents));

  sec_tool_window_setup_language_row (self->language_row);
  sec_tool_window_setup_paper_row (self->paper_row);

  columns = sec_participant_columns_list (&n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(columns[i].label));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   columns[i].column == SEC_PARTICIPANT_COLUMN_NAME || (defaults & columns[i].column));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_bind_property (check, "sensitive", row, "sensitive", G_BINDING_SYNC_CREATE);
      adw_expander_row_add_row (self->columns_row, row);
      g_ptr_array_add (self->column_checks, check);
    }

  on_options_changed (self);
}

static void
sec_export_dialog_dispose (GObject *object)
{
  SecExportDialog *self = (SecExportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (sec_export_dialog_parent_class)->dispose (object);
}

static void
sec_export_dialog_finalize (GObject *object)
{
  SecExportDialog *self = (SecExportDialog *) object;

  g_clear_object (&self->print_settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->toaster);
  g_clear_pointer (&self->column_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (sec_export_dialog_parent_class)->finalize (object);
}

static void
sec_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SecExportDialog *self = SEC_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_export_dialog_class_init (SecExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_export_dialog_constructed;
  object_class->dispose = sec_export_dialog_dispose;
  object_class->finalize = sec_export_dialog_finalize;
  object_class->get_property = sec_export_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SEC_TYPE_PROGRESS_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, progress_strip);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, public_row);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, public_switch);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, columns_row);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, SecExportDialog, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "export.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "export.open-file", "s", open_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "export.preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sec_export_dialog_init (SecExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", FALSE);

  self->column_checks = g_ptr_array_new ();
  self->toaster = sec_toaster_new (self->toast_overlay);
}

/* Public API */

/**
 * sec_export_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the dialog
 */
SecExportDialog *
sec_export_dialog_new (GtkWindow *parent,
                       SecStore  *store,
                       gint64     meeting_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return g_object_new (SEC_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
}

SecMeetingExport
sec_export_dialog_get_kind (SecExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (SEC_IS_EXPORT_DIALOG (self), SEC_MEETING_EXPORT_AGENDA);

  selected = adw_combo_row_get_selected (self->document_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected > SEC_MEETING_EXPORT_LAST)
    return SEC_MEETING_EXPORT_AGENDA;
  return (SecMeetingExport) selected;
}

void
sec_export_dialog_set_kind (SecExportDialog  *self,
                            SecMeetingExport  kind)
{
  g_return_if_fail (SEC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (kind <= SEC_MEETING_EXPORT_LAST);

  adw_combo_row_set_selected (self->document_row, kind);
}

/**
 * sec_export_dialog_save_to_file:
 * @file: where to write
 *
 * Writes the document chosen to @file.
 */
void
sec_export_dialog_save_to_file (SecExportDialog *self,
                                GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) data = NULL;
  g_autofree char *path = NULL;
  SecMeetingDocumentOptions options;

  g_return_if_fail (SEC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Documents can only be saved in a folder of this computer"));
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Save the Document"), error);
      return;
    }
  /* Read here, where the store lives; written in a worker thread. */
  if ((data = sec_meeting_data_load (self->store, self->meeting_id, &error)) == NULL)
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Read the Meeting"), error);
      return;
    }

  get_options (self, &options);
  g_object_set_data_full (G_OBJECT (self), "sec-saving", g_object_ref (file), g_object_unref);
  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* The dialog lives until export_done_cb (), which holds a reference:
   * the progress stops being told before it runs. */
  sec_meeting_document_export_async (data, sec_export_dialog_get_kind (self), &options,
                                     sec_tool_window_get_paper (self->paper_row), path,
                                     on_export_progress, self, self->cancellable,
                                     export_done_cb, g_object_ref (self));
}

gboolean
sec_export_dialog_get_busy (SecExportDialog *self)
{
  g_return_val_if_fail (SEC_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}
