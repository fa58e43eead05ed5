/* test-call-documents.c: the documents of a call, read back: the PDFs with
 * pdftotext (and checked with qpdf), the CSV parsed again. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/documents/sec-call-documents.h"
#include "cli/sec-demo.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char     *dir;
  SecStore *store;
  SecCall  *call;   /* the demo's 2018 targeted call, checked by its rules */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sec_test_make_tmp_dir ("sec-call-documents-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  f->call = SEC_CALL (sec_test_find_one (f->store, SEC_TYPE_CALL, "reference", "CSP-2018-DK-EE-MT"));
  /* The rules the call declares, so that the applications carry the
   * check's results, versions and late flags. */
  sec_record_set_string (SEC_RECORD (f->call), "eligible-kinds", "civil-society");
  sec_record_set_string (SEC_RECORD (f->call), "thematic-focus", NULL);
  g_assert_true (sec_call_save (f->store, f->call, &error));
  g_assert_no_error (error);

  /* The demo records the selected applications' memberships apart: link
   * them, as a selection made in the application does. */
  {
    g_autoptr(SecQuery) selected = sec_query_new ();
    g_autofree char *call_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (SEC_RECORD (f->call)));
    g_autoptr(GPtrArray) apps = NULL;

    sec_query_add (selected, "call", SEC_QUERY_EQUALS, call_id);
    sec_query_add (selected, "outcome", SEC_QUERY_EQUALS, "selected");
    apps = sec_store_list (f->store, SEC_TYPE_APPLICATION, selected, &error);
    g_assert_cmpuint (apps->len, ==, 3);
    for (guint i = 0; i < apps->len; i++)
      {
        SecRecord *app = g_ptr_array_index (apps, i);
        g_autoptr(SecQuery) mq = sec_query_new ();
        g_autofree char *org_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_ref (app, "organisation"));
        g_autoptr(GPtrArray) memberships = NULL;

        sec_query_add (mq, "organisation", SEC_QUERY_EQUALS, org_id);
        sec_query_add (mq, "call", SEC_QUERY_EQUALS, call_id);
        memberships = sec_store_list (f->store, SEC_TYPE_MEMBERSHIP, mq, &error);
        g_assert_cmpuint (memberships->len, ==, 1);
        sec_record_set_ref (app, "membership", sec_record_get_id (g_ptr_array_index (memberships, 0)));
        g_assert_true (sec_application_save (f->store, SEC_APPLICATION (app), &error));
        g_assert_no_error (error);
      }
  }
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->call);
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

static int
column_of (GStrv header, const char *name)
{
  for (guint i = 0; header[i]; i++)
    if (g_str_equal (header[i], name))
      return (int) i;
  g_error ("no column “%s”", name);
  return -1;
}

static void
test_applications_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecDocument) doc = sec_call_document_applications (f->store, f->call, NULL, &error);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  int tartu, zabbar;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  raw = sec_test_pdf_text_at (doc, f->dir, "applications.pdf");
  text = sec_test_squeeze (raw);
  g_test_message ("%s", raw);

  /* The header, the call's facts and rules, the counts. */
  sec_test_assert_contains (text, "2018 targeted call for expression of interest: Denmark, Estonia and Malta");
  sec_test_assert_contains (text, "Deadline: 25 April 2018, 23:59 (Europe/Brussels)");
  sec_test_assert_contains (text, "Eligible countries: Denmark, Estonia, Malta");
  sec_test_assert_contains (text, "Eligible kinds of organisation: Civil society organisation");
  sec_test_assert_contains (text, "9 applications: 6 eligible, 3 not eligible, 0 not checked; 1 received late.");
  sec_test_assert_contains (text, "Outcome: 3 selected, 2 on the reserve list, 4 rejected, 0 pending.");
  sec_test_assert_contains (text, "Page 1 of");
  /* Names in their own alphabets, the late one, the reasons. */
  sec_test_assert_contains (text, "Ċentru Appoġġ għan-Nisa");
  sec_test_assert_contains (text, "Fondazzjoni Dar il-Ħniena");
  sec_test_assert_contains (text, "MTÜ Vabaduse Sild");
  sec_test_assert_contains (text, "Föreningen Trygg Återvändo");
  sec_test_assert_contains (text, "Late");
  sec_test_assert_contains (text, "Denmark, Estonia and Malta only: the organisation is based in Sweden");
  sec_test_assert_contains (text, "Civil society organisation only: the organisation is registered as “Other”");
  sec_test_assert_contains (text, "Member from 1 July 2018");

  /* In the order received: the first (3 April) before the late one. */
  lines = g_strsplit (raw, "\n", -1);
  tartu = sec_test_line_of (lines, "MTÜ Vabaduse Sild");
  zabbar = sec_test_line_of (lines, "Ċentru Appoġġ");
  g_assert_cmpint (tartu, >=, 0);
  g_assert_cmpint (zabbar, >, tartu);
}

static void
test_applications_csv (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = sec_call_csv_applications (f->store, f->call, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *call_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (SEC_RECORD (f->call)));
  g_autoptr(GPtrArray) apps = NULL;
  GStrv header;
  int c_name, c_code, c_country, c_received, c_late, c_version, c_eligibility, c_rule, c_reason, c_outcome, c_member;
  guint late = 0;

  g_assert_no_error (error);
  rows = sec_test_parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 10);
  header = g_ptr_array_index (rows, 0);
  c_name = column_of (header, "Organisation");
  c_code = column_of (header, "Country code");
  c_country = column_of (header, "Country");
  c_received = column_of (header, "Received");
  c_late = column_of (header, "Received after the deadline");
  c_version = column_of (header, "Version of the call");
  c_eligibility = column_of (header, "Eligibility");
  c_rule = column_of (header, "Rule not met");
  c_reason = column_of (header, "Reason");
  c_outcome = column_of (header, "Outcome");
  c_member = column_of (header, "Member from");

  sec_query_add (q, "call", SEC_QUERY_EQUALS, call_id);
  apps = sec_store_list (f->store, SEC_TYPE_APPLICATION, q, &error);
  g_assert_cmpuint (apps->len, ==, 9);

  /* Every application, as stored, once. */
  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      SecRecord *app = NULL;

      g_autofree char *number = g_strdup_printf ("%u", i);

      g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (header));
      g_assert_cmpstr (row[0], ==, number);
      for (guint j = 0; j < apps->len; j++)
        if (g_str_equal (sec_record_get_derived (g_ptr_array_index (apps, j), "organisation-name"), row[c_name]))
          app = g_ptr_array_index (apps, j);
      g_assert_nonnull (app);
      g_assert_cmpstr (row[c_code], ==, sec_record_get_derived (app, "country"));
      g_assert_cmpstr (row[c_received], ==, sec_record_get_string (app, "received-at"));
      g_assert_cmpstr (row[c_late], ==, sec_record_get_bool (app, "late") ? "Yes" : "No");
      g_assert_cmpint (atoi (row[c_version]), ==, sec_record_get_int (app, "call-version"));
      g_assert_cmpstr (row[c_reason], ==, sec_record_get_string (app, "eligibility-reason") ?
                                          sec_record_get_string (app, "eligibility-reason") : "");
      late += g_str_equal (row[c_late], "Yes");
      if (g_str_equal (row[c_code], "SE"))
        {
          g_assert_cmpstr (row[c_country], ==, "Sweden");
          g_assert_cmpstr (row[c_eligibility], ==, "Not eligible");
          g_assert_cmpstr (row[c_rule], ==, "Eligible countries");
        }
      if (g_str_equal (row[c_name], "MTÜ Vabaduse Sild"))
        {
          g_assert_cmpstr (row[c_outcome], ==, "Selected");
          g_assert_cmpstr (row[c_version], ==, "1");
          g_assert_cmpstr (row[c_member], ==, "2018-07-01");
        }
      else if (!g_str_equal (row[c_outcome], "Selected"))
        g_assert_cmpstr (row[c_member], ==, "");
    }
  g_assert_cmpuint (late, ==, 1);
  /* The rows come in the order received. */
  for (guint i = 2; i < rows->len; i++)
    g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, i - 1))[c_received], <=,
                     ((GStrv) g_ptr_array_index (rows, i))[c_received]);
}

static void
test_selection_report (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecDocument) doc = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  doc = sec_call_document_selection_report (f->store, f->call, NULL, &error);
  g_assert_no_error (error);
  raw = sec_test_pdf_text_at (doc, f->dir, "selection.pdf");
  text = sec_test_squeeze (raw);
  g_test_message ("%s", raw);

  sec_test_assert_contains (text, "Selected (3)");
  sec_test_assert_contains (text, "Reserve list (2)");
  sec_test_assert_contains (text, "Not selected (1)");
  sec_test_assert_contains (text, "Not eligible (3)");
  sec_test_assert_contains (text, "Geographical balance");
  sec_test_assert_contains (text, "Members on 25 April 2018");
  sec_test_assert_contains (text, "Members on 1 July 2018");
  sec_test_assert_contains (text, "Versions of the call");
  sec_test_assert_contains (text, "Version 1, published on 20 March 2018");
  sec_test_assert_contains (text, "Version 2, erratum of 9 April 2018");
  sec_test_assert_contains (text, "Deadline 25 April 2018, 23:59 (Europe/Brussels): received 26 April 2018, 08:15");
  /* The balance has every Member State, those without members too. */
  sec_test_assert_contains (text, "Belgium");
  sec_test_assert_contains (text, "Sweden");
  sec_test_assert_contains (text, "Malta");
}

static void
test_other_language (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecDocument) doc = sec_call_document_applications (f->store, f->call, "fr", &error);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  raw = sec_test_pdf_text_at (doc, f->dir, "applications-fr.pdf");
  text = sec_test_squeeze (raw);
  /* Dates and country names follow the language (the strings too, once
   * they are translated). */
  sec_test_assert_contains (text, "Ċentru Appoġġ għan-Nisa");
  sec_test_assert_contains (text, "25 avril 2018, 23:59");
  sec_test_assert_contains (text, "Danemark");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/call-documents/applications-pdf", test_applications_pdf);
  ADD ("/call-documents/applications-csv", test_applications_csv);
  ADD ("/call-documents/selection-report", test_selection_report);
  ADD ("/call-documents/other-language", test_other_language);
#undef ADD

  return g_test_run ();
}
