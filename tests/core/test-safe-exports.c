/* test-safe-exports.c: exports that cannot hurt
 *
 * What an export refuses to replace (a FIFO, a socket, a device, a
 * folder), how it writes through a symbolic link and to standard output,
 * the mode of what it writes, and the values it checks when it uses them:
 * CSV formulas, mailto and web links, time zones, iCalendar lines, invalid
 * UTF-8, a very long field, control characters on the terminal. Most run
 * the real program on a demo database changed behind the store's back with
 * sqlite3, as a database from elsewhere would be.
 */
#define G_LOG_DOMAIN "test-safe-exports"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/base/sec-format.h"
#include "core/documents/sec-csv.h"
#include "core/documents/sec-document.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-ical.h"
#include "core/store/sec-record.h"
#include "sec-test-util.h"

typedef struct {
  char *dir;
  char *db;
} Fixture;

typedef struct {
  int     status;
  GBytes *out;
  char   *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_clear_pointer (&run->err, g_free);
}

/* Runs `secretariat --database DB ARGS…` in the fixture's folder, with at
 * most 60 s (timeout(1)): a hang is a failure, not a stuck test. */
static Run
run_args (Fixture           *f,
          const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  g_ptr_array_add (argv, (char *) "timeout");
  g_ptr_array_add (argv, (char *) "60");
  g_ptr_array_add (argv, (char *) g_getenv ("SECRETARIAT"));
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, f->db);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_cwd (launcher, f->dir);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "en_US.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &run.out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run.status = g_subprocess_get_exit_status (process);
  g_assert_cmpint (run.status, !=, 124); /* timed out */
  run.err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  return run;
}

#define RUN(f, ...) run_args ((f), (const char *const[]) { __VA_ARGS__, NULL })

static void
sql (Fixture    *f,
     const char *statement)
{
  const char *argv[] = { "sqlite3", f->db, statement, NULL };
  g_autofree char *err = NULL;
  int status = 0;

  g_autofree char *out = sec_test_spawn (argv, &status, &err);
  g_assert_cmpint (status, ==, 0);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  Run run;

  f->dir = sec_test_make_tmp_dir ("safe-exports-XXXXXX");
  f->db = g_build_filename (f->dir, "demo.db", NULL);
  run = RUN (f, "demo");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
assert_refused (Fixture    *f,
                const char *output,
                const char *part)
{
  Run run = RUN (f, "export", "participants", "--meeting", "1", "--output", output);

  g_assert_cmpint (run.status, ==, 1);
  sec_test_assert_contains (run.err, part);
  g_assert_cmpuint (g_bytes_get_size (run.out), ==, 0);
  run_clear (&run);
}

/* A FIFO, a socket, a device and a folder are refused with a message; the
 * FIFO is never opened (the export would block) and stays a FIFO. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *fifo = path_in (f, "fifo.pdf");
  g_autofree char *sock = path_in (f, "socket.pdf");
  g_autofree char *folder = path_in (f, "folder.pdf");
  g_autofree char *link = path_in (f, "link-to-fifo.pdf");
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (f, fifo, "is not a regular file");
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* A link to the FIFO: refused too, the link kept. */
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  assert_refused (f, link, "is not a regular file");
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (sock), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, sock);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  assert_refused (f, sock, "is not a regular file");
  g_assert_cmpint (g_lstat (sock, &st), ==, 0);
  g_assert_true (S_ISSOCK (st.st_mode));
  close (fd);

  /* A device: refused before anything is written to it. */
  assert_refused (f, "/dev/null", "is not a regular file");
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_refused (f, folder, "is a folder");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* The core API says the same, without blocking on the FIFO. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sec_export_write_file (fifo, "x", 1, SEC_FILE_PUBLIC, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_clear_error (&error);
    g_assert_false (sec_export_write_file (folder, "x", 1, SEC_FILE_PUBLIC, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  }
}

/* A link to a regular file is written through: the link stays a link, the
 * file gets the document and keeps its mode. A dangling link makes its
 * target. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *real = path_in (f, "real.pdf");
  g_autofree char *link = path_in (f, "link.pdf");
  g_autofree char *dangling = path_in (f, "dangling.pdf");
  g_autofree char *target = path_in (f, "made-by-link.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *link_target = NULL;
  Run run;
  GStatBuf st;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_assert_cmpint (symlink ("real.pdf", link), ==, 0);

  run = RUN (f, "export", "agenda", "--meeting", "1", "--output", link);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link_target = g_file_read_link (link, NULL);
  g_assert_cmpstr (link_target, ==, "real.pdf");
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (mode_of (real), ==, 0640);

  g_assert_cmpint (symlink (target, dangling), ==, 0);
  run = RUN (f, "export", "agenda", "--meeting", "1", "--output", dangling);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_cmpint (g_lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
}

/* --output - writes the file to standard output, and no file "-". */
static void
test_stdout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dash = path_in (f, "-");
  Run run = RUN (f, "export", "participants", "--meeting", "1", "--output", "-");
  gsize size;
  const char *bytes = g_bytes_get_data (run.out, &size);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (bytes, "%PDF-", 5) == 0);
  g_assert_nonnull (memmem (bytes + size - 16, 16, "%%EOF", 5));
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run = RUN (f, "export", "participants-csv", "--meeting", "1", "--output", "-");
  g_assert_cmpint (run.status, ==, 0);
  bytes = g_bytes_get_data (run.out, &size);
  g_assert_true (size > 3 && memcmp (bytes, SEC_CSV_BOM "Title,", 9) == 0);
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

static void
export_to (Fixture    *f,
           const char *path,
           const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  Run run;

  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, (char *) "--output");
  g_ptr_array_add (argv, (char *) path);
  g_ptr_array_add (argv, NULL);
  run = run_args (f, (const char *const *) argv->pdata);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
}

#define EXPORT(f, path, ...) export_to ((f), (path), (const char *const[]) { __VA_ARGS__, NULL })

/* Documents with contact data or needs are 0600, others 0666 less the
 * umask; a file replaced keeps its mode. */
static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *participants = path_in (f, "participants.pdf");
  g_autofree char *internal = path_in (f, "agenda-internal.pdf");
  g_autofree char *csv = path_in (f, "participants.csv");
  g_autofree char *pack = path_in (f, "pack.pdf");
  g_autofree char *applications = path_in (f, "applications.csv");
  g_autofree char *agenda = path_in (f, "agenda.pdf");
  g_autofree char *public = path_in (f, "public.pdf");
  g_autofree char *ics = path_in (f, "meeting.ics");
  mode_t old = umask (022);

  EXPORT (f, participants, "export", "participants", "--meeting", "1");
  g_assert_cmpuint (mode_of (participants), ==, 0600);
  EXPORT (f, internal, "export", "agenda-internal", "--meeting", "1");
  g_assert_cmpuint (mode_of (internal), ==, 0600);
  EXPORT (f, csv, "export", "participants-csv", "--meeting", "1");
  g_assert_cmpuint (mode_of (csv), ==, 0600);
  EXPORT (f, pack, "export", "pack", "--meeting", "1");
  g_assert_cmpuint (mode_of (pack), ==, 0600);
  EXPORT (f, applications, "export", "applications", "--call", "1", "--format", "csv");
  g_assert_cmpuint (mode_of (applications), ==, 0600);
  EXPORT (f, agenda, "export", "agenda", "--meeting", "1");
  g_assert_cmpuint (mode_of (agenda), ==, 0644);
  EXPORT (f, public, "export", "participants", "--public", "--meeting", "1");
  g_assert_cmpuint (mode_of (public), ==, 0644);
  EXPORT (f, ics, "export", "ical", "--meeting", "1");
  g_assert_cmpuint (mode_of (ics), ==, 0644);

  /* Re-exported: the mode the user gave stays. */
  g_assert_cmpint (g_chmod (agenda, 0600), ==, 0);
  EXPORT (f, agenda, "export", "agenda", "--meeting", "1");
  g_assert_cmpuint (mode_of (agenda), ==, 0600);
  g_assert_cmpint (g_chmod (participants, 0640), ==, 0);
  EXPORT (f, participants, "export", "participants", "--meeting", "1");
  g_assert_cmpuint (mode_of (participants), ==, 0640);

  /* The core API: the temporary file has the final mode from the start,
   * and nothing is left beside the file. */
  {
    g_autofree char *direct = path_in (f, "direct.txt");
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *name;

    g_assert_true (sec_export_write_file (direct, "abc", 3, SEC_FILE_PERSONAL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (mode_of (direct), ==, 0600);
    dir = g_dir_open (f->dir, 0, NULL);
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_null (strstr (name, ".txt."));
  }
  umask (old);
}

static char *
csv_line (const char *const *values,
          guint               n)
{
  g_autoptr(GString) out = g_string_new (NULL);

  sec_csv_append_record (out, values, n);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* OWASP: a cell a spreadsheet would run as a formula starts with "'". */
static void
test_csv_formulas (Fixture       *f,
                   gconstpointer  data)
{
  const char *values[] = { "=HYPERLINK(\"http://evil\")", "+32 2 123", "-1", "@SUM(A1)", "\tx", "\rx",
                           "plain", "a=b", "" };
  g_autofree char *line = csv_line (values, G_N_ELEMENTS (values));
  g_autofree char *csv = path_in (f, "participants.csv");
  g_autofree char *contents = NULL;

  g_assert_cmpstr (line, ==,
                   "\"'=HYPERLINK(\"\"http://evil\"\")\",'+32 2 123,'-1,'@SUM(A1),'\tx,\"'\rx\",plain,a=b,\r\n");

  sql (f, "UPDATE people SET family_name = '=1+cmd|'' /C calc''!A0', phone = '+32 2 000 00 00' "
          "WHERE id = (SELECT person_id FROM participants WHERE meeting_id = 1 ORDER BY id LIMIT 1)");
  EXPORT (f, csv, "export", "participants-csv", "--meeting", "1");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  sec_test_assert_contains (contents, ",'=1+cmd|' /C calc'!A0,");
  sec_test_assert_contains (contents, ",'+32 2 000 00 00,");
  g_assert_null (strstr (contents, ",=1"));
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  static const char *const refused[] = {
    "a@example.org?bcc=b@example.org", "a@example.org&attach=/etc/passwd", "a@example.org?",
    "a@b@example.org", "a@example.org,b@example.org", "a b@example.org", "a@example.org\n",
    "%61@example.org", "@example.org", "a@", "a", "", "a@example.org#x",
  };
  g_autofree char *plain = sec_export_dup_mailto ("anna.berg@example.org");

  g_assert_cmpstr (plain, ==, "mailto:anna.berg@example.org");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *uri = sec_export_dup_mailto (refused[i]);

      g_assert_null (uri);
    }
  g_assert_null (sec_export_dup_mailto (NULL));

  g_assert_true (sec_export_is_web_link ("https://meet.example.eu/a?b=c"));
  g_assert_true (sec_export_is_web_link ("http://example.org"));
  g_assert_false (sec_export_is_web_link ("javascript:alert(1)"));
  g_assert_false (sec_export_is_web_link ("file:///etc/passwd"));
  g_assert_false (sec_export_is_web_link ("https://x.example/a\r\nBEGIN:VALARM"));
  g_assert_false (sec_export_is_web_link ("https:///nohost"));
  g_assert_false (sec_export_is_web_link (NULL));
}

/* A zone that is a path is refused with a message, at once: the old code
 * opened /usr/share/zoneinfo/../../../tmp/FIFO and blocked for ever. */
static void
test_timezone (Fixture       *f,
               gconstpointer  data)
{
  static const char *const bad[] = { "../../tmp/x", "/etc/localtime", "Europe/../../x", "a b", "Europe//Paris",
                                     "Europe/", "", "Europe/Brussels\n" };
  g_autofree char *name = g_strdup_printf ("secretariat-tz-%d", (int) getpid ());
  g_autofree char *fifo = g_build_filename ("/tmp", name, NULL);
  g_autofree char *zone = g_strdup_printf ("../../../tmp/%s", name);
  g_autofree char *update = g_strdup_printf ("UPDATE meetings SET timezone = '%s' WHERE id = 1", zone);
  g_autofree char *ics = path_in (f, "meeting.ics");
  g_autofree char *pdf = path_in (f, "agenda.pdf");
  Run run;

  g_assert_true (sec_time_zone_id_is_safe ("Europe/Brussels"));
  g_assert_true (sec_time_zone_id_is_safe ("America/Argentina/Buenos_Aires"));
  g_assert_true (sec_time_zone_id_is_safe ("Etc/GMT+1"));
  g_assert_true (sec_time_zone_id_is_safe ("UTC"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (sec_time_zone_id_is_safe (bad[i]));
  g_assert_null (sec_time_zone_new ("../../tmp/x"));

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* The record's own check (the editor's) must not open the FIFO either. */
  g_assert_false (sec_check_timezone (zone));
  g_assert_true (sec_check_timezone ("Europe/Brussels"));
  sql (f, update);
  run = RUN (f, "export", "ical", "--meeting", "1", "--output", ics);
  g_assert_cmpint (run.status, ==, 1);
  sec_test_assert_contains (run.err, "is not a time zone name");
  run_clear (&run);
  run = RUN (f, "export", "agenda", "--meeting", "1", "--output", pdf);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
  g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
  g_unlink (fifo);
}

/* A line break in the online link stays inside one property: no
 * BEGIN:VALARM of its own, no URL that is not a web address. */
static void
test_ical_injection (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *ics = path_in (f, "meeting.ics");
  g_autofree char *contents = NULL;
  g_autofree char *quoted = sec_ical_quote_param ("a:b;c\"d");
  g_auto(GStrv) lines = NULL;

  g_assert_cmpstr (quoted, ==, "\"a:b;cd\"");
  sql (f, "UPDATE meetings SET online_link = 'https://meet.example.eu/x' || char(13, 10) || "
          "'BEGIN:VALARM' || char(13, 10) || 'TRIGGER:-PT5M' || char(10) || 'END:VALARM', venue = NULL "
          "WHERE id = 1");
  EXPORT (f, ics, "export", "ical", "--meeting", "1");
  g_assert_true (g_file_get_contents (ics, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_false (g_str_has_prefix (lines[i], "BEGIN:VALARM"));
      g_assert_false (g_str_has_prefix (lines[i], "TRIGGER"));
      g_assert_false (g_str_has_prefix (lines[i], "URL:"));
    }
  sec_test_assert_contains (contents, "BEGIN:VALARM"); /* escaped, inside a text */
}

/* Invalid UTF-8 from the database: the documents are made all the same
 * (under ASan: no read past the end), the CSV is valid UTF-8. */
static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  static const char *const kinds[] = { "participants", "attendance", "pack", "agenda-internal" };
  g_autofree char *csv = path_in (f, "participants.csv");
  g_autofree char *contents = NULL;

  sql (f, "UPDATE people SET email = CAST(X'616263C3' || X'40' || X'E282' AS TEXT), "
          "family_name = CAST(X'4265726722F0908D' AS TEXT), "
          "dietary_needs = CAST(X'FFFE0001' AS TEXT), needs_consent = 1 "
          "WHERE id = (SELECT person_id FROM participants WHERE meeting_id = 1 ORDER BY id LIMIT 1)");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strconcat (kinds[i], ".pdf", NULL);
      g_autofree char *pdf = path_in (f, name);

      EXPORT (f, pdf, "export", kinds[i], "--meeting", "1");
      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    }
  EXPORT (f, csv, "export", "participants-csv", "--meeting", "1");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_utf8_validate (contents, -1, NULL));
}

/* Control characters in names never reach the terminal raw. */
static void
test_terminal (Fixture       *f,
               gconstpointer  data)
{
  Run run;
  gsize size;
  const char *out;

  sql (f, "UPDATE people SET family_name = 'Berg' || char(27) || ']0;owned' || char(7) || char(27) || '[2J' "
          "|| char(155) || char(127) WHERE id = 1");
  run = RUN (f, "list", "people");
  g_assert_cmpint (run.status, ==, 0);
  out = g_bytes_get_data (run.out, &size);
  g_assert_null (memchr (out, 0x1b, size));
  g_assert_null (memchr (out, 0x07, size));
  g_assert_null (memchr (out, 0x7f, size));
  g_assert_null (g_strstr_len (out, (gssize) size, "\xc2\x9b"));
  g_assert_nonnull (g_strstr_len (out, (gssize) size, "Berg\xef\xbf\xbd]0;owned"));
  run_clear (&run);

  /* A file name in a message too. */
  run = RUN (f, "export", "agenda", "--meeting", "1", "--output", "a\x1b[2Jb.pdf");
  g_assert_cmpint (run.status, ==, 0);
  out = g_bytes_get_data (run.out, &size);
  g_assert_null (memchr (out, 0x1b, size));
  run_clear (&run);
}

/* A 70,000-character needs field (one word, the worst case: a line break
 * at any character) is laid out in linear time. */
static void
test_long_field (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) needs = g_string_new (NULL);
  g_autoptr(SecDocument) doc = sec_document_new ("Long");
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = path_in (f, "long.pdf");
  g_autofree char *update = NULL;
  SecDocumentColumn columns[] = { { "Name", 20, SEC_COLUMN_DEFAULT }, { "Needs", 20, SEC_COLUMN_SMALL } };
  gint64 start;
  double seconds;
#if defined(__SANITIZE_ADDRESS__)
  const double bound = 30.0;
#else
  const double bound = 5.0;
#endif

  while (needs->len < 70000)
    g_string_append (needs, "needs");

  sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  sec_document_add_row (doc, SEC_ROW_NORMAL, (const char *const[]) { "Anna", needs->str });
  sec_document_end_table (doc);
  start = g_get_monotonic_time ();
  pdf = sec_document_to_pdf (doc, SEC_PAPER_A4, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_test_message ("70,000-character cell laid out in %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, bound);

  /* Needs only with the person's consent (migration 12). */
  update = g_strdup_printf ("UPDATE people SET needs_consent = 1 WHERE id = (SELECT person_id FROM participants"
                            " WHERE id = (SELECT MIN(id) FROM participants WHERE meeting_id = 1));"
                            "UPDATE participants SET needs = '%s' WHERE id = "
                            "(SELECT MIN(id) FROM participants WHERE meeting_id = 1)", needs->str);
  sql (f, update);
  start = g_get_monotonic_time ();
  EXPORT (f, output, "export", "participants", "--meeting", "1");
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("list of participants with a 70,000-character need exported in %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, bound);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/safe-exports/refused", test_refused);
  ADD ("/safe-exports/symlink", test_symlink);
  ADD ("/safe-exports/stdout", test_stdout);
  ADD ("/safe-exports/modes", test_modes);
  ADD ("/safe-exports/csv-formulas", test_csv_formulas);
  ADD ("/safe-exports/links", test_links);
  ADD ("/safe-exports/timezone", test_timezone);
  ADD ("/safe-exports/ical-injection", test_ical_injection);
  ADD ("/safe-exports/invalid-utf8", test_invalid_utf8);
  ADD ("/safe-exports/terminal", test_terminal);
  ADD ("/safe-exports/long-field", test_long_field);
#undef ADD

  return g_test_run ();
}
