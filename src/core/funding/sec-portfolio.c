/* sec-portfolio.c: the projects of a portfolio, its totals and coverage */
#define G_LOG_DOMAIN "sec-portfolio"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "core/base/sec-countries.h"
#include "core/funding/sec-funding.h"
#include "core/funding/sec-portfolio.h"
#include "core/store/sec-records.h"

/* Static helpers */

void
sec_portfolio_project_free (SecPortfolioProject *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->project);
  g_clear_pointer (&entry->partners, g_ptr_array_unref);
  g_clear_pointer (&entry->countries, g_strfreev);
  g_free (entry);
}

static void
total_free (SecPortfolioTotal *total)
{
  g_free (total->programme);
  g_free (total);
}

static void
country_free (SecPortfolioCountry *country)
{
  g_free (country->country);
  g_free (country);
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const SecPortfolioTotal *ta = *(SecPortfolioTotal **) a;
  const SecPortfolioTotal *tb = *(SecPortfolioTotal **) b;
  int c = g_utf8_collate (ta->programme, tb->programme);

  return c != 0 ? c : ta->year - tb->year;
}

static int
compare_coverage (gconstpointer a,
                  gconstpointer b)
{
  const SecPortfolioCountry *ca = *(SecPortfolioCountry **) a;
  const SecPortfolioCountry *cb = *(SecPortfolioCountry **) b;

  return sec_funding_compare_countries (&ca->country, &cb->country);
}

/* The programme named by @text: its id, short name or name (ignoring
 * case), or 0. */
static gint64
find_programme (SecStore    *store,
                const char  *text,
                GError     **error)
{
  g_autoptr(GPtrArray) programmes = sec_store_list (store, SEC_TYPE_PROGRAMME, NULL, error);
  gint64 id = 0;

  if (programmes == NULL)
    return -1;
  for (guint i = 0; i < programmes->len; i++)
    {
      SecRecord *p = g_ptr_array_index (programmes, i);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (p));
      const char *short_name = sec_record_get_string (p, "short-name");

      if (g_str_equal (id_text, text) ||
          (short_name && g_ascii_strcasecmp (short_name, text) == 0) ||
          g_utf8_collate (sec_record_get_string (p, "name"), text) == 0)
        return sec_record_get_id (p);
    }
  g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
               _("No funding programme “%s”"), text);
  return id;
}

/**
 * sec_portfolio_project_new:
 * @project: a stored project, read with its derived values
 *
 * Returns: (transfer full) (nullable): the project's coordinator and
 *   partners, its countries and duration
 */
SecPortfolioProject *
sec_portfolio_project_new (SecStore   *store,
                           SecRecord  *project,
                           GError    **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (project));
  SecPortfolioProject *entry;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  const char *coordinator_country = sec_record_get_derived (project, "coordinator-country");

  sec_query_add (query, "project", SEC_QUERY_EQUALS, id);
  sec_query_set_sort (query, "position", FALSE);

  entry = g_new0 (SecPortfolioProject, 1);
  entry->project = g_object_ref (project);
  if ((entry->partners = sec_store_list (store, SEC_TYPE_PROJECT_PARTNER, query, error)) == NULL)
    {
      sec_portfolio_project_free (entry);
      return NULL;
    }
  entry->months = sec_funding_duration_months (sec_record_get_string (project, "starts-on"),
                                               sec_record_get_string (project, "ends-on"));

  if (coordinator_country && *coordinator_country)
    g_ptr_array_add (codes, (gpointer) coordinator_country);
  for (guint i = 0; i < entry->partners->len; i++)
    {
      const char *code = sec_record_get_derived (g_ptr_array_index (entry->partners, i), "country");

      if (code && *code && !g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, (gpointer) code);
    }
  g_ptr_array_sort (codes, sec_funding_compare_countries);
  g_ptr_array_add (codes, NULL);
  entry->countries = g_strdupv ((char **) codes->pdata);
  return entry;
}

static void
add_to_totals (GHashTable          *totals,
               SecPortfolioProject *entry)
{
  const char *programme = sec_record_get_derived (entry->project, "programme-name");
  const char *starts_on = sec_record_get_string (entry->project, "starts-on");
  int year = starts_on && *starts_on ? atoi (starts_on) : 0;
  g_autofree char *key = g_strdup_printf ("%s\n%d", programme ? programme : "", year);
  SecPortfolioTotal *total = g_hash_table_lookup (totals, key);

  if (total == NULL)
    {
      total = g_new0 (SecPortfolioTotal, 1);
      total->programme = g_strdup (programme ? programme : "");
      total->year = year;
      g_hash_table_insert (totals, g_steal_pointer (&key), total);
    }
  total->n_projects++;
  total->budget += sec_record_get_int (entry->project, "budget");
}

/* Coordinators count as partners; an organisation counts once a project. */
static void
add_to_coverage (GHashTable          *coverage,
                 SecPortfolioProject *entry)
{
  g_autoptr(GHashTable) organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);

  /* The partners first, then the coordinator unless it is among them. */
  for (guint i = 0; i <= entry->partners->len; i++)
    {
      SecRecord *partner = i < entry->partners->len ? g_ptr_array_index (entry->partners, i) : NULL;
      SecRecord *record = partner ? partner : entry->project;
      gint64 org = sec_record_get_ref (record, partner ? "organisation" : "coordinator");
      const char *code = sec_record_get_derived (record, partner ? "country" : "coordinator-country");
      SecPortfolioCountry *country;

      if (org == 0 || !g_hash_table_add (organisations, g_strdup_printf ("%" G_GINT64_FORMAT, org)))
        continue;
      if (code == NULL || *code == '\0')
        continue;
      if ((country = g_hash_table_lookup (coverage, code)) == NULL)
        {
          country = g_new0 (SecPortfolioCountry, 1);
          country->country = g_strdup (code);
          g_hash_table_insert (coverage, country->country, country);
        }
      country->n_partners++;
      if (g_hash_table_add (countries, (gpointer) code))
        country->n_projects++;
    }
}

static GPtrArray *
values_sorted (GHashTable       *table,
               GDestroyNotify    free_func,
               GCompareFunc      compare)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (free_func);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (array, value);
  g_ptr_array_sort (array, compare);
  return array;
}

/* Public API */

/**
 * sec_portfolio_new:
 * @programme: (nullable): an id, short name or name
 * @theme: (nullable): one of the projects' themes
 *
 * Returns: (transfer full) (nullable): the portfolio, or NULL with @error set
 */
SecPortfolio *
sec_portfolio_new (SecStore    *store,
                   const char  *programme,
                   const char  *theme,
                   GError     **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(SecPortfolio) self = NULL;
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) coverage = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if (programme != NULL && *programme != '\0')
    {
      gint64 id = find_programme (store, programme, error);
      g_autofree char *id_text = NULL;

      if (id <= 0)
        return NULL;
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      sec_query_add (query, "programme", SEC_QUERY_EQUALS, id_text);
    }
  if (theme != NULL && *theme != '\0')
    sec_query_add (query, "theme", SEC_QUERY_RELATION, theme);

  if ((projects = sec_store_list (store, SEC_TYPE_PROJECT, query, error)) == NULL)
    return NULL;

  self = g_new0 (SecPortfolio, 1);
  self->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_portfolio_project_free);
  for (guint i = 0; i < projects->len; i++)
    {
      SecPortfolioProject *entry = sec_portfolio_project_new (store, g_ptr_array_index (projects, i), error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (self->projects, entry);
      add_to_totals (totals, entry);
      add_to_coverage (coverage, entry);
      self->budget += sec_record_get_int (entry->project, "budget");
    }
  self->totals = values_sorted (totals, (GDestroyNotify) total_free, compare_totals);
  self->countries = values_sorted (coverage, (GDestroyNotify) country_free, compare_coverage);
  return g_steal_pointer (&self);
}

void
sec_portfolio_free (SecPortfolio *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->projects, g_ptr_array_unref);
  g_clear_pointer (&self->totals, g_ptr_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_free (self);
}

char *
sec_portfolio_describe_filter (const char *programme,
                               const char *theme)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (programme != NULL && *programme != '\0')
    /* TRANSLATORS: which projects a portfolio holds */
    g_string_append_printf (text, _("Programme: %s"), programme);
  if (theme != NULL && *theme != '\0')
    {
      if (text->len)
        g_string_append (text, " · ");
      /* TRANSLATORS: which projects a portfolio holds */
      g_string_append_printf (text, _("Theme: %s"), theme);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
sec_portfolio_project_dup_country_names (SecPortfolioProject *entry)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (entry != NULL, NULL);

  for (guint i = 0; entry->countries[i]; i++)
    {
      const char *name = sec_country_name (entry->countries[i]);

      if (names->len > 0)
        /* Translators: the separator in a list of names */
        g_string_append (names, _(", "));
      g_string_append (names, name ? name : entry->countries[i]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}
