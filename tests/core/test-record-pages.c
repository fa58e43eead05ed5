/* test-record-pages.c: every field of a person and of an organisation
 * read back in the store's pages (_sec_store_record_from_row ()). */
#include "config.h"

#include <locale.h>

#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"
#include "sec-test-util.h"

typedef SecTestStoreFixture Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  sec_test_store_fixture_setup (f, "sec-record-pages-XXXXXX", "test.db");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  sec_test_store_fixture_clear (f);
}

/* A value of @field's kind that differs from its default, for record @n;
 * a reference takes @ref. */
static char *
some_value (const SecField *field,
            guint           n,
            gint64          ref)
{
  const SecChoice *c = field->choices;

  switch (field->type)
    {
    case SEC_FIELD_INT:
      return g_strdup_printf ("%u", 40 + n);
    case SEC_FIELD_DOUBLE:
      return g_strdup_printf ("%u.5", n);
    case SEC_FIELD_BOOL:
      return g_strdup ("yes");
    case SEC_FIELD_DATE:
      return g_strdup_printf ("2024-01-%02u", 10 + n);
    case SEC_FIELD_DATETIME:
      return g_strdup_printf ("2024-01-%02uT09:30", 10 + n);
    case SEC_FIELD_TIMEZONE:
      return g_strdup ("Europe/Brussels");
    case SEC_FIELD_TIME:
      return g_strdup_printf ("09:%02u", 10 + n);
    case SEC_FIELD_CHOICE:
      while (c[1].nick != NULL && g_strcmp0 (c->nick, field->default_value) == 0)
        c++;
      return g_strdup (c->nick);
    case SEC_FIELD_COUNTRY:
      return g_strdup (n % 2 ? "NL" : "BE");
    case SEC_FIELD_COUNTRIES:
      return g_strdup ("DK,EE");
    case SEC_FIELD_EMAIL:
      return g_strdup_printf ("%s.%u@example.org", field->name, n);
    case SEC_FIELD_URL:
      return g_strdup_printf ("https://example.org/%s/%u", field->name, n);
    case SEC_FIELD_REF:
      return g_strdup_printf ("%" G_GINT64_FORMAT, ref);
    case SEC_FIELD_LONG_TEXT:
      return g_strdup_printf ("%s %u\nŁódź, “Müller”", field->name, n);
    case SEC_FIELD_TEXT:
    default:
      return g_strdup_printf ("%s %u Łódź", field->name, n);
    }
}

/* Every field of @type set (unless @empty), as from the window. */
static SecRecord *
insert_full (SecStore *store,
             GType     type,
             guint     n,
             gboolean  empty,
             gint64    ref,
             const char *skip)
{
  g_autoptr(GError) error = NULL;
  SecRecord *record = sec_record_new (type);
  const SecKind *kind = sec_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SecField *field = &kind->fields[i];
      g_autofree char *value = NULL;

      if (g_strcmp0 (field->name, skip) == 0 || (empty && !(field->flags & SEC_FIELD_REQUIRED)))
        continue;
      value = some_value (field, n, ref);
      g_assert_true (sec_record_set_from_text (record, field->name, value, &error));
      g_assert_no_error (error);
    }
  /* Made earlier (an import's): created and updated differ. */
  _sec_record_set_timestamps (record, "2020-01-02T03:04:05Z", NULL);
  g_assert_true (sec_store_insert (store, record, &error));
  g_assert_no_error (error);
  return record;
}

/* @read, as read in a page, is @written: every field (its type and its
 * value), id, timestamps and version. */
static void
assert_read_as_written (SecRecord *read,
                        SecRecord *written)
{
  const SecKind *kind = sec_record_get_kind (written);

  g_assert_true (G_OBJECT_TYPE (read) == G_OBJECT_TYPE (written));
  g_assert_cmpint (sec_record_get_id (read), ==, sec_record_get_id (written));
  g_assert_cmpstr (sec_record_get_created_at (read), ==, sec_record_get_created_at (written));
  g_assert_cmpstr (sec_record_get_updated_at (read), ==, sec_record_get_updated_at (written));
  g_assert_cmpint (sec_record_get_version (read), ==, sec_record_get_version (written));
  g_assert_cmpstr (sec_record_get_created_at (read), ==, "2020-01-02T03:04:05Z");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *name = kind->fields[i].name;
      const GValue *r = sec_record_get_value (read, name);
      const GValue *w = sec_record_get_value (written, name);
      g_autofree char *rt = sec_record_dup_text (read, name);
      g_autofree char *wt = sec_record_dup_text (written, name);
      g_autofree char *rn = g_strdup_printf ("%s: %s", name, rt);
      g_autofree char *wn = g_strdup_printf ("%s: %s", name, wt);

      g_assert_true (G_VALUE_TYPE (r) == G_VALUE_TYPE (w));
      g_assert_cmpstr (rn, ==, wn);
      /* An empty text reads as none, as it was written. */
      if (G_VALUE_HOLDS_STRING (w) && g_value_get_string (w) == NULL)
        g_assert_null (g_value_get_string (r));
    }
  g_assert_true (sec_record_equal (read, written));
}

/* The record of id @id in @page, or NULL. */
static SecRecord *
find_in (GPtrArray *page,
         gint64     id)
{
  for (guint i = 0; i < page->len; i++)
    if (sec_record_get_id (page->pdata[i]) == id)
      return page->pdata[i];
  return NULL;
}

/* Every field of a person and of an organisation, and their derived
 * values, read back as written: by the list's pages in each way the store
 * reads one (in one pass from an index, by ids first after a search's
 * sort, the whole list), by sec_store_get (), and in a copy. A page's
 * record keeps its texts in one block (_sec_store_record_from_row ()):
 * a value set on it afterwards, and its copy, are checked too. */
static void
test_page_every_field (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) contact = insert_full (f->store, SEC_TYPE_PERSON, 1, FALSE, 0, "organisation");
  g_autoptr(SecRecord) org = insert_full (f->store, SEC_TYPE_ORGANISATION, 2, FALSE, sec_record_get_id (contact), NULL);
  g_autoptr(SecRecord) bare_org = insert_full (f->store, SEC_TYPE_ORGANISATION, 3, TRUE, 0, NULL);
  g_autoptr(SecRecord) person = insert_full (f->store, SEC_TYPE_PERSON, 4, FALSE, sec_record_get_id (org), "erased-on");
  g_autoptr(SecRecord) bare_person = insert_full (f->store, SEC_TYPE_PERSON, 5, TRUE, 0, NULL);
  g_autofree char *org_id = sec_test_id_text (sec_record_get_id (org));
  g_autofree char *body_id = sec_test_id_text (sec_test_insert (f->store, SEC_TYPE_BODY, "name", "Platform of civil society",
                                                                "acronym", "Platform", NULL));
  /* Each list's sort, for people and for organisations. */
  static const struct { const char *sort[2]; gboolean descending; const char *search; } reads[] = {
    { { NULL, NULL }, FALSE, NULL },                          /* the sort key's index, in one pass */
    { { "email", "kind" }, TRUE, NULL },                      /* another index for people */
    { { "created-at", "created-at" }, TRUE, NULL },           /* Recently Added's index */
    { { "organisation-sort-key", "country" }, FALSE, NULL },
    { { NULL, NULL }, FALSE, "łódź" },                        /* a search: sorted, ids first */
    { { "position", "city" }, FALSE, NULL },                  /* no index: sorted, ids first */
  };

  sec_test_insert (f->store, SEC_TYPE_MEMBERSHIP, "organisation", org_id, "body", body_id,
                   "joined-on", "2018-09-01", NULL);
  for (guint r = 0; r < G_N_ELEMENTS (reads); r++)
    for (guint k = 0; k < 2; k++)
      {
        GType type = k == 0 ? SEC_TYPE_PERSON : SEC_TYPE_ORGANISATION;
        SecRecord *full = k == 0 ? person : org;
        SecRecord *bare = k == 0 ? bare_person : bare_org;
        g_autoptr(SecQuery) q = sec_query_new ();
        g_autoptr(SecRecordList) list = NULL;
        g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(SecRecord) got = NULL;
        g_autoptr(SecRecord) copy = NULL;
        SecRecord *read;

        if (reads[r].sort[k] != NULL)
          sec_query_set_sort (q, reads[r].sort[k], reads[r].descending);
        if (reads[r].search != NULL)
          sec_query_set_search (q, reads[r].search);
        list = sec_record_list_new (f->store, type, q);
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
          g_ptr_array_add (page, g_list_model_get_item (G_LIST_MODEL (list), i));
        all = sec_store_list (f->store, type, q, &error);
        g_assert_no_error (error);
        got = sec_store_get (f->store, type, sec_record_get_id (full), &error);
        g_assert_no_error (error);

        read = find_in (page, sec_record_get_id (full));
        g_assert_nonnull (read);
        assert_read_as_written (read, full);
        assert_read_as_written (find_in (all, sec_record_get_id (full)), full);
        assert_read_as_written (got, full);
        if (reads[r].search == NULL)
          {
            g_assert_nonnull (find_in (page, sec_record_get_id (bare)));
            assert_read_as_written (find_in (page, sec_record_get_id (bare)), bare);
          }
        if (k == 0)
          {
            g_assert_cmpstr (sec_record_get_derived (read, "organisation-name"), ==, sec_record_get_string (org, "name"));
            g_assert_cmpstr (sec_record_get_derived (read, "organisation-acronym"), ==, sec_record_get_string (org, "acronym"));
            g_assert_null (sec_record_get_derived (read, "organisation-sort-key"));
          }
        else
          {
            g_assert_cmpstr (sec_record_get_derived (read, "bodies"), ==, "Platform");
            g_assert_cmpstr (sec_record_get_derived (read, "people-count"), ==, "1");
          }
        g_assert_cmpstr (sec_record_get_derived (read, "no-such-value"), ==, NULL);

        /* Changed after reading: a field (its text was the row's) and a
         * derived value; the copy has both, and the others as read. */
        {
          const char *field = k == 0 ? "family-name" : "name";
          const char *derived = k == 0 ? "organisation-name" : "bodies";
          const char *kept = k == 0 ? "organisation-acronym" : "people-count";
          g_autofree char *kept_value = g_strdup (sec_record_get_derived (read, kept));

          sec_record_set_string (read, field, "Changed");
          _sec_record_set_derived (read, derived, "Changed too");
          copy = sec_record_copy (read);
          g_assert_cmpstr (sec_record_get_string (copy, field), ==, "Changed");
          g_assert_cmpstr (sec_record_get_derived (copy, derived), ==, "Changed too");
          g_assert_cmpstr (sec_record_get_derived (read, derived), ==, "Changed too");
          g_assert_cmpstr (sec_record_get_derived (copy, kept), ==, kept_value);
          g_assert_true (sec_record_equal (copy, read));
          _sec_record_set_derived (read, kept, NULL);
          g_assert_null (sec_record_get_derived (read, kept));
        }
      }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/record-pages/every-field", Fixture, NULL, fixture_setup, test_page_every_field, fixture_teardown);

  return g_test_run ();
}
