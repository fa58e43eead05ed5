/* sec-meeting-documents.h: a meeting's agenda, participant list,
 * attendance sheet and meeting pack, and its exports
 *
 * Two steps, so that an export can leave the main thread:
 *
 * 1. sec_meeting_data_load () reads everything a document needs from the
 *    store into SecMeetingData: plain, immutable, reference-counted values.
 *    This is the only step that touches the store, so it runs where the
 *    store is used (the main thread).
 * 2. The builders and writers work from that data alone:
 *    sec_meeting_document_new () makes a SecDocument (to print or preview),
 *    sec_meeting_document_export () writes a PDF, CSV or iCalendar file, and
 *    sec_meeting_document_export_async () does the same in a worker thread.
 *
 * Who is listed: see sec-meeting-data.h. The CSV file of the internal
 * variant lists every participant, with their status. The options of the
 * lists are in sec-meeting-options.h.
 */
#pragma once

#include <gio/gio.h>

#include "core/documents/sec-document.h"
#include "core/documents/sec-document-locale.h"
#include "core/documents/sec-meeting-data.h"
#include "core/documents/sec-meeting-options.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef enum {
  SEC_MEETING_EXPORT_AGENDA,             /* PDF */
  SEC_MEETING_EXPORT_AGENDA_INTERNAL,    /* PDF, with notes and needs */
  SEC_MEETING_EXPORT_PARTICIPANTS,       /* PDF */
  SEC_MEETING_EXPORT_ATTENDANCE,         /* PDF, to sign */
  SEC_MEETING_EXPORT_PACK,               /* PDF: all of the above in one */
  SEC_MEETING_EXPORT_MINUTES,            /* PDF */
  SEC_MEETING_EXPORT_MINUTES_INTERNAL,   /* PDF, with contacts and notes */
  SEC_MEETING_EXPORT_PARTICIPANTS_CSV,   /* CSV */
  SEC_MEETING_EXPORT_ICAL,               /* iCalendar */
  SEC_MEETING_EXPORT_BADGES,             /* PDF: name badges, 90 × 55 mm (sec-meeting-badges.h) */
  SEC_MEETING_EXPORT_TABLE_CARDS,        /* PDF: folded table cards */
} SecMeetingExport;

/* The last kind, for loops over them all. */
#define SEC_MEETING_EXPORT_LAST SEC_MEETING_EXPORT_TABLE_CARDS
/* Whether @kind is a PDF made with SecDocument (printed, previewed),
 * unlike the badges and table cards (files only), CSV and iCalendar. */
gboolean        sec_meeting_export_has_document (SecMeetingExport kind);

/* "agenda", "agenda-internal", "participants", "attendance", "pack",
 * "minutes", "minutes-internal", "participants-csv", "ical", "badges",
 * "table-cards": the command line's names. */
const char     *sec_meeting_export_to_string   (SecMeetingExport  kind);
gboolean        sec_meeting_export_from_string (const char       *name,
                                                SecMeetingExport *kind);
/* (transfer none): "Agenda (internal)"... translated, for menus. */
const char     *sec_meeting_export_get_label   (SecMeetingExport  kind);
/* "pdf", "csv" or "ics"; and the MIME type, for file choosers. */
const char     *sec_meeting_export_get_extension (SecMeetingExport kind);
const char     *sec_meeting_export_get_mime_type (SecMeetingExport kind);

/* (transfer full): the document of a PDF kind, to print, preview or write
 * with sec_document_write_pdf (). NULL for the kinds without one
 * (sec_meeting_export_has_document ()). */
SecDocument    *sec_meeting_document_new (SecMeetingData                  *data,
                                          SecMeetingExport                 kind,
                                          const SecMeetingDocumentOptions *options);

/* Whether export @kind with @options holds contact data or needs: such a
 * file is made 0600 (the table is in sec-export-file.c). */
gboolean        sec_meeting_export_is_personal (SecMeetingExport                 kind,
                                                const SecMeetingDocumentOptions *options);
/* (transfer full) (nullable): the file export @kind of @data would write,
 * for standard output. */
GBytes         *sec_meeting_document_export_bytes (SecMeetingData                  *data,
                                                   SecMeetingExport                 kind,
                                                   const SecMeetingDocumentOptions *options,
                                                   SecPaper                         paper,
                                                   GError                         **error);
/* Writes the export @kind of @data to @path (@paper for PDF kinds) through
 * a temporary file: on failure nothing is left at @path but what was there
 * before. Only a regular file is replaced; a symbolic link is written
 * through; a personal document is made 0600 (sec_export_write_file ()).
 * Works on @data alone: it can run in any thread. */
gboolean        sec_meeting_document_export (SecMeetingData                  *data,
                                             SecMeetingExport                 kind,
                                             const SecMeetingDocumentOptions *options,
                                             SecPaper                         paper,
                                             const char                      *path,
                                             GError                         **error);
/* The same, telling @progress (nullable, in this thread) how much is done
 * and giving up when @cancellable (nullable) is cancelled: nothing is then
 * left at @path but what was there before. */
gboolean        sec_meeting_document_export_full (SecMeetingData                  *data,
                                                  SecMeetingExport                 kind,
                                                  const SecMeetingDocumentOptions *options,
                                                  SecPaper                         paper,
                                                  const char                      *path,
                                                  SecProgressFunc                  progress,
                                                  gpointer                         progress_data,
                                                  GCancellable                    *cancellable,
                                                  GError                         **error);
/* The same in a worker thread; @options is copied. @progress (nullable)
 * is called in the thread-default main context of the caller, with each
 * whole percent done, until @callback runs; @progress_data must live
 * until then. A cancelled export ends with G_IO_ERROR_CANCELLED and
 * leaves no file. */
void            sec_meeting_document_export_async  (SecMeetingData                  *data,
                                                    SecMeetingExport                 kind,
                                                    const SecMeetingDocumentOptions *options,
                                                    SecPaper                         paper,
                                                    const char                      *path,
                                                    SecProgressFunc                  progress,
                                                    gpointer                         progress_data,
                                                    GCancellable                    *cancellable,
                                                    GAsyncReadyCallback              callback,
                                                    gpointer                         user_data);
gboolean        sec_meeting_document_export_finish (GAsyncResult                    *result,
                                                    GError                         **error);

G_END_DECLS
