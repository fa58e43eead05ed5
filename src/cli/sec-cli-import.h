/* sec-cli-import.h: `secretariat import`, organisations and people from
 * CSV or vCard files
 *
 *   secretariat [--database FILE] import organisations|people FILE
 *       [--format csv|vcard] [--encoding ENCODING] [--separator comma|semicolon|tab]
 *       [--dry-run] [--skip-invalid] [--on-duplicate skip|merge|import]
 *       [--map COLUMN=FIELD ...]
 *
 * Prints one line per problem or duplicate on standard error
 * (`FILE:LINE: message`) and the summary `N imported, N merged, N skipped,
 * N invalid` on standard output. An invalid row without --skip-invalid
 * exits with status 1 and writes nothing; --dry-run never writes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* As sec_cli_export (): @args[0] is "import". */
int sec_cli_import (const char  *database,
                    GStrv        args,
                    GString     *out,
                    GString     *err);

G_END_DECLS
