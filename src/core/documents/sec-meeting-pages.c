/* sec-meeting-pages.c: what every page of a meeting's PDF documents shares */
#define G_LOG_DOMAIN "sec-meeting-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-meeting-pages.h"

/* Escaped text with its line breaks kept. */
char *
sec_meeting_pages_escape (const char *text)
{
  g_autofree char *valid = NULL;

  /* g_markup_escape_text () reads invalid UTF-8 past its end. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  return g_markup_escape_text (text ? text : "", -1);
}

char *
sec_meeting_pages_format_time (GDateTime *dt)
{
  return g_date_time_format (dt, "%H:%M");
}

char *
sec_meeting_pages_format_date (SecMeetingPages *b,
                               GDateTime       *dt,
                               const char      *format)
{
  return sec_document_locale_format_date (b->locale, dt, format);
}

char *
sec_meeting_pages_dup_long_date (SecMeetingPages *b,
                                 GDateTime       *dt)
{
  /* TRANSLATORS: a day in a document, see g_date_time_format (): "Wednesday 13 June 2018" */
  return sec_meeting_pages_format_date (b, dt, TR (N_("%A %-d %B %Y")));
}

static char *
dup_date (SecMeetingPages *b,
          GDateTime       *dt)
{
  /* TRANSLATORS: a date in a document, see g_date_time_format (): "13 June 2018" */
  return sec_meeting_pages_format_date (b, dt, TR (N_("%-d %B %Y")));
}

/* "Wednesday 13 June 2018, 09:30–17:30", or over several days
 * "13 June 2018, 09:30 – 14 June 2018, 13:00". */
char *
sec_meeting_pages_dup_period (SecMeetingPages *b)
{
  GDateTime *start = b->timing ? b->timing->meeting_starts : NULL;
  GDateTime *end = b->timing ? b->timing->meeting_ends : NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;

  if (start == NULL)
    return g_strdup (b->data->starts_at ? b->data->starts_at : "");
  start_time = sec_meeting_pages_format_time (start);
  if (end == NULL)
    {
      g_autofree char *day = sec_meeting_pages_dup_long_date (b, start);

      return g_strdup_printf ("%s, %s", day, start_time);
    }
  end_time = sec_meeting_pages_format_time (end);
  if (g_date_time_get_year (start) == g_date_time_get_year (end) &&
      g_date_time_get_day_of_year (start) == g_date_time_get_day_of_year (end))
    {
      g_autofree char *day = sec_meeting_pages_dup_long_date (b, start);

      /* Translators: a meeting's time in its documents: the day, the start and the end time, "Thursday 14 October 2027, 09:30–17:00" (German "%1$s, %2$s–%3$s Uhr") */
      return g_strdup_printf (TR (N_("%1$s, %2$s–%3$s")), day, start_time, end_time);
    }
  {
    g_autofree char *first = dup_date (b, start);
    g_autofree char *last = dup_date (b, end);

    /* Translators: a meeting over several days in its documents: the first day and the start time, the last day and the end time, "14 October 2027, 09:30 – 15 October 2027, 13:00" */
    return g_strdup_printf (TR (N_("%1$s, %2$s – %3$s, %4$s")), first, start_time, last, end_time);
  }
}

char *
sec_meeting_pages_dup_organisation (SecMeetingParticipant *p)
{
  if (p->organisation == NULL)
    return g_strdup ("");
  if (p->organisation_acronym && g_strcmp0 (p->organisation_acronym, p->organisation) != 0)
    return g_strdup_printf ("%s (%s)", p->organisation, p->organisation_acronym);
  return g_strdup (p->organisation);
}

/* (element-type SecMeetingSortEntry) */
GArray *
sec_meeting_pages_sort (SecMeetingPages *b,
                        gboolean         expected_only)
{
  return sec_meeting_sort_entries (b->data, b->options, b->locale, expected_only);
}

void
sec_meeting_pages_setup_frame (SecMeetingPages *b)
{
  g_autoptr(GString) left = g_string_new (NULL);
  g_autoptr(GString) right = g_string_new (NULL);
  g_autofree char *title = sec_meeting_pages_escape (b->data->title);
  g_autofree char *period = sec_meeting_pages_dup_period (b);
  g_autofree char *venue = sec_meeting_data_dup_venue (b->data, FALSE);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  g_autofree char *generated = NULL;

  g_string_append_printf (left, "<b>%s</b>", title);
  if (b->data->bodies && b->data->bodies[0])
    {
      g_autofree char *bodies = g_strjoinv (" · ", b->data->bodies);
      g_autofree char *escaped = sec_meeting_pages_escape (bodies);

      g_string_append_printf (left, "\n%s", escaped);
    }
  {
    g_autofree char *escaped = sec_meeting_pages_escape (period);

    g_string_append (right, escaped);
  }
  if (*venue)
    {
      g_autofree char *escaped = sec_meeting_pages_escape (venue);

      g_string_append_printf (right, "\n%s", escaped);
    }
  sec_document_set_header (b->doc, left->str, right->str);

  now = b->options->generated ? g_date_time_ref (b->options->generated) : g_date_time_new_now_local ();
  /* TRANSLATORS: when a document was made, see g_date_time_format (): "13 June 2018, 09:30" */
  when = sec_meeting_pages_format_date (b, now, TR (N_("%-d %B %Y, %H:%M")));
  /* TRANSLATORS: in the footer of a document */
  generated = g_strdup_printf (TR (N_("Generated on %s")), when);
  /* TRANSLATORS: the page number in the footer of a document: "Page 2 of 7" */
  sec_document_set_footer (b->doc, generated, TR (N_("Page %d of %d")));
}
