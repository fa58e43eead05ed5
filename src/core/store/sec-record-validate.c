/* sec-record-validate.c: the checks of a record's fields (dates, times,
 * e-mail addresses, web addresses, countries, time zones, required fields,
 * ranges) before it is saved */
#define G_LOG_DOMAIN "sec-record"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/store/sec-record.h"

gboolean
sec_check_date (const char *text)
{
  int y, m, d;
  char extra;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
    return FALSE;
  return text[4] == '-' && text[7] == '-' && g_ascii_isdigit (text[0]) &&
         g_date_valid_dmy (d, m, y) && y >= 1000;
}

gboolean
sec_check_time (const char *text)
{
  int h, m;
  char extra;

  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return FALSE;
  if (sscanf (text, "%2d:%2d%c", &h, &m, &extra) != 2)
    return FALSE;
  return g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[3]) &&
         h >= 0 && h < 24 && m >= 0 && m < 60;
}

gboolean
sec_check_datetime (const char *text)
{
  g_autofree char *date = NULL;
  const char *time;
  size_t len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if ((len != 16 && len != 19) || text[10] != 'T')
    return FALSE;
  date = g_strndup (text, 10);
  time = text + 11;
  if (!sec_check_date (date))
    return FALSE;
  if (len == 16)
    return sec_check_time (time);
  {
    g_autofree char *hm = g_strndup (time, 5);
    int s;
    char extra;
    if (!sec_check_time (hm) || time[5] != ':' || !g_ascii_isdigit (time[6]))
      return FALSE;
    return sscanf (time + 6, "%2d%c", &s, &extra) == 1 && s >= 0 && s < 60;
  }
}

gboolean
sec_check_email (const char *text)
{
  const char *at;
  const char *dot;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

gboolean
sec_check_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;

  if (text == NULL)
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  return (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 ||
          g_strcmp0 (g_uri_get_scheme (uri), "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

gboolean
sec_check_country (const char *text)
{
  return text != NULL && sec_country_name (text) != NULL;
}

gboolean
sec_check_timezone (const char *text)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (g_str_equal (text, "UTC"))
    return TRUE;
  /* Never a path: GLib would open whatever file it names (a FIFO hangs). */
  tz = sec_time_zone_new (text);
  return tz != NULL;
}

static gboolean
value_is_empty (const GValue *v)
{
  if (G_VALUE_HOLDS_STRING (v))
    {
      const char *s = g_value_get_string (v);
      if (s == NULL)
        return TRUE;
      while (*s && g_ascii_isspace (*s))
        s++;
      return *s == '\0';
    }
  if (G_VALUE_HOLDS_INT64 (v))
    return g_value_get_int64 (v) == 0;
  return FALSE;
}

static gboolean
check_countries (const char *text, char **bad)
{
  g_auto(GStrv) codes = g_strsplit (text, ",", -1);

  for (guint i = 0; codes[i]; i++)
    {
      g_strstrip (codes[i]);
      if (!sec_check_country (codes[i]))
        {
          *bad = g_strdup (codes[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_field (SecRecord      *self,
                const SecField *f,
                const GValue   *v,
                GError        **error)
{
  const char *label = _(f->label);
  const char *s;
  const char *problem = NULL;
  g_autofree char *bad = NULL;

  if (value_is_empty (v))
    {
      if (f->flags & SEC_FIELD_REQUIRED)
        {
          g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_REQUIRED,
                       _("%s is required"), label);
          return FALSE;
        }
      return TRUE;
    }

  s = G_VALUE_HOLDS_STRING (v) ? g_value_get_string (v) : NULL;

  /* Each kind of text has its own check; a failed one names its problem
   * as a format taking the field's label and the wrong text. */
  switch (f->type)
    {
    case SEC_FIELD_DATE:
      if (!sec_check_date (s))
        problem = _("%s: “%s” is not a valid date (year-month-day)");
      break;
    case SEC_FIELD_DATETIME:
      if (!sec_check_datetime (s))
        problem = _("%s: “%s” is not a valid date and time (year-month-dayThour:minute)");
      break;
    case SEC_FIELD_TIME:
      if (!sec_check_time (s))
        problem = _("%s: “%s” is not a valid time (hour:minute)");
      break;
    case SEC_FIELD_TIMEZONE:
      if (!sec_check_timezone (s))
        problem = _("%s: “%s” is not a known time zone");
      break;
    case SEC_FIELD_CHOICE:
      if (sec_field_choice_label (f, s) == NULL)
        problem = _("%s: “%s” is not one of the choices");
      break;
    case SEC_FIELD_COUNTRY:
      if (!sec_check_country (s))
        problem = _("%s: “%s” is not a country code (ISO 3166-1, such as BE or MT)");
      break;
    case SEC_FIELD_COUNTRIES:
      /* Only the first wrong code of the list is named. */
      if (!check_countries (s, &bad))
        problem = _("%s: “%s” is not a country code (ISO 3166-1, such as BE or MT)");
      break;
    case SEC_FIELD_EMAIL:
      if (!sec_check_email (s))
        problem = _("%s: “%s” is not a valid email address");
      break;
    case SEC_FIELD_URL:
      if (!sec_check_url (s))
        problem = _("%s: “%s” is not a web address (https://…)");
      break;
    case SEC_FIELD_INT:
      if (g_value_get_int (v) < 0)
        {
          g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                       _("%s cannot be negative"), label);
          return FALSE;
        }
      break;
    case SEC_FIELD_TEXT:
    case SEC_FIELD_LONG_TEXT:
    case SEC_FIELD_DOUBLE:
    case SEC_FIELD_BOOL:
    case SEC_FIELD_REF:
    default:
      break;
    }

  if (problem == NULL)
    return TRUE;
  g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
               problem, label, bad != NULL ? bad : s);
  return FALSE;
}

static gboolean
validate_range (SecRecord   *self,
                const char  *start_field,
                const char  *end_field,
                GError     **error)
{
  const SecKind *kind = sec_record_get_kind (self);
  const SecField *end = sec_kind_find_field (kind, end_field);
  const char *a = sec_record_get_string (self, start_field);
  const char *b = sec_record_get_string (self, end_field);

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return TRUE;
  /* ISO 8601 text of one kind compares in time order. */
  if (strcmp (b, a) < 0)
    {
      const SecField *start = sec_kind_find_field (kind, start_field);
      g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                   _("“%s” cannot be before “%s”"), _(end->label), _(start->label));
      return FALSE;
    }
  return TRUE;
}

gboolean
sec_record_validate_field (SecRecord   *self,
                           const char  *field,
                           GError     **error)
{
  const SecKind *kind;
  int i;

  g_return_val_if_fail (SEC_IS_RECORD (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  kind = sec_record_get_kind (self);
  i = sec_kind_field_index (kind, field);
  g_return_val_if_fail (i >= 0, FALSE);

  if (!validate_field (self, &kind->fields[i], _sec_record_value_at (self, (guint) i), error))
    return FALSE;

  if (kind->ranges != NULL)
    for (guint r = 0; kind->ranges[r] != NULL; r += 2)
      if ((g_str_equal (kind->ranges[r], field) || g_str_equal (kind->ranges[r + 1], field)) &&
          !validate_range (self, kind->ranges[r], kind->ranges[r + 1], error))
        return FALSE;

  return TRUE;
}

gboolean
sec_record_validate (SecRecord  *self,
                     GError    **error)
{
  const SecKind *kind;

  g_return_val_if_fail (SEC_IS_RECORD (self), FALSE);

  kind = sec_record_get_kind (self);
  for (guint i = 0; i < kind->n_fields; i++)
    if (!sec_record_validate_field (self, kind->fields[i].name, error))
      return FALSE;

  return TRUE;
}
