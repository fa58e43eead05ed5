/* sec-window-connection.c: the window and a shared database's connection
 *
 * The window's store follows the other staff's changes (lists and pages
 * refresh through SecStore::changed) and its own connection: while the
 * server cannot be reached a strip across the top of the window says so
 * (SecConnectionBanner), and goes once the store has connected again.
 * Nothing else changes meanwhile: editors stay open with what is typed.
 * The strip of the application's long work (SecProgressStrip, Back Up
 * Now) sits just under it.
 */
#define G_LOG_DOMAIN "sec-window"

#include "config.h"

#include <adwaita.h>

#include "core/store/sec-store-notify.h"
#include "ui/shell/sec-window.h"
#include "ui/shell/sec-window-private.h"
#include "ui/widgets/sec-connection-banner.h"
#include "ui/widgets/sec-progress-strip.h"

void
_sec_window_add_connection_banner (SecWindow *self)
{
  g_autoptr(GtkWidget) content = g_object_ref (adw_toast_overlay_get_child (self->toast_overlay));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Above the window's content (its header bars included), inside the
   * toast overlay, so that toasts still show over everything. */
  self->connection_banner = sec_connection_banner_new ();
  adw_toast_overlay_set_child (self->toast_overlay, NULL);
  gtk_box_append (GTK_BOX (box), self->connection_banner);
  /* Long work of the application (Back Up Now) shows there too. */
  self->progress_strip = sec_progress_strip_new ();
  gtk_widget_add_css_class (self->progress_strip, "progress-strip");
  gtk_box_append (GTK_BOX (box), self->progress_strip);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_toast_overlay_set_child (self->toast_overlay, box);
}

SecProgressStrip *
sec_window_get_progress_strip (SecWindow *self)
{
  g_return_val_if_fail (SEC_IS_WINDOW (self), NULL);

  return SEC_PROGRESS_STRIP (self->progress_strip);
}

void
_sec_window_follow_store (SecWindow *self,
                          SecStore  *store)
{
  if (store != NULL)
    sec_store_follow_others (store);
  sec_connection_banner_set_store (SEC_CONNECTION_BANNER (self->connection_banner), store);
}
