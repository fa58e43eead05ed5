/* sec-deleted-dialog.c: the deleted records, each with Restore
 *
 * Built in code, as the backups dialog: one group whose rows are the
 * records deleted on their own (the history keeps their rows), newest
 * first. Restore brings one back with the records deleted with it and the
 * references its deletion cleared, in one transaction
 * (sec_store_restore_deleted ()); the toast's Undo deletes it again. The
 * lists of the window follow by themselves (SecStore::changed).
 */
#define G_LOG_DOMAIN "sec-deleted-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-history.h"
#include "ui/shell/sec-deleted-dialog.h"
#include "ui/widgets/sec-a11y.h"

/* The newest deletions shown; `secretariat history deleted` prints all. */
#define MAX_DELETED 200

struct _SecDeletedDialog
{
  AdwPreferencesWindow  parent_instance;

  /* owned */
  SecStore             *store;
  GPtrArray            *deleted;  /* of SecDeletedRecord, as listed */
  GType                 undo_kind;
  gint64                undo_id;

  /* borrowed */
  AdwPreferencesPage   *page;
  GtkWidget            *group;
};

G_DEFINE_FINAL_TYPE (SecDeletedDialog, sec_deleted_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static void fill (SecDeletedDialog *self);

static void
show_error (SecDeletedDialog *self,
            const char       *heading,
            const char       *message)
{
  GtkWidget *failed = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (failed));
}

static void
undo_restore (SecDeletedDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->undo_id == 0)
    return;
  if (!sec_store_delete (self->store, self->undo_kind, self->undo_id, &error))
    show_error (self, _("Could Not Undo"), error->message);
  self->undo_id = 0;
  fill (self);
}

gboolean
sec_deleted_dialog_restore (SecDeletedDialog  *self,
                            guint              index,
                            GError           **error)
{
  SecDeletedRecord *d;
  AdwToast *toast;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SEC_IS_DELETED_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->deleted->len, FALSE);

  d = g_ptr_array_index (self->deleted, index);
  if (!sec_store_restore_deleted (self->store, d->kind, d->record_id, error))
    return FALSE;
  self->undo_kind = d->kind;
  self->undo_id = d->record_id;
  /* Translators: a toast: "“Anna Müller” brought back" */
  title = g_strdup_printf (_("“%s” brought back"), d->title);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_restore), self, G_CONNECT_SWAPPED);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  fill (self);
  return TRUE;
}

static void
on_restore_clicked (GtkButton        *button,
                    SecDeletedDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "deleted-index"));
  g_autoptr(GError) error = NULL;

  if (!sec_deleted_dialog_restore (self, index, &error))
    show_error (self, _("Could Not Restore"), error->message);
}

static GtkWidget *
make_row (SecDeletedDialog *self,
          guint             index)
{
  SecDeletedRecord *d = g_ptr_array_index (self->deleted, index);
  g_autofree char *when = sec_format_utc_datetime (d->at);
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Translators: a deleted record: its kind, when and by whom it was deleted,
   * "Person · deleted 6 December 2026, 09:44 by jdoe" */
  subtitle = g_strdup_printf (_("%s · deleted %s by %s"), _(sec_kind_from_type (d->kind)->label),
                              when, d->user ? d->user : "?");
  /* Names are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of a deleted record's Restore button */
  name = g_strdup_printf (_("Restore “%s”"), d->title);
  sec_accessible_set_name (button, name);
  g_object_set_data (G_OBJECT (button), "deleted-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill (SecDeletedDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->group != NULL)
    adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (self->group));
  g_clear_pointer (&self->deleted, g_ptr_array_unref);
  self->deleted = sec_store_list_deleted (self->store, 0, MAX_DELETED, &error);
  if (self->deleted == NULL)
    {
      g_warning ("Could not list the deleted records: %s", error->message);
      self->deleted = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_deleted_record_free);
    }

  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Deleted Records"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("Newest first. Restore brings a record back with what was deleted "
                                           "with it: a person with their participations, a meeting with its "
                                           "agenda and participants."));
  if (self->deleted->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No deleted records"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
    }
  for (guint i = 0; i < self->deleted->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), make_row (self, i));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->group));
}

static void
sec_deleted_dialog_finalize (GObject *object)
{
  SecDeletedDialog *self = (SecDeletedDialog *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->deleted, g_ptr_array_unref);

  G_OBJECT_CLASS (sec_deleted_dialog_parent_class)->finalize (object);
}

static void
sec_deleted_dialog_class_init (SecDeletedDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sec_deleted_dialog_finalize;
}

static void
sec_deleted_dialog_init (SecDeletedDialog *self)
{
}

/**
 * sec_deleted_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
SecDeletedDialog *
sec_deleted_dialog_new (GtkWindow *parent,
                        SecStore  *store)
{
  SecDeletedDialog *self;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  self = g_object_new (SEC_TYPE_DELETED_DIALOG,
                       "title", _("Deleted Records"),
                       "transient-for", parent,
                       "modal", TRUE,
                       "search-enabled", FALSE,
                       "default-width", 560,
                       "default-height", 520,
                       NULL);
  self->store = g_object_ref (store);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), self->page);
  fill (self);
  return self;
}

guint
sec_deleted_dialog_get_n_deleted (SecDeletedDialog *self)
{
  g_return_val_if_fail (SEC_IS_DELETED_DIALOG (self), 0);

  return self->deleted->len;
}

/* For tests: the toast's Undo. */
void
sec_deleted_dialog_undo (SecDeletedDialog *self)
{
  g_return_if_fail (SEC_IS_DELETED_DIALOG (self));

  undo_restore (self);
}
