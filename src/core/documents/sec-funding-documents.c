/* sec-funding-documents.c: the documents of EU funding */
#define G_LOG_DOMAIN "sec-funding-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/documents/sec-csv.h"
#include "core/documents/sec-document-text.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-funding-documents.h"
#include "core/documents/sec-ical.h"
#include "core/funding/sec-funding.h"
#include "core/store/sec-records.h"

#define TR(s) sec_document_locale_gettext (locale, (s))

/* The VTIMEZONE covers the deadline and this much on either side. */
#define ZONE_MARGIN_SECONDS (366 * (gint64) 24 * 60 * 60)

/* Helpers */

/* "€7,999,182" in the document's language; "" when not known. */
static char *
format_euros (SecDocumentLocale *locale,
              gint64             euros)
{
  g_autofree char *count = NULL;

  if (euros == 0)
    return g_strdup ("");
  count = sec_format_count (euros);
  return g_strdup_printf (TR (N_("€%s")), count);
}

/* "1 March 2012 – 28 February 2017" */
static char *
format_dates (SecDocumentLocale *locale,
              SecRecord         *project)
{
  g_autofree char *start = sec_text_format_day (locale, sec_record_get_string (project, "starts-on"));
  g_autofree char *end = sec_text_format_day (locale, sec_record_get_string (project, "ends-on"));

  if (*start == '\0' && *end == '\0')
    return g_strdup ("");
  return g_strdup_printf ("%s – %s", start, end);
}

static char *
country_names (SecDocumentLocale  *locale,
               const char *const  *codes)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; codes && codes[i]; i++)
    {
      const char *name = sec_document_locale_country_name (locale, codes[i]);

      if (names->len)
        g_string_append (names, TR (N_(", ")));
      g_string_append (names, name ? name : codes[i]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
label (SecDocumentLocale *locale,
       GType              kind,
       const char        *field)
{
  return sec_text_field_label (locale, kind, field);
}

static void
add_summary (SecDocument       *doc,
             SecDocumentLocale *locale,
             SecPortfolio      *portfolio)
{
  SecDocumentColumn columns[] = {
    { label (locale, SEC_TYPE_PROJECT, "acronym"), 12, 0 },
    { label (locale, SEC_TYPE_PROJECT, "programme"), 8, 0 },
    { TR (N_("Reference")), 13, SEC_COLUMN_SMALL },
    { TR (N_("Coordinator")), 20, SEC_COLUMN_SMALL },
    { TR (N_("Countries")), 20, SEC_COLUMN_SMALL },
    { TR (N_("Dates")), 15, SEC_COLUMN_SMALL },
    { TR (N_("Budget")), 12, SEC_COLUMN_END },
  };

  sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < portfolio->projects->len; i++)
    {
      SecPortfolioProject *entry = g_ptr_array_index (portfolio->projects, i);
      SecRecord *p = entry->project;
      g_autofree char *acronym = sec_text_escape (sec_record_get_string (p, "acronym"));
      g_autofree char *programme = sec_text_escape (sec_record_get_derived (p, "programme-name"));
      g_autofree char *reference = sec_text_escape (sec_record_get_string (p, "reference"));
      g_autofree char *coordinator = sec_text_escape (sec_record_get_derived (p, "coordinator-name"));
      g_autofree char *names = country_names (locale, (const char *const *) entry->countries);
      g_autofree char *countries = sec_text_escape (names);
      g_autofree char *dates_text = format_dates (locale, p);
      g_autofree char *dates = sec_text_escape (dates_text);
      g_autofree char *budget_text = format_euros (locale, sec_record_get_int (p, "budget"));
      g_autofree char *budget = sec_text_escape (budget_text);
      g_autofree char *bold = g_strdup_printf ("<b>%s</b>", acronym);

      sec_document_add_row (doc, SEC_ROW_NORMAL, (const char *const[]) {
                              bold, programme, reference, coordinator, countries, dates, budget });
    }
  {
    g_autofree char *total_text = format_euros (locale, portfolio->budget);
    g_autofree char *total = g_markup_printf_escaped ("<b>%s</b>", total_text);
    g_autofree char *word = g_markup_printf_escaped ("<b>%s</b>", TR (N_("Total")));

    sec_document_add_row (doc, SEC_ROW_NORMAL, (const char *const[]) { word, NULL, NULL, NULL, NULL, NULL, total });
  }
  sec_document_end_table (doc);
}

static void
add_totals (SecDocument       *doc,
            SecDocumentLocale *locale,
            SecPortfolio      *portfolio)
{
  SecDocumentColumn columns[] = {
    { label (locale, SEC_TYPE_PROJECT, "programme"), 40, 0 },
    { TR (N_("Start year")), 20, SEC_COLUMN_END },
    { TR (N_("Projects")), 15, SEC_COLUMN_END },
    { TR (N_("Budget")), 25, SEC_COLUMN_END },
  };

  sec_document_add_heading (doc, TR (N_("Projects per programme and year")));
  sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < portfolio->totals->len; i++)
    {
      SecPortfolioTotal *t = g_ptr_array_index (portfolio->totals, i);
      g_autofree char *programme = sec_text_escape (t->programme);
      g_autofree char *year = t->year ? g_strdup_printf ("%d", t->year) : g_strdup ("");
      g_autofree char *n = g_strdup_printf ("%u", t->n_projects);
      g_autofree char *budget_text = format_euros (locale, t->budget);
      g_autofree char *budget = sec_text_escape (budget_text);

      sec_document_add_row (doc, SEC_ROW_NORMAL, (const char *const[]) { programme, year, n, budget });
    }
  sec_document_end_table (doc);
}

static void
add_coverage (SecDocument       *doc,
              SecDocumentLocale *locale,
              SecPortfolio      *portfolio)
{
  SecDocumentColumn columns[] = {
    { TR (N_("Country")), 50, 0 },
    { TR (N_("Projects")), 25, SEC_COLUMN_END },
    { TR (N_("Partners")), 25, SEC_COLUMN_END },
  };

  sec_document_add_heading (doc, TR (N_("Partners by country")));
  sec_document_add_paragraph (doc, TR (N_("EU Member States in protocol order, then the other countries. "
                                          "Coordinators and host institutions count as partners.")));
  sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < portfolio->countries->len; i++)
    {
      SecPortfolioCountry *c = g_ptr_array_index (portfolio->countries, i);
      const char *name = sec_document_locale_country_name (locale, c->country);
      g_autofree char *country = sec_text_escape (name ? name : c->country);
      g_autofree char *projects = g_strdup_printf ("%u", c->n_projects);
      g_autofree char *partners = g_strdup_printf ("%u", c->n_partners);

      sec_document_add_row (doc, SEC_ROW_NORMAL, (const char *const[]) { country, projects, partners });
    }
  sec_document_end_table (doc);
}

static void
add_project (SecDocument         *doc,
             SecDocumentLocale   *locale,
             SecPortfolioProject *entry)
{
  SecRecord *p = entry->project;
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autofree char *heading = g_strdup_printf ("%s – %s", sec_record_get_string (p, "acronym"),
                                              sec_record_get_string (p, "title"));
  g_autofree char *dates = format_dates (locale, p);
  g_autofree char *budget = format_euros (locale, sec_record_get_int (p, "budget"));
  g_autofree char *contribution = format_euros (locale, sec_record_get_int (p, "eu-contribution"));
  g_autofree char *months = entry->months >= 0
                            ? g_strdup_printf (TR (N_("%d months")), entry->months) : NULL;
  const char *grant = sec_record_get_string (p, "grant-type");

  sec_document_begin_section (doc, sec_record_get_string (p, "acronym"), NULL);
  sec_document_add_heading (doc, heading);
  sec_text_append_fact (facts, label (locale, SEC_TYPE_PROJECT, "reference"), sec_record_get_string (p, "reference"));
  sec_text_append_fact (facts, label (locale, SEC_TYPE_PROJECT, "programme"), sec_record_get_derived (p, "programme-name"));
  if (!sec_text_is_empty (grant))
    sec_text_append_fact (facts, label (locale, SEC_TYPE_PROJECT, "grant-type"),
                          sec_text_choice_label (locale, SEC_TYPE_PROJECT, "grant-type", grant));
  sec_text_append_fact (facts, label (locale, SEC_TYPE_PROJECT, "funding-call"), sec_record_get_derived (p, "funding-call-title"));
  sec_text_append_fact (facts, label (locale, SEC_TYPE_PROJECT, "coordinator"), sec_record_get_derived (p, "coordinator-name"));
  sec_text_append_fact (facts, label (locale, SEC_TYPE_PROJECT, "principal-investigator"),
                        sec_record_get_derived (p, "principal-investigator-name"));
  sec_text_append_fact (facts, TR (N_("Dates")), dates);
  sec_text_append_fact (facts, TR (N_("Duration")), months);
  sec_text_append_fact (facts, TR (N_("Budget")), budget);
  sec_text_append_fact (facts, TR (N_("EU contribution")), contribution);
  sec_text_append_fact (facts, label (locale, SEC_TYPE_PROJECT, "themes"), sec_record_get_string (p, "themes"));
  sec_document_add_paragraph (doc, facts->str);

  if (entry->partners->len > 0)
    {
      g_autofree char *title = g_strdup_printf (TR (N_("%s (%u)")), TR (N_("Partners")), entry->partners->len);
      SecDocumentColumn columns[] = {
        { TR (N_("No.")), 6, SEC_COLUMN_END },
        { label (locale, SEC_TYPE_PROJECT_PARTNER, "organisation"), 50, 0 },
        { TR (N_("Short name")), 14, SEC_COLUMN_SMALL },
        { TR (N_("Country")), 16, SEC_COLUMN_SMALL },
        { label (locale, SEC_TYPE_PROJECT_PARTNER, "role"), 14, SEC_COLUMN_SMALL },
      };

      sec_document_add_heading (doc, title);
      sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
      for (guint i = 0; i < entry->partners->len; i++)
        {
          SecRecord *partner = g_ptr_array_index (entry->partners, i);
          const char *code = sec_record_get_derived (partner, "country");
          const char *country_name = code ? sec_document_locale_country_name (locale, code) : NULL;
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *name = sec_text_escape (sec_record_get_derived (partner, "organisation-name"));
          g_autofree char *short_name = sec_text_escape (sec_record_get_string (partner, "short-name"));
          g_autofree char *country = sec_text_escape (country_name ? country_name : code);
          g_autofree char *role = sec_text_escape (sec_text_choice_label (locale, SEC_TYPE_PROJECT_PARTNER, "role",
                                                                          sec_record_get_string (partner, "role")));

          sec_document_add_row (doc, SEC_ROW_NORMAL, (const char *const[]) { number, name, short_name, country, role });
        }
      sec_document_end_table (doc);
    }

  if (!sec_text_is_empty (sec_record_get_string (p, "objectives")))
    {
      sec_document_add_heading (doc, label (locale, SEC_TYPE_PROJECT, "objectives"));
      sec_text_add_paragraphs (doc, sec_record_get_string (p, "objectives"));
    }
  if (!sec_text_is_empty (sec_record_get_string (p, "results")))
    {
      sec_document_add_heading (doc, label (locale, SEC_TYPE_PROJECT, "results"));
      sec_text_add_paragraphs (doc, sec_record_get_string (p, "results"));
    }
}

/* Public API */

SecDocument *
sec_funding_document_portfolio (SecPortfolio *portfolio,
                                const char   *filter,
                                const char   *language)
{
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autofree char *left = NULL;
  g_autofree char *count = NULL;
  SecDocument *doc;
  const char *title;

  g_return_val_if_fail (portfolio != NULL, NULL);

  locale = sec_document_locale_new (language);
  title = TR (N_("Portfolio of funded projects"));
  left = g_markup_printf_escaped ("<b>%s</b>", title);
  doc = sec_text_new_document (locale, title, title, left, filter ? filter : "");

  /* TRANSLATORS: the name of a document's section, in the PDF's outline */
  sec_document_begin_section (doc, TR (N_("Summary")), NULL);
  sec_document_add_heading (doc, title);
  count = g_strdup_printf (TR (N_("Projects: %u")), portfolio->projects->len);
  if (filter != NULL && *filter != '\0')
    {
      g_autofree char *text = g_markup_printf_escaped ("%s · %s", filter, count);
      sec_document_add_paragraph (doc, text);
    }
  else
    sec_document_add_paragraph (doc, count);
  add_summary (doc, locale, portfolio);
  add_totals (doc, locale, portfolio);
  add_coverage (doc, locale, portfolio);

  for (guint i = 0; i < portfolio->projects->len; i++)
    add_project (doc, locale, g_ptr_array_index (portfolio->projects, i));
  return doc;
}

char *
sec_funding_csv_portfolio (SecPortfolio *portfolio,
                           const char   *language)
{
  g_autoptr(SecDocumentLocale) locale = NULL;
  GString *out;
  const char *header[10];
  guint n = 0;

  g_return_val_if_fail (portfolio != NULL, NULL);

  locale = sec_document_locale_new (language);
  header[n++] = label (locale, SEC_TYPE_PROJECT, "acronym");
  header[n++] = label (locale, SEC_TYPE_PROJECT, "title");
  header[n++] = label (locale, SEC_TYPE_PROJECT, "programme");
  header[n++] = TR (N_("Reference"));
  header[n++] = TR (N_("Coordinator"));
  header[n++] = TR (N_("Countries"));
  header[n++] = label (locale, SEC_TYPE_PROJECT, "starts-on");
  header[n++] = label (locale, SEC_TYPE_PROJECT, "ends-on");
  header[n++] = TR (N_("Duration (months)"));
  header[n++] = TR (N_("Budget (euros)"));
  g_assert (n == G_N_ELEMENTS (header));

  out = g_string_new (SEC_CSV_BOM);
  sec_csv_append_record (out, header, n);
  for (guint i = 0; i < portfolio->projects->len; i++)
    {
      SecPortfolioProject *entry = g_ptr_array_index (portfolio->projects, i);
      SecRecord *p = entry->project;
      g_autofree char *countries = g_strjoinv (" ", entry->countries);
      g_autofree char *months = entry->months >= 0 ? g_strdup_printf ("%d", entry->months) : NULL;
      g_autofree char *budget = sec_record_get_int (p, "budget") > 0
                                ? g_strdup_printf ("%d", sec_record_get_int (p, "budget")) : NULL;
      const char *values[G_N_ELEMENTS (header)] = {
        sec_record_get_string (p, "acronym"),
        sec_record_get_string (p, "title"),
        sec_record_get_derived (p, "programme-name"),
        sec_record_get_string (p, "reference"),
        sec_record_get_derived (p, "coordinator-name"),
        countries,
        sec_record_get_string (p, "starts-on"),
        sec_record_get_string (p, "ends-on"),
        months,
        budget,
      };

      sec_csv_append_record (out, values, n);
    }
  return g_string_free (out, FALSE);
}

char *
sec_funding_call_ical (SecRecord   *call,
                       const char  *store_uuid,
                       GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *tz_id;
  const char *link;
  gboolean with_zone;

  g_return_val_if_fail (SEC_IS_FUNDING_CALL (call), NULL);

  if ((deadline = sec_funding_call_dup_deadline (call)) == NULL)
    {
      g_autofree char *title = sec_record_dup_title (call);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The call “%s” has no deadline"), title);
      return NULL;
    }
  tz_id = sec_record_get_string (call, "deadline-timezone");
  if (sec_text_is_empty (tz_id))
    tz_id = SEC_FUNDING_DEFAULT_TIMEZONE;
  link = sec_record_get_string (call, "link");

  sec_ical_begin_calendar (out);
  with_zone = sec_ical_append_vtimezone (out, tz_id,
                                         g_date_time_to_unix (deadline) - ZONE_MARGIN_SECONDS,
                                         g_date_time_to_unix (deadline) + ZONE_MARGIN_SECONDS);
  sec_ical_append_line (out, "BEGIN", "VEVENT");
  {
    /* The same call of the same database: the same event. */
    g_autofree char *uid = g_strdup_printf ("funding-call-%" G_GINT64_FORMAT "-%s@secretariat",
                                            sec_record_get_id (call), store_uuid ? store_uuid : "");
    g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
    g_autofree char *modified = sec_ical_format_utc_stamp (sec_record_get_updated_at (call));
    g_autofree char *title = sec_record_dup_title (call);
    /* TRANSLATORS: the calendar event of a call's deadline, "Deadline: Integration of ..." */
    g_autofree char *summary_text = g_strdup_printf (_("Deadline: %s"), title);
    g_autofree char *summary = sec_ical_escape_text (summary_text);
    g_autoptr(GString) description = g_string_new (NULL);

    sec_ical_append_line (out, "UID", uid);
    sec_ical_append_line (out, "DTSTAMP", stamp);
    if (modified)
      sec_ical_append_line (out, "LAST-MODIFIED", modified);
    sec_ical_append_datetime (out, "DTSTART", deadline, with_zone ? tz_id : NULL);
    sec_ical_append_datetime (out, "DTEND", deadline, with_zone ? tz_id : NULL);
    sec_ical_append_line (out, "SUMMARY", summary);
    if (!sec_text_is_empty (sec_record_get_derived (call, "programme-name")))
      g_string_append (description, sec_record_get_derived (call, "programme-name"));
    if (!sec_text_is_empty (sec_record_get_string (call, "reference")))
      g_string_append_printf (description, "%s%s", description->len ? " · " : "", sec_record_get_string (call, "reference"));
    if (!sec_text_is_empty (sec_record_get_string (call, "topics")))
      g_string_append_printf (description, "%s%s", description->len ? "\n\n" : "", sec_record_get_string (call, "topics"));
    if (!sec_text_is_empty (link))
      g_string_append_printf (description, "%s%s", description->len ? "\n\n" : "", link);
    if (description->len)
      {
        g_autofree char *escaped = sec_ical_escape_text (description->str);
        sec_ical_append_line (out, "DESCRIPTION", escaped);
      }
    /* URL is a URI: only a plain web address goes there. */
    if (sec_export_is_web_link (link))
      sec_ical_append_line (out, "URL", link);
    sec_ical_append_line (out, "TRANSP", "TRANSPARENT");
    sec_ical_append_line (out, "BEGIN", "VALARM");
    sec_ical_append_line (out, "ACTION", "DISPLAY");
    sec_ical_append_line (out, "DESCRIPTION", summary);
    sec_ical_append_line (out, "TRIGGER", "-P7D");
    sec_ical_append_line (out, "END", "VALARM");
  }
  sec_ical_append_line (out, "END", "VEVENT");
  sec_ical_append_line (out, "END", "VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
