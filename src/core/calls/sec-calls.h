/* sec-calls.h: the life of a call for expression of interest and its
 * applications
 *
 * A call (SecCall) is open to organisations from a date until a deadline
 * given as a wall-clock time in a time zone. Applications (SecApplication)
 * are entered through sec_call_add_application (), which marks them late,
 * records the version of the call's text that applied, and checks them
 * against the call's eligibility rules; selecting one makes its organisation
 * a member of the call's body. Every function that writes does so in one
 * transaction, and the store's "changed" signal follows each of them.
 *
 * Times: a call's `deadline` is a wall-clock time in `deadline-timezone`.
 * An application's `received-at` is a wall-clock time in
 * `received-timezone`, or in the call's deadline zone when that is empty.
 * A wall-clock time that does not exist (the hour skipped when clocks go
 * forward) is read with the offset in force before the jump; one that
 * occurs twice (the hour repeated when clocks go back) is read in the
 * applicant's favour: a deadline as the later of the two instants, a
 * receipt as the earlier. An application is late when it was received
 * strictly after the deadline; a deadline given to the minute is that
 * minute's first second (23:59 means 23:59:00).
 */
#pragma once

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The stages of a call; the nicks are those of the call's `status` field. */
typedef enum {
  SEC_CALL_DRAFT,       /* "draft": not published yet */
  SEC_CALL_OPEN,        /* "open": published, before the deadline */
  SEC_CALL_CLOSED,      /* "closed": the deadline has passed */
  SEC_CALL_EVALUATION,  /* "evaluation": set by staff */
  SEC_CALL_DECIDED,     /* "decided": set by staff */
} SecCallStatus;

/* The nicks are those of the application's `eligibility` field. */
typedef enum {
  SEC_ELIGIBILITY_UNCHECKED,    /* "unchecked": the check lacks data */
  SEC_ELIGIBILITY_ELIGIBLE,     /* "eligible" */
  SEC_ELIGIBILITY_NOT_ELIGIBLE, /* "not-eligible" */
} SecEligibility;

/* The rule an application failed; the nicks are those of the
 * application's `eligibility-rule` field. */
typedef enum {
  SEC_ELIGIBILITY_RULE_NONE,             /* NULL */
  SEC_ELIGIBILITY_RULE_DEADLINE,         /* "deadline" */
  SEC_ELIGIBILITY_RULE_COUNTRY,          /* "country" */
  SEC_ELIGIBILITY_RULE_ORGANISATION_KIND,/* "organisation-kind" */
  SEC_ELIGIBILITY_RULE_THEMATIC_FOCUS,   /* "thematic-focus" */
} SecEligibilityRule;

const char     *sec_call_status_to_nick        (SecCallStatus       status);
SecCallStatus   sec_call_status_from_nick      (const char         *nick);
const char     *sec_eligibility_to_nick        (SecEligibility      eligibility);
SecEligibility  sec_eligibility_from_nick      (const char         *nick);
const char     *sec_eligibility_rule_to_nick   (SecEligibilityRule  rule);
SecEligibilityRule sec_eligibility_rule_from_nick (const char      *nick);

/* Time */

/* (transfer full) (nullable): the instant @iso ("YYYY-MM-DDTHH:MM[:SS]" or
 * "YYYY-MM-DD", meaning 00:00) names in time zone @tz_id (NULL or "":
 * Europe/Brussels). In a repeated hour, @prefer_later picks the later of the
 * two instants; in a skipped hour, the offset before the jump applies. The
 * result is in @tz_id's zone. NULL when @iso or @tz_id is not valid. */
GDateTime      *sec_resolve_wall_time          (const char         *iso,
                                                const char         *tz_id,
                                                gboolean            prefer_later);

/* (transfer full) (nullable): the deadline as an instant in its zone, or
 * NULL when the call has none. */
GDateTime      *sec_call_get_deadline          (SecCall            *call);
/* The call's stage at @now (NULL: the current time): "evaluation" and
 * "decided" are staff's decisions, kept as the `status` field says; the
 * others follow from the dates: draft until the day `published-on` (in the
 * deadline's zone; draft too when there is no such date), open from then
 * until the deadline, closed after it. */
SecCallStatus   sec_call_effective_status      (SecCall            *call,
                                                GDateTime          *now);
/* Whole days from @now's date to the deadline's date, both in the
 * deadline's zone (0 on the last day), while the call is open; -1 when it
 * is not open or has no deadline. */
int             sec_call_days_left             (SecCall            *call,
                                                GDateTime          *now);
/* (transfer full) (nullable): "12 days left", "1 day left", "Last day,
 * until 23:59"; NULL when the call is not open or has no deadline. */
char           *sec_call_describe_time_left    (SecCall            *call,
                                                GDateTime          *now);
/* (transfer full): "25 April 2018, 23:59 (Europe/Brussels)", or "" */
char           *sec_call_format_deadline       (SecCall            *call);

/* (transfer full) (nullable): when @application was received, an instant
 * in its zone of receipt; NULL when `received-at` is empty. */
GDateTime      *sec_application_get_received   (SecApplication     *application,
                                                SecCall            *call);
/* Whether @application came after @call's deadline (FALSE when either is
 * unknown). */
gboolean        sec_application_is_late        (SecApplication     *application,
                                                SecCall            *call);

/* Eligibility rules */

/* (transfer full): the organisation kinds (nicks of the organisation's
 * `kind` field) the call is open to; empty when it is open to all. */
GStrv           sec_call_dup_eligible_kinds    (SecCall            *call);
void            sec_call_set_eligible_kinds    (SecCall            *call,
                                                const char * const *kinds);
/* (transfer full): the eligible countries (ISO codes, in the order given);
 * empty when the call is open to every country. */
GStrv           sec_call_dup_eligible_countries (SecCall           *call);
/* (transfer full): the topics of the thematic focus (separated by commas
 * or semicolons in the field); empty when the call has none. */
GStrv           sec_call_dup_focus_topics      (SecCall            *call);

/* Checks @application against @call's rules, in order: the deadline, the
 * eligible countries (of the organisation's `country`), the eligible kinds
 * of organisation, and the thematic focus (one of its topics must appear,
 * ignoring case and accents, in the application's `thematic-areas`).
 * Nothing is written. @reason receives a translated sentence such as
 * "Denmark, Estonia and Malta only: the organisation is based in Poland";
 * @rule the rule that failed (NONE when eligible). When a rule cannot be
 * decided (the organisation's country is not recorded, the application
 * states no thematic areas) and no other rule fails, the result is
 * SEC_ELIGIBILITY_UNCHECKED, @rule that rule and @reason what is missing. On
 * error (the organisation is missing), UNCHECKED with @error set. */
SecEligibility  sec_call_check_eligibility     (SecStore           *store,
                                                SecCall            *call,
                                                SecApplication     *application,
                                                SecEligibilityRule *rule,
                                                char              **reason,
                                                GError            **error);

/* Saving calls and applications */

/* Writes the stage sec_call_effective_status () gives at @now into the
 * `status` field of every call whose stored stage differs (so that lists
 * filtered by status are right); one transaction. */
gboolean        sec_call_update_statuses       (SecStore           *store,
                                                GDateTime          *now,
                                                GError            **error);

/* Checks what the field tables cannot: the eligible kinds are kinds of
 * organisation, the score a number. Translated messages. */
gboolean        sec_call_validate              (SecCall            *call,
                                                GError            **error);
gboolean        sec_application_validate       (SecApplication     *application,
                                                GError            **error);

/* Inserts (id 0) or updates @call and, in the same transaction, brings its
 * applications' late flags, call versions and eligibility up to date with
 * its deadline and rules. Unless staff set "evaluation" or "decided", the
 * `status` field is set to the stage the dates give now. */
gboolean        sec_call_save                  (SecStore           *store,
                                                SecCall            *call,
                                                GError            **error);
/* Enters a new application to @call. When @new_organisation is given (not
 * yet stored), it is created first and becomes the application's
 * organisation, in the same transaction; otherwise the application's
 * `organisation` must be set. An empty `received-at` is now, in the call's
 * zone. The application is marked late or not, records the call version
 * that applied when it was received, and is checked for eligibility (its
 * `eligibility` is the result unless `eligibility-overridden` is set). On
 * failure nothing is stored and both records keep id 0. */
gboolean        sec_call_add_application       (SecStore           *store,
                                                SecCall            *call,
                                                SecApplication     *application,
                                                SecOrganisation    *new_organisation,
                                                GError            **error);
/* Updates an application after an edit, working out again its late flag,
 * call version and eligibility check as on entry. */
gboolean        sec_application_save           (SecStore           *store,
                                                SecApplication     *application,
                                                GError            **error);
/* Works out again the late flag, call version and eligibility check of
 * every application of @call (after a change to an organisation, say);
 * only those that change are written. */
gboolean        sec_call_refresh_applications  (SecStore           *store,
                                                SecCall            *call,
                                                GError            **error);

/* Staff's decision on eligibility: @eligibility ELIGIBLE or NOT_ELIGIBLE
 * with a non-empty @reason, kept with the automatic check's result and
 * reason; UNCHECKED removes the override and the check decides again. */
gboolean        sec_application_override_eligibility (SecStore     *store,
                                                SecApplication     *application,
                                                SecEligibility      eligibility,
                                                const char         *reason,
                                                GError            **error);

/* The score: FALSE when none is given. */
gboolean        sec_application_get_score      (SecApplication     *application,
                                                double             *score);
/* (transfer full): the documents received, one per line of `documents`,
 * without blank lines. */
GStrv           sec_application_dup_documents  (SecApplication     *application);
void            sec_application_set_documents  (SecApplication     *application,
                                                const char * const *documents);

/* Selection */

/* Selects @application: its outcome becomes "selected" and its
 * organisation a member of the call's body from @joined_on (YYYY-MM-DD),
 * with the call recorded as how it joined; the application keeps the
 * membership in its `membership` field. One transaction. Refused when the
 * application is already selected with a membership, or the organisation
 * is already an active member of that body. */
gboolean        sec_application_select         (SecStore           *store,
                                                SecApplication     *application,
                                                const char         *joined_on,
                                                GError            **error);
/* Undoes the selection: removes the membership it made (that one only, if
 * it still exists) and puts the outcome back to "pending". One
 * transaction. */
gboolean        sec_application_unselect       (SecStore           *store,
                                                SecApplication     *application,
                                                GError            **error);

/* Errata and the versions of the call's text */

typedef struct {
  guint   number;      /* 1: the call as published; n + 1 after n errata */
  gint64  erratum_id;  /* 0 for the call as published */
  char   *date;        /* YYYY-MM-DD: when this version was published, or NULL */
  char   *change;      /* the erratum's text; NULL for the call as published */
  char   *text;        /* the call's whole text in this version */
} SecCallVersion;

void            sec_call_version_free          (SecCallVersion     *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecCallVersion, sec_call_version_free)

/* (transfer full) (element-type SecCallVersion): the call as published
 * (its `description`), then one version per erratum in the order they were
 * published (by `published-on`, then as entered). An erratum's
 * `revised-text` is the whole text after it; when empty, the text stays
 * that of the version before. */
GPtrArray      *sec_call_dup_versions          (SecStore           *store,
                                                SecCall            *call,
                                                GError            **error);
/* (transfer full): the text of the last version. */
char           *sec_call_dup_current_text      (SecStore           *store,
                                                SecCall            *call,
                                                GError            **error);
/* The version in force on @date (YYYY-MM-DD): errata apply from the day
 * they are published. 0 on error. */
guint           sec_call_version_on            (SecStore           *store,
                                                SecCall            *call,
                                                const char         *date,
                                                GError            **error);
/* Adds, changes (id set) or removes an erratum of @call, and brings the
 * call versions of its applications up to date, in one transaction. */
gboolean        sec_call_save_erratum          (SecStore           *store,
                                                SecCall            *call,
                                                SecErratum         *erratum,
                                                GError            **error);
gboolean        sec_call_delete_erratum        (SecStore           *store,
                                                SecCall            *call,
                                                gint64              erratum_id,
                                                GError            **error);

/* Geographical balance */

typedef struct {
  char     country[3];   /* ISO 3166-1 alpha-2; "" when not recorded */
  gboolean member_state; /* one of the EU's 27 */
  guint    members;      /* active members of the body on the date */
  guint    applications; /* applications to the call (0 without a call) */
  guint    selected;     /* of which selected */
} SecCountryBalance;

typedef enum {
  SEC_BALANCE_PROTOCOL_ORDER, /* the EU's protocol order (BE, BG, CZ...) */
  SEC_BALANCE_BY_NAME,        /* by country name in the user's language */
} SecBalanceOrder;

/* (transfer full) (element-type SecCountryBalance): the members of @body_id
 * per country on @on_date (YYYY-MM-DD; NULL: today): a membership counts
 * when its status is active and the date falls between `joined-on` and
 * `left-on` (either may be empty). Every Member State has a row, with 0
 * when it has no member; then the other countries that have members or
 * applicants, by name; then "" for organisations without a country, when
 * there are any. With @call_id, the applications to that call and how
 * many were selected are counted per country too. */
GArray         *sec_body_dup_country_balance   (SecStore           *store,
                                                gint64              body_id,
                                                gint64              call_id,
                                                const char         *on_date,
                                                SecBalanceOrder     order,
                                                GError            **error);
/* The same for the call's body and its applications. */
GArray         *sec_call_dup_country_balance   (SecStore           *store,
                                                SecCall            *call,
                                                const char         *on_date,
                                                SecBalanceOrder     order,
                                                GError            **error);

G_END_DECLS
