/* sec-store-copy.h: copying a whole database to another engine
 *
 * `secretariat copy-database FROM TO` moves an office's database from a
 * SQLite file to a PostgreSQL server and back (README, "Moving a database
 * to a server and back"): every table's rows with their ids, the history
 * and the settings; what triggers derive (the search index, each meeting's
 * counts) is made again by the target's own triggers as the rows go in.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called after each batch of rows: the table being copied and the rows
 * copied so far, all tables together. */
typedef void (*SecStoreCopyProgress) (const char *table,
                                      guint64     rows_done,
                                      gpointer    user_data);

/* What a copy did. */
typedef struct {
  guint   n_tables;
  guint64 n_rows;
} SecStoreCopyStats;

/**
 * sec_store_copy_database:
 * @from: the source, a database file or a postgresql:// URI; it must be a
 *   Secretariat database of the current version; it is only read
 * @to: the target: a file that does not exist yet (made readable by its
 *   owner only), an empty Secretariat file, or an empty database on a
 *   server (it is given the schema)
 * @stats: (out) (optional): what was copied
 *
 * Copies every row of every table of @from into @to in one transaction,
 * keeping the ids. A target that holds any record, or another program's
 * tables, is refused with a message naming it; on failure the target is
 * left as it was (a file made here is removed).
 */
gboolean sec_store_copy_database (const char           *from,
                                  const char           *to,
                                  SecStoreCopyProgress  progress,
                                  gpointer              user_data,
                                  GCancellable         *cancellable,
                                  SecStoreCopyStats    *stats,
                                  GError              **error);

G_END_DECLS
