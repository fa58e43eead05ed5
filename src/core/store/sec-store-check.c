/* sec-store-check.c: the whole-file integrity check, at open or after it
 *
 * See sec-store-check.h. A damaged page of a large file is found seconds
 * after opening rather than before: the window then says so with the same
 * dialog as a refusal at open (restore a backup), and the daily backup,
 * which checks its copy in full, is not kept.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/base/sec-progress.h"
#include "core/store/sec-store-check.h"
#include "core/store/sec-store-private.h"

static gint64 open_check_max = SEC_STORE_OPEN_CHECK_MAX_BYTES;

void
sec_store_set_open_check_max (gint64 max_bytes)
{
  open_check_max = max_bytes;
}

/* Whether the file at @path, of schema @version, is checked in full now. */
gboolean
_sec_store_check_now (const char *path,
                      int         version)
{
  GStatBuf st;

  /* An upgrade writes: the file it writes into must be sound. */
  if (version < SEC_STORE_SCHEMA_VERSION)
    return TRUE;
  return g_stat (path, &st) != 0 || st.st_size <= open_check_max;
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecEngine) engine = sec_engine_open (path, SEC_ENGINE_OPEN_READ_ONLY, &error);

  if (engine == NULL || !sec_engine_check_integrity (engine, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
sec_store_check_integrity_async (SecStore            *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SEC_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sec_store_check_integrity_async);
  g_task_set_task_data (task, g_strdup (sec_store_get_path (self)), g_free);
  sec_task_run_in_background_thread (task, check_thread);
}

gboolean
sec_store_check_integrity_finish (SecStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
