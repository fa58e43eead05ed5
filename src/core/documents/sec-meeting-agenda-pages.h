/* sec-meeting-agenda-pages.h: a meeting's agenda in its PDF documents
 *
 * The public agenda: the meeting's facts (its agenda's state, when and
 * where, the chairs) and a table of the items with their times, a heading
 * for each day of a meeting of several days, and when the agenda ends. The
 * internal one adds the notes for the secretariat, what the timing warns
 * about (items that overlap, or run past the end of the meeting), the
 * total duration, and a table of the participants' needs.
 */
#pragma once

#include "core/documents/sec-meeting-pages.h"

G_BEGIN_DECLS

/* Adds a paragraph of the meeting's facts: (@with_state) the agenda's
 * state, when and where, the chairs. The minutes begin with it too. */
void        sec_meeting_pages_add_facts    (SecMeetingPages *b,
                                            gboolean         with_state);
/* Adds the agenda, in a section of its own, to @b's document. */
void        sec_meeting_pages_add_agenda   (SecMeetingPages *b,
                                            gboolean         internal);

G_END_DECLS
