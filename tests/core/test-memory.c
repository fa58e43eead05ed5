/* test-memory.c: the allocators' settings of sec-memory.c
 *
 * What the window frees must be able to go back to the system: GLib's
 * slices are taken from malloc (so that a trim finds them once freed), and
 * the threads share at most SEC_MEMORY_ARENA_MAX arenas.
 */
#include "config.h"

#include <glib.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/base/sec-memory.h"

/* AddressSanitizer replaces malloc: freed blocks wait in its quarantine,
 * and glibc's arenas are not the ones used. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

/* The anonymous resident memory of this process, in MB. */
static double
rss_anon_mb (void)
{
  g_autofree char *text = NULL;
  const char *p;

  g_assert_true (g_file_get_contents ("/proc/self/status", &text, NULL, NULL));
  p = strstr (text, "RssAnon:");
  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen ("RssAnon:"), NULL) / 1024.0;
}

/* 12 MB of small blocks, as a window's widgets are made of, all freed: a
 * trim gives their pages back. GLib 2.74's slab allocator kept them. */
static void
test_slices_given_back (void)
{
  enum { N = 60000, SIZE = 200 };
  g_autofree gpointer *blocks = g_new (gpointer, N);
  double before, held, kept;

  malloc_trim (0);
  before = rss_anon_mb ();
  for (guint i = 0; i < N; i++)
    {
      blocks[i] = g_slice_alloc (SIZE);
      memset (blocks[i], 1, SIZE);
    }
  held = rss_anon_mb () - before;
  for (guint i = 0; i < N; i++)
    g_slice_free1 (SIZE, blocks[i]);
  malloc_trim (0);
  kept = rss_anon_mb () - before;
  g_test_message ("slices: %.1f MB held, %.1f MB kept after the trim", held, kept);
  g_assert_cmpfloat (held, >, 8);
  g_assert_cmpfloat (kept, <, held / 4);
}

#define N_THREADS 4

static pthread_barrier_t all_allocated;

static gpointer
allocate (gpointer data)
{
  gpointer block = g_malloc (1000);

  /* Every thread alive and allocating at once: each would get an arena
   * of its own without the limit. */
  pthread_barrier_wait (&all_allocated);
  g_free (block);
  return NULL;
}

/* How many arenas malloc has (malloc_info ()'s <heap> elements). */
static guint
count_arenas (void)
{
  char *xml = NULL;
  size_t size = 0;
  FILE *stream = open_memstream (&xml, &size);
  guint n = 0;

  g_assert_nonnull (stream);
  g_assert_cmpint (malloc_info (0, stream), ==, 0);
  fclose (stream);
  for (const char *p = xml; (p = strstr (p, "<heap nr=")) != NULL; p++)
    n++;
  free (xml);
  return n;
}

static void
test_arenas (void)
{
  GThread *threads[N_THREADS];
  guint n;

  pthread_barrier_init (&all_allocated, NULL, N_THREADS);
  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("allocate", allocate, NULL);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
  pthread_barrier_destroy (&all_allocated);
  n = count_arenas ();
  g_test_message ("%u arenas for the main thread and %d others", n, N_THREADS);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, SEC_MEMORY_ARENA_MAX);
}

static void G_GNUC_UNUSED
test_sanitized (void)
{
  g_test_skip ("AddressSanitizer replaces malloc: its quarantine keeps what is freed, and glibc's arenas are not used");
}

int
main (int   argc,
      char *argv[])
{
  /* As the program's main () does. */
  sec_memory_init (argv);
  g_test_init (&argc, &argv, NULL);
#ifdef SANITIZED
  g_test_add_func ("/memory/slices-given-back", test_sanitized);
  g_test_add_func ("/memory/arenas", test_sanitized);
  (void) test_slices_given_back;
  (void) test_arenas;
#else
  g_test_add_func ("/memory/slices-given-back", test_slices_given_back);
  g_test_add_func ("/memory/arenas", test_arenas);
#endif
  return g_test_run ();
}
