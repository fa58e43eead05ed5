/* sec-store-private.h: for the store's own files (src/core/store/) only
 *
 * SecStore is written in several files, one per job (sec-store.c: the
 * object, opening, transactions, settings; sec-store-file-checks.c: what a
 * database is checked for before it is opened; sec-store-migrate.c:
 * bringing a file up to date; sec-store-records.c: one record at a time;
 * sec-store-query.c: lists; sec-store-deletion.c: dependants and undo).
 * They share what is declared here.
 *
 * SecStore is declared, not included: sec-store.c includes this file, and
 * sec-store.h including it back would make an include cycle.
 */
#pragma once

#include "core/base/sec-progress.h"
#include "core/store/sec-engine.h"
#include "core/store/sec-query.h"
#include "core/store/sec-record.h"

G_BEGIN_DECLS

typedef struct _SecStore SecStore;

/* The connection the store's SQL runs on; NULL once the store is closed.
 * (transfer none) */
SecEngine   *_sec_store_get_engine     (SecStore       *self);
/* Closes @self for this thread as sec_store_close () does (an open
 * transaction rolled back, every later call refused as on a closed store)
 * but gives its connection to the caller instead of closing it, so that
 * its last step (the checkpoint that moves the log into the file: seconds
 * for a large file) can run in a worker. NULL when already closed.
 * (transfer full) */
SecEngine   *_sec_store_take_engine    (SecStore       *self);
/* sec-store-readers.c: closes the idle connections of the store's
 * workers, and those at work once they are done. */
void         _sec_store_close_readers  (SecStore       *self);
/* sec-store-memory.c: the connection is in use now (counts down to the
 * idle release, sec_store_set_idle_release ()). */
void         _sec_store_note_use       (SecStore       *self);
void         _sec_store_cut_cache_for_worker (SecStore *self);
/* Whether this account keeps the schema: a file's user, or the role that
 * owns a server database's tables (the triggers and functions it remakes
 * at each opening are its own). */
gboolean     _sec_store_is_owner       (SecStore       *self);

/* sec-store-check.c: whether the file at @path, of schema @version, gets
 * the whole-file check at open (else after it). */
gboolean     _sec_store_check_now      (const char     *path,
                                        int             version);

/* sec-store.c */

/* Whether a transaction (or a savepoint) is open. */
gboolean     _sec_store_in_transaction (SecStore       *self);
/* Every reference between the tables (element-type SecForeignKey), read
 * when the store was opened. (transfer none) */
GArray      *_sec_store_get_foreign_keys (SecStore     *self);
/* Emits SecStore::changed now, or at the outer commit when a transaction
 * is open. @change is a SecStoreChange. */
void         _sec_store_queue_change   (SecStore       *self,
                                        GType           kind,
                                        gint64          id,
                                        int             change);
/* A change waiting for the outer commit. */
typedef struct {
  GType          kind;
  gint64         id;
  int            change; /* a SecStoreChange */
} SecPendingChange;
/* Says whether the connection is up (SecStore:connected). */
void         _sec_store_set_connected  (SecStore       *self,
                                        gboolean        connected);
/* The record kind stored in @table, or 0 (history tables). */
GType        _sec_store_type_for_table (const char     *table);
/* @path as the user may see it: a file's name, or a server URI without
 * its password. (transfer full) */
char        *_sec_store_display_name   (const char     *path);
/* Names the store @path (a server's URI without its password, which
 * settings may keep) instead of what it was opened with. */
void         _sec_store_set_path       (SecStore       *self,
                                        const char     *path);
/* A setting, without a transaction of its own. (transfer full) (nullable) */
char        *_sec_store_get_setting    (SecStore       *self,
                                        const char     *key);
gboolean     _sec_store_set_setting    (SecStore       *self,
                                        const char     *key,
                                        const char     *value,
                                        GError        **error);

/* sec-store-notify.c */

/* Tells the other connections to a server database about @changes
 * (SecPendingChange), inside the transaction about to be committed (or
 * at once, outside one); does nothing for a file. */
gboolean     _sec_store_announce       (SecStore       *self,
                                        const SecPendingChange *changes,
                                        guint           n_changes,
                                        GError        **error);

/* Opening (sec-store.c, sec-store-open.c) */

/* What an opening in a worker is told to (sec_store_open_async ()): how
 * far it is, on one bar for its steps, and whether it was stopped. */
typedef struct {
  SecProgressFunc  progress;      /* (nullable) */
  gpointer         progress_data;
  GCancellable    *cancellable;   /* (nullable) */
  double           from, to;      /* the current step's share of the bar */
} SecOpening;

/* Opens as sec_store_open () or sec_store_open_for_reading () do, telling
 * @opening (nullable) how far it is. */
SecStore    *_sec_store_open_full      (const char     *path,
                                        gboolean        read_only,
                                        SecOpening     *opening,
                                        GError        **error);
/* The next step of the opening takes the bar from @from to @to. */
void         _sec_store_opening_stage  (SecStore       *self,
                                        double          from,
                                        double          to);
/* @done of the step's @total is done. Nothing unless opening. */
void         _sec_store_opening_report (SecStore       *self,
                                        guint64         done,
                                        guint64         total);
/* What stops the opening, if anything. (transfer none) (nullable) */
GCancellable *_sec_store_opening_cancellable (SecStore  *self);
/* Whether the opening was stopped; then sets @error (G_IO_ERROR_CANCELLED). */
gboolean     _sec_store_opening_stopped (SecStore      *self,
                                         GError       **error);

/* sec-store-file-checks.c: before the store opens a database */

/* Creates a new empty file readable by its owner only: it will hold
 * personal data. */
gboolean     _sec_store_create_file    (const char     *path,
                                        GError        **error);
/* Refuses @path (named @display) if it is a symbolic link, naming the file
 * it points to. */
gboolean     _sec_store_refuse_link    (const char     *path,
                                        const char     *display,
                                        GError        **error);
/* Sets @own to whether @engine's database holds the tables every version
 * of Secretariat made. */
gboolean     _sec_store_has_own_tables (SecEngine      *engine,
                                        gboolean       *own,
                                        GError        **error);
/* The checks the existing file @path passes on @engine, a connection that
 * writes nothing, before anything else reads it. Sets @version to its
 * schema version, and @deferred to TRUE when the whole-file check is left
 * until after opening. */
gboolean     _sec_store_check_existing_file (SecEngine *engine,
                                             const char *path,
                                             const char *display,
                                             int        *version,
                                             gboolean   *deferred,
                                             GError    **error);
/* Refuses @path unless it and its folder can be written. */
gboolean     _sec_store_check_can_write (const char    *path,
                                         const char    *display,
                                         GError       **error);

/* sec-store-migrate.c */

/* Upgrades the open file from schema version @from to the current one. */
gboolean     _sec_store_migrate        (SecStore       *self,
                                        int             from,
                                        GError        **error);
/* Makes the stored search text and sort keys again when the fold rules or
 * the locale changed since they were written. */
gboolean     _sec_store_refresh_keys   (SecStore       *self,
                                        GError        **error);

/* sec-backups.c */

/* The backup made before a migration, in the backups folder (declared
 * here, not in sec-backups.h, which includes sec-store.h). (transfer full) */
char        *_sec_store_backup_before_migration (SecStore  *self,
                                                 GError   **error);

/* sec-store-records.c */

/* The folded text a record is found by. (transfer full) */
char        *_sec_store_make_search_text (SecRecord    *record);
/* The collation key a record sorts by; NULL for kinds that sort by
 * position or date only. (transfer full) (nullable) */
GBytes      *_sec_store_make_sort_key  (SecRecord      *record);
/* The columns every SELECT of a kind reads (the table is "t"), in the
 * order _sec_store_record_from_row () expects. (transfer full) */
char        *_sec_store_select_columns (const SecKind  *kind);
/* The record a row of those columns holds. (transfer full) */
SecRecord   *_sec_store_record_from_row (GType          type,
                                         SecStmt       *stmt);
/* Derived values named "...-sort-key" are collation keys (bytes) to sort
 * by, never text to show. */
gboolean     _sec_store_is_sort_key    (const SecDerived *derived);
/* The column of the rows that holds @derived when it is stored there
 * (kept by triggers, as people's organisation_sort_key) rather than
 * computed by its SQL ("t.column"); NULL otherwise. */
const char  *_sec_store_derived_column (const SecDerived *derived);
/* Deletes one row inside the caller's transaction, queueing the changes. */
gboolean     _sec_store_delete_row     (SecStore       *self,
                                        GType           kind,
                                        gint64          id,
                                        GError        **error);

/* sec-search-index.c */

/* Appends to @sql the conditions (" AND ...") that @search puts on the rows
 * of @kind (the table is "t"), their values to @params (of GVariant,
 * numbered from ?(params->len + 1)). @index_at (nullable) is set to where
 * in @sql the condition on the search index starts ("t.id IN (SELECT id
 * FROM temp.sec_hits_...)", or "t.id IN (SELECT rowid ... MATCH ?N)" when
 * the matches are not kept), or -1 if there is none; @n_hits (nullable)
 * to how many rows it finds when they are kept, else -1 (its MATCH is
 * then the last of @params). */
gboolean     _sec_store_append_search  (SecStore       *self,
                                        const SecKind  *kind,
                                        const char     *search,
                                        GString        *sql,
                                        GPtrArray      *params,
                                        gssize         *index_at,
                                        gint64         *n_hits,
                                        GError        **error);

/* sec-search-hits.c */

/* The TEMP table holding the ids of the rows the search index of @table
 * finds for @match, filled unless it is already (and @n_hits, their
 * number); NULL on a server, inside a transaction, or on failure.
 * (transfer full) (nullable) */
char        *_sec_store_search_hits    (SecStore       *self,
                                        const char     *table,
                                        const char     *match,
                                        gint64         *n_hits);
/* The FTS5 alternatives kept for the words starting with @prefix (one
 * letter) in @table's index, "" for none, or NULL when none are kept.
 * (transfer none) */
const char  *_sec_store_kept_word_start (SecStore  *self,
                                         const char *table,
                                         const char *prefix);
void         _sec_store_keep_word_start (SecStore  *self,
                                         const char *table,
                                         const char *prefix,
                                         const char *alternatives);
/* Forgets the searches every store keeps (benchmarks: each search then is
 * new). */
void         _sec_store_forget_search_hits (void);

/* sec-store-counts.c */
gboolean     _sec_store_read_file_stamp (SecStore      *self,
                                         gint64        *changes,
                                         gint64        *version);

/* The count of @query's rows of @kind kept since the data last changed
 * (its sort and range aside); reads the data's stamp first, so call it
 * right before counting. FALSE inside a transaction. */
gboolean     _sec_store_kept_count     (SecStore       *self,
                                        const SecKind  *kind,
                                        const SecQuery *query,
                                        gint64         *n);
/* Keeps @n, counted after the stamp _sec_store_kept_count () read. */
void         _sec_store_keep_count     (SecStore       *self,
                                        const SecKind  *kind,
                                        const SecQuery *query,
                                        gint64          n);
/* How many counts @self has read from the database (tests). */
guint        _sec_store_get_n_counted  (SecStore       *self);
/* Forgets the counts every store keeps, or those of searches only
 * (benchmarks: each count, or each search, then is new). */
void         _sec_store_forget_counts  (gboolean        searches_only);

/* sec-store-history.c */

/* Makes this connection's history triggers and records its user account. */
gboolean     _sec_store_ensure_history (SecStore       *self,
                                        GError        **error);
/* An SQL expression for the name the history records as who changed. */
const char  *_sec_store_history_user_sql (SecStore     *self);

/* sec-store-privacy.c */

/* What a writable store does once a file is open: the history, zeroed
 * deletions, expired needs cleared. */
gboolean     _sec_store_open_privacy   (SecStore       *self,
                                        GError        **error);
/* The user's words for a refusal of the privacy triggers, or NULL.
 * (transfer none) */
const char  *_sec_store_privacy_trigger_message (const char *engine_message);
/* The reason for the refusal of migration 13's triggers (a delegate or an
 * alternate who is not a person of the member organisation), or NULL. */
const char  *_sec_store_representative_trigger_message (const char *engine_message);

G_END_DECLS
