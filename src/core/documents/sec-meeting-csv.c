/* sec-meeting-csv.c: a meeting's participants as a CSV file */
#define G_LOG_DOMAIN "sec-meeting-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-csv.h"
#include "core/documents/sec-meeting-csv.h"

typedef enum {
  FIELD_TITLE,
  FIELD_GIVEN_NAME,
  FIELD_FAMILY_NAME,
  FIELD_LATIN,
  FIELD_REPLACES,
  FIELD_POSITION,
  FIELD_ORGANISATION,
  FIELD_ACRONYM,
  FIELD_COUNTRY,
  FIELD_BODY,
  FIELD_ROLE,
  FIELD_REPRESENTATION,
  FIELD_STATUS,
  FIELD_EMAIL,
  FIELD_PHONE,
  FIELD_NEEDS,
  N_FIELDS
} Field;

/* The header of each field, and the column that brings it. */
static const struct {
  const char           *label;
  SecParticipantColumns column;
} fields[N_FIELDS] = {
  [FIELD_TITLE] = { N_("Title"), SEC_PARTICIPANT_COLUMN_NAME },
  [FIELD_GIVEN_NAME] = { N_("Given name"), SEC_PARTICIPANT_COLUMN_NAME },
  [FIELD_FAMILY_NAME] = { N_("Family name"), SEC_PARTICIPANT_COLUMN_NAME },
  [FIELD_LATIN] = { N_("Latin spelling"), SEC_PARTICIPANT_COLUMN_LATIN },
  [FIELD_REPLACES] = { N_("Replacing"), SEC_PARTICIPANT_COLUMN_NAME },
  [FIELD_POSITION] = { N_("Position"), SEC_PARTICIPANT_COLUMN_POSITION },
  [FIELD_ORGANISATION] = { N_("Organisation"), SEC_PARTICIPANT_COLUMN_ORGANISATION },
  [FIELD_ACRONYM] = { N_("Acronym"), SEC_PARTICIPANT_COLUMN_ORGANISATION },
  [FIELD_COUNTRY] = { N_("Country"), SEC_PARTICIPANT_COLUMN_COUNTRY },
  [FIELD_BODY] = { N_("Body"), SEC_PARTICIPANT_COLUMN_BODY },
  [FIELD_ROLE] = { N_("Role"), SEC_PARTICIPANT_COLUMN_ROLE },
  /* Translators: a column of the list of participants: "Delegate", "Alternate" */
  [FIELD_REPRESENTATION] = { N_("Delegate or alternate"), SEC_PARTICIPANT_COLUMN_ROLE },
  [FIELD_STATUS] = { N_("Status"), SEC_PARTICIPANT_COLUMN_STATUS },
  [FIELD_EMAIL] = { N_("Email"), SEC_PARTICIPANT_COLUMN_EMAIL },
  [FIELD_PHONE] = { N_("Phone"), SEC_PARTICIPANT_COLUMN_PHONE },
  [FIELD_NEEDS] = { N_("Needs"), SEC_PARTICIPANT_COLUMN_NEEDS },
};

/* Static helpers */

static const char *
field_value (SecMeetingParticipant *p,
             Field                  field,
             SecDocumentLocale     *locale)
{
  switch (field)
    {
    case FIELD_TITLE: return p->title;
    case FIELD_GIVEN_NAME: return p->given_name;
    case FIELD_FAMILY_NAME: return p->family_name;
    case FIELD_LATIN: return NULL;  /* made by the caller */
    case FIELD_REPLACES: return p->replaces;
    case FIELD_POSITION: return p->position;
    case FIELD_ORGANISATION: return p->organisation;
    case FIELD_ACRONYM: return p->organisation_acronym;
    case FIELD_COUNTRY: return sec_meeting_country_label (locale, p->country);
    case FIELD_BODY: return p->body;
    case FIELD_ROLE: return sec_meeting_role_label (locale, p->role);
    case FIELD_REPRESENTATION: return sec_meeting_representation_label (locale, p->representation);
    case FIELD_STATUS: return sec_meeting_status_label (locale, p->status);
    case FIELD_EMAIL: return p->email;
    case FIELD_PHONE: return p->phone;
    case FIELD_NEEDS: return p->needs;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Public API */

/**
 * sec_meeting_csv_participants:
 * @options: (nullable): the columns, variant, order and language
 *
 * Returns: (transfer full): the CSV text
 */
char *
sec_meeting_csv_participants (SecMeetingData                  *data,
                              const SecMeetingDocumentOptions *options)
{
  SecMeetingDocumentOptions defaults = { 0 };
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GString) out = g_string_new (SEC_CSV_BOM);
  SecParticipantColumns columns;
  Field chosen[N_FIELDS];
  const char *values[N_FIELDS];
  gboolean any_substitute = FALSE;
  gboolean any_representative = FALSE;
  guint n = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  locale = sec_document_locale_new (options->language);

  /* Every column unless some were picked; never private ones in public. */
  columns = options->columns;
  if (columns == 0)
    {
      guint n_info;
      const SecParticipantColumnInfo *info = sec_participant_columns_list (&n_info);

      /* The Latin spelling only when asked for. */
      for (guint i = 0; i < n_info; i++)
        if (info[i].column != SEC_PARTICIPANT_COLUMN_LATIN)
          columns |= info[i].column;
    }
  if (options->public_variant)
    columns &= ~SEC_PARTICIPANT_COLUMNS_PRIVATE;
  columns |= SEC_PARTICIPANT_COLUMN_NAME;

  participants = sec_meeting_data_sort_participants (data, options, options->public_variant);
  for (guint i = 0; i < participants->len; i++)
    {
      SecMeetingParticipant *p = g_ptr_array_index (participants, i);

      any_substitute |= p->replaces != NULL;
      any_representative |= p->representation != NULL;
    }

  for (guint f = 0; f < N_FIELDS; f++)
    {
      if (!(columns & fields[f].column) || (f == FIELD_REPLACES && !any_substitute) ||
          (f == FIELD_REPRESENTATION && !any_representative))
        continue;
      chosen[n] = (Field) f;
      values[n] = sec_document_locale_gettext (locale, fields[f].label);
      n++;
    }
  sec_csv_append_record (out, values, n);

  for (guint i = 0; i < participants->len; i++)
    {
      SecMeetingParticipant *p = g_ptr_array_index (participants, i);
      g_autofree char *latin = NULL;

      for (guint c = 0; c < n; c++)
        {
          values[c] = field_value (p, chosen[c], locale);
          if (chosen[c] == FIELD_LATIN)
            values[c] = latin = sec_meeting_dup_latin_name (p);
        }
      sec_csv_append_record (out, values, n);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
