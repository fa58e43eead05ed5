/* sec-store-readers.c: read-only connections to a store's file, for
 * workers */
#define G_LOG_DOMAIN "sec-store-readers"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-engine.h"
#include "core/store/sec-store-error.h"
#include "core/store/sec-store-private.h"
#include "core/store/sec-store-readers.h"

#define RELEASE_DELAY_MS 2000

static guint release_delay_ms = RELEASE_DELAY_MS;

/* A worker's page cache. A list's keystroke among 200,000 people reads
 * each page once (sec-record-list.c: its two pages in one query) and
 * gives them back when done, so a larger cache only holds more while it
 * reads: "mülle" (3,975 people, looked up and sorted) read 16 MB of rows
 * into a cache of 32 MB, the window's highest memory (issue 16). A
 * one-letter search reads 4 MB, the search cleared 8. Other reads keep
 * what they read until 2 s after the last one. */
#define READER_CACHE_KIB 8192

static guint reader_cache_kib = READER_CACHE_KIB;

/* Object data of the store, shared (atomically counted) by its workers,
 * which may outlive it. */
struct _SecReaders
{
  GAsyncQueue  *idle;     /* of SecStore */
  char         *path;
  gint          n;        /* made so far (atomic) */
  GMainContext *context;  /* the store's thread's, where the countdown runs */
  GMutex        lock;     /* of @release */
  GSource      *release;  /* the countdown to freeing the caches */
  gint          closed;   /* the store was closed: no more reads (atomic) */
};

static void
readers_clear (gpointer data)
{
  SecReaders *readers = data;
  SecStore *reader;

  if (readers->release != NULL)
    {
      g_source_destroy (readers->release);
      g_source_unref (readers->release);
    }
  g_mutex_clear (&readers->lock);
  g_main_context_unref (readers->context);
  while ((reader = g_async_queue_try_pop (readers->idle)) != NULL)
    g_object_unref (reader);
  g_async_queue_unref (readers->idle);
  g_free (readers->path);
}

SecReaders *
sec_readers_ref (SecReaders *readers)
{
  return g_atomic_rc_box_acquire (readers);
}

void
sec_readers_unref (SecReaders *readers)
{
  g_atomic_rc_box_release_full (readers, readers_clear);
}

SecReaders *
sec_store_get_readers (SecStore *store)
{
  SecReaders *readers;
  const char *path;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  readers = g_object_get_data (G_OBJECT (store), "sec-store-readers");
  if (readers != NULL)
    {
      /* A read in a worker is about to start. */
      _sec_store_cut_cache_for_worker (store);
      return sec_readers_ref (readers);
    }
  /* A server's too: a reader is another session, opened (and logged in)
   * in the worker with the store's own address, password included. */
  path = sec_store_get_path (store);
  if (path == NULL || _sec_store_get_engine (store) == NULL)
    return NULL;
  readers = g_atomic_rc_box_new0 (SecReaders);
  readers->idle = g_async_queue_new ();
  readers->path = g_strdup (path);
  readers->context = g_main_context_ref_thread_default ();
  g_mutex_init (&readers->lock);
  g_object_set_data_full (G_OBJECT (store), "sec-store-readers", readers, (GDestroyNotify) sec_readers_unref);
  _sec_store_cut_cache_for_worker (store);
  return sec_readers_ref (readers);
}

/* A connection back in the pool, or closed with the store's. */
static void
put_back (SecReaders *readers,
          SecStore   *reader)
{
  if (g_atomic_int_get (&readers->closed))
    g_object_unref (reader);
  else
    g_async_queue_push (readers->idle, reader);
}

static gboolean
refuse_if_closed (SecReaders  *readers,
                  GError     **error)
{
  if (!g_atomic_int_get (&readers->closed))
    return FALSE;
  g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED, _("The database is closed"));
  return TRUE;
}

SecStore *
sec_readers_take (SecReaders  *readers,
                  GError     **error)
{
  SecStore *reader;

  if (refuse_if_closed (readers, error))
    return NULL;
  reader = g_async_queue_try_pop (readers->idle);

  if (reader == NULL && g_atomic_int_get (&readers->n) > 0)
    reader = g_async_queue_timeout_pop (readers->idle, 2 * G_USEC_PER_SEC);
  if (reader != NULL)
    return reader;
  if (refuse_if_closed (readers, error))
    return NULL;
  if ((reader = sec_store_open_for_reading (readers->path, error)) == NULL)
    return NULL;
  g_atomic_int_inc (&readers->n);
  /* A page cache larger than SQLite's default 2 MB (see
   * READER_CACHE_KIB), which a read-only connection does not get from
   * sec_engine_configure (). */
  if (sec_engine_get_kind (_sec_store_get_engine (reader)) == SEC_ENGINE_SQLITE)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%u",
                                              (guint) g_atomic_int_get ((gint *) &reader_cache_kib));

      sec_engine_exec (_sec_store_get_engine (reader), sql, NULL);
    }
  return reader;
}

void
sec_readers_give_back (SecReaders *readers,
                       SecStore   *reader)
{
  if (g_atomic_int_get ((gint *) &release_delay_ms) == 0)
    sec_store_release_memory (reader);
  put_back (readers, reader);
}

void
sec_readers_discard (SecReaders *readers,
                     SecStore   *reader)
{
  g_object_unref (reader);
  g_atomic_int_add (&readers->n, -1);
}

/* Frees the caches of the idle connections (those at work keep theirs:
 * they are given back with a countdown of their own). */
static void
release_idle (SecReaders *readers)
{
  gint n = g_async_queue_length (readers->idle);

  for (gint i = 0; i < n; i++)
    {
      SecStore *reader = g_async_queue_try_pop (readers->idle);

      if (reader == NULL)
        break;
      sec_store_release_memory (reader);
      put_back (readers, reader);
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

/* Off the store's thread: freeing thousands of pages and trimming the
 * allocator take milliseconds. */
static gboolean
on_release (gpointer data)
{
  SecReaders *readers = data;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_mutex_lock (&readers->lock);
  g_clear_pointer (&readers->release, g_source_unref);
  g_mutex_unlock (&readers->lock);
  g_task_set_task_data (task, sec_readers_ref (readers), (GDestroyNotify) sec_readers_unref);
  g_task_run_in_thread (task, release_thread);
  return G_SOURCE_REMOVE;
}

/* Counts down to freeing the idle connections' caches, from now. */
void
sec_readers_done (SecReaders *readers)
{
  guint delay = (guint) g_atomic_int_get ((gint *) &release_delay_ms);

  if (readers == NULL)
    return;
  g_mutex_lock (&readers->lock);
  if (readers->release != NULL)
    {
      g_source_destroy (readers->release);
      g_clear_pointer (&readers->release, g_source_unref);
    }
  /* A delay of 0 frees each connection as it is given back. */
  if (delay > 0)
    {
      readers->release = g_timeout_source_new (delay);
      g_source_set_static_name (readers->release, "[sec] release the workers' caches");
      g_source_set_callback (readers->release, on_release, sec_readers_ref (readers),
                             (GDestroyNotify) sec_readers_unref);
      g_source_attach (readers->release, readers->context);
    }
  g_mutex_unlock (&readers->lock);
}

/* With the store's own connection (sec_store_close (), a restore): a
 * connection kept open on the file would go on reading the old one once a
 * restore has replaced it, and keep its write-ahead log. Those at work are
 * closed when given back; the pool refuses new reads. */
void
_sec_store_close_readers (SecStore *store)
{
  SecReaders *readers = g_object_steal_data (G_OBJECT (store), "sec-store-readers");
  SecStore *reader;

  if (readers == NULL)
    return;
  g_atomic_int_set (&readers->closed, TRUE);
  while ((reader = g_async_queue_try_pop (readers->idle)) != NULL)
    g_object_unref (reader);
  sec_readers_unref (readers);
}

void
sec_store_set_readers_release_delay (guint ms)
{
  g_atomic_int_set ((gint *) &release_delay_ms, (gint) ms);
}

void
sec_store_set_readers_cache_kib (guint kib)
{
  g_return_if_fail (kib > 0);

  g_atomic_int_set ((gint *) &reader_cache_kib, (gint) kib);
}

void
sec_store_release_readers_memory (SecStore *store)
{
  SecReaders *readers;

  g_return_if_fail (SEC_IS_STORE (store));

  if ((readers = g_object_get_data (G_OBJECT (store), "sec-store-readers")) != NULL)
    release_idle (readers);
}

gint64
sec_store_get_readers_cache_used (SecStore *store)
{
  SecReaders *readers;
  gint64 used = 0;
  gint n;

  g_return_val_if_fail (SEC_IS_STORE (store), 0);

  if ((readers = g_object_get_data (G_OBJECT (store), "sec-store-readers")) == NULL)
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

typedef struct {
  SecReaders     *readers;  /* NULL: read with @here, in the store's thread */
  SecStore       *here;
  SecReadFunc     func;
  gpointer        job;
  GDestroyNotify  job_free;
} ReadJob;

static void
read_job_free (ReadJob *read)
{
  g_clear_pointer (&read->readers, sec_readers_unref);
  g_clear_object (&read->here);
  if (read->job_free != NULL)
    read->job_free (read->job);
  g_free (read);
}

static gboolean
read_worker (gpointer           data,
             SecProgressRelay  *relay,
             GCancellable      *cancellable,
             GError           **error)
{
  ReadJob *read = data;
  SecStore *reader;
  gboolean ok;

  if (read->here != NULL)
    return read->func (read->here, read->job, relay, cancellable, error);
  if ((reader = sec_readers_take (read->readers, error)) == NULL)
    return FALSE;
  ok = read->func (reader, read->job, relay, cancellable, error);
  if (ok)
    sec_readers_give_back (read->readers, reader);
  else
    sec_readers_discard (read->readers, reader);
  sec_readers_done (read->readers);
  return ok;
}

void
sec_store_read_async (SecStore            *store,
                      gpointer             source_tag,
                      gpointer             job,
                      GDestroyNotify       job_free,
                      SecReadFunc          func,
                      SecProgressFunc      progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  ReadJob *read;

  g_return_if_fail (SEC_IS_STORE (store));
  g_return_if_fail (func != NULL);

  read = g_new0 (ReadJob, 1);
  read->readers = sec_store_get_readers (store);
  read->func = func;
  read->job = job;
  read->job_free = job_free;
  if (read->readers != NULL)
    sec_worker_run (source_tag, read, (GDestroyNotify) read_job_free, read_worker, progress, progress_data,
                    cancellable, callback, user_data);
  else
    {
      read->here = g_object_ref (store);
      sec_worker_run_here (source_tag, read, (GDestroyNotify) read_job_free, read_worker, progress,
                           progress_data, cancellable, callback, user_data);
    }
}

gpointer
sec_store_read_finish (GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  ReadJob *read = sec_worker_finish (result, source_tag, error);

  return read != NULL ? read->job : NULL;
}
