/* sec-unique.h: checking a record against the UNIQUE constraints
 *
 * Forms check as the user types whether a record would be refused as a
 * duplicate (an organisation's name, a person who already takes part in a
 * meeting...). The constraints are read from the schema itself, so the
 * check and the store always agree.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* (transfer full) (element-type GStrv): the sets of field names of @kind
 * whose values together must be unique, in the schema's order; empty when
 * none. */
GPtrArray   *sec_unique_field_sets  (SecStore   *store,
                                     GType       kind,
                                     GError    **error);

/* Whether another record of @record's kind (not @record itself, by id)
 * already has the values of one of the kind's unique field sets. Returns
 * FALSE with the problem as a translated SEC_STORE_ERROR_CONSTRAINT message
 * ("An organisation named “Europol” already exists"), and in @fields (if
 * not NULL; transfer full) the names of the fields of that set. Sets with
 * an empty value are skipped, as the database allows any number of those. */
gboolean     sec_unique_check       (SecStore    *store,
                                     SecRecord   *record,
                                     GStrv       *fields,
                                     GError     **error);

G_END_DECLS
