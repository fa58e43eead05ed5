/* sec-record-editor.h: a window to create or edit one record */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_RECORD_EDITOR (sec_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (SecRecordEditor, sec_record_editor, SEC, RECORD_EDITOR, AdwWindow)

/* A modal window over @parent that edits a copy of @record (NULL: a new
 * record of @kind) and saves it into @store. After saving it closes and
 * activates "win.open-record" on @parent with the saved record, after an
 * edit first "win.record-edited" ((sxa{ss}): kind, id and the fields as
 * they were, as text) so that the window can undo it. The caller presents
 * it. */
SecRecordEditor *sec_record_editor_new        (GtkWindow       *parent,
                                               SecStore        *store,
                                               GType            kind,
                                               SecRecord       *record);
/* Fills in a field before the user starts (a new person's organisation),
 * as text like sec_record_set_from_text () takes it. For a meeting,
 * "bodies" takes the ids of its bodies separated by commas. */
void             sec_record_editor_set_field  (SecRecordEditor *self,
                                               const char      *field,
                                               const char      *text);
/* (transfer none): the copy being edited */
SecRecord       *sec_record_editor_get_record (SecRecordEditor *self);
/* Whether the user changed anything. */
gboolean         sec_record_editor_get_modified (SecRecordEditor *self);
/* Lets every record picker row create a record it did not find, in an
 * editor (see sec-record-picker-row.h). */
void             sec_record_editor_install_picker_creation (void);

G_END_DECLS
