/* sec-connection-banner.h: "Connection to the server lost, reconnecting…" */
#pragma once

#include <gtk/gtk.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_CONNECTION_BANNER (sec_connection_banner_get_type ())
G_DECLARE_FINAL_TYPE (SecConnectionBanner, sec_connection_banner, SEC, CONNECTION_BANNER, GtkWidget)

GtkWidget  *sec_connection_banner_new       (void);
/* Follows @store's connection (SecStore:connected); NULL: hides. */
void        sec_connection_banner_set_store (SecConnectionBanner *self,
                                             SecStore            *store);
/* Whether the message shows (or is sliding in). */
gboolean    sec_connection_banner_is_shown  (SecConnectionBanner *self);

G_END_DECLS
