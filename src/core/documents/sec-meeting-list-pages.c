/* sec-meeting-list-pages.c: a meeting's list of participants and its
 * attendance sheet in its PDF documents */
#define G_LOG_DOMAIN "sec-meeting-list-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-meeting-list-pages.h"

/* Lines on the attendance sheet: room for a signature. */
#define SIGNATURE_ROW_HEIGHT 30.0
/* Numbered empty lines at the end of an attendance sheet. */
#define N_BLANK_ROWS 6

/* Groups */

static char *
dup_group_label (SecMeetingPages       *b,
                 SecMeetingParticipant *p)
{
  /* The organisers' staff, under their institution (see
   * sec_meeting_sort_entries ()). */
  if (p->staff && p->organisation &&
      (b->options->group_by == SEC_GROUP_BY_COUNTRY || b->options->group_by == SEC_GROUP_BY_BODY))
    return sec_meeting_pages_dup_organisation (p);
  switch (b->options->group_by)
    {
    case SEC_GROUP_BY_COUNTRY:
      return g_strdup (p->country ? sec_meeting_country_label (b->locale, p->country) : TR (N_("No country")));
    case SEC_GROUP_BY_ORGANISATION:
      return p->organisation ? sec_meeting_pages_dup_organisation (p) : g_strdup (TR (N_("No organisation")));
    case SEC_GROUP_BY_BODY:
      return g_strdup (p->body ? p->body : TR (N_("Other participants")));
    case SEC_GROUP_BY_NONE:
    default:
      return NULL;
    }
}

/* Adds the group heading of entry @i when a group starts there. */
static void
add_group_if_new (SecMeetingPages *b,
                  GArray          *entries,
                  guint            i)
{
  SecMeetingSortEntry *e = &g_array_index (entries, SecMeetingSortEntry, i);
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *continued = NULL;
  guint n = 0;

  if (b->options->group_by == SEC_GROUP_BY_NONE)
    return;
  if (i > 0 && sec_meeting_sort_same_group (e - 1, e))
    return;

  for (guint j = i; j < entries->len && sec_meeting_sort_same_group (e + (j - i), e); j++)
    n++;
  label = dup_group_label (b, e->p);
  heading = g_strdup_printf ("%s (%u)", label, n);
  /* TRANSLATORS: a group of a list going on over a page break: "Belgium (continued)" */
  continued = g_strdup_printf (TR (N_("%s (continued)")), label);
  sec_document_add_group (b->doc, heading, continued);
}

/* The list of participants */

typedef enum {
  COL_NUMBER,
  COL_NAME,
  COL_LATIN,
  COL_POSITION,
  COL_ORGANISATION,
  COL_ORGANISATION_COUNTRY,
  COL_COUNTRY,
  COL_BODY,
  COL_ROLE,
  COL_STATUS,
  COL_ROLE_STATUS,
  COL_CONTACT,
  COL_NEEDS,
} ListColumn;

static char *
dup_name_cell (SecMeetingPages       *b,
               SecMeetingParticipant *p)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *family = sec_meeting_pages_escape (p->family_name);

  if (p->title)
    {
      g_autofree char *title = sec_meeting_pages_escape (p->title);

      g_string_append_printf (cell, "%s ", title);
    }
  if (p->given_name)
    {
      g_autofree char *given = sec_meeting_pages_escape (p->given_name);

      g_string_append_printf (cell, "%s ", given);
    }
  g_string_append_printf (cell, "<b>%s</b>", family);
  if (p->replaces)
    {
      g_autofree char *replaces = sec_meeting_pages_escape (p->replaces);
      g_autofree char *line = NULL;

      /* TRANSLATORS: under the name of a substitute in a list of participants */
      line = g_strdup_printf (TR (N_("replacing %s")), replaces);
      g_string_append_printf (cell, "\n<span size=\"small\"><i>%s</i></span>", line);
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static char *
dup_list_cell (SecMeetingPages       *b,
               SecMeetingParticipant *p,
               ListColumn             column,
               guint                  number)
{
  switch (column)
    {
    case COL_NUMBER:
      return g_strdup_printf ("%u", number);
    case COL_NAME:
      return dup_name_cell (b, p);
    case COL_LATIN:
      {
        g_autofree char *latin = sec_meeting_dup_latin_name (p);

        return sec_meeting_pages_escape (latin);
      }
    case COL_POSITION:
      return sec_meeting_pages_escape (p->position);
    case COL_ORGANISATION:
      {
        g_autofree char *org = sec_meeting_pages_dup_organisation (p);

        return sec_meeting_pages_escape (org);
      }
    case COL_ORGANISATION_COUNTRY:
      {
        g_autofree char *org = sec_meeting_pages_dup_organisation (p);
        g_autofree char *escaped = sec_meeting_pages_escape (org);
        g_autofree char *country = sec_meeting_pages_escape (p->country ? sec_meeting_country_label (b->locale, p->country) : NULL);

        if (*country == '\0')
          return g_steal_pointer (&escaped);
        return g_strdup_printf ("%s%s<span size=\"small\" foreground=\"#505050\">%s</span>",
                                escaped, *escaped ? "\n" : "", country);
      }
    case COL_COUNTRY:
      return sec_meeting_pages_escape (p->country ? sec_meeting_country_label (b->locale, p->country) : NULL);
    case COL_BODY:
      return sec_meeting_pages_escape (p->body);
    case COL_ROLE:
      {
        /* A participant's role goes without saying; a delegate's is said. */
        g_autofree char *role = sec_meeting_participant_dup_role (b->locale, p, FALSE);

        return sec_meeting_pages_escape (role);
      }
    case COL_STATUS:
      return sec_meeting_pages_escape (sec_meeting_status_label (b->locale, p->status));
    case COL_ROLE_STATUS:
      {
        g_autofree char *plain = sec_meeting_participant_dup_role (b->locale, p, FALSE);
        g_autofree char *role = sec_meeting_pages_escape (plain);
        g_autofree char *status = sec_meeting_pages_escape (sec_meeting_status_label (b->locale, p->status));

        return g_strdup_printf ("%s%s<span foreground=\"#505050\">%s</span>", role, *role ? "\n" : "", status);
      }
    case COL_CONTACT:
      {
        g_autofree char *email = sec_meeting_pages_escape (p->email);
        g_autofree char *phone = sec_meeting_pages_escape (p->phone);
        SecParticipantColumns columns = sec_participant_columns_effective (b->options);
        gboolean with_email = (columns & SEC_PARTICIPANT_COLUMN_EMAIL) && p->email;
        gboolean with_phone = (columns & SEC_PARTICIPANT_COLUMN_PHONE) && p->phone;

        return g_strdup_printf ("%s%s%s", with_email ? email : "",
                                with_email && with_phone ? "\n" : "", with_phone ? phone : "");
      }
    case COL_NEEDS:
      return sec_meeting_pages_escape (p->needs);
    default:
      g_assert_not_reached ();
    }
}

/* Public API: the list of participants */

void
sec_meeting_pages_add_participant_list (SecMeetingPages *b)
{
  SecParticipantColumns wanted = sec_participant_columns_effective (b->options);
  const char *name = TR (N_("List of participants"));
  const char *variant = b->options->public_variant ? TR (N_("Public version")) : TR (N_("Internal version"));
  g_autofree char *note = g_strdup_printf ("%s  ·  %s", name, variant);
  g_autoptr(GArray) entries = NULL;
  SecDocumentColumn columns[16];
  ListColumn kinds[16];
  gboolean show_org, show_country;
  guint n = 0;

  sec_document_begin_section (b->doc, name, note);
  sec_document_add_heading (b->doc, name);
  entries = sec_meeting_pages_sort (b, TRUE);
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *count = g_strdup_printf ("%u", entries->len);

    if (!b->options->public_variant)
      g_string_append_printf (text, "%s\n",
                              TR (N_("<b>Internal version</b>, with contact data and needs: "
                                     "not to be circulated.")));
    /* TRANSLATORS: under the heading of a list of participants */
    g_string_append_printf (text, TR (N_("Number of participants: %s")), count);
    sec_document_add_paragraph (b->doc, text->str);
  }
  if (entries->len == 0)
    {
      sec_document_add_paragraph (b->doc, TR (N_("Nobody has been invited yet.")));
      return;
    }

#define ADD_COLUMN(kind, label, width, flags) \
  G_STMT_START { kinds[n] = (kind); columns[n] = (SecDocumentColumn) { (label), (width), (flags) }; n++; } G_STMT_END

  ADD_COLUMN (COL_NUMBER, TR (N_("No.")), 5, SEC_COLUMN_END);
  ADD_COLUMN (COL_NAME, TR (N_("Name")), 20, SEC_COLUMN_DEFAULT);
  if (wanted & SEC_PARTICIPANT_COLUMN_LATIN)
    ADD_COLUMN (COL_LATIN, TR (N_("Latin spelling")), 16, SEC_COLUMN_SMALL);
  if (wanted & SEC_PARTICIPANT_COLUMN_POSITION)
    ADD_COLUMN (COL_POSITION, TR (N_("Position")), 15, SEC_COLUMN_SMALL);
  show_org = (wanted & SEC_PARTICIPANT_COLUMN_ORGANISATION) && b->options->group_by != SEC_GROUP_BY_ORGANISATION;
  show_country = (wanted & SEC_PARTICIPANT_COLUMN_COUNTRY) && b->options->group_by != SEC_GROUP_BY_COUNTRY;
  /* The country under the organisation: one column less to share. */
  if (show_org && show_country)
    ADD_COLUMN (COL_ORGANISATION_COUNTRY, TR (N_("Organisation, country")), 28, SEC_COLUMN_DEFAULT);
  else if (show_org)
    ADD_COLUMN (COL_ORGANISATION, TR (N_("Organisation")), 24, SEC_COLUMN_DEFAULT);
  else if (show_country)
    ADD_COLUMN (COL_COUNTRY, TR (N_("Country")), 11, SEC_COLUMN_DEFAULT);
  if ((wanted & SEC_PARTICIPANT_COLUMN_BODY) && b->options->group_by != SEC_GROUP_BY_BODY)
    ADD_COLUMN (COL_BODY, TR (N_("Body")), 14, SEC_COLUMN_SMALL);
  /* The status under the role: one column less to share. */
  if ((wanted & SEC_PARTICIPANT_COLUMN_ROLE) && (wanted & SEC_PARTICIPANT_COLUMN_STATUS))
    ADD_COLUMN (COL_ROLE_STATUS, TR (N_("Role, status")), 11, SEC_COLUMN_SMALL);
  else if (wanted & SEC_PARTICIPANT_COLUMN_ROLE)
    ADD_COLUMN (COL_ROLE, TR (N_("Role")), 9, SEC_COLUMN_SMALL);
  else if (wanted & SEC_PARTICIPANT_COLUMN_STATUS)
    ADD_COLUMN (COL_STATUS, TR (N_("Status")), 10, SEC_COLUMN_SMALL);
  if (wanted & (SEC_PARTICIPANT_COLUMN_EMAIL | SEC_PARTICIPANT_COLUMN_PHONE))
    ADD_COLUMN (COL_CONTACT, TR (N_("Contact")), 18, SEC_COLUMN_SMALL);
  if (wanted & SEC_PARTICIPANT_COLUMN_NEEDS)
    ADD_COLUMN (COL_NEEDS, TR (N_("Needs")), 20, SEC_COLUMN_SMALL);
#undef ADD_COLUMN

  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, n);
  for (guint i = 0; i < entries->len; i++)
    {
      SecMeetingParticipant *p = g_array_index (entries, SecMeetingSortEntry, i).p;
      char *cells[G_N_ELEMENTS (columns) + 1] = { NULL };

      add_group_if_new (b, entries, i);
      for (guint c = 0; c < n; c++)
        cells[c] = dup_list_cell (b, p, kinds[c], i + 1);
      sec_document_add_row (b->doc, SEC_ROW_NORMAL, (const char *const *) cells);
      for (guint c = 0; c < n; c++)
        g_free (cells[c]);
    }
  sec_document_end_table (b->doc);
}

/* Public API: the attendance sheet */

void
sec_meeting_pages_add_attendance_sheet (SecMeetingPages *b)
{
  const char *name = TR (N_("Attendance sheet"));
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GPtrArray) day_titles = g_ptr_array_new_with_free_func (g_free);
  SecDocumentColumn columns[3 + 3];
  guint n_days = 1, n_columns = 0;

  sec_document_begin_section (b->doc, name, name);
  sec_document_add_heading (b->doc, name);
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *period = sec_meeting_pages_dup_period (b);
    g_autofree char *escaped = sec_meeting_pages_escape (period);

    g_string_append_printf (text, "%s\n", escaped);
    g_string_append (text, TR (N_("Please sign next to your name. If your name is not on the list, "
                                  "please write it on one of the empty lines at the end.")));
    sec_document_add_paragraph (b->doc, text->str);
  }

  /* One column to sign per day, for a meeting of two or three days. */
  if (b->timing && b->timing->meeting_ends)
    {
      int days = 1;
      g_autoptr(GDateTime) day = g_date_time_ref (b->timing->meeting_starts);

      while (days < 4 && (g_date_time_get_year (day) != g_date_time_get_year (b->timing->meeting_ends) ||
                          g_date_time_get_day_of_year (day) != g_date_time_get_day_of_year (b->timing->meeting_ends)))
        {
          GDateTime *next = g_date_time_add_days (day, 1);

          g_date_time_unref (day);
          day = next;
          days++;
        }
      if (days > 1 && days <= 3)
        n_days = (guint) days;
    }

  columns[n_columns++] = (SecDocumentColumn) { TR (N_("No.")), 5, SEC_COLUMN_END };
  columns[n_columns++] = (SecDocumentColumn) { TR (N_("Name")), 27, SEC_COLUMN_DEFAULT };
  columns[n_columns++] = (SecDocumentColumn) { TR (N_("Organisation")), 28, SEC_COLUMN_SMALL };
  if (n_days == 1)
    columns[n_columns++] = (SecDocumentColumn) { TR (N_("Signature")), 40, SEC_COLUMN_DEFAULT };
  else
    for (guint i = 0; i < n_days; i++)
      {
        g_autoptr(GDateTime) day = g_date_time_add_days (b->timing->meeting_starts, (int) i);
        /* TRANSLATORS: the heading of a signature column of one day: "Signature, 13 June" */
        g_autofree char *date = sec_meeting_pages_format_date (b, day, TR (N_("%-d %B")));
        char *title = g_strdup_printf (TR (N_("Signature, %s")), date);

        g_ptr_array_add (day_titles, title);
        columns[n_columns++] = (SecDocumentColumn) { title, 40.0 / n_days, SEC_COLUMN_DEFAULT };
      }

  sec_document_begin_table (b->doc, SEC_TABLE_GRID, columns, n_columns);
  sec_document_set_row_height (b->doc, SIGNATURE_ROW_HEIGHT);
  entries = sec_meeting_pages_sort (b, TRUE);
  for (guint i = 0; i < entries->len; i++)
    {
      SecMeetingParticipant *p = g_array_index (entries, SecMeetingSortEntry, i).p;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *person = dup_name_cell (b, p);
      g_autofree char *latin = NULL;
      g_autofree char *org = sec_meeting_pages_dup_organisation (p);
      g_autofree char *org_markup = NULL;
      const char *cells[3 + 3] = { number, person, NULL, NULL, NULL, NULL };

      if (p->country && b->options->group_by != SEC_GROUP_BY_COUNTRY)
        {
          g_autofree char *with_country = *org ? g_strdup_printf ("%s, %s", org, sec_meeting_country_label (b->locale, p->country))
                                               : g_strdup (sec_meeting_country_label (b->locale, p->country));
          org_markup = sec_meeting_pages_escape (with_country);
        }
      else
        org_markup = sec_meeting_pages_escape (org);
      cells[2] = org_markup;
      /* The Latin spelling, when asked for, under the name. */
      if ((sec_participant_columns_effective (b->options) & SEC_PARTICIPANT_COLUMN_LATIN) &&
          (latin = sec_meeting_dup_latin_name (p)) != NULL)
        {
          g_autofree char *escaped = sec_meeting_pages_escape (latin);
          char *with_latin = g_strdup_printf ("%s\n<span size=\"small\">%s</span>", person, escaped);

          g_free (person);
          person = with_latin;
          cells[1] = person;
        }
      add_group_if_new (b, entries, i);
      sec_document_add_row (b->doc, SEC_ROW_NORMAL, cells);
    }

  sec_document_add_group (b->doc, TR (N_("Not on the list")), TR (N_("Not on the list (continued)")));
  for (guint i = 0; i < N_BLANK_ROWS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", entries->len + i + 1);
      const char *cells[3 + 3] = { number, NULL, NULL, NULL, NULL, NULL };

      sec_document_add_row (b->doc, SEC_ROW_NORMAL, cells);
    }
  sec_document_end_table (b->doc);
}
