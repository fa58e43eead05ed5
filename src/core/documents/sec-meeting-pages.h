/* sec-meeting-pages.h: what every page of a meeting's PDF documents
 * shares, for the files that lay them out (sec-meeting-agenda-pages.c,
 * sec-meeting-list-pages.c, sec-meeting-documents.c)
 *
 * A document is laid out from a SecMeetingPages: the meeting's data, the
 * options, the document's language and the agenda's timing. Its texts are
 * Pango markup; dates and labels are in the document's language, which
 * need not be the user's.
 */
#pragma once

#include <glib.h>

#include "core/documents/sec-document.h"
#include "core/documents/sec-document-locale.h"
#include "core/documents/sec-meeting-options.h"
#include "core/meetings/sec-agenda.h"

G_BEGIN_DECLS

typedef struct {
  SecMeetingData                  *data;
  const SecMeetingDocumentOptions *options;
  SecDocumentLocale               *locale;
  SecAgendaTiming                 *timing;   /* or NULL */
  SecDocument                     *doc;
} SecMeetingPages;

/* The strings of a document, in the document's language (for a
 * SecMeetingPages named `b`). */
#define TR(s) sec_document_locale_gettext (b->locale, (s))

/* Red for what the secretariat must look at in an internal document. */
#define SEC_MEETING_PAGES_WARNING_COLOR "#a51d2d"

/* (transfer full): @text (NULL: "") escaped for markup, its line breaks
 * kept. */
char       *sec_meeting_pages_escape          (const char      *text);
/* (transfer full): @dt as "09:30". */
char       *sec_meeting_pages_format_time     (GDateTime       *dt);
/* (transfer full): @dt as g_date_time_format () @format gives it in the
 * document's language. */
char       *sec_meeting_pages_format_date     (SecMeetingPages *b,
                                               GDateTime       *dt,
                                               const char      *format);
/* (transfer full): "Wednesday 13 June 2018". */
char       *sec_meeting_pages_dup_long_date   (SecMeetingPages *b,
                                               GDateTime       *dt);
/* (transfer full): when the meeting takes place: "Wednesday 13 June
 * 2018, 09:30–17:30". */
char       *sec_meeting_pages_dup_period      (SecMeetingPages *b);
/* (transfer full): "European Commission (EC)", or "". */
char       *sec_meeting_pages_dup_organisation (SecMeetingParticipant *p);
/* (transfer full) (element-type SecMeetingSortEntry): the participants
 * in the order of a list (sec_meeting_sort_entries ()). */
GArray     *sec_meeting_pages_sort            (SecMeetingPages *b,
                                               gboolean         expected_only);
/* Sets the header (the meeting's title, bodies, time and place) and the
 * footer (when made, the page number) of every page. */
void        sec_meeting_pages_setup_frame     (SecMeetingPages *b);

G_END_DECLS
