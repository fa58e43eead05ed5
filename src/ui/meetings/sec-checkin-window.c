/* sec-checkin-window.c: the check-in desk on the meeting day
 *
 * Made for the keyboard: the search entry has the focus; a few letters of
 * a name find the people of the meeting (the core searches in SQL,
 * folding case and accents: sec_check_in_find ()); Enter marks the first
 * of them present, clears the entry for the next person and says so in a
 * notification with Undo. Down moves into the list to pick another one.
 * Ctrl+Z takes the last check-in back, then the one before. The count of
 * those present out of those expected is shown large.
 *
 * With nothing typed, the list is of those still expected (invited,
 * registered or confirmed, not yet present); letters filter it. A name
 * that finds nobody is cleared from the entry, so that the next name is
 * not typed after it, and kept in the walk-in form below: someone not on
 * the list is added there and checked in at once (sec-walk-in.c),
 * and Ctrl+Z takes that back too.
 */
#define G_LOG_DOMAIN "sec-checkin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/meetings/sec-walk-in.h"
#include "ui/meetings/sec-checkin-window.h"
#include "core/base/sec-format.h"
#include "core/meetings/sec-invitations.h"
#include "core/store/sec-records.h"
#include "ui/widgets/sec-toaster.h"
#include "ui/widgets/sec-tool-window.h"

/* People listed for what was typed. */
#define MAX_MATCHES 8
/* People listed as still expected, with nothing typed. */
#define MAX_EXPECTED 200

/* One step Ctrl+Z takes back: a check-in or a walk-in. */
typedef struct {
  SecCheckIn *check_in;
  SecWalkIn  *walk_in;
} Arrival;

static void
arrival_free (Arrival *arrival)
{
  g_clear_pointer (&arrival->check_in, sec_check_in_free);
  g_clear_pointer (&arrival->walk_in, sec_walk_in_free);
  g_free (arrival);
}

struct _SecCheckinWindow
{
  SecMeetingWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkLabel         *count_label;
  GtkLabel         *count_caption;
  GtkProgressBar   *progress;
  GtkSearchEntry   *search_entry;
  GtkLabel         *results_title;
  GtkListBox       *results_list;
  GtkWidget        *nobody_label;
  AdwEntryRow      *walk_in_name;
  AdwEntryRow      *walk_in_organisation;

  /* owned */
  SecStore         *store;  /* borrowed: SecMeetingWindow's */
  GPtrArray        *matches;     /* SecCheckInMatch, as listed */
  GPtrArray        *arrivals;    /* Arrival, the last at the end: Ctrl+Z */
  SecToaster       *toaster;

  gint64            meeting_id;  /* SecMeetingWindow's */
  gulong            changed_id;
  guint             refresh_id;
};

G_DEFINE_FINAL_TYPE (SecCheckinWindow, sec_checkin_window, SEC_TYPE_MEETING_WINDOW)

/* Helpers */

static void
show_toast (SecCheckinWindow *self,
        const char       *text,
        gboolean          can_undo)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (can_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "checkin.undo");
    }
  /* In place of the last one. */
  sec_toaster_show (self->toaster, toast);
}

static void
update_counts (SecCheckinWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 present = 0, expected = 0;
  g_autofree char *present_text = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *caption = NULL;

  if (!sec_check_in_count (self->store, self->meeting_id, &present, &expected, &error))
    g_warning ("Could not count the participants present: %s", error->message);

  present_text = sec_format_count (present);
  expected_text = sec_format_count (expected);
  /* Translators: those present out of those expected, "12 / 30" */
  count = g_strdup_printf (_("%s / %s"), present_text, expected_text);
  gtk_label_set_text (self->count_label, count);
  /* Translators: under "12 / 30": %s is the number expected */
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "present, of %s expected", "present, of %s expected",
                                          (gulong) expected), expected_text);
  gtk_label_set_text (self->count_caption, caption);
  gtk_progress_bar_set_fraction (self->progress, expected > 0 ? MIN (1.0, (double) present / (double) expected) : 0);
  {
    /* Translators: the check-in's count for screen readers, "12 of 30 present" */
    g_autofree char *a11y = g_strdup_printf (_("%s of %s present"), present_text, expected_text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  }
}

static GtkWidget *
new_match_row (SecCheckInMatch *match)
{
  const SecField *field = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_PARTICIPANT), "status");
  const char *status = sec_field_choice_label (field, match->status);
  gboolean present = g_strcmp0 (match->status, "attended") == 0 && match->replaces == NULL;
  g_autoptr(GString) subtitle = g_string_new (match->organisation);
  GtkWidget *row = adw_action_row_new ();

  if (match->replaces != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, _(" · "));
      /* Translators: a substitute arriving at a meeting, "replacing Mari Kask" */
      g_string_append_printf (subtitle, _("replacing %s"), match->replaces);
    }
  else if (status != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, status);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (present)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (icon, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Present"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

/* The participants not yet present who are expected, by name, as
 * matches: with nothing typed, whom the desk is waiting for. */
static GPtrArray *
list_expected (SecCheckinWindow  *self,
               GError           **error)
{
  static const char *const waiting[] = { "invited", "registered", "confirmed", NULL };
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(GPtrArray) participants = NULL;
  g_autofree char *meeting = g_strdup_printf ("%" G_GINT64_FORMAT, self->meeting_id);
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_check_in_match_free);

  sec_query_add (query, "meeting", SEC_QUERY_EQUALS, meeting);
  sec_query_set_sort (query, "person-sort-key", FALSE);
  if ((participants = sec_store_list (self->store, SEC_TYPE_PARTICIPANT, query, error)) == NULL)
    {
      g_ptr_array_unref (matches);
      return NULL;
    }
  for (guint i = 0; i < participants->len && matches->len < MAX_EXPECTED; i++)
    {
      SecRecord *p = g_ptr_array_index (participants, i);
      const char *status = sec_record_get_string (p, "status");
      const char *organisation = sec_record_get_derived (p, "organisation-name");
      SecCheckInMatch *match;

      if (status == NULL || !g_strv_contains (waiting, status))
        continue;
      match = g_new0 (SecCheckInMatch, 1);
      match->participant_id = sec_record_get_id (p);
      match->person_id = sec_record_get_ref (p, "person");
      match->name = sec_record_dup_person_name (p);
      match->organisation = organisation != NULL && *organisation != '\0' ? g_strdup (organisation) : NULL;
      match->status = g_strdup (status);
      g_ptr_array_add (matches, match);
    }
  return matches;
}

/* Finds the people for the text typed and lists them. */
static void
update_matches (SecCheckinWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *typed = g_strstrip (g_strdup (text));
  gboolean expected = *typed == '\0';
  GtkWidget *child;

  if (expected)
    matches = list_expected (self, &error);
  else
    matches = sec_check_in_find (self->store, self->meeting_id, text, MAX_MATCHES, &error);
  if (matches == NULL)
    {
      g_warning ("Could not search the participants: %s", error->message);
      matches = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_check_in_match_free);
    }
  g_ptr_array_unref (self->matches);
  self->matches = g_steal_pointer (&matches);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  for (guint i = 0; i < self->matches->len; i++)
    {
      GtkWidget *row = new_match_row (g_ptr_array_index (self->matches, i));

      /* Whom Enter in the entry checks in. */
      if (i == 0 && !expected)
        {
          GtkWidget *hint = gtk_label_new (_("Enter ↵"));

          gtk_widget_add_css_class (hint, "dim-label");
          gtk_widget_add_css_class (hint, "caption");
          gtk_accessible_update_property (GTK_ACCESSIBLE (hint), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Enter checks this person in"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), hint);
        }
      gtk_list_box_append (self->results_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->results_list), self->matches->len > 0);
  gtk_widget_set_visible (self->nobody_label, self->matches->len == 0 && !expected);
  gtk_widget_set_visible (GTK_WIDGET (self->results_title), self->matches->len > 0);
  if (expected)
    {
      g_autofree char *count = sec_format_count (self->matches->len);
      /* Translators: the heading of the check-in's list when nothing is typed; %s is a number */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Still Expected (%s)", "Still Expected (%s)",
                                                             self->matches->len), count);
      gtk_label_set_text (self->results_title, title);
    }
  else
    gtk_label_set_text (self->results_title, _("Found"));
}

static void
check_in (SecCheckinWindow *self,
          SecCheckInMatch  *match)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SecCheckIn *done;

  if (g_strcmp0 (match->status, "attended") == 0 && match->replaces == NULL)
    {
      /* Translators: a notification at the check-in, %s is a name */
      text = g_strdup_printf (_("%s is present already"), match->name);
      show_toast (self, text, FALSE);
    }
  else if ((done = sec_check_in (self->store, match, &error)) != NULL)
    {
      Arrival *arrival = g_new0 (Arrival, 1);

      arrival->check_in = done;
      g_ptr_array_add (self->arrivals, arrival);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.undo", TRUE);
      /* Translators: a notification at the check-in, %s is a name */
      text = g_strdup_printf (_("%s is present"), match->name);
      show_toast (self, text, TRUE);
    }
  else
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Check In"), error);
      return;
    }

  /* Ready for the next person. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  update_matches (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Callbacks */

static void
on_search_changed (SecCheckinWindow *self)
{
  update_matches (self);
}

static void
on_search_activate (SecCheckinWindow *self)
{
  /* What is typed now, not what the last search found. */
  update_matches (self);
  if (self->matches->len > 0)
    {
      g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

      /* Nothing typed lists those expected: Enter picks nobody of them. */
      if (*typed != '\0')
        check_in (self, g_ptr_array_index (self->matches, 0));
    }
  else
    {
      g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
      g_autofree char *text = NULL;

      gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
      /* Kept for a walk-in, and out of the way of the next name. */
      gtk_editable_set_text (GTK_EDITABLE (self->walk_in_name), typed);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      update_matches (self);
      /* Translators: a notification at the check-in, %s is what was typed */
      text = g_strdup_printf (_("Nobody called “%s” is on the list: add them as a walk-in above"), typed);
      show_toast (self, text, FALSE);
    }
}

static void
on_walk_in_changed (SecCheckinWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->walk_in_name))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.walk-in", *name != '\0');
}

static void
on_walk_in_activated (SecCheckinWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "checkin.walk-in", NULL);
}

static void
on_search_stop (SecCheckinWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
on_search_key_pressed (SecCheckinWindow *self,
                       guint             keyval,
                       guint             keycode,
                       GdkModifierType   state)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

static void
on_result_activated (SecCheckinWindow *self,
                     GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->matches->len)
    check_in (self, g_ptr_array_index (self->matches, index));
}

static gboolean
refresh_cb (gpointer user_data)
{
  SecCheckinWindow *self = user_data;
  g_autoptr(SecRecord) meeting = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  self->refresh_id = 0;
  meeting = sec_store_get (self->store, SEC_TYPE_MEETING, self->meeting_id, NULL);
  if (meeting == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return G_SOURCE_REMOVE;
    }
  title = sec_record_dup_title (meeting);
  date = sec_format_date (sec_record_get_string (meeting, "starts-at"));
  /* Translators: a meeting's title and date, "Meeting of the Platform, 20 November 2025" */
  subtitle = g_strdup_printf (_("%s, %s"), title, date);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  update_counts (self);
  /* A status shown may have changed elsewhere. */
  update_matches (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SecCheckinWindow *self,
                  GType             kind,
                  gint64            id,
                  int               change,
                  SecStore         *store)
{
  if ((kind == SEC_TYPE_PARTICIPANT || kind == SEC_TYPE_MEETING || kind == SEC_TYPE_PERSON) &&
      self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* Actions */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecCheckinWindow *self = SEC_CHECKIN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Arrival *last;
  gboolean undone;

  if (self->arrivals->len == 0)
    return;
  last = g_ptr_array_index (self->arrivals, self->arrivals->len - 1);
  if (last->walk_in != NULL)
    undone = sec_walk_in_undo (self->store, last->walk_in, &error);
  else
    undone = sec_check_in_undo (self->store, last->check_in, &error);
  if (!undone)
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Take the Check-in Back"), error);
      return;
    }
  /* Translators: a notification after Ctrl+Z at the check-in, %s is a name */
  text = g_strdup_printf (_("Check-in of %s taken back"),
                          last->walk_in != NULL ? sec_walk_in_get_name (last->walk_in) : sec_check_in_get_name (last->check_in));
  g_ptr_array_remove_index (self->arrivals, self->arrivals->len - 1);
  gtk_widget_action_set_enabled (widget, "checkin.undo", self->arrivals->len > 0);
  show_toast (self, text, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
walk_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SecCheckinWindow *self = SEC_CHECKIN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SecWalkIn *walk_in;
  Arrival *arrival;

  walk_in = sec_walk_in_add (self->store, self->meeting_id,
                             gtk_editable_get_text (GTK_EDITABLE (self->walk_in_name)),
                             gtk_editable_get_text (GTK_EDITABLE (self->walk_in_organisation)), &error);
  if (walk_in == NULL)
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Check In"), error);
      return;
    }
  arrival = g_new0 (Arrival, 1);
  arrival->walk_in = walk_in;
  g_ptr_array_add (self->arrivals, arrival);
  gtk_widget_action_set_enabled (widget, "checkin.undo", TRUE);
  /* Translators: a notification at the check-in, %s is a name */
  text = g_strdup_printf (_("%s is present"), sec_walk_in_get_name (walk_in));
  show_toast (self, text, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (self->walk_in_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->walk_in_organisation), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Overrides */

static void
sec_checkin_window_constructed (GObject *object)
{
  SecCheckinWindow *self = (SecCheckinWindow *) object;

  G_OBJECT_CLASS (sec_checkin_window_parent_class)->constructed (object);

  self->store = sec_meeting_window_get_store (SEC_MEETING_WINDOW (self));
  self->meeting_id = sec_meeting_window_get_meeting_id (SEC_MEETING_WINDOW (self));

  g_assert (SEC_IS_STORE (self->store));

  self->changed_id = g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  refresh_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
sec_checkin_window_dispose (GObject *object)
{
  SecCheckinWindow *self = (SecCheckinWindow *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_CHECKIN_WINDOW);

  G_OBJECT_CLASS (sec_checkin_window_parent_class)->dispose (object);
}

static void
sec_checkin_window_finalize (GObject *object)
{
  SecCheckinWindow *self = (SecCheckinWindow *) object;

  g_clear_object (&self->toaster);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->arrivals, g_ptr_array_unref);

  G_OBJECT_CLASS (sec_checkin_window_parent_class)->finalize (object);
}

static void
sec_checkin_window_class_init (SecCheckinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_checkin_window_constructed;
  object_class->dispose = sec_checkin_window_dispose;
  object_class->finalize = sec_checkin_window_finalize;


  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-checkin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, count_caption);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, results_title);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, nobody_label);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, walk_in_name);
  gtk_widget_class_bind_template_child (widget_class, SecCheckinWindow, walk_in_organisation);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_walk_in_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_walk_in_activated);

  gtk_widget_class_install_action (widget_class, "checkin.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "checkin.walk-in", NULL, walk_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sec_checkin_window_init (SecCheckinWindow *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_check_in_match_free);
  self->arrivals = g_ptr_array_new_with_free_func ((GDestroyNotify) arrival_free);
  self->toaster = sec_toaster_new (self->toast_overlay);

  /* Ctrl+Z is the check-in's, even in the entry (whose own undo of typing
   * is off): caught before the entry sees it. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->search_entry), FALSE);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("checkin.undo")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.walk-in", FALSE);
}

/* Public API */

/**
 * sec_checkin_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the window
 */
SecCheckinWindow *
sec_checkin_window_new (GtkWindow *parent,
                        SecStore  *store,
                        gint64     meeting_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return g_object_new (SEC_TYPE_CHECKIN_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
}

