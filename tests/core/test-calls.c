/* test-calls.c: calls for expression of interest over time: the late flag
 * across time zones and daylight-saving changes, the status from the dates,
 * the list of documents, errata versions, and the upgrade of a version 2
 * database. The eligibility rules, selection and the geographical balance
 * are in test-calls-applications.c. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "core/calls/sec-calls.h"
#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store.h"
#include "sec-test-calls.h"
#include "sec-test-util.h"

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
test_late_time_zones (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(SecRecord) dk = sec_test_calls_organisation (f, "Dansk Kvindesamfund", "DK", NULL);
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
      back = sec_test_calls_reload (f, app);
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
call_with_deadline (SecTestCalls *f, const char *reference, const char *deadline, const char *zone)
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
assert_late (SecTestCalls *f, SecRecord *call, SecRecord *org, const char *at, const char *zone, gboolean late)
{
  g_autoptr(SecRecord) app = sec_test_calls_apply (f, call, org, at, zone);
  g_autoptr(GError) error = NULL;

  g_test_message ("%s in %s: %s", at, zone ? zone : "-", late ? "late" : "in time");
  g_assert_cmpint (sec_record_get_bool (app, "late"), ==, late);
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_APPLICATION, sec_record_get_id (app), &error));
  g_assert_no_error (error);
}

/* A deadline in the hour skipped when clocks go forward. */
static void
test_late_dst_gap (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(SecRecord) call = call_with_deadline (f, "SPRING", "2018-03-25T02:30", NULL);
  g_autoptr(SecRecord) org = sec_test_calls_organisation (f, "Fondation Spring", "BE", NULL);
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
test_late_dst_repeated (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(SecRecord) call = call_with_deadline (f, "AUTUMN", "2018-10-28T02:30", NULL);
  g_autoptr(SecRecord) org = sec_test_calls_organisation (f, "Fondation Autumn", "BE", NULL);
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
test_late_follows_deadline (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) ee = sec_test_calls_organisation (f, "Eesti Naiste Varjupaikade Liit", "EE", NULL);
  g_autoptr(SecRecord) app = sec_test_calls_apply (f, f->call, ee, "2018-04-26T09:00", "Europe/Tallinn");
  g_autoptr(SecRecord) back = NULL;

  g_assert_true (sec_record_get_bool (app, "late"));
  g_assert_cmpstr (sec_record_get_string (app, "eligibility"), ==, "not-eligible");

  /* The deadline is extended by a week: the application is in time. */
  sec_record_set_string (f->call, "deadline", "2018-05-02T17:00");
  g_assert_true (sec_call_save (f->store, SEC_CALL (f->call), &error));
  g_assert_no_error (error);
  back = sec_test_calls_reload (f, app);
  g_assert_false (sec_record_get_bool (back, "late"));
  g_assert_cmpstr (sec_record_get_string (back, "eligibility"), ==, "eligible");
  g_clear_object (&back);

  /* Read in Tallinn's zone, the same wall-clock deadline is an hour earlier. */
  sec_record_set_string (f->call, "deadline", "2018-04-26T10:30");
  sec_record_set_string (f->call, "deadline-timezone", "Europe/Tallinn");
  g_assert_true (sec_call_save (f->store, SEC_CALL (f->call), &error));
  back = sec_test_calls_reload (f, app);
  g_assert_false (sec_record_get_bool (back, "late"));
  g_clear_object (&back);
  sec_record_set_string (f->call, "deadline", "2018-04-26T08:59");
  g_assert_true (sec_call_save (f->store, SEC_CALL (f->call), &error));
  back = sec_test_calls_reload (f, app);
  g_assert_true (sec_record_get_bool (back, "late"));
}

static void
test_status_from_dates (SecTestCalls *f, gconstpointer data)
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
    g_autoptr(SecRecord) back = sec_test_calls_reload (f, f->call);
    g_assert_cmpstr (sec_record_get_string (back, "status"), ==, "open");
  }
}

/* The days left count calendar days in the deadline's zone, also across
 * the change to summer time. */
static void
test_days_left_dst (SecTestCalls *f, gconstpointer data)
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
test_documents_list (SecTestCalls *f, gconstpointer data)
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


static void
test_errata_versions (SecTestCalls *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) dk = sec_test_calls_organisation (f, "Reden International", "DK", NULL);
  g_autoptr(SecRecord) ee = sec_test_calls_organisation (f, "Living for Tomorrow", "EE", NULL);
  g_autoptr(SecRecord) mt = sec_test_calls_organisation (f, "Malta Anti-Trafficking Network", "MT", NULL);
  g_autoptr(SecRecord) lv = sec_test_calls_organisation (f, "Lisbon Friends of Malta", "MT", NULL);
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
  a1 = sec_test_calls_apply (f, f->call, dk, "2018-04-03T11:00", NULL);
  g_assert_cmpint (sec_record_get_int (a1, "call-version"), ==, 1);

  sec_record_set_string (erratum, "published-on", "2018-04-05");
  sec_record_set_string (erratum, "text", "The second paragraph of the call is replaced.");
  sec_record_set_string (erratum, "revised-text", "First paragraph.\n\nSecond paragraph, as corrected.");
  g_assert_true (sec_call_save_erratum (f->store, SEC_CALL (f->call), SEC_ERRATUM (erratum), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_ref (erratum, "call"), ==, sec_record_get_id (f->call));

  /* After it: version 2, from the day the erratum was published. */
  a2 = sec_test_calls_apply (f, f->call, ee, "2018-04-05T00:00", NULL);
  a3 = sec_test_calls_apply (f, f->call, mt, "2018-04-20T12:00", NULL);
  g_assert_cmpint (sec_record_get_int (a2, "call-version"), ==, 2);
  g_assert_cmpint (sec_record_get_int (a3, "call-version"), ==, 2);
  /* 23:30 on 4 April in Lisbon is 00:30 on 5 April in Brussels: version 2. */
  a4 = sec_test_calls_apply (f, f->call, lv, "2018-04-04T23:30", "Europe/Lisbon");
  g_assert_cmpint (sec_record_get_int (a4, "call-version"), ==, 2);
  back = sec_test_calls_reload (f, a1);
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

  back = sec_test_calls_reload (f, a1);
  g_assert_cmpint (sec_record_get_int (back, "call-version"), ==, 2);
  g_clear_object (&back);
  back = sec_test_calls_reload (f, a3);
  g_assert_cmpint (sec_record_get_int (back, "call-version"), ==, 3);
  g_clear_object (&back);

  /* Removing it puts them back. */
  g_assert_true (sec_call_delete_erratum (f->store, SEC_CALL (f->call), sec_record_get_id (early), &error));
  g_assert_no_error (error);
  back = sec_test_calls_reload (f, a1);
  g_assert_cmpint (sec_record_get_int (back, "call-version"), ==, 1);
  g_clear_object (&back);
  back = sec_test_calls_reload (f, a3);
  g_assert_cmpint (sec_record_get_int (back, "call-version"), ==, 2);
  g_clear_object (&back);

  /* An erratum of another call is not this call's to delete. */
  {
    g_autoptr(SecRecord) other = call_with_deadline (f, "OTHER", "2018-12-31T17:00", NULL);
    g_assert_false (sec_call_delete_erratum (f->store, SEC_CALL (other), sec_record_get_id (erratum), &error));
    g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  }
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
#define ADD SEC_TEST_CALLS_ADD
  ADD ("/calls/late/time-zones", test_late_time_zones);
  ADD ("/calls/late/dst-gap", test_late_dst_gap);
  ADD ("/calls/late/dst-repeated-hour", test_late_dst_repeated);
  ADD ("/calls/late/follows-deadline", test_late_follows_deadline);
  ADD ("/calls/status-from-dates", test_status_from_dates);
  ADD ("/calls/days-left-dst", test_days_left_dst);
  ADD ("/calls/documents-list", test_documents_list);
  ADD ("/calls/errata-versions", test_errata_versions);
#undef ADD

  return g_test_run ();
}
