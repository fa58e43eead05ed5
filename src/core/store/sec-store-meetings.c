/* sec-store-meetings.c: what a meeting's workflow and documents read from
 * the database beyond its records */
#define G_LOG_DOMAIN "sec-store-meetings"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-translit.h"
#include "core/store/sec-store-meetings.h"
#include "core/store/sec-store-private.h"
#include "core/store/sec-records.h"

/* An active membership of @alias (memberships) on the first day of the
 * meeting ?1. */
#define MEMBER_ON_THE_DAY(m) \
  " " m ".status = 'active'" \
  " AND (" m ".joined_on IS NULL OR " m ".joined_on <= (SELECT substr(starts_at, 1, 10) FROM meetings WHERE id = ?1))" \
  " AND (" m ".left_on IS NULL OR " m ".left_on >= (SELECT substr(starts_at, 1, 10) FROM meetings WHERE id = ?1))"

/* Who represents the organisation o at the meeting ?1: the delegate its
 * membership of one of the meeting's bodies names, else its contact
 * person. */
#define DELEGATE_OR_CONTACT \
  "coalesce((SELECT dm.delegate_id FROM meeting_bodies dmb JOIN memberships dm" \
  " ON dm.body_id = dmb.body_id AND dm.organisation_id = o.id WHERE dmb.meeting_id = ?1" \
  " AND dm.delegate_id IS NOT NULL AND" MEMBER_ON_THE_DAY ("dm") " ORDER BY dmb.id LIMIT 1), o.contact_person_id)"

#define PERSON_NAME(p) "trim(coalesce(" p ".given_name, '') || ' ' || " p ".family_name)"

/* A replaced participant whose substitute takes part on a line of their
 * own (participants aliased @p). */
#define SUBSTITUTE_HAS_OWN_LINE(p) \
  "(" p ".status = 'replaced' AND " p ".substitute_id IS NOT NULL AND EXISTS" \
  " (SELECT 1 FROM participants q WHERE q.meeting_id = " p ".meeting_id AND q.person_id = " p ".substitute_id))"

/* Not expected: replaced by nobody, or by a substitute on a line of their
 * own (participants aliased @p). */
#define REPLACED_AWAY(p) \
  "(" p ".status = 'replaced' AND (" p ".substitute_id IS NULL OR " SUBSTITUTE_HAS_OWN_LINE (p) "))"

/* Helpers */

/* @sql prepared with the meeting's id as ?1; NULL with @error. */
static SecStmt *
prepare_for_meeting (SecStore    *store,
                     const char  *sql,
                     gint64       meeting_id,
                     GError     **error)
{
  SecStmt *stmt = sec_engine_prepare (_sec_store_get_engine (store), sql, error);

  if (stmt != NULL)
    sec_stmt_bind_int64 (stmt, 1, meeting_id);
  return stmt;
}

/* Text never NULL, for names that are shown. */
static char *
dup_name (SecStmt *stmt,
          int      col)
{
  char *name = sec_stmt_dup_text (stmt, col);

  return name != NULL ? name : g_strdup ("");
}

/* A stored text stripped, or NULL when NULL or blank. */
static char *
dup_stripped (SecStmt *stmt,
              int      col)
{
  const char *text = sec_stmt_get_text (stmt, col);
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  return *stripped ? g_steal_pointer (&stripped) : NULL;
}

typedef gpointer (*RowReader) (SecStmt *stmt);

/* (transfer full) (element-type a @read row): every row of @stmt (NULL:
 * the error of its prepare), each read by @read; NULL with @error. */
static GPtrArray *
collect_rows (SecStmt         *stmt,
              RowReader        read,
              GDestroyNotify   free_row,
              GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  SecStep step;

  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func (free_row);
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    g_ptr_array_add (rows, read (stmt));
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/* The rows of @sql run for the meeting ?1, as collect_rows () gives them. */
static GPtrArray *
list_for_meeting (SecStore        *store,
                  const char      *sql,
                  gint64           meeting_id,
                  RowReader        read,
                  GDestroyNotify   free_row,
                  GError         **error)
{
  g_autoptr(SecStmt) stmt = prepare_for_meeting (store, sql, meeting_id, error);

  return collect_rows (stmt, read, free_row, error);
}

/* Runs @stmt, which returns one row, into @values (one per column, as
 * int64). */
static gboolean
get_one_row (SecStmt  *stmt,
             gint64   *values,
             guint     n_values,
             GError  **error)
{
  SecStep step;

  if (stmt == NULL)
    return FALSE;
  if ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ERROR)
    return FALSE;
  for (guint i = 0; i < n_values; i++)
    values[i] = step == SEC_STEP_ROW ? sec_stmt_get_int64 (stmt, (int) i) : 0;
  return TRUE;
}

/* Invitations */

void
sec_member_organisation_free (SecMemberOrganisation *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->country);
  g_free (member->bodies);
  g_free (member->contact_person_name);
  g_free (member);
}

static gpointer
read_member (SecStmt *stmt)
{
  SecMemberOrganisation *m = g_new0 (SecMemberOrganisation, 1);

  m->organisation_id = sec_stmt_get_int64 (stmt, 0);
  m->name = dup_name (stmt, 1);
  m->country = sec_stmt_dup_text (stmt, 2);
  m->bodies = sec_stmt_dup_text (stmt, 3);
  m->contact_person_id = sec_stmt_get_int64 (stmt, 4);
  m->contact_person_name = sec_stmt_dup_text (stmt, 5);
  m->n_people = (guint) sec_stmt_get_int64 (stmt, 6);
  m->represented = sec_stmt_get_int (stmt, 7) != 0;
  return m;
}

/**
 * sec_store_list_member_organisations:
 *
 * Returns: (transfer full) (element-type SecMemberOrganisation): the members
 */
GPtrArray *
sec_store_list_member_organisations (SecStore  *store,
                                     gint64     meeting_id,
                                     GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return list_for_meeting (store,
                           "SELECT o.id, o.name, o.country,"
                           "  (SELECT group_concat(n, ', ') FROM (SELECT coalesce(b.acronym, b.name) AS n"
                           "     FROM meeting_bodies mb JOIN bodies b ON b.id = mb.body_id"
                           "     JOIN memberships m ON m.body_id = mb.body_id AND m.organisation_id = o.id"
                           "     WHERE mb.meeting_id = ?1 AND" MEMBER_ON_THE_DAY ("m")
                           "     GROUP BY coalesce(b.acronym, b.name) ORDER BY min(mb.id)) names),"
                           "  " DELEGATE_OR_CONTACT ","
                           "  (SELECT " PERSON_NAME ("c") " FROM people c WHERE c.id = " DELEGATE_OR_CONTACT "),"
                           "  (SELECT count(*) FROM people pe WHERE pe.organisation_id = o.id),"
                           "  EXISTS (SELECT 1 FROM participants p JOIN people i ON i.id = p.person_id"
                           "          WHERE p.meeting_id = ?1 AND coalesce(p.organisation_id, i.organisation_id) = o.id)"
                           " FROM organisations o"
                           " WHERE o.id IN (SELECT m.organisation_id FROM meeting_bodies mb"
                           "                JOIN memberships m ON m.body_id = mb.body_id"
                           "                WHERE mb.meeting_id = ?1 AND" MEMBER_ON_THE_DAY ("m") ")"
                           " ORDER BY o.sort_key, o.id",
                           meeting_id, read_member, (GDestroyNotify) sec_member_organisation_free, error);
}

gint64
sec_store_find_participant (SecStore  *store,
                            gint64     meeting_id,
                            gint64     person_id,
                            GError   **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (SEC_IS_STORE (store), -1);

  stmt = prepare_for_meeting (store, "SELECT id FROM participants WHERE meeting_id = ?1 AND person_id = ?2",
                              meeting_id, error);
  if (stmt != NULL)
    sec_stmt_bind_int64 (stmt, 2, person_id);
  return get_one_row (stmt, &id, 1, error) ? id : -1;
}

/**
 * sec_store_count_participant_statuses:
 *
 * Returns: (transfer full) (element-type utf8 gint64): the counts
 */
GHashTable *
sec_store_count_participant_statuses (SecStore  *store,
                                      gint64     meeting_id,
                                      GError   **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SecStmt) stmt = NULL;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  stmt = prepare_for_meeting (store, "SELECT status, count(*) FROM participants WHERE meeting_id = ?1 GROUP BY status",
                              meeting_id, error);
  if (stmt == NULL)
    return NULL;
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    g_hash_table_insert (counts, g_strdup (sec_stmt_get_text (stmt, 0)),
                         GSIZE_TO_POINTER ((gsize) sec_stmt_get_int64 (stmt, 1)));
  if (step == SEC_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&counts);
}

/* Check-in */

void
sec_check_in_match_free (SecCheckInMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->name);
  g_free (match->organisation);
  g_free (match->status);
  g_free (match->replaces);
  g_free (match);
}

static gpointer
read_check_in_match (SecStmt *stmt)
{
  SecCheckInMatch *m = g_new0 (SecCheckInMatch, 1);

  m->participant_id = sec_stmt_get_int64 (stmt, 0);
  m->person_id = sec_stmt_get_int64 (stmt, 1);
  m->name = dup_name (stmt, 2);
  m->organisation = sec_stmt_dup_text (stmt, 3);
  m->status = sec_stmt_dup_text (stmt, 4);
  m->replaces = sec_stmt_dup_text (stmt, 5);
  return m;
}

/**
 * sec_store_find_check_in:
 * @words: (array zero-terminated=1): the folded words
 *
 * Returns: (transfer full) (element-type SecCheckInMatch): the matches
 */
/* Whether the folded name @name (with a space before it) holds each word
 * in one of its spellings; how many of them start a word of it in @rank. */
static gboolean
name_matches (const char *name,
              GPtrArray  *words,
              guint      *rank)
{
  *rank = 0;
  for (guint i = 0; i < words->len; i++)
    {
      const char *const *alternatives = g_ptr_array_index (words, i);
      gboolean found = FALSE, at_start = FALSE;

      for (guint j = 0; alternatives[j] != NULL && !at_start; j++)
        {
          const char *at = strstr (name, alternatives[j]);

          found |= at != NULL;
          for (; at != NULL && !at_start; at = strstr (at + 1, alternatives[j]))
            at_start = at[-1] == ' ';
        }
      if (!found)
        return FALSE;
      *rank += at_start;
    }
  return TRUE;
}

typedef struct {
  SecCheckInMatch *match;
  guint rank;
} RankedMatch;

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const RankedMatch *x = a, *y = b;

  return (int) y->rank - (int) x->rank;
}

/**
 * sec_store_find_check_in:
 * @words: (array zero-terminated=1): the folded words
 *
 * Returns: (transfer full) (element-type SecCheckInMatch): the matches
 */
GPtrArray *
sec_store_find_check_in (SecStore           *store,
                         gint64              meeting_id,
                         const char *const  *words,
                         guint               limit,
                         GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) alternatives = NULL;
  g_autoptr(GArray) ranked = NULL;
  GPtrArray *matches;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (words != NULL && words[0] != NULL, NULL);

  /* The person who arrives: the substitute of one replaced (who has no
   * line of their own), else the participant; those expected before those
   * who said they would not come. A meeting has a few thousand lines at
   * most: their names are folded here, as search folds them
   * (sec_fold_for_search ()), the same on either engine. */
  rows = list_for_meeting (store,
                           "SELECT p.id, a.id, " PERSON_NAME ("a") ", o.name, p.status,"
                           "  CASE WHEN a.id <> i.id THEN " PERSON_NAME ("i") " END"
                           " FROM (SELECT t.*, CASE WHEN t.status = 'replaced' AND t.substitute_id IS NOT NULL"
                           "         THEN t.substitute_id ELSE t.person_id END AS attending_id,"
                           "       " SUBSTITUTE_HAS_OWN_LINE ("t") " AS elsewhere"
                           "       FROM participants t WHERE t.meeting_id = ?1) p"
                           " JOIN people i ON i.id = p.person_id"
                           " JOIN people a ON a.id = p.attending_id"
                           " LEFT JOIN organisations o ON o.id = coalesce(p.organisation_id, i.organisation_id)"
                           " WHERE NOT p.elsewhere"
                           " ORDER BY p.status IN ('declined', 'excused'), a.sort_key, p.id",
                           meeting_id, read_check_in_match,
                           (GDestroyNotify) sec_check_in_match_free, error);
  if (rows == NULL)
    return NULL;

  /* "dimitra" finds Δήμητρα, "Δήμητρα" finds Dimitra. */
  alternatives = sec_translit_alternatives (words);
  ranked = g_array_new (FALSE, FALSE, sizeof (RankedMatch));
  for (guint i = 0; i < rows->len; i++)
    {
      SecCheckInMatch *m = g_ptr_array_index (rows, i);
      g_autofree char *folded = sec_fold_for_search (m->name);
      g_autofree char *spaced = g_strconcat (" ", folded, NULL);
      RankedMatch r = { m, 0 };

      if (name_matches (spaced, alternatives, &r.rank))
        g_array_append_val (ranked, r);
    }
  /* Names starting with the words typed come first ("ann" finds Anna
   * before Joanna); a stable sort keeps the order above among equals. */
  g_array_sort (ranked, compare_rank);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_check_in_match_free);
  for (guint i = 0; i < ranked->len && i < limit; i++)
    {
      SecCheckInMatch *m = g_array_index (ranked, RankedMatch, i).match;
      guint index;

      g_ptr_array_find (rows, m, &index);
      g_ptr_array_add (matches, g_ptr_array_steal_index (rows, index));
    }
  return matches;
}

gboolean
sec_store_count_check_in (SecStore  *store,
                          gint64     meeting_id,
                          gint64    *present,
                          gint64    *expected,
                          GError   **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  gint64 counts[2];

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  stmt = prepare_for_meeting (store,
                              "SELECT coalesce(sum(p.status = 'attended'), 0),"
                              "  coalesce(sum(p.status NOT IN ('declined', 'excused', 'attended-remotely')"
                              "    AND NOT " REPLACED_AWAY ("p") "), 0)"
                              " FROM participants p WHERE p.meeting_id = ?1",
                              meeting_id, error);
  if (!get_one_row (stmt, counts, G_N_ELEMENTS (counts), error))
    return FALSE;
  if (present != NULL)
    *present = counts[0];
  if (expected != NULL)
    *expected = counts[1];
  return TRUE;
}

/* What a meeting page warns about */

void
sec_participant_needs_free (SecParticipantNeeds *needs)
{
  if (needs == NULL)
    return;
  g_free (needs->name);
  g_free (needs->accessibility);
  g_free (needs->dietary);
  g_free (needs->needs);
  g_free (needs);
}

static gpointer
read_needs (SecStmt *stmt)
{
  SecParticipantNeeds *n = g_new0 (SecParticipantNeeds, 1);

  n->participant_id = sec_stmt_get_int64 (stmt, 0);
  n->name = dup_name (stmt, 1);
  n->accessibility = sec_stmt_dup_text (stmt, 2);
  n->dietary = sec_stmt_dup_text (stmt, 3);
  n->needs = sec_stmt_dup_text (stmt, 4);
  return n;
}

/**
 * sec_store_list_participant_needs:
 *
 * Returns: (transfer full) (element-type SecParticipantNeeds): the needs
 */
GPtrArray *
sec_store_list_participant_needs (SecStore  *store,
                                  gint64     meeting_id,
                                  GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return list_for_meeting (store,
                           "SELECT p.id, " PERSON_NAME ("a") ", trim(a.accessibility_needs), trim(a.dietary_needs), trim(p.needs)"
                           " FROM participants p"
                           " JOIN people a ON a.id = CASE WHEN p.status = 'replaced' AND p.substitute_id IS NOT NULL"
                           "                         THEN p.substitute_id ELSE p.person_id END"
                           " WHERE p.meeting_id = ?1 AND p.status NOT IN ('declined', 'excused')"
                           "   AND NOT " REPLACED_AWAY ("p")
                           "   AND (trim(coalesce(a.accessibility_needs, '')) <> '' OR trim(coalesce(a.dietary_needs, '')) <> ''"
                           "        OR trim(coalesce(p.needs, '')) <> '')"
                           " ORDER BY a.sort_key, p.id",
                           meeting_id, read_needs, (GDestroyNotify) sec_participant_needs_free, error);
}

gboolean
sec_store_meeting_is_nrem (SecStore  *store,
                           gint64     meeting_id,
                           gboolean  *nrem,
                           GError   **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  gint64 exists;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (nrem != NULL, FALSE);

  /* The search text is the folded name and short name. */
  stmt = prepare_for_meeting (store,
                              "SELECT EXISTS (SELECT 1 FROM meeting_bodies mb JOIN bodies b ON b.id = mb.body_id"
                              "  WHERE mb.meeting_id = ?1 AND (' ' || b.search_text || ' ' LIKE '% nrem%'"
                              "    OR b.search_text LIKE '%national rapporteur%'"
                              "    OR 2 * (SELECT count(*) FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
                              "            WHERE m.body_id = b.id AND m.status = 'active' AND o.kind = 'nrem')"
                              "       > (SELECT count(*) FROM memberships m WHERE m.body_id = b.id AND m.status = 'active')))",
                              meeting_id, error);
  *nrem = FALSE;
  if (!get_one_row (stmt, &exists, 1, error))
    return FALSE;
  *nrem = exists != 0;
  return TRUE;
}

/* The meeting documents' rows */

/**
 * sec_store_list_meeting_bodies:
 * @names: (out) (transfer full): the names
 * @acronyms: (out) (transfer full): the short names
 */
gboolean
sec_store_list_meeting_bodies (SecStore  *store,
                               gint64     meeting_id,
                               GStrv     *names,
                               GStrv     *acronyms,
                               GError   **error)
{
  g_autoptr(GStrvBuilder) name_list = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) acronym_list = g_strv_builder_new ();
  g_autoptr(SecStmt) stmt = NULL;
  SecStep step;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (names != NULL && acronyms != NULL, FALSE);

  stmt = prepare_for_meeting (store,
                              "SELECT b.name, coalesce(b.acronym, '') FROM meeting_bodies mb"
                              " JOIN bodies b ON b.id = mb.body_id WHERE mb.meeting_id = ?1 ORDER BY mb.id",
                              meeting_id, error);
  if (stmt == NULL)
    return FALSE;
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      g_strv_builder_add (name_list, sec_stmt_get_text (stmt, 0));
      g_strv_builder_add (acronym_list, sec_stmt_get_text (stmt, 1));
    }
  if (step == SEC_STEP_ERROR)
    return FALSE;
  *names = g_strv_builder_end (name_list);
  *acronyms = g_strv_builder_end (acronym_list);
  return TRUE;
}

/* The links of @meeting_id to its bodies: body ids, and their own. */
static gboolean
list_body_links (SecStore  *store,
                 gint64     meeting_id,
                 GArray    *body_ids,
                 GArray    *link_ids,
                 GError   **error)
{
  g_autoptr(SecStmt) stmt = prepare_for_meeting (store,
                                                 "SELECT body_id, id FROM meeting_bodies WHERE meeting_id = ?1 ORDER BY id",
                                                 meeting_id, error);
  SecStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = sec_stmt_step (stmt, error)) == SEC_STEP_ROW)
    {
      gint64 body = sec_stmt_get_int64 (stmt, 0), link = sec_stmt_get_int64 (stmt, 1);

      g_array_append_val (body_ids, body);
      if (link_ids != NULL)
        g_array_append_val (link_ids, link);
    }
  return step != SEC_STEP_ERROR;
}

/**
 * sec_store_get_meeting_body_ids:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids
 */
GArray *
sec_store_get_meeting_body_ids (SecStore  *store,
                                gint64     meeting_id,
                                GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if (!list_body_links (store, meeting_id, ids, NULL, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
contains_id (const gint64 *ids,
             guint         n,
             gint64        id)
{
  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

gboolean
sec_store_set_meeting_body_ids (SecStore      *store,
                                gint64         meeting_id,
                                const gint64  *body_ids,
                                guint          n,
                                GError       **error)
{
  g_autoptr(GArray) stored = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (body_ids != NULL || n == 0, FALSE);

  if (!sec_store_begin (store, error))
    return FALSE;
  ok = list_body_links (store, meeting_id, stored, links, error);
  for (guint i = 0; ok && i < n; i++)
    if (!contains_id ((const gint64 *) (gpointer) stored->data, stored->len, body_ids[i]) &&
        !contains_id (body_ids, i, body_ids[i]))
      {
        g_autoptr(SecRecord) link = sec_record_new (SEC_TYPE_MEETING_BODY);

        sec_record_set_ref (link, "meeting", meeting_id);
        sec_record_set_ref (link, "body", body_ids[i]);
        ok = sec_store_insert (store, link, error);
      }
  for (guint i = 0; ok && i < stored->len; i++)
    if (!contains_id (body_ids, n, g_array_index (stored, gint64, i)))
      ok = sec_store_delete (store, SEC_TYPE_MEETING_BODY, g_array_index (links, gint64, i), error);
  if (!ok || !sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

void
sec_agenda_speaker_row_free (SecAgendaSpeakerRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->organisation);
  g_free (row);
}

static gpointer
read_speaker (SecStmt *stmt)
{
  SecAgendaSpeakerRow *row = g_new0 (SecAgendaSpeakerRow, 1);

  row->agenda_item_id = sec_stmt_get_int64 (stmt, 0);
  row->name = dup_name (stmt, 1);
  row->organisation = sec_stmt_dup_text (stmt, 2);
  return row;
}

/**
 * sec_store_list_agenda_speakers:
 *
 * Returns: (transfer full) (element-type SecAgendaSpeakerRow): the speakers
 */
GPtrArray *
sec_store_list_agenda_speakers (SecStore  *store,
                                gint64     meeting_id,
                                GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return list_for_meeting (store,
                           "SELECT s.agenda_item_id, " PERSON_NAME ("p") ", coalesce(o.acronym, o.name)"
                           " FROM agenda_speakers s JOIN agenda_items a ON a.id = s.agenda_item_id"
                           " JOIN people p ON p.id = s.person_id"
                           " LEFT JOIN organisations o ON o.id = p.organisation_id"
                           " WHERE a.meeting_id = ?1 ORDER BY s.agenda_item_id, s.position, s.id",
                           meeting_id, read_speaker, (GDestroyNotify) sec_agenda_speaker_row_free, error);
}

void
sec_meeting_participant_row_free (SecMeetingParticipantRow *row)
{
  if (row == NULL)
    return;
  g_free (row->role);
  g_free (row->status);
  g_free (row->needs);
  g_free (row->title);
  g_free (row->given_name);
  g_free (row->family_name);
  g_free (row->position);
  g_free (row->email);
  g_free (row->phone);
  g_free (row->accessibility_needs);
  g_free (row->dietary_needs);
  g_free (row->invited_name);
  g_free (row->organisation);
  g_free (row->organisation_acronym);
  g_free (row->country);
  g_free (row->body);
  g_free (row->representation);
  g_free (row);
}

static gpointer
read_participant (SecStmt *stmt)
{
  SecMeetingParticipantRow *row = g_new0 (SecMeetingParticipantRow, 1);

  row->participant_id = sec_stmt_get_int64 (stmt, 0);
  row->role = dup_stripped (stmt, 1);
  row->status = dup_stripped (stmt, 2);
  row->needs = dup_stripped (stmt, 3);
  row->title = dup_stripped (stmt, 4);
  row->given_name = dup_stripped (stmt, 5);
  row->family_name = dup_stripped (stmt, 6);
  row->position = dup_stripped (stmt, 7);
  row->email = dup_stripped (stmt, 8);
  row->phone = dup_stripped (stmt, 9);
  row->accessibility_needs = dup_stripped (stmt, 10);
  row->dietary_needs = dup_stripped (stmt, 11);
  row->invited_name = dup_stripped (stmt, 12);
  row->organisation = dup_stripped (stmt, 13);
  row->organisation_acronym = dup_stripped (stmt, 14);
  row->country = dup_stripped (stmt, 15);
  row->body = dup_stripped (stmt, 16);
  row->person_id = sec_stmt_get_int64 (stmt, 17);
  row->attending_id = sec_stmt_get_int64 (stmt, 18);
  row->substitute_id = sec_stmt_get_int64 (stmt, 19);
  row->staff = sec_stmt_get_int64 (stmt, 20) != 0;
  row->representation = dup_stripped (stmt, 21);
  return row;
}

/**
 * sec_store_list_meeting_participants:
 *
 * Returns: (transfer full) (element-type SecMeetingParticipantRow): the
 *   participants
 */
GPtrArray *
sec_store_list_meeting_participants (SecStore  *store,
                                     gint64     meeting_id,
                                     GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  /* The person who attends is the substitute of a replaced participant,
   * unless the substitute is a participant of their own; the organisation
   * is the one represented, else the person's own. */
  return list_for_meeting (store,
                           "SELECT p.id, p.role, p.status, p.needs,"
                           "  a.title, a.given_name, a.family_name, a.position, a.email, a.phone,"
                           "  a.accessibility_needs, a.dietary_needs,"
                           "  " PERSON_NAME ("i") ","
                           "  o.name, o.acronym, o.country,"
                           "  (SELECT b.name FROM meeting_bodies mb JOIN bodies b ON b.id = mb.body_id"
                           "    JOIN memberships m ON m.body_id = mb.body_id AND m.organisation_id = o.id"
                           "      AND m.status = 'active'"
                           "    WHERE mb.meeting_id = p.meeting_id ORDER BY mb.id LIMIT 1),"
                           "  p.person_id, p.attending_id, p.substitute_id, coalesce(o.organiser, 0),"
                           /* As the participant's "representation", for the
                            * one who attends. */
                           "  (SELECT CASE WHEN max(CASE WHEN m.delegate_id = p.attending_id THEN 1 ELSE 0 END) = 1 THEN 'delegate' ELSE 'alternate' END"
                           "    FROM memberships m JOIN meeting_bodies mb ON mb.body_id = m.body_id"
                           "      AND mb.meeting_id = p.meeting_id"
                           "    WHERE m.organisation_id = o.id AND m.status = 'active'"
                           "      AND (m.delegate_id = p.attending_id OR EXISTS (SELECT 1 FROM membership_alternates x"
                           "        WHERE x.membership_id = m.id AND x.person_id = p.attending_id))"
                           "    HAVING count(*) > 0)"
                           " FROM (SELECT t.*, CASE WHEN t.status = 'replaced' AND t.substitute_id IS NOT NULL"
                           "         AND NOT EXISTS (SELECT 1 FROM participants q WHERE q.meeting_id = t.meeting_id"
                           "                         AND q.person_id = t.substitute_id)"
                           "       THEN t.substitute_id ELSE t.person_id END AS attending_id"
                           "       FROM participants t WHERE t.meeting_id = ?1) p"
                           " JOIN people i ON i.id = p.person_id"
                           " JOIN people a ON a.id = p.attending_id"
                           " LEFT JOIN organisations o ON o.id = coalesce(p.organisation_id, i.organisation_id)"
                           /* Restricted (and erased) people stay out of every export. */
                           " WHERE i.restricted = 0 AND a.restricted = 0"
                           " ORDER BY p.id",
                           meeting_id, read_participant, (GDestroyNotify) sec_meeting_participant_row_free, error);
}
