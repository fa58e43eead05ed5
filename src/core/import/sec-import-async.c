/* sec-import-async.c: checking and writing an import in a worker thread
 *
 * Ten thousand rows take about half a second to check and a second or two
 * to write: in the window's thread that would freeze it. Both run here in
 * a GTask's thread, on a connection of their own to the database file (a
 * SecStore's connection stays with the thread that opened it), and pass
 * their progress back to the caller's main context. The caller must leave
 * the SecImport alone until the task finishes.
 */
#define G_LOG_DOMAIN "sec-import"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-progress.h"
#include "core/import/sec-import-private.h"
#include "core/store/sec-records.h"

typedef enum {
  JOB_CHECK,
  JOB_APPLY,
} JobKind;

typedef struct {
  SecImport         *import;  /* borrowed: the caller keeps it alive and unused */
  JobKind            job;
  gboolean           skip_invalid;
  SecImportProgress  progress;
  gpointer           progress_data;
  GMainContext      *context;
  SecImportSummary   summary;
  SecImportUndo     *undo;
  GTask             *task;  /* borrowed: the task that owns this */
} Job;

typedef struct {
  GTask *task;  /* keeps the job alive until the report ran */
  guint  done;
  guint  total;
} ProgressReport;

static void
progress_report_free (gpointer p)
{
  ProgressReport *report = p;

  g_object_unref (report->task);
  g_free (report);
}

static void
job_free (gpointer p)
{
  Job *job = p;

  g_clear_pointer (&job->undo, sec_import_undo_free);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
report_progress (gpointer p)
{
  ProgressReport *report = p;
  Job *job = g_task_get_task_data (report->task);

  /* A stopped task's late figures would overwrite those of the next one. */
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (report->task)))
    job->progress (report->done, report->total, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* Runs in the worker: passes the figures to the caller's context. */
static void
progress_in_thread (guint done, guint total, gpointer user_data)
{
  Job *job = user_data;
  ProgressReport *report;

  if (job->progress == NULL)
    return;
  report = g_new (ProgressReport, 1);
  *report = (ProgressReport) { g_object_ref (job->task), done, total };
  sec_progress_post (job->context, report_progress, report, progress_report_free);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  SecImport *self = job->import;
  g_autoptr(SecStore) own = NULL;
  SecStore *main_store;
  GError *error = NULL;
  gboolean ok;

  /* A check only reads: a read-only connection leaves the writer free. */
  own = job->job == JOB_CHECK ? sec_store_open_for_reading (sec_store_get_path (self->store), &error)
                              : sec_store_open (sec_store_get_path (self->store), &error);
  if (own == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  main_store = self->store;
  self->store = own;
  if (job->job == JOB_CHECK)
    ok = _sec_import_check_full (self, cancellable, progress_in_thread, job, &error);
  else
    ok = sec_import_apply (self, job->skip_invalid, &job->summary, &job->undo, cancellable,
                           progress_in_thread, job, &error);
  self->store = main_store;
  sec_store_close (own);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
run_job (SecImport          *self,
         JobKind             kind,
         gboolean            skip_invalid,
         GCancellable       *cancellable,
         SecImportProgress   progress,
         gpointer            progress_data,
         GAsyncReadyCallback callback,
         gpointer            user_data,
         gpointer            source_tag)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  job = g_new0 (Job, 1);
  job->import = self;
  job->job = kind;
  job->skip_invalid = skip_invalid;
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  job->task = task;
  g_task_run_in_thread (task, job_thread);
}

void
sec_import_check_async (SecImport          *self,
                        GCancellable       *cancellable,
                        SecImportProgress   progress,
                        gpointer            progress_data,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  g_return_if_fail (self != NULL);

  run_job (self, JOB_CHECK, FALSE, cancellable, progress, progress_data, callback, user_data,
           sec_import_check_async);
}

gboolean
sec_import_check_finish (SecImport     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
sec_import_apply_async (SecImport          *self,
                        gboolean            skip_invalid,
                        GCancellable       *cancellable,
                        SecImportProgress   progress,
                        gpointer            progress_data,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  g_return_if_fail (self != NULL);

  run_job (self, JOB_APPLY, skip_invalid, cancellable, progress, progress_data, callback, user_data,
           sec_import_apply_async);
}

gboolean
sec_import_apply_finish (SecImport         *self,
                         GAsyncResult      *result,
                         SecImportSummary  *summary,
                         SecImportUndo    **undo,
                         GError           **error)
{
  Job *job;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (summary != NULL)
    *summary = job->summary;
  if (undo != NULL)
    *undo = g_steal_pointer (&job->undo);
  /* The rows went in through another connection: the lists of this one
   * learn of them here, in its own thread. */
  g_signal_emit_by_name (self->store, "changed", SEC_TYPE_ORGANISATION, (gint64) 0, SEC_STORE_CHANGE_INSERTED);
  g_signal_emit_by_name (self->store, "changed", SEC_TYPE_MEMBERSHIP, (gint64) 0, SEC_STORE_CHANGE_INSERTED);
  if (self->kind == SEC_TYPE_PERSON)
    g_signal_emit_by_name (self->store, "changed", SEC_TYPE_PERSON, (gint64) 0, SEC_STORE_CHANGE_INSERTED);
  return TRUE;
}
