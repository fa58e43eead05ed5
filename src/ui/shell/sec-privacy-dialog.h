/* sec-privacy-dialog.h: the retention review
 *
 * The people whose personal data is past the retention period, with what
 * is held about each, to erase after confirmation; the period itself; how
 * many people have no lawful basis recorded.
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_PRIVACY_DIALOG (sec_privacy_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SecPrivacyDialog, sec_privacy_dialog, SEC, PRIVACY_DIALOG, AdwPreferencesWindow)

/* (transfer none): the dialog, not shown yet. */
SecPrivacyDialog *sec_privacy_dialog_new           (GtkWindow        *parent,
                                                    SecStore         *store);
/* The people listed as past the retention period. */
guint             sec_privacy_dialog_get_n_people  (SecPrivacyDialog *self);
/* Asks to erase the people whose rows are ticked (all with @all); the
 * question is returned for tests. (transfer none) (nullable): NULL when
 * nobody is ticked. */
AdwMessageDialog *sec_privacy_dialog_ask_erase     (SecPrivacyDialog *self,
                                                    gboolean          all);

G_END_DECLS
