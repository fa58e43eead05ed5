/* test-documents-files.c: the meeting's CSV and iCalendar files, the
 * command line, and how the documents are written
 *
 * The CSV file is parsed by Python's csv module and the iCalendar file by
 * the icalendar library; the command line's exit statuses are checked on
 * the real program; an export runs in a worker telling its progress, and a
 * failed or cancelled one leaves nothing behind.
 *
 * The meeting of the tests is sec-test-documents.h's; the PDFs are read
 * back in test-documents.c. Both programs' tests are under /documents/.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "core/documents/sec-csv.h"
#include "core/documents/sec-document.h"
#include "core/documents/sec-ical.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-documents.h"
#include "sec-test-util.h"

/* Helpers */

/* The system's Python has the icalendar module (a virtualenv's may not). */
static const char *
python (void)
{
  return g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3";
}

/* Tests */

/* The CSV file parsed by Python's csv module gives back the rows. */
static void
test_csv (SecTestDocuments *f,
          gconstpointer  data)
{
  g_autofree char *path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS_CSV, NULL, SEC_PAPER_A4,
                                           "participants.csv");
  g_autofree char *contents = NULL;
  g_autofree char *parsed = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  const char *argv[] = {
    python (), "-c",
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    for row in csv.reader(f, strict=True):\n"
    "        sys.stdout.write('\\x1f'.join(row) + '\\x1e')\n",
    path, NULL
  };
  gsize length;
  int status;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Title,Given name,Family name,Position,Organisation,"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  /* Every line break outside quotes is CRLF. */
  g_assert_cmpuint (sec_test_count_in (contents, "\r\n"), ==, G_N_ELEMENTS (sec_test_people) + 1);
  g_assert_nonnull (strstr (contents, "\"Association \"\"La Strada\"\", Brussels\""));
  g_assert_nonnull (strstr (contents, "\"Wheelchair access\nStep-free route to the room\""));

  parsed = sec_test_spawn (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);

  /* What the rows must be, made here from the test's own table. */
  g_string_append (expected, "Title\x1fGiven name\x1f" "Family name\x1fPosition\x1fOrganisation\x1f" "Acronym\x1f"
                   "Country\x1f" "Body\x1fRole\x1fStatus\x1f" "Email\x1fPhone\x1fNeeds\x1e");
  {
    /* By family name, as the list orders them (Greek and Cyrillic by
     * their Latin spelling: Papadopoulou, Petrov before Škoda). */
    const guint order[] = { 6, 8, 0, 4, 2, 3, 1, 5, 7 };
    const char *roles[] = { "Speaker", "Participant", "Participant", "Co-chair", "Participant", "Observer",
                            "Participant", "Participant", "Participant" };
    const char *statuses[] = { "Confirmed", "Attended", "Registered", "Confirmed", "Invited", "Confirmed",
                               "Confirmed", "Declined", "Confirmed" };
    const char *countries[] = { "GR", "SK", "GR", "BG", "IE", "HU", "MT", "PL", "BE" };
    const char *country_names[] = { "Greece", "Slovakia", "Greece", "Bulgaria", "Ireland", "Hungary",
                                    "Malta", "Poland", "Belgium" };

    for (guint k = 0; k < G_N_ELEMENTS (order); k++)
      {
        const SecTestPerson *p = &sec_test_people[order[k]];
        const char *org_name = NULL, *acronym = NULL, *body = NULL;
        g_autofree char *needs = NULL;

        for (guint o = 0; o < G_N_ELEMENTS (sec_test_orgs); o++)
          if (g_str_equal (sec_test_orgs[o].key, p->org))
            {
              org_name = sec_test_orgs[o].name;
              acronym = sec_test_orgs[o].acronym;
              body = sec_test_orgs[o].body == NULL ? NULL
                     : g_str_equal (sec_test_orgs[o].body, "platform") ? "EU Civil Society Platform against trafficking in human beings"
                     : "EU Network of National Rapporteurs or Equivalent Mechanisms";
              g_assert_cmpstr (sec_test_orgs[o].country, ==, countries[order[k]]);
            }
        needs = g_strdup (p->needs ? p->needs : p->dietary ? p->dietary : "");
        g_string_append_printf (expected, "%s\x1f%s\x1f%s\x1f\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f\x1f%s\x1e",
                                p->title ? p->title : "", p->given, p->family, org_name,
                                acronym ? acronym : "", country_names[order[k]], body ? body : "",
                                roles[order[k]], statuses[order[k]], p->email, needs);
      }
  }
  g_assert_cmpstr (parsed, ==, expected->str);

  /* The public list: no contact data, no needs, nobody who declined. */
  {
    SecMeetingDocumentOptions options = { 0 };
    g_autofree char *public_path = NULL;
    g_autofree char *public_csv = NULL;

    options.public_variant = TRUE;
    public_path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS_CSV, &options, SEC_PAPER_A4,
                                   "public.csv");
    g_assert_true (g_file_get_contents (public_path, &public_csv, NULL, NULL));
    g_assert_null (strstr (public_csv, "@"));
    g_assert_null (strstr (public_csv, "Wheelchair"));
    g_assert_null (strstr (public_csv, "Wójcik"));
    g_assert_cmpuint (sec_test_count_in (public_csv, "\r\n"), ==, G_N_ELEMENTS (sec_test_people));
  }

  /* The quoting rules. */
  {
    g_autoptr(GString) out = g_string_new (NULL);
    const char *fields[] = { "plain", "a,b", "say \"hi\"", " padded", "", NULL, "two\r\nlines" };

    sec_csv_append_record (out, fields, G_N_ELEMENTS (fields));
    g_assert_cmpstr (out->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\" padded\",,,\"two\r\nlines\"\r\n");
  }
}

/* The iCalendar file parsed by the icalendar library: the start in UTC,
 * through the zone's name and through the VTIMEZONE we wrote. */
static void
test_ical (SecTestDocuments *f,
           gconstpointer  data)
{
  g_autofree char *path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_ICAL, NULL, SEC_PAPER_A4, "meeting.ics");
  g_autofree char *again = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_ICAL, NULL, SEC_PAPER_A4, "again.ics");
  g_autofree char *contents = NULL;
  g_autofree char *contents2 = NULL;
  g_autofree char *out = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *expected_uid = NULL;
  g_auto(GStrv) lines = NULL;
  const char *script =
    "import sys, datetime, icalendar\n"
    "utc = datetime.timezone.utc\n"
    "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
    "ev = cal.walk('VEVENT')[0]\n"
    "tz = cal.walk('VTIMEZONE')[0].to_tz()\n"
    "start = ev.decoded('DTSTART')\n"
    "end = ev.decoded('DTEND')\n"
    "naive = start.replace(tzinfo=None)\n"
    /* icalendar 4 (Debian 12) gives pytz zones, which need localize ();
     * icalendar 6 (Debian 13) gives zones that take tzinfo directly. */
    "local = tz.localize(naive) if hasattr(tz, 'localize') else naive.replace(tzinfo=tz)\n"
    "print(start.astimezone(utc).strftime('%Y-%m-%dT%H:%MZ'))\n"
    "print(end.astimezone(utc).strftime('%Y-%m-%dT%H:%MZ'))\n"
    "print(local.astimezone(utc).strftime('%Y-%m-%dT%H:%MZ'))\n"
    "print(str(ev['SUMMARY']))\n"
    "print(str(ev.get('LOCATION', '')))\n"
    "print(str(ev['UID']))\n"
    "print(str(ev.get('DESCRIPTION', '')).split(chr(10))[0])\n";
  const char *argv[] = { python (), "-c", script, path, NULL };
  int status;

  out = sec_test_spawn (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_test_message ("%s", out);
  expected_uid = g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-%s@secretariat", f->meeting,
                                  sec_store_get_uuid (f->store));
  {
    g_autofree char *expected = g_strdup_printf ("2018-06-13T07:30Z\n"    /* 09:30 CEST */
                                                 "2018-06-13T12:30Z\n"
                                                 "2018-06-13T07:30Z\n"    /* through our VTIMEZONE */
                                                 MEETING_TITLE "\n"
                                                 "Berlaymont, Room S3, Rue de la Loi 200, 1049 Brussels\n"
                                                 "%s\n"
                                                 "EU Civil Society Platform against trafficking in human beings\n",
                                                 expected_uid);

    g_assert_cmpstr (out, ==, expected);
  }

  /* Lines of at most 75 octets, ended by CRLF; the same UID again. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_file_get_contents (again, &contents2, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (g_str_has_prefix (lines[i], "UID:"))
        uid = g_strdup (lines[i]);
    }
  g_assert_nonnull (strstr (contents2, uid));
  g_assert_nonnull (strstr (contents, "DTSTART;TZID=Europe/Brussels:20180613T093000\r\n"));
  g_assert_nonnull (strstr (contents, "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"));
  g_assert_nonnull (strstr (contents, "TZOFFSETTO:+0200\r\n"));
  g_assert_nonnull (strstr (contents, "TZNAME:CEST\r\n"));
  g_assert_nonnull (strstr (contents, "LOCATION:Berlaymont\\, Room S3\\, Rue de la Loi 200\\, 1049 Brussels\r\n"));

  /* In winter, and in another zone. */
  {
    const struct {
      const char *start;
      const char *zone;
      const char *utc;
    } cases[] = {
      { "2025-11-20T09:30", "Europe/Brussels", "2025-11-20T08:30Z" },
      { "2025-03-30T09:30", "Europe/Brussels", "2025-03-30T07:30Z" },  /* the morning clocks go forward */
      { "2024-10-27T09:30", "Europe/Athens", "2024-10-27T07:30Z" },    /* the morning they go back */
      { "2025-07-01T09:00", "Europe/Lisbon", "2025-07-01T08:00Z" },
      { "2025-07-01T09:00", "Asia/Tokyo", "2025-07-01T00:00Z" },       /* no summer time */
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *end = g_strdup_printf ("%.11s17:00", cases[i].start);
        gint64 id = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "Winter, summer; and commas", "starts-at", cases[i].start,
                            "ends-at", end, "timezone", cases[i].zone, NULL);
        g_autofree char *name = g_strdup_printf ("case-%u.ics", i);
        g_autofree char *ics = sec_test_export (f, id, SEC_MEETING_EXPORT_ICAL, NULL, SEC_PAPER_A4, name);
        const char *case_argv[] = { python (), "-c", script, ics, NULL };
        g_autofree char *case_out = sec_test_spawn (case_argv, &status, NULL);
        g_auto(GStrv) got = g_strsplit (case_out, "\n", -1);

        g_assert_cmpint (status, ==, 0);
        g_assert_cmpstr (got[0], ==, cases[i].utc);
        g_assert_cmpstr (got[2], ==, cases[i].utc);
        g_assert_cmpstr (got[3], ==, "Winter, summer; and commas");
      }
  }

  /* Folding never cuts a character; escaping. */
  {
    g_autoptr(GString) folded = g_string_new (NULL);
    g_autofree char *escaped = sec_ical_escape_text ("a\\b;c,d\ne");
    g_autofree char *unfolded = NULL;
    g_autoptr(GString) value = g_string_new (NULL);
    g_auto(GStrv) parts = NULL;

    for (guint i = 0; i < 60; i++)
      g_string_append (value, "Ελλ");
    sec_ical_append_line (folded, "SUMMARY", value->str);
    parts = g_strsplit (folded->str, "\r\n", -1);
    for (guint i = 0; parts[i] && *parts[i]; i++)
      {
        g_assert_cmpuint (strlen (parts[i]), <=, 75);
        g_assert_true (g_utf8_validate (parts[i], -1, NULL));
        g_assert_true (i == 0 || parts[i][0] == ' ');
      }
    unfolded = g_strjoinv ("", parts);
    {
      g_autofree char *expected = g_strconcat ("SUMMARY:", value->str, NULL);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; parts[i]; i++)
        g_string_append (joined, i == 0 ? parts[i] : parts[i] + (parts[i][0] == ' '));
      g_assert_cmpstr (joined->str, ==, expected);
    }
    g_assert_cmpstr (escaped, ==, "a\\\\b\\;c\\,d\\ne");
  }

  /* The writer's times: in a zone, in UTC, and the store's stamps. */
  {
    g_autoptr(GTimeZone) brussels = g_time_zone_new_identifier ("Europe/Brussels");
    g_autoptr(GDateTime) dt = g_date_time_new (brussels, 2018, 6, 13, 9, 30, 0);
    g_autoptr(GString) out = g_string_new (NULL);
    g_autofree char *stamp = sec_ical_format_utc_stamp ("2020-01-01T10:00:00+01:00");
    g_autofree char *none = sec_ical_format_utc_stamp ("not a time");

    sec_ical_append_datetime (out, "DTSTART", dt, "Europe/Brussels");
    sec_ical_append_datetime (out, "DTEND", dt, NULL);
    g_assert_cmpstr (out->str, ==, "DTSTART;TZID=Europe/Brussels:20180613T093000\r\n"
                                   "DTEND:20180613T073000Z\r\n");
    g_assert_cmpstr (stamp, ==, "20200101T090000Z");
    g_assert_null (none);
    g_assert_null (sec_ical_format_utc_stamp (NULL));
  }
}

/* The command line: the exit statuses, and nothing written on failure. */
static void
test_cli (SecTestDocuments *f,
          gconstpointer  data)
{
  const char *program = g_getenv ("SECRETARIAT");
  g_autofree char *meeting = sec_test_id_text (f->meeting);
  g_autofree char *out_pdf = sec_test_tmp_file (f, "cli.pdf");
  g_autofree char *missing = sec_test_tmp_file (f, "missing.pdf");
  g_autofree char *nodb = sec_test_tmp_file (f, "nothing-here.db");
  int status;

  if (program == NULL)
    {
      g_test_skip ("SECRETARIAT is not set");
      return;
    }
  /* The program opens the database itself. */
  g_clear_object (&f->store);

  {
    const char *argv[] = { program, "--database", f->path, "export", "agenda", "--meeting", meeting,
                           "--output", out_pdf, "--paper", "letter", NULL };
    g_autofree char *out = sec_test_spawn (argv, &status, NULL);
    g_autofree char *size = NULL;

    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_test (out_pdf, G_FILE_TEST_IS_REGULAR));
    sec_test_assert_qpdf_ok (out_pdf);
    size = sec_test_pdf_info (out_pdf, "Page size");
    g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
  }
  {
    const char *argv[] = { program, "--database", f->path, "export", "attendance", "--meeting", "999",
                           "--output", missing, NULL };
    g_autofree char *err = NULL;
    g_autofree char *out = sec_test_spawn (argv, &status, &err);

    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "No meeting with the id 999"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    /* The database must exist; none is made. */
    const char *argv[] = { program, "--database", nodb, "export", "agenda", "--meeting", meeting,
                           "--output", missing, NULL };
    g_autofree char *out = sec_test_spawn (argv, &status, NULL);

    g_assert_cmpint (status, ==, 1);
    g_assert_false (g_file_test (nodb, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    const char *usage[][12] = {
      { "export", "transcript", "--meeting", "1", "--output", "x.pdf", NULL },
      { "export", "--meeting", "1", "--output", "x.pdf", NULL },
      { "export", "agenda", "--output", "x.pdf", NULL },
      { "export", "agenda", "--meeting", "1", NULL },
      { "export", "agenda", "--meeting", "1", "--output", "x.pdf", "--paper", "a3", NULL },
      { "export", "agenda", "--meeting", "1", "--output", "x.pdf", "--language", "xx", NULL },
      { "export", "participants", "--meeting", "1", "--output", "x.pdf", "--group-by", "city", NULL },
      { "export", "participants", "--meeting", "1", "--output", "x.pdf", "--columns", "name,shoe", NULL },
      { "export", "participants", "--meeting", "one", "--output", "x.pdf", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
      {
        const char *argv[16] = { program, "--database", f->path };
        g_autofree char *err = NULL;
        g_autofree char *out = NULL;

        for (guint j = 0; usage[i][j]; j++)
          argv[3 + j] = usage[i][j];
        out = sec_test_spawn (argv, &status, &err);
        g_assert_cmpint (status, ==, 2);
        g_assert_nonnull (strstr (err, "secretariat export --help"));
      }
  }
  {
    g_autofree char *csv = sec_test_tmp_file (f, "cli.csv");
    g_autofree char *ics = sec_test_tmp_file (f, "cli.ics");
    g_autofree char *list = sec_test_tmp_file (f, "cli-list.pdf");
    const char *csv_argv[] = { program, "--database", f->path, "export", "participants-csv", "--meeting", meeting,
                               "--output", csv, "--public", NULL };
    const char *ics_argv[] = { program, "export", "ical", "--meeting", meeting, "--output", ics,
                               "--database", f->path, NULL };
    const char *list_argv[] = { program, "--database", f->path, "export", "participants", "--meeting", meeting,
                                "--output", list, "--group-by", "country", "--columns", "name,organisation,email",
                                "--public", "--language", "en", NULL };
    g_autofree char *o1 = sec_test_spawn (csv_argv, &status, NULL);
    g_autofree char *contents = NULL;
    g_autofree char *text = NULL;

    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
    g_assert_null (strstr (contents, "@"));
    g_free (sec_test_spawn (ics_argv, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_test (ics, G_FILE_TEST_IS_REGULAR));
    g_free (sec_test_spawn (list_argv, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    text = sec_test_layout_text (list);
    g_assert_nonnull (strstr (text, "Greece (2)"));
    g_assert_null (strstr (text, "@example"));
  }
  {
    const char *argv[] = { program, "export", "--help", NULL };
    g_autofree char *out = sec_test_spawn (argv, &status, NULL);

    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "--group-by"));
    g_assert_nonnull (strstr (out, "participants-csv"));
  }
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  sec_meeting_document_export_finish (result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

/* Progress as told: each fraction, in the thread it was told in. */
typedef struct {
  GArray       *fractions;  /* of double */
  GThread      *thread;
  GCancellable *cancel_at_first;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_true (progress->thread == g_thread_self ());
  g_array_append_val (progress->fractions, fraction);
  if (progress->cancel_at_first != NULL)
    g_cancellable_cancel (progress->cancel_at_first);
}

/* Told from 0 to 1, always forward, at least @min times. */
static void
assert_progress (Progress *progress,
                 guint     min)
{
  g_assert_cmpuint (progress->fractions->len, >=, min);
  for (guint i = 0; i < progress->fractions->len; i++)
    {
      double fraction = g_array_index (progress->fractions, double, i);

      g_assert_cmpfloat (fraction, >, 0);
      g_assert_cmpfloat (fraction, <=, 1);
      if (i > 0)
        g_assert_cmpfloat (fraction, >, g_array_index (progress->fractions, double, i - 1));
    }
  g_assert_cmpfloat (g_array_index (progress->fractions, double, progress->fractions->len - 1), ==, 1.0);
}

/* In a worker thread, from the data read before, telling its progress in
 * this thread. */
static void
test_async (SecTestDocuments *f,
            gconstpointer  data)
{
  g_autoptr(SecMeetingData) meeting = sec_test_load_meeting (f, f->meeting);
  g_autofree char *path = sec_test_tmp_file (f, "async.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { fractions, g_thread_self (), NULL };
  SecMeetingDocumentOptions options = { 0 };

  options.language = "de";
  sec_meeting_document_export_async (meeting, SEC_MEETING_EXPORT_PACK, &options, SEC_PAPER_A4, path,
                                     on_progress, &progress, NULL, on_exported, &error);
  /* The data is the thread's own: the store may change meanwhile. */
  sec_store_delete (f->store, SEC_TYPE_MEETING, f->meeting, NULL);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  /* The layout, each of the pack's pages, the file written. */
  assert_progress (&progress, 3);
  sec_test_assert_qpdf_ok (path);
  {
    g_autofree char *text = sec_test_layout_text (path);

    g_assert_nonnull (strstr (text, "Tagesordnung"));
    g_assert_nonnull (strstr (text, "Кирил Петров"));
  }
}

/* A failed write leaves nothing: no file, no temporary file, and what was
 * at the path before. */
static void
test_atomic (SecTestDocuments *f,
             gconstpointer  data)
{
  g_autoptr(SecMeetingData) meeting = sec_test_load_meeting (f, f->meeting);
  g_autofree char *no_dir = g_build_filename (f->dir, "no-such-folder", "agenda.pdf", NULL);
  g_autofree char *is_dir = sec_test_tmp_file (f, "folder.pdf");
  g_autofree char *existing = sec_test_tmp_file (f, "existing.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (sec_meeting_document_export (meeting, SEC_MEETING_EXPORT_AGENDA, NULL, SEC_PAPER_A4,
                                               no_dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (is_dir, 0700), ==, 0);
  g_assert_false (sec_meeting_document_export (meeting, SEC_MEETING_EXPORT_AGENDA, NULL, SEC_PAPER_A4,
                                               is_dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (is_dir, G_FILE_TEST_IS_DIR));

  /* Replaced whole when it works. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_true (sec_meeting_document_export (meeting, SEC_MEETING_EXPORT_AGENDA, NULL, SEC_PAPER_A4,
                                              existing, &error));
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "test.db") || g_str_has_prefix (name, "test.db-") ||
                   g_str_equal (name, "folder.pdf") || g_str_equal (name, "existing.pdf"));
}

/* Only the database and @kept in @dir. */
static void
assert_only_files (const char *dir,
                   const char *kept)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_true (g_str_equal (name, "test.db") || g_str_has_prefix (name, "test.db-") ||
                   g_strcmp0 (name, kept) == 0);
}

/* A cancelled export leaves nothing behind, not even its temporary file,
 * and a file it was to replace as it was. */
static void
test_cancel (SecTestDocuments *f,
             gconstpointer  data)
{
  g_autoptr(SecMeetingData) meeting = sec_test_load_meeting (f, f->meeting);
  g_autofree char *path = sec_test_tmp_file (f, "cancelled.pdf");
  g_autofree char *existing = sec_test_tmp_file (f, "existing.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { fractions, g_thread_self (), cancellable };

  /* Cancelled once the layout is done: no page is drawn after. */
  g_assert_false (sec_meeting_document_export_full (meeting, SEC_MEETING_EXPORT_PACK, NULL, SEC_PAPER_A4, path,
                                                    on_progress, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fractions->len, ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_only_files (f->dir, NULL);
  g_clear_error (&error);

  /* Cancelled while the file is written: the temporary file goes, and the
   * file at the path keeps its contents. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_false (sec_meeting_document_export_full (meeting, SEC_MEETING_EXPORT_PARTICIPANTS_CSV, NULL,
                                                    SEC_PAPER_A4, existing, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  assert_only_files (f->dir, "existing.csv");
  g_clear_error (&error);

  /* In a worker thread: the callback gets the cancellation, and no
   * progress is told after it. */
  g_array_set_size (fractions, 0);
  sec_meeting_document_export_async (meeting, SEC_MEETING_EXPORT_PACK, NULL, SEC_PAPER_A4, path,
                                     on_progress, &progress, cancellable, on_exported, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (fractions->len, ==, 0);
  assert_only_files (f->dir, "existing.csv");
}


int
main (int   argc,
      char *argv[])
{
  sec_test_documents_init (&argc, &argv);

#define ADD(path, func) SEC_TEST_DOCUMENTS_ADD (path, func)
  ADD ("/documents/csv", test_csv);
  ADD ("/documents/ical", test_ical);
  ADD ("/documents/cli", test_cli);
  ADD ("/documents/async", test_async);
  ADD ("/documents/atomic", test_atomic);
  ADD ("/documents/cancel", test_cancel);
#undef ADD

  return g_test_run ();
}
