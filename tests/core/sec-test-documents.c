/* sec-test-documents.c: the meeting of the documents' tests, and the
 * tools that read the documents back (sec-test-documents.h) */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/meetings/sec-agenda.h"
#include "core/store/sec-records.h"
#include "sec-test-documents.h"
#include "sec-test-util.h"

void
sec_test_documents_init (int    *argc,
                         char ***argv)
{
  g_autofree char *po = NULL;

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);

  /* The translations built in the build tree (po/LANG/LC_MESSAGES). */
  po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

/* The meeting */

const SecTestOrg sec_test_orgs[SEC_TEST_N_ORGS] = {
  { "eliamep", "Ελληνικό Ίδρυμα Ευρωπαϊκής και Εξωτερικής Πολιτικής", "ELIAMEP", "GR", "platform" },
  { "comenius", "Univerzita Komenského", NULL, "SK", "platform" },
  { "lodz", "Fundacja Łódź", NULL, "PL", "platform" },
  { "corvinus", "Corvinus Egyetem", NULL, "HU", "nrem" },
  { "sofia", "Национален център за жертви", NULL, "BG", "nrem" },
  { "strada", "Association \"La Strada\", Brussels", "La Strada", "BE", "platform" },
  { "malta", "Fondazzjoni Ħarsien", NULL, "MT", NULL },
  { "dublin", "Irish Immigrant Support Centre", "NASC", "IE", NULL },
};

const SecTestPerson sec_test_people[SEC_TEST_N_PEOPLE] = {
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
fill_meeting (SecTestDocuments *f)
{
  g_autoptr(GHashTable) org_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *nrem = NULL;
  g_autofree char *meeting = NULL;
  gint64 person_ids[G_N_ELEMENTS (sec_test_people)];
  gint64 platform_id, nrem_id;

  platform_id = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Civil Society Platform against trafficking in human beings",
                        "acronym", "Platform", NULL);
  nrem_id = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "EU Network of National Rapporteurs or Equivalent Mechanisms",
                    "acronym", "NREMs", NULL);
  platform = sec_test_id_text (platform_id);
  nrem = sec_test_id_text (nrem_id);

  for (guint i = 0; i < G_N_ELEMENTS (sec_test_orgs); i++)
    {
      gint64 id = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", sec_test_orgs[i].name, "acronym", sec_test_orgs[i].acronym,
                          "country", sec_test_orgs[i].country, NULL);
      g_autofree char *oid = sec_test_id_text (id);

      g_hash_table_insert (org_ids, (gpointer) sec_test_orgs[i].key, GSIZE_TO_POINTER (id));
      if (sec_test_orgs[i].body)
        sec_test_insert (f->store, SEC_TYPE_MEMBERSHIP, "organisation", oid, "body",
                g_str_equal (sec_test_orgs[i].body, "platform") ? platform : nrem, NULL);
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

  for (guint i = 0; i < G_N_ELEMENTS (sec_test_people); i++)
    {
      g_autofree char *org = sec_test_id_text (lookup_org (org_ids, sec_test_people[i].org));
      g_autofree char *pid = NULL;

      person_ids[i] = sec_test_insert (f->store, SEC_TYPE_PERSON, "title", sec_test_people[i].title, "given-name", sec_test_people[i].given,
                              "family-name", sec_test_people[i].family, "email", sec_test_people[i].email,
                              "organisation", org, "dietary-needs", sec_test_people[i].dietary,
                              /* A participant's needs, too, only with consent. */
                              "needs-consent", sec_test_people[i].dietary || sec_test_people[i].needs ? "yes" : "no", NULL);
      pid = sec_test_id_text (person_ids[i]);
      sec_test_insert (f->store, SEC_TYPE_PARTICIPANT, "meeting", meeting, "person", pid, "role", sec_test_people[i].role,
              "status", sec_test_people[i].status, "needs", sec_test_people[i].needs, NULL);
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

void
sec_test_documents_setup (SecTestDocuments *f,
                          gconstpointer     data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sec_test_make_tmp_dir ("test-documents-XXXXXX");
  f->store = sec_test_open_store (f->dir, "test.db", &f->path);
  f->generated = g_date_time_new_local (2024, 5, 3, 10, 15, 0);
  fill_meeting (f);
}

void
sec_test_documents_teardown (SecTestDocuments *f,
                             gconstpointer     data)
{
  g_clear_object (&f->store);
  sec_test_remove_tree (f->dir);
  g_date_time_unref (f->generated);
  g_free (f->path);
  g_free (f->dir);
}

/* Helpers: tools */

char *
sec_test_layout_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  int status;
  char *text = sec_test_spawn (argv, &status, NULL);

  g_assert_cmpint (status, ==, 0);
  return text;
}

void
sec_test_assert_qpdf_ok (const char *path)
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
char *
sec_test_pdf_info (const char *path,
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

guint
sec_test_count_in (const char *haystack,
                   const char *needle)
{
  guint n = 0;
  gsize len = strlen (needle);

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += len)
    n++;
  return n;
}

char *
sec_test_tmp_file (SecTestDocuments *f,
                   const char       *name)
{
  return g_build_filename (f->dir, name, NULL);
}

SecMeetingData *
sec_test_load_meeting (SecTestDocuments *f,
                       gint64            meeting)
{
  g_autoptr(GError) error = NULL;
  SecMeetingData *data = sec_meeting_data_load (f->store, meeting, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

char *
sec_test_export (SecTestDocuments          *f,
                 gint64                     meeting,
                 SecMeetingExport           kind,
                 SecMeetingDocumentOptions *options,
                 SecPaper                   paper,
                 const char                *name)
{
  g_autoptr(SecMeetingData) data = sec_test_load_meeting (f, meeting);
  g_autoptr(GError) error = NULL;
  SecMeetingDocumentOptions defaults = { 0 };
  char *path = sec_test_tmp_file (f, name);

  if (options == NULL)
    options = &defaults;
  options->generated = f->generated;
  options->author = "Test Secretariat";
  g_assert_true (sec_meeting_document_export (data, kind, options, paper, path, &error));
  g_assert_no_error (error);
  if (sec_meeting_export_get_extension (kind)[0] == 'p')
    sec_test_assert_qpdf_ok (path);
  return path;
}
