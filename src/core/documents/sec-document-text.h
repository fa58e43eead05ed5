/* sec-document-text.h: the text of the workflows' documents
 *
 * What the documents of calls and of statements write alike: escaped
 * markup, "Label: value" facts, days in the document's language, the
 * labels of fields and choices, and a new document with its metadata,
 * running header and footer.
 */
#pragma once

#include <glib-object.h>

#include "core/documents/sec-document-locale.h"
#include "core/documents/sec-document.h"

G_BEGIN_DECLS

/* TRUE for NULL and "". */
static inline gboolean
sec_text_is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* (transfer full): @text (NULL: "") escaped for Pango markup. */
char        *sec_text_escape          (const char        *text);
/* Adds @text (nullable) to @doc as paragraphs, split at blank lines, each
 * escaped. */
void         sec_text_add_paragraphs  (SecDocument       *doc,
                                       const char        *text);
/* Appends "<b>Label:</b> value" to @markup (after a line break unless it
 * is empty), both escaped; nothing when @value is empty. */
void         sec_text_append_fact     (GString           *markup,
                                       const char        *label,
                                       const char        *value);
/* (transfer full): the day @iso ("YYYY-MM-DD", or a date and time) reads
 * as in @locale's language, "13 June 2018"; "" when @iso is empty, @iso
 * itself when it is not a date. */
char        *sec_text_format_day      (SecDocumentLocale *locale,
                                       const char        *iso);
/* (transfer none): the label of @kind's @field in @locale's language. */
const char  *sec_text_field_label     (SecDocumentLocale *locale,
                                       GType              kind,
                                       const char        *field);
/* (transfer none): the label of choice @nick of @kind's @field in
 * @locale's language; @nick itself when the field has no such choice. */
const char  *sec_text_choice_label    (SecDocumentLocale *locale,
                                       GType              kind,
                                       const char        *field,
                                       const char        *nick);
/* (transfer full): a new document @title about @subject (its PDF
 * metadata, with the user as the author), with a running header of
 * @header_left and @header_right (markup) and the footer "Generated on
 * <now>" and "Page N of M" in @locale's language. */
SecDocument *sec_text_new_document    (SecDocumentLocale *locale,
                                       const char        *title,
                                       const char        *subject,
                                       const char        *header_left,
                                       const char        *header_right);

G_END_DECLS
