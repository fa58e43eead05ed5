/* sec-csv.c: CSV files (RFC 4180) */
#define G_LOG_DOMAIN "sec-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/documents/sec-csv.h"

/* Static helpers */

static gboolean
needs_quotes (const char *field)
{
  gsize len = strlen (field);

  if (len == 0)
    return FALSE;
  if (field[0] == ' ' || field[0] == '\t' || field[len - 1] == ' ' || field[len - 1] == '\t')
    return TRUE;
  return strpbrk (field, ",\"\r\n") != NULL;
}

/* Public API */

void
sec_csv_append_record (GString           *out,
                       const char *const *values,
                       guint              n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (values != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *owned = NULL;
      const char *value = values[i] ? values[i] : "";

      if (!g_utf8_validate (value, -1, NULL))
        value = owned = g_utf8_make_valid (value, -1);
      /* OWASP's rule against formula injection: a cell that a spreadsheet
       * program would take for a formula ("=HYPERLINK(…)", "+1", "@SUM")
       * starts with a quote, which makes it text. */
      if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
        {
          char *quoted = g_strconcat ("'", value, NULL);

          g_free (owned);
          value = owned = quoted;
        }
      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (value))
        {
          g_string_append (out, value);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
