/* sec-funding.h: the rules of EU funding
 *
 * A call for proposals is forthcoming before its publication date, open
 * until its deadline (a wall-clock time in the call's zone, 17:00 Brussels
 * time unless it says otherwise) and closed after; a project lasts the
 * whole months from its start to the day after its end; amounts are whole
 * euros shown in the locale's format.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Calls close at this time in this zone unless the call says otherwise. */
#define SEC_FUNDING_DEFAULT_DEADLINE_TIME "17:00"
#define SEC_FUNDING_DEFAULT_TIMEZONE "Europe/Brussels"

typedef enum {
  SEC_FUNDING_CALL_FORTHCOMING = 1,
  SEC_FUNDING_CALL_OPEN,
  SEC_FUNDING_CALL_CLOSED,
} SecFundingCallStatus;

/* (transfer full) (nullable): the call's deadline in its zone; a deadline
 * stored as a date alone closes at 17:00. */
GDateTime            *sec_funding_call_dup_deadline  (SecRecord  *call);
/* The status at @now (nullable: now). */
SecFundingCallStatus  sec_funding_call_status        (SecRecord  *call,
                                                      GDateTime  *now);
/* "Forthcoming", "Open", "Closed", translated. */
const char           *sec_funding_call_status_label  (SecFundingCallStatus status);
/* (transfer full): the time left until @deadline at @now: "Closes in
 * 3 days", "Closes in 5 hours", "Closes in 20 minutes", or "Closed". */
char                 *sec_funding_format_time_left   (GDateTime  *deadline,
                                                      GDateTime  *now);
/* (transfer full): the deadline as the user reads it, with its zone
 * ("31 January 2019, 17:00 (Europe/Brussels)"), or "" when there is none. */
char                 *sec_funding_format_deadline    (SecRecord  *call);
/* (transfer full): the calls whose deadline is still ahead at @now
 * (nullable: now), soonest first. */
GPtrArray            *sec_funding_list_upcoming_calls (SecStore  *store,
                                                       GDateTime *now,
                                                       GError   **error);

/* Whole months from @starts_on to the day after @ends_on (both
 * "YYYY-MM-DD": 2012-03-01 to 2017-02-28 is 60), or -1 when either is
 * missing or not a date. */
int                   sec_funding_duration_months    (const char *starts_on,
                                                      const char *ends_on);
/* Whether the project runs during @year (a project without a start does
 * not). */
gboolean              sec_funding_project_active_in  (SecRecord  *project,
                                                      int         year);
/* (transfer full): whole euros in the locale's format: "€7,999,182" in
 * English, "7 999 182 €" in French; "" for 0 (not known). */
char                 *sec_funding_format_euros       (gint64      euros);
/* (transfer full): the themes of a comma-separated list, trimmed, without
 * empty ones. */
GStrv                 sec_funding_split_themes       (const char *themes);
/* (transfer full): every theme of every project, each once (ignoring
 * case), in the locale's order. */
GStrv                 sec_funding_dup_themes         (SecStore   *store,
                                                      GError    **error);
/* (transfer full): the countries of the projects' coordinators and
 * partners: EU Member States in protocol order, then the others by name. */
GStrv                 sec_funding_dup_countries      (SecStore   *store,
                                                      GError    **error);
/* (transfer full): the years in which some project runs, latest first. */
GStrv                 sec_funding_dup_years          (SecStore   *store,
                                                      GError    **error);
/* Sorts country codes: EU Member States in protocol order, then the others
 * by their names in the user's language. For g_ptr_array_sort (). */
int                   sec_funding_compare_countries  (gconstpointer a,
                                                      gconstpointer b);

G_END_DECLS
