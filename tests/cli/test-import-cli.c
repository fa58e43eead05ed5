/* test-import-cli.c: `secretariat import`, run as the real program, on
 * files made the way LibreOffice, Excel, Google Sheets, GNOME Contacts,
 * Thunderbird, Outlook and phones write them: every count, every line
 * reported, and a refused or dry import that leaves the database as it
 * was (its checksum). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "sec-test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(SecStore) store = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sec_test_make_tmp_dir ("test-import-cli-XXXXXX");
  f->path = g_build_filename (f->dir, "office.db", NULL);
  store = sec_store_open (f->path, &error);
  g_assert_no_error (error);
  sec_test_insert (store, SEC_TYPE_BODY, "name", "Platform of rapporteurs", "acronym", "PF", NULL);
  sec_test_insert (store, SEC_TYPE_ORGANISATION, "name", "Europol", "acronym", "EUROPOL", "country", "NL", NULL);
  sec_store_close (store);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  sec_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
write_file (Fixture *f, const char *name, const char *data, gssize length)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static SecTestResult
run_argv (Fixture *f, const char *const *args)
{
  return sec_test_run_secretariat (f->dir, f->dir, f->path, args);
}

#define run(f, ...) run_argv ((f), (const char *const[]) { __VA_ARGS__, NULL })

static gint64
count (Fixture *f, GType kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open_for_reading (f->path, &error);

  g_assert_no_error (error);
  return sec_store_count (store, kind, NULL, NULL);
}

static SecRecord *
find (Fixture *f, GType kind, const char *field, const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecStore) store = sec_store_open_for_reading (f->path, &error);

  g_assert_no_error (error);
  return sec_test_find_one (store, kind, field, value);
}

static void
assert_summary (const SecTestResult *r, int status, const char *summary)
{
  if (r->status != status)
    g_printerr ("%s%s", r->out, r->err);
  g_assert_cmpint (r->status, ==, status);
  if (summary != NULL)
    sec_test_assert_contains (r->out, summary);
}

static void
test_libreoffice_organisations (Fixture *f, gconstpointer data)
{
  /* LibreOffice, Western Europe (Windows-1252), semicolons, a quoted
   * address over two lines, a blank line and trailing separators. */
  const char csv[] =
    "Nom;Sigle;Pays;Ville;Adresse;Site web;Courriel;Organe;R\xF4le;;\r\n"
    "Agence fran\xE7\x61ise;AF;France;Paris;\"1 rue Test\r\n75001 Paris\";www.af.fr;contact@af.fr;PF;Observateur;;\r\n"
    ";;;;;;;;;;\r\n"
    "M\xFCnchner Verein;MV;Allemagne;M\xFCnchen;;;;Platform of rapporteurs;;;\r\n"
    "EUROPOL;;;;;;;;;;\r\n";
  g_autofree char *file = write_file (f, "libreoffice.csv", csv, sizeof csv - 1);
  g_auto(SecTestResult) r = run (f, "import", "organisations", file);
  g_autoptr(SecRecord) af = NULL;

  assert_summary (&r, 0, "2 imported, 0 merged, 1 skipped, 0 invalid");
  sec_test_assert_contains (r.err, "libreoffice.csv:6: Same name as record");
  g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION), ==, 3);
  g_assert_cmpint (count (f, SEC_TYPE_MEMBERSHIP), ==, 2);
  af = find (f, SEC_TYPE_ORGANISATION, "name", "Agence française");
  g_assert_cmpstr (sec_record_get_string (af, "country"), ==, "FR");
  g_assert_cmpstr (sec_record_get_string (af, "address"), ==, "1 rue Test\r\n75001 Paris");
  g_assert_cmpstr (sec_record_get_string (af, "website"), ==, "https://www.af.fr");
  {
    g_autoptr(SecRecord) mv = find (f, SEC_TYPE_ORGANISATION, "name", "Münchner Verein");
    g_assert_cmpstr (sec_record_get_string (mv, "city"), ==, "München");
  }
}

static void
test_excel_unicode_text (Fixture *f, gconstpointer data)
{
  /* Excel's "Unicode text": UTF-16 LE with its mark, tabs, CRLF. */
  const char *text = "Nachname\tVorname\tE-Mail\tOrganisation\tTelefon\r\n"
                     "Schröder\tJürgen\tj.schroeder@example.de\tEuropol\t+49 30 1\r\n"
                     "Łukasiewicz\tŁucja\tlucja@example.pl\tFundacja Ł\t\r\n";
  gsize n = 0;
  g_autofree char *body = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &n, NULL);
  g_autofree char *bytes = g_malloc (n + 2);
  g_autofree char *file = NULL;

  memcpy (bytes, "\xFF\xFE", 2);
  memcpy (bytes + 2, body, n);
  file = write_file (f, "excel.txt", bytes, n + 2);
  {
    g_auto(SecTestResult) r = run (f, "import", "people", file);
    g_autoptr(SecRecord) j = NULL;
    g_autoptr(SecRecord) europol = find (f, SEC_TYPE_ORGANISATION, "name", "Europol");

    assert_summary (&r, 0, "2 imported, 0 merged, 0 skipped, 0 invalid");
    g_assert_cmpstr (r.err, ==, "");
    j = find (f, SEC_TYPE_PERSON, "family-name", "Schröder");
    g_assert_cmpint (sec_record_get_ref (j, "organisation"), ==, sec_record_get_id (europol));
    g_assert_cmpstr (sec_record_get_string (j, "phone"), ==, "+49 30 1");
    /* The organisation not found is created, once. */
    g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION), ==, 2);
  }
}

static void
test_google_sheets_and_duplicates (Fixture *f, gconstpointer data)
{
  const char *csv = "First Name,Last Name,E-mail 1 - Type,E-mail 1 - Value,Organization Name,Country\n"
                    "Maria,García,* Work,maria@example.es,Fundación Uno,Spain\n"
                    "María,GARCIA,,,Fundación Uno,ES\n"
                    "Jan,Jansen,,jan@example.nl,,Netherlands\n";
  g_autofree char *file = write_file (f, "google.csv", csv, -1);
  g_autofree char *again = write_file (f, "again.csv",
                                       "First Name,Last Name,Email,Phone\n"
                                       "Jan,Jansen,JAN@example.nl,+31 1\n", -1);

  {
    /* Row 3 is row 2 again (same folded name, same organisation). */
    g_auto(SecTestResult) r = run (f, "import", "people", file);
    assert_summary (&r, 0, "2 imported, 0 merged, 1 skipped, 0 invalid");
    sec_test_assert_contains (r.err, "google.csv:3: Same name and organisation as line 2: skipped");
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "people", again, "--on-duplicate", "merge");
    g_autoptr(SecRecord) jan = NULL;

    assert_summary (&r, 0, "0 imported, 1 merged, 0 skipped, 0 invalid");
    jan = find (f, SEC_TYPE_PERSON, "family-name", "Jansen");
    g_assert_cmpstr (sec_record_get_string (jan, "phone"), ==, "+31 1");
    g_assert_cmpstr (sec_record_get_string (jan, "email"), ==, "jan@example.nl");
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "people", again, "--on-duplicate", "import");
    assert_summary (&r, 0, "1 imported, 0 merged, 0 skipped, 0 invalid");
    g_assert_cmpint (count (f, SEC_TYPE_PERSON), ==, 3);
  }
}

static const char gnome_contacts[] =
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Élodie Martin\r\nN:Martin;Élodie;;;\r\n"
  "EMAIL;TYPE=work:elodie@example.fr\r\nEMAIL;TYPE=home:elodie@home.fr\r\n"
  "TEL;TYPE=cell:+33 6 1\r\nORG:Agence test;Service juridique\r\nEND:VCARD\r\n";
static const char thunderbird[] =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Sabre//Sabre VObject 4.4.2//EN\r\n"
  "N:Kowalski;Piotr;;Prof.;\r\nFN:Piotr Kowalski\r\nEMAIL;TYPE=work:piotr@example.pl\r\n"
  "NOTE:A long note that Thunderbird folds over the seventy-five octet limit o\r\n f lines.\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nowak;Anna;;;\r\nEMAIL:anna@example.pl\r\nEND:VCARD\r\n";
/* Outlook: vCard 2.1, Windows-1252 in QUOTED-PRINTABLE. */
static const char outlook[] =
  "BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de;CHARSET=Windows-1252:M\xFCller;Hans\r\n"
  "FN;CHARSET=Windows-1252:Hans M\xFCller\r\nORG:Bundesamt f\xFCr Tests\r\nTITLE:Referent\r\n"
  "TEL;WORK;VOICE:+49 228 1\r\nEMAIL;PREF;INTERNET:hans.mueller@example.de\r\n"
  "ADR;WORK;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:;;Stra=DFe 1=0D=0A=\r\nZimmer 2;Bonn;;53113;Deutschland\r\n"
  "END:VCARD\r\n";
/* A phone: vCard 2.1, UTF-8 in QUOTED-PRINTABLE. */
static const char phone[] =
  "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=BBu=C5=82aw;Ewa;;;\n"
  "TEL;CELL:+48 600 1\nTEL;HOME:+48 22 1\nEND:VCARD\n"
  "BEGIN:VCARD\nVERSION:2.1\nN:;;;;\nTEL;CELL:+48 600 2\nEND:VCARD\n";

static void
test_vcards (Fixture *f, gconstpointer data)
{
  g_autofree char *gnome = write_file (f, "gnome.vcf", gnome_contacts, -1);
  g_autofree char *tb = write_file (f, "thunderbird.vcf", thunderbird, -1);
  g_autofree char *ol = write_file (f, "outlook.vcf", outlook, -1);
  g_autofree char *ph = write_file (f, "phone.vcf", phone, -1);

  {
    g_auto(SecTestResult) r = run (f, "import", "people", gnome);
    g_autoptr(SecRecord) e = NULL;

    assert_summary (&r, 0, "1 imported, 0 merged, 0 skipped, 0 invalid");
    e = find (f, SEC_TYPE_PERSON, "family-name", "Martin");
    g_assert_cmpstr (sec_record_get_string (e, "email"), ==, "elodie@example.fr");
    sec_test_assert_contains (sec_record_get_string (e, "notes"), "elodie@home.fr");
    sec_test_assert_contains (sec_record_get_string (e, "notes"), "Service juridique");
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "people", tb, "--format", "vcard");
    g_autoptr(SecRecord) p = NULL;

    assert_summary (&r, 0, "2 imported, 0 merged, 0 skipped, 0 invalid");
    p = find (f, SEC_TYPE_PERSON, "family-name", "Kowalski");
    g_assert_cmpstr (sec_record_get_string (p, "title"), ==, "Prof.");
    sec_test_assert_contains (sec_record_get_string (p, "notes"), "limit of lines.");
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "people", ol);
    g_autoptr(SecRecord) h = NULL;
    g_autoptr(SecRecord) org = NULL;

    assert_summary (&r, 0, "1 imported, 0 merged, 0 skipped, 0 invalid");
    h = find (f, SEC_TYPE_PERSON, "family-name", "Müller");
    g_assert_cmpstr (sec_record_get_string (h, "given-name"), ==, "Hans");
    g_assert_cmpstr (sec_record_get_string (h, "position"), ==, "Referent");
    sec_test_assert_contains (sec_record_get_string (h, "notes"), "Straße 1\r\nZimmer 2, Bonn, 53113, Deutschland");
    org = find (f, SEC_TYPE_ORGANISATION, "name", "Bundesamt für Tests");
    g_assert_cmpint (sec_record_get_ref (h, "organisation"), ==, sec_record_get_id (org));
  }
  {
    /* The second card has no name: invalid, at its line. */
    g_autofree char *before = sec_test_checksum_file (f->path);
    g_auto(SecTestResult) r = run (f, "import", "people", ph);
    g_autofree char *after = sec_test_checksum_file (f->path);

    assert_summary (&r, 1, NULL);
    sec_test_assert_contains (r.err, "phone.vcf:7: ");
    sec_test_assert_contains (r.err, "nothing was imported");
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "people", ph, "--skip-invalid");
    g_autoptr(SecRecord) e = NULL;

    assert_summary (&r, 0, "1 imported, 0 merged, 0 skipped, 1 invalid");
    e = find (f, SEC_TYPE_PERSON, "family-name", "Żuław");
    g_assert_cmpstr (sec_record_get_string (e, "phone"), ==, "+48 600 1");
  }
  g_assert_cmpint (count (f, SEC_TYPE_PERSON), ==, 5);
  {
    /* vCards are people. */
    g_auto(SecTestResult) r = run (f, "import", "organisations", gnome);
    g_assert_cmpint (r.status, ==, 2);
  }
}

static void
test_broken_rows_and_dry_run (Fixture *f, gconstpointer data)
{
  const char *csv = "Family name,Given name,Email,Country,Body,Consent date\n"
                    "Valid,One,one@example.org,,,2026-01-15\n"
                    ",Nameless,x@example.org,,,\n"
                    "Bad,Mail,not an address,,,\n"
                    "Bad,Country,,Atlantis,,\n"
                    "Bad,Body,,,No such body,\n"
                    "Bad,Date,,,,31/02/2026\n";
  g_autofree char *file = write_file (f, "broken.csv", csv, -1);
  g_autofree char *before = sec_test_checksum_file (f->path);

  {
    g_auto(SecTestResult) r = run (f, "import", "people", file);

    assert_summary (&r, 1, NULL);
    g_assert_cmpstr (r.out, ==, "");
    for (guint line = 3; line <= 7; line++)
      {
        g_autofree char *prefix = g_strdup_printf ("broken.csv:%u: ", line);
        sec_test_assert_contains (r.err, prefix);
      }
    g_assert_null (strstr (r.err, "broken.csv:2:"));
    sec_test_assert_contains (r.err, "5 rows are invalid: nothing was imported");
  }
  {
    g_autofree char *after = sec_test_checksum_file (f->path);
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "people", file, "--skip-invalid", "--dry-run");
    g_autofree char *after = sec_test_checksum_file (f->path);

    assert_summary (&r, 0, "1 imported, 0 merged, 0 skipped, 5 invalid");
    sec_test_assert_contains (r.out, "Dry run");
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "people", file, "--skip-invalid");
    g_autoptr(SecRecord) one = NULL;

    assert_summary (&r, 0, "1 imported, 0 merged, 0 skipped, 5 invalid");
    one = find (f, SEC_TYPE_PERSON, "family-name", "Valid");
    g_assert_cmpstr (sec_record_get_string (one, "consent-date"), ==, "2026-01-15");
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "people", "/nonexistent/file.csv");
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "meetings", file);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "people", file, "--on-duplicate", "maybe");
    g_assert_cmpint (r.status, ==, 2);
  }
}

static void
test_organisation_name_taken (Fixture *f, gconstpointer data)
{
  /* Europol exists: "import anyway" cannot give a second one its name. */
  g_autofree char *file = write_file (f, "orgs.csv", "Name;Acronym\nEuropol;EP\nNew Org;NO\n", -1);
  g_autofree char *before = sec_test_checksum_file (f->path);

  {
    g_auto(SecTestResult) r = run (f, "import", "organisations", file, "--on-duplicate", "import");
    g_autofree char *after = sec_test_checksum_file (f->path);

    assert_summary (&r, 1, NULL);
    sec_test_assert_contains (r.err, "already exists");
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_auto(SecTestResult) r = run (f, "import", "organisations", file, "--on-duplicate", "import", "--skip-invalid");

    assert_summary (&r, 0, "1 imported, 0 merged, 0 skipped, 1 invalid");
    sec_test_assert_contains (r.err, "orgs.csv:2: An organisation named “Europol” already exists");
    g_assert_cmpint (count (f, SEC_TYPE_ORGANISATION), ==, 2);
  }
}

static void
test_map (Fixture *f, gconstpointer data)
{
  g_autofree char *file = write_file (f, "map.csv", "A;B;C\nSmith;Jo;jo@example.org\n", -1);
  g_auto(SecTestResult) refused = run (f, "import", "people", file);
  g_auto(SecTestResult) r = run (f, "import", "people", file, "--map", "A=family-name", "--map", "2=given-name",
                                 "--map", "C=email");
  g_auto(SecTestResult) unknown = run (f, "import", "people", file, "--map", "A=shoe-size");
  g_autoptr(SecRecord) jo = NULL;

  /* No column is recognised: no family name, refused. */
  assert_summary (&refused, 1, NULL);
  sec_test_assert_contains (refused.err, "map.csv:2: ");
  assert_summary (&r, 0, "1 imported, 0 merged, 0 skipped, 0 invalid");
  jo = find (f, SEC_TYPE_PERSON, "family-name", "Smith");
  g_assert_cmpstr (sec_record_get_string (jo, "given-name"), ==, "Jo");
  g_assert_cmpstr (sec_record_get_string (jo, "email"), ==, "jo@example.org");
  g_assert_cmpint (unknown.status, ==, 2);
}

int
main (int argc, char **argv)
{
  /* The program's locale (sec_test_run_secretariat): a store opened in
   * another one would have its sort keys made again, changing the file. */
  setlocale (LC_ALL, "en_US.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-cli/libreoffice-organisations", Fixture, NULL, setup, test_libreoffice_organisations, teardown);
  g_test_add ("/import-cli/excel-unicode-text", Fixture, NULL, setup, test_excel_unicode_text, teardown);
  g_test_add ("/import-cli/google-sheets-duplicates", Fixture, NULL, setup, test_google_sheets_and_duplicates, teardown);
  g_test_add ("/import-cli/vcards", Fixture, NULL, setup, test_vcards, teardown);
  g_test_add ("/import-cli/broken-rows-dry-run", Fixture, NULL, setup, test_broken_rows_and_dry_run, teardown);
  g_test_add ("/import-cli/map", Fixture, NULL, setup, test_map, teardown);
  g_test_add ("/import-cli/organisation-name-taken", Fixture, NULL, setup, test_organisation_name_taken, teardown);
  return g_test_run ();
}
