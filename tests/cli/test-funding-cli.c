/* test-funding-cli.c: the funding commands of `secretariat`, run as the
 * real program on the demo data: `list programmes|funding-calls|projects`,
 * `export portfolio` (PDF read back with pdftotext, CSV parsed again, with
 * --programme and --theme) and `export funding-call-ical`; unknown ids and
 * programmes exit with 1, wrong options with 2, and neither writes a file. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char *dir;
  char *db;
  char *call;   /* the AMIF 2018 call's id, as text */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sec_test_make_tmp_dir ("test-funding-cli-XXXXXX");
  store = sec_test_open_demo (f->dir, &f->db);
  sec_query_add (query, "deadline", SEC_QUERY_EQUALS, "2019-01-31T17:00");
  found = sec_store_list (store, SEC_TYPE_FUNDING_CALL, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  f->call = sec_test_id_text (sec_record_get_id (g_ptr_array_index (found, 0)));
  sec_store_close (store);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->call);
}

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

static void
test_list (Fixture *f, gconstpointer data)
{
  {
    g_auto(SecTestResult) r = run (f, "list", "programmes");

    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "\tERC\t2007\t");
    sec_test_assert_contains (r.out, "\tAMIF\t2014\t2020\n");
  }
  {
    g_auto(SecTestResult) r = run (f, "list", "funding-calls", "--search", "trafficking");
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);

    g_assert_cmpint (r.status, ==, 0);
    /* The three calls name trafficking in their topics or titles. */
    g_assert_cmpuint (g_strv_length (lines), ==, 3 + 1);
    sec_test_assert_contains (r.out, "\tISF Police\t2017\t");
    sec_test_assert_contains (r.out, "2018-01-31T17:00");
  }
  {
    g_auto(SecTestResult) r = run (f, "list", "projects", "--search", "anticorrp");

    g_assert_cmpint (r.status, ==, 0);
    sec_test_assert_contains (r.out, "\tANTICORRP\tAnticorruption Policies Revisited");
    sec_test_assert_contains (r.out, "\tFP7 290529\tFP7\tThe Quality of Government Institute (University of Gothenburg)"
                                     "\t7999182\t2012-03-01\t2017-02-28\t");
    g_assert_null (strstr (r.out, "SWAB"));
  }
}

static void
test_portfolio_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "portfolio.pdf");
  g_auto(SecTestResult) r = run (f, "export", "portfolio", "--language", "en", "--output", path);
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  int status = 0;

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  sec_test_assert_contains (r.out, "Portfolio report written to");
  raw = sec_test_spawn (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  text = sec_test_squeeze (raw);
  sec_test_assert_contains (text, "Portfolio of funded projects");
  sec_test_assert_contains (text, "ANTICORRP");
  sec_test_assert_contains (text, "SWAB");
  sec_test_assert_contains (text, "Kosovar Stability Initiative");
  sec_test_assert_contains (text, "Kosovo");
  sec_test_assert_contains (text, "Partners by country");
  sec_test_assert_contains (text, "60 months");
  sec_test_assert_contains (text, "24 months");
  /* A section per project. */
  sec_test_assert_contains (text, "GLOMIG – Global Migration");
}

static void
test_portfolio_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "portfolio.csv");
  g_autofree char *fp7 = path_in (f, "fp7.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GStrv anticorrp = NULL;

  {
    g_auto(SecTestResult) r = run (f, "export", "portfolio", "--language", "en", "--output", path);

    g_assert_cmpint (r.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  rows = sec_test_parse_csv (contents);
  g_assert_cmpuint (rows->len, ==, 1 + 6);
  for (guint i = 1; i < rows->len; i++)
    if (g_str_equal (((GStrv) g_ptr_array_index (rows, i))[0], "ANTICORRP"))
      anticorrp = g_ptr_array_index (rows, i);
  g_assert_nonnull (anticorrp);
  g_assert_cmpstr (anticorrp[3], ==, "FP7 290529");
  /* Member States in protocol order, then the others by name. */
  g_assert_cmpstr (anticorrp[5], ==, "BG DE GR HR IT LV HU NL RO SK SE XK CH TR GB");
  g_assert_cmpstr (anticorrp[8], ==, "60");
  g_assert_cmpstr (anticorrp[9], ==, "7999182");

  /* One programme, by its short name; one theme. */
  {
    g_auto(SecTestResult) r = run (f, "export", "portfolio", "--programme", "fp7", "--output", fp7);

    g_assert_cmpint (r.status, ==, 0);
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (fp7, &contents, NULL, NULL));
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = sec_test_parse_csv (contents);
    g_assert_cmpuint (rows->len, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "export", "portfolio", "--theme", "Migration", "--format", "csv",
                                   "--output", "-");

    g_assert_cmpint (r.status, ==, 0);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = sec_test_parse_csv (r.out);
    /* GLOMIG, On the Move, Digital Crossings, EUBorderCare. */
    g_assert_cmpuint (rows->len, ==, 1 + 4);
  }
}

static void
test_call_ical (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "deadline.ics");
  g_auto(SecTestResult) r = run (f, "export", "funding-call-ical", "--call", f->call, "--output", path);
  g_autofree char *contents = NULL;

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  sec_test_assert_contains (contents, "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n");
  sec_test_assert_contains (contents, "DTSTART;TZID=Europe/Brussels:20190131T170000\r\n");
  sec_test_assert_contains (contents, "SUMMARY:Deadline: Asylum\\, Migration and Integration Fund");
  sec_test_assert_contains (contents, "TRIGGER:-P7D");
  g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "never.pdf");
  struct {
    const char *args[10];
    int         status;
    const char *message;
  } cases[] = {
    { { "export", "portfolio", "--programme", "FP9", "--output", path }, 1, "No funding programme “FP9”" },
    { { "export", "funding-call-ical", "--call", "999", "--output", path }, 1, "No call for proposals with the id 999" },
    { { "export", "funding-call-ical", "--output", path }, 2, "Missing --call ID" },
    { { "export", "portfolio", "--call", "1", "--output", path }, 2, "--call does not apply to “portfolio”" },
    { { "export", "portfolio", "--format", "xml", "--output", path }, 2, "Unknown format “xml”" },
    { { "export", "funding-call-ical", "--call", "1", "--theme", "x", "--output", path }, 2,
      "--theme does not apply to “funding-call-ical”" },
    { { "export", "agenda", "--meeting", "1", "--programme", "FP7", "--output", path }, 2,
      "--programme does not apply to “agenda”" },
    { { "export", "portfolio" }, 2, "Missing --output FILE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SecTestResult) r = run_argv (f, cases[i].args);

      g_assert_cmpint (r.status, ==, cases[i].status);
      sec_test_assert_contains (r.err, cases[i].message);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/funding-cli/list", test_list);
  ADD ("/funding-cli/portfolio-pdf", test_portfolio_pdf);
  ADD ("/funding-cli/portfolio-csv", test_portfolio_csv);
  ADD ("/funding-cli/call-ical", test_call_ical);
  ADD ("/funding-cli/errors", test_errors);

  return g_test_run ();
}
