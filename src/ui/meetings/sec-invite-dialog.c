/* sec-invite-dialog.c: inviting a meeting's participants
 *
 * Two ways, one page each: every member organisation of the meeting's
 * bodies not yet represented, one person each (its contact person, or one
 * of its people chosen here; an organisation with a single person on record
 * has that person chosen already), or people chosen one by one. The
 * invitations are made by the core in one transaction
 * (sec-invitations.h); the dialog then says how many were invited and
 * which organisations had nobody to invite.
 */
#define G_LOG_DOMAIN "sec-invite-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/meetings/sec-invitations.h"
#include "ui/meetings/sec-invite-dialog.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "core/store/sec-records.h"
#include "ui/widgets/sec-tool-window.h"

/* People offered for one organisation; beyond, its contact person must be
 * set on the organisation. */
#define MAX_PEOPLE 100

/* The row of one member organisation to invite. */
typedef struct {
  gint64       organisation_id;
  GtkDropDown *drop_down;   /* NULL when it has nobody on record */
  GArray      *person_ids;  /* gint64, index of the drop-down's items; 0 is nobody */
} MemberRow;

struct _SecInviteDialog
{
  SecMeetingWindow     parent_instance;

  /* template widgets */
  GtkWidget           *switcher;
  GtkWidget           *cancel_button;
  GtkButton           *invite_button;
  GtkWidget           *done_button;
  GtkStack            *main_stack;
  GtkStack            *mode_stack;
  GtkLabel            *members_summary;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *represented_group;
  GtkListBox          *people_list;
  AdwStatusPage       *result_page;
  AdwPreferencesGroup *unreached_group;

  /* owned */
  SecStore            *store;  /* borrowed: SecMeetingWindow's */
  GPtrArray           *member_rows;   /* MemberRow */
  GArray              *people_ids;    /* gint64: chosen on the People page */
  GPtrArray           *people_names;  /* utf8 */
  GtkWidget           *people_picker; /* SecRecordPickerRow, in people_list */

  gint64               meeting_id;  /* SecMeetingWindow's */
};

G_DEFINE_FINAL_TYPE (SecInviteDialog, sec_invite_dialog, SEC_TYPE_MEETING_WINDOW)

/* Helpers */

static void
member_row_free (MemberRow *row)
{
  g_clear_pointer (&row->person_ids, g_array_unref);
  g_free (row);
}

static gint64
chosen_person (MemberRow *row)
{
  guint selected;

  if (row->drop_down == NULL)
    return 0;
  selected = gtk_drop_down_get_selected (row->drop_down);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= row->person_ids->len)
    return 0;
  return g_array_index (row->person_ids, gint64, selected);
}

static gboolean
on_members_page (SecInviteDialog *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "members") == 0;
}

static void
update_invite_button (SecInviteDialog *self)
{
  guint n = 0;
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;

  if (on_members_page (self))
    {
      for (guint i = 0; i < self->member_rows->len; i++)
        if (chosen_person (g_ptr_array_index (self->member_rows, i)) != 0)
          n++;
    }
  else
    n = self->people_ids->len;

  count = sec_format_count (n);
  label = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Invite %s Person", "_Invite %s People", n), count)
                : g_strdup (_("_Invite"));
  gtk_button_set_label (self->invite_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invite.invite", n > 0);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The drop-down of an organisation's people: nobody, its contact person,
 * then its people by name. */
static GtkWidget *
new_people_drop_down (SecInviteDialog       *self,
                      SecMemberOrganisation *member,
                      MemberRow             *row)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member->organisation_id);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 nobody = 0;
  GtkWidget *drop_down;

  row->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("Nobody"));
  g_array_append_val (row->person_ids, nobody);

  if (member->contact_person_id != 0)
    {
      gtk_string_list_append (names, member->contact_person_name ? member->contact_person_name : "");
      g_array_append_val (row->person_ids, member->contact_person_id);
      selected = 1;
    }

  sec_query_add (query, "organisation", SEC_QUERY_EQUALS, id);
  sec_query_set_range (query, 0, MAX_PEOPLE);
  people = sec_store_list (self->store, SEC_TYPE_PERSON, query, &error);
  if (people == NULL)
    g_warning ("Could not list the people of %s: %s", member->name, error->message);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      SecRecord *person = g_ptr_array_index (people, i);
      gint64 person_id = sec_record_get_id (person);
      g_autofree char *name = NULL;

      if (person_id == member->contact_person_id)
        continue;
      name = sec_record_dup_title (person);
      gtk_string_list_append (names, name);
      g_array_append_val (row->person_ids, person_id);
    }

  /* Nobody else to choose from: that person. */
  if (selected == 0 && row->person_ids->len == 2)
    selected = 1;

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (update_invite_button),
                           self, G_CONNECT_SWAPPED);
  return drop_down;
}

static void
load_members (SecInviteDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  GtkWidget *represented = NULL;
  guint n_open = 0, n_represented = 0;

  members = sec_invitations_list_members (self->store, self->meeting_id, &error);
  if (members == NULL)
    {
      gtk_label_set_text (self->members_summary, error->message);
      return;
    }

  for (guint i = 0; i < members->len; i++)
    {
      SecMemberOrganisation *m = g_ptr_array_index (members, i);
      const char *country = m->country ? sec_country_name (m->country) : NULL;
      GtkWidget *row;

      if (m->represented)
        {
          if (represented == NULL)
            {
              represented = adw_expander_row_new ();
              adw_preferences_group_add (self->represented_group, represented);
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (represented), new_row (m->name, country));
          n_represented++;
          continue;
        }

      n_open++;
      {
        MemberRow *member_row = g_new0 (MemberRow, 1);
        g_autofree char *subtitle = NULL;

        member_row->organisation_id = m->organisation_id;
        if (m->contact_person_id != 0)
          subtitle = g_strdup (_("Contact person chosen"));
        else if (m->n_people == 0)
          subtitle = g_strdup (_("Nobody on record: add a person to the organisation first"));
        else if (m->n_people == 1)
          subtitle = g_strdup (_("No contact person: the one person on record is chosen"));
        else
          subtitle = g_strdup (_("No contact person: choose who to invite"));
        if (country != NULL)
          {
            /* Translators: a country and more about an organisation, "Belgium · Contact person chosen" */
            g_autofree char *with_country = g_strdup_printf (_("%s · %s"), country, subtitle);
            g_free (subtitle);
            subtitle = g_steal_pointer (&with_country);
          }
        row = new_row (m->name, subtitle);
        if (m->contact_person_id != 0 || m->n_people > 0)
          {
            GtkWidget *drop_down = new_people_drop_down (self, m, member_row);
            /* Translators: the accessible name of the list of people of an organisation */
            g_autofree char *a11y = g_strdup_printf (_("Person to invite for %s"), m->name);

            member_row->drop_down = GTK_DROP_DOWN (drop_down);
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop_down);
            /* After the row has labelled it with the organisation's name. */
            sec_drop_down_set_accessible_name (GTK_DROP_DOWN (drop_down), a11y);
          }
        else
          gtk_widget_add_css_class (row, "dim-label");
        g_ptr_array_add (self->member_rows, member_row);
        adw_preferences_group_add (self->members_group, row);
      }
    }

  if (represented != NULL)
    {
      g_autofree char *count = sec_format_count (n_represented);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s organisation", "%s organisations",
                                                             n_represented), count);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (represented), title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->represented_group), n_represented > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->members_group), n_open > 0);

  if (members->len == 0)
    gtk_label_set_text (self->members_summary,
                        _("The meeting’s bodies have no active members on its first day. Invite people one by one on the People page."));
  else
    {
      g_autofree char *total = sec_format_count (members->len);
      g_autofree char *open = sec_format_count (n_open);
      g_autofree char *text = NULL;

      /* Translators: "24 member organisations of the meeting's bodies; 7 without anybody invited." */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s member organisation of the meeting’s bodies; %s without anybody invited.",
                                           "%s member organisations of the meeting’s bodies; %s without anybody invited.",
                                           members->len),
                              total, open);
      gtk_label_set_text (self->members_summary, text);
    }
}

static void
show_people (SecInviteDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    {
      if (child == self->people_picker)
        g_object_ref (child);
      gtk_list_box_remove (self->people_list, child);
    }

  for (guint i = 0; i < self->people_ids->len; i++)
    {
      const char *name = g_ptr_array_index (self->people_names, i);
      GtkWidget *row = new_row (name, NULL);
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      /* Translators: a button that takes a person off the list to invite, %s is a name */
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "invite.remove-person");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->people_list, row);
    }

  gtk_list_box_append (self->people_list, self->people_picker);
  g_object_unref (self->people_picker);
  update_invite_button (self);
}

static void
show_result (SecInviteDialog     *self,
             SecInvitationResult *result)
{
  g_autofree char *count = sec_format_count (result->n_invited);
  g_autofree char *title = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Person Invited", "%s People Invited", result->n_invited),
                           count);
  adw_status_page_set_title (self->result_page, title);

  if (result->n_represented > 0)
    {
      g_autofree char *represented = sec_format_count (result->n_represented);
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "%s organisation was represented already.",
                                           "%s organisations were represented already.", result->n_represented),
                              represented);
    }
  if (result->n_already > 0)
    {
      g_autofree char *already = sec_format_count (result->n_already);

      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "%s person was a participant already.",
                                           "%s people were participants already.", result->n_already),
                              already);
    }
  if (result->n_restricted > 0)
    {
      g_autofree char *restricted = sec_format_count (result->n_restricted);

      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "%s person is restricted and was not invited.",
                                           "%s people are restricted and were not invited.", result->n_restricted),
                              restricted);
    }
  if (result->unreached->len > 0)
    {
      g_autofree char *unreached = sec_format_count (result->unreached->len);

      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "%s organisation had nobody to invite.",
                                           "%s organisations had nobody to invite.", result->unreached->len),
                              unreached);
    }
  adw_status_page_set_description (self->result_page, description->str);

  for (guint i = 0; i < result->unreached->len; i++)
    adw_preferences_group_add (self->unreached_group, new_row (g_ptr_array_index (result->unreached, i), NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->unreached_group), result->unreached->len > 0);

  gtk_stack_set_visible_child_name (self->main_stack, "result");
  gtk_widget_set_visible (self->switcher, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->invite_button), FALSE);
  gtk_widget_set_visible (self->done_button, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invite.invite", FALSE);
  gtk_widget_grab_focus (self->done_button);
}

/* Callbacks */

static void
on_mode_changed (SecInviteDialog *self)
{
  update_invite_button (self);
}

static void
on_person_picked (SecInviteDialog    *self,
                  GParamSpec         *pspec,
                  SecRecordPickerRow *picker)
{
  gint64 id = sec_record_picker_row_get_record_id (picker);
  g_autoptr(SecRecord) person = NULL;

  if (id == 0)
    return;
  for (guint i = 0; i < self->people_ids->len; i++)
    if (g_array_index (self->people_ids, gint64, i) == id)
      id = 0;
  if (id != 0 && (person = sec_store_get (self->store, SEC_TYPE_PERSON, id, NULL)) != NULL)
    {
      g_array_append_val (self->people_ids, id);
      g_ptr_array_add (self->people_names, sec_record_dup_title (person));
    }
  sec_record_picker_row_set_record_id (picker, 0);
  show_people (self);
}

/* Actions */

static void
invite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecInviteDialog *self = SEC_INVITE_DIALOG (widget);
  g_autoptr(SecInvitationResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (on_members_page (self))
    {
      g_autoptr(GArray) picks = g_array_new (FALSE, FALSE, sizeof (SecInvitationPick));

      for (guint i = 0; i < self->member_rows->len; i++)
        {
          MemberRow *row = g_ptr_array_index (self->member_rows, i);
          SecInvitationPick pick = { row->organisation_id, chosen_person (row) };

          g_array_append_val (picks, pick);
        }
      ok = sec_invitations_invite_members (self->store, self->meeting_id, (SecInvitationPick *) (void *) picks->data,
                                           picks->len, &result, &error);
    }
  else
    ok = sec_invitations_invite_people (self->store, self->meeting_id, (gint64 *) (void *) self->people_ids->data,
                                        self->people_ids->len, &result, &error);

  if (!ok)
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Invite"), error);
      return;
    }
  show_result (self, result);
}

static void
remove_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SecInviteDialog *self = SEC_INVITE_DIALOG (widget);
  guint i = g_variant_get_uint32 (parameter);

  if (i >= self->people_ids->len)
    return;
  g_array_remove_index (self->people_ids, i);
  g_ptr_array_remove_index (self->people_names, i);
  show_people (self);
  gtk_widget_grab_focus (self->people_picker);
}

/* Overrides */

static void
sec_invite_dialog_constructed (GObject *object)
{
  SecInviteDialog *self = (SecInviteDialog *) object;

  G_OBJECT_CLASS (sec_invite_dialog_parent_class)->constructed (object);

  self->store = sec_meeting_window_get_store (SEC_MEETING_WINDOW (self));
  self->meeting_id = sec_meeting_window_get_meeting_id (SEC_MEETING_WINDOW (self));

  g_assert (SEC_IS_STORE (self->store));

  self->people_picker = sec_record_picker_row_new (self->store, SEC_TYPE_PERSON);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->people_picker), _("Add a Person"));
  g_signal_connect_object (self->people_picker, "notify::record-id", G_CALLBACK (on_person_picked),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->people_list, self->people_picker);

  load_members (self);
  /* Nothing to invite as members: start with people. */
  if (self->member_rows->len == 0)
    gtk_stack_set_visible_child_name (self->mode_stack, "people");
  update_invite_button (self);
}

static void
sec_invite_dialog_dispose (GObject *object)
{
  SecInviteDialog *self = (SecInviteDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_INVITE_DIALOG);

  G_OBJECT_CLASS (sec_invite_dialog_parent_class)->dispose (object);
}

static void
sec_invite_dialog_finalize (GObject *object)
{
  SecInviteDialog *self = (SecInviteDialog *) object;

  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->people_ids, g_array_unref);
  g_clear_pointer (&self->people_names, g_ptr_array_unref);

  G_OBJECT_CLASS (sec_invite_dialog_parent_class)->finalize (object);
}

static void
sec_invite_dialog_class_init (SecInviteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_invite_dialog_constructed;
  object_class->dispose = sec_invite_dialog_dispose;
  object_class->finalize = sec_invite_dialog_finalize;


  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-invite-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, switcher);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, invite_button);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, members_summary);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, members_group);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, represented_group);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, SecInviteDialog, unreached_group);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed);

  gtk_widget_class_install_action (widget_class, "invite.invite", NULL, invite_action);
  gtk_widget_class_install_action (widget_class, "invite.remove-person", "u", remove_person_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sec_invite_dialog_init (SecInviteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->member_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) member_row_free);
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->people_names = g_ptr_array_new_with_free_func (g_free);
}

/* Public API */

/**
 * sec_invite_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the dialog
 */
SecInviteDialog *
sec_invite_dialog_new (GtkWindow *parent,
                       SecStore  *store,
                       gint64     meeting_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return g_object_new (SEC_TYPE_INVITE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
}

