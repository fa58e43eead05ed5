/* sec-store-readers.h: read-only connections kept for a store's workers
 *
 * sec-record-list.c reads its background queries on them
 * (sec_record_list_set_query_in_background ()). They free their page
 * caches when no query came for 2 s.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The bytes the idle connections of @store's background queries hold in
 * their page caches; freeing them now; and for tests and benchmarks the
 * delay after a query before they are freed (2,000 ms; 0: as soon as each
 * query is read). */
gint64           sec_record_list_get_background_cache_used    (SecStore *store);
void             sec_record_list_release_background_memory    (SecStore *store);
void             sec_record_list_set_background_release_delay (guint     ms);

/* The rest is private to the store's folder. */

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
