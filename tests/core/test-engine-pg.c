/* test-engine-pg.c: the PostgreSQL engine on a real server
 *
 * Run by the suite "pg" with SECRETARIAT_TEST_PG naming a server
 * (build-aux/pg-cluster; build-aux/dev test starts one); without it every
 * test that needs the server is skipped. What is checked: placeholders and
 * values both ways, the id of an insert, cached statements, SQLSTATEs as
 * SecStoreError and SecConstraint, a failed statement leaving its
 * transaction usable, the words said when connecting fails, and the store
 * on a server: the schema made on an empty database, records written and
 * read, and refusals of another program's or a newer Secretariat's
 * database.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/store/sec-engine.h"
#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"
#include "sec-test-util.h"

static gboolean
need_server (void)
{
  if (g_getenv ("SECRETARIAT_TEST_PG") != NULL && sec_engine_has_server_support ())
    return TRUE;
  g_test_skip ("no PostgreSQL server (SECRETARIAT_TEST_PG)");
  return FALSE;
}

static SecEngine *
open_new_database (char **uri_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = sec_test_pg_new_database ();
  SecEngine *engine = sec_engine_open (uri, SEC_ENGINE_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engine);
  g_assert_cmpint (sec_engine_get_kind (engine), ==, SEC_ENGINE_POSTGRESQL);
  if (uri_out != NULL)
    *uri_out = g_steal_pointer (&uri);
  return engine;
}

static void
exec_ok (SecEngine  *engine,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  sec_engine_exec (engine, sql, &error);
  g_assert_no_error (error);
}

/* Both schemas end at the same version, with the same steps. */
static void
test_schemas_match (void)
{
  guint n_lite, n_pg;
  const SecMigration *lite = sec_schema_get_migrations (&n_lite);
  const SecMigration *pg = sec_schema_get_pg_migrations (&n_pg);

  g_assert_cmpuint (n_lite, ==, n_pg);
  for (guint i = 0; i < n_lite; i++)
    g_assert_cmpint (lite[i].version, ==, pg[i].version);
}

static void
test_uri (void)
{
  g_assert_true (sec_engine_is_server_uri ("postgresql://user@host/db"));
  g_assert_true (sec_engine_is_server_uri ("postgres://host/db"));
  g_assert_false (sec_engine_is_server_uri ("/home/me/office.db"));
  g_assert_false (sec_engine_is_server_uri ("postgresql.db"));
}

/* Connecting fails with words the user can act on; the password in the
 * URI is never shown. */
static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;

  if (!sec_engine_has_server_support ())
    {
      g_test_skip ("built without libpq");
      return;
    }
  store = sec_store_open ("postgresql://someone:secret@/office?host=/nonexistent-folder&connect_timeout=2", &error);
  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
  g_assert_null (strstr (error->message, "secret"));
}

static void
test_wrong_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) admin = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GUri) base = NULL;

  if (!need_server ())
    return;
  admin = sec_engine_open (g_getenv ("SECRETARIAT_TEST_PG"), SEC_ENGINE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  /* build-aux/pg-cluster asks this role, and only it, for a password. */
  exec_ok (admin, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sec_password') THEN"
                  " CREATE ROLE sec_password LOGIN PASSWORD 'right'; END IF; END $$");
  base = g_uri_parse (g_getenv ("SECRETARIAT_TEST_PG"), G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("postgresql://sec_password:wrong@%s/postgres?%s",
                         g_uri_get_host (base) ? g_uri_get_host (base) : "",
                         g_uri_get_query (base) ? g_uri_get_query (base) : "");
  /* The query's user= would win over the URI's. */
  {
    g_autoptr(GString) fixed = g_string_new (uri);
    g_string_replace (fixed, "user=secretariat", "application_name=sec", 0);
    g_free (uri);
    uri = g_string_free (g_steal_pointer (&fixed), FALSE);
  }
  store = sec_store_open (uri, &error);
  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN);
  if (strstr (error->message, "password") == NULL)
    g_error ("not about the password: %s", error->message);
  g_assert_null (strstr (error->message, "wrong"));
}

/* Values go in and come back as SQLite's engine gives them. */
static void
test_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) engine = NULL;
  g_autoptr(GBytes) blob = g_bytes_new ("\0\1\2\377", 4);
  g_autoptr(GBytes) back = NULL;
  gint64 id;

  if (!need_server ())
    return;
  engine = open_new_database (NULL);
  exec_ok (engine, "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                   " name text, n bigint, x double precision, b bytea, flag integer)");
  {
    g_autoptr(SecStmt) stmt = sec_engine_prepare (engine, "INSERT INTO t (name, n, x, b, flag) VALUES (?1, ?2, ?3, ?4, ?5)", &error);

    g_assert_no_error (error);
    sec_stmt_bind_text (stmt, 1, "Zoë's “quoted” ?1");
    sec_stmt_bind_int64 (stmt, 2, G_GINT64_CONSTANT (9007199254740993));
    sec_stmt_bind_double (stmt, 3, 0.1);
    sec_stmt_bind_blob (stmt, 4, blob);
    sec_stmt_bind_null (stmt, 5);
    g_assert_true (sec_stmt_run (stmt, &error));
    g_assert_no_error (error);
  }
  id = sec_engine_last_insert_id (engine);
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpint (sec_engine_changes (engine), ==, 1);
  {
    /* A question mark inside quotes is not a placeholder. */
    g_autoptr(SecStmt) stmt = sec_engine_prepare (engine, "SELECT name, n, x, b, flag, '?', n > 0 FROM t WHERE id = ?1", &error);

    g_assert_no_error (error);
    sec_stmt_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sec_stmt_step (stmt, &error), ==, SEC_STEP_ROW);
    g_assert_cmpint (sec_stmt_n_columns (stmt), ==, 7);
    g_assert_cmpstr (sec_stmt_column_name (stmt, 0), ==, "name");
    g_assert_cmpstr (sec_stmt_get_text (stmt, 0), ==, "Zoë's “quoted” ?1");
    g_assert_cmpint (sec_stmt_get_int64 (stmt, 1), ==, G_GINT64_CONSTANT (9007199254740993));
    g_assert_cmpfloat (sec_stmt_get_double (stmt, 2), ==, 0.1);
    back = sec_stmt_dup_blob (stmt, 3);
    g_assert_true (g_bytes_equal (back, blob));
    g_assert_true (sec_stmt_is_null (stmt, 4));
    g_assert_null (sec_stmt_get_text (stmt, 4));
    g_assert_cmpstr (sec_stmt_get_text (stmt, 5), ==, "?");
    g_assert_cmpint (sec_stmt_get_int (stmt, 6), ==, 1);
    g_assert_cmpint (sec_stmt_step (stmt, &error), ==, SEC_STEP_DONE);
  }
  {
    /* Text the server cannot type alone, and a value put back. */
    g_autoptr(SecStmt) stmt = sec_engine_prepare (engine, "SELECT ?1 || ?2, b FROM t", &error);
    g_autoptr(SecValue) value = NULL;

    g_assert_no_error (error);
    sec_stmt_bind_text (stmt, 1, "a");
    sec_stmt_bind_text (stmt, 2, "b");
    g_assert_cmpint (sec_stmt_step (stmt, &error), ==, SEC_STEP_ROW);
    g_assert_no_error (error);
    g_assert_cmpstr (sec_stmt_get_text (stmt, 0), ==, "ab");
    value = sec_stmt_dup_value (stmt, 1);
    g_clear_pointer (&stmt, sec_stmt_free);
    stmt = sec_engine_prepare (engine, "UPDATE t SET b = ?1, name = NULL WHERE id = 1", &error);
    sec_stmt_bind_value (stmt, 1, value);
    g_assert_true (sec_stmt_run (stmt, &error));
    g_assert_no_error (error);
  }
}

/* The second prepare of the same SQL gets the cached handle back. */
static void
test_cache (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) engine = NULL;
  SecStmt *first, *second, *nested;

  if (!need_server ())
    return;
  engine = open_new_database (NULL);
  first = sec_engine_prepare (engine, "SELECT ?1::int + 1", &error);
  nested = sec_engine_prepare (engine, "SELECT ?1::int + 1", &error);
  g_assert_true (first != nested);
  sec_stmt_bind_int64 (first, 1, 1);
  sec_stmt_bind_int64 (nested, 1, 2);
  g_assert_cmpint (sec_stmt_step (first, &error), ==, SEC_STEP_ROW);
  g_assert_cmpint (sec_stmt_step (nested, &error), ==, SEC_STEP_ROW);
  g_assert_cmpint (sec_stmt_get_int (first, 0), ==, 2);
  g_assert_cmpint (sec_stmt_get_int (nested, 0), ==, 3);
  sec_stmt_free (nested);
  sec_stmt_free (first);
  second = sec_engine_prepare (engine, "SELECT ?1::int + 1", &error);
  g_assert_true (first == second);
  sec_stmt_free (second);
}

static void
expect_constraint (SecEngine     *engine,
                   const char    *sql,
                   SecConstraint  constraint,
                   const char    *column_or_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *column = NULL;

  g_assert_false (sec_engine_exec (engine, sql, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (sec_engine_get_failed_constraint (engine, &column), ==, constraint);
  if (constraint == SEC_CONSTRAINT_UNIQUE)
    g_assert_cmpstr (column, ==, column_or_message);
  else if (column_or_message != NULL)
    g_assert_cmpstr (sec_engine_get_error_message (engine), ==, column_or_message);
}

static void
test_constraints (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) engine = NULL;
  g_autoptr(SecStmt) stmt = NULL;

  if (!need_server ())
    return;
  engine = open_new_database (NULL);
  exec_ok (engine, "CREATE TABLE a (id bigint PRIMARY KEY, name text UNIQUE, x int, y int, UNIQUE (x, y));"
                   "CREATE TABLE b (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id));"
                   "CREATE FUNCTION refuse () RETURNS trigger LANGUAGE plpgsql AS $$"
                   " BEGIN IF new.name = 'no' THEN RAISE EXCEPTION 'refused-by-trigger'; END IF; RETURN new; END $$;"
                   "CREATE TRIGGER refuse BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION refuse ();"
                   "INSERT INTO a VALUES (1, 'one', 1, 1)");
  expect_constraint (engine, "INSERT INTO a VALUES (2, 'one', 2, 2)", SEC_CONSTRAINT_UNIQUE, "name");
  expect_constraint (engine, "INSERT INTO a VALUES (2, 'two', 1, 1)", SEC_CONSTRAINT_UNIQUE, "y");
  expect_constraint (engine, "INSERT INTO b VALUES (1, 99)", SEC_CONSTRAINT_FOREIGN_KEY, NULL);
  expect_constraint (engine, "UPDATE a SET name = 'no'", SEC_CONSTRAINT_TRIGGER, "refused-by-trigger");

  /* A failed statement inside a transaction undoes itself only, as in
   * SQLite: the transaction goes on and commits the rest. */
  exec_ok (engine, "BEGIN IMMEDIATE");
  stmt = sec_engine_prepare (engine, "INSERT INTO a (id, name) VALUES (?1, ?2)", &error);
  sec_stmt_bind_int64 (stmt, 1, 3);
  sec_stmt_bind_text (stmt, 2, "three");
  g_assert_true (sec_stmt_run (stmt, &error));
  g_clear_pointer (&stmt, sec_stmt_free);
  stmt = sec_engine_prepare (engine, "INSERT INTO a (id, name) VALUES (?1, ?2)", &error);
  sec_stmt_bind_int64 (stmt, 1, 4);
  sec_stmt_bind_text (stmt, 2, "three");
  g_assert_false (sec_stmt_run (stmt, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&stmt, sec_stmt_free);
  exec_ok (engine, "COMMIT");
  stmt = sec_engine_prepare (engine, "SELECT count(*) FROM a", &error);
  g_assert_cmpint (sec_stmt_step (stmt, &error), ==, SEC_STEP_ROW);
  g_assert_cmpint (sec_stmt_get_int (stmt, 0), ==, 2);
}

/* The store makes its schema on an empty database and keeps records. */
static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecRecord) back = NULL;
  g_autofree char *uri = NULL;
  gboolean has = FALSE;
  int version = 0;
  gint64 id;

  if (!need_server ())
    return;
  uri = sec_test_pg_new_database ();
  store = sec_store_open (uri, &error);
  g_assert_no_error (error);
  g_assert_true (sec_engine_get_schema_version (_sec_store_get_engine (store), &version, &error));
  g_assert_cmpint (version, ==, SEC_STORE_SCHEMA_VERSION);
  g_assert_true (sec_engine_has_table (_sec_store_get_engine (store), "organisations", &has, &error));
  g_assert_true (has);
  g_assert_nonnull (sec_store_get_uuid (store));

  id = sec_test_insert (store, SEC_TYPE_ORGANISATION, "name", "Fédération européenne", "country", "BE", NULL);
  g_assert_cmpint (id, >, 0);
  back = sec_store_get (store, SEC_TYPE_ORGANISATION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (back, "name"), ==, "Fédération européenne");
  g_assert_cmpstr (sec_record_get_string (back, "country"), ==, "BE");
  g_clear_object (&store);

  /* Opened again: nothing to migrate, the record is there. */
  store = sec_store_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&back);
  back = sec_store_get (store, SEC_TYPE_ORGANISATION, id, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
}

/* Another program's tables, or a newer Secretariat's schema, are refused
 * with words, and left as they are. */
static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) engine = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *other_uri = NULL;
  gboolean has = FALSE;

  if (!need_server ())
    return;
  engine = open_new_database (&other_uri);
  exec_ok (engine, "CREATE TABLE invoices (id int)");
  g_clear_pointer (&engine, sec_engine_close);
  store = sec_store_open (other_uri, &error);
  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  /* Read, an empty database is not ours yet; written, it becomes ours. */
  uri = sec_test_pg_new_database ();
  store = sec_store_open_for_reading (uri, &error);
  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);
  store = sec_store_open (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  store = sec_store_open_for_reading (uri, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  engine = sec_engine_open (uri, SEC_ENGINE_OPEN_READ_WRITE, &error);
  exec_ok (engine, "UPDATE secretariat_schema SET version = 9999");
  store = sec_store_open (uri, &error);
  g_assert_null (store);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_TOO_NEW);
  g_assert_true (sec_engine_has_table (engine, "organisations", &has, NULL));
  g_assert_true (has);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine-pg/schemas-match", test_schemas_match);
  g_test_add_func ("/engine-pg/uri", test_uri);
  g_test_add_func ("/engine-pg/unreachable", test_unreachable);
  g_test_add_func ("/engine-pg/wrong-password", test_wrong_password);
  g_test_add_func ("/engine-pg/values", test_values);
  g_test_add_func ("/engine-pg/cache", test_cache);
  g_test_add_func ("/engine-pg/constraints", test_constraints);
  g_test_add_func ("/engine-pg/store", test_store);
  g_test_add_func ("/engine-pg/refusals", test_refusals);

  return g_test_run ();
}
