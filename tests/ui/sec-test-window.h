/* sec-test-window.h: the main window on the demo database, as
 * test-window.c and test-window-records.c drive it
 *
 * Each test fills a new database with sec_demo_fill() and makes a SecWindow
 * on it directly (no g_application_run(): the window needs no application
 * for its own actions and shortcuts), then waits for GTK in the main loop.
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"
#include "ui/shell/sec-window.h"

G_BEGIN_DECLS

#define SEC_TEST_SCHEMA_ID "io.github.secretariat.Secretariat"

typedef struct {
  char      *dir;
  char      *path;
  SecStore  *store;
  SecWindow *window;
} SecTestWindow;

typedef gboolean (*SecTestCondition) (gpointer data);

/* Adds a test that runs with the fixture below. */
#define SEC_TEST_WINDOW_ADD(path, func) \
  g_test_add (path, SecTestWindow, NULL, sec_test_window_setup, func, sec_test_window_teardown)

/* What both programs' main () does before adding its tests. */
void       sec_test_window_init     (int            *argc,
                                     char         ***argv);

/* The fixture: the demo database, the window shown at 1200 × 800 with the
 * settings at their defaults; then the window and the store finalized. */
void       sec_test_window_setup    (SecTestWindow  *f,
                                     gconstpointer   data);
void       sec_test_window_teardown (SecTestWindow  *f,
                                     gconstpointer   data);

/* A new window on f->store, at @width × @height (0: the settings' size),
 * shown and mapped. */
void       sec_test_show_window     (SecTestWindow  *f,
                                     int             width,
                                     int             height);
/* Destroys the window and checks it is finalized. */
void       sec_test_close_window    (SecTestWindow  *f);

/* Runs the main loop until @condition holds, or 5 s: whether it held. */
gboolean   sec_test_wait_for        (SecTestCondition condition,
                                     gpointer         data);

/* Activates the window's @action (it must exist), then lets GTK run. */
void       sec_test_activate        (SecTestWindow  *f,
                                     const char     *action,
                                     GVariant       *parameter);
/* win.open-record on the record of @kind (its name) and @id. */
void       sec_test_open_record     (SecTestWindow  *f,
                                     const char     *kind,
                                     gint64          id);

/* (transfer full): the one record of @kind whose @field is @value. */
SecRecord *sec_test_find_record     (SecStore       *store,
                                     GType           kind,
                                     const char     *field,
                                     const char     *value);

G_END_DECLS
