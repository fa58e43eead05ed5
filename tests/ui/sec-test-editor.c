/* sec-test-editor.c: the fixture of the record editor's tests
 * (sec-test-editor.h) */
#include "config.h"

#include "core/store/sec-records.h"
#include "ui/widgets/sec-date-row.h"
#include "sec-test-editor.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

static void
open_record_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SecTestEditor *f = user_data;
  const char *kind;

  g_variant_get (parameter, "(&sx)", &kind, &f->opened_id);
  g_free (f->opened_kind);
  f->opened_kind = g_strdup (kind);
}

void
sec_test_editor_setup (SecTestEditor *f,
                       gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "open-record", open_record_cb, "(sx)" },
  };

  f->dir = sec_test_make_tmp_dir ("sec-editor-XXXXXX");
  f->store = sec_test_open_store (f->dir, "test.db", NULL);

  f->europol = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Europol", "kind", "eu-agency", "country", "NL", NULL);
  f->network = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Network of National Rapporteurs", "acronym", "NREM", NULL);
  f->platform = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Civil Society Platform", "acronym", "CSP", NULL);

  f->window = gtk_window_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_iterate ();
}

void
sec_test_editor_teardown (SecTestEditor *f,
                          gconstpointer  data)
{
  sec_test_destroy_windows ();

  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->opened_kind);
}

SecRecordEditor *
sec_test_open_editor (SecTestEditor *f,
                      GType          kind,
                      SecRecord     *record)
{
  SecRecordEditor *editor = sec_record_editor_new (GTK_WINDOW (f->window), f->store, kind, record);

  gtk_window_present (GTK_WINDOW (editor));
  sec_test_iterate ();
  return editor;
}

GtkWidget *
sec_test_field_row (SecRecordEditor *editor,
                    const char      *title)
{
  GtkWidget *row = sec_test_find_row (GTK_WIDGET (editor), title);

  if (row == NULL)
    g_error ("No row “%s”", title);
  return row;
}

const char *
sec_test_message_of (SecRecordEditor *editor,
                     const char      *title)
{
  GtkWidget *row = sec_test_field_row (editor, title);
  GtkWidget *message_row = gtk_widget_get_next_sibling (row);
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message_row));

  if (!gtk_widget_get_visible (message_row))
    {
      g_assert_false (gtk_widget_has_css_class (row, "error"));
      return NULL;
    }
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

GtkWidget *
sec_test_save_button (SecRecordEditor *editor)
{
  return sec_test_find_action_button (GTK_WIDGET (editor), "editor.save");
}

gboolean
sec_test_can_save (SecRecordEditor *editor)
{
  return gtk_widget_is_sensitive (sec_test_save_button (editor));
}

void
sec_test_leave (SecRecordEditor *editor)
{
  g_assert_true (gtk_widget_grab_focus (sec_test_find_action_button (GTK_WIDGET (editor), "window.close")));
  sec_test_iterate ();
}

void
sec_test_type_on (SecRecordEditor *editor,
                  const char      *title,
                  const char      *text)
{
  GtkWidget *row = sec_test_field_row (editor, title);

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  sec_test_iterate ();
}

void
sec_test_type (SecRecordEditor *editor,
               const char      *title,
               const char      *text)
{
  sec_test_type_on (editor, title, text);
  sec_test_leave (editor);
}

void
sec_test_pick_date (SecRecordEditor *editor,
                    const char      *title,
                    const char      *value)
{
  GtkWidget *row = sec_test_field_row (editor, title);

  gtk_widget_grab_focus (row);
  sec_date_row_set_value (SEC_DATE_ROW (row), value);
  sec_test_leave (editor);
}

void
sec_test_save (SecRecordEditor *editor)
{
  g_signal_emit_by_name (sec_test_save_button (editor), "clicked");
  sec_test_iterate ();
}

gint64
sec_test_count (SecTestEditor *f,
                GType          kind,
                const char    *field,
                const char    *value)
{
  g_autoptr(SecQuery) query = sec_query_new ();

  sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  return sec_store_count (f->store, kind, query, NULL);
}
