/* sec-agenda-window-item.c: the agenda window's page for one item
 *
 * Adding or editing an item shows a second page: title, kind, duration,
 * fixed start, description, notes and the speakers (picked one by one,
 * ordered, removed). Saving writes the item and its speakers in one
 * transaction with sec_agenda_note_change ().
 */
#define G_LOG_DOMAIN "sec-agenda-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/meetings/sec-agenda-window.h"
#include "ui/meetings/sec-agenda-window-private.h"
#include "core/meetings/sec-agenda.h"
#include "core/base/sec-format.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "ui/widgets/sec-tool-window.h"

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* The item page */

void
_sec_agenda_window_show_page (SecAgendaWindow *self,
                              gboolean         editing)
{
  gtk_stack_set_visible_child_name (self->stack, editing ? "item" : "list");
  gtk_widget_set_visible (self->add_button, !editing);
  gtk_widget_set_visible (self->cancel_button, editing);
  gtk_widget_set_visible (self->save_button, editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add-item", !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.move-up", !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.move-down", !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.save-item", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.cancel-edit", editing);
  adw_window_title_set_title (self->window_title,
                              !editing ? _("Agenda") : self->editing_id != 0 ? _("Edit Item") : _("New Item"));
}

static void
show_speakers (SecAgendaWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->speakers_list))) != NULL)
    {
      if (child == self->speaker_picker)
        {
          /* Kept, at the end. */
          g_object_ref (child);
          gtk_list_box_remove (self->speakers_list, child);
          continue;
        }
      gtk_list_box_remove (self->speakers_list, child);
    }

  for (guint i = 0; i < self->speaker_ids->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      const char *name = g_ptr_array_index (self->speaker_names, i);
      /* Translators: the tooltip of a button that takes a speaker off an item, %s is a name */
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (i > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   _sec_agenda_window_new_icon_button ("go-up-symbolic", _("Speaks Earlier"),
                                                    "agenda.raise-speaker", g_variant_new_uint32 (i)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 _sec_agenda_window_new_icon_button ("list-remove-symbolic", tooltip,
                                                  "agenda.remove-speaker", g_variant_new_uint32 (i)));
      gtk_list_box_append (self->speakers_list, row);
    }

  if (gtk_widget_get_parent (self->speaker_picker) == NULL)
    {
      gtk_list_box_append (self->speakers_list, self->speaker_picker);
      g_object_unref (self->speaker_picker);
    }
}

void
_sec_agenda_window_on_speaker_picked (SecAgendaWindow *self,
                                      GParamSpec      *pspec,
                                      SecRecordPickerRow *picker)
{
  gint64 id = sec_record_picker_row_get_record_id (picker);
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return;
  for (guint i = 0; i < self->speaker_ids->len; i++)
    if (g_array_index (self->speaker_ids, gint64, i) == id)
      id = 0;
  if (id != 0 && (person = sec_store_get (self->store, SEC_TYPE_PERSON, id, &error)) != NULL)
    {
      g_array_append_val (self->speaker_ids, id);
      g_ptr_array_add (self->speaker_names, sec_record_dup_title (person));
    }
  /* Ready for the next one. */
  sec_record_picker_row_set_record_id (picker, 0);
  show_speakers (self);
}

static void
select_kind (SecAgendaWindow *self,
             const char      *nick)
{
  const SecField *field = _sec_agenda_window_item_field ("kind");
  guint i = 0;

  for (const SecChoice *c = field->choices; c->nick != NULL; c++, i++)
    if (g_strcmp0 (c->nick, nick) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

static const char *
selected_kind (SecAgendaWindow *self)
{
  const SecField *field = _sec_agenda_window_item_field ("kind");
  guint selected = adw_combo_row_get_selected (self->kind_row);
  guint i = 0;

  for (const SecChoice *c = field->choices; c->nick != NULL; c++, i++)
    if (i == selected)
      return c->nick;
  return "item";
}

void
_sec_agenda_window_edit_item (SecAgendaWindow *self,
                              SecRecord       *item)
{
  g_array_set_size (self->speaker_ids, 0);
  g_ptr_array_set_size (self->speaker_names, 0);
  self->editing_id = item ? sec_record_get_id (item) : 0;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), item ? sec_record_get_string (item, "title") : "");
  select_kind (self, item ? sec_record_get_string (item, "kind") : "item");
  gtk_spin_button_set_value (self->duration_spin, item ? sec_record_get_int (item, "duration") : 30);
  gtk_editable_set_text (GTK_EDITABLE (self->fixed_start_row),
                         item && sec_record_get_string (item, "fixed-start") ? sec_record_get_string (item, "fixed-start") : "");
  set_text_view (self->description_view, item ? sec_record_get_string (item, "description") : NULL);
  set_text_view (self->notes_view, item ? sec_record_get_string (item, "internal-notes") : NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->fixed_start_row), "error");

  if (item != NULL)
    {
      g_autoptr(SecQuery) query = sec_query_new ();
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->editing_id);
      g_autoptr(GPtrArray) speakers = NULL;
      g_autoptr(GError) error = NULL;

      sec_query_add (query, "agenda-item", SEC_QUERY_EQUALS, id);
      sec_query_set_sort (query, "position", FALSE);
      speakers = sec_store_list (self->store, SEC_TYPE_AGENDA_SPEAKER, query, &error);
      for (guint i = 0; speakers != NULL && i < speakers->len; i++)
        {
          SecRecord *speaker = g_ptr_array_index (speakers, i);
          gint64 person = sec_record_get_ref (speaker, "person");
          const char *name = sec_record_get_derived (speaker, "person-name");

          g_array_append_val (self->speaker_ids, person);
          g_ptr_array_add (self->speaker_names, g_strdup (name ? name : ""));
        }
    }
  show_speakers (self);
  _sec_agenda_window_show_page (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* Writes the speakers of item @item_id as listed in the form. */
static gboolean
save_speakers (SecAgendaWindow  *self,
               gint64            item_id,
               GError          **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item_id);
  g_autoptr(GPtrArray) stored = NULL;

  sec_query_add (query, "agenda-item", SEC_QUERY_EQUALS, id);
  if ((stored = sec_store_list (self->store, SEC_TYPE_AGENDA_SPEAKER, query, error)) == NULL)
    return FALSE;

  /* Those taken off first, so that a person can come back elsewhere. */
  for (guint i = 0; i < stored->len; i++)
    {
      SecRecord *speaker = g_ptr_array_index (stored, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < self->speaker_ids->len && !kept; j++)
        kept = g_array_index (self->speaker_ids, gint64, j) == sec_record_get_ref (speaker, "person");
      if (!kept && !sec_store_delete (self->store, SEC_TYPE_AGENDA_SPEAKER, sec_record_get_id (speaker), error))
        return FALSE;
    }

  for (guint j = 0; j < self->speaker_ids->len; j++)
    {
      gint64 person = g_array_index (self->speaker_ids, gint64, j);
      SecRecord *found = NULL;

      for (guint i = 0; i < stored->len && found == NULL; i++)
        if (sec_record_get_ref (g_ptr_array_index (stored, i), "person") == person)
          found = g_ptr_array_index (stored, i);

      if (found != NULL)
        {
          if (sec_record_get_int (found, "position") == (int) j + 1)
            continue;
          sec_record_set_int (found, "position", (int) j + 1);
          if (!sec_store_update (self->store, found, error))
            return FALSE;
        }
      else
        {
          g_autoptr(SecRecord) speaker = sec_record_new (SEC_TYPE_AGENDA_SPEAKER);

          sec_record_set_ref (speaker, "agenda-item", item_id);
          sec_record_set_ref (speaker, "person", person);
          sec_record_set_int (speaker, "position", (int) j + 1);
          if (!sec_store_insert (self->store, speaker, error))
            return FALSE;
        }
    }
  return TRUE;
}

void
_sec_agenda_window_save_item_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  SecAgendaWindow *self = SEC_AGENDA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) item = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *fixed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->fixed_start_row))));
  g_autofree char *description = dup_text_view (self->description_view);
  g_autofree char *notes = dup_text_view (self->notes_view);

  if (*title == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      sec_toaster_show (self->toaster, adw_toast_new (_("An item needs a title")));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }
  if (*fixed != '\0' && !sec_check_time (fixed))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->fixed_start_row), "error");
      sec_toaster_show (self->toaster, adw_toast_new (_("A fixed start is a time such as 14:30, or nothing")));
      gtk_widget_grab_focus (GTK_WIDGET (self->fixed_start_row));
      return;
    }
  gtk_spin_button_update (self->duration_spin);

  if (!sec_store_begin (self->store, &error))
    goto fail;

  if (self->editing_id != 0)
    {
      if ((item = sec_store_get (self->store, SEC_TYPE_AGENDA_ITEM, self->editing_id, &error)) == NULL)
        goto rollback;
    }
  else
    {
      int position = 0;

      for (guint i = 0; i < self->items->len; i++)
        position = MAX (position, sec_record_get_int (g_ptr_array_index (self->items, i), "position"));
      item = sec_record_new (SEC_TYPE_AGENDA_ITEM);
      sec_record_set_ref (item, "meeting", self->meeting_id);
      sec_record_set_int (item, "position", position + 1);
    }

  sec_record_set_string (item, "title", title);
  sec_record_set_string (item, "kind", selected_kind (self));
  sec_record_set_int (item, "duration", gtk_spin_button_get_value_as_int (self->duration_spin));
  sec_record_set_string (item, "fixed-start", *fixed ? fixed : NULL);
  sec_record_set_string (item, "description", *description ? description : NULL);
  sec_record_set_string (item, "internal-notes", *notes ? notes : NULL);

  if (!(self->editing_id != 0 ? sec_store_update (self->store, item, &error)
                              : sec_store_insert (self->store, item, &error)) ||
      !save_speakers (self, sec_record_get_id (item), &error) ||
      !sec_agenda_note_change (self->store, self->meeting_id, &error))
    goto rollback;
  if (!sec_store_commit (self->store, &error))
    goto fail;

  self->focus_item_id = sec_record_get_id (item);
  _sec_agenda_window_show_page (self, FALSE);
  _sec_agenda_window_reload (self);
  return;

rollback:
  sec_store_rollback (self->store);
fail:
  sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Save the Item"), error);
}

void
_sec_agenda_window_remove_speaker_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  SecAgendaWindow *self = SEC_AGENDA_WINDOW (widget);
  guint i = g_variant_get_uint32 (parameter);

  if (i >= self->speaker_ids->len)
    return;
  g_array_remove_index (self->speaker_ids, i);
  g_ptr_array_remove_index (self->speaker_names, i);
  show_speakers (self);
  gtk_widget_grab_focus (self->speaker_picker);
}

void
_sec_agenda_window_raise_speaker_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  SecAgendaWindow *self = SEC_AGENDA_WINDOW (widget);
  guint i = g_variant_get_uint32 (parameter);
  gint64 id;
  char *name;

  if (i == 0 || i >= self->speaker_ids->len)
    return;
  id = g_array_index (self->speaker_ids, gint64, i);
  g_array_index (self->speaker_ids, gint64, i) = g_array_index (self->speaker_ids, gint64, i - 1);
  g_array_index (self->speaker_ids, gint64, i - 1) = id;
  name = self->speaker_names->pdata[i];
  self->speaker_names->pdata[i] = self->speaker_names->pdata[i - 1];
  self->speaker_names->pdata[i - 1] = name;
  show_speakers (self);
}
