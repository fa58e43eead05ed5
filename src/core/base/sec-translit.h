/* sec-translit.h: the Latin spellings people type for Greek and Cyrillic names
 *
 * Nobody at a registration desk types "Δήμητρα" or "Ципов" on a Latin
 * keyboard: they type the passport spelling ("Dimitra", "Tsipov") or the
 * scholarly one ("Cipov"). Search indexes these forms beside the text, so
 * that either spelling finds the person, and a Greek or Cyrillic word typed
 * in a search finds its Latin namesakes through the same forms.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @text has a Greek or Cyrillic letter (only such text has Latin
 * forms). */
gboolean  sec_translit_needs_latin   (const char *text);
/* (transfer full) (nullable): the distinct Latin forms of @text, folded like
 * sec_fold () and separated by spaces: Greek by ELOT 743 / UNGEGN
 * ("dimitra"), Cyrillic by BGN/PCGN for Bulgarian, Russian and Ukrainian
 * ("tsipov", "tsypov") and by ISO 9 ("cipov"). NULL when @text has no Greek
 * or Cyrillic letter. Safe to call from any thread. */
char     *sec_translit_latin_forms   (const char *text);
/* (transfer full) (nullable): @text with its Greek and Cyrillic letters
 * in the Latin spelling of passports, as it is printed ("Δήμητρα
 * Αντωνίου" → "Dimitra Antoniou", "Мария Иванова" → "Mariya Ivanova"):
 * the first of the forms above that spells every letter; NULL when @text
 * has no Greek or Cyrillic letter. For lists: sorted and printed beside
 * the name. Safe to call from any thread. */
char     *sec_translit_latin_name    (const char *text);
/* (transfer full): @text folded (sec_fold ()), followed by its Latin forms
 * if it has any: what search matches against. */
char     *sec_fold_for_search        (const char *text);
/* (transfer full): @words, each Greek or Cyrillic one with its Latin forms
 * as alternatives: an array per word, the word itself first. */
GPtrArray *sec_translit_alternatives (const char *const *words);

G_END_DECLS
