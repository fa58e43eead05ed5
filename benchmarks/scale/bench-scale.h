/* bench-scale.h: what bench-scale's files share (bench-scale.c: the
 * timings and the program; bench-scale-generate.c: the database) */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* How much bench_scale_generate () makes. */
typedef struct {
  int n_orgs, n_people, n_meetings, n_participations;
} BenchScaleSize;

/* bench-scale.c */

/* Now, in milliseconds, by the clock the timings use: the wall clock, or
 * the process's processor time (--cpu). */
double bench_scale_now_ms     (void);
/* Stops the program with @what and SQLite's message for @db. */
void   bench_scale_die_sqlite (sqlite3    *db,
                               const char *what);
/* Runs @sql on @db, or stops the program. */
void   bench_scale_exec       (sqlite3    *db,
                               const char *sql);

/* bench-scale-generate.c */

/* Makes the database at @path, which does not exist yet: the same one for
 * the same @size and @seed. */
void   bench_scale_generate   (const char           *path,
                               const BenchScaleSize *size,
                               guint32               seed);

G_END_DECLS
