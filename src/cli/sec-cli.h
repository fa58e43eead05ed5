/* sec-cli.h: the command line's sub-commands
 *
 * `secretariat [--database FILE] COMMAND [ARGUMENTS…]` runs a command
 * without GTK and without a display. The whole command line is parsed here,
 * so that the commands can be tested in-process: output goes to GStrings
 * that main() then writes to stdout and stderr.
 */
#pragma once

#include <glib.h>

#include "cli/sec-cli-common.h"

G_BEGIN_DECLS

/* Returned by sec_cli_run() when there is no command: open the window. */
#define SEC_CLI_OPEN_WINDOW  (-1)

int sec_cli_run (int       argc,
                 char    **argv,
                 char    **database_path,
                 GString  *out,
                 GString  *err);

G_END_DECLS
