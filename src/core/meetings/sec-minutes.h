/* sec-minutes.h: the minutes of a meeting, agenda item by agenda item
 *
 * The minutes of an item (a SecMinutes record) are a summary of the
 * discussion and the decisions taken; an item has at most one, made when
 * something is first written for it and removed when both texts are
 * emptied. The action points decided at the meeting are in
 * sec-action-points.h.
 */
#pragma once

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* (transfer container) (element-type SecMinutes): the minutes of the items
 * of @meeting_id (in no particular order; an item without minutes has
 * none). */
GPtrArray  *sec_minutes_list_for_meeting (SecStore     *store,
                                          gint64        meeting_id,
                                          GError      **error);
/* (transfer full) (nullable): the minutes of @agenda_item_id, or NULL
 * (without @error) when it has none yet; NULL with @error on failure. */
SecRecord  *sec_minutes_get_for_item     (SecStore     *store,
                                          gint64        agenda_item_id,
                                          GError      **error);
/* Writes the summary and decisions of @agenda_item_id (NULL or blank:
 * none), in one transaction: the minutes are made, changed, or removed
 * when both are blank. Text is kept as typed, only trimmed at its ends.
 * Nothing is written when nothing changed. */
gboolean    sec_minutes_save             (SecStore     *store,
                                          gint64        agenda_item_id,
                                          const char   *summary,
                                          const char   *decisions,
                                          GError      **error);

G_END_DECLS
