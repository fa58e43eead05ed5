/* test-cli.c: the command line, run as the real program ($SECRETARIAT) on
 * temporary databases */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "core/base/sec-fold.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

static const char *const list_kinds[] = {
  "organisations", "people", "bodies", "meetings", "calls", "statements",
  "programmes", "funding-calls", "projects", NULL
};

typedef struct {
  char *dir;   /* also $XDG_DATA_HOME, so the default database is in here */
  char *path;  /* dir/test.db */
} Fixture;


static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Runs `secretariat ARGS…` (NULL-terminated) and returns its exit status
 * and output. */
static SecTestResult
run_argv (Fixture           *f,
          const char *const *args)
{
  return sec_test_run_secretariat (f->dir, NULL, NULL, args);
}

#define run(f, ...) run_argv ((f), (const char *const[]) { __VA_ARGS__, NULL })

/* The lines of @text, without the final empty one. (transfer full) */
static GStrv
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;
  return g_steal_pointer (&lines);
}

static guint
count_listed (GType type)
{
  const SecKind *kind = sec_kind_from_type (type);
  guint n = 0;

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SEC_FIELD_LISTED)
      n++;
  return n;
}

/* Every line: an id, then one column per listed field; ids unique. */
static GStrv
check_lines (const char *out,
             GType       type)
{
  g_auto(GStrv) lines = split_lines (out);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint expected = 1 + count_listed (type);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);
      guint64 id;

      g_assert_cmpuint (g_strv_length (columns), ==, expected);
      g_assert_true (g_ascii_string_to_unsigned (columns[0], 10, 1, G_MAXINT64, &id, NULL));
      g_assert_false (g_hash_table_contains (ids, columns[0]));
      g_hash_table_add (ids, g_strdup (columns[0]));
    }
  return g_steal_pointer (&lines);
}

static int
column_of (GType       type,
           const char *field)
{
  const SecKind *kind = sec_kind_from_type (type);
  int column = 1;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (!(kind->fields[i].flags & SEC_FIELD_LISTED))
        continue;
      if (g_str_equal (kind->fields[i].name, field))
        return column;
      column++;
    }
  g_assert_not_reached ();
}

/* The column @field of each line. (transfer full) */
static GStrv
column_values (GStrv       lines,
               GType       type,
               const char *field)
{
  int column = column_of (type, field);
  GStrv values = g_new0 (char *, g_strv_length (lines) + 1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);
      values[i] = g_strdup (columns[column]);
    }
  return values;
}

static void
fill_demo (Fixture *f)
{
  g_auto(SecTestResult) r = run (f, "--database", f->path, "demo");

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, f->path));
}

static gint64
count_in_store (Fixture    *f,
                GType       type,
                const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (f->path, &error);
  g_autoptr(SecQuery) query = sec_query_new ();
  gint64 n;

  g_assert_no_error (error);
  if (search != NULL)
    sec_query_set_search (query, search);
  n = sec_store_count (store, type, query, &error);
  g_assert_no_error (error);
  sec_store_close (store);
  return n;
}

/* Tests */

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill_demo (f);
  g_assert_cmpint (count_in_store (f, SEC_TYPE_BODY, NULL), ==, 4);
  before = sec_test_checksum_file (f->path);

  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "demo");

    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_nonnull (strstr (r.err, f->path));
    g_assert_nonnull (strstr (r.err, "already holds"));
    g_assert_nonnull (strstr (r.err, "demo data goes into an empty database only"));
    /* One line. */
    g_assert_nonnull (strchr (r.err, '\n'));
    g_assert_cmpstr (strchr (r.err, '\n'), ==, "\n");
  }

  after = sec_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  fill_demo (f);

  for (guint k = 0; list_kinds[k]; k++)
    {
      GType type = sec_record_kind_lookup (list_kinds[k]);
      const char *singular = sec_kind_from_type (type)->name;
      g_auto(SecTestResult) r = run (f, "--database", f->path, "list", list_kinds[k]);
      g_auto(SecTestResult) r1 = run (f, "list", singular, "--database", f->path);
      g_auto(GStrv) lines = NULL;

      g_assert_cmpstr (r.err, ==, "");
      g_assert_cmpint (r.status, ==, 0);
      lines = check_lines (r.out, type);
      g_assert_cmpint (g_strv_length (lines), ==, count_in_store (f, type, NULL));
      g_assert_cmpint (g_strv_length (lines), >, 0);

      /* The singular names the same kind; --database may follow the command. */
      g_assert_cmpint (r1.status, ==, 0);
      g_assert_cmpstr (r1.out, ==, r.out);
    }
}

static void
test_list_references (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(SecTestResult) people = { 0 };
  g_auto(SecTestResult) calls = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) organisations = NULL;
  g_auto(GStrv) bodies = NULL;
  gboolean named = FALSE;

  fill_demo (f);

  /* References print as the name of the record, not its id. */
  people = run (f, "--database", f->path, "list", "people");
  lines = check_lines (people.out, SEC_TYPE_PERSON);
  organisations = column_values (lines, SEC_TYPE_PERSON, "organisation");
  for (guint i = 0; organisations[i]; i++)
    {
      g_assert_false (g_ascii_string_to_unsigned (organisations[i], 10, 0, G_MAXINT64, NULL, NULL));
      named |= g_str_equal (organisations[i], "Fundacja „Wolna Droga” Łódź");
    }
  g_assert_true (named);

  calls = run (f, "--database", f->path, "list", "calls");
  g_clear_pointer (&lines, g_strfreev);
  lines = check_lines (calls.out, SEC_TYPE_CALL);
  bodies = column_values (lines, SEC_TYPE_CALL, "body");
  for (guint i = 0; bodies[i]; i++)
    g_assert_cmpstr (bodies[i], ==, "Civil Society Platform");

  /* Choices as their nick, dates and times in ISO 8601. */
  {
    g_auto(SecTestResult) meetings = run (f, "--database", f->path, "list", "meetings");
    g_auto(GStrv) meeting_lines = check_lines (meetings.out, SEC_TYPE_MEETING);
    g_auto(GStrv) kinds = column_values (meeting_lines, SEC_TYPE_MEETING, "kind");
    g_auto(GStrv) starts = column_values (meeting_lines, SEC_TYPE_MEETING, "starts-at");

    g_assert_true (g_strv_contains ((const char *const *) kinds, "joint-session"));
    for (guint i = 0; starts[i]; i++)
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$", starts[i], 0, 0));
  }
}

static void
test_list_search (Fixture       *f,
                  gconstpointer  data)
{
  fill_demo (f);

  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "list", "organisations", "--search", "lodz");
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (r.status, ==, 0);
    lines = check_lines (r.out, SEC_TYPE_ORGANISATION);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_nonnull (strstr (lines[0], "Łódź"));
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "list", "people", "--search", "muller");
    g_auto(SecTestResult) upper = run (f, "--database", f->path, "list", "people", "-s", "MÜLLER");
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (r.status, ==, 0);
    lines = check_lines (r.out, SEC_TYPE_PERSON);
    g_assert_cmpuint (g_strv_length (lines), ==, count_in_store (f, SEC_TYPE_PERSON, "muller"));
    g_assert_cmpuint (g_strv_length (lines), >=, 1);
    for (guint i = 0; lines[i]; i++)
      g_assert_nonnull (strstr (lines[i], "Müller"));
    g_assert_cmpstr (upper.out, ==, r.out);
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "list", "people", "--search", "кирил");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Кирил\tПетров"));
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "list", "meetings", "--search", "no such words");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
  }
}

/* Names in the order of the language (en_US here), meetings by start. */
static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  fill_demo (f);

  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "list", "organisations");
    g_auto(GStrv) lines = check_lines (r.out, SEC_TYPE_ORGANISATION);
    g_auto(GStrv) names = column_values (lines, SEC_TYPE_ORGANISATION, "name");

    for (guint i = 1; names[i]; i++)
      {
        g_autofree char *a = sec_collate_key (names[i - 1]);
        g_autofree char *b = sec_collate_key (names[i]);

        g_assert_cmpstr (a, <=, b);
      }
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "list", "people");
    g_auto(GStrv) lines = check_lines (r.out, SEC_TYPE_PERSON);
    g_auto(GStrv) family = column_values (lines, SEC_TYPE_PERSON, "family-name");
    int astrom = -1, balaz = -1, lindqvist = -1, lukasiewicz = -1, makinen = -1;

    for (guint i = 1; family[i]; i++)
      {
        g_autofree char *a = sec_collate_key (family[i - 1]);
        g_autofree char *b = sec_collate_key (family[i]);

        g_assert_cmpstr (a, <=, b);
      }
    /* Letters with marks sort with their base letter, not after Z. */
    for (int i = 0; family[i]; i++)
      {
        if (g_str_equal (family[i], "Åström")) astrom = i;
        if (g_str_equal (family[i], "Baláž")) balaz = i;
        if (g_str_equal (family[i], "Lindqvist")) lindqvist = i;
        if (g_str_equal (family[i], "Łukasiewicz")) lukasiewicz = i;
        if (g_str_equal (family[i], "Mäkinen")) makinen = i;
      }
    g_assert_cmpint (astrom, >=, 0);
    g_assert_cmpint (astrom, <, balaz);
    g_assert_cmpint (lindqvist, >=, 0);
    g_assert_cmpint (lindqvist, <, lukasiewicz);
    g_assert_cmpint (lukasiewicz, <, makinen);
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "list", "meetings");
    g_auto(GStrv) lines = check_lines (r.out, SEC_TYPE_MEETING);
    g_auto(GStrv) starts = column_values (lines, SEC_TYPE_MEETING, "starts-at");

    g_assert_cmpuint (g_strv_length (starts), ==, 3);
    for (guint i = 1; starts[i]; i++)
      g_assert_cmpstr (starts[i - 1], <=, starts[i]);
  }
}

/* More records than `list` reads at a time; values with tabs and line
 * breaks stay on their record's line. */
static void
test_list_many (Fixture       *f,
                gconstpointer  data)
{
  const guint n = 1203;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open (f->path, &error);
  g_auto(SecTestResult) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) cities = NULL;

  g_assert_no_error (error);
  g_assert_true (sec_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SecRecord) o = sec_record_new (SEC_TYPE_ORGANISATION);
      g_autofree char *name = g_strdup_printf ("Organisation\t%04u", (i * 7919) % n);

      sec_record_set_string (o, "name", name);
      sec_record_set_string (o, "city", "Line one\nLine two");
      g_assert_true (sec_store_insert (store, o, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sec_store_commit (store, &error));
  sec_store_close (store);

  r = run (f, "--database", f->path, "list", "organisations");
  g_assert_cmpint (r.status, ==, 0);
  lines = check_lines (r.out, SEC_TYPE_ORGANISATION);
  g_assert_cmpuint (g_strv_length (lines), ==, n);
  names = column_values (lines, SEC_TYPE_ORGANISATION, "name");
  cities = column_values (lines, SEC_TYPE_ORGANISATION, "city");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Organisation %04u", i);

      g_assert_cmpstr (names[i], ==, expected);
      g_assert_cmpstr (cities[i], ==, "Line one Line two");
    }
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *args[5];
    const char *named;    /* what the message must name */
  } cases[] = {
    { { "frobnicate" }, "frobnicate" },
    { { "--frobnicate" }, "--frobnicate" },
    { { "--database" }, "--database" },
    { { "list" }, "KIND" },
    { { "list", "frobs" }, "frobs" },
    { { "list", "memberships" }, "memberships" },
    { { "list", "--frobnicate", "people" }, "--frobnicate" },
    { { "list", "people", "extra" }, "extra" },
    { { "list", "people", "--search" }, "--search" },
    { { "demo", "extra" }, "extra" },
    { { "demo", "--frobnicate" }, "--frobnicate" },
    { { "help", "frobnicate" }, "frobnicate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(SecTestResult) r = { 0 };

      if (!g_str_equal (cases[i].args[0], "--database"))
        {
          g_ptr_array_add (args, "--database");
          g_ptr_array_add (args, f->path);
        }
      for (guint j = 0; cases[i].args[j]; j++)
        g_ptr_array_add (args, (char *) cases[i].args[j]);
      g_ptr_array_add (args, NULL);

      r = run_argv (f, (const char *const *) args->pdata);
      g_test_message ("%s → %d: %s", cases[i].args[0], r.status, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_nonnull (strstr (r.err, cases[i].named));
      g_assert_nonnull (strstr (r.err, "--help”"));
      /* One line. */
      g_assert_cmpstr (strchr (r.err, '\n'), ==, "\n");
    }

  /* Nothing was opened or created. */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const struct {
    const char *args[3];
    const char *usage;
  } cases[] = {
    { { "--help" }, "secretariat [OPTION…] [COMMAND" },
    { { "-h" }, "secretariat [OPTION…] [COMMAND" },
    { { "help" }, "secretariat [OPTION…] [COMMAND" },
    { { "demo", "--help" }, "secretariat demo [OPTION…]" },
    { { "help", "demo" }, "secretariat demo [OPTION…]" },
    { { "list", "--help" }, "secretariat list [OPTION…] KIND" },
    { { "help", "list" }, "secretariat list [OPTION…] KIND" },
    { { "list", "-h" }, "secretariat list [OPTION…] KIND" },
    { { "help", "--help" }, "secretariat help [OPTION…] [COMMAND]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SecTestResult) r = run_argv (f, cases[i].args);

      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      g_assert_nonnull (strstr (r.out, "Usage:"));
      g_assert_nonnull (strstr (r.out, cases[i].usage));
      g_assert_nonnull (strstr (r.out, "--help"));
    }

  {
    g_auto(SecTestResult) r = run (f, "--help");

    /* The commands, the database option and the exit statuses. */
    g_assert_nonnull (strstr (r.out, "  demo "));
    g_assert_nonnull (strstr (r.out, "  list "));
    g_assert_nonnull (strstr (r.out, "--database=FILE"));
    g_assert_nonnull (strstr (r.out, "secretariat/secretariat.db"));
    g_assert_nonnull (strstr (r.out, "Exit status"));
  }
  {
    g_auto(SecTestResult) r = run (f, "list", "--help");

    g_assert_nonnull (strstr (r.out, "--search=TEXT"));
    g_assert_nonnull (strstr (r.out, "organisations, people, bodies, meetings, calls, statements, programmes, funding-calls or projects"));
  }
  {
    g_auto(SecTestResult) r = run (f, "--version");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "secretariat " PACKAGE_VERSION "\n");
  }

  /* Help opens no database. */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *data_dir = g_build_filename (f->dir, "secretariat", NULL);
    g_assert_false (g_file_test (data_dir, G_FILE_TEST_EXISTS));
  }
}

static void
check_refused (Fixture *f,
               SecTestResult  *r)
{
  g_assert_cmpint (r->status, ==, 1);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_nonnull (strstr (r->err, f->path));
  g_assert_nonnull (strstr (r->err, "not a Secretariat database"));
}

/* A file that is not a database is refused with its name, and left byte
 * for byte as it was. */
static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new ("Minutes of the meeting\n");

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "%u. Łódź, Ελληνικό, Müller\n", i);
  g_file_set_contents (f->path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);
  before = sec_test_checksum_file (f->path);

  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "demo");
    check_refused (f, &r);
  }
  {
    g_auto(SecTestResult) r = run (f, "--database", f->path, "list", "organisations");
    check_refused (f, &r);
  }
  {
    g_auto(SecTestResult) r = run (f, "list", "people", "--search", "x", "--database", f->path);
    check_refused (f, &r);
  }

  after = sec_test_checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }
}

/* `list` reads a database; it does not create one. */
static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_auto(SecTestResult) r = run (f, "--database", f->path, "list", "people");

  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, f->path));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* Without --database: $XDG_DATA_HOME/secretariat/secretariat.db, private. */
static void
test_default_path (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "secretariat", "secretariat.db", NULL);
  g_auto(SecTestResult) demo = run (f, "demo");
  g_auto(SecTestResult) list = run (f, "list", "bodies");
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, path));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (list.status, ==, 0);
  lines = check_lines (list.out, SEC_TYPE_BODY);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/demo", Fixture, NULL, fixture_setup, test_demo, fixture_teardown);
  g_test_add ("/cli/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/cli/list/references", Fixture, NULL, fixture_setup, test_list_references, fixture_teardown);
  g_test_add ("/cli/list/search", Fixture, NULL, fixture_setup, test_list_search, fixture_teardown);
  g_test_add ("/cli/list/order", Fixture, NULL, fixture_setup, test_list_order, fixture_teardown);
  g_test_add ("/cli/list/many", Fixture, NULL, fixture_setup, test_list_many, fixture_teardown);
  g_test_add ("/cli/usage-errors", Fixture, NULL, fixture_setup, test_usage_errors, fixture_teardown);
  g_test_add ("/cli/help", Fixture, NULL, fixture_setup, test_help, fixture_teardown);
  g_test_add ("/cli/not-a-database", Fixture, NULL, fixture_setup, test_not_a_database, fixture_teardown);
  g_test_add ("/cli/missing", Fixture, NULL, fixture_setup, test_missing, fixture_teardown);
  g_test_add ("/cli/default-path", Fixture, NULL, fixture_setup, test_default_path, fixture_teardown);

  return g_test_run ();
}
