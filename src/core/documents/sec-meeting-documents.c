/* sec-meeting-documents.c: a meeting's agenda, participant list,
 * attendance sheet and meeting pack, and its exports */
#define G_LOG_DOMAIN "sec-meeting-documents"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/documents/sec-meeting-agenda-pages.h"
#include "core/documents/sec-meeting-badges.h"
#include "core/documents/sec-meeting-csv.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/documents/sec-export-file.h"
#include "core/documents/sec-meeting-ical.h"
#include "core/documents/sec-meeting-list-pages.h"
#include "core/documents/sec-meeting-minutes-pages.h"
#include "core/documents/sec-meeting-pages.h"

static const struct {
  const char *name;
  const char *label;
  const char *extension;
} exports[] = {
  [SEC_MEETING_EXPORT_AGENDA] = { "agenda", N_("Agenda"), "pdf" },
  [SEC_MEETING_EXPORT_AGENDA_INTERNAL] = { "agenda-internal", N_("Agenda (internal)"), "pdf" },
  [SEC_MEETING_EXPORT_PARTICIPANTS] = { "participants", N_("List of participants"), "pdf" },
  [SEC_MEETING_EXPORT_ATTENDANCE] = { "attendance", N_("Attendance sheet"), "pdf" },
  [SEC_MEETING_EXPORT_PACK] = { "pack", N_("Meeting pack"), "pdf" },
  [SEC_MEETING_EXPORT_MINUTES] = { "minutes", N_("Minutes of the meeting"), "pdf" },
  [SEC_MEETING_EXPORT_MINUTES_INTERNAL] = { "minutes-internal", N_("Minutes (internal)"), "pdf" },
  [SEC_MEETING_EXPORT_PARTICIPANTS_CSV] = { "participants-csv", N_("List of participants (CSV)"), "csv" },
  [SEC_MEETING_EXPORT_ICAL] = { "ical", N_("Calendar event (iCalendar)"), "ics" },
  [SEC_MEETING_EXPORT_BADGES] = { "badges", N_("Name badges"), "pdf" },
  [SEC_MEETING_EXPORT_TABLE_CARDS] = { "table-cards", N_("Table cards"), "pdf" },
};

static GBytes *export_bytes (SecMeetingData *data, SecMeetingExport kind,
                             const SecMeetingDocumentOptions *options, SecPaper paper,
                             SecProgressFunc progress, gpointer progress_data,
                             GCancellable *cancellable, GError **error);

/* Export in a thread */

typedef struct {
  SecMeetingData            *data;
  SecMeetingExport           kind;
  SecMeetingDocumentOptions  options;  /* strings and date owned */
  SecPaper                   paper;
  char                      *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  sec_meeting_data_unref (job->data);
  g_free ((char *) job->options.language);
  g_free ((char *) job->options.author);
  g_clear_pointer (&job->options.generated, g_date_time_unref);
  g_free (job->path);
  g_free (job);
}

/* A cancel after the file took its name is too late: the worker says
 * how it ended (sec_worker_run ()). */
static gboolean
export_worker (gpointer           data,
               SecProgressRelay  *relay,
               GCancellable      *cancellable,
               GError           **error)
{
  ExportJob *job = data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return sec_meeting_document_export_full (job->data, job->kind, &job->options, job->paper, job->path,
                                           sec_progress_relay_report, relay, cancellable, error);
}

/* Public API: the kinds of export */

const char *
sec_meeting_export_to_string (SecMeetingExport kind)
{
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_LAST, NULL);

  return exports[kind].name;
}

gboolean
sec_meeting_export_from_string (const char       *name,
                                SecMeetingExport *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name && i < G_N_ELEMENTS (exports); i++)
    if (g_str_equal (exports[i].name, name))
      {
        *kind = (SecMeetingExport) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sec_meeting_export_get_label (SecMeetingExport kind)
{
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_LAST, NULL);

  return _(exports[kind].label);
}

const char *
sec_meeting_export_get_extension (SecMeetingExport kind)
{
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_LAST, NULL);

  return exports[kind].extension;
}

const char *
sec_meeting_export_get_mime_type (SecMeetingExport kind)
{
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_LAST, NULL);

  if (kind == SEC_MEETING_EXPORT_PARTICIPANTS_CSV)
    return "text/csv";
  if (kind == SEC_MEETING_EXPORT_ICAL)
    return "text/calendar";
  return "application/pdf";
}

gboolean
sec_meeting_export_has_document (SecMeetingExport kind)
{
  return kind <= SEC_MEETING_EXPORT_LAST && kind != SEC_MEETING_EXPORT_PARTICIPANTS_CSV &&
         kind != SEC_MEETING_EXPORT_ICAL && kind != SEC_MEETING_EXPORT_BADGES &&
         kind != SEC_MEETING_EXPORT_TABLE_CARDS;
}

/* Public API: documents */

/**
 * sec_meeting_document_new:
 * @options: (nullable): the options; %NULL for the defaults
 *
 * Returns: (transfer full) (nullable): the document
 */
SecDocument *
sec_meeting_document_new (SecMeetingData                  *data,
                          SecMeetingExport                 kind,
                          const SecMeetingDocumentOptions *options)
{
  SecMeetingDocumentOptions defaults = { 0 };
  g_autoptr(SecDocumentLocale) locale = NULL;
  g_autoptr(SecAgendaTiming) timing = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  SecMeetingPages b;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_LAST, NULL);

  if (!sec_meeting_export_has_document (kind))
    return NULL;
  if (options == NULL)
    options = &defaults;

  timing = sec_meeting_data_compute_timing (data);
  locale = sec_document_locale_new (options->language);
  b = (SecMeetingPages) { data, options, locale, timing, NULL };

  /* "Agenda – Plenary meeting of the Platform" */
  title = g_strdup_printf ("%s – %s", sec_document_locale_gettext (locale, exports[kind].label), data->title);
  b.doc = sec_document_new (title);
  author = g_strdup (options->author ? options->author : g_get_real_name ());
  if (g_strcmp0 (author, "Unknown") != 0 && *author)
    sec_document_set_author (b.doc, author);
  sec_document_set_subject (b.doc, data->title);
  sec_document_set_language (b.doc, sec_document_locale_get_language (locale));
  sec_document_set_personal (b.doc, sec_meeting_export_is_personal (kind, options));
  sec_meeting_pages_setup_frame (&b);

  switch (kind)
    {
    case SEC_MEETING_EXPORT_AGENDA:
      sec_meeting_pages_add_agenda (&b, FALSE);
      break;
    case SEC_MEETING_EXPORT_AGENDA_INTERNAL:
      sec_meeting_pages_add_agenda (&b, TRUE);
      break;
    case SEC_MEETING_EXPORT_PARTICIPANTS:
      sec_meeting_pages_add_participant_list (&b);
      break;
    case SEC_MEETING_EXPORT_ATTENDANCE:
      sec_meeting_pages_add_attendance_sheet (&b);
      break;
    case SEC_MEETING_EXPORT_MINUTES:
      sec_meeting_pages_add_minutes (&b, FALSE);
      break;
    case SEC_MEETING_EXPORT_MINUTES_INTERNAL:
      sec_meeting_pages_add_minutes (&b, !options->public_variant);
      break;
    case SEC_MEETING_EXPORT_PACK:
      sec_meeting_pages_add_agenda (&b, FALSE);
      if (!options->public_variant)
        sec_meeting_pages_add_agenda (&b, TRUE);
      sec_meeting_pages_add_participant_list (&b);
      sec_meeting_pages_add_attendance_sheet (&b);
      break;
    case SEC_MEETING_EXPORT_PARTICIPANTS_CSV:
    case SEC_MEETING_EXPORT_ICAL:
    case SEC_MEETING_EXPORT_BADGES:
    case SEC_MEETING_EXPORT_TABLE_CARDS:
    default:
      g_assert_not_reached ();
    }
  return b.doc;
}

/**
 * sec_meeting_export_is_personal:
 * @options: (nullable): the options; %NULL for the defaults
 *
 * Returns: whether the document holds contact data or needs, and is then
 * written 0600: the kind's entry in sec-export-file.c's table, unless the
 * public variant leaves them out.
 */
gboolean
sec_meeting_export_is_personal (SecMeetingExport                 kind,
                                const SecMeetingDocumentOptions *options)
{
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_LAST, TRUE);

  if (options != NULL && options->public_variant)
    return FALSE;
  return sec_export_kind_is_personal (exports[kind].name);
}

/**
 * sec_meeting_document_export_bytes:
 * @options: (nullable): the options; %NULL for the defaults
 *
 * Returns: (transfer full) (nullable): the file's contents: a PDF, CSV or
 * iCalendar file
 */
GBytes *
sec_meeting_document_export_bytes (SecMeetingData                  *data,
                                   SecMeetingExport                 kind,
                                   const SecMeetingDocumentOptions *options,
                                   SecPaper                         paper,
                                   GError                         **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return export_bytes (data, kind, options, paper, NULL, NULL, NULL, error);
}

static GBytes *
export_bytes (SecMeetingData                  *data,
              SecMeetingExport                 kind,
              const SecMeetingDocumentOptions *options,
              SecPaper                         paper,
              SecProgressFunc                  progress,
              gpointer                         progress_data,
              GCancellable                    *cancellable,
              GError                         **error)
{
  SecMeetingDocumentOptions defaults = { 0 };

  if (options == NULL)
    options = &defaults;

  switch (kind)
    {
    case SEC_MEETING_EXPORT_PARTICIPANTS_CSV:
      {
        char *csv = sec_meeting_csv_participants (data, options);

        return g_bytes_new_take (csv, strlen (csv));
      }
    case SEC_MEETING_EXPORT_ICAL:
      {
        char *ics = sec_meeting_ical (data, options);

        return g_bytes_new_take (ics, strlen (ics));
      }
    case SEC_MEETING_EXPORT_BADGES:
    case SEC_MEETING_EXPORT_TABLE_CARDS:
      return sec_meeting_badges_to_pdf (data, options, paper, kind == SEC_MEETING_EXPORT_TABLE_CARDS, error);
    case SEC_MEETING_EXPORT_AGENDA:
    case SEC_MEETING_EXPORT_AGENDA_INTERNAL:
    case SEC_MEETING_EXPORT_PARTICIPANTS:
    case SEC_MEETING_EXPORT_ATTENDANCE:
    case SEC_MEETING_EXPORT_PACK:
    case SEC_MEETING_EXPORT_MINUTES:
    case SEC_MEETING_EXPORT_MINUTES_INTERNAL:
      {
        g_autoptr(SecDocument) doc = sec_meeting_document_new (data, kind, options);

        return sec_document_to_pdf_full (doc, paper, progress, progress_data, cancellable, error);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sec_meeting_document_export (SecMeetingData                  *data,
                             SecMeetingExport                 kind,
                             const SecMeetingDocumentOptions *options,
                             SecPaper                         paper,
                             const char                      *path,
                             GError                         **error)
{
  return sec_meeting_document_export_full (data, kind, options, paper, path, NULL, NULL, NULL, error);
}

/**
 * sec_meeting_document_export_full:
 * @progress: (nullable): told in this thread how much is done
 * @cancellable: (nullable): to give up; nothing is then left at @path but
 *   what was there before
 */
gboolean
sec_meeting_document_export_full (SecMeetingData                  *data,
                                  SecMeetingExport                 kind,
                                  const SecMeetingDocumentOptions *options,
                                  SecPaper                         paper,
                                  const char                      *path,
                                  SecProgressFunc                  progress,
                                  gpointer                         progress_data,
                                  GCancellable                    *cancellable,
                                  GError                         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (kind <= SEC_MEETING_EXPORT_LAST, FALSE);

  /* A folder, a device or a pipe is refused before the work. */
  if (!sec_export_check_path (path, error))
    return FALSE;
  if ((bytes = export_bytes (data, kind, options, paper, progress, progress_data, cancellable, error)) == NULL)
    return FALSE;
  if (!sec_export_write_file_cancellable (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                          sec_meeting_export_is_personal (kind, options)
                                          ? SEC_FILE_PERSONAL : SEC_FILE_PUBLIC, cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

void
sec_meeting_document_export_async (SecMeetingData                  *data,
                                   SecMeetingExport                 kind,
                                   const SecMeetingDocumentOptions *options,
                                   SecPaper                         paper,
                                   const char                      *path,
                                   SecProgressFunc                  progress,
                                   gpointer                         progress_data,
                                   GCancellable                    *cancellable,
                                   GAsyncReadyCallback              callback,
                                   gpointer                         user_data)
{
  ExportJob *job;

  g_return_if_fail (data != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->data = sec_meeting_data_ref (data);
  job->kind = kind;
  if (options != NULL)
    {
      job->options = *options;
      job->options.language = g_strdup (options->language);
      job->options.author = g_strdup (options->author);
      job->options.generated = options->generated ? g_date_time_ref (options->generated) : NULL;
    }
  job->paper = paper;
  job->path = g_strdup (path);

  sec_worker_run (sec_meeting_document_export_async, job, (GDestroyNotify) export_job_free, export_worker,
                  progress, progress_data, cancellable, callback, user_data);
}

gboolean
sec_meeting_document_export_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return sec_worker_finish (result, sec_meeting_document_export_async, error) != NULL;
}
