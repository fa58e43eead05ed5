/* sec-email-recipient-item.c: one recipient of the e-mail dialog, an item
 * of its list model */
#define G_LOG_DOMAIN "sec-email-recipient-item"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/meetings/sec-email-recipient-item.h"

struct _SecEmailRecipientItem
{
  GObject   parent_instance;

  gint64    participant_id;
  char     *title;
  char     *subtitle;
  gboolean  ticked;
};

G_DEFINE_FINAL_TYPE (SecEmailRecipientItem, sec_email_recipient_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TICKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Overrides */

static void
sec_email_recipient_item_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SecEmailRecipientItem *self = SEC_EMAIL_RECIPIENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_TICKED:
      g_value_set_boolean (value, self->ticked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_email_recipient_item_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SecEmailRecipientItem *self = SEC_EMAIL_RECIPIENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_TICKED:
      sec_email_recipient_item_set_ticked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_email_recipient_item_finalize (GObject *object)
{
  SecEmailRecipientItem *self = SEC_EMAIL_RECIPIENT_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (sec_email_recipient_item_parent_class)->finalize (object);
}

static void
sec_email_recipient_item_class_init (SecEmailRecipientItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sec_email_recipient_item_get_property;
  object_class->set_property = sec_email_recipient_item_set_property;
  object_class->finalize = sec_email_recipient_item_finalize;

  properties[PROP_TICKED] =
    g_param_spec_boolean ("ticked", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sec_email_recipient_item_init (SecEmailRecipientItem *self)
{
  self->ticked = TRUE;
}

/* Public API */

/**
 * sec_email_recipient_item_new:
 * @participant_id: the participant's record
 * @title: the name shown
 * @subtitle: (nullable): the line under it
 *
 * Returns: (transfer full): a recipient, ticked
 */
SecEmailRecipientItem *
sec_email_recipient_item_new (gint64      participant_id,
                              const char *title,
                              const char *subtitle)
{
  SecEmailRecipientItem *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (SEC_TYPE_EMAIL_RECIPIENT_ITEM, NULL);
  self->participant_id = participant_id;
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  return self;
}

gint64
sec_email_recipient_item_get_participant_id (SecEmailRecipientItem *self)
{
  g_return_val_if_fail (SEC_IS_EMAIL_RECIPIENT_ITEM (self), 0);

  return self->participant_id;
}

const char *
sec_email_recipient_item_get_title (SecEmailRecipientItem *self)
{
  g_return_val_if_fail (SEC_IS_EMAIL_RECIPIENT_ITEM (self), NULL);

  return self->title;
}

const char *
sec_email_recipient_item_get_subtitle (SecEmailRecipientItem *self)
{
  g_return_val_if_fail (SEC_IS_EMAIL_RECIPIENT_ITEM (self), NULL);

  return self->subtitle;
}

gboolean
sec_email_recipient_item_get_ticked (SecEmailRecipientItem *self)
{
  g_return_val_if_fail (SEC_IS_EMAIL_RECIPIENT_ITEM (self), FALSE);

  return self->ticked;
}

void
sec_email_recipient_item_set_ticked (SecEmailRecipientItem *self,
                                     gboolean               ticked)
{
  g_return_if_fail (SEC_IS_EMAIL_RECIPIENT_ITEM (self));

  ticked = !!ticked;
  if (self->ticked == ticked)
    return;
  self->ticked = ticked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKED]);
}
