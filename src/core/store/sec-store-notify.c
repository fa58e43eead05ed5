/* sec-store-notify.c: the changes of other staff, and a connection that drops
 *
 * A store on a server announces each committed change to the others on
 * the channel "secretariat", as lines "table id change" (a SecStoreChange
 * number), several to a notification (the server takes up to 8000 bytes
 * each). They are sent inside the committing transaction: PostgreSQL
 * delivers them at its commit, never for a write rolled back, and leaves
 * out duplicates within a transaction. A following store (the window's)
 * hears the others' through its engine (sec_engine_watch (), which leaves
 * its own out) and emits SecStore::changed for them, so that lists and
 * pages refresh as for its own writes.
 *
 * While the connection is down the engine connects again; every write and
 * read fails with a clear message meanwhile, and SecStore:connected says
 * so. Once it is back, every kind is announced as changed (what others
 * did meanwhile was not heard).
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store-notify.h"
#include "core/store/sec-store-private.h"

#define CHANNEL "secretariat"
/* Below the server's limit of 8000 bytes for a payload. */
#define MAX_PAYLOAD 7800

static gboolean
send_payload (SecEngine   *engine,
              const char  *payload,
              GError     **error)
{
  g_autoptr(SecStmt) stmt = sec_engine_prepare (engine, "SELECT pg_notify (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sec_stmt_bind_text (stmt, 1, CHANNEL);
  sec_stmt_bind_text (stmt, 2, payload);
  return sec_stmt_run (stmt, error);
}

gboolean
_sec_store_announce (SecStore               *self,
                     const SecPendingChange *changes,
                     guint                   n_changes,
                     GError                **error)
{
  SecEngine *engine = _sec_store_get_engine (self);
  g_autoptr(GString) payload = NULL;

  if (n_changes == 0 || engine == NULL || sec_engine_get_kind (engine) != SEC_ENGINE_POSTGRESQL)
    return TRUE;
  payload = g_string_new (NULL);
  for (guint i = 0; i < n_changes; i++)
    {
      const SecKind *kind = sec_kind_from_type (changes[i].kind);

      if (kind == NULL)
        continue;
      if (payload->len > MAX_PAYLOAD)
        {
          if (!send_payload (engine, payload->str, error))
            return FALSE;
          g_string_truncate (payload, 0);
        }
      g_string_append_printf (payload, "%s%s %" G_GINT64_FORMAT " %d", payload->len > 0 ? "\n" : "",
                              kind->table, changes[i].id, changes[i].change);
    }
  return payload->len == 0 || send_payload (engine, payload->str, error);
}

/* "table id change" lines, as _sec_store_announce () writes them. */
static void
emit_payload (SecStore   *self,
              const char *payload)
{
  g_auto(GStrv) lines = g_strsplit (payload, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 3);
      GType kind;
      gint64 id;
      int change;

      if (g_strv_length (parts) != 3 || (kind = _sec_store_type_for_table (parts[0])) == 0)
        continue;
      id = g_ascii_strtoll (parts[1], NULL, 10);
      change = atoi (parts[2]);
      if (id < 0 || change < SEC_STORE_CHANGE_INSERTED || change > SEC_STORE_CHANGE_DELETED)
        continue;
      g_signal_emit_by_name (self, "changed", kind, id, change);
    }
}

static void
on_engine_event (SecEngineEvent  event,
                 const char     *payload,
                 gpointer        user_data)
{
  SecStore *self = user_data;
  g_autoptr(SecStore) hold = g_object_ref (self);

  switch (event)
    {
    case SEC_ENGINE_EVENT_NOTIFICATION:
      emit_payload (self, payload);
      break;
    case SEC_ENGINE_EVENT_LOST:
      g_message ("The connection to the database server was lost; connecting again");
      _sec_store_set_connected (self, FALSE);
      break;
    case SEC_ENGINE_EVENT_RESTORED:
      {
        const GType *kinds = sec_record_kinds ();

        const char *user = g_object_get_data (G_OBJECT (self), "sec-history-user");
        g_autoptr(GError) error = NULL;

        g_message ("Connected to the database server again");
        /* The new session records changes under the same name. */
        if (user != NULL && !sec_store_set_history_user (self, user, &error))
          g_warning ("The history's user could not be set again: %s", error->message);
        _sec_store_set_connected (self, TRUE);
        /* Whatever the others did meanwhile was not heard. */
        for (guint i = 0; kinds[i] != 0; i++)
          g_signal_emit_by_name (self, "changed", kinds[i], (gint64) 0, SEC_STORE_CHANGE_UPDATED);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
sec_store_follow_others (SecStore *self)
{
  g_autoptr(GError) error = NULL;
  SecEngine *engine;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  engine = _sec_store_get_engine (self);
  if (engine == NULL || sec_engine_get_kind (engine) != SEC_ENGINE_POSTGRESQL)
    return FALSE;
  if (g_object_get_data (G_OBJECT (self), "sec-following") != NULL)
    return TRUE;
  if (!sec_engine_watch (engine, CHANNEL, on_engine_event, self, &error))
    {
      /* The window works on, without the others' changes live. */
      g_message ("Other staff's changes will not show until reopened: %s",
                 error ? error->message : "");
      return FALSE;
    }
  g_object_set_data (G_OBJECT (self), "sec-following", GINT_TO_POINTER (TRUE));
  return TRUE;
}
