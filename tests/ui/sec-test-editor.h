/* sec-test-editor.h: the record editor on a small database, as
 * test-editor.c and test-editor-fields.c drive it
 *
 * Each test opens a new database holding one organisation and two bodies,
 * and a window whose win.open-record the fixture records; the editors are
 * opened over it and driven field by field, by the rows' titles.
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"
#include "ui/records/sec-record-editor.h"

G_BEGIN_DECLS

typedef struct {
  char      *dir;
  SecStore  *store;
  GtkWidget *window;

  /* The last win.open-record's parameter. */
  char      *opened_kind;
  gint64     opened_id;

  gint64     europol, network, platform;
} SecTestEditor;

/* Adds a test that runs with the fixture below. */
#define SEC_TEST_EDITOR_ADD(path, func) \
  g_test_add (path, SecTestEditor, NULL, sec_test_editor_setup, func, sec_test_editor_teardown)

void             sec_test_editor_setup    (SecTestEditor   *f,
                                           gconstpointer    data);
/* Destroys every window; checks the store is finalized. */
void             sec_test_editor_teardown (SecTestEditor   *f,
                                           gconstpointer    data);

/* A new editor of a @kind (@record: NULL for a new one), shown over the
 * fixture's window. */
SecRecordEditor *sec_test_open_editor     (SecTestEditor   *f,
                                           GType            kind,
                                           SecRecord       *record);

/* The field's row whose title is @title: a test failure without one. */
GtkWidget       *sec_test_field_row       (SecRecordEditor *editor,
                                           const char      *title);
/* The message under a field's row, or NULL when none is shown. */
const char      *sec_test_message_of      (SecRecordEditor *editor,
                                           const char      *title);
GtkWidget       *sec_test_save_button     (SecRecordEditor *editor);
gboolean         sec_test_can_save        (SecRecordEditor *editor);

/* The keyboard leaves the field it is in, for the Cancel button. */
void             sec_test_leave           (SecRecordEditor *editor);
/* Types into a field without leaving it. */
void             sec_test_type_on         (SecRecordEditor *editor,
                                           const char      *title,
                                           const char      *text);
/* Types into a field and leaves it, as Tab does. */
void             sec_test_type            (SecRecordEditor *editor,
                                           const char      *title,
                                           const char      *text);
/* Picks a date (and time) in a date row, and leaves it. */
void             sec_test_pick_date       (SecRecordEditor *editor,
                                           const char      *title,
                                           const char      *value);
/* Clicks Save. */
void             sec_test_save            (SecRecordEditor *editor);

/* The number of records of @kind whose @field is @value. */
gint64           sec_test_count           (SecTestEditor   *f,
                                           GType            kind,
                                           const char      *field,
                                           const char      *value);

G_END_DECLS
