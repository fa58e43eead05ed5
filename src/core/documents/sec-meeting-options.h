/* sec-meeting-options.h: what a meeting's participant lists show, and in
 * which order
 *
 * The columns, the grouping and the countries' order a user picks (in the
 * export dialog or on the command line), the labels of the participants'
 * roles and statuses in a document's language, and the order of a list:
 * by group, then by family and given name as the document's language
 * sorts them.
 */
#pragma once

#include <gio/gio.h>

#include "core/documents/sec-document-locale.h"
#include "core/documents/sec-meeting-data.h"

G_BEGIN_DECLS

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
  SEC_PARTICIPANT_COLUMN_LATIN        = 1 << 10, /* a Greek or Cyrillic name in Latin letters */
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

/* The columns a list prints: @options' (by default the variant's), never
 * private ones in a public list, and always the name. */
SecParticipantColumns sec_participant_columns_effective (const SecMeetingDocumentOptions *options);

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
/* (transfer full): a participant's role on the list of participants, with
 * how they represent their organisation: "Chair", "Delegate", "Observer,
 * Alternate"; NULL for a participant who is neither a delegate nor an
 * alternate when @plain_participant is FALSE (a participant's role goes
 * without saying there). */
char           *sec_meeting_participant_dup_role (SecDocumentLocale           *locale,
                                                  const SecMeetingParticipant *p,
                                                  gboolean                     plain_participant);
/* (transfer none): "Delegate" or "Alternate" for @representation, "" for NULL. */
const char     *sec_meeting_representation_label (SecDocumentLocale *locale,
                                                  const char        *representation);
/* (transfer none): the name of the country @code in the language of
 * @locale, else the code; "" for NULL. */
const char     *sec_meeting_country_label (SecDocumentLocale *locale,
                                           const char        *code);

/* (transfer full) (nullable): the participant's given and family name in
 * Latin letters ("Dimitra Antoniou") when either is Greek or Cyrillic. */
char           *sec_meeting_dup_latin_name (SecMeetingParticipant *p);

/* For the meeting documents' pages: a participant in the order of a list,
 * with the group it is listed in. */
typedef struct {
  SecMeetingParticipant *p;
  int                    group_rank;
  char                  *group_key;
  char                  *family_key;
  char                  *given_key;
} SecMeetingSortEntry;

/* (transfer full) (element-type SecMeetingSortEntry): the participants of
 * @data in the order of a list made with @options (not NULL), in the
 * language of @locale; @expected_only leaves out those not expected. */
GArray         *sec_meeting_sort_entries    (SecMeetingData                  *data,
                                             const SecMeetingDocumentOptions *options,
                                             SecDocumentLocale               *locale,
                                             gboolean                         expected_only);
/* Whether two entries are listed in the same group. */
gboolean        sec_meeting_sort_same_group (const SecMeetingSortEntry *a,
                                             const SecMeetingSortEntry *b);

G_END_DECLS
