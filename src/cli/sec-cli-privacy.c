/* sec-cli-privacy.c: `secretariat privacy` and `secretariat history`
 *
 * The rights of the people in the database from the command line: their
 * data as a PDF or JSON file (access), erasure, the retention review and
 * the record of processing; and the audit history of any record, the
 * deleted records and bringing one back. One
 * option parser for the four privacy actions, as `export` has one for its
 * kinds.
 */
#define G_LOG_DOMAIN "sec-cli-privacy"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli/sec-cli-common.h"
#include "cli/sec-cli-privacy.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-privacy-documents.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store-privacy.h"

#define PRIVACY "secretariat privacy"
#define HISTORY "secretariat history"

static const char *const actions[] = { "export", "erase", "review", "record", NULL };

/* Helpers */

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  g_autofree char *clean = sec_cli_sanitize (value ? value : "", FALSE);

  g_string_append (out, clean);
  g_string_append_c (out, last ? '\n' : '\t');
}

/* Parses @args with @entries; returns -1 to go on, else the exit status
 * (after --help, or a usage error). */
static int
parse (const char          *program,
       const char          *parameters,
       const char          *summary,
       const GOptionEntry  *entries,
       GStrv               *args,
       char               **database_option,
       gboolean            *help,
       GString             *out,
       GString             *err)
{
  g_autoptr(GOptionContext) context = sec_cli_new_option_context (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_get_prgname ());
  gboolean ok;
  /* Every command takes these. */
  const GOptionEntry common[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, database_option,
      N_("Use the database FILE"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_set_prgname (program);
  ok = g_option_context_parse_strv (context, args, &error);
  if (ok && *help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
      g_string_append (out, text);
    }
  if (saved != NULL)
    g_set_prgname (saved);
  if (!ok)
    return sec_cli_usage_error (err, program, error->message);
  return *help ? SEC_CLI_EXIT_OK : -1;
}

static int
write_bytes (const char  *output,
             const void  *data,
             gsize        length,
             const char  *label,
             GString     *out,
             GString     *err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (output);
  g_autofree char *clean = sec_cli_sanitize (display, FALSE);

  /* Everything about a person is personal: 0600. */
  if (!sec_export_write_file (output, data, length, SEC_FILE_PERSONAL, &error))
    return sec_cli_failure (err, error->message);
  /* TRANSLATORS: "Record of processing written to “record.pdf”" */
  g_string_append_printf (out, _("%s written to “%s”"), label, clean);
  g_string_append_c (out, '\n');
  return SEC_CLI_EXIT_OK;
}

static int
write_document (SecDocument *doc,
                const char  *output,
                const char  *label,
                GString     *out,
                GString     *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sec_document_to_pdf (doc, sec_paper_get_default (), &error);
  gsize length;
  const void *data;

  if (bytes == NULL)
    return sec_cli_failure (err, error->message);
  data = g_bytes_get_data (bytes, &length);
  return write_bytes (output, data, length, label, out, err);
}

/* The database of --database after the command, else the global one,
 * else the default. */
static SecStore *
open_store (const char  *database,
            const char  *database_option,
            SecCliOpen   mode,
            GString     *err)
{
  g_autofree char *path = database_option ? sec_cli_database_location (database_option)
                                          : database ? g_strdup (database) : sec_store_default_path ();

  return sec_cli_open_store (err, path, mode);
}

/* privacy */

int
sec_cli_privacy (const char  *database,
                 GStrv        args,
                 GString     *out,
                 GString     *err)
{
  g_auto(GStrv) argv = g_strdupv (args);
  g_autofree char *database_option = NULL;
  g_autofree char *output = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person = 0;
  int years = 0, status;
  gboolean help = FALSE, is_json = FALSE;
  const char *action;
  const GOptionEntry entries[] = {
    { "person", 'p', 0, G_OPTION_ARG_INT64, &person,
      N_("The person (their id, as `secretariat list people` prints it)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (.pdf, or .json for the access export)"), N_("FILE") },
    { "years", 0, 0, G_OPTION_ARG_INT, &years,
      N_("The retention period in years (by default the database’s setting)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (args != NULL && args[0] != NULL, SEC_CLI_EXIT_USAGE);

  if ((status = parse (PRIVACY, _("ACTION"),
                       _("ACTION is one of:\n"
                         "  export   everything held about a person, as PDF or JSON (--person, --output)\n"
                         "  erase    erase a person’s personal data (--person)\n"
                         "  review   the people past the retention period (--years), one per line\n"
                         "  record   the record of processing as PDF (--output)"),
                       entries, &argv, &database_option, &help, out, err)) >= 0)
    return status;

  action = argv[1];
  if (action == NULL || !g_strv_contains (actions, action))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) actions);
      g_autofree char *message = action == NULL
        ? g_strdup_printf (_("Missing ACTION (one of %s)"), list)
        : g_strdup_printf (_("Unknown action “%s” (one of %s)"), action, list);
      return sec_cli_usage_error (err, PRIVACY, message);
    }
  if (argv[2] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[2]);
      return sec_cli_usage_error (err, PRIVACY, message);
    }
  if ((g_str_equal (action, "export") || g_str_equal (action, "erase")) && person <= 0)
    return sec_cli_usage_error (err, PRIVACY, _("Missing --person ID"));
  if (g_str_equal (action, "export") || g_str_equal (action, "record"))
    {
      if (output == NULL)
        return sec_cli_usage_error (err, PRIVACY, _("Missing --output FILE"));
      is_json = g_str_has_suffix (output, ".json");
      if (!g_str_has_suffix (output, ".pdf") && !(is_json && g_str_equal (action, "export")))
        return sec_cli_usage_error (err, PRIVACY,
                                    g_str_equal (action, "export")
                                    ? _("The output file must end in .pdf or .json")
                                    : _("The output file must end in .pdf"));
      if (!sec_export_check_path (output, &error))
        return sec_cli_failure (err, error->message);
    }
  if (years < 0)
    return sec_cli_usage_error (err, PRIVACY, _("--years must be a positive number"));

  store = open_store (database, database_option,
                      g_str_equal (action, "erase") ? SEC_CLI_OPEN_WRITE : SEC_CLI_OPEN_READ, err);
  if (store == NULL)
    return SEC_CLI_EXIT_FAILURE;

  if (g_str_equal (action, "erase"))
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, person);

      if (!sec_store_erase_person (store, person, &error))
        return sec_cli_failure (err, error->message);
      g_string_append_printf (out, _("The personal data of person %s were erased"), id_text);
      g_string_append_c (out, '\n');
      return SEC_CLI_EXIT_OK;
    }
  if (g_str_equal (action, "review"))
    {
      g_autoptr(GPtrArray) past = sec_store_list_past_retention (store, years, NULL, &error);

      if (past == NULL)
        return sec_cli_failure (err, error->message);
      for (guint i = 0; i < past->len; i++)
        {
          SecRetentionEntry *e = g_ptr_array_index (past, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, e->id);
          g_autofree char *n = g_strdup_printf ("%d", e->n_participations);

          append_field (out, id, FALSE);
          append_field (out, e->name, FALSE);
          append_field (out, e->email, FALSE);
          append_field (out, e->last_activity, FALSE);
          append_field (out, n, TRUE);
        }
      return SEC_CLI_EXIT_OK;
    }
  if (g_str_equal (action, "record"))
    {
      g_autoptr(SecDocument) doc = sec_privacy_record_document (store, &error);

      if (doc == NULL)
        return sec_cli_failure (err, error->message);
      return write_document (doc, output, _("Record of processing"), out, err);
    }

  /* export */
  if (is_json)
    {
      g_autofree char *json = sec_store_dup_person_json (store, person, &error);

      if (json == NULL)
        return sec_cli_failure (err, error->message);
      return write_bytes (output, json, strlen (json), _("Personal data"), out, err);
    }
  {
    g_autoptr(SecDocument) doc = sec_privacy_access_document (store, person, &error);

    if (doc == NULL)
      return sec_cli_failure (err, error->message);
    return write_document (doc, output, _("Personal data"), out, err);
  }
}

/* history */

/* `history deleted [KIND]`: what `history restore` can bring back. */
static int
list_deleted (const char  *database,
              const char  *database_option,
              GStrv        args,
              GString     *out,
              GString     *err)
{
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  GType kind = 0;

  if (args[0] != NULL && (kind = sec_record_kind_lookup (args[0])) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown kind “%s”"), args[0]);
      return sec_cli_usage_error (err, HISTORY, message);
    }
  if (args[0] != NULL && args[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), args[1]);
      return sec_cli_usage_error (err, HISTORY, message);
    }
  if ((store = open_store (database, database_option, SEC_CLI_OPEN_READ, err)) == NULL)
    return SEC_CLI_EXIT_FAILURE;
  if ((deleted = sec_store_list_deleted (store, kind, 0, &error)) == NULL)
    return sec_cli_failure (err, error->message);
  for (guint i = 0; i < deleted->len; i++)
    {
      SecDeletedRecord *d = g_ptr_array_index (deleted, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->record_id);

      append_field (out, d->at, FALSE);
      append_field (out, d->user, FALSE);
      append_field (out, sec_kind_from_type (d->kind)->name, FALSE);
      append_field (out, id, FALSE);
      append_field (out, d->title, TRUE);
    }
  return SEC_CLI_EXIT_OK;
}

int
sec_cli_history (const char  *database,
                 GStrv        args,
                 GString     *out,
                 GString     *err)
{
  g_auto(GStrv) argv = g_strdupv (args);
  g_autofree char *database_option = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help = FALSE, restore;
  gint64 id = 0;
  GType kind;
  GStrv argv_kind;
  int status;

  g_return_val_if_fail (args != NULL && args[0] != NULL, SEC_CLI_EXIT_USAGE);

  if ((status = parse (HISTORY, _("KIND ID | deleted [KIND] | restore KIND ID"),
                       _("KIND ID: print every change of one record, oldest first: when, who, what "
                         "(insert, update, delete, erased), the field, the old and the new value, "
                         "separated by tabs.\n"
                         "deleted: the deleted records that can be brought back, newest first: when, "
                         "who, the kind, the number and the name.\n"
                         "restore: bring a deleted record back, with the records deleted with it."),
                       NULL, &argv, &database_option, &help, out, err)) >= 0)
    return status;
  if (g_strcmp0 (argv[1], "deleted") == 0)
    return list_deleted (database, database_option, argv + 2, out, err);
  restore = g_strcmp0 (argv[1], "restore") == 0;
  if (restore)
    argv_kind = argv + 2;
  else
    argv_kind = argv + 1;
  if (argv_kind[0] == NULL || argv_kind[1] == NULL)
    return sec_cli_usage_error (err, HISTORY, _("Missing KIND and ID"));
  if ((kind = sec_record_kind_lookup (argv_kind[0])) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown kind “%s”"), argv_kind[0]);
      return sec_cli_usage_error (err, HISTORY, message);
    }
  if (!g_ascii_string_to_signed (argv_kind[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a record number"), argv_kind[1]);
      return sec_cli_usage_error (err, HISTORY, message);
    }
  if (argv_kind[2] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv_kind[2]);
      return sec_cli_usage_error (err, HISTORY, message);
    }

  if (restore)
    {
      g_autoptr(SecRecord) record = NULL;
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;

      if ((store = open_store (database, database_option, SEC_CLI_OPEN_WRITE, err)) == NULL)
        return SEC_CLI_EXIT_FAILURE;
      if (!sec_store_restore_deleted (store, kind, id, &error) ||
          !(record = sec_store_get (store, kind, id, &error)))
        return sec_cli_failure (err, error->message);
      name = sec_record_dup_title (record);
      title = sec_cli_sanitize (name, FALSE);
      /* Translators: "Person 12 “Anna Müller” brought back" */
      g_string_append_printf (out, _("%s %s “%s” brought back"),
                              _(sec_kind_from_type (kind)->label), argv_kind[1], title);
      g_string_append_c (out, '\n');
      return SEC_CLI_EXIT_OK;
    }
  if ((store = open_store (database, database_option, SEC_CLI_OPEN_READ, err)) == NULL)
    return SEC_CLI_EXIT_FAILURE;
  if ((entries = sec_store_list_history (store, kind, id, &error)) == NULL)
    return sec_cli_failure (err, error->message);
  if (entries->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The history holds nothing about %s %s"),
                                                  argv[1], argv[2]);
      return sec_cli_failure (err, message);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      SecHistoryEntry *e = g_ptr_array_index (entries, i);

      append_field (out, e->at, FALSE);
      append_field (out, e->user, FALSE);
      append_field (out, e->action, FALSE);
      append_field (out, e->field, FALSE);
      append_field (out, e->old_value, FALSE);
      append_field (out, e->new_value, TRUE);
    }
  return SEC_CLI_EXIT_OK;
}
