/* sec-backups-private.h: what sec-backups.c shares with
 * sec-backups-restore.c (the backups' names, their folder, the number
 * kept, opening a copy), not for callers outside the store's backups.
 */
#pragma once

#include "core/store/sec-backups.h"
#include "core/store/sec-engine.h"

G_BEGIN_DECLS

/* A name not taken yet for a backup of @db_path made now for @reason.
 * (transfer full) */
char        *_sec_backups_make_path    (const char  *db_path,
                                        const char  *reason);
/* Makes the backups folder of @db_path (mode 0700) if it is missing. */
gboolean     _sec_backups_ensure_folder (const char  *db_path,
                                         GError     **error);
/* Removes the oldest backups of @db_path beyond @kept, and what killed
 * copies left. */
void         _sec_backups_prune        (const char  *db_path,
                                        guint        kept);
/* The number kept, as the database @engine is on says. */
guint        _sec_backups_read_kept    (SecEngine   *engine);
/* Opens @path read-only and checks it is a whole Secretariat database this
 * version can open; its schema version in @version. (transfer full) */
SecEngine   *_sec_backups_open_copy    (const char  *path,
                                        int         *version,
                                        GError     **error);

G_END_DECLS
