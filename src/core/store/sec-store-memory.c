/* sec-store-memory.c: the memory a store's connection keeps
 *
 * Part of SecStore. SQLite keeps the pages of the file it has read in a
 * cache of each connection (up to 32 MB for the store's own, see
 * sec_engine_configure ()), and does not give them back until the
 * connection closes. The window's lists read a keystroke's search on
 * connections of their own (sec-record-list.c), kept between keystrokes:
 * each held up to 32 MB more, 27 MB after a one-letter search of the file
 * of 200,000 people, for as long as the window stayed open. These
 * functions say how much a connection holds and let it go once its work
 * is done.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <stdlib.h>  /* defines __GLIBC__ with glibc */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

/**
 * sec_store_get_cache_used:
 * @self: a store
 *
 * Returns: the bytes of memory the page cache of @self's connection holds
 *   (pages of the file, and those of its TEMP tables); 0 for a server
 *   database, whose pages are the server's, or a closed store.
 */
gint64
sec_store_get_cache_used (SecStore *self)
{
  SecEngine *engine;

  g_return_val_if_fail (SEC_IS_STORE (self), 0);

  engine = _sec_store_get_engine (self);
  return engine != NULL ? sec_engine_get_cache_used (engine) : 0;
}

/**
 * sec_store_release_memory:
 * @self: a store
 *
 * Frees the pages @self's connection keeps that no statement is reading
 * (a TEMP table's stay: they have no other copy), and gives the memory
 * freed back to the system. The next query reads its pages from the file
 * again, most likely from the system's cache of it.
 */
void
sec_store_release_memory (SecStore *self)
{
  SecEngine *engine;

  g_return_if_fail (SEC_IS_STORE (self));

  if ((engine = _sec_store_get_engine (self)) == NULL)
    return;
  sec_engine_release_memory (engine);
#ifdef __GLIBC__
  /* glibc keeps what is freed in the arena that had it, a thread's most
   * often, for that thread's next allocations: the pages of a cache are
   * freed one by one amid other blocks, below the top of the arena, where
   * only a trim finds them (it gives whole free pages back, in every
   * arena). */
  malloc_trim (0);
#endif
}
