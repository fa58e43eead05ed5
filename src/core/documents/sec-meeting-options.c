/* sec-meeting-options.c: what a meeting's participant lists show, and in
 * which order */
#define G_LOG_DOMAIN "sec-meeting-options"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-translit.h"
#include "core/documents/sec-meeting-options.h"

static const SecParticipantColumnInfo columns_info[] = {
  { SEC_PARTICIPANT_COLUMN_NAME, "name", N_("Name") },
  { SEC_PARTICIPANT_COLUMN_POSITION, "position", N_("Position") },
  { SEC_PARTICIPANT_COLUMN_ORGANISATION, "organisation", N_("Organisation") },
  { SEC_PARTICIPANT_COLUMN_COUNTRY, "country", N_("Country") },
  { SEC_PARTICIPANT_COLUMN_BODY, "body", N_("Body") },
  { SEC_PARTICIPANT_COLUMN_ROLE, "role", N_("Role") },
  { SEC_PARTICIPANT_COLUMN_STATUS, "status", N_("Status") },
  { SEC_PARTICIPANT_COLUMN_EMAIL, "email", N_("Email") },
  { SEC_PARTICIPANT_COLUMN_PHONE, "phone", N_("Phone") },
  { SEC_PARTICIPANT_COLUMN_NEEDS, "needs", N_("Needs") },
  /* TRANSLATORS: a column of a list: a Greek or Cyrillic name spelt in Latin letters */
  { SEC_PARTICIPANT_COLUMN_LATIN, "latin", N_("Latin spelling") },
};

/* The labels of the choices the documents print, marked here so that the
 * documents' translations hold them (the records' own labels are for the
 * window). */
typedef struct {
  const char *nick;
  const char *label;
} ChoiceLabel;

static const ChoiceLabel role_labels[] = {
  { "chair", N_("Chair") },
  { "co-chair", N_("Co-chair") },
  { "speaker", N_("Speaker") },
  { "participant", N_("Participant") },
  { "observer", N_("Observer") },
  { "organiser", N_("Organiser") },
};

static const ChoiceLabel representation_labels[] = {
  /* Translators: on a list of participants, who represents a member
   * organisation in the meeting's body */
  { "delegate", N_("Delegate") },
  /* Translators: on a list of participants, one who stands in for a member
   * organisation's delegate */
  { "alternate", N_("Alternate") },
};

/* Translators: a participant's role and how they represent their
 * organisation, on a list of participants: "Chair, Delegate" */
static const char role_and_representation[] = N_("%s, %s");

static const ChoiceLabel status_labels[] = {
  { "invited", N_("Invited") },
  { "registered", N_("Registered") },
  { "confirmed", N_("Confirmed") },
  { "declined", N_("Declined") },
  { "attended", N_("Attended") },
  { "attended-remotely", N_("Attended remotely") },
  { "excused", N_("Excused") },
  { "absent", N_("Absent") },
  { "replaced", N_("Replaced by a substitute") },
};

/* Static helpers */

/* The label of @nick in @labels, in the language of @locale; else the
 * nick itself ("" for NULL). */
static const char *
choice_label (SecDocumentLocale *locale,
              const ChoiceLabel *labels,
              guint              n_labels,
              const char        *nick)
{
  for (guint i = 0; i < n_labels; i++)
    if (g_strcmp0 (labels[i].nick, nick) == 0)
      return sec_document_locale_gettext (locale, labels[i].label);
  return nick ? nick : "";
}

/* Sorting participants */

static void
sort_entry_clear (gpointer data)
{
  SecMeetingSortEntry *e = data;

  g_free (e->group_key);
  g_free (e->family_key);
  g_free (e->given_key);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SecMeetingSortEntry *x = a, *y = b;
  int c;

  if (x->group_rank != y->group_rank)
    return x->group_rank < y->group_rank ? -1 : 1;
  if ((c = strcmp (x->group_key, y->group_key)) != 0)
    return c;
  if ((c = strcmp (x->family_key, y->family_key)) != 0)
    return c;
  if ((c = strcmp (x->given_key, y->given_key)) != 0)
    return c;
  return x->p->id < y->p->id ? -1 : x->p->id > y->p->id;
}

#define RANK_NONE 100000

/* A Greek or Cyrillic name sorts by its Latin spelling, among the Latin
 * names (Ιωάννου with the I's, Шевченко with the S's), as the reader of a
 * list in a Latin-script language looks for it. */
static char *
collate_name_key (SecDocumentLocale *locale,
                  const char        *name)
{
  g_autofree char *latin = sec_translit_latin_name (name);

  return sec_document_locale_collate_key (locale, latin ? latin : name);
}

/* The same, each name's key made once per list (@keys: name -> key): a
 * list of thousands has a few hundred family and given names. */
static char *
dup_name_key (GHashTable        *keys,
              SecDocumentLocale *locale,
              const char        *name)
{
  char *key;

  if (name == NULL)
    return collate_name_key (locale, NULL);
  if ((key = g_hash_table_lookup (keys, name)) == NULL)
    {
      key = collate_name_key (locale, name);
      g_hash_table_insert (keys, g_strdup (name), key);
    }
  return g_strdup (key);
}

static int
body_index (SecMeetingData *d,
            const char     *body)
{
  if (body != NULL)
    for (guint i = 0; d->bodies && d->bodies[i]; i++)
      if (g_str_equal (d->bodies[i], body))
        return (int) i;
  return RANK_NONE;
}

char *
sec_meeting_dup_latin_name (SecMeetingParticipant *p)
{
  g_autofree char *given = sec_translit_latin_name (p->given_name);
  g_autofree char *family = sec_translit_latin_name (p->family_name);

  g_return_val_if_fail (p != NULL, NULL);

  if (given == NULL && family == NULL)
    return NULL;
  return g_strstrip (g_strjoin (" ", given ? given : (p->given_name ? p->given_name : ""),
                                family ? family : (p->family_name ? p->family_name : ""), NULL));
}

/**
 * sec_meeting_sort_entries:
 *
 * Returns: (transfer full) (element-type SecMeetingSortEntry): the entries
 */
GArray *
sec_meeting_sort_entries (SecMeetingData                  *data,
                          const SecMeetingDocumentOptions *options,
                          SecDocumentLocale               *locale,
                          gboolean                         expected_only)
{
  GArray *entries;
  SecGroupBy group_by;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (locale != NULL, NULL);

  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  entries = g_array_new (FALSE, TRUE, sizeof (SecMeetingSortEntry));
  group_by = options->group_by;
  g_array_set_clear_func (entries, sort_entry_clear);
  for (guint i = 0; i < data->participants->len; i++)
    {
      SecMeetingParticipant *p = g_ptr_array_index (data->participants, i);
      SecMeetingSortEntry e = { p, 0, NULL, NULL, NULL };

      if (expected_only && !p->expected)
        continue;

      /* The organisers' staff: under their institution's name, after the
       * countries or bodies, not under the country of its building. */
      if (p->staff && (group_by == SEC_GROUP_BY_COUNTRY || group_by == SEC_GROUP_BY_BODY))
        {
          e.group_rank = RANK_NONE + 1;
          e.group_key = sec_document_locale_collate_key (locale, p->organisation ? p->organisation : "");
        }
      else switch (group_by)
        {
        case SEC_GROUP_BY_COUNTRY:
          if (p->country == NULL)
            {
              e.group_rank = RANK_NONE;
              e.group_key = g_strdup ("");
            }
          else if (options->country_order == SEC_COUNTRY_ORDER_PROTOCOL &&
                   sec_country_eu_protocol_index (p->country) >= 0)
            {
              e.group_rank = sec_country_eu_protocol_index (p->country);
              e.group_key = g_strdup ("");
            }
          else
            {
              /* After the Member States in protocol order, the others by name. */
              e.group_rank = options->country_order == SEC_COUNTRY_ORDER_PROTOCOL ? RANK_NONE - 1 : 0;
              e.group_key = sec_document_locale_collate_key (locale, sec_meeting_country_label (locale, p->country));
            }
          break;
        case SEC_GROUP_BY_ORGANISATION:
          e.group_rank = p->organisation ? 0 : RANK_NONE;
          e.group_key = sec_document_locale_collate_key (locale, p->organisation ? p->organisation : "");
          break;
        case SEC_GROUP_BY_BODY:
          e.group_rank = body_index (data, p->body);
          e.group_key = g_strdup ("");
          break;
        case SEC_GROUP_BY_NONE:
        default:
          e.group_key = g_strdup ("");
          break;
        }
      e.family_key = dup_name_key (keys, locale, p->family_name);
      e.given_key = dup_name_key (keys, locale, p->given_name);
      g_array_append_val (entries, e);
    }
  g_array_sort (entries, compare_entries);
  return entries;
}

gboolean
sec_meeting_sort_same_group (const SecMeetingSortEntry *a,
                             const SecMeetingSortEntry *b)
{
  return a->group_rank == b->group_rank && strcmp (a->group_key, b->group_key) == 0;
}

/**
 * sec_meeting_data_sort_participants:
 * @expected_only: leave out those who declined or were excused
 *
 * Returns: (transfer container) (element-type SecMeetingParticipant): the
 *   participants in the order of a list made with @options
 */
GPtrArray *
sec_meeting_data_sort_participants (SecMeetingData                  *data,
                                    const SecMeetingDocumentOptions *options,
                                    gboolean                         expected_only)
{
  SecMeetingDocumentOptions defaults = { 0 };
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autoptr(GArray) entries = NULL;
  GPtrArray *result;

  g_return_val_if_fail (data != NULL, NULL);

  locale = sec_document_locale_new (options ? options->language : NULL);
  entries = sec_meeting_sort_entries (data, options ? options : &defaults, locale, expected_only);
  result = g_ptr_array_sized_new (entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (result, g_array_index (entries, SecMeetingSortEntry, i).p);
  return result;
}

/* Public API: columns and names */

SecParticipantColumns
sec_participant_columns_effective (const SecMeetingDocumentOptions *options)
{
  SecParticipantColumns columns = options->columns;

  if (columns == 0)
    columns = sec_participant_columns_default (options->public_variant);
  if (options->public_variant)
    columns &= ~SEC_PARTICIPANT_COLUMNS_PRIVATE;
  return columns | SEC_PARTICIPANT_COLUMN_NAME;
}

const char *
sec_meeting_role_label (SecDocumentLocale *locale,
                        const char        *role)
{
  g_return_val_if_fail (locale != NULL, NULL);

  return choice_label (locale, role_labels, G_N_ELEMENTS (role_labels), role);
}

const char *
sec_meeting_representation_label (SecDocumentLocale *locale,
                                  const char        *representation)
{
  g_return_val_if_fail (locale != NULL, NULL);

  if (representation == NULL)
    return "";
  return choice_label (locale, representation_labels, G_N_ELEMENTS (representation_labels), representation);
}

/**
 * sec_meeting_participant_dup_role:
 *
 * Returns: (transfer full) (nullable): the role
 */
char *
sec_meeting_participant_dup_role (SecDocumentLocale           *locale,
                                  const SecMeetingParticipant *p,
                                  gboolean                     plain_participant)
{
  gboolean participant;

  g_return_val_if_fail (locale != NULL, NULL);
  g_return_val_if_fail (p != NULL, NULL);

  participant = p->role == NULL || g_str_equal (p->role, "participant");
  if (p->representation == NULL)
    return participant && !plain_participant ? NULL : g_strdup (sec_meeting_role_label (locale, p->role));
  /* A delegate or an alternate takes part as such: "Delegate" alone. */
  if (participant)
    return g_strdup (sec_meeting_representation_label (locale, p->representation));
  return g_strdup_printf (sec_document_locale_gettext (locale, role_and_representation),
                          sec_meeting_role_label (locale, p->role),
                          sec_meeting_representation_label (locale, p->representation));
}

const char *
sec_meeting_status_label (SecDocumentLocale *locale,
                          const char        *status)
{
  g_return_val_if_fail (locale != NULL, NULL);

  return choice_label (locale, status_labels, G_N_ELEMENTS (status_labels), status);
}

const char *
sec_meeting_country_label (SecDocumentLocale *locale,
                           const char        *code)
{
  const char *name = code ? sec_document_locale_country_name (locale, code) : NULL;

  return name ? name : (code ? code : "");
}

/**
 * sec_participant_columns_list:
 * @n_columns: (out): their number
 *
 * Returns: (transfer none) (array length=n_columns): the columns
 */
const SecParticipantColumnInfo *
sec_participant_columns_list (guint *n_columns)
{
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = G_N_ELEMENTS (columns_info);
  return columns_info;
}

SecParticipantColumns
sec_participant_columns_default (gboolean public_variant)
{
  SecParticipantColumns columns = SEC_PARTICIPANT_COLUMN_NAME |
                                  SEC_PARTICIPANT_COLUMN_ORGANISATION |
                                  SEC_PARTICIPANT_COLUMN_COUNTRY |
                                  SEC_PARTICIPANT_COLUMN_ROLE;

  if (!public_variant)
    columns |= SEC_PARTICIPANT_COLUMN_STATUS | SEC_PARTICIPANT_COLUMN_EMAIL |
               SEC_PARTICIPANT_COLUMN_PHONE | SEC_PARTICIPANT_COLUMN_NEEDS;
  return columns;
}

gboolean
sec_participant_columns_parse (const char             *text,
                               SecParticipantColumns  *columns,
                               GError                **error)
{
  g_auto(GStrv) names = NULL;
  SecParticipantColumns result = SEC_PARTICIPANT_COLUMN_NAME;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (columns != NULL, FALSE);

  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i]; i++)
    {
      gboolean found = FALSE;

      g_strstrip (names[i]);
      if (*names[i] == '\0')
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (columns_info); c++)
        if (g_ascii_strcasecmp (columns_info[c].nick, names[i]) == 0)
          {
            result |= columns_info[c].column;
            found = TRUE;
          }
      if (!found)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint c = 0; c < G_N_ELEMENTS (columns_info); c++)
            g_string_append_printf (known, "%s%s", c ? ", " : "", columns_info[c].nick);
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown column “%s” (one of %s)"), names[i], known->str);
          return FALSE;
        }
    }
  *columns = result;
  return TRUE;
}

gboolean
sec_group_by_parse (const char *text,
                    SecGroupBy *group_by)
{
  static const char *const names[] = { "none", "country", "organisation", "body" };

  g_return_val_if_fail (group_by != NULL, FALSE);

  for (guint i = 0; text && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *group_by = (SecGroupBy) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
sec_country_order_parse (const char      *text,
                         SecCountryOrder *order)
{
  g_return_val_if_fail (order != NULL, FALSE);

  if (g_strcmp0 (text, "alphabetical") == 0)
    *order = SEC_COUNTRY_ORDER_ALPHABETICAL;
  else if (g_strcmp0 (text, "protocol") == 0)
    *order = SEC_COUNTRY_ORDER_PROTOCOL;
  else
    return FALSE;
  return TRUE;
}
