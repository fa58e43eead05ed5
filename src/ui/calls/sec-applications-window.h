/* sec-applications-window.h: a call's applications, their eligibility and
 * the selection */
#pragma once

#include <adwaita.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_APPLICATIONS_WINDOW (sec_applications_window_get_type ())
G_DECLARE_FINAL_TYPE (SecApplicationsWindow, sec_applications_window, SEC, APPLICATIONS_WINDOW, AdwWindow)

/* A window over @parent listing the applications to @call (stored in
 * @store), following the store's changes. The caller presents it. */
SecApplicationsWindow *sec_applications_window_new          (GtkWindow             *parent,
                                                             SecStore              *store,
                                                             SecCall               *call);
/* Presents the window of @call's applications, the one already open for it
 * if there is one; with @add, on the form for a new application.
 * Returns: (transfer none) */
SecApplicationsWindow *sec_applications_window_open         (GtkWindow             *parent,
                                                             SecStore              *store,
                                                             SecCall               *call,
                                                             gboolean               add);
gint64                 sec_applications_window_get_call_id  (SecApplicationsWindow *self);
/* (transfer none) */
SecStore              *sec_applications_window_get_store    (SecApplicationsWindow *self);
/* (transfer none): the list shown, in the order applications were received */
GListModel            *sec_applications_window_get_model    (SecApplicationsWindow *self);
/* Shows the form for a new application. */
void                   sec_applications_window_show_add_form (SecApplicationsWindow *self);

G_END_DECLS
