/* sec-date-row.c: a form row for a date, or a date and a time
 *
 * The row shows the date as the user reads it ("13 June 2018") and takes a
 * typed ISO date ("2018-06-13") or the locale's own form; a calendar
 * popover picks one. With show-time, a small entry beside it takes the time
 * of day. Whatever cannot be read as a date is handed on as typed, so that
 * the record's validation can say what is wrong.
 */
#define G_LOG_DOMAIN "sec-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/widgets/sec-date-row.h"
#include "core/base/sec-format.h"
#include "core/store/sec-record.h"

struct _SecDateRow
{
  AdwEntryRow  parent_instance;

  /* template widgets */
  GtkEntry    *time_entry;
  GtkButton   *clear_button;
  GtkMenuButton *calendar_button;
  GtkPopover  *popover;
  GtkCalendar *calendar;

  /* owned */
  char        *value;       /* as get_value () returns it */
  char        *shown_text;  /* the date text we put in the entry ourselves */

  gboolean     show_time;
  gboolean     updating;    /* we are setting the texts: ignore "changed" */
  gboolean     picked;      /* a day was picked by the current click */
};

G_DEFINE_FINAL_TYPE (SecDateRow, sec_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_SHOW_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* Reads the date part typed by the user: ISO, or the locale's form with day,
 * month and year ("13 June 2018", "13/06/2018"). NULL when it is not one. */
static char *
parse_date (const char *text)
{
  GDate date;
  guint tokens = 0;
  gboolean in_token = FALSE, has_year = FALSE;
  guint digits = 0;

  if (sec_check_date (text))
    return g_strdup (text);

  /* g_date_set_parse () guesses a lot from little ("5" is the 5th of this
   * month): only trust it with three parts, one of them a full year. */
  for (const char *p = text; ; p++)
    {
      gboolean word = *p != '\0' && (g_ascii_isalnum (*p) || (guchar) *p >= 0x80);

      if (word && !in_token)
        tokens++;
      if (g_ascii_isdigit (*p))
        digits++;
      else
        {
          if (digits == 4)
            has_year = TRUE;
          digits = 0;
        }
      in_token = word;
      if (*p == '\0')
        break;
    }
  if (tokens < 3 || !has_year)
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  if (!g_date_valid (&date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* "9:30", "0930", "930" and "9.30" are all half past nine. NULL when not a
 * time of day. */
static char *
parse_time (const char *text)
{
  char digits[5] = { 0 };
  guint n = 0, sep = 0, h, m;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n >= 4)
            return NULL;
          digits[n++] = *p;
        }
      else if ((*p == ':' || *p == '.' || *p == 'h') && sep == 0 && n > 0)
        sep = n;
      else if (!g_ascii_isspace (*p))
        return NULL;
    }

  if (n == 0)
    return NULL;
  if (sep == 0)
    /* Digits alone: one or two are the hour, three or four end with the
     * minutes. */
    sep = n <= 2 ? n : n - 2;
  if (sep > 2 || (n > sep && n - sep != 2))
    return NULL;

  m = n > sep ? (guint) g_ascii_strtoull (digits + sep, NULL, 10) : 0;
  digits[sep] = '\0';
  h = (guint) g_ascii_strtoull (digits, NULL, 10);
  if (h > 23 || m > 59)
    return NULL;
  return g_strdup_printf ("%02u:%02u", h, m);
}

static void
set_value_internal (SecDateRow *self,
                    const char *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->value != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "date-row.clear", self->value != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/* The value from what the two entries hold now. */
static void
update_value (SecDateRow *self)
{
  g_autofree char *date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  g_autofree char *time_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *value = NULL;

  /* Our own formatted text means the date we put there. */
  if (self->shown_text != NULL && g_str_equal (date_text, self->shown_text) &&
      self->value != NULL && strlen (self->value) >= 10)
    date = g_strndup (self->value, 10);

  if (!self->show_time)
    {
      if (*date_text == '\0')
        value = NULL;
      else if (date == NULL && (date = parse_date (date_text)) == NULL)
        value = g_strdup (date_text);
      else
        value = g_strdup (date);
      set_value_internal (self, value);
      return;
    }

  time_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_entry))));

  /* A whole ISO date and time typed in the date entry. */
  if (date == NULL && sec_check_datetime (date_text))
    {
      set_value_internal (self, date_text);
      return;
    }

  if (*date_text == '\0' && *time_text == '\0')
    {
      set_value_internal (self, NULL);
      return;
    }

  if (date == NULL)
    date = parse_date (date_text);
  time = *time_text ? parse_time (time_text) : NULL;

  /* Anything incomplete goes on as typed: validation names the problem. */
  if (date != NULL && time != NULL)
    value = g_strdup_printf ("%sT%s", date, time);
  else if (date != NULL && *time_text == '\0')
    value = g_strdup (date);
  else
    value = g_strdup_printf ("%sT%s", date ? date : date_text, time ? time : time_text);
  set_value_internal (self, value);
}

/* Shows the value in the user's form. */
static void
show_value (SecDateRow *self)
{
  g_autofree char *date_text = NULL;
  g_autofree char *time_text = NULL;
  const char *value = self->value;

  self->updating = TRUE;

  if (value == NULL)
    {
      date_text = g_strdup ("");
      time_text = g_strdup ("");
    }
  else if (self->show_time && sec_check_datetime (value))
    {
      g_autofree char *date = g_strndup (value, 10);
      date_text = sec_format_date (date);
      time_text = g_strndup (value + 11, 5);
    }
  else if (sec_check_date (value))
    {
      date_text = sec_format_date (value);
      time_text = g_strdup (self->show_time ? gtk_editable_get_text (GTK_EDITABLE (self->time_entry)) : "");
    }
  else
    {
      /* Not a date: leave what the user typed alone. */
      self->updating = FALSE;
      return;
    }

  g_free (self->shown_text);
  self->shown_text = g_strdup (date_text);
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self)), date_text))
    gtk_editable_set_text (GTK_EDITABLE (self), date_text);
  if (self->show_time && !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)), time_text))
    gtk_editable_set_text (GTK_EDITABLE (self->time_entry), time_text);

  self->updating = FALSE;
}

/* Callbacks */

static void
on_text_changed (SecDateRow *self)
{
  if (self->updating)
    return;
  update_value (self);
}

static void
on_time_entry_changed (SecDateRow *self)
{
  if (self->updating)
    return;
  update_value (self);
}

static void
on_focus_leave (SecDateRow *self)
{
  /* Typing is over: show the date the way the user reads it. */
  show_value (self);
}

static void
on_popover_show (SecDateRow *self)
{
  g_autoptr(GDateTime) shown = NULL;

  if (self->value != NULL && strlen (self->value) >= 10)
    {
      g_autofree char *date = g_strndup (self->value, 10);
      shown = sec_parse_datetime (date, NULL);
    }
  if (shown == NULL)
    shown = g_date_time_new_now_local ();

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->updating = FALSE;
  self->picked = FALSE;
}

static void
on_calendar_day_selected (SecDateRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *value = NULL;

  if (self->updating)
    return;

  day = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  if (self->show_time)
    {
      g_autofree char *time = parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)));
      value = time ? g_strdup_printf ("%sT%s", date, time) : g_strdup (date);
    }
  else
    value = g_strdup (date);

  set_value_internal (self, value);
  show_value (self);
  self->picked = TRUE;
}

static void
on_calendar_released (SecDateRow *self)
{
  /* A click on a day picks it; the arrows that change the month do not. */
  if (self->picked)
    gtk_popover_popdown (self->popover);
  self->picked = FALSE;
}

static gboolean
on_calendar_key_pressed (SecDateRow      *self,
                         guint            keyval,
                         guint            keycode,
                         GdkModifierType  state)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter ||
      keyval == GDK_KEY_space)
    {
      /* The keyboard moves through the days; Enter takes the one shown. */
      on_calendar_day_selected (self);
      gtk_popover_popdown (self->popover);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SecDateRow *self = SEC_DATE_ROW (widget);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), "");
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), "");
  self->updating = FALSE;
  g_clear_pointer (&self->shown_text, g_free);
  set_value_internal (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Overrides */

static void
sec_date_row_finalize (GObject *object)
{
  SecDateRow *self = (SecDateRow *) object;

  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->shown_text, g_free);

  G_OBJECT_CLASS (sec_date_row_parent_class)->finalize (object);
}

static void
sec_date_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SecDateRow *self = SEC_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_SHOW_TIME:
      g_value_set_boolean (value, self->show_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_date_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SecDateRow *self = SEC_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      sec_date_row_set_value (self, g_value_get_string (value));
      break;
    case PROP_SHOW_TIME:
      sec_date_row_set_show_time (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_date_row_class_init (SecDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sec_date_row_finalize;
  object_class->get_property = sec_date_row_get_property;
  object_class->set_property = sec_date_row_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_TIME] =
    g_param_spec_boolean ("show-time", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SecDateRow, time_entry);
  gtk_widget_class_bind_template_child (widget_class, SecDateRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, SecDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, SecDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, SecDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_time_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_released);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_key_pressed);

  gtk_widget_class_install_action (widget_class, "date-row.clear", NULL, clear_action);
}

static void
sec_date_row_init (SecDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The row is the editable: its own "changed" is the date text's. */
  g_signal_connect (self, "changed", G_CALLBACK (on_text_changed), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "date-row.clear", FALSE);
}

/* Public API */

/**
 * sec_date_row_new:
 *
 * Returns: (transfer floating): a new date row
 */
GtkWidget *
sec_date_row_new (void)
{
  return g_object_new (SEC_TYPE_DATE_ROW, NULL);
}

/**
 * sec_date_row_get_value:
 *
 * Returns: (nullable) (transfer none): the ISO date (and time), what was
 *   typed when it is not one, or NULL when empty
 */
const char *
sec_date_row_get_value (SecDateRow *self)
{
  g_return_val_if_fail (SEC_IS_DATE_ROW (self), NULL);

  return self->value;
}

void
sec_date_row_set_value (SecDateRow *self,
                        const char *value)
{
  g_return_if_fail (SEC_IS_DATE_ROW (self));

  if (value != NULL && *value == '\0')
    value = NULL;

  if (value == NULL)
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self), "");
      gtk_editable_set_text (GTK_EDITABLE (self->time_entry), "");
      self->updating = FALSE;
      g_clear_pointer (&self->shown_text, g_free);
      set_value_internal (self, NULL);
      return;
    }

  set_value_internal (self, value);
  if (sec_check_date (value) || sec_check_datetime (value))
    show_value (self);
  else
    {
      /* Not a date (an old value, say): show it as it is. */
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self), value);
      self->updating = FALSE;
    }
}

gboolean
sec_date_row_get_show_time (SecDateRow *self)
{
  g_return_val_if_fail (SEC_IS_DATE_ROW (self), FALSE);

  return self->show_time;
}

void
sec_date_row_set_show_time (SecDateRow *self,
                            gboolean    show_time)
{
  g_return_if_fail (SEC_IS_DATE_ROW (self));

  show_time = !!show_time;
  if (self->show_time == show_time)
    return;

  self->show_time = show_time;
  gtk_widget_set_visible (GTK_WIDGET (self->time_entry), show_time);
  show_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TIME]);
}
