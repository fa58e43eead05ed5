/* sec-alternates-group.c: on a membership's page, the alternates of the
 * organisation's delegate */
#define G_LOG_DOMAIN "sec-alternates-group"

#include "config.h"

#include <glib/gi18n.h>

#include "core/meetings/sec-delegates.h"
#include "core/store/sec-records.h"
#include "ui/meetings/sec-alternates-group.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "ui/widgets/sec-tool-window.h"
#include "ui/widgets/sec-detail-row.h"

typedef struct {
  SecStore *store;
  gint64    membership_id;
} Alternates;

static void
alternates_free (Alternates *a)
{
  g_object_unref (a->store);
  g_free (a);
}

/* Saves @ids as the alternates, keeping the delegate. */
static void
save (GtkWidget  *group,
      Alternates *a,
      GArray     *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) membership = sec_store_get (a->store, SEC_TYPE_MEMBERSHIP, a->membership_id, &error);

  if (membership == NULL ||
      !sec_membership_set_representatives (a->store, a->membership_id, sec_record_get_ref (membership, "delegate"),
                                           (gint64 *) (void *) ids->data, ids->len, &error))
    sec_tool_window_show_error (group, _("Could Not Save the Alternates"), error);
}

static GArray *
dup_alternates (GtkWidget  *group,
                Alternates *a)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = sec_membership_list_alternates (a->store, a->membership_id, &error);

  if (ids == NULL)
    {
      sec_tool_window_show_error (group, _("Could Not Save the Alternates"), error);
      return NULL;
    }
  return ids;
}

static void
on_person_picked (SecRecordPickerRow *picker,
                  GParamSpec         *pspec,
                  GtkWidget          *group)
{
  Alternates *a = g_object_get_data (G_OBJECT (group), "sec-alternates");
  gint64 person = sec_record_picker_row_get_record_id (picker);
  g_autoptr(GArray) ids = NULL;

  if (person == 0 || (ids = dup_alternates (group, a)) == NULL)
    return;
  g_array_append_val (ids, person);
  save (group, a, ids);
}

static void
on_remove_clicked (GtkButton *button,
                   GtkWidget *group)
{
  Alternates *a = g_object_get_data (G_OBJECT (group), "sec-alternates");
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "sec-person"));
  g_autoptr(GArray) ids = dup_alternates (group, a);

  if (ids == NULL)
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == person)
      g_array_remove_index (ids, i--);
  save (group, a, ids);
}

/**
 * sec_alternates_group_new:
 *
 * Returns: (transfer floating): the group
 */
GtkWidget *
sec_alternates_group_new (SecStore  *store,
                          SecRecord *membership)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *picker;
  Alternates *a;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_MEMBERSHIP (membership), NULL);

  a = g_new0 (Alternates, 1);
  a->store = g_object_ref (store);
  a->membership_id = sec_record_get_id (membership);
  g_object_set_data_full (G_OBJECT (group), "sec-alternates", a, (GDestroyNotify) alternates_free);
  gtk_widget_set_name (group, "alternates");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Alternates"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("People of the organisation who stand in for its delegate, "
                                           "in the order they are asked"));

  if ((ids = sec_membership_list_alternates (store, a->membership_id, &error)) == NULL)
    g_warning ("Could not list the alternates: %s", error->message);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(SecRecord) person = sec_store_get (store, SEC_TYPE_PERSON, id, NULL);
      g_autofree char *name = person != NULL ? sec_record_dup_title (person) : g_strdup ("");
      GtkWidget *row = sec_detail_row_new (NULL, NULL);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the alternate"));
      g_object_set_data (G_OBJECT (remove), "sec-person", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), group);
      sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  picker = sec_record_picker_row_new (store, SEC_TYPE_PERSON);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (picker), _("Add an Alternate"));
  /* Only the organisation's people stand in for its delegate. */
  sec_record_picker_row_set_scope (SEC_RECORD_PICKER_ROW (picker), "organisation",
                                   sec_record_get_ref (membership, "organisation"));
  g_signal_connect (picker, "notify::record-id", G_CALLBACK (on_person_picked), group);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), picker);
  return group;
}
