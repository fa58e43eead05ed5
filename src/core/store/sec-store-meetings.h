/* sec-store-meetings.h: what a meeting's workflow and documents read from
 * the database beyond its records
 *
 * The queries behind the invitations, the check-in and the meeting page's
 * warnings (src/core/meetings/sec-invitations.c), and the rows the meeting
 * documents are made from (src/core/documents/sec-meeting-data.c). Each
 * returns plain data; the rules that read it stay with the workflow.
 *
 * Who is expected, for the counts and the needs: every participant except
 * those who declined, were excused, take part online (the counts), or were
 * replaced (their substitute is expected instead: through the replaced
 * participant's record, or on a line of their own when the substitute is a
 * participant of their own).
 */
#pragma once

#include <glib.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Invitations */

/* A member organisation of the meeting's bodies. */
typedef struct {
  gint64    organisation_id;
  char     *name;
  char     *country;              /* ISO 3166-1 alpha-2, or NULL */
  char     *bodies;               /* the meeting's bodies it is a member of,
                                   * short names separated by ", " */
  gint64    contact_person_id;    /* the delegate its membership names, else
                                   * its contact person; 0: none */
  char     *contact_person_name;  /* or NULL */
  guint     n_people;             /* its people on record */
  gboolean  represented;          /* a participant of the meeting represents it */
} SecMemberOrganisation;

void        sec_member_organisation_free   (SecMemberOrganisation *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecMemberOrganisation, sec_member_organisation_free)

/* (transfer full) (element-type SecMemberOrganisation): the organisations
 * that are active members of one of the bodies of @meeting_id on its first
 * day, by name. The meeting is not checked: one that does not exist has
 * none. */
GPtrArray  *sec_store_list_member_organisations (SecStore   *store,
                                                 gint64      meeting_id,
                                                 GError    **error);
/* The participant of @meeting_id who is @person_id: its id, 0 when there
 * is none, -1 with @error on failure. */
gint64      sec_store_find_participant     (SecStore       *store,
                                            gint64          meeting_id,
                                            gint64          person_id,
                                            GError        **error);
/* (transfer full) (element-type utf8 gint64): the number of participants
 * of @meeting_id with each status (nick to count, as GSIZE_TO_POINTER);
 * the statuses nobody has are missing. */
GHashTable *sec_store_count_participant_statuses (SecStore   *store,
                                                  gint64      meeting_id,
                                                  GError    **error);

/* Check-in */

/* A person who may arrive: a participant, or the substitute of a replaced
 * one. */
typedef struct {
  gint64  participant_id;
  gint64  person_id;      /* who arrives */
  char   *name;           /* "Anna Müller" */
  char   *organisation;   /* or NULL */
  char   *status;         /* the participant's status nick */
  char   *replaces;       /* the name of the participant replaced, or NULL */
} SecCheckInMatch;

void        sec_check_in_match_free        (SecCheckInMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecCheckInMatch, sec_check_in_match_free)

/* (transfer full) (element-type SecCheckInMatch): at most @limit people of
 * @meeting_id whose folded name (sec_fold ()) holds every one of @words
 * (folded, not empty), names with a word starting with them first, then
 * those expected before those who declined or were excused, then by name.
 * A substitute with a line of their own is found on that line only. */
GPtrArray  *sec_store_find_check_in        (SecStore           *store,
                                            gint64              meeting_id,
                                            const char *const  *words,
                                            guint               limit,
                                            GError            **error);
/* @present: participants of @meeting_id marked "attended"; @expected:
 * those expected, online participants left out (see above). */
gboolean    sec_store_count_check_in       (SecStore       *store,
                                            gint64          meeting_id,
                                            gint64         *present,
                                            gint64         *expected,
                                            GError        **error);

/* What a meeting page warns about */

typedef struct {
  gint64  participant_id;
  char   *name;
  char   *accessibility;   /* the person's accessibility needs, or NULL */
  char   *dietary;         /* the person's dietary needs, or NULL */
  char   *needs;           /* the participant's needs for this meeting, or NULL */
} SecParticipantNeeds;

void        sec_participant_needs_free     (SecParticipantNeeds *needs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecParticipantNeeds, sec_participant_needs_free)

/* (transfer full) (element-type SecParticipantNeeds): the participants of
 * @meeting_id still expected who have needs recorded, by name. */
GPtrArray  *sec_store_list_participant_needs (SecStore     *store,
                                              gint64        meeting_id,
                                              GError      **error);
/* Sets @nrem to whether one of the bodies of @meeting_id is the network of
 * National Rapporteurs: its folded name or short name says "NREM" or
 * "national rapporteur", or more than half of its active members are
 * organisations of the kind "nrem". */
gboolean    sec_store_meeting_is_nrem      (SecStore       *store,
                                            gint64          meeting_id,
                                            gboolean       *nrem,
                                            GError        **error);

/* The meeting documents' rows */

/* The names of the bodies of @meeting_id and their short names ("" when
 * none), in the order they were added. (transfer full) both */
gboolean    sec_store_list_meeting_bodies  (SecStore       *store,
                                            gint64          meeting_id,
                                            GStrv          *names,
                                            GStrv          *acronyms,
                                            GError        **error);

/* The ids of the bodies of @meeting_id (gint64), in the order they were
 * added. (transfer full) */
GArray     *sec_store_get_meeting_body_ids (SecStore       *store,
                                            gint64          meeting_id,
                                            GError        **error);
/* Makes the @n bodies @body_ids those of @meeting_id, in one transaction:
 * the links missing are added, those not wanted deleted (each in the
 * history), those kept left as they are. What the editor saves, and what
 * undoing an edit puts back. */
gboolean    sec_store_set_meeting_body_ids (SecStore       *store,
                                            gint64          meeting_id,
                                            const gint64   *body_ids,
                                            guint           n,
                                            GError        **error);

/* A speaker of an agenda item. */
typedef struct {
  gint64  agenda_item_id;
  char   *name;           /* "Anna Müller" */
  char   *organisation;   /* its acronym, else its name; or NULL */
} SecAgendaSpeakerRow;

void        sec_agenda_speaker_row_free    (SecAgendaSpeakerRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecAgendaSpeakerRow, sec_agenda_speaker_row_free)

/* (transfer full) (element-type SecAgendaSpeakerRow): the speakers of the
 * agenda items of @meeting_id, by item, in their order. */
GPtrArray  *sec_store_list_agenda_speakers (SecStore       *store,
                                            gint64          meeting_id,
                                            GError        **error);

/* A participant of a meeting as its documents list them. The texts are
 * stripped, NULL when blank. */
typedef struct {
  gint64  participant_id;
  gint64  person_id;       /* the person invited */
  gint64  attending_id;    /* who attends: the substitute of a replaced
                            * participant, unless the substitute is a
                            * participant of their own; else the person */
  gint64  substitute_id;   /* 0: none */
  char   *role;            /* nicks */
  char   *status;
  char   *needs;           /* the participant's needs for the meeting */
  /* The person who attends: */
  char   *title;
  char   *given_name;
  char   *family_name;
  char   *position;
  char   *email;
  char   *phone;
  char   *accessibility_needs;
  char   *dietary_needs;
  char   *invited_name;    /* "Anna Müller": the person invited */
  /* The organisation represented, else the invited person's own: */
  char   *organisation;
  char   *organisation_acronym;
  char   *country;
  char   *body;            /* the first of the meeting's bodies it is an
                            * active member of (name) */
  gboolean staff;          /* the organisation is an organising institution */
  char   *representation;  /* "delegate" or "alternate": how the person who
                            * attends represents the organisation in one of
                            * the meeting's bodies; NULL when neither */
} SecMeetingParticipantRow;

void        sec_meeting_participant_row_free (SecMeetingParticipantRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecMeetingParticipantRow, sec_meeting_participant_row_free)

/* (transfer full) (element-type SecMeetingParticipantRow): every
 * participant of @meeting_id, in the order they were added. */
GPtrArray  *sec_store_list_meeting_participants (SecStore   *store,
                                                 gint64      meeting_id,
                                                 GError    **error);

G_END_DECLS
