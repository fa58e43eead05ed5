/* sec-participants-window.c: a meeting's participants, changed in bulk
 *
 * The participants are a SecRecordList (read a page at a time) under a
 * GtkMultiSelection in a GtkColumnView: select several (Shift, Ctrl,
 * Ctrl+A) and give them a status or a role at once, through the core in
 * one transaction (sec_participants_set_status ()). The selection is kept
 * across the change: the list's rows are new objects after it, so the
 * records are selected again by id.
 */
#define G_LOG_DOMAIN "sec-participants-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/meetings/sec-invitations.h"
#include "ui/meetings/sec-invite-dialog.h"
#include "ui/meetings/sec-participant-counts.h"
#include "ui/meetings/sec-participants-window.h"
#include "core/store/sec-record-list.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "core/store/sec-records.h"
#include "ui/widgets/sec-toaster.h"
#include "ui/widgets/sec-tool-window.h"

struct _SecParticipantsWindow
{
  SecMeetingWindow   parent_instance;

  /* template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkLabel          *counts_label;
  GtkStack          *stack;
  GtkColumnView     *column_view;
  GtkActionBar      *action_bar;
  GtkLabel          *selection_label;
  GtkMenuButton     *status_button;
  GtkMenuButton     *role_button;
  GtkMenuButton     *substitute_button;
  GtkPopover        *substitute_popover;
  GtkListBox        *substitute_list;

  /* owned */
  SecStore          *store;  /* borrowed: SecMeetingWindow's */
  SecRecordList     *list;
  GtkMultiSelection *selection;
  GtkWidget         *substitute_picker;  /* SecRecordPickerRow */
  SecToaster        *toaster;

  gint64             meeting_id;  /* SecMeetingWindow's */
  gulong             changed_id;
  guint              refresh_id;
  /* The participants to select once the list has read a change in a
   * worker (select_ids ()), and the idle that selects them. */
  GArray            *select_later;
  guint              select_later_source;
};

G_DEFINE_FINAL_TYPE (SecParticipantsWindow, sec_participants_window, SEC_TYPE_MEETING_WINDOW)

typedef enum {
  COLUMN_PERSON,
  COLUMN_ORGANISATION,
  COLUMN_ROLE,
  COLUMN_STATUS,
} Column;

/* Helpers */

static const SecField *
participant_field (const char *name)
{
  return sec_kind_find_field (sec_kind_from_type (SEC_TYPE_PARTICIPANT), name);
}

/* (transfer full): the ids of the participants selected. */
static GArray *
dup_selected_ids (SecParticipantsWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(SecRecord) record = g_list_model_get_item (G_LIST_MODEL (self->list), position);

      if (record != NULL)
        {
          gint64 id = sec_record_get_id (record);
          g_array_append_val (ids, id);
        }
    }
  return ids;
}

static void
select_ids (SecParticipantsWindow *self,
            GArray                *ids)
{
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;

  /* A long list (a million participations, or a server's) reads the
   * change in a worker, and its rows then replace these, selection and
   * all: the same participants are selected once they are in. */
  if (sec_record_list_is_loading (self->list))
    {
      g_clear_pointer (&self->select_later, g_array_unref);
      self->select_later = g_array_ref (ids);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 position = sec_record_list_find (self->list, g_array_index (ids, gint64, i));

      if (position >= 0)
        gtk_bitset_add (selected, (guint) position);
    }
  mask = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->list)));
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
}

static void
update_counts (SecParticipantsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = sec_participant_counts_describe (self->store, self->meeting_id, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *total = sec_format_count (n);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s participant", "%s participants", n), total);
  if (counts == NULL)
    g_warning ("Could not count the participants: %s", error->message);
  else if (*counts != '\0')
    {
      g_string_append (text, _(" · "));
      g_string_append (text, counts);
    }
  gtk_label_set_text (self->counts_label, text->str);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
update_selection (SecParticipantsWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  g_autofree char *count = sec_format_count ((gint64) n);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s selected", "%s selected", (gulong) n), count);

  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->action_bar, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.set-status", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.set-role", n > 0);
  /* One substitute replaces one participant. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->substitute_button), n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.set-substitute",
                                 n == 1 && sec_record_picker_row_get_record_id (SEC_RECORD_PICKER_ROW (self->substitute_picker)) != 0);
}

static GMenuModel *
new_choices_menu (const char *field,
                  const char *action_name)
{
  GMenu *menu = g_menu_new ();

  for (const SecChoice *c = participant_field (field)->choices; c->nick != NULL; c++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(c->label), NULL);

      g_menu_item_set_action_and_target_value (item, action_name, g_variant_new_string (c->nick));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* Columns */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  SecParticipantsWindow *self = g_object_get_data (G_OBJECT (factory), "sec-window");
  Column column = GPOINTER_TO_INT (user_data);
  SecRecord *record = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  if (record == NULL)
    return;

  switch (column)
    {
    case COLUMN_PERSON:
      text = sec_record_dup_person_name (record);
      break;
    case COLUMN_ORGANISATION:
      {
        const char *organisation = sec_record_get_derived (record, "organisation-name");
        const char *representation = sec_record_get_derived (record, "representation");

        if (organisation != NULL && g_strcmp0 (representation, "delegate") == 0)
          /* Translators: who represents a member organisation at a meeting: "Europol (delegate)" */
          text = g_strdup_printf (_("%s (delegate)"), organisation);
        else if (organisation != NULL && g_strcmp0 (representation, "alternate") == 0)
          /* Translators: "Europol (alternate)" */
          text = g_strdup_printf (_("%s (alternate)"), organisation);
        else
          text = g_strdup (organisation);
      }
      break;
    case COLUMN_ROLE:
      {
        const char *role = sec_field_choice_label (participant_field ("role"), sec_record_get_string (record, "role"));
        text = g_strdup (role ? role : "");
      }
      break;
    case COLUMN_STATUS:
      {
        const char *label_text = sec_field_choice_label (participant_field ("status"),
                                                         sec_record_get_string (record, "status"));
        gint64 substitute = sec_record_get_ref (record, "substitute");
        g_autoptr(SecRecord) person = NULL;

        if (substitute != 0 && self != NULL &&
            (person = sec_store_get (self->store, SEC_TYPE_PERSON, substitute, NULL)) != NULL)
          {
            g_autofree char *name = sec_record_dup_title (person);
            /* Translators: a status and who replaces the participant, "Replaced by a substitute: Peter Baláž" */
            text = g_strdup_printf (_("%s: %s"), label_text ? label_text : "", name);
          }
        else
          text = g_strdup (label_text ? label_text : "");
      }
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text && *text ? text : NULL);
  /* What is left of an erased person, dimmed as in the people list. Cells
   * are recycled: the class goes as well as comes. */
  if (column == COLUMN_PERSON && sec_record_is_person_erased (record))
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
add_column (SecParticipantsWindow *self,
            const char            *title,
            Column                 column,
            gboolean               expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "sec-window", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* Callbacks */

static gboolean
refresh_cb (gpointer user_data)
{
  SecParticipantsWindow *self = user_data;
  g_autoptr(SecRecord) meeting = NULL;

  self->refresh_id = 0;
  meeting = sec_store_get (self->store, SEC_TYPE_MEETING, self->meeting_id, NULL);
  if (meeting == NULL)
    {
      /* The meeting was deleted. */
      gtk_window_close (GTK_WINDOW (self));
      return G_SOURCE_REMOVE;
    }
  {
    g_autofree char *title = sec_record_dup_title (meeting);
    adw_window_title_set_subtitle (self->window_title, title);
  }
  update_counts (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SecParticipantsWindow *self,
                  GType                  kind,
                  gint64                 id,
                  int                    change,
                  SecStore              *store)
{
  if ((kind == SEC_TYPE_PARTICIPANT || kind == SEC_TYPE_MEETING) && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_substitute_picked (SecParticipantsWindow *self)
{
  update_selection (self);
}

static gboolean
select_later_cb (gpointer data)
{
  SecParticipantsWindow *self = data;
  g_autoptr(GArray) ids = g_steal_pointer (&self->select_later);

  self->select_later_source = 0;
  if (ids != NULL)
    select_ids (self, ids);
  return G_SOURCE_REMOVE;
}

/* Not loading any more: the rows come in the same main loop iteration,
 * after this notification. */
static void
on_list_loading (SecParticipantsWindow *self)
{
  if (self->select_later != NULL && !sec_record_list_is_loading (self->list) && self->select_later_source == 0)
    self->select_later_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, select_later_cb, self, NULL);
}

/* Actions */

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SecParticipantsWindow *self = SEC_PARTICIPANTS_WINDOW (widget);
  g_autoptr(GArray) ids = dup_selected_ids (self);
  g_autoptr(GError) error = NULL;
  const char *status = g_variant_get_string (parameter, NULL);

  if (ids->len == 0)
    return;
  if (!sec_participants_set_status (self->store, (gint64 *) (void *) ids->data, ids->len, status, 0, &error))
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Change the Status"), error);
      return;
    }
  select_ids (self, ids);
  {
    g_autofree char *count = sec_format_count (ids->len);
    const char *label = sec_field_choice_label (participant_field ("status"), status);
    /* Translators: after a status change, "Confirmed: 3 participants" */
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s participant", "%s: %s participants",
                                                          ids->len), label, count);
    g_autofree char *escaped = g_markup_escape_text (text, -1);

    sec_toaster_show (self->toaster, adw_toast_new (escaped));
  }
}

static void
set_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SecParticipantsWindow *self = SEC_PARTICIPANTS_WINDOW (widget);
  g_autoptr(GArray) ids = dup_selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (ids->len == 0)
    return;
  if (!sec_participants_set_role (self->store, (gint64 *) (void *) ids->data, ids->len,
                                  g_variant_get_string (parameter, NULL), &error))
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Change the Role"), error);
      return;
    }
  select_ids (self, ids);
}

static void
set_substitute_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SecParticipantsWindow *self = SEC_PARTICIPANTS_WINDOW (widget);
  g_autoptr(GArray) ids = dup_selected_ids (self);
  g_autoptr(GError) error = NULL;
  gint64 substitute = sec_record_picker_row_get_record_id (SEC_RECORD_PICKER_ROW (self->substitute_picker));

  if (ids->len != 1 || substitute == 0)
    return;
  gtk_popover_popdown (self->substitute_popover);
  if (!sec_participants_set_status (self->store, (gint64 *) (void *) ids->data, 1, "replaced", substitute, &error))
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Record the Substitute"), error);
      return;
    }
  sec_record_picker_row_set_record_id (SEC_RECORD_PICKER_ROW (self->substitute_picker), 0);
  select_ids (self, ids);
}

static void
invite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecParticipantsWindow *self = SEC_PARTICIPANTS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (sec_invite_dialog_new (GTK_WINDOW (self), self->store, self->meeting_id)));
}

/* Overrides */

static void
sec_participants_window_constructed (GObject *object)
{
  SecParticipantsWindow *self = (SecParticipantsWindow *) object;
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = NULL;
  g_autoptr(GMenuModel) statuses = new_choices_menu ("status", "participants.set-status");
  g_autoptr(GMenuModel) roles = new_choices_menu ("role", "participants.set-role");

  G_OBJECT_CLASS (sec_participants_window_parent_class)->constructed (object);

  self->store = sec_meeting_window_get_store (SEC_MEETING_WINDOW (self));
  self->meeting_id = sec_meeting_window_get_meeting_id (SEC_MEETING_WINDOW (self));

  g_assert (SEC_IS_STORE (self->store));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->meeting_id);
  sec_query_add (query, "meeting", SEC_QUERY_EQUALS, id);
  sec_query_set_sort (query, "person-sort-key", FALSE);
  self->list = sec_record_list_new (self->store, SEC_TYPE_PARTICIPANT, query);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (on_list_loading), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_selection),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_selection),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, _("Name"), COLUMN_PERSON, TRUE);
  add_column (self, _("Represents"), COLUMN_ORGANISATION, TRUE);
  add_column (self, _("Role"), COLUMN_ROLE, FALSE);
  add_column (self, _("Status"), COLUMN_STATUS, FALSE);

  gtk_menu_button_set_menu_model (self->status_button, statuses);
  gtk_menu_button_set_menu_model (self->role_button, roles);

  self->substitute_picker = sec_record_picker_row_new (self->store, SEC_TYPE_PERSON);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->substitute_picker), _("Substitute"));
  g_signal_connect_object (self->substitute_picker, "notify::record-id", G_CALLBACK (on_substitute_picked),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->substitute_list, self->substitute_picker);

  self->changed_id = g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  refresh_cb (self);
  update_selection (self);
}

static void
sec_participants_window_dispose (GObject *object)
{
  SecParticipantsWindow *self = (SecParticipantsWindow *) object;

  g_clear_handle_id (&self->select_later_source, g_source_remove);
  g_clear_pointer (&self->select_later, g_array_unref);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_PARTICIPANTS_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (sec_participants_window_parent_class)->dispose (object);
}

static void
sec_participants_window_finalize (GObject *object)
{
  SecParticipantsWindow *self = (SecParticipantsWindow *) object;

  g_clear_object (&self->toaster);

  G_OBJECT_CLASS (sec_participants_window_parent_class)->finalize (object);
}

static void
sec_participants_window_class_init (SecParticipantsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_participants_window_constructed;
  object_class->dispose = sec_participants_window_dispose;
  object_class->finalize = sec_participants_window_finalize;


  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-participants-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, action_bar);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, selection_label);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, role_button);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, substitute_button);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, substitute_popover);
  gtk_widget_class_bind_template_child (widget_class, SecParticipantsWindow, substitute_list);

  gtk_widget_class_install_action (widget_class, "participants.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "participants.set-role", "s", set_role_action);
  gtk_widget_class_install_action (widget_class, "participants.set-substitute", NULL, set_substitute_action);
  gtk_widget_class_install_action (widget_class, "participants.invite", NULL, invite_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sec_participants_window_init (SecParticipantsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->toaster = sec_toaster_new (self->toast_overlay);
}

/* Public API */

/**
 * sec_participants_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the window
 */
SecParticipantsWindow *
sec_participants_window_new (GtkWindow *parent,
                             SecStore  *store,
                             gint64     meeting_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return g_object_new (SEC_TYPE_PARTICIPANTS_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
}

/**
 * sec_participants_window_get_selection:
 *
 * Returns: (transfer none): the selection
 */
GtkSelectionModel *
sec_participants_window_get_selection (SecParticipantsWindow *self)
{
  g_return_val_if_fail (SEC_IS_PARTICIPANTS_WINDOW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}
