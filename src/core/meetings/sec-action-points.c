/* sec-action-points.c: what a meeting decided someone must do */
#define G_LOG_DOMAIN "sec-action-points"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/meetings/sec-action-points.h"
#include "core/meetings/sec-agenda.h"

/* Static helpers */

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID, message);
  return FALSE;
}

/* Open points by due date, those without one last, then as made. */
static GPtrArray *
list_by_due_date (SecStore  *store,
                  SecQuery  *query,
                  GError   **error)
{
  sec_query_set_sort (query, "due-on", FALSE);
  return sec_store_list (store, SEC_TYPE_ACTION_POINT, query, error);
}

/* One line of the follow-up item: "Send the report – Europol, by 13 June
 * 2018". */
static char *
dup_follow_up_line (SecRecord *point)
{
  g_autofree char *owner = sec_action_point_dup_owner (point);
  g_autofree char *what = g_strstrip (g_strdup (sec_record_get_string (point, "what")));
  const char *due_on = sec_record_get_string (point, "due-on");

  /* One line each: a point written over several lines stays one. */
  g_strdelimit (what, "\r\n", ' ');
  if (due_on != NULL && *due_on)
    {
      g_autofree char *due = sec_format_date (due_on);

      /* TRANSLATORS: a line of the agenda item that follows up action
       * points: "Send the report – Europol, by 13 June 2018" */
      return g_strdup_printf (_("%s – %s, by %s"), what, owner, due);
    }
  /* TRANSLATORS: a line of the agenda item that follows up action points,
   * without a due date: "Send the report – Europol" */
  return g_strdup_printf (_("%s – %s"), what, owner);
}

/* Public API */

const char *
sec_action_points_follow_up_title (void)
{
  /* TRANSLATORS: the title of an agenda item */
  return _("Follow-up of action points");
}

gboolean
sec_action_point_check (SecRecord  *point,
                        GError    **error)
{
  const char *owner;

  g_return_val_if_fail (SEC_IS_ACTION_POINT (point), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (sec_record_get_string (point, "what")))
    return refuse (error, _("Say what is to be done"));
  if (!sec_record_validate (point, error))
    return FALSE;
  owner = sec_record_get_string (point, "owner");
  if (g_strcmp0 (owner, "person") == 0 && sec_record_get_ref (point, "person") == 0)
    return refuse (error, _("Choose the person who is to do it"));
  if (g_strcmp0 (owner, "organisation") == 0 && sec_record_get_ref (point, "organisation") == 0)
    return refuse (error, _("Choose the organisation that is to do it"));
  return TRUE;
}

gboolean
sec_action_point_save (SecStore    *store,
                       SecRecord   *point,
                       const char  *today,
                       GError     **error)
{
  g_autofree char *now = NULL;
  const char *owner;
  gboolean open;
  gboolean ok;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_ACTION_POINT (point), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sec_action_point_check (point, error))
    return FALSE;

  /* Only the one its owner names is kept: a person chosen, then the owner
   * changed to the secretariat, does not linger. */
  owner = sec_record_get_string (point, "owner");
  if (g_strcmp0 (owner, "person") != 0)
    sec_record_set_ref (point, "person", 0);
  if (g_strcmp0 (owner, "organisation") != 0)
    sec_record_set_ref (point, "organisation", 0);

  open = g_strcmp0 (sec_record_get_string (point, "status"), "open") == 0;
  if (open)
    sec_record_set_string (point, "closed-on", NULL);
  else if (is_blank (sec_record_get_string (point, "closed-on")))
    {
      now = today ? g_strdup (today) : sec_today ();
      sec_record_set_string (point, "closed-on", now);
    }

  if (!sec_store_begin (store, error))
    return FALSE;
  if (sec_record_get_id (point) == 0)
    ok = sec_store_insert (store, point, error);
  else
    ok = sec_store_update (store, point, error);
  if (!ok)
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return sec_store_commit_or_rollback (store, error);
}

gboolean
sec_action_point_set_status (SecStore    *store,
                             gint64       id,
                             const char  *status,
                             const char  *today,
                             GError     **error)
{
  g_autoptr(SecRecord) point = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if ((point = sec_store_get (store, SEC_TYPE_ACTION_POINT, id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (sec_record_get_string (point, "status"), status) == 0)
    return TRUE;
  sec_record_set_string (point, "status", status);
  /* A point closed again gets the new day. */
  sec_record_set_string (point, "closed-on", NULL);
  return sec_action_point_save (store, point, today, error);
}

/**
 * sec_action_points_list_for_meeting:
 *
 * Returns: (transfer container) (element-type SecActionPoint): the points
 */
GPtrArray *
sec_action_points_list_for_meeting (SecStore  *store,
                                    gint64     meeting_id,
                                    GError   **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = id_text (meeting_id);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  sec_query_add (query, "meeting", SEC_QUERY_EQUALS, id);
  sec_query_set_sort (query, "agenda-item-position", FALSE);
  return sec_store_list (store, SEC_TYPE_ACTION_POINT, query, error);
}

/**
 * sec_action_points_list_carried:
 *
 * Returns: (transfer container) (element-type SecActionPoint): the points
 */
GPtrArray *
sec_action_points_list_carried (SecStore  *store,
                                gint64     meeting_id,
                                GError   **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = id_text (meeting_id);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  sec_query_add (query, "carried-to", SEC_QUERY_RELATION, id);
  sec_query_add (query, "status", SEC_QUERY_EQUALS, "open");
  return list_by_due_date (store, query, error);
}

/**
 * sec_action_points_list_all:
 *
 * Returns: (transfer container) (element-type SecActionPoint): the points
 */
GPtrArray *
sec_action_points_list_all (SecStore  *store,
                            gboolean   open_only,
                            GError   **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if (open_only)
    sec_query_add (query, "status", SEC_QUERY_EQUALS, "open");
  return list_by_due_date (store, query, error);
}

gint64
sec_action_points_add_follow_up_item (SecStore  *store,
                                      gint64     meeting_id,
                                      GError   **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) carried = NULL;
  g_autoptr(SecRecord) item = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  const char *title = sec_action_points_follow_up_title ();
  gint64 item_id;

  g_return_val_if_fail (SEC_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!sec_store_begin (store, error))
    return 0;
  if ((items = sec_agenda_list_items (store, meeting_id, error)) == NULL ||
      (carried = sec_action_points_list_carried (store, meeting_id, error)) == NULL)
    goto fail;
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (sec_record_get_string (g_ptr_array_index (items, i), "title"), title) == 0)
      {
        refuse (error, _("The agenda has an item to follow up the action points already"));
        goto fail;
      }
  if (carried->len == 0)
    {
      refuse (error, _("No open action point of an earlier meeting of these bodies"));
      goto fail;
    }

  for (guint i = 0; i < carried->len; i++)
    {
      g_autofree char *line = dup_follow_up_line (g_ptr_array_index (carried, i));

      g_string_append_printf (description, "%s• %s", i ? "\n" : "", line);
    }
  item = sec_record_new (SEC_TYPE_AGENDA_ITEM);
  sec_record_set_ref (item, "meeting", meeting_id);
  sec_record_set_int (item, "position", (int) items->len + 1);
  sec_record_set_string (item, "title", title);
  sec_record_set_string (item, "description", description->str);
  if (!sec_store_insert (store, item, error))
    goto fail;
  item_id = sec_record_get_id (item);

  /* After the opening item: moving it there notes the change; when it is
   * second already, the change is noted here. */
  if (items->len >= 2)
    {
      if (!sec_agenda_move_item (store, item_id, 1, error))
        goto fail;
    }
  else if (!sec_agenda_note_change (store, meeting_id, error))
    goto fail;
  if (!sec_store_commit_or_rollback (store, error))
    return 0;
  return item_id;

fail:
  sec_store_rollback (store);
  return 0;
}

char *
sec_action_point_dup_owner (SecRecord *point)
{
  const char *owner;
  const char *name = NULL;

  g_return_val_if_fail (SEC_IS_ACTION_POINT (point), NULL);

  owner = sec_record_get_string (point, "owner");
  if (g_strcmp0 (owner, "person") == 0)
    name = sec_record_get_derived (point, "person-name");
  else if (g_strcmp0 (owner, "organisation") == 0)
    name = sec_record_get_derived (point, "organisation-name");
  else
    /* TRANSLATORS: who carries out an action point */
    return g_strdup (_("The secretariat"));
  if (name == NULL || *name == '\0')
    /* TRANSLATORS: who carries out an action point whose person or
     * organisation was erased */
    return g_strdup (_("Nobody named"));
  return g_strdup (name);
}

gboolean
sec_action_point_is_due (SecRecord  *point,
                         const char *today)
{
  const char *due_on;

  g_return_val_if_fail (SEC_IS_ACTION_POINT (point), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  due_on = sec_record_get_string (point, "due-on");
  return g_strcmp0 (sec_record_get_string (point, "status"), "open") == 0 &&
         due_on != NULL && *due_on && g_strcmp0 (due_on, today) <= 0;
}
