/* sec-backups-dialog.c: the backups of the database, each with Restore
 *
 * Built in code: one preferences group whose rows are the backups. The
 * dialog itself changes nothing; it asks, then hands the chosen file to
 * whoever listens to ::restore (the application, which closes and reopens
 * the database around the restore).
 *
 * The rows come from the backups' names, at once; each copy's records are
 * counted in a worker (a copy of a large file takes a few tenths of a
 * second to open and count), one copy after another, newest first, while
 * the dialog is shown. Meanwhile its row shows a spinner and its Restore
 * is off; hidden or closed, the dialog cancels the count under way.
 */
#define G_LOG_DOMAIN "sec-backups-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/store/sec-backups.h"
#include "ui/shell/sec-backups-dialog.h"

typedef struct {
  AdwActionRow *row;
  GtkWidget    *spinner;  /* until the copy is counted */
  GtkWidget    *button;
} Row;

struct _SecBackupsDialog
{
  AdwPreferencesWindow  parent_instance;

  /* owned */
  GPtrArray            *backups;   /* of SecBackup, as listed */
  GCancellable         *counting;  /* the count under way, or NULL */

  /* borrowed: the group's widgets */
  GArray               *rows;      /* of Row, one per backup */

  guint                 n_counted; /* the first backups, newest first */
};

G_DEFINE_FINAL_TYPE (SecBackupsDialog, sec_backups_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "6 December 2026, 09:44" in the user's language. */
static char *
format_date (SecBackup *backup)
{
  g_autofree char *iso = g_date_time_format (backup->date, "%Y-%m-%dT%H:%M:%S");

  return sec_format_datetime (iso);
}

static void
on_question_response (SecBackupsDialog *self,
                      const char       *response,
                      AdwMessageDialog *question)
{
  const char *path = g_object_get_data (G_OBJECT (question), "backup-path");

  if (g_strcmp0 (response, "restore") == 0)
    g_signal_emit (self, signals[RESTORE], 0, path);
}

AdwMessageDialog *
sec_backups_dialog_ask_restore (SecBackupsDialog *self,
                                guint             index)
{
  SecBackup *backup;
  g_autofree char *date = NULL;
  GtkWidget *question;

  g_return_val_if_fail (SEC_IS_BACKUPS_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->backups->len, NULL);

  backup = g_ptr_array_index (self->backups, index);
  date = format_date (backup);
  question = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (question),
                                  _("The database will be replaced with the copy of %s. "
                                    "The database as it is now is kept as a backup first, "
                                    "so the restore can be undone."),
                                  date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_object_set_data_full (G_OBJECT (question), "backup-path", g_strdup (backup->path), g_free);
  g_signal_connect_object (question, "response", G_CALLBACK (on_question_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (question));
  return ADW_MESSAGE_DIALOG (question);
}

static void
on_restore_clicked (GtkButton        *button,
                    SecBackupsDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "backup-index"));

  sec_backups_dialog_ask_restore (self, index);
}

/* "Daily · 1,234 records", or "Daily · counting records…" until it is
 * counted. */
static void
set_subtitle (SecBackupsDialog *self,
              guint             index,
              gboolean          counted)
{
  SecBackup *backup = g_ptr_array_index (self->backups, index);
  Row *row = &g_array_index (self->rows, Row, index);
  g_autofree char *count = sec_format_count (backup->n_records);
  g_autofree char *records = NULL;
  g_autofree char *subtitle = NULL;

  if (!counted)
    records = g_strdup (_("counting records…"));
  else if (backup->n_records >= 0)
    records = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record", "%s records",
                                            (gulong) backup->n_records),
                               count);
  else
    records = g_strdup (_("cannot be read"));
  /* Translators: a backup's reason and size, e.g. "Daily · 1,234 records" */
  subtitle = g_strdup_printf (_("%s · %s"), sec_backup_reason_label (backup->reason), records);
  adw_action_row_set_subtitle (row->row, subtitle);
}

static GtkWidget *
make_row (SecBackupsDialog *self,
          guint             index)
{
  SecBackup *backup = g_ptr_array_index (self->backups, index);
  g_autofree char *date = format_date (backup);
  Row row = { ADW_ACTION_ROW (adw_action_row_new ()), gtk_spinner_new (), NULL };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), date);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row.row), backup->path);

  gtk_spinner_set_spinning (GTK_SPINNER (row.spinner), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row.spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Counting the records of this backup"), -1);
  adw_action_row_add_suffix (row.row, row.spinner);

  row.button = gtk_button_new_with_mnemonic (_("_Restore…"));
  gtk_widget_set_valign (row.button, GTK_ALIGN_CENTER);
  /* On once the copy is known to be readable. */
  gtk_widget_set_sensitive (row.button, FALSE);
  g_object_set_data (G_OBJECT (row.button), "backup-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (row.button, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
  adw_action_row_add_suffix (row.row, row.button);

  g_array_append_val (self->rows, row);
  set_subtitle (self, index, FALSE);
  return GTK_WIDGET (row.row);
}

static void count_next (SecBackupsDialog *self);

/* The count of the n_counted-th backup. */
static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SecBackupsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  SecBackup *backup;
  Row *row;
  gint64 n_records;
  int version;

  /* Cancelled: the dialog was hidden or closed; whatever runs now is
   * another count. */
  if (!sec_backup_count_finish (result, &n_records, &version, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->counting);
  if (error != NULL)
    g_debug ("Backup %u cannot be read: %s", self->n_counted, error->message);

  backup = g_ptr_array_index (self->backups, self->n_counted);
  row = &g_array_index (self->rows, Row, self->n_counted);
  backup->n_records = n_records;
  backup->version = version;
  set_subtitle (self, self->n_counted, TRUE);
  adw_action_row_remove (row->row, row->spinner);
  row->spinner = NULL;
  gtk_widget_set_sensitive (row->button, backup->n_records >= 0);
  self->n_counted++;
  count_next (self);
}

/* Counts the next copy not counted yet, unless one is being counted. */
static void
count_next (SecBackupsDialog *self)
{
  SecBackup *backup;

  if (self->counting != NULL || self->n_counted >= self->backups->len)
    return;
  backup = g_ptr_array_index (self->backups, self->n_counted);
  self->counting = g_cancellable_new ();
  sec_backup_count_async (backup->path, self->counting, counted_cb, g_object_ref (self));
}

static void
stop_counting (SecBackupsDialog *self)
{
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
}

static void
sec_backups_dialog_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sec_backups_dialog_parent_class)->map (widget);

  count_next (SEC_BACKUPS_DIALOG (widget));
}

static void
sec_backups_dialog_unmap (GtkWidget *widget)
{
  stop_counting (SEC_BACKUPS_DIALOG (widget));

  GTK_WIDGET_CLASS (sec_backups_dialog_parent_class)->unmap (widget);
}

static void
sec_backups_dialog_dispose (GObject *object)
{
  stop_counting (SEC_BACKUPS_DIALOG (object));

  G_OBJECT_CLASS (sec_backups_dialog_parent_class)->dispose (object);
}

static void
sec_backups_dialog_finalize (GObject *object)
{
  SecBackupsDialog *self = (SecBackupsDialog *) object;

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (sec_backups_dialog_parent_class)->finalize (object);
}

static void
sec_backups_dialog_class_init (SecBackupsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_backups_dialog_dispose;
  object_class->finalize = sec_backups_dialog_finalize;
  widget_class->map = sec_backups_dialog_map;
  widget_class->unmap = sec_backups_dialog_unmap;

  /**
   * SecBackupsDialog::restore:
   * @path: the backup file to restore
   *
   * The user confirmed the restore of @path.
   */
  signals[RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sec_backups_dialog_init (SecBackupsDialog *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
}

/**
 * sec_backups_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @db_path: the database whose backups it lists
 *
 * Lists the backups as their names say; their records are counted once
 * it is shown, in a worker.
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
SecBackupsDialog *
sec_backups_dialog_new (GtkWindow  *parent,
                        const char *db_path)
{
  SecBackupsDialog *self;
  g_autofree char *folder = NULL;
  g_autofree char *folder_display = NULL;
  g_autofree char *description = NULL;
  GtkWidget *page, *group;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (SEC_TYPE_BACKUPS_DIALOG,
                       "title", _("Restore From Backup"),
                       "transient-for", parent,
                       "modal", TRUE,
                       "search-enabled", FALSE,
                       "default-width", 560,
                       "default-height", 520,
                       NULL);

  self->backups = sec_backups_scan (db_path);

  folder = sec_backups_get_folder (db_path);
  folder_display = g_filename_display_name (folder);
  description = g_strdup_printf (_("Copies of the database kept in “%s”, newest first. "
                                   "One is made on the first opening of each day, before "
                                   "every upgrade and whenever you choose Back Up Now."),
                                 folder_display);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Backups"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (self->backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; i < self->backups->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (self, i));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  return self;
}

guint
sec_backups_dialog_get_n_backups (SecBackupsDialog *self)
{
  g_return_val_if_fail (SEC_IS_BACKUPS_DIALOG (self), 0);

  return self->backups->len;
}

/* How many backups have their records counted (the first ones listed). */
guint
sec_backups_dialog_get_n_counted (SecBackupsDialog *self)
{
  g_return_val_if_fail (SEC_IS_BACKUPS_DIALOG (self), 0);

  return self->n_counted;
}
