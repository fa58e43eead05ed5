/* sec-record-list.c: a GListModel of records, loaded page by page */
#define G_LOG_DOMAIN "sec-record-list"

#include "config.h"

#include "core/store/sec-record-list.h"
#include "core/store/sec-record-list-private.h"
#include "core/store/sec-store-private.h"
#include "core/store/sec-store-readers.h"

/* Pages kept: what a few screens around the rows shown need. Scrolling
 * through 200,000 people kept every page it read until the next reload. */
#define MAX_PAGES 24

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SecRecordList, sec_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_STATIC_ASSERT ((int) PROP_N_ITEMS == (int) SEC_RECORD_LIST_PROP_N_ITEMS);
G_STATIC_ASSERT ((int) PROP_LOADING == (int) SEC_RECORD_LIST_PROP_LOADING);

void
_sec_record_list_notify (SecRecordList     *self,
                         SecRecordListProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static guint
count_items (SecRecordList *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = sec_store_count (self->store, self->kind, self->query, &error);

  if (n < 0)
    {
      g_warning ("Could not count %s: %s", g_type_name (self->kind), error->message);
      return 0;
    }
  return (guint) MIN (n, G_MAXUINT);
}

/* Everything is new: the rows are removed, then the new ones added, in
 * two signals. In one signal, GtkSingleSelection looks for its selected
 * record among all the rows added (it compares the objects, and ours are
 * new ones): it read every row of the list, which froze the window for
 * 20 s after typing "m" among 200,000 people and kept its 30,000 records
 * (the process went from 245 to 520 MB). The list pane puts the selection back by id
 * (sec_record_list_find ()); between the two signals
 * sec_record_list_is_replacing () says that the emptiness is brief. */
void
_sec_record_list_replace_with (SecRecordList *self,
                               guint          now)
{
  guint old = self->n_items;

  if (old > 0 && now > 0)
    {
      self->n_items = 0;
      self->replacing = TRUE;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
      self->replacing = FALSE;
      self->n_items = now;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, now);
    }
  else
    {
      self->n_items = now;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, now);
    }
  if (old != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
_sec_record_list_replace_all (SecRecordList *self)
{
  g_hash_table_remove_all (self->pages);
  self->found_id = 0;
  _sec_record_list_replace_with (self, count_items (self));
}

/* Drops the cached page farthest from @page once there are too many. */
static void
trim_pages (SecRecordList *self,
            guint          page)
{
  GHashTableIter iter;
  gpointer key;
  guint farthest = page, distance = 0;

  if (g_hash_table_size (self->pages) < MAX_PAGES)
    return;
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint p = GPOINTER_TO_UINT (key);
      guint d = p > page ? p - page : page - p;

      if (d > distance)
        {
          distance = d;
          farthest = p;
        }
    }
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (farthest));
}

static GPtrArray *
load_page (SecRecordList *self,
           guint          page)
{
  GPtrArray *records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  g_autoptr(SecQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  if (records != NULL)
    return records;

  query = self->query ? sec_query_copy (self->query) : sec_query_new ();
  sec_query_set_range (query, (gint64) page * PAGE_SIZE, PAGE_SIZE);
  records = sec_store_list (self->store, self->kind, query, &error);
  if (records == NULL)
    {
      g_warning ("Could not read %s: %s", g_type_name (self->kind), error->message);
      return NULL;
    }
  trim_pages (self, page);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), records);
  return records;
}

gboolean
_sec_record_list_find_cached (SecRecordList *self,
                              gint64         id,
                              guint         *position)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *records = value;

      for (guint i = 0; i < records->len; i++)
        if (sec_record_get_id (g_ptr_array_index (records, i)) == id)
          {
            *position = GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
            return TRUE;
          }
    }
  return FALSE;
}

/* Forgets the cached pages from the one holding @position on: their rows
 * moved by one. */
static void
drop_pages_from (SecRecordList *self,
                 guint          position)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (GPOINTER_TO_UINT (key) >= position / PAGE_SIZE)
      g_hash_table_iter_remove (&iter);
}

/* One row less at @position. @moving: it comes back elsewhere at once
 * (the selection is put back then, see sec_record_list_is_replacing ()). */
static void
remove_row (SecRecordList *self,
            guint          position,
            gboolean       moving)
{
  self->n_items--;
  self->replacing = moving;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  self->replacing = FALSE;
  if (!moving)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
insert_row (SecRecordList *self,
            guint          position,
            gboolean       moving)
{
  self->n_items++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  if (!moving)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Each page of @numbers is replaced where it stands, in a signal of its
 * own: a list view keeps its scroll position, and GtkSingleSelection,
 * which reads every row added to find its selected one, reads one page.
 * Rows never read are not on screen. */
static void
emit_pages (SecRecordList *self,
            GList         *numbers)
{
  for (GList *l = numbers; l != NULL; l = l->next)
    {
      guint start = GPOINTER_TO_UINT (l->data) * PAGE_SIZE;
      guint n = start < self->n_items ? MIN (PAGE_SIZE, self->n_items - start) : 0;

      /* The last signal puts the selection back (see _sec_record_list_replace_all ()). */
      self->replacing = l->next != NULL;
      if (n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), start, n, n);
    }
  self->replacing = FALSE;
}

/**
 * _sec_record_list_apply_change:
 * @kind, @id, @change: the change in the store (@id 0: any record of
 *   @kind, or several changes)
 * @now: the list's count after it
 * @at: for a record of the kind listed inserted or updated, its place
 *   in the list after it (-1: not listed, or not read)
 * @fresh: (nullable) (transfer full): the pages read after the change
 *   (page number -> GPtrArray of SecRecord), which replace those read
 *   before; or NULL: the pages that moved are forgotten and read again
 *   when asked for
 *
 * A change to one record of the kind listed touches one row, and the
 * list says so: the rows around it, the selection and the scroll position
 * stay (another person's change arrives while one reads). As many rows
 * as before: the values shown (a meeting's count of participants, a name
 * shown beside) or the order may have changed, and each page read is
 * replaced where it stands. Anything else may change what is listed.
 *
 * Returns: whether it was taken in as a change to the one row of @id
 */
gboolean
_sec_record_list_apply_change (SecRecordList *self,
                               GType          kind,
                               gint64         id,
                               int            change,
                               guint          now,
                               gint64         at,
                               GHashTable    *fresh)
{
  g_autoptr(GHashTable) pages = fresh;
  gboolean one = kind == self->kind && id != 0;
  guint position = 0;
  gboolean cached = one && _sec_record_list_find_cached (self, id, &position);
  g_autoptr(GList) numbers = NULL;

  if (pages != NULL)
    {
      GHashTable *old = self->pages;

      self->pages = g_steal_pointer (&pages);
      pages = old;
    }

  if (one && change == SEC_STORE_CHANGE_INSERTED && now == self->n_items + 1 && at >= 0)
    {
      if (fresh == NULL)
        drop_pages_from (self, (guint) at);
      insert_row (self, (guint) at, FALSE);
      return TRUE;
    }
  if (one && change == SEC_STORE_CHANGE_DELETED && now + 1 == self->n_items && cached)
    {
      if (fresh == NULL)
        drop_pages_from (self, position);
      remove_row (self, position, FALSE);
      return TRUE;
    }
  if (one && change == SEC_STORE_CHANGE_UPDATED && now == self->n_items && cached && at >= 0)
    {
      if ((guint) at == position)
        {
          /* Its place in the order has not moved. */
          if (fresh == NULL)
            g_hash_table_remove (self->pages, GUINT_TO_POINTER (position / PAGE_SIZE));
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
        }
      else
        {
          if (fresh == NULL)
            drop_pages_from (self, MIN (position, (guint) at));
          remove_row (self, position, TRUE);
          insert_row (self, (guint) at, TRUE);
        }
      return TRUE;
    }
  if (now == self->n_items)
    {
      numbers = g_hash_table_get_keys (self->pages);
      if (fresh == NULL)
        g_hash_table_remove_all (self->pages);
      emit_pages (self, numbers);
      return FALSE;
    }
  if (fresh == NULL)
    g_hash_table_remove_all (self->pages);
  self->found_id = 0;
  _sec_record_list_replace_with (self, now);
  return FALSE;
}

/* Every page read replaced where it stands (see emit_pages ()). */
void
_sec_record_list_emit_pages (SecRecordList *self)
{
  g_autoptr(GList) numbers = g_hash_table_get_keys (self->pages);

  emit_pages (self, numbers);
}

static void
on_store_changed (SecRecordList *self,
                  GType          kind,
                  gint64         id,
                  int            change,
                  SecStore      *store)
{
  guint position;
  guint now;
  gint64 at = -1;

  self->found_id = 0;
  /* A long list's (a server's) is read in a worker; a search being read
   * there may have read the data before this change: it starts again. */
  if (_sec_record_list_refresh_later (self, kind, id, change))
    return;

  now = count_items (self);
  if (kind == self->kind && id != 0 &&
      ((change == SEC_STORE_CHANGE_INSERTED && now == self->n_items + 1) ||
       (change == SEC_STORE_CHANGE_UPDATED && now == self->n_items &&
        _sec_record_list_find_cached (self, id, &position))))
    at = sec_store_position (self->store, self->kind, self->query, id, NULL);
  _sec_record_list_apply_change (self, kind, id, change, now, at, NULL);
}

static GType
sec_record_list_get_item_type (GListModel *model)
{
  SecRecordList *self = SEC_RECORD_LIST (model);

  return self->kind;
}

static guint
sec_record_list_get_n_items (GListModel *model)
{
  SecRecordList *self = SEC_RECORD_LIST (model);

  return self->n_items;
}

static gpointer
sec_record_list_get_item (GListModel *model,
                          guint       position)
{
  SecRecordList *self = SEC_RECORD_LIST (model);
  GPtrArray *records;
  guint page = position / PAGE_SIZE;
  guint index = position % PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;
  records = load_page (self, page);
  if (records == NULL || index >= records->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (records, index));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sec_record_list_get_item_type;
  iface->get_n_items = sec_record_list_get_n_items;
  iface->get_item = sec_record_list_get_item;
}

static void
sec_record_list_dispose (GObject *object)
{
  SecRecordList *self = (SecRecordList *) object;

  _sec_record_list_cancel_background (self);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sec_record_list_parent_class)->dispose (object);
}

static void
sec_record_list_finalize (GObject *object)
{
  SecRecordList *self = (SecRecordList *) object;

  g_clear_pointer (&self->query, sec_query_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (sec_record_list_parent_class)->finalize (object);
}

static void
sec_record_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SecRecordList *self = SEC_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->task != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_record_list_class_init (SecRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sec_record_list_dispose;
  object_class->finalize = sec_record_list_finalize;
  object_class->get_property = sec_record_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* A query is being read in the background. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sec_record_list_init (SecRecordList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * sec_record_list_new:
 *
 * Returns: (transfer full): the list
 */
SecRecordList *
sec_record_list_new (SecStore *store,
                     GType     kind,
                     SecQuery *query)
{
  SecRecordList *self;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (kind, SEC_TYPE_RECORD), NULL);

  self = g_object_new (SEC_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->query = query ? sec_query_copy (query) : sec_query_new ();
  self->n_items = count_items (self);
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  return self;
}

SecStore *
sec_record_list_get_store (SecRecordList *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_LIST (self), NULL);

  return self->store;
}

GType
sec_record_list_get_kind (SecRecordList *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_LIST (self), 0);

  return self->kind;
}

SecQuery *
sec_record_list_get_query (SecRecordList *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_LIST (self), NULL);

  return self->query;
}

void
sec_record_list_set_query (SecRecordList *self,
                           SecQuery      *query)
{
  g_return_if_fail (SEC_IS_RECORD_LIST (self));

  /* The same query: a search being read is dropped, but a change being
   * read still comes in. */
  if (sec_query_equal (self->query, query))
    {
      if (self->pending != NULL)
        _sec_record_list_cancel_background (self);
      return;
    }
  _sec_record_list_cancel_background (self);
  g_clear_pointer (&self->query, sec_query_free);
  self->query = query ? sec_query_copy (query) : sec_query_new ();
  _sec_record_list_replace_all (self);
}

/**
 * sec_record_list_is_replacing:
 *
 * Whether @self is between the two "items-changed" of a replacement of
 * all its rows (a new query, a change in the store: it is empty for that
 * moment only) or of a record moving to its new place, or amid the
 * signals that replace its pages where they stand: a selection that went
 * with its rows will come back with the last signal.
 *
 * Returns: whether it is
 */
gboolean
sec_record_list_is_replacing (SecRecordList *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_LIST (self), FALSE);

  return self->replacing;
}

gint64
sec_record_list_find (SecRecordList *self,
                      gint64         id)
{
  guint position;

  g_return_val_if_fail (SEC_IS_RECORD_LIST (self), -1);

  if (_sec_record_list_find_cached (self, id, &position))
    return position;
  if (self->found_id != 0 && self->found_id == id)
    return self->found_at;
  return sec_store_position (self->store, self->kind, self->query, id, NULL);
}

void
sec_record_list_reload (SecRecordList *self)
{
  g_return_if_fail (SEC_IS_RECORD_LIST (self));

  _sec_record_list_cancel_background (self);
  _sec_record_list_replace_all (self);
}

gboolean
sec_record_list_is_loading (SecRecordList *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_LIST (self), FALSE);

  return self->task != NULL;
}
