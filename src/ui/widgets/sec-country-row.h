/* sec-country-row.h: a form row to choose a country, or several */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEC_TYPE_COUNTRY_ROW (sec_country_row_get_type ())
G_DECLARE_FINAL_TYPE (SecCountryRow, sec_country_row, SEC, COUNTRY_ROW, AdwActionRow)

GtkWidget  *sec_country_row_new          (gboolean       multiple);
/* An ISO 3166-1 alpha-2 code, or with multiple codes separated by commas
 * ("DK,EE,MT"); NULL when none is chosen. */
const char *sec_country_row_get_value    (SecCountryRow *self);
void        sec_country_row_set_value    (SecCountryRow *self,
                                          const char    *value);
gboolean    sec_country_row_get_multiple (SecCountryRow *self);

G_END_DECLS
