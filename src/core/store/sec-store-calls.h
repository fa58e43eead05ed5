/* sec-store-calls.h: what the calls' rules ask of the database
 *
 * The rules of calls for expression of interest (src/core/calls/) read and
 * write their records through SecStore; these are the few questions records
 * cannot answer: whether a selection would clash with a membership, and the
 * counts per country behind a body's geographical balance.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The id of an active membership of @organisation_id in @body_id that has
 * not ended before @date (YYYY-MM-DD), the earliest joined; 0 when there is
 * none, -1 with @error on failure. */
gint64       sec_store_find_active_membership        (SecStore     *store,
                                                      gint64        organisation_id,
                                                      gint64        body_id,
                                                      const char   *date,
                                                      GError      **error);

/* One country's row of a count. */
typedef struct {
  char   country[3];  /* ISO 3166-1 alpha-2; "" when not recorded */
  guint  count;       /* organisations or applications */
  guint  selected;    /* of the applications, those selected (0 for members) */
} SecCountryCount;

/* (transfer full) (element-type SecCountryCount): the organisations with
 * an active membership of @body_id on @on_date (YYYY-MM-DD, between
 * `joined-on` and `left-on`, either may be empty), per country; an
 * organisation counts once, however many memberships it has. In no
 * particular order. */
GArray      *sec_store_count_members_by_country      (SecStore     *store,
                                                      gint64        body_id,
                                                      const char   *on_date,
                                                      GError      **error);
/* (transfer full) (element-type SecCountryCount): the applications to
 * @call_id per country of the applicant, and how many were selected. In no
 * particular order. */
GArray      *sec_store_count_applications_by_country (SecStore     *store,
                                                      gint64        call_id,
                                                      GError      **error);

G_END_DECLS
