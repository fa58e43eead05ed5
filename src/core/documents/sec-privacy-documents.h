/* sec-privacy-documents.h: the documents of data protection
 *
 * The subject-access report (everything held about one person, for the
 * right of access) and the record of processing (what is held, about how
 * many people, on which basis, for how long), both in the user's language.
 */
#pragma once

#include "core/documents/sec-document.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* (transfer full): everything held about person @person_id; personal. */
SecDocument *sec_privacy_access_document (SecStore  *store,
                                          gint64     person_id,
                                          GError   **error);
/* (transfer full): the record of processing; without personal data. */
SecDocument *sec_privacy_record_document (SecStore  *store,
                                          GError   **error);

G_END_DECLS
