/* test-email-portal.c: the "Write E-mails" dialog handing its drafts to a
 * mail program, as a desktop would see it. A fake
 * org.freedesktop.portal.Desktop on a private session bus (GTestDBus, so
 * that no real portal or mail program is ever reached) records what the
 * dialog sends: ComposeEmail with the addresses (one draft per recipient,
 * or one with everyone in Bcc), the subject, the text and the attachments
 * as file descriptors, whose content must be the meeting's real PDF. Without
 * the Email interface, the dialog falls back to a mailto: link, which GTK
 * opens through the fake OpenURI portal (GTK_USE_PORTAL and
 * GIO_USE_PORTALS make it go there rather than to a program on the
 * machine). */
#include "config.h"

#include <adwaita.h>
#include <gio/gunixfdlist.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "core/documents/sec-document.h"
#include "core/documents/sec-meeting-emails.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "ui/meetings/sec-email-dialog.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define JOINT_2027 3
#define PORTAL_BUS "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

/* What the fake portal offers (the fixture's data). */
enum {
  MODE_NO_EMAIL,  /* OpenURI only */
  MODE_EMAIL,     /* Email, each draft opened */
  MODE_FAILING,   /* Email, whose mail program fails */
};

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Email'>"
  "    <method name='ComposeEmail'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.OpenURI'>"
  "    <method name='OpenURI'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='s' name='uri' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

/* One call the fake portal received. */
typedef struct {
  char      *method;
  GVariant  *options;   /* ComposeEmail's a{sv}, OpenURI's a{sv} */
  char      *uri;       /* OpenURI's */
  GPtrArray *files;     /* (element-type GBytes) what each fd holds */
} PortalCall;

static void
portal_call_free (PortalCall *call)
{
  g_free (call->method);
  g_clear_pointer (&call->options, g_variant_unref);
  g_free (call->uri);
  g_ptr_array_unref (call->files);
  g_free (call);
}

typedef struct {
  char         *dir;
  SecStore     *store;
  GtkWidget    *window;

  /* The fake portal runs in a thread of its own, on its own connection,
   * as a separate program would: GLib's portal code makes synchronous
   * calls (properties) that a portal in the caller's thread could not
   * answer. */
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  gboolean      with_email;
  guint32       email_response; /* ComposeEmail's Response: 0 done, 2 failed */
  GMutex        lock;
  GCond         cond;
  gboolean      name_acquired;
  GPtrArray    *calls;      /* PortalCall, under lock */
} Fixture;

#define iterate sec_test_iterate

/* The fake portal */

/* Everything the descriptor @fd reads, from its start. */
static GBytes *
read_fd (int fd)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[8192];
  ssize_t n;

  g_assert_cmpint (lseek (fd, 0, SEEK_SET), ==, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_byte_array_append (data, buffer, (guint) n);
  g_assert_cmpint (n, ==, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Fixture *f = user_data;
  PortalCall *call = g_new0 (PortalCall, 1);
  GUnixFDList *fds = g_dbus_message_get_unix_fd_list (g_dbus_method_invocation_get_message (invocation));

  call->method = g_strdup (method);
  call->files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  if (g_str_equal (method, "ComposeEmail"))
    {
      g_autoptr(GVariant) handles = NULL;

      g_variant_get (parameters, "(&s@a{sv})", NULL, &call->options);
      handles = g_variant_lookup_value (call->options, "attachment_fds", G_VARIANT_TYPE ("ah"));
      for (gsize i = 0; handles != NULL && i < g_variant_n_children (handles); i++)
        {
          gint32 handle;
          int fd;

          g_variant_get_child (handles, i, "h", &handle);
          g_assert_nonnull (fds);
          fd = g_unix_fd_list_get (fds, handle, NULL);
          g_assert_cmpint (fd, >=, 0);
          g_ptr_array_add (call->files, read_fd (fd));
          close (fd);
        }
    }
  else
    g_variant_get (parameters, "(&ss@a{sv})", NULL, &call->uri, &call->options);
  g_mutex_lock (&f->lock);
  g_ptr_array_add (f->calls, call);
  g_mutex_unlock (&f->lock);

  /* The request and its answer, as the portal gives them: the caller
   * (GTK's OpenURI above all) waits for the Response of the request named
   * after its unique name and token, and holds its window until then. */
  {
    const char *token = "t";
    g_autofree char *escaped = g_strdup (sender + 1);
    g_autofree char *handle = NULL;

    g_variant_lookup (call->options, "handle_token", "&s", &token);
    g_strdelimit (escaped, ".", '_');
    handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", escaped, token);
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));
    g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request", "Response",
                                   g_variant_new ("(u@a{sv})", g_str_equal (method, "ComposeEmail") ? f->email_response : 0,
                                                  g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                   NULL);
  }
}

static GVariant *
on_get_property (GDBusConnection  *connection,
                 const char       *sender,
                 const char       *path,
                 const char       *interface,
                 const char       *property,
                 GError          **error,
                 gpointer          user_data)
{
  return g_variant_new_uint32 (4);
}

static const GDBusInterfaceVTable vtable = { on_method_call, on_get_property, NULL, { 0 } };

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  Fixture *f = user_data;

  g_mutex_lock (&f->lock);
  f->name_acquired = TRUE;
  g_cond_signal (&f->cond);
  g_mutex_unlock (&f->lock);
}

static gpointer
portal_thread (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  guint email_id = 0, open_uri_id, owner_id;

  g_main_context_push_thread_default (f->context);
  bus = g_dbus_connection_new_for_address_sync (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, &error);
  g_assert_no_error (error);
  if (f->with_email)
    email_id = g_dbus_connection_register_object (bus, PORTAL_PATH, node->interfaces[0], &vtable, f, NULL, NULL);
  open_uri_id = g_dbus_connection_register_object (bus, PORTAL_PATH, node->interfaces[1], &vtable, f, NULL, NULL);
  g_assert_cmpuint (open_uri_id, !=, 0);
  owner_id = g_bus_own_name_on_connection (bus, PORTAL_BUS, G_BUS_NAME_OWNER_FLAGS_NONE,
                                           on_name_acquired, NULL, f, NULL);
  g_main_loop_run (f->loop);

  g_bus_unown_name (owner_id);
  if (email_id != 0)
    g_dbus_connection_unregister_object (bus, email_id);
  g_dbus_connection_unregister_object (bus, open_uri_id);
  g_dbus_connection_close_sync (bus, NULL, NULL);
  g_main_context_pop_thread_default (f->context);
  return NULL;
}

static void
portal_up (Fixture *f,
           gboolean with_email)
{
  gint64 until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  g_mutex_init (&f->lock);
  g_cond_init (&f->cond);
  f->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) portal_call_free);
  f->with_email = with_email;
  f->context = g_main_context_new ();
  f->loop = g_main_loop_new (f->context, FALSE);
  f->thread = g_thread_new ("fake-portal", portal_thread, f);
  g_mutex_lock (&f->lock);
  while (!f->name_acquired)
    if (!g_cond_wait_until (&f->cond, &f->lock, until))
      break;
  g_mutex_unlock (&f->lock);
  g_assert_true (f->name_acquired);
}

static void
portal_down (Fixture *f)
{
  g_main_loop_quit (f->loop);
  g_thread_join (f->thread);
  g_main_loop_unref (f->loop);
  g_main_context_unref (f->context);
  g_ptr_array_unref (f->calls);
  g_mutex_clear (&f->lock);
  g_cond_clear (&f->cond);
}

static guint
n_calls (Fixture *f)
{
  guint n;

  g_mutex_lock (&f->lock);
  n = f->calls->len;
  g_mutex_unlock (&f->lock);
  return n;
}

/* Waits for @n calls (and a moment for any further one). */
static void
wait_for_calls (Fixture *f,
                guint    n)
{
  for (guint i = 0; i < 500 && n_calls (f) < n; i++)
    sec_test_wait_ms (10);
  sec_test_wait_ms (200);
}

/* Fixture */

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = sec_test_make_tmp_dir ("sec-email-portal-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  f->email_response = GPOINTER_TO_INT (data) == MODE_FAILING ? 2 : 0;
  portal_up (f, GPOINTER_TO_INT (data) != MODE_NO_EMAIL);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_destroy_windows ();
  portal_down (f);
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

/* Helpers */

static GtkWidget *
open_dialog (Fixture *f)
{
  GtkWidget *dialog = GTK_WIDGET (sec_email_dialog_new (GTK_WINDOW (f->window), f->store, JOINT_2027));

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  return dialog;
}

static AdwComboRow *
combo (GtkWidget *dialog, guint index)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  sec_test_collect_widgets (dialog, ADW_TYPE_COMBO_ROW, FALSE, all);
  g_assert_cmpuint (all->len, >, index);
  return g_ptr_array_index (all, index);
}

/* Ticks the check button of the row titled @title. */
static void
tick (GtkWidget  *dialog,
      const char *title)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWidget *row = sec_test_find_row (dialog, title);

  g_assert_nonnull (row);
  sec_test_collect_widgets (row, GTK_TYPE_CHECK_BUTTON, FALSE, checks);
  g_assert_cmpuint (checks->len, ==, 1);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  iterate ();
}

/* The drafts the core makes for what the dialog shows. */
static SecMeetingEmails *
expected_emails (Fixture            *f,
                 SecEmailKind        kind,
                 SecEmailAttachments attachments,
                 gboolean            bcc)
{
  g_autoptr(GError) error = NULL;
  SecMeetingEmailOptions options = {
    .kind = kind,
    .attachments = attachments,
    .everyone_in_bcc = bcc,
    .paper = sec_paper_get_default (),
  };
  SecMeetingEmails *emails = sec_meeting_emails_new (f->store, JOINT_2027, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (emails);
  return emails;
}

/* The text of a PDF handed over, through the files the tests read. */
static char *
pdf_text (Fixture *f,
          GBytes  *bytes,
          guint    n)
{
  g_autofree char *name = g_strdup_printf ("attachment-%u.pdf", n);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_true (g_file_set_contents (path, data, (gssize) length, &error));
  g_assert_no_error (error);
  return sec_test_read_pdf (path);
}

static GStrv
lookup_strv (GVariant   *options,
             const char *key)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (options, key, G_VARIANT_TYPE_STRING_ARRAY);

  return value != NULL ? g_variant_dup_strv (value, NULL) : NULL;
}

static char *
lookup_string (GVariant   *options,
               const char *key)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (options, key, G_VARIANT_TYPE_STRING);

  return value != NULL ? g_variant_dup_string (value, NULL) : NULL;
}

/* Tests */

/* One draft per recipient: each ComposeEmail has one address, its own
 * salutation, and the agenda as a descriptor of the real PDF. */
static void
test_one_per_recipient (Fixture *f, gconstpointer data)
{
  g_autoptr(SecMeetingEmails) expected = expected_emails (f, SEC_EMAIL_INVITATION, SEC_EMAIL_ATTACH_AGENDA, FALSE);
  g_autoptr(GHashTable) addresses = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SecRecord) meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, NULL);
  const char *title = sec_record_get_string (meeting, "title");
  GtkWidget *dialog = open_dialog (f);

  g_assert_cmpuint (expected->drafts->len, ==, 4);
  for (guint i = 0; i < expected->included->len; i++)
    g_hash_table_add (addresses, ((SecEmailRecipient *) g_ptr_array_index (expected->included, i))->row->email);

  tick (dialog, "A_genda");
  gtk_widget_activate_action (dialog, "emails.write", NULL);
  wait_for_calls (f, expected->drafts->len);
  g_assert_cmpuint (n_calls (f), ==, expected->drafts->len);

  for (guint i = 0; i < f->calls->len; i++)
    {
      PortalCall *call = g_ptr_array_index (f->calls, i);
      SecEmailDraft *draft = g_ptr_array_index (expected->drafts, i);
      SecEmailRecipient *r = g_ptr_array_index (draft->recipients, 0);
      g_auto(GStrv) to = lookup_strv (call->options, "addresses");
      g_auto(GStrv) bcc = lookup_strv (call->options, "bcc");
      g_autofree char *subject = lookup_string (call->options, "subject");
      g_autofree char *body = lookup_string (call->options, "body");
      g_autofree char *text = NULL;

      g_assert_cmpstr (call->method, ==, "ComposeEmail");
      g_assert_nonnull (to);
      g_assert_null (bcc);
      g_assert_cmpuint (g_strv_length (to), ==, 1);
      g_assert_cmpstr (to[0], ==, r->row->email);
      g_assert_true (g_hash_table_remove (addresses, to[0]));
      g_assert_cmpstr (subject, ==, draft->subject);
      g_assert_true (g_str_has_prefix (subject, "Invitation: "));
      g_assert_nonnull (strstr (subject, title));
      g_assert_cmpstr (body, ==, draft->body);
      g_assert_nonnull (strstr (body, r->row->family_name));

      g_assert_cmpuint (call->files->len, ==, 1);
      text = pdf_text (f, g_ptr_array_index (call->files, 0), i);
      g_assert_nonnull (strstr (text, "Agenda"));
      g_assert_nonnull (strstr (text, "Online recruitment"));
    }
  g_assert_cmpuint (g_hash_table_size (addresses), ==, 0);
}

/* One draft with everyone in Bcc, "To" nobody, and two attachments. */
static void
test_bcc (Fixture *f, gconstpointer data)
{
  g_autoptr(SecMeetingEmails) expected =
    expected_emails (f, SEC_EMAIL_INVITATION, SEC_EMAIL_ATTACH_AGENDA | SEC_EMAIL_ATTACH_PARTICIPANTS, TRUE);
  GtkWidget *dialog = open_dialog (f);
  PortalCall *call;
  g_auto(GStrv) to = NULL;
  g_auto(GStrv) bcc = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *agenda = NULL;
  g_autofree char *participants = NULL;

  adw_combo_row_set_selected (combo (dialog, 2), 1);
  iterate ();
  tick (dialog, "A_genda");
  tick (dialog, "_List of participants");
  gtk_widget_activate_action (dialog, "emails.write", NULL);
  wait_for_calls (f, 1);
  g_assert_cmpuint (n_calls (f), ==, 1);

  call = g_ptr_array_index (f->calls, 0);
  to = lookup_strv (call->options, "addresses");
  bcc = lookup_strv (call->options, "bcc");
  subject = lookup_string (call->options, "subject");
  g_assert_null (to);
  g_assert_nonnull (bcc);
  g_assert_cmpuint (g_strv_length (bcc), ==, expected->included->len);
  for (guint i = 0; i < expected->included->len; i++)
    g_assert_true (g_strv_contains ((const char *const *) bcc,
                                    ((SecEmailRecipient *) g_ptr_array_index (expected->included, i))->row->email));
  g_assert_cmpstr (subject, ==, ((SecEmailDraft *) g_ptr_array_index (expected->drafts, 0))->subject);

  g_assert_cmpuint (call->files->len, ==, 2);
  agenda = pdf_text (f, g_ptr_array_index (call->files, 0), 0);
  participants = pdf_text (f, g_ptr_array_index (call->files, 1), 1);
  g_assert_nonnull (strstr (agenda, "Agenda"));
  g_assert_nonnull (strstr (participants, "List of participants"));
  /* The public variant: names, never addresses. */
  g_assert_null (strstr (participants, "@example"));
  g_assert_nonnull (strstr (participants, "Jørgensen"));
}

/* Without the Email interface: a single draft opens through a mailto: link
 * (through the OpenURI portal here); several drafts do not. */
static void
test_mailto_fallback (Fixture *f, gconstpointer data)
{
  g_autoptr(SecMeetingEmails) expected = expected_emails (f, SEC_EMAIL_INVITATION, 0, TRUE);
  GtkWidget *dialog = open_dialog (f);
  g_autofree char *subject = NULL;
  PortalCall *call;

  /* Several drafts: nothing opens. */
  gtk_widget_activate_action (dialog, "emails.write", NULL);
  sec_test_wait_ms (1000);
  g_assert_cmpuint (n_calls (f), ==, 0);

  adw_combo_row_set_selected (combo (dialog, 2), 1);
  iterate ();
  gtk_widget_activate_action (dialog, "emails.write", NULL);
  wait_for_calls (f, 1);
  g_assert_cmpuint (n_calls (f), ==, 1);
  call = g_ptr_array_index (f->calls, 0);
  g_assert_cmpstr (call->method, ==, "OpenURI");
  g_test_message ("%s", call->uri);
  g_assert_true (g_str_has_prefix (call->uri, "mailto:?bcc="));
  for (guint i = 0; i < expected->included->len; i++)
    g_assert_nonnull (strstr (call->uri, ((SecEmailRecipient *) g_ptr_array_index (expected->included, i))->row->email));
  subject = g_uri_escape_string (((SecEmailDraft *) g_ptr_array_index (expected->drafts, 0))->subject, NULL, FALSE);
  g_assert_nonnull (strstr (call->uri, subject));
  g_assert_nonnull (strstr (call->uri, "&body="));
}

/* The mail program fails on the first draft (Response 2): the dialog
 * stops there rather than sending the others into the void. */
static void
test_failing (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = open_dialog (f);

  gtk_widget_activate_action (dialog, "emails.write", NULL);
  wait_for_calls (f, 2);
  g_assert_cmpuint (n_calls (f), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *display = NULL;
  int status;

  /* A private session bus with nothing on it but the fake portal, and a
   * cache folder of the test's own for the attachments. */
  cache = g_dir_make_tmp ("sec-email-portal-cache-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GTK_USE_PORTAL", "1", TRUE);
  g_setenv ("GIO_USE_PORTALS", "1", TRUE);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  /* g_test_dbus_up () unsets DISPLAY (against X11 autolaunch): Xvfb's is
   * needed. */
  display = g_strdup (g_getenv ("DISPLAY"));
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

  g_test_add ("/email-portal/one-per-recipient", Fixture, GINT_TO_POINTER (MODE_EMAIL), fixture_setup,
              test_one_per_recipient, fixture_teardown);
  g_test_add ("/email-portal/bcc", Fixture, GINT_TO_POINTER (MODE_EMAIL), fixture_setup, test_bcc, fixture_teardown);
  g_test_add ("/email-portal/failing", Fixture, GINT_TO_POINTER (MODE_FAILING), fixture_setup, test_failing,
              fixture_teardown);
  g_test_add ("/email-portal/mailto-fallback", Fixture, GINT_TO_POINTER (MODE_NO_EMAIL), fixture_setup,
              test_mailto_fallback, fixture_teardown);

  status = g_test_run ();
  sec_test_remove_tree (cache);
  /* g_test_dbus_down () would wait for the last reference to the session
   * connection, which GTK keeps to the end: stop the bus only, and leave
   * the process (not the bus) to end. */
  {
    g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

    if (connection != NULL)
      g_dbus_connection_set_exit_on_close (connection, FALSE);
  }
  g_test_dbus_stop (bus);
  (void) g_steal_pointer (&bus);
  return status;
}
