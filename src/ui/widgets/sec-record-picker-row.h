/* sec-record-picker-row.h: a form row to choose another record */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_RECORD_PICKER_ROW (sec_record_picker_row_get_type ())
G_DECLARE_FINAL_TYPE (SecRecordPickerRow, sec_record_picker_row, SEC, RECORD_PICKER_ROW, AdwActionRow)

/* Makes a record of @row's kind named @text (see
 * sec_record_picker_row_set_create_func ()). */
typedef void (*SecRecordPickerCreateFunc) (SecRecordPickerRow *row,
                                           const char         *text);

GtkWidget *sec_record_picker_row_new           (SecStore           *store,
                                                GType               kind);
SecStore  *sec_record_picker_row_get_store     (SecRecordPickerRow *self);
GType      sec_record_picker_row_get_kind      (SecRecordPickerRow *self);
/* The chosen record's id, 0 for none. */
gint64     sec_record_picker_row_get_record_id (SecRecordPickerRow *self);
void       sec_record_picker_row_set_record_id (SecRecordPickerRow *self,
                                                gint64              id);
/* Opens the list searching for @text, as if typed. */
void       sec_record_picker_row_search        (SecRecordPickerRow *self,
                                                const char         *text);
/* Offers only the records whose ref @field is @id (NULL: every record). */
void       sec_record_picker_row_set_scope     (SecRecordPickerRow *self,
                                                const char         *field,
                                                gint64              id);
/* Every row offers "Create “text”…" once this is set. */
void       sec_record_picker_row_set_create_func (SecRecordPickerCreateFunc func);

G_END_DECLS
