/* bench-documents.c: how long the meeting documents take to make
 *
 * Times the export of a list of 5,000 participants and of an agenda of 60
 * items to PDF (goals on the development machine: under 1 s and under
 * 100 ms), from reading the store to the file on disk, and the steps apart:
 * reading the data, laying the pages out, writing the PDF, and what tagging
 * the PDF costs (a tagged list against an untagged one). Prints figures;
 * it asserts nothing.
 *
 * Usage: bench-documents [N_PARTICIPANTS [N_ITEMS [RUNS [tagging [VARIANT]]]]]
 * ("tagging": only what tagging costs; VARIANT 0, 1, 2 or 3: only untagged,
 * tagged, tagged by the whole-file pass or tagged by cairo alone (its file
 * not finished: what cairo's own tagging costs), e.g. under a profiler)
 *        bench-documents --database FILE MEETING [RUNS]
 * (what tagging costs for the participant list of meeting MEETING of a
 * database FILE, e.g. a copy of bench-scale's big file: it may upgrade it)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "core/meetings/sec-agenda.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

static const char *given[] = { "Anna", "Kirill", "Seán", "Zofia", "Jürgen", "Σοφία", "Marie", "Tomáš", "Ilse", "Дора" };
static const char *family[] = { "Müller", "Ó Súilleabháin", "Kowalska", "Παπαδοπούλου", "Петров", "Novák",
                                "Dubois", "Horváth", "Borg", "Jensen", "Łukasiewicz", "Žilinský" };
static const char *countries[] = { "BE", "BG", "CZ", "DK", "DE", "EE", "IE", "GR", "ES", "FR", "HR", "IT",
                                   "CY", "LV", "LT", "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI",
                                   "SK", "FI", "SE", "NO", "UA", "AL" };

/* 0 to 3: report_tagging () makes only that variant; -1: all four. */
static int only_variant = -1;

static double
elapsed_ms (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* The processor time of this thread: what the export costs whatever else
 * the machine is doing (the wall-clock time is printed too). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint64
insert (SecStore   *store,
        GType       type,
        const char *first_field,
        ...)
{
  g_autoptr(SecRecord) record = sec_record_new (type);
  g_autoptr(GError) error = NULL;
  const char *field = first_field;
  va_list ap;

  va_start (ap, first_field);
  while (field != NULL)
    {
      const char *value = va_arg (ap, const char *);

      if (value != NULL && !sec_record_set_from_text (record, field, value, &error))
        g_error ("%s: %s", field, error->message);
      field = va_arg (ap, const char *);
    }
  va_end (ap);
  if (!sec_store_insert (store, record, &error))
    g_error ("%s", error->message);
  return sec_record_get_id (record);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct {
  double load;
  double layout;
  double pdf;
  double total;
  double cpu;
  guint  pages;
  gsize  bytes;
} Run;

/* One export from the store to the file, timed step by step the way
 * sec_meeting_document_export () does it. */
static Run
export_once (SecStore                  *store,
             gint64                     meeting,
             SecMeetingExport           kind,
             SecMeetingDocumentOptions *options,
             const char                *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) data = NULL;
  g_autoptr(SecDocument) doc = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gint64 start = g_get_monotonic_time (), t;
  double cpu_start = cpu_ms ();
  double width, height;
  Run run = { 0 };

  data = sec_meeting_data_load (store, meeting, &error);
  if (data == NULL)
    g_error ("%s", error->message);
  run.load = elapsed_ms (start);

  t = g_get_monotonic_time ();
  doc = sec_meeting_document_new (data, kind, options);
  sec_paper_get_size (SEC_PAPER_A4, &width, &height);
  run.pages = sec_document_get_n_pages (doc, width, height);
  run.layout = elapsed_ms (t);

  t = g_get_monotonic_time ();
  pdf = sec_document_to_pdf (doc, SEC_PAPER_A4, &error);
  if (pdf == NULL || !sec_export_write_file (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), SEC_FILE_PERSONAL, &error))
    g_error ("%s", error->message);
  run.pdf = elapsed_ms (t);
  run.bytes = g_bytes_get_size (pdf);
  run.total = elapsed_ms (start);
  run.cpu = cpu_ms () - cpu_start;
  return run;
}

static void
report (const char *what,
        Run        *runs,
        guint       n,
        double      goal_ms)
{
  double totals[64], loads[64], layouts[64], pdfs[64], cpus[64];

  g_assert (n <= G_N_ELEMENTS (totals));
  for (guint i = 0; i < n; i++)
    {
      totals[i] = runs[i].total;
      loads[i] = runs[i].load;
      layouts[i] = runs[i].layout;
      pdfs[i] = runs[i].pdf;
      cpus[i] = runs[i].cpu;
    }
  qsort (cpus, n, sizeof (double), compare_doubles);
  qsort (totals, n, sizeof (double), compare_doubles);
  qsort (loads, n, sizeof (double), compare_doubles);
  qsort (layouts, n, sizeof (double), compare_doubles);
  qsort (pdfs, n, sizeof (double), compare_doubles);
  g_print ("%-36s %3u pages %5.0f KiB  median %7.1f ms (min %7.1f, max %7.1f), CPU %7.1f ms  goal < %.0f ms: %s\n",
           what, runs[0].pages, runs[0].bytes / 1024.0, totals[n / 2], totals[0], totals[n - 1],
           cpus[n / 2], goal_ms, totals[n / 2] < goal_ms ? "met" : "MISSED");
  g_print ("%-36s   read %.1f ms, lay out %.1f ms, PDF %.1f ms (medians)\n", "", loads[n / 2],
           layouts[n / 2], pdfs[n / 2]);
}

/* The variants run one after the other in each round, so that all see
 * the same load of a shared machine; each is the median of its runs. */
static void
report_tagging (const char                *what,
                SecStore                  *store,
                gint64                     meeting,
                SecMeetingExport           kind,
                SecMeetingDocumentOptions *options,
                const char                *path,
                guint                      n_runs)
{
  static const char *const variants[] = { "untagged", "tagged", "tagged, whole file", "tagged, not finished" };
  double totals[4][64], cpus[4][64];
  double medians[4], cpu_medians[4];
  gsize bytes[4] = { 0 };

  for (guint i = 0; i < n_runs; i++)
    for (guint v = 0; v < 4; v++)
      {
        Run run;

        if (only_variant >= 0 && (guint) only_variant != v)
          continue;
        if (v == 0)
          g_setenv ("SEC_DOCUMENT_UNTAGGED", "1", TRUE);
        else
          g_unsetenv ("SEC_DOCUMENT_UNTAGGED");
        if (v >= 2)
          g_setenv ("SEC_DOCUMENT_FINISH", v == 2 ? "whole" : "none", TRUE);
        else
          g_unsetenv ("SEC_DOCUMENT_FINISH");
        run = export_once (store, meeting, kind, options, path);
        totals[v][i] = run.total;
        cpus[v][i] = run.cpu;
        bytes[v] = run.bytes;
      }
  g_unsetenv ("SEC_DOCUMENT_UNTAGGED");
  g_unsetenv ("SEC_DOCUMENT_FINISH");
  for (guint v = 0; v < 4; v++)
    {
      char label[96];

      qsort (totals[v], n_runs, sizeof (double), compare_doubles);
      qsort (cpus[v], n_runs, sizeof (double), compare_doubles);
      medians[v] = totals[v][n_runs / 2];
      cpu_medians[v] = cpus[v][n_runs / 2];
      g_snprintf (label, sizeof label, "%s, %s", what, variants[v]);
      g_print ("%-44s %6.0f KiB  median %7.1f ms, CPU %7.1f ms (min %7.1f)\n", label, bytes[v] / 1024.0,
               medians[v], cpu_medians[v], cpus[v][0]);
    }
  /* The processor time: on a busy machine the wall clock says more about
   * the other programs. */
  for (guint v = 1; v < 4; v++)
    g_print ("%-44s %+.1f %% CPU (%+.1f %% wall clock)  goal < +20 %%: %s\n",
             v == 1 ? "Tagging costs" : v == 2 ? "Tagging costs, whole file" : "  of which cairo's own (not finished)",
             100.0 * (cpu_medians[v] / cpu_medians[0] - 1), 100.0 * (medians[v] / medians[0] - 1),
             cpu_medians[v] < cpu_medians[0] * 1.2 ? "met" : "MISSED");
}

/* The participant list of @meeting in the database @path. */
static int
bench_database (const char *path,
                gint64      meeting,
                guint       n_runs)
{
  g_autofree char *dir = g_dir_make_tmp ("sec-bench-documents-XXXXXX", NULL);
  g_autofree char *list_pdf = g_build_filename (dir, "participants.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  SecMeetingDocumentOptions options = { 0 };
  char label[64];

  if (store == NULL)
    g_error ("%s", error->message);
  /* Warm up fontconfig and the font caches, as a running program has. */
  export_once (store, meeting, SEC_MEETING_EXPORT_AGENDA, &options, list_pdf);
  g_snprintf (label, sizeof label, "Participant list of meeting %" G_GINT64_FORMAT, meeting);
  report_tagging (label, store, meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, list_pdf, n_runs);
  g_unlink (list_pdf);
  g_rmdir (dir);
  return 0;
}

/* A database made here, with @argv's numbers of participants and items. */
static int
bench_made (int    argc,
            char **argv)
{
  int n_participants = argc > 1 ? atoi (argv[1]) : 5000;
  int n_items = argc > 2 ? atoi (argv[2]) : 60;
  guint n_runs = argc > 3 ? (guint) CLAMP (atoi (argv[3]), 1, 64) : 5;
  gboolean only_tagging = argc > 4 && g_str_equal (argv[4], "tagging");

  if (only_tagging && argc > 5)
    only_variant = atoi (argv[5]);
  g_autofree char *dir = g_dir_make_tmp ("sec-bench-documents-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *list_pdf = g_build_filename (dir, "participants.pdf", NULL);
  g_autofree char *agenda_pdf = g_build_filename (dir, "agenda.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree Run *runs = g_new0 (Run, n_runs);
  gint64 org_ids[G_N_ELEMENTS (countries) * 4];
  gint64 meeting, start;

  store = sec_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  /* The data: a meeting of a whole day with its agenda, and participants
   * from 120 organisations in 30 countries. */
  start = g_get_monotonic_time ();
  sec_store_begin (store, NULL);
  meeting = insert (store, SEC_TYPE_MEETING, "title", "Plenary meeting of the EU Civil Society Platform",
                    "starts-at", "2025-11-20T08:00", "ends-at", "2025-11-21T18:00",
                    "venue", "Albert Borschette Conference Centre", "room", "AB-0A", NULL);
  meeting_id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting);
  for (guint i = 0; i < G_N_ELEMENTS (org_ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Ελληνικό Ίδρυμα Ευρωπαϊκής Πολιτικής %u", i);

      org_ids[i] = insert (store, SEC_TYPE_ORGANISATION, "name", name,
                           "country", countries[i % G_N_ELEMENTS (countries)], NULL);
    }
  for (int i = 0; i < n_participants; i++)
    {
      g_autofree char *family_name = g_strdup_printf ("%s %d", family[i % G_N_ELEMENTS (family)], i);
      g_autofree char *email = g_strdup_printf ("person%d@example.org", i);
      g_autofree char *org = g_strdup_printf ("%" G_GINT64_FORMAT, org_ids[i % G_N_ELEMENTS (org_ids)]);
      g_autofree char *person = NULL;

      person = g_strdup_printf ("%" G_GINT64_FORMAT,
                                insert (store, SEC_TYPE_PERSON, "given-name", given[i % G_N_ELEMENTS (given)],
                                        "family-name", family_name, "email", email, "organisation", org,
                                        "dietary-needs", i % 17 == 0 ? "Vegetarian" : NULL,
                                        /* Needs are kept only with consent. */
                                        "needs-consent", i % 17 == 0 ? "yes" : NULL, NULL));
      insert (store, SEC_TYPE_PARTICIPANT, "meeting", meeting_id, "person", person,
              "status", i % 11 == 0 ? "registered" : "confirmed", NULL);
    }
  for (int i = 0; i < n_items; i++)
    {
      g_autofree char *position = g_strdup_printf ("%d", i + 1);
      g_autofree char *title = g_strdup_printf ("Item %d: exchange of views on the implementation of the "
                                                "commitments of the Joint Statement", i + 1);

      insert (store, SEC_TYPE_AGENDA_ITEM, "meeting", meeting_id, "position", position, "title", title,
              "kind", i % 10 == 9 ? "break" : "item", "duration", i % 10 == 9 ? "15" : "10",
              "description", "Presentation by the Commission, then discussion.",
              "internal-notes", i % 3 == 0 ? "Microphones for the panel" : NULL, NULL);
    }
  if (!sec_store_commit (store, &error))
    g_error ("%s", error->message);
  g_print ("Made %d participants and %d agenda items in %.0f ms\n\n", n_participants, n_items,
           elapsed_ms (start));

  {
    SecMeetingDocumentOptions options = { 0 };
    char label[64];

    /* Warm up fontconfig and the font caches, as a running program has. */
    export_once (store, meeting, SEC_MEETING_EXPORT_AGENDA, &options, agenda_pdf);

    if (!only_tagging)
      {
        for (guint i = 0; i < n_runs; i++)
          runs[i] = export_once (store, meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, list_pdf);
        g_snprintf (label, sizeof label, "Participant list, %d (internal)", n_participants);
        report (label, runs, n_runs, 1000);

        options.public_variant = TRUE;
        options.group_by = SEC_GROUP_BY_COUNTRY;
        options.country_order = SEC_COUNTRY_ORDER_PROTOCOL;
        for (guint i = 0; i < n_runs; i++)
          runs[i] = export_once (store, meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, list_pdf);
        g_snprintf (label, sizeof label, "Participant list, %d (by country)", n_participants);
        report (label, runs, n_runs, 1000);

        options = (SecMeetingDocumentOptions) { 0 };
        for (guint i = 0; i < n_runs; i++)
          runs[i] = export_once (store, meeting, SEC_MEETING_EXPORT_AGENDA, &options, agenda_pdf);
        g_snprintf (label, sizeof label, "Agenda, %d items", n_items);
        report (label, runs, n_runs, 100);

        for (guint i = 0; i < n_runs; i++)
          runs[i] = export_once (store, meeting, SEC_MEETING_EXPORT_AGENDA_INTERNAL, &options, agenda_pdf);
        g_snprintf (label, sizeof label, "Internal agenda, %d items", n_items);
        report (label, runs, n_runs, 100);
      }

    /* What tagging costs (goal: under 20 % more), for the list and the
     * agenda: each document made untagged (as only this program asks
     * for), tagged (cairo's file finished by an incremental update) and
     * tagged by the whole-file pass that the finishing falls back on. */
    g_print ("\n");
    g_snprintf (label, sizeof label, "Participant list, %d", n_participants);
    report_tagging (label, store, meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, list_pdf, n_runs);
    g_snprintf (label, sizeof label, "Agenda, %d items", n_items);
    report_tagging (label, store, meeting, SEC_MEETING_EXPORT_AGENDA, &options, agenda_pdf, n_runs);
  }

  /* One very long word in a table cell (a need pasted without spaces):
   * Pango breaks it at any character. Twice the length should take about
   * twice the time, not four times (11 s for 70,000 characters before the
   * layout offered a break after each character of a long word). */
  {
    static const guint lengths[] = { 10000, 20000, 40000, 70000 };

    g_print ("\n");
    for (guint i = 0; i < G_N_ELEMENTS (lengths) && !only_tagging; i++)
      {
        g_autoptr(GString) word = g_string_new (NULL);
        g_autoptr(SecDocument) doc = sec_document_new ("Long word");
        g_autoptr(GBytes) pdf = NULL;
        g_autoptr(GError) error = NULL;
        SecDocumentColumn columns[] = { { "Name", 20, SEC_COLUMN_DEFAULT }, { "Needs", 20, SEC_COLUMN_SMALL } };
        char label[64];
        gint64 start;
        double ms;

        while (word->len < lengths[i])
          g_string_append (word, "needs");
        sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
        sec_document_add_row (doc, SEC_ROW_NORMAL, (const char *const[]) { "Anna", word->str });
        sec_document_end_table (doc);
        start = g_get_monotonic_time ();
        if ((pdf = sec_document_to_pdf (doc, SEC_PAPER_A4, &error)) == NULL)
          g_error ("%s", error->message);
        ms = elapsed_ms (start);
        g_snprintf (label, sizeof label, "One word of %u characters", lengths[i]);
        g_print ("%-36s %7.1f ms  goal < 2000 ms: %s\n", label, ms, ms < 2000 ? "met" : "MISSED");
      }
  }

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (dir);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  if (argc > 3 && g_str_equal (argv[1], "--database"))
    return bench_database (argv[2], g_ascii_strtoll (argv[3], NULL, 10),
                           argc > 4 ? (guint) CLAMP (atoi (argv[4]), 1, 64) : 3);
  return bench_made (argc, argv);
}
