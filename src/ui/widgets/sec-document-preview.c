/* sec-document-preview.c: a window showing a document's pages as printed
 *
 * GtkPrintOperation's own preview hands the pages to an external viewer,
 * which the sandbox and many desktops lack: Preview then closed the print
 * dialog and showed nothing. This window draws the pages itself with the
 * page engine (sec_document_render_page ()), the same drawing as the
 * printer and the PDF get, so what is seen is what comes out.
 *
 * One page at a time: Page Up and Page Down (and the buttons) turn the
 * pages, Ctrl+plus and Ctrl+minus zoom, Ctrl+0 fits the page to the
 * window's width again.
 */
#define G_LOG_DOMAIN "sec-document-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/widgets/sec-document-preview.h"

#define ZOOM_STEP 1.25
#define ZOOM_MIN  0.25
#define ZOOM_MAX  4.0
/* Around the page, in pixels. */
#define MARGIN    18

struct _SecDocumentPreview
{
  AdwWindow       parent_instance;

  GtkLabel       *page_label;
  GtkScrolledWindow *scrolled_window;
  GtkDrawingArea *area;

  /* owned */
  SecDocument    *document;

  double          width;   /* of a page, in points */
  double          height;
  guint           n_pages;
  guint           page;
  double          zoom;
  gboolean        fit_width;
};

G_DEFINE_FINAL_TYPE (SecDocumentPreview, sec_document_preview, ADW_TYPE_WINDOW)

/* Helpers */

static void
update_page (SecDocumentPreview *self)
{
  g_autofree char *text = NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  /* Translators: in the print preview's header bar, "Page 2 of 6" */
  text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->page + 1 < self->n_pages);
  /* A new page is read from its top. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
update_size (SecDocumentPreview *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->fit_width || self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->fit_width || self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.fit-width", !self->fit_width);

  if (self->fit_width)
    {
      /* The width follows the window; the height follows the width (in
       * on_area_resize ()). */
      gtk_scrolled_window_set_policy (self->scrolled_window, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_widget_set_halign (GTK_WIDGET (self->area), GTK_ALIGN_FILL);
      gtk_drawing_area_set_content_width (self->area, 1);
    }
  else
    {
      gtk_scrolled_window_set_policy (self->scrolled_window, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
      gtk_widget_set_halign (GTK_WIDGET (self->area), GTK_ALIGN_CENTER);
      gtk_drawing_area_set_content_width (self->area, MAX (1, (int) (self->width * self->zoom + 0.5)));
      gtk_drawing_area_set_content_height (self->area, MAX (1, (int) (self->height * self->zoom + 0.5)));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
set_zoom (SecDocumentPreview *self,
          double              zoom)
{
  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  self->fit_width = FALSE;
  update_size (self);
}

/* Callbacks */

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  SecDocumentPreview *self = user_data;
  double scale = width / self->width;

  /* The paper, then the page on it, in points. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  sec_document_render_page (self->document, cr, self->page, self->width, self->height);
  cairo_restore (cr);
}

static void
on_area_resize (GtkDrawingArea     *area,
                int                 width,
                int                 height,
                SecDocumentPreview *self)
{
  int wanted;

  if (!self->fit_width || width <= 1)
    return;
  self->zoom = width / self->width;
  wanted = (int) (self->height * self->zoom + 0.5);
  if (wanted != gtk_drawing_area_get_content_height (area))
    gtk_drawing_area_set_content_height (area, wanted);
}

/* Actions */

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecDocumentPreview *self = SEC_DOCUMENT_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.next-page"))
    sec_document_preview_set_page (self, self->page + 1 < self->n_pages ? self->page + 1 : self->page);
  else if (g_str_equal (action_name, "preview.previous-page"))
    sec_document_preview_set_page (self, self->page > 0 ? self->page - 1 : 0);
  else if (g_str_equal (action_name, "preview.first-page"))
    sec_document_preview_set_page (self, 0);
  else if (g_str_equal (action_name, "preview.last-page"))
    sec_document_preview_set_page (self, self->n_pages - 1);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecDocumentPreview *self = SEC_DOCUMENT_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    set_zoom (self, self->zoom / ZOOM_STEP);
  else
    {
      self->fit_width = TRUE;
      update_size (self);
    }
}

/* Making the window */

static GtkWidget *
new_button (const char *icon_name,
            const char *tooltip,
            const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

/* Overrides */

static void
sec_document_preview_dispose (GObject *object)
{
  SecDocumentPreview *self = (SecDocumentPreview *) object;

  g_clear_object (&self->document);

  G_OBJECT_CLASS (sec_document_preview_parent_class)->dispose (object);
}

static void
sec_document_preview_class_init (SecDocumentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_document_preview_dispose;

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.last-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.fit-width", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sec_document_preview_init (SecDocumentPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *zoom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->zoom = 1;
  self->fit_width = TRUE;
  self->n_pages = 1;

  gtk_window_set_title (GTK_WINDOW (self), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 860);

  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "numeric");
  gtk_box_append (GTK_BOX (pages), new_button ("go-up-symbolic", _("Previous page (Page Up)"), "preview.previous-page"));
  gtk_box_append (GTK_BOX (pages), GTK_WIDGET (self->page_label));
  gtk_box_append (GTK_BOX (pages), new_button ("go-down-symbolic", _("Next page (Page Down)"), "preview.next-page"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), pages);

  gtk_widget_add_css_class (zoom, "linked");
  gtk_box_append (GTK_BOX (zoom), new_button ("zoom-out-symbolic", _("Zoom out (Ctrl+−)"), "preview.zoom-out"));
  gtk_box_append (GTK_BOX (zoom), new_button ("zoom-fit-best-symbolic", _("Fit to the width (Ctrl+0)"), "preview.fit-width"));
  gtk_box_append (GTK_BOX (zoom), new_button ("zoom-in-symbolic", _("Zoom in (Ctrl++)"), "preview.zoom-in"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), zoom);
  gtk_box_append (GTK_BOX (box), header);

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->area), MARGIN);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->area), MARGIN);
  gtk_widget_set_margin_start (GTK_WIDGET (self->area), MARGIN);
  gtk_widget_set_margin_end (GTK_WIDGET (self->area), MARGIN);
  gtk_widget_set_valign (GTK_WIDGET (self->area), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->area), "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page"), -1);
  gtk_drawing_area_set_draw_func (self->area, draw_page, self, NULL);
  g_signal_connect (self->area, "resize", G_CALLBACK (on_area_resize), self);

  self->scrolled_window = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->scrolled_window), TRUE);
  gtk_scrolled_window_set_child (self->scrolled_window, GTK_WIDGET (self->area));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scrolled_window));
  adw_window_set_content (ADW_WINDOW (self), box);

  /* Caught before the scrolled window, which would scroll by a screen. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Down, 0, "preview.next-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Page_Down, 0, "preview.next-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Up, 0, "preview.previous-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Page_Up, 0, "preview.previous-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Home, GDK_CONTROL_MASK, "preview.first-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_End, GDK_CONTROL_MASK, "preview.last-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_0, GDK_CONTROL_MASK, "preview.fit-width");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_0, GDK_CONTROL_MASK, "preview.fit-width");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Public API */

/**
 * sec_document_preview_new:
 * @parent: (nullable): the window it belongs to
 * @document: the document, laid out in this thread
 * @width: a page's width in points
 * @height: a page's height in points
 *
 * Returns: (transfer none): the preview window, not yet presented
 */
SecDocumentPreview *
sec_document_preview_new (GtkWindow   *parent,
                          SecDocument *document,
                          double       width,
                          double       height)
{
  SecDocumentPreview *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_object_new (SEC_TYPE_DOCUMENT_PREVIEW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  self->width = width;
  self->height = height;
  self->n_pages = MAX (1, sec_document_get_n_pages (document, width, height));
  /* Translators: the print preview's window title, %s is the document's */
  title = g_strdup_printf (_("Preview of %s"), sec_document_get_title (document));
  gtk_window_set_title (GTK_WINDOW (self), title);
  update_size (self);
  update_page (self);
  return self;
}

guint
sec_document_preview_get_n_pages (SecDocumentPreview *self)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT_PREVIEW (self), 0);

  return self->n_pages;
}

guint
sec_document_preview_get_page (SecDocumentPreview *self)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT_PREVIEW (self), 0);

  return self->page;
}

/**
 * sec_document_preview_set_page:
 * @page: from 0; beyond the last, the last
 *
 * Shows @page, from its top.
 */
void
sec_document_preview_set_page (SecDocumentPreview *self,
                               guint               page)
{
  g_return_if_fail (SEC_IS_DOCUMENT_PREVIEW (self));

  self->page = MIN (page, self->n_pages - 1);
  update_page (self);
}

double
sec_document_preview_get_zoom (SecDocumentPreview *self)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT_PREVIEW (self), 1);

  return self->zoom;
}

gboolean
sec_document_preview_get_fit_width (SecDocumentPreview *self)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT_PREVIEW (self), FALSE);

  return self->fit_width;
}
