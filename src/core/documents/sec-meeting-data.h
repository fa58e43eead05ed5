/* sec-meeting-data.h: what a meeting's documents are made from
 *
 * sec_meeting_data_load () reads everything a document needs from the
 * store into SecMeetingData: plain, immutable, reference-counted values,
 * so that the documents can be made in any thread.
 *
 * Who is listed: the participants of the meeting except those who declined
 * or were excused; a participant replaced by a substitute is listed as the
 * substitute ("replacing Anna Müller"), or left out when the substitute is
 * a participant of their own (whose line then says whom they replace).
 */
#pragma once

#include <gio/gio.h>

#include "core/meetings/sec-agenda.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;            /* the participant record */
  char   *title;         /* of the person who attends: the substitute when */
  char   *given_name;    /* one replaces the person invited */
  char   *family_name;
  char   *replaces;      /* the name of the person replaced, or NULL */
  char   *position;
  char   *email;
  char   *phone;
  char   *organisation;  /* the organisation represented, or NULL */
  char   *organisation_acronym;
  char   *country;       /* its country (ISO 3166-1 alpha-2), or NULL */
  char   *body;          /* the first of the meeting's bodies it is an
                          * active member of (name), or NULL */
  char   *role;          /* nick of the participant's `role` */
  char   *representation; /* "delegate" or "alternate" of the organisation
                          * in one of the meeting's bodies, or NULL */
  char   *status;        /* nick of the participant's `status` */
  char   *needs;         /* the participant's needs and the person's
                          * accessibility and dietary needs, or NULL */
  gboolean staff;        /* of an organising institution: listed under
                          * its name, not its country */
  gboolean expected;     /* listed on the documents: not declined, not
                          * excused, not replaced by a substitute who is
                          * a participant of their own */
} SecMeetingParticipant;

typedef struct {
  gint64  id;
  char   *title;
  char   *description;
  char   *kind;          /* nick: item, break, lunch, signing, other */
  int     duration;      /* minutes */
  char   *fixed_start;   /* "HH:MM" or NULL */
  char   *internal_notes;
  GStrv   speakers;      /* "Anna Müller (Europol)", in order */
  char   *summary;       /* the minutes of the item, or NULL */
  char   *decisions;
} SecMeetingItem;

/* An action point (sec-action-points.h), as the minutes print it. */
typedef struct {
  gint64  id;
  gint64  agenda_item_id; /* 0: of the meeting as a whole */
  char   *what;
  char   *owner_kind;     /* nick: secretariat, person, organisation */
  char   *owner;          /* the person's or organisation's name, or NULL
                           * (the secretariat; or erased) */
  char   *due_on;         /* "YYYY-MM-DD" or NULL */
  char   *status;         /* nick: open, done, dropped */
  char   *closed_on;      /* "YYYY-MM-DD" or NULL */
  char   *notes;
  char   *meeting_title;  /* the meeting it comes from */
  char   *meeting_starts_at;
  char   *agenda_item_title; /* or NULL */
} SecMeetingActionPoint;

typedef struct {
  gint64     id;
  char      *title;
  char      *kind;
  char      *status;
  char      *starts_at;      /* wall-clock time in @timezone */
  char      *ends_at;
  char      *timezone;
  char      *venue;
  char      *room;
  char      *address;
  char      *online_link;
  char      *chair;
  char      *co_chair;
  char      *agenda_status;  /* "draft" or "final" */
  int        agenda_version;
  char      *created_at;     /* UTC, ISO 8601 */
  char      *updated_at;
  GStrv      bodies;         /* names of the meeting's bodies */
  GStrv      body_acronyms;  /* the same, short ("" when none) */
  GPtrArray *items;          /* SecMeetingItem, in agenda order */
  GPtrArray *participants;   /* SecMeetingParticipant, in the order added */
  GPtrArray *action_points;  /* SecMeetingActionPoint of this meeting, in
                              * the order of their items */
  GPtrArray *carried_points; /* SecMeetingActionPoint still open from
                              * earlier meetings of the same bodies */
  char      *store_uuid;     /* sec_store_get_uuid (): stable UIDs */
  char      *privacy_statement; /* printed on the invitation documents, or NULL */
} SecMeetingData;

/* (transfer full): the meeting @meeting_id and its agenda and
 * participants, or NULL with SEC_STORE_ERROR_NOT_FOUND ("No meeting with
 * the id 42") or another store error. */
SecMeetingData *sec_meeting_data_load   (SecStore        *store,
                                         gint64           meeting_id,
                                         GError         **error);
SecMeetingData *sec_meeting_data_ref    (SecMeetingData  *data);
void            sec_meeting_data_unref  (SecMeetingData  *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecMeetingData, sec_meeting_data_unref)

/* (transfer full) (element-type SecMeetingActionPoint): the action point
 * records @records (SecActionPoint, with their derived values) as the
 * documents print them: valid UTF-8, empty texts NULL. */
GPtrArray      *sec_meeting_data_read_action_points (GPtrArray *records);

/* (transfer full): the venue, room and (@with_address) address of @data
 * on one line, their lines separated by ", "; "" when none. */
char           *sec_meeting_data_dup_venue     (SecMeetingData *data,
                                                gboolean        with_address);
/* (transfer full): the times of the agenda's items (sec-agenda.h). */
SecAgendaTiming *sec_meeting_data_compute_timing (SecMeetingData *data);

G_END_DECLS
