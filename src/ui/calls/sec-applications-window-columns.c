/* sec-applications-window-columns.c: the columns of the applications list
 *
 * Organisation, country, when it came (late ones flagged), the version of
 * the call, the eligibility, the score, and the outcome as a drop-down that
 * asks the window's "applications.set-outcome" action.
 */
#define G_LOG_DOMAIN "sec-applications-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/calls/sec-applications-window.h"
#include "ui/calls/sec-applications-window-private.h"
#include "ui/calls/sec-call-text.h"
#include "ui/widgets/sec-a11y.h"
#include "core/calls/sec-calls.h"
#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"

/* The outcomes in the order the drop-downs offer them. */
const char *const _sec_applications_window_outcome_nicks[N_OUTCOMES] = { "pending", "selected", "reserve", "rejected" };

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_organisation_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *name = sec_call_text_dup_organisation_name (application);

  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (label, name);
}

static void
bind_country_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  const char *code = sec_record_get_derived (application, "country");
  const char *name = code != NULL && *code ? sec_country_name (code) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      name != NULL ? name : (code != NULL && *code ? code : _("Not recorded")));
}

static void
setup_received_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *late = gtk_label_new (_("Late"));
  GtkWidget *zone = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (late, "caption-heading");
  gtk_widget_add_css_class (late, "error");
  gtk_widget_set_tooltip_text (late, _("Received after the deadline"));
  gtk_label_set_xalign (GTK_LABEL (zone), 0);
  gtk_label_set_ellipsize (GTK_LABEL (zone), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (zone, "caption");
  gtk_widget_add_css_class (zone, "dim-label");
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), late);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), zone);
  gtk_list_item_set_child (item, box);
}

static void
bind_received_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  SecApplicationsWindow *self = user_data;
  SecRecord *application = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *line = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_first_child (line);
  GtkWidget *late = gtk_widget_get_next_sibling (label);
  GtkWidget *zone_label = gtk_widget_get_next_sibling (line);
  const char *zone = sec_record_get_string (application, "received-timezone");
  const char *call_zone = sec_record_get_string (SEC_RECORD (self->call), "deadline-timezone");
  g_autofree char *when = sec_format_datetime (sec_record_get_string (application, "received-at"));
  /* A time read in another zone than the deadline's says which. */
  gboolean other_zone = zone != NULL && *zone && g_strcmp0 (zone, call_zone) != 0;

  gtk_label_set_text (GTK_LABEL (label), when);
  gtk_label_set_text (GTK_LABEL (zone_label), other_zone ? zone : "");
  gtk_widget_set_visible (zone_label, other_zone);
  gtk_widget_set_visible (late, sec_record_get_bool (application, "late"));
}

static void
bind_version_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  int version = sec_record_get_int (application, "call-version");
  g_autofree char *text = version > 0 ? g_strdup_printf ("%d", version) : g_strdup ("–");
  g_autofree char *tooltip = version > 0 ? g_strdup_printf (_("Version %d of the call applied when it was received"),
                                                            version) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
setup_eligibility_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_ellipsize (GTK_LABEL (status), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), status);
  gtk_box_append (GTK_BOX (texts), detail);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Decide the Eligibility…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Decide the Eligibility…"), -1);

  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
}

static void
bind_eligibility_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *status = gtk_widget_get_first_child (texts);
  GtkWidget *detail = gtk_widget_get_next_sibling (status);
  GtkWidget *button = gtk_widget_get_next_sibling (texts);
  const char *nick = sec_record_get_string (application, "eligibility");
  g_autofree char *detail_text = sec_call_text_dup_eligibility_detail (application);
  g_autofree char *status_text = NULL;
  const char *rule = sec_record_get_string (application, "eligibility-rule");
  static const char *const classes[] = { "success", "error", "warning" };

  if (sec_record_get_bool (application, "eligibility-overridden"))
    /* Translators: an eligibility staff decided, "Eligible (staff)" */
    status_text = g_strdup_printf (_("%s (staff)"), sec_call_text_choice_label (SEC_TYPE_APPLICATION, "eligibility", nick));
  else if (rule != NULL && *rule != '\0' && g_strcmp0 (nick, "eligible") != 0)
    /* Translators: an eligibility and the rule that failed, "Not eligible · Eligible countries" */
    status_text = g_strdup_printf (_("%s · %s"), sec_call_text_choice_label (SEC_TYPE_APPLICATION, "eligibility", nick),
                                   sec_call_text_choice_label (SEC_TYPE_APPLICATION, "eligibility-rule", rule));
  else
    status_text = g_strdup (sec_call_text_choice_label (SEC_TYPE_APPLICATION, "eligibility", nick));
  gtk_label_set_text (GTK_LABEL (status), status_text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (status, classes[i]);
  gtk_widget_add_css_class (status, g_strcmp0 (nick, "eligible") == 0 ? "success"
                                    : g_strcmp0 (nick, "not-eligible") == 0 ? "error" : "warning");

  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  gtk_widget_set_visible (detail, *detail_text != '\0');
  gtk_widget_set_tooltip_text (detail, *detail_text ? detail_text : NULL);
  /* The target first: an action without its parameter is never set. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", sec_record_get_id (application));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "applications.override");
}

static void
bind_score_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  SecRecord *application = gtk_list_item_get_item (item);
  const char *score = sec_record_get_string (application, "score");

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), score != NULL ? score : "");
}

static void
on_outcome_selected (SecApplicationsWindow *self,
                     GParamSpec            *pspec,
                     GtkDropDown           *drop_down)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (drop_down), "sec-list-item");
  SecRecord *application = item != NULL ? gtk_list_item_get_item (item) : NULL;
  guint selected = gtk_drop_down_get_selected (drop_down);
  const char *current;

  if (self->binding || application == NULL || selected >= G_N_ELEMENTS (_sec_applications_window_outcome_nicks))
    return;
  current = sec_record_get_string (application, "outcome");
  if (g_strcmp0 (current, _sec_applications_window_outcome_nicks[selected]) == 0)
    return;

  /* The drop-down shows what is stored: the change shows once it is made
   * (a selection may still be cancelled in its dialog). */
  self->binding = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (_sec_applications_window_outcome_nicks); i++)
    if (g_strcmp0 (current, _sec_applications_window_outcome_nicks[i]) == 0)
      gtk_drop_down_set_selected (drop_down, i);
  self->binding = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "applications.set-outcome", "(xs)",
                              sec_record_get_id (application), _sec_applications_window_outcome_nicks[selected]);
}

static void
setup_outcome_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  SecApplicationsWindow *self = user_data;
  const SecField *field = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_APPLICATION), "outcome");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  for (guint i = 0; i < G_N_ELEMENTS (_sec_applications_window_outcome_nicks); i++)
    gtk_string_list_append (labels, sec_field_choice_label (field, _sec_applications_window_outcome_nicks[i]));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  sec_drop_down_set_accessible_name (GTK_DROP_DOWN (drop_down), _("Outcome"));
  g_object_set_data (G_OBJECT (drop_down), "sec-list-item", item);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_outcome_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, drop_down);
}

static void
bind_outcome_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  SecApplicationsWindow *self = user_data;
  SecRecord *application = gtk_list_item_get_item (item);
  const char *outcome = sec_record_get_string (application, "outcome");
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_list_item_get_child (item));
  g_autofree char *name = sec_call_text_dup_organisation_name (application);
  /* Translators: read out for the outcome's drop-down, "Outcome for Nordlys Støttecenter" */
  g_autofree char *label = g_strdup_printf (_("Outcome for %s"), name);

  self->binding = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (_sec_applications_window_outcome_nicks); i++)
    if (g_strcmp0 (outcome, _sec_applications_window_outcome_nicks[i]) == 0)
      gtk_drop_down_set_selected (drop_down, i);
  self->binding = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
add_column (SecApplicationsWindow *self,
            const char            *title,
            GCallback              setup,
            gpointer               setup_data,
            GCallback              bind,
            gboolean               expand,
            int                    fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, setup_data);
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
}

/* The columns of the list, in order. */
void
_sec_applications_window_add_columns (SecApplicationsWindow *self)
{
  add_column (self, _("Organisation"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (FALSE),
              G_CALLBACK (bind_organisation_cb), TRUE, -1);
  add_column (self, _("Country"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (FALSE),
              G_CALLBACK (bind_country_cb), FALSE, 110);
  add_column (self, _("Received"), G_CALLBACK (setup_received_cb), NULL,
              G_CALLBACK (bind_received_cb), FALSE, 210);
  add_column (self, _("Version"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (TRUE),
              G_CALLBACK (bind_version_cb), FALSE, -1);
  add_column (self, _("Eligibility"), G_CALLBACK (setup_eligibility_cb), NULL,
              G_CALLBACK (bind_eligibility_cb), TRUE, -1);
  add_column (self, _("Score"), G_CALLBACK (setup_label_cb), GINT_TO_POINTER (TRUE),
              G_CALLBACK (bind_score_cb), FALSE, -1);
  add_column (self, _("Outcome"), G_CALLBACK (setup_outcome_cb), self,
              G_CALLBACK (bind_outcome_cb), FALSE, 130);
}
