/* fuzz-calls.c: a call's dates, time zones and rules as a database (from
 * elsewhere) may hold them, unchecked, read by the calls' rules: the
 * deadline in its zone, the stage, the days left, the late flag of an
 * application received in another zone, the eligibility check. Input: lines
 * giving deadline, deadline-timezone, published-on, eligible-countries,
 * eligible-kinds, thematic-focus, status, received-at, received-timezone,
 * thematic-areas. */
#include "fuzz-common.h"

#include "core/calls/sec-calls.h"
#include "core/store/sec-records.h"

static const char *const call_fields[] = {
  "deadline", "deadline-timezone", "published-on", "eligible-countries",
  "eligible-kinds", "thematic-focus", "status",
};
static const char *const application_fields[] = {
  "received-at", "received-timezone", "thematic-areas",
};

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  SecStore *store;
  g_autofree char *input = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(SecRecord) call = NULL;
  g_autoptr(SecRecord) application = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2018, 4, 25, 21, 59, 30);
  guint i = 0;

  fuzz_init ();
  store = fuzz_demo_store ();
  input = fuzz_text (data, size);
  lines = g_strsplit (input, "\n", G_N_ELEMENTS (call_fields) + G_N_ELEMENTS (application_fields));
  call = sec_record_new (SEC_TYPE_CALL);
  application = sec_record_new (SEC_TYPE_APPLICATION);
  sec_record_set_string (call, "title", "Call");
  sec_record_set_ref (application, "organisation", 1);
  for (guint f = 0; f < G_N_ELEMENTS (call_fields) && lines[i] != NULL; f++, i++)
    sec_record_set_string (call, call_fields[f], lines[i]);
  for (guint f = 0; f < G_N_ELEMENTS (application_fields) && lines[i] != NULL; f++, i++)
    sec_record_set_string (application, application_fields[f], lines[i]);

  {
    SecCall *c = SEC_CALL (call);
    SecApplication *a = SEC_APPLICATION (application);
    g_autoptr(GDateTime) deadline = sec_call_get_deadline (c);
    g_autoptr(GDateTime) received = sec_application_get_received (a, c);
    g_autofree char *left = sec_call_describe_time_left (c, now);
    g_autofree char *formatted = sec_call_format_deadline (c);
    g_auto(GStrv) kinds = sec_call_dup_eligible_kinds (c);
    g_auto(GStrv) countries = sec_call_dup_eligible_countries (c);
    g_auto(GStrv) topics = sec_call_dup_focus_topics (c);
    g_autofree char *reason = NULL;
    SecEligibilityRule rule;

    /* What each call returns is only freed: the calls are the test. */
    (void) deadline, (void) received, (void) left, (void) formatted;
    (void) kinds, (void) countries, (void) topics;

    (void) sec_call_effective_status (c, now);
    (void) sec_call_days_left (c, now);
    (void) sec_application_is_late (a, c);
    (void) sec_call_validate (c, NULL);
    (void) sec_application_validate (a, NULL);
    (void) sec_call_check_eligibility (store, c, a, &rule, &reason, NULL);
  }
  return 0;
}
