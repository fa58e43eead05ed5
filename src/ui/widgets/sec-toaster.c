/* sec-toaster.c: one notification at a time over an AdwToastOverlay
 *
 * Windows that report every action ("Anna Müller is present", "“Lunch”
 * removed") replace the last notification with the next. libadwaita 1.2
 * frees a toast's animation while it still runs when the toast is dismissed
 * during the animation that shows it (fixed in 1.3: "Fix a use-after-free
 * when quickly creating and dismissing toasts"), which crashes a check-in
 * desk that marks two people present within a fraction of a second. So a
 * new toast waits behind the one shown (normal priority, never "high",
 * which hides the current toast at once as well), and the one shown is
 * dismissed only once it has been on screen long enough to have settled.
 */
#define G_LOG_DOMAIN "sec-toaster"

#include "config.h"

#include "ui/widgets/sec-toaster.h"

/* The show animation takes 300 ms, or 500 ms when it replaces another
 * toast; with a margin for frames. */
#define SETTLE_MS 700

struct _SecToaster
{
  GObject          parent_instance;

  /* borrowed (weak) */
  AdwToastOverlay *overlay;
  AdwToast        *shown;   /* on screen */
  AdwToast        *next;    /* queued behind it */

  gint64           shown_since;
  guint            dismiss_id;
};

G_DEFINE_FINAL_TYPE (SecToaster, sec_toaster, G_TYPE_OBJECT)

static gboolean
dismiss_cb (gpointer user_data)
{
  SecToaster *self = user_data;

  self->dismiss_id = 0;
  if (self->shown != NULL)
    adw_toast_dismiss (self->shown);
  return G_SOURCE_REMOVE;
}

/* Dismisses the toast shown once it has settled on screen. */
static void
dismiss_shown_when_settled (SecToaster *self)
{
  gint64 elapsed_ms;

  if (self->shown == NULL || self->dismiss_id != 0)
    return;
  elapsed_ms = (g_get_monotonic_time () - self->shown_since) / 1000;
  if (elapsed_ms >= SETTLE_MS)
    adw_toast_dismiss (self->shown);
  else
    self->dismiss_id = g_timeout_add ((guint) (SETTLE_MS - elapsed_ms), dismiss_cb, self);
}

static void
on_toast_dismissed (SecToaster *self,
                    AdwToast   *toast)
{
  if (toast == self->shown)
    {
      /* The overlay shows the next one now. */
      g_clear_handle_id (&self->dismiss_id, g_source_remove);
      g_clear_weak_pointer (&self->shown);
      if (self->next != NULL)
        {
          g_set_weak_pointer (&self->shown, self->next);
          g_clear_weak_pointer (&self->next);
          self->shown_since = g_get_monotonic_time ();
        }
    }
  else if (toast == self->next)
    g_clear_weak_pointer (&self->next);
}

static void
sec_toaster_dispose (GObject *object)
{
  SecToaster *self = (SecToaster *) object;

  g_clear_handle_id (&self->dismiss_id, g_source_remove);
  g_clear_weak_pointer (&self->shown);
  g_clear_weak_pointer (&self->next);
  g_clear_weak_pointer (&self->overlay);

  G_OBJECT_CLASS (sec_toaster_parent_class)->dispose (object);
}

static void
sec_toaster_class_init (SecToasterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sec_toaster_dispose;
}

static void
sec_toaster_init (SecToaster *self)
{
}

/**
 * sec_toaster_new:
 * @overlay: where the toasts are shown
 *
 * Returns: (transfer full): a new toaster
 */
SecToaster *
sec_toaster_new (AdwToastOverlay *overlay)
{
  SecToaster *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  self = g_object_new (SEC_TYPE_TOASTER, NULL);
  g_set_weak_pointer (&self->overlay, overlay);
  return self;
}

/**
 * sec_toaster_show:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in place of the toast shown now.
 */
void
sec_toaster_show (SecToaster *self,
                  AdwToast   *toast)
{
  g_return_if_fail (SEC_IS_TOASTER (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (self->overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  /* A toast still waiting was never shown: it can go at once. */
  if (self->next != NULL)
    adw_toast_dismiss (self->next);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_NORMAL);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);

  if (self->shown == NULL)
    {
      g_set_weak_pointer (&self->shown, toast);
      self->shown_since = g_get_monotonic_time ();
      adw_toast_overlay_add_toast (self->overlay, toast);
      return;
    }

  g_set_weak_pointer (&self->next, toast);
  adw_toast_overlay_add_toast (self->overlay, toast);
  dismiss_shown_when_settled (self);
}

void
sec_toaster_dismiss (SecToaster *self)
{
  g_return_if_fail (SEC_IS_TOASTER (self));

  if (self->next != NULL)
    adw_toast_dismiss (self->next);
  dismiss_shown_when_settled (self);
}
