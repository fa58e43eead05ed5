/* fuzz-record.c: a field's value as the editor and the command line read it
 * (sec_record_set_from_text) and check it (sec_record_validate), for every
 * field of every kind: dates, date-times, times, durations, time zones,
 * countries, e-mail and web addresses, numbers, choices. Input: a byte
 * choosing the kind, a byte choosing the field, then the text. */
#include "fuzz-common.h"

#include "core/store/sec-records.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const GType *kinds;
  guint n_kinds = 0;
  const SecKind *kind;
  const SecField *field;
  g_autoptr(SecRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  fuzz_init ();
  if (size < 2)
    return 0;
  kinds = sec_record_kinds ();
  while (kinds[n_kinds])
    n_kinds++;
  record = sec_record_new (kinds[data[0] % n_kinds]);
  kind = sec_record_get_kind (record);
  field = &kind->fields[data[1] % kind->n_fields];
  text = fuzz_text (data + 2, size - 2);

  if (sec_record_set_from_text (record, field->name, text, &error))
    {
      g_autofree char *back = sec_record_dup_text (record, field->name);
      g_autofree char *title = sec_record_dup_title (record);

      (void) back;
      (void) title;
      (void) sec_record_validate_field (record, field->name, NULL);
      (void) sec_record_validate (record, NULL);
    }
  else if (error == NULL || error->message == NULL)
    abort ();

  /* The same text as a database from elsewhere may hold it, unchecked. */
  if (field->type != SEC_FIELD_INT && field->type != SEC_FIELD_DOUBLE &&
      field->type != SEC_FIELD_BOOL && field->type != SEC_FIELD_REF)
    {
      g_autoptr(SecRecord) raw = sec_record_new (G_OBJECT_TYPE (record));
      g_autofree char *title = NULL;

      sec_record_set_string (raw, field->name, text);
      title = sec_record_dup_title (raw);
      (void) sec_record_validate_field (raw, field->name, NULL);
    }
  return 0;
}
