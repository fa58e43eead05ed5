/* sec-date-row.c: a form row for a date, or a date and a time
 *
 * The row shows the date as the user reads it ("13 June 2018") and takes it
 * typed in any form sec_parse_user_date () reads (ISO, the locale's short
 * and long forms); a calendar popover picks one. With show-time, a small
 * entry beside it takes the time of day, which can also follow the date in
 * the date's own entry ("14 Oct 2027 9:30"). "understood" says what was read
 * ("Thursday 14 October 2027"), for the form to show while the user types.
 * Whatever cannot be read is handed on as typed, and dup_problem () says
 * what is wrong with it in the user's words.
 */
#define G_LOG_DOMAIN "sec-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/widgets/sec-date-row.h"
#include "core/base/sec-date-parse.h"
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
  char        *understood;  /* the value in words, when it is a date */

  gboolean     show_time;
  gboolean     updating;    /* we are setting the texts: ignore "changed" */
  gboolean     picked;      /* a day was picked by the current click */
};

G_DEFINE_FINAL_TYPE (SecDateRow, sec_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_SHOW_TIME,
  PROP_UNDERSTOOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

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
  g_free (self->understood);
  self->understood = value != NULL && (sec_check_date (value) || sec_check_datetime (value))
                     ? sec_format_date_long (value) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->value != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "date-row.clear", self->value != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDERSTOOD]);
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
      else if (date == NULL && (date = sec_parse_user_date (date_text, FALSE)) == NULL)
        value = g_strdup (date_text);
      else
        value = g_strdup (date);
      set_value_internal (self, value);
      return;
    }

  time_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_entry))));

  if (*date_text == '\0' && *time_text == '\0')
    {
      set_value_internal (self, NULL);
      return;
    }

  if (date == NULL)
    date = sec_parse_user_date (date_text, TRUE);

  /* A date and a time typed together in the date's entry ("14 Oct 2027
   * 9:30", "2027-10-14T09:30"): that time wins. */
  if (date != NULL && strlen (date) > 10)
    {
      set_value_internal (self, date);
      return;
    }

  time = *time_text ? sec_parse_user_time (time_text) : NULL;

  /* Anything incomplete goes on as typed: get_problem () names what is
   * missing or wrong. */
  if (date != NULL && time != NULL)
    value = g_strdup_printf ("%sT%s", date, time);
  else if (date != NULL && *time_text == '\0')
    value = g_strdup (date);
  else if (*time_text == '\0')
    value = g_strdup (date_text);
  else
    value = g_strdup_printf ("%s %s", date ? date : date_text, time_text);
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
      g_autofree char *time = sec_parse_user_time (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)));
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
  g_clear_pointer (&self->understood, g_free);

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
    case PROP_UNDERSTOOD:
      g_value_set_string (value, self->understood);
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
  properties[PROP_UNDERSTOOD] =
    g_param_spec_string ("understood", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
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

/**
 * sec_date_row_get_understood:
 *
 * Returns: (nullable) (transfer none): the value in words ("Thursday 14
 *   October 2027, 09:30"), or NULL when empty or not a date
 */
const char *
sec_date_row_get_understood (SecDateRow *self)
{
  g_return_val_if_fail (SEC_IS_DATE_ROW (self), NULL);

  return self->understood;
}

/**
 * sec_date_row_dup_problem:
 *
 * Returns: (nullable) (transfer full): what is wrong with what was typed, in
 *   the user's words with examples in the forms the row reads; NULL when
 *   the row is empty or holds a whole date (and time, with show-time)
 */
char *
sec_date_row_dup_problem (SecDateRow *self)
{
  g_autofree char *date_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (SEC_IS_DATE_ROW (self), NULL);

  if (self->value == NULL || (self->show_time ? sec_check_datetime (self->value) : sec_check_date (self->value)))
    return NULL;

  date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  if (self->shown_text != NULL && g_str_equal (date_text, self->shown_text))
    date = g_strndup (self->value, 10);
  else
    date = sec_parse_user_date (date_text, self->show_time);

  if (date == NULL)
    {
      /* Examples in the forms that are read: the locale's short one, its
       * long one, ISO. */
      g_autoptr(GDateTime) example = g_date_time_new_local (2027, 10, 14, 0, 0, 0);
      g_autofree char *short_form = g_date_time_format (example, "%x");
      g_autofree char *long_form = sec_format_date ("2027-10-14");

      if (*date_text == '\0')
        return g_strdup (_("Type the date too"));
      /* Translators: a typed text that is not a date, then three ways to type one: "14/10/2027", "14 October 2027", "2027-10-14" */
      return g_strdup_printf (_("“%s” is not a date: type it as %s, %s or %s"), date_text, short_form, long_form,
                              "2027-10-14");
    }

  time_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_entry))));
  if (*time_text == '\0')
    return g_strdup (_("Type the time of day too, as 9:30 or 14:00"));
  /* Translators: a typed text that is not a time of day */
  return g_strdup_printf (_("“%s” is not a time of day: type it as 9:30 or 14:00"), time_text);
}
