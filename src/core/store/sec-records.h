/* sec-records.h: the record kinds
 *
 * Every kind is a final SecRecord subclass described by a field table in
 * sec-records.c. They are declared together because each is nothing but its
 * table: the behaviour lives once in SecRecord and SecStore.
 */
#pragma once

#include "core/store/sec-record.h"

G_BEGIN_DECLS

#define SEC_TYPE_ORGANISATION (sec_organisation_get_type ())
G_DECLARE_FINAL_TYPE (SecOrganisation, sec_organisation, SEC, ORGANISATION, SecRecord)
#define SEC_TYPE_PERSON (sec_person_get_type ())
G_DECLARE_FINAL_TYPE (SecPerson, sec_person, SEC, PERSON, SecRecord)
#define SEC_TYPE_BODY (sec_body_get_type ())
G_DECLARE_FINAL_TYPE (SecBody, sec_body, SEC, BODY, SecRecord)
#define SEC_TYPE_MEMBERSHIP (sec_membership_get_type ())
G_DECLARE_FINAL_TYPE (SecMembership, sec_membership, SEC, MEMBERSHIP, SecRecord)
#define SEC_TYPE_MEETING (sec_meeting_get_type ())
G_DECLARE_FINAL_TYPE (SecMeeting, sec_meeting, SEC, MEETING, SecRecord)
#define SEC_TYPE_MEETING_BODY (sec_meeting_body_get_type ())
G_DECLARE_FINAL_TYPE (SecMeetingBody, sec_meeting_body, SEC, MEETING_BODY, SecRecord)
#define SEC_TYPE_AGENDA_ITEM (sec_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (SecAgendaItem, sec_agenda_item, SEC, AGENDA_ITEM, SecRecord)
#define SEC_TYPE_AGENDA_SPEAKER (sec_agenda_speaker_get_type ())
G_DECLARE_FINAL_TYPE (SecAgendaSpeaker, sec_agenda_speaker, SEC, AGENDA_SPEAKER, SecRecord)
#define SEC_TYPE_PARTICIPANT (sec_participant_get_type ())
G_DECLARE_FINAL_TYPE (SecParticipant, sec_participant, SEC, PARTICIPANT, SecRecord)
#define SEC_TYPE_CALL (sec_call_get_type ())
G_DECLARE_FINAL_TYPE (SecCall, sec_call, SEC, CALL, SecRecord)
#define SEC_TYPE_ERRATUM (sec_erratum_get_type ())
G_DECLARE_FINAL_TYPE (SecErratum, sec_erratum, SEC, ERRATUM, SecRecord)
#define SEC_TYPE_APPLICATION (sec_application_get_type ())
G_DECLARE_FINAL_TYPE (SecApplication, sec_application, SEC, APPLICATION, SecRecord)
#define SEC_TYPE_STATEMENT (sec_statement_get_type ())
G_DECLARE_FINAL_TYPE (SecStatement, sec_statement, SEC, STATEMENT, SecRecord)
#define SEC_TYPE_SIGNATORY (sec_signatory_get_type ())
G_DECLARE_FINAL_TYPE (SecSignatory, sec_signatory, SEC, SIGNATORY, SecRecord)
#define SEC_TYPE_COMMITMENT (sec_commitment_get_type ())
G_DECLARE_FINAL_TYPE (SecCommitment, sec_commitment, SEC, COMMITMENT, SecRecord)
#define SEC_TYPE_FOLLOW_UP (sec_follow_up_get_type ())
G_DECLARE_FINAL_TYPE (SecFollowUp, sec_follow_up, SEC, FOLLOW_UP, SecRecord)
#define SEC_TYPE_MINUTES (sec_minutes_get_type ())
G_DECLARE_FINAL_TYPE (SecMinutes, sec_minutes, SEC, MINUTES, SecRecord)
#define SEC_TYPE_ACTION_POINT (sec_action_point_get_type ())
G_DECLARE_FINAL_TYPE (SecActionPoint, sec_action_point, SEC, ACTION_POINT, SecRecord)
/* EU funding (sec-records-funding.c) */
#define SEC_TYPE_PROGRAMME (sec_programme_get_type ())
G_DECLARE_FINAL_TYPE (SecProgramme, sec_programme, SEC, PROGRAMME, SecRecord)
#define SEC_TYPE_FUNDING_CALL (sec_funding_call_get_type ())
G_DECLARE_FINAL_TYPE (SecFundingCall, sec_funding_call, SEC, FUNDING_CALL, SecRecord)
#define SEC_TYPE_PROJECT (sec_project_get_type ())
G_DECLARE_FINAL_TYPE (SecProject, sec_project, SEC, PROJECT, SecRecord)
#define SEC_TYPE_PROJECT_PARTNER (sec_project_partner_get_type ())
G_DECLARE_FINAL_TYPE (SecProjectPartner, sec_project_partner, SEC, PROJECT_PARTNER, SecRecord)

/* Every kind, in dependency order (a kind comes after those it refers to).
 * (transfer none): a 0-terminated array of GTypes. */
const GType *sec_record_kinds          (void);
/* By singular or plural name ("organisation", "organisations"), or 0. */
GType        sec_record_kind_lookup    (const char *name);

G_END_DECLS
