/* sec-test-calls.c: the call of the calls' tests, and the entering of
 * applications to it (sec-test-calls.h) */
#include "config.h"

#include "core/calls/sec-calls.h"
#include "core/store/sec-records.h"
#include "sec-test-calls.h"
#include "sec-test-util.h"

void
sec_test_calls_setup (SecTestCalls *f, gconstpointer data)
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

void
sec_test_calls_teardown (SecTestCalls *f, gconstpointer data)
{
  g_clear_object (&f->platform);
  g_clear_object (&f->call);
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

SecRecord *
sec_test_calls_organisation (SecTestCalls *f, const char *name, const char *country, const char *kind)
{
  return sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", name, "country", country,
               "kind", kind ? kind : "civil-society", NULL);
}

SecRecord *
sec_test_calls_apply (SecTestCalls *f, SecRecord *call, SecRecord *org, const char *received_at, const char *zone)
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

SecRecord *
sec_test_calls_reload (SecTestCalls *f, SecRecord *r)
{
  g_autoptr(GError) error = NULL;
  SecRecord *back = sec_store_get (f->store, G_OBJECT_TYPE (r), sec_record_get_id (r), &error);

  g_assert_no_error (error);
  return back;
}
