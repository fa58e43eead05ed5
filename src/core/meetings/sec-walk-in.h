/* sec-walk-in.h: someone not on the list arrives at the check-in */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* What adding a walk-in created, to take it back. */
typedef struct _SecWalkIn SecWalkIn;

/* Adds @name (given names, then the family name: "Anna Maria Rossi") as a
 * person of @organisation (an organisation of that name, made when there
 * is none; NULL or "" for none) and as a participant of @meeting_id who
 * has attended, dated today. One transaction. (transfer full): what to
 * give to sec_walk_in_undo (), or NULL with @error. */
SecWalkIn  *sec_walk_in_add        (SecStore    *store,
                                    gint64       meeting_id,
                                    const char  *name,
                                    const char  *organisation,
                                    GError     **error);
/* Removes what sec_walk_in_add () made: the participant, the person and
 * the organisation if it was made for them. One transaction. */
gboolean    sec_walk_in_undo       (SecStore    *store,
                                    SecWalkIn   *walk_in,
                                    GError     **error);
const char *sec_walk_in_get_name   (SecWalkIn   *walk_in);
gint64      sec_walk_in_get_participant_id (SecWalkIn *walk_in);
void        sec_walk_in_free       (SecWalkIn   *walk_in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecWalkIn, sec_walk_in_free)

G_END_DECLS
