/* sec-email-recipient-item.h: one recipient of the e-mail dialog, an item
 * of its list model */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SEC_TYPE_EMAIL_RECIPIENT_ITEM (sec_email_recipient_item_get_type ())
G_DECLARE_FINAL_TYPE (SecEmailRecipientItem, sec_email_recipient_item, SEC, EMAIL_RECIPIENT_ITEM, GObject)

/* A participant as the list shows it: @title (the name), @subtitle (the
 * address and status, or why they are left out), and whether the message
 * goes to them ("ticked", TRUE at first). The row that shows it is made
 * and recycled by the list; the ticked state lives here so that it
 * survives a row going out of sight. */
SecEmailRecipientItem *sec_email_recipient_item_new            (gint64                 participant_id,
                                                                const char            *title,
                                                                const char            *subtitle);
gint64                 sec_email_recipient_item_get_participant_id (SecEmailRecipientItem *self);
const char            *sec_email_recipient_item_get_title      (SecEmailRecipientItem *self);
const char            *sec_email_recipient_item_get_subtitle   (SecEmailRecipientItem *self);
gboolean               sec_email_recipient_item_get_ticked     (SecEmailRecipientItem *self);
void                   sec_email_recipient_item_set_ticked     (SecEmailRecipientItem *self,
                                                                gboolean               ticked);

G_END_DECLS
