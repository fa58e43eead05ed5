/* sec-store-statements.h: what the joint statements' rules ask of the
 * database
 *
 * The rules of joint statements (src/core/statements/) read and write their
 * records through SecStore; these queries read the follow-ups the
 * commitments grid is made of. A follow-up's year is its `year`, or the
 * year of its `date` when `year` is empty (rows written by hand or by older
 * versions may lack the year).
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* A follow-up as the grid reads it. The texts are NULL for SQL NULL and
 * valid only during the callback. */
typedef struct {
  gint64       id;
  gint64       commitment_id;
  gint64       signatory_id;
  int          year;      /* 0: none */
  const char  *date;      /* YYYY-MM-DD */
  const char  *status;    /* the nick of the `status` field */
  const char  *note;
  const char  *evidence;
} SecFollowUpRow;

typedef void (*SecFollowUpRowFunc) (const SecFollowUpRow *row,
                                    gpointer              user_data);

/* Calls @func for every follow-up of @statement_id whose commitment and
 * signatory both belong to it, of @year (0: of any year), cell by cell
 * (commitment id, then signatory id) and latest first within a cell: by
 * year (yearless last), then date (undated last), then the last entered. */
gboolean     sec_store_foreach_follow_up    (SecStore            *store,
                                             gint64               statement_id,
                                             int                  year,
                                             SecFollowUpRowFunc   func,
                                             gpointer             user_data,
                                             GError             **error);
/* The id of the latest follow-up (by date, undated last, then the last
 * entered) of @commitment_id by @signatory_id for @year; 0 when there is
 * none, -1 with @error on failure. */
gint64       sec_store_find_follow_up       (SecStore            *store,
                                             gint64               commitment_id,
                                             gint64               signatory_id,
                                             int                  year,
                                             GError             **error);
/* (transfer full) (element-type int): the years of the follow-ups of
 * @statement_id's commitments, each once, in no particular order. */
GArray      *sec_store_dup_follow_up_years  (SecStore            *store,
                                             gint64               statement_id,
                                             GError             **error);

G_END_DECLS
