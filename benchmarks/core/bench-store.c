/* bench-store.c: how the store and its lists behave with 200,000 people
 *
 * Prints figures; it asserts nothing. Usage: bench-store [N_PEOPLE]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

static const char *given[] = { "Anna", "Kirill", "Seán", "Zofia", "Jürgen", "Eleni", "Marie", "Tomáš", "Ilse", "Dóra" };
static const char *family[] = { "Müller", "Ó Súilleabháin", "Kowalska", "Παπαδοπούλου", "Петров", "Novák",
                                "Dubois", "Horváth", "Borg", "Jensen", "Łukasiewicz", "Žilinský" };

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  int n_people = argc > 1 ? atoi (argv[1]) : 200000;
  g_autofree char *dir = g_dir_make_tmp ("sec-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GArray) orgs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SecRecordList) list = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();
  gint64 t, last_id = 0;

  setlocale (LC_ALL, "");
  store = sec_store_open (path, &error);
  g_assert_no_error (error);

  t = g_get_monotonic_time ();
  g_assert_true (sec_store_begin (store, &error));
  for (int i = 0; i < 2000; i++)
    {
      g_autoptr(SecRecord) o = sec_record_new (SEC_TYPE_ORGANISATION);
      g_autofree char *name = g_strdup_printf ("Organisation %s %d", family[i % G_N_ELEMENTS (family)], i);
      gint64 id;
      sec_record_set_string (o, "name", name);
      g_assert_true (sec_store_insert (store, o, &error));
      id = sec_record_get_id (o);
      g_array_append_val (orgs, id);
    }
  for (int i = 0; i < n_people; i++)
    {
      g_autoptr(SecRecord) p = sec_record_new (SEC_TYPE_PERSON);
      g_autofree char *fam = g_strdup_printf ("%s %d", family[i % G_N_ELEMENTS (family)], i);
      g_autofree char *email = g_strdup_printf ("person%d@example.org", i);
      sec_record_set_string (p, "given-name", given[i % G_N_ELEMENTS (given)]);
      sec_record_set_string (p, "family-name", fam);
      sec_record_set_string (p, "email", email);
      sec_record_set_ref (p, "organisation", g_array_index (orgs, gint64, i % orgs->len));
      g_assert_true (sec_store_insert (store, p, &error));
      last_id = sec_record_get_id (p);
    }
  g_assert_true (sec_store_commit (store, &error));
  g_print ("insert 2,000 organisations + %d people (one transaction): %.0f ms\n", n_people, elapsed_ms (t));

  g_clear_object (&store);
  t = g_get_monotonic_time ();
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  g_print ("open (checks the whole file): %.1f ms\n", elapsed_ms (t));

  t = g_get_monotonic_time ();
  list = sec_record_list_new (store, SEC_TYPE_PERSON, NULL);
  g_print ("people list: count %u: %.2f ms\n", g_list_model_get_n_items (G_LIST_MODEL (list)), elapsed_ms (t));
  t = g_get_monotonic_time ();
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_print ("people list: first page (200 rows, name order): %.2f ms\n", elapsed_ms (t));
  t = g_get_monotonic_time ();
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), g_list_model_get_n_items (G_LIST_MODEL (list)) - 1));
  g_print ("people list: last page: %.2f ms\n", elapsed_ms (t));
  {
    gint64 position;
    t = g_get_monotonic_time ();
    position = sec_record_list_find (list, last_id);
    g_print ("people list: position of a record not loaded yet (%" G_GINT64_FORMAT "): %.2f ms\n",
             position, elapsed_ms (t));
  }

  sec_query_set_search (q, "muller");
  t = g_get_monotonic_time ();
  sec_record_list_set_query (list, q);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_print ("people list: search “muller” (%u found) + first page: %.2f ms\n",
           g_list_model_get_n_items (G_LIST_MODEL (list)), elapsed_ms (t));

  sec_query_set_search (q, "zilinsky 19999");
  t = g_get_monotonic_time ();
  sec_record_list_set_query (list, q);
  g_print ("people list: search “zilinsky 19999” (%u found): %.2f ms\n",
           g_list_model_get_n_items (G_LIST_MODEL (list)), elapsed_ms (t));

  sec_query_set_search (q, NULL);
  sec_query_set_sort (q, "email", TRUE);
  t = g_get_monotonic_time ();
  sec_record_list_set_query (list, q);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_print ("people list: sorted by email (no index) + first page: %.2f ms\n", elapsed_ms (t));

  {
    g_autoptr(SecRecord) p = sec_store_get (store, SEC_TYPE_PERSON, last_id, &error);
    sec_record_set_string (p, "phone", "+32 2 000 00 00");
    t = g_get_monotonic_time ();
    g_assert_true (sec_store_update (store, p, &error));
    g_print ("update one person, the open list follows: %.2f ms\n", elapsed_ms (t));
  }

  g_clear_object (&list);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
