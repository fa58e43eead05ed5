/* sec-meeting-ical.c: a meeting as an iCalendar file */
#define G_LOG_DOMAIN "sec-meeting-ical"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-ical.h"
#include "core/documents/sec-meeting-ical.h"

/* The VTIMEZONE covers the meeting and this much on either side. */
#define ZONE_MARGIN_SECONDS (366 * (gint64) 24 * 60 * 60)

/* Static helpers */

static char *
dup_description (SecMeetingData                  *data,
                 const SecMeetingDocumentOptions *options,
                 SecAgendaTiming                 *timing)
{
  g_autoptr(SecDocumentLocale) locale = sec_document_locale_new (options ? options->language : NULL);
  g_autoptr(GString) text = g_string_new (NULL);

#define TR(s) sec_document_locale_gettext (locale, (s))
  if (data->bodies && data->bodies[0])
    {
      g_autofree char *bodies = g_strjoinv ("\n", data->bodies);

      g_string_append (text, bodies);
    }
  if (timing != NULL && data->items->len > 0)
    {
      if (text->len)
        g_string_append (text, "\n\n");
      g_string_append_printf (text, "%s:", TR (N_("Agenda")));
      for (guint i = 0; i < data->items->len; i++)
        {
          SecMeetingItem *item = g_ptr_array_index (data->items, i);
          SecAgendaSlot *slot = &timing->slots[i];
          g_autofree char *start = g_date_time_format (slot->starts, "%H:%M");
          g_autofree char *end = g_date_time_format (slot->ends, "%H:%M");

          g_string_append_printf (text, "\n%s–%s  ", start, end);
          if (slot->number)
            g_string_append_printf (text, "%u. ", slot->number);
          g_string_append (text, item->title);
        }
    }
  if (data->online_link)
    {
      if (text->len)
        g_string_append (text, "\n\n");
      g_string_append_printf (text, TR (N_("Online: %s")), data->online_link);
    }
#undef TR
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Public API */

/**
 * sec_meeting_ical:
 * @options: (nullable): the language of the description
 *
 * Returns: (transfer full): the iCalendar file's text
 */
char *
sec_meeting_ical (SecMeetingData                  *data,
                  const SecMeetingDocumentOptions *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(SecAgendaTiming) timing = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  gboolean with_zone;

  g_return_val_if_fail (data != NULL, NULL);

  tz = data->timezone ? sec_time_zone_new (data->timezone) : NULL;
  start = sec_parse_datetime (data->starts_at, data->timezone);
  end = sec_parse_datetime (data->ends_at, data->timezone);
  if (end == NULL && start != NULL)
    end = g_date_time_ref (start);

  timing = sec_meeting_data_compute_timing (data);

  sec_ical_begin_calendar (out);

  /* Without a known zone the times are given in UTC (of the local zone's
   * reading of the wall-clock times). */
  with_zone = tz != NULL && start != NULL &&
              sec_ical_append_vtimezone (out, data->timezone,
                                         g_date_time_to_unix (start) - ZONE_MARGIN_SECONDS,
                                         g_date_time_to_unix (end) + ZONE_MARGIN_SECONDS);

  sec_ical_append_line (out, "BEGIN", "VEVENT");
  {
    /* The same meeting of the same database: the same event. */
    g_autofree char *uid = g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-%s@secretariat",
                                            data->id, data->store_uuid ? data->store_uuid : "");
    g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
    g_autofree char *created = sec_ical_format_utc_stamp (data->created_at);
    g_autofree char *modified = sec_ical_format_utc_stamp (data->updated_at);

    sec_ical_append_line (out, "UID", uid);
    sec_ical_append_line (out, "DTSTAMP", stamp);
    if (created)
      sec_ical_append_line (out, "CREATED", created);
    if (modified)
      sec_ical_append_line (out, "LAST-MODIFIED", modified);
  }
  if (start != NULL)
    {
      sec_ical_append_datetime (out, "DTSTART", start, with_zone ? data->timezone : NULL);
      sec_ical_append_datetime (out, "DTEND", end, with_zone ? data->timezone : NULL);
    }
  {
    g_autofree char *summary = sec_ical_escape_text (data->title);

    sec_ical_append_line (out, "SUMMARY", summary);
  }
  {
    g_autofree char *venue = sec_meeting_data_dup_venue (data, TRUE);
    const char *place = *venue == '\0' && data->online_link ? data->online_link : venue;

    if (*place)
      {
        g_autofree char *location = sec_ical_escape_text (place);

        sec_ical_append_line (out, "LOCATION", location);
      }
  }
  {
    g_autofree char *description = dup_description (data, options, timing);
    g_autofree char *escaped = sec_ical_escape_text (description);

    if (*description)
      sec_ical_append_line (out, "DESCRIPTION", escaped);
  }
  /* URL is a URI, not text: only a plain web address goes there (the
   * description has the link as text in any case). */
  if (sec_export_is_web_link (data->online_link))
    sec_ical_append_line (out, "URL", data->online_link);
  if (g_strcmp0 (data->status, "cancelled") == 0)
    sec_ical_append_line (out, "STATUS", "CANCELLED");
  else if (g_strcmp0 (data->status, "draft") == 0)
    sec_ical_append_line (out, "STATUS", "TENTATIVE");
  else
    sec_ical_append_line (out, "STATUS", "CONFIRMED");
  sec_ical_append_line (out, "END", "VEVENT");
  sec_ical_append_line (out, "END", "VCALENDAR");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
