/* sec-progress-strip.c: a progress bar and its Cancel button
 *
 * What a GNOME user expects of work lasting seconds: a bar saying what is
 * being done and how far it is, with Cancel beside it. The strip shows
 * nothing itself of the work: its owner feeds it the fraction (from a
 * SecProgressRelay, sec-progress.h) and names the action Cancel
 * activates, so that the work is stopped where it was started. Hidden
 * until shown; the bar starts empty each time it is shown.
 */
#define G_LOG_DOMAIN "sec-progress-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/widgets/sec-progress-strip.h"

struct _SecProgressStrip
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *box;  /* bound so that disposing the template unparents it */
  GtkProgressBar *bar;
  GtkButton      *cancel_button;

  guint           n_updates;
};

enum {
  PROP_0,
  PROP_TEXT,
  PROP_FRACTION,
  PROP_CANCEL_ACTION_NAME,
  PROP_CANCEL_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SecProgressStrip, sec_progress_strip, GTK_TYPE_WIDGET)

static void
sec_progress_strip_show (GtkWidget *widget)
{
  SecProgressStrip *self = SEC_PROGRESS_STRIP (widget);

  gtk_progress_bar_set_fraction (self->bar, 0);
  self->n_updates = 0;
  GTK_WIDGET_CLASS (sec_progress_strip_parent_class)->show (widget);
}

static void
sec_progress_strip_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SecProgressStrip *self = SEC_PROGRESS_STRIP (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, sec_progress_strip_get_text (self));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, sec_progress_strip_get_fraction (self));
      break;
    case PROP_CANCEL_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->cancel_button)));
      break;
    case PROP_CANCEL_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (self->cancel_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_progress_strip_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SecProgressStrip *self = SEC_PROGRESS_STRIP (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      sec_progress_strip_set_text (self, g_value_get_string (value));
      break;
    case PROP_FRACTION:
      sec_progress_strip_set_fraction (self, g_value_get_double (value));
      break;
    case PROP_CANCEL_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), g_value_get_string (value));
      break;
    case PROP_CANCEL_TOOLTIP:
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->cancel_button), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_progress_strip_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SEC_TYPE_PROGRESS_STRIP);

  G_OBJECT_CLASS (sec_progress_strip_parent_class)->dispose (object);
}

static void
sec_progress_strip_class_init (SecProgressStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sec_progress_strip_get_property;
  object_class->set_property = sec_progress_strip_set_property;
  object_class->dispose = sec_progress_strip_dispose;
  widget_class->show = sec_progress_strip_show;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCEL_ACTION_NAME] =
    g_param_spec_string ("cancel-action-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCEL_TOOLTIP] =
    g_param_spec_string ("cancel-tooltip", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-progress-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, SecProgressStrip, box);
  gtk_widget_class_bind_template_child (widget_class, SecProgressStrip, bar);
  gtk_widget_class_bind_template_child (widget_class, SecProgressStrip, cancel_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_progress_strip_init (SecProgressStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sec_progress_strip_new (void)
{
  return g_object_new (SEC_TYPE_PROGRESS_STRIP, NULL);
}

void
sec_progress_strip_set_text (SecProgressStrip *self,
                             const char       *text)
{
  g_return_if_fail (SEC_IS_PROGRESS_STRIP (self));

  gtk_progress_bar_set_text (self->bar, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

const char *
sec_progress_strip_get_text (SecProgressStrip *self)
{
  g_return_val_if_fail (SEC_IS_PROGRESS_STRIP (self), NULL);

  return gtk_progress_bar_get_text (self->bar);
}

void
sec_progress_strip_set_fraction (SecProgressStrip *self,
                                 double            fraction)
{
  g_return_if_fail (SEC_IS_PROGRESS_STRIP (self));

  if (fraction == gtk_progress_bar_get_fraction (self->bar))
    return;
  self->n_updates++;
  gtk_progress_bar_set_fraction (self->bar, fraction);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

double
sec_progress_strip_get_fraction (SecProgressStrip *self)
{
  g_return_val_if_fail (SEC_IS_PROGRESS_STRIP (self), 0);

  return gtk_progress_bar_get_fraction (self->bar);
}

void
sec_progress_strip_set_cancel_action (SecProgressStrip *self,
                                      const char       *action_name,
                                      const char       *tooltip)
{
  g_return_if_fail (SEC_IS_PROGRESS_STRIP (self));

  g_object_set (self, "cancel-action-name", action_name, "cancel-tooltip", tooltip, NULL);
}

guint
sec_progress_strip_get_n_updates (SecProgressStrip *self)
{
  g_return_val_if_fail (SEC_IS_PROGRESS_STRIP (self), 0);

  return self->n_updates;
}
