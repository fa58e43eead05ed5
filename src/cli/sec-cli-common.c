/* sec-cli-common.c: what every sub-command of the command line shares */
#define G_LOG_DOMAIN "sec-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/sec-cli-common.h"

/**
 * sec_cli_usage_error:
 * @err: where the command's errors go
 * @program: "secretariat" or "secretariat COMMAND"
 * @message: what was wrong with the command line
 *
 * Reports a usage error and points to the command's help.
 *
 * Returns: %SEC_CLI_EXIT_USAGE
 */
int
sec_cli_usage_error (GString    *err,
                     const char *program,
                     const char *message)
{
  /* TRANSLATORS: "secretariat list: Unknown option --foo. Try “secretariat list --help”." */
  g_string_append_printf (err, _("%s: %s. Try “%s --help”.\n"), program, message, program);
  return SEC_CLI_EXIT_USAGE;
}

/**
 * sec_cli_failure:
 * @err: where the command's errors go
 * @message: why the command failed
 *
 * Reports a failure (a database error, a file that could not be written...).
 *
 * Returns: %SEC_CLI_EXIT_FAILURE
 */
int
sec_cli_failure (GString    *err,
                 const char *message)
{
  g_string_append_printf (err, "secretariat: %s\n", message);
  return SEC_CLI_EXIT_FAILURE;
}
