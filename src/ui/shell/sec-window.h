/* sec-window.h: the main window: sections, a list and a record */
#pragma once

#include <adwaita.h>

#include "ui/records/sec-list-pane.h"
#include "ui/widgets/sec-progress-strip.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_WINDOW (sec_window_get_type ())
G_DECLARE_FINAL_TYPE (SecWindow, sec_window, SEC, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests); @store may be NULL until one is set. */
SecWindow   *sec_window_new                  (GtkApplication *application,
                                              SecStore       *store);
/* (nullable) (transfer none) */
SecStore    *sec_window_get_store            (SecWindow      *self);
/* Shows @store in place of the current one (NULL: none). */
void         sec_window_set_store            (SecWindow      *self,
                                              SecStore       *store);
/* Shows why there is no store, with a way to open another database. */
void         sec_window_show_error           (SecWindow      *self,
                                              const char     *message);
/* Shows no store but a page saying @title while the database is closed
 * for work that replaces it (a restore, a long opening); set_store or
 * show_error ends it. @callback (nullable): once the window has let the
 * store go. */
void         sec_window_show_busy_async      (SecWindow      *self,
                                              const char     *icon_name,
                                              const char     *title,
                                              GAsyncReadyCallback callback,
                                              gpointer        user_data);
gboolean     sec_window_show_busy_finish     (SecWindow      *self,
                                              GAsyncResult   *result,
                                              GError        **error);
/* Under the busy page's title: @description (nullable), a bar at
 * @fraction (hidden when negative) and a Stop button for @stop_action
 * (nullable: none). */
void         sec_window_set_busy_progress    (SecWindow      *self,
                                              const char     *description,
                                              double          fraction,
                                              const char     *stop_action);
/* The section shown: "meetings" (upcoming), "past-meetings",
 * "organisations", "people", "bodies", "calls" or "statements". */
const char  *sec_window_get_section          (SecWindow      *self);
/* (transfer none) (nullable): the list pane of @section, made when first
 * asked for; NULL without a store or for an unknown section. */
SecListPane *sec_window_get_list_pane        (SecWindow      *self,
                                              const char     *section);
/* Lets the panes of the sections not shown go, keeping their search,
 * filters, order and selection for when they show again; the window does
 * so by itself once a section has shown for a while
 * (sec-window-sections.c). Returns how many went. */
guint        sec_window_release_hidden_panes (SecWindow      *self);
/* For tests and benchmarks: that while, in ms (10,000; 0: never). */
void         sec_window_set_pane_release_delay (guint        ms);
/* (nullable) (transfer none): the record in the detail pane */
SecRecord   *sec_window_get_record           (SecWindow      *self);
/* The pane in front on a narrow window, or the innermost one shown on a
 * wide one: "sidebar", "list" or "detail". */
const char  *sec_window_get_visible_pane     (SecWindow      *self);
/* Whether the window shows one pane at a time. */
gboolean     sec_window_get_narrow           (SecWindow      *self);
/* The strip under the window's top where long work of the application
 * (Back Up Now) shows how far it is, with Cancel. Hidden until shown. */
SecProgressStrip *sec_window_get_progress_strip (SecWindow *self);
void         sec_window_add_toast            (SecWindow      *self,
                                              AdwToast       *toast);

G_END_DECLS
