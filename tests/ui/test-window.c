/* test-window.c: the main window's lists on the demo database: its
 * sections, their rows, the search, the filters, the panes of hidden
 * sections and the empty states
 *
 * The window is made as sec-test-window.h says; the window around its
 * records (opening, deleting, creating, the narrow layout, the settings
 * and the application) is in test-window-records.c. Both programs' tests
 * are under /window/.
 */
#include "config.h"

#include <adwaita.h>

#include "core/base/sec-format.h"
#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-record-page.h"
#include "ui/records/sec-record-row.h"
#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "ui/shell/sec-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"
#include "sec-test-window.h"

/* Tests */

typedef struct {
  const char *section;
  const char *kind;
  int         when;   /* 1 upcoming, -1 past */
} SectionCase;

static const SectionCase section_cases[] = {
  { "meetings", "meeting", 1 },
  { "past-meetings", "meeting", -1 },
  { "organisations", "organisation", 0 },
  { "people", "person", 0 },
  { "bodies", "body", 0 },
  { "calls", "call", 0 },
  { "statements", "statement", 0 },
};

static void
test_sections (SecTestWindow *f,
               gconstpointer  data)
{
  g_autofree char *today = sec_today ();

  for (guint i = 0; i < G_N_ELEMENTS (section_cases); i++)
    {
      const SectionCase *c = &section_cases[i];
      GType kind = sec_record_kind_lookup (c->kind);
      g_autoptr(SecQuery) query = sec_query_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      SecListPane *pane;
      gint64 expected;
      guint n;

      sec_test_activate (f, "win.section", g_variant_new_string (c->section));
      sec_test_wait_ms (50);
      g_assert_cmpstr (sec_window_get_section (f->window), ==, c->section);

      if (c->when > 0)
        sec_query_add (query, "starts-at", SEC_QUERY_AT_LEAST, today);
      else if (c->when < 0)
        sec_query_add (query, "starts-at", SEC_QUERY_BEFORE, today);
      expected = sec_store_count (f->store, kind, query, &error);
      g_assert_no_error (error);
      g_assert_cmpint (expected, >, 0);

      pane = sec_window_get_list_pane (f->window, c->section);
      n = g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (pane)));
      g_test_message ("%s: %u listed, %" G_GINT64_FORMAT " in the store", c->section, n, expected);
      g_assert_cmpint (n, ==, expected);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pane)));

      /* The first record is selected and shown. */
      g_assert_nonnull (sec_window_get_record (f->window));
      g_assert_true (sec_window_get_record (f->window) == sec_list_pane_get_selected_record (pane));

      /* Rows show names, never empty or raw values. */
      sec_test_collect_widgets (GTK_WIDGET (pane), SEC_TYPE_RECORD_ROW, FALSE, rows);
      g_assert_cmpuint (rows->len, >, 0);
      for (guint r = 0; r < rows->len; r++)
        {
          SecRecordRow *row = g_ptr_array_index (rows, r);
          if (sec_record_row_get_record (row) == NULL)
            continue;
          g_assert_cmpstr (sec_record_row_get_title (row), !=, "");
        }
    }
}

static void
test_rows (SecTestWindow *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean checked = FALSE;
  SecListPane *pane;

  sec_test_activate (f, "win.section", g_variant_new_string ("organisations"));
  pane = sec_window_get_list_pane (f->window, "organisations");
  sec_list_pane_set_search (pane, "lodz");
  sec_test_wait_ms (50);

  sec_test_collect_widgets (GTK_WIDGET (pane), SEC_TYPE_RECORD_ROW, FALSE, rows);
  for (guint r = 0; r < rows->len; r++)
    {
      SecRecordRow *row = g_ptr_array_index (rows, r);
      SecRecord *record = sec_record_row_get_record (row);

      if (record == NULL || g_strcmp0 (sec_record_get_string (record, "country"), "PL") != 0)
        continue;
      /* The country by name, the kind by its label: no codes or nicks. */
      g_assert_nonnull (strstr (sec_record_row_get_subtitle (row), "Poland"));
      g_assert_nonnull (strstr (sec_record_row_get_subtitle (row), "Civil society organisation"));
      g_assert_null (strstr (sec_record_row_get_subtitle (row), "civil-society"));
      checked = TRUE;
    }
  g_assert_true (checked);
}

typedef struct {
  SecRecordList *list;
  guint          n;
} ListCount;

static gboolean
list_has_n_items (gpointer data)
{
  ListCount *c = data;

  return g_list_model_get_n_items (G_LIST_MODEL (c->list)) == c->n;
}

/* After the window's handler: whether the detail pane left a search's new
 * selection for a later frame, drawing nothing meanwhile (@data: counts of
 * the changes and of those). */
static void
on_selected_record (SecListPane *pane,
                    GParamSpec  *pspec,
                    guint        counts[2])
{
  SecRecordPage *page = SEC_RECORD_PAGE (sec_test_find_widget (gtk_widget_get_ancestor (GTK_WIDGET (pane), SEC_TYPE_WINDOW),
                                                               SEC_TYPE_RECORD_PAGE));

  counts[0]++;
  counts[1] += sec_record_page_is_pending (page) && gtk_widget_get_opacity (gtk_widget_get_first_child (GTK_WIDGET (page))) == 0;
}

static void
test_search (SecTestWindow *f,
             gconstpointer  data)
{
  guint counts[2] = { 0, 0 };
  SecListPane *pane;
  GtkWidget *entry;
  SecRecordList *list;
  g_autoptr(SecRecord) first = NULL;
  guint all;
  ListCount count;

  sec_test_activate (f, "win.section", g_variant_new_string ("organisations"));
  pane = sec_window_get_list_pane (f->window, "organisations");
  list = sec_list_pane_get_list (pane);
  all = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (all, >, 1);

  /* Ctrl+F's action focuses the search entry. */
  sec_test_activate (f, "win.search", NULL);
  entry = sec_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_focus (entry) || gtk_widget_has_focus (gtk_widget_get_focus_child (entry) ?
                                                                      gtk_widget_get_focus_child (entry) : entry));

  /* Typing searches after a short delay; accents and case fold. */
  g_signal_connect (pane, "notify::selected-record", G_CALLBACK (on_selected_record), counts);
  gtk_editable_set_text (GTK_EDITABLE (entry), "lodz");
  count.list = list;
  count.n = 1;
  g_assert_true (sec_test_wait_for (list_has_n_items, &count));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_nonnull (strstr (sec_record_get_string (first, "name"), "Łódź"));
  g_assert_true (sec_window_get_record (f->window) == sec_list_pane_get_selected_record (pane));
  /* The detail pane shows it a frame later, nothing before. */
  g_assert_cmpuint (counts[0], >, 0);
  g_assert_cmpuint (counts[1], ==, counts[0]);
  sec_test_wait_for_record_page (GTK_WIDGET (f->window));
  g_assert_cmpint (sec_record_get_id (sec_record_page_get_record (SEC_RECORD_PAGE (sec_test_find_widget (GTK_WIDGET (f->window), SEC_TYPE_RECORD_PAGE)))),
                   ==, sec_record_get_id (first));
  g_signal_handlers_disconnect_by_data (pane, counts);

  /* Nothing found: the list is empty; clearing brings everything back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such organisation anywhere");
  count.n = 0;
  g_assert_true (sec_test_wait_for (list_has_n_items, &count));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  count.n = all;
  g_assert_true (sec_test_wait_for (list_has_n_items, &count));
}

typedef struct {
  SecRecordList *list;
  const char    *search;
} ListSearch;

static gboolean
list_has_search (gpointer data)
{
  ListSearch *ls = data;
  const char *search = sec_query_get_search (sec_record_list_get_query (ls->list));

  return !sec_record_list_is_loading (ls->list) && g_strcmp0 (search, ls->search) == 0;
}

/* A search read in the background (as on a large file) whose first row is
 * the selected record keeps that row's object and its widget (GTK 4.8
 * destroyed and made every row again), and the selection and the record
 * shown stay the same objects. */
static void
test_search_keeps_rows (SecTestWindow *f,
                        gconstpointer  data)
{
  SecListPane *pane;
  GtkWidget *entry;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GtkWidget) row = NULL;
  SecRecord *selected;
  ListSearch ls;
  guint all;

  sec_record_list_set_background_min_rows (0);
  sec_test_activate (f, "win.section", g_variant_new_string ("people"));
  pane = sec_window_get_list_pane (f->window, "people");
  ls.list = sec_list_pane_get_list (pane);
  all = g_list_model_get_n_items (G_LIST_MODEL (ls.list));
  entry = sec_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
  sec_test_wait_ms (100);
  selected = sec_list_pane_get_selected_record (pane);
  g_assert_nonnull (selected);
  g_assert_true (sec_window_get_record (f->window) == selected);
  sec_test_collect_widgets (GTK_WIDGET (pane), SEC_TYPE_RECORD_ROW, FALSE, rows);
  for (guint i = 0; i < rows->len && row == NULL; i++)
    if (sec_record_row_get_record (rows->pdata[i]) == selected)
      row = g_object_ref (rows->pdata[i]);
  g_assert_nonnull (row);

  /* Its family name: fewer people, the first one the same. */
  ls.search = sec_record_get_string (selected, "family-name");
  g_assert_nonnull (ls.search);
  gtk_editable_set_text (GTK_EDITABLE (entry), ls.search);
  g_assert_true (sec_test_wait_for (list_has_search, &ls));
  sec_test_wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ls.list)), <, all);
  g_assert_true (sec_list_pane_get_selected_record (pane) == selected);
  g_assert_true (sec_window_get_record (f->window) == selected);
  g_assert_nonnull (gtk_widget_get_parent (row));
  g_assert_true (sec_record_row_get_record (SEC_RECORD_ROW (row)) == selected);
  sec_record_list_set_background_min_rows (20000);
}

/* (transfer none): the list of @pane's records (its filters' drop-downs
 * have list views too, unmapped) */
static GtkWidget *
find_record_list_view (SecListPane *pane)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (pane), GTK_TYPE_LIST_VIEW, FALSE, views);
  for (guint i = 0; i < views->len; i++)
    if (gtk_widget_get_mapped (views->pdata[i]))
      return views->pdata[i];
  return NULL;
}

/* Whether the row of @id shows within the list's viewport, whole. */
static gboolean
row_is_in_view (SecListPane *pane,
                gint64       id)
{
  GtkWidget *view = find_record_list_view (pane);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  sec_test_collect_widgets (view, SEC_TYPE_RECORD_ROW, FALSE, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      SecRecord *record = sec_record_row_get_record (rows->pdata[i]);
      graphene_rect_t bounds;

      if (record == NULL || sec_record_get_id (record) != id ||
          !gtk_widget_get_mapped (rows->pdata[i]) ||
          !gtk_widget_compute_bounds (rows->pdata[i], view, &bounds))
        continue;
      g_test_message ("row of %" G_GINT64_FORMAT " at %.0f-%.0f of %d", id,
                      bounds.origin.y, bounds.origin.y + bounds.size.height,
                      gtk_widget_get_height (view));
      return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (view);
    }
  return FALSE;
}

/* A person chosen among a search's results stays in view when the search
 * is cleared (Escape, or the field emptied): the whole list comes back
 * scrolled to the person's row, not to its first one; the keyboard stays
 * in the search. Read at once (a small file) and in the background (a
 * large one), which replace the rows in different ways. A reload keeps
 * the row in view too, unless the user had scrolled away from it; a
 * search typed shows its results from the top. */
static void
test_search_cleared_keeps_selection_in_view (SecTestWindow *f,
                                             gconstpointer  data)
{
  SecListPane *pane;
  GtkWidget *entry, *view;
  GtkAdjustment *adjustment;
  gint64 selected;
  ListSearch ls;
  guint all;

  sec_test_activate (f, "win.section", g_variant_new_string ("people"));
  pane = sec_window_get_list_pane (f->window, "people");
  ls.list = sec_list_pane_get_list (pane);
  all = g_list_model_get_n_items (G_LIST_MODEL (ls.list));
  entry = sec_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
  view = find_record_list_view (pane);
  g_assert_nonnull (view);
  g_assert_cmpuint (all, >, 40);
  sec_test_wait_ms (100);
  g_assert_cmpint (gtk_widget_get_height (view), >, 0);

  for (guint background = 0; background < 2; background++)
    {
      /* Far down the list, with different people either side. */
      guint position = background ? all - 5 : all * 2 / 3;
      g_autoptr(SecRecord) person = g_list_model_get_item (G_LIST_MODEL (ls.list), position);
      gint64 id = sec_record_get_id (person);
      guint found = GTK_INVALID_LIST_POSITION;

      sec_record_list_set_background_min_rows (background ? 0 : 20000);
      g_assert_false (row_is_in_view (pane, id));

      /* Searched for by family name, chosen with a click. */
      sec_list_pane_focus_search (pane);
      ls.search = sec_record_get_string (person, "family-name");
      gtk_editable_set_text (GTK_EDITABLE (entry), ls.search);
      g_assert_true (sec_test_wait_for (list_has_search, &ls));
      sec_test_wait_ms (50);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ls.list)); i++)
        {
          g_autoptr(SecRecord) r = g_list_model_get_item (G_LIST_MODEL (ls.list), i);
          if (sec_record_get_id (r) == id)
            found = i;
        }
      g_assert_cmpuint (found, !=, GTK_INVALID_LIST_POSITION);
      g_assert_true (gtk_widget_activate_action (view, "list.select-item", "(ubb)", found, FALSE, FALSE));
      sec_test_wait_ms (50);
      g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, id);

      /* Back in the search, cleared: Escape the first time, the field
       * emptied the second. */
      sec_list_pane_focus_search (pane);
      ls.search = NULL;
      if (background)
        gtk_editable_set_text (GTK_EDITABLE (entry), "");
      else
        g_signal_emit_by_name (entry, "stop-search");
      g_assert_true (sec_test_wait_for (list_has_search, &ls));
      sec_test_wait_ms (100);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ls.list)), ==, all);
      g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, id);
      g_assert_true (row_is_in_view (pane, id));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
    }
  sec_record_list_set_background_min_rows (20000);

  /* A reload (a change in the store) keeps the selected row in view; one
   * the user scrolled away from stays away. */
  selected = sec_record_get_id (sec_list_pane_get_selected_record (pane));
  sec_record_list_reload (ls.list);
  sec_test_wait_ms (100);
  g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, selected);
  g_assert_true (row_is_in_view (pane, selected));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_adjustment_set_value (adjustment, 0);
  sec_test_wait_ms (100);
  g_assert_false (row_is_in_view (pane, selected));
  sec_record_list_reload (ls.list);
  sec_test_wait_ms (100);
  g_assert_false (row_is_in_view (pane, selected));

  /* A search typed while the selected row shows lists its results from
   * the top, as it always did, even when they include that row. */
  g_assert_true (gtk_widget_activate_action (view, "list.scroll-to-item", "u",
                                             (guint) sec_record_list_find (ls.list, selected)));
  sec_test_wait_ms (100);
  g_assert_true (row_is_in_view (pane, selected));
  ls.search = "example";
  gtk_editable_set_text (GTK_EDITABLE (entry), ls.search);
  g_assert_true (sec_test_wait_for (list_has_search, &ls));
  sec_test_wait_ms (100);
  g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, selected);
  g_assert_cmpint (sec_record_list_find (ls.list, selected), >, 20);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static void
test_filters (SecTestWindow *f,
              gconstpointer  data)
{
  SecListPane *pane;
  SecRecordList *list;
  g_autoptr(SecRecord) platform = sec_test_find_record (f->store, SEC_TYPE_BODY, "acronym", "Civil Society Platform");
  g_autofree char *platform_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (platform));
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 expected;

  sec_test_activate (f, "win.section", g_variant_new_string ("organisations"));
  pane = sec_window_get_list_pane (f->window, "organisations");
  list = sec_list_pane_get_list (pane);

  /* The members of the Platform that are in Poland. */
  g_assert_true (sec_list_pane_set_filter (pane, "body", platform_id));
  g_assert_true (sec_list_pane_set_filter (pane, "country", "PL"));
  g_assert_false (sec_list_pane_set_filter (pane, "country", "XX"));
  sec_query_add (query, "body", SEC_QUERY_RELATION, platform_id);
  sec_query_add (query, "country", SEC_QUERY_EQUALS, "PL");
  expected = sec_store_count (f->store, SEC_TYPE_ORGANISATION, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);

  sec_list_pane_clear_filters (pane);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                   sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL));

  /* Past meetings by year. */
  sec_test_activate (f, "win.section", g_variant_new_string ("past-meetings"));
  pane = sec_window_get_list_pane (f->window, "past-meetings");
  g_assert_true (sec_list_pane_set_filter (pane, "year", "2018"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (pane))), ==, 1);
}

static gboolean
list_is_loaded (gpointer data)
{
  return !sec_record_list_is_loading (data);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* A hidden section's pane goes once another section has shown a while,
 * or at once when more than two are hidden, and comes back as the user
 * left it: its search, filter, order and selected record. The section
 * shown keeps its pane. */
static void
test_sections_released (SecTestWindow *f,
                        gconstpointer  data)
{
  SecListPane *pane, *people;
  SecRecordPage *page;
  g_autofree char *sort = NULL;
  g_auto(GStrv) filters = NULL;
  g_autofree char *word = NULL;
  gpointer weak, weak_people;
  SecRecord *selected;
  gint64 selected_id;
  guint n;

  sec_window_set_pane_release_delay (50);
  sec_test_activate (f, "win.section", g_variant_new_string ("organisations"));
  pane = sec_window_get_list_pane (f->window, "organisations");
  /* The last of the Polish organisations by date added, found by the
   * first word of its name. */
  g_assert_true (sec_list_pane_set_filter (pane, "country", "PL"));
  g_object_set (pane, "sort", "recent", NULL);
  g_assert_true (sec_test_wait_for (list_is_loaded, sec_list_pane_get_list (pane)));
  n = g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (pane)));
  g_assert_cmpuint (n, >=, 2);
  selected = g_list_model_get_item (G_LIST_MODEL (sec_list_pane_get_list (pane)), n - 1);
  selected_id = sec_record_get_id (selected);
  word = g_strndup (sec_record_get_string (selected, "name"), strcspn (sec_record_get_string (selected, "name"), " "));
  g_object_unref (selected);
  sec_list_pane_set_search (pane, word);
  g_assert_true (sec_test_wait_for (list_is_loaded, sec_list_pane_get_list (pane)));
  n = g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (pane)));
  g_assert_cmpuint (n, >=, 1);
  g_assert_true (sec_list_pane_select (pane, selected_id));

  /* Hidden a while: let go. Shown: kept. */
  weak = pane;
  g_object_add_weak_pointer (G_OBJECT (pane), &weak);
  sec_test_activate (f, "win.section", g_variant_new_string ("people"));
  people = sec_window_get_list_pane (f->window, "people");
  weak_people = people;
  g_object_add_weak_pointer (G_OBJECT (people), &weak_people);
  g_assert_true (sec_test_wait_for (is_null, &weak));
  sec_test_wait_ms (200);
  g_assert_nonnull (weak_people);
  g_object_remove_weak_pointer (G_OBJECT (people), &weak_people);

  /* Back: as it was. The pane made again is laid out in the next frame,
   * the record it selects shown in the frame after (not within 20 ms). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "organisations"));
  page = SEC_RECORD_PAGE (sec_test_find_widget (GTK_WIDGET (f->window), SEC_TYPE_RECORD_PAGE));
  g_assert_true (sec_record_page_is_pending (page));
  sec_test_wait_for_record_page (GTK_WIDGET (f->window));
  g_assert_nonnull (sec_record_page_get_record (page));
  g_assert_cmpint (sec_record_get_id (sec_record_page_get_record (page)), ==, selected_id);
  pane = sec_window_get_list_pane (f->window, "organisations");
  g_assert_true (sec_test_wait_for (list_is_loaded, sec_list_pane_get_list (pane)));
  g_assert_cmpstr (sec_list_pane_get_search (pane), ==, word);
  g_object_get (pane, "sort", &sort, NULL);
  g_assert_cmpstr (sort, ==, "recent");
  filters = sec_list_pane_get_filters (pane);
  g_assert_cmpuint (g_strv_length (filters), ==, 2);
  g_assert_cmpstr (filters[0], ==, "country");
  g_assert_cmpstr (filters[1], ==, "PL");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (pane))), ==, n);
  g_assert_nonnull (sec_list_pane_get_selected_record (pane));
  g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, selected_id);
  g_assert_nonnull (sec_window_get_record (f->window));
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, selected_id);

  /* With the delay at 0, none goes by itself; every hidden one when
   * asked. */
  sec_window_set_pane_release_delay (0);
  sec_test_activate (f, "win.section", g_variant_new_string ("bodies"));
  weak = pane;
  g_object_add_weak_pointer (G_OBJECT (pane), &weak);
  g_assert_nonnull (sec_window_get_list_pane (f->window, "people"));
  sec_test_wait_ms (200);
  g_assert_nonnull (weak);
  g_assert_cmpuint (sec_window_release_hidden_panes (f->window), ==, 2);
  g_assert_null (weak);
  g_assert_cmpuint (sec_window_release_hidden_panes (f->window), ==, 0);
  sec_test_activate (f, "win.section", g_variant_new_string ("organisations"));
  g_assert_cmpstr (sec_list_pane_get_search (sec_window_get_list_pane (f->window, "organisations")), ==, word);
  sec_window_set_pane_release_delay (10000);

  /* Sections shown one after the other: soon after, only the panes
   * of the two shown last before this one are kept hidden. */
  {
    static const char *const walk[] = { "people", "bodies", "calls", "statements", "meetings" };
    gpointer weaks[G_N_ELEMENTS (walk)];

    for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
      {
        sec_test_activate (f, "win.section", g_variant_new_string (walk[i]));
        weaks[i] = sec_window_get_list_pane (f->window, walk[i]);
        g_object_add_weak_pointer (G_OBJECT (weaks[i]), &weaks[i]);
      }
    sec_test_wait_ms (1800);
    g_assert_null (weaks[0]);
    g_assert_null (weaks[1]);
    g_assert_nonnull (weaks[2]);
    g_assert_nonnull (weaks[3]);
    g_assert_nonnull (weaks[4]);
    for (guint i = 2; i < G_N_ELEMENTS (walk); i++)
      g_object_remove_weak_pointer (G_OBJECT (weaks[i]), &weaks[i]);
    /* The first, shown again, as it was. */
    sec_test_activate (f, "win.section", g_variant_new_string ("organisations"));
    g_assert_cmpstr (sec_list_pane_get_search (sec_window_get_list_pane (f->window, "organisations")), ==, word);
  }
}


/* (transfer none): the status page of @pane that shows, or NULL */
static AdwStatusPage *
find_shown_status_page (SecListPane *pane)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (pane), ADW_TYPE_STATUS_PAGE, FALSE, pages);
  for (guint i = 0; i < pages->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (pages, i)))
      return g_ptr_array_index (pages, i);
  return NULL;
}

static void
test_empty_states (SecTestWindow *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  SecStore *empty = sec_store_open (path, &error);
  SecListPane *pane;
  AdwStatusPage *page;
  GtkWidget *button;

  /* Results, then none for a search: “No Results”. */
  sec_test_activate (f, "win.section", g_variant_new_string ("organisations"));
  pane = sec_window_get_list_pane (f->window, "organisations");
  g_assert_null (find_shown_status_page (pane));
  sec_list_pane_set_search (pane, "xyzzy");
  sec_test_wait_ms (50);
  page = find_shown_status_page (pane);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Results");
  g_assert_null (sec_window_get_record (f->window));

  /* An empty database: the section says so and offers to fill it. */
  g_assert_no_error (error);
  sec_window_set_store (f->window, empty);
  sec_test_wait_ms (50);
  pane = sec_window_get_list_pane (f->window, "organisations");
  page = find_shown_status_page (pane);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Organisations Yet");
  button = adw_status_page_get_child (page);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_New Organisation");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-record");
  g_assert_null (sec_window_get_record (f->window));

  /* The window lets go of the old store (the fixture checks it is freed). */
  sec_window_set_store (f->window, f->store);
  sec_test_wait_ms (50);
  g_assert_finalize_object (empty);
}


/* A record saved in a long list (read in a worker, as 200,000 people or a
 * server's) and opened at once, as the editor's Save does, is the one
 * selected once the list has it: a place read from the store while the
 * list still had its rows from before selected another person. */
static void
test_open_saved_while_loading (SecTestWindow *f,
                               gconstpointer  data)
{
  SecListPane *pane;
  SecRecordList *list;
  guint before;
  gint64 id;

  sec_record_list_set_background_min_rows (0);
  sec_test_activate (f, "win.section", g_variant_new_string ("people"));
  pane = sec_window_get_list_pane (f->window, "people");
  list = sec_list_pane_get_list (pane);
  sec_test_wait_ms (100);
  before = g_list_model_get_n_items (G_LIST_MODEL (list));
  /* Someone else than the first person selected. */
  {
    g_autoptr(SecRecord) third = g_list_model_get_item (G_LIST_MODEL (list), 3);

    g_assert_true (sec_list_pane_select (pane, sec_record_get_id (third)));
    sec_test_wait_ms (50);
    g_assert_true (sec_list_pane_get_selected_record (pane) == third);
  }

  /* Sorts before every person of the list. */
  id = sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", "Aaron", "family-name", "Aaberg", NULL);
  g_assert_true (sec_record_list_is_loading (list));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.open-record",
                                                     g_variant_new ("(sx)", "person", id)));
  g_assert_true (sec_test_wait_for (list_is_loaded, list));
  sec_test_wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 1);
  g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, id);
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, id);
  sec_record_list_set_background_min_rows (20000);
}

int
main (int   argc,
      char *argv[])
{
  sec_test_window_init (&argc, &argv);
  SEC_TEST_WINDOW_ADD ("/window/sections", test_sections);
  SEC_TEST_WINDOW_ADD ("/window/rows", test_rows);
  SEC_TEST_WINDOW_ADD ("/window/search", test_search);
  SEC_TEST_WINDOW_ADD ("/window/search-keeps-rows", test_search_keeps_rows);
  SEC_TEST_WINDOW_ADD ("/window/search-cleared-keeps-selection-in-view", test_search_cleared_keeps_selection_in_view);
  SEC_TEST_WINDOW_ADD ("/window/filters", test_filters);
  SEC_TEST_WINDOW_ADD ("/window/sections-released", test_sections_released);
  SEC_TEST_WINDOW_ADD ("/window/empty-states", test_empty_states);
  SEC_TEST_WINDOW_ADD ("/window/open-saved-while-loading", test_open_saved_while_loading);

  return g_test_run ();
}
