/* sec-test-demo.c: the demo database of test-demo.c and test-demo-calls.c,
 * and the finders both use (sec-test-demo.h) */
#include "config.h"

#include "cli/sec-demo.h"
#include "core/store/sec-store.h"
#include "sec-test-demo.h"
#include "sec-test-util.h"

void
sec_test_demo_setup (SecTestStoreFixture *f,
                     gconstpointer        data)
{
  sec_test_store_fixture_setup (f, "test-demo-XXXXXX", "demo.db");
}

void
sec_test_demo_teardown (SecTestStoreFixture *f,
                        gconstpointer        data)
{
  sec_store_close (f->store);
  g_clear_object (&f->store);
  sec_test_store_fixture_clear (f);
}

void
sec_test_demo_fill (SecTestStoreFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sec_demo_fill (f->store, &error));
  g_assert_no_error (error);
}

gint64
sec_test_demo_count (SecTestStoreFixture *f,
                     GType                type)
{
  g_autoptr(GError) error = NULL;
  gint64 n = sec_store_count (f->store, type, NULL, &error);

  g_assert_no_error (error);
  return n;
}

GPtrArray *
sec_test_demo_list_where (SecTestStoreFixture *f,
                          GType                type,
                          const char          *field,
                          const char          *value,
                          const char          *sort)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  if (field != NULL)
    sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  if (sort != NULL)
    sec_query_set_sort (query, sort, FALSE);
  records = sec_store_list (f->store, type, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

GPtrArray *
sec_test_demo_list_search (SecTestStoreFixture *f,
                           GType                type,
                           const char          *text)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  sec_query_set_search (query, text);
  records = sec_store_list (f->store, type, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

SecRecord *
sec_test_demo_get (SecTestStoreFixture *f,
                   GType                type,
                   gint64               id)
{
  g_autoptr(GError) error = NULL;
  SecRecord *record = sec_store_get (f->store, type, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

char *
sec_test_demo_id_text (SecRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (record));
}
