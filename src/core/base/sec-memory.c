/* sec-memory.c: how the process's allocators give freed memory back
 *
 * The window lets go of what it does not show (the hidden sections' panes,
 * the store's page cache, the workers' caches) and trims the heap
 * (sec_store_trim_heap_async ()), but a trim only gives back whole free
 * pages. Two settings of the allocators decide how many there are;
 * measured with bench-window on the file of 200,000 people (README, "The
 * window at scale"):
 * - GLib before 2.76 hands GObjects and other small blocks out of its own
 *   slab allocator (g_slice), which keeps freed blocks in per-thread
 *   magazines and gives a slab page back only once all its blocks are free
 *   and their magazines have aged: malloc and its trim never see them.
 *   With G_SLICE=always-malloc (what GLib 2.76 and later always do) the
 *   window left alone with every section opened held 134 MB instead of
 *   158. GLib reads G_SLICE before main () runs (a library's constructor
 *   takes the first slice), and the C library sets up the environment
 *   after the earliest code a program can run (.preinit_array): so the
 *   program starts itself again with the variable set, unless the user
 *   set it. That costs one more start of the process (the libraries
 *   loaded again): 66–134 ms under load 15.
 * - glibc gives each thread that allocates an arena of its own (up to 8 per
 *   core), where its freed blocks stay for its next allocations: the
 *   lists' workers, GTask's pool, GTK's threads. Two arenas (the main
 *   thread's, and one the other threads share) held 1–5 MB less after the
 *   searches and 5 MB less with every section open, with no slower
 *   keystroke.
 */
#define G_LOG_DOMAIN "sec-memory"

#include "config.h"

#include <stdlib.h>  /* defines __GLIBC__ with glibc */
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/base/sec-memory.h"

/**
 * sec_memory_init:
 * @argv: the program's arguments, as main () has them
 *
 * Sets the allocators as this file's comment says, before any thread
 * starts. With GLib before 2.76 and G_SLICE not set, starts the program
 * again with G_SLICE=always-malloc (and returns only if that failed).
 */
void
sec_memory_init (char **argv)
{
#if !GLIB_CHECK_VERSION (2, 76, 0) && defined (__linux__)
  /* The file's own path, not /proc/self/exe: the process is named after
   * it (in ps, top, the system monitor). */
  g_autofree char *self = g_getenv ("G_SLICE") == NULL ? g_file_read_link ("/proc/self/exe", NULL) : NULL;

  if (self != NULL)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv (self, argv);
      /* Not started again (the program's file replaced meanwhile): go on
       * with GLib's slab allocator. */
      g_unsetenv ("G_SLICE");
    }
#endif
#ifdef __GLIBC__
  /* The main thread's arena and one for every other thread. */
  mallopt (M_ARENA_MAX, SEC_MEMORY_ARENA_MAX);
#endif
}
