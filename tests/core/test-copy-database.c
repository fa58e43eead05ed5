/* test-copy-database.c: a whole database copied to another file, and (in
 * the suite pg) to a PostgreSQL server and back, comes out the same: every
 * table's rows with their ids, the search index, and every export (CSV and
 * iCalendar byte for byte, the text of each PDF). A target that holds
 * records is refused and left as it was. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/sec-cli-export.h"
#include "cli/sec-cli-privacy.h"
#include "cli/sec-demo.h"
#include "core/store/sec-engine.h"
#include "core/store/sec-store-copy.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char *dir;
  char *demo; /* a file holding the demo data */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;

  umask (022);
  f->dir = sec_test_make_tmp_dir ("sec-copy-XXXXXX");
  f->demo = g_build_filename (f->dir, "demo.db", NULL);
  /* Always a file, in the suite pg too: the copy's source. */
  store = sec_store_open (f->demo, &error);
  g_assert_no_error (error);
  g_assert_true (sec_demo_fill (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->demo);
  g_free (f->dir);
}

/* Every value of @table's rows, a line per row in the order of the first
 * column (the id), NULL shown as such: the same text for the same rows
 * whatever the file. */
static GPtrArray *
dump_table (SecEngine  *engine,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", table);
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  SecStep step;

  stmt = sec_engine_prepare_once (engine, sql, &error);
  g_assert_no_error (error);
  while ((step = sec_stmt_step (stmt, &error)) == SEC_STEP_ROW)
    {
      GString *row = g_string_new (table);

      for (int c = 0; c < sec_stmt_n_columns (stmt); c++)
        {
          g_autoptr(GBytes) bytes = sec_stmt_is_null (stmt, c) ? NULL : sec_stmt_dup_blob (stmt, c);
          gsize size = 0;
          const guchar *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

          g_string_append_printf (row, "\t%s=", sec_stmt_column_name (stmt, c));
          if (sec_stmt_is_null (stmt, c))
            g_string_append (row, "NULL");
          else
            for (gsize i = 0; i < size; i++)
              g_string_append_printf (row, g_ascii_isprint (data[i]) ? "%c" : "\\x%02x", data[i]);
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  g_assert_cmpint (step, ==, SEC_STEP_DONE);
  return rows;
}

/* The tables of a file, with each search index's list of terms (their
 * trigrams and how many rows hold each) but not its internal pages. */
static GPtrArray *
list_tables (SecEngine *engine)
{
  g_autoptr(SecStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);

  stmt = sec_engine_prepare_once (engine,
                                  "SELECT name FROM pragma_table_list WHERE schema = 'main'"
                                  " AND (type = 'table' OR name LIKE '%\\_search\\_terms' ESCAPE '\\')"
                                  " AND name NOT LIKE 'sqlite%' ORDER BY 1",
                                  &error);
  g_assert_no_error (error);
  while (sec_stmt_step (stmt, &error) == SEC_STEP_ROW)
    g_ptr_array_add (tables, g_strdup (sec_stmt_get_text (stmt, 0)));
  g_assert_no_error (error);
  return tables;
}

static void
assert_same_rows (const char *a,
                  const char *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) ea = sec_engine_open (a, SEC_ENGINE_OPEN_READ_ONLY, &error);
  g_autoptr(SecEngine) eb = sec_engine_open (b, SEC_ENGINE_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) ta = NULL;
  g_autoptr(GPtrArray) tb = NULL;
  guint64 n_rows = 0;

  g_assert_no_error (error);
  ta = list_tables (ea);
  tb = list_tables (eb);
  g_assert_cmpuint (ta->len, ==, tb->len);
  g_assert_cmpuint (ta->len, >=, 30);
  for (guint i = 0; i < ta->len; i++)
    {
      g_autoptr(GPtrArray) ra = NULL;
      g_autoptr(GPtrArray) rb = NULL;

      g_assert_cmpstr (g_ptr_array_index (ta, i), ==, g_ptr_array_index (tb, i));
      ra = dump_table (ea, g_ptr_array_index (ta, i));
      rb = dump_table (eb, g_ptr_array_index (tb, i));
      g_assert_cmpuint (ra->len, ==, rb->len);
      for (guint r = 0; r < ra->len; r++)
        g_assert_cmpstr (g_ptr_array_index (ra, r), ==, g_ptr_array_index (rb, r));
      n_rows += ra->len;
    }
  /* The demo holds people, meetings, history...: something was compared. */
  g_assert_cmpuint (n_rows, >, 1000);
}

static GArray *
list_ids (const char *path,
          const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) engine = sec_engine_open (path, SEC_ENGINE_OPEN_READ_ONLY, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id", table);
  g_autoptr(SecStmt) stmt = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  stmt = sec_engine_prepare_once (engine, sql, &error);
  g_assert_no_error (error);
  while (sec_stmt_step (stmt, &error) == SEC_STEP_ROW)
    {
      gint64 id = sec_stmt_get_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_no_error (error);
  return ids;
}

typedef int (*CliCommand) (const char *database, GStrv args, GString *out, GString *err);

/* Runs `secretariat export ...` (or another command) on @database, writing
 * @dir/@name. */
static void
export_to (CliCommand  command,
           const char *database,
           const char *dir,
           const char *name,
           const char *const *args)
{
  g_autofree char *output = g_build_filename (dir, name, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  int status;

  g_strv_builder_addv (builder, (const char **) args);
  g_strv_builder_add_many (builder, "--output", output, NULL);
  argv = g_strv_builder_end (builder);
  status = command (database, argv, out, err);
  if (status != 0)
    g_test_message ("%s: %s", name, err->str);
  g_assert_cmpint (status, ==, 0);
}

/* Writes every document of @database into @dir: each kind of each meeting,
 * call, statement and funding call, the action points, the portfolio, a
 * person's data and the record of processing. Their names list in @names. */
static void
export_everything (const char *database,
                   const char *dir,
                   GPtrArray  *names)
{
  static const char *const meeting_kinds[] = {
    "agenda", "agenda-internal", "participants", "attendance", "pack", "participants-csv", "ical",
    "badges", "table-cards", "minutes", "minutes-internal", NULL
  };
  g_autoptr(GArray) meetings = list_ids (database, "meetings");
  g_autoptr(GArray) calls = list_ids (database, "calls");
  g_autoptr(GArray) statements = list_ids (database, "statements");
  g_autoptr(GArray) funding_calls = list_ids (database, "funding_calls");
  g_autoptr(GArray) people = list_ids (database, "people");

#define EXPORT(name, ...) \
  G_STMT_START { \
    const char *const args_[] = { __VA_ARGS__, NULL }; \
    export_to (sec_cli_export, database, dir, name, args_); \
    g_ptr_array_add (names, g_strdup (name)); \
  } G_STMT_END
  g_assert_cmpuint (meetings->len, >, 0);
  g_assert_cmpuint (calls->len, >, 0);
  g_assert_cmpuint (statements->len, >, 0);
  g_assert_cmpuint (funding_calls->len, >, 0);
  for (guint i = 0; i < meetings->len; i++)
    for (guint k = 0; meeting_kinds[k]; k++)
      {
        g_autofree char *id = sec_test_id_text (g_array_index (meetings, gint64, i));
        gboolean csv = g_str_has_suffix (meeting_kinds[k], "-csv");
        gboolean ics = g_str_equal (meeting_kinds[k], "ical");
        g_autofree char *name = g_strdup_printf ("meeting-%s-%s.%s", id, meeting_kinds[k],
                                                 csv ? "csv" : ics ? "ics" : "pdf");

        EXPORT (name, "export", meeting_kinds[k], "--meeting", id);
      }
  for (guint i = 0; i < calls->len; i++)
    {
      g_autofree char *id = sec_test_id_text (g_array_index (calls, gint64, i));
      g_autofree char *pdf = g_strdup_printf ("call-%s-applications.pdf", id);
      g_autofree char *csv = g_strdup_printf ("call-%s-applications.csv", id);
      g_autofree char *report = g_strdup_printf ("call-%s-selection-report.pdf", id);

      EXPORT (pdf, "export", "applications", "--call", id);
      EXPORT (csv, "export", "applications", "--call", id, "--format", "csv");
      EXPORT (report, "export", "selection-report", "--call", id);
    }
  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *id = sec_test_id_text (g_array_index (statements, gint64, i));
      g_autofree char *pdf = g_strdup_printf ("statement-%s.pdf", id);
      g_autofree char *monitoring = g_strdup_printf ("statement-%s-monitoring.pdf", id);
      g_autofree char *csv = g_strdup_printf ("statement-%s-monitoring.csv", id);

      EXPORT (pdf, "export", "statement", "--statement", id);
      EXPORT (monitoring, "export", "monitoring", "--statement", id);
      EXPORT (csv, "export", "monitoring", "--statement", id, "--format", "csv");
    }
  for (guint i = 0; i < funding_calls->len; i++)
    {
      g_autofree char *id = sec_test_id_text (g_array_index (funding_calls, gint64, i));
      g_autofree char *name = g_strdup_printf ("funding-call-%s.ics", id);

      EXPORT (name, "export", "funding-call-ical", "--call", id);
    }
  EXPORT ("action-points.pdf", "export", "action-points");
  EXPORT ("action-points.csv", "export", "action-points", "--format", "csv");
  EXPORT ("portfolio.pdf", "export", "portfolio");
  EXPORT ("portfolio.csv", "export", "portfolio", "--format", "csv");
#undef EXPORT
  {
    g_autofree char *id = sec_test_id_text (g_array_index (people, gint64, 0));
    const char *const person[] = { "privacy", "export", "--person", id, NULL };
    const char *const record[] = { "privacy", "record", NULL };

    export_to (sec_cli_privacy, database, dir, "person.pdf", person);
    g_ptr_array_add (names, g_strdup ("person.pdf"));
    export_to (sec_cli_privacy, database, dir, "record.pdf", record);
    g_ptr_array_add (names, g_strdup ("record.pdf"));
  }
}

/* A calendar's text without its DTSTAMP lines: the time it was written. */
static char *
without_stamps (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) kept = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    if (!g_str_has_prefix (lines[i], "DTSTAMP:"))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

static void
assert_same_exports (const char *a,
                     const char *b,
                     const char *dir)
{
  g_autofree char *dir_a = g_build_filename (dir, "exports-a", NULL);
  g_autofree char *dir_b = g_build_filename (dir, "exports-b", NULL);
  g_autoptr(GPtrArray) names_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names_b = g_ptr_array_new_with_free_func (g_free);
  guint n_pdf = 0, n_csv = 0, n_ics = 0;
  g_autoptr(GRegex) generated = g_regex_new ("Generated on [^\n]*?[0-9]{1,2}:[0-9]{2}", 0, 0, NULL);

  g_assert_cmpint (g_mkdir (dir_a, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (dir_b, 0700), ==, 0);
  export_everything (a, dir_a, names_a);
  export_everything (b, dir_b, names_b);
  g_assert_cmpuint (names_a->len, ==, names_b->len);
  for (guint i = 0; i < names_a->len; i++)
    {
      const char *name = g_ptr_array_index (names_a, i);
      g_autofree char *path_a = g_build_filename (dir_a, name, NULL);
      g_autofree char *path_b = g_build_filename (dir_b, name, NULL);
      g_autofree char *text_a = NULL;
      g_autofree char *text_b = NULL;

      g_assert_cmpstr (name, ==, g_ptr_array_index (names_b, i));
      if (g_str_has_suffix (name, ".pdf"))
        {
          g_autofree char *pdf_a = sec_test_read_pdf (path_a);
          g_autofree char *pdf_b = sec_test_read_pdf (path_b);

          /* The two exports may straddle a minute: "Generated on 7
           * December 2026, 02:09" and "02:10" are the same document. */
          text_a = g_regex_replace (generated, pdf_a, -1, 0, "Generated", 0, NULL);
          text_b = g_regex_replace (generated, pdf_b, -1, 0, "Generated", 0, NULL);
          n_pdf++;
        }
      else
        {
          g_assert_true (g_file_get_contents (path_a, &text_a, NULL, NULL));
          g_assert_true (g_file_get_contents (path_b, &text_b, NULL, NULL));
          if (g_str_has_suffix (name, ".ics"))
            {
              g_autofree char *bare_a = without_stamps (text_a);
              g_autofree char *bare_b = without_stamps (text_b);

              /* The same events, with the same UIDs (the database's id
               * came along). */
              g_assert_nonnull (strstr (text_a, "UID:"));
              g_free (text_a);
              g_free (text_b);
              text_a = g_steal_pointer (&bare_a);
              text_b = g_steal_pointer (&bare_b);
              n_ics++;
            }
          else
            n_csv++;
        }
      g_test_message ("%s", name);
      g_assert_cmpstr (text_a, ==, text_b);
      g_assert_cmpuint (strlen (text_a), >, 20);
    }
  g_assert_cmpuint (n_pdf, >=, 20);
  g_assert_cmpuint (n_csv, >=, 5);
  g_assert_cmpuint (n_ics, >=, 2);
}

static void
copy_ok (const char *from,
         const char *to)
{
  g_autoptr(GError) error = NULL;
  SecStoreCopyStats stats = { 0 };

  g_assert_true (sec_store_copy_database (from, to, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_tables, >=, 25);
  g_assert_cmpuint (stats.n_rows, >, 1000);
}

static void
test_file_to_file (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  GStatBuf st;

  if (sec_test_is_pg ())
    {
      g_test_skip ("files only: the suite core runs it");
      return;
    }
  copy_ok (f->demo, copy);
  /* Personal data: the owner's only. */
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_same_rows (f->demo, copy);
  assert_same_exports (f->demo, copy, f->dir);
}

/* The next record gets a new id; the copy is a working database. */
static void
assert_writable (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = list_ids (path, "people");
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpuint (people->len, >, 0);
  id = sec_test_insert (store, SEC_TYPE_PERSON, "family-name", "Newcomer", NULL);
  g_assert_cmpint (id, >, g_array_index (people, gint64, people->len - 1));
}

static void
test_round_trip_server (Fixture *f, gconstpointer data)
{
  g_autofree char *server = NULL;
  g_autofree char *back = g_build_filename (f->dir, "back.db", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.db", NULL);
  g_autoptr(GError) error = NULL;

  if (!sec_test_is_pg ())
    {
      g_test_skip ("the server's round trip runs in the suite pg");
      return;
    }
  server = sec_test_pg_new_database ();
  copy_ok (f->demo, server);
  copy_ok (server, back);
  assert_same_rows (f->demo, back);
  assert_same_exports (f->demo, back, f->dir);

  /* The server refuses a second copy, and keeps what it holds. */
  g_assert_false (sec_store_copy_database (f->demo, server, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "already holds records"));
  g_clear_error (&error);
  copy_ok (server, again);
  assert_same_rows (back, again);

  /* New records on the server get ids after the copied ones. */
  assert_writable (server);
}

static void
test_refuses_non_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *source_before = sec_test_checksum_file (f->demo);
  g_autofree char *source_after = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  copy_ok (f->demo, copy);
  before = sec_test_checksum_file (copy);
  g_assert_false (sec_store_copy_database (f->demo, copy, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "already holds records"));
  g_assert_nonnull (strstr (error->message, "copy.db"));
  after = sec_test_checksum_file (copy);
  g_assert_cmpstr (before, ==, after);
  source_after = sec_test_checksum_file (f->demo);
  g_assert_cmpstr (source_before, ==, source_after);
  /* And the copy works as a database of its own. */
  assert_writable (copy);
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *target = g_build_filename (f->dir, "target.db", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (sec_store_copy_database (missing, target, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (sec_store_copy_database (f->demo, folder, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  /* A copy cancelled leaves no file behind. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (sec_store_copy_database (f->demo, target, NULL, NULL, cancellable, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  }
  listing = sec_test_list_folder (f->dir);
  g_assert_null (strstr (listing, "target"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/copy-database/file-to-file", test_file_to_file);
  ADD ("/copy-database/refuses-non-empty", test_refuses_non_empty);
  ADD ("/copy-database/refusals", test_refusals);
  ADD ("/copy-database/round-trip-server", test_round_trip_server);
#undef ADD

  return g_test_run ();
}
