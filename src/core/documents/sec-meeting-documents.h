/* sec-meeting-documents.h: a meeting's agenda, participant list,
 * attendance sheet and meeting pack, and its exports
 *
 * Two steps, so that an export can leave the main thread:
 *
 * 1. sec_meeting_data_load () reads everything a document needs from the
 *    store into SecMeetingData: plain, immutable, reference-counted values.
 *    This is the only step that touches the store, so it runs where the
 *    store is used (the main thread).
 * 2. The builders and writers work from that data alone:
 *    sec_meeting_document_new () makes a SecDocument (to print or preview),
 *    sec_meeting_document_export () writes a PDF, CSV or iCalendar file, and
 *    sec_meeting_document_export_async () does the same in a worker thread.
 *
 * Who is listed: the participants of the meeting except those who declined
 * or were excused; a participant replaced by a substitute is listed as the
 * substitute ("replacing Anna Müller"), or left out when the substitute is
 * a participant of their own (whose line then says whom they replace). The
 * CSV file of the internal variant lists every participant, with their
 * status.
 */
#pragma once

#include <gio/gio.h>

#include "core/documents/sec-document.h"
#include "core/documents/sec-document-locale.h"
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
  char   *status;        /* nick of the participant's `status` */
  char   *needs;         /* the participant's needs and the person's
                          * accessibility and dietary needs, or NULL */
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
} SecMeetingItem;

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
  char      *store_uuid;     /* sec_store_get_uuid (): stable UIDs */
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

/* The columns of a participant list. */
typedef enum {
  SEC_PARTICIPANT_COLUMN_NAME         = 1 << 0,
  SEC_PARTICIPANT_COLUMN_POSITION     = 1 << 1,
  SEC_PARTICIPANT_COLUMN_ORGANISATION = 1 << 2,
  SEC_PARTICIPANT_COLUMN_COUNTRY      = 1 << 3,
  SEC_PARTICIPANT_COLUMN_BODY         = 1 << 4,
  SEC_PARTICIPANT_COLUMN_ROLE         = 1 << 5,
  SEC_PARTICIPANT_COLUMN_STATUS       = 1 << 6,
  SEC_PARTICIPANT_COLUMN_EMAIL        = 1 << 7,  /* contact data */
  SEC_PARTICIPANT_COLUMN_PHONE        = 1 << 8,  /* contact data */
  SEC_PARTICIPANT_COLUMN_NEEDS        = 1 << 9,
} SecParticipantColumns;

/* What a public list leaves out, whatever the columns asked for. */
#define SEC_PARTICIPANT_COLUMNS_PRIVATE (SEC_PARTICIPANT_COLUMN_EMAIL | \
                                         SEC_PARTICIPANT_COLUMN_PHONE | \
                                         SEC_PARTICIPANT_COLUMN_NEEDS)

typedef struct {
  SecParticipantColumns column;
  const char           *nick;   /* "name", as on the command line */
  const char           *label;  /* N_() marked */
} SecParticipantColumnInfo;

/* (transfer none): every column, in the order they are printed. */
const SecParticipantColumnInfo *sec_participant_columns_list (guint *n_columns);
/* The columns of a list when none were picked. */
SecParticipantColumns sec_participant_columns_default (gboolean public_variant);
/* "name,organisation,email" (commas, spaces allowed); the name is always
 * printed. FALSE with a G_OPTION_ERROR_BAD_VALUE for an unknown column. */
gboolean        sec_participant_columns_parse (const char             *text,
                                               SecParticipantColumns  *columns,
                                               GError                **error);

typedef enum {
  SEC_GROUP_BY_NONE,
  SEC_GROUP_BY_COUNTRY,
  SEC_GROUP_BY_ORGANISATION,
  SEC_GROUP_BY_BODY,
} SecGroupBy;

/* "none", "country", "organisation", "body". */
gboolean        sec_group_by_parse       (const char      *text,
                                          SecGroupBy      *group_by);

typedef enum {
  SEC_COUNTRY_ORDER_ALPHABETICAL,  /* by name in the document's language */
  SEC_COUNTRY_ORDER_PROTOCOL,      /* the Member States in the EU's protocol
                                    * order, then the other countries */
} SecCountryOrder;

/* "alphabetical", "protocol". */
gboolean        sec_country_order_parse  (const char      *text,
                                          SecCountryOrder *order);

/* All zero is the default: the variant's columns, no grouping, countries
 * alphabetical, internal variant, the user's language, now. */
typedef struct {
  SecParticipantColumns  columns;        /* 0: sec_participant_columns_default () */
  SecGroupBy             group_by;
  SecCountryOrder        country_order;
  gboolean               public_variant; /* no contact data, no needs, no
                                          * internal agenda in a pack */
  const char            *language;       /* a code of sec_document_languages (),
                                          * or NULL for the user's language */
  const char            *author;         /* the PDF's author; NULL: the user's name */
  GDateTime             *generated;      /* the time printed as "Generated on";
                                          * NULL: now */
} SecMeetingDocumentOptions;

typedef enum {
  SEC_MEETING_EXPORT_AGENDA,             /* PDF */
  SEC_MEETING_EXPORT_AGENDA_INTERNAL,    /* PDF, with notes and needs */
  SEC_MEETING_EXPORT_PARTICIPANTS,       /* PDF */
  SEC_MEETING_EXPORT_ATTENDANCE,         /* PDF, to sign */
  SEC_MEETING_EXPORT_PACK,               /* PDF: all of the above in one */
  SEC_MEETING_EXPORT_PARTICIPANTS_CSV,   /* CSV */
  SEC_MEETING_EXPORT_ICAL,               /* iCalendar */
} SecMeetingExport;

/* "agenda", "agenda-internal", "participants", "attendance", "pack",
 * "participants-csv", "ical": the command line's names. */
const char     *sec_meeting_export_to_string   (SecMeetingExport  kind);
gboolean        sec_meeting_export_from_string (const char       *name,
                                                SecMeetingExport *kind);
/* (transfer none): "Agenda (internal)"... translated, for menus. */
const char     *sec_meeting_export_get_label   (SecMeetingExport  kind);
/* "pdf", "csv" or "ics"; and the MIME type, for file choosers. */
const char     *sec_meeting_export_get_extension (SecMeetingExport kind);
const char     *sec_meeting_export_get_mime_type (SecMeetingExport kind);

/* (transfer full): the document of a PDF kind, to print, preview or write
 * with sec_document_write_pdf (). NULL for CSV and iCalendar kinds. */
SecDocument    *sec_meeting_document_new (SecMeetingData                  *data,
                                          SecMeetingExport                 kind,
                                          const SecMeetingDocumentOptions *options);

/* Writes the export @kind of @data to @path (@paper for PDF kinds) through
 * a temporary file: on failure nothing is left at @path but what was there
 * before. Works on @data alone: it can run in any thread. */
gboolean        sec_meeting_document_export (SecMeetingData                  *data,
                                             SecMeetingExport                 kind,
                                             const SecMeetingDocumentOptions *options,
                                             SecPaper                         paper,
                                             const char                      *path,
                                             GError                         **error);
/* The same in a worker thread; @options is copied. */
void            sec_meeting_document_export_async  (SecMeetingData                  *data,
                                                    SecMeetingExport                 kind,
                                                    const SecMeetingDocumentOptions *options,
                                                    SecPaper                         paper,
                                                    const char                      *path,
                                                    GCancellable                    *cancellable,
                                                    GAsyncReadyCallback              callback,
                                                    gpointer                         user_data);
gboolean        sec_meeting_document_export_finish (GAsyncResult                    *result,
                                                    GError                         **error);

/* For the CSV writer: the participants a list shows, in its order (groups
 * and names as the language sorts them). (transfer container) (element-type
 * SecMeetingParticipant) */
GPtrArray      *sec_meeting_data_sort_participants (SecMeetingData                  *data,
                                                    const SecMeetingDocumentOptions *options,
                                                    gboolean                         expected_only);

/* (transfer none): the label of a participant's role or status (nicks of
 * the participant's fields) in the language of @locale. */
const char     *sec_meeting_role_label   (SecDocumentLocale *locale,
                                          const char        *role);
const char     *sec_meeting_status_label (SecDocumentLocale *locale,
                                          const char        *status);

G_END_DECLS
