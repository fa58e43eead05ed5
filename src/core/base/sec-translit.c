/* sec-translit.c: the Latin spellings people type for Greek and Cyrillic names
 *
 * ICU's transliterators do the work (its rules follow the standards; tables
 * of our own would drift from them). Plain "Any-Latin" is not used: it gives
 * the scholarly "Demetra" for Δήμητρα, which nobody types. The only file that
 * includes ICU.
 */
#define G_LOG_DOMAIN "sec-translit"

#include "config.h"

#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "core/base/sec-fold.h"
#include "core/base/sec-translit.h"

typedef enum {
  SCRIPT_GREEK = 1 << 0,
  SCRIPT_CYRILLIC = 1 << 1,
} Script;

/* The forms made for each script: the romanisation of passports and
 * official documents first, then the scholarly one. */
static const struct {
  Script      script;
  const char *id;
} transliterators[] = {
  { SCRIPT_GREEK, "Greek-Latin/UNGEGN" },       /* ELOT 743: Δήμητρα → Dimitra */
  { SCRIPT_CYRILLIC, "Bulgarian-Latin/BGN" },   /* Streamlined System: Ципов → Tsipov */
  { SCRIPT_CYRILLIC, "Russian-Latin/BGN" },     /* Щербаков → Shcherbakov */
  { SCRIPT_CYRILLIC, "Ukrainian-Latin/BGN" },   /* Євген → Yevhen */
  { SCRIPT_CYRILLIC, "Cyrillic-Latin" },        /* ISO 9: Ципов → Cipov, Ђоковић → Đoković */
};

/* A UTransliterator is not safe to share between threads: each one is used
 * under this lock (backups and exports run in worker threads). */
static GMutex lock;
static UTransliterator *opened[G_N_ELEMENTS (transliterators)];
static gboolean tried[G_N_ELEMENTS (transliterators)];

static Script
scripts_of (const char *text)
{
  Script scripts = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        continue;
      c = g_utf8_get_char (p);
      if ((c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF))
        scripts |= SCRIPT_GREEK;
      else if ((c >= 0x0400 && c <= 0x052F) || (c >= 0x1C80 && c <= 0x1C8F) ||
               (c >= 0x2DE0 && c <= 0x2DFF) || (c >= 0xA640 && c <= 0xA69F))
        scripts |= SCRIPT_CYRILLIC;
    }
  return scripts;
}

gboolean
sec_translit_needs_latin (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) && scripts_of (text) != 0;
}

/* (transfer none) (nullable): called with the lock held. */
static UTransliterator *
get_transliterator (guint i)
{
  if (!tried[i])
    {
      UErrorCode status = U_ZERO_ERROR;
      UChar id[64];

      tried[i] = TRUE;
      u_uastrcpy (id, transliterators[i].id);
      opened[i] = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        {
          /* An ICU without this rule still searches by the text itself. */
          g_warning ("No transliterator %s: %s", transliterators[i].id, u_errorName (status));
          opened[i] = NULL;
        }
    }
  return opened[i];
}

/* (transfer full) (nullable): @text through transliterator @i. */
static char *
transliterate (guint       i,
               const char *text)
{
  g_autofree UChar *buffer = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0, capacity, limit;
  UTransliterator *trans;

  u_strFromUTF8 (NULL, 0, &length, text, -1, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;
  /* Latin forms are longer than their letters (Щ → Shch): room for 4x. */
  capacity = length * 4 + 16;
  buffer = g_new (UChar, capacity);
  status = U_ZERO_ERROR;
  u_strFromUTF8 (buffer, capacity, &length, text, -1, &status);
  if (U_FAILURE (status))
    return NULL;

  g_mutex_lock (&lock);
  trans = get_transliterator (i);
  limit = length;
  if (trans != NULL)
    utrans_transUChars (trans, buffer, &length, capacity, 0, &limit, &status);
  g_mutex_unlock (&lock);
  if (trans == NULL || U_FAILURE (status))
    return NULL;

  {
    char *out;
    int32_t out_length = 0;

    status = U_ZERO_ERROR;
    u_strToUTF8 (NULL, 0, &out_length, buffer, length, &status);
    out = g_malloc (out_length + 1);
    status = U_ZERO_ERROR;
    u_strToUTF8 (out, out_length + 1, NULL, buffer, length, &status);
    if (U_FAILURE (status))
      {
        g_free (out);
        return NULL;
      }
    return out;
  }
}

/* Removes the signs for soft and hard letters (Игорь → Igorʹ), which
 * nobody types, in place. */
static void
strip_modifier_letters (char *text)
{
  char *out = text;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int len = g_utf8_next_char (p) - p;

      if (g_unichar_type (c) == G_UNICODE_MODIFIER_LETTER || c == 0x2019 || c == 0x2018)
        continue;
      memmove (out, p, len);
      out += len;
    }
  *out = '\0';
}

char *
sec_translit_latin_forms (const char *text)
{
  Script scripts;
  g_autoptr(GPtrArray) forms = NULL;
  g_autofree char *folded = NULL;

  /* Text that is not UTF-8 folds to nothing (sec_fold ()). */
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || (scripts = scripts_of (text)) == 0)
    return NULL;

  folded = sec_fold (text);
  forms = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (transliterators); i++)
    {
      g_autofree char *latin = NULL;
      g_autofree char *form = NULL;
      gboolean seen = FALSE;

      if (!(scripts & transliterators[i].script) || (latin = transliterate (i, text)) == NULL)
        continue;
      strip_modifier_letters (latin);
      form = sec_fold (latin);
      /* A rule for one language leaves another's letters as they were
       * (Bulgarian has no Ё): such a half-Latin form helps nobody. */
      if (scripts_of (form) != 0 || *form == '\0' || g_str_equal (form, folded))
        continue;
      for (guint j = 0; j < forms->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (forms, j), form);
      if (!seen)
        g_ptr_array_add (forms, g_steal_pointer (&form));
    }
  if (forms->len == 0)
    return NULL;
  g_ptr_array_add (forms, NULL);
  return g_strjoinv (" ", (char **) forms->pdata);
}

char *
sec_translit_latin_name (const char *text)
{
  Script scripts;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || (scripts = scripts_of (text)) == 0)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (transliterators); i++)
    {
      g_autofree char *latin = NULL;

      if (!(scripts & transliterators[i].script) || (latin = transliterate (i, text)) == NULL)
        continue;
      strip_modifier_letters (latin);
      /* UNGEGN marks the Greek letters it spells alike (η → i̱, the stress
       * as an accent); a passport spells them plain: Dimitra. */
      if (transliterators[i].script == SCRIPT_GREEK)
        {
          g_autofree char *decomposed = g_utf8_normalize (latin, -1, G_NORMALIZE_NFD);
          g_autoptr(GString) plain = g_string_new (NULL);

          for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
            if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_NON_SPACING_MARK)
              g_string_append_unichar (plain, g_utf8_get_char (p));
          g_free (latin);
          latin = g_utf8_normalize (plain->str, -1, G_NORMALIZE_NFC);
        }
      /* A rule for one language leaves another's letters as they were. */
      if (scripts_of (latin) == 0 && *latin != '\0')
        return g_steal_pointer (&latin);
    }
  return NULL;
}

char *
sec_fold_for_search (const char *text)
{
  g_autofree char *folded = sec_fold (text);
  g_autofree char *forms = sec_translit_latin_forms (text);

  if (forms == NULL)
    return g_steal_pointer (&folded);
  return g_strconcat (folded, " ", forms, NULL);
}

GPtrArray *
sec_translit_alternatives (const char *const *words)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_autofree char *forms = NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (*words[i] == '\0')
        continue;
      g_strv_builder_add (builder, words[i]);
      if ((forms = sec_translit_latin_forms (words[i])) != NULL)
        {
          g_auto(GStrv) split = g_strsplit (forms, " ", -1);
          for (guint j = 0; split[j]; j++)
            if (*split[j] != '\0')
              g_strv_builder_add (builder, split[j]);
        }
      g_ptr_array_add (all, g_strv_builder_end (builder));
    }
  return all;
}
