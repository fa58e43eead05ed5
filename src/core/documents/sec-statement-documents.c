/* sec-statement-documents.c: the documents of a joint statement */
#define G_LOG_DOMAIN "sec-statement-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-csv.h"
#include "core/documents/sec-document-text.h"
#include "core/documents/sec-statement-documents.h"

typedef struct {
  SecStore          *store;
  SecStatement      *statement;
  SecDocumentLocale *locale;
  SecDocument       *doc;
} Builder;

#define TR(s) sec_document_locale_gettext (b->locale, (s))

/* Helpers */

static const char *
status_label (Builder           *b,
              SecFollowUpStatus  status)
{
  return sec_text_choice_label (b->locale, SEC_TYPE_FOLLOW_UP, "status", sec_follow_up_status_to_nick (status));
}

/* "European Union Agency for Law Enforcement Cooperation (Europol)" */
static char *
dup_signatory_name (SecRecord *signatory)
{
  const char *name = sec_record_get_derived (signatory, "organisation-name");
  const char *acronym = sec_record_get_derived (signatory, "organisation-acronym");

  if (!sec_text_is_empty (acronym) && g_strcmp0 (acronym, name) != 0)
    return g_strdup_printf ("%s (%s)", name, acronym);
  return g_strdup (name ? name : "");
}

/* The short name for the grid's rows: the acronym, or the name. */
static const char *
signatory_short_name (SecRecord *signatory)
{
  const char *acronym = sec_record_get_derived (signatory, "organisation-acronym");

  return sec_text_is_empty (acronym) ? sec_record_get_derived (signatory, "organisation-name") : acronym;
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->locale, sec_document_locale_unref);
}

static void
setup_document (Builder    *b,
                const char *title)
{
  SecRecord *s = SEC_RECORD (b->statement);
  g_autofree char *statement_title = sec_text_escape (sec_record_get_string (s, "title"));
  g_autofree char *signed_on = sec_text_format_day (b->locale, sec_record_get_string (s, "signed-on"));
  g_autofree char *place = sec_text_escape (sec_record_get_string (s, "place"));
  g_autoptr(GString) right = g_string_new (NULL);
  g_autofree char *left = NULL;

  left = g_strdup_printf ("<b>%s</b>", statement_title);
  if (*signed_on)
    {
      g_autofree char *escaped = sec_text_escape (signed_on);
      g_string_append (right, escaped);
    }
  if (*place)
    g_string_append_printf (right, "%s%s", right->len ? "\n" : "", place);
  b->doc = sec_text_new_document (b->locale, title, sec_record_get_string (s, "title"), left, right->str);
}

/* "Joint Statement 2011 (18 October 2011)" */
static char *
dup_titled_day (Builder    *b,
                SecRecord  *record,
                const char *title_field,
                const char *day_field)
{
  const char *title = sec_record_get_string (record, title_field);
  const char *iso = sec_record_get_string (record, day_field);
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;

  if (sec_text_is_empty (iso))
    return g_strdup (title);
  /* A meeting starts at a date and time: its day is enough. */
  date = g_strndup (iso, 10);
  day = sec_text_format_day (b->locale, date);
  return g_strdup_printf ("%s (%s)", title, day);
}

/* The statement */

SecDocument *
sec_statement_document (SecStore      *store,
                        SecStatement  *statement,
                        const char    *language,
                        GError       **error)
{
  Builder builder = { store, statement, NULL, NULL }, *b = &builder;
  SecRecord *s = SEC_RECORD (statement);
  g_autoptr(GPtrArray) signatories = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autofree char *signed_on = NULL;
  SecDocument *doc;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((signatories = sec_statement_list_signatories (store, statement, error)) == NULL ||
      (commitments = sec_statement_list_commitments (store, statement, error)) == NULL)
    return NULL;

  b->locale = sec_document_locale_new (language);
  setup_document (b, sec_record_get_string (s, "title"));
  /* TRANSLATORS: the name of a document's section, in the PDF's outline */
  sec_document_begin_section (b->doc, TR (N_("Joint statement")), NULL);
  sec_document_add_heading (b->doc, sec_record_get_string (s, "title"));

  signed_on = sec_text_format_day (b->locale, sec_record_get_string (s, "signed-on"));
  sec_text_append_fact (facts, sec_text_field_label (b->locale, SEC_TYPE_STATEMENT, "signed-on"), signed_on);
  sec_text_append_fact (facts, sec_text_field_label (b->locale, SEC_TYPE_STATEMENT, "place"), sec_record_get_string (s, "place"));
  if (sec_record_get_ref (s, "meeting") != 0)
    {
      g_autoptr(SecRecord) meeting = sec_store_get (store, SEC_TYPE_MEETING, sec_record_get_ref (s, "meeting"), NULL);
      g_autofree char *text = meeting ? dup_titled_day (b, meeting, "title", "starts-at") : NULL;

      sec_text_append_fact (facts, sec_text_field_label (b->locale, SEC_TYPE_STATEMENT, "meeting"), text);
    }
  if (sec_record_get_ref (s, "predecessor") != 0)
    {
      g_autoptr(SecRecord) predecessor = sec_store_get (store, SEC_TYPE_STATEMENT,
                                                        sec_record_get_ref (s, "predecessor"), NULL);
      g_autofree char *text = predecessor ? dup_titled_day (b, predecessor, "title", "signed-on") : NULL;

      sec_text_append_fact (facts, sec_text_field_label (b->locale, SEC_TYPE_STATEMENT, "predecessor"), text);
    }
  if (facts->len)
    sec_document_add_paragraph (b->doc, facts->str);
  sec_text_add_paragraphs (b->doc, sec_record_get_string (s, "summary"));

  {
    g_autofree char *heading = g_strdup_printf (TR (N_("%s (%u)")), TR (N_("Signatories")), signatories->len);
    SecDocumentColumn columns[] = {
      { TR (N_("No.")), 6, SEC_COLUMN_END },
      { sec_text_field_label (b->locale, SEC_TYPE_SIGNATORY, "organisation"), 46, 0 },
      { sec_text_field_label (b->locale, SEC_TYPE_SIGNATORY, "signer-name"), 26, 0 },
      { sec_text_field_label (b->locale, SEC_TYPE_SIGNATORY, "signer-position"), 22, SEC_COLUMN_SMALL },
    };

    sec_document_add_heading (b->doc, heading);
    sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
    for (guint i = 0; i < signatories->len; i++)
      {
        SecRecord *sig = g_ptr_array_index (signatories, i);
        g_autofree char *number = g_strdup_printf ("%u", i + 1);
        g_autofree char *name = dup_signatory_name (sig);
        g_autofree char *org = sec_text_escape (name);
        g_autofree char *signer = sec_text_escape (sec_record_get_string (sig, "signer-name"));
        g_autofree char *position = sec_text_escape (sec_record_get_string (sig, "signer-position"));

        sec_document_add_row (b->doc, SEC_ROW_NORMAL, (const char *const[]) { number, org, signer, position });
      }
    sec_document_end_table (b->doc);
  }

  if (commitments->len > 0)
    {
      SecDocumentColumn columns[] = {
        { TR (N_("No.")), 6, SEC_COLUMN_END | SEC_COLUMN_LABEL },
        { sec_text_field_label (b->locale, SEC_TYPE_COMMITMENT, "text"), 94, 0 },
      };

      sec_document_add_heading (b->doc, TR (N_("Commitments")));
      sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
      for (guint i = 0; i < commitments->len; i++)
        {
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *text = sec_text_escape (sec_record_get_string (g_ptr_array_index (commitments, i), "text"));

          sec_document_add_row (b->doc, SEC_ROW_NORMAL, (const char *const[]) { number, text });
        }
      sec_document_end_table (b->doc);
    }

  if (!sec_text_is_empty (sec_record_get_string (s, "text")))
    {
      sec_document_add_heading (b->doc, sec_text_field_label (b->locale, SEC_TYPE_STATEMENT, "text"));
      sec_text_add_paragraphs (b->doc, sec_record_get_string (s, "text"));
    }

  doc = b->doc;
  builder_clear (b);
  return doc;
}

/* The monitoring report */

static char *
dup_year_label (Builder *b,
                int      year)
{
  if (year == 0)
    /* TRANSLATORS: the period of a monitoring report made of each commitment's latest follow-up */
    return g_strdup (TR (N_("Latest follow-up")));
  /* TRANSLATORS: the period of a monitoring report: "Follow-up in 2019" */
  return g_strdup_printf (TR (N_("Follow-up in %d")), year);
}

static char *
dup_progress_text (Builder           *b,
                   const SecProgress *p)
{
  /* TRANSLATORS: a monitoring report's summary: "25 % done: 2 of the 8 cells that apply (9 in all). Done: 2, in progress: 1, not started: 5, not applicable: 1." */
  return g_strdup_printf (TR (N_("%d %% done: %u of the %u cells that apply (%u in all). "
                                 "Done: %u, in progress: %u, not started: %u, not applicable: %u.")),
                          p->percent_done, p->counts[SEC_FOLLOW_UP_DONE], p->applicable, p->total,
                          p->counts[SEC_FOLLOW_UP_DONE], p->counts[SEC_FOLLOW_UP_IN_PROGRESS],
                          p->counts[SEC_FOLLOW_UP_NOT_STARTED], p->counts[SEC_FOLLOW_UP_NOT_APPLICABLE]);
}

SecDocument *
sec_statement_document_monitoring (SecStore      *store,
                                   SecStatement  *statement,
                                   int            year,
                                   const char    *language,
                                   GError       **error)
{
  Builder builder = { store, statement, NULL, NULL }, *b = &builder;
  g_autoptr(SecStatementGrid) grid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *summary = NULL;
  SecProgress progress;
  guint n_rows, n_columns;
  SecDocument *doc;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (year >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((grid = sec_statement_get_grid (store, statement, year, error)) == NULL)
    return NULL;
  n_rows = sec_statement_grid_get_n_commitments (grid);
  n_columns = sec_statement_grid_get_n_signatories (grid);

  b->locale = sec_document_locale_new (language);
  /* "Monitoring report – Joint Statement of commitment…" */
  title = g_strdup_printf ("%s – %s", TR (N_("Monitoring report")),
                           sec_record_get_string (SEC_RECORD (statement), "title"));
  setup_document (b, title);
  period = dup_year_label (b, year);
  sec_document_begin_section (b->doc, TR (N_("Monitoring report")), period);
  sec_document_add_heading (b->doc, title);
  {
    g_autofree char *markup = sec_text_escape (period);
    sec_document_add_paragraph (b->doc, markup);
  }
  sec_statement_grid_get_progress (grid, &progress);
  summary = dup_progress_text (b, &progress);
  {
    g_autofree char *markup = sec_text_escape (summary);
    sec_document_add_paragraph (b->doc, markup);
  }

  /* Progress per signatory. */
  if (n_columns > 0 && n_rows > 0)
    {
      SecDocumentColumn columns[] = {
        { sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "signatory"), 36, 0 },
        { status_label (b, SEC_FOLLOW_UP_DONE), 12, SEC_COLUMN_END },
        { status_label (b, SEC_FOLLOW_UP_IN_PROGRESS), 13, SEC_COLUMN_END },
        { status_label (b, SEC_FOLLOW_UP_NOT_STARTED), 13, SEC_COLUMN_END },
        { status_label (b, SEC_FOLLOW_UP_NOT_APPLICABLE), 14, SEC_COLUMN_END },
        /* TRANSLATORS: a column: the share of commitments done */
        { TR (N_("Share done")), 12, SEC_COLUMN_END },
      };

      /* TRANSLATORS: a heading of the monitoring report */
      sec_document_add_heading (b->doc, TR (N_("Progress of each signatory")));
      sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
      for (guint c = 0; c < n_columns; c++)
        {
          SecRecord *sig = SEC_RECORD (sec_statement_grid_get_signatory (grid, c));
          SecProgress p;
          g_autofree char *name = NULL;
          char n[SEC_FOLLOW_UP_N_STATUSES][16], pct[16];

          sec_statement_grid_get_column_progress (grid, c, &p);
          name = sec_text_escape (signatory_short_name (sig));
          for (guint k = 0; k < SEC_FOLLOW_UP_N_STATUSES; k++)
            g_snprintf (n[k], sizeof n[k], "%u", p.counts[k]);
          g_snprintf (pct, sizeof pct, "%d %%", p.percent_done);
          sec_document_add_row (b->doc, SEC_ROW_NORMAL,
                                (const char *const[]) { name, n[SEC_FOLLOW_UP_DONE], n[SEC_FOLLOW_UP_IN_PROGRESS],
                                                        n[SEC_FOLLOW_UP_NOT_STARTED], n[SEC_FOLLOW_UP_NOT_APPLICABLE],
                                                        pct });
        }
      sec_document_end_table (b->doc);
    }

  /* Each commitment, signatory by signatory. */
  for (guint r = 0; r < n_rows; r++)
    {
      SecRecord *commitment = SEC_RECORD (sec_statement_grid_get_commitment (grid, r));
      SecProgress p;
      g_autofree char *heading = g_strdup_printf ("%u. %s", r + 1, sec_record_get_string (commitment, "text"));
      g_autofree char *row_summary = NULL;
      g_autofree char *row_markup = NULL;
      SecDocumentColumn columns[] = {
        { sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "signatory"), 22, 0 },
        { sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "status"), 16, 0 },
        { sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "date"), 16, SEC_COLUMN_SMALL },
        { sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "note"), 46, SEC_COLUMN_SMALL },
      };

      sec_document_add_heading (b->doc, heading);
      sec_statement_grid_get_row_progress (grid, r, &p);
      row_summary = dup_progress_text (b, &p);
      row_markup = sec_text_escape (row_summary);
      sec_document_add_paragraph (b->doc, row_markup);
      if (n_columns == 0)
        continue;
      sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
      for (guint c = 0; c < n_columns; c++)
        {
          const SecGridCell *cell = sec_statement_grid_get_cell (grid, r, c);
          SecRecord *sig = SEC_RECORD (sec_statement_grid_get_signatory (grid, c));
          g_autofree char *name = sec_text_escape (signatory_short_name (sig));
          g_autofree char *status = sec_text_escape (status_label (b, cell->status));
          g_autofree char *day = sec_text_format_day (b->locale, cell->date);
          g_autofree char *date = sec_text_escape (day);
          g_autoptr(GString) note = g_string_new (NULL);

          if (!sec_text_is_empty (cell->note))
            {
              g_autofree char *n = sec_text_escape (cell->note);
              g_string_append (note, n);
            }
          if (!sec_text_is_empty (cell->evidence))
            {
              g_autofree char *e = sec_text_escape (cell->evidence);
              g_string_append_printf (note, "%s<i>%s</i>", note->len ? "\n" : "", e);
            }
          sec_document_add_row (b->doc, cell->follow_up_id == 0 ? SEC_ROW_MUTED : SEC_ROW_NORMAL,
                                (const char *const[]) { name, status, date, note->str });
        }
      sec_document_end_table (b->doc);
    }

  doc = b->doc;
  builder_clear (b);
  return doc;
}

char *
sec_statement_csv_monitoring (SecStore      *store,
                              SecStatement  *statement,
                              int            year,
                              const char    *language,
                              GError       **error)
{
  Builder builder = { store, statement, NULL, NULL }, *b = &builder;
  g_autoptr(SecStatementGrid) grid = NULL;
  g_autoptr(GString) out = NULL;
  const char *header[10];
  guint n = 0;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (year >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((grid = sec_statement_get_grid (store, statement, year, error)) == NULL)
    return NULL;
  b->locale = sec_document_locale_new (language);

  /* TRANSLATORS: a CSV column: the number of a commitment in its statement */
  header[n++] = TR (N_("Commitment number"));
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_COMMITMENT, "text");
  /* TRANSLATORS: a CSV column: the signatory's place in the signing order */
  header[n++] = TR (N_("Signing order"));
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_SIGNATORY, "organisation");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_ORGANISATION, "acronym");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "year");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "status");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "date");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "note");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_FOLLOW_UP, "evidence");
  g_assert (n == G_N_ELEMENTS (header));

  out = g_string_new (SEC_CSV_BOM);
  sec_csv_append_record (out, header, n);
  for (guint r = 0; r < sec_statement_grid_get_n_commitments (grid); r++)
    for (guint c = 0; c < sec_statement_grid_get_n_signatories (grid); c++)
      {
        const SecGridCell *cell = sec_statement_grid_get_cell (grid, r, c);
        SecRecord *commitment = SEC_RECORD (sec_statement_grid_get_commitment (grid, r));
        SecRecord *sig = SEC_RECORD (sec_statement_grid_get_signatory (grid, c));
        int cell_year = cell->year ? cell->year : year;
        g_autofree char *number = g_strdup_printf ("%u", r + 1);
        g_autofree char *order = g_strdup_printf ("%u", c + 1);
        g_autofree char *year_text = cell_year ? g_strdup_printf ("%d", cell_year) : g_strdup ("");
        const char *values[G_N_ELEMENTS (header)] = {
          number,
          sec_record_get_string (commitment, "text"),
          order,
          sec_record_get_derived (sig, "organisation-name"),
          sec_record_get_derived (sig, "organisation-acronym"),
          year_text,
          status_label (b, cell->status),
          cell->date,
          cell->note,
          cell->evidence,
        };

        sec_csv_append_record (out, values, n);
      }

  builder_clear (b);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
