/* sec-list-pane.h: the searchable, filterable list of one section */
#pragma once

#include <gtk/gtk.h>

#include "core/store/sec-record-list.h"

G_BEGIN_DECLS

#define SEC_TYPE_LIST_PANE (sec_list_pane_get_type ())
G_DECLARE_FINAL_TYPE (SecListPane, sec_list_pane, SEC, LIST_PANE, GtkWidget)

/* Lists the records of @kind that @base_query selects (its conditions are
 * always kept; its sort is the default one). The texts describe the
 * section when it has no records at all. */
GtkWidget     *sec_list_pane_new                 (SecStore    *store,
                                                  GType        kind,
                                                  SecQuery    *base_query,
                                                  const char  *icon_name,
                                                  const char  *empty_title,
                                                  const char  *empty_description,
                                                  const char  *new_label);
/* (transfer none) */
SecRecordList *sec_list_pane_get_list            (SecListPane *self);
GType          sec_list_pane_get_kind            (SecListPane *self);
/* (transfer none) (nullable) */
SecRecord     *sec_list_pane_get_selected_record (SecListPane *self);
gboolean       sec_list_pane_is_taking_rows      (SecListPane *self);
/* Selects record @id, clearing the search and filters when they hide it,
 * and scrolls to it. FALSE when the section does not list it. */
gboolean       sec_list_pane_select              (SecListPane *self,
                                                  gint64       id);
void           sec_list_pane_focus_search        (SecListPane *self);
/* Moves the keyboard focus to the selected row. */
void           sec_list_pane_focus_list          (SecListPane *self);
/* Searches at once (no typing delay), as if @text had been typed. */
void           sec_list_pane_set_search          (SecListPane *self,
                                                  const char  *text);
/* Sets a filter ("body", "status", "year", "country", "kind") to @value
 * as the filter menu would; NULL shows all. FALSE when the section has
 * no such filter or value. */
gboolean       sec_list_pane_set_filter          (SecListPane *self,
                                                  const char  *name,
                                                  const char  *value);
void           sec_list_pane_clear_filters       (SecListPane *self);
/* What the user set, to make the pane again as it was (the window lets a
 * hidden section's pane go, sec-window-sections.c): the search text
 * (transfer none), and the filters set as name, value pairs (transfer
 * full). The order is the "sort" property. */
const char    *sec_list_pane_get_search          (SecListPane *self);
char         **sec_list_pane_get_filters         (SecListPane *self);
/* A widget between the search and the list (NULL: none). */
void           sec_list_pane_set_banner          (SecListPane *self,
                                                  GtkWidget   *banner);

G_END_DECLS
