/* fuzz-database.c: a database file is outside input too. The input is
 * written as a database file and opened with the store; when it opens, the
 * first meeting, call and statement are exported in every kind (PDF, CSV,
 * iCalendar) through the command line, to the target's own folder. The
 * corpus starts from a demo database (build-aux/fuzz makes it with
 * `secretariat demo`) and damaged copies of it. */
#include "fuzz-common.h"

#include "core/store/sec-records.h"

static gint64
first_id (SecStore *store, GType kind)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) list = NULL;

  sec_query_set_range (query, 0, 1);
  list = sec_store_list (store, kind, query, NULL);
  return list != NULL && list->len > 0 ? sec_record_get_id (g_ptr_array_index (list, 0)) : 0;
}

static void
export (const char *path, const char *kind, const char *id_option, gint64 id,
        const char *format, const char *output)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *args[] = { "--database", path, "export", kind, id_option, id_text, "--output", output,
                         format ? "--format" : NULL, format, NULL };

  if (id > 0)
    fuzz_run_cli (args);
  g_unlink (output);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static char *path, *wal, *shm, *pdf, *csv, *ics;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  gint64 meeting, call, statement;
  static const char *const meeting_pdfs[] = { "agenda", "agenda-internal", "participants", "attendance", "pack" };

  fuzz_init ();
  if (path == NULL)
    {
      path = g_build_filename (fuzz_dir (), "input.db", NULL);
      wal = g_strconcat (path, "-wal", NULL);
      shm = g_strconcat (path, "-shm", NULL);
      pdf = g_build_filename (fuzz_dir (), "out.pdf", NULL);
      csv = g_build_filename (fuzz_dir (), "out.csv", NULL);
      ics = g_build_filename (fuzz_dir (), "out.ics", NULL);
    }
  g_unlink (wal);
  g_unlink (shm);
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();

  store = sec_store_open (path, &error);
  if (store == NULL)
    return 0;
  meeting = first_id (store, SEC_TYPE_MEETING);
  call = first_id (store, SEC_TYPE_CALL);
  statement = first_id (store, SEC_TYPE_STATEMENT);
  g_clear_object (&store);

  for (guint i = 0; i < G_N_ELEMENTS (meeting_pdfs); i++)
    export (path, meeting_pdfs[i], "--meeting", meeting, NULL, pdf);
  export (path, "participants-csv", "--meeting", meeting, NULL, csv);
  export (path, "ical", "--meeting", meeting, NULL, ics);
  export (path, "applications", "--call", call, NULL, pdf);
  export (path, "applications", "--call", call, "csv", csv);
  export (path, "selection-report", "--call", call, NULL, pdf);
  export (path, "statement", "--statement", statement, NULL, pdf);
  export (path, "monitoring", "--statement", statement, NULL, pdf);
  export (path, "monitoring", "--statement", statement, "csv", csv);
  return 0;
}
