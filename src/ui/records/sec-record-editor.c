/* sec-record-editor.c: a window to create or edit one record
 *
 * The form is built from the record's SecKind: a row per field, the kind of
 * row following the field's type. Every change goes straight into a copy of
 * the record and is validated there, field by field, with the store's own
 * rules and its UNIQUE constraints, so what the form accepts is what the
 * store accepts. Nothing typed is lost: a failed save leaves the form as it
 * is, and closing with changes asks first.
 */
#define G_LOG_DOMAIN "sec-record-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/meetings/sec-agenda.h"
#include "core/calls/sec-calls.h"
#include "ui/widgets/sec-country-row.h"
#include "ui/widgets/sec-date-row.h"
#include "ui/records/sec-record-editor.h"
#include "core/store/sec-record-list.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "core/store/sec-records.h"
#include "core/store/sec-unique.h"

/* One field of the form. */
typedef struct {
  SecRecordEditor *editor;    /* borrowed */
  const SecField  *field;
  GtkWidget       *row;       /* the field's row in the group */
  GtkWidget       *input;     /* what holds the value when not the row itself */
  GtkWidget       *message_row;
  GtkLabel        *message_label;
  char            *problem;   /* the text could not be read (a number) */
  gboolean         touched;   /* changed by the user: its problems are shown */
} FieldEditor;

struct _SecRecordEditor
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwPreferencesPage *page;

  /* owned */
  SecStore           *store;
  SecRecord          *record;     /* the copy being edited */
  SecRecord          *baseline;   /* as it was before the user changed anything */
  GPtrArray          *fields;     /* (element-type FieldEditor) */

  /* A meeting's bodies (MEETING_BODY rows), edited with the meeting. */
  GPtrArray          *body_checks;     /* (element-type GtkCheckButton) */
  GHashTable         *stored_bodies;   /* body id -> meeting-body id, as stored */
  GHashTable         *baseline_bodies; /* body ids checked before the user came */
  GtkWidget          *bodies_message_row;
  GtkLabel           *bodies_message_label;
  gboolean            bodies_touched;

  /* borrowed */
  FieldEditor        *last_changed;

  GType               kind;
  gboolean            loading;        /* filling in the widgets: not the user */
  gboolean            show_all_problems;
  gboolean            closing;        /* the user said to discard */
  gboolean            focus_set;
  gboolean            can_save;
};

G_DEFINE_FINAL_TYPE (SecRecordEditor, sec_record_editor, ADW_TYPE_WINDOW)

/* Fields the core works out itself when the record is saved (see
 * sec-calls.h and sec-agenda.h): shown on the record's page, not in the
 * form, where a typed value would only be overwritten. */
static const struct {
  const char *kind;
  const char *field;
} managed_fields[] = {
  { "meeting", "agenda-version" },
  { "application", "late" },
  { "application", "call-version" },
  { "application", "eligibility-reason" },
  { "application", "checked-eligibility" },
  { "application", "eligibility-rule" },
  { "application", "membership" },
};

static void validate (SecRecordEditor *self);

/* Helpers */

static void
field_editor_free (FieldEditor *fe)
{
  g_free (fe->problem);
  g_free (fe);
}

static gboolean
is_managed (const SecKind  *kind,
            const SecField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (managed_fields); i++)
    if (g_str_equal (managed_fields[i].kind, kind->name) && g_str_equal (managed_fields[i].field, field->name))
      return TRUE;
  return FALSE;
}

static int
field_position (SecRecordEditor *self,
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

static gboolean
is_meeting (SecRecordEditor *self)
{
  return self->kind == SEC_TYPE_MEETING;
}

static FieldEditor *
find_field (SecRecordEditor *self,
            const char      *name)
{
  int i = field_position (self, name);

  return i < 0 ? NULL : g_ptr_array_index (self->fields, i);
}

static GHashTable *
new_id_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
id_set_add (GHashTable *set,
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
static GHashTable *
checked_bodies (SecRecordEditor *self)
{
  GHashTable *set = new_id_set ();

  for (guint i = 0; self->body_checks && i < self->body_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->body_checks, i);
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        id_set_add (set, check_body_id (check), 0);
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

static gboolean
is_modified (SecRecordEditor *self)
{
  if (!sec_record_equal (self->record, self->baseline))
    return TRUE;
  if (is_meeting (self))
    {
      g_autoptr(GHashTable) now = checked_bodies (self);
      return !same_id_sets (now, self->baseline_bodies);
    }
  return FALSE;
}

static gboolean
is_creating (SecRecordEditor *self)
{
  return sec_record_get_id (self->record) == 0;
}

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

/* A row under a field that says what is wrong with it; hidden when nothing. */
static GtkWidget *
new_message_row (GtkLabel **label_out)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The field itself carries the message for screen readers. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);

  *label_out = GTK_LABEL (label);
  return row;
}

/* Validation */

/* Checks the whole copy; shows the problems of the fields the user has
 * touched (of all of them after a refused save), enables Save. */
static void
validate (SecRecordEditor *self)
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
            at = field_position (self, self->last_changed->field->name);
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
      int start = field_position (self, kind->ranges[r]);
      int end = field_position (self, kind->ranges[r + 1]);

      if (start < 0 || end < 0)
        continue;
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

  if (is_meeting (self))
    {
      g_autoptr(GHashTable) bodies = checked_bodies (self);
      gboolean none = g_hash_table_size (bodies) == 0;

      if (none)
        valid = FALSE;
      gtk_label_set_text (self->bodies_message_label, _("Choose at least one body"));
      gtk_widget_set_visible (self->bodies_message_row, none && (self->bodies_touched || self->show_all_problems));
    }

  self->can_save = valid && (is_creating (self) || is_modified (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
}

/* Changes */

static void
field_changed (FieldEditor *fe,
               const char  *text)
{
  SecRecordEditor *self = fe->editor;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  g_clear_pointer (&fe->problem, g_free);
  if (!sec_record_set_from_text (self->record, fe->field->name, text, &error))
    fe->problem = g_strdup (error->message);
  fe->touched = TRUE;
  self->last_changed = fe;
  validate (self);
}

static void
on_entry_changed (FieldEditor *fe,
                  GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  field_changed (fe, text);
}

static void
on_buffer_changed (FieldEditor   *fe,
                   GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Blank lines around the text are no part of it. */
  g_strstrip (text);
  field_changed (fe, text);
}

static void
on_combo_selected (FieldEditor *fe)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (fe->row));
  gboolean has_none = !(fe->field->flags & SEC_FIELD_REQUIRED);
  const char *nick = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || (has_none && selected == 0))
    nick = NULL;
  else
    nick = fe->field->choices[selected - (has_none ? 1 : 0)].nick;
  field_changed (fe, nick);
}

static void
on_date_changed (FieldEditor *fe)
{
  field_changed (fe, sec_date_row_get_value (SEC_DATE_ROW (fe->row)));
}

static void
on_country_changed (FieldEditor *fe)
{
  field_changed (fe, sec_country_row_get_value (SEC_COUNTRY_ROW (fe->row)));
}

static void
on_ref_changed (FieldEditor *fe)
{
  gint64 id = sec_record_picker_row_get_record_id (SEC_RECORD_PICKER_ROW (fe->row));
  g_autofree char *text = id ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");

  field_changed (fe, text);
}

static void
on_switch_changed (FieldEditor *fe)
{
  field_changed (fe, gtk_switch_get_active (GTK_SWITCH (fe->input)) ? "yes" : "no");
}

static void
on_body_toggled (SecRecordEditor *self)
{
  if (self->loading)
    return;
  self->bodies_touched = TRUE;
  validate (self);
}

/* Building the form */

static char *
dup_field_title (const SecField *field)
{
  if (field->flags & SEC_FIELD_REQUIRED)
    /* Translators: the title of a required field in a form, "Name *" */
    return g_strdup_printf (_("%s *"), _(field->label));
  return g_strdup (_(field->label));
}

static GtkWidget *
new_entry_row (FieldEditor *fe,
               const char  *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkInputPurpose purpose = GTK_INPUT_PURPOSE_FREE_FORM;

  switch (fe->field->type)
    {
    case SEC_FIELD_EMAIL:
      purpose = GTK_INPUT_PURPOSE_EMAIL;
      break;
    case SEC_FIELD_URL:
      purpose = GTK_INPUT_PURPOSE_URL;
      break;
    case SEC_FIELD_TIME:
      purpose = GTK_INPUT_PURPOSE_NUMBER;
      break;
    case SEC_FIELD_TEXT:
    case SEC_FIELD_TIMEZONE:
    case SEC_FIELD_LONG_TEXT:
    case SEC_FIELD_INT:
    case SEC_FIELD_DOUBLE:
    case SEC_FIELD_BOOL:
    case SEC_FIELD_DATE:
    case SEC_FIELD_DATETIME:
    case SEC_FIELD_CHOICE:
    case SEC_FIELD_COUNTRY:
    case SEC_FIELD_COUNTRIES:
    case SEC_FIELD_REF:
    default:
      break;
    }
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), purpose);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_entry_changed), fe);
  return row;
}

static GtkWidget *
new_long_text_row (FieldEditor *fe,
                   const char  *title)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The keyboard goes straight to the text. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab leaves the field, as everywhere else in the form. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 4);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 4);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _(fe->field->label), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (on_buffer_changed), fe);
  gtk_box_append (GTK_BOX (box), view);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  fe->input = view;
  return row;
}

static GtkWidget *
new_combo_row (FieldEditor *fe,
               const char  *title)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (!(fe->field->flags & SEC_FIELD_REQUIRED))
    gtk_string_list_append (labels, _("None"));
  for (const SecChoice *c = fe->field->choices; c && c->nick; c++)
    gtk_string_list_append (labels, _(c->label));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_combo_selected), fe);
  return row;
}

static GtkWidget *
new_number_row (FieldEditor *fe,
                const char  *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, G_MAXINT, 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), fe->field->type == SEC_FIELD_DOUBLE ? 2 : 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _(fe->field->label), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  /* "changed" follows the typing; value-changed only the buttons. */
  g_signal_connect_swapped (spin, "changed", G_CALLBACK (on_entry_changed), fe);
  fe->input = spin;
  return row;
}

static GtkWidget *
new_switch_row (FieldEditor *fe,
                const char  *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (on_switch_changed), fe);
  fe->input = sw;
  return row;
}

static void
add_field (SecRecordEditor     *self,
           AdwPreferencesGroup *group,
           const SecField      *field)
{
  FieldEditor *fe = g_new0 (FieldEditor, 1);
  g_autofree char *title = dup_field_title (field);
  GtkWidget *row;

  fe->editor = self;
  fe->field = field;

  switch (field->type)
    {
    case SEC_FIELD_LONG_TEXT:
      row = new_long_text_row (fe, title);
      break;
    case SEC_FIELD_CHOICE:
      row = new_combo_row (fe, title);
      break;
    case SEC_FIELD_DATE:
    case SEC_FIELD_DATETIME:
      row = sec_date_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      sec_date_row_set_show_time (SEC_DATE_ROW (row), field->type == SEC_FIELD_DATETIME);
      g_signal_connect_swapped (row, "notify::value", G_CALLBACK (on_date_changed), fe);
      break;
    case SEC_FIELD_COUNTRY:
    case SEC_FIELD_COUNTRIES:
      row = sec_country_row_new (field->type == SEC_FIELD_COUNTRIES);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_signal_connect_swapped (row, "notify::value", G_CALLBACK (on_country_changed), fe);
      break;
    case SEC_FIELD_REF:
      row = sec_record_picker_row_new (self->store, sec_record_kind_lookup (field->ref_kind));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_signal_connect_swapped (row, "notify::record-id", G_CALLBACK (on_ref_changed), fe);
      break;
    case SEC_FIELD_INT:
    case SEC_FIELD_DOUBLE:
      row = new_number_row (fe, title);
      break;
    case SEC_FIELD_BOOL:
      row = new_switch_row (fe, title);
      break;
    case SEC_FIELD_TEXT:
    case SEC_FIELD_EMAIL:
    case SEC_FIELD_URL:
    case SEC_FIELD_TIME:
    case SEC_FIELD_TIMEZONE:
    default:
      row = new_entry_row (fe, title);
      break;
    }

  /* Labels are ours, but never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  fe->row = row;
  fe->message_row = new_message_row (&fe->message_label);

  adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, fe->message_row);
  g_ptr_array_add (self->fields, fe);
}

/* Puts the copy's value of a field into its widget. */
static void
load_field (SecRecordEditor *self,
            FieldEditor     *fe)
{
  const SecField *field = fe->field;
  g_autofree char *text = sec_record_dup_text (self->record, field->name);

  self->loading = TRUE;

  switch (field->type)
    {
    case SEC_FIELD_LONG_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fe->input)), text, -1);
      break;
    case SEC_FIELD_CHOICE:
      {
        gboolean has_none = !(field->flags & SEC_FIELD_REQUIRED);
        guint selected = has_none ? 0 : GTK_INVALID_LIST_POSITION;
        guint i = 0;

        for (const SecChoice *c = field->choices; c && c->nick; c++, i++)
          if (g_str_equal (c->nick, text))
            selected = i + (has_none ? 1 : 0);
        adw_combo_row_set_selected (ADW_COMBO_ROW (fe->row), selected);
      }
      break;
    case SEC_FIELD_DATE:
    case SEC_FIELD_DATETIME:
      sec_date_row_set_value (SEC_DATE_ROW (fe->row), text);
      break;
    case SEC_FIELD_COUNTRY:
    case SEC_FIELD_COUNTRIES:
      sec_country_row_set_value (SEC_COUNTRY_ROW (fe->row), text);
      break;
    case SEC_FIELD_REF:
      sec_record_picker_row_set_record_id (SEC_RECORD_PICKER_ROW (fe->row),
                                           sec_record_get_ref (self->record, field->name));
      break;
    case SEC_FIELD_INT:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (fe->input), sec_record_get_int (self->record, field->name));
      break;
    case SEC_FIELD_DOUBLE:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (fe->input), sec_record_get_double (self->record, field->name));
      break;
    case SEC_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (fe->input), sec_record_get_bool (self->record, field->name));
      break;
    case SEC_FIELD_TEXT:
    case SEC_FIELD_EMAIL:
    case SEC_FIELD_URL:
    case SEC_FIELD_TIME:
    case SEC_FIELD_TIMEZONE:
    default:
      gtk_editable_set_text (GTK_EDITABLE (fe->row), text);
      break;
    }

  self->loading = FALSE;
}

/* A meeting's bodies: one check row per body (there are a handful). */
static void
add_bodies_group (SecRecordEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(SecRecordList) bodies = sec_record_list_new (self->store, SEC_TYPE_BODY, NULL);
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (bodies)), 200);
  gint64 meeting_id = sec_record_get_id (self->record);

  /* Translators: the title of a group of required choices, as "Name *" */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Bodies *"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The bodies that meet; a joint session has several."));

  self->body_checks = g_ptr_array_new ();
  self->stored_bodies = new_id_set ();
  self->baseline_bodies = new_id_set ();

  if (meeting_id != 0)
    {
      g_autoptr(SecQuery) query = sec_query_new ();
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);
      g_autoptr(SecRecordList) links = NULL;

      sec_query_add (query, "meeting", SEC_QUERY_EQUALS, id);
      links = sec_record_list_new (self->store, SEC_TYPE_MEETING_BODY, query);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (links)); i++)
        {
          g_autoptr(SecRecord) link = g_list_model_get_item (G_LIST_MODEL (links), i);

          if (link == NULL)
            continue;
          id_set_add (self->stored_bodies, sec_record_get_ref (link, "body"), sec_record_get_id (link));
          id_set_add (self->baseline_bodies, sec_record_get_ref (link, "body"), 0);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SecRecord) body = g_list_model_get_item (G_LIST_MODEL (bodies), i);
      g_autofree char *name = NULL;
      GtkWidget *row, *check;
      gint64 *body_id;

      if (body == NULL)
        continue;
      name = sec_record_dup_title (body);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (sec_record_get_string (body, "acronym") != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sec_record_get_string (body, "acronym"));

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      body_id = g_new (gint64, 1);
      *body_id = sec_record_get_id (body);
      g_object_set_data_full (G_OBJECT (check), "body-id", body_id, g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->stored_bodies, body_id));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_body_toggled), self);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->body_checks, check);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("There are no bodies yet: add one first."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  self->bodies_message_row = new_message_row (&self->bodies_message_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->bodies_message_row);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

static void
build_form (SecRecordEditor *self)
{
  const SecKind *kind = sec_kind_from_type (self->kind);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Fields marked with * are required."));
  for (guint i = 0; i < kind->n_fields; i++)
    if (!is_managed (kind, &kind->fields[i]))
      add_field (self, ADW_PREFERENCES_GROUP (group), &kind->fields[i]);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  for (guint i = 0; i < self->fields->len; i++)
    load_field (self, g_ptr_array_index (self->fields, i));

  if (is_meeting (self))
    add_bodies_group (self);
}

static void
update_title (SecRecordEditor *self)
{
  const SecKind *kind = sec_kind_from_type (self->kind);
  g_autofree char *title = NULL;

  if (is_creating (self))
    /* Translators: the title of the window that creates a record, %s its kind: "New Organisation" */
    title = g_strdup_printf (_("New %s"), _(kind->label));
  else
    {
      g_autofree char *name = sec_record_dup_title (self->baseline);
      /* Translators: the title of the window that edits a record, %s its name: "Edit “Europol”" */
      title = g_strdup_printf (_("Edit “%s”"), name);
      adw_window_title_set_subtitle (self->window_title, _(kind->label));
    }
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Saving */

static gboolean
save_bodies (SecRecordEditor  *self,
             gint64            meeting_id,
             GError          **error)
{
  g_autoptr(GHashTable) wanted = checked_bodies (self);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->stored_bodies, key))
      {
        g_autoptr(SecRecord) link = sec_record_new (SEC_TYPE_MEETING_BODY);

        sec_record_set_ref (link, "meeting", meeting_id);
        sec_record_set_ref (link, "body", *(gint64 *) key);
        if (!sec_store_insert (self->store, link, error))
          return FALSE;
      }

  g_hash_table_iter_init (&iter, self->stored_bodies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (wanted, key) &&
        !sec_store_delete (self->store, SEC_TYPE_MEETING_BODY, *(gint64 *) value, error))
      return FALSE;

  return TRUE;
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

  if (is_meeting (self))
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
  gboolean creating = is_creating (self);

  if (!sec_store_begin (self->store, error))
    return FALSE;

  if (!write_record (self, saved, creating, error) ||
      (is_meeting (self) && !save_bodies (self, sec_record_get_id (saved), error)))
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

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecRecordEditor *self = SEC_RECORD_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  gint64 id = 0;

  /* The shortcut can come while Save is off: show why instead. */
  self->show_all_problems = TRUE;
  validate (self);
  if (!self->can_save)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (!save (self, &id, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-record", "(sx)",
                                sec_kind_from_type (self->kind)->name, id);
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

  if (self->closing || !is_modified (self))
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

  G_OBJECT_CLASS (sec_record_editor_parent_class)->dispose (object);
}

static void
sec_record_editor_finalize (GObject *object)
{
  SecRecordEditor *self = (SecRecordEditor *) object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->stored_bodies, g_hash_table_unref);
  g_clear_pointer (&self->baseline_bodies, g_hash_table_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->baseline);
  g_clear_object (&self->store);

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

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.dismiss-error", NULL, dismiss_error_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sec_record_editor_init (SecRecordEditor *self)
{
  GtkEventController *shortcuts;
  GtkShortcutTrigger *trigger;

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_editor_free);

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

  build_form (self);
  update_title (self);
  validate (self);

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

  if (is_meeting (self) && g_str_equal (field, "bodies"))
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
      self->baseline_bodies = checked_bodies (self);
      validate (self);
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
  load_field (self, fe);
  validate (self);
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

  return is_modified (self);
}
