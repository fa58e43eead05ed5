/* sec-text-column.c: a vertical box of texts whose width is asked as for no height
 *
 * A record page shows wrapping texts beside buttons: a row's title and
 * value, the page's own title. In GTK 4.8 a horizontal GtkBox (libadwaita's
 * AdwActionRow is one) asks each child for its width at the height it is
 * given when it allocates them, and a wrapping GtkLabel answers that by a
 * binary search over widths, each step shaping its whole text again. Ten
 * rows of one long text cost about 1,080 layout widths in a frame as
 * AdwActionRows, 80 with their texts in a SecTextColumn (issue 16; see the
 * README, "A record page's rows").
 *
 * A SecTextColumn is a vertical GtkBox with that one question answered
 * differently: its width is its children's widths for no given height
 * (the box beside it then gives it the width left, as before), its height
 * their heights for the width it gets, one under the other, @spacing
 * apart. Its CSS name is "box", so that the theme's rules for a box with
 * its style classes apply (libadwaita's "box.title" of an action row).
 * Children are added with sec_text_column_append () or as <child>ren in
 * a .ui file; a hidden child takes no room.
 *
 * sec_text_column_set_label_text () gives a wrapping label its text with
 * the wrap mode that costs least for it (see there).
 */
#define G_LOG_DOMAIN "sec-text-column"

#include "config.h"

#include "ui/widgets/sec-text-column.h"

struct _SecTextColumn
{
  GtkWidget parent_instance;

  int       spacing;
};

static void sec_text_column_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SecTextColumn, sec_text_column, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, sec_text_column_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sec_text_column_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SecTextColumn *self = SEC_TEXT_COLUMN (widget);
  int shown = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      /* The width for no height: never a label's width for a height. */
      gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          *minimum += child_min + (shown > 0 ? self->spacing : 0);
          *natural += child_nat + (shown > 0 ? self->spacing : 0);
        }
      shown++;
    }
}

static void
sec_text_column_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SecTextColumn *self = SEC_TEXT_COLUMN (widget);
  int needed, unused;
  int y;

  /* As a vertical box with no child expanding: each at its natural height
   * for the width, the whole centred in any height left over. */
  sec_text_column_measure (widget, GTK_ORIENTATION_VERTICAL, width, &unused, &needed, NULL, NULL);
  y = MAX (0, height - needed) / 2;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &unused, &child_nat, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_nat }, -1);
      y += child_nat + self->spacing;
    }
}

static GtkSizeRequestMode
sec_text_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sec_text_column_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SecTextColumn *self = SEC_TEXT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_text_column_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SecTextColumn *self = SEC_TEXT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      sec_text_column_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_text_column_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sec_text_column_parent_class)->dispose (object);
}

static void
sec_text_column_class_init (SecTextColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sec_text_column_get_property;
  object_class->set_property = sec_text_column_set_property;
  object_class->dispose = sec_text_column_dispose;
  widget_class->measure = sec_text_column_measure;
  widget_class->size_allocate = sec_text_column_size_allocate;
  widget_class->get_request_mode = sec_text_column_get_request_mode;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sec_text_column_init (SecTextColumn *self)
{
}

static void
sec_text_column_buildable_add_child (GtkBuildable *buildable,
                                     GtkBuilder   *builder,
                                     GObject      *child,
                                     const char   *type)
{
  if (type == NULL && GTK_IS_WIDGET (child))
    sec_text_column_append (SEC_TEXT_COLUMN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
sec_text_column_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = sec_text_column_buildable_add_child;
}

/**
 * sec_text_column_new:
 * @spacing: the room between two shown children, in pixels
 *
 * Returns: (transfer floating): a new empty #SecTextColumn
 */
GtkWidget *
sec_text_column_new (int spacing)
{
  return g_object_new (SEC_TYPE_TEXT_COLUMN, "spacing", spacing, NULL);
}

int
sec_text_column_get_spacing (SecTextColumn *self)
{
  g_return_val_if_fail (SEC_IS_TEXT_COLUMN (self), 0);

  return self->spacing;
}

void
sec_text_column_set_spacing (SecTextColumn *self,
                             int            spacing)
{
  g_return_if_fail (SEC_IS_TEXT_COLUMN (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

/**
 * sec_text_column_append:
 * @child: (transfer floating): shown under the children added before
 */
void
sec_text_column_append (SecTextColumn *self,
                        GtkWidget     *child)
{
  g_return_if_fail (SEC_IS_TEXT_COLUMN (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

/* The most characters between two spaces in @text. */
static guint
longest_word (const char *text)
{
  guint longest = 0, current = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        current = 0;
      else if (++current > longest)
        longest = current;
    }
  return longest;
}

/**
 * sec_text_column_set_label_text:
 * @label: a wrapping label
 * @text: (nullable): plain text; %NULL or "" hides the label
 * @max_word_chars: the longest word, in characters, that the label is
 *   sure to have the width for
 *
 * Sets @label's text, and its wrap mode to the one that costs least for
 * it. GTK 4.8 measures a wrapping label's smallest width by laying its
 * text out at a width of 0: with PANGO_WRAP_WORD_CHAR (libadwaita's, so
 * that an address longer than the line still wraps) that is a line per
 * character, 1.1 ms for a 63-character text and 3.2 ms for one of 180
 * here; with PANGO_WRAP_WORD a line per word, 0.2 and 0.8 ms. The two
 * wrap a text alike wherever the label is as wide as its longest word: a
 * text whose words are all of @max_word_chars characters or fewer is
 * wrapped at words, any other at words and, for a word longer than the
 * line, within it.
 */
void
sec_text_column_set_label_text (GtkLabel   *label,
                                const char *text,
                                guint       max_word_chars)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (text == NULL)
    text = "";
  gtk_label_set_wrap_mode (label, longest_word (text) <= max_word_chars ? PANGO_WRAP_WORD
                                                                         : PANGO_WRAP_WORD_CHAR);
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text[0] != '\0');
}
