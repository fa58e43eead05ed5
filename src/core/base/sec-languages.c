/* sec-languages.c: ISO 639 languages by their codes
 *
 * People's languages are typed as codes ("mt, en"): the page shows their
 * names. Names are the iso-codes package's English names of ISO 639-3 for
 * the languages that have a two-letter code, translated with its own
 * message catalogue (domain "iso_639-3"), as the countries are with
 * "iso_3166-1" (sec-countries.c). A qualifier in brackets is left out of
 * what is shown ("Modern Greek (1453-)" is "Modern Greek").
 */
#define G_LOG_DOMAIN "sec-languages"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-languages.h"

typedef struct {
  const char *alpha_2;
  const char *alpha_3;
  const char *name;
} Language;

/* From /usr/share/iso-codes/json/iso_639-3.json, those with an alpha_2. */
static const Language languages[] = {
  { "aa", "aar", "Afar" },
  { "ab", "abk", "Abkhazian" },
  { "ae", "ave", "Avestan" },
  { "af", "afr", "Afrikaans" },
  { "ak", "aka", "Akan" },
  { "am", "amh", "Amharic" },
  { "an", "arg", "Aragonese" },
  { "ar", "ara", "Arabic" },
  { "as", "asm", "Assamese" },
  { "av", "ava", "Avaric" },
  { "ay", "aym", "Aymara" },
  { "az", "aze", "Azerbaijani" },
  { "ba", "bak", "Bashkir" },
  { "be", "bel", "Belarusian" },
  { "bg", "bul", "Bulgarian" },
  { "bi", "bis", "Bislama" },
  { "bm", "bam", "Bambara" },
  { "bn", "ben", "Bengali" },
  { "bo", "bod", "Tibetan" },
  { "br", "bre", "Breton" },
  { "bs", "bos", "Bosnian" },
  { "ca", "cat", "Catalan" },
  { "ce", "che", "Chechen" },
  { "ch", "cha", "Chamorro" },
  { "co", "cos", "Corsican" },
  { "cr", "cre", "Cree" },
  { "cs", "ces", "Czech" },
  { "cu", "chu", "Church Slavic" },
  { "cv", "chv", "Chuvash" },
  { "cy", "cym", "Welsh" },
  { "da", "dan", "Danish" },
  { "de", "deu", "German" },
  { "dv", "div", "Dhivehi" },
  { "dz", "dzo", "Dzongkha" },
  { "ee", "ewe", "Ewe" },
  { "el", "ell", "Modern Greek (1453-)" },
  { "en", "eng", "English" },
  { "eo", "epo", "Esperanto" },
  { "es", "spa", "Spanish" },
  { "et", "est", "Estonian" },
  { "eu", "eus", "Basque" },
  { "fa", "fas", "Persian" },
  { "ff", "ful", "Fulah" },
  { "fi", "fin", "Finnish" },
  { "fj", "fij", "Fijian" },
  { "fo", "fao", "Faroese" },
  { "fr", "fra", "French" },
  { "fy", "fry", "Western Frisian" },
  { "ga", "gle", "Irish" },
  { "gd", "gla", "Scottish Gaelic" },
  { "gl", "glg", "Galician" },
  { "gn", "grn", "Guarani" },
  { "gu", "guj", "Gujarati" },
  { "gv", "glv", "Manx" },
  { "ha", "hau", "Hausa" },
  { "he", "heb", "Hebrew" },
  { "hi", "hin", "Hindi" },
  { "ho", "hmo", "Hiri Motu" },
  { "hr", "hrv", "Croatian" },
  { "ht", "hat", "Haitian" },
  { "hu", "hun", "Hungarian" },
  { "hy", "hye", "Armenian" },
  { "hz", "her", "Herero" },
  { "ia", "ina", "Interlingua (International Auxiliary Language Association)" },
  { "id", "ind", "Indonesian" },
  { "ie", "ile", "Interlingue" },
  { "ig", "ibo", "Igbo" },
  { "ii", "iii", "Sichuan Yi" },
  { "ik", "ipk", "Inupiaq" },
  { "io", "ido", "Ido" },
  { "is", "isl", "Icelandic" },
  { "it", "ita", "Italian" },
  { "iu", "iku", "Inuktitut" },
  { "ja", "jpn", "Japanese" },
  { "jv", "jav", "Javanese" },
  { "ka", "kat", "Georgian" },
  { "kg", "kon", "Kongo" },
  { "ki", "kik", "Kikuyu" },
  { "kj", "kua", "Kuanyama" },
  { "kk", "kaz", "Kazakh" },
  { "kl", "kal", "Kalaallisut" },
  { "km", "khm", "Khmer" },
  { "kn", "kan", "Kannada" },
  { "ko", "kor", "Korean" },
  { "kr", "kau", "Kanuri" },
  { "ks", "kas", "Kashmiri" },
  { "ku", "kur", "Kurdish" },
  { "kv", "kom", "Komi" },
  { "kw", "cor", "Cornish" },
  { "ky", "kir", "Kirghiz" },
  { "la", "lat", "Latin" },
  { "lb", "ltz", "Luxembourgish" },
  { "lg", "lug", "Ganda" },
  { "li", "lim", "Limburgan" },
  { "ln", "lin", "Lingala" },
  { "lo", "lao", "Lao" },
  { "lt", "lit", "Lithuanian" },
  { "lu", "lub", "Luba-Katanga" },
  { "lv", "lav", "Latvian" },
  { "mg", "mlg", "Malagasy" },
  { "mh", "mah", "Marshallese" },
  { "mi", "mri", "Maori" },
  { "mk", "mkd", "Macedonian" },
  { "ml", "mal", "Malayalam" },
  { "mn", "mon", "Mongolian" },
  { "mr", "mar", "Marathi" },
  { "ms", "msa", "Malay (macrolanguage)" },
  { "mt", "mlt", "Maltese" },
  { "my", "mya", "Burmese" },
  { "na", "nau", "Nauru" },
  { "nb", "nob", "Norwegian Bokmål" },
  { "nd", "nde", "North Ndebele" },
  { "ne", "nep", "Nepali (macrolanguage)" },
  { "ng", "ndo", "Ndonga" },
  { "nl", "nld", "Dutch" },
  { "nn", "nno", "Norwegian Nynorsk" },
  { "no", "nor", "Norwegian" },
  { "nr", "nbl", "South Ndebele" },
  { "nv", "nav", "Navajo" },
  { "ny", "nya", "Nyanja" },
  { "oc", "oci", "Occitan (post 1500)" },
  { "oj", "oji", "Ojibwa" },
  { "om", "orm", "Oromo" },
  { "or", "ori", "Oriya (macrolanguage)" },
  { "os", "oss", "Ossetian" },
  { "pa", "pan", "Panjabi" },
  { "pi", "pli", "Pali" },
  { "pl", "pol", "Polish" },
  { "ps", "pus", "Pushto" },
  { "pt", "por", "Portuguese" },
  { "qu", "que", "Quechua" },
  { "rm", "roh", "Romansh" },
  { "rn", "run", "Rundi" },
  { "ro", "ron", "Romanian" },
  { "ru", "rus", "Russian" },
  { "rw", "kin", "Kinyarwanda" },
  { "sa", "san", "Sanskrit" },
  { "sc", "srd", "Sardinian" },
  { "sd", "snd", "Sindhi" },
  { "se", "sme", "Northern Sami" },
  { "sg", "sag", "Sango" },
  { "sh", "hbs", "Serbo-Croatian" },
  { "si", "sin", "Sinhala" },
  { "sk", "slk", "Slovak" },
  { "sl", "slv", "Slovenian" },
  { "sm", "smo", "Samoan" },
  { "sn", "sna", "Shona" },
  { "so", "som", "Somali" },
  { "sq", "sqi", "Albanian" },
  { "sr", "srp", "Serbian" },
  { "ss", "ssw", "Swati" },
  { "st", "sot", "Southern Sotho" },
  { "su", "sun", "Sundanese" },
  { "sv", "swe", "Swedish" },
  { "sw", "swa", "Swahili (macrolanguage)" },
  { "ta", "tam", "Tamil" },
  { "te", "tel", "Telugu" },
  { "tg", "tgk", "Tajik" },
  { "th", "tha", "Thai" },
  { "ti", "tir", "Tigrinya" },
  { "tk", "tuk", "Turkmen" },
  { "tl", "tgl", "Tagalog" },
  { "tn", "tsn", "Tswana" },
  { "to", "ton", "Tonga (Tonga Islands)" },
  { "tr", "tur", "Turkish" },
  { "ts", "tso", "Tsonga" },
  { "tt", "tat", "Tatar" },
  { "tw", "twi", "Twi" },
  { "ty", "tah", "Tahitian" },
  { "ug", "uig", "Uighur" },
  { "uk", "ukr", "Ukrainian" },
  { "ur", "urd", "Urdu" },
  { "uz", "uzb", "Uzbek" },
  { "ve", "ven", "Venda" },
  { "vi", "vie", "Vietnamese" },
  { "vo", "vol", "Volapük" },
  { "wa", "wln", "Walloon" },
  { "wo", "wol", "Wolof" },
  { "xh", "xho", "Xhosa" },
  { "yi", "yid", "Yiddish" },
  { "yo", "yor", "Yoruba" },
  { "za", "zha", "Zhuang" },
  { "zh", "zho", "Chinese" },
  { "zu", "zul", "Zulu" },
};

static const Language *
find (const char *code)
{
  g_autofree char *lower = g_ascii_strdown (code, -1);
  gsize len = strlen (lower);

  if (len != 2 && len != 3)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (len == 2 ? languages[i].alpha_2 : languages[i].alpha_3, lower))
      return &languages[i];
  return NULL;
}

/* The translated names without their brackets, made once each. */
static GHashTable *shown_names;
G_LOCK_DEFINE_STATIC (shown_names);

const char *
sec_language_name (const char *code)
{
  const Language *language;
  const char *translated;
  const char *bracket;
  char *shown;

  if (code == NULL || (language = find (code)) == NULL)
    return NULL;

  translated = g_dgettext ("iso_639-3", language->name);
  if ((bracket = strstr (translated, " (")) == NULL)
    return translated;

  G_LOCK (shown_names);
  if (shown_names == NULL)
    shown_names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if ((shown = g_hash_table_lookup (shown_names, language->alpha_2)) == NULL)
    {
      shown = g_strndup (translated, bracket - translated);
      g_hash_table_insert (shown_names, (gpointer) language->alpha_2, shown);
    }
  G_UNLOCK (shown_names);
  return shown;
}

char *
sec_languages_format (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (text == NULL)
    return g_strdup ("");
  words = g_strsplit_set (text, ",;/ \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *name;

      if (*words[i] == '\0')
        continue;
      name = sec_language_name (words[i]);
      if (out->len > 0)
        /* Translators: between languages in a list, "Maltese, English" */
        g_string_append (out, _(", "));
      g_string_append (out, name != NULL ? name : words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
