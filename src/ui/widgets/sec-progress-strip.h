/* sec-progress-strip.h: a progress bar and its Cancel button, for long
 * work running in a worker (a document being saved, a backup) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SEC_TYPE_PROGRESS_STRIP (sec_progress_strip_get_type ())
G_DECLARE_FINAL_TYPE (SecProgressStrip, sec_progress_strip, SEC, PROGRESS_STRIP, GtkWidget)

GtkWidget  *sec_progress_strip_new                (void);
/* What the bar says ("Saving…"); also its accessible name. */
void        sec_progress_strip_set_text           (SecProgressStrip *self,
                                                   const char       *text);
const char *sec_progress_strip_get_text           (SecProgressStrip *self);
void        sec_progress_strip_set_fraction       (SecProgressStrip *self,
                                                   double            fraction);
double      sec_progress_strip_get_fraction       (SecProgressStrip *self);
/* The action Cancel activates ("export.cancel"), and its tooltip. */
void        sec_progress_strip_set_cancel_action  (SecProgressStrip *self,
                                                   const char       *action_name,
                                                   const char       *tooltip);
/* How many times the fraction changed since the strip was shown last
 * (for the tests and for measuring how often the bar moves). */
guint       sec_progress_strip_get_n_updates      (SecProgressStrip *self);

G_END_DECLS
