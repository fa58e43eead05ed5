/* sec-call-documents.h: the documents of a call for expression of interest
 *
 * The list of a call's applications with their eligibility and outcome (PDF
 * through SecDocument, and CSV), and the selection report (PDF). The
 * builders read the store, so they run where the store is used (the main
 * thread); the SecDocument they return holds plain text and can then be
 * laid out and written in a worker thread (sec_document_write_pdf ()).
 *
 * @language is one of sec_document_languages (), or NULL for the user's
 * language: headings, labels and dates are in that language. Texts staff
 * typed, and the reasons the eligibility check wrote when the application
 * was entered, are printed as they are stored.
 */
#pragma once

#include "core/calls/sec-calls.h"
#include "core/documents/sec-document.h"

G_BEGIN_DECLS

/* (transfer full): the applications to @call in the order they were
 * received: organisation and country, time of receipt (and whether late),
 * version of the call, eligibility with its reason (and staff's decision),
 * score and outcome; after a summary of the call and the counts. */
SecDocument *sec_call_document_applications     (SecStore    *store,
                                                 SecCall     *call,
                                                 const char  *language,
                                                 GError     **error);
/* (transfer full): the same list as a CSV file (UTF-8 with a byte order
 * mark, RFC 4180, a header record, then one record per application):
 * dates and times as YYYY-MM-DD and YYYY-MM-DDTHH:MM, countries as ISO
 * codes with their names, choices as their labels in @language. */
char        *sec_call_csv_applications          (SecStore    *store,
                                                 SecCall     *call,
                                                 const char  *language,
                                                 GError     **error);
/* (transfer full): the selection report: the call and its rules, the
 * counts, the organisations selected (with the date they became members),
 * on the reserve list, not selected and not eligible (with the reasons),
 * the geographical balance of the body before the call (on the deadline's
 * day) and after it (on the day the last selected organisation joined),
 * and the versions of the call's text. */
SecDocument *sec_call_document_selection_report (SecStore    *store,
                                                 SecCall     *call,
                                                 const char  *language,
                                                 GError     **error);

G_END_DECLS
