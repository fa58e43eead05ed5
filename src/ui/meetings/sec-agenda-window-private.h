/* sec-agenda-window-private.h: what the agenda window's files share
 *
 * SecAgendaWindow spans two files: the list of items and the window
 * (sec-agenda-window.c), and the page that adds or edits an item
 * (sec-agenda-window-item.c).
 */
#pragma once

#include "core/store/sec-records.h"
#include <adwaita.h>

#include "core/store/sec-store.h"
#include "ui/meetings/sec-meeting-window.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "ui/widgets/sec-toaster.h"

G_BEGIN_DECLS

/* As G_DECLARE_FINAL_TYPE in the public header says it; not including that
 * header here keeps the two headers out of an include cycle. */
typedef struct _SecAgendaWindow SecAgendaWindow;

struct _SecAgendaWindow
{
  SecMeetingWindow     parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *add_button;
  GtkWidget           *cancel_button;
  GtkWidget           *save_button;
  GtkStack            *stack;
  AdwActionRow        *state_row;
  GtkSwitch           *final_switch;
  AdwActionRow        *timing_row;
  AdwActionRow        *overrun_row;
  GtkListBox          *items_list;
  AdwEntryRow         *title_row;
  AdwComboRow         *kind_row;
  GtkSpinButton       *duration_spin;
  AdwEntryRow         *fixed_start_row;
  GtkTextView         *description_view;
  GtkTextView         *notes_view;
  GtkListBox          *speakers_list;

  /* owned */
  SecStore            *store;  /* borrowed: SecMeetingWindow's */
  SecRecord           *meeting;        /* as last read */
  GPtrArray           *items;          /* SecAgendaItem, in agenda order, as listed */
  SecDeletion         *deletion;       /* the last removal, for Undo */
  GArray              *speaker_ids;    /* gint64: the speakers of the item edited */
  GPtrArray           *speaker_names;  /* utf8, the same order */
  GtkWidget           *speaker_picker; /* SecRecordPickerRow, in speakers_list */
  SecToaster          *toaster;

  gint64               meeting_id;  /* SecMeetingWindow's */
  gint64               editing_id;     /* the item edited; 0 for a new one */
  gint64               focus_item_id;  /* to focus once the list is made again */
  gulong               changed_id;
  guint                reload_id;
  gboolean             updating;       /* setting widgets from the store */
};

const SecField *_sec_agenda_window_item_field (const char *name);
void _sec_agenda_window_reload (SecAgendaWindow *self);
void _sec_agenda_window_show_page (SecAgendaWindow *self,
                                   gboolean         editing);
void _sec_agenda_window_edit_item (SecAgendaWindow *self,
                                   SecRecord       *item);
void _sec_agenda_window_on_speaker_picked (SecAgendaWindow *self,
                                           GParamSpec      *pspec,
                                           SecRecordPickerRow *picker);
void _sec_agenda_window_save_item_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter);
void _sec_agenda_window_remove_speaker_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);
void _sec_agenda_window_raise_speaker_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter);
GtkWidget *_sec_agenda_window_new_icon_button (const char *icon_name,
                                               const char *tooltip,
                                               const char *action_name,
                                               GVariant   *target);

G_END_DECLS
