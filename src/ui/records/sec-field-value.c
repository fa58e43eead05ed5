/* sec-field-value.c: a field's value as people read it
 *
 * Shared by the record page (a row per field) and the conflict dialog (the
 * fields two versions of a record differ in, side by side).
 */
#define G_LOG_DOMAIN "sec-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/base/sec-languages.h"
#include "core/store/sec-records.h"
#include "ui/records/sec-field-value.h"

static char *
dup_ref_title (SecStore   *store,
               GHashTable *depends_on,
               const char *ref_kind,
               gint64      id)
{
  GType type = sec_record_kind_lookup (ref_kind);
  g_autoptr(SecRecord) target = NULL;
  g_autoptr(GError) error = NULL;

  if (depends_on != NULL)
    g_hash_table_add (depends_on, GSIZE_TO_POINTER (type));
  target = sec_store_get (store, type, id, &error);
  if (target == NULL)
    {
      g_debug ("Could not read %s %" G_GINT64_FORMAT ": %s", ref_kind, id, error->message);
      /* Never an id: the user cannot do anything with it. */
      return g_strdup (_("A record that no longer exists"));
    }
  return sec_record_dup_title (target);
}

/**
 * sec_field_value_format:
 * @depends_on: (nullable): a set of GTypes, given the kind a reference
 *   points to (to read the value again when those change)
 *
 * Returns: (transfer full) (nullable): the value of @field as people read
 *   it (a reference as the record's title, a choice by its label, a date
 *   in the locale), or NULL when it has none
 */
char *
sec_field_value_format (SecStore       *store,
                        SecRecord      *record,
                        const SecField *field,
                        GHashTable     *depends_on)
{
  g_autofree char *text = sec_record_dup_text (record, field->name);

  switch (field->type)
    {
    case SEC_FIELD_REF:
      if (sec_record_get_ref (record, field->name) == 0)
        return NULL;
      return dup_ref_title (store, depends_on, field->ref_kind, sec_record_get_ref (record, field->name));
    case SEC_FIELD_INT:
      /* A zero that nobody had to give (a year) is no value. */
      if (sec_record_get_int (record, field->name) == 0 && !(field->flags & SEC_FIELD_REQUIRED))
        return NULL;
      return g_steal_pointer (&text);
    case SEC_FIELD_BOOL:
      /* Said when it is so: "Received after the deadline: Yes". */
      if (!sec_record_get_bool (record, field->name) && !(field->flags & SEC_FIELD_REQUIRED))
        return NULL;
      return g_strdup (sec_record_get_bool (record, field->name) ? _("Yes") : _("No"));
    default:
      break;
    }

  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  /* A text field, typed as codes ("mt, en"): shown by name. */
  if (g_str_equal (field->name, "languages"))
    return sec_languages_format (text);

  switch (field->type)
    {
    case SEC_FIELD_CHOICE:
      {
        const char *label = sec_field_choice_label (field, text);
        return g_strdup (label ? label : text);
      }
    case SEC_FIELD_COUNTRY:
      {
        const char *name = sec_country_name (text);
        return g_strdup (name ? name : text);
      }
    case SEC_FIELD_COUNTRIES:
      {
        g_auto(GStrv) codes = g_strsplit (text, ",", -1);
        GString *names = g_string_new (NULL);

        for (guint i = 0; codes[i] != NULL; i++)
          {
            const char *name;

            g_strstrip (codes[i]);
            if (*codes[i] == '\0')
              continue;
            name = sec_country_name (codes[i]);
            if (names->len > 0)
              /* Translators: the separator in a list of countries */
              g_string_append (names, _(", "));
            g_string_append (names, name ? name : codes[i]);
          }
        return g_string_free (names, FALSE);
      }
    case SEC_FIELD_DATE:
      return sec_format_date (text);
    case SEC_FIELD_DATETIME:
      return sec_format_datetime (text);
    case SEC_FIELD_TIME:
      return sec_format_time (text);
    case SEC_FIELD_TEXT:
    case SEC_FIELD_LONG_TEXT:
    case SEC_FIELD_EMAIL:
    case SEC_FIELD_URL:
    case SEC_FIELD_TIMEZONE:
    case SEC_FIELD_DOUBLE:
    case SEC_FIELD_INT:
    case SEC_FIELD_BOOL:
    case SEC_FIELD_REF:
    default:
      return g_steal_pointer (&text);
    }
}
