/* test-progress.c: the workers of sec-progress.c
 *
 * Work nobody waits for (the whole-file check, the daily backup) runs in a
 * thread of lowered priority, so that on a busy machine the window's
 * thread gets the processor first; the window's own thread and GTask's
 * pool keep theirs. A worker says how it ended.
 */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/base/sec-progress.h"

typedef struct {
  int      nice;      /* the worker thread's */
  gboolean in_thread; /* not the main one */
  gboolean done;
} Seen;

static GThread *main_thread;

static void
read_priority (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Seen *seen = task_data;

  errno = 0;
  seen->nice = getpriority (PRIO_PROCESS, (id_t) gettid ());
  g_assert_cmpint (errno, ==, 0);
  seen->in_thread = g_thread_self () != main_thread;
  g_task_return_boolean (task, TRUE);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Seen *seen = user_data;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (g_task_propagate_boolean (G_TASK (result), NULL));
  seen->done = TRUE;
}

static void
run (gboolean background,
     Seen    *seen)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, done_cb, seen);

  g_task_set_task_data (task, seen, NULL);
  if (background)
    sec_task_run_in_background_thread (task, read_priority);
  else
    g_task_run_in_thread (task, read_priority);
  g_clear_object (&task);
  while (!seen->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_background_thread (void)
{
  int own = getpriority (PRIO_PROCESS, (id_t) gettid ());
  Seen background = { 0 }, pool = { 0 };

  run (TRUE, &background);
  g_assert_true (background.in_thread);
  /* A process already nicer than that stays as it is. */
  g_assert_cmpint (background.nice, ==, MAX (own, SEC_BACKGROUND_NICE));
  /* Nothing else is lowered: this thread, and GTask's pool after it. */
  g_assert_cmpint (getpriority (PRIO_PROCESS, (id_t) gettid ()), ==, own);
  for (int i = 0; i < 4; i++)
    {
      pool = (Seen) { 0 };
      run (FALSE, &pool);
      g_assert_true (pool.in_thread);
      g_assert_cmpint (pool.nice, ==, own);
    }
}

static gboolean
finish_then_cancel (gpointer       job,
                    SecProgressRelay *relay,
                    GCancellable  *cancellable,
                    GError       **error)
{
  /* The work is done (a file renamed into place) when the cancel comes. */
  *(int *) job = 42;
  g_cancellable_cancel (cancellable);
  return TRUE;
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A cancel once the work is done is not a cancellation: the worker says
 * how it ended. */
static void
test_worker_late_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  int *job = g_new0 (int, 1);
  int *got;

  sec_worker_run (test_worker_late_cancel, job, g_free, finish_then_cancel, NULL, NULL, cancellable,
                  keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  got = sec_worker_finish (result, test_worker_late_cancel, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_cmpint (*got, ==, 42);
  g_object_unref (result);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/progress/background-thread", test_background_thread);
  g_test_add_func ("/progress/worker-late-cancel", test_worker_late_cancel);
  return g_test_run ();
}
