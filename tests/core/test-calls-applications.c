/* test-calls-applications.c: the applications to a call for expression of
 * interest: the eligibility rules and their override, an organisation
 * created with its application, selection and its undoing, the
 * geographical balance, and the demo's 2018 call. The late flag, the dates
 * and errata are in test-calls.c. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/calls/sec-calls.h"
#include "core/base/sec-countries.h"
#include "cli/sec-demo.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-calls.h"
#include "sec-test-util.h"

static void
test_eligibility_rules (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) mt = sec_test_calls_organisation (f, "Malta Anti-Trafficking Network", "MT", NULL);
  g_autoptr(SecRecord) pl = sec_test_calls_organisation (f, "Fundacja La Strada Łódź", "PL", NULL);
  g_autoptr(SecRecord) agency = sec_test_calls_organisation (f, "Estonian Agency", "EE", "eu-agency");
  g_autoptr(SecRecord) nowhere = sec_test_calls_organisation (f, "Organisation without a country", NULL, NULL);
  g_autoptr(SecRecord) app = sec_record_new (SEC_TYPE_APPLICATION);
  g_autofree char *reason = NULL;
  SecEligibilityRule rule;
  SecEligibility result;
  const char *kinds[] = { "civil-society", "international", NULL };

  sec_record_set_string (app, "received-at", "2018-04-20T10:00");

  /* Countries. */
  sec_record_set_ref (app, "organisation", sec_record_get_id (mt));
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpint (rule, ==, SEC_ELIGIBILITY_RULE_NONE);
  g_assert_null (reason);

  sec_record_set_ref (app, "organisation", sec_record_get_id (pl));
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_cmpint (rule, ==, SEC_ELIGIBILITY_RULE_COUNTRY);
  g_assert_cmpstr (reason, ==, "Denmark, Estonia and Malta only: the organisation is based in Poland");
  g_clear_pointer (&reason, g_free);

  /* The order of the call's list is kept. */
  sec_record_set_string (f->call, "eligible-countries", "MT,DK,EE");
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), NULL, &reason, &error);
  g_assert_cmpstr (reason, ==, "Malta, Denmark and Estonia only: the organisation is based in Poland");
  g_clear_pointer (&reason, g_free);

  /* Without a country, the check cannot tell. */
  sec_record_set_ref (app, "organisation", sec_record_get_id (nowhere));
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_UNCHECKED);
  g_assert_cmpint (rule, ==, SEC_ELIGIBILITY_RULE_COUNTRY);
  g_assert_cmpstr (reason, ==, "Malta, Denmark and Estonia only: the organisation’s country is not recorded");
  g_clear_pointer (&reason, g_free);

  /* Kinds of organisation. */
  sec_call_set_eligible_kinds (SEC_CALL (f->call), kinds);
  g_assert_cmpstr (sec_record_get_string (f->call, "eligible-kinds"), ==, "civil-society,international");
  g_assert_true (sec_call_validate (SEC_CALL (f->call), &error));
  sec_record_set_ref (app, "organisation", sec_record_get_id (agency));
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_cmpint (rule, ==, SEC_ELIGIBILITY_RULE_ORGANISATION_KIND);
  g_assert_cmpstr (reason, ==, "Civil society organisation or International organisation only: "
                               "the organisation is registered as “EU agency”");
  g_clear_pointer (&reason, g_free);
  sec_record_set_string (f->call, "eligible-kinds", "civil-society,charity");
  g_assert_false (sec_call_validate (SEC_CALL (f->call), &error));
  g_assert_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“charity” is not a kind of organisation"));
  g_clear_error (&error);
  g_assert_false (sec_call_save (f->store, SEC_CALL (f->call), &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sec_call_set_eligible_kinds (SEC_CALL (f->call), kinds);

  /* Thematic focus: a topic must appear in the areas the application
   * states, ignoring case and accents. */
  sec_record_set_string (f->call, "thematic-focus", "child victims; Roma communities");
  sec_record_set_ref (app, "organisation", sec_record_get_id (mt));
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_UNCHECKED);
  g_assert_cmpint (rule, ==, SEC_ELIGIBILITY_RULE_THEMATIC_FOCUS);
  g_assert_cmpstr (reason, ==, "Thematic focus on “child victims” or “Roma communities”: "
                               "the application does not state its thematic areas");
  g_clear_pointer (&reason, g_free);
  sec_record_set_string (app, "thematic-areas", "Labour exploitation, shelters");
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_cmpint (rule, ==, SEC_ELIGIBILITY_RULE_THEMATIC_FOCUS);
  g_assert_cmpstr (reason, ==, "Thematic focus on “child victims” or “Roma communities”: "
                               "the application states “Labour exploitation, shelters”");
  g_clear_pointer (&reason, g_free);
  sec_record_set_string (app, "thematic-areas", "Shelters for CHILD VICTIMS, labour exploitation");
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_ELIGIBLE);
  sec_record_set_string (app, "thematic-areas", "Romá communities");
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_ELIGIBLE);

  /* A failed rule wins over one that cannot be decided. */
  sec_record_set_string (app, "thematic-areas", NULL);
  sec_record_set_ref (app, "organisation", sec_record_get_id (pl));
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_cmpint (rule, ==, SEC_ELIGIBILITY_RULE_COUNTRY);
  g_clear_pointer (&reason, g_free);

  /* A missing organisation is an error. */
  sec_record_set_ref (app, "organisation", 9999);
  result = sec_call_check_eligibility (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), &rule, &reason, &error);
  g_assert_cmpint (result, ==, SEC_ELIGIBILITY_UNCHECKED);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
}

static void
test_eligibility_on_entry_and_override (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) pl = sec_test_calls_organisation (f, "Fundacja La Strada Łódź", "PL", NULL);
  g_autoptr(SecRecord) app = sec_test_calls_apply (f, f->call, pl, "2018-04-20T10:00", NULL);
  g_autoptr(SecRecord) back = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();

  /* Checked on entry, and stored. */
  back = sec_test_calls_reload (f, app);
  g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "not-eligible");
  g_assert_cmpstr (sec_record_get_string (back, "checked-eligibility"), ==, "not-eligible");
  g_assert_cmpstr (sec_record_get_string (back, "eligibility-rule"), ==, "country");
  g_assert_cmpstr (sec_record_get_string (back, "eligibility-reason"), ==,
                   "Denmark, Estonia and Malta only: the organisation is based in Poland");
  g_assert_false (sec_record_get_bool (back, "eligibility-overridden"));
  g_clear_object (&back);

  /* An override needs a reason. */
  g_assert_false (sec_application_override_eligibility (f->store, SEC_APPLICATION (app), SEC_ELIGIBILITY_ELIGIBLE,
                                                        "  ", &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sec_record_get_bool (app, "eligibility-overridden"));
  g_assert_cmpstr (sec_record_get_string (app, "eligibility"), ==, "not-eligible");

  g_assert_true (sec_application_override_eligibility (f->store, SEC_APPLICATION (app), SEC_ELIGIBILITY_ELIGIBLE,
                                                       "Registered office moved to Tallinn in March 2018; "
                                                       "statutes received on 24 April", &error));
  g_assert_no_error (error);
  back = sec_test_calls_reload (f, app);
  g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "eligible");
  g_assert_true (sec_record_get_bool (back, "eligibility-overridden"));
  g_assert_nonnull (strstr (sec_record_get_string (back, "override-reason"), "Tallinn"));
  /* The automatic result is kept beside it. */
  g_assert_cmpstr (sec_record_get_string (back, "checked-eligibility"), ==, "not-eligible");
  g_assert_cmpstr (sec_record_get_string (back, "eligibility-rule"), ==, "country");
  g_clear_object (&back);

  /* Lists filter by the eligibility in force. */
  sec_query_add (q, "eligibility", SEC_QUERY_EQUALS, "eligible");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_APPLICATION, q, NULL), ==, 1);

  /* An edit keeps the override, and checks again. */
  sec_record_set_string (app, "score", "78,5");
  sec_record_set_string (app, "comments", "Strong local network.");
  g_assert_true (sec_application_save (f->store, SEC_APPLICATION (app), &error));
  g_assert_no_error (error);
  back = sec_test_calls_reload (f, app);
  g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "eligible");
  g_assert_cmpstr (sec_record_get_string (back, "score"), ==, "78.5");
  g_assert_cmpstr (sec_record_get_derived (back, "score-value"), ==, "78.5");
  {
    double score = 0;
    g_assert_true (sec_application_get_score (SEC_APPLICATION (back), &score));
    g_assert_cmpfloat_with_epsilon (score, 78.5, 1e-9);
  }
  g_clear_object (&back);

  /* A score that is not a number is refused, and the record is as before. */
  sec_record_set_string (app, "score", "very good");
  g_assert_false (sec_application_save (f->store, SEC_APPLICATION (app), &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not a number"));
  g_clear_error (&error);
  g_assert_cmpstr (sec_record_get_string (app, "score"), ==, "very good");
  sec_record_set_string (app, "score", NULL);

  /* Removing the override: the check decides again. */
  g_assert_true (sec_application_override_eligibility (f->store, SEC_APPLICATION (app), SEC_ELIGIBILITY_UNCHECKED,
                                                       NULL, &error));
  g_assert_no_error (error);
  back = sec_test_calls_reload (f, app);
  g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "not-eligible");
  g_assert_false (sec_record_get_bool (back, "eligibility-overridden"));
  g_assert_null (sec_record_get_string (back, "override-reason"));
  g_assert_false (sec_application_get_score (SEC_APPLICATION (back), NULL));
  g_clear_object (&back);

  /* A correction to the organisation shows after a check again. */
  sec_record_set_string (pl, "country", "EE");
  g_assert_true (sec_store_update (f->store, pl, &error));
  g_assert_true (sec_call_refresh_applications (f->store, SEC_CALL (f->call), &error));
  g_assert_no_error (error);
  back = sec_test_calls_reload (f, app);
  g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "eligible");
  g_assert_null (sec_record_get_string (back, "eligibility-rule"));
  g_assert_null (sec_record_get_string (back, "eligibility-reason"));
}


/* An organisation created on the spot goes in with its application, or
 * not at all. */
static void
test_new_organisation_with_application (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) org = sec_record_new (SEC_TYPE_ORGANISATION);
  g_autoptr(SecRecord) app = sec_record_new (SEC_TYPE_APPLICATION);
  g_autoptr(SecRecord) twin = sec_record_new (SEC_TYPE_ORGANISATION);
  g_autoptr(SecRecord) app2 = sec_record_new (SEC_TYPE_APPLICATION);
  g_autoptr(SecRecord) app3 = sec_record_new (SEC_TYPE_APPLICATION);
  gint64 orgs_before = sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL);

  sec_record_set_string (org, "name", "Kvinfo Danmark");
  sec_record_set_string (org, "country", "DK");
  sec_record_set_string (app, "received-at", "2018-04-24T16:20");
  g_assert_true (sec_call_add_application (f->store, SEC_CALL (f->call), SEC_APPLICATION (app),
                                           SEC_ORGANISATION (org), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_id (org), >, 0);
  g_assert_cmpint (sec_record_get_ref (app, "organisation"), ==, sec_record_get_id (org));
  g_assert_cmpint (sec_record_get_ref (app, "call"), ==, sec_record_get_id (f->call));
  g_assert_cmpstr (sec_record_get_string (app, "eligibility"), ==, "eligible");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, orgs_before + 1);

  /* A second organisation of the same name: refused, and its application
   * is not stored either. */
  sec_record_set_string (twin, "name", "Kvinfo Danmark");
  g_assert_false (sec_call_add_application (f->store, SEC_CALL (f->call), SEC_APPLICATION (app2),
                                            SEC_ORGANISATION (twin), &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Kvinfo Danmark"));
  g_clear_error (&error);
  g_assert_cmpint (sec_record_get_id (twin), ==, 0);
  g_assert_cmpint (sec_record_get_id (app2), ==, 0);

  /* A new organisation whose application fails (the same organisation
   * applying twice cannot happen with a new one, so: an invalid score)
   * is not stored. */
  g_clear_object (&twin);
  twin = sec_record_new (SEC_TYPE_ORGANISATION);
  sec_record_set_string (twin, "name", "Malta Foundation for Wellbeing");
  sec_record_set_string (app3, "score", "A+");
  g_assert_false (sec_call_add_application (f->store, SEC_CALL (f->call), SEC_APPLICATION (app3),
                                            SEC_ORGANISATION (twin), &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sec_record_get_id (twin), ==, 0);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, orgs_before + 1);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_APPLICATION, NULL, NULL), ==, 1);

  /* The same organisation cannot apply twice to a call. */
  g_clear_object (&app2);
  app2 = sec_record_new (SEC_TYPE_APPLICATION);
  sec_record_set_ref (app2, "organisation", sec_record_get_id (org));
  g_assert_false (sec_call_add_application (f->store, SEC_CALL (f->call), SEC_APPLICATION (app2), NULL, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "This organisation has already applied to that call");
  g_clear_error (&error);

  /* No received-at: received now, in the call's zone. */
  {
    g_autoptr(SecRecord) other = sec_test_calls_organisation (f, "Dansk Flygtningehjælp", "DK", NULL);
    g_autoptr(SecRecord) now_app = sec_record_new (SEC_TYPE_APPLICATION);
    g_autoptr(GTimeZone) brussels = g_time_zone_new_identifier ("Europe/Brussels");
    g_autoptr(GDateTime) now = g_date_time_new_now (brussels);
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    sec_record_set_ref (now_app, "organisation", sec_record_get_id (other));
    g_assert_true (sec_call_add_application (f->store, SEC_CALL (f->call), SEC_APPLICATION (now_app), NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (sec_record_get_string (now_app, "received-at"), today));
    g_assert_true (sec_record_get_bool (now_app, "late"));
  }
}


static gint64
count_memberships (SecTestCalls *f, SecRecord *org)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *id = sec_test_id_text (sec_record_get_id (org));

  sec_query_add (q, "organisation", SEC_QUERY_EQUALS, id);
  return sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, q, NULL);
}

static void
on_changed (SecStore *store, GType kind, gint64 id, int change, GPtrArray *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%s %d", g_type_name (kind), change));
}

static void
test_selection_membership (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) mt = sec_test_calls_organisation (f, "Malta Anti-Trafficking Network", "MT", NULL);
  g_autoptr(SecRecord) dk = sec_test_calls_organisation (f, "Reden International", "DK", NULL);
  g_autoptr(SecRecord) eplatform = sec_test_make (f->store, SEC_TYPE_BODY, "name", "ePlatform", NULL);
  g_autofree char *eplatform_id = sec_test_id_text (sec_record_get_id (eplatform));
  g_autofree char *mt_id = sec_test_id_text (sec_record_get_id (mt));
  g_autoptr(SecRecord) earlier = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", mt_id, "body", eplatform_id,
                                       "joined-on", "2016-01-01", NULL);
  g_autoptr(SecRecord) app = sec_test_calls_apply (f, f->call, mt, "2018-04-20T12:00", NULL);
  g_autoptr(SecRecord) app_dk = sec_test_calls_apply (f, f->call, dk, "2018-04-21T12:00", NULL);
  g_autoptr(SecRecord) membership = NULL;
  g_autoptr(SecRecord) back = NULL;
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  gint64 total_before = sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, NULL, NULL);
  gulong handler;

  g_assert_cmpint (count_memberships (f, mt), ==, 1);

  /* Selecting: a membership of the call's body, from the chosen date,
   * with the call as how it joined, linked from the application. */
  handler = g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), log);
  g_assert_true (sec_application_select (f->store, SEC_APPLICATION (app), "2018-09-01", &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->store, handler);
  /* One transaction: the signals came after it, one per write. */
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "SecMembership 0");
  g_assert_cmpstr (g_ptr_array_index (log, 1), ==, "SecApplication 1");

  g_assert_cmpstr (sec_record_get_string (app, "outcome"), ==, "selected");
  g_assert_cmpint (sec_record_get_ref (app, "membership"), >, 0);
  membership = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, sec_record_get_ref (app, "membership"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_ref (membership, "organisation"), ==, sec_record_get_id (mt));
  g_assert_cmpint (sec_record_get_ref (membership, "body"), ==, sec_record_get_id (f->platform));
  g_assert_cmpint (sec_record_get_ref (membership, "call"), ==, sec_record_get_id (f->call));
  g_assert_cmpstr (sec_record_get_string (membership, "joined-on"), ==, "2018-09-01");
  g_assert_cmpstr (sec_record_get_string (membership, "status"), ==, "active");
  g_assert_cmpstr (sec_record_get_derived (membership, "call-title"), ==, sec_record_get_string (f->call, "title"));
  back = sec_test_calls_reload (f, app);
  g_assert_cmpstr (sec_record_get_string (back, "outcome"), ==, "selected");
  g_assert_cmpint (sec_record_get_ref (back, "membership"), ==, sec_record_get_id (membership));
  g_assert_cmpstr (sec_record_get_derived (back, "joined-on"), ==, "2018-09-01");
  g_clear_object (&back);
  g_assert_cmpint (count_memberships (f, mt), ==, 2);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, NULL, NULL), ==, total_before + 1);
  back = sec_test_calls_reload (f, f->call);
  g_assert_cmpstr (sec_record_get_derived (back, "selected-count"), ==, "1");
  g_clear_object (&back);
  /* The body now counts the organisation among its members. */
  back = sec_test_calls_reload (f, f->platform);
  g_assert_cmpstr (sec_record_get_derived (back, "member-count"), ==, "1");
  g_clear_object (&back);

  /* Selecting twice is refused, and changes nothing. */
  g_assert_false (sec_application_select (f->store, SEC_APPLICATION (app), "2018-10-01", &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_memberships (f, mt), ==, 2);

  /* An organisation already a member of the body cannot join again. */
  {
    g_autofree char *dk_id = sec_test_id_text (sec_record_get_id (dk));
    g_autofree char *body_id = sec_test_id_text (sec_record_get_id (f->platform));
    g_autoptr(SecRecord) m = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", dk_id, "body", body_id,
                                   "joined-on", "2014-03-01", NULL);

    g_assert_false (sec_application_select (f->store, SEC_APPLICATION (app_dk), "2018-09-01", &error));
    g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (error->message, ==, "Reden International is already a member of Platform");
    g_clear_error (&error);
    g_assert_cmpstr (sec_record_get_string (app_dk, "outcome"), ==, "pending");
    g_assert_cmpint (sec_record_get_ref (app_dk, "membership"), ==, 0);
    g_assert_cmpint (count_memberships (f, dk), ==, 1);
  }

  /* A bad date is refused before anything is written. */
  g_assert_false (sec_application_select (f->store, SEC_APPLICATION (app_dk), "1 September", &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Undoing: that membership goes, and only that one. */
  g_assert_true (sec_application_unselect (f->store, SEC_APPLICATION (app), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (app, "outcome"), ==, "pending");
  g_assert_cmpint (sec_record_get_ref (app, "membership"), ==, 0);
  g_assert_null (sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, sec_record_get_id (membership), &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_memberships (f, mt), ==, 1);
  back = sec_test_calls_reload (f, earlier);
  g_assert_cmpint (sec_record_get_ref (back, "body"), ==, sec_record_get_id (eplatform));
  g_clear_object (&back);
  back = sec_test_calls_reload (f, app);
  g_assert_cmpstr (sec_record_get_string (back, "outcome"), ==, "pending");
  g_assert_cmpint (sec_record_get_ref (back, "membership"), ==, 0);
  g_clear_object (&back);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, NULL, NULL), ==, total_before + 1 /* DK's */);

  /* Selected again, from another date; then the membership is deleted by
   * hand: the application forgets it, and unselecting still works. */
  g_assert_true (sec_application_select (f->store, SEC_APPLICATION (app), "2018-10-15", &error));
  g_assert_no_error (error);
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_MEMBERSHIP, sec_record_get_ref (app, "membership"), &error));
  g_assert_no_error (error);
  back = sec_test_calls_reload (f, app);
  g_assert_cmpint (sec_record_get_ref (back, "membership"), ==, 0);
  g_assert_cmpstr (sec_record_get_string (back, "outcome"), ==, "selected");
  g_assert_true (sec_application_unselect (f->store, SEC_APPLICATION (app), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_memberships (f, mt), ==, 1);
}

static const SecCountryBalance *
balance_of (GArray *rows, const char *country)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (g_array_index (rows, SecCountryBalance, i).country, country))
      return &g_array_index (rows, SecCountryBalance, i);
  return NULL;
}

static void
test_geographical_balance (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = sec_test_id_text (sec_record_get_id (f->platform));
  const char *members[][3] = {
    { "La Strada International", "NL", "2013-05-31" },
    { "Fondation Scelles", "FR", "2013-05-31" },
    { "Association ALC", "FR", "2014-01-01" },
    { "KOK e.V.", "DE", "2013-05-31" },
    { "Ban Ying", "DE", "2013-05-31" },
    { "Proyecto Esperanza", "ES", "2016-06-01" },
    { "Solwodi", "DE", NULL },
    { "Anti-Slavery International", "GB", "2013-05-31" },
    { "Organisation without a country", NULL, "2013-05-31" },
  };
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) by_name = NULL;
  g_autoptr(GArray) before = NULL;
  const char *const *eu = sec_countries_eu ();

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(SecRecord) org = sec_test_calls_organisation (f, members[i][0], members[i][1], NULL);
      g_autofree char *org_id = sec_test_id_text (sec_record_get_id (org));
      g_autoptr(SecRecord) m = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", org_id, "body", body,
                                     "joined-on", members[i][2], NULL);
    }
  /* An ended membership and a left one do not count. */
  {
    g_autoptr(SecRecord) org = sec_test_calls_organisation (f, "Former member", "IT", NULL);
    g_autoptr(SecRecord) gone = sec_test_calls_organisation (f, "Left in 2017", "AT", NULL);
    g_autofree char *org_id = sec_test_id_text (sec_record_get_id (org));
    g_autofree char *gone_id = sec_test_id_text (sec_record_get_id (gone));
    g_autoptr(SecRecord) m = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", org_id, "body", body,
                                   "joined-on", "2013-05-31", "status", "ended", NULL);
    g_autoptr(SecRecord) m2 = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", gone_id, "body", body,
                                    "joined-on", "2013-05-31", "left-on", "2017-12-31", NULL);
  }
  /* Applications to the 2018 call, one of them selected. */
  {
    g_autoptr(SecRecord) mt = sec_test_calls_organisation (f, "Malta Anti-Trafficking Network", "MT", NULL);
    g_autoptr(SecRecord) dk = sec_test_calls_organisation (f, "Reden International", "DK", NULL);
    g_autoptr(SecRecord) dk2 = sec_test_calls_organisation (f, "Kvinfo Danmark", "DK", NULL);
    g_autoptr(SecRecord) a1 = sec_test_calls_apply (f, f->call, mt, "2018-04-20T12:00", NULL);
    g_autoptr(SecRecord) a2 = sec_test_calls_apply (f, f->call, dk, "2018-04-20T12:00", NULL);
    g_autoptr(SecRecord) a3 = sec_test_calls_apply (f, f->call, dk2, "2018-04-20T12:00", NULL);
    g_assert_true (sec_application_select (f->store, SEC_APPLICATION (a2), "2018-09-01", &error));
    g_assert_no_error (error);
  }

  rows = sec_call_dup_country_balance (f->store, SEC_CALL (f->call), "2018-06-01", SEC_BALANCE_PROTOCOL_ORDER, &error);
  g_assert_no_error (error);
  /* 27 Member States, then GB (out of the EU), then the unknown country. */
  g_assert_cmpuint (rows->len, ==, 29);
  for (guint i = 0; i < 27; i++)
    {
      const SecCountryBalance *row = &g_array_index (rows, SecCountryBalance, i);
      g_assert_cmpstr (row->country, ==, eu[i]);
      g_assert_true (row->member_state);
    }
  g_assert_cmpstr (g_array_index (rows, SecCountryBalance, 27).country, ==, "GB");
  g_assert_false (g_array_index (rows, SecCountryBalance, 27).member_state);
  g_assert_cmpstr (g_array_index (rows, SecCountryBalance, 28).country, ==, "");
  g_assert_cmpuint (g_array_index (rows, SecCountryBalance, 28).members, ==, 1);

  g_assert_cmpuint (balance_of (rows, "DE")->members, ==, 3);
  g_assert_cmpuint (balance_of (rows, "FR")->members, ==, 2);
  g_assert_cmpuint (balance_of (rows, "NL")->members, ==, 1);
  g_assert_cmpuint (balance_of (rows, "ES")->members, ==, 1);
  g_assert_cmpuint (balance_of (rows, "IT")->members, ==, 0);
  g_assert_cmpuint (balance_of (rows, "AT")->members, ==, 0);
  /* The three countries the 2018 call targeted had no member... */
  g_assert_cmpuint (balance_of (rows, "DK")->members, ==, 0);
  g_assert_cmpuint (balance_of (rows, "EE")->members, ==, 0);
  g_assert_cmpuint (balance_of (rows, "MT")->members, ==, 0);
  /* ...and received the applications. */
  g_assert_cmpuint (balance_of (rows, "DK")->applications, ==, 2);
  g_assert_cmpuint (balance_of (rows, "DK")->selected, ==, 1);
  g_assert_cmpuint (balance_of (rows, "MT")->applications, ==, 1);
  g_assert_cmpuint (balance_of (rows, "MT")->selected, ==, 0);
  g_assert_cmpuint (balance_of (rows, "EE")->applications, ==, 0);
  {
    guint zero = 0;
    for (guint i = 0; i < 27; i++)
      zero += g_array_index (rows, SecCountryBalance, i).members == 0;
    g_assert_cmpuint (zero, ==, 23);
  }

  /* After the selection took effect, Denmark has its member. */
  g_clear_pointer (&rows, g_array_unref);
  rows = sec_call_dup_country_balance (f->store, SEC_CALL (f->call), "2018-09-01", SEC_BALANCE_PROTOCOL_ORDER, &error);
  g_assert_cmpuint (balance_of (rows, "DK")->members, ==, 1);
  /* And in 2015, neither Spain nor Denmark had one, Austria had. */
  before = sec_body_dup_country_balance (f->store, sec_record_get_id (f->platform), 0, "2015-01-01",
                                         SEC_BALANCE_PROTOCOL_ORDER, &error);
  g_assert_cmpuint (balance_of (before, "ES")->members, ==, 0);
  g_assert_cmpuint (balance_of (before, "AT")->members, ==, 1);
  g_assert_cmpuint (balance_of (before, "DK")->applications, ==, 0);

  /* By name: Austria, Belgium, Bulgaria, Croatia... */
  by_name = sec_call_dup_country_balance (f->store, SEC_CALL (f->call), "2018-06-01", SEC_BALANCE_BY_NAME, &error);
  g_assert_cmpuint (by_name->len, ==, 29);
  g_assert_cmpstr (g_array_index (by_name, SecCountryBalance, 0).country, ==, "AT");
  g_assert_cmpstr (g_array_index (by_name, SecCountryBalance, 1).country, ==, "BE");
  g_assert_cmpstr (g_array_index (by_name, SecCountryBalance, 2).country, ==, "BG");
  g_assert_cmpstr (g_array_index (by_name, SecCountryBalance, 3).country, ==, "HR");
  g_assert_cmpstr (g_array_index (by_name, SecCountryBalance, 26).country, ==, "SE");

  g_assert_null (sec_body_dup_country_balance (f->store, 1, 0, "June 2018", SEC_BALANCE_PROTOCOL_ORDER, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
}

/* The demo's 2018 targeted call, checked by the rules it declares: the
 * automatic check agrees with the eligibility the demo records by hand. */
static void
test_demo_2018_call (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sec-calls-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GHashTable) recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) balance = NULL;
  g_autofree char *call_id = NULL;
  SecRecord *call;
  guint late = 0;

  g_assert_no_error (error);
  g_assert_true (sec_demo_fill (store, &error));
  g_assert_no_error (error);

  sec_query_add (q, "reference", SEC_QUERY_EQUALS, "CSP-2018-DK-EE-MT");
  calls = sec_store_list (store, SEC_TYPE_CALL, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (sec_record_get_string (call, "eligible-countries"), ==, "DK,EE,MT");

  call_id = sec_test_id_text (sec_record_get_id (call));
  g_clear_pointer (&q, sec_query_free);
  q = sec_query_new ();
  sec_query_add (q, "call", SEC_QUERY_EQUALS, call_id);
  apps = sec_store_list (store, SEC_TYPE_APPLICATION, q, &error);
  g_assert_cmpuint (apps->len, ==, 9);
  for (guint i = 0; i < apps->len; i++)
    {
      SecRecord *a = g_ptr_array_index (apps, i);
      g_hash_table_insert (recorded, g_strdup (sec_record_get_derived (a, "organisation-name")),
                           g_strdup (sec_record_get_string (a, "eligibility")));
    }
  g_clear_pointer (&apps, g_ptr_array_unref);

  /* The call is for civil society organisations; its geographical balance
   * is what the eligible countries express, not a thematic focus. */
  sec_record_set_string (call, "eligible-kinds", "civil-society");
  sec_record_set_string (call, "thematic-focus", NULL);
  g_assert_true (sec_call_save (store, SEC_CALL (call), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (call, "status"), ==, "decided");

  apps = sec_store_list (store, SEC_TYPE_APPLICATION, q, &error);
  for (guint i = 0; i < apps->len; i++)
    {
      SecRecord *a = g_ptr_array_index (apps, i);
      const char *name = sec_record_get_derived (a, "organisation-name");
      const char *received = sec_record_get_string (a, "received-at");

      g_test_message ("%s: %s %s", name, sec_record_get_string (a, "checked-eligibility"),
                      sec_record_get_string (a, "eligibility-reason") ? sec_record_get_string (a, "eligibility-reason") : "");
      g_assert_cmpstr (sec_record_get_string (a, "checked-eligibility"), ==, g_hash_table_lookup (recorded, name));
      g_assert_cmpstr (sec_record_get_string (a, "eligibility"), ==, g_hash_table_lookup (recorded, name));
      late += sec_record_get_bool (a, "late");
      /* The erratum of 9 April: version 2 from that day. */
      g_assert_cmpint (sec_record_get_int (a, "call-version"), ==, strcmp (received, "2018-04-09") < 0 ? 1 : 2);
      if (g_str_equal (name, "Föreningen Trygg Återvändo"))
        g_assert_cmpstr (sec_record_get_string (a, "eligibility-reason"), ==,
                         "Denmark, Estonia and Malta only: the organisation is based in Sweden");
      if (g_str_equal (name, "Põhjaranniku Konsultatsioonid OÜ"))
        g_assert_cmpstr (sec_record_get_string (a, "eligibility-rule"), ==, "organisation-kind");
      if (g_str_equal (name, "Ċentru Appoġġ għan-Nisa"))
        g_assert_cmpstr (sec_record_get_string (a, "eligibility-rule"), ==, "deadline");
    }
  g_assert_cmpuint (late, ==, 1);

  versions = sec_call_dup_versions (store, SEC_CALL (call), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);

  /* The balance the call was for: a member in each of the three now. */
  balance = sec_call_dup_country_balance (store, SEC_CALL (call), "2018-07-01", SEC_BALANCE_PROTOCOL_ORDER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (balance_of (balance, "DK")->members, >=, 1);
  g_assert_cmpuint (balance_of (balance, "EE")->members, >=, 1);
  g_assert_cmpuint (balance_of (balance, "MT")->members, >=, 1);
  g_assert_cmpuint (balance_of (balance, "DK")->applications, ==, 2);
  g_assert_cmpuint (balance_of (balance, "EE")->applications, ==, 3);
  g_assert_cmpuint (balance_of (balance, "SE")->applications, ==, 1);
  g_clear_pointer (&balance, g_array_unref);
  balance = sec_call_dup_country_balance (store, SEC_CALL (call), "2018-06-30", SEC_BALANCE_PROTOCOL_ORDER, &error);
  g_assert_cmpuint (balance_of (balance, "DK")->members, ==, 0);
  g_assert_cmpuint (balance_of (balance, "EE")->members, ==, 0);
  g_assert_cmpuint (balance_of (balance, "MT")->members, ==, 0);

  g_clear_pointer (&apps, g_ptr_array_unref);
  g_clear_pointer (&calls, g_ptr_array_unref);
  g_clear_object (&store);
  sec_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calls/demo-2018-call", test_demo_2018_call);
#define ADD SEC_TEST_CALLS_ADD
  ADD ("/calls/eligibility/rules", test_eligibility_rules);
  ADD ("/calls/eligibility/entry-and-override", test_eligibility_on_entry_and_override);
  ADD ("/calls/new-organisation", test_new_organisation_with_application);
  ADD ("/calls/selection-membership", test_selection_membership);
  ADD ("/calls/geographical-balance", test_geographical_balance);
#undef ADD

  return g_test_run ();
}
