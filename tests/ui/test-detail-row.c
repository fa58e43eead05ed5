/* test-detail-row.c: a row of a record's page (SecDetailRow, SecTextColumn)
 *
 * Its texts and what hides them, prefixes and suffixes from code and from
 * a .ui file, the selectable value, its width asked for as for no height
 * (never a wrapping label's width for a height: issue 16), and its
 * layout: the texts take the width the buttons leave, wrap there, and
 * the row grows with them.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "ui/widgets/sec-detail-row.h"
#include "ui/widgets/sec-text-column.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define LONG_TEXT "The central objective of the project was to investigate factors that promote " \
                  "or hinder the development of effective anti-corruption policies."

static GtkWidget *
title_box_of (GtkWidget *row)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  sec_test_collect_widgets (row, SEC_TYPE_TEXT_COLUMN, FALSE, boxes);
  g_assert_cmpuint (boxes->len, ==, 1);
  return g_ptr_array_index (boxes, 0);
}

/* The label of the title box with style class @css_class. */
static GtkLabel *
label_of (GtkWidget  *row,
          const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (title_box_of (row)); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, css_class))
      return GTK_LABEL (child);
  g_assert_not_reached ();
}

static GtkWidget *
show_in_list (GtkWidget *row,
              int        width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), width, -1);
  gtk_window_present (GTK_WINDOW (window));
  sec_test_wait_ms (100);
  return window;
}

static void
test_texts (void)
{
  GtkWidget *row = g_object_ref_sink (sec_detail_row_new ("Email", "anna@example.org"));
  GtkWidget *box = title_box_of (row);
  GtkLabel *title = label_of (row, "title");
  GtkLabel *subtitle = label_of (row, "subtitle");

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Email");
  g_assert_cmpstr (gtk_label_get_text (title), ==, "Email");
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (row)), ==, "anna@example.org");
  g_assert_cmpstr (gtk_label_get_text (subtitle), ==, "anna@example.org");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (subtitle)));
  g_assert_true (gtk_widget_has_css_class (box, "title"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title), "title"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (subtitle), "subtitle"));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  /* Plain text, never markup or mnemonics: names come from users. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "<b>R&D</b> _Unit");
  sec_detail_row_set_subtitle (SEC_DETAIL_ROW (row), "<i>x</i> & y");
  g_assert_cmpstr (gtk_label_get_text (title), ==, "<b>R&D</b> _Unit");
  g_assert_cmpstr (gtk_label_get_text (subtitle), ==, "<i>x</i> & y");
  g_assert_false (gtk_label_get_use_markup (title));
  g_assert_false (gtk_label_get_use_underline (title));

  /* An empty text is hidden; NULL reads as "". */
  sec_detail_row_set_subtitle (SEC_DETAIL_ROW (row), NULL);
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (row)), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (subtitle)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (title)));

  /* The value can be made selectable, to copy it. */
  g_assert_false (sec_detail_row_get_subtitle_selectable (SEC_DETAIL_ROW (row)));
  sec_detail_row_set_subtitle_selectable (SEC_DETAIL_ROW (row), TRUE);
  g_assert_true (gtk_label_get_selectable (subtitle));
  g_assert_true (sec_detail_row_get_subtitle_selectable (SEC_DETAIL_ROW (row)));

  /* The title can be cut after some lines (a history entry's old value). */
  g_assert_cmpint (gtk_label_get_lines (title), ==, -1);
  sec_detail_row_set_title_lines (SEC_DETAIL_ROW (row), 3);
  g_assert_cmpint (gtk_label_get_lines (title), ==, 3);
  g_assert_cmpint (gtk_label_get_ellipsize (title), ==, PANGO_ELLIPSIZE_END);
  sec_detail_row_set_title_lines (SEC_DETAIL_ROW (row), 0);
  g_assert_cmpint (gtk_label_get_lines (title), ==, -1);
  g_assert_cmpint (gtk_label_get_ellipsize (title), ==, PANGO_ELLIPSIZE_NONE);

  g_object_unref (row);
}

static void
test_builder (void)
{
  static const char ui[] =
    "<interface>"
    "  <object class='SecDetailRow' id='row'>"
    "    <property name='title'>Status</property>"
    "    <property name='subtitle'>Open</property>"
    "    <child type='prefix'><object class='GtkImage' id='icon'/></child>"
    "    <child type='suffix'><object class='GtkButton' id='first'/></child>"
    "    <child type='suffix'><object class='GtkButton' id='second'/></child>"
    "  </object>"
    "</interface>";
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *row, *icon, *first, *second;
  GtkWidget *box;

  g_type_ensure (SEC_TYPE_DETAIL_ROW);
  builder = gtk_builder_new_from_string (ui, -1);
  row = GTK_WIDGET (gtk_builder_get_object (builder, "row"));
  icon = GTK_WIDGET (gtk_builder_get_object (builder, "icon"));
  first = GTK_WIDGET (gtk_builder_get_object (builder, "first"));
  second = GTK_WIDGET (gtk_builder_get_object (builder, "second"));
  box = title_box_of (row);

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Status");
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (row)), ==, "Open");
  /* The prefix before the texts, the suffixes after, in order, all in
   * the row's header box (as an action row's, for the theme). */
  g_assert_true (gtk_widget_is_ancestor (icon, row));
  g_assert_true (gtk_widget_get_next_sibling (gtk_widget_get_parent (icon)) == box);
  g_assert_true (gtk_widget_get_prev_sibling (gtk_widget_get_parent (first)) == box);
  g_assert_true (gtk_widget_get_next_sibling (first) == second);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (box), "header"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (first), "suffixes"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (icon), "prefixes"));
}

/* A horizontal box asks its children for their width at the height it
 * gives them. A wrapping GtkLabel answers with the width that fits its
 * text in that height, found by laying the text out at width after width
 * (and in one line's height, its whole text's width). The title box
 * answers as for no height. */
static void
test_width_first (void)
{
  GtkWidget *row = sec_detail_row_new ("Description", LONG_TEXT);
  GtkWidget *window = show_in_list (row, 360);
  GtkWidget *box = title_box_of (row);
  GtkWidget *subtitle = GTK_WIDGET (label_of (row, "subtitle"));
  int min_free, nat_free, min_line, nat_line, line_height, label_height, label_min;

  /* Heights of one line each, the smallest (newer GTK warns of less). */
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min_free, &nat_free, NULL, NULL);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, -1, &line_height, NULL, NULL, NULL);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, line_height, &min_line, &nat_line, NULL, NULL);
  g_assert_cmpint (min_line, ==, min_free);
  g_assert_cmpint (nat_line, ==, nat_free);
  /* What a GtkLabel alone answers: its whole text on one line. */
  gtk_widget_measure (subtitle, GTK_ORIENTATION_VERTICAL, -1, &label_height, NULL, NULL, NULL);
  gtk_widget_measure (subtitle, GTK_ORIENTATION_HORIZONTAL, label_height, &label_min, NULL, NULL, NULL);
  g_assert_cmpint (label_min, >, min_free);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_layout (void)
{
  GtkWidget *row = sec_detail_row_new ("Description", LONG_TEXT);
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *title, *subtitle;
  graphene_rect_t box_bounds, button_bounds, title_bounds, subtitle_bounds;
  int narrow_height, wide_height;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), button);
  window = show_in_list (row, 360);
  box = title_box_of (row);
  title = GTK_WIDGET (label_of (row, "title"));
  subtitle = GTK_WIDGET (label_of (row, "subtitle"));

  /* The texts take the width the button leaves, side by side with it. */
  g_assert_true (gtk_widget_compute_bounds (box, row, &box_bounds));
  g_assert_true (gtk_widget_compute_bounds (button, row, &button_bounds));
  g_assert_cmpfloat (box_bounds.size.width, >, 200);
  g_assert_cmpfloat (box_bounds.origin.x + box_bounds.size.width, <=, button_bounds.origin.x);
  g_assert_cmpfloat (button_bounds.origin.x + button_bounds.size.width, <=, gtk_widget_get_width (row));

  /* The title above the value, both as wide as the box. */
  g_assert_true (gtk_widget_compute_bounds (title, box, &title_bounds));
  g_assert_true (gtk_widget_compute_bounds (subtitle, box, &subtitle_bounds));
  g_assert_cmpfloat (title_bounds.origin.y, ==, 0);
  g_assert_cmpfloat (subtitle_bounds.origin.y, >=, title_bounds.size.height);
  g_assert_cmpfloat (subtitle_bounds.size.width, ==, box_bounds.size.width);
  g_assert_cmpfloat (subtitle_bounds.origin.y + subtitle_bounds.size.height, <=, box_bounds.size.height);

  /* The value wraps: narrower, the row is taller. */
  narrow_height = gtk_widget_get_height (row);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, -1);
  sec_test_wait_ms (100);
  wide_height = gtk_widget_get_height (row);
  g_assert_cmpint (narrow_height, >, wide_height);
  g_assert_cmpint (wide_height, >=, 50);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The column alone: children one under the other, @spacing apart, a
 * hidden one taking no room; its width for any height the same. */
static void
test_column (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *column = sec_text_column_new (6);
  GtkWidget *first = gtk_label_new ("First");
  GtkWidget *hidden = gtk_label_new ("Hidden");
  GtkWidget *last = gtk_label_new (LONG_TEXT);
  graphene_rect_t a, b;
  int height, width_free, width_short;

  gtk_label_set_wrap (GTK_LABEL (last), TRUE);
  gtk_widget_set_visible (hidden, FALSE);
  sec_text_column_append (SEC_TEXT_COLUMN (column), first);
  sec_text_column_append (SEC_TEXT_COLUMN (column), hidden);
  sec_text_column_append (SEC_TEXT_COLUMN (column), last);
  g_assert_cmpint (sec_text_column_get_spacing (SEC_TEXT_COLUMN (column)), ==, 6);
  gtk_window_set_child (GTK_WINDOW (window), column);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, -1);
  gtk_window_present (GTK_WINDOW (window));
  sec_test_wait_ms (100);

  g_assert_true (gtk_widget_compute_bounds (first, column, &a));
  g_assert_true (gtk_widget_compute_bounds (last, column, &b));
  g_assert_cmpfloat (b.origin.y, ==, a.origin.y + a.size.height + 6);
  g_assert_cmpfloat (b.size.width, ==, gtk_widget_get_width (column));
  g_assert_cmpfloat (b.size.height, >, a.size.height * 2);
  gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (column), NULL, &height, NULL, NULL);
  g_assert_cmpint (height, ==, (int) (a.size.height + 6 + b.size.height));

  /* For its smallest height (newer GTK warns of a smaller one). */
  gtk_widget_measure (column, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width_free, NULL, NULL);
  gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  gtk_widget_measure (column, GTK_ORIENTATION_HORIZONTAL, height, NULL, &width_short, NULL, NULL);
  g_assert_cmpint (width_short, ==, width_free);

  sec_text_column_set_spacing (SEC_TEXT_COLUMN (column), 0);
  sec_test_wait_ms (50);
  g_assert_true (gtk_widget_compute_bounds (first, column, &a));
  g_assert_true (gtk_widget_compute_bounds (last, column, &b));
  g_assert_cmpfloat (b.origin.y, ==, a.origin.y + a.size.height);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The wrap mode that costs least: at words when every word is short, and
 * within a word as well when one is long (an address still wraps). */
static void
test_wrap_mode (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));
  GtkWidget *row = g_object_ref_sink (sec_detail_row_new ("Website",
                                                          "https://www.example.org/a-very-long-path/to-a-page.html"));
  int min_long, min_short;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  sec_text_column_set_label_text (GTK_LABEL (label), "Civil society organisation · Lithuania", 16);
  g_assert_cmpint (gtk_label_get_wrap_mode (GTK_LABEL (label)), ==, PANGO_WRAP_WORD);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Civil society organisation · Lithuania");
  g_assert_true (gtk_widget_get_visible (label));
  /* "organisation" is 12 characters. */
  sec_text_column_set_label_text (GTK_LABEL (label), "Civil society organisation", 11);
  g_assert_cmpint (gtk_label_get_wrap_mode (GTK_LABEL (label)), ==, PANGO_WRAP_WORD_CHAR);
  sec_text_column_set_label_text (GTK_LABEL (label), "Civil society organisation", 12);
  g_assert_cmpint (gtk_label_get_wrap_mode (GTK_LABEL (label)), ==, PANGO_WRAP_WORD);
  sec_text_column_set_label_text (GTK_LABEL (label), "", 12);
  g_assert_false (gtk_widget_get_visible (label));
  sec_text_column_set_label_text (GTK_LABEL (label), NULL, 12);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "");

  /* A row's long address wraps within itself: its smallest width is not
   * the address's. */
  g_assert_cmpint (gtk_label_get_wrap_mode (label_of (row, "subtitle")), ==, PANGO_WRAP_WORD_CHAR);
  gtk_widget_measure (GTK_WIDGET (label_of (row, "subtitle")), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_long, NULL, NULL, NULL);
  sec_detail_row_set_subtitle (SEC_DETAIL_ROW (row), "A short text");
  g_assert_cmpint (gtk_label_get_wrap_mode (label_of (row, "subtitle")), ==, PANGO_WRAP_WORD);
  gtk_widget_measure (GTK_WIDGET (label_of (row, "subtitle")), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_short, NULL, NULL, NULL);
  g_assert_cmpint (min_long, <, min_short);

  g_object_unref (row);
  g_object_unref (label);
}

int
main (int   argc,
      char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/detail-row/texts", test_texts);
  g_test_add_func ("/detail-row/builder", test_builder);
  g_test_add_func ("/detail-row/width-first", test_width_first);
  g_test_add_func ("/detail-row/layout", test_layout);
  g_test_add_func ("/detail-row/column", test_column);
  g_test_add_func ("/detail-row/wrap-mode", test_wrap_mode);

  return g_test_run ();
}
