/* sec-email.h: an e-mail message as a file (RFC 5322, MIME)
 *
 * A draft any mail program opens (.eml): UTF-8 headers encoded as RFC 2047
 * words, the text quoted-printable, attachments base64 in a
 * multipart/mixed message, a Date and a Message-ID, CRLF line ends, and
 * "X-Unsent: 1" so that mail programs that know it open the file as a
 * message to send. Values from the database are checked here as they leave
 * the program: a header never gets a line break from a name or subject,
 * and an address that is not one plain address is refused.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SecEmail SecEmail;

SecEmail   *sec_email_new            (void);
void        sec_email_free           (SecEmail      *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecEmail, sec_email_free)

/* @name may be NULL; @address must be one plain address
 * (sec_email_address_is_plain ()), else the message is refused when
 * written. */
void        sec_email_set_from       (SecEmail      *self,
                                      const char    *name,
                                      const char    *address);
void        sec_email_add_to         (SecEmail      *self,
                                      const char    *name,
                                      const char    *address);
void        sec_email_add_bcc        (SecEmail      *self,
                                      const char    *name,
                                      const char    *address);
void        sec_email_set_subject    (SecEmail      *self,
                                      const char    *subject);
/* The text, lines separated by "\n" (or "\r\n"). */
void        sec_email_set_body       (SecEmail      *self,
                                      const char    *body);
/* NULL: now. */
void        sec_email_set_date       (SecEmail      *self,
                                      GDateTime     *date);
void        sec_email_add_attachment (SecEmail      *self,
                                      const char    *filename,
                                      const char    *mime_type,
                                      GBytes        *contents);

/* (transfer full): the message; NULL with a G_IO_ERROR_INVALID_DATA when
 * an address is not plain or there is no recipient at all. */
GBytes     *sec_email_to_bytes       (SecEmail      *self,
                                      GError       **error);

G_END_DECLS
