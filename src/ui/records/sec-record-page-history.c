/* sec-record-page-history.c: a record's history of changes, and a
 * person's data-protection state, on the record page
 *
 * Part of SecRecordPage (see sec-record-page-private.h). The history is an
 * expander at the end of the page, newest change first; a changed field's
 * earlier value can be put back from it (page.restore-value), which the
 * store records as one more change. Its rows are made when it is first
 * unfolded: folded, an AdwExpanderRow still makes and measures its rows,
 * up to 100 of them at each record shown (issue 16: on a server copy of
 * the big file, half of the time an organisation's page took to be made).
 * It stays unfolded while the same record is shown again (after a value
 * is put back, or another member of staff's change).
 */
#define G_LOG_DOMAIN "sec-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/store/sec-store-history.h"
#include "ui/records/sec-record-page.h"
#include "ui/records/sec-record-page-private.h"
#include "ui/widgets/sec-detail-row.h"

/* The newest changes shown; the command line prints them all. */
#define MAX_HISTORY 100

static const char *
field_label (const SecKind *kind,
             const char    *column)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *c = sec_field_column (&kind->fields[i]);
      if (g_str_equal (c, column))
        return _(kind->fields[i].label);
    }
  return column;
}

static GtkWidget *
new_entry_row (SecRecordPage   *self,
               const SecKind   *kind,
               SecHistoryEntry *e)
{
  g_autofree char *when = sec_format_utc_datetime (e->at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (g_str_equal (e->action, "update"))
    {
      /* Translators: a change in a record's history: "Email: a@example.org → b@example.org" */
      title = g_strdup_printf (_("%s: %s → %s"), field_label (kind, e->field),
                               e->old_value ? e->old_value : "—", e->new_value ? e->new_value : "—");
    }
  else if (g_str_equal (e->action, "insert"))
    title = g_strdup (_("Created"));
  else if (g_str_equal (e->action, "delete"))
    title = g_strdup (_("Deleted"));
  else
    title = g_strdup (_("Personal data erased"));
  /* Translators: when and by whom a change was made: "6 December 2026, 09:44 · jdoe" */
  subtitle = g_strdup_printf (_("%s · %s"), when, e->user ? e->user : "?");

  /* Plain text, never markup (an address may hold "&"); measured width
   * first, as the page's other rows (sec-detail-row.c). */
  row = sec_detail_row_new (title, subtitle);
  sec_detail_row_set_title_lines (SEC_DETAIL_ROW (row), 3);
  if (g_str_equal (e->action, "update") && e->old_value != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Put This Value Back"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.restore-value");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", e->id);
      sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), button);
    }
  return row;
}

/* The rows of @expander's entries (newest first), the first time it is
 * unfolded; whether it is unfolded is kept for the same record. */
static void
on_history_expanded (AdwExpanderRow *expander,
                     GParamSpec     *pspec,
                     SecRecordPage  *self)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (expander), "sec-history-entries");
  const SecKind *kind = g_object_get_data (G_OBJECT (expander), "sec-history-kind");
  guint shown = 0;

  self->history_expanded = adw_expander_row_get_expanded (expander);
  if (!self->history_expanded || entries == NULL)
    return;
  for (guint i = entries->len; i > 0 && shown < MAX_HISTORY; i--, shown++)
    adw_expander_row_add_row (expander, new_entry_row (self, kind, g_ptr_array_index (entries, i - 1)));
  g_object_set_data (G_OBJECT (expander), "sec-history-entries", NULL);
}

void
_sec_record_page_add_history (SecRecordPage *self,
                              SecRecord     *record)
{
  const SecKind *kind = sec_record_get_kind (record);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *count = NULL;
  GtkWidget *group, *expander;

  entries = sec_store_list_history (self->store, G_OBJECT_TYPE (record), sec_record_get_id (record), NULL);
  if (entries == NULL || entries->len == 0)
    return;

  group = _sec_record_page_new_group (NULL);
  gtk_widget_set_name (group, "history");
  expander = adw_expander_row_new ();
  count = sec_format_count (entries->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("History of Changes"));
  {
    g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s change", "%s changes",
                                                              entries->len), count);
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  }
  g_object_set_data (G_OBJECT (expander), "sec-history-kind", (gpointer) kind);
  g_object_set_data_full (G_OBJECT (expander), "sec-history-entries", g_ptr_array_ref (entries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (on_history_expanded), self, 0);
  if (self->history_expanded)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  gtk_box_append (self->sections, group);
}

/* A person's data protection: a warning before the details when the basis
 * on which their data is held is missing, or they are restricted. */
void
_sec_record_page_add_privacy (SecRecordPage *self,
                              SecRecord     *record)
{
  GtkWidget *group, *row;
  const char *title = NULL;
  const char *subtitle = NULL;

  if (!g_str_equal (sec_record_get_kind (record)->name, "person"))
    return;
  if (sec_record_get_string (record, "erased-on") != NULL)
    {
      title = _("Personal data erased");
      subtitle = _("Only an anonymous placeholder is kept, so that past meetings keep their counts.");
    }
  else if (sec_record_get_string (record, "lawful-basis") == NULL)
    {
      title = _("No lawful basis recorded");
      subtitle = _("Record on which basis this person’s data is held: consent, membership of a body or a task in the public interest.");
    }
  else if (sec_record_get_bool (record, "restricted"))
    {
      title = _("Restricted");
      subtitle = _("Not to be contacted: left out of invitations and exported lists.");
    }
  if (title == NULL)
    return;

  group = _sec_record_page_new_group (NULL);
  gtk_widget_set_name (group, "privacy");
  row = sec_detail_row_new (title, subtitle);
  sec_detail_row_add_prefix (SEC_DETAIL_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (row, "warning");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (self->sections, group);
}

void
_sec_record_page_restore_value (SecRecordPage *self,
                                gint64         entry_id)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  if (self->store == NULL || sec_store_restore_history_value (self->store, entry_id, &error))
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Value Could Not Be Put Back"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
