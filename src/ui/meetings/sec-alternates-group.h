/* sec-alternates-group.h: on a membership's page, the alternates of the
 * organisation's delegate: added with a person picker, taken out with a
 * button */
#pragma once

#include <adwaita.h>

#include "core/store/sec-record.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* (transfer floating): an AdwPreferencesGroup with the alternates of
 * @membership (a SecMembership), in order. A change is saved at once
 * (sec_membership_set_representatives ()): a person of another
 * organisation, or the delegate, is refused with a message. */
GtkWidget *sec_alternates_group_new (SecStore  *store,
                                     SecRecord *membership);

G_END_DECLS
