/* sec-statement-documents.h: the documents of a joint statement
 *
 * The statement with its signatories (PDF through SecDocument), and the
 * monitoring report of its commitments grid (PDF and CSV). As with the
 * call's documents, the builders read the store (main thread) and return
 * plain documents that can be written in a worker thread. @language is one
 * of sec_document_languages (), or NULL for the user's language.
 */
#pragma once

#include "core/documents/sec-document.h"
#include "core/statements/sec-statements.h"

G_BEGIN_DECLS

/* (transfer full): the statement: when and where it was signed (and at
 * which meeting), what it builds on, its summary, its signatories in signing
 * order (organisation, the person who signed and their position), its
 * commitments and its full text. */
SecDocument *sec_statement_document            (SecStore      *store,
                                                SecStatement  *statement,
                                                const char    *language,
                                                GError       **error);
/* (transfer full): the monitoring report for @year (0: each cell's latest
 * follow-up): the progress at a glance, then for each commitment the status
 * of each signatory with its date, note and evidence, and the progress of
 * each signatory. */
SecDocument *sec_statement_document_monitoring (SecStore      *store,
                                                SecStatement  *statement,
                                                int            year,
                                                const char    *language,
                                                GError       **error);
/* (transfer full): the commitments grid as a CSV file (UTF-8 with a byte
 * order mark, RFC 4180, a header record, then one record per cell,
 * commitment by commitment, signatories in signing order): the status as
 * its label in @language, dates as YYYY-MM-DD. */
char        *sec_statement_csv_monitoring      (SecStore      *store,
                                                SecStatement  *statement,
                                                int            year,
                                                const char    *language,
                                                GError       **error);

G_END_DECLS
