/* sec-application.c: the application, its store and its actions
 *
 * SecApp owns the SecStore that every window shows. It opens the database on
 * the first activation, so that a file that cannot be opened is reported in a
 * window (never by changing the file), and opens another one in place.
 */
#define G_LOG_DOMAIN "sec-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "core/documents/sec-letterhead.h"
#include "ui/shell/sec-application.h"
#include "ui/shell/sec-application-private.h"
#include "core/store/sec-shared-database.h"
#include "ui/shell/sec-shared-database-dialog.h"
#include "ui/shell/sec-backups-dialog.h"
#include "ui/shell/sec-portal-check.h"
#include "ui/shell/sec-deleted-dialog.h"
#include "ui/shell/sec-preferences-window.h"
#include "ui/shell/sec-privacy-dialog.h"
#include "ui/shell/sec-release-notes.h"
#include "ui/shell/sec-window.h"

#define RESOURCE_BASE_PATH "/io/github/secretariat/Secretariat"
/* How many databases the primary menu offers again. */
#define MAX_RECENT 5


G_DEFINE_FINAL_TYPE (SecApp, sec_app, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SecWindow *
_sec_app_get_main_window (SecApp *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SEC_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Puts @path first in the list of recent databases (the primary menu's),
 * and remembers it as the one to open next time. */
static void
remember_database (SecApp     *self,
                   const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "last-database", path);
  old = g_settings_get_strv (self->settings, "recent-databases");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-databases", (const char *const *) recent);
}

void
_sec_app_show_store_in_windows (SecApp *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (!SEC_IS_WINDOW (l->data))
        continue;
      if (self->store != NULL)
        sec_window_set_store (l->data, self->store);
      else
        sec_window_show_error (l->data, self->open_error ? self->open_error->message : NULL);
    }
}

void
_sec_app_show_error_dialog (SecApp     *self,
                            const char *heading,
                            const char *body)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The local file a chooser gave, or NULL when it was cancelled or the file
 * is not on this computer (then said under @heading). Drops the chooser
 * kept in *@slot. (transfer full) */
static char *
take_chosen_path (SecApp                *self,
                  int                    response,
                  GtkFileChooserNative **slot,
                  const char            *heading)
{
  g_autoptr(GFile) file = NULL;
  char *path;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (*slot));
  g_clear_object (slot);

  if (file == NULL)
    return NULL;
  if ((path = g_file_get_path (file)) == NULL)
    _sec_app_show_error_dialog (self, heading, _("Only files on this computer can be opened."));
  return path;
}

static void
on_chooser_response (SecApp *self,
                     int     response)
{
  g_autofree char *path = take_chosen_path (self, response, &self->chooser, _("Cannot Open Database"));

  if (path != NULL)
    _sec_app_open_in_worker (self, path);
}

static void
open_database_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SecApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Open Database"), parent,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (databases, _("Secretariat databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (databases, "application/x-sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  if (self->database_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->database_path);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The refusal dialog: what happened to the file, and the ways out. */

static const char *
heading_for_error (const GError *error)
{
  if (error->domain == SEC_STORE_ERROR)
    switch (error->code)
      {
      case SEC_STORE_ERROR_NOT_DATABASE:
        return _("Not a Secretariat Database");
      case SEC_STORE_ERROR_CORRUPT:
        return _("The Database Is Damaged");
      case SEC_STORE_ERROR_TOO_NEW:
        return _("The Database Needs a Newer Version");
      case SEC_STORE_ERROR_READ_ONLY:
        return _("The Database Cannot Be Written");
      default:
        break;
      }
  return _("Cannot Open Database");
}

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        SecApp           *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_str_equal (response, "open"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "open-database", NULL);
  else if (g_str_equal (response, "restore"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "restore-backup", NULL);
  else if (g_str_equal (response, "retry") && path != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *again = g_strdup (path);

      if (!sec_app_open_database (self, again, &error))
        sec_app_show_open_error (self, again, error);
    }
}

/**
 * sec_app_show_open_error:
 * @path: the file that could not be opened
 * @error: why
 *
 * Shows why @path could not be opened, with the ways out: open another
 * file, restore a backup (when the application has app.restore-backup),
 * try again.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
sec_app_show_open_error (SecApp       *self,
                         const char   *path,
                         const GError *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;

  g_return_val_if_fail (SEC_IS_APP (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading_for_error (error), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_add_response (dialog, "retry", _("_Try Again"));
  if (g_action_group_has_action (G_ACTION_GROUP (self), "restore-backup"))
    adw_message_dialog_add_response (dialog, "restore", _("_Restore a Backup…"));
  adw_message_dialog_add_response (dialog, "open", _("_Open Another File…"));
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/* New Database… */

/**
 * sec_app_new_database:
 * @path: where the new database goes; must not exist
 *
 * Makes a new empty database at @path and opens it in place of the
 * current one. An existing file is refused, whatever it holds.
 */
gboolean
sec_app_new_database (SecApp      *self,
                      const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (SEC_IS_APP (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” already exists; a new database needs a new file name"), display);
      return FALSE;
    }
  return sec_app_open_database (self, path, error);
}

static void
on_new_chooser_response (SecApp *self,
                         int     response)
{
  g_autofree char *path = take_chosen_path (self, response, &self->new_chooser, _("Cannot Create Database"));
  g_autoptr(GError) error = NULL;

  if (path != NULL && !sec_app_new_database (self, path, &error))
    _sec_app_show_error_dialog (self, _("Cannot Create Database"), error->message);
}

static void
new_database_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SecApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->new_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->new_chooser));
      return;
    }
  self->new_chooser = gtk_file_chooser_native_new (_("New Database"), parent,
                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->new_chooser), "secretariat.db");
  g_signal_connect_object (self->new_chooser, "response",
                           G_CALLBACK (on_new_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->new_chooser));
}

static void
on_shared_database_connected (SecApp     *self,
                              SecStore   *store,
                              const char *warning)
{
  sec_app_use_store (self, g_object_ref (store), warning);
}

/* The shared database in use, else the last one opened, fills the
 * dialog. */
static void
connect_shared_database_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  SecApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_auto(GStrv) recent = NULL;
  const char *uri = NULL;
  SecSharedDatabaseDialog *dialog;

  if (self->database_path != NULL && sec_shared_database_is_uri (self->database_path))
    uri = self->database_path;
  if (uri == NULL && self->settings != NULL)
    {
      recent = g_settings_get_strv (self->settings, "recent-databases");
      for (guint i = 0; recent[i] != NULL && uri == NULL; i++)
        if (sec_shared_database_is_uri (recent[i]))
          uri = recent[i];
    }
  dialog = sec_shared_database_dialog_new (parent, uri);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_shared_database_connected), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SecApp *self = user_data;
  const char *path = g_variant_get_string (parameter, NULL);

  _sec_app_open_in_worker (self, path);
}

/* Logging out sends SIGTERM, Ctrl+C in a terminal SIGINT: quit as the menu
 * does, so that the store closes and its log is moved into the file. */
static gboolean
on_quit_signal (gpointer user_data)
{
  SecApp *self = user_data;

  g_debug ("Quitting on a signal");
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SecApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* The same name as the metainfo's <developer_name>, which software
   * centres show. */
  const char *developers[] = { _("Secretariat developers"), NULL };
  g_autofree char *display = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *debug_info = NULL;
  g_autofree char *notes_version = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *about;

  display = self->database_path ? g_filename_display_name (self->database_path)
                                : g_strdup (_("none"));
  comments = g_strdup_printf (_("Meetings, members, calls and joint statements of the EU Anti-trafficking Coordinator’s office.\n\nDatabase in use: %s"),
                              display);
  debug_info = g_strdup_printf ("Secretariat %s (%s)\nDatabase: %s\nGTK %u.%u.%u, libadwaita %u.%u.%u, GLib %u.%u.%u\n",
                                PACKAGE_VERSION, APPLICATION_ID, display,
                                gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                                adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                                glib_major_version, glib_minor_version, glib_micro_version);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Secretariat"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", developers[0],
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", comments,
                        "debug-info", debug_info,
                        "debug-info-filename", "secretariat-debug-info.txt",
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  if (sec_release_notes_load (&notes_version, &notes))
    {
      adw_about_window_set_release_notes_version (ADW_ABOUT_WINDOW (about), notes_version);
      adw_about_window_set_release_notes (ADW_ABOUT_WINDOW (about), notes);
    }
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SecApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/sec-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (window, parent);
  gtk_window_set_application (window, GTK_APPLICATION (self));
  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SecApp *self = user_data;

  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing the windows lets each save its state; closing removes them
   * from the application's list, hence the copy. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (G_APPLICATION (self));
}

/* For the other files of SecApp (sec-application-private.h) */

void
_sec_app_notify_store (SecApp *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}


SecWindow *
_sec_app_get_active_window (SecApp *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return SEC_IS_WINDOW (window) ? SEC_WINDOW (window) : _sec_app_get_main_window (self);
}

void
_sec_app_show_toast (SecApp   *self,
                     AdwToast *toast)
{
  SecWindow *window = _sec_app_get_active_window (self);

  if (window != NULL)
    sec_window_add_toast (window, toast);
  else
    g_object_unref (toast);
}

static void
privacy_review_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SecApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (sec_privacy_dialog_new (parent, self->store)));
}

static void
deleted_records_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SecApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (sec_deleted_dialog_new (parent, self->store)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SecApp *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (sec_preferences_window_new (parent, self->store)));
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "privacy-review", privacy_review_action },
  { "deleted-records", deleted_records_action },
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "open-database", open_database_action },
  { "new-database", new_database_action },
  { "open-recent", open_recent_action, "s" },
  { "connect-shared-database", connect_shared_database_action },
};

/* Outside the sandbox a file chooser runs in this process and asks GIO
 * for the type of each file it lists, which reads the database itself if
 * it is there: closing that read drops the locks that keep other programs
 * from deleting the database's log (sec_store_retake_locks ()). Every
 * dialog of a file ends in "response". */
static gboolean
retake_locks_after_file_dialog (GSignalInvocationHint *hint,
                                guint                  n_values,
                                const GValue          *values,
                                gpointer               user_data)
{
  SecApp *self = user_data;

  if (self->store != NULL)
    sec_store_retake_locks (self->store);
  return TRUE;
}

static void
sec_app_startup (GApplication *application)
{
  SecApp *self = SEC_APP (application);
  /* The window's own shortcuts (Ctrl+N, Delete, Ctrl+Z...) are bindings
   * of SecWindow, which come after the focused entry's. */
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.open-database", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
  };

  G_APPLICATION_CLASS (sec_app_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  sec_portal_check_add_actions (GTK_APPLICATION (self));
  g_type_class_ref (GTK_TYPE_NATIVE_DIALOG);
  g_signal_add_emission_hook (g_signal_lookup ("response", GTK_TYPE_NATIVE_DIALOG), 0,
                              retake_locks_after_file_dialog, self, NULL);
  _sec_app_add_backup_actions (self);
  _sec_app_add_open_actions (self);
  g_signal_connect (self, "notify::store", G_CALLBACK (_sec_app_update_backup_actions), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  self->signal_sources[0] = g_unix_signal_add (SIGTERM, on_quit_signal, self);
  self->signal_sources[1] = g_unix_signal_add (SIGINT, on_quit_signal, self);
}

static void
sec_app_shutdown (GApplication *application)
{
  SecApp *self = SEC_APP (application);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  /* Closed here, not when the last reference goes: the windows may keep
   * one, and the file must be complete when the process ends. */
  if (self->store != NULL)
    sec_store_close (self->store);

  G_APPLICATION_CLASS (sec_app_parent_class)->shutdown (application);
}

static void
sec_app_activate (GApplication *application)
{
  SecApp *self = SEC_APP (application);
  SecWindow *window = _sec_app_get_main_window (self);

  if (window == NULL)
    {
      /* Shown once its database is open (sec-application-open.c). */
      sec_window_new (GTK_APPLICATION (self), NULL);
      _sec_app_open_initial (self);
      return;
    }
  if (self->open_cancellable == NULL || self->open_busy_shown)
    gtk_window_present (GTK_WINDOW (window));
}

static void
sec_app_dispose (GObject *object)
{
  SecApp *self = SEC_APP (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->new_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->new_chooser));
  g_clear_object (&self->new_chooser);
  g_clear_weak_pointer (&self->backup_strip);
  _sec_app_stop_background_work (self);

  G_OBJECT_CLASS (sec_app_parent_class)->dispose (object);
}

static void
sec_app_finalize (GObject *object)
{
  SecApp *self = SEC_APP (object);

  if (self->store != NULL)
    sec_store_close (self->store);
  g_clear_object (&self->store);
  g_clear_error (&self->open_error);
  g_clear_object (&self->settings);
  g_free (self->database_path);
  g_free (self->undo_restore_path);
  g_free (self->opening_path);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->restore_store);
  g_free (self->restore_backup);

  G_OBJECT_CLASS (sec_app_parent_class)->finalize (object);
}

static void
sec_app_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SecApp *self = SEC_APP (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_app_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SecApp *self = SEC_APP (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_free (self->database_path);
      self->database_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_app_class_init (SecAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sec_app_dispose;
  object_class->finalize = sec_app_finalize;
  object_class->get_property = sec_app_get_property;
  object_class->set_property = sec_app_set_property;

  app_class->startup = sec_app_startup;
  app_class->activate = sec_app_activate;
  app_class->shutdown = sec_app_shutdown;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEC_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sec_app_init (SecApp *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->background_delay_ms = 3000;
  self->open_busy_delay_ms = 300;

  /* Without the installed schema (a program run from the build tree without
   * GSETTINGS_SCHEMA_DIR) the application still works, only forgetful. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
}

/**
 * sec_application_new:
 * @database_path: (nullable): the database to open
 *
 * Returns: (transfer full): the application
 */
GApplication *
sec_application_new (const char *database_path)
{
  return G_APPLICATION (sec_app_new (database_path));
}

/**
 * sec_app_new:
 * @database_path: (nullable): the database to open, NULL for the last one
 *
 * Returns: (transfer full): the application
 */
SecApp *
sec_app_new (const char *database_path)
{
  return g_object_new (SEC_TYPE_APP,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Fixed, so that a .Devel build finds the same resources. */
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "database-path", database_path,
                       NULL);
}

/**
 * sec_app_get_store:
 *
 * Returns: (transfer none) (nullable): the open store
 */
SecStore *
sec_app_get_store (SecApp *self)
{
  g_return_val_if_fail (SEC_IS_APP (self), NULL);

  return self->store;
}

const char *
sec_app_get_database_path (SecApp *self)
{
  g_return_val_if_fail (SEC_IS_APP (self), NULL);

  return self->database_path;
}

/**
 * sec_app_open_database:
 * @path: the database file
 *
 * Opens @path and shows it in every window; on failure the current store
 * stays open and shown.
 */
gboolean
sec_app_open_database (SecApp      *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(SecStore) store = NULL;

  g_return_val_if_fail (SEC_IS_APP (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = _sec_app_open_location (path, error);
  if (store == NULL)
    return FALSE;
  sec_app_use_store (self, g_steal_pointer (&store), NULL);
  return TRUE;
}

/**
 * sec_app_use_store:
 * @store: (transfer full): a store opened elsewhere (a shared database
 *   opened by its dialog in a worker thread)
 * @warning: (nullable): something to tell the user once it is shown
 *
 * Shows @store in every window instead of the current one, which closes.
 */
void
sec_app_use_store (SecApp     *self,
                   SecStore   *store,
                   const char *warning)
{
  g_autoptr(SecStore) old = NULL;

  g_return_if_fail (SEC_IS_APP (self));
  g_return_if_fail (SEC_IS_STORE (store));

  old = g_steal_pointer (&self->store);
  self->store = store;
  g_clear_error (&self->open_error);
  g_free (self->database_path);
  self->database_path = g_strdup (sec_store_get_path (self->store));
  remember_database (self, self->database_path);
  sec_letterhead_apply (self->store);

  /* The windows drop their lists of the old store before it closes. */
  _sec_app_show_store_in_windows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  if (old != NULL)
    sec_store_close (old);
  self->background_daily = !self->restoring;
  _sec_app_schedule_background_work (self, self->background_delay_ms);
  if (warning != NULL)
    _sec_app_show_toast (self, adw_toast_new (warning));
}
