/* test-demo.c: the demo data, filled in-process into temporary databases:
 * its counts, the statement and its follow-ups, the meetings, the funding,
 * valid records and names in their own scripts, and a fill that refuses or
 * fails half-way (the calls and their applications: test-demo-calls.c) */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/funding/sec-funding.h"
#include "cli/sec-demo.h"
#include "core/store/sec-records.h"
#include "core/statements/sec-statements.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"
#include "sec-test-demo.h"
#include "sec-test-util.h"

typedef SecTestStoreFixture Fixture;

/* Tests */

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  static const char *const body_names[] = {
    "EU Civil Society Platform against trafficking in human beings",
    "EU Civil Society ePlatform against trafficking in human beings",
    "EU Network of National Rapporteurs or Equivalent Mechanisms",
    "Coordination Network of the EU Agencies’ contact points on trafficking in human beings",
  };
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) nrems = NULL;
  g_autoptr(GPtrArray) platform = NULL;
  g_autoptr(GHashTable) countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  sec_test_demo_fill (f);

  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_BODY), ==, 4);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_ORGANISATION), >=, 40);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_PERSON), >=, 40);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_MEETING), ==, 3);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_CALL), ==, 3);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_ERRATUM), ==, 1);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_STATEMENT), ==, 2);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_SIGNATORY), ==, 7 + 10);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_COMMITMENT), >=, 4);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_COMMITMENT), <=, 5);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_FOLLOW_UP), >=, 3);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_MEMBERSHIP), >=, 30);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_APPLICATION), >=, 5);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_MEETING_BODY), ==, 4);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_AGENDA_ITEM), >=, 3 * 5);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_AGENDA_SPEAKER), >=, 3);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_PARTICIPANT), >=, 3 * 10);

  bodies = sec_test_demo_list_where (f, SEC_TYPE_BODY, NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (body_names); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < bodies->len; j++)
        if (g_str_equal (sec_record_get_string (g_ptr_array_index (bodies, j), "name"), body_names[i]))
          found = TRUE;
      g_assert_true (found);
    }
  platform = sec_test_demo_list_where (f, SEC_TYPE_BODY, "name", body_names[0], NULL);
  g_assert_cmpuint (platform->len, ==, 1);
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (platform, 0), "established-on"), ==, "2013-05-31");

  /* The ten agencies, and National Rapporteurs of several Member States. */
  agencies = sec_test_demo_list_where (f, SEC_TYPE_ORGANISATION, "kind", "eu-agency", NULL);
  g_assert_cmpuint (agencies->len, ==, 10);
  nrems = sec_test_demo_list_where (f, SEC_TYPE_ORGANISATION, "kind", "nrem", NULL);
  g_assert_cmpuint (nrems->len, >=, 4);

  /* Civil society from many countries. */
  {
    g_autoptr(GPtrArray) cso = sec_test_demo_list_where (f, SEC_TYPE_ORGANISATION, "kind", "civil-society", NULL);

    g_assert_cmpuint (cso->len, >=, 25);
    for (guint i = 0; i < cso->len; i++)
      g_hash_table_add (countries, g_strdup (sec_record_get_string (g_ptr_array_index (cso, i), "country")));
    g_assert_cmpuint (g_hash_table_size (countries), >=, 20);
  }
}

static void
test_statement (Fixture       *f,
                gconstpointer  data)
{
  static const struct {
    const char *acronym;
    const char *country;
  } expected[] = {
    { "EASO", "MT" }, { "Europol", "NL" }, { "eu-LISA", "EE" }, { "EMCDDA", "PT" },
    { "Eurojust", "NL" }, { "EIGE", "LT" }, { "Frontex", "PL" }, { "FRA", "AT" },
    { "CEPOL", "HU" }, { "Eurofound", "IE" },
  };
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) signatories = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GPtrArray) meeting_bodies = NULL;
  g_autoptr(SecRecord) predecessor = NULL;
  g_autoptr(SecRecord) meeting = NULL;
  g_autofree char *id = NULL;
  SecRecord *statement;

  sec_test_demo_fill (f);

  statements = sec_test_demo_list_where (f, SEC_TYPE_STATEMENT, "signed-on", "2018-06-13", NULL);
  g_assert_cmpuint (statements->len, ==, 1);
  statement = g_ptr_array_index (statements, 0);
  g_assert_cmpstr (sec_record_get_string (statement, "place"), ==, "Brussels");

  /* It builds on the 2011 Joint Statement. */
  g_assert_cmpint (sec_record_get_ref (statement, "predecessor"), !=, 0);
  predecessor = sec_test_demo_get (f, SEC_TYPE_STATEMENT, sec_record_get_ref (statement, "predecessor"));
  g_assert_true (g_str_has_prefix (sec_record_get_string (predecessor, "signed-on"), "2011-"));
  g_assert_cmpint (sec_record_get_ref (predecessor, "predecessor"), ==, 0);

  /* Signed at the NREM meeting of that day. */
  meeting = sec_test_demo_get (f, SEC_TYPE_MEETING, sec_record_get_ref (statement, "meeting"));
  g_assert_true (g_str_has_prefix (sec_record_get_string (meeting, "starts-at"), "2018-06-13T"));
  g_assert_cmpstr (sec_record_get_derived (meeting, "bodies"), ==, "NREM Network");

  /* Ten signatories, in the order of the press release, each an agency
   * with its seat; no signer's name but the one the public page gives. */
  id = sec_test_demo_id_text (statement);
  signatories = sec_test_demo_list_where (f, SEC_TYPE_SIGNATORY, "statement", id, "position");
  g_assert_cmpuint (signatories->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < signatories->len; i++)
    {
      SecRecord *s = g_ptr_array_index (signatories, i);
      g_autoptr(SecRecord) organisation = sec_test_demo_get (f, SEC_TYPE_ORGANISATION, sec_record_get_ref (s, "organisation"));
      const char *signer = sec_record_get_string (s, "signer-name");

      g_assert_cmpint (sec_record_get_int (s, "position"), ==, (int) i + 1);
      g_assert_cmpstr (sec_record_get_derived (s, "organisation-acronym"), ==, expected[i].acronym);
      g_assert_cmpstr (sec_record_get_string (organisation, "kind"), ==, "eu-agency");
      g_assert_cmpstr (sec_record_get_string (organisation, "country"), ==, expected[i].country);
      g_assert_nonnull (sec_record_get_string (s, "signer-position"));
      if (signer != NULL)
        g_assert_cmpstr (signer, ==, "Virginija Langbakk");
    }

  commitments = sec_test_demo_list_where (f, SEC_TYPE_COMMITMENT, "statement", id, "position");
  g_assert_cmpuint (commitments->len, >=, 4);
  for (guint i = 0; i < commitments->len; i++)
    {
      g_autofree char *commitment_id = sec_test_demo_id_text (g_ptr_array_index (commitments, i));
      g_autoptr(GPtrArray) follow_ups = sec_test_demo_list_where (f, SEC_TYPE_FOLLOW_UP, "commitment", commitment_id, NULL);

      g_assert_cmpint (sec_record_get_int (g_ptr_array_index (commitments, i), "position"), ==, (int) i + 1);
      for (guint j = 0; j < follow_ups->len; j++)
        g_assert_cmpint (sec_record_get_int (g_ptr_array_index (follow_ups, j), "year"), >=, 2018);
    }
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_FOLLOW_UP), >, 0);
}

/* The 2018 commitments, followed by every agency: the progress at a
 * glance has each status. */
static void
test_follow_ups (Fixture       *f,
                 gconstpointer  data)
{
  static const int years[] = { 2019, 2020, 0 };
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GArray) offered = NULL;
  g_autoptr(GError) error = NULL;
  SecStatement *statement;
  gint64 cells;

  sec_test_demo_fill (f);

  statements = sec_test_demo_list_where (f, SEC_TYPE_STATEMENT, "signed-on", "2018-06-13", NULL);
  statement = g_ptr_array_index (statements, 0);
  cells = g_ascii_strtoll (sec_record_get_derived (SEC_RECORD (statement), "commitment-count"), NULL, 10) *
          g_ascii_strtoll (sec_record_get_derived (SEC_RECORD (statement), "signatory-count"), NULL, 10);
  g_assert_cmpint (cells, ==, 5 * 10);

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    {
      SecProgress p;

      g_assert_true (sec_statement_get_progress (f->store, statement, years[y], &p, &error));
      g_assert_no_error (error);
      g_test_message ("%d: %u done, %u in progress, %u not started (%u unrecorded), %u not applicable; %d %%",
                      years[y], p.counts[SEC_FOLLOW_UP_DONE], p.counts[SEC_FOLLOW_UP_IN_PROGRESS],
                      p.counts[SEC_FOLLOW_UP_NOT_STARTED], p.unrecorded,
                      p.counts[SEC_FOLLOW_UP_NOT_APPLICABLE], p.percent_done);
      g_assert_cmpuint (p.total, ==, cells);
      for (guint s = 0; s < SEC_FOLLOW_UP_N_STATUSES; s++)
        g_assert_cmpuint (p.counts[s], >, 0);
      g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_NOT_APPLICABLE], <, p.total / 4);
      g_assert_cmpint (p.percent_done, >, 0);
      g_assert_cmpint (p.percent_done, <, 100);
      /* Everyone reported in 2019; in 2020, all but one agency. */
      g_assert_cmpuint (p.unrecorded, ==, years[y] == 2020 ? 5 : 0);
    }
  {
    SecProgress p2019, p2020;

    sec_statement_get_progress (f->store, statement, 2019, &p2019, NULL);
    sec_statement_get_progress (f->store, statement, 2020, &p2020, NULL);
    g_assert_cmpint (p2020.percent_done, >, p2019.percent_done);
  }

  /* One follow-up per cell and year, dated in its year; the cells that
   * do not apply say why. */
  follow_ups = sec_test_demo_list_where (f, SEC_TYPE_FOLLOW_UP, NULL, NULL, NULL);
  g_assert_cmpuint (follow_ups->len, ==, 2 * cells - 5);
  for (guint i = 0; i < follow_ups->len; i++)
    {
      SecRecord *fu = g_ptr_array_index (follow_ups, i);
      int year = sec_record_get_int (fu, "year");
      g_autofree char *prefix = g_strdup_printf ("%d-", year);

      g_assert_cmpint (sec_record_get_ref (fu, "signatory"), !=, 0);
      g_assert_true (year == 2019 || year == 2020);
      g_assert_true (g_str_has_prefix (sec_record_get_string (fu, "date"), prefix));
      if (g_str_equal (sec_record_get_string (fu, "status"), "not-applicable"))
        g_assert_nonnull (sec_record_get_string (fu, "note"));
    }

  offered = sec_statement_dup_years (f->store, statement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (offered, int, 0), ==, 2018);
  g_assert_cmpint (g_array_index (offered, int, 1), ==, 2019);
  g_assert_cmpint (g_array_index (offered, int, 2), ==, 2020);
}

static void
test_meetings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean past_held = FALSE, planned_2027 = FALSE, joint = FALSE, signing = FALSE;

  sec_test_demo_fill (f);

  meetings = sec_test_demo_list_where (f, SEC_TYPE_MEETING, NULL, NULL, "starts-at");
  g_assert_cmpuint (meetings->len, ==, 3);
  for (guint i = 0; i < meetings->len; i++)
    {
      SecRecord *m = g_ptr_array_index (meetings, i);
      g_autofree char *id = sec_test_demo_id_text (m);
      g_autoptr(GPtrArray) items = sec_test_demo_list_where (f, SEC_TYPE_AGENDA_ITEM, "meeting", id, "position");
      g_autoptr(GPtrArray) participants = sec_test_demo_list_where (f, SEC_TYPE_PARTICIPANT, "meeting", id, NULL);
      g_autoptr(GPtrArray) bodies = sec_test_demo_list_where (f, SEC_TYPE_MEETING_BODY, "meeting", id, NULL);
      gboolean has_break = FALSE, has_lunch = FALSE, has_chair = FALSE;

      g_assert_cmpstr (sec_record_get_string (m, "timezone"), ==, "Europe/Brussels");
      g_assert_nonnull (sec_record_get_string (m, "chair"));
      g_assert_cmpuint (bodies->len, >=, 1);

      g_assert_cmpuint (items->len, >=, 5);
      g_assert_nonnull (sec_record_get_string (g_ptr_array_index (items, 0), "fixed-start"));
      for (guint j = 0; j < items->len; j++)
        {
          const char *kind = sec_record_get_string (g_ptr_array_index (items, j), "kind");

          has_break |= g_str_equal (kind, "break");
          has_lunch |= g_str_equal (kind, "lunch");
          signing |= g_str_equal (kind, "signing");
        }
      g_assert_true (has_break);
      g_assert_true (has_lunch);

      g_assert_cmpuint (participants->len, >=, 10);
      g_assert_cmpuint (participants->len, <=, 25);
      for (guint j = 0; j < participants->len; j++)
        {
          SecRecord *p = g_ptr_array_index (participants, j);
          const char *status = sec_record_get_string (p, "status");

          g_hash_table_add (statuses, g_strdup (status));
          has_chair |= g_str_equal (sec_record_get_string (p, "role"), "chair");
          /* A substitute is recorded for whoever was replaced. */
          if (g_str_equal (status, "replaced"))
            g_assert_cmpint (sec_record_get_ref (p, "substitute"), !=, 0);
          g_assert_cmpint (sec_record_get_ref (p, "organisation"), !=, 0);
        }
      g_assert_true (has_chair);

      if (g_str_equal (sec_record_get_string (m, "kind"), "joint-session"))
        {
          /* A joint session of two bodies: the Platform and the NREMs. */
          g_assert_cmpuint (bodies->len, ==, 2);
          g_assert_cmpstr (sec_record_get_derived (m, "bodies"), !=, NULL);
          g_assert_nonnull (strstr (sec_record_get_derived (m, "bodies"), "Civil Society Platform"));
          g_assert_nonnull (strstr (sec_record_get_derived (m, "bodies"), "NREM Network"));
          g_assert_nonnull (sec_record_get_string (m, "co-chair"));
          joint = TRUE;
        }
      if (g_str_equal (sec_record_get_string (m, "status"), "held") &&
          strcmp (sec_record_get_string (m, "starts-at"), "2026-01-01") < 0)
        {
          g_assert_cmpint (g_ascii_strtoll (sec_record_get_derived (m, "confirmed-count"), NULL, 10), >, 0);
          past_held = TRUE;
        }
      if (g_str_equal (sec_record_get_string (m, "status"), "planned") &&
          g_str_has_prefix (sec_record_get_string (m, "starts-at"), "2027-"))
        planned_2027 = TRUE;

      /* The NREM meeting of June 2018, co-chaired by the Bulgarian Presidency. */
      if (g_str_has_prefix (sec_record_get_string (m, "starts-at"), "2018-06-13"))
        for (guint j = 0; j < participants->len; j++)
          {
            SecRecord *p = g_ptr_array_index (participants, j);

            if (g_str_equal (sec_record_get_string (p, "role"), "co-chair"))
              {
                g_autoptr(SecRecord) o = sec_test_demo_get (f, SEC_TYPE_ORGANISATION, sec_record_get_ref (p, "organisation"));
                g_assert_cmpstr (sec_record_get_string (o, "country"), ==, "BG");
              }
          }
    }
  g_assert_true (past_held);
  g_assert_true (planned_2027);
  g_assert_true (joint);
  g_assert_true (signing);

  /* Every participant status appears somewhere. */
  {
    static const char *const all[] = {
      "invited", "registered", "confirmed", "declined", "attended",
      "attended-remotely", "excused", "absent", "replaced",
    };
    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      if (!g_hash_table_contains (statuses, all[i]))
        g_error ("No participant is %s", all[i]);
  }
}

/* The seed's three calls and six projects, with their facts. */
static void
test_funding (Fixture       *f,
              gconstpointer  data)
{
  static const struct {
    const char *acronym;
    const char *reference;
    const char *coordinator;
    const char *investigator;
    int         budget;
    const char *starts_on;
    const char *ends_on;
    int         months;
  } expected[] = {
    { "ANTICORRP", "FP7 290529", "The Quality of Government Institute (University of Gothenburg)", NULL,
      7999182, "2012-03-01", "2017-02-28", 60 },
    { "GLOMIG", "FP6 28756", "Inonu Bulvari", NULL, 250000, "2006-04-01", "2008-03-31", 24 },
    { "On the Move", "ERC-2016-StG 714222", "Ghent University", NULL, 1432500, "2017-02-01", "2022-01-31", 60 },
    { "Digital Crossings", "ERC-2014-CoG 647737", "Utrecht University", "Sandra Ponzanesi",
      1992809, "2016-01-01", "2020-12-31", 60 },
    { "EUBorderCare", "ERC-2016-StG 638259", "European University Institute", "Vanessa Elisa Grotti",
      1498463, "2015-08-01", "2020-07-31", 60 },
    { "SWAB", "ERC-2012-StG 313737", "University of Milan - Bicocca", "Alice Bellagamba",
      935100, "2013-05-01", "2018-04-30", 60 },
  };
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) anticorrp = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);

  sec_test_demo_fill (f);

  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_PROGRAMME), ==, 6);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_FUNDING_CALL), ==, 3);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_PROJECT), ==, 6);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_PROJECT_PARTNER), ==, 20);

  /* Deadlines at 17:00 Brussels time. */
  calls = sec_test_demo_list_where (f, SEC_TYPE_FUNDING_CALL, NULL, NULL, "deadline");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (calls, 0), "deadline"), ==, "2018-01-31T17:00");
  g_assert_cmpstr (sec_record_get_derived (g_ptr_array_index (calls, 0), "programme-name"), ==, "ISF Police");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (calls, 1), "deadline"), ==, "2018-03-01T17:00");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (calls, 1), "topics"), ==,
                   "Integration of victims of trafficking in human beings");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (calls, 2), "deadline"), ==, "2019-01-31T17:00");
  g_assert_cmpint (sec_record_get_int (g_ptr_array_index (calls, 2), "work-programme-year"), ==, 2018);
  for (guint i = 0; i < calls->len; i++)
    g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (calls, i), "deadline-timezone"), ==, "Europe/Brussels");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GPtrArray) found = sec_test_demo_list_where (f, SEC_TYPE_PROJECT, "acronym", expected[i].acronym, NULL);
      SecRecord *p;

      g_assert_cmpuint (found->len, ==, 1);
      p = g_ptr_array_index (found, 0);
      g_assert_cmpstr (sec_record_get_string (p, "reference"), ==, expected[i].reference);
      g_assert_cmpstr (sec_record_get_derived (p, "coordinator-name"), ==, expected[i].coordinator);
      g_assert_cmpstr (sec_record_get_derived (p, "principal-investigator-name"), ==, expected[i].investigator);
      g_assert_cmpint (sec_record_get_int (p, "budget"), ==, expected[i].budget);
      g_assert_cmpstr (sec_record_get_string (p, "starts-on"), ==, expected[i].starts_on);
      g_assert_cmpstr (sec_record_get_string (p, "ends-on"), ==, expected[i].ends_on);
      g_assert_cmpint (sec_funding_duration_months (expected[i].starts_on, expected[i].ends_on), ==,
                       expected[i].months);
    }

  /* All twenty partners of ANTICORRP, with countries outside the EU. */
  anticorrp = sec_test_demo_list_where (f, SEC_TYPE_PROJECT, "acronym", "ANTICORRP", NULL);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (g_ptr_array_index (anticorrp, 0)));

    partners = sec_test_demo_list_where (f, SEC_TYPE_PROJECT_PARTNER, "project", id, "position");
  }
  g_assert_cmpuint (partners->len, ==, 20);
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (partners, 0), "short-name"), ==, "QOG");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (partners, 0), "role"), ==, "coordinator");
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (partners, 19), "short-name"), ==, "UNOTT");
  for (guint i = 0; i < partners->len; i++)
    g_hash_table_add (countries, (gpointer) sec_record_get_derived (g_ptr_array_index (partners, i), "country"));
  g_assert_cmpuint (g_hash_table_size (countries), ==, 15);
  g_assert_true (g_hash_table_contains (countries, "XK"));
  g_assert_true (g_hash_table_contains (countries, "CH"));
  g_assert_true (g_hash_table_contains (countries, "TR"));
  g_assert_true (g_hash_table_contains (countries, "GB"));
}

static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  const GType *kinds = sec_record_kinds ();
  gint64 total = 0;

  sec_test_demo_fill (f);

  for (guint k = 0; kinds[k]; k++)
    {
      g_autoptr(GPtrArray) records = sec_test_demo_list_where (f, kinds[k], NULL, NULL, NULL);

      for (guint i = 0; i < records->len; i++)
        {
          g_autoptr(GError) error = NULL;

          if (!sec_record_validate (g_ptr_array_index (records, i), &error))
            g_error ("%s %" G_GINT64_FORMAT ": %s", sec_kind_from_type (kinds[k])->name,
                     sec_record_get_id (g_ptr_array_index (records, i)), error->message);
        }
      total += records->len;
    }
  g_assert_cmpint (total, ==, sec_store_count_all (f->store, NULL));
}

/* Names in their own scripts come back byte for byte, through a closed
 * and reopened file, and are found by their folded forms. */
static void
check_names (Fixture *f)
{
  static const struct {
    GType       type;
    const char *search;
    const char *field;
    const char *value;
  } names[] = {
    { 0, "lodz", "name", "Fundacja „Wolna Droga” Łódź" },
    { 0, "lodz", "city", "Łódź" },
    { 0, "eliamep", "name", "Ελληνικό Ίδρυμα Ευρωπαϊκής και Εξωτερικής Πολιτικής" },
    { 0, "zilina", "city", "Žilina" },
    { 0, "corvinus", "name", "Budapesti Corvinus Egyetem" },
    { 0, "hniena", "name", "Fondazzjoni Dar il-Ħniena" },
    { 1, "muller", "family-name", "Müller" },
    { 1, "кирил", "given-name", "Кирил" },
    { 1, "suilleabhain", "family-name", "Ó Súilleabháin" },
    { 1, "skoda", "family-name", "Škoda" },
    { 1, "gorg farrugia", "given-name", "Ġorġ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GType type = names[i].type == 0 ? SEC_TYPE_ORGANISATION : SEC_TYPE_PERSON;
      g_autoptr(GPtrArray) found = sec_test_demo_list_search (f, type, names[i].search);
      const char *value;

      g_assert_cmpuint (found->len, ==, 1);
      value = sec_record_get_string (g_ptr_array_index (found, 0), names[i].field);
      g_assert_cmpstr (value, ==, names[i].value);
      g_assert_cmpmem (value, strlen (value), names[i].value, strlen (names[i].value));
    }
}

static void
test_unicode (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sec_test_demo_fill (f);
  check_names (f);

  sec_store_close (f->store);
  g_clear_object (&f->store);
  f->store = sec_store_open (f->path, &error);
  g_assert_no_error (error);
  check_names (f);
}

static void
test_refuses_full (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 before;

  sec_test_demo_fill (f);
  before = sec_store_count_all (f->store, NULL);
  g_assert_cmpint (before, >, 0);

  g_assert_false (sec_demo_fill (f->store, &error));
  g_assert_error (error, SEC_DEMO_ERROR, SEC_DEMO_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "empty database"));
  g_assert_cmpint (sec_store_count_all (f->store, NULL), ==, before);

  /* One record is enough to refuse. */
  {
    Fixture other = { 0 };
    g_autoptr(SecRecord) body = sec_record_new (SEC_TYPE_BODY);
    g_autoptr(GError) other_error = NULL;

    sec_test_demo_setup (&other, NULL);
    sec_record_set_string (body, "name", "A body of our own");
    g_assert_true (sec_store_insert (other.store, body, NULL));
    g_assert_false (sec_demo_fill (other.store, &other_error));
    g_assert_error (other_error, SEC_DEMO_ERROR, SEC_DEMO_ERROR_NOT_EMPTY);
    g_assert_cmpint (sec_store_count_all (other.store, NULL), ==, 1);
    sec_test_demo_teardown (&other, NULL);
  }
}

/* A failure half-way leaves nothing behind: the fill is one transaction,
 * whichever step fails. */
static void
test_atomic (Fixture       *f,
             gconstpointer  data)
{
  /* The first selection's membership (inside sec_application_select()),
   * the statements (last but one), the last follow-up of the grid. */
  static const char *const triggers[] = {
    "CREATE TEMP TRIGGER fail BEFORE INSERT ON main.memberships"
    " WHEN NEW.call_id IS NOT NULL"
    " BEGIN SELECT RAISE (ABORT, 'injected failure'); END;",
    "CREATE TEMP TRIGGER fail BEFORE INSERT ON main.statements"
    " BEGIN SELECT RAISE (ABORT, 'injected failure'); END;",
    "CREATE TEMP TRIGGER fail BEFORE INSERT ON main.follow_ups"
    " WHEN (SELECT count(*) FROM main.follow_ups) = 94"
    " BEGIN SELECT RAISE (ABORT, 'injected failure'); END;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (sec_engine_exec (_sec_store_get_engine (f->store), triggers[i], NULL));
      g_assert_false (sec_demo_fill (f->store, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "injected failure"));
      g_assert_true (g_str_has_prefix (error->message, "Demo data, "));
      g_assert_cmpint (sec_store_count_all (f->store, NULL), ==, 0);
      g_assert_true (sec_engine_exec (_sec_store_get_engine (f->store), "DROP TRIGGER temp.fail", NULL));
    }

  /* And the store still works: without the triggers, the fill succeeds. */
  sec_test_demo_fill (f);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_STATEMENT), ==, 2);
  g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_FOLLOW_UP), ==, 95);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  SEC_TEST_DEMO_ADD ("/demo/counts", test_counts);
  SEC_TEST_DEMO_ADD ("/demo/statement", test_statement);
  SEC_TEST_DEMO_ADD ("/demo/follow-ups", test_follow_ups);
  SEC_TEST_DEMO_ADD ("/demo/meetings", test_meetings);
  SEC_TEST_DEMO_ADD ("/demo/funding", test_funding);
  SEC_TEST_DEMO_ADD ("/demo/valid", test_valid);
  SEC_TEST_DEMO_ADD ("/demo/unicode", test_unicode);
  SEC_TEST_DEMO_ADD ("/demo/refuses-full", test_refuses_full);
  SEC_TEST_DEMO_ADD ("/demo/atomic", test_atomic);

  return g_test_run ();
}
