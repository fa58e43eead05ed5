/* sec-meeting-list-pages.h: a meeting's list of participants and its
 * attendance sheet in its PDF documents
 *
 * Both list the participants expected in the order of the options
 * (sec-meeting-options.h), with a heading for each group. The list shows
 * the columns picked, two of them sharing a column where both are asked
 * for (organisation and country, role and status); the attendance sheet
 * has room to sign, one column a day for a meeting of two or three days,
 * and numbered empty lines at the end for those not on the list.
 */
#pragma once

#include "core/documents/sec-meeting-pages.h"

G_BEGIN_DECLS

/* Each adds its section to @b's document. */
void        sec_meeting_pages_add_participant_list (SecMeetingPages *b);
void        sec_meeting_pages_add_attendance_sheet (SecMeetingPages *b);

G_END_DECLS
