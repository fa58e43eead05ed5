/* sec-document-tags.c: the structure of a tagged PDF, and its finishing
 *
 * While a document's pages are drawn for a PDF, sec-document-render.c
 * opens cairo structure tags around what it draws (Document, Sect, H1, H2,
 * P, Table, TR, TH, TD): cairo 1.16 then writes the structure tree, the
 * marked content and /MarkInfo. What cairo 1.16 cannot write is finished
 * here with libqpdf, on the PDF's objects rather than by hand:
 *  - the document's /Lang and /ViewerPreferences << /DisplayDocTitle true >>;
 *  - artifacts: cairo 1.16 refuses an "Artifact" tag, so page furniture
 *    (running header, footer, rules, backgrounds, a table's header repeated
 *    on a new page) is drawn in a "Private" tag, whose elements are taken
 *    out of the tree here and whose marked content becomes /Artifact;
 *  - attributes cairo 1.16 does not pass on: a TH's /Scope, the /Lang of a
 *    cell in another script, the /Alt of an empty cell of a form ("Signature").
 * Notes are kept by the order in which the tags were begun, which is the
 * order of cairo's tree read depth first; each note also keeps the tag's
 * name, and a tree that does not match is left without them (and warned).
 */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "core/documents/sec-document-private.h"

typedef struct {
  guint  index;
  char  *lang;
  char  *alt;
  const char *scope;  /* TH: "Column" or "Row" */
} Note;

static void
note_clear (gpointer data)
{
  Note *note = data;

  g_free (note->lang);
  g_free (note->alt);
}

SecTags *
_sec_tags_new (void)
{
  SecTags *tags = g_new0 (SecTags, 1);

  tags->names = g_ptr_array_new ();
  tags->notes = g_array_new (FALSE, TRUE, sizeof (Note));
  g_array_set_clear_func (tags->notes, note_clear);
  tags->table_block = G_MAXUINT;
  tags->section = G_MAXUINT;
  return tags;
}

void
_sec_tags_free (SecTags *tags)
{
  if (tags == NULL)
    return;
  g_ptr_array_unref (tags->names);
  g_array_unref (tags->notes);
  g_free (tags);
}

void
_sec_tags_begin (SecTags    *tags,
                 cairo_t    *cr,
                 const char *name)
{
  if (tags == NULL)
    return;
  /* The names are static strings. */
  g_ptr_array_add (tags->names, (gpointer) name);
  cairo_tag_begin (cr, name, NULL);
}

void
_sec_tags_end (SecTags    *tags,
               cairo_t    *cr,
               const char *name)
{
  if (tags != NULL)
    cairo_tag_end (cr, name);
}

/* Notes on the tag begun last. */
void
_sec_tags_note (SecTags    *tags,
                const char *lang,
                const char *alt,
                const char *scope)
{
  Note note = { 0 };

  if (tags == NULL || tags->names->len == 0 || (lang == NULL && alt == NULL && scope == NULL))
    return;
  note.index = tags->names->len - 1;
  note.lang = g_strdup (lang);
  note.alt = g_strdup (alt);
  note.scope = scope;
  g_array_append_val (tags->notes, note);
}

/* The language of @markup when it is written mostly in a script the
 * document's languages (English, French, German: Latin) are not: Greek
 * ("el": the one language written in it) or Cyrillic (several languages:
 * "und-Cyrl", the script without guessing the language). NULL otherwise. */
const char *
_sec_tags_script_lang (const char *markup)
{
  guint latin = 0, greek = 0, cyrillic = 0;

  if (markup == NULL)
    return NULL;
  for (const char *p = markup; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          latin += g_ascii_isalpha (c) ? 1 : 0;
          continue;
        }
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_GREEK: greek++; break;
        case G_UNICODE_SCRIPT_CYRILLIC: cyrillic++; break;
        case G_UNICODE_SCRIPT_LATIN: latin++; break;
        default: break;
        }
    }
  if (greek > latin && greek >= cyrillic)
    return "el";
  if (cyrillic > latin)
    return "und-Cyrl";
  return NULL;
}

/* The finishing, with libqpdf */

typedef struct {
  qpdf_data  q;
  SecTags   *tags;
  guint      counter;
  guint      next_note;
  gboolean   matches;
} Walk;

static void
apply_note (Walk    *walk,
            qpdf_oh  elem,
            Note    *note)
{
  qpdf_data q = walk->q;

  if (note->lang)
    qpdf_oh_replace_key (q, elem, "/Lang", qpdf_oh_new_unicode_string (q, note->lang));
  if (note->alt)
    qpdf_oh_replace_key (q, elem, "/Alt", qpdf_oh_new_unicode_string (q, note->alt));
  if (note->scope)
    {
      qpdf_oh attributes = qpdf_oh_new_dictionary (q);
      g_autofree char *scope = g_strconcat ("/", note->scope, NULL);

      qpdf_oh_replace_key (q, attributes, "/O", qpdf_oh_new_name (q, "/Table"));
      qpdf_oh_replace_key (q, attributes, "/Scope", qpdf_oh_new_name (q, scope));
      qpdf_oh_replace_key (q, elem, "/A", attributes);
    }
}

static gboolean
is_private (qpdf_data q,
            qpdf_oh   elem)
{
  return qpdf_oh_is_dictionary (q, elem) &&
         qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, elem, "/S"), "/Private");
}

/* Numbers the structure elements under @parent depth first (the order
 * their tags were begun), applies their notes while the names match the
 * tags drawn, and takes the Private ones out of the tree. */
static void
walk_kids (Walk    *walk,
           qpdf_oh  parent)
{
  qpdf_data q = walk->q;
  qpdf_oh kids = qpdf_oh_get_key (q, parent, "/K");
  gboolean single = qpdf_oh_is_dictionary (q, kids);
  int n = single ? 1 : qpdf_oh_is_array (q, kids) ? qpdf_oh_get_array_n_items (q, kids) : 0;

  for (int i = 0; i < n; i++)
    {
      qpdf_oh kid = single ? kids : qpdf_oh_get_array_item (q, kids, i);
      const char *type;
      guint index;

      /* Marked-content references are integers or /MCR dictionaries. */
      if (!qpdf_oh_is_dictionary (q, kid) || !qpdf_oh_has_key (q, kid, "/S"))
        continue;
      type = qpdf_oh_get_name (q, qpdf_oh_get_key (q, kid, "/S"));
      index = walk->counter++;
      if (index >= walk->tags->names->len || type == NULL || type[0] != '/' ||
          strcmp (type + 1, g_ptr_array_index (walk->tags->names, index)) != 0)
        walk->matches = FALSE;
      while (walk->next_note < walk->tags->notes->len &&
             g_array_index (walk->tags->notes, Note, walk->next_note).index < index)
        walk->next_note++;
      if (walk->matches && walk->next_note < walk->tags->notes->len &&
          g_array_index (walk->tags->notes, Note, walk->next_note).index == index)
        apply_note (walk, kid, &g_array_index (walk->tags->notes, Note, walk->next_note));
      walk_kids (walk, kid);
      if (is_private (q, kid))
        {
          if (single)
            qpdf_oh_remove_key (q, parent, "/K");
          else
            {
              qpdf_oh_erase_item (q, kids, i--);
              n--;
            }
        }
    }
}

/* The parent tree maps each page's marked content to its element: the
 * Private ones are no content of the tree any more. */
static void
clear_private_parents (qpdf_data q,
                       qpdf_oh   node)
{
  qpdf_oh nums = qpdf_oh_get_key (q, node, "/Nums");
  qpdf_oh kids = qpdf_oh_get_key (q, node, "/Kids");

  if (qpdf_oh_is_array (q, nums))
    for (int i = 1; i < qpdf_oh_get_array_n_items (q, nums); i += 2)
      {
        qpdf_oh value = qpdf_oh_get_array_item (q, nums, i);

        if (!qpdf_oh_is_array (q, value))
          continue;
        for (int j = 0; j < qpdf_oh_get_array_n_items (q, value); j++)
          if (is_private (q, qpdf_oh_get_array_item (q, value, j)))
            qpdf_oh_set_array_item (q, value, j, qpdf_oh_new_null (q));
      }
  if (qpdf_oh_is_array (q, kids))
    for (int i = 0; i < qpdf_oh_get_array_n_items (q, kids); i++)
      clear_private_parents (q, qpdf_oh_get_array_item (q, kids, i));
}

/* "/Private << /MCID 3 >> BDC" is how cairo opens a Private tag's content
 * (text is written as hex strings, so this cannot be inside a string). */
static GRegex *
private_regex (void)
{
  static gsize regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, (gsize) g_regex_new ("/Private\\s*<<\\s*/MCID\\s+\\d+\\s*>>\\s*BDC",
                                                    G_REGEX_OPTIMIZE | G_REGEX_RAW, 0, NULL));
  return (GRegex *) regex;
}

static gboolean
mark_artifacts (qpdf_data q)
{
  int n_pages = qpdf_get_num_pages (q);

  for (int i = 0; i < n_pages; i++)
    {
      qpdf_oh page = qpdf_get_page_n (q, i);
      qpdf_oh contents = qpdf_oh_get_key (q, page, "/Contents");
      unsigned char *data = NULL;
      size_t len = 0;
      g_autofree char *replaced = NULL;

      if (!qpdf_oh_is_stream (q, contents) ||
          qpdf_oh_get_stream_data (q, contents, qpdf_dl_generalized, NULL, &data, &len) != QPDF_SUCCESS)
        return FALSE;
      replaced = g_regex_replace_literal (private_regex (), (const char *) data, len, 0,
                                          "/Artifact BMC", 0, NULL);
      free (data);
      if (replaced == NULL)
        return FALSE;
      qpdf_oh_replace_stream_data (q, contents, (const unsigned char *) replaced, strlen (replaced),
                                   qpdf_oh_new_null (q), qpdf_oh_new_null (q));
    }
  return TRUE;
}

/* (transfer full): @pdf, as cairo wrote it with @tags, finished: its
 * language @lang, its title shown, its artifacts marked, the notes set. */
GBytes *
_sec_tags_finish_pdf (SecTags     *tags,
                      GBytes      *pdf,
                      const char  *lang,
                      GError     **error)
{
  qpdf_data q = qpdf_init ();
  qpdf_oh root, tree, preferences;
  GBytes *result = NULL;
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  if (qpdf_read_memory (q, "document", data, size, NULL) & QPDF_ERRORS)
    goto out;

  root = qpdf_get_root (q);
  qpdf_oh_replace_key (q, root, "/Lang", qpdf_oh_new_unicode_string (q, lang));
  preferences = qpdf_oh_new_dictionary (q);
  qpdf_oh_replace_key (q, preferences, "/DisplayDocTitle", qpdf_oh_new_bool (q, QPDF_TRUE));
  qpdf_oh_replace_key (q, root, "/ViewerPreferences", preferences);

  tree = qpdf_oh_get_key (q, root, "/StructTreeRoot");
  if (qpdf_oh_is_dictionary (q, tree))
    {
      Walk walk = { q, tags, 0, 0, TRUE };

      walk_kids (&walk, tree);
      if (!walk.matches || walk.counter != tags->names->len)
        g_warning ("The PDF's structure tree is not the one drawn (%u elements of %u)",
                   walk.counter, tags->names->len);
      clear_private_parents (q, qpdf_oh_get_key (q, tree, "/ParentTree"));
    }
  if (!mark_artifacts (q))
    goto out;

  /* The writer's options are set once it is made. */
  if (qpdf_init_write_memory (q) & QPDF_ERRORS)
    goto out;
  /* Streams cairo compressed are copied as they are (decompressing and
   * compressing them again would double the time); the content streams
   * rewritten above are compressed. */
  qpdf_set_decode_level (q, qpdf_dl_none);
  qpdf_set_compress_streams (q, QPDF_TRUE);
  qpdf_set_object_stream_mode (q, qpdf_o_generate);
  if (qpdf_write (q) & QPDF_ERRORS)
    goto out;
  result = g_bytes_new (qpdf_get_buffer (q), qpdf_get_buffer_length (q));

out:
  if (result == NULL)
    {
      const char *message = qpdf_has_error (q) ? qpdf_get_error_full_text (q, qpdf_get_error (q)) : "";

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the PDF document: %s"), message);
    }
  qpdf_cleanup (&q);
  return result;
}
