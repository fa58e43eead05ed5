/* sec-store-letterhead.c: the office's letterhead in the settings table
 *
 * Three keys: the name and the reference as text, the logo as base64 (the
 * settings table holds text, and a logo of a few kilobytes does not call
 * for a table of its own).
 */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/store/sec-store-letterhead.h"
#include "core/store/sec-store-error.h"
#include "core/store/sec-store-private.h"

#define KEY_NAME      "letterhead-name"
#define KEY_REFERENCE "letterhead-reference"
#define KEY_LOGO      "letterhead-logo"

/* Pixels a side: a small file cannot ask the renderer for a huge image. */
#define LOGO_MAX_SIDE 4096

void
sec_letterhead_free (SecLetterhead *letterhead)
{
  if (letterhead == NULL)
    return;
  g_free (letterhead->name);
  g_free (letterhead->reference);
  g_clear_pointer (&letterhead->logo, g_bytes_unref);
  g_free (letterhead);
}

gboolean
sec_letterhead_is_empty (const SecLetterhead *letterhead)
{
  return letterhead == NULL
         || (letterhead->name == NULL && letterhead->reference == NULL && letterhead->logo == NULL);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

gboolean
sec_letterhead_check_logo (GBytes  *png,
                           GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size = 0;
  const guint8 *data;

  g_return_val_if_fail (png != NULL, FALSE);

  data = g_bytes_get_data (png, &size);
  if (size > SEC_LETTERHEAD_LOGO_MAX)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   /* TRANSLATORS: %d is a number of megabytes */
                   _("The logo is too large: at most %d MB"), SEC_LETTERHEAD_LOGO_MAX / (1024 * 1024));
      return FALSE;
    }
  /* The signature, then the IHDR chunk (13 bytes: width and height first). */
  if (size < 8 + 8 + 13 || memcmp (data, signature, 8) != 0
      || read_be32 (data + 8) != 13 || memcmp (data + 12, "IHDR", 4) != 0
      || read_be32 (data + 16) == 0 || read_be32 (data + 20) == 0)
    {
      g_set_error_literal (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                           _("The logo is not a PNG image"));
      return FALSE;
    }
  if (read_be32 (data + 16) > LOGO_MAX_SIDE || read_be32 (data + 20) > LOGO_MAX_SIDE)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   /* TRANSLATORS: %d is a number of pixels */
                   _("The logo is too large: at most %d × %d pixels"), LOGO_MAX_SIDE, LOGO_MAX_SIDE);
      return FALSE;
    }
  return TRUE;
}

static char *
blank_to_null (char *text)
{
  if (text != NULL && *g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/**
 * sec_store_get_letterhead:
 *
 * Returns: (transfer full): the letterhead
 */
SecLetterhead *
sec_store_get_letterhead (SecStore *self)
{
  SecLetterhead *letterhead = g_new0 (SecLetterhead, 1);
  g_autofree char *logo = NULL;

  g_return_val_if_fail (SEC_IS_STORE (self), letterhead);

  letterhead->name = blank_to_null (_sec_store_get_setting (self, KEY_NAME));
  letterhead->reference = blank_to_null (_sec_store_get_setting (self, KEY_REFERENCE));
  logo = blank_to_null (_sec_store_get_setting (self, KEY_LOGO));
  if (logo != NULL)
    {
      gsize size = 0;
      guchar *data = g_base64_decode (logo, &size);
      g_autoptr(GBytes) bytes = g_bytes_new_take (data, size);

      if (sec_letterhead_check_logo (bytes, NULL))
        letterhead->logo = g_steal_pointer (&bytes);
    }
  return letterhead;
}

gboolean
sec_store_set_letterhead_text (SecStore    *self,
                               const char  *name,
                               const char  *reference,
                               GError     **error)
{
  g_autofree char *n = blank_to_null (g_strdup (name));
  g_autofree char *r = blank_to_null (g_strdup (reference));

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  if (!sec_store_begin (self, error))
    return FALSE;
  if (!_sec_store_set_setting (self, KEY_NAME, n, error)
      || !_sec_store_set_setting (self, KEY_REFERENCE, r, error))
    {
      sec_store_rollback (self);
      return FALSE;
    }
  return sec_store_commit_or_rollback (self, error);
}

gboolean
sec_store_set_letterhead_logo (SecStore    *self,
                               GBytes      *png,
                               GError     **error)
{
  g_autofree char *encoded = NULL;

  g_return_val_if_fail (SEC_IS_STORE (self), FALSE);

  if (png != NULL)
    {
      gsize size = 0;
      const guchar *data = g_bytes_get_data (png, &size);

      if (!sec_letterhead_check_logo (png, error))
        return FALSE;
      encoded = g_base64_encode (data, size);
    }
  if (!sec_store_begin (self, error))
    return FALSE;
  if (!_sec_store_set_setting (self, KEY_LOGO, encoded, error))
    {
      sec_store_rollback (self);
      return FALSE;
    }
  return sec_store_commit_or_rollback (self, error);
}
