/* sec-record-list.c: a GListModel of records, loaded page by page */
#define G_LOG_DOMAIN "sec-record-list"

#include "config.h"

#include "core/store/sec-record-list.h"
#include "core/store/sec-store-private.h"
#include "core/store/sec-store-readers.h"

#define PAGE_SIZE 200
/* Pages kept: what a few screens around the rows shown need. Scrolling
 * through 200,000 people kept every page it read until the next reload. */
#define MAX_PAGES 24

struct _SecRecordList
{
  GObject     parent_instance;

  SecStore   *store;
  GType       kind;
  SecQuery   *query;
  guint       n_items;
  GHashTable *pages;   /* page number -> GPtrArray of SecRecord */
  gulong      changed_id;
  gboolean    replacing; /* between the two items-changed of replace_all () */

  /* A query read in the background (see set_query_in_background ()). */
  GTask      *task;      /* the search running, or NULL */
  SecQuery   *pending;   /* its query */
  gint64      pending_keep;
  gint64      found_id;  /* a position read with the last query, or 0 */
  gint64      found_at;
};

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

static void cancel_background  (SecRecordList *self);
static void restart_background (SecRecordList *self);

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
static void
replace_with (SecRecordList *self,
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

static void
replace_all (SecRecordList *self)
{
  g_hash_table_remove_all (self->pages);
  self->found_id = 0;
  replace_with (self, count_items (self));
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

static gboolean
find_cached (SecRecordList *self,
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
  drop_pages_from (self, position);
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
  drop_pages_from (self, position);
  self->n_items++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  if (!moving)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* As many rows as before, any of which may show other values (another
 * kind changed: a count, a name shown beside). Each page read so far is
 * replaced where it stands, in a signal of its own: a list view keeps its
 * scroll position, and GtkSingleSelection, which reads every row added
 * to find its selected one, reads one page. Rows never read are not on
 * screen. */
static void
refresh_in_place (SecRecordList *self)
{
  g_autoptr(GList) keys = g_hash_table_get_keys (self->pages);

  g_hash_table_remove_all (self->pages);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      guint start = GPOINTER_TO_UINT (l->data) * PAGE_SIZE;
      guint n = start < self->n_items ? MIN (PAGE_SIZE, self->n_items - start) : 0;

      /* The last signal puts the selection back (see replace_all ()). */
      self->replacing = l->next != NULL;
      if (n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), start, n, n);
    }
  self->replacing = FALSE;
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
  gint64 at;

  /* A search read in the background may have read the file before this
   * change: it starts again. */
  self->found_id = 0;
  restart_background (self);

  /* A change to one record of the kind listed touches one row, and the
   * list says so: the rows around it, the selection and the scroll
   * position stay (another person's change arrives while one reads). */
  now = count_items (self);
  if (kind == self->kind && id != 0)
    {
      if (change == SEC_STORE_CHANGE_INSERTED && now == self->n_items + 1 &&
          (at = sec_store_position (self->store, self->kind, self->query, id, NULL)) >= 0)
        {
          insert_row (self, (guint) at, FALSE);
          return;
        }
      if (change == SEC_STORE_CHANGE_DELETED && now + 1 == self->n_items && find_cached (self, id, &position))
        {
          remove_row (self, position, FALSE);
          return;
        }
      if (change == SEC_STORE_CHANGE_UPDATED && now == self->n_items && find_cached (self, id, &position) &&
          (at = sec_store_position (self->store, self->kind, self->query, id, NULL)) >= 0)
        {
          if ((guint) at == position)
            {
              /* Its place in the order has not moved. */
              g_hash_table_remove (self->pages, GUINT_TO_POINTER (position / PAGE_SIZE));
              g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
            }
          else
            {
              remove_row (self, position, TRUE);
              insert_row (self, (guint) at, TRUE);
            }
          return;
        }
    }
  /* As many rows: the values shown (a meeting's count of participants) or
   * the order of rows may have changed. */
  if (now == self->n_items)
    {
      refresh_in_place (self);
      return;
    }

  /* Anything else may change what is listed. */
  replace_all (self);
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

  cancel_background (self);

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

  cancel_background (self);
  if (sec_query_equal (self->query, query))
    return;
  g_clear_pointer (&self->query, sec_query_free);
  self->query = query ? sec_query_copy (query) : sec_query_new ();
  replace_all (self);
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

  if (find_cached (self, id, &position))
    return position;
  if (self->found_id != 0 && self->found_id == id)
    return self->found_at;
  return sec_store_position (self->store, self->kind, self->query, id, NULL);
}

void
sec_record_list_reload (SecRecordList *self)
{
  g_return_if_fail (SEC_IS_RECORD_LIST (self));

  cancel_background (self);
  replace_all (self);
}

/* ---- A query read in the background ------------------------------------
 *
 * A keystroke in the search of 200,000 people ("m": 30,000 found) took
 * 0.3 s on the main thread: the count, a page or two and the position of
 * the selected record. sec_record_list_set_query_in_background () reads
 * them in a worker thread, on a read-only connection of its own to the
 * same file (SQLite's write-ahead log lets it read while the store's
 * connection is idle or writing), and the list takes them in one step on
 * the main thread; meanwhile it shows the rows it had. A later query
 * replaces one still running (its result is dropped), and so does a change
 * in the store (the worker may have read the file before it: the query is
 * read again). The pages after the first two are read as before, on the
 * main thread, when the list is scrolled to them.
 *
 * A small table of a file is read at once: it takes milliseconds. A
 * server database's lists always go to a worker, on a session of its own
 * (sec-store-readers.c): each statement there is a round trip, and a
 * count or a search 15–300 ms, which the window would wait for.
 */

#define BACKGROUND_MIN_ROWS 20000

static guint background_min_rows = BACKGROUND_MIN_ROWS;

void
sec_record_list_set_background_min_rows (guint n_rows)
{
  background_min_rows = n_rows;
}

typedef struct {
  GType          kind;
  SecQuery      *query;
  gint64         keep_id;
  SecReaders    *readers;
  /* What the worker read */
  guint          n_items;
  GPtrArray     *pages[2];
  gint64         keep_at;
} Search;

static void
search_free (gpointer data)
{
  Search *search = data;

  g_clear_pointer (&search->query, sec_query_free);
  g_clear_pointer (&search->readers, sec_readers_unref);
  for (guint i = 0; i < G_N_ELEMENTS (search->pages); i++)
    g_clear_pointer (&search->pages[i], g_ptr_array_unref);
  g_free (search);
}

/* Deals @rows (the list's first rows, transfer none) into @search's
 * pages, and notes where its record to keep is among them. */
static void
split_pages (Search    *search,
             GPtrArray *rows)
{
  for (guint p = 0; p < G_N_ELEMENTS (search->pages) && (p == 0 || p * PAGE_SIZE < rows->len); p++)
    {
      guint end = MIN (rows->len, (p + 1) * PAGE_SIZE);

      search->pages[p] = g_ptr_array_new_full (end - p * PAGE_SIZE, g_object_unref);
      for (guint i = p * PAGE_SIZE; i < end; i++)
        {
          SecRecord *record = g_ptr_array_index (rows, i);

          g_ptr_array_add (search->pages[p], g_object_ref (record));
          if (search->keep_id > 0 && sec_record_get_id (record) == search->keep_id)
            search->keep_at = i;
        }
    }
}

/* Whether the pages read hold every row of the search. */
static gboolean
all_read (Search *search)
{
  guint read = 0;

  for (guint p = 0; p < G_N_ELEMENTS (search->pages) && search->pages[p] != NULL; p++)
    read += search->pages[p]->len;
  return read >= search->n_items;
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Search *search = task_data;
  g_autoptr(GError) error = NULL;
  SecStore *reader = sec_readers_take (search->readers, &error);
  gint64 n;

  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      sec_readers_give_back (search->readers, reader);
      g_task_return_boolean (task, FALSE);
      return;
    }

  n = sec_store_count (reader, search->kind, search->query, &error);
  search->n_items = n > 0 ? (guint) MIN (n, G_MAXUINT) : 0;
  /* The first two pages, what a list view asks for at once, in one query:
   * a search looked up and sorted reads every match's row for each query
   * (3,975 of them for "mülle" among 200,000 people, 16 MB of pages). */
  search->keep_at = -1;
  if (n >= 0 && search->n_items > 0 && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(SecQuery) query = sec_query_copy (search->query);
      g_autoptr(GPtrArray) rows = NULL;

      sec_query_set_range (query, 0, G_N_ELEMENTS (search->pages) * PAGE_SIZE);
      if ((rows = sec_store_list (reader, search->kind, query, &error)) == NULL)
        n = -1;
      else
        split_pages (search, rows);
    }
  /* The position of the selected record, unless among those rows: a count
   * reads the matches again. */
  if (n >= 0 && search->keep_id > 0 && search->keep_at < 0 && !all_read (search) &&
      !g_cancellable_is_cancelled (cancellable))
    search->keep_at = sec_store_position (reader, search->kind, search->query, search->keep_id, &error);

  if (error != NULL)
    {
      sec_readers_discard (search->readers, reader);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The rows go to the list first; then the connection gives its pages
   * back, not 2 s later (issue 16: 17–25 MB kept while a search was shown
   * and cleared). The next keystroke finds them in the system's cache of
   * the file (4–11 ms more for "müller" after "mülle" in bench-scale). A
   * worker taking the connection meanwhile waits for it (milliseconds). */
  g_task_return_boolean (task, TRUE);
  sec_store_release_memory (reader);
  sec_readers_give_back (search->readers, reader);
}

static void
set_task (SecRecordList *self,
          GTask         *task)
{
  gboolean was = self->task != NULL;

  g_clear_object (&self->task);
  self->task = task;
  if (was != (task != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
cancel_background (SecRecordList *self)
{
  if (self->task == NULL)
    return;
  g_cancellable_cancel (g_task_get_cancellable (self->task));
  g_clear_pointer (&self->pending, sec_query_free);
  set_task (self, NULL);
}

/* ---- Taking a new query's rows in: what stays keeps its objects --------
 *
 * A keystroke replaced every row, and GTK 4.8's list view then destroyed
 * the widgets of the rows it had made (about 200, whatever the window
 * shows) and made, bound and measured as many new ones: 130–150 ms of the
 * main thread's processor time for a keystroke among 200,000 people. Its
 * list item manager keeps the widget of a row whose object comes back
 * within the same "items-changed", so the rows the new query shares with
 * the old one keep their SecRecord objects (same id, same values), and a
 * row before the first that differs is not in the signal at all: "mülle"
 * then "müller" changes nothing on screen. A new search that shares no
 * row still makes them all.
 */

/* Whether @b may stand for @a: the same record, as read. */
static gboolean
same_record (SecRecord *a,
             SecRecord *b)
{
  const SecDerived *derived = sec_record_get_kind (a)->derived;

  if (!sec_record_equal (a, b) || sec_record_get_version (a) != sec_record_get_version (b))
    return FALSE;
  for (guint i = 0; derived != NULL && derived[i].name != NULL; i++)
    if (g_strcmp0 (sec_record_get_derived (a, derived[i].name), sec_record_get_derived (b, derived[i].name)) != 0)
      return FALSE;
  return TRUE;
}

/* The row at @position among the pages read, or NULL. */
static SecRecord *
get_cached (SecRecordList *self,
            guint          position)
{
  GPtrArray *records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / PAGE_SIZE));

  return records != NULL && position % PAGE_SIZE < records->len ? g_ptr_array_index (records, position % PAGE_SIZE)
                                                                 : NULL;
}

/* Puts the objects of the rows read so far in @search's pages where they
 * are the same records. Returns the number of leading rows that are the
 * same objects as before (in the same places). */
static guint
adopt_rows (SecRecordList *self,
            Search        *search)
{
  g_autoptr(GHashTable) old = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer value;
  guint same = 0;
  gboolean leading = TRUE;

  /* Keyed by the id as a pointer: on a 32-bit system two ids may share a
   * key, which only costs a row its old object. */
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (guint i = 0; i < ((GPtrArray *) value)->len; i++)
      {
        SecRecord *record = g_ptr_array_index ((GPtrArray *) value, i);

        g_hash_table_insert (old, GSIZE_TO_POINTER ((gsize) sec_record_get_id (record)), record);
      }
  for (guint p = 0; p < G_N_ELEMENTS (search->pages) && search->pages[p] != NULL; p++)
    for (guint i = 0; i < search->pages[p]->len; i++)
      {
        SecRecord *record = g_ptr_array_index (search->pages[p], i);
        SecRecord *was = g_hash_table_lookup (old, GSIZE_TO_POINTER ((gsize) sec_record_get_id (record)));
        guint position = p * PAGE_SIZE + i;

        if (was != NULL && sec_record_get_id (was) == sec_record_get_id (record) && same_record (was, record))
          {
            g_ptr_array_index (search->pages[p], i) = g_object_ref (was);
            g_object_unref (record);
            record = was;
          }
        leading = leading && position < self->n_items && get_cached (self, position) == record;
        if (leading)
          same = position + 1;
      }
  return same;
}

/* Whether the rows after the first @same may be replaced in one signal.
 * GtkSingleSelection looks for its selected object among the rows added
 * when it was among those removed, reading them one by one: in one signal
 * it would read every row of a long list (see replace_with ()). So one
 * signal only when that search stops among the rows read: the selected
 * record (the search's keep_id) is before the change, or comes back as the
 * same object among the new pages; or nothing is removed, or there is no
 * selection and nothing is added. Otherwise two (replace_from ()). */
static gboolean
can_take_in_one_signal (SecRecordList *self,
                        Search        *search,
                        guint          same)
{
  guint was_at;

  if (search->keep_id <= 0 || !find_cached (self, search->keep_id, &was_at))
    return self->n_items == same || (search->keep_id <= 0 && search->n_items == same);
  if (was_at < same)
    return TRUE;
  if (search->keep_at < 0 || (guint64) search->keep_at >= (guint64) G_N_ELEMENTS (search->pages) * PAGE_SIZE)
    return FALSE;
  {
    GPtrArray *page = search->pages[search->keep_at / PAGE_SIZE];
    guint index = search->keep_at % PAGE_SIZE;

    return page != NULL && index < page->len && g_ptr_array_index (page, index) == get_cached (self, was_at);
  }
}

/* The rows from @same on are replaced by the new query's (@now rows in
 * all): in one signal when @one_signal, else removed then added in two,
 * as replace_with () does from the first row (the list pane puts the
 * selection back by id after the second, or on the first row when the
 * selected record is gone). */
static void
replace_from (SecRecordList *self,
              guint          same,
              guint          now,
              gboolean       one_signal)
{
  guint old = self->n_items;

  if (one_signal)
    {
      self->n_items = now;
      if (old != same || now != same)
        g_list_model_items_changed (G_LIST_MODEL (self), same, old - same, now - same);
    }
  else if (old > same && now > same)
    {
      self->n_items = same;
      self->replacing = TRUE;
      g_list_model_items_changed (G_LIST_MODEL (self), same, old - same, 0);
      self->replacing = FALSE;
      self->n_items = now;
      g_list_model_items_changed (G_LIST_MODEL (self), same, 0, now - same);
    }
  else
    {
      replace_with (self, now);
      return;
    }
  if (old != now)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SecRecordList *self = SEC_RECORD_LIST (source);
  GTask *task = G_TASK (result);
  Search *search = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint same;
  gboolean one_signal;

  /* Replaced by a later query, or dropped. */
  if (task != self->task)
    return;
  g_clear_pointer (&self->pending, sec_query_free);
  if (!g_task_propagate_boolean (task, &error))
    {
      /* Read here instead (the file could not be opened a second time). */
      g_debug ("Reading %s in the background failed: %s", g_type_name (self->kind), error->message);
      set_task (self, NULL);
      g_clear_pointer (&self->query, sec_query_free);
      self->query = g_steal_pointer (&search->query);
      replace_all (self);
      return;
    }

  /* Before the old rows go: the rows both lists show keep their objects. */
  same = adopt_rows (self, search);
  one_signal = can_take_in_one_signal (self, search, same);

  g_clear_pointer (&self->query, sec_query_free);
  self->query = g_steal_pointer (&search->query);
  g_hash_table_remove_all (self->pages);
  for (guint i = 0; i < G_N_ELEMENTS (search->pages); i++)
    if (search->pages[i] != NULL)
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (i), g_steal_pointer (&search->pages[i]));
  self->found_id = search->keep_id;
  self->found_at = search->keep_at;
  /* Not loading any more once the rows are in (a handler of the signals
   * may set another query). */
  g_object_ref (task);
  set_task (self, NULL);
  replace_from (self, same, search->n_items, one_signal);
  g_object_unref (task);
}

static void
start_background (SecRecordList *self,
                  SecQuery      *query,
                  gint64         keep_id)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GTask *task = g_task_new (self, cancellable, on_search_done, NULL);
  Search *search = g_new0 (Search, 1);

  search->kind = self->kind;
  search->query = sec_query_copy (query);
  search->keep_id = keep_id;
  search->readers = sec_store_get_readers (self->store);
  g_task_set_task_data (task, search, search_free);
  g_task_set_source_tag (task, start_background);
  /* Drops what was running (its result is not taken). */
  if (self->task != NULL)
    g_cancellable_cancel (g_task_get_cancellable (self->task));
  if (self->pending != query)
    {
      g_clear_pointer (&self->pending, sec_query_free);
      self->pending = sec_query_copy (query);
    }
  self->pending_keep = keep_id;
  set_task (self, task);
  g_task_run_in_thread (task, search_thread);
}

static void
restart_background (SecRecordList *self)
{
  g_autoptr(SecQuery) query = NULL;

  if (self->task == NULL)
    return;
  query = sec_query_copy (self->pending);
  start_background (self, query, self->pending_keep);
}

/* Whether reading @self's kind is worth a worker: a server's, or a file's
 * table long enough. Its largest id stands for its number of rows:
 * counting 200,000 people took 10–80 ms of each keystroke under load. */
static gboolean
worth_background (SecRecordList *self)
{
  const char *path = sec_store_get_path (self->store);
  g_autofree char *sql = NULL;
  g_autoptr(SecStmt) stmt = NULL;

  if (path == NULL)
    return FALSE;
  if (sec_store_is_server_uri (path))
    return TRUE;
  if (background_min_rows == 0)
    return TRUE;
  sql = g_strdup_printf ("SELECT max(id) FROM %s", sec_kind_from_type (self->kind)->table);
  stmt = sec_engine_prepare (_sec_store_get_engine (self->store), sql, NULL);
  return stmt != NULL && sec_stmt_step (stmt, NULL) == SEC_STEP_ROW &&
         sec_stmt_get_int64 (stmt, 0) >= (gint64) background_min_rows;
}

/**
 * sec_record_list_set_query_in_background:
 * @query: (nullable): the new query
 * @keep_id: a record whose position in the new list
 *   sec_record_list_find () will be asked (the selected one), or 0
 *
 * Replaces the query as sec_record_list_set_query () does, but reads the
 * new count, first pages and the position of @keep_id in a worker thread
 * when the list is long (see above); the list keeps its rows meanwhile
 * (SecRecordList:loading) and changes in one step. Otherwise, at once.
 */
void
sec_record_list_set_query_in_background (SecRecordList *self,
                                         SecQuery      *query,
                                         gint64         keep_id)
{
  g_autoptr(SecQuery) copy = NULL;

  g_return_if_fail (SEC_IS_RECORD_LIST (self));

  copy = query ? sec_query_copy (query) : sec_query_new ();
  if (self->task != NULL && sec_query_equal (self->pending, copy))
    return;
  if (self->task == NULL && sec_query_equal (self->query, copy))
    return;
  if (!worth_background (self))
    {
      sec_record_list_set_query (self, copy);
      return;
    }
  start_background (self, copy, keep_id);
}

gboolean
sec_record_list_is_loading (SecRecordList *self)
{
  g_return_val_if_fail (SEC_IS_RECORD_LIST (self), FALSE);

  return self->task != NULL;
}
