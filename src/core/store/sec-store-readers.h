/* sec-store-readers.h: read-only connections to a store's file, for
 * workers
 *
 * A store's connection is used by the thread that opened it only. Work
 * that reads much (a list's search, a meeting's e-mail drafts) runs in a
 * worker on a read-only connection of its own to the same file (SQLite's
 * write-ahead log lets it read while the store's connection writes). The
 * connections are kept, shared by every worker of the store, and reused:
 * a new one starts with an empty page cache and reads the file again.
 *
 * Their page caches, though, held up to 32 MB each for as long as the
 * window stayed open: 27 MB after a one-letter search of the file of
 * 200,000 people, a fifth of the window's memory. The idle connections
 * now free their caches when no read came for 2 s, and a list's worker
 * gives its pages back as soon as a keystroke's queries are read
 * (sec-record-list.c); their caches are 8 MB at most.
 */
#pragma once

#include <gio/gio.h>

#include "core/base/sec-progress.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct _SecReaders SecReaders;

/* (transfer full) (nullable): the read-only connections of @store, for a
 * worker; on a server, sessions of their own opened with the store's
 * address (its password included). NULL for a closed store. In the
 * store's thread. */
SecReaders *sec_store_get_readers   (SecStore    *store);
SecReaders *sec_readers_ref         (SecReaders  *readers);
void        sec_readers_unref       (SecReaders  *readers);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecReaders, sec_readers_unref)

/* In a worker: an idle connection, or the one another worker gives back
 * in a moment (waiting up to 2 s), or a new one. (transfer full) */
SecStore   *sec_readers_take        (SecReaders  *readers,
                                     GError     **error);
/* In a worker: @reader (transfer full) is done with, for the next. */
void        sec_readers_give_back   (SecReaders  *readers,
                                     SecStore    *reader);
/* In a worker: @reader (transfer full) failed and is closed; the next read
 * opens a new one (a server's session may have been lost). */
void        sec_readers_discard     (SecReaders  *readers,
                                     SecStore    *reader);
/* In any thread, once a read is over: the idle connections free their
 * caches if no other read comes within the delay. */
void        sec_readers_done        (SecReaders  *readers);

/* The bytes the idle connections of @store's workers hold in their page
 * caches; freeing them now; and for tests and benchmarks the delay after
 * a read before they are freed (2,000 ms; 0: as soon as each read is
 * over). */
gint64      sec_store_get_readers_cache_used   (SecStore *store);
void        sec_store_release_readers_memory   (SecStore *store);
void        sec_store_set_readers_release_delay (guint    ms);
/* The page cache of each connection opened from now on (8,192 KiB by
 * default, a quarter of the store's own). */
void        sec_store_set_readers_cache_kib     (guint    kib);

/* What a worker reads with @reader: TRUE, or FALSE with @error. */
typedef gboolean (*SecReadFunc) (SecStore          *reader,
                                 gpointer           job,
                                 SecProgressRelay  *relay,
                                 GCancellable      *cancellable,
                                 GError           **error);

/* Runs @func (a connection of @store's readers, @job) in a worker as
 * sec_worker_run () does; a store without readers (a server database) is
 * read at once in this thread, with @store itself, @callback still called
 * later. @job belongs to the task (@job_free). */
void        sec_store_read_async    (SecStore            *store,
                                     gpointer             source_tag,
                                     gpointer             job,
                                     GDestroyNotify       job_free,
                                     SecReadFunc          func,
                                     SecProgressFunc      progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* (transfer none): the job of a read that succeeded, or NULL with @error. */
gpointer    sec_store_read_finish   (GAsyncResult        *result,
                                     gpointer             source_tag,
                                     GError             **error);

G_END_DECLS
