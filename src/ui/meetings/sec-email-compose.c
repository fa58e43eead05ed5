/* sec-email-compose.c: a meeting's drafts handed to the user's mail
 * program
 *
 * The drafts go to the mail program through the e-mail portal
 * (org.freedesktop.portal.Email), called over D-Bus with GIO: no library
 * beyond GLib, inside Flatpak and on a desktop that runs
 * xdg-desktop-portal. The attachments are files in the user's cache folder
 * (0700, files 0600), handed over as file descriptors; a folder older than
 * a day is removed the next time drafts are written, once the mail program
 * has long read it. Without the portal, a single draft still opens through
 * a mailto: link, without attachments, and the user is told so.
 */
#define G_LOG_DOMAIN "sec-email-compose"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixfdlist.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "core/documents/sec-export-file.h"
#include "core/meetings/sec-emails.h"
#include "ui/meetings/sec-email-compose.h"

#define PORTAL_BUS "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_EMAIL "org.freedesktop.portal.Email"
/* A day, in microseconds: an attachment folder older than this goes. */
#define ATTACHMENTS_KEPT G_TIME_SPAN_DAY

/* The attachments: a fresh private folder under the cache folder, older
 * ones removed. (transfer full) (nullable) */
static char *
make_attachment_folder (GError **error)
{
  g_autofree char *parent = g_build_filename (g_get_user_cache_dir (), "secretariat", "e-mail-attachments", NULL);
  g_autofree char *tmpl = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 now = g_get_real_time ();
  const char *name;

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", parent, g_strerror (saved));
      return NULL;
    }
  if ((dir = g_dir_open (parent, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *old = g_build_filename (parent, name, NULL);
        g_autoptr(GDir) files = NULL;
        GStatBuf st;
        const char *file;

        if (g_lstat (old, &st) != 0 || !S_ISDIR (st.st_mode) || now - (gint64) st.st_mtime * G_USEC_PER_SEC < ATTACHMENTS_KEPT)
          continue;
        if ((files = g_dir_open (old, 0, NULL)) != NULL)
          while ((file = g_dir_read_name (files)) != NULL)
            {
              g_autofree char *path = g_build_filename (old, file, NULL);

              g_unlink (path);
            }
        g_rmdir (old);
      }
  tmpl = g_build_filename (parent, "XXXXXX", NULL);
  if (g_mkdtemp_full (tmpl, 0700) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", parent, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&tmpl);
}

/* mailto: with the recipients, subject and text escaped: for a mail
 * program reached without the portal. (transfer full) */
static char *
dup_mailto (SecMeetingEmails *emails,
            SecEmailDraft    *draft)
{
  g_autoptr(GString) addresses = g_string_new (NULL);
  g_autofree char *subject = g_uri_escape_string (draft->subject, NULL, FALSE);
  g_autofree char *body = g_uri_escape_string (draft->body, NULL, FALSE);

  for (guint i = 0; i < draft->recipients->len; i++)
    {
      SecEmailRecipient *r = g_ptr_array_index (draft->recipients, i);
      g_autofree char *address = g_uri_escape_string (r->row->email, "@", FALSE);

      g_string_append_printf (addresses, "%s%s", i > 0 ? "," : "", address);
    }
  if (emails->everyone_in_bcc)
    return g_strdup_printf ("mailto:?bcc=%s&subject=%s&body=%s", addresses->str, subject, body);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", addresses->str, subject, body);
}

typedef struct {
  GtkWindow        *parent;   /* a reference */
  GCancellable     *cancellable;
  SecEmailComposeTell tell;
  gpointer          tell_data;
  SecMeetingEmails *emails;
  guint             index;    /* the draft being handed over */
  char             *folder;   /* the attachments' */
  GDBusConnection  *bus;      /* while a request waits for its Response */
  guint             response_id;
  char             *handle;   /* the request's expected path */
  gboolean          replied;  /* the call returned the request */
  gboolean          responded; /* and its Response came, with: */
  guint32           response;
} Compose;

static void
stop_waiting (Compose *c)
{
  if (c->response_id != 0)
    g_dbus_connection_signal_unsubscribe (c->bus, c->response_id);
  c->response_id = 0;
  g_clear_object (&c->bus);
}

static void
compose_free (Compose *c)
{
  stop_waiting (c);
  g_free (c->handle);
  g_object_unref (c->parent);
  g_clear_object (&c->cancellable);
  sec_meeting_emails_free (c->emails);
  g_free (c->folder);
  g_free (c);
}

static void compose_next (Compose *c);

/* The portal's answer to a draft, once the mail program has it (0), the
 * user cancelled (1) or it failed (2): only then is the next one sent,
 * and success said. The call's reply and the Response come in either
 * order: this runs after both. */
static void
finish_request (Compose *c)
{
  if (c->response == 0)
    {
      c->index++;
      compose_next (c);
      return;
    }
  if (c->response != 1)
    c->tell (_("The mail program could not open the draft"), c->tell_data);
  compose_free (c);
}

static void
on_response (GDBusConnection *bus,
             const char      *sender,
             const char      *path,
             const char      *interface,
             const char      *signal,
             GVariant        *parameters,
             gpointer         user_data)
{
  Compose *c = user_data;

  c->response = 2;
  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    g_variant_get (parameters, "(u@a{sv})", &c->response, NULL);
  stop_waiting (c);
  c->responded = TRUE;
  if (c->replied)
    finish_request (c);
}

/* Waits for the Response of the request at @handle. */
static void
wait_for_response (Compose         *c,
                   GDBusConnection *bus,
                   const char      *handle)
{
  stop_waiting (c);
  c->bus = g_object_ref (bus);
  c->response_id = g_dbus_connection_signal_subscribe (bus, PORTAL_BUS, "org.freedesktop.portal.Request", "Response",
                                                       handle, NULL, G_DBUS_SIGNAL_FLAGS_NONE, on_response, c, NULL);
}

static void
on_compose_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Compose *c = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), NULL, result, &error);
  if (reply == NULL)
    {
      stop_waiting (c);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* No portal: one draft still opens through a mailto: link. */
          if (c->emails->drafts->len == 1)
            {
              g_autofree char *uri = dup_mailto (c->emails, g_ptr_array_index (c->emails->drafts, 0));

              gtk_show_uri (c->parent, uri, GDK_CURRENT_TIME);
              c->tell (_("The draft opened without attachments: no e-mail portal is available"), c->tell_data);
            }
          else
            c->tell (_("No e-mail portal is available: choose one draft with everyone in Bcc, or save the drafts as files"), c->tell_data);
        }
      compose_free (c);
      return;
    }
  /* A portal older than the handle_token option answers on a path of
   * its own: wait there instead. */
  c->replied = TRUE;
  if (c->responded)
    {
      finish_request (c);
      return;
    }
  {
    const char *handle;

    g_variant_get (reply, "(&o)", &handle);
    if (!g_str_equal (handle, c->handle))
      wait_for_response (c, G_DBUS_CONNECTION (source), handle);
  }
}

/* Hands the draft c->index over to the portal, then the next. */
static void
compose_next (Compose *c)
{
  SecEmailDraft *draft;
  GDBusConnection *bus;
  g_autoptr(GUnixFDList) fds = g_unix_fd_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) to = g_strv_builder_new ();
  g_auto(GStrv) addresses = NULL;
  GVariantBuilder options;
  GVariantBuilder handles;

  if (c->index >= c->emails->drafts->len)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u draft opened in your mail program", "%u drafts opened in your mail program",
                                   c->emails->drafts->len), c->emails->drafts->len);

      c->tell (text, c->tell_data);
      compose_free (c);
      return;
    }

  draft = g_ptr_array_index (c->emails->drafts, c->index);
  bus = g_application_get_default () != NULL ? g_application_get_dbus_connection (g_application_get_default ()) : NULL;
  if (bus == NULL)
    bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  else
    g_object_ref (bus);
  if (bus == NULL)
    {
      c->tell (_("No e-mail portal is available: choose one draft with everyone in Bcc, or save the drafts as files"), c->tell_data);
      compose_free (c);
      return;
    }

  g_variant_builder_init (&handles, G_VARIANT_TYPE ("ah"));
  for (guint i = 0; i < draft->attachments->len; i++)
    {
      SecEmailAttachment *a = g_ptr_array_index (draft->attachments, i);
      g_autofree char *name = g_strdup_printf ("%s-%s", draft->language, a->filename);
      g_autofree char *path = g_build_filename (c->folder, name, NULL);
      gsize length;
      const void *data = g_bytes_get_data (a->contents, &length);
      int fd, handle;

      if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
          !sec_export_write_file (path, data, length, SEC_FILE_PERSONAL, &error))
        break;
      if ((fd = open (path, O_RDONLY | O_CLOEXEC)) < 0)
        continue;
      handle = g_unix_fd_list_append (fds, fd, NULL);
      close (fd);
      if (handle >= 0)
        g_variant_builder_add (&handles, "h", handle);
    }
  if (error != NULL)
    {
      c->tell (error->message, c->tell_data);
      g_variant_builder_clear (&handles);
      g_object_unref (bus);
      compose_free (c);
      return;
    }

  for (guint i = 0; i < draft->recipients->len; i++)
    g_strv_builder_add (to, ((SecEmailRecipient *) g_ptr_array_index (draft->recipients, i))->row->email);
  addresses = g_strv_builder_end (to);
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", c->emails->everyone_in_bcc ? "bcc" : "addresses",
                         g_variant_new_strv ((const char *const *) addresses, -1));
  g_variant_builder_add (&options, "{sv}", "subject", g_variant_new_string (draft->subject));
  g_variant_builder_add (&options, "{sv}", "body", g_variant_new_string (draft->body));
  g_variant_builder_add (&options, "{sv}", "attachment_fds", g_variant_builder_end (&handles));

  /* Listen for the answer before asking, on the path the portal will use
   * (the caller's unique name and a token of ours). */
  {
    g_autofree char *token = g_strdup_printf ("secretariat%u", g_random_int ());
    g_autofree char *sender = g_strdup (g_dbus_connection_get_unique_name (bus) + 1);

    g_strdelimit (sender, ".", '_');
    c->replied = FALSE;
    c->responded = FALSE;
    g_free (c->handle);
    c->handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
    g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
    wait_for_response (c, bus, c->handle);
  }

  g_dbus_connection_call_with_unix_fd_list (bus, PORTAL_BUS, PORTAL_PATH, PORTAL_EMAIL, "ComposeEmail",
                                            g_variant_new ("(sa{sv})", "", &options),
                                            G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, fds,
                                            c->cancellable, on_compose_done, c);
  g_object_unref (bus);
}

/* Public API */

/**
 * sec_email_compose:
 * @parent: the window the drafts come from
 * @emails: (transfer full): the drafts
 * @cancellable: (nullable): stops handing them over
 * @tell: what to tell the user (how many opened, or what went wrong)
 *
 * Hands the drafts to the mail program, one after the other, each once
 * the portal has answered the one before.
 */
void
sec_email_compose (GtkWindow           *parent,
                   SecMeetingEmails    *emails,
                   GCancellable        *cancellable,
                   SecEmailComposeTell  tell,
                   gpointer             tell_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  Compose *c;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (emails != NULL);
  g_return_if_fail (tell != NULL);

  if ((folder = make_attachment_folder (&error)) == NULL)
    {
      tell (error->message, tell_data);
      sec_meeting_emails_free (emails);
      return;
    }
  if (emails->drafts->len == 0)
    {
      sec_meeting_emails_free (emails);
      return;
    }

  c = g_new0 (Compose, 1);
  c->parent = g_object_ref (parent);
  c->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  c->tell = tell;
  c->tell_data = tell_data;
  c->emails = emails;
  c->folder = g_steal_pointer (&folder);
  compose_next (c);
}
