/* sec-store-notify.h: a store on a server follows the other staff's changes
 *
 * Every store on a PostgreSQL server announces what it commits (a
 * notification on the channel "secretariat", sent inside the transaction,
 * so that the server delivers it at commit and never for a write rolled
 * back). A store that follows the others (sec_store_follow_others ())
 * emits SecStore::changed for their changes as for its own, and follows
 * its connection: SecStore:connected is FALSE while the server cannot be
 * reached, and the store connects again by itself, in the background. A
 * file has no other writers: nothing happens there.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Starts following the changes other connections commit to the same
 * server database, and the connection itself, in the thread-default main
 * context of the caller (the thread that uses the store). Returns FALSE
 * when there is nothing to follow (a file); does nothing the second time. */
gboolean     sec_store_follow_others   (SecStore       *self);
/* sec_store_get_connected () (sec-store.h) says whether the connection is
 * up: FALSE only for a followed server connection that dropped, until it
 * is made again (SecStore:connected). */

G_END_DECLS
