/* sec-row-text.c: a short text of a list row, drawn from one PangoLayout
 *
 * GTK 4.8's list view makes a widget for each of some 200 rows whenever a
 * search replaces them all; with a GtkLabel for each text, making and
 * laying them out held the window for 60–80 ms (issue 16). A SecRowText
 * is what a list row needs of a label and no more: no selection, links,
 * mnemonics or markup, one PangoLayout kept from one measure to the next.
 *
 * Its CSS name is "label", so the theme styles it as a label: style
 * classes (".heading", ".caption", ".dim-label", ".error"...) give its
 * font and colour through the widget's own style, dark or high contrast,
 * and the text follows the widget's direction. With @max_lines 0 it shows
 * its whole text on one line and asks for its width; otherwise it takes
 * the width it is given, wraps at words (or within a word too long for a
 * line) onto up to @max_lines lines and ends the last with "…".
 *
 * It is not presented to assistive technologies: the row it is part of
 * carries its texts in its accessible label.
 *
 * sec_row_text_layout_new (), _measure () and _snapshot () do the same for
 * a text that another widget draws from a layout of its own, in its own
 * style: SecRecordRow's title, which needs no widget of its own (one
 * widget less in each of the 200 rows a search makes).
 */
#define G_LOG_DOMAIN "sec-row-text"

#include "config.h"

#include "ui/widgets/sec-row-text.h"

struct _SecRowText
{
  GtkWidget    parent_instance;

  /* owned */
  char        *text;
  PangoLayout *layout;

  guint        max_lines;
};

G_DEFINE_FINAL_TYPE (SecRowText, sec_row_text, GTK_TYPE_WIDGET)

/* As GtkLabel's left-justified text: at the start of @widget's direction. */
static void
align_layout (PangoLayout *layout,
              GtkWidget   *widget)
{
  pango_layout_set_alignment (layout, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                      ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

static PangoLayout *
ensure_layout (SecRowText *self)
{
  if (self->layout == NULL)
    self->layout = sec_row_text_layout_new (GTK_WIDGET (self), self->text, self->max_lines);
  return self->layout;
}

static void
sec_row_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SecRowText *self = SEC_ROW_TEXT (widget);

  *minimum = *natural = sec_row_text_layout_measure (ensure_layout (self), widget, self->max_lines,
                                                     orientation, for_size);
}

static GtkSizeRequestMode
sec_row_text_get_request_mode (GtkWidget *widget)
{
  SecRowText *self = SEC_ROW_TEXT (widget);

  return self->max_lines > 1 ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
sec_row_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SecRowText *self = SEC_ROW_TEXT (widget);

  if (self->text == NULL || self->text[0] == '\0')
    return;
  sec_row_text_layout_snapshot (ensure_layout (self), widget, self->max_lines, snapshot,
                                &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                     gtk_widget_get_height (widget)));
}

static void
sec_row_text_finalize (GObject *object)
{
  SecRowText *self = SEC_ROW_TEXT (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (sec_row_text_parent_class)->finalize (object);
}

static void
sec_row_text_class_init (SecRowTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sec_row_text_finalize;
  widget_class->measure = sec_row_text_measure;
  widget_class->get_request_mode = sec_row_text_get_request_mode;
  widget_class->snapshot = sec_row_text_snapshot;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
sec_row_text_init (SecRowText *self)
{
}

/**
 * sec_row_text_new:
 * @max_lines: 0 for the whole text on one line, else the most lines
 *   the text wraps onto, the last ellipsized
 *
 * Returns: (transfer floating): a new #SecRowText
 */
GtkWidget *
sec_row_text_new (guint max_lines)
{
  SecRowText *self = g_object_new (SEC_TYPE_ROW_TEXT, NULL);

  self->max_lines = max_lines;
  return GTK_WIDGET (self);
}

const char *
sec_row_text_get_text (SecRowText *self)
{
  g_return_val_if_fail (SEC_IS_ROW_TEXT (self), NULL);

  return self->text ? self->text : "";
}

/**
 * sec_row_text_set_text:
 * @text: (nullable): the text; %NULL or "" hides the widget
 */
void
sec_row_text_set_text (SecRowText *self,
                       const char *text)
{
  g_return_if_fail (SEC_IS_ROW_TEXT (self));

  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL && text[0] != '\0');
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text ? text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * sec_row_text_layout_new:
 * @widget: the widget that draws the text
 * @text: (nullable): the text
 * @max_lines: as sec_row_text_new ()'s
 *
 * A layout for a text that @widget draws itself, as a #SecRowText draws
 * its own (#SecRecordRow's title): on @widget's own Pango context, which
 * GTK keeps in step with its style's font, the font settings and the
 * direction (Pango sees the context's changes itself, by its serial).
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
sec_row_text_layout_new (GtkWidget  *widget,
                         const char *text,
                         guint       max_lines)
{
  PangoLayout *layout;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  layout = pango_layout_new (gtk_widget_get_pango_context (widget));
  pango_layout_set_text (layout, text ? text : "", -1);
  if (max_lines > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -(int) max_lines);
    }
  return layout;
}

/**
 * sec_row_text_layout_measure:
 *
 * The width (@orientation horizontal) or the height at the width
 * @for_size (-1 for none) of @layout, made by sec_row_text_layout_new ()
 * for @widget with @max_lines.
 */
int
sec_row_text_layout_measure (PangoLayout    *layout,
                             GtkWidget      *widget,
                             guint           max_lines,
                             GtkOrientation  orientation,
                             int             for_size)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  /* Each change of the layout's width shapes its text again, most of the
   * time a row takes (HarfBuzz): the width is set to the one given only,
   * the one it is drawn at. An ellipsized text asks for no width, as a
   * GtkLabel with max-width-chars 1 asks for little: the row gives it the
   * width left. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && max_lines > 0)
    return 0;
  align_layout (layout, widget);
  if (max_lines > 1)
    pango_layout_set_width (layout, for_size >= 0 ? for_size * PANGO_SCALE : -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return orientation == GTK_ORIENTATION_HORIZONTAL ? logical.width : logical.height;
}

/**
 * sec_row_text_layout_snapshot:
 * @area: where the text goes, in @widget's coordinates
 *
 * Draws @layout, made by sec_row_text_layout_new () for @widget with
 * @max_lines, in @area, in the colour of @widget's style.
 */
void
sec_row_text_layout_snapshot (PangoLayout           *layout,
                              GtkWidget             *widget,
                              guint                  max_lines,
                              GtkSnapshot           *snapshot,
                              const graphene_rect_t *area)
{
  PangoRectangle logical;
  GdkRGBA color;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  align_layout (layout, widget);
  pango_layout_set_width (layout, max_lines > 0 ? (int) area->size.width * PANGO_SCALE : -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  /* gtk_style_context_get_color () is deprecated from GTK 4.10 on, where
   * gtk_widget_get_color () replaces it. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  /* Centred across, as a GtkLabel: only a whole-line text is ever given
   * more width than it asked for; and down, as a GtkLabel's yalign 0.5. */
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (area->origin.x
                                                + (max_lines > 0 ? 0
                                                   : floorf ((area->size.width - logical.width) / 2.f) - logical.x),
                                                area->origin.y
                                                + floorf ((area->size.height - logical.height) / 2.f) - logical.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}
