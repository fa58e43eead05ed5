/* sec-shared-database-dialog.h: connecting to a shared (PostgreSQL) database */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEC_TYPE_SHARED_DATABASE_DIALOG (sec_shared_database_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecSharedDatabaseDialog, sec_shared_database_dialog, SEC, SHARED_DATABASE_DIALOG, AdwWindow)

/* A dialog over @parent, filled from the address @uri (a postgresql://
 * address, or NULL: the PG* environment variables and the user's name).
 * "Connect" opens the database and keeps the password
 * in the keyring, then emits "connected" (SecStore *store, const char
 * *warning) and closes. */
SecSharedDatabaseDialog *sec_shared_database_dialog_new (GtkWindow  *parent,
                                                         const char *uri);

G_END_DECLS
