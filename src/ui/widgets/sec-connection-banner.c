/* sec-connection-banner.c: "Connection to the server lost, reconnecting…"
 *
 * A strip across the window while the shared database cannot be reached
 * (SecStore:connected, sec-store-notify.h). libadwaita 1.2 has no
 * AdwBanner: a revealer with a label does its job. Editors stay open and
 * keep what is typed; saving meanwhile fails with a message, and works
 * again once the store has connected again, when the strip goes away.
 */
#define G_LOG_DOMAIN "sec-connection-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/widgets/sec-connection-banner.h"

struct _SecConnectionBanner
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkRevealer *revealer;

  /* owned */
  SecStore    *store;
};

G_DEFINE_FINAL_TYPE (SecConnectionBanner, sec_connection_banner, GTK_TYPE_WIDGET)

static void
update (SecConnectionBanner *self)
{
  gtk_revealer_set_reveal_child (self->revealer,
                                 self->store != NULL && !sec_store_get_connected (self->store));
}

static void
sec_connection_banner_dispose (GObject *object)
{
  SecConnectionBanner *self = SEC_CONNECTION_BANNER (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_CONNECTION_BANNER);

  G_OBJECT_CLASS (sec_connection_banner_parent_class)->dispose (object);
}

static void
sec_connection_banner_class_init (SecConnectionBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_connection_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-connection-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, SecConnectionBanner, revealer);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_connection_banner_init (SecConnectionBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sec_connection_banner_new (void)
{
  return g_object_new (SEC_TYPE_CONNECTION_BANNER, NULL);
}

void
sec_connection_banner_set_store (SecConnectionBanner *self,
                                 SecStore            *store)
{
  g_return_if_fail (SEC_IS_CONNECTION_BANNER (self));
  g_return_if_fail (store == NULL || SEC_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "notify::connected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

gboolean
sec_connection_banner_is_shown (SecConnectionBanner *self)
{
  g_return_val_if_fail (SEC_IS_CONNECTION_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
