/* sec-read-only.h: the editing controls of a database the user may only
 * read (a shared database and an account that may only read it) */
#pragma once

#include <gtk/gtk.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Turns @widget's actions that change the database (of those its class
 * has, from the one list in sec-read-only.c) off when @store cannot be
 * written (sec_store_can_write ()), so that the buttons and menu items
 * bound to them are shown unavailable; leaves them as they are otherwise.
 * Call it after anything that turns them on again. */
void sec_read_only_apply (GtkWidget *widget,
                          SecStore  *store);


G_END_DECLS
