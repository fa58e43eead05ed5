/* sec-record-row.h: one record as a two-line row of a list */
#pragma once

#include <gtk/gtk.h>

#include "core/store/sec-record.h"

G_BEGIN_DECLS

#define SEC_TYPE_RECORD_ROW (sec_record_row_get_type ())
G_DECLARE_FINAL_TYPE (SecRecordRow, sec_record_row, SEC, RECORD_ROW, GtkWidget)

GtkWidget   *sec_record_row_new        (void);
/* (nullable) (transfer none) */
SecRecord   *sec_record_row_get_record (SecRecordRow *self);
void         sec_record_row_set_record (SecRecordRow *self,
                                        SecRecord    *record);
/* The texts shown, for tests and accessibility. */
const char  *sec_record_row_get_title    (SecRecordRow *self);
const char  *sec_record_row_get_subtitle (SecRecordRow *self);
/* The badge at the end of the first line ("" when none). */
const char  *sec_record_row_get_badge    (SecRecordRow *self);
/* The text at the end of the second line ("" when none). */
const char  *sec_record_row_get_trailing (SecRecordRow *self);

G_END_DECLS
