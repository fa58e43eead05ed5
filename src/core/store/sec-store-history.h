/* sec-store-history.h: every change on record
 *
 * The audit history (migration 6): each insert, update of a field and
 * deletion of a record, with when, which user account, the old and the new
 * value, written by triggers the store makes when it opens a file. It
 * cannot be changed from the application; only an erasure
 * (sec-store-privacy.h) scrubs the values of the person it erases.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *at;         /* UTC, ISO 8601 with milliseconds */
  char   *user;       /* the user account, or NULL */
  char   *table;      /* SQL table */
  gint64  record_id;
  char   *action;     /* "insert", "update", "delete", "erased" */
  char   *field;      /* for "update": the SQL column ("family_name"), else NULL */
  char   *old_value;  /* for "update": as stored; for "delete": the row as JSON */
  char   *new_value;  /* for "update": as stored; for "insert": the row as JSON */
} SecHistoryEntry;

void         sec_history_entry_free     (SecHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecHistoryEntry, sec_history_entry_free)

/* The tables whose changes are recorded: one list, so that a table added
 * later joins the history with one line there. (transfer none)
 * NULL-terminated. */
const char *const *sec_store_history_tables (void);

/* The user account written with each change from now on, for this
 * connection (default: g_get_user_name ()). */
gboolean     sec_store_set_history_user (SecStore        *self,
                                         const char      *user,
                                         GError         **error);

/* Every entry about record @id of @kind, oldest first. (transfer container)
 * (element-type SecHistoryEntry): the array frees its entries. */
GPtrArray   *sec_store_list_history     (SecStore        *self,
                                         GType            kind,
                                         gint64           id,
                                         GError         **error);
/* A row an "insert" or "delete" entry kept, as lines "column: value"
 * (empty values left out), for people to read. (transfer full) */
char        *sec_store_dup_history_row_text (SecStore   *self,
                                             const char *json);
/* Puts back the old value of the "update" entry @entry_id (validated as
 * the editor would; recorded as a new change). */
gboolean     sec_store_restore_history_value (SecStore   *self,
                                              gint64      entry_id,
                                              GError    **error);
/* Brings back the deleted record @id of @kind with the same id, the
 * records its deletion removed with it (cascades) and the references it
 * cleared (set to none), from the history. Records that referred to rows
 * deleted earlier or separately are not brought back. */
gboolean     sec_store_restore_deleted  (SecStore        *self,
                                         GType            kind,
                                         gint64           id,
                                         GError         **error);

/* One deletion that can be undone: a record deleted on its own (not with
 * another one, by a cascade), not brought back since, whose row the
 * history kept (an erasure scrubs it). */
typedef struct {
  gint64  entry_id;   /* the "delete" history entry */
  char   *at;         /* UTC, ISO 8601 with milliseconds */
  char   *user;       /* the user account, or NULL */
  GType   kind;
  gint64  record_id;
  char   *title;      /* the record's name as it was (never NULL) */
} SecDeletedRecord;

void         sec_deleted_record_free    (SecDeletedRecord *deleted);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecDeletedRecord, sec_deleted_record_free)

/* The deletions that sec_store_restore_deleted () can undo, newest first,
 * at most @limit of them (0: all), of @kind (0: every kind). (transfer
 * container) (element-type SecDeletedRecord) */
GPtrArray   *sec_store_list_deleted     (SecStore        *self,
                                         GType            kind,
                                         guint            limit,
                                         GError         **error);

G_END_DECLS
