/* sec-record-editor-form.c: the record editor's form
 *
 * A row per field, the kind of row following the field's type (an entry, a
 * date, a country, a record picker...), a meeting's bodies as check rows;
 * every change goes into the copy being edited and is validated there. Part
 * of SecRecordEditor (see sec-record-editor-private.h).
 */
#define G_LOG_DOMAIN "sec-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-record-list.h"
#include "ui/records/sec-record-editor.h"
#include "ui/records/sec-record-editor-private.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-country-row.h"
#include "ui/widgets/sec-date-row.h"
#include "ui/widgets/sec-record-picker-row.h"

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

/* Helpers */

static gboolean
is_managed (const SecKind  *kind,
            const SecField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (managed_fields); i++)
    if (g_str_equal (managed_fields[i].kind, kind->name) && g_str_equal (managed_fields[i].field, field->name))
      return TRUE;
  return FALSE;
}

/* A row of small text under a field, hidden until there is something to
 * say: what is wrong with it (@style "error") or what a date was read as
 * ("dim-label"). */
static GtkWidget *
new_caption_row (const char  *style,
                 GtkLabel   **label_out)
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
  gtk_widget_add_css_class (label, style);
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The field itself carries the message for screen readers; Tab goes on
   * to the next field. */
  sec_list_row_set_passive (row);
  gtk_widget_set_visible (row, FALSE);

  *label_out = GTK_LABEL (label);
  return row;
}

static GtkWidget *
new_message_row (GtkLabel **label_out)
{
  return new_caption_row ("error", label_out);
}

/* Changes */

/* A change by the user. Typed text is checked as it comes, but its
 * problems are shown only once the field is left (see on_focus_leave ()),
 * and from then on as the user types; a choice (@chosen) is done at once.
 * @problem: what the row itself found wrong, if it knows better than the
 * record. */
static void
field_changed_full (FieldEditor *fe,
                    const char  *text,
                    gboolean     chosen,
                    char        *problem)
{
  SecRecordEditor *self = fe->editor;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    {
      g_free (problem);
      return;
    }

  g_clear_pointer (&fe->problem, g_free);
  if (!sec_record_set_from_text (self->record, fe->field->name, text, &error))
    fe->problem = g_strdup (error->message);
  if (problem != NULL)
    {
      g_free (fe->problem);
      fe->problem = problem;
    }
  fe->edited = TRUE;
  if (chosen)
    fe->touched = TRUE;
  self->last_changed = fe;
  _sec_record_editor_validate (self);
}

static void
field_changed (FieldEditor *fe,
               const char  *text)
{
  field_changed_full (fe, text, FALSE, NULL);
}

static void
field_chosen (FieldEditor *fe,
              const char  *text)
{
  field_changed_full (fe, text, TRUE, NULL);
}

/* What a date row understood, under it while it has the keyboard. */
static void
update_hint (FieldEditor *fe)
{
  const char *understood;
  GtkRoot *root;
  GtkWidget *focus;
  gboolean focused;

  if (fe->hint_row == NULL || (root = gtk_widget_get_root (fe->row)) == NULL)
    return;
  understood = sec_date_row_get_understood (SEC_DATE_ROW (fe->row));
  focus = gtk_root_get_focus (root);
  focused = focus != NULL && (focus == fe->row || gtk_widget_is_ancestor (focus, fe->row));
  gtk_label_set_text (fe->hint_label, understood ? understood : "");
  gtk_widget_set_visible (fe->hint_row, understood != NULL && focused && fe->edited);
}

static void
on_focus_enter (FieldEditor *fe)
{
  update_hint (fe);
}

static void
on_focus_leave (FieldEditor *fe)
{
  SecRecordEditor *self = fe->editor;

  if (fe->hint_row != NULL)
    gtk_widget_set_visible (fe->hint_row, FALSE);
  if (!fe->edited || fe->touched)
    return;
  fe->touched = TRUE;
  _sec_record_editor_validate (self);
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
  field_chosen (fe, nick);
}

static void
on_date_changed (FieldEditor *fe)
{
  SecDateRow *row = SEC_DATE_ROW (fe->row);

  field_changed_full (fe, sec_date_row_get_value (row), FALSE, sec_date_row_dup_problem (row));
  update_hint (fe);
}

static void
on_country_changed (FieldEditor *fe)
{
  field_chosen (fe, sec_country_row_get_value (SEC_COUNTRY_ROW (fe->row)));
}

/* Ref fields whose choices another field of the record limits: a
 * membership's delegate is a person of its organisation (the store refuses
 * anyone else, migration 13). */
static const struct {
  const char *kind;
  const char *field;      /* the ref field picked */
  const char *scope;      /* the picked kind's ref field that must be... */
  const char *by;         /* ...the record's own ref field */
} scoped_refs[] = {
  { "membership", "delegate", "organisation", "organisation" },
};

static void
update_scopes (SecRecordEditor *self)
{
  const SecKind *kind = sec_record_get_kind (self->record);

  for (guint i = 0; i < G_N_ELEMENTS (scoped_refs); i++)
    {
      if (!g_str_equal (kind->name, scoped_refs[i].kind))
        continue;
      for (guint j = 0; j < self->fields->len; j++)
        {
          FieldEditor *fe = g_ptr_array_index (self->fields, j);

          if (g_str_equal (fe->field->name, scoped_refs[i].field) && SEC_IS_RECORD_PICKER_ROW (fe->row))
            sec_record_picker_row_set_scope (SEC_RECORD_PICKER_ROW (fe->row), scoped_refs[i].scope,
                                             sec_record_get_ref (self->record, scoped_refs[i].by));
        }
    }
}

static void
on_ref_changed (FieldEditor *fe)
{
  gint64 id = sec_record_picker_row_get_record_id (SEC_RECORD_PICKER_ROW (fe->row));
  g_autofree char *text = id ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");

  field_chosen (fe, text);
  update_scopes (fe->editor);
}

static void
on_switch_changed (FieldEditor *fe)
{
  field_chosen (fe, gtk_switch_get_active (GTK_SWITCH (fe->input)) ? "yes" : "no");
}

static void
on_body_toggled (SecRecordEditor *self)
{
  if (self->loading)
    return;
  self->bodies_touched = TRUE;
  _sec_record_editor_validate (self);
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

/* A row titled @title that activates @input, at its end. */
static GtkWidget *
new_suffix_row (const char *title,
                GtkWidget  *input)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), input);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), input);
  return row;
}

static GtkWidget *
new_number_row (FieldEditor *fe,
                const char  *title)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, G_MAXINT, 1);
  GtkWidget *row;

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), fe->field->type == SEC_FIELD_DOUBLE ? 2 : 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _(fe->field->label), -1);
  row = new_suffix_row (title, spin);
  /* "changed" follows the typing; value-changed only the buttons. */
  g_signal_connect_swapped (spin, "changed", G_CALLBACK (on_entry_changed), fe);
  fe->input = spin;
  return row;
}

static GtkWidget *
new_switch_row (FieldEditor *fe,
                const char  *title)
{
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *row = new_suffix_row (title, sw);

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
  GtkEventController *focus;
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
  if (SEC_IS_DATE_ROW (row))
    fe->hint_row = new_caption_row ("dim-label", &fe->hint_label);

  /* Problems are told when the field is left, not while typing. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), fe);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), fe);
  gtk_widget_add_controller (row, focus);

  adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, fe->message_row);
  if (fe->hint_row != NULL)
    adw_preferences_group_add (group, fe->hint_row);
  g_ptr_array_add (self->fields, fe);
}

/* Puts the copy's value of a field into its widget. */
void
_sec_record_editor_load_field (SecRecordEditor *self,
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
  self->stored_bodies = _sec_record_editor_new_id_set ();
  self->baseline_bodies = _sec_record_editor_new_id_set ();

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
          _sec_record_editor_id_set_add (self->stored_bodies, sec_record_get_ref (link, "body"),
                                         sec_record_get_id (link));
          _sec_record_editor_id_set_add (self->baseline_bodies, sec_record_get_ref (link, "body"), 0);
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
      /* Named by its row's title (the activatable widget is labelled by it). */
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

void
_sec_record_editor_build_form (SecRecordEditor *self)
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
    _sec_record_editor_load_field (self, g_ptr_array_index (self->fields, i));
  update_scopes (self);

  if (_sec_record_editor_is_meeting (self))
    add_bodies_group (self);
}

static const char *
new_record_title (const char *kind_name)
{
  /* Translators: the titles of the window that creates a record of each kind */
  static const struct { const char *kind; const char *title; } titles[] = {
    { "organisation", N_("New Organisation") },
    { "person", N_("New Person") },
    { "body", N_("New Body") },
    { "membership", N_("New Membership") },
    { "meeting", N_("New Meeting") },
    { "meeting-body", N_("New Body of a Meeting") },
    { "agenda-item", N_("New Agenda Item") },
    { "agenda-speaker", N_("New Speaker") },
    { "participant", N_("New Participant") },
    { "call", N_("New Call for Expression of Interest") },
    { "erratum", N_("New Erratum") },
    { "application", N_("New Application") },
    { "statement", N_("New Joint Statement") },
    { "signatory", N_("New Signatory") },
    { "commitment", N_("New Commitment") },
    { "follow-up", N_("New Follow-up") },
    { "minutes", N_("New Minutes of an Agenda Item") },
    { "action-point", N_("New Action Point") },
    { "programme", N_("New Funding Programme") },
    { "funding-call", N_("New Call for Proposals") },
    { "project", N_("New Project") },
    { "project-partner", N_("New Project Partner") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].kind, kind_name))
      return _(titles[i].title);
  return NULL;
}

void
_sec_record_editor_update_title (SecRecordEditor *self)
{
  const SecKind *kind = sec_kind_from_type (self->kind);
  g_autofree char *title = NULL;

  if (_sec_record_editor_is_creating (self))
    {
      /* A whole title per kind, since "New" agrees with the kind's gender
       * ("Nouvelle personne", "Neues Projekt"); a kind added later without
       * one reads "New Record" over its kind. */
      const char *new_title = new_record_title (kind->name);
      if (new_title != NULL)
        title = g_strdup (new_title);
      else
        {
          /* Translators: the title of the window that creates a record of a kind without a title of its own; its kind is shown below */
          title = g_strdup (_("New Record"));
          adw_window_title_set_subtitle (self->window_title, _(kind->label));
        }
    }
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
