/* test-open-readonly.c: reading never writes
 *
 * Every file that is not a Secretariat database (an empty file, an empty
 * SQLite database, another program's database whatever its user_version, a
 * symbolic link) is refused by both ways of opening, and left byte for byte
 * as it was (SHA-256) with nothing beside it (the folder's listing), its
 * journal mode unchanged. A good database opened for reading is read
 * without a trace; a read-only one is read, refused for writing without a
 * -wal or -shm left, and opens once its permissions are fixed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <unistd.h>

#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

static char *tmp_dir;

/* A folder of its own per case, so that its listing shows what was left. */
static char *
case_path (const char *name)
{
  g_autofree char *dir = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static char *
list_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return sec_test_list_folder (dir);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *err = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
  sqlite3_close (db);
}

static char *
journal_mode (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  /* Byte 18 of the header: 1 rollback journal, 2 write-ahead log. Read
   * from the bytes, since asking SQLite could change things. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  if (len < 20)
    return g_strdup ("none");
  return g_strdup (data[18] == 2 ? "wal" : "rollback");
}

/* Opens @path both ways; each must fail with @code and a message naming
 * the file and holding @part, and leave the file and its folder as they
 * were. */
static void
assert_refused_both (const char *path,
                     int         code,
                     const char *part)
{
  g_autofree char *sum = sec_test_checksum_file (path);
  g_autofree char *listing = list_folder (path);
  g_autofree char *mode = journal_mode (path);
  g_autofree char *base = g_path_get_basename (path);

  for (int read_only = 1; read_only >= 0; read_only--)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SecStore) store = read_only ? sec_store_open_for_reading (path, &error)
                                            : sec_store_open (path, &error);
      g_autofree char *sum_after = NULL;
      g_autofree char *listing_after = NULL;
      g_autofree char *mode_after = NULL;

      g_assert_null (store);
      g_assert_error (error, SEC_STORE_ERROR, code);
      g_test_message ("%s: %s", read_only ? "reading" : "writing", error->message);
      g_assert_nonnull (strstr (error->message, base));
      g_assert_nonnull (strstr (error->message, part));
      sum_after = sec_test_checksum_file (path);
      listing_after = list_folder (path);
      mode_after = journal_mode (path);
      g_assert_cmpstr (sum, ==, sum_after);
      g_assert_cmpstr (listing, ==, listing_after);
      g_assert_cmpstr (mode, ==, mode_after);
    }
}

/* A Secretariat database with one organisation, closed (write-ahead log
 * mode, no -wal left). */
static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);

  g_assert_no_error (error);
  sec_test_insert (store, SEC_TYPE_ORGANISATION, "name", "Fundacja Łódź", "kind", "civil-society", NULL);
  sec_store_close (store);
}

static void
test_empty_file (void)
{
  g_autofree char *path = case_path ("empty.db");

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused_both (path, SEC_STORE_ERROR_NOT_DATABASE, "empty file");
}

static void
test_empty_sqlite (void)
{
  g_autofree char *path = case_path ("empty-sqlite.db");

  exec_sql (path, "CREATE TABLE x (a); DROP TABLE x;");
  assert_refused_both (path, SEC_STORE_ERROR_NOT_DATABASE, "empty SQLite database");
}

/* Another program's database with @version as its user_version, in
 * rollback-journal mode. */
static void
check_foreign (int version)
{
  g_autofree char *name = g_strdup_printf ("other-v%d.db", version);
  g_autofree char *path = case_path (name);
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL);"
                                          "INSERT INTO invoices VALUES (1, 12.5);"
                                          "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);"
                                          "PRAGMA user_version = %d;", version);

  exec_sql (path, sql);
  assert_refused_both (path, SEC_STORE_ERROR_NOT_DATABASE, "another program");
}

static void
test_foreign (void)
{
  check_foreign (0);
  check_foreign (1);
  check_foreign (2);
  check_foreign (SEC_STORE_SCHEMA_VERSION);
}

static void
test_symlink (void)
{
  g_autofree char *target = case_path ("target.db");
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *link = g_build_filename (dir, "link.db", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;

  make_database (target);
  g_assert_cmpint (symlink ("target.db", link), ==, 0);
  assert_refused_both (link, SEC_STORE_ERROR_OPEN, "symbolic link");
  /* The message names the file to open instead. */
  store = sec_store_open_for_reading (link, &error);
  g_assert_nonnull (strstr (error->message, target));

  g_assert_cmpint (symlink ("nowhere.db", dangling), ==, 0);
  g_clear_error (&error);
  store = sec_store_open (dangling, &error);
  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (dangling, G_FILE_TEST_EXISTS));
}

static void
test_older_version (void)
{
  g_autofree char *path = case_path ("v1.db");
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  g_autofree char *sql = g_strdup_printf ("%s; PRAGMA user_version = 1;", m[0].sql);
  g_autofree char *sum = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;

  exec_sql (path, sql);
  sum = sec_test_checksum_file (path);
  listing = list_folder (path);
  store = sec_store_open_for_reading (path, &error);
  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "older version"));
  g_assert_cmpstr (sum, ==, sec_test_checksum_file (path));
  g_assert_cmpstr (listing, ==, list_folder (path));

  /* Writing upgrades it, after a copy. */
  g_clear_error (&error);
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sec_store_get_backup_path (store));
}

static void
check_read_good (const char *name)
{
  g_autofree char *path = case_path (name);
  g_autofree char *sum = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) org = NULL;

  make_database (path);
  g_assert_cmpstr (journal_mode (path), ==, "wal");
  sum = sec_test_checksum_file (path);
  listing = list_folder (path);

  store = sec_store_open_for_reading (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 1);
  g_assert_nonnull (sec_store_get_uuid (store));
  /* Writing through it fails, and writes nothing. */
  org = sec_record_new (SEC_TYPE_ORGANISATION);
  sec_record_set_string (org, "name", "Other");
  sec_record_set_string (org, "kind", "civil-society");
  g_assert_false (sec_store_insert (store, org, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (listing, ==, list_folder (path));
  g_clear_object (&store);
  g_assert_cmpstr (sum, ==, sec_test_checksum_file (path));
  g_assert_cmpstr (listing, ==, list_folder (path));
}

static void
test_read_good (void)
{
  check_read_good ("good.db");
  /* The name goes into a URI (immutable=1): it must come through whole. */
  check_read_good ("Łódź 50% ?x=1#y.db");
}

/* A reader while the window has the file open (its -wal and -shm exist)
 * sees every commit, and takes nothing away. */
static void
test_read_in_use (void)
{
  g_autofree char *path = case_path ("in-use.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) writer = NULL;
  g_autoptr(SecStore) reader = NULL;

  make_database (path);
  writer = sec_store_open (path, &error);
  g_assert_no_error (error);
  sec_test_insert (writer, SEC_TYPE_ORGANISATION, "name", "Second", "kind", "civil-society", NULL);

  reader = sec_store_open_for_reading (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (reader, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 2);
  g_clear_object (&reader);

  sec_test_insert (writer, SEC_TYPE_ORGANISATION, "name", "Third", "kind", "civil-society", NULL);
  g_assert_cmpint (sec_store_count (writer, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 3);
  sec_store_close (writer);
  g_assert_cmpstr (list_folder (path), ==, "in-use.db");
}

static gboolean
chattr (const char *path,
        const char *flag)
{
  char *argv[] = { (char *) "chattr", (char *) flag, (char *) path, NULL };
  int status = -1;

  return g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
test_read_only_file (void)
{
  g_autofree char *path = case_path ("readonly.db");
  g_autofree char *sum = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;

  make_database (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  /* Root writes through permissions: an immutable file is the one it
   * cannot. */
  if (geteuid () == 0 && !chattr (path, "+i"))
    {
      g_chmod (path, 0600);
      g_test_skip ("cannot make a file unwritable here (chattr failed)");
      return;
    }
  sum = sec_test_checksum_file (path);
  listing = list_folder (path);

  /* Readable: reading works. */
  store = sec_store_open_for_reading (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 1);
  g_clear_object (&store);

  /* Writing is refused, with nothing left beside it. */
  store = sec_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_clear_error (&error);
  g_assert_cmpstr (sum, ==, sec_test_checksum_file (path));
  g_assert_cmpstr (listing, ==, list_folder (path));

  /* Once its permissions are fixed, it opens. */
  if (geteuid () == 0)
    chattr (path, "-i");
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 1);
}

/* The window's store closes with its log moved into the file: the file
 * alone holds every commit. */
static void
test_close_checkpoints (void)
{
  g_autofree char *path = case_path ("closed.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  g_autoptr(SecStore) other = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  /* A second connection keeps SQLite from removing the log on close. */
  other = sec_store_open_for_reading (path, &error);
  g_assert_no_error (error);
  sec_test_insert (store, SEC_TYPE_ORGANISATION, "name", "Kept", "kind", "civil-society", NULL);
  sec_store_close (store);
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
}

int
main (int argc, char **argv)
{
  int ret;

  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("sec-open-readonly-XXXXXX", NULL);

  g_test_add_func ("/open-readonly/empty-file", test_empty_file);
  g_test_add_func ("/open-readonly/empty-sqlite", test_empty_sqlite);
  g_test_add_func ("/open-readonly/foreign", test_foreign);
  g_test_add_func ("/open-readonly/symlink", test_symlink);
  g_test_add_func ("/open-readonly/older-version", test_older_version);
  g_test_add_func ("/open-readonly/read-good", test_read_good);
  g_test_add_func ("/open-readonly/read-in-use", test_read_in_use);
  g_test_add_func ("/open-readonly/read-only-file", test_read_only_file);
  g_test_add_func ("/open-readonly/close-checkpoints", test_close_checkpoints);

  ret = g_test_run ();
  sec_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
