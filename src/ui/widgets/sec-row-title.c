/* sec-row-title.c: a detail row's title and subtitle, measured width first
 *
 * A record page's rows are a title and a wrapping subtitle beside a few
 * buttons: in GTK 4.8 a horizontal GtkBox (libadwaita's AdwActionRow is
 * one) asks each child for its width at the height it is given when it
 * allocates them, and a wrapping GtkLabel answers that by a binary search
 * over widths, each step shaping its whole text again. Ten rows of one
 * long text cost about 1,080 layout widths in a frame as AdwActionRows,
 * 80 in a SecRowTitle (issue 16; see the README, "Why a record page's
 * labels cost so much").
 *
 * A SecRowTitle is the vertical box of the two labels with that one
 * question answered differently: its width is the labels' widths for no
 * given height (the box beside it then gives it the width left, as
 * before), its height the labels' heights for the width it gets. Its CSS
 * name and class are libadwaita's for an action row's title box
 * ("box.title"), so the theme gives it the same margins, and its labels
 * the same fonts and colours (".title", ".subtitle").
 */
#define G_LOG_DOMAIN "sec-row-title"

#include "config.h"

#include "ui/widgets/sec-row-title.h"

/* libadwaita's border-spacing of an action row's title box (1.2 and
 * later), which a widget of our own cannot read from the theme. */
#define SPACING 3

struct _SecRowTitle
{
  GtkWidget  parent_instance;

  /* children */
  GtkWidget *title;
  GtkWidget *subtitle;
};

G_DEFINE_FINAL_TYPE (SecRowTitle, sec_row_title, GTK_TYPE_WIDGET)

static void
sec_row_title_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
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
          *minimum += child_min + (shown > 0 ? SPACING : 0);
          *natural += child_nat + (shown > 0 ? SPACING : 0);
        }
      shown++;
    }
}

static void
sec_row_title_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  int y = 0;
  int needed, extra;

  /* As a vertical box with no child expanding: each its natural height
   * when there is room, and the text centred in what is left over. */
  sec_row_title_measure (widget, GTK_ORIENTATION_VERTICAL, width, &(int) { 0 }, &needed, NULL, NULL);
  extra = MAX (0, height - needed);
  y = extra / 2;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_nat }, -1);
      y += child_nat + SPACING;
    }
}

static GtkSizeRequestMode
sec_row_title_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sec_row_title_dispose (GObject *object)
{
  SecRowTitle *self = SEC_ROW_TITLE (object);

  g_clear_pointer (&self->title, gtk_widget_unparent);
  g_clear_pointer (&self->subtitle, gtk_widget_unparent);

  G_OBJECT_CLASS (sec_row_title_parent_class)->dispose (object);
}

static void
sec_row_title_class_init (SecRowTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_row_title_dispose;
  widget_class->measure = sec_row_title_measure;
  widget_class->size_allocate = sec_row_title_size_allocate;
  widget_class->get_request_mode = sec_row_title_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "box");
}

static GtkWidget *
new_label (SecRowTitle *self,
           const char  *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* As libadwaita's: names come from users, so never markup or mnemonics. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
sec_row_title_init (SecRowTitle *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "title");
  self->title = new_label (self, "title");
  self->subtitle = new_label (self, "subtitle");
}

/**
 * sec_row_title_new:
 *
 * Returns: (transfer floating): a new #SecRowTitle, with neither text
 */
GtkWidget *
sec_row_title_new (void)
{
  return g_object_new (SEC_TYPE_ROW_TITLE, NULL);
}

GtkLabel *
sec_row_title_get_title_label (SecRowTitle *self)
{
  g_return_val_if_fail (SEC_IS_ROW_TITLE (self), NULL);

  return GTK_LABEL (self->title);
}

GtkLabel *
sec_row_title_get_subtitle_label (SecRowTitle *self)
{
  g_return_val_if_fail (SEC_IS_ROW_TITLE (self), NULL);

  return GTK_LABEL (self->subtitle);
}

static void
set_text (GtkWidget  *label,
          const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_visible (label, text != NULL && text[0] != '\0');
}

/**
 * sec_row_title_set_title:
 * @title: (nullable): the title; %NULL or "" hides it
 */
void
sec_row_title_set_title (SecRowTitle *self,
                         const char  *title)
{
  g_return_if_fail (SEC_IS_ROW_TITLE (self));

  set_text (self->title, title);
}

/**
 * sec_row_title_set_subtitle:
 * @subtitle: (nullable): the subtitle; %NULL or "" hides it
 */
void
sec_row_title_set_subtitle (SecRowTitle *self,
                            const char  *subtitle)
{
  g_return_if_fail (SEC_IS_ROW_TITLE (self));

  set_text (self->subtitle, subtitle);
}
