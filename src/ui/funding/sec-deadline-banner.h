/* sec-deadline-banner.h: the calls for proposals about to close
 *
 * Over the lists staff look at first (upcoming meetings, calls for
 * proposals): each call whose deadline is ahead, soonest first, with the
 * time left; a click opens the call. Hidden when no deadline is ahead. It
 * follows the store and the clock (once a minute).
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_DEADLINE_BANNER (sec_deadline_banner_get_type ())
G_DECLARE_FINAL_TYPE (SecDeadlineBanner, sec_deadline_banner, SEC, DEADLINE_BANNER, GtkWidget)

GtkWidget *sec_deadline_banner_new         (SecStore          *store);
/* The number of deadlines shown. */
guint      sec_deadline_banner_get_n_shown (SecDeadlineBanner *self);

G_END_DECLS
