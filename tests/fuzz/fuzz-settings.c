/* fuzz-settings.c: the settings a database file holds, read back by the
 * program: the database's uuid (iCalendar UIDs), the collation locale and
 * fold version the sort keys were made with (a difference makes the store
 * rebuild them on opening), and the Council Presidencies edited by the user
 * (CSV lines). Input: uuid, collate-locale and fold-version on a line each,
 * then the Presidencies' text. Each run writes them into a copy of the demo
 * database with SQLite, opens it with the store and uses them. */
#include "fuzz-common.h"

#include <sqlite3.h>

#include "core/meetings/sec-presidencies.h"
#include "core/store/sec-records.h"

static void
put (sqlite3 *db, const char *key, const char *value)
{
  sqlite3_stmt *stmt = NULL;

  if (value == NULL)
    return;
  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static char *template, *path, *output;
  static gsize template_len;
  g_autofree char *input = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = NULL;

  fuzz_init ();
  if (template == NULL)
    {
      if (!g_file_get_contents (fuzz_demo_path (), &template, &template_len, NULL))
        abort ();
      path = g_build_filename (fuzz_dir (), "settings.db", NULL);
      output = g_build_filename (fuzz_dir (), "settings.ics", NULL);
    }
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    if (!g_file_set_contents (path, template, template_len, NULL))
      abort ();
  }

  input = fuzz_text (data, size);
  lines = g_strsplit (input, "\n", 4);
  if (sqlite3_open (path, &db) != SQLITE_OK)
    abort ();
  put (db, "database-uuid", lines[0]);
  put (db, "collate-locale", lines[0] ? lines[1] : NULL);
  put (db, "fold-version", lines[0] && lines[1] ? lines[2] : NULL);
  put (db, "council-presidencies", lines[0] && lines[1] && lines[2] ? lines[3] : NULL);
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  if (store == NULL)
    return 0;
  {
    g_autoptr(GPtrArray) list = sec_presidencies_list (store, NULL);
    g_autofree char *country = sec_presidencies_lookup (store, "2025-03-01");
    g_autoptr(SecRecord) meeting = sec_store_get (store, SEC_TYPE_MEETING, 1, NULL);
    g_autofree char *co_chair = meeting ? sec_presidencies_propose_co_chair (store, meeting) : NULL;

    (void) list, (void) country, (void) co_chair;
  }
  g_clear_object (&store);
  {
    const char *args[] = { "--database", path, "export", "ical", "--meeting", "1", "--output", output, NULL };
    fuzz_run_cli (args);
  }
  return 0;
}
