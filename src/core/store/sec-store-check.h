/* sec-store-check.h: the whole-file integrity check of a large database,
 * after it was opened
 *
 * sec_store_open() refuses at once what is not a Secretariat database, or
 * is of a version it does not know, from the file's header and schema. The
 * whole-file check (every page read) runs at open for a small file and for
 * one about to be upgraded; for a larger one it is left to
 * sec_store_check_integrity_async(), which the window runs right after
 * opening, off the main thread, on a connection of its own.
 */
#pragma once

#include <gio/gio.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Files up to this size are checked in full when opened (about 50 ms). */
#define SEC_STORE_OPEN_CHECK_MAX_BYTES (16 * 1024 * 1024)

/* For tests: files larger than @max_bytes get the check after opening. */
void         sec_store_set_open_check_max      (gint64                max_bytes);

/* Reads the whole file of @self in a worker thread; fails with
 * SEC_STORE_ERROR_CORRUPT and a message naming the file when a page is
 * damaged. The store may be used (and written) meanwhile. */
void         sec_store_check_integrity_async   (SecStore             *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     sec_store_check_integrity_finish  (SecStore             *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
