/* sec-test-util.h: what the tests share: temporary folders and stores,
 * records made from field/value pairs, running programs, reading
 * documents back. */
#pragma once

#include <glib.h>

#include "core/documents/sec-document.h"
#include "core/store/sec-record.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Temporary folders and stores */
char      *sec_test_make_tmp_dir   (const char *tmpl);
SecStore  *sec_test_open_store     (const char *dir,
                                    const char *name,
                                    char      **path_out);
SecStore  *sec_test_open_demo      (const char *dir,
                                    char      **path_out);
void       sec_test_remove_tree    (const char *path);
/* Asserts that @store's last reference goes now, then removes @dir. */
void       sec_test_close_store    (SecStore   *store,
                                    const char *dir);

/* PostgreSQL. A test program registered a second time in the suite "pg"
 * runs with SECRETARIAT_TEST_ENGINE=postgresql; SECRETARIAT_TEST_PG names
 * the server (build-aux/pg-cluster prints it). sec_test_open_store () then
 * makes a database of its own on that server instead of a file. */
/* Whether this run is on PostgreSQL. */
gboolean   sec_test_is_pg          (void);
/* Call first in main (): in a pg run without a server, prints TAP's
 * "1..0 # SKIP" and exits (the test is skipped). */
void       sec_test_pg_skip_without_server (void);
/* In a test that needs the server: TRUE when there is one (and this build
 * speaks to servers), else marks the test skipped and returns FALSE. */
gboolean   sec_test_pg_need_server (void);
/* A new, empty database on the server; its URI. Dropped when the program
 * exits. (transfer full) */
char      *sec_test_pg_new_database (void);
/* Who the history names as having changed a record: the account's user
 * name in a file, the role on a server. */
const char *sec_test_history_user  (void);
/* The server database @uri, connected to as the role @role. */
char      *sec_test_pg_uri_as      (const char *uri,
                                    const char *role);

/* Records: field/value pairs, NULL-terminated; a NULL value is skipped. */
SecRecord *sec_test_make_valist    (SecStore   *store,
                                    GType       type,
                                    const char *first_field,
                                    va_list     ap);
SecRecord *sec_test_make           (SecStore   *store,
                                    GType       type,
                                    ...) G_GNUC_NULL_TERMINATED;
gint64     sec_test_insert         (SecStore   *store,
                                    GType       type,
                                    ...) G_GNUC_NULL_TERMINATED;
char      *sec_test_id_text        (gint64      id);
/* (transfer full): the one record of @type whose @field equals @value. */
SecRecord *sec_test_find_one       (SecStore   *store,
                                    GType       type,
                                    const char *field,
                                    const char *value);

/* Files and programs */
char      *sec_test_checksum_file  (const char *path);
char      *sec_test_list_folder    (const char *dir);
char      *sec_test_spawn          (const char *const *argv,
                                    int               *status,
                                    char             **err_out);

/* Documents read back */
char      *sec_test_pdf_text       (SecDocument *doc,
                                    const char  *path);
/* The text of the PDF file @path, checked by qpdf first. */
char      *sec_test_read_pdf       (const char  *path);
/* The same for a PDF written to @dir/@name. */
char      *sec_test_pdf_text_at    (SecDocument *doc,
                                    const char  *dir,
                                    const char  *name);
char      *sec_test_squeeze        (const char *text);
/* The first of @lines that contains @part, or -1. */
int        sec_test_line_of        (char *const *lines,
                                    const char  *part);
void       sec_test_assert_contains (const char *text,
                                     const char *part);
GPtrArray *sec_test_parse_csv      (const char *text);

/* The text of the first column of the first row @sql gives on the file
 * @path, read without the store, or NULL. (transfer full) */
char      *sec_test_read_text      (const char *path,
                                    const char *sql);
/* @n people written into the new file @path under the C locale's
 * collation ("Given0000" to "Given%04u", each of @families in turn), for
 * the tests of a file opened under another locale. LC_COLLATE is left as
 * it was. */
void       sec_test_make_c_locale_people (const char         *path,
                                          guint               n,
                                          const char *const  *families,
                                          guint               n_families);

/* The main loop */
void       sec_test_iterate        (void);
void       sec_test_wait_ms        (guint ms);
/* An async call's callback that keeps its result in the GAsyncResult * at
 * @user_data; and the wait for it (the main loop turned, at most 60 s),
 * giving it. (transfer none) */
void          sec_test_keep_result  (GObject       *source,
                                     GAsyncResult  *result,
                                     gpointer       user_data);
GAsyncResult *sec_test_wait_result  (GAsyncResult **result);

/* GTK 4.18 warns whenever libadwaita 1.7 lays out an AdwMessageDialog
 * ("Trying to measure GtkLabel ..."): the toolkit's problem, not ours.
 * Widget tests drop exactly that warning and log everything else as usual:
 * call the first before anything is logged, the second after
 * gtk_test_init (). */
void       sec_test_install_log_writer      (void);
void       sec_test_tolerate_dialog_warning (void);
/* Drops the warnings of the log domain @domain too (a known gap that is
 * not the test's subject), after sec_test_tolerate_dialog_warning (). */
void       sec_test_tolerate_warnings_of    (const char *domain);

/* The command line, run as the real program ($SECRETARIAT) */
typedef struct {
  int   status;
  char *out;
  char *err;
} SecTestResult;

void          sec_test_result_clear    (SecTestResult     *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SecTestResult, sec_test_result_clear)
SecTestResult sec_test_run_secretariat (const char        *data_home,
                                        const char        *working_dir,
                                        const char        *database,
                                        const char *const *args);

/* A test's own folder and the store in it */
typedef struct {
  char     *dir;
  char     *path;
  SecStore *store;
} SecTestStoreFixture;

void       sec_test_store_fixture_setup (SecTestStoreFixture *f,
                                         const char          *tmpl,
                                         const char          *name);
void       sec_test_store_fixture_clear (SecTestStoreFixture *f);

G_END_DECLS
