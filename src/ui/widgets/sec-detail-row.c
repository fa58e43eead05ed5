/* sec-detail-row.c: a row of a record's page: a title, a wrapping value, buttons
 *
 * What a record page showed as libadwaita's AdwActionRow, laid out without
 * its cost: the same header, prefixes and suffixes, styled by the theme as
 * an action row, but the title and subtitle are in a SecTextColumn, whose
 * width GTK 4.8 never looks for by a binary search over the subtitle's
 * layouts (see sec-text-column.c). A record page of 60 related rows was
 * measured 40–60 ms a frame; see the README, "A record page's rows".
 *
 * The title is AdwPreferencesRow's (so preferences search and
 * adw_preferences_row_get_title () find the row); the subtitle is a
 * property of its own. Neither is ever markup. A screen reader reads the
 * row by its title and describes it by its subtitle, as an action row.
 * In a .ui file, children of type "prefix" and "suffix" go before and
 * after the texts.
 */
#define G_LOG_DOMAIN "sec-detail-row"

#include "config.h"

#include "ui/widgets/sec-detail-row.h"
#include "ui/widgets/sec-text-column.h"

struct _SecDetailRow
{
  AdwPreferencesRow  parent_instance;

  /* template widgets */
  GtkBox            *prefixes;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkBox            *suffixes;

  /* owned */
  char              *subtitle;
};

static void sec_detail_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SecDetailRow, sec_detail_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, sec_detail_row_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_SUBTITLE,
  PROP_SUBTITLE_SELECTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A word of 16 characters or fewer always fits a row's text column: at
 * least some 240 pixels beside its buttons in the detail pane (360 pixels
 * at the least), against 16 wide letters ("WWWWWWWWWWWWWWWW"), about 200
 * pixels in the title's type. */
#define MAX_WORD_CHARS 16

static void
set_text (GtkLabel   *label,
          const char *text)
{
  sec_text_column_set_label_text (label, text, MAX_WORD_CHARS);
}

static void
on_title_changed (SecDetailRow *self)
{
  set_text (self->title_label, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

static void
sec_detail_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SecDetailRow *self = SEC_DETAIL_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, sec_detail_row_get_subtitle (self));
      break;
    case PROP_SUBTITLE_SELECTABLE:
      g_value_set_boolean (value, sec_detail_row_get_subtitle_selectable (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_detail_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SecDetailRow *self = SEC_DETAIL_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      sec_detail_row_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE_SELECTABLE:
      sec_detail_row_set_subtitle_selectable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_detail_row_finalize (GObject *object)
{
  SecDetailRow *self = SEC_DETAIL_ROW (object);

  g_free (self->subtitle);

  G_OBJECT_CLASS (sec_detail_row_parent_class)->finalize (object);
}

static void
sec_detail_row_class_init (SecDetailRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sec_detail_row_get_property;
  object_class->set_property = sec_detail_row_set_property;
  object_class->finalize = sec_detail_row_finalize;

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE_SELECTABLE] =
    g_param_spec_boolean ("subtitle-selectable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SEC_TYPE_TEXT_COLUMN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-detail-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SecDetailRow, prefixes);
  gtk_widget_class_bind_template_child (widget_class, SecDetailRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SecDetailRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SecDetailRow, suffixes);
}

static void
sec_detail_row_init (SecDetailRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
}

static void
sec_detail_row_buildable_add_child (GtkBuildable *buildable,
                                    GtkBuilder   *builder,
                                    GObject      *child,
                                    const char   *type)
{
  SecDetailRow *self = SEC_DETAIL_ROW (buildable);

  if (g_strcmp0 (type, "prefix") == 0)
    sec_detail_row_add_prefix (self, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "suffix") == 0)
    sec_detail_row_add_suffix (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
sec_detail_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = sec_detail_row_buildable_add_child;
}

/**
 * sec_detail_row_new:
 * @title: the title, plain text
 * @subtitle: (nullable): the value, plain text; %NULL or "" for none
 *
 * Returns: (transfer floating): a new #SecDetailRow, not activatable
 */
GtkWidget *
sec_detail_row_new (const char *title,
                    const char *subtitle)
{
  return g_object_new (SEC_TYPE_DETAIL_ROW,
                       "title", title,
                       "subtitle", subtitle,
                       NULL);
}

const char *
sec_detail_row_get_subtitle (SecDetailRow *self)
{
  g_return_val_if_fail (SEC_IS_DETAIL_ROW (self), NULL);

  return self->subtitle ? self->subtitle : "";
}

/**
 * sec_detail_row_set_subtitle:
 * @subtitle: (nullable): plain text; %NULL or "" hides it
 */
void
sec_detail_row_set_subtitle (SecDetailRow *self,
                             const char   *subtitle)
{
  g_return_if_fail (SEC_IS_DETAIL_ROW (self));

  if (subtitle == NULL)
    subtitle = "";
  if (g_strcmp0 (self->subtitle, subtitle) == 0)
    return;
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
  set_text (self->subtitle_label, subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

gboolean
sec_detail_row_get_subtitle_selectable (SecDetailRow *self)
{
  g_return_val_if_fail (SEC_IS_DETAIL_ROW (self), FALSE);

  return gtk_label_get_selectable (self->subtitle_label);
}

/**
 * sec_detail_row_set_subtitle_selectable:
 *
 * Whether the value can be selected, to copy it.
 */
void
sec_detail_row_set_subtitle_selectable (SecDetailRow *self,
                                        gboolean      selectable)
{
  g_return_if_fail (SEC_IS_DETAIL_ROW (self));

  if (gtk_label_get_selectable (self->subtitle_label) == !!selectable)
    return;
  gtk_label_set_selectable (self->subtitle_label, selectable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE_SELECTABLE]);
}

/**
 * sec_detail_row_set_title_lines:
 * @lines: the most lines of the title, cut with an ellipsis after; 0
 *   for no limit (the default)
 */
void
sec_detail_row_set_title_lines (SecDetailRow *self,
                                int           lines)
{
  g_return_if_fail (SEC_IS_DETAIL_ROW (self));
  g_return_if_fail (lines >= 0);

  gtk_label_set_lines (self->title_label, lines > 0 ? lines : -1);
  gtk_label_set_ellipsize (self->title_label, lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

static void
add_to (GtkBox    *box,
        GtkWidget *widget)
{
  gtk_box_append (box, widget);
  gtk_widget_set_visible (GTK_WIDGET (box), TRUE);
}

/**
 * sec_detail_row_add_prefix:
 * @widget: (transfer floating): shown before the texts
 */
void
sec_detail_row_add_prefix (SecDetailRow *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (SEC_IS_DETAIL_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  add_to (self->prefixes, widget);
}

/**
 * sec_detail_row_add_suffix:
 * @widget: (transfer floating): shown after the texts, in the order added
 */
void
sec_detail_row_add_suffix (SecDetailRow *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (SEC_IS_DETAIL_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  add_to (self->suffixes, widget);
}
