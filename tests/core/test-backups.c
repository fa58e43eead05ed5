/* test-backups.c: backups made, checked, kept and pruned; restore and its
 * undo; files refused without a change; failures that leave no file; the
 * progress of a backup, and a cancelled one that leaves nothing; the
 * restore off the thread, its progress and its cancel. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include "core/store/sec-backups.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-readers.h"
#include "sec-test-util.h"

typedef struct {
  char     *dir;
  char     *path;
  char     *folder;
  SecStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  /* The usual umask: the copies must be 0600 by themselves. */
  umask (022);
  f->dir = sec_test_make_tmp_dir ("sec-backups-XXXXXX");
  f->store = sec_test_open_store (f->dir, "office.db", &f->path);
  f->folder = g_build_filename (f->dir, "backups", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->folder);
  g_free (f->dir);
}

static void
close_store (Fixture *f)
{
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

static void
reopen_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = sec_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
insert_person (SecStore   *store,
               const char *name)
{
  sec_test_insert (store, SEC_TYPE_PERSON, "given-name", name, "family-name", "Test", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @folder, sorted; hidden (temporary) files too. */
static GStrv
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gint64
count_people (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);

  g_assert_no_error (error);
  return sec_store_count (store, SEC_TYPE_PERSON, NULL, NULL);
}

static void
test_backup_mode_and_check (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) names = NULL;
  SecBackup *backup;
  GStatBuf st;

  insert_person (f->store, "Anna");
  insert_person (f->store, "Bruno");
  path = sec_store_backup_before (f->store, SEC_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, f->folder));
  g_assert_true (g_str_has_suffix (path, ".manual.db"));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* Nothing but the copy: no temporary file, no journal, no -wal. */
  names = list_folder (f->folder);
  g_assert_cmpuint (g_strv_length (names), ==, 1);

  list = sec_backups_list (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  backup = g_ptr_array_index (list, 0);
  g_assert_cmpstr (backup->path, ==, path);
  g_assert_cmpstr (backup->reason, ==, SEC_BACKUP_REASON_MANUAL);
  g_assert_cmpint (backup->n_records, ==, 2);
  g_assert_cmpint (backup->version, ==, SEC_STORE_SCHEMA_VERSION);
  g_assert_nonnull (backup->date);
  g_assert_cmpstr (sec_backup_reason_label (backup->reason), !=, "");

  /* Reading the list left the copies alone. */
  g_strfreev (names);
  names = list_folder (f->folder);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
}

static void
test_daily_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *yesterday_path = NULL;
  g_auto(GStrv) names = NULL;

  /* An empty database needs none. */
  g_assert_null (sec_store_backup_daily (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));

  insert_person (f->store, "Anna");
  first = sec_store_backup_daily (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, ".daily.db"));

  /* The next open on the same day makes none. */
  close_store (f);
  reopen_store (f);
  second = sec_store_backup_daily (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (second);
  names = list_folder (f->folder);
  g_assert_cmpuint (g_strv_length (names), ==, 1);

  /* A daily backup of yesterday does not count for today. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
    g_autofree char *stamp = g_date_time_format (yesterday, "%Y-%m-%d-%H%M%S");
    g_autofree char *name = g_strdup_printf ("office.%s.daily.db", stamp);

    yesterday_path = g_build_filename (f->folder, name, NULL);
    g_assert_cmpint (g_rename (first, yesterday_path), ==, 0);
  }
  third = sec_store_backup_daily (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (third);
  g_strfreev (names);
  names = list_folder (f->folder);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
}

static void
test_prune (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;

  insert_person (f->store, "Anna");
  g_assert_cmpuint (sec_store_get_backups_kept (f->store), ==, SEC_BACKUPS_KEPT_DEFAULT);
  g_assert_true (sec_store_set_backups_kept (f->store, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sec_store_get_backups_kept (f->store), ==, 3);

  for (int i = 0; i < 5; i++)
    {
      char *path = sec_store_backup_before (f->store, SEC_BACKUP_REASON_MANUAL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (made, path);
    }
  list = sec_backups_list (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* The newest three, newest first. */
  for (guint i = 0; i < 3; i++)
    {
      SecBackup *b = g_ptr_array_index (list, i);
      g_assert_cmpstr (b->path, ==, g_ptr_array_index (made, 4 - i));
    }
  g_assert_false (g_file_test (g_ptr_array_index (made, 0), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (g_ptr_array_index (made, 1), G_FILE_TEST_EXISTS));
}

/* A copy killed halfway leaves its temporary file, as large as the
 * database: the next backup removes it once nothing has written it for an
 * hour, and leaves alone a fresh one (a copy running now) and other files. */
static void
test_prune_stale_copies (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *stale_journal = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *other = NULL;
  g_autofree char *made = NULL;
  gint64 two_hours_ago = g_get_real_time () / G_USEC_PER_SEC - 2 * 60 * 60;
  struct utimbuf old = { (time_t) two_hours_ago, (time_t) two_hours_ago };

  insert_person (f->store, "Anna");
  g_assert_cmpint (g_mkdir_with_parents (f->folder, 0700), ==, 0);
  stale = g_build_filename (f->folder, ".office.2026-12-01-101010.daily.db.AB12CD", NULL);
  stale_journal = g_strconcat (stale, "-journal", NULL);
  fresh = g_build_filename (f->folder, ".office.2026-12-07-101010.manual.db.EF34GH", NULL);
  other = g_build_filename (f->folder, ".notes.db.IJ56KL", NULL);
  for (const char *const *p = (const char *const[]) { stale, stale_journal, fresh, other, NULL }; *p; p++)
    g_assert_true (g_file_set_contents (*p, "half a copy", -1, NULL));
  g_assert_cmpint (utime (stale, &old), ==, 0);
  g_assert_cmpint (utime (stale_journal, &old), ==, 0);
  g_assert_cmpint (utime (other, &old), ==, 0);

  made = sec_store_backup_before (f->store, SEC_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (made, G_FILE_TEST_EXISTS));
}

static void
test_failure_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *target = g_build_filename (out_dir, "taken", NULL);
  g_auto(GStrv) names = NULL;

  insert_person (f->store, "Anna");
  /* The name is a folder: the copy cannot take it. */
  g_assert_cmpint (g_mkdir_with_parents (target, 0700), ==, 0);
  g_assert_false (sec_store_backup_to (f->store, target, &error));
  g_assert_nonnull (error);
  names = list_folder (out_dir);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "taken");
  g_clear_error (&error);

  /* A folder for backups that cannot be made. */
  g_assert_true (g_file_set_contents (f->folder, "not a folder", -1, NULL));
  g_assert_null (sec_store_backup_before (f->store, SEC_BACKUP_REASON_MANUAL, &error));
  g_assert_nonnull (error);
  g_strfreev (names);
  names = list_folder (f->dir);
  /* backups (a file), office.db and its -wal and -shm, out: no temporary copy. */
  for (guint i = 0; names[i]; i++)
    g_assert_true (names[i][0] != '.');
  g_assert_cmpuint (g_strv_length (names), ==, 5);
  g_unlink (f->folder);
}

/* What a backup told of its progress; it may cancel at the first word. */
typedef struct {
  GArray       *fractions;
  GCancellable *cancel_at_first;
  const char   *folder;
  gboolean      had_temporary;  /* a copy under way when it was cancelled */
  gboolean      done;
  char         *made;
  GError       *error;
} Watch;

static void
watch_progress (double   fraction,
                gpointer user_data)
{
  Watch *watch = user_data;

  g_array_append_val (watch->fractions, fraction);
  if (watch->cancel_at_first != NULL && watch->fractions->len == 1)
    {
      g_auto(GStrv) names = list_folder (watch->folder);

      for (guint i = 0; names[i]; i++)
        watch->had_temporary |= names[i][0] == '.';
      g_cancellable_cancel (watch->cancel_at_first);
    }
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_progress_and_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *first = NULL;
  g_autofree char *made = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) names = NULL;
  Watch watch = { .fractions = fractions, .folder = f->folder };

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %d", i);
      insert_person (f->store, name);
    }
  /* A whole backup tells its progress, growing, up to the end. */
  first = sec_backups_make (f->path, SEC_BACKUP_REASON_MANUAL, watch_progress, &watch, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpuint (fractions->len, >=, 2);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, 0), >, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), <, 1);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_assert_cmpint (count_people (first), ==, 200);

  /* Cancelled at its first word, with its copy under way: no file at all
   * (nor a temporary one), the earlier backup and the database as they
   * were. */
  before = checksum_file (f->path);
  g_array_set_size (fractions, 0);
  watch.cancel_at_first = cancellable;
  made = sec_backups_make (f->path, SEC_BACKUP_REASON_MANUAL, watch_progress, &watch, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (made);
  g_assert_true (watch.had_temporary);
  g_assert_cmpuint (fractions->len, ==, 1);
  names = list_folder (f->folder);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_true (g_str_has_suffix (first, names[0]));
  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 200);
  insert_person (f->store, "Still writable");
}

static void
made_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Watch *watch = user_data;

  watch->made = sec_backups_make_finish (result, &watch->error);
  watch->done = TRUE;
}

/* Off the thread: the progress comes through the main loop, never after
 * the result; a backup cancelled before it starts leaves nothing. */
static void
test_async_progress (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(GStrv) names = NULL;
  Watch watch = { .fractions = fractions, .folder = f->folder };
  guint seen;

  insert_person (f->store, "Anna");
  sec_backups_make_async (f->path, SEC_BACKUP_REASON_MANUAL, watch_progress, &watch, NULL, made_cb, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (watch.error);
  g_assert_nonnull (watch.made);
  g_assert_cmpuint (fractions->len, >=, 1);
  seen = fractions->len;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (fractions->len, ==, seen);
  g_clear_pointer (&watch.made, g_free);

  g_cancellable_cancel (cancellable);
  watch.done = FALSE;
  sec_backups_make_async (f->path, SEC_BACKUP_REASON_MANUAL, watch_progress, &watch, cancellable, made_cb, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (watch.made);
  g_clear_error (&watch.error);
  names = list_folder (f->folder);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
}

static void
test_restore_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_again = NULL;
  GStatBuf st;

  insert_person (f->store, "Anna");
  backup = sec_store_backup_before (f->store, SEC_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  insert_person (f->store, "Bruno");
  insert_person (f->store, "Chiara");
  close_store (f);

  g_assert_true (sec_store_restore (f->path, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_suffix (kept, ".before-restore.db"));
  g_assert_cmpint (count_people (f->path), ==, 1);
  g_assert_cmpint (count_people (kept), ==, 3);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (kept, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Undo: restore the copy kept aside. */
  g_assert_true (sec_store_restore (f->path, kept, &kept_again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_people (f->path), ==, 3);
  g_assert_cmpint (count_people (kept_again), ==, 1);

  reopen_store (f);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 3);
}

/* A damaged database, the usual reason to restore: restored, and its
 * bytes kept aside as they were. */
static void
test_restore_over_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *damaged_sum = NULL;
  g_autofree char *kept_sum = NULL;
  gsize length;

  for (int i = 0; i < 200; i++)
    insert_person (f->store, "Filler");
  backup = sec_store_backup_before (f->store, SEC_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  close_store (f);

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  memset (contents + 4096 + 100, 0xA5, 2 * 4096 - 200);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  damaged_sum = sec_test_checksum_file (f->path);

  g_assert_true (sec_store_restore (f->path, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  kept_sum = sec_test_checksum_file (kept);
  g_assert_cmpstr (kept_sum, ==, damaged_sum);
  g_assert_cmpint (count_people (f->path), ==, 200);
}

/* Cancels when the restore tells @cancel_from or more. */
typedef struct {
  GCancellable *cancellable;
  double        cancel_from;
  double        last;
  gboolean      done;
  gboolean      ok;
  char         *kept;
  GError       *error;
} RestoreWatch;

static void
restore_progress (double   fraction,
                  gpointer user_data)
{
  RestoreWatch *watch = user_data;

  g_assert_cmpfloat (fraction, >=, watch->last);
  watch->last = fraction;
  if (watch->cancellable != NULL && fraction >= watch->cancel_from)
    g_cancellable_cancel (watch->cancellable);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RestoreWatch *watch = user_data;

  watch->ok = sec_store_restore_finish (result, &watch->kept, &watch->error);
  watch->done = TRUE;
}

/* Off the thread, as the window restores: the same result as
 * sec_store_restore (), its progress up to the end; cancelled at any step
 * before the file is replaced, nothing changed and no file left. */
static void
test_restore_async (Fixture *f, gconstpointer data)
{
  /* Before the check of the backup, after it, during the copy kept aside
   * (its check), after it, and during the copy in, after its pages (its
   * check): the bar is shared so in sec-backups.c. */
  static const double steps[] = { 0.0, 0.3, 0.33, 0.65, 0.68 };
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *sync_kept = NULL;
  RestoreWatch watch = { 0 };

  insert_person (f->store, "Anna");
  backup = sec_store_backup_before (f->store, SEC_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 300; i++)
    insert_person (f->store, "Filler");
  close_store (f);
  before = sec_test_checksum_file (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_auto(GStrv) names_before = list_folder (f->folder);
      g_auto(GStrv) names_after = NULL;
      g_autofree char *after = NULL;
      RestoreWatch cancel = { .cancellable = cancellable, .cancel_from = steps[i] };
      g_autofree char *kept = NULL;

      g_assert_false (sec_store_restore_full (f->path, backup, restore_progress, &cancel, cancellable,
                                              &kept, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_null (kept);
      after = sec_test_checksum_file (f->path);
      g_assert_cmpstr (before, ==, after);
      names_after = list_folder (f->folder);
      g_assert_true (g_strv_equal ((const char *const *) names_before, (const char *const *) names_after));
      names_after = (g_strfreev (names_after), list_folder (f->dir));
      for (guint j = 0; names_after[j]; j++)
        g_assert_true (names_after[j][0] != '.');
    }
  g_assert_cmpint (count_people (f->path), ==, 301);

  sec_store_restore_async (NULL, f->path, backup, restore_progress, &watch, NULL, restored_cb, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (watch.error);
  g_assert_true (watch.ok);
  g_assert_cmpfloat (watch.last, ==, 1.0);
  g_assert_nonnull (watch.kept);
  g_assert_true (g_str_has_suffix (watch.kept, ".before-restore.db"));
  g_assert_cmpint (count_people (f->path), ==, 1);
  g_assert_cmpint (count_people (watch.kept), ==, 301);

  /* The same as the synchronous one: the undo with both. */
  g_assert_true (sec_store_restore (f->path, watch.kept, &sync_kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_people (f->path), ==, 301);
  g_assert_cmpint (count_people (sync_kept), ==, 1);
  g_free (watch.kept);
  watch = (RestoreWatch) { 0 };
  sec_store_restore_async (NULL, f->path, sync_kept, NULL, NULL, NULL, restored_cb, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (watch.error);
  g_assert_cmpint (count_people (f->path), ==, 1);
  g_assert_cmpint (count_people (watch.kept), ==, 301);
  g_free (watch.kept);

  reopen_store (f);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 1);
}

static gboolean
count_in_worker (SecStore          *reader,
                 gpointer           job,
                 SecProgressRelay  *relay,
                 GCancellable      *cancellable,
                 GError           **error)
{
  *(gint64 *) job = sec_store_count (reader, SEC_TYPE_PERSON, NULL, NULL);
  return TRUE;
}

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gint64 *count = user_data;
  g_autoptr(GError) error = NULL;
  gint64 *read = sec_store_read_finish (result, count_in_worker, &error);

  g_assert_no_error (error);
  count[1] = *read;
}

/* A store whose workers have read (a search of a long list, the e-mail
 * dialog) keeps their connections to the file, idle: a restore closes
 * them with the store's own, or they keep the old file (and its
 * write-ahead log, which the restore takes for another program's). */
static void
test_restore_async_readers (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  gint64 count[2] = { 0, -1 };
  RestoreWatch watch = { 0 };
  SecReaders *readers;

  insert_person (f->store, "Anna");
  backup = sec_store_backup_before (f->store, SEC_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 300; i++)
    insert_person (f->store, "Filler");

  sec_store_set_readers_release_delay (60000);
  sec_store_read_async (f->store, count_in_worker, g_new0 (gint64, 1), g_free, count_in_worker,
                        NULL, NULL, NULL, counted_cb, count);
  while (count[1] < 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count[1], ==, 301);
  g_assert_cmpint (sec_store_get_readers_cache_used (f->store), >, 0);
  readers = sec_store_get_readers (f->store);

  /* As the window does: the store stays referenced meanwhile. */
  sec_store_restore_async (f->store, f->path, backup, NULL, NULL, NULL, restored_cb, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  sec_store_set_readers_release_delay (2000);
  g_assert_no_error (watch.error);
  g_assert_true (watch.ok);
  g_assert_cmpint (sec_store_get_readers_cache_used (f->store), ==, 0);
  g_assert_cmpint (count_people (f->path), ==, 1);
  g_assert_cmpint (count_people (watch.kept), ==, 301);
  g_free (watch.kept);

  /* A worker that held on to the pool reads nothing more of the old file. */
  g_assert_null (sec_readers_take (readers, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED);
  sec_readers_unref (readers);
  close_store (f);
}

static void
assert_refused (Fixture    *f,
                const char *backup,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sec_test_checksum_file (f->path);
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;
  g_auto(GStrv) names_before = list_folder (f->dir);
  g_auto(GStrv) names_after = NULL;

  g_assert_false (sec_store_restore (f->path, backup, &kept, &error));
  g_assert_error (error, SEC_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_null (kept);
  after = sec_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  names_after = list_folder (f->dir);
  {
    g_autofree char *b = g_strjoinv (" ", names_before), *a = g_strjoinv (" ", names_after);
    g_assert_cmpstr (b, ==, a);
  }
  g_assert_true (g_strv_equal ((const char *const *) names_before, (const char *const *) names_after));
}

static void
test_restore_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);

  insert_person (f->store, "Anna");
  close_store (f);

  g_assert_true (g_file_set_contents (text, "Minutes of the meeting\n", -1, NULL));
  assert_refused (f, text, SEC_STORE_ERROR_NOT_DATABASE);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (f, empty, SEC_STORE_ERROR_NOT_DATABASE);
  assert_refused (f, missing, SEC_STORE_ERROR_NOT_FOUND);
  assert_refused (f, f->path, SEC_STORE_ERROR_FAILED);

  /* A copy whose pages were overwritten in the middle. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    reopen_store (f);
    for (int i = 0; i < 200; i++)
      insert_person (f->store, "Filler");
    g_assert_true (sec_store_backup_to (f->store, damaged, &error));
    g_assert_no_error (error);
    close_store (f);
    g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 3 * 4096);
    memset (contents + 4096 + 100, 0xA5, 2 * 4096 - 200);
    g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *before = sec_test_checksum_file (f->path);
      g_autofree char *after = NULL;

      g_assert_false (sec_store_restore (f->path, damaged, NULL, &local_error));
      g_assert_nonnull (local_error);
      g_test_message ("%s", local_error->message);
      after = sec_test_checksum_file (f->path);
      g_assert_cmpstr (before, ==, after);
    }
  }
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  gint64    n_records;
  int       version;
  GError   *error;
} CountWatch;

static void
copy_counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CountWatch *watch = user_data;

  watch->ok = sec_backup_count_finish (result, &watch->n_records, &watch->version, &watch->error);
  watch->done = TRUE;
}

/* The list as names alone (quick, for the dialog), then each copy
 * counted off the thread as sec_backups_list () counts it; cancelled
 * before its callback, a count is cancelled even if its worker finished. */
static void
test_count_async (Fixture *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) scanned = NULL;
  g_autofree char *made = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CountWatch watch = { 0 };
  SecBackup *backup;

  insert_person (f->store, "Ada");
  insert_person (f->store, "Bea");
  made = sec_store_backup_before (f->store, SEC_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);

  listed = sec_backups_list (f->path, &error);
  g_assert_no_error (error);
  scanned = sec_backups_scan (f->path);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpuint (scanned->len, ==, 1);
  backup = g_ptr_array_index (scanned, 0);
  g_assert_cmpstr (backup->path, ==, made);
  g_assert_cmpint (backup->n_records, ==, -1);
  g_assert_cmpint (backup->version, ==, 0);
  g_assert_cmpint (((SecBackup *) g_ptr_array_index (listed, 0))->n_records, ==, 2);

  sec_backup_count_async (made, NULL, copy_counted_cb, &watch);
  g_assert_false (watch.done);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (watch.error);
  g_assert_true (watch.ok);
  g_assert_cmpint (watch.n_records, ==, 2);
  g_assert_cmpint (watch.version, ==, ((SecBackup *) g_ptr_array_index (listed, 0))->version);

  /* Not a database: the error, no count. */
  {
    g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);

    g_file_set_contents (junk, "not a database", -1, &error);
    g_assert_no_error (error);
    watch = (CountWatch) { 0 };
    sec_backup_count_async (junk, NULL, copy_counted_cb, &watch);
  }
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (watch.ok);
  g_assert_nonnull (watch.error);
  g_clear_error (&watch.error);

  /* Cancelled once the worker has surely finished, before the callback. */
  watch = (CountWatch) { 0 };
  sec_backup_count_async (made, cancellable, copy_counted_cb, &watch);
  g_usleep (500 * 1000);
  g_cancellable_cancel (cancellable);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (watch.ok);
  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (watch.n_records, ==, -1);
  g_clear_error (&watch.error);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/backups/mode-and-check", test_backup_mode_and_check);
  ADD ("/backups/daily-once", test_daily_once);
  ADD ("/backups/prune", test_prune);
  ADD ("/backups/prune-stale-copies", test_prune_stale_copies);
  ADD ("/backups/failure-leaves-nothing", test_failure_leaves_nothing);
  ADD ("/backups/progress-and-cancel", test_progress_and_cancel);
  ADD ("/backups/async-progress", test_async_progress);
  ADD ("/backups/restore-and-undo", test_restore_and_undo);
  ADD ("/backups/restore-refuses", test_restore_refuses);
  ADD ("/backups/restore-over-damaged", test_restore_over_damaged);
  ADD ("/backups/restore-async", test_restore_async);
  ADD ("/backups/restore-async-readers", test_restore_async_readers);
  ADD ("/backups/count-async", test_count_async);
#undef ADD

  return g_test_run ();
}
