/* sec-email-recipients.h: the recipients of the e-mail dialog (or those
 * left out), a list that makes rows only for what is in sight */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SEC_TYPE_EMAIL_RECIPIENTS (sec_email_recipients_get_type ())
G_DECLARE_FINAL_TYPE (SecEmailRecipients, sec_email_recipients, SEC, EMAIL_RECIPIENTS, GtkWidget)

/* A list of participants in a card, scrolled inside it past a few
 * screenfuls of rows: a meeting of thousands shows its first rows at once,
 * the rows being made and recycled as the list scrolls (GtkListView over a
 * GListStore of SecEmailRecipientItem). With "checkable" (construct-only),
 * each row has a tick (Enter, Space on the tick, or a click on the row
 * toggles it) and shows the address and status; without, why the
 * participant is left out. */
GtkWidget  *sec_email_recipients_new             (gboolean            checkable);
/* Shows @recipients (SecEmailRecipient of core/meetings/sec-emails.h),
 * each ticked; NULL or empty: none. */
void        sec_email_recipients_set             (SecEmailRecipients *self,
                                                  GPtrArray          *recipients);
/* The items, SecEmailRecipientItem. (transfer none) */
GListModel *sec_email_recipients_get_model       (SecEmailRecipients *self);
/* How many are ticked ("n-ticked", notified when it changes). */
guint       sec_email_recipients_get_n_ticked    (SecEmailRecipients *self);
/* The participants ticked, in the list's order. (transfer full)
 * (element-type gint64) */
GArray     *sec_email_recipients_dup_ticked_ids  (SecEmailRecipients *self);
/* Ticks or unticks the item at @position (what a click on its row does). */
void        sec_email_recipients_toggle          (SecEmailRecipients *self,
                                                  guint               position);

G_END_DECLS
