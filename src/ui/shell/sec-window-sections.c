/* sec-window-sections.c: the window's sections and their list panes
 *
 * Part of SecWindow. A section's list pane is made the first time the
 * section shows. Each pane kept its widgets (the search, the filter
 * popover, the list's rows and their accessibility objects, 1–8 MB each)
 * for as long as the window stayed open, also when hidden: with the ten
 * sections opened one after the other, GTK's objects were a third of what
 * the window holds over an empty window's (issue 16).
 *
 * Now, once the window has shown the same section for a while (10 s: a
 * user going back and forth between two sections keeps both), the panes
 * of the other sections (and the overview) are let go, and meanwhile
 * only the panes of the two sections shown last are kept hidden, as a GNOME
 * application keeps only its visible page. What the user set in each is kept (the search text, the
 * filters, the order, the selected record), and the pane made again the
 * next time its section shows is put back as it was: its rows are read
 * again as on the first showing (the list's first page, then the selected
 * record's position).
 */
#define G_LOG_DOMAIN "sec-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "ui/funding/sec-deadline-banner.h"
#include "ui/records/sec-list-pane.h"
#include "ui/shell/sec-window.h"
#include "ui/shell/sec-window-private.h"

#define PANE_RELEASE_DELAY_MS 10000
/* Hidden panes kept meanwhile: those of the two sections shown last (a
 * user going back and forth between sections keeps them); the others go
 * 0.3 s after a section shows, one a main loop iteration (3–20 ms each
 * on the big file). Issue 16: with the ten sections opened one after the
 * other (0.4 s each) the window reached 153 MB, all ten panes kept, and
 * 149 MB at most with this; a pane made again shows about as fast as a
 * kept one (222 against 195 ms on the big file). */
#define KEEP_HIDDEN_PANES 2
#define PANE_TRIM_DELAY_MS 300

static guint pane_release_delay_ms = PANE_RELEASE_DELAY_MS;

static const Section sections[] = {
  { "meetings", N_("Upcoming Meetings"), "sec-meetings-symbolic", "meeting", WHEN_UPCOMING,
    "starts-at", FALSE, N_("No Upcoming Meetings"),
    N_("Meetings that have not taken place yet are listed here"), N_("_New Meeting") },
  { "past-meetings", N_("Past Meetings"), "sec-past-meetings-symbolic", "meeting", WHEN_PAST,
    "starts-at", TRUE, N_("No Past Meetings"),
    N_("Meetings move here once their day has passed"), NULL },
  { "organisations", N_("Organisations"), "sec-organisations-symbolic", "organisation", WHEN_ANY,
    NULL, FALSE, N_("No Organisations Yet"),
    N_("Add the organisations that take part in the bodies"), N_("_New Organisation") },
  { "people", N_("People"), "sec-people-symbolic", "person", WHEN_ANY,
    NULL, FALSE, N_("No People Yet"),
    N_("Add the people who represent the organisations"), N_("_New Person") },
  { "bodies", N_("Bodies"), "sec-bodies-symbolic", "body", WHEN_ANY,
    NULL, FALSE, N_("No Bodies Yet"),
    N_("Add the platforms and networks whose members meet"), N_("_New Body") },
  { "calls", N_("Calls"), "sec-calls-symbolic", "call", WHEN_ANY,
    "deadline", TRUE, N_("No Calls Yet"),
    N_("Calls for expression of interest decide who joins a body"), N_("_New Call") },
  { "statements", N_("Joint Statements"), "sec-statements-symbolic", "statement", WHEN_ANY,
    "signed-on", TRUE, N_("No Joint Statements Yet"),
    N_("Add the statements that organisations signed together"), N_("_New Joint Statement") },
  /* EU funding, under their own heading in the sidebar. */
  { "funding-calls", N_("Calls for Proposals"), "sec-funding-calls-symbolic", "funding-call", WHEN_ANY,
    "deadline", TRUE, N_("No Calls for Proposals Yet"),
    N_("Add the calls of the EU funds that address trafficking"), N_("_New Call for Proposals") },
  { "projects", N_("Projects"), "sec-projects-symbolic", "project", WHEN_ANY,
    NULL, FALSE, N_("No Projects Yet"),
    N_("Add the projects the EU funds, with their partners"), N_("_New Project") },
  { "programmes", N_("Programmes"), "sec-programmes-symbolic", "programme", WHEN_ANY,
    NULL, FALSE, N_("No Programmes Yet"),
    N_("Add the funding programmes: AMIF, ISF Police, Horizon 2020, the ERC…"), N_("_New Programme") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (sections) == N_SECTIONS);

/* What the user had set in a pane that was let go. */
struct _SecSectionState
{
  char   *search;
  char   *sort;
  char  **filters;      /* name, value pairs */
  gint64  selected_id;  /* 0: none */
};

static void
section_state_free (SecSectionState *state)
{
  g_free (state->search);
  g_free (state->sort);
  g_strfreev (state->filters);
  g_free (state);
}

const Section *
_sec_window_find_section (const char *id,
                          guint      *index)
{
  for (guint i = 0; id && i < N_SECTIONS; i++)
    if (g_str_equal (sections[i].id, id))
      {
        if (index != NULL)
          *index = i;
        return &sections[i];
      }
  return NULL;
}

const Section *
_sec_window_section_at (guint index)
{
  g_return_val_if_fail (index < N_SECTIONS, NULL);

  return &sections[index];
}

/* The section that lists @record, or NULL for kinds without one (a
 * participant, a membership...). */
const Section *
_sec_window_section_for_record (SecRecord *record)
{
  const char *kind = sec_record_get_kind (record)->name;

  if (g_str_equal (kind, "meeting"))
    {
      /* The same test as the sections' queries: upcoming from today on. */
      g_autofree char *today = sec_today ();
      const char *starts_at = sec_record_get_string (record, "starts-at");

      return _sec_window_find_section (g_strcmp0 (starts_at, today) >= 0 ? "meetings" : "past-meetings", NULL);
    }
  for (guint i = 0; i < N_SECTIONS; i++)
    if (g_str_equal (sections[i].kind, kind))
      return &sections[i];
  return NULL;
}

static SecQuery *
make_base_query (const Section *section)
{
  SecQuery *query = sec_query_new ();
  g_autofree char *today = sec_today ();

  if (section->when == WHEN_UPCOMING)
    sec_query_add (query, "starts-at", SEC_QUERY_AT_LEAST, today);
  else if (section->when == WHEN_PAST)
    sec_query_add (query, "starts-at", SEC_QUERY_BEFORE, today);
  sec_query_set_sort (query, section->sort, section->descending);
  return query;
}

/* Puts back in a new @pane what the user had set in the one let go: the
 * order and the filters (each read in the background, which the search's
 * query, read at once, then replaces), the search, and the selection if
 * the list still has that record (sec_list_pane_select () would clear the
 * search to show it). */
static void
restore_state (SecListPane     *pane,
               SecSectionState *state)
{
  gboolean narrowed = state->search[0] != '\0' || state->filters[0] != NULL;

  g_object_set (pane, "sort", state->sort, NULL);
  for (guint i = 0; state->filters[i] != NULL && state->filters[i + 1] != NULL; i += 2)
    sec_list_pane_set_filter (pane, state->filters[i], state->filters[i + 1]);
  if (narrowed)
    sec_list_pane_set_search (pane, state->search);
  if (state->selected_id != 0 && sec_record_list_find (sec_list_pane_get_list (pane), state->selected_id) >= 0)
    sec_list_pane_select (pane, state->selected_id);
}

SecListPane *
_sec_window_ensure_pane (SecWindow  *self,
                         const char *id)
{
  const Section *section;
  guint index = 0;
  g_autoptr(SecQuery) query = NULL;
  GtkWidget *pane;

  if (self->store == NULL || (section = _sec_window_find_section (id, &index)) == NULL)
    return NULL;
  if (self->panes[index] != NULL)
    return self->panes[index];

  query = make_base_query (section);
  pane = sec_list_pane_new (self->store,
                            sec_record_kind_lookup (section->kind),
                            query,
                            section->icon_name,
                            _(section->empty_title),
                            _(section->empty_description),
                            section->new_label ? _(section->new_label) : NULL);
  g_object_bind_property (self->inner_leaflet, "folded",
                          pane, "single-click-activate", G_BINDING_SYNC_CREATE);
  /* The calls for proposals about to close, where staff look first. */
  if (g_str_equal (section->id, "meetings") || g_str_equal (section->id, "funding-calls"))
    sec_list_pane_set_banner (SEC_LIST_PANE (pane), sec_deadline_banner_new (self->store));
  gtk_stack_add_named (self->list_stack, pane, section->id);
  self->panes[index] = SEC_LIST_PANE (pane);
  /* Before following its selection: the window shows the selected record
   * itself when the section shows. */
  if (self->saved_panes[index] != NULL)
    {
      restore_state (self->panes[index], self->saved_panes[index]);
      g_clear_pointer (&self->saved_panes[index], section_state_free);
    }
  g_signal_connect_object (pane, "notify::selected-record",
                           G_CALLBACK (_sec_window_on_pane_selected_record), self, G_CONNECT_SWAPPED);
  return self->panes[index];
}

static void
release_pane (SecWindow *self,
              guint      index)
{
  SecListPane *pane = self->panes[index];
  SecRecord *selected = sec_list_pane_get_selected_record (pane);
  SecSectionState *state = g_new0 (SecSectionState, 1);

  state->search = g_strdup (sec_list_pane_get_search (pane));
  g_object_get (pane, "sort", &state->sort, NULL);
  state->filters = sec_list_pane_get_filters (pane);
  state->selected_id = selected != NULL ? sec_record_get_id (selected) : 0;
  g_clear_pointer (&self->saved_panes[index], section_state_free);
  self->saved_panes[index] = state;

  self->panes[index] = NULL;
  g_signal_handlers_disconnect_by_data (pane, self);
  gtk_stack_remove (self->list_stack, GTK_WIDGET (pane));
}

/**
 * sec_window_release_hidden_panes:
 *
 * Lets the list panes of the sections not shown go, keeping what the user
 * set in them for when they show again, and the overview if hidden (what
 * the window does by itself once the same section has shown for a while).
 *
 * Returns: how many list panes were let go
 */
guint
sec_window_release_hidden_panes (SecWindow *self)
{
  SecListPane *shown;
  gboolean released_overview = FALSE;
  guint n = 0;

  g_return_val_if_fail (SEC_IS_WINDOW (self), 0);

  g_clear_handle_id (&self->pane_release_source, g_source_remove);
  g_clear_handle_id (&self->pane_trim_source, g_source_remove);
  shown = _sec_window_find_section (self->section, NULL) != NULL ? _sec_window_get_current_pane (self) : NULL;
  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->panes[i] != NULL && self->panes[i] != shown)
      {
        release_pane (self, i);
        n++;
      }
  /* The overview too (it keeps nothing the user set): made again when
   * shown (sec-window.c). */
  if (self->overview != NULL && gtk_stack_get_visible_child (self->list_stack) != self->overview)
    {
      gtk_stack_remove (self->list_stack, self->overview);
      self->overview = NULL;
      released_overview = TRUE;
    }
  /* The widgets' memory is freed amid other blocks, where only a trim
   * gives it back to the system. */
  if (n > 0 || released_overview)
    sec_store_trim_heap_async ();
  return n;
}

static gboolean
on_pane_release (gpointer data)
{
  SecWindow *self = data;

  self->pane_release_source = 0;
  sec_window_release_hidden_panes (self);
  return G_SOURCE_REMOVE;
}

/* One hidden pane past the few kept (the one shown longest ago) let go an
 * iteration, the shown one never. */
static gboolean
on_pane_trim (gpointer data)
{
  SecWindow *self = data;
  SecListPane *shown = _sec_window_find_section (self->section, NULL) != NULL
                       ? _sec_window_get_current_pane (self) : NULL;
  guint hidden = 0, oldest = N_SECTIONS;

  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->panes[i] != NULL && self->panes[i] != shown)
      {
        hidden++;
        if (oldest == N_SECTIONS || self->shown_serial[i] < self->shown_serial[oldest])
          oldest = i;
      }
  if (hidden > KEEP_HIDDEN_PANES)
    {
      release_pane (self, oldest);
      if (hidden - 1 > KEEP_HIDDEN_PANES)
        return G_SOURCE_CONTINUE;
      sec_store_trim_heap_async ();
    }
  self->pane_trim_source = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
on_pane_trim_due (gpointer data)
{
  SecWindow *self = data;

  self->pane_trim_source = g_idle_add_full (G_PRIORITY_LOW, on_pane_trim, self, NULL);
  return G_SOURCE_REMOVE;
}

void
_sec_window_section_shown (SecWindow *self)
{
  guint index;

  if (_sec_window_find_section (self->section, &index) != NULL)
    self->shown_serial[index] = ++self->serial;
  g_clear_handle_id (&self->pane_release_source, g_source_remove);
  g_clear_handle_id (&self->pane_trim_source, g_source_remove);
  if (pane_release_delay_ms == 0)
    return;
  self->pane_trim_source = g_timeout_add_full (G_PRIORITY_LOW, PANE_TRIM_DELAY_MS, on_pane_trim_due, self, NULL);
  self->pane_release_source = g_timeout_add (pane_release_delay_ms, on_pane_release, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->pane_release_source),
                            "[sec] release the hidden sections' panes");
}

void
_sec_window_clear_panes (SecWindow *self)
{
  g_clear_handle_id (&self->pane_release_source, g_source_remove);
  g_clear_handle_id (&self->pane_trim_source, g_source_remove);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_clear_pointer (&self->saved_panes[i], section_state_free);
      if (self->panes[i] != NULL)
        {
          g_signal_handlers_disconnect_by_data (self->panes[i], self);
          gtk_stack_remove (self->list_stack, GTK_WIDGET (self->panes[i]));
          self->panes[i] = NULL;
        }
    }
}

void
_sec_window_doom_panes (SecWindow *self)
{
  if (self->doomed == NULL)
    self->doomed = g_ptr_array_new ();
  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->panes[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->panes[i], self);
        g_ptr_array_add (self->doomed, g_steal_pointer (&self->panes[i]));
      }
  if (self->overview != NULL)
    g_ptr_array_add (self->doomed, g_steal_pointer (&self->overview));
}

gboolean
_sec_window_destroy_doomed (SecWindow *self,
                            gboolean   all)
{
  gboolean any = FALSE;

  while (self->doomed != NULL && self->doomed->len > 0)
    {
      gtk_stack_remove (self->list_stack, g_ptr_array_steal_index (self->doomed, self->doomed->len - 1));
      any = TRUE;
      if (!all)
        break;
    }
  return any;
}

/**
 * sec_window_set_pane_release_delay:
 * @ms: how long a section must show before the other sections' panes are
 *   let go (10,000 ms); 0: never
 *
 * For tests and benchmarks.
 */
void
sec_window_set_pane_release_delay (guint ms)
{
  pane_release_delay_ms = ms;
}
