/* sec-application-background.c: the work after a database opens
 *
 * The whole-file check that opening a large file leaves for later, and
 * the first opening of a day's backup copy, run in workers once the main
 * window has drawn its first frame and a delay after it. Part of SecApp
 * (see sec-application-private.h).
 */
#define G_LOG_DOMAIN "sec-application"

#include "config.h"

#include "core/store/sec-backups.h"
#include "core/store/sec-shared-database.h"
#include "core/store/sec-store-check.h"
#include "ui/shell/sec-application.h"
#include "ui/shell/sec-application-private.h"

/* The first opening of a day of a database with records makes a copy of
 * it (sec-backups.h). A failure is no reason to keep the database closed:
 * it is logged, and Back Up Now reports it if it persists. */
static void
daily_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SecApp) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sec_backups_make_daily_finish (result, &error);

  if (error != NULL)
    g_message ("No daily backup: %s", error->message);
}

/* Off the main thread: the copy reads the whole file. */
static void
make_daily_backup (SecApp *self)
{
  /* A shared database is backed up where it runs, by its server's
   * administrators (README, "A shared database"). */
  if (self->store == NULL || self->restoring ||
      sec_shared_database_is_uri (sec_store_get_path (self->store)))
    return;
  sec_backups_make_daily_async (sec_store_get_path (self->store), NULL,
                                daily_backup_done_cb, g_object_ref (self));
}

static void
integrity_checked_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SecApp) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A damaged page found after opening: said as a refusal at open would
   * have said it, with Restore a Backup…; unless another file is open now. */
  if (!sec_store_check_integrity_finish (SEC_STORE (source), result, &error) &&
      SEC_STORE (source) == self->store)
    sec_app_show_open_error (self, sec_store_get_path (self->store), error);
}

/* A large file's whole-file check, which opening left to run beside it. */
static void
check_integrity_in_background (SecApp *self)
{
  if (self->store != NULL && sec_store_get_check_deferred (self->store))
    sec_store_check_integrity_async (self->store, NULL, integrity_checked_cb, g_object_ref (self));
}

/* ---- Work after the first frame ----------------------------------------
 *
 * The whole-file check of a large file and the daily backup each read the
 * whole file. Started with the store's opening, they took the processor
 * and the disk while the window made its first frame: on the file of
 * 200,000 people, start to the first frame took 2.5 s, and 1.5–1.8 s
 * without the check (bench-window, load 10). They now start once the main
 * window has drawn its first frame, and background_delay_ms after it
 * (3 s), which leaves the first seconds to what the user does first; a
 * file opened later from the window waits the same delay. */

static void
stop_waiting_for_first_paint (SecApp *self)
{
  /* A window destroyed before its first frame took the handler with its
   * surface's clock. */
  if (self->first_paint_handler != 0 &&
      g_signal_handler_is_connected (self->first_paint_clock, self->first_paint_handler))
    g_signal_handler_disconnect (self->first_paint_clock, self->first_paint_handler);
  self->first_paint_handler = 0;
  g_clear_object (&self->first_paint_clock);
}

static gboolean
start_background_work (gpointer user_data)
{
  SecApp *self = user_data;

  self->background_source = 0;
  stop_waiting_for_first_paint (self);
  self->background_started = TRUE;
  check_integrity_in_background (self);
  if (self->background_daily)
    make_daily_backup (self);
  return G_SOURCE_REMOVE;
}

/* Whether a daily backup is due with it is decided by the caller when the
 * store is opened (background_daily: not for a restored copy), not when
 * the work starts. */
void
_sec_app_schedule_background_work (SecApp *self,
                                   guint   delay_ms)
{
  stop_waiting_for_first_paint (self);
  g_clear_handle_id (&self->background_source, g_source_remove);
  g_clear_handle_id (&self->open_busy_source, g_source_remove);
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  self->background_started = FALSE;
  self->background_source = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, start_background_work, self, NULL);
}

static void
first_paint_cb (GdkFrameClock *clock,
                SecApp        *self)
{
  _sec_app_schedule_background_work (self, self->background_delay_ms);
}

/* After @window's first frame, or now if it cannot draw one. A window
 * that never draws (started minimised on some desktops) holds the work
 * back 10 s at most. */
void
_sec_app_schedule_background_work_after_paint (SecApp    *self,
                                               GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  self->background_daily = !self->restoring;
  _sec_app_schedule_background_work (self, self->background_delay_ms + (clock != NULL ? 10000 : 0));
  if (clock == NULL)
    return;
  self->first_paint_clock = g_object_ref (clock);
  self->first_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (first_paint_cb), self);
}

/* Whether the work after opening (the whole-file check, the daily
 * backup) has started for the store open now (tests). */
gboolean
_sec_app_get_background_started (SecApp *self)
{
  g_return_val_if_fail (SEC_IS_APP (self), FALSE);

  return self->background_started;
}

/* How long after the first frame that work starts (tests: 0). */
void
_sec_app_set_background_delay (SecApp *self,
                               guint   delay_ms)
{
  g_return_if_fail (SEC_IS_APP (self));

  self->background_delay_ms = delay_ms;
}

/* Neither waiting for a frame nor counting down any more (disposing). */
void
_sec_app_stop_background_work (SecApp *self)
{
  stop_waiting_for_first_paint (self);
  g_clear_handle_id (&self->background_source, g_source_remove);
}
