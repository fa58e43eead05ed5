/* sec-store-readers.h: read-only connections kept for a store's workers
 *
 * Private to the store's folder (sec-record-list.c reads its background
 * queries on them). The functions of sec-record-list.h about their memory
 * are in sec-store-readers.c.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct _SecStoreReaders SecStoreReaders;

/* The connections of @store's workers (made when first asked for).
 * (transfer full) */
SecStoreReaders *_sec_store_readers_get       (SecStore         *store);
void             _sec_store_readers_unref     (SecStoreReaders  *readers);
/* In a worker: an idle connection to @path, or a new one. (transfer full) */
SecStore        *_sec_store_readers_take      (SecStoreReaders  *readers,
                                               const char       *path,
                                               GError          **error);
/* In a worker: gives @reader back once its query is read. */
void             _sec_store_readers_give_back (SecStoreReaders  *readers,
                                               SecStore         *reader);
/* In the thread of the lists, when a worker's result has arrived: the idle
 * connections free their caches once no query came for a moment. */
void             _sec_store_readers_done      (SecStoreReaders  *readers);

G_END_DECLS
