/* sec-list-pane.c: the searchable, filterable list of one section
 *
 * The search text, the filters and the sort all become one SecQuery set on
 * one SecRecordList, which the store answers page by page: nothing here
 * filters or sorts rows in memory, so a list of 200,000 people is as quick
 * as a list of ten.
 *
 * The filters, the orders and the query they make are in
 * sec-list-pane-filters.c.
 */
#define G_LOG_DOMAIN "sec-list-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-list-pane-private.h"
#include "ui/records/sec-record-row.h"
#include "ui/widgets/sec-a11y.h"
#include "core/store/sec-records.h"

G_DEFINE_FINAL_TYPE (SecListPane, sec_list_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_BASE_QUERY,
  PROP_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_NEW_LABEL,
  PROP_SORT,
  PROP_SINGLE_CLICK_ACTIVATE,
  PROP_SELECTED_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_count (GType  kind,
              gint64 n)
{
  g_autofree char *count = sec_format_count (n);

  if (kind == SEC_TYPE_MEETING)
    return g_strdup_printf (ngettext ("%s meeting", "%s meetings", n), count);
  if (kind == SEC_TYPE_ORGANISATION)
    return g_strdup_printf (ngettext ("%s organisation", "%s organisations", n), count);
  if (kind == SEC_TYPE_PERSON)
    return g_strdup_printf (ngettext ("%s person", "%s people", n), count);
  if (kind == SEC_TYPE_BODY)
    return g_strdup_printf (ngettext ("%s body", "%s bodies", n), count);
  if (kind == SEC_TYPE_CALL)
    return g_strdup_printf (ngettext ("%s call", "%s calls", n), count);
  if (kind == SEC_TYPE_STATEMENT)
    return g_strdup_printf (ngettext ("%s joint statement", "%s joint statements", n), count);
  return g_steal_pointer (&count);
}

static const char *
get_search_placeholder (GType kind)
{
  if (kind == SEC_TYPE_MEETING)
    return _("Search meetings");
  if (kind == SEC_TYPE_ORGANISATION)
    return _("Search organisations");
  if (kind == SEC_TYPE_PERSON)
    return _("Search people");
  if (kind == SEC_TYPE_BODY)
    return _("Search bodies");
  if (kind == SEC_TYPE_CALL)
    return _("Search calls");
  if (kind == SEC_TYPE_STATEMENT)
    return _("Search joint statements");
  return _("Search");
}

/* Which page shows, the count line and the clear button follow the list. */
void
_sec_list_pane_update_state (SecListPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n_filters = _sec_list_pane_count_active_filters (self);
  gboolean narrowed = search[0] != '\0' || n_filters > 0;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *count = format_count (self->kind, n);

  g_string_append (line, count);
  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = &g_array_index (self->filters, Filter, i);
      guint selected = gtk_drop_down_get_selected (filter->dropdown);

      if (_sec_list_pane_get_filter_value (filter) != NULL)
        g_string_append_printf (line, " · %s",
                                gtk_string_list_get_string (filter->labels, selected));
    }
  gtk_label_set_label (self->count_label, line->str);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), n_filters > 0);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (narrowed)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  if (n_filters > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
}

static SecRecord *
get_selected (SecListPane *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The row widget showing record @id, if it is on screen. */
static GtkWidget *
find_row_widget (GtkWidget *widget,
                 gint64     id)
{
  if (SEC_IS_RECORD_ROW (widget))
    {
      SecRecord *record = sec_record_row_get_record (SEC_RECORD_ROW (widget));
      return record && sec_record_get_id (record) == id ? widget : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the selected record's row shows in the list's viewport, in
 * part at least. */
static gboolean
is_selection_shown (SecListPane *self)
{
  GtkWidget *view = GTK_WIDGET (self->list_view);
  GtkWidget *row;
  graphene_rect_t bounds;

  if (self->selected_id == 0 || !gtk_widget_get_mapped (view))
    return FALSE;
  row = find_row_widget (view, self->selected_id);
  return row != NULL && gtk_widget_get_mapped (row) &&
         gtk_widget_compute_bounds (row, view, &bounds) &&
         bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (view);
}

/* Callbacks */

/* At once, before the search waits for the next keystroke: the rows of
 * its results are made meanwhile. Not for a search set from code (a
 * section's state put back) or emptied: a list never searched keeps no
 * spare rows. */
static void
on_search_entry_changed (SecListPane *self)
{
  if (!self->updating && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    _sec_list_pane_make_spare_rows (self);
}

static void
on_search_entry_search_changed (SecListPane *self)
{
  _sec_list_pane_apply_query_in_background (self);
}

static void
on_search_entry_stop_search (SecListPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_search_entry_activate (SecListPane *self)
{
  /* Enter takes the search to its results. */
  sec_list_pane_focus_list (self);
}

static gboolean
on_search_key_pressed (SecListPane     *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  /* Down from the search goes on to its results. */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      sec_list_pane_focus_list (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
on_list_key_pressed (SecListPane     *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[7] = { 0 };
  int position;

  if (c == 0 || c == ' ' || !g_unichar_isprint (c) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  g_unichar_to_utf8 (c, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  position = -1;
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  position = gtk_editable_get_position (GTK_EDITABLE (self->search_entry));
  gtk_editable_insert_text (GTK_EDITABLE (self->search_entry), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), position);
  return GDK_EVENT_STOP;
}

static void
on_clear_button_clicked (SecListPane *self)
{
  sec_list_pane_clear_filters (self);
}

static void
on_show_all_button_clicked (SecListPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  sec_list_pane_clear_filters (self);
  _sec_list_pane_apply_query (self);
}

static void
on_filter_popover_show (SecListPane *self)
{
  _sec_list_pane_fill_filters (self);
}

static void
on_list_view_activate (SecListPane *self,
                       guint        position)
{
  g_autoptr(SecRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (record == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(sx)",
                              sec_record_get_kind (record)->name, sec_record_get_id (record));
}

static void
on_selection_changed (SecListPane *self)
{
  SecRecord *record = get_selected (self);

  /* The list is empty for a moment while all its rows are replaced; the
   * selection comes back with them (on_selection_items_changed ()). */
  if (sec_record_list_is_replacing (self->list))
    return;
  self->selected_id = record ? sec_record_get_id (record) : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RECORD]);
}

/* Rows replaced (a search cleared, a reload) put the list view back on
 * its first row; the selected record's row, when it came back among them
 * and was in view before, is scrolled into view again. A row changed
 * alone (its record edited), a selection the user had scrolled away from,
 * and a search typed (its results show from the top) leave the view as
 * it was. The list view has taken in the new rows (this runs after its
 * handler), but not laid them out yet: GTK 4.8's "list.scroll-to-item"
 * anchors the view on the row, and the next layout puts it there. */
static void
show_replaced_selection (SecListPane *self,
                         guint        position,
                         guint        added)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (added < 2 || !self->was_shown || self->narrowing ||
      selected == GTK_INVALID_LIST_POSITION ||
      selected < position || selected >= position + added)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
}

/* A reload (any change in the store) puts the selection back on the same
 * record rather than on the first row. The selection model holds its
 * notifications until this returns, so the detail pane does not flicker. */
static void
on_selection_items_changed (SecListPane *self,
                            guint        position,
                            guint        removed,
                            guint        added)
{
  SecRecord *record = get_selected (self);
  gint64 found;
  gboolean replaced = self->replaced;

  /* Rows removed to be replaced (the list's first signal of two). */
  if (sec_record_list_is_replacing (self->list))
    {
      self->replaced = self->replaced || (removed > 0 && added == 0);
      return;
    }
  self->replaced = FALSE;
  if (self->selected_id == 0)
    return;
  if (record && sec_record_get_id (record) == self->selected_id)
    {
      /* GtkSingleSelection found it among the new rows itself. */
      show_replaced_selection (self, position, added);
      return;
    }
  found = sec_record_list_find (self->list, self->selected_id);
  if (found >= 0)
    {
      gtk_single_selection_set_selected (self->selection, (guint) found);
      show_replaced_selection (self, position, added);
    }
  /* A replaced list whose selected record is gone selects its first row,
   * wherever the rows kept (before those replaced) left the selection. */
  else if (replaced && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

/* Around the list's signal, which the selection follows inside it. The
 * first of the signals of one replacement notes whether the selected row
 * showed, before the list view takes the change in. */
static void
on_list_items_changed (SecListPane *self)
{
  self->taking_rows++;
  if (!self->in_sequence)
    self->was_shown = is_selection_shown (self);
}

static void
on_list_items_changed_after (SecListPane *self)
{
  g_assert (self->taking_rows > 0);
  self->taking_rows--;
  self->in_sequence = sec_record_list_is_replacing (self->list);
  /* The rows of the search typed are in. */
  if (!self->in_sequence && !sec_record_list_is_loading (self->list))
    self->narrowing = FALSE;
}

static void
on_list_n_items (SecListPane *self)
{
  _sec_list_pane_update_state (self);
}

static gboolean
select_later_cb (gpointer data)
{
  SecListPane *self = data;
  gint64 id = self->select_later;

  self->select_later_source = 0;
  self->select_later = 0;
  if (id != 0)
    sec_list_pane_select (self, id);
  return G_SOURCE_REMOVE;
}

/* The list has stopped loading; its rows come in the same main loop
 * iteration, after this notification: the record asked for meanwhile is
 * selected after them. */
static void
on_list_loading (SecListPane *self)
{
  if (self->select_later != 0 && !sec_record_list_is_loading (self->list) && self->select_later_source == 0)
    self->select_later_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, select_later_cb, self, NULL);
}

/* Overrides */

static void
sec_list_pane_constructed (GObject *object)
{
  SecListPane *self = SEC_LIST_PANE (object);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const SecKind *kind = sec_kind_from_type (self->kind);
  const char *base_sort;

  G_OBJECT_CLASS (sec_list_pane_parent_class)->constructed (object);

  g_assert (SEC_IS_STORE (self->store));
  g_assert (kind != NULL);

  if (self->base_query == NULL)
    self->base_query = sec_query_new ();

  self->spec = _sec_list_pane_find_kind_spec (kind);

  /* The default order is the base query's, or the kind's first. */
  base_sort = sec_query_get_sort (self->base_query, NULL);
  for (const SortSpec *s = self->spec->sorts; s->id && self->sort == NULL; s++)
    if (g_strcmp0 (s->field, base_sort) == 0)
      self->sort = g_strdup (s->id);
  if (self->sort == NULL)
    self->sort = g_strdup (self->spec->sorts[0].id);

  self->list = sec_record_list_new (self->store, self->kind, self->base_query);
  /* Before the selection connects its own handler. */
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (on_list_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (on_list_items_changed_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  /* After the list view has taken in the change. */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_selection_items_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::n-items",
                           G_CALLBACK (on_list_n_items), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::loading",
                           G_CALLBACK (on_list_loading), self, G_CONNECT_SWAPPED);
  on_selection_changed (self);

  _sec_list_pane_init_rows (self, factory);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_object_set (self->search_entry, "placeholder-text", get_search_placeholder (self->kind), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, get_search_placeholder (self->kind),
                                  -1);
  {
    /* Typing in the list starts a search. Not through the search entry's
     * key capture, which would also take Delete and the arrows. */
    GtkEventController *typing = gtk_event_controller_key_new ();

    g_signal_connect_object (typing, "key-pressed", G_CALLBACK (on_list_key_pressed),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), typing);
  }
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the entry's text, which keeps Down for itself. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }

  adw_status_page_set_icon_name (self->empty_page, self->icon_name);
  adw_status_page_set_title (self->empty_page, self->empty_title);
  adw_status_page_set_description (self->empty_page, self->empty_description);
  gtk_button_set_label (self->new_button, self->new_label);
  sec_button_fix_accessible_name (self->new_button);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), self->new_label != NULL);

  _sec_list_pane_build_filters (self);
  _sec_list_pane_build_sort_menu (self);
  _sec_list_pane_apply_query (self);
}

static void
sec_list_pane_dispose (GObject *object)
{
  SecListPane *self = SEC_LIST_PANE (object);

  g_clear_handle_id (&self->select_later_source, g_source_remove);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_LIST_PANE);
  _sec_list_pane_drop_spare_rows (self);
  g_clear_pointer (&self->banner, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sec_list_pane_parent_class)->dispose (object);
}

static void
sec_list_pane_finalize (GObject *object)
{
  SecListPane *self = SEC_LIST_PANE (object);

  g_clear_pointer (&self->filters, g_array_unref);
  g_clear_pointer (&self->base_query, sec_query_free);
  g_free (self->sort);
  g_free (self->icon_name);
  g_free (self->empty_title);
  g_free (self->empty_description);
  g_free (self->new_label);

  G_OBJECT_CLASS (sec_list_pane_parent_class)->finalize (object);
}

static void
sec_list_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SecListPane *self = SEC_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_gtype (value, self->kind);
      break;
    case PROP_BASE_QUERY:
      g_value_set_boxed (value, self->base_query);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, self->empty_title);
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, self->empty_description);
      break;
    case PROP_NEW_LABEL:
      g_value_set_string (value, self->new_label);
      break;
    case PROP_SORT:
      g_value_set_string (value, self->sort);
      break;
    case PROP_SINGLE_CLICK_ACTIVATE:
      g_value_set_boolean (value, gtk_list_view_get_single_click_activate (self->list_view));
      break;
    case PROP_SELECTED_RECORD:
      g_value_set_object (value, get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_list_pane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SecListPane *self = SEC_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_gtype (value);
      break;
    case PROP_BASE_QUERY:
      self->base_query = g_value_dup_boxed (value);
      break;
    case PROP_ICON_NAME:
      self->icon_name = g_value_dup_string (value);
      break;
    case PROP_EMPTY_TITLE:
      self->empty_title = g_value_dup_string (value);
      break;
    case PROP_EMPTY_DESCRIPTION:
      self->empty_description = g_value_dup_string (value);
      break;
    case PROP_NEW_LABEL:
      self->new_label = g_value_dup_string (value);
      break;
    case PROP_SORT:
      {
        const char *sort = g_value_get_string (value);

        /* Before construction there is no spec to check against. */
        if (self->spec != NULL && _sec_list_pane_find_sort (self, sort) == NULL)
          break;
        if (g_strcmp0 (self->sort, sort) == 0)
          break;
        g_free (self->sort);
        self->sort = g_strdup (sort);
        if (self->list != NULL)
          _sec_list_pane_apply_query_in_background (self);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_SINGLE_CLICK_ACTIVATE:
      if (gtk_list_view_get_single_click_activate (self->list_view) != g_value_get_boolean (value))
        {
          gtk_list_view_set_single_click_activate (self->list_view, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_list_pane_class_init (SecListPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_list_pane_constructed;
  object_class->dispose = sec_list_pane_dispose;
  object_class->finalize = sec_list_pane_finalize;
  object_class->get_property = sec_list_pane_get_property;
  object_class->set_property = sec_list_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_gtype ("kind", NULL, NULL, SEC_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_QUERY] =
    g_param_spec_boxed ("base-query", NULL, NULL, SEC_TYPE_QUERY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_LABEL] =
    g_param_spec_string ("new-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* On a narrow window a click opens the record (one pane shows). */
  properties[PROP_SINGLE_CLICK_ACTIVATE] =
    g_param_spec_boolean ("single-click-activate", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_RECORD] =
    g_param_spec_object ("selected-record", NULL, NULL, SEC_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-list-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SecListPane, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, sort_button);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, clear_button);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, stack);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, new_button);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, SecListPane, filter_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);

  gtk_widget_class_install_property_action (widget_class, "pane.sort", "sort");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
sec_list_pane_init (SecListPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A pane waits unrealized until its section is shown, yet a screen
   * reader already finds it. */
  sec_a11y_mend (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_array_set_clear_func (self->filters, _sec_list_pane_clear_filter);
}

/* Public API */

/**
 * sec_list_pane_new:
 * @store: the store to list from
 * @kind: the record kind, such as SEC_TYPE_ORGANISATION
 * @base_query: (nullable): the section's conditions and default order
 * @icon_name: the section's icon
 * @empty_title: the heading when the section has no records
 * @empty_description: (nullable): a line under it
 * @new_label: (nullable): the label of the button that creates a record
 *
 * Returns: (transfer floating): a new list pane
 */
GtkWidget *
sec_list_pane_new (SecStore   *store,
                   GType       kind,
                   SecQuery   *base_query,
                   const char *icon_name,
                   const char *empty_title,
                   const char *empty_description,
                   const char *new_label)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (kind, SEC_TYPE_RECORD), NULL);

  return g_object_new (SEC_TYPE_LIST_PANE,
                       "store", store,
                       "kind", kind,
                       "base-query", base_query,
                       "icon-name", icon_name,
                       "empty-title", empty_title,
                       "empty-description", empty_description,
                       "new-label", new_label,
                       NULL);
}

/**
 * sec_list_pane_get_list:
 *
 * Returns: (transfer none): the list shown
 */
SecRecordList *
sec_list_pane_get_list (SecListPane *self)
{
  g_return_val_if_fail (SEC_IS_LIST_PANE (self), NULL);

  return self->list;
}

GType
sec_list_pane_get_kind (SecListPane *self)
{
  g_return_val_if_fail (SEC_IS_LIST_PANE (self), G_TYPE_INVALID);

  return self->kind;
}

/**
 * sec_list_pane_get_selected_record:
 *
 * Returns: (transfer none) (nullable): the selected record
 */
SecRecord *
sec_list_pane_get_selected_record (SecListPane *self)
{
  g_return_val_if_fail (SEC_IS_LIST_PANE (self), NULL);

  return get_selected (self);
}

/**
 * sec_list_pane_is_taking_rows:
 *
 * Whether the list is taking in new rows (a search, a reload): a change of
 * the selection now comes with them, not from the user, and the list view
 * makes and lays out the rows in the next frame.
 */
gboolean
sec_list_pane_is_taking_rows (SecListPane *self)
{
  g_return_val_if_fail (SEC_IS_LIST_PANE (self), FALSE);

  return self->taking_rows > 0;
}

gboolean
sec_list_pane_select (SecListPane *self,
                      gint64       id)
{
  gint64 position;

  g_return_val_if_fail (SEC_IS_LIST_PANE (self), FALSE);

  /* A long list reading a search or a change in a worker still has its
   * rows from before: a record just saved may not be among them yet, and
   * a place read now from the store would select another row. It is
   * selected once the rows are in (a record made in the editor of a list
   * of 200,000 people, or on a server). Meanwhile the selection follows
   * it by id, as over a reload. */
  if (sec_record_list_is_loading (self->list))
    {
      self->select_later = id;
      self->selected_id = id;
      return TRUE;
    }
  self->select_later = 0;
  position = sec_record_list_find (self->list, id);
  if (position < 0 &&
      (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0' ||
       _sec_list_pane_count_active_filters (self) > 0))
    {
      /* The search or a filter hides it: show everything again. */
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      for (guint i = 0; i < self->filters->len; i++)
        gtk_drop_down_set_selected (g_array_index (self->filters, Filter, i).dropdown, 0);
      self->updating = FALSE;
      _sec_list_pane_apply_query (self);
      position = sec_record_list_find (self->list, id);
    }
  if (position < 0)
    return FALSE;

  self->selected_id = id;
  gtk_single_selection_set_selected (self->selection, (guint) position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", (guint) position);
  return TRUE;
}

void
sec_list_pane_focus_search (SecListPane *self)
{
  g_return_if_fail (SEC_IS_LIST_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
sec_list_pane_focus_list (SecListPane *self)
{
  guint selected;
  GtkWidget *row = NULL;

  g_return_if_fail (SEC_IS_LIST_PANE (self));

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
      row = find_row_widget (GTK_WIDGET (self->list_view), self->selected_id);
    }
  /* Focusing the row's list item moves the list's keyboard cursor there,
   * so that the arrow keys go on from the selection. */
  if (row == NULL || !gtk_widget_grab_focus (gtk_widget_get_parent (row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

void
sec_list_pane_set_search (SecListPane *self,
                          const char  *text)
{
  g_return_if_fail (SEC_IS_LIST_PANE (self));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  self->updating = FALSE;
  _sec_list_pane_apply_query (self);
}

gboolean
sec_list_pane_set_filter (SecListPane *self,
                          const char  *name,
                          const char  *value)
{
  Filter *filter;

  g_return_val_if_fail (SEC_IS_LIST_PANE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if ((filter = _sec_list_pane_find_filter (self, name)) == NULL)
    return FALSE;
  _sec_list_pane_fill_filter (self, filter);
  for (guint i = 0; i < filter->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (filter->values, i), value) == 0)
      {
        gtk_drop_down_set_selected (filter->dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
sec_list_pane_clear_filters (SecListPane *self)
{
  g_return_if_fail (SEC_IS_LIST_PANE (self));

  self->updating = TRUE;
  for (guint i = 0; i < self->filters->len; i++)
    gtk_drop_down_set_selected (g_array_index (self->filters, Filter, i).dropdown, 0);
  self->updating = FALSE;
  _sec_list_pane_apply_query (self);
}

/**
 * sec_list_pane_set_banner:
 * @banner: (transfer floating) (nullable): a widget to show between the
 *   search and the list, such as the upcoming deadlines
 *
 * Replaces the pane's banner.
 */
void
sec_list_pane_set_banner (SecListPane *self,
                          GtkWidget   *banner)
{
  g_return_if_fail (SEC_IS_LIST_PANE (self));
  g_return_if_fail (banner == NULL || GTK_IS_WIDGET (banner));

  g_clear_pointer (&self->banner, gtk_widget_unparent);
  if (banner == NULL)
    return;
  self->banner = banner;
  gtk_widget_insert_after (banner, GTK_WIDGET (self), self->toolbar);
}

/**
 * sec_list_pane_get_search:
 *
 * Returns: (transfer none): the search text as typed ("" for none)
 */
const char *
sec_list_pane_get_search (SecListPane *self)
{
  g_return_val_if_fail (SEC_IS_LIST_PANE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/**
 * sec_list_pane_get_filters:
 *
 * Returns: (transfer full): the filters set, as pairs of a name and a
 *   value for sec_list_pane_set_filter (), NULL-terminated
 */
char **
sec_list_pane_get_filters (SecListPane *self)
{
  g_autoptr(GStrvBuilder) pairs = g_strv_builder_new ();

  g_return_val_if_fail (SEC_IS_LIST_PANE (self), NULL);

  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = &g_array_index (self->filters, Filter, i);
      const char *value = _sec_list_pane_get_filter_value (filter);

      if (value != NULL)
        {
          g_strv_builder_add (pairs, filter->spec->name);
          g_strv_builder_add (pairs, value);
        }
    }
  return g_strv_builder_end (pairs);
}
