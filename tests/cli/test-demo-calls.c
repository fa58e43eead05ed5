/* test-demo-calls.c: the demo data's calls for civil society, filled
 * in-process into temporary databases: the calls and their erratum, the
 * rules each call's check decides, the applications as the rules judged
 * them, the selections and their memberships (the rest: test-demo.c) */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/calls/sec-calls.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-demo.h"
#include "sec-test-util.h"

typedef SecTestStoreFixture Fixture;

/* Tests */

static void
test_calls (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) targeted = NULL;
  g_autoptr(GPtrArray) open_calls = NULL;
  g_autoptr(GPtrArray) errata = NULL;
  g_autoptr(GPtrArray) applications = NULL;
  g_autofree char *id = NULL;
  SecRecord *call;
  guint eligible = 0, not_eligible = 0, selected = 0;

  sec_test_demo_fill (f);

  targeted = sec_test_demo_list_where (f, SEC_TYPE_CALL, "kind", "targeted", NULL);
  g_assert_cmpuint (targeted->len, ==, 1);
  call = g_ptr_array_index (targeted, 0);
  g_assert_cmpstr (sec_record_get_string (call, "eligible-countries"), ==, "DK,EE,MT");
  g_assert_true (g_str_has_prefix (sec_record_get_string (call, "deadline"), "2018-04-25T"));
  g_assert_cmpstr (sec_record_get_string (call, "deadline-timezone"), ==, "Europe/Brussels");
  g_assert_cmpstr (sec_record_get_derived (call, "body-name"), ==, "Civil Society Platform");

  id = sec_test_demo_id_text (call);
  errata = sec_test_demo_list_where (f, SEC_TYPE_ERRATUM, "call", id, NULL);
  g_assert_cmpuint (errata->len, ==, 1);
  g_assert_nonnull (strstr (sec_record_get_string (g_ptr_array_index (errata, 0), "text"), "second paragraph"));
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (errata, 0), "published-on"), <,
                   sec_record_get_string (call, "deadline"));

  applications = sec_test_demo_list_where (f, SEC_TYPE_APPLICATION, "call", id, NULL);
  g_assert_cmpuint (applications->len, >=, 3);
  for (guint i = 0; i < applications->len; i++)
    {
      SecRecord *a = g_ptr_array_index (applications, i);
      const char *eligibility = sec_record_get_string (a, "eligibility");

      if (g_str_equal (eligibility, "eligible"))
        eligible++;
      else if (g_str_equal (eligibility, "not-eligible"))
        {
          not_eligible++;
          /* A refusal says why. */
          g_assert_nonnull (sec_record_get_string (a, "eligibility-reason"));
          g_assert_cmpstr (sec_record_get_string (a, "outcome"), ==, "rejected");
        }
      if (g_str_equal (sec_record_get_string (a, "outcome"), "selected"))
        {
          selected++;
          g_assert_true (g_strv_contains ((const char *const[]) { "DK", "EE", "MT", NULL },
                                          sec_record_get_derived (a, "country")));
        }
    }
  g_assert_cmpuint (eligible, >, 0);
  g_assert_cmpuint (not_eligible, >, 0);
  g_assert_cmpuint (selected, ==, 3);

  /* The earlier calls, decided. */
  open_calls = sec_test_demo_list_where (f, SEC_TYPE_CALL, "kind", "open", NULL);
  g_assert_cmpuint (open_calls->len, ==, 2);
  for (guint i = 0; i < open_calls->len; i++)
    g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (open_calls, i), "status"), ==, "decided");

  /* The erratum gives the whole text as corrected: version 2 from the
   * day it was published. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) versions = sec_call_dup_versions (f->store, SEC_CALL (call), &error);
    g_autofree char *current = NULL;
    SecCallVersion *first, *second;

    g_assert_no_error (error);
    g_assert_cmpuint (versions->len, ==, 2);
    first = g_ptr_array_index (versions, 0);
    second = g_ptr_array_index (versions, 1);
    g_assert_cmpstr (first->date, ==, sec_record_get_string (call, "published-on"));
    g_assert_nonnull (strstr (first->text, "Amongst current participants civil society organisations"));
    g_assert_cmpstr (second->date, ==, "2018-04-09");
    g_assert_nonnull (strstr (second->change, "second paragraph"));
    g_assert_nonnull (strstr (second->text, "Amongst current participants, civil society organisations"));
    g_assert_null (strstr (second->text, "participants civil society"));
    /* Only the second paragraph changed. */
    g_assert_cmpuint (strlen (second->text), ==, strlen (first->text) + 1);
    current = sec_call_dup_current_text (f->store, SEC_CALL (call), &error);
    g_assert_cmpstr (current, ==, second->text);
    g_assert_cmpuint (sec_call_version_on (f->store, SEC_CALL (call), "2018-04-08", NULL), ==, 1);
    g_assert_cmpuint (sec_call_version_on (f->store, SEC_CALL (call), "2018-04-09", NULL), ==, 2);
  }
}

/* Every call: for civil society organisations, published before its
 * deadline, with rules the check can decide. */
static void
test_call_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;

  sec_test_demo_fill (f);

  calls = sec_test_demo_list_where (f, SEC_TYPE_CALL, NULL, NULL, NULL);
  g_assert_cmpuint (calls->len, ==, 3);
  for (guint i = 0; i < calls->len; i++)
    {
      SecRecord *call = g_ptr_array_index (calls, i);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) kinds = sec_call_dup_eligible_kinds (SEC_CALL (call));
      g_auto(GStrv) topics = sec_call_dup_focus_topics (SEC_CALL (call));
      g_autoptr(GDateTime) deadline = sec_call_get_deadline (SEC_CALL (call));
      g_autoptr(GDateTime) published = NULL;
      const char *published_on = sec_record_get_string (call, "published-on");
      const char *description = sec_record_get_string (call, "description");
      g_autoptr(GDateTime) after = NULL;

      g_assert_true (sec_call_validate (SEC_CALL (call), &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (kinds), ==, 1);
      g_assert_cmpstr (kinds[0], ==, "civil-society");
      /* Geographical balance is not a topic: no thematic focus, and the
       * description of the calls for it says what the balance meant. */
      g_assert_cmpuint (g_strv_length (topics), ==, 0);
      g_assert_nonnull (description);
      if (!g_str_equal (sec_record_get_string (call, "reference"), "CSP-2013"))
        g_assert_nonnull (strstr (description, "geographical balance"));

      g_assert_nonnull (published_on);
      g_assert_nonnull (deadline);
      published = sec_resolve_wall_time (published_on, sec_record_get_string (call, "deadline-timezone"), FALSE);
      g_assert_nonnull (published);
      g_assert_cmpint (g_date_time_compare (published, deadline), <, 0);
      /* Closed, then decided by staff: a later save keeps the decision. */
      after = g_date_time_add_days (deadline, 1);
      g_assert_cmpint (sec_call_effective_status (SEC_CALL (call), after), ==, SEC_CALL_DECIDED);
      g_assert_true (sec_call_save (f->store, SEC_CALL (call), &error));
      g_assert_no_error (error);
      g_assert_cmpstr (sec_record_get_string (call, "status"), ==, "decided");
    }

  {
    g_autoptr(GPtrArray) targeted = sec_test_demo_list_where (f, SEC_TYPE_CALL, "kind", "targeted", NULL);
    SecRecord *call = g_ptr_array_index (targeted, 0);
    g_autofree char *deadline = sec_call_format_deadline (SEC_CALL (call));

    g_assert_cmpstr (deadline, ==, "25 April 2018, 23:59 (Europe/Brussels)");
    g_assert_true (g_str_has_prefix (sec_record_get_string (call, "published-on"), "2018-03-"));
  }
}

/* The applications carry what the rules work out, not what anyone wrote:
 * eligibility and its reason, the late flag, the version of the call. */
static void
test_applications (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;
  guint n_apps = 0, late = 0, overridden = 0, scored = 0, commented = 0;
  guint rule_count[5] = { 0 };
  gboolean tallinn_in_time = FALSE, version_1 = FALSE, version_2 = FALSE;

  sec_test_demo_fill (f);

  calls = sec_test_demo_list_where (f, SEC_TYPE_CALL, NULL, NULL, NULL);
  for (guint c = 0; c < calls->len; c++)
    {
      SecRecord *call = g_ptr_array_index (calls, c);
      g_autofree char *call_id = sec_test_demo_id_text (call);
      g_autoptr(GPtrArray) apps = sec_test_demo_list_where (f, SEC_TYPE_APPLICATION, "call", call_id, NULL);
      g_autoptr(GDateTime) deadline = sec_call_get_deadline (SEC_CALL (call));
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (sec_record_get_string (call, "deadline-timezone"));
      gboolean is_2018 = g_str_equal (sec_record_get_string (call, "reference"), "CSP-2018-DK-EE-MT");

      g_assert_cmpuint (apps->len, >=, 9);
      for (guint i = 0; i < apps->len; i++)
        {
          SecRecord *a = g_ptr_array_index (apps, i);
          const char *name = sec_record_get_derived (a, "organisation-name");
          g_autoptr(GError) error = NULL;
          g_autofree char *reason = NULL;
          g_autoptr(GDateTime) received = sec_application_get_received (SEC_APPLICATION (a), SEC_CALL (call));
          g_autoptr(GDateTime) there = NULL;
          g_autofree char *day = NULL;
          g_auto(GStrv) documents = sec_application_dup_documents (SEC_APPLICATION (a));
          SecEligibilityRule rule;
          SecEligibility checked;
          double score;

          n_apps++;
          g_assert_true (sec_application_validate (SEC_APPLICATION (a), &error));
          g_assert_no_error (error);

          /* The check, done again, gives what is stored. */
          checked = sec_call_check_eligibility (f->store, SEC_CALL (call), SEC_APPLICATION (a), &rule, &reason, &error);
          g_assert_no_error (error);
          g_assert_cmpint (checked, !=, SEC_ELIGIBILITY_UNCHECKED);
          g_assert_cmpstr (sec_record_get_string (a, "checked-eligibility"), ==, sec_eligibility_to_nick (checked));
          g_assert_cmpstr (sec_record_get_string (a, "eligibility-rule"), ==, sec_eligibility_rule_to_nick (rule));
          g_assert_cmpstr (sec_record_get_string (a, "eligibility-reason"), ==, reason);
          g_assert_true ((checked == SEC_ELIGIBILITY_ELIGIBLE) == (reason == NULL));
          rule_count[rule]++;
          if (sec_record_get_bool (a, "eligibility-overridden"))
            {
              /* Staff's decision, with its reason, beside the check's. */
              overridden++;
              g_assert_cmpstr (sec_record_get_string (a, "eligibility"), ==, "eligible");
              g_assert_cmpint (checked, ==, SEC_ELIGIBILITY_NOT_ELIGIBLE);
              g_assert_cmpuint (strlen (sec_record_get_string (a, "override-reason")), >, 20);
              g_assert_cmpstr (sec_record_get_string (a, "outcome"), !=, "rejected");
            }
          else
            {
              g_assert_cmpstr (sec_record_get_string (a, "eligibility"), ==, sec_eligibility_to_nick (checked));
              g_assert_null (sec_record_get_string (a, "override-reason"));
            }
          if (g_str_equal (sec_record_get_string (a, "eligibility"), "not-eligible"))
            g_assert_cmpstr (sec_record_get_string (a, "outcome"), ==, "rejected");

          /* Late: received strictly after the deadline, as instants. */
          g_assert_nonnull (received);
          g_assert_cmpint (sec_record_get_bool (a, "late"), ==, g_date_time_compare (received, deadline) > 0);
          if (sec_record_get_bool (a, "late"))
            {
              late++;
              g_assert_true (is_2018);
              g_assert_cmpstr (name, ==, "Ċentru Appoġġ għan-Nisa");
              g_assert_cmpint (rule, ==, SEC_ELIGIBILITY_RULE_DEADLINE);
              g_assert_cmpstr (reason, ==, "Deadline 25 April 2018, 23:59 (Europe/Brussels): "
                                           "received 26 April 2018, 08:15 (Europe/Brussels)");
            }
          /* Sent at 00:41 in Tallinn, 23:41 in Brussels: in time. */
          if (g_str_equal (name, "MTÜ Turvaline Kodu"))
            {
              g_assert_cmpstr (sec_record_get_string (a, "received-at"), ==, "2018-04-26T00:41");
              g_assert_cmpstr (sec_record_get_string (a, "received-timezone"), ==, "Europe/Tallinn");
              g_assert_false (sec_record_get_bool (a, "late"));
              g_assert_cmpstr (sec_record_get_string (a, "eligibility"), ==, "eligible");
              tallinn_in_time = TRUE;
            }

          /* The version in force on the day of receipt, in the call's zone. */
          there = g_date_time_to_timezone (received, zone);
          day = g_date_time_format (there, "%Y-%m-%d");
          g_assert_cmpint (sec_record_get_int (a, "call-version"), ==,
                           (int) sec_call_version_on (f->store, SEC_CALL (call), day, NULL));
          if (is_2018)
            {
              version_1 |= sec_record_get_int (a, "call-version") == 1;
              version_2 |= sec_record_get_int (a, "call-version") == 2;
            }

          /* What was received, and how it was judged. */
          g_assert_cmpuint (g_strv_length (documents), >=, 1);
          g_assert_cmpstr (documents[0], ==, "Application form");
          if (sec_application_get_score (SEC_APPLICATION (a), &score))
            {
              scored++;
              g_assert_cmpfloat (score, >, 0);
              g_assert_cmpfloat (score, <=, 100);
            }
          else
            g_assert_cmpstr (sec_record_get_string (a, "eligibility"), ==, "not-eligible");
          commented += sec_record_get_string (a, "comments") != NULL;
        }
    }

  g_assert_cmpuint (n_apps, ==, sec_test_demo_count (f, SEC_TYPE_APPLICATION));
  g_assert_cmpuint (late, ==, 1);
  g_assert_cmpuint (overridden, >=, 1);
  g_assert_cmpuint (scored, >, n_apps / 2);
  g_assert_cmpuint (commented, >=, 5);
  g_assert_true (tallinn_in_time);
  g_assert_true (version_1 && version_2);
  /* A refusal of each kind: late, another country, another kind of organisation. */
  g_assert_cmpuint (rule_count[SEC_ELIGIBILITY_RULE_DEADLINE], ==, 1);
  g_assert_cmpuint (rule_count[SEC_ELIGIBILITY_RULE_COUNTRY], >=, 1);
  g_assert_cmpuint (rule_count[SEC_ELIGIBILITY_RULE_ORGANISATION_KIND], >=, 2);
  g_assert_cmpuint (rule_count[SEC_ELIGIBILITY_RULE_THEMATIC_FOCUS], ==, 0);
  {
    g_autoptr(GPtrArray) sweden = sec_test_demo_list_where (f, SEC_TYPE_APPLICATION, "eligibility-rule", "country", NULL);

    g_assert_cmpuint (sweden->len, ==, 1);
    g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (sweden, 0), "eligibility-reason"), ==,
                     "Denmark, Estonia and Malta only: the organisation is based in Sweden");
  }
}

/* Each selection made the membership that records its call; undoing one
 * removes that membership. */
static void
test_selections (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;
  guint n_selected = 0;

  sec_test_demo_fill (f);

  calls = sec_test_demo_list_where (f, SEC_TYPE_CALL, NULL, NULL, NULL);
  for (guint c = 0; c < calls->len; c++)
    {
      SecRecord *call = g_ptr_array_index (calls, c);
      g_autofree char *call_id = sec_test_demo_id_text (call);
      g_autoptr(GPtrArray) apps = sec_test_demo_list_where (f, SEC_TYPE_APPLICATION, "call", call_id, NULL);
      g_autoptr(GPtrArray) joined = sec_test_demo_list_where (f, SEC_TYPE_MEMBERSHIP, "call", call_id, NULL);
      gboolean is_2018 = g_str_equal (sec_record_get_string (call, "reference"), "CSP-2018-DK-EE-MT");
      guint selected = 0, to_body = 0;

      for (guint i = 0; i < apps->len; i++)
        {
          SecRecord *a = g_ptr_array_index (apps, i);
          g_autoptr(SecRecord) m = NULL;

          if (!g_str_equal (sec_record_get_string (a, "outcome"), "selected"))
            {
              g_assert_cmpint (sec_record_get_ref (a, "membership"), ==, 0);
              continue;
            }
          selected++;
          g_assert_cmpstr (sec_record_get_string (a, "eligibility"), ==, "eligible");
          g_assert_cmpint (sec_record_get_ref (a, "membership"), !=, 0);
          m = sec_test_demo_get (f, SEC_TYPE_MEMBERSHIP, sec_record_get_ref (a, "membership"));
          g_assert_cmpint (sec_record_get_ref (m, "call"), ==, sec_record_get_id (call));
          g_assert_cmpint (sec_record_get_ref (m, "organisation"), ==, sec_record_get_ref (a, "organisation"));
          g_assert_cmpint (sec_record_get_ref (m, "body"), ==, sec_record_get_ref (call, "body"));
          g_assert_cmpstr (sec_record_get_derived (a, "joined-on"), ==, sec_record_get_string (m, "joined-on"));
          g_assert_cmpstr (sec_record_get_string (m, "joined-on"), >, sec_record_get_string (call, "deadline"));
          if (is_2018)
            {
              g_assert_cmpstr (sec_record_get_string (m, "joined-on"), ==, "2018-07-01");
              g_assert_cmpstr (sec_record_get_string (m, "status"), ==, "active");
              g_assert_null (sec_record_get_string (m, "left-on"));
            }
          if (g_str_equal (sec_record_get_derived (a, "organisation-name"), "Associazione Porto Sicuro"))
            {
              /* What happened after the selection is kept. */
              g_assert_cmpstr (sec_record_get_string (m, "status"), ==, "ended");
              g_assert_cmpstr (sec_record_get_string (m, "left-on"), ==, "2021-12-31");
            }
        }
      /* The memberships of the call's body that name the call are the
       * selections' own; the reserve list joined the ePlatform. */
      for (guint i = 0; i < joined->len; i++)
        to_body += sec_record_get_ref (g_ptr_array_index (joined, i), "body") == sec_record_get_ref (call, "body");
      g_assert_cmpuint (to_body, ==, selected);
      g_assert_cmpuint (joined->len, >, selected);
      if (is_2018)
        g_assert_cmpuint (selected, ==, 3);
      n_selected += selected;
    }
  g_assert_cmpuint (n_selected, ==, 13 + 10 + 3);

  /* Undoing the Estonian selection removes its membership, and only that. */
  {
    g_autoptr(GPtrArray) found = sec_test_demo_list_search (f, SEC_TYPE_ORGANISATION, "Vabaduse Sild");
    g_autofree char *org_id = sec_test_demo_id_text (g_ptr_array_index (found, 0));
    g_autoptr(GPtrArray) apps = sec_test_demo_list_where (f, SEC_TYPE_APPLICATION, "organisation", org_id, NULL);
    SecRecord *a = g_ptr_array_index (apps, 0);
    gint64 membership = sec_record_get_ref (a, "membership");
    gint64 before = sec_test_demo_count (f, SEC_TYPE_MEMBERSHIP);
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (apps->len, ==, 1);
    g_assert_true (sec_application_unselect (f->store, SEC_APPLICATION (a), &error));
    g_assert_no_error (error);
    g_assert_cmpint (sec_test_demo_count (f, SEC_TYPE_MEMBERSHIP), ==, before - 1);
    g_assert_null (sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, membership, NULL));
    g_assert_cmpstr (sec_record_get_string (a, "outcome"), ==, "pending");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  SEC_TEST_DEMO_ADD ("/demo/calls", test_calls);
  SEC_TEST_DEMO_ADD ("/demo/call-rules", test_call_rules);
  SEC_TEST_DEMO_ADD ("/demo/applications", test_applications);
  SEC_TEST_DEMO_ADD ("/demo/selections", test_selections);

  return g_test_run ();
}
