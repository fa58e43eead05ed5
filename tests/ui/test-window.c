/* test-window.c: the main window on the demo database, driven through its
 * actions and widgets
 *
 * Each test fills a new database with sec_demo_fill() and makes a SecWindow
 * on it directly (no g_application_run(): the window needs no application
 * for its own actions and shortcuts), then waits for GTK in the main loop.
 * The last test runs the application itself, registered without D-Bus, to
 * check how it reports a file that is not a database and opens another one.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ui/shell/sec-application.h"
#include "ui/shell/sec-release-notes.h"
#include "cli/sec-demo.h"
#include "core/base/sec-format.h"
#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-record-page.h"
#include "ui/records/sec-record-row.h"
#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "ui/shell/sec-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define SCHEMA_ID "io.github.secretariat.Secretariat"

typedef struct {
  char      *dir;
  char      *path;
  SecStore  *store;
  SecWindow *window;
} Fixture;

/* Helpers */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
open_demo (Fixture *f)
{
  f->dir = sec_test_make_tmp_dir ("sec-window-XXXXXX");
  f->store = sec_test_open_demo (f->dir, &f->path);
}

static void
show_window (Fixture *f,
             int      width,
             int      height)
{
  f->window = g_object_ref (sec_window_new (NULL, f->store));
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_for (is_mapped, f->window));
  sec_test_wait_ms (100);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  /* Every test starts from the defaults, whatever the one before saved. */
  g_settings_reset (settings, "window-size");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "last-section");

  open_demo (f);
  show_window (f, 1200, 800);
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sec_test_wait_ms (50);
  g_assert_finalize_object (f->window);
  f->window = NULL;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f);
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  sec_test_wait_ms (20);
}

static void
open_record (Fixture    *f,
             const char *kind,
             gint64      id)
{
  activate (f, "win.open-record", g_variant_new ("(sx)", kind, id));
}

static SecRecord *
find_record (SecStore   *store,
             GType       kind,
             const char *field,
             const char *value)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  records = sec_store_list (store, kind, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  return g_object_ref (g_ptr_array_index (records, 0));
}

static gint64
count_where (SecStore   *store,
             GType       kind,
             const char *field,
             gint64      id)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GError) error = NULL;
  gint64 n;

  sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  n = sec_store_count (store, kind, query, &error);
  g_assert_no_error (error);
  return n;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_descendants (child, type, found);
}

/* (transfer none): the visible toplevel of @type other than the window */
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
test_sections (Fixture       *f,
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

      activate (f, "win.section", g_variant_new_string (c->section));
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
      collect_descendants (GTK_WIDGET (pane), SEC_TYPE_RECORD_ROW, rows);
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
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean checked = FALSE;
  SecListPane *pane;

  activate (f, "win.section", g_variant_new_string ("organisations"));
  pane = sec_window_get_list_pane (f->window, "organisations");
  sec_list_pane_set_search (pane, "lodz");
  sec_test_wait_ms (50);

  collect_descendants (GTK_WIDGET (pane), SEC_TYPE_RECORD_ROW, rows);
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
  SecRecordPage *page = SEC_RECORD_PAGE (find_descendant (gtk_widget_get_ancestor (GTK_WIDGET (pane), SEC_TYPE_WINDOW),
                                                          SEC_TYPE_RECORD_PAGE));

  counts[0]++;
  counts[1] += sec_record_page_is_pending (page) && gtk_widget_get_opacity (gtk_widget_get_first_child (GTK_WIDGET (page))) == 0;
}

static gboolean
page_is_shown (gpointer data)
{
  return !sec_record_page_is_pending (SEC_RECORD_PAGE (find_descendant (data, SEC_TYPE_RECORD_PAGE)));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  guint counts[2] = { 0, 0 };
  SecListPane *pane;
  GtkWidget *entry;
  SecRecordList *list;
  g_autoptr(SecRecord) first = NULL;
  guint all;
  ListCount count;

  activate (f, "win.section", g_variant_new_string ("organisations"));
  pane = sec_window_get_list_pane (f->window, "organisations");
  list = sec_list_pane_get_list (pane);
  all = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (all, >, 1);

  /* Ctrl+F's action focuses the search entry. */
  activate (f, "win.search", NULL);
  entry = find_descendant (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_focus (entry) || gtk_widget_has_focus (gtk_widget_get_focus_child (entry) ?
                                                                      gtk_widget_get_focus_child (entry) : entry));

  /* Typing searches after a short delay; accents and case fold. */
  g_signal_connect (pane, "notify::selected-record", G_CALLBACK (on_selected_record), counts);
  gtk_editable_set_text (GTK_EDITABLE (entry), "lodz");
  count.list = list;
  count.n = 1;
  g_assert_true (wait_for (list_has_n_items, &count));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_nonnull (strstr (sec_record_get_string (first, "name"), "Łódź"));
  g_assert_true (sec_window_get_record (f->window) == sec_list_pane_get_selected_record (pane));
  /* The detail pane shows it a frame later, nothing before. */
  g_assert_cmpuint (counts[0], >, 0);
  g_assert_cmpuint (counts[1], ==, counts[0]);
  g_assert_true (wait_for (page_is_shown, f->window));
  g_assert_cmpint (sec_record_get_id (sec_record_page_get_record (SEC_RECORD_PAGE (find_descendant (GTK_WIDGET (f->window), SEC_TYPE_RECORD_PAGE)))),
                   ==, sec_record_get_id (first));
  g_signal_handlers_disconnect_by_data (pane, counts);

  /* Nothing found: the list is empty; clearing brings everything back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such organisation anywhere");
  count.n = 0;
  g_assert_true (wait_for (list_has_n_items, &count));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  count.n = all;
  g_assert_true (wait_for (list_has_n_items, &count));
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
test_search_keeps_rows (Fixture       *f,
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
  activate (f, "win.section", g_variant_new_string ("people"));
  pane = sec_window_get_list_pane (f->window, "people");
  ls.list = sec_list_pane_get_list (pane);
  all = g_list_model_get_n_items (G_LIST_MODEL (ls.list));
  entry = find_descendant (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
  sec_test_wait_ms (100);
  selected = sec_list_pane_get_selected_record (pane);
  g_assert_nonnull (selected);
  g_assert_true (sec_window_get_record (f->window) == selected);
  collect_descendants (GTK_WIDGET (pane), SEC_TYPE_RECORD_ROW, rows);
  for (guint i = 0; i < rows->len && row == NULL; i++)
    if (sec_record_row_get_record (rows->pdata[i]) == selected)
      row = g_object_ref (rows->pdata[i]);
  g_assert_nonnull (row);

  /* Its family name: fewer people, the first one the same. */
  ls.search = sec_record_get_string (selected, "family-name");
  g_assert_nonnull (ls.search);
  gtk_editable_set_text (GTK_EDITABLE (entry), ls.search);
  g_assert_true (wait_for (list_has_search, &ls));
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

  collect_descendants (GTK_WIDGET (pane), GTK_TYPE_LIST_VIEW, views);
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

  collect_descendants (view, SEC_TYPE_RECORD_ROW, rows);
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
 * large one), which replace the rows in different ways. */
static void
test_search_cleared_keeps_selection_in_view (Fixture       *f,
                                             gconstpointer  data)
{
  SecListPane *pane;
  GtkWidget *entry, *view;
  ListSearch ls;
  guint all;

  activate (f, "win.section", g_variant_new_string ("people"));
  pane = sec_window_get_list_pane (f->window, "people");
  ls.list = sec_list_pane_get_list (pane);
  all = g_list_model_get_n_items (G_LIST_MODEL (ls.list));
  entry = find_descendant (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY);
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
      g_assert_true (wait_for (list_has_search, &ls));
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
      g_assert_true (wait_for (list_has_search, &ls));
      sec_test_wait_ms (100);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ls.list)), ==, all);
      g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, id);
      g_assert_true (row_is_in_view (pane, id));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
    }
  sec_record_list_set_background_min_rows (20000);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  SecListPane *pane;
  SecRecordList *list;
  g_autoptr(SecRecord) platform = find_record (f->store, SEC_TYPE_BODY, "acronym", "Civil Society Platform");
  g_autofree char *platform_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (platform));
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 expected;

  activate (f, "win.section", g_variant_new_string ("organisations"));
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
  activate (f, "win.section", g_variant_new_string ("past-meetings"));
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
test_sections_released (Fixture       *f,
                        gconstpointer  data)
{
  SecListPane *pane, *people;
  g_autofree char *sort = NULL;
  g_auto(GStrv) filters = NULL;
  g_autofree char *word = NULL;
  gpointer weak, weak_people;
  SecRecord *selected;
  gint64 selected_id;
  guint n;

  sec_window_set_pane_release_delay (50);
  activate (f, "win.section", g_variant_new_string ("organisations"));
  pane = sec_window_get_list_pane (f->window, "organisations");
  /* The last of the Polish organisations by date added, found by the
   * first word of its name. */
  g_assert_true (sec_list_pane_set_filter (pane, "country", "PL"));
  g_object_set (pane, "sort", "recent", NULL);
  g_assert_true (wait_for (list_is_loaded, sec_list_pane_get_list (pane)));
  n = g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (pane)));
  g_assert_cmpuint (n, >=, 2);
  selected = g_list_model_get_item (G_LIST_MODEL (sec_list_pane_get_list (pane)), n - 1);
  selected_id = sec_record_get_id (selected);
  word = g_strndup (sec_record_get_string (selected, "name"), strcspn (sec_record_get_string (selected, "name"), " "));
  g_object_unref (selected);
  sec_list_pane_set_search (pane, word);
  g_assert_true (wait_for (list_is_loaded, sec_list_pane_get_list (pane)));
  n = g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (pane)));
  g_assert_cmpuint (n, >=, 1);
  g_assert_true (sec_list_pane_select (pane, selected_id));

  /* Hidden a while: let go. Shown: kept. */
  weak = pane;
  g_object_add_weak_pointer (G_OBJECT (pane), &weak);
  activate (f, "win.section", g_variant_new_string ("people"));
  people = sec_window_get_list_pane (f->window, "people");
  weak_people = people;
  g_object_add_weak_pointer (G_OBJECT (people), &weak_people);
  g_assert_true (wait_for (is_null, &weak));
  sec_test_wait_ms (200);
  g_assert_nonnull (weak_people);
  g_object_remove_weak_pointer (G_OBJECT (people), &weak_people);

  /* Back: as it was. */
  activate (f, "win.section", g_variant_new_string ("organisations"));
  pane = sec_window_get_list_pane (f->window, "organisations");
  g_assert_true (wait_for (list_is_loaded, sec_list_pane_get_list (pane)));
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
  activate (f, "win.section", g_variant_new_string ("bodies"));
  weak = pane;
  g_object_add_weak_pointer (G_OBJECT (pane), &weak);
  g_assert_nonnull (sec_window_get_list_pane (f->window, "people"));
  sec_test_wait_ms (200);
  g_assert_nonnull (weak);
  g_assert_cmpuint (sec_window_release_hidden_panes (f->window), ==, 2);
  g_assert_null (weak);
  g_assert_cmpuint (sec_window_release_hidden_panes (f->window), ==, 0);
  activate (f, "win.section", g_variant_new_string ("organisations"));
  g_assert_cmpstr (sec_list_pane_get_search (sec_window_get_list_pane (f->window, "organisations")), ==, word);
  sec_window_set_pane_release_delay (10000);

  /* Sections shown one after the other: soon after, only the panes
   * of the two shown last before this one are kept hidden. */
  {
    static const char *const walk[] = { "people", "bodies", "calls", "statements", "meetings" };
    gpointer weaks[G_N_ELEMENTS (walk)];

    for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
      {
        activate (f, "win.section", g_variant_new_string (walk[i]));
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
    activate (f, "win.section", g_variant_new_string ("organisations"));
    g_assert_cmpstr (sec_list_pane_get_search (sec_window_get_list_pane (f->window, "organisations")), ==, word);
  }
}

static void
test_open_and_back (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(SecRecord) meeting = find_record (f->store, SEC_TYPE_MEETING, "starts-at", "2018-06-13T09:30");
  g_autoptr(GPtrArray) people = NULL;
  gint64 organisation_id = 0;
  SecListPane *pane;

  activate (f, "win.section", g_variant_new_string ("people"));
  people = sec_store_list (f->store, SEC_TYPE_PERSON, NULL, NULL);
  for (guint i = 0; i < people->len && organisation_id == 0; i++)
    if ((organisation_id = sec_record_get_ref (g_ptr_array_index (people, i), "organisation")) != 0)
      person = g_object_ref (g_ptr_array_index (people, i));
  g_assert_nonnull (person);

  open_record (f, "person", sec_record_get_id (person));
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "people");
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, sec_record_get_id (person));

  /* Following the organisation link: its section, selected in the list. */
  open_record (f, "organisation", organisation_id);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "organisations");
  g_assert_true (SEC_IS_ORGANISATION (sec_window_get_record (f->window)));
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, organisation_id);
  pane = sec_window_get_list_pane (f->window, "organisations");
  g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, organisation_id);

  /* A meeting of 2018 opens among the past ones. */
  open_record (f, "meeting", sec_record_get_id (meeting));
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "past-meetings");

  /* Back, back: the organisation, then the person. */
  activate (f, "win.back", NULL);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "organisations");
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, organisation_id);
  activate (f, "win.back", NULL);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "people");
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, sec_record_get_id (person));

  /* A record hidden by the search is still found: the search gives way. */
  pane = sec_window_get_list_pane (f->window, "organisations");
  sec_list_pane_set_search (pane, "lodz");
  open_record (f, "organisation", organisation_id);
  g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, organisation_id);
}

/* libadwaita 1.6 deprecated AdwMessageDialog; from then on it measures a
 * hidden copy of its heading, which does not wrap, at widths narrower than
 * the heading, and GTK 4.18 warns about it. The warning is the library's:
 * it is not fatal while such a dialog shows there. (GTK logs structured
 * messages, which g_test_log_set_fatal_handler() does not see.) */
static GLogLevelFlags
tolerate_dialog_warnings (void)
{
  if (adw_get_minor_version () < 6)
    return g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

static void
delete_shown_record (Fixture *f)
{
  GLogLevelFlags fatal = tolerate_dialog_warnings ();

  activate (f, "win.delete-record", NULL);
  g_log_set_always_fatal (fatal);
}

static void
respond_to_dialog (const char *expected_heading,
                   const char *expected_in_body,
                   const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  GLogLevelFlags fatal;

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, expected_heading);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected_in_body));

  fatal = tolerate_dialog_warnings ();
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_wait_ms (50);
  g_log_set_always_fatal (fatal);
}

/* The notes come in the user's language when the metainfo has them. */
static void
check_release_notes_translated (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *version = NULL;
  g_autofree char *english = NULL;
  g_autofree char *french_version = NULL;
  g_autofree char *french = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_true (sec_release_notes_load (&version, &english));
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_true (sec_release_notes_load (&french_version, &french));
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (french_version, ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (english, "<li>"));
  g_assert_nonnull (strstr (french, "<li>"));
  g_assert_cmpstr (english, !=, french);
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SecRecord) europol = find_record (f->store, SEC_TYPE_ORGANISATION, "acronym", "Europol");
  gint64 id = sec_record_get_id (europol);
  gint64 memberships = count_where (f->store, SEC_TYPE_MEMBERSHIP, "organisation", id);
  gint64 people = count_where (f->store, SEC_TYPE_PERSON, "organisation", id);
  gint64 signatures = count_where (f->store, SEC_TYPE_SIGNATORY, "organisation", id);
  g_autofree char *named = g_strdup_printf ("“%s” will be deleted.", sec_record_get_string (europol, "name"));
  g_autoptr(SecRecord) lonely = sec_record_new (SEC_TYPE_ORGANISATION);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) gone = NULL;
  g_autoptr(SecRecord) back = NULL;
  SecListPane *pane;

  g_assert_cmpint (memberships + people + signatures, >, 0);

  open_record (f, "organisation", id);
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, id);

  /* Cancel keeps everything. */
  delete_shown_record (f);
  respond_to_dialog ("Delete Organisation?", named, "cancel");
  g_assert_cmpint (count_where (f->store, SEC_TYPE_MEMBERSHIP, "organisation", id), ==, memberships);
  back = sec_store_get (f->store, SEC_TYPE_ORGANISATION, id, &error);
  g_assert_no_error (error);
  g_clear_object (&back);

  /* Delete removes it with its dependants and offers Undo. */
  delete_shown_record (f);
  respond_to_dialog ("Delete Organisation?", "• Memberships: ", "delete");
  gone = sec_store_get (f->store, SEC_TYPE_ORGANISATION, id, &error);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  g_assert_cmpint (count_where (f->store, SEC_TYPE_MEMBERSHIP, "organisation", id), ==, 0);
  g_assert_cmpint (count_where (f->store, SEC_TYPE_PERSON, "organisation", id), ==, 0);
  g_assert_cmpint (count_where (f->store, SEC_TYPE_SIGNATORY, "organisation", id), ==, 0);
  pane = sec_window_get_list_pane (f->window, "organisations");
  g_assert_cmpint (sec_record_list_find (sec_list_pane_get_list (pane), id), ==, -1);
  g_assert_true (sec_window_get_record (f->window) == NULL ||
                 sec_record_get_id (sec_window_get_record (f->window)) != id);

  /* Undo (Ctrl+Z's action) puts it back with its dependants and shows it. */
  activate (f, "win.undo", NULL);
  back = sec_store_get (f->store, SEC_TYPE_ORGANISATION, id, &error);
  g_assert_no_error (error);
  g_assert_true (sec_record_equal (back, europol));
  g_assert_cmpint (count_where (f->store, SEC_TYPE_MEMBERSHIP, "organisation", id), ==, memberships);
  g_assert_cmpint (count_where (f->store, SEC_TYPE_PERSON, "organisation", id), ==, people);
  g_assert_cmpint (count_where (f->store, SEC_TYPE_SIGNATORY, "organisation", id), ==, signatures);
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, id);
  g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, id);

  /* A record nothing depends on goes at once, without a question. */
  sec_record_set_string (lonely, "name", "Organisation without ties");
  g_assert_true (sec_store_insert (f->store, lonely, &error));
  g_assert_no_error (error);
  open_record (f, "organisation", sec_record_get_id (lonely));
  delete_shown_record (f);
  g_assert_null (sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gone = sec_store_get (f->store, SEC_TYPE_ORGANISATION, sec_record_get_id (lonely), NULL);
  g_assert_null (gone);
}

static void
test_new_and_edit (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *editor;

  activate (f, "win.section", g_variant_new_string ("bodies"));
  activate (f, "win.new-record", NULL);
  sec_test_wait_ms (50);
  editor = sec_test_find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (f->window));
  gtk_window_destroy (editor);
  sec_test_wait_ms (50);

  g_assert_nonnull (sec_window_get_record (f->window));
  activate (f, "win.edit-record", NULL);
  sec_test_wait_ms (50);
  editor = sec_test_find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);
  sec_test_wait_ms (50);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  int width, height;

  /* The size and section in use are saved when the window goes... */
  activate (f, "win.section", g_variant_new_string ("calls"));
  close_window (f);
  g_assert_cmpstr (g_settings_get_string (settings, "last-section"), ==, "calls");
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 800);

  /* ... and restored by the next one. */
  g_settings_set (settings, "window-size", "(ii)", 1000, 640);
  show_window (f, 0, 0);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "calls");
  g_assert_false (sec_window_get_narrow (f->window));
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkListBoxRow *row;
  GtkWidget *sidebar;
  SecListPane *pane;
  g_autoptr(SecRecord) europol = find_record (f->store, SEC_TYPE_ORGANISATION, "acronym", "Europol");

  close_window (f);
  show_window (f, 360, 700);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 360);
  g_assert_true (sec_window_get_narrow (f->window));
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "sidebar");

  /* Choosing a section shows its list alone. */
  {
    g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

    collect_descendants (GTK_WIDGET (f->window), GTK_TYPE_LIST_BOX, boxes);
    sidebar = NULL;
    for (guint i = 0; i < boxes->len; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "navigation-sidebar"))
        sidebar = g_ptr_array_index (boxes, i);
    g_assert_nonnull (sidebar);
  }
  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i)); i++)
    if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), "organisations"))
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  sec_test_wait_ms (50);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "organisations");
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "list");
  pane = sec_window_get_list_pane (f->window, "organisations");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  g_assert_false (gtk_widget_get_mapped (sidebar));

  /* Opening a record shows it alone; back returns to the list, then to
   * the sections. */
  open_record (f, "organisation", sec_record_get_id (europol));
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "detail");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  activate (f, "win.back", NULL);
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "list");
  activate (f, "win.back", NULL);
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "sidebar");

  /* Ctrl+F from the sections goes to the list's search. */
  activate (f, "win.search", NULL);
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "list");
}

/* (transfer none): the status page of @pane that shows, or NULL */
static AdwStatusPage *
find_shown_status_page (SecListPane *pane)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect_descendants (GTK_WIDGET (pane), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (pages, i)))
      return g_ptr_array_index (pages, i);
  return NULL;
}

static void
test_empty_states (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  SecStore *empty = sec_store_open (path, &error);
  SecListPane *pane;
  AdwStatusPage *page;
  GtkWidget *button;

  /* Results, then none for a search: “No Results”. */
  activate (f, "win.section", g_variant_new_string ("organisations"));
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

static void
test_application (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sec-app-XXXXXX", &error);
  g_autofree char *bad = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  const char *text = "These are my notes, not a database.\n";
  g_autofree char *contents = NULL;
  g_autoptr(SecApp) app = NULL;
  g_autoptr(SecStore) store = NULL;
  SecWindow *window;
  GtkWindow *about;
  char **accels;

  g_assert_true (g_file_set_contents (bad, text, -1, &error));
  store = sec_store_open (good, &error);
  g_assert_no_error (error);
  sec_demo_fill (store, &error);
  g_assert_no_error (error);
  sec_store_close (store);
  g_clear_object (&store);

  /* The file that is not a database: a window says so, the file stays. */
  app = sec_app_new (bad);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  sec_test_wait_ms (100);
  window = SEC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_null (sec_app_get_store (app));
  g_assert_null (sec_window_get_store (window));
  g_assert_true (g_file_get_contents (bad, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (accels[0], ==, "<Control>q");
  g_strfreev (accels);

  /* Another database opens in place... */
  g_assert_true (sec_app_open_database (app, good, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sec_app_get_store (app));
  g_assert_true (sec_window_get_store (window) == sec_app_get_store (app));
  g_assert_nonnull (sec_window_get_record (window));

  /* ... and a bad one leaves it open. */
  g_assert_false (sec_app_open_database (app, bad, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE);
  g_clear_error (&error);
  g_assert_true (sec_window_get_store (window) == sec_app_get_store (app));
  g_assert_cmpstr (sec_store_get_path (sec_app_get_store (app)), ==, good);

  /* The about window names the database in use. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  sec_test_wait_ms (100);
  about = sec_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)), good));
  /* It shows this version's release notes, from the metainfo. */
  g_assert_cmpstr (adw_about_window_get_release_notes_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)), "<p>"));
  gtk_window_destroy (about);
  check_release_notes_translated ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  sec_test_wait_ms (100);
  g_assert_nonnull (sec_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  gtk_window_destroy (sec_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  sec_test_wait_ms (100);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_unlink (bad);
  sec_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* libadwaita 1.7's message dialogs warn while they measure their labels
   * (the toolkit's problem, not ours): the open-error and confirmation
   * dialogs appear in these tests. */
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

  /* Leaflets switch panes at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window/sections", test_sections);
  ADD ("/window/rows", test_rows);
  ADD ("/window/search", test_search);
  ADD ("/window/search-keeps-rows", test_search_keeps_rows);
  ADD ("/window/search-cleared-keeps-selection-in-view", test_search_cleared_keeps_selection_in_view);
  ADD ("/window/filters", test_filters);
  ADD ("/window/sections-released", test_sections_released);
  ADD ("/window/open-and-back", test_open_and_back);
  ADD ("/window/delete-and-undo", test_delete_and_undo);
  ADD ("/window/new-and-edit", test_new_and_edit);
  ADD ("/window/settings", test_settings);
  ADD ("/window/narrow", test_narrow);
  ADD ("/window/empty-states", test_empty_states);
#undef ADD
  g_test_add_func ("/window/application", test_application);

  return g_test_run ();
}
