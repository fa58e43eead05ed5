/* sec-query.h: what a list asks of the store
 *
 * A SecQuery is translated into SQL by the store: search text (folded the
 * same way as the stored search column), conditions, sort and paging. Lists
 * never filter or sort in memory, so they stay fast on large databases.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SEC_QUERY_EQUALS,      /* field = value */
  SEC_QUERY_NOT_EQUALS,  /* field <> value (or NULL) */
  SEC_QUERY_AT_LEAST,    /* field >= value */
  SEC_QUERY_BEFORE,      /* field < value */
  SEC_QUERY_YEAR,        /* the year of a date field = value */
  SEC_QUERY_RELATION,    /* the kind's named relation to record id = value */
  SEC_QUERY_IS_EMPTY,    /* field is NULL or '' */
} SecQueryOp;

#define SEC_TYPE_QUERY (sec_query_get_type ())
typedef struct _SecQuery SecQuery;

GType       sec_query_get_type       (void) G_GNUC_CONST;
SecQuery   *sec_query_new            (void);
SecQuery   *sec_query_copy           (const SecQuery *self);
void        sec_query_free           (SecQuery       *self);

/* Words of @text must all be found, folding case and accents. */
void        sec_query_set_search     (SecQuery       *self,
                                      const char     *text);
const char *sec_query_get_search     (const SecQuery *self);
/* @field is a field name of the kind (or a relation name for RELATION). */
void        sec_query_add            (SecQuery       *self,
                                      const char     *field,
                                      SecQueryOp      op,
                                      const char     *value);
void        sec_query_clear_conditions (SecQuery     *self);
guint       sec_query_get_n_conditions (const SecQuery *self);
void        sec_query_get_condition  (const SecQuery *self,
                                      guint           i,
                                      const char    **field,
                                      SecQueryOp     *op,
                                      const char    **value);
/* NULL @field sorts by the kind's collated sort key (names in the user's
 * locale order). */
void        sec_query_set_sort       (SecQuery       *self,
                                      const char     *field,
                                      gboolean        descending);
const char *sec_query_get_sort       (const SecQuery *self,
                                      gboolean       *descending);
void        sec_query_set_range      (SecQuery       *self,
                                      gint64          offset,
                                      gint64          limit);
void        sec_query_get_range      (const SecQuery *self,
                                      gint64         *offset,
                                      gint64         *limit);
gboolean    sec_query_equal          (const SecQuery *a,
                                      const SecQuery *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecQuery, sec_query_free)

G_END_DECLS
