/* sec-cli-export.c: `secretariat export`
 *
 * A meeting's documents (sec-meeting-documents.h), and those of a call for
 * expression of interest (sec-call-documents.h) or a joint statement
 * (sec-statement-documents.h): one option parser, then the kind decides
 * which record the command needs (--meeting, --call or --statement). */
#define G_LOG_DOMAIN "sec-cli-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/documents/sec-action-point-documents.h"
#include "core/documents/sec-call-documents.h"
#include "cli/sec-cli-common.h"
#include "cli/sec-cli-emails.h"
#include "cli/sec-cli-export.h"
#include "cli/sec-cli-funding.h"
#include "core/documents/sec-document-locale.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/documents/sec-statement-documents.h"
#include "core/store/sec-store.h"

#define COMMAND "secretariat export"

/* --output -: the file goes to standard output. */
#define STDOUT_NAME "-"

/* The documents of a call or a statement, after the meeting's. */
typedef enum {
  RECORD_EXPORT_APPLICATIONS,
  RECORD_EXPORT_SELECTION_REPORT,
  RECORD_EXPORT_STATEMENT,
  RECORD_EXPORT_MONITORING,
} RecordExport;

static const struct {
  const char *name;
  gboolean    statement; /* --statement ID, else --call ID */
  gboolean    csv;       /* --format csv is offered */
  const char *label;     /* "%s written to “%s”" */
} record_exports[] = {
  [RECORD_EXPORT_APPLICATIONS] = { "applications", FALSE, TRUE, N_("List of applications") },
  [RECORD_EXPORT_SELECTION_REPORT] = { "selection-report", FALSE, FALSE, N_("Selection report") },
  [RECORD_EXPORT_STATEMENT] = { "statement", TRUE, FALSE, N_("Joint statement") },
  [RECORD_EXPORT_MONITORING] = { "monitoring", TRUE, TRUE, N_("Monitoring report") },
};

/* The action points of every meeting: no record to name. */
#define ACTION_POINTS "action-points"

/* What the command line asked for, besides the meeting's options. */
typedef struct {
  gint64      call_id;
  gint64      statement_id;
  const char *format;      /* "pdf", "csv" or NULL */
  int         year;        /* 0: each cell's latest follow-up */
  const char *language;
  SecPaper    paper;
  const char *output;
} RecordOptions;

/* Static helpers */

static int
usage_error (GString    *err,
             const char *message)
{
  return sec_cli_usage_error (err, COMMAND, message);
}

static int
failure (GString    *err,
         const char *message)
{
  return sec_cli_failure (err, message);
}

/* Writes @bytes to @output, or to standard output for "-" (the file alone,
 * without the message), and says so. */
static int
write_output (const char *output,
              GBytes     *bytes,
              gboolean    personal,
              const char *label,
              GString    *out,
              GString    *err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *clean = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_str_equal (output, STDOUT_NAME))
    {
      g_string_append_len (out, data, (gssize) length);
      return SEC_CLI_EXIT_OK;
    }
  if (!sec_export_write_file (output, data, length, personal ? SEC_FILE_PERSONAL : SEC_FILE_PUBLIC, &error))
    return failure (err, error->message);

  display = g_filename_display_name (output);
  clean = sec_cli_sanitize (display, FALSE);
  /* TRANSLATORS: "Agenda written to “agenda.pdf”" */
  g_string_append_printf (out, _("%s written to “%s”"), label, clean);
  g_string_append_c (out, '\n');
  return SEC_CLI_EXIT_OK;
}

static gboolean
record_export_from_string (const char   *name,
                           RecordExport *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_exports); i++)
    if (g_str_equal (name, record_exports[i].name))
      {
        *kind = (RecordExport) i;
        return TRUE;
      }
  return FALSE;
}

static char *
dup_kinds (void)
{
  g_autoptr(GString) kinds = g_string_new (NULL);

  for (int k = SEC_MEETING_EXPORT_AGENDA; k <= SEC_MEETING_EXPORT_LAST; k++)
    g_string_append_printf (kinds, "%s%s", kinds->len ? ", " : "", sec_meeting_export_to_string (k));
  for (guint i = 0; i < G_N_ELEMENTS (record_exports); i++)
    g_string_append_printf (kinds, ", %s", record_exports[i].name);
  g_string_append (kinds, ", " ACTION_POINTS);
  g_string_append (kinds, ", invitation-emails");
  g_string_append_printf (kinds, ", %s", sec_cli_funding_kinds ());
  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

static char *
dup_description (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *kinds = dup_kinds ();
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *languages = g_strjoinv (", ", (char **) sec_document_languages ());
  const SecParticipantColumnInfo *info;
  guint n;

  info = sec_participant_columns_list (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (columns, "%s%s", i ? ", " : "", info[i].nick);

  g_string_append_printf (text, _("KIND is one of %s."), kinds);
  g_string_append (text, "\n\n");
  g_string_append (text, _("agenda, agenda-internal, participants, attendance and pack write PDF "
                           "files: the agenda, the agenda for the secretariat (with its notes and "
                           "the participants’ needs), the list of participants, the attendance "
                           "sheet to sign, and all of them in one file. participants-csv writes "
                           "the list of participants as a CSV file (UTF-8), ical the meeting as "
                           "an iCalendar file."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("badges writes name badges of 90 × 55 mm (ten to an A4 sheet, eight to "
                           "Letter) with crop marks; table-cards writes a folded table card per "
                           "participant (the paper landscape, the name readable from both sides). "
                           "Both show the name, the organisation, and the role or country, in the "
                           "order of the list (--group-by, --country-order)."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("applications writes the list of a call’s applications (--call ID) as "
                           "a PDF file, or as a CSV file with --format csv; selection-report the "
                           "call’s selection report (PDF). statement writes a joint statement "
                           "(--statement ID) with its signatories (PDF); monitoring the monitoring "
                           "report of its commitments (PDF, or CSV with --format csv), for one year "
                           "with --year, by default with each commitment’s latest follow-up."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("minutes and minutes-internal write a meeting’s minutes (PDF): those "
                           "present, then for each agenda item the summary, the decisions and the "
                           "action points; the internal minutes add the e-mail addresses of those "
                           "present, the notes and status of the action points, and the open action "
                           "points of earlier meetings of the same bodies. action-points writes the "
                           "action points of every meeting by due date (--open: the open ones only), "
                           "as PDF, or as CSV when the output file ends in .csv or with --format csv."));
  g_string_append (text, _("portfolio writes the portfolio report of the funded projects (PDF, or "
                           "CSV with --format csv or an --output ending in .csv), of one programme "
                           "with --programme (its id, short name or name) and one theme with "
                           "--theme; funding-call-ical writes the deadline of a call for proposals "
                           "(--call ID, as `secretariat list funding-calls` prints it) as an "
                           "iCalendar file in the call’s time zone."));
  g_string_append (text, "\n\n");
  g_string_append_printf (text, _("Columns of a list (--columns, separated by commas): %s. "
                                  "--public leaves out the email, phone and needs, whatever the "
                                  "columns."), columns->str);
  g_string_append (text, "\n\n");
  g_string_append_printf (text, _("Languages (--language): %s; by default the user’s."), languages);
  g_string_append (text, "\n\n");
  g_string_append (text, _("Nothing is written unless the whole file could be: the file is made "
                           "under another name and renamed when complete. Exit status: 0 on "
                           "success, 1 when the meeting, call or statement does not exist or the "
                           "file could not be "
                           "written, 2 for a wrong option or argument."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("--output - writes the file to standard output. An export replaces only "
                           "a regular file: a folder, a device, a pipe or a socket is refused, and a "
                           "symbolic link is written through. A document with contact data or needs "
                           "(agenda-internal, participants, pack, participants-csv, applications; "
                           "not with --public) is made readable by its owner only (mode 0600); a "
                           "file that is replaced keeps its mode."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Reads the call or the statement, then makes its document and writes it:
 * an unknown id stops here, before any file is made. */
static int
run_record_export (SecStore            *store,
                   RecordExport         kind,
                   const RecordOptions *options,
                   GString             *out,
                   GString             *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) record = NULL;
  g_autoptr(SecDocument) document = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean statement = record_exports[kind].statement;
  gboolean as_csv = g_strcmp0 (options->format, "csv") == 0;
  gint64 id = statement ? options->statement_id : options->call_id;

  record = sec_store_get (store, statement ? SEC_TYPE_STATEMENT : SEC_TYPE_CALL, id, &error);
  if (record == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *message = NULL;

      if (!g_error_matches (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
        return failure (err, error->message);
      message = statement ? g_strdup_printf (_("No joint statement with the id %s"), number)
                          : g_strdup_printf (_("No call with the id %s"), number);
      return failure (err, message);
    }

  switch (kind)
    {
    case RECORD_EXPORT_APPLICATIONS:
      if (as_csv)
        csv = sec_call_csv_applications (store, SEC_CALL (record), options->language, &error);
      else
        document = sec_call_document_applications (store, SEC_CALL (record), options->language, &error);
      break;
    case RECORD_EXPORT_SELECTION_REPORT:
      document = sec_call_document_selection_report (store, SEC_CALL (record), options->language, &error);
      break;
    case RECORD_EXPORT_STATEMENT:
      document = sec_statement_document (store, SEC_STATEMENT (record), options->language, &error);
      break;
    case RECORD_EXPORT_MONITORING:
      if (as_csv)
        csv = sec_statement_csv_monitoring (store, SEC_STATEMENT (record), options->year,
                                            options->language, &error);
      else
        document = sec_statement_document_monitoring (store, SEC_STATEMENT (record), options->year,
                                                      options->language, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (document == NULL && csv == NULL)
    return failure (err, error->message);

  if (document != NULL)
    bytes = sec_document_to_pdf (document, options->paper, &error);
  else
    {
      gsize length = strlen (csv);

      bytes = g_bytes_new_take (g_steal_pointer (&csv), length);
    }
  if (bytes == NULL)
    return failure (err, error->message);
  return write_output (options->output, bytes, sec_export_kind_is_personal (record_exports[kind].name),
                       _(record_exports[kind].label), out, err);
}

/* The action points of every meeting, as PDF or CSV. */
static int
run_action_points_export (SecStore            *store,
                          gboolean             open_only,
                          const RecordOptions *options,
                          GString             *out,
                          GString             *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (g_strcmp0 (options->format, "csv") == 0)
    {
      char *csv = sec_action_points_csv (store, open_only, options->language, &error);

      if (csv != NULL)
        bytes = g_bytes_new_take (csv, strlen (csv));
    }
  else
    {
      g_autoptr(SecDocument) document = sec_action_points_document (store, open_only, options->language,
                                                                    NULL, &error);

      if (document != NULL)
        bytes = sec_document_to_pdf (document, options->paper, &error);
    }
  if (bytes == NULL)
    return failure (err, error->message);
  return write_output (options->output, bytes, sec_export_kind_is_personal (ACTION_POINTS),
                       open_only ? _("Open action points") : _("Action points"), out, err);
}

/* An option that belongs to other documents: a usage error, before anything
 * is opened. */
static int
not_for_kind (GString    *err,
              const char *option,
              const char *kind)
{
  /* TRANSLATORS: "--meeting does not apply to “applications”" */
  g_autofree char *message = g_strdup_printf (_("%s does not apply to “%s”"), option, kind);

  return usage_error (err, message);
}

/* Whether @format (nullable: the default) is "pdf" or "csv". */
static gboolean
is_pdf_or_csv (const char *format)
{
  return format == NULL || g_ascii_strcasecmp (format, "pdf") == 0 || g_ascii_strcasecmp (format, "csv") == 0;
}

static int
unknown_format (GString    *err,
                const char *format)
{
  g_autofree char *message = g_strdup_printf (_("Unknown format “%s” (pdf or csv)"), format);

  return usage_error (err, message);
}

/* Public API */

int
sec_cli_export (const char  *database,
                GStrv        args,
                GString     *out,
                GString     *err)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecMeetingData) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *database_option = NULL;
  g_autofree char *output = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *country_order = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *language = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved_prgname = g_strdup (g_get_prgname ());
  g_autofree char *format = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *theme = NULL;
  gint64 meeting_id = 0, call_id = 0, statement_id = 0;
  int year = G_MININT;
  gboolean public_variant = FALSE, help = FALSE, ok, for_record, for_points, for_funding, open_only = FALSE;
  SecMeetingDocumentOptions options = { 0 };
  SecMeetingExport kind = SEC_MEETING_EXPORT_AGENDA;
  RecordExport record_kind = RECORD_EXPORT_APPLICATIONS;
  SecPaper paper = sec_paper_get_default ();
  const GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id,
      N_("The meeting (its id, as `secretariat list meetings` prints it)"), N_("ID") },
    { "call", 0, 0, G_OPTION_ARG_INT64, &call_id,
      N_("The call for expression of interest (its id, as `secretariat list calls` prints it)"), N_("ID") },
    { "statement", 0, 0, G_OPTION_ARG_INT64, &statement_id,
      N_("The joint statement (its id, as `secretariat list statements` prints it)"), N_("ID") },
    { "programme", 0, 0, G_OPTION_ARG_STRING, &programme,
      N_("The programme of a portfolio (its id, short name or name)"), N_("PROGRAMME") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_("The theme of the projects of a portfolio"), N_("THEME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The format of a list of applications or a monitoring report: pdf or csv"), N_("FORMAT") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("The year of a monitoring report (by default each commitment’s latest follow-up)"), N_("YEAR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("The paper of a PDF file: a4 or letter (by default the locale’s)"), N_("PAPER") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the document: en, fr or de (by default the user’s)"), N_("LANGUAGE") },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &group_by,
      N_("Group the participants by none, country, organisation or body"), N_("GROUPING") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &columns,
      N_("The columns of the list of participants"), N_("LIST") },
    { "country-order", 0, 0, G_OPTION_ARG_STRING, &country_order,
      N_("Countries in alphabetical order or in the EU’s protocol order"), N_("ORDER") },
    { "public", 0, 0, G_OPTION_ARG_NONE, &public_variant,
      N_("The public variant: no contact data, no needs, no internal agenda"), NULL },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only,
      N_("Only the open action points"), NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_option,
      N_("Use the database FILE"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help,
      N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (args != NULL && args[0] != NULL, SEC_CLI_EXIT_USAGE);
  g_return_val_if_fail (out != NULL && err != NULL, SEC_CLI_EXIT_USAGE);

  /* E-mail drafts take options of their own (sec-cli-emails.h). */
  if (g_strv_contains ((const char *const *) args + 1, "invitation-emails"))
    return sec_cli_export_emails (database, args, out, err);

  argv = g_strdupv (args);
  context = sec_cli_new_option_context (_("KIND"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write a meeting’s agenda, list of participants, "
                                           "attendance sheet or meeting pack as PDF, the list as "
                                           "CSV, or the meeting as an iCalendar file; a call’s list "
                                           "of applications or selection report; a joint statement "
                                           "or its monitoring report."));
  {
    g_autofree char *description = dup_description ();

    g_option_context_set_description (context, description);
  }

  /* The usage line says "secretariat export", as the other commands do. */
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

  /* The command line, checked before anything is opened. */
  if (argv[1] == NULL)
    {
      g_autofree char *kinds = dup_kinds ();
      g_autofree char *message = g_strdup_printf (_("Missing KIND (one of %s)"), kinds);

      return usage_error (err, message);
    }
  for_record = record_export_from_string (argv[1], &record_kind);
  for_points = g_str_equal (argv[1], ACTION_POINTS);
  for_funding = sec_cli_funding_is_kind (argv[1]);
  if (!for_record && !for_points && !for_funding && !sec_meeting_export_from_string (argv[1], &kind))
    {
      g_autofree char *kinds = dup_kinds ();
      g_autofree char *message = g_strdup_printf (_("Unknown kind “%s” (one of %s)"), argv[1], kinds);

      return usage_error (err, message);
    }
  if (argv[2] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argv[2]);

      return usage_error (err, message);
    }
  if (!for_funding && programme != NULL)
    return not_for_kind (err, "--programme", argv[1]);
  if (!for_funding && theme != NULL)
    return not_for_kind (err, "--theme", argv[1]);
  if (open_only && !for_points)
    return not_for_kind (err, "--open", argv[1]);
  if (for_points)
    {
      const char *const given[] = { meeting_id ? "--meeting" : NULL, call_id ? "--call" : NULL,
                              statement_id ? "--statement" : NULL, group_by ? "--group-by" : NULL,
                              columns ? "--columns" : NULL, country_order ? "--country-order" : NULL,
                              public_variant ? "--public" : NULL, year != G_MININT ? "--year" : NULL };

      for (guint i = 0; i < G_N_ELEMENTS (given); i++)
        if (given[i] != NULL)
          return not_for_kind (err, given[i], argv[1]);
      g_autofree char *lower_output = output ? g_ascii_strdown (output, -1) : NULL;

      /* The format: --format, else the file's extension, else PDF. */
      if (format == NULL && lower_output != NULL && g_str_has_suffix (lower_output, ".csv"))
        format = g_strdup ("csv");
      if (!is_pdf_or_csv (format))
        return unknown_format (err, format);
      if (format != NULL)
        {
          char *lower = g_ascii_strdown (format, -1);

          g_free (format);
          format = lower;
        }
    }
  else if (for_funding)
    {
      gboolean ical = g_str_equal (argv[1], "funding-call-ical");

      if (meeting_id != 0)
        return not_for_kind (err, "--meeting", argv[1]);
      if (statement_id != 0)
        return not_for_kind (err, "--statement", argv[1]);
      if (group_by != NULL || columns != NULL || country_order != NULL || public_variant || year != G_MININT)
        return not_for_kind (err, group_by ? "--group-by" : columns ? "--columns" : country_order ? "--country-order"
                                  : public_variant ? "--public" : "--year", argv[1]);
      if (ical && (programme != NULL || theme != NULL || format != NULL))
        return not_for_kind (err, programme ? "--programme" : theme ? "--theme" : "--format", argv[1]);
      if (!ical && call_id != 0)
        return not_for_kind (err, "--call", argv[1]);
      if (ical && call_id <= 0)
        return usage_error (err, _("Missing --call ID"));
      if (!is_pdf_or_csv (format))
        return unknown_format (err, format);
    }
  else if (for_record)
    {
      /* Each kind takes its record, and only the options that mean
       * something to it. */
      gboolean statement = record_exports[record_kind].statement;

      if (meeting_id != 0)
        return not_for_kind (err, "--meeting", argv[1]);
      if (statement && call_id != 0)
        return not_for_kind (err, "--call", argv[1]);
      if (!statement && statement_id != 0)
        return not_for_kind (err, "--statement", argv[1]);
      if (group_by != NULL)
        return not_for_kind (err, "--group-by", argv[1]);
      if (columns != NULL)
        return not_for_kind (err, "--columns", argv[1]);
      if (country_order != NULL)
        return not_for_kind (err, "--country-order", argv[1]);
      if (public_variant)
        return not_for_kind (err, "--public", argv[1]);
      if (year != G_MININT && record_kind != RECORD_EXPORT_MONITORING)
        return not_for_kind (err, "--year", argv[1]);
      if ((statement ? statement_id : call_id) <= 0)
        return usage_error (err, statement ? _("Missing --statement ID") : _("Missing --call ID"));
      if (format != NULL && g_ascii_strcasecmp (format, "pdf") != 0 &&
          (g_ascii_strcasecmp (format, "csv") != 0 || !record_exports[record_kind].csv))
        {
          g_autofree char *message =
            record_exports[record_kind].csv
            ? g_strdup_printf (_("Unknown format “%s” (pdf or csv)"), format)
            /* TRANSLATORS: "“selection-report” is written as PDF only" */
            : g_strdup_printf (_("“%s” is written as PDF only"), argv[1]);

          return usage_error (err, message);
        }
      if (format != NULL)
        {
          /* "CSV" as well as "csv". */
          char *lower = g_ascii_strdown (format, -1);

          g_free (format);
          format = lower;
        }
      if (year != G_MININT && (year < 1900 || year > 2200))
        {
          g_autofree char *message = g_strdup_printf (_("Year %d is out of range (1900 to 2200)"), year);

          return usage_error (err, message);
        }
    }
  else
    {
      if (call_id != 0)
        return not_for_kind (err, "--call", argv[1]);
      if (statement_id != 0)
        return not_for_kind (err, "--statement", argv[1]);
      if (format != NULL)
        return not_for_kind (err, "--format", argv[1]);
      if (year != G_MININT)
        return not_for_kind (err, "--year", argv[1]);
      if (meeting_id <= 0)
        return usage_error (err, _("Missing --meeting ID"));
    }
  if (output == NULL || *output == '\0')
    return usage_error (err, _("Missing --output FILE"));
  /* A folder, a device, a pipe or a socket: refused before any work, and
   * nothing is written to it. */
  if (!g_str_equal (output, STDOUT_NAME) && !sec_export_check_path (output, &error))
    return failure (err, error->message);
  if (paper_name != NULL && !sec_paper_from_string (paper_name, &paper))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown paper “%s” (a4 or letter)"), paper_name);

      return usage_error (err, message);
    }
  if (language != NULL && sec_document_language_name (language) == NULL)
    {
      g_autofree char *languages = g_strjoinv (", ", (char **) sec_document_languages ());
      g_autofree char *message = g_strdup_printf (_("Unknown language “%s” (one of %s)"), language, languages);

      return usage_error (err, message);
    }
  if (group_by != NULL && !sec_group_by_parse (group_by, &options.group_by))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown grouping “%s” (none, country, organisation or body)"), group_by);

      return usage_error (err, message);
    }
  if (country_order != NULL && !sec_country_order_parse (country_order, &options.country_order))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown order “%s” (alphabetical or protocol)"), country_order);

      return usage_error (err, message);
    }
  if (columns != NULL && !sec_participant_columns_parse (columns, &options.columns, &error))
    return usage_error (err, error->message);
  options.public_variant = public_variant;
  options.language = language;

  /* The database must exist: export never makes an empty one. */
  path = database_option ? sec_cli_database_location (database_option)
                         : database ? g_strdup (database) : sec_store_default_path ();
  if ((store = sec_cli_open_store (err, path, SEC_CLI_OPEN_READ)) == NULL)
    return SEC_CLI_EXIT_FAILURE;

  if (for_funding)
    {
      SecCliFundingOptions funding_options = {
        .call_id = call_id,
        .programme = programme,
        .theme = theme,
        .format = format,
        .language = language,
        .paper = paper,
        .output = output,
      };
      const char *label = NULL;

      bytes = sec_cli_funding_export (store, argv[1], &funding_options, &label, &error);
      if (bytes == NULL)
        return failure (err, error->message);
      return write_output (output, bytes, sec_export_kind_is_personal (argv[1]), label, out, err);
    }
  if (for_record || for_points)
    {
      RecordOptions record_options = {
        .call_id = call_id,
        .statement_id = statement_id,
        .format = format,
        .year = year == G_MININT ? 0 : year,
        .language = language,
        .paper = paper,
        .output = output,
      };

      if (for_points)
        return run_action_points_export (store, open_only, &record_options, out, err);
      return run_record_export (store, record_kind, &record_options, out, err);
    }

  /* Read first: an unknown meeting stops here, before any file is made. */
  if ((data = sec_meeting_data_load (store, meeting_id, &error)) == NULL)
    return failure (err, error->message);
  bytes = sec_meeting_document_export_bytes (data, kind, &options, paper, &error);
  if (bytes == NULL)
    return failure (err, error->message);
  return write_output (output, bytes, sec_meeting_export_is_personal (kind, &options),
                       sec_meeting_export_get_label (kind), out, err);
}
