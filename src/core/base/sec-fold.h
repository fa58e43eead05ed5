/* sec-fold.h: folding text for search and sorting
 *
 * Search folds case and accents the same way everywhere (the stored search
 * column, the query, the command line): "Łódź" and "lodz" fold to "lodz",
 * "Müller" to "muller", "Ελληνικό" to "ελληνικο".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* (transfer full): @text without accents, in lower case, with runs of white
 * space as one space. */
char    *sec_fold             (const char *text);
/* (transfer full): a key that sorts like the user's locale collates @text
 * (compare with strcmp or memcmp); where the locale does not collate (C,
 * POSIX), the folded text decides first, so "Łódź" sorts among the L. */
char    *sec_collate_key      (const char *text);
/* The locale the collation keys are made for (LC_COLLATE). */
const char *sec_collate_locale (void);

G_END_DECLS
