/* sec-import-mapping.c: which field a column holds, and its values as the
 * store takes them
 *
 * Offices keep their lists in English, French or German spreadsheets, and
 * address books export under their own names ("E-mail 1 - Value"): the
 * headers are folded (case, accents, spaces and punctuation) and looked up
 * in one table per kind.
 */
#define G_LOG_DOMAIN "sec-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-date-parse.h"
#include "core/base/sec-fold.h"
#include "core/import/sec-import-private.h"
#include "core/store/sec-records.h"

typedef struct {
  const char *target;
  const char *headers; /* '|'-separated, compared folded to letters and digits */
} Guess;

static const Guess person_guesses[] = {
  { "family-name", "family name|last name|surname|lastname|nachname|familienname|nom|nom de famille" },
  { "given-name", "given name|first name|firstname|forename|vorname|prenom|prenoms" },
  { "full-name", "name|full name|display name|nom complet|vollstandiger name|contact" },
  { "title", "title|salutation|name prefix|prefix|anrede|titel|civilite|titre" },
  { "position", "position|job title|job|function|fonction|funktion|poste|stellung|berufsbezeichnung" },
  { "organisation", "organisation|organization|company|organization name|organization 1 name|organisme|"
                    "entreprise|societe|institution|employer|firma|unternehmen|arbeitgeber" },
  { "country", "country|pays|land|staat|country region" },
  { "email", "email|e mail|mail|email address|primary email|courriel|adresse email|adresse electronique|"
             "email adresse|e mail adresse" },
  { "phone", "phone|telephone|tel|mobile|mobile phone|business phone|phone number|cell|telefon|"
             "telefonnummer|handy|mobiltelefon|portable|numero de telephone" },
  { "languages", "languages|language|langues|langue|sprachen|sprache" },
  { "accessibility-needs", "accessibility needs|accessibility|accessibilite|barrierefreiheit" },
  { "dietary-needs", "dietary needs|diet|regime alimentaire|regime|ernahrung|ernahrungsbedurfnisse" },
  { "consent-date", "consent date|consent|date du consentement|consentement|einwilligung|einwilligungsdatum" },
  { "consent-source", "consent source|source du consentement|quelle der einwilligung" },
  { "notes", "notes|note|remarks|remark|comments|comment|remarques|remarque|commentaires|commentaire|bemerkungen|"
             "bemerkung|notizen|kommentar" },
  { "body", "body|organe|gremium|committee|comite|ausschuss|network|reseau|netzwerk" },
  { "role", "role|rolle|function in body" },
  { NULL, NULL }
};

static const Guess organisation_guesses[] = {
  { "name", "name|organisation|organization|organisation name|organization name|nom|"
            "nom de l organisation|organisme|company|entreprise|firma|unternehmen|institution" },
  { "acronym", "acronym|acronyme|sigle|abbreviation|short name|abkurzung|kurzname|kurzel" },
  { "kind", "kind|type|category|categorie|art|typ|kategorie" },
  { "country", "country|pays|land|staat" },
  { "city", "city|town|ville|localite|stadt|ort" },
  { "address", "address|street|adresse|rue|anschrift|strasse" },
  { "website", "website|web site|web|url|homepage|site web|site internet|site|webseite|internetseite|internet" },
  { "email", "email|e mail|mail|email address|courriel|adresse email|adresse electronique|email adresse" },
  { "phone", "phone|telephone|tel|telefon|telefonnummer|numero de telephone" },
  { "notes", "notes|note|remarks|remark|comments|remarques|remarque|commentaires|bemerkungen|bemerkung|notizen|kommentar" },
  { "body", "body|organe|gremium|committee|comite|ausschuss|network|reseau|netzwerk" },
  { "role", "role|rolle" },
  { NULL, NULL }
};

static const char *const person_targets[] = {
  "title", "given-name", "family-name", "full-name", "position", "organisation", "country",
  "email", "phone", "languages", "accessibility-needs", "dietary-needs", "notes",
  "consent-date", "consent-source", "body", "role", NULL
};

static const char *const organisation_targets[] = {
  "name", "acronym", "kind", "country", "city", "address", "website", "email", "phone",
  "notes", "body", "role", NULL
};

const char *const *
sec_import_targets (GType kind)
{
  if (kind == SEC_TYPE_PERSON)
    return person_targets;
  g_return_val_if_fail (kind == SEC_TYPE_ORGANISATION, organisation_targets);
  return organisation_targets;
}

const char *
sec_import_target_label (GType       kind,
                         const char *target)
{
  const SecKind *k;
  const SecField *field;

  g_return_val_if_fail (target != NULL, "");

  if (g_str_equal (target, "full-name"))
    return _("Full name");
  if (g_str_equal (target, "body"))
    return _("Body");
  if (g_str_equal (target, "role"))
    /* Translators: the role of a member in a body, a column of an imported file */
    return _("Role in the body");
  if (kind == SEC_TYPE_PERSON && g_str_equal (target, "country"))
    return _("Country of the organisation");
  k = sec_kind_from_type (kind);
  field = sec_kind_find_field (k, target);
  return field ? _(field->label) : target;
}

/* Letters and digits only, folded: "E-Mail 1 – Value" → "email1value". */
static char *
squash (const char *text)
{
  g_autofree char *folded = sec_fold (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
headers_match (const char *headers,
               const char *squashed,
               gboolean    prefix)
{
  g_auto(GStrv) names = g_strsplit (headers, "|", -1);

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *name = squash (names[i]);

      if (g_str_equal (name, squashed))
        return TRUE;
      if (prefix && strlen (name) >= 4 && g_str_has_prefix (squashed, name))
        return TRUE;
    }
  return FALSE;
}

const char *
sec_import_guess_target (GType       kind,
                         const char *header)
{
  const Guess *guesses = kind == SEC_TYPE_PERSON ? person_guesses : organisation_guesses;
  g_autofree char *squashed = NULL;

  g_return_val_if_fail (header != NULL, NULL);

  squashed = squash (header);
  if (*squashed == '\0')
    return NULL;
  for (const Guess *g = guesses; g->target; g++)
    if (headers_match (g->headers, squashed, FALSE))
      return g->target;
  /* Address books number their e-mails and phones ("E-mail 1 - Value");
   * their "Type" and "Label" columns are not the address itself. */
  if (strstr (squashed, "type") != NULL || strstr (squashed, "label") != NULL)
    return NULL;
  for (const Guess *g = guesses; g->target; g++)
    if ((g_str_equal (g->target, "email") || g_str_equal (g->target, "phone")) &&
        headers_match (g->headers, squashed, TRUE))
      return g->target;
  return NULL;
}

/* Values */

/* Country names in French and German, whatever the user's language: an
 * office's list is often in another language than its desktop. The EU,
 * its neighbours and candidates; other countries by code or English name. */
static const char *const other_country_names[] = {
  "AT", "Autriche|Österreich",          "BE", "Belgique|Belgien",
  "BG", "Bulgarie|Bulgarien",           "HR", "Croatie|Kroatien",
  "CY", "Chypre|Zypern",                "CZ", "Tchéquie|République tchèque|Tschechien|Tschechische Republik",
  "DK", "Danemark|Dänemark",            "EE", "Estonie|Estland",
  "FI", "Finlande|Finnland",            "FR", "France|Frankreich",
  "DE", "Allemagne|Deutschland",        "GR", "Grèce|Griechenland",
  "HU", "Hongrie|Ungarn",               "IE", "Irlande|Irland",
  "IT", "Italie|Italien",               "LV", "Lettonie|Lettland",
  "LT", "Lituanie|Litauen",             "LU", "Luxembourg|Luxemburg",
  "MT", "Malte|Malta",                  "NL", "Pays-Bas|Niederlande",
  "PL", "Pologne|Polen",                "PT", "Portugal|Portugal",
  "RO", "Roumanie|Rumänien",            "SK", "Slovaquie|Slowakei",
  "SI", "Slovénie|Slowenien",           "ES", "Espagne|Spanien",
  "SE", "Suède|Schweden",               "GB", "Royaume-Uni|Vereinigtes Königreich|Großbritannien",
  "CH", "Suisse|Schweiz",               "NO", "Norvège|Norwegen",
  "IS", "Islande|Island",               "LI", "Liechtenstein|Liechtenstein",
  "UA", "Ukraine|Ukraine",              "MD", "Moldavie|Moldau|Republik Moldau",
  "AL", "Albanie|Albanien",             "ME", "Monténégro|Montenegro",
  "MK", "Macédoine du Nord|Nordmazedonien", "RS", "Serbie|Serbien",
  "BA", "Bosnie-Herzégovine|Bosnien und Herzegowina", "TR", "Turquie|Türkei",
  "GE", "Géorgie|Georgien",             "US", "États-Unis|Vereinigte Staaten|USA",
  "CA", "Canada|Kanada",                NULL
};

static GHashTable *
country_names (void)
{
  static gsize once = 0;
  static GHashTable *names;

  if (g_once_init_enter (&once))
    {
      guint n;
      const SecCountry *countries = sec_countries (&n);
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < n; i++)
        {
          g_hash_table_insert (table, g_ascii_strdown (countries[i].code, -1), (gpointer) countries[i].code);
          g_hash_table_insert (table, squash (countries[i].name), (gpointer) countries[i].code);
          g_hash_table_insert (table, squash (sec_country_name (countries[i].code)), (gpointer) countries[i].code);
        }
      for (guint i = 0; other_country_names[i]; i += 2)
        {
          g_auto(GStrv) names = g_strsplit (other_country_names[i + 1], "|", -1);
          for (guint j = 0; names[j]; j++)
            g_hash_table_insert (table, squash (names[j]), (gpointer) other_country_names[i]);
        }
      /* Names offices write that the standard spells otherwise. */
      g_hash_table_insert (table, g_strdup ("uk"), (gpointer) "GB");
      g_hash_table_insert (table, g_strdup ("el"), (gpointer) "GR");
      g_hash_table_insert (table, g_strdup ("czechia"), (gpointer) "CZ");
      g_hash_table_insert (table, g_strdup ("netherlands"), (gpointer) "NL");
      names = table;
      g_once_init_leave (&once, 1);
    }
  return names;
}

const char *
_sec_import_country_code (const char *text)
{
  g_autofree char *squashed = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  squashed = squash (text);
  return g_hash_table_lookup (country_names (), squashed);
}

char *
_sec_import_convert_value (const SecField *field,
                           const char     *text)
{
  g_autofree char *value = g_strstrip (g_strdup (text));

  switch (field->type)
    {
    case SEC_FIELD_COUNTRY:
      {
        const char *code = _sec_import_country_code (value);
        if (code != NULL)
          return g_strdup (code);
        break;
      }
    case SEC_FIELD_CHOICE:
      {
        g_autofree char *squashed = squash (value);
        for (const SecChoice *c = field->choices; c && c->nick; c++)
          {
            g_autofree char *nick = squash (c->nick);
            g_autofree char *label = squash (_(c->label));
            g_autofree char *english = squash (c->label);

            if (g_str_equal (squashed, nick) || g_str_equal (squashed, label) ||
                g_str_equal (squashed, english))
              return g_strdup (c->nick);
          }
        break;
      }
    case SEC_FIELD_DATE:
      {
        char *date = *value ? sec_parse_user_date (value, FALSE) : NULL;
        if (date != NULL)
          return date;
        break;
      }
    case SEC_FIELD_EMAIL:
      if (g_ascii_strncasecmp (value, "mailto:", 7) == 0)
        return g_strdup (value + 7);
      break;
    case SEC_FIELD_URL:
      /* Spreadsheets hold "www.example.org": the editor wants a scheme. */
      if (*value && strstr (value, "://") == NULL && strchr (value, '.') != NULL &&
          strpbrk (value, " \t@") == NULL)
        return g_strconcat ("https://", value, NULL);
      break;
    case SEC_FIELD_TEXT:
    case SEC_FIELD_LONG_TEXT:
    case SEC_FIELD_INT:
    case SEC_FIELD_DOUBLE:
    case SEC_FIELD_BOOL:
    case SEC_FIELD_DATETIME:
    case SEC_FIELD_TIMEZONE:
    case SEC_FIELD_TIME:
    case SEC_FIELD_COUNTRIES:
    case SEC_FIELD_REF:
    default:
      break;
    }
  return g_steal_pointer (&value);
}
