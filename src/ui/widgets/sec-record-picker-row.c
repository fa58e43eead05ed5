/* sec-record-picker-row.c: a form row to choose another record
 *
 * For a reference field (a person's organisation, a participant's person):
 * the row shows the chosen record's title; its popover searches the records
 * of that kind in the store. The list is a SecRecordList, read a page at a
 * time and searched in SQL, so choosing among 200,000 people stays instant.
 *
 * A record that is not there yet can be made from the search: the editor
 * that makes records lives above the widgets, so it tells the rows how
 * with sec_record_picker_row_set_create_func (); the row then offers
 * "Create “typed text”…" and the editor chooses the new record when saved.
 */
#define G_LOG_DOMAIN "sec-record-picker-row"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/store/sec-record-list.h"
#include "ui/widgets/sec-record-picker-row.h"

struct _SecRecordPickerRow
{
  AdwActionRow    parent_instance;

  /* template widgets */
  GtkLabel       *value_label;
  GtkButton      *clear_button;
  GtkMenuButton  *menu_button;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkStack       *results_stack;
  GtkListView    *list_view;
  GtkWidget      *create_button;
  GtkLabel       *create_label;

  /* owned */
  SecStore       *store;
  SecRecordList  *list;     /* made when the popover first opens */

  GType           kind;
  gint64          record_id;
  char           *scope_field; /* offers only records whose ref field */
  gint64          scope_id;    /* scope_field is scope_id; NULL: all */
};

G_DEFINE_FINAL_TYPE (SecRecordPickerRow, sec_record_picker_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SecRecordPickerCreateFunc create_func;

/* Helpers */

/* A second line that tells records with similar titles apart. */
static char *
describe_record (SecRecord *record)
{
  const SecKind *kind = sec_record_get_kind (record);
  const char *s;

  if ((s = sec_record_get_derived (record, "organisation-name")) != NULL && *s)
    return g_strdup (s);

  if (g_str_equal (kind->name, "organisation"))
    {
      const char *acronym = sec_record_get_string (record, "acronym");
      const char *country = sec_country_name (sec_record_get_string (record, "country"));

      if (acronym && *acronym && country)
        /* Translators: an organisation's acronym and country, "EIGE · Lithuania" */
        return g_strdup_printf (_("%s · %s"), acronym, country);
      return g_strdup (acronym && *acronym ? acronym : country ? country : "");
    }
  if (g_str_equal (kind->name, "meeting"))
    return sec_format_period (sec_record_get_string (record, "starts-at"),
                              sec_record_get_string (record, "ends-at"));
  if (g_str_equal (kind->name, "statement"))
    return sec_format_date (sec_record_get_string (record, "signed-on"));
  if (g_str_equal (kind->name, "call") && (s = sec_record_get_string (record, "reference")) != NULL)
    return g_strdup (s);
  if (g_str_equal (kind->name, "body") && (s = sec_record_get_string (record, "acronym")) != NULL)
    return g_strdup (s);
  if (g_str_equal (kind->name, "person") && (s = sec_record_get_string (record, "email")) != NULL)
    return g_strdup (s);

  return g_strdup ("");
}

static SecQuery *
make_query (SecRecordPickerRow *self)
{
  SecQuery *query = sec_query_new ();
  const SecKind *kind = sec_kind_from_type (self->kind);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text != NULL && *text != '\0')
    sec_query_set_search (query, text);
  if (self->scope_field != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->scope_id);

      sec_query_add (query, self->scope_field, SEC_QUERY_EQUALS, id);
    }
  /* What is left of an erased person is for statistics, never to be picked. */
  if (sec_kind_find_field (kind, "erased-on") != NULL)
    sec_query_add (query, "erased-on", SEC_QUERY_IS_EMPTY, NULL);
  /* Meetings are found by when they are: the latest first. */
  if (sec_kind_find_field (kind, "starts-at") != NULL)
    sec_query_set_sort (query, "starts-at", TRUE);
  return query;
}

/* The search text, trimmed: what a new record would be named. */
static char *
dup_search_text (SecRecordPickerRow *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
update_results (SecRecordPickerRow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;
  g_autofree char *text = dup_search_text (self);
  /* A new record would be outside the scope. */
  gboolean can_create = create_func != NULL && *text != '\0' && self->scope_field == NULL;

  gtk_stack_set_visible_child_name (self->results_stack, empty ? "empty" : "list");

  /* Offered whenever something is typed: a namesake may be in the list. */
  gtk_widget_set_visible (self->create_button, can_create);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker-row.create", can_create);
  if (can_create)
    {
      g_auto(GStrv) parts = g_strsplit (text, "_", -1);
      /* The typed text is no mnemonic: its underscores are doubled. */
      g_autofree char *escaped = g_strjoinv ("__", parts);
      g_autofree char *label = NULL;

      /* Translators: a button under a search that found no one (or not the right one); %s is the typed name */
      label = g_strdup_printf (_("_Create “%s”…"), escaped);
      gtk_label_set_text_with_mnemonic (self->create_label, label);
      gtk_widget_set_tooltip_text (self->create_button, text);
    }
}

static void
show_record (SecRecordPickerRow *self)
{
  g_autoptr(SecRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->record_id != 0 && self->store != NULL)
    {
      record = sec_store_get (self->store, self->kind, self->record_id, &error);
      if (record == NULL)
        g_debug ("Could not read %s %" G_GINT64_FORMAT ": %s",
                 g_type_name (self->kind), self->record_id, error->message);
    }

  if (record != NULL)
    title = sec_record_dup_title (record);
  else if (self->record_id != 0)
    title = g_strdup (_("A record that no longer exists"));
  else
    title = g_strdup (_("None"));

  gtk_label_set_text (self->value_label, title);
  /* Long names are cut short in the row: the tooltip has them whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_label), record != NULL ? title : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->record_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker-row.clear", self->record_id != 0);
}

static void
choose (SecRecordPickerRow *self,
        SecRecord          *record)
{
  sec_record_picker_row_set_record_id (self, sec_record_get_id (record));
  gtk_popover_popdown (self->popover);
}

/* Callbacks */

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  SecRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  if (record == NULL)
    return;
  text = sec_record_dup_title (record);
  description = describe_record (record);
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_label_set_text (GTK_LABEL (subtitle), description);
  gtk_widget_set_visible (subtitle, *description != '\0');
}

static void
on_list_items_changed (SecRecordPickerRow *self)
{
  update_results (self);
}

static void
on_popover_show (SecRecordPickerRow *self)
{
  if (self->list == NULL)
    {
      g_autoptr(SecQuery) query = make_query (self);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      GtkNoSelection *selection;

      self->list = sec_record_list_new (self->store, self->kind, query);
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (on_list_items_changed),
                               self, G_CONNECT_SWAPPED);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
      gtk_list_view_set_factory (self->list_view, factory);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);
    }
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  update_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_popover_closed (SecRecordPickerRow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
}

static void
on_search_changed (SecRecordPickerRow *self)
{
  g_autoptr(SecQuery) query = NULL;

  if (self->list == NULL)
    return;
  query = make_query (self);
  sec_record_list_set_query (self->list, query);
  update_results (self);
}

static void
on_search_activate (SecRecordPickerRow *self)
{
  g_autoptr(SecRecord) first = NULL;

  if (self->list == NULL)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->list), 0);
  if (first != NULL)
    choose (self, first);
  else
    /* Nothing found: Enter makes it, when it can be made. */
    gtk_widget_activate_action (GTK_WIDGET (self), "picker-row.create", NULL);
}

static void
on_search_stop (SecRecordPickerRow *self)
{
  gtk_popover_popdown (self->popover);
}

static gboolean
on_search_key_pressed (SecRecordPickerRow *self,
                       guint               keyval,
                       guint               keycode,
                       GdkModifierType     state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
  return GDK_EVENT_STOP;
}

static void
on_list_activate (SecRecordPickerRow *self,
                  guint               position)
{
  g_autoptr(SecRecord) record = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (record != NULL)
    choose (self, record);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecRecordPickerRow *self = SEC_RECORD_PICKER_ROW (widget);
  g_autofree char *text = dup_search_text (self);

  if (create_func == NULL || *text == '\0' || self->scope_field != NULL)
    return;
  gtk_popover_popdown (self->popover);
  create_func (self, text);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SecRecordPickerRow *self = SEC_RECORD_PICKER_ROW (widget);

  sec_record_picker_row_set_record_id (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
}

/* Overrides */

static void
sec_record_picker_row_dispose (GObject *object)
{
  SecRecordPickerRow *self = (SecRecordPickerRow *) object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->scope_field, g_free);

  G_OBJECT_CLASS (sec_record_picker_row_parent_class)->dispose (object);
}

static void
sec_record_picker_row_constructed (GObject *object)
{
  SecRecordPickerRow *self = (SecRecordPickerRow *) object;
  const SecKind *kind;
  g_autofree char *tip = NULL;

  G_OBJECT_CLASS (sec_record_picker_row_parent_class)->constructed (object);

  g_assert (SEC_IS_STORE (self->store));
  g_assert (g_type_is_a (self->kind, SEC_TYPE_RECORD));

  kind = sec_kind_from_type (self->kind);
  /* Translators: the tooltip of the button that opens a list of records; %s is a kind such as “Organisation” */
  tip = g_strdup_printf (_("Choose %s"), _(kind->label));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  g_object_set (self->search_entry, "placeholder-text", _("Search"), NULL);

  show_record (self);
}

static void
sec_record_picker_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SecRecordPickerRow *self = SEC_RECORD_PICKER_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_gtype (value, self->kind);
      break;
    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_record_picker_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SecRecordPickerRow *self = SEC_RECORD_PICKER_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_gtype (value);
      break;
    case PROP_RECORD_ID:
      sec_record_picker_row_set_record_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_record_picker_row_class_init (SecRecordPickerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_record_picker_row_dispose;
  object_class->constructed = sec_record_picker_row_constructed;
  object_class->get_property = sec_record_picker_row_get_property;
  object_class->set_property = sec_record_picker_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_gtype ("kind", NULL, NULL, SEC_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-record-picker-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SecRecordPickerRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPickerRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPickerRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPickerRow, popover);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPickerRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPickerRow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPickerRow, list_view);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPickerRow, create_button);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPickerRow, create_label);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "picker-row.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "picker-row.create", NULL, create_action);
}

static void
sec_record_picker_row_init (SecRecordPickerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker-row.create", FALSE);
}

/* Public API */

/**
 * sec_record_picker_row_new:
 * @store: where the records are
 * @kind: the SecRecord subtype to choose from
 *
 * Returns: (transfer floating): a new picker row
 */
GtkWidget *
sec_record_picker_row_new (SecStore *store,
                           GType     kind)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (kind, SEC_TYPE_RECORD), NULL);

  return g_object_new (SEC_TYPE_RECORD_PICKER_ROW, "store", store, "kind", kind, NULL);
}

/**
 * sec_record_picker_row_get_store:
 *
 * Returns: (transfer none): the store
 */
SecStore *
sec_record_picker_row_get_store (SecRecordPickerRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_PICKER_ROW (self), NULL);

  return self->store;
}

GType
sec_record_picker_row_get_kind (SecRecordPickerRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_PICKER_ROW (self), 0);

  return self->kind;
}

gint64
sec_record_picker_row_get_record_id (SecRecordPickerRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_PICKER_ROW (self), 0);

  return self->record_id;
}

void
sec_record_picker_row_set_record_id (SecRecordPickerRow *self,
                                     gint64              id)
{
  g_return_if_fail (SEC_IS_RECORD_PICKER_ROW (self));
  g_return_if_fail (id >= 0);

  if (self->record_id == id)
    return;

  self->record_id = id;
  show_record (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
}

/**
 * sec_record_picker_row_set_create_func:
 * @func: (nullable): makes a record of the row's kind named as typed
 *
 * Lets every picker row offer to create the record the user searched for
 * and did not find: @func gets the row and the search text, and is to call
 * sec_record_picker_row_set_record_id () once the record is saved. The
 * record editor installs it (the widgets cannot include it).
 */
void
sec_record_picker_row_set_create_func (SecRecordPickerCreateFunc func)
{
  create_func = func;
}

/**
 * sec_record_picker_row_search:
 * @text: what to search for
 *
 * Opens the list and searches it as if @text had been typed.
 */
void
sec_record_picker_row_search (SecRecordPickerRow *self,
                              const char         *text)
{
  g_return_if_fail (SEC_IS_RECORD_PICKER_ROW (self));

  gtk_menu_button_popup (self->menu_button);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Now, not after the search entry's delay. */
  on_search_changed (self);
}

/**
 * sec_record_picker_row_set_scope:
 * @field: (nullable): a ref field of the row's kind, or NULL for no scope
 *
 * Offers only the records whose @field refers to @id (none when @id is 0):
 * a membership's delegate is one of its organisation's people.
 */
void
sec_record_picker_row_set_scope (SecRecordPickerRow *self,
                                 const char         *field,
                                 gint64              id)
{
  g_return_if_fail (SEC_IS_RECORD_PICKER_ROW (self));

  g_free (self->scope_field);
  self->scope_field = g_strdup (field);
  self->scope_id = id;
  on_search_changed (self);
}
