/* sec-action-points.h: what a meeting decided someone must do, until it is
 * done
 *
 * An action point (a SecActionPoint record) comes from a meeting and, where
 * it was decided, one of its agenda items. It says what is to be done
 * (`what`, not blank), by whom (`owner`: the secretariat, a person or an
 * organisation, named in `person` or `organisation`), by when (`due-on`,
 * optional) and how it stands (`status`: open, done or dropped; `closed-on`
 * is the day it was done or dropped).
 *
 * The open action points of earlier meetings of the same bodies are
 * carried onto the next meeting: its page lists them, and
 * sec_action_points_add_follow_up_item () puts them on its agenda.
 */
#pragma once

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The agenda item's title of the follow-up (translated). */
const char *sec_action_points_follow_up_title (void);

/* Checks @point beyond its fields (sec_record_validate ()): `what` is not
 * blank, and a point for a person or an organisation names one. The first
 * problem is a SEC_RECORD_ERROR with a translated message. */
gboolean    sec_action_point_check        (SecRecord    *point,
                                           GError      **error);
/* Checks @point, dates its closing (@today, "YYYY-MM-DD", NULL for today)
 * when its status leaves "open" and clears that date when it is open
 * again, forgets the person or organisation its owner does not name, and
 * inserts it (id 0) or updates it, in one transaction. */
gboolean    sec_action_point_save         (SecStore     *store,
                                           SecRecord    *point,
                                           const char   *today,
                                           GError      **error);
/* Sets the status of action point @id (open, done or dropped) as
 * sec_action_point_save () would. */
gboolean    sec_action_point_set_status   (SecStore     *store,
                                           gint64        id,
                                           const char   *status,
                                           const char   *today,
                                           GError      **error);

/* (transfer container) (element-type SecActionPoint): the action points of
 * @meeting_id, in the order of their agenda items (those of no item last),
 * then as they were made. */
GPtrArray  *sec_action_points_list_for_meeting (SecStore *store,
                                                gint64    meeting_id,
                                                GError  **error);
/* (transfer container) (element-type SecActionPoint): the open action
 * points of the meetings before @meeting_id (by their start) that share
 * one of its bodies, by due date (none last). */
GPtrArray  *sec_action_points_list_carried (SecStore     *store,
                                            gint64        meeting_id,
                                            GError      **error);
/* (transfer container) (element-type SecActionPoint): every action point
 * (@open_only: the open ones), by due date (none last), then by meeting. */
GPtrArray  *sec_action_points_list_all    (SecStore     *store,
                                           gboolean      open_only,
                                           GError      **error);

/* Adds to the agenda of @meeting_id an item "Follow-up of action points"
 * that lists the open action points carried onto it (each with who and
 * by when), after its first item (usually the opening), in one
 * transaction; the agenda's version follows (sec_agenda_note_change ()).
 * Refused, with a SEC_RECORD_ERROR, when the agenda has such an item
 * already or nothing is carried. Returns the new item's id, 0 with @error. */
gint64      sec_action_points_add_follow_up_item (SecStore *store,
                                                  gint64    meeting_id,
                                                  GError  **error);

/* (transfer full): who carries @point out, as shown: "Anna Müller",
 * "Europol", "The secretariat"; "Nobody named" when the person or
 * organisation was erased. Uses the point's derived names. */
char       *sec_action_point_dup_owner    (SecRecord    *point);
/* Whether @point is open and due on or before @today ("YYYY-MM-DD"). */
gboolean    sec_action_point_is_due       (SecRecord    *point,
                                           const char   *today);

G_END_DECLS
