/* sec-substitute-rows.h: on a meeting's tools, the delegates who declined
 * and the alternate proposed for each, taken with one click */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Adds to @group a row per delegate of @meeting_id who declined and has an
 * alternate to propose, with a "Substitute" button that activates
 * "tools.substitute" with the participant's and the alternate's ids
 * ("(xx)"). Returns how many rows it added. */
guint sec_substitute_rows_add (AdwPreferencesGroup *group,
                               SecStore            *store,
                               gint64               meeting_id);

G_END_DECLS
