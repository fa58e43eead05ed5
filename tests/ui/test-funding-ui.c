/* test-funding-ui.c: EU funding in the window, on the demo data with one
 * call still open: the Funding sections and their filters (status,
 * programme, theme, country, active in a year), the upcoming deadlines over
 * the lists, a call's tools (status, time left, Add to Calendar), a
 * project's (duration, countries), the relation groups on an organisation's
 * and a person's page, the portfolio window, and deleting a project with
 * its partners and undoing it. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "ui/funding/sec-deadline-banner.h"
#include "ui/funding/sec-funding-tools.h"
#include "ui/funding/sec-portfolio-window.h"
#include "ui/records/sec-list-pane.h"
#include "ui/shell/sec-window.h"
#include "ui/widgets/sec-tool-window.h"
#include "core/documents/sec-funding-documents.h"
#include "core/funding/sec-portfolio.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define SCHEMA_ID "io.github.secretariat.Secretariat"

typedef struct {
  char      *dir;
  SecStore  *store;
  SecWindow *window;
  gint64     open_call;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(SecRecord) amif = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 20);
  g_autofree char *deadline = g_date_time_format (later, "%Y-%m-%dT17:00");
  g_autofree char *amif_id = NULL;

  g_settings_reset (settings, "window-size");
  g_settings_reset (settings, "last-section");
  f->dir = sec_test_make_tmp_dir ("sec-funding-ui-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  amif = sec_test_find_one (f->store, SEC_TYPE_PROGRAMME, "short-name", "AMIF");
  amif_id = sec_test_id_text (sec_record_get_id (amif));
  f->open_call = sec_test_insert (f->store, SEC_TYPE_FUNDING_CALL, "title", "Support to victims 2027",
                                  "programme", amif_id, "deadline", deadline, NULL);

  f->window = g_object_ref (sec_window_new (NULL, f->store));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_wait_ms (200);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sec_test_wait_ms (50);
  g_assert_finalize_object (f->window);
  sec_test_destroy_windows ();
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

static void
activate (Fixture *f, const char *action, GVariant *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  sec_test_wait_ms (30);
}

static SecListPane *
show_section (Fixture *f, const char *section)
{
  activate (f, "win.section", g_variant_new_string (section));
  g_assert_cmpstr (sec_window_get_section (f->window), ==, section);
  return sec_window_get_list_pane (f->window, section);
}

static guint
n_listed (SecListPane *pane)
{
  sec_test_wait_ms (30);
  return g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (pane)));
}

static SecDeadlineBanner *
find_banner (GtkWidget *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  /* Hidden too: without a deadline ahead it hides. */
  sec_test_collect_widgets (root, SEC_TYPE_DEADLINE_BANNER, FALSE, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static const char *
row_subtitle (GtkWidget *root, const char *title)
{
  GtkWidget *row = sec_test_find_row (root, title);

  if (row == NULL)
    g_error ("No row “%s”", title);
  return sec_test_row_subtitle (row);
}

static gboolean
has_group (GtkWidget *root, const char *prefix)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  sec_test_collect_widgets (root, ADW_TYPE_PREFERENCES_GROUP, TRUE, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *title = adw_preferences_group_get_title (g_ptr_array_index (groups, i));

      if (title != NULL && g_str_has_prefix (title, prefix))
        return TRUE;
    }
  return FALSE;
}

static void
test_calls_list (Fixture *f, gconstpointer data)
{
  SecListPane *pane = show_section (f, "funding-calls");
  SecDeadlineBanner *banner;

  g_assert_cmpuint (n_listed (pane), ==, 4);
  /* The open call is announced over the list, and over the upcoming meetings. */
  banner = find_banner (GTK_WIDGET (pane));
  g_assert_nonnull (banner);
  g_assert_cmpuint (sec_deadline_banner_get_n_shown (banner), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (banner), "Support to victims 2027"));
  sec_test_assert_contains (row_subtitle (GTK_WIDGET (banner), "Support to victims 2027"), "17:00 (Europe/Brussels)");
  g_assert_nonnull (find_banner (GTK_WIDGET (show_section (f, "meetings"))));

  /* Open calls only; then by programme. */
  pane = show_section (f, "funding-calls");
  g_assert_true (sec_list_pane_set_filter (pane, "status", "2"));
  g_assert_cmpuint (n_listed (pane), ==, 1);
  g_assert_true (sec_list_pane_set_filter (pane, "status", "3"));
  g_assert_cmpuint (n_listed (pane), ==, 3);
  sec_list_pane_clear_filters (pane);
  sec_list_pane_set_search (pane, "integration");
  g_assert_cmpuint (n_listed (pane), ==, 2);

  /* The call's page: status, time left, its deadline in its zone. */
  activate (f, "win.open-record", g_variant_new ("(sx)", "funding-call", f->open_call));
  {
    g_autoptr(GPtrArray) tools = g_ptr_array_new ();

    sec_test_collect_widgets (GTK_WIDGET (f->window), SEC_TYPE_FUNDING_TOOLS, TRUE, tools);
    g_assert_cmpuint (tools->len, ==, 1);
    g_assert_cmpstr (row_subtitle (g_ptr_array_index (tools, 0), "Status"), ==, "Open");
    sec_test_assert_contains (row_subtitle (g_ptr_array_index (tools, 0), "Deadline"), "(Europe/Brussels)");
    g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (g_ptr_array_index (tools, 0))));
  }

  /* A deadline that passes leaves the banner. */
  {
    g_autoptr(SecRecord) call = sec_store_get (f->store, SEC_TYPE_FUNDING_CALL, f->open_call, NULL);
    g_autoptr(GError) error = NULL;

    sec_record_set_string (call, "deadline", "2020-01-31T17:00");
    g_assert_true (sec_store_update (f->store, call, &error));
    g_assert_no_error (error);
    sec_test_wait_ms (50);
    banner = find_banner (GTK_WIDGET (sec_window_get_list_pane (f->window, "funding-calls")));
    g_assert_cmpuint (sec_deadline_banner_get_n_shown (banner), ==, 0);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  }
}

static void
test_projects_list (Fixture *f, gconstpointer data)
{
  SecListPane *pane = show_section (f, "projects");
  g_autoptr(SecRecord) erc = sec_test_find_one (f->store, SEC_TYPE_PROGRAMME, "short-name", "ERC");
  g_autofree char *erc_id = sec_test_id_text (sec_record_get_id (erc));

  g_assert_cmpuint (n_listed (pane), ==, 6);
  g_assert_true (sec_list_pane_set_filter (pane, "country", "XK"));
  g_assert_cmpuint (n_listed (pane), ==, 1);
  g_assert_true (sec_list_pane_set_filter (pane, "country", NULL));
  g_assert_true (sec_list_pane_set_filter (pane, "programme", erc_id));
  g_assert_cmpuint (n_listed (pane), ==, 4);
  g_assert_true (sec_list_pane_set_filter (pane, "active-in", "2013"));
  g_assert_cmpuint (n_listed (pane), ==, 1);
  sec_list_pane_clear_filters (pane);
  g_assert_true (sec_list_pane_set_filter (pane, "theme", "migration"));
  g_assert_cmpuint (n_listed (pane), ==, 4);
  sec_list_pane_clear_filters (pane);
  sec_list_pane_set_search (pane, "slavery");
  g_assert_cmpuint (n_listed (pane), ==, 1);
}

static void
test_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) anticorrp = sec_test_find_one (f->store, SEC_TYPE_PROJECT, "acronym", "ANTICORRP");
  g_autoptr(SecRecord) iks = sec_test_find_one (f->store, SEC_TYPE_ORGANISATION, "acronym", "IKS");
  g_autoptr(SecRecord) bellagamba = sec_test_find_one (f->store, SEC_TYPE_PERSON, "family-name", "Bellagamba");
  GtkWidget *root = GTK_WIDGET (f->window);

  activate (f, "win.open-record", g_variant_new ("(sx)", "project", sec_record_get_id (anticorrp)));
  g_assert_cmpstr (row_subtitle (root, "Duration"), ==, "60 months");
  sec_test_assert_contains (row_subtitle (root, "Countries"), "Sweden, Kosovo, Switzerland");
  g_assert_true (has_group (root, "Partners (20)"));

  /* An organisation's page: the projects it partners. */
  activate (f, "win.open-record", g_variant_new ("(sx)", "organisation", sec_record_get_id (iks)));
  g_assert_true (has_group (root, "Funded Projects (1)"));
  g_assert_nonnull (sec_test_find_row (root, "ANTICORRP – Anticorruption Policies Revisited: Global Trends "
                                             "and European Responses to the Challenge of Corruption"));

  /* A person's: the projects they lead. */
  activate (f, "win.open-record", g_variant_new ("(sx)", "person", sec_record_get_id (bellagamba)));
  g_assert_true (has_group (root, "Projects Led (1)"));
}

static void
test_portfolio_window (Fixture *f, gconstpointer data)
{
  GtkWidget *window = sec_portfolio_window_new (GTK_WINDOW (f->window), f->store, 0);
  AdwComboRow *programme;

  gtk_window_present (GTK_WINDOW (window));
  sec_test_wait_ms (100);
  g_assert_true (has_group (window, "Projects per Programme and Year"));
  g_assert_true (has_group (window, "Partners by Country"));
  g_assert_cmpstr (row_subtitle (window, "ERC, 2013"), ==, "1 project");
  g_assert_cmpstr (row_subtitle (window, "Kosovo"), ==, "1 project");
  g_assert_cmpstr (row_subtitle (window, "Italy"), ==, "3 projects");

  /* One programme: FP6 is the second in the name order of programmes. */
  programme = ADW_COMBO_ROW (sec_test_find_row (window, "_Programme"));
  g_assert_nonnull (programme);
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (programme)); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (programme), i);

      if (g_str_equal (gtk_string_object_get_string (item), "FP6"))
        adw_combo_row_set_selected (programme, i);
    }
  sec_test_wait_ms (50);
  g_assert_nonnull (sec_test_find_row (window, "GLOMIG"));
  g_assert_null (sec_test_find_row (window, "ANTICORRP"));
  g_assert_cmpstr (row_subtitle (window, "Türkiye"), ==, "1 project");
  gtk_window_destroy (GTK_WINDOW (window));
  sec_test_destroy_windows ();

  /* Printing goes through the page engine: exported, the pages are the PDF's. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SecPortfolio) portfolio = sec_portfolio_new (f->store, NULL, NULL, &error);
    g_autoptr(SecDocument) doc = sec_funding_document_portfolio (portfolio, NULL, "en");
    g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (sec_tool_window_print_document (GTK_WINDOW (f->window), doc, SEC_PAPER_A4,
                                                     GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error),
                     ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }
}

static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) anticorrp = sec_test_find_one (f->store, SEC_TYPE_PROJECT, "acronym", "ANTICORRP");
  gint64 id = sec_record_get_id (anticorrp);
  AdwMessageDialog *dialog;
  GLogLevelFlags fatal;

  activate (f, "win.open-record", g_variant_new ("(sx)", "project", id));
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  activate (f, "win.delete-record", NULL);
  dialog = ADW_MESSAGE_DIALOG (sec_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  sec_test_assert_contains (adw_message_dialog_get_body (dialog), "Project partners: 20");
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sec_test_wait_ms (50);
  g_log_set_always_fatal (fatal);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PROJECT_PARTNER, NULL, NULL), ==, 0);

  activate (f, "win.undo", NULL);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PROJECT_PARTNER, NULL, NULL), ==, 20);
  g_assert_cmpint (sec_record_get_id (sec_window_get_record (f->window)), ==, id);
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
  ADD ("/funding-ui/calls-list", test_calls_list);
  ADD ("/funding-ui/projects-list", test_projects_list);
  ADD ("/funding-ui/pages", test_pages);
  ADD ("/funding-ui/portfolio-window", test_portfolio_window);
  ADD ("/funding-ui/delete-and-undo", test_delete_and_undo);

  return g_test_run ();
}
