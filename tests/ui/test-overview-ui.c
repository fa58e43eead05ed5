/* test-overview-ui.c: the window's first page on the demo data seen from a
 * fixed day: its row in the sidebar, its groups and lines, a line opening
 * its record, the page following the store, and the section remembered. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "core/meetings/sec-action-points.h"
#include "core/store/sec-records.h"
#include "ui/overview/sec-overview-page.h"
#include "ui/shell/sec-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define SCHEMA_ID "io.github.secretariat.Secretariat"

typedef struct {
  char      *dir;
  SecStore  *store;
  SecWindow *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  g_settings_reset (settings, "last-section");
  f->dir = sec_test_make_tmp_dir ("sec-overview-ui-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  f->window = sec_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_wait_ms (100);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_destroy_windows ();
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

static SecOverviewPage *
show_overview (Fixture *f)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "overview"));
  sec_test_wait_ms (20);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "overview");
  sec_test_collect_widgets (GTK_WIDGET (f->window), SEC_TYPE_OVERVIEW_PAGE, TRUE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  return g_ptr_array_index (pages, 0);
}

static GPtrArray *
item_rows (SecOverviewPage *page)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, TRUE, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (rows, i)), "overview-item") == 0)
      g_ptr_array_add (found, g_ptr_array_index (rows, i));
  return found;
}

static void
test_page (Fixture *f, gconstpointer data)
{
  SecOverviewPage *page = show_overview (f);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  SecRecord *record;

  /* A week before the joint meeting of 2027: the meeting, its draft
   * agenda, three overdue action points, the statement's commitments. */
  sec_overview_page_set_today (page, "2027-05-12");
  sec_test_wait_ms (20);
  g_assert_cmpuint (sec_overview_page_get_n_items (page), ==, 6);
  rows = item_rows (page);
  g_assert_cmpuint (rows->len, ==, 6);
  sec_test_collect_widgets (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, TRUE, groups);
  g_assert_cmpuint (groups->len, ==, 4);
  g_assert_cmpstr (adw_preferences_group_get_title (g_ptr_array_index (groups, 0)), ==, "Next Meetings");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==,
                   "In 7 days · 4 have not answered · 3 with needs to arrange");
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (page), "Collect examples of housing conditions of seasonal workers"));

  /* A line opens its record. */
  g_signal_emit_by_name (g_ptr_array_index (rows, 0), "activate");
  sec_test_wait_ms (50);
  record = sec_window_get_record (f->window);
  g_assert_nonnull (record);
  g_assert_true (SEC_IS_MEETING (record));
  g_assert_cmpint (sec_record_get_id (record), ==, 3);
}

static void
test_follows_store (Fixture *f, gconstpointer data)
{
  SecOverviewPage *page = show_overview (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) point = sec_test_find_one (f->store, SEC_TYPE_ACTION_POINT, "what",
                                                  "Collect examples of housing conditions of seasonal workers");
  guint before;

  sec_overview_page_set_today (page, "2027-05-12");
  before = sec_overview_page_get_n_items (page);
  g_assert_true (sec_action_point_set_status (f->store, sec_record_get_id (point), "done", NULL, &error));
  g_assert_no_error (error);
  /* Once the main loop is idle. */
  for (int i = 0; i < 100 && sec_overview_page_get_n_items (page) == before; i++)
    sec_test_wait_ms (20);
  g_assert_cmpuint (sec_overview_page_get_n_items (page), ==, before - 1);
  g_assert_null (sec_test_find_row (GTK_WIDGET (page), "Collect examples of housing conditions of seasonal workers"));
}

static void
test_remembered (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  show_overview (f);
  g_assert_cmpstr (g_settings_get_string (settings, "last-section"), ==, "overview");
  sec_test_destroy_windows ();
  f->window = sec_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_wait_ms (50);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "overview");
}

int
main (int argc, char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/overview-ui/page", test_page);
  ADD ("/overview-ui/follows-store", test_follows_store);
  ADD ("/overview-ui/remembered", test_remembered);

  return g_test_run ();
}
