/* sec-progress.c: a worker's progress passed on to the thread that started it
 *
 * Each report is a one-off source in the caller's main context holding a
 * reference to the task (which owns the relay), so that it can tell, when
 * it runs, whether the task's callback has already run (the listener may be
 * gone by then).
 */
#define G_LOG_DOMAIN "sec-progress"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/base/sec-progress.h"

struct _SecProgressRelay
{
  GTask           *task;     /* (unowned): it owns the relay */
  SecProgressFunc  progress;
  gpointer         progress_data;
  GMainContext    *context;
  gint             percent;  /* the last told, from the worker */
};

typedef struct {
  GTask            *task;  /* keeps the relay alive */
  SecProgressRelay *relay;
  double            fraction;
} Report;

static void
relay_free (SecProgressRelay *relay)
{
  g_main_context_unref (relay->context);
  g_free (relay);
}

SecProgressRelay *
sec_progress_relay_new (GTask           *task,
                        SecProgressFunc  progress,
                        gpointer         progress_data)
{
  SecProgressRelay *relay = g_new0 (SecProgressRelay, 1);

  g_return_val_if_fail (G_IS_TASK (task), NULL);

  relay->task = task;
  relay->progress = progress;
  relay->progress_data = progress_data;
  relay->context = g_main_context_ref_thread_default ();
  relay->percent = -1;
  g_object_set_data_full (G_OBJECT (task), "sec-progress-relay", relay, (GDestroyNotify) relay_free);
  return relay;
}

static void
report_free (Report *report)
{
  g_object_unref (report->task);
  g_free (report);
}

/* In the caller's main context: tells the caller, unless the task is over
 * (a cancelled one has its error set before its callback runs). */
static gboolean
deliver (gpointer user_data)
{
  Report *report = user_data;

  if (!g_task_get_completed (report->task) && !g_task_had_error (report->task))
    report->relay->progress (report->fraction, report->relay->progress_data);
  return G_SOURCE_REMOVE;
}

void
sec_progress_relay_report (double   fraction,
                           gpointer user_data)
{
  SecProgressRelay *relay = user_data;
  gint percent = (gint) (CLAMP (fraction, 0.0, 1.0) * 100);
  Report *report;

  if (relay->progress == NULL || percent <= relay->percent)
    return;
  relay->percent = percent;
  report = g_new0 (Report, 1);
  report->task = g_object_ref (relay->task);
  report->relay = relay;
  report->fraction = fraction;
  sec_progress_post (relay->context, deliver, report, (GDestroyNotify) report_free);
}

void
sec_progress_post (GMainContext   *context,
                   GSourceFunc     func,
                   gpointer        data,
                   GDestroyNotify  destroy)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_attach (source, context);
}

typedef struct {
  gpointer          job;
  GDestroyNotify    job_free;
  SecWorkerFunc     func;
  SecProgressRelay *relay;  /* (unowned): the task's */
} Worker;

static void
worker_free (Worker *worker)
{
  if (worker->job_free != NULL)
    worker->job_free (worker->job);
  g_free (worker);
}

static void
worker_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Worker *worker = task_data;
  GError *error = NULL;

  if (worker->func (worker->job, worker->relay, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run (gboolean             in_thread,
     gpointer             source_tag,
     gpointer             job,
     GDestroyNotify       job_free,
     SecWorkerFunc        func,
     SecProgressFunc      progress,
     gpointer             progress_data,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Worker *worker = g_new0 (Worker, 1);

  g_return_if_fail (func != NULL);

  worker->job = job;
  worker->job_free = job_free;
  worker->func = func;
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  worker->relay = sec_progress_relay_new (task, progress, progress_data);
  g_task_set_task_data (task, worker, (GDestroyNotify) worker_free);
  if (in_thread)
    g_task_run_in_thread (task, worker_thread);
  else
    /* GTask calls @callback later, from the main context, all the same. */
    worker_thread (task, NULL, worker, cancellable);
}

void
sec_worker_run (gpointer             source_tag,
                gpointer             job,
                GDestroyNotify       job_free,
                SecWorkerFunc        func,
                SecProgressFunc      progress,
                gpointer             progress_data,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  run (TRUE, source_tag, job, job_free, func, progress, progress_data, cancellable, callback, user_data);
}

void
sec_worker_run_here (gpointer             source_tag,
                     gpointer             job,
                     GDestroyNotify       job_free,
                     SecWorkerFunc        func,
                     SecProgressFunc      progress,
                     gpointer             progress_data,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  run (FALSE, source_tag, job, job_free, func, progress, progress_data, cancellable, callback, user_data);
}

gpointer
sec_worker_finish (GAsyncResult  *result,
                   gpointer       source_tag,
                   GError       **error)
{
  Worker *worker;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  worker = g_task_get_task_data (G_TASK (result));
  return worker->job;
}

typedef struct {
  GTask           *task;
  GTaskThreadFunc  func;
} Background;

static gpointer
background_thread (gpointer data)
{
  Background *job = data;

  /* Linux gives each thread a nice value of its own. Failing (a sandbox
   * that forbids it) only leaves the priority as it was. */
  if (setpriority (PRIO_PROCESS, (id_t) gettid (), SEC_BACKGROUND_NICE) != 0)
    g_debug ("Could not lower a background thread's priority: %s", g_strerror (errno));
  job->func (job->task, g_task_get_source_object (job->task), g_task_get_task_data (job->task),
             g_task_get_cancellable (job->task));
  g_object_unref (job->task);
  g_free (job);
  return NULL;
}

void
sec_task_run_in_background_thread (GTask           *task,
                                   GTaskThreadFunc  func)
{
  Background *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  job = g_new (Background, 1);
  job->task = g_object_ref (task);
  job->func = func;
  g_thread_unref (g_thread_new ("sec-background", background_thread, job));
}
