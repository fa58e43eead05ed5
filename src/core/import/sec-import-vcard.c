/* sec-import-vcard.c: reading vCards 2.1, 3.0 and 4.0
 *
 * evolution-data-server's EVCard would read them, but libebook-contacts is
 * not in the GNOME Flatpak runtime: bundling evolution-data-server for a
 * few hundred lines of parsing would add a heavy module to the Flatpak.
 * What address books write is small: folded lines, QUOTED-PRINTABLE with
 * soft line breaks and CHARSET= (vCard 2.1, Outlook and phones), escaped
 * structured values (3.0 and 4.0), a handful of properties.
 */
#define G_LOG_DOMAIN "sec-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/import/sec-import-table.h"

enum {
  COL_TITLE,
  COL_GIVEN,
  COL_FAMILY,
  COL_POSITION,
  COL_ORGANISATION,
  COL_EMAIL,
  COL_PHONE,
  COL_NOTES,
  N_COLUMNS
};

/* Column names as the mapping guesses them (sec-import.c). */
static const char *const column_names[N_COLUMNS] = {
  "Title", "Given name", "Family name", "Position", "Organisation", "Email", "Phone", "Notes",
};

typedef struct {
  char      *value;
  GPtrArray *types;  /* lower-case TYPE values, without "pref" */
  gboolean   pref;
} Contact;

typedef struct {
  guint      line;
  char      *fn;
  char     **n;           /* family; given; additional; prefixes; suffixes */
  char     **org;         /* organisation; departments... */
  char      *title;
  char      *role;
  GPtrArray *emails;      /* (element-type Contact) */
  GPtrArray *phones;      /* (element-type Contact) */
  GPtrArray *notes;       /* (element-type utf8) */
} Card;

static void
contact_free (gpointer data)
{
  Contact *c = data;

  g_free (c->value);
  g_ptr_array_unref (c->types);
  g_free (c);
}

static Card *
card_new (guint line)
{
  Card *card = g_new0 (Card, 1);

  card->line = line;
  card->emails = g_ptr_array_new_with_free_func (contact_free);
  card->phones = g_ptr_array_new_with_free_func (contact_free);
  card->notes = g_ptr_array_new_with_free_func (g_free);
  return card;
}

static void
card_free (Card *card)
{
  g_free (card->fn);
  g_strfreev (card->n);
  g_strfreev (card->org);
  g_free (card->title);
  g_free (card->role);
  g_ptr_array_unref (card->emails);
  g_ptr_array_unref (card->phones);
  g_ptr_array_unref (card->notes);
  g_free (card);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Card, card_free)

/* Values */

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static GString *
decode_quoted_printable (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '=' && hex_value (p[1]) >= 0 && hex_value (p[2]) >= 0)
        {
          g_string_append_c (out, (char) (hex_value (p[1]) * 16 + hex_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return out;
}

/* (transfer full): @bytes as UTF-8: from @charset when given, else as they
 * are when valid, else from Windows-1252 (what Outlook writes without
 * saying so). Never fails: what cannot be converted becomes U+FFFD. */
static char *
to_utf8 (const char *bytes,
         gsize       length,
         const char *charset)
{
  char *text = NULL;

  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0)
    text = g_convert (bytes, length, "UTF-8", charset, NULL, NULL, NULL);
  if (text == NULL && g_utf8_validate_len (bytes, length, NULL))
    text = g_strndup (bytes, length);
  if (text == NULL)
    text = g_convert (bytes, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL)
    text = g_utf8_make_valid (bytes, length);
  /* A NUL (from "=00") would cut the value short: nothing is lost by
   * dropping what cannot be text. */
  return text;
}

/* Splits a structured value at unescaped ';' (or ',' for @sep) and
 * unescapes each part (\n, \, \; \\). */
static char **
split_value (const char *value,
             char        sep)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) part = g_string_new (NULL);

  for (const char *p = value;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (part, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else if (*p == sep || *p == '\0')
        {
          g_ptr_array_add (parts, g_strdup (g_strstrip (part->str)));
          g_string_truncate (part, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (part, *p);
    }
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_steal (parts, NULL);
}

static char *
unescape (const char *value)
{
  g_auto(GStrv) parts = split_value (value, '\0');

  return g_strdup (parts[0]);
}

/* Properties */

typedef struct {
  char      *name;     /* upper case, without group */
  char      *charset;
  gboolean   quoted_printable;
  gboolean   pref;
  GPtrArray *types;
} Property;

static void
property_clear (Property *prop)
{
  g_free (prop->name);
  g_free (prop->charset);
  g_clear_pointer (&prop->types, g_ptr_array_unref);
}

static void
add_types (Property   *prop,
           const char *list)
{
  g_auto(GStrv) types = g_strsplit (list, ",", -1);

  for (guint i = 0; types[i]; i++)
    {
      g_autofree char *t = g_ascii_strdown (g_strstrip (types[i]), -1);
      size_t n = strlen (t);

      if (n >= 2 && t[0] == '"' && t[n - 1] == '"')
        {
          memmove (t, t + 1, n - 2);
          t[n - 2] = '\0';
        }
      if (g_str_equal (t, "pref"))
        prop->pref = TRUE;
      else if (*t && !g_str_equal (t, "internet") && !g_str_equal (t, "voice") &&
               !g_str_equal (t, "x400"))
        g_ptr_array_add (prop->types, g_steal_pointer (&t));
    }
}

/* Parses "group.NAME;PARAM=VALUE;BARE:value"; returns the value, or NULL
 * when the line has no ':'. */
static const char *
parse_property (const char *line,
                Property   *prop)
{
  const char *colon = NULL, *p;
  gboolean quoted = FALSE;
  g_auto(GStrv) params = NULL;
  g_autofree char *head = NULL;
  const char *name;

  for (p = line; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        {
          colon = p;
          break;
        }
    }
  if (colon == NULL)
    return NULL;
  /* The parameters are text too (TYPE values end up in notes): a byte
   * that is not UTF-8 there is read like one in the value (found by
   * fuzzing). */
  head = to_utf8 (line, colon - line, NULL);
  params = g_strsplit (head, ";", -1);
  /* ":value", a line without a name (found by fuzzing). */
  if (params[0] == NULL)
    return NULL;
  name = strrchr (params[0], '.') ? strrchr (params[0], '.') + 1 : params[0];
  prop->name = g_ascii_strup (g_strstrip ((char *) name), -1);
  prop->types = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 1; params[i]; i++)
    {
      char *eq = strchr (params[i], '=');
      const char *val = NULL;
      g_autofree char *key = NULL;

      if (eq != NULL)
        {
          *eq = '\0';
          val = eq + 1;
        }
      key = g_ascii_strup (params[i], -1);
      g_strstrip (key);
      if (val == NULL)
        {
          /* vCard 2.1 allows bare parameters: TEL;WORK;VOICE, EMAIL;PREF. */
          if (g_str_equal (key, "QUOTED-PRINTABLE"))
            prop->quoted_printable = TRUE;
          else
            add_types (prop, key);
        }
      else if (g_str_equal (key, "ENCODING"))
        prop->quoted_printable = g_ascii_strcasecmp (val, "QUOTED-PRINTABLE") == 0;
      else if (g_str_equal (key, "CHARSET"))
        {
          g_free (prop->charset);
          prop->charset = g_strdup (val);
        }
      else if (g_str_equal (key, "TYPE"))
        add_types (prop, val);
      else if (g_str_equal (key, "PREF"))
        prop->pref = TRUE;
    }
  return colon + 1;
}

static Contact *
make_contact (Property   *prop,
              const char *value)
{
  Contact *c = g_new0 (Contact, 1);

  c->value = unescape (value);
  c->types = g_steal_pointer (&prop->types);
  c->pref = prop->pref;
  return c;
}

static void
add_property (Card       *card,
              const char *line)
{
  Property prop = { 0 };
  const char *raw = parse_property (line, &prop);
  g_autofree char *value = NULL;

  if (raw == NULL)
    {
      property_clear (&prop);
      return;
    }
  if (prop.quoted_printable)
    {
      g_autoptr(GString) bytes = decode_quoted_printable (raw);
      value = to_utf8 (bytes->str, bytes->len, prop.charset);
    }
  else
    value = to_utf8 (raw, strlen (raw), prop.charset);

  if (g_str_equal (prop.name, "FN"))
    {
      g_free (card->fn);
      card->fn = unescape (value);
    }
  else if (g_str_equal (prop.name, "N"))
    {
      g_strfreev (card->n);
      card->n = split_value (value, ';');
    }
  else if (g_str_equal (prop.name, "ORG"))
    {
      g_strfreev (card->org);
      card->org = split_value (value, ';');
    }
  else if (g_str_equal (prop.name, "TITLE"))
    {
      g_free (card->title);
      card->title = unescape (value);
    }
  else if (g_str_equal (prop.name, "ROLE"))
    {
      g_free (card->role);
      card->role = unescape (value);
    }
  else if (g_str_equal (prop.name, "EMAIL"))
    g_ptr_array_add (card->emails, make_contact (&prop, value));
  else if (g_str_equal (prop.name, "TEL"))
    {
      /* vCard 4.0 may write a phone as a URI: "tel:+33-1-23". */
      const char *v = g_ascii_strncasecmp (value, "tel:", 4) == 0 ? value + 4 : value;
      g_ptr_array_add (card->phones, make_contact (&prop, v));
    }
  else if (g_str_equal (prop.name, "NOTE"))
    g_ptr_array_add (card->notes, unescape (value));
  else if (g_str_equal (prop.name, "ADR"))
    {
      g_auto(GStrv) parts = split_value (value, ';');
      g_autoptr(GString) address = g_string_new (NULL);

      /* PO box; extended; street; locality; region; postal code; country */
      for (guint i = 0; parts[i]; i++)
        if (*parts[i])
          g_string_append_printf (address, "%s%s", address->len ? ", " : "", parts[i]);
      if (address->len)
        /* Translators: a line of the notes of a person imported from a vCard */
        g_ptr_array_add (card->notes, g_strdup_printf (_("Address: %s"), address->str));
    }
  else if (g_str_equal (prop.name, "URL"))
    {
      g_autofree char *url = unescape (value);
      /* Translators: a line of the notes of a person imported from a vCard */
      g_ptr_array_add (card->notes, g_strdup_printf (_("Website: %s"), url));
    }
  property_clear (&prop);
}

/* Whether the parameters of @line (before its ':') say QUOTED-PRINTABLE. */
static gboolean
is_quoted_printable (const char *line)
{
  const char *colon = strchr (line, ':');
  g_autofree char *head = g_ascii_strup (line, colon ? colon - line : -1);

  return strstr (head, "QUOTED-PRINTABLE") != NULL;
}

/* Cards into rows */

/* The contact to keep in the record: the preferred one, else a work one
 * (this is an office's address book), else the first. */
static guint
choose_contact (GPtrArray *contacts)
{
  for (guint i = 0; i < contacts->len; i++)
    if (((Contact *) g_ptr_array_index (contacts, i))->pref)
      return i;
  for (guint i = 0; i < contacts->len; i++)
    {
      Contact *c = g_ptr_array_index (contacts, i);
      for (guint j = 0; j < c->types->len; j++)
        if (g_str_equal (g_ptr_array_index (c->types, j), "work"))
          return i;
    }
  return 0;
}

static char *
join_nonempty (const char *sep, ...)
{
  g_autoptr(GString) out = g_string_new (NULL);
  va_list ap;
  const char *s;

  va_start (ap, sep);
  while ((s = va_arg (ap, const char *)) != NULL)
    if (*s)
      g_string_append_printf (out, "%s%s", out->len ? sep : "", s);
  va_end (ap);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
note_other_contacts (GPtrArray  *notes,
                     GPtrArray  *contacts,
                     guint       chosen,
                     gboolean    email)
{
  for (guint i = 0; i < contacts->len; i++)
    {
      Contact *c = g_ptr_array_index (contacts, i);
      g_autofree char *types = NULL;

      if (i == chosen || *c->value == '\0')
        continue;
      g_ptr_array_add (c->types, NULL);
      types = g_strjoinv (", ", (char **) c->types->pdata);
      g_ptr_array_remove_index (c->types, c->types->len - 1);
      if (*types && email)
        /* Translators: a line of the notes of an imported person; %s are the kinds of address ("home") and the address */
        g_ptr_array_add (notes, g_strdup_printf (_("Other email (%s): %s"), types, c->value));
      else if (email)
        g_ptr_array_add (notes, g_strdup_printf (_("Other email: %s"), c->value));
      else if (*types)
        /* Translators: a line of the notes of an imported person; %s are the kinds of phone ("cell") and the number */
        g_ptr_array_add (notes, g_strdup_printf (_("Other phone (%s): %s"), types, c->value));
      else
        g_ptr_array_add (notes, g_strdup_printf (_("Other phone: %s"), c->value));
    }
}

static SecImportRow *
card_to_row (Card *card)
{
  SecImportRow *row = g_new0 (SecImportRow, 1);
  char **f = g_new0 (char *, N_COLUMNS + 1);
  guint n_parts = card->n ? g_strv_length (card->n) : 0;
  const char *family = n_parts > 0 ? card->n[0] : "";
  const char *given = n_parts > 1 ? card->n[1] : "";
  const char *additional = n_parts > 2 ? card->n[2] : "";
  const char *prefixes = n_parts > 3 ? card->n[3] : "";
  const char *suffixes = n_parts > 4 ? card->n[4] : "";
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *fn_family = NULL, *fn_given = NULL;

  /* Only a formatted name: its last word is taken as the family name. */
  if (*family == '\0' && *given == '\0' && card->fn != NULL && *card->fn)
    {
      const char *space = strrchr (g_strstrip (card->fn), ' ');

      fn_family = g_strdup (space ? space + 1 : card->fn);
      fn_given = space ? g_strndup (card->fn, space - card->fn) : g_strdup ("");
      family = fn_family;
      given = fn_given;
    }

  f[COL_TITLE] = join_nonempty (" ", prefixes, suffixes, NULL);
  f[COL_GIVEN] = join_nonempty (" ", given, additional, NULL);
  f[COL_FAMILY] = g_strdup (family);
  f[COL_POSITION] = join_nonempty (", ", card->title ? card->title : "", card->role ? card->role : "", NULL);
  f[COL_ORGANISATION] = g_strdup (card->org && card->org[0] ? card->org[0] : "");
  if (card->org && card->org[0] && card->org[1])
    {
      g_autofree char *departments = g_strjoinv (", ", card->org + 1);

      g_strstrip (departments);
      if (*departments && !g_str_equal (departments, ","))
        /* Translators: a line of the notes of a person imported from a vCard */
        g_ptr_array_add (owned, g_strdup_printf (_("Department: %s"), departments));
    }
  if (card->emails->len > 0)
    {
      guint i = choose_contact (card->emails);
      f[COL_EMAIL] = g_strdup (((Contact *) g_ptr_array_index (card->emails, i))->value);
      note_other_contacts (owned, card->emails, i, TRUE);
    }
  else
    f[COL_EMAIL] = g_strdup ("");
  if (card->phones->len > 0)
    {
      guint i = choose_contact (card->phones);
      f[COL_PHONE] = g_strdup (((Contact *) g_ptr_array_index (card->phones, i))->value);
      note_other_contacts (owned, card->phones, i, FALSE);
    }
  else
    f[COL_PHONE] = g_strdup ("");
  for (guint i = 0; i < card->notes->len; i++)
    g_ptr_array_add (notes, g_ptr_array_index (card->notes, i));
  for (guint i = 0; i < owned->len; i++)
    g_ptr_array_add (notes, g_ptr_array_index (owned, i));
  g_ptr_array_add (notes, NULL);
  f[COL_NOTES] = g_strjoinv ("\n", (char **) notes->pdata);

  row->line = card->line;
  row->n_fields = N_COLUMNS;
  row->fields = f;
  return row;
}

gboolean
sec_import_is_vcard (const char *data,
                     gsize       length)
{
  g_autofree char *head = NULL;
  const char *encoding;
  const char *p;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  encoding = sec_import_detect_encoding (data, length);
  if (g_str_has_prefix (encoding, "UTF-16"))
    head = sec_import_decode (data, MIN (length, 256) & ~(gsize) 1, encoding, NULL);
  else
    head = g_strndup (data, MIN (length, 256));
  if (head == NULL)
    return FALSE;
  p = head;
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  return g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) == 0;
}

SecImportTable *
sec_import_read_vcard (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(SecImportTable) table = NULL;
  g_autofree char *converted = NULL;
  const char *encoding;
  g_autoptr(GString) logical = g_string_new (NULL);
  g_autoptr(Card) card = NULL;
  const char *p, *end;
  guint line = 0, logical_line = 0;
  gboolean qp_open = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* Only UTF-16 is decoded as a whole: a vCard 2.1 may mix charsets, one
   * per property. */
  encoding = sec_import_detect_encoding (data, length);
  if (g_str_has_prefix (encoding, "UTF-16"))
    {
      converted = sec_import_decode (data, length, encoding, error);
      if (converted == NULL)
        return NULL;
      data = converted;
      length = strlen (converted);
    }
  else
    {
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          data += 3;
          length -= 3;
        }
      encoding = g_utf8_validate_len (data, length, NULL) ? "UTF-8" : "WINDOWS-1252";
    }

  table = sec_import_table_new ("vcard", encoding, 0);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_ptr_array_add (table->header, g_strdup (column_names[i]));

  /* Physical lines into logical ones, then each logical line into the
   * card; one extra round with p == end flushes the last line. */
  p = data;
  end = data + length;
  for (;;)
    {
      const char *eol = p;
      gboolean at_end = p >= end;

      while (eol < end && *eol != '\n' && *eol != '\r' && *eol != '\0')
        eol++;
      line++;
      if (!at_end && (*p == ' ' || *p == '\t') && logical->len > 0)
        g_string_append_len (logical, p + 1, eol - p - 1);
      else if (!at_end && qp_open)
        g_string_append_len (logical, p, eol - p);
      else
        {
          if (logical->len > 0)
            {
              const char *text = logical->str;

              if (g_ascii_strncasecmp (text, "BEGIN:VCARD", 11) == 0)
                {
                  g_clear_pointer (&card, card_free);
                  card = card_new (logical_line);
                }
              else if (g_ascii_strncasecmp (text, "END:VCARD", 9) == 0)
                {
                  if (card != NULL)
                    g_ptr_array_add (table->rows, card_to_row (card));
                  g_clear_pointer (&card, card_free);
                }
              else if (card != NULL)
                add_property (card, text);
            }
          g_string_truncate (logical, 0);
          logical_line = line;
          if (!at_end)
            g_string_append_len (logical, p, eol - p);
        }
      if (at_end)
        break;
      /* A QUOTED-PRINTABLE value ending in '=' goes on on the next line. */
      qp_open = logical->len > 0 && logical->str[logical->len - 1] == '=' &&
                is_quoted_printable (logical->str);
      if (qp_open)
        g_string_truncate (logical, logical->len - 1);
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol < end ? eol + 1 : end;
    }
  /* A card without END:VCARD (a truncated file) still counts. */
  if (card != NULL)
    g_ptr_array_add (table->rows, card_to_row (card));

  if (table->rows->len == 0)
    {
      g_set_error_literal (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_EMPTY,
                           _("The file holds no vCard (no line BEGIN:VCARD)"));
      return NULL;
    }
  return g_steal_pointer (&table);
}
