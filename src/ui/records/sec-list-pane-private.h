/* sec-list-pane-private.h: what the list pane's files share
 *
 * SecListPane spans sec-list-pane.c (the list, the search, the selection,
 * its public API) and sec-list-pane-filters.c (each kind's filters and
 * orders, the filter popover and the sort menu, and the query they make).
 *
 * Included after sec-list-pane.h, which it does not include itself: the two
 * are one module, and a module may not include itself in a cycle
 * (tests/check-layers.py).
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-record-list.h"
#include "core/store/sec-records.h"

G_BEGIN_DECLS

typedef enum {
  VALUES_CHOICES,    /* the field's choices */
  VALUES_BODIES,     /* the bodies, by id */
  VALUES_YEARS,      /* the years that occur in the field */
  VALUES_COUNTRIES,  /* the countries that occur in the field */
  VALUES_FUNDING_STATUSES, /* a call for proposals' statuses (sec-funding.h) */
  VALUES_PROGRAMMES, /* the funding programmes, by id */
  VALUES_THEMES,     /* the projects' themes */
  VALUES_PROJECT_COUNTRIES, /* the projects' coordinators' and partners' countries */
  VALUES_PROJECT_YEARS,     /* the years in which projects run */
  VALUES_PRIVACY,    /* a person's personal data: no basis, restricted, erased */
} ValuesSource;

typedef struct {
  const char   *name;       /* for sec_list_pane_set_filter() */
  const char   *field;      /* the query's field or relation */
  SecQueryOp    op;
  const char   *label;      /* N_() */
  const char   *all_label;  /* N_(): the entry that shows everything */
  ValuesSource  source;
} FilterSpec;

typedef struct {
  const char *id;
  const char *label;        /* N_() */
  const char *field;        /* NULL: the kind's name order */
  gboolean    descending;
} SortSpec;

typedef struct {
  const char       *kind;   /* SecKind.name */
  const FilterSpec *filters;
  const SortSpec   *sorts;
} KindSpec;

/* One filter of the popover: a drop-down whose entries map to values. */
typedef struct {
  const FilterSpec *spec;
  GtkDropDown      *dropdown;     /* owned by the grid */
  GtkStringList    *labels;       /* the drop-down's model */
  GPtrArray        *values;       /* char *, aligned with labels; [0] NULL */
} Filter;

struct _SecListPane
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *toolbar;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkMenuButton      *sort_button;
  GtkLabel           *count_label;
  GtkButton          *clear_button;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkButton          *new_button;
  AdwStatusPage      *no_results_page;
  GtkPopover         *filter_popover;
  GtkGrid            *filter_grid;

  /* owned */
  SecStore           *store;
  SecQuery           *base_query;
  SecRecordList      *list;
  GtkSingleSelection *selection;
  GArray             *filters;      /* of Filter */
  char               *sort;
  char               *icon_name;
  char               *empty_title;
  char               *empty_description;
  char               *new_label;
  GtkWidget          *banner;       /* a child, between toolbar and stack */

  /* state */
  GType               kind;
  const KindSpec     *spec;
  gint64              selected_id;  /* kept across reloads of the list */
  gboolean            replaced;     /* rows removed to be replaced: the next signal brings the new ones */
  guint               taking_rows;  /* inside the list's "items-changed" */
  gboolean            in_sequence;  /* between signals of one replacement */
  gboolean            was_shown;    /* the selected row was in view before it */
  gboolean            narrowing;    /* a search typed: its rows show from the top */
  gboolean            updating;     /* filling the filter drop-downs */
  gint64              select_later; /* a record to select once the list is read (sec_list_pane_select ()) */
  guint               select_later_source;

  /* sec-list-pane-rows.c */
  GPtrArray          *spare_rows;   /* (element-type SecRecordRow): unbound, no parent */
  guint               rows_in_use;  /* in the list view's items */
  guint               spare_rows_source;
  gboolean            keep_rows;    /* a search was typed: rows let go are kept */
};

/* sec-list-pane.c */
void            _sec_list_pane_update_state         (SecListPane    *self);

/* sec-list-pane-rows.c */
void            _sec_list_pane_init_rows            (SecListPane        *self,
                                                     GtkListItemFactory *factory);
void            _sec_list_pane_make_spare_rows      (SecListPane    *self);
GPtrArray      *_sec_list_pane_get_spare_rows       (SecListPane    *self);
void            _sec_list_pane_drop_spare_rows      (SecListPane    *self);

/* sec-list-pane-filters.c */
const KindSpec *_sec_list_pane_find_kind_spec       (const SecKind  *kind);
void            _sec_list_pane_clear_filter         (gpointer        data);
const SortSpec *_sec_list_pane_find_sort            (SecListPane    *self,
                                                     const char     *id);
const char     *_sec_list_pane_get_filter_value     (Filter         *filter);
guint           _sec_list_pane_count_active_filters (SecListPane    *self);
void            _sec_list_pane_apply_query          (SecListPane    *self);
void            _sec_list_pane_apply_query_in_background (SecListPane *self);
void            _sec_list_pane_fill_filter          (SecListPane    *self,
                                                     Filter         *filter);
void            _sec_list_pane_fill_filters         (SecListPane    *self);
Filter         *_sec_list_pane_find_filter          (SecListPane    *self,
                                                     const char     *name);
void            _sec_list_pane_build_filters        (SecListPane    *self);
void            _sec_list_pane_build_sort_menu      (SecListPane    *self);

G_END_DECLS
