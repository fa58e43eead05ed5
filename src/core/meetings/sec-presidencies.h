/* sec-presidencies.h: the rotating Presidency of the Council of the EU
 *
 * The network of National Rapporteurs is chaired by the EU Anti-trafficking
 * Coordinator together with the Member State holding the Council Presidency
 * on the meeting's date, so a meeting page proposes that co-chair.
 *
 * The published rotation ships with the program (data/presidencies.csv,
 * compiled into the core library as a GResource). The user can correct it
 * or add the Presidencies decided later: those entries are kept in the
 * database's settings (key "council-presidencies", CSV lines
 * "start,end,country"), so they travel with the database file like its
 * other records, need no schema change, and take precedence over the
 * shipped rotation for the days they cover.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct {
  char     *starts_on;   /* "YYYY-MM-DD", the first day */
  char     *ends_on;     /* "YYYY-MM-DD", the last day */
  char     *country;     /* ISO 3166-1 alpha-2 */
  gboolean  edited;      /* from the database, not the shipped rotation */
} SecPresidency;

void            sec_presidency_free            (SecPresidency *presidency);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecPresidency, sec_presidency_free)

/* (transfer full) (element-type SecPresidency): the rotation by date: the
 * user's entries, and the shipped ones that none of them overlaps.
 * @store (nullable): NULL for the shipped rotation alone. */
GPtrArray      *sec_presidencies_list          (SecStore      *store,
                                                GError       **error);
/* (transfer full) (nullable): the country holding the Presidency on
 * @iso_date ("YYYY-MM-DD", or a date and time), or NULL when unknown. */
char           *sec_presidencies_lookup        (SecStore      *store,
                                                const char    *iso_date);
/* Adds or corrects the Presidency from @starts_on to @ends_on (an entry
 * starting on the same day is replaced). */
gboolean        sec_presidencies_set           (SecStore      *store,
                                                const char    *starts_on,
                                                const char    *ends_on,
                                                const char    *country,
                                                GError       **error);
/* Removes the user's entry starting on @starts_on, or all of them for
 * NULL: the shipped rotation applies again. */
gboolean        sec_presidencies_reset         (SecStore      *store,
                                                const char    *starts_on,
                                                GError       **error);
/* (transfer full) (nullable): the co-chair to propose for @meeting (a
 * SecMeeting): "Bulgaria (Presidency of the Council of the EU)" for the
 * Presidency on its first day, or NULL when unknown. */
char           *sec_presidencies_propose_co_chair (SecStore   *store,
                                                   SecRecord  *meeting);

G_END_DECLS
