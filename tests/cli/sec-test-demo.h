/* sec-test-demo.h: the demo data, as test-demo.c and test-demo-calls.c
 * read it back
 *
 * Each test opens a new empty database, in a folder of its own; the test
 * fills it (sec_test_demo_fill ()) or fails to, as it means to. The finders
 * fail the test on an error.
 */
#pragma once

#include <glib.h>

#include "core/store/sec-record.h"
#include "sec-test-util.h"

G_BEGIN_DECLS

/* Adds a test that runs with the fixture below. */
#define SEC_TEST_DEMO_ADD(path, func) \
  g_test_add (path, SecTestStoreFixture, NULL, sec_test_demo_setup, func, sec_test_demo_teardown)

void        sec_test_demo_setup       (SecTestStoreFixture *f,
                                       gconstpointer        data);
void        sec_test_demo_teardown    (SecTestStoreFixture *f,
                                       gconstpointer        data);

/* Fills the database with the demo data. */
void        sec_test_demo_fill        (SecTestStoreFixture *f);
/* How many records of @type there are. */
gint64      sec_test_demo_count       (SecTestStoreFixture *f,
                                       GType                type);
/* (transfer container): the records of @type where @field equals @value
 * (NULL: all of them), sorted by @sort (NULL: the default order). */
GPtrArray  *sec_test_demo_list_where  (SecTestStoreFixture *f,
                                       GType                type,
                                       const char          *field,
                                       const char          *value,
                                       const char          *sort);
/* (transfer container): the records of @type that a search for @text finds. */
GPtrArray  *sec_test_demo_list_search (SecTestStoreFixture *f,
                                       GType                type,
                                       const char          *text);
/* (transfer full): the record @id of @type. */
SecRecord  *sec_test_demo_get         (SecTestStoreFixture *f,
                                       GType                type,
                                       gint64               id);
/* (transfer full): the id of @record, as text for a query. */
char       *sec_test_demo_id_text     (SecRecord           *record);

G_END_DECLS
