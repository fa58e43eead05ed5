/* test-documents.c: the meeting documents, read back as a reader would
 *
 * Every PDF is written to a temporary folder and read back with pdftotext
 * (the items in order with their times, names in every script, "Page N of
 * M", the header on every page), checked by qpdf, and measured by pdfinfo;
 * the CSV file is parsed by Python's csv module and the iCalendar file by
 * the icalendar library; the command line's exit statuses are checked on
 * the real program.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "core/meetings/sec-agenda.h"
#include "core/documents/sec-csv.h"
#include "cli/sec-demo.h"
#include "core/documents/sec-document.h"
#include "core/documents/sec-ical.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

#define MEETING_TITLE "Plenary meeting of the EU Civil Society Platform and the Network of National Rapporteurs"

typedef struct {
  char           *dir;
  char           *path;
  SecStore       *store;
  gint64          meeting;
  GDateTime      *generated;
} Fixture;

/* Helpers: records */

typedef struct {
  const char *title;
  const char *given;
  const char *family;
  const char *email;
  const char *org;    /* key of orgs[] */
  const char *role;
  const char *status;
  const char *needs;
  const char *dietary;
} PersonSpec;

/* Organisations from every corner of the Union, and names in Greek,
 * Cyrillic, Polish, Czech, Hungarian, Irish and Maltese. */
static const struct {
  const char *key;
  const char *name;
  const char *acronym;
  const char *country;
  const char *body;   /* "platform", "nrem" or NULL */
} orgs[] = {
  { "eliamep", "Ελληνικό Ίδρυμα Ευρωπαϊκής και Εξωτερικής Πολιτικής", "ELIAMEP", "GR", "platform" },
  { "comenius", "Univerzita Komenského", NULL, "SK", "platform" },
  { "lodz", "Fundacja Łódź", NULL, "PL", "platform" },
  { "corvinus", "Corvinus Egyetem", NULL, "HU", "nrem" },
  { "sofia", "Национален център за жертви", NULL, "BG", "nrem" },
  { "strada", "Association \"La Strada\", Brussels", "La Strada", "BE", "platform" },
  { "malta", "Fondazzjoni Ħarsien", NULL, "MT", NULL },
  { "dublin", "Irish Immigrant Support Centre", "NASC", "IE", NULL },
};

static const PersonSpec people[] = {
  { "Dr", "Anna", "Müller", "anna.mueller@example.org", "eliamep", "speaker", "confirmed", NULL, NULL },
  { NULL, "Jiří", "Škoda", "jiri.skoda@example.cz", "comenius", "participant", "attended", NULL, "Vegetarian" },
  { NULL, "Σοφία", "Παπαδοπούλου", "sofia@example.gr", "eliamep", "participant", "registered", NULL, NULL },
  { NULL, "Кирил", "Петров", "kiril@example.bg", "sofia", "co-chair", "confirmed", NULL, NULL },
  { NULL, "Seán", "Ó Súilleabháin", "sean@example.ie", "dublin", "participant", "invited",
    "Wheelchair access\nStep-free route to the room", NULL },
  { NULL, "Zsófia", "Tóth", "zsofia@example.hu", "corvinus", "observer", "confirmed", NULL, NULL },
  { NULL, "Ġorġ", "Borġ", "gorg@example.mt", "malta", "participant", "confirmed", NULL, NULL },
  { NULL, "Łucja", "Wójcik", "lucja@example.pl", "lodz", "participant", "declined", NULL, NULL },
  { NULL, "Marie", "Dubois", "marie@lastrada.example", "strada", "participant", "confirmed", NULL, NULL },
};

static gint64
lookup_org (GHashTable *ids,
            const char *key)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (ids, key));
}

/* The meeting of the tests: a joint session on 13 June 2018 in Brussels,
 * its agenda (final, version 2; it runs 15 minutes past the end) and its
 * participants. */
static void
fill_meeting (Fixture *f)
{
  g_autoptr(GHashTable) org_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *nrem = NULL;
  g_autofree char *meeting = NULL;
  gint64 person_ids[G_N_ELEMENTS (people)];
  gint64 platform_id, nrem_id;

  platform_id = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Civil Society Platform against trafficking in human beings",
                        "acronym", "Platform", NULL);
  nrem_id = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Network of National Rapporteurs or Equivalent Mechanisms",
                    "acronym", "NREMs", NULL);
  platform = sec_test_id_text (platform_id);
  nrem = sec_test_id_text (nrem_id);

  for (guint i = 0; i < G_N_ELEMENTS (orgs); i++)
    {
      gint64 id = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", orgs[i].name, "acronym", orgs[i].acronym,
                          "country", orgs[i].country, NULL);
      g_autofree char *oid = sec_test_id_text (id);

      g_hash_table_insert (org_ids, (gpointer) orgs[i].key, GSIZE_TO_POINTER (id));
      if (orgs[i].body)
        sec_test_insert (f->store, SEC_TYPE_MEMBERSHIP, "organisation", oid, "body",
                g_str_equal (orgs[i].body, "platform") ? platform : nrem, NULL);
    }

  f->meeting = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", MEETING_TITLE, "kind", "joint-session",
                       "starts-at", "2018-06-13T09:30", "ends-at", "2018-06-13T14:30",
                       "timezone", "Europe/Brussels", "venue", "Berlaymont", "room", "Room S3",
                       "address", "Rue de la Loi 200\n1049 Brussels", "status", "planned",
                       "chair", "EU Anti-trafficking Coordinator",
                       "co-chair", "Bulgaria (Presidency of the Council of the EU)", NULL);
  meeting = sec_test_id_text (f->meeting);
  sec_test_insert (f->store, SEC_TYPE_MEETING_BODY, "meeting", meeting, "body", platform, NULL);
  sec_test_insert (f->store, SEC_TYPE_MEETING_BODY, "meeting", meeting, "body", nrem, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *org = sec_test_id_text (lookup_org (org_ids, people[i].org));
      g_autofree char *pid = NULL;

      person_ids[i] = sec_test_insert (f->store, SEC_TYPE_PERSON, "title", people[i].title, "given-name", people[i].given,
                              "family-name", people[i].family, "email", people[i].email,
                              "organisation", org, "dietary-needs", people[i].dietary,
                              /* A participant's needs, too, only with consent. */
                              "needs-consent", people[i].dietary || people[i].needs ? "yes" : "no", NULL);
      pid = sec_test_id_text (person_ids[i]);
      sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting, "person", pid, "role", people[i].role,
              "status", people[i].status, "needs", people[i].needs, NULL);
    }

  {
    const struct {
      const char *title;
      const char *kind;
      const char *duration;
      const char *fixed;
      const char *description;
      const char *notes;
      int         speaker;
    } items[] = {
      { "Welcome and adoption of the agenda", "item", "15", NULL, NULL, NULL, 3 },
      { "The Joint Statement of the EU agencies", "item", "45", NULL,
        "Commitments of the ten agencies; follow-up by the Commission.", NULL, 0 },
      { "Coffee break", "break", "15", NULL, NULL, "Coffee for 40 in the foyer", -1 },
      { "Signing of the Joint Statement", "signing", "30", "11:30", NULL,
        "Pens and the signing table: room S3", 5 },
      { "Lunch", "lunch", "60", NULL, NULL, NULL, -1 },
      { "Working groups", "item", "90", NULL, NULL, NULL, -1 },
      { "Conclusions and next meeting", "item", "15", NULL, NULL, NULL, -1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        g_autofree char *position = g_strdup_printf ("%u", i + 1);
        gint64 item = sec_test_insert (f->store, SEC_TYPE_AGENDA_ITEM, "meeting", meeting, "position", position,
                              "title", items[i].title, "kind", items[i].kind,
                              "duration", items[i].duration, "fixed-start", items[i].fixed,
                              "description", items[i].description, "internal-notes", items[i].notes, NULL);

        if (items[i].speaker >= 0)
          {
            g_autofree char *iid = sec_test_id_text (item);
            g_autofree char *pid = sec_test_id_text (person_ids[items[i].speaker]);

            sec_test_insert (f->store, SEC_TYPE_AGENDA_SPEAKER, "agenda-item", iid, "person", pid, NULL);
          }
      }
  }

  /* Final, then changed once. */
  g_assert_true (sec_agenda_set_final (f->store, f->meeting, TRUE, &error));
  g_assert_true (sec_agenda_note_change (f->store, f->meeting, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sec_test_make_tmp_dir ("test-documents-XXXXXX");
  f->store = sec_test_open_store (f->dir, "test.db", &f->path);
  f->generated = g_date_time_new_local (2024, 5, 3, 10, 15, 0);
  fill_meeting (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  sec_test_remove_tree (f->dir);
  g_date_time_unref (f->generated);
  g_free (f->path);
  g_free (f->dir);
}

/* Helpers: tools */

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  int status;
  char *text = sec_test_spawn (argv, &status, NULL);

  g_assert_cmpint (status, ==, 0);
  return text;
}

static void
assert_qpdf_ok (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = sec_test_spawn (argv, &status, &err);
  if (status != 0)
    g_test_message ("qpdf: %s %s", out, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors found"));
}

/* A field of pdfinfo's output ("Pages", "Page size", "Title"...). */
static char *
pdf_info (const char *path,
          const char *field)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  out = sec_test_spawn (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *prefix = g_strconcat (field, ":", NULL);

      if (g_str_has_prefix (lines[i], prefix))
        return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
    }
  return NULL;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;
  gsize len = strlen (needle);

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += len)
    n++;
  return n;
}

/* The system's Python has the icalendar module (a virtualenv's may not). */
static const char *
python (void)
{
  return g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3";
}

static char *
tmp_file (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static SecMeetingData *
load (Fixture *f,
      gint64   meeting)
{
  g_autoptr(GError) error = NULL;
  SecMeetingData *data = sec_meeting_data_load (f->store, meeting, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static char *
export (Fixture                   *f,
        gint64                     meeting,
        SecMeetingExport           kind,
        SecMeetingDocumentOptions *options,
        SecPaper                   paper,
        const char                *name)
{
  g_autoptr(SecMeetingData) data = load (f, meeting);
  g_autoptr(GError) error = NULL;
  SecMeetingDocumentOptions defaults = { 0 };
  char *path = tmp_file (f, name);

  if (options == NULL)
    options = &defaults;
  options->generated = f->generated;
  options->author = "Test Secretariat";
  g_assert_true (sec_meeting_document_export (data, kind, options, paper, path, &error));
  g_assert_no_error (error);
  if (sec_meeting_export_get_extension (kind)[0] == 'p')
    assert_qpdf_ok (path);
  return path;
}

/* The line of @text around @p. */
static char *
line_at (const char *text,
         const char *p)
{
  const char *start, *end;

  for (start = p; start > text && start[-1] != '\n'; start--)
    ;
  end = strchr (p, '\n');
  return g_strndup (start, end ? (gsize) (end - start) : strlen (start));
}

/* The first line of @text that holds @needle. */
static char *
line_with (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  return p ? line_at (text, p) : NULL;
}

/* Tests */

static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = export (f, f->meeting, SEC_MEETING_EXPORT_AGENDA, NULL, SEC_PAPER_A4, "agenda.pdf");
  g_autofree char *text = pdf_text (path);
  g_autofree char *title = pdf_info (path, "Title");
  g_autofree char *creator = pdf_info (path, "Creator");
  g_autofree char *author = pdf_info (path, "Author");
  const struct {
    const char *time;
    const char *title;
  } expected[] = {
    { "09:30–09:45", "1. Welcome and adoption of the agenda" },
    { "09:45–10:30", "2. The Joint Statement of the EU agencies" },
    { "10:30–10:45", "Coffee break" },
    { "11:30–12:00", "3. Signing of the Joint Statement" },
    { "12:00–13:00", "Lunch" },
    { "13:00–14:30", "4. Working groups" },
    { "14:30–14:45", "5. Conclusions and next meeting" },
  };
  const char *last = text;

  g_test_message ("%s", text);
  g_assert_cmpuint (pdf_pages (path), ==, 1);

  /* The items in order, each on the line of its times. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *at = strstr (last, expected[i].title);
      g_autofree char *line = NULL;

      g_assert_nonnull (at);
      line = line_at (text, at);
      g_assert_nonnull (strstr (line, expected[i].time));
      last = at + 1;
    }

  /* The heading, the state, the header, the footer. */
  g_assert_nonnull (strstr (text, "Agenda"));
  g_assert_nonnull (strstr (text, "Final, version 2"));
  g_assert_nonnull (strstr (text, "Plenary meeting of the EU Civil Society Platform"));
  g_assert_nonnull (strstr (text, "Network of National Rapporteurs or Equivalent Mechanisms"));
  g_assert_nonnull (strstr (text, "Wednesday 13 June 2018, 09:30–14:30"));
  g_assert_nonnull (strstr (text, "Berlaymont, Room S3"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_nonnull (strstr (text, "Generated on 3 May 2024, 10:15"));
  g_assert_nonnull (strstr (text, "Speaker: Кирил Петров"));
  g_assert_nonnull (strstr (text, "Co-chair: Bulgaria (Presidency of the Council of the EU)"));
  g_assert_nonnull (strstr (text, "Planned end: 14:45"));

  /* Nothing for the secretariat's eyes only. */
  g_assert_null (strstr (text, "Pens and the signing table"));
  g_assert_null (strstr (text, "Wheelchair"));
  g_assert_null (strstr (text, "past the end"));

  /* The metadata. */
  g_assert_cmpstr (title, ==, "Agenda – " MEETING_TITLE);
  g_assert_cmpstr (creator, ==, "Secretariat " PACKAGE_VERSION);
  g_assert_cmpstr (author, ==, "Test Secretariat");
}

static void
test_agenda_internal (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = export (f, f->meeting, SEC_MEETING_EXPORT_AGENDA_INTERNAL, NULL, SEC_PAPER_A4,
                                  "agenda-internal.pdf");
  g_autofree char *text = pdf_text (path);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Internal agenda"));
  g_assert_nonnull (strstr (text, "For the secretariat only"));
  g_assert_nonnull (strstr (text, "Pens and the signing table"));
  g_assert_nonnull (strstr (text, "Coffee for 40"));
  g_assert_nonnull (strstr (text, "Fixed start time"));
  g_assert_nonnull (strstr (text, "Ends after the end of the meeting"));
  g_assert_nonnull (strstr (text, "Total duration of the items: 4 h 30 min"));
  g_assert_nonnull (strstr (text, "The agenda runs 15 min past the end of the meeting (14:30)."));
  /* The participants' needs: accessibility and dietary, not the declined. */
  g_assert_nonnull (strstr (text, "Participants’ needs"));
  g_assert_nonnull (strstr (text, "Wheelchair access"));
  g_assert_nonnull (strstr (text, "Vegetarian"));
  g_assert_nonnull (strstr (text, "Seán Ó Súilleabháin"));
}

/* The names and the organisations in every script; contact data only in
 * the internal list. */
static void
test_participants_scripts (Fixture       *f,
                           gconstpointer  data)
{
  SecMeetingDocumentOptions options = { 0 };
  g_autofree char *public_path = NULL;
  g_autofree char *internal_path = NULL;
  g_autofree char *public_text = NULL;
  g_autofree char *internal_text = NULL;

  options.public_variant = TRUE;
  public_path = export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, SEC_PAPER_A4, "public.pdf");
  options.public_variant = FALSE;
  internal_path = export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, SEC_PAPER_A4, "internal.pdf");
  public_text = pdf_text (public_path);
  internal_text = pdf_text (internal_path);
  g_test_message ("%s", internal_text);

  /* Given and family names apart: a long name wraps in its column. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      guint expected = g_str_equal (people[i].status, "declined") ? 0 : 1;
      const char *family = strrchr (people[i].family, ' ') ? strrchr (people[i].family, ' ') + 1 : people[i].family;

      g_assert_cmpuint (count (public_text, family), ==, expected);
      g_assert_cmpuint (count (internal_text, family), ==, expected);
      g_assert_cmpuint (count (public_text, people[i].given) > 0, ==, expected);
      if (expected)
        {
          g_assert_null (strstr (public_text, people[i].email));
          g_assert_nonnull (strstr (internal_text, people[i].email));
        }
    }
  g_assert_nonnull (strstr (public_text, "Ελληνικό Ίδρυμα"));
  g_assert_nonnull (strstr (public_text, "Национален център за жертви"));
  g_assert_nonnull (strstr (public_text, "Fondazzjoni Ħarsien"));
  g_assert_nonnull (strstr (public_text, "Univerzita Komenského"));
  g_assert_nonnull (strstr (public_text, "Number of participants: 8"));
  g_assert_nonnull (strstr (public_text, "Public version"));
  g_assert_null (strstr (public_text, "Wheelchair"));
  g_assert_null (strstr (public_text, "Internal version"));
  g_assert_nonnull (strstr (internal_text, "Wheelchair"));
  g_assert_nonnull (strstr (internal_text, "Internal version"));
  g_assert_nonnull (strstr (internal_text, "Dr Anna Müller"));
  g_assert_nonnull (strstr (internal_text, "Co-chair"));
  g_assert_nonnull (strstr (internal_text, "Observer"));

  /* Only the columns asked for. */
  g_assert_true (sec_participant_columns_parse ("organisation, email", &options.columns, NULL));
  options.public_variant = TRUE;
  {
    g_autofree char *path = export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, SEC_PAPER_A4,
                                    "columns.pdf");
    g_autofree char *text = pdf_text (path);

    g_assert_nonnull (strstr (text, "Organisation"));
    g_assert_null (strstr (text, "Greece"));
    g_assert_null (strstr (text, "@example"));
  }
}

/* A thousand participants over many pages: the column headings and the
 * running header on every page, "Page N of M", each participant once, no
 * row cut by a page break. */
static void
test_thousand (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  SecMeetingDocumentOptions options = { 0 };
  const char *countries[] = { "GR", "DE", "FR", "PL", "BG", "IE", "MT", "CZ", "HU", "SE", "NO", "UA" };
  gint64 org_ids[G_N_ELEMENTS (countries)];
  const char *given[] = { "Anna", "Jiří", "Σοφία", "Кирил", "Seán", "Zsófia", "Ġorġ", "Łucja" };
  gint64 id;
  guint n_pages;

  id = sec_test_insert (f->store, SEC_TYPE_MEETING, "title", "Conference with a thousand participants",
               "starts-at", "2025-11-20T09:30", "ends-at", "2025-11-20T17:00", NULL);
  meeting = sec_test_id_text (id);

  g_assert_true (sec_store_begin (f->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      /* Long enough to wrap over two lines in its column. */
      g_autofree char *name = g_strdup_printf ("Ελληνικό Ίδρυμα Ευρωπαϊκής και Εξωτερικής Πολιτικής %s", countries[i]);

      org_ids[i] = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", name, "country", countries[i], NULL);
    }
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *family = g_strdup_printf ("Müller%04u", i);
      g_autofree char *org = sec_test_id_text (org_ids[i % G_N_ELEMENTS (countries)]);
      g_autofree char *person = sec_test_id_text (sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", given[i % G_N_ELEMENTS (given)],
                                                 "family-name", family, "organisation", org, NULL));

      sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting, "person", person, "status", "confirmed", NULL);
    }
  g_assert_true (sec_store_commit (f->store, &error));

  options.group_by = SEC_GROUP_BY_COUNTRY;
  options.country_order = SEC_COUNTRY_ORDER_PROTOCOL;
  options.public_variant = TRUE;
  path = export (f, id, SEC_MEETING_EXPORT_PARTICIPANTS, &options, SEC_PAPER_A4, "thousand.pdf");
  text = pdf_text (path);
  n_pages = pdf_pages (path);
  g_test_message ("%u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 20);

  /* pdftotext ends each page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, n_pages);
      g_autofree char *heading = line_with (pages[p], "Organisation");

      g_assert_nonnull (strstr (pages[p], "Conference with a thousand participants"));
      g_assert_nonnull (strstr (pages[p], number));
      g_assert_nonnull (heading);
      g_assert_nonnull (strstr (heading, "No."));
      g_assert_nonnull (strstr (heading, "Name"));
      /* A wrapped organisation's two lines are on the same page. */
      g_assert_cmpuint (count (pages[p], "Ελληνικό Ίδρυμα"), ==, count (pages[p], "Πολιτικής"));
      g_assert_cmpuint (count (pages[p], "Ελληνικό Ίδρυμα"), >, 0);
    }
  g_assert_cmpstr (pages[n_pages], ==, "");

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s Müller%04u", given[i % G_N_ELEMENTS (given)], i);

      g_assert_cmpuint (count (text, name), ==, 1);
    }
  g_assert_nonnull (strstr (text, "Number of participants: 1000"));

  /* Groups in the protocol order (Bulgaria, Czechia, Germany, Ireland,
   * Greece... then the others by name), and repeated after a break. */
  {
    const char *order[] = { "Bulgaria (83)", "Czechia (83)", "Germany (84)", "Ireland (83)", "Greece (84)",
                            "France (84)", "Hungary (83)", "Malta (83)", "Poland (84)", "Sweden (83)",
                            "Norway (83)", "Ukraine (83)" };
    const char *last = text;

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        const char *at = strstr (last, order[i]);

        if (at == NULL)
          g_error ("“%s” missing or out of order", order[i]);
        last = at;
      }
    g_assert_cmpuint (count (text, "(continued)"), >, 0);
  }
}

static void
test_attendance (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = export (f, f->meeting, SEC_MEETING_EXPORT_ATTENDANCE, NULL, SEC_PAPER_LETTER,
                                  "attendance.pdf");
  g_autofree char *text = pdf_text (path);
  g_autofree char *size = pdf_info (path, "Page size");
  const char *last = text;
  /* By family name, as the language sorts them (Ó with the O, Ġ with the G,
   * a Greek or Cyrillic name by its Latin spelling: Papadopoulou, Petrov). */
  const char *order[] = { "Borġ", "Dubois", "Müller", "Súilleabháin", "Παπαδοπούλου", "Петров",
                          "Škoda", "Tóth" };

  g_test_message ("%s", text);
  g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
  g_assert_nonnull (strstr (text, "Attendance sheet"));
  g_assert_nonnull (strstr (text, "Signature"));
  g_assert_nonnull (strstr (text, "Please sign next to your name"));
  g_assert_null (strstr (text, "Łucja Wójcik"));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *at = strstr (last, order[i]);

      if (at == NULL)
        g_error ("“%s” missing or out of order", order[i]);
      last = at;
    }
  /* The numbered empty lines after the participants. */
  g_assert_nonnull (strstr (text, "Not on the list"));
  g_assert_nonnull (line_with (last, "14"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

/* All in one: the agenda, the internal one, the list, the sheet; the
 * public pack leaves out the internal agenda. */
static void
test_pack (Fixture       *f,
           gconstpointer  data)
{
  SecMeetingDocumentOptions options = { 0 };
  g_autofree char *path = export (f, f->meeting, SEC_MEETING_EXPORT_PACK, NULL, SEC_PAPER_A4, "pack.pdf");
  g_autofree char *text = pdf_text (path);
  g_autofree char *public_path = NULL;
  g_autofree char *public_text = NULL;
  const char *parts[] = { "Agenda", "Internal agenda", "List of participants", "Attendance sheet" };
  const char *last = text;
  guint n_pages = pdf_pages (path);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *at = strstr (last, parts[i]);

      g_assert_nonnull (at);
      last = at;
    }
  g_assert_cmpuint (n_pages, ==, 4);
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p, n_pages);

      g_assert_nonnull (strstr (text, number));
    }

  options.public_variant = TRUE;
  public_path = export (f, f->meeting, SEC_MEETING_EXPORT_PACK, &options, SEC_PAPER_A4, "pack-public.pdf");
  public_text = pdf_text (public_path);
  g_assert_cmpuint (pdf_pages (public_path), ==, 3);
  g_assert_null (strstr (public_text, "Internal agenda"));
  g_assert_null (strstr (public_text, "@example"));
}

static void
test_paper (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *a4 = export (f, f->meeting, SEC_MEETING_EXPORT_PACK, NULL, SEC_PAPER_A4, "a4.pdf");
  g_autofree char *letter = export (f, f->meeting, SEC_MEETING_EXPORT_PACK, NULL, SEC_PAPER_LETTER, "letter.pdf");
  g_autofree char *a4_size = pdf_info (a4, "Page size");
  g_autofree char *letter_size = pdf_info (letter, "Page size");
  SecPaper paper;

  g_assert_cmpstr (a4_size, ==, "595.276 x 841.89 pts (A4)");
  g_assert_cmpstr (letter_size, ==, "612 x 792 pts (letter)");
  g_assert_true (sec_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, SEC_PAPER_A4);
  g_assert_true (sec_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, SEC_PAPER_LETTER);
  g_assert_false (sec_paper_from_string ("a3", &paper));
}

/* French and German: translated headings, labels, month and day names,
 * country names. */
static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  const struct {
    const char *language;
    const char *words[8];
  } cases[] = {
    { "fr", { "Ordre du jour", "mercredi 13 juin 2018", "Définitif, version 2", "Page 1 sur ",
              "Liste des participants", "Feuille de présence", "Grèce", "Généré le 3 mai 2024 à 10:15" } },
    { "de", { "Tagesordnung", "Mittwoch, 13. Juni 2018", "Endgültig, Fassung 2", "Seite 1 von ",
              "Teilnehmerliste", "Anwesenheitsliste", "Griechenland", "Erstellt am 3. Mai 2024, 10:15 Uhr" } },
    { "en", { "Agenda", "Wednesday 13 June 2018", "Final, version 2", "Page 1 of ",
              "List of participants", "Attendance sheet", "Greece", "Generated on 3 May 2024, 10:15" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SecMeetingDocumentOptions options = { 0 };
      g_autofree char *name = g_strdup_printf ("pack-%s.pdf", cases[i].language);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      options.language = cases[i].language;
      options.group_by = SEC_GROUP_BY_COUNTRY;
      path = export (f, f->meeting, SEC_MEETING_EXPORT_PACK, &options, SEC_PAPER_A4, name);
      text = pdf_text (path);
      for (guint w = 0; w < G_N_ELEMENTS (cases[i].words); w++)
        if (strstr (text, cases[i].words[w]) == NULL)
          g_error ("%s: “%s” missing in\n%s", cases[i].language, cases[i].words[w], text);
    }

  /* The process's own language is untouched. */
  g_assert_cmpstr (_("Agenda"), ==, "Agenda");
}

/* The CSV file parsed by Python's csv module gives back the rows. */
static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS_CSV, NULL, SEC_PAPER_A4,
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
  g_assert_cmpuint (count (contents, "\r\n"), ==, G_N_ELEMENTS (people) + 1);
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
        const PersonSpec *p = &people[order[k]];
        const char *org_name = NULL, *acronym = NULL, *body = NULL;
        g_autofree char *needs = NULL;

        for (guint o = 0; o < G_N_ELEMENTS (orgs); o++)
          if (g_str_equal (orgs[o].key, p->org))
            {
              org_name = orgs[o].name;
              acronym = orgs[o].acronym;
              body = orgs[o].body == NULL ? NULL
                     : g_str_equal (orgs[o].body, "platform") ? "EU Civil Society Platform against trafficking in human beings"
                     : "EU Network of National Rapporteurs or Equivalent Mechanisms";
              g_assert_cmpstr (orgs[o].country, ==, countries[order[k]]);
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
    public_path = export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS_CSV, &options, SEC_PAPER_A4,
                          "public.csv");
    g_assert_true (g_file_get_contents (public_path, &public_csv, NULL, NULL));
    g_assert_null (strstr (public_csv, "@"));
    g_assert_null (strstr (public_csv, "Wheelchair"));
    g_assert_null (strstr (public_csv, "Wójcik"));
    g_assert_cmpuint (count (public_csv, "\r\n"), ==, G_N_ELEMENTS (people));
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
test_ical (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = export (f, f->meeting, SEC_MEETING_EXPORT_ICAL, NULL, SEC_PAPER_A4, "meeting.ics");
  g_autofree char *again = export (f, f->meeting, SEC_MEETING_EXPORT_ICAL, NULL, SEC_PAPER_A4, "again.ics");
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
        g_autofree char *ics = export (f, id, SEC_MEETING_EXPORT_ICAL, NULL, SEC_PAPER_A4, name);
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
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *program = g_getenv ("SECRETARIAT");
  g_autofree char *meeting = sec_test_id_text (f->meeting);
  g_autofree char *out_pdf = tmp_file (f, "cli.pdf");
  g_autofree char *missing = tmp_file (f, "missing.pdf");
  g_autofree char *nodb = tmp_file (f, "nothing-here.db");
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
    assert_qpdf_ok (out_pdf);
    size = pdf_info (out_pdf, "Page size");
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
    g_autofree char *csv = tmp_file (f, "cli.csv");
    g_autofree char *ics = tmp_file (f, "cli.ics");
    g_autofree char *list = tmp_file (f, "cli-list.pdf");
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
    text = pdf_text (list);
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
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SecMeetingData) meeting = load (f, f->meeting);
  g_autofree char *path = tmp_file (f, "async.pdf");
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
  assert_qpdf_ok (path);
  {
    g_autofree char *text = pdf_text (path);

    g_assert_nonnull (strstr (text, "Tagesordnung"));
    g_assert_nonnull (strstr (text, "Кирил Петров"));
  }
}

/* A failed write leaves nothing: no file, no temporary file, and what was
 * at the path before. */
static void
test_atomic (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SecMeetingData) meeting = load (f, f->meeting);
  g_autofree char *no_dir = g_build_filename (f->dir, "no-such-folder", "agenda.pdf", NULL);
  g_autofree char *is_dir = tmp_file (f, "folder.pdf");
  g_autofree char *existing = tmp_file (f, "existing.pdf");
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
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SecMeetingData) meeting = load (f, f->meeting);
  g_autofree char *path = tmp_file (f, "cancelled.pdf");
  g_autofree char *existing = tmp_file (f, "existing.csv");
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

/* The document drawn as a print preview would: on an image, without GTK. */
static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SecMeetingData) meeting = load (f, f->meeting);
  g_autoptr(SecDocument) doc = sec_meeting_document_new (meeting, SEC_MEETING_EXPORT_PACK, NULL);
  double width, height;
  guint n_pages, n_sections;
  const guint *sections;

  g_assert_null (sec_meeting_document_new (meeting, SEC_MEETING_EXPORT_ICAL, NULL));
  sec_paper_get_size (SEC_PAPER_LETTER, &width, &height);
  n_pages = sec_document_get_n_pages (doc, width, height);
  g_assert_cmpuint (n_pages, ==, 4);
  sections = sec_document_get_section_pages (doc, width, height, &n_sections);
  g_assert_cmpuint (n_sections, ==, 4);
  for (guint s = 0; s < n_sections; s++)
    g_assert_cmpuint (sections[s], ==, s);

  for (guint p = 0; p < n_pages; p++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
      cairo_t *cr = cairo_create (surface);
      guint dark = 0;
      const guchar *pixels;
      int stride;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      sec_document_render_page (doc, cr, p, width, height);
      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 792; y++)
        for (int x = 0; x < 612; x++)
          dark += pixels[y * stride + x * 4] < 128;
      g_assert_cmpuint (dark, >, 1000);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The documents of the demo meetings, as the application ships them. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-documents-demo-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(SecStore) store = sec_store_open (db, &error);
  g_autoptr(GPtrArray) meetings = NULL;
  gboolean substitute = FALSE;

  g_assert_no_error (error);
  g_assert_true (sec_demo_fill (store, &error));
  g_assert_no_error (error);
  meetings = sec_store_list (store, SEC_TYPE_MEETING, NULL, &error);
  g_assert_cmpuint (meetings->len, >, 0);
  for (guint i = 0; i < meetings->len; i++)
    {
      gint64 id = sec_record_get_id (g_ptr_array_index (meetings, i));
      g_autoptr(SecMeetingData) data = sec_meeting_data_load (store, id, &error);
      g_autofree char *name = g_strdup_printf ("pack-%" G_GINT64_FORMAT ".pdf", id);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_true (sec_meeting_document_export (data, SEC_MEETING_EXPORT_PACK, NULL, SEC_PAPER_A4, path, &error));
      g_assert_no_error (error);
      assert_qpdf_ok (path);
      text = pdf_text (path);
      {
        g_autofree char *title = pdf_info (path, "Title");
        g_autofree char *expected = g_strdup_printf ("Meeting pack – %s", data->title);

        g_assert_cmpstr (title, ==, expected);
      }
      substitute |= strstr (text, "replacing") != NULL;

      /* Nobody twice on an attendance sheet. */
      for (guint p = 0; p < data->participants->len; p++)
        {
          SecMeetingParticipant *sp = g_ptr_array_index (data->participants, p);

          for (guint q = 0; q < data->participants->len; q++)
            {
              SecMeetingParticipant *sq = g_ptr_array_index (data->participants, q);

              if (p != q && sp->expected && sq->expected)
                g_assert_false (g_strcmp0 (sp->family_name, sq->family_name) == 0 &&
                                g_strcmp0 (sp->given_name, sq->given_name) == 0);
            }
        }
      g_unlink (path);
    }
  g_assert_true (substitute);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* The translations built in the build tree (po/LANG/LC_MESSAGES). */
  po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/documents/agenda", test_agenda);
  ADD ("/documents/agenda-internal", test_agenda_internal);
  ADD ("/documents/participants-scripts", test_participants_scripts);
  ADD ("/documents/thousand", test_thousand);
  ADD ("/documents/attendance", test_attendance);
  ADD ("/documents/pack", test_pack);
  ADD ("/documents/paper", test_paper);
  ADD ("/documents/languages", test_languages);
  ADD ("/documents/csv", test_csv);
  ADD ("/documents/ical", test_ical);
  ADD ("/documents/cli", test_cli);
  ADD ("/documents/async", test_async);
  ADD ("/documents/atomic", test_atomic);
  ADD ("/documents/cancel", test_cancel);
  ADD ("/documents/render", test_render);
#undef ADD
  g_test_add_func ("/documents/demo", test_demo);

  return g_test_run ();
}
