/* sec-record-row.c: one record as a two-line row of a list
 *
 * The first line names the record and, for kinds with a status, shows it at
 * the end; the second gives the facts staff look for in a list (a meeting's
 * date and bodies, an organisation's country), with a count at the end.
 * Rows are recycled by the list, so everything is set from the record.
 *
 * A search that shares no rows with the one before makes some 200 new
 * rows at once (GTK 4.8), so a row is light: four SecRowTexts laid out
 * here, without boxes or a template (issue 16). The layout is the one the
 * row had as boxes of labels: 6 px above and below, 3 px at the sides, 3 px
 * between the lines, 12 px before the badge and the trailing text; the
 * title wraps onto two lines at most; the badge sits at the top.
 */
#define G_LOG_DOMAIN "sec-record-row"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/funding/sec-funding.h"
#include "ui/meetings/sec-participant-counts.h"
#include "ui/records/sec-record-row.h"
#include "ui/widgets/sec-row-text.h"
#include "core/store/sec-records.h"

struct _SecRecordRow
{
  GtkWidget  parent_instance;

  /* children */
  SecRowText *title;
  SecRowText *badge;
  SecRowText *subtitle;
  SecRowText *trailing;

  /* owned */
  SecRecord  *record;

  /* the style classes added, static */
  const char *title_style;
  const char *badge_style;
};

enum {
  MARGIN_TOP_BOTTOM = 6,
  MARGIN_SIDES = 3,
  LINE_SPACING = 3,
  COLUMN_SPACING = 12,
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
set_style (GtkWidget   *widget,
           const char **current,
           const char  *style)
{
  if (g_strcmp0 (*current, style) == 0)
    return;
  if (*current != NULL)
    gtk_widget_remove_css_class (widget, *current);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
  *current = style;
}

/* What a screen reader says of the row: its texts in the order shown. */
static void
update_accessible_label (SecRowText *const *texts,
                         guint               n_texts,
                         SecRecordRow       *self)
{
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; i < n_texts; i++)
    {
      const char *text = sec_row_text_get_text (texts[i]);

      if (text[0] == '\0')
        continue;
      if (label->len > 0)
        g_string_append (label, ", ");
      g_string_append (label, text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
}

static void
update (SecRecordRow *self)
{
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

  sec_row_text_set_text (self->title, texts.title);
  /* The title is always there: it keeps the first line's height. */
  gtk_widget_set_visible (GTK_WIDGET (self->title), TRUE);
  set_style (GTK_WIDGET (self->title), &self->title_style, texts.title_dim ? "dim-label" : NULL);
  sec_row_text_set_text (self->badge, texts.badge);
  set_style (GTK_WIDGET (self->badge), &self->badge_style, texts.badge ? texts.badge_style : NULL);
  sec_row_text_set_text (self->subtitle, subtitle);
  sec_row_text_set_text (self->trailing, texts.trailing);
  {
    SecRowText *const shown[] = { self->title, self->badge, self->subtitle, self->trailing };

    update_accessible_label (shown, G_N_ELEMENTS (shown), self);
  }

  g_free (texts.title);
  g_free (texts.trailing);
  g_ptr_array_unref (texts.details);
}

/* The widths of a line's two texts in @width: the second (badge or
 * trailing text) as wide as it asks, the first the rest. */
static void
split_line (GtkWidget *first,
            GtkWidget *second,
            int        width,
            int       *first_width,
            int       *second_width)
{
  int first_min = 0, second_min = 0, second_nat = 0;

  *second_width = 0;
  if (gtk_widget_get_visible (second))
    {
      gtk_widget_measure (first, GTK_ORIENTATION_HORIZONTAL, -1, &first_min, NULL, NULL, NULL);
      gtk_widget_measure (second, GTK_ORIENTATION_HORIZONTAL, -1, &second_min, &second_nat, NULL, NULL);
      *second_width = CLAMP (width - COLUMN_SPACING - first_min, second_min, second_nat);
      width -= *second_width + COLUMN_SPACING;
    }
  *first_width = MAX (width, 0);
}

static int
measure_height (GtkWidget *widget,
                int        width)
{
  int height = 0;

  if (gtk_widget_get_visible (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

/* The height of a line: the taller of its two texts. */
static int
measure_line (GtkWidget *first,
              GtkWidget *second,
              int        width)
{
  int first_width = -1, second_width = -1;

  /* Without a width (never in a list), each text on its whole width. */
  if (width >= 0)
    split_line (first, second, width, &first_width, &second_width);
  return MAX (measure_height (first, first_width), measure_height (second, second_width));
}

static void
measure_line_width (GtkWidget *first,
                    GtkWidget *second,
                    int       *minimum,
                    int       *natural)
{
  int min = 0, nat = 0;
  gboolean any = FALSE;

  *minimum = *natural = 0;
  for (GtkWidget *w = first; w != NULL; w = w == first ? second : NULL)
    if (gtk_widget_get_visible (w))
      {
        gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
        if (any)
          {
            *minimum += COLUMN_SPACING;
            *natural += COLUMN_SPACING;
          }
        *minimum += min;
        *natural += nat;
        any = TRUE;
      }
}

/* Places @child at @x across a line that runs from the row's start. */
static void
allocate_child (SecRecordRow *self,
                GtkWidget    *child,
                int           x,
                int           y,
                int           width,
                int           height)
{
  if (!gtk_widget_get_visible (child))
    return;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (GTK_WIDGET (self)) - x - width;
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
allocate_line (SecRecordRow *self,
               GtkWidget    *first,
               GtkWidget    *second,
               gboolean      second_at_top,
               int           y,
               int           width,
               int           height)
{
  int first_width, second_width;

  split_line (first, second, width, &first_width, &second_width);
  allocate_child (self, first, MARGIN_SIDES, y, first_width, height);
  allocate_child (self, second, MARGIN_SIDES + width - second_width, y, second_width,
                  second_at_top ? MIN (measure_height (second, second_width), height) : height);
}

static GtkSizeRequestMode
sec_record_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sec_record_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SecRecordRow *self = SEC_RECORD_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min1, nat1, min2, nat2;

      measure_line_width (GTK_WIDGET (self->title), GTK_WIDGET (self->badge), &min1, &nat1);
      measure_line_width (GTK_WIDGET (self->subtitle), GTK_WIDGET (self->trailing), &min2, &nat2);
      *minimum = MAX (min1, min2) + 2 * MARGIN_SIDES;
      *natural = MAX (nat1, nat2) + 2 * MARGIN_SIDES;
    }
  else
    {
      int width = for_size >= 0 ? MAX (for_size - 2 * MARGIN_SIDES, 0) : -1;

      *minimum = *natural = 2 * MARGIN_TOP_BOTTOM + LINE_SPACING
                            + measure_line (GTK_WIDGET (self->title), GTK_WIDGET (self->badge), width)
                            + measure_line (GTK_WIDGET (self->subtitle), GTK_WIDGET (self->trailing), width);
    }
}

static void
sec_record_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SecRecordRow *self = SEC_RECORD_ROW (widget);
  int line_width = MAX (width - 2 * MARGIN_SIDES, 0);
  int first = measure_line (GTK_WIDGET (self->title), GTK_WIDGET (self->badge), line_width);
  int second = measure_line (GTK_WIDGET (self->subtitle), GTK_WIDGET (self->trailing), line_width);
  /* Any height beyond what was asked goes to the lines, as in a GtkBox
   * whose children do not expand: below them. */
  allocate_line (self, GTK_WIDGET (self->title), GTK_WIDGET (self->badge), TRUE,
                 MARGIN_TOP_BOTTOM, line_width, first);
  allocate_line (self, GTK_WIDGET (self->subtitle), GTK_WIDGET (self->trailing), FALSE,
                 MARGIN_TOP_BOTTOM + first + LINE_SPACING, line_width, second);
}

static void
sec_record_row_dispose (GObject *object)
{
  SecRecordRow *self = SEC_RECORD_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
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

  widget_class->get_request_mode = sec_record_row_get_request_mode;
  widget_class->measure = sec_record_row_measure;
  widget_class->size_allocate = sec_record_row_size_allocate;
}

static SecRowText *
add_text (SecRecordRow *self,
          guint         max_lines,
          const char   *style,
          const char   *style2)
{
  GtkWidget *text = sec_row_text_new (max_lines);

  gtk_widget_add_css_class (text, style);
  if (style2 != NULL)
    gtk_widget_add_css_class (text, style2);
  gtk_widget_set_parent (text, GTK_WIDGET (self));
  return SEC_ROW_TEXT (text);
}

static void
sec_record_row_init (SecRecordRow *self)
{
  /* In the order a screen reader reads them and Tab would go. */
  self->title = add_text (self, 2, "heading", NULL);
  self->badge = add_text (self, 0, "caption-heading", NULL);
  self->subtitle = add_text (self, 1, "caption", "dim-label");
  self->trailing = add_text (self, 0, "caption", "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->trailing), FALSE);
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

  return sec_row_text_get_text (self->title);
}

const char *
sec_record_row_get_subtitle (SecRecordRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_ROW (self), NULL);

  return sec_row_text_get_text (self->subtitle);
}

const char *
sec_record_row_get_badge (SecRecordRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_ROW (self), NULL);

  return sec_row_text_get_text (self->badge);
}

const char *
sec_record_row_get_trailing (SecRecordRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_ROW (self), NULL);

  return sec_row_text_get_text (self->trailing);
}
