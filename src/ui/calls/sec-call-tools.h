/* sec-call-tools.h: the top of a call's page: its stage, deadline, rules,
 * text and errata, the geographical balance of its body, and the way to its
 * applications and documents */
#pragma once

#include <adwaita.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_CALL_TOOLS (sec_call_tools_get_type ())
G_DECLARE_FINAL_TYPE (SecCallTools, sec_call_tools, SEC, CALL_TOOLS, GtkWidget)

/* Shows @call as stored in @store. The tools read the store once: the
 * record page makes them again when the call or what it shows changes. */
GtkWidget  *sec_call_tools_new              (SecStore     *store,
                                             SecRecord    *call);
/* (transfer none) */
SecCall    *sec_call_tools_get_call         (SecCallTools *self);
/* The day the balance is counted on (YYYY-MM-DD): the deadline's, or today. */
const char *sec_call_tools_get_balance_date (SecCallTools *self);

G_END_DECLS
