/* sec-test-call-ui.c: the demo database and a window for the calls'
 * window tests, and the widgets they look for (sec-test-call-ui.h) */
#include "config.h"

#include "core/calls/sec-calls.h"
#include "core/statements/sec-statements.h"
#include "sec-test-call-ui.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

static void
open_record_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SecTestCallUi *f = user_data;
  const char *kind;

  g_variant_get (parameter, "(&sx)", &kind, &f->opened_id);
  g_free (f->opened_kind);
  f->opened_kind = g_strdup (kind);
}

SecRecord *
sec_test_call_ui_find_application (SecTestCallUi *f, const char *organisation)
{
  g_autoptr(SecRecord) org = sec_test_find_one (f->store, SEC_TYPE_ORGANISATION, "name", organisation);
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *org_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (org));
  g_autofree char *call_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (SEC_RECORD (f->call_2018)));
  g_autoptr(GPtrArray) found = NULL;

  sec_query_add (query, "organisation", SEC_QUERY_EQUALS, org_id);
  sec_query_add (query, "call", SEC_QUERY_EQUALS, call_id);
  found = sec_store_list (f->store, SEC_TYPE_APPLICATION, query, NULL);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

void
sec_test_call_ui_setup (SecTestCallUi *f, gconstpointer data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "open-record", open_record_cb, "(sx)" },
  };

  f->dir = sec_test_make_tmp_dir ("sec-call-ui-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  f->call_2018 = SEC_CALL (sec_test_find_one (f->store, SEC_TYPE_CALL, "reference", "CSP-2018-DK-EE-MT"));
  f->statement_2018 = SEC_STATEMENT (sec_test_find_one (f->store, SEC_TYPE_STATEMENT, "signed-on", "2018-06-13"));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_iterate ();
}

void
sec_test_call_ui_teardown (SecTestCallUi *f, gconstpointer data)
{
  sec_test_destroy_windows ();

  g_clear_object (&f->call_2018);
  g_clear_object (&f->statement_2018);
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
  g_free (f->opened_kind);
}

/* Finding the widgets */

GPtrArray *
sec_test_call_ui_find_all (GtkWidget *root, GType type)
{
  GPtrArray *out = g_ptr_array_new ();

  sec_test_collect_widgets (root, type, TRUE, out);
  return out;
}

GtkWidget *
sec_test_call_ui_find_row (GtkWidget *root, const char *title)
{
  /* Hidden rows too: a form shows some only in one mode. */
  GtkWidget *row = sec_test_find_row (root, title);

  if (row == NULL)
    g_error ("No row “%s”", title);
  return row;
}

GtkWidget *
sec_test_call_ui_find_button (GtkWidget *root, GType type, const char *label)
{
  g_autoptr(GPtrArray) buttons = sec_test_call_ui_find_all (root, type);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("No button “%s”", label);
  return NULL;
}
