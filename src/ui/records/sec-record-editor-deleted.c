/* sec-record-editor-deleted.c: the record being edited was deleted meanwhile
 *
 * On a shared database another person may delete the record someone is
 * editing (and on any database, the user may delete it from the window).
 * The editor says so, keeps everything typed, and becomes an editor of a
 * new record: Save adds it again, under a new id, and Cancel asks before
 * the typing is lost, as always.
 */
#define G_LOG_DOMAIN "sec-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/records/sec-record-editor.h"
#include "ui/records/sec-record-editor-private.h"

static void
on_store_changed (SecRecordEditor *self,
                  GType            kind,
                  gint64           id,
                  int              change,
                  SecStore        *store)
{
  gint64 own = sec_record_get_id (self->record);
  g_autoptr(SecRecord) still = NULL;
  g_autoptr(GError) error = NULL;

  /* @id is 0 when a deletion took several records of the kind with it. */
  if (own == 0 || kind != self->kind || change != SEC_STORE_CHANGE_DELETED || (id != 0 && id != own))
    return;
  still = sec_store_get (self->store, kind, own, &error);
  if (still != NULL || !g_error_matches (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
    return;

  _sec_record_set_id (self->record, 0);
  gtk_label_set_text (self->error_label,
                      _("This record was deleted after you opened it, perhaps by someone else. "
                        "What you typed is kept: Save adds it again as a new record."));
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  _sec_record_editor_update_title (self);
  _sec_record_editor_validate (self);
}

void
_sec_record_editor_follow_deletion (SecRecordEditor *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}
