/* test-notify.c: several stores on one server database
 *
 * Run by the suite "pg" (SECRETARIAT_TEST_PG names a server; without it
 * the tests are skipped). Three stores on one database: what A and B
 * commit reaches C as SecStore::changed, A does not hear its own changes
 * back, and a write rolled back is never announced. A store whose
 * connection the server ends (pg_terminate_backend) says it is
 * disconnected, refuses writes in words meanwhile, connects again by
 * itself and works again.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-notify.h"
#include "core/store/sec-store-private.h"
#include "sec-test-util.h"

/* Generous: the server delivers within milliseconds; a loaded machine may
 * be slow. Nothing here measures speed. */
#define DEADLINE_S 20

typedef struct {
  GType  kind;
  gint64 id;
  int    change;
} Heard;

static void
on_changed (SecStore *store,
            GType     kind,
            gint64    id,
            int       change,
            GArray   *heard)
{
  Heard h = { kind, id, change };

  g_array_append_val (heard, h);
}

static guint
count_heard (GArray *heard,
             GType   kind,
             gint64  id,
             int     change)
{
  guint n = 0;

  for (guint i = 0; i < heard->len; i++)
    {
      Heard *h = &g_array_index (heard, Heard, i);
      if (h->kind == kind && h->id == id && h->change == change)
        n++;
    }
  return n;
}

/* Runs the main loop until @done (@data) is TRUE, or fails, saying @what. */
static void
wait_until (gboolean  (*done) (gpointer data),
            gpointer    data,
            const char *what)
{
  gint64 end = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("%s: not within %d s", what, DEADLINE_S);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

typedef struct {
  GArray *heard;
  Heard   change;
} Awaited;

static gboolean
was_heard (gpointer data)
{
  Awaited *a = data;

  return count_heard (a->heard, a->change.kind, a->change.id, a->change.change) > 0;
}

/* Runs the main loop until @heard holds the change, or fails. */
static void
wait_for (GArray *heard,
          GType   kind,
          gint64  id,
          int     change)
{
  Awaited a = { heard, { kind, id, change } };
  g_autofree char *what = g_strdup_printf ("%s %" G_GINT64_FORMAT " (change %d) heard",
                                           g_type_name (kind), id, change);

  wait_until (was_heard, &a, what);
}

static SecStore *
open_following (const char *uri,
                GArray     *heard)
{
  g_autoptr(GError) error = NULL;
  SecStore *store = sec_store_open (uri, &error);

  g_assert_no_error (error);
  g_assert_true (sec_store_follow_others (store));
  g_assert_true (sec_store_get_connected (store));
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), heard);
  return store;
}

static void
test_three_stores (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(GArray) heard_a = g_array_new (FALSE, FALSE, sizeof (Heard));
  g_autoptr(GArray) heard_b = g_array_new (FALSE, FALSE, sizeof (Heard));
  g_autoptr(GArray) heard_c = g_array_new (FALSE, FALSE, sizeof (Heard));
  g_autoptr(SecStore) a = NULL;
  g_autoptr(SecStore) b = NULL;
  g_autoptr(SecStore) c = NULL;
  g_autoptr(SecRecord) org = NULL;
  g_autoptr(SecRecord) ghost = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person;

  if (!sec_test_pg_need_server ())
    return;
  uri = sec_test_pg_new_database ();
  a = open_following (uri, heard_a);
  b = open_following (uri, heard_b);
  c = open_following (uri, heard_c);

  /* A inserts, B inserts: C hears both. */
  org = sec_test_make (a, SEC_TYPE_ORGANISATION, "name", "Europol", NULL);
  person = sec_test_insert (b, SEC_TYPE_PERSON, "given-name", "Ana", "family-name", "Pereira", NULL);
  wait_for (heard_c, SEC_TYPE_ORGANISATION, sec_record_get_id (org), SEC_STORE_CHANGE_INSERTED);
  wait_for (heard_c, SEC_TYPE_PERSON, person, SEC_STORE_CHANGE_INSERTED);

  /* A write rolled back is never announced. */
  g_assert_true (sec_store_begin (a, &error));
  ghost = sec_test_make (a, SEC_TYPE_ORGANISATION, "name", "Never committed", NULL);
  sec_store_rollback (a);

  /* A updates, B deletes: C hears both. */
  g_assert_true (sec_record_set_from_text (org, "acronym", "EPOL", &error));
  g_assert_no_error (error);
  g_assert_true (sec_store_update (a, org, &error));
  g_assert_no_error (error);
  g_assert_true (sec_store_delete (b, SEC_TYPE_PERSON, person, &error));
  g_assert_no_error (error);
  wait_for (heard_c, SEC_TYPE_ORGANISATION, sec_record_get_id (org), SEC_STORE_CHANGE_UPDATED);
  wait_for (heard_c, SEC_TYPE_PERSON, person, SEC_STORE_CHANGE_DELETED);
  /* A and B hear each other too. */
  wait_for (heard_a, SEC_TYPE_PERSON, person, SEC_STORE_CHANGE_DELETED);
  wait_for (heard_b, SEC_TYPE_ORGANISATION, sec_record_get_id (org), SEC_STORE_CHANGE_UPDATED);
  /* Whatever is still on its way arrives now. */
  sec_test_wait_ms (300);

  g_assert_cmpuint (count_heard (heard_c, SEC_TYPE_ORGANISATION, sec_record_get_id (ghost),
                                 SEC_STORE_CHANGE_INSERTED), ==, 0);
  /* Each store heard its own change once (when it committed), not again
   * from the server. */
  g_assert_cmpuint (count_heard (heard_a, SEC_TYPE_ORGANISATION, sec_record_get_id (org),
                                 SEC_STORE_CHANGE_INSERTED), ==, 1);
  g_assert_cmpuint (count_heard (heard_a, SEC_TYPE_ORGANISATION, sec_record_get_id (org),
                                 SEC_STORE_CHANGE_UPDATED), ==, 1);
  g_assert_cmpuint (count_heard (heard_b, SEC_TYPE_PERSON, person, SEC_STORE_CHANGE_INSERTED), ==, 1);
  g_assert_cmpuint (count_heard (heard_b, SEC_TYPE_PERSON, person, SEC_STORE_CHANGE_DELETED), ==, 1);
  g_assert_cmpuint (count_heard (heard_c, SEC_TYPE_PERSON, person, SEC_STORE_CHANGE_DELETED), ==, 1);

  /* What C reads is what they wrote. */
  {
    g_autoptr(SecRecord) seen = sec_store_get (c, SEC_TYPE_ORGANISATION, sec_record_get_id (org), &error);
    g_autofree char *acronym = NULL;

    g_assert_no_error (error);
    acronym = sec_record_dup_text (seen, "acronym");
    g_assert_cmpstr (acronym, ==, "EPOL");
  }
}

static gint64
backend_pid (SecStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStmt) stmt = sec_engine_prepare (_sec_store_get_engine (store), "SELECT pg_backend_pid ()", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sec_stmt_step (stmt, &error), ==, SEC_STEP_ROW);
  return sec_stmt_get_int64 (stmt, 0);
}

static gboolean
is_connected (gpointer store)
{
  return sec_store_get_connected (store);
}

static gboolean
is_disconnected (gpointer store)
{
  return !sec_store_get_connected (store);
}

static void
wait_connected (SecStore *store,
                gboolean  connected)
{
  wait_until (connected ? is_connected : is_disconnected, store,
              connected ? "the store connected again" : "the store says it is disconnected");
}

static void
count_notify (guint *n)
{
  (*n)++;
}

static void
test_reconnect (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *kill = NULL;
  g_autoptr(GArray) heard = g_array_new (FALSE, FALSE, sizeof (Heard));
  g_autoptr(GArray) heard_other = g_array_new (FALSE, FALSE, sizeof (Heard));
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecStore) other = NULL;
  g_autoptr(SecRecord) refused = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;
  gint64 pid;
  gint64 id;

  if (!sec_test_pg_need_server ())
    return;
  uri = sec_test_pg_new_database ();
  store = open_following (uri, heard);
  other = open_following (uri, heard_other);
  g_signal_connect_swapped (store, "notify::connected", G_CALLBACK (count_notify), &notified);
  g_assert_true (sec_store_set_history_user (store, "clerk", &error));
  pid = backend_pid (store);

  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);
  g_assert_true (sec_engine_exec (_sec_store_get_engine (other), kill, &error));
  g_assert_no_error (error);

  wait_connected (store, FALSE);
  g_assert_cmpuint (notified, ==, 1);

  /* A write while disconnected fails in words, and changes nothing. */
  refused = sec_record_new (SEC_TYPE_ORGANISATION);
  g_assert_true (sec_record_set_from_text (refused, "name", "Typed while offline", &error));
  g_assert_false (sec_store_insert (store, refused, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "connecting again"));
  g_clear_error (&error);
  g_assert_cmpint (sec_record_get_id (refused), ==, 0);

  /* It connects again by itself, and every list is told to refresh. */
  g_array_set_size (heard, 0);
  wait_connected (store, TRUE);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (count_heard (heard, SEC_TYPE_PERSON, 0, SEC_STORE_CHANGE_UPDATED), ==, 1);
  g_assert_cmpint (backend_pid (store), !=, pid);

  /* It works again: the same record saved now, and others hear it... */
  g_assert_true (sec_store_insert (store, refused, &error));
  g_assert_no_error (error);
  id = sec_record_get_id (refused);
  g_assert_cmpint (id, >, 0);
  wait_for (heard_other, SEC_TYPE_ORGANISATION, id, SEC_STORE_CHANGE_INSERTED);
  /* ...under the name it had before (a setting of the lost session)... */
  {
    g_autoptr(GPtrArray) entries = sec_store_list_history (store, SEC_TYPE_ORGANISATION, id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_cmpstr (((SecHistoryEntry *) g_ptr_array_index (entries, 0))->user, ==, "clerk");
  }
  /* ...and it hears theirs: it listens again. */
  id = sec_test_insert (other, SEC_TYPE_PERSON, "given-name", "Jan", "family-name", "Novák", NULL);
  wait_for (heard, SEC_TYPE_PERSON, id, SEC_STORE_CHANGE_INSERTED);
}

/* A file has no one else to hear. */
static void
test_file (void)
{
  g_autofree char *dir = sec_test_make_tmp_dir ("notify-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  SecStore *store = sec_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_false (sec_store_follow_others (store));
  g_assert_true (sec_store_get_connected (store));
  sec_test_insert (store, SEC_TYPE_ORGANISATION, "name", "Europol", NULL);
  sec_test_close_store (store, dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notify/file", test_file);
  g_test_add_func ("/notify/three-stores", test_three_stores);
  g_test_add_func ("/notify/reconnect", test_reconnect);

  return g_test_run ();
}
