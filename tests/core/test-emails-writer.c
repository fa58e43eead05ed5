/* test-emails-writer.c: the RFC 5322 / MIME writer of the e-mails to a
 * meeting's participants (read back with a small decoder of our own:
 * headers unfolded, RFC 2047 words, quoted-printable, base64 parts), and
 * the drafts written to a folder, in a worker too, on the demo data. Who
 * they go to, what is recorded and the templates are in test-emails.c. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/documents/sec-email.h"
#include "core/documents/sec-meeting-emails.h"
#include "core/meetings/sec-emails.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-emails.h"
#include "sec-test-util.h"

/* The parts of a message: headers unfolded, by name (lower case). */
typedef struct {
  GHashTable *headers;
  char       *body;
} Part;

static void
part_free (Part *p)
{
  g_hash_table_unref (p->headers);
  g_free (p->body);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Part, part_free)

/* Splits @text (CRLF lines) into its headers and body. */
static Part *
parse_part (const char *text)
{
  Part *p = g_new0 (Part, 1);
  const char *end = strstr (text, "\r\n\r\n");
  g_autofree char *head = NULL;
  g_auto(GStrv) lines = NULL;
  char *last = NULL;

  g_assert_nonnull (end);
  p->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  head = g_strndup (text, end - text);
  p->body = g_strdup (end + 4);
  lines = g_strsplit (head, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 78);
      if (lines[i][0] == ' ' || lines[i][0] == '\t')
        {
          char *joined;

          g_assert_nonnull (last);
          joined = g_strconcat (g_hash_table_lookup (p->headers, last), lines[i], NULL);
          g_hash_table_insert (p->headers, g_strdup (last), joined);
        }
      else
        {
          const char *colon = strchr (lines[i], ':');

          g_assert_nonnull (colon);
          g_free (last);
          last = g_ascii_strdown (lines[i], colon - lines[i]);
          g_hash_table_insert (p->headers, g_strdup (last), g_strdup (colon + 2));
        }
    }
  g_free (last);
  return p;
}

/* RFC 2047 "B" words decoded; the folding space between two words goes. */
static char *
decode_words (const char *value)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = value;

  while (*p != '\0')
    {
      const char *start = strstr (p, "=?UTF-8?B?");
      const char *stop;
      g_autofree char *b64 = NULL;
      g_autofree guchar *bytes = NULL;
      gsize len;

      if (start == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, start - p);
      stop = strstr (start + 10, "?=");
      g_assert_nonnull (stop);
      b64 = g_strndup (start + 10, stop - start - 10);
      bytes = g_base64_decode (b64, &len);
      g_string_append_len (out, (const char *) bytes, len);
      p = stop + 2;
      if (g_str_has_prefix (p, " =?"))
        p++;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
decode_quoted_printable (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c++)
    {
      if (c[0] == '=' && c[1] == '\r' && c[2] == '\n')
        c += 2;
      else if (c[0] == '=')
        {
          g_assert_true (g_ascii_isxdigit (c[1]) && g_ascii_isxdigit (c[2]));
          g_string_append_c (out, (char) (g_ascii_xdigit_value (c[1]) * 16 + g_ascii_xdigit_value (c[2])));
          c += 2;
        }
      else if (c[0] == '\r' && c[1] == '\n')
        {
          g_string_append_c (out, '\n');
          c++;
        }
      else
        g_string_append_c (out, *c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every line ends in CRLF and has at most 78 characters. */
static void
assert_lines (const char *text,
              gsize       length)
{
  gsize column = 0;

  g_assert_cmpuint (strlen (text), ==, length);
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        {
          g_assert_true (i > 0 && text[i - 1] == '\r');
          column = 0;
          continue;
        }
      if (text[i] == '\r')
        g_assert_true (text[i + 1] == '\n');
      column++;
      if (column > 79)  /* 78 and the CR */
        g_error ("A line too long: %.*s", (int) column, text + i - column + 1);
    }
}

/* (element-type Part): the parts of the multipart @message. */
static GPtrArray *
split_multipart (Part *message)
{
  const char *type = g_hash_table_lookup (message->headers, "content-type");
  const char *b = strstr (type, "boundary=\"");
  g_autofree char *boundary = NULL;
  g_autofree char *delimiter = NULL;
  g_autofree char *closing = NULL;
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  const char *p;

  g_assert_true (g_str_has_prefix (type, "multipart/mixed;"));
  g_assert_nonnull (b);
  boundary = g_strndup (b + 10, strchr (b + 10, '"') - (b + 10));
  delimiter = g_strconcat ("\r\n--", boundary, "\r\n", NULL);
  closing = g_strconcat ("\r\n--", boundary, "--\r\n", NULL);
  g_assert_true (g_str_has_suffix (message->body, closing));
  p = strstr (message->body, delimiter);
  while (p != NULL)
    {
      const char *start = p + strlen (delimiter);
      const char *next = strstr (start, delimiter);
      const char *end = next != NULL ? next : strstr (start, closing);
      g_autofree char *text = g_strndup (start, end - start);

      g_ptr_array_add (parts, parse_part (text));
      p = next;
    }
  return parts;
}

/* The writer */

static void
test_message (void)
{
  g_autoptr(SecEmail) email = sec_email_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5\n\x01\x02\xff binary", 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(Part) message = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2027, 5, 3, 8, 5, 9);
  g_autofree char *subject = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  g_autofree guchar *decoded = NULL;
  g_autofree char *long_line = g_strnfill (200, 'x');
  g_autofree char *body = NULL;
  gsize length, decoded_length;
  const char *data;
  Part *part;

  body = g_strdup_printf ("Dear Dr Παπαδόπουλος,\n\nMeeting = “Plenary” 3 × 2 \n%s\n.\nEnd", long_line);
  sec_email_set_from (email, "Secretariat, Office", "office@example.eu");
  sec_email_add_to (email, "Łukasz Ó Súilleabháin", "l.os@example.org");
  sec_email_add_to (email, "Plain Name", "plain@example.org");
  sec_email_set_subject (email, "Invitation: Réunion plénière du réseau européen des rapporteurs nationaux\r\nBcc: eve@example.org");
  sec_email_set_body (email, body);
  sec_email_set_date (email, date);
  sec_email_add_attachment (email, "agenda.pdf", "application/pdf", pdf);
  sec_email_add_attachment (email, "ordre du jour é.pdf", "application/pdf", pdf);
  bytes = sec_email_to_bytes (email, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  assert_lines (data, length);
  for (gsize i = 0; i < length; i++)
    g_assert_cmpuint ((guchar) data[i], <, 0x80);

  message = parse_part (data);
  g_assert_cmpstr (g_hash_table_lookup (message->headers, "date"), ==, "Mon, 3 May 2027 08:05:09 +0000");
  g_assert_cmpstr (g_hash_table_lookup (message->headers, "mime-version"), ==, "1.0");
  g_assert_cmpstr (g_hash_table_lookup (message->headers, "from"), ==, "\"Secretariat, Office\" <office@example.eu>");
  g_assert_true (g_regex_match_simple ("^<[0-9a-f-]{36}@secretariat\\.invalid>$",
                                       g_hash_table_lookup (message->headers, "message-id"), 0, 0));
  g_assert_false (g_hash_table_contains (message->headers, "bcc"));
  subject = decode_words (g_hash_table_lookup (message->headers, "subject"));
  g_assert_cmpstr (subject, ==, "Invitation: Réunion plénière du réseau européen des rapporteurs nationaux  Bcc: eve@example.org");
  to = decode_words (g_hash_table_lookup (message->headers, "to"));
  g_assert_cmpstr (to, ==, "Łukasz Ó Súilleabháin <l.os@example.org>, Plain Name <plain@example.org>");

  parts = split_multipart (message);
  g_assert_cmpuint (parts->len, ==, 3);
  part = g_ptr_array_index (parts, 0);
  g_assert_cmpstr (g_hash_table_lookup (part->headers, "content-type"), ==, "text/plain; charset=UTF-8");
  g_assert_cmpstr (g_hash_table_lookup (part->headers, "content-transfer-encoding"), ==, "quoted-printable");
  text = decode_quoted_printable (part->body);
  g_assert_cmpstr (text, ==, g_strconcat (body, "\n", NULL));
  /* A space before a line end is encoded; "=" too. */
  sec_test_assert_contains (part->body, "2=20\r\n");
  sec_test_assert_contains (part->body, "Meeting =3D");

  part = g_ptr_array_index (parts, 1);
  g_assert_cmpstr (g_hash_table_lookup (part->headers, "content-type"), ==, "application/pdf; name=\"agenda.pdf\"");
  g_assert_cmpstr (g_hash_table_lookup (part->headers, "content-disposition"), ==, "attachment; filename=\"agenda.pdf\"");
  g_assert_cmpstr (g_hash_table_lookup (part->headers, "content-transfer-encoding"), ==, "base64");
  decoded = g_base64_decode (part->body, &decoded_length);
  g_assert_cmpmem (decoded, decoded_length, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  part = g_ptr_array_index (parts, 2);
  g_assert_cmpstr (g_hash_table_lookup (part->headers, "content-disposition"), ==,
                   "attachment; filename*=UTF-8''ordre%20du%20jour%20%C3%A9.pdf");
}

/* A long file name is cut into RFC 2231 continuations: no line of the
 * message passes 998 characters, and no percent escape is cut in two. */
static void
test_long_file_name (void)
{
  g_autoptr(SecEmail) email = sec_email_new ();
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4", 8);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (name, "é");
  sec_email_add_to (email, "Anna Müller", "anna@example.org");
  sec_email_set_subject (email, "Agenda");
  sec_email_set_body (email, "Text");
  sec_email_add_attachment (email, name->str, "application/pdf", pdf);
  bytes = sec_email_to_bytes (email, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, " filename*0*=UTF-8''%C3%A9"));
  g_assert_nonnull (strstr (text, " filename*1*=%"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 78);
      if (g_str_has_prefix (lines[i], " filename*"))
        {
          const char *end = lines[i] + strlen (lines[i]) - (g_str_has_suffix (lines[i], ";") ? 1 : 0);

          /* Ends on a whole escape: "%C3" or "%A9", never "%" or "%C". */
          g_assert_true (end[-3] == '%' && end[-1] != '%' && end[-2] != '%');
        }
    }
}

/* A long ASCII name or subject word cannot be folded as it is: it goes
 * out as encoded words, and no line passes 78 characters (found by
 * fuzzing: a name of 490 backslashes made a line of a thousand). */
static void
test_long_ascii_values (void)
{
  g_autoptr(SecEmail) email = sec_email_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backslashes = g_strnfill (490, '\\');
  g_autofree char *word = g_strnfill (300, 'w');
  g_autofree char *name = g_strdup_printf ("Ef%sJ", backslashes);
  g_autofree char *subject = g_strdup_printf ("Agenda %s", word);
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  sec_email_add_to (email, name, "anna@example.org");
  sec_email_set_subject (email, subject);
  sec_email_set_body (email, "Text");
  bytes = sec_email_to_bytes (email, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpuint (strlen (lines[i]), <=, 78);
  g_assert_nonnull (strstr (text, "To: =?UTF-8?B?RWZc"));
  g_assert_nonnull (strstr (text, "Subject: =?UTF-8?B?"));
  g_assert_nonnull (strstr (text, "<anna@example.org>"));
}

static void
test_message_refused (void)
{
  g_autoptr(SecEmail) email = sec_email_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Part) message = NULL;
  gsize length;

  g_assert_null (sec_email_to_bytes (email, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  sec_email_add_to (email, "Eve", "eve@example.org>\r\nBcc: <x@example.org");
  g_assert_null (sec_email_to_bytes (email, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_clear_pointer (&email, sec_email_free);

  /* Everyone in Bcc, no attachment: one text part. */
  email = sec_email_new ();
  sec_email_add_bcc (email, NULL, "a@example.org");
  sec_email_add_bcc (email, "B", "b@example.org");
  sec_email_set_subject (email, "Short");
  sec_email_set_body (email, "Hello");
  bytes = sec_email_to_bytes (email, &error);
  g_assert_no_error (error);
  message = parse_part (g_bytes_get_data (bytes, &length));
  g_assert_cmpstr (g_hash_table_lookup (message->headers, "to"), ==, "undisclosed-recipients:;");
  g_assert_cmpstr (g_hash_table_lookup (message->headers, "bcc"), ==, "a@example.org, B <b@example.org>");
  g_assert_cmpstr (g_hash_table_lookup (message->headers, "subject"), ==, "Short");
  g_assert_cmpstr (message->body, ==, "Hello\r\n");
}

/* Written to a folder */

static void
test_write_folder (SecTestEmails *f,
                   gconstpointer  data)
{
  SecMeetingEmailOptions options = { .kind = SEC_EMAIL_INVITATION, .attachments = SEC_EMAIL_ATTACH_AGENDA };
  g_autoptr(SecMeetingEmails) emails = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "drafts", "joint", NULL);
  g_autofree char *file = g_build_filename (f->dir, "a-file", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0, n_files = 0;
  GStatBuf st;

  emails = sec_meeting_emails_new (f->store, JOINT_2027, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (emails->drafts->len, >, 0);
  g_assert_true (sec_meeting_emails_write (emails, folder, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, emails->drafts->len);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  dir = g_dir_open (folder, 0, &error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(Part) message = NULL;
      g_autoptr(GPtrArray) parts = NULL;
      gsize length;

      g_assert_true (g_str_has_suffix (name, ".eml"));
      g_assert_true (g_ascii_isdigit (name[0]) && g_ascii_isdigit (name[1]) && name[2] == '-');
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      assert_lines (contents, length);
      message = parse_part (contents);
      g_assert_cmpstr (g_hash_table_lookup (message->headers, "x-unsent"), ==, "1");
      parts = split_multipart (message);
      g_assert_cmpuint (parts->len, ==, 2);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, n);

  /* A file where the folder should be: refused. */
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_false (sec_meeting_emails_write (emails, file, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_cmpuint (n, ==, 0);
}

/* Written in a worker, with progress and Cancel */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @folder, sorted. (transfer full) */
static GPtrArray *
list_names (const char *folder)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* A draft's file without what differs each time it is made: the date, the
 * Message-ID, the MIME boundary (random) and the attachments' bodies (each
 * PDF holds the second it was made, and its footer the minute: two writes
 * a moment apart differ there; /emails/message compares an attachment
 * with its document byte for byte). (transfer full) */
static char *
normalised (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) uuid = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 0, 0, NULL);
  g_autoptr(GRegex) date = g_regex_new ("^Date: [^\r\n]*", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) base64 = g_regex_new ("(Content-Transfer-Encoding: base64\r\n(?:[^\r\n]+\r\n)*\r\n)"
                                          "(?:[A-Za-z0-9+/=]+\r\n)+", G_REGEX_CASELESS, 0, NULL);
  g_autofree char *step = NULL;
  g_autofree char *step2 = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  step = g_regex_replace_literal (uuid, contents, -1, 0, "UUID", 0, NULL);
  step2 = g_regex_replace (base64, step, -1, 0, "\\1BASE64\r\n", 0, NULL);
  g_assert_nonnull (step2);
  /* The drafts of this test carry an agenda: it must have been found. */
  g_assert_nonnull (strstr (step2, "BASE64"));
  return g_regex_replace_literal (date, step2, -1, 0, "Date: -", 0, NULL);
}

typedef struct {
  gboolean      done;
  GAsyncResult *result;
  double        last;
  guint         n_reports;
  GCancellable *cancel_at_first;  /* cancelled at the first report */
} Waiter;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Waiter *w = user_data;

  g_assert_cmpfloat (fraction, >=, w->last);
  w->last = fraction;
  w->n_reports++;
  if (w->cancel_at_first != NULL)
    g_cancellable_cancel (w->cancel_at_first);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Waiter *w = user_data;

  w->result = g_object_ref (result);
  w->done = TRUE;
}

/* The drafts and the recipients read by a worker (on a read-only
 * connection of the store's readers: to the file, or a session of its own
 * on a server) are those the synchronous calls read. */
static void
test_new_async (SecTestEmails *f,
                gconstpointer  data)
{
  SecMeetingEmailOptions options = { .kind = SEC_EMAIL_INVITATION, .attachments = SEC_EMAIL_ATTACH_AGENDA };
  g_autoptr(SecMeetingEmails) sync = sec_meeting_emails_new (f->store, JOINT_2027, &options, NULL);
  g_autoptr(SecMeetingEmails) async = NULL;
  g_autoptr(GPtrArray) included = NULL;
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  g_assert_nonnull (sync);
  sec_meeting_emails_new_async (f->store, JOINT_2027, &options, NULL, NULL, NULL, sec_test_keep_result, &result);
  async = sec_meeting_emails_new_finish (sec_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_nonnull (async);
  g_assert_cmpuint (async->drafts->len, ==, sync->drafts->len);
  g_assert_cmpuint (async->included->len, ==, sync->included->len);
  g_assert_cmpuint (async->left_out->len, ==, sync->left_out->len);
  for (guint i = 0; i < sync->drafts->len; i++)
    {
      SecEmailDraft *a = g_ptr_array_index (async->drafts, i);
      SecEmailDraft *b = g_ptr_array_index (sync->drafts, i);

      g_assert_cmpstr (a->subject, ==, b->subject);
      g_assert_cmpstr (a->body, ==, b->body);
      g_assert_cmpuint (a->recipients->len, ==, b->recipients->len);
      g_assert_cmpstr (((SecEmailRecipient *) a->recipients->pdata[0])->name, ==,
                       ((SecEmailRecipient *) b->recipients->pdata[0])->name);
      g_assert_cmpuint (a->attachments->len, ==, b->attachments->len);
    }

  sec_emails_list_recipients_async (f->store, JOINT_2027, SEC_EMAIL_INVITATION, NULL, NULL, sec_test_keep_result, &result);
  g_assert_true (sec_emails_list_recipients_finish (sec_test_wait_result (&result), &included, &left_out, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (included->len, ==, sync->included->len);
  g_assert_cmpuint (left_out->len, ==, sync->left_out->len);
  for (guint i = 0; i < included->len; i++)
    g_assert_cmpstr (((SecEmailRecipient *) included->pdata[i])->name, ==,
                     ((SecEmailRecipient *) sync->included->pdata[i])->name);
}

/* The worker writes what the synchronous path writes, its progress reaching
 * 1; a cancel removes what it wrote and only that. */
static void
test_write_async (SecTestEmails *f,
                  gconstpointer  data)
{
  g_autoptr(SecMeetingEmails) emails = sec_test_emails_invitations (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_folder = g_build_filename (f->dir, "sync", NULL);
  g_autofree char *async_folder = g_build_filename (f->dir, "async", NULL);
  g_autofree char *kept = g_build_filename (f->dir, "kept", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh", "drafts", NULL);
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) sync_names = NULL;
  g_autoptr(GPtrArray) async_names = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *old = NULL;
  guint n_drafts = emails->drafts->len;
  Waiter w = { 0 };
  guint n = 99;

  g_assert_true (sec_meeting_emails_write (emails, sync_folder, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_drafts);

  /* In a worker: the same files, 0600, the progress up to 1. */
  sec_meeting_emails_write_async (sec_test_emails_invitations (f), async_folder, on_progress, &w, NULL, on_written, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  n = 99;
  g_assert_true (sec_meeting_emails_write_finish (w.result, &n, &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);
  g_assert_cmpuint (n, ==, n_drafts);
  g_assert_cmpfloat (w.last, ==, 1.0);
  g_assert_cmpuint (w.n_reports, >=, 1);
  sync_names = list_names (sync_folder);
  async_names = list_names (async_folder);
  g_assert_cmpuint (async_names->len, ==, n_drafts);
  g_assert_cmpuint (sync_names->len, ==, async_names->len);
  for (guint i = 0; i < sync_names->len; i++)
    {
      g_autofree char *a = g_build_filename (sync_folder, g_ptr_array_index (sync_names, i), NULL);
      g_autofree char *b = g_build_filename (async_folder, g_ptr_array_index (async_names, i), NULL);
      g_autofree char *na = NULL;
      g_autofree char *nb = NULL;
      GStatBuf st;

      g_assert_cmpstr (g_ptr_array_index (sync_names, i), ==, g_ptr_array_index (async_names, i));
      na = normalised (a);
      nb = normalised (b);
      g_assert_cmpstr (na, ==, nb);
      g_assert_cmpint (g_stat (b, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }

  /* Cancelled after the first file, in a folder with files of its own (one
   * with the name of the second draft): only those are left, untouched. */
  g_assert_cmpint (g_mkdir (kept, 0700), ==, 0);
  second = g_build_filename (kept, g_ptr_array_index (sync_names, 1), NULL);
  {
    g_autofree char *notes = g_build_filename (kept, "notes.txt", NULL);

    g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));
    g_assert_true (g_file_set_contents (second, "older", -1, NULL));
  }
  cancellable = g_cancellable_new ();
  w = (Waiter) { .cancel_at_first = cancellable };
  n = 99;
  g_assert_false (sec_meeting_emails_write_full (emails, kept, on_progress, &w, cancellable, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (w.n_reports, ==, 1);
  after = list_names (kept);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (after, 0), ==, g_ptr_array_index (sync_names, 1));
  g_assert_cmpstr (g_ptr_array_index (after, 1), ==, "notes.txt");
  g_assert_true (g_file_get_contents (second, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "older");

  /* A folder it made goes too. */
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  w = (Waiter) { .cancel_at_first = cancellable };
  g_assert_false (sec_meeting_emails_write_full (emails, fresh, on_progress, &w, cancellable, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  /* In a worker, cancelled: it says so, and leaves the folder as it was. */
  w = (Waiter) { 0 };
  sec_meeting_emails_write_async (sec_test_emails_invitations (f), kept, on_progress, &w, cancellable, on_written, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  n = 99;
  g_assert_false (sec_meeting_emails_write_finish (w.result, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&w.result);
  g_assert_cmpuint (n, ==, 0);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_names (kept);
  g_assert_cmpuint (after->len, ==, 2);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

#define ADD SEC_TEST_EMAILS_ADD
  ADD ("/emails/write-folder", test_write_folder);
  ADD ("/emails/write-async", test_write_async);
  ADD ("/emails/new-async", test_new_async);
#undef ADD
  g_test_add_func ("/emails/message", test_message);
  g_test_add_func ("/emails/message-refused", test_message_refused);
  g_test_add_func ("/emails/long-file-name", test_long_file_name);
  g_test_add_func ("/emails/long-ascii-values", test_long_ascii_values);

  return g_test_run ();
}
