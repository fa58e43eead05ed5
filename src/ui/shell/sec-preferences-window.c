/* sec-preferences-window.c: the application's preferences
 *
 * Built in code: one page, one group (Letterhead) of two entry rows and
 * the logo's row. What is saved goes to the store and, through
 * sec_letterhead_apply (), to the documents made from then on.
 */
#define G_LOG_DOMAIN "sec-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-letterhead.h"
#include "core/store/sec-shared-database.h"
#include "core/store/sec-store-letterhead.h"
#include "ui/shell/sec-preferences-window.h"
#include "ui/widgets/sec-a11y.h"

#define THUMBNAIL_SIZE 48

struct _SecPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SecStore             *store;
  AdwEntryRow          *name_row;
  AdwEntryRow          *reference_row;
  AdwActionRow         *logo_row;
  GtkPicture           *thumbnail;
  GtkWidget            *remove_button;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SecPreferencesWindow, sec_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (SecPreferencesWindow *self,
            const char           *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Shows the logo kept in the store. */
static void
show_logo (SecPreferencesWindow *self)
{
  g_autoptr(SecLetterhead) letterhead = sec_store_get_letterhead (self->store);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *size = NULL;
  g_autofree char *subtitle = NULL;

  if (letterhead->logo != NULL)
    texture = gdk_texture_new_from_bytes (letterhead->logo, NULL);
  gtk_picture_set_paintable (self->thumbnail, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->thumbnail), texture != NULL);
  gtk_widget_set_visible (self->remove_button, letterhead->logo != NULL);
  if (texture != NULL)
    {
      size = g_format_size (g_bytes_get_size (letterhead->logo));
      /* TRANSLATORS: the letterhead's logo: "PNG image, 200 × 80 pixels, 12.3 kB" */
      subtitle = g_strdup_printf (_("PNG image, %d × %d pixels, %s"),
                                  gdk_texture_get_width (texture), gdk_texture_get_height (texture), size);
    }
  adw_action_row_set_subtitle (self->logo_row, subtitle ? subtitle : _("None"));
}

static gboolean
save_text (SecPreferencesWindow *self)
{
  g_autoptr(SecLetterhead) letterhead = sec_store_get_letterhead (self->store);
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_row));

  /* Nothing changed: nothing written. */
  if (g_strcmp0 (name, letterhead->name ? letterhead->name : "") == 0
      && g_strcmp0 (reference, letterhead->reference ? letterhead->reference : "") == 0)
    return TRUE;
  if (!sec_store_set_letterhead_text (self->store, name, reference, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  sec_letterhead_apply (self->store);
  return TRUE;
}

static void
on_apply (SecPreferencesWindow *self)
{
  save_text (self);
}

gboolean
sec_preferences_window_set_logo (SecPreferencesWindow *self,
                                 GFile                *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SEC_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* One byte more than a logo may have: a huge file is not read whole,
   * and sec_letterhead_check_logo () says it is too large. */
  stream = g_file_read (file, NULL, &error);
  if (stream != NULL)
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), SEC_LETTERHEAD_LOGO_MAX + 1, NULL, &error);
  if (bytes == NULL
      || !sec_letterhead_check_logo (bytes, &error)
      || !sec_store_set_letterhead_logo (self->store, bytes, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  sec_letterhead_apply (self->store);
  show_logo (self);
  return TRUE;
}

static void
on_chooser_response (SecPreferencesWindow *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sec_preferences_window_set_logo (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (SecPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose the Logo"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_remove_clicked (SecPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sec_store_set_letterhead_logo (self->store, NULL, &error))
    {
      show_error (self, error->message);
      return;
    }
  sec_letterhead_apply (self->store);
  show_logo (self);
}

static gboolean
on_close_request (SecPreferencesWindow *self)
{
  save_text (self);
  return FALSE;
}

static AdwEntryRow *
make_entry_row (SecPreferencesWindow *self,
                const char           *title,
                const char           *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect_object (row, "apply", G_CALLBACK (on_apply), self, G_CONNECT_SWAPPED);
  return ADW_ENTRY_ROW (row);
}

/* The database in use, and the way to a shared one: a group of the one
 * page (two pages would add a view switcher, which libadwaita 1.7 leaves
 * out of the Tab order). */
static AdwPreferencesGroup *
make_database_group (SecStore *store)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Use a _Shared Database…"));
  const char *location = sec_store_get_path (store);
  g_autofree char *title = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Database in Use"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("One person keeps the records in a file on this computer. "
                                           "An office where several staff work on the same records "
                                           "uses a shared database on a PostgreSQL server."));
  title = sec_shared_database_describe_location (location, TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sec_shared_database_is_uri (location)
                                                     ? _("Shared database")
                                                     : _("File on this computer"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.connect-shared-database");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_PREFERENCES_GROUP (group);
}

static void
sec_preferences_window_dispose (GObject *object)
{
  SecPreferencesWindow *self = SEC_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sec_preferences_window_parent_class)->dispose (object);
}

static void
sec_preferences_window_class_init (SecPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sec_preferences_window_dispose;
}

static void
sec_preferences_window_init (SecPreferencesWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 480);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

/**
 * sec_preferences_window_new:
 *
 * Returns: (transfer none): the window, not yet shown
 */
SecPreferencesWindow *
sec_preferences_window_new (GtkWindow *parent,
                            SecStore  *store)
{
  SecPreferencesWindow *self = g_object_new (SEC_TYPE_PREFERENCES_WINDOW,
                                             "transient-for", parent,
                                             "modal", TRUE,
                                             NULL);
  g_autoptr(SecLetterhead) letterhead = NULL;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  /* The application's actions (app.connect-shared-database) reach only
   * its own windows. */
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  letterhead = sec_store_get_letterhead (store);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Documents"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "x-office-document-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Letterhead"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Printed at the top of the first page of every document, for "
                                           "everyone who uses this database"));

  self->name_row = make_entry_row (self, _("Office Name"), letterhead->name);
  self->reference_row = make_entry_row (self, _("Reference"), letterhead->reference);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->reference_row));

  self->logo_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->logo_row), _("Logo"));
  self->thumbnail = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->thumbnail, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->thumbnail), THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->thumbnail), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->thumbnail), 6);
  sec_accessible_set_name (GTK_WIDGET (self->thumbnail), _("The logo"));
  adw_action_row_add_prefix (self->logo_row, GTK_WIDGET (self->thumbnail));

  gtk_widget_set_tooltip_text (choose, _("Choose a PNG image of at most 2 MB"));
  g_signal_connect_object (choose, "clicked", G_CALLBACK (on_choose_clicked), self, G_CONNECT_SWAPPED);
  self->remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove the logo"));
  g_signal_connect_object (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self, G_CONNECT_SWAPPED);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), choose);
  gtk_box_append (GTK_BOX (buttons), self->remove_button);
  adw_action_row_add_suffix (self->logo_row, buttons);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->logo_row));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), make_database_group (store));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  show_logo (self);
  return self;
}
