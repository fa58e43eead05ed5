/* sec-fold.c: case and accent folding, collation keys */
#define G_LOG_DOMAIN "sec-fold"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/base/sec-fold.h"

/* Letters that Unicode does not decompose into a base letter and a mark,
 * but that a reader takes for one: "Łódź" is found by "lodz". */
static const struct {
  gunichar    c;
  const char *ascii;
} special_letters[] = {
  { 0x0141, "l" }, { 0x0142, "l" },   /* Ł ł */
  { 0x00D8, "o" }, { 0x00F8, "o" },   /* Ø ø */
  { 0x0110, "d" }, { 0x0111, "d" },   /* Đ đ */
  { 0x00D0, "d" }, { 0x00F0, "d" },   /* Ð ð */
  { 0x0126, "h" }, { 0x0127, "h" },   /* Ħ ħ (Maltese) */
  { 0x0131, "i" },                    /* ı */
  { 0x00DF, "ss" }, { 0x1E9E, "ss" }, /* ß ẞ */
  { 0x00C6, "ae" }, { 0x00E6, "ae" }, /* Æ æ */
  { 0x0152, "oe" }, { 0x0153, "oe" }, /* Œ œ */
  { 0x00DE, "th" }, { 0x00FE, "th" }, /* Þ þ */
  { 0x2019, "'" }, { 0x2018, "'" },   /* ’ ‘ */
};

static const char *
special_letter (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (special_letters); i++)
    if (special_letters[i].c == c)
      return special_letters[i].ascii;
  return NULL;
}

char *
sec_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), g_strdup (""));

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *special;

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          continue;
        default:
          break;
        }

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }

      if ((special = special_letter (c)) != NULL)
        {
          g_string_append (out, special);
          continue;
        }

      {
        char buf[6];
        g_autofree char *folded = NULL;
        int len = g_unichar_to_utf8 (c, buf);

        folded = g_utf8_casefold (buf, len);
        /* Final sigma folds to σ, so "Ελληνικός" is found by "ελληνικοσ". */
        g_string_append (out, folded);
      }
    }

  return g_string_free (out, FALSE);
}

const char *
sec_collate_locale (void)
{
  const char *locale = setlocale (LC_COLLATE, NULL);

  return locale != NULL ? locale : "C";
}

static gboolean
locale_collates (void)
{
  const char *locale = sec_collate_locale ();

  return !(g_str_equal (locale, "C") || g_str_equal (locale, "POSIX") ||
           g_str_has_prefix (locale, "C."));
}

char *
sec_collate_key (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;

  if (text == NULL)
    text = "";

  if (locale_collates ())
    return g_utf8_collate_key (text, -1);

  /* The C locale compares code points: Z before a, Ł after z. Sort by the
   * folded text first, then by the text itself for a stable order. */
  folded = sec_fold (text);
  key = g_utf8_collate_key (text, -1);
  return g_strconcat (folded, "\001", key, NULL);
}
