/* bench-import.c: reading, checking and importing 10,000 people from CSV
 *
 * Prints figures; it asserts nothing. Usage: bench-import [N_PEOPLE]
 * The database already holds 2,000 organisations and 10,000 people, so
 * that every row is compared with real data; the file names 500
 * organisations (half of them new) and repeats one row in twenty.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "core/import/sec-import.h"
#include "core/store/sec-backups.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

static const char *given[] = { "Anna", "Kirill", "Seán", "Zofia", "Jürgen", "Eleni", "Marie", "Tomáš", "Ilse", "Dóra" };
static const char *family[] = { "Müller", "Ó Súilleabháin", "Kowalska", "Παπαδοπούλου", "Петров", "Novák",
                                "Dubois", "Horváth", "Borg", "Jensen", "Łukasiewicz", "Žilinský" };

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Processor time: on a machine shared with other work the wall clock
 * also counts the waiting. */
static double
cpu_ms (clock_t start)
{
  return (clock () - start) * 1000.0 / CLOCKS_PER_SEC;
}

static void
fill_database (SecStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sec_store_begin (store, &error));
  for (int i = 0; i < 2000; i++)
    {
      g_autoptr(SecRecord) o = sec_record_new (SEC_TYPE_ORGANISATION);
      g_autofree char *name = g_strdup_printf ("Organisation %d", i);

      sec_record_set_string (o, "name", name);
      g_assert_true (sec_store_insert (store, o, &error));
    }
  for (int i = 0; i < 10000; i++)
    {
      g_autoptr(SecRecord) p = sec_record_new (SEC_TYPE_PERSON);
      g_autofree char *email = g_strdup_printf ("existing%d@example.org", i);

      sec_record_set_string (p, "given-name", given[i % G_N_ELEMENTS (given)]);
      sec_record_set_string (p, "family-name", family[i % G_N_ELEMENTS (family)]);
      sec_record_set_string (p, "email", email);
      g_assert_true (sec_store_insert (store, p, &error));
    }
  g_assert_true (sec_store_commit (store, &error));
}

static GString *
make_csv (int n)
{
  GString *csv = g_string_new ("\xEF\xBB\xBFNachname;Vorname;E-Mail;Organisation;Land;Telefon\r\n");

  for (int i = 0; i < n; i++)
    {
      int row = i % 20 == 19 ? i - 1 : i; /* one in twenty repeats the row before */

      g_string_append_printf (csv, "%s %d;%s;person%d@example.org;Organisation %d;%s;+32 2 %06d\r\n",
                              family[row % G_N_ELEMENTS (family)], row, given[row % G_N_ELEMENTS (given)],
                              row, 1750 + row % 500, row % 2 ? "Belgique" : "DE", row);
    }
  return csv;
}

int
main (int argc, char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 10000;
  g_autofree char *dir = g_dir_make_tmp ("sec-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(SecImportTable) table = NULL;
  g_autoptr(SecImport) import = NULL;
  g_autoptr(SecImportUndo) undo = NULL;
  SecImportSummary s;
  gint64 t, t_all;
  clock_t c, c_all;
  double read_cpu, check_cpu;
  double read_ms, check_ms, apply_ms, undo_ms;

  setlocale (LC_ALL, "");
  store = sec_store_open (path, &error);
  g_assert_no_error (error);
  fill_database (store);
  csv = make_csv (n);

  c_all = c = clock ();
  t_all = t = g_get_monotonic_time ();
  table = sec_import_read_csv (csv->str, csv->len, NULL, 0, &error);
  g_assert_no_error (error);
  read_ms = elapsed_ms (t);
  read_cpu = cpu_ms (c);

  c = clock ();
  t = g_get_monotonic_time ();
  import = sec_import_new (store, SEC_TYPE_PERSON, g_steal_pointer (&table));
  g_assert_true (sec_import_check (import, NULL, &error));
  check_ms = elapsed_ms (t);
  check_cpu = cpu_ms (c);
  sec_import_get_summary (import, &s);
  g_print ("%d rows (%.1f MB): read %.0f ms (%.0f ms CPU), mapped and checked %.0f ms (%.0f ms CPU): "
           "preview ready in %.0f ms\n",
           n, csv->len / 1e6, read_ms, read_cpu, check_ms, check_cpu, read_ms + check_ms);
  g_print ("  would import %u, skip %u duplicates, %u invalid\n", s.imported, s.skipped, s.invalid);

  /* The backup the import makes first, on its own (this one is extra). */
  c = clock ();
  t = g_get_monotonic_time ();
  {
    g_autofree char *backup = sec_store_backup_before (store, SEC_BACKUP_REASON_BEFORE_IMPORT, &error);
    g_assert_no_error (error);
  }
  g_print ("of which the backup before: %.0f ms (%.0f ms CPU)\n", elapsed_ms (t), cpu_ms (c));

  c = clock ();
  t = g_get_monotonic_time ();
  g_assert_true (sec_import_apply (import, TRUE, &s, &undo, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  apply_ms = elapsed_ms (t);
  g_print ("import (backup before, one transaction): %.0f ms (%.0f ms CPU): %u imported, %u skipped; "
           "from file to database %.0f ms (%.0f ms CPU)\n", apply_ms, cpu_ms (c), s.imported, s.skipped,
           elapsed_ms (t_all), cpu_ms (c_all));

  c = clock ();
  t = g_get_monotonic_time ();
  g_assert_true (sec_import_undo (store, undo, &error));
  undo_ms = elapsed_ms (t);
  g_print ("undo of the whole import: %.0f ms (%.0f ms CPU)\n", undo_ms, cpu_ms (c));

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);
    g_autoptr(GDir) b = g_dir_open (backups, 0, NULL);

    while (b != NULL && (name = g_dir_read_name (b)) != NULL)
      {
        g_autofree char *p = g_build_filename (backups, name, NULL);
        g_unlink (p);
      }
    g_rmdir (backups);
    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return 0;
}
