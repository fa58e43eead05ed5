/* sec-email.c: an e-mail message as a file (RFC 5322, MIME) */
#define G_LOG_DOMAIN "sec-email"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/documents/sec-email.h"
#include "core/meetings/sec-emails.h"

#define CRLF "\r\n"
/* RFC 2045: encoded lines of at most 76 characters. */
#define LINE_MAX_CHARS 76
/* UTF-8 bytes per encoded word: "=?UTF-8?B?" + 60 characters of base64 +
 * "?=" stays under the 75 characters RFC 2047 allows. */
#define WORD_BYTES 45

typedef struct {
  char *name;
  char *address;
} Mailbox;

typedef struct {
  char   *filename;
  char   *mime_type;
  GBytes *contents;
} Attachment;

struct _SecEmail
{
  Mailbox    *from;
  GPtrArray  *to;           /* Mailbox */
  GPtrArray  *bcc;          /* Mailbox */
  char       *subject;
  char       *body;
  GDateTime  *date;
  GPtrArray  *attachments;  /* Attachment */
};

/* Helpers */

static Mailbox *
mailbox_new (const char *name,
             const char *address)
{
  Mailbox *m = g_new0 (Mailbox, 1);

  m->name = g_strdup (name);
  m->address = g_strdup (address);
  return m;
}

static void
mailbox_free (Mailbox *m)
{
  if (m == NULL)
    return;
  g_free (m->name);
  g_free (m->address);
  g_free (m);
}

static void
attachment_free (Attachment *a)
{
  g_free (a->filename);
  g_free (a->mime_type);
  g_bytes_unref (a->contents);
  g_free (a);
}

/* @text valid UTF-8 on one line: invalid bytes and control characters
 * (a line break would start a header of its own) become spaces or U+FFFD. */
static char *
dup_one_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (char *c = valid; *c != '\0'; c++)
    if ((guchar) *c < ' ' || *c == 0x7f)
      *c = ' ';
  return g_steal_pointer (&valid);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    if ((guchar) *c >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether a word of @line is too long to fold before it: plain text is
 * folded at spaces only. */
static gboolean
has_long_word (const char *line)
{
  gsize run = 0;

  for (const char *c = line; *c != '\0'; c++)
    {
      run = *c == ' ' ? 0 : run + 1;
      if (run > 76)
        return TRUE;
    }
  return FALSE;
}

/* RFC 2047 "B" encoded words for @text, separated by CRLF SP (folding),
 * each cut at a character's boundary; the first fits after @used
 * characters of its line. */
static void
append_encoded_words (GString    *out,
                      const char *text,
                      gsize       used)
{
  const char *p = text;
  /* 12: "=?UTF-8?B?" and "?="; 4 characters of base64 per 3 bytes. */
  gssize limit = MAX (6, (78 - (gssize) used - 12) / 4 * 3);

  limit = MIN (limit, WORD_BYTES);
  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *b64 = NULL;

      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);

          /* A character longer than the room still goes in alone. */
          if (next - p > limit && end != p)
            break;
          end = next;
        }
      b64 = g_base64_encode ((const guchar *) p, end - p);
      if (p != text)
        g_string_append (out, CRLF " ");
      g_string_append_printf (out, "=?UTF-8?B?%s?=", b64);
      p = end;
      limit = WORD_BYTES;
    }
}

/* An unstructured header value (a subject): plain ASCII folded at spaces,
 * else encoded words. */
static void
append_unstructured (GString    *out,
                     const char *text,
                     gsize       used)
{
  g_autofree char *line = dup_one_line (text);

  if (!is_ascii (line) || strstr (line, "=?") != NULL || has_long_word (line))
    {
      append_encoded_words (out, line, used);
      return;
    }
  {
    g_auto(GStrv) words = g_strsplit (line, " ", -1);
    gsize column = used;

    for (guint i = 0; words[i] != NULL; i++)
      {
        gsize len = strlen (words[i]);

        if (i > 0)
          {
            if (column + 1 + len > 78)
              {
                g_string_append (out, CRLF);
                column = 0;
              }
            g_string_append_c (out, ' ');
            column++;
          }
        g_string_append (out, words[i]);
        column += len;
      }
  }
}

/* A display name as a phrase: an atom sequence, a quoted string, or
 * encoded words. */
static void
append_phrase (GString    *out,
               const char *name,
               gsize       used)
{
  g_autofree char *line = dup_one_line (name);

  /* A phrase is not folded: one that would not fit its line is written
   * as encoded words, which are (found by fuzzing: a name of 490
   * backslashes, each doubled in quotes, made a line over RFC 5322's 998
   * characters). */
  if (!is_ascii (line) || strstr (line, "=?") != NULL || used + 2 * strlen (line) + 2 > 78)
    append_encoded_words (out, line, used);
  else if (strpbrk (line, "()<>[]:;@\\,.\"") == NULL)
    g_string_append (out, line);
  else
    {
      g_string_append_c (out, '"');
      for (const char *c = line; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
}

static gboolean
append_address_header (GString     *out,
                       const char  *header,
                       GPtrArray   *mailboxes,
                       GError     **error)
{
  if (mailboxes->len == 0)
    return TRUE;
  g_string_append_printf (out, "%s: ", header);
  for (guint i = 0; i < mailboxes->len; i++)
    {
      Mailbox *m = g_ptr_array_index (mailboxes, i);

      if (!sec_email_address_is_plain (m->address) || !is_ascii (m->address))
        {
          g_autofree char *shown = dup_one_line (m->address);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not an e-mail address a message can be sent to"), shown);
          return FALSE;
        }
      if (i > 0)
        g_string_append (out, "," CRLF " ");
      if (m->name != NULL && *m->name != '\0')
        {
          const char *line;

          append_phrase (out, m->name, i == 0 ? strlen (header) + 2 : 1);
          /* The address on a line of its own when it would go past 78. */
          line = g_strrstr (out->str, CRLF);
          line = line != NULL ? line + 2 : out->str;
          if (strlen (line) + strlen (m->address) + 3 > 78)
            g_string_append (out, CRLF);
          g_string_append_printf (out, " <%s>", m->address);
        }
      else
        g_string_append (out, m->address);
    }
  g_string_append (out, CRLF);
  return TRUE;
}

/* RFC 5322's date, with English names whatever the locale. */
static void
append_date (GString   *out,
             GDateTime *date)
{
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autofree char *rest = g_date_time_format (date, "%Y %H:%M:%S %z");

  g_string_append_printf (out, "Date: %s, %d %s %s" CRLF,
                          days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1], rest);
}

/* Quoted-printable (RFC 2045) of @text, lines ending in CRLF. */
static void
append_quoted_printable (GString    *out,
                         const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_auto(GStrv) lines = g_strsplit (valid, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const guchar *c = (const guchar *) lines[i];
      gsize len = strlen (lines[i]);
      gsize column = 0;

      if (len > 0 && c[len - 1] == '\r')
        len--;
      for (gsize j = 0; j < len; j++)
        {
          char piece[4];
          gboolean last = j + 1 == len;

          if ((c[j] >= 33 && c[j] <= 126 && c[j] != '=') || ((c[j] == ' ' || c[j] == '\t') && !last))
            {
              piece[0] = (char) c[j];
              piece[1] = '\0';
            }
          else
            g_snprintf (piece, sizeof piece, "=%02X", c[j]);
          /* Room for the piece and a soft break's "=". */
          if (column + strlen (piece) > LINE_MAX_CHARS - 1)
            {
              g_string_append (out, "=" CRLF);
              column = 0;
            }
          g_string_append (out, piece);
          column += strlen (piece);
        }
      g_string_append (out, CRLF);
    }
}

static void
append_base64 (GString *out,
               GBytes  *bytes)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  g_autofree char *b64 = g_base64_encode (data, length);
  gsize total = strlen (b64);

  for (gsize i = 0; i < total; i += LINE_MAX_CHARS)
    {
      g_string_append_len (out, b64 + i, MIN (LINE_MAX_CHARS, total - i));
      g_string_append (out, CRLF);
    }
}

/* A MIME parameter on a line of its own: name="value" for plain ASCII,
 * else RFC 2231's name*=UTF-8''percent-encoded. A long value is cut into
 * RFC 2231 continuations (name*0, name*1...), so that no line passes the
 * 998 characters RFC 5322 allows, nor a percent escape is cut in two. */
#define PARAMETER_PIECE 64

static void
append_parameter (GString    *out,
                  const char *name,
                  const char *value)
{
  g_autofree char *line = dup_one_line (value);
  gboolean plain = is_ascii (line) && strpbrk (line, "\"\\") == NULL;
  g_autofree char *escaped = plain ? NULL : g_uri_escape_string (line, NULL, FALSE);
  g_autofree char *text = plain ? g_strdup (line) : g_strconcat ("UTF-8''", escaped, NULL);
  gsize length = strlen (text);

  if (length <= PARAMETER_PIECE)
    {
      if (plain)
        g_string_append_printf (out, ";" CRLF " %s=\"%s\"", name, text);
      else
        g_string_append_printf (out, ";" CRLF " %s*=%s", name, text);
      return;
    }
  for (gsize start = 0, piece = 0; start < length; piece++)
    {
      gsize n = MIN (PARAMETER_PIECE, length - start);

      if (!plain && start + n < length)
        {
          if (text[start + n - 1] == '%')
            n -= 1;
          else if (text[start + n - 2] == '%')
            n -= 2;
        }
      g_string_append_printf (out, ";" CRLF " %s*%" G_GSIZE_FORMAT "%s=%s%.*s%s", name, piece, plain ? "" : "*",
                              plain ? "\"" : "", (int) n, text + start, plain ? "\"" : "");
      start += n;
    }
}

static void
append_text_part_headers (GString *out)
{
  g_string_append (out, "Content-Type: text/plain; charset=UTF-8" CRLF
                        "Content-Transfer-Encoding: quoted-printable" CRLF);
}

/* Public API */

SecEmail *
sec_email_new (void)
{
  SecEmail *self = g_new0 (SecEmail, 1);

  self->to = g_ptr_array_new_with_free_func ((GDestroyNotify) mailbox_free);
  self->bcc = g_ptr_array_new_with_free_func ((GDestroyNotify) mailbox_free);
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  return self;
}

void
sec_email_free (SecEmail *self)
{
  if (self == NULL)
    return;
  mailbox_free (self->from);
  g_ptr_array_unref (self->to);
  g_ptr_array_unref (self->bcc);
  g_ptr_array_unref (self->attachments);
  g_free (self->subject);
  g_free (self->body);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self);
}

void
sec_email_set_from (SecEmail   *self,
                    const char *name,
                    const char *address)
{
  g_return_if_fail (self != NULL);

  mailbox_free (self->from);
  self->from = address != NULL ? mailbox_new (name, address) : NULL;
}

void
sec_email_add_to (SecEmail   *self,
                  const char *name,
                  const char *address)
{
  g_return_if_fail (self != NULL && address != NULL);

  g_ptr_array_add (self->to, mailbox_new (name, address));
}

void
sec_email_add_bcc (SecEmail   *self,
                   const char *name,
                   const char *address)
{
  g_return_if_fail (self != NULL && address != NULL);

  g_ptr_array_add (self->bcc, mailbox_new (name, address));
}

void
sec_email_set_subject (SecEmail   *self,
                       const char *subject)
{
  g_return_if_fail (self != NULL);

  g_free (self->subject);
  self->subject = g_strdup (subject);
}

void
sec_email_set_body (SecEmail   *self,
                    const char *body)
{
  g_return_if_fail (self != NULL);

  g_free (self->body);
  self->body = g_strdup (body);
}

void
sec_email_set_date (SecEmail  *self,
                    GDateTime *date)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);
}

void
sec_email_add_attachment (SecEmail   *self,
                          const char *filename,
                          const char *mime_type,
                          GBytes     *contents)
{
  Attachment *a;

  g_return_if_fail (self != NULL && filename != NULL && contents != NULL);

  a = g_new0 (Attachment, 1);
  a->filename = g_strdup (filename);
  a->mime_type = g_strdup (mime_type != NULL ? mime_type : "application/octet-stream");
  a->contents = g_bytes_ref (contents);
  g_ptr_array_add (self->attachments, a);
}

/**
 * sec_email_to_bytes:
 *
 * Returns: (transfer full): the message
 */
GBytes *
sec_email_to_bytes (SecEmail  *self,
                    GError   **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *message_id = g_uuid_string_random ();
  g_autofree char *boundary = NULL;
  g_autofree char *boundary_id = g_uuid_string_random ();

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->to->len == 0 && self->bcc->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("A message needs a recipient"));
      return NULL;
    }

  if (self->from != NULL)
    {
      g_autoptr(GPtrArray) from = g_ptr_array_new ();

      g_ptr_array_add (from, self->from);
      if (!append_address_header (out, "From", from, error))
        return NULL;
    }
  if (self->to->len > 0)
    {
      if (!append_address_header (out, "To", self->to, error))
        return NULL;
    }
  else
    g_string_append (out, "To: undisclosed-recipients:;" CRLF);
  if (!append_address_header (out, "Bcc", self->bcc, error))
    return NULL;
  g_string_append (out, "Subject: ");
  append_unstructured (out, self->subject != NULL ? self->subject : "", strlen ("Subject: "));
  g_string_append (out, CRLF);
  if (self->date == NULL)
    now = g_date_time_new_now_local ();
  append_date (out, self->date != NULL ? self->date : now);
  g_string_append_printf (out, "Message-ID: <%s@secretariat.invalid>" CRLF, message_id);
  g_string_append (out, "MIME-Version: 1.0" CRLF "X-Unsent: 1" CRLF);

  if (self->attachments->len == 0)
    {
      append_text_part_headers (out);
      g_string_append (out, CRLF);
      append_quoted_printable (out, self->body);
      return g_string_free_to_bytes (g_steal_pointer (&out));
    }

  /* Base64 and quoted-printable never produce "=_" followed by this. */
  boundary = g_strdup_printf ("=_sec_%s", boundary_id);
  g_string_append_printf (out, "Content-Type: multipart/mixed;" CRLF " boundary=\"%s\"" CRLF CRLF, boundary);
  g_string_append (out, "This is a message in MIME format." CRLF);
  g_string_append_printf (out, CRLF "--%s" CRLF, boundary);
  append_text_part_headers (out);
  g_string_append (out, CRLF);
  append_quoted_printable (out, self->body);
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *a = g_ptr_array_index (self->attachments, i);

      g_string_append_printf (out, CRLF "--%s" CRLF "Content-Type: %s", boundary, a->mime_type);
      append_parameter (out, "name", a->filename);
      g_string_append (out, CRLF "Content-Transfer-Encoding: base64" CRLF "Content-Disposition: attachment");
      append_parameter (out, "filename", a->filename);
      g_string_append (out, CRLF CRLF);
      append_base64 (out, a->contents);
    }
  g_string_append_printf (out, CRLF "--%s--" CRLF, boundary);
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
