/* sec-import-private.h: what the import's files share */
#pragma once

#include "core/import/sec-import.h"
#include "core/store/sec-record.h"

G_BEGIN_DECLS

/* (transfer full): @text as a value of @field's type the store takes: a
 * country name as its ISO code, a choice's label as its nick, a date in
 * the user's form as ISO, a web address without scheme with "https://". The
 * text unchanged when it is none of those (validation then says why). */
char        *_sec_import_convert_value (const SecField *field,
                                        const char     *text);
/* The ISO code of a country given by code or name (English or in the
 * user's language), or NULL. (transfer none) */
const char  *_sec_import_country_code  (const char     *text);

G_END_DECLS
