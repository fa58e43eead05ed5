/* sec-record-list.h: a GListModel of records, loaded page by page */
#pragma once

#include <gio/gio.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_RECORD_LIST (sec_record_list_get_type ())
G_DECLARE_FINAL_TYPE (SecRecordList, sec_record_list, SEC, RECORD_LIST, GObject)

/* Lists the records of @kind that @query selects (NULL: all), in its
 * order. Only the count is read at first; rows are read a page at a time
 * as the list asks for them, so a list of 200,000 people opens at once.
 * The list follows the store's changes: at once, or for a long list (a
 * server's, or a file's table of 20,000 rows or more) read in a worker
 * thread, the rows kept meanwhile (SecRecordList:loading), then changed
 * as they would have been at once. */
SecRecordList *sec_record_list_new        (SecStore       *store,
                                           GType           kind,
                                           SecQuery       *query);
SecStore      *sec_record_list_get_store  (SecRecordList  *self);
GType          sec_record_list_get_kind   (SecRecordList  *self);
/* (transfer none) */
SecQuery      *sec_record_list_get_query  (SecRecordList  *self);
/* Replaces the query (search text, filters, sort); the list reloads. */
void           sec_record_list_set_query  (SecRecordList  *self,
                                           SecQuery       *query);
/* Replaces the query like sec_record_list_set_query (), but reads the
 * new count, first pages and the position of @keep_id (the selected
 * record, or 0) in a worker thread when the list is long (a file's table
 * of 20,000 rows or more): the list keeps its rows meanwhile
 * (SecRecordList:loading) and changes in one step. A later query, or a
 * change in the store, replaces one still being read. The rows the new
 * query shares with the rows read before keep their objects, and leading
 * rows that did not change are left out of the signals (a list view then
 * keeps their widgets). */
void           sec_record_list_set_query_in_background (SecRecordList *self,
                                                        SecQuery      *query,
                                                        gint64         keep_id);
/* Whether a query, or a change in the store, is being read in the
 * background. */
gboolean       sec_record_list_is_loading (SecRecordList  *self);
/* For tests and benchmarks: the rows from which a query is read in the
 * background (20,000). */
void           sec_record_list_set_background_min_rows (guint  n_rows);
/* The memory of the connections the background queries are read on:
 * sec-store-readers.h. */
/* Whether the list is between the removal and the addition of a reload
 * of all its rows (it is empty only for that moment), of a record that
 * moves, or amid pages replaced where they stand: the selection that went
 * with the rows comes back with the last signal. */
gboolean       sec_record_list_is_replacing (SecRecordList *self);
/* The position of record @id in the list, or -1. */
gint64         sec_record_list_find       (SecRecordList  *self,
                                           gint64          id);
/* Reads the list again from the store. */
void           sec_record_list_reload     (SecRecordList  *self);

G_END_DECLS
