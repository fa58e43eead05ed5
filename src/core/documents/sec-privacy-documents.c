/* sec-privacy-documents.c: the documents of data protection
 *
 * Both are built from the store's typed reads (records, history, figures)
 * and printed by the document engine, in the user's language.
 */
#define G_LOG_DOMAIN "sec-privacy-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-document-locale.h"
#include "core/documents/sec-document-text.h"
#include "core/documents/sec-privacy-documents.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-history.h"
#include "core/store/sec-store-privacy.h"

#define TR(s) sec_document_locale_gettext (locale, (s))

/* Helpers */

static GPtrArray *
list_where (SecStore    *store,
            GType        kind,
            const char  *field,
            gint64       id,
            GError     **error)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  sec_query_add (q, field, SEC_QUERY_EQUALS, text);
  return sec_store_list (store, kind, q, error);
}

static char *
dup_ref_title (SecStore  *store,
               GType      kind,
               gint64     id)
{
  g_autoptr(SecRecord) r = id ? sec_store_get (store, kind, id, NULL) : NULL;

  return r ? sec_record_dup_title (r) : g_strdup ("");
}

/* A field's value as a reader wants it. (transfer full) */
static char *
dup_shown_value (SecDocumentLocale *locale,
                 SecStore          *store,
                 SecRecord         *record,
                 const SecField    *field)
{
  GType type = G_OBJECT_TYPE (record);

  switch (field->type)
    {
    case SEC_FIELD_BOOL:
      return g_strdup (sec_record_get_bool (record, field->name) ? TR (N_("Yes")) : TR (N_("No")));
    case SEC_FIELD_CHOICE:
      return g_strdup (sec_text_choice_label (locale, type, field->name, sec_record_get_string (record, field->name)));
    case SEC_FIELD_DATE:
      return sec_text_format_day (locale, sec_record_get_string (record, field->name));
    case SEC_FIELD_REF:
      return dup_ref_title (store, sec_record_kind_lookup (field->ref_kind), sec_record_get_ref (record, field->name));
    default:
      return sec_record_dup_text (record, field->name);
    }
}

static void
add_two_columns (SecDocument       *doc,
                 SecDocumentLocale *locale)
{
  SecDocumentColumn columns[] = {
    { TR (N_("Field")), 35, 0 },
    { TR (N_("Value")), 65, 0 },
  };

  sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
}

static void
add_escaped_row (SecDocument        *doc,
                 const char *const  *cells,
                 guint               n)
{
  g_autoptr(GPtrArray) escaped = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (escaped, sec_text_escape (cells[i] ? cells[i] : ""));
  sec_document_add_row (doc, SEC_ROW_NORMAL, (const char *const *) escaped->pdata);
}

static void
add_history (SecDocument       *doc,
             SecStore          *store,
             GPtrArray         *entries,
             const char        *record)
{
  for (guint i = 0; i < entries->len; i++)
    {
      SecHistoryEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *change = e->field ? g_strdup_printf ("%s: %s", e->action, e->field) : g_strdup (e->action);
      g_autofree char *when = g_strdup_printf ("%s\n%s", e->at, e->user ? e->user : "");
      gboolean whole_row = g_strcmp0 (e->action, "update") != 0;
      g_autofree char *old_text = whole_row ? sec_store_dup_history_row_text (store, e->old_value) : g_strdup (e->old_value);
      g_autofree char *new_text = whole_row ? sec_store_dup_history_row_text (store, e->new_value) : g_strdup (e->new_value);

      add_escaped_row (doc, (const char *const[]) { when, record, change, old_text, new_text }, 5);
    }
}

/* Subject access */

SecDocument *
sec_privacy_access_document (SecStore  *store,
                             gint64     person_id,
                             GError   **error)
{
  g_autoptr(SecDocumentLocale) locale = sec_document_locale_new (NULL);
  g_autoptr(SecRecord) person = NULL;
  g_autoptr(GPtrArray) participations = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  const SecKind *kind = sec_kind_from_type (SEC_TYPE_PERSON);
  gint64 org;
  SecDocument *doc;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if (!(person = sec_store_get (store, SEC_TYPE_PERSON, person_id, error)) ||
      !(participations = list_where (store, SEC_TYPE_PARTICIPANT, "person", person_id, error)) ||
      !(history = sec_store_list_history (store, SEC_TYPE_PERSON, person_id, error)))
    return NULL;
  name = sec_record_dup_title (person);
  org = sec_record_get_ref (person, "organisation");

  /* TRANSLATORS: the title of the report for the right of access: "Personal data held about Anna Müller" */
  heading = g_strdup_printf (TR (N_("Personal data held about %s")), name);
  doc = sec_text_new_document (locale, heading, TR (N_("Right of access")), NULL, NULL);
  sec_document_set_personal (doc, TRUE);
  sec_document_begin_section (doc, TR (N_("Right of access")), NULL);
  sec_document_add_heading (doc, heading);

  add_two_columns (doc, locale);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *value = dup_shown_value (locale, store, person, &kind->fields[i]);

      if (!sec_text_is_empty (value))
        add_escaped_row (doc, (const char *const[]) { TR (kind->fields[i].label), value }, 2);
    }
  sec_document_end_table (doc);

  sec_document_add_heading (doc, TR (N_("Participation in meetings")));
  {
    SecDocumentColumn columns[] = {
      { TR (N_("Meeting")), 34, 0 },
      { TR (N_("Role")), 14, 0 },
      { TR (N_("Status")), 16, 0 },
      { TR (N_("Needs")), 20, SEC_COLUMN_SMALL },
      { TR (N_("Notes")), 16, SEC_COLUMN_SMALL },
    };

    sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
    for (guint i = 0; i < participations->len; i++)
      {
        SecRecord *p = g_ptr_array_index (participations, i);
        g_autofree char *meeting = dup_ref_title (store, SEC_TYPE_MEETING, sec_record_get_ref (p, "meeting"));

        add_escaped_row (doc, (const char *const[]) {
                           meeting,
                           sec_text_choice_label (locale, SEC_TYPE_PARTICIPANT, "role", sec_record_get_string (p, "role")),
                           sec_text_choice_label (locale, SEC_TYPE_PARTICIPANT, "status", sec_record_get_string (p, "status")),
                           sec_record_get_string (p, "needs"), sec_record_get_string (p, "notes") }, 5);
      }
    sec_document_end_table (doc);
  }

  if (org != 0)
    {
      g_autoptr(GPtrArray) memberships = list_where (store, SEC_TYPE_MEMBERSHIP, "organisation", org, NULL);
      g_autoptr(GPtrArray) applications = list_where (store, SEC_TYPE_APPLICATION, "organisation", org, NULL);
      g_autoptr(GPtrArray) signatures = list_where (store, SEC_TYPE_SIGNATORY, "organisation", org, NULL);
      SecDocumentColumn columns[] = {
        { TR (N_("Record")), 50, 0 },
        { TR (N_("Details")), 50, 0 },
      };

      sec_document_add_heading (doc, TR (N_("Memberships, applications and signatures of their organisation")));
      sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
      for (guint i = 0; memberships && i < memberships->len; i++)
        {
          SecRecord *m = g_ptr_array_index (memberships, i);
          g_autofree char *body = dup_ref_title (store, SEC_TYPE_BODY, sec_record_get_ref (m, "body"));

          add_escaped_row (doc, (const char *const[]) {
                             body, sec_text_choice_label (locale, SEC_TYPE_MEMBERSHIP, "status", sec_record_get_string (m, "status")) }, 2);
        }
      for (guint i = 0; applications && i < applications->len; i++)
        {
          SecRecord *a = g_ptr_array_index (applications, i);
          g_autofree char *call = dup_ref_title (store, SEC_TYPE_CALL, sec_record_get_ref (a, "call"));

          add_escaped_row (doc, (const char *const[]) {
                             call, sec_text_choice_label (locale, SEC_TYPE_APPLICATION, "outcome", sec_record_get_string (a, "outcome")) }, 2);
        }
      for (guint i = 0; signatures && i < signatures->len; i++)
        {
          SecRecord *s = g_ptr_array_index (signatures, i);
          g_autofree char *statement = dup_ref_title (store, SEC_TYPE_STATEMENT, sec_record_get_ref (s, "statement"));

          if (g_strcmp0 (sec_record_get_string (s, "signer-name"), name) == 0)
            add_escaped_row (doc, (const char *const[]) { statement, sec_record_get_string (s, "signer-name") }, 2);
        }
      sec_document_end_table (doc);
    }

  sec_document_add_heading (doc, TR (N_("History of changes")));
  {
    SecDocumentColumn columns[] = {
      { TR (N_("When")), 20, SEC_COLUMN_SMALL },
      { TR (N_("Record")), 14, SEC_COLUMN_SMALL },
      { TR (N_("Change")), 22, SEC_COLUMN_SMALL },
      { TR (N_("Before")), 22, SEC_COLUMN_SMALL },
      { TR (N_("After")), 22, SEC_COLUMN_SMALL },
    };

    sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
    add_history (doc, store, history, TR (N_("Person")));
    for (guint i = 0; i < participations->len; i++)
      {
        gint64 id = sec_record_get_id (g_ptr_array_index (participations, i));
        g_autoptr(GPtrArray) entries = sec_store_list_history (store, SEC_TYPE_PARTICIPANT, id, NULL);

        if (entries != NULL)
          add_history (doc, store, entries, TR (N_("Participant")));
      }
    sec_document_end_table (doc);
  }
  return doc;
}

/* Record of processing */

SecDocument *
sec_privacy_record_document (SecStore  *store,
                             GError   **error)
{
  g_autoptr(SecDocumentLocale) locale = sec_document_locale_new (NULL);
  g_auto(SecProcessingFigures) f = { 0 };
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autofree char *retention = NULL;
  g_autofree char *needs = NULL;
  g_autofree char *oldest = NULL;
  SecDocument *doc;
  SecDocumentColumn columns[] = {
    { TR (N_("Category")), 75, 0 },
    { TR (N_("People")), 25, SEC_COLUMN_END },
  };
  static const char *const rows[] = {
    N_("People on record"),
    N_("Identity and position (name, title, organisation)"),
    N_("Contact data: e-mail address"),
    N_("Contact data: telephone number"),
    N_("Accessibility and dietary needs (special categories, with explicit consent)"),
    N_("Lawful basis: consent"),
    N_("Lawful basis: membership of a body"),
    N_("Lawful basis: task in the public interest"),
    N_("No lawful basis recorded"),
    N_("Restricted (not contacted, not exported)"),
    N_("Erased (kept anonymised for statistics)"),
  };
  gint64 counts[G_N_ELEMENTS (rows)];

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if (!sec_store_get_processing_figures (store, &f, error))
    return NULL;
  counts[0] = f.n_people - f.n_erased;
  counts[1] = f.n_people - f.n_erased;
  counts[2] = f.n_with_email;
  counts[3] = f.n_with_phone;
  counts[4] = f.n_with_needs;
  counts[5] = f.n_consent;
  counts[6] = f.n_membership;
  counts[7] = f.n_public_task;
  counts[8] = f.n_without_basis;
  counts[9] = f.n_restricted;
  counts[10] = f.n_erased;

  doc = sec_text_new_document (locale, TR (N_("Record of processing")), TR (N_("Record of processing")), NULL, NULL);
  sec_document_begin_section (doc, TR (N_("Record of processing")), NULL);
  sec_document_add_heading (doc, TR (N_("Record of processing")));
  sec_text_append_fact (facts, TR (N_("Purpose")),
                        TR (N_("Organising the meetings of the bodies, their membership, calls for expression of interest and joint statements")));
  sec_text_append_fact (facts, TR (N_("Legal framework")), TR (N_("Regulation (EU) 2018/1725")));
  retention = g_strdup_printf (TR (N_("%d years after the person’s last meeting, membership or application")),
                               sec_store_get_retention_years (store));
  sec_text_append_fact (facts, TR (N_("Retention")), retention);
  needs = g_strdup_printf (TR (N_("Cleared %d days after the meeting they were given for, unless marked lasting")),
                           sec_store_get_needs_days (store));
  sec_text_append_fact (facts, TR (N_("Needs")), needs);
  oldest = sec_text_format_day (locale, f.oldest_record);
  sec_text_append_fact (facts, TR (N_("Oldest record")), oldest);
  {
    g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, f.n_participations);
    sec_text_append_fact (facts, TR (N_("Participations in meetings")), n);
  }
  sec_document_add_paragraph (doc, facts->str);

  sec_document_add_heading (doc, TR (N_("Categories of personal data")));
  sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, counts[i]);
      add_escaped_row (doc, (const char *const[]) { TR (rows[i]), n }, 2);
    }
  sec_document_end_table (doc);
  return doc;
}
