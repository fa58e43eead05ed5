/* sec-privacy-dialog.c: the retention review
 *
 * Built in code, as the backups dialog: a group for the retention period
 * and the people without a lawful basis, and a group whose rows are the
 * people past the period, each with a tick. Erasing asks first, names how
 * many people, and cannot be undone (the store's erasure scrubs the
 * history too).
 */
#define G_LOG_DOMAIN "sec-privacy-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/store/sec-store-privacy.h"
#include "ui/shell/sec-privacy-dialog.h"
#include "ui/widgets/sec-a11y.h"

struct _SecPrivacyDialog
{
  AdwPreferencesWindow  parent_instance;

  /* owned */
  SecStore             *store;
  GPtrArray            *people;  /* of SecRetentionEntry, as listed */
  GPtrArray            *checks;  /* (element-type GtkCheckButton): one per person, borrowed */
  GArray               *pending; /* (element-type gint64): the people the question is about */

  /* borrowed */
  AdwPreferencesPage   *page;
  GtkWidget            *people_group;
  GtkWidget            *summary_group;
};

G_DEFINE_FINAL_TYPE (SecPrivacyDialog, sec_privacy_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static void fill (SecPrivacyDialog *self);

static GtkWidget *
make_person_row (SecPrivacyDialog  *self,
                 SecRetentionEntry *e)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *last = sec_format_date (e->last_activity);
  g_autofree char *n = sec_format_count (e->n_participations);
  g_autofree char *meetings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s meeting", "%s meetings",
                                                            e->n_participations), n);
  g_autofree char *subtitle = NULL;

  /* Translators: what is held about a person past retention:
   * "anna@example.org · last activity 1 May 2019 · 3 meetings" */
  subtitle = g_strdup_printf (_("%s · last activity %s · %s"), e->email ? e->email : _("no e-mail address"),
                              last, meetings);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);
  return row;
}

static void
on_question_response (SecPrivacyDialog *self,
                      const char       *response,
                      AdwMessageDialog *question)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "erase") != 0)
    return;
  for (guint i = 0; i < self->pending->len; i++)
    if (!sec_store_erase_person (self->store, g_array_index (self->pending, gint64, i), &error))
      {
        GtkWidget *failed = adw_message_dialog_new (GTK_WINDOW (self), _("Erasure Failed"), error->message);

        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
        gtk_window_present (GTK_WINDOW (failed));
        break;
      }
  g_array_set_size (self->pending, 0);
  fill (self);
}

AdwMessageDialog *
sec_privacy_dialog_ask_erase (SecPrivacyDialog *self,
                              gboolean          all)
{
  g_autofree char *count = NULL;
  GtkWidget *question;

  g_return_val_if_fail (SEC_IS_PRIVACY_DIALOG (self), NULL);

  g_array_set_size (self->pending, 0);
  for (guint i = 0; i < self->people->len; i++)
    if (all || gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (self->pending, ((SecRetentionEntry *) g_ptr_array_index (self->people, i))->id);
  if (self->pending->len == 0)
    return NULL;

  count = sec_format_count (self->pending->len);
  question = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (question),
                                     g_dngettext (GETTEXT_PACKAGE, "Erase %s Person?", "Erase %s People?",
                                                  self->pending->len),
                                     count);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (question),
                               _("Their names, contact data, needs and notes are removed everywhere, "
                                 "their history of changes too; past meetings keep only anonymous counts. "
                                 "This cannot be undone. Backups made before keep the data until they age out."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_signal_connect_object (question, "response", G_CALLBACK (on_question_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (question));
  return ADW_MESSAGE_DIALOG (question);
}

static void
on_erase_clicked (SecPrivacyDialog *self)
{
  sec_privacy_dialog_ask_erase (self, FALSE);
}

static void
on_years_changed (SecPrivacyDialog *self,
                  GtkSpinButton    *spin)
{
  g_autofree char *text = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  g_autofree char *current = sec_store_get_setting (self->store, SEC_PRIVACY_RETENTION_YEARS_KEY);

  if (g_strcmp0 (text, current) == 0)
    return;
  /* A store opened read-only keeps its setting: the list follows the spin anyway. */
  sec_store_set_setting (self->store, SEC_PRIVACY_RETENTION_YEARS_KEY, text, NULL);
  fill (self);
}

static void
remove_groups (SecPrivacyDialog *self)
{
  if (self->summary_group != NULL)
    adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (self->summary_group));
  if (self->people_group != NULL)
    adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (self->people_group));
  self->summary_group = self->people_group = NULL;
}

static void
fill (SecPrivacyDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row, *spin, *button;
  gint64 without;
  int years = sec_store_get_retention_years (self->store);

  remove_groups (self);
  g_ptr_array_set_size (self->checks, 0);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = sec_store_list_past_retention (self->store, years, NULL, &error);
  if (self->people == NULL)
    self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_retention_entry_free);

  self->summary_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->summary_group), _("Retention"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Years Kept After the Last Activity"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The last meeting, membership or application"));
  spin = gtk_spin_button_new_with_range (1, 50, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), years);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_years_changed), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  sec_accessible_set_name (spin, _("Years Kept After the Last Activity"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->summary_group), row);

  without = sec_store_count_without_basis (self->store, NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("People Without a Lawful Basis"));
  {
    g_autofree char *n = sec_format_count (MAX (without, 0));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), n);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->summary_group), row);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->summary_group));

  self->people_group = adw_preferences_group_new ();
  gtk_widget_set_name (self->people_group, "people");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->people_group), _("Past the Retention Period"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->people_group),
                                         _("Tick the people whose personal data is no longer needed, then erase them."));
  button = gtk_button_new_with_mnemonic (_("_Erase…"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, self->people->len > 0);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_erase_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->people_group), button);
  if (self->people->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody is past the retention period"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->people_group), row);
    }
  for (guint i = 0; i < self->people->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->people_group),
                               make_person_row (self, g_ptr_array_index (self->people, i)));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->people_group));
}

static void
sec_privacy_dialog_finalize (GObject *object)
{
  SecPrivacyDialog *self = (SecPrivacyDialog *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (sec_privacy_dialog_parent_class)->finalize (object);
}

static void
sec_privacy_dialog_class_init (SecPrivacyDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sec_privacy_dialog_finalize;
}

static void
sec_privacy_dialog_init (SecPrivacyDialog *self)
{
  self->checks = g_ptr_array_new ();
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
}

SecPrivacyDialog *
sec_privacy_dialog_new (GtkWindow *parent,
                        SecStore  *store)
{
  SecPrivacyDialog *self;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  self = g_object_new (SEC_TYPE_PRIVACY_DIALOG,
                       "title", _("Personal Data Review"),
                       "transient-for", parent,
                       "modal", TRUE,
                       "search-enabled", FALSE,
                       "default-width", 600,
                       "default-height", 560,
                       NULL);
  self->store = g_object_ref (store);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), self->page);
  fill (self);
  return self;
}

guint
sec_privacy_dialog_get_n_people (SecPrivacyDialog *self)
{
  g_return_val_if_fail (SEC_IS_PRIVACY_DIALOG (self), 0);

  return self->people->len;
}
