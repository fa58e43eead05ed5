/* sec-commitments-window.c: the commitments grid of a joint statement
 *
 * Rows are the statement's commitments, columns its signatories in signing
 * order (acronyms in the headers, the full name in their tooltips), for
 * one year. Each cell is a button showing the status in colour and in
 * words, with the date; its popover sets the status, the date, a note and
 * an evidence link, through sec_statement_set_cell () (one transaction).
 * Each row and column ends with its progress. The grid is a GtkGrid: a
 * statement has tens of cells, not thousands; it scrolls both ways, and
 * the arrow keys move between its cells.
 *
 * The window follows the store: a cell changed here or elsewhere is read
 * again, in place, so that the focus stays on the cell.
 */
#define G_LOG_DOMAIN "sec-commitments-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/calls/sec-call-export-dialog.h"
#include "ui/statements/sec-commitments-window.h"
#include "ui/statements/sec-commitments-window-private.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-date-row.h"
#include "ui/widgets/sec-year-dropdown.h"
#include "core/base/sec-format.h"

G_DEFINE_FINAL_TYPE (SecCommitmentsWindow, sec_commitments_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Colour and icon of each status; the words say it too. */
static const struct {
  const char *css_class;
  const char *icon_name;
} status_looks[SEC_FOLLOW_UP_N_STATUSES] = {
  [SEC_FOLLOW_UP_NOT_STARTED] = { "warning", "media-record-symbolic" },
  [SEC_FOLLOW_UP_IN_PROGRESS] = { "accent", "content-loading-symbolic" },
  [SEC_FOLLOW_UP_DONE] = { "success", "object-select-symbolic" },
  [SEC_FOLLOW_UP_NOT_APPLICABLE] = { "dim-label", "action-unavailable-symbolic" },
};

#define CELL_WIDTH 168


/* Helpers: text */

/* "EASO", or the name when there is no acronym. */
static char *
dup_signatory_short_name (SecRecord *signatory)
{
  const char *acronym = sec_record_get_derived (signatory, "organisation-acronym");
  const char *name = sec_record_get_derived (signatory, "organisation-name");

  if (acronym != NULL && *acronym != '\0')
    return g_strdup (acronym);
  return g_strdup (name != NULL && *name ? name : _("Signatory"));
}

/* "European Asylum Support Office, signed by José Carreira, Executive Director" */
char *
_sec_commitments_window_dup_signatory_long_name (SecRecord *signatory)
{
  const char *name = sec_record_get_derived (signatory, "organisation-name");
  const char *signer = sec_record_get_string (signatory, "signer-name");
  const char *position = sec_record_get_string (signatory, "signer-position");

  if (signer != NULL && *signer && position != NULL && *position)
    /* Translators: a signatory: organisation, who signed and their position */
    return g_strdup_printf (_("%s, signed by %s, %s"), name ? name : "", signer, position);
  if (signer != NULL && *signer)
    /* Translators: a signatory: organisation and who signed */
    return g_strdup_printf (_("%s, signed by %s"), name ? name : "", signer);
  return g_strdup (name != NULL ? name : "");
}

/* "16 Oct 2020": a cell is narrow. NULL when @iso is not a date. */
static char *
dup_short_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || !sec_check_date (iso))
    return NULL;
  date = sec_parse_datetime (iso, NULL);
  /* Translators: a short date in a cell of the commitments grid, as for
   * g_date_time_format (): "16 Oct 2020" */
  return date != NULL ? g_date_time_format (date, _("%-d %b %Y")) : NULL;
}

/* "Done: 3 · In progress: 2 · Not started: 4 · Not applicable: 1" */
static char *
dup_counts (const SecProgress *progress)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint s = 0; s < SEC_FOLLOW_UP_N_STATUSES; s++)
    {
      static const SecFollowUpStatus order[] = {
        SEC_FOLLOW_UP_DONE, SEC_FOLLOW_UP_IN_PROGRESS, SEC_FOLLOW_UP_NOT_STARTED, SEC_FOLLOW_UP_NOT_APPLICABLE,
      };
      g_autofree char *number = sec_format_count (progress->counts[order[s]]);

      if (text->len > 0)
        g_string_append (text, _(" · "));
      /* Translators: a status and how many cells have it, "Done: 19" */
      g_string_append_printf (text, _("%s: %s"), sec_follow_up_status_label (order[s]), number);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_percent (const SecProgress *progress)
{
  /* Translators: a share done, "40%"; write it as your language does (French "40 %", with a no-break space) */
  return g_strdup_printf (_("%d%%"), progress->percent_done);
}

/* Helpers: messages */

static void
show_error (SecCommitmentsWindow *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* Helpers: the cells */

static Cell *
get_cell (SecCommitmentsWindow *self,
          guint                 row,
          guint                 column)
{
  guint n_columns = self->data != NULL ? sec_statement_grid_get_n_signatories (self->data) : 0;
  guint index = row * n_columns + column;

  if (column >= n_columns || index >= self->cells->len)
    return NULL;
  return g_ptr_array_index (self->cells, index);
}

static void
show_cell (SecCommitmentsWindow *self,
           Cell                 *cell)
{
  const SecGridCell *data = sec_statement_grid_get_cell (self->data, cell->row, cell->column);
  SecRecord *signatory = SEC_RECORD (sec_statement_grid_get_signatory (self->data, cell->column));
  g_autofree char *name = dup_signatory_short_name (signatory);
  g_autofree char *date = sec_format_date (data->date);
  g_autofree char *short_date = dup_short_date (data->date);
  const char *label = sec_follow_up_status_label (data->status);
  g_autoptr(GString) description = g_string_new (NULL);
  gboolean has_note = (data->note != NULL && *data->note) || (data->evidence != NULL && *data->evidence);

  gtk_label_set_text (GTK_LABEL (cell->status_label), label);
  gtk_image_set_from_icon_name (GTK_IMAGE (cell->icon), status_looks[data->status].icon_name);
  for (guint s = 0; s < SEC_FOLLOW_UP_N_STATUSES; s++)
    gtk_widget_remove_css_class (cell->button, status_looks[s].css_class);
  gtk_widget_add_css_class (cell->button, status_looks[data->status].css_class);

  if (data->follow_up_id == 0)
    gtk_label_set_text (GTK_LABEL (cell->date_label), _("Not recorded"));
  else
    gtk_label_set_text (GTK_LABEL (cell->date_label), short_date != NULL ? short_date : _("No date"));
  gtk_widget_set_visible (cell->note_icon, has_note);

  /* What is seen, read out and shown on hovering: "Commitment 2, Europol: Done, 16 October 2020",
   * each case a whole sentence for the translators; the note and the evidence
   * go on lines of their own. */
  if (data->follow_up_id == 0)
    /* Translators: a commitment cell without a follow-up: its number, the signatory and the status, "Commitment 2, Europol: Not started (not recorded)" */
    g_string_append_printf (description, _("Commitment %1$u, %2$s: %3$s (not recorded)"), cell->row + 1, name, label);
  else if (*date)
    /* Translators: a commitment cell: its number, the signatory, the status and its date, "Commitment 2, Europol: Done, 16 October 2020" */
    g_string_append_printf (description, _("Commitment %1$u, %2$s: %3$s, %4$s"), cell->row + 1, name, label, date);
  else
    /* Translators: a commitment cell without a date: its number, the signatory and the status, "Commitment 2, Europol: Done" */
    g_string_append_printf (description, _("Commitment %1$u, %2$s: %3$s"), cell->row + 1, name, label);
  if (data->note != NULL && *data->note)
    {
      g_string_append_c (description, '\n');
      /* Translators: the note of a commitment cell, on a line of its own */
      g_string_append_printf (description, _("Note: %s"), data->note);
    }
  if (data->evidence != NULL && *data->evidence)
    {
      g_string_append_c (description, '\n');
      /* Translators: the evidence of a commitment cell, on a line of its own */
      g_string_append_printf (description, _("Evidence: %s"), data->evidence);
    }
  gtk_widget_set_tooltip_text (cell->button, description->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description->str, -1);
}

static void
show_progress_widget (GtkWidget         *box,
                      const SecProgress *progress)
{
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *bar = gtk_widget_get_next_sibling (label);
  g_autofree char *percent = dup_percent (progress);
  g_autofree char *counts = dup_counts (progress);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", percent, counts);

  gtk_label_set_text (GTK_LABEL (label), percent);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), progress->percent_done / 100.0);
  gtk_widget_set_tooltip_text (box, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static GtkWidget *
new_progress_widget (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (box, 72, -1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  return box;
}

static void
show_progress (SecCommitmentsWindow *self)
{
  SecProgress progress;
  g_autofree char *percent = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;

  sec_statement_grid_get_progress (self->data, &progress);
  percent = dup_percent (&progress);
  counts = dup_counts (&progress);
  /* Translators: the whole grid's progress, "40% done · Done: 19 · In progress: 18 ..." */
  text = g_strdup_printf (_("%s done · %s"), percent, counts);
  gtk_label_set_text (self->progress_label, text);
  gtk_level_bar_set_value (self->level_bar, progress.percent_done / 100.0);

  for (guint r = 0; r < self->row_progress->len; r++)
    {
      sec_statement_grid_get_row_progress (self->data, r, &progress);
      show_progress_widget (g_ptr_array_index (self->row_progress, r), &progress);
    }
  for (guint c = 0; c < self->column_progress->len; c++)
    {
      sec_statement_grid_get_column_progress (self->data, c, &progress);
      show_progress_widget (g_ptr_array_index (self->column_progress, c), &progress);
    }
}

/* Helpers: setting a cell */

gboolean
_sec_commitments_window_set_cell (SecCommitmentsWindow  *self,
                                  Cell                  *cell,
                                  SecFollowUpStatus      status,
                                  const char            *date,
                                  const char            *note,
                                  const char            *evidence,
                                  GError               **error)
{
  const SecGridCell *data = sec_statement_grid_get_cell (self->data, cell->row, cell->column);
  g_autoptr(SecFollowUp) follow_up = NULL;

  follow_up = sec_statement_set_cell (self->store, data->commitment_id, data->signatory_id,
                                      sec_commitments_window_get_year (self), status, date, note, evidence,
                                      error);
  if (follow_up == NULL)
    return FALSE;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  /* Shown at once; the store's signal reads it all again after. */
  _sec_commitments_window_refresh (self);
  return TRUE;
}

/* Callbacks */

static gboolean
on_key_pressed (SecCommitmentsWindow  *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  int status = -1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_4)
    status = (int) (keyval - GDK_KEY_1);
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_4)
    status = (int) (keyval - GDK_KEY_KP_1);
  if (status < 0 || focus == NULL)
    return FALSE;

  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);

      if (focus != cell->button && !gtk_widget_is_ancestor (focus, cell->button))
        continue;
      /* A new status is dated today; the note and evidence stay. */
      if (!_sec_commitments_window_set_cell (self, cell, (SecFollowUpStatus) status, NULL, NULL, NULL, &error))
        show_error (self, error->message);
      return TRUE;
    }
  return FALSE;
}

static void
on_year_selected (SecCommitmentsWindow *self)
{
  _sec_commitments_window_refresh (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  SecCommitmentsWindow *self = user_data;

  self->refresh_id = 0;
  _sec_commitments_window_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SecCommitmentsWindow *self,
                  GType                 kind,
                  gint64                id,
                  int                   change,
                  SecStore             *store)
{
  if (kind == SEC_TYPE_STATEMENT && id == sec_record_get_id (SEC_RECORD (self->statement)))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SecRecord) fresh = sec_store_get (self->store, SEC_TYPE_STATEMENT, id, &error);

      if (fresh == NULL && g_error_matches (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
        {
          /* The statement is gone, and its grid with it. */
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      if (fresh != NULL)
        {
          g_autofree char *title = sec_record_dup_title (fresh);

          g_set_object (&self->statement, SEC_STATEMENT (fresh));
          adw_window_title_set_subtitle (self->window_title, title);
        }
    }

  if (kind != SEC_TYPE_FOLLOW_UP && kind != SEC_TYPE_SIGNATORY && kind != SEC_TYPE_COMMITMENT &&
      kind != SEC_TYPE_ORGANISATION)
    return;
  /* A burst of changes is one refresh. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* Helpers: the grid */

static GtkWidget *
new_header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static Cell *
new_cell (SecCommitmentsWindow *self,
          guint                 row,
          guint                 column)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  cell->window = self;
  cell->row = row;
  cell->column = column;
  cell->button = gtk_menu_button_new ();
  /* The button's name says the state the icon shows. */
  cell->icon = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  cell->status_label = gtk_label_new (NULL);
  cell->date_label = gtk_label_new (NULL);
  cell->note_icon = sec_decorative_icon_new ("document-edit-symbolic");

  gtk_label_set_ellipsize (GTK_LABEL (cell->status_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (cell->status_label), 0);
  gtk_box_append (GTK_BOX (top), cell->icon);
  gtk_box_append (GTK_BOX (top), cell->status_label);

  gtk_label_set_ellipsize (GTK_LABEL (cell->date_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (cell->date_label), 0);
  gtk_widget_add_css_class (cell->date_label, "caption");
  gtk_widget_add_css_class (cell->date_label, "dim-label");
  gtk_widget_set_hexpand (cell->date_label, TRUE);
  gtk_widget_add_css_class (cell->note_icon, "dim-label");
  gtk_box_append (GTK_BOX (bottom), cell->date_label);
  gtk_box_append (GTK_BOX (bottom), cell->note_icon);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (cell->button), box);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (cell->button), FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (cell->button), _sec_commitments_window_create_popup_cb, cell, NULL);
  gtk_widget_set_size_request (cell->button, CELL_WIDTH, -1);
  gtk_widget_set_valign (cell->button, GTK_ALIGN_CENTER);
  return cell;
}

/* Makes the grid's widgets for @self->data's rows and columns. */
static void
build_grid (SecCommitmentsWindow *self)
{
  guint n_rows = sec_statement_grid_get_n_commitments (self->data);
  guint n_columns = sec_statement_grid_get_n_signatories (self->data);
  GtkWidget *child;
  GtkWidget *label;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->row_progress, 0);
  g_ptr_array_set_size (self->column_progress, 0);

  gtk_stack_set_visible_child_name (self->stack, n_rows > 0 && n_columns > 0 ? "grid" : "empty");

  label = new_header_label (_("Commitment"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (self->grid, label, 0, 0, 1, 1);

  for (guint c = 0; c < n_columns; c++)
    {
      SecRecord *signatory = SEC_RECORD (sec_statement_grid_get_signatory (self->data, c));
      g_autofree char *short_name = dup_signatory_short_name (signatory);
      g_autofree char *long_name = _sec_commitments_window_dup_signatory_long_name (signatory);

      label = new_header_label (short_name);
      gtk_widget_set_size_request (label, CELL_WIDTH, -1);
      gtk_widget_set_tooltip_text (label, long_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, long_name, -1);
      gtk_grid_attach (self->grid, label, (int) c + 1, 0, 1, 1);
    }
  label = new_header_label (_("Progress"));
  gtk_grid_attach (self->grid, label, (int) n_columns + 1, 0, 1, 1);

  for (guint r = 0; r < n_rows; r++)
    {
      SecRecord *commitment = SEC_RECORD (sec_statement_grid_get_commitment (self->data, r));
      const char *text = sec_record_get_string (commitment, "text");
      /* Translators: a commitment's number and text, "2. Counter the culture of impunity" */
      g_autofree char *numbered = g_strdup_printf (_("%u. %s"), r + 1, text != NULL ? text : "");
      GtkWidget *progress;

      label = gtk_label_new (numbered);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
      gtk_label_set_lines (GTK_LABEL (label), 4);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (label, text);
      gtk_grid_attach (self->grid, label, 0, (int) r + 1, 1, 1);

      for (guint c = 0; c < n_columns; c++)
        {
          Cell *cell = new_cell (self, r, c);

          g_ptr_array_add (self->cells, cell);
          gtk_grid_attach (self->grid, cell->button, (int) c + 1, (int) r + 1, 1, 1);
        }

      progress = new_progress_widget ();
      g_ptr_array_add (self->row_progress, progress);
      gtk_grid_attach (self->grid, progress, (int) n_columns + 1, (int) r + 1, 1, 1);
    }

  label = new_header_label (_("Progress"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (self->grid, label, 0, (int) n_rows + 1, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *progress = new_progress_widget ();

      gtk_widget_set_margin_start (progress, 12);
      gtk_widget_set_margin_end (progress, 12);
      g_ptr_array_add (self->column_progress, progress);
      gtk_grid_attach (self->grid, progress, (int) c + 1, (int) n_rows + 1, 1, 1);
    }
}

/* Whether @a and @b have the same commitments and signatories in the same
 * order (then the widgets are kept, and only their contents change). */
static gboolean
same_shape (SecStatementGrid *a,
            SecStatementGrid *b)
{
  guint rows = sec_statement_grid_get_n_commitments (a);
  guint columns = sec_statement_grid_get_n_signatories (a);

  if (rows != sec_statement_grid_get_n_commitments (b) || columns != sec_statement_grid_get_n_signatories (b))
    return FALSE;
  for (guint r = 0; r < rows; r++)
    {
      SecRecord *x = SEC_RECORD (sec_statement_grid_get_commitment (a, r));
      SecRecord *y = SEC_RECORD (sec_statement_grid_get_commitment (b, r));

      if (sec_record_get_id (x) != sec_record_get_id (y) ||
          g_strcmp0 (sec_record_get_string (x, "text"), sec_record_get_string (y, "text")) != 0)
        return FALSE;
    }
  for (guint c = 0; c < columns; c++)
    {
      SecRecord *x = SEC_RECORD (sec_statement_grid_get_signatory (a, c));
      SecRecord *y = SEC_RECORD (sec_statement_grid_get_signatory (b, c));

      if (sec_record_get_id (x) != sec_record_get_id (y) ||
          g_strcmp0 (sec_record_get_derived (x, "organisation-acronym"),
                     sec_record_get_derived (y, "organisation-acronym")) != 0 ||
          g_strcmp0 (sec_record_get_derived (x, "organisation-name"),
                     sec_record_get_derived (y, "organisation-name")) != 0)
        return FALSE;
    }
  return TRUE;
}

void
_sec_commitments_window_refresh (SecCommitmentsWindow *self)
{
  g_autoptr(GError) error = NULL;
  SecStatementGrid *fresh = sec_statement_get_grid (self->store, self->statement,
                                                    sec_commitments_window_get_year (self), &error);
  gboolean rebuild;
  int focus_row = -1, focus_column = -1;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (fresh == NULL)
    {
      show_error (self, error->message);
      return;
    }

  rebuild = self->data == NULL || !same_shape (self->data, fresh);
  for (guint i = 0; rebuild && focus != NULL && i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);

      if (focus == cell->button || gtk_widget_is_ancestor (focus, cell->button))
        {
          focus_row = (int) cell->row;
          focus_column = (int) cell->column;
        }
    }

  g_clear_pointer (&self->data, sec_statement_grid_unref);
  self->data = fresh;
  if (rebuild)
    build_grid (self);
  for (guint i = 0; i < self->cells->len; i++)
    show_cell (self, g_ptr_array_index (self->cells, i));
  show_progress (self);

  if (focus_row >= 0)
    {
      Cell *cell = get_cell (self, (guint) focus_row, (guint) focus_column);
      if (cell != NULL)
        gtk_widget_grab_focus (cell->button);
    }
}

static void
fill_years (SecCommitmentsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = sec_statement_dup_years (self->store, self->statement, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);
  int chosen = 0;

  if (years == NULL)
    {
      show_error (self, error->message);
      years = g_array_new (FALSE, FALSE, sizeof (int));
    }
  if (years->len == 0)
    g_array_append_val (years, this_year);

  /* The latest year with something recorded: the follow-up in hand. */
  for (guint i = years->len; i > 0 && chosen == 0; i--)
    {
      int year = g_array_index (years, int, i - 1);
      g_autoptr(SecStatementGrid) grid = sec_statement_get_grid (self->store, self->statement, year, NULL);
      SecProgress progress;

      if (grid == NULL)
        continue;
      sec_statement_grid_get_progress (grid, &progress);
      if (progress.total > 0 && progress.unrecorded < progress.total)
        chosen = year;
    }
  if (chosen == 0)
    chosen = this_year;

  /* Newest first; the first when @chosen is not among them. */
  sec_year_dropdown_set_years (self->year_drop_down, years, NULL);
  sec_year_dropdown_set_year (self->year_drop_down, chosen);
}

/* Actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SecCommitmentsWindow *self = SEC_COMMITMENTS_WINDOW (widget);
  SecCallExportDialog *dialog = sec_call_export_dialog_new (GTK_WINDOW (self), self->store,
                                                            SEC_RECORD (self->statement));

  sec_call_export_dialog_set_document (dialog, SEC_CALL_EXPORT_MONITORING_PDF);
  sec_call_export_dialog_set_year (dialog, sec_commitments_window_get_year (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (SEC_COMMITMENTS_WINDOW (widget)->error_revealer, FALSE);
}

/* Overrides */

static void
sec_commitments_window_constructed (GObject *object)
{
  SecCommitmentsWindow *self = SEC_COMMITMENTS_WINDOW (object);
  GtkEventController *keys;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;

  G_OBJECT_CLASS (sec_commitments_window_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->statement != NULL);

  title = sec_record_dup_title (SEC_RECORD (self->statement));
  adw_window_title_set_subtitle (self->window_title, title);
  /* Translators: the title of the commitments window, "Commitments – Joint Statement of 2018" */
  window_title = g_strdup_printf (_("Commitments – %s"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  fill_years (self);
  _sec_commitments_window_refresh (self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), keys);

  g_signal_connect_object (self->year_drop_down, "notify::selected", G_CALLBACK (on_year_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

static void
sec_commitments_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SecCommitmentsWindow *self = SEC_COMMITMENTS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STATEMENT:
      g_value_set_object (value, self->statement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_commitments_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SecCommitmentsWindow *self = SEC_COMMITMENTS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STATEMENT:
      self->statement = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_commitments_window_dispose (GObject *object)
{
  SecCommitmentsWindow *self = SEC_COMMITMENTS_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_COMMITMENTS_WINDOW);
  g_clear_pointer (&self->data, sec_statement_grid_unref);
  g_clear_object (&self->statement);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sec_commitments_window_parent_class)->dispose (object);
}

static void
sec_commitments_window_finalize (GObject *object)
{
  SecCommitmentsWindow *self = SEC_COMMITMENTS_WINDOW (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->row_progress, g_ptr_array_unref);
  g_clear_pointer (&self->column_progress, g_ptr_array_unref);

  G_OBJECT_CLASS (sec_commitments_window_parent_class)->finalize (object);
}

static void
sec_commitments_window_class_init (SecCommitmentsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sec_commitments_window_constructed;
  object_class->get_property = sec_commitments_window_get_property;
  object_class->set_property = sec_commitments_window_set_property;
  object_class->dispose = sec_commitments_window_dispose;
  object_class->finalize = sec_commitments_window_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SEC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATEMENT] =
    g_param_spec_object ("statement", NULL, NULL, SEC_TYPE_STATEMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-commitments-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SecCommitmentsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SecCommitmentsWindow, year_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SecCommitmentsWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SecCommitmentsWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SecCommitmentsWindow, level_bar);
  gtk_widget_class_bind_template_child (widget_class, SecCommitmentsWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SecCommitmentsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SecCommitmentsWindow, grid);

  gtk_widget_class_install_action (widget_class, "commitments.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "commitments.dismiss-error", NULL, dismiss_error_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sec_commitments_window_init (SecCommitmentsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sec_drop_down_set_accessible_name (self->year_drop_down, _("Year of the follow-up"));

  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->row_progress = g_ptr_array_new ();
  self->column_progress = g_ptr_array_new ();
}

/* Public API */

/**
 * sec_commitments_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store of @statement
 * @statement: a stored statement
 *
 * Returns: (transfer none): a new commitments window
 */
SecCommitmentsWindow *
sec_commitments_window_new (GtkWindow    *parent,
                            SecStore     *store,
                            SecStatement *statement)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);

  return g_object_new (SEC_TYPE_COMMITMENTS_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "statement", statement,
                       NULL);
}

/**
 * sec_commitments_window_open:
 *
 * Returns: (transfer none): the window presented
 */
SecCommitmentsWindow *
sec_commitments_window_open (GtkWindow    *parent,
                             SecStore     *store,
                             SecStatement *statement,
                             int           year)
{
  g_autoptr(GList) toplevels = NULL;
  SecCommitmentsWindow *window = NULL;
  gint64 id;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_STATEMENT (statement), NULL);

  id = sec_record_get_id (SEC_RECORD (statement));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL && window == NULL; l = l->next)
    if (SEC_IS_COMMITMENTS_WINDOW (l->data) && SEC_COMMITMENTS_WINDOW (l->data)->store == store &&
        sec_record_get_id (SEC_RECORD (SEC_COMMITMENTS_WINDOW (l->data)->statement)) == id)
      window = l->data;

  if (window == NULL)
    window = sec_commitments_window_new (parent, store, statement);
  if (year > 0)
    sec_commitments_window_set_year (window, year);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

int
sec_commitments_window_get_year (SecCommitmentsWindow *self)
{
  g_return_val_if_fail (SEC_IS_COMMITMENTS_WINDOW (self), 0);

  return sec_year_dropdown_get_year (self->year_drop_down);
}

void
sec_commitments_window_set_year (SecCommitmentsWindow *self,
                                 int                   year)
{
  g_return_if_fail (SEC_IS_COMMITMENTS_WINDOW (self));

  sec_year_dropdown_set_year (self->year_drop_down, year);
}

/**
 * sec_commitments_window_get_grid:
 *
 * Returns: (transfer none): the grid shown
 */
SecStatementGrid *
sec_commitments_window_get_grid (SecCommitmentsWindow *self)
{
  g_return_val_if_fail (SEC_IS_COMMITMENTS_WINDOW (self), NULL);

  return self->data;
}

/**
 * sec_commitments_window_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell's control
 */
GtkWidget *
sec_commitments_window_get_cell (SecCommitmentsWindow *self,
                                 guint                 row,
                                 guint                 column)
{
  Cell *cell;

  g_return_val_if_fail (SEC_IS_COMMITMENTS_WINDOW (self), NULL);

  cell = get_cell (self, row, column);
  return cell != NULL ? cell->button : NULL;
}
