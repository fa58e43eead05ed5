/* sec-funding-tools.h: the top of a funding record's page
 *
 * A call for proposals: its status from the dates, the time left, the
 * deadline in its zone, and Add to Calendar (an iCalendar file). A
 * project: its duration, the countries of its coordinator and partners,
 * its budget. A programme: its number of projects and their budget. The
 * portfolio window opens from projects and programmes.
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_FUNDING_TOOLS (sec_funding_tools_get_type ())
G_DECLARE_FINAL_TYPE (SecFundingTools, sec_funding_tools, SEC, FUNDING_TOOLS, GtkWidget)

/* Shows @record (a funding call, project or programme) as stored in
 * @store; the record page makes the tools again when it changes. */
GtkWidget *sec_funding_tools_new (SecStore  *store,
                                  SecRecord *record);

G_END_DECLS
