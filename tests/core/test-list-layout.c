/* test-list-layout.c: how participant lists are laid out and sorted
 *
 * Column widths follow what the cells hold (a name on one line while a
 * mostly empty column stays narrow), Greek and Cyrillic names sort among
 * the Latin ones by their Latin spelling, which a list can print beside
 * them. Read back with pdftotext.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/base/sec-translit.h"
#include "core/documents/sec-meeting-csv.h"
#include "core/documents/sec-meeting-documents.h"
#include "sec-test-util.h"

typedef struct {
  char     *dir;
  SecStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sec_test_make_tmp_dir ("sec-list-layout-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

/* The text of the list of demo meeting 2 made with @options. */
static char *
export_text (Fixture                   *f,
             SecMeetingExport           kind,
             SecMeetingDocumentOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) data = sec_meeting_data_load (f->store, 2, &error);
  g_autofree char *path = g_build_filename (f->dir, "list.pdf", NULL);

  g_assert_no_error (error);
  g_assert_true (sec_meeting_document_export (data, kind, options, SEC_PAPER_A4, path, &error));
  g_assert_no_error (error);
  return sec_test_read_pdf (path);
}

static gsize
offset_of (const char *text,
           const char *part)
{
  const char *p = strstr (text, part);

  g_assert_nonnull (p);
  return (gsize) (p - text);
}

static void
test_latin_name (void)
{
  g_autofree char *greek = sec_translit_latin_name ("Δήμητρα Αντωνίου");
  g_autofree char *russian = sec_translit_latin_name ("Мария Иванова");
  g_autofree char *ukrainian = sec_translit_latin_name ("Олена Шевченко");

  g_assert_cmpstr (greek, ==, "Dimitra Antoniou");
  g_assert_cmpstr (russian, ==, "Mariya Ivanova");
  g_assert_cmpstr (ukrainian, ==, "Olena Shevchenko");
  g_assert_null (sec_translit_latin_name ("Katarzyna Łukasiewicz"));
  g_assert_null (sec_translit_latin_name (NULL));
}

/* Αντωνίου with the A's, Иванова (Ivanova) after Hoxha, Шевченко
 * (Shevchenko) after Ó Súilleabháin: not all after Visser. */
static void
test_latin_sort (Fixture       *f,
                 gconstpointer  data)
{
  SecMeetingDocumentOptions options = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *with_latin = NULL;

  options.public_variant = TRUE;
  text = export_text (f, SEC_MEETING_EXPORT_PARTICIPANTS, &options);
  g_test_message ("%s", text);
  g_assert_cmpuint (offset_of (text, "Αντωνίου"), <, offset_of (text, "Baláž"));
  g_assert_cmpuint (offset_of (text, "Hoxha"), <, offset_of (text, "Иванова"));
  g_assert_cmpuint (offset_of (text, "Иванова"), <, offset_of (text, "Jørgensen"));
  g_assert_cmpuint (offset_of (text, "Súilleabháin"), <, offset_of (text, "Шевченко"));
  g_assert_cmpuint (offset_of (text, "Шевченко"), <, offset_of (text, "Tóth"));
  /* The Latin spelling only when asked for. */
  g_assert_null (strstr (text, "Dimitra"));

  g_assert_true (sec_participant_columns_parse ("name,latin,organisation", &options.columns, NULL));
  with_latin = export_text (f, SEC_MEETING_EXPORT_PARTICIPANTS, &options);
  sec_test_assert_contains (with_latin, "Latin spelling");
  sec_test_assert_contains (with_latin, "Dimitra Antoniou");
  sec_test_assert_contains (with_latin, "Mariya Ivanova");
  sec_test_assert_contains (with_latin, "Olena Shevchenko");

  /* The attendance sheet: in the same order, the spelling under the name. */
  {
    g_autofree char *sheet = export_text (f, SEC_MEETING_EXPORT_ATTENDANCE, &options);

    g_assert_cmpuint (offset_of (sheet, "Αντωνίου"), <, offset_of (sheet, "Baláž"));
    sec_test_assert_contains (sheet, "Dimitra Antoniou");
  }
}

static void
test_latin_csv (Fixture       *f,
                gconstpointer  data)
{
  SecMeetingDocumentOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SecMeetingData) meeting = sec_meeting_data_load (f->store, 2, &error);
  g_autofree char *all = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  /* Every column by default, but the Latin spelling only when asked. */
  all = sec_meeting_csv_participants (meeting, &options);
  g_assert_null (strstr (all, "Latin spelling"));

  g_assert_true (sec_participant_columns_parse ("name,latin", &options.columns, NULL));
  csv = sec_meeting_csv_participants (meeting, &options);
  rows = sec_test_parse_csv (csv);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[3], ==, "Latin spelling");
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row[2], "Иванова") == 0)
        {
          g_assert_cmpstr (row[3], ==, "Mariya Ivanova");
          found = TRUE;
        }
      else if (g_strcmp0 (row[2], "Borg") == 0)
        g_assert_cmpstr (row[3], ==, "");
    }
  g_assert_true (found);
}

/* Long names in a narrow share, a wide share for a column nearly empty:
 * the names take the room they need and stay on one line. */
static void
test_column_widths (Fixture       *f,
                    gconstpointer  data)
{
  static const SecDocumentColumn columns[] = {
    { "No.", 5, SEC_COLUMN_END },
    { "Name", 15, SEC_COLUMN_DEFAULT },
    { "Organisation", 20, SEC_COLUMN_DEFAULT },
    { "Needs", 40, SEC_COLUMN_SMALL },
  };
  static const char *const names[] = {
    "Alexandra Konstantinopoulou", "Maximilian Hohenzollern-Sigmaringen",
    "Katarzyna Łukasiewicz-Wiśniewska", "Bartholomew Featherstonehaugh",
  };
  g_autoptr(SecDocument) doc = sec_document_new ("Widths");
  g_autofree char *text = NULL;

  sec_document_begin_section (doc, "Widths", NULL);
  sec_document_begin_table (doc, SEC_TABLE_RULES, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *cells[] = { number, names[i % G_N_ELEMENTS (names)], "Stichting Veilige Haven",
                              i == 7 ? "Vegetarian" : NULL };

      sec_document_add_row (doc, SEC_ROW_NORMAL, cells);
    }
  sec_document_end_table (doc);
  text = sec_test_pdf_text_at (doc, f->dir, "widths.pdf");
  g_test_message ("%s", text);
  /* Each name whole on its line (pdftotext -layout keeps lines). */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    sec_test_assert_contains (text, names[i]);
  sec_test_assert_contains (text, "Stichting Veilige Haven");
}

/* A column left blank to be written in (a signature) keeps its share
 * even when the others are long: the names still fit, the room to sign
 * stays. */
static void
test_blank_column (Fixture       *f,
                   gconstpointer  data)
{
  SecMeetingDocumentOptions options = { 0 };
  g_autofree char *text = export_text (f, SEC_MEETING_EXPORT_ATTENDANCE, &options);

  sec_test_assert_contains (text, "Signature");
  sec_test_assert_contains (text, "Katarzyna Łukasiewicz");
  sec_test_assert_contains (text, "Hélène Vandenberghe");
}

/* The organisers' staff (the demo's Office of the Coordinator) are listed
 * under their institution, after the countries, not under Belgium. */
static void
test_staff_group (Fixture       *f,
                  gconstpointer  data)
{
  SecMeetingDocumentOptions options = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *cards = NULL;

  options.public_variant = TRUE;
  options.group_by = SEC_GROUP_BY_COUNTRY;
  options.country_order = SEC_COUNTRY_ORDER_PROTOCOL;
  text = export_text (f, SEC_MEETING_EXPORT_PARTICIPANTS, &options);
  g_test_message ("%s", text);
  /* Nobody else of the meeting is from Belgium. */
  g_assert_null (strstr (text, "Belgium ("));
  sec_test_assert_contains (text, "Office of the EU Anti-trafficking Coordinator (EU ATC) (2)");
  g_assert_cmpuint (offset_of (text, "Шевченко"), <, offset_of (text, "Coordinator (EU ATC) (2)"));
  g_assert_cmpuint (offset_of (text, "Coordinator (EU ATC) (2)"), <, offset_of (text, "Vandenberghe"));

  /* Without grouping they are among the others. */
  options.group_by = SEC_GROUP_BY_NONE;
  g_free (text);
  text = export_text (f, SEC_MEETING_EXPORT_PARTICIPANTS, &options);
  g_assert_cmpuint (offset_of (text, "Vandenberghe"), <, offset_of (text, "Verhoeven"));
  g_assert_cmpuint (offset_of (text, "Tóth"), <, offset_of (text, "Vandenberghe"));

  /* Badges follow the list's order. */
  options.group_by = SEC_GROUP_BY_COUNTRY;
  cards = export_text (f, SEC_MEETING_EXPORT_BADGES, &options);
  g_assert_cmpuint (offset_of (cards, "Шевченко"), <, offset_of (cards, "Vandenberghe"));
}

/* A table's header takes two lines at most: the internal agenda's
 * "Notes for the secretariat" over a column of short notes was three
 * ("Notes for", "the", "secretariat"). */
static void
test_header_two_lines (Fixture       *f,
                       gconstpointer  data)
{
  SecMeetingDocumentOptions options = { 0 };
  g_autofree char *text = export_text (f, SEC_MEETING_EXPORT_AGENDA_INTERNAL, &options);

  g_test_message ("%s", text);
  sec_test_assert_contains (text, "Notes for the");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add_func ("/list-layout/latin-name", test_latin_name);
  ADD ("/list-layout/latin-sort", test_latin_sort);
  ADD ("/list-layout/latin-csv", test_latin_csv);
  ADD ("/list-layout/column-widths", test_column_widths);
  ADD ("/list-layout/header-two-lines", test_header_two_lines);
  ADD ("/list-layout/blank-column", test_blank_column);
  ADD ("/list-layout/staff-group", test_staff_group);
#undef ADD
  return g_test_run ();
}
