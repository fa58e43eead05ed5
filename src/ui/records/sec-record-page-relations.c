/* sec-record-page-relations.c: the records related to the one shown
 *
 * Under the details, a group per relation (an organisation's people, a
 * meeting's participants...), each read through a SecRecordList so that a
 * body with thousands of members costs a page of rows, and each workflow's
 * tools. Part of SecRecordPage (see sec-record-page-private.h).
 */
#define G_LOG_DOMAIN "sec-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/funding/sec-funding.h"
#include "core/meetings/sec-agenda.h"
#include "core/store/sec-record-list.h"
#include "ui/calls/sec-call-tools.h"
#include "ui/meetings/sec-alternates-group.h"
#include "ui/funding/sec-funding-tools.h"
#include "ui/meetings/sec-meeting-tools.h"
#include "ui/meetings/sec-participant-counts.h"
#include "ui/records/sec-record-page.h"
#include "ui/records/sec-record-page-private.h"
#include "ui/statements/sec-statement-tools.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-detail-row.h"
#include "ui/widgets/sec-read-only.h"

typedef GtkWidget *(*MakeRowFunc) (SecRecordPage *self,
                                   SecRecord     *item);

/* Queries and groups */

/* The records whose @field (SEC_QUERY_EQUALS) or relation
 * (SEC_QUERY_RELATION) is record @id, in @sort's order. */
static SecQuery *
new_query (const char *field,
           SecQueryOp  op,
           gint64      id,
           const char *sort,
           gboolean    descending)
{
  SecQuery *query = sec_query_new ();
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  sec_query_add (query, field, op, value);
  if (sort != NULL)
    sec_query_set_sort (query, sort, descending);
  return query;
}

/**
 * _sec_record_page_query_for:
 * @field: a reference field
 * @id: the record it refers to
 * @sort: (nullable): the field to sort by
 * @descending: whether the order is reversed
 *
 * Returns: (transfer full): the query for the records whose @field is @id
 */
SecQuery *
_sec_record_page_query_for (const char *field,
                            gint64      id,
                            const char *sort,
                            gboolean    descending)
{
  return new_query (field, SEC_QUERY_EQUALS, id, sort, descending);
}

/* A dimmed row: a group's placeholder or its "and 12 more". */
static void
add_dim_row (GtkWidget  *group,
             const char *text)
{
  GtkWidget *row = _sec_record_page_new_row (text, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* "People (12)", or the bare title of an empty group. */
static void
set_group_title (GtkWidget  *group,
                 const char *title,
                 guint       n)
{
  if (n > 0)
    {
      g_autofree char *count = sec_format_count (n);
      /* Translators: a group's title with its number of rows, "People (12)" */
      g_autofree char *text = g_strdup_printf (C_("group title", "%s (%s)"), title, count);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), text);
    }
  else
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
}

/* Says how many of an agenda's @n items it leaves out (past MAX_RELATED). */
static void
add_more_row (GtkWidget *group,
              guint      n)
{
  if (n > MAX_RELATED)
    {
      g_autofree char *more = sec_format_count (n - MAX_RELATED);
      /* Translators: the last row of a long list; %s is a number */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %s more", "and %s more",
                                                            n - MAX_RELATED), more);
      add_dim_row (group, text);
    }
}

/* A group with more related records than it lists: what its last row
 * needs to list more (sec_record_page's "page.show-more"). */
typedef struct
{
  SecRecordList *list;
  MakeRowFunc    make_row;
  GtkWidget     *group;     /* in the page's sections */
  GtkWidget     *more_row;  /* the group's last row */
  char          *title;
  guint          shown;
} RelatedGroup;

void
_sec_record_page_related_free (gpointer data)
{
  RelatedGroup *related = data;

  g_object_unref (related->list);
  g_free (related->title);
  g_free (related);
}

/* Adds the rows of @related's records from the first not shown up to
 * @upto; returns the first row added. */
static GtkWidget *
add_related_rows (SecRecordPage *self,
                  RelatedGroup  *related,
                  guint          upto)
{
  GtkWidget *first = NULL;

  for (guint i = related->shown; i < upto; i++)
    {
      g_autoptr(SecRecord) item = g_list_model_get_item (G_LIST_MODEL (related->list), i);
      GtkWidget *row;

      if (item == NULL)
        continue;
      row = related->make_row (self, item);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (related->group), row);
      if (first == NULL)
        first = row;
    }
  related->shown = upto;
  return first;
}

/* The last row of a group that lists @related->shown of its @n records:
 * activated, it lists more (page.show-more with the group's @index). */
static GtkWidget *
new_more_row (RelatedGroup *related,
              guint         n,
              guint         index)
{
  guint more = MIN (n - related->shown, RELATED_MORE);
  g_autofree char *more_text = sec_format_count (more);
  g_autofree char *shown_text = sec_format_count (related->shown);
  g_autofree char *n_text = sec_format_count (n);
  /* Translators: the last row of a long list of related records; %s is a number */
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %s More", "Show %s More", more),
                                            more_text);
  /* Translators: under "Show 50 More": how many of a list's records are listed, "12 of 2,000 shown" */
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s shown", "%s of %s shown", n),
                                               shown_text, n_text);
  GtkWidget *row = _sec_record_page_new_row (title, subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "page.show-more");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", index);
  sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), sec_decorative_icon_new ("go-down-symbolic"));
  return row;
}

/**
 * _sec_record_page_show_more:
 * @index: a group's place among the page's groups with more to list
 *
 * Lists RELATED_MORE more of the group's records, after those listed, and
 * moves the focus from its last row, if there, to the first row added.
 */
void
_sec_record_page_show_more (SecRecordPage *self,
                            guint          index)
{
  RelatedGroup *related;
  GtkWidget *first;
  gboolean focused;
  guint n;

  if (self->related == NULL || index >= self->related->len)
    return;
  related = g_ptr_array_index (self->related, index);
  n = g_list_model_get_n_items (G_LIST_MODEL (related->list));
  if (related->more_row == NULL || related->shown >= n)
    return;

  focused = gtk_widget_has_focus (related->more_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (related->group), related->more_row);
  related->more_row = NULL;
  first = add_related_rows (self, related, MIN (n, related->shown + RELATED_MORE));
  g_hash_table_insert (self->related_shown, g_strdup (related->title), GUINT_TO_POINTER (related->shown));
  if (related->shown < n)
    {
      related->more_row = new_more_row (related, n, index);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (related->group), related->more_row);
    }
  /* The first row added takes the place of the one activated, on screen:
   * the view stays where it is (the viewport would scroll to the new
   * row before it is laid out, to the top of the page). */
  if (focused && first != NULL)
    {
      GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled_window);

      if (GTK_IS_VIEWPORT (viewport))
        gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
      gtk_widget_grab_focus (first);
      if (GTK_IS_VIEWPORT (viewport))
        gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
    }
}

/* A group listing the records of @kind that @query selects, each made into
 * a row by @make_row: the first RELATED_FIRST (or as many as the user
 * listed on this record's page before a change of the data made it
 * again), then a row that lists more. Without records, the group shows
 * @empty_text when it can add one (@add_kind), and is left out otherwise. */
static GtkWidget *
add_relation_group (SecRecordPage *self,
                    const char    *title,
                    GType          kind,
                    SecQuery      *query,
                    MakeRowFunc    make_row,
                    const char    *add_kind,
                    const char    *add_tooltip,
                    const char    *empty_text)
{
  g_autoptr(SecRecordList) list = sec_record_list_new (self->store, kind, query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint first = MAX (RELATED_FIRST, GPOINTER_TO_UINT (g_hash_table_lookup (self->related_shown, title)));
  RelatedGroup *related;
  GtkWidget *group;

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (kind));

  if (n == 0 && add_kind == NULL)
    return NULL;

  group = _sec_record_page_new_group (NULL);
  set_group_title (group, title, n);

  related = g_new0 (RelatedGroup, 1);
  related->list = g_steal_pointer (&list);
  related->make_row = make_row;
  related->group = group;
  related->title = g_strdup (title);
  add_related_rows (self, related, MIN (n, first));
  if (related->shown < n)
    {
      related->more_row = new_more_row (related, n, self->related->len);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), related->more_row);
      g_ptr_array_add (self->related, related);
    }
  else
    _sec_record_page_related_free (related);

  if (n == 0)
    add_dim_row (group, empty_text);

  if (add_kind != NULL)
    _sec_record_page_set_add_button (self, group, add_kind, add_tooltip);

  gtk_box_append (self->sections, group);
  return group;
}

/* Rows of related records */

static GtkWidget *
person_row (SecRecordPage *self,
            SecRecord     *person)
{
  g_autofree char *title = sec_record_dup_title (person);
  const char *position = sec_record_get_string (person, "position");
  const char *email = sec_record_get_string (person, "email");
  g_autofree char *subtitle = _sec_record_page_join_parts (position ? position : "", email ? email : "", NULL);

  return _sec_record_page_new_link_row (title, subtitle, "person", sec_record_get_id (person), NULL, 0);
}

/* Who represents the member: "Delegate: Anna Müller · Alternates: Peter
 * Baláž", or "". (transfer full) */
static char *
format_representatives (SecRecord *membership)
{
  const char *delegate = sec_record_get_derived (membership, "delegate-name");
  const char *alternates = sec_record_get_derived (membership, "alternate-names");
  /* Translators: on a body's member, who represents it */
  g_autofree char *d = delegate != NULL ? g_strdup_printf (_("Delegate: %s"), delegate) : g_strdup ("");
  /* Translators: on a body's member, who stands in for its delegate */
  g_autofree char *a = alternates != NULL ? g_strdup_printf (_("Alternates: %s"), alternates) : g_strdup ("");

  return _sec_record_page_join_parts (d, a, NULL);
}

static GtkWidget *
membership_body_row (SecRecordPage *self,
                     SecRecord     *membership)
{
  const char *body = sec_record_get_derived (membership, "body-name");
  g_autofree char *period = _sec_record_page_format_membership_period (membership);
  g_autofree char *representatives = format_representatives (membership);
  g_autofree char *subtitle = _sec_record_page_join_parts (period,
                                                           _sec_record_page_choice_label (membership, "status"),
                                                           representatives, NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_BODY));
  return _sec_record_page_new_link_row (body ? body : "", subtitle, "body", sec_record_get_ref (membership, "body"),
                                        "membership", sec_record_get_id (membership));
}

static GtkWidget *
membership_organisation_row (SecRecordPage *self,
                             SecRecord     *membership)
{
  const char *name = sec_record_get_derived (membership, "organisation-name");
  const char *country = sec_country_name (sec_record_get_derived (membership, "country"));
  g_autofree char *period = _sec_record_page_format_membership_period (membership);
  g_autofree char *representatives = format_representatives (membership);
  g_autofree char *subtitle = _sec_record_page_join_parts (country ? country : "", period,
                                                           _sec_record_page_choice_label (membership, "status"),
                                                           representatives, NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return _sec_record_page_new_link_row (name ? name : "", subtitle, "organisation",
                                        sec_record_get_ref (membership, "organisation"),
                                        "membership", sec_record_get_id (membership));
}

static GtkWidget *
membership_call_row (SecRecordPage *self,
                     SecRecord     *membership)
{
  const char *name = sec_record_get_derived (membership, "organisation-name");
  const char *body = sec_record_get_derived (membership, "body-name");
  g_autofree char *period = _sec_record_page_format_membership_period (membership);
  g_autofree char *subtitle = _sec_record_page_join_parts (body ? body : "", period, NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return _sec_record_page_new_link_row (name ? name : "", subtitle, "organisation",
                                        sec_record_get_ref (membership, "organisation"),
                                        "membership", sec_record_get_id (membership));
}

static GtkWidget *
meeting_row (SecRecordPage *self,
             SecRecord     *meeting)
{
  g_autofree char *title = sec_record_dup_title (meeting);
  g_autofree char *period = sec_format_period (sec_record_get_string (meeting, "starts-at"),
                                               sec_record_get_string (meeting, "ends-at"));
  const char *bodies = sec_record_get_derived (meeting, "bodies");
  g_autofree char *subtitle = _sec_record_page_join_parts (period, bodies ? bodies : "",
                                                           _sec_record_page_choice_label (meeting, "status"), NULL);

  return _sec_record_page_new_link_row (title, subtitle, "meeting", sec_record_get_id (meeting), NULL, 0);
}

static GtkWidget *
application_call_row (SecRecordPage *self,
                      SecRecord     *application)
{
  const char *call = sec_record_get_derived (application, "call-title");
  g_autofree char *subtitle = _sec_record_page_join_parts (_sec_record_page_choice_label (application, "eligibility"),
                                                           _sec_record_page_choice_label (application, "outcome"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_CALL));
  return _sec_record_page_new_link_row (call ? call : "", subtitle, "call", sec_record_get_ref (application, "call"),
                                        "application", sec_record_get_id (application));
}

static GtkWidget *
application_organisation_row (SecRecordPage *self,
                              SecRecord     *application)
{
  const char *name = sec_record_get_derived (application, "organisation-name");
  const char *country = sec_country_name (sec_record_get_derived (application, "country"));
  g_autofree char *subtitle = _sec_record_page_join_parts (country ? country : "",
                                                           _sec_record_page_choice_label (application, "eligibility"),
                                                           _sec_record_page_choice_label (application, "outcome"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return _sec_record_page_new_link_row (name ? name : "", subtitle, "organisation",
                                        sec_record_get_ref (application, "organisation"),
                                        "application", sec_record_get_id (application));
}

static GtkWidget *
statement_row (SecRecordPage *self,
               SecRecord     *statement)
{
  g_autofree char *title = sec_record_dup_title (statement);
  g_autofree char *date = sec_format_date (sec_record_get_string (statement, "signed-on"));
  const char *place = sec_record_get_string (statement, "place");
  g_autofree char *subtitle = _sec_record_page_join_parts (date, place ? place : "", NULL);

  return _sec_record_page_new_link_row (title, subtitle, "statement", sec_record_get_id (statement), NULL, 0);
}

static GtkWidget *
participant_meeting_row (SecRecordPage *self,
                         SecRecord     *participant)
{
  const char *meeting = sec_record_get_derived (participant, "meeting-title");
  g_autofree char *date = sec_format_datetime (sec_record_get_derived (participant, "meeting-starts-at"));
  g_autofree char *subtitle = _sec_record_page_join_parts (date, _sec_record_page_choice_label (participant, "role"),
                                                           _sec_record_page_choice_label (participant, "status"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_MEETING));
  return _sec_record_page_new_link_row (meeting ? meeting : "", subtitle, "meeting",
                                        sec_record_get_ref (participant, "meeting"),
                                        "participant", sec_record_get_id (participant));
}

static GtkWidget *
participant_person_row (SecRecordPage *self,
                        SecRecord     *participant)
{
  g_autofree char *person = sec_record_dup_person_name (participant);
  const char *organisation = sec_record_get_derived (participant, "organisation-name");
  g_autofree char *subtitle = _sec_record_page_join_parts (organisation ? organisation : "",
                                                           _sec_record_page_choice_label (participant, "role"),
                                                           _sec_record_page_choice_label (participant, "status"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_PERSON));
  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return _sec_record_page_new_link_row (person ? person : "", subtitle, "person",
                                        sec_record_get_ref (participant, "person"),
                                        "participant", sec_record_get_id (participant));
}

static GtkWidget *
speaker_item_row (SecRecordPage *self,
                  SecRecord     *speaker)
{
  g_autoptr(SecRecord) item = NULL;
  g_autoptr(SecRecord) meeting = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gint64 meeting_id = 0;

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_AGENDA_ITEM));
  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_MEETING));
  item = sec_store_get (self->store, SEC_TYPE_AGENDA_ITEM, sec_record_get_ref (speaker, "agenda-item"), NULL);
  if (item != NULL)
    {
      title = sec_record_dup_title (item);
      meeting_id = sec_record_get_ref (item, "meeting");
      meeting = sec_store_get (self->store, SEC_TYPE_MEETING, meeting_id, NULL);
    }
  if (meeting != NULL)
    {
      g_autofree char *meeting_title = sec_record_dup_title (meeting);
      g_autofree char *date = sec_format_datetime (sec_record_get_string (meeting, "starts-at"));
      subtitle = _sec_record_page_join_parts (meeting_title, date, NULL);
    }

  return _sec_record_page_new_link_row (title ? title : _("A record that no longer exists"), subtitle,
                                        "meeting", meeting_id,
                                        "agenda-item", sec_record_get_ref (speaker, "agenda-item"));
}

static GtkWidget *
call_row (SecRecordPage *self,
          SecRecord     *call)
{
  g_autofree char *title = sec_record_dup_title (call);
  const char *reference = sec_record_get_string (call, "reference");
  g_autofree char *deadline = sec_format_datetime (sec_record_get_string (call, "deadline"));
  g_autofree char *subtitle = _sec_record_page_join_parts (reference ? reference : "", deadline,
                                                           _sec_record_page_choice_label (call, "status"), NULL);

  return _sec_record_page_new_link_row (title, subtitle, "call", sec_record_get_id (call), NULL, 0);
}

static GtkWidget *
meeting_body_row (SecRecordPage *self,
                  SecRecord     *meeting_body)
{
  const char *name = sec_record_get_derived (meeting_body, "body-name");
  const char *acronym = sec_record_get_derived (meeting_body, "body-acronym");

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_BODY));
  return _sec_record_page_new_link_row (name ? name : "", acronym, "body", sec_record_get_ref (meeting_body, "body"),
                                        "meeting-body", sec_record_get_id (meeting_body));
}

static GtkWidget *
erratum_row (SecRecordPage *self,
             SecRecord     *erratum)
{
  g_autofree char *date = sec_format_date (sec_record_get_string (erratum, "published-on"));

  return _sec_record_page_new_link_row (date, sec_record_get_string (erratum, "text"),
                                        "erratum", sec_record_get_id (erratum), NULL, 0);
}

static GtkWidget *
signatory_row (SecRecordPage *self,
               SecRecord     *signatory)
{
  const char *name = sec_record_get_derived (signatory, "organisation-name");
  const char *signer = sec_record_get_string (signatory, "signer-name");
  const char *position = sec_record_get_string (signatory, "signer-position");
  g_autofree char *subtitle = NULL;

  if (signer && *signer && position && *position)
    /* Translators: who signed and their position, "Catherine De Bolle, Executive Director" */
    subtitle = g_strdup_printf (_("%s, %s"), signer, position);
  else
    subtitle = g_strdup (signer && *signer ? signer : "");

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return _sec_record_page_new_link_row (name ? name : "", subtitle, "organisation",
                                        sec_record_get_ref (signatory, "organisation"),
                                        "signatory", sec_record_get_id (signatory));
}

static GtkWidget *
commitment_row (SecRecordPage *self,
                SecRecord     *commitment)
{
  return _sec_record_page_new_link_row (sec_record_get_string (commitment, "text"), NULL,
                                        "commitment", sec_record_get_id (commitment), NULL, 0);
}

static GtkWidget *
speaker_person_row (SecRecordPage *self,
                    SecRecord     *speaker)
{
  const char *name = sec_record_get_derived (speaker, "person-name");

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_PERSON));
  return _sec_record_page_new_link_row (name ? name : "", NULL, "person", sec_record_get_ref (speaker, "person"),
                                        "agenda-speaker", sec_record_get_id (speaker));
}

static GtkWidget *
follow_up_row (SecRecordPage *self,
               SecRecord     *follow_up)
{
  g_autofree char *date = sec_format_date (sec_record_get_string (follow_up, "date"));
  g_autofree char *year = sec_record_get_int (follow_up, "year") ? sec_record_dup_text (follow_up, "year") : g_strdup ("");
  g_autofree char *title = _sec_record_page_join_parts (*date ? date : year,
                                                        _sec_record_page_choice_label (follow_up, "status"),
                                                        NULL);

  return _sec_record_page_new_link_row (title, sec_record_get_string (follow_up, "note"),
                                        "follow-up", sec_record_get_id (follow_up), NULL, 0);
}

static GtkWidget *
project_row (SecRecordPage *self,
             SecRecord     *project)
{
  const char *starts_on = sec_record_get_string (project, "starts-on");
  const char *ends_on = sec_record_get_string (project, "ends-on");
  const char *coordinator = sec_record_get_derived (project, "coordinator-name");
  const char *programme = sec_record_get_derived (project, "programme-name");
  g_autofree char *years = starts_on && *starts_on
                           ? g_strdup_printf (_("%.4s–%.4s"), starts_on, ends_on ? ends_on : "") : g_strdup ("");
  g_autofree char *title = g_strdup_printf ("%s – %s", sec_record_get_string (project, "acronym"),
                                            sec_record_get_string (project, "title"));
  g_autofree char *subtitle = _sec_record_page_join_parts (programme ? programme : "", years,
                                                           coordinator ? coordinator : "", NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_PROGRAMME));
  return _sec_record_page_new_link_row (title, subtitle, "project", sec_record_get_id (project), NULL, 0);
}

static GtkWidget *
partner_row (SecRecordPage *self,
             SecRecord     *partner)
{
  const char *name = sec_record_get_derived (partner, "organisation-name");
  const char *country = sec_country_name (sec_record_get_derived (partner, "country"));
  const char *short_name = sec_record_get_string (partner, "short-name");
  g_autofree char *subtitle = _sec_record_page_join_parts (country ? country : "",
                                                           _sec_record_page_choice_label (partner, "role"),
                                                           short_name ? short_name : "", NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return _sec_record_page_new_link_row (name ? name : "", subtitle, "organisation",
                                        sec_record_get_ref (partner, "organisation"),
                                        "project-partner", sec_record_get_id (partner));
}

static GtkWidget *
funding_call_row (SecRecordPage *self,
                  SecRecord     *call)
{
  g_autofree char *deadline = sec_funding_format_deadline (call);
  g_autofree char *subtitle = _sec_record_page_join_parts (deadline,
                                                           sec_funding_call_status_label (sec_funding_call_status (call, NULL)),
                                                           NULL);

  return _sec_record_page_new_link_row (sec_record_get_string (call, "title"), subtitle,
                                        "funding-call", sec_record_get_id (call), NULL, 0);
}

/* Sections of each kind */

/* A meeting's agenda */

static char *
dup_speakers (SecRecordPage *self,
              gint64         item_id)
{
  g_autoptr(SecQuery) query = _sec_record_page_query_for ("agenda-item", item_id, "position", FALSE);
  g_autoptr(SecRecordList) list = sec_record_list_new (self->store, SEC_TYPE_AGENDA_SPEAKER, query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < MIN (n, MAX_RELATED); i++)
    {
      g_autoptr(SecRecord) speaker = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *name = speaker ? sec_record_get_derived (speaker, "person-name") : NULL;

      if (name == NULL)
        continue;
      if (names->len > 0)
        /* Translators: the separator in a list of names */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }
  return g_string_free (names, FALSE);
}

/* The agenda, with each item's times worked out by the core from the
 * meeting's start and the durations (or the item's fixed start), as the
 * printed agenda has them. */
/* A membership's alternates: people picked, not records listed. */
static void
add_alternates_group (SecRecordPage *self,
                      SecRecord     *membership)
{
  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_PERSON));
  gtk_box_append (self->sections, sec_alternates_group_new (self->store, membership));
}

static void
add_agenda_group (SecRecordPage *self,
                  SecRecord     *meeting)
{
  g_autoptr(SecQuery) query = _sec_record_page_query_for ("meeting", sec_record_get_id (meeting), "position", FALSE);
  g_autoptr(SecRecordList) list = sec_record_list_new (self->store, SEC_TYPE_AGENDA_ITEM, query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SecAgendaTiming) timing = NULL;
  g_autofree char *state = sec_agenda_format_state (sec_record_get_string (meeting, "agenda-status"),
                                                    sec_record_get_int (meeting, "agenda-version"));
  g_autoptr(GString) description = g_string_new (state);
  GtkWidget *group = _sec_record_page_new_group (NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_AGENDA_ITEM));
  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_AGENDA_SPEAKER));

  for (guint i = 0; i < MIN (n, MAX_RELATED); i++)
    {
      SecRecord *item = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  timing = sec_agenda_timing_compute (meeting, items);

  set_group_title (group, _("Agenda"), n);
  if (n == 0)
    add_dim_row (group, _("No agenda yet"));

  if (timing != NULL && n > 0)
    {
      g_autofree char *end = g_date_time_format (timing->planned_end, "%H:%M");
      g_autofree char *total = sec_agenda_format_duration (timing->total_minutes);

      g_string_append (description, _(" · "));
      /* Translators: the length of an agenda and when it ends, "5 h 30 min, until 16:35" */
      g_string_append_printf (description, _("%s, until %s"), total, end);
      if (timing->overrun)
        {
          g_autofree char *over = sec_agenda_format_duration (timing->overrun_minutes);
          g_string_append (description, _(" · "));
          /* Translators: %s is a duration, "20 min" */
          g_string_append_printf (description, _("Runs %s past the end of the meeting"), over);
        }
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description->str);

  for (guint i = 0; i < items->len; i++)
    {
      SecRecord *item = g_ptr_array_index (items, i);
      SecAgendaSlot *slot = timing != NULL && i < timing->n_slots ? &timing->slots[i] : NULL;
      g_autofree char *times = NULL;
      g_autofree char *speakers = NULL;
      g_autofree char *speakers_text = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      g_autofree char *name = sec_record_dup_title (item);
      const char *kind_label = "";
      const char *warning = "";
      GtkWidget *row;

      if (slot != NULL)
        {
          g_autofree char *start = g_date_time_format (slot->starts, "%H:%M");
          g_autofree char *end = g_date_time_format (slot->ends, "%H:%M");

          times = sec_format_time_range (start, end);
          if (slot->overlaps)
            warning = _("Overlaps the previous item");
          else if (slot->overruns)
            warning = _("Ends after the meeting");
        }

      if (g_strcmp0 (sec_record_get_string (item, "kind"), "item") != 0)
        kind_label = _sec_record_page_choice_label (item, "kind");
      speakers = dup_speakers (self, sec_record_get_id (item));
      if (*speakers != '\0')
        /* Translators: who speaks on an agenda item */
        speakers_text = g_strdup_printf (_("Speakers: %s"), speakers);

      /* Items to discuss are numbered as on the printed agenda. */
      if (slot != NULL && slot->number > 0)
        /* Translators: an agenda item's number and title, "2. Signing" */
        title = g_strdup_printf (_("%u. %s"), slot->number, name);
      else
        title = g_strdup (name);

      subtitle = _sec_record_page_join_parts (times ? times : "", kind_label, speakers_text ? speakers_text : "",
                                              warning, NULL);
      row = _sec_record_page_new_link_row (title, subtitle, "agenda-item", sec_record_get_id (item), NULL, 0);
      if (*warning != '\0')
        gtk_widget_add_css_class (row, "warning");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  add_more_row (group, n);

  _sec_record_page_set_add_button (self, group, "agenda-item", _("Add Agenda Item"));
  gtk_box_append (self->sections, group);
}

/* The groups of each kind */

/* Adds to a group the counts that sum it up (see describe below). */
typedef void (*DescribeFunc) (SecRecordPage *self,
                              GtkWidget     *group,
                              gint64         id);

/* Under a body's members: how many are active. */
static void
describe_members (SecRecordPage *self,
                  GtkWidget     *group,
                  gint64         id)
{
  g_autoptr(SecQuery) active = _sec_record_page_query_for ("body", id, NULL, FALSE);
  gint64 n;

  sec_query_add (active, "status", SEC_QUERY_EQUALS, "active");
  n = sec_store_count (self->store, SEC_TYPE_MEMBERSHIP, active, NULL);
  if (n >= 0)
    {
      g_autofree char *count = sec_format_count (n);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s active member",
                                                            "%s active members", (gulong) n), count);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
    }
}

/* Under a meeting's participants: how many take part, and how many are
 * at each stage, in the words of the meeting list and the participants
 * window. */
static void
describe_participants (SecRecordPage *self,
                       GtkWidget     *group,
                       gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = sec_participant_counts_describe (self->store, id, &error);

  if (counts == NULL)
    g_warning ("Could not count the participants: %s", error->message);
  else if (*counts != '\0')
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), counts);
}

/* One group of related records: those of @related whose @field (or, with
 * @relation, the relation of that name) is the record shown, in @sort's
 * order. */
typedef struct {
  const char   *shown;        /* the SecKind.name of the record shown */
  const char   *title;        /* N_() */
  GType       (*related) (void);
  const char   *field;
  gboolean      relation;
  const char   *sort;
  gboolean      descending;
  MakeRowFunc   make_row;
  const char   *add_kind;     /* NULL: the group has no add button */
  const char   *add_tooltip;  /* N_() */
  const char   *empty_text;   /* N_() */
  DescribeFunc  describe;     /* adds counts under a group that is not empty */
  void        (*add) (SecRecordPage *self,
                      SecRecord     *shown);  /* a group made otherwise */
} RelationGroup;

/* In the order they show. */
static const RelationGroup relation_groups[] = {
  { "organisation", N_("People"), sec_person_get_type, "organisation", FALSE, NULL, FALSE,
    person_row, "person", N_("Add Person"), N_("No people yet"), NULL, NULL },
  { "organisation", N_("Memberships"), sec_membership_get_type, "organisation", FALSE, "joined-on", TRUE,
    membership_body_row, "membership", N_("Add Membership"), N_("Not a member of any body"), NULL, NULL },
  { "organisation", N_("Meetings"), sec_meeting_get_type, "organisation", TRUE, "starts-at", TRUE,
    meeting_row, NULL, NULL, NULL, NULL, NULL },
  { "organisation", N_("Applications"), sec_application_get_type, "organisation", FALSE, "received-at", TRUE,
    application_call_row, "application", N_("Add Application"), N_("No applications yet"), NULL, NULL },
  { "organisation", N_("Joint Statements Signed"), sec_statement_get_type, "organisation", TRUE, "signed-on", TRUE,
    statement_row, NULL, NULL, NULL, NULL, NULL },

  { "person", N_("Meetings"), sec_participant_get_type, "person", FALSE, "meeting-starts-at", TRUE,
    participant_meeting_row, "participant", N_("Add to a Meeting"), N_("Not invited to any meeting yet"), NULL, NULL },
  { "person", N_("Speaks On"), sec_agenda_speaker_get_type, "person", FALSE, NULL, FALSE,
    speaker_item_row, NULL, NULL, NULL, NULL, NULL },

  { "body", N_("Members"), sec_membership_get_type, "body", FALSE, "organisation-name", FALSE,
    membership_organisation_row, "membership", N_("Add Member"), N_("No members yet"), describe_members, NULL },
  { "body", N_("Meetings"), sec_meeting_get_type, "body", TRUE, "starts-at", TRUE,
    meeting_row, "meeting", N_("Add Meeting"), N_("No meetings yet"), NULL, NULL },
  { "body", N_("Calls for Expression of Interest"), sec_call_get_type, "body", FALSE, "published-on", TRUE,
    call_row, "call", N_("Add Call"), N_("No calls yet"), NULL, NULL },

  { "meeting", N_("Bodies"), sec_meeting_body_get_type, "meeting", FALSE, NULL, FALSE,
    meeting_body_row, "meeting-body", N_("Add Body"), N_("No bodies yet"), NULL, NULL },
  { .shown = "meeting", .add = add_agenda_group },
  { .shown = "membership", .add = add_alternates_group },
  { "meeting", N_("Participants"), sec_participant_get_type, "meeting", FALSE, "person-sort-key", FALSE,
    participant_person_row, "participant", N_("Add Participant"), N_("No participants yet"),
    describe_participants, NULL },
  { "meeting", N_("Joint Statements Signed Here"), sec_statement_get_type, "meeting", FALSE, "signed-on", FALSE,
    statement_row, NULL, NULL, NULL, NULL, NULL },

  { "call", N_("Errata"), sec_erratum_get_type, "call", FALSE, "published-on", FALSE,
    erratum_row, "erratum", N_("Add Erratum"), N_("No errata"), NULL, NULL },
  { "call", N_("Applications"), sec_application_get_type, "call", FALSE, "organisation-name", FALSE,
    application_organisation_row, "application", N_("Add Application"), N_("No applications yet"), NULL, NULL },
  { "call", N_("Members Selected"), sec_membership_get_type, "call", FALSE, "organisation-name", FALSE,
    membership_call_row, "membership", N_("Add Member"), N_("No members selected yet"), NULL, NULL },

  { "statement", N_("Signatories"), sec_signatory_get_type, "statement", FALSE, "position", FALSE,
    signatory_row, "signatory", N_("Add Signatory"), N_("No signatories yet"), NULL, NULL },
  { "statement", N_("Commitments"), sec_commitment_get_type, "statement", FALSE, "position", FALSE,
    commitment_row, "commitment", N_("Add Commitment"), N_("No commitments yet"), NULL, NULL },
  { "statement", N_("Followed By"), sec_statement_get_type, "predecessor", FALSE, "signed-on", FALSE,
    statement_row, NULL, NULL, NULL, NULL, NULL },

  { "agenda-item", N_("Speakers"), sec_agenda_speaker_get_type, "agenda-item", FALSE, "position", FALSE,
    speaker_person_row, "agenda-speaker", N_("Add Speaker"), N_("No speakers yet"), NULL, NULL },

  { "commitment", N_("Follow-up"), sec_follow_up_get_type, "commitment", FALSE, "date", FALSE,
    follow_up_row, "follow-up", N_("Add Follow-up"), N_("No follow-up yet"), NULL, NULL },

  /* EU funding: what an organisation coordinates or partners, what a
   * person leads, a project's partners, a programme's calls and projects. */
  { "organisation", N_("Funded Projects"), sec_project_get_type, "organisation", TRUE, "starts-on", TRUE,
    project_row, NULL, NULL, NULL, NULL, NULL },
  { "person", N_("Projects Led"), sec_project_get_type, "principal-investigator", FALSE, "starts-on", TRUE,
    project_row, NULL, NULL, NULL, NULL, NULL },
  { "project", N_("Partners"), sec_project_partner_get_type, "project", FALSE, "position", FALSE,
    partner_row, "project-partner", N_("Add Partner"), N_("No partners"), NULL, NULL },
  { "funding-call", N_("Projects Funded"), sec_project_get_type, "funding-call", FALSE, "starts-on", TRUE,
    project_row, "project", N_("Add Project"), N_("No projects yet"), NULL, NULL },
  { "programme", N_("Calls for Proposals"), sec_funding_call_get_type, "programme", FALSE, "deadline", TRUE,
    funding_call_row, "funding-call", N_("Add Call for Proposals"), N_("No calls yet"), NULL, NULL },
  { "programme", N_("Projects"), sec_project_get_type, "programme", FALSE, "starts-on", TRUE,
    project_row, "project", N_("Add Project"), N_("No projects yet"), NULL, NULL },
};

static void
add_group (SecRecordPage       *self,
           const RelationGroup *g,
           gint64               id)
{
  g_autoptr(SecQuery) query = new_query (g->field, g->relation ? SEC_QUERY_RELATION : SEC_QUERY_EQUALS,
                                         id, g->sort, g->descending);
  GtkWidget *group;

  group = add_relation_group (self, _(g->title), g->related (), query, g->make_row, g->add_kind,
                              g->add_tooltip ? _(g->add_tooltip) : NULL,
                              g->empty_text ? _(g->empty_text) : NULL);
  if (group != NULL && g->describe != NULL)
    g->describe (self, group, id);
}

/**
 * _sec_record_page_add_relations:
 * @record: the record shown
 *
 * Adds the workflow's tools (meetings, calls, statements) and the groups of
 * records related to @record to the page's sections.
 */
void
_sec_record_page_add_relations (SecRecordPage *self,
                                SecRecord     *record)
{
  const char *shown = sec_record_get_kind (record)->name;
  gint64 id = sec_record_get_id (record);
  GtkWidget *tools = NULL;

  /* Every workflow's tools come first, before the details: the work done
   * on the record is what the page is opened for, and a meeting's 14
   * details would push its tools below an 800-pixel screen. */
  if (g_str_equal (shown, "meeting"))
    tools = sec_meeting_tools_new (self->store, record);
  else if (g_str_equal (shown, "call"))
    tools = sec_call_tools_new (self->store, record);
  else if (g_str_equal (shown, "statement"))
    tools = sec_statement_tools_new (self->store, record);
  else if (g_str_equal (shown, "funding-call") || g_str_equal (shown, "project") || g_str_equal (shown, "programme"))
    tools = sec_funding_tools_new (self->store, record);
  if (tools != NULL)
    {
      /* An account that may only read sees the tools that write greyed. */
      sec_read_only_apply (tools, self->store);
      gtk_box_prepend (self->sections, tools);
    }

  for (guint i = 0; i < G_N_ELEMENTS (relation_groups); i++)
    {
      const RelationGroup *g = &relation_groups[i];

      if (!g_str_equal (g->shown, shown))
        continue;
      if (g->add != NULL)
        g->add (self, record);
      else
        add_group (self, g, id);
    }
}
