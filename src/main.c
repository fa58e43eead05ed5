/* main.c: the program
 *
 * `secretariat [--database FILE] COMMAND ...` runs a command of the command
 * line (src/core/sec-cli.c) without initialising GTK, so it needs no
 * display. Without a command it opens the window.
 */
#define G_LOG_DOMAIN "secretariat"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "core/base/sec-memory.h"
#include "ui/shell/sec-application.h"
#include "cli/sec-cli.h"

/* FALSE when the text could not be written (a full disk, a closed pipe). */
static gboolean
write_text (FILE    *stream,
            GString *text)
{
  if (text->len > 0 && fwrite (text->str, 1, text->len, stream) != text->len)
    return FALSE;
  return fflush (stream) == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *database_path = NULL;
  const char *localedir = g_getenv ("SECRETARIAT_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  /* build-aux/dev run sets SECRETARIAT_LOCALEDIR to the build tree's
   * translations, which are not installed yet. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = sec_cli_run (argc, argv, &database_path, out, err);
  if (status != SEC_CLI_OPEN_WINDOW)
    {
      gboolean written = write_text (stdout, out);

      write_text (stderr, err);
      if (!written && status == SEC_CLI_EXIT_OK)
        {
          fprintf (stderr, "%s: %s\n", PACKAGE_NAME, _("The output could not be written"));
          status = SEC_CLI_EXIT_FAILURE;
        }
      return status;
    }

  /* How the window's freed memory goes back to the system (sec-memory.c),
   * before any thread starts: may start the program again. */
  sec_memory_init (argv);
  /* Only argv[0]: the options are ours, parsed above, and not
   * GApplication's. A NULL path lets the application reopen the database
   * it had last. */
  return g_application_run (G_APPLICATION (app = sec_application_new (database_path)), 1, argv);
}
