/* sec-test-call-ui.h: the demo database and a window, as test-call-ui.c and
 * test-call-ui-applications.c show a call's tools and windows in it
 *
 * Each test fills a new database with the demo data, finds its 2018 call
 * (CSP-2018-DK-EE-MT) and the statement signed on 13 June 2018, and shows
 * an empty window of 900 × 700 whose "win.open-record" action records what
 * it was asked to open.
 */
#pragma once

#include <adwaita.h>

#include "core/calls/sec-calls.h"
#include "core/statements/sec-statements.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct {
  char      *dir;
  SecStore  *store;
  GtkWidget *window;

  char      *opened_kind;
  gint64     opened_id;

  SecCall   *call_2018;       /* CSP-2018-DK-EE-MT */
  SecStatement *statement_2018;
} SecTestCallUi;

/* Adds a test that runs with the fixture below. */
#define SEC_TEST_CALL_UI_ADD(path, func) \
  g_test_add (path, SecTestCallUi, NULL, sec_test_call_ui_setup, func, sec_test_call_ui_teardown)

void       sec_test_call_ui_setup            (SecTestCallUi *f,
                                              gconstpointer  data);
void       sec_test_call_ui_teardown         (SecTestCallUi *f,
                                              gconstpointer  data);

/* (transfer full): the application of @organisation to the 2018 call. */
SecRecord *sec_test_call_ui_find_application (SecTestCallUi *f,
                                              const char    *organisation);

/* (transfer full): the visible widgets of @type under @root. */
GPtrArray *sec_test_call_ui_find_all         (GtkWidget     *root,
                                              GType          type);
/* The row titled @title under @root, hidden or not; fails the test without one. */
GtkWidget *sec_test_call_ui_find_row         (GtkWidget     *root,
                                              const char    *title);
/* The button of @type labelled @label under @root; fails the test without one. */
GtkWidget *sec_test_call_ui_find_button      (GtkWidget     *root,
                                              GType          type,
                                              const char    *label);

G_END_DECLS
