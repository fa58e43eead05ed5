/* test-minutes-documents.c: the minutes of the demo's meeting of 2025,
 * public and internal, the next meeting's internal minutes with the points
 * carried onto it, and the list of action points (PDF and CSV), each read
 * back. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/documents/sec-action-point-documents.h"
#include "core/documents/sec-meeting-documents.h"
#include "core/store/sec-records.h"
#include "sec-test-util.h"

typedef struct {
  char     *dir;
  SecStore *store;
  gint64    held;   /* the Platform's meeting of 2025 */
  gint64    next;   /* the joint meeting of 2027 */
} Fixture;

static gint64
meeting_starting (Fixture    *f,
                  const char *starts_at)
{
  g_autoptr(SecRecord) meeting = sec_test_find_one (f->store, SEC_TYPE_MEETING, "starts-at", starts_at);

  return sec_record_get_id (meeting);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sec_test_make_tmp_dir ("test-minutes-documents-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  f->held = meeting_starting (f, "2025-11-20T09:30");
  f->next = meeting_starting (f, "2027-05-19T09:30");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

/* The text of the minutes of @meeting, white space squeezed. */
static char *
minutes_text (Fixture          *f,
              gint64            meeting,
              SecMeetingExport  kind,
              const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) data = sec_meeting_data_load (f->store, meeting, &error);
  g_autoptr(SecDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  doc = sec_meeting_document_new (data, kind, NULL);
  g_assert_cmpint (sec_document_get_personal (doc), ==, kind == SEC_MEETING_EXPORT_MINUTES_INTERNAL);
  text = sec_test_pdf_text_at (doc, f->dir, name);
  return sec_test_squeeze (text);
}

static void
test_public (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = minutes_text (f, f->held, SEC_MEETING_EXPORT_MINUTES, "minutes.pdf");

  /* Those present, in person or remotely; who sent apologies. */
  sec_test_assert_contains (text, "Present (17)");
  sec_test_assert_contains (text, "Anna Müller");
  sec_test_assert_contains (text, "Мария Иванова");
  sec_test_assert_contains (text, "Remotely");
  sec_test_assert_contains (text, "Apologies: Chloé Dubois");
  /* Absent and declined people are not present. */
  g_assert_null (strstr (text, "Ionescu"));
  /* Each item: its summary, decisions and action points. */
  sec_test_assert_contains (text, "2. Tour de table: the organisations’ priorities for 2026");
  sec_test_assert_contains (text, "Decisions The Platform will organise its 2026 work around three themes");
  sec_test_assert_contains (text, "Prepare a short paper on referral practices between Member States");
  sec_test_assert_contains (text, "Seán Ó Súilleabháin 31 March 2026");
  sec_test_assert_contains (text, "6. Conclusions and next steps Nothing recorded.");
  sec_test_assert_contains (text, "Other action points");
  sec_test_assert_contains (text, "Circulate the minutes to the members The secretariat 5 December 2025");
  /* No contact data, no notes for the secretariat. */
  g_assert_null (strstr (text, "@example.org"));
  g_assert_null (strstr (text, "For the secretariat only"));
}

static void
test_internal (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *held = minutes_text (f, f->held, SEC_MEETING_EXPORT_MINUTES_INTERNAL, "internal.pdf");
  g_autofree char *next = minutes_text (f, f->next, SEC_MEETING_EXPORT_MINUTES_INTERNAL, "next.pdf");

  sec_test_assert_contains (held, "For the secretariat only");
  sec_test_assert_contains (held, "anna.mueller@example.org");
  /* Each point's status. */
  sec_test_assert_contains (held, "Katarzyna Łukasiewicz Dropped");
  /* Nothing was open before 2025's meeting. */
  g_assert_null (strstr (held, "Open action points of earlier meetings"));

  /* The joint meeting of 2027 has no minutes yet, but the points still
   * open from the Platform's meeting before it. */
  sec_test_assert_contains (next, "Present (0) Nobody is recorded as present.");
  sec_test_assert_contains (next, "Open action points of earlier meetings");
  sec_test_assert_contains (next, "Collect examples of housing conditions of seasonal workers");
  sec_test_assert_contains (next, "(20 November 2025)");
  g_assert_null (strstr (next, "Circulate the minutes to the members"));
}

static void
test_action_points (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecDocument) all = sec_action_points_document (f->store, FALSE, "en", "2026-03-15", &error);
  g_autoptr(SecDocument) open = sec_action_points_document (f->store, TRUE, "fr", "2026-03-15", &error);
  g_autofree char *all_raw = sec_test_pdf_text_at (all, f->dir, "all.pdf");
  g_autofree char *open_raw = sec_test_pdf_text_at (open, f->dir, "open.pdf");
  g_autofree char *all_text = sec_test_squeeze (all_raw);
  g_autofree char *open_text = sec_test_squeeze (open_raw);

  g_assert_no_error (error);
  g_assert_true (sec_document_get_personal (all));
  /* On 15 March 2026, one open point is overdue. */
  sec_test_assert_contains (all_text, "Open: 3 · Overdue: 1");
  sec_test_assert_contains (all_text, "28 February 2026 overdue");
  sec_test_assert_contains (all_text, "Done");
  sec_test_assert_contains (all_text, "Dropped");
  /* By due date: February's before March's. */
  g_assert_true (strstr (all_text, "seasonal workers") < strstr (all_text, "referral practices"));
  /* In French, only the open ones. */
  g_assert_null (strstr (open_text, "Circulate the minutes"));
  sec_test_assert_contains (open_text, "Le secrétariat");
  sec_test_assert_contains (open_text, "Actions ouvertes");
  sec_test_assert_contains (open_text, "31 mars 2026");
}

static void
test_action_points_csv (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = sec_action_points_csv (f->store, FALSE, "en", &error);
  g_autoptr(GPtrArray) records = NULL;
  GStrv header, first;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  records = sec_test_parse_csv (csv);
  g_assert_cmpuint (records->len, ==, 7);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpstr (header[0], ==, "Meeting");
  g_assert_cmpstr (header[3], ==, "Action");
  g_assert_cmpstr (header[5], ==, "Due on");
  first = g_ptr_array_index (records, 1);
  g_assert_cmpstr (first[1], ==, "2025-11-20");
  g_assert_cmpstr (first[3], ==, "Circulate the minutes to the members");
  g_assert_cmpstr (first[4], ==, "The secretariat");
  g_assert_cmpstr (first[5], ==, "2025-12-05");
  g_assert_cmpstr (first[6], ==, "Done");
  g_assert_cmpstr (first[7], ==, "2025-12-03");
  /* A point without a due date comes last. */
  g_assert_cmpstr (((GStrv) g_ptr_array_index (records, 6))[5], ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po = NULL;

  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* The translations built in the build tree, for the French list. */
  po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/minutes-documents/public", test_public);
  ADD ("/minutes-documents/internal", test_internal);
  ADD ("/minutes-documents/action-points", test_action_points);
  ADD ("/minutes-documents/action-points-csv", test_action_points_csv);

  return g_test_run ();
}
