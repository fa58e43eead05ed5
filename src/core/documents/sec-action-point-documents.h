/* sec-action-point-documents.h: the action points of every meeting, as a
 * list to chase them (PDF through SecDocument) and as a CSV file
 *
 * The builders read the store (main thread) and return plain documents,
 * as the call's and the statement's do. @language is one of
 * sec_document_languages (), or NULL for the user's language.
 */
#pragma once

#include "core/documents/sec-document.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* (transfer full): the action points (@open_only: the open ones) by due
 * date: what, who, by when (in red when overdue on @today, "YYYY-MM-DD";
 * NULL for today), status and the meeting they come from, with the
 * secretariat's notes; how many are open and overdue. */
SecDocument *sec_action_points_document (SecStore    *store,
                                         gboolean     open_only,
                                         const char  *language,
                                         const char  *today,
                                         GError     **error);
/* (transfer full): the same as a CSV file (UTF-8 with a byte order mark,
 * RFC 4180, a header record in @language): meeting, its date, agenda item,
 * action, who, due on, status (its label in @language), closed on, notes;
 * dates as YYYY-MM-DD. */
char        *sec_action_points_csv      (SecStore    *store,
                                         gboolean     open_only,
                                         const char  *language,
                                         GError     **error);

G_END_DECLS
