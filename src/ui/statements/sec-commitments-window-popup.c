/* sec-commitments-window-popup.c: the popover of a commitments cell
 *
 * Opening a cell makes its popover: the status (one of four, keyed 1–4), the
 * date, a note and an evidence link; Save (or Enter in a text row) checks the
 * date and the link and writes them through the window.
 */
#define G_LOG_DOMAIN "sec-commitments-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/statements/sec-commitments-window.h"
#include "ui/statements/sec-commitments-window-private.h"
#include "ui/widgets/sec-date-row.h"
#include "core/base/sec-format.h"

/* The popover of a cell while it is open. */
typedef struct {
  Cell       *cell;               /* borrowed */
  GtkWidget  *checks[SEC_FOLLOW_UP_N_STATUSES];
  GtkWidget  *date_row;
  GtkWidget  *note_row;
  GtkWidget  *evidence_row;
  GtkWidget  *error_label;
} Popup;

static void
on_popup_save (Popup *popup)
{
  Cell *cell = popup->cell;
  SecCommitmentsWindow *self = cell->window;
  g_autoptr(GError) error = NULL;
  SecFollowUpStatus status = SEC_FOLLOW_UP_NOT_STARTED;
  const char *date = sec_date_row_get_value (SEC_DATE_ROW (popup->date_row));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (popup->note_row))));
  g_autofree char *evidence = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (popup->evidence_row))));
  g_autoptr(GtkWidget) button = g_object_ref (cell->button);

  for (guint s = 0; s < SEC_FOLLOW_UP_N_STATUSES; s++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (popup->checks[s])))
      status = (SecFollowUpStatus) s;

  if (date != NULL && !sec_check_date (date))
    g_set_error (&error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                 _("“%s” is not a date (year-month-day)"), date);
  else if (*evidence && !sec_check_url (evidence))
    g_set_error (&error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                 _("“%s” is not a web address (https://…)"), evidence);

  if (error != NULL || !_sec_commitments_window_set_cell (self, cell, status, date, note, evidence, &error))
    {
      gtk_label_set_text (GTK_LABEL (popup->error_label), error->message);
      gtk_widget_set_visible (popup->error_label, TRUE);
      gtk_widget_error_bell (popup->error_label);
      return;
    }
  /* The popup went with its popover, and the cell with it if the grid was
   * made again: only the button, held here, is still known. */
  if (gtk_widget_get_parent (button) != NULL)
    {
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      gtk_widget_grab_focus (button);
    }
}

static GtkWidget *
new_popup_entry (const char *title,
                 const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

/* Makes @button's popover when it opens: the cell's status, date, note and
 * evidence, read afresh. */
void
_sec_commitments_window_create_popup_cb (GtkMenuButton *button,
                                         gpointer       user_data)
{
  Cell *cell = user_data;
  SecCommitmentsWindow *self = cell->window;
  const SecGridCell *data = sec_statement_grid_get_cell (self->data, cell->row, cell->column);
  SecRecord *commitment = SEC_RECORD (sec_statement_grid_get_commitment (self->data, cell->row));
  SecRecord *signatory = SEC_RECORD (sec_statement_grid_get_signatory (self->data, cell->column));
  g_autofree char *name = _sec_commitments_window_dup_signatory_long_name (signatory);
  /* Translators: the heading of a cell's popover, "Commitment 2 in 2020" */
  g_autofree char *heading = g_strdup_printf (_("Commitment %u in %d"), cell->row + 1,
                                              sec_commitments_window_get_year (self));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *statuses = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *label;
  Popup *popup = g_new0 (Popup, 1);

  popup->cell = cell;
  g_object_set_data_full (G_OBJECT (popover), "sec-popup", popup, g_free);
  gtk_widget_set_size_request (box, 340, -1);

  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (sec_record_get_string (commitment, "text"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (statuses), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  for (guint s = 0; s < SEC_FOLLOW_UP_N_STATUSES; s++)
    {
      /* Translators: a status with its key, "3 – Done" */
      g_autofree char *text = g_strdup_printf (_("%u – %s"), s + 1, sec_follow_up_status_label (s));

      popup->checks[s] = gtk_check_button_new_with_label (text);
      if (s > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (popup->checks[s]), GTK_CHECK_BUTTON (popup->checks[0]));
      gtk_box_append (GTK_BOX (statuses), popup->checks[s]);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (popup->checks[data->status]), TRUE);
  gtk_box_append (GTK_BOX (box), statuses);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  popup->date_row = sec_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (popup->date_row), _("Date (empty: today)"));
  sec_date_row_set_value (SEC_DATE_ROW (popup->date_row), data->date);
  popup->note_row = new_popup_entry (_("Note"), data->note);
  popup->evidence_row = new_popup_entry (_("Evidence link"), data->evidence);
  gtk_list_box_append (GTK_LIST_BOX (list), popup->date_row);
  gtk_list_box_append (GTK_LIST_BOX (list), popup->note_row);
  gtk_list_box_append (GTK_LIST_BOX (list), popup->evidence_row);
  gtk_box_append (GTK_BOX (box), list);

  popup->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (popup->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (popup->error_label), 0);
  gtk_widget_add_css_class (popup->error_label, "error");
  gtk_widget_set_visible (popup->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), popup->error_label);

  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);

  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_popup_save), popup);
  /* Enter in a text row saves, as the button does. */
  g_signal_connect_swapped (popup->note_row, "entry-activated", G_CALLBACK (on_popup_save), popup);
  g_signal_connect_swapped (popup->evidence_row, "entry-activated", G_CALLBACK (on_popup_save), popup);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), save);
  gtk_menu_button_set_popover (button, popover);
}
