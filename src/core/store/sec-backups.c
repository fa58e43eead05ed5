/* sec-backups.c: copies of a database kept beside it: making and listing them
 *
 * The copies are made by the engine (sec_engine_backup_to: a temporary
 * file created 0600, the engine's backup, the full integrity check, then a
 * rename), so a failure never leaves a half or readable-by-all file. The
 * number kept is a setting of the database itself: the automatic backups
 * are made inside the store (before a migration, while the file is being
 * opened) where no caller could pass it, and the command line and the
 * window must prune alike. Restoring one is in sec-backups-restore.c.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/sec-progress.h"
#include "core/store/sec-backups.h"
#include "core/store/sec-backups-private.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-private.h"

#define KEPT_SETTING "backups-kept"

void
sec_backup_free (SecBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_clear_pointer (&backup->date, g_date_time_unref);
  g_free (backup->reason);
  g_free (backup);
}

const char *
sec_backup_reason_label (const char *reason)
{
  if (g_strcmp0 (reason, SEC_BACKUP_REASON_DAILY) == 0)
    return _("Daily");
  if (g_strcmp0 (reason, SEC_BACKUP_REASON_MANUAL) == 0)
    return _("Made by hand");
  if (g_strcmp0 (reason, SEC_BACKUP_REASON_BEFORE_MIGRATION) == 0)
    return _("Before an upgrade");
  if (g_strcmp0 (reason, SEC_BACKUP_REASON_BEFORE_IMPORT) == 0)
    return _("Before an import");
  if (g_strcmp0 (reason, SEC_BACKUP_REASON_BEFORE_RESTORE) == 0)
    return _("Before a restore");
  return reason;
}

/* Names */

char *
sec_backups_get_folder (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/* "secretariat" for secretariat.db: the start of its backups' names. */
static char *
dup_db_name (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

/* Reads "<name>.2026-12-06-094400[-2].daily.db"; FALSE for any other
 * file (temporary copies begin with a dot). */
static gboolean
parse_name (const char  *file_name,
            const char  *db_name,
            GDateTime  **date,
            guint       *seq,
            char       **reason)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  int f[6];

  if (!g_str_has_prefix (file_name, db_name) || file_name[strlen (db_name)] != '.')
    return FALSE;
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(\\d{4})-(\\d\\d)-(\\d\\d)-(\\d\\d)(\\d\\d)(\\d\\d)(?:-(\\d+))?"
                                            "\\.([a-z]+(?:-[a-z]+)*)\\.db$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, file_name + strlen (db_name) + 1, 0, &match))
    return FALSE;
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *part = g_match_info_fetch (match, i + 1);
      f[i] = atoi (part);
    }
  *date = g_date_time_new_local (f[0], f[1], f[2], f[3], f[4], f[5]);
  if (*date == NULL)
    return FALSE;
  {
    g_autofree char *n = g_match_info_fetch (match, 7);
    *seq = n != NULL && n[0] != '\0' ? (guint) atoi (n) : 1;
  }
  *reason = g_match_info_fetch (match, 8);
  return TRUE;
}

/* The backups of @db_path as found in its folder, without opening them,
 * oldest first. (element-type SecBackup) */
static GPtrArray *
scan_folder (const char *db_path)
{
  g_autofree char *folder = sec_backups_get_folder (db_path);
  g_autofree char *db_name = dup_db_name (db_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_backup_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(SecBackup) backup = g_new0 (SecBackup, 1);

      if (!parse_name (name, db_name, &backup->date, &backup->seq, &backup->reason))
        continue;
      backup->path = g_build_filename (folder, name, NULL);
      backup->n_records = -1;
      g_ptr_array_add (backups, g_steal_pointer (&backup));
    }
  return backups;
}

static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  const SecBackup *x = *(SecBackup *const *) a, *y = *(SecBackup *const *) b;
  int by_date = g_date_time_compare (x->date, y->date);

  return by_date != 0 ? by_date : (x->seq > y->seq) - (x->seq < y->seq);
}

/* A name not taken yet for a backup made now, after every other one made
 * in the same second (even those pruned since, whose names came free).
 * (transfer full) */
char *
_sec_backups_make_path (const char *db_path,
                        const char *reason)
{
  g_autofree char *folder = sec_backups_get_folder (db_path);
  g_autofree char *db_name = dup_db_name (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autoptr(GPtrArray) backups = scan_folder (db_path);
  guint seq = 1;

  for (guint i = 0; i < backups->len; i++)
    {
      SecBackup *b = g_ptr_array_index (backups, i);
      g_autofree char *other = g_date_time_format (b->date, "%Y-%m-%d-%H%M%S");

      if (g_str_equal (other, stamp))
        seq = MAX (seq, b->seq + 1);
    }
  for (;; seq++)
    {
      g_autofree char *name = seq == 1
        ? g_strdup_printf ("%s.%s.%s.db", db_name, stamp, reason)
        : g_strdup_printf ("%s.%s-%u.%s.db", db_name, stamp, seq, reason);
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

gboolean
_sec_backups_ensure_folder (const char  *db_path,
                            GError     **error)
{
  g_autofree char *folder = NULL;

  /* Before anything is made: the folder of a server's address would be
   * a folder named after it in the current one. */
  if (sec_store_is_server_uri (db_path))
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                           _("A shared database is backed up on its server (pg_dump), not by Secretariat"));
      return FALSE;
    }
  folder = sec_backups_get_folder (db_path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   _("The folder for backups “%s” cannot be made: %s"), display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* A temporary copy not written to for this long was left by a copy that
 * was killed (the application closed by force, the machine switched off):
 * a copy that runs writes its file at least every step. */
#define STALE_COPY_SECONDS (60 * 60)

/* Removes the temporary copies of @db_path's backups that a killed copy
 * left in its folder (".<backup name>.XXXXXX" and its "-journal"), each as
 * large as the database, which nothing else would ever remove. */
static void
remove_stale_copies (const char *db_path)
{
  g_autofree char *folder = sec_backups_get_folder (db_path);
  g_autofree char *db_name = dup_db_name (db_path);
  g_autofree char *prefix = g_strconcat (".", db_name, ".", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || strstr (name, ".db.") == NULL)
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || now - st.st_mtime < STALE_COPY_SECONDS)
        continue;
      if (g_unlink (path) != 0)
        g_warning ("Could not remove the unfinished copy %s: %s", path, g_strerror (errno));
    }
}

/* Removes the oldest backups of @db_path beyond @kept, and what killed
 * copies left. */
void
_sec_backups_prune (const char *db_path,
                    guint       kept)
{
  g_autoptr(GPtrArray) backups = scan_folder (db_path);

  remove_stale_copies (db_path);

  g_ptr_array_sort (backups, compare_oldest_first);
  for (guint i = 0; i + MAX (kept, 1) < backups->len; i++)
    {
      SecBackup *old = g_ptr_array_index (backups, i);
      if (g_unlink (old->path) != 0)
        g_warning ("Could not remove the old backup %s: %s", old->path, g_strerror (errno));
    }
}

/* The number kept, as the database @engine is on says. */
guint
_sec_backups_read_kept (SecEngine *engine)
{
  g_autoptr(SecStmt) stmt = sec_engine_prepare_once (engine, "SELECT value FROM settings WHERE key = ?1", NULL);
  guint64 n = 0;

  if (stmt == NULL)
    return SEC_BACKUPS_KEPT_DEFAULT;
  sec_stmt_bind_text (stmt, 1, KEPT_SETTING);
  if (sec_stmt_step (stmt, NULL) != SEC_STEP_ROW ||
      !g_ascii_string_to_unsigned (sec_stmt_get_text (stmt, 0), 10, 1, G_MAXUINT, &n, NULL))
    return SEC_BACKUPS_KEPT_DEFAULT;
  return (guint) n;
}

/* Copies the database @engine is on (the file @db_path) into its backups
 * folder and prunes the old ones. (transfer full) */
static char *
make_backup (SecEngine        *engine,
             const char       *db_path,
             const char       *reason,
             SecProgressFunc   progress,
             gpointer          progress_data,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autofree char *path = NULL;

  if (!_sec_backups_ensure_folder (db_path, error))
    return NULL;
  path = _sec_backups_make_path (db_path, reason);
  if (!sec_engine_backup_to_full (engine, path, progress, progress_data, cancellable, error))
    return NULL;
  _sec_backups_prune (db_path, _sec_backups_read_kept (engine));
  return g_steal_pointer (&path);
}

/* Backups of an open store */

char *
sec_store_backup_before (SecStore    *store,
                         const char  *reason,
                         GError     **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  return sec_store_backup_before_full (store, reason, NULL, NULL, NULL, error);
}

char *
sec_store_backup_before_full (SecStore         *store,
                              const char       *reason,
                              SecProgressFunc   progress,
                              gpointer          progress_data,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  return make_backup (_sec_store_get_engine (store), sec_store_get_path (store), reason,
                      progress, progress_data, cancellable, error);
}

/* The copy's progress, as a step of the opening. */
static void
report_opening (double   fraction,
                gpointer store)
{
  _sec_store_opening_report (store, (guint64) (fraction * 1000), 1000);
}

char *
_sec_store_backup_before_migration (SecStore  *self,
                                    GError   **error)
{
  return sec_store_backup_before_full (self, SEC_BACKUP_REASON_BEFORE_MIGRATION, report_opening, self,
                                       _sec_store_opening_cancellable (self), error);
}

static gint64 count_records (SecEngine *engine);

/* Whether a daily backup of @db_path was made today. */
static gboolean
has_daily_backup_today (const char *db_path)
{
  g_autoptr(GPtrArray) backups = scan_folder (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < backups->len; i++)
    {
      SecBackup *b = g_ptr_array_index (backups, i);

      if (g_str_equal (b->reason, SEC_BACKUP_REASON_DAILY) &&
          g_date_time_get_year (b->date) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (b->date) == g_date_time_get_day_of_year (now))
        return TRUE;
    }
  return FALSE;
}

/* The daily backup of the database @engine is on, if it is due. */
static char *
make_daily (SecEngine   *engine,
            const char  *db_path,
            GError     **error)
{
  if (count_records (engine) <= 0 || has_daily_backup_today (db_path))
    return NULL;
  return make_backup (engine, db_path, SEC_BACKUP_REASON_DAILY, NULL, NULL, NULL, error);
}

char *
sec_store_backup_daily (SecStore  *store,
                        GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return make_daily (_sec_store_get_engine (store), sec_store_get_path (store), error);
}

/* In a worker thread, on a connection of its own: the copy and its
 * integrity check read the whole file, which the window must not wait for
 * at start-up. SQLite lets the window's connection go on writing meanwhile
 * (the copy is of one consistent moment). */
static void
backup_daily_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const char *db_path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) engine = sec_engine_open (db_path, SEC_ENGINE_OPEN_READ_ONLY, &error);
  char *made;

  if (engine == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  made = make_daily (engine, db_path, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, made, g_free);
}

char *
sec_backups_make (const char       *db_path,
                  const char       *reason,
                  SecProgressFunc   progress,
                  gpointer          progress_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(SecEngine) engine = NULL;

  g_return_val_if_fail (db_path != NULL && reason != NULL, NULL);

  engine = sec_engine_open (db_path, SEC_ENGINE_OPEN_READ_ONLY, error);
  if (engine == NULL)
    return NULL;
  return make_backup (engine, db_path, reason, progress, progress_data, cancellable, error);
}

typedef struct {
  char *db_path;
  char *reason;
  char *made;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->db_path);
  g_free (job->reason);
  g_free (job->made);
  g_free (job);
}

static gboolean
backup_worker (gpointer           data,
               SecProgressRelay  *relay,
               GCancellable      *cancellable,
               GError           **error)
{
  BackupJob *job = data;

  job->made = sec_backups_make (job->db_path, job->reason, sec_progress_relay_report, relay, cancellable, error);
  return job->made != NULL;
}

void
sec_backups_make_async (const char          *db_path,
                        const char          *reason,
                        SecProgressFunc      progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  BackupJob *job;

  g_return_if_fail (db_path != NULL && reason != NULL);

  job = g_new0 (BackupJob, 1);
  job->db_path = g_strdup (db_path);
  job->reason = g_strdup (reason);
  /* Cancelled too late (the copy already had its name), the backup is
   * made and must be reported so, not as cancelled: sec_worker_run ()
   * leaves that to the worker. */
  sec_worker_run (sec_backups_make_async, job, (GDestroyNotify) backup_job_free, backup_worker,
                  progress, progress_data, cancellable, callback, user_data);
}

char *
sec_backups_make_finish (GAsyncResult  *result,
                         GError       **error)
{
  BackupJob *job = sec_worker_finish (result, sec_backups_make_async, error);

  return job != NULL ? g_steal_pointer (&job->made) : NULL;
}

void
sec_backups_make_daily_async (const char          *db_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sec_backups_make_daily_async);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  sec_task_run_in_background_thread (task, backup_daily_thread);
}

char *
sec_backups_make_daily_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
sec_store_get_backups_kept (SecStore *store)
{
  g_return_val_if_fail (SEC_IS_STORE (store), SEC_BACKUPS_KEPT_DEFAULT);

  return _sec_backups_read_kept (_sec_store_get_engine (store));
}

gboolean
sec_store_set_backups_kept (SecStore  *store,
                            guint      n,
                            GError   **error)
{
  g_autofree char *value = g_strdup_printf ("%u", MAX (n, 1));

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  return sec_store_set_setting (store, KEPT_SETTING, value, error);
}

/* Reading backups */

/* Opens @path read-only and checks it is a whole Secretariat database this
 * version can open. */
SecEngine *
_sec_backups_open_copy (const char  *path,
                        int         *version,
                        GError     **error)
{
  g_autoptr(SecEngine) engine = sec_engine_open (path, SEC_ENGINE_OPEN_READ_ONLY, error);
  g_autofree char *display = g_filename_display_name (path);
  int n_tables = 0;

  if (engine == NULL ||
      !sec_engine_get_schema_version (engine, version, error) ||
      !sec_engine_count_tables (engine, &n_tables, error))
    return NULL;
  if (*version == 0 || n_tables == 0)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Secretariat database"), display);
      return NULL;
    }
  if (*version > SEC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Secretariat (database version %d; this version knows up to %d). Update Secretariat to open it"),
                   display, *version, SEC_STORE_SCHEMA_VERSION);
      return NULL;
    }
  return g_steal_pointer (&engine);
}

/* Every record of every kind in the copy (kinds its version did not have
 * yet count 0); -1 once @cancellable (nullable) is cancelled, checked
 * between two kinds (one count of a large file's table takes a tenth of a
 * second). */
static gint64
count_records_cancellable (SecEngine    *engine,
                           GCancellable *cancellable)
{
  const GType *kinds = sec_record_kinds ();
  gint64 total = 0;

  for (guint i = 0; kinds[i]; i++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(SecStmt) stmt = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return -1;
      sql = g_strdup_printf ("SELECT count(*) FROM %s", sec_kind_from_type (kinds[i])->table);
      stmt = sec_engine_prepare_once (engine, sql, NULL);
      if (stmt != NULL && sec_stmt_step (stmt, NULL) == SEC_STEP_ROW)
        total += sec_stmt_get_int64 (stmt, 0);
    }
  return total;
}

static gint64
count_records (SecEngine *engine)
{
  return count_records_cancellable (engine, NULL);
}

GPtrArray *
sec_backups_scan (const char *db_path)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  backups = scan_folder (db_path);
  g_ptr_array_sort (backups, compare_oldest_first);
  /* Newest first, as a list of backups is read. */
  for (guint i = 0; i < backups->len / 2; i++)
    {
      gpointer tmp = backups->pdata[i];
      backups->pdata[i] = backups->pdata[backups->len - 1 - i];
      backups->pdata[backups->len - 1 - i] = tmp;
    }
  return g_steal_pointer (&backups);
}

gboolean
sec_backup_count (const char    *path,
                  gint64        *n_records,
                  int           *version,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(SecEngine) engine = NULL;
  int v = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (n_records != NULL && version != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *n_records = -1;
  *version = 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if ((engine = _sec_backups_open_copy (path, &v, error)) == NULL)
    return FALSE;
  if ((*n_records = count_records_cancellable (engine, cancellable)) < 0)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  *version = v;
  return TRUE;
}

GPtrArray *
sec_backups_list (const char  *db_path,
                  GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  backups = sec_backups_scan (db_path);
  for (guint i = 0; i < backups->len; i++)
    {
      SecBackup *b = g_ptr_array_index (backups, i);

      sec_backup_count (b->path, &b->n_records, &b->version, NULL, NULL);
    }
  return g_steal_pointer (&backups);
}

typedef struct {
  char   *path;
  gint64  n_records;
  int     version;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_free (job->path);
  g_free (job);
}

static gboolean
count_worker (gpointer           data,
              SecProgressRelay  *relay,
              GCancellable      *cancellable,
              GError           **error)
{
  CountJob *job = data;

  return sec_backup_count (job->path, &job->n_records, &job->version, cancellable, error);
}

void
sec_backup_count_async (const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  CountJob *job;

  g_return_if_fail (path != NULL);

  job = g_new0 (CountJob, 1);
  job->path = g_strdup (path);
  job->n_records = -1;
  sec_worker_run (sec_backup_count_async, job, (GDestroyNotify) count_job_free, count_worker,
                  NULL, NULL, cancellable, callback, user_data);
}

gboolean
sec_backup_count_finish (GAsyncResult  *result,
                         gint64        *n_records,
                         int           *version,
                         GError       **error)
{
  CountJob *job;

  g_return_val_if_fail (n_records != NULL && version != NULL, FALSE);

  *n_records = -1;
  *version = 0;
  /* A count has nothing to keep once its reader is gone: cancelled, it is
   * cancelled even if the worker had finished (sec_worker_run () leaves
   * that to the worker). */
  if (g_task_is_valid (result, NULL) &&
      g_cancellable_set_error_if_cancelled (g_task_get_cancellable (G_TASK (result)), error))
    return FALSE;
  if ((job = sec_worker_finish (result, sec_backup_count_async, error)) == NULL)
    return FALSE;
  *n_records = job->n_records;
  *version = job->version;
  return TRUE;
}
