/* sec-document.c: a paginated document of headings, text and tables
 *
 * The model: what a document is filled with, and the paper it goes on.
 * Laying it out is in sec-document-layout.c, drawing and the PDF in
 * sec-document-render.c.
 */
#define G_LOG_DOMAIN "sec-document"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <stdint.h>
#include <string.h>

#include "core/documents/sec-document-private.h"

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SecDocument, sec_document, G_TYPE_OBJECT)

/* Static helpers */

void
_sec_document_row_clear_layouts (Row *row)
{
  for (guint i = 0; i < row->n_layouts; i++)
    g_clear_object (&row->layouts[i]);
  g_clear_pointer (&row->layouts, g_free);
  row->n_layouts = 0;
}

static void
row_free (Row *row)
{
  _sec_document_row_clear_layouts (row);
  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (Table *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_free ((char *) table->columns[i].title);
      g_clear_object (&table->header_layouts[i]);
    }
  g_free (table->header_layouts);
  g_free (table->columns);
  g_free (table->x);
  g_free (table->w);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (Block *block)
{
  g_free (block->markup);
  if (block->table)
    table_free (block->table);
  g_free (block);
}

static void
section_clear (gpointer data)
{
  Section *s = data;

  g_free (s->name);
  g_free (s->note);
}

/* Every text enters the document here: made valid UTF-8 before anything
 * measures or draws it (Pango reads invalid bytes past their end). */
static char *
dup_valid (const char *text)
{
  if (text == NULL)
    return NULL;
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

static Block *
add_block (SecDocument *self,
           BlockKind    kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  _sec_document_invalidate_layout (self);
  return block;
}

/* A page format with exactly two %d and nothing else to convert. */
gboolean
_sec_document_is_page_format (const char *format)
{
  guint n = 0;

  for (const char *p = format; (p = strchr (p, '%')) != NULL; p += 2)
    {
      if (p[1] == 'd')
        n++;
      else if (p[1] != '%')
        return FALSE;
    }
  return n == 2;
}


static void
sec_document_finalize (GObject *object)
{
  SecDocument *self = SEC_DOCUMENT (object);

  _sec_document_invalidate_layout (self);
  _sec_document_clear_letterhead (self);
  g_clear_object (&self->header_layouts[0]);
  g_clear_object (&self->header_layouts[1]);
  g_clear_pointer (&self->footer_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_object (&self->layouts[i]);
  g_clear_object (&self->context);
  g_clear_pointer (&self->sections, g_array_unref);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->language);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->footer_text);
  g_free (self->page_format);

  G_OBJECT_CLASS (sec_document_parent_class)->finalize (object);
}

static void
sec_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SecDocument *self = SEC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SecDocument *self = SEC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = dup_valid (g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_document_class_init (SecDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sec_document_finalize;
  object_class->get_property = sec_document_get_property;
  object_class->set_property = sec_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sec_document_init (SecDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);
  _sec_document_init_letterhead (self);
}

/* Public API: paper */

void
sec_paper_get_size (SecPaper  paper,
                    double   *width,
                    double   *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == SEC_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 * MM;
      *height = 297.0 * MM;
    }
}

gboolean
sec_paper_from_string (const char *name,
                       SecPaper   *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = SEC_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = SEC_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

const char *
sec_paper_to_string (SecPaper paper)
{
  return paper == SEC_PAPER_LETTER ? "letter" : "a4";
}

SecPaper
sec_paper_get_default (void)
{
#ifdef _NL_PAPER_WIDTH
  /* glibc gives the width in millimetres in place of a string. */
  int width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);

  if (width == 216)
    return SEC_PAPER_LETTER;
#endif
  return SEC_PAPER_A4;
}

/* Public API: content */

/**
 * sec_document_new:
 * @title: the title
 *
 * Returns: (transfer full): an empty document
 */
SecDocument *
sec_document_new (const char *title)
{
  return g_object_new (SEC_TYPE_DOCUMENT, "title", title, NULL);
}

const char *
sec_document_get_title (SecDocument *self)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
sec_document_set_author (SecDocument *self,
                         const char  *author)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  g_free (self->author);
  self->author = dup_valid (author);
}

void
sec_document_set_personal (SecDocument *self,
                           gboolean     personal)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  self->personal = personal;
}

gboolean
sec_document_get_personal (SecDocument *self)
{
  g_return_val_if_fail (SEC_IS_DOCUMENT (self), FALSE);

  return self->personal;
}

void
sec_document_set_subject (SecDocument *self,
                          const char  *subject)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  g_free (self->subject);
  self->subject = dup_valid (subject);
}

void
sec_document_set_language (SecDocument *self,
                           const char  *language)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  g_free (self->language);
  self->language = dup_valid (language);
}

void
sec_document_set_header (SecDocument *self,
                         const char  *left_markup,
                         const char  *right_markup)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  g_free (self->header_left);
  g_free (self->header_right);
  self->header_left = dup_valid (left_markup);
  self->header_right = dup_valid (right_markup);
  _sec_document_invalidate_layout (self);
}

void
sec_document_set_footer (SecDocument *self,
                         const char  *text,
                         const char  *page_format)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));

  g_free (self->footer_text);
  g_free (self->page_format);
  self->footer_text = dup_valid (text);
  self->page_format = dup_valid (page_format);
  if (page_format != NULL && !_sec_document_is_page_format (page_format))
    g_warning ("“%s” is not a page format like “Page %%d of %%d”", page_format);
  _sec_document_invalidate_layout (self);
}

void
sec_document_begin_section (SecDocument *self,
                            const char  *name,
                            const char  *note)
{
  Section section = { dup_valid (name), dup_valid (note), 0 };
  Block *block;

  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table == NULL);

  g_array_append_val (self->sections, section);
  block = add_block (self, BLOCK_SECTION);
  block->section = self->sections->len - 1;
}

void
sec_document_add_heading (SecDocument *self,
                          const char  *text)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table == NULL);
  g_return_if_fail (text != NULL);

  add_block (self, BLOCK_HEADING)->markup = dup_valid (text);
}

void
sec_document_add_paragraph (SecDocument *self,
                            const char  *markup)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table == NULL);
  g_return_if_fail (markup != NULL);

  add_block (self, BLOCK_PARAGRAPH)->markup = dup_valid (markup);
}

void
sec_document_begin_table (SecDocument             *self,
                          SecTableStyle            style,
                          const SecDocumentColumn *columns,
                          guint                    n_columns)
{
  Table *table;

  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table == NULL);
  g_return_if_fail (columns != NULL && n_columns > 0);

  table = g_new0 (Table, 1);
  table->style = style;
  table->n_columns = n_columns;
  table->columns = g_new0 (SecDocumentColumn, n_columns);
  table->x = g_new0 (double, n_columns);
  table->w = g_new0 (double, n_columns);
  table->header_layouts = g_new0 (PangoLayout *, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      table->columns[c] = columns[c];
      table->columns[c].title = dup_valid (columns[c].title ? columns[c].title : "");
    }
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  add_block (self, BLOCK_TABLE)->table = table;
  self->open_table = table;
}

void
sec_document_set_row_height (SecDocument *self,
                             double       height)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);

  self->open_table->min_row_height = MAX (height, 0.0);
  _sec_document_invalidate_layout (self);
}

void
sec_document_add_row (SecDocument        *self,
                      SecRowStyle         style,
                      const char *const  *cells)
{
  Table *table;
  Row *row;

  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);
  g_return_if_fail (cells != NULL);

  table = self->open_table;
  row = g_new0 (Row, 1);
  row->kind = style == SEC_ROW_MUTED ? ROW_MUTED : ROW_NORMAL;
  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (cells[c] == NULL)
        row->cells[c] = g_strdup ("");
      else if (row->kind == ROW_MUTED)
        row->cells[c] = g_strconcat ("<i>", cells[c], "</i>", NULL);
      else
        row->cells[c] = dup_valid (cells[c]);
    }
  g_ptr_array_add (table->rows, row);
  _sec_document_invalidate_layout (self);
}

void
sec_document_add_group (SecDocument *self,
                        const char  *text,
                        const char  *continued)
{
  Row *row;

  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);
  g_return_if_fail (text != NULL);

  row = g_new0 (Row, 1);
  row->kind = ROW_GROUP;
  row->cells = g_new0 (char *, 3);
  {
    g_autofree char *valid_text = dup_valid (text);
    g_autofree char *valid_continued = dup_valid (continued ? continued : text);

    row->cells[0] = g_markup_escape_text (valid_text, -1);
    row->cells[1] = g_markup_escape_text (valid_continued, -1);
  }
  g_ptr_array_add (self->open_table->rows, row);
  _sec_document_invalidate_layout (self);
}

void
sec_document_end_table (SecDocument *self)
{
  g_return_if_fail (SEC_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);

  self->open_table = NULL;
}

