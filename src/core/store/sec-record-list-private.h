/* sec-record-list-private.h: what the parts of SecRecordList share
 *
 * sec-record-list.c holds the list model and its pages read on the main
 * thread; sec-record-list-background.c what is read in a worker (a new
 * query of a long list, and on a server each change in the store).
 */
#pragma once

#include "core/store/sec-record-list.h"

G_BEGIN_DECLS

#define PAGE_SIZE 200

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

  /* What is read in the background (sec-record-list-background.c). */
  GTask      *task;      /* the query or the refresh being read, or NULL */
  SecQuery   *pending;   /* the query being read, or NULL for a refresh */
  gint64      pending_keep;
  gint64      found_id;  /* a position read with the last query, or 0 */
  gint64      found_at;
  /* The changes a refresh answers: one record of the kind listed
   * (change_id 0: none, or several: any row), and whether other kinds
   * changed too (the values shown beside may have). */
  gint64      change_id;
  int         change;
  gboolean    change_several;
  gboolean    change_others;
};

typedef enum {
  SEC_RECORD_LIST_PROP_N_ITEMS = 1,
  SEC_RECORD_LIST_PROP_LOADING,
} SecRecordListProp;

void     _sec_record_list_notify             (SecRecordList     *self,
                                              SecRecordListProp  prop);
void     _sec_record_list_replace_with       (SecRecordList     *self,
                                              guint              now);
void     _sec_record_list_replace_all        (SecRecordList     *self);
gboolean _sec_record_list_find_cached        (SecRecordList     *self,
                                              gint64             id,
                                              guint             *position);
gboolean _sec_record_list_apply_change       (SecRecordList     *self,
                                              GType              kind,
                                              gint64             id,
                                              int                change,
                                              guint              now,
                                              gint64             at,
                                              GHashTable        *fresh);
void     _sec_record_list_emit_pages         (SecRecordList     *self);

void     _sec_record_list_cancel_background  (SecRecordList     *self);
void     _sec_record_list_restart_background (SecRecordList     *self);
gboolean _sec_record_list_refresh_later      (SecRecordList     *self,
                                              GType              kind,
                                              gint64             id,
                                              int                change);

G_END_DECLS
