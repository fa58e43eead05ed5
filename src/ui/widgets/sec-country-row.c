/* sec-country-row.c: a form row to choose a country, or several
 *
 * The popover lists every country by its name in the user's language, the
 * EU's Member States first in the EU's protocol order, and searches them
 * folding case and accents ("osterreich" finds "Österreich"). The value is
 * the ISO 3166-1 code, or with "multiple" a comma-separated list of codes.
 */
#define G_LOG_DOMAIN "sec-country-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "ui/widgets/sec-country-row.h"
#include "core/base/sec-fold.h"

struct _SecCountryRow
{
  AdwActionRow    parent_instance;

  /* template widgets */
  GtkLabel       *value_label;
  GtkButton      *clear_button;
  GtkMenuButton  *menu_button;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkListBox     *list_box;

  /* owned */
  GPtrArray      *codes;    /* (element-type utf8): the chosen codes, in list order */
  char           *value;    /* the codes joined, or NULL */
  char           *filter;   /* folded search text, or NULL */

  gboolean        multiple;
  gboolean        filled;   /* the list has its rows */
};

G_DEFINE_FINAL_TYPE (SecCountryRow, sec_country_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_MULTIPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What each row of the list stands for. */
typedef struct {
  const char *code;     /* static, from sec_countries () */
  char       *folded;   /* the name folded for search */
  gboolean    eu;
  GtkWidget  *check;    /* multiple: the check button, or the selected mark */
} CountryItem;

static void
country_item_free (CountryItem *item)
{
  g_free (item->folded);
  g_free (item);
}

/* Helpers */

/* EU Member States first in protocol order, then the others by name. */
static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  const char *ca = *(const char *const *) a;
  const char *cb = *(const char *const *) b;
  int ea = sec_country_eu_protocol_index (ca);
  int eb = sec_country_eu_protocol_index (cb);
  const char *na, *nb;

  if (ea >= 0 || eb >= 0)
    {
      if (ea < 0)
        return 1;
      if (eb < 0)
        return -1;
      return ea - eb;
    }

  na = sec_country_name (ca);
  nb = sec_country_name (cb);
  if (na == NULL || nb == NULL)
    return na == NULL ? (nb == NULL ? strcmp (ca, cb) : 1) : -1;
  return g_utf8_collate (na, nb);
}

static gboolean
has_code (SecCountryRow *self,
          const char    *code)
{
  for (guint i = 0; i < self->codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->codes, i), code))
      return TRUE;
  return FALSE;
}

static void
update_marks (SecCountryRow *self)
{
  if (!self->filled)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      CountryItem *item = g_object_get_data (G_OBJECT (row), "country");
      gboolean chosen;

      if (item == NULL)
        continue;
      chosen = has_code (self, item->code);
      if (self->multiple)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (item->check), chosen);
      else
        gtk_widget_set_opacity (item->check, chosen ? 1.0 : 0.0);
    }
}

/* Shows the choice and notifies when the value changed. */
static void
update_value (SecCountryRow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *value = NULL;

  g_ptr_array_sort (self->codes, compare_codes);

  if (self->codes->len > 0)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint i = 0; i < self->codes->len; i++)
        {
          const char *code = g_ptr_array_index (self->codes, i);
          const char *name = sec_country_name (code);

          g_strv_builder_add (builder, code);
          if (names->len > 0)
            /* Translators: the separator in a list of countries */
            g_string_append (names, _(", "));
          g_string_append (names, name ? name : code);
        }
      strv = g_strv_builder_end (builder);
      value = g_strjoinv (",", strv);
    }

  if (self->multiple)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), names->str);
      gtk_label_set_text (self->value_label, names->len ? "" : _("None"));
      gtk_widget_set_visible (GTK_WIDGET (self->value_label), names->len == 0);
    }
  else
    gtk_label_set_text (self->value_label, names->len ? names->str : _("None"));

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->codes->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "country-row.clear", self->codes->len > 0);
  update_marks (self);

  if (g_strcmp0 (value, self->value) == 0)
    return;
  g_free (self->value);
  self->value = g_steal_pointer (&value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  SecCountryRow *self = user_data;
  CountryItem *item = g_object_get_data (G_OBJECT (row), "country");

  if (self->filter == NULL || *self->filter == '\0')
    return TRUE;
  return strstr (item->folded, self->filter) != NULL ||
         g_ascii_strcasecmp (item->code, self->filter) == 0;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  CountryItem *item = g_object_get_data (G_OBJECT (row), "country");
  CountryItem *previous = before ? g_object_get_data (G_OBJECT (before), "country") : NULL;
  const char *title = NULL;
  GtkWidget *header;

  if (item->eu && previous == NULL)
    title = _("Member States of the EU");
  else if (!item->eu && (previous == NULL || previous->eu))
    title = _("Other Countries");

  if (title == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL || !g_str_equal (gtk_label_get_text (GTK_LABEL (header)), title))
    {
      header = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_top (header, 6);
      gtk_widget_set_margin_bottom (header, 3);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_list_box_row_set_header (row, header);
    }
}

static GtkWidget *
create_country_row (SecCountryRow *self,
                    const char    *code)
{
  const char *name = sec_country_name (code);
  CountryItem *item = g_new0 (CountryItem, 1);
  GtkWidget *row, *box, *label, *code_label;
  g_autofree char *folded = sec_fold (name);

  item->code = code;
  item->folded = g_steal_pointer (&folded);
  item->eu = sec_country_is_eu (code);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  if (self->multiple)
    {
      item->check = gtk_check_button_new ();
      /* The row toggles it: one focus stop per country. */
      gtk_widget_set_focusable (item->check, FALSE);
      gtk_widget_set_can_target (item->check, FALSE);
    }
  else
    {
      item->check = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_opacity (item->check, 0.0);
    }
  gtk_box_append (GTK_BOX (box), item->check);

  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  code_label = gtk_label_new (code);
  gtk_widget_add_css_class (code_label, "dim-label");
  gtk_widget_add_css_class (code_label, "caption");
  gtk_box_append (GTK_BOX (box), code_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "country", item, (GDestroyNotify) country_item_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return row;
}

/* The rows are made when the list is first opened: most forms never open it. */
static void
fill_list (SecCountryRow *self)
{
  g_autoptr(GPtrArray) order = NULL;
  const SecCountry *countries;
  guint n_countries;

  if (self->filled)
    return;

  countries = sec_countries (&n_countries);
  order = g_ptr_array_sized_new (n_countries);
  for (guint i = 0; i < n_countries; i++)
    g_ptr_array_add (order, (gpointer) countries[i].code);
  g_ptr_array_sort (order, compare_codes);

  for (guint i = 0; i < order->len; i++)
    gtk_list_box_append (self->list_box, create_country_row (self, g_ptr_array_index (order, i)));

  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
  gtk_list_box_set_header_func (self->list_box, update_header, NULL, NULL);
  self->filled = TRUE;
  update_marks (self);
}

static GtkListBoxRow *
first_visible_row (SecCountryRow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

static void
choose (SecCountryRow *self,
        const char    *code)
{
  if (!self->multiple)
    {
      g_ptr_array_set_size (self->codes, 0);
      g_ptr_array_add (self->codes, g_strdup (code));
      update_value (self);
      gtk_popover_popdown (self->popover);
      return;
    }

  if (has_code (self, code))
    {
      for (guint i = 0; i < self->codes->len; i++)
        if (g_str_equal (g_ptr_array_index (self->codes, i), code))
          {
            g_ptr_array_remove_index (self->codes, i);
            break;
          }
    }
  else
    g_ptr_array_add (self->codes, g_strdup (code));
  update_value (self);
}

/* Callbacks */

static void
on_popover_show (SecCountryRow *self)
{
  fill_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_popover_closed (SecCountryRow *self)
{
  /* Back to the row, so that the keyboard goes on through the form. */
  gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
}

static void
on_search_changed (SecCountryRow *self)
{
  g_free (self->filter);
  self->filter = sec_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_strstrip (self->filter);
  gtk_list_box_invalidate_filter (self->list_box);
  gtk_list_box_invalidate_headers (self->list_box);
}

static void
on_search_activate (SecCountryRow *self)
{
  GtkListBoxRow *row = first_visible_row (self);

  if (row != NULL)
    {
      CountryItem *item = g_object_get_data (G_OBJECT (row), "country");
      choose (self, item->code);
    }
}

static void
on_search_stop (SecCountryRow *self)
{
  gtk_popover_popdown (self->popover);
}

static gboolean
on_search_key_pressed (SecCountryRow   *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = first_visible_row (self);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

static void
on_row_activated (SecCountryRow *self,
                  GtkListBoxRow *row)
{
  CountryItem *item = g_object_get_data (G_OBJECT (row), "country");

  choose (self, item->code);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SecCountryRow *self = SEC_COUNTRY_ROW (widget);

  g_ptr_array_set_size (self->codes, 0);
  update_value (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
}

/* Overrides */

static void
sec_country_row_finalize (GObject *object)
{
  SecCountryRow *self = (SecCountryRow *) object;

  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (sec_country_row_parent_class)->finalize (object);
}

static void
sec_country_row_constructed (GObject *object)
{
  SecCountryRow *self = (SecCountryRow *) object;
  const char *tip = self->multiple ? _("Choose Countries") : _("Choose a Country");

  G_OBJECT_CLASS (sec_country_row_parent_class)->constructed (object);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  update_value (self);
}

static void
sec_country_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SecCountryRow *self = SEC_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_country_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SecCountryRow *self = SEC_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      sec_country_row_set_value (self, g_value_get_string (value));
      break;
    case PROP_MULTIPLE:
      self->multiple = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_country_row_class_init (SecCountryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sec_country_row_finalize;
  object_class->constructed = sec_country_row_constructed;
  object_class->get_property = sec_country_row_get_property;
  object_class->set_property = sec_country_row_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-country-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SecCountryRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, SecCountryRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, SecCountryRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SecCountryRow, popover);
  gtk_widget_class_bind_template_child (widget_class, SecCountryRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SecCountryRow, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "country-row.clear", NULL, clear_action);
}

static void
sec_country_row_init (SecCountryRow *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sec_country_row_new:
 * @multiple: whether several countries can be chosen
 *
 * Returns: (transfer floating): a new country row
 */
GtkWidget *
sec_country_row_new (gboolean multiple)
{
  return g_object_new (SEC_TYPE_COUNTRY_ROW, "multiple", multiple, NULL);
}

/**
 * sec_country_row_get_value:
 *
 * Returns: (nullable) (transfer none): the code, or the codes separated by
 *   commas, or NULL
 */
const char *
sec_country_row_get_value (SecCountryRow *self)
{
  g_return_val_if_fail (SEC_IS_COUNTRY_ROW (self), NULL);

  return self->value;
}

void
sec_country_row_set_value (SecCountryRow *self,
                           const char    *value)
{
  g_auto(GStrv) codes = NULL;

  g_return_if_fail (SEC_IS_COUNTRY_ROW (self));

  g_ptr_array_set_size (self->codes, 0);
  codes = g_strsplit (value ? value : "", ",", -1);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      char *code = g_ascii_strup (g_strstrip (codes[i]), -1);

      if (*code == '\0' || has_code (self, code) || (!self->multiple && self->codes->len > 0))
        g_free (code);
      else
        g_ptr_array_add (self->codes, code);
    }
  update_value (self);
}

gboolean
sec_country_row_get_multiple (SecCountryRow *self)
{
  g_return_val_if_fail (SEC_IS_COUNTRY_ROW (self), FALSE);

  return self->multiple;
}
