/* sec-meeting-window.c: the base of the windows that work on one meeting
 *
 * The agenda, check-in and participants windows and the invitation and
 * document dialogs are each made for a store and a meeting in it, given as
 * construct-only properties; this class holds the two, once for all.
 */
#define G_LOG_DOMAIN "sec-meeting-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/meetings/sec-meeting-window.h"

typedef struct
{
  SecStore *store;
  gint64    meeting_id;
} SecMeetingWindowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SecMeetingWindow, sec_meeting_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Overrides */

static void
sec_meeting_window_finalize (GObject *object)
{
  SecMeetingWindow *self = SEC_MEETING_WINDOW (object);
  SecMeetingWindowPrivate *priv = sec_meeting_window_get_instance_private (self);

  g_clear_object (&priv->store);

  G_OBJECT_CLASS (sec_meeting_window_parent_class)->finalize (object);
}

static void
sec_meeting_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SecMeetingWindow *self = SEC_MEETING_WINDOW (object);
  SecMeetingWindowPrivate *priv = sec_meeting_window_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, priv->meeting_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_meeting_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SecMeetingWindow *self = SEC_MEETING_WINDOW (object);
  SecMeetingWindowPrivate *priv = sec_meeting_window_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_ID:
      priv->meeting_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_meeting_window_class_init (SecMeetingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sec_meeting_window_finalize;
  object_class->get_property = sec_meeting_window_get_property;
  object_class->set_property = sec_meeting_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sec_meeting_window_init (SecMeetingWindow *self)
{
}

/* Public API */

/**
 * sec_meeting_window_get_store:
 *
 * Returns: (transfer none): the store the meeting is in
 */
SecStore *
sec_meeting_window_get_store (SecMeetingWindow *self)
{
  SecMeetingWindowPrivate *priv;

  g_return_val_if_fail (SEC_IS_MEETING_WINDOW (self), NULL);

  priv = sec_meeting_window_get_instance_private (self);
  return priv->store;
}

/**
 * sec_meeting_window_get_meeting_id:
 *
 * Returns: the id of the meeting the window works on
 */
gint64
sec_meeting_window_get_meeting_id (SecMeetingWindow *self)
{
  SecMeetingWindowPrivate *priv;

  g_return_val_if_fail (SEC_IS_MEETING_WINDOW (self), 0);

  priv = sec_meeting_window_get_instance_private (self);
  return priv->meeting_id;
}
