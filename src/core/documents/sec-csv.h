/* sec-csv.h: participant lists as CSV files
 *
 * RFC 4180: fields separated by commas, records ended by CRLF, a field
 * quoted with double quotes (and its quotes doubled) when it holds a comma,
 * a quote, a line break or spaces at either end. The text is UTF-8 and
 * starts with a byte order mark: without it, Excel opens the file in the
 * legacy code page of Windows and "Łódź" comes out as "ÅÃ³dÅº"; LibreOffice
 * and Python's csv module ("utf-8-sig") recognise the mark and drop it.
 */
#pragma once

#include "core/documents/sec-meeting-documents.h"

G_BEGIN_DECLS

#define SEC_CSV_BOM "\xEF\xBB\xBF"

/* Appends one record of @n_fields fields (NULL fields are empty). */
void     sec_csv_append_record  (GString            *out,
                                 const char *const  *fields,
                                 guint               n_fields);

/* (transfer full): the participants of @data as a CSV file (the mark, a
 * header record, then one record per participant in the list's order).
 * The columns are @options' (by default every column the variant allows),
 * with the name as title, given name and family name; the internal
 * variant lists every participant, the public one those expected. */
char    *sec_csv_participants   (SecMeetingData                  *data,
                                 const SecMeetingDocumentOptions *options);

G_END_DECLS
