/* test-roles.c: staff accounts on a shared database (PostgreSQL roles)
 *
 * The roles the README tells an administrator to make: one that reads and
 * one that changes records. The reader lists, counts and searches, and
 * every write is refused with SEC_STORE_ERROR_READ_ONLY in words; the staff
 * role writes without owning the tables, and the history names it. Runs in
 * the suite "pg" only (build-aux/pg-cluster).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/store/sec-engine.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-history.h"
#include "sec-test-util.h"

typedef struct {
  char *uri;       /* the database, as its owner */
  char *reader;    /* the same, as a role that may only read */
  char *staff;     /* the same, as a role that may change records */
  char *reader_role;
  char *staff_role;
  gint64 anna;
} Fixture;

static void
run (SecEngine  *engine,
     const char *sql)
{
  g_autoptr(GError) error = NULL;

  sec_engine_exec (engine, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) owner = NULL;
  g_autoptr(SecEngine) admin = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *grants = NULL;

  f->uri = sec_test_pg_new_database ();
  /* The owner sets the database up, as the first one to connect does. */
  owner = sec_store_open (f->uri, &error);
  g_assert_no_error (error);
  f->anna = sec_test_insert (owner, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Müller", NULL);
  sec_store_close (owner);

  /* The README's SQL, with roles of this test's own. */
  f->reader_role = g_strdup_printf ("sec_reader_%d", (int) getpid ());
  f->staff_role = g_strdup_printf ("sec_staff_%d", (int) getpid ());
  admin = sec_engine_open (f->uri, SEC_ENGINE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  roles = g_strdup_printf ("DROP ROLE IF EXISTS %1$s; DROP ROLE IF EXISTS %2$s;"
                           "CREATE ROLE %1$s LOGIN; CREATE ROLE %2$s LOGIN;",
                           f->reader_role, f->staff_role);
  run (admin, roles);
  grants = g_strdup_printf ("GRANT USAGE ON SCHEMA public TO %1$s, %2$s;"
                            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1$s;"
                            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %2$s;"
                            "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %2$s;",
                            f->reader_role, f->staff_role);
  run (admin, grants);
  f->reader = sec_test_pg_uri_as (f->uri, f->reader_role);
  f->staff = sec_test_pg_uri_as (f->uri, f->staff_role);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) admin = sec_engine_open (f->uri, SEC_ENGINE_OPEN_READ_WRITE, &error);
  g_autofree char *sql = g_strdup_printf ("DROP OWNED BY %1$s, %2$s; DROP ROLE %1$s; DROP ROLE %2$s;",
                                          f->reader_role, f->staff_role);

  g_assert_no_error (error);
  run (admin, sql);
  g_free (f->uri);
  g_free (f->reader);
  g_free (f->staff);
  g_free (f->reader_role);
  g_free (f->staff_role);
}

/* A reader lists, counts and searches; every kind of write is refused in
 * words, and nothing changes. */
static void
test_reader (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (f->reader, &error);
  g_autoptr(SecRecord) anna = NULL;
  g_autoptr(SecRecord) other = sec_record_new (SEC_TYPE_PERSON);
  g_autoptr(SecQuery) query = sec_query_new ();

  g_assert_no_error (error);
  g_assert_false (sec_store_can_write (store));
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, NULL, &error), ==, 1);
  sec_query_set_search (query, "muller");
  g_assert_cmpint (sec_store_count (store, SEC_TYPE_PERSON, query, &error), ==, 1);
  g_assert_no_error (error);

  sec_record_set_string (other, "family-name", "Nowak");
  g_assert_false (sec_store_insert (store, other, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_READ_ONLY);
  sec_test_assert_contains (error->message, "may only read");
  g_clear_error (&error);

  anna = sec_store_get (store, SEC_TYPE_PERSON, f->anna, &error);
  g_assert_no_error (error);
  sec_record_set_string (anna, "email", "anna@example.org");
  g_assert_false (sec_store_update (store, anna, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (sec_store_delete (store, SEC_TYPE_PERSON, f->anna, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (sec_store_set_setting (store, "retention-years", "3", &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  sec_store_close (store);

  /* Nothing changed. */
  {
    g_autoptr(SecStore) owner = sec_store_open (f->uri, &error);
    g_autoptr(SecRecord) again = NULL;

    g_assert_no_error (error);
    g_assert_true (sec_store_can_write (owner));
    g_assert_cmpint (sec_store_count (owner, SEC_TYPE_PERSON, NULL, NULL), ==, 1);
    again = sec_store_get (owner, SEC_TYPE_PERSON, f->anna, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sec_record_get_string (again, "email"), ==, NULL);
  }
}

/* Staff write records without owning the tables; the history names them. */
static void
test_staff (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (f->staff, &error);
  g_autoptr(SecRecord) anna = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 id;
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_true (sec_store_can_write (store));
  id = sec_test_insert (store, SEC_TYPE_PERSON, "family-name", "Nowak", NULL);
  g_assert_cmpint (id, >, 0);
  anna = sec_store_get (store, SEC_TYPE_PERSON, f->anna, &error);
  g_assert_no_error (error);
  sec_record_set_string (anna, "email", "anna@example.org");
  g_assert_true (sec_store_update (store, anna, &error));
  g_assert_no_error (error);

  entries = sec_store_list_history (store, SEC_TYPE_PERSON, f->anna, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      SecHistoryEntry *e = g_ptr_array_index (entries, i);

      if (g_strcmp0 (e->field, "email") == 0)
        {
          g_assert_cmpstr (e->user, ==, f->staff_role);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!sec_test_is_pg ())
    {
      printf ("1..0 # SKIP the roles of a server: in the suite pg\n");
      return 0;
    }
  sec_test_pg_skip_without_server ();

  g_test_add ("/roles/reader", Fixture, NULL, fixture_setup, test_reader, fixture_teardown);
  g_test_add ("/roles/staff", Fixture, NULL, fixture_setup, test_staff, fixture_teardown);
  return g_test_run ();
}
