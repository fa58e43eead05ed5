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

static SecEngine *peek_engine (SecStore *self);

/* The page cache of the store's connection (sec_engine_configure ()). */
#define STORE_CACHE_KIB 32768

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

  engine = peek_engine (self);
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

/* The idle release of the store's own connection.
 *
 * The window reads every list's first pages, a record's page and its
 * relations on the store's connection, which kept what it read (16–20 MB
 * with the file of 200,000 people) for as long as the window stayed open.
 * With sec_store_set_idle_release (), the store frees its page cache once
 * its connection has not been used for the delay: every use
 * (_sec_store_get_engine (), which every query of the store goes through)
 * notes the time, and one timer, set at the first use after a release,
 * looks again when the delay is over. A window left alone wakes once. */
typedef struct {
  SecStore     *store;     /* not a reference: this is the store's data */
  guint         delay_ms;
  guint         keep_kib;  /* of the pages used last, kept */
  gint64        last_use;  /* g_get_monotonic_time () */
  GSource      *source;    /* the countdown, or NULL */
  GMainContext *context;   /* the store's thread's */
  gboolean      quiet;     /* the release's own use is not a use */
} IdleRelease;

/* Read by every query, in workers too (their own stores have none). */
static gint idle_release_quark;

static void
idle_release_free (gpointer data)
{
  IdleRelease *idle = data;

  if (idle->source != NULL)
    {
      g_source_destroy (idle->source);
      g_source_unref (idle->source);
    }
  g_main_context_unref (idle->context);
  g_free (idle);
}

static gboolean on_idle_release (gpointer data);

/* The connection, for what is not a use: looking at its cache (a
 * benchmark waiting for the release must not put it off), freeing it. */
static SecEngine *
peek_engine (SecStore *self)
{
  GQuark quark = (GQuark) g_atomic_int_get (&idle_release_quark);
  IdleRelease *idle = quark != 0 ? g_object_get_qdata (G_OBJECT (self), quark) : NULL;
  SecEngine *engine;

  if (idle != NULL)
    idle->quiet = TRUE;
  engine = _sec_store_get_engine (self);
  if (idle != NULL)
    idle->quiet = FALSE;
  return engine;
}

static void
idle_release_arm (IdleRelease *idle,
                  guint        ms)
{
  idle->source = g_timeout_source_new (ms);
  g_source_set_static_name (idle->source, "[sec] release the store's cache");
  g_source_set_callback (idle->source, on_idle_release, idle, NULL);
  g_source_attach (idle->source, idle->context);
}

#ifdef __GLIBC__
static void
trim_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  malloc_trim (0);
  g_task_return_boolean (task, TRUE);
}
#endif

/**
 * sec_store_trim_heap_async:
 *
 * Gives the memory freed in this process back to the system, in a worker:
 * glibc keeps what is freed amid other blocks, where only a trim finds it,
 * and a trim walks every arena (milliseconds, off the caller's thread).
 * Does nothing without glibc.
 */
void
sec_store_trim_heap_async (void)
{
#ifdef __GLIBC__
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_run_in_thread (task, trim_thread);
#endif
}

/* Whether it freed anything. */
static gboolean
cut_cache (SecEngine *engine,
           guint      keep_kib)
{
  g_autofree char *keep = NULL;

  if (keep_kib == 0 || sec_engine_get_kind (engine) != SEC_ENGINE_SQLITE)
    {
      sec_engine_release_memory (engine);
      return TRUE;
    }
  if (sec_engine_get_cache_used (engine) <= (gint64) keep_kib * 1024)
    return FALSE;
  /* SQLite frees the pages used least recently over the smaller size at
   * once; the size then goes back up, and the cache fills again only as
   * the next queries read. */
  keep = g_strdup_printf ("PRAGMA cache_size = -%u", keep_kib);
  sec_engine_exec (engine, keep, NULL);
  sec_engine_exec (engine, "PRAGMA cache_size = -" G_STRINGIFY (STORE_CACHE_KIB), NULL);
  return TRUE;
}

static gboolean
on_idle_release (gpointer data)
{
  IdleRelease *idle = data;
  gint64 idle_ms = (g_get_monotonic_time () - idle->last_use) / 1000;
  SecEngine *engine;

  g_clear_pointer (&idle->source, g_source_unref);
  /* Used since the countdown started: count again from that use. */
  if (idle_ms < idle->delay_ms)
    {
      idle_release_arm (idle, idle->delay_ms - (guint) idle_ms);
      return G_SOURCE_REMOVE;
    }
  if ((engine = peek_engine (idle->store)) == NULL)
    return G_SOURCE_REMOVE;
  cut_cache (engine, idle->keep_kib);
  sec_store_trim_heap_async ();
  return G_SOURCE_REMOVE;
}

/**
 * sec_store_cut_cache:
 * @self: a store
 * @keep_kib: how much of the page cache to keep, the pages used last (0:
 *   none)
 *
 * Frees the pages of @self's page cache but the @keep_kib KiB used last
 * (and trims the heap in a worker if it freed any), as an idle release
 * does, now. The cache then fills again as queries read, up to its usual
 * size. This is not a use of the connection: it does not put off an idle
 * release.
 */
void
sec_store_cut_cache (SecStore *self,
                     guint     keep_kib)
{
  SecEngine *engine;

  g_return_if_fail (SEC_IS_STORE (self));

  if ((engine = peek_engine (self)) != NULL && cut_cache (engine, keep_kib))
    sec_store_trim_heap_async ();
}

/* A read is starting in a worker, on a connection of its own (a search
 * of a long list, sec-store-readers.c): the pages the store's connection
 * read for the list before are of little use meanwhile, and the worker's
 * cache fills on top of them (issue 16: 15 MB and 27 MB right after the
 * window's searches). With an idle release set, the store keeps what it
 * keeps when idle. */
void
_sec_store_cut_cache_for_worker (SecStore *self)
{
  GQuark quark = (GQuark) g_atomic_int_get (&idle_release_quark);
  IdleRelease *idle;

  if (quark != 0 && (idle = g_object_get_qdata (G_OBJECT (self), quark)) != NULL)
    sec_store_cut_cache (self, idle->keep_kib);
}

/**
 * sec_store_set_idle_release:
 * @self: a store
 * @delay_ms: how long its connection stays unused before its page cache
 *   is freed; 0: never (the default)
 * @keep_kib: how much of the cache to keep, the pages used last (0: none)
 *
 * Frees @self's page cache (as sec_store_release_memory () does) but the
 * @keep_kib KiB used last each time its connection has not been used for
 * @delay_ms, in the thread default context of the caller, which must be
 * the store's thread. The next query reads the pages freed from the file
 * again (from the system's cache of it, most often).
 */
void
sec_store_set_idle_release (SecStore *self,
                            guint     delay_ms,
                            guint     keep_kib)
{
  IdleRelease *idle;

  g_return_if_fail (SEC_IS_STORE (self));

  if (g_atomic_int_get (&idle_release_quark) == 0)
    g_atomic_int_set (&idle_release_quark, g_quark_from_static_string ("sec-store-idle-release"));
  if (delay_ms == 0)
    {
      g_object_set_qdata (G_OBJECT (self), (GQuark) idle_release_quark, NULL);
      return;
    }
  idle = g_new0 (IdleRelease, 1);
  idle->store = self;
  idle->delay_ms = delay_ms;
  idle->keep_kib = keep_kib;
  idle->context = g_main_context_ref_thread_default ();
  g_object_set_qdata_full (G_OBJECT (self), (GQuark) idle_release_quark, idle, idle_release_free);
  _sec_store_note_use (self);
}

void
_sec_store_note_use (SecStore *self)
{
  GQuark quark = (GQuark) g_atomic_int_get (&idle_release_quark);
  IdleRelease *idle;

  if (quark == 0 || (idle = g_object_get_qdata (G_OBJECT (self), quark)) == NULL ||
      idle->quiet)
    return;
  idle->last_use = g_get_monotonic_time ();
  if (idle->source == NULL)
    idle_release_arm (idle, idle->delay_ms);
}
