/* test-delegates.c: a member organisation's delegate and alternates on the
 * demo data: naming them (people of the organisation only), "Invite
 * members" inviting the delegate, the alternate proposed when the delegate
 * declines and recorded as substitute, and what the lists read (the
 * membership's delegate and alternates, a participant's representation). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/documents/sec-meeting-csv.h"
#include "core/documents/sec-meeting-data.h"
#include "core/documents/sec-meeting-options.h"
#include "core/meetings/sec-delegates.h"
#include "core/meetings/sec-invitations.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-emails.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

#define JOINT_2027 3

typedef struct {
  char     *dir;
  SecStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = sec_test_make_tmp_dir ("test-delegates-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GPtrArray *
list_where (Fixture *f, GType type, const char *field, gint64 id)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *text = sec_test_id_text (id);
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  sec_query_add (q, field, SEC_QUERY_EQUALS, text);
  list = sec_store_list (f->store, type, q, &error);
  g_assert_no_error (error);
  return list;
}

static void
test_delegates (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sec_invitations_list_members (f->store, JOINT_2027, &error);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(SecInvitationResult) result = NULL;
  g_autoptr(SecRecord) membership = NULL;
  g_autoptr(SecRecord) participant = NULL;
  g_autoptr(GArray) alternates = NULL;
  SecMemberOrganisation *member = NULL;
  gint64 delegate = 0, alternate = 0, stranger, membership_id = 0, participant_id, organisation_id;

  /* An organisation not yet invited with two people on record. */
  for (guint i = 0; member == NULL && i < members->len; i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (members, i);

      if (!m->represented && m->n_people >= 2)
        member = m;
    }
  g_assert_nonnull (member);
  people = list_where (f, SEC_TYPE_PERSON, "organisation", member->organisation_id);
  /* The delegate is not the contact person, when there is one. */
  for (guint i = 0; i < people->len; i++)
    {
      gint64 id = sec_record_get_id (g_ptr_array_index (people, i));

      if (delegate == 0 && id != member->contact_person_id)
        delegate = id;
      else if (alternate == 0 && id != delegate)
        alternate = id;
    }
  g_assert_cmpint (delegate, !=, 0);
  g_assert_cmpint (alternate, !=, 0);
  memberships = list_where (f, SEC_TYPE_MEMBERSHIP, "organisation", member->organisation_id);
  for (guint i = 0; i < memberships->len; i++)
    if (g_str_equal (sec_record_get_string (g_ptr_array_index (memberships, i), "status"), "active"))
      membership_id = sec_record_get_id (g_ptr_array_index (memberships, i));
  g_assert_cmpint (membership_id, !=, 0);

  /* Only people of the organisation; the delegate not an alternate too. */
  others = sec_store_list (f->store, SEC_TYPE_PERSON, NULL, &error);
  stranger = 0;
  for (guint i = 0; stranger == 0 && i < others->len; i++)
    if (sec_record_get_ref (g_ptr_array_index (others, i), "organisation") != member->organisation_id)
      stranger = sec_record_get_id (g_ptr_array_index (others, i));
  g_assert_false (sec_membership_set_representatives (f->store, membership_id, stranger, NULL, 0, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sec_membership_set_representatives (f->store, membership_id, delegate, &stranger, 1, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sec_membership_set_representatives (f->store, membership_id, delegate, &delegate, 1, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  membership = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, membership_id, &error);
  g_assert_cmpint (sec_record_get_ref (membership, "delegate"), ==, 0);
  g_clear_object (&membership);

  g_assert_true (sec_membership_set_representatives (f->store, membership_id, delegate, &alternate, 1, &error));
  g_assert_no_error (error);
  alternates = sec_membership_list_alternates (f->store, membership_id, &error);
  g_assert_cmpuint (alternates->len, ==, 1);
  g_assert_cmpint (g_array_index (alternates, gint64, 0), ==, alternate);
  membership = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, membership_id, &error);
  g_assert_cmpint (sec_record_get_ref (membership, "delegate"), ==, delegate);
  g_assert_nonnull (sec_record_get_derived (membership, "delegate-name"));
  g_assert_nonnull (sec_record_get_derived (membership, "alternate-names"));

  /* Invite members: the delegate, not the contact person. (The list
   * @member came from is freed here: keep its organisation.) */
  organisation_id = member->organisation_id;
  member = NULL;
  g_clear_pointer (&members, g_ptr_array_unref);
  members = sec_invitations_list_members (f->store, JOINT_2027, &error);
  for (guint i = 0; i < members->len; i++)
    if (((SecMemberOrganisation *) g_ptr_array_index (members, i))->organisation_id == organisation_id)
      g_assert_cmpint (((SecMemberOrganisation *) g_ptr_array_index (members, i))->contact_person_id, ==, delegate);
  g_assert_true (sec_invitations_invite_members (f->store, JOINT_2027, NULL, 0, &result, &error));
  g_assert_no_error (error);
  participant_id = sec_store_find_participant (f->store, JOINT_2027, delegate, &error);
  g_assert_cmpint (participant_id, >, 0);
  participant = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, participant_id, &error);
  g_assert_cmpstr (sec_record_get_derived (participant, "representation"), ==, "delegate");
  g_clear_object (&participant);

  /* Invited: nothing to propose. Declined: the alternate. */
  g_assert_cmpint (sec_delegates_propose_substitute (f->store, participant_id, &error), ==, 0);
  g_assert_true (sec_participants_set_status (f->store, &participant_id, 1, "declined", 0, &error));
  g_assert_cmpint (sec_delegates_propose_substitute (f->store, participant_id, &error), ==, alternate);
  g_assert_true (sec_delegates_take_substitute (f->store, participant_id, alternate, &error));
  g_assert_no_error (error);
  participant = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, participant_id, &error);
  g_assert_cmpstr (sec_record_get_string (participant, "status"), ==, "replaced");
  g_assert_cmpint (sec_record_get_ref (participant, "substitute"), ==, alternate);
  g_assert_cmpint (sec_delegates_propose_substitute (f->store, participant_id, &error), ==, 0);
  g_assert_no_error (error);

  /* An alternate already taking part is not proposed again. */
  {
    g_autoptr(SecInvitationResult) r = NULL;

    g_assert_true (sec_participants_set_status (f->store, &participant_id, 1, "declined", 0, &error));
    g_assert_true (sec_invitations_invite_people (f->store, JOINT_2027, &alternate, 1, &r, &error));
    g_assert_cmpint (sec_delegates_propose_substitute (f->store, participant_id, &error), ==, 0);
    g_clear_object (&participant);
    participant = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, sec_store_find_participant (f->store, JOINT_2027, alternate, NULL), &error);
    g_assert_cmpstr (sec_record_get_derived (participant, "representation"), ==, "alternate");
  }
}

/* The store itself refuses a delegate or an alternate from another
 * organisation, however the membership is written (the record editor
 * saves the record as a whole), and says why. */
static void
test_store_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) memberships = sec_store_list (f->store, SEC_TYPE_MEMBERSHIP, NULL, &error);
  g_autoptr(GPtrArray) people = sec_store_list (f->store, SEC_TYPE_PERSON, NULL, &error);
  g_autoptr(SecRecord) membership = NULL;
  g_autoptr(SecRecord) again = NULL;
  g_autoptr(GArray) alternates = NULL;
  gint64 delegate, organisation, stranger = 0, other_organisation = 0;

  /* A demo membership with its delegate named. */
  for (guint i = 0; membership == NULL && i < memberships->len; i++)
    if (sec_record_get_ref (g_ptr_array_index (memberships, i), "delegate") != 0)
      membership = g_object_ref (g_ptr_array_index (memberships, i));
  g_assert_nonnull (membership);
  delegate = sec_record_get_ref (membership, "delegate");
  organisation = sec_record_get_ref (membership, "organisation");
  for (guint i = 0; stranger == 0 && i < people->len; i++)
    {
      gint64 of = sec_record_get_ref (g_ptr_array_index (people, i), "organisation");

      if (of != 0 && of != organisation)
        {
          stranger = sec_record_get_id (g_ptr_array_index (people, i));
          other_organisation = of;
        }
    }
  g_assert_cmpint (stranger, !=, 0);

  sec_record_set_ref (membership, "delegate", stranger);
  g_assert_false (sec_store_update (f->store, membership, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The delegate must be a person of the member organisation");
  g_clear_error (&error);

  /* Moving the membership to another organisation leaves its delegate
   * behind: refused too. */
  sec_record_set_ref (membership, "delegate", delegate);
  sec_record_set_ref (membership, "organisation", other_organisation);
  g_assert_false (sec_store_update (f->store, membership, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nobody at all is fine; the alternates table checks as well. */
  sec_record_set_ref (membership, "organisation", organisation);
  sec_record_set_ref (membership, "delegate", 0);
  g_assert_true (sec_store_update (f->store, membership, &error));
  g_assert_no_error (error);
  alternates = sec_membership_list_alternates (f->store, sec_record_get_id (membership), &error);
  g_assert_cmpuint (alternates->len, ==, 1);
  g_assert_true (sec_store_begin (f->store, &error));
  g_assert_false (sec_store_set_alternates (f->store, sec_record_get_id (membership), &stranger, 1, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "An alternate must be a person of the member organisation");
  g_clear_error (&error);
  sec_store_rollback (f->store);
  g_clear_pointer (&alternates, g_array_unref);
  alternates = sec_membership_list_alternates (f->store, sec_record_get_id (membership), &error);
  g_assert_cmpuint (alternates->len, ==, 1);

  again = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, sec_record_get_id (membership), &error);
  g_assert_cmpint (sec_record_get_ref (again, "delegate"), ==, 0);
  g_assert_cmpint (sec_record_get_ref (again, "organisation"), ==, organisation);
}

static SecMeetingParticipant *
find_participant (SecMeetingData *data, const char *family_name)
{
  for (guint i = 0; i < data->participants->len; i++)
    {
      SecMeetingParticipant *p = g_ptr_array_index (data->participants, i);

      if (g_strcmp0 (p->family_name, family_name) == 0)
        return p;
    }
  g_assert_not_reached ();
}

/* The list of participants says who represents each organisation: the
 * demo's joint meeting has delegates (one a speaker) and an alternate
 * who replaces the delegate. */
static void
test_participant_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) meeting = sec_meeting_data_load (f->store, JOINT_2027, &error);
  g_autoptr(SecDocumentLocale) en = sec_document_locale_new ("en");
  g_autoptr(SecDocumentLocale) de = sec_document_locale_new ("de");
  SecMeetingParticipant *speaker, *delegate, *alternate, *plain;
  g_autofree char *speaker_role = NULL;
  g_autofree char *delegate_role = NULL;
  g_autofree char *alternate_role = NULL;
  g_autofree char *plain_role = NULL;
  g_autofree char *plain_said = NULL;
  g_autofree char *german = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  speaker = find_participant (meeting, "Łukasiewicz");
  delegate = find_participant (meeting, "Müller");
  alternate = find_participant (meeting, "Svoboda");
  plain = find_participant (meeting, "Åström");
  g_assert_cmpstr (speaker->representation, ==, "delegate");
  g_assert_cmpstr (alternate->representation, ==, "alternate");
  g_assert_cmpstr (alternate->replaces, ==, "Tereza Dvořáková");
  g_assert_null (plain->representation);

  speaker_role = sec_meeting_participant_dup_role (en, speaker, FALSE);
  delegate_role = sec_meeting_participant_dup_role (en, delegate, FALSE);
  alternate_role = sec_meeting_participant_dup_role (en, alternate, FALSE);
  plain_role = sec_meeting_participant_dup_role (en, plain, FALSE);
  plain_said = sec_meeting_participant_dup_role (en, plain, TRUE);
  g_assert_cmpstr (speaker_role, ==, "Speaker, Delegate");
  g_assert_cmpstr (delegate_role, ==, "Delegate");
  g_assert_cmpstr (alternate_role, ==, "Alternate");
  g_assert_null (plain_role);
  g_assert_cmpstr (plain_said, ==, "Participant");
  german = sec_meeting_participant_dup_role (de, alternate, FALSE);
  g_assert_cmpstr (german, ==, "Stellvertretung");

  /* The CSV: a column of its own, after the role. */
  csv = sec_meeting_csv_participants (meeting, NULL);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_nonnull (strstr (lines[0], "Role,Delegate or alternate,Status"));
  for (guint i = 1; lines[i] != NULL; i++)
    if (strstr (lines[i], "Svoboda") != NULL)
      g_assert_nonnull (strstr (lines[i], ",Participant,Alternate,Registered,"));
}

int
main (int argc, char **argv)
{
  g_autofree char *po = NULL;

  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);
  /* The translations built in the build tree (po/LANG/LC_MESSAGES). */
  po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add ("/delegates/delegates", Fixture, NULL, fixture_setup, test_delegates, fixture_teardown);
  g_test_add ("/delegates/store-refuses", Fixture, NULL, fixture_setup, test_store_refuses, fixture_teardown);
  g_test_add ("/delegates/participant-list", Fixture, NULL, fixture_setup, test_participant_list, fixture_teardown);

  return g_test_run ();
}
