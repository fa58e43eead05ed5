/* sec-minutes.c: the minutes of a meeting, agenda item by agenda item */
#define G_LOG_DOMAIN "sec-minutes"

#include "config.h"

#include <glib/gi18n.h>

#include "core/meetings/sec-minutes.h"

/* Static helpers */

/* (transfer full) (nullable): @text trimmed, or NULL when blank. */
static char *
dup_trimmed (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return *copy ? g_steal_pointer (&copy) : NULL;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Public API */

/**
 * sec_minutes_list_for_meeting:
 *
 * Returns: (transfer container) (element-type SecMinutes): the minutes
 */
GPtrArray *
sec_minutes_list_for_meeting (SecStore  *store,
                              gint64     meeting_id,
                              GError   **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = id_text (meeting_id);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  sec_query_add (query, "meeting", SEC_QUERY_RELATION, id);
  return sec_store_list (store, SEC_TYPE_MINUTES, query, error);
}

/**
 * sec_minutes_get_for_item:
 *
 * Returns: (transfer full) (nullable): the minutes, or %NULL
 */
SecRecord *
sec_minutes_get_for_item (SecStore  *store,
                          gint64     agenda_item_id,
                          GError   **error)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = id_text (agenda_item_id);
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sec_query_add (query, "agenda-item", SEC_QUERY_EQUALS, id);
  if ((found = sec_store_list (store, SEC_TYPE_MINUTES, query, error)) == NULL)
    return NULL;
  return found->len > 0 ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
}

gboolean
sec_minutes_save (SecStore    *store,
                  gint64       agenda_item_id,
                  const char  *summary,
                  const char  *decisions,
                  GError     **error)
{
  g_autoptr(SecRecord) minutes = NULL;
  g_autoptr(SecRecord) item = NULL;
  g_autofree char *new_summary = dup_trimmed (summary);
  g_autofree char *new_decisions = dup_trimmed (decisions);
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sec_store_begin (store, error))
    return FALSE;
  /* The item must exist: its minutes would otherwise be refused by the
   * reference with a less clear message. */
  if ((item = sec_store_get (store, SEC_TYPE_AGENDA_ITEM, agenda_item_id, error)) == NULL)
    goto fail;
  minutes = sec_minutes_get_for_item (store, agenda_item_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }

  if (new_summary == NULL && new_decisions == NULL)
    ok = minutes == NULL ||
         sec_store_delete (store, SEC_TYPE_MINUTES, sec_record_get_id (minutes), error);
  else if (minutes == NULL)
    {
      minutes = sec_record_new (SEC_TYPE_MINUTES);
      sec_record_set_ref (minutes, "agenda-item", agenda_item_id);
      sec_record_set_string (minutes, "summary", new_summary);
      sec_record_set_string (minutes, "decisions", new_decisions);
      ok = sec_store_insert (store, minutes, error);
    }
  else if (g_strcmp0 (sec_record_get_string (minutes, "summary"), new_summary) == 0 &&
           g_strcmp0 (sec_record_get_string (minutes, "decisions"), new_decisions) == 0)
    ok = TRUE;
  else
    {
      sec_record_set_string (minutes, "summary", new_summary);
      sec_record_set_string (minutes, "decisions", new_decisions);
      ok = sec_store_update (store, minutes, error);
    }
  if (!ok)
    goto fail;
  return sec_store_commit_or_rollback (store, error);

fail:
  sec_store_rollback (store);
  return FALSE;
}
