/* sec-participant-counts.h: how many participants a meeting has, in words */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* "Taking part" is one number everywhere: participants confirmed, attended
 * or attended remotely (the meeting list's "20 taking part" is the
 * meeting's `confirmed-count`).
 *
 * (transfer full): "20 taking part (Confirmed: 16 · Attended: 4) ·
 * Invited: 3 · Declined: 1", the statuses in the order of their choices;
 * "" when the meeting has no participants, NULL with @error. */
char       *sec_participant_counts_describe (SecStore    *store,
                                             gint64       meeting_id,
                                             GError     **error);
/* (transfer full): "20 taking part" */
char       *sec_participant_counts_format_taking_part (gint64 n);
/* Whether a participant of status @status (a nick) is taking part. */
gboolean    sec_participant_counts_is_taking_part (const char *status);

G_END_DECLS
