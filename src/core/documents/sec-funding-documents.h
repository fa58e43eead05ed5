/* sec-funding-documents.h: the documents of EU funding
 *
 * The portfolio report (PDF through SecDocument): a summary table of the
 * projects (acronym, programme, reference, coordinator, countries, dates,
 * budget), the totals per programme and year, the partners' coverage by
 * country, then a section per project with its facts, partners and
 * objectives; the same rows as CSV; and a call for proposals' deadline as
 * an iCalendar event in the call's zone. @language is one of
 * sec_document_languages (), or NULL for the user's language.
 */
#pragma once

#include "core/documents/sec-document.h"
#include "core/funding/sec-portfolio.h"

G_BEGIN_DECLS

/* (transfer full): the portfolio report; @filter (nullable) says which
 * projects it holds ("Programme: FP7"), under its title. */
SecDocument *sec_funding_document_portfolio (SecPortfolio *portfolio,
                                             const char   *filter,
                                             const char   *language);
/* (transfer full): the summary's rows as CSV (UTF-8 with a byte order
 * mark, RFC 4180, a header record): dates as YYYY-MM-DD, budgets as whole
 * euros without grouping, countries as ISO codes separated by spaces. */
char        *sec_funding_csv_portfolio      (SecPortfolio *portfolio,
                                             const char   *language);
/* (transfer full) (nullable): the call's deadline as an iCalendar file: one
 * VEVENT at the deadline in the call's zone, with its VTIMEZONE, a UID that
 * stays the same for the same call of the same database (@store_uuid), an
 * alarm a week before; NULL with @error set when the call has no deadline. */
char        *sec_funding_call_ical          (SecRecord    *call,
                                             const char   *store_uuid,
                                             GError      **error);

G_END_DECLS
