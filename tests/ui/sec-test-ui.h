/* sec-test-ui.h: what the widget tests share: finding widgets in a
 * tree and closing every window between tests. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a widget test's main () does first: the log writer that drops
 * libadwaita's dialog warning (sec_test_tolerate_dialog_warning () in
 * tests/sec-test-util.h), the user's locale, GTK and libadwaita. */
void sec_test_ui_init (int    *argc,
                       char ***argv);

/* Adds @root and every widget below it that is a @type to @out, in tree
 * order; with @visible_only, a hidden widget and all below it are left out. */
void sec_test_collect_widgets (GtkWidget *root,
                               GType      type,
                               gboolean   visible_only,
                               GPtrArray *out);

/* @root or the first widget below it, in tree order, that is a @type, or
 * NULL. */
GtkWidget *sec_test_find_widget (GtkWidget *root,
                                 GType      type);

/* The first button below @root whose action is @action_name: a test
 * failure without one. */
GtkWidget *sec_test_find_action_button (GtkWidget  *root,
                                        const char *action_name);

/* The first row below @root, shown or hidden, whose title is @title, or
 * NULL. */
/* The subtitle of an AdwActionRow or a SecDetailRow. */
const char *sec_test_row_subtitle (GtkWidget *row);
GtkWidget *sec_test_find_row (GtkWidget  *root,
                              const char *title);

/* The shown message dialog (the last of gtk_window_list_toplevels ()'s
 * order when there are several), or NULL. */
AdwMessageDialog *sec_test_find_message_dialog (void);

/* The first shown toplevel window that is a @type, or NULL. */
GtkWindow *sec_test_find_toplevel (GType type);

/* Waits until @window is mapped and drawn, then saves it as a PNG. */
void sec_test_save_window (GtkWidget  *window,
                           const char *path);

/* Destroys every toplevel window and lets the main loop finish with them. */
void sec_test_destroy_windows (void);

/* The longest the main loop went without turning, in µs, as a window's
 * user feels it: a source ticking every @interval_ms from
 * sec_test_stall_start () until sec_test_stall_stop (). */
typedef struct {
  gint64 last;
  gint64 longest;
  guint  source;
} SecTestStall;

void sec_test_stall_start (SecTestStall *stall,
                           guint         interval_ms);
void sec_test_stall_stop  (SecTestStall *stall);

/* Runs the main loop until @app (a SecApp) has opened its database, or
 * failed to, in its worker (sec-application-open.c). */
void sec_test_wait_for_opening (gpointer app);

/* Runs the main loop until each record page (detail pane) in @window
 * shows the record it was given (sec_record_page_show_record_soon ()
 * waits for the next frame). */
void sec_test_wait_for_record_page (GtkWidget *window);

G_END_DECLS
