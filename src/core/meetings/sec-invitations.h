/* sec-invitations.h: a meeting's invitations, its participants' statuses,
 * the check-in on the meeting day, and what the meeting page warns about
 *
 * Inviting the members: every organisation that is an active member of one
 * of the meeting's bodies on the meeting's first day is invited through one
 * person, the delegate its membership names, else its contact person, or
 * one picked for it (sec-delegates.h); an organisation already
 * represented at the meeting is left as it is. Each invitation is a
 * participant with the status "invited", invited on today's date, in one
 * transaction for the whole batch.
 *
 * Who is expected (the check-in's count, as on the documents): every
 * participant except those who declined, were excused, take part online,
 * or were replaced (their substitute is expected instead: through the
 * replaced participant's record, or on a line of their own when the
 * substitute is a participant of their own).
 */
#pragma once

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
/* SecMemberOrganisation, SecCheckInMatch, SecParticipantNeeds: the store
 * fills them. */
#include "core/store/sec-store-meetings.h"

G_BEGIN_DECLS

/* (transfer full) (element-type SecMemberOrganisation): the member
 * organisations of the bodies of @meeting_id, by name. */
GPtrArray  *sec_invitations_list_members   (SecStore       *store,
                                            gint64          meeting_id,
                                            GError        **error);

/* The person to invite for an organisation: @person_id 0 invites nobody
 * (even when the organisation has a contact person). */
typedef struct {
  gint64 organisation_id;
  gint64 person_id;
} SecInvitationPick;

typedef struct {
  guint      n_invited;      /* participants created */
  guint      n_represented;  /* organisations represented already */
  guint      n_already;      /* people who were participants already */
  GPtrArray *unreached;      /* (element-type utf8): the organisations with
                              * nobody to invite, by name */
  guint      n_restricted;   /* restricted people, not invited */
} SecInvitationResult;

void        sec_invitation_result_free     (SecInvitationResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecInvitationResult, sec_invitation_result_free)

/* Invites every member organisation of the bodies of @meeting_id not yet
 * represented: through the person @picks names for it, else its contact
 * person; one with neither is reported in the result's `unreached`. The
 * participant represents the member organisation. One transaction: on
 * failure nothing is invited. */
gboolean    sec_invitations_invite_members (SecStore                 *store,
                                            gint64                    meeting_id,
                                            const SecInvitationPick  *picks,
                                            guint                     n_picks,
                                            SecInvitationResult     **result,
                                            GError                  **error);
/* Invites the people @person_ids (those not yet participants), each
 * representing their own organisation. One transaction. */
gboolean    sec_invitations_invite_people  (SecStore                 *store,
                                            gint64                    meeting_id,
                                            const gint64             *person_ids,
                                            guint                     n_people,
                                            SecInvitationResult     **result,
                                            GError                  **error);

/* Gives the participants @ids the status @status (a nick of the
 * participant's `status`), dated today in `status-changed-on` where it
 * changes; @substitute_id (0: none) is who replaces them, recorded with
 * "replaced" only (another status clears it). One transaction. */
gboolean    sec_participants_set_status    (SecStore       *store,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            const char     *status,
                                            gint64          substitute_id,
                                            GError        **error);
/* Gives the participants @ids the role @role (a nick of `role`). */
gboolean    sec_participants_set_role      (SecStore       *store,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            const char     *role,
                                            GError        **error);

/* Counts per status, in the order of the statuses' choices. */
typedef struct {
  const char *status;   /* the nick */
  gint64      count;
} SecStatusCount;
/* (transfer full) (element-type SecStatusCount): the statuses with at
 * least one participant of @meeting_id, in the order of the choices. */
GArray     *sec_participants_count_statuses (SecStore      *store,
                                             gint64         meeting_id,
                                             GError       **error);

/* Check-in */

/* (transfer full) (element-type SecCheckInMatch): at most @limit people of
 * @meeting_id whose name has every word of @text (folding case and
 * accents, "mull" finds "Müller"), names starting with the words first,
 * then by name. An empty @text finds nobody. */
GPtrArray  *sec_check_in_find              (SecStore       *store,
                                            gint64          meeting_id,
                                            const char     *text,
                                            guint           limit,
                                            GError        **error);

/* What a check-in changed, to take it back. */
typedef struct _SecCheckIn SecCheckIn;

/* Marks the person of @match present ("attended", dated today). The
 * substitute of a replaced participant is added as a participant of their
 * own, representing the same organisation in the same role (the documents
 * then list them in place of the one replaced). (transfer full): what to
 * give to sec_check_in_undo (), or NULL on error. */
SecCheckIn *sec_check_in                   (SecStore             *store,
                                            const SecCheckInMatch *match,
                                            GError              **error);
/* Takes the check-in back: the status as it was, or the substitute's
 * participant removed again. */
gboolean    sec_check_in_undo              (SecStore       *store,
                                            SecCheckIn     *check_in,
                                            GError        **error);
/* The name of the person checked in. */
const char *sec_check_in_get_name          (SecCheckIn     *check_in);
gint64      sec_check_in_get_participant_id (SecCheckIn    *check_in);
void        sec_check_in_free              (SecCheckIn     *check_in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecCheckIn, sec_check_in_free)

/* @present: participants marked "attended"; @expected: see above. */
gboolean    sec_check_in_count             (SecStore       *store,
                                            gint64          meeting_id,
                                            gint64         *present,
                                            gint64         *expected,
                                            GError        **error);

/* What a meeting page warns about */

/* (transfer full) (element-type SecParticipantNeeds): the participants of
 * @meeting_id still expected who have needs recorded, by name. */
GPtrArray  *sec_meeting_list_needs         (SecStore       *store,
                                            gint64          meeting_id,
                                            GError        **error);

/* Whether one of the bodies of @meeting_id is the network of National
 * Rapporteurs: its name or short name says so ("NREM", "National
 * Rapporteurs"), or most of its active members are national rapporteurs or
 * equivalent mechanisms. */
gboolean    sec_meeting_is_nrem            (SecStore       *store,
                                            gint64          meeting_id);
/* (transfer full) (nullable): the co-chair to propose for @meeting (a
 * SecMeeting of the network of National Rapporteurs): the Presidency of
 * the Council on its first day (sec_presidencies_propose_co_chair ()), or
 * NULL when the meeting is not one of the network, the Presidency is
 * unknown, or the co-chair already names that Presidency ("Bulgarian
 * Presidency of the Council of the EU" for Bulgaria). @country: the
 * Presidency's country code (ISO 3166-1 alpha-2), when not NULL. */
char       *sec_meeting_propose_co_chair   (SecStore       *store,
                                            SecRecord      *meeting,
                                            char          **country);

G_END_DECLS
