/* sec-query.c: what a list asks of the store */
#define G_LOG_DOMAIN "sec-query"

#include "config.h"

#include "core/store/sec-query.h"

typedef struct {
  char       *field;
  SecQueryOp  op;
  char       *value;
} Condition;

struct _SecQuery
{
  char     *search;
  GArray   *conditions;   /* of Condition */
  char     *sort;
  gboolean  descending;
  gint64    offset;
  gint64    limit;        /* -1: no limit */
};

G_DEFINE_BOXED_TYPE (SecQuery, sec_query, sec_query_copy, sec_query_free)

static void
clear_condition (gpointer data)
{
  Condition *c = data;

  g_free (c->field);
  g_free (c->value);
}

SecQuery *
sec_query_new (void)
{
  SecQuery *self = g_new0 (SecQuery, 1);

  self->conditions = g_array_new (FALSE, TRUE, sizeof (Condition));
  g_array_set_clear_func (self->conditions, clear_condition);
  self->limit = -1;
  return self;
}

SecQuery *
sec_query_copy (const SecQuery *self)
{
  SecQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sec_query_new ();
  copy->search = g_strdup (self->search);
  copy->sort = g_strdup (self->sort);
  copy->descending = self->descending;
  copy->offset = self->offset;
  copy->limit = self->limit;
  for (guint i = 0; i < self->conditions->len; i++)
    {
      const Condition *c = &g_array_index (self->conditions, Condition, i);
      sec_query_add (copy, c->field, c->op, c->value);
    }
  return copy;
}

void
sec_query_free (SecQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->search);
  g_free (self->sort);
  g_array_unref (self->conditions);
  g_free (self);
}

void
sec_query_set_search (SecQuery   *self,
                      const char *text)
{
  g_return_if_fail (self != NULL);

  g_free (self->search);
  self->search = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

const char *
sec_query_get_search (const SecQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->search;
}

void
sec_query_add (SecQuery   *self,
               const char *field,
               SecQueryOp  op,
               const char *value)
{
  Condition c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);

  c.field = g_strdup (field);
  c.op = op;
  c.value = g_strdup (value);
  g_array_append_val (self->conditions, c);
}

void
sec_query_clear_conditions (SecQuery *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->conditions, 0);
}

guint
sec_query_get_n_conditions (const SecQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->conditions->len;
}

void
sec_query_get_condition (const SecQuery  *self,
                         guint            i,
                         const char     **field,
                         SecQueryOp      *op,
                         const char     **value)
{
  const Condition *c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->conditions->len);

  c = &g_array_index (self->conditions, Condition, i);
  if (field)
    *field = c->field;
  if (op)
    *op = c->op;
  if (value)
    *value = c->value;
}

void
sec_query_set_sort (SecQuery   *self,
                    const char *field,
                    gboolean    descending)
{
  g_return_if_fail (self != NULL);

  g_free (self->sort);
  self->sort = g_strdup (field);
  self->descending = !!descending;
}

const char *
sec_query_get_sort (const SecQuery *self,
                    gboolean       *descending)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (descending)
    *descending = self->descending;
  return self->sort;
}

void
sec_query_set_range (SecQuery *self,
                     gint64    offset,
                     gint64    limit)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (offset >= 0);

  self->offset = offset;
  self->limit = limit;
}

void
sec_query_get_range (const SecQuery *self,
                     gint64         *offset,
                     gint64         *limit)
{
  g_return_if_fail (self != NULL);

  if (offset)
    *offset = self->offset;
  if (limit)
    *limit = self->limit;
}

gboolean
sec_query_equal (const SecQuery *a,
                 const SecQuery *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (g_strcmp0 (a->search, b->search) != 0 || g_strcmp0 (a->sort, b->sort) != 0 ||
      a->descending != b->descending || a->offset != b->offset || a->limit != b->limit ||
      a->conditions->len != b->conditions->len)
    return FALSE;
  for (guint i = 0; i < a->conditions->len; i++)
    {
      const Condition *ca = &g_array_index (a->conditions, Condition, i);
      const Condition *cb = &g_array_index (b->conditions, Condition, i);
      if (g_strcmp0 (ca->field, cb->field) != 0 || ca->op != cb->op ||
          g_strcmp0 (ca->value, cb->value) != 0)
        return FALSE;
    }
  return TRUE;
}
