/* bench-scale.c: the store at the size of a large office, against raw SQLite
 *
 * Builds, reproducibly from a seed, a database of 20,000 organisations,
 * 200,000 people (names in the scripts of Europe), 5,000 meetings and
 * 1,000,000 participations (bench-scale-generate.c), or reuses the file
 * when it exists. Then times
 * each operation the window does with the store ("ours", the median of
 * several runs) and the same work as raw SQLite queries on the same file
 * (the limit of this design), and prints: operation, ours, raw, ratio.
 * Goals (issue 16): a list action under 16 ms and within 2x of raw; open
 * within 1.2x of an empty database's open.
 *
 * Usage: bench-scale [--tsv] [--runs N] [--seed N] [--quick] [--documents]
 *                    [--cpu] [--pdf DIR] [--database URI [--server-only]] [PATH]
 *   PATH defaults to bench-scale.db in the current folder; --quick makes a
 *   tenth of the data (for a try, not for figures). --documents times the
 *   documents alone (the PDFs against the bare loops of bench-bare.c, the
 *   CSV); --pdf writes ours (tagged, untagged) and the bare loops' PDFs into
 *   DIR, to compare them, and times nothing. --cpu times the
 *   process's processor time in place of the wall clock. With --database (or
 *   SECRETARIAT_BENCH_PG) naming an empty PostgreSQL database, the file is
 *   copied there (sec_store_copy_database (), its time printed) and a second
 *   table times the store on the server; its raw column is still raw SQLite
 *   on the file: there is no raw PostgreSQL twin of each query here, so
 *   that ratio is the server's cost against the file's limit;
 *   --server-only leaves out the file's table.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-bare.h"
#include "bench-scale.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-copy.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

/* --cpu: the process's processor time, not the wall clock's: what an
 * operation costs however busy the machine is (a little less noisy). */
static gboolean cpu_time;

double
bench_scale_now_ms (void)
{
  struct timespec ts;

  if (!cpu_time)
    return g_get_monotonic_time () / 1000.0;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void
bench_scale_die_sqlite (sqlite3 *db, const char *what)
{
  g_error ("%s: %s", what, sqlite3_errmsg (db));
}

void
bench_scale_exec (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    bench_scale_die_sqlite (db, sql);
}

/* Timing */

typedef struct {
  gboolean    tsv;
  guint       runs;
  gboolean    documents_only;  /* --documents: the PDF and CSV rows alone */
} Output;

static void
report (const Output *out, const char *operation, double ours, double raw)
{
  double ratio = raw > 0 ? ours / raw : 0;

  if (out->tsv)
    g_print ("%s\t%.3f\t%.3f\t%.2f\n", operation, ours, raw, ratio);
  else
    {
      /* Padded by characters: the labels hold Greek. */
      glong pad = MAX (0, 46 - g_utf8_strlen (operation, -1));
      g_print ("%s%*s %10.2f %10.2f %7.2fx\n", operation, (int) pad, "", ours, raw, ratio);
    }
}

typedef void (*Work) (gpointer data);

static double
time_median (const Output *out, Work work, gpointer data)
{
  g_autofree double *t = g_new (double, out->runs);

  work (data);  /* warm the caches: every run then starts alike */
  for (guint i = 0; i < out->runs; i++)
    {
      double start = bench_scale_now_ms ();
      work (data);
      t[i] = bench_scale_now_ms () - start;
    }
  return median (t, out->runs);
}

/* Raw SQLite: every row of @sql stepped through, each column read. */
typedef struct {
  sqlite3    *db;
  const char *sql[3];
  const char *text;   /* ?1 when set */
  gint64      number; /* ?1 when text is NULL and number > 0 */
} Raw;

static void
run_raw (gpointer data)
{
  Raw *raw = data;

  for (guint q = 0; q < G_N_ELEMENTS (raw->sql) && raw->sql[q]; q++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (raw->db, raw->sql[q], -1, &stmt, NULL) != SQLITE_OK)
        bench_scale_die_sqlite (raw->db, raw->sql[q]);
      if (raw->text != NULL)
        sqlite3_bind_text (stmt, 1, raw->text, -1, SQLITE_STATIC);
      else if (raw->number > 0)
        sqlite3_bind_int64 (stmt, 1, raw->number);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          (void) sqlite3_column_text (stmt, c);
      sqlite3_finalize (stmt);
    }
}

/* Ours: a list as the window holds it. */
typedef struct {
  SecStore *store;
  GType     kind;
  SecQuery *query;
  gboolean  last;     /* read the last page, not the first */
  SecRecordList *list; /* for set_query */
} Ours;

static void
run_list (gpointer data)
{
  Ours *o = data;
  g_autoptr(SecRecordList) list = NULL;
  guint n;

  /* A list opened counts its rows: not the count kept by the last run
   * (sec-store-counts.c). */
  _sec_store_forget_counts (FALSE);
  list = sec_record_list_new (o->store, o->kind, o->query);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (n > 0)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), o->last ? n - 1 : 0));
}

static void
run_count (gpointer data)
{
  Ours *o = data;
  g_autoptr(SecRecordList) list = NULL;

  _sec_store_forget_counts (FALSE);
  list = sec_record_list_new (o->store, o->kind, o->query);
  (void) g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* A keystroke: the open list gets the new query, counts, shows a page. */
static void
run_set_query (gpointer data)
{
  Ours *o = data;

  /* Each run a new search: the matches kept by the last one are not
   * taken (sec-search-hits.c). */
  _sec_store_forget_search_hits ();
  sec_record_list_set_query (o->list, NULL);
  sec_record_list_set_query (o->list, o->query);
  if (g_list_model_get_n_items (G_LIST_MODEL (o->list)) > 0)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (o->list), 0));
}

/* What the window reads of a list after a keystroke: the first two pages
 * and the position of the selected record (id 4242). */
static void
read_as_shown (SecRecordList *list)
{
  for (guint i = 0; i < 2 && i * 200 < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i * 200));
  (void) sec_record_list_find (list, 4242);
}

/* A keystroke as the window's list takes it, from a new search. */
static void
run_keystroke (gpointer data)
{
  Ours *o = data;

  _sec_store_forget_search_hits ();
  sec_record_list_set_query (o->list, NULL);
  sec_record_list_set_query (o->list, o->query);
  read_as_shown (o->list);
}

/* The same with the search index read for each of them, as before the
 * matches were kept: inside a transaction, the store keeps none. */
static void
run_keystroke_unkept (gpointer data)
{
  Ours *o = data;

  if (!sec_store_begin (o->store, NULL))
    g_error ("cannot begin");
  run_keystroke (data);
  sec_store_rollback (o->store);
}

/* The same in the background (sec_record_list_set_query_in_background),
 * until the list has changed (its worker's connection is made at the
 * warm-up run, and kept). */
static void
run_keystroke_background (gpointer data)
{
  Ours *o = data;

  _sec_store_forget_search_hits ();
  sec_record_list_set_query (o->list, NULL);
  sec_record_list_set_query_in_background (o->list, o->query, 4242);
  while (sec_record_list_is_loading (o->list))
    g_main_context_iteration (NULL, TRUE);
  read_as_shown (o->list);
}

/* The next keystroke of a word in the background: @first (a new search,
 * untimed), then @second, until shown, as the window's list takes them
 * (its worker's connection gives its pages back after each keystroke:
 * the second reads the file again, from the system's cache of it). */
static double
time_next_keystroke (const Output *out,
                     Ours         *o,
                     const char   *first,
                     const char   *second)
{
  g_autofree double *t = g_new (double, out->runs);
  g_autoptr(SecQuery) a = sec_query_new ();
  g_autoptr(SecQuery) b = sec_query_new ();

  sec_query_set_search (a, first);
  sec_query_set_search (b, second);
  for (guint i = 0; i <= out->runs; i++)
    {
      double start;

      _sec_store_forget_search_hits ();
      sec_record_list_set_query (o->list, NULL);
      sec_record_list_set_query_in_background (o->list, a, 4242);
      while (sec_record_list_is_loading (o->list))
        g_main_context_iteration (NULL, TRUE);
      read_as_shown (o->list);
      start = bench_scale_now_ms ();
      sec_record_list_set_query_in_background (o->list, b, 4242);
      while (sec_record_list_is_loading (o->list))
        g_main_context_iteration (NULL, TRUE);
      read_as_shown (o->list);
      /* The first run warms the caches. */
      if (i > 0)
        t[i - 1] = bench_scale_now_ms () - start;
    }
  return median (t, out->runs);
}

typedef struct {
  const char *path;
  SecStore   *store;
} Opening;

static void
run_open (gpointer data)
{
  Opening *o = data;
  g_autoptr(GError) error = NULL;

  o->store = sec_store_open (o->path, &error);
  if (o->store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&o->store);
}

static void
run_raw_open (gpointer data)
{
  Opening *o = data;
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (o->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    bench_scale_die_sqlite (db, o->path);
  bench_scale_exec (db, "SELECT count(*) FROM sqlite_schema");
  sqlite3_close (db);
}

/* A record's participants (of a meeting, or of a person across meetings)
 * as its page lists them, against the record, count and page in raw SQL. */
static void
time_participants (const Output *out,
                   SecStore     *store,
                   sqlite3      *db,
                   const char   *label,
                   const char   *field,
                   gint64        id,
                   const char   *sort,
                   gboolean      descending,
                   const char   *record_sql,
                   const char   *count_sql,
                   const char   *page_sql)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  Ours ours = { store, SEC_TYPE_PARTICIPANT, query, FALSE, NULL };
  Raw raw = { db, { record_sql, count_sql, page_sql }, NULL, id };

  sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  sec_query_set_sort (query, sort, descending);
  report (out, label, time_median (out, run_list, &ours), time_median (out, run_raw, &raw));
}

/* Documents: the participant list of a meeting, as PDF and CSV. */
typedef struct {
  SecStore        *store;
  gint64           meeting;
  SecMeetingExport kind;
  sqlite3         *db;
} Export;

static void
run_export (gpointer data)
{
  Export *e = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) meeting = sec_meeting_data_load (e->store, e->meeting, &error);
  SecMeetingDocumentOptions options = { 0 };
  g_autoptr(GBytes) bytes = NULL;

  if (meeting == NULL)
    g_error ("%s", error->message);
  bytes = sec_meeting_document_export_bytes (meeting, e->kind, &options, SEC_PAPER_A4, &error);
  if (bytes == NULL)
    g_error ("%s", error->message);
}

#define PARTICIPANT_ROWS \
  "SELECT p.given_name || ' ' || p.family_name, o.name, o.country, t.status FROM participants t" \
  " JOIN people p ON p.id = t.person_id LEFT JOIN organisations o ON o.id = t.organisation_id" \
  " WHERE t.meeting_id = ?1 ORDER BY p.sort_key"

/* The bare loops (bench-bare.c): the same tables with Cairo and Pango. */
static void
run_bare_pdf (gpointer data)
{
  Export *e = data;

  g_bytes_unref (bench_bare_participants (e->db, e->meeting));
}

static void
run_bare_agenda (gpointer data)
{
  Export *e = data;

  g_bytes_unref (bench_bare_agenda (e->db, e->meeting));
}

/* Gives meeting @meeting @n agenda items, unless it has some. */
static void
add_agenda (SecStore *store, gint64 meeting, int n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, meeting);

  sec_query_add (query, "meeting", SEC_QUERY_EQUALS, value);
  if (sec_store_count (store, SEC_TYPE_AGENDA_ITEM, query, &error) > 0)
    return;
  if (!sec_store_begin (store, &error))
    g_error ("%s", error->message);
  for (int i = 1; i <= n; i++)
    {
      g_autoptr(SecRecord) item = sec_record_new (SEC_TYPE_AGENDA_ITEM);
      g_autofree char *title = g_strdup_printf ("Item %d: report of the working group on the European"
                                                " Semester and the consultation of civil society", i);

      sec_record_set_ref (item, "meeting", meeting);
      sec_record_set_int (item, "position", i);
      sec_record_set_string (item, "title", title);
      sec_record_set_string (item, "description", "Presentation, discussion and decision.");
      sec_record_set_int (item, "duration", 10 + i % 4 * 5);
      if (!sec_store_insert (store, item, &error))
        g_error ("%s", error->message);
    }
  if (!sec_store_commit (store, &error))
    g_error ("%s", error->message);
}

static void
run_bare_csv (gpointer data)
{
  Export *e = data;
  g_autoptr(GString) csv = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (e->db, PARTICIPANT_ROWS, -1, &stmt, NULL) != SQLITE_OK)
    bench_scale_die_sqlite (e->db, "rows");
  sqlite3_bind_int64 (stmt, 1, e->meeting);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 4; c++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, c);
        g_string_append_c (csv, '"');
        g_string_append (csv, text ? text : "");
        g_string_append (csv, c == 3 ? "\"\r\n" : "\",");
      }
  sqlite3_finalize (stmt);
}

/* The lists, searches and sorts: ours against raw SQL. */
static void
time_lists (const Output *out,
            SecStore     *store,
            sqlite3      *db)
{
  /* Each list: count, first page, last page. A page in raw SQL reads what
   * the list shows beside each row's own columns, as ours does: an
   * organisation's bodies and count of people, a person's organisation, a
   * meeting's bodies and counts. */
  {
    static const struct { const char *name; GType (*type) (void); const char *table; const char *order; const char *shown; } lists[] = {
      { "organisations", sec_organisation_get_type, "organisations", "t.sort_key, t.id",
        "(SELECT group_concat(coalesce(b.acronym, b.name), ', ') FROM memberships m"
        " JOIN bodies b ON b.id = m.body_id WHERE m.organisation_id = t.id AND m.status = 'active'),"
        " (SELECT count(*) FROM people p WHERE p.organisation_id = t.id)" },
      { "people", sec_person_get_type, "people", "t.sort_key, t.id",
        "(SELECT o.name FROM organisations o WHERE o.id = t.organisation_id),"
        " (SELECT o.acronym FROM organisations o WHERE o.id = t.organisation_id)" },
      { "meetings", sec_meeting_get_type, "meetings", "t.starts_at DESC, t.id DESC",
        "(SELECT group_concat(coalesce(b.acronym, b.name), ', ') FROM meeting_bodies mb"
        " JOIN bodies b ON b.id = mb.body_id WHERE mb.meeting_id = t.id),"
        " (SELECT c.participants FROM meeting_counts c WHERE c.meeting_id = t.id),"
        " (SELECT c.confirmed FROM meeting_counts c WHERE c.meeting_id = t.id)" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      {
        g_autoptr(SecQuery) query = sec_query_new ();
        g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", lists[i].table);
        g_autofree char *first_sql = g_strdup_printf ("SELECT t.*, %s FROM %s t ORDER BY %s LIMIT 200",
                                                      lists[i].shown, lists[i].table, lists[i].order);
        g_autofree char *last_sql = g_strdup_printf ("SELECT t.*, %s FROM %s t ORDER BY %s LIMIT 200 OFFSET (SELECT count(*) - 1 FROM %s)",
                                                     lists[i].shown, lists[i].table, lists[i].order, lists[i].table);
        g_autofree char *label = NULL;
        Ours ours = { store, lists[i].type (), query, FALSE, NULL };
        Raw raw = { db, { count_sql }, NULL, 0 };
        double t_ours, t_raw;

        if (lists[i].type () == SEC_TYPE_MEETING)
          sec_query_set_sort (query, "starts-at", TRUE);
        t_ours = time_median (out, run_count, &ours);
        t_raw = time_median (out, run_raw, &raw);
        label = g_strdup_printf ("%s: count", lists[i].name);
        report (out, label, t_ours, t_raw);

        raw.sql[0] = count_sql;
        raw.sql[1] = first_sql;
        t_ours = time_median (out, run_list, &ours);
        t_raw = time_median (out, run_raw, &raw);
        g_free (label);
        label = g_strdup_printf ("%s: count and first page", lists[i].name);
        report (out, label, t_ours, t_raw);

        ours.last = TRUE;
        raw.sql[1] = last_sql;
        t_ours = time_median (out, run_list, &ours);
        t_raw = time_median (out, run_raw, &raw);
        g_free (label);
        label = g_strdup_printf ("%s: count and last page", lists[i].name);
        report (out, label, t_ours, t_raw);
      }
  }

  /* Search keystrokes in the people list: count and first page. */
  {
    static const struct { const char *label, *text, *match; } searches[] = {
      { "search people: common ('müller')", "müller", "\"muller\"" },
      { "search people: rare ('quintavalle')", "quintavalle", "\"quintavalle\"" },
      { "search people: accented ('wiśniew')", "wiśniew", "\"wisniew\"" },
      { "search people: Greek ('παπαδ')", "παπαδ", "\"παπαδ\" OR \"papad\"" },
      { "search people: Latin for Cyrillic ('tsipov')", "tsipov", "\"tsipov\"" },
      { "search people: two words ('anna mul')", "anna mul", "\"anna\" AND \"mul\"" },
    };
    g_autoptr(SecRecordList) list = sec_record_list_new (store, SEC_TYPE_PERSON, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        g_autoptr(SecQuery) query = sec_query_new ();
        Ours ours = { store, SEC_TYPE_PERSON, query, FALSE, list };
        Raw raw = { db, { "SELECT count(*) FROM people_search WHERE people_search MATCH ?1",
                          "SELECT t.* FROM people t WHERE t.id IN (SELECT rowid FROM people_search"
                          " WHERE people_search MATCH ?1) ORDER BY t.sort_key, t.id LIMIT 200" },
                    searches[i].match, 0 };

        sec_query_set_search (query, searches[i].text);
        report (out, searches[i].label, time_median (out, run_set_query, &ours), time_median (out, run_raw, &raw));
      }

    /* One letter: the words starting with it, from the index's trigrams. */
    {
      g_autoptr(SecQuery) query = sec_query_new ();
      Ours ours = { store, SEC_TYPE_PERSON, query, FALSE, list };
      Raw raw = { db, { "SELECT count(*) FROM people_search WHERE people_search MATCH"
                        " (SELECT group_concat('\"' || term || '\"', ' OR ') FROM people_search_terms"
                        "  WHERE term >= ' k' AND term < ' l')",
                        "SELECT t.* FROM people t WHERE t.id IN (SELECT rowid FROM people_search WHERE people_search MATCH"
                        " (SELECT group_concat('\"' || term || '\"', ' OR ') FROM people_search_terms"
                        "  WHERE term >= ' k' AND term < ' l')) ORDER BY t.sort_key, t.id LIMIT 200" }, NULL, 0 };

      sec_query_set_search (query, "k");
      report (out, "search people: one letter ('k')", time_median (out, run_set_query, &ours),
              time_median (out, run_raw, &raw));
    }

    /* A keystroke as the window takes it: "m", a third of the people;
     * raw reads the index for the count and each of the two pages. */
    {
      g_autoptr(SecQuery) query = sec_query_new ();
      Ours ours = { store, SEC_TYPE_PERSON, query, FALSE, list };
      Raw raw = { db, { "SELECT count(*) FROM people_search WHERE people_search MATCH"
                        " (SELECT group_concat('\"' || term || '\"', ' OR ') FROM people_search_terms"
                        "  WHERE term >= ' m' AND term < ' n')",
                        "SELECT t.* FROM people t WHERE t.id IN (SELECT rowid FROM people_search WHERE people_search MATCH"
                        " (SELECT group_concat('\"' || term || '\"', ' OR ') FROM people_search_terms"
                        "  WHERE term >= ' m' AND term < ' n')) ORDER BY t.sort_key, t.id LIMIT 200",
                        "SELECT t.* FROM people t WHERE t.id IN (SELECT rowid FROM people_search WHERE people_search MATCH"
                        " (SELECT group_concat('\"' || term || '\"', ' OR ') FROM people_search_terms"
                        "  WHERE term >= ' m' AND term < ' n')) ORDER BY t.sort_key, t.id LIMIT 200 OFFSET 200" },
                  NULL, 0 };

      sec_query_set_search (query, "m");
      report (out, "keystroke 'm': count, 2 pages, a position", time_median (out, run_keystroke, &ours),
              time_median (out, run_raw, &raw));
      report (out, "keystroke 'm', the index read for each", time_median (out, run_keystroke_unkept, &ours),
              time_median (out, run_raw, &raw));
      if (sec_engine_get_kind (_sec_store_get_engine (store)) == SEC_ENGINE_SQLITE)
        {
          report (out, "keystroke 'm' in the background, until shown", time_median (out, run_keystroke_background, &ours),
                  time_median (out, run_raw, &raw));
          report (out, "keystroke 'mü' after 'm' in the background", time_next_keystroke (out, &ours, "m", "mü"), 0);
          report (out, "keystroke 'müller' after 'mülle' in the background",
                  time_next_keystroke (out, &ours, "mülle", "müller"), 0);
        }
    }

    /* Sort changes: each order of the people list (the window offers
     * family name, organisation and recently added; e-mail is the
     * command line's and the API's), empty values last. Each page reads
     * what the list shows beside each person, as the people's first page
     * above does: the organisation's name and acronym (until session 11
     * these read bare rows, a third less work than the list's). */
#define PEOPLE_PAGE "SELECT t.*, (SELECT o.name FROM organisations o WHERE o.id = t.organisation_id)," \
                    " (SELECT o.acronym FROM organisations o WHERE o.id = t.organisation_id) FROM people t"
    {
      static const struct { const char *label, *sort; gboolean descending; const char *page; } sorts[] = {
        { "sort change: people by email", "email", TRUE,
          PEOPLE_PAGE " ORDER BY t.email DESC NULLS LAST, t.sort_key DESC, t.id DESC LIMIT 200" },
        { "sort change: people recently added", "created-at", TRUE,
          PEOPLE_PAGE " ORDER BY t.created_at DESC, t.id DESC LIMIT 200" },
        /* People's copy of their organisation's key (migration 16). */
        { "sort change: people by organisation", "organisation-sort-key", FALSE,
          PEOPLE_PAGE " ORDER BY t.organisation_sort_key NULLS LAST, t.sort_key, t.id LIMIT 200" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
        {
          g_autoptr(SecQuery) query = sec_query_new ();
          Ours ours = { store, SEC_TYPE_PERSON, query, FALSE, list };
          Raw raw = { db, { "SELECT count(*) FROM people", sorts[i].page }, NULL, 0 };

          sec_query_set_sort (query, sorts[i].sort, sorts[i].descending);
          report (out, sorts[i].label, time_median (out, run_set_query, &ours),
                  time_median (out, run_raw, &raw));
        }
    }
#undef PEOPLE_PAGE
  }

  /* A meeting of 2,000 participants opened: its list of participants in
   * name order (count and first page). */
  time_participants (out, store, db, "open a meeting of 2,000 participants", "meeting", 1,
                     "person-sort-key", FALSE, "SELECT * FROM meetings WHERE id = ?1",
                     "SELECT count(*) FROM participants WHERE meeting_id = ?1",
                     "SELECT t.* FROM participants t JOIN people p ON p.id = t.person_id WHERE t.meeting_id = ?1"
                     " ORDER BY p.sort_key, t.id LIMIT 200");
  /* A person's page: their meetings, newest first. */
  time_participants (out, store, db, "a person's participation history", "person", 4242,
                     "meeting-starts-at", TRUE, "SELECT * FROM people WHERE id = ?1",
                     "SELECT count(*) FROM participants WHERE person_id = ?1",
                     "SELECT t.* FROM participants t JOIN meetings m ON m.id = t.meeting_id WHERE t.person_id = ?1"
                     " ORDER BY m.starts_at DESC, t.id DESC LIMIT 200");
}

/* One table: the store on @path (a file, or a server's database that
 * holds a copy of the file) against raw SQLite on the file @raw_path. */
static void
print_table (const Output *out,
             const char   *path,
             const char   *raw_path,
             const char   *empty_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  sqlite3 *db = NULL;

  if (out->tsv)
    g_print ("operation\tours_ms\traw_ms\tratio\n");
  else
    g_print ("%-46s %10s %10s %8s\n", "operation (median of runs)", "ours ms", "raw ms", "ratio");

  /* Opening: the big file, against raw SQLite and against an empty file. */
  if (!out->documents_only)
    {
      Opening big = { path, NULL }, raw_big = { raw_path, NULL }, empty = { empty_path, NULL };
      double ours, raw, ours_empty;

      ours = time_median (out, run_open, &big);
      raw = time_median (out, run_raw_open, &raw_big);
      report (out, "open", ours, raw);
      if (empty_path != NULL)
        {
          g_object_unref (sec_store_open (empty_path, NULL));
          ours_empty = time_median (out, run_open, &empty);
          report (out, "open, empty database", ours_empty, raw);
        }
    }

  store = sec_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (sqlite3_open_v2 (raw_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    bench_scale_die_sqlite (db, raw_path);
  /* The same page cache as the store's connection: raw SQLite at its best. */
  bench_scale_exec (db, "PRAGMA cache_size = -32768");

  if (!out->documents_only)
    time_lists (out, store, db);

  /* An agenda of 60 items (made once in meeting 3): its list as the
   * meeting's page reads it, and its PDF. */
  {
    Export e = { store, 3, SEC_MEETING_EXPORT_AGENDA, db };
    g_autoptr(SecQuery) query = sec_query_new ();
    Ours ours = { store, SEC_TYPE_AGENDA_ITEM, query, FALSE, NULL };
    Raw raw = { db, { "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1",
                      "SELECT * FROM agenda_items WHERE meeting_id = ?1 ORDER BY position LIMIT 200" }, NULL, 3 };

    add_agenda (store, 3, 60);
    sec_query_add (query, "meeting", SEC_QUERY_EQUALS, "3");
    sec_query_set_sort (query, "position", FALSE);
    report (out, "agenda of 60 items: list", time_median (out, run_list, &ours), time_median (out, run_raw, &raw));
    report (out, "agenda of 60 items: PDF", time_median (out, run_export, &e), time_median (out, run_bare_agenda, &e));
    g_setenv ("SEC_DOCUMENT_UNTAGGED", "1", TRUE);
    report (out, "agenda of 60 items: PDF untagged", time_median (out, run_export, &e),
            time_median (out, run_bare_agenda, &e));
    g_unsetenv ("SEC_DOCUMENT_UNTAGGED");
  }

  /* The participant list of 5,000 people (3,305 expected), tagged and
   * untagged (what tagging adds, and what the page engine adds). */
  {
    Export e = { store, 2, SEC_MEETING_EXPORT_PARTICIPANTS, db };
    Output few = { out->tsv, MIN (out->runs, 3) };

    report (out, "participant list PDF, 5,000 people", time_median (&few, run_export, &e),
            time_median (&few, run_bare_pdf, &e));
    g_setenv ("SEC_DOCUMENT_UNTAGGED", "1", TRUE);
    report (out, "participant list PDF, 5,000 people, untagged", time_median (&few, run_export, &e),
            time_median (&few, run_bare_pdf, &e));
    g_unsetenv ("SEC_DOCUMENT_UNTAGGED");
    e.kind = SEC_MEETING_EXPORT_PARTICIPANTS_CSV;
    report (out, "participant list CSV, 5,000 people", time_median (&few, run_export, &e),
            time_median (&few, run_bare_csv, &e));
  }

  sqlite3_close (db);
}

/* --pdf DIR: ours (tagged and untagged) and the bare loop's PDFs of the
 * agenda and of the participant list, to look at side by side. Each is
 * made in a function of its own, after a warm-up (fonts, glyphs): for
 * valgrind --tool=callgrind --collect-atstart=no --toggle-collect='pdf_*',
 * whose inclusive counts are then each one's instructions. */
typedef struct {
  SecStore         *store;
  sqlite3          *db;
  gint64            meeting;
  SecMeetingExport  kind;
} Pdf;

static GBytes *
make_ours (const Pdf *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) data = sec_meeting_data_load (p->store, p->meeting, &error);
  SecMeetingDocumentOptions options = { 0 };
  GBytes *pdf = NULL;

  if (data == NULL || (pdf = sec_meeting_document_export_bytes (data, p->kind, &options, SEC_PAPER_A4, &error)) == NULL)
    g_error ("%s", error->message);
  return pdf;
}

static GBytes *
make_bare (const Pdf *p)
{
  return p->kind == SEC_MEETING_EXPORT_AGENDA ? bench_bare_agenda (p->db, p->meeting)
                                              : bench_bare_participants (p->db, p->meeting);
}

static G_GNUC_NO_INLINE GBytes *
pdf_ours (const Pdf *p)
{
  return make_ours (p);
}

static G_GNUC_NO_INLINE GBytes *
pdf_ours_untagged (const Pdf *p)
{
  GBytes *pdf;

  g_setenv ("SEC_DOCUMENT_UNTAGGED", "1", TRUE);
  pdf = make_ours (p);
  g_unsetenv ("SEC_DOCUMENT_UNTAGGED");
  return pdf;
}

static G_GNUC_NO_INLINE GBytes *
pdf_bare (const Pdf *p)
{
  return make_bare (p);
}

static void
write_pdfs (const char *path,
            const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  sqlite3 *db = NULL;

  if (store == NULL)
    g_error ("%s", error->message);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    bench_scale_die_sqlite (db, path);
  add_agenda (store, 3, 60);
  for (guint i = 0; i < 2; i++)
    {
      Pdf p = { store, db, i == 0 ? 3 : 2, i == 0 ? SEC_MEETING_EXPORT_AGENDA : SEC_MEETING_EXPORT_PARTICIPANTS };
      GBytes *(*variants[]) (const Pdf *) = { pdf_ours, pdf_ours_untagged, pdf_bare };
      const char *names[] = { "ours", "ours-untagged", "bare" };

      /* The warm-up: fonts, glyphs, ICU's transliterator, once. */
      g_bytes_unref (make_bare (&p));
      g_setenv ("SEC_DOCUMENT_UNTAGGED", "1", TRUE);
      g_bytes_unref (make_ours (&p));
      g_unsetenv ("SEC_DOCUMENT_UNTAGGED");
      for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
        {
          g_autoptr(GBytes) pdf = variants[v] (&p);
          g_autofree char *file = g_strdup_printf ("%s/%s-%s.pdf", dir, names[v], i == 0 ? "agenda" : "participants");

          if (!g_file_set_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
            g_error ("%s", error->message);
          g_print ("%s\n", file);
        }
    }
  sqlite3_close (db);
}

/* Fills the empty server database @uri with a copy of the file @path (the
 * copy command's own code, timed); a database that holds it already is
 * used as it is. */
static void
copy_to_server (const char *path,
                const char *uri)
{
  g_autoptr(GError) error = NULL;
  SecStoreCopyStats stats = { 0 };
  double start = bench_scale_now_ms ();

  if (!sec_store_copy_database (path, uri, NULL, NULL, NULL, &stats, &error))
    {
      if (strstr (error->message, "already holds records") == NULL)
        g_error ("%s", error->message);
      g_printerr ("Reusing the server's database: %s\n", error->message);
      return;
    }
  g_printerr ("Copied %" G_GUINT64_FORMAT " rows of %u tables to the server in %.1f s\n",
              stats.n_rows, stats.n_tables, (bench_scale_now_ms () - start) / 1000);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  Output out = { FALSE, 5, FALSE };
  const char *pdf_dir = NULL;
  guint32 seed = 16;
  gboolean quick = FALSE;
  gboolean server_only = FALSE;
  BenchScaleSize size = { 20000, 200000, 5000, 1000000 };
  const char *path = "bench-scale.db";
  const char *server = g_getenv ("SECRETARIAT_BENCH_PG");
  g_autofree char *empty_dir = g_dir_make_tmp ("sec-bench-scale-XXXXXX", NULL);
  g_autofree char *empty_path = g_build_filename (empty_dir, "empty.db", NULL);

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--tsv"))
        out.tsv = TRUE;
      else if (g_str_equal (argv[i], "--quick"))
        quick = TRUE;
      else if (g_str_equal (argv[i], "--documents"))
        out.documents_only = TRUE;
      else if (g_str_equal (argv[i], "--cpu"))
        cpu_time = TRUE;
      else if (g_str_equal (argv[i], "--pdf") && i + 1 < argc)
        pdf_dir = argv[++i];
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          /* Not inside CLAMP (), which evaluates its argument up to three
           * times: "--runs 5 PATH" skipped PATH and made a new file. */
          int runs = atoi (argv[++i]);

          out.runs = (guint) CLAMP (runs, 1, 100);
        }
      else if (g_str_equal (argv[i], "--database") && i + 1 < argc)
        server = argv[++i];
      else if (g_str_equal (argv[i], "--server-only"))
        server_only = TRUE;
      else if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = (guint32) strtoul (argv[++i], NULL, 10);
      else if (argv[i][0] == '-')
        {
          g_printerr ("Usage: bench-scale [--tsv] [--runs N] [--seed N] [--quick] [--documents] [--cpu] [--pdf DIR]"
                      " [--database URI [--server-only]] [PATH]\n");
          return 2;
        }
      else
        path = argv[i];
    }
  if (quick)
    size = (BenchScaleSize) { 2000, 20000, 500, 100000 };

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    bench_scale_generate (path, &size, seed);
  else
    g_printerr ("Reusing %s\n", path);

  if (pdf_dir != NULL)
    {
      write_pdfs (path, pdf_dir);
      return 0;
    }
  /* In TSV, the titles are comments: the tables stay machine-readable. */
  if (server == NULL || !server_only)
    {
      g_print ("%sSQLite: the store on the file, raw SQLite on the file\n", out.tsv ? "# " : "");
      print_table (&out, path, path, empty_path);
    }
  if (server != NULL)
    {
      copy_to_server (path, server);
      g_print ("%sPostgreSQL: the store on the server (a copy of the file), raw SQLite on the file\n",
               out.tsv ? "# " : "\n");
      print_table (&out, server, path, NULL);
    }

  g_unlink (empty_path);
  g_rmdir (empty_dir);
  return 0;
}
