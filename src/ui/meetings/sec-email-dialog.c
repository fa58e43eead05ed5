/* sec-email-dialog.c: writing a meeting's e-mails in the user's mail
 * program
 *
 * The kind, the recipients (read in a worker, shown by
 * SecEmailRecipients), the text and the attachments; the drafts are made
 * in a worker, then saved as files in another or handed to the mail
 * program through the e-mail portal (sec-email-compose.c).
 */
#define G_LOG_DOMAIN "sec-email-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-email-templates.h"
#include "core/documents/sec-meeting-emails.h"
#include "core/meetings/sec-emails.h"
#include "core/store/sec-records.h"
#include "ui/meetings/sec-email-compose.h"
#include "ui/meetings/sec-email-dialog.h"
#include "ui/meetings/sec-email-recipients.h"
#include "ui/widgets/sec-progress-strip.h"
#include "ui/widgets/sec-tool-window.h"
#include "ui/widgets/sec-toaster.h"

struct _SecEmailDialog
{
  SecMeetingWindow      parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *write_button;
  SecProgressStrip     *progress_strip;
  AdwComboRow          *kind_row;
  AdwComboRow          *status_row;
  AdwComboRow          *delivery_row;
  AdwComboRow          *language_row;
  AdwEntryRow          *subject_row;
  GtkTextView          *body_view;
  GtkCheckButton       *attach_agenda;
  GtkCheckButton       *attach_participants;
  GtkCheckButton       *attach_pack;
  GtkCheckButton       *attach_minutes;
  AdwPreferencesGroup  *recipients_group;
  SecEmailRecipients   *recipients_list;
  AdwPreferencesGroup  *left_out_group;
  SecEmailRecipients   *left_out_list;
  GtkWidget            *record_button;

  /* Owned */
  SecToaster           *toaster;
  GCancellable         *cancellable;
  GCancellable         *save_cancellable;  /* while drafts are made, then saved or written */
  char                 *saving_folder;     /* NULL: to the mail program */
  GCancellable         *load_cancellable;  /* while the recipients are read */
  GtkWidget            *loading_spinner;

  /* Borrowed */
  SecStore             *store;      /* SecMeetingWindow's */
  gint64                meeting_id;
};

G_DEFINE_FINAL_TYPE (SecEmailDialog, sec_email_dialog, SEC_TYPE_MEETING_WINDOW)

/* Helpers */

static const SecField *
status_field (void)
{
  return sec_kind_find_field (sec_kind_from_type (SEC_TYPE_PARTICIPANT), "status");
}

static SecEmailKind
get_kind (SecEmailDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < SEC_EMAIL_N_KINDS ? (SecEmailKind) selected : SEC_EMAIL_INVITATION;
}

static void
toast (SecEmailDialog *self,
       const char     *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  sec_toaster_show (self->toaster, adw_toast_new (escaped));
}

static void
update_actions (SecEmailDialog *self)
{
  gboolean loading = self->load_cancellable != NULL;
  guint n = sec_email_recipients_get_n_ticked (self->recipients_list);

  /* Nothing is made from a list still being read. One piece of work at a
   * time: the drafts of the next save would mix with its files. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "emails.write", n > 0 && !loading && self->save_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "emails.save-files",
                                 n > 0 && !loading && self->save_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "emails.cancel-save", self->save_cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "emails.record", n > 0 && !loading);
  gtk_widget_set_visible (self->loading_spinner, loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->loading_spinner), loading);
  adw_preferences_group_set_description (self->recipients_group,
                                         loading ? _("Reading the participants…")
                                         : n == 0 ? _("Nobody to write to")
                                                  : NULL);
}

/* The language of the template shown: a code of sec_document_languages (). */
static const char *
get_language (SecEmailDialog *self)
{
  const char *const *languages = sec_document_languages ();
  guint selected = adw_combo_row_get_selected (self->language_row);

  return selected < g_strv_length ((char **) languages) ? languages[selected] : languages[0];
}

/* Shows the template of the kind and language chosen. */
static void
load_template (SecEmailDialog *self)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  sec_email_template_get (self->store, get_kind (self), get_language (self), &subject, &body, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);
}

static void
stop_loading (SecEmailDialog *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
}

static void
recipients_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SecEmailDialog) self = user_data;
  g_autoptr(GPtrArray) included = NULL;
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = sec_emails_list_recipients_finish (result, &included, &left_out, &error);

  /* Replaced by another kind or status, or the dialog closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->load_cancellable != g_task_get_cancellable (G_TASK (result)))
    return;
  g_clear_object (&self->load_cancellable);
  if (!ok)
    {
      toast (self, error->message);
      update_actions (self);
      return;
    }

  /* All in one change of each list's model: its view makes the rows in
   * sight alone, whatever the meeting's size. */
  gtk_widget_set_visible (GTK_WIDGET (self->recipients_list), included->len > 0);
  sec_email_recipients_set (self->recipients_list, included);
  sec_email_recipients_set (self->left_out_list, left_out);
  gtk_widget_set_visible (GTK_WIDGET (self->left_out_group), left_out->len > 0);
  update_actions (self);
}

/* The recipients of the kind and status chosen, read in a worker (a
 * meeting of thousands takes a while): each ticked, to be taken out one
 * by one; those left out below. */
static void
load_recipients (SecEmailDialog *self)
{
  const SecField *field = status_field ();
  guint status = adw_combo_row_get_selected (self->status_row);
  const char *statuses[2] = { NULL, NULL };

  stop_loading (self);
  sec_email_recipients_set (self->recipients_list, NULL);
  sec_email_recipients_set (self->left_out_list, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->left_out_group), FALSE);
  /* 0: the kind's usual recipients; then the statuses in order. */
  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    statuses[0] = field->choices[status - 1].nick;

  self->load_cancellable = g_cancellable_new ();
  update_actions (self);
  sec_emails_list_recipients_async (self->store, self->meeting_id, get_kind (self),
                                    statuses[0] != NULL ? statuses : NULL, self->load_cancellable,
                                    recipients_read_cb, g_object_ref (self));
}

/* Callbacks */

static void
on_kind_changed (SecEmailDialog *self)
{
  SecEmailKind kind = get_kind (self);

  /* The documents each message usually carries. */
  gtk_check_button_set_active (self->attach_agenda, kind == SEC_EMAIL_INVITATION || kind == SEC_EMAIL_REMINDER ||
                                                    kind == SEC_EMAIL_INFORMATION);
  gtk_check_button_set_active (self->attach_participants, kind == SEC_EMAIL_INFORMATION);
  gtk_check_button_set_active (self->attach_pack, FALSE);
  gtk_check_button_set_active (self->attach_minutes, kind == SEC_EMAIL_THANKS);
  if (self->store != NULL)
    {
      load_template (self);
      load_recipients (self);
    }
}

static void
on_language_changed (SecEmailDialog *self)
{
  if (self->store != NULL)
    load_template (self);
}

static void
on_status_changed (SecEmailDialog *self)
{
  if (self->store != NULL)
    load_recipients (self);
}

/* Actions */

/* The options of what the dialog shows; its ids in @ids. */
static SecMeetingEmailOptions
get_options (SecEmailDialog *self,
             GArray         *ids)
{
  SecMeetingEmailOptions options = {
    .kind = get_kind (self),
    .participant_ids = ids,
    .everyone_in_bcc = adw_combo_row_get_selected (self->delivery_row) == 1,
    .paper = sec_paper_get_default (),
  };

  if (gtk_check_button_get_active (self->attach_agenda))
    options.attachments |= SEC_EMAIL_ATTACH_AGENDA;
  if (gtk_check_button_get_active (self->attach_participants))
    options.attachments |= SEC_EMAIL_ATTACH_PARTICIPANTS;
  if (gtk_check_button_get_active (self->attach_pack))
    options.attachments |= SEC_EMAIL_ATTACH_PACK;
  if (gtk_check_button_get_active (self->attach_minutes))
    options.attachments |= SEC_EMAIL_ATTACH_MINUTES;
  return options;
}

static void start_making (SecEmailDialog *self,
                          const char     *folder);

static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SecEmailDialog *self = SEC_EMAIL_DIALOG (widget);

  if (self->save_cancellable == NULL)
    start_making (self, NULL);
}

/* The mail program's answers, or why it could not have them. */
static void
on_compose_tell (const char *text,
                 gpointer    user_data)
{
  toast (SEC_EMAIL_DIALOG (user_data), text);
}

static void
on_save_progress (double   fraction,
                  gpointer user_data)
{
  SecEmailDialog *self = user_data;

  if (self->progress_strip != NULL)
    sec_progress_strip_set_fraction (self->progress_strip, fraction);
}

/* The strip shown while the drafts are made (then saved in @folder, or
 * handed to the mail program when NULL), or hidden (@busy FALSE). */
static void
set_saving (SecEmailDialog *self,
            gboolean        busy,
            const char     *folder)
{
  g_clear_object (&self->save_cancellable);
  g_clear_pointer (&self->saving_folder, g_free);
  if (busy)
    {
      self->save_cancellable = g_cancellable_new ();
      self->saving_folder = g_strdup (folder);
      sec_progress_strip_set_fraction (self->progress_strip, 0.0);
      sec_progress_strip_set_text (self->progress_strip, _("Preparing the drafts…"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_strip), busy);
  update_actions (self);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SecEmailDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;
  guint n = 0;
  gboolean done = sec_meeting_emails_write_finish (result, &n, &error);

  /* Closed meanwhile (which cancelled it): nobody to tell. */
  if (self->toast_overlay == NULL)
    return;
  display = g_filename_display_name (self->saving_folder);
  set_saving (self, FALSE, NULL);
  if (done)
    text = g_strdup_printf (ngettext ("%u draft saved in “%s”", "%u drafts saved in “%s”", n), n, display);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: %s is a folder */
    text = g_strdup_printf (_("Saving cancelled: no draft was left in “%s”"), display);
  else
    {
      sec_tool_window_show_error (GTK_WIDGET (self), _("Could Not Save the Drafts"), error);
      return;
    }
  toast (self, text);
}

static void
made_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SecEmailDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  SecMeetingEmails *emails = sec_meeting_emails_new_finish (result, &error);

  /* Closed meanwhile (which cancelled it): nobody to tell. */
  if (self->toast_overlay == NULL)
    {
      sec_meeting_emails_free (emails);
      return;
    }
  if (emails != NULL && g_cancellable_is_cancelled (self->save_cancellable))
    {
      g_clear_pointer (&emails, sec_meeting_emails_free);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "");
    }
  if (emails == NULL)
    {
      set_saving (self, FALSE, NULL);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("Cancelled: no draft was made"));
      else
        toast (self, error->message);
      return;
    }
  if (self->saving_folder == NULL)
    {
      set_saving (self, FALSE, NULL);
      sec_email_compose (GTK_WINDOW (self), emails, self->cancellable, on_compose_tell, self);
      return;
    }
  /* Written in a worker too; the dialog lives until save_done_cb (),
   * which holds a reference: the progress stops being told before it
   * runs. */
  sec_progress_strip_set_fraction (self->progress_strip, 0.0);
  sec_progress_strip_set_text (self->progress_strip, _("Saving the drafts…"));
  sec_meeting_emails_write_async (emails, self->saving_folder, on_save_progress, self, self->save_cancellable,
                                  save_done_cb, g_object_ref (self));
}

/* Makes the drafts of what the dialog shows in a worker, the strip
 * showing how far with Cancel; then saves them in @folder (NULL: hands
 * them to the mail program). */
static void
start_making (SecEmailDialog *self,
              const char     *folder)
{
  g_autoptr(GArray) ids = sec_email_recipients_dup_ticked_ids (self->recipients_list);
  SecMeetingEmailOptions options = get_options (self, ids);

  set_saving (self, TRUE, folder);
  sec_meeting_emails_new_async (self->store, self->meeting_id, &options, on_save_progress, self,
                                self->save_cancellable, made_cb, g_object_ref (self));
}

static void
cancel_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SecEmailDialog *self = SEC_EMAIL_DIALOG (widget);

  g_cancellable_cancel (self->save_cancellable);
}

static void
on_files_chooser_response (GtkNativeDialog *chooser,
                           int              response,
                           SecEmailDialog  *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_debug ("Saving drafts: response %d, folder %s", response, folder ? g_file_peek_path (folder) : "(none)");
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (folder != NULL)
    sec_email_dialog_save_to_folder (self, folder);
  g_object_unref (self);
}

static void
save_files_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SecEmailDialog *self = SEC_EMAIL_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Drafts in a Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_files_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SecEmailDialog *self = SEC_EMAIL_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!sec_email_template_set (self->store, get_kind (self), get_language (self),
                               gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), body, &error))
    toast (self, error->message);
  else
    toast (self, _("Text saved"));
}

static void
reset_template_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SecEmailDialog *self = SEC_EMAIL_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!sec_email_template_set (self->store, get_kind (self), get_language (self), NULL, NULL, &error))
    toast (self, error->message);
  load_template (self);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecEmailDialog *self = SEC_EMAIL_DIALOG (widget);
  g_autoptr(GArray) ids = sec_email_recipients_dup_ticked_ids (self->recipients_list);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!sec_emails_record_sent (self->store, self->meeting_id, get_kind (self), (gint64 *) (void *) ids->data,
                               ids->len, &error))
    {
      toast (self, error->message);
      return;
    }
  /* TRANSLATORS: "Invitation recorded for 12 participants" */
  text = g_strdup_printf (ngettext ("%s recorded for %u participant", "%s recorded for %u participants", ids->len),
                          sec_email_kind_get_label (get_kind (self)), ids->len);
  toast (self, text);
}

/* Overrides */

static void
sec_email_dialog_constructed (GObject *object)
{
  SecEmailDialog *self = (SecEmailDialog *) object;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sec_email_dialog_parent_class)->constructed (object);

  for (guint i = 0; i < SEC_EMAIL_N_KINDS; i++)
    gtk_string_list_append (kinds, sec_email_kind_get_label ((SecEmailKind) i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  /* TRANSLATORS: who a message goes to: the participants it is meant for
   * (the invited for an invitation, the confirmed for practical
   * information...) */
  gtk_string_list_append (statuses, _("Its usual recipients"));
  for (const SecChoice *c = status_field ()->choices; c->nick != NULL; c++)
    gtk_string_list_append (statuses, _(c->label));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  for (const char *const *l = sec_document_languages (); *l != NULL; l++)
    gtk_string_list_append (languages, sec_document_language_name (*l));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages));
  /* The user's own language first shown. */
  {
    const char *mine = sec_email_template_pick_language (NULL);

    for (guint i = 0; sec_document_languages ()[i] != NULL; i++)
      if (g_str_equal (sec_document_languages ()[i], mine))
        adw_combo_row_set_selected (self->language_row, i);
  }

  self->store = sec_meeting_window_get_store (SEC_MEETING_WINDOW (self));
  self->meeting_id = sec_meeting_window_get_meeting_id (SEC_MEETING_WINDOW (self));
  g_assert (SEC_IS_STORE (self->store));
  on_kind_changed (self);
}

/* Closing stops a save: its files go, as with Cancel. */
static gboolean
sec_email_dialog_close_request (GtkWindow *window)
{
  SecEmailDialog *self = SEC_EMAIL_DIALOG (window);

  g_cancellable_cancel (self->save_cancellable);
  stop_loading (self);
  return GTK_WINDOW_CLASS (sec_email_dialog_parent_class)->close_request (window);
}

static void
sec_email_dialog_dispose (GObject *object)
{
  SecEmailDialog *self = (SecEmailDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->save_cancellable);
  stop_loading (self);
  g_clear_object (&self->toaster);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_EMAIL_DIALOG);

  G_OBJECT_CLASS (sec_email_dialog_parent_class)->dispose (object);
}

static void
sec_email_dialog_finalize (GObject *object)
{
  SecEmailDialog *self = (SecEmailDialog *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->save_cancellable);
  g_free (self->saving_folder);

  G_OBJECT_CLASS (sec_email_dialog_parent_class)->finalize (object);
}

static void
sec_email_dialog_class_init (SecEmailDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sec_email_dialog_constructed;
  object_class->dispose = sec_email_dialog_dispose;
  object_class->finalize = sec_email_dialog_finalize;
  window_class->close_request = sec_email_dialog_close_request;

  g_type_ensure (SEC_TYPE_PROGRESS_STRIP);
  g_type_ensure (SEC_TYPE_EMAIL_RECIPIENTS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-email-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, write_button);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, progress_strip);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, attach_agenda);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, attach_participants);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, attach_pack);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, attach_minutes);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, recipients_group);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, recipients_list);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, left_out_group);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, left_out_list);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, SecEmailDialog, loading_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed);

  gtk_widget_class_install_action (widget_class, "emails.write", NULL, write_action);
  gtk_widget_class_install_action (widget_class, "emails.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "emails.save-files", NULL, save_files_action);
  gtk_widget_class_install_action (widget_class, "emails.cancel-save", NULL, cancel_save_action);
  gtk_widget_class_install_action (widget_class, "emails.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "emails.reset-template", NULL, reset_template_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sec_email_dialog_init (SecEmailDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->recipients_list, "notify::n-ticked", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  self->cancellable = g_cancellable_new ();
  self->toaster = sec_toaster_new (self->toast_overlay);
}

/* Public API */

/**
 * sec_email_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the dialog
 */
SecEmailDialog *
sec_email_dialog_new (GtkWindow *parent,
                      SecStore  *store,
                      gint64     meeting_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  return g_object_new (SEC_TYPE_EMAIL_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
}

/**
 * sec_email_dialog_save_to_folder:
 * @folder: where the .eml files go
 *
 * Saves the drafts of what the dialog shows as files in @folder, in a
 * worker thread, with the progress strip and its Cancel.
 */
void
sec_email_dialog_save_to_folder (SecEmailDialog *self,
                                 GFile          *folder)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SEC_IS_EMAIL_DIALOG (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->save_cancellable != NULL)
    return;
  if ((path = g_file_get_path (folder)) == NULL)
    {
      toast (self, _("Drafts can only be saved in a folder of this computer"));
      return;
    }
  /* Made in a worker (on a connection of its own), then written in one. */
  start_making (self, path);
}

gboolean
sec_email_dialog_get_saving (SecEmailDialog *self)
{
  g_return_val_if_fail (SEC_IS_EMAIL_DIALOG (self), FALSE);

  return self->save_cancellable != NULL;
}

gboolean
sec_email_dialog_get_loading (SecEmailDialog *self)
{
  g_return_val_if_fail (SEC_IS_EMAIL_DIALOG (self), FALSE);

  return self->load_cancellable != NULL;
}
