/* sec-substitute-rows.c: on a meeting's tools, the delegates who declined
 * and the alternate proposed for each, taken with one click */
#define G_LOG_DOMAIN "sec-substitute-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "core/meetings/sec-delegates.h"
#include "ui/meetings/sec-substitute-rows.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-detail-row.h"

guint
sec_substitute_rows_add (AdwPreferencesGroup *group,
                         SecStore            *store,
                         gint64               meeting_id)
{
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), 0);
  g_return_val_if_fail (SEC_IS_STORE (store), 0);

  if ((proposals = sec_delegates_list_proposals (store, meeting_id, &error)) == NULL)
    {
      g_warning ("Could not look for alternates: %s", error->message);
      return 0;
    }
  for (guint i = 0; i < proposals->len; i++)
    {
      SecSubstituteProposal *p = g_ptr_array_index (proposals, i);
      GtkWidget *row = sec_detail_row_new (NULL, NULL);
      GtkWidget *icon = sec_decorative_icon_new ("dialog-information-symbolic");
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Substitute"));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a delegate declined an invitation: "Anna Müller declined" */
      title = g_strdup_printf (_("%s declined"), p->name);
      if (p->organisation != NULL)
        /* Translators: the alternate proposed in place of a delegate who
         * declined: "Alternate of Europol: Peter Baláž" */
        subtitle = g_strdup_printf (_("Alternate of %s: %s"), p->organisation, p->substitute_name);
      else
        subtitle = g_strdup_printf (_("Alternate: %s"), p->substitute_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      sec_detail_row_set_subtitle (SEC_DETAIL_ROW (row), subtitle);
      gtk_widget_set_name (row, "substitute-proposal");
      gtk_widget_add_css_class (icon, "accent");
      sec_detail_row_add_prefix (SEC_DETAIL_ROW (row), icon);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Record the alternate as the substitute"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "tools.substitute");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xx)", p->participant_id, p->person_id);
      sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), button);
      adw_preferences_group_add (group, row);
    }
  return proposals->len;
}
