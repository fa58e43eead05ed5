/* sec-cli-letterhead.h: `secretariat letterhead`
 *
 * Parses its own options (after the command's name in @args[0]) and returns
 * an exit status of sec-cli-common.h; @database is the global --database,
 * or NULL for the default.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sec_cli_letterhead (const char  *database,
                        GStrv        args,
                        GString     *out,
                        GString     *err);

G_END_DECLS
