/* sec-cli-import.c: `secretariat import` (sec-cli-import.h)
 *
 * The same SecImport as the window's dialog: the rows are read, mapped,
 * checked and only then written, in one transaction.
 */
#define G_LOG_DOMAIN "sec-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli/sec-cli-common.h"
#include "cli/sec-cli-import.h"
#include "core/import/sec-import.h"
#include "core/store/sec-records.h"

#define COMMAND "secretariat import"

static int
usage_error (GString    *err,
             const char *message)
{
  return sec_cli_usage_error (err, COMMAND, message);
}

static gboolean
parse_separator (const char *name,
                 char       *separator)
{
  if (name == NULL)
    *separator = 0;
  else if (g_ascii_strcasecmp (name, "comma") == 0 || g_str_equal (name, ","))
    *separator = ',';
  else if (g_ascii_strcasecmp (name, "semicolon") == 0 || g_str_equal (name, ";"))
    *separator = ';';
  else if (g_ascii_strcasecmp (name, "tab") == 0 || g_str_equal (name, "\t"))
    *separator = '\t';
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_action (const char      *name,
              SecImportAction *action)
{
  if (name == NULL || g_str_equal (name, "skip"))
    *action = SEC_IMPORT_ACTION_SKIP;
  else if (g_str_equal (name, "merge"))
    *action = SEC_IMPORT_ACTION_MERGE;
  else if (g_str_equal (name, "import"))
    *action = SEC_IMPORT_ACTION_IMPORT;
  else
    return FALSE;
  return TRUE;
}

/* "FILE:LINE: message", safe for a terminal: the text comes from the file. */
static void
print_problem (GString    *err,
               const char *file,
               guint       line,
               const char *message)
{
  g_autofree char *clean = sec_cli_sanitize (message, FALSE);

  g_string_append_printf (err, "%s:%u: %s\n", file, line, clean);
}

static void
print_rows (SecImport  *import,
            const char *file,
            GString    *err)
{
  for (guint i = 0; i < sec_import_get_n_results (import); i++)
    {
      const SecImportResult *r = sec_import_get_result (import, i);
      g_autofree char *message = NULL;

      if (r->status == SEC_IMPORT_ROW_INVALID)
        print_problem (err, file, r->line, r->problem);
      else if (r->status == SEC_IMPORT_ROW_DUPLICATE)
        {
          const char *what = r->action == SEC_IMPORT_ACTION_MERGE ? _("merged")
                             : r->action == SEC_IMPORT_ACTION_IMPORT ? _("imported anyway")
                             : _("skipped");

          if (r->duplicate_id > 0)
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, r->duplicate_id);

              /* Translators: a duplicate found while importing: the reason ("Same email"), the record's id, then what is done ("skipped") */
              message = g_strdup_printf (_("%s as record %s in the database: %s"),
                                         r->duplicate_reason, id, what);
            }
          else
            {
              const SecImportResult *first = sec_import_get_result (import, r->duplicate_row - 1);
              /* Translators: a duplicate found while importing: the reason ("Same email"), the line of the earlier row, then what is done ("skipped") */
              message = g_strdup_printf (_("%s as line %u: %s"), r->duplicate_reason, first->line, what);
            }
          print_problem (err, file, r->line, message);
        }
    }
}

static void
print_summary (GString                *out,
               const SecImportSummary *s)
{
  /* Translators: the summary of an import; keep the four numbers in this order */
  g_string_append_printf (out, _("%u imported, %u merged, %u skipped, %u invalid"),
                          s->imported, s->merged, s->skipped, s->invalid);
  g_string_append_c (out, '\n');
}

int
sec_cli_import (const char  *database,
                GStrv        args,
                GString     *out,
                GString     *err)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecImportTable) table = NULL;
  g_autoptr(SecImport) import = NULL;
  g_autofree char *database_option = NULL;
  g_autofree char *format = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *separator_name = NULL;
  g_autofree char *on_duplicate = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_display = NULL;
  g_autofree char *saved_prgname = g_strdup (g_get_prgname ());
  g_auto(GStrv) maps = NULL;
  gboolean dry_run = FALSE, skip_invalid = FALSE, help = FALSE, ok, vcard;
  gsize length = 0;
  char separator = 0;
  GType kind;
  SecImportAction action = SEC_IMPORT_ACTION_SKIP;
  SecImportSummary summary;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The file’s format: csv or vcard (by default from its contents)"), N_("FORMAT") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("The CSV file’s encoding, e.g. UTF-8, UTF-16LE or WINDOWS-1252 (by default detected)"), N_("ENCODING") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator_name,
      N_("The CSV file’s separator: comma, semicolon or tab (by default detected)"), N_("SEPARATOR") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and print what would happen, writing nothing"), NULL },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Import the valid rows even when others are invalid"), NULL },
    { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, &on_duplicate,
      N_("What to do with a duplicate: skip (the default), merge (fill the existing record’s empty fields) or import"), N_("ACTION") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Import the column COLUMN (its name or number) into FIELD; an empty FIELD leaves it out"), N_("COLUMN=FIELD") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_option,
      N_("Use the database FILE"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help,
      N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (args != NULL && args[0] != NULL, SEC_CLI_EXIT_USAGE);
  g_return_val_if_fail (out != NULL && err != NULL, SEC_CLI_EXIT_USAGE);

  argv = g_strdupv (args);
  context = sec_cli_new_option_context (_("organisations|people FILE"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Import organisations or people from a CSV file (as spreadsheet "
                                           "programs write it) or from vCards (as address books export them)."));
  {
    g_autofree char *people = g_strjoinv (", ", (char **) sec_import_targets (SEC_TYPE_PERSON));
    g_autofree char *orgs = g_strjoinv (", ", (char **) sec_import_targets (SEC_TYPE_ORGANISATION));
    g_autofree char *description =
      g_strdup_printf (_("The columns are recognised by their names in English, French or German. "
                         "Fields of people: %s. Fields of organisations: %s. A person’s organisation "
                         "is found by name or acronym, or created; a body named makes the "
                         "organisation a member, with the role as the membership’s notes. "
                         "A row that the record editor would refuse is invalid: then nothing is "
                         "written unless --skip-invalid is given. A backup of the database is made "
                         "before writing.\n"), people, orgs);
    g_option_context_set_description (context, description);
  }

  g_set_prgname (COMMAND);
  ok = g_option_context_parse_strv (context, &argv, &error);
  if (ok && help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_string_append (out, text);
    }
  if (saved_prgname != NULL)
    g_set_prgname (saved_prgname);
  if (!ok)
    return usage_error (err, error->message);
  if (help)
    return SEC_CLI_EXIT_OK;

  if (argv[1] == NULL)
    return usage_error (err, _("Missing what to import (organisations or people)"));
  kind = sec_record_kind_lookup (argv[1]);
  if (kind != SEC_TYPE_ORGANISATION && kind != SEC_TYPE_PERSON)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot import “%s” (organisations or people)"), argv[1]);

      return usage_error (err, message);
    }
  if (argv[2] == NULL)
    return usage_error (err, _("Missing FILE"));
  if (argv[3] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[3]);

      return usage_error (err, message);
    }
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "vcard"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s” (csv or vcard)"), format);

      return usage_error (err, message);
    }
  if (!parse_separator (separator_name, &separator))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown separator “%s” (comma, semicolon or tab)"), separator_name);

      return usage_error (err, message);
    }
  if (!parse_action (on_duplicate, &action))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown action “%s” (skip, merge or import)"), on_duplicate);

      return usage_error (err, message);
    }

  /* The file, read and mapped before the database is opened. */
  file_display = g_filename_display_name (argv[2]);
  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    return sec_cli_failure (err, error->message);
  vcard = format != NULL ? g_str_equal (format, "vcard") : sec_import_is_vcard (contents, length);
  if (vcard && kind != SEC_TYPE_PERSON)
    return usage_error (err, _("vCards hold people: import them as people"));
  if (vcard && (encoding != NULL || separator != 0))
    return usage_error (err, _("--encoding and --separator are for CSV files"));
  table = vcard ? sec_import_read_vcard (contents, length, &error)
                : sec_import_read_csv (contents, length, encoding, separator, &error);
  if (table == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", file_display, error->message);

      return sec_cli_failure (err, message);
    }

  path = database_option ? sec_cli_database_location (database_option)
                         : database ? g_strdup (database) : sec_store_default_path ();
  store = sec_cli_open_store (err, path, dry_run ? SEC_CLI_OPEN_READ : SEC_CLI_OPEN_CREATE);
  if (store == NULL)
    return SEC_CLI_EXIT_FAILURE;

  import = sec_import_new (store, kind, g_steal_pointer (&table));
  for (guint i = 0; maps != NULL && maps[i]; i++)
    if (!sec_import_parse_mapping (import, maps[i], &error))
      return usage_error (err, error->message);
  if (!sec_import_check (import, NULL, &error))
    return sec_cli_failure (err, error->message);
  sec_import_set_duplicate_action (import, action);
  print_rows (import, file_display, err);

  sec_import_get_summary (import, &summary);
  if (summary.invalid > 0 && !skip_invalid)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("%u row is invalid: nothing was imported (--skip-invalid imports the others)",
                                   "%u rows are invalid: nothing was imported (--skip-invalid imports the others)",
                                   summary.invalid), summary.invalid);

      return sec_cli_failure (err, message);
    }
  if (dry_run)
    {
      print_summary (out, &summary);
      g_string_append (out, _("Dry run: nothing was written.\n"));
      return SEC_CLI_EXIT_OK;
    }
  {
    g_autofree gboolean *was_invalid = g_new0 (gboolean, sec_import_get_n_results (import) + 1);

    for (guint i = 0; i < sec_import_get_n_results (import); i++)
      was_invalid[i] = sec_import_get_result (import, i)->status == SEC_IMPORT_ROW_INVALID;
    if (!sec_import_apply (import, skip_invalid, &summary, NULL, NULL, NULL, NULL, &error))
      return sec_cli_failure (err, error->message);
    /* Rows the database refused while writing (a name taken, imported
     * anyway), which --skip-invalid left out. */
    for (guint i = 0; i < sec_import_get_n_results (import); i++)
      {
        const SecImportResult *r = sec_import_get_result (import, i);

        if (r->status == SEC_IMPORT_ROW_INVALID && !was_invalid[i])
          print_problem (err, file_display, r->line, r->problem);
      }
  }
  print_summary (out, &summary);
  return SEC_CLI_EXIT_OK;
}
