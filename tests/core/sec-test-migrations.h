/* sec-test-migrations.h: old database files, as test-migrations.c,
 * test-migrations-indexes.c and test-migrations-open.c make them
 *
 * The files are written with SQLite directly, from the migrations of
 * sec-schema.c, into one temporary folder that the program removes when its
 * tests are done.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* What each program's main () does before adding its tests: the user's
 * locale, and the temporary folder. */
void        sec_test_migrations_init (int        *argc,
                                      char     ***argv);
/* Runs the tests, removes the folder, and returns what g_test_run () did. */
int         sec_test_migrations_run  (void);
/* The temporary folder. */
const char *sec_test_migrations_dir  (void);

/* (transfer full): @name in the temporary folder. */
char       *sec_test_tmp_path        (const char  *name);
/* Runs @sql on @db, or fails the test. */
void        sec_test_exec_sql        (sqlite3     *db,
                                      const char  *sql);
/* A database as the version before migration @version wrote it: every
 * earlier migration run, its user_version set. */
sqlite3    *sec_test_open_before     (const char  *path,
                                      int          version);
/* A database as version 1 of the program wrote it. */
void        sec_test_make_version_1  (const char  *path);
/* The file's user_version. */
int         sec_test_user_version    (const char  *path);

G_END_DECLS
