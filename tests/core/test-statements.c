/* test-statements.c: joint statements: signatories in signing order, the
 * predecessor chain, and the commitments grid with its progress. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cli/sec-demo.h"
#include "core/store/sec-records.h"
#include "core/statements/sec-statements.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char      *dir;
  char      *path;
  SecStore  *store;
  SecRecord *statement;       /* 2018 */
  SecRecord *signatories[3];  /* EASO, Europol, eu-LISA, in signing order */
  SecRecord *commitments[3];
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *agencies[][2] = {
    { "European Asylum Support Office", "EASO" },
    { "European Union Agency for Law Enforcement Cooperation", "Europol" },
    { "European Union Agency for the Operational Management of Large-Scale IT Systems", "eu-LISA" },
  };
  const char *commitments[] = {
    "Share data and analysis on trafficking in human beings",
    "Train staff to identify victims",
    "Address the gender dimension of trafficking",
  };

  f->dir = sec_test_make_tmp_dir ("sec-statements-XXXXXX");
  f->store = sec_test_open_store (f->dir, "test.db", &f->path);

  f->statement = sec_test_make (f->store, SEC_TYPE_STATEMENT,
                       "title", "Joint Statement of commitment to working together against trafficking in human beings",
                       "signed-on", "2018-06-13", "place", "Brussels", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    {
      g_autoptr(SecRecord) org = sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", agencies[i][0],
                                       "acronym", agencies[i][1], "kind", "eu-agency", NULL);

      f->signatories[i] = sec_record_new (SEC_TYPE_SIGNATORY);
      sec_record_set_ref (f->signatories[i], "organisation", sec_record_get_id (org));
      sec_record_set_string (f->signatories[i], "signer-position", "Executive Director");
      g_assert_true (sec_statement_append (f->store, SEC_STATEMENT (f->statement), f->signatories[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (sec_record_get_int (f->signatories[i], "position"), ==, (int) i + 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (commitments); i++)
    {
      f->commitments[i] = sec_record_new (SEC_TYPE_COMMITMENT);
      sec_record_set_string (f->commitments[i], "text", commitments[i]);
      g_assert_true (sec_statement_append (f->store, SEC_STATEMENT (f->statement), f->commitments[i], &error));
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->statement);
  for (guint i = 0; i < 3; i++)
    {
      g_clear_object (&f->signatories[i]);
      g_clear_object (&f->commitments[i]);
    }
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
id (SecRecord *r)
{
  return sec_record_get_id (r);
}

static SecFollowUp *
set (Fixture *f, guint commitment, guint signatory, int year, SecFollowUpStatus status, const char *date,
     const char *note, const char *evidence)
{
  g_autoptr(GError) error = NULL;
  SecFollowUp *fu = sec_statement_set_cell (f->store, id (f->commitments[commitment]), id (f->signatories[signatory]),
                                            year, status, date, note, evidence, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fu);
  return fu;
}

static void
test_status_nicks (void)
{
  SecFollowUpStatus status;

  for (guint i = 0; i < SEC_FOLLOW_UP_N_STATUSES; i++)
    {
      g_assert_true (sec_follow_up_status_from_nick (sec_follow_up_status_to_nick (i), &status));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_false (sec_follow_up_status_from_nick ("finished", &status));
  g_assert_cmpstr (sec_follow_up_status_label (SEC_FOLLOW_UP_IN_PROGRESS), ==, "In progress");
  g_assert_cmpstr (sec_follow_up_status_label (SEC_FOLLOW_UP_NOT_APPLICABLE), ==, "Not applicable");
}

static void
test_grid_and_progress (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStatementGrid) empty = NULL;
  g_autoptr(SecStatementGrid) grid = NULL;
  g_autoptr(SecStatementGrid) latest = NULL;
  g_autoptr(SecStatementGrid) y2020 = NULL;
  g_autoptr(SecFollowUp) a = NULL;
  g_autoptr(SecFollowUp) b = NULL;
  g_autoptr(SecFollowUp) again = NULL;
  const SecGridCell *cell;
  SecProgress p;

  /* Nothing recorded yet: 9 cells, all "not started". */
  empty = sec_statement_get_grid (f->store, SEC_STATEMENT (f->statement), 2019, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sec_statement_grid_get_n_commitments (empty), ==, 3);
  g_assert_cmpuint (sec_statement_grid_get_n_signatories (empty), ==, 3);
  sec_statement_grid_get_progress (empty, &p);
  g_assert_cmpuint (p.total, ==, 9);
  g_assert_cmpuint (p.unrecorded, ==, 9);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_NOT_STARTED], ==, 9);
  g_assert_cmpint (p.percent_done, ==, 0);

  /* 2019: EASO done two, Europol in progress on one, eu-LISA: one does
   * not apply. */
  a = set (f, 0, 0, 2019, SEC_FOLLOW_UP_DONE, "2019-11-30", "Data shared in the annual report",
           "https://www.easo.europa.eu/annual-report-2019");
  g_clear_object (&a);
  a = set (f, 1, 0, 2019, SEC_FOLLOW_UP_DONE, "2019-06-01", NULL, NULL);
  b = set (f, 1, 1, 2019, SEC_FOLLOW_UP_IN_PROGRESS, "2019-05-15", "Curriculum drafted", NULL);
  g_clear_object (&b);
  b = set (f, 2, 2, 2019, SEC_FOLLOW_UP_NOT_APPLICABLE, "2019-03-01", "No operational role", NULL);

  grid = sec_statement_get_grid (f->store, SEC_STATEMENT (f->statement), 2019, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_statement_grid_get_year (grid), ==, 2019);
  /* Rows and columns in order. */
  g_assert_cmpint (id (SEC_RECORD (sec_statement_grid_get_commitment (grid, 0))), ==, id (f->commitments[0]));
  g_assert_cmpint (id (SEC_RECORD (sec_statement_grid_get_signatory (grid, 2))), ==, id (f->signatories[2]));
  g_assert_cmpstr (sec_record_get_derived (SEC_RECORD (sec_statement_grid_get_signatory (grid, 1)),
                                           "organisation-acronym"), ==, "Europol");

  cell = sec_statement_grid_get_cell (grid, 0, 0);
  g_assert_cmpint (cell->commitment_id, ==, id (f->commitments[0]));
  g_assert_cmpint (cell->signatory_id, ==, id (f->signatories[0]));
  g_assert_cmpint (cell->status, ==, SEC_FOLLOW_UP_DONE);
  g_assert_cmpint (cell->year, ==, 2019);
  g_assert_cmpstr (cell->date, ==, "2019-11-30");
  g_assert_cmpstr (cell->note, ==, "Data shared in the annual report");
  g_assert_cmpstr (cell->evidence, ==, "https://www.easo.europa.eu/annual-report-2019");
  cell = sec_statement_grid_get_cell (grid, 1, 1);
  g_assert_cmpint (cell->status, ==, SEC_FOLLOW_UP_IN_PROGRESS);
  g_assert_null (cell->evidence);
  cell = sec_statement_grid_get_cell (grid, 0, 1);
  g_assert_cmpint (cell->follow_up_id, ==, 0);
  g_assert_cmpint (cell->status, ==, SEC_FOLLOW_UP_NOT_STARTED);
  g_assert_null (cell->date);
  cell = sec_statement_grid_find_cell (grid, id (f->commitments[2]), id (f->signatories[2]));
  g_assert_cmpint (cell->status, ==, SEC_FOLLOW_UP_NOT_APPLICABLE);
  g_assert_null (sec_statement_grid_find_cell (grid, id (f->commitments[2]), 9999));

  /* At a glance: 2 done of 8 that apply = 25 %. */
  sec_statement_grid_get_progress (grid, &p);
  g_assert_cmpuint (p.total, ==, 9);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_DONE], ==, 2);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_IN_PROGRESS], ==, 1);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_NOT_APPLICABLE], ==, 1);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_NOT_STARTED], ==, 5);
  g_assert_cmpuint (p.unrecorded, ==, 5);
  g_assert_cmpuint (p.applicable, ==, 8);
  g_assert_cmpint (p.percent_done, ==, 25);
  /* Per signatory: EASO 2 of 3 = 67 %; eu-LISA has one not applicable. */
  sec_statement_grid_get_column_progress (grid, 0, &p);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_DONE], ==, 2);
  g_assert_cmpint (p.percent_done, ==, 67);
  sec_statement_grid_get_column_progress (grid, 2, &p);
  g_assert_cmpuint (p.applicable, ==, 2);
  g_assert_cmpint (p.percent_done, ==, 0);
  /* Per commitment: the second, 1 done of 3. */
  sec_statement_grid_get_row_progress (grid, 1, &p);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_DONE], ==, 1);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_IN_PROGRESS], ==, 1);
  g_assert_cmpint (p.percent_done, ==, 33);

  /* Setting a cell again updates its follow-up rather than adding one;
   * a NULL note keeps the note, "" clears the evidence. */
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_FOLLOW_UP, NULL, NULL), ==, 4);
  again = set (f, 0, 0, 2019, SEC_FOLLOW_UP_IN_PROGRESS, "2019-12-15", NULL, "");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_FOLLOW_UP, NULL, NULL), ==, 4);
  g_assert_cmpstr (sec_record_get_string (SEC_RECORD (again), "note"), ==, "Data shared in the annual report");
  g_assert_null (sec_record_get_string (SEC_RECORD (again), "evidence"));
  g_assert_cmpstr (sec_record_get_string (SEC_RECORD (again), "date"), ==, "2019-12-15");
  g_clear_object (&again);

  /* 2020: a new year, a new follow-up. */
  again = set (f, 0, 0, 2020, SEC_FOLLOW_UP_DONE, "2020-10-01", "Report published", NULL);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_FOLLOW_UP, NULL, NULL), ==, 5);
  g_clear_object (&again);
  y2020 = sec_statement_get_grid (f->store, SEC_STATEMENT (f->statement), 2020, &error);
  sec_statement_grid_get_progress (y2020, &p);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_DONE], ==, 1);
  g_assert_cmpuint (p.unrecorded, ==, 8);
  g_assert_cmpint (p.percent_done, ==, 11);

  /* Year 0: each cell's latest follow-up, whatever its year. */
  latest = sec_statement_get_grid (f->store, SEC_STATEMENT (f->statement), 0, &error);
  g_assert_no_error (error);
  cell = sec_statement_grid_get_cell (latest, 0, 0);
  g_assert_cmpint (cell->status, ==, SEC_FOLLOW_UP_DONE);
  g_assert_cmpint (cell->year, ==, 2020);
  cell = sec_statement_grid_get_cell (latest, 1, 1);
  g_assert_cmpint (cell->status, ==, SEC_FOLLOW_UP_IN_PROGRESS);
  g_assert_cmpint (cell->year, ==, 2019);

  /* Several follow-ups in one cell (entered by hand): the latest date
   * counts, whatever the order they were entered in. */
  {
    g_autofree char *c = g_strdup_printf ("%" G_GINT64_FORMAT, id (f->commitments[2]));
    g_autofree char *s = g_strdup_printf ("%" G_GINT64_FORMAT, id (f->signatories[0]));
    g_autoptr(SecRecord) first = sec_test_make (f->store, SEC_TYPE_FOLLOW_UP, "commitment", c, "signatory", s,
                                       "year", "2021", "date", "2021-09-01", "status", "done", NULL);
    g_autoptr(SecRecord) earlier = sec_test_make (f->store, SEC_TYPE_FOLLOW_UP, "commitment", c, "signatory", s,
                                         "year", "2021", "date", "2021-02-01", "status", "in-progress", NULL);
    g_autoptr(SecStatementGrid) y2021 = sec_statement_get_grid (f->store, SEC_STATEMENT (f->statement), 2021, &error);
    g_autoptr(GArray) years = NULL;
    g_autoptr(SecFollowUp) updated = NULL;

    cell = sec_statement_grid_get_cell (y2021, 2, 0);
    g_assert_cmpint (cell->follow_up_id, ==, id (first));
    g_assert_cmpint (cell->status, ==, SEC_FOLLOW_UP_DONE);
    g_assert_cmpint (cell->year, ==, 2021);

    /* Setting that cell updates the latest one. */
    updated = set (f, 2, 0, 2021, SEC_FOLLOW_UP_IN_PROGRESS, "2021-10-01", "Reopened", NULL);
    g_assert_cmpint (id (SEC_RECORD (updated)), ==, id (first));
    g_assert_cmpint (sec_record_get_int (SEC_RECORD (updated), "year"), ==, 2021);

    /* The years a selector offers: 2018 to this year. */
    years = sec_statement_dup_years (f->store, SEC_STATEMENT (f->statement), &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_array_index (years, int, 0), ==, 2018);
    g_assert_cmpint (g_array_index (years, int, 3), ==, 2021);
    for (guint i = 1; i < years->len; i++)
      g_assert_cmpint (g_array_index (years, int, i), ==, g_array_index (years, int, i - 1) + 1);
  }

  /* The summary straight from the store. */
  g_assert_true (sec_statement_get_progress (f->store, SEC_STATEMENT (f->statement), 2019, &p, &error));
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_DONE], ==, 1);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_IN_PROGRESS], ==, 2);
  g_assert_cmpint (p.percent_done, ==, 13);
}

static void
test_grid_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) other = sec_test_make (f->store, SEC_TYPE_STATEMENT, "title", "Joint Statement 2011",
                                     "signed-on", "2011-10-18", NULL);
  g_autoptr(SecRecord) org = sec_test_make (f->store, SEC_TYPE_ORGANISATION, "name", "Frontex", "kind", "eu-agency", NULL);
  g_autoptr(SecRecord) foreign = sec_record_new (SEC_TYPE_SIGNATORY);
  g_autoptr(SecStatementGrid) grid = NULL;
  SecFollowUp *fu;
  SecProgress p;

  sec_record_set_ref (foreign, "organisation", id (org));
  g_assert_true (sec_statement_append (f->store, SEC_STATEMENT (other), foreign, &error));
  g_assert_no_error (error);

  /* A signatory of another statement. */
  fu = sec_statement_set_cell (f->store, id (f->commitments[0]), id (foreign), 2019,
                               SEC_FOLLOW_UP_DONE, NULL, NULL, NULL, &error);
  g_assert_null (fu);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A year out of range. */
  fu = sec_statement_set_cell (f->store, id (f->commitments[0]), id (f->signatories[0]), 19,
                               SEC_FOLLOW_UP_DONE, NULL, NULL, NULL, &error);
  g_assert_null (fu);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A missing commitment. */
  fu = sec_statement_set_cell (f->store, 9999, id (f->signatories[0]), 2019,
                               SEC_FOLLOW_UP_DONE, NULL, NULL, NULL, &error);
  g_assert_null (fu);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A bad evidence link: nothing is stored. */
  fu = sec_statement_set_cell (f->store, id (f->commitments[0]), id (f->signatories[0]), 2019,
                               SEC_FOLLOW_UP_DONE, NULL, NULL, "report.pdf", &error);
  g_assert_null (fu);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_FOLLOW_UP, NULL, NULL), ==, 0);

  /* Today by default. */
  fu = sec_statement_set_cell (f->store, id (f->commitments[0]), id (f->signatories[0]), 2019,
                               SEC_FOLLOW_UP_DONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_assert_cmpstr (sec_record_get_string (SEC_RECORD (fu), "date"), ==, today);
  }
  g_object_unref (fu);

  /* A follow-up without a signatory is not in the grid. */
  {
    g_autofree char *c = g_strdup_printf ("%" G_GINT64_FORMAT, id (f->commitments[1]));
    g_autoptr(SecRecord) general = sec_test_make (f->store, SEC_TYPE_FOLLOW_UP, "commitment", c, "year", "2019",
                                         "status", "done", NULL);
  }

  /* A statement with no commitments: an empty grid. */
  grid = sec_statement_get_grid (f->store, SEC_STATEMENT (other), 2019, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sec_statement_grid_get_n_commitments (grid), ==, 0);
  g_assert_cmpuint (sec_statement_grid_get_n_signatories (grid), ==, 1);
  sec_statement_grid_get_progress (grid, &p);
  g_assert_cmpuint (p.total, ==, 0);
  g_assert_cmpint (p.percent_done, ==, 0);
  g_clear_pointer (&grid, sec_statement_grid_unref);

  grid = sec_statement_get_grid (f->store, SEC_STATEMENT (f->statement), 2019, &error);
  sec_statement_grid_get_progress (grid, &p);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_DONE], ==, 1);
  g_assert_cmpuint (p.unrecorded, ==, 8);

  /* Every cell not applicable: nothing left to do. */
  for (guint c = 0; c < 3; c++)
    for (guint s = 0; s < 3; s++)
      g_object_unref (set (f, c, s, 2022, SEC_FOLLOW_UP_NOT_APPLICABLE, "2022-01-01", NULL, NULL));
  g_assert_true (sec_statement_get_progress (f->store, SEC_STATEMENT (f->statement), 2022, &p, &error));
  g_assert_cmpuint (p.applicable, ==, 0);
  g_assert_cmpint (p.percent_done, ==, 100);

  /* Deleting a signatory takes its follow-ups along. */
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_SIGNATORY, id (f->signatories[2]), &error));
  g_assert_no_error (error);
  g_assert_true (sec_statement_get_progress (f->store, SEC_STATEMENT (f->statement), 2022, &p, &error));
  g_assert_cmpuint (p.total, ==, 6);
}

static void
test_signing_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  /* eu-LISA moves first; the others follow, numbered again. */
  g_assert_true (sec_statement_move (f->store, f->signatories[2], 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_int (f->signatories[2], "position"), ==, 1);
  list = sec_statement_list_signatories (f->store, SEC_STATEMENT (f->statement), &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (sec_record_get_derived (g_ptr_array_index (list, 0), "organisation-acronym"), ==, "eu-LISA");
  g_assert_cmpstr (sec_record_get_derived (g_ptr_array_index (list, 1), "organisation-acronym"), ==, "EASO");
  g_assert_cmpstr (sec_record_get_derived (g_ptr_array_index (list, 2), "organisation-acronym"), ==, "Europol");
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (sec_record_get_int (g_ptr_array_index (list, i), "position"), ==, (int) i + 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* To the end (an index past it is the end). */
  g_assert_true (sec_statement_move (f->store, f->signatories[2], 10, &error));
  list = sec_statement_list_signatories (f->store, SEC_STATEMENT (f->statement), &error);
  g_assert_cmpstr (sec_record_get_derived (g_ptr_array_index (list, 2), "organisation-acronym"), ==, "eu-LISA");
  g_assert_cmpint (sec_record_get_int (g_ptr_array_index (list, 2), "position"), ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Commitments too; the grid follows the order. */
  g_assert_true (sec_statement_move (f->store, f->commitments[0], 2, &error));
  list = sec_statement_list_commitments (f->store, SEC_STATEMENT (f->statement), &error);
  g_assert_cmpint (id (g_ptr_array_index (list, 2)), ==, id (f->commitments[0]));
  {
    g_autoptr(SecStatementGrid) grid = sec_statement_get_grid (f->store, SEC_STATEMENT (f->statement), 2019, &error);
    g_assert_cmpint (id (SEC_RECORD (sec_statement_grid_get_commitment (grid, 0))), ==, id (f->commitments[1]));
    g_assert_cmpint (id (SEC_RECORD (sec_statement_grid_get_signatory (grid, 2))), ==, id (f->signatories[2]));
  }

  /* A deleted one cannot move. */
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_COMMITMENT, id (f->commitments[1]), &error));
  g_assert_false (sec_statement_move (f->store, f->commitments[1], 0, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
}

static void
test_predecessors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) s2011 = sec_test_make (f->store, SEC_TYPE_STATEMENT, "title", "Joint Statement 2011",
                                     "signed-on", "2011-10-18", NULL);
  g_autoptr(SecRecord) s2009 = sec_test_make (f->store, SEC_TYPE_STATEMENT, "title", "Statement 2009",
                                     "signed-on", "2009-06-01", NULL);
  g_autoptr(GPtrArray) chain = NULL;

  sec_record_set_ref (f->statement, "predecessor", id (s2011));
  g_assert_true (sec_store_update (f->store, f->statement, &error));
  sec_record_set_ref (s2011, "predecessor", id (s2009));
  g_assert_true (sec_store_update (f->store, s2011, &error));

  chain = sec_statement_dup_predecessors (f->store, SEC_STATEMENT (f->statement), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 2);
  g_assert_cmpint (id (g_ptr_array_index (chain, 0)), ==, id (s2011));
  g_assert_cmpint (id (g_ptr_array_index (chain, 1)), ==, id (s2009));
  g_clear_pointer (&chain, g_ptr_array_unref);

  /* A loop (2009 said to build on 2018) stops. */
  sec_record_set_ref (s2009, "predecessor", id (f->statement));
  g_assert_true (sec_store_update (f->store, s2009, &error));
  chain = sec_statement_dup_predecessors (f->store, SEC_STATEMENT (f->statement), &error);
  g_assert_cmpuint (chain->len, ==, 2);
}

/* The demo's 2018 Joint Statement: ten agencies in the order of the press
 * release, building on 2011, followed in 2019 and 2020. */
static void
test_demo_statement (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sec-statements-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(SecStore) store = sec_store_open (path, &error);
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(SecStatementGrid) latest = NULL;
  g_autoptr(SecStatementGrid) y2019 = NULL;
  SecRecord *statement;
  SecProgress p;
  guint n_commitments;

  g_assert_no_error (error);
  g_assert_true (sec_demo_fill (store, &error));
  g_assert_no_error (error);
  sec_query_add (q, "signed-on", SEC_QUERY_EQUALS, "2018-06-13");
  found = sec_store_list (store, SEC_TYPE_STATEMENT, q, &error);
  g_assert_cmpuint (found->len, ==, 1);
  statement = g_ptr_array_index (found, 0);

  chain = sec_statement_dup_predecessors (store, SEC_STATEMENT (statement), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 1);
  g_assert_cmpstr (sec_record_get_string (g_ptr_array_index (chain, 0), "signed-on"), ==, "2011-10-18");

  latest = sec_statement_get_grid (store, SEC_STATEMENT (statement), 0, &error);
  g_assert_no_error (error);
  n_commitments = sec_statement_grid_get_n_commitments (latest);
  g_assert_cmpuint (n_commitments, ==, g_ascii_strtoull (sec_record_get_derived (statement, "commitment-count"), NULL, 10));
  g_assert_cmpuint (sec_statement_grid_get_n_signatories (latest), ==, 10);
  g_assert_cmpstr (sec_record_get_derived (SEC_RECORD (sec_statement_grid_get_signatory (latest, 0)),
                                           "organisation-acronym"), ==, "EASO");
  g_assert_cmpstr (sec_record_get_derived (SEC_RECORD (sec_statement_grid_get_signatory (latest, 5)),
                                           "organisation-acronym"), ==, "EIGE");
  sec_statement_grid_get_progress (latest, &p);
  g_assert_cmpuint (p.total, ==, n_commitments * 10);
  /* Every agency reported in 2019, all but eu-LISA in 2020: the latest
   * grid has every cell, eu-LISA's from 2019. */
  g_assert_cmpuint (p.unrecorded, ==, 0);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_DONE], ==, 19);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_IN_PROGRESS], ==, 19);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_NOT_STARTED], ==, 4);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_NOT_APPLICABLE], ==, 8);

  y2019 = sec_statement_get_grid (store, SEC_STATEMENT (statement), 2019, &error);
  sec_statement_grid_get_progress (y2019, &p);
  g_assert_cmpuint (p.unrecorded, ==, 0);
  g_assert_cmpuint (p.counts[SEC_FOLLOW_UP_DONE], ==, 3);

  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&chain, g_ptr_array_unref);
  g_clear_object (&store);
  sec_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/statements/status-nicks", test_status_nicks);
  g_test_add_func ("/statements/demo-2018-statement", test_demo_statement);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/statements/grid-and-progress", test_grid_and_progress);
  ADD ("/statements/grid-refusals", test_grid_refusals);
  ADD ("/statements/signing-order", test_signing_order);
  ADD ("/statements/predecessors", test_predecessors);
#undef ADD

  return g_test_run ();
}
