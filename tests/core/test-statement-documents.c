/* test-statement-documents.c: the documents of a joint statement, read
 * back: the PDFs with pdftotext (and checked with qpdf), the CSV parsed
 * again. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cli/sec-demo.h"
#include "core/store/sec-records.h"
#include "core/documents/sec-statement-documents.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char         *dir;
  SecStore     *store;
  SecStatement *statement;  /* the demo's 2018 Joint Statement */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = sec_test_make_tmp_dir ("sec-statement-documents-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  f->statement = SEC_STATEMENT (sec_test_find_one (f->store, SEC_TYPE_STATEMENT, "signed-on", "2018-06-13"));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->statement);
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

static void
test_statement_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecDocument) doc = sec_statement_document (f->store, f->statement, NULL, &error);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *order[] = { "EASO", "Europol", "eu-LISA", "EMCDDA", "Eurojust", "EIGE", "Frontex", "FRA", "CEPOL", "Eurofound" };
  int last = -1;

  g_assert_no_error (error);
  raw = sec_test_pdf_text_at (doc, f->dir, "statement.pdf");
  text = sec_test_squeeze (raw);
  g_test_message ("%s", raw);

  sec_test_assert_contains (text, "Joint Statement of commitment to working together against trafficking in human beings");
  sec_test_assert_contains (text, "Signed on: 13 June 2018");
  sec_test_assert_contains (text, "Place: Brussels");
  sec_test_assert_contains (text, "Signed at meeting:");
  sec_test_assert_contains (text, "Builds on: Joint Statement of the Heads of the EU Justice and Home Affairs Agencies");
  sec_test_assert_contains (text, "(18 October 2011)");
  sec_test_assert_contains (text, "Signatories (10)");
  sec_test_assert_contains (text, "Virginija Langbakk");
  sec_test_assert_contains (text, "Commitments");
  sec_test_assert_contains (text, "Counter the culture of impunity");

  /* The signatories in signing order. */
  lines = g_strsplit (raw, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *needle = g_strdup_printf ("(%s)", order[i]);
      int at = sec_test_line_of (lines, needle);

      g_test_message ("%s on line %d", order[i], at);
      g_assert_cmpint (at, >, last);
      last = at;
    }
}

static void
test_monitoring_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecDocument) doc = sec_statement_document_monitoring (f->store, f->statement, 0, NULL, &error);
  g_autoptr(SecDocument) doc2019 = NULL;
  g_autoptr(SecStatementGrid) grid = sec_statement_get_grid (f->store, f->statement, 0, NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  SecProgress p;

  g_assert_no_error (error);
  raw = sec_test_pdf_text_at (doc, f->dir, "monitoring.pdf");
  text = sec_test_squeeze (raw);
  g_test_message ("%s", raw);

  sec_statement_grid_get_progress (grid, &p);
  expected = g_strdup_printf ("%d %% done: %u of the %u cells that apply (%u in all).",
                              p.percent_done, p.counts[SEC_FOLLOW_UP_DONE], p.applicable, p.total);
  sec_test_assert_contains (text, "Monitoring report");
  sec_test_assert_contains (text, "Latest follow-up");
  sec_test_assert_contains (text, expected);
  sec_test_assert_contains (text, "Progress of each signatory");
  sec_test_assert_contains (text, "1. Counter the culture of impunity");
  sec_test_assert_contains (text, "In progress");
  sec_test_assert_contains (text, "18 October 2019");
  sec_test_assert_contains (text, "a gender-specific approach in the agency’s work on trafficking");

  doc2019 = sec_statement_document_monitoring (f->store, f->statement, 2019, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&raw, g_free);
  g_clear_pointer (&text, g_free);
  raw = sec_test_pdf_text_at (doc2019, f->dir, "monitoring-2019.pdf");
  text = sec_test_squeeze (raw);
  sec_test_assert_contains (text, "Follow-up in 2019");
  g_assert_null (strstr (text, "16 October 2020"));
}

static void
test_monitoring_csv (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = sec_statement_csv_monitoring (f->store, f->statement, 0, NULL, &error);
  g_autoptr(SecStatementGrid) grid = sec_statement_get_grid (f->store, f->statement, 0, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  guint n_rows, n_columns, recorded = 0;
  GStrv header;

  g_assert_no_error (error);
  rows = sec_test_parse_csv (csv);
  n_rows = sec_statement_grid_get_n_commitments (grid);
  n_columns = sec_statement_grid_get_n_signatories (grid);
  g_assert_cmpuint (rows->len, ==, 1 + n_rows * n_columns);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (header[0], ==, "Commitment number");
  g_assert_cmpstr (header[3], ==, "Organisation");
  g_assert_cmpstr (header[6], ==, "Status");
  g_assert_cmpstr (header[9], ==, "Evidence link");

  /* Cell by cell, as the grid has it. */
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        GStrv row = g_ptr_array_index (rows, 1 + r * n_columns + c);
        const SecGridCell *cell = sec_statement_grid_get_cell (grid, r, c);
        SecRecord *sig = SEC_RECORD (sec_statement_grid_get_signatory (grid, c));
        SecRecord *commitment = SEC_RECORD (sec_statement_grid_get_commitment (grid, r));
        g_autofree char *number = g_strdup_printf ("%u", r + 1);
        g_autofree char *order = g_strdup_printf ("%u", c + 1);

        g_assert_cmpuint (g_strv_length (row), ==, 10);
        g_assert_cmpstr (row[0], ==, number);
        g_assert_cmpstr (row[1], ==, sec_record_get_string (commitment, "text"));
        g_assert_cmpstr (row[2], ==, order);
        g_assert_cmpstr (row[3], ==, sec_record_get_derived (sig, "organisation-name"));
        g_assert_cmpstr (row[6], ==, sec_follow_up_status_label (cell->status));
        g_assert_cmpstr (row[7], ==, cell->date ? cell->date : "");
        g_assert_cmpstr (row[8], ==, cell->note ? cell->note : "");
        recorded += cell->follow_up_id != 0;
      }
  /* The demo has a follow-up in every cell of the latest grid. */
  g_assert_cmpuint (recorded, ==, n_rows * n_columns);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/statement-documents/statement-pdf", test_statement_pdf);
  ADD ("/statement-documents/monitoring-pdf", test_monitoring_pdf);
  ADD ("/statement-documents/monitoring-csv", test_monitoring_csv);
#undef ADD

  return g_test_run ();
}
