/* sec-call-documents.c: the documents of a call for expression of interest */
#define G_LOG_DOMAIN "sec-call-documents"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/documents/sec-call-documents.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-csv.h"
#include "core/documents/sec-document-text.h"

#define WARNING_COLOR "#c01c28"

typedef struct {
  SecRecord *record;
  GDateTime *received;  /* the instant, or NULL */
} Entry;

typedef struct {
  SecStore          *store;
  SecCall           *call;
  SecDocumentLocale *locale;
  SecDocument       *doc;
  SecRecord         *body;
  GArray            *entries;  /* of Entry, in the order received */
  guint              n_eligibility[3];
  guint              n_outcome[4];
  guint              n_late;
} Builder;

#define TR(s) sec_document_locale_gettext (b->locale, (s))

static const char *const outcome_nicks[] = { "pending", "selected", "reserve", "rejected" };

/* Helpers */

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static const char *
country_name (Builder    *b,
              const char *code)
{
  const char *name = sec_text_is_empty (code) ? NULL : sec_document_locale_country_name (b->locale, code);

  return name ? name : (code ? code : "");
}

/* A wall-clock time as it reads: "25 April 2018, 23:59". */
static char *
format_wall (Builder    *b,
             const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  if (sec_text_is_empty (iso))
    return g_strdup ("");
  if (strlen (iso) == 10)
    return sec_text_format_day (b->locale, iso);
  if ((dt = sec_resolve_wall_time (iso, "UTC", FALSE)) == NULL)
    return g_strdup (iso);
  /* TRANSLATORS: when a document was made, see g_date_time_format (): "13 June 2018, 09:30" */
  return sec_document_locale_format_date (b->locale, dt, TR (N_("%-d %B %Y, %H:%M")));
}

static const char *
call_zone (Builder *b)
{
  const char *zone = sec_record_get_string (SEC_RECORD (b->call), "deadline-timezone");

  return sec_text_is_empty (zone) ? "Europe/Brussels" : zone;
}

static char *
format_deadline (Builder *b)
{
  const char *deadline = sec_record_get_string (SEC_RECORD (b->call), "deadline");
  g_autofree char *when = format_wall (b, deadline);

  if (sec_text_is_empty (deadline))
    return g_strdup ("");
  /* TRANSLATORS: a date and time with its time zone: "25 April 2018, 23:59 (Europe/Brussels)" */
  return g_strdup_printf (TR (N_("%s (%s)")), when, call_zone (b));
}

/* "Denmark, Estonia, Malta" in the document's language. */
static char *
join_countries (Builder *b)
{
  g_auto(GStrv) codes = sec_call_dup_eligible_countries (b->call);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; codes[i]; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, country_name (b, codes[i]));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_kinds (Builder *b)
{
  g_auto(GStrv) kinds = sec_call_dup_eligible_kinds (b->call);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; kinds[i]; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, sec_text_choice_label (b->locale, SEC_TYPE_ORGANISATION, "kind", kinds[i]));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
index_of (const char *const *nicks, guint n, const char *nick)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      return (int) i;
  return -1;
}

static void
clear_entry (gpointer data)
{
  Entry *e = data;

  g_clear_object (&e->record);
  g_clear_pointer (&e->received, g_date_time_unref);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->received == NULL || y->received == NULL)
    {
      if (x->received != y->received)
        return x->received == NULL ? 1 : -1;
    }
  else if (g_date_time_compare (x->received, y->received) != 0)
    return g_date_time_compare (x->received, y->received);
  return (sec_record_get_id (x->record) > sec_record_get_id (y->record)) -
         (sec_record_get_id (x->record) < sec_record_get_id (y->record));
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->locale, sec_document_locale_unref);
  g_clear_object (&b->body);
  g_clear_pointer (&b->entries, g_array_unref);
}

/* (transfer full): the document made, once the builder is cleared. */
static SecDocument *
finish_document (Builder *b)
{
  SecDocument *doc = g_steal_pointer (&b->doc);

  builder_clear (b);
  return doc;
}

/* Reads the call's body and applications. */
static gboolean
builder_init (Builder     *b,
              SecStore    *store,
              SecCall     *call,
              const char  *language,
              GError     **error)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *call_id = id_text (sec_record_get_id (SEC_RECORD (call)));
  g_autoptr(GPtrArray) apps = NULL;

  *b = (Builder) { store, call, NULL, NULL, NULL, NULL, { 0 }, { 0 }, 0 };
  b->locale = sec_document_locale_new (language);
  b->body = sec_store_get (store, SEC_TYPE_BODY, sec_record_get_ref (SEC_RECORD (call), "body"), error);
  if (b->body == NULL)
    return FALSE;

  sec_query_add (q, "call", SEC_QUERY_EQUALS, call_id);
  if ((apps = sec_store_list (store, SEC_TYPE_APPLICATION, q, error)) == NULL)
    return FALSE;
  b->entries = g_array_sized_new (FALSE, TRUE, sizeof (Entry), apps->len);
  g_array_set_clear_func (b->entries, clear_entry);
  for (guint i = 0; i < apps->len; i++)
    {
      SecRecord *app = g_ptr_array_index (apps, i);
      Entry e = { g_object_ref (app), sec_application_get_received (SEC_APPLICATION (app), call) };
      int k;

      g_array_append_val (b->entries, e);
      k = index_of ((const char *const[]) { "unchecked", "eligible", "not-eligible" }, 3,
                    sec_record_get_string (app, "eligibility"));
      if (k >= 0)
        b->n_eligibility[k]++;
      k = index_of (outcome_nicks, G_N_ELEMENTS (outcome_nicks), sec_record_get_string (app, "outcome"));
      if (k >= 0)
        b->n_outcome[k]++;
      b->n_late += sec_record_get_bool (app, "late");
    }
  g_array_sort (b->entries, compare_entries);
  return TRUE;
}

static void
setup_document (Builder    *b,
                const char *kind_label)
{
  g_autofree char *title = NULL;
  g_autofree char *call_title = sec_text_escape (sec_record_get_string (SEC_RECORD (b->call), "title"));
  g_autofree char *body = NULL;
  g_autofree char *reference = sec_text_escape (sec_record_get_string (SEC_RECORD (b->call), "reference"));
  g_autofree char *deadline = format_deadline (b);
  g_autofree char *deadline_markup = sec_text_escape (deadline);
  g_autoptr(GString) left = g_string_new (NULL);
  g_autoptr(GString) right = g_string_new (NULL);

  /* "Applications – 2018 targeted call for expression of interest" */
  title = g_strdup_printf ("%s – %s", kind_label, sec_record_get_string (SEC_RECORD (b->call), "title"));
  body = sec_text_escape (sec_record_get_string (b->body, "name"));
  g_string_append_printf (left, "<b>%s</b>\n%s", call_title, body);
  if (*reference)
    g_string_append_printf (right, "%s\n", reference);
  if (*deadline_markup)
    /* TRANSLATORS: in the header of a call's documents: "Deadline: 25 April 2018, 23:59 (Europe/Brussels)" */
    g_string_append_printf (right, TR (N_("Deadline: %s")), deadline_markup);
  b->doc = sec_text_new_document (b->locale, title, sec_record_get_string (SEC_RECORD (b->call), "title"),
                                  left->str, right->str);
}

static void
append_call_fact (Builder    *b,
                  GString    *facts,
                  const char *field,
                  const char *value)
{
  sec_text_append_fact (facts, sec_text_field_label (b->locale, SEC_TYPE_CALL, field), value);
}

/* The call, its rules and its counts. */
static void
add_call_facts (Builder *b)
{
  SecRecord *call = SEC_RECORD (b->call);
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autofree char *published = sec_text_format_day (b->locale, sec_record_get_string (call, "published-on"));
  g_autofree char *deadline = format_deadline (b);
  g_autofree char *countries = join_countries (b);
  g_autofree char *kinds = join_kinds (b);
  g_autofree char *counts = NULL;
  SecCallStatus status = sec_call_effective_status (b->call, NULL);

  append_call_fact (b, facts, "reference", sec_record_get_string (call, "reference"));
  append_call_fact (b, facts, "body", sec_record_get_string (b->body, "name"));
  append_call_fact (b, facts, "kind", sec_text_choice_label (b->locale, SEC_TYPE_CALL, "kind", sec_record_get_string (call, "kind")));
  append_call_fact (b, facts, "status", sec_text_choice_label (b->locale, SEC_TYPE_CALL, "status", sec_call_status_to_nick (status)));
  append_call_fact (b, facts, "published-on", published);
  append_call_fact (b, facts, "deadline", deadline);
  append_call_fact (b, facts, "eligible-countries", countries);
  append_call_fact (b, facts, "eligible-kinds", kinds);
  append_call_fact (b, facts, "thematic-focus", sec_record_get_string (call, "thematic-focus"));
  sec_document_add_paragraph (b->doc, facts->str);

  /* TRANSLATORS: the counts of a call's applications: "9 applications: 6 eligible, 3 not eligible, 0 not checked; 1 received late. Outcome: 3 selected, 2 on the reserve list, 4 rejected, 0 pending." */
  counts = g_strdup_printf (TR (N_("%u applications: %u eligible, %u not eligible, %u not checked; %u received late. "
                                   "Outcome: %u selected, %u on the reserve list, %u rejected, %u pending.")),
                            b->entries->len, b->n_eligibility[1], b->n_eligibility[2], b->n_eligibility[0],
                            b->n_late, b->n_outcome[1], b->n_outcome[2], b->n_outcome[3], b->n_outcome[0]);
  {
    g_autofree char *markup = sec_text_escape (counts);
    sec_document_add_paragraph (b->doc, markup);
  }
}

/* Starts the document @title (an N_()-marked string, shown in the
 * document's language) of @call: its header and footer, its section and
 * heading, and the call's facts. On failure the builder is cleared. */
static gboolean
begin_document (Builder     *b,
                SecStore    *store,
                SecCall     *call,
                const char  *language,
                const char  *title,
                GError     **error)
{
  if (!builder_init (b, store, call, language, error))
    {
      builder_clear (b);
      return FALSE;
    }

  setup_document (b, TR (title));
  sec_document_begin_section (b->doc, TR (title),
                              sec_record_get_string (SEC_RECORD (call), "reference"));
  sec_document_add_heading (b->doc, sec_record_get_string (SEC_RECORD (call), "title"));
  add_call_facts (b);
  return TRUE;
}

static char *
organisation_cell (Builder   *b,
                   SecRecord *app)
{
  g_autofree char *name = sec_text_escape (sec_record_get_derived (app, "organisation-name"));
  g_autofree char *country = sec_text_escape (country_name (b, sec_record_get_derived (app, "country")));
  g_autofree char *kind = sec_text_escape (sec_text_choice_label (b->locale, SEC_TYPE_ORGANISATION, "kind",
                                                sec_record_get_derived (app, "organisation-kind")));

  if (*country)
    return g_strdup_printf ("<b>%s</b>\n<span size=\"small\">%s · %s</span>", name, country, kind);
  return g_strdup_printf ("<b>%s</b>\n<span size=\"small\">%s</span>", name, kind);
}

static char *
received_cell (Builder   *b,
               SecRecord *app)
{
  const char *zone = sec_record_get_string (app, "received-timezone");
  g_autofree char *when = format_wall (b, sec_record_get_string (app, "received-at"));
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *escaped = sec_text_escape (when);

  g_string_append (cell, escaped);
  if (!sec_text_is_empty (zone) && g_strcmp0 (zone, call_zone (b)) != 0)
    {
      g_autofree char *z = sec_text_escape (zone);
      g_string_append_printf (cell, "\n<span size=\"small\">%s</span>", z);
    }
  if (sec_record_get_bool (app, "late"))
    /* TRANSLATORS: marks an application received after the deadline */
    g_string_append_printf (cell, "\n<span foreground=\"" WARNING_COLOR "\"><b>%s</b></span>", TR (N_("Late")));
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static char *
eligibility_cell (Builder   *b,
                  SecRecord *app)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *label = sec_text_escape (sec_text_choice_label (b->locale, SEC_TYPE_APPLICATION, "eligibility",
                                                 sec_record_get_string (app, "eligibility")));
  const char *reason = sec_record_get_string (app, "eligibility-reason");

  g_string_append (cell, label);
  if (sec_record_get_bool (app, "eligibility-overridden"))
    {
      g_autofree char *why = sec_text_escape (sec_record_get_string (app, "override-reason"));
      g_autofree char *checked = sec_text_escape (sec_text_choice_label (b->locale, SEC_TYPE_APPLICATION, "checked-eligibility",
                                                       sec_record_get_string (app, "checked-eligibility")));
      /* TRANSLATORS: the eligibility staff decided, and the automatic check's result: "Decided by staff: statutes received late. The check said: Not eligible" */
      g_autofree char *line = g_strdup_printf (TR (N_("Decided by staff: %s. The check said: %s")), why, checked);

      g_string_append_printf (cell, "\n<span size=\"small\"><i>%s</i></span>", line);
    }
  if (!sec_text_is_empty (reason))
    {
      g_autofree char *r = sec_text_escape (reason);
      g_string_append_printf (cell, "\n<span size=\"small\">%s</span>", r);
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static char *
outcome_cell (Builder   *b,
              SecRecord *app)
{
  g_autofree char *label = sec_text_escape (sec_text_choice_label (b->locale, SEC_TYPE_APPLICATION, "outcome",
                                                 sec_record_get_string (app, "outcome")));
  const char *joined = sec_record_get_derived (app, "joined-on");

  if (!sec_text_is_empty (joined))
    {
      g_autofree char *day = sec_text_format_day (b->locale, joined);
      /* TRANSLATORS: under "Selected": the day the organisation became a member, "Member from 1 July 2018" */
      g_autofree char *line = g_strdup_printf (TR (N_("Member from %s")), day);
      g_autofree char *escaped = sec_text_escape (line);

      return g_strdup_printf ("%s\n<span size=\"small\">%s</span>", label, escaped);
    }
  return g_steal_pointer (&label);
}

/* The applications */

SecDocument *
sec_call_document_applications (SecStore    *store,
                                SecCall     *call,
                                const char  *language,
                                GError     **error)
{
  Builder builder, *b = &builder;
  SecDocumentColumn columns[7];

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_document (b, store, call, language, N_("Applications"), error))
    return NULL;

  columns[0] = (SecDocumentColumn) { TR (N_("No.")), 4, SEC_COLUMN_END };
  columns[1] = (SecDocumentColumn) { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "organisation"), 27, 0 };
  columns[2] = (SecDocumentColumn) { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "received-at"), 15, SEC_COLUMN_SMALL };
  /* TRANSLATORS: a narrow column: the version of the call's text an application answered */
  columns[3] = (SecDocumentColumn) { TR (N_("Version")), 10, SEC_COLUMN_END };
  columns[4] = (SecDocumentColumn) { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "eligibility"), 25, 0 };
  columns[5] = (SecDocumentColumn) { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "score"), 8, SEC_COLUMN_END };
  columns[6] = (SecDocumentColumn) { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "outcome"), 14, 0 };
  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < b->entries->len; i++)
    {
      SecRecord *app = g_array_index (b->entries, Entry, i).record;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *org = organisation_cell (b, app);
      g_autofree char *received = received_cell (b, app);
      g_autofree char *version = sec_record_get_int (app, "call-version") > 0
                                 ? g_strdup_printf ("%d", sec_record_get_int (app, "call-version")) : g_strdup ("");
      g_autofree char *eligibility = eligibility_cell (b, app);
      g_autofree char *score = sec_text_escape (sec_record_get_string (app, "score"));
      g_autofree char *outcome = outcome_cell (b, app);
      const char *cells[] = { number, org, received, version, eligibility, score, outcome };

      sec_document_add_row (b->doc, SEC_ROW_NORMAL, cells);
    }
  sec_document_end_table (b->doc);
  sec_document_set_personal (b->doc, sec_export_kind_is_personal ("applications"));

  return finish_document (b);
}

char *
sec_call_csv_applications (SecStore    *store,
                           SecCall     *call,
                           const char  *language,
                           GError     **error)
{
  Builder builder, *b = &builder;
  g_autoptr(GString) out = NULL;
  const char *header[20];
  guint n = 0;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!builder_init (b, store, call, language, error))
    {
      builder_clear (b);
      return NULL;
    }

  header[n++] = TR (N_("No."));
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "organisation");
  /* TRANSLATORS: a CSV column: the ISO code of a country, "DK" */
  header[n++] = TR (N_("Country code"));
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_ORGANISATION, "country");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_ORGANISATION, "kind");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "received-at");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "received-timezone");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "late");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "call-version");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "documents");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "thematic-areas");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "eligibility");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "eligibility-rule");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "eligibility-reason");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "eligibility-overridden");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "override-reason");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "score");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "comments");
  header[n++] = sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "outcome");
  /* TRANSLATORS: a CSV column: the day a selected organisation became a member */
  header[n++] = TR (N_("Member from"));
  g_assert (n == G_N_ELEMENTS (header));

  out = g_string_new (SEC_CSV_BOM);
  sec_csv_append_record (out, header, n);
  for (guint i = 0; i < b->entries->len; i++)
    {
      SecRecord *app = g_array_index (b->entries, Entry, i).record;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *version = sec_record_get_int (app, "call-version") > 0
                                 ? g_strdup_printf ("%d", sec_record_get_int (app, "call-version")) : g_strdup ("");
      g_auto(GStrv) documents = sec_application_dup_documents (SEC_APPLICATION (app));
      g_autofree char *document_list = g_strjoinv ("; ", documents);
      const char *zone = sec_record_get_string (app, "received-timezone");
      const char *country = sec_record_get_derived (app, "country");
      const char *yes = TR (N_("Yes"));
      const char *no = TR (N_("No"));
      const char *rule = sec_record_get_string (app, "eligibility-rule");
      const char *values[G_N_ELEMENTS (header)] = {
        number,
        sec_record_get_derived (app, "organisation-name"),
        country,
        sec_text_is_empty (country) ? "" : country_name (b, country),
        sec_text_choice_label (b->locale, SEC_TYPE_ORGANISATION, "kind", sec_record_get_derived (app, "organisation-kind")),
        sec_record_get_string (app, "received-at"),
        sec_text_is_empty (zone) ? call_zone (b) : zone,
        sec_record_get_bool (app, "late") ? yes : no,
        version,
        document_list,
        sec_record_get_string (app, "thematic-areas"),
        sec_text_choice_label (b->locale, SEC_TYPE_APPLICATION, "eligibility", sec_record_get_string (app, "eligibility")),
        sec_text_is_empty (rule) ? "" : sec_text_choice_label (b->locale, SEC_TYPE_APPLICATION, "eligibility-rule", rule),
        sec_record_get_string (app, "eligibility-reason"),
        sec_record_get_bool (app, "eligibility-overridden") ? yes : no,
        sec_record_get_string (app, "override-reason"),
        sec_record_get_string (app, "score"),
        sec_record_get_string (app, "comments"),
        sec_text_choice_label (b->locale, SEC_TYPE_APPLICATION, "outcome", sec_record_get_string (app, "outcome")),
        sec_record_get_derived (app, "joined-on"),
      };

      sec_csv_append_record (out, values, n);
    }

  builder_clear (b);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The selection report */

/* The applications with @outcome; the not eligible ones have a table of
 * their own. */
static gboolean
shown_in (SecRecord  *app,
          const char *outcome)
{
  return g_strcmp0 (sec_record_get_string (app, "outcome"), outcome) == 0 &&
         g_strcmp0 (sec_record_get_string (app, "eligibility"), "not-eligible") != 0;
}

static void
add_outcome_table (Builder    *b,
                   const char *heading,
                   const char *outcome,
                   gboolean    with_membership)
{
  SecDocumentColumn columns[4];
  guint n = 0, shown = 0;

  for (guint i = 0; i < b->entries->len; i++)
    shown += shown_in (g_array_index (b->entries, Entry, i).record, outcome);
  {
    /* TRANSLATORS: a heading with a count: "Selected (3)" */
    g_autofree char *title = g_strdup_printf (TR (N_("%s (%u)")), heading, shown);
    sec_document_add_heading (b->doc, title);
  }
  if (shown == 0)
    {
      /* TRANSLATORS: under a heading of the selection report with no organisation */
      sec_document_add_paragraph (b->doc, TR (N_("None.")));
      return;
    }

  columns[n++] = (SecDocumentColumn) { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "organisation"), 40, 0 };
  columns[n++] = (SecDocumentColumn) { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "score"), 8, SEC_COLUMN_END };
  if (with_membership)
    columns[n++] = (SecDocumentColumn) { TR (N_("Member from")), 18, 0 };
  columns[n++] = (SecDocumentColumn) { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "comments"), 34, SEC_COLUMN_SMALL };
  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, n);
  for (guint i = 0; i < b->entries->len; i++)
    {
      SecRecord *app = g_array_index (b->entries, Entry, i).record;
      g_autofree char *org = NULL;
      g_autofree char *score = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *comments = NULL;
      const char *cells[4];
      guint c = 0;

      if (!shown_in (app, outcome))
        continue;
      org = organisation_cell (b, app);
      score = sec_text_escape (sec_record_get_string (app, "score"));
      joined = sec_text_format_day (b->locale, sec_record_get_derived (app, "joined-on"));
      comments = sec_text_escape (sec_record_get_string (app, "comments"));
      cells[c++] = org;
      cells[c++] = score;
      if (with_membership)
        {
          char *escaped = sec_text_escape (joined);
          g_free (joined);
          joined = escaped;
          cells[c++] = joined;
        }
      cells[c++] = comments;
      sec_document_add_row (b->doc, SEC_ROW_NORMAL, cells);
    }
  sec_document_end_table (b->doc);
}

static void
add_not_eligible_table (Builder *b)
{
  SecDocumentColumn columns[] = {
    { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "organisation"), 40, 0 },
    { sec_text_field_label (b->locale, SEC_TYPE_APPLICATION, "eligibility-reason"), 60, SEC_COLUMN_SMALL },
  };
  guint shown = 0;

  for (guint i = 0; i < b->entries->len; i++)
    shown += g_strcmp0 (sec_record_get_string (g_array_index (b->entries, Entry, i).record, "eligibility"),
                        "not-eligible") == 0;
  {
    g_autofree char *title = g_strdup_printf (TR (N_("%s (%u)")), TR (N_("Not eligible")), shown);
    sec_document_add_heading (b->doc, title);
  }
  if (shown == 0)
    {
      sec_document_add_paragraph (b->doc, TR (N_("None.")));
      return;
    }
  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < b->entries->len; i++)
    {
      SecRecord *app = g_array_index (b->entries, Entry, i).record;
      g_autofree char *org = NULL;
      g_autofree char *reason = NULL;

      if (g_strcmp0 (sec_record_get_string (app, "eligibility"), "not-eligible") != 0)
        continue;
      org = organisation_cell (b, app);
      if (sec_record_get_bool (app, "eligibility-overridden"))
        reason = sec_text_escape (sec_record_get_string (app, "override-reason"));
      else
        reason = sec_text_escape (sec_record_get_string (app, "eligibility-reason"));
      sec_document_add_row (b->doc, SEC_ROW_NORMAL, (const char *const[]) { org, reason });
    }
  sec_document_end_table (b->doc);
}

/* The day the last organisation selected through the call joined, or
 * today. */
static char *
dup_after_day (Builder *b)
{
  const char *latest = NULL;

  for (guint i = 0; i < b->entries->len; i++)
    {
      const char *joined = sec_record_get_derived (g_array_index (b->entries, Entry, i).record, "joined-on");
      if (!sec_text_is_empty (joined) && (latest == NULL || strcmp (joined, latest) > 0))
        latest = joined;
    }
  if (latest != NULL)
    return g_strdup (latest);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    return g_date_time_format (now, "%Y-%m-%d");
  }
}

static gboolean
add_balance (Builder  *b,
             GError  **error)
{
  const char *deadline = sec_record_get_string (SEC_RECORD (b->call), "deadline");
  g_autofree char *before_day = NULL;
  g_autofree char *after_day = dup_after_day (b);
  g_autofree char *before_label = NULL;
  g_autofree char *after_label = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  SecDocumentColumn columns[5];

  if (!sec_text_is_empty (deadline))
    before_day = g_strndup (deadline, 10);
  else
    before_day = g_strdup (after_day);

  before = sec_call_dup_country_balance (b->store, b->call, before_day, SEC_BALANCE_PROTOCOL_ORDER, error);
  if (before == NULL)
    return FALSE;
  after = sec_call_dup_country_balance (b->store, b->call, after_day, SEC_BALANCE_PROTOCOL_ORDER, error);
  if (after == NULL)
    return FALSE;

  sec_document_add_heading (b->doc, TR (N_("Geographical balance")));
  {
    g_autofree char *day = sec_text_format_day (b->locale, before_day);
    g_autofree char *day2 = sec_text_format_day (b->locale, after_day);
    /* TRANSLATORS: a column of the geographical balance: "Members on 25 April 2018" */
    before_label = g_strdup_printf (TR (N_("Members on %s")), day);
    after_label = g_strdup_printf (TR (N_("Members on %s")), day2);
  }
  columns[0] = (SecDocumentColumn) { sec_text_field_label (b->locale, SEC_TYPE_ORGANISATION, "country"), 34, 0 };
  columns[1] = (SecDocumentColumn) { before_label, 18, SEC_COLUMN_END };
  columns[2] = (SecDocumentColumn) { TR (N_("Applications")), 16, SEC_COLUMN_END };
  columns[3] = (SecDocumentColumn) { sec_text_choice_label (b->locale, SEC_TYPE_APPLICATION, "outcome", "selected"), 14, SEC_COLUMN_END };
  columns[4] = (SecDocumentColumn) { after_label, 18, SEC_COLUMN_END };
  sec_document_begin_table (b->doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));

  /* The rows of both lists are in the same order, the second possibly with
   * more countries (a new member from outside the EU): match by code. */
  for (guint i = 0; i < after->len; i++)
    {
      const SecCountryBalance *a = &g_array_index (after, SecCountryBalance, i);
      const SecCountryBalance *p = NULL;
      g_autofree char *name = NULL;
      g_autofree char *n_before = NULL;
      g_autofree char *n_apps = NULL;
      g_autofree char *n_selected = NULL;
      g_autofree char *n_after = NULL;

      for (guint j = 0; j < before->len && p == NULL; j++)
        if (g_str_equal (g_array_index (before, SecCountryBalance, j).country, a->country))
          p = &g_array_index (before, SecCountryBalance, j);

      /* TRANSLATORS: the geographical balance's row for organisations without a country */
      name = sec_text_escape (*a->country ? country_name (b, a->country) : TR (N_("No country")));
      n_before = g_strdup_printf ("%u", p ? p->members : 0);
      n_apps = a->applications ? g_strdup_printf ("%u", a->applications) : g_strdup ("");
      n_selected = a->selected ? g_strdup_printf ("%u", a->selected) : g_strdup ("");
      n_after = g_strdup_printf ("%u", a->members);
      /* Countries with neither members nor applicants stand back. */
      sec_document_add_row (b->doc,
                            (p ? p->members : 0) == 0 && a->members == 0 && a->applications == 0
                            ? SEC_ROW_MUTED : SEC_ROW_NORMAL,
                            (const char *const[]) { name, n_before, n_apps, n_selected, n_after });
    }
  sec_document_end_table (b->doc);
  return TRUE;
}

static gboolean
add_versions (Builder  *b,
              GError  **error)
{
  g_autoptr(GPtrArray) versions = sec_call_dup_versions (b->store, b->call, error);

  if (versions == NULL)
    return FALSE;
  sec_document_add_heading (b->doc, TR (N_("Versions of the call")));
  for (guint i = 0; i < versions->len; i++)
    {
      SecCallVersion *v = g_ptr_array_index (versions, i);
      g_autofree char *day = sec_text_format_day (b->locale, v->date);
      g_autofree char *line = NULL;
      g_autofree char *markup = NULL;

      if (v->erratum_id == 0 && *day == '\0')
        /* TRANSLATORS: the first version of a call's text, when its date is not recorded */
        line = g_strdup_printf (TR (N_("Version %u, as published")), v->number);
      else if (v->erratum_id == 0)
        /* TRANSLATORS: the first version of a call's text: "Version 1, published on 20 March 2018" */
        line = g_strdup_printf (TR (N_("Version %u, published on %s")), v->number, day);
      else
        /* TRANSLATORS: a later version of a call's text: "Version 2, erratum of 9 April 2018: …" */
        line = g_strdup_printf (TR (N_("Version %u, erratum of %s: %s")), v->number, day, v->change ? v->change : "");
      markup = sec_text_escape (line);
      sec_document_add_paragraph (b->doc, markup);
    }
  return TRUE;
}

SecDocument *
sec_call_document_selection_report (SecStore    *store,
                                    SecCall     *call,
                                    const char  *language,
                                    GError     **error)
{
  Builder builder, *b = &builder;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_document (b, store, call, language, N_("Selection report"), error))
    return NULL;
  add_outcome_table (b, sec_text_choice_label (b->locale, SEC_TYPE_APPLICATION, "outcome", "selected"), "selected", TRUE);
  /* TRANSLATORS: a heading of the selection report */
  add_outcome_table (b, TR (N_("Reserve list")), "reserve", FALSE);
  /* TRANSLATORS: a heading of the selection report: the eligible applications that were rejected */
  add_outcome_table (b, TR (N_("Not selected")), "rejected", FALSE);
  add_not_eligible_table (b);
  if (!add_balance (b, error) || !add_versions (b, error))
    {
      g_clear_object (&b->doc);
      builder_clear (b);
      return NULL;
    }

  return finish_document (b);
}
