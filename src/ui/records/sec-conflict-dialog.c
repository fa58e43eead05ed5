/* sec-conflict-dialog.c: someone else saved the record being edited
 *
 * Two staff on one shared database open the same record; the second to
 * save is refused (SEC_STORE_ERROR_CONFLICT: the stored version moved on).
 * Nothing the user typed is dropped: this window shows the fields the two
 * versions differ in, side by side, the user's value and theirs, each a
 * choice, and the user keeps their own values, the other person's, or a
 * mix chosen field by field. The record editor then saves what was chosen
 * over the newer version, or shows theirs.
 */
#define G_LOG_DOMAIN "sec-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/records/sec-conflict-dialog.h"
#include "ui/records/sec-field-value.h"
#include "ui/widgets/sec-a11y.h"

typedef struct {
  const SecField *field;
  GtkCheckButton *mine;
  GtkCheckButton *theirs;
} Choice;

struct _SecConflictDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  GtkLabel       *description_label;
  GtkGrid        *grid;
  GtkWidget      *merge_button;

  /* owned */
  SecRecord      *mine;
  SecRecord      *theirs;
  GArray         *choices;  /* (element-type Choice) */
};

G_DEFINE_FINAL_TYPE (SecConflictDialog, sec_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Responses */

static void
respond (SecConflictDialog *self,
         const char        *response)
{
  g_object_ref (self);
  g_signal_emit (self, signals[RESPONSE], 0, response);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  respond (SEC_CONFLICT_DIALOG (widget), "mine");
}

static void
keep_theirs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  respond (SEC_CONFLICT_DIALOG (widget), "theirs");
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  respond (SEC_CONFLICT_DIALOG (widget), "merge");
}

/* Rows */

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* A choice of one version's value; its text wraps (a long note). */
static GtkWidget *
new_value_check (SecRecord      *record,
                 SecStore       *store,
                 const SecField *field,
                 const char     *accessible_format)
{
  g_autofree char *value = sec_field_value_format (store, record, field, NULL);
  g_autofree char *name = NULL;
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (value ? value : C_("field value", "Empty"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  if (value == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_widget_set_hexpand (check, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_START);

  /* The field's name with the value: a screen reader reads the two
   * choices of a row apart without the column's heading. */
  name = g_strdup_printf (accessible_format, _(field->label), value ? value : C_("field value", "Empty"));
  sec_accessible_set_name (check, name);
  return check;
}

static void
add_choice (SecConflictDialog *self,
            SecStore          *store,
            SecRecord         *baseline,
            const SecField    *field,
            int                row)
{
  g_autofree char *mine_text = sec_record_dup_text (self->mine, field->name);
  g_autofree char *base_text = sec_record_dup_text (baseline, field->name);
  GtkWidget *label = gtk_label_new (_(field->label));
  Choice choice = { field, NULL, NULL };

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  /* On the line of the values' first line, beside their round button. */
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (self->grid, label, 0, row, 1, 1);

  /* Translators: a screen reader's name of a choice in the conflict
   * dialog: the field's name, then the value the user typed. */
  choice.mine = GTK_CHECK_BUTTON (new_value_check (self->mine, store, field, _("%s, yours: %s")));
  /* Translators: a screen reader's name of a choice in the conflict
   * dialog: the field's name, then the value someone else saved. */
  choice.theirs = GTK_CHECK_BUTTON (new_value_check (self->theirs, store, field, _("%s, theirs: %s")));
  gtk_check_button_set_group (choice.theirs, choice.mine);
  gtk_grid_attach (self->grid, GTK_WIDGET (choice.mine), 1, row, 1, 1);
  gtk_grid_attach (self->grid, GTK_WIDGET (choice.theirs), 2, row, 1, 1);

  /* What the user changed is theirs to keep; the rest was changed by the
   * other person only. */
  if (g_strcmp0 (mine_text, base_text) != 0)
    gtk_check_button_set_active (choice.mine, TRUE);
  else
    gtk_check_button_set_active (choice.theirs, TRUE);
  g_array_append_val (self->choices, choice);
}

static void
fill (SecConflictDialog *self,
      SecStore          *store,
      SecRecord         *baseline)
{
  const SecKind *kind = sec_record_get_kind (self->mine);
  g_autofree char *title = sec_record_dup_title (self->theirs);
  g_autofree char *description = NULL;
  int row = 1;

  gtk_grid_attach (self->grid, new_heading (_("Field")), 0, 0, 1, 1);
  /* Translators: the heading of the column of the values the user typed */
  gtk_grid_attach (self->grid, new_heading (C_("conflict", "Yours")), 1, 0, 1, 1);
  /* Translators: the heading of the column of the values someone else saved */
  gtk_grid_attach (self->grid, new_heading (C_("conflict", "Theirs")), 2, 0, 1, 1);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *a = sec_record_dup_text (self->mine, kind->fields[i].name);
      g_autofree char *b = sec_record_dup_text (self->theirs, kind->fields[i].name);

      if (g_strcmp0 (a, b) != 0)
        add_choice (self, store, baseline, &kind->fields[i], row++);
    }

  /* Translators: %s is the record's name ("Anna Müller") */
  description = g_strdup_printf (_("Someone else saved “%s” while you were editing it. Choose the value "
                                   "to keep for each field that differs, or keep one version whole. "
                                   "Nothing is saved until you choose."), title);
  gtk_label_set_text (self->description_label, description);
  /* Only what differs is offered: no fields, nothing to choose from. */
  gtk_widget_set_sensitive (self->merge_button, self->choices->len > 0);
}

/* GObject */

static void
sec_conflict_dialog_map (GtkWidget *widget)
{
  SecConflictDialog *self = SEC_CONFLICT_DIALOG (widget);

  GTK_WIDGET_CLASS (sec_conflict_dialog_parent_class)->map (widget);
  /* Enter or Space takes the choices as they stand; Tab reaches them. */
  gtk_widget_grab_focus (self->merge_button);
}

static void
sec_conflict_dialog_finalize (GObject *object)
{
  SecConflictDialog *self = (SecConflictDialog *) object;

  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->choices, g_array_unref);

  G_OBJECT_CLASS (sec_conflict_dialog_parent_class)->finalize (object);
}

static void
sec_conflict_dialog_class_init (SecConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sec_conflict_dialog_finalize;
  widget_class->map = sec_conflict_dialog_map;

  /**
   * SecConflictDialog::response:
   * @response: "mine", "theirs" or "merge"
   *
   * The user chose; the dialog closes after.
   */
  signals[RESPONSE] = g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SecConflictDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, SecConflictDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, SecConflictDialog, merge_button);

  gtk_widget_class_install_action (widget_class, "conflict.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "conflict.keep-theirs", NULL, keep_theirs_action);
  gtk_widget_class_install_action (widget_class, "conflict.merge", NULL, merge_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sec_conflict_dialog_init (SecConflictDialog *self)
{
  self->choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sec_conflict_dialog_new:
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of windows
 */
SecConflictDialog *
sec_conflict_dialog_new (GtkWindow *parent,
                         SecStore  *store,
                         SecRecord *mine,
                         SecRecord *theirs,
                         SecRecord *baseline)
{
  SecConflictDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_RECORD (mine), NULL);
  g_return_val_if_fail (SEC_IS_RECORD (theirs) && G_OBJECT_TYPE (theirs) == G_OBJECT_TYPE (mine), NULL);
  g_return_val_if_fail (SEC_IS_RECORD (baseline) && G_OBJECT_TYPE (baseline) == G_OBJECT_TYPE (mine), NULL);

  self = g_object_new (SEC_TYPE_CONFLICT_DIALOG, "transient-for", parent, NULL);
  self->mine = sec_record_copy (mine);
  self->theirs = sec_record_copy (theirs);
  fill (self, store, baseline);
  return self;
}

SecRecord *
sec_conflict_dialog_dup_result (SecConflictDialog *self,
                                const char        *response)
{
  SecRecord *result;

  g_return_val_if_fail (SEC_IS_CONFLICT_DIALOG (self), NULL);
  g_return_val_if_fail (response != NULL, NULL);

  if (g_str_equal (response, "theirs"))
    return sec_record_copy (self->theirs);

  /* The user's values, saved over the version stored now. */
  result = sec_record_copy (self->mine);
  sec_record_set_version (result, sec_record_get_version (self->theirs));
  if (g_str_equal (response, "merge"))
    for (guint i = 0; i < self->choices->len; i++)
      {
        Choice *c = &g_array_index (self->choices, Choice, i);

        if (gtk_check_button_get_active (c->theirs))
          g_object_set_property (G_OBJECT (result), c->field->name,
                                 sec_record_get_value (self->theirs, c->field->name));
      }
  return result;
}

guint
sec_conflict_dialog_get_n_fields (SecConflictDialog *self)
{
  g_return_val_if_fail (SEC_IS_CONFLICT_DIALOG (self), 0);

  return self->choices->len;
}

void
sec_conflict_dialog_choose (SecConflictDialog *self,
                            const char        *field,
                            gboolean           mine)
{
  g_return_if_fail (SEC_IS_CONFLICT_DIALOG (self));
  g_return_if_fail (field != NULL);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = &g_array_index (self->choices, Choice, i);

      if (g_str_equal (c->field->name, field))
        {
          gtk_check_button_set_active (mine ? c->mine : c->theirs, TRUE);
          return;
        }
    }
  g_critical ("No choice for the field %s", field);
}
