/* sec-meeting-documents.c: a meeting's agenda, participant list,
 * attendance sheet and meeting pack, and its exports */
#define G_LOG_DOMAIN "sec-meeting-documents"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "core/meetings/sec-agenda.h"
#include "core/base/sec-countries.h"
#include "core/documents/sec-csv.h"
#include "core/documents/sec-document-locale.h"
#include "core/base/sec-fold.h"
#include "core/base/sec-format.h"
#include "core/documents/sec-ical.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/store/sec-records.h"

/* Red for what the secretariat must look at in an internal document. */
#define WARNING_COLOR "#a51d2d"
/* Lines on the attendance sheet: room for a signature. */
#define SIGNATURE_ROW_HEIGHT 30.0
/* Numbered empty lines at the end of an attendance sheet. */
#define N_BLANK_ROWS 6

/* The strings of a document, in the document's language. */
#define TR(s) sec_document_locale_gettext (b->locale, (s))

typedef struct {
  SecMeetingData                  *data;
  const SecMeetingDocumentOptions *options;
  SecDocumentLocale               *locale;
  SecAgendaTiming                 *timing;
  SecDocument                     *doc;
} Builder;

typedef struct {
  SecMeetingParticipant *p;
  int                    group_rank;
  char                  *group_key;
  char                  *family_key;
  char                  *given_key;
} SortEntry;

static const SecParticipantColumnInfo columns_info[] = {
  { SEC_PARTICIPANT_COLUMN_NAME, "name", N_("Name") },
  { SEC_PARTICIPANT_COLUMN_POSITION, "position", N_("Position") },
  { SEC_PARTICIPANT_COLUMN_ORGANISATION, "organisation", N_("Organisation") },
  { SEC_PARTICIPANT_COLUMN_COUNTRY, "country", N_("Country") },
  { SEC_PARTICIPANT_COLUMN_BODY, "body", N_("Body") },
  { SEC_PARTICIPANT_COLUMN_ROLE, "role", N_("Role") },
  { SEC_PARTICIPANT_COLUMN_STATUS, "status", N_("Status") },
  { SEC_PARTICIPANT_COLUMN_EMAIL, "email", N_("Email") },
  { SEC_PARTICIPANT_COLUMN_PHONE, "phone", N_("Phone") },
  { SEC_PARTICIPANT_COLUMN_NEEDS, "needs", N_("Needs") },
};

static const struct {
  const char *name;
  const char *label;
  const char *extension;
} exports[] = {
  [SEC_MEETING_EXPORT_AGENDA] = { "agenda", N_("Agenda"), "pdf" },
  [SEC_MEETING_EXPORT_AGENDA_INTERNAL] = { "agenda-internal", N_("Agenda (internal)"), "pdf" },
  [SEC_MEETING_EXPORT_PARTICIPANTS] = { "participants", N_("List of participants"), "pdf" },
  [SEC_MEETING_EXPORT_ATTENDANCE] = { "attendance", N_("Attendance sheet"), "pdf" },
  [SEC_MEETING_EXPORT_PACK] = { "pack", N_("Meeting pack"), "pdf" },
  [SEC_MEETING_EXPORT_PARTICIPANTS_CSV] = { "participants-csv", N_("List of participants (CSV)"), "csv" },
  [SEC_MEETING_EXPORT_ICAL] = { "ical", N_("Calendar event (iCalendar)"), "ics" },
};

/* The labels of the choices the documents print, marked here so that the
 * documents' translations hold them (the records' own labels are for the
 * window). */
static const struct {
  const char *nick;
  const char *label;
} role_labels[] = {
  { "chair", N_("Chair") },
  { "co-chair", N_("Co-chair") },
  { "speaker", N_("Speaker") },
  { "participant", N_("Participant") },
  { "observer", N_("Observer") },
  { "organiser", N_("Organiser") },
}, status_labels[] = {
  { "invited", N_("Invited") },
  { "registered", N_("Registered") },
  { "confirmed", N_("Confirmed") },
  { "declined", N_("Declined") },
  { "attended", N_("Attended") },
  { "attended-remotely", N_("Attended remotely") },
  { "excused", N_("Excused") },
  { "absent", N_("Absent") },
  { "replaced", N_("Replaced by a substitute") },
};

/* Data */

static void
participant_free (SecMeetingParticipant *p)
{
  g_free (p->title);
  g_free (p->given_name);
  g_free (p->family_name);
  g_free (p->replaces);
  g_free (p->position);
  g_free (p->email);
  g_free (p->phone);
  g_free (p->organisation);
  g_free (p->organisation_acronym);
  g_free (p->country);
  g_free (p->body);
  g_free (p->role);
  g_free (p->status);
  g_free (p->needs);
  g_free (p);
}

static void
item_free (SecMeetingItem *item)
{
  g_free (item->title);
  g_free (item->description);
  g_free (item->kind);
  g_free (item->fixed_start);
  g_free (item->internal_notes);
  g_strfreev (item->speakers);
  g_free (item);
}

static void
meeting_data_clear (gpointer mem)
{
  SecMeetingData *d = mem;

  g_free (d->title);
  g_free (d->kind);
  g_free (d->status);
  g_free (d->starts_at);
  g_free (d->ends_at);
  g_free (d->timezone);
  g_free (d->venue);
  g_free (d->room);
  g_free (d->address);
  g_free (d->online_link);
  g_free (d->chair);
  g_free (d->co_chair);
  g_free (d->agenda_status);
  g_free (d->created_at);
  g_free (d->updated_at);
  g_strfreev (d->bodies);
  g_strfreev (d->body_acronyms);
  g_clear_pointer (&d->items, g_ptr_array_unref);
  g_clear_pointer (&d->participants, g_ptr_array_unref);
  g_free (d->store_uuid);
}

/* A stored text, or NULL for NULL and blank. */
static char *
dup_column (sqlite3_stmt *stmt,
            int           i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  return *stripped ? g_steal_pointer (&stripped) : NULL;
}

static char *
dup_field (SecRecord  *record,
           const char *field)
{
  const char *text = sec_record_get_string (record, field);

  return text && *text ? g_strdup (text) : NULL;
}

static sqlite3_stmt *
prepare (SecStore    *store,
         const char  *sql,
         gint64       meeting_id,
         GError     **error)
{
  sqlite3 *db = _sec_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (db == NULL)
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED, _("The database is closed"));
      return NULL;
    }
  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) != SQLITE_OK)
    {
      _sec_store_set_error (store, rc, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return stmt;
}

static gboolean
finish (SecStore      *store,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _sec_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
load_bodies (SecStore        *store,
             SecMeetingData  *d,
             GError         **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) acronyms = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store,
                  "SELECT b.name, coalesce(b.acronym, '') FROM meeting_bodies mb"
                  " JOIN bodies b ON b.id = mb.body_id WHERE mb.meeting_id = ? ORDER BY mb.id",
                  d->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
      g_strv_builder_add (acronyms, (const char *) sqlite3_column_text (stmt, 1));
    }
  d->bodies = g_strv_builder_end (names);
  d->body_acronyms = g_strv_builder_end (acronyms);
  return finish (store, stmt, rc, error);
}

static gboolean
load_items (SecStore        *store,
            SecMeetingData  *d,
            GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) speakers = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          NULL, (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  if ((records = sec_agenda_list_items (store, d->id, error)) == NULL)
    return FALSE;

  d->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint i = 0; i < records->len; i++)
    {
      SecRecord *r = g_ptr_array_index (records, i);
      SecMeetingItem *item = g_new0 (SecMeetingItem, 1);

      item->id = sec_record_get_id (r);
      item->title = g_strdup (sec_record_get_string (r, "title"));
      item->description = dup_field (r, "description");
      item->kind = g_strdup (sec_record_get_string (r, "kind"));
      item->duration = sec_record_get_int (r, "duration");
      item->fixed_start = dup_field (r, "fixed-start");
      item->internal_notes = dup_field (r, "internal-notes");
      g_ptr_array_add (d->items, item);
      g_hash_table_insert (by_id, &item->id, item);
    }

  stmt = prepare (store,
                  "SELECT s.agenda_item_id, trim(coalesce(p.given_name, '') || ' ' || p.family_name),"
                  "  coalesce(o.acronym, o.name)"
                  " FROM agenda_speakers s JOIN agenda_items a ON a.id = s.agenda_item_id"
                  " JOIN people p ON p.id = s.person_id"
                  " LEFT JOIN organisations o ON o.id = p.organisation_id"
                  " WHERE a.meeting_id = ? ORDER BY s.agenda_item_id, s.position, s.id",
                  d->id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 0);
      SecMeetingItem *item = g_hash_table_lookup (by_id, &item_id);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *org = (const char *) sqlite3_column_text (stmt, 2);
      GPtrArray *list;

      if (item == NULL)
        continue;
      if ((list = g_hash_table_lookup (speakers, &item->id)) == NULL)
        {
          list = g_ptr_array_new_null_terminated (2, g_free, TRUE);
          g_hash_table_insert (speakers, &item->id, list);
        }
      g_ptr_array_add (list, org && *org ? g_strdup_printf ("%s (%s)", name, org) : g_strdup (name));
    }
  if (!finish (store, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < d->items->len; i++)
    {
      SecMeetingItem *item = g_ptr_array_index (d->items, i);
      GPtrArray *list = g_hash_table_lookup (speakers, &item->id);

      item->speakers = list ? (GStrv) g_ptr_array_steal (list, NULL) : g_new0 (char *, 1);
    }
  return TRUE;
}

/* The needs recorded for the meeting and for the person, each once: a
 * need written in both places ("Vegetarian", "Vegetarian meals") is kept
 * in its longer form. */
static char *
join_needs (const char *a,
            const char *b,
            const char *c)
{
  const char *parts[] = { a, b, c };
  char *folded[G_N_ELEMENTS (parts)] = { NULL };
  g_autoptr(GString) needs = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    folded[i] = parts[i] ? sec_fold (parts[i]) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = parts[i] ? g_strstrip (g_strdup (parts[i])) : NULL;
      gboolean repeated = FALSE;

      if (part == NULL || *part == '\0')
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (parts) && !repeated; j++)
        {
          if (j == i || folded[j] == NULL || *folded[j] == '\0')
            continue;
          /* Contained in another (or equal to an earlier one). */
          if (strstr (folded[j], folded[i]) != NULL &&
              (strlen (folded[j]) > strlen (folded[i]) || j < i))
            repeated = TRUE;
        }
      if (repeated)
        continue;
      if (needs->len)
        g_string_append (needs, "; ");
      g_string_append (needs, part);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_free (folded[i]);
  return needs->len ? g_string_free (g_steal_pointer (&needs), FALSE) : NULL;
}

static gboolean
load_participants (SecStore        *store,
                   SecMeetingData  *d,
                   GError         **error)
{
  g_autoptr(GHashTable) replaced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) attending = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* The person who attends is the substitute of a replaced participant,
   * unless the substitute is a participant of their own; the organisation
   * is the one represented, else the person's own. */
  stmt = prepare (store,
                  "SELECT p.id, p.role, p.status, p.needs,"
                  "  a.title, a.given_name, a.family_name, a.position, a.email, a.phone,"
                  "  a.accessibility_needs, a.dietary_needs,"
                  "  trim(coalesce(i.given_name, '') || ' ' || i.family_name),"
                  "  o.name, o.acronym, o.country,"
                  "  (SELECT b.name FROM meeting_bodies mb JOIN bodies b ON b.id = mb.body_id"
                  "    JOIN memberships m ON m.body_id = mb.body_id AND m.organisation_id = o.id"
                  "      AND m.status = 'active'"
                  "    WHERE mb.meeting_id = p.meeting_id ORDER BY mb.id LIMIT 1),"
                  "  p.person_id, p.attending_id, p.substitute_id"
                  " FROM (SELECT t.*, CASE WHEN t.status = 'replaced' AND t.substitute_id IS NOT NULL"
                  "         AND NOT EXISTS (SELECT 1 FROM participants q WHERE q.meeting_id = t.meeting_id"
                  "                         AND q.person_id = t.substitute_id)"
                  "       THEN t.substitute_id ELSE t.person_id END AS attending_id"
                  "       FROM participants t WHERE t.meeting_id = ?) p"
                  " JOIN people i ON i.id = p.person_id"
                  " JOIN people a ON a.id = p.attending_id"
                  " LEFT JOIN organisations o ON o.id = coalesce(p.organisation_id, i.organisation_id)"
                  " ORDER BY p.id",
                  d->id, error);
  if (stmt == NULL)
    return FALSE;

  d->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) participant_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SecMeetingParticipant *p = g_new0 (SecMeetingParticipant, 1);
      g_autofree char *needs = dup_column (stmt, 3);
      g_autofree char *accessibility = dup_column (stmt, 10);
      g_autofree char *dietary = dup_column (stmt, 11);
      gint64 person_id = sqlite3_column_int64 (stmt, 17);
      gint64 attending_id = sqlite3_column_int64 (stmt, 18);
      gint64 substitute_id = sqlite3_column_int64 (stmt, 19);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->role = dup_column (stmt, 1);
      p->status = dup_column (stmt, 2);
      p->title = dup_column (stmt, 4);
      p->given_name = dup_column (stmt, 5);
      p->family_name = dup_column (stmt, 6);
      p->position = dup_column (stmt, 7);
      p->email = dup_column (stmt, 8);
      p->phone = dup_column (stmt, 9);
      p->needs = join_needs (needs, accessibility, dietary);
      p->organisation = dup_column (stmt, 13);
      p->organisation_acronym = dup_column (stmt, 14);
      p->country = dup_column (stmt, 15);
      p->body = dup_column (stmt, 16);
      p->expected = g_strcmp0 (p->status, "declined") != 0 && g_strcmp0 (p->status, "excused") != 0;

      if (attending_id != person_id)
        p->replaces = dup_column (stmt, 12);
      else if (g_strcmp0 (p->status, "replaced") == 0)
        {
          /* Not coming: the substitute is listed on their own line. */
          p->expected = FALSE;
          if (substitute_id != 0)
            g_hash_table_insert (replaced, g_memdup2 (&substitute_id, sizeof substitute_id),
                                 dup_column (stmt, 12));
        }
      g_array_append_val (attending, attending_id);
      g_ptr_array_add (d->participants, p);
    }
  if (!finish (store, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < d->participants->len; i++)
    {
      SecMeetingParticipant *p = g_ptr_array_index (d->participants, i);
      const char *name = g_hash_table_lookup (replaced, &g_array_index (attending, gint64, i));

      if (name != NULL && p->replaces == NULL)
        p->replaces = g_strdup (name);
    }
  return TRUE;
}

/* Options and names */

static gboolean
is_expected (SecMeetingParticipant *p)
{
  return p->expected;
}

static SecParticipantColumns
effective_columns (const SecMeetingDocumentOptions *options)
{
  SecParticipantColumns columns = options->columns;

  if (columns == 0)
    columns = sec_participant_columns_default (options->public_variant);
  if (options->public_variant)
    columns &= ~SEC_PARTICIPANT_COLUMNS_PRIVATE;
  return columns | SEC_PARTICIPANT_COLUMN_NAME;
}

static const char *
role_label (Builder    *b,
            const char *nick)
{
  return sec_meeting_role_label (b->locale, nick);
}

static const char *
status_label (Builder    *b,
              const char *nick)
{
  return sec_meeting_status_label (b->locale, nick);
}

static char *
dup_person_name (SecMeetingParticipant *p,
                 gboolean               with_title)
{
  g_autoptr(GString) name = g_string_new (NULL);

  if (with_title && p->title)
    g_string_append_printf (name, "%s ", p->title);
  if (p->given_name)
    g_string_append_printf (name, "%s ", p->given_name);
  g_string_append (name, p->family_name ? p->family_name : "");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static char *
dup_organisation (SecMeetingParticipant *p)
{
  if (p->organisation == NULL)
    return g_strdup ("");
  if (p->organisation_acronym && g_strcmp0 (p->organisation_acronym, p->organisation) != 0)
    return g_strdup_printf ("%s (%s)", p->organisation, p->organisation_acronym);
  return g_strdup (p->organisation);
}

static const char *
country_name (Builder    *b,
              const char *code)
{
  const char *name = code ? sec_document_locale_country_name (b->locale, code) : NULL;

  return name ? name : (code ? code : "");
}

/* Dates in the document's language. */

static char *
format_date (Builder    *b,
             GDateTime  *dt,
             const char *format)
{
  return sec_document_locale_format_date (b->locale, dt, format);
}

static char *
format_time (GDateTime *dt)
{
  return g_date_time_format (dt, "%H:%M");
}

static char *
dup_long_date (Builder   *b,
               GDateTime *dt)
{
  /* TRANSLATORS: a day in a document, see g_date_time_format (): "Wednesday 13 June 2018" */
  return format_date (b, dt, TR (N_("%A %-d %B %Y")));
}

static char *
dup_date (Builder   *b,
          GDateTime *dt)
{
  /* TRANSLATORS: a date in a document, see g_date_time_format (): "13 June 2018" */
  return format_date (b, dt, TR (N_("%-d %B %Y")));
}

/* "Wednesday 13 June 2018, 09:30–17:30", or over several days
 * "13 June 2018, 09:30 – 14 June 2018, 13:00". */
static char *
dup_period (Builder *b)
{
  GDateTime *start = b->timing ? b->timing->meeting_starts : NULL;
  GDateTime *end = b->timing ? b->timing->meeting_ends : NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;

  if (start == NULL)
    return g_strdup (b->data->starts_at ? b->data->starts_at : "");
  start_time = format_time (start);
  if (end == NULL)
    {
      g_autofree char *day = dup_long_date (b, start);

      return g_strdup_printf ("%s, %s", day, start_time);
    }
  end_time = format_time (end);
  if (g_date_time_get_year (start) == g_date_time_get_year (end) &&
      g_date_time_get_day_of_year (start) == g_date_time_get_day_of_year (end))
    {
      g_autofree char *day = dup_long_date (b, start);

      return g_strdup_printf ("%s, %s–%s", day, start_time, end_time);
    }
  {
    g_autofree char *first = dup_date (b, start);
    g_autofree char *last = dup_date (b, end);

    return g_strdup_printf ("%s, %s – %s, %s", first, start_time, last, end_time);
  }
}

static char *
dup_duration (Builder *b,
              int      minutes)
{
  int h = minutes / 60, m = minutes % 60;

  if (h == 0)
    /* TRANSLATORS: a duration in a document */
    return g_strdup_printf (TR (N_("%d min")), m);
  if (m == 0)
    /* TRANSLATORS: a duration in a document */
    return g_strdup_printf (TR (N_("%d h")), h);
  /* TRANSLATORS: a duration in a document */
  return g_strdup_printf (TR (N_("%d h %d min")), h, m);
}

static char *
dup_agenda_state (Builder *b)
{
  if (g_strcmp0 (b->data->agenda_status, "final") == 0)
    /* TRANSLATORS: the state of a printed agenda */
    return g_strdup_printf (TR (N_("Final, version %d")), MAX (b->data->agenda_version, 1));
  if (b->data->agenda_version > 0)
    /* TRANSLATORS: an agenda changed after its final version 2 */
    return g_strdup_printf (TR (N_("Draft, after version %d")), b->data->agenda_version);
  return g_strdup (TR (N_("Draft")));
}

static char *
dup_venue (SecMeetingData *d,
           gboolean        with_address)
{
  g_autoptr(GString) venue = g_string_new (NULL);
  const char *parts[] = { d->venue, d->room, with_address ? d->address : NULL };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_auto(GStrv) lines = NULL;

      if (parts[i] == NULL)
        continue;
      lines = g_strsplit (parts[i], "\n", -1);
      for (guint j = 0; lines[j]; j++)
        {
          g_strstrip (lines[j]);
          if (*lines[j] == '\0')
            continue;
          if (venue->len)
            g_string_append (venue, ", ");
          g_string_append (venue, lines[j]);
        }
    }
  return g_string_free (g_steal_pointer (&venue), FALSE);
}

/* Escaped text with its line breaks kept. */
static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/* Sorting participants */

static void
sort_entry_clear (gpointer data)
{
  SortEntry *e = data;

  g_free (e->group_key);
  g_free (e->family_key);
  g_free (e->given_key);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a, *y = b;
  int c;

  if (x->group_rank != y->group_rank)
    return x->group_rank < y->group_rank ? -1 : 1;
  if ((c = strcmp (x->group_key, y->group_key)) != 0)
    return c;
  if ((c = strcmp (x->family_key, y->family_key)) != 0)
    return c;
  if ((c = strcmp (x->given_key, y->given_key)) != 0)
    return c;
  return x->p->id < y->p->id ? -1 : x->p->id > y->p->id;
}

#define RANK_NONE 100000

static int
body_index (SecMeetingData *d,
            const char     *body)
{
  if (body != NULL)
    for (guint i = 0; d->bodies && d->bodies[i]; i++)
      if (g_str_equal (d->bodies[i], body))
        return (int) i;
  return RANK_NONE;
}

/* (element-type SortEntry): the participants in the list's order. */
static GArray *
sort_participants (Builder  *b,
                   gboolean  expected_only)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (SortEntry));
  SecGroupBy group_by = b->options->group_by;

  g_array_set_clear_func (entries, sort_entry_clear);
  for (guint i = 0; i < b->data->participants->len; i++)
    {
      SecMeetingParticipant *p = g_ptr_array_index (b->data->participants, i);
      SortEntry e = { p, 0, NULL, NULL, NULL };

      if (expected_only && !is_expected (p))
        continue;

      switch (group_by)
        {
        case SEC_GROUP_BY_COUNTRY:
          if (p->country == NULL)
            {
              e.group_rank = RANK_NONE;
              e.group_key = g_strdup ("");
            }
          else if (b->options->country_order == SEC_COUNTRY_ORDER_PROTOCOL &&
                   sec_country_eu_protocol_index (p->country) >= 0)
            {
              e.group_rank = sec_country_eu_protocol_index (p->country);
              e.group_key = g_strdup ("");
            }
          else
            {
              /* After the Member States in protocol order, the others by name. */
              e.group_rank = b->options->country_order == SEC_COUNTRY_ORDER_PROTOCOL ? RANK_NONE - 1 : 0;
              e.group_key = sec_document_locale_collate_key (b->locale, country_name (b, p->country));
            }
          break;
        case SEC_GROUP_BY_ORGANISATION:
          e.group_rank = p->organisation ? 0 : RANK_NONE;
          e.group_key = sec_document_locale_collate_key (b->locale, p->organisation ? p->organisation : "");
          break;
        case SEC_GROUP_BY_BODY:
          e.group_rank = body_index (b->data, p->body);
          e.group_key = g_strdup ("");
          break;
        case SEC_GROUP_BY_NONE:
        default:
          e.group_key = g_strdup ("");
          break;
        }
      e.family_key = sec_document_locale_collate_key (b->locale, p->family_name);
      e.given_key = sec_document_locale_collate_key (b->locale, p->given_name);
      g_array_append_val (entries, e);
    }
  g_array_sort (entries, compare_entries);
  return entries;
}

static gboolean
same_group (const SortEntry *a,
            const SortEntry *b)
{
  return a->group_rank == b->group_rank && strcmp (a->group_key, b->group_key) == 0;
}

static char *
dup_group_label (Builder               *b,
                 SecMeetingParticipant *p)
{
  switch (b->options->group_by)
    {
    case SEC_GROUP_BY_COUNTRY:
      return g_strdup (p->country ? country_name (b, p->country) : TR (N_("No country")));
    case SEC_GROUP_BY_ORGANISATION:
      return p->organisation ? dup_organisation (p) : g_strdup (TR (N_("No organisation")));
    case SEC_GROUP_BY_BODY:
      return g_strdup (p->body ? p->body : TR (N_("Other participants")));
    case SEC_GROUP_BY_NONE:
    default:
      return NULL;
    }
}

/* Adds the group heading of entry @i when a group starts there. */
static void
add_group_if_new (Builder *b,
                  GArray  *entries,
                  guint    i)
{
  SortEntry *e = &g_array_index (entries, SortEntry, i);
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *continued = NULL;
  guint n = 0;

  if (b->options->group_by == SEC_GROUP_BY_NONE)
    return;
  if (i > 0 && same_group (&g_array_index (entries, SortEntry, i - 1), e))
    return;

  for (guint j = i; j < entries->len && same_group (&g_array_index (entries, SortEntry, j), e); j++)
    n++;
  label = dup_group_label (b, e->p);
  heading = g_strdup_printf ("%s (%u)", label, n);
  /* TRANSLATORS: a group of a list going on over a page break: "Belgium (continued)" */
  continued = g_strdup_printf (TR (N_("%s (continued)")), label);
  sec_document_add_group (b->doc, heading, continued);
}

/* Header and footer */

static void
setup_page_frame (Builder *b)
{
  g_autoptr(GString) left = g_string_new (NULL);
  g_autoptr(GString) right = g_string_new (NULL);
  g_autofree char *title = escape (b->data->title);
  g_autofree char *period = dup_period (b);
  g_autofree char *venue = dup_venue (b->data, FALSE);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  g_autofree char *generated = NULL;

  g_string_append_printf (left, "<b>%s</b>", title);
  if (b->data->bodies && b->data->bodies[0])
    {
      g_autofree char *bodies = g_strjoinv (" · ", b->data->bodies);
      g_autofree char *escaped = escape (bodies);

      g_string_append_printf (left, "\n%s", escaped);
    }
  {
    g_autofree char *escaped = escape (period);

    g_string_append (right, escaped);
  }
  if (*venue)
    {
      g_autofree char *escaped = escape (venue);

      g_string_append_printf (right, "\n%s", escaped);
    }
  sec_document_set_header (b->doc, left->str, right->str);

  now = b->options->generated ? g_date_time_ref (b->options->generated) : g_date_time_new_now_local ();
  /* TRANSLATORS: when a document was made, see g_date_time_format (): "13 June 2018, 09:30" */
  when = format_date (b, now, TR (N_("%-d %B %Y, %H:%M")));
  /* TRANSLATORS: in the footer of a document */
  generated = g_strdup_printf (TR (N_("Generated on %s")), when);
  /* TRANSLATORS: the page number in the footer of a document: "Page 2 of 7" */
  sec_document_set_footer (b->doc, generated, TR (N_("Page %d of %d")));
}

/* The agenda */

static void
add_meeting_facts (Builder  *b,
                   gboolean  with_state)
{
  SecMeetingData *d = b->data;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *period = dup_period (b);
  g_autofree char *venue = dup_venue (d, TRUE);

  if (with_state)
    {
      g_autofree char *state = dup_agenda_state (b);
      g_autofree char *escaped = escape (state);

      g_string_append_printf (text, "<b>%s</b>\n", escaped);
    }
  {
    g_autofree char *escaped = escape (period);

    g_string_append (text, escaped);
  }
  if (*venue)
    {
      g_autofree char *escaped = escape (venue);

      g_string_append_c (text, '\n');
      /* TRANSLATORS: a line of a document: "Venue: Berlaymont, room 1, Brussels" */
      g_string_append_printf (text, TR (N_("Venue: %s")), escaped);
    }
  if (d->online_link)
    {
      g_autofree char *escaped = escape (d->online_link);

      g_string_append_c (text, '\n');
      /* TRANSLATORS: a line of a document, with a web address */
      g_string_append_printf (text, TR (N_("Online: %s")), escaped);
    }
  if (d->chair || d->co_chair)
    {
      g_string_append_c (text, '\n');
      if (d->chair)
        {
          g_autofree char *escaped = escape (d->chair);

          g_string_append_printf (text, TR (N_("Chair: %s")), escaped);
        }
      if (d->chair && d->co_chair)
        g_string_append (text, "  ·  ");
      if (d->co_chair)
        {
          g_autofree char *escaped = escape (d->co_chair);

          g_string_append_printf (text, TR (N_("Co-chair: %s")), escaped);
        }
    }
  sec_document_add_paragraph (b->doc, text->str);
}

static char *
dup_item_cell (Builder        *b,
               SecMeetingItem *item,
               SecAgendaSlot  *slot)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *title = escape (item->title);

  if (slot->number > 0)
    g_string_append_printf (cell, "<b>%u.  %s</b>", slot->number, title);
  else
    g_string_append (cell, title);
  if (item->description)
    {
      g_autofree char *description = escape (item->description);

      g_string_append_printf (cell, "\n<span size=\"small\">%s</span>", description);
    }
  if (item->speakers && item->speakers[0])
    {
      g_autofree char *speakers = g_strjoinv (", ", item->speakers);
      g_autofree char *escaped = escape (speakers);
      g_autofree char *line = NULL;

      /* TRANSLATORS: the speaker or speakers of an agenda item */
      line = g_strdup_printf (item->speakers[1] ? TR (N_("Speakers: %s")) : TR (N_("Speaker: %s")), escaped);
      g_string_append_printf (cell, "\n<span size=\"small\"><i>%s</i></span>", line);
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static char *
dup_notes_cell (Builder        *b,
                SecMeetingItem *item,
                SecAgendaSlot  *slot)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  if (item->internal_notes)
    {
      g_autofree char *notes = escape (item->internal_notes);

      g_string_append (cell, notes);
    }
  if (slot->fixed)
    {
      if (cell->len)
        g_string_append_c (cell, '\n');
      g_string_append_printf (cell, "<i>%s</i>", TR (N_("Fixed start time")));
    }
  if (slot->overlaps)
    {
      if (cell->len)
        g_string_append_c (cell, '\n');
      g_string_append_printf (cell, "<span foreground=\"" WARNING_COLOR "\"><b>%s</b></span>",
                              TR (N_("Starts before the previous item ends")));
    }
  if (slot->overruns)
    {
      if (cell->len)
        g_string_append_c (cell, '\n');
      g_string_append_printf (cell, "<span foreground=\"" WARNING_COLOR "\"><b>%s</b></span>",
                              TR (N_("Ends after the end of the meeting")));
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static void
add_needs_table (Builder *b)
{
  g_autoptr(GArray) entries = NULL;
  const SecDocumentColumn columns[] = {
    { TR (N_("Name")), 26, SEC_COLUMN_DEFAULT },
    { TR (N_("Organisation")), 30, SEC_COLUMN_DEFAULT },
    { TR (N_("Needs")), 44, SEC_COLUMN_DEFAULT },
  };
  guint n = 0;

  sec_document_add_heading (b->doc, TR (N_("Participants’ needs")));
  entries = sort_participants (b, TRUE);
  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, SortEntry, i).p->needs)
      n++;
  if (n == 0)
    {
      sec_document_add_paragraph (b->doc, TR (N_("No participant has recorded needs.")));
      return;
    }

  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < entries->len; i++)
    {
      SecMeetingParticipant *p = g_array_index (entries, SortEntry, i).p;
      g_autofree char *name = dup_person_name (p, TRUE);
      g_autofree char *org = dup_organisation (p);
      g_autofree char *name_markup = escape (name);
      g_autofree char *org_markup = escape (org);
      g_autofree char *needs = escape (p->needs);
      const char *cells[] = { name_markup, org_markup, needs };

      if (p->needs == NULL)
        continue;
      sec_document_add_row (b->doc, SEC_ROW_NORMAL, cells);
    }
  sec_document_end_table (b->doc);
}

static void
add_agenda (Builder  *b,
            gboolean  internal)
{
  SecMeetingData *d = b->data;
  g_autofree char *state = dup_agenda_state (b);
  const char *name = internal ? TR (N_("Internal agenda")) : TR (N_("Agenda"));
  g_autofree char *note = g_strdup_printf ("%s  ·  %s", name, state);
  SecDocumentColumn columns[] = {
    { TR (N_("Time")), 13, SEC_COLUMN_DEFAULT },
    { TR (N_("Item")), internal ? 52 : 87, SEC_COLUMN_DEFAULT },
    { TR (N_("Notes for the secretariat")), 35, SEC_COLUMN_SMALL },
  };
  gboolean several_days = FALSE;
  guint day = G_MAXUINT;

  sec_document_begin_section (b->doc, name, note);
  sec_document_add_heading (b->doc, name);
  if (internal)
    sec_document_add_paragraph (b->doc, TR (N_("<b>For the secretariat only.</b> Not to be circulated.")));
  add_meeting_facts (b, TRUE);

  if (b->timing == NULL || d->items->len == 0)
    {
      sec_document_add_paragraph (b->doc, TR (N_("The agenda has no items yet.")));
      if (internal)
        add_needs_table (b);
      return;
    }

  for (guint i = 0; i < b->timing->n_slots; i++)
    several_days |= b->timing->slots[i].day > 0;

  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, internal ? 3 : 2);
  for (guint i = 0; i < d->items->len; i++)
    {
      SecMeetingItem *item = g_ptr_array_index (d->items, i);
      SecAgendaSlot *slot = &b->timing->slots[i];
      g_autofree char *start = format_time (slot->starts);
      g_autofree char *end = format_time (slot->ends);
      g_autofree char *time = g_strdup_printf ("%s–%s", start, end);
      g_autofree char *cell = dup_item_cell (b, item, slot);
      g_autofree char *notes = internal ? dup_notes_cell (b, item, slot) : NULL;
      const char *cells[] = { time, cell, notes };
      gboolean muted = g_strcmp0 (item->kind, "break") == 0 || g_strcmp0 (item->kind, "lunch") == 0;

      if (several_days && slot->day != day)
        {
          g_autofree char *date = dup_long_date (b, slot->starts);
          g_autofree char *continued = g_strdup_printf (TR (N_("%s (continued)")), date);

          sec_document_add_group (b->doc, date, continued);
          day = slot->day;
        }
      sec_document_add_row (b->doc, muted ? SEC_ROW_MUTED : SEC_ROW_NORMAL, cells);
    }
  sec_document_end_table (b->doc);

  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *end = format_time (b->timing->planned_end);

    /* TRANSLATORS: the time the last item of an agenda ends */
    g_string_append_printf (text, TR (N_("Planned end: %s")), end);
    if (internal)
      {
        g_autofree char *total = dup_duration (b, b->timing->total_minutes);

        g_string_append (text, "  ·  ");
        /* TRANSLATORS: the sum of the durations of the agenda's items */
        g_string_append_printf (text, TR (N_("Total duration of the items: %s")), total);
        if (b->timing->overrun)
          {
            g_autofree char *over = dup_duration (b, b->timing->overrun_minutes);
            g_autofree char *meeting_end = format_time (b->timing->meeting_ends);
            g_autofree char *line = NULL;

            /* TRANSLATORS: "The agenda runs 30 min past the end of the meeting (17:00)." */
            line = g_strdup_printf (TR (N_("The agenda runs %s past the end of the meeting (%s).")),
                                    over, meeting_end);
            g_string_append_printf (text, "\n<span foreground=\"" WARNING_COLOR "\"><b>%s</b></span>", line);
          }
      }
    sec_document_add_paragraph (b->doc, text->str);
  }

  if (internal)
    add_needs_table (b);
}

/* The list of participants */

typedef enum {
  COL_NUMBER,
  COL_NAME,
  COL_POSITION,
  COL_ORGANISATION,
  COL_ORGANISATION_COUNTRY,
  COL_COUNTRY,
  COL_BODY,
  COL_ROLE,
  COL_STATUS,
  COL_ROLE_STATUS,
  COL_CONTACT,
  COL_NEEDS,
} ListColumn;

static char *
dup_name_cell (Builder               *b,
               SecMeetingParticipant *p)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *family = escape (p->family_name);

  if (p->title)
    {
      g_autofree char *title = escape (p->title);

      g_string_append_printf (cell, "%s ", title);
    }
  if (p->given_name)
    {
      g_autofree char *given = escape (p->given_name);

      g_string_append_printf (cell, "%s ", given);
    }
  g_string_append_printf (cell, "<b>%s</b>", family);
  if (p->replaces)
    {
      g_autofree char *replaces = escape (p->replaces);
      g_autofree char *line = NULL;

      /* TRANSLATORS: under the name of a substitute in a list of participants */
      line = g_strdup_printf (TR (N_("replacing %s")), replaces);
      g_string_append_printf (cell, "\n<span size=\"small\"><i>%s</i></span>", line);
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static char *
dup_list_cell (Builder               *b,
               SecMeetingParticipant *p,
               ListColumn             column,
               guint                  number)
{
  switch (column)
    {
    case COL_NUMBER:
      return g_strdup_printf ("%u", number);
    case COL_NAME:
      return dup_name_cell (b, p);
    case COL_POSITION:
      return escape (p->position);
    case COL_ORGANISATION:
      {
        g_autofree char *org = dup_organisation (p);

        return escape (org);
      }
    case COL_ORGANISATION_COUNTRY:
      {
        g_autofree char *org = dup_organisation (p);
        g_autofree char *escaped = escape (org);
        g_autofree char *country = escape (p->country ? country_name (b, p->country) : NULL);

        if (*country == '\0')
          return g_steal_pointer (&escaped);
        return g_strdup_printf ("%s%s<span size=\"small\" foreground=\"#505050\">%s</span>",
                                escaped, *escaped ? "\n" : "", country);
      }
    case COL_COUNTRY:
      return escape (p->country ? country_name (b, p->country) : NULL);
    case COL_BODY:
      return escape (p->body);
    case COL_ROLE:
      /* A participant's role goes without saying. */
      return escape (g_strcmp0 (p->role, "participant") == 0 ? NULL : role_label (b, p->role));
    case COL_STATUS:
      return escape (status_label (b, p->status));
    case COL_ROLE_STATUS:
      {
        g_autofree char *role = escape (g_strcmp0 (p->role, "participant") == 0 ? NULL : role_label (b, p->role));
        g_autofree char *status = escape (status_label (b, p->status));

        return g_strdup_printf ("%s%s<span foreground=\"#505050\">%s</span>", role, *role ? "\n" : "", status);
      }
    case COL_CONTACT:
      {
        g_autofree char *email = escape (p->email);
        g_autofree char *phone = escape (p->phone);
        SecParticipantColumns columns = effective_columns (b->options);
        gboolean with_email = (columns & SEC_PARTICIPANT_COLUMN_EMAIL) && p->email;
        gboolean with_phone = (columns & SEC_PARTICIPANT_COLUMN_PHONE) && p->phone;

        return g_strdup_printf ("%s%s%s", with_email ? email : "",
                                with_email && with_phone ? "\n" : "", with_phone ? phone : "");
      }
    case COL_NEEDS:
      return escape (p->needs);
    default:
      g_assert_not_reached ();
    }
}

static void
add_participant_list (Builder *b)
{
  SecParticipantColumns wanted = effective_columns (b->options);
  const char *name = TR (N_("List of participants"));
  const char *variant = b->options->public_variant ? TR (N_("Public version")) : TR (N_("Internal version"));
  g_autofree char *note = g_strdup_printf ("%s  ·  %s", name, variant);
  g_autoptr(GArray) entries = NULL;
  SecDocumentColumn columns[16];
  ListColumn kinds[16];
  gboolean show_org, show_country;
  guint n = 0;

  sec_document_begin_section (b->doc, name, note);
  sec_document_add_heading (b->doc, name);
  entries = sort_participants (b, TRUE);
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *count = g_strdup_printf ("%u", entries->len);

    if (!b->options->public_variant)
      g_string_append_printf (text, "%s\n",
                              TR (N_("<b>Internal version</b>, with contact data and needs: "
                                     "not to be circulated.")));
    /* TRANSLATORS: under the heading of a list of participants */
    g_string_append_printf (text, TR (N_("Number of participants: %s")), count);
    sec_document_add_paragraph (b->doc, text->str);
  }
  if (entries->len == 0)
    {
      sec_document_add_paragraph (b->doc, TR (N_("Nobody has been invited yet.")));
      return;
    }

#define ADD_COLUMN(kind, label, width, flags) \
  G_STMT_START { kinds[n] = (kind); columns[n] = (SecDocumentColumn) { (label), (width), (flags) }; n++; } G_STMT_END

  ADD_COLUMN (COL_NUMBER, TR (N_("No.")), 5, SEC_COLUMN_END);
  ADD_COLUMN (COL_NAME, TR (N_("Name")), 20, SEC_COLUMN_DEFAULT);
  if (wanted & SEC_PARTICIPANT_COLUMN_POSITION)
    ADD_COLUMN (COL_POSITION, TR (N_("Position")), 15, SEC_COLUMN_SMALL);
  show_org = (wanted & SEC_PARTICIPANT_COLUMN_ORGANISATION) && b->options->group_by != SEC_GROUP_BY_ORGANISATION;
  show_country = (wanted & SEC_PARTICIPANT_COLUMN_COUNTRY) && b->options->group_by != SEC_GROUP_BY_COUNTRY;
  /* The country under the organisation: one column less to share. */
  if (show_org && show_country)
    ADD_COLUMN (COL_ORGANISATION_COUNTRY, TR (N_("Organisation, country")), 28, SEC_COLUMN_DEFAULT);
  else if (show_org)
    ADD_COLUMN (COL_ORGANISATION, TR (N_("Organisation")), 24, SEC_COLUMN_DEFAULT);
  else if (show_country)
    ADD_COLUMN (COL_COUNTRY, TR (N_("Country")), 11, SEC_COLUMN_DEFAULT);
  if ((wanted & SEC_PARTICIPANT_COLUMN_BODY) && b->options->group_by != SEC_GROUP_BY_BODY)
    ADD_COLUMN (COL_BODY, TR (N_("Body")), 14, SEC_COLUMN_SMALL);
  /* The status under the role: one column less to share. */
  if ((wanted & SEC_PARTICIPANT_COLUMN_ROLE) && (wanted & SEC_PARTICIPANT_COLUMN_STATUS))
    ADD_COLUMN (COL_ROLE_STATUS, TR (N_("Role, status")), 11, SEC_COLUMN_SMALL);
  else if (wanted & SEC_PARTICIPANT_COLUMN_ROLE)
    ADD_COLUMN (COL_ROLE, TR (N_("Role")), 9, SEC_COLUMN_SMALL);
  else if (wanted & SEC_PARTICIPANT_COLUMN_STATUS)
    ADD_COLUMN (COL_STATUS, TR (N_("Status")), 10, SEC_COLUMN_SMALL);
  if (wanted & (SEC_PARTICIPANT_COLUMN_EMAIL | SEC_PARTICIPANT_COLUMN_PHONE))
    ADD_COLUMN (COL_CONTACT, TR (N_("Contact")), 18, SEC_COLUMN_SMALL);
  if (wanted & SEC_PARTICIPANT_COLUMN_NEEDS)
    ADD_COLUMN (COL_NEEDS, TR (N_("Needs")), 20, SEC_COLUMN_SMALL);
#undef ADD_COLUMN

  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, n);
  for (guint i = 0; i < entries->len; i++)
    {
      SecMeetingParticipant *p = g_array_index (entries, SortEntry, i).p;
      char *cells[G_N_ELEMENTS (columns) + 1] = { NULL };

      add_group_if_new (b, entries, i);
      for (guint c = 0; c < n; c++)
        cells[c] = dup_list_cell (b, p, kinds[c], i + 1);
      sec_document_add_row (b->doc, SEC_ROW_NORMAL, (const char *const *) cells);
      for (guint c = 0; c < n; c++)
        g_free (cells[c]);
    }
  sec_document_end_table (b->doc);
}

/* The attendance sheet */

static void
add_attendance_sheet (Builder *b)
{
  const char *name = TR (N_("Attendance sheet"));
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GPtrArray) day_titles = g_ptr_array_new_with_free_func (g_free);
  SecDocumentColumn columns[3 + 3];
  guint n_days = 1, n_columns = 0;

  sec_document_begin_section (b->doc, name, name);
  sec_document_add_heading (b->doc, name);
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *period = dup_period (b);
    g_autofree char *escaped = escape (period);

    g_string_append_printf (text, "%s\n", escaped);
    g_string_append (text, TR (N_("Please sign next to your name. If your name is not on the list, "
                                  "please write it on one of the empty lines at the end.")));
    sec_document_add_paragraph (b->doc, text->str);
  }

  /* One column to sign per day, for a meeting of two or three days. */
  if (b->timing && b->timing->meeting_ends)
    {
      int days = 1;
      g_autoptr(GDateTime) day = g_date_time_ref (b->timing->meeting_starts);

      while (days < 4 && (g_date_time_get_year (day) != g_date_time_get_year (b->timing->meeting_ends) ||
                          g_date_time_get_day_of_year (day) != g_date_time_get_day_of_year (b->timing->meeting_ends)))
        {
          GDateTime *next = g_date_time_add_days (day, 1);

          g_date_time_unref (day);
          day = next;
          days++;
        }
      if (days > 1 && days <= 3)
        n_days = (guint) days;
    }

  columns[n_columns++] = (SecDocumentColumn) { TR (N_("No.")), 5, SEC_COLUMN_END };
  columns[n_columns++] = (SecDocumentColumn) { TR (N_("Name")), 27, SEC_COLUMN_DEFAULT };
  columns[n_columns++] = (SecDocumentColumn) { TR (N_("Organisation")), 28, SEC_COLUMN_SMALL };
  if (n_days == 1)
    columns[n_columns++] = (SecDocumentColumn) { TR (N_("Signature")), 40, SEC_COLUMN_DEFAULT };
  else
    for (guint i = 0; i < n_days; i++)
      {
        g_autoptr(GDateTime) day = g_date_time_add_days (b->timing->meeting_starts, (int) i);
        /* TRANSLATORS: the heading of a signature column of one day: "Signature, 13 June" */
        g_autofree char *date = format_date (b, day, TR (N_("%-d %B")));
        char *title = g_strdup_printf (TR (N_("Signature, %s")), date);

        g_ptr_array_add (day_titles, title);
        columns[n_columns++] = (SecDocumentColumn) { title, 40.0 / n_days, SEC_COLUMN_DEFAULT };
      }

  sec_document_begin_table (b->doc, SEC_TABLE_GRID, columns, n_columns);
  sec_document_set_row_height (b->doc, SIGNATURE_ROW_HEIGHT);
  entries = sort_participants (b, TRUE);
  for (guint i = 0; i < entries->len; i++)
    {
      SecMeetingParticipant *p = g_array_index (entries, SortEntry, i).p;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *person = dup_name_cell (b, p);
      g_autofree char *org = dup_organisation (p);
      g_autofree char *org_markup = NULL;
      const char *cells[3 + 3] = { number, person, NULL, NULL, NULL, NULL };

      if (p->country && b->options->group_by != SEC_GROUP_BY_COUNTRY)
        {
          g_autofree char *with_country = *org ? g_strdup_printf ("%s, %s", org, country_name (b, p->country))
                                               : g_strdup (country_name (b, p->country));
          org_markup = escape (with_country);
        }
      else
        org_markup = escape (org);
      cells[2] = org_markup;
      add_group_if_new (b, entries, i);
      sec_document_add_row (b->doc, SEC_ROW_NORMAL, cells);
    }

  sec_document_add_group (b->doc, TR (N_("Not on the list")), TR (N_("Not on the list (continued)")));
  for (guint i = 0; i < N_BLANK_ROWS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", entries->len + i + 1);
      const char *cells[3 + 3] = { number, NULL, NULL, NULL, NULL, NULL };

      sec_document_add_row (b->doc, SEC_ROW_NORMAL, cells);
    }
  sec_document_end_table (b->doc);
}

/* Export in a thread */

typedef struct {
  SecMeetingData            *data;
  SecMeetingExport           kind;
  SecMeetingDocumentOptions  options;  /* strings and date owned */
  SecPaper                   paper;
  char                      *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  sec_meeting_data_unref (job->data);
  g_free ((char *) job->options.language);
  g_free ((char *) job->options.author);
  g_clear_pointer (&job->options.generated, g_date_time_unref);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (sec_meeting_document_export (job->data, job->kind, &job->options, job->paper, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Public API: data */

/**
 * sec_meeting_data_load:
 *
 * Returns: (transfer full) (nullable): the meeting's data
 */
SecMeetingData *
sec_meeting_data_load (SecStore  *store,
                       gint64     meeting_id,
                       GError   **error)
{
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SecMeetingData) d = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  meeting = meeting_id > 0 ? sec_store_get (store, SEC_TYPE_MEETING, meeting_id, &local_error) : NULL;
  if (meeting == NULL)
    {
      if (local_error == NULL || g_error_matches (local_error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                       _("No meeting with the id %s"), id);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  d = g_atomic_rc_box_new0 (SecMeetingData);
  d->id = meeting_id;
  d->title = g_strdup (sec_record_get_string (meeting, "title"));
  d->kind = dup_field (meeting, "kind");
  d->status = dup_field (meeting, "status");
  d->starts_at = dup_field (meeting, "starts-at");
  d->ends_at = dup_field (meeting, "ends-at");
  d->timezone = dup_field (meeting, "timezone");
  d->venue = dup_field (meeting, "venue");
  d->room = dup_field (meeting, "room");
  d->address = dup_field (meeting, "address");
  d->online_link = dup_field (meeting, "online-link");
  d->chair = dup_field (meeting, "chair");
  d->co_chair = dup_field (meeting, "co-chair");
  d->agenda_status = dup_field (meeting, "agenda-status");
  d->agenda_version = sec_record_get_int (meeting, "agenda-version");
  d->created_at = g_strdup (sec_record_get_created_at (meeting));
  d->updated_at = g_strdup (sec_record_get_updated_at (meeting));
  d->store_uuid = g_strdup (sec_store_get_uuid (store));

  if (!load_bodies (store, d, error) ||
      !load_items (store, d, error) ||
      !load_participants (store, d, error))
    return NULL;
  return g_steal_pointer (&d);
}

SecMeetingData *
sec_meeting_data_ref (SecMeetingData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return g_atomic_rc_box_acquire (data);
}

void
sec_meeting_data_unref (SecMeetingData *data)
{
  g_return_if_fail (data != NULL);

  g_atomic_rc_box_release_full (data, meeting_data_clear);
}

/**
 * sec_meeting_data_sort_participants:
 * @expected_only: leave out those who declined or were excused
 *
 * Returns: (transfer container) (element-type SecMeetingParticipant): the
 *   participants in the order of a list made with @options
 */
GPtrArray *
sec_meeting_data_sort_participants (SecMeetingData                  *data,
                                    const SecMeetingDocumentOptions *options,
                                    gboolean                         expected_only)
{
  SecMeetingDocumentOptions defaults = { 0 };
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autoptr(GArray) entries = NULL;
  GPtrArray *result;
  Builder b;

  g_return_val_if_fail (data != NULL, NULL);

  locale = sec_document_locale_new (options ? options->language : NULL);
  b = (Builder) { data, options ? options : &defaults, locale, NULL, NULL };
  entries = sort_participants (&b, expected_only);
  result = g_ptr_array_sized_new (entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (result, g_array_index (entries, SortEntry, i).p);
  return result;
}

/* Public API: columns and names */

const char *
sec_meeting_role_label (SecDocumentLocale *locale,
                        const char        *role)
{
  g_return_val_if_fail (locale != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_labels); i++)
    if (g_strcmp0 (role_labels[i].nick, role) == 0)
      return sec_document_locale_gettext (locale, role_labels[i].label);
  return role ? role : "";
}

const char *
sec_meeting_status_label (SecDocumentLocale *locale,
                          const char        *status)
{
  g_return_val_if_fail (locale != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (status_labels); i++)
    if (g_strcmp0 (status_labels[i].nick, status) == 0)
      return sec_document_locale_gettext (locale, status_labels[i].label);
  return status ? status : "";
}

/**
 * sec_participant_columns_list:
 * @n_columns: (out): their number
 *
 * Returns: (transfer none) (array length=n_columns): the columns
 */
const SecParticipantColumnInfo *
sec_participant_columns_list (guint *n_columns)
{
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = G_N_ELEMENTS (columns_info);
  return columns_info;
}

SecParticipantColumns
sec_participant_columns_default (gboolean public_variant)
{
  SecParticipantColumns columns = SEC_PARTICIPANT_COLUMN_NAME |
                                  SEC_PARTICIPANT_COLUMN_ORGANISATION |
                                  SEC_PARTICIPANT_COLUMN_COUNTRY |
                                  SEC_PARTICIPANT_COLUMN_ROLE;

  if (!public_variant)
    columns |= SEC_PARTICIPANT_COLUMN_STATUS | SEC_PARTICIPANT_COLUMN_EMAIL |
               SEC_PARTICIPANT_COLUMN_PHONE | SEC_PARTICIPANT_COLUMN_NEEDS;
  return columns;
}

gboolean
sec_participant_columns_parse (const char             *text,
                               SecParticipantColumns  *columns,
                               GError                **error)
{
  g_auto(GStrv) names = NULL;
  SecParticipantColumns result = SEC_PARTICIPANT_COLUMN_NAME;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (columns != NULL, FALSE);

  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i]; i++)
    {
      gboolean found = FALSE;

      g_strstrip (names[i]);
      if (*names[i] == '\0')
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (columns_info); c++)
        if (g_ascii_strcasecmp (columns_info[c].nick, names[i]) == 0)
          {
            result |= columns_info[c].column;
            found = TRUE;
          }
      if (!found)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint c = 0; c < G_N_ELEMENTS (columns_info); c++)
            g_string_append_printf (known, "%s%s", c ? ", " : "", columns_info[c].nick);
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown column “%s” (one of %s)"), names[i], known->str);
          return FALSE;
        }
    }
  *columns = result;
  return TRUE;
}

gboolean
sec_group_by_parse (const char *text,
                    SecGroupBy *group_by)
{
  static const char *const names[] = { "none", "country", "organisation", "body" };

  g_return_val_if_fail (group_by != NULL, FALSE);

  for (guint i = 0; text && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *group_by = (SecGroupBy) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
sec_country_order_parse (const char      *text,
                         SecCountryOrder *order)
{
  g_return_val_if_fail (order != NULL, FALSE);

  if (g_strcmp0 (text, "alphabetical") == 0)
    *order = SEC_COUNTRY_ORDER_ALPHABETICAL;
  else if (g_strcmp0 (text, "protocol") == 0)
    *order = SEC_COUNTRY_ORDER_PROTOCOL;
  else
    return FALSE;
  return TRUE;
}

const char *
sec_meeting_export_to_string (SecMeetingExport kind)
{
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_ICAL, NULL);

  return exports[kind].name;
}

gboolean
sec_meeting_export_from_string (const char       *name,
                                SecMeetingExport *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name && i < G_N_ELEMENTS (exports); i++)
    if (g_str_equal (exports[i].name, name))
      {
        *kind = (SecMeetingExport) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sec_meeting_export_get_label (SecMeetingExport kind)
{
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_ICAL, NULL);

  return _(exports[kind].label);
}

const char *
sec_meeting_export_get_extension (SecMeetingExport kind)
{
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_ICAL, NULL);

  return exports[kind].extension;
}

const char *
sec_meeting_export_get_mime_type (SecMeetingExport kind)
{
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_ICAL, NULL);

  if (kind == SEC_MEETING_EXPORT_PARTICIPANTS_CSV)
    return "text/csv";
  if (kind == SEC_MEETING_EXPORT_ICAL)
    return "text/calendar";
  return "application/pdf";
}

/* Public API: documents */

/**
 * sec_meeting_document_new:
 * @options: (nullable): the options; %NULL for the defaults
 *
 * Returns: (transfer full) (nullable): the document
 */
SecDocument *
sec_meeting_document_new (SecMeetingData                  *data,
                          SecMeetingExport                 kind,
                          const SecMeetingDocumentOptions *options)
{
  SecMeetingDocumentOptions defaults = { 0 };
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autoptr(SecAgendaTiming) timing = NULL;
  g_autofree SecAgendaEntry *entries = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  Builder b;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_ICAL, NULL);

  if (kind == SEC_MEETING_EXPORT_PARTICIPANTS_CSV || kind == SEC_MEETING_EXPORT_ICAL)
    return NULL;
  if (options == NULL)
    options = &defaults;

  entries = g_new0 (SecAgendaEntry, MAX (data->items->len, 1));
  for (guint i = 0; i < data->items->len; i++)
    {
      SecMeetingItem *item = g_ptr_array_index (data->items, i);

      entries[i] = (SecAgendaEntry) { item->id, item->kind, item->duration, item->fixed_start };
    }
  timing = sec_agenda_timing_compute_entries (data->starts_at, data->ends_at, data->timezone,
                                              entries, data->items->len);
  locale = sec_document_locale_new (options->language);
  b = (Builder) { data, options, locale, timing, NULL };

  /* "Agenda – Plenary meeting of the Platform" */
  title = g_strdup_printf ("%s – %s", sec_document_locale_gettext (locale, exports[kind].label), data->title);
  b.doc = sec_document_new (title);
  author = g_strdup (options->author ? options->author : g_get_real_name ());
  if (g_strcmp0 (author, "Unknown") != 0 && *author)
    sec_document_set_author (b.doc, author);
  sec_document_set_subject (b.doc, data->title);
  setup_page_frame (&b);

  switch (kind)
    {
    case SEC_MEETING_EXPORT_AGENDA:
      add_agenda (&b, FALSE);
      break;
    case SEC_MEETING_EXPORT_AGENDA_INTERNAL:
      add_agenda (&b, TRUE);
      break;
    case SEC_MEETING_EXPORT_PARTICIPANTS:
      add_participant_list (&b);
      break;
    case SEC_MEETING_EXPORT_ATTENDANCE:
      add_attendance_sheet (&b);
      break;
    case SEC_MEETING_EXPORT_PACK:
      add_agenda (&b, FALSE);
      if (!options->public_variant)
        add_agenda (&b, TRUE);
      add_participant_list (&b);
      add_attendance_sheet (&b);
      break;
    case SEC_MEETING_EXPORT_PARTICIPANTS_CSV:
    case SEC_MEETING_EXPORT_ICAL:
    default:
      g_assert_not_reached ();
    }
  return b.doc;
}

gboolean
sec_meeting_document_export (SecMeetingData                  *data,
                             SecMeetingExport                 kind,
                             const SecMeetingDocumentOptions *options,
                             SecPaper                         paper,
                             const char                      *path,
                             GError                         **error)
{
  SecMeetingDocumentOptions defaults = { 0 };

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;

  switch (kind)
    {
    case SEC_MEETING_EXPORT_PARTICIPANTS_CSV:
      {
        g_autofree char *csv = sec_csv_participants (data, options);

        return sec_write_file_atomically (path, csv, strlen (csv), error);
      }
    case SEC_MEETING_EXPORT_ICAL:
      {
        g_autofree char *ics = sec_ical_meeting (data, options);

        return sec_write_file_atomically (path, ics, strlen (ics), error);
      }
    case SEC_MEETING_EXPORT_AGENDA:
    case SEC_MEETING_EXPORT_AGENDA_INTERNAL:
    case SEC_MEETING_EXPORT_PARTICIPANTS:
    case SEC_MEETING_EXPORT_ATTENDANCE:
    case SEC_MEETING_EXPORT_PACK:
      {
        g_autoptr(SecDocument) doc = sec_meeting_document_new (data, kind, options);

        return sec_document_write_pdf (doc, path, paper, error);
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

void
sec_meeting_document_export_async (SecMeetingData                  *data,
                                   SecMeetingExport                 kind,
                                   const SecMeetingDocumentOptions *options,
                                   SecPaper                         paper,
                                   const char                      *path,
                                   GCancellable                    *cancellable,
                                   GAsyncReadyCallback              callback,
                                   gpointer                         user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (data != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->data = sec_meeting_data_ref (data);
  job->kind = kind;
  if (options != NULL)
    {
      job->options = *options;
      job->options.language = g_strdup (options->language);
      job->options.author = g_strdup (options->author);
      job->options.generated = options->generated ? g_date_time_ref (options->generated) : NULL;
    }
  job->paper = paper;
  job->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sec_meeting_document_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sec_meeting_document_export_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
