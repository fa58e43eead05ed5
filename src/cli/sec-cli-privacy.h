/* sec-cli-privacy.h: `secretariat privacy` and `secretariat history`
 *
 * Each parses its own options (after the command's name in @args[0]) and
 * returns an exit status of sec-cli-common.h; @database is the global
 * --database, or NULL for the default.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sec_cli_privacy (const char  *database,
                     GStrv        args,
                     GString     *out,
                     GString     *err);
int sec_cli_history (const char  *database,
                     GStrv        args,
                     GString     *out,
                     GString     *err);

G_END_DECLS
