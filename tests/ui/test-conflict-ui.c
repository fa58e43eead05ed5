/* test-conflict-ui.c: two people edit the same organisation, one in the
 * record editor, the other through a second store on the same database;
 * the editor's save is refused and the conflict dialog shows the fields
 * that differ, side by side. "Keep Mine", "Keep Theirs" and "Merge" (a
 * choice per field) each leave the right values stored, and the editor
 * never drops what was typed unasked. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "ui/records/sec-conflict-dialog.h"
#include "ui/records/sec-record-editor.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

typedef struct {
  SecTestStoreFixture base;
  SecStore           *other;   /* someone else's, on the same database */
  GtkWidget          *window;
  gint64              europol;
  gint64              opened_id;
} Fixture;

static void
open_record_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;
  const char *kind;

  g_variant_get (parameter, "(&sx)", &kind, &f->opened_id);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "open-record", open_record_cb, "(sx)" },
  };

  sec_test_store_fixture_setup (&f->base, "sec-conflict-XXXXXX", "shared.db");
  f->other = sec_store_open (f->base.path, &error);
  g_assert_no_error (error);
  f->europol = sec_test_insert (f->base.store, SEC_TYPE_ORGANISATION, "name", "Europol", "kind", "eu-agency",
                                "country", "NL", "city", "The Hague", NULL);

  f->window = gtk_window_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_destroy_windows ();
  g_assert_finalize_object (f->other);
  g_assert_finalize_object (f->base.store);
  sec_test_store_fixture_clear (&f->base);
}

static void
type_into (SecRecordEditor *editor, const char *title, const char *text)
{
  GtkWidget *row = sec_test_find_row (GTK_WIDGET (editor), title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
text_of (SecRecordEditor *editor, const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (sec_test_find_row (GTK_WIDGET (editor), title)));
}

/* The user opens Europol and changes its city and acronym; meanwhile the
 * other person saves another city and notes. The user's save brings up
 * the dialog, with the three fields that differ. */
static SecConflictDialog *
edit_both (Fixture *f, SecRecordEditor **editor_out)
{
  g_autoptr(SecRecord) europol = sec_store_get (f->base.store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_autoptr(SecRecord) theirs = sec_store_get (f->other, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) stored = NULL;
  SecRecordEditor *editor = sec_record_editor_new (GTK_WINDOW (f->window), f->base.store,
                                                   SEC_TYPE_ORGANISATION, europol);
  SecConflictDialog *dialog;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  gtk_window_present (GTK_WINDOW (editor));
  sec_test_iterate ();
  type_into (editor, "City", "Den Haag");
  type_into (editor, "Acronym", "EP");

  sec_record_set_string (theirs, "city", "Amsterdam");
  sec_record_set_string (theirs, "notes", "Moved for a year");
  g_assert_true (sec_store_update (f->other, theirs, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  sec_test_iterate ();
  dialog = SEC_CONFLICT_DIALOG (sec_test_find_toplevel (SEC_TYPE_CONFLICT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpuint (sec_conflict_dialog_get_n_fields (dialog), ==, 3);

  /* Nothing saved yet: theirs is what is stored; the form keeps the user's. */
  stored = sec_store_get (f->base.store, SEC_TYPE_ORGANISATION, f->europol, NULL);
  g_assert_cmpstr (sec_record_get_string (stored, "city"), ==, "Amsterdam");
  g_assert_null (sec_record_get_string (stored, "acronym"));
  g_assert_cmpstr (text_of (editor, "City"), ==, "Den Haag");

  /* Each value is a choice with a name, side by side. */
  sec_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, TRUE, checks);
  g_assert_cmpuint (checks->len, ==, 6);
  for (guint i = 0; i < checks->len; i++)
    g_assert_true (gtk_widget_get_focusable (g_ptr_array_index (checks, i)) ||
                   gtk_widget_get_focus_on_click (g_ptr_array_index (checks, i)));

  /* NULL once closed (a save closes it). */
  *editor_out = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) editor_out);
  return dialog;
}

static SecRecord *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SecRecord *record = sec_store_get (f->other, SEC_TYPE_ORGANISATION, f->europol, &error);

  g_assert_no_error (error);
  return record;
}

static void
wait_closed (GtkWidget **editor)
{
  for (int i = 0; i < 200 && *editor != NULL; i++)
    sec_test_iterate ();
  g_assert_null (*editor);
}

static void
test_keep_mine (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = NULL;
  SecConflictDialog *dialog = edit_both (f, &editor);
  g_autoptr(SecRecord) record = NULL;

  gtk_widget_activate_action (GTK_WIDGET (dialog), "conflict.keep-mine", NULL);
  wait_closed ((GtkWidget **) &editor);

  record = stored (f);
  g_assert_cmpstr (sec_record_get_string (record, "city"), ==, "Den Haag");
  g_assert_cmpstr (sec_record_get_string (record, "acronym"), ==, "EP");
  /* The user's form had no notes: theirs are replaced, as asked. */
  g_assert_null (sec_record_get_string (record, "notes"));
  g_assert_cmpint (sec_record_get_version (record), ==, 3);
  g_assert_cmpint (f->opened_id, ==, f->europol);
}

static void
test_keep_theirs (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = NULL;
  SecConflictDialog *dialog = edit_both (f, &editor);
  g_autoptr(SecRecord) record = NULL;

  gtk_widget_activate_action (GTK_WIDGET (dialog), "conflict.keep-theirs", NULL);
  sec_test_iterate ();
  g_assert_null (sec_test_find_toplevel (SEC_TYPE_CONFLICT_DIALOG));

  /* The editor stays, showing theirs, with nothing left to save. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (text_of (editor, "City"), ==, "Amsterdam");
  g_assert_cmpstr (text_of (editor, "Acronym"), ==, "");
  g_assert_false (sec_record_editor_get_modified (editor));
  record = stored (f);
  g_assert_cmpstr (sec_record_get_string (record, "city"), ==, "Amsterdam");
  g_assert_cmpstr (sec_record_get_string (record, "notes"), ==, "Moved for a year");
  g_assert_null (sec_record_get_string (record, "acronym"));
  g_assert_cmpint (sec_record_get_version (record), ==, 2);
  g_clear_object (&record);

  /* A change made now saves over theirs without a new conflict. */
  type_into (editor, "Acronym", "EP");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  wait_closed ((GtkWidget **) &editor);
  record = stored (f);
  g_assert_cmpstr (sec_record_get_string (record, "acronym"), ==, "EP");
  g_assert_cmpstr (sec_record_get_string (record, "city"), ==, "Amsterdam");
}

static void
test_merge (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = NULL;
  SecConflictDialog *dialog = edit_both (f, &editor);
  g_autoptr(SecRecord) record = NULL;

  /* By default the user's changes and theirs both; the city is theirs. */
  sec_conflict_dialog_choose (dialog, "city", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "conflict.merge", NULL);
  wait_closed ((GtkWidget **) &editor);

  record = stored (f);
  g_assert_cmpstr (sec_record_get_string (record, "city"), ==, "Amsterdam");
  g_assert_cmpstr (sec_record_get_string (record, "acronym"), ==, "EP");
  g_assert_cmpstr (sec_record_get_string (record, "notes"), ==, "Moved for a year");
  g_assert_cmpint (sec_record_get_version (record), ==, 3);
}

/* Cancel: back to the form as typed, nothing saved. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  SecRecordEditor *editor = NULL;
  SecConflictDialog *dialog = edit_both (f, &editor);
  g_autoptr(SecRecord) record = NULL;

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  sec_test_iterate ();
  g_assert_null (sec_test_find_toplevel (SEC_TYPE_CONFLICT_DIALOG));
  g_assert_cmpstr (text_of (editor, "City"), ==, "Den Haag");
  g_assert_cmpstr (text_of (editor, "Acronym"), ==, "EP");
  g_assert_true (sec_record_editor_get_modified (editor));
  record = stored (f);
  g_assert_cmpstr (sec_record_get_string (record, "city"), ==, "Amsterdam");
  g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
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
  ADD ("/conflict/keep-mine", test_keep_mine);
  ADD ("/conflict/keep-theirs", test_keep_theirs);
  ADD ("/conflict/merge", test_merge);
  ADD ("/conflict/cancel", test_cancel);

  return g_test_run ();
}
