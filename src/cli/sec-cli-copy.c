/* sec-cli-copy.c: `secretariat copy-database FROM TO`
 *
 * The command parses its own options and prints its own help, like
 * `export`. A server's password comes from the URI, libpq's PG*
 * variables or ~/.pgpass, or else the keyring where the window keeps it
 * (sec-shared-database.h).
 */
#define G_LOG_DOMAIN "sec-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/sec-cli-copy.h"
#include "cli/sec-cli-common.h"
#include "core/base/sec-format.h"
#include "core/store/sec-shared-database.h"
#include "core/store/sec-store-copy.h"

#define PROGRAM "secretariat copy-database"

/* @location as the store opens it: a file's path made absolute, a
 * server's URI with the keyring's password when it gives none. */
static char *
resolve (const char *location)
{
  g_autofree char *uri = sec_cli_database_location (location);
  g_autofree char *password = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(SecSharedDatabase) db = NULL;

  if (!sec_shared_database_is_uri (uri))
    return g_steal_pointer (&uri);
  db = sec_shared_database_parse (uri, &password, NULL);
  if (db == NULL || password != NULL || !sec_shared_database_check (db, NULL))
    return g_steal_pointer (&uri);
  kept = sec_shared_database_lookup_password (db, NULL, NULL);
  if (kept == NULL)
    return g_steal_pointer (&uri);
  return sec_shared_database_to_conninfo (db, kept);
}

int
sec_cli_copy_database (GStrv     args,
                       GString  *out,
                       GString  *err)
{
  g_auto(GStrv) argv = g_strdupv (args);
  g_autofree char *saved = g_strdup (g_get_prgname ());
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SecStoreCopyStats stats = { 0 };
  gboolean help = FALSE, ok;
  g_autofree char *rows = NULL;
  gint64 start;
  const GOptionEntry entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (args != NULL && args[0] != NULL, SEC_CLI_EXIT_USAGE);

  /* Translators: the parameters of `secretariat copy-database` in its usage line */
  context = sec_cli_new_option_context (_("FROM TO"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Copies a whole database, with its history and settings, from FROM to TO: "
                                  "each a database file or a shared database’s postgresql:// address. TO "
                                  "must be a new file or an empty database; one that holds any record is "
                                  "refused. Nothing is written to TO unless the whole copy succeeds."));
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
  if (argv[1] == NULL || argv[2] == NULL)
    return sec_cli_usage_error (err, PROGRAM, _("Give the database to copy and where to copy it (FROM TO)"));
  if (argv[3] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[3]);
      return sec_cli_usage_error (err, PROGRAM, message);
    }

  from = resolve (argv[1]);
  to = resolve (argv[2]);
  start = g_get_monotonic_time ();
  if (!sec_store_copy_database (from, to, NULL, NULL, NULL, &stats, &error))
    return sec_cli_failure (err, error->message);
  rows = sec_format_count ((gint64) stats.n_rows);
  g_string_append_printf (out,
                          /* Translators: "Copied 1,234 rows of 31 tables in 2.5 s" */
                          ngettext ("Copied %s row of %u tables in %.1f s", "Copied %s rows of %u tables in %.1f s",
                                    (gulong) MIN (stats.n_rows, G_MAXULONG)),
                          rows, stats.n_tables, (g_get_monotonic_time () - start) / 1e6);
  g_string_append_c (out, '\n');
  return SEC_CLI_EXIT_OK;
}
