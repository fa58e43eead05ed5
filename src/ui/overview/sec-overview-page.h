/* sec-overview-page.h: the window's first page: what needs attention */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_OVERVIEW_PAGE (sec_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (SecOverviewPage, sec_overview_page, SEC, OVERVIEW_PAGE, GtkWidget)

GtkWidget  *sec_overview_page_new       (SecStore        *store);
/* The day the page is about, "YYYY-MM-DD"; NULL (the default) for today.
 * For tests and screenshots of a fixed day. */
void        sec_overview_page_set_today (SecOverviewPage *self,
                                         const char      *today);
/* How many lines the page shows. */
guint       sec_overview_page_get_n_items (SecOverviewPage *self);

G_END_DECLS
