/* test-import.c: the import's readers (CSV as spreadsheet programs write
 * it, vCards 2.1 to 4.0), the mapping guessed from headers, each row
 * checked as the editor checks it, duplicates, one transaction, undo. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/import/sec-import.h"
#include "core/store/sec-records.h"
#include "sec-test-util.h"

/* Readers */

static SecImportTable *
read_csv (const char *data, gssize length)
{
  g_autoptr(GError) error = NULL;
  SecImportTable *table = sec_import_read_csv (data, length < 0 ? strlen (data) : (gsize) length, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_row (SecImportTable *table, guint i, guint line, const char *const *fields)
{
  SecImportRow *row;

  g_assert_cmpuint (i, <, table->rows->len);
  row = g_ptr_array_index (table->rows, i);
  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpuint (row->n_fields, ==, g_strv_length ((char **) fields));
  for (guint f = 0; fields[f]; f++)
    g_assert_cmpstr (row->fields[f], ==, fields[f]);
}

static void
test_csv_utf8_comma (void)
{
  g_autoptr(SecImportTable) t = read_csv ("\xEF\xBB\xBFName,Email,Notes\r\n"
                                          "Łódź Centre,lodz@example.org,\"two\r\nlines, and \"\"quotes\"\"\"\r\n"
                                          "\r\n"
                                          "Europol,,'=SUM(A1)\r\n"
                                          "Trailing,a@b.eu,,,\r\n", -1);

  g_assert_cmpstr (t->encoding, ==, "UTF-8");
  g_assert_cmpint (t->separator, ==, ',');
  g_assert_cmpuint (t->header->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (t->header, 0), ==, "Name");
  g_assert_cmpuint (t->rows->len, ==, 3);
  assert_row (t, 0, 2, (const char *[]) { "Łódź Centre", "lodz@example.org", "two\r\nlines, and \"quotes\"", NULL });
  /* The blank line 4 is skipped; the formula guard of our exports goes. */
  assert_row (t, 1, 5, (const char *[]) { "Europol", "", "=SUM(A1)", NULL });
  /* Trailing separators beyond the header are nothing. */
  assert_row (t, 2, 6, (const char *[]) { "Trailing", "a@b.eu", "", NULL });
}

static void
test_csv_windows_1252_semicolon (void)
{
  /* LibreOffice, "Western Europe (Windows-1252)", semicolons. */
  const char data[] = "Nom;Pr\xE9nom;Courriel\n"
                      "M\xFCller;Ren\xE9\x65;rene@example.fr\n"
                      "\"Dupont; fils\";\x80uro;\n";
  g_autoptr(SecImportTable) t = read_csv (data, sizeof data - 1);

  g_assert_cmpstr (t->encoding, ==, "WINDOWS-1252");
  g_assert_cmpint (t->separator, ==, ';');
  g_assert_cmpstr (g_ptr_array_index (t->header, 1), ==, "Prénom");
  assert_row (t, 0, 2, (const char *[]) { "Müller", "Renée", "rene@example.fr", NULL });
  assert_row (t, 1, 3, (const char *[]) { "Dupont; fils", "€uro", "", NULL });
}

static char *
to_utf16 (const char *text, const char *encoding, const char *bom, gsize *length)
{
  gsize n = 0, bom_len = strlen (bom);
  g_autofree char *body = g_convert (text, -1, encoding, "UTF-8", NULL, &n, NULL);
  char *out = g_malloc (n + bom_len);

  memcpy (out, bom, bom_len);
  memcpy (out + bom_len, body, n);
  *length = n + bom_len;
  return out;
}

static void
test_csv_utf16_tab (void)
{
  /* Excel's "Unicode text": UTF-16 LE with its mark, tabs. */
  gsize length;
  g_autofree char *le = to_utf16 ("Nachname\tVorname\tE-Mail\r\nSchröder\tJürgen\tj@example.de\r\n",
                                  "UTF-16LE", "\xFF\xFE", &length);
  g_autoptr(SecImportTable) t = read_csv (le, length);
  g_autofree char *be = to_utf16 ("Name\tLand\nΕλληνικό\tGR\n", "UTF-16BE", "\xFE\xFF", &length);
  g_autoptr(SecImportTable) t2 = read_csv (be, length);

  g_assert_cmpstr (t->encoding, ==, "UTF-16LE");
  g_assert_cmpint (t->separator, ==, '\t');
  assert_row (t, 0, 2, (const char *[]) { "Schröder", "Jürgen", "j@example.de", NULL });
  g_assert_cmpstr (t2->encoding, ==, "UTF-16BE");
  assert_row (t2, 0, 2, (const char *[]) { "Ελληνικό", "GR", NULL });
}

static void
test_csv_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecImportTable) empty = sec_import_read_csv ("\n\n", 2, NULL, 0, &error);
  g_autoptr(SecImportTable) bad = NULL;
  g_autoptr(SecImportTable) open_quote = NULL;

  g_assert_error (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_EMPTY);
  g_assert_null (empty);
  g_clear_error (&error);
  /* Chosen as UTF-8 but not UTF-8: refused, with a message. */
  bad = sec_import_read_csv ("a\nM\xFCller\n", 9, "UTF-8", 0, &error);
  g_assert_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE);
  g_assert_null (bad);
  /* A quote left open takes the rest of the file, losing nothing. */
  open_quote = read_csv ("a,b\n1,\"open\n2,3\n", -1);
  assert_row (open_quote, 0, 2, (const char *[]) { "1", "open\n2,3\n", NULL });
}

static const char vcards[] =
  "BEGIN:VCARD\r\n"
  "VERSION:2.1\r\n"
  "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen;;Dr.;\r\n"
  "ORG:Bundesamt;Abteilung 3;Referat B\r\n"
  "TEL;WORK;VOICE:+49 30 1234\r\n"
  "TEL;CELL:+49 170 1\r\n"
  "EMAIL;INTERNET;HOME:home@example.de\r\n"
  "EMAIL;INTERNET;WORK:work@example.de\r\n"
  "NOTE;ENCODING=QUOTED-PRINTABLE:first line=0D=0A=\r\n"
  "second line\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "FN:Anne-Marie Dupont\r\n"
  "N:Dupont;Anne-Marie;;Mme;\r\n"
  "TITLE:Cheffe d\\, unité\r\n"
  "EMAIL;TYPE=INTERNET,WORK,PREF:am.dupont@example.\r\n"
  " fr\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\n"
  "VERSION:4.0\n"
  "FN:Σοφία Παπαδοπούλου\n"
  "EMAIL;TYPE=home:sofia@example.gr\n"
  "EMAIL;PREF=1;TYPE=work:s.p@example.gr\n"
  "TEL;VALUE=uri;TYPE=cell:tel:+30-210-1\n"
  "END:VCARD\n";

static void
test_vcard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecImportTable) t = sec_import_read_vcard (vcards, sizeof vcards - 1, &error);
  SecImportRow *row;

  g_assert_no_error (error);
  g_assert_true (sec_import_is_vcard (vcards, sizeof vcards - 1));
  g_assert_cmpuint (t->rows->len, ==, 3);
  row = g_ptr_array_index (t->rows, 0);
  g_assert_cmpuint (row->line, ==, 1);
  g_assert_cmpstr (row->fields[0], ==, "Dr.");
  g_assert_cmpstr (row->fields[1], ==, "Jürgen");
  g_assert_cmpstr (row->fields[2], ==, "Müller");
  g_assert_cmpstr (row->fields[4], ==, "Bundesamt");
  g_assert_cmpstr (row->fields[5], ==, "work@example.de");
  g_assert_cmpstr (row->fields[6], ==, "+49 30 1234");
  sec_test_assert_contains (row->fields[7], "first line\r\nsecond line");
  sec_test_assert_contains (row->fields[7], "Abteilung 3, Referat B");
  sec_test_assert_contains (row->fields[7], "home@example.de");
  sec_test_assert_contains (row->fields[7], "+49 170 1");
  row = g_ptr_array_index (t->rows, 1);
  g_assert_cmpuint (row->line, ==, 12);
  g_assert_cmpstr (row->fields[0], ==, "Mme");
  g_assert_cmpstr (row->fields[2], ==, "Dupont");
  g_assert_cmpstr (row->fields[3], ==, "Cheffe d, unité");
  g_assert_cmpstr (row->fields[5], ==, "am.dupont@example.fr");
  row = g_ptr_array_index (t->rows, 2);
  g_assert_cmpuint (row->line, ==, 20);
  g_assert_cmpstr (row->fields[1], ==, "Σοφία");
  g_assert_cmpstr (row->fields[2], ==, "Παπαδοπούλου");
  g_assert_cmpstr (row->fields[5], ==, "s.p@example.gr");
  g_assert_cmpstr (row->fields[6], ==, "+30-210-1");
  g_assert_false (sec_import_is_vcard ("Name,Email\n", 11));
}

/* A byte that is not UTF-8 in a parameter (a phone's type, "\310ORK")
 * reaches the notes as text, like one in a value (found by fuzzing). */
static void
test_vcard_parameter_bytes (void)
{
  static const char card[] =
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:M\xfcller;J\r\n"
    "TEL;WORK;VOICE:+49 2\r\nTEL;\310ORK;VOICE:+49 1\r\nEND:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SecImportTable) t = sec_import_read_vcard (card, sizeof card - 1, &error);
  SecImportRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (t->rows->len, ==, 1);
  row = g_ptr_array_index (t->rows, 0);
  for (guint f = 0; f < row->n_fields; f++)
    g_assert_true (g_utf8_validate (row->fields[f], -1, NULL));
  g_assert_cmpstr (row->fields[2], ==, "Müller");
  sec_test_assert_contains (row->fields[7], "+49 1");
  g_assert_cmpstr (row->fields[6], ==, "+49 2");
}

static void
test_guess (void)
{
  static const struct { const char *header; const char *person; const char *org; } cases[] = {
    { "Nachname", "family-name", NULL },
    { "Vorname", "given-name", NULL },
    { "Prénom", "given-name", NULL },
    { "Nom", "family-name", "name" },
    { "E-mail", "email", "email" },
    { "E-Mail-Adresse", "email", "email" },
    { "Courriel", "email", "email" },
    { "E-mail 1 - Value", "email", "email" },
    { "E-mail 1 - Type", NULL, NULL },
    { "Organisation", "organisation", "name" },
    { "Pays", "country", "country" },
    { "Land", "country", "country" },
    { "Telefon", "phone", "phone" },
    { "Téléphone", "phone", "phone" },
    { "Sigle", NULL, "acronym" },
    { "Abkürzung", NULL, "acronym" },
    { "Website", NULL, "website" },
    { "Organe", "body", "body" },
    { "Gremium", "body", "body" },
    { "Rôle", "role", "role" },
    { "Rolle", "role", "role" },
    { "Shoe size", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (sec_import_guess_target (SEC_TYPE_PERSON, cases[i].header), ==, cases[i].person);
      g_assert_cmpstr (sec_import_guess_target (SEC_TYPE_ORGANISATION, cases[i].header), ==, cases[i].org);
    }
}

/* The engine */

static SecImport *
new_import (SecStore *store, GType kind, const char *csv)
{
  SecImport *import = sec_import_new (store, kind, read_csv (csv, -1));
  g_autoptr(GError) error = NULL;

  sec_import_check (import, NULL, &error);
  g_assert_no_error (error);
  return import;
}

static void
assert_summary (SecImport *import, guint imported, guint merged, guint skipped, guint invalid)
{
  SecImportSummary s;

  sec_import_get_summary (import, &s);
  g_assert_cmpuint (s.imported, ==, imported);
  g_assert_cmpuint (s.merged, ==, merged);
  g_assert_cmpuint (s.skipped, ==, skipped);
  g_assert_cmpuint (s.invalid, ==, invalid);
}

static void
test_validate (SecTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SecImport) import = new_import (f->store, SEC_TYPE_ORGANISATION,
    "Name;Sigle;Pays;Type;Site web;Courriel\n"
    "Agence de test;AT;France;EU agency;www.agence.eu;info@agence.eu\n"
    ";;;;;\n"
    ";SN;;;;x@y.eu\n"
    "Bad country;;Atlantis;;;\n"
    "Bad mail;;;;;not-an-address\n"
    "Bad kind;;;Bakery;;\n");
  const SecImportResult *r;

  assert_summary (import, 1, 0, 0, 4);
  r = sec_import_get_result (import, 0);
  g_assert_cmpint (r->status, ==, SEC_IMPORT_ROW_VALID);
  g_assert_cmpstr (sec_record_get_string (r->record, "country"), ==, "FR");
  g_assert_cmpstr (sec_record_get_string (r->record, "kind"), ==, "eu-agency");
  g_assert_cmpstr (sec_record_get_string (r->record, "website"), ==, "https://www.agence.eu");
  /* The row of separators only is blank; line numbers follow the file. */
  r = sec_import_get_result (import, 1);
  g_assert_cmpuint (r->line, ==, 4);
  g_assert_cmpint (r->status, ==, SEC_IMPORT_ROW_INVALID);
  g_assert_nonnull (r->problem);
  g_assert_cmpuint (sec_import_get_result (import, 2)->line, ==, 5);
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (sec_import_get_result (import, i)->status, ==, SEC_IMPORT_ROW_INVALID);
}

static void
test_refused_writes_nothing (SecTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SecImport) import = new_import (f->store, SEC_TYPE_PERSON,
    "Last name,First name,Email\nValid,One,one@example.org\n,Nameless,x@example.org\n");
  g_autoptr(GError) error = NULL;
  SecImportSummary s;
  g_autoptr(SecImportUndo) undo = NULL;

  g_assert_false (sec_import_apply (import, FALSE, &s, &undo, NULL, NULL, NULL, &error));
  g_assert_error (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_INVALID);
  g_assert_null (undo);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 0);
  g_clear_error (&error);
  g_assert_true (sec_import_apply (import, TRUE, &s, &undo, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.imported, ==, 1);
  g_assert_cmpuint (s.invalid, ==, 1);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 1);
}

static void
test_duplicates_merge_undo (SecTestStoreFixture *f, gconstpointer data)
{
  gint64 org = sec_test_insert (f->store, SEC_TYPE_ORGANISATION, "name", "Europol", "acronym", "EUROPOL",
                                "country", "NL", NULL);
  g_autofree char *org_text = sec_test_id_text (org);
  gint64 anna = sec_test_insert (f->store, SEC_TYPE_PERSON, "given-name", "Anna", "family-name", "Müller",
                                 "organisation", org_text, "position", "Analyst", NULL);
  gint64 body = sec_test_insert (f->store, SEC_TYPE_BODY, "name", "Platform", "acronym", "PF", NULL);
  g_autoptr(SecImport) import = NULL;
  g_autoptr(SecImportUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) merged = NULL;
  g_autoptr(SecRecord) restored = NULL;
  g_auto(GStrv) conflicts = NULL;
  SecImportSummary s;
  const SecImportResult *r;

  (void) body;
  import = new_import (f->store, SEC_TYPE_PERSON,
    "Nachname,Vorname,Organisation,Funktion,Telefon,E-Mail,Gremium,Rolle\n"
    /* 2: the same name and organisation (by acronym) as Anna: a duplicate */
    "MULLER,anna,europol,Head of unit,+31 70 1,,,\n"
    /* 3: new, with a new organisation that becomes a member of PF */
    "Novak,Petra,Institut Novi,,,petra@novi.si,PF,Observer\n"
    /* 4: the same e-mail as row 3: a duplicate inside the file */
    "Novak-Horvat,P.,,,,PETRA@novi.si,,\n"
    /* 5: a new one in the same new organisation (created once) */
    "Kovač,Ivan,Institut Novi,,,,,\n");

  r = sec_import_get_result (import, 0);
  g_assert_cmpint (r->status, ==, SEC_IMPORT_ROW_DUPLICATE);
  g_assert_cmpint (r->duplicate_id, ==, anna);
  r = sec_import_get_result (import, 2);
  g_assert_cmpint (r->status, ==, SEC_IMPORT_ROW_DUPLICATE);
  g_assert_cmpuint (r->duplicate_row, ==, 2);
  g_assert_cmpint (r->duplicate_id, ==, 0);
  assert_summary (import, 2, 0, 2, 0);

  /* Merge the first, keeping the existing position but the new phone. */
  sec_import_set_duplicate_action (import, SEC_IMPORT_ACTION_MERGE);
  sec_import_set_action (import, 2, SEC_IMPORT_ACTION_SKIP);
  conflicts = sec_import_dup_conflicts (import, 0);
  g_assert_true (g_strv_contains ((const char *const *) conflicts, "position"));
  assert_summary (import, 2, 1, 1, 0);

  g_assert_true (sec_import_apply (import, FALSE, &s, &undo, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.imported, ==, 2);
  g_assert_cmpuint (s.merged, ==, 1);
  g_assert_cmpuint (s.skipped, ==, 1);
  g_assert_cmpuint (s.invalid, ==, 0);
  merged = sec_store_get (f->store, SEC_TYPE_PERSON, anna, NULL);
  g_assert_cmpstr (sec_record_get_string (merged, "position"), ==, "Analyst");
  g_assert_cmpstr (sec_record_get_string (merged, "phone"), ==, "+31 70 1");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 3);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 2);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, NULL, NULL), ==, 1);
  {
    g_autoptr(SecRecord) novi = sec_test_find_one (f->store, SEC_TYPE_ORGANISATION, "name", "Institut Novi");
    g_autoptr(SecRecord) m = sec_test_find_one (f->store, SEC_TYPE_MEMBERSHIP, "notes", "Observer");
    g_assert_cmpint (sec_record_get_ref (m, "organisation"), ==, sec_record_get_id (novi));
  }
  /* A backup was taken before writing (a server's database is backed up
   * where it runs). */
  if (!sec_test_is_pg ())
  {
    g_autofree char *folder = g_build_filename (f->dir, "backups", NULL);
    g_autofree char *list = sec_test_list_folder (folder);
    sec_test_assert_contains (list, "before-import");
  }

  /* One step back. */
  g_assert_true (sec_import_undo (f->store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 1);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, 1);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_MEMBERSHIP, NULL, NULL), ==, 0);
  restored = sec_store_get (f->store, SEC_TYPE_PERSON, anna, NULL);
  g_assert_cmpstr (sec_record_get_string (restored, "phone"), ==, NULL);
  g_assert_cmpstr (sec_record_get_string (restored, "position"), ==, "Analyst");
}

static void
test_take_new_and_import_anyway (SecTestStoreFixture *f, gconstpointer data)
{
  gint64 id = sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Rossi", "email", "rossi@example.it",
                               "position", "Old", NULL);
  g_autoptr(SecImport) import = new_import (f->store, SEC_TYPE_PERSON,
    "Family name,Email,Position\nRossi,ROSSI@example.it,New\nRossi,rossi@example.it,Twin\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecRecord) merged = NULL;
  SecImportSummary s;

  sec_import_set_action (import, 0, SEC_IMPORT_ACTION_MERGE);
  sec_import_set_take_new (import, 0, "position", TRUE);
  sec_import_set_action (import, 1, SEC_IMPORT_ACTION_IMPORT);
  g_assert_true (sec_import_apply (import, FALSE, &s, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.merged, ==, 1);
  g_assert_cmpuint (s.imported, ==, 1);
  merged = sec_store_get (f->store, SEC_TYPE_PERSON, id, NULL);
  g_assert_cmpstr (sec_record_get_string (merged, "position"), ==, "New");
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 2);
}

static void
test_mapping (SecTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SecImport) import = sec_import_new (f->store, SEC_TYPE_PERSON,
                                                read_csv ("Col A,Col B,Email,E-mail 2\nx,y,a@b.eu,c@d.eu\n", -1));
  g_autoptr(GError) error = NULL;

  g_assert_null (sec_import_get_column_target (import, 0));
  g_assert_cmpstr (sec_import_get_column_target (import, 2), ==, "email");
  /* A second e-mail column is left out unless mapped. */
  g_assert_null (sec_import_get_column_target (import, 3));
  g_assert_true (sec_import_parse_mapping (import, "Col A=family-name", &error));
  g_assert_true (sec_import_parse_mapping (import, "2=given-name", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sec_import_get_column_target (import, 1), ==, "given-name");
  g_assert_false (sec_import_parse_mapping (import, "Col A=shoe-size", &error));
  g_assert_error (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (sec_import_parse_mapping (import, "Nope=notes", &error));
  g_assert_error (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (sec_import_parse_mapping (import, "Email=", &error));
  g_assert_null (sec_import_get_column_target (import, 2));
  sec_import_check (import, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sec_record_get_string (sec_import_get_result (import, 0)->record, "family-name"), ==, "x");
  g_assert_null (sec_record_get_string (sec_import_get_result (import, 0)->record, "email"));
}

/* Two rows of the same file for one person: the second merges into the
 * first, choosing field by field where both have a value. */
static void
test_in_file_merge (SecTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(SecImport) import = new_import (f->store, SEC_TYPE_PERSON,
    "Family name,Given name,Email,Phone,Position\n"
    "Horvat,Ana,ana@example.hr,+385 1 111,\n"
    "Horvat,Ana,ANA@example.hr,+385 1 222,Director\n"
    "Novak,Luka,luka@example.si,+386 1 333,Analyst\n"
    "Novak,Luka,luka@example.si,+386 1 444,Head\n");
  const SecImportResult *r = sec_import_get_result (import, 1);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) conflicts = NULL;
  g_autoptr(SecRecord) existing = NULL;
  g_autoptr(SecImportUndo) undo = NULL;
  g_autoptr(SecRecord) ana = NULL;
  g_autoptr(SecRecord) luka = NULL;
  SecImportSummary s;

  g_assert_cmpint (r->status, ==, SEC_IMPORT_ROW_DUPLICATE);
  g_assert_cmpuint (r->duplicate_row, ==, 1);
  g_assert_cmpint (r->duplicate_id, ==, 0);
  /* The record it would merge into is the earlier row's. */
  existing = sec_import_dup_existing (import, 1);
  g_assert_nonnull (existing);
  g_assert_cmpstr (sec_record_get_string (existing, "phone"), ==, "+385 1 111");
  g_assert_null (sec_import_dup_existing (import, 0));
  /* The phone differs; the position is empty in the first row (a merge
   * fills it anyway); the names are the same. */
  conflicts = sec_import_dup_conflicts (import, 1);
  g_assert_true (g_strv_contains ((const char *const *) conflicts, "phone"));
  g_assert_false (g_strv_contains ((const char *const *) conflicts, "position"));
  g_assert_false (g_strv_contains ((const char *const *) conflicts, "family-name"));
  /* The e-mails differ only in case: no choice to make. */
  g_assert_false (g_strv_contains ((const char *const *) conflicts, "email"));

  sec_import_set_duplicate_action (import, SEC_IMPORT_ACTION_MERGE);
  sec_import_set_take_new (import, 1, "phone", TRUE);      /* Ana: the second phone */
  /* Luka: the first row's phone and position stay (no take_new). */
  g_assert_true (sec_import_apply (import, FALSE, &s, &undo, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.imported, ==, 2);
  g_assert_cmpuint (s.merged, ==, 2);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 2);
  ana = sec_test_find_one (f->store, SEC_TYPE_PERSON, "family-name", "Horvat");
  g_assert_cmpstr (sec_record_get_string (ana, "phone"), ==, "+385 1 222");
  g_assert_cmpstr (sec_record_get_string (ana, "position"), ==, "Director");
  luka = sec_test_find_one (f->store, SEC_TYPE_PERSON, "family-name", "Novak");
  g_assert_cmpstr (sec_record_get_string (luka, "phone"), ==, "+386 1 333");
  g_assert_cmpstr (sec_record_get_string (luka, "position"), ==, "Analyst");
  /* One step back takes both people away (their merges went into rows
   * the import itself added). */
  g_assert_true (sec_import_undo (f->store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, 0);
}

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint      reports;
  guint      last_done;
  guint      last_total;
  SecImport *import;
} AsyncWait;

static void
on_check_progress (guint done, guint total, gpointer user_data)
{
  AsyncWait *w = user_data;

  g_assert_cmpuint (done, >=, w->last_done);
  w->reports++;
  w->last_done = done;
  w->last_total = total;
}

static void
on_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncWait *w = user_data;

  w->ok = sec_import_check_finish (w->import, result, &w->error);
  g_main_loop_quit (w->loop);
}

/* The check in a worker thread: the same results as in the caller's
 * thread, progress reported there, and a cancelled check leaves none. */
static void
test_check_async (SecTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new ("Family name,Email\n");
  g_autoptr(SecImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncWait w = { 0 };
  SecImportSummary s;

  sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Person 7", "email", "p7@example.eu", NULL);
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "Person %u,p%u@example.eu\n", i, i);
  g_string_append (csv, ",no-name@example.eu\n");
  import = sec_import_new (f->store, SEC_TYPE_PERSON, read_csv (csv->str, csv->len));
  w.loop = g_main_loop_new (NULL, FALSE);
  w.import = import;
  sec_import_check_async (import, NULL, on_check_progress, &w, on_checked, &w);
  g_main_loop_run (w.loop);
  g_assert_no_error (w.error);
  g_assert_true (w.ok);
  g_assert_cmpuint (w.reports, >=, 2);
  g_assert_cmpuint (w.last_done, ==, 2001);
  g_assert_cmpuint (w.last_total, ==, 2001);
  g_assert_cmpuint (sec_import_get_n_results (import), ==, 2001);
  sec_import_get_summary (import, &s);
  g_assert_cmpuint (s.imported, ==, 1999);
  g_assert_cmpuint (s.skipped, ==, 1);
  g_assert_cmpuint (s.invalid, ==, 1);
  g_assert_cmpint (sec_import_get_result (import, 7)->duplicate_id, >, 0);
  g_assert_cmpuint (sec_import_get_result (import, 2000)->line, ==, 2002);

  /* Cancelled before it starts: an error, and no results. */
  g_cancellable_cancel (cancellable);
  sec_import_check_async (import, cancellable, NULL, NULL, on_checked, &w);
  g_main_loop_run (w.loop);
  g_assert_false (w.ok);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&w.error);
  g_assert_cmpuint (sec_import_get_n_results (import), ==, 0);
  g_main_loop_unref (w.loop);
}

/* Stopped half-way (after a first batch of rows was written in its
 * transaction), an import writes nothing: the transaction is rolled back
 * and the database is exactly as before. */
static void
cancel_on_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  if (done > 0)
    g_cancellable_cancel (user_data);
}

static void
test_cancelled_writes_nothing (SecTestStoreFixture *f, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new ("Family name,Email,Organisation\n");
  g_autoptr(SecImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SecImportSummary s;
  gint64 people, organisations, all;

  sec_test_insert (f->store, SEC_TYPE_PERSON, "family-name", "Already", "email", "a@example.eu", NULL);
  people = sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL);
  organisations = sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL);
  all = sec_store_count_all (f->store, NULL);
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "Person %u,p%u@example.eu,Org %u\n", i, i, i % 50);
  import = sec_import_new (f->store, SEC_TYPE_PERSON, read_csv (csv->str, csv->len));
  g_assert_true (sec_import_check (import, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (sec_import_apply (import, FALSE, &s, NULL, cancellable, cancel_on_progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, people);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_ORGANISATION, NULL, NULL), ==, organisations);
  g_assert_cmpint (sec_store_count_all (f->store, NULL), ==, all);

  /* And the same import, not stopped, then goes through. */
  g_clear_error (&error);
  g_assert_true (sec_import_check (import, NULL, &error));
  g_assert_true (sec_import_apply (import, FALSE, &s, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sec_store_count (f->store, SEC_TYPE_PERSON, NULL, NULL), ==, people + 2000);
}

static void
setup (SecTestStoreFixture *f, gconstpointer data)
{
  sec_test_store_fixture_setup (f, "sec-import-XXXXXX", "office.db");
}

static void
teardown (SecTestStoreFixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  sec_test_store_fixture_clear (f);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  sec_test_pg_skip_without_server ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/utf8-comma", test_csv_utf8_comma);
  g_test_add_func ("/import/csv/windows-1252-semicolon", test_csv_windows_1252_semicolon);
  g_test_add_func ("/import/csv/utf16-tab", test_csv_utf16_tab);
  g_test_add_func ("/import/csv/broken", test_csv_broken);
  g_test_add_func ("/import/vcard", test_vcard);
  g_test_add_func ("/import/vcard-parameter-bytes", test_vcard_parameter_bytes);
  g_test_add_func ("/import/guess", test_guess);
  g_test_add ("/import/validate", SecTestStoreFixture, NULL, setup, test_validate, teardown);
  g_test_add ("/import/refused-writes-nothing", SecTestStoreFixture, NULL, setup, test_refused_writes_nothing, teardown);
  g_test_add ("/import/duplicates-merge-undo", SecTestStoreFixture, NULL, setup, test_duplicates_merge_undo, teardown);
  g_test_add ("/import/take-new-and-import-anyway", SecTestStoreFixture, NULL, setup, test_take_new_and_import_anyway, teardown);
  g_test_add ("/import/mapping", SecTestStoreFixture, NULL, setup, test_mapping, teardown);
  g_test_add ("/import/in-file-merge", SecTestStoreFixture, NULL, setup, test_in_file_merge, teardown);
  g_test_add ("/import/check-async", SecTestStoreFixture, NULL, setup, test_check_async, teardown);
  g_test_add ("/import/cancelled-writes-nothing", SecTestStoreFixture, NULL, setup, test_cancelled_writes_nothing, teardown);
  return g_test_run ();
}
