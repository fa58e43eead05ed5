/* sec-record-page.c: the detail pane: one record and its relations
 *
 * The page is built from the record's SecKind: a row per field with a value
 * (references as links), then the records related to it, each group read
 * through a SecRecordList so that a body with thousands of members costs a
 * page of rows. Links activate the window's "win.open-record" action with
 * the linked record's kind and id; the page emits no signals of its own.
 *
 * Rows and values are made in sec-record-page-rows.c, the related groups in
 * sec-record-page-relations.c.
 */
#define G_LOG_DOMAIN "sec-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/store/sec-records.h"
#include "ui/records/sec-record-editor.h"
#include "ui/records/sec-record-page.h"
#include "ui/records/sec-record-page-private.h"
#include "ui/widgets/sec-read-only.h"
#include "ui/widgets/sec-text-column.h"

G_DEFINE_FINAL_TYPE (SecRecordPage, sec_record_page, GTK_TYPE_WIDGET)

/* Actions of the rows */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* The page */

static char *
dup_subtitle (SecRecord *record)
{
  const SecKind *kind = sec_record_get_kind (record);
  const char *name = kind->name;

  if (g_str_equal (name, "person"))
    {
      const char *position = sec_record_get_string (record, "position");
      const char *organisation = sec_record_get_derived (record, "organisation-name");
      g_autofree char *parts = _sec_record_page_join_parts (position ? position : "",
                                                            organisation ? organisation : "", NULL);

      return *parts ? g_steal_pointer (&parts) : g_strdup (_(kind->label));
    }
  if (g_str_equal (name, "meeting"))
    {
      g_autofree char *period = sec_format_period (sec_record_get_string (record, "starts-at"),
                                                   sec_record_get_string (record, "ends-at"));
      return _sec_record_page_join_parts (period, _sec_record_page_choice_label (record, "status"), NULL);
    }
  if (g_str_equal (name, "organisation"))
    {
      const char *country = sec_country_name (sec_record_get_string (record, "country"));
      return _sec_record_page_join_parts (_sec_record_page_choice_label (record, "kind"), country ? country : "", NULL);
    }
  if (g_str_equal (name, "call"))
    {
      g_autofree char *deadline = sec_format_datetime (sec_record_get_string (record, "deadline"));
      g_autofree char *deadline_text = *deadline ? g_strdup_printf (_("Deadline %s"), deadline) : g_strdup ("");
      return _sec_record_page_join_parts (_(kind->label), deadline_text,
                                          _sec_record_page_choice_label (record, "status"), NULL);
    }
  if (g_str_equal (name, "statement"))
    {
      g_autofree char *date = sec_format_date (sec_record_get_string (record, "signed-on"));
      return _sec_record_page_join_parts (_(kind->label), date, NULL);
    }

  /* A record that links two others: what it links them to. */
  {
    static const char *const contexts[] = { "meeting-title", "body-name", "call-title", NULL };

    for (guint i = 0; contexts[i] != NULL; i++)
      {
        const char *context = sec_record_get_derived (record, contexts[i]);

        if (context != NULL && *context != '\0')
          return _sec_record_page_join_parts (_(kind->label), context, NULL);
      }
  }

  return g_strdup (_(kind->label));
}

/* The title: a participant or speaker is first of all a person. */
static char *
dup_title (SecRecord *record)
{
  char *person = sec_record_dup_person_name (record);

  return person ? person : sec_record_dup_title (record);
}

static void
clear_sections (SecRecordPage *self)
{
  GtkWidget *child;

  if (self->related != NULL)
    g_ptr_array_set_size (self->related, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
  g_hash_table_remove_all (self->depends_on);
}

/* Where the focus is among the sections, as the place of each widget
 * among its siblings from the sections down; NULL when it is elsewhere. */
static GArray *
save_focus_path (SecRecordPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GArray *path;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sections)))
    return NULL;
  path = g_array_new (FALSE, FALSE, sizeof (guint));
  for (GtkWidget *w = focus; w != GTK_WIDGET (self->sections); w = gtk_widget_get_parent (w))
    {
      guint index = 0;

      for (GtkWidget *s = gtk_widget_get_prev_sibling (w); s != NULL; s = gtk_widget_get_prev_sibling (s))
        index++;
      g_array_prepend_val (path, index);
    }
  return path;
}

/* The focus back on the widget in the same place of the new sections, so
 * that the window does not give it to the first widget of the page (and
 * scroll there) when it is next activated. */
static void
restore_focus_path (SecRecordPage *self)
{
  GtkWidget *w = GTK_WIDGET (self->sections);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled_window);

  for (guint i = 0; w != NULL && i < self->focus_path->len; i++)
    {
      guint index = g_array_index (self->focus_path, guint, i);

      w = gtk_widget_get_first_child (w);
      for (guint j = 0; w != NULL && j < index; j++)
        w = gtk_widget_get_next_sibling (w);
    }
  if (w == NULL || !gtk_widget_get_focusable (w))
    return;
  /* Not laid out yet: the viewport would scroll to a place it has not got. */
  if (GTK_IS_VIEWPORT (viewport))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  gtk_widget_grab_focus (w);
  if (GTK_IS_VIEWPORT (viewport))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
}

static gboolean
restore_scroll_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  SecRecordPage *self = SEC_RECORD_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  if (self->focus_path != NULL)
    restore_focus_path (self);
  g_clear_pointer (&self->focus_path, g_array_unref);
  gtk_adjustment_set_value (adjustment, self->restore_scroll);
  return G_SOURCE_REMOVE;
}

/* A long title (a joint meeting's names every body) in the largest type
 * filled the page's column over ten lines with large text, pushing its
 * tools out of sight: the longer the title, the smaller its type. */
static void
set_title_size (GtkLabel   *label,
                const char *title)
{
  glong length = g_utf8_strlen (title, -1);
  const char *size = length <= 40 ? "title-1" : length <= 80 ? "title-2" : "title-3";
  static const char *const sizes[] = { "title-1", "title-2", "title-3" };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), sizes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), size);
}

static void
rebuild (SecRecordPage *self,
         gboolean       keep_scroll)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  SecRecord *record = self->record;
  const SecKind *kind;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *details;

  self->restore_scroll = gtk_adjustment_get_value (adjustment);
  g_clear_pointer (&self->focus_path, g_array_unref);
  if (keep_scroll)
    self->focus_path = save_focus_path (self);
  clear_sections (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", record != NULL);
  sec_read_only_apply (GTK_WIDGET (self), self->store);
  gtk_widget_set_visible (self->edit_button, record != NULL);
  gtk_widget_set_visible (self->delete_button, record != NULL);

  if (record == NULL)
    {
      if (self->id != 0)
        {
          adw_status_page_set_title (self->status_page, _("Record Deleted"));
          adw_status_page_set_icon_name (self->status_page, "user-trash-symbolic");
        }
      else
        {
          adw_status_page_set_title (self->status_page, _("No Record Selected"));
          adw_status_page_set_icon_name (self->status_page, "x-office-address-book-symbolic");
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  kind = sec_record_get_kind (record);
  title = dup_title (record);
  subtitle = dup_subtitle (record);
  /* The title's type is large: words of up to 8 characters are sure to
   * fit its column beside the buttons, the subtitle's of up to 16. */
  sec_text_column_set_label_text (self->title_label, title, 8);
  set_title_size (self->title_label, title);
  sec_text_column_set_label_text (self->subtitle_label, subtitle, 16);

  _sec_record_page_add_privacy (self, record);
  details = _sec_record_page_new_group (_("Details"));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SecField *field = &kind->fields[i];
      g_autofree char *value = _sec_record_page_format_value (self, record, field);

      if (value != NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                                   _sec_record_page_new_field_row (self, record, field, value));
    }
  gtk_box_append (self->sections, details);

  _sec_record_page_add_relations (self, record);
  _sec_record_page_add_history (self, record);

  gtk_stack_set_visible_child_name (self->stack, "record");

  /* The new content is measured at the next frame; the position is set back then. */
  if (keep_scroll)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_scroll_cb, NULL, NULL);
  else
    gtk_adjustment_set_value (adjustment, 0);
}

/* Reads the record again: it may have changed, gone, or come back (Undo). */
static void
reload (SecRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  SecRecord *fresh = NULL;

  if (self->id != 0 && self->store != NULL)
    {
      fresh = sec_store_get (self->store, self->kind, self->id, &error);
      if (fresh == NULL && !g_error_matches (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read %s %" G_GINT64_FORMAT ": %s",
                   g_type_name (self->kind), self->id, error->message);
    }

  g_clear_object (&self->record);
  self->record = fresh;
  rebuild (self, TRUE);
}

static gboolean
refresh_cb (gpointer user_data)
{
  SecRecordPage *self = user_data;

  self->refresh_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SecRecordPage *self,
                  GType          kind,
                  gint64         id,
                  int            change,
                  SecStore      *store)
{
  gboolean relevant;

  if (self->id == 0)
    return;

  relevant = (kind == self->kind && (id == 0 || id == self->id)) ||
             g_hash_table_contains (self->depends_on, GSIZE_TO_POINTER (kind));
  /* A burst of changes (an import, a cascade) is one refresh. */
  if (relevant && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* Actions */

/* Creates a record related to the one shown, with the reference to it (and
 * what else is obvious: the person's organisation, the next position) filled
 * in. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SecRecordPage *self = SEC_RECORD_PAGE (widget);
  const char *new_kind_name = g_variant_get_string (parameter, NULL);
  GType new_type = sec_record_kind_lookup (new_kind_name);
  const SecKind *new_kind;
  const SecKind *shown_kind;
  GtkRoot *root = gtk_widget_get_root (widget);
  SecRecordEditor *editor;
  g_autofree char *id = NULL;
  const char *link_field = NULL;

  g_return_if_fail (new_type != 0);
  if (self->record == NULL || self->store == NULL)
    return;

  new_kind = sec_kind_from_type (new_type);
  shown_kind = sec_record_get_kind (self->record);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->id);

  editor = sec_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->store, new_type, NULL);

  if (new_type == SEC_TYPE_MEETING && self->kind == SEC_TYPE_BODY)
    sec_record_editor_set_field (editor, "bodies", id);

  for (guint i = 0; i < new_kind->n_fields; i++)
    {
      const SecField *field = &new_kind->fields[i];

      if (field->type != SEC_FIELD_REF)
        continue;
      if (link_field == NULL && g_str_equal (field->ref_kind, shown_kind->name))
        {
          link_field = field->name;
          sec_record_editor_set_field (editor, field->name, id);
        }
      else if (new_type != self->kind)
        {
          /* The same reference on the record shown: a participant added
           * from a person represents the person's organisation. */
          const SecField *same = sec_kind_find_field (shown_kind, field->name);

          if (same != NULL && same->type == SEC_FIELD_REF && g_str_equal (same->ref_kind, field->ref_kind) &&
              sec_record_get_ref (self->record, field->name) != 0)
            {
              g_autofree char *value = sec_record_dup_text (self->record, field->name);
              sec_record_editor_set_field (editor, field->name, value);
            }
        }
    }

  /* Items in order (agenda, signatories, commitments): the next place. */
  if (link_field != NULL && sec_kind_find_field (new_kind, "position") != NULL &&
      sec_kind_find_field (new_kind, "position")->type == SEC_FIELD_INT)
    {
      g_autoptr(SecQuery) query = _sec_record_page_query_for (link_field, self->id, NULL, FALSE);
      gint64 n = sec_store_count (self->store, new_type, query, NULL);
      g_autofree char *position = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (n, 0) + 1);

      sec_record_editor_set_field (editor, "position", position);
    }

  gtk_window_present (GTK_WINDOW (editor));
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _sec_record_page_show_more (SEC_RECORD_PAGE (widget), g_variant_get_uint32 (parameter));
}

static void
restore_value_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _sec_record_page_restore_value (SEC_RECORD_PAGE (widget), g_variant_get_int64 (parameter));
}

/* What show_record_soon () left for a later frame goes: the page shows
 * what it showed before, or what sec_record_page_set_record () shows now. */
static void
cancel_pending (SecRecordPage *self)
{
  if (self->pending_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick_id);
  self->pending_tick_id = 0;
  g_clear_handle_id (&self->pending_idle_id, g_source_remove);
  g_clear_object (&self->pending_store);
  g_clear_object (&self->pending_record);
  if (self->stack != NULL)
    gtk_widget_set_opacity (GTK_WIDGET (self->stack), 1);
}

static gboolean
show_pending_cb (gpointer user_data)
{
  SecRecordPage *self = SEC_RECORD_PAGE (user_data);
  g_autoptr(SecStore) store = g_steal_pointer (&self->pending_store);
  g_autoptr(SecRecord) record = g_steal_pointer (&self->pending_record);

  self->pending_idle_id = 0;
  sec_record_page_set_record (self, store, record);
  return G_SOURCE_REMOVE;
}

/* At the start of the next frame, which draws what changed with the call
 * (a list's new rows, laid out then): the record is read and its rows
 * made once that frame is drawn, before the next (GTK's redraw comes at
 * a lower priority), which lays them out. */
static gboolean
pending_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  SecRecordPage *self = SEC_RECORD_PAGE (widget);

  self->pending_tick_id = 0;
  self->pending_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_pending_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Overrides */

static void
sec_record_page_dispose (GObject *object)
{
  SecRecordPage *self = (SecRecordPage *) object;

  cancel_pending (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_pointer (&self->related, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_RECORD_PAGE);

  G_OBJECT_CLASS (sec_record_page_parent_class)->dispose (object);
}

static void
sec_record_page_finalize (GObject *object)
{
  SecRecordPage *self = (SecRecordPage *) object;

  g_clear_pointer (&self->depends_on, g_hash_table_unref);
  g_clear_pointer (&self->related_shown, g_hash_table_unref);
  g_clear_pointer (&self->focus_path, g_array_unref);

  G_OBJECT_CLASS (sec_record_page_parent_class)->finalize (object);
}

static void
sec_record_page_class_init (SecRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sec_record_page_dispose;
  object_class->finalize = sec_record_page_finalize;

  g_type_ensure (SEC_TYPE_TEXT_COLUMN);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/secretariat/Secretariat/sec-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SecRecordPage, sections);

  gtk_widget_class_install_action (widget_class, "page.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "page.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "page.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "page.restore-value", "x", restore_value_action);
  gtk_widget_class_install_action (widget_class, "page.show-more", "u", show_more_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sec_record_page_init (SecRecordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->depends_on = g_hash_table_new (NULL, NULL);
  self->related = g_ptr_array_new_with_free_func (_sec_record_page_related_free);
  self->related_shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rebuild (self, FALSE);
}

/* Public API */

/**
 * sec_record_page_new:
 *
 * Returns: (transfer floating): a new, empty detail page
 */
GtkWidget *
sec_record_page_new (void)
{
  return g_object_new (SEC_TYPE_RECORD_PAGE, NULL);
}

/**
 * sec_record_page_set_record:
 * @store: (nullable): the store @record comes from
 * @record: (nullable): the record to show, or NULL for none
 *
 * Shows @record as read again from @store, and follows its changes.
 */
void
sec_record_page_set_record (SecRecordPage *self,
                            SecStore      *store,
                            SecRecord     *record)
{
  gboolean same;

  g_return_if_fail (SEC_IS_RECORD_PAGE (self));
  g_return_if_fail (store == NULL || SEC_IS_STORE (store));
  g_return_if_fail (record == NULL || SEC_IS_RECORD (record));
  g_return_if_fail (record == NULL || store != NULL);

  cancel_pending (self);
  same = record != NULL && self->id != 0 && G_OBJECT_TYPE (record) == self->kind &&
         sec_record_get_id (record) == self->id && store == self->store;

  if (store != self->store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                                                    self, G_CONNECT_SWAPPED);
    }

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* Another record lists its first related rows again. */
  if (!same)
    {
      g_hash_table_remove_all (self->related_shown);
      self->history_expanded = FALSE;
    }
  self->kind = record ? G_OBJECT_TYPE (record) : G_TYPE_INVALID;
  self->id = record ? sec_record_get_id (record) : 0;

  if (record == NULL || self->id == 0)
    {
      /* Not stored (yet): show it as it is. */
      g_set_object (&self->record, record);
      rebuild (self, FALSE);
      return;
    }

  /* Read it again: a list's copy may lack what the page shows. */
  g_clear_object (&self->record);
  self->record = sec_store_get (store, self->kind, self->id, NULL);
  if (self->record == NULL)
    self->record = g_object_ref (record);
  rebuild (self, same);
}

/**
 * sec_record_page_show_record_soon:
 * @store: (nullable): the store @record comes from
 * @record: (nullable): the record to show, or NULL for none
 *
 * Shows @record as sec_record_page_set_record () does, but when the page
 * is on screen, once the next frame is drawn: reading the record and
 * making its rows (6–16 ms for a person of the big file) then runs on its
 * own, and laying them out in the frame after, rather than adding to the
 * work of the call (a search's new rows, made now and laid out in the
 * next frame). Meanwhile the page draws nothing,
 * so that it never shows the record before (which may no longer be in the
 * list). A later call of either function replaces this one.
 */
void
sec_record_page_show_record_soon (SecRecordPage *self,
                                  SecStore      *store,
                                  SecRecord     *record)
{
  g_return_if_fail (SEC_IS_RECORD_PAGE (self));
  g_return_if_fail (store == NULL || SEC_IS_STORE (store));
  g_return_if_fail (record == NULL || SEC_IS_RECORD (record));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      sec_record_page_set_record (self, store, record);
      return;
    }
  g_set_object (&self->pending_store, store);
  g_set_object (&self->pending_record, record);
  gtk_widget_set_opacity (GTK_WIDGET (self->stack), 0);
  if (self->pending_tick_id == 0 && self->pending_idle_id == 0)
    self->pending_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), pending_tick_cb, NULL, NULL);
}

/**
 * sec_record_page_is_pending:
 *
 * Returns: whether a record given to sec_record_page_show_record_soon ()
 *   is still to be shown
 */
gboolean
sec_record_page_is_pending (SecRecordPage *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_PAGE (self), FALSE);

  return self->pending_tick_id != 0 || self->pending_idle_id != 0;
}

/**
 * sec_record_page_get_record:
 *
 * Returns: (nullable) (transfer none): the record shown
 */
SecRecord *
sec_record_page_get_record (SecRecordPage *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_PAGE (self), NULL);

  return self->record;
}
