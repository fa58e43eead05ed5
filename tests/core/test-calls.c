/* test-calls.c: calls for expression of interest: the late flag across time
 * zones and daylight-saving changes, the status from the dates, the
 * eligibility rules and their override, errata versions, selection and its
 * undoing, the geographical balance, and the upgrade of a version 2
 * database. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "core/calls/sec-calls.h"
#include "core/base/sec-countries.h"
#include "cli/sec-demo.h"
#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  SecStore  *store;
  SecRecord *platform;  /* a body */
  SecRecord *call;      /* the 2018 targeted call: DK, EE, MT */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body_id = NULL;

  f->dir = sec_test_make_tmp_dir ("sec-calls-XXXXXX");
  f->store = sec_test_open_store (f->dir, "test.db", &f->path);

  f->platform = sec_test_make (f->store, SEC_TYPE_BODY, "name", "EU Civil Society Platform against trafficking in human beings",
                      "acronym", "Platform", "established-on", "2013-05-31", NULL);
  body_id = sec_test_id_text (sec_record_get_id (f->platform));
  f->call = sec_record_new (SEC_TYPE_CALL);
  sec_record_set_string (f->call, "title", "Call for expression of interest for geographical balance");
  sec_record_set_string (f->call, "reference", "HOME/2018/ATC/01");
  sec_record_set_ref (f->call, "body", sec_record_get_id (f->platform));
  sec_record_set_string (f->call, "kind", "targeted");
  sec_record_set_string (f->call, "eligible-countries", "DK,EE,MT");
  sec_record_set_string (f->call, "published-on", "2018-03-20");
  sec_record_set_string (f->call, "deadline", "2018-04-25T23:59");
  sec_record_set_string (f->call, "description", "First paragraph.\n\nSecond paragraph, as published.");
  g_assert_true (sec_call_save (f->store, SEC_CALL (f->call), &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->platform);
  g_clear_object (&f->call);
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static SecRecord *
organisation (Fixture *f, const char *name, const char *country, const char *kind)
{
  return sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", name, "country", country,
               "kind", kind ? kind : "civil-society", NULL);
}

/* Enters an application the way the window does. */
static SecRecord *
apply (Fixture *f, SecRecord *call, SecRecord *org, const char *received_at, const char *zone)
{
  g_autoptr(GError) error = NULL;
  SecRecord *app = sec_record_new (SEC_TYPE_APPLICATION);

  sec_record_set_ref (app, "organisation", sec_record_get_id (org));
  sec_record_set_string (app, "received-at", received_at);
  sec_record_set_string (app, "received-timezone", zone);
  g_assert_true (sec_call_add_application (f->store, SEC_CALL (call), SEC_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

static SecRecord *
reload (Fixture *f, SecRecord *r)
{
  g_autoptr(GError) error = NULL;
  SecRecord *back = sec_store_get (f->store, G_OBJECT_TYPE (r), sec_record_get_id (r), &error);

  g_assert_no_error (error);
  return back;
}

static GDateTime *
utc (int y, int mo, int d, int h, int mi, int s)
{
  return g_date_time_new_utc (y, mo, d, h, mi, s);
}

static void
assert_instant (GDateTime *dt, const char *utc_iso)
{
  g_autoptr(GDateTime) u = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (dt);
  u = g_date_time_to_utc (dt);
  text = g_date_time_format (u, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (text, ==, utc_iso);
}

/* Wall-clock times that do not exist, or exist twice. */
static void
test_resolve_wall_time (void)
{
  g_autoptr(GDateTime) gap = sec_resolve_wall_time ("2018-03-25T02:30", "Europe/Brussels", TRUE);
  g_autoptr(GDateTime) twice_later = sec_resolve_wall_time ("2018-10-28T02:30", "Europe/Brussels", TRUE);
  g_autoptr(GDateTime) twice_earlier = sec_resolve_wall_time ("2018-10-28T02:30", "Europe/Brussels", FALSE);
  g_autoptr(GDateTime) summer = sec_resolve_wall_time ("2018-04-25T23:59", "Europe/Brussels", TRUE);
  g_autoptr(GDateTime) lisbon = sec_resolve_wall_time ("2018-04-25T23:59", "Europe/Lisbon", TRUE);
  g_autoptr(GDateTime) day = sec_resolve_wall_time ("2018-03-20", NULL, FALSE);
  g_autoptr(GDateTime) seconds = sec_resolve_wall_time ("2018-04-25T23:59:30", "UTC", FALSE);
  g_autofree char *local = NULL;

  /* 02:30 on 25 March 2018 never showed in Brussels (02:00 became 03:00):
   * read with the winter offset, it is 01:30 UTC, 03:30 summer time. */
  assert_instant (gap, "2018-03-25T01:30:00Z");
  local = g_date_time_format (gap, "%H:%M %z");
  g_assert_cmpstr (local, ==, "03:30 +0200");
  /* 02:30 on 28 October 2018 showed twice: 00:30 and 01:30 UTC. */
  assert_instant (twice_later, "2018-10-28T01:30:00Z");
  assert_instant (twice_earlier, "2018-10-28T00:30:00Z");
  assert_instant (summer, "2018-04-25T21:59:00Z");
  assert_instant (lisbon, "2018-04-25T22:59:00Z");
  assert_instant (day, "2018-03-19T23:00:00Z");
  assert_instant (seconds, "2018-04-25T23:59:30Z");

  g_assert_null (sec_resolve_wall_time ("2018-02-30T10:00", "Europe/Brussels", TRUE));
  g_assert_null (sec_resolve_wall_time ("yesterday", "Europe/Brussels", TRUE));
  g_assert_null (sec_resolve_wall_time ("2018-04-25T23:59", "Nowhere/Atlantis", TRUE));
}

static void
test_late_time_zones (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) dk = organisation (f, "Dansk Kvindesamfund", "DK", NULL);
  g_autofree char *deadline = sec_call_format_deadline (SEC_CALL (f->call));
  struct {
    const char *received_at;
    const char *zone;
    gboolean late;
  } cases[] = {
    /* Brussels deadline 23:59 CEST = 21:59 UTC. */
    { "2018-04-25T23:59", NULL, FALSE },               /* the deadline itself */
    { "2018-04-25T23:59:00", "Europe/Brussels", FALSE },
    { "2018-04-25T23:59:01", "Europe/Brussels", TRUE },
    { "2018-04-26T00:10", NULL, TRUE },
    { "2018-04-25T23:59", "Europe/Lisbon", TRUE },     /* 22:59 UTC: an hour late */
    { "2018-04-25T22:59", "Europe/Lisbon", FALSE },    /* 21:59 UTC: just in time */
    { "2018-04-25T23:00", "Europe/Lisbon", TRUE },
    { "2018-04-26T00:30", "Europe/Tallinn", FALSE },   /* 21:30 UTC: next day there, in time */
    { "2018-04-26T01:00", "Europe/Tallinn", TRUE },    /* 22:00 UTC */
    { "2018-04-25T17:30", "America/New_York", FALSE }, /* 21:30 UTC */
    { "2018-04-25T18:00", "America/New_York", TRUE },  /* 22:00 UTC */
    { "2018-04-25T21:59", "UTC", FALSE },
    { "2018-04-25T22:00", "UTC", TRUE },
  };

  g_assert_cmpstr (deadline, ==, "25 April 2018, 23:59 (Europe/Brussels)");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SecRecord) app = sec_record_new (SEC_TYPE_APPLICATION);
      g_autoptr(SecRecord) back = NULL;

      g_test_message ("received %s in %s", cases[i].received_at, cases[i].zone ? cases[i].zone : "the call's zone");
      sec_record_set_ref (app, "organisation", sec_record_get_id (dk));
      sec_record_set_string (app, "received-at", cases[i].received_at);
      sec_record_set_string (app, "received-timezone", cases[i].zone);
      g_assert_cmpint (sec_application_is_late (SEC_APPLICATION (app), SEC_CALL (f->call)), ==, cases[i].late);
      /* Entered, the flag is stored. */
      g_assert_true (sec_call_add_application (f->store, SEC_CALL (f->call), SEC_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
      back = reload (f, app);
      g_assert_cmpint (sec_record_get_bool (back, "late"), ==, cases[i].late);
      if (cases[i].late)
        {
          g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "not-eligible");
          g_assert_cmpstr (sec_record_get_string (back, "eligibility-rule"), ==, "deadline");
          g_assert_true (g_str_has_prefix (sec_record_get_string (back, "eligibility-reason"),
                                           "Deadline 25 April 2018, 23:59 (Europe/Brussels): received "));
        }
      else
        g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "eligible");
      g_assert_true (sec_store_delete (f->store, SEC_TYPE_APPLICATION, sec_record_get_id (back), &error));
      g_assert_no_error (error);
    }
}

static SecRecord *
call_with_deadline (Fixture *f, const char *reference, const char *deadline, const char *zone)
{
  g_autoptr(GError) error = NULL;
  SecRecord *call = sec_record_new (SEC_TYPE_CALL);

  sec_record_set_string (call, "title", reference);
  sec_record_set_string (call, "reference", reference);
  sec_record_set_ref (call, "body", sec_record_get_id (f->platform));
  sec_record_set_string (call, "published-on", "2018-01-15");
  sec_record_set_string (call, "deadline", deadline);
  if (zone)
    sec_record_set_string (call, "deadline-timezone", zone);
  g_assert_true (sec_call_save (f->store, SEC_CALL (call), &error));
  g_assert_no_error (error);
  return call;
}

static void
assert_late (Fixture *f, SecRecord *call, SecRecord *org, const char *at, const char *zone, gboolean late)
{
  g_autoptr(SecRecord) app = apply (f, call, org, at, zone);
  g_autoptr(GError) error = NULL;

  g_test_message ("%s in %s: %s", at, zone ? zone : "-", late ? "late" : "in time");
  g_assert_cmpint (sec_record_get_bool (app, "late"), ==, late);
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_APPLICATION, sec_record_get_id (app), &error));
  g_assert_no_error (error);
}

/* A deadline in the hour skipped when clocks go forward. */
static void
test_late_dst_gap (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) call = call_with_deadline (f, "SPRING", "2018-03-25T02:30", NULL);
  g_autoptr(SecRecord) org = organisation (f, "Fondation Spring", "BE", NULL);
  g_autoptr(GDateTime) deadline = sec_call_get_deadline (SEC_CALL (call));

  assert_instant (deadline, "2018-03-25T01:30:00Z");
  assert_late (f, call, org, "2018-03-25T01:59", NULL, FALSE);           /* 00:59 UTC */
  assert_late (f, call, org, "2018-03-25T03:29", NULL, FALSE);           /* 01:29 UTC */
  assert_late (f, call, org, "2018-03-25T03:30", NULL, FALSE);           /* the deadline */
  assert_late (f, call, org, "2018-03-25T03:31", NULL, TRUE);
  assert_late (f, call, org, "2018-03-25T02:30", NULL, FALSE);           /* the same missing reading */
  assert_late (f, call, org, "2018-03-25T02:45", NULL, TRUE);            /* 01:45 UTC */
  assert_late (f, call, org, "2018-03-25T01:30", "UTC", FALSE);
  assert_late (f, call, org, "2018-03-25T01:31", "UTC", TRUE);
  assert_late (f, call, org, "2018-03-25T02:31", "Europe/London", TRUE); /* 01:31 UTC, London's own jump */
  assert_late (f, call, org, "2018-03-25T00:30", "Europe/Lisbon", FALSE);
}

/* A deadline in the hour repeated when clocks go back. */
static void
test_late_dst_repeated (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) call = call_with_deadline (f, "AUTUMN", "2018-10-28T02:30", NULL);
  g_autoptr(SecRecord) org = organisation (f, "Fondation Autumn", "BE", NULL);
  g_autoptr(GDateTime) deadline = sec_call_get_deadline (SEC_CALL (call));

  /* The second 02:30 (winter time): applicants get the extra hour. */
  assert_instant (deadline, "2018-10-28T01:30:00Z");
  assert_late (f, call, org, "2018-10-28T02:30", NULL, FALSE);
  /* 02:45 is read as the first 02:45 (summer time), 00:45 UTC. */
  assert_late (f, call, org, "2018-10-28T02:45", NULL, FALSE);
  assert_late (f, call, org, "2018-10-28T03:00", NULL, TRUE);           /* 02:00 UTC */
  assert_late (f, call, org, "2018-10-28T01:29", "UTC", FALSE);
  assert_late (f, call, org, "2018-10-28T01:30", "UTC", FALSE);
  assert_late (f, call, org, "2018-10-28T01:31", "UTC", TRUE);
  /* Lisbon repeats its own 01:00-02:00 that night: the first 01:31 is
   * 00:31 UTC, in time; 02:00 there is 02:00 UTC, late. */
  assert_late (f, call, org, "2018-10-28T01:31", "Europe/Lisbon", FALSE);
  assert_late (f, call, org, "2018-10-28T02:00", "Europe/Lisbon", TRUE);
}

/* A deadline in another zone, and a change of deadline after entry. */
static void
test_late_follows_deadline (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) ee = organisation (f, "Eesti Naiste Varjupaikade Liit", "EE", NULL);
  g_autoptr(SecRecord) app = apply (f, f->call, ee, "2018-04-26T09:00", "Europe/Tallinn");
  g_autoptr(SecRecord) back = NULL;

  g_assert_true (sec_record_get_bool (app, "late"));
  g_assert_cmpstr (sec_record_get_string (app, "eligibility"), ==, "not-eligible");

  /* The deadline is extended by a week: the application is in time. */
  sec_record_set_string (f->call, "deadline", "2018-05-02T17:00");
  g_assert_true (sec_call_save (f->store, SEC_CALL (f->call), &error));
  g_assert_no_error (error);
  back = reload (f, app);
  g_assert_false (sec_record_get_bool (back, "late"));
  g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "eligible");
  g_clear_object (&back);

  /* Read in Tallinn's zone, the same wall-clock deadline is an hour earlier. */
  sec_record_set_string (f->call, "deadline", "2018-04-26T10:30");
  sec_record_set_string (f->call, "deadline-timezone", "Europe/Tallinn");
  g_assert_true (sec_call_save (f->store, SEC_CALL (f->call), &error));
  back = reload (f, app);
  g_assert_false (sec_record_get_bool (back, "late"));
  g_clear_object (&back);
  sec_record_set_string (f->call, "deadline", "2018-04-26T08:59");
  g_assert_true (sec_call_save (f->store, SEC_CALL (f->call), &error));
  back = reload (f, app);
  g_assert_true (sec_record_get_bool (back, "late"));
}

static void
test_status_from_dates (Fixture *f, gconstpointer data)
{
  SecCall *call = SEC_CALL (f->call);
  g_autoptr(GDateTime) before = utc (2018, 3, 19, 22, 59, 0);   /* 23:59 on 19 March in Brussels */
  g_autoptr(GDateTime) opening = utc (2018, 3, 19, 23, 0, 0);   /* 00:00 on 20 March in Brussels */
  g_autoptr(GDateTime) during = utc (2018, 4, 10, 12, 0, 0);
  g_autoptr(GDateTime) eve = utc (2018, 4, 24, 21, 59, 0);      /* 23:59 the day before */
  g_autoptr(GDateTime) last_day = utc (2018, 4, 24, 22, 0, 0);  /* 00:00 on the last day */
  g_autoptr(GDateTime) last_minute = utc (2018, 4, 25, 21, 59, 0);
  g_autoptr(GDateTime) after = utc (2018, 4, 25, 21, 59, 1);
  g_autofree char *left = NULL;
  g_autofree char *one = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sec_call_effective_status (call, before), ==, SEC_CALL_DRAFT);
  g_assert_cmpint (sec_call_effective_status (call, opening), ==, SEC_CALL_OPEN);
  g_assert_cmpint (sec_call_effective_status (call, during), ==, SEC_CALL_OPEN);
  g_assert_cmpint (sec_call_effective_status (call, last_minute), ==, SEC_CALL_OPEN);
  g_assert_cmpint (sec_call_effective_status (call, after), ==, SEC_CALL_CLOSED);

  g_assert_cmpint (sec_call_days_left (call, before), ==, -1);
  g_assert_cmpint (sec_call_days_left (call, during), ==, 15);
  g_assert_cmpint (sec_call_days_left (call, eve), ==, 1);
  g_assert_cmpint (sec_call_days_left (call, last_day), ==, 0);
  g_assert_cmpint (sec_call_days_left (call, last_minute), ==, 0);
  g_assert_cmpint (sec_call_days_left (call, after), ==, -1);
  left = sec_call_describe_time_left (call, during);
  one = sec_call_describe_time_left (call, eve);
  last = sec_call_describe_time_left (call, last_day);
  g_assert_cmpstr (left, ==, "15 days left");
  g_assert_cmpstr (one, ==, "1 day left");
  g_assert_cmpstr (last, ==, "Last day, until 23:59");
  g_assert_null (sec_call_describe_time_left (call, after));

  /* Staff's stages stay whatever the dates say. */
  sec_record_set_string (f->call, "status", "evaluation");
  g_assert_cmpint (sec_call_effective_status (call, during), ==, SEC_CALL_EVALUATION);
  g_assert_cmpint (sec_call_days_left (call, during), ==, -1);
  sec_record_set_string (f->call, "status", "decided");
  g_assert_cmpint (sec_call_effective_status (call, after), ==, SEC_CALL_DECIDED);

  /* "closed" or "open" typed by hand do not override the dates. */
  sec_record_set_string (f->call, "status", "closed");
  g_assert_cmpint (sec_call_effective_status (call, during), ==, SEC_CALL_OPEN);

  /* Unpublished: a draft, whatever the time. */
  sec_record_set_string (f->call, "published-on", NULL);
  g_assert_cmpint (sec_call_effective_status (call, after), ==, SEC_CALL_DRAFT);

  /* No deadline: open once published. */
  sec_record_set_string (f->call, "published-on", "2018-03-20");
  sec_record_set_string (f->call, "deadline", NULL);
  g_assert_cmpint (sec_call_effective_status (call, after), ==, SEC_CALL_OPEN);
  g_assert_cmpint (sec_call_days_left (call, after), ==, -1);

  /* Saving writes the stage of today; the 2018 call is long closed. */
  sec_record_set_string (f->call, "deadline", "2018-04-25T23:59");
  g_assert_true (sec_call_save (f->store, call, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (f->call, "status"), ==, "closed");

  /* And all calls at once, for a given moment. */
  g_assert_true (sec_call_update_statuses (f->store, during, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SecRecord) back = reload (f, f->call);
    g_assert_cmpstr (sec_record_get_string (back, "status"), ==, "open");
  }
}

/* The days left count calendar days in the deadline's zone, also across
 * the change to summer time. */
static void
test_days_left_dst (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) call = call_with_deadline (f, "DAYS", "2018-03-26T12:00", NULL);
  g_autoptr(GDateTime) saturday_night = utc (2018, 3, 24, 22, 30, 0);  /* 23:30 Saturday in Brussels (winter time) */
  g_autoptr(GDateTime) sunday_night = utc (2018, 3, 25, 21, 30, 0);    /* 23:30 Sunday (summer time) */
  g_autoptr(GDateTime) monday = utc (2018, 3, 25, 22, 30, 0);          /* 00:30 Monday */

  g_assert_cmpint (sec_call_days_left (SEC_CALL (call), saturday_night), ==, 2);
  g_assert_cmpint (sec_call_days_left (SEC_CALL (call), sunday_night), ==, 1);
  g_assert_cmpint (sec_call_days_left (SEC_CALL (call), monday), ==, 0);
}

static void
test_eligibility_rules (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) mt = organisation (f, "Malta Anti-Trafficking Network", "MT", NULL);
  g_autoptr(SecRecord) pl = organisation (f, "Fundacja La Strada Łódź", "PL", NULL);
  g_autoptr(SecRecord) agency = organisation (f, "Estonian Agency", "EE", "eu-agency");
  g_autoptr(SecRecord) nowhere = organisation (f, "Organisation without a country", NULL, NULL);
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
test_eligibility_on_entry_and_override (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) pl = organisation (f, "Fundacja La Strada Łódź", "PL", NULL);
  g_autoptr(SecRecord) app = apply (f, f->call, pl, "2018-04-20T10:00", NULL);
  g_autoptr(SecRecord) back = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();

  /* Checked on entry, and stored. */
  back = reload (f, app);
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
  back = reload (f, app);
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
  back = reload (f, app);
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
  back = reload (f, app);
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
  back = reload (f, app);
  g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "eligible");
  g_assert_null (sec_record_get_string (back, "eligibility-rule"));
  g_assert_null (sec_record_get_string (back, "eligibility-reason"));
}

static void
test_documents_list (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) app = sec_record_new (SEC_TYPE_APPLICATION);
  const char *docs[] = { "Application form", "  Statutes (Danish, with translation)  ", "", "Annual report 2017", NULL };
  g_auto(GStrv) back = NULL;

  sec_application_set_documents (SEC_APPLICATION (app), docs);
  g_assert_cmpstr (sec_record_get_string (app, "documents"), ==,
                   "Application form\nStatutes (Danish, with translation)\nAnnual report 2017");
  back = sec_application_dup_documents (SEC_APPLICATION (app));
  g_assert_cmpuint (g_strv_length (back), ==, 3);
  g_assert_cmpstr (back[1], ==, "Statutes (Danish, with translation)");
}

/* An organisation created on the spot goes in with its application, or
 * not at all. */
static void
test_new_organisation_with_application (Fixture *f, gconstpointer data)
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
    g_autoptr(SecRecord) other = organisation (f, "Dansk Flygtningehjælp", "DK", NULL);
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

static void
test_errata_versions (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) dk = organisation (f, "Reden International", "DK", NULL);
  g_autoptr(SecRecord) ee = organisation (f, "Living for Tomorrow", "EE", NULL);
  g_autoptr(SecRecord) mt = organisation (f, "Malta Anti-Trafficking Network", "MT", NULL);
  g_autoptr(SecRecord) lv = organisation (f, "Lisbon Friends of Malta", "MT", NULL);
  g_autoptr(SecRecord) erratum = sec_record_new (SEC_TYPE_ERRATUM);
  g_autoptr(SecRecord) early = sec_record_new (SEC_TYPE_ERRATUM);
  g_autoptr(SecRecord) a1 = NULL;
  g_autoptr(SecRecord) a2 = NULL;
  g_autoptr(SecRecord) a3 = NULL;
  g_autoptr(SecRecord) a4 = NULL;
  g_autoptr(SecRecord) back = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *current = NULL;
  SecCallVersion *v;

  /* Before any erratum: version 1, the text as published. */
  a1 = apply (f, f->call, dk, "2018-04-03T11:00", NULL);
  g_assert_cmpint (sec_record_get_int (a1, "call-version"), ==, 1);

  sec_record_set_string (erratum, "published-on", "2018-04-05");
  sec_record_set_string (erratum, "text", "The second paragraph of the call is replaced.");
  sec_record_set_string (erratum, "revised-text", "First paragraph.\n\nSecond paragraph, as corrected.");
  g_assert_true (sec_call_save_erratum (f->store, SEC_CALL (f->call), SEC_ERRATUM (erratum), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_ref (erratum, "call"), ==, sec_record_get_id (f->call));

  /* After it: version 2, from the day the erratum was published. */
  a2 = apply (f, f->call, ee, "2018-04-05T00:00", NULL);
  a3 = apply (f, f->call, mt, "2018-04-20T12:00", NULL);
  g_assert_cmpint (sec_record_get_int (a2, "call-version"), ==, 2);
  g_assert_cmpint (sec_record_get_int (a3, "call-version"), ==, 2);
  /* 23:30 on 4 April in Lisbon is 00:30 on 5 April in Brussels: version 2. */
  a4 = apply (f, f->call, lv, "2018-04-04T23:30", "Europe/Lisbon");
  g_assert_cmpint (sec_record_get_int (a4, "call-version"), ==, 2);
  back = reload (f, a1);
  g_assert_cmpint (sec_record_get_int (back, "call-version"), ==, 1);
  g_clear_object (&back);

  /* The history: the call as published, then each erratum. */
  versions = sec_call_dup_versions (f->store, SEC_CALL (f->call), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  v = g_ptr_array_index (versions, 0);
  g_assert_cmpuint (v->number, ==, 1);
  g_assert_cmpint (v->erratum_id, ==, 0);
  g_assert_cmpstr (v->date, ==, "2018-03-20");
  g_assert_null (v->change);
  g_assert_cmpstr (v->text, ==, "First paragraph.\n\nSecond paragraph, as published.");
  v = g_ptr_array_index (versions, 1);
  g_assert_cmpuint (v->number, ==, 2);
  g_assert_cmpint (v->erratum_id, ==, sec_record_get_id (erratum));
  g_assert_cmpstr (v->date, ==, "2018-04-05");
  g_assert_cmpstr (v->change, ==, "The second paragraph of the call is replaced.");
  current = sec_call_dup_current_text (f->store, SEC_CALL (f->call), &error);
  g_assert_cmpstr (current, ==, "First paragraph.\n\nSecond paragraph, as corrected.");
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* An erratum typed in later but published earlier takes its place in the
   * history, and the applications' versions follow the dates. */
  sec_record_set_string (early, "published-on", "2018-03-28");
  sec_record_set_string (early, "text", "A typing error in the title is corrected.");
  g_assert_true (sec_call_save_erratum (f->store, SEC_CALL (f->call), SEC_ERRATUM (early), &error));
  g_assert_no_error (error);
  versions = sec_call_dup_versions (f->store, SEC_CALL (f->call), &error);
  g_assert_cmpuint (versions->len, ==, 3);
  v = g_ptr_array_index (versions, 1);
  g_assert_cmpint (v->erratum_id, ==, sec_record_get_id (early));
  /* Without a revised text, the text stays that of the version before. */
  g_assert_cmpstr (v->text, ==, "First paragraph.\n\nSecond paragraph, as published.");
  v = g_ptr_array_index (versions, 2);
  g_assert_cmpint (v->erratum_id, ==, sec_record_get_id (erratum));
  g_assert_cmpuint (v->number, ==, 3);
  g_clear_pointer (&versions, g_ptr_array_unref);
  g_assert_cmpuint (sec_call_version_on (f->store, SEC_CALL (f->call), "2018-03-27", NULL), ==, 1);
  g_assert_cmpuint (sec_call_version_on (f->store, SEC_CALL (f->call), "2018-03-28", NULL), ==, 2);
  g_assert_cmpuint (sec_call_version_on (f->store, SEC_CALL (f->call), "2018-04-30", NULL), ==, 3);

  back = reload (f, a1);
  g_assert_cmpint (sec_record_get_int (back, "call-version"), ==, 2);
  g_clear_object (&back);
  back = reload (f, a3);
  g_assert_cmpint (sec_record_get_int (back, "call-version"), ==, 3);
  g_clear_object (&back);

  /* Removing it puts them back. */
  g_assert_true (sec_call_delete_erratum (f->store, SEC_CALL (f->call), sec_record_get_id (early), &error));
  g_assert_no_error (error);
  back = reload (f, a1);
  g_assert_cmpint (sec_record_get_int (back, "call-version"), ==, 1);
  g_clear_object (&back);
  back = reload (f, a3);
  g_assert_cmpint (sec_record_get_int (back, "call-version"), ==, 2);
  g_clear_object (&back);

  /* An erratum of another call is not this call's to delete. */
  {
    g_autoptr(SecRecord) other = call_with_deadline (f, "OTHER", "2018-12-31T17:00", NULL);
    g_assert_false (sec_call_delete_erratum (f->store, SEC_CALL (other), sec_record_get_id (erratum), &error));
    g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  }
}

static gint64
count_memberships (Fixture *f, SecRecord *org)
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
test_selection_membership (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) mt = organisation (f, "Malta Anti-Trafficking Network", "MT", NULL);
  g_autoptr(SecRecord) dk = organisation (f, "Reden International", "DK", NULL);
  g_autoptr(SecRecord) eplatform = sec_test_make (f->store, SEC_TYPE_BODY, "name", "ePlatform", NULL);
  g_autofree char *eplatform_id = sec_test_id_text (sec_record_get_id (eplatform));
  g_autofree char *mt_id = sec_test_id_text (sec_record_get_id (mt));
  g_autoptr(SecRecord) earlier = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", mt_id, "body", eplatform_id,
                                       "joined-on", "2016-01-01", NULL);
  g_autoptr(SecRecord) app = apply (f, f->call, mt, "2018-04-20T12:00", NULL);
  g_autoptr(SecRecord) app_dk = apply (f, f->call, dk, "2018-04-21T12:00", NULL);
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
  back = reload (f, app);
  g_assert_cmpstr (sec_record_get_string (back, "outcome"), ==, "selected");
  g_assert_cmpint (sec_record_get_ref (back, "membership"), ==, sec_record_get_id (membership));
  g_assert_cmpstr (sec_record_get_derived (back, "joined-on"), ==, "2018-09-01");
  g_clear_object (&back);
  g_assert_cmpint (count_memberships (f, mt), ==, 2);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, NULL, NULL), ==, total_before + 1);
  back = reload (f, f->call);
  g_assert_cmpstr (sec_record_get_derived (back, "selected-count"), ==, "1");
  g_clear_object (&back);
  /* The body now counts the organisation among its members. */
  back = reload (f, f->platform);
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
  back = reload (f, earlier);
  g_assert_cmpint (sec_record_get_ref (back, "body"), ==, sec_record_get_id (eplatform));
  g_clear_object (&back);
  back = reload (f, app);
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
  back = reload (f, app);
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
test_geographical_balance (Fixture *f, gconstpointer data)
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
      g_autoptr(SecRecord) org = organisation (f, members[i][0], members[i][1], NULL);
      g_autofree char *org_id = sec_test_id_text (sec_record_get_id (org));
      g_autoptr(SecRecord) m = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", org_id, "body", body,
                                     "joined-on", members[i][2], NULL);
    }
  /* An ended membership and a left one do not count. */
  {
    g_autoptr(SecRecord) org = organisation (f, "Former member", "IT", NULL);
    g_autoptr(SecRecord) gone = organisation (f, "Left in 2017", "AT", NULL);
    g_autofree char *org_id = sec_test_id_text (sec_record_get_id (org));
    g_autofree char *gone_id = sec_test_id_text (sec_record_get_id (gone));
    g_autoptr(SecRecord) m = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", org_id, "body", body,
                                   "joined-on", "2013-05-31", "status", "ended", NULL);
    g_autoptr(SecRecord) m2 = sec_test_make (f->store, SEC_TYPE_MEMBERSHIP, "organisation", gone_id, "body", body,
                                    "joined-on", "2013-05-31", "left-on", "2017-12-31", NULL);
  }
  /* Applications to the 2018 call, one of them selected. */
  {
    g_autoptr(SecRecord) mt = organisation (f, "Malta Anti-Trafficking Network", "MT", NULL);
    g_autoptr(SecRecord) dk = organisation (f, "Reden International", "DK", NULL);
    g_autoptr(SecRecord) dk2 = organisation (f, "Kvinfo Danmark", "DK", NULL);
    g_autoptr(SecRecord) a1 = apply (f, f->call, mt, "2018-04-20T12:00", NULL);
    g_autoptr(SecRecord) a2 = apply (f, f->call, dk, "2018-04-20T12:00", NULL);
    g_autoptr(SecRecord) a3 = apply (f, f->call, dk2, "2018-04-20T12:00", NULL);
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

/* Upgrading a database written by version 2 of the program. */

static void
exec_sql (sqlite3 *db, const char *sql)
{
  char *err = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
}

static void
test_migration_from_version_2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sec-calls-v2-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autoptr(SecStore) store = NULL;
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;

  g_assert_cmpint (m[0].version, ==, 1);
  g_assert_cmpint (m[1].version, ==, 2);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, m[0].sql);
  exec_sql (db, m[1].sql);
  exec_sql (db, "PRAGMA user_version = 2");
  exec_sql (db,
            "INSERT INTO bodies (id, created_at, updated_at, name, acronym) VALUES"
            " (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'EU Civil Society Platform', 'Platform');"
            "INSERT INTO organisations (id, created_at, updated_at, name, kind, country) VALUES"
            " (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Malta Anti-Trafficking Network', 'civil-society', 'MT'),"
            " (2, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Reden International', 'civil-society', 'DK'),"
            " (3, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Fundacja Łódź', 'civil-society', 'PL');"
            "INSERT INTO calls (id, created_at, updated_at, reference, title, body_id, kind, eligible_countries,"
            "  published_on, deadline, status) VALUES"
            " (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'HOME/2018/ATC/01', 'Geographical balance', 1,"
            "  'targeted', 'DK,EE,MT', '2018-03-20', '2018-04-25T23:59', 'decided');"
            "INSERT INTO errata (id, created_at, updated_at, call_id, published_on, text) VALUES"
            " (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, '2018-04-05', 'Second paragraph corrected.');"
            "INSERT INTO memberships (id, created_at, updated_at, organisation_id, body_id, joined_on, call_id) VALUES"
            " (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, 1, '2018-09-01', 1);"
            "INSERT INTO applications (id, created_at, updated_at, call_id, organisation_id, received_at,"
            "  eligibility, eligibility_reason, outcome, notes) VALUES"
            " (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, 1, '2018-04-03T10:00', 'eligible', NULL, 'selected', 'Strong'),"
            " (2, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, 2, '2018-04-26T00:05', 'eligible', NULL, 'pending', NULL),"
            " (3, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, 3, '2018-04-25T23:59:00', 'not-eligible', 'Poland', 'rejected', NULL);");
  sqlite3_close (db);

  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sec_store_get_backup_path (store));
  g_assert_true (g_str_has_suffix (sec_store_get_backup_path (store), ".before-migration.db"));

  {
    g_autoptr(SecRecord) call = sec_store_get (store, SEC_TYPE_CALL, 1, &error);
    g_autoptr(SecRecord) a1 = sec_store_get (store, SEC_TYPE_APPLICATION, 1, &error);
    g_autoptr(SecRecord) a2 = sec_store_get (store, SEC_TYPE_APPLICATION, 2, &error);
    g_autoptr(SecRecord) a3 = sec_store_get (store, SEC_TYPE_APPLICATION, 3, &error);
    g_autoptr(SecRecord) erratum = sec_store_get (store, SEC_TYPE_ERRATUM, 1, &error);

    g_assert_no_error (error);
    /* The data came through. */
    g_assert_cmpstr (sec_record_get_string (call, "eligible-countries"), ==, "DK,EE,MT");
    g_assert_cmpstr (sec_record_get_string (call, "status"), ==, "decided");
    g_assert_null (sec_record_get_string (call, "eligible-kinds"));
    g_assert_cmpstr (sec_record_get_derived (call, "erratum-count"), ==, "1");
    g_assert_cmpstr (sec_record_get_derived (call, "selected-count"), ==, "1");
    g_assert_cmpstr (sec_record_get_string (erratum, "text"), ==, "Second paragraph corrected.");
    g_assert_null (sec_record_get_string (erratum, "revised-text"));
    g_assert_cmpstr (sec_record_get_string (a1, "notes"), ==, "Strong");
    g_assert_cmpstr (sec_record_get_string (a1, "outcome"), ==, "selected");
    g_assert_cmpstr (sec_record_get_string (a3, "eligibility-reason"), ==, "Poland");
    g_assert_cmpstr (sec_record_get_derived (a3, "organisation-name"), ==, "Fundacja Łódź");

    /* The new fields, worked out from the old ones. */
    g_assert_cmpstr (sec_record_get_string (a1, "checked-eligibility"), ==, "eligible");
    g_assert_cmpstr (sec_record_get_string (a3, "checked-eligibility"), ==, "not-eligible");
    g_assert_cmpint (sec_record_get_int (a1, "call-version"), ==, 1);
    g_assert_cmpint (sec_record_get_int (a2, "call-version"), ==, 2);
    g_assert_false (sec_record_get_bool (a1, "late"));
    g_assert_true (sec_record_get_bool (a2, "late"));
    g_assert_false (sec_record_get_bool (a3, "late"));  /* 23:59:00 is the deadline itself */
    g_assert_null (sec_record_get_string (a1, "received-timezone"));
    g_assert_false (sec_record_get_bool (a1, "eligibility-overridden"));
    g_assert_cmpint (sec_record_get_ref (a1, "membership"), ==, 0);
    g_assert_null (sec_record_get_string (a1, "score"));

    /* The same as the program works them out now. */
    g_assert_true (sec_application_is_late (SEC_APPLICATION (a2), SEC_CALL (call)));
    g_assert_false (sec_application_is_late (SEC_APPLICATION (a3), SEC_CALL (call)));
    g_assert_cmpuint (sec_call_version_on (store, SEC_CALL (call), "2018-04-26", NULL), ==, 2);

    /* And the new functions work on the upgraded file. */
    g_assert_true (sec_application_select (store, SEC_APPLICATION (a2), "2018-10-01", &error));
    g_assert_no_error (error);
    g_assert_true (sec_application_unselect (store, SEC_APPLICATION (a2), &error));
    g_assert_no_error (error);
    g_assert_true (sec_call_refresh_applications (store, SEC_CALL (call), &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);

  {
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);
    sec_test_remove_tree (backups);
    g_unlink (path);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calls/resolve-wall-time", test_resolve_wall_time);
  g_test_add_func ("/calls/migration-from-version-2", test_migration_from_version_2);
  g_test_add_func ("/calls/demo-2018-call", test_demo_2018_call);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/calls/late/time-zones", test_late_time_zones);
  ADD ("/calls/late/dst-gap", test_late_dst_gap);
  ADD ("/calls/late/dst-repeated-hour", test_late_dst_repeated);
  ADD ("/calls/late/follows-deadline", test_late_follows_deadline);
  ADD ("/calls/status-from-dates", test_status_from_dates);
  ADD ("/calls/days-left-dst", test_days_left_dst);
  ADD ("/calls/eligibility/rules", test_eligibility_rules);
  ADD ("/calls/eligibility/entry-and-override", test_eligibility_on_entry_and_override);
  ADD ("/calls/documents-list", test_documents_list);
  ADD ("/calls/new-organisation", test_new_organisation_with_application);
  ADD ("/calls/errata-versions", test_errata_versions);
  ADD ("/calls/selection-membership", test_selection_membership);
  ADD ("/calls/geographical-balance", test_geographical_balance);
#undef ADD

  return g_test_run ();
}
