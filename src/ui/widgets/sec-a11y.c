/* sec-a11y.c: accessible names and focus where the toolkit leaves gaps
 *
 * tests/ui/test-a11y.c walks the window over AT-SPI and presses Tab round
 * it; each function here mends something that walk found.
 */
#define G_LOG_DOMAIN "sec-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "ui/widgets/sec-a11y.h"

GtkWidget *
sec_decorative_icon_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

void
sec_button_fix_accessible_name (GtkButton *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  /* GTK 4.8 sets the button's accessible label to its raw label, which a
   * screen reader then reads before the label widget's own text; without
   * it the name comes from the label widget, underscore removed. Newer GTK
   * sets no such property, so this changes nothing there. */
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* Images that libadwaita and GTK draw inside a row or a drop-down as
 * decoration (the expander's arrow, an entry row's pencil, the drop-down's
 * arrow) have no name; what they show, the row already says (its
 * expanded state, that it can be edited). */
static const char * const decoration_classes[] = {
  "expander-row-arrow", "edit-icon", "indicator", "dropdown-arrow", "icon",
};

static gboolean
is_decoration (GtkWidget *widget)
{
  if (!GTK_IS_IMAGE (widget))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (decoration_classes); i++)
    if (gtk_widget_has_css_class (widget, decoration_classes[i]))
      return gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) != NULL ||
             gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL;
  /* A page's icon in a view switcher, beside the page's title. */
  return gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) != NULL;
}

/* The text a widget shows: its first label's, mnemonic removed. */
static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = shown_text (child);
      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

static void
mend (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    sec_button_fix_accessible_name (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      /* GTK 4.8 shows a menu button as a button around its button, the
       * outer one without a name. */
      const char *text = shown_text (widget);
      if (text == NULL)
        text = gtk_widget_get_tooltip_text (widget);
      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  else if (GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW) != NULL)
    {
      /* A preferences window's own search field has no name (libadwaita
       * 1.2), nor its text. */
      sec_accessible_set_name (widget, _("Search"));
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_TEXT (child))
          sec_accessible_set_name (child, _("Search"));
    }
  else if (ADW_IS_ENTRY_ROW (widget))
    {
      /* libadwaita 1.7 names an entry row after its title twice ("Name
       * Name"): the title alone, mnemonic removed. */
      g_autoptr(GString) title = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

      if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (widget)))
        g_string_replace (title, "_", "", 0);
      if (title->len > 0)
        sec_accessible_set_name (widget, title->str);
    }
  else if (is_decoration (widget))
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

static void
mend_below (GtkWidget *widget)
{
  mend (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    mend_below (child);
}

static gboolean
on_realize (GSignalInvocationHint *hint,
            guint                  n_values,
            const GValue          *values,
            gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  /* A window's hidden pages are in the accessible tree too, though never
   * realized: when a window is realized, everything in it is mended;
   * what is made later is mended as it is realized. */
  if (GTK_IS_ROOT (widget))
    mend_below (widget);
  else
    mend (widget);
  return TRUE;
}

void
sec_drop_down_set_accessible_name (GtkDropDown *drop_down,
                                   const char  *name)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  sec_accessible_set_name (GTK_WIDGET (drop_down), name);
  /* The drop-down's button is what takes the focus (GTK 4.8): the screen
   * reader announces it, so it needs the name too. */
  button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  if (GTK_IS_BUTTON (button))
    sec_accessible_set_name (button, name);
}

void
sec_list_row_set_passive (GtkWidget *row)
{
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_sensitive (row, FALSE);
  /* style.css: its text not dimmed as an insensitive label's is. */
  gtk_widget_add_css_class (row, "passive");
}

void
sec_accessible_set_name (GtkWidget  *widget,
                         const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  /* GTK 4.8 reads a label and the widgets that label it one after the
   * other ("09:30, 1. Opening 1. Opening"); newer GTK reads only the
   * latter. Without the relation both read @name alone. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
sec_a11y_mend (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  mend_below (widget);
}

void
sec_a11y_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      guint realize = g_signal_lookup ("realize", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (realize, 0, on_realize, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
