/* test-search-everywhere.c: the sidebar's search of every section
 *
 * On the demo database: Ctrl+K's action puts the keyboard in the field,
 * typing lists records of several kinds under their kind's name, a Latin
 * spelling finds a Greek name, and Enter opens the first result.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "core/store/sec-records.h"
#include "ui/shell/sec-search-everywhere.h"
#include "ui/shell/sec-window.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define SCHEMA_ID "io.github.secretariat.Secretariat"

typedef struct {
  char                *dir;
  char                *path;
  SecStore            *store;
  SecWindow           *window;
  SecSearchEverywhere *search;
  GtkEditable         *entry;
} Fixture;

static GtkWidget *
find_one (GtkWidget *root, GType type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  sec_test_collect_widgets (root, type, FALSE, found);
  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  g_settings_reset (settings, "window-size");
  g_settings_reset (settings, "last-section");
  f->dir = sec_test_make_tmp_dir ("sec-search-everywhere-XXXXXX");
  f->store = sec_test_open_demo (f->dir, &f->path);
  f->window = g_object_ref (sec_window_new (NULL, f->store));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_wait_ms (200);
  f->search = SEC_SEARCH_EVERYWHERE (find_one (GTK_WIDGET (f->window), SEC_TYPE_SEARCH_EVERYWHERE));
  f->entry = GTK_EDITABLE (find_one (GTK_WIDGET (f->search), GTK_TYPE_SEARCH_ENTRY));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sec_test_wait_ms (50);
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Types @text and waits for the results (the entry waits a little after
 * each keystroke). */
static void
type (Fixture *f, const char *text)
{
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  gtk_editable_set_text (f->entry, text);
  sec_test_wait_ms (300);
  while (g_get_monotonic_time () < end && g_main_context_iteration (NULL, FALSE))
    ;
}

/* The texts of the labels shown in the results (the rows', then the kinds'
 * headers), joined by "|". */
static char *
shown_labels (Fixture *f)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *results = find_one (GTK_WIDGET (f->search), GTK_TYPE_LIST_BOX);

  sec_test_collect_widgets (results, GTK_TYPE_LABEL, TRUE, labels);
  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (text, "|%s", gtk_label_get_text (g_ptr_array_index (labels, i)));
  g_string_append_c (text, '|');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_find_and_open (Fixture *f, gconstpointer data)
{
  g_autofree char *labels = NULL;
  SecRecord *record;

  /* Ctrl+K's action: the keyboard goes to the field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-everywhere", NULL));
  sec_test_wait_ms (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->entry)) ||
                 gtk_widget_is_focus (gtk_widget_get_first_child (GTK_WIDGET (f->entry))) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) != NULL);

  /* Accents and case do not matter; the kind's name heads its results. */
  type (f, "MULLER");
  g_assert_cmpuint (sec_search_everywhere_get_n_results (f->search), >=, 1);
  labels = shown_labels (f);
  sec_test_assert_contains (labels, "|People|");
  sec_test_assert_contains (labels, "|Anna Müller|");

  /* The Latin spelling finds the Greek name. */
  type (f, "papadopoulos");
  g_clear_pointer (&labels, g_free);
  labels = shown_labels (f);
  sec_test_assert_contains (labels, "Νικόλαος Παπαδόπουλος");

  /* Several kinds at once, each under its name. */
  type (f, "e");
  g_assert_cmpuint (sec_search_everywhere_get_n_results (f->search), >, 5);
  g_clear_pointer (&labels, g_free);
  labels = shown_labels (f);
  sec_test_assert_contains (labels, "|People|");
  sec_test_assert_contains (labels, "|Organisations|");

  /* Nothing found says so. */
  type (f, "zzzqqq");
  g_assert_cmpuint (sec_search_everywhere_get_n_results (f->search), ==, 0);

  /* Enter opens the first result. */
  type (f, "muller");
  g_signal_emit_by_name (f->entry, "activate");
  sec_test_wait_ms (100);
  record = sec_window_get_record (f->window);
  g_assert_nonnull (record);
  g_assert_true (G_OBJECT_TYPE (record) == SEC_TYPE_PERSON);
  g_assert_cmpstr (sec_record_get_string (record, "family-name"), ==, "Müller");
}

int
main (int argc, char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/search-everywhere/find-and-open", Fixture, NULL, fixture_setup, test_find_and_open, fixture_teardown);

  return g_test_run ();
}
