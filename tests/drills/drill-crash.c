/* drill-crash.c: the crash drill. A child process writes through the store
 * (single writes, grouped writes, updates, deletions and their undo, and the
 * migration of an old database) and tells the parent through a pipe about
 * each write before it tries it and again once the store said it was
 * committed. The parent kills the child with SIGKILL after a random delay,
 * many times over, and after each kill checks the file with SQLite alone:
 * integrity_check and foreign_key_check pass, every write reported committed
 * is there, and nothing else is, except perhaps the one write the child was
 * doing when it died. Then the store must open the file as usual.
 *
 * Usage: drill-crash [KILLS [SEED]]  (defaults: 200 kills, a random seed,
 * printed so that a failure can be replayed; the kill points depend on the
 * machine's speed too).
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

/* A fresh version 1 database every this many kills, so that kills also land
 * in migrations and the file stays small enough to check quickly. */
#define RESET_EVERY 10
/* The child stops by itself after this many writes. */
#define MAX_WRITES 400

typedef struct {
  gint64 org;        /* 0: none */
  char  *name;
} Person;

/* What the parent knows must be in the file. */
typedef struct {
  GHashTable *orgs;    /* id -> name (char *) */
  GHashTable *people;  /* id -> Person */
  GHashTable *undo;    /* organisation id deleted -> GArray of people ids it had */
  int         version; /* lowest user_version the file may have */
} Model;

static char *db_path;

static void
person_free (gpointer data)
{
  Person *p = data;

  g_free (p->name);
  g_free (p);
}

static void
model_init (Model *m)
{
  m->orgs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, person_free);
  m->undo = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  m->version = 1;
}

static void
model_clear (Model *m)
{
  g_clear_pointer (&m->orgs, g_hash_table_unref);
  g_clear_pointer (&m->people, g_hash_table_unref);
  g_clear_pointer (&m->undo, g_hash_table_unref);
}

static void
model_copy (Model *dst, const Model *src)
{
  GHashTableIter it;
  gpointer k, v;

  model_init (dst);
  dst->version = src->version;
  g_hash_table_iter_init (&it, src->orgs);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (dst->orgs, g_memdup2 (k, sizeof (gint64)), g_strdup (v));
  g_hash_table_iter_init (&it, src->people);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      Person *p = g_new0 (Person, 1);
      p->org = ((Person *) v)->org;
      p->name = g_strdup (((Person *) v)->name);
      g_hash_table_insert (dst->people, g_memdup2 (k, sizeof (gint64)), p);
    }
  g_hash_table_iter_init (&it, src->undo);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (dst->undo, g_memdup2 (k, sizeof (gint64)), g_array_ref (v));
}

static void
model_add_org (Model *m, gint64 id, const char *name)
{
  g_hash_table_insert (m->orgs, g_memdup2 (&id, sizeof id), g_strdup (name));
}

static void
model_add_person (Model *m, gint64 id, gint64 org, const char *name)
{
  Person *p = g_new0 (Person, 1);

  p->org = org;
  p->name = g_strdup (name);
  g_hash_table_insert (m->people, g_memdup2 (&id, sizeof id), p);
}

/* The file as SQLite sees it */

static void
exec_sql (sqlite3 *db, const char *sql)
{
  char *err = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
}

/* The rows make_version_1() writes, in the model. */
static void
make_version_1 (const char *path, Model *m)
{
  guint n;
  const SecMigration *mig = sec_schema_get_migrations (&n);
  sqlite3 *db = NULL;

  g_assert_cmpint (mig[0].version, ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, mig[0].sql);
  exec_sql (db, "PRAGMA user_version = 1");
  exec_sql (db,
            "INSERT INTO organisations (id, created_at, updated_at, name, kind, country)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Fundacja Łódź', 'civil-society', 'PL');"
            "INSERT INTO people (id, created_at, updated_at, given_name, family_name, organisation_id)"
            " VALUES (1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'Anna', 'Müller', 1);");
  sqlite3_close (db);
  model_add_org (m, 1, "Fundacja Łódź");
  model_add_person (m, 1, 1, "Müller");
}

/* Reads the file into @out; FALSE with @problem when SQLite finds it
 * damaged. */
static gboolean
read_file (const char *path, Model *out, char **problem)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  model_init (out);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      *problem = g_strdup_printf ("open: %s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      *problem = g_strdup_printf ("integrity_check: %s",
                                  stmt ? (const char *) sqlite3_column_text (stmt, 0) : sqlite3_errmsg (db));
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (ok && (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK ||
             sqlite3_step (stmt) != SQLITE_DONE))
    {
      *problem = g_strdup_printf ("foreign_key_check: a broken reference in %s",
                                  stmt ? (const char *) sqlite3_column_text (stmt, 0) : sqlite3_errmsg (db));
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (ok)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      out->version = sqlite3_column_int (stmt, 0);
      g_clear_pointer (&stmt, sqlite3_finalize);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, name FROM organisations", -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        model_add_org (out, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1));
      g_clear_pointer (&stmt, sqlite3_finalize);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, organisation_id, family_name FROM people", -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        model_add_person (out, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2));
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  sqlite3_close (db);
  return ok;
}

/* NULL when the records of @a and @b are the same; else what differs. */
static char *
model_diff (const Model *want, const Model *got)
{
  GHashTableIter it;
  gpointer k, v;

  g_hash_table_iter_init (&it, want->orgs);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      const char *name = g_hash_table_lookup (got->orgs, k);
      if (g_strcmp0 (name, v) != 0)
        return g_strdup_printf ("organisation %" G_GINT64_FORMAT " should be “%s”, is “%s”",
                                *(gint64 *) k, (char *) v, name ? name : "(missing)");
    }
  g_hash_table_iter_init (&it, got->orgs);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (!g_hash_table_contains (want->orgs, k))
      return g_strdup_printf ("organisation %" G_GINT64_FORMAT " “%s” was never committed",
                              *(gint64 *) k, (char *) v);
  g_hash_table_iter_init (&it, want->people);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      Person *w = v, *g = g_hash_table_lookup (got->people, k);
      if (g == NULL || g->org != w->org || g_strcmp0 (g->name, w->name) != 0)
        return g_strdup_printf ("person %" G_GINT64_FORMAT " should be “%s” of %" G_GINT64_FORMAT
                                ", is “%s” of %" G_GINT64_FORMAT, *(gint64 *) k, w->name, w->org,
                                g ? g->name : "(missing)", g ? g->org : 0);
    }
  g_hash_table_iter_init (&it, got->people);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (!g_hash_table_contains (want->people, k))
      return g_strdup_printf ("person %" G_GINT64_FORMAT " “%s” was never committed",
                              *(gint64 *) k, ((Person *) v)->name);
  return NULL;
}

/* The child: writes, and says so */

static int report_fd;

static void
say (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *fmt, ...)
{
  va_list ap;
  g_autofree char *line = NULL;
  size_t len;

  va_start (ap, fmt);
  line = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  len = strlen (line);
  /* One write() of less than PIPE_BUF bytes: the line arrives whole or not
   * at all. */
  g_assert_cmpuint (len, <, 512);
  if (write (report_fd, line, len) != (ssize_t) len)
    _exit (3);
}

static void
child_fail (const char *what, GError *error)
{
  g_printerr ("drill-crash: child: %s: %s\n", what, error ? error->message : "?");
  _exit (2);
}

static SecRecord *
new_org (const char *name)
{
  SecRecord *r = sec_record_new (SEC_TYPE_ORGANISATION);

  sec_record_set_string (r, "name", name);
  return r;
}

static SecRecord *
new_person (const char *name, gint64 org)
{
  SecRecord *r = sec_record_new (SEC_TYPE_PERSON);

  sec_record_set_string (r, "family-name", name);
  sec_record_set_ref (r, "organisation", org);
  return r;
}

/* Writes until killed (or MAX_WRITES): sequence numbers start at @base. */
static void G_GNUC_NORETURN
child_run (guint32 seed, gint64 base)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GArray) orgs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) list = NULL;
  gint64 seq = base;

  say ("A %" G_GINT64_FORMAT " M\n", seq);
  store = sec_store_open (db_path, &error);
  if (store == NULL)
    child_fail ("open", error);
  say ("C %" G_GINT64_FORMAT "\n", seq++);

  list = sec_store_list (store, SEC_TYPE_ORGANISATION, NULL, &error);
  if (list == NULL)
    child_fail ("list", error);
  for (guint i = 0; i < list->len; i++)
    {
      gint64 id = sec_record_get_id (g_ptr_array_index (list, i));
      g_array_append_val (orgs, id);
    }

  for (int n = 0; n < MAX_WRITES; n++, seq++)
    {
      int what = g_rand_int_range (rand, 0, 10);

      if (orgs->len == 0)
        what = 0;
      if (what <= 2)
        {
          /* A single write. */
          g_autofree char *name = g_strdup_printf ("o%" G_GINT64_FORMAT, seq);
          g_autoptr(SecRecord) org = new_org (name);
          gint64 id;

          say ("A %" G_GINT64_FORMAT " I\n", seq);
          if (!sec_store_insert (store, org, &error))
            child_fail ("insert", error);
          id = sec_record_get_id (org);
          say ("C %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", seq, id);
          g_array_append_val (orgs, id);
        }
      else if (what <= 5)
        {
          /* A grouped write: an organisation and two of its people. */
          g_autofree char *name = g_strdup_printf ("o%" G_GINT64_FORMAT, seq);
          g_autofree char *pa = g_strdup_printf ("p%" G_GINT64_FORMAT "a", seq);
          g_autofree char *pb = g_strdup_printf ("p%" G_GINT64_FORMAT "b", seq);
          g_autoptr(SecRecord) org = new_org (name);
          g_autoptr(SecRecord) a = NULL;
          g_autoptr(SecRecord) b = NULL;
          gint64 id;

          say ("A %" G_GINT64_FORMAT " G\n", seq);
          if (!sec_store_begin (store, &error) || !sec_store_insert (store, org, &error))
            child_fail ("grouped insert", error);
          id = sec_record_get_id (org);
          a = new_person (pa, id);
          b = new_person (pb, id);
          if (!sec_store_insert (store, a, &error) || !sec_store_insert (store, b, &error) ||
              !sec_store_commit (store, &error))
            child_fail ("grouped insert", error);
          say ("C %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
               seq, id, sec_record_get_id (a), sec_record_get_id (b));
          g_array_append_val (orgs, id);
        }
      else if (what <= 7)
        {
          /* An update. */
          guint i = g_rand_int_range (rand, 0, orgs->len);
          gint64 id = g_array_index (orgs, gint64, i);
          g_autofree char *name = g_strdup_printf ("u%" G_GINT64_FORMAT, seq);
          g_autoptr(SecRecord) org = sec_store_get (store, SEC_TYPE_ORGANISATION, id, &error);

          if (org == NULL)
            child_fail ("get", error);
          sec_record_set_string (org, "name", name);
          say ("A %" G_GINT64_FORMAT " U %" G_GINT64_FORMAT "\n", seq, id);
          if (!sec_store_update (store, org, &error))
            child_fail ("update", error);
          say ("C %" G_GINT64_FORMAT "\n", seq);
        }
      else
        {
          /* A deletion, undone at once half of the time. */
          guint i = g_rand_int_range (rand, 0, orgs->len);
          gint64 id = g_array_index (orgs, gint64, i);
          g_autoptr(SecDeletion) deletion = NULL;

          say ("A %" G_GINT64_FORMAT " D %" G_GINT64_FORMAT "\n", seq, id);
          deletion = sec_store_delete_with_undo (store, SEC_TYPE_ORGANISATION, id, &error);
          if (deletion == NULL)
            child_fail ("delete", error);
          say ("C %" G_GINT64_FORMAT "\n", seq);
          g_array_remove_index_fast (orgs, i);
          if (what == 9)
            {
              seq++;
              say ("A %" G_GINT64_FORMAT " R %" G_GINT64_FORMAT "\n", seq, id);
              if (!sec_store_undo_deletion (store, deletion, &error))
                child_fail ("undo", error);
              say ("C %" G_GINT64_FORMAT "\n", seq);
              g_array_append_val (orgs, id);
            }
        }
    }
  _exit (0);
}

/* The parent: applies the child's reports to the model */

static guint
count_lines (GString *text)
{
  guint n = 0;

  for (gsize i = 0; i < text->len; i++)
    n += text->str[i] == '\n';
  return n;
}

typedef struct {
  char   op;       /* 0: none pending */
  gint64 seq;
  gint64 target;
} Pending;

/* Applies the write @p to @m; @ids: what the child reported (NULL: look the
 * new records up by name in @file). FALSE when @file does not hold it. */
static gboolean
apply (Model *m, const Pending *p, gint64 *ids, const Model *file)
{
  g_autofree char *oname = g_strdup_printf ("o%" G_GINT64_FORMAT, p->seq);
  g_autofree char *pa = g_strdup_printf ("p%" G_GINT64_FORMAT "a", p->seq);
  g_autofree char *pb = g_strdup_printf ("p%" G_GINT64_FORMAT "b", p->seq);
  gint64 found[3] = { 0, 0, 0 };

  if (ids == NULL && (p->op == 'I' || p->op == 'G'))
    {
      GHashTableIter it;
      gpointer k, v;

      g_hash_table_iter_init (&it, file->orgs);
      while (g_hash_table_iter_next (&it, &k, &v))
        if (g_strcmp0 (v, oname) == 0)
          found[0] = *(gint64 *) k;
      g_hash_table_iter_init (&it, file->people);
      while (g_hash_table_iter_next (&it, &k, &v))
        {
          if (g_strcmp0 (((Person *) v)->name, pa) == 0)
            found[1] = *(gint64 *) k;
          if (g_strcmp0 (((Person *) v)->name, pb) == 0)
            found[2] = *(gint64 *) k;
        }
      if (found[0] == 0)
        return FALSE;
      ids = found;
    }

  switch (p->op)
    {
    case 'M':
      m->version = sec_store_schema_version ();
      break;
    case 'I':
      model_add_org (m, ids[0], oname);
      break;
    case 'G':
      model_add_org (m, ids[0], oname);
      model_add_person (m, ids[1], ids[0], pa);
      model_add_person (m, ids[2], ids[0], pb);
      break;
    case 'U':
      {
        g_autofree char *name = g_strdup_printf ("u%" G_GINT64_FORMAT, p->seq);
        model_add_org (m, p->target, name);
      }
      break;
    case 'D':
      {
        /* People lose their organisation (ON DELETE SET NULL); the undo puts
         * it back. */
        GArray *had = g_array_new (FALSE, FALSE, sizeof (gint64));
        GHashTableIter it;
        gpointer k, v;

        g_hash_table_iter_init (&it, m->people);
        while (g_hash_table_iter_next (&it, &k, &v))
          if (((Person *) v)->org == p->target)
            {
              ((Person *) v)->org = 0;
              g_array_append_val (had, *(gint64 *) k);
            }
        g_hash_table_insert (m->undo, g_memdup2 (&p->target, sizeof (gint64)), had);
        g_hash_table_remove (m->orgs, &p->target);
      }
      break;
    case 'R':
      g_assert_not_reached ();
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  int kills = argc > 1 ? atoi (argv[1]) : 200;
  guint32 seed = argc > 2 ? (guint32) strtoul (argv[2], NULL, 10) : (guint32) g_random_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *dir = sec_test_make_tmp_dir ("drill-crash-XXXXXX");
  Model model;
  /* Names of deleted organisations, for their undo. */
  g_autoptr(GHashTable) deleted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint64 writes_checked = 0, kills_in_migration = 0, pending_found = 0, pending_absent = 0, corrupt = 0;
  guint64 before_open = 0;
  gint64 start = g_get_monotonic_time ();
  int failures = 0;
  /* The longest opening seen (µs). */
  gint64 open_us = 50000;

  db_path = g_build_filename (dir, "drill.db", NULL);
  printf ("drill-crash: seed %u, %d kills (replay: drill-crash %d %u)\n", seed, kills, kills, seed);
  fflush (stdout);
  model_init (&model);

  for (int k = 0; k < kills; k++)
    {
      int fds[2];
      pid_t pid;
      int status;
      g_autoptr(GString) input = g_string_new (NULL);
      char buf[4096];
      ssize_t got;
      Pending pending = { 0 };
      g_auto(GStrv) lines = NULL;
      Model file;
      g_autofree char *problem = NULL;
      g_autofree char *diff = NULL;
      gint64 start_us;

      if (k % RESET_EVERY == 0)
        {
          sec_test_remove_tree (dir);
          g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
          model_clear (&model);
          model_init (&model);
          g_hash_table_remove_all (deleted);
          make_version_1 (db_path, &model);
        }

      g_assert_cmpint (pipe (fds), ==, 0);
      fflush (stdout);
      fflush (stderr);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          report_fd = fds[1];
          child_run (seed ^ (guint32) (k * 2654435761u), (gint64) (k + 1) * 100000);
        }
      close (fds[1]);

      /* The first kill after a reset, and three in ten of the others, land
       * while the store opens the file (and migrates it, after a reset), at
       * a random point of the time opening
       * took so far; the others while it writes, up to 60 ms (or
       * $DRILL_MAX_DELAY µs) after the opening was reported. Measuring the
       * opening keeps this so on a slow or loaded machine, or under ASan. */
      start_us = g_get_monotonic_time ();
      if (k % RESET_EVERY == 0 || g_rand_int_range (rand, 0, 10) < 3)
        g_usleep (g_rand_int_range (rand, 0, (gint32) MAX (open_us, 1000)));
      else
        {
          /* Read up to the end of the opening's report ("A n M", "C n"). */
          while (count_lines (input) < 2 &&
                 ((got = read (fds[0], buf, sizeof buf)) > 0 || (got < 0 && errno == EINTR)))
            if (got > 0)
              g_string_append_len (input, buf, got);
          open_us = MAX (open_us, g_get_monotonic_time () - start_us);
          g_usleep (g_rand_int_range (rand, 0, getenv ("DRILL_MAX_DELAY") ? atoi (getenv ("DRILL_MAX_DELAY")) : 60000));
        }
      kill (pid, SIGKILL);
      while ((got = read (fds[0], buf, sizeof buf)) > 0 || (got < 0 && errno == EINTR))
        if (got > 0)
          g_string_append_len (input, buf, got);
      close (fds[0]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!(WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL))
        {
          if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
            g_printerr ("drill-crash: kill %d: the child finished its writes before the kill\n", k);
          else
            {
              g_printerr ("drill-crash: kill %d: the child failed (status %d)\n", k, status);
              failures++;
            }
        }

      /* The reports, in order. */
      lines = g_strsplit (input->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          char **f = g_strsplit (lines[i], " ", -1);
          guint nf = g_strv_length (f);

          if (f[0][0] == 'A')
            {
              g_assert_cmpuint (nf, >=, 3);
              g_assert_cmpint (pending.op, ==, 0);
              pending.op = f[2][0];
              pending.seq = g_ascii_strtoll (f[1], NULL, 10);
              pending.target = nf > 3 ? g_ascii_strtoll (f[3], NULL, 10) : 0;
            }
          else
            {
              gint64 ids[3] = { 0, 0, 0 };

              g_assert_cmpint (f[0][0], ==, 'C');
              g_assert_cmpint (pending.op, !=, 0);
              g_assert_cmpint (g_ascii_strtoll (f[1], NULL, 10), ==, pending.seq);
              for (guint j = 2; j < nf && j < 5; j++)
                ids[j - 2] = g_ascii_strtoll (f[j], NULL, 10);
              if (pending.op == 'R')
                {
                  GArray *had = g_hash_table_lookup (model.undo, &pending.target);
                  g_assert_nonnull (had);
                  model_add_org (&model, pending.target, g_hash_table_lookup (deleted, &pending.target));
                  for (guint j = 0; j < had->len; j++)
                    {
                      Person *p = g_hash_table_lookup (model.people, &g_array_index (had, gint64, j));
                      if (p != NULL)
                        p->org = pending.target;
                    }
                  g_hash_table_remove (model.undo, &pending.target);
                }
              else
                {
                  if (pending.op == 'D')
                    g_hash_table_insert (deleted, g_memdup2 (&pending.target, sizeof (gint64)),
                                         g_strdup (g_hash_table_lookup (model.orgs, &pending.target)));
                  apply (&model, &pending, ids, NULL);
                }
              if (pending.op != 'M')
                writes_checked++;
              pending.op = 0;
            }
          g_strfreev (f);
        }
      if (pending.op == 'M')
        kills_in_migration++;
      if (input->len == 0)
        before_open++;

      /* The file, by SQLite alone. */
      if (!read_file (db_path, &file, &problem))
        {
          g_printerr ("drill-crash: kill %d: the file is damaged: %s\n", k, problem);
          corrupt++;
          failures++;
          model_clear (&file);
          /* Start again from a fresh file. */
          k = k - k % RESET_EVERY + RESET_EVERY - 1;
          continue;
        }

      /* Every committed write, and at most the one being made. */
      if (file.version < model.version || file.version > sec_store_schema_version ())
        {
          g_printerr ("drill-crash: kill %d: the file has version %d, expected %d or later\n",
                      k, file.version, model.version);
          failures++;
        }
      diff = model_diff (&model, &file);
      if (diff != NULL && pending.op != 0 && pending.op != 'M')
        {
          Model with;

          model_copy (&with, &model);
          if (pending.op == 'R')
            {
              GArray *had = g_hash_table_lookup (with.undo, &pending.target);
              model_add_org (&with, pending.target, g_hash_table_lookup (deleted, &pending.target));
              for (guint j = 0; had != NULL && j < had->len; j++)
                {
                  Person *p = g_hash_table_lookup (with.people, &g_array_index (had, gint64, j));
                  if (p != NULL)
                    p->org = pending.target;
                }
            }
          else
            {
              if (pending.op == 'D')
                g_hash_table_insert (deleted, g_memdup2 (&pending.target, sizeof (gint64)),
                                     g_strdup (g_hash_table_lookup (model.orgs, &pending.target)));
              apply (&with, &pending, NULL, &file);
            }
          g_clear_pointer (&diff, g_free);
          diff = model_diff (&with, &file);
          if (diff == NULL)
            {
              /* The write in progress made it: the file is the model now. */
              model_clear (&model);
              model = with;
              if (pending.op == 'R')
                g_hash_table_remove (model.undo, &pending.target);
              pending_found++;
              writes_checked++;
            }
          else
            model_clear (&with);
        }
      else if (pending.op != 0)
        pending_absent++;
      if (diff != NULL)
        {
          g_printerr ("drill-crash: kill %d: %s (write in progress: %c %" G_GINT64_FORMAT ")\n",
                      k, diff, pending.op ? pending.op : '-', pending.seq);
          failures++;
        }
      if (file.version > model.version)
        model.version = file.version;
      model_clear (&file);

      /* And the store opens it as usual. */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SecStore) store = sec_store_open (db_path, &error);

        if (store == NULL)
          {
            g_printerr ("drill-crash: kill %d: the store cannot open the file: %s\n", k, error->message);
            failures++;
          }
        else
          model.version = sec_store_schema_version ();
      }
    }

  printf ("drill-crash: %d kills (%" G_GUINT64_FORMAT " during a migration, %" G_GUINT64_FORMAT
          " before the first report), %" G_GUINT64_FORMAT " committed writes checked, "
          "write in progress found %" G_GUINT64_FORMAT " times and absent %" G_GUINT64_FORMAT " times, "
          "%" G_GUINT64_FORMAT " corrupt files, %d failures, %.1f s\n",
          kills, kills_in_migration, before_open, writes_checked, pending_found, pending_absent,
          corrupt, failures, (g_get_monotonic_time () - start) / 1e6);
  model_clear (&model);
  sec_test_remove_tree (dir);
  g_free (db_path);
  return failures == 0 ? 0 : 1;
}
