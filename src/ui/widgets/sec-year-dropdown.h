/* sec-year-dropdown.h: a GtkDropDown of years, newest first */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sec_year_dropdown_set_years (GtkDropDown  *drop_down,
                                  const GArray *years,
                                  const char   *latest_label);
int  sec_year_dropdown_get_year  (GtkDropDown  *drop_down);
void sec_year_dropdown_set_year  (GtkDropDown  *drop_down,
                                  int           year);

G_END_DECLS
