/* sec-facets.h: the values a list can be filtered by
 *
 * Filter menus offer the values that occur (the countries of the stored
 * organisations, the years that have meetings) rather than every possible
 * one; these read them with one small query each.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The distinct non-empty values of @field among the records of @kind, in
 * byte order. (transfer full) */
GStrv sec_store_dup_distinct (SecStore    *store,
                              GType        kind,
                              const char  *field,
                              GError     **error);

/* The distinct years ("2018") of the DATE or DATETIME @field among the
 * records of @kind, latest first. (transfer full) */
GStrv sec_store_dup_years    (SecStore    *store,
                              GType        kind,
                              const char  *field,
                              GError     **error);

G_END_DECLS
