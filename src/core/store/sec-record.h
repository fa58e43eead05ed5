/* sec-record.h: the base type of every stored record
 *
 * Each record kind (organisation, person, meeting...) is a final subclass of
 * SecRecord whose class carries a SecKind: a static table of its fields. The
 * base class installs one GObject property per field, keeps the values, and
 * validates them; the store reads and writes them generically. Adding a field
 * is one line in sec-records.c plus a migration.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SEC_FIELD_TEXT,      /* free text (string) */
  SEC_FIELD_LONG_TEXT, /* free text over several lines (string) */
  SEC_FIELD_INT,       /* whole number (gint) */
  SEC_FIELD_DOUBLE,    /* number (gdouble) */
  SEC_FIELD_BOOL,      /* yes/no (gboolean) */
  SEC_FIELD_DATE,      /* ISO 8601 date YYYY-MM-DD (string) */
  SEC_FIELD_DATETIME,  /* local wall-clock time YYYY-MM-DDTHH:MM[:SS] (string) */
  SEC_FIELD_TIMEZONE,  /* IANA time zone id, e.g. Europe/Brussels (string) */
  SEC_FIELD_TIME,      /* time of day HH:MM (string) */
  SEC_FIELD_CHOICE,    /* one nick out of SecField.choices (string) */
  SEC_FIELD_COUNTRY,   /* ISO 3166-1 alpha-2 code (string) */
  SEC_FIELD_COUNTRIES, /* comma-separated ISO 3166-1 alpha-2 codes (string) */
  SEC_FIELD_EMAIL,     /* e-mail address (string) */
  SEC_FIELD_URL,       /* web address (string) */
  SEC_FIELD_REF,       /* id of another record, 0 for none (gint64) */
} SecFieldType;

typedef enum {
  SEC_FIELD_REQUIRED   = 1 << 0, /* NOT NULL, non-empty */
  SEC_FIELD_SEARCHABLE = 1 << 1, /* part of the folded search text */
  SEC_FIELD_LISTED     = 1 << 2, /* printed by `secretariat list` */
  SEC_FIELD_TITLE      = 1 << 3, /* part of the record's display title */
} SecFieldFlags;

typedef struct {
  const char *nick;   /* stored value */
  const char *label;  /* N_() marked; translate with _() before showing */
} SecChoice;

typedef struct {
  const char      *name;      /* property name; the column is the same with '_' */
  SecFieldType     type;
  SecFieldFlags    flags;
  const char      *label;     /* N_() marked */
  const SecChoice *choices;   /* for SEC_FIELD_CHOICE, NULL-nick terminated */
  const char      *ref_kind;  /* for SEC_FIELD_REF: the SecKind name it points to */
  const char      *default_value; /* as text, or NULL */
} SecField;

typedef struct _SecRecord SecRecord;

/* A relation filter: records of this kind related to another record, e.g.
 * organisations that are members of a body. @sql is a condition on the
 * table's `id` with one `?` parameter, the other record's id. */
typedef struct {
  const char *name;      /* e.g. "body" */
  const char *sql;
} SecRelation;

/* A read-only value computed by SQL when records are listed or read, such
 * as a person's organisation name or a meeting's number of confirmed
 * participants; @sql is an expression over the kind's table, aliased `t`. */
typedef struct {
  const char *name;      /* e.g. "organisation-name" */
  const char *sql;
} SecDerived;

typedef struct {
  const char        *name;       /* "organisation" */
  const char        *plural;     /* "organisations": command line and table */
  const char        *table;      /* SQL table */
  const char        *label;      /* N_("Organisation") */
  const char        *plural_label; /* N_("Organisations") */
  const SecField    *fields;
  guint              n_fields;
  const char *const *sort_fields; /* fields whose folded/collated text makes the sort key */
  const char        *unique_message; /* N_() with one %s, for the first TITLE field */
  const SecRelation *relations;  /* NULL-name terminated, or NULL */
  const char *const *ranges;     /* pairs of fields (start, end) where end
                                  * may not come before start; NULL-terminated */
  const SecDerived  *derived;    /* NULL-name terminated, or NULL */
} SecKind;

#define SEC_TYPE_RECORD (sec_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (SecRecord, sec_record, SEC, RECORD, GObject)

struct _SecRecordClass
{
  GObjectClass parent_class;

  const SecKind *kind;
  GValue        *defaults;  /* private: a new record's values, one per field */
};

void             sec_record_class_set_kind    (SecRecordClass *klass,
                                               const SecKind  *kind);
void             _sec_record_init_values      (SecRecord      *self);

const SecKind   *sec_record_get_kind          (SecRecord      *self);
const SecKind   *sec_kind_from_type           (GType           type);
const SecField  *sec_kind_find_field          (const SecKind  *kind,
                                               const char     *name);
int              sec_kind_field_index         (const SecKind  *kind,
                                               const char     *name);
char            *sec_field_column             (const SecField *field);
const char      *sec_field_choice_label       (const SecField *field,
                                               const char     *nick);

gint64           sec_record_get_id            (SecRecord      *self);
void             _sec_record_set_id           (SecRecord      *self,
                                               gint64          id);
const char      *sec_record_get_created_at    (SecRecord      *self);
const char      *sec_record_get_updated_at    (SecRecord      *self);
void             _sec_record_set_timestamps   (SecRecord      *self,
                                               const char     *created_at,
                                               const char     *updated_at);
/* The stored row's version this record was read at (or last saved as): 1
 * for a new row, one more at each save; 0 for a record never stored. A save
 * is refused with SEC_STORE_ERROR_CONFLICT when the row has moved on since
 * (someone else saved it). Setting it to a newer version saves over that
 * version deliberately: the conflict dialog's "Keep Mine", an undo of one's
 * own save. */
gint64           sec_record_get_version       (SecRecord      *self);
void             sec_record_set_version       (SecRecord      *self,
                                               gint64          version);

/* Typed access by field name; the property system is the same values. */
const GValue    *sec_record_get_value         (SecRecord      *self,
                                               const char     *field);
const char      *sec_record_get_string        (SecRecord      *self,
                                               const char     *field);
gint64           sec_record_get_ref           (SecRecord      *self,
                                               const char     *field);
gint             sec_record_get_int           (SecRecord      *self,
                                               const char     *field);
gdouble          sec_record_get_double        (SecRecord      *self,
                                               const char     *field);
gboolean         sec_record_get_bool          (SecRecord      *self,
                                               const char     *field);
void             sec_record_set_string        (SecRecord      *self,
                                               const char     *field,
                                               const char     *value);
void             sec_record_set_ref           (SecRecord      *self,
                                               const char     *field,
                                               gint64          id);
void             sec_record_set_int           (SecRecord      *self,
                                               const char     *field,
                                               gint            value);
void             sec_record_set_double        (SecRecord      *self,
                                               const char     *field,
                                               gdouble         value);
void             sec_record_set_bool          (SecRecord      *self,
                                               const char     *field,
                                               gboolean        value);
/* Sets a field from text as typed by a user or read from the command line:
 * "42" for numbers and references, "yes"/"no" for booleans. */
gboolean         sec_record_set_from_text     (SecRecord      *self,
                                               const char     *field,
                                               const char     *text,
                                               GError        **error);
/* The field's value as text ("" when unset), as stored. */
char            *sec_record_dup_text          (SecRecord      *self,
                                               const char     *field);

/* A derived value (SecKind.derived) as text, or NULL when not loaded. */
const char      *sec_record_get_derived       (SecRecord      *self,
                                               const char     *name);
void             _sec_record_set_derived      (SecRecord      *self,
                                               const char     *name,
                                               const char     *value);
/* The store's reading of a row: the value of field @i of the kind, written
 * in place, without a property's notification (the record is new). */
GValue          *_sec_record_value_at         (SecRecord      *self,
                                               guint           i);
/* The rest of the store's reading of a row into a new record, without
 * notifications: @text (transfer full) is one block of @text_size bytes
 * holding every text of the row, @created_at, @updated_at, the derived
 * values @derived (one per entry of the kind's, NULL for none) and the
 * string values (static strings) point into it, and @derived is in it. */
void             _sec_record_take_row         (SecRecord      *self,
                                               gint64          id,
                                               gint64          version,
                                               char           *text,
                                               gsize           text_size,
                                               const char     *created_at,
                                               const char     *updated_at,
                                               const char    **derived);

/* The display title made of the TITLE fields ("Europol", "Anna Müller"). */
char            *sec_record_dup_title         (SecRecord      *self);
/* The name of the person a participant is about (its derived
 * "person-name"), or "Erased person" when that person's data were erased
 * (derived "person-erased-on"); NULL when the kind has neither. */
char            *sec_record_dup_person_name   (SecRecord      *self);
gboolean         sec_record_is_person_erased  (SecRecord      *self);

/* Checks every field (required, formats, choices, date ranges); the first
 * problem is returned as a SEC_RECORD_ERROR with a translated message. */
gboolean         sec_record_validate          (SecRecord      *self,
                                               GError        **error);
/* Checks one field; for live validation in forms. */
gboolean         sec_record_validate_field    (SecRecord      *self,
                                               const char     *field,
                                               GError        **error);

SecRecord       *sec_record_new               (GType           type);
SecRecord       *sec_record_copy              (SecRecord      *self);
gboolean         sec_record_equal             (SecRecord      *a,
                                               SecRecord      *b);

#define SEC_RECORD_ERROR (sec_record_error_quark ())
GQuark sec_record_error_quark (void);

typedef enum {
  SEC_RECORD_ERROR_INVALID,
  SEC_RECORD_ERROR_REQUIRED,
} SecRecordError;

/* Value checks shared with forms and the command line. */
gboolean sec_check_date      (const char *text);
gboolean sec_check_datetime  (const char *text);
gboolean sec_check_time      (const char *text);
gboolean sec_check_email     (const char *text);
gboolean sec_check_url       (const char *text);
gboolean sec_check_country   (const char *text);
gboolean sec_check_timezone  (const char *text);

G_END_DECLS
