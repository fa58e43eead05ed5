/* sec-store-file-checks.c: what a database is checked for before the
 * store opens it
 *
 * Part of SecStore (see sec-store-private.h): a new file is made readable
 * by its owner only; a link is refused; an existing file is read on a
 * connection that writes nothing and refused unless it is a Secretariat
 * database, undamaged, of a version this program knows; a file to be
 * written must be writable, with its folder. A database on a server is
 * checked for Secretariat's tables as a file is. sec-store.c opens.
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "core/store/sec-store.h"
#include "core/store/sec-store-private.h"

/* Creates a new empty file readable by its owner only: it will hold
 * personal data. */
gboolean
_sec_store_create_file (const char  *path,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
                   _("“%s” cannot be created: %s"), display, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SEC_STORE_ERROR, saved == EACCES || saved == EROFS ? SEC_STORE_ERROR_READ_ONLY : SEC_STORE_ERROR_OPEN,
                   _("“%s” cannot be created: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A file that is a link is opened by its own name: the store names it in
 * messages and puts its backups beside it, and the engine refuses to
 * follow a link (SQLITE_OPEN_NOFOLLOW) so that a link put in place of the
 * database cannot send its writes elsewhere. The message names the file
 * the link points to, so that the user can open that one. */
gboolean
_sec_store_refuse_link (const char  *path,
                        const char  *display,
                        GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target_display = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return TRUE;
  target = g_file_read_link (path, NULL);
  dir = g_path_get_dirname (path);
  absolute = g_canonicalize_filename (target != NULL ? target : "", dir);
  target_display = g_filename_display_name (absolute);
  g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_OPEN,
               _("“%s” is a symbolic link; open the file it points to instead: “%s”"),
               display, target_display);
  return FALSE;
}

/* Whether the file holds the tables every version of Secretariat made:
 * another program's database may carry a user_version too. */
gboolean
_sec_store_has_own_tables (SecEngine  *engine,
                           gboolean   *own,
                           GError    **error)
{
  static const char *const tables[] = { "settings", "organisations", "people", "meetings" };

  *own = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (tables) && *own; i++)
    if (!sec_engine_has_table (engine, tables[i], own, error))
      return FALSE;
  return TRUE;
}

/* The checks an existing file passes before anything else reads it, on a
 * connection that writes nothing: it holds a database (not an empty file,
 * not an empty SQLite database), undamaged, of Secretariat, of a version
 * this program knows. Sets @version to the file's schema version, and
 * @deferred to TRUE when the whole-file check is left until after opening. */
gboolean
_sec_store_check_existing_file (SecEngine   *engine,
                                const char  *path,
                                const char  *display,
                                int         *version,
                                gboolean    *deferred,
                                GError     **error)
{
  int n_tables = 0;
  gboolean own = FALSE;
  GStatBuf st;

  if (!sec_engine_get_schema_version (engine, version, error) ||
      !sec_engine_count_tables (engine, &n_tables, error))
    return FALSE;
  if (n_tables == 0)
    {
      if (g_stat (path, &st) == 0 && st.st_size == 0)
        g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE,
                     _("“%s” is an empty file, not a Secretariat database"), display);
      else
        g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE,
                     _("“%s” is an empty SQLite database, not a Secretariat database"), display);
      return FALSE;
    }
  if (*version > 0 && !_sec_store_has_own_tables (engine, &own, error))
    return FALSE;
  if (*version == 0 || !own)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a SQLite database of another program, not a Secretariat database"), display);
      return FALSE;
    }
  if (*version > SEC_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Secretariat (database version %d; this version knows up to %d). Update Secretariat to open it"),
                   display, *version, SEC_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  /* The whole-file check reads every page (3 ms a megabyte here: 0.7 s for
   * a file of 200,000 people). Reading the header, the schema and the
   * version above already refused what is not a database of ours; a file
   * that is small, or about to be upgraded (written), is checked in full
   * now; a large one right after opening, off the main thread. */
  if (!_sec_store_check_now (path, *version))
    *deferred = TRUE;
  else if (!sec_engine_check_integrity (engine, error))
    return FALSE;
  return TRUE;
}

/* Checked before a connection that may write is opened: SQLite opens a
 * file it cannot write read-only without a word, and a read-only
 * connection to a WAL file leaves -wal and -shm files behind. The folder
 * must take the log too. */
gboolean
_sec_store_check_can_write (const char  *path,
                            const char  *display,
                            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0)
    return TRUE;
  g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_READ_ONLY,
               _("“%s” cannot be written; check the permissions of the file and of its folder"),
               display);
  return FALSE;
}
