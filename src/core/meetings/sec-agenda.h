/* sec-agenda.h: the timing and the state of a meeting's agenda
 *
 * An agenda is the meeting's items (SecAgendaItem records) in the order of
 * their `position`. Each item starts when the previous one ends, the first
 * at the meeting's start, unless it has a `fixed-start` time ("HH:MM");
 * sec_agenda_timing_compute () works the times out, with the total, the
 * planned end and whether the agenda runs past the meeting's end.
 *
 * An agenda is draft or final (the meeting's `agenda-status`). Its version
 * (`agenda-version`) counts the final editions: making it final gives
 * version 1, and every change once it is final raises the version, so that
 * a printed agenda says which edition it is. Whoever changes an item calls
 * sec_agenda_note_change () in the same transaction.
 */
#pragma once

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* One item as the timing needs it: plain values, so that the timing can be
 * worked out from records, from an editor's unsaved rows or in a thread. */
typedef struct {
  gint64      id;          /* the item's id, or 0 */
  const char *kind;        /* the item's `kind` nick: "item", "break"... */
  int         duration;    /* minutes */
  const char *fixed_start; /* "HH:MM", or NULL / "" */
} SecAgendaEntry;

typedef struct {
  gint64     item_id;
  guint      number;    /* 1, 2, 3... for items to discuss; 0 for a break
                         * or lunch, which are not numbered */
  GDateTime *starts;    /* in the meeting's time zone */
  GDateTime *ends;
  guint      day;       /* 0 on the meeting's first day, 1 on the next... */
  gboolean   fixed;     /* starts at its fixed-start time */
  gboolean   overlaps;  /* its fixed start comes before the previous item ends */
  gboolean   overruns;  /* ends after the meeting's end */
} SecAgendaSlot;

typedef struct {
  GDateTime     *meeting_starts;  /* in the meeting's time zone */
  GDateTime     *meeting_ends;
  GDateTime     *planned_end;     /* when the last item ends (the meeting's
                                   * start when there is no item) */
  int            total_minutes;   /* the sum of the durations */
  int            overrun_minutes; /* how long the agenda runs past the
                                   * meeting's end; 0 when it does not */
  gboolean       overrun;         /* planned_end is after meeting_ends */
  gboolean       has_overlaps;    /* some item overlaps the previous one */
  guint          n_slots;
  SecAgendaSlot *slots;           /* one per entry, in order */
} SecAgendaTiming;

/* (transfer full): the times of @entries (in agenda order) for a meeting
 * from @starts_at to @ends_at ("YYYY-MM-DDTHH:MM", wall-clock time in
 * @timezone, an IANA id; NULL for the local zone). A fixed start earlier
 * than the end of the previous item moves to the next day when the meeting
 * lasts into it; on the meeting's last day it overlaps the previous item
 * and is flagged. Returns NULL when @starts_at is not a date and time. */
SecAgendaTiming *sec_agenda_timing_compute_entries (const char           *starts_at,
                                                    const char           *ends_at,
                                                    const char           *timezone,
                                                    const SecAgendaEntry *entries,
                                                    guint                 n_entries);
/* The same for a meeting record and its SecAgendaItem records in order. */
SecAgendaTiming *sec_agenda_timing_compute         (SecRecord            *meeting,
                                                    GPtrArray            *items);
void             sec_agenda_timing_free            (SecAgendaTiming      *timing);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecAgendaTiming, sec_agenda_timing_free)

/* (transfer container) (element-type SecAgendaItem): the meeting's items
 * in agenda order. */
GPtrArray       *sec_agenda_list_items             (SecStore             *store,
                                                    gint64                meeting_id,
                                                    GError              **error);

/* Records that the agenda of @meeting_id changed (an item added, edited,
 * moved or removed): once the agenda is final, its version rises by one.
 * Call it in the transaction of the change; a draft agenda is left as it
 * is. */
gboolean         sec_agenda_note_change            (SecStore             *store,
                                                    gint64                meeting_id,
                                                    GError              **error);
/* Makes the agenda final (a new version: 1 the first time, the next
 * number when it was final before and went back to draft), or draft again
 * (the version stays, and rises when it is made final again). Nothing
 * changes when the agenda is already in that state. */
gboolean         sec_agenda_set_final              (SecStore             *store,
                                                    gint64                meeting_id,
                                                    gboolean              final,
                                                    GError              **error);
/* Moves item @item_id to @index (counting from 0) in its meeting's agenda,
 * numbers the positions 1, 2, 3... again and notes the change; one
 * transaction. For drag and drop and Alt+Up / Alt+Down. */
gboolean         sec_agenda_move_item              (SecStore             *store,
                                                    gint64                item_id,
                                                    guint                 index,
                                                    GError              **error);

/* (transfer full): "Draft", "Final, version 2": the state as printed. */
char            *sec_agenda_format_state           (const char           *status,
                                                    int                   version);
/* (transfer full): "45 min", "2 h", "1 h 30 min". */
char            *sec_agenda_format_duration        (int                   minutes);

G_END_DECLS
