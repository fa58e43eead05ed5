/* bench-scale-generate.c: bench-scale's database, made reproducibly from a
 * seed (bench-scale.h)
 *
 * Organisations, people (names in the scripts of Europe; a few with a rare
 * family name, for the rare search) and meetings go through the store in one
 * transaction, their search text and sort keys made as the program makes
 * them; the participations, rows with no text of their own, are written in
 * bulk through SQLite.
 */
#include "config.h"

#include <sqlite3.h>

#include "bench-scale.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

/* Names in the scripts and alphabets of Europe. */
static const char *given[] = {
  "Anna", "Jan", "Marie", "Jürgen", "Søren", "Åsa", "Zoë", "François", "Seán", "Siobhán",
  "Łukasz", "Małgorzata", "Tomáš", "Jiří", "Žaneta", "Ştefan", "Ioana", "Đorđe", "Mátyás", "Gergő",
  "Guðrún", "Þórdís", "Pēteris", "Rūta", "Jüri", "İlkay", "Χρήστος", "Δήμητρα", "Νικόλαος", "Ελένη",
  "Иван", "Мария", "Олена", "Євген", "Ђорђе", "Љубица", "Васил", "Цветанка", "Արամ", "ნინო",
  "Maria", "José", "João", "Giulia", "Giuseppe", "Eva", "Pieter", "Lars", "Mikko", "Aino",
};
static const char *family[] = {
  "Müller", "Schmidt", "Dubois", "Lefèvre", "García", "Fernández", "Rossi", "Esposito", "Jansen", "De Vries",
  "Nielsen", "Johansson", "Korhonen", "Kowalski", "Wiśniewska", "Novák", "Dvořáková", "Horváth", "Nagy", "Popescu",
  "Ó Súilleabháin", "Mac Giolla", "Borg", "Camilleri", "Ozoliņš", "Kazlauskas", "Tamm", "Jónsdóttir", "Þórsson",
  "Kovačević", "Žilinský", "Łukasiewicz", "Παπαδόπουλος", "Παπαδοπούλου", "Οικονόμου", "Γεωργίου", "Ципов",
  "Петров", "Иванова", "Шевченко", "Коваленко", "Ђоковић", "Јовановић", "Николовски", "Лукашенка",
  "Գրիգորյան", "ბერიძე", "Silva", "Santos", "Pereira",
};
/* A name few people have: the rare search. */
#define RARE_NAME "Quintavalle"
static const char *countries[] = { "BE", "BG", "CZ", "DK", "DE", "EE", "IE", "GR", "ES", "FR", "HR", "IT",
                                   "CY", "LV", "LT", "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI",
                                   "SK", "FI", "SE", "NO", "UA", "AL" };
static const char *org_words[] = { "Fundacja", "Verein", "Association", "Stichting", "Ίδρυμα", "Фондация",
                                   "Fundación", "Institut", "Forum", "Netwerk", "Sdružení", "Föreningen" };

static gint64
insert_record (SecStore *store, SecRecord *r)
{
  g_autoptr(GError) error = NULL;

  if (!sec_store_insert (store, r, &error))
    g_error ("%s", error->message);
  return sec_record_get_id (r);
}

void
bench_scale_generate (const char           *path,
                      const BenchScaleSize *size,
                      guint32               seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  double start = bench_scale_now_ms ();
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;
  int n_people = size->n_people;

  if (store == NULL)
    g_error ("%s", error->message);
  g_printerr ("Making %s (seed %u)...\n", path, seed);

  /* Records through the store, one transaction: their search text and
   * sort keys made as the program makes them. */
  if (!sec_store_begin (store, &error))
    g_error ("%s", error->message);
  for (int i = 0; i < size->n_orgs; i++)
    {
      g_autoptr(SecRecord) o = sec_record_new (SEC_TYPE_ORGANISATION);
      g_autofree char *name = g_strdup_printf ("%s %s %d", org_words[i % G_N_ELEMENTS (org_words)],
                                               family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))], i + 1);

      sec_record_set_string (o, "name", name);
      sec_record_set_string (o, "country", countries[i % G_N_ELEMENTS (countries)]);
      insert_record (store, o);
    }
  for (int i = 0; i < n_people; i++)
    {
      g_autoptr(SecRecord) p = sec_record_new (SEC_TYPE_PERSON);
      g_autofree char *email = g_strdup_printf ("person%d@example.org", i + 1);
      const char *fam = i % 50000 == 7 ? RARE_NAME : family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))];

      sec_record_set_string (p, "given-name", given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))]);
      sec_record_set_string (p, "family-name", fam);
      sec_record_set_string (p, "email", email);
      sec_record_set_ref (p, "organisation", 1 + i % size->n_orgs);
      insert_record (store, p);
    }
  for (int i = 0; i < size->n_meetings; i++)
    {
      g_autoptr(SecRecord) m = sec_record_new (SEC_TYPE_MEETING);
      g_autofree char *title = g_strdup_printf ("Plenary meeting %d", i + 1);
      GDateTime *base = g_date_time_new_utc (2012, 1, 2, 9, 0, 0);
      GDateTime *day = g_date_time_add_days (base, i * 3 % 5475);
      g_autofree char *starts = g_date_time_format (day, "%Y-%m-%dT09:00");
      g_autofree char *ends = g_date_time_format (day, "%Y-%m-%dT17:00");

      sec_record_set_string (m, "title", title);
      sec_record_set_string (m, "starts-at", starts);
      sec_record_set_string (m, "ends-at", ends);
      sec_record_set_string (m, "venue", "Albert Borschette Conference Centre");
      insert_record (store, m);
      g_date_time_unref (day);
      g_date_time_unref (base);
    }
  if (!sec_store_commit (store, &error))
    g_error ("%s", error->message);
  g_printerr ("  %d organisations, %d people, %d meetings: %.1f s\n", size->n_orgs, n_people,
              size->n_meetings, (bench_scale_now_ms () - start) / 1000);
  g_clear_object (&store);

  /* Participations: rows with no text of their own, written in bulk on
   * the engine's own terms. Meeting 1 has 2,000 participants, meeting 2
   * 5,000; the others share the rest. */
  start = bench_scale_now_ms ();
  if (sqlite3_open (path, &db) != SQLITE_OK)
    bench_scale_die_sqlite (db, path);
  bench_scale_exec (db, "PRAGMA journal_mode = WAL; BEGIN");
  if (sqlite3_prepare_v2 (db, "INSERT INTO participants (created_at, updated_at, meeting_id, person_id,"
                          " organisation_id, status) VALUES ('2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', ?1, ?2, ?3, ?4)",
                          -1, &insert, NULL) != SQLITE_OK)
    bench_scale_die_sqlite (db, "prepare");
  {
    static const char *statuses[] = { "invited", "registered", "confirmed", "attended", "declined", "excused" };
    int left = size->n_participations;

    for (int m = 1; m <= size->n_meetings && left > 0; m++)
      {
        int n = m == 1 ? 2000 : m == 2 ? 5000 : (left - 0) / (size->n_meetings - m + 1);
        int first = g_rand_int_range (rand, 0, n_people);
        /* A stride prime to the number of people visits each once. */
        int stride = 7919;

        n = MIN (MIN (n, left), n_people);
        for (int j = 0; j < n; j++)
          {
            gint64 person = 1 + ((gint64) first + (gint64) j * stride) % n_people;

            sqlite3_bind_int64 (insert, 1, m);
            sqlite3_bind_int64 (insert, 2, person);
            sqlite3_bind_int64 (insert, 3, 1 + (person - 1) % size->n_orgs);
            sqlite3_bind_text (insert, 4, statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))], -1, SQLITE_STATIC);
            if (sqlite3_step (insert) != SQLITE_DONE)
              bench_scale_die_sqlite (db, "insert participant");
            sqlite3_reset (insert);
          }
        left -= n;
      }
  }
  sqlite3_finalize (insert);
  bench_scale_exec (db, "COMMIT; PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close (db);
  g_printerr ("  %d participations: %.1f s\n", size->n_participations, (bench_scale_now_ms () - start) / 1000);
}
