/* sec-call-text.h: the words the call's widgets share */
#pragma once

#include "core/calls/sec-calls.h"

G_BEGIN_DECLS

const char *sec_call_text_choice_label (GType       kind,
                                        const char *field,
                                        const char *nick);
char *sec_call_text_dup_organisation_name (SecRecord *application);
char *sec_call_text_dup_eligibility_detail (SecRecord *application);
gint64 sec_call_text_count_applications (SecStore   *store,
                                         SecCall    *call,
                                         const char *field,
                                         const char *value);

G_END_DECLS
