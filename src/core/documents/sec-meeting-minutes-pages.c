/* sec-meeting-minutes-pages.c: a meeting's minutes, public or internal, in
 * its PDF documents */
#define G_LOG_DOMAIN "sec-meeting-minutes-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-document-text.h"
#include "core/documents/sec-meeting-agenda-pages.h"
#include "core/documents/sec-meeting-minutes-pages.h"
#include "core/store/sec-records.h"

/* Static helpers */

static gboolean
is_present (SecMeetingParticipant *p)
{
  return g_strcmp0 (p->status, "attended") == 0 || g_strcmp0 (p->status, "attended-remotely") == 0;
}

static char *
dup_name (SecMeetingParticipant *p)
{
  if (p->given_name)
    return g_strdup_printf ("%s %s", p->given_name, p->family_name ? p->family_name : "");
  return g_strdup (p->family_name ? p->family_name : "");
}

/* Paragraphs separated by blank lines, each escaped, its line breaks
 * kept; @label (markup, or NULL) in bold before the first. */
static void
add_text (SecMeetingPages *b,
          const char      *label,
          const char      *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);
  gboolean first = TRUE;

  for (guint i = 0; paragraphs[i]; i++)
    {
      g_autofree char *markup = sec_meeting_pages_escape (g_strstrip (paragraphs[i]));

      if (*markup == '\0')
        continue;
      if (first && label != NULL)
        {
          g_autofree char *labelled = g_strdup_printf ("<b>%s</b>\n%s", label, markup);

          sec_document_add_paragraph (b->doc, labelled);
        }
      else
        sec_document_add_paragraph (b->doc, markup);
      first = FALSE;
    }
}

static void
add_present (SecMeetingPages *b,
             gboolean         internal)
{
  g_autoptr(GArray) entries = sec_meeting_pages_sort (b, FALSE);
  g_autoptr(GString) apologies = g_string_new (NULL);
  const SecDocumentColumn columns[] = {
    { TR (N_("Name")), 28, SEC_COLUMN_DEFAULT },
    { TR (N_("Organisation")), internal ? 34 : 52, SEC_COLUMN_DEFAULT },
    { TR (N_("Present")), 20, SEC_COLUMN_SMALL },
    { TR (N_("Email")), 18, SEC_COLUMN_SMALL },
  };
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      SecMeetingParticipant *p = g_array_index (entries, SecMeetingSortEntry, i).p;

      if (is_present (p))
        n++;
      else if (g_strcmp0 (p->status, "excused") == 0)
        {
          g_autofree char *name = dup_name (p);

          g_string_append_printf (apologies, "%s%s", apologies->len ? ", " : "", name);
        }
    }

  {
    /* TRANSLATORS: a heading of the minutes, with the number of people */
    g_autofree char *heading = g_strdup_printf (TR (N_("Present (%u)")), n);

    sec_document_add_heading (b->doc, heading);
  }
  if (n == 0)
    sec_document_add_paragraph (b->doc, TR (N_("Nobody is recorded as present.")));
  else
    {
      sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, internal ? 4 : 3);
      for (guint i = 0; i < entries->len; i++)
        {
          SecMeetingParticipant *p = g_array_index (entries, SecMeetingSortEntry, i).p;
          g_autofree char *name = NULL;
          g_autofree char *org = NULL;
          g_autofree char *name_markup = NULL;
          g_autofree char *org_markup = NULL;
          g_autofree char *email = NULL;
          const char *how;

          if (!is_present (p))
            continue;
          name = dup_name (p);
          org = sec_meeting_pages_dup_organisation (p);
          name_markup = sec_meeting_pages_escape (name);
          org_markup = sec_meeting_pages_escape (org);
          email = internal ? sec_meeting_pages_escape (p->email) : NULL;
          /* TRANSLATORS: how someone took part in a meeting, in its minutes */
          how = g_strcmp0 (p->status, "attended") == 0 ? TR (N_("In person")) : TR (N_("Remotely"));
          sec_document_add_row (b->doc, SEC_ROW_NORMAL, (const char *const[]) { name_markup, org_markup, how, email });
        }
      sec_document_end_table (b->doc);
    }
  if (apologies->len)
    {
      g_autofree char *escaped = sec_meeting_pages_escape (apologies->str);
      /* TRANSLATORS: in the minutes: those who excused themselves */
      g_autofree char *line = g_strdup_printf (TR (N_("<b>Apologies:</b> %s")), escaped);

      sec_document_add_paragraph (b->doc, line);
    }
}

static void
add_points_table (SecMeetingPages *b,
                  GPtrArray       *points,
                  gint64           item_id,
                  gboolean         any_item,
                  gboolean         internal,
                  gboolean         with_meeting)
{
  const SecDocumentColumn columns[] = {
    { sec_text_field_label (b->locale, SEC_TYPE_ACTION_POINT, "what"), with_meeting ? 34 : internal ? 40 : 54,
      SEC_COLUMN_DEFAULT },
    { sec_text_field_label (b->locale, SEC_TYPE_ACTION_POINT, "owner"), with_meeting ? 20 : 24, SEC_COLUMN_DEFAULT },
    { sec_text_field_label (b->locale, SEC_TYPE_ACTION_POINT, "due-on"), with_meeting ? 14 : 18, SEC_COLUMN_SMALL },
    { with_meeting ? sec_text_field_label (b->locale, SEC_TYPE_ACTION_POINT, "meeting")
                   : sec_text_field_label (b->locale, SEC_TYPE_ACTION_POINT, "status"),
      with_meeting ? 32 : 18, SEC_COLUMN_SMALL },
  };
  gboolean begun = FALSE;

  for (guint i = 0; i < points->len; i++)
    {
      SecMeetingActionPoint *point = g_ptr_array_index (points, i);
      g_autofree char *owner = NULL;
      g_autofree char *owner_markup = NULL;
      g_autofree char *due = NULL;
      g_autofree char *due_markup = NULL;
      g_autoptr(GString) what = g_string_new (NULL);
      g_autofree char *last = NULL;

      if (!any_item && point->agenda_item_id != item_id)
        continue;
      if (!begun)
        {
          /* Under an item's minutes, a label; under a heading of
           * their own, none. */
          if (!with_meeting && item_id != 0)
            {
              g_autofree char *label = g_markup_printf_escaped ("<b>%s</b>", TR (N_("Action points")));

              sec_document_add_paragraph (b->doc, label);
            }
          sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, internal || with_meeting ? 4 : 3);
          begun = TRUE;
        }
      {
        g_autofree char *escaped = sec_meeting_pages_escape (point->what);

        g_string_append (what, escaped);
      }
      if (internal && point->notes)
        {
          g_autofree char *notes = sec_meeting_pages_escape (point->notes);

          g_string_append_printf (what, "\n<span size=\"small\"><i>%s</i></span>", notes);
        }
      owner = sec_meeting_pages_dup_owner (b->locale, point);
      owner_markup = sec_meeting_pages_escape (owner);
      due = sec_text_format_day (b->locale, point->due_on);
      due_markup = sec_meeting_pages_escape (due);
      if (with_meeting)
        {
          g_autofree char *day = sec_text_format_day (b->locale, point->meeting_starts_at);
          g_autofree char *text = *day ? g_strdup_printf ("%s (%s)", point->meeting_title, day)
                                       : g_strdup (point->meeting_title);

          last = sec_meeting_pages_escape (text);
        }
      else if (internal)
        last = sec_meeting_pages_escape (sec_text_choice_label (b->locale, SEC_TYPE_ACTION_POINT, "status",
                                                                point->status));
      sec_document_add_row (b->doc, SEC_ROW_NORMAL,
                            (const char *const[]) { what->str, owner_markup, due_markup, last });
    }
  if (begun)
    sec_document_end_table (b->doc);
}

/* Public API */

char *
sec_meeting_pages_dup_owner (SecDocumentLocale     *locale,
                             SecMeetingActionPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  if (g_strcmp0 (point->owner_kind, "person") != 0 && g_strcmp0 (point->owner_kind, "organisation") != 0)
    /* TRANSLATORS: who carries out an action point, in a document */
    return g_strdup (sec_document_locale_gettext (locale, N_("The secretariat")));
  if (point->owner == NULL || *point->owner == '\0')
    /* TRANSLATORS: who carries out an action point whose person or
     * organisation was erased, in a document */
    return g_strdup (sec_document_locale_gettext (locale, N_("Nobody named")));
  return g_strdup (point->owner);
}

void
sec_meeting_pages_add_minutes (SecMeetingPages *b,
                               gboolean         internal)
{
  SecMeetingData *d = b->data;
  const char *name = internal ? TR (N_("Minutes (internal)")) : TR (N_("Minutes of the meeting"));
  guint number = 0;
  gboolean any_loose = FALSE;

  sec_document_begin_section (b->doc, name, name);
  sec_document_add_heading (b->doc, TR (N_("Minutes of the meeting")));
  if (internal)
    sec_document_add_paragraph (b->doc, TR (N_("<b>For the secretariat only.</b> Not to be circulated.")));
  sec_meeting_pages_add_facts (b, FALSE);
  add_present (b, internal);

  for (guint i = 0; i < d->items->len; i++)
    {
      SecMeetingItem *item = g_ptr_array_index (d->items, i);
      gboolean numbered = g_strcmp0 (item->kind, "break") != 0 && g_strcmp0 (item->kind, "lunch") != 0;
      gboolean has_points = FALSE;
      g_autofree char *heading = NULL;

      if (!numbered)
        continue;
      number++;
      for (guint j = 0; j < d->action_points->len; j++)
        has_points |= ((SecMeetingActionPoint *) g_ptr_array_index (d->action_points, j))->agenda_item_id == item->id;

      /* TRANSLATORS: the heading of an agenda item in the minutes: "3. Presentation of the Strategy" */
      heading = g_strdup_printf (TR (N_("%u. %s")), number, item->title);
      sec_document_add_heading (b->doc, heading);
      if (item->summary)
        add_text (b, NULL, item->summary);
      if (item->decisions)
        add_text (b, TR (N_("Decisions")), item->decisions);
      if (!item->summary && !item->decisions && !has_points)
        {
          g_autofree char *nothing = g_markup_printf_escaped ("<i>%s</i>", TR (N_("Nothing recorded.")));

          sec_document_add_paragraph (b->doc, nothing);
        }
      add_points_table (b, d->action_points, item->id, FALSE, internal, FALSE);
    }

  for (guint j = 0; j < d->action_points->len; j++)
    any_loose |= ((SecMeetingActionPoint *) g_ptr_array_index (d->action_points, j))->agenda_item_id == 0;
  if (any_loose)
    {
      sec_document_add_heading (b->doc, TR (N_("Other action points")));
      add_points_table (b, d->action_points, 0, FALSE, internal, FALSE);
    }

  if (internal && d->carried_points->len > 0)
    {
      sec_document_add_heading (b->doc, TR (N_("Open action points of earlier meetings")));
      add_points_table (b, d->carried_points, 0, TRUE, internal, TRUE);
    }
}
