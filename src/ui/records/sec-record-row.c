/* sec-record-row.c: one record as a two-line row of a list
 *
 * The first line names the record and, for kinds with a status, shows it at
 * the end; the second gives the facts staff look for in a list (a meeting's
 * date and bodies, an organisation's country), with a count at the end.
 * Rows are recycled by the list, so everything is set from the record.
 *
 * A search that shares no rows with the one before makes some 200 new
 * rows at once (GTK 4.8), so a row is light: its texts laid out here,
 * without boxes or a template (issue 16), and no more widgets than styles
 * shown. The row draws the title itself, from its own PangoLayout, in its
 * own style (the row carries the title's ".heading", and ".dim-label" for a
 * placeholder); the second line is a SecRowText ("caption", "dim-label"),
 * and the badge and the trailing text are made only for a record that has
 * them (a person has neither, most of the time). A person's row is thus
 * two widgets, not five: each widget, made and destroyed for each of the
 * 200 rows, costs its CSS node, style, accessible object, measure and
 * allocation. The theme still styles every text through a CSS node of its
 * own (GTK 4.8 has no public way to read a font or an opacity from a style
 * without a widget). The layout is the one the row had as boxes of
 * labels: 6 px above and below, 3 px at the sides, 3 px between the lines,
 * 12 px before the badge and the trailing text; the title wraps onto two
 * lines at most; the badge sits at the top.
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

  /* children; the badge and the trailing text made when first shown */
  SecRowText  *badge;
  SecRowText  *subtitle;
  SecRowText  *trailing;

  /* owned */
  SecRecord   *record;
  char        *title;
  PangoLayout *title_layout;

  /* where the title is drawn, set by size_allocate */
  graphene_rect_t title_area;

  /* the style classes added, static */
  const char  *title_style;
  const char  *badge_style;
};

enum {
  TITLE_LINES = 2,
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
update_accessible_label (SecRecordRow *self)
{
  const char *const texts[] = {
    sec_record_row_get_title (self), sec_record_row_get_badge (self),
    sec_record_row_get_subtitle (self), sec_record_row_get_trailing (self),
  };
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (texts[i][0] == '\0')
        continue;
      if (label->len > 0)
        g_string_append (label, ", ");
      g_string_append (label, texts[i]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
}

static SecRowText *
make_text (SecRecordRow *self,
           guint         max_lines,
           const char   *style,
           GtkWidget    *before)
{
  GtkWidget *text = sec_row_text_new (max_lines);

  gtk_widget_add_css_class (text, style);
  gtk_widget_insert_before (text, GTK_WIDGET (self), before);
  return SEC_ROW_TEXT (text);
}

/* Shows @text in *@child, made the first time @text is not empty. */
static void
set_text (SecRecordRow  *self,
          SecRowText   **child,
          const char    *style,
          const char    *style2,
          GtkWidget     *before,
          const char    *text)
{
  if (*child == NULL && (text == NULL || text[0] == '\0'))
    return;
  if (*child == NULL)
    {
      *child = make_text (self, 0, style, before);
      if (style2 != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (*child), style2);
    }
  sec_row_text_set_text (*child, text);
}

static void
set_title (SecRecordRow *self,
           const char   *title,
           gboolean      dim)
{
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      if (self->title_layout != NULL)
        pango_layout_set_text (self->title_layout, title ? title : "", -1);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  /* A placeholder's dim style is the row's, so that the title takes it:
   * the second line, dim already, then drops its own. */
  set_style (GTK_WIDGET (self), &self->title_style, dim ? "dim-label" : NULL);
  if (dim)
    gtk_widget_remove_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
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

  set_title (self, texts.title, texts.title_dim);
  set_text (self, &self->badge, "caption-heading", NULL, GTK_WIDGET (self->subtitle), texts.badge);
  if (self->badge != NULL)
    set_style (GTK_WIDGET (self->badge), &self->badge_style, texts.badge ? texts.badge_style : NULL);
  sec_row_text_set_text (self->subtitle, subtitle);
  set_text (self, &self->trailing, "caption", "dim-label", NULL, texts.trailing);
  update_accessible_label (self);

  g_free (texts.title);
  g_free (texts.trailing);
  g_ptr_array_unref (texts.details);
}

static PangoLayout *
ensure_title_layout (SecRecordRow *self)
{
  if (self->title_layout == NULL)
    self->title_layout = sec_row_text_layout_new (GTK_WIDGET (self), self->title, TITLE_LINES);
  return self->title_layout;
}

static gboolean
is_shown (SecRowText *text)
{
  return text != NULL && gtk_widget_get_visible (GTK_WIDGET (text));
}

/* The width of a line's second text (the badge or the trailing text) in
 * @width: as wide as it asks, as far as the line allows; the first text
 * (the title or the subtitle, both ellipsized, asking for no width) takes
 * the rest. */
static int
get_second_width (SecRowText *second,
                  int         width)
{
  int second_min = 0, second_nat = 0;

  if (!is_shown (second))
    return 0;
  gtk_widget_measure (GTK_WIDGET (second), GTK_ORIENTATION_HORIZONTAL, -1, &second_min, &second_nat, NULL, NULL);
  return CLAMP (width - COLUMN_SPACING, second_min, second_nat);
}

static int
get_first_width (SecRowText *second,
                 int         width,
                 int         second_width)
{
  return MAX (is_shown (second) ? width - second_width - COLUMN_SPACING : width, 0);
}

static int
measure_height (SecRowText *text,
                int         width)
{
  int height = 0;

  if (is_shown (text))
    gtk_widget_measure (GTK_WIDGET (text), GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

static int
measure_title_height (SecRecordRow *self,
                      int           width)
{
  return sec_row_text_layout_measure (ensure_title_layout (self), GTK_WIDGET (self), TITLE_LINES,
                                      GTK_ORIENTATION_VERTICAL, width);
}

/* The heights of the two lines in @width (-1: each text on its whole
 * width, never in a list): the taller of each line's two texts. The
 * title is always there: it keeps the first line's height. */
static void
measure_lines (SecRecordRow *self,
               int           width,
               int          *first,
               int          *second)
{
  int badge_width = -1, trailing_width = -1;

  if (width >= 0)
    {
      badge_width = get_second_width (self->badge, width);
      trailing_width = get_second_width (self->trailing, width);
    }
  *first = MAX (measure_title_height (self, width >= 0 ? get_first_width (self->badge, width, badge_width) : -1),
                measure_height (self->badge, badge_width));
  *second = MAX (measure_height (self->subtitle,
                                 width >= 0 ? get_first_width (self->trailing, width, trailing_width) : -1),
                 measure_height (self->trailing, trailing_width));
}

/* The width a line asks for: its first text (the title or the subtitle,
 * ellipsized) asks for none, the second (the badge or the trailing text)
 * its own, after the spacing if the first is there. */
static void
measure_line_width (gboolean    first_shown,
                    SecRowText *second,
                    int        *minimum,
                    int        *natural)
{
  *minimum = *natural = 0;
  if (!is_shown (second))
    return;
  gtk_widget_measure (GTK_WIDGET (second), GTK_ORIENTATION_HORIZONTAL, -1, minimum, natural, NULL, NULL);
  if (first_shown)
    {
      *minimum += COLUMN_SPACING;
      *natural += COLUMN_SPACING;
    }
}

/* Places @child at @x across a line that runs from the row's start. */
static void
allocate_child (SecRecordRow *self,
                SecRowText   *child,
                int           x,
                int           y,
                int           width,
                int           height)
{
  if (!is_shown (child))
    return;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (GTK_WIDGET (self)) - x - width;
  gtk_widget_size_allocate (GTK_WIDGET (child), &(GtkAllocation) { x, y, width, height }, -1);
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

      /* The title is always there. */
      measure_line_width (TRUE, self->badge, &min1, &nat1);
      measure_line_width (is_shown (self->subtitle), self->trailing, &min2, &nat2);
      *minimum = MAX (min1, min2) + 2 * MARGIN_SIDES;
      *natural = MAX (nat1, nat2) + 2 * MARGIN_SIDES;
    }
  else
    {
      int width = for_size >= 0 ? MAX (for_size - 2 * MARGIN_SIDES, 0) : -1;
      int first, second;

      measure_lines (self, width, &first, &second);
      *minimum = *natural = 2 * MARGIN_TOP_BOTTOM + LINE_SPACING + first + second;
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
  int badge_width = get_second_width (self->badge, line_width);
  int trailing_width = get_second_width (self->trailing, line_width);
  int title_width = get_first_width (self->badge, line_width, badge_width);
  int first, second, x;

  measure_lines (self, line_width, &first, &second);
  /* Any height beyond what was asked goes to the lines, as in a GtkBox
   * whose children do not expand: below them. The badge sits at the top
   * of the first line. */
  x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? width - MARGIN_SIDES - title_width : MARGIN_SIDES;
  self->title_area = GRAPHENE_RECT_INIT (x, MARGIN_TOP_BOTTOM, title_width, first);
  allocate_child (self, self->badge, MARGIN_SIDES + line_width - badge_width, MARGIN_TOP_BOTTOM, badge_width,
                  MIN (measure_height (self->badge, badge_width), first));
  allocate_child (self, self->subtitle, MARGIN_SIDES, MARGIN_TOP_BOTTOM + first + LINE_SPACING,
                  get_first_width (self->trailing, line_width, trailing_width), second);
  allocate_child (self, self->trailing, MARGIN_SIDES + line_width - trailing_width,
                  MARGIN_TOP_BOTTOM + first + LINE_SPACING, trailing_width, second);
}

static void
sec_record_row_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SecRecordRow *self = SEC_RECORD_ROW (widget);

  if (self->title != NULL && self->title[0] != '\0')
    sec_row_text_layout_snapshot (ensure_title_layout (self), widget, TITLE_LINES, snapshot, &self->title_area);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
sec_record_row_dispose (GObject *object)
{
  SecRecordRow *self = SEC_RECORD_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->record);
  g_clear_object (&self->title_layout);
  g_clear_pointer (&self->title, g_free);

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
  widget_class->snapshot = sec_record_row_snapshot;
}

static void
sec_record_row_init (SecRecordRow *self)
{
  /* The title's style; the second line's is its own. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "heading");
  self->subtitle = make_text (self, 1, "caption", NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), FALSE);
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
  /* A row without a record is a row the list unbound: kept as a spare
   * row (sec-list-pane-rows.c) or destroyed, or bound to another record,
   * which sets every label. Emptying its labels first cost 5–10 ms a
   * keystroke. */
  if (record != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

const char *
sec_record_row_get_title (SecRecordRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_ROW (self), NULL);

  return self->title ? self->title : "";
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

  return self->badge ? sec_row_text_get_text (self->badge) : "";
}

const char *
sec_record_row_get_trailing (SecRecordRow *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_ROW (self), NULL);

  return self->trailing ? sec_row_text_get_text (self->trailing) : "";
}
