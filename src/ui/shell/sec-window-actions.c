/* sec-window-actions.c: the main window's actions
 *
 * Opening a record by kind and id (with the history for win.back), going
 * back, new, edit, delete (asking first when others depend on the record)
 * and undo (of the last deletion or the last edit), search, close. The window's state lives in sec-window.c; see
 * sec-window-private.h.
 */
#define G_LOG_DOMAIN "sec-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-store-meetings.h"
#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-record-editor.h"
#include "ui/shell/sec-window.h"
#include "ui/shell/sec-window-private.h"

/* Deleting */

static void
delete_now (SecWindow *self,
            GType      kind,
            gint64     id,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  SecDeletion *deletion;
  AdwToast *toast;
  g_autofree char *escaped = NULL;

  deletion = sec_store_delete_with_undo (self->store, kind, id, &error);
  if (deletion == NULL)
    {
      GtkWidget *dialog;
      g_autofree char *body = NULL;

      /* Translators: "“Europol”: " before why it cannot be deleted */
      body = g_strdup_printf (_("“%s”: %s"), title, error->message);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Delete"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  _sec_window_forget_undo (self);
  self->deletion = deletion;
  self->deleted_kind = kind;
  self->deleted_id = id;

  if (self->record && G_OBJECT_TYPE (self->record) == kind && sec_record_get_id (self->record) == id)
    _sec_window_show_record (self, sec_list_pane_get_selected_record (_sec_window_get_current_pane (self)), FALSE);

  escaped = g_markup_escape_text (title, -1);
  /* Translators: a toast after a deletion, e.g. "“Europol” deleted" */
  toast = adw_toast_new_format (_("“%s” deleted"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  /* Replaces the toast of an earlier deletion, whose Undo is gone. */
  sec_toaster_show (self->toaster, toast);

  _sec_window_update_actions (self);
  _sec_window_focus_list_later (self);
}

/* The question before a deletion. It names the kind, not the record: a
 * long name does not fit in a heading (the body names it). */
static const char *
get_delete_heading (GType kind)
{
  if (kind == SEC_TYPE_ORGANISATION)
    return _("Delete Organisation?");
  if (kind == SEC_TYPE_PERSON)
    return _("Delete Person?");
  if (kind == SEC_TYPE_BODY)
    return _("Delete Body?");
  if (kind == SEC_TYPE_MEETING)
    return _("Delete Meeting?");
  if (kind == SEC_TYPE_CALL)
    return _("Delete Call?");
  if (kind == SEC_TYPE_STATEMENT)
    return _("Delete Joint Statement?");
  return _("Delete Record?");
}

typedef struct {
  SecWindow *self;
  GType      kind;
  gint64     id;
  char      *title;
} DeleteData;

static void
delete_data_free (gpointer data)
{
  DeleteData *d = data;

  g_object_unref (d->self);
  g_free (d->title);
  g_free (d);
}

static void
on_delete_dialog_response (AdwMessageDialog *dialog,
                           const char       *response,
                           DeleteData       *data)
{
  if (g_str_equal (response, "delete") && data->self->store != NULL)
    delete_now (data->self, data->kind, data->id, data->title);
}

/* Actions */

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  const char *kind_name;
  gint64 id;
  GType kind;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&sx)", &kind_name, &id);
  kind = sec_record_kind_lookup (kind_name);
  if (kind == G_TYPE_INVALID)
    {
      g_warning ("win.open-record: unknown kind “%s”", kind_name);
      return;
    }
  if (!_sec_window_open_record (self, kind, id, TRUE, &error))
    {
      if (error != NULL)
        _sec_window_show_error (self, error);
      return;
    }
  _sec_window_navigate_to (self, "detail");
  /* The focus was on what opened it (a row of the page or list that goes,
   * or an editor that closed): the keyboard goes on from the record's row
   * in the list, one Tab before its page. */
  _sec_window_focus_list_later (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  const char *visible = sec_window_get_visible_pane (self);

  /* On a narrow window, the list goes back to the sections. */
  if (g_str_equal (visible, "list") && adw_leaflet_get_folded (self->outer_leaflet))
    {
      _sec_window_navigate_to (self, "sidebar");
      return;
    }

  /* Records deleted since are skipped. */
  while (self->history->len > 0)
    {
      HistoryEntry entry = g_array_index (self->history, HistoryEntry, self->history->len - 1);

      g_array_remove_index (self->history, self->history->len - 1);
      if (_sec_window_open_record (self, entry.kind, entry.id, FALSE, NULL))
        {
          _sec_window_update_actions (self);
          return;
        }
    }

  if (g_str_equal (visible, "detail") && _sec_window_is_narrow (self))
    {
      SecListPane *pane = _sec_window_get_current_pane (self);

      _sec_window_navigate_to (self, "list");
      if (pane != NULL)
        sec_list_pane_focus_list (pane);
    }
  else if (adw_leaflet_get_folded (self->outer_leaflet))
    _sec_window_navigate_to (self, "sidebar");
  _sec_window_update_actions (self);
}

static void
show_sections_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);

  _sec_window_navigate_to (self, "sidebar");
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  const Section *section = _sec_window_find_section (self->section, NULL);
  SecRecordEditor *editor;

  if (self->store == NULL || section == NULL)
    return;
  editor = sec_record_editor_new (GTK_WINDOW (self), self->store,
                                  sec_record_kind_lookup (section->kind), NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  SecRecordEditor *editor;

  if (self->store == NULL || self->record == NULL)
    return;
  editor = sec_record_editor_new (GTK_WINDOW (self), self->store,
                                  G_OBJECT_TYPE (self->record), self->record);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dependants = NULL;
  g_autofree char *title = NULL;
  GType kind;
  gint64 id;

  if (self->store == NULL || self->record == NULL)
    return;

  kind = G_OBJECT_TYPE (self->record);
  id = sec_record_get_id (self->record);
  title = sec_record_dup_title (self->record);

  dependants = sec_store_describe_dependants (self->store, self->record, &error);
  if (dependants == NULL)
    {
      _sec_window_show_error (self, error);
      return;
    }

  if (dependants[0] != NULL)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      DeleteData *data = g_new0 (DeleteData, 1);
      GtkWidget *dialog;

      /* Translators: the first line of the question before a deletion */
      g_string_printf (body, _("“%s” will be deleted. This also affects:"), title);
      for (guint i = 0; dependants[i]; i++)
        g_string_append_printf (body, "\n• %s", dependants[i]);
      g_string_append_c (body, '\n');
      g_string_append (body, _("You can undo the deletion right after."));

      dialog = adw_message_dialog_new (GTK_WINDOW (self), get_delete_heading (kind), body->str);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "delete", _("_Delete"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

      data->self = g_object_ref (self);
      data->kind = kind;
      data->id = id;
      data->title = g_steal_pointer (&title);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_dialog_response),
                             data, (GClosureNotify) (void (*) (void)) delete_data_free, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  delete_now (self, kind, id, title);
}

/* An editor saved changes to a record: keep it as it was, to undo them. */
static void
record_edited_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(SecRecord) saved = NULL;
  g_autoptr(SecRecord) before = NULL;
  g_autoptr(GArray) bodies = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind_name, *name, *text;
  GVariantIter iter;
  AdwToast *toast;
  gint64 id;
  GType kind;

  g_variant_get (parameter, "(&sx@a{ss})", &kind_name, &id, &fields);
  kind = sec_record_kind_lookup (kind_name);
  if (kind == G_TYPE_INVALID || self->store == NULL)
    return;
  saved = sec_store_get (self->store, kind, id, &error);
  if (saved == NULL)
    {
      g_debug ("Cannot keep the edit of %s %" G_GINT64_FORMAT " to undo: %s", kind_name, id, error->message);
      return;
    }

  /* The stored record (its id, its derived values) with the old fields. */
  before = sec_record_copy (saved);
  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_next (&iter, "{&s&s}", &name, &text))
    if (g_strcmp0 (name, "meeting-bodies") == 0)
      {
        /* A meeting's bodies as they were (see the editor's
         * record_to_variant ()): no field, links of their own. */
        g_auto(GStrv) ids = g_strsplit (text, ",", -1);

        bodies = g_array_new (FALSE, FALSE, sizeof (gint64));
        for (guint i = 0; ids[i] != NULL; i++)
          {
            gint64 body;

            if (g_ascii_string_to_signed (ids[i], 10, 1, G_MAXINT64, &body, NULL))
              g_array_append_val (bodies, body);
          }
      }
    else if (!sec_record_set_from_text (before, name, text, &error))
      {
        g_debug ("Cannot keep %s of %s to undo: %s", name, kind_name, error->message);
        return;
      }

  _sec_window_forget_undo (self);
  g_set_object (&self->edited, before);
  self->edited_bodies = g_steal_pointer (&bodies);

  toast = adw_toast_new (_("Changes saved"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  sec_toaster_show (self->toaster, toast);
  _sec_window_update_actions (self);
}

void
_sec_window_forget_undo (SecWindow *self)
{
  g_clear_pointer (&self->deletion, sec_deletion_free);
  g_clear_object (&self->edited);
  g_clear_pointer (&self->edited_bodies, g_array_unref);
  g_clear_pointer (&self->import_undo, sec_import_undo_free);
}

/* Puts the last edited record back as it was. */
static void
undo_edit (SecWindow *self)
{
  g_autoptr(SecRecord) before = g_steal_pointer (&self->edited);
  g_autoptr(GArray) bodies = g_steal_pointer (&self->edited_bodies);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  sec_toaster_dismiss (self->toaster);
  /* The record and, for a meeting, its bodies: together or not at all. */
  ok = sec_store_begin (self->store, &error);
  if (ok)
    {
      ok = sec_store_update (self->store, before, &error) &&
           (bodies == NULL ||
            sec_store_set_meeting_body_ids (self->store, sec_record_get_id (before),
                                            (const gint64 *) (gpointer) bodies->data, bodies->len, &error)) &&
           sec_store_commit (self->store, &error);
      if (!ok)
        sec_store_rollback (self->store);
    }
  if (!ok)
    {
      _sec_window_show_error (self, error);
      _sec_window_update_actions (self);
      return;
    }
  if (!_sec_window_open_record (self, G_OBJECT_TYPE (before), sec_record_get_id (before), FALSE, &error))
    _sec_window_show_error (self, error);
  _sec_window_update_actions (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  g_autoptr(SecDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || _sec_window_undo_import (self))
    return;
  if (self->edited != NULL)
    {
      undo_edit (self);
      return;
    }
  deletion = g_steal_pointer (&self->deletion);
  if (deletion == NULL)
    return;
  sec_toaster_dismiss (self->toaster);

  if (!sec_store_undo_deletion (self->store, deletion, &error))
    {
      _sec_window_show_error (self, error);
      _sec_window_update_actions (self);
      return;
    }
  if (!_sec_window_open_record (self, self->deleted_kind, self->deleted_id, TRUE, &error))
    _sec_window_show_error (self, error);
  _sec_window_update_actions (self);
  _sec_window_focus_list_later (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);
  SecListPane *pane = _sec_window_get_current_pane (self);

  if (pane == NULL)
    return;
  _sec_window_navigate_to (self, "list");
  sec_list_pane_focus_search (pane);
}

/* Ctrl+K: the search of every section, in the sidebar (shown first on a
 * narrow window). */
static void
search_everywhere_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);

  _sec_window_navigate_to (self, "sidebar");
  sec_search_everywhere_focus (self->search_everywhere);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
primary_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SecWindow *self = SEC_WINDOW (widget);

  _sec_window_navigate_to (self, "sidebar");
  gtk_menu_button_popup (self->primary_menu_button);
}

/**
 * _sec_window_class_add_actions:
 * @widget_class: SecWindow's class
 *
 * Installs the window's actions and their shortcuts.
 */
void
_sec_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-record", "(sx)", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-sections", NULL, show_sections_action);
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "win.edit-record", NULL, edit_record_action);
  gtk_widget_class_install_action (widget_class, "win.delete-record", NULL, delete_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.record-edited", "(sxa{ss})", record_edited_action);
  gtk_widget_class_install_action (widget_class, "win.import", "s", _sec_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-everywhere", NULL, search_everywhere_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-primary-menu", NULL, primary_menu_action);
  /* Window shortcuts are bindings, handled after the focused widget: an
   * entry keeps Delete, Ctrl+Z and Escape for itself. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search-everywhere", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "win.show-primary-menu", NULL);
}
