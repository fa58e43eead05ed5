/* test-search.c: search from the index, across scripts
 *
 * The index must find exactly what reading every row's text would find,
 * stay in step with every change, and find Greek and Cyrillic names by the
 * Latin spellings people type (and the other way round).
 */
#include "config.h"

#include "core/base/sec-translit.h"
#include "core/meetings/sec-invitations.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include <sqlite3.h>

#include "core/store/sec-engine.h"
#include "core/store/sec-store-private.h"
#include "sec-test-util.h"

/* src/core/store/sec-engine-sqlite-private.h */
sqlite3 *_sec_engine_sqlite_get_db (SecEngine *engine);

typedef SecTestStoreFixture Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  sec_test_store_fixture_setup (f, "sec-test-search-XXXXXX", "search.db");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_close_store (f->store, f->dir);
  sec_test_store_fixture_clear (f);
}

static gint64
add_person (Fixture *f, const char *given, const char *family, const char *email)
{
  return sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", given, "family-name", family,
                          "email", email, NULL);
}

static gint64
count (Fixture *f, GType type, const char *search)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 n;

  sec_query_set_search (q, search);
  n = sec_store_count (f->store, type, q, &error);
  g_assert_no_error (error);
  return n;
}

/* The names of the people @search finds, in list order, joined by ", ". */
static char *
found (Fixture *f, const char *search)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  sec_query_set_search (q, search);
  people = sec_store_list (f->store, SEC_TYPE_PERSON, q, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, search), ==, people->len);
  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "",
                            sec_record_get_string (g_ptr_array_index (people, i), "family-name"));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* What a scan of every row's text finds: the rule the index must keep. */
static gint64
count_by_scan (Fixture *f, const char *search)
{
  g_autofree char *folded = sec_fold_for_search (search);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM people WHERE TRUE");
  g_autoptr(SecStmt) stmt = NULL;
  guint n = 0;

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_string_append_printf (sql, " AND search_text LIKE ?%u", ++n);
  stmt = sec_engine_prepare_once (_sec_store_get_engine (f->store), sql->str, NULL);
  n = 0;
  for (guint i = 0; words[i]; i++)
    if (*words[i])
      {
        g_autofree char *pattern = g_strdup_printf ("%%%s%%", words[i]);
        sec_stmt_bind_text (stmt, (int) ++n, pattern);
      }
  g_assert_cmpint (sec_stmt_step (stmt, NULL), ==, SEC_STEP_ROW);
  return sec_stmt_get_int64 (stmt, 0);
}

static void
test_latin_forms (void)
{
  struct { const char *in, *has; } cases[] = {
    { "Δήμητρα", "dimitra" },
    { "Νικόλαος Παπαδόπουλος", "nikolaos papadopoulos" },
    { "Γιώργος", "giorgos" },
    { "Ципов", "tsipov" },      /* Bulgarian BGN, the passport's spelling */
    { "Ципов", "cipov" },       /* ISO 9 */
    { "Щербаков", "shcherbakov" },
    { "Євген", "yevhen" },      /* Ukrainian BGN */
    { "Игорь", "igor" },        /* no soft sign */
    { "Ђоковић", "dokovic" },   /* the Serbian Latin alphabet, folded */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *forms = sec_translit_latin_forms (cases[i].in);
      g_autofree char *padded = g_strconcat (" ", forms, " ", NULL);
      g_autofree char *want = g_strconcat (" ", cases[i].has, " ", NULL);

      g_assert_nonnull (forms);
      if (strstr (padded, want) == NULL)
        g_error ("%s: \"%s\" lacks \"%s\"", cases[i].in, forms, cases[i].has);
      g_assert_false (sec_translit_needs_latin (forms));
    }
  g_assert_null (sec_translit_latin_forms ("Müller"));
  g_assert_null (sec_translit_latin_forms (""));
  g_assert_null (sec_translit_latin_forms (NULL));
  g_assert_null (sec_translit_latin_forms ("\xce"));  /* half a Greek letter */
  {
    g_autofree char *text = sec_fold_for_search ("Ципов Müller");
    g_assert_true (g_str_has_prefix (text, "ципов muller "));
  }
}

static void
test_across_scripts (Fixture *f, gconstpointer data)
{

  add_person (f, "Δήμητρα", "Παπαδοπούλου", NULL);
  add_person (f, "Νικόλαος", "Οικονόμου", NULL);
  add_person (f, "Иван", "Ципов", NULL);
  add_person (f, "Dimitra", "Papadopoulou", NULL);
  add_person (f, "Ivan", "Tsipov", NULL);
  add_person (f, "Anna", "Müller", NULL);

#define FINDS(search, names) \
  do { g_autofree char *got = found (f, search); g_assert_cmpstr (got, ==, names); } while (0)

  /* The Latin spellings people type find the Greek and Cyrillic names... */
  FINDS ("nikolaos", "Οικονόμου");
  FINDS ("Nikolaos Oikonomou", "Οικονόμου");
  FINDS ("cipov", "Ципов");
  /* ...and the names spelt so, too: */
  FINDS ("tsipov", "Tsipov, Ципов");
  FINDS ("dimitra", "Papadopoulou, Παπαδοπούλου");
  /* A name typed in Greek or Cyrillic finds its Latin namesakes. */
  FINDS ("Δήμητρα", "Papadopoulou, Παπαδοπούλου");
  FINDS ("ципов", "Tsipov, Ципов");
  FINDS ("ЦИПОВ иван", "Tsipov, Ципов");
  /* Accents and case as before. */
  FINDS ("MULLER", "Müller");
  FINDS ("δημητρα", "Papadopoulou, Παπαδοπούλου");
  FINDS ("nobody", "");
#undef FINDS
}

/* Words of three letters or more: exactly what a scan finds, through
 * inserts, changes and deletions. */
static void
test_index_matches_scan (Fixture *f, gconstpointer data)
{
  const char *given[] = { "Anna", "Jean-Pierre", "Łukasz", "Zoë", "Ólafur", "Μαρία", "Олена", "Mia", "O'Neil" };
  const char *family[] = { "Müller", "Dupont", "Kowalski", "Ó Súilleabháin", "Smith \"Smithy\"", "Παπαδάκη",
                           "Шевченко", "Gonçalves", "50% Ltd" };
  const char *searches[] = { "mull", "ann", "łuk", "lukasz", "sui", "smith \"s", "\"", "50%", "παπα", "papa",
                             "shevchenko", "sevcenko", "олена", "olena", "jean-p", "nçal", "ncal", "o'n",
                             "anna mull", "ann a", "zz", "example.org", "ueller" };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *email = g_strdup_printf ("p%u@example.org", i);
      gint64 id = add_person (f, given[i % G_N_ELEMENTS (given)], family[(i * 7) % G_N_ELEMENTS (family)],
                              i % 3 ? email : NULL);
      g_array_append_val (ids, id);
    }

  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
        {
          gint64 by_scan = count_by_scan (f, searches[i]);

          if (count (f, SEC_TYPE_PERSON, searches[i]) != by_scan)
            g_error ("round %u: \"%s\": the index finds %" G_GINT64_FORMAT ", a scan %" G_GINT64_FORMAT,
                     round, searches[i], count (f, SEC_TYPE_PERSON, searches[i]), by_scan);
        }
      g_assert_cmpint (count (f, SEC_TYPE_PERSON, "mull"), >, 0);

      /* Change a third of them and delete another third. */
      for (guint i = round; i < ids->len; i += 3)
        {
          gint64 id = g_array_index (ids, gint64, i);
          g_autoptr(SecRecord) r = sec_store_get (f->store, SEC_TYPE_PERSON, id, NULL);

          if (r == NULL)
            continue;
          if (i % 2)
            {
              sec_record_set_string (r, "family-name", family[(i + round) % G_N_ELEMENTS (family)]);
              g_assert_true (sec_store_update (f->store, r, &error));
            }
          else
            g_assert_true (sec_store_delete (f->store, SEC_TYPE_PERSON, id, &error));
          g_assert_no_error (error);
        }
    }

  /* Purging deleted entries leaves what is found as it was. */
  {
    gint64 before = count (f, SEC_TYPE_PERSON, "mull");
    g_assert_true (sec_store_search_index_optimize (f->store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, SEC_TYPE_PERSON, "mull"), ==, before);
    g_assert_cmpint (count_by_scan (f, "mull"), ==, before);
  }
}

/* A search's matches are read from the index once and kept
 * (sec-search-hits.c): what the store finds follows every change all the
 * same, made on its own connection (even when rolled back) or by another
 * one, and more searches than it keeps. */
static void
test_kept_matches (Fixture *f, gconstpointer data)
{
  const char *searches[] = { "mull", "ann", "mar", "sch", "ari", "nna", "mull", "m", "an", "mull" };
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) other = NULL;
  gint64 id;

  add_person (f, "Anna", "Müller", NULL);
  add_person (f, "Maria", "Schmidt", NULL);
  add_person (f, "Marianne", "Annaberg", NULL);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      if (strlen (searches[i]) >= 3)
        g_assert_cmpint (count (f, SEC_TYPE_PERSON, searches[i]), ==, count_by_scan (f, searches[i]));
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "m"), ==, 3);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "an"), ==, 2);

  id = add_person (f, "Otto", "Müllner", NULL);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "mull"), ==, 2);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "m"), ==, 4);
  /* A word start the index had no trigram for (" mx"): the trigrams kept
   * for "m" are read again. */
  add_person (f, "Zola", "Mxenge", NULL);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "m"), ==, 5);

  /* Inside a transaction the index is read (a rollback would empty what
   * is kept); after the rollback the deleted record is back. */
  g_assert_true (sec_store_begin (f->store, &error));
  g_assert_true (sec_store_delete (f->store, SEC_TYPE_PERSON, id, &error));
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "mull"), ==, 1);
  sec_store_rollback (f->store);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "mull"), ==, 2);
  {
    g_autofree char *names = found (f, "mull");
    g_assert_cmpstr (names, ==, "Müller, Müllner");
  }

  /* Another connection's commit. */
  other = sec_store_open (f->path, &error);
  g_assert_no_error (error);
  sec_test_insert (other, SEC_TYPE_PERSON, "given-name", "Mia", "family-name", "Mullins", NULL);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "mull"), ==, 3);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "m"), ==, 6);
  {
    g_autofree char *names = found (f, "mull");
    g_assert_cmpstr (names, ==, "Müller, Mullins, Müllner");
  }
  sec_store_close (other);
}

typedef struct {
  SecStore *writer;
  gboolean  filled; /* the reader's TEMP table of matches has had rows put in */
  gboolean  done;
} CommitBetween;

static void
note_fill (void          *data,
           int            op,
           const char    *database,
           const char    *table,
           sqlite3_int64  rowid)
{
  CommitBetween *c = data;

  if (op == SQLITE_INSERT && g_str_equal (database, "temp") && g_str_has_prefix (table, "sec_hits_"))
    c->filled = TRUE;
}

/* At the reader's commit of its fill of the matches, another connection
 * commits a new match: after the fill read the index, before the reader
 * reads the data's version again. */
static int
commit_between (void *data)
{
  CommitBetween *c = data;

  if (c->filled && !c->done)
    {
      c->done = TRUE;
      sec_test_insert (c->writer, SEC_TYPE_PERSON, "given-name", "Hugo", "family-name", "Hookway", NULL);
    }
  return 0;
}

/* Matches kept by a connection whose fill read the data before another
 * connection's commit are not used after it (a list's worker searching
 * while the window saved a person showed the search without them). */
static void
test_kept_matches_across_commit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) reader = NULL;
  g_autoptr(SecQuery) q = sec_query_new ();
  CommitBetween c = { f->store, FALSE, FALSE };
  sqlite3 *db;

  if (sec_test_is_pg ())
    {
      g_test_skip ("a file's own: a server keeps no matches");
      return;
    }
  add_person (f, "Anna", "Hooker", NULL);
  add_person (f, "Otto", "Hookham", NULL);
  reader = sec_store_open_for_reading (f->path, &error);
  g_assert_no_error (error);
  db = _sec_engine_sqlite_get_db (_sec_store_get_engine (reader));
  sqlite3_update_hook (db, note_fill, &c);
  sqlite3_commit_hook (db, commit_between, &c);

  sec_query_set_search (q, "hook");
  /* Read before the commit. */
  g_assert_cmpint (sec_store_count (reader, SEC_TYPE_PERSON, q, &error), ==, 2);
  g_assert_true (c.done);
  /* Read again after it. */
  g_assert_cmpint (sec_store_count (reader, SEC_TYPE_PERSON, q, &error), ==, 3);
  g_assert_no_error (error);
  sqlite3_commit_hook (db, NULL, NULL);
  sqlite3_update_hook (db, NULL, NULL);
}

/* One- and two-letter searches find the records with a word starting so. */
static void
test_short_words (Fixture *f, gconstpointer data)
{

  add_person (f, "Anna", "Müller", NULL);
  add_person (f, "Maria", "Schmidt", NULL);
  add_person (f, "Tom", "Emmer", NULL);
  add_person (f, "Μαρία", "Μαυρίδου", NULL);

  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "m"), ==, 3);  /* Müller, Maria, Μαρία (Maria) */
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "mü"), ==, 1);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "MU"), ==, 1);
  /* A Greek letter finds its Latin namesakes too. */
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "μ"), ==, 3);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "μαυ"), ==, 1);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "em"), ==, 1);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "a m"), ==, 1);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "q"), ==, 0);
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "x y"), ==, 0);
  /* Beside a longer word, a short one is found anywhere, as before. */
  g_assert_cmpint (count (f, SEC_TYPE_PERSON, "ria s"), ==, 1);
  /* Every kind searches the same way. */
  sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Ελληνικό Ίδρυμα", NULL);
  g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION, "ellin"), ==, 1);
  g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION, "e"), ==, 1);
  g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION, "ελλ"), ==, 1);
}

static void
test_check_in_across_scripts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  gint64 meeting = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "Plenary",
                                    "starts-at", "2027-03-01T09:00", "ends-at", "2027-03-01T17:00", NULL);
  gint64 people[] = { add_person (f, "Δήμητρα", "Παπαδοπούλου", NULL), add_person (f, "Ivan", "Tsipov", NULL) };

  if (sec_test_is_pg ())
    {
      /* The check-in folds names in SQL (sec_search_fold ()), a function
       * of the SQLite engine alone so far. */
      g_test_skip ("not on a PostgreSQL server yet");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *m = sec_test_id_text (meeting);
      g_autofree char *p = sec_test_id_text (people[i]);
      sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", m, "person", p, "status", "registered", NULL);
    }

  matches = sec_check_in_find (f->store, meeting, "dimitra", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpstr (((SecCheckInMatch *) g_ptr_array_index (matches, 0))->name, ==, "Δήμητρα Παπαδοπούλου");
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = sec_check_in_find (f->store, meeting, "Ципов", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpstr (((SecCheckInMatch *) g_ptr_array_index (matches, 0))->name, ==, "Ivan Tsipov");
}

int
main (int argc, char *argv[])
{
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/latin-forms", test_latin_forms);
  g_test_add ("/search/across-scripts", Fixture, NULL, fixture_setup, test_across_scripts, fixture_teardown);
  g_test_add ("/search/index-matches-scan", Fixture, NULL, fixture_setup, test_index_matches_scan, fixture_teardown);
  g_test_add ("/search/kept-matches", Fixture, NULL, fixture_setup, test_kept_matches, fixture_teardown);
  g_test_add ("/search/kept-matches-across-commit", Fixture, NULL, fixture_setup, test_kept_matches_across_commit,
              fixture_teardown);
  g_test_add ("/search/short-words", Fixture, NULL, fixture_setup, test_short_words, fixture_teardown);
  g_test_add ("/search/check-in", Fixture, NULL, fixture_setup, test_check_in_across_scripts, fixture_teardown);

  return g_test_run ();
}
