/* sec-search-everywhere.h: one search for every section
 *
 * A search field with its results below it, as you type: people,
 * organisations, meetings, calls, joint statements and bodies, a few of
 * each, under the name of their kind. Activating a result opens its record
 * (win.open-record). The window puts it in the sidebar and focuses it on
 * Ctrl+K.
 */
#pragma once

#include <gtk/gtk.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_SEARCH_EVERYWHERE (sec_search_everywhere_get_type ())
G_DECLARE_FINAL_TYPE (SecSearchEverywhere, sec_search_everywhere, SEC, SEARCH_EVERYWHERE, GtkWidget)

GtkWidget *sec_search_everywhere_new        (void);
void       sec_search_everywhere_set_store  (SecSearchEverywhere *self,
                                             SecStore            *store);
SecStore  *sec_search_everywhere_get_store  (SecSearchEverywhere *self);
/* Puts the keyboard focus in the field, its text selected. */
void       sec_search_everywhere_focus      (SecSearchEverywhere *self);
/* The number of results shown. */
guint      sec_search_everywhere_get_n_results (SecSearchEverywhere *self);

G_END_DECLS
