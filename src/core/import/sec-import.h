/* sec-import.h: importing organisations and people, checked before writing
 *
 * A SecImport holds a table read from a file (sec-import-table.h), the
 * mapping of its columns to fields (guessed from the headers in English,
 * French and German, and editable), and after sec_import_check () one
 * result per row: the record as it would be saved, validated exactly as
 * the record editor validates it (sec_record_set_from_text and
 * sec_record_validate), and the duplicate it would make, in the database
 * or earlier in the file (the same folded e-mail; the same folded name with
 * the same organisation or country). Nothing is written until
 * sec_import_apply (), which writes everything in one transaction and
 * returns a SecImportUndo that takes the whole import back in one step.
 */
#pragma once

#include <gio/gio.h>

#include "core/import/sec-import-table.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef enum {
  SEC_IMPORT_ROW_VALID,
  SEC_IMPORT_ROW_INVALID,
  SEC_IMPORT_ROW_DUPLICATE,
} SecImportRowStatus;

/* What happens to a duplicate. */
typedef enum {
  SEC_IMPORT_ACTION_SKIP,    /* leave the existing record as it is */
  SEC_IMPORT_ACTION_MERGE,   /* fill the existing record's empty fields (and those chosen with sec_import_set_take_new) */
  SEC_IMPORT_ACTION_IMPORT,  /* add the row as a record of its own */
} SecImportAction;

typedef struct {
  guint               line;          /* the file's line */
  SecImportRowStatus  status;
  char               *problem;       /* INVALID: why, translated */
  SecRecord          *record;        /* the record as it would be saved (its organisation resolved when it exists) */
  char               *organisation;  /* people: the organisation named, as written, or NULL */
  gboolean            new_organisation; /* ...which the import creates */
  char               *country;       /* people: the ISO code of their organisation's country, or NULL */
  gint64              body_id;       /* the body the row names, or 0 */
  char               *role;          /* the role in that body, or NULL */
  gint64              duplicate_id;  /* DUPLICATE: the record in the database, or 0 */
  guint               duplicate_row; /* DUPLICATE: the earlier row of the file (its index + 1), or 0 */
  char               *duplicate_reason; /* DUPLICATE: "same email", translated */
  SecImportAction     action;        /* DUPLICATE: what to do */
  guint64             take_new;      /* MERGE: fields (bit = field index) where the new value replaces a different existing one */
} SecImportResult;

typedef struct {
  guint imported;
  guint merged;
  guint skipped;
  guint invalid;
} SecImportSummary;

typedef struct _SecImport SecImport;
typedef struct _SecImportUndo SecImportUndo;

/* Called now and then while writing, with the rows done and the total. */
typedef void (*SecImportProgress) (guint done, guint total, gpointer user_data);

/* The targets a column of @kind (SEC_TYPE_ORGANISATION or SEC_TYPE_PERSON)
 * can map to: the kind's field names, and "organisation" (a person's
 * organisation by name or acronym), "country" (of that organisation),
 * "full-name" (a person's name in one column), "body" and "role" (a
 * membership). (transfer none), NULL-terminated. */
const char *const *sec_import_targets      (GType        kind);
/* The translated label of @target. (transfer none) */
const char        *sec_import_target_label (GType        kind,
                                            const char  *target);
/* The target a column named @header most likely holds, or NULL. */
const char        *sec_import_guess_target (GType        kind,
                                            const char  *header);

/* @table: (transfer full). The mapping is guessed from its header. */
SecImport   *sec_import_new                (SecStore        *store,
                                            GType            kind,
                                            SecImportTable  *table);
void         sec_import_free               (SecImport       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecImport, sec_import_free)

GType                 sec_import_get_kind          (SecImport *self);
const SecImportTable *sec_import_get_table         (SecImport *self);
/* The target of @column, or NULL when the column is not imported. */
const char  *sec_import_get_column_target  (SecImport       *self,
                                            guint            column);
/* @target NULL ignores the column; an unknown target is refused. Any
 * earlier check is forgotten. */
gboolean     sec_import_set_column_target  (SecImport       *self,
                                            guint            column,
                                            const char      *target,
                                            GError         **error);
/* "COLUMN=FIELD" as the command line's --map gives it; COLUMN is the
 * header or the column's number from 1. */
gboolean     sec_import_parse_mapping      (SecImport       *self,
                                            const char      *text,
                                            GError         **error);

/* Reads the database and checks every row. FALSE only when the database
 * could not be read (or @cancellable was cancelled). */
gboolean     sec_import_check              (SecImport       *self,
                                            GCancellable    *cancellable,
                                            GError         **error);
/* The same in a worker thread, on a read-only connection of its own to
 * the database file; @progress (rows checked, total) is called in the
 * calling thread's main context. Nothing else may use @self until it
 * finishes; cancelled, it leaves no results. */
void         sec_import_check_async        (SecImport          *self,
                                            GCancellable       *cancellable,
                                            SecImportProgress   progress,
                                            gpointer            progress_data,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean     sec_import_check_finish       (SecImport          *self,
                                            GAsyncResult       *result,
                                            GError            **error);
guint                  sec_import_get_n_results (SecImport *self);
const SecImportResult *sec_import_get_result    (SecImport *self,
                                                 guint      index);
void         sec_import_set_action         (SecImport       *self,
                                            guint            index,
                                            SecImportAction  action);
/* Sets the action of every duplicate. */
void         sec_import_set_duplicate_action (SecImport     *self,
                                              SecImportAction action);
/* The record duplicate @index would be merged into: the one in the
 * database, or (for a duplicate of an earlier row of the file) that row's
 * record; NULL for a row that is no duplicate. (transfer full) */
SecRecord   *sec_import_dup_existing       (SecImport       *self,
                                            guint            index);
/* Fields of @index's record that differ from the record it duplicates
 * (in the database or earlier in the file) where both have a value:
 * where a merge must choose. (transfer full) */
GStrv        sec_import_dup_conflicts      (SecImport       *self,
                                            guint            index);
void         sec_import_set_take_new       (SecImport       *self,
                                            guint            index,
                                            const char      *field,
                                            gboolean         take_new);
/* What sec_import_apply () would do with the current actions. */
void         sec_import_get_summary        (SecImport       *self,
                                            SecImportSummary *summary);

/* Writes the rows in one transaction: all of them, or with @skip_invalid
 * only the valid ones (otherwise an invalid row refuses the whole import
 * with SEC_IMPORT_ERROR_INVALID and nothing is written). Organisations
 * named by people and not found are created; a body named makes the
 * organisation a member. On success @summary says what was done and
 * @undo (if not NULL) takes it back. */
gboolean     sec_import_apply              (SecImport        *self,
                                            gboolean          skip_invalid,
                                            SecImportSummary *summary,
                                            SecImportUndo   **undo,
                                            GCancellable     *cancellable,
                                            SecImportProgress progress,
                                            gpointer          progress_data,
                                            GError          **error);

/* The same in a worker thread, on a connection of its own to the
 * database file of the SecImport's store (the store's connection stays
 * with the thread that made it); @progress is called in the calling
 * thread's main context. Nothing else may use @self until it finishes.
 * Once finished, the store emits "changed" (id 0) for each kind written,
 * so that lists refresh. */
void         sec_import_apply_async        (SecImport          *self,
                                            gboolean            skip_invalid,
                                            GCancellable       *cancellable,
                                            SecImportProgress   progress,
                                            gpointer            progress_data,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean     sec_import_apply_finish       (SecImport          *self,
                                            GAsyncResult       *result,
                                            SecImportSummary   *summary,
                                            SecImportUndo     **undo,
                                            GError            **error);

/* Deletes what the import added and puts the merged records back as they
 * were, in one transaction. */
gboolean     sec_import_undo               (SecStore        *store,
                                            SecImportUndo   *undo,
                                            GError         **error);
void         sec_import_undo_free          (SecImportUndo   *undo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecImportUndo, sec_import_undo_free)

G_END_DECLS
