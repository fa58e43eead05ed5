/* sec-application.h: the application, its store and its actions
 *
 * The record kind "application" (to a call, sec-records.h) already owns the
 * names SecApplication and sec_application_get_type, so the GtkApplication
 * type is SecApp. sec_application_new() is the program's entry point.
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_APP (sec_app_get_type ())
G_DECLARE_FINAL_TYPE (SecApp, sec_app, SEC, APP, AdwApplication)

/* The application on the database at @database_path (NULL: the last one
 * opened, or the default path). (transfer full) */
GApplication *sec_application_new              (const char  *database_path);

SecApp       *sec_app_new                      (const char  *database_path);
/* (transfer none) (nullable): the open store, NULL when it could not be
 * opened. */
SecStore     *sec_app_get_store                (SecApp      *self);
const char   *sec_app_get_database_path        (SecApp      *self);
/* Opens the database at @path in place of the current one, which stays
 * open when @path cannot be opened. */
gboolean      sec_app_open_database            (SecApp      *self,
                                                const char  *path,
                                                GError     **error);
/* Shows @store (transfer full), opened elsewhere, in place of the current
 * one; @warning (nullable) is said in a toast. */
void          sec_app_use_store                (SecApp      *self,
                                                SecStore    *store,
                                                const char  *warning);
gboolean      sec_app_restore_backup           (SecApp      *self,
                                                const char  *backup_path,
                                                char       **kept_aside,
                                                GError     **error);

/* Makes a new database at @path, which must not exist, and opens it. */
gboolean      sec_app_new_database             (SecApp      *self,
                                                const char  *path,
                                                GError     **error);
/* The dialog that says why @path could not be opened and offers the ways
 * out (open another file, restore a backup, try again). (transfer none) */
GtkWidget    *sec_app_show_open_error          (SecApp       *self,
                                                const char   *path,
                                                const GError *error);

G_END_DECLS
