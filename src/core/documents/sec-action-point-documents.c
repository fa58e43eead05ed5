/* sec-action-point-documents.c: the action points of every meeting */
#define G_LOG_DOMAIN "sec-action-point-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/documents/sec-action-point-documents.h"
#include "core/documents/sec-csv.h"
#include "core/documents/sec-document-text.h"
#include "core/documents/sec-meeting-data.h"
#include "core/documents/sec-meeting-minutes-pages.h"
#include "core/meetings/sec-action-points.h"
#include "core/store/sec-records.h"

/* The meeting pages' TR reads a builder; this file has a locale alone. */
#undef TR
#define TR(s) sec_document_locale_gettext (locale, (s))

/* Helpers */

/* (transfer full) (element-type SecMeetingActionPoint) */
static GPtrArray *
load_points (SecStore  *store,
             gboolean   open_only,
             GError   **error)
{
  g_autoptr(GPtrArray) records = sec_action_points_list_all (store, open_only, error);

  return records ? sec_meeting_data_read_action_points (records) : NULL;
}

static gboolean
is_overdue (SecMeetingActionPoint *point,
            const char            *today)
{
  return g_strcmp0 (point->status, "open") == 0 && point->due_on != NULL && g_strcmp0 (point->due_on, today) < 0;
}

static const char *
status_label (SecDocumentLocale *locale,
              const char        *status)
{
  return sec_text_choice_label (locale, SEC_TYPE_ACTION_POINT, "status", status);
}

/* Public API */

SecDocument *
sec_action_points_document (SecStore    *store,
                            gboolean     open_only,
                            const char  *language,
                            const char  *today,
                            GError     **error)
{
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autofree char *now = NULL;
  g_autofree char *day = NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *counts = NULL;
  const char *title;
  SecDocument *doc;
  guint n_open = 0, n_overdue = 0;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((points = load_points (store, open_only, error)) == NULL)
    return NULL;
  now = today ? g_strdup (today) : sec_today ();
  locale = sec_document_locale_new (language);
  title = open_only ? TR (N_("Open action points")) : TR (N_("Action points"));
  day = sec_text_format_day (locale, now);
  left = g_markup_printf_escaped ("<b>%s</b>", title);
  /* TRANSLATORS: the day an action points list is about, in its header: "As of 6 December 2026" */
  right = g_markup_printf_escaped (TR (N_("As of %s")), day);
  doc = sec_text_new_document (locale, title, title, left, right);
  sec_document_set_personal (doc, TRUE);

  sec_document_begin_section (doc, title, NULL);
  sec_document_add_heading (doc, title);
  for (guint i = 0; i < points->len; i++)
    {
      SecMeetingActionPoint *point = g_ptr_array_index (points, i);

      n_open += g_strcmp0 (point->status, "open") == 0;
      n_overdue += is_overdue (point, now);
    }
  /* TRANSLATORS: counts in the list of action points: "Open: 12  ·  Overdue: 3" */
  counts = g_strdup_printf (TR (N_("Open: %u  ·  Overdue: %u")), n_open, n_overdue);
  sec_document_add_paragraph (doc, counts);

  if (points->len == 0)
    {
      sec_document_add_paragraph (doc, TR (N_("No action point.")));
      return doc;
    }

  {
    const SecDocumentColumn columns[] = {
      { sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "what"), 34, SEC_COLUMN_DEFAULT },
      { sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "owner"), 18, SEC_COLUMN_DEFAULT },
      { sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "due-on"), 14, SEC_COLUMN_SMALL },
      { sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "status"), 10, SEC_COLUMN_SMALL },
      { sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "meeting"), 24, SEC_COLUMN_SMALL },
    };

    sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
    for (guint i = 0; i < points->len; i++)
      {
        SecMeetingActionPoint *point = g_ptr_array_index (points, i);
        g_autoptr(GString) what = g_string_new (NULL);
        g_autofree char *owner = sec_meeting_pages_dup_owner (locale, point);
        g_autofree char *owner_markup = sec_text_escape (owner);
        g_autofree char *due = sec_text_format_day (locale, point->due_on);
        g_autofree char *due_markup = NULL;
        g_autofree char *status = sec_text_escape (status_label (locale, point->status));
        g_autofree char *meeting_day = sec_text_format_day (locale, point->meeting_starts_at);
        g_autofree char *meeting = g_strdup_printf ("%s%s%s%s", point->meeting_title ? point->meeting_title : "",
                                                    *meeting_day ? " (" : "", meeting_day, *meeting_day ? ")" : "");
        g_autofree char *meeting_markup = sec_text_escape (meeting);
        g_autofree char *escaped_what = sec_text_escape (point->what);

        g_string_append (what, escaped_what);
        if (point->notes)
          {
            g_autofree char *notes = sec_text_escape (point->notes);

            g_string_append_printf (what, "\n<span size=\"small\"><i>%s</i></span>", notes);
          }
        if (is_overdue (point, now))
          {
            g_autofree char *escaped = sec_text_escape (due);

            /* TRANSLATORS: under a due date that has passed, in a document */
            due_markup = g_strdup_printf ("<span foreground=\"#a51d2d\"><b>%s</b>\n%s</span>",
                                          escaped, TR (N_("overdue")));
          }
        else
          due_markup = sec_text_escape (due);
        sec_document_add_row (doc, SEC_ROW_NORMAL, (const char *const[]) {
                                what->str, owner_markup, due_markup, status, meeting_markup });
      }
    sec_document_end_table (doc);
  }
  return doc;
}

char *
sec_action_points_csv (SecStore    *store,
                       gboolean     open_only,
                       const char  *language,
                       GError     **error)
{
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autoptr(GPtrArray) points = NULL;
  GString *out;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((points = load_points (store, open_only, error)) == NULL)
    return NULL;
  locale = sec_document_locale_new (language);
  out = g_string_new (SEC_CSV_BOM);
  {
    const char *header[] = {
      sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "meeting"),
      /* TRANSLATORS: a column of the CSV file of action points: the day of the meeting */
      TR (N_("Meeting date")),
      sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "agenda-item"),
      sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "what"),
      sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "owner"),
      sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "due-on"),
      sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "status"),
      sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "closed-on"),
      sec_text_field_label (locale, SEC_TYPE_ACTION_POINT, "notes"),
    };

    sec_csv_append_record (out, header, G_N_ELEMENTS (header));
  }
  for (guint i = 0; i < points->len; i++)
    {
      SecMeetingActionPoint *point = g_ptr_array_index (points, i);
      g_autofree char *owner = sec_meeting_pages_dup_owner (locale, point);
      g_autofree char *meeting_day = point->meeting_starts_at ? g_strndup (point->meeting_starts_at, 10) : NULL;
      const char *values[] = {
        point->meeting_title, meeting_day, point->agenda_item_title, point->what, owner, point->due_on,
        status_label (locale, point->status), point->closed_on, point->notes,
      };

      sec_csv_append_record (out, values, G_N_ELEMENTS (values));
    }
  return g_string_free (out, FALSE);
}
