/* sec-test-emails.c: the demo database of the e-mails' tests, and the
 * invitations to its joint meeting (sec-test-emails.h) */
#include "config.h"

#include "core/documents/sec-meeting-emails.h"
#include "sec-test-emails.h"
#include "sec-test-util.h"

void
sec_test_emails_setup (SecTestEmails *f,
                       gconstpointer  data)
{
  f->dir = sec_test_make_tmp_dir ("test-emails-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
}

void
sec_test_emails_teardown (SecTestEmails *f,
                          gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
}

SecMeetingEmails *
sec_test_emails_invitations (SecTestEmails *f)
{
  SecMeetingEmailOptions options = { .kind = SEC_EMAIL_INVITATION, .attachments = SEC_EMAIL_ATTACH_AGENDA };
  g_autoptr(GError) error = NULL;
  SecMeetingEmails *emails = sec_meeting_emails_new (f->store, JOINT_2027, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (emails->drafts->len, >=, 3);
  return emails;
}
