/* sec-shared-database.h: where a shared (PostgreSQL) database is, and its
 * password in the keyring
 *
 * A shared database is named by a postgresql:// address, which the
 * settings, the recent list and the command line keep. The address never
 * holds the password: that is kept in the user's keyring (libsecret; the
 * Secret portal in the Flatpak) under the server, port, database and user,
 * and joins the address only in memory, when the store connects.
 */
#pragma once

#include <gio/gio.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* How the connection is protected: libpq's sslmode. */
typedef enum {
  SEC_TLS_VERIFY_FULL, /* encrypted; the certificate and the server's name checked (default) */
  SEC_TLS_VERIFY_CA,   /* encrypted; the certificate checked, not the name */
  SEC_TLS_REQUIRE,     /* encrypted; nothing checked */
  SEC_TLS_DISABLE,     /* not encrypted (a server on this computer) */
} SecTlsMode;

typedef struct {
  char       *host;      /* a name, an address, or a folder of Unix sockets */
  guint       port;      /* 0: PostgreSQL's, 5432 */
  char       *database;
  char       *user;
  SecTlsMode  tls;
  char      **options;   /* other key=value pairs of the address, encoded, kept as given */
} SecSharedDatabase;

SecSharedDatabase *sec_shared_database_new      (void);
SecSharedDatabase *sec_shared_database_copy     (const SecSharedDatabase *db);
void               sec_shared_database_free     (SecSharedDatabase       *db);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecSharedDatabase, sec_shared_database_free)

/* Whether @location is a postgresql:// (or postgres://) address rather
 * than the path of a file. */
gboolean           sec_shared_database_is_uri   (const char              *location);

/* Reads a postgresql:// address. A password in it goes to @password
 * (optional) and never into the result. Fails with G_IO_ERROR_INVALID_ARGUMENT
 * and a message for the user. */
SecSharedDatabase *sec_shared_database_parse    (const char              *uri,
                                                 char                   **password,
                                                 GError                 **error);
/* The address of @db, without a password: what settings may keep. */
char              *sec_shared_database_to_uri   (const SecSharedDatabase *db);
/* The address with @password (optional) and a connection timeout, for
 * the engine: never store it, never show it. */
char              *sec_shared_database_to_conninfo (const SecSharedDatabase *db,
                                                    const char              *password);
/* Fails, naming the field, unless server, database and user are given and
 * the port is one. */
gboolean           sec_shared_database_check    (const SecSharedDatabase *db,
                                                 GError                 **error);
/* "database on server" for titles and messages. */
char              *sec_shared_database_describe (const SecSharedDatabase *db);

/* A database's location for titles and menus: a shared one described as
 * above, a file by its name, or its whole path with @whole_path. */
char              *sec_shared_database_describe_location (const char *location,
                                                          gboolean    whole_path);

/* libpq's name of @tls ("verify-full"...) and back (FALSE if unknown). */
const char        *sec_tls_mode_to_string       (SecTlsMode               tls);
gboolean           sec_tls_mode_from_string     (const char              *text,
                                                 SecTlsMode              *tls);

/* The keyring. These block on D-Bus: call them from a worker thread, or at
 * start-up. No keyring (no Secret Service, no portal) is an error; no
 * password kept is not: lookup returns NULL without @error. */
char              *sec_shared_database_lookup_password (const SecSharedDatabase *db,
                                                        GCancellable            *cancellable,
                                                        GError                 **error);
gboolean           sec_shared_database_store_password  (const SecSharedDatabase *db,
                                                        const char              *password,
                                                        GCancellable            *cancellable,
                                                        GError                 **error);
gboolean           sec_shared_database_forget_password (const SecSharedDatabase *db,
                                                        GCancellable            *cancellable,
                                                        GError                 **error);

/* Opening */

/* Opens the shared database @db (for reading only with @for_reading),
 * logging in with @password; with none, with the keyring's, else with
 * what libpq finds itself (PGPASSWORD, ~/.pgpass). The store is named by
 * the address without the password. */
SecStore          *sec_shared_database_open_store (const SecSharedDatabase *db,
                                                   const char              *password,
                                                   gboolean                 for_reading,
                                                   GError                 **error);
/* The same for the address @uri (a password in it is used, not kept). */
SecStore          *sec_shared_database_open    (const char              *uri,
                                                gboolean                 for_reading,
                                                GError                 **error);

G_END_DECLS
