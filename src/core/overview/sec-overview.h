/* sec-overview.h: what needs the secretariat's attention, on a given day
 *
 * The overview gathers, from every workflow, the records to look at now:
 * the next meetings (with how many invited have not answered and how many
 * expected have needs to arrange), agendas still in draft close to their
 * meeting, calls for expression of interest closing soon, calls whose
 * applications wait for a decision, action points due soon or overdue, and
 * joint statements whose commitments are not yet followed up this year.
 * Each item names the record that opens it. "Today" is a parameter, so that
 * the rules can be tested on a fixed day.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* How far ahead each part looks, in days. */
#define SEC_OVERVIEW_MEETINGS_SHOWN      5   /* the next meetings, at most */
#define SEC_OVERVIEW_DRAFT_AGENDA_DAYS   28
#define SEC_OVERVIEW_CALL_CLOSING_DAYS   30
#define SEC_OVERVIEW_ACTION_POINT_DAYS   14

/* The parts of the overview, in the order they are shown. */
typedef enum {
  SEC_OVERVIEW_NEXT_MEETINGS,
  SEC_OVERVIEW_DRAFT_AGENDAS,
  SEC_OVERVIEW_CALLS_CLOSING,
  /* Calls for proposals (funding) closing soon: filled by the funding
   * workflow once it exists (see sec-overview.c, "calls for proposals"). */
  SEC_OVERVIEW_CALLS_FOR_PROPOSALS_CLOSING,
  SEC_OVERVIEW_APPLICATIONS_WAITING,
  SEC_OVERVIEW_ACTION_POINTS_DUE,
  SEC_OVERVIEW_COMMITMENTS_DUE,
  SEC_OVERVIEW_N_SECTIONS
} SecOverviewSection;

typedef struct {
  SecOverviewSection section;
  const char        *kind;    /* the record kind that opens ("meeting",
                               * "call", "statement"); static */
  gint64             id;      /* the record that opens */
  char              *title;   /* what it is: the meeting's title... */
  char              *detail;  /* why it is here, translated: "In 12 days ·
                               * 3 have not answered" */
  char              *date;    /* the day that matters, "YYYY-MM-DD", or NULL */
  gboolean           urgent;  /* overdue, or closing within a week */
} SecOverviewItem;

void        sec_overview_item_free     (SecOverviewItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecOverviewItem, sec_overview_item_free)

/* (transfer none): the heading of @section, translated. */
const char *sec_overview_section_title (SecOverviewSection section);

/* (transfer full) (element-type SecOverviewItem): what needs attention on
 * @today ("YYYY-MM-DD"; NULL for today), by section, then by date. */
GPtrArray  *sec_overview_collect       (SecStore   *store,
                                        const char *today,
                                        GError    **error);

G_END_DECLS
