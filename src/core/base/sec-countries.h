/* sec-countries.h: ISO 3166-1 countries and the EU's Member States */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *code;  /* ISO 3166-1 alpha-2 */
  const char *name;  /* English name, as in the iso-codes package */
} SecCountry;

/* (transfer none): every country, by code; *n_countries is their count. */
const SecCountry *sec_countries          (guint      *n_countries);
/* The country's name in the user's language (through iso-codes'
 * translations), or NULL when @code is not an ISO 3166-1 alpha-2 code. */
const char       *sec_country_name       (const char *code);
/* (transfer none): the 27 Member States of the EU in the EU's protocol order
 * (by their names in their own languages: BE, BG, CZ, DK, DE, EE, IE, GR...),
 * NULL-terminated. */
const char *const *sec_countries_eu      (void);
gboolean          sec_country_is_eu      (const char *code);
/* Position of @code in the protocol order, or -1 outside the EU. */
int               sec_country_eu_protocol_index (const char *code);

G_END_DECLS
