/* sec-csv.h: CSV files
 *
 * RFC 4180: fields separated by commas, records ended by CRLF, a field
 * quoted with double quotes (and its quotes doubled) when it holds a comma,
 * a quote, a line break or spaces at either end. The text is UTF-8 and
 * starts with a byte order mark: without it, Excel opens the file in the
 * legacy code page of Windows and "Łódź" comes out as "ÅÃ³dÅº"; LibreOffice
 * and Python's csv module ("utf-8-sig") recognise the mark and drop it.
 * A field that starts with '=', '+', '-', '@', a tab or a carriage return
 * gets a leading "'" (OWASP's rule): a spreadsheet program reads it as
 * text, never as a formula. Invalid UTF-8 is replaced by U+FFFD.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SEC_CSV_BOM "\xEF\xBB\xBF"

/* Appends one record of @n_fields fields (NULL fields are empty). */
void     sec_csv_append_record  (GString            *out,
                                 const char *const  *fields,
                                 guint               n_fields);

G_END_DECLS
