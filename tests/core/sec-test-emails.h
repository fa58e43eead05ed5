/* sec-test-emails.h: the demo database, as test-emails.c and
 * test-emails-writer.c write its meetings' e-mails
 *
 * Each test fills a new database, in a folder of its own, with the demo
 * data.
 */
#pragma once

#include <glib.h>

#include "core/documents/sec-meeting-emails.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The demo's meetings, by the order they are made in. */
#define PLATFORM_2025 2
#define JOINT_2027    3

typedef struct {
  char     *dir;
  SecStore *store;
} SecTestEmails;

/* Adds a test that runs with the fixture below. */
#define SEC_TEST_EMAILS_ADD(path, func) \
  g_test_add (path, SecTestEmails, NULL, sec_test_emails_setup, func, sec_test_emails_teardown)

void              sec_test_emails_setup       (SecTestEmails *f,
                                               gconstpointer  data);
void              sec_test_emails_teardown    (SecTestEmails *f,
                                               gconstpointer  data);

/* (transfer full): the invitations to the joint meeting of 2027, with the
 * agenda attached: three drafts or more. */
SecMeetingEmails *sec_test_emails_invitations (SecTestEmails *f);

G_END_DECLS
