/* sec-delegates.h: who represents a member organisation in a body
 *
 * A membership names the organisation's delegate and one or more
 * alternates, in order, all people of that organisation (as the
 * Commission's expert groups do). Inviting the members invites the
 * delegate, in place of the organisation's contact person
 * (sec-invitations.h); when the delegate declines, the first
 * alternate not yet taking part is proposed, and taking the proposal
 * records the alternate as the delegate's substitute (the status
 * "Replaced by a substitute", as a substitute named by hand).
 */
#pragma once

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* (transfer full) (element-type gint64): the alternates of @membership_id,
 * in order; NULL with @error. */
GArray     *sec_membership_list_alternates       (SecStore      *store,
                                                  gint64         membership_id,
                                                  GError       **error);
/* Names @delegate_id (0: none) and the alternates @alternate_ids of
 * @membership_id, in one transaction. Each must be a person of the
 * membership's organisation, and the delegate is not an alternate too:
 * else SEC_STORE_ERROR_INVALID and nothing changes. */
gboolean    sec_membership_set_representatives   (SecStore      *store,
                                                  gint64         membership_id,
                                                  gint64         delegate_id,
                                                  const gint64  *alternate_ids,
                                                  guint          n_alternates,
                                                  GError       **error);
/* The alternate to propose for participant @participant_id: when they
 * declined and are a delegate (or an alternate) of the organisation they
 * represent, the first of its alternates who is neither them nor a
 * participant of the meeting already; 0 when none, -1 with @error. */
gint64      sec_delegates_propose_substitute     (SecStore      *store,
                                                  gint64         participant_id,
                                                  GError       **error);
/* Records @person_id as the substitute of participant @participant_id
 * ("Replaced by a substitute"). */
gboolean    sec_delegates_take_substitute        (SecStore      *store,
                                                  gint64         participant_id,
                                                  gint64         person_id,
                                                  GError       **error);

G_END_DECLS

G_BEGIN_DECLS

/* A delegate who declined, and the alternate proposed in their place. */
typedef struct {
  gint64  participant_id;
  gint64  person_id;        /* the alternate */
  char   *name;             /* the one who declined: "Anna Müller" */
  char   *substitute_name;  /* the alternate */
  char   *organisation;     /* or NULL */
} SecSubstituteProposal;

void        sec_substitute_proposal_free         (SecSubstituteProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecSubstituteProposal, sec_substitute_proposal_free)

/* (transfer full) (element-type SecSubstituteProposal): the participants of
 * @meeting_id who declined and have an alternate to propose
 * (sec_delegates_propose_substitute ()), by name. */
GPtrArray  *sec_delegates_list_proposals         (SecStore      *store,
                                                  gint64         meeting_id,
                                                  GError       **error);

G_END_DECLS
