/* sec-document-text.c: the text of the workflows' documents */
#define G_LOG_DOMAIN "sec-document-text"

#include "config.h"

#include <glib/gi18n.h>

/* For sec_resolve_wall_time () alone: reading a stored date is no matter
 * of calls, but that is where the function lives. */
#include "core/calls/sec-calls.h"
#include "core/documents/sec-document-text.h"
#include "core/store/sec-record.h"

#define TR(s) sec_document_locale_gettext (locale, (s))

char *
sec_text_escape (const char *text)
{
  g_autofree char *valid = NULL;

  /* g_markup_escape_text () reads invalid UTF-8 past its end. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  return g_markup_escape_text (text ? text : "", -1);
}

void
sec_text_append_fact (GString    *markup,
                      const char *label,
                      const char *value)
{
  g_autofree char *l = sec_text_escape (label);
  g_autofree char *v = sec_text_escape (value);

  g_return_if_fail (markup != NULL);

  if (sec_text_is_empty (value))
    return;
  if (markup->len)
    g_string_append_c (markup, '\n');
  g_string_append_printf (markup, "<b>%s:</b> %s", l, v);
}

char *
sec_text_format_day (SecDocumentLocale *locale,
                     const char        *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  if (sec_text_is_empty (iso))
    return g_strdup ("");
  if ((dt = sec_resolve_wall_time (iso, "UTC", FALSE)) == NULL)
    return g_strdup (iso);
  /* TRANSLATORS: a date in a document, see g_date_time_format (): "13 June 2018" */
  return sec_document_locale_format_date (locale, dt, TR (N_("%-d %B %Y")));
}

const char *
sec_text_field_label (SecDocumentLocale *locale,
                      GType              kind,
                      const char        *field)
{
  return TR (sec_kind_find_field (sec_kind_from_type (kind), field)->label);
}

const char *
sec_text_choice_label (SecDocumentLocale *locale,
                       GType              kind,
                       const char        *field,
                       const char        *nick)
{
  const SecField *f = sec_kind_find_field (sec_kind_from_type (kind), field);

  if (f == NULL || f->choices == NULL || nick == NULL)
    return nick ? nick : "";
  for (const SecChoice *c = f->choices; c->nick; c++)
    if (g_str_equal (c->nick, nick))
      return TR (c->label);
  return nick;
}

/**
 * sec_text_new_document:
 *
 * Returns: (transfer full): a document without content
 */
SecDocument *
sec_text_new_document (SecDocumentLocale *locale,
                       const char        *title,
                       const char        *subject,
                       const char        *header_left,
                       const char        *header_right)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;
  g_autofree char *generated = NULL;
  const char *author = g_get_real_name ();
  SecDocument *doc = sec_document_new (title);

  if (author != NULL && *author && g_strcmp0 (author, "Unknown") != 0)
    sec_document_set_author (doc, author);
  sec_document_set_subject (doc, subject);
  sec_document_set_language (doc, sec_document_locale_get_language (locale));
  sec_document_set_header (doc, header_left, header_right);

  /* TRANSLATORS: when a document was made, see g_date_time_format (): "13 June 2018, 09:30" */
  when = sec_document_locale_format_date (locale, now, TR (N_("%-d %B %Y, %H:%M")));
  /* TRANSLATORS: in the footer of a document */
  generated = g_strdup_printf (TR (N_("Generated on %s")), when);
  /* TRANSLATORS: the page number in the footer of a document: "Page 2 of 7" */
  sec_document_set_footer (doc, generated, TR (N_("Page %d of %d")));
  return doc;
}

void
sec_text_add_paragraphs (SecDocument *doc,
                         const char  *text)
{
  g_auto(GStrv) paragraphs = NULL;

  g_return_if_fail (SEC_IS_DOCUMENT (doc));

  if (sec_text_is_empty (text))
    return;
  paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_autofree char *markup = sec_text_escape (g_strstrip (paragraphs[i]));

      if (*markup)
        sec_document_add_paragraph (doc, markup);
    }
}
