/* sec-import-private.h: what the import's files share */
#pragma once

#include "core/import/sec-import.h"
#include "core/store/sec-record.h"

G_BEGIN_DECLS

struct _SecImport
{
  SecStore       *store;
  GType           kind;
  SecImportTable *table;
  GPtrArray      *targets;      /* (element-type utf8) per column, NULL for none */
  GArray         *results;      /* (element-type SecImportResult) */

  /* What the rows are compared with, read by sec_import_check () */
  GHashTable     *orgs_by_name;  /* folded name or acronym → SecRecord (organisation) */
  GHashTable     *orgs_by_id;    /* id → SecRecord (organisation) */
  GHashTable     *bodies;        /* folded name or acronym → id */
  GHashTable     *memberships;   /* "organisation:body" of active memberships */
  GHashTable     *existing;      /* duplicate key → id */
};

typedef struct {
  GType   kind;
  gint64  id;
} Inserted;

struct _SecImportUndo
{
  GArray    *inserted;  /* (element-type Inserted), in the order written */
  GPtrArray *merged;    /* (element-type SecRecord): copies as they were before */
};

/* sec_import_check () calling @progress now and then (in the thread that
 * checks). */
gboolean     _sec_import_check_full (SecImport          *self,
                                     GCancellable       *cancellable,
                                     SecImportProgress   progress,
                                     gpointer            progress_data,
                                     GError            **error);

/* Whether a merge may fill @field: every field but references, except a
 * person's organisation. */
gboolean     _sec_import_field_is_mergeable (const SecField *field);

/* (transfer full): @text as a value of @field's type the store takes: a
 * country name as its ISO code, a choice's label as its nick, a date in
 * the user's form as ISO, a web address without scheme with "https://". The
 * text unchanged when it is none of those (validation then says why). */
char        *_sec_import_convert_value (const SecField *field,
                                        const char     *text);
/* The ISO code of a country given by code or name (English or in the
 * user's language), or NULL. (transfer none) */
const char  *_sec_import_country_code  (const char     *text);

G_END_DECLS
