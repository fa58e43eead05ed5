/* sec-application-private.h: what SecApp's files share
 *
 * SecApp spans sec-application.c (the store, opening databases, the
 * application's other actions), sec-application-open.c (openings in a
 * worker), sec-application-background.c (the work after an opening) and
 * sec-application-backups.c (Back Up Now, a restore and its Undo).
 * Included after sec-application.h.
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"
#include "ui/shell/sec-window.h"

G_BEGIN_DECLS

struct _SecApp
{
  AdwApplication  parent_instance;

  /* owned */
  char           *database_path;
  SecStore       *store;
  GError         *open_error;   /* why the store is NULL */
  GSettings      *settings;
  GtkFileChooserNative *chooser;
  GtkFileChooserNative *new_chooser;
  guint           signal_sources[2];  /* SIGTERM, SIGINT */
  char           *undo_restore_path; /* the copy kept aside by the last restore */
  gboolean        restoring;  /* a restored copy needs no daily backup */
  gboolean        backing_up; /* Back Up Now is copying, in a worker thread */
  gboolean        restore_running; /* a restore is, the store closed meanwhile */
  gboolean        restore_undoing; /* ...and it undoes the last one */
  /* A restore waiting for the windows to let its store go (start_restore ()). */
  SecStore       *restore_store;
  char           *restore_backup;
  guint           restore_waiting;
  /* Of the one that runs (never both): app.cancel-backup cancels it. */
  GCancellable   *backup_cancellable;
  GtkWidget      *backup_strip;       /* (weak): where it shows its progress */
  gint64          backup_started;     /* monotonic µs, for the debug log */
  /* The whole-file check and the daily backup, waiting for the window's
   * first frame and then background_delay_ms (sec-application.c). */
  guint           background_source;
  guint           background_delay_ms;
  gulong          first_paint_handler;
  GdkFrameClock  *first_paint_clock;
  gboolean        background_started; /* for the store open now */
  gboolean        background_daily;   /* a daily backup is due with it */
  /* A database being opened in a worker (sec-application-open.c). */
  GCancellable   *open_cancellable;   /* while it opens: app.stop-opening */
  char           *opening_path;
  gboolean        opening_initial;    /* the first, in a window not yet shown */
  gboolean        opening_restored;   /* the file a restore replaced */
  guint           open_busy_source;   /* until the windows say it is long */
  guint           open_busy_delay_ms; /* ...which they do after this (300) */
  gboolean        open_busy_shown;    /* ...and once they do */
  double          open_fraction;
};

/* sec-application.c */

/* The active window if it is a SecWindow, else the main one. (nullable) */
SecWindow *_sec_app_get_active_window     (SecApp     *self);
/* @toast (transfer full) in the active window; dropped without one. */
void       _sec_app_show_toast            (SecApp     *self,
                                           AdwToast   *toast);
void       _sec_app_show_error_dialog     (SecApp     *self,
                                           const char *heading,
                                           const char *body);
/* Each window shows the store, or why there is none. */
void       _sec_app_show_store_in_windows (SecApp     *self);
void       _sec_app_notify_store          (SecApp     *self);

/* Whether the whole-file check and the daily backup have started for the
 * store open now; they wait for the window's first frame and then a delay,
 * which tests set (milliseconds). */
gboolean   _sec_app_get_background_started (SecApp    *self);
void       _sec_app_set_background_delay  (SecApp     *self,
                                           guint       delay_ms);

/* The first SecWindow of the application. (nullable) */
SecWindow *_sec_app_get_main_window       (SecApp     *self);
/* sec-application-background.c: the whole-file check and the daily
 * backup, after @window's first frame; or @delay_ms from now; or not. */
void       _sec_app_schedule_background_work_after_paint (SecApp    *self,
                                                          GtkWidget *window);
void       _sec_app_schedule_background_work (SecApp     *self,
                                              guint       delay_ms);
void       _sec_app_stop_background_work  (SecApp     *self);

/* sec-application-open.c */

/* A file's path, or a shared database's address (its password from the
 * keyring), opened in this thread. */
SecStore  *_sec_app_open_location         (const char  *location,
                                           GError     **error);
/* The first database, in a worker: see the .c file. */
void       _sec_app_open_initial          (SecApp     *self);
/* Another database in place of this one, in a worker. */
void       _sec_app_open_in_worker        (SecApp     *self,
                                           const char *path);
/* The file a restore replaced, in a worker, no database open meanwhile. */
void       _sec_app_open_after_restore    (SecApp     *self,
                                           const char *path);
gboolean   _sec_app_is_opening            (SecApp     *self);
/* How long an opening is before the windows say so (tests: 0). */
void       _sec_app_set_busy_delay        (SecApp     *self,
                                           guint       delay_ms);
void       _sec_app_add_open_actions      (SecApp     *self);

/* sec-application-backups.c */

/* The backup actions, added to the application at its start-up. */
void       _sec_app_add_backup_actions    (SecApp     *self);
/* Each action on or off as the store and a backup or restore under way
 * allow. */
void       _sec_app_update_backup_actions (SecApp     *self);

G_END_DECLS
