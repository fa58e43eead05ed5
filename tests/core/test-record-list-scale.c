/* test-record-list-scale.c: the list's ways of staying fast at scale give
 * the same rows as the plain ones
 *
 * A page of a search that finds many rows is read in the sort key's index
 * (choose_search_plan in sec-store-query.c), a position is counted in that
 * index (position_by_count), people by organisation are read from the
 * index of their copy of its sort key (migration 16), and the list keeps
 * only some pages: each is checked here against the whole list read in one
 * query.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store-privacy.h"
#include "core/store/sec-store-readers.h"
#include "core/store/sec-store-private.h"
#include "sec-test-util.h"

#define N_PEOPLE 5000
#define N_ORGANISATIONS 30

typedef struct {
  char     *dir;
  SecStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sec_test_make_tmp_dir ("sec-list-scale-XXXXXX");
  f->store = sec_test_open_store (f->dir, "test.db", NULL);

  g_assert_true (sec_store_begin (f->store, &error));
  for (int i = 0; i < N_ORGANISATIONS; i++)
    {
      g_autoptr(SecRecord) o = sec_record_new (SEC_TYPE_ORGANISATION);
      /* Names in an order of their own, one that sorts with the Latin. */
      g_autofree char *name = g_strdup_printf ("%s %02d", i % 4 == 0 ? "Ωμέγα" : "Verein", (i * 7) % N_ORGANISATIONS);

      sec_record_set_string (o, "name", name);
      g_assert_true (sec_store_insert (f->store, o, &error));
    }
  for (int i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(SecRecord) p = sec_record_new (SEC_TYPE_PERSON);
      /* Every name starts with "m" or "p"; one in a thousand is a Quint;
       * some names twice (their order is their ids'). */
      g_autofree char *family = g_strdup_printf ("%s %05d", i % 1000 == 7 ? "Quint" : (i % 3 ? "Muster" : "Pauli"),
                                                 (i * 7919) % (N_PEOPLE - 300));
      sec_record_set_string (p, "family-name", family);
      /* One in seven without an organisation. */
      if (i % 7 != 3)
        sec_record_set_ref (p, "organisation", 1 + i % N_ORGANISATIONS);
      g_assert_true (sec_store_insert (f->store, p, &error));
    }
  g_assert_true (sec_store_commit (f->store, &error));
  /* Erased people have no sort key: they come first, in id order. */
  g_assert_true (sec_store_erase_person (f->store, 10, &error));
  g_assert_true (sec_store_erase_person (f->store, 4000, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Every page and every position of @search sorted by @sort (NULL: the
 * name) in both directions agree with the whole list read at once. */
static void
check_sorted_search (Fixture    *f,
                     const char *search,
                     const char *sort,
                     gboolean    descending,
                     guint       expected)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  sec_query_set_search (q, search);
  sec_query_set_sort (q, sort, descending);
  all = sec_store_list (f->store, SEC_TYPE_PERSON, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, expected);
  /* Counted first, as a list does: on a server its pages are then found
   * first and sorted, or read in order, by that count (sec-store-query.c). */
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, q, &error), ==, expected);

  for (guint offset = 0; offset < all->len; offset += 200)
    {
      g_autoptr(SecQuery) page_q = sec_query_copy (q);
      g_autoptr(GPtrArray) page = NULL;

      sec_query_set_range (page_q, offset, 200);
      page = sec_store_list (f->store, SEC_TYPE_PERSON, page_q, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (200, all->len - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (sec_record_get_id (page->pdata[i]), ==, sec_record_get_id (all->pdata[offset + i]));
    }

  /* The same as the search index read for each query: inside a
   * transaction the store keeps no matches (sec-search-hits.c). */
  {
    g_autoptr(GPtrArray) plain = NULL;

    g_assert_true (sec_store_begin (f->store, &error));
    plain = sec_store_list (f->store, SEC_TYPE_PERSON, q, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, q, &error), ==, all->len);
    g_assert_cmpuint (plain->len, ==, all->len);
    for (guint i = 0; i < plain->len; i++)
      g_assert_cmpint (sec_record_get_id (plain->pdata[i]), ==, sec_record_get_id (all->pdata[i]));
    for (guint i = 0; i < all->len; i += all->len > 50 ? 211 : 1)
      g_assert_cmpint (sec_store_position (f->store, SEC_TYPE_PERSON, q, sec_record_get_id (all->pdata[i]), &error),
                       ==, i);
    sec_store_rollback (f->store);
    g_assert_no_error (error);
  }

  /* Positions: some of each part of the list, the erased ones first. */
  for (guint i = 0; i < all->len; i += all->len > 50 ? 37 : 1)
    g_assert_cmpint (sec_store_position (f->store, SEC_TYPE_PERSON, q, sec_record_get_id (all->pdata[i]), &error),
                     ==, i);
  if (all->len > 0)
    g_assert_cmpint (sec_store_position (f->store, SEC_TYPE_PERSON, q,
                                         sec_record_get_id (all->pdata[all->len - 1]), &error), ==, all->len - 1);
  g_assert_no_error (error);
}

static void
check_search (Fixture    *f,
              const char *search,
              gboolean    descending,
              guint       expected)
{
  check_sorted_search (f, search, NULL, descending, expected);
}

static void
test_pages_and_positions (Fixture *f, gconstpointer data)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 n_muster;

  sec_query_set_search (q, "muster");
  n_muster = sec_store_count (f->store, SEC_TYPE_PERSON, q, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_muster, >, 3000);

  for (int descending = 0; descending <= 1; descending++)
    {
      /* No search: every row, two of them erased. */
      check_search (f, NULL, descending, N_PEOPLE);
      /* A one-letter search that finds most rows, read in the index's order. */
      check_search (f, "m", descending, (guint) n_muster);
      /* A common word, and a rare one looked up alone. */
      check_search (f, "muster", descending, (guint) n_muster);
      check_search (f, "quint", descending, 5);
      check_search (f, "nobody", descending, 0);
    }
  /* A record the search leaves out has no position. */
  sec_query_set_search (q, "quint");
  g_assert_cmpint (sec_store_position (f->store, SEC_TYPE_PERSON, q, 1, &error), ==, -1);
  g_assert_no_error (error);
}

/* People by organisation: the organisation's sort key, then the person's
 * (the erased ones' is empty), then the id; people without an
 * organisation last whichever the direction. The whole list is checked
 * against the organisations' own order, then every page and position
 * against the whole list (and, @with_searches, of some searches: a test
 * on a server has two minutes). */
static void
check_by_organisation (Fixture *f,
                       gboolean with_searches)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GPtrArray) orgs = sec_store_list (f->store, SEC_TYPE_ORGANISATION, NULL, &error);
  g_autoptr(GHashTable) rank = g_hash_table_new (NULL, NULL);
  gint64 n_people, n_muster;

  g_assert_no_error (error);
  for (guint i = 0; i < orgs->len; i++)
    g_hash_table_insert (rank, GSIZE_TO_POINTER ((gsize) sec_record_get_id (orgs->pdata[i])), GUINT_TO_POINTER (i + 1));
  n_people = sec_store_count (f->store, SEC_TYPE_PERSON, NULL, &error);
  sec_query_set_search (q, "muster");
  n_muster = sec_store_count (f->store, SEC_TYPE_PERSON, q, &error);
  g_assert_no_error (error);
  sec_query_set_search (q, NULL);

  for (int descending = 0; descending <= 1; descending++)
    {
      g_autoptr(GPtrArray) all = NULL;
      guint last_rank = descending ? G_MAXUINT : 0;
      gboolean none_seen = FALSE;

      sec_query_set_sort (q, "organisation-sort-key", descending);
      all = sec_store_list (f->store, SEC_TYPE_PERSON, q, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (all->len, ==, n_people);
      for (guint i = 0; i < all->len; i++)
        {
          gint64 org = sec_record_get_ref (all->pdata[i], "organisation");
          guint r = GPOINTER_TO_UINT (g_hash_table_lookup (rank, GSIZE_TO_POINTER ((gsize) org)));

          if (org == 0)
            {
              none_seen = TRUE;
              continue;
            }
          g_assert_false (none_seen);
          g_assert_cmpuint (r, >, 0);
          if (descending)
            g_assert_cmpuint (r, <=, last_rank);
          else
            g_assert_cmpuint (r, >=, last_rank);
          last_rank = r;
        }
      g_assert_true (none_seen);

      check_sorted_search (f, NULL, "organisation-sort-key", descending, (guint) n_people);
      if (!with_searches)
        continue;
      check_sorted_search (f, "m", "organisation-sort-key", descending, (guint) n_muster);
      check_sorted_search (f, "quint", "organisation-sort-key", descending, 5);
      check_sorted_search (f, "nobody", "organisation-sort-key", descending, 0);
    }
}

/* The order follows an organisation's rename and deletion, and a person's
 * move (the triggers of migration 16, on either engine). */
static void
test_by_organisation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) org = NULL;
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(GPtrArray) history = NULL;

  check_by_organisation (f, TRUE);

  org = sec_store_get (f->store, SEC_TYPE_ORGANISATION, 2, &error);
  g_assert_no_error (error);
  sec_record_set_string (org, "name", "Aardvark");
  g_assert_true (sec_store_update (f->store, org, &error));
  /* The copy of the key is no change of its people's, and never in their
   * history: person 2, of organisation 2, has only been added. */
  history = sec_store_list_history (f->store, SEC_TYPE_PERSON, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((SecHistoryEntry *) history->pdata[0])->action, ==, "insert");
  g_assert_null (strstr (((SecHistoryEntry *) history->pdata[0])->new_value, "organisation_sort_key"));
  person = sec_store_get (f->store, SEC_TYPE_PERSON, 7, &error);
  g_assert_no_error (error);
  sec_record_set_ref (person, "organisation", 5);
  g_assert_true (sec_store_update (f->store, person, &error));
  g_clear_object (&person);
  person = sec_store_get (f->store, SEC_TYPE_PERSON, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_ref (person, "organisation"), ==, 0);
  sec_record_set_ref (person, "organisation", 2);
  g_assert_true (sec_store_update (f->store, person, &error));
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_ORGANISATION, 3, &error));
  g_assert_no_error (error);

  check_by_organisation (f, FALSE);
}

/* The list keeps only some pages, and reads again those it dropped. */
static void
test_pages_dropped (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecordList) list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  g_autoptr(GPtrArray) all = sec_store_list (f->store, SEC_TYPE_PERSON, NULL, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n, ==, N_PEOPLE);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i += 97)
      {
        guint at = pass == 0 ? i : n - 1 - i;
        g_autoptr(SecRecord) r = g_list_model_get_item (G_LIST_MODEL (list), at);

        g_assert_cmpint (sec_record_get_id (r), ==, sec_record_get_id (all->pdata[at]));
        g_assert_cmpint (sec_record_list_find (list, sec_record_get_id (r)), ==, at);
      }
}

static void
wait_loaded (SecRecordList *list)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* Not a blocking iteration: the deadline must be looked at even when no
   * event comes. */
  while (sec_record_list_is_loading (list) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_false (sec_record_list_is_loading (list));
}

static void
on_items_changed (GListModel *list, guint position, guint removed, guint added, guint *n_signals)
{
  (*n_signals)++;
}

/* A query read in the background (sec_record_list_set_query_in_background)
 * gives the rows, the count and the position the plain query gives, in
 * one change; a later query replaces one still being read, and a change
 * in the store meanwhile is in what it reads. */
static void
test_background (Fixture *f, gconstpointer data)
{
  const char *searches[] = { "m", "muster", "quint", "nobody", NULL, "m" };
  SecRecordList *list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  g_autoptr(GError) error = NULL;
  guint n_signals = 0;

  sec_record_list_set_background_min_rows (0);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &n_signals);
  for (int descending = 0; descending <= 1; descending++)
    for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
      {
        g_autoptr(SecQuery) q = sec_query_new ();
        g_autoptr(GPtrArray) all = NULL;
        guint before = g_list_model_get_n_items (G_LIST_MODEL (list));
        gint64 keep;

        sec_query_set_search (q, searches[s]);
        sec_query_set_sort (q, NULL, descending);
        all = sec_store_list (f->store, SEC_TYPE_PERSON, q, &error);
        g_assert_no_error (error);
        keep = all->len > 0 ? sec_record_get_id (all->pdata[all->len / 2]) : 1;

        n_signals = 0;
        sec_record_list_set_query_in_background (list, q, keep);
        /* The rows it had, until the new ones are read (on a server too,
         * in a session of its own). */
        g_assert_true (sec_record_list_is_loading (list));
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before);
        g_assert_cmpuint (n_signals, ==, 0);
        wait_loaded (list);
        g_assert_cmpuint (n_signals, <=, 2);
        g_assert_true (sec_query_equal (sec_record_list_get_query (list), q));
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, all->len);
        for (guint i = 0; i < all->len; i += all->len > 500 ? 7 : 1)
          {
            g_autoptr(SecRecord) r = g_list_model_get_item (G_LIST_MODEL (list), i);
            g_assert_cmpint (sec_record_get_id (r), ==, sec_record_get_id (all->pdata[i]));
          }
        if (all->len > 0)
          g_assert_cmpint (sec_record_list_find (list, keep), ==, all->len / 2);
        else
          g_assert_cmpint (sec_record_list_find (list, keep), ==, -1);
      }

  /* Two keystrokes: only the last one's rows are taken. */
  {
    g_autoptr(SecQuery) first = sec_query_new ();
    g_autoptr(SecQuery) last = sec_query_new ();

    sec_query_set_search (first, "muster");
    sec_query_set_search (last, "quint");
    sec_record_list_set_query_in_background (list, first, 0);
    sec_record_list_set_query_in_background (list, last, 0);
    wait_loaded (list);
    g_assert_true (sec_query_equal (sec_record_list_get_query (list), last));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

    /* A change in the store while it reads is in what it shows. */
    sec_query_set_search (first, "quint 0");
    sec_record_list_set_query_in_background (list, first, 0);
    sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Quint 00000", NULL);
    wait_loaded (list);
    g_assert_true (sec_query_equal (sec_record_list_get_query (list), first));
    g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                     sec_store_count (f->store, SEC_TYPE_PERSON, first, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

    /* A query set at once replaces one being read. */
    sec_record_list_set_query_in_background (list, last, 0);
    sec_record_list_set_query (list, NULL);
    g_assert_false (sec_record_list_is_loading (list));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PEOPLE + 1);
  }

  /* Workers still reading hold the list: it goes when they are done. */
  {
    gpointer weak = list;
    gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    g_object_add_weak_pointer (G_OBJECT (list), &weak);
    g_object_unref (list);
    /* The last worker may drop the list in its own thread, which wakes
     * no main loop: look again every millisecond. */
    while (g_atomic_pointer_get (&weak) != NULL && g_get_monotonic_time () < end)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    g_assert_null (weak);
  }
  sec_record_list_set_background_min_rows (20000);
}

/* The sessions of this database's clients other than @store's own. */
static gint64
count_other_sessions (SecStore *store,
                      gboolean  terminate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (store), terminate
                                                ? "SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity "
                                                  "WHERE datname = current_database () AND pid <> pg_backend_pid ()"
                                                : "SELECT count (*) FROM pg_stat_activity "
                                                  "WHERE datname = current_database () AND pid <> pg_backend_pid ()",
                                                &error);

  g_assert_no_error (error);
  g_assert_cmpint (sec_stmt_step (stmt, &error), ==, SEC_STEP_ROW);
  return sec_stmt_get_int64 (stmt, 0);
}

/* On a server a list reads in a session of its own; one that was lost
 * (the server restarted, the session ended) fails its query, which is read
 * on the main thread instead, and is closed: the next query opens a new
 * one and reads there again. */
static void
test_background_lost_session (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecordList) list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  const char *searches[] = { "muster", "quint", "m", "pauli" };
  gint64 n_sessions, end;
  gboolean reopened = FALSE;

  for (guint i = 0; i < 2 * G_N_ELEMENTS (searches) && !reopened; i++)
    {
      g_autoptr(SecQuery) q = sec_query_new ();

      sec_query_set_search (q, searches[i % G_N_ELEMENTS (searches)]);
      sec_record_list_set_query_in_background (list, q, 0);
      g_assert_true (sec_record_list_is_loading (list));
      wait_loaded (list);
      /* Read in a worker, or on the main thread when its session failed:
       * the same rows. */
      g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                       sec_store_count (f->store, SEC_TYPE_PERSON, q, NULL));
      if (i == 0)
        {
          /* The workers' sessions (one, or more if a worker waited too
           * long for another's on a busy machine), ended under them. */
          n_sessions = count_other_sessions (f->store, FALSE);
          g_assert_cmpint (n_sessions, >=, 1);
          g_assert_cmpint (count_other_sessions (f->store, TRUE), ==, n_sessions);
          /* The server takes a moment to end them. */
          end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
          while (count_other_sessions (f->store, FALSE) > 0 && g_get_monotonic_time () < end)
            g_usleep (10000);
          g_assert_cmpint (count_other_sessions (f->store, FALSE), ==, 0);
        }
      else
        /* Each ended session fails one query and is closed; then a new one
         * is opened (kept, a session that failed would fail every query). */
        reopened = count_other_sessions (f->store, FALSE) > 0;
    }
  g_assert_true (reopened);
}

/* Logs each change of a list as "position-removed+added", with a "*" while
 * the list says it is replacing its rows. */
static void
log_items_changed (GListModel *list, guint position, guint removed, guint added, GString *log)
{
  g_string_append_printf (log, "%s%u-%u+%u%s", log->len > 0 ? " " : "", position, removed, added,
                          sec_record_list_is_replacing (SEC_RECORD_LIST (list)) ? "*" : "");
}

static void
set_query_and_wait (SecRecordList *list, const char *search, gint64 keep_id)
{
  g_autoptr(SecQuery) q = sec_query_new ();

  sec_query_set_search (q, search);
  sec_record_list_set_query_in_background (list, q, keep_id);
  wait_loaded (list);
}

/* A new query read in the background keeps the objects of the rows it
 * shares with the rows read before (GTK 4.8's list view then keeps their
 * widgets), and leaves the leading rows that did not change out of its
 * signal; the selected record (keep_id) found among the new pages keeps
 * its object, so that a selection model finds it there; one that is gone
 * makes the list replace every row in two signals, as before. */
static void
test_background_keeps_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecordList) list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SecRecord) first = NULL;
  g_autoptr(SecRecord) moved = NULL;
  g_autofree char *moved_search = NULL;
  g_autofree char *expected = NULL;
  guint n_before, n_before_moved;

  sec_record_list_set_background_min_rows (0);
  set_query_and_wait (list, "muster", 0);
  n_before = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_before, >, 1000);
  for (guint i = 0; i < 400; i++)
    g_ptr_array_add (before, g_list_model_get_item (model, i));
  first = g_object_ref (before->pdata[0]);
  g_signal_connect (list, "items-changed", G_CALLBACK (log_items_changed), log);

  /* "muster 00" (numbers starting so) begins with the same 400 rows as
   * "muster": one signal after them, and the same objects. */
  set_query_and_wait (list, "muster 00", sec_record_get_id (first));
  expected = g_strdup_printf ("400-%u+%u", n_before - 400, g_list_model_get_n_items (model) - 400);
  g_assert_cmpstr (log->str, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_before);
  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(SecRecord) r = g_list_model_get_item (model, i);
      g_assert_true (r == before->pdata[i]);
    }

  /* The selected record moves to the top (the first row changes): one
   * signal from the first row, its object kept. */
  moved = g_list_model_get_item (model, 50);
  n_before_moved = g_list_model_get_n_items (model);
  moved_search = g_strdup_printf ("muster %s", sec_record_get_string (moved, "family-name") + strlen ("Muster "));
  g_string_truncate (log, 0);
  g_clear_pointer (&expected, g_free);
  set_query_and_wait (list, moved_search, sec_record_get_id (moved));
  expected = g_strdup_printf ("0-%u+%u", n_before_moved, g_list_model_get_n_items (model));
  g_assert_cmpstr (log->str, ==, expected);
  g_assert_cmpint (sec_record_list_find (list, sec_record_get_id (moved)), ==, 0);
  {
    g_autoptr(SecRecord) r = g_list_model_get_item (model, 0);
    g_assert_true (r == moved);
  }

  /* The selected record is gone: every row replaced, in two signals. */
  g_string_truncate (log, 0);
  g_clear_pointer (&expected, g_free);
  set_query_and_wait (list, "pauli", sec_record_get_id (moved));
  expected = g_strdup_printf ("0-%u+0* 0-0+%u", 1u, g_list_model_get_n_items (model));
  g_assert_cmpstr (log->str, ==, expected);

  /* The selected record is gone but the first rows stay: those rows are
   * not in the signals (the list pane then selects the first row). Numbers
   * starting with "00" list the Musters first, then the Paulis; a Pauli
   * is selected, and "muster" begins with the same 400 rows. */
  {
    g_autoptr(SecRecord) pauli = NULL;
    guint n_old;

    set_query_and_wait (list, "00", 0);
    n_old = g_list_model_get_n_items (model);
    pauli = g_list_model_get_item (model, n_old - 1);
    g_assert_true (g_str_has_prefix (sec_record_get_string (pauli, "family-name"), "Pauli"));
    g_string_truncate (log, 0);
    g_clear_pointer (&expected, g_free);
    set_query_and_wait (list, "muster", sec_record_get_id (pauli));
    expected = g_strdup_printf ("400-%u+0* 400-0+%u", n_old - 400, g_list_model_get_n_items (model) - 400);
    g_assert_cmpstr (log->str, ==, expected);
    set_query_and_wait (list, "pauli", 0);
  }

  /* A record changed in the store meanwhile is not kept: the store's
   * change drops the pages read, and the new query reads it again. */
  {
    g_autoptr(SecRecord) pauli = g_list_model_get_item (model, 0);
    g_autoptr(SecRecord) edited = sec_record_copy (pauli);
    g_autoptr(SecRecord) again = NULL;
    g_autoptr(GError) error = NULL;

    sec_record_set_string (edited, "email", "pauli@example.org");
    g_assert_true (sec_store_update (f->store, edited, &error));
    g_assert_no_error (error);
    set_query_and_wait (list, "pauli 0", sec_record_get_id (pauli));
    again = g_list_model_get_item (model, 0);
    g_assert_cmpint (sec_record_get_id (again), ==, sec_record_get_id (pauli));
    g_assert_true (again != pauli);
    g_assert_cmpstr (sec_record_get_string (again, "email"), ==, "pauli@example.org");
  }
  sec_record_list_set_background_min_rows (20000);
}

/* Below this, a connection's cache holds only what it cannot free: the
 * pager's own structures, and the TEMP tables of the searches it keeps
 * (sec-search-hits.c; 75 KiB here, against 3 MB before freeing). */
#define NEARLY_EMPTY (256 * 1024)

static void
wait_released (SecStore *store)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (sec_store_get_readers_cache_used (store) >= NEARLY_EMPTY && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Every list read in a worker, whose connection keeps its cache for
 * @delay_ms; then back to the defaults. */
static void
use_workers (guint delay_ms)
{
  sec_record_list_set_background_min_rows (0);
  sec_store_set_readers_release_delay (delay_ms);
}

static void
stop_using_workers (void)
{
  sec_store_set_readers_cache_kib (32768);
  sec_store_set_readers_release_delay (2000);
  sec_record_list_set_background_min_rows (20000);
}

/* Searches @text in a worker and waits for the list to take it in. */
static void
search_in_background (SecRecordList *list,
                      SecQuery      *q,
                      const char    *text)
{
  sec_query_set_search (q, text);
  sec_record_list_set_query_in_background (list, q, 4242);
  wait_loaded (list);
}

/* Reads every person on a connection of @store's workers, as a worker's
 * read does (sec_store_read_async ()), which keeps its pages for the
 * delay. */
static void
read_everyone_in_a_worker (SecStore *store)
{
  g_autoptr(SecReaders) readers = sec_store_get_readers (store);
  g_autoptr(GPtrArray) everyone = NULL;
  SecStore *reader = sec_readers_take (readers, NULL);

  g_assert_nonnull (reader);
  everyone = sec_store_list (reader, SEC_TYPE_PERSON, NULL, NULL);
  g_assert_cmpuint (everyone->len, ==, N_PEOPLE);
  sec_readers_give_back (readers, reader);
  sec_readers_done (readers);
}

/* The connections kept for background reads keep their pages until no
 * read came for a while (or at once, with a delay of 0), or until freed;
 * the store's own connection frees its pages when asked. */
static void
test_background_memory (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecordList) list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  g_autoptr(SecQuery) q = sec_query_new ();
  gint64 held;

  /* Kept, until the delay runs out (a minute here) or they are freed. */
  use_workers (60000);
  read_everyone_in_a_worker (f->store);
  held = sec_store_get_readers_cache_used (f->store);
  g_test_message ("a worker's connection holds %" G_GINT64_FORMAT " bytes", held);
  g_assert_cmpint (held, >, 4 * NEARLY_EMPTY);
  sec_store_release_readers_memory (f->store);
  g_assert_cmpint (sec_store_get_readers_cache_used (f->store), <, NEARLY_EMPTY);

  /* Freed as soon as the query is read. */
  sec_store_set_readers_release_delay (0);
  search_in_background (list, q, "muster");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 3000);
  g_assert_cmpint (sec_store_get_readers_cache_used (f->store), <, NEARLY_EMPTY);

  /* Freed once no query came for the delay. */
  sec_store_set_readers_release_delay (20);
  search_in_background (list, q, "pauli");
  wait_released (f->store);
  g_assert_cmpint (sec_store_get_readers_cache_used (f->store), <, NEARLY_EMPTY);

  /* The store's own connection. */
  sec_record_list_set_query (list, q);
  g_assert_cmpint (sec_store_get_cache_used (f->store), >, 4 * NEARLY_EMPTY);
  sec_store_release_memory (f->store);
  g_assert_cmpint (sec_store_get_cache_used (f->store), <, NEARLY_EMPTY);
  stop_using_workers ();
}

static gboolean
cache_above (SecStore *store,
             gint64    bytes,
             guint     ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (sec_store_get_cache_used (store) > bytes && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return sec_store_get_cache_used (store) > bytes;
}

/* The store's own connection frees its pages once it was not used for
 * the idle delay (looking at the cache is no use), but for those it used
 * last if asked to keep some, and reads as well after. */
static void
test_idle_release (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecordList) list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  g_autoptr(SecQuery) q = sec_query_new ();
  guint n;

  /* Never, by default: the pages the fixture wrote stay. */
  sec_query_set_search (q, "m");
  sec_record_list_set_query (list, q);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 3000);
  g_test_message ("the store's connection holds %" G_GINT64_FORMAT " bytes", sec_store_get_cache_used (f->store));
  g_assert_cmpint (sec_store_get_cache_used (f->store), >, 4 * NEARLY_EMPTY);
  g_assert_true (cache_above (f->store, 4 * NEARLY_EMPTY, 300));

  /* Freed but for the 512 KiB used last. */
  sec_store_set_idle_release (f->store, 150, 512);
  g_assert_false (cache_above (f->store, 512 * 1024 + NEARLY_EMPTY, 5000));
  g_test_message ("then %" G_GINT64_FORMAT " bytes", sec_store_get_cache_used (f->store));
  g_assert_cmpint (sec_store_get_cache_used (f->store), >, NEARLY_EMPTY);

  /* All freed. */
  sec_store_set_idle_release (f->store, 150, 0);
  g_assert_false (cache_above (f->store, NEARLY_EMPTY, 5000));

  /* Read again as well, and freed again. */
  for (guint i = 0; i < 4; i++)
    {
      sec_query_set_search (q, i % 2 ? "m" : "pauli");
      sec_record_list_set_query (list, q);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
      sec_test_wait_ms (50);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_false (cache_above (f->store, NEARLY_EMPTY, 5000));
  sec_store_set_idle_release (f->store, 0, 0);
}

/* A worker's connection keeps no more than the page cache it is given
 * (sec_store_set_readers_cache_kib ()): 3 MB here without the limit. */
static void
test_background_cache_limit (Fixture *f, gconstpointer data)
{
  gint64 held;

  use_workers (60000);
  sec_store_set_readers_cache_kib (1024);
  read_everyone_in_a_worker (f->store);
  held = sec_store_get_readers_cache_used (f->store);
  g_assert_cmpint (held, >, NEARLY_EMPTY);
  g_assert_cmpint (held, <=, 1024 * 1024 + NEARLY_EMPTY);

  sec_store_release_readers_memory (f->store);
  stop_using_workers ();
}

/* @list shows the rows of @here (read at once), in the same order. */
static void
assert_same_rows (SecRecordList *list,
                  SecRecordList *here)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (here));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i += n > 500 ? 7 : 1)
    {
      g_autoptr(SecRecord) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(SecRecord) b = g_list_model_get_item (G_LIST_MODEL (here), i);

      g_assert_cmpint (sec_record_get_id (a), ==, sec_record_get_id (b));
    }
}

/* A list's worker gives its pages back as soon as its keystroke's
 * queries are read, without waiting for the delay (a minute here), a
 * search cleared too (issue 16: the window held 17–25 MB more while a
 * search was shown and cleared); the list is the same. */
static void
test_background_batch_released (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecordList) list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  g_autoptr(SecQuery) q = sec_query_new ();
  const char *const searches[] = { "m", "mu", "muster", "" };
  g_autoptr(SecReaders) readers = NULL;
  SecStore *reader;

  use_workers (60000);
  readers = sec_store_get_readers (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(SecRecordList) here = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
      g_autoptr(SecQuery) same = sec_query_new ();

      search_in_background (list, q, searches[i]);
      /* The worker's connection, once given back (it gives its pages
       * back after its rows went to the list). */
      reader = sec_readers_take (readers, NULL);
      g_assert_nonnull (reader);
      g_test_message ("“%s”: the worker's connection holds %" G_GINT64_FORMAT " bytes", searches[i],
                      sec_store_get_cache_used (reader));
      g_assert_cmpint (sec_store_get_cache_used (reader), <, NEARLY_EMPTY);
      sec_readers_give_back (readers, reader);
      sec_query_set_search (same, searches[i]);
      sec_record_list_set_query (here, same);
      assert_same_rows (list, here);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PEOPLE);
  stop_using_workers ();
}

/* The store's connection lets its pages go but those used last when
 * asked (the window does it when it changes sections), and, once an idle
 * release is set, as a read starts in a worker; neither is a use that
 * puts the idle release off. */
static void
test_cut_cache (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecordList) list = sec_record_list_new (f->store, SEC_TYPE_PERSON, NULL);
  g_autoptr(SecQuery) q = sec_query_new ();
  gint64 keep = 512 * 1024;
  gint64 before = sec_store_get_cache_used (f->store);
  guint n;

  /* The pages the fixture wrote. A read in a worker, with no idle
   * release set: the cache stays. */
  g_assert_cmpint (before, >, keep + NEARLY_EMPTY);
  sec_record_list_set_background_min_rows (0);
  search_in_background (list, q, "muster");
  g_assert_cmpint (sec_store_get_cache_used (f->store), >=, before);

  /* With one (never reached here), it is cut as the worker starts. */
  sec_store_set_idle_release (f->store, 60000, 512);
  sec_query_set_search (q, "pauli");
  sec_record_list_set_query_in_background (list, q, 4242);
  g_assert_cmpint (sec_store_get_cache_used (f->store), <=, keep + NEARLY_EMPTY);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 1000);
  sec_store_set_idle_release (f->store, 0, 0);
  sec_record_list_set_background_min_rows (20000);

  /* Every row read on the store's connection fills it again; cut when
   * asked. */
  sec_query_set_search (q, NULL);
  sec_record_list_set_query (list, q);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i += 100)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpint (sec_store_get_cache_used (f->store), >, keep + NEARLY_EMPTY);
  sec_store_cut_cache (f->store, 512);
  g_test_message ("cut to %" G_GINT64_FORMAT " bytes", sec_store_get_cache_used (f->store));
  g_assert_cmpint (sec_store_get_cache_used (f->store), <=, keep + NEARLY_EMPTY);
  g_assert_cmpint (sec_store_get_cache_used (f->store), >, NEARLY_EMPTY);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/record-list-scale/pages-and-positions", test_pages_and_positions);
  ADD ("/record-list-scale/pages-dropped", test_pages_dropped);
  ADD ("/record-list-scale/by-organisation", test_by_organisation);
  ADD ("/record-list-scale/background", test_background);
  ADD ("/record-list-scale/background-keeps-rows", test_background_keeps_rows);
  /* A server's memory is the server's; its sessions can be lost. */
  if (!sec_test_is_pg ())
    {
      ADD ("/record-list-scale/background-memory", test_background_memory);
      ADD ("/record-list-scale/idle-release", test_idle_release);
      ADD ("/record-list-scale/background-cache-limit", test_background_cache_limit);
      ADD ("/record-list-scale/cut-cache", test_cut_cache);
      ADD ("/record-list-scale/background-batch-released", test_background_batch_released);
    }
  else
    ADD ("/record-list-scale/background-lost-session", test_background_lost_session);
#undef ADD

  return g_test_run ();
}
