/* sec-wrap-box.c: children side by side in equal columns, wrapping onto
 * more lines when the width runs out
 *
 * The tools of a meeting, a call or a statement are rows of buttons that
 * must fit at 360 px as at 1200 px. GtkFlowBox lays them out so, but it is
 * a selection widget: its children are focus stops of their own, and when
 * they are not, Tab stops dead inside it (GTK 4.8). A SecWrapBox is a plain
 * container: Tab goes through its children in order, as in a GtkBox.
 *
 * Children get equal columns: as many per line as their widest natural
 * width allows, within min-children-per-line and max-children-per-line;
 * each line is as tall as its tallest child.
 */
#define G_LOG_DOMAIN "sec-wrap-box"

#include "config.h"

#include "ui/widgets/sec-wrap-box.h"

struct _SecWrapBox
{
  GtkWidget parent_instance;

  int   column_spacing;
  int   row_spacing;
  guint min_per_line;
  guint max_per_line;
};

static void sec_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SecWrapBox, sec_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, sec_wrap_box_buildable_init))

enum {
  PROP_0,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  PROP_MIN_CHILDREN_PER_LINE,
  PROP_MAX_CHILDREN_PER_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable;

/* Layout */

typedef struct {
  guint n;          /* shown children */
  int   widest_min;
  int   widest_nat;
} Children;

static Children
measure_children (SecWrapBox *self)
{
  Children c = { 0 };

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      c.n++;
      c.widest_min = MAX (c.widest_min, min);
      c.widest_nat = MAX (c.widest_nat, nat);
    }
  return c;
}

static guint
columns_for_width (SecWrapBox     *self,
                   const Children *c,
                   int             width)
{
  guint columns = c->widest_nat > 0 ? (guint) MAX (0, (width + self->column_spacing) / (c->widest_nat + self->column_spacing)) : c->n;

  columns = MIN (columns, self->max_per_line > 0 ? self->max_per_line : G_MAXUINT);
  columns = MAX (columns, MAX (self->min_per_line, 1));
  return MIN (columns, MAX (c->n, 1));
}

static int
column_width (SecWrapBox *self,
              guint       columns,
              int         width)
{
  return MAX (0, (width - (int) (columns - 1) * self->column_spacing) / (int) columns);
}

/* Calls @place (when not NULL) for each shown child with its box, and
 * returns the height of all lines at @width. */
static int
lay_out (SecWrapBox *self,
         int         width,
         gboolean    place)
{
  Children c = measure_children (self);
  guint columns = columns_for_width (self, &c, width);
  int cell = column_width (self, columns, width);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *line_start = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;

  if (c.n == 0)
    return 0;

  while (line_start != NULL)
    {
      GtkWidget *child = line_start;
      int line_height = 0;
      guint i = 0;

      /* The height of the line first, then its children. */
      for (; child && i < columns; child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, cell, &min, &nat, NULL, NULL);
          line_height = MAX (line_height, nat);
          i++;
        }
      if (i == 0)
        break;
      if (place)
        {
          guint column = 0;

          for (GtkWidget *w = line_start; w != child; w = gtk_widget_get_next_sibling (w))
            {
              int x;

              if (!gtk_widget_should_layout (w))
                continue;
              x = (int) column * (cell + self->column_spacing);
              if (rtl)
                x = width - x - cell;
              gtk_widget_size_allocate (w, &(GtkAllocation) { x, y, cell, line_height }, -1);
              column++;
            }
        }
      y += line_height + self->row_spacing;
      line_start = child;
    }
  return y - self->row_spacing;
}

static GtkSizeRequestMode
sec_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sec_wrap_box_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SecWrapBox *self = SEC_WRAP_BOX (widget);
  Children c = measure_children (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint fewest = MIN (MAX (self->min_per_line, 1), MAX (c.n, 1));
      guint most = self->max_per_line > 0 ? MIN (self->max_per_line, c.n) : c.n;

      *minimum = c.n ? (int) fewest * c.widest_min + (int) (fewest - 1) * self->column_spacing : 0;
      *natural = c.n ? (int) most * c.widest_nat + (int) (most - 1) * self->column_spacing : 0;
      *natural = MAX (*natural, *minimum);
    }
  else
    {
      int width = for_size, unused;

      if (width < 0)
        sec_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, &unused, NULL, NULL);
      *minimum = *natural = lay_out (self, width, FALSE);
    }
}

static void
sec_wrap_box_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  lay_out (SEC_WRAP_BOX (widget), width, TRUE);
}

/* Children from a template */

static void
sec_wrap_box_add_child (GtkBuildable *buildable,
                        GtkBuilder   *builder,
                        GObject      *child,
                        const char   *type)
{
  if (GTK_IS_WIDGET (child))
    sec_wrap_box_append (SEC_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
sec_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = sec_wrap_box_add_child;
}

/* GObject */

static void
sec_wrap_box_dispose (GObject *object)
{
  sec_wrap_box_remove_all (SEC_WRAP_BOX (object));
  G_OBJECT_CLASS (sec_wrap_box_parent_class)->dispose (object);
}

static void
sec_wrap_box_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SecWrapBox *self = SEC_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    case PROP_MIN_CHILDREN_PER_LINE:
      g_value_set_uint (value, self->min_per_line);
      break;
    case PROP_MAX_CHILDREN_PER_LINE:
      g_value_set_uint (value, self->max_per_line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_wrap_box_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SecWrapBox *self = SEC_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      self->column_spacing = g_value_get_int (value);
      break;
    case PROP_ROW_SPACING:
      self->row_spacing = g_value_get_int (value);
      break;
    case PROP_MIN_CHILDREN_PER_LINE:
      self->min_per_line = g_value_get_uint (value);
      break;
    case PROP_MAX_CHILDREN_PER_LINE:
      self->max_per_line = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
sec_wrap_box_class_init (SecWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_wrap_box_dispose;
  object_class->get_property = sec_wrap_box_get_property;
  object_class->set_property = sec_wrap_box_set_property;
  widget_class->get_request_mode = sec_wrap_box_get_request_mode;
  widget_class->measure = sec_wrap_box_measure;
  widget_class->size_allocate = sec_wrap_box_size_allocate;

  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MIN_CHILDREN_PER_LINE] =
    g_param_spec_uint ("min-children-per-line", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAX_CHILDREN_PER_LINE] =
    g_param_spec_uint ("max-children-per-line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sec_wrap_box_init (SecWrapBox *self)
{
  self->min_per_line = 1;
}

/* Public API */

GtkWidget *
sec_wrap_box_new (void)
{
  return g_object_new (SEC_TYPE_WRAP_BOX, NULL);
}

void
sec_wrap_box_append (SecWrapBox *self,
                     GtkWidget  *child)
{
  g_return_if_fail (SEC_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
sec_wrap_box_remove_all (SecWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (SEC_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}
