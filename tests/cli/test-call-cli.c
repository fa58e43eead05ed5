/* test-call-cli.c: `secretariat export` for calls and joint statements, run
 * as the real program ($SECRETARIAT) on the demo data: each document is
 * written and read back (PDFs checked by qpdf and read with pdftotext, CSV
 * parsed again); unknown ids exit with 1 and wrong options with 2, and
 * neither writes anything. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char   *dir;
  char   *db;
  char   *call;       /* the id of the 2018 targeted call, as text */
  char   *statement;  /* the id of the 2018 joint statement */
} Fixture;


static char *
find_id (SecStore *store, GType kind, const char *field, const char *value)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  found = sec_store_list (store, kind, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return sec_test_id_text (sec_record_get_id (g_ptr_array_index (found, 0)));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(SecStore) store = NULL;

  f->dir = sec_test_make_tmp_dir ("test-call-cli-XXXXXX");
  store = sec_test_open_demo (f->dir, &f->db);
  f->call = find_id (store, SEC_TYPE_CALL, "reference", "CSP-2018-DK-EE-MT");
  f->statement = find_id (store, SEC_TYPE_STATEMENT, "signed-on", "2018-06-13");
  sec_store_close (store);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->call);
  g_free (f->statement);
}

/* Runs `secretariat --database DB ARGS…` (NULL-terminated) in the
 * fixture's folder. */
static SecTestResult
run_argv (Fixture *f, const char *const *args)
{
  return sec_test_run_secretariat (f->dir, f->dir, f->db, args);
}

#define run(f, ...) run_argv ((f), (const char *const[]) { __VA_ARGS__, NULL })

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Checks @path with qpdf and returns its text (pdftotext -raw: a cell's
 * lines together), white space squeezed. */
static char *
pdf_text (const char *path)
{
  const char *check[] = { "qpdf", "--check", path, NULL };
  const char *text[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *check_out = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  check_out = sec_test_spawn (check, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  out = sec_test_spawn (text, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  /* A name wrapped in its cell ("Dar il-" / "Ħniena") is found whole. */
  return sec_test_squeeze (out);
}

/* The size of the first page in points, from pdfinfo. */
static void
pdf_page_size (const char *path, double *width, double *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;
  int status = 0;

  out = sec_test_spawn (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", width, height), ==, 2);
}

/* The records of a CSV file (after its byte order mark), read back. */
static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return sec_test_parse_csv (text);
}

static int
column_index (GStrv header, const char *name)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return (int) i;
  g_error ("No column “%s”", name);
  return -1;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Tests */

static void
test_applications_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "applications.pdf");
  g_auto(SecTestResult) r = run (f, "export", "applications", "--call", f->call, "--output", path, "--paper", "a4");
  g_autofree char *text = NULL;
  double width, height;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_prefix (r.out, "List of applications written to “"));
  text = pdf_text (path);
  /* The names as they are spelt, accents and all. */
  g_assert_nonnull (strstr (text, "Fondazzjoni Dar il-Ħniena"));
  g_assert_nonnull (strstr (text, "Ċentru Appoġġ għan-Nisa"));
  g_assert_nonnull (strstr (text, "Nordlys Støttecenter"));
  g_assert_nonnull (strstr (text, "MTÜ Vabaduse Sild"));
  g_assert_nonnull (strstr (text, "Föreningen Trygg Återvändo"));
  g_assert_nonnull (strstr (text, "2018 targeted call"));
  pdf_page_size (path, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 1.0);
}

static void
test_applications_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "applications.csv");
  g_auto(SecTestResult) r = run (f, "export", "applications", "--call", f->call, "--output", path, "--format", "csv");
  g_autoptr(GPtrArray) records = NULL;
  GStrv header;
  int organisation, eligibility, outcome, late;
  guint selected = 0, late_count = 0;
  gboolean malta = FALSE;

  g_assert_cmpint (r.status, ==, 0);
  records = read_csv (path);
  /* The header, then the nine applications. */
  g_assert_cmpuint (records->len, ==, 10);
  header = g_ptr_array_index (records, 0);
  organisation = column_index (header, "Organisation");
  eligibility = column_index (header, "Eligibility");
  outcome = column_index (header, "Outcome");
  late = column_index (header, "Received after the deadline");
  for (guint i = 1; i < records->len; i++)
    {
      GStrv record = g_ptr_array_index (records, i);

      g_assert_cmpuint (g_strv_length (record), ==, g_strv_length (header));
      g_assert_true (g_str_equal (record[eligibility], "Eligible") || g_str_equal (record[eligibility], "Not eligible"));
      selected += g_str_equal (record[outcome], "Selected");
      late_count += g_str_equal (record[late], "Yes");
      malta |= g_str_equal (record[organisation], "Għaqda Żgħażagħ għad-Drittijiet");
    }
  g_assert_cmpuint (selected, ==, 3);
  g_assert_cmpuint (late_count, ==, 1);
  g_assert_true (malta);
}

static void
test_selection_report (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "selection.pdf");
  g_auto(SecTestResult) r = run (f, "export", "selection-report", "--call", f->call, "--output", path,
                                 "--paper", "letter");
  g_autofree char *text = NULL;
  double width, height;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Selection report written to “"));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Selected (3)"));
  g_assert_nonnull (strstr (text, "Foreningen Fri Fremtid"));
  g_assert_nonnull (strstr (text, "Fondazzjoni Dar il-Ħniena"));
  g_assert_nonnull (strstr (text, "MTÜ Vabaduse Sild"));
  pdf_page_size (path, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 1.0);
  g_assert_cmpfloat_with_epsilon (height, 792, 1.0);
}

static void
test_statement (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "statement.pdf");
  g_auto(SecTestResult) r = run (f, "export", "statement", "--statement", f->statement, "--output", path,
                                 "--language", "en");
  g_autofree char *text = NULL;

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Joint statement written to “"));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Joint Statement of commitment"));
  for (const char *const *a = (const char *const[]) { "EASO", "Europol", "eu-LISA", "EMCDDA", "Eurojust", "EIGE",
                                                     "Frontex", "FRA", "CEPOL", "Eurofound", NULL }; *a; a++)
    g_assert_nonnull (strstr (text, *a));
  g_assert_nonnull (strstr (text, "European Union’s Judicial Cooperation Unit"));
}

static void
test_monitoring (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = path_in (f, "monitoring.pdf");
  g_autofree char *csv_path = path_in (f, "monitoring.csv");
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GStrv header;
  int year, status;

  {
    g_auto(SecTestResult) r = run (f, "export", "monitoring", "--statement", f->statement, "--output", pdf);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "Monitoring report written to “"));
  }
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Europol"));
  g_assert_nonnull (strstr (text, "Frontex"));

  {
    g_auto(SecTestResult) r = run (f, "export", "monitoring", "--statement", f->statement, "--output", csv_path,
                                   "--format", "csv", "--year", "2019");

    g_assert_cmpint (r.status, ==, 0);
  }
  records = read_csv (csv_path);
  /* One record per cell: 5 commitments by 10 signatories. */
  g_assert_cmpuint (records->len, ==, 1 + 5 * 10);
  header = g_ptr_array_index (records, 0);
  year = column_index (header, "Year");
  status = column_index (header, "Status");
  for (guint i = 1; i < records->len; i++)
    {
      GStrv record = g_ptr_array_index (records, i);
      const char *statuses[] = { "Not started", "In progress", "Done", "Not applicable", NULL };

      g_assert_true (g_str_equal (record[year], "2019") || g_str_equal (record[year], ""));
      g_assert_true (g_strv_contains (statuses, record[status]));
    }
}

/* Nothing is written for an id that is not there, and a file already at
 * the place is left as it was. */
static void
test_unknown_ids (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "out.pdf");
  g_autofree char *kept = path_in (f, "kept.pdf");
  g_autofree char *contents = NULL;
  const struct {
    const char *kind;
    const char *option;
    const char *message;
  } cases[] = {
    { "applications", "--call", "secretariat: No call with the id 4242\n" },
    { "selection-report", "--call", "secretariat: No call with the id 4242\n" },
    { "statement", "--statement", "secretariat: No joint statement with the id 4242\n" },
    { "monitoring", "--statement", "secretariat: No joint statement with the id 4242\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SecTestResult) r = run (f, "export", cases[i].kind, cases[i].option, "4242", "--output", path);

      g_assert_cmpint (r.status, ==, 1);
      g_assert_cmpstr (r.err, ==, cases[i].message);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* A call's id is not a statement's: the 2018 call is not a statement. */
  g_assert_true (g_file_set_contents (kept, "kept", -1, NULL));
  {
    g_auto(SecTestResult) r = run (f, "export", "monitoring", "--statement", "4242", "--output", kept,
                                   "--format", "csv");

    g_assert_cmpint (r.status, ==, 1);
  }
  contents = read_file (kept);
  g_assert_cmpstr (contents, ==, "kept");
  g_unlink (kept);

  /* Only the files of the fixture are there: no temporary file left. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_prefix (name, "demo.db"));
  }
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "out.csv");
  const char *const *cases[] = {
    (const char *const[]) { "export", "applications", "--call", f->call, "--output", path, "--format", "xml", NULL },
    (const char *const[]) { "export", "selection-report", "--call", f->call, "--output", path, "--format", "csv", NULL },
    (const char *const[]) { "export", "statement", "--statement", f->statement, "--output", path, "--format", "csv", NULL },
    (const char *const[]) { "export", "applications", "--output", path, NULL },
    (const char *const[]) { "export", "monitoring", "--call", f->call, "--output", path, NULL },
    (const char *const[]) { "export", "applications", "--call", f->call, "--meeting", "1", "--output", path, NULL },
    (const char *const[]) { "export", "applications", "--call", f->call, "--output", path, "--year", "2019", NULL },
    (const char *const[]) { "export", "monitoring", "--statement", f->statement, "--output", path, "--year", "1066", NULL },
    (const char *const[]) { "export", "applications", "--call", f->call, "--output", path, "--public", NULL },
    (const char *const[]) { "export", "applications", "--call", f->call, NULL },
    (const char *const[]) { "export", "applications", "--call", f->call, "--output", path, "--paper", "a5", NULL },
    (const char *const[]) { "export", "agenda", "--meeting", "1", "--output", path, "--format", "csv", NULL },
    (const char *const[]) { "export", "agenda", "--meeting", "1", "--call", f->call, "--output", path, NULL },
    (const char *const[]) { "export", "applications", "--call", "three", "--output", path, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SecTestResult) r = run_argv (f, cases[i]);

      g_test_message ("case %u: %s", i, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_true (g_str_has_prefix (r.err, "secretariat export: "));
      g_assert_nonnull (strstr (r.err, "Try “secretariat export --help”."));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_help (Fixture *f, gconstpointer data)
{
  g_auto(SecTestResult) r = run (f, "export", "--help");

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--call=ID"));
  g_assert_nonnull (strstr (r.out, "--statement=ID"));
  g_assert_nonnull (strstr (r.out, "--format=FORMAT"));
  g_assert_nonnull (strstr (r.out, "applications, selection-report, statement, monitoring"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/call-cli/applications-pdf", test_applications_pdf);
  ADD ("/call-cli/applications-csv", test_applications_csv);
  ADD ("/call-cli/selection-report", test_selection_report);
  ADD ("/call-cli/statement", test_statement);
  ADD ("/call-cli/monitoring", test_monitoring);
  ADD ("/call-cli/unknown-ids", test_unknown_ids);
  ADD ("/call-cli/usage-errors", test_usage_errors);
  ADD ("/call-cli/help", test_help);

  return g_test_run ();
}
