/* sec-cli-emails.c: `secretariat export invitation-emails` */
#define G_LOG_DOMAIN "sec-cli-emails"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli/sec-cli-common.h"
#include "cli/sec-cli-emails.h"
#include "core/documents/sec-meeting-emails.h"
#include "core/store/sec-records.h"

#define COMMAND "secretariat export"

static const struct {
  const char          *name;
  SecEmailAttachments  flag;
} attachment_names[] = {
  { "agenda", SEC_EMAIL_ATTACH_AGENDA },
  { "participants", SEC_EMAIL_ATTACH_PARTICIPANTS },
  { "pack", SEC_EMAIL_ATTACH_PACK },
  { "minutes", SEC_EMAIL_ATTACH_MINUTES },
};

/* Helpers */

static int
usage_error (GString    *err,
             const char *message)
{
  return sec_cli_usage_error (err, COMMAND, message);
}

/* "a, b,c" → { "a", "b", "c" } */
static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
parse_attachments (const char           *text,
                   SecEmailAttachments  *flags,
                   GString              *err)
{
  g_auto(GStrv) names = split_list (text);

  *flags = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = g_str_equal (names[i], "none");

      for (guint j = 0; j < G_N_ELEMENTS (attachment_names); j++)
        if (g_str_equal (names[i], attachment_names[j].name))
          {
            *flags |= attachment_names[j].flag;
            found = TRUE;
          }
      if (!found)
        {
          g_autofree char *message =
            g_strdup_printf (_("Unknown attachment “%s” (agenda, participants, pack, minutes or none)"), names[i]);

          usage_error (err, message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_statuses (GStrv     statuses,
                GString  *err)
{
  const SecField *field = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_PARTICIPANT), "status");

  for (guint i = 0; statuses[i] != NULL; i++)
    if (sec_field_choice_label (field, statuses[i]) == NULL)
      {
        g_autofree char *message = g_strdup_printf (_("“%s” is not a status of a participant"), statuses[i]);

        usage_error (err, message);
        return FALSE;
      }
  return TRUE;
}

static GArray *
parse_ids (const char *text,
           GString    *err)
{
  g_auto(GStrv) parts = split_list (text);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (parts[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a participant’s id"), parts[i]);

          usage_error (err, message);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* Public API */

int
sec_cli_export_emails (const char  *database,
                       GStrv        args,
                       GString     *out,
                       GString     *err)
{
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) statuses = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(SecMeetingEmails) emails = NULL;
  g_autoptr(GArray) participant_ids = NULL;
  g_autofree char *database_option = NULL;
  g_autofree char *output = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *status_list = NULL;
  g_autofree char *participant_list = NULL;
  g_autofree char *attach = NULL;
  g_autofree char *from = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved_prgname = g_strdup (g_get_prgname ());
  g_autofree char *display = NULL;
  g_autofree char *display_name = NULL;
  gint64 meeting_id = 0;
  gboolean bcc = FALSE, help = FALSE, ok;
  guint n_written = 0;
  SecMeetingEmailOptions options = { .kind = SEC_EMAIL_INVITATION, .attachments = SEC_EMAIL_ATTACH_AGENDA };
  const GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id,
      N_("The meeting (its id, as `secretariat list meetings` prints it)"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("The message: invitation, reminder, information or thanks (by default invitation)"), N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the messages to FOLDER"), N_("FOLDER") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_list,
      N_("Write to the participants with these statuses (by default the message’s)"), N_("LIST") },
    { "participants", 0, 0, G_OPTION_ARG_STRING, &participant_list,
      N_("Write to these participants only (their ids, separated by commas)"), N_("LIST") },
    { "attach", 0, 0, G_OPTION_ARG_STRING, &attach,
      N_("The documents attached: agenda, participants, pack, minutes or none (by default the minutes with the thanks, else the agenda)"), N_("LIST") },
    { "bcc", 0, 0, G_OPTION_ARG_NONE, &bcc,
      N_("One message with every recipient in Bcc"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The sender’s address"), N_("ADDRESS") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("The paper of a PDF file: a4 or letter (by default the locale’s)"), N_("PAPER") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_option,
      N_("Use the database FILE"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help,
      N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (args != NULL && args[0] != NULL, SEC_CLI_EXIT_USAGE);
  g_return_val_if_fail (out != NULL && err != NULL, SEC_CLI_EXIT_USAGE);

  argv = g_strdupv (args);
  context = sec_cli_new_option_context ("invitation-emails");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write a meeting’s e-mails (an invitation, a reminder, "
                                           "the practical information or the thanks) as drafts, one "
                                           "file per recipient that any mail program opens."));
  g_option_context_set_description (context, _("People who may not be contacted, or have no usable "
                                               "e-mail address, are left out and listed. The files "
                                               "hold addresses: they are made readable by their owner "
                                               "only (mode 0600), in a folder made when missing. "
                                               "Nothing is recorded as sent."));
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

  if (argv[1] == NULL || !g_str_equal (argv[1], "invitation-emails") || argv[2] != NULL)
    return usage_error (err, _("Unexpected argument"));
  if (meeting_id <= 0)
    return usage_error (err, _("Missing --meeting ID"));
  if (output == NULL || *output == '\0')
    return usage_error (err, _("Missing --output FOLDER"));
  if (kind_name != NULL && !sec_email_kind_from_string (kind_name, &options.kind))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown message “%s” (invitation, reminder, information or thanks)"), kind_name);

      return usage_error (err, message);
    }
  /* The thanks carry the minutes. */
  if (options.kind == SEC_EMAIL_THANKS)
    options.attachments = SEC_EMAIL_ATTACH_MINUTES;
  if (attach != NULL && !parse_attachments (attach, &options.attachments, err))
    return SEC_CLI_EXIT_USAGE;
  if (status_list != NULL)
    {
      statuses = split_list (status_list);
      if (!parse_statuses (statuses, err))
        return SEC_CLI_EXIT_USAGE;
      options.statuses = (const char *const *) statuses;
    }
  if (participant_list != NULL && (participant_ids = parse_ids (participant_list, err)) == NULL)
    return SEC_CLI_EXIT_USAGE;
  if (from != NULL && !sec_email_address_is_plain (from))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an e-mail address"), from);

      return usage_error (err, message);
    }
  options.paper = sec_paper_get_default ();
  if (paper_name != NULL && !sec_paper_from_string (paper_name, &options.paper))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown paper “%s” (a4 or letter)"), paper_name);

      return usage_error (err, message);
    }
  /* Refused before anything is read or made. */
  if (g_file_test (output, G_FILE_TEST_EXISTS) && !g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *shown = g_filename_display_name (output);
      g_autofree char *message = g_strdup_printf (_("“%s” is not a folder"), shown);

      return sec_cli_failure (err, message);
    }
  options.participant_ids = participant_ids;
  options.everyone_in_bcc = bcc;
  options.from_address = from;

  path = database_option ? sec_cli_database_location (database_option)
                         : database ? g_strdup (database) : sec_store_default_path ();
  if ((store = sec_cli_open_store (err, path, SEC_CLI_OPEN_READ)) == NULL)
    return SEC_CLI_EXIT_FAILURE;
  if ((emails = sec_meeting_emails_new (store, meeting_id, &options, &error)) == NULL ||
      !sec_meeting_emails_write (emails, output, &n_written, &error))
    return sec_cli_failure (err, error->message);

  display_name = g_filename_display_name (output);
  display = sec_cli_sanitize (display_name, FALSE);
  g_string_append_printf (out, ngettext ("%u message written to “%s”", "%u messages written to “%s”", n_written),
                          n_written, display);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < emails->left_out->len; i++)
    {
      SecEmailRecipient *r = g_ptr_array_index (emails->left_out, i);
      g_autofree char *name = sec_cli_sanitize (r->name, FALSE);

      /* TRANSLATORS: "Left out: Anna Müller (No e-mail address)" */
      g_string_append_printf (out, _("Left out: %s (%s)"), name, sec_email_exclusion_get_label (r->exclusion));
      g_string_append_c (out, '\n');
    }
  return SEC_CLI_EXIT_OK;
}
