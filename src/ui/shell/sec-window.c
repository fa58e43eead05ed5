/* sec-window.c: the main window: sections, a list and a record
 *
 * Three panes in two nested leaflets: the sections, the list of the current
 * section, and the record it shows. On a narrow window one pane shows at a
 * time and back (the header bar's button, Alt+Left, Escape) returns to the
 * previous record, then to the previous pane.
 *
 * Records are opened through win.open-record (the list, the detail pane's
 * links, the editor after saving all use it), which keeps a history for
 * win.back. Deletion keeps the last SecDeletion for win.undo. The actions
 * are in sec-window-actions.c.
 */
#define G_LOG_DOMAIN "sec-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "ui/overview/sec-overview-page.h"
#include "ui/funding/sec-deadline-banner.h"
#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-record-editor.h"
#include "ui/widgets/sec-read-only.h"
#include "ui/records/sec-record-page.h"
#include "core/store/sec-records.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-toaster.h"
#include "ui/widgets/sec-text-column.h"
#include "ui/shell/sec-window.h"
#include "core/store/sec-shared-database.h"
#include "ui/shell/sec-window-private.h"

#define MAX_HISTORY 100
#define STORE_IDLE_RELEASE_MS 5000
#define STORE_IDLE_KEEP_KIB 4096
/* The first row of the sidebar: what needs attention, not a list of
 * records. */
#define OVERVIEW_ID "overview"

G_DEFINE_FINAL_TYPE (SecWindow, sec_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sections (their table and panes: sec-window-sections.c) */

SecListPane *
_sec_window_get_current_pane (SecWindow *self)
{
  return _sec_window_ensure_pane (self, self->section);
}

/* Navigation */

/* The inner leaflet folds before the outer one, but is only allocated (and
 * so only knows that it folded) while it shows. */
gboolean
_sec_window_is_narrow (SecWindow *self)
{
  return adw_leaflet_get_folded (self->outer_leaflet) || adw_leaflet_get_folded (self->inner_leaflet);
}

void
_sec_window_navigate_to (SecWindow  *self,
             const char *pane)
{
  if (g_str_equal (pane, "sidebar"))
    {
      adw_leaflet_set_visible_child_name (self->outer_leaflet, "sidebar");
      return;
    }
  adw_leaflet_set_visible_child_name (self->outer_leaflet, "content");
  adw_leaflet_set_visible_child_name (self->inner_leaflet, pane);
}

void
_sec_window_update_actions (SecWindow *self)
{
  const char *visible = sec_window_get_visible_pane (self);
  gboolean has_store = self->store != NULL;
  gboolean can_back;

  can_back = self->history->len > 0 ||
             (_sec_window_is_narrow (self) && g_str_equal (visible, "detail")) ||
             (adw_leaflet_get_folded (self->outer_leaflet) && !g_str_equal (visible, "sidebar"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", has_store && can_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sections", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-record", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-everywhere", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-record", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-record", has_store && self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-record", has_store && self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_store && (self->deletion != NULL || self->edited != NULL ||
                                               self->import_undo != NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-edited", has_store);
  sec_read_only_apply (GTK_WIDGET (self), self->store);

  /* A back button where there is somewhere to go back to. */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), _sec_window_is_narrow (self) || self->history->len > 0);
}

static void
update_titles (SecWindow *self)
{
  const Section *section = _sec_window_find_section (self->section, NULL);
  g_autofree char *file = NULL;

  if (self->store != NULL)
    file = sec_shared_database_describe_location (sec_store_get_path (self->store), FALSE);

  adw_window_title_set_title (self->list_title, section ? _(section->title)
                              : g_strcmp0 (self->section, OVERVIEW_ID) == 0 ? _("Overview") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), section != NULL);
  adw_window_title_set_subtitle (self->list_title, file);

  /* The new button says what it makes (the label without its mnemonic). */
  if (section != NULL)
    {
      g_autoptr(GString) label = g_string_new (section->new_label ? _(section->new_label) : _("_New Meeting"));

      g_string_replace (label, "_", "", 0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button), label->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                      -1);
    }
  /* Organisations and people can be imported from their sections. */
  {
    GType kind = section ? sec_record_kind_lookup (section->kind) : G_TYPE_INVALID;
    gboolean importable = kind == SEC_TYPE_ORGANISATION || kind == SEC_TYPE_PERSON;

    gtk_widget_set_visible (GTK_WIDGET (self->import_button), importable);
    /* The target before the name: the action takes a string. */
    if (importable)
      {
        gtk_actionable_set_action_target (GTK_ACTIONABLE (self->import_button), "s",
                                          kind == SEC_TYPE_PERSON ? "people" : "organisations");
        gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "win.import");
      }
  }
  adw_window_title_set_title (self->detail_title,
                              self->record ? _(sec_record_get_kind (self->record)->label) : "");
}

/* The overview in the list's place, made once per store. */
static void
show_overview (SecWindow *self)
{
  if (self->store == NULL)
    return;
  if (self->overview == NULL)
    {
      self->overview = sec_overview_page_new (self->store);
      gtk_stack_add_named (self->list_stack, self->overview, OVERVIEW_ID);
    }
  gtk_stack_set_visible_child (self->list_stack, self->overview);
}

static void show_record (SecWindow *self,
                         SecRecord *record,
                         gboolean   select_in_list,
                         gboolean   soon);

static void
set_section (SecWindow  *self,
             const char *id,
             gboolean    show_selection)
{
  const Section *section = _sec_window_find_section (id, NULL);
  gboolean overview = g_strcmp0 (id, OVERVIEW_ID) == 0;
  SecListPane *pane;
  GtkListBoxRow *row;
  gboolean made;

  if (section == NULL && !overview)
    return;

  if (g_strcmp0 (self->section, id) != 0)
    {
      /* The pages the last section read are of no use to this one (a
       * pane kept reads nothing when shown again): keep the store's cache
       * as small as when the window is left alone (issue 16: with the ten
       * sections opened one after the other it held 13 MB). */
      if (self->section != NULL && self->store != NULL)
        sec_store_cut_cache (self->store, STORE_IDLE_KEEP_KIB);
      g_free (self->section);
      self->section = g_strdup (id);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-section", id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
    }

  /* The sidebar follows sections changed by opening a record. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), id) == 0 &&
        gtk_list_box_get_selected_row (self->sidebar_list) != row)
      gtk_list_box_select_row (self->sidebar_list, row);

  update_titles (self);
  /* The other sections' panes go once this one has shown a while. */
  _sec_window_section_shown (self);
  if (overview)
    {
      show_overview (self);
      return;
    }
  made = gtk_stack_get_child_by_name (self->list_stack, id) == NULL;
  if ((pane = _sec_window_ensure_pane (self, id)) == NULL)
    return;
  gtk_stack_set_visible_child (self->list_stack, GTK_WIDGET (pane));
  /* A pane made now is laid out in the next frame, its 200 rows: the
   * record it selects is shown in the frame after, each frame a part of
   * the work (issue 16: 200–350 ms in one stall with the big file). */
  if (show_selection)
    show_record (self, sec_list_pane_get_selected_record (pane), FALSE, made);
}

/* Showing records */

static gboolean
is_same_record (SecRecord *a,
                SecRecord *b)
{
  return a != NULL && b != NULL &&
         G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b) &&
         sec_record_get_id (a) == sec_record_get_id (b);
}

/* @soon: the detail pane shows @record a frame later (see
 * sec_record_page_show_record_soon ()). */
static void
show_record (SecWindow *self,
             SecRecord *record,
             gboolean   select_in_list,
             gboolean   soon)
{
  const Section *section = record ? _sec_window_section_for_record (record) : NULL;

  g_set_object (&self->record, record);

  if (select_in_list && section != NULL)
    {
      SecListPane *pane;

      set_section (self, section->id, FALSE);
      if ((pane = _sec_window_ensure_pane (self, section->id)) != NULL)
        sec_list_pane_select (pane, sec_record_get_id (record));
    }

  if (soon)
    sec_record_page_show_record_soon (self->record_page, self->store, self->record);
  else
    sec_record_page_set_record (self->record_page, self->store, self->record);
  update_titles (self);
  _sec_window_update_actions (self);
}

void
_sec_window_show_record (SecWindow *self,
                         SecRecord *record,
                         gboolean   select_in_list)
{
  show_record (self, record, select_in_list, FALSE);
}

static void
push_history (SecWindow *self)
{
  HistoryEntry entry;

  if (self->record == NULL)
    return;
  entry.kind = G_OBJECT_TYPE (self->record);
  entry.id = sec_record_get_id (self->record);
  if (self->history->len > 0)
    {
      HistoryEntry *last = &g_array_index (self->history, HistoryEntry, self->history->len - 1);
      if (last->kind == entry.kind && last->id == entry.id)
        return;
    }
  if (self->history->len >= MAX_HISTORY)
    g_array_remove_index (self->history, 0);
  g_array_append_val (self->history, entry);
}

void
_sec_window_show_error (SecWindow    *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  /* Toast titles are markup. */
  adw_toast_set_title (toast, escaped);
  adw_toast_set_timeout (toast, 0);
  sec_toaster_show (self->toaster, toast);
}

gboolean
_sec_window_open_record (SecWindow  *self,
             GType       kind,
             gint64      id,
             gboolean    remember,
             GError    **error)
{
  g_autoptr(SecRecord) record = NULL;

  if (self->store == NULL)
    return FALSE;
  if (self->record && G_OBJECT_TYPE (self->record) == kind && sec_record_get_id (self->record) == id)
    {
      /* Already shown: only bring it forward. */
      SecListPane *pane = _sec_window_get_current_pane (self);
      const Section *section = _sec_window_section_for_record (self->record);

      if (section != NULL && g_strcmp0 (section->id, self->section) == 0 && pane != NULL)
        sec_list_pane_select (pane, id);
      return TRUE;
    }

  if ((record = sec_store_get (self->store, kind, id, error)) == NULL)
    return FALSE;
  /* Only a record that was seen is worth going back to: on a narrow
   * window the list's selection shows in a hidden pane. */
  if (remember && g_str_equal (sec_window_get_visible_pane (self), "detail"))
    push_history (self);
  _sec_window_show_record (self, record, TRUE);
  return TRUE;
}

/* The row that had the keyboard focus goes away with a deletion (and comes
 * back with its undo): give the focus to the list's selection once the
 * list has made its rows. */
static gboolean
focus_list_cb (gpointer data)
{
  SecWindow *self = data;
  SecListPane *pane = _sec_window_get_current_pane (self);

  if (pane != NULL && gtk_widget_get_mapped (GTK_WIDGET (pane)))
    sec_list_pane_focus_list (pane);
  return G_SOURCE_REMOVE;
}

void
_sec_window_focus_list_later (SecWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_list_cb, g_object_ref (self), g_object_unref);
}

/* Callbacks */

void
_sec_window_on_pane_selected_record (SecWindow   *self,
                                     GParamSpec  *pspec,
                                     SecListPane *pane)
{
  SecRecord *record = sec_list_pane_get_selected_record (pane);

  if (pane != _sec_window_get_current_pane (self) || is_same_record (record, self->record))
    return;
  /* An empty list (a search without results) clears the detail of its
   * kind, but not a record of another kind opened by a link. */
  if (record == NULL && self->record != NULL &&
      G_OBJECT_TYPE (self->record) != sec_list_pane_get_kind (pane))
    return;
  /* A search's new rows are made in this iteration and laid out in the
   * next frame: the record they select is read once it is drawn. */
  show_record (self, record, FALSE, sec_list_pane_is_taking_rows (pane));
}

static void
on_store_changed (SecWindow *self,
                  GType      kind,
                  gint64     id,
                  int        change,
                  SecStore  *store)
{
  g_autoptr(SecRecord) fresh = NULL;

  if (self->record == NULL || G_OBJECT_TYPE (self->record) != kind ||
      (id != 0 && id != sec_record_get_id (self->record)))
    return;

  /* The shown record was edited (the page follows it by itself; keep the
   * fresh copy for the actions) or deleted (let the list's selection decide
   * what shows next). */
  fresh = sec_store_get (self->store, kind, sec_record_get_id (self->record), NULL);
  if (fresh != NULL)
    {
      g_set_object (&self->record, fresh);
      update_titles (self);
    }
  else
    _sec_window_show_record (self, NULL, FALSE);
}

static void
on_leaflet_changed (SecWindow *self)
{
  _sec_window_update_actions (self);
}

static void
on_sidebar_list_row_selected (SecWindow     *self,
                              GtkListBoxRow *row)
{
  if (row != NULL && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), self->section) != 0)
    set_section (self, gtk_widget_get_name (GTK_WIDGET (row)), TRUE);
}

static void
on_sidebar_list_row_activated (SecWindow     *self,
                               GtkListBoxRow *row)
{
  SecListPane *pane;

  set_section (self, gtk_widget_get_name (GTK_WIDGET (row)), TRUE);
  _sec_window_navigate_to (self, "list");
  if ((pane = _sec_window_get_current_pane (self)) != NULL)
    sec_list_pane_focus_list (pane);
}

/* The primary menu's recent databases, by file name; two files of the
 * same name show their whole paths. */
static void
update_recent_menu (SecWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_section);
  if (self->settings == NULL)
    return;
  recent = g_settings_get_strv (self->settings, "recent-databases");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (recent[i]);
      g_autofree char *display = NULL;
      g_autoptr(GString) label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      gboolean same_name = FALSE;

      for (guint j = 0; recent[j] != NULL; j++)
        {
          g_autofree char *other = g_path_get_basename (recent[j]);
          same_name |= j != i && g_str_equal (other, base);
        }
      display = sec_shared_database_describe_location (recent[i], same_name);
      /* A file name's underscores are not mnemonics. */
      label = g_string_new (display);
      g_string_replace (label, "_", "__", 0);
      item = g_menu_item_new (label->str, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
    }
}

/* Overrides */

static void
save_window_state (SecWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
sec_window_unmap (GtkWidget *widget)
{
  save_window_state (SEC_WINDOW (widget));

  GTK_WIDGET_CLASS (sec_window_parent_class)->unmap (widget);
}

/* The funding sections come under a heading of their own. */
static void
update_sidebar_header (GtkListBoxRow *row,
                       GtkListBoxRow *before,
                       gpointer       user_data)
{
  if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), "funding-calls"))
    {
      if (gtk_list_box_row_get_header (row) == NULL)
        {
          GtkWidget *label = gtk_label_new (_("Funding"));

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_set_margin_top (label, 12);
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_bottom (label, 6);
          gtk_list_box_row_set_header (row, label);
        }
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
add_sidebar_row (SecWindow  *self,
                 const char *id,
                 const char *title,
                 const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = sec_decorative_icon_new (icon_name);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_name (row, id);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->sidebar_list, row);
}

static void
add_sidebar_rows (SecWindow *self)
{
  gtk_list_box_set_header_func (self->sidebar_list, update_sidebar_header, NULL, NULL);
  add_sidebar_row (self, OVERVIEW_ID, _("Overview"), "task-due-symbolic");
  for (guint i = 0; i < N_SECTIONS; i++)
    add_sidebar_row (self, _sec_window_section_at (i)->id, _(_sec_window_section_at (i)->title),
                     _sec_window_section_at (i)->icon_name);
}

static void
sec_window_constructed (GObject *object)
{
  SecWindow *self = SEC_WINDOW (object);
  g_autofree char *section = NULL;

  G_OBJECT_CLASS (sec_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      int width, height;

      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      section = g_settings_get_string (self->settings, "last-section");
    }
  if (_sec_window_find_section (section, NULL) == NULL && g_strcmp0 (section, OVERVIEW_ID) != 0)
    {
      g_free (section);
      section = g_strdup (_sec_window_section_at (0)->id);
    }
  set_section (self, section, FALSE);
}

static void
sec_window_dispose (GObject *object)
{
  SecWindow *self = SEC_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  _sec_window_clear_panes (self);
  _sec_window_destroy_doomed (self, TRUE);
  g_clear_pointer (&self->doomed, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_WINDOW);
  g_clear_object (&self->toaster);
  g_clear_object (&self->record);
  _sec_window_forget_undo (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sec_window_parent_class)->dispose (object);
}

static void
sec_window_finalize (GObject *object)
{
  SecWindow *self = SEC_WINDOW (object);

  g_array_unref (self->history);
  g_free (self->section);

  G_OBJECT_CLASS (sec_window_parent_class)->finalize (object);
}

static void
sec_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SecWindow *self = SEC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SecWindow *self = SEC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      set_section (self, g_value_get_string (value), TRUE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_window_class_init (SecWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_window_constructed;
  object_class->dispose = sec_window_dispose;
  object_class->finalize = sec_window_finalize;
  object_class->get_property = sec_window_get_property;
  object_class->set_property = sec_window_set_property;
  widget_class->unmap = sec_window_unmap;

  sec_a11y_init ();

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SEC_TYPE_TEXT_COLUMN);
  g_type_ensure (SEC_TYPE_RECORD_PAGE);
  g_type_ensure (SEC_TYPE_SEARCH_EVERYWHERE);
  /* A person missing from a picker can be made on the spot. */
  sec_record_editor_install_picker_creation ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SecWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, outer_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, search_everywhere);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, inner_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, record_page);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SecWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated);

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");
  _sec_window_class_add_actions (widget_class);

  /* Ctrl+1 to Ctrl+7: the sections in the sidebar's order. */
  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.section", "s", _sec_window_section_at (i)->id);
}

static void
sec_window_init (SecWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static gsize icons_added = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->toaster = sec_toaster_new (self->toast_overlay);
  _sec_window_add_connection_banner (self);
  /* A development build (-Dprofile=development) looks like one: libadwaita
   * stripes the header bars of a window with the "devel" style class. */
  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* The icons are in the resources; the application adds them to the
   * theme too, but a window made without one (a test) needs them. */
  if (g_once_init_enter (&icons_added))
    {
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                                        "/io/github/secretariat/Secretariat/icons");
      g_once_init_leave (&icons_added, 1);
    }

  self->history = g_array_new (FALSE, FALSE, sizeof (HistoryEntry));
  add_sidebar_rows (self);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  if (self->settings != NULL && g_settings_schema_has_key (schema, "recent-databases"))
    g_signal_connect_object (self->settings, "changed::recent-databases",
                             G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  if (schema == NULL || g_settings_schema_has_key (schema, "recent-databases"))
    update_recent_menu (self);

  _sec_window_update_actions (self);
}

/* Public API */

/**
 * sec_window_new:
 * @application: (nullable): the application
 * @store: (nullable): the store to show
 *
 * Returns: (transfer none): a new window, owned by GTK's window list
 */
SecWindow *
sec_window_new (GtkApplication *application,
                SecStore       *store)
{
  SecWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || SEC_IS_STORE (store), NULL);

  self = g_object_new (SEC_TYPE_WINDOW, "application", application, NULL);
  sec_window_set_store (self, store);
  return self;
}

/**
 * sec_window_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown
 */
SecStore *
sec_window_get_store (SecWindow *self)
{
  g_return_val_if_fail (SEC_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * sec_window_set_store:
 * @store: (nullable): the store to show
 *
 * Shows @store from its start: the lists, the history and the last deletion
 * of the previous one are dropped.
 */
void
sec_window_set_store (SecWindow *self,
                      SecStore  *store)
{
  g_return_if_fail (SEC_IS_WINDOW (self));
  g_return_if_fail (store == NULL || SEC_IS_STORE (store));

  if (self->store == store)
    return;

  /* Everything that reads the old store goes before it may close. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* A new store's panes take the names of those still let go. */
  if (store != NULL)
    _sec_window_destroy_doomed (self, TRUE);
  _sec_window_clear_panes (self);
  if (self->overview != NULL)
    {
      gtk_stack_remove (self->list_stack, self->overview);
      self->overview = NULL;
    }
  g_array_set_size (self->history, 0);
  _sec_window_forget_undo (self);
  sec_toaster_dismiss (self->toaster);
  g_clear_object (&self->record);
  sec_record_page_set_record (self->record_page, store, NULL);

  g_set_object (&self->store, store);
  sec_search_everywhere_set_store (self->search_everywhere, store);
  /* An account that may only read: said above the list, and the controls
   * that would write are unavailable (_sec_window_update_actions ()). */
  gtk_revealer_set_reveal_child (self->read_only_revealer, store != NULL && !sec_store_can_write (store));
  _sec_window_follow_store (self, store);

  if (store != NULL)
    {
      /* Its page cache (16–20 MB with 200,000 people) goes when the
       * window has not read for a few seconds, but for the 4 MB read
       * last: the indexes' upper pages, which keep the next list's first
       * page as quick (README, "The window at scale"). */
      sec_store_set_idle_release (store, STORE_IDLE_RELEASE_MS, STORE_IDLE_KEEP_KIB);
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      set_section (self, self->section, TRUE);
      /* The keyboard starts in the list (typing there searches it). */
      if (_sec_window_get_current_pane (self) != NULL)
        sec_list_pane_focus_list (_sec_window_get_current_pane (self));
    }
  update_titles (self);
  _sec_window_update_actions (self);
}

/**
 * sec_window_show_error:
 * @message: (nullable): why no database is open
 */
void
sec_window_show_error (SecWindow  *self,
                       const char *message)
{
  g_return_if_fail (SEC_IS_WINDOW (self));

  sec_window_set_store (self, NULL);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

const char *
sec_window_get_section (SecWindow *self)
{
  g_return_val_if_fail (SEC_IS_WINDOW (self), NULL);

  return self->section;
}

/**
 * sec_window_get_list_pane:
 * @section: a section id
 *
 * Returns: (transfer none) (nullable): the section's list pane
 */
SecListPane *
sec_window_get_list_pane (SecWindow  *self,
                          const char *section)
{
  g_return_val_if_fail (SEC_IS_WINDOW (self), NULL);

  return _sec_window_ensure_pane (self, section);
}

/**
 * sec_window_get_record:
 *
 * Returns: (transfer none) (nullable): the record in the detail pane
 */
SecRecord *
sec_window_get_record (SecWindow *self)
{
  g_return_val_if_fail (SEC_IS_WINDOW (self), NULL);

  return self->record;
}

const char *
sec_window_get_visible_pane (SecWindow *self)
{
  g_return_val_if_fail (SEC_IS_WINDOW (self), NULL);

  if (adw_leaflet_get_folded (self->outer_leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->outer_leaflet), "sidebar") == 0)
    return "sidebar";
  if (_sec_window_is_narrow (self) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->inner_leaflet), "list") == 0)
    return "list";
  return "detail";
}

gboolean
sec_window_get_narrow (SecWindow *self)
{
  g_return_val_if_fail (SEC_IS_WINDOW (self), FALSE);

  return _sec_window_is_narrow (self);
}

/**
 * sec_window_add_toast:
 * @toast: (transfer full): a notification
 *
 * Shows @toast in place of the one shown now (the application's backup
 * and restore report there).
 */
void
sec_window_add_toast (SecWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (SEC_IS_WINDOW (self));

  sec_toaster_show (self->toaster, toast);
}
