/* sec-document-locale.h: the language a document is written in
 *
 * A document is printed in the user's language or in one picked for it
 * (English, French, German). Its strings then come from that language's
 * message catalogue, read directly rather than through the process's
 * gettext (which LANGUAGE would override, and which is one language for the
 * whole process); dates and collation use that language's C locale through
 * uselocale (), which affects the calling thread only. So documents in
 * different languages can be made at once, in any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SecDocumentLocale SecDocumentLocale;

/* (transfer none): the languages a document can be written in, as ISO 639
 * codes ("en", "fr", "de"), NULL-terminated. */
const char *const  *sec_document_languages              (void);
/* The language's own name ("Français"), or NULL when it is not offered. */
const char         *sec_document_language_name          (const char        *language);

/* (transfer full): the locale of @language, one of
 * sec_document_languages (); NULL or "" for the user's own (and, after a
 * critical warning, for an unknown language). */
SecDocumentLocale  *sec_document_locale_new             (const char        *language);
SecDocumentLocale  *sec_document_locale_ref             (SecDocumentLocale *self);
void                sec_document_locale_unref           (SecDocumentLocale *self);
/* (nullable): the language given to new (), or NULL for the user's. */
const char         *sec_document_locale_get_language    (SecDocumentLocale *self);

/* (transfer none): @msgid of the "secretariat" domain in the language. */
const char         *sec_document_locale_gettext         (SecDocumentLocale *self,
                                                         const char        *msgid);
/* (transfer none) (nullable): the country's name in the language. */
const char         *sec_document_locale_country_name    (SecDocumentLocale *self,
                                                         const char        *code);
/* (transfer full): @dt formatted by g_date_time_format () with the month and
 * day names of the language. */
char               *sec_document_locale_format_date     (SecDocumentLocale *self,
                                                         GDateTime         *dt,
                                                         const char        *format);
/* (transfer full): a key that sorts @text as the language collates it;
 * compare keys with strcmp (). */
char               *sec_document_locale_collate_key     (SecDocumentLocale *self,
                                                         const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecDocumentLocale, sec_document_locale_unref)

G_END_DECLS
