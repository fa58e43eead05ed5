/* sec-emails.h: who a meeting's e-mails go to, and what is recorded once
 * they are sent
 *
 * Four kinds of message: the invitation (to those invited), the reminder
 * (to those invited who have not answered), the practical information (to
 * those registered or confirmed) and the thanks (to those who attended, in
 * person or online). Each goes by default to the participants in those
 * statuses, or to other statuses, or to a selection of participants.
 * People marked not to be contacted, and those without a plain e-mail
 * address, are left out and listed with the reason.
 *
 * Once the staff confirm that the messages went out, each recipient's
 * participant records the date (`invited-on`, `reminded-on`,
 * `informed-on`, `thanked-on`), and after invitations a meeting still
 * "Draft" or "Planned" becomes "Invitations sent".
 */
#pragma once

#include "core/store/sec-store.h"
#include "core/store/sec-store-emails.h"

G_BEGIN_DECLS

typedef enum {
  SEC_EMAIL_INVITATION,
  SEC_EMAIL_REMINDER,
  SEC_EMAIL_INFORMATION,
  SEC_EMAIL_THANKS,
} SecEmailKind;

#define SEC_EMAIL_N_KINDS 4

/* "invitation", "reminder", "information", "thanks": the command line's
 * names. */
const char   *sec_email_kind_to_string   (SecEmailKind  kind);
gboolean      sec_email_kind_from_string (const char   *name,
                                          SecEmailKind *kind);
/* (transfer none): "Invitation"... translated, for menus. */
const char   *sec_email_kind_get_label   (SecEmailKind  kind);
/* (transfer none): the participant's date field the kind records
 * ("invited-on"...). */
const char   *sec_email_kind_get_field   (SecEmailKind  kind);
/* (transfer none): the participant statuses the kind goes to by default,
 * NULL-terminated. */
const char *const *sec_email_kind_get_statuses (SecEmailKind kind);

/* Why a participant is left out. */
typedef enum {
  SEC_EMAIL_INCLUDED,
  SEC_EMAIL_NO_CONTACT,     /* may not be contacted */
  SEC_EMAIL_NO_ADDRESS,     /* no e-mail address on record */
  SEC_EMAIL_BAD_ADDRESS,    /* not one plain address */
} SecEmailExclusion;

/* (transfer none): why, translated ("May not be contacted"). */
const char   *sec_email_exclusion_get_label (SecEmailExclusion exclusion);

typedef struct {
  SecEmailRecipientRow *row;        /* the participant and person */
  char                 *name;       /* "Anna Müller" */
  SecEmailExclusion     exclusion;
} SecEmailRecipient;

void          sec_email_recipient_free  (SecEmailRecipient *recipient);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecEmailRecipient, sec_email_recipient_free)

/* Whether @email is one plain address ("name@example.org"): an "@" with
 * text on both sides, no space, control character, comma, angle bracket
 * or quote, which would let a header carry something else. */
gboolean      sec_email_address_is_plain (const char *email);

/* The recipients of @kind for @meeting_id: the participants @participant_ids
 * when not NULL (a selection), else those in @statuses (NULL: the kind's
 * default statuses). @included gets those written to and @left_out those
 * left out, each (transfer full) (element-type SecEmailRecipient), by name.
 * An id of @participant_ids that is not a participant of the meeting is an
 * error (SEC_STORE_ERROR_NOT_FOUND), not dropped. */
gboolean      sec_emails_list_recipients (SecStore           *store,
                                          gint64              meeting_id,
                                          SecEmailKind        kind,
                                          const char *const  *statuses,
                                          GArray             *participant_ids,
                                          GPtrArray         **included,
                                          GPtrArray         **left_out,
                                          GError            **error);

/* sec_emails_list_recipients () (by status, no selection) in a worker,
 * on a read-only connection of its own to @store's file
 * (sec-store-readers.h); a server database is read at once in this
 * thread. @statuses is copied. */
void          sec_emails_list_recipients_async  (SecStore            *store,
                                                 gint64               meeting_id,
                                                 SecEmailKind         kind,
                                                 const char *const   *statuses,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      sec_emails_list_recipients_finish (GAsyncResult        *result,
                                                 GPtrArray          **included,
                                                 GPtrArray          **left_out,
                                                 GError             **error);

/* Records that @kind was sent today to the participants @ids of
 * @meeting_id, and after an invitation moves the meeting from "Draft" or
 * "Planned" to "Invitations sent". One transaction: on failure nothing
 * changes. A participant of another meeting is refused. */
gboolean      sec_emails_record_sent     (SecStore      *store,
                                          gint64         meeting_id,
                                          SecEmailKind   kind,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          GError       **error);

G_END_DECLS
