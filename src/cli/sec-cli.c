/* sec-cli.c: the command line's sub-commands
 *
 * Each command has its own GOptionContext, so that `secretariat list --help`
 * describes `list`. The global options come before the command; --database
 * is also accepted after it. Nothing here touches GTK: the commands run
 * without a display.
 */
#define G_LOG_DOMAIN "sec-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli/sec-cli.h"
#include "cli/sec-cli-copy.h"
#include "cli/sec-cli-export.h"
#include "cli/sec-cli-import.h"
#include "cli/sec-cli-letterhead.h"
#include "cli/sec-cli-privacy.h"
#include "cli/sec-demo.h"
#include "core/base/sec-format.h"
#include "core/store/sec-backups.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

#define PROGRAM "secretariat"

/* Records read from the store at a time by `list`. */
#define LIST_PAGE 5000

typedef struct _Cli Cli;

typedef int (*CommandFunc) (Cli   *cli,
                            GStrv  args);

typedef struct {
  const char  *name;
  const char  *parameters;   /* N_() or NULL: what follows the options in the usage */
  const char  *summary;      /* N_(): its line in `secretariat --help` */
  const char  *description;  /* N_() or NULL: the end of its own --help */
  gboolean     uses_database;
  CommandFunc  run;
} Command;

struct _Cli
{
  GString *out;
  GString *err;
  char    *database;  /* --database, or NULL */
};

/* The kinds `list` prints, in the order its help names them. */
static const char *const list_kinds[] = {
  "organisations", "people", "bodies", "meetings", "calls", "statements",
  "programmes", "funding-calls", "projects", NULL
};

static int run_demo (Cli *cli, GStrv args);
static int run_list (Cli *cli, GStrv args);
static int run_help (Cli *cli, GStrv args);
static int run_export (Cli *cli, GStrv args);
static int run_import (Cli *cli, GStrv args);
static int run_backup (Cli *cli, GStrv args);
static int run_backups (Cli *cli, GStrv args);
static int run_restore (Cli *cli, GStrv args);
static int run_privacy (Cli *cli, GStrv args);
static int run_letterhead (Cli *cli, GStrv args);
static int run_history (Cli *cli, GStrv args);
static int run_copy_database (Cli *cli, GStrv args);

/* A command is one line here and one function. */
static const Command commands[] = {
  { "demo", NULL, N_("Fill an empty database with demo data"),
    N_("Refuses a database that already holds records."),
    TRUE, run_demo },
  { "list", N_("KIND"), N_("Print the records of one kind, one per line"),
    N_("KIND is one of organisations, people, bodies, meetings, calls, "
       "statements, programmes, funding-calls or projects. Each line holds the record’s id, then its main fields, "
       "separated by tabs: references as the name of the record they point "
       "to, dates as YYYY-MM-DD and times as YYYY-MM-DDTHH:MM. Records come "
       "in the order of the application’s lists: names in the order of the "
       "language, meetings by start."),
    TRUE, run_list },
  /* Parses its own options and prints its own help (sec-cli-export.c). */
  { "export", N_("KIND"), N_("Write a document to a file: a meeting’s agenda, lists or calendar event, a call’s applications or selection report, a statement or its monitoring report"),
    NULL,
    TRUE, run_export },
  /* Parses its own options and prints its own help (sec-cli-import.c). */
  { "import", N_("KIND FILE"), N_("Import organisations or people from a CSV or vCard file"),
    NULL,
    TRUE, run_import },
  { "backup", NULL, N_("Copy the database into its backups folder, or into a new file"),
    N_("The copy is checked before it is given its name, and is readable by "
       "you only. Without --output it goes into the folder “backups” beside "
       "the database, where the oldest copies beyond the number kept are "
       "removed."),
    TRUE, run_backup },
  { "backups", NULL, N_("Print the backups of the database, newest first, one per line"),
    N_("Each line holds the date, the reason, the number of records (? for a "
       "copy that cannot be read) and the file, separated by tabs. With --keep, "
       "sets how many backups the database keeps instead."),
    TRUE, run_backups },
  { "restore", N_("FILE"), N_("Replace the database with a backup copy"),
    N_("The database as it was is kept as a backup first; restoring that copy "
       "undoes the restore. A file that is not a Secretariat database, or is "
       "damaged, is refused and nothing changes."),
    TRUE, run_restore },
  /* Parse their own options and print their own help (sec-cli-privacy.c). */
  { "privacy", N_("ACTION"), N_("Personal data: export everything about a person, erase it, review retention, print the record of processing"),
    NULL,
    TRUE, run_privacy },
  { "history", N_("KIND ID | deleted [KIND] | restore KIND ID"),
    N_("Print the history of changes of a record; list the deleted records and bring one back"),
    NULL,
    TRUE, run_history },
  { "letterhead", NULL, N_("Print or set the office’s letterhead: its name, reference and logo on every document"),
    NULL,
    TRUE, run_letterhead },
  /* Parses its own options and prints its own help (sec-cli-copy.c). */
  { "copy-database", N_("FROM TO"), N_("Copy a whole database between a file and a shared database (PostgreSQL)"),
    NULL,
    FALSE, run_copy_database },
  { "help", N_("[COMMAND]"), N_("Show the help of the program or of a command"),
    NULL,
    FALSE, run_help },
};

/* Helpers */

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* "secretariat" or "secretariat list": the name in messages and usage. */
static char *
dup_program_name (const Command *command)
{
  return command ? g_strdup_printf ("%s %s", PROGRAM, command->name) : g_strdup (PROGRAM);
}

static int
usage_error (Cli           *cli,
             const Command *command,
             const char    *message)
{
  g_autofree char *program = dup_program_name (command);

  return sec_cli_usage_error (cli->err, program, message);
}

static int
failure (Cli        *cli,
         const char *message)
{
  return sec_cli_failure (cli->err, message);
}

static GOptionContext *
new_context (const Command *command)
{
  const char *parameters = NULL;

  if (command == NULL)
    parameters = _("[COMMAND [ARGUMENTS…]]");
  else if (command->parameters != NULL)
    parameters = _(command->parameters);
  return sec_cli_new_option_context (parameters);
}

static void
append_commands (GString *text)
{
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));

  g_string_append_printf (text, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-*s  %s\n", width, commands[i].name, _(commands[i].summary));
}

static char *
dup_program_description (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *default_path = sec_store_default_path ();

  append_commands (text);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Without a command, Secretariat opens its window on the database. "
                                  "The database is FILE, or else %s."), default_path);
  g_string_append (text, "\n\n");
  g_string_append (text, _("Exit status: 0 on success, 1 when the command failed, "
                           "2 for an unknown command, option or argument."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Parses the options of @command (or the program's, for NULL) out of
 * *@args, whose first element is the command's name. Returns -1 to go on,
 * else the exit status: after --help, or a usage error. */
static int
parse_options (Cli                *cli,
               const Command      *command,
               const GOptionEntry *entries,
               GStrv              *args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_prgname = g_strdup (g_get_prgname ());
  g_autofree char *program = dup_program_name (command);
  g_autofree char *database = NULL;
  gboolean help = FALSE, version = FALSE;
  gboolean ok;
  const GOptionEntry common[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help,
      N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry database_entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("Use the database FILE"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry program_only[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version of the program"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = new_context (command);
  if (command == NULL || command->uses_database)
    g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (command == NULL)
    {
      g_autofree char *description = dup_program_description ();

      g_option_context_add_main_entries (context, program_only, GETTEXT_PACKAGE);
      /* The command and its options are left for the command. */
      g_option_context_set_strict_posix (context, TRUE);
      g_option_context_set_summary (context, _("Keeps the bodies, members, meetings, calls for "
                                               "expression of interest and joint statements of "
                                               "a secretariat."));
      g_option_context_set_description (context, description);
    }
  else
    {
      g_option_context_set_summary (context, _(command->summary));
      if (command->description != NULL)
        g_option_context_set_description (context, _(command->description));
    }

  /* The usage line names the program, or the program and the command
   * ("Usage: secretariat list [OPTION…] KIND"), as the gio tool does. */
  g_set_prgname (program);
  ok = g_option_context_parse_strv (context, args, &error);
  if (ok && help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
      g_string_append (cli->out, text);
    }
  if (saved_prgname != NULL)
    g_set_prgname (saved_prgname);

  if (!ok)
    return usage_error (cli, command, error->message);
  if (help)
    return SEC_CLI_EXIT_OK;
  if (version)
    {
      g_string_append_printf (cli->out, "%s %s\n", PROGRAM, PACKAGE_VERSION);
      return SEC_CLI_EXIT_OK;
    }
  if (database != NULL)
    {
      g_free (cli->database);
      /* Absolute, because the window may hand it to an instance already
       * running in another folder. */
      cli->database = sec_cli_database_location (database);
    }
  return -1;
}

static char *
dup_database_path (Cli *cli)
{
  return cli->database ? g_strdup (cli->database) : sec_store_default_path ();
}

/* Opens the database, or reports why not (see SecCliOpen). */
static SecStore *
open_store (Cli        *cli,
            SecCliOpen  mode)
{
  g_autofree char *path = dup_database_path (cli);

  return sec_cli_open_store (cli->err, path, mode);
}

static int
check_no_arguments (Cli           *cli,
                    const Command *command,
                    GStrv          args,
                    guint          expected)
{
  if (g_strv_length (args) > expected)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), args[expected]);
      return usage_error (cli, command, message);
    }
  return -1;
}

/* demo */

static int
run_demo (Cli   *cli,
          GStrv  args)
{
  const Command *command = find_command ("demo");
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  const GType *kinds;
  int status;

  if ((status = parse_options (cli, command, NULL, &args)) >= 0 ||
      (status = check_no_arguments (cli, command, args, 1)) >= 0)
    return status;

  if ((store = open_store (cli, SEC_CLI_OPEN_CREATE)) == NULL)
    return SEC_CLI_EXIT_FAILURE;
  if (!sec_demo_fill (store, &error))
    return failure (cli, error->message);

  display = g_filename_display_name (sec_store_get_path (store));
  g_string_append_printf (cli->out, _("Demo data written to “%s”:"), display);
  g_string_append_c (cli->out, '\n');
  kinds = sec_record_kinds ();
  for (guint i = 0; kinds[i]; i++)
    {
      const SecKind *kind = sec_kind_from_type (kinds[i]);
      gint64 n = sec_store_count (store, kinds[i], NULL, NULL);
      g_autofree char *count = sec_format_count (n);

      /* TRANSLATORS: "Organisations: 42" */
      g_autofree char *line = g_strdup_printf (_("%s: %s"), _(kind->plural_label), count);

      g_string_append_printf (cli->out, "  %s\n", line);
    }
  return SEC_CLI_EXIT_OK;
}

/* list */

static GType
lookup_list_kind (const char *name)
{
  GType type = sec_record_kind_lookup (name);

  if (type == 0 || !g_strv_contains (list_kinds, sec_kind_from_type (type)->plural))
    return 0;
  return type;
}

/* Tabs and line breaks inside a value would split the record; other
 * control characters would reach the terminal raw. */
static void
append_value (GString    *line,
              const char *value)
{
  g_autofree char *clean = sec_cli_sanitize (value, FALSE);

  g_string_append (line, clean);
}

/* The title of the record a reference points to: the derived name the
 * store read with the record ("organisation-name"), else the record's own
 * title, looked up once per record. */
static char *
dup_reference_title (SecStore       *store,
                     GHashTable     *titles,
                     SecRecord      *record,
                     const SecField *field)
{
  static const char *const suffixes[] = { "-name", "-title" };
  gint64 id = sec_record_get_ref (record, field->name);
  g_autofree char *key = NULL;
  g_autoptr(SecRecord) target = NULL;
  const char *cached;
  char *title;
  GType type;

  if (id == 0)
    return g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (field->name, suffixes[i], NULL);
      const char *derived = sec_record_get_derived (record, name);

      if (derived != NULL)
        return g_strdup (derived);
    }

  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, field->ref_kind, id);
  if ((cached = g_hash_table_lookup (titles, key)) != NULL)
    return g_strdup (cached);

  type = sec_record_kind_lookup (field->ref_kind);
  if (type != 0)
    target = sec_store_get (store, type, id, NULL);
  title = target ? sec_record_dup_title (target) : g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_hash_table_insert (titles, g_steal_pointer (&key), title);
  return g_strdup (title);
}

static void
append_record_line (GString    *out,
                    SecStore   *store,
                    GHashTable *titles,
                    SecRecord  *record)
{
  const SecKind *kind = sec_record_get_kind (record);

  g_string_append_printf (out, "%" G_GINT64_FORMAT, sec_record_get_id (record));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SecField *field = &kind->fields[i];
      g_autofree char *value = NULL;

      if (!(field->flags & SEC_FIELD_LISTED))
        continue;
      if (field->type == SEC_FIELD_REF)
        value = dup_reference_title (store, titles, record, field);
      else
        value = sec_record_dup_text (record, field->name);
      g_string_append_c (out, '\t');
      append_value (out, value);
    }
  g_string_append_c (out, '\n');
}

static int
run_list (Cli   *cli,
          GStrv  args)
{
  const Command *command = find_command ("list");
  g_autofree char *search = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecQuery) query = NULL;
  g_autoptr(GHashTable) titles = NULL;
  GType type;
  int status;
  const GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only the records with every word of TEXT, ignoring case and accents"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  if ((status = parse_options (cli, command, entries, &args)) >= 0)
    return status;
  if (args[1] == NULL)
    {
      g_autofree char *kinds = g_strjoinv (", ", (char **) list_kinds);
      g_autofree char *message = g_strdup_printf (_("Missing KIND (one of %s)"), kinds);
      return usage_error (cli, command, message);
    }
  if ((type = lookup_list_kind (args[1])) == 0)
    {
      g_autofree char *kinds = g_strjoinv (", ", (char **) list_kinds);
      g_autofree char *message = g_strdup_printf (_("Unknown kind “%s” (one of %s)"), args[1], kinds);
      return usage_error (cli, command, message);
    }
  if ((status = check_no_arguments (cli, command, args, 2)) >= 0)
    return status;

  if ((store = open_store (cli, SEC_CLI_OPEN_READ)) == NULL)
    return SEC_CLI_EXIT_FAILURE;

  query = sec_query_new ();
  if (search != NULL)
    sec_query_set_search (query, search);
  /* As the meetings list shows them: by start, not by title. */
  if (type == SEC_TYPE_MEETING)
    sec_query_set_sort (query, "starts-at", FALSE);

  titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (gint64 offset = 0;; offset += LIST_PAGE)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      sec_query_set_range (query, offset, LIST_PAGE);
      records = sec_store_list (store, type, query, &error);
      if (records == NULL)
        return failure (cli, error->message);
      for (guint i = 0; i < records->len; i++)
        append_record_line (cli->out, store, titles, g_ptr_array_index (records, i));
      if (records->len < LIST_PAGE)
        break;
    }
  return SEC_CLI_EXIT_OK;
}

/* export */

static int
run_export (Cli   *cli,
            GStrv  args)
{
  return sec_cli_export (cli->database, args, cli->out, cli->err);
}

/* import */

static int
run_import (Cli   *cli,
            GStrv  args)
{
  return sec_cli_import (cli->database, args, cli->out, cli->err);
}

/* privacy, history */

static int
run_privacy (Cli   *cli,
             GStrv  args)
{
  return sec_cli_privacy (cli->database, args, cli->out, cli->err);
}

static int
run_letterhead (Cli   *cli,
                GStrv  args)
{
  return sec_cli_letterhead (cli->database, args, cli->out, cli->err);
}

static int
run_history (Cli   *cli,
             GStrv  args)
{
  return sec_cli_history (cli->database, args, cli->out, cli->err);
}

static int
run_copy_database (Cli   *cli,
                   GStrv  args)
{
  return sec_cli_copy_database (args, cli->out, cli->err);
}

/* backup, backups, restore */

static int
run_backup (Cli   *cli,
            GStrv  args)
{
  const Command *command = find_command ("backup");
  g_autofree char *output = NULL;
  g_autofree char *written = NULL;
  g_autofree char *display = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the copy to FILE, which must not exist yet"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if ((status = parse_options (cli, command, entries, &args)) >= 0 ||
      (status = check_no_arguments (cli, command, args, 1)) >= 0)
    return status;

  if (output != NULL && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_autofree char *out_display = g_filename_display_name (output);
      g_autofree char *message = g_strdup_printf (_("“%s” already exists"), out_display);
      return failure (cli, message);
    }
  if ((store = open_store (cli, SEC_CLI_OPEN_READ)) == NULL)
    return SEC_CLI_EXIT_FAILURE;
  if (output != NULL)
    {
      if (!sec_store_backup_to (store, output, &error))
        return failure (cli, error->message);
      written = g_strdup (output);
    }
  else if ((written = sec_store_backup_before (store, SEC_BACKUP_REASON_MANUAL, &error)) == NULL)
    return failure (cli, error->message);

  display = g_filename_display_name (written);
  g_string_append_printf (cli->out, _("Backup written to “%s”"), display);
  g_string_append_c (cli->out, '\n');
  return SEC_CLI_EXIT_OK;
}

static int
run_backups (Cli   *cli,
             GStrv  args)
{
  const Command *command = find_command ("backups");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  int keep = -1;  /* not given */
  int status;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep,
      N_("Keep the last N backups of the database from now on"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if ((status = parse_options (cli, command, entries, &args)) >= 0 ||
      (status = check_no_arguments (cli, command, args, 1)) >= 0)
    return status;

  if (keep != -1)
    {
      g_autoptr(SecStore) store = NULL;

      if (keep < 1)
        return usage_error (cli, command, _("--keep needs a number of 1 or more"));
      if ((store = open_store (cli, SEC_CLI_OPEN_WRITE)) == NULL)
        return SEC_CLI_EXIT_FAILURE;
      if (!sec_store_set_backups_kept (store, (guint) keep, &error))
        return failure (cli, error->message);
      return SEC_CLI_EXIT_OK;
    }

  /* The database itself is not opened: its backups are what is left
   * when it is lost or damaged. */
  path = dup_database_path (cli);
  backups = sec_backups_list (path, &error);
  if (backups == NULL)
    return failure (cli, error->message);
  for (guint i = 0; i < backups->len; i++)
    {
      SecBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *date = g_date_time_format (backup->date, "%Y-%m-%d %H:%M:%S");
      g_autofree char *display = g_filename_display_name (backup->path);

      g_string_append_printf (cli->out, "%s\t%s\t", date, backup->reason);
      if (backup->n_records >= 0)
        g_string_append_printf (cli->out, "%" G_GINT64_FORMAT, backup->n_records);
      else
        g_string_append_c (cli->out, '?');
      g_string_append_printf (cli->out, "\t%s\n", display);
    }
  return SEC_CLI_EXIT_OK;
}

static int
run_restore (Cli   *cli,
             GStrv  args)
{
  const Command *command = find_command ("restore");
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *display = NULL;
  g_autofree char *backup_display = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = parse_options (cli, command, NULL, &args)) >= 0)
    return status;
  if (args[1] == NULL)
    return usage_error (cli, command, _("Missing FILE, the backup to restore"));
  if ((status = check_no_arguments (cli, command, args, 2)) >= 0)
    return status;

  path = dup_database_path (cli);
  if (!sec_store_restore (path, args[1], &kept, &error))
    return failure (cli, error->message);

  display = g_filename_display_name (path);
  backup_display = g_filename_display_name (args[1]);
  g_string_append_printf (cli->out, _("“%s” restored from “%s”"), display, backup_display);
  g_string_append_c (cli->out, '\n');
  if (kept != NULL)
    {
      g_autofree char *kept_display = g_filename_display_name (kept);

      g_string_append_printf (cli->out, _("The database as it was is kept in “%s”; restore it to undo"), kept_display);
      g_string_append_c (cli->out, '\n');
    }
  return SEC_CLI_EXIT_OK;
}

/* help */

static int
print_program_help (Cli *cli)
{
  char *help_args[] = { PROGRAM, "--help", NULL };
  g_auto(GStrv) args = g_strdupv (help_args);

  return parse_options (cli, NULL, NULL, &args);
}

static int
run_help (Cli   *cli,
          GStrv  args)
{
  const Command *command = find_command ("help");
  const Command *topic;
  int status;

  if ((status = parse_options (cli, command, NULL, &args)) >= 0 ||
      (status = check_no_arguments (cli, command, args, 2)) >= 0)
    return status;
  if (args[1] == NULL)
    return print_program_help (cli);

  if ((topic = find_command (args[1])) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), args[1]);
      return usage_error (cli, NULL, message);
    }
  {
    char *help_args[] = { (char *) topic->name, "--help", NULL };
    g_auto(GStrv) topic_args = g_strdupv (help_args);

    return topic->run (cli, topic_args);
  }
}

/* Public API */

/**
 * sec_cli_run:
 * @argc: the number of arguments
 * @argv: the whole command line; argv[0] is the program
 * @database_path: (out) (transfer full) (optional) (nullable): the database
 *   given with --database, made absolute, or NULL when none was given
 * @out: what the command prints on the standard output
 * @err: what it prints on the standard error
 *
 * Runs the command of the command line.
 *
 * Returns: the exit status, or %SEC_CLI_OPEN_WINDOW when there is no
 *   command and the window should open on @database_path.
 */
int
sec_cli_run (int       argc,
             char    **argv,
             char    **database_path,
             GString  *out,
             GString  *err)
{
  Cli cli = { out, err, NULL };
  g_auto(GStrv) args = NULL;
  const Command *command;
  int status;

  g_return_val_if_fail (argc >= 1 && argv != NULL, SEC_CLI_EXIT_USAGE);
  g_return_val_if_fail (out != NULL && err != NULL, SEC_CLI_EXIT_USAGE);

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if ((status = parse_options (&cli, NULL, NULL, &args)) >= 0)
    goto out;

  if (args[1] == NULL)
    {
      status = SEC_CLI_OPEN_WINDOW;
      if (database_path != NULL)
        *database_path = g_steal_pointer (&cli.database);
      goto out;
    }

  if ((command = find_command (args[1])) == NULL)
    {
      g_autofree char *message = NULL;

      if (args[1][0] == '-')
        message = g_strdup_printf (_("Unknown option %s"), args[1]);
      else
        message = g_strdup_printf (_("Unknown command “%s”"), args[1]);
      status = usage_error (&cli, NULL, message);
      goto out;
    }

  {
    /* The command sees its own name first, as a program sees argv[0]. */
    g_auto(GStrv) command_args = g_strdupv (args + 1);

    status = command->run (&cli, command_args);
  }

out:
  g_free (cli.database);
  return status;
}
