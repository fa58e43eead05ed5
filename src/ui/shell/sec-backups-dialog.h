/* sec-backups-dialog.h: the backups of the database, each with Restore
 *
 * Lists the copies sec_backups_scan() finds (date in the locale's format,
 * why it was made, how many records: counted in a worker once shown),
 * newest first. Restore asks first; once confirmed the dialog emits
 * ::restore with the copy's file, and the application does the restore
 * (sec-application-backups.c).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEC_TYPE_BACKUPS_DIALOG (sec_backups_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecBackupsDialog, sec_backups_dialog, SEC, BACKUPS_DIALOG, AdwPreferencesWindow)

/* SecBackupsDialog::restore (SecBackupsDialog *dialog, const char *path):
 * the user confirmed the restore of @path. */

SecBackupsDialog *sec_backups_dialog_new           (GtkWindow        *parent,
                                                    const char       *db_path);
/* How many backups the dialog lists. */
guint             sec_backups_dialog_get_n_backups (SecBackupsDialog *self);
/* How many of them have their records counted yet. */
guint             sec_backups_dialog_get_n_counted (SecBackupsDialog *self);
/* Asks to restore the @index-th backup listed, as its button does; returns
 * the question (transfer none), for the tests. */
AdwMessageDialog *sec_backups_dialog_ask_restore   (SecBackupsDialog *self,
                                                    guint             index);

G_END_DECLS
