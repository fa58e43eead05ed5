/* sec-release-notes.c: the current release's notes, for the About window
 *
 * The metainfo is where release notes are written (software centres show
 * them). libadwaita 1.4's adw_about_window_new_from_appdata () reads them
 * from there, but the minimum is libadwaita 1.2: so build-aux/release-notes.py
 * takes this version's <release> from the merged metainfo at build time,
 * with its translations, into a key file in a resource of its own, and
 * g_key_file_get_locale_string () picks the user's language here.
 */
#define G_LOG_DOMAIN "sec-release-notes"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "ui/shell/sec-release-notes.h"
#include "ui/shell/sec-release-notes-resources.h"

gboolean
sec_release_notes_load (char **version,
                        char **notes)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *found_version = NULL;
  g_autofree char *found_notes = NULL;

  g_return_val_if_fail (version != NULL && notes != NULL, FALSE);

  /* Looked up in this resource, not the global table: the static library's
   * object file is linked only when something refers to it. */
  bytes = g_resource_lookup_data (sec_release_notes_get_resource (),
                                  "/io/github/secretariat/Secretariat/release-notes.ini",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, &error) ||
      (found_version = g_key_file_get_string (key_file, "Release", "Version", &error)) == NULL ||
      (found_notes = g_key_file_get_locale_string (key_file, "Release", "Notes", NULL, &error)) == NULL)
    {
      g_warning ("No release notes: %s", error->message);
      return FALSE;
    }
  *version = g_steal_pointer (&found_version);
  *notes = g_steal_pointer (&found_notes);
  return TRUE;
}
