/* sec-import-table.h: the rows of a file to import, as read
 *
 * A spreadsheet's CSV and an address book's vCards both become a table:
 * a header (the column names) and rows of text fields, each row with the
 * line of the file it starts on, so that every problem can be reported as
 * FILE:LINE. The readers (sec-import-csv.c, sec-import-vcard.c) are written
 * here rather than taken from a library: see README.md, "Importing
 * contacts".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  line;      /* the file's line where the row starts, from 1 */
  guint  n_fields;
  char **fields;    /* UTF-8; n_fields of them, then NULL */
} SecImportRow;

typedef struct {
  char      *format;     /* "csv" or "vcard" */
  char      *encoding;   /* the encoding the file was read in: "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252" */
  char       separator;  /* ',', ';' or '\t' for CSV; 0 for vCard */
  GPtrArray *header;     /* (element-type utf8) the column names */
  GPtrArray *rows;       /* (element-type SecImportRow) */
} SecImportTable;

/* (transfer full): an empty table, for the readers */
SecImportTable  *sec_import_table_new       (const char     *format,
                                             const char     *encoding,
                                             char            separator);
void             sec_import_table_free      (SecImportTable *table);
void             sec_import_row_free        (gpointer        row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecImportTable, sec_import_table_free)

/* The field of @row in @column, "" beyond its last one. (transfer none) */
const char      *sec_import_row_get         (const SecImportRow *row,
                                             guint               column);

/* The encoding of @data: from its byte order mark, else "UTF-8" when it is
 * valid UTF-8, "UTF-16LE"/"UTF-16BE" when every other byte is zero, else
 * "WINDOWS-1252" (what a spreadsheet program in Western Europe writes as
 * "text" on Windows). */
const char      *sec_import_detect_encoding (const char     *data,
                                             gsize           length);

/* (transfer full): @data as UTF-8 from @encoding, without its byte order
 * mark. Text that is not valid in @encoding is refused with
 * G_CONVERT_ERROR. */
char            *sec_import_decode          (const char     *data,
                                             gsize           length,
                                             const char     *encoding,
                                             GError        **error);

/* Reads CSV as spreadsheet programs write it: @encoding NULL to detect it,
 * @separator 0 to detect it (comma, semicolon or tab, from the first line).
 * Quoted fields may hold separators, line breaks and doubled quotes; blank
 * lines are skipped; empty fields after the header's last column are
 * dropped; the first line is the header. A "'" that our own exports put
 * before a field starting with = + - @ is taken away again. (transfer full) */
SecImportTable  *sec_import_read_csv        (const char     *data,
                                             gsize           length,
                                             const char     *encoding,
                                             char            separator,
                                             GError        **error);

/* Reads vCards 2.1, 3.0 and 4.0 (sec-import-vcard.c) into a table of
 * people, one row per card, with the columns "Title", "Given name",
 * "Family name", "Position", "Organisation", "Email", "Phone", "Notes"
 * (other e-mails and phones, departments and addresses go to "Notes":
 * nothing the card holds is dropped). */
SecImportTable  *sec_import_read_vcard      (const char     *data,
                                             gsize           length,
                                             GError        **error);

/* Whether @data looks like vCards (starts with BEGIN:VCARD, after any
 * byte order mark and blank lines). */
gboolean         sec_import_is_vcard        (const char     *data,
                                             gsize           length);

#define SEC_IMPORT_ERROR (sec_import_error_quark ())
GQuark sec_import_error_quark (void);

typedef enum {
  SEC_IMPORT_ERROR_EMPTY,     /* no header or no card */
  SEC_IMPORT_ERROR_INVALID,   /* a row the store would refuse */
  SEC_IMPORT_ERROR_FAILED,
} SecImportError;

G_END_DECLS
