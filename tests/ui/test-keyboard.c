/* test-keyboard.c: a whole meeting prepared with the keyboard alone
 *
 * Real key presses, sent to the X server by xdotool (XTEST) as a keyboard
 * would, go through GTK's whole way: the focused window, its shortcuts, the
 * focus chain. Nothing is clicked and no widget is called directly: the
 * steps are Tab, arrows, Return, shortcuts and mnemonics. At the end the
 * database must hold what was typed. Under Xvfb there is no window manager
 * to give a new window the keyboard focus, so the test does what the
 * manager would (xdotool windowfocus) whenever a window opens.
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cli/sec-demo.h"
#include "core/store/sec-records.h"
#include "ui/meetings/sec-agenda-window.h"
#include "ui/meetings/sec-checkin-window.h"
#include "ui/meetings/sec-export-dialog.h"
#include "ui/meetings/sec-invite-dialog.h"
#include "ui/records/sec-record-editor.h"
#include "ui/shell/sec-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

typedef struct {
  char      *dir;
  SecStore  *store;
  SecWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sec_test_make_tmp_dir ("sec-keyboard-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  f->window = g_object_ref (sec_window_new (NULL, f->store));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_wait_ms (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sec_test_destroy_windows ();
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Helpers: the keyboard */

static void
xdotool_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* Runs xdotool with @argv while the main loop keeps taking its events. */
static void
xdotool (const char *const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gboolean done = FALSE;

  g_ptr_array_add (args, (gpointer) "xdotool");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  process = g_subprocess_newv ((const char *const *) args->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, xdotool_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  sec_test_wait_ms (150);
}

/* The title of the row or the label of the button holding @focus. */
static const char *
focus_name (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (ADW_IS_PREFERENCES_ROW (w))
        return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
      if (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)) != NULL)
        return gtk_button_get_label (GTK_BUTTON (w));
      if (gtk_widget_get_tooltip_text (w) != NULL)
        return gtk_widget_get_tooltip_text (w);
    }
  return "";
}

static void
describe_focus (const char *step)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      GtkWidget *focus;
      if (!gtk_widget_get_visible (GTK_WIDGET (w)) || !gtk_window_is_active (w))
        continue;
      focus = gtk_window_get_focus (w);
      g_test_message ("%s: window “%s”, focus %s “%s”", step, gtk_window_get_title (w),
                      focus ? G_OBJECT_TYPE_NAME (focus) : "none", focus_name (focus));
    }
}

/* Presses each key of the NULL-terminated list, as xdotool names them:
 * "Tab", "ctrl+n", "alt+a", "Return". */
static void
keys (const char *step,
      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *key;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "key");
  g_ptr_array_add (argv, (gpointer) "--delay");
  g_ptr_array_add (argv, (gpointer) "60");
  va_start (ap, step);
  while ((key = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) key);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  xdotool ((const char *const *) argv->pdata);
  describe_focus (step);
}

static void
type (const char *step,
      const char *text)
{
  const char *argv[] = { "type", "--delay", "30", text, NULL };

  xdotool (argv);
  describe_focus (step);
}

/* What a window manager does for a window that opens: give it the keyboard. */
static void
focus_window (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *argv[] = { "windowfocus", "--sync", xid, NULL };

  xdotool (argv);
  sec_test_wait_ms (200);
}

static GtkWindow *
wait_toplevel (GType type)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWindow *window = NULL;

  while ((window = sec_test_find_toplevel (type)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (window);
  sec_test_wait_ms (300);
  return window;
}

static void
test_whole_meeting (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");

  if (xdotool_path == NULL)
    {
      g_test_skip ("xdotool is not installed (build-aux/dev deps)");
      return;
    }
  focus_window (GTK_WINDOW (f->window));
  keys ("upcoming meetings", "ctrl+1", NULL);
  keys ("new meeting", "ctrl+n", NULL);
  focus_window (wait_toplevel (SEC_TYPE_RECORD_EDITOR));
  type ("title", "Keyboard meeting");
  keys ("to the start", "Tab", "Tab", NULL);
  type ("start date", "2027-10-14");
  keys ("to the start time", "Tab", NULL);
  type ("start time", "09:30");
  /* Past the time's Clear button and the calendar button. */
  keys ("to the end", "Tab", "Tab", "Tab", NULL);
  type ("end date", "2027-10-14");
  keys ("to the end time", "Tab", NULL);
  type ("end time", "17:00");
  keys ("to the venue", "Tab", "Tab", "Tab", "Tab", NULL);
  type ("venue", "Brussels");
  for (int i = 0; i < 10; i++)
    keys ("to the bodies", "Tab", NULL);
  keys ("first body", "space", NULL);
  keys ("save", "ctrl+s", NULL);
  sec_test_wait_ms (500);
  g_assert_null (sec_test_find_toplevel (SEC_TYPE_RECORD_EDITOR));
  focus_window (GTK_WINDOW (f->window));
  describe_focus ("saved");

  /* The agenda */
  keys ("agenda", "alt+a", NULL);
  focus_window (wait_toplevel (SEC_TYPE_AGENDA_WINDOW));
  keys ("new item", "ctrl+n", NULL);
  type ("item title", "Welcome");
  keys ("save item", "ctrl+s", NULL);
  keys ("new item", "ctrl+n", NULL);
  type ("item title", "Reports from the bodies");
  keys ("save item", "ctrl+s", NULL);
  keys ("close the agenda", "ctrl+w", NULL);
  g_assert_null (sec_test_find_toplevel (SEC_TYPE_AGENDA_WINDOW));

  meeting = sec_test_find_one (f->store, SEC_TYPE_MEETING, "title", "Keyboard meeting");
  g_assert_cmpstr (sec_record_get_string (meeting, "starts-at"), ==, "2027-10-14T09:30");
  g_assert_cmpstr (sec_record_get_string (meeting, "ends-at"), ==, "2027-10-14T17:00");
  g_assert_cmpstr (sec_record_get_string (meeting, "venue"), ==, "Brussels");
  meeting_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (meeting));
  sec_query_add (query, "meeting", SEC_QUERY_EQUALS, meeting_id);
  items = sec_store_list (f->store, SEC_TYPE_AGENDA_ITEM, query, NULL);
  g_assert_cmpuint (items->len, ==, 2);
  bodies = sec_store_list (f->store, SEC_TYPE_MEETING_BODY, query, NULL);
  g_assert_cmpuint (bodies->len, ==, 1);

  /* The participants: the members of the body, invited */
  focus_window (GTK_WINDOW (f->window));
  keys ("invite", "alt+i", NULL);
  focus_window (wait_toplevel (SEC_TYPE_INVITE_DIALOG));
  describe_focus ("invite dialog");
  keys ("invite them", "alt+i", NULL);
  sec_test_wait_ms (500);
  participants = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, query, NULL);
  g_assert_cmpuint (participants->len, >, 0);
  keys ("close", "Escape", NULL);
  g_assert_null (sec_test_find_toplevel (SEC_TYPE_INVITE_DIALOG));

  /* The check-in: a few letters of the name, Enter */
  {
    SecRecord *participant = g_ptr_array_index (participants, 0);
    g_autoptr(SecRecord) person = sec_store_get (f->store, SEC_TYPE_PERSON,
                                                 sec_record_get_ref (participant, "person"), NULL);
    g_autoptr(SecRecord) checked_in = NULL;

    g_assert_nonnull (person);
    focus_window (GTK_WINDOW (f->window));
    keys ("check-in", "alt+c", NULL);
    focus_window (wait_toplevel (SEC_TYPE_CHECKIN_WINDOW));
    describe_focus ("check-in window");
    type ("name", sec_record_get_string (person, "family-name"));
    keys ("present", "Return", NULL);
    sec_test_wait_ms (500);
    checked_in = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, sec_record_get_id (participant), NULL);
    g_assert_cmpstr (sec_record_get_string (checked_in, "status"), ==, "attended");
    keys ("close the check-in", "ctrl+w", NULL);
    g_assert_null (sec_test_find_toplevel (SEC_TYPE_CHECKIN_WINDOW));
  }

  /* The agenda as a PDF: Ctrl+S, a file name typed in the file chooser */
  {
    g_autofree char *path = g_build_filename (f->dir, "agenda.pdf", NULL);
    const char *search[] = { "search", "--sync", "--name", "Save Document", "windowfocus", "--sync", NULL };
    gint64 end;

    focus_window (GTK_WINDOW (f->window));
    keys ("export", "alt+r", NULL);
    focus_window (wait_toplevel (SEC_TYPE_EXPORT_DIALOG));
    describe_focus ("export dialog");
    keys ("save", "ctrl+s", NULL);
    xdotool (search);
    describe_focus ("chooser");
    keys ("the name", "ctrl+a", NULL);
    type ("path", path);
    keys ("save", "Return", NULL);
    end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_install_log_writer ();
  sec_test_tolerate_dialog_warning ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_test_add ("/keyboard/whole-meeting", Fixture, NULL, fixture_setup, test_whole_meeting, fixture_teardown);
  return g_test_run ();
}
