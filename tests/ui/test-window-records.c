/* test-window-records.c: the main window around its records on the demo
 * database: opening one and going back, deleting and undoing, creating and
 * editing, the settings it keeps, the narrow layout, and the application
 *
 * The window is made as sec-test-window.h says; its lists (sections,
 * search, filters) are tested in test-window.c. Both programs' tests are
 * under /window/. The last test runs the application itself, registered
 * without D-Bus, to check how it reports a file that is not a database
 * and opens another one.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui/shell/sec-application.h"
#include "ui/shell/sec-release-notes.h"
#include "cli/sec-demo.h"
#include "ui/records/sec-list-pane.h"
#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "ui/shell/sec-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"
#include "sec-test-window.h"

/* Helpers */

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

/* Tests */

static void
test_open_and_back (SecTestWindow *f,
                    gconstpointer  data)
{
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(SecRecord) meeting = sec_test_find_record (f->store, SEC_TYPE_MEETING, "starts-at", "2018-06-13T09:30");
  g_autoptr(GPtrArray) people = NULL;
  gint64 organisation_id = 0;
  SecListPane *pane;

  sec_test_activate (f, "win.section", g_variant_new_string ("people"));
  people = sec_store_list (f->store, SEC_TYPE_PERSON, NULL, NULL);
  for (guint i = 0; i < people->len && organisation_id == 0; i++)
    if ((organisation_id = sec_record_get_ref (g_ptr_array_index (people, i), "organisation")) != 0)
      person = g_object_ref (g_ptr_array_index (people, i));
  g_assert_nonnull (person);

  sec_test_open_record (f, "person", sec_record_get_id (person));
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "people");
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, sec_record_get_id (person));

  /* Following the organisation link: its section, selected in the list. */
  sec_test_open_record (f, "organisation", organisation_id);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "organisations");
  g_assert_true (SEC_IS_ORGANISATION (sec_window_get_record (f->window)));
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, organisation_id);
  pane = sec_window_get_list_pane (f->window, "organisations");
  g_assert_cmpint (sec_record_get_id (sec_list_pane_get_selected_record (pane)), ==, organisation_id);

  /* A meeting of 2018 opens among the past ones. */
  sec_test_open_record (f, "meeting", sec_record_get_id (meeting));
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "past-meetings");

  /* Back, back: the organisation, then the person. */
  sec_test_activate (f, "win.back", NULL);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "organisations");
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, organisation_id);
  sec_test_activate (f, "win.back", NULL);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "people");
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, sec_record_get_id (person));

  /* A record hidden by the search is still found: the search gives way. */
  pane = sec_window_get_list_pane (f->window, "organisations");
  sec_list_pane_set_search (pane, "lodz");
  sec_test_open_record (f, "organisation", organisation_id);
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
delete_shown_record (SecTestWindow *f)
{
  GLogLevelFlags fatal = tolerate_dialog_warnings ();

  sec_test_activate (f, "win.delete-record", NULL);
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
test_delete_and_undo (SecTestWindow *f,
                      gconstpointer  data)
{
  g_autoptr(SecRecord) europol = sec_test_find_record (f->store, SEC_TYPE_ORGANISATION, "acronym", "Europol");
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

  sec_test_open_record (f, "organisation", id);
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
  sec_test_activate (f, "win.undo", NULL);
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
  sec_test_open_record (f, "organisation", sec_record_get_id (lonely));
  delete_shown_record (f);
  g_assert_null (sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gone = sec_store_get (f->store, SEC_TYPE_ORGANISATION, sec_record_get_id (lonely), NULL);
  g_assert_null (gone);
}

static void
test_new_and_edit (SecTestWindow *f,
                   gconstpointer  data)
{
  GtkWindow *editor;

  sec_test_activate (f, "win.section", g_variant_new_string ("bodies"));
  sec_test_activate (f, "win.new-record", NULL);
  sec_test_wait_ms (50);
  editor = sec_test_find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (f->window));
  gtk_window_destroy (editor);
  sec_test_wait_ms (50);

  g_assert_nonnull (sec_window_get_record (f->window));
  sec_test_activate (f, "win.edit-record", NULL);
  sec_test_wait_ms (50);
  editor = sec_test_find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);
  sec_test_wait_ms (50);
}

static void
test_settings (SecTestWindow *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SEC_TEST_SCHEMA_ID);
  int width, height;

  /* The size and section in use are saved when the window goes... */
  sec_test_activate (f, "win.section", g_variant_new_string ("calls"));
  sec_test_close_window (f);
  g_assert_cmpstr (g_settings_get_string (settings, "last-section"), ==, "calls");
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 800);

  /* ... and restored by the next one. */
  g_settings_set (settings, "window-size", "(ii)", 1000, 640);
  sec_test_show_window (f, 0, 0);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (sec_window_get_section (f->window), ==, "calls");
  g_assert_false (sec_window_get_narrow (f->window));
}

static void
test_narrow (SecTestWindow *f,
             gconstpointer  data)
{
  GtkListBoxRow *row;
  GtkWidget *sidebar;
  SecListPane *pane;
  g_autoptr(SecRecord) europol = sec_test_find_record (f->store, SEC_TYPE_ORGANISATION, "acronym", "Europol");

  sec_test_close_window (f);
  sec_test_show_window (f, 360, 700);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 360);
  g_assert_true (sec_window_get_narrow (f->window));
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "sidebar");

  /* Choosing a section shows its list alone. */
  {
    g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

    sec_test_collect_widgets (GTK_WIDGET (f->window), GTK_TYPE_LIST_BOX, FALSE, boxes);
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
  sec_test_open_record (f, "organisation", sec_record_get_id (europol));
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "detail");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  sec_test_activate (f, "win.back", NULL);
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "list");
  sec_test_activate (f, "win.back", NULL);
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "sidebar");

  /* Ctrl+F from the sections goes to the list's search. */
  sec_test_activate (f, "win.search", NULL);
  g_assert_cmpstr (sec_window_get_visible_pane (f->window), ==, "list");
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
  sec_test_window_init (&argc, &argv);
  SEC_TEST_WINDOW_ADD ("/window/open-and-back", test_open_and_back);
  SEC_TEST_WINDOW_ADD ("/window/delete-and-undo", test_delete_and_undo);
  SEC_TEST_WINDOW_ADD ("/window/new-and-edit", test_new_and_edit);
  SEC_TEST_WINDOW_ADD ("/window/settings", test_settings);
  SEC_TEST_WINDOW_ADD ("/window/narrow", test_narrow);
  g_test_add_func ("/window/application", test_application);

  return g_test_run ();
}
