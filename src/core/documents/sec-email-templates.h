/* sec-email-templates.h: the subject and text of a meeting's e-mails
 *
 * Each kind of message (sec-emails.h) has a template per language of the
 * documents (sec_document_languages ()): the program's default, translated,
 * or the text the staff saved for that language, kept as settings of the
 * database (they travel with the file, as the office's own wording). A
 * template names fields in braces, replaced for each recipient:
 *
 *   {title} {date} {time} {venue} {address} {link} {bodies}: the meeting's
 *   {name} {salutation} {organisation}: the recipient's
 *
 * An unknown field is left as typed. A line with a field that is empty for
 * the recipient (no venue, no online link) is left out, so "Online: {link}"
 * disappears for a meeting in a room only.
 */
#pragma once

#include <glib.h>

#include "core/documents/sec-document-locale.h"
#include "core/documents/sec-meeting-data.h"
#include "core/meetings/sec-emails.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* (transfer none): the template's language for someone who speaks
 * @languages (as staff type them: "fr, en"): the first of theirs a
 * template has, else the user's language when it has it, else English. */
const char *sec_email_template_pick_language (const char *languages);

/* The template of @kind in @language (a code of sec_document_languages ()):
 * (transfer full) @subject and @body, and whether the staff changed it
 * (@customised may be NULL). */
void        sec_email_template_get   (SecStore      *store,
                                      SecEmailKind   kind,
                                      const char    *language,
                                      char         **subject,
                                      char         **body,
                                      gboolean      *customised);
/* Saves the template of @kind in @language; NULL @subject and @body go back
 * to the default. */
gboolean    sec_email_template_set   (SecStore      *store,
                                      SecEmailKind   kind,
                                      const char    *language,
                                      const char    *subject,
                                      const char    *body,
                                      GError       **error);

/* (transfer full) (element-type utf8 utf8): the fields of @data's meeting
 * for @recipient, in @locale's language. */
GHashTable *sec_email_fields_new     (SecMeetingData          *data,
                                      const SecEmailRecipient *recipient,
                                      SecDocumentLocale       *locale);
/* (transfer full): @text with its fields replaced from @fields (see
 * above); @single_line turns line breaks into spaces (for a subject). */
char       *sec_email_template_expand (const char *text,
                                       GHashTable *fields,
                                       gboolean    single_line);

G_END_DECLS
