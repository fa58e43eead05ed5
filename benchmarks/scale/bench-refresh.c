/* bench-refresh.c: a change in the store, as the open lists take it in
 *
 * Usage: bench-refresh [--runs N] DATABASE
 *
 * DATABASE is bench-scale's big file or a server database that holds a
 * copy of it (a postgresql:// URI). The window's store is opened with the
 * lists a member of staff has open: People (all of them), People
 * searched for "m", Organisations, each with its first page read as a
 * list view reads it. Then, N times each after a warm-up, a change:
 * - "edited here": a person on the first page of People edited through
 *   the window's store (sec_store_update (), as the editor's Save);
 * - "edited elsewhere" (a server only): the same through a second store
 *   on the same database, as another member of staff; the window's store
 *   hears it through the server's notifications;
 * - "organisation edited elsewhere": an organisation, which the people's
 *   rows show beside them (a server only).
 * For each, the medians of: the longest the main loop went without
 * turning (the write's own call included for "edited here"), and the time
 * until every list has taken the change in. The main loop is turned
 * without waiting, so that an iteration's time is its work.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-notify.h"

#define N_LISTS 3
#define TIMEOUT_MS 10000.0

typedef struct {
  SecRecordList *lists[N_LISTS];
  guint          changed[N_LISTS];
} Window;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, guint *changed)
{
  (*changed)++;
}

/* The rows a list view of a window's height reads. */
static void
read_as_shown (SecRecordList *list)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), 30);

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

static gboolean
all_taken (Window *w)
{
  for (guint i = 0; i < N_LISTS; i++)
    if (w->changed[i] == 0 || sec_record_list_is_loading (w->lists[i]))
      return FALSE;
  return TRUE;
}

/* Turns the main loop until every list has changed and read its rows
 * again; returns the longest iteration, and the time to then in @total. */
static double
take_in (Window *w,
         double  start,
         double  longest,
         double *total)
{
  double end = start + TIMEOUT_MS;

  while (!all_taken (w) && now_ms () < end)
    {
      double t = now_ms ();
      gboolean worked = g_main_context_iteration (NULL, FALSE);

      longest = MAX (longest, now_ms () - t);
      if (!worked)
        g_usleep (100);
    }
  if (!all_taken (w))
    g_printerr ("bench-refresh: a list did not take the change in within %.0f s\n", TIMEOUT_MS / 1000);
  for (guint i = 0; i < N_LISTS; i++)
    read_as_shown (w->lists[i]);
  *total = now_ms () - start;
  return longest;
}

/* Whatever is still under way (the previous run's notifications) ends. */
static void
settle (void)
{
  double end = now_ms () + 300;

  while (now_ms () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
run (const char *label,
     guint       runs,
     Window     *w,
     SecStore   *writer,
     SecStore   *window_store,
     GType       type,
     gint64      id,
     const char *field)
{
  g_autofree double *longest = g_new (double, runs);
  g_autofree double *total = g_new (double, runs);

  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SecRecord) record = sec_store_get (writer, type, id, &error);
      g_autofree char *value = NULL;
      double start, write_ms, l, t;

      if (record == NULL)
        g_error ("%s", error->message);
      value = g_strdup_printf ("Bench %u %" G_GINT64_FORMAT, i, g_get_real_time ());
      sec_record_set_string (record, field, value);
      settle ();
      for (guint j = 0; j < N_LISTS; j++)
        w->changed[j] = 0;
      start = now_ms ();
      if (!sec_store_update (writer, record, &error))
        g_error ("%s", error->message);
      write_ms = now_ms () - start;
      /* Written elsewhere: the window's main loop was free meanwhile. */
      l = take_in (w, writer == window_store ? start : now_ms (), writer == window_store ? write_ms : 0, &t);
      if (i > 0)
        {
          longest[i - 1] = l;
          total[i - 1] = t;
        }
    }
  g_print ("%-46s %10.1f %10.1f\n", label, median (longest, runs), median (total, runs));
}

int
main (int argc, char **argv)
{
  guint runs = 5;
  const char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecStore) other = NULL;
  g_autoptr(SecQuery) m = sec_query_new ();
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(SecRecord) organisation = NULL;
  Window w = { { NULL } };

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);
          runs = MAX (1, n);
        }
      else if (path == NULL && argv[i][0] != '-')
        path = argv[i];
      else
        {
          path = NULL;
          break;
        }
    }
  if (path == NULL)
    {
      g_printerr ("Usage: bench-refresh [--runs N] DATABASE\n");
      return 2;
    }

  if ((store = sec_store_open (path, &error)) == NULL)
    g_error ("%s", error->message);
  /* As the window's store does. */
  sec_store_follow_others (store);
  w.lists[0] = sec_record_list_new (store, SEC_TYPE_PERSON, NULL);
  sec_query_set_search (m, "m");
  w.lists[1] = sec_record_list_new (store, SEC_TYPE_PERSON, m);
  w.lists[2] = sec_record_list_new (store, SEC_TYPE_ORGANISATION, NULL);
  for (guint i = 0; i < N_LISTS; i++)
    {
      g_signal_connect (w.lists[i], "items-changed", G_CALLBACK (on_items_changed), &w.changed[i]);
      read_as_shown (w.lists[i]);
    }
  /* The fifth person of the first page, who stays there; the organisation of the first. */
  person = g_list_model_get_item (G_LIST_MODEL (w.lists[0]), 4);
  organisation = g_list_model_get_item (G_LIST_MODEL (w.lists[2]), 0);

  g_print ("%s: %u runs\n%-46s %10s %10s\n", path, runs, "change (medians)", "longest ms", "taken ms");
  run ("a person edited here", runs, &w, store, store, SEC_TYPE_PERSON,
       sec_record_get_id (person), "position");
  if (sec_store_is_server_uri (path))
    {
      if ((other = sec_store_open (path, &error)) == NULL)
        g_error ("%s", error->message);
      run ("a person edited elsewhere", runs, &w, other, store, SEC_TYPE_PERSON,
           sec_record_get_id (person), "position");
      run ("an organisation edited elsewhere", runs, &w, other, store, SEC_TYPE_ORGANISATION,
           sec_record_get_id (organisation), "city");
    }

  for (guint i = 0; i < N_LISTS; i++)
    g_clear_object (&w.lists[i]);
  return 0;
}
