/* sec-list-pane-rows.c: the list pane's row widgets, and spare ones
 *
 * GTK 4.8's list view keeps up to 200 rows around the one in view and,
 * when its model's rows are replaced (a search typed: "m" in 200,000
 * people), makes a list item and a row for each new record in the same
 * frame, then destroys the old ones. Making and destroying the rows was
 * the larger part of that frame (issue 16). So the pane keeps spare rows:
 * an old row is taken out of its list item and kept, unbound, and a new
 * list item takes a spare row before a new one is made. A change can make
 * its new list items before it lets the old ones go, so when a search is
 * typed (its results come after a pause for the next keystroke and a
 * query in a worker), spare rows are also made meanwhile, a few at a time
 * when the main loop has nothing else to do, until there are as many as
 * the rows in use. A list never searched keeps none, neither made nor
 * let go (memory: some 10 kB a row). GTK 4.12 and later keep their list
 * items' widgets themselves: there the pane keeps no rows. Part of SecListPane
 * (see sec-list-pane-private.h).
 */
#define G_LOG_DOMAIN "sec-list-pane"

#include "config.h"

#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-list-pane-private.h"
#include "ui/records/sec-record-row.h"

/* Made ahead: as many as GTK 4.8's list view keeps (200,
 * GTK_LIST_VIEW_MAX_LIST_ITEMS) and a few for the rows beyond them. */
#define MAX_SPARE_ROWS 210
/* Kept: twice that, as a search's new rows can come in the signal after
 * the one that let the old rows go (replace_from () in sec-record-list.c). */
#define MAX_KEPT_ROWS (2 * MAX_SPARE_ROWS)
/* Rows made ahead in one go: well under a millisecond. */
#define ROWS_MADE_AT_ONCE 10

static GQuark
row_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("sec-list-pane-row");
  return quark;
}

static gboolean
make_spare_rows_cb (gpointer user_data)
{
  SecListPane *self = user_data;
  guint wanted = MIN (self->rows_in_use, MAX_SPARE_ROWS);

  for (guint i = 0; i < ROWS_MADE_AT_ONCE && self->spare_rows->len < wanted; i++)
    g_ptr_array_add (self->spare_rows, g_object_ref_sink (sec_record_row_new ()));
  if (self->spare_rows->len < wanted)
    return G_SOURCE_CONTINUE;
  self->spare_rows_source = 0;
  return G_SOURCE_REMOVE;
}

void
_sec_list_pane_make_spare_rows (SecListPane *self)
{
  self->keep_rows = TRUE;
  if (self->spare_rows != NULL && self->spare_rows_source == 0 &&
      self->spare_rows->len < MIN (self->rows_in_use, MAX_SPARE_ROWS))
    self->spare_rows_source = g_idle_add_full (G_PRIORITY_LOW, make_spare_rows_cb, self, NULL);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SecListPane              *self)
{
  g_autoptr(GtkWidget) row = NULL;

  if (self->spare_rows == NULL)
    {
      gtk_list_item_set_child (item, sec_record_row_new ());
      return;
    }
  self->rows_in_use++;
  if (self->spare_rows->len > 0)
    row = g_ptr_array_steal_index_fast (self->spare_rows, self->spare_rows->len - 1);
  else
    row = g_object_ref_sink (sec_record_row_new ());
  gtk_list_item_set_child (item, row);
  /* GTK 4.8 takes the child out before "teardown": held to be kept then. */
  g_object_set_qdata_full (G_OBJECT (item), row_quark (), g_steal_pointer (&row), g_object_unref);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SecListPane              *self)
{
  sec_record_row_set_record (SEC_RECORD_ROW (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            SecListPane              *self)
{
  sec_record_row_set_record (SEC_RECORD_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
teardown_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SecListPane              *self)
{
  g_autoptr(GtkWidget) row = g_object_steal_qdata (G_OBJECT (item), row_quark ());

  g_return_if_fail (self->rows_in_use > 0);
  self->rows_in_use--;
  if (row != NULL && gtk_list_item_get_child (item) == row)
    gtk_list_item_set_child (item, NULL);
  /* Not before a search is typed (a list reloaded), nor when the list
   * view is let go with the pane. */
  if (!self->keep_rows || row == NULL || gtk_widget_get_parent (row) != NULL || self->spare_rows == NULL ||
      self->spare_rows->len >= MAX_KEPT_ROWS)
    return;
  sec_record_row_set_record (SEC_RECORD_ROW (row), NULL);
  g_ptr_array_add (self->spare_rows, g_steal_pointer (&row));
}

void
_sec_list_pane_init_rows (SecListPane        *self,
                          GtkListItemFactory *factory)
{
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  /* GTK 4.12 and later keep their list items' widgets themselves and tear
   * them down otherwise (taking a row out there crashed test-editor under
   * GTK 4.18): spare rows on older GTK only. */
  if (gtk_get_major_version () == 4 && gtk_get_minor_version () < 12)
    {
      self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
      g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row), self);
    }
}

GPtrArray *
_sec_list_pane_get_spare_rows (SecListPane *self)
{
  return self->spare_rows;
}

void
_sec_list_pane_drop_spare_rows (SecListPane *self)
{
  g_clear_handle_id (&self->spare_rows_source, g_source_remove);
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);
}
