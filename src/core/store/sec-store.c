/* sec-store.c: the database behind every record
 *
 * The object itself: opening, closing, transactions, the changed signal and
 * the settings kept in the file. Its other jobs have files of their own,
 * sharing sec-store-private.h: sec-store-file-checks.c (the checks that
 * refuse a file before anything is written), sec-store-migrate.c (bringing
 * a file up to date), sec-store-records.c (one record at a time),
 * sec-store-query.c (lists) and sec-store-deletion.c (dependants and
 * undo). The SQL runs through the engine line (sec-engine.h); nothing here
 * speaks an engine's own API.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "core/store/sec-records.h"
#include "core/store/sec-schema.h"
#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

typedef SecPendingChange PendingChange;

struct _SecStore
{
  GObject     parent_instance;

  SecEngine  *engine;       /* the connection; NULL once closed */
  char       *path;
  char       *backup_path;
  GArray     *foreign_keys; /* of SecForeignKey */
  GArray     *pending;      /* of PendingChange, until the outer commit */
  guint       depth;        /* open savepoints */
  char       *uuid;         /* names this database, e.g. in iCalendar UIDs */
  gboolean    check_deferred; /* the whole-file check is left to sec_store_check_integrity_async() */
  gboolean    read_only;    /* opened for reading, or an account that may only read */
  gboolean    owner;        /* may change the schema (a file's user; a server's owning role) */
  gboolean    disconnected; /* a server connection dropped (sec-store-notify.c) */
  SecOpening *opening;      /* while it opens: told how far, may be stopped */
};

G_DEFINE_FINAL_TYPE (SecStore, sec_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CONNECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
sec_store_get_connected (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  return !self->disconnected;
}

void
_sec_store_set_connected (SecStore *self,
                          gboolean  connected)
{
  if (self->disconnected == !connected)
    return;
  self->disconnected = !connected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

gboolean
sec_store_can_write (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  return self->engine != NULL && !self->read_only;
}

gboolean
_sec_store_is_owner (SecStore *self)
{
  return self->owner;
}

gboolean
_sec_store_in_transaction (SecStore *self)
{
  return self->depth > 0;
}

gboolean
sec_store_get_check_deferred (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  return self->check_deferred;
}

int
sec_store_schema_version (void)
{
  guint n;
  const SecMigration *m = sec_schema_get_migrations (&n);

  return m[n - 1].version;
}

/* Helpers */

GType
_sec_store_type_for_table (const char *table)
{
  const GType *kinds = sec_record_kinds ();

  for (guint i = 0; kinds[i]; i++)
    if (g_str_equal (sec_kind_from_type (kinds[i])->table, table))
      return kinds[i];
  return 0;
}

GArray *
_sec_store_get_foreign_keys (SecStore *self)
{
  return self->foreign_keys;
}

/* Changes */

void
_sec_store_queue_change (SecStore *self,
                         GType     kind,
                         gint64    id,
                         int       change)
{
  PendingChange c = { kind, id, change };

  if (self->depth > 0)
    g_array_append_val (self->pending, c);
  else
    {
      /* Written outside a transaction: already committed. */
      _sec_store_announce (self, &c, 1, NULL);
      g_signal_emit (self, signals[CHANGED], 0, kind, id, change);
    }
}

static void
flush_changes (SecStore *self)
{
  g_autoptr(GArray) pending = self->pending;

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *c = &g_array_index (pending, PendingChange, i);
      g_signal_emit (self, signals[CHANGED], 0, c->kind, c->id, c->change);
    }
}

/* Transactions */

gboolean
sec_store_begin (SecStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->engine != NULL, FALSE);

  if (self->depth == 0)
    {
      /* IMMEDIATE takes the write lock now, so a busy database is reported
       * before anything is changed rather than at commit. */
      if (!sec_engine_exec (self->engine, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SAVEPOINT sp%u", self->depth);
      if (!sec_engine_exec (self->engine, sql, error))
        return FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
sec_store_commit (SecStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      /* Inside the transaction: the server delivers it with the commit. */
      if (!_sec_store_announce (self, (const PendingChange *) (gpointer) self->pending->data,
                                self->pending->len, error) ||
          !sec_engine_exec (self->engine, "COMMIT", error))
        return FALSE;
      self->depth = 0;
      flush_changes (self);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE sp%u", self->depth - 1);
      if (!sec_engine_exec (self->engine, sql, error))
        return FALSE;
      self->depth--;
    }
  return TRUE;
}

/* A commit that fails leaves its transaction open: this rolls it back
 * then, so that no later write lands in a transaction that never ends (the
 * fault drill's K1: writes reported saved, lost at close). */
gboolean
sec_store_commit_or_rollback (SecStore  *self,
                              GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  if (sec_store_commit (self, error))
    return TRUE;
  sec_store_rollback (self);
  return FALSE;
}

void
sec_store_rollback (SecStore *self)
{
  g_return_if_fail (SEC_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      sec_engine_exec (self->engine, "ROLLBACK", NULL);
      g_array_set_size (self->pending, 0);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u",
                                              self->depth - 1, self->depth - 1);
      sec_engine_exec (self->engine, sql, NULL);
    }
  self->depth--;
}

/* Settings */

char *
_sec_store_get_setting (SecStore   *self,
                        const char *key)
{
  /* Internal keys and sec_store_get_setting () share the table. */
  g_autoptr(SecStmt) stmt = sec_engine_prepare (self->engine, "SELECT value FROM settings WHERE key = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sec_stmt_bind_text (stmt, 1, key);
  if (sec_stmt_step (stmt, NULL) == SEC_STEP_ROW)
    return g_strdup (sec_stmt_get_text (stmt, 0));
  return NULL;
}

gboolean
_sec_store_set_setting (SecStore    *self,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  g_autoptr(SecStmt) stmt = sec_engine_prepare (self->engine,
                                                "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                                error);

  if (stmt == NULL)
    return FALSE;
  sec_stmt_bind_text (stmt, 1, key);
  sec_stmt_bind_text (stmt, 2, value);
  return sec_stmt_run (stmt, error);
}

/**
 * sec_store_get_setting:
 *
 * Returns: (transfer full) (nullable): a value kept in the database itself
 *   (not in GSettings: it travels with the file), or NULL.
 */
char *
sec_store_get_setting (SecStore   *self,
                       const char *key)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return _sec_store_get_setting (self, key);
}

gboolean
sec_store_set_setting (SecStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!sec_store_begin (self, error))
    return FALSE;
  if (!_sec_store_set_setting (self, key, value, error))
    {
      sec_store_rollback (self);
      return FALSE;
    }
  return sec_store_commit_or_rollback (self, error);
}

const char *
sec_store_get_uuid (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  return self->uuid;
}

gboolean
sec_store_backup_to (SecStore    *self,
                     const char  *dest,
                     GError     **error)
{
  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  return sec_engine_backup_to (self->engine, dest, error);
}

/* The object */

static void
sec_store_finalize (GObject *object)
{
  SecStore *self = (SecStore *) object;

  sec_store_close (self);
  g_clear_pointer (&self->foreign_keys, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (sec_store_parent_class)->finalize (object);
}

static void
sec_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SecStore *self = (SecStore *) object;

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, !self->disconnected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_store_class_init (SecStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sec_store_finalize;
  object_class->get_property = sec_store_get_property;

  /* SecStore:connected: FALSE while a server connection that dropped is
   * being made again (sec-store-notify.h). */
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SecStore::changed:
   * @kind: the record kind (a SecRecord GType)
   * @id: the record, or 0 when several records of the kind changed
   * @change: a SecStoreChange
   *
   * Emitted after a write is committed (after the outermost transaction).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_GTYPE, G_TYPE_INT64, G_TYPE_INT);
}

static void
sec_store_init (SecStore *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
}

/* Opening */

char *
sec_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "secretariat", "secretariat.db", NULL);
}

/* What every opening does once the schema is current, file or server. */
static gboolean
finish_opening (SecStore  *self,
                gboolean   read_only,
                GError   **error)
{
  if ((self->foreign_keys = sec_engine_list_foreign_keys (self->engine, error)) == NULL)
    return FALSE;
  if (!read_only && !_sec_store_open_privacy (self, error))
    return FALSE;
  /* Read-only, stale search text and sort keys stay as they are: lists
   * come in the order they had when the file was last written. */
  if (!read_only && !_sec_store_refresh_keys (self, error))
    return FALSE;

  self->uuid = _sec_store_get_setting (self, "database-uuid");
  if (self->uuid == NULL)
    {
      self->uuid = g_uuid_string_random ();
      /* Every file this version wrote has one; a reader cannot give one to
       * a file that lacks it, so its exports get one of their own. */
      if (!read_only && !sec_store_set_setting (self, "database-uuid", self->uuid, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sec_store_is_server_uri (const char *path)
{
  return sec_engine_is_server_uri (path);
}

char *
_sec_store_display_name (const char *path)
{
  g_autoptr(GUri) uri = NULL;

  if (!sec_engine_is_server_uri (path))
    return g_filename_display_name (path);
  /* A password in the URI is never shown, in its user part or in its
   * parameters. */
  uri = g_uri_parse (path, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return g_strdup ("postgresql://");
  if (g_uri_get_query (uri) != NULL)
    {
      g_auto(GStrv) pairs = g_strsplit (g_uri_get_query (uri), "&", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) params = NULL;
      g_autofree char *query = NULL;
      GUri *bare;

      for (guint i = 0; pairs[i] != NULL; i++)
        if (!g_str_has_prefix (pairs[i], "password=") && !g_str_has_prefix (pairs[i], "connect_timeout="))
          g_strv_builder_add (kept, pairs[i]);
      params = g_strv_builder_end (kept);
      query = g_strjoinv ("&", params);
      bare = g_uri_build_with_user (g_uri_get_flags (uri), g_uri_get_scheme (uri), g_uri_get_user (uri),
                                    NULL, g_uri_get_auth_params (uri), g_uri_get_host (uri),
                                    g_uri_get_port (uri), g_uri_get_path (uri),
                                    query[0] != '\0' ? query : NULL, g_uri_get_fragment (uri));
      g_uri_unref (uri);
      uri = bare;
    }
  return g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);
}

void
_sec_store_set_path (SecStore   *self,
                     const char *path)
{
  g_free (self->path);
  self->path = g_strdup (path);
}

/* What the account may do with the database on a server, whose tables are
 * there (@version > 0): the role that owns them (the one that first opened
 * the empty database, or one of its members) keeps the schema and its
 * functions up to date; a staff role granted the rows only writes them; a
 * role that may not change the people (granted SELECT alone) only reads,
 * and the session is made read-only so that any write is refused by the
 * server itself. An upgrade needs the owner. */
static gboolean
server_account (SecStore  *self,
                int        version,
                gboolean  *read_only,
                GError   **error)
{
  g_autoptr(SecStmt) stmt = NULL;
  g_autofree char *display = NULL;

  self->owner = TRUE;
  if (version == 0)
    return TRUE;
  stmt = sec_engine_prepare (self->engine,
                             "SELECT pg_has_role(c.relowner, 'USAGE'),"
                             "  has_table_privilege(c.oid, 'INSERT') AND has_table_privilege(c.oid, 'UPDATE')"
                             "  AND has_table_privilege(c.oid, 'DELETE')"
                             " FROM pg_class c WHERE c.oid = 'people'::regclass",
                             error);
  if (stmt == NULL || sec_stmt_step (stmt, error) != SEC_STEP_ROW)
    return FALSE;
  self->owner = sec_stmt_get_int64 (stmt, 0) != 0;
  *read_only = sec_stmt_get_int64 (stmt, 1) == 0;
  g_clear_pointer (&stmt, sec_stmt_free);
  display = _sec_store_display_name (self->path);
  if (!self->owner && version < SEC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_MIGRATION,
                   _("“%s” must be brought up to date for this version of Secretariat by the account that set it up (it owns its tables); ask them to open it once, then try again"),
                   display);
      return FALSE;
    }
  if (*read_only)
    return sec_engine_exec (self->engine, "SET default_transaction_read_only = on", error);
  return TRUE;
}

/* A database on a server: the IT department gives an empty one, which
 * gets the schema; one that holds another program's tables, or a newer
 * Secretariat's, is refused as a file is. No copy is made before an
 * upgrade: the server's backups are the IT department's. */
static SecStore *
open_server (const char  *uri,
             gboolean     read_only,
             SecOpening  *opening,
             GError     **error)
{
  g_autoptr(SecStore) self = g_object_new (SEC_TYPE_STORE, NULL);
  g_autofree char *display = _sec_store_display_name (uri);
  int version = 0;
  int n_tables = 0;
  gboolean own = FALSE;

  self->path = g_strdup (uri);
  self->opening = opening;
  self->engine = sec_engine_open (uri, read_only ? SEC_ENGINE_OPEN_READ_ONLY : SEC_ENGINE_OPEN_READ_WRITE, error);
  if (self->engine == NULL ||
      !sec_engine_get_schema_version (self->engine, &version, error) ||
      !sec_engine_count_tables (self->engine, &n_tables, error) ||
      (version > 0 && !_sec_store_has_own_tables (self->engine, &own, error)))
    goto fail;
  if ((version == 0 && n_tables > 0) || (version > 0 && !own))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE,
                   _("The database “%s” holds the tables of another program, not a Secretariat database; Secretariat needs an empty database of its own"),
                   display);
      goto fail;
    }
  if (version > SEC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Secretariat (database version %d; this version knows up to %d). Update Secretariat to open it"),
                   display, version, SEC_STORE_SCHEMA_VERSION);
      goto fail;
    }
  if (read_only && version == 0)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_EMPTY,
                   _("The database “%s” is empty: Secretariat sets it up the first time it opens it for writing"),
                   display);
      goto fail;
    }
  if (read_only && version < SEC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_MIGRATION,
                   _("“%s” was written by an older version of Secretariat (database version %d); open it in Secretariat once to bring it up to date, then try again"),
                   display, version);
      goto fail;
    }
  if (!read_only && !server_account (self, version, &read_only, error))
    goto fail;
  if (!read_only)
    {
      if (!sec_engine_check_writable (self->engine, error) ||
          (version < SEC_STORE_SCHEMA_VERSION && !_sec_store_migrate (self, version, error)) ||
          (self->owner && !sec_engine_configure (self->engine, error)))
        goto fail;
    }
  self->read_only = read_only;
  if (!finish_opening (self, read_only, error))
    goto fail;
  self->opening = NULL;
  return g_steal_pointer (&self);

fail:
  self->opening = NULL;
  sec_store_close (self);
  return NULL;
}

SecStore *
_sec_store_open_full (const char  *path,
                      gboolean     read_only,
                      SecOpening  *opening,
                      GError     **error)
{
  g_autoptr(SecStore) self = NULL;
  g_autofree char *display = NULL;
  gboolean created = FALSE;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sec_engine_is_server_uri (path))
    return open_server (path, read_only, opening, error);
  display = g_filename_display_name (path);

  if (!_sec_store_refuse_link (path, display, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file"), display);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (read_only)
        {
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                       _("“%s” does not exist"), display);
          return NULL;
        }
      if (!_sec_store_create_file (path, error))
        return NULL;
      created = TRUE;
    }
  else if (g_access (path, R_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” cannot be read: %s"), display, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (SEC_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->owner = TRUE;
  self->read_only = read_only;
  self->opening = opening;

  /* An existing file is checked on a connection that writes nothing, so
   * that a file that is refused is left byte for byte as it was, with
   * nothing beside it. Only a file made here gets a schema. */
  if (!created)
    {
      if ((self->engine = sec_engine_open (path, SEC_ENGINE_OPEN_READ_ONLY, error)) == NULL ||
          !_sec_store_check_existing_file (self->engine, self->path, display, &version,
                                          &self->check_deferred, error))
        goto fail;
      if (read_only && version < SEC_STORE_SCHEMA_VERSION)
        {
          /* Upgrading is writing. */
          g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_MIGRATION,
                       _("“%s” was written by an older version of Secretariat (database version %d); open it in Secretariat once to bring it up to date, then try again"),
                       display, version);
          goto fail;
        }
      if (!read_only)
        {
          if (!_sec_store_check_can_write (path, display, error))
            goto fail;
          g_clear_pointer (&self->engine, sec_engine_close);
        }
    }
  if (!read_only)
    {
      if ((self->engine = sec_engine_open (path, SEC_ENGINE_OPEN_READ_WRITE, error)) == NULL ||
          !sec_engine_check_writable (self->engine, error))
        goto fail;

      if (version < SEC_STORE_SCHEMA_VERSION)
        {
          /* How much of the bar each step takes: the copy reads the whole
           * file, the migrations may rewrite it, the keys are made again. */
          _sec_store_opening_stage (self, 0.0, version > 0 ? 0.4 : 0.0);
          if (version > 0 &&
              (self->backup_path = _sec_store_backup_before_migration (self, error)) == NULL)
            goto fail;
          _sec_store_opening_stage (self, version > 0 ? 0.4 : 0.0, 0.7);
          if (!_sec_store_migrate (self, version, error))
            goto fail;
          _sec_store_opening_stage (self, 0.7, 1.0);
        }

      if (!sec_engine_configure (self->engine, error))
        goto fail;
    }
  if (!finish_opening (self, read_only, error))
    goto fail;
  self->opening = NULL;
  return g_steal_pointer (&self);

fail:
  self->opening = NULL;
  sec_store_close (self);
  if (created)
    g_unlink (path);
  return NULL;
}

void
_sec_store_opening_stage (SecStore *self,
                          double    from,
                          double    to)
{
  if (self->opening == NULL)
    return;
  self->opening->from = from;
  self->opening->to = to;
  _sec_store_opening_report (self, 0, 1);
}

void
_sec_store_opening_report (SecStore *self,
                           guint64   done,
                           guint64   total)
{
  SecOpening *o = self->opening;

  if (o == NULL || o->progress == NULL || total == 0)
    return;
  o->progress (o->from + (o->to - o->from) * MIN (done, total) / (double) total, o->progress_data);
}

GCancellable *
_sec_store_opening_cancellable (SecStore *self)
{
  return self->opening != NULL ? self->opening->cancellable : NULL;
}

gboolean
_sec_store_opening_stopped (SecStore  *self,
                            GError   **error)
{
  return self->opening != NULL && g_cancellable_set_error_if_cancelled (self->opening->cancellable, error);
}

/**
 * sec_store_open:
 * @path: the database file, or a database on a PostgreSQL server named by
 *   a postgresql:// URI (libpq's, which also reads the PG* environment
 *   variables: "postgresql://" alone takes everything from them)
 *
 * Opens the database for reading and writing, creating it if @path does
 * not exist (on a server: giving an empty database the schema). A file that is not a Secretariat database (an empty file or
 * an empty SQLite database among them), is damaged, comes from a newer
 * version or cannot be written is refused with a message naming it, and
 * left byte for byte as it was, with nothing beside it.
 *
 * Returns: (transfer full): the store, or NULL with @error set.
 */
SecStore *
sec_store_open (const char  *path,
                GError     **error)
{
  return _sec_store_open_full (path, FALSE, NULL, error);
}

/**
 * sec_store_open_for_reading:
 * @path: an existing database file
 *
 * Opens the database read-only: nothing is written to it, its journal
 * mode is left as it is, and no file is left beside it. It must be a
 * Secretariat database of the current version (an older one is refused:
 * upgrading it would write). Writing through the store fails.
 *
 * Returns: (transfer full): the store, or NULL with @error set.
 */
SecStore *
sec_store_open_for_reading (const char  *path,
                            GError     **error)
{
  return _sec_store_open_full (path, TRUE, NULL, error);
}

const char *
sec_store_get_path (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  return self->path;
}

const char *
sec_store_get_backup_path (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  return self->backup_path;
}

void
sec_store_close (SecStore *self)
{
  g_return_if_fail (SEC_IS_STORE (self));

  if (self->engine == NULL)
    return;
  _sec_store_close_readers (self);
  while (self->depth > 0)
    sec_store_rollback (self);
  g_clear_pointer (&self->engine, sec_engine_close);
}

SecEngine *
_sec_store_take_engine (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  if (self->engine == NULL)
    return NULL;
  _sec_store_close_readers (self);
  while (self->depth > 0)
    sec_store_rollback (self);
  return g_steal_pointer (&self->engine);
}

void
sec_store_retake_locks (SecStore *self)
{
  g_return_if_fail (SEC_IS_STORE (self));

  if (self->depth == 0)
    sec_engine_retake_locks (self->engine);
}

SecEngine *
_sec_store_get_engine (SecStore *self)
{
  g_return_val_if_fail (SEC_IS_STORE (self), NULL);

  _sec_store_note_use (self);
  return self->engine;
}
