/* sec-record-editor.c: a window to create or edit one record
 *
 * The form is built from the record's SecKind: a row per field, the kind of
 * row following the field's type. Every change goes straight into a copy of
 * the record and is validated there, field by field, with the store's own
 * rules and its UNIQUE constraints, so what the form accepts is what the
 * store accepts. Nothing typed is lost: a failed save leaves the form as it
 * is, and closing with changes asks first.
 *
 * The form itself (its rows, their changes, validation) is in
 * sec-record-editor-form.c; this file saves and closes.
 */
#define G_LOG_DOMAIN "sec-record-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/meetings/sec-agenda.h"
#include "core/calls/sec-calls.h"
#include "ui/records/sec-record-editor.h"
#include "ui/records/sec-record-editor-private.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store-meetings.h"
#include "ui/records/sec-conflict-dialog.h"
#include "ui/widgets/sec-record-picker-row.h"

G_DEFINE_FINAL_TYPE (SecRecordEditor, sec_record_editor, ADW_TYPE_WINDOW)

/* Helpers */

static void
field_editor_free (FieldEditor *fe)
{
  g_free (fe->problem);
  g_free (fe);
}

int
_sec_record_editor_field_position (SecRecordEditor *self,
                                   const char      *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldEditor *fe = g_ptr_array_index (self->fields, i);
      if (g_str_equal (fe->field->name, name))
        return (int) i;
    }
  return -1;
}

gboolean
_sec_record_editor_is_meeting (SecRecordEditor *self)
{
  return self->kind == SEC_TYPE_MEETING;
}

static FieldEditor *
find_field (SecRecordEditor *self,
            const char      *name)
{
  int i = _sec_record_editor_field_position (self, name);

  return i < 0 ? NULL : g_ptr_array_index (self->fields, i);
}

GHashTable *
_sec_record_editor_new_id_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

void
_sec_record_editor_id_set_add (GHashTable *set,
                               gint64      key,
                               gint64      value)
{
  gint64 *k = g_new (gint64, 1);
  gint64 *v = g_new (gint64, 1);

  *k = key;
  *v = value;
  g_hash_table_replace (set, k, v);
}

static gint64
check_body_id (GtkWidget *check)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (check), "body-id");
}

/* The bodies checked now. */
GHashTable *
_sec_record_editor_checked_bodies (SecRecordEditor *self)
{
  GHashTable *set = _sec_record_editor_new_id_set ();

  for (guint i = 0; self->body_checks && i < self->body_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->body_checks, i);
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        _sec_record_editor_id_set_add (set, check_body_id (check), 0);
    }
  return set;
}

static gboolean
same_id_sets (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

gboolean
_sec_record_editor_is_modified (SecRecordEditor *self)
{
  if (!sec_record_equal (self->record, self->baseline))
    return TRUE;
  if (_sec_record_editor_is_meeting (self))
    {
      g_autoptr(GHashTable) now = _sec_record_editor_checked_bodies (self);
      return !same_id_sets (now, self->baseline_bodies);
    }
  return FALSE;
}

gboolean
_sec_record_editor_is_creating (SecRecordEditor *self)
{
  return sec_record_get_id (self->record) == 0;
}

/* Saving */

static gboolean
save_bodies (SecRecordEditor  *self,
             gint64            meeting_id,
             GError          **error)
{
  g_autoptr(GHashTable) wanted = _sec_record_editor_checked_bodies (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  /* What was stored, for the window's undo (see record_to_variant ()). */
  g_clear_pointer (&self->saved_over_bodies, g_array_unref);
  self->saved_over_bodies = sec_store_get_meeting_body_ids (self->store, meeting_id, error);
  if (self->saved_over_bodies == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  return sec_store_set_meeting_body_ids (self->store, meeting_id, (const gint64 *) (gpointer) ids->data,
                                         ids->len, error);
}

/* An agenda item or speaker changed: a final agenda gets a new version. */
static gboolean
note_agenda_change (SecRecordEditor  *self,
                    SecRecord        *saved,
                    GError          **error)
{
  gint64 meeting = 0;

  if (self->kind == SEC_TYPE_AGENDA_ITEM)
    {
      /* Moved to another meeting: both agendas changed. */
      if (sec_record_get_ref (self->baseline, "meeting") != 0 &&
          sec_record_get_ref (self->baseline, "meeting") != sec_record_get_ref (saved, "meeting") &&
          !sec_agenda_note_change (self->store, sec_record_get_ref (self->baseline, "meeting"), error))
        return FALSE;
      meeting = sec_record_get_ref (saved, "meeting");
    }
  else if (self->kind == SEC_TYPE_AGENDA_SPEAKER)
    {
      g_autoptr(SecRecord) item = sec_store_get (self->store, SEC_TYPE_AGENDA_ITEM,
                                                 sec_record_get_ref (saved, "agenda-item"), error);
      if (item == NULL)
        return FALSE;
      meeting = sec_record_get_ref (item, "meeting");
    }

  return meeting == 0 || sec_agenda_note_change (self->store, meeting, error);
}

/* "Selected" is a membership of the call's body: an outcome changed to or
 * from it goes through sec_application_select () (the membership from
 * today; the applications window asks for the day) and
 * sec_application_unselect (), after the other fields are saved. */
static gboolean
write_application (SecRecordEditor  *self,
                   SecCall          *call,
                   SecApplication   *application,
                   gboolean          creating,
                   GError          **error)
{
  SecRecord *saved = SEC_RECORD (application);
  g_autofree char *outcome = g_strdup (sec_record_get_string (saved, "outcome"));
  g_autofree char *before = g_strdup (creating ? "pending" : sec_record_get_string (self->baseline, "outcome"));
  gboolean selecting = g_strcmp0 (outcome, "selected") == 0 && g_strcmp0 (before, "selected") != 0;
  gboolean unselecting = g_strcmp0 (before, "selected") == 0 && g_strcmp0 (outcome, "selected") != 0;

  if (selecting || unselecting)
    sec_record_set_string (saved, "outcome", before);
  if (!(creating ? sec_call_add_application (self->store, call, application, NULL, error)
                 : sec_application_save (self->store, application, error)))
    return FALSE;
  if (selecting)
    return sec_application_select (self->store, application, NULL, error);
  if (unselecting)
    {
      if (!sec_application_unselect (self->store, application, error))
        return FALSE;
      if (g_strcmp0 (outcome, "pending") != 0)
        {
          sec_record_set_string (saved, "outcome", outcome);
          return sec_application_save (self->store, application, error);
        }
    }
  return TRUE;
}

/* Writes the record the way the core keeps its rules: calls, applications
 * and errata through sec-calls.h (late flags, versions, eligibility), an
 * agenda's state through sec-agenda.h; the rest as it is. */
static gboolean
write_record (SecRecordEditor  *self,
              SecRecord        *saved,
              gboolean          creating,
              GError          **error)
{
  if (self->kind == SEC_TYPE_CALL)
    return sec_call_save (self->store, SEC_CALL (saved), error);

  if (self->kind == SEC_TYPE_APPLICATION || self->kind == SEC_TYPE_ERRATUM)
    {
      g_autoptr(SecRecord) call = sec_store_get (self->store, SEC_TYPE_CALL,
                                                 sec_record_get_ref (saved, "call"), error);

      if (call == NULL)
        return FALSE;
      if (self->kind == SEC_TYPE_ERRATUM)
        return sec_call_save_erratum (self->store, SEC_CALL (call), SEC_ERRATUM (saved), error);
      return write_application (self, SEC_CALL (call), SEC_APPLICATION (saved), creating, error);
    }

  if (_sec_record_editor_is_meeting (self))
    {
      /* Final or draft again goes through the agenda's versions. */
      const char *status = sec_record_get_string (saved, "agenda-status");
      const char *before = sec_record_get_string (self->baseline, "agenda-status");
      gboolean final = g_strcmp0 (status, "final") == 0;

      if (!creating && g_strcmp0 (status, before) != 0)
        {
          sec_record_set_string (saved, "agenda-status", before);
          if (!sec_store_update (self->store, saved, error) ||
              !sec_agenda_set_final (self->store, sec_record_get_id (saved), final, error))
            return FALSE;
          return TRUE;
        }
      if (creating && final)
        {
          sec_record_set_string (saved, "agenda-status", "draft");
          return sec_store_insert (self->store, saved, error) &&
                 sec_agenda_set_final (self->store, sec_record_get_id (saved), TRUE, error);
        }
    }

  if (!(creating ? sec_store_insert (self->store, saved, error)
                 : sec_store_update (self->store, saved, error)))
    return FALSE;
  return note_agenda_change (self, saved, error);
}

/* Writes a copy of the copy, so that a failure leaves the form as it was. */
static gboolean
save (SecRecordEditor  *self,
      gint64           *id,
      GError          **error)
{
  g_autoptr(SecRecord) saved = sec_record_copy (self->record);
  gboolean creating = _sec_record_editor_is_creating (self);

  if (!sec_store_begin (self->store, error))
    return FALSE;

  if (!write_record (self, saved, creating, error) ||
      (_sec_record_editor_is_meeting (self) && !save_bodies (self, sec_record_get_id (saved), error)))
    {
      sec_store_rollback (self->store);
      return FALSE;
    }

  if (!sec_store_commit (self->store, error))
    {
      sec_store_rollback (self->store);
      return FALSE;
    }

  *id = sec_record_get_id (saved);
  return TRUE;
}

/* The record's fields as text, to put them back after an undo; for a
 * meeting also its bodies as they were, as "meeting-bodies" (ids separated
 * by commas), which is no field. */
static GVariant *
record_to_variant (SecRecordEditor *self)
{
  const SecKind *kind = sec_record_get_kind (self->baseline);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *text = sec_record_dup_text (self->baseline, kind->fields[i].name);
      g_variant_builder_add (&builder, "{ss}", kind->fields[i].name, text);
    }
  if (self->saved_over_bodies != NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < self->saved_over_bodies->len; i++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                g_array_index (self->saved_over_bodies, gint64, i));
      g_variant_builder_add (&builder, "{ss}", "meeting-bodies", ids->str);
    }
  return g_variant_builder_end (&builder);
}

/* Someone else saved the record meanwhile */

static gboolean
save_idle_cb (gpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (data), "editor.save", NULL);
  return G_SOURCE_REMOVE;
}

/* Goes on from what the conflict dialog gave: the form shows it, at the
 * version stored now, which is also what "modified" and an undo compare
 * with; then saves it, unless it is theirs as it is. */
static void
on_conflict_response (SecRecordEditor   *self,
                      const char        *response,
                      SecConflictDialog *dialog)
{
  g_autoptr(SecRecord) result = sec_conflict_dialog_dup_result (dialog, response);
  const SecKind *kind = sec_record_get_kind (self->record);

  for (guint i = 0; i < kind->n_fields; i++)
    g_object_set_property (G_OBJECT (self->record), kind->fields[i].name,
                           sec_record_get_value (result, kind->fields[i].name));
  sec_record_set_version (self->record, sec_record_get_version (result));
  g_clear_object (&self->baseline);
  self->baseline = sec_conflict_dialog_dup_result (dialog, "theirs");
  for (guint i = 0; i < self->fields->len; i++)
    _sec_record_editor_load_field (self, g_ptr_array_index (self->fields, i));
  _sec_record_editor_update_title (self);
  _sec_record_editor_validate (self);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);

  /* After the dialog has gone: a save closes this window, its parent. */
  if (!g_str_equal (response, "theirs"))
    g_idle_add_full (G_PRIORITY_DEFAULT, save_idle_cb, g_object_ref (self), g_object_unref);
}

/* Shows the conflict dialog; FALSE when the stored record cannot be read
 * (the error says why as it is). */
static gboolean
show_conflict (SecRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) theirs = sec_store_get (self->store, self->kind, sec_record_get_id (self->record), &error);
  SecConflictDialog *dialog;

  if (theirs == NULL)
    {
      g_debug ("Cannot read the record saved by someone else: %s", error->message);
      return FALSE;
    }
  dialog = sec_conflict_dialog_new (GTK_WINDOW (self), self->store, self->record, theirs, self->baseline);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecRecordEditor *self = SEC_RECORD_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecordPickerRow) picker = NULL;
  gboolean creating = _sec_record_editor_is_creating (self);
  GtkWindow *parent;
  gint64 id = 0;

  /* The shortcut can come while Save is off: show why instead. */
  self->show_all_problems = TRUE;
  _sec_record_editor_validate (self);
  if (!self->can_save)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (!save (self, &id, &error))
    {
      /* The user's values stay in the form whatever they choose there. */
      if (g_error_matches (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONFLICT) && show_conflict (self))
        return;
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  picker = g_weak_ref_get (&self->picker);
  if (picker != NULL)
    /* Made from a picker's search: chosen there, the user stays where
     * they were. */
    sec_record_picker_row_set_record_id (picker, id);
  else if (parent != NULL)
    {
      /* An edit can be undone from the window (see win.undo). */
      if (!creating)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.record-edited", "(sx@a{ss})",
                                    sec_kind_from_type (self->kind)->name, id,
                                    record_to_variant (self));
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-record", "(sx)",
                                  sec_kind_from_type (self->kind)->name, id);
    }
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SecRecordEditor *self = SEC_RECORD_EDITOR (widget);

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
show_missing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _sec_record_editor_show_missing (SEC_RECORD_EDITOR (widget));
}

/* Closing */

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (SecRecordEditor *self,
                     const char      *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->closing = TRUE;
  /* Not while the dialog, which is transient for us, is still answering. */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_cb, g_object_ref (self), g_object_unref);
}

static gboolean
sec_record_editor_close_request (GtkWindow *window)
{
  SecRecordEditor *self = SEC_RECORD_EDITOR (window);
  GtkWidget *dialog;

  if (self->closing || !_sec_record_editor_is_modified (self))
    return GTK_WINDOW_CLASS (sec_record_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard changes?"),
                                   _("The changes made in this window will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Overrides */

static void
sec_record_editor_map (GtkWidget *widget)
{
  SecRecordEditor *self = SEC_RECORD_EDITOR (widget);

  GTK_WIDGET_CLASS (sec_record_editor_parent_class)->map (widget);

  /* The first field to fill in: the first empty one, or else the first. */
  if (!self->focus_set && self->fields->len > 0)
    {
      FieldEditor *target = g_ptr_array_index (self->fields, 0);

      for (guint i = 0; i < self->fields->len; i++)
        {
          FieldEditor *fe = g_ptr_array_index (self->fields, i);
          g_autofree char *text = sec_record_dup_text (self->record, fe->field->name);

          if (*text == '\0')
            {
              target = fe;
              break;
            }
        }
      gtk_widget_grab_focus (target->input ? target->input : target->row);
      /* Focus selects the whole text: one key would replace a name. */
      if (target->input == NULL && GTK_IS_EDITABLE (target->row))
        gtk_editable_set_position (GTK_EDITABLE (target->row), -1);
      self->focus_set = TRUE;
    }
}

static void
sec_record_editor_dispose (GObject *object)
{
  SecRecordEditor *self = (SecRecordEditor *) object;

  g_clear_pointer (&self->body_checks, g_ptr_array_unref);
  g_weak_ref_set (&self->picker, NULL);

  G_OBJECT_CLASS (sec_record_editor_parent_class)->dispose (object);
}

static void
sec_record_editor_finalize (GObject *object)
{
  SecRecordEditor *self = (SecRecordEditor *) object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->stored_bodies, g_hash_table_unref);
  g_clear_pointer (&self->baseline_bodies, g_hash_table_unref);
  g_clear_pointer (&self->saved_over_bodies, g_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->baseline);
  g_clear_object (&self->store);
  g_weak_ref_clear (&self->picker);

  G_OBJECT_CLASS (sec_record_editor_parent_class)->finalize (object);
}

static void
sec_record_editor_class_init (SecRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sec_record_editor_dispose;
  object_class->finalize = sec_record_editor_finalize;
  widget_class->map = sec_record_editor_map;
  window_class->close_request = sec_record_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SecRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecRecordEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SecRecordEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordEditor, page);
  gtk_widget_class_bind_template_child (widget_class, SecRecordEditor, missing_revealer);
  gtk_widget_class_bind_template_child (widget_class, SecRecordEditor, missing_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordEditor, save_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "editor.show-missing", NULL, show_missing_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sec_record_editor_init (SecRecordEditor *self)
{
  GtkEventController *shortcuts;
  GtkShortcutTrigger *trigger;

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_editor_free);
  g_weak_ref_init (&self->picker, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Saving is caught before the focused field sees the keys: a text view
   * would take Ctrl+Enter for a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_s, GDK_CONTROL_MASK),
                                         gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                                      gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger, gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Public API */

/**
 * sec_record_editor_new:
 * @parent: (nullable): the window to open over
 * @record: (nullable): the record to edit, or NULL to create one of @kind
 *
 * Returns: (transfer none): the editor, owned by GTK's list of windows
 */
SecRecordEditor *
sec_record_editor_new (GtkWindow *parent,
                       SecStore  *store,
                       GType      kind,
                       SecRecord *record)
{
  SecRecordEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (kind, SEC_TYPE_RECORD) && !G_TYPE_IS_ABSTRACT (kind), NULL);
  g_return_val_if_fail (record == NULL || G_OBJECT_TYPE (record) == kind, NULL);

  self = g_object_new (SEC_TYPE_RECORD_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->kind = kind;

  if (record != NULL && sec_record_get_id (record) != 0)
    {
      /* The latest stored values, not a list's older copy. */
      self->record = sec_store_get (store, kind, sec_record_get_id (record), NULL);
      if (self->record == NULL)
        self->record = sec_record_copy (record);
    }
  else if (record != NULL)
    self->record = sec_record_copy (record);
  else
    self->record = sec_record_new (kind);
  self->baseline = sec_record_copy (self->record);

  _sec_record_editor_build_form (self);
  _sec_record_editor_update_title (self);
  _sec_record_editor_validate (self);
  _sec_record_editor_follow_deletion (self);

  return self;
}

/**
 * sec_record_editor_set_field:
 * @field: a field name, or "bodies" for a meeting
 * @text: (nullable): the value as text
 *
 * Fills in a field before the user starts; it does not count as a change.
 */
void
sec_record_editor_set_field (SecRecordEditor *self,
                             const char      *field,
                             const char      *text)
{
  g_autoptr(GError) error = NULL;
  FieldEditor *fe;

  g_return_if_fail (SEC_IS_RECORD_EDITOR (self));
  g_return_if_fail (field != NULL);

  if (_sec_record_editor_is_meeting (self) && g_str_equal (field, "bodies"))
    {
      g_auto(GStrv) ids = g_strsplit (text ? text : "", ",", -1);

      self->loading = TRUE;
      for (guint i = 0; ids[i] != NULL; i++)
        {
          gint64 id;

          if (!g_ascii_string_to_signed (g_strstrip (ids[i]), 10, 1, G_MAXINT64, &id, NULL))
            continue;
          for (guint c = 0; c < self->body_checks->len; c++)
            {
              GtkWidget *check = g_ptr_array_index (self->body_checks, c);
              if (check_body_id (check) == id)
                gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
            }
        }
      self->loading = FALSE;
      g_clear_pointer (&self->baseline_bodies, g_hash_table_unref);
      self->baseline_bodies = _sec_record_editor_checked_bodies (self);
      _sec_record_editor_validate (self);
      return;
    }

  fe = find_field (self, field);
  g_return_if_fail (fe != NULL);

  /* Given, not typed: part of the starting point. */
  if (!sec_record_set_from_text (self->record, field, text, &error) ||
      !sec_record_set_from_text (self->baseline, field, text, NULL))
    {
      g_critical ("Cannot set %s to “%s”: %s", field, text, error ? error->message : "");
      return;
    }
  _sec_record_editor_load_field (self, fe);
  _sec_record_editor_validate (self);
}

/**
 * sec_record_editor_get_record:
 *
 * Returns: (transfer none): the copy being edited
 */
SecRecord *
sec_record_editor_get_record (SecRecordEditor *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_EDITOR (self), NULL);

  return self->record;
}

gboolean
sec_record_editor_get_modified (SecRecordEditor *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_EDITOR (self), FALSE);

  return _sec_record_editor_is_modified (self);
}

/* Creating from a picker */

/* Puts a typed name into a new record's title fields: the whole of it in
 * a single one (an organisation's name); for a person, the last word is
 * the family name ("Anna Müller"), or what comes before a comma ("Müller,
 * Anna"). */
static void
prefill_name (SecRecordEditor *self,
              const char      *text)
{
  const SecKind *kind = sec_kind_from_type (self->kind);
  const SecField *title[2] = { NULL, NULL };
  guint n = 0;

  for (guint i = 0; i < kind->n_fields && n < 2; i++)
    if ((kind->fields[i].flags & SEC_FIELD_TITLE) && kind->fields[i].type == SEC_FIELD_TEXT &&
        _sec_record_editor_field_position (self, kind->fields[i].name) >= 0)
      title[n++] = &kind->fields[i];

  if (n == 1)
    sec_record_editor_set_field (self, title[0]->name, text);
  else if (n == 2)
    {
      const char *comma = strchr (text, ',');
      const char *space = strrchr (text, ' ');
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      if (comma != NULL)
        {
          last = g_strstrip (g_strndup (text, (gsize) (comma - text)));
          first = g_strstrip (g_strdup (comma + 1));
        }
      else if (space != NULL)
        {
          first = g_strstrip (g_strndup (text, (gsize) (space - text)));
          last = g_strstrip (g_strdup (space + 1));
        }
      else
        last = g_strdup (text);

      if (first != NULL && *first != '\0')
        sec_record_editor_set_field (self, title[0]->name, first);
      sec_record_editor_set_field (self, title[1]->name, last);
    }
}

static void
create_from_picker (SecRecordPickerRow *picker,
                    const char         *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (picker));
  SecRecordEditor *editor;

  editor = sec_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  sec_record_picker_row_get_store (picker),
                                  sec_record_picker_row_get_kind (picker), NULL);
  g_weak_ref_set (&editor->picker, picker);
  prefill_name (editor, text);
  gtk_window_present (GTK_WINDOW (editor));
}

/**
 * sec_record_editor_install_picker_creation:
 *
 * Lets every record picker row (sec-record-picker-row.h) create the record
 * the user searched for and did not find, in a record editor over the
 * picker's window, named as typed; the picker chooses it once saved.
 */
void
sec_record_editor_install_picker_creation (void)
{
  sec_record_picker_row_set_create_func (create_from_picker);
}
