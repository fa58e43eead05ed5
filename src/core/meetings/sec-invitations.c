/* sec-invitations.c: a meeting's invitations, its participants' statuses,
 * the check-in on the meeting day, and what the meeting page warns about */
#define G_LOG_DOMAIN "sec-invitations"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-fold.h"
#include "core/base/sec-format.h"
#include "core/meetings/sec-invitations.h"
#include "core/meetings/sec-presidencies.h"

struct _SecCheckIn
{
  gint64  participant_id;
  gboolean created;           /* a participant made for a substitute */
  char   *previous_status;
  char   *previous_changed_on;
  char   *name;
};

/* Changes one participant: 1 when it changed, 0 when it was as wanted
 * already, -1 with an error. */
typedef int (*ParticipantChange) (SecRecord   *participant,
                                  gconstpointer data,
                                  GError     **error);

/* Helpers */

static gboolean
check_meeting (SecStore  *store,
               gint64     meeting_id,
               GError   **error)
{
  g_autoptr(SecRecord) meeting = sec_store_get (store, SEC_TYPE_MEETING, meeting_id, error);

  return meeting != NULL;
}

static gboolean
is_choice (GType       kind,
           const char *field,
           const char *nick)
{
  const SecField *f = sec_kind_find_field (sec_kind_from_type (kind), field);

  return nick != NULL && f != NULL && sec_field_choice_label (f, nick) != NULL;
}

static SecInvitationResult *
result_new (void)
{
  SecInvitationResult *result = g_new0 (SecInvitationResult, 1);

  result->unreached = g_ptr_array_new_with_free_func (g_free);
  return result;
}

/* Invites @person_id to represent @organisation_id, unless they are a
 * participant already, and counts them in @r; FALSE with @error on
 * failure. */
static gboolean
invite (SecStore             *store,
        gint64                meeting_id,
        gint64                person_id,
        gint64                organisation_id,
        const char           *today,
        SecInvitationResult  *r,
        GError              **error)
{
  g_autoptr(SecRecord) participant = NULL;
  g_autoptr(SecRecord) person = NULL;
  gint64 existing;

  /* A restricted (or erased) person is not to be contacted. (A missing
   * one is refused by the insert below, as any missing reference.) */
  person = sec_store_get (store, SEC_TYPE_PERSON, person_id, NULL);
  if (person != NULL && sec_record_get_bool (person, "restricted"))
    {
      r->n_restricted++;
      return TRUE;
    }
  if ((existing = sec_store_find_participant (store, meeting_id, person_id, error)) < 0)
    return FALSE;
  if (existing > 0)
    {
      r->n_already++;
      return TRUE;
    }

  participant = sec_record_new (SEC_TYPE_PARTICIPANT);
  sec_record_set_ref (participant, "meeting", meeting_id);
  sec_record_set_ref (participant, "person", person_id);
  sec_record_set_ref (participant, "organisation", organisation_id);
  sec_record_set_string (participant, "status", "invited");
  sec_record_set_string (participant, "invited-on", today);
  if (!sec_store_insert (store, participant, error))
    return FALSE;
  r->n_invited++;
  return TRUE;
}

/* Ends the transaction of an invitation: commits and hands @r over, or
 * rolls back when @ok is FALSE. */
static gboolean
end_invitations (SecStore              *store,
                 gboolean               ok,
                 SecInvitationResult   *r,
                 SecInvitationResult  **result,
                 GError               **error)
{
  g_autoptr(SecInvitationResult) owned = r;

  if (!ok)
    {
      sec_store_rollback (store);
      return FALSE;
    }
  if (!sec_store_commit_or_rollback (store, error))
    return FALSE;
  if (result != NULL)
    *result = g_steal_pointer (&owned);
  return TRUE;
}

/* Applies @change to each participant of @ids that it changes, in one
 * transaction. */
static gboolean
change_participants (SecStore           *store,
                     const gint64       *ids,
                     guint               n_ids,
                     ParticipantChange   change,
                     gconstpointer       data,
                     GError            **error)
{
  if (!sec_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(SecRecord) p = sec_store_get (store, SEC_TYPE_PARTICIPANT, ids[i], error);
      int changed;

      if (p == NULL || (changed = change (p, data, error)) < 0)
        goto fail;
      if (changed > 0 && !sec_store_update (store, p, error))
        goto fail;
    }
  return sec_store_commit_or_rollback (store, error);

fail:
  sec_store_rollback (store);
  return FALSE;
}

/* Public API: members and invitations */

/**
 * sec_invitations_list_members:
 *
 * Returns: (transfer full) (element-type SecMemberOrganisation): the members
 */
GPtrArray *
sec_invitations_list_members (SecStore  *store,
                              gint64     meeting_id,
                              GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_meeting (store, meeting_id, error))
    return NULL;
  return sec_store_list_member_organisations (store, meeting_id, error);
}

void
sec_invitation_result_free (SecInvitationResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->unreached, g_ptr_array_unref);
  g_free (result);
}

gboolean
sec_invitations_invite_members (SecStore                 *store,
                                gint64                    meeting_id,
                                const SecInvitationPick  *picks,
                                guint                     n_picks,
                                SecInvitationResult     **result,
                                GError                  **error)
{
  SecInvitationResult *r = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *today = sec_today ();
  gboolean ok = TRUE;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (picks != NULL || n_picks == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sec_store_begin (store, error))
    return FALSE;
  if ((members = sec_invitations_list_members (store, meeting_id, error)) == NULL)
    return end_invitations (store, FALSE, NULL, result, error);

  r = result_new ();
  for (guint i = 0; ok && i < members->len; i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (members, i);
      gint64 person = m->contact_person_id;

      if (m->represented)
        {
          r->n_represented++;
          continue;
        }
      for (guint j = 0; j < n_picks; j++)
        if (picks[j].organisation_id == m->organisation_id)
          person = picks[j].person_id;
      if (person == 0)
        {
          g_ptr_array_add (r->unreached, g_strdup (m->name));
          continue;
        }
      /* One person can be the contact of two members: invited once. */
      ok = invite (store, meeting_id, person, m->organisation_id, today, r, error);
    }
  return end_invitations (store, ok, r, result, error);
}

gboolean
sec_invitations_invite_people (SecStore             *store,
                               gint64                meeting_id,
                               const gint64         *person_ids,
                               guint                 n_people,
                               SecInvitationResult **result,
                               GError              **error)
{
  SecInvitationResult *r = NULL;
  g_autofree char *today = sec_today ();
  gboolean ok = TRUE;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_meeting (store, meeting_id, error))
    return FALSE;
  if (!sec_store_begin (store, error))
    return FALSE;

  r = result_new ();
  for (guint i = 0; ok && i < n_people; i++)
    {
      g_autoptr(SecRecord) person = sec_store_get (store, SEC_TYPE_PERSON, person_ids[i], error);

      ok = person != NULL &&
           invite (store, meeting_id, person_ids[i], sec_record_get_ref (person, "organisation"), today, r, error);
    }
  return end_invitations (store, ok, r, result, error);
}

/* Public API: statuses and roles */

typedef struct {
  const char *status;
  gint64      substitute_id;
  const char *today;
} StatusChange;

static int
change_status (SecRecord     *p,
               gconstpointer  data,
               GError       **error)
{
  const StatusChange *c = data;
  gboolean replaced = g_str_equal (c->status, "replaced");
  gint64 substitute;
  gboolean changed;

  substitute = replaced ? (c->substitute_id != 0 ? c->substitute_id : sec_record_get_ref (p, "substitute")) : 0;
  changed = g_strcmp0 (sec_record_get_string (p, "status"), c->status) != 0;
  if (!changed && sec_record_get_ref (p, "substitute") == substitute)
    return 0;
  if (substitute != 0 && substitute == sec_record_get_ref (p, "person"))
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                           _("A participant cannot be their own substitute"));
      return -1;
    }
  sec_record_set_string (p, "status", c->status);
  sec_record_set_ref (p, "substitute", substitute);
  if (changed)
    sec_record_set_string (p, "status-changed-on", c->today);
  return 1;
}

gboolean
sec_participants_set_status (SecStore      *store,
                             const gint64  *ids,
                             guint          n_ids,
                             const char    *status,
                             gint64         substitute_id,
                             GError       **error)
{
  g_autofree char *today = sec_today ();
  StatusChange change = { status, substitute_id, today };

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_choice (SEC_TYPE_PARTICIPANT, "status", status))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("“%s” is not a status of a participant"), status ? status : "");
      return FALSE;
    }
  return change_participants (store, ids, n_ids, change_status, &change, error);
}

static int
change_role (SecRecord     *p,
             gconstpointer  data,
             GError       **error)
{
  const char *role = data;

  if (g_strcmp0 (sec_record_get_string (p, "role"), role) == 0)
    return 0;
  sec_record_set_string (p, "role", role);
  return 1;
}

gboolean
sec_participants_set_role (SecStore      *store,
                           const gint64  *ids,
                           guint          n_ids,
                           const char    *role,
                           GError       **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_choice (SEC_TYPE_PARTICIPANT, "role", role))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("“%s” is not a role of a participant"), role ? role : "");
      return FALSE;
    }
  return change_participants (store, ids, n_ids, change_role, role, error);
}

/**
 * sec_participants_count_statuses:
 *
 * Returns: (transfer full) (element-type SecStatusCount): the counts
 */
GArray *
sec_participants_count_statuses (SecStore  *store,
                                 gint64     meeting_id,
                                 GError   **error)
{
  const SecField *field = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_PARTICIPANT), "status");
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (SecStatusCount));
  g_autoptr(GHashTable) found = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if ((found = sec_store_count_participant_statuses (store, meeting_id, error)) == NULL)
    return NULL;
  for (const SecChoice *c = field->choices; c->nick != NULL; c++)
    {
      SecStatusCount count = { c->nick, (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (found, c->nick)) };

      if (count.count > 0)
        g_array_append_val (counts, count);
    }
  return g_steal_pointer (&counts);
}

/* Public API: check-in */

/**
 * sec_check_in_find:
 *
 * Returns: (transfer full) (element-type SecCheckInMatch): the matches
 */
GPtrArray *
sec_check_in_find (SecStore    *store,
                   gint64       meeting_id,
                   const char  *text,
                   guint        limit,
                   GError     **error)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folded = g_strstrip (sec_fold (text ? text : ""));
  if (*folded == '\0' || limit == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) sec_check_in_match_free);
  words = g_strsplit (folded, " ", -1);
  return sec_store_find_check_in (store, meeting_id, (const char *const *) words, limit, error);
}

/**
 * sec_check_in:
 *
 * Returns: (transfer full): the check-in, to undo it
 */
SecCheckIn *
sec_check_in (SecStore               *store,
              const SecCheckInMatch  *match,
              GError                **error)
{
  g_autoptr(SecCheckIn) check_in = NULL;
  g_autoptr(SecRecord) p = NULL;
  g_autofree char *today = sec_today ();

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (match != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((p = sec_store_get (store, SEC_TYPE_PARTICIPANT, match->participant_id, error)) == NULL)
    return NULL;

  check_in = g_new0 (SecCheckIn, 1);
  check_in->name = g_strdup (match->name);

  if (match->person_id != 0 && match->person_id != sec_record_get_ref (p, "person"))
    {
      /* A substitute arrives: on a line of their own from now on. */
      g_autoptr(SecRecord) own = sec_record_new (SEC_TYPE_PARTICIPANT);
      g_autoptr(SecRecord) person = NULL;
      gint64 organisation = sec_record_get_ref (p, "organisation");

      if (organisation == 0 && (person = sec_store_get (store, SEC_TYPE_PERSON, sec_record_get_ref (p, "person"), NULL)))
        organisation = sec_record_get_ref (person, "organisation");
      sec_record_set_ref (own, "meeting", sec_record_get_ref (p, "meeting"));
      sec_record_set_ref (own, "person", match->person_id);
      sec_record_set_ref (own, "organisation", organisation);
      sec_record_set_string (own, "role", sec_record_get_string (p, "role"));
      sec_record_set_string (own, "status", "attended");
      sec_record_set_string (own, "invited-on", sec_record_get_string (p, "invited-on"));
      sec_record_set_string (own, "status-changed-on", today);
      if (!sec_store_insert (store, own, error))
        return NULL;
      check_in->participant_id = sec_record_get_id (own);
      check_in->created = TRUE;
      return g_steal_pointer (&check_in);
    }

  check_in->participant_id = sec_record_get_id (p);
  check_in->previous_status = g_strdup (sec_record_get_string (p, "status"));
  check_in->previous_changed_on = g_strdup (sec_record_get_string (p, "status-changed-on"));
  if (g_strcmp0 (check_in->previous_status, "attended") != 0)
    {
      sec_record_set_string (p, "status", "attended");
      sec_record_set_string (p, "status-changed-on", today);
      if (!sec_store_update (store, p, error))
        return NULL;
    }
  return g_steal_pointer (&check_in);
}

gboolean
sec_check_in_undo (SecStore    *store,
                   SecCheckIn  *check_in,
                   GError     **error)
{
  g_autoptr(SecRecord) p = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (check_in != NULL, FALSE);

  if (check_in->created)
    return sec_store_delete (store, SEC_TYPE_PARTICIPANT, check_in->participant_id, error);

  if ((p = sec_store_get (store, SEC_TYPE_PARTICIPANT, check_in->participant_id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (sec_record_get_string (p, "status"), check_in->previous_status) == 0)
    return TRUE;
  sec_record_set_string (p, "status", check_in->previous_status);
  sec_record_set_string (p, "status-changed-on", check_in->previous_changed_on);
  return sec_store_update (store, p, error);
}

const char *
sec_check_in_get_name (SecCheckIn *check_in)
{
  g_return_val_if_fail (check_in != NULL, NULL);

  return check_in->name;
}

gint64
sec_check_in_get_participant_id (SecCheckIn *check_in)
{
  g_return_val_if_fail (check_in != NULL, 0);

  return check_in->participant_id;
}

void
sec_check_in_free (SecCheckIn *check_in)
{
  if (check_in == NULL)
    return;
  g_free (check_in->previous_status);
  g_free (check_in->previous_changed_on);
  g_free (check_in->name);
  g_free (check_in);
}

gboolean
sec_check_in_count (SecStore  *store,
                    gint64     meeting_id,
                    gint64    *present,
                    gint64    *expected,
                    GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  return sec_store_count_check_in (store, meeting_id, present, expected, error);
}

/* Public API: warnings */

/**
 * sec_meeting_list_needs:
 *
 * Returns: (transfer full) (element-type SecParticipantNeeds): the needs
 */
GPtrArray *
sec_meeting_list_needs (SecStore  *store,
                        gint64     meeting_id,
                        GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return sec_store_list_participant_needs (store, meeting_id, error);
}

gboolean
sec_meeting_is_nrem (SecStore *store,
                     gint64    meeting_id)
{
  g_autoptr(GError) error = NULL;
  gboolean nrem = FALSE;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  if (!sec_store_meeting_is_nrem (store, meeting_id, &nrem, &error))
    g_warning ("Could not look at the bodies of meeting %" G_GINT64_FORMAT ": %s", meeting_id, error->message);
  return nrem;
}

/* How a co-chair's text names a Member State: "Bulgarian Presidency",
 * "Presidency of Bulgaria", "Czech Presidency". English adjectives; the
 * country's names (English and the user's language) are tried too. */
static const struct {
  const char *code;
  const char *words;  /* folded, separated by '|' */
} member_state_words[] = {
  { "AT", "austrian" }, { "BE", "belgian" }, { "BG", "bulgarian" }, { "CY", "cypriot|cyprus" },
  { "CZ", "czech" }, { "DE", "german" }, { "DK", "danish|denmark" }, { "EE", "estonian" },
  { "ES", "spanish|spain" }, { "FI", "finnish|finland" }, { "FR", "french|france" },
  { "GR", "greek|hellenic|greece" }, { "HR", "croatian" }, { "HU", "hungarian" },
  { "IE", "irish|ireland" }, { "IT", "italian" }, { "LT", "lithuanian" }, { "LU", "luxembourg" },
  { "LV", "latvian" }, { "MT", "maltese|malta" }, { "NL", "dutch|netherlands" },
  { "PL", "polish|poland" }, { "PT", "portuguese|portugal" }, { "RO", "romanian" },
  { "SE", "swedish|sweden" }, { "SI", "slovenian|slovene" }, { "SK", "slovak" },
};

static gboolean
names_country (const char *text,
               const char *code)
{
  g_autofree char *folded = sec_fold (text);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const SecCountry *countries;
  guint n;

  countries = sec_countries (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (countries[i].code, code))
      g_ptr_array_add (names, sec_fold (countries[i].name));
  if (sec_country_name (code) != NULL)
    g_ptr_array_add (names, sec_fold (sec_country_name (code)));
  for (guint i = 0; i < G_N_ELEMENTS (member_state_words); i++)
    if (g_str_equal (member_state_words[i].code, code))
      {
        g_auto(GStrv) words = g_strsplit (member_state_words[i].words, "|", -1);
        for (guint j = 0; words[j] != NULL; j++)
          g_ptr_array_add (names, g_strdup (words[j]));
      }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      if (*name != '\0' && strstr (folded, name) != NULL)
        return TRUE;
    }
  return FALSE;
}

/**
 * sec_meeting_propose_co_chair:
 * @country: (out) (optional) (transfer full): the Presidency's country
 *
 * Returns: (transfer full) (nullable): the co-chair to propose
 */
char *
sec_meeting_propose_co_chair (SecStore   *store,
                              SecRecord  *meeting,
                              char      **country)
{
  g_autofree char *code = NULL;
  const char *co_chair;
  char *proposal;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_MEETING (meeting), NULL);

  if (country != NULL)
    *country = NULL;
  if (!sec_meeting_is_nrem (store, sec_record_get_id (meeting)))
    return NULL;
  code = sec_presidencies_lookup (store, sec_record_get_string (meeting, "starts-at"));
  if (code == NULL)
    return NULL;
  if ((proposal = sec_presidencies_propose_co_chair (store, meeting)) == NULL)
    return NULL;

  co_chair = sec_record_get_string (meeting, "co-chair");
  if (co_chair != NULL && (g_str_equal (co_chair, proposal) || names_country (co_chair, code)))
    {
      g_free (proposal);
      return NULL;
    }
  if (country != NULL)
    *country = g_steal_pointer (&code);
  return proposal;
}
