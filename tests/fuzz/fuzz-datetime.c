/* fuzz-datetime.c: dates, date-times and times as the editor, the command
 * line and the documents read them, with a time zone. Input: the text, then
 * optionally a line break and a time zone id, a line break and an end. */
#include "fuzz-common.h"

#include "core/base/sec-format.h"
#include "core/calls/sec-calls.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *input = NULL;
  g_auto(GStrv) parts = NULL;
  const char *text, *tz, *end;

  fuzz_init ();
  input = fuzz_text (data, size);
  parts = g_strsplit (input, "\n", 3);
  text = parts[0] ? parts[0] : "";
  tz = parts[0] && parts[1] ? parts[1] : NULL;
  end = tz && parts[2] ? parts[2] : text;

  {
    g_autoptr(GDateTime) earlier = sec_resolve_wall_time (text, tz, FALSE);
    g_autoptr(GDateTime) later = sec_resolve_wall_time (text, tz, TRUE);

    g_clear_pointer (&(GDateTime *) { sec_parse_datetime (text, NULL) }, g_date_time_unref);
    g_clear_pointer (&(GDateTime *) { sec_parse_datetime (text, tz) }, g_date_time_unref);
    g_free (sec_format_date (text));
    g_free (sec_format_datetime (text));
    g_free (sec_format_time (text));
    g_free (sec_format_period (text, end));
    (void) sec_days_until (text, tz);
    /* In a repeated hour the later choice is the later instant. */
    if (earlier != NULL && later != NULL && g_date_time_compare (earlier, later) > 0)
      abort ();
  }
  return 0;
}
