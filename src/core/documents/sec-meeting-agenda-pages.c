/* sec-meeting-agenda-pages.c: a meeting's agenda, public or internal, in
 * its PDF documents */
#define G_LOG_DOMAIN "sec-meeting-agenda-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-meeting-agenda-pages.h"

static char *
dup_person_name (SecMeetingParticipant *p,
                 gboolean               with_title)
{
  g_autoptr(GString) name = g_string_new (NULL);

  if (with_title && p->title)
    g_string_append_printf (name, "%s ", p->title);
  if (p->given_name)
    g_string_append_printf (name, "%s ", p->given_name);
  g_string_append (name, p->family_name ? p->family_name : "");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static char *
dup_duration (SecMeetingPages *b,
              int              minutes)
{
  int h = minutes / 60, m = minutes % 60;

  if (h == 0)
    /* TRANSLATORS: a duration in a document */
    return g_strdup_printf (TR (N_("%d min")), m);
  if (m == 0)
    /* TRANSLATORS: a duration in a document */
    return g_strdup_printf (TR (N_("%d h")), h);
  /* TRANSLATORS: a duration in a document */
  return g_strdup_printf (TR (N_("%d h %d min")), h, m);
}

static char *
dup_agenda_state (SecMeetingPages *b)
{
  if (g_strcmp0 (b->data->agenda_status, "final") == 0)
    /* TRANSLATORS: the state of a printed agenda */
    return g_strdup_printf (TR (N_("Final, version %d")), MAX (b->data->agenda_version, 1));
  if (b->data->agenda_version > 0)
    /* TRANSLATORS: an agenda changed after its final version 2 */
    return g_strdup_printf (TR (N_("Draft, after version %d")), b->data->agenda_version);
  return g_strdup (TR (N_("Draft")));
}

void
sec_meeting_pages_add_facts (SecMeetingPages *b,
                             gboolean         with_state)
{
  SecMeetingData *d = b->data;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *period = sec_meeting_pages_dup_period (b);
  g_autofree char *venue = sec_meeting_data_dup_venue (d, TRUE);

  if (with_state)
    {
      g_autofree char *state = dup_agenda_state (b);
      g_autofree char *escaped = sec_meeting_pages_escape (state);

      g_string_append_printf (text, "<b>%s</b>\n", escaped);
    }
  {
    g_autofree char *escaped = sec_meeting_pages_escape (period);

    g_string_append (text, escaped);
  }
  if (*venue)
    {
      g_autofree char *escaped = sec_meeting_pages_escape (venue);

      g_string_append_c (text, '\n');
      /* TRANSLATORS: a line of a document: "Venue: Berlaymont, room 1, Brussels" */
      g_string_append_printf (text, TR (N_("Venue: %s")), escaped);
    }
  if (d->online_link)
    {
      g_autofree char *escaped = sec_meeting_pages_escape (d->online_link);

      g_string_append_c (text, '\n');
      /* TRANSLATORS: a line of a document, with a web address */
      g_string_append_printf (text, TR (N_("Online: %s")), escaped);
    }
  if (d->chair || d->co_chair)
    {
      g_string_append_c (text, '\n');
      if (d->chair)
        {
          g_autofree char *escaped = sec_meeting_pages_escape (d->chair);

          g_string_append_printf (text, TR (N_("Chair: %s")), escaped);
        }
      if (d->chair && d->co_chair)
        g_string_append (text, "  ·  ");
      if (d->co_chair)
        {
          g_autofree char *escaped = sec_meeting_pages_escape (d->co_chair);

          g_string_append_printf (text, TR (N_("Co-chair: %s")), escaped);
        }
    }
  sec_document_add_paragraph (b->doc, text->str);
}

static char *
dup_item_cell (SecMeetingPages *b,
               SecMeetingItem  *item,
               SecAgendaSlot   *slot)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *title = sec_meeting_pages_escape (item->title);

  if (slot->number > 0)
    g_string_append_printf (cell, "<b>%u.  %s</b>", slot->number, title);
  else
    g_string_append (cell, title);
  if (item->description)
    {
      g_autofree char *description = sec_meeting_pages_escape (item->description);

      g_string_append_printf (cell, "\n<span size=\"small\">%s</span>", description);
    }
  if (item->speakers && item->speakers[0])
    {
      g_autofree char *speakers = g_strjoinv (", ", item->speakers);
      g_autofree char *escaped = sec_meeting_pages_escape (speakers);
      g_autofree char *line = NULL;

      /* TRANSLATORS: the speaker or speakers of an agenda item */
      line = g_strdup_printf (item->speakers[1] ? TR (N_("Speakers: %s")) : TR (N_("Speaker: %s")), escaped);
      g_string_append_printf (cell, "\n<span size=\"small\"><i>%s</i></span>", line);
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static char *
dup_notes_cell (SecMeetingPages *b,
                SecMeetingItem  *item,
                SecAgendaSlot   *slot)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  if (item->internal_notes)
    {
      g_autofree char *notes = sec_meeting_pages_escape (item->internal_notes);

      g_string_append (cell, notes);
    }
  if (slot->fixed)
    {
      if (cell->len)
        g_string_append_c (cell, '\n');
      g_string_append_printf (cell, "<i>%s</i>", TR (N_("Fixed start time")));
    }
  if (slot->overlaps)
    {
      if (cell->len)
        g_string_append_c (cell, '\n');
      g_string_append_printf (cell, "<span foreground=\"" SEC_MEETING_PAGES_WARNING_COLOR "\"><b>%s</b></span>",
                              TR (N_("Starts before the previous item ends")));
    }
  if (slot->overruns)
    {
      if (cell->len)
        g_string_append_c (cell, '\n');
      g_string_append_printf (cell, "<span foreground=\"" SEC_MEETING_PAGES_WARNING_COLOR "\"><b>%s</b></span>",
                              TR (N_("Ends after the end of the meeting")));
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static void
add_needs_table (SecMeetingPages *b)
{
  g_autoptr(GArray) entries = NULL;
  const SecDocumentColumn columns[] = {
    { TR (N_("Name")), 26, SEC_COLUMN_DEFAULT },
    { TR (N_("Organisation")), 30, SEC_COLUMN_DEFAULT },
    { TR (N_("Needs")), 44, SEC_COLUMN_DEFAULT },
  };
  guint n = 0;

  sec_document_add_heading (b->doc, TR (N_("Participants’ needs")));
  entries = sec_meeting_pages_sort (b, TRUE);
  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, SecMeetingSortEntry, i).p->needs)
      n++;
  if (n == 0)
    {
      sec_document_add_paragraph (b->doc, TR (N_("No participant has recorded needs.")));
      return;
    }

  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < entries->len; i++)
    {
      SecMeetingParticipant *p = g_array_index (entries, SecMeetingSortEntry, i).p;
      g_autofree char *name = dup_person_name (p, TRUE);
      g_autofree char *org = sec_meeting_pages_dup_organisation (p);
      g_autofree char *name_markup = sec_meeting_pages_escape (name);
      g_autofree char *org_markup = sec_meeting_pages_escape (org);
      g_autofree char *needs = sec_meeting_pages_escape (p->needs);
      const char *cells[] = { name_markup, org_markup, needs };

      if (p->needs == NULL)
        continue;
      sec_document_add_row (b->doc, SEC_ROW_NORMAL, cells);
    }
  sec_document_end_table (b->doc);
}

/* Public API */

/* The meeting's privacy statement: the agenda goes with the invitation. */
static void
add_privacy_statement (SecMeetingPages *b)
{
  g_autofree char *text = NULL;

  if (b->data->privacy_statement == NULL)
    return;
  text = sec_meeting_pages_escape (b->data->privacy_statement);
  sec_document_add_heading (b->doc, TR (N_("Privacy statement")));
  sec_document_add_paragraph (b->doc, text);
}

void
sec_meeting_pages_add_agenda (SecMeetingPages *b,
                              gboolean         internal)
{
  SecMeetingData *d = b->data;
  g_autofree char *state = dup_agenda_state (b);
  const char *name = internal ? TR (N_("Internal agenda")) : TR (N_("Agenda"));
  g_autofree char *note = g_strdup_printf ("%s  ·  %s", name, state);
  SecDocumentColumn columns[] = {
    { TR (N_("Time")), 13, SEC_COLUMN_DEFAULT },
    { TR (N_("Item")), internal ? 52 : 87, SEC_COLUMN_DEFAULT },
    { TR (N_("Notes for the secretariat")), 35, SEC_COLUMN_SMALL },
  };
  gboolean several_days = FALSE;
  guint day = G_MAXUINT;

  sec_document_begin_section (b->doc, name, note);
  sec_document_add_heading (b->doc, name);
  if (internal)
    sec_document_add_paragraph (b->doc, TR (N_("<b>For the secretariat only.</b> Not to be circulated.")));
  sec_meeting_pages_add_facts (b, TRUE);

  if (b->timing == NULL || d->items->len == 0)
    {
      sec_document_add_paragraph (b->doc, TR (N_("The agenda has no items yet.")));
      add_privacy_statement (b);
      if (internal)
        add_needs_table (b);
      return;
    }

  for (guint i = 0; i < b->timing->n_slots; i++)
    several_days |= b->timing->slots[i].day > 0;

  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, internal ? 3 : 2);
  for (guint i = 0; i < d->items->len; i++)
    {
      SecMeetingItem *item = g_ptr_array_index (d->items, i);
      SecAgendaSlot *slot = &b->timing->slots[i];
      g_autofree char *start = sec_meeting_pages_format_time (slot->starts);
      g_autofree char *end = sec_meeting_pages_format_time (slot->ends);
      g_autofree char *time = g_strdup_printf ("%s–%s", start, end);
      g_autofree char *cell = dup_item_cell (b, item, slot);
      g_autofree char *notes = internal ? dup_notes_cell (b, item, slot) : NULL;
      const char *cells[] = { time, cell, notes };
      gboolean muted = g_strcmp0 (item->kind, "break") == 0 || g_strcmp0 (item->kind, "lunch") == 0;

      if (several_days && slot->day != day)
        {
          g_autofree char *date = sec_meeting_pages_dup_long_date (b, slot->starts);
          g_autofree char *continued = g_strdup_printf (TR (N_("%s (continued)")), date);

          sec_document_add_group (b->doc, date, continued);
          day = slot->day;
        }
      sec_document_add_row (b->doc, muted ? SEC_ROW_MUTED : SEC_ROW_NORMAL, cells);
    }
  sec_document_end_table (b->doc);

  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *end = sec_meeting_pages_format_time (b->timing->planned_end);

    /* TRANSLATORS: the time the last item of an agenda ends */
    g_string_append_printf (text, TR (N_("Planned end: %s")), end);
    if (internal)
      {
        g_autofree char *total = dup_duration (b, b->timing->total_minutes);

        g_string_append (text, "  ·  ");
        /* TRANSLATORS: the sum of the durations of the agenda's items */
        g_string_append_printf (text, TR (N_("Total duration of the items: %s")), total);
        if (b->timing->overrun)
          {
            g_autofree char *over = dup_duration (b, b->timing->overrun_minutes);
            g_autofree char *meeting_end = sec_meeting_pages_format_time (b->timing->meeting_ends);
            g_autofree char *line = NULL;

            /* TRANSLATORS: "The agenda runs 30 min past the end of the meeting (17:00)." */
            line = g_strdup_printf (TR (N_("The agenda runs %s past the end of the meeting (%s).")),
                                    over, meeting_end);
            g_string_append_printf (text, "\n<span foreground=\"" SEC_MEETING_PAGES_WARNING_COLOR "\"><b>%s</b></span>", line);
          }
      }
    sec_document_add_paragraph (b->doc, text->str);
  }

  add_privacy_statement (b);
  if (internal)
    add_needs_table (b);
}
