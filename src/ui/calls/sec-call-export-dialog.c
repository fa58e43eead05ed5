/* sec-call-export-dialog.c: the documents of a call or a joint statement,
 * saved or printed
 *
 * A call offers its list of applications (PDF or CSV) and its selection
 * report; a statement, itself with its signatories and the monitoring
 * report of its commitments (PDF or CSV, for one year or each cell's
 * latest follow-up). The paper and the language apply to every document.
 * The document is read from the store where the store lives (this
 * thread), then written to a file in a worker thread, or printed with
 * GtkPrintOperation from the same SecDocument, so that the printed pages
 * are the PDF's.
 */
#define G_LOG_DOMAIN "sec-call-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-progress.h"
#include "core/documents/sec-call-documents.h"
#include "ui/calls/sec-call-export-dialog.h"
#include "core/documents/sec-document-locale.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-statement-documents.h"
#include "ui/widgets/sec-tool-window.h"

struct _SecCallExportDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkWidget           *print_button;
  GtkWidget           *spinner;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *document_group;
  AdwComboRow         *year_row;
  AdwComboRow         *paper_row;
  AdwComboRow         *language_row;

  /* owned */
  SecStore            *store;
  SecRecord           *record;   /* a call or a statement */
  GArray              *years;    /* (element-type int): the year row's, 0 first */
  GtkNativeDialog      *chooser;
  GCancellable        *cancellable;

  /* borrowed: in document_group, one per document offered, else NULL */
  GtkCheckButton      *checks[SEC_CALL_EXPORT_MONITORING_CSV + 1];

  SecCallExport        document;
};

G_DEFINE_FINAL_TYPE (SecCallExportDialog, sec_call_export_dialog, ADW_TYPE_WINDOW)

static const struct {
  gboolean    statement; /* a statement's document, else a call's */
  gboolean    csv;
  gboolean    by_year;
  const char *title;
  const char *subtitle;
  const char *file_stem; /* translated with the "file name" context */
} documents[] = {
  [SEC_CALL_EXPORT_APPLICATIONS_PDF] = {
    FALSE, FALSE, FALSE, N_("List of Applications (PDF)"),
    N_("Each application in the order received, with its eligibility, score and outcome"),
    NC_("file name", "applications") },
  [SEC_CALL_EXPORT_APPLICATIONS_CSV] = {
    FALSE, TRUE, FALSE, N_("List of Applications (CSV)"),
    N_("The same list for a spreadsheet"),
    NC_("file name", "applications") },
  [SEC_CALL_EXPORT_SELECTION_REPORT] = {
    FALSE, FALSE, FALSE, N_("Selection Report (PDF)"),
    N_("The organisations selected, on the reserve list and not selected, and the geographical "
       "balance before and after the call"),
    NC_("file name", "selection-report") },
  [SEC_CALL_EXPORT_STATEMENT] = {
    TRUE, FALSE, FALSE, N_("Joint Statement (PDF)"),
    N_("With its signatories in signing order and its commitments"),
    NC_("file name", "joint-statement") },
  [SEC_CALL_EXPORT_MONITORING_PDF] = {
    TRUE, FALSE, TRUE, N_("Monitoring Report (PDF)"),
    N_("The progress at a glance, then each commitment for each signatory"),
    NC_("file name", "monitoring-report") },
  [SEC_CALL_EXPORT_MONITORING_CSV] = {
    TRUE, TRUE, TRUE, N_("Monitoring Report (CSV)"),
    N_("The commitments grid for a spreadsheet, one line per cell"),
    NC_("file name", "monitoring-report") },
};

/* A document on its way to a file. */
typedef struct {
  SecDocument *document;  /* or */
  char        *csv;
  char        *path;
  SecPaper     paper;
  SecFileAccess file_kind; /* the applications' assessment is personal */
  GError      *error;      /* why there is nothing to write */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->document);
  g_free (job->csv);
  g_free (job->path);
  g_clear_error (&job->error);
  g_free (job);
}

/* Helpers */

static gboolean
is_statement (SecCallExportDialog *self)
{
  return SEC_IS_STATEMENT (self->record);
}

static void
show_error (SecCallExportDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
set_busy (SecCallExportDialog *self,
          gboolean             busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", !busy && !documents[self->document].csv);
  gtk_widget_set_sensitive (GTK_WIDGET (self->document_group), !busy);
}

static void
update_document (SecCallExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), documents[self->document].by_year);
  /* A spreadsheet has no pages. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), !documents[self->document].csv);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", !documents[self->document].csv);
}

/* "applications-CSP-2018-DK-EE-MT.pdf", "monitoring-report-2018-06-13-2020.csv" */
static char *
dup_file_name (SecCallExportDialog *self)
{
  const char *stem = g_dpgettext2 (GETTEXT_PACKAGE, "file name", documents[self->document].file_stem);
  g_autoptr(GString) name = g_string_new (stem);
  const char *reference = sec_record_get_string (self->record, is_statement (self) ? "signed-on" : "reference");
  int year = sec_call_export_dialog_get_year (self);

  if (reference != NULL && *reference != '\0')
    g_string_append_printf (name, "-%s", reference);
  else
    g_string_append_printf (name, "-%" G_GINT64_FORMAT, sec_record_get_id (self->record));
  if (documents[self->document].by_year && year > 0)
    g_string_append_printf (name, "-%d", year);
  g_string_append (name, documents[self->document].csv ? ".csv" : ".pdf");

  /* Nothing a file system could read as a folder. */
  g_strdelimit (name->str, "/\\:", '-');
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Reads the chosen document from the store: a SecDocument, or the CSV's
 * text. */
static gboolean
build_document (SecCallExportDialog  *self,
                SecDocument         **document,
                char                **csv,
                GError              **error)
{
  const char *language = sec_tool_window_get_language (self->language_row);
  int year = sec_call_export_dialog_get_year (self);

  *document = NULL;
  *csv = NULL;
  switch (self->document)
    {
    case SEC_CALL_EXPORT_APPLICATIONS_PDF:
      *document = sec_call_document_applications (self->store, SEC_CALL (self->record), language, error);
      break;
    case SEC_CALL_EXPORT_APPLICATIONS_CSV:
      *csv = sec_call_csv_applications (self->store, SEC_CALL (self->record), language, error);
      break;
    case SEC_CALL_EXPORT_SELECTION_REPORT:
      *document = sec_call_document_selection_report (self->store, SEC_CALL (self->record), language, error);
      break;
    case SEC_CALL_EXPORT_STATEMENT:
      *document = sec_statement_document (self->store, SEC_STATEMENT (self->record), language, error);
      break;
    case SEC_CALL_EXPORT_MONITORING_PDF:
      *document = sec_statement_document_monitoring (self->store, SEC_STATEMENT (self->record), year,
                                                     language, error);
      break;
    case SEC_CALL_EXPORT_MONITORING_CSV:
      *csv = sec_statement_csv_monitoring (self->store, SEC_STATEMENT (self->record), year, language, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return *document != NULL || *csv != NULL;
}

static gboolean
export_worker (gpointer           data,
               SecProgressRelay  *relay,
               GCancellable      *cancellable,
               GError           **error)
{
  ExportJob *job = data;

  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  /* The document has not been laid out yet: this thread does it. */
  return job->document != NULL
         ? sec_document_write_pdf (job->document, job->path, job->paper, error)
         : sec_export_write_file (job->path, job->csv, strlen (job->csv), job->file_kind, error);
}

/* Callbacks */

static void
on_check_toggled (SecCallExportDialog *self,
                  GtkCheckButton      *check)
{
  if (!gtk_check_button_get_active (check))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->checks); i++)
    if (self->checks[i] == check)
      self->document = (SecCallExport) i;
  update_document (self);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SecCallExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sec_call_export_dialog_export_finish (self, result, &error))
    {
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_chooser_response (SecCallExportDialog *self,
                     int                  response,
                     GtkNativeDialog     *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  set_busy (self, TRUE);
  sec_call_export_dialog_export_async (self, file, self->cancellable, on_export_done, g_object_ref (self));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecCallExportDialog *self = SEC_CALL_EXPORT_DIALOG (widget);
  g_autofree char *name = dup_file_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  if (documents[self->document].csv)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  self->chooser = sec_tool_window_new_save_chooser (GTK_WINDOW (self), name, NULL, filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

/* Prints the chosen document: with the print dialog, or straight to a PDF
 * file (@export_path) with GTK_PRINT_OPERATION_ACTION_EXPORT. */
static GtkPrintOperationResult
run_print (SecCallExportDialog      *self,
           GtkPrintOperationAction   action,
           const char               *export_path,
           GError                  **error)
{
  g_autoptr(SecDocument) document = NULL;
  g_autofree char *csv = NULL;

  g_assert (!documents[self->document].csv);

  if (!build_document (self, &document, &csv, error))
    return GTK_PRINT_OPERATION_RESULT_ERROR;

  return sec_tool_window_print_document (GTK_WINDOW (self), document, sec_tool_window_get_paper (self->paper_row),
                                         action, export_path, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SecCallExportDialog *self = SEC_CALL_EXPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (documents[self->document].csv)
    return;

  result = run_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY || result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
sec_call_export_dialog_dispose (GObject *object)
{
  SecCallExportDialog *self = SEC_CALL_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_CALL_EXPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sec_call_export_dialog_parent_class)->dispose (object);
}

static void
sec_call_export_dialog_finalize (GObject *object)
{
  SecCallExportDialog *self = SEC_CALL_EXPORT_DIALOG (object);

  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (sec_call_export_dialog_parent_class)->finalize (object);
}

static void
sec_call_export_dialog_class_init (SecCallExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_call_export_dialog_dispose;
  object_class->finalize = sec_call_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-call-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, document_group);
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, SecCallExportDialog, language_row);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sec_call_export_dialog_init (SecCallExportDialog *self)
{
  g_autoptr(GtkStringList) papers = gtk_string_list_new ((const char *[]) { _("A4"), _("Letter"), NULL });

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (papers));
  sec_tool_window_setup_paper_row (self->paper_row);
  sec_tool_window_setup_language_row (self->language_row);
}

/* Public API */

/**
 * sec_call_export_dialog_new:
 * @parent: (nullable): the window it is over
 * @store: the store @record comes from
 * @record: a stored call or statement
 *
 * Returns: (transfer none): a new dialog
 */
SecCallExportDialog *
sec_call_export_dialog_new (GtkWindow *parent,
                            SecStore  *store,
                            SecRecord *record)
{
  SecCallExportDialog *self;
  GtkCheckButton *group = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_CALL (record) || SEC_IS_STATEMENT (record), NULL);

  self = g_object_new (SEC_TYPE_CALL_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  title = sec_record_dup_title (record);
  adw_window_title_set_subtitle (self->window_title, title);

  /* The documents of this kind of record, as radio rows. */
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      GtkWidget *row, *check;

      if (documents[i].statement != is_statement (self))
        continue;
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        {
          group = GTK_CHECK_BUTTON (check);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          self->document = (SecCallExport) i;
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(documents[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(documents[i].subtitle));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->document_group, row);
      self->checks[i] = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, G_CONNECT_SWAPPED);
    }

  /* The years a monitoring report can be for. */
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  if (is_statement (self))
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      g_autoptr(GArray) years = sec_statement_dup_years (store, SEC_STATEMENT (record), NULL);
      int latest = 0;

      g_array_append_val (self->years, latest);
      gtk_string_list_append (labels, _("Latest of each commitment"));
      for (guint i = 0; years != NULL && i < years->len; i++)
        {
          int year = g_array_index (years, int, i);
          g_autofree char *text = g_strdup_printf ("%d", year);

          g_array_append_val (self->years, year);
          gtk_string_list_append (labels, text);
        }
      adw_combo_row_set_model (self->year_row, G_LIST_MODEL (labels));
    }

  update_document (self);
  return self;
}

SecCallExport
sec_call_export_dialog_get_document (SecCallExportDialog *self)
{
  g_return_val_if_fail (SEC_IS_CALL_EXPORT_DIALOG (self), SEC_CALL_EXPORT_APPLICATIONS_PDF);

  return self->document;
}

void
sec_call_export_dialog_set_document (SecCallExportDialog *self,
                                     SecCallExport        document)
{
  g_return_if_fail (SEC_IS_CALL_EXPORT_DIALOG (self));
  g_return_if_fail ((guint) document < G_N_ELEMENTS (documents));
  g_return_if_fail (self->checks[document] != NULL);

  gtk_check_button_set_active (self->checks[document], TRUE);
}

int
sec_call_export_dialog_get_year (SecCallExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (SEC_IS_CALL_EXPORT_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->year_row);
  if (self->years == NULL || selected >= self->years->len)
    return 0;
  return g_array_index (self->years, int, selected);
}

void
sec_call_export_dialog_set_year (SecCallExportDialog *self,
                                 int                  year)
{
  g_return_if_fail (SEC_IS_CALL_EXPORT_DIALOG (self));

  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      adw_combo_row_set_selected (self->year_row, i);
}

/**
 * sec_call_export_dialog_export_async:
 * @file: where to write; a local file
 *
 * Reads the chosen document now and writes it to @file in a worker thread;
 * nothing is left at @file on failure. The result's source object is
 * %NULL (sec_worker_run ()): pass @self to
 * sec_call_export_dialog_export_finish () through @user_data.
 */
void
sec_call_export_dialog_export_async (SecCallExportDialog *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ExportJob *job;

  g_return_if_fail (SEC_IS_CALL_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->path = g_file_get_path (file);
  job->paper = sec_tool_window_get_paper (self->paper_row);
  job->file_kind = sec_export_kind_is_personal (self->document == SEC_CALL_EXPORT_APPLICATIONS_CSV ? "applications"
                                                                                                 : "monitoring")
                   ? SEC_FILE_PERSONAL : SEC_FILE_PUBLIC;
  if (job->path == NULL)
    g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Documents can only be saved in a local folder"));
  else if (build_document (self, &job->document, &job->csv, &job->error))
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);

  /* Nothing to write: the error is told from the main loop all the same. */
  if (job->error != NULL)
    sec_worker_run_here (sec_call_export_dialog_export_async, job, export_job_free, export_worker,
                         NULL, NULL, cancellable, callback, user_data);
  else
    sec_worker_run (sec_call_export_dialog_export_async, job, export_job_free, export_worker,
                    NULL, NULL, cancellable, callback, user_data);
}

gboolean
sec_call_export_dialog_export_finish (SecCallExportDialog  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  g_return_val_if_fail (SEC_IS_CALL_EXPORT_DIALOG (self), FALSE);

  return sec_worker_finish (result, sec_call_export_dialog_export_async, error) != NULL;
}

/**
 * sec_call_export_dialog_print_to_file:
 * @path: the PDF file to write
 *
 * Prints the chosen document as Print does, through GtkPrintOperation,
 * into a PDF file instead of to a printer, without the print dialog.
 *
 * Returns: whether it was printed
 */
gboolean
sec_call_export_dialog_print_to_file (SecCallExportDialog  *self,
                                      const char           *path,
                                      GError              **error)
{
  g_return_val_if_fail (SEC_IS_CALL_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (documents[self->document].csv)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("A CSV file is not printed"));
      return FALSE;
    }
  return run_print (self, GTK_PRINT_OPERATION_ACTION_EXPORT, path, error) == GTK_PRINT_OPERATION_RESULT_APPLY;
}
