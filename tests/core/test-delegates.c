/* test-delegates.c: a member organisation's delegate and alternates on the
 * demo data: naming them (people of the organisation only), "Invite
 * members" inviting the delegate, the alternate proposed when the delegate
 * declines and recorded as substitute, and what the lists read (the
 * membership's delegate and alternates, a participant's representation). */
#include "config.h"

#include <locale.h>

#include "core/meetings/sec-delegates.h"
#include "core/meetings/sec-invitations.h"
#include "core/store/sec-records.h"
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

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/delegates/delegates", Fixture, NULL, fixture_setup, test_delegates, fixture_teardown);

  return g_test_run ();
}
