/* sec-store-lookup.h: lookups the workflows' store files share
 *
 * A workflow's records often hang from one parent record (the errata and
 * applications of a call, the signatories and commitments of a statement);
 * the typed queries of sec-store-calls.c and sec-store-statements.c often
 * look up one id.
 */
#pragma once

#include "core/store/sec-engine.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* (transfer container) (element-type SecRecord): the records of @kind whose
 * reference field @ref_field is @parent_id, by @sort_field and then as
 * entered (NULL @sort_field: in the kind's own order). */
GPtrArray   *sec_store_list_children   (SecStore     *store,
                                        GType         kind,
                                        const char   *ref_field,
                                        gint64        parent_id,
                                        const char   *sort_field,
                                        GError      **error);

/* For the store's own files: steps @stmt once and returns the first column
 * of its row as an id; 0 when there is no row, -1 with @error on failure. */
gint64       _sec_store_step_id        (SecStmt      *stmt,
                                        GError      **error);

G_END_DECLS
