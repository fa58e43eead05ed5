/* sec-import-csv.c: reading CSV as spreadsheet programs write it
 *
 * LibreOffice writes what the user chooses (in Western Europe often
 * Windows-1252 with semicolons, since the comma is the decimal separator);
 * Excel's "CSV UTF-8" has a byte order mark, its "Unicode text" is UTF-16
 * with tabs; Google Sheets writes UTF-8 with commas. A small reader of our
 * own handles all of them in one pass, keeping the line where each row
 * starts, which a general CSV library would not tell us.
 */
#define G_LOG_DOMAIN "sec-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/import/sec-import-table.h"

G_DEFINE_QUARK (sec-import-error-quark, sec_import_error)

void
sec_import_row_free (gpointer data)
{
  SecImportRow *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

void
sec_import_table_free (SecImportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->format);
  g_free (table->encoding);
  g_clear_pointer (&table->header, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

SecImportTable *
sec_import_table_new (const char *format,
                      const char *encoding,
                      char        separator)
{
  SecImportTable *table = g_new0 (SecImportTable, 1);

  table->format = g_strdup (format);
  table->encoding = g_strdup (encoding);
  table->separator = separator;
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func (sec_import_row_free);
  return table;
}

const char *
sec_import_row_get (const SecImportRow *row,
                    guint               column)
{
  g_return_val_if_fail (row != NULL, "");

  return column < row->n_fields ? row->fields[column] : "";
}

/* Encodings */

static gboolean
has_prefix (const char *data, gsize length, const char *prefix, gsize n)
{
  return length >= n && memcmp (data, prefix, n) == 0;
}

const char *
sec_import_detect_encoding (const char *data,
                            gsize       length)
{
  gsize zeros_even = 0, zeros_odd = 0, n;

  g_return_val_if_fail (data != NULL || length == 0, "UTF-8");

  if (has_prefix (data, length, "\xEF\xBB\xBF", 3))
    return "UTF-8";
  if (has_prefix (data, length, "\xFF\xFE", 2))
    return "UTF-16LE";
  if (has_prefix (data, length, "\xFE\xFF", 2))
    return "UTF-16BE";
  if (g_utf8_validate_len (data, length, NULL) && memchr (data, '\0', length) == NULL)
    return "UTF-8";
  /* UTF-16 without a mark: Latin text has a zero in every other byte. */
  n = MIN (length, 4096);
  for (gsize i = 0; i < n; i++)
    if (data[i] == '\0')
      {
        if (i % 2 == 0)
          zeros_even++;
        else
          zeros_odd++;
      }
  if (n >= 4 && zeros_odd * 3 >= n)
    return "UTF-16LE";
  if (n >= 4 && zeros_even * 3 >= n)
    return "UTF-16BE";
  return "WINDOWS-1252";
}

static gsize
bom_length (const char *data,
            gsize       length,
            const char *encoding)
{
  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0 && has_prefix (data, length, "\xEF\xBB\xBF", 3))
    return 3;
  if (g_ascii_strcasecmp (encoding, "UTF-16LE") == 0 && has_prefix (data, length, "\xFF\xFE", 2))
    return 2;
  if (g_ascii_strcasecmp (encoding, "UTF-16BE") == 0 && has_prefix (data, length, "\xFE\xFF", 2))
    return 2;
  return 0;
}

char *
sec_import_decode (const char  *data,
                   gsize        length,
                   const char  *encoding,
                   GError     **error)
{
  gsize skip;
  g_autofree char *text = NULL;
  gsize written = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (encoding != NULL, NULL);

  skip = bom_length (data, length, encoding);
  data += skip;
  length -= skip;
  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    {
      const char *end;

      if (!g_utf8_validate_len (data, length, &end))
        {
          g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (end - data) + skip + 1);

          /* Translators: %s is the position of the first wrong byte in the file */
          g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                       _("The file is not valid UTF-8 (byte %s): choose its encoding"), offset);
          return NULL;
        }
      return g_strndup (data, length);
    }
  text = g_convert (data, length, "UTF-8", encoding, NULL, &written, error);
  if (text == NULL)
    return NULL;
  /* A NUL in the text would cut every string made of it short. */
  if (memchr (text, '\0', written) != NULL)
    {
      g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                   _("The file holds a null character: it is not text in %s"), encoding);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* Separators */

/* The separator that occurs most often on the first line, outside quotes;
 * on a tie the rarer character in text wins (tab, then semicolon). */
static char
detect_separator (const char *text)
{
  static const char candidates[] = { '\t', ';', ',' };
  guint counts[3] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        {
          if (counts[0] + counts[1] + counts[2] > 0)
            break;
        }
      else if (!quoted)
        for (guint i = 0; i < 3; i++)
          if (*p == candidates[i])
            counts[i]++;
    }
  for (guint i = 0; i < 3; i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }
  return best;
}

/* Parsing */

/* What our own exports (sec-csv.c) put before a field that a spreadsheet
 * would take for a formula. */
static void
drop_formula_guard (GString *field)
{
  if (field->len >= 2 && field->str[0] == '\'' && strchr ("=+-@\t\r", field->str[1]) != NULL)
    g_string_erase (field, 0, 1);
}

static gboolean
fields_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (*(const char *) g_ptr_array_index (fields, i) != '\0')
      return FALSE;
  return TRUE;
}

static SecImportRow *
make_row (GPtrArray *fields,
          guint      line,
          guint      n_header)
{
  SecImportRow *row = g_new0 (SecImportRow, 1);

  /* Trailing separators: empty fields beyond the header are nothing. */
  while (fields->len > n_header && fields->len > 0 &&
         *(const char *) g_ptr_array_index (fields, fields->len - 1) == '\0')
    g_ptr_array_set_size (fields, fields->len - 1);
  row->line = line;
  row->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  row->fields = (char **) g_ptr_array_steal (fields, NULL);
  return row;
}

SecImportTable *
sec_import_read_csv (const char  *data,
                     gsize        length,
                     const char  *encoding,
                     char         separator,
                     GError     **error)
{
  g_autoptr(SecImportTable) table = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean header_done = FALSE;
  guint line = 1, row_line = 1;
  const char *p;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';' || separator == '\t', NULL);

  if (encoding == NULL)
    encoding = sec_import_detect_encoding (data, length);
  text = sec_import_decode (data, length, encoding, error);
  if (text == NULL)
    return NULL;
  if (separator == 0)
    separator = detect_separator (text);

  {
    g_autofree char *name = g_ascii_strup (encoding, -1);
    table = sec_import_table_new ("csv", name, separator);
  }

  p = text;
  for (;;)
    {
      gboolean end_of_record = FALSE, end_of_text = FALSE;

      /* One field. */
      g_string_truncate (field, 0);
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (*p == '\0')
                break; /* a quote left open takes the rest of the file */
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
                    line++;
                  g_string_append_c (field, *p++);
                }
            }
          /* Text after the closing quote belongs to the field. */
          while (*p && *p != separator && *p != '\n' && *p != '\r')
            g_string_append_c (field, *p++);
        }
      else
        {
          while (*p && *p != separator && *p != '\n' && *p != '\r')
            g_string_append_c (field, *p++);
          drop_formula_guard (field);
        }
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (*p == separator)
        p++;
      else if (*p == '\0')
        end_of_record = end_of_text = TRUE;
      else
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          p++;
          line++;
          end_of_record = TRUE;
          end_of_text = *p == '\0';
        }
      if (!end_of_record)
        continue;

      if (!fields_blank (fields))
        {
          if (!header_done)
            {
              while (fields->len > 0 && *(const char *) g_ptr_array_index (fields, fields->len - 1) == '\0')
                g_ptr_array_set_size (fields, fields->len - 1);
              for (guint i = 0; i < fields->len; i++)
                g_ptr_array_add (table->header, g_strstrip (g_strdup (g_ptr_array_index (fields, i))));
              header_done = TRUE;
            }
          else
            g_ptr_array_add (table->rows, make_row (fields, row_line, table->header->len));
        }
      g_ptr_array_set_size (fields, 0);
      row_line = line;
      if (end_of_text)
        break;
    }

  if (!header_done)
    {
      g_set_error_literal (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_EMPTY,
                           _("The file is empty: it has no line of column names"));
      return NULL;
    }
  return g_steal_pointer (&table);
}
