/* sec-meeting-csv.h: a meeting's participants as a CSV file (sec-csv.h) */
#pragma once

#include "core/documents/sec-meeting-options.h"

G_BEGIN_DECLS

/* (transfer full): the participants of @data as a CSV file (the mark, a
 * header record, then one record per participant in the list's order).
 * The columns are @options' (by default every column the variant allows),
 * with the name as title, given name and family name; the internal
 * variant lists every participant, the public one those expected. */
char    *sec_meeting_csv_participants (SecMeetingData                  *data,
                                       const SecMeetingDocumentOptions *options);

G_END_DECLS
