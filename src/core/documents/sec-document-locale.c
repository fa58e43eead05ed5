/* sec-document-locale.c: the language a document is written in */
#define G_LOG_DOMAIN "sec-document-locale"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/documents/sec-document-locale.h"
#include "core/base/sec-fold.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

/* A message catalogue (.mo file) read into a table. */
typedef struct {
  GMappedFile *file;
  GHashTable  *messages;  /* msgid -> msgstr, both in the mapping */
} Catalogue;

struct _SecDocumentLocale
{
  gatomicrefcount  ref_count;
  char            *language;   /* NULL: the user's */
  locale_t         locale;     /* (locale_t) 0 for the user's */
  gboolean         collates;   /* the locale sorts by language rules */
  Catalogue       *messages;   /* "secretariat" */
  Catalogue       *countries;  /* "iso_3166-1" of the iso-codes package */
};

static const char *const languages[] = { "en", "de", "fr", NULL };
static const char *const language_names[] = { "English", "Deutsch", "Français", NULL };

/* Static helpers */

static void
catalogue_free (Catalogue *cat)
{
  if (cat == NULL)
    return;
  g_clear_pointer (&cat->messages, g_hash_table_unref);
  g_clear_pointer (&cat->file, g_mapped_file_unref);
  g_free (cat);
}

static guint32
read_u32 (const guchar *data,
          gboolean      swapped)
{
  guint32 v;

  memcpy (&v, data, sizeof v);
  return swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* A string of the table at @table, entry @i: its length and offset, checked
 * to lie in the file and to end with the NUL the format puts after each. */
static const char *
mo_string (const guchar *data,
           gsize         size,
           guint32       table,
           guint32       i,
           gboolean      swapped)
{
  guint64 entry = (guint64) table + (guint64) i * 8;
  guint32 len, offset;

  if (entry + 8 > size)
    return NULL;
  len = read_u32 (data + entry, swapped);
  offset = read_u32 (data + entry + 4, swapped);
  if ((guint64) offset + len + 1 > size || data[offset + len] != '\0')
    return NULL;
  return (const char *) data + offset;
}

/* Reads @path, a GNU .mo file; NULL when missing or not one. */
static Catalogue *
catalogue_load (const char *path)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GHashTable) messages = NULL;
  const guchar *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swapped;
  Catalogue *cat;

  if ((file = g_mapped_file_new (path, FALSE, NULL)) == NULL)
    return NULL;
  data = (const guchar *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (data == NULL || size < 28)
    return NULL;

  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    {
      g_debug ("%s is not a message catalogue", path);
      return NULL;
    }
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data + 8, swapped);
  originals = read_u32 (data + 12, swapped);
  translations = read_u32 (data + 16, swapped);

  messages = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n; i++)
    {
      const char *id = mo_string (data, size, originals, i, swapped);
      const char *str = mo_string (data, size, translations, i, swapped);

      /* The header has the empty msgid; untranslated entries are left out
       * by msgfmt, but an empty msgstr would hide the msgid. */
      if (id == NULL || str == NULL)
        break;
      if (*id != '\0' && *str != '\0')
        g_hash_table_insert (messages, (gpointer) id, (gpointer) str);
    }

  cat = g_new0 (Catalogue, 1);
  cat->file = g_steal_pointer (&file);
  cat->messages = g_steal_pointer (&messages);
  return cat;
}

/* The catalogue of @domain for @language, from the folder gettext uses for
 * that domain (bindtextdomain ()), so that the program's, the tests' and a
 * Flatpak's folders all work. */
static Catalogue *
catalogue_find (const char *domain,
                const char *language)
{
  const char *dir = bindtextdomain (domain, NULL);
  g_autofree char *name = g_strconcat (domain, ".mo", NULL);
  g_autofree char *path = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, language, "LC_MESSAGES", name, NULL);
  return catalogue_load (path);
}

static const char *
catalogue_lookup (Catalogue  *cat,
                  const char *msgid)
{
  const char *str = cat ? g_hash_table_lookup (cat->messages, msgid) : NULL;

  return str ? str : msgid;
}

/* A C locale for @language: its usual country first, then others. */
static locale_t
new_locale (const char *language,
            gboolean   *collates)
{
  g_autofree char *upper = g_ascii_strup (language, -1);
  g_autofree char *usual = g_strdup_printf ("%s_%s.UTF-8", language, upper);
  g_autofree char *gb = g_strdup_printf ("%s_GB.UTF-8", language);
  g_autofree char *be = g_strdup_printf ("%s_BE.UTF-8", language);
  g_autofree char *at = g_strdup_printf ("%s_AT.UTF-8", language);
  g_autofree char *us = g_strdup_printf ("%s_US.UTF-8", language);
  const char *candidates[] = { usual, gb, be, at, us };
  locale_t loc;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if ((loc = newlocale (LC_ALL_MASK, candidates[i], (locale_t) 0)) != (locale_t) 0)
      {
        *collates = TRUE;
        return loc;
      }

  /* Names of months in English, code point order: still a document. */
  g_debug ("No locale installed for “%s”", language);
  *collates = FALSE;
  loc = newlocale (LC_ALL_MASK, "C.UTF-8", (locale_t) 0);
  if (loc == (locale_t) 0)
    loc = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  return loc;
}

/* Public API */

/**
 * sec_document_languages:
 *
 * Returns: (transfer none) (array zero-terminated=1): the language codes
 */
const char *const *
sec_document_languages (void)
{
  return languages;
}

const char *
sec_document_language_name (const char *language)
{
  for (guint i = 0; languages[i]; i++)
    if (g_strcmp0 (languages[i], language) == 0)
      return language_names[i];
  return NULL;
}

/**
 * sec_document_locale_new:
 * @language: (nullable): a code of sec_document_languages (), or %NULL
 *
 * Returns: (transfer full): the locale
 */
SecDocumentLocale *
sec_document_locale_new (const char *language)
{
  SecDocumentLocale *self;

  /* A caller's mistake, but a document in the user's language beats none. */
  if (language != NULL && *language != '\0' && sec_document_language_name (language) == NULL)
    {
      g_critical ("“%s” is not a language of documents", language);
      language = NULL;
    }

  self = g_new0 (SecDocumentLocale, 1);
  g_atomic_ref_count_init (&self->ref_count);
  if (language != NULL && *language != '\0')
    {
      self->language = g_strdup (language);
      self->locale = new_locale (language, &self->collates);
      /* English is the messages as written. */
      if (!g_str_equal (language, "en"))
        self->messages = catalogue_find (GETTEXT_PACKAGE, language);
      self->countries = catalogue_find ("iso_3166-1", language);
    }
  return self;
}

SecDocumentLocale *
sec_document_locale_ref (SecDocumentLocale *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sec_document_locale_unref (SecDocumentLocale *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->locale != (locale_t) 0)
    freelocale (self->locale);
  catalogue_free (self->messages);
  catalogue_free (self->countries);
  g_free (self->language);
  g_free (self);
}

const char *
sec_document_locale_get_language (SecDocumentLocale *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

const char *
sec_document_locale_gettext (SecDocumentLocale *self,
                             const char        *msgid)
{
  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (self->language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  return catalogue_lookup (self->messages, msgid);
}

const char *
sec_document_locale_country_name (SecDocumentLocale *self,
                                  const char        *code)
{
  guint n;
  const SecCountry *all;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->language == NULL)
    return sec_country_name (code);
  if (code == NULL)
    return NULL;
  all = sec_countries (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (all[i].code, code))
      return catalogue_lookup (self->countries, all[i].name);
  return NULL;
}

char *
sec_document_locale_format_date (SecDocumentLocale *self,
                                 GDateTime         *dt,
                                 const char        *format)
{
  locale_t old;
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (dt != NULL && format != NULL, NULL);

  if (self->locale == (locale_t) 0)
    return g_date_time_format (dt, format);
  old = uselocale (self->locale);
  text = g_date_time_format (dt, format);
  uselocale (old);
  return text;
}

char *
sec_document_locale_collate_key (SecDocumentLocale *self,
                                 const char        *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;
  locale_t old;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->locale == (locale_t) 0)
    return sec_collate_key (text);
  if (text == NULL)
    text = "";

  old = uselocale (self->locale);
  key = g_utf8_collate_key (text, -1);
  uselocale (old);
  if (self->collates)
    return g_steal_pointer (&key);
  /* No locale for the language: letters with accents among the others. */
  folded = sec_fold (text);
  return g_strconcat (folded, "\001", key, NULL);
}
