/* sec-search-everywhere.c: one search for every section
 *
 * Each keystroke (after the entry's short pause) asks the store for a few
 * records of each kind (sec_store_search_everywhere (), from the search
 * index) and lists them under their kind's name.
 */
#define G_LOG_DOMAIN "sec-search-everywhere"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-records.h"
#include "ui/shell/sec-search-everywhere.h"

/* Enough of each kind to find someone by a few letters, few enough to
 * see every kind in the sidebar. */
#define PER_KIND 5

struct _SecSearchEverywhere
{
  GtkWidget       parent_instance;

  /* template */
  GtkSearchEntry *entry;
  GtkRevealer    *revealer;
  GtkListBox     *results;
  GtkLabel       *empty_label;

  /* owned */
  SecStore       *store;
  guint           n_results;
};

G_DEFINE_FINAL_TYPE (SecSearchEverywhere, sec_search_everywhere, GTK_TYPE_WIDGET)

static SecRecord *
row_record (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "sec-record");
}

static GtkWidget *
make_row (SecRecord *record)
{
  g_autofree char *title = sec_record_dup_title (record);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (*title ? title : _("Untitled"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Two lines of a long title in the narrow sidebar, then "…". */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, title);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "sec-record", g_object_ref (record), g_object_unref);
  return row;
}

/* The name of the kind above its first result. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  GType kind = G_OBJECT_TYPE (row_record (row));
  GtkWidget *header;

  if (before != NULL && G_OBJECT_TYPE (row_record (before)) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (_(sec_kind_from_type (kind)->plural_label));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
clear_results (SecSearchEverywhere *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  self->n_results = 0;
}

static void
search (SecSearchEverywhere *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  clear_results (self);
  if (self->store == NULL || *stripped == '\0')
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }

  found = sec_store_search_everywhere (self->store, stripped, PER_KIND, &error);
  if (found == NULL)
    {
      /* A search that fails finds nothing; the message says why. */
      g_warning ("Search failed: %s", error->message);
      found = g_ptr_array_new ();
    }
  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (self->results, make_row (g_ptr_array_index (found, i)));
  self->n_results = found->len;
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), found->len == 0);
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->results))),
                          found->len > 0);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
open_row (SecSearchEverywhere *self,
          GtkListBoxRow       *row)
{
  SecRecord *record = row_record (row);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(sx)",
                              sec_record_get_kind (record)->name, sec_record_get_id (record));
}

/* Callbacks */

static void
on_entry_search_changed (SecSearchEverywhere *self)
{
  search (self);
}

/* Enter opens the first result. */
static void
on_entry_activate (SecSearchEverywhere *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first != NULL)
    open_row (self, first);
}

static void
on_entry_stop_search (SecSearchEverywhere *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
on_results_row_activated (SecSearchEverywhere *self,
                          GtkListBoxRow       *row)
{
  open_row (self, row);
}

/* Down from the field goes to the results. */
static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      SecSearchEverywhere   *self)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (first = gtk_list_box_get_row_at_index (self->results, 0)) == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

/* Overrides */

static void
sec_search_everywhere_dispose (GObject *object)
{
  SecSearchEverywhere *self = SEC_SEARCH_EVERYWHERE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_SEARCH_EVERYWHERE);
  /* The box that holds the template's children is not named in it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sec_search_everywhere_parent_class)->dispose (object);
}

static void
sec_search_everywhere_class_init (SecSearchEverywhereClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_search_everywhere_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-search-everywhere.ui");
  gtk_widget_class_bind_template_child (widget_class, SecSearchEverywhere, entry);
  gtk_widget_class_bind_template_child (widget_class, SecSearchEverywhere, revealer);
  gtk_widget_class_bind_template_child (widget_class, SecSearchEverywhere, results);
  gtk_widget_class_bind_template_child (widget_class, SecSearchEverywhere, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_results_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "search-everywhere");
}

static void
sec_search_everywhere_init (SecSearchEverywhere *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->results, update_header, NULL, NULL);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}

/* Public API */

GtkWidget *
sec_search_everywhere_new (void)
{
  return g_object_new (SEC_TYPE_SEARCH_EVERYWHERE, NULL);
}

void
sec_search_everywhere_set_store (SecSearchEverywhere *self,
                                 SecStore            *store)
{
  g_return_if_fail (SEC_IS_SEARCH_EVERYWHERE (self));
  g_return_if_fail (store == NULL || SEC_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  search (self);
}

SecStore *
sec_search_everywhere_get_store (SecSearchEverywhere *self)
{
  g_return_val_if_fail (SEC_IS_SEARCH_EVERYWHERE (self), NULL);

  return self->store;
}

void
sec_search_everywhere_focus (SecSearchEverywhere *self)
{
  g_return_if_fail (SEC_IS_SEARCH_EVERYWHERE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

guint
sec_search_everywhere_get_n_results (SecSearchEverywhere *self)
{
  g_return_val_if_fail (SEC_IS_SEARCH_EVERYWHERE (self), 0);

  return self->n_results;
}
