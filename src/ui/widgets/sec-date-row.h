/* sec-date-row.h: a form row for a date, or a date and a time */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEC_TYPE_DATE_ROW (sec_date_row_get_type ())
G_DECLARE_FINAL_TYPE (SecDateRow, sec_date_row, SEC, DATE_ROW, AdwEntryRow)

GtkWidget  *sec_date_row_new           (void);
/* "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" when the row shows a time; what was
 * typed when it is not a date (so that validation can say so); NULL when
 * empty. */
const char *sec_date_row_get_value     (SecDateRow *self);
void        sec_date_row_set_value     (SecDateRow *self,
                                        const char *value);
/* The value in words ("Thursday 14 October 2027"); NULL when not a date. */
const char *sec_date_row_get_understood (SecDateRow *self);
/* What is wrong with what was typed, in the user's words; NULL when it is
 * empty or a whole date (and time). */
char       *sec_date_row_dup_problem   (SecDateRow *self);
gboolean    sec_date_row_get_show_time (SecDateRow *self);
void        sec_date_row_set_show_time (SecDateRow *self,
                                        gboolean    show_time);

G_END_DECLS
