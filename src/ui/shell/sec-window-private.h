/* sec-window-private.h: what the window's files share
 *
 * SecWindow spans sec-window.c (navigation, showing records),
 * sec-window-sections.c (the sections and their panes),
 * sec-window-actions.c (its win.* actions and deletion) and
 * sec-window-busy.c (its page while the database is replaced).
 *
 * Included after sec-window.h, which it does not include itself: the two
 * are one module, and a module may not include itself in a cycle
 * (tests/check-layers.py).
 */
#pragma once

#include "core/import/sec-import.h"
#include "core/store/sec-records.h"
#include "ui/records/sec-record-page.h"
#include "ui/shell/sec-search-everywhere.h"
#include "ui/widgets/sec-toaster.h"

G_BEGIN_DECLS

/* The sections in the sidebar (sec-window.c checks the table's size). */
#define N_SECTIONS 10

typedef enum {
  WHEN_ANY,
  WHEN_UPCOMING,
  WHEN_PAST,
} When;

typedef struct {
  const char *id;
  const char *title;              /* N_() */
  const char *icon_name;
  const char *kind;               /* SecKind.name */
  When        when;
  const char *sort;               /* the default order, or NULL for names */
  gboolean    descending;
  const char *empty_title;        /* N_() */
  const char *empty_description;  /* N_() */
  const char *new_label;          /* N_() */
} Section;

typedef struct {
  GType  kind;
  gint64 id;
} HistoryEntry;

/* What the user set in a section's pane that was let go. */
typedef struct _SecSectionState SecSectionState;

struct _SecWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *outer_leaflet;
  GtkWidget            *sidebar_pane;
  GtkListBox           *sidebar_list;
  SecSearchEverywhere  *search_everywhere;
  GtkMenuButton        *primary_menu_button;
  AdwLeaflet           *inner_leaflet;
  GtkWidget            *list_pane;
  AdwWindowTitle       *list_title;
  GtkButton            *new_button;
  GtkButton            *import_button;
  GtkRevealer          *read_only_revealer;
  GtkStack             *list_stack;
  GtkWidget            *detail_pane;
  GtkButton            *back_button;
  AdwWindowTitle       *detail_title;
  SecRecordPage        *record_page;
  AdwStatusPage        *error_page;
  GMenu                *recent_section;

  /* owned */
  SecStore             *store;
  GSettings            *settings;
  SecRecord            *record;       /* shown in the detail pane */
  GArray               *history;      /* of HistoryEntry, latest last */
  SecDeletion          *deletion;     /* the last deletion, for win.undo */
  GType                 deleted_kind;
  gint64                deleted_id;
  SecRecord            *edited;       /* the last edit's record as it was, for
                                       * win.undo; one of it and deletion */
  GArray               *edited_bodies; /* the edited meeting's body ids as they
                                        * were (gint64), or NULL */
  SecImportUndo        *import_undo;  /* the last import, for win.undo; one of
                                       * it, edited and deletion */
  char                 *section;

  /* borrowed */
  SecListPane          *panes[N_SECTIONS];  /* children of list_stack */
  SecSectionState      *saved_panes[N_SECTIONS]; /* owned: of panes let go */
  guint                 pane_release_source;
  guint                 pane_trim_source;   /* lets go the hidden panes past the few kept */
  guint                 shown_serial[N_SECTIONS]; /* when each section last showed */
  guint                 serial;
  GPtrArray            *doomed;             /* panes let go of a store, still in list_stack
                                             * until destroyed one an iteration */
  GtkWidget            *overview;           /* SecOverviewPage, in list_stack */
  SecToaster           *toaster;            /* one toast at a time (see sec-toaster.c) */
  GtkWidget            *connection_banner;  /* a shared database out of reach (sec-window-connection.c) */
  GtkWidget            *progress_strip;     /* a backup under way (sec-window-connection.c) */
};

/* sec-window-sections.c */
const Section *_sec_window_find_section          (const char     *id,
                                                  guint          *index);
const Section *_sec_window_section_at            (guint           index);
const Section *_sec_window_section_for_record    (SecRecord      *record);
/* The section's pane, made if need be (as it was let go). */
SecListPane   *_sec_window_ensure_pane           (SecWindow      *self,
                                                  const char     *id);
/* A section shows: the others' panes go once it has shown a while. */
void           _sec_window_section_shown         (SecWindow      *self);
/* Every pane goes, and what was kept of those let go. */
void           _sec_window_clear_panes           (SecWindow      *self);
/* The panes and the overview leave the window's books, not yet the
 * window: _sec_window_destroy_doomed () destroys them. */
void           _sec_window_doom_panes            (SecWindow      *self);
/* Destroys one of them (@all: every one); FALSE when none was left. */
gboolean       _sec_window_destroy_doomed        (SecWindow      *self,
                                                  gboolean        all);
/* sec-window.c: the pane's selection shows in the detail pane. */
void           _sec_window_on_pane_selected_record (SecWindow    *self,
                                                  GParamSpec     *pspec,
                                                  SecListPane    *pane);
SecListPane   *_sec_window_get_current_pane      (SecWindow      *self);
gboolean       _sec_window_is_narrow             (SecWindow      *self);
void           _sec_window_navigate_to           (SecWindow      *self,
                                                  const char     *pane);
void           _sec_window_update_actions        (SecWindow      *self);
void           _sec_window_show_record           (SecWindow      *self,
                                                  SecRecord      *record,
                                                  gboolean        select_in_list);
void           _sec_window_show_error            (SecWindow      *self,
                                                  const GError   *error);
gboolean       _sec_window_open_record           (SecWindow      *self,
                                                  GType           kind,
                                                  gint64          id,
                                                  gboolean        remember,
                                                  GError        **error);
void           _sec_window_focus_list_later      (SecWindow      *self);

/* Forgets what win.undo would undo (a newer change replaces it). */
void           _sec_window_forget_undo           (SecWindow      *self);

/* sec-window-import.c: win.import and its undo. */
void           _sec_window_import_action         (GtkWidget      *widget,
                                                  const char     *action_name,
                                                  GVariant       *parameter);
void           _sec_window_import_file           (SecWindow      *self,
                                                  GType           kind,
                                                  GFile          *file);
gboolean       _sec_window_undo_import           (SecWindow      *self);

/* sec-window-connection.c: the strip that says the shared database cannot
 * be reached, above everything; following @store's connection and the
 * others' changes (sec-store-notify.h). */
void           _sec_window_add_connection_banner (SecWindow      *self);
void           _sec_window_follow_store          (SecWindow      *self,
                                                  SecStore       *store);

/* sec-window-actions.c: installs the win.* actions and their shortcuts,
 * all but win.section and Ctrl+1 to Ctrl+7 (which need the sections). */
void           _sec_window_class_add_actions     (GtkWidgetClass *widget_class);

G_END_DECLS
