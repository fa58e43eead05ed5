/* test-documents.c: the meeting's PDFs, read back as a reader would
 *
 * Every PDF is written to a temporary folder and read back with pdftotext
 * (the items in order with their times, names in every script, "Page N of
 * M", the header on every page), checked by qpdf, and measured by pdfinfo;
 * they are drawn as a print preview would; the demo meetings' documents are
 * written as the application ships them.
 *
 * The meeting of the tests is sec-test-documents.h's; the CSV and
 * iCalendar files, the command line, and the writing itself (in a worker,
 * atomic, cancelled) are tested in test-documents-files.c. Both programs'
 * tests are under /documents/.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli/sec-demo.h"
#include "core/documents/sec-document.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-documents.h"
#include "sec-test-util.h"

/* Helpers */

static guint
pdf_pages (const char *path)
{
  g_autofree char *pages = sec_test_pdf_info (path, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
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
test_agenda (SecTestDocuments *f,
             gconstpointer  data)
{
  g_autofree char *path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_AGENDA, NULL, SEC_PAPER_A4, "agenda.pdf");
  g_autofree char *text = sec_test_layout_text (path);
  g_autofree char *title = sec_test_pdf_info (path, "Title");
  g_autofree char *creator = sec_test_pdf_info (path, "Creator");
  g_autofree char *author = sec_test_pdf_info (path, "Author");
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
test_agenda_internal (SecTestDocuments *f,
                      gconstpointer  data)
{
  g_autofree char *path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_AGENDA_INTERNAL, NULL, SEC_PAPER_A4,
                                           "agenda-internal.pdf");
  g_autofree char *text = sec_test_layout_text (path);

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
test_participants_scripts (SecTestDocuments *f,
                           gconstpointer  data)
{
  SecMeetingDocumentOptions options = { 0 };
  g_autofree char *public_path = NULL;
  g_autofree char *internal_path = NULL;
  g_autofree char *public_text = NULL;
  g_autofree char *internal_text = NULL;

  options.public_variant = TRUE;
  public_path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, SEC_PAPER_A4, "public.pdf");
  options.public_variant = FALSE;
  internal_path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, SEC_PAPER_A4, "internal.pdf");
  public_text = sec_test_layout_text (public_path);
  internal_text = sec_test_layout_text (internal_path);
  g_test_message ("%s", internal_text);

  /* Given and family names apart: a long name wraps in its column. */
  for (guint i = 0; i < G_N_ELEMENTS (sec_test_people); i++)
    {
      guint expected = g_str_equal (sec_test_people[i].status, "declined") ? 0 : 1;
      const char *family = strrchr (sec_test_people[i].family, ' ') ? strrchr (sec_test_people[i].family, ' ') + 1 : sec_test_people[i].family;

      g_assert_cmpuint (sec_test_count_in (public_text, family), ==, expected);
      g_assert_cmpuint (sec_test_count_in (internal_text, family), ==, expected);
      g_assert_cmpuint (sec_test_count_in (public_text, sec_test_people[i].given) > 0, ==, expected);
      if (expected)
        {
          g_assert_null (strstr (public_text, sec_test_people[i].email));
          g_assert_nonnull (strstr (internal_text, sec_test_people[i].email));
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
    g_autofree char *path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PARTICIPANTS, &options, SEC_PAPER_A4,
                                             "columns.pdf");
    g_autofree char *text = sec_test_layout_text (path);

    g_assert_nonnull (strstr (text, "Organisation"));
    g_assert_null (strstr (text, "Greece"));
    g_assert_null (strstr (text, "@example"));
  }
}

/* A thousand participants over many pages: the column headings and the
 * running header on every page, "Page N of M", each participant once, no
 * row cut by a page break. */
static void
test_thousand (SecTestDocuments *f,
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
  path = sec_test_export (f, id, SEC_MEETING_EXPORT_PARTICIPANTS, &options, SEC_PAPER_A4, "thousand.pdf");
  text = sec_test_layout_text (path);
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
      g_assert_cmpuint (sec_test_count_in (pages[p], "Ελληνικό Ίδρυμα"), ==, sec_test_count_in (pages[p], "Πολιτικής"));
      g_assert_cmpuint (sec_test_count_in (pages[p], "Ελληνικό Ίδρυμα"), >, 0);
    }
  g_assert_cmpstr (pages[n_pages], ==, "");

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s Müller%04u", given[i % G_N_ELEMENTS (given)], i);

      g_assert_cmpuint (sec_test_count_in (text, name), ==, 1);
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
    g_assert_cmpuint (sec_test_count_in (text, "(continued)"), >, 0);
  }
}

static void
test_attendance (SecTestDocuments *f,
                 gconstpointer  data)
{
  g_autofree char *path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_ATTENDANCE, NULL, SEC_PAPER_LETTER,
                                           "attendance.pdf");
  g_autofree char *text = sec_test_layout_text (path);
  g_autofree char *size = sec_test_pdf_info (path, "Page size");
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
test_pack (SecTestDocuments *f,
           gconstpointer  data)
{
  SecMeetingDocumentOptions options = { 0 };
  g_autofree char *path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PACK, NULL, SEC_PAPER_A4, "pack.pdf");
  g_autofree char *text = sec_test_layout_text (path);
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
  public_path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PACK, &options, SEC_PAPER_A4, "pack-public.pdf");
  public_text = sec_test_layout_text (public_path);
  g_assert_cmpuint (pdf_pages (public_path), ==, 3);
  g_assert_null (strstr (public_text, "Internal agenda"));
  g_assert_null (strstr (public_text, "@example"));
}

static void
test_paper (SecTestDocuments *f,
            gconstpointer  data)
{
  g_autofree char *a4 = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PACK, NULL, SEC_PAPER_A4, "a4.pdf");
  g_autofree char *letter = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PACK, NULL, SEC_PAPER_LETTER, "letter.pdf");
  g_autofree char *a4_size = sec_test_pdf_info (a4, "Page size");
  g_autofree char *letter_size = sec_test_pdf_info (letter, "Page size");
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
test_languages (SecTestDocuments *f,
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
      path = sec_test_export (f, f->meeting, SEC_MEETING_EXPORT_PACK, &options, SEC_PAPER_A4, name);
      text = sec_test_layout_text (path);
      for (guint w = 0; w < G_N_ELEMENTS (cases[i].words); w++)
        if (strstr (text, cases[i].words[w]) == NULL)
          g_error ("%s: “%s” missing in\n%s", cases[i].language, cases[i].words[w], text);
    }

  /* The process's own language is untouched. */
  g_assert_cmpstr (_("Agenda"), ==, "Agenda");
}


/* The document drawn as a print preview would: on an image, without GTK. */
static void
test_render (SecTestDocuments *f,
             gconstpointer  data)
{
  g_autoptr(SecMeetingData) meeting = sec_test_load_meeting (f, f->meeting);
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
      sec_test_assert_qpdf_ok (path);
      text = sec_test_layout_text (path);
      {
        g_autofree char *title = sec_test_pdf_info (path, "Title");
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
  sec_test_documents_init (&argc, &argv);

#define ADD(path, func) SEC_TEST_DOCUMENTS_ADD (path, func)
  ADD ("/documents/agenda", test_agenda);
  ADD ("/documents/agenda-internal", test_agenda_internal);
  ADD ("/documents/participants-scripts", test_participants_scripts);
  ADD ("/documents/thousand", test_thousand);
  ADD ("/documents/attendance", test_attendance);
  ADD ("/documents/pack", test_pack);
  ADD ("/documents/paper", test_paper);
  ADD ("/documents/languages", test_languages);
  ADD ("/documents/render", test_render);
#undef ADD
  g_test_add_func ("/documents/demo", test_demo);

  return g_test_run ();
}
