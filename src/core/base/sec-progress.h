/* sec-progress.h: how far a long piece of work in a worker thread is, told
 * to the thread that started it
 *
 * The export of a meeting's documents and a backup run in a GTask's worker
 * and tell their progress to the window's main context through a
 * SecProgressRelay: at most once per whole percent (the window redraws no
 * more often than that is worth), and never once the task is over (its
 * callback has run and whoever listened may be gone).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Told how much of a long piece of work is done, from 0 to 1. */
typedef void (*SecProgressFunc) (double   fraction,
                                 gpointer user_data);

typedef struct _SecProgressRelay SecProgressRelay;

/* Made in the thread that starts @task, before it runs: @progress is then
 * called in that thread's default main context. The relay belongs to
 * @task (freed with it); @progress may be NULL. (transfer none) */
SecProgressRelay *sec_progress_relay_new    (GTask            *task,
                                             SecProgressFunc   progress,
                                             gpointer          progress_data);
/* A SecProgressFunc for the worker, with the relay as its user data. */
void              sec_progress_relay_report (double            fraction,
                                             gpointer          relay);

/* Calls @func (@data) in @context's thread, always later: unlike
 * g_main_context_invoke (), never at once in the calling worker (which it
 * does when @context is every thread's default and its own thread is not
 * running it at that moment). */
void              sec_progress_post         (GMainContext     *context,
                                             GSourceFunc       func,
                                             gpointer          data,
                                             GDestroyNotify    destroy);

/* What a worker does with its job: TRUE, or FALSE with @error set; it may
 * tell @relay (sec_progress_relay_report ()) how far it is, and stop when
 * @cancellable is cancelled. */
typedef gboolean (*SecWorkerFunc) (gpointer           job,
                                   SecProgressRelay  *relay,
                                   GCancellable      *cancellable,
                                   GError           **error);

/* The worker of every long piece of work with a progress bar (a backup, a
 * restore, the e-mail drafts made or saved): runs @func (@job) in a
 * thread of GTask's pool, @progress called in the caller's main context
 * (as sec_progress_relay_new () says), then @callback there. @job belongs
 * to the task (@job_free); @source_tag is the caller's async function, for
 * sec_worker_finish (). The worker says how it ended: a cancel that comes
 * once the work is done (a backup already renamed into place) does not
 * turn it into a cancellation. */
void              sec_worker_run            (gpointer             source_tag,
                                             gpointer             job,
                                             GDestroyNotify       job_free,
                                             SecWorkerFunc        func,
                                             SecProgressFunc      progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* The same, @func run at once in this thread (work that must stay in it:
 * a server database's connection); @callback is still called later. */
void              sec_worker_run_here       (gpointer             source_tag,
                                             gpointer             job,
                                             GDestroyNotify       job_free,
                                             SecWorkerFunc        func,
                                             SecProgressFunc      progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* (transfer none): the job of a worker that succeeded (its results in it,
 * for the caller to take), or NULL with @error. */
gpointer          sec_worker_finish         (GAsyncResult        *result,
                                             gpointer             source_tag,
                                             GError             **error);

/* Runs @func as g_task_run_in_thread () does, but in a thread of its own
 * whose scheduling priority is lowered (nice 10) for its whole life: work
 * nobody waits for (the whole-file check after opening, the daily
 * backup), which must not take the processor from the window. Not in
 * GTask's pool: a lowered priority cannot be raised again without
 * privileges, and a pool thread would keep it for the next task. */
void              sec_task_run_in_background_thread (GTask           *task,
                                                     GTaskThreadFunc  func);
/* The nice value it runs at. */
#define SEC_BACKGROUND_NICE 10

G_END_DECLS
