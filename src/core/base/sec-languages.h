/* sec-languages.h: ISO 639 languages by their codes */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name of the language @code (ISO 639-1 "mt" or 639-3 "mlt", any
 * case) in the user's language, as the iso-codes package translates it
 * ("Maltese", "maltais"); NULL for a code it does not know. */
const char *sec_language_name     (const char *code);
/* (transfer full): @text, a list of codes as staff type them ("mt, en",
 * "mt/en", "MT EN"), with each known code's name: "Maltese, English".
 * Words that are not codes are kept as they are. */
char       *sec_languages_format  (const char *text);

G_END_DECLS
