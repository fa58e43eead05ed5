/* sec-cli-common.c: what every sub-command of the command line shares */
#define G_LOG_DOMAIN "sec-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli/sec-cli-common.h"
#include "core/documents/sec-letterhead.h"
#include "core/store/sec-shared-database.h"

char *
sec_cli_sanitize (const char *text,
                  gboolean    keep_breaks)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t' || c == '\r')
        {
          if (keep_breaks && c != '\r')
            g_string_append_c (out, (char) c);
          else
            g_string_append_c (out, ' ');
        }
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

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
  g_autofree char *clean = sec_cli_sanitize (message, TRUE);

  /* TRANSLATORS: "secretariat list: Unknown option --foo. Try “secretariat list --help”." */
  g_string_append_printf (err, _("%s: %s. Try “%s --help”.\n"), program, clean, program);
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
  g_autofree char *clean = sec_cli_sanitize (message, TRUE);

  g_string_append_printf (err, "secretariat: %s\n", clean);
  return SEC_CLI_EXIT_FAILURE;
}

/**
 * sec_cli_new_option_context:
 * @parameters: (nullable): what follows the options in the usage line
 *
 * Returns: (transfer full): an option parser that translates its entries
 *   and leaves --help to the command
 */
GOptionContext *
sec_cli_new_option_context (const char *parameters)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* --help is an ordinary option: GOption's own would exit the process. */
  g_option_context_set_help_enabled (context, FALSE);
  return context;
}

/**
 * sec_cli_open_store:
 * @err: where the command's errors go
 * @path: the database file
 * @mode: %SEC_CLI_OPEN_READ for the commands that only read: the file
 *   must exist and be a Secretariat database already, and is opened
 *   read-only (nothing is written to it, no file is left beside it);
 *   %SEC_CLI_OPEN_WRITE when it must exist and is changed;
 *   %SEC_CLI_OPEN_CREATE when a missing file becomes a new empty database
 *
 * Opens the database, or reports why not (a failure).
 *
 * Returns: (transfer full) (nullable): the store, or %NULL
 */
char *
sec_cli_database_location (const char *option)
{
  if (sec_shared_database_is_uri (option))
    return g_strdup (option);
  return g_canonicalize_filename (option, NULL);
}

SecStore *
sec_cli_open_store (GString    *err,
                    const char *path,
                    SecCliOpen  mode)
{
  g_autoptr(GError) error = NULL;
  SecStore *store;

  if (sec_shared_database_is_uri (path))
    store = sec_shared_database_open (path, mode == SEC_CLI_OPEN_READ, &error);
  else if (mode != SEC_CLI_OPEN_CREATE && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *message = g_strdup_printf (_("“%s” does not exist"), display);

      sec_cli_failure (err, message);
      return NULL;
    }

  else
    store = mode == SEC_CLI_OPEN_READ ? sec_store_open_for_reading (path, &error) : sec_store_open (path, &error);
  if (store == NULL)
    sec_cli_failure (err, error->message);
  else
    sec_letterhead_apply (store);
  return store;
}
