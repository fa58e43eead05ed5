/* test-emails.c: the e-mails to a meeting's participants on the demo data:
 * who they go to and who is left out, what is recorded once they are sent,
 * and the templates (languages, fields, saved text). The RFC 5322 / MIME
 * writer and the drafts written to a folder are in test-emails-writer.c. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/base/sec-format.h"
#include "core/documents/sec-email.h"
#include "core/documents/sec-email-templates.h"
#include "core/documents/sec-meeting-emails.h"
#include "core/meetings/sec-emails.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-emails.h"
#include "sec-test-util.h"

/* Helpers */

static SecEmailRecipient *
find_named (GPtrArray  *list,
            const char *name)
{
  for (guint i = 0; i < list->len; i++)
    {
      SecEmailRecipient *r = g_ptr_array_index (list, i);

      if (g_str_equal (r->name, name))
        return r;
    }
  return NULL;
}

static void
update_person (SecTestEmails *f,
               const char    *family_name,
               const char    *field,
               const char    *value)
{
  g_autoptr(SecRecord) person = sec_test_find_one (f->store, SEC_TYPE_PERSON, "family-name", family_name);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (field, "no-contact"))
    sec_record_set_bool (person, field, TRUE);
  else
    sec_record_set_string (person, field, value);
  sec_store_update (f->store, person, &error);
  g_assert_no_error (error);
}

/* Recipients */

static void
test_recipients (SecTestEmails *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) in = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;
  SecEmailRecipient *r;
  guint n_before;

  g_assert_true (sec_emails_list_recipients (f->store, JOINT_2027, SEC_EMAIL_INFORMATION, NULL, NULL, &in, &out, &error));
  g_assert_no_error (error);
  n_before = in->len;
  g_assert_cmpuint (n_before, >, 2);
  r = find_named (in, "Hélène Vandenberghe");
  g_assert_nonnull (r);
  g_assert_true (g_str_equal (r->row->status, "confirmed") || g_str_equal (r->row->status, "registered"));
  g_clear_pointer (&in, g_ptr_array_unref);
  g_clear_pointer (&out, g_ptr_array_unref);

  /* One may not be contacted, one has no address (the store refuses a
   * broken one; sec_email_address_is_plain () is tested below). */
  update_person (f, "Vandenberghe", "no-contact", NULL);
  update_person (f, "Verhoeven", "email", "");
  g_assert_true (sec_emails_list_recipients (f->store, JOINT_2027, SEC_EMAIL_INFORMATION, NULL, NULL, &in, &out, &error));
  g_assert_no_error (error);
  g_assert_null (find_named (in, "Hélène Vandenberghe"));
  g_assert_cmpint (find_named (out, "Hélène Vandenberghe")->exclusion, ==, SEC_EMAIL_NO_CONTACT);
  if ((r = find_named (out, "Jonas Verhoeven")) != NULL)
    g_assert_cmpint (r->exclusion, ==, SEC_EMAIL_NO_ADDRESS);
  g_assert_cmpuint (in->len + out->len, ==, n_before);
  g_assert_cmpstr (sec_email_exclusion_get_label (SEC_EMAIL_NO_CONTACT), ==, "May not be contacted");

  /* A selection, whatever the status. */
  {
    g_autoptr(GPtrArray) sel_in = NULL;
    g_autoptr(GPtrArray) sel_out = NULL;
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    SecEmailRecipient *first = g_ptr_array_index (in, 0);

    g_array_append_val (ids, first->row->participant_id);
    g_assert_true (sec_emails_list_recipients (f->store, JOINT_2027, SEC_EMAIL_THANKS, NULL, ids, &sel_in, &sel_out, &error));
    g_assert_cmpuint (sel_in->len, ==, 1);
    g_assert_cmpuint (sel_out->len, ==, 0);
    g_assert_cmpint (((SecEmailRecipient *) g_ptr_array_index (sel_in, 0))->row->participant_id, ==,
                     first->row->participant_id);
    g_clear_pointer (&sel_in, g_ptr_array_unref);
    g_clear_pointer (&sel_out, g_ptr_array_unref);

    /* An id that is not a participant of the meeting: said, not dropped. */
    {
      gint64 stranger = 999999;

      g_array_append_val (ids, stranger);
      g_assert_false (sec_emails_list_recipients (f->store, JOINT_2027, SEC_EMAIL_THANKS, NULL, ids, &sel_in, &sel_out, &error));
      g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
  }

  /* Other statuses than the kind's. */
  {
    const char *const declined[] = { "declined", NULL };
    g_autoptr(GPtrArray) d_in = NULL;
    g_autoptr(GPtrArray) d_out = NULL;

    g_assert_true (sec_emails_list_recipients (f->store, JOINT_2027, SEC_EMAIL_REMINDER, declined, NULL, &d_in, &d_out, &error));
    for (guint i = 0; i < d_in->len; i++)
      g_assert_cmpstr (((SecEmailRecipient *) g_ptr_array_index (d_in, i))->row->status, ==, "declined");
  }

  g_assert_false (sec_emails_list_recipients (f->store, 999, SEC_EMAIL_INVITATION, NULL, NULL, &in, &out, &error));
  g_assert_nonnull (error);

  g_assert_true (sec_email_address_is_plain ("a.b@example.org"));
  g_assert_false (sec_email_address_is_plain ("a b@example.org"));
  g_assert_false (sec_email_address_is_plain ("a@example.org\r\nBcc: x@y.z"));
  g_assert_false (sec_email_address_is_plain ("<a@example.org>"));
  g_assert_false (sec_email_address_is_plain ("@example.org"));
  g_assert_false (sec_email_address_is_plain ("a@"));
}

/* Recording */

static void
test_record_sent (SecTestEmails *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) in = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(SecRecord) p = NULL;
  g_autofree char *today = sec_today ();
  gint64 other;

  meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, &error);
  g_assert_cmpstr (sec_record_get_string (meeting, "status"), ==, "planned");
  g_clear_object (&meeting);

  g_assert_true (sec_emails_list_recipients (f->store, JOINT_2027, SEC_EMAIL_REMINDER, NULL, NULL, &in, &out, &error));
  g_assert_cmpuint (in->len, >, 0);
  for (guint i = 0; i < in->len; i++)
    g_array_append_val (ids, ((SecEmailRecipient *) g_ptr_array_index (in, i))->row->participant_id);

  /* A reminder: dated, and the meeting stays "Planned". */
  g_assert_true (sec_emails_record_sent (f->store, JOINT_2027, SEC_EMAIL_REMINDER, (gint64 *) ids->data, ids->len, &error));
  g_assert_no_error (error);
  p = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpstr (sec_record_get_string (p, "reminded-on"), ==, today);
  g_assert_null (sec_record_get_string (p, "thanked-on"));
  meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, &error);
  g_assert_cmpstr (sec_record_get_string (meeting, "status"), ==, "planned");
  g_clear_object (&meeting);
  g_clear_object (&p);

  /* A participant of another meeting: refused, nothing recorded. */
  {
    g_autoptr(GPtrArray) past = NULL;
    g_autoptr(GPtrArray) past_out = NULL;
    g_autoptr(GArray) mixed = g_array_new (FALSE, FALSE, sizeof (gint64));
    gint64 mine = g_array_index (ids, gint64, 0);

    g_assert_true (sec_emails_list_recipients (f->store, PLATFORM_2025, SEC_EMAIL_THANKS, NULL, NULL, &past, &past_out, &error));
    other = ((SecEmailRecipient *) g_ptr_array_index (past, 0))->row->participant_id;
    g_array_append_val (mixed, mine);
    g_array_append_val (mixed, other);
    g_assert_false (sec_emails_record_sent (f->store, JOINT_2027, SEC_EMAIL_INVITATION, (gint64 *) mixed->data, 2, &error));
    g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
    g_clear_error (&error);
    meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, &error);
    g_assert_cmpstr (sec_record_get_string (meeting, "status"), ==, "planned");
    g_clear_object (&meeting);
  }

  /* Invitations: dated, and the meeting's status follows. */
  g_assert_true (sec_emails_record_sent (f->store, JOINT_2027, SEC_EMAIL_INVITATION, (gint64 *) ids->data, 1, &error));
  g_assert_no_error (error);
  p = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpstr (sec_record_get_string (p, "invited-on"), ==, today);
  meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, &error);
  g_assert_cmpstr (sec_record_get_string (meeting, "status"), ==, "invitations-sent");
  g_clear_object (&meeting);

  /* A meeting held stays held. */
  g_assert_true (sec_emails_record_sent (f->store, PLATFORM_2025, SEC_EMAIL_INVITATION, &other, 1, &error));
  meeting = sec_store_get (f->store, SEC_TYPE_MEETING, PLATFORM_2025, &error);
  g_assert_cmpstr (sec_record_get_string (meeting, "status"), ==, "held");
}

/* Templates */

static void
test_templates (SecTestEmails *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expanded = NULL;
  gboolean customised = TRUE;

  g_assert_cmpstr (sec_email_template_pick_language ("fr, nl, en"), ==, "fr");
  g_assert_cmpstr (sec_email_template_pick_language ("NL/DE"), ==, "de");
  g_assert_cmpstr (sec_email_template_pick_language ("el, en"), ==, "en");
  /* The tests run in en_US. */
  g_assert_cmpstr (sec_email_template_pick_language ("el"), ==, "en");
  g_assert_cmpstr (sec_email_template_pick_language (NULL), ==, "en");

  sec_email_template_get (f->store, SEC_EMAIL_INVITATION, "en", &subject, &body, &customised);
  g_assert_false (customised);
  g_assert_cmpstr (subject, ==, "Invitation: {title}, {date}");
  sec_test_assert_contains (body, "{salutation}");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);

  g_assert_true (sec_email_template_set (f->store, SEC_EMAIL_REMINDER, "fr", "Rappel : {title}",
                                         "{salutation}\nÀ bientôt.", &error));
  g_assert_no_error (error);
  sec_email_template_get (f->store, SEC_EMAIL_REMINDER, "fr", &subject, &body, &customised);
  g_assert_true (customised);
  g_assert_cmpstr (subject, ==, "Rappel : {title}");
  g_assert_cmpstr (body, ==, "{salutation}\nÀ bientôt.");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);
  /* Another language keeps its default; NULL goes back to it. */
  sec_email_template_get (f->store, SEC_EMAIL_REMINDER, "en", &subject, &body, &customised);
  g_assert_false (customised);
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);
  g_assert_true (sec_email_template_set (f->store, SEC_EMAIL_REMINDER, "fr", NULL, NULL, &error));
  sec_email_template_get (f->store, SEC_EMAIL_REMINDER, "fr", &subject, &body, &customised);
  g_assert_false (customised);

  g_hash_table_insert (fields, (char *) "title", (char *) "Plenary");
  g_hash_table_insert (fields, (char *) "link", (char *) "");
  g_hash_table_insert (fields, (char *) "venue", (char *) "Brussels");
  expanded = sec_email_template_expand ("Dear {x},\n{title} in {venue}\nOnline: {link}\n{link}{venue}\nEnd", fields, FALSE);
  g_assert_cmpstr (expanded, ==, "Dear {x},\nPlenary in Brussels\nBrussels\nEnd");
  g_clear_pointer (&expanded, g_free);
  expanded = sec_email_template_expand ("{link}\nA {title}\nB", fields, TRUE);
  g_assert_cmpstr (expanded, ==, "A Plenary B");
}

/* The drafts of the demo's joint meeting, in the recipients' languages. */
static void
test_drafts (SecTestEmails *f,
             gconstpointer  data)
{
  SecMeetingEmailOptions options = {
    .kind = SEC_EMAIL_INFORMATION,
    .attachments = SEC_EMAIL_ATTACH_AGENDA | SEC_EMAIL_ATTACH_PARTICIPANTS,
    .paper = SEC_PAPER_A4,
  };
  g_autoptr(SecMeetingEmails) emails = NULL;
  g_autoptr(GError) error = NULL;
  SecEmailDraft *helene = NULL;

  emails = sec_meeting_emails_new (f->store, JOINT_2027, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (emails->drafts->len, ==, emails->included->len);
  for (guint i = 0; i < emails->drafts->len; i++)
    {
      SecEmailDraft *d = g_ptr_array_index (emails->drafts, i);
      SecEmailRecipient *r = g_ptr_array_index (d->recipients, 0);

      g_assert_cmpuint (d->recipients->len, ==, 1);
      g_assert_cmpuint (d->attachments->len, ==, 2);
      g_assert_null (strchr (d->subject, '\n'));
      g_assert_null (strstr (d->body, "{"));
      if (g_str_equal (r->name, "Hélène Vandenberghe"))
        helene = d;
    }
  g_assert_nonnull (helene);
  g_assert_cmpstr (helene->language, ==, "fr");
  sec_test_assert_contains (helene->body, "Vandenberghe");
  sec_test_assert_contains (helene->body, "Rue Froissart");

  /* One draft for everyone, in Bcc. */
  g_clear_pointer (&emails, sec_meeting_emails_free);
  options.everyone_in_bcc = TRUE;
  options.attachments = 0;
  emails = sec_meeting_emails_new (f->store, JOINT_2027, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (emails->drafts->len, ==, 1);
  g_assert_cmpuint (((SecEmailDraft *) g_ptr_array_index (emails->drafts, 0))->recipients->len, ==, emails->included->len);
  g_assert_true (g_str_has_prefix (((SecEmailDraft *) g_ptr_array_index (emails->drafts, 0))->body, "Dear colleagues,"));

  /* The thanks, with the public minutes of the meeting held. */
  g_clear_pointer (&emails, sec_meeting_emails_free);
  options.kind = SEC_EMAIL_THANKS;
  options.attachments = SEC_EMAIL_ATTACH_MINUTES;
  emails = sec_meeting_emails_new (f->store, PLATFORM_2025, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (emails->drafts->len, ==, 1);
  {
    SecEmailDraft *d = g_ptr_array_index (emails->drafts, 0);
    SecEmailAttachment *a;
    gsize length;
    const char *pdf;

    g_assert_cmpuint (d->attachments->len, ==, 1);
    a = g_ptr_array_index (d->attachments, 0);
    g_assert_cmpstr (a->filename, ==, "minutes.pdf");
    g_assert_cmpstr (a->mime_type, ==, "application/pdf");
    pdf = g_bytes_get_data (a->contents, &length);
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

#define ADD SEC_TEST_EMAILS_ADD
  ADD ("/emails/recipients", test_recipients);
  ADD ("/emails/record-sent", test_record_sent);
  ADD ("/emails/templates", test_templates);
  ADD ("/emails/drafts", test_drafts);
#undef ADD

  return g_test_run ();
}
