/* sec-record-row.c: one record as a two-line row of a list
 *
 * The first line names the record and, for kinds with a status, shows it at
 * the end; the second gives the facts staff look for in a list (a meeting's
 * date and bodies, an organisation's country), with a count at the end.
 * Rows are recycled by the list, so everything is set from the record.
 */
#define G_LOG_DOMAIN "sec-record-row"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/funding/sec-funding.h"
#include "ui/meetings/sec-participant-counts.h"
#include "ui/records/sec-record-row.h"
#include "core/store/sec-records.h"

struct _SecRecordRow
{
  GtkWidget  parent_instance;

  /* template */
  GtkWidget *box;
  GtkLabel  *title_label;
  GtkLabel  *badge_label;
  GtkLabel  *subtitle_label;
  GtkLabel  *trailing_label;

  /* owned */
  SecRecord *record;
};

G_DEFINE_FINAL_TYPE (SecRecordRow, sec_record_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The texts of one row, made from a record. */
typedef struct {
  char       *title;
  const char *badge;        /* translated choice label, static */
  const char *badge_style;  /* a style class for the badge, or NULL */
  gboolean    title_dim;    /* a placeholder rather than a name */
  GPtrArray  *details;      /* second line, joined with " · " */
  char       *trailing;
} RowTexts;

static void
add_detail (RowTexts   *texts,
            const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (texts->details, g_strdup (text));
}

static void
take_detail (RowTexts *texts,
             char     *text)
{
  add_detail (texts, text);
  g_free (text);
}

static gint64
get_count (SecRecord  *record,
           const char *derived)
{
  const char *value = sec_record_get_derived (record, derived);

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static const char *
get_choice_label (SecRecord  *record,
                  const char *field)
{
  const SecField *f = sec_kind_find_field (sec_record_get_kind (record), field);
  const char *nick = sec_record_get_string (record, field);

  if (f == NULL || nick == NULL || nick[0] == '\0')
    return NULL;
  return sec_field_choice_label (f, nick);
}

static const char *
get_text (SecRecord  *record,
          const char *field)
{
  const char *value = sec_record_get_string (record, field);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static void
describe_meeting (SecRecord *record,
                  RowTexts  *texts)
{
  const char *status = sec_record_get_string (record, "status");
  /* Those confirmed, attended or attended remotely: the number the
   * meeting's page and participants window call "taking part". */
  gint64 taking_part = get_count (record, "confirmed-count");

  texts->title = g_strdup (get_text (record, "title"));
  texts->badge = get_choice_label (record, "status");
  if (g_strcmp0 (status, "cancelled") == 0)
    texts->badge_style = "error";
  else if (g_strcmp0 (status, "invitations-sent") == 0)
    texts->badge_style = "accent";
  else
    texts->badge_style = "dim-label";
  take_detail (texts, sec_format_period (sec_record_get_string (record, "starts-at"),
                                         sec_record_get_string (record, "ends-at")));
  add_detail (texts, sec_record_get_derived (record, "bodies"));
  texts->trailing = sec_participant_counts_format_taking_part (taking_part);
}

static void
describe_organisation (SecRecord *record,
                       RowTexts  *texts)
{
  const char *country = get_text (record, "country");
  const char *bodies = sec_record_get_derived (record, "bodies");

  texts->title = g_strdup (get_text (record, "name"));
  add_detail (texts, get_text (record, "acronym"));
  if (country != NULL)
    add_detail (texts, sec_country_name (country) ? sec_country_name (country) : country);
  add_detail (texts, get_choice_label (record, "kind"));
  if (bodies != NULL && bodies[0] != '\0')
    texts->trailing = g_strdup (bodies);
}

/* What the law asks to see in the list itself: a person held without a
 * lawful basis, a restricted one, and what is left of an erased one. */
static void
describe_person (SecRecord *record,
                 RowTexts  *texts)
{
  const char *basis = get_text (record, "lawful-basis");
  gboolean restricted = sec_record_get_bool (record, "restricted");

  if (get_text (record, "erased-on") != NULL)
    {
      g_autofree char *date = sec_format_date (sec_record_get_string (record, "erased-on"));

      /* Translators: the list's name for a person whose personal data were erased */
      texts->title = g_strdup (_("Erased person"));
      texts->title_dim = TRUE;
      /* Translators: "Personal data erased on 6 December 2026" */
      take_detail (texts, g_strdup_printf (_("Personal data erased on %s"), date));
      add_detail (texts, sec_record_get_derived (record, "organisation-name"));
      return;
    }
  texts->title = sec_record_dup_title (record);
  if (basis == NULL)
    {
      /* Translators: a badge in the people list: no lawful basis is recorded for holding the person's data */
      texts->badge = _("No lawful basis");
      texts->badge_style = "warning";
    }
  else if (restricted)
    {
      /* Translators: a badge in the people list: the processing of the person's data is restricted */
      texts->badge = _("Restricted");
      texts->badge_style = "dim-label";
    }
  if (restricted && basis == NULL)
    add_detail (texts, _("Restricted"));
  add_detail (texts, sec_record_get_derived (record, "organisation-name"));
  add_detail (texts, get_text (record, "email"));
}

static void
describe_body (SecRecord *record,
               RowTexts  *texts)
{
  gint64 members = get_count (record, "member-count");
  g_autofree char *count = sec_format_count (members);

  texts->title = g_strdup (get_text (record, "name"));
  add_detail (texts, get_text (record, "acronym"));
  /* Translators: the active members of a body, e.g. "104 members" */
  texts->trailing = g_strdup_printf (ngettext ("%s member", "%s members", members), count);
}

static void
describe_call (SecRecord *record,
               RowTexts  *texts)
{
  const char *status = sec_record_get_string (record, "status");
  const char *deadline = get_text (record, "deadline");
  gint64 applications = get_count (record, "application-count");
  g_autofree char *count = sec_format_count (applications);

  texts->title = g_strdup (get_text (record, "title"));
  texts->badge = get_choice_label (record, "status");
  texts->badge_style = g_strcmp0 (status, "open") == 0 ? "success" : "dim-label";
  if (deadline != NULL)
    {
      g_autofree char *date = sec_format_datetime (deadline);
      /* Translators: the deadline of a call, e.g. "Deadline 25 April 2018, 17:00" */
      take_detail (texts, g_strdup_printf (_("Deadline %s"), date));

      if (g_strcmp0 (status, "open") == 0)
        {
          gint64 days = sec_days_until (deadline, sec_record_get_string (record, "deadline-timezone"));

          if (days == 0)
            add_detail (texts, _("Closes today"));
          else if (days > 0)
            take_detail (texts, g_strdup_printf (ngettext ("%d day left", "%d days left", days), (int) days));
        }
    }
  /* Translators: applications to a call, e.g. "34 applications" */
  texts->trailing = g_strdup_printf (ngettext ("%s application", "%s applications", applications), count);
}

static void
describe_statement (SecRecord *record,
                    RowTexts  *texts)
{
  gint64 signatories = get_count (record, "signatory-count");
  g_autofree char *count = sec_format_count (signatories);

  texts->title = g_strdup (get_text (record, "title"));
  take_detail (texts, sec_format_date (sec_record_get_string (record, "signed-on")));
  add_detail (texts, get_text (record, "place"));
  /* Translators: organisations that signed a statement, e.g. "10 signatories" */
  texts->trailing = g_strdup_printf (ngettext ("%s signatory", "%s signatories", signatories), count);
}

/* The status follows from the dates, and the time left from the deadline
 * in the call's zone. */
static void
describe_funding_call (SecRecord *record,
                       RowTexts  *texts)
{
  SecFundingCallStatus status = sec_funding_call_status (record, NULL);
  g_autoptr(GDateTime) deadline = sec_funding_call_dup_deadline (record);

  texts->title = g_strdup (get_text (record, "title"));
  texts->badge = sec_funding_call_status_label (status);
  texts->badge_style = status == SEC_FUNDING_CALL_OPEN ? "success"
                       : status == SEC_FUNDING_CALL_FORTHCOMING ? "accent" : "dim-label";
  add_detail (texts, sec_record_get_derived (record, "programme-name"));
  if (deadline != NULL)
    {
      g_autofree char *date = sec_format_datetime (sec_record_get_string (record, "deadline"));

      take_detail (texts, g_strdup_printf (_("Deadline %s"), date));
      if (status != SEC_FUNDING_CALL_CLOSED)
        take_detail (texts, sec_funding_format_time_left (deadline, NULL));
    }
  texts->trailing = sec_funding_format_euros (sec_record_get_int (record, "budget"));
}

static void
describe_project (SecRecord *record,
                  RowTexts  *texts)
{
  const char *starts_on = get_text (record, "starts-on");
  const char *ends_on = get_text (record, "ends-on");

  texts->title = g_strdup (get_text (record, "acronym"));
  add_detail (texts, sec_record_get_derived (record, "programme-name"));
  add_detail (texts, sec_record_get_derived (record, "coordinator-name"));
  if (starts_on != NULL)
    /* Translators: the years a project runs, "2012–2017" */
    take_detail (texts, g_strdup_printf (_("%.4s–%.4s"), starts_on, ends_on ? ends_on : ""));
  texts->trailing = sec_funding_format_euros (sec_record_get_int (record, "budget"));
}

static void
describe_programme (SecRecord *record,
                    RowTexts  *texts)
{
  gint64 projects = get_count (record, "project-count");
  g_autofree char *count = sec_format_count (projects);
  int first = sec_record_get_int (record, "first-year");
  int last = sec_record_get_int (record, "last-year");

  texts->title = g_strdup (get_text (record, "name"));
  add_detail (texts, get_text (record, "short-name"));
  if (first > 0)
    take_detail (texts, last > 0 ? g_strdup_printf ("%d–%d", first, last)
                                 /* Translators: a programme running from a year on, "since 2007" */
                                 : g_strdup_printf (_("since %d"), first));
  /* Translators: the projects of a programme, e.g. "4 projects" */
  texts->trailing = g_strdup_printf (ngettext ("%s project", "%s projects", projects), count);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update (SecRecordRow *self)
{
  static const char *const badge_styles[] = { "error", "warning", "accent", "success", "dim-label" };
  RowTexts texts = { NULL, NULL, NULL, FALSE, g_ptr_array_new_with_free_func (g_free), NULL };
  g_autofree char *subtitle = NULL;

  if (self->record != NULL)
    {
      GType kind = G_OBJECT_TYPE (self->record);

      if (kind == SEC_TYPE_MEETING)
        describe_meeting (self->record, &texts);
      else if (kind == SEC_TYPE_ORGANISATION)
        describe_organisation (self->record, &texts);
      else if (kind == SEC_TYPE_PERSON)
        describe_person (self->record, &texts);
      else if (kind == SEC_TYPE_BODY)
        describe_body (self->record, &texts);
      else if (kind == SEC_TYPE_CALL)
        describe_call (self->record, &texts);
      else if (kind == SEC_TYPE_STATEMENT)
        describe_statement (self->record, &texts);
      else if (kind == SEC_TYPE_FUNDING_CALL)
        describe_funding_call (self->record, &texts);
      else if (kind == SEC_TYPE_PROJECT)
        describe_project (self->record, &texts);
      else if (kind == SEC_TYPE_PROGRAMME)
        describe_programme (self->record, &texts);
      else
        texts.title = sec_record_dup_title (self->record);
    }

  g_ptr_array_add (texts.details, NULL);
  subtitle = g_strjoinv (" · ", (char **) texts.details->pdata);

  gtk_label_set_label (self->title_label, texts.title ? texts.title : "");
  if (texts.title_dim)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
  set_label (self->badge_label, texts.badge);
  for (guint i = 0; i < G_N_ELEMENTS (badge_styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), badge_styles[i]);
  if (texts.badge_style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), texts.badge_style);
  set_label (self->subtitle_label, subtitle);
  set_label (self->trailing_label, texts.trailing);

  g_free (texts.title);
  g_free (texts.trailing);
  g_ptr_array_unref (texts.details);
}

static void
sec_record_row_dispose (GObject *object)
{
  SecRecordRow *self = SEC_RECORD_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_RECORD_ROW);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (sec_record_row_parent_class)->dispose (object);
}

static void
sec_record_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SecRecordRow *self = SEC_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_record_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SecRecordRow *self = SEC_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      sec_record_row_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_record_row_class_init (SecRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_record_row_dispose;
  object_class->get_property = sec_record_row_get_property;
  object_class->set_property = sec_record_row_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, SEC_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SecRecordRow, box);
  gtk_widget_class_bind_template_child (widget_class, SecRecordRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordRow, trailing_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_record_row_init (SecRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sec_record_row_new (void)
{
  return g_object_new (SEC_TYPE_RECORD_ROW, NULL);
}

/**
 * sec_record_row_get_record:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
SecRecord *
sec_record_row_get_record (SecRecordRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_ROW (self), NULL);

  return self->record;
}

/**
 * sec_record_row_set_record:
 * @record: (nullable): the record to show
 */
void
sec_record_row_set_record (SecRecordRow *self,
                           SecRecord    *record)
{
  g_return_if_fail (SEC_IS_RECORD_ROW (self));
  g_return_if_fail (record == NULL || SEC_IS_RECORD (record));

  if (!g_set_object (&self->record, record))
    return;
  /* A row without a record is a row the list unbound: about to be
   * destroyed (GTK 4.8 destroys every row a new search replaces, some 200)
   * or bound to another record, which sets every label. Emptying its
   * labels first cost 5–10 ms a keystroke. */
  if (record != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

const char *
sec_record_row_get_title (SecRecordRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
sec_record_row_get_subtitle (SecRecordRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

const char *
sec_record_row_get_badge (SecRecordRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_ROW (self), NULL);

  return gtk_label_get_label (self->badge_label);
}
