/* sec-store-emails.h: what the e-mails to a meeting's participants and the
 * delegates of member organisations read and write beyond their records
 *
 * The recipients of a meeting's e-mails are its participants, with the
 * person's address, languages and whether they may be contacted
 * (src/core/meetings/sec-emails.c decides who is written to). A membership
 * names the organisation's delegate (its `delegate` field) and its
 * alternates, in order, in a table of their own.
 */
#pragma once

#include <glib.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* A participant of a meeting as an e-mail addresses them. The texts are
 * stripped, NULL when blank (the family name is never NULL). */
typedef struct {
  gint64    participant_id;
  gint64    person_id;
  char     *title;           /* "Dr", "Ms" */
  char     *given_name;
  char     *family_name;
  char     *email;
  char     *languages;       /* as staff typed them: "fr, en" */
  gboolean  no_contact;      /* the person may not be contacted */
  char     *status;          /* the participant's status nick */
  char     *organisation;    /* the organisation represented, else the
                              * person's own, or NULL */
} SecEmailRecipientRow;

void        sec_email_recipient_row_free   (SecEmailRecipientRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecEmailRecipientRow, sec_email_recipient_row_free)

/* (transfer full) (element-type SecEmailRecipientRow): every participant of
 * @meeting_id, by family and given name as the database collates them. */
GPtrArray  *sec_store_list_email_recipients (SecStore      *store,
                                             gint64         meeting_id,
                                             GError       **error);

/* Delegates and alternates */

/* (transfer full): the alternates of @membership_id, in order (person ids);
 * NULL with @error. */
GArray     *sec_store_list_alternates      (SecStore       *store,
                                            gint64          membership_id,
                                            GError        **error);
/* Replaces the alternates of @membership_id by @person_ids, in that order
 * (duplicates kept once). Runs in the caller's transaction. */
gboolean    sec_store_set_alternates       (SecStore       *store,
                                            gint64          membership_id,
                                            const gint64   *person_ids,
                                            guint           n_people,
                                            GError        **error);
/* The membership of @organisation_id in one of the bodies of @meeting_id,
 * active on its first day, that names a delegate or alternates: its id, 0
 * when there is none, -1 with @error. */
gint64      sec_store_find_representation  (SecStore       *store,
                                            gint64          meeting_id,
                                            gint64          organisation_id,
                                            GError        **error);

G_END_DECLS
