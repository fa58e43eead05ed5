/* sec-minutes-window.c: a window to write a meeting's minutes and manage
 * its action points
 *
 * One section per agenda item (breaks and lunch left out): its summary and
 * decisions, typed in place and saved a moment after typing stops (and
 * when the window closes), and its action points, each with buttons to
 * mark it done or dropped (or open again) and to edit it; then the action
 * points of the meeting as a whole. An action point is added or edited on
 * a page of its own. Every change of an action point can be undone (the
 * toast's Undo, or Ctrl+Z outside the texts, whose own Ctrl+Z undoes
 * typing).
 */
#define G_LOG_DOMAIN "sec-minutes-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/meetings/sec-action-points.h"
#include "core/meetings/sec-agenda.h"
#include "core/meetings/sec-minutes.h"
#include "core/store/sec-records.h"
#include "ui/meetings/sec-minutes-window.h"
#include "ui/widgets/sec-date-row.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "ui/widgets/sec-toaster.h"
#include "ui/widgets/sec-tool-window.h"
#include "ui/widgets/sec-a11y.h"

/* How long after the last key press the minutes are saved. */
#define SAVE_DELAY_MS 800

static const char *const owners[] = { "secretariat", "person", "organisation" };
static const char *const statuses[] = { "open", "done", "dropped" };

/* What undoes one change of an action point. */
typedef struct {
  gint64     id;      /* the point changed */
  SecRecord *before;  /* as it was; NULL when the change made it */
  char      *message; /* what was done, for the toast */
} UndoStep;

struct _SecMinutesWindow
{
  SecMeetingWindow      parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *save_button;
  GtkWidget            *undo_button;
  GtkStack             *stack;
  GtkBox               *items_box;
  GtkLabel             *problem_label;
  AdwPreferencesGroup  *point_group;
  AdwEntryRow          *what_row;
  AdwComboRow          *owner_row;
  AdwComboRow          *status_row;
  AdwEntryRow          *notes_row;
  GtkWidget            *delete_button;

  /* owned */
  SecToaster           *toaster;
  GHashTable           *buffers;     /* item id (gint64 *) -> GtkTextBuffer[2] as a GPtrArray */
  GHashTable           *lists;       /* item id (gint64 *), 0 for the meeting -> GtkListBox */
  GHashTable           *dirty;       /* item ids (gint64 *) with unsaved minutes */
  GPtrArray            *undo;        /* UndoStep, the last one last */
  SecRecord            *editing;     /* the action point on the point page */

  /* borrowed */
  SecStore             *store;
  gint64                meeting_id;
  GtkWidget            *person_row;  /* SecRecordPickerRow */
  GtkWidget            *organisation_row;
  GtkWidget            *due_row;     /* SecDateRow */
  gulong                changed_id;
  guint                 save_id;
  guint                 reload_id;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (SecMinutesWindow, sec_minutes_window, SEC_TYPE_MEETING_WINDOW)

static void reload (SecMinutesWindow *self);

/* Helpers */

static void
undo_step_free (UndoStep *step)
{
  g_clear_object (&step->before);
  g_free (step->message);
  g_free (step);
}

static gint64 *
new_id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
index_of (const char *const *nicks,
          guint              n,
          const char        *nick)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      return i;
  return 0;
}

/* "The secretariat · by 15 January 2026 · Done" */
static char *
dup_point_subtitle (SecRecord *point)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *owner = sec_action_point_dup_owner (point);
  const char *due_on = sec_record_get_string (point, "due-on");
  const char *status = sec_record_get_string (point, "status");

  g_string_append (text, owner);
  if (due_on != NULL && *due_on)
    {
      g_autofree char *due = sec_format_date (due_on);

      g_string_append (text, " · ");
      /* Translators: when an action point is due, "by 15 January 2026" */
      g_string_append_printf (text, _("by %s"), due);
    }
  if (g_strcmp0 (status, "open") != 0)
    {
      const SecField *field = sec_kind_find_field (sec_record_get_kind (point), "status");

      g_string_append_printf (text, " · %s", _(sec_field_choice_label (field, status)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip,
                 const char *action_name,
                 gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static GtkWidget *
new_point_row (SecRecord *point)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = dup_point_subtitle (point);
  gint64 id = sec_record_get_id (point);
  gboolean open = g_strcmp0 (sec_record_get_string (point, "status"), "open") == 0;

  gtk_widget_set_name (row, "action-point");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sec_record_get_string (point, "what"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (!open)
    gtk_widget_add_css_class (row, "dim-label");
  if (open)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("object-select-symbolic", _("Mark as Done"), "minutes.mark-done", id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("action-unavailable-symbolic", _("Drop"), "minutes.mark-dropped", id));
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               new_icon_button ("view-refresh-symbolic", _("Open Again"), "minutes.reopen", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("document-edit-symbolic", _("Edit"), "minutes.edit-point", id));
  return row;
}

static void
schedule_save (SecMinutesWindow *self);

static void
on_buffer_changed (SecMinutesWindow *self,
                   GtkTextBuffer    *buffer)
{
  gint64 *id = g_object_get_data (G_OBJECT (buffer), "item-id");

  if (self->loading || id == NULL)
    return;
  g_hash_table_add (self->dirty, new_id_key (*id));
  schedule_save (self);
}

/* A label over a text view, for one text of an item's minutes. */
static GtkTextBuffer *
add_text_area (SecMinutesWindow *self,
               GtkBox           *box,
               const char       *label,
               const char       *name,
               gint64            item_id,
               const char       *text)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), view);
  gtk_widget_set_name (view, name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 72);
  sec_accessible_set_name (view, gtk_label_get_text (GTK_LABEL (caption)));
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  g_object_set_data_full (G_OBJECT (buffer), "item-id", new_id_key (item_id), g_free);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (box, caption);
  gtk_box_append (box, frame);
  return buffer;
}

/* The list of @item_id's action points (0: the meeting's), with the
 * button that adds one. */
static void
add_points_area (SecMinutesWindow *self,
                 GtkBox           *box,
                 gint64            item_id)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Action Point"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_visible (list, FALSE);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "minutes.add-point");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "x", item_id);
  gtk_box_append (box, list);
  gtk_box_append (box, add);
  g_hash_table_insert (self->lists, new_id_key (item_id), list);
}

static GtkBox *
add_section (SecMinutesWindow *self,
             const char       *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-3");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (self->items_box, box);
  return GTK_BOX (box);
}

/* Fills each list with its action points. */
static void
reload_points (SecMinutesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = sec_action_points_list_for_meeting (self->store, self->meeting_id, &error);
  GHashTableIter iter;
  gpointer list;

  if (points == NULL)
    {
      g_warning ("Could not read the action points: %s", error->message);
      return;
    }
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (list)) != NULL)
        gtk_list_box_remove (list, child);
      gtk_widget_set_visible (list, FALSE);
    }
  for (guint i = 0; i < points->len; i++)
    {
      SecRecord *point = g_ptr_array_index (points, i);
      gint64 item_id = sec_record_get_ref (point, "agenda-item");
      GtkWidget *target = g_hash_table_lookup (self->lists, &item_id);

      if (target == NULL)
        {
          item_id = 0;
          target = g_hash_table_lookup (self->lists, &item_id);
        }
      gtk_list_box_append (GTK_LIST_BOX (target), new_point_row (point));
      gtk_widget_set_visible (target, TRUE);
    }
}

/* Builds the sections again from the agenda (what was typed is saved
 * first). */
static void
reload (SecMinutesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) minutes = NULL;
  GtkWidget *child;
  guint number = 0;

  sec_minutes_window_save_now (self);
  meeting = sec_store_get (self->store, SEC_TYPE_MEETING, self->meeting_id, &error);
  if (meeting == NULL ||
      (items = sec_agenda_list_items (self->store, self->meeting_id, &error)) == NULL ||
      (minutes = sec_minutes_list_for_meeting (self->store, self->meeting_id, &error)) == NULL)
    {
      /* The meeting was deleted: nothing left to write. */
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  adw_window_title_set_subtitle (self->window_title, sec_record_get_string (meeting, "title"));

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  g_hash_table_remove_all (self->buffers);
  g_hash_table_remove_all (self->lists);

  if (items->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("The agenda has no items yet: the minutes follow the agenda."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (self->items_box, empty);
    }
  for (guint i = 0; i < items->len; i++)
    {
      SecRecord *item = g_ptr_array_index (items, i);
      const char *kind = sec_record_get_string (item, "kind");
      gint64 item_id = sec_record_get_id (item);
      SecRecord *m = NULL;
      g_autofree char *title = NULL;
      GPtrArray *pair;
      GtkBox *box;

      if (g_strcmp0 (kind, "break") == 0 || g_strcmp0 (kind, "lunch") == 0)
        continue;
      for (guint j = 0; j < minutes->len; j++)
        if (sec_record_get_ref (g_ptr_array_index (minutes, j), "agenda-item") == item_id)
          m = g_ptr_array_index (minutes, j);
      /* Translators: an agenda item in the minutes window, "3. Presentation of the Strategy" */
      title = g_strdup_printf (_("%u. %s"), ++number, sec_record_get_string (item, "title"));
      box = add_section (self, title);
      pair = g_ptr_array_new ();
      g_ptr_array_add (pair, add_text_area (self, box, _("_Summary of the discussion"), "summary", item_id,
                                            m ? sec_record_get_string (m, "summary") : NULL));
      g_ptr_array_add (pair, add_text_area (self, box, _("_Decisions"), "decisions", item_id,
                                            m ? sec_record_get_string (m, "decisions") : NULL));
      g_hash_table_insert (self->buffers, new_id_key (item_id), pair);
      add_points_area (self, box, item_id);
    }
  add_points_area (self, add_section (self, _("Action points of the meeting as a whole")), 0);
  self->loading = FALSE;
  reload_points (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  SecMinutesWindow *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static gboolean
save_cb (gpointer user_data)
{
  SecMinutesWindow *self = user_data;

  self->save_id = 0;
  sec_minutes_window_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (SecMinutesWindow *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
show_page (SecMinutesWindow *self,
           gboolean          point)
{
  gtk_stack_set_visible_child_name (self->stack, point ? "point" : "minutes");
  gtk_widget_set_visible (self->cancel_button, point);
  gtk_widget_set_visible (self->save_button, point);
  gtk_widget_set_visible (self->undo_button, !point);
  adw_window_title_set_title (self->window_title,
                              !point ? _("Minutes of the Meeting")
                              : sec_record_get_id (self->editing) ? _("Edit Action Point") : _("New Action Point"));
}

static void
on_owner_selected (SecMinutesWindow *self)
{
  guint owner = adw_combo_row_get_selected (self->owner_row);

  gtk_widget_set_visible (self->person_row, owner == 1);
  gtk_widget_set_visible (self->organisation_row, owner == 2);
}

static void
edit_point (SecMinutesWindow *self,
            SecRecord        *point)
{
  g_set_object (&self->editing, point);
  gtk_editable_set_text (GTK_EDITABLE (self->what_row), sec_record_get_string (point, "what") ?: "");
  adw_combo_row_set_selected (self->owner_row,
                              index_of (owners, G_N_ELEMENTS (owners), sec_record_get_string (point, "owner")));
  sec_record_picker_row_set_record_id (SEC_RECORD_PICKER_ROW (self->person_row), sec_record_get_ref (point, "person"));
  sec_record_picker_row_set_record_id (SEC_RECORD_PICKER_ROW (self->organisation_row),
                                       sec_record_get_ref (point, "organisation"));
  sec_date_row_set_value (SEC_DATE_ROW (self->due_row), sec_record_get_string (point, "due-on"));
  adw_combo_row_set_selected (self->status_row,
                              index_of (statuses, G_N_ELEMENTS (statuses), sec_record_get_string (point, "status")));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), sec_record_get_string (point, "notes") ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_widget_set_visible (self->delete_button, sec_record_get_id (point) != 0);
  on_owner_selected (self);
  show_page (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->what_row));
}

static SecRecord *get_point (SecMinutesWindow *self,
                             gint64            id);

static void
push_undo (SecMinutesWindow *self,
           gint64            id,
           SecRecord        *before,
           const char       *message)
{
  UndoStep *step = g_new0 (UndoStep, 1);
  AdwToast *toast = adw_toast_new (message);

  step->id = id;
  step->before = before ? sec_record_copy (before) : NULL;
  if (step->before != NULL && id != 0)
    {
      /* Undone over the version this change saved (one's own change). */
      g_autoptr(SecRecord) now = get_point (self, id);

      if (now != NULL)
        sec_record_set_version (step->before, sec_record_get_version (now));
    }
  step->message = g_strdup (message);
  g_ptr_array_add (self->undo, step);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.undo", TRUE);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "minutes.undo");
  sec_toaster_show (self->toaster, toast);
}

static SecRecord *
get_point (SecMinutesWindow *self,
           gint64            id)
{
  g_autoptr(GError) error = NULL;
  SecRecord *point = sec_store_get (self->store, SEC_TYPE_ACTION_POINT, id, &error);

  if (point == NULL)
    sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Change the Action Point"), error);
  return point;
}

/* Store changes */

static void
on_store_changed (SecMinutesWindow *self,
                  GType             kind,
                  gint64            id,
                  int               change,
                  SecStore         *store)
{
  /* The texts are made again only when the agenda changed (or the meeting
   * went): a meeting's other changes (its agenda's version, a check-in)
   * leave the text being typed where it is. */
  if (kind == SEC_TYPE_ACTION_POINT || kind == SEC_TYPE_PERSON || kind == SEC_TYPE_ORGANISATION)
    reload_points (self);
  else if ((kind == SEC_TYPE_AGENDA_ITEM ||
            (kind == SEC_TYPE_MEETING && change == SEC_STORE_CHANGE_DELETED)) && self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

/* Actions */

static void
add_point_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SecMinutesWindow *self = SEC_MINUTES_WINDOW (widget);
  g_autoptr(SecRecord) point = sec_record_new (SEC_TYPE_ACTION_POINT);

  sec_record_set_ref (point, "meeting", self->meeting_id);
  sec_record_set_ref (point, "agenda-item", g_variant_get_int64 (parameter));
  edit_point (self, point);
}

static void
edit_point_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SecMinutesWindow *self = SEC_MINUTES_WINDOW (widget);
  g_autoptr(SecRecord) point = get_point (self, g_variant_get_int64 (parameter));

  if (point != NULL)
    edit_point (self, point);
}

static void
cancel_point_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SecMinutesWindow *self = SEC_MINUTES_WINDOW (widget);

  g_clear_object (&self->editing);
  show_page (self, FALSE);
}

static void
save_point_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SecMinutesWindow *self = SEC_MINUTES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) before = NULL;
  g_autoptr(SecRecord) point = NULL;
  g_autofree char *problem = NULL;
  const char *notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));
  gboolean is_new;

  if (self->editing == NULL)
    return;
  is_new = sec_record_get_id (self->editing) == 0;
  before = is_new ? NULL : sec_record_copy (self->editing);
  point = sec_record_copy (self->editing);
  sec_record_set_string (point, "what", gtk_editable_get_text (GTK_EDITABLE (self->what_row)));
  sec_record_set_string (point, "owner", owners[MIN (adw_combo_row_get_selected (self->owner_row), 2)]);
  sec_record_set_ref (point, "person", sec_record_picker_row_get_record_id (SEC_RECORD_PICKER_ROW (self->person_row)));
  sec_record_set_ref (point, "organisation",
                      sec_record_picker_row_get_record_id (SEC_RECORD_PICKER_ROW (self->organisation_row)));
  sec_record_set_string (point, "due-on", sec_date_row_get_value (SEC_DATE_ROW (self->due_row)));
  if (g_strcmp0 (sec_record_get_string (point, "status"),
                 statuses[MIN (adw_combo_row_get_selected (self->status_row), 2)]) != 0)
    {
      sec_record_set_string (point, "status", statuses[MIN (adw_combo_row_get_selected (self->status_row), 2)]);
      sec_record_set_string (point, "closed-on", NULL);
    }
  sec_record_set_string (point, "notes", *notes ? notes : NULL);

  /* A date not understood is said as the row says it. */
  problem = sec_date_row_dup_problem (SEC_DATE_ROW (self->due_row));
  if (problem == NULL && !sec_action_point_save (self->store, point, NULL, &error))
    problem = g_strdup (error->message);
  if (problem != NULL)
    {
      gtk_label_set_text (self->problem_label, problem);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  g_clear_object (&self->editing);
  show_page (self, FALSE);
  push_undo (self, sec_record_get_id (point), before, is_new ? _("Action point added") : _("Action point saved"));
}

static void
remove_point_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SecMinutesWindow *self = SEC_MINUTES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) before = NULL;

  if (self->editing == NULL || sec_record_get_id (self->editing) == 0)
    return;
  before = get_point (self, sec_record_get_id (self->editing));
  if (before == NULL)
    return;
  if (!sec_store_delete (self->store, SEC_TYPE_ACTION_POINT, sec_record_get_id (before), &error))
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Remove the Action Point"), error);
      return;
    }
  g_clear_object (&self->editing);
  show_page (self, FALSE);
  /* Undone by inserting it again, with its id. */
  push_undo (self, 0, before, _("Action point removed"));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SecMinutesWindow *self = SEC_MINUTES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(SecRecord) before = get_point (self, id);
  const char *status;
  const char *message;

  if (before == NULL)
    return;
  if (g_str_equal (action_name, "minutes.mark-done"))
    status = "done", message = _("Action point marked done");
  else if (g_str_equal (action_name, "minutes.mark-dropped"))
    status = "dropped", message = _("Action point dropped");
  else
    status = "open", message = _("Action point open again");
  if (!sec_action_point_set_status (self->store, id, status, NULL, &error))
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Change the Action Point"), error);
      return;
    }
  push_undo (self, id, before, message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecMinutesWindow *self = SEC_MINUTES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  UndoStep *step;
  gboolean ok;

  if (self->undo->len == 0)
    return;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  if (step->before == NULL)
    ok = sec_store_delete (self->store, SEC_TYPE_ACTION_POINT, step->id, &error);
  else if (step->id == 0)
    {
      /* A removed point comes back as it was, with its id. */
      ok = sec_store_insert (self->store, step->before, &error);
    }
  else
    ok = sec_store_update (self->store, step->before, &error);
  if (!ok)
    sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Undo"), error);
  sec_toaster_dismiss (self->toaster);
  undo_step_free (step);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.undo", self->undo->len > 0);
}

/* Overrides */

static gboolean
sec_minutes_window_close_request (GtkWindow *window)
{
  SecMinutesWindow *self = SEC_MINUTES_WINDOW (window);

  /* The text stays when it cannot be saved; the error says why. */
  if (!sec_minutes_window_save_now (self))
    return TRUE;
  return GTK_WINDOW_CLASS (sec_minutes_window_parent_class)->close_request (window);
}

static void
sec_minutes_window_constructed (GObject *object)
{
  SecMinutesWindow *self = (SecMinutesWindow *) object;
  g_autoptr(GtkStringList) owner_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) status_labels = gtk_string_list_new (NULL);
  const SecKind *kind = sec_kind_from_type (SEC_TYPE_ACTION_POINT);

  G_OBJECT_CLASS (sec_minutes_window_parent_class)->constructed (object);

  self->store = sec_meeting_window_get_store (SEC_MEETING_WINDOW (self));
  self->meeting_id = sec_meeting_window_get_meeting_id (SEC_MEETING_WINDOW (self));
  g_assert (SEC_IS_STORE (self->store));

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    gtk_string_list_append (owner_labels, _(sec_field_choice_label (sec_kind_find_field (kind, "owner"), owners[i])));
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owner_labels));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_labels, _(sec_field_choice_label (sec_kind_find_field (kind, "status"), statuses[i])));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_labels));
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (on_owner_selected), self,
                           G_CONNECT_SWAPPED);

  self->person_row = sec_record_picker_row_new (self->store, SEC_TYPE_PERSON);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), _("Person"));
  adw_preferences_group_add (self->point_group, self->person_row);
  self->organisation_row = sec_record_picker_row_new (self->store, SEC_TYPE_ORGANISATION);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->organisation_row), _("Organisation"));
  adw_preferences_group_add (self->point_group, self->organisation_row);
  self->due_row = sec_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), _("Due on"));
  adw_preferences_group_add (self->point_group, self->due_row);

  self->changed_id = g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.undo", FALSE);
  show_page (self, FALSE);
  reload (self);
}

static void
sec_minutes_window_dispose (GObject *object)
{
  SecMinutesWindow *self = (SecMinutesWindow *) object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_MINUTES_WINDOW);

  G_OBJECT_CLASS (sec_minutes_window_parent_class)->dispose (object);
}

static void
sec_minutes_window_finalize (GObject *object)
{
  SecMinutesWindow *self = (SecMinutesWindow *) object;

  g_clear_object (&self->toaster);
  g_clear_object (&self->editing);
  g_clear_pointer (&self->buffers, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);

  G_OBJECT_CLASS (sec_minutes_window_parent_class)->finalize (object);
}

static void
sec_minutes_window_class_init (SecMinutesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sec_minutes_window_constructed;
  object_class->dispose = sec_minutes_window_dispose;
  object_class->finalize = sec_minutes_window_finalize;
  window_class->close_request = sec_minutes_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-minutes-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, items_box);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, point_group);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, what_row);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SecMinutesWindow, delete_button);

  gtk_widget_class_install_action (widget_class, "minutes.add-point", "x", add_point_action);
  gtk_widget_class_install_action (widget_class, "minutes.edit-point", "x", edit_point_action);
  gtk_widget_class_install_action (widget_class, "minutes.mark-done", "x", set_status_action);
  gtk_widget_class_install_action (widget_class, "minutes.mark-dropped", "x", set_status_action);
  gtk_widget_class_install_action (widget_class, "minutes.reopen", "x", set_status_action);
  gtk_widget_class_install_action (widget_class, "minutes.save-point", NULL, save_point_action);
  gtk_widget_class_install_action (widget_class, "minutes.cancel-point", NULL, cancel_point_action);
  gtk_widget_class_install_action (widget_class, "minutes.remove-point", NULL, remove_point_action);
  gtk_widget_class_install_action (widget_class, "minutes.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "minutes.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "minutes.cancel-point", NULL);
}

static void
sec_minutes_window_init (SecMinutesWindow *self)
{
  g_type_ensure (SEC_TYPE_DATE_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->toaster = sec_toaster_new (self->toast_overlay);
  self->buffers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->dirty = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_step_free);
}

/* Public API */

gboolean
sec_minutes_window_save_now (SecMinutesWindow *self)
{
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SEC_IS_MINUTES_WINDOW (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *pair = g_hash_table_lookup (self->buffers, key);
      g_autofree char *summary = NULL;
      g_autofree char *decisions = NULL;

      if (pair == NULL)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      summary = dup_buffer_text (g_ptr_array_index (pair, 0));
      decisions = dup_buffer_text (g_ptr_array_index (pair, 1));
      if (!sec_minutes_save (self->store, *(gint64 *) key, summary, decisions, &error))
        {
          sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Save the Minutes"), error);
          return FALSE;
        }
      g_hash_table_iter_remove (&iter);
    }
  return TRUE;
}
