/* sec-record-list-background.c: what a SecRecordList reads in a worker
 *
 * Part of SecRecordList (sec-record-list.c): a new query of a long list,
 * and on a server every change in the store, are read on a connection of
 * the store's readers (sec-store-readers.c) in a worker thread, and the
 * list takes the result in on the main thread.
 */
#define G_LOG_DOMAIN "sec-record-list"

#include "config.h"

#include "core/store/sec-record-list.h"
#include "core/store/sec-record-list-private.h"
#include "core/store/sec-store-private.h"
#include "core/store/sec-store-readers.h"

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

/* What a worker reads on a connection of the store's readers after the
 * count (a query's first rows, or the pages a change touched); FALSE with
 * @error set when it failed. */
typedef gboolean (*ReadFunc) (SecStore     *reader,
                              gpointer      data,
                              GCancellable *cancellable,
                              GError      **error);

/* The start of what a worker is given to read (Search, Refresh): the
 * query's count, its rows (@func), then the place of the record @keep_id
 * unless found among them. */
typedef struct {
  ReadFunc    func;
  GType       kind;
  SecQuery   *query;
  SecReaders *readers;
  gint64      keep_id;
  /* What the worker read */
  guint       n_items;
  gint64      keep_at;   /* -1: not listed, or not read */
  gboolean    all_read;  /* every row of the query is among the rows read */
} Read;

static void
read_init (Read          *read,
           ReadFunc       func,
           SecRecordList *self,
           SecQuery      *query,
           gint64         keep_id)
{
  read->func = func;
  read->kind = self->kind;
  read->query = sec_query_copy (query);
  read->readers = sec_store_get_readers (self->store);
  read->keep_id = keep_id;
  read->keep_at = -1;
}

/* The count, the rows, the place. */
static gboolean
read_all (SecStore     *reader,
          Read         *read,
          GCancellable *cancellable,
          GError      **error)
{
  gint64 n = sec_store_count (reader, read->kind, read->query, error);

  if (n < 0)
    return FALSE;
  read->n_items = (guint) MIN (n, G_MAXUINT);
  if (!g_cancellable_is_cancelled (cancellable) && !read->func (reader, read, cancellable, error))
    return FALSE;
  /* A place among the rows read was noted by @func: a position reads
   * the matches again. */
  if (read->keep_id > 0 && read->keep_at < 0 && !read->all_read && !g_cancellable_is_cancelled (cancellable))
    {
      read->keep_at = sec_store_position (reader, read->kind, read->query, read->keep_id, error);
      if (read->keep_at < 0 && error != NULL && *error != NULL)
        return FALSE;
    }
  return TRUE;
}

static void
read_clear (Read *read)
{
  g_clear_pointer (&read->query, sec_query_free);
  g_clear_pointer (&read->readers, sec_readers_unref);
}

typedef struct {
  Read           read;
  GPtrArray     *pages[2];  /* what the worker read */
} Search;

static void
search_free (gpointer data)
{
  Search *search = data;

  read_clear (&search->read);
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
          if (search->read.keep_id > 0 && sec_record_get_id (record) == search->read.keep_id)
            search->read.keep_at = i;
        }
    }
}

/* Runs the task's Read on a reader taken for it, and returns its result:
 * TRUE when read, FALSE when cancelled, or the error (the connection is
 * then closed, not given back). The rows go to the list first; then the
 * connection gives its pages back, not 2 s later (issue 16: 17–25 MB kept
 * while a search was shown and cleared). The next keystroke finds them in
 * the system's cache of the file (4–11 ms more for "müller" after "mülle"
 * in bench-scale). A worker taking the connection meanwhile waits for it
 * (milliseconds). */
static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Read *read = task_data;
  SecReaders *readers = read->readers;
  g_autoptr(GError) error = NULL;
  SecStore *reader = NULL;

  /* Replaced before it started (a burst of changes, one signal each:
   * every participant of a status set for many): no connection taken,
   * none opened for it while the others are busy. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  reader = sec_readers_take (readers, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!g_cancellable_is_cancelled (cancellable) && !read_all (reader, read, cancellable, &error))
    {
      sec_readers_discard (readers, reader);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
  sec_store_release_memory (reader);
  sec_readers_give_back (readers, reader);
}

static gboolean
read_search (SecStore     *reader,
             gpointer      data,
             GCancellable *cancellable,
             GError      **error)
{
  Search *search = data;
  g_autoptr(SecQuery) query = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* The first two pages, what a list view asks for at once, in one query:
   * a search looked up and sorted reads every match's row for each query
   * (3,975 of them for "mülle" among 200,000 people, 16 MB of pages). */
  if (search->read.n_items == 0)
    {
      search->read.all_read = TRUE;
      return TRUE;
    }
  query = sec_query_copy (search->read.query);
  sec_query_set_range (query, 0, G_N_ELEMENTS (search->pages) * PAGE_SIZE);
  if ((rows = sec_store_list (reader, search->read.kind, query, error)) == NULL)
    return FALSE;
  split_pages (search, rows);
  search->read.all_read = rows->len >= search->read.n_items;
  return TRUE;
}

static void set_task (SecRecordList *self,
                      GTask         *task);

/* Reads @read in a worker for @self, and drops what was being read (its
 * result is not taken). */
static void
start_read (SecRecordList       *self,
            Read                *read,
            GDestroyNotify       read_free,
            GAsyncReadyCallback  done,
            gpointer             source_tag)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GTask *task = g_task_new (self, cancellable, done, NULL);

  g_task_set_task_data (task, read, read_free);
  g_task_set_source_tag (task, source_tag);
  if (self->task != NULL)
    g_cancellable_cancel (g_task_get_cancellable (self->task));
  set_task (self, task);
  g_task_run_in_thread (task, read_thread);
}

static void start_refresh (SecRecordList *self);

static void
set_task (SecRecordList *self,
          GTask         *task)
{
  gboolean was = self->task != NULL;

  g_clear_object (&self->task);
  self->task = task;
  if (was != (task != NULL))
    _sec_record_list_notify (self, SEC_RECORD_LIST_PROP_LOADING);
}

void
_sec_record_list_cancel_background (SecRecordList *self)
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

/* The rows read so far, by id. Keyed by the id as a pointer: on a 32-bit
 * system two ids may share a key, which only costs a row its old object. */
static GHashTable *
rows_by_id (GHashTable *pages)
{
  GHashTable *old = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (guint i = 0; i < ((GPtrArray *) value)->len; i++)
      {
        SecRecord *record = g_ptr_array_index ((GPtrArray *) value, i);

        g_hash_table_insert (old, GSIZE_TO_POINTER ((gsize) sec_record_get_id (record)), record);
      }
  return old;
}

/* Puts in @rows the objects of @old (rows_by_id ()) that are the same
 * records. */
static void
adopt_into (GHashTable *old,
            GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SecRecord *record = g_ptr_array_index (rows, i);
      SecRecord *was = g_hash_table_lookup (old, GSIZE_TO_POINTER ((gsize) sec_record_get_id (record)));

      if (was != NULL && was != record && sec_record_get_id (was) == sec_record_get_id (record) &&
          same_record (was, record))
        {
          g_ptr_array_index (rows, i) = g_object_ref (was);
          g_object_unref (record);
        }
    }
}

/* Puts the objects of the rows read so far in @search's pages where they
 * are the same records. Returns the number of leading rows that are the
 * same objects as before (in the same places). */
static guint
adopt_rows (SecRecordList *self,
            Search        *search)
{
  g_autoptr(GHashTable) old = rows_by_id (self->pages);
  guint same = 0;
  gboolean leading = TRUE;

  for (guint p = 0; p < G_N_ELEMENTS (search->pages) && search->pages[p] != NULL; p++)
    {
      adopt_into (old, search->pages[p]);
      for (guint i = 0; i < search->pages[p]->len && leading; i++)
        {
          guint position = p * PAGE_SIZE + i;

          leading = position < self->n_items && get_cached (self, position) == g_ptr_array_index (search->pages[p], i);
          if (leading)
            same = position + 1;
        }
    }
  return same;
}

/* Whether the rows after the first @same may be replaced in one signal.
 * GtkSingleSelection looks for its selected object among the rows added
 * when it was among those removed, reading them one by one: in one signal
 * it would read every row of a long list (see _sec_record_list_replace_with ()). So one
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

  if (search->read.keep_id <= 0 || !_sec_record_list_find_cached (self, search->read.keep_id, &was_at))
    return self->n_items == same || (search->read.keep_id <= 0 && search->read.n_items == same);
  if (was_at < same)
    return TRUE;
  if (search->read.keep_at < 0 || (guint64) search->read.keep_at >= (guint64) G_N_ELEMENTS (search->pages) * PAGE_SIZE)
    return FALSE;
  {
    GPtrArray *page = search->pages[search->read.keep_at / PAGE_SIZE];
    guint index = search->read.keep_at % PAGE_SIZE;

    return page != NULL && index < page->len && g_ptr_array_index (page, index) == get_cached (self, was_at);
  }
}

/* The rows from @same on are replaced by the new query's (@now rows in
 * all): in one signal when @one_signal, else removed then added in two,
 * as _sec_record_list_replace_with () does from the first row (the list pane puts the
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
      _sec_record_list_replace_with (self, now);
      return;
    }
  if (old != now)
    _sec_record_list_notify (self, SEC_RECORD_LIST_PROP_N_ITEMS);
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
      self->query = g_steal_pointer (&search->read.query);
      _sec_record_list_replace_all (self);
      return;
    }

  /* Before the old rows go: the rows both lists show keep their objects. */
  same = adopt_rows (self, search);
  one_signal = can_take_in_one_signal (self, search, same);

  g_clear_pointer (&self->query, sec_query_free);
  self->query = g_steal_pointer (&search->read.query);
  g_hash_table_remove_all (self->pages);
  for (guint i = 0; i < G_N_ELEMENTS (search->pages); i++)
    if (search->pages[i] != NULL)
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (i), g_steal_pointer (&search->pages[i]));
  self->found_id = search->read.keep_id;
  self->found_at = search->read.keep_at;
  /* Not loading any more once the rows are in (a handler of the signals
   * may set another query). */
  g_object_ref (task);
  set_task (self, NULL);
  replace_from (self, same, search->read.n_items, one_signal);
  g_object_unref (task);
}

static void
start_background (SecRecordList *self,
                  SecQuery      *query,
                  gint64         keep_id)
{
  Search *search = g_new0 (Search, 1);

  read_init (&search->read, read_search, self, query, keep_id);
  if (self->pending != query)
    {
      g_clear_pointer (&self->pending, sec_query_free);
      self->pending = sec_query_copy (query);
    }
  self->pending_keep = keep_id;
  start_read (self, &search->read, search_free, on_search_done, start_background);
}

void
_sec_record_list_restart_background (SecRecordList *self)
{
  g_autoptr(SecQuery) query = NULL;

  if (self->task == NULL)
    return;
  if (self->pending == NULL)
    {
      start_refresh (self);
      return;
    }
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


/* ---- A change in the store read in the background ----------------------
 *
 * A change in the store counts the list again and reads again the pages it
 * had read (sec-record-list.c, on_store_changed ()). On a server each of
 * these is a round trip, and a count of a long list reads every row it
 * counts: 20 ms for 200,000 people, 95 ms for the 30,000 that "m" finds,
 * 260 ms for "k", on the main thread for each list open, at every change
 * that another member of staff made anywhere in the database. A list
 * long enough to read its searches in a worker (worth_background ())
 * reads these there too: the count, the pages read so far and the changed
 * record's place. The list keeps its rows meanwhile (SecRecordList:loading)
 * and then changes as it did at once before (_sec_record_list_apply_change
 * ()), with the rows that did not change kept as the same objects. More
 * changes meanwhile start it again, as any change; a new query replaces
 * it (it reads the new data itself).
 */

typedef struct {
  Read        read;     /* keep_id: the record changed, or 0 */
  GArray     *numbers;  /* the pages to read again */
  GHashTable *pages;    /* what the worker read: page number -> GPtrArray of SecRecord */
} Refresh;

static void
refresh_free (gpointer data)
{
  Refresh *refresh = data;

  read_clear (&refresh->read);
  g_clear_pointer (&refresh->numbers, g_array_unref);
  g_clear_pointer (&refresh->pages, g_hash_table_unref);
  g_free (refresh);
}

static gboolean
read_refresh (SecStore     *reader,
              gpointer      data,
              GCancellable *cancellable,
              GError      **error)
{
  Refresh *refresh = data;

  for (guint i = 0; i < refresh->numbers->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      guint page = g_array_index (refresh->numbers, guint, i);
      g_autoptr(SecQuery) query = NULL;
      GPtrArray *rows;

      if ((guint64) page * PAGE_SIZE >= refresh->read.n_items)
        continue;
      query = sec_query_copy (refresh->read.query);
      sec_query_set_range (query, (gint64) page * PAGE_SIZE, PAGE_SIZE);
      if ((rows = sec_store_list (reader, refresh->read.kind, query, error)) == NULL)
        return FALSE;
      g_hash_table_insert (refresh->pages, GUINT_TO_POINTER (page), rows);
      for (guint j = 0; j < rows->len && refresh->read.keep_id != 0; j++)
        if (sec_record_get_id (g_ptr_array_index (rows, j)) == refresh->read.keep_id)
          refresh->read.keep_at = (gint64) page * PAGE_SIZE + j;
    }
  return TRUE;
}

static void
on_refresh_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SecRecordList *self = SEC_RECORD_LIST (source);
  GTask *task = G_TASK (result);
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) old = NULL;
  GHashTableIter iter;
  gpointer rows;
  gboolean one;

  /* Replaced by a later refresh or query, or dropped. */
  if (task != self->task)
    return;
  g_object_ref (task);
  set_task (self, NULL);
  if (!g_task_propagate_boolean (task, &error))
    {
      /* Read here instead (the reader could not be had). */
      g_debug ("Reading %s again in the background failed: %s", g_type_name (self->kind),
               error != NULL ? error->message : "cancelled");
      _sec_record_list_replace_all (self);
      g_object_unref (task);
      return;
    }

  /* The rows that did not change keep their objects (and a list view
   * their widgets, in the signals that replace pages where they stand). */
  old = rows_by_id (self->pages);
  g_hash_table_iter_init (&iter, refresh->pages);
  while (g_hash_table_iter_next (&iter, NULL, &rows))
    adopt_into (old, rows);
  one = !self->change_several && self->change_id != 0;
  /* The row changed, then the values shown beside the others. */
  if (_sec_record_list_apply_change (self, one ? self->kind : 0, one ? self->change_id : 0, self->change,
                                     refresh->read.n_items, refresh->read.keep_at,
                                     g_steal_pointer (&refresh->pages)) &&
      self->change_others)
    _sec_record_list_emit_pages (self);
  g_object_unref (task);
}

static void
start_refresh (SecRecordList *self)
{
  Refresh *refresh = g_new0 (Refresh, 1);
  GHashTableIter iter;
  gpointer key;

  /* The changed record's new place (not a deleted one's). */
  read_init (&refresh->read, read_refresh, self, self->query,
             !self->change_several && self->change != SEC_STORE_CHANGE_DELETED ? self->change_id : 0);
  refresh->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint page = GPOINTER_TO_UINT (key);
      g_array_append_val (refresh->numbers, page);
    }
  refresh->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_clear_pointer (&self->pending, sec_query_free);
  start_read (self, &refresh->read, refresh_free, on_refresh_done, start_refresh);
}

gboolean
_sec_record_list_refresh_later (SecRecordList *self,
                                GType          kind,
                                gint64         id,
                                int            change)
{
  /* A query being read reads the change too: it starts again. */
  if (self->task != NULL && self->pending != NULL)
    {
      _sec_record_list_restart_background (self);
      return TRUE;
    }
  if (!worth_background (self))
    return FALSE;
  if (self->task == NULL)
    {
      self->change_id = 0;
      self->change_several = FALSE;
      self->change_others = FALSE;
    }
  if (kind != self->kind)
    self->change_others = TRUE;
  else if (id == 0 || (self->change_id != 0 && (self->change_id != id || self->change != change)))
    self->change_several = TRUE;
  else
    {
      self->change_id = id;
      self->change = change;
    }
  start_refresh (self);
  return TRUE;
}
