/* sec-application-open.c: the database the application works on, opened in
 * a worker thread
 *
 * Most openings take milliseconds, and the window comes up with the
 * database in it, as if it were opened in this thread. Some take minutes
 * on a large file: an upgrade for a newer Secretariat (a copy of the file
 * first) or the sort keys made again for another language
 * (sec_store_open_async ()). Past 300 ms the windows say so,
 * with a bar and Stop (app.stop-opening), which leaves the file as it was.
 * A shared database (a server's) still opens in this thread: its
 * connection stays in it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-shared-database.h"
#include "ui/shell/sec-application.h"
#include "ui/shell/sec-application-private.h"

SecStore *
_sec_app_open_location (const char  *location,
                        GError     **error)
{
  if (sec_shared_database_is_uri (location))
    return sec_shared_database_open (location, FALSE, error);
  return sec_store_open (location, error);
}

/* Each window's busy page: how far the opening is, and Stop. */
static void
show_progress (SecApp *self)
{
  g_autofree char *name = g_filename_display_basename (self->opening_path);
  g_autofree char *description =
    g_strdup_printf (_("“%s” is being brought up to date for this version of Secretariat or for "
                       "the order of names in your language. This is done once, and takes a while "
                       "for a large database. Stopping leaves it as it was."), name);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SEC_IS_WINDOW (l->data))
      sec_window_set_busy_progress (l->data, description, self->open_fraction, "app.stop-opening");
}

static gboolean
show_busy_cb (gpointer user_data)
{
  SecApp *self = user_data;
  SecWindow *window = _sec_app_get_main_window (self);

  self->open_busy_source = 0;
  self->open_busy_shown = TRUE;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SEC_IS_WINDOW (l->data))
      sec_window_show_busy_async (l->data, "folder-open-symbolic", _("Opening the Database"), NULL, NULL);
  show_progress (self);
  if (self->opening_initial && window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
opening_progress_cb (double   fraction,
                     gpointer user_data)
{
  SecApp *self = user_data;

  self->open_fraction = fraction;
  if (self->open_busy_shown)
    show_progress (self);
}

/* The first database of the application: in the window made for it, which
 * shows now if it was not shown yet. */
static void
initial_opened (SecApp   *self,
                SecStore *store,
                GError   *error)
{
  SecWindow *window = _sec_app_get_main_window (self);
  gboolean stopped = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  if (store != NULL)
    sec_app_use_store (self, store, NULL);
  else
    {
      if (stopped)
        {
          g_autofree char *name = g_filename_display_basename (self->database_path);

          self->open_error = g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                          _("Opening “%s” was stopped; it was left as it was. Open it again to finish."),
                                          name);
        }
      else
        self->open_error = g_error_copy (error);
      _sec_app_show_store_in_windows (self);
      _sec_app_notify_store (self);
    }
  if (window == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  /* After its first frame, not sec_app_use_store ()'s delay alone. */
  _sec_app_schedule_background_work_after_paint (self, GTK_WIDGET (window));
  if (store == NULL && !stopped)
    sec_app_show_open_error (self, self->database_path, self->open_error);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SecApp) self = user_data;
  g_autoptr(GError) error = NULL;
  SecStore *store = sec_store_open_finish (result, &error);
  g_autofree char *path = g_steal_pointer (&self->opening_path);

  g_clear_handle_id (&self->open_busy_source, g_source_remove);
  g_clear_object (&self->open_cancellable);
  self->open_busy_shown = FALSE;
  _sec_app_update_backup_actions (self);
  if (self->opening_initial)
    {
      initial_opened (self, store, error);
      return;
    }
  if (self->opening_restored)
    {
      /* No database was open meanwhile: without one, the windows say why. */
      self->opening_restored = FALSE;
      if (store != NULL)
        {
          self->restoring = TRUE;
          sec_app_use_store (self, store, NULL);
          self->restoring = FALSE;
          return;
        }
      g_clear_error (&self->open_error);
      self->open_error = g_steal_pointer (&error);
      _sec_app_show_store_in_windows (self);
      _sec_app_notify_store (self);
      return;
    }
  if (store != NULL)
    {
      sec_app_use_store (self, store, NULL);
      return;
    }
  /* The database open before stays, shown again. */
  _sec_app_show_store_in_windows (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _sec_app_show_toast (self, adw_toast_new (_("Opening stopped; the database was left as it was")));
  else
    sec_app_show_open_error (self, path, error);
}

static void
begin_opening (SecApp     *self,
               const char *path,
               gboolean    initial)
{
  self->opening_initial = initial;
  self->opening_path = g_strdup (path);
  self->open_fraction = 0;
  self->open_cancellable = g_cancellable_new ();
  self->open_busy_source = g_timeout_add (self->open_busy_delay_ms, show_busy_cb, self);
  sec_store_open_async (path, opening_progress_cb, self, self->open_cancellable, opened_cb, g_object_ref (self));
  _sec_app_update_backup_actions (self);
}

/**
 * _sec_app_open_initial:
 *
 * Opens the database given on the command line, else the one opened last,
 * else the default one, in the main window (made, not yet shown).
 */
void
_sec_app_open_initial (SecApp *self)
{
  g_autofree char *path = NULL;

  if (self->store != NULL || self->open_error != NULL || self->open_cancellable != NULL)
    return;

  if (self->database_path != NULL)
    path = g_strdup (self->database_path);
  if (path == NULL && self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-database");
      if (sec_shared_database_is_uri (last) ||
          (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR)))
        path = g_steal_pointer (&last);
    }
  if (path == NULL)
    path = sec_store_default_path ();

  g_free (self->database_path);
  self->database_path = g_steal_pointer (&path);

  if (sec_shared_database_is_uri (self->database_path))
    {
      g_autoptr(GError) error = NULL;
      SecStore *store = _sec_app_open_location (self->database_path, &error);

      self->opening_initial = TRUE;
      initial_opened (self, store, error);
      return;
    }
  begin_opening (self, self->database_path, TRUE);
}

/**
 * _sec_app_open_in_worker:
 *
 * Opens @path in place of the database open now, which stays open and
 * shown if it fails (said in a dialog) or is stopped. Nothing while
 * another opening is under way.
 */
void
_sec_app_open_in_worker (SecApp     *self,
                         const char *path)
{
  if (self->open_cancellable != NULL)
    return;
  if (sec_shared_database_is_uri (path))
    {
      g_autoptr(GError) error = NULL;

      if (!sec_app_open_database (self, path, &error))
        sec_app_show_open_error (self, path, error);
      return;
    }
  begin_opening (self, path, FALSE);
}

/**
 * _sec_app_open_after_restore:
 *
 * Opens @path again once a restore has replaced it (or given up), no
 * database being open: a backup whose sort keys were made for another
 * language has them made again here, with the bar and Stop. A restored
 * copy gets no daily backup.
 */
void
_sec_app_open_after_restore (SecApp     *self,
                             const char *path)
{
  g_return_if_fail (self->store == NULL);

  if (self->open_cancellable != NULL)
    return;
  self->opening_restored = TRUE;
  begin_opening (self, path, FALSE);
}

/* Whether a database is being opened (tests). */
gboolean
_sec_app_is_opening (SecApp *self)
{
  return self->open_cancellable != NULL;
}

void
_sec_app_set_busy_delay (SecApp *self,
                         guint   delay_ms)
{
  self->open_busy_delay_ms = delay_ms;
}

static void
stop_opening_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SecApp *self = user_data;

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
}

void
_sec_app_add_open_actions (SecApp *self)
{
  static const GActionEntry actions[] = {
    { "stop-opening", stop_opening_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
