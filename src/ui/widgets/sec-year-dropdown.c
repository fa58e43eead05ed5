/* sec-year-dropdown.c: a GtkDropDown of years, newest first
 *
 * The statement's tools and its commitments window both choose the year of
 * a follow-up. GtkDropDown is final, so this is a few functions on one: the
 * years the entries stand for ride on the drop-down as object data.
 */
#define G_LOG_DOMAIN "sec-year-dropdown"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/widgets/sec-year-dropdown.h"

#define YEARS_KEY "sec-year-dropdown-years"

/* (element-type int): the year of each entry; 0 for the "latest" entry. */
static GArray *
get_years (GtkDropDown *drop_down)
{
  return g_object_get_data (G_OBJECT (drop_down), YEARS_KEY);
}

/**
 * sec_year_dropdown_set_years:
 * @drop_down: a drop-down
 * @years: (nullable) (element-type int): the years, oldest first
 * @latest_label: (nullable): the label of an entry before the years that
 *   stands for each cell's latest year (year 0), or %NULL for none
 *
 * Offers @years newest first (the year being followed is the one looked
 * at) and selects the first entry.
 */
void
sec_year_dropdown_set_years (GtkDropDown  *drop_down,
                             const GArray *years,
                             const char   *latest_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  if (latest_label != NULL)
    {
      int latest = 0;

      g_array_append_val (entries, latest);
      gtk_string_list_append (labels, latest_label);
    }
  for (guint i = years != NULL ? years->len : 0; i > 0; i--)
    {
      int year = g_array_index (years, int, i - 1);
      g_autofree char *text = g_strdup_printf ("%d", year);

      g_array_append_val (entries, year);
      gtk_string_list_append (labels, text);
    }
  g_object_set_data_full (G_OBJECT (drop_down), YEARS_KEY, entries, (GDestroyNotify) g_array_unref);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (drop_down, 0);
}

/**
 * sec_year_dropdown_get_year:
 *
 * Returns: the year selected; 0 for the "latest" entry or none
 */
int
sec_year_dropdown_get_year (GtkDropDown *drop_down)
{
  GArray *years;
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), 0);

  years = get_years (drop_down);
  selected = gtk_drop_down_get_selected (drop_down);
  if (years == NULL || selected >= years->len)
    return 0;
  return g_array_index (years, int, selected);
}

/**
 * sec_year_dropdown_set_year:
 *
 * Selects @year, when it is offered.
 */
void
sec_year_dropdown_set_year (GtkDropDown *drop_down,
                            int          year)
{
  GArray *years;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  years = get_years (drop_down);
  for (guint i = 0; years != NULL && i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      gtk_drop_down_set_selected (drop_down, i);
}
