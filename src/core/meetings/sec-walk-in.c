/* sec-walk-in.c: someone not on the list arrives at the check-in
 *
 * At the desk there is no time for the editor: the name and the
 * organisation as the person says them are enough to make the person, the
 * organisation when it is new, and the participant, present. Undo takes
 * the three back as a check-in's Undo does.
 */
#define G_LOG_DOMAIN "sec-walk-in"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-format.h"
#include "core/store/sec-records.h"
#include "core/meetings/sec-walk-in.h"

struct _SecWalkIn
{
  char   *name;
  gint64  participant_id;
  gint64  person_id;
  gint64  organisation_id;  /* made for the walk-in, or 0 */
};

/* The organisation called @name exactly, or 0. */
static gint64
find_organisation (SecStore   *store,
                   const char *name)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) found = NULL;

  sec_query_add (query, "name", SEC_QUERY_EQUALS, name);
  found = sec_store_list (store, SEC_TYPE_ORGANISATION, query, NULL);
  return found != NULL && found->len > 0 ? sec_record_get_id (g_ptr_array_index (found, 0)) : 0;
}

static gboolean
add (SecStore    *store,
     gint64       meeting_id,
     const char  *name,
     const char  *organisation,
     SecWalkIn   *walk_in,
     GError     **error)
{
  g_autoptr(SecRecord) person = sec_record_new (SEC_TYPE_PERSON);
  g_autoptr(SecRecord) participant = sec_record_new (SEC_TYPE_PARTICIPANT);
  g_autofree char *today = sec_today ();
  const char *space = strrchr (name, ' ');
  gint64 organisation_id = 0;

  if (organisation != NULL && *organisation != '\0' &&
      (organisation_id = find_organisation (store, organisation)) == 0)
    {
      g_autoptr(SecRecord) made = sec_record_new (SEC_TYPE_ORGANISATION);

      sec_record_set_string (made, "name", organisation);
      if (!sec_store_insert (store, made, error))
        return FALSE;
      organisation_id = walk_in->organisation_id = sec_record_get_id (made);
    }

  /* "Anna Maria Rossi": the last word is the family name. */
  if (space != NULL)
    {
      g_autofree char *given = g_strndup (name, space - name);

      sec_record_set_string (person, "given-name", given);
      sec_record_set_string (person, "family-name", space + 1);
    }
  else
    sec_record_set_string (person, "family-name", name);
  if (organisation_id != 0)
    sec_record_set_ref (person, "organisation", organisation_id);
  if (!sec_store_insert (store, person, error))
    return FALSE;
  walk_in->person_id = sec_record_get_id (person);

  sec_record_set_ref (participant, "meeting", meeting_id);
  sec_record_set_ref (participant, "person", walk_in->person_id);
  if (organisation_id != 0)
    sec_record_set_ref (participant, "organisation", organisation_id);
  sec_record_set_string (participant, "status", "attended");
  sec_record_set_string (participant, "status-changed-on", today);
  if (!sec_store_insert (store, participant, error))
    return FALSE;
  walk_in->participant_id = sec_record_get_id (participant);
  return TRUE;
}

/**
 * sec_walk_in_add:
 *
 * Returns: (transfer full): the walk-in, to undo it
 */
SecWalkIn *
sec_walk_in_add (SecStore    *store,
                 gint64       meeting_id,
                 const char  *name,
                 const char  *organisation,
                 GError     **error)
{
  g_autoptr(SecWalkIn) walk_in = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_organisation = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clean_name = g_strstrip (g_strdup (name));
  clean_organisation = g_strstrip (g_strdup (organisation ? organisation : ""));
  if (*clean_name == '\0')
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID, _("A walk-in needs a name"));
      return NULL;
    }

  walk_in = g_new0 (SecWalkIn, 1);
  walk_in->name = g_strdup (clean_name);
  if (!sec_store_begin (store, error))
    return NULL;
  if (!add (store, meeting_id, clean_name, clean_organisation, walk_in, error) ||
      !sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&walk_in);
}

gboolean
sec_walk_in_undo (SecStore   *store,
                  SecWalkIn  *walk_in,
                  GError    **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (walk_in != NULL, FALSE);

  if (!sec_store_begin (store, error))
    return FALSE;
  if (!sec_store_delete (store, SEC_TYPE_PARTICIPANT, walk_in->participant_id, error) ||
      !sec_store_delete (store, SEC_TYPE_PERSON, walk_in->person_id, error) ||
      (walk_in->organisation_id != 0 &&
       !sec_store_delete (store, SEC_TYPE_ORGANISATION, walk_in->organisation_id, error)) ||
      !sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

const char *
sec_walk_in_get_name (SecWalkIn *walk_in)
{
  g_return_val_if_fail (walk_in != NULL, NULL);

  return walk_in->name;
}

gint64
sec_walk_in_get_participant_id (SecWalkIn *walk_in)
{
  g_return_val_if_fail (walk_in != NULL, 0);

  return walk_in->participant_id;
}

void
sec_walk_in_free (SecWalkIn *walk_in)
{
  if (walk_in == NULL)
    return;
  g_free (walk_in->name);
  g_free (walk_in);
}
