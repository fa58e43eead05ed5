/* test-record-row.c: a record as a row of the lists
 *
 * The row draws its texts itself (issue 16): the title from its own
 * layout, the others as SecRowTexts made only when shown. What it shows
 * for each kind of record, what a screen reader is told, its widgets and
 * style classes, its height with a title of one line, two, and more (cut
 * to two), and its texts' places left to right and right to left; and
 * the list pane's spare rows, which a search's new rows are taken from.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "core/base/sec-format.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-privacy.h"
#include "ui/meetings/sec-participant-counts.h"
#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-list-pane-private.h"
#include "ui/records/sec-record-row.h"
#include "ui/widgets/sec-row-text.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define MEETING_DAY "starts-at", "2026-05-04T09:00", "ends-at", "2026-05-04T17:00"

/* The row's text widget showing @text, or NULL. */
static GtkWidget *
find_text (GtkWidget  *row,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (SEC_IS_ROW_TEXT (child));
      if (gtk_widget_get_visible (child) && g_strcmp0 (sec_row_text_get_text (SEC_ROW_TEXT (child)), text) == 0)
        return child;
    }
  return NULL;
}

/* The row's text widgets shown, and made. */
static guint
count_texts (GtkWidget *row,
             gboolean   shown)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    if (!shown || gtk_widget_get_visible (child))
      n++;
  return n;
}

static GtkWidget *
show_row (GtkWidget *window,
          SecRecord *record)
{
  GtkWidget *row = sec_record_row_new ();

  gtk_window_set_child (GTK_WINDOW (window), row);
  sec_record_row_set_record (SEC_RECORD_ROW (row), record);
  return row;
}

static void
assert_row (GtkWidget  *row,
            const char *title,
            const char *badge,
            const char *subtitle,
            const char *trailing,
            const char *label)
{
  g_assert_cmpstr (sec_record_row_get_title (SEC_RECORD_ROW (row)), ==, title);
  g_assert_cmpstr (sec_record_row_get_badge (SEC_RECORD_ROW (row)), ==, badge);
  g_assert_cmpstr (sec_record_row_get_subtitle (SEC_RECORD_ROW (row)), ==, subtitle);
  g_assert_cmpstr (sec_record_row_get_trailing (SEC_RECORD_ROW (row)), ==, trailing);
  /* A text is shown when it is not empty; the title is the row's own. */
  g_assert_cmpuint (count_texts (row, TRUE), ==, (badge[0] != '\0') + (subtitle[0] != '\0') + (trailing[0] != '\0'));
  g_assert_true (badge[0] == '\0' || find_text (row, badge) != NULL);
  g_assert_true (subtitle[0] == '\0' || find_text (row, subtitle) != NULL);
  g_assert_true (trailing[0] == '\0' || find_text (row, trailing) != NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

static void
test_texts (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-record-row-XXXXXX");
  SecStore *store = sec_test_open_store (dir, "test.db", NULL);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(SecRecord) meeting = sec_test_make (store, SEC_TYPE_MEETING, "title", "Plenary",
                                                "starts-at", "2026-05-04T09:00", "ends-at", "2026-05-05T17:00",
                                                "status", "cancelled", NULL);
  g_autoptr(SecRecord) organisation = sec_test_make (store, SEC_TYPE_ORGANISATION, "name", "Europol",
                                                     "acronym", "EUROPOL", "country", "NL", NULL);
  g_autoptr(SecRecord) anna = sec_test_make (store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Alt", NULL);
  g_autoptr(SecRecord) ben = sec_test_make (store, SEC_TYPE_PERSON, "given-name", "Ben", "family-name", "Berg",
                                            "lawful-basis", "consent", "restricted", "yes", NULL);
  g_autoptr(SecRecord) body = sec_test_make (store, SEC_TYPE_BODY, "name", "Platform of rapporteurs",
                                             "acronym", "PF", NULL);
  g_autofree char *taking_part = sec_participant_counts_format_taking_part (0);
  g_autofree char *period = sec_format_period ("2026-05-04T09:00", "2026-05-05T17:00");
  g_autofree char *meeting_label = g_strdup_printf ("Plenary, Cancelled, %s, %s", period, taking_part);
  GtkWidget *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 100);
  gtk_window_present (GTK_WINDOW (window));

  row = show_row (window, meeting);
  assert_row (row, "Plenary", "Cancelled", period, taking_part, meeting_label);
  /* The title is drawn in the row's own style. */
  g_assert_true (gtk_widget_has_css_class (row, "heading"));
  g_assert_false (gtk_widget_has_css_class (row, "dim-label"));
  g_assert_true (gtk_widget_has_css_class (find_text (row, "Cancelled"), "caption-heading"));
  g_assert_true (gtk_widget_has_css_class (find_text (row, "Cancelled"), "error"));
  g_assert_true (gtk_widget_has_css_class (find_text (row, period), "caption"));
  g_assert_true (gtk_widget_has_css_class (find_text (row, period), "dim-label"));
  g_assert_true (gtk_widget_has_css_class (find_text (row, taking_part), "caption"));
  g_assert_true (gtk_widget_has_css_class (find_text (row, taking_part), "dim-label"));

  /* The same row bound again, as the list recycles it: nothing of the
   * meeting is left. */
  sec_record_row_set_record (SEC_RECORD_ROW (row), organisation);
  assert_row (row, "Europol", "", "EUROPOL · Netherlands · Civil society organisation", "",
              "Europol, EUROPOL · Netherlands · Civil society organisation");

  sec_record_row_set_record (SEC_RECORD_ROW (row), anna);
  assert_row (row, "Anna Alt", "No lawful basis", "", "", "Anna Alt, No lawful basis");
  g_assert_true (gtk_widget_has_css_class (find_text (row, "No lawful basis"), "warning"));
  g_assert_false (gtk_widget_has_css_class (find_text (row, "No lawful basis"), "error"));
  sec_record_row_set_record (SEC_RECORD_ROW (row), ben);
  assert_row (row, "Ben Berg", "Restricted", "", "", "Ben Berg, Restricted");
  g_assert_false (gtk_widget_has_css_class (find_text (row, "Restricted"), "warning"));
  g_assert_true (gtk_widget_has_css_class (find_text (row, "Restricted"), "dim-label"));

  g_assert_true (sec_store_erase_person (store, sec_record_get_id (anna), NULL));
  g_clear_object (&anna);
  anna = sec_store_get (store, SEC_TYPE_PERSON, sec_record_get_id (ben) - 1, NULL);
  sec_record_row_set_record (SEC_RECORD_ROW (row), anna);
  g_assert_cmpstr (sec_record_row_get_title (SEC_RECORD_ROW (row)), ==, "Erased person");
  /* A placeholder: the whole row dim (its second line, dim already, not
   * twice). */
  g_assert_true (gtk_widget_has_css_class (row, "dim-label"));
  sec_test_assert_contains (sec_record_row_get_subtitle (SEC_RECORD_ROW (row)), "Personal data erased on");
  g_assert_false (gtk_widget_has_css_class (find_text (row, sec_record_row_get_subtitle (SEC_RECORD_ROW (row))),
                                            "dim-label"));
  sec_record_row_set_record (SEC_RECORD_ROW (row), body);
  g_assert_false (gtk_widget_has_css_class (row, "dim-label"));
  g_assert_true (gtk_widget_has_css_class (find_text (row, "PF"), "dim-label"));
  assert_row (row, "Platform of rapporteurs", "", "PF", "0 members", "Platform of rapporteurs, PF, 0 members");

  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_close_store (store, dir);
}

/* A row makes a widget only for a text that has a style of its own and
 * is shown: a person's row (no badge, no trailing text) is one text
 * widget beside the row, which draws the title; a meeting's makes the
 * badge and the trailing text, kept (hidden) when bound again to a person. */
static void
test_widgets (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-record-row-XXXXXX");
  SecStore *store = sec_test_open_store (dir, "test.db", NULL);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(SecRecord) person = sec_test_make (store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Alt",
                                               "lawful-basis", "consent", "email", "anna@example.org", NULL);
  g_autoptr(SecRecord) meeting = sec_test_make (store, SEC_TYPE_MEETING, "title", "Plenary",
                                                MEETING_DAY, "status", "cancelled", NULL);
  GtkWidget *row = show_row (window, person);

  gtk_window_present (GTK_WINDOW (window));
  sec_test_wait_ms (50);
  g_assert_cmpuint (count_texts (row, FALSE), ==, 1);
  assert_row (row, "Anna Alt", "", "anna@example.org", "", "Anna Alt, anna@example.org");
  g_assert_true (gtk_widget_get_mapped (find_text (row, "anna@example.org")));

  sec_record_row_set_record (SEC_RECORD_ROW (row), meeting);
  g_assert_cmpuint (count_texts (row, FALSE), ==, 3);
  g_assert_cmpuint (count_texts (row, TRUE), ==, 3);
  sec_record_row_set_record (SEC_RECORD_ROW (row), person);
  g_assert_cmpuint (count_texts (row, FALSE), ==, 3);
  assert_row (row, "Anna Alt", "", "anna@example.org", "", "Anna Alt, anna@example.org");

  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_close_store (store, dir);
}

/* Every kind of the demo database gives its rows a title, and the
 * accessible label reads the texts shown. */
static void
test_demo_kinds (void)
{
  const GType kinds[] = {
    SEC_TYPE_MEETING, SEC_TYPE_ORGANISATION, SEC_TYPE_PERSON, SEC_TYPE_BODY, SEC_TYPE_CALL,
    SEC_TYPE_STATEMENT, SEC_TYPE_FUNDING_CALL, SEC_TYPE_PROJECT, SEC_TYPE_PROGRAMME,
  };
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-record-row-XXXXXX");
  SecStore *store = sec_test_open_demo (dir, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = show_row (window, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) records = sec_store_list (store, kinds[k], NULL, NULL);

      g_assert_nonnull (records);
      g_assert_cmpuint (records->len, >, 0);
      for (guint i = 0; i < MIN (records->len, 20); i++)
        {
          const char *texts[4];
          g_autoptr(GString) label = g_string_new (NULL);

          sec_record_row_set_record (SEC_RECORD_ROW (row), g_ptr_array_index (records, i));
          texts[0] = sec_record_row_get_title (SEC_RECORD_ROW (row));
          texts[1] = sec_record_row_get_badge (SEC_RECORD_ROW (row));
          texts[2] = sec_record_row_get_subtitle (SEC_RECORD_ROW (row));
          texts[3] = sec_record_row_get_trailing (SEC_RECORD_ROW (row));
          g_assert_cmpstr (texts[0], !=, "");
          for (guint t = 0; t < 4; t++)
            if (texts[t][0] != '\0')
              g_string_append_printf (label, "%s%s", label->len > 0 ? ", " : "", texts[t]);
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_close_store (store, dir);
}

static int
measure_height (GtkWidget *row,
                int        width)
{
  int height;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

/* The first line of text drawn in @node, whose origin is at @x, @y: its
 * start (the pen's position) and its bounds (a pixel or two more than
 * its glyphs). The title's first line: the row draws it first. */
static gboolean
find_first_text (GskRenderNode    *node,
                 float             x,
                 float             y,
                 graphene_point_t *start,
                 graphene_rect_t  *bounds)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      gsk_render_node_get_bounds (node, bounds);
      bounds->origin.x += x;
      bounds->origin.y += y;
      *start = GRAPHENE_POINT_INIT (gsk_text_node_get_offset (node)->x + x,
                                    gsk_text_node_get_offset (node)->y + y);
      return TRUE;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (find_first_text (gsk_container_node_get_child (node, i), x, y, start, bounds))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      {
        float dx = 0, dy = 0;

        gsk_transform_to_translate (gsk_transform_node_get_transform (node), &dx, &dy);
        return find_first_text (gsk_transform_node_get_child (node), x + dx, y + dy, start, bounds);
      }
    case GSK_OPACITY_NODE:
      return find_first_text (gsk_opacity_node_get_child (node), x, y, start, bounds);
    default:
      return FALSE;
    }
}

/* Where the row's title's first line is drawn, in the row's coordinates. */
static void
get_title_line (GtkWidget        *row,
                graphene_point_t *start,
                graphene_rect_t  *bounds)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (row), gtk_widget_get_height (row));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (find_first_text (node, 0, 0, start, bounds));
}

/* A title wraps onto a second line, never a third; the badge keeps its
 * width; the texts swap sides right to left. */
static void
test_layout (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-record-row-XXXXXX");
  SecStore *store = sec_test_open_store (dir, "test.db", NULL);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(SecRecord) shorter = sec_test_make (store, SEC_TYPE_MEETING, "title", "Plenary",
                                                MEETING_DAY, "status", "cancelled", NULL);
  g_autoptr(SecRecord) longer = sec_test_make (store, SEC_TYPE_MEETING, "title",
                                               "Joint meeting of the working groups on migration and asylum",
                                               MEETING_DAY, "status", "cancelled", NULL);
  g_autoptr(SecRecord) longest = sec_test_make (store, SEC_TYPE_MEETING, "title",
                                                "Joint meeting of the working groups on migration, asylum, "
                                                "borders, visas, integration, return and readmission, "
                                                "with the national contact points and the agencies",
                                                MEETING_DAY, "status", "cancelled", NULL);
  GtkWidget *row = show_row (window, shorter);
  int one_line, two_lines, line;
  graphene_rect_t title, badge, subtitle;
  graphene_point_t start;

  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_present (GTK_WINDOW (window));
  sec_test_wait_ms (50);

  one_line = measure_height (row, 300);
  /* Two lines of text, 3 px between, 6 px above and below: at least. */
  g_assert_cmpint (one_line, >=, 2 * 8 + 3 + 12);
  sec_record_row_set_record (SEC_RECORD_ROW (row), longer);
  two_lines = measure_height (row, 300);
  line = two_lines - one_line;
  g_assert_cmpint (line, >, 8);
  g_assert_cmpint (line, <, one_line);
  /* Wide enough for the title on one line. */
  g_assert_cmpint (measure_height (row, 2000), ==, one_line);
  sec_record_row_set_record (SEC_RECORD_ROW (row), longest);
  g_assert_cmpint (measure_height (row, 300), ==, two_lines);

  /* Drawn: the title at the start (its two lines filled, the second
   * ended with "…"), the badge at the end, both at the top; the second
   * line under the first. */
  sec_test_wait_ms (50);
  get_title_line (row, &start, &title);
  g_assert_true (gtk_widget_compute_bounds (find_text (row, "Cancelled"), row, &badge));
  g_assert_true (gtk_widget_compute_bounds (find_text (row, sec_record_row_get_subtitle (SEC_RECORD_ROW (row))),
                                            row, &subtitle));
  g_assert_cmpfloat (start.x, ==, 3);
  g_assert_cmpfloat (title.origin.y, >=, 6);
  /* Two lines of title above the second line. */
  g_assert_cmpfloat (title.origin.y + 2 * title.size.height, <=, subtitle.origin.y + 4);
  g_assert_cmpfloat (badge.origin.y, ==, 6);
  g_assert_cmpfloat (badge.origin.x + badge.size.width, ==, gtk_widget_get_width (row) - 3);
  g_assert_cmpfloat (title.origin.x + title.size.width, <=, badge.origin.x - 12 + 2);
  g_assert_cmpfloat (badge.size.height, <, title.size.height);
  g_assert_cmpfloat (subtitle.origin.x, ==, 3);
  g_assert_cmpfloat (subtitle.origin.y, ==, two_lines - 6 - subtitle.size.height);

  gtk_widget_set_direction (row, GTK_TEXT_DIR_RTL);
  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_direction (child, GTK_TEXT_DIR_RTL);
  sec_test_wait_ms (50);
  get_title_line (row, &start, &title);
  g_assert_true (gtk_widget_compute_bounds (find_text (row, "Cancelled"), row, &badge));
  g_assert_cmpfloat (badge.origin.x, ==, 3);
  /* In the space the badge leaves, mirrored (this English text, read
   * left to right, starts at its left, as a GtkLabel's would). */
  g_assert_cmpfloat (start.x, ==, 3 + badge.size.width + 12);
  g_assert_cmpfloat (title.origin.x + title.size.width, <=, gtk_widget_get_width (row) - 3 + 2);

  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_close_store (store, dir);
}

/* The rows of @pane with a record, as a set. */
static GHashTable *
collect_rows (GtkWidget *pane)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GHashTable *set = g_hash_table_new (NULL, NULL);

  sec_test_collect_widgets (pane, SEC_TYPE_RECORD_ROW, TRUE, rows);
  for (guint i = 0; i < rows->len; i++)
    if (sec_record_row_get_record (rows->pdata[i]) != NULL)
      g_hash_table_add (set, rows->pdata[i]);
  return set;
}

/* Waits until the list of @self has @n rows (a search's results). */
static void
wait_for_n_items (SecListPane *self,
                  guint        n)
{
  GListModel *list = G_LIST_MODEL (sec_list_pane_get_list (self));
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((g_list_model_get_n_items (list) != n || sec_record_list_is_replacing (SEC_RECORD_LIST (list))) &&
         g_get_monotonic_time () < end)
    sec_test_wait_ms (20);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
}

/* A search that replaces every row of the list takes its rows from the
 * spare ones made ahead, and keeps the rows it let go as spare ones: it
 * makes no row and destroys none (issue 16: that was most of a
 * keystroke's frame). */
static void
test_spare_rows (void)
{
  const char *const families[] = { "Alpha", "Beta" };
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-record-row-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "people.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) spare = g_hash_table_new (NULL, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane;
  SecListPane *self;
  GHashTableIter iter;
  gpointer row;
  gint64 end;

  if (gtk_get_minor_version () >= 12)
    {
      g_test_skip ("GTK 4.12 and later keep their list items' widgets themselves");
      gtk_window_destroy (GTK_WINDOW (window));
      sec_test_remove_tree (dir);
      return;
    }
  sec_test_make_c_locale_people (path, 600, families, G_N_ELEMENTS (families));
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  pane = sec_list_pane_new (store, SEC_TYPE_PERSON, NULL, "avatar-default-symbolic", "No People", "", "New Person");
  self = SEC_LIST_PANE (pane);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 800);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));

  /* A list never searched keeps no spare rows, even when its rows are
   * replaced (a search set from code, then cleared, as a section's state
   * put back would). */
  sec_test_wait_ms (300);
  g_assert_cmpuint (self->rows_in_use, >, 100);
  sec_list_pane_set_search (self, "alpha");
  wait_for_n_items (self, 300);
  sec_test_wait_ms (100);
  g_assert_cmpuint (_sec_list_pane_get_spare_rows (self)->len, ==, 0);
  sec_list_pane_set_search (self, "");
  wait_for_n_items (self, 600);
  sec_test_wait_ms (100);
  g_assert_cmpuint (_sec_list_pane_get_spare_rows (self)->len, ==, 0);

  /* A search typed: as many spare rows as rows in use are made while it
   * waits and while nothing else runs. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "b");
  wait_for_n_items (self, 300);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (_sec_list_pane_get_spare_rows (self)->len < MIN (self->rows_in_use, 210) && g_get_monotonic_time () < end)
    sec_test_wait_ms (20);
  before = collect_rows (pane);
  g_assert_cmpuint (g_hash_table_size (before), ==, self->rows_in_use);
  g_assert_cmpuint (_sec_list_pane_get_spare_rows (self)->len, >=, MIN (self->rows_in_use, 210));
  for (guint i = 0; i < _sec_list_pane_get_spare_rows (self)->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (_sec_list_pane_get_spare_rows (self), i);

      g_assert_null (gtk_widget_get_parent (widget));
      g_assert_null (sec_record_row_get_record (SEC_RECORD_ROW (widget)));
      g_hash_table_add (spare, widget);
    }

  /* Another search replaces every row (the records are new objects). */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "alpha");
  wait_for_n_items (self, 300);
  sec_test_wait_ms (100);
  after = collect_rows (pane);

  /* The rows in use and the spare ones are the same widgets as before:
   * none made, none destroyed. */
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      g_assert_cmpstr (sec_record_get_string (sec_record_row_get_record (row), "family-name"), ==, "Alpha");
      g_assert_true (g_hash_table_contains (spare, row) || g_hash_table_contains (before, row));
    }
  for (guint i = 0; i < _sec_list_pane_get_spare_rows (self)->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (_sec_list_pane_get_spare_rows (self), i);

      g_assert_true (g_hash_table_contains (spare, widget) || g_hash_table_contains (before, widget));
      g_assert_false (g_hash_table_contains (after, widget));
      g_assert_null (gtk_widget_get_parent (widget));
      g_assert_null (sec_record_row_get_record (SEC_RECORD_ROW (widget)));
    }
  g_assert_cmpuint (g_hash_table_size (after) + _sec_list_pane_get_spare_rows (self)->len, ==,
                    g_hash_table_size (before) + g_hash_table_size (spare));

  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_iterate ();
  sec_test_close_store (g_steal_pointer (&store), dir);
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

  g_test_add_func ("/record-row/texts", test_texts);
  g_test_add_func ("/record-row/widgets", test_widgets);
  g_test_add_func ("/record-row/demo-kinds", test_demo_kinds);
  g_test_add_func ("/record-row/layout", test_layout);
  g_test_add_func ("/record-row/spare-rows", test_spare_rows);

  return g_test_run ();
}
