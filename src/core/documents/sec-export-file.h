/* sec-export-file.h: writing an exported document safely
 *
 * Every export (PDF, CSV, iCalendar; the command line and the window)
 * writes through sec_export_write_file (): it replaces only a regular file,
 * writes through a symbolic link rather than replacing it, creates a
 * document with contact data or needs mode 0600 from its first byte, and
 * keeps the mode and owner of a file it replaces.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  SEC_FILE_PUBLIC,    /* a new file is 0666 less the umask */
  SEC_FILE_PERSONAL,  /* a new file is 0600: contact data or needs */
} SecFileAccess;

/* Whether the export @kind (the command line's name: "participants",
 * "applications", ...) holds contact data or needs in its full
 * (internal) variant; unknown kinds are taken as personal. The one table
 * of what each document carries is in sec-export-file.c. */
gboolean     sec_export_kind_is_personal (const char    *kind);

/* Checks that @path can be replaced by an export: it does not exist, is a
 * regular file, or is a symbolic link to one (or to nothing). Folders,
 * FIFOs, sockets and devices are refused (G_IO_ERROR_IS_DIRECTORY or
 * G_IO_ERROR_NOT_REGULAR_FILE), before anything is written. */
gboolean     sec_export_check_path       (const char    *path,
                                          GError       **error);

/* Writes @contents to @path (or, when @path is a symbolic link, to the
 * file it points to) through a temporary file in the same folder, renamed
 * over it once complete: a failure leaves no half file and an earlier file
 * as it was. The temporary file is made with the final mode before the
 * first byte: an existing file's mode (and owner, where allowed), else
 * 0600 for @access SEC_FILE_PERSONAL, else 0666 less the umask. */
gboolean     sec_export_write_file       (const char    *path,
                                          const void    *contents,
                                          gsize          length,
                                          SecFileAccess  access,
                                          GError       **error);
/* The same; when @cancellable is cancelled before the file is renamed
 * over @path, the temporary file is removed and G_IO_ERROR_CANCELLED set. */
gboolean     sec_export_write_file_cancellable (const char    *path,
                                                const void    *contents,
                                                gsize          length,
                                                SecFileAccess  access,
                                                GCancellable  *cancellable,
                                                GError       **error);

/* Values that leave the program are checked when used, not only when
 * saved: a database can come from elsewhere. */

/* Whether @text is a plain web address: http or https, with a host, and
 * no space or control character (which would end a line or a field). */
gboolean     sec_export_is_web_link      (const char    *text);
/* (transfer full) (nullable): "mailto:@email" when @email is one plain
 * address ("name@example.org"), else NULL: no query part ("?bcc=…",
 * "&attach=…"), no second address, no percent-escape, no space or control
 * character. */
char        *sec_export_dup_mailto       (const char    *email);

G_END_DECLS
