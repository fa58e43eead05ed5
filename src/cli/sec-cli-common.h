/* sec-cli-common.h: what every sub-command of the command line shares
 *
 * The exit statuses, the two ways a command reports an error, its option
 * parser and how it opens the database. Both
 * sec-cli.c and sec-cli-export.c use them; keeping them here lets the
 * export command stand on its own, below sec-cli.c.
 */
#pragma once

#include <glib.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define SEC_CLI_EXIT_OK      0
#define SEC_CLI_EXIT_FAILURE 1 /* the command failed (a database error...) */
#define SEC_CLI_EXIT_USAGE   2 /* an unknown command, option or argument */

/* (transfer full): @text fit for a terminal: valid UTF-8, with C0 and C1
 * control characters and DEL (an escape sequence could clear the screen
 * or retitle the window) each replaced by U+FFFD; line breaks and tabs
 * kept when @keep_breaks, else also replaced by a space. */
char           *sec_cli_sanitize           (const char *text,
                                            gboolean    keep_breaks);
int             sec_cli_usage_error        (GString    *err,
                                            const char *program,
                                            const char *message);
int             sec_cli_failure            (GString    *err,
                                            const char *message);
GOptionContext *sec_cli_new_option_context (const char *parameters);
/* How a command opens the database. */
typedef enum {
  SEC_CLI_OPEN_CREATE,  /* a missing file becomes a new empty database */
  SEC_CLI_OPEN_READ,    /* it must exist; read-only, nothing written */
  SEC_CLI_OPEN_WRITE,   /* it must exist; opened for writing */
} SecCliOpen;

/* The database named by --database: a shared database's postgresql://
 * address as it is, a file's path made absolute (the window may hand it to
 * an instance already running in another folder). (transfer full) */
char           *sec_cli_database_location  (const char *option);
SecStore       *sec_cli_open_store         (GString    *err,
                                            const char *path,
                                            SecCliOpen  mode);

G_END_DECLS
