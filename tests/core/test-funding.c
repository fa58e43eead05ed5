/* test-funding.c: EU funding's rules and its documents on the demo data:
 * a call's status and time left across its zone, durations, amounts, the
 * filters of the project list (country, year, theme, organisation, a call's
 * status), the portfolio's totals and coverage (Member States in protocol
 * order, then the others: Kosovo, Switzerland, Türkiye, the United
 * Kingdom), the portfolio report and a deadline's iCalendar event; and the
 * store's refusals (a programme with calls cannot go, a partner twice). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/documents/sec-funding-documents.h"
#include "core/funding/sec-funding.h"
#include "core/funding/sec-portfolio.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char     *dir;
  char     *path;
  SecStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = sec_test_make_tmp_dir ("sec-funding-XXXXXX");
  f->store = sec_test_open_demo (f->dir, &f->path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GDateTime *
utc (const char *iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (iso, tz);
}

static GPtrArray *
list (Fixture *f, GType kind, const char *field, SecQueryOp op, const char *value)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  if (field != NULL)
    sec_query_add (query, field, op, value);
  records = sec_store_list (f->store, kind, query, &error);
  g_assert_no_error (error);
  return records;
}

static SecRecord *
find_project (Fixture *f, const char *acronym)
{
  g_autoptr(GPtrArray) found = list (f, SEC_TYPE_PROJECT, "acronym", SEC_QUERY_EQUALS, acronym);

  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

static char *
acronyms (GPtrArray *projects)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < projects->len; i++)
    g_string_append_printf (text, "%s%s", i ? "," : "", sec_record_get_string (g_ptr_array_index (projects, i), "acronym"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_durations (void)
{
  g_assert_cmpint (sec_funding_duration_months ("2012-03-01", "2017-02-28"), ==, 60);
  g_assert_cmpint (sec_funding_duration_months ("2006-04-01", "2008-03-31"), ==, 24);
  g_assert_cmpint (sec_funding_duration_months ("2015-08-01", "2020-07-31"), ==, 60);
  g_assert_cmpint (sec_funding_duration_months ("2016-01-01", "2016-01-31"), ==, 1);
  g_assert_cmpint (sec_funding_duration_months ("2016-01-15", "2016-02-13"), ==, 0);
  g_assert_cmpint (sec_funding_duration_months ("2016-01-15", "2016-02-14"), ==, 1);
  g_assert_cmpint (sec_funding_duration_months (NULL, "2016-02-14"), ==, -1);
  g_assert_cmpint (sec_funding_duration_months ("2016-02-30", "2017-02-14"), ==, -1);
}

static void
test_amounts_and_themes (void)
{
  g_autofree char *none = sec_funding_format_euros (0);
  g_autofree char *some = sec_funding_format_euros (935100);
  g_auto(GStrv) themes = sec_funding_split_themes (" migration,, victims' support ,gender");

  g_assert_cmpstr (none, ==, "");
  /* The grouping is the locale's (none in C); the digits are exact. */
  g_assert_nonnull (strstr (some, "€"));
  g_assert_nonnull (strstr (some, "935"));
  g_assert_nonnull (strstr (some, "100"));
  g_assert_cmpuint (g_strv_length (themes), ==, 3);
  g_assert_cmpstr (themes[1], ==, "victims' support");
}

static void
test_call_status (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) calls = list (f, SEC_TYPE_FUNDING_CALL, "deadline", SEC_QUERY_EQUALS, "2019-01-31T17:00");
  SecRecord *call;
  g_autoptr(GDateTime) before = utc ("2019-01-31T15:59:00Z");  /* 16:59 in Brussels */
  g_autoptr(GDateTime) after = utc ("2019-01-31T16:00:00Z");   /* 17:00 */
  g_autoptr(GDateTime) early = utc ("2018-12-01T12:00:00Z");
  g_autoptr(GDateTime) deadline = NULL;
  g_autofree char *left_days = NULL;
  g_autofree char *left_minutes = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *shown = NULL;

  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (sec_record_get_string (call, "deadline-timezone"), ==, "Europe/Brussels");
  g_assert_cmpint (sec_funding_call_status (call, before), ==, SEC_FUNDING_CALL_OPEN);
  g_assert_cmpint (sec_funding_call_status (call, after), ==, SEC_FUNDING_CALL_CLOSED);

  /* Published later than "now": forthcoming. */
  sec_record_set_string (call, "published-on", "2018-12-10");
  g_assert_cmpint (sec_funding_call_status (call, early), ==, SEC_FUNDING_CALL_FORTHCOMING);

  /* The same wall-clock time in another zone is another moment. */
  sec_record_set_string (call, "deadline-timezone", "America/New_York");
  g_assert_cmpint (sec_funding_call_status (call, after), ==, SEC_FUNDING_CALL_OPEN);
  sec_record_set_string (call, "deadline-timezone", "Europe/Brussels");

  /* A date alone closes at 17:00. */
  sec_record_set_string (call, "deadline", "2019-01-31");
  deadline = sec_funding_call_dup_deadline (call);
  g_assert_cmpint (g_date_time_get_hour (deadline), ==, 17);
  g_assert_cmpint (g_date_time_get_utc_offset (deadline) / G_TIME_SPAN_HOUR, ==, 1);

  left_days = sec_funding_format_time_left (deadline, early);
  g_assert_cmpstr (left_days, ==, "Closes in 61 days");
  left_minutes = sec_funding_format_time_left (deadline, before);
  g_assert_cmpstr (left_minutes, ==, "Closes in 1 minute");
  closed = sec_funding_format_time_left (deadline, after);
  g_assert_cmpstr (closed, ==, "Closed");
  shown = sec_funding_format_deadline (call);
  g_assert_nonnull (strstr (shown, "17:00 (Europe/Brussels)"));
}

static void
test_upcoming (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) january = utc ("2018-01-15T09:00:00Z");
  g_autoptr(GDateTime) february = utc ("2018-02-15T09:00:00Z");
  g_autoptr(GDateTime) later = utc ("2019-02-01T09:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sec_funding_list_upcoming_calls (f->store, january, &error);
  g_autoptr(GPtrArray) two = sec_funding_list_upcoming_calls (f->store, february, &error);
  g_autoptr(GPtrArray) none = sec_funding_list_upcoming_calls (f->store, later, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (all, 0), "deadline"), ==, "2018-01-31T17:00");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (all, 1), "deadline"), ==, "2018-03-01T17:00");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (all, 2), "deadline"), ==, "2019-01-31T17:00");
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) kosovo = list (f, SEC_TYPE_PROJECT, "country", SEC_QUERY_RELATION, "XK");
  g_autoptr(GPtrArray) italy = list (f, SEC_TYPE_PROJECT, "country", SEC_QUERY_RELATION, "IT");
  g_autoptr(GPtrArray) in_2007 = list (f, SEC_TYPE_PROJECT, "active-in", SEC_QUERY_RELATION, "2007");
  g_autoptr(GPtrArray) in_2017 = list (f, SEC_TYPE_PROJECT, "active-in", SEC_QUERY_RELATION, "2017");
  g_autoptr(GPtrArray) child = list (f, SEC_TYPE_PROJECT, "theme", SEC_QUERY_RELATION, "Child trafficking");
  g_autoptr(GPtrArray) closed = list (f, SEC_TYPE_FUNDING_CALL, "status", SEC_QUERY_RELATION, "3");
  g_autoptr(SecRecord) anticorrp = find_project (f, "ANTICORRP");
  g_autofree char *qog = sec_test_id_text (sec_record_get_ref (anticorrp, "coordinator"));
  g_autoptr(GPtrArray) of_qog = list (f, SEC_TYPE_PROJECT, "organisation", SEC_QUERY_RELATION, qog);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  g_assert_cmpstr ((a = acronyms (kosovo)), ==, "ANTICORRP");
  /* ANTICORRP's Italian partners, the EUI and Milan-Bicocca. */
  g_assert_cmpstr ((b = acronyms (italy)), ==, "ANTICORRP,EUBorderCare,SWAB");
  g_assert_cmpstr ((c = acronyms (in_2007)), ==, "GLOMIG");
  g_assert_cmpstr ((d = acronyms (in_2017)), ==, "ANTICORRP,Digital Crossings,EUBorderCare,On the Move,SWAB");
  g_assert_cmpstr ((e = acronyms (child)), ==, "On the Move");
  g_assert_cmpuint (of_qog->len, ==, 1);
  /* Every demo call's deadline has passed. */
  g_assert_cmpuint (closed->len, ==, 3);
}

static void
test_portfolio (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecPortfolio) all = sec_portfolio_new (f->store, NULL, NULL, &error);
  g_autoptr(SecPortfolio) erc = NULL;
  g_autoptr(SecPortfolio) unknown = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  SecPortfolioProject *first;
  gint64 total = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (all->projects->len, ==, 6);
  g_assert_cmpint (all->budget, ==, 7999182 + 250000 + 1432500 + 1992809 + 1498463 + 935100);
  for (guint i = 0; i < all->totals->len; i++)
    total += ((SecPortfolioTotal *) g_ptr_array_index (all->totals, i))->budget;
  g_assert_cmpint (total, ==, all->budget);
  {
    SecPortfolioTotal *t = g_ptr_array_index (all->totals, 0);

    g_assert_cmpstr (t->programme, ==, "ERC");
    g_assert_cmpint (t->year, ==, 2013);
  }

  first = g_ptr_array_index (all->projects, 0);
  g_assert_cmpstr (sec_record_get_string (first->project, "acronym"), ==, "ANTICORRP");
  g_assert_cmpuint (first->partners->len, ==, 20);
  g_assert_cmpint (first->months, ==, 60);

  for (guint i = 0; i < all->countries->len; i++)
    {
      SecPortfolioCountry *c = g_ptr_array_index (all->countries, i);

      g_string_append_printf (order, "%s%s:%u/%u", i ? " " : "", c->country, c->n_projects, c->n_partners);
    }
  /* Italy: ANTICORRP's three partners, the EUI and Milan-Bicocca; the
   * QoG Institute is coordinator and partner, and counts once. */
  g_assert_cmpstr (order->str, ==,
                   "BE:1/1 BG:1/1 DE:1/3 GR:1/1 HR:1/1 IT:3/5 LV:1/1 HU:1/1 NL:2/2 RO:1/1 SK:1/1 SE:1/1 "
                   "XK:1/1 CH:1/1 TR:2/2 GB:1/2");

  erc = sec_portfolio_new (f->store, "European Research Council", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (erc->projects->len, ==, 4);
  unknown = sec_portfolio_new (f->store, "FP9", NULL, &error);
  g_assert_null (unknown);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
}

static void
test_documents (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecPortfolio) portfolio = sec_portfolio_new (f->store, "FP7", NULL, &error);
  g_autoptr(SecDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *french = NULL;
  g_autoptr(SecDocument) doc_fr = NULL;
  g_autoptr(GPtrArray) calls = list (f, SEC_TYPE_FUNDING_CALL, NULL, 0, NULL);
  g_autoptr(SecRecord) bare = sec_record_new (SEC_TYPE_FUNDING_CALL);
  g_autofree char *ical = NULL;
  g_autofree char *none = NULL;

  g_assert_no_error (error);
  doc = sec_funding_document_portfolio (portfolio, "Programme: FP7", "en");
  text = sec_test_pdf_text_at (doc, f->dir, "fp7.pdf");
  squeezed = sec_test_squeeze (text);
  sec_test_assert_contains (squeezed, "Portfolio of funded projects");
  sec_test_assert_contains (squeezed, "Programme: FP7");
  sec_test_assert_contains (squeezed, "Kosovar Stability Initiative");
  sec_test_assert_contains (squeezed, "Partners (20)");

  doc_fr = sec_funding_document_portfolio (portfolio, NULL, "fr");
  french = sec_test_pdf_text_at (doc_fr, f->dir, "fp7-fr.pdf");
  sec_test_assert_contains (french, "Suisse");

  ical = sec_funding_call_ical (g_ptr_array_index (calls, 0), "uuid", &error);
  g_assert_no_error (error);
  sec_test_assert_contains (ical, "UID:funding-call-");
  sec_test_assert_contains (ical, "-uuid@secretariat\r\n");
  sec_test_assert_contains (ical, ";TZID=Europe/Brussels:");

  sec_record_set_string (bare, "title", "No deadline");
  none = sec_funding_call_ical (bare, "uuid", &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) anticorrp = find_project (f, "ANTICORRP");
  g_autoptr(GPtrArray) partners = list (f, SEC_TYPE_PROJECT_PARTNER, "short-name", SEC_QUERY_EQUALS, "IKS");
  g_autoptr(SecRecord) again = NULL;
  g_autoptr(SecRecord) backwards = sec_record_copy (anticorrp);

  /* A programme with calls and projects stays. */
  g_assert_false (sec_store_delete (f->store, SEC_TYPE_PROGRAMME, sec_record_get_ref (anticorrp, "programme"), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* An organisation is a partner of a project once. */
  g_assert_cmpuint (partners->len, ==, 1);
  again = sec_record_copy (g_ptr_array_index (partners, 0));
  _sec_record_set_id (again, 0);
  g_assert_false (sec_store_insert (f->store, again, &error));
  g_assert_nonnull (error);
  sec_test_assert_contains (error->message, "already a partner");
  g_clear_error (&error);

  /* An end before the start is refused with a message. */
  sec_record_set_string (backwards, "ends-on", "2011-01-01");
  g_assert_false (sec_record_validate (backwards, &error));
  g_assert_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/funding/durations", test_durations);
  g_test_add_func ("/funding/amounts-and-themes", test_amounts_and_themes);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/funding/call-status", test_call_status);
  ADD ("/funding/upcoming", test_upcoming);
  ADD ("/funding/filters", test_filters);
  ADD ("/funding/portfolio", test_portfolio);
  ADD ("/funding/documents", test_documents);
  ADD ("/funding/refusals", test_refusals);

  return g_test_run ();
}
