/* sec-preferences-window.h: the application's preferences
 *
 * The office-wide ones, kept in the database: the letterhead printed on
 * every document (the office's name, a reference and a logo). Each is
 * saved when applied (Enter or the row's apply button), when the logo is
 * chosen or removed, and when the window closes.
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_PREFERENCES_WINDOW (sec_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SecPreferencesWindow, sec_preferences_window, SEC, PREFERENCES_WINDOW, AdwPreferencesWindow)

SecPreferencesWindow *sec_preferences_window_new       (GtkWindow            *parent,
                                                        SecStore             *store);
/* Saves the logo from the PNG file @file, as choosing it does; FALSE with
 * a toast when it is refused (for the tests). */
gboolean              sec_preferences_window_set_logo  (SecPreferencesWindow *self,
                                                        GFile                *file);

G_END_DECLS
