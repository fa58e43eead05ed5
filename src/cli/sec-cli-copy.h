/* sec-cli-copy.h: `secretariat copy-database FROM TO`
 *
 * Copies a whole database between a file and a PostgreSQL server
 * (sec-store-copy.h): FROM and TO are each a file or a postgresql:// URI.
 * TO must be a new file or an empty database. Exit status of
 * sec-cli-common.h: 0, 1 (the copy failed; TO is left as it was) or 2.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sec_cli_copy_database (GStrv     args,
                           GString  *out,
                           GString  *err);

G_END_DECLS
