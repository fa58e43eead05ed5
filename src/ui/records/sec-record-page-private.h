/* sec-record-page-private.h: what the record page's files share
 *
 * SecRecordPage spans sec-record-page.c (the page: title, details, its
 * actions, following the store), sec-record-page-rows.c (how values, rows
 * and groups look) and sec-record-page-relations.c (the groups of related
 * records under the details).
 *
 * Included after sec-record-page.h, which it does not include itself: the two
 * are one module, and a module may not include itself in a cycle
 * (tests/check-layers.py).
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-records.h"

G_BEGIN_DECLS

/* The agenda items (and each item's speakers) a meeting's page lists. */
#define MAX_RELATED 200

/* A group of related records lists its first RELATED_FIRST; its last row
 * then shows RELATED_MORE more each time it is activated (issue 16: each
 * row costs about 2 ms to lay out, and an organisation's page of 60 rows
 * held the window for 100–160 ms after its section showed). */
#define RELATED_FIRST 12
#define RELATED_MORE  50

struct _SecRecordPage
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkStack          *stack;
  AdwStatusPage     *status_page;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkWidget         *edit_button;
  GtkWidget         *delete_button;
  GtkBox            *sections;

  /* owned */
  SecStore          *store;
  SecRecord         *record;     /* as last read; NULL when none or deleted */
  GHashTable        *depends_on; /* GType of every kind shown -> itself */
  GPtrArray         *related;    /* (element-type RelatedGroup): the groups with more rows to show */
  GHashTable        *related_shown; /* group title -> rows shown, while the same record is */
  gboolean           history_expanded; /* the history unfolded, while the same record is */

  /* The record shown, kept when it is deleted so that Undo brings it back. */
  GType              kind;
  gint64             id;

  gulong             changed_id;
  guint              refresh_id;
  double             restore_scroll;
  GArray            *focus_path;  /* (element-type guint): see save_focus_path () */

  /* sec_record_page_show_record_soon (): what is shown after the next
   * frame, the tick callback that waits for that frame, then the idle. */
  SecStore          *pending_store;
  SecRecord         *pending_record;
  guint              pending_tick_id;
  guint              pending_idle_id;
};

/* sec-record-page-rows.c: text */
const char *_sec_record_page_choice_label             (SecRecord      *record,
                                                       const char     *field);
/* Joins the non-empty parts with " · ". */
char       *_sec_record_page_join_parts               (const char     *first,
                                                       ...) G_GNUC_NULL_TERMINATED;
char       *_sec_record_page_format_value             (SecRecordPage  *self,
                                                       SecRecord      *record,
                                                       const SecField *field);
char       *_sec_record_page_format_membership_period (SecRecord      *membership);

/* sec-record-page-rows.c: rows and groups */
GtkWidget  *_sec_record_page_new_row                  (const char     *title,
                                                       const char     *subtitle);
GtkWidget  *_sec_record_page_new_link_row             (const char     *title,
                                                       const char     *subtitle,
                                                       const char     *kind,
                                                       gint64          id,
                                                       const char     *details_kind,
                                                       gint64          details_id);
GtkWidget  *_sec_record_page_new_field_row            (SecRecordPage  *self,
                                                       SecRecord      *record,
                                                       const SecField *field,
                                                       const char     *value);
GtkWidget  *_sec_record_page_new_group                (const char     *title);
void        _sec_record_page_set_add_button           (SecRecordPage  *self,
                                                       GtkWidget      *group,
                                                       const char     *add_kind,
                                                       const char     *tooltip);

/* sec-record-page-relations.c */
SecQuery   *_sec_record_page_query_for                (const char     *field,
                                                       gint64          id,
                                                       const char     *sort,
                                                       gboolean        descending);
void        _sec_record_page_add_relations            (SecRecordPage  *self,
                                                       SecRecord      *record);
void        _sec_record_page_show_more                (SecRecordPage  *self,
                                                       guint           index);
void        _sec_record_page_related_free             (gpointer        related);

/* sec-record-page-history.c */
void        _sec_record_page_add_history              (SecRecordPage  *self,
                                                       SecRecord      *record);
void        _sec_record_page_add_privacy              (SecRecordPage  *self,
                                                       SecRecord      *record);
void        _sec_record_page_restore_value            (SecRecordPage  *self,
                                                       gint64          entry_id);

G_END_DECLS
