/* sec-presidencies.c: the rotating Presidency of the Council of the EU */
#define G_LOG_DOMAIN "sec-presidencies"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "core/meetings/sec-meetings-resources.h"
#include "core/base/sec-countries.h"
#include "core/meetings/sec-presidencies.h"
#include "core/store/sec-records.h"

#define RESOURCE_PATH "/io/github/secretariat/core/presidencies.csv"
#define SETTING_KEY "council-presidencies"

/* Static helpers */

static SecPresidency *
presidency_new (const char *starts_on,
                const char *ends_on,
                const char *country,
                gboolean    edited)
{
  SecPresidency *p = g_new0 (SecPresidency, 1);

  p->starts_on = g_strdup (starts_on);
  p->ends_on = g_strdup (ends_on);
  p->country = g_strdup (country);
  p->edited = edited;
  return p;
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  const SecPresidency *x = *(SecPresidency **) a, *y = *(SecPresidency **) b;

  return strcmp (x->starts_on, y->starts_on);
}

static gboolean
check_entry (const char  *starts_on,
             const char  *ends_on,
             const char  *country,
             GError     **error)
{
  if (!sec_check_date (starts_on) || !sec_check_date (ends_on))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("A Presidency needs a first and a last day as YYYY-MM-DD"));
      return FALSE;
    }
  if (strcmp (ends_on, starts_on) < 0)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("A Presidency cannot end before it starts"));
      return FALSE;
    }
  if (!sec_check_country (country))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("“%s” is not a country code"), country ? country : "");
      return FALSE;
    }
  return TRUE;
}

/* Adds the records of CSV @text ("start,end,country" lines; lines starting
 * with # and the header are skipped). */
static gboolean
parse_entries (const char  *text,
               gboolean     edited,
               GPtrArray   *out,
               GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cells = NULL;

      g_strstrip (lines[i]);
      if (*lines[i] == '\0' || *lines[i] == '#' || g_str_has_prefix (lines[i], "start,"))
        continue;
      cells = g_strsplit (lines[i], ",", -1);
      if (g_strv_length (cells) != 3)
        {
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                       _("Line %u of the Presidencies is not “start,end,country”"), i + 1);
          return FALSE;
        }
      for (guint c = 0; c < 3; c++)
        g_strstrip (cells[c]);
      if (!check_entry (cells[0], cells[1], cells[2], error))
        return FALSE;
      g_ptr_array_add (out, presidency_new (cells[0], cells[1], cells[2], edited));
    }
  return TRUE;
}

static GPtrArray *
load_shipped (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_presidency_free);
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (sec_meetings_get_resource (), RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The rotation of Presidencies is missing: %s", error->message);
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  if (!parse_entries (text, FALSE, entries, &error))
    g_error ("The shipped rotation of Presidencies is damaged: %s", error->message);
  return entries;
}

/* (element-type SecPresidency): the user's entries, by start. */
static GPtrArray *
load_edited (SecStore  *store,
             GError   **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_presidency_free);
  g_autofree char *text = store ? sec_store_get_setting (store, SETTING_KEY) : NULL;

  if (text != NULL && !parse_entries (text, TRUE, entries, error))
    return NULL;
  g_ptr_array_sort (entries, compare_start);
  return g_steal_pointer (&entries);
}

static gboolean
save_edited (SecStore   *store,
             GPtrArray  *entries,
             GError    **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_ptr_array_sort (entries, compare_start);
  for (guint i = 0; i < entries->len; i++)
    {
      SecPresidency *p = g_ptr_array_index (entries, i);

      g_string_append_printf (text, "%s,%s,%s\n", p->starts_on, p->ends_on, p->country);
    }
  return sec_store_set_setting (store, SETTING_KEY, entries->len ? text->str : NULL, error);
}

static gboolean
overlaps (SecPresidency *a,
          SecPresidency *b)
{
  return strcmp (a->starts_on, b->ends_on) <= 0 && strcmp (b->starts_on, a->ends_on) <= 0;
}

/* Public API */

void
sec_presidency_free (SecPresidency *presidency)
{
  if (presidency == NULL)
    return;
  g_free (presidency->starts_on);
  g_free (presidency->ends_on);
  g_free (presidency->country);
  g_free (presidency);
}

/**
 * sec_presidencies_list:
 * @store: (nullable): the database with the user's entries
 *
 * Returns: (transfer full) (element-type SecPresidency): the rotation
 */
GPtrArray *
sec_presidencies_list (SecStore  *store,
                       GError   **error)
{
  g_autoptr(GPtrArray) shipped = load_shipped ();
  g_autoptr(GPtrArray) edited = NULL;
  GPtrArray *result;

  g_return_val_if_fail (store == NULL || SEC_IS_STORE (store), NULL);

  if ((edited = load_edited (store, error)) == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_presidency_free);
  for (guint i = 0; i < shipped->len; i++)
    {
      SecPresidency *p = g_ptr_array_index (shipped, i);
      gboolean covered = FALSE;

      for (guint j = 0; j < edited->len && !covered; j++)
        covered = overlaps (p, g_ptr_array_index (edited, j));
      if (!covered)
        g_ptr_array_add (result, presidency_new (p->starts_on, p->ends_on, p->country, FALSE));
    }
  for (guint j = 0; j < edited->len; j++)
    {
      SecPresidency *p = g_ptr_array_index (edited, j);

      g_ptr_array_add (result, presidency_new (p->starts_on, p->ends_on, p->country, TRUE));
    }
  g_ptr_array_sort (result, compare_start);
  return result;
}

char *
sec_presidencies_lookup (SecStore   *store,
                         const char *iso_date)
{
  g_autoptr(GPtrArray) edited = NULL;
  g_autoptr(GPtrArray) shipped = NULL;
  char day[11];

  g_return_val_if_fail (store == NULL || SEC_IS_STORE (store), NULL);

  if (iso_date == NULL || strlen (iso_date) < 10)
    return NULL;
  memcpy (day, iso_date, 10);
  day[10] = '\0';
  if (!sec_check_date (day))
    return NULL;

  /* The user's entries first: they correct the shipped ones. */
  edited = load_edited (store, NULL);
  for (guint i = 0; edited && i < edited->len; i++)
    {
      SecPresidency *p = g_ptr_array_index (edited, i);

      if (strcmp (p->starts_on, day) <= 0 && strcmp (day, p->ends_on) <= 0)
        return g_strdup (p->country);
    }
  shipped = load_shipped ();
  for (guint i = 0; i < shipped->len; i++)
    {
      SecPresidency *p = g_ptr_array_index (shipped, i);

      if (strcmp (p->starts_on, day) <= 0 && strcmp (day, p->ends_on) <= 0)
        return g_strdup (p->country);
    }
  return NULL;
}

gboolean
sec_presidencies_set (SecStore    *store,
                      const char  *starts_on,
                      const char  *ends_on,
                      const char  *country,
                      GError     **error)
{
  g_autoptr(GPtrArray) edited = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  if (!check_entry (starts_on, ends_on, country, error) ||
      (edited = load_edited (store, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < edited->len; i++)
    if (g_str_equal (((SecPresidency *) g_ptr_array_index (edited, i))->starts_on, starts_on))
      g_ptr_array_remove_index (edited, i--);
  g_ptr_array_add (edited, presidency_new (starts_on, ends_on, country, TRUE));
  return save_edited (store, edited, error);
}

gboolean
sec_presidencies_reset (SecStore    *store,
                        const char  *starts_on,
                        GError     **error)
{
  g_autoptr(GPtrArray) edited = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  if ((edited = load_edited (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < edited->len; i++)
    if (starts_on == NULL || g_str_equal (((SecPresidency *) g_ptr_array_index (edited, i))->starts_on, starts_on))
      g_ptr_array_remove_index (edited, i--);
  return save_edited (store, edited, error);
}

char *
sec_presidencies_propose_co_chair (SecStore  *store,
                                   SecRecord *meeting)
{
  g_autofree char *country = NULL;
  const char *name;

  g_return_val_if_fail (SEC_IS_MEETING (meeting), NULL);

  country = sec_presidencies_lookup (store, sec_record_get_string (meeting, "starts-at"));
  if (country == NULL || (name = sec_country_name (country)) == NULL)
    return NULL;
  /* TRANSLATORS: the proposed co-chair of a meeting: "Bulgaria (Presidency of the Council of the EU)" */
  return g_strdup_printf (_("%s (Presidency of the Council of the EU)"), name);
}
