/* sec-record-page.c: the detail pane: one record and its relations
 *
 * The page is built from the record's SecKind: a row per field with a value
 * (references as links), then the records related to it, each group read
 * through a SecRecordList so that a body with thousands of members costs a
 * page of rows. Links activate the window's "win.open-record" action with
 * the linked record's kind and id; the page emits no signals of its own.
 */
#define G_LOG_DOMAIN "sec-record-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/meetings/sec-agenda.h"
#include "ui/calls/sec-call-tools.h"
#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "ui/meetings/sec-meeting-tools.h"
#include "ui/records/sec-record-editor.h"
#include "core/store/sec-record-list.h"
#include "ui/records/sec-record-page.h"
#include "core/store/sec-records.h"
#include "ui/statements/sec-statement-tools.h"

/* Related records listed in a group; beyond that, a row says how many more. */
#define MAX_RELATED 200

struct _SecRecordPage
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkStack          *stack;
  AdwStatusPage     *status_page;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkWidget         *edit_button;
  GtkWidget         *delete_button;
  GtkBox            *sections;

  /* owned */
  SecStore          *store;
  SecRecord         *record;     /* as last read; NULL when none or deleted */
  GHashTable        *depends_on; /* GType of every kind shown -> itself */

  /* The record shown, kept when it is deleted so that Undo brings it back. */
  GType              kind;
  gint64             id;

  gulong             changed_id;
  guint              refresh_id;
  double             restore_scroll;
};

G_DEFINE_FINAL_TYPE (SecRecordPage, sec_record_page, GTK_TYPE_WIDGET)

typedef GtkWidget *(*MakeRowFunc) (SecRecordPage *self,
                                   SecRecord     *item);

/* Helpers: text */

static const char *
choice_label (SecRecord  *record,
              const char *field)
{
  const SecField *f = sec_kind_find_field (sec_record_get_kind (record), field);
  const char *label = f ? sec_field_choice_label (f, sec_record_get_string (record, field)) : NULL;

  return label ? label : "";
}

/* Joins the non-empty parts with " · ". */
static char *
join_parts (const char *first,
            ...) G_GNUC_NULL_TERMINATED;

static char *
join_parts (const char *first,
            ...)
{
  GString *s = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (s->len > 0)
        /* Translators: the separator between the parts of a row's description */
        g_string_append (s, _(" · "));
      g_string_append (s, part);
    }
  va_end (args);

  return g_string_free (s, FALSE);
}

static char *
dup_ref_title (SecRecordPage *self,
               const char    *ref_kind,
               gint64         id)
{
  GType type = sec_record_kind_lookup (ref_kind);
  g_autoptr(SecRecord) target = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (type));
  target = sec_store_get (self->store, type, id, &error);
  if (target == NULL)
    {
      g_debug ("Could not read %s %" G_GINT64_FORMAT ": %s", ref_kind, id, error->message);
      /* Never an id: the user cannot do anything with it. */
      return g_strdup (_("A record that no longer exists"));
    }
  return sec_record_dup_title (target);
}

/* The value of a field as people read it, or NULL when it has none. */
static char *
format_value (SecRecordPage  *self,
              SecRecord      *record,
              const SecField *field)
{
  g_autofree char *text = sec_record_dup_text (record, field->name);

  switch (field->type)
    {
    case SEC_FIELD_REF:
      if (sec_record_get_ref (record, field->name) == 0)
        return NULL;
      return dup_ref_title (self, field->ref_kind, sec_record_get_ref (record, field->name));
    case SEC_FIELD_INT:
      /* A zero that nobody had to give (a year) is no value. */
      if (sec_record_get_int (record, field->name) == 0 && !(field->flags & SEC_FIELD_REQUIRED))
        return NULL;
      return g_steal_pointer (&text);
    case SEC_FIELD_BOOL:
      /* Said when it is so: "Received after the deadline: Yes". */
      if (!sec_record_get_bool (record, field->name) && !(field->flags & SEC_FIELD_REQUIRED))
        return NULL;
      return g_strdup (sec_record_get_bool (record, field->name) ? _("Yes") : _("No"));
    default:
      break;
    }

  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  switch (field->type)
    {
    case SEC_FIELD_CHOICE:
      {
        const char *label = sec_field_choice_label (field, text);
        return g_strdup (label ? label : text);
      }
    case SEC_FIELD_COUNTRY:
      {
        const char *name = sec_country_name (text);
        return g_strdup (name ? name : text);
      }
    case SEC_FIELD_COUNTRIES:
      {
        g_auto(GStrv) codes = g_strsplit (text, ",", -1);
        GString *names = g_string_new (NULL);

        for (guint i = 0; codes[i] != NULL; i++)
          {
            const char *name;

            g_strstrip (codes[i]);
            if (*codes[i] == '\0')
              continue;
            name = sec_country_name (codes[i]);
            if (names->len > 0)
              /* Translators: the separator in a list of countries */
              g_string_append (names, _(", "));
            g_string_append (names, name ? name : codes[i]);
          }
        return g_string_free (names, FALSE);
      }
    case SEC_FIELD_DATE:
      return sec_format_date (text);
    case SEC_FIELD_DATETIME:
      return sec_format_datetime (text);
    case SEC_FIELD_TIME:
      return sec_format_time (text);
    case SEC_FIELD_TEXT:
    case SEC_FIELD_LONG_TEXT:
    case SEC_FIELD_EMAIL:
    case SEC_FIELD_URL:
    case SEC_FIELD_TIMEZONE:
    case SEC_FIELD_DOUBLE:
    case SEC_FIELD_INT:
    case SEC_FIELD_BOOL:
    case SEC_FIELD_REF:
    default:
      return g_steal_pointer (&text);
    }
}

/* "1 June 2013 – 31 May 2016", "Since 1 June 2013" */
static char *
format_membership_period (SecRecord *membership)
{
  g_autofree char *from = sec_format_date (sec_record_get_string (membership, "joined-on"));
  g_autofree char *until = sec_format_date (sec_record_get_string (membership, "left-on"));

  if (*from && *until)
    return g_strdup_printf ("%s – %s", from, until);
  if (*from)
    /* Translators: the start of a membership, "Since 1 June 2013" */
    return g_strdup_printf (_("Since %s"), from);
  if (*until)
    /* Translators: the end of a membership, "Until 31 May 2016" */
    return g_strdup_printf (_("Until %s"), until);
  return g_strdup ("");
}

/* Helpers: rows */

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names come from users: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
add_button (GtkWidget  *row,
            const char *icon_name,
            const char *tooltip,
            const char *action_name,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
make_link (GtkWidget  *row,
           const char *kind,
           gint64      id)
{
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", kind, id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
}

/* A row that opens the record @kind @id; @details_kind, when not NULL, adds
 * a button that opens the record linking the two (a membership between an
 * organisation and a body), where it can be edited or removed. */
static GtkWidget *
new_link_row (const char *title,
              const char *subtitle,
              const char *kind,
              gint64      id,
              const char *details_kind,
              gint64      details_id)
{
  GtkWidget *row = new_row (title, subtitle);

  if (details_kind != NULL && details_id != 0)
    {
      GType type = sec_record_kind_lookup (details_kind);
      /* Translators: the tooltip of a button that opens a linking record, %s is its kind ("Membership") */
      g_autofree char *tooltip = g_strdup_printf (_("Open %s"), _(sec_kind_from_type (type)->label));

      add_button (row, "help-about-symbolic", tooltip, "win.open-record",
                  g_variant_new ("(sx)", details_kind, details_id));
    }
  if (kind != NULL && id != 0)
    make_link (row, kind, id);
  return row;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static gboolean
make_subtitle_selectable (GtkWidget *row)
{
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (row), "subtitle-selectable") == NULL)
    return FALSE;
  g_object_set (row, "subtitle-selectable", TRUE, NULL);
  return TRUE;
}

/* A row of the Details group. */
static GtkWidget *
new_field_row (SecRecordPage  *self,
               SecRecord      *record,
               const SecField *field,
               const char     *value)
{
  GtkWidget *row = new_row (_(field->label), value);
  const char *text = sec_record_get_value (record, field->name) &&
                     G_VALUE_HOLDS_STRING (sec_record_get_value (record, field->name))
                     ? sec_record_get_string (record, field->name) : NULL;
  gboolean copyable = TRUE;

  switch (field->type)
    {
    case SEC_FIELD_REF:
      make_link (row, field->ref_kind, sec_record_get_ref (record, field->name));
      copyable = FALSE;
      break;
    case SEC_FIELD_EMAIL:
    case SEC_FIELD_URL:
      {
        g_autofree char *uri = field->type == SEC_FIELD_EMAIL ? g_strconcat ("mailto:", text, NULL)
                                                             : g_strdup (text);
        GtkWidget *icon = gtk_image_new_from_icon_name (field->type == SEC_FIELD_EMAIL ? "mail-send-symbolic"
                                                                                      : "web-browser-symbolic");
        /* Translators: %s is the name of a field, "Copy Email" */
        g_autofree char *tooltip = g_strdup_printf (_("Copy %s"), _(field->label));

        add_button (row, "edit-copy-symbolic", tooltip, "page.copy", g_variant_new_string (text));
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "page.open-uri");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        copyable = FALSE;
      }
      break;
    case SEC_FIELD_TEXT:
    case SEC_FIELD_LONG_TEXT:
    case SEC_FIELD_INT:
    case SEC_FIELD_DOUBLE:
    case SEC_FIELD_BOOL:
    case SEC_FIELD_DATE:
    case SEC_FIELD_DATETIME:
    case SEC_FIELD_TIMEZONE:
    case SEC_FIELD_TIME:
    case SEC_FIELD_CHOICE:
    case SEC_FIELD_COUNTRY:
    case SEC_FIELD_COUNTRIES:
    default:
      break;
    }

  /* Values can be selected and copied where libadwaita allows (1.3 and
   * later, looked up at run time so that one build serves every version);
   * before, a button copies the text. */
  if (copyable && !make_subtitle_selectable (row) &&
      (field->type == SEC_FIELD_TEXT || field->type == SEC_FIELD_LONG_TEXT))
    {
      /* Translators: %s is the name of a field, "Copy Phone" */
      g_autofree char *tooltip = g_strdup_printf (_("Copy %s"), _(field->label));
      add_button (row, "edit-copy-symbolic", tooltip, "page.copy", g_variant_new_string (value));
    }

  return row;
}

/* Helpers: groups */

static GtkWidget *
new_group (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  return group;
}

static void
set_add_button (SecRecordPage *self,
                GtkWidget     *group,
                const char    *add_kind,
                const char    *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.add");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", add_kind);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
}

static SecQuery *
query_for (const char *field,
           gint64      id,
           const char *sort,
           gboolean    descending)
{
  SecQuery *query = sec_query_new ();
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  if (sort != NULL)
    sec_query_set_sort (query, sort, descending);
  return query;
}

static SecQuery *
relation_query (const char *relation,
                gint64      id,
                const char *sort,
                gboolean    descending)
{
  SecQuery *query = sec_query_new ();
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  sec_query_add (query, relation, SEC_QUERY_RELATION, value);
  if (sort != NULL)
    sec_query_set_sort (query, sort, descending);
  return query;
}

/* A group listing the records of @kind that @query selects, each made into
 * a row by @make_row. Without records, the group shows @empty_text when it
 * can add one (@add_kind), and is left out otherwise. */
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
  GtkWidget *group;

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (kind));

  if (n == 0 && add_kind == NULL)
    return NULL;

  group = new_group (NULL);
  if (n > 0)
    {
      g_autofree char *count = sec_format_count (n);
      /* Translators: a group's title with its number of rows, "People (12)" */
      g_autofree char *text = g_strdup_printf (C_("group title", "%s (%s)"), title, count);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), text);
    }
  else
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  for (guint i = 0; i < MIN (n, MAX_RELATED); i++)
    {
      g_autoptr(SecRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (item != NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (self, item));
    }

  if (n > MAX_RELATED)
    {
      g_autofree char *more = sec_format_count (n - MAX_RELATED);
      /* Translators: the last row of a long list; %s is a number */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %s more", "and %s more",
                                                            n - MAX_RELATED), more);
      GtkWidget *row = new_row (text, NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (n == 0)
    {
      GtkWidget *row = new_row (empty_text, NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (add_kind != NULL)
    set_add_button (self, group, add_kind, add_tooltip);

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
  g_autofree char *subtitle = join_parts (position ? position : "", email ? email : "", NULL);

  return new_link_row (title, subtitle, "person", sec_record_get_id (person), NULL, 0);
}

static GtkWidget *
membership_body_row (SecRecordPage *self,
                     SecRecord     *membership)
{
  const char *body = sec_record_get_derived (membership, "body-name");
  g_autofree char *period = format_membership_period (membership);
  g_autofree char *subtitle = join_parts (period, choice_label (membership, "status"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_BODY));
  return new_link_row (body ? body : "", subtitle, "body", sec_record_get_ref (membership, "body"),
                       "membership", sec_record_get_id (membership));
}

static GtkWidget *
membership_organisation_row (SecRecordPage *self,
                             SecRecord     *membership)
{
  const char *name = sec_record_get_derived (membership, "organisation-name");
  const char *country = sec_country_name (sec_record_get_derived (membership, "country"));
  g_autofree char *period = format_membership_period (membership);
  g_autofree char *subtitle = join_parts (country ? country : "", period,
                                          choice_label (membership, "status"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return new_link_row (name ? name : "", subtitle, "organisation",
                       sec_record_get_ref (membership, "organisation"),
                       "membership", sec_record_get_id (membership));
}

static GtkWidget *
membership_call_row (SecRecordPage *self,
                     SecRecord     *membership)
{
  const char *name = sec_record_get_derived (membership, "organisation-name");
  const char *body = sec_record_get_derived (membership, "body-name");
  g_autofree char *period = format_membership_period (membership);
  g_autofree char *subtitle = join_parts (body ? body : "", period, NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return new_link_row (name ? name : "", subtitle, "organisation",
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
  g_autofree char *subtitle = join_parts (period, bodies ? bodies : "",
                                          choice_label (meeting, "status"), NULL);

  return new_link_row (title, subtitle, "meeting", sec_record_get_id (meeting), NULL, 0);
}

static GtkWidget *
application_call_row (SecRecordPage *self,
                      SecRecord     *application)
{
  const char *call = sec_record_get_derived (application, "call-title");
  g_autofree char *subtitle = join_parts (choice_label (application, "eligibility"),
                                          choice_label (application, "outcome"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_CALL));
  return new_link_row (call ? call : "", subtitle, "call", sec_record_get_ref (application, "call"),
                       "application", sec_record_get_id (application));
}

static GtkWidget *
application_organisation_row (SecRecordPage *self,
                              SecRecord     *application)
{
  const char *name = sec_record_get_derived (application, "organisation-name");
  const char *country = sec_country_name (sec_record_get_derived (application, "country"));
  g_autofree char *subtitle = join_parts (country ? country : "",
                                          choice_label (application, "eligibility"),
                                          choice_label (application, "outcome"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return new_link_row (name ? name : "", subtitle, "organisation",
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
  g_autofree char *subtitle = join_parts (date, place ? place : "", NULL);

  return new_link_row (title, subtitle, "statement", sec_record_get_id (statement), NULL, 0);
}

static GtkWidget *
participant_meeting_row (SecRecordPage *self,
                         SecRecord     *participant)
{
  const char *meeting = sec_record_get_derived (participant, "meeting-title");
  g_autofree char *date = sec_format_datetime (sec_record_get_derived (participant, "meeting-starts-at"));
  g_autofree char *subtitle = join_parts (date, choice_label (participant, "role"),
                                          choice_label (participant, "status"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_MEETING));
  return new_link_row (meeting ? meeting : "", subtitle, "meeting",
                       sec_record_get_ref (participant, "meeting"),
                       "participant", sec_record_get_id (participant));
}

static GtkWidget *
participant_person_row (SecRecordPage *self,
                        SecRecord     *participant)
{
  const char *person = sec_record_get_derived (participant, "person-name");
  const char *organisation = sec_record_get_derived (participant, "organisation-name");
  g_autofree char *subtitle = join_parts (organisation ? organisation : "",
                                          choice_label (participant, "role"),
                                          choice_label (participant, "status"), NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_PERSON));
  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_ORGANISATION));
  return new_link_row (person ? person : "", subtitle, "person",
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
      subtitle = join_parts (meeting_title, date, NULL);
    }

  return new_link_row (title ? title : _("A record that no longer exists"), subtitle,
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
  g_autofree char *subtitle = join_parts (reference ? reference : "", deadline,
                                          choice_label (call, "status"), NULL);

  return new_link_row (title, subtitle, "call", sec_record_get_id (call), NULL, 0);
}

static GtkWidget *
meeting_body_row (SecRecordPage *self,
                  SecRecord     *meeting_body)
{
  const char *name = sec_record_get_derived (meeting_body, "body-name");
  const char *acronym = sec_record_get_derived (meeting_body, "body-acronym");

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_BODY));
  return new_link_row (name ? name : "", acronym, "body", sec_record_get_ref (meeting_body, "body"),
                       "meeting-body", sec_record_get_id (meeting_body));
}

static GtkWidget *
erratum_row (SecRecordPage *self,
             SecRecord     *erratum)
{
  g_autofree char *date = sec_format_date (sec_record_get_string (erratum, "published-on"));

  return new_link_row (date, sec_record_get_string (erratum, "text"),
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
  return new_link_row (name ? name : "", subtitle, "organisation",
                       sec_record_get_ref (signatory, "organisation"),
                       "signatory", sec_record_get_id (signatory));
}

static GtkWidget *
commitment_row (SecRecordPage *self,
                SecRecord     *commitment)
{
  return new_link_row (sec_record_get_string (commitment, "text"), NULL,
                       "commitment", sec_record_get_id (commitment), NULL, 0);
}

static GtkWidget *
speaker_person_row (SecRecordPage *self,
                    SecRecord     *speaker)
{
  const char *name = sec_record_get_derived (speaker, "person-name");

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_PERSON));
  return new_link_row (name ? name : "", NULL, "person", sec_record_get_ref (speaker, "person"),
                       "agenda-speaker", sec_record_get_id (speaker));
}

static GtkWidget *
follow_up_row (SecRecordPage *self,
               SecRecord     *follow_up)
{
  g_autofree char *date = sec_format_date (sec_record_get_string (follow_up, "date"));
  g_autofree char *year = sec_record_get_int (follow_up, "year") ? sec_record_dup_text (follow_up, "year") : g_strdup ("");
  g_autofree char *title = join_parts (*date ? date : year, choice_label (follow_up, "status"), NULL);

  return new_link_row (title, sec_record_get_string (follow_up, "note"),
                       "follow-up", sec_record_get_id (follow_up), NULL, 0);
}

/* Sections of each kind */

static void
add_organisation_sections (SecRecordPage *self,
                           gint64         id)
{
  g_autoptr(SecQuery) people = query_for ("organisation", id, NULL, FALSE);
  g_autoptr(SecQuery) memberships = query_for ("organisation", id, "joined-on", TRUE);
  g_autoptr(SecQuery) meetings = relation_query ("organisation", id, "starts-at", TRUE);
  g_autoptr(SecQuery) applications = query_for ("organisation", id, "received-at", TRUE);
  g_autoptr(SecQuery) statements = relation_query ("organisation", id, "signed-on", TRUE);

  add_relation_group (self, _("People"), SEC_TYPE_PERSON, people, person_row,
                      "person", _("Add Person"), _("No people yet"));
  add_relation_group (self, _("Memberships"), SEC_TYPE_MEMBERSHIP, memberships, membership_body_row,
                      "membership", _("Add Membership"), _("Not a member of any body"));
  add_relation_group (self, _("Meetings"), SEC_TYPE_MEETING, meetings, meeting_row,
                      NULL, NULL, NULL);
  add_relation_group (self, _("Applications"), SEC_TYPE_APPLICATION, applications, application_call_row,
                      "application", _("Add Application"), _("No applications yet"));
  add_relation_group (self, _("Joint Statements Signed"), SEC_TYPE_STATEMENT, statements, statement_row,
                      NULL, NULL, NULL);
}

static void
add_person_sections (SecRecordPage *self,
                     gint64         id)
{
  g_autoptr(SecQuery) meetings = query_for ("person", id, "meeting-starts-at", TRUE);
  g_autoptr(SecQuery) speaking = query_for ("person", id, NULL, FALSE);

  add_relation_group (self, _("Meetings"), SEC_TYPE_PARTICIPANT, meetings, participant_meeting_row,
                      "participant", _("Add to a Meeting"), _("Not invited to any meeting yet"));
  add_relation_group (self, _("Speaks On"), SEC_TYPE_AGENDA_SPEAKER, speaking, speaker_item_row,
                      NULL, NULL, NULL);
}

static void
add_body_sections (SecRecordPage *self,
                   gint64         id)
{
  g_autoptr(SecQuery) members = query_for ("body", id, "organisation-name", FALSE);
  g_autoptr(SecQuery) meetings = relation_query ("body", id, "starts-at", TRUE);
  g_autoptr(SecQuery) calls = query_for ("body", id, "published-on", TRUE);
  GtkWidget *group;

  group = add_relation_group (self, _("Members"), SEC_TYPE_MEMBERSHIP, members, membership_organisation_row,
                              "membership", _("Add Member"), _("No members yet"));
  if (group != NULL)
    {
      g_autoptr(SecQuery) active = query_for ("body", id, NULL, FALSE);
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
  add_relation_group (self, _("Meetings"), SEC_TYPE_MEETING, meetings, meeting_row,
                      "meeting", _("Add Meeting"), _("No meetings yet"));
  add_relation_group (self, _("Calls for Expression of Interest"), SEC_TYPE_CALL, calls, call_row,
                      "call", _("Add Call"), _("No calls yet"));
}

static char *
dup_speakers (SecRecordPage *self,
              gint64         item_id)
{
  g_autoptr(SecQuery) query = query_for ("agenda-item", item_id, "position", FALSE);
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
static void
add_agenda_group (SecRecordPage *self,
                  SecRecord     *meeting)
{
  g_autoptr(SecQuery) query = query_for ("meeting", sec_record_get_id (meeting), "position", FALSE);
  g_autoptr(SecRecordList) list = sec_record_list_new (self->store, SEC_TYPE_AGENDA_ITEM, query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SecAgendaTiming) timing = NULL;
  g_autofree char *state = sec_agenda_format_state (sec_record_get_string (meeting, "agenda-status"),
                                                    sec_record_get_int (meeting, "agenda-version"));
  g_autoptr(GString) description = g_string_new (state);
  GtkWidget *group = new_group (NULL);

  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_AGENDA_ITEM));
  g_hash_table_add (self->depends_on, GSIZE_TO_POINTER (SEC_TYPE_AGENDA_SPEAKER));

  for (guint i = 0; i < MIN (n, MAX_RELATED); i++)
    {
      SecRecord *item = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  timing = sec_agenda_timing_compute (meeting, items);

  if (n > 0)
    {
      g_autofree char *count = sec_format_count (n);
      g_autofree char *text = g_strdup_printf (C_("group title", "%s (%s)"), _("Agenda"), count);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), text);
    }
  else
    {
      GtkWidget *row = new_row (_("No agenda yet"), NULL);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Agenda"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

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

          times = g_strdup_printf ("%s – %s", start, end);
          if (slot->overlaps)
            warning = _("Overlaps the previous item");
          else if (slot->overruns)
            warning = _("Ends after the meeting");
        }

      if (g_strcmp0 (sec_record_get_string (item, "kind"), "item") != 0)
        kind_label = choice_label (item, "kind");
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

      subtitle = join_parts (times ? times : "", kind_label, speakers_text ? speakers_text : "", warning, NULL);
      row = new_link_row (title, subtitle, "agenda-item", sec_record_get_id (item), NULL, 0);
      if (*warning != '\0')
        gtk_widget_add_css_class (row, "warning");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (n > MAX_RELATED)
    {
      g_autofree char *more = sec_format_count (n - MAX_RELATED);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %s more", "and %s more",
                                                            n - MAX_RELATED), more);
      GtkWidget *row = new_row (text, NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  set_add_button (self, group, "agenda-item", _("Add Agenda Item"));
  gtk_box_append (self->sections, group);
}

static void
add_meeting_sections (SecRecordPage *self,
                      SecRecord     *meeting)
{
  gint64 id = sec_record_get_id (meeting);
  g_autoptr(SecQuery) bodies = query_for ("meeting", id, NULL, FALSE);
  g_autoptr(SecQuery) participants = query_for ("meeting", id, "person-sort-key", FALSE);
  g_autoptr(SecQuery) statements = query_for ("meeting", id, "signed-on", FALSE);
  const SecField *status = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_PARTICIPANT), "status");
  GtkWidget *group;

  gtk_box_append (self->sections, sec_meeting_tools_new (self->store, meeting));
  add_relation_group (self, _("Bodies"), SEC_TYPE_MEETING_BODY, bodies, meeting_body_row,
                      "meeting-body", _("Add Body"), _("No bodies yet"));
  add_agenda_group (self, meeting);
  group = add_relation_group (self, _("Participants"), SEC_TYPE_PARTICIPANT, participants, participant_person_row,
                              "participant", _("Add Participant"), _("No participants yet"));

  /* How many are at each stage, in the order of the statuses. */
  if (group != NULL)
    {
      g_autoptr(GString) counts = g_string_new (NULL);

      for (const SecChoice *c = status->choices; c->nick != NULL; c++)
        {
          g_autoptr(SecQuery) query = query_for ("meeting", id, NULL, FALSE);
          g_autofree char *number = NULL;
          gint64 n;

          sec_query_add (query, "status", SEC_QUERY_EQUALS, c->nick);
          n = sec_store_count (self->store, SEC_TYPE_PARTICIPANT, query, NULL);
          if (n <= 0)
            continue;
          number = sec_format_count (n);
          if (counts->len > 0)
            g_string_append (counts, _(" · "));
          /* Translators: a participant status and how many have it, "Confirmed: 12" */
          g_string_append_printf (counts, _("%s: %s"), _(c->label), number);
        }
      if (counts->len > 0)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), counts->str);
    }

  add_relation_group (self, _("Joint Statements Signed Here"), SEC_TYPE_STATEMENT, statements, statement_row,
                      NULL, NULL, NULL);
}

static void
add_call_sections (SecRecordPage *self,
                   SecRecord     *call_record)
{
  gint64 id = sec_record_get_id (call_record);
  g_autoptr(SecQuery) errata = query_for ("call", id, "published-on", FALSE);
  g_autoptr(SecQuery) applications = query_for ("call", id, "organisation-name", FALSE);
  g_autoptr(SecQuery) members = query_for ("call", id, "organisation-name", FALSE);

  gtk_box_prepend (self->sections, sec_call_tools_new (self->store, call_record));
  add_relation_group (self, _("Errata"), SEC_TYPE_ERRATUM, errata, erratum_row,
                      "erratum", _("Add Erratum"), _("No errata"));
  add_relation_group (self, _("Applications"), SEC_TYPE_APPLICATION, applications, application_organisation_row,
                      "application", _("Add Application"), _("No applications yet"));
  add_relation_group (self, _("Members Selected"), SEC_TYPE_MEMBERSHIP, members, membership_call_row,
                      "membership", _("Add Member"), _("No members selected yet"));
}

static void
add_statement_sections (SecRecordPage *self,
                        SecRecord     *statement_record)
{
  gint64 id = sec_record_get_id (statement_record);
  g_autoptr(SecQuery) successors = query_for ("predecessor", id, "signed-on", FALSE);
  g_autoptr(SecQuery) signatories = query_for ("statement", id, "position", FALSE);
  g_autoptr(SecQuery) commitments = query_for ("statement", id, "position", FALSE);

  gtk_box_prepend (self->sections, sec_statement_tools_new (self->store, statement_record));
  add_relation_group (self, _("Signatories"), SEC_TYPE_SIGNATORY, signatories, signatory_row,
                      "signatory", _("Add Signatory"), _("No signatories yet"));
  add_relation_group (self, _("Commitments"), SEC_TYPE_COMMITMENT, commitments, commitment_row,
                      "commitment", _("Add Commitment"), _("No commitments yet"));
  add_relation_group (self, _("Followed By"), SEC_TYPE_STATEMENT, successors, statement_row,
                      NULL, NULL, NULL);
}

static void
add_agenda_item_sections (SecRecordPage *self,
                          gint64         id)
{
  g_autoptr(SecQuery) speakers = query_for ("agenda-item", id, "position", FALSE);

  add_relation_group (self, _("Speakers"), SEC_TYPE_AGENDA_SPEAKER, speakers, speaker_person_row,
                      "agenda-speaker", _("Add Speaker"), _("No speakers yet"));
}

static void
add_commitment_sections (SecRecordPage *self,
                         gint64         id)
{
  g_autoptr(SecQuery) follow_ups = query_for ("commitment", id, "date", FALSE);

  add_relation_group (self, _("Follow-up"), SEC_TYPE_FOLLOW_UP, follow_ups, follow_up_row,
                      "follow-up", _("Add Follow-up"), _("No follow-up yet"));
}

/* The page */

static char *
dup_subtitle (SecRecord *record)
{
  const SecKind *kind = sec_record_get_kind (record);
  const char *name = kind->name;

  if (g_str_equal (name, "person"))
    {
      const char *position = sec_record_get_string (record, "position");
      const char *organisation = sec_record_get_derived (record, "organisation-name");
      g_autofree char *parts = join_parts (position ? position : "", organisation ? organisation : "", NULL);

      return *parts ? g_steal_pointer (&parts) : g_strdup (_(kind->label));
    }
  if (g_str_equal (name, "meeting"))
    {
      g_autofree char *period = sec_format_period (sec_record_get_string (record, "starts-at"),
                                                   sec_record_get_string (record, "ends-at"));
      return join_parts (period, choice_label (record, "status"), NULL);
    }
  if (g_str_equal (name, "organisation"))
    {
      const char *country = sec_country_name (sec_record_get_string (record, "country"));
      return join_parts (choice_label (record, "kind"), country ? country : "", NULL);
    }
  if (g_str_equal (name, "call"))
    {
      g_autofree char *deadline = sec_format_datetime (sec_record_get_string (record, "deadline"));
      g_autofree char *deadline_text = *deadline ? g_strdup_printf (_("Deadline %s"), deadline) : g_strdup ("");
      return join_parts (_(kind->label), deadline_text, choice_label (record, "status"), NULL);
    }
  if (g_str_equal (name, "statement"))
    {
      g_autofree char *date = sec_format_date (sec_record_get_string (record, "signed-on"));
      return join_parts (_(kind->label), date, NULL);
    }

  /* A record that links two others: what it links them to. */
  {
    static const char *const contexts[] = { "meeting-title", "body-name", "call-title", NULL };

    for (guint i = 0; contexts[i] != NULL; i++)
      {
        const char *context = sec_record_get_derived (record, contexts[i]);

        if (context != NULL && *context != '\0')
          return join_parts (_(kind->label), context, NULL);
      }
  }

  return g_strdup (_(kind->label));
}

/* The title: a participant or speaker is first of all a person. */
static char *
dup_title (SecRecord *record)
{
  const char *person = sec_record_get_derived (record, "person-name");

  if (person != NULL && *person != '\0')
    return g_strdup (person);
  return sec_record_dup_title (record);
}

static void
clear_sections (SecRecordPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
  g_hash_table_remove_all (self->depends_on);
}

static gboolean
restore_scroll_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  SecRecordPage *self = SEC_RECORD_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  gtk_adjustment_set_value (adjustment, self->restore_scroll);
  return G_SOURCE_REMOVE;
}

static void
rebuild (SecRecordPage *self,
         gboolean       keep_scroll)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  SecRecord *record = self->record;
  const SecKind *kind;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *details;
  gint64 id;

  self->restore_scroll = gtk_adjustment_get_value (adjustment);
  clear_sections (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", record != NULL);
  gtk_widget_set_visible (self->edit_button, record != NULL);
  gtk_widget_set_visible (self->delete_button, record != NULL);

  if (record == NULL)
    {
      if (self->id != 0)
        {
          adw_status_page_set_title (self->status_page, _("Record Deleted"));
          adw_status_page_set_icon_name (self->status_page, "user-trash-symbolic");
        }
      else
        {
          adw_status_page_set_title (self->status_page, _("No Record Selected"));
          adw_status_page_set_icon_name (self->status_page, "x-office-address-book-symbolic");
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  kind = sec_record_get_kind (record);
  id = sec_record_get_id (record);
  title = dup_title (record);
  subtitle = dup_subtitle (record);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);

  details = new_group (_("Details"));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SecField *field = &kind->fields[i];
      g_autofree char *value = format_value (self, record, field);

      if (value != NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), new_field_row (self, record, field, value));
    }
  gtk_box_append (self->sections, details);

  if (g_str_equal (kind->name, "organisation"))
    add_organisation_sections (self, id);
  else if (g_str_equal (kind->name, "person"))
    add_person_sections (self, id);
  else if (g_str_equal (kind->name, "body"))
    add_body_sections (self, id);
  else if (g_str_equal (kind->name, "meeting"))
    add_meeting_sections (self, record);
  else if (g_str_equal (kind->name, "call"))
    add_call_sections (self, record);
  else if (g_str_equal (kind->name, "statement"))
    add_statement_sections (self, record);
  else if (g_str_equal (kind->name, "agenda-item"))
    add_agenda_item_sections (self, id);
  else if (g_str_equal (kind->name, "commitment"))
    add_commitment_sections (self, id);

  gtk_stack_set_visible_child_name (self->stack, "record");

  /* The new content is measured at the next frame; the position is set back then. */
  if (keep_scroll)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_scroll_cb, NULL, NULL);
  else
    gtk_adjustment_set_value (adjustment, 0);
}

/* Reads the record again: it may have changed, gone, or come back (Undo). */
static void
reload (SecRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  SecRecord *fresh = NULL;

  if (self->id != 0 && self->store != NULL)
    {
      fresh = sec_store_get (self->store, self->kind, self->id, &error);
      if (fresh == NULL && !g_error_matches (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read %s %" G_GINT64_FORMAT ": %s",
                   g_type_name (self->kind), self->id, error->message);
    }

  g_clear_object (&self->record);
  self->record = fresh;
  rebuild (self, TRUE);
}

static gboolean
refresh_cb (gpointer user_data)
{
  SecRecordPage *self = user_data;

  self->refresh_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SecRecordPage *self,
                  GType          kind,
                  gint64         id,
                  int            change,
                  SecStore      *store)
{
  gboolean relevant;

  if (self->id == 0)
    return;

  relevant = (kind == self->kind && (id == 0 || id == self->id)) ||
             g_hash_table_contains (self->depends_on, GSIZE_TO_POINTER (kind));
  /* A burst of changes (an import, a cascade) is one refresh. */
  if (relevant && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* Actions */

/* Creates a record related to the one shown, with the reference to it (and
 * what else is obvious: the person's organisation, the next position) filled
 * in. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SecRecordPage *self = SEC_RECORD_PAGE (widget);
  const char *new_kind_name = g_variant_get_string (parameter, NULL);
  GType new_type = sec_record_kind_lookup (new_kind_name);
  const SecKind *new_kind;
  const SecKind *shown_kind;
  GtkRoot *root = gtk_widget_get_root (widget);
  SecRecordEditor *editor;
  g_autofree char *id = NULL;
  const char *link_field = NULL;

  g_return_if_fail (new_type != 0);
  if (self->record == NULL || self->store == NULL)
    return;

  new_kind = sec_kind_from_type (new_type);
  shown_kind = sec_record_get_kind (self->record);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->id);

  editor = sec_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->store, new_type, NULL);

  if (new_type == SEC_TYPE_MEETING && self->kind == SEC_TYPE_BODY)
    sec_record_editor_set_field (editor, "bodies", id);

  for (guint i = 0; i < new_kind->n_fields; i++)
    {
      const SecField *field = &new_kind->fields[i];

      if (field->type != SEC_FIELD_REF)
        continue;
      if (link_field == NULL && g_str_equal (field->ref_kind, shown_kind->name))
        {
          link_field = field->name;
          sec_record_editor_set_field (editor, field->name, id);
        }
      else if (new_type != self->kind)
        {
          /* The same reference on the record shown: a participant added
           * from a person represents the person's organisation. */
          const SecField *same = sec_kind_find_field (shown_kind, field->name);

          if (same != NULL && same->type == SEC_FIELD_REF && g_str_equal (same->ref_kind, field->ref_kind) &&
              sec_record_get_ref (self->record, field->name) != 0)
            {
              g_autofree char *value = sec_record_dup_text (self->record, field->name);
              sec_record_editor_set_field (editor, field->name, value);
            }
        }
    }

  /* Items in order (agenda, signatories, commitments): the next place. */
  if (link_field != NULL && sec_kind_find_field (new_kind, "position") != NULL &&
      sec_kind_find_field (new_kind, "position")->type == SEC_FIELD_INT)
    {
      g_autoptr(SecQuery) query = query_for (link_field, self->id, NULL, FALSE);
      gint64 n = sec_store_count (self->store, new_type, query, NULL);
      g_autofree char *position = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (n, 0) + 1);

      sec_record_editor_set_field (editor, "position", position);
    }

  gtk_window_present (GTK_WINDOW (editor));
}

/* Overrides */

static void
sec_record_page_dispose (GObject *object)
{
  SecRecordPage *self = (SecRecordPage *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->record);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_RECORD_PAGE);

  G_OBJECT_CLASS (sec_record_page_parent_class)->dispose (object);
}

static void
sec_record_page_finalize (GObject *object)
{
  SecRecordPage *self = (SecRecordPage *) object;

  g_clear_pointer (&self->depends_on, g_hash_table_unref);

  G_OBJECT_CLASS (sec_record_page_parent_class)->finalize (object);
}

static void
sec_record_page_class_init (SecRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_record_page_dispose;
  object_class->finalize = sec_record_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, sections);

  gtk_widget_class_install_action (widget_class, "page.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "page.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "page.add", "s", add_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_record_page_init (SecRecordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->depends_on = g_hash_table_new (NULL, NULL);
  rebuild (self, FALSE);
}

/* Public API */

/**
 * sec_record_page_new:
 *
 * Returns: (transfer floating): a new, empty detail page
 */
GtkWidget *
sec_record_page_new (void)
{
  return g_object_new (SEC_TYPE_RECORD_PAGE, NULL);
}

/**
 * sec_record_page_set_record:
 * @store: (nullable): the store @record comes from
 * @record: (nullable): the record to show, or NULL for none
 *
 * Shows @record as read again from @store, and follows its changes.
 */
void
sec_record_page_set_record (SecRecordPage *self,
                            SecStore      *store,
                            SecRecord     *record)
{
  gboolean same;

  g_return_if_fail (SEC_IS_RECORD_PAGE (self));
  g_return_if_fail (store == NULL || SEC_IS_STORE (store));
  g_return_if_fail (record == NULL || SEC_IS_RECORD (record));
  g_return_if_fail (record == NULL || store != NULL);

  same = record != NULL && self->id != 0 && G_OBJECT_TYPE (record) == self->kind &&
         sec_record_get_id (record) == self->id && store == self->store;

  if (store != self->store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                                                    self, G_CONNECT_SWAPPED);
    }

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->kind = record ? G_OBJECT_TYPE (record) : G_TYPE_INVALID;
  self->id = record ? sec_record_get_id (record) : 0;

  if (record == NULL || self->id == 0)
    {
      /* Not stored (yet): show it as it is. */
      g_set_object (&self->record, record);
      rebuild (self, FALSE);
      return;
    }

  /* Read it again: a list's copy may lack what the page shows. */
  g_clear_object (&self->record);
  self->record = sec_store_get (store, self->kind, self->id, NULL);
  if (self->record == NULL)
    self->record = g_object_ref (record);
  rebuild (self, same);
}

/**
 * sec_record_page_get_record:
 *
 * Returns: (nullable) (transfer none): the record shown
 */
SecRecord *
sec_record_page_get_record (SecRecordPage *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_PAGE (self), NULL);

  return self->record;
}
