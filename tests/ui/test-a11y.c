/* test-a11y.c: what a screen reader and the keyboard alone can reach
 *
 * The window is made on the demo database and driven through its actions
 * to each place staff work in: every section with its first record's page,
 * the record editor, a meeting's agenda, invitation, participants, check-in
 * and export windows, a call's applications and export, a statement's
 * commitments grid and export. At each place two checks run:
 *
 * - a11y-walk.py (beside this file) walks the accessible tree of the window
 *   over AT-SPI, as Orca would, hidden pages included, and fails on any
 *   button, toggle, image, entry, cell, row or link without an accessible
 *   name, or whose name reads a mnemonic's underscore or itself twice;
 * - Tab is pressed (as the window's Tab binding does: gtk_widget_child_focus
 *   forwards, starting again from the top when it runs out) until focus has
 *   gone round, and every shown, sensitive, focusable control must have had
 *   focus. A list, flow box or grid counts as reached when one of its rows
 *   had focus: the arrow keys move inside it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cli/sec-demo.h"
#include "core/store/sec-records.h"
#include "ui/calls/sec-call-tools.h"
#include "ui/funding/sec-portfolio-window.h"
#include "ui/import/sec-import-dialog.h"
#include "ui/shell/sec-deleted-dialog.h"
#include "ui/shell/sec-preferences-window.h"
#include "ui/shell/sec-privacy-dialog.h"
#include "ui/meetings/sec-meeting-tools.h"
#include "ui/statements/sec-statement-tools.h"
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
  f->dir = sec_test_make_tmp_dir ("sec-a11y-XXXXXX");
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

/* The screen reader's view */

typedef struct {
  gboolean  done;
  char     *out;
  char     *err;
  gboolean  ok;
  GError   *error;
} Walk;

static void
walk_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Walk *walk = data;

  if (g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &walk->out, &walk->err, &walk->error))
    walk->ok = g_subprocess_get_successful (G_SUBPROCESS (source));
  walk->done = TRUE;
}

/* Runs the walker against this process while the main loop keeps
 * answering its questions; returns what it found. */
static char *
screen_reader_problems (const char *place,
                        GtkWindow  *window)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "ui", "a11y-walk.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) walker = NULL;
  Walk walk = { 0 };

  walker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             "/usr/bin/python3", script, pid, place,
                             window ? gtk_window_get_title (window) : NULL, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (walker, NULL, NULL, walk_done, &walk);
  while (!walk.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (walk.error);
  g_test_message ("%s", walk.err);
  if (walk.ok)
    {
      g_free (walk.out);
      walk.out = g_strdup ("");
    }
  else if (walk.out == NULL || walk.out[0] == '\0')
    g_error ("a11y-walk.py failed at %s: %s", place, walk.err);
  g_free (walk.err);
  return walk.out;
}

/* The keyboard's view */

static gboolean
is_roving_container (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX (widget) || GTK_IS_FLOW_BOX (widget) || GTK_IS_LIST_VIEW (widget) ||
         GTK_IS_GRID_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget);
}

/* Every control Tab should stop at: shown, sensitive, focusable. For a
 * list, the list itself stands for its rows. */
static void
collect_tab_stops (GtkWidget *widget,
                   GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget) ||
      !gtk_widget_get_can_focus (widget) || gtk_widget_get_opacity (widget) == 0.0)
    return;
  if (is_roving_container (widget))
    {
      g_ptr_array_add (out, g_object_ref (widget));
      return;
    }
  if (gtk_widget_get_focusable (widget) && !GTK_IS_WINDOW (widget))
    g_ptr_array_add (out, g_object_ref (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_tab_stops (child, out);
}

static GtkWidget *
tab_stop_of (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w; w = gtk_widget_get_parent (w))
    if (is_roving_container (w))
      return w;
  return focus;
}

static char *
describe (GtkWidget *widget)
{
  GString *s = g_string_new (G_OBJECT_TYPE_NAME (widget));

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)))
    g_string_append_printf (s, " “%s”", gtk_button_get_label (GTK_BUTTON (widget)));
  else if (gtk_widget_get_tooltip_text (widget))
    g_string_append_printf (s, " (%s)", gtk_widget_get_tooltip_text (widget));
  for (GtkWidget *w = gtk_widget_get_parent (widget); w; w = gtk_widget_get_parent (w))
    if (ADW_IS_PREFERENCES_ROW (w))
      {
        g_string_append_printf (s, " in row “%s”", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
        break;
      }
  return g_string_free (s, FALSE);
}

/* Presses Tab round @window and lists what it never reached. */
static char *
unreachable_by_tab (GtkWindow *window)
{
  g_autoptr(GPtrArray) stops = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GString *missing = g_string_new (NULL);
  guint wraps = 0;

  collect_tab_stops (GTK_WIDGET (window), stops);
  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 4 * stops->len + 20 && wraps < 2; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          wraps++;
          gtk_window_set_focus (window, NULL);
          continue;
        }
      focus = gtk_root_get_focus (GTK_ROOT (window));
      /* A stop is reached when focus lands on it or inside it (a
       * scrolled window passes focus to what it scrolls). */
      for (GtkWidget *w = tab_stop_of (focus); w; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);
      if (g_test_verbose ())
        {
          g_autofree char *what = describe (focus);
          g_test_message ("Tab %u: %s", i, what);
        }
    }
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);
      /* Focus on a list row may show another record: what went with the
       * old one is no longer there to reach. */
      if (gtk_widget_get_root (stop) != GTK_ROOT (window) || !gtk_widget_get_mapped (stop))
        continue;
      if (!g_hash_table_contains (reached, stop))
        {
          g_autofree char *what = describe (stop);
          g_string_append_printf (missing, "  not reached by Tab: %s\n", what);
        }
    }
  g_test_message ("%u tab stops, %u reached", stops->len, g_hash_table_size (reached));
  return g_string_free (missing, FALSE);
}

/* Both checks at one place; the problems of every place are gathered so
 * that one run lists them all. */
static void
check_place (GString    *problems,
             const char *place,
             GtkWindow  *window)
{
  g_autofree char *unnamed = NULL;
  g_autofree char *unreachable = NULL;

  sec_test_wait_ms (150);
  unnamed = screen_reader_problems (place, window);
  g_string_append (problems, unnamed);
  if (window != NULL)
    {
      unreachable = unreachable_by_tab (window);
      if (unreachable[0] != '\0')
        g_string_append_printf (problems, "%s:\n%s", place, unreachable);
    }
}

static void
assert_no_problems (GString *problems)
{
  if (problems->len > 0)
    {
      g_test_message ("%s", problems->str);
      g_test_fail_printf ("accessibility problems:\n%s", problems->str);
    }
}

static GtkWidget *
find_tools (Fixture *f,
            GType    type)
{
  g_autoptr(GPtrArray) tools = g_ptr_array_new ();

  sec_test_collect_widgets (GTK_WIDGET (f->window), type, TRUE, tools);
  g_assert_cmpuint (tools->len, >, 0);
  return g_ptr_array_index (tools, 0);
}

/* The shown window that @parent is transient for. */
static GtkWindow *
find_window_over (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) && gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

/* Tests */

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  const char *sections[] = { "overview", "meetings", "past-meetings", "organisations", "people", "bodies", "calls", "statements",
                             "funding-calls", "projects", "programmes" };
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", sections[i]));
      sec_test_wait_for_record_page (GTK_WIDGET (f->window));
      check_place (problems, sections[i], GTK_WINDOW (f->window));
    }
  assert_no_problems (problems);
}

typedef struct {
  const char *section;
  GType     (*tools_type) (void);
  const char *action;
  const char *place;
} ToolWindow;

/* Each tool window of the first record of a section. */
static const ToolWindow tool_windows[] = {
  { "meetings", sec_meeting_tools_get_type, "tools.agenda", "agenda" },
  { "meetings", sec_meeting_tools_get_type, "tools.invite", "invite" },
  { "meetings", sec_meeting_tools_get_type, "tools.participants", "participants" },
  { "meetings", sec_meeting_tools_get_type, "tools.check-in", "check-in" },
  { "meetings", sec_meeting_tools_get_type, "tools.export", "export" },
  { "meetings", sec_meeting_tools_get_type, "tools.minutes", "minutes" },
  { "meetings", sec_meeting_tools_get_type, "tools.emails", "e-mails" },
  { "calls", sec_call_tools_get_type, "call.applications", "applications" },
  { "calls", sec_call_tools_get_type, "call.export", "call export" },
  { "statements", sec_statement_tools_get_type, "statement.grid", "commitments" },
  { "statements", sec_statement_tools_get_type, "statement.export", "statement export" },
};

static void
test_tool_windows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tool_windows); i++)
    {
      const ToolWindow *t = &tool_windows[i];
      GtkWindow *window;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", t->section));
      sec_test_wait_ms (100);
      sec_test_wait_for_record_page (GTK_WIDGET (f->window));
      g_assert_true (gtk_widget_activate_action (find_tools (f, t->tools_type ()), t->action, NULL));
      sec_test_wait_ms (200);
      window = find_window_over (GTK_WINDOW (f->window));
      g_assert_nonnull (window);
      check_place (problems, t->place, window);
      gtk_window_destroy (window);
      sec_test_wait_ms (50);
    }
  assert_no_problems (problems);
}

/* The windows opened from the primary menu and a project's page: the
 * import of a small CSV, the personal data review, the portfolio, the
 * deleted records. */
static void
test_other_windows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *csv = g_build_filename (f->dir, "people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  GtkWindow *windows[5];
  const char *places[] = { "import", "privacy review", "portfolio", "deleted records", "preferences" };

  g_assert_true (g_file_set_contents (csv, "Nom;Prénom;Courriel;Pays\nDupont;Anne;anne@example.org;FR\n;Jean;;BE\n", -1,
                                      &error));
  windows[0] = GTK_WINDOW (sec_import_dialog_new (GTK_WINDOW (f->window), f->store, SEC_TYPE_PERSON, file, &error));
  g_assert_no_error (error);
  windows[1] = GTK_WINDOW (sec_privacy_dialog_new (GTK_WINDOW (f->window), f->store));
  windows[2] = GTK_WINDOW (sec_portfolio_window_new (GTK_WINDOW (f->window), f->store, 0));
  windows[3] = GTK_WINDOW (sec_deleted_dialog_new (GTK_WINDOW (f->window), f->store));
  windows[4] = GTK_WINDOW (sec_preferences_window_new (GTK_WINDOW (f->window), f->store));
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      gtk_window_present (windows[i]);
      sec_test_wait_ms (300);
      check_place (problems, places[i], windows[i]);
      gtk_window_destroy (windows[i]);
      sec_test_wait_ms (50);
    }
  assert_no_problems (problems);
}

static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  const char *sections[] = { "meetings", "people" };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWindow *editor = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", sections[i]));
      sec_test_wait_ms (100);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-record", NULL));
      sec_test_wait_ms (200);
      editor = sec_test_find_toplevel (SEC_TYPE_RECORD_EDITOR);
      g_assert_nonnull (editor);
      check_place (problems, sections[i], editor);
      gtk_window_destroy (editor);
      sec_test_wait_ms (50);
    }
  assert_no_problems (problems);
}

int
main (int   argc,
      char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The walks go through the hidden sections too, for longer than the
   * window keeps them (sec-window-sections.c). */
  sec_window_set_pane_release_delay (0);
  sec_test_tolerate_dialog_warning ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/a11y/sections", test_sections);
  ADD ("/a11y/tool-windows", test_tool_windows);
  ADD ("/a11y/editor", test_editor);
  ADD ("/a11y/other-windows", test_other_windows);
  return g_test_run ();
}
