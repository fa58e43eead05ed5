/* sec-delegates.c: who represents a member organisation in a body */
#define G_LOG_DOMAIN "sec-delegates"

#include "config.h"

#include <glib/gi18n.h>

#include "core/meetings/sec-delegates.h"
#include "core/meetings/sec-invitations.h"
#include "core/store/sec-store-emails.h"
#include "core/store/sec-store-meetings.h"

/* Whether @person_id is a person of @organisation_id; FALSE with @error
 * when not (or on failure). */
static gboolean
check_person (SecStore  *store,
              gint64     person_id,
              gint64     organisation_id,
              GError   **error)
{
  g_autoptr(SecRecord) person = sec_store_get (store, SEC_TYPE_PERSON, person_id, error);

  if (person == NULL)
    return FALSE;
  if (sec_record_get_ref (person, "organisation") != organisation_id)
    {
      g_autofree char *name = sec_record_dup_title (person);

      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("%s is not a person of the member organisation"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * sec_membership_list_alternates:
 *
 * Returns: (transfer full) (element-type gint64): the alternates
 */
GArray *
sec_membership_list_alternates (SecStore  *store,
                                gint64     membership_id,
                                GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return sec_store_list_alternates (store, membership_id, error);
}

gboolean
sec_membership_set_representatives (SecStore      *store,
                                    gint64         membership_id,
                                    gint64         delegate_id,
                                    const gint64  *alternate_ids,
                                    guint          n_alternates,
                                    GError       **error)
{
  g_autoptr(SecRecord) membership = NULL;
  gint64 organisation;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (alternate_ids != NULL || n_alternates == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((membership = sec_store_get (store, SEC_TYPE_MEMBERSHIP, membership_id, error)) == NULL)
    return FALSE;
  organisation = sec_record_get_ref (membership, "organisation");
  if (delegate_id != 0 && !check_person (store, delegate_id, organisation, error))
    return FALSE;
  for (guint i = 0; i < n_alternates; i++)
    {
      if (alternate_ids[i] == delegate_id)
        {
          g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                               _("The delegate cannot be an alternate too"));
          return FALSE;
        }
      if (!check_person (store, alternate_ids[i], organisation, error))
        return FALSE;
    }

  if (!sec_store_begin (store, error))
    return FALSE;
  sec_record_set_ref (membership, "delegate", delegate_id);
  if (!sec_store_update (store, membership, error) ||
      !sec_store_set_alternates (store, membership_id, alternate_ids, n_alternates, error))
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return sec_store_commit_or_rollback (store, error);
}

gint64
sec_delegates_propose_substitute (SecStore  *store,
                                  gint64     participant_id,
                                  GError   **error)
{
  g_autoptr(SecRecord) p = NULL;
  g_autoptr(SecRecord) membership = NULL;
  g_autoptr(GArray) alternates = NULL;
  gint64 meeting, person, membership_id;

  g_return_val_if_fail (SEC_IS_STORE (store), -1);

  if ((p = sec_store_get (store, SEC_TYPE_PARTICIPANT, participant_id, error)) == NULL)
    return -1;
  if (g_strcmp0 (sec_record_get_string (p, "status"), "declined") != 0 ||
      sec_record_get_ref (p, "organisation") == 0)
    return 0;
  meeting = sec_record_get_ref (p, "meeting");
  person = sec_record_get_ref (p, "person");
  if ((membership_id = sec_store_find_representation (store, meeting, sec_record_get_ref (p, "organisation"), error)) <= 0)
    return membership_id;
  if ((membership = sec_store_get (store, SEC_TYPE_MEMBERSHIP, membership_id, error)) == NULL ||
      (alternates = sec_store_list_alternates (store, membership_id, error)) == NULL)
    return -1;

  /* Only the organisation's own representatives call on its alternates. */
  {
    gboolean represents = sec_record_get_ref (membership, "delegate") == person;

    for (guint i = 0; !represents && i < alternates->len; i++)
      represents = g_array_index (alternates, gint64, i) == person;
    if (!represents)
      return 0;
  }
  for (guint i = 0; i < alternates->len; i++)
    {
      gint64 alternate = g_array_index (alternates, gint64, i);
      gint64 existing;

      if (alternate == person)
        continue;
      if ((existing = sec_store_find_participant (store, meeting, alternate, error)) < 0)
        return -1;
      if (existing == 0)
        return alternate;
    }
  return 0;
}

gboolean
sec_delegates_take_substitute (SecStore  *store,
                               gint64     participant_id,
                               gint64     person_id,
                               GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_id > 0, FALSE);

  return sec_participants_set_status (store, &participant_id, 1, "replaced", person_id, error);
}

void
sec_substitute_proposal_free (SecSubstituteProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->name);
  g_free (proposal->substitute_name);
  g_free (proposal->organisation);
  g_free (proposal);
}

/**
 * sec_delegates_list_proposals:
 *
 * Returns: (transfer full) (element-type SecSubstituteProposal): the proposals
 */
GPtrArray *
sec_delegates_list_proposals (SecStore  *store,
                              gint64     meeting_id,
                              GError   **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
  g_autoptr(GPtrArray) declined = NULL;
  g_autoptr(GPtrArray) proposals = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  sec_query_add (query, "meeting", SEC_QUERY_EQUALS, id);
  sec_query_add (query, "status", SEC_QUERY_EQUALS, "declined");
  sec_query_set_sort (query, "person-sort-key", FALSE);
  if ((declined = sec_store_list (store, SEC_TYPE_PARTICIPANT, query, error)) == NULL)
    return NULL;
  proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_substitute_proposal_free);
  for (guint i = 0; i < declined->len; i++)
    {
      SecRecord *p = g_ptr_array_index (declined, i);
      g_autoptr(SecRecord) alternate = NULL;
      SecSubstituteProposal *proposal;
      gint64 person;

      if ((person = sec_delegates_propose_substitute (store, sec_record_get_id (p), error)) < 0)
        return NULL;
      if (person == 0)
        continue;
      if ((alternate = sec_store_get (store, SEC_TYPE_PERSON, person, error)) == NULL)
        return NULL;
      proposal = g_new0 (SecSubstituteProposal, 1);
      proposal->participant_id = sec_record_get_id (p);
      proposal->person_id = person;
      proposal->name = g_strdup (sec_record_get_derived (p, "person-name"));
      proposal->substitute_name = sec_record_dup_title (alternate);
      proposal->organisation = g_strdup (sec_record_get_derived (p, "organisation-name"));
      g_ptr_array_add (proposals, proposal);
    }
  return g_steal_pointer (&proposals);
}
