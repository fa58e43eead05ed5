/* sec-demo-private.h: what the demo data's files share
 *
 * sec-demo.c holds the helpers that build and insert the records, the
 * bodies, organisations and people, and sec_demo_fill(); the calls
 * (sec-demo-calls.c), meetings (sec-demo-meetings.c) and statements
 * (sec-demo-statements.c) each fill their part with these helpers.
 */
#pragma once

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct {
  SecStore   *store;
  GPtrArray  *records;  /* owns every record inserted */
  GHashTable *keys;     /* "kind:key" -> SecRecord (borrowed from records) */
  GError     *error;    /* the first failure; nothing is written after it */
} Demo;

SecRecord  *_sec_demo_find                (Demo       *demo,
                                           GType       type,
                                           const char *key);
SecRecord  *_sec_demo_build               (Demo       *demo,
                                           GType       type,
                                           ...) G_GNUC_NULL_TERMINATED;
SecRecord  *_sec_demo_keep                (Demo       *demo,
                                           const char *key,
                                           SecRecord  *record,
                                           gboolean    stored);
SecRecord  *_sec_demo_add                 (Demo       *demo,
                                           const char *key,
                                           GType       type,
                                           ...) G_GNUC_NULL_TERMINATED;
void        _sec_demo_prefix_error        (Demo       *demo,
                                           SecRecord  *record);
const char *_sec_demo_person_organisation (const char *person);

void        _sec_demo_add_calls           (Demo       *demo);
void        _sec_demo_add_meetings        (Demo       *demo);
void        _sec_demo_add_statements      (Demo       *demo);
void        _sec_demo_add_minutes         (Demo       *demo);
void        _sec_demo_add_funding         (Demo       *demo);
void        _sec_demo_add_letterhead      (Demo       *demo);

G_END_DECLS
