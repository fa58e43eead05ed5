/* sec-meeting-tools.c: a meeting page's tools and warnings
 *
 * The record page is made anew on every change of the store, so what is
 * interactive (the agenda, the invitations, the participants, the check-in,
 * the documents) opens in windows of its own, found again rather than
 * opened twice. This widget is only their buttons and what the secretariat
 * should look at, worked out by the core when the page is built.
 */
#define G_LOG_DOMAIN "sec-meeting-tools"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/meetings/sec-agenda-window.h"
#include "core/meetings/sec-agenda.h"
#include "ui/meetings/sec-checkin-window.h"
#include "core/base/sec-countries.h"
#include "ui/meetings/sec-export-dialog.h"
#include "core/base/sec-format.h"
#include "core/meetings/sec-invitations.h"
#include "ui/meetings/sec-email-dialog.h"
#include "ui/meetings/sec-invite-dialog.h"
#include "core/meetings/sec-action-points.h"
#include "ui/meetings/sec-minutes-window.h"
#include "ui/meetings/sec-substitute-rows.h"
#include "core/meetings/sec-delegates.h"
#include "ui/meetings/sec-meeting-tools.h"
#include "ui/meetings/sec-participants-window.h"
#include "core/store/sec-records.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-tool-window.h"
#include "ui/widgets/sec-wrap-box.h"
#include "ui/widgets/sec-detail-row.h"

/* Rows of a warning's list before "and N more". */
#define MAX_LISTED 50

struct _SecMeetingTools
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkWidget            *box;
  SecWrapBox           *buttons;
  AdwPreferencesGroup  *warnings_group;

  /* owned */
  SecStore             *store;
  SecRecord            *meeting;
  char                 *co_chair_proposal;
};

G_DEFINE_FINAL_TYPE (SecMeetingTools, sec_meeting_tools, GTK_TYPE_WIDGET)

/* Helpers */

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  /* Names come from users: a SecDetailRow never takes markup. */
  return sec_detail_row_new (title, subtitle);
}

static GtkWidget *
new_button (const char *label,
            const char *action_name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static GtkWidget *
new_warning_icon (const char *icon_name)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (icon, g_str_equal (icon_name, "dialog-warning-symbolic") ? "warning" : "accent");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_str_equal (icon_name, "dialog-warning-symbolic") ? _("Warning") : _("Proposal"),
                                  -1);
  return icon;
}

static void
add_more_row (AdwExpanderRow *expander,
              guint           n_more)
{
  g_autofree char *count = sec_format_count (n_more);
  /* Translators: the last row of a long list; %s is a number */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %s more", "and %s more", n_more), count);
  GtkWidget *row = new_row (text, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  adw_expander_row_add_row (expander, row);
}

static gboolean
add_co_chair_warning (SecMeetingTools *self)
{
  g_autofree char *country = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  const char *current = sec_record_get_string (self->meeting, "co-chair");
  GtkWidget *row;

  self->co_chair_proposal = sec_meeting_propose_co_chair (self->store, self->meeting, &country);
  if (self->co_chair_proposal == NULL)
    return FALSE;

  date = sec_format_date (sec_record_get_string (self->meeting, "starts-at"));
  if (current != NULL && *current != '\0')
    /* Translators: under a proposed co-chair: the Presidency on the meeting's date, and the co-chair entered */
    subtitle = g_strdup_printf (_("Proposed co-chair: the Presidency of the Council on %s. The co-chair entered is “%s”."),
                                date, current);
  else
    /* Translators: under a proposed co-chair: the Presidency on the meeting's date */
    subtitle = g_strdup_printf (_("Proposed co-chair: the Presidency of the Council on %s. No co-chair is entered."),
                                date);

  row = new_row (self->co_chair_proposal, subtitle);
  gtk_widget_set_name (row, "co-chair-proposal");
  sec_detail_row_add_prefix (SEC_DETAIL_ROW (row), new_warning_icon ("dialog-information-symbolic"));
  {
    GtkWidget *button = new_button (_("_Use as Co-chair"), "tools.use-co-chair");

    gtk_widget_add_css_class (button, "suggested-action");
    sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), button);
  }
  adw_preferences_group_add (self->warnings_group, row);
  return TRUE;
}

static gboolean
add_members_warning (SecMeetingTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  GtkWidget *expander;

  members = sec_invitations_list_members (self->store, sec_record_get_id (self->meeting), &error);
  if (members == NULL)
    {
      g_warning ("Could not list the members of the meeting's bodies: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < members->len; i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (members, i);
      if (!m->represented)
        g_ptr_array_add (open, m);
    }
  if (open->len == 0)
    return FALSE;

  count = sec_format_count (open->len);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s member organisation with nobody invited",
                                        "%s member organisations with nobody invited", open->len),
                           count);
  expander = adw_expander_row_new ();
  gtk_widget_set_name (expander, "uninvited-members");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("Active members of the meeting’s bodies on its first day"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), new_warning_icon ("dialog-warning-symbolic"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), new_button (_("I_nvite…"), "tools.invite"));

  for (guint i = 0; i < MIN (open->len, MAX_LISTED); i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (open, i);
      const char *country = m->country ? sec_country_name (m->country) : NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (country != NULL && m->bodies != NULL)
        /* Translators: an organisation's country and the bodies it is a member of, "Belgium · NREM Network" */
        subtitle = g_strdup_printf (_("%s · %s"), country, m->bodies);
      else
        subtitle = g_strdup (country ? country : m->bodies);
      row = new_row (m->name, subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", "organisation", m->organisation_id);
      sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), sec_decorative_icon_new ("go-next-symbolic"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  if (open->len > MAX_LISTED)
    add_more_row (ADW_EXPANDER_ROW (expander), open->len - MAX_LISTED);

  adw_preferences_group_add (self->warnings_group, expander);
  return TRUE;
}

static gboolean
add_needs_warning (SecMeetingTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  GtkWidget *expander;

  needs = sec_meeting_list_needs (self->store, sec_record_get_id (self->meeting), &error);
  if (needs == NULL)
    {
      g_warning ("Could not list the participants' needs: %s", error->message);
      return FALSE;
    }
  if (needs->len == 0)
    return FALSE;

  count = sec_format_count (needs->len);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s participant with needs",
                                        "%s participants with needs", needs->len),
                           count);
  expander = adw_expander_row_new ();
  gtk_widget_set_name (expander, "needs");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("Accessibility, dietary or other needs recorded"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), new_warning_icon ("dialog-warning-symbolic"));

  for (guint i = 0; i < MIN (needs->len, MAX_LISTED); i++)
    {
      SecParticipantNeeds *n = g_ptr_array_index (needs, i);
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *row;

      if (n->accessibility != NULL)
        /* Translators: a person's accessibility needs, "Accessibility: step-free access" */
        g_string_append_printf (text, _("Accessibility: %s"), n->accessibility);
      if (n->dietary != NULL)
        {
          if (text->len > 0)
            g_string_append (text, "\n");
          /* Translators: a person's dietary needs, "Dietary: vegetarian" */
          g_string_append_printf (text, _("Dietary: %s"), n->dietary);
        }
      if (n->needs != NULL)
        {
          if (text->len > 0)
            g_string_append (text, "\n");
          /* Translators: what a participant needs at this meeting */
          g_string_append_printf (text, _("At this meeting: %s"), n->needs);
        }
      row = new_row (n->name, text->str);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", "participant", n->participant_id);
      sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), sec_decorative_icon_new ("go-next-symbolic"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  if (needs->len > MAX_LISTED)
    add_more_row (ADW_EXPANDER_ROW (expander), needs->len - MAX_LISTED);

  adw_preferences_group_add (self->warnings_group, expander);
  return TRUE;
}

static gboolean
add_agenda_warning (SecMeetingTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SecAgendaTiming) timing = NULL;
  g_autofree char *over = NULL;
  g_autofree char *title = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  items = sec_agenda_list_items (self->store, sec_record_get_id (self->meeting), &error);
  if (items == NULL)
    {
      g_warning ("Could not read the agenda: %s", error->message);
      return FALSE;
    }
  timing = sec_agenda_timing_compute (self->meeting, items);
  if (timing == NULL || !timing->overrun)
    return FALSE;

  over = sec_agenda_format_duration (timing->overrun_minutes);
  /* Translators: %s is a duration, "20 min" */
  title = g_strdup_printf (_("The agenda runs %s past the end of the meeting"), over);
  planned = g_date_time_format (timing->planned_end, "%H:%M");
  ends = g_date_time_format (timing->meeting_ends, "%H:%M");
  /* Translators: when the agenda ends and when the meeting does, "Planned end 16:50; the meeting ends at 16:30" */
  subtitle = g_strdup_printf (_("Planned end %s; the meeting ends at %s"), planned, ends);

  row = new_row (title, subtitle);
  gtk_widget_set_name (row, "agenda-overrun");
  sec_detail_row_add_prefix (SEC_DETAIL_ROW (row), new_warning_icon ("dialog-warning-symbolic"));
  sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), new_button (_("_Agenda…"), "tools.agenda"));
  adw_preferences_group_add (self->warnings_group, row);
  return TRUE;
}

/* The open action points of earlier meetings of the same bodies, with a
 * button that puts them on the agenda (unless they are on it already). */
static gboolean
add_carried_warning (SecMeetingTools *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) carried = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  gboolean on_agenda = FALSE;
  GtkWidget *expander;

  carried = sec_action_points_list_carried (self->store, sec_record_get_id (self->meeting), &error);
  if (carried == NULL || (items = sec_agenda_list_items (self->store, sec_record_get_id (self->meeting), &error)) == NULL)
    {
      g_warning ("Could not list the action points carried: %s", error->message);
      return FALSE;
    }
  if (carried->len == 0)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    on_agenda |= g_strcmp0 (sec_record_get_string (g_ptr_array_index (items, i), "title"),
                            sec_action_points_follow_up_title ()) == 0;

  count = sec_format_count (carried->len);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s open action point of earlier meetings",
                                        "%s open action points of earlier meetings", carried->len),
                           count);
  expander = adw_expander_row_new ();
  gtk_widget_set_name (expander, "carried-action-points");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 on_agenda ? _("The agenda has an item to follow them up")
                                           : _("Decided at earlier meetings of the same bodies"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), new_warning_icon ("dialog-information-symbolic"));
  if (!on_agenda)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                 new_button (_("Add to _Agenda"), "tools.add-follow-up"));

  for (guint i = 0; i < MIN (carried->len, MAX_LISTED); i++)
    {
      SecRecord *point = g_ptr_array_index (carried, i);
      g_autofree char *owner = sec_action_point_dup_owner (point);
      g_autofree char *subtitle = NULL;
      const char *due_on = sec_record_get_string (point, "due-on");
      const char *meeting = sec_record_get_derived (point, "meeting-title");
      GtkWidget *row;

      if (due_on != NULL && *due_on)
        {
          g_autofree char *due = sec_format_date (due_on);

          /* Translators: who is to carry out an action point, by when, and the meeting that decided it */
          subtitle = g_strdup_printf (_("%s, by %s · %s"), owner, due, meeting ? meeting : "");
        }
      else
        /* Translators: who is to carry out an action point, and the meeting that decided it */
        subtitle = g_strdup_printf (_("%s · %s"), owner, meeting ? meeting : "");
      row = new_row (sec_record_get_string (point, "what"), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", "meeting",
                                        sec_record_get_ref (point, "meeting"));
      sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), sec_decorative_icon_new ("go-next-symbolic"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  if (carried->len > MAX_LISTED)
    add_more_row (ADW_EXPANDER_ROW (expander), carried->len - MAX_LISTED);

  adw_preferences_group_add (self->warnings_group, expander);
  return TRUE;
}

/* Brings up the window of @type for this meeting: the one already open,
 * or a new one. */
static void
present_window (SecMeetingTools *self,
                GType            type)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 meeting_id = sec_record_get_id (self->meeting);
  GtkWindow *window;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      g_autoptr(SecStore) store = NULL;
      gint64 id = 0;

      if (G_OBJECT_TYPE (w) != type)
        continue;
      g_object_get (w, "store", &store, "meeting-id", &id, NULL);
      if (store == self->store && id == meeting_id)
        {
          gtk_window_present (w);
          return;
        }
    }

  window = g_object_new (type,
                         "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         "store", self->store,
                         "meeting-id", meeting_id,
                         NULL);
  gtk_window_present (window);
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecMeetingTools *self = SEC_MEETING_TOOLS (widget);

  if (g_str_equal (action_name, "tools.agenda"))
    present_window (self, SEC_TYPE_AGENDA_WINDOW);
  else if (g_str_equal (action_name, "tools.invite"))
    present_window (self, SEC_TYPE_INVITE_DIALOG);
  else if (g_str_equal (action_name, "tools.participants"))
    present_window (self, SEC_TYPE_PARTICIPANTS_WINDOW);
  else if (g_str_equal (action_name, "tools.check-in"))
    present_window (self, SEC_TYPE_CHECKIN_WINDOW);
  else if (g_str_equal (action_name, "tools.export"))
    present_window (self, SEC_TYPE_EXPORT_DIALOG);
  else if (g_str_equal (action_name, "tools.minutes"))
    present_window (self, SEC_TYPE_MINUTES_WINDOW);
  else if (g_str_equal (action_name, "tools.emails"))
    present_window (self, SEC_TYPE_EMAIL_DIALOG);
  else
    g_assert_not_reached ();
}

static void
use_co_chair_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SecMeetingTools *self = SEC_MEETING_TOOLS (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) fresh = NULL;

  if (self->co_chair_proposal == NULL)
    return;

  /* The meeting as stored now, not as the page last read it. */
  fresh = sec_store_get (self->store, SEC_TYPE_MEETING, sec_record_get_id (self->meeting), &error);
  if (fresh != NULL)
    {
      sec_record_set_string (fresh, "co-chair", self->co_chair_proposal);
      sec_store_update (self->store, fresh, &error);
    }
  if (error != NULL)
    sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Set the Co-chair"), error);
}

static void
add_follow_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SecMeetingTools *self = SEC_MEETING_TOOLS (widget);
  g_autoptr(GError) error = NULL;

  if (sec_action_points_add_follow_up_item (self->store, sec_record_get_id (self->meeting), &error) == 0)
    sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Add the Item to the Agenda"), error);
}

static void
substitute_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SecMeetingTools *self = SEC_MEETING_TOOLS (widget);
  g_autoptr(GError) error = NULL;
  gint64 participant_id, person_id;

  g_variant_get (parameter, "(xx)", &participant_id, &person_id);
  if (!sec_delegates_take_substitute (self->store, participant_id, person_id, &error))
    sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Record the Substitute"), error);
}

/* Overrides */

static void
sec_meeting_tools_dispose (GObject *object)
{
  SecMeetingTools *self = (SecMeetingTools *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_MEETING_TOOLS);
  /* Anything left of the template that was not bound goes too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (sec_meeting_tools_parent_class)->dispose (object);
}

static void
sec_meeting_tools_finalize (GObject *object)
{
  SecMeetingTools *self = (SecMeetingTools *) object;

  g_free (self->co_chair_proposal);

  G_OBJECT_CLASS (sec_meeting_tools_parent_class)->finalize (object);
}

static void
sec_meeting_tools_class_init (SecMeetingToolsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_meeting_tools_dispose;
  object_class->finalize = sec_meeting_tools_finalize;

  g_type_ensure (SEC_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-meeting-tools.ui");
  gtk_widget_class_bind_template_child (widget_class, SecMeetingTools, box);
  gtk_widget_class_bind_template_child (widget_class, SecMeetingTools, buttons);
  gtk_widget_class_bind_template_child (widget_class, SecMeetingTools, warnings_group);

  gtk_widget_class_install_action (widget_class, "tools.agenda", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "tools.invite", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "tools.participants", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "tools.check-in", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "tools.export", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "tools.minutes", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "tools.add-follow-up", NULL, add_follow_up_action);
  gtk_widget_class_install_action (widget_class, "tools.emails", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "tools.substitute", "(xx)", substitute_action);
  gtk_widget_class_install_action (widget_class, "tools.use-co-chair", NULL, use_co_chair_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_meeting_tools_init (SecMeetingTools *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sec_meeting_tools_new:
 * @store: the store @meeting comes from
 * @meeting: a SecMeeting
 *
 * Returns: (transfer floating): the tools of the meeting
 */
GtkWidget *
sec_meeting_tools_new (SecStore  *store,
                       SecRecord *meeting)
{
  SecMeetingTools *self;
  guint n_warnings = 0;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_MEETING (meeting), NULL);

  self = g_object_new (SEC_TYPE_MEETING_TOOLS, NULL);
  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);

  n_warnings += add_co_chair_warning (self);
  n_warnings += add_members_warning (self);
  n_warnings += add_needs_warning (self);
  n_warnings += add_agenda_warning (self);
  n_warnings += add_carried_warning (self);
  n_warnings += sec_substitute_rows_add (self->warnings_group, self->store, sec_record_get_id (meeting));
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), n_warnings > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tools.use-co-chair", self->co_chair_proposal != NULL);
  return GTK_WIDGET (self);
}

/**
 * sec_meeting_tools_get_co_chair_proposal:
 *
 * Returns: (nullable): the co-chair proposed
 */
const char *
sec_meeting_tools_get_co_chair_proposal (SecMeetingTools *self)
{
  g_return_val_if_fail (SEC_IS_MEETING_TOOLS (self), NULL);

  return self->co_chair_proposal;
}
