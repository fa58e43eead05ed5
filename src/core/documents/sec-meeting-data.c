/* sec-meeting-data.c: what a meeting's documents are made from */
#define G_LOG_DOMAIN "sec-meeting-data"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-fold.h"
#include "core/base/sec-format.h"
#include "core/documents/sec-meeting-data.h"
#include "core/meetings/sec-action-points.h"
#include "core/meetings/sec-minutes.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-meetings.h"

/* Static helpers */

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
  g_free (p->representation);
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
  g_free (item->summary);
  g_free (item->decisions);
  g_free (item);
}

static void
action_point_free (SecMeetingActionPoint *point)
{
  g_free (point->what);
  g_free (point->owner_kind);
  g_free (point->owner);
  g_free (point->due_on);
  g_free (point->status);
  g_free (point->closed_on);
  g_free (point->notes);
  g_free (point->meeting_title);
  g_free (point->meeting_starts_at);
  g_free (point->agenda_item_title);
  g_free (point);
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
  g_free (d->privacy_statement);
  g_free (d->agenda_status);
  g_free (d->created_at);
  g_free (d->updated_at);
  g_strfreev (d->bodies);
  g_strfreev (d->body_acronyms);
  g_clear_pointer (&d->items, g_ptr_array_unref);
  g_clear_pointer (&d->participants, g_ptr_array_unref);
  g_clear_pointer (&d->action_points, g_ptr_array_unref);
  g_clear_pointer (&d->carried_points, g_ptr_array_unref);
  g_free (d->store_uuid);
}

/* (transfer full): @text itself when it is valid UTF-8, else a valid copy
 * (and @text is freed). A database can come from elsewhere: text is made
 * valid once here, before it is sorted, folded, measured or drawn. */
static char *
take_valid (char *text)
{
  char *valid;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;
  valid = g_utf8_make_valid (text, -1);
  g_free (text);
  return valid;
}

static char *
dup_valid (const char *text)
{
  return text ? take_valid (g_strdup (text)) : NULL;
}

static char *
dup_field (SecRecord  *record,
           const char *field)
{
  const char *text = sec_record_get_string (record, field);

  return text && *text ? dup_valid (text) : NULL;
}

static gboolean
load_items (SecStore        *store,
            SecMeetingData  *d,
            GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) speakers = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          NULL, (GDestroyNotify) g_ptr_array_unref);

  if ((records = sec_agenda_list_items (store, d->id, error)) == NULL)
    return FALSE;

  d->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint i = 0; i < records->len; i++)
    {
      SecRecord *r = g_ptr_array_index (records, i);
      SecMeetingItem *item = g_new0 (SecMeetingItem, 1);

      item->id = sec_record_get_id (r);
      item->title = dup_valid (sec_record_get_string (r, "title"));
      item->description = dup_field (r, "description");
      item->kind = dup_valid (sec_record_get_string (r, "kind"));
      item->duration = sec_record_get_int (r, "duration");
      item->fixed_start = dup_field (r, "fixed-start");
      item->internal_notes = dup_field (r, "internal-notes");
      g_ptr_array_add (d->items, item);
      g_hash_table_insert (by_id, &item->id, item);
    }

  if ((rows = sec_store_list_agenda_speakers (store, d->id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      SecAgendaSpeakerRow *row = g_ptr_array_index (rows, i);
      SecMeetingItem *item = g_hash_table_lookup (by_id, &row->agenda_item_id);
      GPtrArray *list;

      if (item == NULL)
        continue;
      if ((list = g_hash_table_lookup (speakers, &item->id)) == NULL)
        {
          list = g_ptr_array_new_null_terminated (2, g_free, TRUE);
          g_hash_table_insert (speakers, &item->id, list);
        }
      g_ptr_array_add (list, take_valid (row->organisation
                                         ? g_strdup_printf ("%s (%s)", row->name, row->organisation)
                                         : g_strdup (row->name)));
    }

  for (guint i = 0; i < d->items->len; i++)
    {
      SecMeetingItem *item = g_ptr_array_index (d->items, i);
      GPtrArray *list = g_hash_table_lookup (speakers, &item->id);

      item->speakers = list ? (GStrv) g_ptr_array_steal (list, NULL) : g_new0 (char *, 1);
    }
  return TRUE;
}

/**
 * sec_meeting_data_read_action_points:
 * @records: (element-type SecActionPoint): the records
 *
 * Returns: (transfer full) (element-type SecMeetingActionPoint): the points
 */
GPtrArray *
sec_meeting_data_read_action_points (GPtrArray *records)
{
  GPtrArray *points = g_ptr_array_new_with_free_func ((GDestroyNotify) action_point_free);

  for (guint i = 0; i < records->len; i++)
    {
      SecRecord *r = g_ptr_array_index (records, i);
      SecMeetingActionPoint *point = g_new0 (SecMeetingActionPoint, 1);

      point->id = sec_record_get_id (r);
      point->agenda_item_id = sec_record_get_ref (r, "agenda-item");
      point->what = dup_valid (sec_record_get_string (r, "what"));
      point->owner_kind = dup_field (r, "owner");
      if (g_strcmp0 (point->owner_kind, "person") == 0)
        point->owner = dup_valid (sec_record_get_derived (r, "person-name"));
      else if (g_strcmp0 (point->owner_kind, "organisation") == 0)
        point->owner = dup_valid (sec_record_get_derived (r, "organisation-name"));
      point->due_on = dup_field (r, "due-on");
      point->status = dup_field (r, "status");
      point->closed_on = dup_field (r, "closed-on");
      point->notes = dup_field (r, "notes");
      point->meeting_title = dup_valid (sec_record_get_derived (r, "meeting-title"));
      point->meeting_starts_at = dup_valid (sec_record_get_derived (r, "meeting-starts-at"));
      point->agenda_item_title = dup_valid (sec_record_get_derived (r, "agenda-item-title"));
      g_ptr_array_add (points, point);
    }
  return points;
}

/* The minutes of the items, the meeting's action points, and those
 * carried onto it from earlier meetings. */
static gboolean
load_minutes (SecStore        *store,
              SecMeetingData  *d,
              GError         **error)
{
  g_autoptr(GPtrArray) minutes = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) carried = NULL;

  if ((minutes = sec_minutes_list_for_meeting (store, d->id, error)) == NULL ||
      (points = sec_action_points_list_for_meeting (store, d->id, error)) == NULL ||
      (carried = sec_action_points_list_carried (store, d->id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < minutes->len; i++)
    {
      SecRecord *m = g_ptr_array_index (minutes, i);
      gint64 item_id = sec_record_get_ref (m, "agenda-item");

      for (guint j = 0; j < d->items->len; j++)
        {
          SecMeetingItem *item = g_ptr_array_index (d->items, j);

          if (item->id != item_id)
            continue;
          item->summary = dup_field (m, "summary");
          item->decisions = dup_field (m, "decisions");
        }
    }
  d->action_points = sec_meeting_data_read_action_points (points);
  d->carried_points = sec_meeting_data_read_action_points (carried);
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
  g_autoptr(GPtrArray) rows = NULL;

  if ((rows = sec_store_list_meeting_participants (store, d->id, error)) == NULL)
    return FALSE;

  d->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) participant_free);
  for (guint i = 0; i < rows->len; i++)
    {
      SecMeetingParticipantRow *row = g_ptr_array_index (rows, i);
      SecMeetingParticipant *p = g_new0 (SecMeetingParticipant, 1);

      p->id = row->participant_id;
      p->role = take_valid (g_steal_pointer (&row->role));
      p->representation = take_valid (g_steal_pointer (&row->representation));
      p->status = take_valid (g_steal_pointer (&row->status));
      p->title = take_valid (g_steal_pointer (&row->title));
      p->given_name = take_valid (g_steal_pointer (&row->given_name));
      p->family_name = take_valid (g_steal_pointer (&row->family_name));
      p->position = take_valid (g_steal_pointer (&row->position));
      p->email = take_valid (g_steal_pointer (&row->email));
      p->phone = take_valid (g_steal_pointer (&row->phone));
      row->needs = take_valid (row->needs);
      row->accessibility_needs = take_valid (row->accessibility_needs);
      row->dietary_needs = take_valid (row->dietary_needs);
      p->needs = join_needs (row->needs, row->accessibility_needs, row->dietary_needs);
      p->organisation = take_valid (g_steal_pointer (&row->organisation));
      p->organisation_acronym = take_valid (g_steal_pointer (&row->organisation_acronym));
      p->staff = row->staff;
      p->country = take_valid (g_steal_pointer (&row->country));
      p->body = take_valid (g_steal_pointer (&row->body));
      p->expected = g_strcmp0 (p->status, "declined") != 0 && g_strcmp0 (p->status, "excused") != 0;

      if (row->attending_id != row->person_id)
        p->replaces = take_valid (g_steal_pointer (&row->invited_name));
      else if (g_strcmp0 (p->status, "replaced") == 0)
        {
          /* Not coming: the substitute is listed on their own line. */
          p->expected = FALSE;
          if (row->substitute_id != 0)
            g_hash_table_insert (replaced, g_memdup2 (&row->substitute_id, sizeof row->substitute_id),
                                 take_valid (g_steal_pointer (&row->invited_name)));
        }
      g_ptr_array_add (d->participants, p);
    }

  for (guint i = 0; i < d->participants->len; i++)
    {
      SecMeetingParticipant *p = g_ptr_array_index (d->participants, i);
      SecMeetingParticipantRow *row = g_ptr_array_index (rows, i);
      const char *name = g_hash_table_lookup (replaced, &row->attending_id);

      if (name != NULL && p->replaces == NULL)
        p->replaces = g_strdup (name);
    }
  return TRUE;
}

/* Public API */

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
  d->title = dup_valid (sec_record_get_string (meeting, "title"));
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
  d->privacy_statement = dup_field (meeting, "privacy-statement");
  d->agenda_status = dup_field (meeting, "agenda-status");
  d->agenda_version = sec_record_get_int (meeting, "agenda-version");
  d->created_at = g_strdup (sec_record_get_created_at (meeting));
  d->updated_at = g_strdup (sec_record_get_updated_at (meeting));
  d->store_uuid = g_strdup (sec_store_get_uuid (store));

  /* A zone name that is a path could make GLib open (and block on) any
   * file: refused with the reason rather than read. */
  if (d->timezone != NULL && !sec_time_zone_id_is_safe (d->timezone))
    {
      g_autofree char *zone = g_strescape (d->timezone, NULL);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The meeting’s time zone “%s” is not a time zone name (such as Europe/Brussels)"), zone);
      return NULL;
    }

  if (!sec_store_list_meeting_bodies (store, meeting_id, &d->bodies, &d->body_acronyms, error) ||
      !load_items (store, d, error) ||
      !load_participants (store, d, error) ||
      !load_minutes (store, d, error))
    return NULL;
  for (guint i = 0; d->bodies && d->bodies[i]; i++)
    d->bodies[i] = take_valid (d->bodies[i]);
  for (guint i = 0; d->body_acronyms && d->body_acronyms[i]; i++)
    d->body_acronyms[i] = take_valid (d->body_acronyms[i]);
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
 * sec_meeting_data_dup_venue:
 *
 * Returns: (transfer full): the place on one line
 */
char *
sec_meeting_data_dup_venue (SecMeetingData *d,
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

/**
 * sec_meeting_data_compute_timing:
 *
 * Returns: (transfer full): the agenda's timing
 */
SecAgendaTiming *
sec_meeting_data_compute_timing (SecMeetingData *data)
{
  g_autofree SecAgendaEntry *entries = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  entries = g_new0 (SecAgendaEntry, MAX (data->items->len, 1));
  for (guint i = 0; i < data->items->len; i++)
    {
      SecMeetingItem *item = g_ptr_array_index (data->items, i);

      entries[i] = (SecAgendaEntry) { item->id, item->kind, item->duration, item->fixed_start };
    }
  return sec_agenda_timing_compute_entries (data->starts_at, data->ends_at, data->timezone,
                                            entries, data->items->len);
}
