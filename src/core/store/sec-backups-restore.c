/* sec-backups-restore.c: replacing a database with one of its backups
 *
 * Everything about the backup is checked before anything changes; the
 * database as it was is kept aside as a backup itself ("before-restore"),
 * and the copy in ends with a rename, so that the database is always the
 * old file or the whole copy. Split from sec-backups.c, which makes and
 * lists the backups.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/sec-progress.h"
#include "core/store/sec-backups.h"
#include "core/store/sec-backups-private.h"
#include "core/store/sec-store-private.h"

/* Keeps a file that the engine cannot read (damaged) aside byte for byte:
 * written 0600 under a temporary name, synced, then renamed. */
static char *
copy_aside_raw (const char  *db_path,
                GError     **error)
{
  g_autofree char *dest = _sec_backups_make_path (db_path, SEC_BACKUP_REASON_BEFORE_RESTORE);
  g_autofree char *folder = sec_backups_get_folder (db_path);
  g_autofree char *tmp = g_build_filename (folder, ".restore.XXXXXX", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;
  int fd;

  if (!g_file_get_contents (db_path, &contents, &length, error))
    return NULL;
  if ((fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   _("Could not copy the database to “%s”: %s"), dest, g_strerror (saved));
      return NULL;
    }
  ok = write (fd, contents, length) == (gssize) length && fsync (fd) == 0;
  ok = close (fd) == 0 && ok;
  if (!ok || g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   _("Could not copy the database to “%s”: %s"), dest, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&dest);
}

/* Keeps the current file @db_path aside as a backup; sets *@kept to the
 * copy, or NULL when there is no file. Returns the number of backups the
 * file wants kept. A cancel leaves no copy. */
static gboolean
keep_current_aside (const char       *db_path,
                    char            **kept,
                    guint            *n_kept,
                    SecProgressFunc   progress,
                    gpointer          progress_data,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(SecEngine) current = NULL;
  g_autoptr(GError) local_error = NULL;
  int version = 0;

  *kept = NULL;
  *n_kept = SEC_BACKUPS_KEPT_DEFAULT;
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!_sec_backups_ensure_folder (db_path, error))
    return FALSE;

  current = sec_engine_open (db_path, SEC_ENGINE_OPEN_READ_WRITE, &local_error);
  if (current != NULL && sec_engine_get_schema_version (current, &version, &local_error) && version > 0)
    *n_kept = _sec_backups_read_kept (current);
  if (local_error == NULL)
    {
      g_autofree char *path = _sec_backups_make_path (db_path, SEC_BACKUP_REASON_BEFORE_RESTORE);
      if (sec_engine_backup_to_full (current, path, progress, progress_data, cancellable, &local_error))
        *kept = g_steal_pointer (&path);
    }
  /* Closing the last connection folds its write-ahead log into the file,
   * which is then whole on its own and may be replaced. */
  g_clear_pointer (&current, sec_engine_close);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*kept == NULL)
    {
      /* A damaged file is the usual reason to restore: keep its bytes. */
      g_debug ("Keeping %s aside byte for byte: %s", db_path, local_error->message);
      if ((*kept = copy_aside_raw (db_path, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* A part of a restore's bar: the steps' own progress, from 0 to 1, is
 * told as a share of the whole. */
typedef struct {
  SecProgressFunc progress;
  gpointer        progress_data;
  double          start;
  double          share;
} RestoreStep;

static void
report_step (double   fraction,
             gpointer user_data)
{
  RestoreStep *step = user_data;

  if (step->progress != NULL)
    step->progress (step->start + step->share * fraction, step->progress_data);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* How a restore's bar is shared between its steps: the check of the
 * backup (one step, told when done: the engine's check tells nothing on
 * the way), the copy of the database kept aside and the copy of the
 * backup in, each copy and its own check (sec_engine_backup_to_full ()). */
#define RESTORE_CHECK_SHARE 0.3
#define RESTORE_ASIDE_SHARE 0.35

gboolean
sec_store_restore (const char  *db_path,
                   const char  *backup_path,
                   char       **kept_aside,
                   GError     **error)
{
  return sec_store_restore_full (db_path, backup_path, NULL, NULL, NULL, kept_aside, error);
}

gboolean
sec_store_restore_full (const char       *db_path,
                        const char       *backup_path,
                        SecProgressFunc   progress,
                        gpointer          progress_data,
                        GCancellable     *cancellable,
                        char            **kept_aside,
                        GError          **error)
{
  g_autoptr(SecEngine) source = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *display = NULL;
  RestoreStep aside = { progress, progress_data, RESTORE_CHECK_SHARE, RESTORE_ASIDE_SHARE };
  RestoreStep copy_in = { progress, progress_data, RESTORE_CHECK_SHARE + RESTORE_ASIDE_SHARE,
                          1 - RESTORE_CHECK_SHARE - RESTORE_ASIDE_SHARE };
  GStatBuf st;
  guint n_kept;
  int version = 0;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kept_aside != NULL)
    *kept_aside = NULL;
  display = g_filename_display_name (db_path);

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *backup_display = g_filename_display_name (backup_path);
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist"), backup_display);
      return FALSE;
    }
  if (same_file (db_path, backup_path))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   _("“%s” is the database itself, not a backup of it"), display);
      return FALSE;
    }
  if (progress != NULL)
    progress (0, progress_data);

  /* Everything about the copy is checked before anything is changed. */
  source = _sec_backups_open_copy (backup_path, &version, &local_error);
  if (source != NULL)
    sec_engine_check_integrity (source, &local_error);
  if (local_error != NULL)
    {
      g_autofree char *backup_display = g_filename_display_name (backup_path);

      if (g_error_matches (local_error, SEC_STORE_ERROR, SEC_STORE_ERROR_CORRUPT))
        g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be restored. Nothing was changed."), backup_display);
      else
        g_set_error (error, SEC_STORE_ERROR, local_error->code,
                     _("%s. Nothing was changed."), local_error->message);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (RESTORE_CHECK_SHARE, progress_data);

  /* Replaced under another program, the database would go on taking its
   * writes into the old file, lost on its next opening. */
  if (sec_engine_file_in_use (db_path))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” is in use by another program"), display);
      return FALSE;
    }
  if (!keep_current_aside (db_path, &kept, &n_kept, report_step, &aside, cancellable, error))
    return FALSE;
  wal = g_strconcat (db_path, "-wal", NULL);
  if (sec_engine_file_in_use (db_path) || (g_stat (wal, &st) == 0 && st.st_size > 0))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” is in use by another program"), display);
      return FALSE;
    }

  /* The database is replaced by the copy's last step, a rename: a cancel
   * before it leaves the file as it was (and takes back the copy kept
   * aside); after it, too late, the restore is complete. */
  if (!sec_engine_backup_to_full (source, db_path, report_step, &copy_in, cancellable, &local_error))
    {
      if (kept != NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_unlink (kept);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  _sec_backups_prune (db_path, n_kept);
  /* The steps' shares need not add up to exactly 1 in floating point. */
  if (progress != NULL)
    progress (1.0, progress_data);

  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&kept);
  return TRUE;
}

typedef struct {
  SecEngine        *closing;  /* the store's connection, to close first */
  char             *db_path;
  char             *backup_path;
  char             *kept_aside;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  sec_engine_close (job->closing);
  g_free (job->db_path);
  g_free (job->backup_path);
  g_free (job->kept_aside);
  g_free (job);
}

static gboolean
restore_worker (gpointer           data,
                SecProgressRelay  *relay,
                GCancellable      *cancellable,
                GError           **error)
{
  RestoreJob *job = data;

  /* Its checkpoint first: the file is then complete, and the copy kept
   * aside has every commit. */
  g_clear_pointer (&job->closing, sec_engine_close);
  return sec_store_restore_full (job->db_path, job->backup_path, sec_progress_relay_report, relay,
                                 cancellable, &job->kept_aside, error);
}

void
sec_store_restore_async (SecStore            *store,
                         const char          *db_path,
                         const char          *backup_path,
                         SecProgressFunc      progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  RestoreJob *job;

  g_return_if_fail (store == NULL || SEC_IS_STORE (store));
  g_return_if_fail (db_path != NULL && backup_path != NULL);

  job = g_new0 (RestoreJob, 1);
  job->closing = store != NULL ? _sec_store_take_engine (store) : NULL;
  job->db_path = g_strdup (db_path);
  job->backup_path = g_strdup (backup_path);
  /* Cancelled once the file is replaced, the restore is done and must be
   * reported so (sec_worker_run () leaves that to the worker). */
  sec_worker_run (sec_store_restore_async, job, (GDestroyNotify) restore_job_free, restore_worker,
                  progress, progress_data, cancellable, callback, user_data);
}

gboolean
sec_store_restore_finish (GAsyncResult  *result,
                          char         **kept_aside,
                          GError       **error)
{
  RestoreJob *job;

  if (kept_aside != NULL)
    *kept_aside = NULL;
  if ((job = sec_worker_finish (result, sec_store_restore_async, error)) == NULL)
    return FALSE;
  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&job->kept_aside);
  return TRUE;
}
