/* sec-store-open.c: opening a database in a worker thread
 *
 * Most openings take milliseconds; some take minutes on a large file: an
 * upgrade (a copy of the file first, then the migrations) or a change of
 * language (every sort key made again, sec-store-migrate.c). The window
 * opens in a worker, shows how far it is and can stop it: each step is a
 * transaction, so a stopped opening leaves the file as it was, or at a
 * version this program opens again.
 */
#include "config.h"

#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

typedef struct {
  char     *path;
  SecStore *store;
} OpenJob;

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_free (job->path);
  g_clear_object (&job->store);
  g_free (job);
}

static gboolean
open_worker (gpointer           data,
             SecProgressRelay  *relay,
             GCancellable      *cancellable,
             GError           **error)
{
  OpenJob *job = data;
  SecOpening opening = { sec_progress_relay_report, relay, cancellable, 0.0, 1.0 };

  job->store = _sec_store_open_full (job->path, FALSE, &opening, error);
  return job->store != NULL;
}

/**
 * sec_store_open_async:
 * @path: as for sec_store_open ()
 * @progress: (nullable): told how far the opening is, in this thread
 * @cancellable: (nullable): stops the opening; the file is left as it was
 *   (an upgrade stopped between two of its steps stays at the first,
 *   which opens again)
 *
 * Opens as sec_store_open () does, a file in a worker thread (a server's
 * database in this thread, where its connection stays). The store is then
 * used from the calling thread.
 */
void
sec_store_open_async (const char          *path,
                      SecProgressFunc      progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  OpenJob *job;

  g_return_if_fail (path != NULL);

  job = g_new0 (OpenJob, 1);
  job->path = g_strdup (path);
  (sec_store_is_server_uri (path) ? sec_worker_run_here : sec_worker_run)
    (sec_store_open_async, job, open_job_free, open_worker, progress, progress_data,
     cancellable, callback, user_data);
}

/**
 * sec_store_open_finish:
 *
 * Returns: (transfer full): the store, or NULL with @error set
 *   (G_IO_ERROR_CANCELLED when it was stopped)
 */
SecStore *
sec_store_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  OpenJob *job = sec_worker_finish (result, sec_store_open_async, error);

  return job != NULL ? g_steal_pointer (&job->store) : NULL;
}
