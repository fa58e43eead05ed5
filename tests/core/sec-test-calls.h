/* sec-test-calls.h: the call of the calls' tests, as test-calls.c and
 * test-calls-applications.c enter applications to it
 *
 * Each test opens a new database holding a body (the EU Civil Society
 * Platform) and its 2018 targeted call for DK, EE and MT, with a deadline
 * on 25 April 2018 at 23:59.
 */
#pragma once

#include <glib.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct {
  char      *dir;
  char      *path;
  SecStore  *store;
  SecRecord *platform;  /* a body */
  SecRecord *call;      /* the 2018 targeted call: DK, EE, MT */
} SecTestCalls;

/* Adds a test that runs with the fixture below. */
#define SEC_TEST_CALLS_ADD(path, func) \
  g_test_add (path, SecTestCalls, NULL, sec_test_calls_setup, func, sec_test_calls_teardown)

void       sec_test_calls_setup        (SecTestCalls  *f,
                                        gconstpointer  data);
void       sec_test_calls_teardown     (SecTestCalls  *f,
                                        gconstpointer  data);

/* A new organisation of @kind ("civil-society" if NULL). */
SecRecord *sec_test_calls_organisation (SecTestCalls  *f,
                                        const char    *name,
                                        const char    *country,
                                        const char    *kind);
/* Enters an application the way the window does. */
SecRecord *sec_test_calls_apply        (SecTestCalls  *f,
                                        SecRecord     *call,
                                        SecRecord     *org,
                                        const char    *received_at,
                                        const char    *zone);
/* @r read again from the store. */
SecRecord *sec_test_calls_reload       (SecTestCalls  *f,
                                        SecRecord     *r);

G_END_DECLS
