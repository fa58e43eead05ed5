/* sec-export-file.c: writing an exported document safely */
#define G_LOG_DOMAIN "sec-export-file"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/documents/sec-export-file.h"

/* Linux's limit too: a loop of links ends here. */
#define MAX_LINKS 40

/* What each document carries, decided from its data: "personal" when its
 * full variant shows a person's contact data (e-mail, phone) or needs, or
 * an internal assessment of applicants. Those files are made 0600; the
 * public variant (--public) of a personal document leaves that data out
 * and is written as a public one. */
static const struct {
  const char *kind;
  gboolean    personal;
} export_kinds[] = {
  { "agenda", FALSE },           /* titles, times, speakers' names */
  { "agenda-internal", TRUE },   /* the secretariat's notes and the participants' needs */
  { "participants", TRUE },      /* e-mail, phone and needs columns */
  { "attendance", FALSE },       /* names, organisations, a space to sign: no contacts */
  { "pack", TRUE },              /* the internal agenda and the list of participants */
  { "minutes", FALSE },          /* names and organisations of those present, what was decided */
  { "minutes-internal", TRUE },  /* the e-mail addresses of those present, the secretariat's notes */
  { "action-points", TRUE },     /* across meetings, with the secretariat's notes */
  { "participants-csv", TRUE },  /* e-mail, phone and needs columns */
  { "ical", FALSE },             /* the meeting's time, place and agenda */
  { "applications", TRUE },      /* assessment of each applicant: scores, comments, reasons */
  { "selection-report", FALSE }, /* the outcome, meant to be published */
  { "statement", FALSE },        /* the text and its signatory organisations */
  { "monitoring", FALSE },       /* the organisations' commitments and follow-up */
  { "portfolio", FALSE },        /* projects, their organisations and investigators' names */
  { "funding-call-ical", FALSE },/* a call for proposals' deadline */
  { "badges", FALSE },           /* names, organisations, countries or roles: worn in public */
  { "table-cards", FALSE },      /* the same, on the table */
};

/* Static helpers */

static gboolean
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* TRANSLATORS: "Could not write “agenda.pdf”: No space left on device" */
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Follows @path's symbolic links to the file they name, which is the file
 * to write: a link is written through, never replaced. *exists says
 * whether that file exists, and @st holds its status then. */
static char *
resolve_target (const char  *path,
                GStatBuf    *st,
                gboolean    *exists,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (int i = 0; i <= MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;

      if (g_lstat (current, st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno != ENOENT)
            return set_errno_error (error, saved_errno, path), NULL;
          *exists = FALSE;
          return g_steal_pointer (&current);
        }
      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&current);
        }
      if ((target = g_file_read_link (current, error)) == NULL)
        return NULL;
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }
  set_errno_error (error, ELOOP, path);
  return NULL;
}

static gboolean
check_type (const char     *path,
            const GStatBuf *st,
            GError        **error)
{
  g_autofree char *display = NULL;

  if (S_ISREG (st->st_mode))
    return TRUE;
  display = g_filename_display_name (path);
  if (S_ISDIR (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder: give the name of the file to write"), display);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not a regular file (it is a device, a pipe or a socket): "
                   "an export replaces only a regular file"), display);
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *contents,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, contents, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      contents += n;
      length -= (gsize) n;
    }
  return TRUE;
}

static gboolean
has_space_or_control (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

/* Public API */

gboolean
sec_export_kind_is_personal (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (export_kinds); i++)
    if (g_str_equal (export_kinds[i].kind, kind))
      return export_kinds[i].personal;
  return TRUE;
}

gboolean
sec_export_check_path (const char  *path,
                       GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf st;
  gboolean exists = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((target = resolve_target (path, &st, &exists, error)) == NULL)
    return FALSE;
  return !exists || check_type (path, &st, error);
}

gboolean
sec_export_write_file (const char     *path,
                       const void     *contents,
                       gsize           length,
                       SecFileAccess   access,
                       GError        **error)
{
  return sec_export_write_file_cancellable (path, contents, length, access, NULL, error);
}

gboolean
sec_export_write_file_cancellable (const char     *path,
                                   const void     *contents,
                                   gsize           length,
                                   SecFileAccess   access,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  g_autofree char *target = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;
  gboolean exists = FALSE;
  int mode, fd, saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((target = resolve_target (path, &st, &exists, error)) == NULL)
    return FALSE;
  if (exists && !check_type (path, &st, error))
    return FALSE;

  /* The final mode from the first byte: never a looser file made first and
   * tightened afterwards. open () takes the umask off, which only removes
   * permissions; an existing file's mode is then set exactly. */
  mode = exists ? (int) (st.st_mode & 0777) : access == SEC_FILE_PERSONAL ? 0600 : 0666;
  temp = g_strconcat (target, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, exists ? (int) (st.st_mode & 0700) : mode);
  if (fd < 0)
    return set_errno_error (error, errno, path);
  if (exists)
    {
      /* The owner first (only root may give a file away; otherwise the file
       * is the user's anyway), then the mode, still before any byte. */
      if ((st.st_uid != getuid () || st.st_gid != getgid ()) &&
          fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("Could not keep the owner of %s: %s", path, g_strerror (errno));
      if (fchmod (fd, (mode_t) mode) != 0)
        goto failed;
    }
  if (!write_all (fd, contents, length) || fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  /* The last moment to give up: the temporary file goes, the file at
   * @path stays as it was. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, target) != 0)
    goto failed;
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  return set_errno_error (error, saved_errno, path);
}

gboolean
sec_export_is_web_link (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme, *host;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || has_space_or_control (text))
    return FALSE;
  if ((uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL)) == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

char *
sec_export_dup_mailto (const char *email)
{
  const char *at;

  if (email == NULL || !g_utf8_validate (email, -1, NULL) || has_space_or_control (email))
    return NULL;
  /* One "@", something on either side, and none of the characters that
   * begin a query, a fragment, an escape or a second address. */
  at = strchr (email, '@');
  if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return NULL;
  if (strpbrk (email, "?&#%,;:<>\"\\/()[]") != NULL)
    return NULL;
  return g_strconcat ("mailto:", email, NULL);
}
