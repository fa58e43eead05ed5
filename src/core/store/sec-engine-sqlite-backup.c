/* sec-engine-sqlite-backup.c: a SQLite store's database copied into a
 * file of its own, a step at a time, checked in full before it takes its
 * name (Back Up Now, the daily backup, the copies a restore or an upgrade
 * makes first); and whether another process has a file open. */
#define G_LOG_DOMAIN "sec-engine"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "core/store/sec-engine-sqlite-private.h"
#include "core/store/sec-store-error.h"

/* Runs the full integrity check on @db; on a problem returns SQLite's
 * first line about it. (transfer full) (nullable) */
static char *
find_damage (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (result, "ok") != 0)
        problem = g_strdup (result ? result : "?");
    }
  else
    problem = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return problem;
}

/* Writes what is in @path to the disk, so that a rename after it never
 * makes a name point to data still in memory. */
static gboolean
sync_path (const char *path,
           gboolean    directory)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* While a connection of another process has a database in write-ahead
 * mode open, it holds a read lock on one byte of the -shm file (SQLite's
 * "DMS" slot, byte 128 in os_unix.c), even when idle. */
#define SHM_DMS_BYTE 128

gboolean
sec_engine_file_in_use (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = SHM_DMS_BYTE, .l_len = 1 };
  gboolean in_use;
  int fd = g_open (shm, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);

  if (fd < 0)
    return FALSE;
  in_use = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  close (fd);
  return in_use;
}

/* How the bar of a backup is shared between the copy and its check: on
 * the 276 MB file of benchmarks/scale the copy took 1.4 s and the full
 * integrity check about 20 s. */
#define COPY_SHARE 0.1
/* Pages copied by each step of SQLite's backup (4 MB of 4 KiB pages);
 * the cancellable is looked at between two steps. */
#define PAGES_PER_STEP 1024
/* The full integrity check reads the copy's pages about this many times
 * each, its index lookups missing the page cache (2.24 million misses for
 * 67,467 pages on that file): its progress is the misses so far against
 * this estimate, never past 99 % before it ends. */
#define CHECK_READS_PER_PAGE 33
/* SQLite virtual machine instructions between two looks at the
 * cancellable during the check (a few hundred a second). */
#define CHECK_OPS_PER_LOOK 10000

typedef struct {
  sqlite3         *db;
  int              n_pages;
  SecProgressFunc  progress;
  gpointer         progress_data;
  GCancellable    *cancellable;
} CheckWatch;

/* SQLite's progress handler during the check: a non-zero return
 * interrupts it. */
static int
watch_check (void *user_data)
{
  CheckWatch *watch = user_data;
  int misses = 0, highest = 0;

  if (g_cancellable_is_cancelled (watch->cancellable))
    return 1;
  if (watch->progress != NULL && watch->n_pages > 0)
    {
      sqlite3_db_status (watch->db, SQLITE_DBSTATUS_CACHE_MISS, &misses, &highest, FALSE);
      watch->progress (COPY_SHARE + (1 - COPY_SHARE) *
                       MIN (0.99, misses / ((double) watch->n_pages * CHECK_READS_PER_PAGE)),
                       watch->progress_data);
    }
  return 0;
}

/* Copies @engine's database into the open, empty @out a step at a time,
 * telling @progress the pages copied; stops when @cancellable is. The
 * source is read in one transaction, so that the steps make one
 * consistent copy even while other connections write. Returns SQLite's
 * code; *@n_pages is the number copied. */
static int
copy_pages (SecEngine       *engine,
            sqlite3         *out,
            SecProgressFunc  progress,
            gpointer         progress_data,
            GCancellable    *cancellable,
            int             *n_pages)
{
  gboolean own_read = sqlite3_get_autocommit (engine->db);
  sqlite3_backup *backup;
  int rc;

  /* A deferred BEGIN reads nothing yet: the count opens the snapshot. */
  if (own_read &&
      sqlite3_exec (engine->db, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite3_exec (engine->db, "ROLLBACK", NULL, NULL, NULL);
      own_read = FALSE;
    }
  backup = sqlite3_backup_init (out, "main", engine->db, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (out);
  else
    {
      while ((rc = sqlite3_backup_step (backup, PAGES_PER_STEP)) == SQLITE_OK)
        {
          int total = sqlite3_backup_pagecount (backup);

          if (g_cancellable_is_cancelled (cancellable))
            {
              rc = SQLITE_INTERRUPT;
              break;
            }
          if (progress != NULL && total > 0)
            progress (COPY_SHARE * (total - sqlite3_backup_remaining (backup)) / total, progress_data);
        }
      *n_pages = sqlite3_backup_pagecount (backup);
      if (rc == SQLITE_DONE && progress != NULL)
        progress (COPY_SHARE, progress_data);
      sqlite3_backup_finish (backup);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  if (own_read)
    sqlite3_exec (engine->db, "COMMIT", NULL, NULL, NULL);
  return rc;
}

/* The copy is written under a temporary name in @dest's folder, created
 * mode 0600 from its first byte (it holds the same personal data as the
 * database), checked, synced and only then renamed to @dest: a failure,
 * a kill, a cancel or a full disk leaves either no file or the whole one,
 * never a half or world-readable one. @dest is replaced if it exists. */
gboolean
sec_engine_backup_to_full (SecEngine        *engine,
                           const char       *dest,
                           SecProgressFunc   progress,
                           gpointer          progress_data,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *display = NULL;
  g_autofree char *problem = NULL;
  sqlite3 *out = NULL;
  CheckWatch watch = { 0 };
  int fd, rc, misses, highest;

  g_return_val_if_fail (dest != NULL, FALSE);

  if (!_sec_engine_sqlite_check_open (engine, error) || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  display = g_filename_display_name (dest);
  dir = g_path_get_dirname (dest);
  base = g_path_get_basename (dest);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, saved == EACCES || saved == EROFS ? SEC_STORE_ERROR_READ_ONLY : SEC_STORE_ERROR_FAILED,
                   _("Could not copy the database to “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  journal = g_strconcat (tmp, "-journal", NULL);

  rc = sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (engine, out, progress, progress_data, cancellable, &watch.n_pages);
  /* A copy of a database in write-ahead mode would make -wal and -shm
   * files beside itself whenever it is read: a copy stands alone. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      watch.db = out;
      watch.progress = progress;
      watch.progress_data = progress_data;
      watch.cancellable = cancellable;
      sqlite3_db_status (out, SQLITE_DBSTATUS_CACHE_MISS, &misses, &highest, TRUE);
      sqlite3_progress_handler (out, CHECK_OPS_PER_LOOK, watch_check, &watch);
      if ((problem = find_damage (out)) != NULL)
        rc = SQLITE_CORRUPT;
      sqlite3_progress_handler (out, 0, NULL, NULL);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    rc = SQLITE_INTERRUPT;
  else if (rc != SQLITE_OK)
    g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                 _("Could not copy the database to “%s”: %s"), display,
                 problem ? problem : out ? sqlite3_errmsg (out) : sqlite3_errstr (rc));
  sqlite3_close (out);

  if (rc == SQLITE_OK && !sync_path (tmp, FALSE))
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   _("Could not copy the database to “%s”: %s"), display, g_strerror (saved));
      rc = SQLITE_IOERR;
    }
  if (rc == SQLITE_OK && g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   _("Could not copy the database to “%s”: %s"), display, g_strerror (saved));
      rc = SQLITE_IOERR;
    }
  if (rc != SQLITE_OK)
    {
      g_unlink (tmp);
      g_unlink (journal);
      return FALSE;
    }
  /* The new name itself must survive a power cut. */
  sync_path (dir, TRUE);
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}
