/* sec-record-editor-checks.c: what the record editor says of its form
 *
 * The whole copy validated after each change: each field's problem under
 * it (once the user has left it), the required fields still empty listed
 * above the form with a way to reach the first, and Save on only when the
 * copy can be saved. Part of SecRecordEditor (see
 * sec-record-editor-private.h).
 */
#define G_LOG_DOMAIN "sec-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "core/calls/sec-calls.h"
#include "core/store/sec-unique.h"
#include "ui/records/sec-record-editor.h"
#include "ui/records/sec-record-editor-private.h"

static void
set_message (GtkWidget  *row,
             GtkWidget  *message_row,
             GtkLabel   *message_label,
             const char *message)
{
  gtk_label_set_text (message_label, message ? message : "");
  gtk_widget_set_visible (message_row, message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* The fields that keep Save off */

/* "Title", "Title and Bodies", "Title, Starts and Bodies" */
static char *
join_labels (GPtrArray *labels)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (labels->len == 0)
    return g_strdup ("");
  for (guint i = 0; i + 1 < labels->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list of fields, "Title, Starts and Bodies" */
        g_string_append (list, _(", "));
      g_string_append (list, g_ptr_array_index (labels, i));
    }
  if (labels->len == 1)
    return g_strdup (g_ptr_array_index (labels, 0));
  /* Translators: the last two items of a list of fields, "Title, Starts and Bodies" */
  return g_strdup_printf (_("%s and %s"), list->str, (const char *) g_ptr_array_index (labels, labels->len - 1));
}

/* Says above the form which required fields are still empty (or else which
 * are wrong), so that a greyed-out Save has a reason, and remembers the
 * first of them for "Show". @messages are the fields' problems, shown or
 * not. */
static void
update_missing (SecRecordEditor *self,
                GPtrArray       *messages)
{
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GPtrArray) wrong = g_ptr_array_new ();
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;
  FieldEditor *first_empty = NULL, *first_wrong = NULL;
  gboolean no_bodies = FALSE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldEditor *fe = g_ptr_array_index (self->fields, i);
      g_autofree char *value = NULL;

      if (g_ptr_array_index (messages, i) == NULL)
        continue;
      value = sec_record_dup_text (self->record, fe->field->name);
      if ((fe->field->flags & SEC_FIELD_REQUIRED) && *value == '\0' && fe->problem == NULL)
        {
          g_ptr_array_add (empty, (gpointer) _(fe->field->label));
          if (first_empty == NULL)
            first_empty = fe;
        }
      else
        {
          g_ptr_array_add (wrong, (gpointer) _(fe->field->label));
          if (first_wrong == NULL)
            first_wrong = fe;
        }
    }

  if (_sec_record_editor_is_meeting (self) && self->body_checks->len > 0)
    {
      g_autoptr(GHashTable) bodies = _sec_record_editor_checked_bodies (self);

      no_bodies = g_hash_table_size (bodies) == 0;
      if (no_bodies)
        /* Translators: the meeting's group of bodies, in "Fill in Title and Bodies to save" */
        g_ptr_array_add (empty, (gpointer) _("Bodies"));
    }

  if (empty->len > 0 && wrong->len > 0)
    {
      g_autofree char *wrong_list = join_labels (wrong);

      list = join_labels (empty);
      /* Translators: above a form whose Save is off; the first %s lists empty fields, the second wrong ones */
      text = g_strdup_printf (_("Fill in %s and correct %s to save"), list, wrong_list);
    }
  else if (empty->len > 0)
    {
      list = join_labels (empty);
      /* Translators: above a form whose Save is off; %s lists fields, "Title, Starts and Bodies" */
      text = g_strdup_printf (_("Fill in %s to save"), list);
    }
  else if (wrong->len > 0)
    {
      list = join_labels (wrong);
      /* Translators: above a form whose Save is off; %s lists fields whose values are wrong */
      text = g_strdup_printf (_("Correct %s to save"), list);
    }

  /* "Show" goes to the first of them in the form; the bodies are last. */
  if (first_empty != NULL && first_wrong != NULL)
    self->first_missing = _sec_record_editor_field_position (self, first_empty->field->name) <
                          _sec_record_editor_field_position (self, first_wrong->field->name)
                          ? first_empty : first_wrong;
  else
    self->first_missing = first_empty ? first_empty : first_wrong;

  gtk_label_set_text (self->missing_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->missing_revealer, text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.show-missing", text != NULL);
  /* Save says it too, when the pointer asks it why it is off. */
  gtk_widget_set_tooltip_text (self->save_button, text ? text : _("Save (Ctrl+S)"));
  self->missing_bodies = text != NULL && self->first_missing == NULL && no_bodies;
}

/* Brings @widget into the form's view. */
static void
scroll_to (SecRecordEditor *self,
           GtkWidget       *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (scrolled == NULL || (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))) == NULL)
    return;
  if (!gtk_widget_compute_bounds (widget, content, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* Some room above, for the group's title. */
  gtk_adjustment_clamp_page (adjustment, MAX (0, bounds.origin.y - 48),
                             bounds.origin.y + bounds.size.height + 12);
}

void
_sec_record_editor_show_missing (SecRecordEditor *self)
{
  GtkWidget *target;

  if (self->first_missing != NULL)
    {
      FieldEditor *fe = self->first_missing;

      fe->touched = TRUE;
      target = fe->input ? fe->input : fe->row;
    }
  else if (self->missing_bodies && self->body_checks->len > 0)
    {
      self->bodies_touched = TRUE;
      target = g_ptr_array_index (self->body_checks, 0);
    }
  else
    return;

  _sec_record_editor_validate (self);
  scroll_to (self, target);
  if (!gtk_widget_grab_focus (target))
    gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD);
}

/* Validation */

/* Checks the whole copy; shows the problems of the fields the user has
 * touched (of all of them after a refused save), enables Save. */
void
_sec_record_editor_validate (SecRecordEditor *self)
{
  const SecKind *kind = sec_kind_from_type (self->kind);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) duplicate_fields = NULL;
  g_autoptr(GError) duplicate = NULL;
  const char *duplicate_at = NULL;
  gboolean valid = TRUE;

  if (!sec_unique_check (self->store, self->record, &duplicate_fields, &duplicate))
    {
      valid = FALSE;
      /* Said where the user just was, if that is one of the fields that clash. */
      duplicate_at = duplicate_fields[0];
      if (self->last_changed != NULL && g_strv_contains ((const char *const *) duplicate_fields,
                                                         self->last_changed->field->name))
        duplicate_at = self->last_changed->field->name;
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldEditor *fe = g_ptr_array_index (self->fields, i);
      g_autoptr(GError) error = NULL;
      char *message = NULL;

      if (fe->problem != NULL)
        message = g_strdup (fe->problem);
      else if (!sec_record_validate_field (self->record, fe->field->name, &error))
        message = g_strdup (error->message);
      else if (duplicate_at != NULL && g_str_equal (duplicate_at, fe->field->name))
        message = g_strdup (duplicate->message);

      if (message != NULL)
        valid = FALSE;
      g_ptr_array_add (messages, message);
    }

  /* What the field tables cannot say (a call's eligible kinds, a score),
   * checked by the core once every field is right; told at the field the
   * message names, or else where the user just was. */
  if (valid)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = TRUE;

      if (self->kind == SEC_TYPE_CALL)
        ok = sec_call_validate (SEC_CALL (self->record), &error);
      else if (self->kind == SEC_TYPE_APPLICATION)
        ok = sec_application_validate (SEC_APPLICATION (self->record), &error);

      if (!ok)
        {
          int at = -1;

          valid = FALSE;
          for (guint i = 0; i < self->fields->len && at < 0; i++)
            {
              FieldEditor *fe = g_ptr_array_index (self->fields, i);
              g_autofree char *prefix = g_strconcat (_(fe->field->label), ":", NULL);

              if (g_str_has_prefix (error->message, prefix))
                at = (int) i;
            }
          if (at < 0 && self->last_changed != NULL)
            at = _sec_record_editor_field_position (self, self->last_changed->field->name);
          if (at < 0)
            at = 0;
          g_free (g_ptr_array_index (messages, at));
          g_ptr_array_index (messages, at) = g_strdup (error->message);
          /* Shown even if untouched: the user has to see what blocks Save. */
          ((FieldEditor *) g_ptr_array_index (self->fields, at))->touched = TRUE;
        }
    }

  /* A range problem ("Ends cannot be before Starts") is told once, at its end. */
  for (guint r = 0; kind->ranges != NULL && kind->ranges[r] != NULL; r += 2)
    {
      int start = _sec_record_editor_field_position (self, kind->ranges[r]);
      int end = _sec_record_editor_field_position (self, kind->ranges[r + 1]);

      if (start < 0 || end < 0)
        continue;
      /* Text that is no date cannot be compared: only it is wrong. */
      {
        FieldEditor *start_fe = g_ptr_array_index (self->fields, start);
        FieldEditor *end_fe = g_ptr_array_index (self->fields, end);

        if (start_fe->problem != NULL && end_fe->problem == NULL)
          g_clear_pointer (&g_ptr_array_index (messages, end), g_free);
        else if (end_fe->problem != NULL && start_fe->problem == NULL)
          g_clear_pointer (&g_ptr_array_index (messages, start), g_free);
      }
      if (g_strcmp0 (g_ptr_array_index (messages, start), g_ptr_array_index (messages, end)) == 0 &&
          g_ptr_array_index (messages, start) != NULL)
        {
          FieldEditor *end_fe = g_ptr_array_index (self->fields, end);
          FieldEditor *start_fe = g_ptr_array_index (self->fields, start);

          /* Shown where the user can see it: at the end, unless only the
           * start was touched. */
          if (end_fe->touched || !start_fe->touched)
            g_clear_pointer (&g_ptr_array_index (messages, start), g_free);
          else
            g_clear_pointer (&g_ptr_array_index (messages, end), g_free);
        }
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldEditor *fe = g_ptr_array_index (self->fields, i);
      const char *message = g_ptr_array_index (messages, i);
      gboolean shown = message != NULL &&
                       (fe->touched || self->show_all_problems ||
                        (duplicate_at != NULL && g_str_equal (duplicate_at, fe->field->name)));

      set_message (fe->row, fe->message_row, fe->message_label, shown ? message : NULL);
    }

  if (_sec_record_editor_is_meeting (self))
    {
      g_autoptr(GHashTable) bodies = _sec_record_editor_checked_bodies (self);
      gboolean none = g_hash_table_size (bodies) == 0;

      if (none)
        valid = FALSE;
      gtk_label_set_text (self->bodies_message_label, _("Choose at least one body"));
      gtk_widget_set_visible (self->bodies_message_row, none && (self->bodies_touched || self->show_all_problems));
    }

  update_missing (self, messages);

  self->can_save = valid && (_sec_record_editor_is_creating (self) || _sec_record_editor_is_modified (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
}
