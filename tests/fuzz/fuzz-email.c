/* fuzz-email.c: an e-mail draft made from outside text: a template
 * expanded (fields in braces, empty lines dropped), a language list read,
 * an address checked, and a message written with that name, address,
 * subject, text and an attachment so named. Input: name, address, subject,
 * then the template, on lines of their own. The message must be 7-bit,
 * end its lines in CRLF, keep them under RFC 5322's 998 characters, and no
 * value may add a header of its own. */
#include "fuzz-common.h"

#include "core/documents/sec-email.h"
#include "core/documents/sec-email-templates.h"
#include "core/meetings/sec-emails.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *input = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SecEmail) email = sec_email_new ();
  g_autoptr(GBytes) contents = g_bytes_new (data, size);
  g_autoptr(GBytes) message = NULL;
  g_autofree char *body = NULL;
  g_autofree char *subject = NULL;
  const char *name, *address, *text;
  gsize length, column = 0, headers = 0;
  gboolean in_headers = TRUE;
  const char *bytes;

  fuzz_init ();
  input = fuzz_text (data, size);
  parts = g_strsplit (input, "\n", 4);
  name = parts[0] ? parts[0] : "";
  address = name[0] && parts[1] ? parts[1] : "a@example.org";
  subject = g_strdup (parts[0] && parts[1] && parts[2] ? parts[2] : "");
  text = parts[0] && parts[1] && parts[2] && parts[3] ? parts[3] : input;

  g_hash_table_insert (fields, (char *) "title", (char *) name);
  g_hash_table_insert (fields, (char *) "link", (char *) "");
  body = sec_email_template_expand (text, fields, FALSE);
  g_free (sec_email_template_expand (subject, fields, TRUE));
  (void) sec_email_template_pick_language (name);
  (void) sec_email_address_is_plain (address);

  sec_email_add_to (email, name, address);
  sec_email_set_subject (email, subject);
  sec_email_set_body (email, body);
  sec_email_add_attachment (email, subject[0] ? subject : "file.pdf", "application/pdf", contents);
  if ((message = sec_email_to_bytes (email, NULL)) == NULL)
    return 0;

  bytes = g_bytes_get_data (message, &length);
  for (gsize i = 0; i < length; i++)
    {
      if ((guchar) bytes[i] >= 0x80 || bytes[i] == '\0')
        abort ();
      if (bytes[i] == '\r' && (i + 1 >= length || bytes[i + 1] != '\n'))
        abort ();
      if (bytes[i] == '\n')
        {
          if (i == 0 || bytes[i - 1] != '\r')
            abort ();
          if (in_headers && column == 1)
            in_headers = FALSE;
          column = 0;
          continue;
        }
      /* A header line starts a header; only the program's own do. */
      if (in_headers && column == 0 && bytes[i] != ' ' && bytes[i] != '\r')
        {
          static const char *const known[] = { "To:", "Subject:", "Date:", "Message-ID:", "MIME-Version:",
                                               "X-Unsent:", "Content-Type:" };
          gboolean ok = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (known); k++)
            ok = ok || strncmp (bytes + i, known[k], strlen (known[k])) == 0;
          if (!ok)
            abort ();
          headers++;
        }
      if (++column > 998)
        abort ();
    }
  if (headers != 7)
    abort ();
  return 0;
}
