/* sec-email-templates.c: the subject and text of a meeting's e-mails */
#define G_LOG_DOMAIN "sec-email-templates"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-format.h"
#include "core/documents/sec-email-templates.h"

#define TR(s) sec_document_locale_gettext (locale, (s))

/* The defaults, in English; translated into each document language. */
static const struct {
  const char *subject;
  const char *body;
} defaults[SEC_EMAIL_N_KINDS] = {
  [SEC_EMAIL_INVITATION] = {
    /* TRANSLATORS: the subject of an invitation e-mail; keep the fields in
     * braces as they are: {title} is the meeting's title, {date} its date */
    N_("Invitation: {title}, {date}"),
    /* TRANSLATORS: the text of an invitation e-mail; keep the fields in
     * braces ({salutation}, {title}, {date}, {time}, {venue}) as they are */
    N_("{salutation}\n\n"
       "We are pleased to invite you to the meeting “{title}” on {date} at {time}, {venue}.\n\n"
       "Please find the documents of the meeting attached. We would be grateful if you could "
       "let us know whether you will attend, and of any accessibility or dietary needs.\n\n"
       "Kind regards,\n"
       "The secretariat"),
  },
  [SEC_EMAIL_REMINDER] = {
    /* TRANSLATORS: the subject of a reminder e-mail; keep the fields in braces */
    N_("Reminder: {title}, {date}"),
    /* TRANSLATORS: the text of a reminder e-mail; keep the fields in braces */
    N_("{salutation}\n\n"
       "We have not yet received your reply to our invitation to the meeting “{title}” on "
       "{date}, {venue}. We would be grateful if you could let us know whether you will attend.\n\n"
       "Kind regards,\n"
       "The secretariat"),
  },
  [SEC_EMAIL_INFORMATION] = {
    /* TRANSLATORS: the subject of the e-mail with practical information for
     * a meeting; keep the fields in braces */
    N_("Practical information: {title}, {date}"),
    /* TRANSLATORS: the text of the e-mail with practical information; keep
     * the fields in braces; a line whose fields are all empty is left out */
    N_("{salutation}\n\n"
       "Thank you for confirming your participation in the meeting “{title}”, on {date} "
       "from {time}.\n\n"
       "Venue: {venue}\n"
       "{address}\n"
       "Online: {link}\n\n"
       "Kind regards,\n"
       "The secretariat"),
  },
  [SEC_EMAIL_THANKS] = {
    /* TRANSLATORS: the subject of a thank-you e-mail after a meeting; keep
     * the fields in braces */
    N_("Thank you: {title}"),
    /* TRANSLATORS: the text of a thank-you e-mail; keep the fields in braces */
    N_("{salutation}\n\n"
       "Thank you for taking part in the meeting “{title}” on {date}. Please find the "
       "documents of the meeting attached.\n\n"
       "Kind regards,\n"
       "The secretariat"),
  },
};

/* Helpers */

static gboolean
is_offered (const char *code)
{
  return code != NULL && sec_document_language_name (code) != NULL;
}

static char *
setting_key (SecEmailKind  kind,
             const char   *language,
             const char   *part)
{
  return g_strdup_printf ("email-template.%s.%s.%s", sec_email_kind_to_string (kind), language, part);
}

/* The meeting's day in @locale: "Tuesday 3 March 2026", or two days. */
static char *
format_day (SecDocumentLocale *locale,
            const char        *iso,
            const char        *timezone)
{
  g_autoptr(GDateTime) dt = iso != NULL ? sec_parse_datetime (iso, timezone) : NULL;

  if (dt == NULL)
    return g_strdup ("");
  return sec_document_locale_format_date (locale, dt, TR (N_("%A %-d %B %Y")));
}

static void
add_field (GHashTable *fields,
           const char *name,
           const char *value)
{
  g_hash_table_insert (fields, g_strdup (name), g_strdup (value != NULL ? value : ""));
}

/* Public API */

const char *
sec_email_template_pick_language (const char *languages)
{
  const char *const *names;

  /* Codes are runs of ASCII letters: "fr, nl/EN" has fr, nl and en. */
  for (const char *p = languages; p != NULL && *p != '\0';)
    {
      const char *end = p;
      g_autofree char *code = NULL;

      while (g_ascii_isalpha (*end))
        end++;
      if (end == p)
        {
          p++;
          continue;
        }
      code = g_ascii_strdown (p, end - p);
      for (const char *const *l = sec_document_languages (); *l != NULL; l++)
        if (g_str_equal (code, *l))
          return *l;
      p = end;
    }
  /* The user's language: "fr_BE.UTF-8" → "fr". */
  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    for (const char *const *l = sec_document_languages (); *l != NULL; l++)
      if (g_str_has_prefix (names[i], *l) && (names[i][2] == '\0' || names[i][2] == '_'))
        return *l;
  return "en";
}

void
sec_email_template_get (SecStore      *store,
                        SecEmailKind   kind,
                        const char    *language,
                        char         **subject,
                        char         **body,
                        gboolean      *customised)
{
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autofree char *subject_key = NULL;
  g_autofree char *body_key = NULL;
  g_autofree char *saved_subject = NULL;
  g_autofree char *saved_body = NULL;

  g_return_if_fail (SEC_IS_STORE (store));
  g_return_if_fail (kind < SEC_EMAIL_N_KINDS);
  g_return_if_fail (is_offered (language));
  g_return_if_fail (subject != NULL && body != NULL);

  subject_key = setting_key (kind, language, "subject");
  body_key = setting_key (kind, language, "body");
  saved_subject = sec_store_get_setting (store, subject_key);
  saved_body = sec_store_get_setting (store, body_key);
  if (customised != NULL)
    *customised = saved_subject != NULL || saved_body != NULL;
  locale = sec_document_locale_new (language);
  *subject = saved_subject != NULL ? g_steal_pointer (&saved_subject) : g_strdup (TR (defaults[kind].subject));
  *body = saved_body != NULL ? g_steal_pointer (&saved_body) : g_strdup (TR (defaults[kind].body));
}

gboolean
sec_email_template_set (SecStore      *store,
                        SecEmailKind   kind,
                        const char    *language,
                        const char    *subject,
                        const char    *body,
                        GError       **error)
{
  g_autofree char *subject_key = NULL;
  g_autofree char *body_key = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < SEC_EMAIL_N_KINDS, FALSE);
  g_return_val_if_fail (is_offered (language), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  subject_key = setting_key (kind, language, "subject");
  body_key = setting_key (kind, language, "body");
  if (!sec_store_begin (store, error))
    return FALSE;
  if (!sec_store_set_setting (store, subject_key, subject, error) ||
      !sec_store_set_setting (store, body_key, body, error))
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return sec_store_commit_or_rollback (store, error);
}

/**
 * sec_email_fields_new:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the fields
 */
GHashTable *
sec_email_fields_new (SecMeetingData          *data,
                      const SecEmailRecipient *recipient,
                      SecDocumentLocale       *locale)
{
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const SecEmailRecipientRow *row = recipient->row;
  g_autofree char *start = format_day (locale, data->starts_at, data->timezone);
  g_autofree char *end = format_day (locale, data->ends_at, data->timezone);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *bodies = NULL;
  g_autofree char *salutation = NULL;

  g_return_val_if_fail (data != NULL && recipient != NULL && locale != NULL, NULL);

  /* TRANSLATORS: a meeting over several days: "Tuesday 3 March 2026 to
   * Wednesday 4 March 2026" */
  date = g_str_equal (start, end) || *end == '\0' ? g_strdup (start) : g_strdup_printf (TR (N_("%s to %s")), start, end);
  time = data->starts_at != NULL && strlen (data->starts_at) >= 16 ? g_strndup (data->starts_at + 11, 5) : g_strdup ("");
  if (data->venue != NULL && data->room != NULL)
    venue = g_strdup_printf ("%s, %s", data->venue, data->room);
  else
    venue = g_strdup (data->venue != NULL ? data->venue : data->room);
  bodies = data->bodies != NULL ? g_strjoinv (", ", data->bodies) : g_strdup ("");
  if (row->title != NULL)
    /* TRANSLATORS: the greeting of an e-mail: "Dear Dr Müller," (a title,
     * then a family name) */
    salutation = g_strdup_printf (TR (N_("Dear %s %s,")), row->title, row->family_name);
  else
    /* TRANSLATORS: the greeting of an e-mail to someone without a title:
     * "Dear Anna Müller," */
    salutation = g_strdup_printf (TR (N_("Dear %s,")), recipient->name);

  add_field (fields, "title", data->title);
  add_field (fields, "date", date);
  add_field (fields, "time", time);
  add_field (fields, "venue", venue);
  add_field (fields, "address", data->address);
  add_field (fields, "link", data->online_link);
  add_field (fields, "bodies", bodies);
  add_field (fields, "name", recipient->name);
  add_field (fields, "salutation", salutation);
  add_field (fields, "organisation", row->organisation);
  return fields;
}

char *
sec_email_template_expand (const char *text,
                           GHashTable *fields,
                           gboolean    single_line)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gboolean first = TRUE;

  g_return_val_if_fail (text != NULL && fields != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      gboolean has_field = FALSE, all_empty = TRUE;
      const char *p = lines[i];

      while (*p != '\0')
        {
          const char *open = strchr (p, '{');
          const char *close = open != NULL ? strchr (open, '}') : NULL;
          g_autofree char *name = NULL;
          const char *value;

          if (close == NULL)
            {
              g_string_append (line, p);
              break;
            }
          g_string_append_len (line, p, open - p);
          name = g_strndup (open + 1, close - open - 1);
          value = g_hash_table_lookup (fields, name);
          if (value == NULL)
            /* Not a field: kept as typed, from its brace on. */
            g_string_append_len (line, open, close - open + 1);
          else
            {
              has_field = TRUE;
              all_empty = all_empty && *value == '\0';
              g_string_append (line, value);
            }
          p = close + 1;
        }
      if (has_field && all_empty)
        continue;
      if (!first)
        g_string_append_c (out, single_line ? ' ' : '\n');
      g_string_append (out, line->str);
      first = FALSE;
    }
  if (single_line)
    {
      g_strdelimit (out->str, "\r\n\t", ' ');
      g_strstrip (out->str);
      out->len = strlen (out->str);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
