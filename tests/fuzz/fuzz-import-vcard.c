/* fuzz-import-vcard.c: vCards given to `secretariat import people` or the
 * window's Import dialog: folding, QUOTED-PRINTABLE with soft line breaks,
 * CHARSET=, structured values; then the check of each card as a person
 * against the demo database. Every field comes out valid UTF-8. */
#include "fuzz-common.h"

#include "core/import/sec-import.h"
#include "core/store/sec-records.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(SecImportTable) table = NULL;
  g_autoptr(SecImport) import = NULL;

  fuzz_init ();
  (void) sec_import_is_vcard ((const char *) data, size);
  table = sec_import_read_vcard ((const char *) data, size, NULL);
  if (table == NULL)
    return 0;
  for (guint i = 0; i < table->rows->len; i++)
    {
      const SecImportRow *row = g_ptr_array_index (table->rows, i);

      for (guint f = 0; f < row->n_fields; f++)
        if (!g_utf8_validate (row->fields[f], -1, NULL))
          abort ();
    }
  import = sec_import_new (fuzz_demo_store (), SEC_TYPE_PERSON, g_steal_pointer (&table));
  sec_import_check (import, NULL, NULL);
  return 0;
}
