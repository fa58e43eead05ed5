/* test-privacy-ui.c: a person's page warns when no lawful basis is
 * recorded, a record's page lists its history and puts a value back, and
 * the Personal Data Review lists the people past retention and erases them
 * after its question; the people list flags who has no basis, who is
 * restricted and who was erased, and filters by it; Deleted Records brings
 * a person back with their participations, undoably. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store-privacy.h"
#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-record-page.h"
#include "ui/records/sec-record-row.h"
#include "ui/shell/sec-deleted-dialog.h"
#include "ui/shell/sec-privacy-dialog.h"
#include "ui/widgets/sec-detail-row.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

static void
test_page_history (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-privacy-ui-XXXXXX");
  SecStore *store = sec_test_open_store (dir, "test.db", NULL);
  gint64 id = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Müller",
                               "email", "anna@example.org", NULL);
  g_autoptr(SecRecord) person = sec_store_get (store, SEC_TYPE_PERSON, id, NULL);
  g_autoptr(SecRecord) back = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  SecRecordPage *page = SEC_RECORD_PAGE (sec_record_page_new ());
  GtkWidget *history;
  GtkWidget *button = NULL;

  sec_record_set_string (person, "email", "anna.mueller@example.org");
  g_assert_true (sec_store_update (store, person, NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  sec_record_page_set_record (page, store, person);
  sec_test_iterate ();

  /* No basis: said before the details, in a row measured width first
   * (sec-detail-row.c), as the page's other rows. */
  {
    GtkWidget *row = sec_test_find_row (GTK_WIDGET (page), "No lawful basis recorded");

    g_assert_true (SEC_IS_DETAIL_ROW (row));
    g_assert_true (g_str_has_prefix (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (row)), "Record on which basis"));
    g_assert_true (gtk_widget_has_css_class (row, "warning"));
  }

  /* The history, newest first, with a way to put the old address back. */
  history = sec_test_find_row (GTK_WIDGET (page), "History of Changes");
  g_assert_nonnull (history);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (history)), ==, "2 changes");
  /* Its rows are made when it is unfolded. */
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (history)));
  g_assert_null (sec_test_find_row (GTK_WIDGET (page), "Created"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (history), TRUE);
  sec_test_iterate ();
  {
    GtkWidget *row = sec_test_find_row (GTK_WIDGET (page), "Email: anna@example.org → anna.mueller@example.org");
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean cut = FALSE;

    g_assert_true (SEC_IS_DETAIL_ROW (row));
    /* When and by whom; a long value is cut after three lines. */
    g_assert_true (g_str_has_suffix (sec_detail_row_get_subtitle (SEC_DETAIL_ROW (row)), sec_test_history_user ()));
    sec_test_collect_widgets (row, GTK_TYPE_LABEL, FALSE, labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "Email: anna@example.org → anna.mueller@example.org") == 0)
        cut = gtk_label_get_lines (labels->pdata[i]) == 3 &&
              gtk_label_get_ellipsize (labels->pdata[i]) == PANGO_ELLIPSIZE_END;
    g_assert_true (cut);
  }
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (page), "Created"));
  sec_test_collect_widgets (history, GTK_TYPE_BUTTON, FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "page.restore-value") == 0)
      button = buttons->pdata[i];
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sec_test_iterate ();

  back = sec_store_get (store, SEC_TYPE_PERSON, id, NULL);
  g_assert_cmpstr (sec_record_get_string (back, "email"), ==, "anna@example.org");
  /* The page follows: the put-back is one more change, the history still
   * unfolded for the same person. */
  history = sec_test_find_row (GTK_WIDGET (page), "History of Changes");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (history)), ==, "3 changes");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (history)));
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (page), "Email: anna.mueller@example.org → anna@example.org"));
  /* Another person's history is folded again. */
  {
    gint64 other_id = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Olga", "family-name", "Alt", NULL);
    g_autoptr(SecRecord) other = sec_store_get (store, SEC_TYPE_PERSON, other_id, NULL);

    sec_record_page_set_record (page, store, other);
    sec_test_iterate ();
    history = sec_test_find_row (GTK_WIDGET (page), "History of Changes");
    g_assert_nonnull (history);
    g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (history)));
    g_assert_null (sec_test_find_row (GTK_WIDGET (page), "Created"));
    sec_record_page_set_record (page, store, back);
    sec_test_iterate ();
  }

  /* With a basis, no warning. */
  sec_record_set_string (back, "lawful-basis", "consent");
  g_assert_true (sec_store_update (store, back, NULL));
  sec_test_iterate ();
  g_assert_null (sec_test_find_row (GTK_WIDGET (page), "No lawful basis recorded"));

  sec_test_destroy_windows ();
  sec_test_close_store (store, dir);
}

static void
test_review_dialog (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-privacy-ui-XXXXXX");
  SecStore *store = sec_test_open_store (dir, "test.db", NULL);
  gint64 old = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Olga", "family-name", "Alt",
                                "email", "olga@example.org", NULL);
  g_autoptr(SecRecord) erased = NULL;
  SecPrivacyDialog *dialog;
  AdwMessageDialog *question;

  sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Nina", "family-name", "Neu", NULL);
  /* Olga was last seen long ago. */
  g_assert_true (sec_engine_exec (_sec_store_get_engine (store),
                                  "UPDATE people SET created_at = '2015-01-01T00:00:00Z' WHERE family_name = 'Alt'",
                                  NULL));

  dialog = sec_privacy_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  sec_test_iterate ();
  g_assert_cmpuint (sec_privacy_dialog_get_n_people (dialog), ==, 1);
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (dialog), "Olga Alt"));
  g_assert_null (sec_test_find_row (GTK_WIDGET (dialog), "Nina Neu"));

  /* Nobody ticked: nothing to ask. Then all, answered Cancel, then Erase. */
  g_assert_null (sec_privacy_dialog_ask_erase (dialog, FALSE));
  question = sec_privacy_dialog_ask_erase (dialog, TRUE);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Erase 1 Person?");
  adw_message_dialog_response (question, "cancel");
  sec_test_iterate ();
  erased = sec_store_get (store, SEC_TYPE_PERSON, old, NULL);
  g_assert_cmpstr (sec_record_get_string (erased, "email"), ==, "olga@example.org");
  g_clear_object (&erased);

  question = sec_privacy_dialog_ask_erase (dialog, TRUE);
  adw_message_dialog_response (question, "erase");
  sec_test_iterate ();
  erased = sec_store_get (store, SEC_TYPE_PERSON, old, NULL);
  g_assert_null (sec_record_get_string (erased, "email"));
  g_assert_nonnull (sec_record_get_string (erased, "erased-on"));
  g_assert_cmpuint (sec_privacy_dialog_get_n_people (dialog), ==, 0);
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (dialog), "Nobody is past the retention period"));

  sec_test_destroy_windows ();
  sec_test_close_store (store, dir);
}

static SecRecordRow *
find_list_row (GtkWidget  *pane,
               gint64      id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  sec_test_collect_widgets (pane, SEC_TYPE_RECORD_ROW, TRUE, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      SecRecord *record = sec_record_row_get_record (rows->pdata[i]);

      if (record != NULL && sec_record_get_id (record) == id)
        return rows->pdata[i];
    }
  return NULL;
}

static void
test_people_list (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-privacy-ui-XXXXXX");
  SecStore *store = sec_test_open_store (dir, "test.db", NULL);
  gint64 anna = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Alt", NULL);
  gint64 ben = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Ben", "family-name", "Berg",
                                "lawful-basis", "consent", "restricted", "yes", NULL);
  gint64 cora = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Cora", "family-name", "Collins",
                                 "lawful-basis", "public-task", "email", "cora@example.org", NULL);
  gint64 dan = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Dan", "family-name", "Dunne",
                                "lawful-basis", "membership", NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane;
  SecRecordRow *row;

  g_assert_true (sec_store_erase_person (store, cora, NULL));
  pane = sec_list_pane_new (store, SEC_TYPE_PERSON, NULL, "avatar-default-symbolic", "No People", "", "New Person");
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 800);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  sec_test_wait_ms (50);

  row = find_list_row (pane, anna);
  g_assert_nonnull (row);
  g_assert_cmpstr (sec_record_row_get_title (row), ==, "Anna Alt");
  g_assert_cmpstr (sec_record_row_get_badge (row), ==, "No lawful basis");
  row = find_list_row (pane, ben);
  g_assert_cmpstr (sec_record_row_get_badge (row), ==, "Restricted");
  row = find_list_row (pane, dan);
  g_assert_cmpstr (sec_record_row_get_badge (row), ==, "");
  /* What is left of Cora is named as such, not "—". */
  row = find_list_row (pane, cora);
  g_assert_nonnull (row);
  g_assert_cmpstr (sec_record_row_get_title (row), ==, "Erased person");
  sec_test_assert_contains (sec_record_row_get_subtitle (row), "Personal data erased on");

  g_assert_true (sec_list_pane_set_filter (SEC_LIST_PANE (pane), "privacy", "no-basis"));
  sec_test_wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (SEC_LIST_PANE (pane)))), ==, 1);
  g_assert_nonnull (find_list_row (pane, anna));
  g_assert_true (sec_list_pane_set_filter (SEC_LIST_PANE (pane), "privacy", "restricted"));
  sec_test_wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (SEC_LIST_PANE (pane)))), ==, 1);
  g_assert_nonnull (find_list_row (pane, ben));
  g_assert_true (sec_list_pane_set_filter (SEC_LIST_PANE (pane), "privacy", "erased"));
  sec_test_wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sec_list_pane_get_list (SEC_LIST_PANE (pane)))), ==, 1);
  g_assert_nonnull (find_list_row (pane, cora));

  sec_test_destroy_windows ();
  sec_test_close_store (store, dir);
}

static void
test_deleted_dialog (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("sec-privacy-ui-XXXXXX");
  SecStore *store = sec_test_open_store (dir, "test.db", NULL);
  gint64 meeting = sec_test_insert (store, SEC_TYPE_MEETING, "title", "Plenary", "starts-at", "2026-05-04T09:00",
                                    "ends-at", "2026-05-04T17:00", NULL);
  gint64 person = sec_test_insert (store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Müller", NULL);
  g_autofree char *meeting_id = sec_test_id_text (meeting);
  g_autofree char *person_id = sec_test_id_text (person);
  gint64 participant = sec_test_insert (store, SEC_TYPE_PARTICIPANT, "meeting", meeting_id, "person", person_id,
                                        "status", "confirmed", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) back = NULL;
  SecDeletedDialog *dialog;

  g_assert_true (sec_store_delete (store, SEC_TYPE_PERSON, person, NULL));
  dialog = sec_deleted_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  sec_test_iterate ();
  g_assert_cmpuint (sec_deleted_dialog_get_n_deleted (dialog), ==, 1);
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (dialog), "Anna Müller"));

  g_assert_true (sec_deleted_dialog_restore (dialog, 0, &error));
  g_assert_no_error (error);
  sec_test_iterate ();
  back = sec_store_get (store, SEC_TYPE_PARTICIPANT, participant, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (sec_record_get_string (back, "status"), ==, "confirmed");
  g_assert_cmpuint (sec_deleted_dialog_get_n_deleted (dialog), ==, 0);
  g_assert_nonnull (sec_test_find_row (GTK_WIDGET (dialog), "No deleted records"));

  /* Undo deletes the person, and their participation, again. */
  sec_deleted_dialog_undo (dialog);
  sec_test_iterate ();
  g_assert_null (sec_store_get (store, SEC_TYPE_PERSON, person, NULL));
  g_assert_null (sec_store_get (store, SEC_TYPE_PARTICIPANT, participant, NULL));
  g_assert_cmpuint (sec_deleted_dialog_get_n_deleted (dialog), ==, 1);

  sec_test_destroy_windows ();
  sec_test_close_store (store, dir);
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
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/privacy-ui/page-history", test_page_history);
  g_test_add_func ("/privacy-ui/review-dialog", test_review_dialog);
  g_test_add_func ("/privacy-ui/people-list", test_people_list);
  g_test_add_func ("/privacy-ui/deleted-dialog", test_deleted_dialog);

  return g_test_run ();
}
