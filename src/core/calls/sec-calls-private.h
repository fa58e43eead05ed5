/* sec-calls-private.h: what the calls' own files (src/core/calls/) share
 *
 * It names only the store's types, so that sec-calls.h and this header do
 * not include each other. */
#pragma once

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* sec-calls.c */

/* Whether @s is NULL or only white space. */
gboolean        _sec_calls_is_empty            (const char      *s);
/* The call's deadline zone, or Europe/Brussels. */
const char     *_sec_call_zone                 (SecCall         *call);
/* The zone @application was received in: its own, or the call's. */
const char     *_sec_application_receipt_zone  (SecApplication  *application,
                                                SecCall         *call);
/* (transfer full) (nullable): the zone @tz_id names (NULL or "":
 * Europe/Brussels). */
GTimeZone      *_sec_calls_zone_for            (const char      *tz_id);
/* (transfer full): "25 April 2018, 23:59 (Europe/Brussels)" for a
 * wall-clock time in zone @tz_id, or "" when @iso is empty. */
char           *_sec_calls_format_in_zone      (const char      *iso,
                                                const char      *tz_id);
/* (transfer full): a list field split on any of @separators, trimmed,
 * without empties. */
GStrv           _sec_calls_split_list          (const char      *text,
                                                const char      *separators);
/* (transfer none): the field @name of record kind @type. */
const SecField *_sec_calls_field_of            (GType            type,
                                                const char      *name);
/* Copies every field value of @src into @dst (same kind): puts a record
 * back as it was when a write failed. */
void            _sec_calls_assign_fields       (SecRecord       *dst,
                                                SecRecord       *src);
/* Sets an invalid-input error with @message; returns FALSE. */
gboolean        _sec_calls_fail_invalid        (GError         **error,
                                                const char      *message);

/* sec-call-versions.c */

/* (transfer full): the dates @call_id's errata were published, in version
 * order; NULL with @error on failure. */
GStrv           _sec_call_errata_dates         (SecStore        *store,
                                                gint64           call_id,
                                                GError         **error);
/* The version in force on @date, given the errata @dates. */
guint           _sec_call_version_from_dates   (GStrv            dates,
                                                const char      *date);

/* sec-call-applications.c */

/* Works out again the late flag, call version and eligibility check of
 * @call's applications and writes those that change; the caller holds
 * the transaction. */
gboolean        _sec_call_refresh_applications (SecStore        *store,
                                                SecCall         *call,
                                                GError         **error);
/* (transfer full): the call @application was made to. */
SecCall        *_sec_application_get_call      (SecStore        *store,
                                                SecApplication  *application,
                                                GError         **error);

G_END_DECLS
