/* sec-store.h: the database behind every record
 *
 * SecStore owns the connection (a SecEngine, sec-engine.h). It opens or
 * creates the file, checks and migrates it, and offers
 * create/read/update/delete and list queries for every record kind. All SQL
 * of the application lives in src/core/store/.
 */
#pragma once

#include <gio/gio.h>

#include "core/base/sec-progress.h"
#include "core/store/sec-engine.h"
#include "core/store/sec-record.h"
#include "core/store/sec-store-error.h"
#include "core/store/sec-query.h"

G_BEGIN_DECLS

typedef enum {
  SEC_STORE_CHANGE_INSERTED,
  SEC_STORE_CHANGE_UPDATED,
  SEC_STORE_CHANGE_DELETED,
} SecStoreChange;

/* The schema version this program writes (PRAGMA user_version). */
#define SEC_STORE_SCHEMA_VERSION (sec_store_schema_version ())
int          sec_store_schema_version  (void);

#define SEC_TYPE_STORE (sec_store_get_type ())
G_DECLARE_FINAL_TYPE (SecStore, sec_store, SEC, STORE, GObject)

/* SecStore::changed (SecStore *store, GType kind, gint64 id, int change)
 * is emitted after each committed write: @id is 0 when several records of
 * @kind changed (a cascade), @change a SecStoreChange. */

/* Opens @path, creating it (mode 0600, parent folders 0700) when missing,
 * and upgrades it to the current schema after a backup copy in the
 * backups folder beside it (sec-backups.h). An existing file that is not a
 * Secretariat database (an empty one too) is refused and left as it was. */
SecStore    *sec_store_open            (const char     *path,
                                        GError        **error);
void         sec_store_open_async      (const char          *path,
                                        SecProgressFunc      progress,
                                        gpointer             progress_data,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
SecStore    *sec_store_open_finish     (GAsyncResult        *result,
                                        GError             **error);
/* Opens an existing database of the current version read-only: writes
 * nothing, changes no journal mode, leaves no -wal or -shm file. */
SecStore    *sec_store_open_for_reading (const char    *path,
                                        GError        **error);
/* $XDG_DATA_HOME/secretariat/secretariat.db */
char        *sec_store_default_path    (void);
/* Whether @path names a database on a PostgreSQL server (postgresql:// or
 * postgres://) rather than a file. */
gboolean     sec_store_is_server_uri   (const char     *path);
const char  *sec_store_get_path        (SecStore       *self);
/* The backup made before the last migration, or NULL. */
const char  *sec_store_get_backup_path (SecStore       *self);
void         sec_store_close           (SecStore       *self);
/* The bytes of the file's pages the store's connection keeps in memory
 * (0 for a server), and freeing those no statement is reading
 * (sec-store-memory.c). */
gint64       sec_store_get_cache_used  (SecStore       *self);
void         sec_store_release_memory  (SecStore       *self);
/* Frees the connection's page cache but the @keep_kib KiB used last
 * whenever it was not used for @delay_ms (0: never, the default), in the
 * caller's thread (sec-store-memory.c). */
void         sec_store_set_idle_release (SecStore      *self,
                                         guint          delay_ms,
                                         guint          keep_kib);
/* Frees the connection's page cache but the @keep_kib KiB used last, now
 * (not a use of the connection). */
void         sec_store_cut_cache       (SecStore       *self,
                                        guint           keep_kib);
/* Gives what this process freed back to the system, in a worker
 * (malloc_trim () with glibc). */
void         sec_store_trim_heap_async (void);
/* Closing any descriptor of the database file in this process drops the
 * file locks that tell other programs it is in use (GIO does so when an
 * in-process file chooser sniffs the file's type); call this after such a
 * dialog to take them again. Does nothing inside a transaction. */
void         sec_store_retake_locks    (SecStore       *self);
/* Whether opening left the whole-file integrity check of this large file
 * to sec_store_check_integrity_async() (sec-store-check.h). */
gboolean     sec_store_get_check_deferred (SecStore    *self);
/* Whether changes can be saved: FALSE for a store opened for reading and
 * for a database on a server that the user's account (role) may only
 * read. Every write then fails with SEC_STORE_ERROR_READ_ONLY; the window
 * shows its editing controls as unavailable. */
gboolean     sec_store_can_write       (SecStore       *self);

/* Whether the store is connected to its database: FALSE only while a
 * server connection that dropped is being made again (SecStore:connected,
 * sec-store-notify.h). */
gboolean     sec_store_get_connected   (SecStore       *self);

/* Transactions nest (savepoints). Every write method opens its own when
 * none is open, so a caller only needs these to group several writes. */
gboolean     sec_store_begin           (SecStore       *self,
                                        GError        **error);
gboolean     sec_store_commit          (SecStore       *self,
                                        GError        **error);
/* Commits; when that fails, rolls back and returns FALSE. For callers that
 * have nothing else to undo. */
gboolean     sec_store_commit_or_rollback (SecStore    *self,
                                           GError     **error);
void         sec_store_rollback        (SecStore       *self);

/* Create: sets the record's id and timestamps on success. */
gboolean     sec_store_insert          (SecStore       *self,
                                        SecRecord      *record,
                                        GError        **error);
gboolean     sec_store_update          (SecStore       *self,
                                        SecRecord      *record,
                                        GError        **error);
gboolean     sec_store_delete          (SecStore       *self,
                                        GType           kind,
                                        gint64          id,
                                        GError        **error);
/* (transfer full): the record, or NULL with SEC_STORE_ERROR_NOT_FOUND */
SecRecord   *sec_store_get             (SecStore       *self,
                                        GType           kind,
                                        gint64          id,
                                        GError        **error);
/* (transfer container) (element-type SecRecord) */
GPtrArray   *sec_store_list            (SecStore       *self,
                                        GType           kind,
                                        SecQuery       *query,
                                        GError        **error);
/* Number of records matching @query (NULL: all of that kind). */
gint64       sec_store_count           (SecStore       *self,
                                        GType           kind,
                                        SecQuery       *query,
                                        GError        **error);
/* Where record @id stands in the list @query gives (ignoring its range),
 * counting from 0; -1 when it is not in that list. */
gint64       sec_store_position        (SecStore       *self,
                                        GType           kind,
                                        SecQuery       *query,
                                        gint64          id,
                                        GError        **error);
/* Number of records in the whole database, of every kind. */
gint64       sec_store_count_all       (SecStore       *self,
                                        GError        **error);

/* What else a deletion of this record would remove or change: one entry per
 * dependent kind, as a translated line ("3 meeting participants"). Empty
 * when the record stands alone. (transfer full) */
GStrv        sec_store_describe_dependants (SecStore   *self,
                                            SecRecord  *record,
                                            GError    **error);

/* A deleted record together with every dependant the deletion removed, so
 * that it can be put back with the same ids (Undo). */
typedef struct _SecDeletion SecDeletion;
SecDeletion *sec_store_delete_with_undo (SecStore      *self,
                                         GType          kind,
                                         gint64         id,
                                         GError       **error);
gboolean     sec_store_undo_deletion    (SecStore      *self,
                                         SecDeletion   *deletion,
                                         GError       **error);
void         sec_deletion_free          (SecDeletion   *deletion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecDeletion, sec_deletion_free)

/* Small values kept in the database file itself (key/value). */
char        *sec_store_get_setting     (SecStore       *self,
                                        const char     *key);
gboolean     sec_store_set_setting     (SecStore       *self,
                                        const char     *key,
                                        const char     *value,
                                        GError        **error);
/* A random id given to the database when it was made: stable identifiers
 * for exports (iCalendar UIDs). */
const char  *sec_store_get_uuid        (SecStore       *self);

/* Copies the open database into @dest (the engine's backup: mode 0600,
 * checked, then renamed into place; an existing @dest is replaced, so
 * callers that must not replace check first). sec-backups.h keeps copies
 * in the backups folder. */
gboolean     sec_store_backup_to       (SecStore       *self,
                                        const char     *dest,
                                        GError        **error);

/* What one search finds in every section: up to @per_kind people,
 * organisations, meetings (newest first), calls, joint statements and
 * bodies, grouped in that order. (transfer full) (element-type SecRecord) */
GPtrArray   *sec_store_search_everywhere (SecStore    *self,
                                          const char  *text,
                                          guint        per_kind,
                                          GError     **error);
/* Rewrites the search indexes without what deleted records left in them
 * (their trigrams stay in the file until then): for erasing personal data
 * for good. */
gboolean     sec_store_search_index_optimize (SecStore  *self,
                                              GError   **error);

G_END_DECLS
