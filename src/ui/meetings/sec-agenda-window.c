/* sec-agenda-window.c: a window to edit a meeting's agenda
 *
 * The items are listed in agenda order with the times the core works out
 * (sec-agenda.h). An item is added or edited on a second page of the
 * window; it is moved by dragging its row or with Alt+Up and Alt+Down;
 * removed with Undo. Every change goes through the store in one
 * transaction with sec_agenda_note_change (), so that a final agenda's
 * version rises. The list is read again after each change of the store
 * (an agenda is a few dozen items), keeping the keyboard focus on the item
 * it was on.
 */
#define G_LOG_DOMAIN "sec-agenda-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/meetings/sec-agenda-window.h"
#include "ui/meetings/sec-agenda-window-private.h"
#include "core/meetings/sec-agenda.h"
#include "core/base/sec-format.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "core/store/sec-records.h"
#include "ui/widgets/sec-toaster.h"
#include "ui/widgets/sec-tool-window.h"

G_DEFINE_FINAL_TYPE (SecAgendaWindow, sec_agenda_window, SEC_TYPE_MEETING_WINDOW)

/* Helpers */

const SecField *
_sec_agenda_window_item_field (const char *name)
{
  return sec_kind_find_field (sec_kind_from_type (SEC_TYPE_AGENDA_ITEM), name);
}

/* The item of the row that has the keyboard focus (or holds it), or 0. */
static gint64
focused_item (SecAgendaWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  int index;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->items_list))
    return 0;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index < 0 || (guint) index >= self->items->len)
    return 0;
  return sec_record_get_id (g_ptr_array_index (self->items, index));
}

static int
item_index (SecAgendaWindow *self,
            gint64           item_id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (sec_record_get_id (g_ptr_array_index (self->items, i)) == item_id)
      return (int) i;
  return -1;
}

static char *
dup_speakers (SecAgendaWindow *self,
              gint64           item_id)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item_id);
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GError) error = NULL;
  GString *names = g_string_new (NULL);

  sec_query_add (query, "agenda-item", SEC_QUERY_EQUALS, id);
  sec_query_set_sort (query, "position", FALSE);
  speakers = sec_store_list (self->store, SEC_TYPE_AGENDA_SPEAKER, query, &error);
  if (speakers == NULL)
    g_warning ("Could not read the speakers: %s", error->message);
  for (guint i = 0; speakers != NULL && i < speakers->len; i++)
    {
      const char *name = sec_record_get_derived (g_ptr_array_index (speakers, i), "person-name");

      if (name == NULL)
        continue;
      if (names->len > 0)
        /* Translators: the separator in a list of names */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }
  return g_string_free (names, FALSE);
}

/* Moving items */

static void
move_item (SecAgendaWindow *self,
           gint64           item_id,
           int              index)
{
  g_autoptr(GError) error = NULL;

  if (item_id == 0 || index < 0 || (guint) index >= self->items->len)
    return;
  if (item_index (self, item_id) == index)
    return;

  self->focus_item_id = item_id;
  if (!sec_agenda_move_item (self->store, item_id, (guint) index, &error))
    sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Move the Item"), error);
  /* At once, not at idle: the next Alt+Down moves from the new place. */
  _sec_agenda_window_reload (self);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "sec-item-id"));

  return gdk_content_provider_new_typed (G_TYPE_INT64, id);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  SecAgendaWindow *self = SEC_AGENDA_WINDOW (gtk_widget_get_root (row));

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  move_item (self, g_value_get_int64 (value), gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  return TRUE;
}

/* The list */

GtkWidget *
_sec_agenda_window_new_icon_button (const char *icon_name,
                                    const char *tooltip,
                                    const char *action_name,
                                    GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
new_item_row (SecAgendaWindow *self,
              SecRecord       *item,
              SecAgendaSlot   *slot)
{
  gint64 id = sec_record_get_id (item);
  g_autofree char *name = sec_record_dup_title (item);
  g_autofree char *title = NULL;
  g_autofree char *duration = sec_agenda_format_duration (sec_record_get_int (item, "duration"));
  g_autofree char *speakers = dup_speakers (self, id);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *a11y = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *kind = sec_record_get_string (item, "kind");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *time_label;
  GtkWidget *prefix;
  GtkDragSource *source;
  GtkDropTarget *target;

  if (slot != NULL && slot->number > 0)
    /* Translators: an agenda item's number and title, "2. Signing" */
    title = g_strdup_printf (_("%u. %s"), slot->number, name);
  else
    title = g_strdup (name);

  if (slot != NULL)
    {
      start = g_date_time_format (slot->starts, "%H:%M");
      end = g_date_time_format (slot->ends, "%H:%M");
      /* Translators: when an agenda item ends and how long it lasts, "until 10:00 · 30 min" */
      g_string_append_printf (subtitle, _("until %s · %s"), end, duration);
    }
  else
    g_string_append (subtitle, duration);
  if (g_strcmp0 (kind, "item") != 0)
    {
      const char *label = sec_field_choice_label (_sec_agenda_window_item_field ("kind"), kind);

      g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, label ? label : kind);
    }
  if (*speakers != '\0')
    {
      g_string_append (subtitle, _(" · "));
      /* Translators: who speaks on an agenda item */
      g_string_append_printf (subtitle, _("Speakers: %s"), speakers);
    }
  if (slot != NULL && slot->fixed)
    {
      g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, _("Fixed start"));
    }
  if (slot != NULL && (slot->overlaps || slot->overruns))
    {
      g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, slot->overlaps ? _("Overlaps the previous item") : _("Ends after the meeting"));
      gtk_widget_add_css_class (row, "warning");
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data (G_OBJECT (row), "sec-item-id", GSIZE_TO_POINTER ((gsize) id));

  /* The handle, then the time: one prefix, as libadwaita versions
   * differ on where a second prefix goes. */
  gtk_widget_set_tooltip_text (handle, _("Drag to move; or Alt+Up, Alt+Down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drag to move; or Alt+Up, Alt+Down"), -1);
  gtk_widget_add_css_class (handle, "dim-label");
  time_label = gtk_label_new (start ? start : "");
  gtk_label_set_width_chars (GTK_LABEL (time_label), 5);
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "heading");
  prefix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (prefix), handle);
  gtk_box_append (GTK_BOX (prefix), time_label);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             _sec_agenda_window_new_icon_button ("document-edit-symbolic", _("Edit Item"),
                                              "agenda.edit-item", g_variant_new_int64 (id)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             _sec_agenda_window_new_icon_button ("user-trash-symbolic", _("Remove Item"),
                                              "agenda.remove-item", g_variant_new_int64 (id)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "agenda.edit-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));

  /* What a screen reader says: the time and the title. */
  if (start != NULL)
    {
      /* Translators: an agenda row for screen readers, "09:30, 1. Opening" */
      a11y = g_strdup_printf (_("%s, %s"), start, title);
      sec_accessible_set_name (row, a11y);
    }

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

static void
update_summary (SecAgendaWindow *self,
                SecAgendaTiming *timing)
{
  g_autofree char *state = sec_agenda_format_state (sec_record_get_string (self->meeting, "agenda-status"),
                                                    sec_record_get_int (self->meeting, "agenda-version"));
  gboolean final = g_strcmp0 (sec_record_get_string (self->meeting, "agenda-status"), "final") == 0;

  self->updating = TRUE;
  gtk_switch_set_active (self->final_switch, final);
  self->updating = FALSE;
  adw_action_row_set_subtitle (self->state_row, state);

  gtk_widget_set_visible (GTK_WIDGET (self->overrun_row), timing != NULL && (timing->overrun || timing->has_overlaps));
  if (timing == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->timing_row), _("The meeting has no start time"));
      adw_action_row_set_subtitle (self->timing_row, "");
      return;
    }

  if (self->items->len == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->timing_row), _("No items yet"));
      adw_action_row_set_subtitle (self->timing_row, "");
    }
  else
    {
      g_autofree char *total = sec_agenda_format_duration (timing->total_minutes);
      g_autofree char *title = NULL;
      g_autofree char *starts = g_date_time_format (timing->meeting_starts, "%H:%M");
      g_autofree char *planned = g_date_time_format (timing->planned_end, "%H:%M");
      g_autofree char *ends = g_date_time_format (timing->meeting_ends, "%H:%M");
      g_autofree char *subtitle = NULL;

      /* Translators: the length of an agenda, "5 h 30 min in total" */
      title = g_strdup_printf (_("%s in total"), total);
      /* Translators: when the agenda starts and ends, and when the meeting ends: "From 09:30, planned end 16:35; the meeting ends at 16:30" */
      subtitle = g_strdup_printf (_("From %s, planned end %s; the meeting ends at %s"), starts, planned, ends);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->timing_row), title);
      adw_action_row_set_subtitle (self->timing_row, subtitle);
    }

  if (timing->overrun)
    {
      g_autofree char *over = sec_agenda_format_duration (timing->overrun_minutes);
      /* Translators: %s is a duration, "20 min" */
      g_autofree char *title = g_strdup_printf (_("Runs %s past the end of the meeting"), over);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->overrun_row), title);
      adw_action_row_set_subtitle (self->overrun_row,
                                   timing->has_overlaps ? _("An item with a fixed start also overlaps the one before")
                                                        : _("Shorten items, or let the meeting end later"));
    }
  else if (timing->has_overlaps)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->overrun_row),
                                     _("An item with a fixed start overlaps the one before"));
      adw_action_row_set_subtitle (self->overrun_row, _("Shorten the items before it, or move its start"));
    }
}

/* Reads the meeting and its agenda again and makes the list anew. */
void
_sec_agenda_window_reload (SecAgendaWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SecAgendaTiming) timing = NULL;
  g_autofree char *title = NULL;
  gint64 focus_id;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  meeting = sec_store_get (self->store, SEC_TYPE_MEETING, self->meeting_id, &error);
  if (meeting == NULL)
    {
      /* The meeting was deleted: nothing is left to edit. */
      if (!g_error_matches (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read meeting %" G_GINT64_FORMAT ": %s", self->meeting_id, error->message);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  items = sec_agenda_list_items (self->store, self->meeting_id, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the agenda: %s", error->message);
      return;
    }

  focus_id = self->focus_item_id != 0 ? self->focus_item_id : focused_item (self);
  self->focus_item_id = 0;

  g_set_object (&self->meeting, meeting);
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  title = sec_record_dup_title (meeting);
  adw_window_title_set_subtitle (self->window_title, title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, child);

  timing = sec_agenda_timing_compute (self->meeting, self->items);
  for (guint i = 0; i < self->items->len; i++)
    {
      SecAgendaSlot *slot = timing != NULL && i < timing->n_slots ? &timing->slots[i] : NULL;
      GtkWidget *row = new_item_row (self, g_ptr_array_index (self->items, i), slot);

      gtk_list_box_append (self->items_list, row);
    }
  if (self->items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No items yet: add the first with +"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->items_list, row);
    }
  update_summary (self, timing);

  if (focus_id != 0)
    sec_agenda_window_focus_item (self, focus_id);
}

static gboolean
reload_cb (gpointer user_data)
{
  SecAgendaWindow *self = user_data;

  self->reload_id = 0;
  _sec_agenda_window_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SecAgendaWindow *self,
                  GType            kind,
                  gint64           id,
                  int              change,
                  SecStore        *store)
{
  if (kind != SEC_TYPE_MEETING && kind != SEC_TYPE_AGENDA_ITEM && kind != SEC_TYPE_AGENDA_SPEAKER &&
      kind != SEC_TYPE_PERSON)
    return;
  /* A burst of changes (a move renumbers every item) is one reload. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

/* Callbacks */

static void
on_final_switch_active (SecAgendaWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->meeting == NULL)
    return;
  if (!sec_agenda_set_final (self->store, self->meeting_id, gtk_switch_get_active (self->final_switch), &error))
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Change the Agenda"), error);
      _sec_agenda_window_reload (self);
    }
}

static void
on_title_activated (SecAgendaWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "agenda.save-item", NULL);
}

static void
on_title_changed (SecAgendaWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
}

static void
on_fixed_start_changed (SecAgendaWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->fixed_start_row))));

  if (*text == '\0' || sec_check_time (text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->fixed_start_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->fixed_start_row), "error");
}

/* Actions */

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _sec_agenda_window_edit_item (SEC_AGENDA_WINDOW (widget), NULL);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SecAgendaWindow *self = SEC_AGENDA_WINDOW (widget);
  int index = item_index (self, g_variant_get_int64 (parameter));

  if (index >= 0)
    _sec_agenda_window_edit_item (self, g_ptr_array_index (self->items, index));
}

static void
cancel_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SecAgendaWindow *self = SEC_AGENDA_WINDOW (widget);
  gint64 id = self->editing_id;

  _sec_agenda_window_show_page (self, FALSE);
  if (id != 0)
    sec_agenda_window_focus_item (self, id);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SecAgendaWindow *self = SEC_AGENDA_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  int index = item_index (self, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  SecDeletion *deletion = NULL;
  AdwToast *toast;

  if (index < 0)
    return;
  title = sec_record_dup_title (g_ptr_array_index (self->items, index));

  /* The item, its speakers and the new version: one change. */
  if (!sec_store_begin (self->store, &error))
    goto fail;
  if ((deletion = sec_store_delete_with_undo (self->store, SEC_TYPE_AGENDA_ITEM, id, &error)) == NULL ||
      !sec_agenda_note_change (self->store, self->meeting_id, &error))
    {
      g_clear_pointer (&deletion, sec_deletion_free);
      sec_store_rollback (self->store);
      goto fail;
    }
  if (!sec_store_commit (self->store, &error))
    {
      g_clear_pointer (&deletion, sec_deletion_free);
      goto fail;
    }

  g_clear_pointer (&self->deletion, sec_deletion_free);
  self->deletion = deletion;
  gtk_widget_action_set_enabled (widget, "agenda.undo-remove", TRUE);

  /* The next item takes the focus, or the one before at the end. */
  if ((guint) index + 1 < self->items->len)
    self->focus_item_id = sec_record_get_id (g_ptr_array_index (self->items, index + 1));
  else if (index > 0)
    self->focus_item_id = sec_record_get_id (g_ptr_array_index (self->items, index - 1));
  _sec_agenda_window_reload (self);

  {
    /* Toasts take markup (libadwaita 1.2); the title is the user's text. */
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    /* Translators: a notification after an agenda item was removed, "“Lunch” removed" */
    message = g_strdup_printf (_("“%s” removed"), escaped);
  }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "agenda.undo-remove");
  sec_toaster_show (self->toaster, toast);
  return;

fail:
  sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Remove the Item"), error);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SecAgendaWindow *self = SEC_AGENDA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecDeletion) deletion = g_steal_pointer (&self->deletion);

  gtk_widget_action_set_enabled (widget, "agenda.undo-remove", FALSE);
  sec_toaster_dismiss (self->toaster);
  if (deletion == NULL)
    return;

  if (!sec_store_begin (self->store, &error))
    goto fail;
  if (!sec_store_undo_deletion (self->store, deletion, &error) ||
      !sec_agenda_note_change (self->store, self->meeting_id, &error))
    {
      sec_store_rollback (self->store);
      goto fail;
    }
  if (!sec_store_commit (self->store, &error))
    goto fail;
  _sec_agenda_window_reload (self);
  return;

fail:
  sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Put the Item Back"), error);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecAgendaWindow *self = SEC_AGENDA_WINDOW (widget);
  gint64 id = focused_item (self);
  int index = item_index (self, id);

  if (index < 0)
    return;
  move_item (self, id, g_str_equal (action_name, "agenda.move-up") ? index - 1 : index + 1);
}

/* Overrides */

static void
sec_agenda_window_constructed (GObject *object)
{
  SecAgendaWindow *self = (SecAgendaWindow *) object;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sec_agenda_window_parent_class)->constructed (object);

  self->store = sec_meeting_window_get_store (SEC_MEETING_WINDOW (self));
  self->meeting_id = sec_meeting_window_get_meeting_id (SEC_MEETING_WINDOW (self));

  g_assert (SEC_IS_STORE (self->store));

  for (const SecChoice *c = _sec_agenda_window_item_field ("kind")->choices; c->nick != NULL; c++)
    gtk_string_list_append (kinds, _(c->label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->speaker_picker = sec_record_picker_row_new (self->store, SEC_TYPE_PERSON);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->speaker_picker), _("Add a Speaker"));
  g_signal_connect_object (self->speaker_picker, "notify::record-id", G_CALLBACK (_sec_agenda_window_on_speaker_picked),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->speakers_list, self->speaker_picker);

  self->changed_id = g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  _sec_agenda_window_show_page (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.undo-remove", FALSE);
  _sec_agenda_window_reload (self);
}

static void
sec_agenda_window_dispose (GObject *object)
{
  SecAgendaWindow *self = (SecAgendaWindow *) object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_AGENDA_WINDOW);

  G_OBJECT_CLASS (sec_agenda_window_parent_class)->dispose (object);
}

static void
sec_agenda_window_finalize (GObject *object)
{
  SecAgendaWindow *self = (SecAgendaWindow *) object;

  g_clear_object (&self->meeting);
  g_clear_object (&self->toaster);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->deletion, sec_deletion_free);
  g_clear_pointer (&self->speaker_ids, g_array_unref);
  g_clear_pointer (&self->speaker_names, g_ptr_array_unref);

  G_OBJECT_CLASS (sec_agenda_window_parent_class)->finalize (object);
}

static void
sec_agenda_window_class_init (SecAgendaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_agenda_window_constructed;
  object_class->dispose = sec_agenda_window_dispose;
  object_class->finalize = sec_agenda_window_finalize;


  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-agenda-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, state_row);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, final_switch);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, timing_row);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, overrun_row);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, items_list);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, fixed_start_row);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, description_view);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SecAgendaWindow, speakers_list);
  gtk_widget_class_bind_template_callback (widget_class, on_final_switch_active);
  gtk_widget_class_bind_template_callback (widget_class, on_title_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_fixed_start_changed);

  gtk_widget_class_install_action (widget_class, "agenda.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.edit-item", "x", edit_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.save-item", NULL, _sec_agenda_window_save_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.cancel-edit", NULL, cancel_edit_action);
  gtk_widget_class_install_action (widget_class, "agenda.remove-item", "x", remove_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda.remove-speaker", "u", _sec_agenda_window_remove_speaker_action);
  gtk_widget_class_install_action (widget_class, "agenda.raise-speaker", "u", _sec_agenda_window_raise_speaker_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "agenda.add-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "agenda.save-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "agenda.cancel-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "agenda.undo-remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sec_agenda_window_init (SecAgendaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->toaster = sec_toaster_new (self->toast_overlay);
  self->speaker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->speaker_names = g_ptr_array_new_with_free_func (g_free);
}

/* Public API */

/**
 * sec_agenda_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the window (owned by GTK's list of toplevels)
 */
SecAgendaWindow *
sec_agenda_window_new (GtkWindow *parent,
                       SecStore  *store,
                       gint64     meeting_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return g_object_new (SEC_TYPE_AGENDA_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
}

gboolean
sec_agenda_window_focus_item (SecAgendaWindow *self,
                              gint64           item_id)
{
  int index;
  GtkListBoxRow *row;

  g_return_val_if_fail (SEC_IS_AGENDA_WINDOW (self), FALSE);

  if ((index = item_index (self, item_id)) < 0)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->items_list, index);
  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}
