/* sec-record-page.h: the detail pane: one record and its relations */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_RECORD_PAGE (sec_record_page_get_type ())
G_DECLARE_FINAL_TYPE (SecRecordPage, sec_record_page, SEC, RECORD_PAGE, GtkWidget)

GtkWidget *sec_record_page_new        (void);
/* Shows @record (NULL: nothing) as read from @store, and follows the
 * store's changes to it and its relations. */
void       sec_record_page_set_record (SecRecordPage *page,
                                       SecStore      *store,
                                       SecRecord     *record);
/* The same, a frame later when the page is on screen (the page shows
 * nothing meanwhile): see the function's comment. */
void       sec_record_page_show_record_soon (SecRecordPage *page,
                                             SecStore      *store,
                                             SecRecord     *record);
gboolean   sec_record_page_is_pending (SecRecordPage *page);
/* (nullable) (transfer none): the record shown, as last read */
SecRecord *sec_record_page_get_record (SecRecordPage *page);

G_END_DECLS
