/* sec-backups.h: copies of a database kept beside it, and restoring one
 *
 * Backups live in a folder `backups/` beside the database (mode 0700), one
 * file per copy named `<db-name>.<YYYY-MM-DD-HHMMSS>.<reason>.db` (mode
 * 0600), where <db-name> is the database's file name without its `.db`.
 * They are made with the engine's backup (a consistent copy of an open
 * database), checked with the full integrity check, and the last N of each
 * database are kept (N is the setting "backups-kept" of the database
 * itself, 10 when unset).
 */
#pragma once

#include <gio/gio.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* How many backups of a database are kept when it does not say. */
#define SEC_BACKUPS_KEPT_DEFAULT 10

/* Why a backup was made; the last part of its file name. */
#define SEC_BACKUP_REASON_DAILY          "daily"
#define SEC_BACKUP_REASON_MANUAL         "manual"
#define SEC_BACKUP_REASON_BEFORE_MIGRATION "before-migration"
#define SEC_BACKUP_REASON_BEFORE_IMPORT  "before-import"
#define SEC_BACKUP_REASON_BEFORE_RESTORE "before-restore"

typedef struct {
  char      *path;
  GDateTime *date;       /* local time, from the file name */
  char      *reason;     /* one of SEC_BACKUP_REASON_... (or another word) */
  gint64     n_records;  /* every record of every kind; -1: unreadable */
  int        version;    /* schema version of the copy; 0: unreadable */
  guint      seq;        /* 1, or 2... for copies made in the same second */
} SecBackup;

void         sec_backup_free            (SecBackup    *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecBackup, sec_backup_free)

/* The translated name of @reason ("Daily", "Before an upgrade"...).
 * (transfer none) */
const char  *sec_backup_reason_label    (const char   *reason);

/* Where the backups of the database @db_path live. (transfer full) */
char        *sec_backups_get_folder     (const char   *db_path);

/* The backups of @db_path, newest first, each opened read-only to count
 * its records. An absent folder is an empty list. (transfer container)
 * (element-type SecBackup) */
GPtrArray   *sec_backups_list           (const char   *db_path,
                                         GError      **error);
/* The same as their names say, without opening them: quick, for a list
 * shown at once (each n_records -1 and version 0 until counted).
 * (transfer container) (element-type SecBackup) */
GPtrArray   *sec_backups_scan           (const char   *db_path);
/* Opens the backup @path read-only and counts its records, every kind
 * (a few tenths of a second for a file of 200,000 people). FALSE with
 * @error when it is not a Secretariat database this version can read, or
 * with G_IO_ERROR_CANCELLED once @cancellable (nullable) is cancelled. */
gboolean     sec_backup_count           (const char    *path,
                                         gint64        *n_records,
                                         int           *version,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* sec_backup_count () off the calling thread, for a list that must not
 * wait for it. A count cancelled before its @callback runs always ends
 * with G_IO_ERROR_CANCELLED, even if the worker had finished. */
void         sec_backup_count_async     (const char          *path,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean     sec_backup_count_finish    (GAsyncResult        *result,
                                         gint64              *n_records,
                                         int                 *version,
                                         GError             **error);

/* Makes a backup of @store into its backups folder for @reason (one of
 * SEC_BACKUP_REASON_...; the import calls it with "before-import"), then
 * removes the oldest beyond the number kept. Returns: (transfer full) the
 * new file, or NULL with @error set (and no file left). */
char        *sec_store_backup_before    (SecStore     *store,
                                         const char   *reason,
                                         GError      **error);
/* The same, telling @progress (nullable, in this thread) how much is done
 * and giving up with G_IO_ERROR_CANCELLED, leaving no file, when
 * @cancellable is cancelled (the import's Stop, while its backup is made). */
char        *sec_store_backup_before_full (SecStore        *store,
                                           const char      *reason,
                                           SecProgressFunc  progress,
                                           gpointer         progress_data,
                                           GCancellable    *cancellable,
                                           GError         **error);

/* The daily backup: made when @store holds records and no daily backup of
 * it was made today. Returns: (transfer full) (nullable) the new file, or
 * NULL: none was needed (@error unset) or it failed (@error set). */
char        *sec_store_backup_daily     (SecStore     *store,
                                         GError      **error);
/* The same off the calling thread, on a connection of its own to @db_path
 * (the window's start-up must not wait for a copy of the whole file). The
 * result is as sec_store_backup_daily () returns it. */
void         sec_backups_make_daily_async  (const char          *db_path,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char        *sec_backups_make_daily_finish (GAsyncResult        *result,
                                            GError             **error);

/* A backup of the file @db_path made for @reason on a connection of its
 * own, as sec_store_backup_before () makes it, telling @progress (nullable,
 * in this thread) how much is done, copy and check together. When
 * @cancellable is cancelled it gives up with G_IO_ERROR_CANCELLED: no file
 * is left (nor a partial one), and the old backups stay as they were.
 * (transfer full) */
char        *sec_backups_make              (const char          *db_path,
                                            const char          *reason,
                                            SecProgressFunc      progress,
                                            gpointer             progress_data,
                                            GCancellable        *cancellable,
                                            GError             **error);

/* The same (sec_backups_make ()) off the calling thread: Back Up Now of a
 * large file must not freeze the window. @progress (nullable) is told in
 * the calling thread's main context, at most once per whole percent. A
 * cancel that comes once the copy has its name is too late: the backup is
 * then returned as made. (transfer full) */
void         sec_backups_make_async        (const char          *db_path,
                                            const char          *reason,
                                            SecProgressFunc      progress,
                                            gpointer             progress_data,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char        *sec_backups_make_finish       (GAsyncResult        *result,
                                            GError             **error);

/* How many backups of @store are kept (the setting "backups-kept"). */
guint        sec_store_get_backups_kept (SecStore     *store);
gboolean     sec_store_set_backups_kept (SecStore     *store,
                                         guint         n,
                                         GError      **error);

/* Replaces the database @db_path with the copy @backup_path. The database
 * must not be open in this program. The current file is first kept aside
 * as a backup ("before-restore"; its path in @kept_aside, or NULL when
 * there was no file), so that restoring that one undoes the restore. A
 * file that is not a Secretariat database, is damaged or too new is
 * refused and nothing changes. The new file is complete or absent, never
 * half written. */
gboolean     sec_store_restore          (const char   *db_path,
                                         const char   *backup_path,
                                         char        **kept_aside,
                                         GError      **error);
/* The same, telling @progress (nullable, in this thread) how far it is:
 * the check of the backup, the copy kept aside, the copy in. A cancel of
 * @cancellable before the database is replaced (the last step of the copy
 * in, a rename) gives up with G_IO_ERROR_CANCELLED: the database is as it
 * was and no file is left (the copy kept aside is removed); after it, the
 * restore completes and is reported done. The check of the backup itself
 * is not interrupted: a cancel then is taken once it ends. */
gboolean     sec_store_restore_full     (const char       *db_path,
                                         const char       *backup_path,
                                         SecProgressFunc   progress,
                                         gpointer          progress_data,
                                         GCancellable     *cancellable,
                                         char            **kept_aside,
                                         GError          **error);
/* sec_store_restore_full () off the calling thread: restoring a large file
 * must not freeze the window. @progress (nullable) is told in the calling
 * thread's main context, at most once per whole percent. @store
 * (nullable) is this program's open store of @db_path: it is closed for
 * the calling thread at once (as by sec_store_close ()), and its
 * connection closed in the worker before the restore (the log moved into
 * the file: seconds for a large file). */
void         sec_store_restore_async    (SecStore            *store,
                                         const char          *db_path,
                                         const char          *backup_path,
                                         SecProgressFunc      progress,
                                         gpointer             progress_data,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* @kept_aside: (out) (optional) (transfer full) as sec_store_restore ()
 * sets it. */
gboolean     sec_store_restore_finish   (GAsyncResult        *result,
                                         char               **kept_aside,
                                         GError             **error);

G_END_DECLS
