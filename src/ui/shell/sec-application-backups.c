/* sec-application-backups.c: SecApp's backups: Back Up Now, a restore and
 * its Undo
 *
 * Each runs in a worker thread and shows its progress in the active
 * window's strip, with Cancel (app.cancel-backup); while one runs, the
 * actions that would open another database are off. Part of SecApp (see
 * sec-application-private.h).
 */
#define G_LOG_DOMAIN "sec-application"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-backups.h"
#include "ui/shell/sec-application.h"
#include "ui/shell/sec-application-private.h"
#include "ui/shell/sec-backups-dialog.h"
#include "ui/shell/sec-window.h"

static void reopen_after_restore (SecApp *self, const char *path);


/* Back Up Now and a restore show their progress in the active window's
 * strip, with Cancel (app.cancel-backup, whose tooltip says what it does). */
static void
show_backup_strip (SecApp     *self,
                   const char *text,
                   const char *cancel_tooltip)
{
  SecWindow *window = _sec_app_get_active_window (self);
  SecProgressStrip *strip;

  self->backup_cancellable = g_cancellable_new ();
  self->backup_started = g_get_monotonic_time ();
  if (window == NULL)
    return;
  strip = sec_window_get_progress_strip (window);
  sec_progress_strip_set_text (strip, text);
  sec_progress_strip_set_cancel_action (strip, "app.cancel-backup", cancel_tooltip);
  gtk_widget_set_visible (GTK_WIDGET (strip), TRUE);
  g_set_weak_pointer (&self->backup_strip, GTK_WIDGET (strip));
}

static void
hide_backup_strip (SecApp     *self,
                   const char *what)
{
  if (self->backup_strip != NULL)
    {
      g_debug ("%s: %.1f s, the bar moved %u times", what,
               (g_get_monotonic_time () - self->backup_started) / 1e6,
               sec_progress_strip_get_n_updates (SEC_PROGRESS_STRIP (self->backup_strip)));
      gtk_widget_set_visible (self->backup_strip, FALSE);
    }
  g_clear_weak_pointer (&self->backup_strip);
  g_clear_object (&self->backup_cancellable);
}

/* From the worker, through the main loop (sec-progress.h). */
static void
backup_progress_cb (double   fraction,
                    gpointer user_data)
{
  SecApp *self = user_data;

  if (self->backup_strip != NULL)
    sec_progress_strip_set_fraction (SEC_PROGRESS_STRIP (self->backup_strip), fraction);
}

static void
backed_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SecApp) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sec_backups_make_finish (result, &error);
  g_autofree char *display = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  hide_backup_strip (self, "Back Up Now");
  self->backing_up = FALSE;
  _sec_app_update_backup_actions (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _sec_app_show_toast (self, adw_toast_new (_("Backup cancelled; no file was made")));
      return;
    }
  if (path == NULL)
    {
      _sec_app_show_error_dialog (self, _("Backup Failed"), error->message);
      return;
    }
  display = g_filename_display_name (path);
  escaped = g_markup_escape_text (display, -1);
  /* Translators: a toast; %s is the backup file */
  toast = adw_toast_new_format (_("Backup saved as “%s”"), escaped);
  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_action_name (toast, "app.open-backups-folder");
  _sec_app_show_toast (self, toast);
}

/* In a worker thread, on a connection of its own: the copy and its check
 * read the whole file (seconds for a large one), and the window goes on
 * meanwhile, showing how far the copy is in a strip with Cancel; the
 * action is off until the copy is made or cancelled. */
static void
back_up_now_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SecApp *self = user_data;

  if (self->store == NULL || self->backing_up || self->restore_running)
    return;
  self->backing_up = TRUE;
  show_backup_strip (self, _("Backing up…"), _("Stop the backup; no file is left"));
  _sec_app_update_backup_actions (self);
  sec_backups_make_async (sec_store_get_path (self->store), SEC_BACKUP_REASON_MANUAL,
                          backup_progress_cb, self, self->backup_cancellable,
                          backed_up_cb, g_object_ref (self));
}

/* backed_up_cb () then gets the cancellation: the copy under way is
 * removed, and the old backups stay as they were. A restore's
 * (restored_cb ()) leaves the database as it was, unless it came once the
 * file was replaced. */
static void
cancel_backup_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SecApp *self = user_data;

  g_cancellable_cancel (self->backup_cancellable);
}

static void
open_backups_folder_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SecApp *self = user_data;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (self->database_path == NULL)
    return;
  folder = sec_backups_get_folder (self->database_path);
  file = g_file_new_for_path (folder);
  uri = g_file_get_uri (file);
  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)), uri, GDK_CURRENT_TIME);
}

void
_sec_app_update_backup_actions (SecApp *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "back-up-now");
  gboolean busy = self->backing_up || self->restore_running;
  /* A database being opened has its file open in a worker: not to be
   * replaced, nor copied before it is open. */
  gboolean opening = self->open_cancellable != NULL;

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->store != NULL && !busy && !opening);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "cancel-backup");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), busy);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "restore-backup");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !busy && !opening);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "undo-restore");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->undo_restore_path != NULL && !busy && !opening);
  /* A restore ends by opening the restored file: another database opened
   * meanwhile would be replaced in the windows by it. */
  for (const char *const *name = (const char *const[]) { "open-database", "new-database", "open-recent",
                                                         "connect-shared-database", NULL }; *name; name++)
    if ((action = g_action_map_lookup_action (G_ACTION_MAP (self), *name)) != NULL)
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !self->restore_running);
  /* Putting deleted records back writes: not for an account that may only
   * read. */
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "deleted-records");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->store == NULL || sec_store_can_write (self->store));
}


/* The end of start_restore (): the database opened again, restored or as
 * it was, and the result shown: a toast whose Undo restores the copy kept
 * aside, or a dialog saying why nothing changed. */
static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SecApp) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *path = g_strdup (self->database_path);
  gboolean ok = sec_store_restore_finish (result, &kept, &error);
  AdwToast *toast;

  hide_backup_strip (self, "Restore");
  self->restore_running = FALSE;
  _sec_app_open_after_restore (self, path);
  if (ok)
    {
      g_free (self->undo_restore_path);
      self->undo_restore_path = self->restore_undoing ? NULL : g_steal_pointer (&kept);
    }
  _sec_app_update_backup_actions (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _sec_app_show_toast (self, adw_toast_new (_("Restore cancelled; nothing was changed")));
      return;
    }
  if (!ok)
    {
      _sec_app_show_error_dialog (self, _("Restore Failed"), error->message);
      return;
    }
  if (self->restore_undoing)
    toast = adw_toast_new (_("Restore undone"));
  else
    {
      toast = adw_toast_new (_("Backup restored"));
      if (self->undo_restore_path != NULL)
        {
          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_action_name (toast, "app.undo-restore");
        }
    }
  _sec_app_show_toast (self, toast);
}

/* The windows have let the store go (or one of them has, and @self
 * waits for the others): the restore starts, the store closing in the
 * worker (its checkpoint takes seconds for a large file). */
static void
store_let_go (SecApp *self)
{
  g_autoptr(SecStore) old = NULL;
  g_autofree char *backup_path = NULL;

  g_assert (self->restore_waiting > 0);
  if (--self->restore_waiting > 0)
    return;
  old = g_steal_pointer (&self->restore_store);
  backup_path = g_steal_pointer (&self->restore_backup);
  sec_store_restore_async (old, self->database_path, backup_path, backup_progress_cb, self,
                           self->backup_cancellable, restored_cb, g_object_ref (self));
}

static void
busy_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SecApp) self = user_data;

  sec_window_show_busy_finish (SEC_WINDOW (source), result, NULL);
  store_let_go (self);
}

/* Restores @backup_path in a worker thread (the checks and copies read
 * the whole file: minutes for a large one). The store is closed first
 * (the file is replaced by a rename: no connection of ours may keep using
 * the old one), and the windows show a page saying so rather than lists
 * of a closed store, letting the store go in steps; the strip shows how
 * far it is, with Cancel. */
static void
start_restore (SecApp     *self,
               const char *backup_path,
               gboolean    undoing)
{
  if (self->database_path == NULL || self->backing_up || self->restore_running || self->open_cancellable != NULL)
    return;
  self->restore_running = TRUE;
  self->restore_undoing = undoing;
  show_backup_strip (self, undoing ? _("Undoing the restore…") : _("Restoring the backup…"),
                     _("Stop the restore; the database stays as it was"));

  /* The app's store is gone at once; the restore waits for each window. */
  g_assert (self->restore_waiting == 0);
  self->restore_store = g_steal_pointer (&self->store);
  self->restore_backup = g_strdup (backup_path);
  self->restore_waiting = 1;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SEC_IS_WINDOW (l->data))
      {
        self->restore_waiting++;
        sec_window_show_busy_async (l->data, "document-revert-symbolic",
                                    undoing ? _("Undoing the Restore") : _("Restoring the Backup"),
                                    busy_shown_cb, g_object_ref (self));
      }
  _sec_app_notify_store (self);
  _sec_app_update_backup_actions (self);
  store_let_go (self);
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (window);
  g_object_unref (window);
}

static void
on_dialog_restore (SecApp           *self,
                   const char       *backup_path,
                   SecBackupsDialog *dialog)
{
  /* Hidden now (the window's strip shows the restore, and a failure is
   * told there), destroyed once its question (transient for it, still
   * answering) is gone. */
  start_restore (self, backup_path, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  g_timeout_add_once (0, destroy_window, g_object_ref (dialog));
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SecApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SecBackupsDialog *dialog;

  if (self->database_path == NULL || self->backing_up || self->restore_running || self->open_cancellable != NULL)
    return;
  dialog = sec_backups_dialog_new (parent, self->database_path);
  g_signal_connect_object (dialog, "restore", G_CALLBACK (on_dialog_restore), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_restore_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SecApp *self = user_data;
  g_autofree char *path = g_strdup (self->undo_restore_path);

  if (path != NULL)
    start_restore (self, path, TRUE);
}


/**
 * sec_app_restore_backup:
 * @backup_path: a backup of the database in use
 * @kept_aside: (out) (optional) (transfer full): the copy of the database
 *   as it was, to restore for an undo
 *
 * Closes the database, replaces it with @backup_path (sec_store_restore())
 * and opens it again in every window. On failure nothing changed and the
 * database is opened again as it was.
 */
gboolean
sec_app_restore_backup (SecApp      *self,
                        const char  *backup_path,
                        char       **kept_aside,
                        GError     **error)
{
  g_autofree char *path = NULL;
  gboolean ok;

  g_return_val_if_fail (SEC_IS_APP (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (self->database_path != NULL, FALSE);

  path = g_strdup (self->database_path);
  /* The file is replaced by a rename: no connection of ours may keep
   * using the old one (or its write-ahead log). */
  if (self->store != NULL)
    sec_store_close (self->store);
  ok = sec_store_restore (path, backup_path, kept_aside, error);
  reopen_after_restore (self, path);
  return ok;
}

/* Opens @path again after a restore, restored or not, in every window:
 * a failure shows why in them. */
static void
reopen_after_restore (SecApp     *self,
                      const char *path)
{
  g_autoptr(GError) open_error = NULL;

  self->restoring = TRUE;
  if (!sec_app_open_database (self, path, &open_error))
    {
      g_clear_object (&self->store);
      g_clear_error (&self->open_error);
      self->open_error = g_steal_pointer (&open_error);
      _sec_app_show_store_in_windows (self);
      _sec_app_notify_store (self);
    }
  self->restoring = FALSE;
}

static const GActionEntry backup_actions[] = {
  { "back-up-now", back_up_now_action },
  { "cancel-backup", cancel_backup_action },
  { "restore-backup", restore_backup_action },
  { "undo-restore", undo_restore_action },
  { "open-backups-folder", open_backups_folder_action },
};

void
_sec_app_add_backup_actions (SecApp *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), backup_actions,
                                   G_N_ELEMENTS (backup_actions), self);
  _sec_app_update_backup_actions (self);
}
