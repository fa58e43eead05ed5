/* sec-engine-pg-notify.c: other connections' notifications, and reconnecting
 *
 * sec_engine_watch () for a server database. The connection LISTENs on a
 * channel; its socket is watched in the caller's main context, and what
 * arrives is read without waiting (PQconsumeInput) and handed on, except
 * this connection's own notifications (by the backend's process id). A
 * statement may read a notification off the socket while it waits for its
 * own result: libpq keeps it, and a timer collects it within half a second.
 *
 * When the connection drops (the socket closes, or a statement finds it
 * gone), the watcher says so and makes it again with libpq's non-blocking
 * PQresetStart () and PQresetPoll (), each step waiting on the socket in
 * the main loop, so the window never freezes; a failed attempt is tried
 * again after a wait that doubles from half a second to ten. A connection
 * made again is set up as at opening (sec-engine-pg.c), forgets the
 * statements prepared on the old one, and listens again.
 */
#define G_LOG_DOMAIN "sec-engine"

#include "config.h"

#include <glib-unix.h>
#include <libpq-fe.h>
#include <string.h>

#define SEC_ENGINE_PREFIX pg
#include "core/store/sec-engine-pg-private.h"
#include "core/store/sec-store-error.h"

#define FIRST_DELAY_MS 500
#define LAST_DELAY_MS 10000
/* An attempt that has not connected by then is given up and made again:
 * libpq leaves timing out to the caller of PQresetPoll (). */
#define ATTEMPT_TIMEOUT_S 10
/* How often notifications a statement took off the socket are looked for. */
#define COLLECT_MS 400

struct _SecPgWatch
{
  SecEngine          *engine;
  char               *channel;
  SecEngineWatchFunc  func;
  gpointer            user_data;
  GMainContext       *context;
  GSource            *socket_source; /* input when connected; the reset's next step else */
  GSource            *timer;         /* the wait before an attempt, or its time limit */
  GSource            *collect;       /* notifications libpq kept */
  GSource            *announce;      /* LOST, told after the statement that found it */
  guint               delay_ms;
  gboolean            resetting;
  gboolean            in_dispatch;
  gboolean            closed;        /* unwatched while dispatching: freed after */
};

static gboolean on_delay_done (gpointer data);

/* Calls the watcher's function. FALSE if a handler closed the watcher:
 * it is freed then (and the engine may be too). */
static gboolean
tell (SecPgWatch     *w,
      SecEngineEvent  event,
      const char     *payload)
{
  w->in_dispatch = TRUE;
  w->func (event, payload, w->user_data);
  w->in_dispatch = FALSE;
  if (!w->closed)
    return TRUE;
  g_free (w->channel);
  g_free (w);
  return FALSE;
}

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static GSource *
attach (SecPgWatch  *w,
        GSource     *source,
        GSourceFunc  func)
{
  g_source_set_callback (source, func, w, NULL);
  g_source_attach (source, w->context);
  return source;
}

static gboolean
listen_on_channel (SecPgWatch *w)
{
  PGconn *conn = w->engine->conn;
  char *quoted = PQescapeIdentifier (conn, w->channel, strlen (w->channel));
  g_autofree char *sql = NULL;
  PGresult *res;
  gboolean ok;

  if (quoted == NULL)
    return FALSE;
  sql = g_strconcat ("LISTEN ", quoted, NULL);
  PQfreemem (quoted);
  res = PQexec (conn, sql);
  ok = PQresultStatus (res) == PGRES_COMMAND_OK;
  PQclear (res);
  return ok;
}

/* Hands on every notification libpq holds. FALSE if the watcher was
 * closed by a handler (it is freed then, and the engine may be too). */
static gboolean
dispatch_notifications (SecPgWatch *w)
{
  PGconn *conn = w->engine->conn;
  int own = PQbackendPID (conn);
  PGnotify *n;

  while (!w->engine->lost && (n = PQnotifies (conn)) != NULL)
    {
      gboolean open = TRUE;

      if (n->be_pid != own && g_str_equal (n->relname, w->channel))
        open = tell (w, SEC_ENGINE_EVENT_NOTIFICATION, n->extra);
      PQfreemem (n);
      if (!open)
        return FALSE;
    }
  return TRUE;
}

static void
lost (SecPgWatch *w)
{
  if (w->resetting)
    return;
  w->resetting = TRUE;
  w->engine->lost = TRUE;
  clear_source (&w->socket_source);
  clear_source (&w->announce);
  g_debug ("The connection to %s was lost; connecting again", w->engine->display);
  if (!tell (w, SEC_ENGINE_EVENT_LOST, NULL))
    return;
  w->delay_ms = FIRST_DELAY_MS;
  clear_source (&w->timer);
  w->timer = attach (w, g_timeout_source_new (w->delay_ms), on_delay_done);
}

static gboolean
on_collect (gpointer data)
{
  SecPgWatch *w = data;

  if (w->engine->lost)
    return G_SOURCE_CONTINUE;
  dispatch_notifications (w);
  /* The timer is destroyed with the watcher, never removed by returning. */
  return G_SOURCE_CONTINUE;
}

static gboolean
on_readable (int           fd,
             GIOCondition  condition,
             gpointer      data)
{
  SecPgWatch *w = data;

  if (PQconsumeInput (w->engine->conn) == 0 || PQstatus (w->engine->conn) != CONNECTION_OK)
    {
      /* lost () destroys this source: its reference is dropped there. */
      lost (w);
      return G_SOURCE_REMOVE;
    }
  dispatch_notifications (w);
  return G_SOURCE_CONTINUE;
}

static void
watch_input (SecPgWatch *w)
{
  clear_source (&w->socket_source);
  w->socket_source = g_unix_fd_source_new (PQsocket (w->engine->conn), G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (w->socket_source, G_SOURCE_FUNC (on_readable), w, NULL);
  g_source_attach (w->socket_source, w->context);
}

/* The next try, after a wait longer than the last. */
static void
try_later (SecPgWatch *w)
{
  clear_source (&w->socket_source);
  clear_source (&w->timer);
  w->delay_ms = MIN (w->delay_ms * 2, LAST_DELAY_MS);
  g_debug ("Could not connect to %s again (%s); next try in %u ms", w->engine->display,
           PQerrorMessage (w->engine->conn), w->delay_ms);
  w->timer = attach (w, g_timeout_source_new (w->delay_ms), on_delay_done);
}

static void
restored (SecPgWatch *w)
{
  SecEngine *engine = w->engine;

  clear_source (&w->socket_source);
  clear_source (&w->timer);
  /* The statements prepared on the server went with the old session. */
  g_hash_table_remove_all (engine->prepared);
  engine->lost = FALSE;
  if (!_sec_engine_pg_setup_session (engine, NULL) || !listen_on_channel (w))
    {
      engine->lost = TRUE;
      try_later (w);
      return;
    }
  w->resetting = FALSE;
  w->delay_ms = FIRST_DELAY_MS;
  g_debug ("Connected to %s again", engine->display);
  watch_input (w);
  tell (w, SEC_ENGINE_EVENT_RESTORED, NULL);
}

static void wait_for_poll (SecPgWatch *w, PostgresPollingStatusType status);

static gboolean
on_poll_ready (int           fd,
               GIOCondition  condition,
               gpointer      data)
{
  SecPgWatch *w = data;

  wait_for_poll (w, PQresetPoll (w->engine->conn));
  return G_SOURCE_REMOVE;
}

static gboolean
on_attempt_timeout (gpointer data)
{
  SecPgWatch *w = data;

  g_clear_pointer (&w->timer, g_source_unref);
  try_later (w);
  return G_SOURCE_REMOVE;
}

/* One step of the reset: wait on the socket for what libpq asks. */
static void
wait_for_poll (SecPgWatch                *w,
               PostgresPollingStatusType  status)
{
  int fd = PQsocket (w->engine->conn);

  /* This source is the one being dispatched (or none): its reference goes. */
  g_clear_pointer (&w->socket_source, g_source_unref);
  if (status == PGRES_POLLING_OK)
    {
      restored (w);
      return;
    }
  if (status == PGRES_POLLING_FAILED || fd < 0)
    {
      try_later (w);
      return;
    }
  w->socket_source = g_unix_fd_source_new (fd, status == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT);
  g_source_set_callback (w->socket_source, G_SOURCE_FUNC (on_poll_ready), w, NULL);
  g_source_attach (w->socket_source, w->context);
}

static void
start_attempt (SecPgWatch *w)
{
  clear_source (&w->timer);
  if (!PQresetStart (w->engine->conn))
    {
      try_later (w);
      return;
    }
  w->timer = attach (w, g_timeout_source_new_seconds (ATTEMPT_TIMEOUT_S), on_attempt_timeout);
  /* libpq's first step wants the socket writable. */
  wait_for_poll (w, PGRES_POLLING_WRITING);
}

static gboolean
on_delay_done (gpointer data)
{
  start_attempt (data);
  return G_SOURCE_REMOVE;
}

static gboolean
on_announce (gpointer data)
{
  SecPgWatch *w = data;

  g_clear_pointer (&w->announce, g_source_unref);
  lost (w);
  return G_SOURCE_REMOVE;
}

void
_sec_engine_pg_connection_lost (SecEngine *engine)
{
  SecPgWatch *w = engine->watch;

  /* Without a watcher (the command line) nobody reconnects: the
   * statements say the connection was lost. */
  if (w == NULL || w->resetting || w->announce != NULL)
    return;
  /* Later statements of the same job fail at once, with words that say
   * a new connection is coming; the watcher is told once this one returned. */
  engine->lost = TRUE;
  w->announce = attach (w, g_idle_source_new (), on_announce);
}

gboolean
_sec_engine_pg_watch (SecEngine           *engine,
                      const char          *channel,
                      SecEngineWatchFunc   func,
                      gpointer             user_data,
                      GError             **error)
{
  SecPgWatch *w;

  g_return_val_if_fail (channel != NULL && func != NULL, FALSE);
  g_return_val_if_fail (engine->watch == NULL, FALSE);

  w = g_new0 (SecPgWatch, 1);
  w->engine = engine;
  w->channel = g_strdup (channel);
  w->func = func;
  w->user_data = user_data;
  w->context = g_main_context_ref_thread_default ();
  w->delay_ms = FIRST_DELAY_MS;
  engine->watch = w;
  if (!listen_on_channel (w))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_FAILED,
                   "LISTEN: %s", PQerrorMessage (engine->conn));
      _sec_engine_pg_unwatch (engine);
      return FALSE;
    }
  watch_input (w);
  w->collect = attach (w, g_timeout_source_new (COLLECT_MS), on_collect);
  return TRUE;
}

void
_sec_engine_pg_unwatch (SecEngine *engine)
{
  SecPgWatch *w = engine->watch;

  if (w == NULL)
    return;
  engine->watch = NULL;
  clear_source (&w->socket_source);
  clear_source (&w->timer);
  clear_source (&w->collect);
  clear_source (&w->announce);
  g_main_context_unref (w->context);
  if (w->in_dispatch)
    {
      w->closed = TRUE;
      return;
    }
  g_free (w->channel);
  g_free (w);
}
