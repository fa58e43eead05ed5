/* sec-shared-database-dialog.c: connecting to a shared (PostgreSQL) database
 *
 * The fields make a SecSharedDatabase; "Test Connection" opens it for
 * reading and closes it again; "Connect" opens it for good, keeps a typed
 * password in the keyring and hands the store on in "connected". Both
 * talk to the server in a worker thread (an unreachable server takes up to
 * ten seconds to say so), and the window stays usable meanwhile.
 */
#define G_LOG_DOMAIN "sec-shared-database-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-shared-database.h"
#include "ui/shell/sec-shared-database-dialog.h"

struct _SecSharedDatabaseDialog
{
  AdwWindow     parent_instance;

  AdwEntryRow  *host_row;
  AdwEntryRow  *port_row;
  AdwEntryRow  *database_row;
  AdwEntryRow  *user_row;
  AdwEntryRow  *password_row;
  AdwComboRow  *tls_row;
  GtkSpinner   *spinner;
  GtkLabel     *status_label;
  GtkWidget    *connect_button;

  GCancellable *cancellable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (SecSharedDatabaseDialog, sec_shared_database_dialog, ADW_TYPE_WINDOW)

enum {
  CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  SecSharedDatabase *db;
  char              *password;
  gboolean           connect;
  /* Results */
  SecStore          *store;
  char              *keyring_problem;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  sec_shared_database_free (attempt->db);
  if (attempt->password != NULL)
    memset (attempt->password, 0, strlen (attempt->password));
  g_free (attempt->password);
  g_clear_object (&attempt->store);
  g_free (attempt->keyring_problem);
  g_free (attempt);
}

static void
show_status (SecSharedDatabaseDialog *self,
             const char              *text,
             gboolean                 failed)
{
  gtk_label_set_text (self->status_label, text);
  if (failed)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
    }
  /* Screen readers hear the outcome without moving there. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
set_busy (SecSharedDatabaseDialog *self,
          gboolean                 busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shared.test", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shared.connect", !busy);
  if (busy)
    {
      gtk_label_set_text (self->status_label, _("Connecting…"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
    }
}

/* The fields as a SecSharedDatabase, or NULL with the first wrong field
 * named in the status and focused. */
static SecSharedDatabase *
read_fields (SecSharedDatabaseDialog *self)
{
  g_autoptr(SecSharedDatabase) db = sec_shared_database_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *port = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->port_row))));

  db->host = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->host_row))));
  db->database = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->database_row))));
  db->user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  db->tls = adw_combo_row_get_selected (self->tls_row);
  if (db->tls > SEC_TLS_DISABLE)
    db->tls = SEC_TLS_VERIFY_FULL;
  if (port[0] != '\0')
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (port, 10, 1, 65535, &value, NULL))
        {
          show_status (self, _("The port must be a number from 1 to 65535."), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->port_row));
          return NULL;
        }
      db->port = value;
    }
  if (!sec_shared_database_check (db, &error))
    {
      show_status (self, error->message, TRUE);
      if (db->host[0] == '\0')
        gtk_widget_grab_focus (GTK_WIDGET (self->host_row));
      else if (db->database[0] == '\0')
        gtk_widget_grab_focus (GTK_WIDGET (self->database_row));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
      return NULL;
    }
  return g_steal_pointer (&db);
}

/* In the worker thread. */
static void
attempt_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  GError *error = NULL;
  g_autoptr(SecStore) store = NULL;

  store = sec_shared_database_open_store (attempt->db, attempt->password, !attempt->connect, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!attempt->connect)
    {
      sec_store_close (store);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (attempt->password != NULL && attempt->password[0] != '\0')
    {
      g_autoptr(GError) keyring_error = NULL;

      if (!sec_shared_database_store_password (attempt->db, attempt->password, cancellable, &keyring_error))
        attempt->keyring_problem = g_strdup (keyring_error->message);
    }
  attempt->store = g_steal_pointer (&store);
  g_task_return_boolean (task, TRUE);
}

static void
attempt_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SecSharedDatabaseDialog *self = SEC_SHARED_DATABASE_DIALOG (source);
  Attempt *attempt = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *text = NULL;

  set_busy (self, FALSE);
  what = sec_shared_database_describe (attempt->db);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, SEC_STORE_ERROR, SEC_STORE_ERROR_EMPTY))
        {
          /* What the IT department gives: Connect sets it up. */
          /* Translators: %s is "database on server". */
          text = g_strdup_printf (_("Connected to %s. It is empty: Secretariat sets it up when you connect."), what);
          show_status (self, text, FALSE);
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, error->message, TRUE);
      return;
    }
  if (!attempt->connect)
    {
      /* Translators: %s is "database on server". */
      text = g_strdup_printf (_("Connected to %s."), what);
      show_status (self, text, FALSE);
      return;
    }
  g_signal_emit (self, signals[CONNECTED], 0, attempt->store, attempt->keyring_problem);
  gtk_window_close (GTK_WINDOW (self));
}

static void
start_attempt (SecSharedDatabaseDialog *self,
               gboolean                 connect)
{
  g_autoptr(GTask) task = NULL;
  Attempt *attempt;
  SecSharedDatabase *db;

  if (self->busy)
    return;
  db = read_fields (self);
  if (db == NULL)
    return;
  attempt = g_new0 (Attempt, 1);
  attempt->db = db;
  attempt->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  attempt->connect = connect;

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, attempt_done, NULL);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  g_task_run_in_thread (task, attempt_thread);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  start_attempt (SEC_SHARED_DATABASE_DIALOG (widget), FALSE);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  start_attempt (SEC_SHARED_DATABASE_DIALOG (widget), TRUE);
}

/* A change makes the last outcome stale. */
static void
on_field_changed (SecSharedDatabaseDialog *self)
{
  if (!self->busy)
    gtk_label_set_text (self->status_label, "");
}

static void
fill (SecSharedDatabaseDialog *self,
      const SecSharedDatabase *db)
{
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), db->host != NULL ? db->host : "");
  if (db->port != 0)
    {
      g_autofree char *port = g_strdup_printf ("%u", db->port);
      gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), db->database != NULL ? db->database : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), db->user != NULL ? db->user : "");
  adw_combo_row_set_selected (self->tls_row, db->tls);
}

static void
sec_shared_database_dialog_dispose (GObject *object)
{
  SecSharedDatabaseDialog *self = SEC_SHARED_DATABASE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_SHARED_DATABASE_DIALOG);
  G_OBJECT_CLASS (sec_shared_database_dialog_parent_class)->dispose (object);
}

static void
sec_shared_database_dialog_class_init (SecSharedDatabaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_shared_database_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-shared-database-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SecSharedDatabaseDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, SecSharedDatabaseDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, SecSharedDatabaseDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, SecSharedDatabaseDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, SecSharedDatabaseDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, SecSharedDatabaseDialog, tls_row);
  gtk_widget_class_bind_template_child (widget_class, SecSharedDatabaseDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SecSharedDatabaseDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, SecSharedDatabaseDialog, connect_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  /**
   * SecSharedDatabaseDialog::connected:
   * @store: the shared database, open
   * @warning: (nullable): what went wrong beside (the keyring)
   *
   * The dialog's outcome, as GtkDialog's "response": the database is
   * open, the dialog closes.
   */
  signals[CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, SEC_TYPE_STORE, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "shared.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "shared.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sec_shared_database_dialog_init (SecSharedDatabaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), self->connect_button);
}

SecSharedDatabaseDialog *
sec_shared_database_dialog_new (GtkWindow  *parent,
                                const char *uri)
{
  SecSharedDatabaseDialog *self = g_object_new (SEC_TYPE_SHARED_DATABASE_DIALOG,
                                                "transient-for", parent,
                                                NULL);
  g_autoptr(SecSharedDatabase) db = NULL;

  if (sec_shared_database_is_uri (uri))
    db = sec_shared_database_parse (uri, NULL, NULL);
  if (db == NULL)
    {
      /* The environment's defaults, as psql would use them. */
      db = sec_shared_database_new ();
      db->host = g_strdup (g_getenv ("PGHOST"));
      db->database = g_strdup (g_getenv ("PGDATABASE"));
      db->user = g_strdup (g_getenv ("PGUSER") != NULL ? g_getenv ("PGUSER") : g_get_user_name ());
    }
  fill (self, db);
  gtk_label_set_text (self->status_label, "");
  gtk_widget_grab_focus (GTK_WIDGET (db->host != NULL && db->host[0] != '\0' ? self->password_row : self->host_row));
  return self;
}
