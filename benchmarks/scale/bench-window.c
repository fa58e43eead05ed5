/* bench-window.c: the real window, timed and weighed
 *
 * Usage: bench-window [--tsv] [--runs N] DATABASE...
 *
 * For each DATABASE, starts the application (SecApp, as `secretariat
 * --database DATABASE` does) in a new process N times after a warm-up run,
 * and prints the medians of:
 * - start to the first frame: from just before the process is spawned to
 *   the window's first GdkFrameClock "after-paint";
 * - a keystroke in the People list's search until its list model has
 *   changed ("items-changed"): counted from the keystroke (with the search
 *   entry's debounce) and from the entry's "search-changed" (without it),
 *   and from the keystroke to the next frame painted after the change;
 *   the longest the main loop did not turn meanwhile, and the most
 *   processor time of the main thread in one such stall, up to the list
 *   changed, up to the next frame (which lays out the new rows) and up
 *   to the third frame after it (what the window leaves for later frames);
 * - the resident memory (VmRSS, /proc/self/status) after opening each
 *   section of the sidebar, after the searches, and once the lists'
 *   workers have freed their page caches (2 s after their last query,
 *   waited for up to 15 s more under load) and the store its own but
 *   the 4 MB read last (5 s after its last read); also after the window
 *   was left alone with every section opened (12 s), with the time a
 *   section takes to show again before and after that (to its frame, to
 *   the frame with its selected record in the detail pane, and the most
 *   processor time of the main thread in one stall up to then); then its anonymous, file-backed and shared
 *   parts, the heap in use and the free blocks malloc keeps, SQLite's memory, and the page caches of the store's
 *   connection and of its lists' workers (sec_store_get_cache_used (),
 *   sec_store_get_readers_cache_used ()).
 *   BENCH_WINDOW_DETAIL=1 prints more on standard error at each stage: the
 *   resident memory of each mapping (libraries, heap, arenas) and malloc's
 *   figures (BENCH_WINDOW_MALLOC_INFO=1: malloc_info ()'s XML too).
 *   BENCH_WINDOW_MARKS=1 prints each keystroke's time and its list's
 *   change, and each timed section's start and frame, on standard error (g_get_monotonic_time (), in s), to pick a
 *   profiler's samples (`perf record -k CLOCK_MONOTONIC`).
 *   BENCH_WINDOW_EXIT=1 ends the process at once after its last figure,
 *   the window and the store still open: run alone under a heap profiler
 *   (`heaptrack bench-window --child DATABASE 0`), what it reports as not
 *   freed is what the window held then.
 * A last column is the floor: an empty window of an AdwApplication,
 * started and measured the same way, which no change of ours can go below.
 *
 * It needs a display (run it under `xvfb-run -a dbus-run-session --`); the
 * renderer is GTK's choice unless GSK_RENDERER says (cairo, gl, ngl).
 * The keystroke is the text inserted into the search entry's text, as the
 * list's type-to-search does, not a key event from the X server.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/sec-memory.h"
#include "core/store/sec-record-list.h"
#include "core/store/sec-store-readers.h"
#include "ui/records/sec-record-page.h"
#include "ui/shell/sec-application.h"
#include "ui/shell/sec-window.h"

static const char *const sections[] = {
  "meetings", "past-meetings", "organisations", "people", "bodies", "calls", "statements",
  "overview", "funding-calls", "projects",
};

/* The keystrokes timed: the first letter of a search (a one-letter search
 * finds every word starting so) and a last one ("mülle" + "r"). */
static const struct { const char *before, *key, *label; } keystrokes[] = {
  { "", "m", "first letter (\"m\")" },
  { "mülle", "r", "last letter (\"müller\")" },
};

/* ---- In the child process ---------------------------------------------- */

static struct {
  gint64       t0;           /* the parent's clock just before the spawn */
  GtkWidget   *window;
  gboolean     painted;      /* the first frame is done */
  gint64       t_paint;      /* the last after-paint */
  gint64       t_search;     /* the last search-changed */
  gint64       t_items;      /* the last items-changed of the list */
  gint64       t_tick;       /* the last tick of the main loop's clock */
  gint64       max_gap;      /* the longest time between two ticks */
  gint64       max_gap_work; /* the same, of the gaps without a frame drawn */
  gint64       t_tick_cpu;   /* the main thread's processor time at the last tick */
  gint64       max_gap_cpu;  /* the most of it spent between two ticks */
} child;

/* The processor time of the calling thread, in µs: what it did, whatever
 * the load (on 2 cores shared by many, a thread waits most of the time). */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Iterates until *@stamp is after @since, or @timeout_ms passed. */
static gboolean
wait_for (const gint64 *stamp,
          gint64        since,
          guint         timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (*stamp <= since && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return *stamp > since;
}

/* A field of /proc/self/status in MB (its value is in kB). */
static double
status_mb (const char *field)
{
  g_autofree char *text = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL) ||
      (p = strstr (text, field)) == NULL)
    return -1;
  return g_ascii_strtod (p + strlen (field) + 1, NULL) / 1024.0;
}

/* The most VmHWM reached before reset_peak (). */
static double peak_before_reset;

/* Starts VmHWM again from VmRSS (Linux 4.0 and later), to weigh one
 * stage; the peak of the whole run is kept. */
static void
reset_peak (void)
{
  FILE *clear;

  peak_before_reset = MAX (peak_before_reset, status_mb ("VmHWM:"));
  sqlite3_memory_highwater (1);
  if ((clear = fopen ("/proc/self/clear_refs", "w")) != NULL)
    {
      fputs ("5", clear);
      fclose (clear);
    }
}

/* BENCH_WINDOW_DETAIL=1: the most since the last note, on standard
 * error, and the peak started again (without reading the mappings, which
 * takes memory of its own). */
static void
note_peak (const char *stage)
{
  if (g_strcmp0 (g_getenv ("BENCH_WINDOW_DETAIL"), "1") != 0)
    return;
  g_printerr ("the most up to %s: %.1f MB\n", stage, status_mb ("VmHWM:"));
  reset_peak ();
}

static void
emit (const char *key,
      double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_print ("%s\t%s\n", key, g_ascii_dtostr (buf, sizeof buf, value));
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  child.t_paint = g_get_monotonic_time ();
  if (!child.painted)
    {
      child.painted = TRUE;
      emit ("start to the first frame (ms)", (child.t_paint - child.t0) / 1000.0);
    }
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
}

static void
emit_memory (const char *what)
{
  g_autofree char *key = g_strdup_printf ("memory: %s (MB)", what);

  emit (key, status_mb ("VmRSS:"));
}

/* What the memory is: the kinds of pages (/proc/self/status), and in
 * the heap, SQLite's and the allocator's own (free blocks it keeps). With
 * a @store: its page caches, the connection's and its lists' workers'. */
static void
emit_memory_parts (SecStore *store)
{
  struct mallinfo2 mi = mallinfo2 ();

  emit ("memory: anonymous part (MB)", status_mb ("RssAnon:"));
  emit ("memory: file-backed part (MB)", status_mb ("RssFile:"));
  emit ("memory: shared part (MB)", status_mb ("RssShmem:"));
  emit ("memory: peak (MB)", MAX (peak_before_reset, status_mb ("VmHWM:")));
  emit ("memory: heap in use (MB)", mi.uordblks / 1048576.0);
  emit ("memory: heap free, kept by malloc (MB)", mi.fordblks / 1048576.0);
  emit ("memory: SQLite in all (MB)", sqlite3_memory_used () / 1048576.0);
  if (store == NULL)
    return;
  emit ("memory: page cache of the store's connection (MB)", sec_store_get_cache_used (store) / 1048576.0);
  emit ("memory: page caches of the lists' workers (MB)",
        sec_store_get_readers_cache_used (store) / 1048576.0);
}

/* BENCH_WINDOW_DETAIL=1: where the memory is, on standard error. */
static void
print_memory_detail (const char *when)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;
  gsize size = 0;
  struct mallinfo2 mi = mallinfo2 ();
  sqlite3_int64 cur, hi;
  GHashTableIter iter;
  gpointer key, value;

  if (g_strcmp0 (g_getenv ("BENCH_WINDOW_DETAIL"), "1") != 0)
    return;
  g_printerr ("==== memory detail: %s\n", when);
  g_printerr ("sqlite3_memory_used %.1f MB, highwater %.1f MB\n",
              sqlite3_memory_used () / 1048576.0, sqlite3_memory_highwater (0) / 1048576.0);
  sqlite3_status64 (SQLITE_STATUS_PAGECACHE_OVERFLOW, &cur, &hi, 0);
  g_printerr ("sqlite page cache overflow (malloc) %.1f MB\n", cur / 1048576.0);
  if (child.window != NULL && SEC_IS_WINDOW (child.window) && sec_window_get_store (SEC_WINDOW (child.window)) != NULL)
    {
      SecStore *store = sec_window_get_store (SEC_WINDOW (child.window));

      g_printerr ("page cache: store's connection %.1f MB, idle workers' %.1f MB\n",
                  sec_store_get_cache_used (store) / 1048576.0,
                  sec_store_get_readers_cache_used (store) / 1048576.0);
    }
  g_printerr ("malloc: arena %.1f MB, mmapped %.1f MB, in use %.1f MB, free %.1f MB, top releasable %.1f MB\n",
              mi.arena / 1048576.0, mi.hblkhd / 1048576.0, mi.uordblks / 1048576.0, mi.fordblks / 1048576.0,
              mi.keepcost / 1048576.0);
  if (!g_file_get_contents ("/proc/self/smaps", &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = lines[i];

      if (g_ascii_isxdigit (l[0]) && strchr (l, '-') != NULL && strchr (l, '-') < strchr (l, ' '))
        {
          g_auto(GStrv) f = g_strsplit_set (l, " ", -1);
          guint n = 0;
          const char *path = "";
          unsigned long a, b;

          for (guint j = 0; f[j] != NULL; j++)
            if (f[j][0] != '\0' && ++n == 6)
              path = f[j];
          sscanf (l, "%lx-%lx", &a, &b);
          g_free (name);
          if (path[0] == '\0')
            name = g_strdup_printf ("anon (%s)", (b - a) >= 60 * 1048576 ? "64M-reserve" :
                                    (b - a) >= 1048576 ? ">=1M" : "<1M");
          else
            name = g_strdup (path);
          size = b - a;
        }
      else if (g_str_has_prefix (l, "Rss:") && name != NULL)
        {
          double *sum = g_hash_table_lookup (groups, name);
          double kb = g_ascii_strtod (l + 4, NULL);

          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (groups, g_strdup (name), sum);
            }
          *sum += kb;
          if (kb > 2048 && g_str_has_prefix (name, "anon"))
            g_printerr ("  anon mapping %.1f MB rss of %.1f MB\n", kb / 1024, size / 1048576.0);
        }
    }
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(double *) value >= 512)
      g_printerr ("  %8.1f MB  %s\n", *(double *) value / 1024, (const char *) key);
  if (g_getenv ("BENCH_WINDOW_MALLOC_INFO") != NULL)
    malloc_info (0, stderr);
}

/* An emission hook: it runs before the list pane's handler, which runs
 * the query (search-changed is a run-last signal). */
static gboolean
on_search_changed (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               user_data)
{
  child.t_search = g_get_monotonic_time ();
  return TRUE;
}

static void
on_items_changed (void)
{
  child.t_items = g_get_monotonic_time ();
}

/* Ticks every 2 ms while the main loop runs: the longest gap between two
 * is the longest the window did not respond (a query on the main thread,
 * a frame drawn). */
static gboolean
on_tick (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  child.max_gap = MAX (child.max_gap, now - child.t_tick);
  child.max_gap_cpu = MAX (child.max_gap_cpu, cpu - child.t_tick_cpu);
  child.t_tick_cpu = cpu;
  /* A frame drawn in the gap: the renderer's time, not a query's. */
  if (child.t_paint < child.t_tick)
    child.max_gap_work = MAX (child.max_gap_work, now - child.t_tick);
  child.t_tick = now;
  return G_SOURCE_CONTINUE;
}

/* Starts the ticks from @t, the longest gaps cleared; returns the source. */
static guint
start_ticks (gint64 t)
{
  child.t_tick = t;
  child.max_gap = 0;
  child.max_gap_work = 0;
  child.max_gap_cpu = 0;
  child.t_tick_cpu = thread_cpu_us ();
  return g_timeout_add_full (G_PRIORITY_HIGH, 2, on_tick, NULL, NULL);
}

/* Whether @pane's list has taken in its search for @text. */
static gboolean
list_shows (SecListPane *pane,
            const char  *text)
{
  SecRecordList *list = sec_list_pane_get_list (pane);
  const char *search = sec_query_get_search (sec_record_list_get_query (list));

  return !sec_record_list_is_loading (list) && g_strcmp0 (search ? search : "", text) == 0;
}

static void
time_keystrokes (SecWindow *window)
{
  SecListPane *pane = sec_window_get_list_pane (window, "people");
  GtkWidget *focus, *entry;

  sec_list_pane_focus_search (pane);
  wait_ms (100);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) : NULL;
  if (entry == NULL)
    {
      g_printerr ("bench-window: the People search has no focus\n");
      return;
    }
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              on_search_changed, NULL, NULL);
  g_signal_connect (sec_list_pane_get_list (pane), "items-changed", G_CALLBACK (on_items_changed), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      g_autofree char *with = NULL, *without = NULL, *shown = NULL, *busy = NULL;
      int position;
      gint64 t_key;
      guint tick;

      reset_peak ();
      gtk_editable_set_text (GTK_EDITABLE (entry), keystrokes[i].before);
      /* The text before the keystroke must be the list's (under load its
       * worker took more than the 600 ms waited here before, and the
       * keystroke then replaced "m" rather than "mülle"). */
      wait_ms (600);
      for (guint w = 0; w < 100 && !list_shows (pane, keystrokes[i].before); w++)
        wait_ms (100);
      /* And its rows drawn: that frame lays out the new rows, and came
       * after the keystroke at times. */
      wait_for (&child.t_paint, child.t_items, 2000);
      wait_ms (200);
      if (keystrokes[i].before[0] != '\0')
        {
          g_free (busy);
          busy = g_strdup_printf ("memory: \"%s\" read and shown, the most meanwhile (MB)", keystrokes[i].before);
          emit (busy, status_mb ("VmHWM:"));
          print_memory_detail (keystrokes[i].before);
        }
      position = -1;
      gtk_editable_set_position (GTK_EDITABLE (entry), -1);
      position = gtk_editable_get_position (GTK_EDITABLE (entry));
      reset_peak ();
      t_key = g_get_monotonic_time ();
      tick = start_ticks (t_key);
      gtk_editable_insert_text (GTK_EDITABLE (entry), keystrokes[i].key, -1, &position);
      if (!wait_for (&child.t_items, t_key, 10000))
        {
          g_source_remove (tick);
          g_printerr ("bench-window: the list did not change after “%s”\n", keystrokes[i].key);
          continue;
        }
      on_tick (NULL);
      /* For a profiler's samples (perf record -k CLOCK_MONOTONIC). */
      if (g_getenv ("BENCH_WINDOW_MARKS") != NULL)
        g_printerr ("MARK keystroke %s %.6f %.6f\n", keystrokes[i].key, t_key / 1e6, child.t_items / 1e6);
      busy = g_strdup_printf ("keystroke, %s: longest the window did not respond, to the list changed (ms)",
                              keystrokes[i].label);
      emit (busy, child.max_gap / 1000.0);
      g_free (busy);
      busy = g_strdup_printf ("keystroke, %s: the same, without a frame drawn (ms)", keystrokes[i].label);
      emit (busy, child.max_gap_work / 1000.0);
      g_free (busy);
      busy = g_strdup_printf ("keystroke, %s: the most processor time of one such stall (ms)", keystrokes[i].label);
      emit (busy, child.max_gap_cpu / 1000.0);
      with = g_strdup_printf ("keystroke, %s: to the list changed, with the debounce (ms)", keystrokes[i].label);
      without = g_strdup_printf ("keystroke, %s: to the list changed, without it (ms)", keystrokes[i].label);
      shown = g_strdup_printf ("keystroke, %s: to the next frame (ms)", keystrokes[i].label);
      emit (with, (child.t_items - t_key) / 1000.0);
      emit (without, (child.t_items - child.t_search) / 1000.0);
      if (wait_for (&child.t_paint, child.t_items, 2000))
        {
          emit (shown, (child.t_paint - t_key) / 1000.0);
          /* The frame after the change lays the new rows out: its own
           * stall, on the main thread too. */
          on_tick (NULL);
          g_free (busy);
          busy = g_strdup_printf ("keystroke, %s: the most processor time of one stall, to the next frame (ms)",
                                  keystrokes[i].label);
          emit (busy, child.max_gap_cpu / 1000.0);
          /* Work the window leaves for the frames after (the detail pane
           * shows the new selection a frame later) is counted too: the
           * most of one stall over the next three frames. */
          for (guint f = 0; f < 3; f++)
            wait_for (&child.t_paint, child.t_paint, 2000);
          on_tick (NULL);
          g_free (busy);
          busy = g_strdup_printf ("keystroke, %s: the most processor time of one stall, to the third frame after (ms)",
                                  keystrokes[i].label);
          emit (busy, child.max_gap_cpu / 1000.0);
        }
      g_source_remove (tick);
      /* The memory while the search is shown, and the most since the
       * keystroke (the peak reset first): the worker's page cache is
       * kept for the next keystroke. */
      g_free (busy);
      busy = g_strdup_printf ("memory: %s shown (MB)", keystrokes[i].label);
      emit (busy, status_mb ("VmRSS:"));
      g_free (busy);
      busy = g_strdup_printf ("memory: %s, the most from the keystroke to shown (MB)", keystrokes[i].label);
      emit (busy, status_mb ("VmHWM:"));
      print_memory_detail (keystrokes[i].key);
    }
  reset_peak ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_ms (300);
  emit ("memory: the search cleared, the most meanwhile (MB)", status_mb ("VmHWM:"));
  print_memory_detail ("the search cleared");
}

/* How long the window is left alone: past the store's idle release (5 s)
 * and the hidden panes' (10 s, sec-window-sections.c). */
#define IDLE_WAIT_MS 12000

/* The window's record page (the detail pane). */
static SecRecordPage *
find_record_page (GtkWidget *widget)
{
  if (SEC_IS_RECORD_PAGE (widget))
    return SEC_RECORD_PAGE (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      SecRecordPage *page = find_record_page (c);
      if (page != NULL)
        return page;
    }
  return NULL;
}

/* Shows section @id and times it: to the frame drawn after it, to the
 * frame that shows its selected record in the detail pane (which may come
 * later, sec_record_page_show_record_soon ()), and the most processor
 * time of the main thread in one stall meanwhile. Returns FALSE if a
 * frame did not come. */
static gboolean
time_section (const char *id,
              double     *to_frame,
              double     *to_record,
              double     *stall_cpu)
{
  SecRecordPage *page = find_record_page (child.window);
  gint64 t = g_get_monotonic_time (), t_first;
  guint tick;

  tick = start_ticks (t);
  gtk_widget_activate_action (child.window, "win.section", "s", id);
  on_tick (NULL);
  if (!wait_for (&child.t_paint, t, 5000))
    {
      g_source_remove (tick);
      return FALSE;
    }
  t_first = child.t_paint;
  for (guint i = 0; i < 500 && page != NULL && sec_record_page_is_pending (page); i++)
    wait_ms (2);
  /* The frame that lays the record's rows out. */
  if (!wait_for (&child.t_paint, g_get_monotonic_time (), 5000))
    {
      g_source_remove (tick);
      return FALSE;
    }
  on_tick (NULL);
  g_source_remove (tick);
  if (g_getenv ("BENCH_WINDOW_MARKS") != NULL)
    g_printerr ("MARK section %s %.6f %.6f %.6f\n", id, t / 1e6, t_first / 1e6, child.t_paint / 1e6);
  *to_frame = (t_first - t) / 1000.0;
  *to_record = (child.t_paint - t) / 1000.0;
  *stall_cpu = child.max_gap_cpu / 1000.0;
  return TRUE;
}

/* Times section @id shown again, printing the figures as @label's. */
static void
emit_section (const char *id,
              const char *label)
{
  double to_frame = -1, to_record = -1, stall_cpu = -1;
  g_autofree char *frame = g_strdup_printf ("%s, to its frame (ms)", label);
  g_autofree char *record = g_strdup_printf ("%s, to its selected record drawn (ms)", label);
  g_autofree char *stall = g_strdup_printf ("%s: the most processor time of one stall, to the record drawn (ms)", label);

  time_section (id, &to_frame, &to_record, &stall_cpu);
  emit (frame, to_frame);
  emit (record, to_record);
  emit (stall, stall_cpu);
}

/* Runs once the first frame is up: every section, then the keystrokes. */
static gboolean
run_window (gpointer user_data)
{
  GApplication *app = user_data;
  SecWindow *window = SEC_WINDOW (child.window);

  if (!child.painted)
    return G_SOURCE_CONTINUE;
  wait_ms (500);
  emit_memory ("first section shown");
  print_memory_detail ("first section shown");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      note_peak ("before");
      gtk_widget_activate_action (child.window, "win.section", "s", sections[i]);
      wait_ms (400);
      emit_memory (sections[i]);
      note_peak (sections[i]);
      print_memory_detail (sections[i]);
    }
  print_memory_detail ("every section");
  /* Left alone, the window lets its store's page cache (after 5 s) and
   * the hidden sections' panes (after 10 s) go; a section shown again is
   * then made again, its rows read on a cold cache. */
  emit_section ("organisations", "a section shown again");
  emit_section ("projects", "another section shown again");
  note_peak ("two sections shown again");
  wait_ms (IDLE_WAIT_MS);
  note_peak ("left alone");
  emit_memory ("every section, then the window left alone");
  print_memory_detail ("every section, then the window left alone");
  emit_section ("organisations", "a section shown again after that");
  note_peak ("a section made again");
  gtk_widget_activate_action (child.window, "win.section", "s", "people");
  wait_ms (300);
  emit ("memory: the most until the searches (MB)", status_mb ("VmHWM:"));
  time_keystrokes (window);
  emit_memory ("after the searches");
  print_memory_detail ("after the searches");
  /* The lists' workers free their caches 2 s after their last query:
   * the list is read (the search cleared), then the caches are freed. */
  for (guint i = 0; i < 300 && sec_record_list_is_loading (SEC_RECORD_LIST (
         sec_list_pane_get_list (sec_window_get_list_pane (window, "people")))); i++)
    wait_ms (100);
  print_memory_detail ("the search cleared, its list read");
  wait_ms (2000);
  for (guint i = 0; i < 150 && sec_store_get_readers_cache_used (sec_window_get_store (window)) > 1048576; i++)
    wait_ms (100);
  /* And the store's own, but for the 4 MB read last (5 s after its last
   * read). */
  for (guint i = 0; i < 100 && sec_store_get_cache_used (sec_window_get_store (window)) > 4.5 * 1048576; i++)
    wait_ms (100);
  emit ("memory: the most from the search cleared to the caches freed (MB)", status_mb ("VmHWM:"));
  emit_memory ("the workers' caches freed");
  emit_memory_parts (sec_window_get_store (window));
  print_memory_detail ("the workers' caches freed");
  g_print ("renderer\t%s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  /* BENCH_WINDOW_EXIT=1: what was live then is what a heap profiler
   * reports as not freed (heaptrack's "leaked"). */
  if (g_strcmp0 (g_getenv ("BENCH_WINDOW_EXIT"), "1") == 0)
    exit (0);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (!SEC_IS_WINDOW (window) || child.window != NULL)
    return;
  child.window = GTK_WIDGET (window);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  g_timeout_add (50, run_window, app);
}

static int
run_child_app (const char *database)
{
  g_autoptr(GApplication) app = sec_application_new (database);
  char *argv[] = { (char *) "bench-window", NULL };

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* BENCH_WINDOW_FOREGROUND=1: every query on the main thread, as before
   * sec_record_list_set_query_in_background (), to compare. */
  if (g_strcmp0 (g_getenv ("BENCH_WINDOW_FOREGROUND"), "1") == 0)
    sec_record_list_set_background_min_rows (G_MAXUINT);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (app, 1, argv);
}

/* The floor: an empty window of an AdwApplication, started as ours is (a
 * unique application on the session bus, libadwaita's style). */
static gboolean
run_floor (gpointer user_data)
{
  if (!child.painted)
    return G_SOURCE_CONTINUE;
  wait_ms (500);
  emit_memory ("first section shown");
  emit_memory_parts (NULL);
  print_memory_detail ("empty window");
  g_print ("renderer\t%s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (child.window))));
  g_application_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_floor_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  child.window = window;
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (50, run_floor, app);
}

static int
run_child_floor (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.secretariat.BenchWindowFloor",
                                                       G_APPLICATION_DEFAULT_FLAGS);
  char *argv[] = { (char *) "bench-window", NULL };

  g_signal_connect (app, "activate", G_CALLBACK (on_floor_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* ---- In the parent ----------------------------------------------------- */

typedef struct {
  char      *key;
  GPtrArray *values;  /* one GArray of doubles per column */
} Row;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values == NULL || values->len == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static Row *
find_row (GPtrArray  *rows,
          const char *key,
          guint       n_columns)
{
  Row *row;

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((Row *) g_ptr_array_index (rows, i))->key, key))
      return g_ptr_array_index (rows, i);
  row = g_new0 (Row, 1);
  row->key = g_strdup (key);
  row->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (row->values, g_array_new (FALSE, FALSE, sizeof (double)));
  g_ptr_array_add (rows, row);
  return row;
}

/* One process; its figures go into column @column of @rows. */
static gboolean
run_once (const char  *database,
          guint        column,
          guint        n_columns,
          GPtrArray   *rows,
          GHashTable  *renderers,
          gboolean     keep)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *out = NULL, *t0 = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { self, "--child", database ? database : "", NULL, NULL };

  t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  argv[3] = t0;
  /* The child's messages (SECRETARIAT_SLOW_SQL's among them) go straight
   * to our stderr. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDERR, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-window: %s\n", error->message);
      return FALSE;
    }
  if (!keep)
    return TRUE;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');
      double value;

      if (tab == NULL)
        continue;
      *tab = '\0';
      if (g_str_equal (lines[i], "renderer"))
        {
          g_hash_table_add (renderers, g_strdup (tab + 1));
          continue;
        }
      value = g_ascii_strtod (tab + 1, NULL);
      g_array_append_val ((GArray *) g_ptr_array_index (find_row (rows, lines[i], n_columns)->values, column), value);
    }
  return TRUE;
}

static void
row_free (Row *row)
{
  g_free (row->key);
  g_ptr_array_unref (row->values);
  g_free (row);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GHashTable) renderers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) databases = g_ptr_array_new ();
  g_autofree char *scratch = NULL;
  gboolean tsv = FALSE;
  guint runs = 5;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      /* As the program's main () does (which may start the child again:
       * counted in its start). */
      sec_memory_init (argv);
      child.t0 = g_ascii_strtoll (argv[3], NULL, 10);
      return argv[2][0] != '\0' ? run_child_app (argv[2]) : run_child_floor ();
    }

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--tsv"))
        tsv = TRUE;
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = (guint) MAX (1, atoi (argv[i + 1])), i++;
      else if (argv[i][0] == '-')
        {
          g_printerr ("Usage: bench-window [--tsv] [--runs N] DATABASE...\n");
          return 2;
        }
      else
        g_ptr_array_add (databases, argv[i]);
    }
  if (databases->len == 0)
    {
      g_printerr ("Usage: bench-window [--tsv] [--runs N] DATABASE...\n");
      return 2;
    }
  g_ptr_array_add (databases, NULL);  /* the floor */

  /* The build tree's schema, settings kept in memory, and the recent files
   * and state of a scratch folder: the user's own are left alone. (The
   * cache stays the user's: Mesa keeps its compiled shaders there.) */
  scratch = g_dir_make_tmp ("bench-window-XXXXXX", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", SEC_BUILD_DATA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("XDG_CONFIG_HOME", scratch, TRUE);
  g_setenv ("XDG_DATA_HOME", scratch, TRUE);
  g_setenv ("XDG_STATE_HOME", scratch, TRUE);

  for (guint c = 0; c < databases->len; c++)
    for (guint r = 0; r <= runs; r++)
      /* Run 0 warms the disk cache (and takes a due daily backup). */
      if (!run_once (g_ptr_array_index (databases, c), c, databases->len, rows, renderers, r > 0))
        return 1;

  if (!tsv)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      GHashTableIter iter;
      gpointer name;

      g_print ("Medians of %u runs; renderer:", runs);
      g_hash_table_iter_init (&iter, renderers);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        g_print (" %s", (const char *) name);
      g_print ("\n\n| what |");
      for (guint c = 0; c < databases->len; c++)
        {
          const char *db = g_ptr_array_index (databases, c);
          g_autofree char *base = db ? g_path_get_basename (db) : g_strdup ("empty window");

          g_print (" %s |", base);
        }
      g_print ("\n|---|");
      for (guint c = 0; c < databases->len; c++)
        g_print ("---:|");
      g_print ("\n");
    }
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      g_print (tsv ? "%s" : "| %s |", row->key);
      for (guint c = 0; c < databases->len; c++)
        {
          double m = median (g_ptr_array_index (row->values, c));

          if (tsv)
            g_print ("\t%.1f", m);
          else if (m < 0)
            g_print (" — |");
          else
            g_print (" %.*f |", m < 10 ? 1 : 0, m);
        }
      g_print ("\n");
    }
  g_rmdir (scratch);
  return 0;
}
