/* sec-document-update.c: a PDF's changed objects appended to it
 *
 * The finishing of a tagged PDF (sec-document-tags.c) changes a few
 * hundred of cairo's objects in qpdf's memory; they are appended to
 * cairo's file as an incremental update (ISO 32000-1, 7.5.6), each
 * serialised by qpdf, then cross-references pointing back to cairo's, in
 * the form of cairo's own last section: a table and a trailer after cairo
 * 1.16's classic form, an object stream and a cross-reference stream after
 * cairo 1.18's stream form. That is the only PDF syntax written here.
 */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "core/documents/sec-document-update.h"

/* (transfer full) (nullable): @data compressed for /FlateDecode, at
 * zlib's fastest level: at the default (6) compressing the content
 * streams again was a fifth of the finishing of a list of 1,000
 * participants; level 1 halves that, for files 2 % larger. */
GBytes *
_sec_pdf_deflate (const guint8 *data,
                  gsize         length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1);
  GByteArray *out = g_byte_array_sized_new (length / 4 + 1024);
  gsize done = 0, used = 0;

  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      if (out->len - used < 16384)
        g_byte_array_set_size (out, out->len * 2 + 16384);
      result = g_converter_convert (G_CONVERTER (compressor), data + done, length - done,
                                    out->data + used, out->len - used, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, NULL);
      done += bytes_read;
      used += bytes_written;
      if (result == G_CONVERTER_ERROR)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  g_byte_array_set_size (out, used);
  return g_byte_array_free_to_bytes (out);
}

/* The offset of the cross-reference section the file ends with. (Not
 * with g_strrstr_len (), which stops at a zero byte: cairo 1.18's file
 * ends with its compressed cross-reference stream, before "startxref",
 * and every export of h-tags2's first version failed on it.) */
static gboolean
find_startxref (const char *data,
                gsize       size,
                guint64    *offset)
{
  gsize tail = MIN (size, 1024);
  const char *found = NULL;
  g_autofree char *number = NULL;

  for (const char *p = data + size - tail, *hit;
       (hit = memmem (p, data + size - p, "startxref", strlen ("startxref"))) != NULL;
       p = hit + 1)
    found = hit;
  if (found == NULL)
    return FALSE;
  number = g_strndup (found + strlen ("startxref"), data + size - found - strlen ("startxref"));
  return g_ascii_string_to_unsigned (g_strstrip (g_strdelimit (number, "%EOF", ' ')), 10, 1, size - 1,
                                     offset, NULL);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = GPOINTER_TO_INT (*(gconstpointer *) a), y = GPOINTER_TO_INT (*(gconstpointer *) b);

  return (x > y) - (x < y);
}

/* One entry of the update's cross-references: ISO 32000-1, 7.5.8.3; type
 * 1 is an object at @field2 (its offset), generation @field3; type 2 the
 * @field3th object of object stream @field2. */
typedef struct {
  int     number;
  guint8  type;
  guint64 field2;
  guint   field3;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  return (x->number > y->number) - (x->number < y->number);
}

static void
append_obj (GString    *out,
            int         number,
            int         generation,
            const char *text)
{
  g_string_append_printf (out, "%d %d obj\n%s\nendobj\n", number, generation, text);
}

/* The classic form (cairo 1.16: a cross-reference table and a trailer
 * dictionary): each entry is 20 bytes long. */
static void
append_xref_table (GString   *out,
                   GArray    *entries,
                   qpdf_data  q,
                   guint64    previous)
{
  guint64 xref = out->len;
  qpdf_oh trailer = qpdf_get_trailer (q);

  g_string_append (out, "xref\n");
  for (guint first = 0, run; first < entries->len; first += run)
    {
      for (run = 1; first + run < entries->len &&
           g_array_index (entries, Entry, first + run).number ==
           g_array_index (entries, Entry, first).number + (int) run; run++)
        ;
      g_string_append_printf (out, "%d %u\n", g_array_index (entries, Entry, first).number, run);
      for (guint j = first; j < first + run; j++)
        g_string_append_printf (out, "%010" G_GUINT64_FORMAT " %05u n \n",
                                g_array_index (entries, Entry, j).field2,
                                g_array_index (entries, Entry, j).field3);
    }
  qpdf_oh_replace_key (q, trailer, "/Prev", qpdf_oh_new_integer (q, previous));
  qpdf_oh_remove_key (q, trailer, "/XRefStm");
  g_string_append_printf (out, "trailer\n%s\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                          qpdf_oh_unparse_resolved (q, trailer), xref);
}

static guint
bytes_for (guint64 value)
{
  guint n = 1;

  while (n < 8 && (value >> (8 * n)) != 0)
    n++;
  return n;
}

/* The stream form (cairo 1.18: objects in object streams, the trailer in
 * a cross-reference stream, PDF 1.5): the update's cross-references are a
 * stream too, object @number, which is in @entries already, the last. A
 * file of this form may have no table at all, so a reader need not know
 * the classic form when the update follows it. */
static gboolean
append_xref_stream (GString   *out,
                    GArray    *entries,
                    qpdf_data  q,
                    guint64    previous,
                    int        number)
{
  qpdf_oh trailer = qpdf_get_trailer (q);
  g_autoptr(GByteArray) rows = g_byte_array_new ();
  g_autoptr(GString) index = g_string_new (NULL);
  g_autoptr(GBytes) compressed = NULL;
  guint64 max2 = 0;
  guint max3 = 0, w2, w3;
  static const char *const kept[] = { "/Root", "/Info", "/ID" };

  g_array_index (entries, Entry, entries->len - 1).field2 = out->len;
  for (guint i = 0; i < entries->len; i++)
    {
      max2 = MAX (max2, g_array_index (entries, Entry, i).field2);
      max3 = MAX (max3, g_array_index (entries, Entry, i).field3);
    }
  w2 = bytes_for (max2);
  w3 = bytes_for (max3);
  for (guint first = 0, run; first < entries->len; first += run)
    {
      for (run = 1; first + run < entries->len &&
           g_array_index (entries, Entry, first + run).number ==
           g_array_index (entries, Entry, first).number + (int) run; run++)
        ;
      g_string_append_printf (index, "%s%d %u", index->len ? " " : "",
                              g_array_index (entries, Entry, first).number, run);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      guint8 row[13];

      row[0] = entry->type;
      for (guint b = 0; b < w2; b++)
        row[1 + b] = (entry->field2 >> (8 * (w2 - 1 - b))) & 0xff;
      for (guint b = 0; b < w3; b++)
        row[1 + w2 + b] = ((guint64) entry->field3 >> (8 * (w3 - 1 - b))) & 0xff;
      g_byte_array_append (rows, row, 1 + w2 + w3);
    }
  if ((compressed = _sec_pdf_deflate (rows->data, rows->len)) == NULL)
    return FALSE;

  g_string_append_printf (out, "%d 0 obj\n<< /Type /XRef /Size %d /Index [%s] /W [1 %u %u]"
                          " /Prev %" G_GUINT64_FORMAT,
                          number, number + 1, index->str, w2, w3, previous);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (qpdf_oh_has_key (q, trailer, kept[i]))
      g_string_append_printf (out, " %s %s", kept[i],
                              qpdf_oh_unparse (q, qpdf_oh_get_key (q, trailer, kept[i])));
  g_string_append_printf (out, " /Filter /FlateDecode /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                          g_bytes_get_size (compressed));
  g_string_append_len (out, g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
  g_string_append_printf (out, "\nendstream\nendobj\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                          g_array_index (entries, Entry, entries->len - 1).field2);
  return TRUE;
}

/* (transfer full) (nullable): @pdf with the objects changed appended,
 * then their cross-references, in the form of the section they follow
 * (which they point back to): ISO 32000-1, 7.5.6. In the stream form the
 * objects that are no streams go into one object stream, compressed, as
 * cairo 1.18 does; the classic form has no object streams. NULL with
 * @reason set when the file is not as expected. */
GBytes *
_sec_pdf_append_update (qpdf_data    q,
                        GHashTable  *changed,
                        GHashTable  *streams,
                        GBytes      *pdf,
                        const char **reason)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  g_autoptr(GPtrArray) numbers = g_ptr_array_sized_new (g_hash_table_size (changed));
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GString) packed = NULL;
  g_autoptr(GString) offsets = NULL;
  GString *out;
  guint64 previous;
  gboolean stream_form;
  long long next;
  GHashTableIter iter;
  gpointer number;

  if (!find_startxref (data, size, &previous))
    {
      *reason = "no startxref";
      return NULL;
    }
  stream_form = size - previous < 4 || memcmp (data + previous, "xref", 4) != 0;
  next = qpdf_oh_get_int_value (q, qpdf_oh_get_key (q, qpdf_get_trailer (q), "/Size"));
  if (next < 1 || next > G_MAXINT - 2)
    {
      *reason = "no /Size";
      return NULL;
    }
  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &number, NULL))
    g_ptr_array_add (numbers, number);
  g_ptr_array_sort (numbers, compare_ints);
  out = g_string_sized_new (size + 65536);
  g_string_append_len (out, data, size);
  if (out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  if (stream_form)
    {
      packed = g_string_new (NULL);
      offsets = g_string_new (NULL);
    }
  for (guint i = 0; i < numbers->len; i++)
    {
      int n = GPOINTER_TO_INT (g_ptr_array_index (numbers, i));
      qpdf_oh oh = GPOINTER_TO_UINT (g_hash_table_lookup (changed, GINT_TO_POINTER (n)));
      GBytes *stream = g_hash_table_lookup (streams, GINT_TO_POINTER (n));
      int generation = qpdf_oh_get_generation (q, oh);
      Entry entry = { n, 1, out->len, generation };

      if (stream != NULL)
        {
          qpdf_oh dict = qpdf_oh_get_dict (q, oh);

          qpdf_oh_replace_key (q, dict, "/Length", qpdf_oh_new_integer (q, g_bytes_get_size (stream)));
          g_string_append_printf (out, "%d %d obj\n%s\nstream\n", n, generation,
                                  qpdf_oh_unparse_resolved (q, dict));
          g_string_append_len (out, g_bytes_get_data (stream, NULL), g_bytes_get_size (stream));
          g_string_append (out, "\nendstream\nendobj\n");
        }
      else if (stream_form && generation == 0)
        {
          /* The object stream is object @next: objects at its index. */
          entry = (Entry) { n, 2, next, entries->len };
          g_string_append_printf (offsets, "%d %" G_GSIZE_FORMAT " ", n, packed->len);
          g_string_append (packed, qpdf_oh_unparse_resolved (q, oh));
          g_string_append_c (packed, '\n');
        }
      else
        append_obj (out, n, generation, qpdf_oh_unparse_resolved (q, oh));
      g_array_append_val (entries, entry);
    }
  if (!stream_form)
    {
      append_xref_table (out, entries, q, previous);
      return g_string_free_to_bytes (out);
    }

  /* The index of an object in its object stream counts only the packed
   * ones: renumber them. */
  for (guint i = 0, k = 0; i < entries->len; i++)
    if (g_array_index (entries, Entry, i).type == 2)
      g_array_index (entries, Entry, i).field3 = k++;
  if (packed->len > 0)
    {
      g_autoptr(GString) body = g_string_new (offsets->str);
      g_autoptr(GBytes) compressed = NULL;
      Entry entry = { (int) next, 1, out->len, 0 };
      guint n_packed = 0;

      for (guint i = 0; i < entries->len; i++)
        n_packed += g_array_index (entries, Entry, i).type == 2;
      g_string_append (body, packed->str);
      if ((compressed = _sec_pdf_deflate ((const guint8 *) body->str, body->len)) == NULL)
        {
          g_string_free (out, TRUE);
          *reason = "zlib";
          return NULL;
        }
      g_string_append_printf (out, "%d 0 obj\n<< /Type /ObjStm /N %u /First %" G_GSIZE_FORMAT
                              " /Filter /FlateDecode /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                              (int) next, n_packed, offsets->len, g_bytes_get_size (compressed));
      g_string_append_len (out, g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
      g_string_append (out, "\nendstream\nendobj\n");
      g_array_append_val (entries, entry);
      next++;
    }
  {
    Entry entry = { (int) next, 1, 0, 0 };

    g_array_append_val (entries, entry);
  }
  g_array_sort (entries, compare_entries);
  if (!append_xref_stream (out, entries, q, previous, (int) next))
    {
      g_string_free (out, TRUE);
      *reason = "zlib";
      return NULL;
    }
  return g_string_free_to_bytes (out);
}
