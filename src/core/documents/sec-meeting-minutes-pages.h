/* sec-meeting-minutes-pages.h: a meeting's minutes in its PDF documents
 *
 * The minutes: the meeting's facts, who was present (in person or
 * remotely) and who sent apologies, then for each agenda item discussed
 * the summary of the discussion, the decisions and the action points (what,
 * who, by when). The public minutes name people and organisations only;
 * the internal ones add the e-mail addresses of those present, the status
 * and notes of each action point, and the open action points of earlier
 * meetings of the same bodies.
 */
#pragma once

#include "core/documents/sec-meeting-pages.h"

G_BEGIN_DECLS

/* Adds the minutes, in a section of its own, to @b's document. */
void        sec_meeting_pages_add_minutes  (SecMeetingPages       *b,
                                            gboolean               internal);
/* (transfer full): who carries out @point, in @locale's language: the
 * person's or organisation's name, "The secretariat", or "Nobody named"
 * when they were erased. Plain text. */
char       *sec_meeting_pages_dup_owner    (SecDocumentLocale     *locale,
                                            SecMeetingActionPoint *point);

G_END_DECLS
