/* sec-store-readers.c: read-only connections kept for a store's workers
 *
 * sec_record_list_set_query_in_background () reads a query in a worker
 * thread, on a read-only connection of its own to the store's file. The
 * connections are kept for the next query: a new one starts by reading
 * the schema and with an empty page cache (0.5–1 s for "müller" under
 * load, against 0.1 s). Object data of the store, shared by its lists.
 *
 * Their page caches, though, held up to 32 MB each for as long as the
 * window stayed open: 27 MB after a one-letter search of the file of
 * 200,000 people, a fifth of the window's memory. An idle connection now
 * frees its cache when no query came for RELEASE_DELAY_MS: the keystrokes
 * of a word still find the pages the one before read (a cold cache made
 * the background keystroke "m" 50–70 ms slower, read again from the
 * system's cache of the file), and a window left alone holds none.
 */
#define G_LOG_DOMAIN "sec-record-list"

#include "config.h"

#include "core/store/sec-store-private.h"
#include "core/store/sec-store-readers.h"

#define RELEASE_DELAY_MS 2000

static guint release_delay_ms = RELEASE_DELAY_MS;

struct _SecStoreReaders {
  GAsyncQueue *idle;    /* of SecStore */
  gint         n;       /* made so far (atomic) */
  GSource     *release; /* the countdown to freeing the caches, in the lists' thread */
};

static void
readers_clear (gpointer data)
{
  SecStoreReaders *readers = data;
  SecStore *reader;

  while ((reader = g_async_queue_try_pop (readers->idle)) != NULL)
    g_object_unref (reader);
  g_async_queue_unref (readers->idle);
}

void
_sec_store_readers_unref (SecStoreReaders *readers)
{
  g_atomic_rc_box_release_full (readers, readers_clear);
}

static SecStoreReaders *
lookup (SecStore *store)
{
  return g_object_get_data (G_OBJECT (store), "sec-record-list-readers");
}

SecStoreReaders *
_sec_store_readers_get (SecStore *store)
{
  SecStoreReaders *readers = lookup (store);

  if (readers == NULL)
    {
      readers = g_atomic_rc_box_new0 (SecStoreReaders);
      readers->idle = g_async_queue_new ();
      g_object_set_data_full (G_OBJECT (store), "sec-record-list-readers", readers,
                              (GDestroyNotify) _sec_store_readers_unref);
    }
  return g_atomic_rc_box_acquire (readers);
}

/* A connection for a worker: an idle one, or the one a worker whose query
 * was replaced will give back in a moment (it stops at its next step), or
 * a new one. */
SecStore *
_sec_store_readers_take (SecStoreReaders  *readers,
                         const char       *path,
                         GError          **error)
{
  SecStore *reader = g_async_queue_try_pop (readers->idle);

  if (reader == NULL && g_atomic_int_get (&readers->n) > 0)
    reader = g_async_queue_timeout_pop (readers->idle, 2 * G_USEC_PER_SEC);
  if (reader != NULL)
    return reader;
  if ((reader = sec_store_open_for_reading (path, error)) == NULL)
    return NULL;
  g_atomic_int_inc (&readers->n);
  /* The store's own page cache (sec_engine_configure ()), which a
   * read-only connection does not get. */
  sec_engine_exec (_sec_store_get_engine (reader), "PRAGMA cache_size = -32768", NULL);
  return reader;
}

void
_sec_store_readers_give_back (SecStoreReaders *readers,
                              SecStore        *reader)
{
  if (release_delay_ms == 0)
    sec_store_release_memory (reader);
  g_async_queue_push (readers->idle, reader);
}

/* Frees the caches of the idle connections (those at work keep theirs:
 * they are given back with a countdown of their own). */
static void
release_idle (SecStoreReaders *readers)
{
  gint n = g_async_queue_length (readers->idle);

  for (gint i = 0; i < n; i++)
    {
      SecStore *reader = g_async_queue_try_pop (readers->idle);

      if (reader == NULL)
        break;
      sec_store_release_memory (reader);
      g_async_queue_push (readers->idle, reader);
    }
}

static void
release_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  release_idle (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Off the lists' thread: freeing thousands of pages and trimming the
 * allocator take milliseconds. */
static gboolean
on_release (gpointer data)
{
  SecStoreReaders *readers = data;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_clear_pointer (&readers->release, g_source_unref);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (readers), (GDestroyNotify) _sec_store_readers_unref);
  g_task_run_in_thread (task, release_thread);
  return G_SOURCE_REMOVE;
}

void
_sec_store_readers_done (SecStoreReaders *readers)
{
  if (readers->release != NULL)
    {
      g_source_destroy (readers->release);
      g_clear_pointer (&readers->release, g_source_unref);
    }
  if (release_delay_ms == 0)
    return;
  readers->release = g_timeout_source_new (release_delay_ms);
  g_source_set_static_name (readers->release, "[sec] release the list workers' caches");
  g_source_set_callback (readers->release, on_release, g_atomic_rc_box_acquire (readers),
                         (GDestroyNotify) _sec_store_readers_unref);
  g_source_attach (readers->release, g_main_context_get_thread_default ());
}

void
sec_record_list_set_background_release_delay (guint ms)
{
  release_delay_ms = ms;
}

void
sec_record_list_release_background_memory (SecStore *store)
{
  SecStoreReaders *readers;

  g_return_if_fail (SEC_IS_STORE (store));

  if ((readers = lookup (store)) != NULL)
    release_idle (readers);
}

gint64
sec_record_list_get_background_cache_used (SecStore *store)
{
  SecStoreReaders *readers;
  gint64 used = 0;
  gint n;

  g_return_val_if_fail (SEC_IS_STORE (store), 0);

  if ((readers = lookup (store)) == NULL)
    return 0;
  g_async_queue_lock (readers->idle);
  n = g_async_queue_length_unlocked (readers->idle);
  for (gint i = 0; i < n; i++)
    {
      SecStore *reader = g_async_queue_try_pop_unlocked (readers->idle);

      used += sec_store_get_cache_used (reader);
      g_async_queue_push_unlocked (readers->idle, reader);
    }
  g_async_queue_unlock (readers->idle);
  return used;
}
