/* sec-store-privacy.h: personal data as the law asks
 *
 * Regulation (EU) 2018/1725 (the GDPR's twin for the EU institutions):
 * needs kept only with explicit consent and only as long as the meeting
 * needs them, a retention period and its review, erasure, the right of
 * access (everything held about a person, as JSON), and the figures of the
 * record of processing. The person's lawful basis, restriction and needs
 * consent are fields of the person record (sec-records.c).
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Settings kept in the database (sec_store_get_setting ()). */
#define SEC_PRIVACY_NEEDS_DAYS_KEY      "privacy-needs-days"      /* default 30 */
#define SEC_PRIVACY_RETENTION_YEARS_KEY "privacy-retention-years" /* default 5 */
#define SEC_PRIVACY_NEEDS_DAYS_DEFAULT      30
#define SEC_PRIVACY_RETENTION_YEARS_DEFAULT 5

/* The family name an erased person's row keeps (it must have one). */
#define SEC_PRIVACY_ERASED_NAME "—"

int          sec_store_get_needs_days      (SecStore    *self);
int          sec_store_get_retention_years (SecStore    *self);

/* Clears the needs given for meetings that ended more than the needs
 * setting's days before @today (YYYY-MM-DD; NULL: today): a participant's
 * needs, and a person's accessibility and dietary needs once all their
 * meetings are that old, unless the person's needs are marked lasting.
 * Runs in one transaction; the store runs it when it opens a file.
 * @n_cleared (optional) gets the number of records changed. */
gboolean     sec_store_clear_expired_needs (SecStore    *self,
                                            const char  *today,
                                            guint       *n_cleared,
                                            GError     **error);

/* One person past the retention period. */
typedef struct {
  gint64  id;
  char   *name;
  char   *email;          /* or NULL */
  char   *last_activity;  /* YYYY-MM-DD */
  int     n_participations;
} SecRetentionEntry;

void         sec_retention_entry_free      (SecRetentionEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecRetentionEntry, sec_retention_entry_free)

/* The people (not yet erased) whose last meeting, organisation's membership
 * or application, or own record, is older than @years (<= 0: the setting)
 * before @today (NULL: today), oldest first. (transfer container)
 * (element-type SecRetentionEntry) */
GPtrArray   *sec_store_list_past_retention (SecStore    *self,
                                            int          years,
                                            const char  *today,
                                            GError     **error);

/* How many people have no lawful basis recorded (erased ones aside). */
gint64       sec_store_count_without_basis (SecStore    *self,
                                            GError     **error);

/* Erases person @id's personal data: every field of their record is
 * emptied (the row stays, named SEC_PRIVACY_ERASED_NAME and dated, so
 * that past meetings still count its participation by organisation,
 * country and role), their participations lose their needs and notes,
 * their speaking slots and contact-person links go, and the audit
 * history's values about them are scrubbed, with an "erased" entry in
 * their place. Freed bytes are overwritten (secure_delete) and the
 * write-ahead log emptied afterwards, so that nothing of theirs stays in
 * the file. */
gboolean     sec_store_erase_person        (SecStore    *self,
                                            gint64       id,
                                            GError     **error);

/* Everything held about person @id (record, organisation, memberships and
 * applications of the organisation, participations with statuses and
 * needs, speaking slots, signatures under their name, history) as one
 * JSON object. (transfer full) */
char        *sec_store_dup_person_json     (SecStore    *self,
                                            gint64       id,
                                            GError     **error);

/* The figures of the record of processing. */
typedef struct {
  gint64  n_people;
  gint64  n_erased;
  gint64  n_consent;
  gint64  n_membership;
  gint64  n_public_task;
  gint64  n_without_basis;
  gint64  n_restricted;
  gint64  n_with_needs;
  gint64  n_with_email;
  gint64  n_with_phone;
  gint64  n_participations;
  char   *oldest_record;  /* YYYY-MM-DD, or NULL */
} SecProcessingFigures;

void         sec_processing_figures_clear  (SecProcessingFigures *figures);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SecProcessingFigures, sec_processing_figures_clear)
gboolean     sec_store_get_processing_figures (SecStore             *self,
                                               SecProcessingFigures *figures,
                                               GError              **error);

G_END_DECLS
