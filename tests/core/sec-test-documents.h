/* sec-test-documents.h: the meeting of the documents' tests, as
 * test-documents.c and test-documents-files.c write its documents
 *
 * Each test opens a new database holding one meeting: a joint session on
 * 13 June 2018 in Brussels, with names in every script of the Union, an
 * agenda made final then changed once, and its participants. Its documents
 * are written into the test's folder and read back with pdftotext, qpdf
 * and pdfinfo.
 */
#pragma once

#include <glib.h>

#include "core/documents/sec-meeting-documents.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define MEETING_TITLE "Plenary meeting of the EU Civil Society Platform and the Network of National Rapporteurs"

/* The meeting's organisations, from every corner of the Union, and its
 * participants, with names in Greek, Cyrillic, Polish, Czech, Hungarian,
 * Irish and Maltese. */
typedef struct {
  const char *key;
  const char *name;
  const char *acronym;
  const char *country;
  const char *body;   /* "platform", "nrem" or NULL */
} SecTestOrg;

typedef struct {
  const char *title;
  const char *given;
  const char *family;
  const char *email;
  const char *org;    /* key of sec_test_orgs[] */
  const char *role;
  const char *status;
  const char *needs;
  const char *dietary;
} SecTestPerson;

#define SEC_TEST_N_ORGS   8
#define SEC_TEST_N_PEOPLE 9
extern const SecTestOrg    sec_test_orgs[SEC_TEST_N_ORGS];
extern const SecTestPerson sec_test_people[SEC_TEST_N_PEOPLE];

typedef struct {
  char           *dir;
  char           *path;
  SecStore       *store;
  gint64          meeting;
  GDateTime      *generated;
} SecTestDocuments;

/* Adds a test that runs with the fixture below. */
#define SEC_TEST_DOCUMENTS_ADD(path, func) \
  g_test_add (path, SecTestDocuments, NULL, sec_test_documents_setup, func, sec_test_documents_teardown)

/* What both programs' main () does before adding its tests: the user's
 * locale and the translations built in the build tree. */
void            sec_test_documents_init     (int                        *argc,
                                             char                     ***argv);

void            sec_test_documents_setup    (SecTestDocuments           *f,
                                             gconstpointer               data);
void            sec_test_documents_teardown (SecTestDocuments           *f,
                                             gconstpointer               data);

/* The text of the PDF at @path, laid out as on the page (pdftotext -layout). */
char           *sec_test_layout_text        (const char                 *path);
/* qpdf finds no error in the PDF at @path. */
void            sec_test_assert_qpdf_ok     (const char                 *path);
/* A field of pdfinfo's output ("Pages", "Page size", "Title"...). */
char           *sec_test_pdf_info           (const char                 *path,
                                             const char                 *field);
/* How many times @needle is in @haystack. */
guint           sec_test_count_in           (const char                 *haystack,
                                             const char                 *needle);

/* @name in the test's folder. */
char           *sec_test_tmp_file           (SecTestDocuments           *f,
                                             const char                 *name);
/* The documents' data of @meeting. */
SecMeetingData *sec_test_load_meeting       (SecTestDocuments           *f,
                                             gint64                      meeting);
/* Writes the document @kind of @meeting as @name in the test's folder
 * (a PDF checked by qpdf) and returns its path; @options may be NULL. */
char           *sec_test_export             (SecTestDocuments           *f,
                                             gint64                      meeting,
                                             SecMeetingExport            kind,
                                             SecMeetingDocumentOptions  *options,
                                             SecPaper                    paper,
                                             const char                 *name);

G_END_DECLS
