/* bench-bare.h: bench-scale's bare loops (see bench-bare.c) */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* (transfer full): the PDF of the list of participants of @meeting, or of
 * its agenda, drawn with Cairo and Pango alone, as our export draws it. */
GBytes *bench_bare_participants (sqlite3 *db,
                                 gint64   meeting);
GBytes *bench_bare_agenda       (sqlite3 *db,
                                 gint64   meeting);

G_END_DECLS
