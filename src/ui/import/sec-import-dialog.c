/* sec-import-dialog.c: importing organisations or people from a file
 *
 * One window in three pages: the preview (the encoding and separator
 * detected and changeable, the first rows with a drop-down per column for
 * the field it holds, the invalid rows with their lines, the duplicates
 * with what to do with each or all), the progress of the import (written
 * by sec_import_apply_async in a worker thread, so the window stays
 * responsive and the import can be stopped), and the summary, from where
 * the rejected rows can be saved as CSV to correct and import again. The
 * window that opened it takes the SecImportUndo for its Undo.
 */
#define G_LOG_DOMAIN "sec-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/documents/sec-csv.h"
#include "core/documents/sec-export-file.h"
#include "core/store/sec-records.h"
#include "ui/import/sec-import-dialog.h"
#include "ui/widgets/sec-tool-window.h"
#include "ui/widgets/sec-a11y.h"

/* Rows of the file shown in the preview, and problems or duplicates
 * listed (the counts say how many more there are). */
#define PREVIEW_ROWS 8
#define LISTED_ROWS 200

struct _SecImportDialog
{
  AdwWindow         parent_instance;

  /* template widgets */
  AdwWindowTitle   *window_title;
  GtkWidget        *cancel_button;
  GtkWidget        *import_button;
  GtkStack         *stack;
  AdwPreferencesGroup *file_group;
  AdwComboRow      *encoding_row;
  AdwComboRow      *separator_row;
  GtkGrid          *preview_grid;
  GtkWidget        *problems_group;
  GtkListBox       *problems_list;
  GtkWidget        *duplicates_group;
  GtkDropDown      *all_dropdown;
  GtkListBox       *duplicates_list;
  GtkSwitch        *skip_invalid_switch;
  GtkProgressBar   *check_bar;
  GtkLabel         *summary_label;
  GtkProgressBar   *progress_bar;
  AdwStatusPage    *summary_page;
  GtkWidget        *save_rejected_button;

  /* owned */
  SecStore         *store;
  GBytes           *contents;
  SecImport        *import;
  SecImportUndo    *undo;
  GCancellable     *cancellable;
  GCancellable     *check_cancellable;  /* the check running, or NULL */
  GPtrArray        *column_dropdowns;   /* (element-type GtkDropDown) one per column */
  GtkNativeDialog  *chooser;

  GType             kind;
  gboolean          vcard;
  gboolean          updating;  /* setting widgets from the import: no feedback */
  gboolean          running;
  gboolean          done;
  /* Changed while a check ran: done once it stopped. */
  gboolean          remap;
  gboolean          reread;
  SecImportSummary  summary;
};

G_DEFINE_FINAL_TYPE (SecImportDialog, sec_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const encodings[] = { "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252", NULL };
static const char separators[] = { ',', ';', '\t' };

/* Helpers */

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  return row;
}

static void update_summary (SecImportDialog *self);
static void fill_rows (SecImportDialog *self);

static void
on_row_action_changed (GtkDropDown     *dropdown,
                       GParamSpec      *pspec,
                       SecImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "index"));

  if (self->updating)
    return;
  sec_import_set_action (self->import, index, gtk_drop_down_get_selected (dropdown));
  update_summary (self);
}

static void
on_take_new_toggled (GtkCheckButton  *check,
                     SecImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "index"));
  const char *field = g_object_get_data (G_OBJECT (check), "field");

  GtkDropDown *action = g_object_get_data (G_OBJECT (check), "action");
  gboolean active = gtk_check_button_get_active (check);

  sec_import_set_take_new (self->import, index, field, active);
  /* Choosing a value is choosing to merge. */
  if (active && action != NULL && gtk_drop_down_get_selected (action) != SEC_IMPORT_ACTION_MERGE)
    gtk_drop_down_set_selected (action, SEC_IMPORT_ACTION_MERGE);
}

/* A duplicate whose values differ from the existing record's: it unfolds
 * to choose, field by field, which value a merge keeps. */
static GtkWidget *
make_merge_row (SecImportDialog *self,
                guint            index,
                const char      *title,
                const char      *subtitle,
                SecRecord       *existing,
                GStrv            conflicts,
                GtkWidget       *action)
{
  const SecImportResult *r = sec_import_get_result (self->import, index);
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
  const SecKind *kind = sec_kind_from_type (self->kind);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped_subtitle);
  for (guint i = 0; conflicts[i]; i++)
    {
      const SecField *field = sec_kind_find_field (kind, conflicts[i]);
      g_autofree char *old = sec_record_dup_text (existing, conflicts[i]);
      g_autofree char *new = sec_record_dup_text (r->record, conflicts[i]);
      g_autofree char *label = NULL;
      g_autofree char *detail = NULL;
      GtkWidget *child, *check;
      int bit = sec_kind_field_index (kind, conflicts[i]);

      if (field->type == SEC_FIELD_REF)
        continue; /* an id says nothing to the user: a merge keeps the existing one */
      /* Translators: a field where an imported duplicate differs, e.g. "Take the new Position" */
      label = g_strdup_printf (_("Take the New %s"), _(field->label));
      /* Translators: the two values of a field of a duplicate: the new one, then the one in the database */
      detail = g_strdup_printf (_("“%s” instead of “%s”"), new, old);
      child = make_row (label, detail);
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), bit >= 0 && (r->take_new & (G_GUINT64_CONSTANT (1) << bit)));
      g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (index));
      g_object_set_data_full (G_OBJECT (check), "field", g_strdup (conflicts[i]), g_free);
      g_object_set_data (G_OBJECT (check), "action", action);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_take_new_toggled), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (child), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }
  return row;
}

static GtkWidget *
make_duplicate_row (SecImportDialog       *self,
                    guint                  index,
                    const SecImportResult *r)
{
  g_autofree char *title = sec_record_dup_title (r->record);
  g_autofree char *subtitle = NULL;
  g_autoptr(SecRecord) existing = sec_import_dup_existing (self->import, index);
  g_auto(GStrv) conflicts = NULL;
  GtkWidget *row, *dropdown;
  static const char *const actions[] = { N_("Skip"), N_("Merge"), N_("Import Anyway"), NULL };
  const char *translated[G_N_ELEMENTS (actions)];

  if (r->duplicate_id > 0)
    {
      g_autofree char *other = existing ? sec_record_dup_title (existing) : g_strdup ("?");

      /* Translators: a duplicate in an imported file: its line, why ("Same email"), the record it matches */
      subtitle = g_strdup_printf (_("Line %u · %s as “%s”"), r->line, r->duplicate_reason, other);
    }
  else
    {
      const SecImportResult *first = sec_import_get_result (self->import, r->duplicate_row - 1);

      /* Translators: a duplicate in an imported file: its line, why ("Same email"), the earlier line */
      subtitle = g_strdup_printf (_("Line %u · %s as line %u"), r->line, r->duplicate_reason, first->line);
    }
  conflicts = sec_import_dup_conflicts (self->import, index);
  for (guint i = 0; actions[i]; i++)
    translated[i] = _(actions[i]);
  translated[G_N_ELEMENTS (actions) - 1] = NULL;
  dropdown = gtk_drop_down_new_from_strings (translated);
  if (existing != NULL && conflicts != NULL && conflicts[0] != NULL)
    row = make_merge_row (self, index, title, subtitle, existing, conflicts, dropdown);
  else
    row = make_row (title, subtitle);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), r->action);
  g_object_set_data (G_OBJECT (dropdown), "index", GUINT_TO_POINTER (index));
  sec_drop_down_set_accessible_name (GTK_DROP_DOWN (dropdown), _("What to do with this duplicate"));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_row_action_changed), self, 0);
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), dropdown);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  return row;
}

/* The invalid rows and the duplicates, as sec_import_check () found them. */
static void
fill_rows (SecImportDialog *self)
{
  guint n = sec_import_get_n_results (self->import);
  guint n_invalid = 0, n_duplicates = 0;

  self->updating = TRUE;
  remove_children (GTK_WIDGET (self->problems_list));
  remove_children (GTK_WIDGET (self->duplicates_list));
  for (guint i = 0; i < n; i++)
    {
      const SecImportResult *r = sec_import_get_result (self->import, i);

      if (r->status == SEC_IMPORT_ROW_INVALID && n_invalid++ < LISTED_ROWS)
        {
          /* Translators: an invalid row of an imported file */
          g_autofree char *title = g_strdup_printf (_("Line %u"), r->line);
          GtkWidget *row = make_row (title, r->problem);

          gtk_widget_add_css_class (row, "error");
          gtk_list_box_append (self->problems_list, row);
        }
      else if (r->status == SEC_IMPORT_ROW_DUPLICATE && n_duplicates++ < LISTED_ROWS)
        gtk_list_box_append (self->duplicates_list, make_duplicate_row (self, i, r));
    }
  if (n_invalid > LISTED_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more invalid row", "And %u more invalid rows",
                                                         n_invalid - LISTED_ROWS), n_invalid - LISTED_ROWS);
      gtk_list_box_append (self->problems_list, make_row (more, ""));
    }
  if (n_duplicates > LISTED_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more duplicate", "And %u more duplicates",
                                                         n_duplicates - LISTED_ROWS), n_duplicates - LISTED_ROWS);
      gtk_list_box_append (self->duplicates_list, make_row (more, _("Choose for them all above")));
    }
  gtk_widget_set_visible (self->problems_group, n_invalid > 0);
  gtk_widget_set_visible (self->duplicates_group, n_duplicates > 0);
  gtk_drop_down_set_selected (self->all_dropdown, 0);
  self->updating = FALSE;
}

static void
update_summary (SecImportDialog *self)
{
  SecImportSummary s;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean blocked;

  if (self->check_cancellable != NULL)
    return; /* the worker is filling the results */
  sec_import_get_summary (self->import, &s);
  /* Translators: what an import will do; keep the four numbers in this order */
  g_string_printf (text, _("%u to import, %u to merge, %u to skip, %u invalid."),
                   s.imported, s.merged, s.skipped, s.invalid);
  blocked = s.invalid > 0 && !gtk_switch_get_active (self->skip_invalid_switch);
  if (blocked)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Correct the file, or import only the valid rows."));
    }
  gtk_label_set_text (self->summary_label, text->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.confirm",
                                 !blocked && s.imported + s.merged > 0 && !self->running);
}

static void on_format_changed (SecImportDialog *self);
static void check_rows (SecImportDialog *self);

static void
on_check_progress (guint    done,
                   guint    total,
                   gpointer user_data)
{
  SecImportDialog *self = user_data;

  if (self->check_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->check_bar, total ? (double) done / total : 1.0);
}

/* The columns as their drop-downs say now (changed while a check ran). */
static void
apply_column_dropdowns (SecImportDialog *self)
{
  const char *const *targets = sec_import_targets (self->kind);

  for (guint c = 0; c < self->column_dropdowns->len; c++)
    {
      guint selected = gtk_drop_down_get_selected (g_ptr_array_index (self->column_dropdowns, c));

      sec_import_set_column_target (self->import, c, selected == 0 ? NULL : targets[selected - 1], NULL);
    }
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SecImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = sec_import_check_finish (self->import, result, &error);
  gboolean cancelled = g_cancellable_is_cancelled (self->check_cancellable);

  g_clear_object (&self->check_cancellable);
  if (cancelled && !self->remap && !self->reread)
    return; /* closed while checking */
  gtk_widget_set_visible (GTK_WIDGET (self->check_bar), FALSE);
  if (self->reread)
    {
      self->reread = self->remap = FALSE;
      on_format_changed (self);
      return;
    }
  if (self->remap)
    {
      self->remap = FALSE;
      apply_column_dropdowns (self);
      check_rows (self);
      return;
    }
  if (!ok)
    {
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.confirm", FALSE);
      return;
    }
  fill_rows (self);
  update_summary (self);
}

/* Checks the rows in a worker thread (about half a second for 10,000 on
 * a desktop): the window stays responsive, and a change of a column or
 * of the file's reading stops it and starts again. */
static void
check_rows (SecImportDialog *self)
{
  if (self->check_cancellable != NULL)
    {
      self->remap = TRUE;
      g_cancellable_cancel (self->check_cancellable);
      return;
    }
  self->check_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.confirm", FALSE);
  gtk_widget_set_visible (self->problems_group, FALSE);
  gtk_widget_set_visible (self->duplicates_group, FALSE);
  gtk_progress_bar_set_fraction (self->check_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->check_bar), TRUE);
  gtk_label_set_text (self->summary_label, _("Checking the rows…"));
  sec_import_check_async (self->import, self->check_cancellable, on_check_progress, self,
                          on_checked, g_object_ref (self));
}

static void
on_column_target_changed (GtkDropDown     *dropdown,
                          GParamSpec      *pspec,
                          SecImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *const *targets = sec_import_targets (self->kind);

  if (self->updating)
    return;
  if (self->check_cancellable == NULL)
    sec_import_set_column_target (self->import, column, selected == 0 ? NULL : targets[selected - 1], NULL);
  check_rows (self);
}

static GtkWidget *
make_cell (const char *text,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  /* The grid scrolls sideways and gives each column its minimum width:
   * without this an e-mail column would shrink to "rene.m…". */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (text, -1), 24));
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_add_css_class (label, heading ? "heading" : "body");
  return label;
}

static void
fill_preview (SecImportDialog *self)
{
  const SecImportTable *table = sec_import_get_table (self->import);
  const char *const *targets = sec_import_targets (self->kind);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_rows = MIN (table->rows->len, PREVIEW_ROWS);

  g_ptr_array_add (labels, (gpointer) _("Not Imported"));
  for (guint i = 0; targets[i]; i++)
    g_ptr_array_add (labels, (gpointer) sec_import_target_label (self->kind, targets[i]));
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  remove_children (GTK_WIDGET (self->preview_grid));
  g_ptr_array_set_size (self->column_dropdowns, 0);
  for (guint c = 0; c < table->header->len; c++)
    {
      const char *target = sec_import_get_column_target (self->import, c);
      GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char *const *) labels->pdata);
      guint selected = 0;
      g_autofree char *accessible = NULL;

      for (guint i = 0; target != NULL && targets[i]; i++)
        if (g_str_equal (targets[i], target))
          selected = i + 1;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
      gtk_widget_set_margin_top (dropdown, 6);
      g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (c));
      /* Translators: the accessible name of the drop-down of a column, e.g. "Field of the column “Nom”" */
      accessible = g_strdup_printf (_("Field of the column “%s”"), (const char *) g_ptr_array_index (table->header, c));
      sec_drop_down_set_accessible_name (GTK_DROP_DOWN (dropdown), accessible);
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_column_target_changed), self, 0);
      gtk_grid_attach (self->preview_grid, dropdown, c, 0, 1, 1);
      g_ptr_array_add (self->column_dropdowns, dropdown);
      gtk_grid_attach (self->preview_grid, make_cell (g_ptr_array_index (table->header, c), TRUE), c, 1, 1, 1);
      for (guint r = 0; r < n_rows; r++)
        {
          const SecImportRow *row = g_ptr_array_index (table->rows, r);
          g_autofree char *flat = g_strdup (sec_import_row_get (row, c));

          g_strdelimit (flat, "\r\n\t", ' ');
          gtk_grid_attach (self->preview_grid, make_cell (flat, FALSE), c, r + 2, 1, 1);
        }
    }
  self->updating = FALSE;
}

/* Reads the file again with @encoding and @separator (NULL and 0 to
 * detect them) and shows it. */
static gboolean
read_file (SecImportDialog  *self,
           const char       *encoding,
           char              separator,
           GError          **error)
{
  gsize length;
  const char *data = g_bytes_get_data (self->contents, &length);
  SecImportTable *table;

  table = self->vcard ? sec_import_read_vcard (data, length, error)
                      : sec_import_read_csv (data, length, encoding, separator, error);
  if (table == NULL)
    return FALSE;
  g_clear_pointer (&self->import, sec_import_free);
  self->import = sec_import_new (self->store, self->kind, table);

  self->updating = TRUE;
  for (guint i = 0; encodings[i]; i++)
    if (g_ascii_strcasecmp (encodings[i], table->encoding) == 0)
      adw_combo_row_set_selected (self->encoding_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (separators[i] == table->separator)
      adw_combo_row_set_selected (self->separator_row, i);
  self->updating = FALSE;

  fill_preview (self);
  check_rows (self);
  return TRUE;
}

/* Callbacks */

static void
on_format_changed (SecImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint e = adw_combo_row_get_selected (self->encoding_row);
  guint s = adw_combo_row_get_selected (self->separator_row);

  if (self->updating || self->vcard)
    return;
  if (self->check_cancellable != NULL)
    {
      /* The check uses the import that reading again replaces. */
      self->reread = TRUE;
      g_cancellable_cancel (self->check_cancellable);
      return;
    }
  if (!read_file (self, encodings[MIN (e, G_N_ELEMENTS (encodings) - 2)],
                  separators[MIN (s, G_N_ELEMENTS (separators) - 1)], &error))
    {
      /* The file stays as it was read; say why this choice does not fit. */
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.confirm", FALSE);
    }
}

static void
on_all_changed (SecImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->all_dropdown);

  if (self->updating || selected == 0 || self->check_cancellable != NULL)
    return;
  sec_import_set_duplicate_action (self->import, selected - 1);
  fill_rows (self);
  update_summary (self);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  SecImportDialog *self = user_data;
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 1.0);
  /* Translators: the progress of an import */
  text = g_strdup_printf (_("%u of %u rows"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SecImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  if (!sec_import_apply_finish (self->import, result, &self->summary, &self->undo, &error))
    {
      gtk_stack_set_visible_child_name (self->stack, "preview");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->summary_label, _("The import was stopped: nothing was written."));
      else
        sec_tool_window_show_error (GTK_WIDGET (self), _("Cannot Import"), error);
      /* The rows are checked against the database as it is now. */
      check_rows (self);
      return;
    }

  /* Translators: the summary of an import; keep the four numbers in this order */
  description = g_strdup_printf (_("%u imported, %u merged, %u skipped, %u invalid"),
                                 self->summary.imported, self->summary.merged,
                                 self->summary.skipped, self->summary.invalid);
  adw_status_page_set_description (self->summary_page, description);
  gtk_widget_set_visible (self->save_rejected_button, self->summary.invalid > 0);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_window_set_deletable (GTK_WINDOW (self), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  self->done = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SecImportDialog *self = SEC_IMPORT_DIALOG (widget);

  if (self->running || self->done || self->check_cancellable != NULL)
    return;
  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "import.confirm", FALSE);
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  on_progress (0, sec_import_get_n_results (self->import), self);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  sec_import_apply_async (self->import, gtk_switch_get_active (self->skip_invalid_switch), self->cancellable,
                          on_progress, self, on_applied, g_object_ref (self));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SecImportDialog *self = SEC_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* The rejected rows as they were in the file, with why, to correct and
 * import again. */
static GBytes *
make_rejected_csv (SecImportDialog *self)
{
  const SecImportTable *table = sec_import_get_table (self->import);
  GString *csv = g_string_new (SEC_CSV_BOM);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  guint n_columns = table->header->len;

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (fields, g_ptr_array_index (table->header, c));
  /* Translators: the last column of the rejected rows of an import, saved as CSV */
  g_ptr_array_add (fields, (gpointer) _("Problem"));
  sec_csv_append_record (csv, (const char *const *) fields->pdata, fields->len);
  for (guint i = 0; i < sec_import_get_n_results (self->import); i++)
    {
      const SecImportResult *r = sec_import_get_result (self->import, i);
      const SecImportRow *row = g_ptr_array_index (table->rows, i);

      if (r->status != SEC_IMPORT_ROW_INVALID)
        continue;
      g_ptr_array_set_size (fields, 0);
      for (guint c = 0; c < MAX (n_columns, row->n_fields); c++)
        g_ptr_array_add (fields, (gpointer) sec_import_row_get (row, c));
      g_ptr_array_add (fields, r->problem);
      sec_csv_append_record (csv, (const char *const *) fields->pdata, fields->len);
    }
  return g_string_free_to_bytes (csv);
}

static void
on_chooser_response (SecImportDialog *self,
                     int              response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  bytes = make_rejected_csv (self);
  /* The rows hold contact data: the file is the user's alone. */
  if (!sec_export_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              SEC_FILE_PERSONAL, &error))
    sec_tool_window_show_error (GTK_WIDGET (self), _("Cannot Save the Rejected Rows"), error);
}

static void
save_rejected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SecImportDialog *self = SEC_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  /* Translators: the file name suggested for the rejected rows of an import */
  self->chooser = sec_tool_window_new_save_chooser (GTK_WINDOW (self), C_("file name", "rejected-rows.csv"),
                                                    NULL, filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

/* Overrides */

static gboolean
sec_import_dialog_close_request (GtkWindow *window)
{
  /* The worker writes until it stops: the window waits for it. */
  return SEC_IMPORT_DIALOG (window)->running;
}

static void
sec_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SecImportDialog *self = SEC_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_import_dialog_dispose (GObject *object)
{
  SecImportDialog *self = SEC_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->remap = self->reread = FALSE;
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (sec_import_dialog_parent_class)->dispose (object);
}

static void
sec_import_dialog_finalize (GObject *object)
{
  SecImportDialog *self = SEC_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, sec_import_free);
  g_clear_pointer (&self->undo, sec_import_undo_free);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->column_dropdowns, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sec_import_dialog_parent_class)->finalize (object);
}

static void
sec_import_dialog_class_init (SecImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = sec_import_dialog_get_property;
  object_class->dispose = sec_import_dialog_dispose;
  object_class->finalize = sec_import_dialog_finalize;
  window_class->close_request = sec_import_dialog_close_request;

  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, all_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, duplicates_list);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, skip_invalid_switch);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, check_bar);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, summary_page);
  gtk_widget_class_bind_template_child (widget_class, SecImportDialog, save_rejected_button);

  gtk_widget_class_install_action (widget_class, "import.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "import.save-rejected", NULL, save_rejected_action);
}

static void
sec_import_dialog_init (SecImportDialog *self)
{
  g_autoptr(GtkStringList) encoding_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) separator_names = gtk_string_list_new (NULL);
  const char *all[] = { _("Choose for Each"), _("Skip All"), _("Merge All"), _("Import All Anyway"), NULL };
  g_autoptr(GtkStringList) all_names = gtk_string_list_new (all);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_dropdowns = g_ptr_array_new ();

  gtk_string_list_append (encoding_names, _("Unicode (UTF-8)"));
  gtk_string_list_append (encoding_names, _("Unicode (UTF-16, little-endian)"));
  gtk_string_list_append (encoding_names, _("Unicode (UTF-16, big-endian)"));
  gtk_string_list_append (encoding_names, _("Western Europe (Windows-1252)"));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_names));
  gtk_string_list_append (separator_names, _("Comma"));
  gtk_string_list_append (separator_names, _("Semicolon"));
  gtk_string_list_append (separator_names, _("Tab"));
  adw_combo_row_set_model (self->separator_row, G_LIST_MODEL (separator_names));
  gtk_drop_down_set_model (self->all_dropdown, G_LIST_MODEL (all_names));

  g_signal_connect_object (self->encoding_row, "notify::selected", G_CALLBACK (on_format_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->separator_row, "notify::selected", G_CALLBACK (on_format_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_dropdown, "notify::selected", G_CALLBACK (on_all_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skip_invalid_switch, "notify::active", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
}

/* Public API */

SecImportDialog *
sec_import_dialog_new (GtkWindow  *parent,
                       SecStore   *store,
                       GType       kind,
                       GFile      *file,
                       GError    **error)
{
  g_autoptr(SecImportDialog) self = NULL;
  g_autofree char *name = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == SEC_TYPE_PERSON || kind == SEC_TYPE_ORGANISATION, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_ref_sink (g_object_new (SEC_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL));
  self->store = g_object_ref (store);
  self->kind = kind;
  self->contents = g_file_load_bytes (file, NULL, NULL, error);
  if (self->contents == NULL)
    return NULL;
  data = g_bytes_get_data (self->contents, &length);
  self->vcard = sec_import_is_vcard (data, length);
  if (self->vcard && kind != SEC_TYPE_PERSON)
    {
      g_set_error_literal (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_FAILED,
                           _("vCards hold people: import them in the People section"));
      return NULL;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), !self->vcard);
  if (!read_file (self, NULL, 0, error))
    return NULL;

  name = g_file_get_basename (file);
  adw_window_title_set_title (self->window_title, kind == SEC_TYPE_PERSON ? _("Import People")
                                                                          : _("Import Organisations"));
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), kind == SEC_TYPE_PERSON ? _("Import People")
                                                                   : _("Import Organisations"));
  return g_steal_pointer (&self);
}

gboolean
sec_import_dialog_get_done (SecImportDialog *self)
{
  g_return_val_if_fail (SEC_IS_IMPORT_DIALOG (self), FALSE);

  return self->done;
}

void
sec_import_dialog_get_summary (SecImportDialog  *self,
                               SecImportSummary *summary)
{
  g_return_if_fail (SEC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (summary != NULL);

  *summary = self->summary;
}

SecImportUndo *
sec_import_dialog_steal_undo (SecImportDialog *self)
{
  g_return_val_if_fail (SEC_IS_IMPORT_DIALOG (self), NULL);

  return g_steal_pointer (&self->undo);
}

gboolean
sec_import_dialog_get_checking (SecImportDialog *self)
{
  g_return_val_if_fail (SEC_IS_IMPORT_DIALOG (self), FALSE);

  return self->check_cancellable != NULL || self->remap || self->reread;
}

SecImport *
sec_import_dialog_get_import (SecImportDialog *self)
{
  g_return_val_if_fail (SEC_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}
