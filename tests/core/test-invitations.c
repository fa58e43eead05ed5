/* test-invitations.c: inviting the members of a meeting's bodies and
 * individuals, bulk status and role changes, the check-in (search, mark
 * present, undo, substitutes, counts), and the meeting page's warnings
 * (needs, the co-chair of the network of National Rapporteurs), on the demo
 * data. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "core/base/sec-format.h"
#include "core/meetings/sec-invitations.h"
#include "core/meetings/sec-walk-in.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

/* The demo's meetings, by the order they are made in. */
#define NREM_2018     1
#define PLATFORM_2025 2
#define JOINT_2027    3

typedef struct {
  char     *dir;
  SecStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sec_test_make_tmp_dir ("test-invitations-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  sec_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Helpers */

static SecQuery *
query_eq (const char *field,
          gint64      value)
{
  SecQuery *q = sec_query_new ();
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  sec_query_add (q, field, SEC_QUERY_EQUALS, text);
  return q;
}

static GPtrArray *
participants_of (Fixture *f,
                 gint64   meeting)
{
  g_autoptr(SecQuery) q = query_eq ("meeting", meeting);
  g_autoptr(GError) error = NULL;
  GPtrArray *list = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, q, &error);

  g_assert_no_error (error);
  return list;
}

static gint64
count_participants (Fixture *f,
                    gint64   meeting)
{
  g_autoptr(GPtrArray) list = participants_of (f, meeting);

  return list->len;
}

static SecRecord *
participant_named (Fixture    *f,
                   gint64      meeting,
                   const char *family_name)
{
  g_autoptr(GPtrArray) list = participants_of (f, meeting);

  for (guint i = 0; i < list->len; i++)
    {
      SecRecord *p = g_ptr_array_index (list, i);
      g_autoptr(SecRecord) person = sec_store_get (f->store, SEC_TYPE_PERSON, sec_record_get_ref (p, "person"), NULL);

      if (g_strcmp0 (sec_record_get_string (person, "family-name"), family_name) == 0)
        return g_object_ref (p);
    }
  g_assert_not_reached ();
  return NULL;
}

static gint64
add_person (Fixture    *f,
            const char *given,
            const char *family,
            gint64      organisation)
{
  g_autofree char *organisation_text = sec_test_id_text (organisation);

  return sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", given, "family-name", family,
                          "organisation", organisation_text, NULL);
}

static void
set_contact (Fixture *f,
             gint64   organisation,
             gint64   person)
{
  g_autoptr(SecRecord) o = sec_store_get (f->store, SEC_TYPE_ORGANISATION, organisation, NULL);
  g_autoptr(GError) error = NULL;

  sec_record_set_ref (o, "contact-person", person);
  sec_store_update (f->store, o, &error);
  g_assert_no_error (error);
}

/* The first of @organisation's people. */
static gint64
first_person_of (Fixture *f,
                 gint64   organisation)
{
  g_autoptr(SecQuery) q = query_eq ("organisation", organisation);
  g_autoptr(GPtrArray) people = sec_store_list (f->store, SEC_TYPE_PERSON, q, NULL);

  g_assert_nonnull (people);
  g_assert_cmpuint (people->len, >, 0);
  return sec_record_get_id (g_ptr_array_index (people, 0));
}

/* Tests: invitations */

static void
test_list_members (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sec_invitations_list_members (f->store, JOINT_2027, &error);
  g_autoptr(GPtrArray) none = NULL;
  guint represented = 0;

  g_assert_no_error (error);
  /* The Platform's 24 members and the network's 8, on 19 May 2027. */
  g_assert_cmpuint (members->len, ==, 32);
  for (guint i = 0; i < members->len; i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (members, i);

      g_assert_cmpstr (m->name, !=, "");
      g_assert_nonnull (m->bodies);
      if (m->represented)
        represented++;
      if (i > 0)
        g_assert_cmpint (m->organisation_id, !=,
                         ((SecMemberOrganisation *) g_ptr_array_index (members, i - 1))->organisation_id);
    }
  g_assert_cmpuint (represented, ==, 17);

  none = sec_invitations_list_members (f->store, 999, &error);
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
  g_assert_null (none);
}

static void
test_invite_members (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sec_invitations_list_members (f->store, JOINT_2027, &error);
  g_autoptr(SecInvitationResult) result = NULL;
  g_autoptr(SecInvitationResult) again = NULL;
  g_autoptr(GArray) picks = g_array_new (FALSE, FALSE, sizeof (SecInvitationPick));
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) unreached = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *today = sec_today ();
  gint64 before = count_participants (f, JOINT_2027);
  gint64 shared_contact = 0;
  guint n_open = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);

  /* Of the members nobody represents yet: the first two get a contact
   * person (the same one: invited once), the third a person picked, the
   * fourth a contact person and a pick of nobody; the rest have nobody. */
  for (guint i = 0; i < members->len; i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (members, i);

      if (m->represented)
        continue;
      n_open++;
      if (n_open == 1)
        {
          shared_contact = first_person_of (f, m->organisation_id);
          set_contact (f, m->organisation_id, shared_contact);
          g_hash_table_insert (expected, g_memdup2 (&shared_contact, sizeof (gint64)),
                               GSIZE_TO_POINTER ((gsize) m->organisation_id));
        }
      else if (n_open == 2)
        set_contact (f, m->organisation_id, shared_contact);
      else if (n_open == 3)
        {
          SecInvitationPick pick = { m->organisation_id, first_person_of (f, m->organisation_id) };

          g_array_append_val (picks, pick);
          g_hash_table_insert (expected, g_memdup2 (&pick.person_id, sizeof (gint64)),
                               GSIZE_TO_POINTER ((gsize) m->organisation_id));
        }
      else if (n_open == 4)
        {
          SecInvitationPick pick = { m->organisation_id, 0 };

          set_contact (f, m->organisation_id, first_person_of (f, m->organisation_id));
          g_array_append_val (picks, pick);
          g_ptr_array_add (unreached, m->name);
        }
      else
        g_ptr_array_add (unreached, m->name);
    }
  g_assert_cmpuint (n_open, ==, 15);

  sec_invitations_invite_members (f->store, JOINT_2027, (SecInvitationPick *) picks->data, picks->len,
                                  &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_invited, ==, 2);
  /* The 17 represented; the second member of the shared contact has
   * its contact invited already. */
  g_assert_cmpuint (result->n_represented, ==, 17);
  g_assert_cmpuint (result->n_already, ==, 1);
  g_assert_cmpuint (result->unreached->len, ==, unreached->len);
  for (guint i = 0; i < unreached->len; i++)
    g_assert_cmpstr (g_ptr_array_index (result->unreached, i), ==, g_ptr_array_index (unreached, i));
  g_assert_cmpint (count_participants (f, JOINT_2027), ==, before + 2);

  /* Each invited once, representing the member, dated today. */
  after = participants_of (f, JOINT_2027);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint found = 0;

      for (guint i = 0; i < after->len; i++)
        {
          SecRecord *p = g_ptr_array_index (after, i);

          if (sec_record_get_ref (p, "person") != *(gint64 *) key)
            continue;
          found++;
          g_assert_cmpint (sec_record_get_ref (p, "organisation"), ==, (gint64) GPOINTER_TO_SIZE (value));
          g_assert_cmpstr (sec_record_get_string (p, "status"), ==, "invited");
          g_assert_cmpstr (sec_record_get_string (p, "invited-on"), ==, today);
        }
      g_assert_cmpuint (found, ==, 1);
    }

  /* Again: nothing more to do; the same organisations have nobody. */
  sec_invitations_invite_members (f->store, JOINT_2027, (SecInvitationPick *) picks->data, picks->len,
                                  &again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_invited, ==, 0);
  g_assert_cmpuint (again->unreached->len, ==, unreached->len);
  g_assert_cmpint (count_participants (f, JOINT_2027), ==, before + 2);
}

static void
test_invite_members_all_or_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = sec_invitations_list_members (f->store, JOINT_2027, &error);
  g_autoptr(GArray) picks = g_array_new (FALSE, FALSE, sizeof (SecInvitationPick));
  gint64 before = count_participants (f, JOINT_2027);
  guint n = 0;

  /* A good pick, then one of a person who does not exist. */
  for (guint i = 0; i < members->len && n < 2; i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (members, i);
      SecInvitationPick pick = { m->organisation_id, n == 0 ? first_person_of (f, m->organisation_id) : 99999 };

      if (m->represented)
        continue;
      g_array_append_val (picks, pick);
      n++;
    }
  g_assert_false (sec_invitations_invite_members (f->store, JOINT_2027, (SecInvitationPick *) picks->data,
                                                  picks->len, NULL, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count_participants (f, JOINT_2027), ==, before);
}

static void
test_invite_people (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecInvitationResult) result = NULL;
  g_autoptr(SecRecord) muller = participant_named (f, JOINT_2027, "Müller");
  gint64 newcomer = add_person (f, "Zoë", "Ó Briain", 1);
  gint64 people[] = { newcomer, sec_record_get_ref (muller, "person"), newcomer };
  g_autoptr(SecQuery) q = query_eq ("meeting", JOINT_2027);
  g_autoptr(GPtrArray) list = NULL;
  gint64 before = count_participants (f, JOINT_2027);

  sec_invitations_invite_people (f->store, JOINT_2027, people, G_N_ELEMENTS (people), &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_invited, ==, 1);
  g_assert_cmpuint (result->n_already, ==, 2);
  g_assert_cmpuint (result->n_represented, ==, 0);
  g_assert_cmpuint (result->unreached->len, ==, 0);
  g_assert_cmpint (count_participants (f, JOINT_2027), ==, before + 1);

  g_autofree char *newcomer_text = g_strdup_printf ("%" G_GINT64_FORMAT, newcomer);
  sec_query_add (q, "person", SEC_QUERY_EQUALS, newcomer_text);
  list = sec_store_list (f->store, SEC_TYPE_PARTICIPANT, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  /* Represents the person's own organisation. */
  g_assert_cmpint (sec_record_get_ref (g_ptr_array_index (list, 0), "organisation"), ==, 1);
}

/* Tests: statuses */

static void
test_set_status (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) kask = participant_named (f, JOINT_2027, "Kask");
  g_autoptr(SecRecord) wojcik = participant_named (f, JOINT_2027, "Wójcik");
  g_autoptr(SecRecord) borg = participant_named (f, JOINT_2027, "Borg");
  g_autoptr(GArray) counts = NULL;
  g_autofree char *today = sec_today ();
  gint64 ids[] = { sec_record_get_id (kask), sec_record_get_id (wojcik) };
  gint64 substitute = add_person (f, "Liis", "Tamm", 44);
  gint64 borg_id = sec_record_get_id (borg);
  SecRecord *r;

  sec_participants_set_status (f->store, ids, G_N_ELEMENTS (ids), "confirmed", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      r = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, ids[i], &error);
      g_assert_cmpstr (sec_record_get_string (r, "status"), ==, "confirmed");
      g_assert_cmpstr (sec_record_get_string (r, "status-changed-on"), ==, today);
      g_object_unref (r);
    }

  /* Counted per status, in the order of the statuses. */
  counts = sec_participants_count_statuses (f->store, JOINT_2027, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 6);
  g_assert_cmpstr (g_array_index (counts, SecStatusCount, 0).status, ==, "invited");
  g_assert_cmpint (g_array_index (counts, SecStatusCount, 0).count, ==, 2);
  g_assert_cmpstr (g_array_index (counts, SecStatusCount, 2).status, ==, "confirmed");
  g_assert_cmpint (g_array_index (counts, SecStatusCount, 2).count, ==, 9);

  /* Replaced: who by is recorded; another status clears it. */
  sec_participants_set_status (f->store, &borg_id, 1, "replaced", substitute, &error);
  g_assert_no_error (error);
  r = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, borg_id, &error);
  g_assert_cmpstr (sec_record_get_string (r, "status"), ==, "replaced");
  g_assert_cmpint (sec_record_get_ref (r, "substitute"), ==, substitute);
  g_object_unref (r);

  sec_participants_set_status (f->store, &borg_id, 1, "excused", 0, &error);
  g_assert_no_error (error);
  r = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, borg_id, &error);
  g_assert_cmpint (sec_record_get_ref (r, "substitute"), ==, 0);
  g_object_unref (r);

  /* Refused as a whole: an unknown status, a participant who is not. */
  g_assert_false (sec_participants_set_status (f->store, ids, 2, "maybe", 0, &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    gint64 bad[] = { ids[0], 99999 };

    g_assert_false (sec_participants_set_status (f->store, bad, 2, "declined", 0, &error));
    g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    r = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, ids[0], NULL);
    g_assert_cmpstr (sec_record_get_string (r, "status"), ==, "confirmed");
    g_object_unref (r);
  }

  /* Roles, the same way. */
  sec_participants_set_role (f->store, ids, 2, "observer", &error);
  g_assert_no_error (error);
  r = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, ids[1], NULL);
  g_assert_cmpstr (sec_record_get_string (r, "role"), ==, "observer");
  g_object_unref (r);
  g_assert_false (sec_participants_set_role (f->store, ids, 2, "king", &error));
  g_assert_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID);
}

/* Tests: check-in */

static void
test_check_in (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SecCheckIn) check_in = NULL;
  g_autoptr(SecRecord) muller = participant_named (f, JOINT_2027, "Müller");
  SecCheckInMatch *m;
  SecRecord *r;
  gint64 present, expected;

  sec_check_in_count (f->store, JOINT_2027, &present, &expected, &error);
  g_assert_no_error (error);
  /* 21 participants: 2 declined, 1 excused, 1 replaced by one who has
   * their own line. */
  g_assert_cmpint (present, ==, 0);
  g_assert_cmpint (expected, ==, 17);

  /* Folding case and accents. */
  found = sec_check_in_find (f->store, JOINT_2027, "MULL", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  m = g_ptr_array_index (found, 0);
  g_assert_cmpstr (m->name, ==, "Anna Müller");
  g_assert_cmpint (m->participant_id, ==, sec_record_get_id (muller));
  g_assert_cmpstr (m->status, ==, "registered");
  g_assert_null (m->replaces);

  check_in = sec_check_in (f->store, m, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sec_check_in_get_name (check_in), ==, "Anna Müller");
  r = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, sec_record_get_id (muller), NULL);
  g_assert_cmpstr (sec_record_get_string (r, "status"), ==, "attended");
  g_object_unref (r);
  sec_check_in_count (f->store, JOINT_2027, &present, &expected, &error);
  g_assert_cmpint (present, ==, 1);
  g_assert_cmpint (expected, ==, 17);

  /* Taken back: as it was. */
  sec_check_in_undo (f->store, check_in, &error);
  g_assert_no_error (error);
  r = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, sec_record_get_id (muller), NULL);
  g_assert_cmpstr (sec_record_get_string (r, "status"), ==, "registered");
  g_assert_cmpstr (sec_record_get_string (r, "status-changed-on"), ==,
                   sec_record_get_string (muller, "status-changed-on"));
  g_object_unref (r);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Every word; Greek and Cyrillic fold too; names starting with the
   * letters first. */
  found = sec_check_in_find (f->store, JOINT_2027, "νικολαος παπα", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = sec_check_in_find (f->store, JOINT_2027, "кирил", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = sec_check_in_find (f->store, JOINT_2027, "an", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 2);
  g_assert_cmpstr (((SecCheckInMatch *) g_ptr_array_index (found, 0))->name, ==, "Anna Müller");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = sec_check_in_find (f->store, JOINT_2027, "", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* Not a person of this meeting; a LIKE wildcard is a letter. */
  found = sec_check_in_find (f->store, JOINT_2027, "Vassiliadou", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = sec_check_in_find (f->store, JOINT_2027, "%", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* The one replaced by a participant of their own is not found; that
   * participant is. */
  found = sec_check_in_find (f->store, JOINT_2027, "Dvořáková", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
}

static void
test_check_in_substitute (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SecCheckIn) check_in = NULL;
  g_autoptr(SecRecord) kask = participant_named (f, JOINT_2027, "Kask");
  gint64 kask_id = sec_record_get_id (kask);
  gint64 substitute = add_person (f, "Liis", "Tamm", 44);
  gint64 before = count_participants (f, JOINT_2027);
  gint64 present, expected;
  SecCheckInMatch *m;
  SecRecord *own;

  sec_participants_set_status (f->store, &kask_id, 1, "replaced", substitute, &error);
  g_assert_no_error (error);

  /* Found by the substitute's name, saying whom they replace. */
  found = sec_check_in_find (f->store, JOINT_2027, "tamm", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  m = g_ptr_array_index (found, 0);
  g_assert_cmpstr (m->name, ==, "Liis Tamm");
  g_assert_cmpstr (m->replaces, ==, "Mari Kask");
  g_assert_cmpint (m->person_id, ==, substitute);

  /* Present: on a line of their own; expected stays the same person. */
  sec_check_in_count (f->store, JOINT_2027, NULL, &expected, &error);
  check_in = sec_check_in (f->store, m, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_participants (f, JOINT_2027), ==, before + 1);
  own = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, sec_check_in_get_participant_id (check_in), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_record_get_ref (own, "person"), ==, substitute);
  g_assert_cmpint (sec_record_get_ref (own, "organisation"), ==, 44);
  g_assert_cmpstr (sec_record_get_string (own, "status"), ==, "attended");
  g_object_unref (own);
  {
    gint64 expected_after;

    sec_check_in_count (f->store, JOINT_2027, &present, &expected_after, &error);
    g_assert_cmpint (present, ==, 1);
    g_assert_cmpint (expected_after, ==, expected);
  }

  /* Undone: their line goes again. */
  sec_check_in_undo (f->store, check_in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_participants (f, JOINT_2027), ==, before);
}

/* Tests: warnings */

static void
test_needs (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needs = sec_meeting_list_needs (f->store, PLATFORM_2025, &error);
  gboolean muller = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, >=, 4);
  for (guint i = 0; i < needs->len; i++)
    {
      SecParticipantNeeds *n = g_ptr_array_index (needs, i);

      g_assert_true (n->accessibility || n->dietary || n->needs);
      if (g_str_equal (n->name, "Anna Müller"))
        {
          muller = TRUE;
          g_assert_cmpstr (n->needs, ==, "Vegetarian meals");
        }
      /* Chloé Dubois was excused: not there, no needs. */
      g_assert_cmpstr (n->name, !=, "Chloé Dubois");
    }
  g_assert_true (muller);
}

static void
set_co_chair (Fixture    *f,
              gint64      meeting,
              const char *co_chair)
{
  g_autoptr(SecRecord) m = sec_store_get (f->store, SEC_TYPE_MEETING, meeting, NULL);
  g_autoptr(GError) error = NULL;

  sec_record_set_string (m, "co-chair", co_chair);
  sec_store_update (f->store, m, &error);
  g_assert_no_error (error);
}

static char *
propose (Fixture  *f,
         gint64    meeting,
         char    **country)
{
  g_autoptr(SecRecord) m = sec_store_get (f->store, SEC_TYPE_MEETING, meeting, NULL);

  return sec_meeting_propose_co_chair (f->store, m, country);
}

static void
test_co_chair (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *country = NULL;
  char *proposal;

  g_assert_true (sec_meeting_is_nrem (f->store, NREM_2018));
  g_assert_true (sec_meeting_is_nrem (f->store, JOINT_2027));
  g_assert_false (sec_meeting_is_nrem (f->store, PLATFORM_2025));

  /* The demo's co-chair names the Presidency already. */
  proposal = propose (f, NREM_2018, NULL);
  g_assert_null (proposal);

  set_co_chair (f, NREM_2018, "");
  proposal = propose (f, NREM_2018, &country);
  g_assert_cmpstr (proposal, ==, "Bulgaria (Presidency of the Council of the EU)");
  g_assert_cmpstr (country, ==, "BG");
  g_free (proposal);

  set_co_chair (f, NREM_2018, "Austrian Presidency of the Council of the EU");
  proposal = propose (f, NREM_2018, NULL);
  g_assert_cmpstr (proposal, ==, "Bulgaria (Presidency of the Council of the EU)");
  g_free (proposal);

  set_co_chair (f, NREM_2018, "Bulgaria (Presidency of the Council of the EU)");
  g_assert_null (propose (f, NREM_2018, NULL));

  /* Not a meeting of the network: nothing to propose. */
  g_assert_null (propose (f, PLATFORM_2025, NULL));
}

/* A walk-in: person, new organisation and participant made at once, and
 * taken back together; an existing organisation is reused and kept. */
static void
test_walk_in (Fixture       *f,
              gconstpointer  data)
{
  gint64 people = sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL);
  gint64 organisations = sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL);
  gint64 participants = count_participants (f, JOINT_2027);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecWalkIn) walk_in = NULL;
  g_autoptr(SecRecord) participant = NULL;
  g_autoptr(SecWalkIn) second = NULL;

  walk_in = sec_walk_in_add (f->store, JOINT_2027, "Anna Maria Rossi", "Associazione Nuova Walk-in", &error);
  g_assert_no_error (error);
  g_assert_nonnull (walk_in);
  g_assert_cmpstr (sec_walk_in_get_name (walk_in), ==, "Anna Maria Rossi");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, people + 1);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, organisations + 1);
  g_assert_cmpint (count_participants (f, JOINT_2027), ==, participants + 1);
  participant = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, sec_walk_in_get_participant_id (walk_in), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (participant, "status"), ==, "attended");

  g_assert_true (sec_walk_in_undo (f->store, walk_in, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, people);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, organisations);
  g_assert_cmpint (count_participants (f, JOINT_2027), ==, participants);

  /* An organisation that exists is used, and stays after the undo. */
  second = sec_walk_in_add (f->store, JOINT_2027, "Jan Nowak",
                            "European Union Agency for Law Enforcement Cooperation", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, organisations);
  g_assert_true (sec_walk_in_undo (f->store, second, &error));
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, organisations);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, people);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/invitations/list-members", test_list_members);
  ADD ("/invitations/invite-members", test_invite_members);
  ADD ("/invitations/all-or-nothing", test_invite_members_all_or_nothing);
  ADD ("/invitations/invite-people", test_invite_people);
  ADD ("/invitations/set-status", test_set_status);
  ADD ("/invitations/check-in", test_check_in);
  ADD ("/invitations/check-in-substitute", test_check_in_substitute);
  ADD ("/invitations/needs", test_needs);
  ADD ("/invitations/co-chair", test_co_chair);
  ADD ("/invitations/walk-in", test_walk_in);

  return g_test_run ();
}
