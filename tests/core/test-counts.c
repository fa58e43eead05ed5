/* test-counts.c: a list's count kept until the data changes
 *
 * The store keeps the count of each query asked (sec-store-counts.c) and
 * must forget it at any change: its own writes, a rollback, another
 * connection's commit. A sort change, and a list reset then sorted, must
 * not count the list again. Runs on a file and, in the suite "pg", on a
 * server, where another database's commit (the suite's other tests) may
 * make the store count again: the checks of "not counted again" are then
 * tried a few times.
 */
#include "config.h"

#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"
#include "sec-test-util.h"

typedef SecTestStoreFixture Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  sec_test_store_fixture_setup (f, "sec-test-counts-XXXXXX", "counts.db");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_close_store (f->store, f->dir);
  sec_test_store_fixture_clear (f);
}

/* The people of organisation @org (an id, or NULL for all), found by
 * @search (or NULL), sorted by @sort (or NULL). */
static SecQuery *
people_query (gint64 org, const char *search, const char *sort)
{
  SecQuery *q = sec_query_new ();

  if (org != 0)
    {
      g_autofree char *id = sec_test_id_text (org);
      sec_query_add (q, "organisation", SEC_QUERY_EQUALS, id);
    }
  if (search != NULL)
    sec_query_set_search (q, search);
  if (sort != NULL)
    sec_query_set_sort (q, sort, TRUE);
  return q;
}

static gint64
count_in (SecStore *store, gint64 org, const char *search, const char *sort)
{
  g_autoptr(SecQuery) q = people_query (org, search, sort);
  g_autoptr(GError) error = NULL;
  gint64 n = sec_store_count (store, SEC_TYPE_PERSON, q, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
count (Fixture *f, gint64 org, const char *search)
{
  return count_in (f->store, org, search, NULL);
}

/* What reading every row finds. */
static gint64
count_rows (Fixture *f, gint64 org, const char *search)
{
  g_autoptr(SecQuery) q = people_query (org, search, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sec_store_list (f->store, SEC_TYPE_PERSON, q, &error);

  g_assert_no_error (error);
  return rows->len;
}

static gint64
add_person (SecStore *store, const char *given, const char *family, gint64 org)
{
  g_autofree char *id = org != 0 ? sec_test_id_text (org) : NULL;

  return sec_test_insert (store, SEC_TYPE_PERSON, "given-name", given, "family-name", family,
                          "organisation", id, NULL);
}

/* Whether @list, given @query (after a reset to no query when @reset),
 * counted nothing. On a server another database's commit may change the
 * stamp meanwhile: a few tries, of which one must count nothing. */
static gboolean
sets_without_counting (Fixture *f, SecRecordList *list, SecQuery *query, gboolean reset)
{
  for (guint i = 0; i < (sec_test_is_pg () ? 20 : 1); i++)
    {
      guint before;

      /* The counts of this query are known... */
      (void) count_in (f->store, 0, NULL, NULL);
      (void) sec_store_count (f->store, SEC_TYPE_PERSON, query, NULL);
      before = _sec_store_get_n_counted (f->store);
      if (reset)
        sec_record_list_set_query (list, NULL);
      sec_record_list_set_query (list, query);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, count_rows (f, 0, NULL));
      if (_sec_store_get_n_counted (f->store) == before)
        return TRUE;
      /* ...and the next try starts from another query. */
      sec_record_list_set_query (list, NULL);
    }
  return FALSE;
}

static void
test_sort_change (Fixture *f, gconstpointer data)
{
  gint64 org = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Acme", NULL);
  g_autoptr(SecRecordList) list = NULL;
  const char *sorts[] = { "email", "created-at", "organisation-sort-key", "family-name" };

  add_person (f->store, "Anna", "Müller", org);
  add_person (f->store, "Maria", "Schmidt", 0);
  add_person (f->store, "Otto", "Mann", org);
  list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autoptr(SecQuery) sorted = people_query (0, NULL, sorts[i]);

      /* A sort change, and a reset before it, count nothing. */
      g_assert_true (sets_without_counting (f, list, sorted, FALSE));
      g_assert_true (sets_without_counting (f, list, sorted, TRUE));
    }

  /* A new filter is counted, once; its sort changes are not. */
  {
    g_autoptr(SecQuery) q = people_query (org, NULL, NULL);
    g_autoptr(SecQuery) q_sorted = people_query (org, NULL, "email");
    guint before = _sec_store_get_n_counted (f->store);
    gboolean kept = FALSE;

    g_assert_cmpint (count_in (f->store, org, NULL, NULL), ==, 2);
    g_assert_cmpuint (_sec_store_get_n_counted (f->store), ==, before + 1);
    for (guint i = 0; i < (sec_test_is_pg () ? 20 : 1) && !kept; i++)
      {
        before = _sec_store_get_n_counted (f->store);
        g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, q_sorted, NULL), ==, 2);
        g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, q, NULL), ==, 2);
        kept = _sec_store_get_n_counted (f->store) <= before + 1;
      }
    g_assert_true (kept);
  }

  /* Forgetting (the benchmarks' way to time a count) counts again. */
  (void) count (f, 0, NULL);
  {
    guint before = _sec_store_get_n_counted (f->store);

    _sec_store_forget_counts (FALSE);
    g_assert_cmpint (count (f, 0, NULL), ==, 3);
    g_assert_cmpuint (_sec_store_get_n_counted (f->store), ==, before + 1);
  }
}

/* Each count asked twice (the second may be kept) equals what reading the
 * rows finds: all people, Acme's, Beta's, the search "mull". */
static void
assert_counts (Fixture *f, gint64 acme, gint64 beta, gint64 all, gint64 in_acme, gint64 in_beta, gint64 mull)
{
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (count (f, 0, NULL), ==, all);
      g_assert_cmpint (count (f, acme, NULL), ==, in_acme);
      g_assert_cmpint (count (f, beta, NULL), ==, in_beta);
      g_assert_cmpint (count (f, 0, "mull"), ==, mull);
      g_assert_cmpint (count (f, acme, "mull"), ==, count_rows (f, acme, "mull"));
    }
  g_assert_cmpint (count_rows (f, 0, NULL), ==, all);
  g_assert_cmpint (count_rows (f, acme, NULL), ==, in_acme);
  g_assert_cmpint (count_rows (f, 0, "mull"), ==, mull);
}

static void
test_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) other = NULL;
  gint64 acme = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Acme", NULL);
  gint64 beta = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Beta", NULL);
  gint64 anna, otto;

  anna = add_person (f->store, "Anna", "Müller", acme);
  add_person (f->store, "Maria", "Schmidt", beta);
  assert_counts (f, acme, beta, 2, 1, 1, 1);

  /* Our own writes: an insert, a move to another organisation, a
   * deletion. */
  otto = add_person (f->store, "Otto", "Müllner", acme);
  assert_counts (f, acme, beta, 3, 2, 1, 2);
  {
    g_autoptr(SecRecord) record = sec_store_get (f->store, SEC_TYPE_PERSON, otto, &error);
    g_assert_no_error (error);
    sec_record_set_ref (record, "organisation", beta);
    g_assert_true (sec_store_update (f->store, record, &error));
    g_assert_no_error (error);
  }
  assert_counts (f, acme, beta, 3, 1, 2, 2);

  /* Inside a transaction the counts see its writes; after the rollback,
   * what was before. */
  g_assert_true (sec_store_begin (f->store, &error));
  g_assert_cmpint (count (f, 0, NULL), ==, 3);
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_PERSON, anna, &error));
  add_person (f->store, "Mia", "Mullins", acme);
  add_person (f->store, "Max", "Mullins", acme);
  assert_counts (f, acme, beta, 4, 2, 2, 3);
  sec_store_rollback (f->store);
  g_assert_no_error (error);
  assert_counts (f, acme, beta, 3, 1, 2, 2);

  /* A transaction committed. */
  g_assert_true (sec_store_begin (f->store, &error));
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_PERSON, anna, &error));
  g_assert_true (sec_store_commit (f->store, &error));
  assert_counts (f, acme, beta, 2, 0, 2, 1);

  /* Another connection's commits, and its rollback. */
  other = sec_store_open (f->path, &error);
  g_assert_no_error (error);
  add_person (other, "Mia", "Mullins", acme);
  assert_counts (f, acme, beta, 3, 1, 2, 2);
  {
    g_autoptr(SecRecord) record = sec_store_get (other, SEC_TYPE_PERSON, otto, &error);

    g_assert_no_error (error);
    sec_record_set_ref (record, "organisation", acme);
    g_assert_true (sec_store_update (other, record, &error));
    g_assert_no_error (error);
  }
  assert_counts (f, acme, beta, 3, 2, 1, 2);
  g_assert_true (sec_store_delete (other, SEC_TYPE_PERSON, otto, &error));
  assert_counts (f, acme, beta, 2, 1, 1, 1);
  g_assert_true (sec_store_begin (other, &error));
  add_person (other, "Ugo", "Mullo", beta);
  assert_counts (f, acme, beta, 2, 1, 1, 1);
  sec_store_rollback (other);
  assert_counts (f, acme, beta, 2, 1, 1, 1);
  sec_store_close (other);
}

int
main (int argc, char *argv[])
{
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/counts/sort-change", Fixture, NULL, fixture_setup, test_sort_change, fixture_teardown);
  g_test_add ("/counts/changes", Fixture, NULL, fixture_setup, test_changes, fixture_teardown);

  return g_test_run ();
}
