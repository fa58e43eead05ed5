/* sec-release-notes.h: the current release's notes, for the About window */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The notes of this version's <release> in the metainfo, in the user's
 * language when translated, as AdwAboutWindow's release-notes markup;
 * FALSE when the build has none. */
gboolean sec_release_notes_load (char **version,
                                 char **notes);

G_END_DECLS
