/* test-migrations-open.c: opening a file: a new one is private; one
 * written under another locale's collation has its sort keys made again
 * (in a worker too, and stopped halfway); a file that must not be touched
 * is refused and left byte for byte as it was, and a damaged one is found.
 *
 * The old files are made as sec-test-migrations.h says; upgrades are
 * tested in test-migrations.c and test-migrations-indexes.c. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store-check.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"
#include "sec-test-migrations.h"
#include "sec-test-util.h"

/* Every index of the file, with its definition. */
#define INDEXES_SQL \
  "SELECT group_concat (name || ':' || sql, '|') FROM" \
  " (SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)"

/* A file written under another locale's collation: its sort keys are made
 * again when it is opened, a page of rows at a time (2,500 people: three
 * pages), and nothing else: the search text, which the fold rules alone
 * make, is not written again (it was, with every key, for every record:
 * 110 s on the file of a million participants). */
static const char *const families[] = { "Zagreb", "Łódź", "Müller", "muller", "Škoda", "corvinus", "O'Brien" };

static void
test_locale_change (void)
{
  g_autofree char *path = sec_test_tmp_path ("locale.db");
  g_autofree char *saved = g_strdup (setlocale (LC_COLLATE, NULL));
  static const guint rows[] = { 5, 1500, 2402 };
  char *old_keys[G_N_ELEMENTS (rows)];
  gint64 fresh_ids[G_N_ELEMENTS (rows)];
  g_autofree char *search = NULL;
  g_autofree char *locale = NULL;
  g_autofree char *indexes = NULL;
  g_autofree char *indexes_after = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = NULL;

  if (setlocale (LC_COLLATE, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is not installed (locales-all)");
      return;
    }
  sec_test_make_c_locale_people (path, 2500, families, G_N_ELEMENTS (families));
  setlocale (LC_COLLATE, "C.UTF-8");

  /* A mark in one row's search text, which only its rewriting would take. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sec_test_exec_sql (db, "UPDATE people SET search_text = search_text || ' mark' WHERE id = 2402");
  sqlite3_close (db);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT hex(sort_key) FROM people WHERE id = %u", rows[i]);

      old_keys[i] = sec_test_read_text (path, sql);
    }
  indexes = sec_test_read_text (path, INDEXES_SQL);
  g_assert_nonnull (strstr (indexes, "people_sort:CREATE INDEX people_sort ON people (sort_key)"));

  setlocale (LC_COLLATE, "en_US.UTF-8");
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  /* A person of the same name made under this locale has the key the
   * file's row was given again, in each of the three pages; the C
   * locale's key was another. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SecRecord) fresh = sec_record_new (SEC_TYPE_PERSON);
      g_autofree char *given = g_strdup_printf ("Given%04u", rows[i] - 1);

      sec_record_set_string (fresh, "given-name", given);
      sec_record_set_string (fresh, "family-name", families[(rows[i] - 1) % G_N_ELEMENTS (families)]);
      g_assert_true (sec_store_insert (store, fresh, &error));
      g_assert_no_error (error);
      fresh_ids[i] = sec_record_get_id (fresh);
    }
  g_clear_object (&store);
  setlocale (LC_COLLATE, saved);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT hex(sort_key) FROM people WHERE id = %u", rows[i]);
      g_autofree char *fresh_sql = g_strdup_printf ("SELECT hex(sort_key) FROM people WHERE id = %" G_GINT64_FORMAT,
                                                    fresh_ids[i]);
      g_autofree char *new_key = sec_test_read_text (path, sql);
      g_autofree char *fresh_key = sec_test_read_text (path, fresh_sql);

      g_assert_cmpstr (new_key, ==, fresh_key);
      g_assert_cmpstr (old_keys[i], !=, fresh_key);
      g_free (old_keys[i]);
    }
  search = sec_test_read_text (path, "SELECT search_text FROM people WHERE id = 2402");
  g_assert_true (g_str_has_suffix (search, " mark"));
  locale = sec_test_read_text (path, "SELECT value FROM settings WHERE key = 'collate-locale'");
  g_assert_cmpstr (locale, ==, "en_US.UTF-8");
  /* The indexes on the keys, set aside while the keys were made again,
   * are back as they were, and agree with the rows. */
  indexes_after = sec_test_read_text (path, INDEXES_SQL);
  g_assert_cmpstr (indexes_after, ==, indexes);
  check = sec_test_read_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

typedef struct {
  GArray       *fractions;  /* of double, as told */
  GCancellable *stop_at_half; /* (nullable): cancelled at the first report past 0.5 */
  SecStore     *store;
  GError       *error;
  gboolean      done;
} Opening;

static void
on_open_progress (double   fraction,
                  gpointer data)
{
  Opening *o = data;

  g_array_append_val (o->fractions, fraction);
  if (o->stop_at_half != NULL && fraction > 0.5)
    g_cancellable_cancel (o->stop_at_half);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Opening *o = data;

  o->store = sec_store_open_finish (result, &o->error);
  o->done = TRUE;
}

static void
open_in_worker (const char *path,
                Opening    *o)
{
  o->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  sec_store_open_async (path, on_open_progress, o, o->stop_at_half, on_opened, o);
  while (!o->done)
    g_main_context_iteration (NULL, TRUE);
}

/* A file whose keys are made again: stopped halfway, the file is as it
 * was (its keys, its indexes, the locale they were made for); opened
 * again in a worker, as the window does, to the end, the bar moving
 * forward only. */
static void
test_open_async_locale_change (void)
{
  g_autofree char *path = sec_test_tmp_path ("locale-async.db");
  g_autofree char *saved = g_strdup (setlocale (LC_COLLATE, NULL));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *indexes = NULL;
  g_autofree char *key = NULL;
  Opening stopped = { NULL, cancellable, NULL, NULL, FALSE };
  Opening opened = { 0 };

  if (setlocale (LC_COLLATE, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is not installed (locales-all)");
      return;
    }
  sec_test_make_c_locale_people (path, 2500, families, G_N_ELEMENTS (families));
  setlocale (LC_COLLATE, "C.UTF-8");
  indexes = sec_test_read_text (path, INDEXES_SQL);
  key = sec_test_read_text (path, "SELECT hex(sort_key) FROM people WHERE id = 2400");

  setlocale (LC_COLLATE, "en_US.UTF-8");
  /* Stopped from its own thread, so that it stops before the end however
   * fast the machine is. */
  {
    SecOpening opening = { on_open_progress, &stopped, cancellable, 0.0, 1.0 };

    stopped.fractions = g_array_new (FALSE, FALSE, sizeof (double));
    stopped.store = _sec_store_open_full (path, FALSE, &opening, &stopped.error);
  }
  g_assert_error (stopped.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (stopped.store);
  g_assert_cmpfloat (g_array_index (stopped.fractions, double, stopped.fractions->len - 1), <, 1.0);
  {
    g_autofree char *locale = sec_test_read_text (path, "SELECT value FROM settings WHERE key = 'collate-locale'");
    g_autofree char *indexes_now = sec_test_read_text (path, INDEXES_SQL);
    g_autofree char *key_now = sec_test_read_text (path, "SELECT hex(sort_key) FROM people WHERE id = 2400");

    g_assert_cmpstr (locale, ==, "C.UTF-8");
    g_assert_cmpstr (indexes_now, ==, indexes);
    g_assert_cmpstr (key_now, ==, key);
  }

  open_in_worker (path, &opened);
  g_assert_no_error (opened.error);
  g_assert_nonnull (opened.store);
  /* Rows, then indexes: several steps, never backwards. */
  g_assert_cmpuint (opened.fractions->len, >=, 3);
  for (guint i = 1; i < opened.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (opened.fractions, double, i), >=,
                       g_array_index (opened.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (opened.fractions, double, opened.fractions->len - 1), >, 0.5);
  g_clear_object (&opened.store);
  setlocale (LC_COLLATE, saved);
  {
    g_autofree char *locale = sec_test_read_text (path, "SELECT value FROM settings WHERE key = 'collate-locale'");
    g_autofree char *indexes_now = sec_test_read_text (path, INDEXES_SQL);

    g_assert_cmpstr (locale, ==, "en_US.UTF-8");
    g_assert_cmpstr (indexes_now, ==, indexes);
  }
  g_array_unref (stopped.fractions);
  g_array_unref (opened.fractions);
}


/* Opens @path expecting @code, and checks the file did not change. */
static void
assert_refused (const char *path, int code, const char *message_part)
{
  g_autofree char *before = sec_test_checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  if (message_part)
    g_assert_nonnull (strstr (error->message, message_part));
  after = sec_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_not_database (void)
{
  g_autofree char *path = sec_test_tmp_path ("notes.txt");
  g_autofree char *bin = sec_test_tmp_path ("random.db");
  guchar bytes[8192];

  g_assert_true (g_file_set_contents (path, "Minutes of the meeting\nNot a database at all.\n", -1, NULL));
  assert_refused (path, SEC_STORE_ERROR_NOT_DATABASE, "not a Secretariat database");

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guchar) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (bin, (char *) bytes, sizeof bytes, NULL));
  assert_refused (bin, SEC_STORE_ERROR_NOT_DATABASE, NULL);
}

static void
test_refuse_other_program (void)
{
  g_autofree char *path = sec_test_tmp_path ("other.db");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sec_test_exec_sql (db, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 12.5);");
  sqlite3_close (db);
  assert_refused (path, SEC_STORE_ERROR_NOT_DATABASE, "another program");
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = sec_test_tmp_path ("new.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", SEC_STORE_SCHEMA_VERSION + 1);
  sqlite3 *db = NULL;

  sec_test_make_version_1 (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sec_test_exec_sql (db, sql);
  sqlite3_close (db);
  assert_refused (path, SEC_STORE_ERROR_TOO_NEW, "newer version");
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = sec_test_tmp_path ("damaged.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  /* A real database with enough rows to fill many pages. */
  {
    g_autoptr(SecStore) store = sec_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (sec_store_begin (store, &error));
    for (int i = 0; i < 2000; i++)
      {
        g_autoptr(SecRecord) p = sec_record_new (SEC_TYPE_PERSON);
        g_autofree char *name = g_strdup_printf ("Ó Súilleabháin %d", i);
        sec_record_set_string (p, "family-name", name);
        g_assert_true (sec_store_insert (store, p, &error));
      }
    g_assert_true (sec_store_commit (store, &error));
  }

  /* Scribble over pages in the middle of the file. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 40 * 4096);
  for (gsize i = 20 * 4096; i < 24 * 4096; i++)
    data[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  assert_refused (path, SEC_STORE_ERROR_CORRUPT, "damaged");

  /* Taken for a large file, whose whole-file check runs after opening:
   * the file still opens (its header and schema are sound), and the check
   * finds the damage, with a message naming the file. */
  {
    g_autoptr(SecStore) store = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) check_error = NULL;

    sec_store_set_open_check_max (0);
    store = sec_store_open (path, &error);
    sec_store_set_open_check_max (SEC_STORE_OPEN_CHECK_MAX_BYTES);
    g_assert_no_error (error);
    g_assert_true (sec_store_get_check_deferred (store));
    sec_store_check_integrity_async (store, NULL, sec_test_keep_result, &result);
    sec_test_wait_result (&result);
    g_assert_false (sec_store_check_integrity_finish (store, result, &check_error));
    g_assert_error (check_error, SEC_STORE_ERROR, SEC_STORE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (check_error->message, "damaged.db"));
  }
}

/* A sound file checked after opening passes; a small one is checked at
 * open and has nothing left to check. */
static void
test_check_after_open (void)
{
  g_autofree char *path = sec_test_tmp_path ("checked-later.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_object_unref (sec_store_open (path, &error));
  g_assert_no_error (error);
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (sec_store_get_check_deferred (store));
  g_clear_object (&store);

  sec_store_set_open_check_max (0);
  store = sec_store_open (path, &error);
  sec_store_set_open_check_max (SEC_STORE_OPEN_CHECK_MAX_BYTES);
  g_assert_no_error (error);
  g_assert_true (sec_store_get_check_deferred (store));
  sec_store_check_integrity_async (store, NULL, sec_test_keep_result, &result);
  sec_test_wait_result (&result);
  g_assert_true (sec_store_check_integrity_finish (store, result, &error));
  g_assert_no_error (error);
}

static gboolean
make_unwritable (const char *path)
{
  g_autofree char *argv_path = g_strdup (path);
  char *argv[] = { (char *) "chattr", (char *) "+i", argv_path, NULL };
  int status = -1;

  if (geteuid () != 0)
    return g_chmod (path, 0400) == 0;
  /* Root writes through permissions: an immutable file is the one it cannot. */
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static void
make_writable (const char *path)
{
  char *argv[] = { (char *) "chattr", (char *) "-i", (char *) path, NULL };

  if (geteuid () == 0)
    g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, NULL, NULL);
  g_chmod (path, 0600);
}

static void
test_refuse_read_only (void)
{
  g_autofree char *path = sec_test_tmp_path ("readonly.db");

  sec_test_make_version_1 (path);
  if (!make_unwritable (path))
    {
      g_test_skip ("cannot make a file unwritable here (chattr failed)");
      return;
    }
  assert_refused (path, SEC_STORE_ERROR_READ_ONLY, "cannot be written");
  make_writable (path);
}

static void
test_create_private (void)
{
  g_autofree char *dir = sec_test_tmp_path ("new/nested");
  g_autofree char *path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_null (sec_store_get_backup_path (store));
  g_assert_cmpint (sec_store_count_all (store, NULL), ==, 0);
}

static void
test_refuse_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (sec_test_migrations_dir (), &error);

  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN);
}


int
main (int argc, char **argv)
{
  sec_test_migrations_init (&argc, &argv);

  g_test_add_func ("/open/create-private", test_create_private);
  g_test_add_func ("/open/refuse-not-database", test_refuse_not_database);
  g_test_add_func ("/open/refuse-other-program", test_refuse_other_program);
  g_test_add_func ("/open/locale-change", test_locale_change);
  g_test_add_func ("/open/async-locale-change", test_open_async_locale_change);
  g_test_add_func ("/open/refuse-too-new", test_refuse_too_new);
  g_test_add_func ("/open/refuse-damaged", test_refuse_damaged);
  g_test_add_func ("/open/check-after-open", test_check_after_open);
  g_test_add_func ("/open/refuse-read-only", test_refuse_read_only);
  g_test_add_func ("/open/refuse-folder", test_refuse_folder);

  return sec_test_migrations_run ();
}
