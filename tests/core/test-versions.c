/* test-versions.c: two stores on one database (two staff on a shared
 * server, or two windows on one file) edit the same record: the second save
 * is refused with SEC_STORE_ERROR_CONFLICT and the first one kept; read
 * again, the second save goes through. Also: a record deleted meanwhile, a
 * save over a newer version on purpose ("Keep Mine"), and the writes that
 * are no editor's save (privacy erasure, undone deletions) moving the
 * version on. Runs on a file and, in the suite "pg", on a server. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store-privacy.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  SecTestStoreFixture base;
  SecStore           *other;  /* the same database, opened a second time */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  sec_test_store_fixture_setup (&f->base, "test-versions-XXXXXX", "shared.db");
  f->other = sec_store_open (f->base.path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->other);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->other);
  g_assert_finalize_object (f->base.store);
  sec_test_store_fixture_clear (&f->base);
}

static SecRecord *
get (SecStore *store, GType type, gint64 id)
{
  g_autoptr(GError) error = NULL;
  SecRecord *record = sec_store_get (store, type, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static void
test_conflict (Fixture *f, gconstpointer data)
{
  gint64 id = sec_test_insert (f->base.store, SEC_TYPE_ORGANISATION, "name", "La Strada International",
                               "country", "NL", NULL);
  g_autoptr(SecRecord) mine = get (f->base.store, SEC_TYPE_ORGANISATION, id);
  g_autoptr(SecRecord) theirs = get (f->other, SEC_TYPE_ORGANISATION, id);
  g_autoptr(SecRecord) stored = NULL;
  g_autoptr(SecRecord) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sec_record_get_version (mine), ==, 1);
  g_assert_cmpint (sec_record_get_version (theirs), ==, 1);

  /* The first save goes through and moves the version on. */
  sec_record_set_string (theirs, "city", "Amsterdam");
  g_assert_true (sec_store_update (f->other, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_version (theirs), ==, 2);

  /* The second, made on version 1, is refused and changes nothing. */
  sec_record_set_string (mine, "city", "Utrecht");
  sec_record_set_string (mine, "notes", "Met in June");
  g_assert_false (sec_store_update (f->base.store, mine, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONFLICT);
  sec_test_assert_contains (error->message, "since you opened it");
  g_clear_error (&error);
  g_assert_cmpint (sec_record_get_version (mine), ==, 1);

  stored = get (f->base.store, SEC_TYPE_ORGANISATION, id);
  g_assert_cmpstr (sec_record_get_string (stored, "city"), ==, "Amsterdam");
  g_assert_null (sec_record_get_string (stored, "notes"));
  g_assert_cmpint (sec_record_get_version (stored), ==, 2);
  g_clear_object (&stored);
  stored = get (f->other, SEC_TYPE_ORGANISATION, id);
  g_assert_cmpstr (sec_record_get_string (stored, "city"), ==, "Amsterdam");
  g_clear_object (&stored);

  /* Read again, the same change goes through, over theirs. */
  again = get (f->base.store, SEC_TYPE_ORGANISATION, id);
  sec_record_set_string (again, "notes", "Met in June");
  g_assert_true (sec_store_update (f->base.store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_version (again), ==, 3);
  stored = get (f->other, SEC_TYPE_ORGANISATION, id);
  g_assert_cmpstr (sec_record_get_string (stored, "city"), ==, "Amsterdam");
  g_assert_cmpstr (sec_record_get_string (stored, "notes"), ==, "Met in June");
  g_assert_cmpint (sec_record_get_version (stored), ==, 3);
  g_clear_object (&stored);

  /* And now the other one is behind. */
  sec_record_set_string (theirs, "city", "Rotterdam");
  g_assert_false (sec_store_update (f->other, theirs, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Several saves of one's own in a row each start from the last. */
  sec_record_set_string (again, "city", "Den Haag");
  g_assert_true (sec_store_update (f->base.store, again, &error));
  sec_record_set_string (again, "city", "Leiden");
  g_assert_true (sec_store_update (f->base.store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_version (again), ==, 5);
}

/* "Keep Mine": the user's values saved over the newer version, on purpose. */
static void
test_save_over (Fixture *f, gconstpointer data)
{
  gint64 id = sec_test_insert (f->base.store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Müller", NULL);
  g_autoptr(SecRecord) mine = get (f->base.store, SEC_TYPE_PERSON, id);
  g_autoptr(SecRecord) theirs = get (f->other, SEC_TYPE_PERSON, id);
  g_autoptr(SecRecord) newer = NULL;
  g_autoptr(SecRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  sec_record_set_string (theirs, "position", "Director");
  g_assert_true (sec_store_update (f->other, theirs, &error));
  sec_record_set_string (mine, "position", "Policy Officer");
  g_assert_false (sec_store_update (f->base.store, mine, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  newer = get (f->base.store, SEC_TYPE_PERSON, id);
  sec_record_set_version (mine, sec_record_get_version (newer));
  g_assert_true (sec_store_update (f->base.store, mine, &error));
  g_assert_no_error (error);
  stored = get (f->other, SEC_TYPE_PERSON, id);
  g_assert_cmpstr (sec_record_get_string (stored, "position"), ==, "Policy Officer");
  g_assert_cmpint (sec_record_get_version (stored), ==, 3);
}

static void
test_deleted (Fixture *f, gconstpointer data)
{
  gint64 id = sec_test_insert (f->base.store, SEC_TYPE_BODY, "name", "Network of National Rapporteurs", NULL);
  g_autoptr(SecRecord) mine = get (f->base.store, SEC_TYPE_BODY, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecDeletion) deletion = NULL;
  g_autoptr(SecRecord) back = NULL;

  deletion = sec_store_delete_with_undo (f->other, SEC_TYPE_BODY, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);

  sec_record_set_string (mine, "notes", "Meets twice a year");
  g_assert_false (sec_store_update (f->base.store, mine, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
  sec_test_assert_contains (error->message, "deleted since you opened it");
  g_clear_error (&error);

  /* Put back, it is a row written again: an editor open on it before the
   * deletion is refused rather than overwrite what came back. */
  g_assert_true (sec_store_undo_deletion (f->other, deletion, &error));
  g_assert_no_error (error);
  back = get (f->base.store, SEC_TYPE_BODY, id);
  g_assert_null (sec_record_get_string (back, "notes"));
  g_assert_cmpint (sec_record_get_version (back), ==, 1);
  sec_record_set_version (mine, 5);
  g_assert_false (sec_store_update (f->base.store, mine, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONFLICT);
}

/* Writes that are no editor's save move the version on too: an editor open
 * before them does not write the erased data back. */
static void
test_other_writes (Fixture *f, gconstpointer data)
{
  gint64 org = sec_test_insert (f->base.store, SEC_TYPE_ORGANISATION, "name", "Europol", NULL);
  g_autofree char *org_text = sec_test_id_text (org);
  gint64 person = sec_test_insert (f->base.store, SEC_TYPE_PERSON, "given-name", "Jan", "family-name", "Novák",
                                   "organisation", org_text, NULL);
  g_autoptr(SecRecord) contact = get (f->base.store, SEC_TYPE_ORGANISATION, org);
  g_autoptr(SecRecord) open_person = NULL;
  g_autoptr(SecRecord) open_org = NULL;
  g_autoptr(SecRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  sec_record_set_ref (contact, "contact-person", person);
  g_assert_true (sec_store_update (f->base.store, contact, &error));
  g_assert_no_error (error);

  open_person = get (f->other, SEC_TYPE_PERSON, person);
  open_org = get (f->other, SEC_TYPE_ORGANISATION, org);
  g_assert_true (sec_store_erase_person (f->base.store, person, &error));
  g_assert_no_error (error);

  stored = get (f->base.store, SEC_TYPE_PERSON, person);
  g_assert_cmpint (sec_record_get_version (stored), ==, sec_record_get_version (open_person) + 1);
  g_clear_object (&stored);
  stored = get (f->base.store, SEC_TYPE_ORGANISATION, org);
  g_assert_cmpint (sec_record_get_ref (stored, "contact-person"), ==, 0);
  g_assert_cmpint (sec_record_get_version (stored), ==, sec_record_get_version (open_org) + 1);

  sec_record_set_string (open_person, "notes", "Prefers e-mail");
  g_assert_false (sec_store_update (f->other, open_person, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sec_store_update (f->other, open_org, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONFLICT);
  g_clear_object (&stored);
  stored = get (f->base.store, SEC_TYPE_ORGANISATION, org);
  g_assert_cmpint (sec_record_get_ref (stored, "contact-person"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_autofree char *po = NULL;

  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);
  po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add ("/versions/conflict", Fixture, NULL, fixture_setup, test_conflict, fixture_teardown);
  g_test_add ("/versions/save-over", Fixture, NULL, fixture_setup, test_save_over, fixture_teardown);
  g_test_add ("/versions/deleted", Fixture, NULL, fixture_setup, test_deleted, fixture_teardown);
  g_test_add ("/versions/other-writes", Fixture, NULL, fixture_setup, test_other_writes, fixture_teardown);

  return g_test_run ();
}
