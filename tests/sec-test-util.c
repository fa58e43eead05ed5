/* sec-test-util.c: what the tests share */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <execinfo.h>
#endif

#include "cli/sec-demo.h"
#include "core/store/sec-engine.h"
#include "core/store/sec-records.h"
#include "sec-test-util.h"

/* A new temporary folder from @tmpl ("sec-foo-XXXXXX"). (transfer full) */
char *
sec_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Opens (creating) the store @dir/@name; its path in @path_out if given. */
SecStore *
sec_test_open_store (const char  *dir,
                     const char  *name,
                     char       **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sec_test_is_pg () ? sec_test_pg_new_database () : g_build_filename (dir, name, NULL);
  SecStore *store = sec_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}

/* PostgreSQL */

gboolean
sec_test_is_pg (void)
{
  return g_strcmp0 (g_getenv ("SECRETARIAT_TEST_ENGINE"), "postgresql") == 0;
}

void
sec_test_pg_skip_without_server (void)
{
  if (!sec_test_is_pg ())
    return;
  if (g_getenv ("SECRETARIAT_TEST_PG") == NULL || !sec_engine_has_server_support ())
    {
      printf ("1..0 # SKIP no PostgreSQL server: SECRETARIAT_TEST_PG is not set (build-aux/pg-cluster)\n");
      exit (0);
    }
}

static GPtrArray *pg_databases;

/* @base with the database @name instead of its own. (transfer full) */
static char *
pg_uri_for (const char *base,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (base, G_URI_FLAGS_ENCODED | G_URI_FLAGS_HAS_PASSWORD, &error);
  g_autofree char *path = g_strconcat ("/", name, NULL);
  g_autoptr(GUri) other = NULL;

  g_assert_no_error (error);
  other = g_uri_build_with_user (G_URI_FLAGS_ENCODED | G_URI_FLAGS_HAS_PASSWORD, g_uri_get_scheme (uri),
                                 g_uri_get_user (uri), g_uri_get_password (uri), NULL,
                                 g_uri_get_host (uri), g_uri_get_port (uri), path,
                                 g_uri_get_query (uri), NULL);
  return g_uri_to_string (other);
}

static void
pg_admin (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) admin = sec_engine_open (g_getenv ("SECRETARIAT_TEST_PG"), SEC_ENGINE_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);
  sec_engine_exec (admin, sql, &error);
  g_assert_no_error (error);
}

static void
drop_pg_databases (void)
{
  for (guint i = 0; pg_databases != NULL && i < pg_databases->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                              (char *) g_ptr_array_index (pg_databases, i));
      pg_admin (sql);
    }
  g_clear_pointer (&pg_databases, g_ptr_array_unref);
}

gboolean
sec_test_pg_need_server (void)
{
  if (g_getenv ("SECRETARIAT_TEST_PG") != NULL && sec_engine_has_server_support ())
    return TRUE;
  g_test_skip ("no PostgreSQL server (SECRETARIAT_TEST_PG)");
  return FALSE;
}

char *
sec_test_pg_new_database (void)
{
  const char *base = g_getenv ("SECRETARIAT_TEST_PG");
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;

  g_assert_nonnull (base);
  if (pg_databases == NULL)
    {
      pg_databases = g_ptr_array_new_with_free_func (g_free);
      atexit (drop_pg_databases);
    }
  name = g_strdup_printf ("sec_test_%d_%u", (int) getpid (), pg_databases->len + 1);
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  pg_admin (sql);
  g_ptr_array_add (pg_databases, g_strdup (name));
  return pg_uri_for (base, name);
}

char *
sec_test_pg_uri_as (const char *uri,
                    const char *role)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED | G_URI_FLAGS_HAS_PASSWORD, NULL);
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GUri) other = NULL;
  g_auto(GStrv) params = NULL;

  g_assert_nonnull (parsed);
  params = g_strsplit (g_uri_get_query (parsed) ? g_uri_get_query (parsed) : "", "&", -1);
  for (guint i = 0; params[i]; i++)
    if (*params[i] != '\0' && !g_str_has_prefix (params[i], "user="))
      g_string_append_printf (query, "%s&", params[i]);
  g_string_append_printf (query, "user=%s", role);
  other = g_uri_build_with_user (G_URI_FLAGS_ENCODED | G_URI_FLAGS_HAS_PASSWORD, g_uri_get_scheme (parsed),
                                 NULL, NULL, NULL, g_uri_get_host (parsed), g_uri_get_port (parsed),
                                 g_uri_get_path (parsed), query->str, NULL);
  return g_uri_to_string (other);
}

const char *
sec_test_history_user (void)
{
  static char *role;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *user;

  if (!sec_test_is_pg ())
    return g_get_user_name ();
  if (role != NULL)
    return role;
  uri = g_uri_parse (g_getenv ("SECRETARIAT_TEST_PG"), G_URI_FLAGS_ENCODED | G_URI_FLAGS_HAS_PASSWORD, NULL);
  g_assert_nonnull (uri);
  if (g_uri_get_query (uri) != NULL)
    params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  user = params != NULL ? g_hash_table_lookup (params, "user") : NULL;
  if (user == NULL)
    user = g_uri_get_user (uri);
  role = g_strdup (user != NULL ? user : g_get_user_name ());
  return role;
}

/* The store @dir/demo.db filled with the demo data. */
SecStore *
sec_test_open_demo (const char  *dir,
                    char       **path_out)
{
  g_autoptr(GError) error = NULL;
  SecStore *store = sec_test_open_store (dir, "demo.db", path_out);

  g_assert_true (sec_demo_fill (store, &error));
  g_assert_no_error (error);
  return store;
}

/* Removes @path and everything below it. */
void
sec_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        sec_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
sec_test_close_store (SecStore   *store,
                      const char *dir)
{
  g_assert_finalize_object (store);
  sec_test_remove_tree (dir);
}

SecRecord *
sec_test_make_valist (SecStore   *store,
                      GType       type,
                      const char *first_field,
                      va_list     ap)
{
  g_autoptr(GError) error = NULL;
  SecRecord *r = sec_record_new (type);

  for (const char *field = first_field; field != NULL; field = va_arg (ap, const char *))
    {
      const char *value = va_arg (ap, const char *);

      if (value == NULL)
        continue;
      g_assert_true (sec_record_set_from_text (r, field, value, &error));
      g_assert_no_error (error);
    }
  sec_store_insert (store, r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_id (r), >, 0);
  return r;
}

/* Inserts a record of @type with the field/value pairs that follow.
 * (transfer full) */
SecRecord *
sec_test_make (SecStore *store,
               GType     type,
               ...)
{
  SecRecord *r;
  va_list ap;

  va_start (ap, type);
  r = sec_test_make_valist (store, type, va_arg (ap, const char *), ap);
  va_end (ap);
  return r;
}

/* As sec_test_make(), returning the new record's id. */
gint64
sec_test_insert (SecStore *store,
                 GType     type,
                 ...)
{
  g_autoptr(SecRecord) r = NULL;
  va_list ap;

  va_start (ap, type);
  r = sec_test_make_valist (store, type, va_arg (ap, const char *), ap);
  va_end (ap);
  return sec_record_get_id (r);
}

char *
sec_test_id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

SecRecord *
sec_test_find_one (SecStore   *store,
                   GType       type,
                   const char *field,
                   const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GPtrArray) found = NULL;

  sec_query_add (q, field, SEC_QUERY_EQUALS, value);
  found = sec_store_list (store, type, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* The SHA-256 of a file's contents. */
char *
sec_test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted, separated by spaces: what a test left beside
 * a file. */
char *
sec_test_list_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Runs @argv (searching PATH); returns its standard output and its exit
 * status (-1 if it did not exit). Its standard error goes to @err_out if
 * given, otherwise to the test's messages. */
char *
sec_test_spawn (const char *const *argv,
                int               *status,
                char             **err_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 :
            (WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1);
  if (err_out)
    *err_out = g_steal_pointer (&err);
  else if (err && *err)
    g_test_message ("%s: %s", argv[0], err);
  return out;
}

/* Writes @doc as an A4 PDF at @path, checks it with qpdf, and returns its
 * text. */
char *
sec_test_pdf_text (SecDocument *doc,
                   const char  *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sec_document_write_pdf (doc, path, SEC_PAPER_A4, &error));
  g_assert_no_error (error);
  return sec_test_read_pdf (path);
}

/* Checks the PDF @path with qpdf and returns its text. */
char *
sec_test_read_pdf (const char *path)
{
  g_autofree char *check_out = NULL;
  const char *check[] = { "qpdf", "--check", path, NULL };
  /* -raw: in the order the document drew the text, a table cell's lines
   * together. */
  const char *text[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;
  char *out;

  check_out = sec_test_spawn (check, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  out = sec_test_spawn (text, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  return out;
}

char *
sec_test_pdf_text_at (SecDocument *doc,
                      const char  *dir,
                      const char  *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return sec_test_pdf_text (doc, path);
}

/* The text of a PDF with runs of white space as one space, so that a
 * phrase wrapped over lines can still be found. */
char *
sec_test_squeeze (const char *text)
{
  g_autoptr(GRegex) hyphen = g_regex_new ("-[ \\t]*\\n\\s*", 0, 0, NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *joined = g_regex_replace_literal (hyphen, text, -1, 0, "-", 0, NULL);

  /* A word broken after its hyphen at the end of a line is one word. */
  return g_regex_replace_literal (spaces, joined, -1, 0, " ", 0, NULL);
}

int
sec_test_line_of (char *const *lines,
                  const char  *part)
{
  for (int i = 0; lines[i]; i++)
    if (strstr (lines[i], part))
      return i;
  return -1;
}

void
sec_test_assert_contains (const char *text,
                          const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

/* A CSV parser (RFC 4180, with the BOM the documents write), to read the
 * files back: rows of fields (GStrv). */
GPtrArray *
sec_test_parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  g_assert_true (g_str_has_prefix (p, "\xEF\xBB\xBF"));
  p += 3;
  while (*p)
    {
      if (*p == '"')
        {
          for (p++; *p; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == '"');
          p++;
        }
      else
        while (*p && *p != ',' && *p != '\r')
          g_string_append_c (field, *p++);

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (fields, NULL);
          /* Stealing leaves the array empty, ready for the next row. */
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
        }
    }
  g_assert_cmpuint (fields->len, ==, 0);
  return rows;
}

/* Runs the default main context until it has nothing left to do. */
void
sec_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets the main loop run for @ms milliseconds, even when nothing is
 * pending yet (widget tests: list views make their rows then). */
void
sec_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

void
sec_test_keep_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
sec_test_wait_result (GAsyncResult **result)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  /* Not a blocking iteration: the deadline is looked at even when no
   * source wakes the loop. */
  while (*result == NULL && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_nonnull (*result);
  return *result;
}

static const char *tolerated_domain;

static gboolean
is_dialog_warning (const char *domain,
                   const char *message)
{
  return (tolerated_domain != NULL && g_strcmp0 (domain, tolerated_domain) == 0) ||
         (g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
          g_str_has_prefix (message, "Trying to measure GtkLabel"));
}

/* Where a critical came from, on stderr: a failure that happens once in
 * a hundred runs (on CI) is then found from its log alone. The UI tests
 * export their symbols, so the test's and the window's functions are named. */
static void
print_backtrace (void)
{
#ifdef __GLIBC__
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  fputs ("Backtrace of the critical:\n", stderr);
  backtrace_symbols_fd (frames, n, fileno (stderr));
#endif
}

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (level & G_LOG_LEVEL_WARNING)
    {
      const char *domain = NULL, *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
          domain = fields[i].value;
        else if (g_str_equal (fields[i].key, "MESSAGE"))
          message = fields[i].value;
      if (is_dialog_warning (domain, message))
        return G_LOG_WRITER_HANDLED;
    }
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      GLogWriterOutput out = g_log_writer_default (level, fields, n_fields, user_data);

      print_backtrace ();
      return out;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gboolean
log_fatal_cb (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  return !is_dialog_warning (domain, message);
}

void
sec_test_install_log_writer (void)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
}

void
sec_test_tolerate_dialog_warning (void)
{
  g_test_log_set_fatal_handler (log_fatal_cb, NULL);
}

static void
drop_log (const char     *domain,
          GLogLevelFlags  level,
          const char     *message,
          gpointer        user_data)
{
}

void
sec_test_tolerate_warnings_of (const char *domain)
{
  tolerated_domain = domain;
  /* g_warning () (not structured) goes to a domain's handler. */
  g_log_set_handler (domain, G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, drop_log, NULL);
}

void
sec_test_result_clear (SecTestResult *result)
{
  g_free (result->out);
  g_free (result->err);
}

/* Runs `secretariat [--database DATABASE] ARGS…` (@args NULL-terminated)
 * in @working_dir (NULL: this one) with $XDG_DATA_HOME at @data_home, in
 * English, and returns its exit status and output. */
SecTestResult
sec_test_run_secretariat (const char        *data_home,
                          const char        *working_dir,
                          const char        *database,
                          const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("SECRETARIAT");
  SecTestResult r = { 0 };
  int wait_status = 0;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (char *) program);
  if (database != NULL)
    {
      g_ptr_array_add (argv, (char *) "--database");
      g_ptr_array_add (argv, (char *) database);
    }
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "en_US.UTF-8", TRUE);

  g_spawn_sync (working_dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  g_assert_true (g_utf8_validate (r.out, -1, NULL));
  g_assert_true (g_utf8_validate (r.err, -1, NULL));
  return r;
}

/* Makes a temporary folder from @tmpl and opens the store @name in it. */
void
sec_test_store_fixture_setup (SecTestStoreFixture *f,
                              const char          *tmpl,
                              const char          *name)
{
  f->dir = sec_test_make_tmp_dir (tmpl);
  f->store = sec_test_open_store (f->dir, name, &f->path);
}

/* Removes the folder and frees the paths; the store is the caller's to
 * close or check for leaks first. */
void
sec_test_store_fixture_clear (SecTestStoreFixture *f)
{
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

void
sec_test_make_c_locale_people (const char        *path,
                               guint              n,
                               const char *const *families,
                               guint              n_families)
{
  g_autofree char *saved = g_strdup (setlocale (LC_COLLATE, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;

  setlocale (LC_COLLATE, "C.UTF-8");
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sec_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SecRecord) person = sec_record_new (SEC_TYPE_PERSON);
      g_autofree char *given = g_strdup_printf ("Given%04u", i);

      sec_record_set_string (person, "given-name", given);
      sec_record_set_string (person, "family-name", families[i % n_families]);
      g_assert_true (sec_store_insert (store, person, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sec_store_commit (store, &error));
  sec_store_close (store);
  setlocale (LC_COLLATE, saved);
}

char *
sec_test_read_text (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}
