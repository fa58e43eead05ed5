/* sec-call-tools.c: the top of a call's page
 *
 * What staff look at first on a call: its stage as the dates give it (with
 * the days left while it is open), the deadline in its time zone, who may
 * apply, the counts of its applications, the text in force and the
 * versions the errata made, and the geographical balance of the call's
 * body: members per country, every Member State listed, those without a
 * member standing out (the reason a call targets Denmark, Estonia and
 * Malta). The buttons open the applications window and the export dialog.
 *
 * The tools read the store once, when made: the record page makes them
 * again whenever the call, its errata, applications or memberships change.
 */
#define G_LOG_DOMAIN "sec-call-tools"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/calls/sec-applications-window.h"
#include "ui/calls/sec-call-export-dialog.h"
#include "ui/calls/sec-call-text.h"
#include "ui/calls/sec-call-tools.h"
#include "core/calls/sec-calls.h"
#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/store/sec-query.h"
#include "ui/widgets/sec-wrap-box.h"
#include "ui/widgets/sec-detail-row.h"

struct _SecCallTools
{
  GtkWidget            parent_instance;

  /* template widgets */
  SecDetailRow        *status_row;
  GtkLabel            *days_label;
  SecDetailRow        *deadline_row;
  SecDetailRow        *eligibility_row;
  SecDetailRow        *applications_row;
  SecWrapBox          *buttons_box;
  AdwPreferencesGroup *text_group;
  AdwPreferencesGroup *balance_group;
  GtkWidget           *balance_switch;
  GtkToggleButton     *deadline_button;
  GtkToggleButton     *today_button;
  SecWrapBox          *balance_box;

  /* owned */
  SecStore            *store;
  SecCall             *call;
  char                *deadline_date; /* YYYY-MM-DD, or NULL without a deadline */
  char                *balance_date;
};

G_DEFINE_FINAL_TYPE (SecCallTools, sec_call_tools, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers: text */

/* "Denmark", "Denmark and Estonia", "Denmark, Estonia and Malta" */
static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0 && i == names->len - 1)
        /* Translators: before the last item of a list, "Denmark, Estonia and Malta" */
        g_string_append (text, _(" and "));
      else if (i > 0)
        /* Translators: between the items of a list */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    /* Translators: the separator between the parts of a description */
    g_string_append (text, _(" · "));
  g_string_append (text, part);
}

/* Helpers: the sections */

static void
show_status (SecCallTools *self)
{
  SecRecord *record = SEC_RECORD (self->call);
  SecCallStatus status = sec_call_effective_status (self->call, NULL);
  const char *label = sec_call_text_choice_label (SEC_TYPE_CALL, "status", sec_call_status_to_nick (status));
  g_autofree char *left = sec_call_describe_time_left (self->call, NULL);
  g_autofree char *subtitle = NULL;
  const char *published = sec_record_get_string (record, "published-on");

  if (status == SEC_CALL_DRAFT && published != NULL && *published != '\0')
    {
      g_autofree char *date = sec_format_date (published);
      /* Translators: a call's stage, "Draft, to be published on 3 May 2026" */
      subtitle = g_strdup_printf (_("%s, to be published on %s"), label, date);
    }
  else if (status == SEC_CALL_CLOSED)
    /* Translators: a call's stage */
    subtitle = g_strdup_printf (_("%s: the deadline has passed"), label);
  else
    subtitle = g_strdup (label);
  sec_detail_row_set_subtitle (self->status_row, subtitle);

  /* "12 days left" stands out; the last days more. */
  gtk_widget_set_visible (GTK_WIDGET (self->days_label), left != NULL);
  if (left != NULL)
    {
      int days = sec_call_days_left (self->call, NULL);

      gtk_label_set_text (self->days_label, left);
      gtk_widget_remove_css_class (GTK_WIDGET (self->days_label), "accent");
      gtk_widget_remove_css_class (GTK_WIDGET (self->days_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->days_label), days <= 3 ? "warning" : "accent");
    }
}

static void
show_deadline (SecCallTools *self)
{
  g_autofree char *deadline = sec_call_format_deadline (self->call);

  sec_detail_row_set_subtitle (self->deadline_row, *deadline ? deadline : _("No deadline set"));
}

static void
show_eligibility (SecCallTools *self)
{
  g_auto(GStrv) countries = sec_call_dup_eligible_countries (self->call);
  g_auto(GStrv) kinds = sec_call_dup_eligible_kinds (self->call);
  g_auto(GStrv) topics = sec_call_dup_focus_topics (self->call);
  g_autoptr(GString) text = g_string_new (NULL);

  if (countries[0] != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      g_autofree char *part = NULL;

      for (guint i = 0; countries[i] != NULL; i++)
        {
          const char *name = sec_country_name (countries[i]);
          g_ptr_array_add (names, (gpointer) (name != NULL ? name : countries[i]));
        }
      joined = join_names (names);
      /* Translators: the countries a call is open to, "Denmark, Estonia and Malta only" */
      part = g_strdup_printf (_("%s only"), joined);
      append_part (text, part);
    }
  if (kinds[0] != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; kinds[i] != NULL; i++)
        g_ptr_array_add (names, (gpointer) sec_call_text_choice_label (SEC_TYPE_ORGANISATION, "kind", kinds[i]));
      joined = join_names (names);
      append_part (text, joined);
    }
  if (topics[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (_(", "), topics);
      /* Translators: a call's thematic focus, "Thematic focus: child victims" */
      g_autofree char *part = g_strdup_printf (_("Thematic focus: %s"), joined);
      append_part (text, part);
    }
  if (text->len == 0)
    g_string_append (text, _("Open to organisations of every kind from every country"));

  sec_detail_row_set_subtitle (self->eligibility_row, text->str);
}

/* "9 received · Eligible: 6 · Not eligible: 3 · Late: 1 · Selected: 3":
 * a label and its count, so that no phrase needs a plural. */
static void
show_applications (SecCallTools *self)
{
  gint64 total = sec_call_text_count_applications (self->store, self->call, NULL, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  static const struct {
    const char *field;
    const char *value;
  } counts[] = {
    { "eligibility", "eligible" },
    { "eligibility", "not-eligible" },
    { "eligibility", "unchecked" },
    { "late", "1" },
    { "outcome", "selected" },
    { "outcome", "reserve" },
  };

  if (total == 0)
    {
      sec_detail_row_set_subtitle (self->applications_row, _("None received yet"));
      return;
    }

  {
    g_autofree char *number = sec_format_count (total);
    g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s received", "%s received",
                                                          (gulong) total), number);
    append_part (text, part);
  }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 n = sec_call_text_count_applications (self->store, self->call, counts[i].field, counts[i].value);
      g_autofree char *number = NULL;
      g_autofree char *part = NULL;
      const char *label;

      if (n == 0)
        continue;
      label = g_str_equal (counts[i].field, "late")
              ? _("Late")
              : sec_call_text_choice_label (SEC_TYPE_APPLICATION, counts[i].field, counts[i].value);
      number = sec_format_count (n);
      /* Translators: a label and a count, "Eligible: 6" */
      part = g_strdup_printf (_("%s: %s"), label, number);
      append_part (text, part);
    }
  sec_detail_row_set_subtitle (self->applications_row, text->str);
}

static GtkWidget *
new_text_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* "Version 2 · Erratum of 9 April 2018" */
static char *
dup_version_title (const SecCallVersion *version)
{
  g_autofree char *date = sec_format_date (version->date);

  if (version->erratum_id == 0)
    return *date ? g_strdup_printf (_("Version %u · As published on %s"), version->number, date)
                 : g_strdup_printf (_("Version %u · As published"), version->number);
  return *date ? g_strdup_printf (_("Version %u · Erratum of %s"), version->number, date)
               : g_strdup_printf (_("Version %u · Erratum"), version->number);
}

static GtkWidget *
new_version_row (const SecCallVersion *version,
                 gboolean              current)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = dup_version_title (version);
  const char *text = version->text != NULL && *version->text != '\0' ? version->text : _("No text recorded");

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (version->change != NULL && *version->change != '\0')
    {
      /* The erratum's notice, one line here; whole when expanded. */
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), version->change);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_text_label (version->change));
    }
  if (current)
    {
      GtkWidget *tag = gtk_label_new (_("In force"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_add_css_class (tag, "accent");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_text_label (text));
  return row;
}

static void
show_text (SecCallTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = sec_call_dup_versions (self->store, self->call, &error);
  guint n_errata;

  if (versions == NULL)
    {
      g_warning ("Could not read the versions of the call: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->text_group), FALSE);
      return;
    }

  n_errata = versions->len > 0 ? versions->len - 1 : 0;
  if (n_errata == 0)
    adw_preferences_group_set_description (self->text_group, _("No errata: the call’s text is as published"));
  else
    {
      g_autofree char *number = sec_format_count (n_errata);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s erratum: the last version is in force",
                                                            "%s errata: the last version is in force",
                                                            n_errata), number);
      adw_preferences_group_set_description (self->text_group, text);
    }

  /* The version in force first, then the history, newest first. */
  for (guint i = versions->len; i > 0; i--)
    {
      const SecCallVersion *version = g_ptr_array_index (versions, i - 1);

      adw_preferences_group_add (self->text_group, new_version_row (version, i == versions->len));
    }
}

static GtkWidget *
new_balance_cell (const SecCountryBalance *row)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *name = *row->country ? sec_country_name (row->country) : NULL;
  g_autofree char *count = sec_format_count (row->members);
  g_autofree char *accessible = NULL;
  g_autofree char *members_text = NULL;
  GtkWidget *name_label, *count_label;
  gboolean missing = row->member_state && row->members == 0;

  if (name == NULL)
    name = *row->country ? row->country : _("Country not recorded");

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 3);
  gtk_widget_set_margin_bottom (grid, 3);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  name_label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_widget_set_tooltip_text (name_label, name);
  gtk_grid_attach (GTK_GRID (grid), name_label, 0, 0, 1, 1);

  count_label = gtk_label_new (count);
  gtk_label_set_xalign (GTK_LABEL (count_label), 1);
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_add_css_class (count_label, "heading");
  gtk_grid_attach (GTK_GRID (grid), count_label, 1, 0, 1, 1);

  if (missing)
    {
      /* Colour and words: "no member" is read out as well as seen. */
      gtk_widget_add_css_class (name_label, "error");
      gtk_widget_add_css_class (count_label, "error");
      members_text = g_strdup (_("no member"));
    }
  else
    members_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s member", "%s members", row->members), count);

  if (!row->member_state && *row->country)
    gtk_widget_add_css_class (name_label, "dim-label");

  if (row->applications > 0)
    {
      g_autofree char *applied = sec_format_count (row->applications);
      g_autofree char *selected = sec_format_count (row->selected);
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* Translators: applications to the call from a country, "2 applied, 1 selected" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s applied, %s selected", "%s applied, %s selected",
                                           row->applications), applied, selected);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 2, 1);
      /* Translators: a country's line of the balance, read out: "Denmark: no member; 2 applied, 1 selected" */
      accessible = g_strdup_printf (_("%s: %s; %s"), name, members_text, text);
    }
  else
    /* Translators: a country's line of the balance, read out: "Denmark: no member" */
    accessible = g_strdup_printf (_("%s: %s"), name, members_text);

  gtk_widget_set_tooltip_text (grid, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return grid;
}

static void
show_balance (SecCallTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) balance = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(SecRecord) body = NULL;
  g_autofree char *body_name = NULL;
  g_autofree char *date = sec_format_date (self->balance_date);
  g_autoptr(GString) description = g_string_new (NULL);
  guint members = 0, countries = 0;

  sec_wrap_box_remove_all (self->balance_box);

  balance = sec_call_dup_country_balance (self->store, self->call, self->balance_date,
                                          SEC_BALANCE_PROTOCOL_ORDER, &error);
  if (balance == NULL)
    {
      adw_preferences_group_set_description (self->balance_group, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->balance_box), FALSE);
      return;
    }

  for (guint i = 0; i < balance->len; i++)
    {
      const SecCountryBalance *row = &g_array_index (balance, SecCountryBalance, i);
      GtkWidget *cell = new_balance_cell (row);

      sec_wrap_box_append (self->balance_box, cell);

      members += row->members;
      if (row->members > 0 && *row->country)
        countries++;
      if (row->member_state && row->members == 0)
        {
          const char *name = sec_country_name (row->country);
          g_ptr_array_add (missing, (gpointer) (name != NULL ? name : row->country));
        }
    }

  /* The body's short name: the description is read beside the cells. */
  body = sec_store_get (self->store, SEC_TYPE_BODY, sec_record_get_ref (SEC_RECORD (self->call), "body"), NULL);
  if (body != NULL && sec_record_get_string (body, "acronym") != NULL && *sec_record_get_string (body, "acronym"))
    body_name = g_strdup (sec_record_get_string (body, "acronym"));
  else
    body_name = body != NULL ? sec_record_dup_title (body) : g_strdup (_("the body"));

  {
    g_autofree char *members_text = sec_format_count (members);
    g_autofree char *countries_text = sec_format_count (countries);
    g_autofree char *members_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s member", "%s members", members),
                                                     members_text);
    g_autofree char *countries_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s country", "%s countries",
                                                                    countries), countries_text);

    /* Translators: "Members of EU Civil Society Platform on 25 April 2018: 24 members in 19 countries." */
    g_string_append_printf (description, _("Members of %s on %s: %s in %s."),
                            body_name, date, members_part, countries_part);
  }
  if (missing->len > 0)
    {
      g_autofree char *names = join_names (missing);

      g_string_append_c (description, ' ');
      /* Translators: the Member States of the EU without a member, "No member from Cyprus and Denmark." */
      g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, "No member from %s.",
                                                        "No member from %s.", missing->len), names);
    }
  adw_preferences_group_set_description (self->balance_group, description->str);
}

static void
set_balance_date (SecCallTools *self,
                  const char   *date)
{
  if (g_strcmp0 (self->balance_date, date) == 0)
    return;
  g_free (self->balance_date);
  self->balance_date = g_strdup (date);
  show_balance (self);
}

/* Callbacks */

static void
on_balance_toggled (SecCallTools    *self,
                    GtkToggleButton *button)
{
  g_autofree char *today = NULL;

  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->deadline_button && self->deadline_date != NULL)
    set_balance_date (self, self->deadline_date);
  else
    {
      today = sec_today ();
      set_balance_date (self, today);
    }
}

/* Actions */

static GtkWindow *
get_parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
applications_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SecCallTools *self = SEC_CALL_TOOLS (widget);

  sec_applications_window_open (get_parent_window (widget), self->store, self->call, FALSE);
}

static void
add_application_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SecCallTools *self = SEC_CALL_TOOLS (widget);

  sec_applications_window_open (get_parent_window (widget), self->store, self->call, TRUE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecCallTools *self = SEC_CALL_TOOLS (widget);
  SecCallExportDialog *dialog = sec_call_export_dialog_new (get_parent_window (widget), self->store,
                                                            SEC_RECORD (self->call));

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
sec_call_tools_constructed (GObject *object)
{
  SecCallTools *self = SEC_CALL_TOOLS (object);
  const char *deadline;

  G_OBJECT_CLASS (sec_call_tools_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->call != NULL);

  deadline = sec_record_get_string (SEC_RECORD (self->call), "deadline");
  if (deadline != NULL && strlen (deadline) >= 10)
    self->deadline_date = g_strndup (deadline, 10);

  /* A call not stored yet (the page can show one) has nothing to open. */
  if (sec_record_get_id (SEC_RECORD (self->call)) <= 0)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "call.applications", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "call.add-application", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "call.export", FALSE);
    }

  show_status (self);
  show_deadline (self);
  show_eligibility (self);
  show_applications (self);
  show_text (self);

  /* Before the deadline there has been no selection yet: today says it
   * all. After it, the balance on that day is the one the call answered. */
  if (self->deadline_date != NULL)
    {
      g_autofree char *today = sec_today ();

      if (g_strcmp0 (self->deadline_date, today) >= 0)
        {
          gtk_widget_set_visible (self->balance_switch, FALSE);
          self->balance_date = g_steal_pointer (&today);
        }
      else
        self->balance_date = g_strdup (self->deadline_date);
    }
  else
    {
      gtk_widget_set_visible (self->balance_switch, FALSE);
      self->balance_date = sec_today ();
    }
  show_balance (self);

  g_signal_connect_object (self->deadline_button, "toggled", G_CALLBACK (on_balance_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->today_button, "toggled", G_CALLBACK (on_balance_toggled), self,
                           G_CONNECT_SWAPPED);
}

static void
sec_call_tools_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SecCallTools *self = SEC_CALL_TOOLS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_call_tools_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SecCallTools *self = SEC_CALL_TOOLS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CALL:
      self->call = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_call_tools_dispose (GObject *object)
{
  SecCallTools *self = SEC_CALL_TOOLS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_CALL_TOOLS);
  /* The template's box is not bound: it goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->call);

  G_OBJECT_CLASS (sec_call_tools_parent_class)->dispose (object);
}

static void
sec_call_tools_finalize (GObject *object)
{
  SecCallTools *self = SEC_CALL_TOOLS (object);

  g_free (self->deadline_date);
  g_free (self->balance_date);

  G_OBJECT_CLASS (sec_call_tools_parent_class)->finalize (object);
}

static void
sec_call_tools_class_init (SecCallToolsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_call_tools_constructed;
  object_class->get_property = sec_call_tools_get_property;
  object_class->set_property = sec_call_tools_set_property;
  object_class->dispose = sec_call_tools_dispose;
  object_class->finalize = sec_call_tools_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL, SEC_TYPE_CALL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SEC_TYPE_WRAP_BOX);
  g_type_ensure (SEC_TYPE_DETAIL_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-call-tools.ui");
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, status_row);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, days_label);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, eligibility_row);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, applications_row);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, text_group);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, balance_group);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, balance_switch);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, deadline_button);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, today_button);
  gtk_widget_class_bind_template_child (widget_class, SecCallTools, balance_box);

  gtk_widget_class_install_action (widget_class, "call.applications", NULL, applications_action);
  gtk_widget_class_install_action (widget_class, "call.add-application", NULL, add_application_action);
  gtk_widget_class_install_action (widget_class, "call.export", NULL, export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_call_tools_init (SecCallTools *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sec_call_tools_new:
 * @store: the store @call comes from
 * @call: a stored call (a #SecCall)
 *
 * Returns: (transfer floating): the tools of @call
 */
GtkWidget *
sec_call_tools_new (SecStore  *store,
                    SecRecord *call)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  return g_object_new (SEC_TYPE_CALL_TOOLS, "store", store, "call", call, NULL);
}

/**
 * sec_call_tools_get_call:
 *
 * Returns: (transfer none): the call shown
 */
SecCall *
sec_call_tools_get_call (SecCallTools *self)
{
  g_return_val_if_fail (SEC_IS_CALL_TOOLS (self), NULL);

  return self->call;
}

/**
 * sec_call_tools_get_balance_date:
 *
 * Returns: (transfer none): the day the balance shown is counted on
 */
const char *
sec_call_tools_get_balance_date (SecCallTools *self)
{
  g_return_val_if_fail (SEC_IS_CALL_TOOLS (self), NULL);

  return self->balance_date;
}
