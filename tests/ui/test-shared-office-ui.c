/* test-shared-office-ui.c: the window on a server database that others change
 *
 * Needs a server (SECRETARIAT_TEST_PG, as the suite "pg"; build-aux/dev
 * test starts one); skipped without. A window shows a database another
 * store (another member of staff) writes to: a person they add appears in
 * the list with the selection kept on the same person; an editor open on a
 * record they delete says so and keeps what was typed, and Save adds it
 * again; when the server ends the window's connection, a strip says so
 * and goes once it is connected again.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store-notify.h"
#include "core/store/sec-store-private.h"
#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-record-editor.h"
#include "ui/shell/sec-window.h"
#include "ui/widgets/sec-connection-banner.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define DEADLINE_S 20

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 end = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("not within %d s: %s", DEADLINE_S, what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

typedef struct {
  SecStore  *mine;   /* the window's */
  SecStore  *theirs; /* another member of staff's */
  SecWindow *window;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (!sec_test_pg_need_server ())
    return;
  uri = sec_test_pg_new_database ();
  f->mine = sec_store_open (uri, &error);
  g_assert_no_error (error);
  f->theirs = sec_store_open (uri, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *family = g_strdup_printf ("Person %02d", i * 2);
      sec_test_insert (f->theirs, SEC_TYPE_PERSON, "given-name", "Ana", "family-name", family, NULL);
    }
  f->window = g_object_ref (sec_window_new (NULL, f->mine));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for (is_mapped, f->window, "the window shows");
  sec_test_wait_ms (100);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sec_test_destroy_windows ();
  g_clear_object (&f->window);
  g_clear_object (&f->theirs);
  g_clear_object (&f->mine);
}

static SecConnectionBanner *
find_banner (Fixture *f)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (f->window), SEC_TYPE_CONNECTION_BANNER, FALSE, found);
  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

static gboolean
banner_shown (gpointer data)
{
  return sec_connection_banner_is_shown (data);
}

static gboolean
banner_hidden (gpointer data)
{
  return !sec_connection_banner_is_shown (data);
}

static void
test_connection_lost (Fixture       *f,
                      gconstpointer  data)
{
  SecConnectionBanner *banner;
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kill = NULL;

  if (f->window == NULL)
    return;
  banner = find_banner (f);
  g_assert_false (sec_connection_banner_is_shown (banner));

  stmt = sec_engine_prepare (_sec_store_get_engine (f->mine), "SELECT pg_backend_pid ()", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_stmt_step (stmt, &error), ==, SEC_STEP_ROW);
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", sec_stmt_get_int64 (stmt, 0));
  g_clear_pointer (&stmt, sec_stmt_free);
  g_assert_true (sec_engine_exec (_sec_store_get_engine (f->theirs), kill, &error));
  g_assert_no_error (error);

  wait_for (banner_shown, banner, "the strip says the connection is lost");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (banner)));
  if (g_getenv ("SEC_TEST_SCREENSHOT") != NULL)
    sec_test_save_window (GTK_WIDGET (f->window), g_getenv ("SEC_TEST_SCREENSHOT"));
  wait_for (banner_hidden, banner, "the strip goes once connected again");
  g_assert_true (sec_store_get_connected (f->mine));
}

typedef struct {
  SecListPane *pane;
  guint        n;
} ListWait;

static gboolean
has_n_items (gpointer data)
{
  ListWait *w = data;

  return g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (w->pane))) == w->n;
}

static void
test_list_follows (Fixture       *f,
                   gconstpointer  data)
{
  ListWait w;
  SecRecord *selected;
  gint64 id;
  g_autoptr(GError) error = NULL;

  if (f->window == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "people");
  sec_test_wait_ms (100);
  w.pane = sec_window_get_list_pane (f->window, "people");
  g_assert_nonnull (w.pane);
  {
    g_autoptr(SecRecord) person = sec_test_find_one (f->mine, SEC_TYPE_PERSON, "family-name", "Person 40");
    id = sec_record_get_id (person);
  }
  g_assert_true (sec_list_pane_select (w.pane, id));
  sec_test_wait_ms (100);

  /* Someone adds a person before the selected one, and renames another. */
  sec_test_insert (f->theirs, SEC_TYPE_PERSON, "given-name", "Bo", "family-name", "Person 01", NULL);
  w.n = 31;
  wait_for (has_n_items, &w, "the new person is listed");
  selected = sec_list_pane_get_selected_record (w.pane);
  g_assert_nonnull (selected);
  g_assert_cmpint (sec_record_get_id (selected), ==, id);

  /* Someone deletes the selected person's neighbour. */
  {
    g_autoptr(SecRecord) neighbour = sec_test_find_one (f->theirs, SEC_TYPE_PERSON, "family-name", "Person 38");

    g_assert_true (sec_store_delete (f->theirs, SEC_TYPE_PERSON, sec_record_get_id (neighbour), &error));
    g_assert_no_error (error);
  }
  w.n = 30;
  wait_for (has_n_items, &w, "the deleted person goes");
  selected = sec_list_pane_get_selected_record (w.pane);
  g_assert_nonnull (selected);
  g_assert_cmpint (sec_record_get_id (selected), ==, id);
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
shows_label (gpointer data)
{
  LabelWait *w = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  sec_test_collect_widgets (w->root, GTK_TYPE_LABEL, TRUE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), w->text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_editor_deleted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(SecRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  SecRecordEditor *editor;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  LabelWait w;
  gint64 id;
  GLogLevelFlags old_fatal;

  if (f->window == NULL)
    return;
  /* Warnings of sec-unique are dropped (see main ()); GLib still stops on
   * them while warnings are fatal, so only criticals are, in this test. */
  old_fatal = g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  person = sec_test_find_one (f->mine, SEC_TYPE_PERSON, "family-name", "Person 10");
  id = sec_record_get_id (person);
  editor = sec_record_editor_new (GTK_WINDOW (f->window), f->mine, SEC_TYPE_PERSON, person);
  gtk_window_present (GTK_WINDOW (editor));
  wait_for (is_mapped, editor, "the editor shows");

  /* The user types a new family name... */
  sec_test_collect_widgets (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, TRUE, entries);
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (gtk_editable_get_text (entries->pdata[i]), "Person 10"))
      gtk_editable_set_text (entries->pdata[i], "Person 10 (typed)");

  /* ...while someone else deletes the person. */
  g_assert_true (sec_store_delete (f->theirs, SEC_TYPE_PERSON, id, &error));
  g_assert_no_error (error);
  w.root = GTK_WIDGET (editor);
  w.text = "deleted after you opened it";
  wait_for (shows_label, &w, "the editor says the record was deleted");

  /* What was typed is kept, and Save adds it again. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  sec_test_wait_ms (100);
  again = sec_test_find_one (f->mine, SEC_TYPE_PERSON, "family-name", "Person 10 (typed)");
  g_assert_cmpint (sec_record_get_id (again), !=, id);
  g_assert_cmpstr (sec_record_get_string (again, "given-name"), ==, "Ana");
  g_log_set_always_fatal (old_fatal);
}

int
main (int   argc,
      char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/shared-office/connection-lost", test_connection_lost);
  ADD ("/shared-office/list-follows", test_list_follows);
  ADD ("/shared-office/editor-deleted", test_editor_deleted);

  return g_test_run ();
}
