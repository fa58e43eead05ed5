/* sec-cli-letterhead.c: `secretariat letterhead`
 *
 * Prints the office's letterhead, or sets its name, reference and logo
 * (the PNG file's bytes are copied into the database).
 */
#define G_LOG_DOMAIN "sec-cli-letterhead"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/sec-cli-common.h"
#include "cli/sec-cli-letterhead.h"
#include "core/store/sec-store-letterhead.h"

#define PROGRAM "secretariat letterhead"

static void
print_field (GString    *out,
             const char *label,
             const char *value)
{
  g_autofree char *clean = sec_cli_sanitize (value, FALSE);

  g_string_append_printf (out, "%s\t%s\n", label, clean);
}

static void
print_letterhead (SecStore *store,
                  GString  *out)
{
  g_autoptr(SecLetterhead) letterhead = sec_store_get_letterhead (store);
  g_autofree char *logo = NULL;

  if (letterhead->logo != NULL)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (letterhead->logo));

      /* TRANSLATORS: the logo of the letterhead: "PNG image, 12.3 kB" */
      logo = g_strdup_printf (_("PNG image, %s"), size);
    }
  /* TRANSLATORS: labels of `secretariat letterhead`, followed by a tab and the value */
  print_field (out, C_("letterhead", "Name"), letterhead->name ? letterhead->name : "");
  print_field (out, C_("letterhead", "Reference"), letterhead->reference ? letterhead->reference : "");
  print_field (out, C_("letterhead", "Logo"), logo ? logo : "");
}

/* The bytes of the logo file at @path, checked; NULL after a message. */
static GBytes *
read_logo (const char *path,
           GString    *err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *message = g_strdup_printf (_("“%s” is not a file"), display);

      sec_cli_failure (err, message);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      sec_cli_failure (err, error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!sec_letterhead_check_logo (bytes, &error))
    {
      sec_cli_failure (err, error->message);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

int
sec_cli_letterhead (const char  *database,
                    GStrv        args,
                    GString     *out,
                    GString     *err)
{
  g_auto(GStrv) argv = g_strdupv (args);
  g_autofree char *database_option = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *logo_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = g_strdup (g_get_prgname ());
  g_autoptr(GOptionContext) context = sec_cli_new_option_context (NULL);
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecLetterhead) letterhead = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GError) error = NULL;
  gboolean no_logo = FALSE, help = FALSE, ok;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("The office’s name (empty: none)"), N_("TEXT") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The reference printed on the right (empty: none)"), N_("TEXT") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo_path,
      N_("The logo: a PNG image of at most 2 MB"), N_("FILE") },
    { "no-logo", 0, 0, G_OPTION_ARG_NONE, &no_logo,
      N_("Remove the logo"), NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_option,
      N_("Use the database FILE"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (args != NULL && args[0] != NULL, SEC_CLI_EXIT_USAGE);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Without options, prints the letterhead printed at the top of every "
                                           "document; with options, changes it."));
  g_set_prgname (PROGRAM);
  ok = g_option_context_parse_strv (context, &argv, &error);
  if (ok && help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
      g_string_append (out, text);
    }
  if (saved != NULL)
    g_set_prgname (saved);
  if (!ok)
    return sec_cli_usage_error (err, PROGRAM, error->message);
  if (help)
    return SEC_CLI_EXIT_OK;
  if (argv[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[1]);
      return sec_cli_usage_error (err, PROGRAM, message);
    }
  if (logo_path != NULL && no_logo)
    return sec_cli_usage_error (err, PROGRAM, _("--logo and --no-logo cannot be used together"));

  path = database_option ? sec_cli_database_location (database_option)
                         : database ? g_strdup (database) : sec_store_default_path ();
  if (name == NULL && reference == NULL && logo_path == NULL && !no_logo)
    {
      store = sec_cli_open_store (err, path, SEC_CLI_OPEN_READ);
      if (store == NULL)
        return SEC_CLI_EXIT_FAILURE;
      print_letterhead (store, out);
      return SEC_CLI_EXIT_OK;
    }

  /* The logo is read before anything changes: a bad file changes nothing. */
  if (logo_path != NULL && (logo = read_logo (logo_path, err)) == NULL)
    return SEC_CLI_EXIT_FAILURE;
  store = sec_cli_open_store (err, path, SEC_CLI_OPEN_CREATE);
  if (store == NULL)
    return SEC_CLI_EXIT_FAILURE;
  letterhead = sec_store_get_letterhead (store);
  if ((name != NULL || reference != NULL)
      && !sec_store_set_letterhead_text (store, name ? name : letterhead->name,
                                         reference ? reference : letterhead->reference, &error))
    return sec_cli_failure (err, error->message);
  if ((logo != NULL || no_logo) && !sec_store_set_letterhead_logo (store, logo, &error))
    return sec_cli_failure (err, error->message);
  print_letterhead (store, out);
  return SEC_CLI_EXIT_OK;
}
