/* sec-record-editor-private.h: what the record editor's files share
 *
 * SecRecordEditor spans sec-record-editor.c (the window: saving, closing,
 * its public API), sec-record-editor-form.c (the form: a row per field,
 * following its changes), sec-record-editor-checks.c (validating them:
 * each field's problem, the required fields still empty, Save on or off)
 * and sec-record-editor-deleted.c.
 *
 * Included after sec-record-editor.h, which it does not include itself: the two
 * are one module, and a module may not include itself in a cycle
 * (tests/check-layers.py).
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-records.h"

G_BEGIN_DECLS

/* One field of the form. */
typedef struct {
  SecRecordEditor *editor;    /* borrowed */
  const SecField  *field;
  GtkWidget       *row;       /* the field's row in the group */
  GtkWidget       *input;     /* what holds the value when not the row itself */
  GtkWidget       *message_row;
  GtkLabel        *message_label;
  GtkWidget       *hint_row;  /* a date's row: what was understood, while typing */
  GtkLabel        *hint_label;
  char            *problem;   /* the text could not be read (a number) */
  gboolean         edited;    /* changed by the user */
  gboolean         touched;   /* edited and left (or chosen): its problems are shown */
} FieldEditor;

struct _SecRecordEditor
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkRevealer        *missing_revealer;
  GtkLabel           *missing_label;
  GtkWidget          *save_button;
  AdwPreferencesPage *page;

  /* owned */
  SecStore           *store;
  SecRecord          *record;     /* the copy being edited */
  SecRecord          *baseline;   /* as it was before the user changed anything */
  GPtrArray          *fields;     /* (element-type FieldEditor) */

  /* A meeting's bodies (MEETING_BODY rows), edited with the meeting. */
  GPtrArray          *body_checks;     /* (element-type GtkCheckButton) */
  GHashTable         *stored_bodies;   /* body id -> meeting-body id, as stored */
  GHashTable         *baseline_bodies; /* body ids checked before the user came */
  GArray             *saved_over_bodies; /* body ids the last save replaced, to undo */
  GtkWidget          *bodies_message_row;
  GtkLabel           *bodies_message_label;
  gboolean            bodies_touched;
  gboolean            missing_bodies;  /* "Show" goes to the bodies */

  GWeakRef            picker;     /* the SecRecordPickerRow the record is made for */

  /* borrowed */
  FieldEditor        *last_changed;
  FieldEditor        *first_missing;  /* where "Show" goes; NULL: the bodies */

  GType               kind;
  gboolean            loading;        /* filling in the widgets: not the user */
  gboolean            show_all_problems;
  gboolean            closing;        /* the user said to discard */
  gboolean            focus_set;
  gboolean            can_save;
};

/* sec-record-editor.c */
int         _sec_record_editor_field_position (SecRecordEditor *self,
                                               const char      *name);
gboolean    _sec_record_editor_is_meeting     (SecRecordEditor *self);
gboolean    _sec_record_editor_is_creating    (SecRecordEditor *self);
gboolean    _sec_record_editor_is_modified    (SecRecordEditor *self);
/* Maps of record ids to record ids: a meeting's bodies. */
GHashTable *_sec_record_editor_new_id_set     (void);
void        _sec_record_editor_id_set_add     (GHashTable      *set,
                                               gint64           key,
                                               gint64           value);
GHashTable *_sec_record_editor_checked_bodies (SecRecordEditor *self);

/* sec-record-editor-deleted.c: says so when the record is deleted
 * meanwhile, and lets Save add it again. */
void        _sec_record_editor_follow_deletion (SecRecordEditor *self);

/* sec-record-editor-form.c */
void        _sec_record_editor_build_form     (SecRecordEditor *self);
void        _sec_record_editor_load_field     (SecRecordEditor *self,
                                               FieldEditor     *fe);
void        _sec_record_editor_update_title   (SecRecordEditor *self);
void        _sec_record_editor_validate       (SecRecordEditor *self);
/* Scrolls to the first field that keeps Save off, shows its problem and
 * gives it the keyboard. */
void        _sec_record_editor_show_missing   (SecRecordEditor *self);

G_END_DECLS
