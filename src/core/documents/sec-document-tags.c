/* sec-document-tags.c: the structure of a tagged PDF, and its finishing
 *
 * While a document's pages are drawn for a PDF, sec-document-render.c
 * opens cairo structure tags around what it draws (Document, Sect, H1, H2,
 * P, Table, TR, TH, TD, L, LI, Lbl, LBody, Link, Span): cairo 1.16 then
 * writes the structure tree, the marked content, the link annotations and
 * /MarkInfo. What cairo 1.16 cannot write is finished here with libqpdf,
 * on the PDF's objects rather than by hand, as an incremental update of
 * cairo's file (see "The finishing" below):
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
#include "core/documents/sec-document-update.h"

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
  tags->ends = g_array_new (FALSE, FALSE, sizeof (guint));
  tags->open = g_array_new (FALSE, FALSE, sizeof (guint));
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
  g_array_unref (tags->ends);
  g_array_unref (tags->open);
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
  _sec_tags_begin_with (tags, cr, name, NULL);
}

/* A tag with cairo's @attributes (a Link's "uri='...'"). */
void
_sec_tags_begin_with (SecTags    *tags,
                      cairo_t    *cr,
                      const char *name,
                      const char *attributes)
{
  guint index;

  if (tags == NULL)
    return;
  /* The names are static strings. */
  index = tags->names->len;
  g_ptr_array_add (tags->names, (gpointer) name);
  g_array_append_val (tags->ends, index);
  g_array_append_val (tags->open, index);
  cairo_tag_begin (cr, name, attributes);
}

void
_sec_tags_end (SecTags    *tags,
               cairo_t    *cr,
               const char *name)
{
  if (tags == NULL)
    return;
  /* The tags begun after this one are its descendants: the finishing
   * skips them all at once when none of them needs a change. */
  if (tags->open->len > 0)
    {
      guint index = g_array_index (tags->open, guint, tags->open->len - 1);

      g_array_index (tags->ends, guint, index) = tags->names->len;
      g_array_set_size (tags->open, tags->open->len - 1);
    }
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

/* The finishing, with libqpdf
 *
 * qpdf reads cairo's file (lazily: only the objects asked for are parsed),
 * the objects that must change are changed in its memory, and only those
 * are appended to cairo's file as an incremental update (ISO 32000-1,
 * 7.5.6), each written out by qpdf (qpdf_oh_unparse_resolved ()). Letting
 * qpdf write the whole file again instead cost more than drawing it: a list
 * of 1,000 participants has some 7,500 structure elements, which qpdf
 * parsed and wrote out one by one, for a few hundred that change. */

typedef struct {
  qpdf_data   q;
  SecTags    *tags;
  guint      *marked;     /* by tag index: how many tags before it need a change */
  guint       counter;
  guint       next_note;
  gboolean    matches;
  GHashTable *changed;    /* object number -> qpdf_oh: the objects to write */
  GHashTable *streams;    /* object number -> GBytes: their new data, compressed */
} Walk;

/* @oh, an indirect object changed in qpdf's memory, is written out. */
static void
changed (Walk    *walk,
         qpdf_oh  oh)
{
  if (qpdf_oh_is_indirect (walk->q, oh))
    g_hash_table_insert (walk->changed, GINT_TO_POINTER (qpdf_oh_get_object_id (walk->q, oh)),
                         GUINT_TO_POINTER (oh));
}

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
  changed (walk, elem);
}

/* Numbers the structure elements under @parent depth first (the order
 * their tags were begun), applies their notes while the names match the
 * tags drawn, and takes the Private ones out of the tree. An element whose
 * subtree needs no change is counted without being read. Cairo writes each
 * element as an object of its own, and the other kids (marked content) in
 * the element: a kid that is no reference is no element. */
static void
walk_kids (Walk    *walk,
           qpdf_oh  parent)
{
  qpdf_data q = walk->q;
  qpdf_oh kids = qpdf_oh_get_key (q, parent, "/K");
  gboolean single = !qpdf_oh_is_array (q, kids);
  int n = single ? 1 : qpdf_oh_get_array_n_items (q, kids);
  g_autoptr(GArray) privates = g_array_new (FALSE, FALSE, sizeof (int));

  for (int i = 0; i < n && walk->matches; i++)
    {
      qpdf_oh kid = single ? kids : qpdf_oh_get_array_item (q, kids, i);
      guint index = walk->counter, end;
      gboolean private;
      const char *type;

      if (!qpdf_oh_is_indirect (q, kid))
        continue;
      if (index >= walk->tags->names->len)
        {
          walk->matches = FALSE;
          break;
        }
      end = g_array_index (walk->tags->ends, guint, index);
      if (walk->marked[end] == walk->marked[index])
        {
          walk->counter = end;
          qpdf_oh_release (q, kid);
          continue;
        }
      type = qpdf_oh_is_dictionary (q, kid) ? qpdf_oh_get_name (q, qpdf_oh_get_key (q, kid, "/S")) : NULL;
      if (type == NULL || type[0] != '/' ||
          strcmp (type + 1, g_ptr_array_index (walk->tags->names, index)) != 0)
        {
          walk->matches = FALSE;
          break;
        }
      /* (qpdf's string lasts until its next call) */
      private = strcmp (type, "/Private") == 0;
      walk->counter++;
      while (walk->next_note < walk->tags->notes->len &&
             g_array_index (walk->tags->notes, Note, walk->next_note).index < index)
        walk->next_note++;
      if (walk->next_note < walk->tags->notes->len &&
          g_array_index (walk->tags->notes, Note, walk->next_note).index == index)
        apply_note (walk, kid, &g_array_index (walk->tags->notes, Note, walk->next_note));
      if (qpdf_oh_has_key (q, kid, "/K"))
        walk_kids (walk, kid);
      if (walk->counter != end)
        walk->matches = FALSE;
      if (private)
        g_array_append_val (privates, i);
    }

  /* The Private kids leave: the other kids make a new array (erasing them
   * one by one from a table's thousand rows took longer). */
  if (privates->len == 0)
    return;
  if (single)
    qpdf_oh_remove_key (q, parent, "/K");
  else if (qpdf_oh_is_indirect (q, kids))
    for (guint i = privates->len; i-- > 0;)
      qpdf_oh_erase_item (q, kids, g_array_index (privates, int, i));
  else
    {
      qpdf_oh rest = qpdf_oh_new_array (q);

      for (int i = 0, next = 0; i < n; i++)
        {
          qpdf_oh kid;

          if ((guint) next < privates->len && g_array_index (privates, int, next) == i)
            {
              next++;
              continue;
            }
          kid = qpdf_oh_get_array_item (q, kids, i);
          qpdf_oh_append_item (q, rest, kid);
          qpdf_oh_release (q, kid);
        }
      qpdf_oh_replace_key (q, parent, "/K", rest);
    }
  changed (walk, qpdf_oh_is_indirect (q, kids) ? kids : parent);
}

/* The parent tree maps each page's marked content (by the page's
 * /StructParents, then by MCID) to its element: the entries of Private
 * content (@mcids on @page) are no content of the tree any more. */
typedef struct {
  qpdf_oh value;   /* an array, by MCID */
  qpdf_oh owner;   /* the object it is written in */
} Parents;

static void
read_parent_tree (Walk       *walk,
                  qpdf_oh     node,
                  GHashTable *wanted,
                  GArray     *parents)
{
  qpdf_data q = walk->q;
  qpdf_oh nums = qpdf_oh_get_key (q, node, "/Nums");
  qpdf_oh kids = qpdf_oh_get_key (q, node, "/Kids");
  int n;

  if (qpdf_oh_is_array (q, nums))
    {
      n = qpdf_oh_get_array_n_items (q, nums);
      for (int i = 0; i + 1 < n; i += 2)
        {
          qpdf_oh key = qpdf_oh_get_array_item (q, nums, i);
          long long number = qpdf_oh_is_integer (q, key) ? qpdf_oh_get_int_value (q, key) : -1;
          qpdf_oh value;

          qpdf_oh_release (q, key);
          /* Only the pages' arrays: a link annotation's entry (one for
           * each address) is its Link element, which qpdf would have to
           * read for nothing. */
          if (number < 0 || number > 100000 || !g_hash_table_contains (wanted, GINT_TO_POINTER (number)))
            continue;
          value = qpdf_oh_get_array_item (q, nums, i + 1);
          if (!qpdf_oh_is_array (q, value))
            continue;
          if ((guint) number >= parents->len)
            g_array_set_size (parents, number + 1);
          g_array_index (parents, Parents, number) =
            (Parents) { value, qpdf_oh_is_indirect (q, value) ? value : node };
        }
    }
  if (qpdf_oh_is_array (q, kids))
    {
      n = qpdf_oh_get_array_n_items (q, kids);
      for (int i = 0; i < n; i++)
        read_parent_tree (walk, qpdf_oh_get_array_item (q, kids, i), wanted, parents);
    }
}

static void
clear_private_parents (Walk    *walk,
                       GArray  *parents,
                       qpdf_oh  page,
                       GArray  *mcids)
{
  qpdf_data q = walk->q;
  qpdf_oh key = qpdf_oh_get_key (q, page, "/StructParents");
  long long number = qpdf_oh_is_integer (q, key) ? qpdf_oh_get_int_value (q, key) : -1;
  Parents *entry;

  if (number < 0 || (guint) number >= parents->len)
    return;
  entry = &g_array_index (parents, Parents, number);
  if (entry->owner == 0)
    return;
  for (guint i = 0; i < mcids->len; i++)
    {
      int mcid = g_array_index (mcids, int, i);

      if (mcid < qpdf_oh_get_array_n_items (q, entry->value))
        qpdf_oh_set_array_item (q, entry->value, mcid, qpdf_oh_new_null (q));
    }
  changed (walk, entry->owner);
}

/* "/Private << /MCID 3 >> BDC" is how cairo opens a Private tag's content
 * (text is written as hex strings, so this cannot be inside a string):
 * each becomes "/Artifact BMC". NULL when there is none. */
static GByteArray *
replace_private (const char *data,
                 gsize       length,
                 GArray     *mcids)
{
  static const char opening[] = "/Private << /MCID ";
  static const char closing[] = " >> BDC";
  GByteArray *out = NULL;
  const char *p = data, *end = data + length, *found;

  while ((found = memmem (p, end - p, opening, strlen (opening))) != NULL)
    {
      const char *q = found + strlen (opening);
      int mcid = 0;

      while (q < end && g_ascii_isdigit (*q) && mcid < 1000000)
        mcid = mcid * 10 + (*q++ - '0');
      if ((gsize) (end - q) < strlen (closing) || memcmp (q, closing, strlen (closing)) != 0)
        {
          p = q;
          continue;
        }
      if (out == NULL)
        out = g_byte_array_sized_new (length);
      g_byte_array_append (out, (const guint8 *) p, found - p);
      g_byte_array_append (out, (const guint8 *) "/Artifact BMC", strlen ("/Artifact BMC"));
      g_array_append_val (mcids, mcid);
      p = q + strlen (closing);
    }
  if (out != NULL)
    g_byte_array_append (out, (const guint8 *) p, end - p);
  return out;
}

static gboolean
mark_artifacts (Walk    *walk,
                qpdf_oh  parent_tree)
{
  qpdf_data q = walk->q;
  int n_pages = qpdf_get_num_pages (q);
  g_autoptr(GArray) parents = g_array_new (FALSE, TRUE, sizeof (Parents));
  g_autoptr(GArray) mcids = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);

  for (int i = 0; i < n_pages; i++)
    {
      qpdf_oh page = qpdf_get_page_n (q, i);
      qpdf_oh key = qpdf_oh_get_key (q, page, "/StructParents");

      if (qpdf_oh_is_integer (q, key))
        g_hash_table_add (wanted, GINT_TO_POINTER ((int) qpdf_oh_get_int_value (q, key)));
      qpdf_oh_release (q, key);
    }
  /* 0: no handle, an untagged file. */
  if (parent_tree != 0 && qpdf_oh_is_dictionary (q, parent_tree))
    read_parent_tree (walk, parent_tree, wanted, parents);

  for (int i = 0; i < n_pages; i++)
    {
      qpdf_oh page = qpdf_get_page_n (q, i);
      qpdf_oh contents = qpdf_oh_get_key (q, page, "/Contents");
      unsigned char *data = NULL;
      size_t len = 0;
      g_autoptr(GByteArray) replaced = NULL;
      GBytes *compressed;

      if (!qpdf_oh_is_stream (q, contents) || !qpdf_oh_is_indirect (q, contents) ||
          qpdf_oh_get_stream_data (q, contents, qpdf_dl_generalized, NULL, &data, &len) != QPDF_SUCCESS)
        return FALSE;
      g_array_set_size (mcids, 0);
      replaced = replace_private ((const char *) data, len, mcids);
      free (data);
      if (replaced == NULL)
        continue;
      clear_private_parents (walk, parents, page, mcids);
      if ((compressed = _sec_pdf_deflate (replaced->data, replaced->len)) == NULL)
        return FALSE;
      /* The new data is qpdf's too, for the whole-file pass; the
       * incremental update writes it from walk->streams. */
      qpdf_oh_replace_stream_data (q, contents, g_bytes_get_data (compressed, NULL),
                                   g_bytes_get_size (compressed),
                                   qpdf_oh_new_name (q, "/FlateDecode"), qpdf_oh_new_null (q));
      g_hash_table_insert (walk->streams, GINT_TO_POINTER (qpdf_oh_get_object_id (q, contents)), compressed);
      changed (walk, contents);
    }
  return TRUE;
}

/* (transfer full) (nullable): the whole file written again by qpdf, with
 * its objects packed into object streams. */
static GBytes *
write_whole (qpdf_data q)
{
  /* The writer's options are set once it is made. */
  if (qpdf_init_write_memory (q) & QPDF_ERRORS)
    return NULL;
  /* Streams cairo compressed are copied as they are (decompressing and
   * compressing them again would double the time); the content streams
   * rewritten are compressed already. */
  qpdf_set_decode_level (q, qpdf_dl_none);
  qpdf_set_compress_streams (q, QPDF_TRUE);
  qpdf_set_object_stream_mode (q, qpdf_o_generate);
  if (qpdf_write (q) & QPDF_ERRORS)
    return NULL;
  return g_bytes_new (qpdf_get_buffer (q), qpdf_get_buffer_length (q));
}

/* (transfer full) (nullable): @pdf finished as an incremental update or,
 * when @whole, written again; NULL with @error set (its message never
 * empty) otherwise. */
static GBytes *
finish (SecTags     *tags,
        GBytes      *pdf,
        const char  *lang,
        gboolean     whole,
        GError     **error)
{
  qpdf_data q = qpdf_init ();
  qpdf_oh root, tree, preferences, parent_tree = 0;
  GBytes *result = NULL;
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *reason = NULL;
  g_autofree guint *marked = g_new0 (guint, tags->names->len + 1);
  Walk walk = { q, tags, marked, 0, 0, TRUE, NULL, NULL };

  /* A tag left open holds all those begun after it. */
  for (guint i = 0; i < tags->open->len; i++)
    g_array_index (tags->ends, guint, g_array_index (tags->open, guint, i)) = tags->names->len;
  /* What needs a change: the notes and the Private tags. */
  for (guint i = 0, n = 0; i < tags->names->len; i++)
    {
      while (n < tags->notes->len && g_array_index (tags->notes, Note, n).index < i)
        n++;
      marked[i + 1] = marked[i] +
        ((n < tags->notes->len && g_array_index (tags->notes, Note, n).index == i) ||
         strcmp (g_ptr_array_index (tags->names, i), "Private") == 0);
    }
  walk.changed = g_hash_table_new (NULL, NULL);
  walk.streams = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);

  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  if (qpdf_read_memory (q, "document", data, size, NULL) & QPDF_ERRORS)
    goto out;

  root = qpdf_get_root (q);
  qpdf_oh_replace_key (q, root, "/Lang", qpdf_oh_new_unicode_string (q, lang));
  preferences = qpdf_oh_new_dictionary (q);
  qpdf_oh_replace_key (q, preferences, "/DisplayDocTitle", qpdf_oh_new_bool (q, QPDF_TRUE));
  qpdf_oh_replace_key (q, root, "/ViewerPreferences", preferences);
  changed (&walk, root);

  tree = qpdf_oh_get_key (q, root, "/StructTreeRoot");
  if (qpdf_oh_is_dictionary (q, tree))
    {
      walk_kids (&walk, tree);
      if (!walk.matches || walk.counter != tags->names->len)
        g_warning ("The PDF's structure tree is not the one drawn (%u elements of %u)",
                   walk.counter, tags->names->len);
      parent_tree = qpdf_oh_get_key (q, tree, "/ParentTree");
    }
  if (!mark_artifacts (&walk, parent_tree))
    reason = "page contents";
  else if (!qpdf_has_error (q))
    result = whole ? write_whole (q) : _sec_pdf_append_update (q, walk.changed, walk.streams, pdf, &reason);

out:
  if (result == NULL)
    {
      /* qpdf's reason, ours, or (never an empty one) a general one. */
      const char *message = qpdf_has_error (q) ? qpdf_get_error_full_text (q, qpdf_get_error (q)) : NULL;

      if (message == NULL || *message == '\0')
        message = reason;
      if (message == NULL || *message == '\0')
        message = "qpdf";
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", message);
    }
  g_hash_table_unref (walk.changed);
  g_hash_table_unref (walk.streams);
  qpdf_cleanup (&q);
  return result;
}

/* (transfer full) (nullable): @pdf unchanged but for its form: its
 * objects in object streams, its cross-references a stream. */
static GBytes *
in_stream_form (GBytes *pdf)
{
  qpdf_data q = qpdf_init ();
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  GBytes *result = NULL;

  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  if (!(qpdf_read_memory (q, "document", data, size, NULL) & QPDF_ERRORS))
    result = write_whole (q);
  qpdf_cleanup (&q);
  return result;
}

/* (transfer full): @pdf, as cairo wrote it with @tags, finished: its
 * language @lang, its title shown, its artifacts marked, the notes set.
 * The incremental update first; should it fail (a file of a form it does
 * not expect, from a cairo to come), the whole-file pass, which is slower
 * but asks nothing of the file's form: an export never fails for the
 * sake of speed. */
GBytes *
_sec_tags_finish_pdf (SecTags     *tags,
                      GBytes      *pdf,
                      const char  *lang,
                      GError     **error)
{
  g_autoptr(GError) incremental_error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(GBytes) streamed = NULL;
  const char *how = g_getenv ("SEC_DOCUMENT_FINISH");
  GBytes *result;

  /* For the tests and the benchmark: "whole" takes the whole-file pass;
   * "stream" gives the finishing cairo's file in the stream form, as cairo
   * 1.18 writes it, on a cairo that writes the classic one; "none" (the
   * benchmark alone) leaves cairo's file unfinished, to tell cairo's own
   * tagging from the finishing. */
  if (g_strcmp0 (how, "none") == 0)
    return g_bytes_ref (pdf);
  if (g_strcmp0 (how, "stream") == 0 && (streamed = in_stream_form (pdf)) != NULL)
    pdf = streamed;
  if (g_strcmp0 (how, "whole") != 0 &&
      (result = finish (tags, pdf, lang, FALSE, &incremental_error)) != NULL)
    return result;
  if (incremental_error != NULL)
    g_debug ("The incremental update of a tagged PDF failed (%s); the whole file is written again",
             incremental_error->message);
  if ((result = finish (tags, pdf, lang, TRUE, &whole_error)) != NULL)
    return result;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not make the PDF document: %s"), whole_error->message);
  return NULL;
}
