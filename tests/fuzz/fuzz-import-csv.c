/* fuzz-import-csv.c: a CSV file given to `secretariat import` or the
 * window's Import dialog: the encoding and separator detected, the reader
 * (quotes, line breaks, blank lines), then the mapping and the check of
 * every row against the demo database (sec_import_check), as people and as
 * organisations. Whatever the bytes, every field is valid UTF-8 and the
 * rows' lines go forwards. */
#include "fuzz-common.h"

#include "core/import/sec-import.h"
#include "core/store/sec-records.h"

static void
check_table (const SecImportTable *table)
{
  guint last = 0;

  for (guint i = 0; i < table->header->len; i++)
    if (!g_utf8_validate (g_ptr_array_index (table->header, i), -1, NULL))
      abort ();
  for (guint i = 0; i < table->rows->len; i++)
    {
      const SecImportRow *row = g_ptr_array_index (table->rows, i);

      if (row->line <= last)
        abort ();
      last = row->line;
      for (guint f = 0; f < row->n_fields; f++)
        if (!g_utf8_validate (row->fields[f], -1, NULL))
          abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char separators[] = { 0, ',', ';', '\t' };
  const char *bytes = (const char *) data;

  fuzz_init ();
  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      g_autoptr(SecImportTable) table = sec_import_read_csv (bytes, size, NULL, separators[s], NULL);

      if (table == NULL)
        continue;
      check_table (table);
      if (s == 0)
        {
          g_autoptr(SecImport) people = sec_import_new (fuzz_demo_store (), SEC_TYPE_PERSON, table);
          g_autoptr(SecImportTable) again = sec_import_read_csv (bytes, size, NULL, 0, NULL);
          g_autoptr(SecImport) orgs = NULL;

          table = NULL;
          sec_import_check (people, NULL, NULL);
          if (again != NULL)
            {
              orgs = sec_import_new (fuzz_demo_store (), SEC_TYPE_ORGANISATION, g_steal_pointer (&again));
              sec_import_check (orgs, NULL, NULL);
            }
        }
    }
  /* Each encoding forced: refused or read, never out of bounds. */
  {
    g_autoptr(SecImportTable) w = sec_import_read_csv (bytes, size, "WINDOWS-1252", 0, NULL);
    g_autoptr(SecImportTable) le = sec_import_read_csv (bytes, size, "UTF-16LE", 0, NULL);
    g_autoptr(SecImportTable) be = sec_import_read_csv (bytes, size, "UTF-16BE", 0, NULL);

    if (w != NULL)
      check_table (w);
    if (le != NULL)
      check_table (le);
    if (be != NULL)
      check_table (be);
  }
  return 0;
}
