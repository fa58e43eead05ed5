/* test-call-ui.c: the window side of calls and joint statements, on the
 * demo data: a call's tools (stage, days left, balance with the Member
 * States without a member), the commitments grid and the statement's
 * progress, the export dialog, and the tools at the top of the record page.
 * The applications window and the editor's route for "Selected" are in
 * test-call-ui-applications.c. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "ui/calls/sec-call-export-dialog.h"
#include "ui/calls/sec-call-tools.h"
#include "core/calls/sec-calls.h"
#include "ui/statements/sec-commitments-window.h"
#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "ui/records/sec-record-page.h"
#include "ui/statements/sec-statement-tools.h"
#include "core/statements/sec-statements.h"
#include "ui/widgets/sec-wrap-box.h"
#include "ui/widgets/sec-detail-row.h"
#include "sec-test-call-ui.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

static AdwPreferencesGroup *
find_group (GtkWidget *root, const char *title)
{
  g_autoptr(GPtrArray) groups = sec_test_call_ui_find_all (root, ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title) == 0)
      return g_ptr_array_index (groups, i);
  g_error ("No group “%s”", title);
  return NULL;
}

/* The call tools */

static SecCallTools *
show_call_tools (SecTestCallUi *f, SecRecord *call)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *tools = sec_call_tools_new (f->store, call);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), tools);
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  sec_test_iterate ();
  return SEC_CALL_TOOLS (tools);
}

/* The names of the countries the balance shows in red (no member). */
static GHashTable *
countries_without_members (SecCallTools *tools)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);
  AdwPreferencesGroup *group = find_group (GTK_WIDGET (tools), "Geographical Balance");
  g_autoptr(GPtrArray) boxes = sec_test_call_ui_find_all (GTK_WIDGET (group), SEC_TYPE_WRAP_BOX);
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_cmpuint (boxes->len, ==, 1);
  labels = sec_test_call_ui_find_all (g_ptr_array_index (boxes, 0), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      /* The name, not its count: the count is the next sibling. */
      if (gtk_widget_has_css_class (label, "error") && gtk_widget_get_next_sibling (label) != NULL)
        g_hash_table_add (names, (gpointer) gtk_label_get_text (GTK_LABEL (label)));
    }
  return names;
}

static void
test_tools_open_call (SecTestCallUi *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) brussels = g_time_zone_new_identifier ("Europe/Brussels");
  g_autoptr(GDateTime) now = g_date_time_new_now (brussels);
  g_autoptr(GDateTime) opened = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) deadline = g_date_time_add_days (now, 12);
  g_autofree char *published_on = g_date_time_format (opened, "%Y-%m-%d");
  g_autofree char *deadline_text = g_date_time_format (deadline, "%Y-%m-%dT23:59");
  g_autoptr(SecRecord) call = sec_record_new (SEC_TYPE_CALL);
  g_autofree char *expected_left = NULL;
  g_autofree char *today = sec_today ();
  SecCallTools *tools;
  GtkWidget *status_row;
  g_autoptr(GPtrArray) labels = NULL;
  gboolean days_shown = FALSE;

  sec_record_set_string (call, "title", "2026 call for expression of interest: Cyprus and Latvia");
  sec_record_set_ref (call, "body", sec_record_get_ref (SEC_RECORD (f->call_2018), "body"));
  sec_record_set_string (call, "kind", "targeted");
  sec_record_set_string (call, "eligible-countries", "CY,LV");
  sec_record_set_string (call, "published-on", published_on);
  sec_record_set_string (call, "deadline", deadline_text);
  g_assert_true (sec_call_save (f->store, SEC_CALL (call), &error));
  g_assert_no_error (error);

  tools = show_call_tools (f, call);

  /* Open, 12 days left, as the core counts them. */
  status_row = sec_test_call_ui_find_row (GTK_WIDGET (tools), "Status");
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (status_row)), ==, "Open");
  g_assert_cmpint (sec_call_days_left (SEC_CALL (call), NULL), ==, 12);
  expected_left = sec_call_describe_time_left (SEC_CALL (call), NULL);
  g_assert_cmpstr (expected_left, ==, "12 days left");
  labels = sec_test_call_ui_find_all (status_row, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), "12 days left") == 0)
      days_shown = gtk_widget_get_mapped (g_ptr_array_index (labels, i));
  g_assert_true (days_shown);

  /* The deadline with its zone, and who may apply. */
  g_assert_true (g_str_has_suffix (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (sec_test_call_ui_find_row (GTK_WIDGET (tools), "Deadline"))),
                                   ", 23:59 (Europe/Brussels)"));
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (sec_test_call_ui_find_row (GTK_WIDGET (tools), "Who may apply"))),
                   ==, "Cyprus and Latvia only");
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (sec_test_call_ui_find_row (GTK_WIDGET (tools), "Applications"))),
                   ==, "None received yet");

  /* Before the deadline, the balance is today's: no choice to make. */
  g_assert_cmpstr (sec_call_tools_get_balance_date (tools), ==, today);
  {
    g_autoptr(GHashTable) missing = countries_without_members (tools);
    g_autoptr(GArray) balance = sec_call_dup_country_balance (f->store, SEC_CALL (call), today,
                                                              SEC_BALANCE_PROTOCOL_ORDER, NULL);
    guint expected = 0;

    for (guint i = 0; i < balance->len; i++)
      {
        SecCountryBalance *row = &g_array_index (balance, SecCountryBalance, i);

        if (row->member_state && row->members == 0)
          {
            g_assert_true (g_hash_table_contains (missing, sec_country_name (row->country)));
            expected++;
          }
      }
    g_assert_cmpuint (g_hash_table_size (missing), ==, expected);
  }
}

static void
test_tools_balance_and_errata (SecTestCallUi *f, gconstpointer data)
{
  SecCallTools *tools = show_call_tools (f, SEC_RECORD (f->call_2018));
  g_autoptr(GHashTable) missing = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *today = sec_today ();
  AdwPreferencesGroup *balance_group;
  g_autoptr(GPtrArray) cells = NULL;
  guint n_cells;
  GtkWidget *today_button;

  /* A decided call: its stage, no days left. */
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (sec_test_call_ui_find_row (GTK_WIDGET (tools), "Status"))),
                   ==, "Decided");
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (sec_test_call_ui_find_row (GTK_WIDGET (tools), "Deadline"))),
                   ==, "25 April 2018, 23:59 (Europe/Brussels)");
  g_assert_cmpstr (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (sec_test_call_ui_find_row (GTK_WIDGET (tools), "Who may apply"))),
                   ==, "Denmark, Estonia and Malta only · Civil society organisation");
  g_assert_true (g_str_has_prefix (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (sec_test_call_ui_find_row (GTK_WIDGET (tools),
                                                                                           "Applications"))),
                                   "9 received · Eligible: 6 · Not eligible: 3 · Late: 1 · Selected: 3"));

  /* The balance on the deadline's day: Denmark, Estonia and Malta had no
   * member, the reason for the call; every Member State has its cell. */
  g_assert_cmpstr (sec_call_tools_get_balance_date (tools), ==, "2018-04-25");
  missing = countries_without_members (tools);
  g_assert_true (g_hash_table_contains (missing, "Denmark"));
  g_assert_true (g_hash_table_contains (missing, "Estonia"));
  g_assert_true (g_hash_table_contains (missing, "Malta"));
  g_assert_false (g_hash_table_contains (missing, "Bulgaria"));
  balance_group = find_group (GTK_WIDGET (tools), "Geographical Balance");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (balance_group), "on 25 April 2018"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (balance_group), "No member from"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (balance_group), "Denmark"));
  cells = sec_test_call_ui_find_all (GTK_WIDGET (balance_group), SEC_TYPE_WRAP_BOX);
  g_assert_cmpuint (cells->len, ==, 1);
  n_cells = 0;
  for (GtkWidget *cell = gtk_widget_get_first_child (g_ptr_array_index (cells, 0)); cell; cell = gtk_widget_get_next_sibling (cell))
    n_cells++;
  g_assert_cmpuint (n_cells, >=, 27);
  g_clear_pointer (&missing, g_hash_table_unref);

  /* Today, after the selection: members there. */
  today_button = sec_test_call_ui_find_button (GTK_WIDGET (tools), GTK_TYPE_TOGGLE_BUTTON, "Today");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (today_button), TRUE);
  sec_test_iterate ();
  g_assert_cmpstr (sec_call_tools_get_balance_date (tools), ==, today);
  missing = countries_without_members (tools);
  g_assert_false (g_hash_table_contains (missing, "Denmark"));
  g_assert_false (g_hash_table_contains (missing, "Estonia"));
  g_assert_false (g_hash_table_contains (missing, "Malta"));

  /* The text in force first, then the history. */
  versions = sec_call_dup_versions (f->store, f->call_2018, NULL);
  g_assert_cmpuint (versions->len, ==, 2);
  {
    AdwPreferencesGroup *text = find_group (GTK_WIDGET (tools), "Text and Errata");
    g_autoptr(GPtrArray) rows = sec_test_call_ui_find_all (GTK_WIDGET (text), ADW_TYPE_EXPANDER_ROW);

    g_assert_cmpstr (adw_preferences_group_get_description (text), ==, "1 erratum: the last version is in force");
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==,
                     "Version 2 · Erratum of 9 April 2018");
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==,
                     "Version 1 · As published on 20 March 2018");
  }
}

/* The commitments grid */

static SecStatementTools *
show_statement_tools (SecTestCallUi *f)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *tools = sec_statement_tools_new (f->store, SEC_RECORD (f->statement_2018));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), tools);
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  sec_test_iterate ();
  return SEC_STATEMENT_TOOLS (tools);
}

/* The latest year with a follow-up recorded, as the core tells it. */
static int
latest_recorded_year (SecTestCallUi *f)
{
  g_autoptr(GArray) years = sec_statement_dup_years (f->store, f->statement_2018, NULL);

  for (guint i = years->len; i > 0; i--)
    {
      g_autoptr(SecStatementGrid) grid = sec_statement_get_grid (f->store, f->statement_2018,
                                                                 g_array_index (years, int, i - 1), NULL);
      SecProgress progress;

      sec_statement_grid_get_progress (grid, &progress);
      if (progress.unrecorded < progress.total)
        return g_array_index (years, int, i - 1);
    }
  g_assert_not_reached ();
}

/* A cell whose status is not @status in @grid. */
static void
find_cell_not (SecStatementGrid *grid, SecFollowUpStatus status, guint *row, guint *column)
{
  for (guint r = 0; r < sec_statement_grid_get_n_commitments (grid); r++)
    for (guint c = 0; c < sec_statement_grid_get_n_signatories (grid); c++)
      if (sec_statement_grid_get_cell (grid, r, c)->status != status)
        {
          *row = r;
          *column = c;
          return;
        }
  g_assert_not_reached ();
}

static void
test_commitments_grid (SecTestCallUi *f, gconstpointer data)
{
  SecStatementTools *tools = show_statement_tools (f);
  SecCommitmentsWindow *window;
  g_autoptr(SecStatementGrid) fresh = NULL;
  g_autofree char *done_text = NULL;
  SecProgress before, after, tools_before, tools_after;
  const SecGridCell *cell;
  GtkWidget *button, *popover, *save;
  g_autoptr(GPtrArray) checks = NULL;
  guint row, column;
  int year = latest_recorded_year (f);
  GtkLabel *progress_label = NULL;
  g_autoptr(GPtrArray) labels = NULL;

  /* The tools count every cell, with each one's latest follow-up. */
  sec_statement_tools_get_progress (tools, &tools_before);
  g_assert_cmpuint (tools_before.total, ==, 50);
  g_assert_cmpint (sec_statement_tools_get_year (tools), ==, 0);

  /* The grid opens on the latest year with something recorded. */
  gtk_widget_activate_action (GTK_WIDGET (tools), "statement.grid", NULL);
  sec_test_iterate ();
  window = sec_commitments_window_open (GTK_WINDOW (f->window), f->store, f->statement_2018, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  sec_test_wait_ms (100);
  g_assert_cmpint (sec_commitments_window_get_year (window), ==, year);
  g_assert_cmpuint (sec_statement_grid_get_n_commitments (sec_commitments_window_get_grid (window)), ==, 5);
  g_assert_cmpuint (sec_statement_grid_get_n_signatories (sec_commitments_window_get_grid (window)), ==, 10);
  /* Acronyms head the columns, the names are in their tooltips. */
  {
    g_autoptr(GPtrArray) all = sec_test_call_ui_find_all (GTK_WIDGET (window), GTK_TYPE_LABEL);
    gboolean europol = FALSE;

    for (guint i = 0; i < all->len; i++)
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (all, i)), "Europol") == 0)
        europol = g_str_has_prefix (gtk_widget_get_tooltip_text (g_ptr_array_index (all, i)),
                                    "European Union Agency for Law Enforcement Cooperation");
    g_assert_true (europol);
  }

  sec_statement_grid_get_progress (sec_commitments_window_get_grid (window), &before);
  find_cell_not (sec_commitments_window_get_grid (window), SEC_FOLLOW_UP_DONE, &row, &column);

  /* Through the cell's popover: done, with a note. */
  button = sec_commitments_window_get_cell (window, row, column);
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  sec_test_iterate ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  checks = sec_test_call_ui_find_all (popover, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, SEC_FOLLOW_UP_N_STATUSES);
  g_assert_cmpstr (gtk_check_button_get_label (g_ptr_array_index (checks, SEC_FOLLOW_UP_DONE)), ==, "3 – Done");
  gtk_check_button_set_active (g_ptr_array_index (checks, SEC_FOLLOW_UP_DONE), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (sec_test_call_ui_find_row (popover, "Note")), "Joint training held in Vilnius.");
  /* A wrong link is refused in the popover, and nothing is written. */
  gtk_editable_set_text (GTK_EDITABLE (sec_test_call_ui_find_row (popover, "Evidence link")), "not a link");
  save = sec_test_call_ui_find_button (popover, GTK_TYPE_BUTTON, "_Save");
  g_signal_emit_by_name (save, "clicked");
  sec_test_iterate ();
  fresh = sec_statement_get_grid (f->store, f->statement_2018, year, NULL);
  g_assert_cmpint (sec_statement_grid_get_cell (fresh, row, column)->status, !=, SEC_FOLLOW_UP_DONE);
  g_clear_pointer (&fresh, sec_statement_grid_unref);
  gtk_editable_set_text (GTK_EDITABLE (sec_test_call_ui_find_row (popover, "Evidence link")), "https://example.eu/report-2020.pdf");
  g_signal_emit_by_name (save, "clicked");
  sec_test_wait_ms (100);

  fresh = sec_statement_get_grid (f->store, f->statement_2018, year, NULL);
  cell = sec_statement_grid_get_cell (fresh, row, column);
  g_assert_cmpint (cell->status, ==, SEC_FOLLOW_UP_DONE);
  g_assert_cmpint (cell->year, ==, year);
  g_assert_cmpstr (cell->note, ==, "Joint training held in Vilnius.");
  g_assert_cmpstr (cell->evidence, ==, "https://example.eu/report-2020.pdf");

  /* The window's progress moved by one cell, and says so. */
  sec_statement_grid_get_progress (sec_commitments_window_get_grid (window), &after);
  g_assert_cmpuint (after.counts[SEC_FOLLOW_UP_DONE], ==, before.counts[SEC_FOLLOW_UP_DONE] + 1);
  done_text = g_strdup_printf ("Done: %u", after.counts[SEC_FOLLOW_UP_DONE]);
  labels = sec_test_call_ui_find_all (GTK_WIDGET (window), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), " done · ") != NULL)
      progress_label = g_ptr_array_index (labels, i);
  g_assert_nonnull (progress_label);
  g_assert_nonnull (strstr (gtk_label_get_text (progress_label), done_text));

  /* The statement's page follows, through the store. */
  sec_statement_tools_set_year (tools, year);
  sec_test_iterate ();
  sec_statement_tools_get_progress (tools, &tools_after);
  g_assert_cmpuint (tools_after.counts[SEC_FOLLOW_UP_DONE], ==, after.counts[SEC_FOLLOW_UP_DONE]);

  /* A key sets the focused cell's status at once: 4 is "not applicable".
   * The cell's button is asked for again: a refresh after the store's
   * signal may have made the grid anew (CI once failed in
   * gtk_window_set_focus () on an object already finalized). */
  button = sec_commitments_window_get_cell (window, row, column);
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  {
    GListModel *controllers = gtk_widget_observe_controllers (gtk_widget_get_parent (button));
    gboolean handled = FALSE;

    gtk_window_set_focus (GTK_WINDOW (window), button);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_4, 0, 0, &handled);
      }
    g_object_unref (controllers);
    g_assert_true (handled);
    g_clear_pointer (&fresh, sec_statement_grid_unref);
    fresh = sec_statement_get_grid (f->store, f->statement_2018, year, NULL);
    cell = sec_statement_grid_get_cell (fresh, row, column);
    g_assert_cmpint (cell->status, ==, SEC_FOLLOW_UP_NOT_APPLICABLE);
    /* The note stays. */
    g_assert_cmpstr (cell->note, ==, "Joint training held in Vilnius.");
    g_assert_cmpint (sec_statement_grid_get_cell (sec_commitments_window_get_grid (window), row, column)->status,
                     ==, SEC_FOLLOW_UP_NOT_APPLICABLE);
  }
}

/* The export dialog */

typedef struct {
  gboolean done;
  gboolean ok;
  GError  *error;
  SecCallExportDialog *dialog;
} Wait;

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Wait *wait = user_data;

  wait->ok = sec_call_export_dialog_export_finish (wait->dialog, result, &wait->error);
  wait->done = TRUE;
}

static char *
export_to (SecTestCallUi *f, SecCallExportDialog *dialog, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  Wait wait = { .dialog = dialog };

  sec_call_export_dialog_export_async (dialog, file, NULL, export_done_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_steal_pointer (&contents);
}

/* The number of pages of a PDF file, from pdfinfo. */
static int
count_pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;
  int status = 0, pages = -1;

  out = sec_test_spawn (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Pages: %d", &pages), ==, 1);
  return pages;
}

static void
test_export_dialog (SecTestCallUi *f, gconstpointer data)
{
  SecCallExportDialog *dialog = sec_call_export_dialog_new (GTK_WINDOW (f->window), f->store,
                                                            SEC_RECORD (f->call_2018));
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  sec_test_iterate ();
  /* A call's documents only; the first chosen. */
  rows = sec_test_call_ui_find_all (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (sec_call_export_dialog_get_document (dialog), ==, SEC_CALL_EXPORT_APPLICATIONS_PDF);

  sec_call_export_dialog_set_document (dialog, SEC_CALL_EXPORT_APPLICATIONS_CSV);
  /* No pages to print in a spreadsheet. */
  g_assert_false (gtk_widget_is_sensitive (sec_test_call_ui_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Print…")));
  csv = export_to (f, dialog, "applications.csv");
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (csv, "Nordlys Støttecenter"));
  g_assert_nonnull (strstr (csv, "Fondazzjoni Dar il-Ħniena"));

  sec_call_export_dialog_set_document (dialog, SEC_CALL_EXPORT_SELECTION_REPORT);
  g_assert_true (gtk_widget_is_sensitive (sec_test_call_ui_find_button (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Print…")));
  pdf = export_to (f, dialog, "selection.pdf");
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  /* Printing draws the same pages, through GtkPrintOperation. */
  {
    g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
    g_autofree char *saved = g_build_filename (f->dir, "selection.pdf", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (sec_call_export_dialog_print_to_file (dialog, printed, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_pdf_pages (printed), ==, count_pdf_pages (saved));
    g_assert_cmpint (count_pdf_pages (printed), >=, 2);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&csv, g_free);

  /* A statement's: the monitoring report of one year. */
  dialog = sec_call_export_dialog_new (GTK_WINDOW (f->window), f->store, SEC_RECORD (f->statement_2018));
  gtk_window_present (GTK_WINDOW (dialog));
  sec_test_iterate ();
  sec_call_export_dialog_set_document (dialog, SEC_CALL_EXPORT_MONITORING_CSV);
  sec_call_export_dialog_set_year (dialog, 2019);
  g_assert_cmpint (sec_call_export_dialog_get_year (dialog), ==, 2019);
  csv = export_to (f, dialog, "monitoring.csv");
  g_assert_nonnull (strstr (csv, "Europol"));
  g_assert_nonnull (strstr (csv, ",2019,"));
  g_assert_null (strstr (csv, ",2020,"));
}

/* The record page */

static void
test_record_page (SecTestCallUi *f, gconstpointer data)
{
  GtkWidget *page = sec_record_page_new ();
  g_autoptr(GPtrArray) tools = NULL;
  g_autoptr(GPtrArray) statement_tools = NULL;

  gtk_window_set_child (GTK_WINDOW (f->window), page);
  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, SEC_RECORD (f->call_2018));
  sec_test_iterate ();
  tools = sec_test_call_ui_find_all (page, SEC_TYPE_CALL_TOOLS);
  g_assert_cmpuint (tools->len, ==, 1);
  /* At the top: before the details. */
  g_assert_null (gtk_widget_get_prev_sibling (g_ptr_array_index (tools, 0)));

  /* The page makes them again when an application changes. */
  {
    g_autoptr(SecRecord) application = sec_test_call_ui_find_application (f, "Nordlys Støttecenter");
    g_autoptr(GPtrArray) again = NULL;
    /* Comparing pointers would be wrong: the new tools may be allocated
     * where the old ones were. The old ones must go, and new ones come. */
    GtkWidget *old_tools = g_ptr_array_index (tools, 0);

    g_object_add_weak_pointer (G_OBJECT (old_tools), (gpointer *) &old_tools);
    g_ptr_array_set_size (tools, 0);
    sec_record_set_string (application, "outcome", "rejected");
    g_assert_true (sec_application_save (f->store, SEC_APPLICATION (application), NULL));
    for (guint i = 0; i < 500 && old_tools != NULL; i++)
      sec_test_wait_ms (10);
    g_assert_null (old_tools);
    again = sec_test_call_ui_find_all (page, SEC_TYPE_CALL_TOOLS);
    g_assert_cmpuint (again->len, ==, 1);
  }

  sec_record_page_set_record (SEC_RECORD_PAGE (page), f->store, SEC_RECORD (f->statement_2018));
  sec_test_iterate ();
  statement_tools = sec_test_call_ui_find_all (page, SEC_TYPE_STATEMENT_TOOLS);
  g_assert_cmpuint (statement_tools->len, ==, 1);
  g_assert_null (gtk_widget_get_prev_sibling (g_ptr_array_index (statement_tools, 0)));

  /* The predecessor is a link. */
  {
    GtkWidget *row = sec_test_call_ui_find_row (page, "Joint Statement of the Heads of the EU Justice and Home Affairs Agencies "
                                     "on trafficking in human beings");

    g_signal_emit_by_name (row, "activate");
    sec_test_iterate ();
    g_assert_cmpstr (f->opened_kind, ==, "statement");
  }
}

int
main (int argc, char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

#define ADD SEC_TEST_CALL_UI_ADD
  ADD ("/call-ui/tools/open-call", test_tools_open_call);
  ADD ("/call-ui/tools/balance-and-errata", test_tools_balance_and_errata);
  ADD ("/call-ui/statement/commitments-grid", test_commitments_grid);
  ADD ("/call-ui/export-dialog", test_export_dialog);
  ADD ("/call-ui/record-page", test_record_page);
#undef ADD

  return g_test_run ();
}
