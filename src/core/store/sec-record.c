/* sec-record.c: the base type of every stored record */
#define G_LOG_DOMAIN "sec-record"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/store/sec-record.h"

typedef struct
{
  gint64      id;
  char       *created_at;  /* owned, or in @row_text */
  char       *updated_at;  /* owned, or in @row_text */
  gint64      version;   /* as read or last saved; 0 before the first save */
  GValue     *values;    /* one per field of the kind; a text read from
                          * a row is a static string in @row_text */
  /* A row read by the store (_sec_record_take_row ()): its texts in one
   * block, and the derived values, one per entry of the kind's (NULL when
   * none), pointing into it. NULL for a record made otherwise. */
  char       *row_text;
  gsize       row_text_size;
  const char **row_derived;
  GHashTable *derived;   /* name -> text or NULL, set since; NULL until then */
} SecRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SecRecord, sec_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Field properties of a subclass are numbered after the base's. */
#define FIELD_PROP(i) ((guint) (N_PROPS + (i)))

G_DEFINE_QUARK (sec-record-error-quark, sec_record_error)

static GType
field_gtype (SecFieldType type)
{
  switch (type)
    {
    case SEC_FIELD_INT:
      return G_TYPE_INT;
    case SEC_FIELD_DOUBLE:
      return G_TYPE_DOUBLE;
    case SEC_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case SEC_FIELD_REF:
      return G_TYPE_INT64;
    case SEC_FIELD_TEXT:
    case SEC_FIELD_LONG_TEXT:
    case SEC_FIELD_DATE:
    case SEC_FIELD_DATETIME:
    case SEC_FIELD_TIMEZONE:
    case SEC_FIELD_TIME:
    case SEC_FIELD_CHOICE:
    case SEC_FIELD_COUNTRY:
    case SEC_FIELD_COUNTRIES:
    case SEC_FIELD_EMAIL:
    case SEC_FIELD_URL:
    default:
      return G_TYPE_STRING;
    }
}

static GParamSpec *
field_pspec (const SecField *field)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  switch (field_gtype (field->type))
    {
    case G_TYPE_INT:
      return g_param_spec_int (field->name, NULL, NULL, G_MININT, G_MAXINT,
                               field->default_value ? atoi (field->default_value) : 0, flags);
    case G_TYPE_DOUBLE:
      return g_param_spec_double (field->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                  field->default_value ? g_ascii_strtod (field->default_value, NULL) : 0, flags);
    case G_TYPE_BOOLEAN:
      return g_param_spec_boolean (field->name, NULL, NULL,
                                   g_strcmp0 (field->default_value, "yes") == 0, flags);
    case G_TYPE_INT64:
      return g_param_spec_int64 (field->name, NULL, NULL, 0, G_MAXINT64, 0, flags);
    default:
      return g_param_spec_string (field->name, NULL, NULL, field->default_value, flags);
    }
}

/* The default value is static text of the kind's table: a string value
 * points at it (copied when set, never freed). */
static void
set_value_from_default (GValue *value, const SecField *field)
{
  g_value_init (value, field_gtype (field->type));
  if (field->default_value == NULL)
    return;

  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_INT:
      g_value_set_int (value, atoi (field->default_value));
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, g_ascii_strtod (field->default_value, NULL));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, g_str_equal (field->default_value, "yes"));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, g_ascii_strtoll (field->default_value, NULL, 10));
      break;
    default:
      g_value_set_static_string (value, field->default_value);
      break;
    }
}

static gboolean
values_equal (const GValue *a, const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case G_TYPE_DOUBLE:
      return g_value_get_double (a) == g_value_get_double (b);
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (a) == g_value_get_boolean (b);
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    default:
      /* NULL and "" are the same: an emptied entry is no value. */
      {
        const char *sa = g_value_get_string (a);
        const char *sb = g_value_get_string (b);
        return g_strcmp0 (sa ? sa : "", sb ? sb : "") == 0;
      }
    }
}

static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  SecRecord *self = SEC_RECORD (object);
  SecRecordPrivate *priv = sec_record_get_instance_private (self);
  const SecKind *kind = sec_record_get_kind (self);
  guint i = prop_id - N_PROPS;

  g_assert (prop_id >= N_PROPS && i < kind->n_fields);
  g_value_copy (&priv->values[i], value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  SecRecord *self = SEC_RECORD (object);
  SecRecordPrivate *priv = sec_record_get_instance_private (self);
  const SecKind *kind = sec_record_get_kind (self);
  guint i = prop_id - N_PROPS;

  g_assert (prop_id >= N_PROPS && i < kind->n_fields);
  if (values_equal (&priv->values[i], value))
    return;

  g_value_copy (value, &priv->values[i]);
  g_object_notify_by_pspec (object, pspec);
  if (kind->fields[i].flags & SEC_FIELD_TITLE)
    g_object_notify_by_pspec (object, properties[PROP_TITLE]);
}

/* Whether @text is in the block of the row @priv was read from. */
static gboolean
in_row_text (SecRecordPrivate *priv,
             const char       *text)
{
  return priv->row_text != NULL && text >= priv->row_text && text < priv->row_text + priv->row_text_size;
}

static void
free_text (SecRecordPrivate *priv,
           char             *text)
{
  if (!in_row_text (priv, text))
    g_free (text);
}

static void
sec_record_finalize (GObject *object)
{
  SecRecord *self = SEC_RECORD (object);
  SecRecordPrivate *priv = sec_record_get_instance_private (self);
  const SecKind *kind = SEC_RECORD_GET_CLASS (self)->kind;

  /* Only a string may hold memory (a number's unset does nothing), and
   * not one read with the row or a default (static strings, in the row's
   * block or the kind's table): a page of 200 records frees them all at
   * once. */
  for (guint i = 0; priv->values != NULL && i < kind->n_fields; i++)
    if (G_VALUE_TYPE (&priv->values[i]) == G_TYPE_STRING)
      {
        const char *text = g_value_get_string (&priv->values[i]);

        if (text != NULL && !in_row_text (priv, text) && text != kind->fields[i].default_value)
          g_value_unset (&priv->values[i]);
      }
  g_clear_pointer (&priv->values, g_free);
  free_text (priv, priv->created_at);
  free_text (priv, priv->updated_at);
  g_clear_pointer (&priv->row_text, g_free);
  g_clear_pointer (&priv->derived, g_hash_table_unref);

  G_OBJECT_CLASS (sec_record_parent_class)->finalize (object);
}

static void
sec_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SecRecord *self = SEC_RECORD (object);
  SecRecordPrivate *priv = sec_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    case PROP_TITLE:
      g_value_take_string (value, sec_record_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_record_class_init (SecRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sec_record_finalize;
  object_class->get_property = sec_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The display title, for binding in lists and headers. */
  properties[PROP_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sec_record_init (SecRecord *self)
{
}

/* Called from each kind's instance init: while SecRecord's own init runs,
 * the instance still has the base class, which knows no fields. The kind's
 * default values, made once (sec_record_class_set_kind ()), are copied as
 * they are: numbers and static strings. */
void
_sec_record_init_values (SecRecord *self)
{
  SecRecordPrivate *priv = sec_record_get_instance_private (self);
  SecRecordClass *klass = SEC_RECORD_GET_CLASS (self);

  g_assert (klass->kind != NULL);
  priv->values = g_memdup2 (klass->defaults, sizeof (GValue) * klass->kind->n_fields);
}

/**
 * sec_record_class_set_kind:
 *
 * Called once from a kind's class_init: installs a property per field.
 */
void
sec_record_class_set_kind (SecRecordClass *klass,
                           const SecKind  *kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (SEC_IS_RECORD_CLASS (klass));
  g_return_if_fail (kind != NULL);

  klass->kind = kind;
  klass->defaults = g_new0 (GValue, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    set_value_from_default (&klass->defaults[i], &kind->fields[i]);
  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;
  for (guint i = 0; i < kind->n_fields; i++)
    g_object_class_install_property (object_class, FIELD_PROP (i), field_pspec (&kind->fields[i]));
}

const SecKind *
sec_record_get_kind (SecRecord *self)
{
  g_return_val_if_fail (SEC_IS_RECORD (self), NULL);

  return SEC_RECORD_GET_CLASS (self)->kind;
}

const SecKind *
sec_kind_from_type (GType type)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (g_type_is_a (type, SEC_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  return SEC_RECORD_CLASS (klass)->kind;
}

int
sec_kind_field_index (const SecKind *kind,
                      const char    *name)
{
  g_return_val_if_fail (kind != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < kind->n_fields; i++)
    if (g_str_equal (kind->fields[i].name, name))
      return (int) i;

  return -1;
}

const SecField *
sec_kind_find_field (const SecKind *kind,
                     const char    *name)
{
  int i = sec_kind_field_index (kind, name);

  return i < 0 ? NULL : &kind->fields[i];
}

char *
sec_field_column (const SecField *field)
{
  g_autofree char *column = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  column = g_strdelimit (g_strdup (field->name), "-", '_');
  if (field->type == SEC_FIELD_REF)
    return g_strconcat (column, "_id", NULL);
  return g_steal_pointer (&column);
}

const char *
sec_field_choice_label (const SecField *field,
                        const char     *nick)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->choices == NULL || nick == NULL)
    return NULL;
  for (const SecChoice *c = field->choices; c->nick != NULL; c++)
    if (g_str_equal (c->nick, nick))
      return _(c->label);
  return NULL;
}

gint64
sec_record_get_id (SecRecord *self)
{
  SecRecordPrivate *priv;

  g_return_val_if_fail (SEC_IS_RECORD (self), 0);

  priv = sec_record_get_instance_private (self);
  return priv->id;
}

void
_sec_record_set_id (SecRecord *self,
                    gint64     id)
{
  SecRecordPrivate *priv = sec_record_get_instance_private (self);

  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sec_record_get_created_at (SecRecord *self)
{
  SecRecordPrivate *priv;

  g_return_val_if_fail (SEC_IS_RECORD (self), NULL);

  priv = sec_record_get_instance_private (self);
  return priv->created_at;
}

const char *
sec_record_get_updated_at (SecRecord *self)
{
  SecRecordPrivate *priv;

  g_return_val_if_fail (SEC_IS_RECORD (self), NULL);

  priv = sec_record_get_instance_private (self);
  return priv->updated_at;
}

/* g_set_str () is GLib 2.76; our minimum is 2.74. */
static gboolean
replace_string (SecRecordPrivate *priv, char **place, const char *value)
{
  if (g_strcmp0 (*place, value) == 0)
    return FALSE;
  free_text (priv, *place);
  *place = g_strdup (value);
  return TRUE;
}

void
_sec_record_set_timestamps (SecRecord  *self,
                            const char *created_at,
                            const char *updated_at)
{
  SecRecordPrivate *priv = sec_record_get_instance_private (self);

  if (created_at != NULL && replace_string (priv, &priv->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  if (updated_at != NULL && replace_string (priv, &priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

void
_sec_record_take_row (SecRecord   *self,
                      gint64       id,
                      gint64       version,
                      char        *text,
                      gsize        text_size,
                      const char  *created_at,
                      const char  *updated_at,
                      const char **derived)
{
  SecRecordPrivate *priv = sec_record_get_instance_private (self);

  g_assert (priv->row_text == NULL && priv->id == 0 && priv->created_at == NULL && priv->updated_at == NULL);
  priv->row_text = text;
  priv->row_text_size = text_size;
  priv->id = id;
  priv->version = version;
  priv->created_at = (char *) created_at;
  priv->updated_at = (char *) updated_at;
  priv->row_derived = derived;
}

gint64
sec_record_get_version (SecRecord *self)
{
  SecRecordPrivate *priv;

  g_return_val_if_fail (SEC_IS_RECORD (self), 0);

  priv = sec_record_get_instance_private (self);
  return priv->version;
}

void
sec_record_set_version (SecRecord *self,
                        gint64     version)
{
  SecRecordPrivate *priv;

  g_return_if_fail (SEC_IS_RECORD (self));
  g_return_if_fail (version >= 0);

  priv = sec_record_get_instance_private (self);
  priv->version = version;
}

const char *
sec_record_get_derived (SecRecord  *self,
                        const char *name)
{
  SecRecordPrivate *priv;

  g_return_val_if_fail (SEC_IS_RECORD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  priv = sec_record_get_instance_private (self);
  /* Set since the row was read (a NULL there is a value taken away)... */
  if (priv->derived != NULL)
    {
      gpointer value;

      if (g_hash_table_lookup_extended (priv->derived, name, NULL, &value))
        return value;
    }
  /* ...or read with it. */
  if (priv->row_derived != NULL)
    {
      const SecDerived *d = SEC_RECORD_GET_CLASS (self)->kind->derived;

      for (guint i = 0; d[i].name != NULL; i++)
        if (g_str_equal (d[i].name, name))
          return priv->row_derived[i];
    }
  return NULL;
}

void
_sec_record_set_derived (SecRecord  *self,
                         const char *name,
                         const char *value)
{
  SecRecordPrivate *priv = sec_record_get_instance_private (self);

  if (priv->derived == NULL)
    priv->derived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (priv->derived, g_strdup (name), g_strdup (value));
}

GValue *
_sec_record_value_at (SecRecord *self,
                      guint      i)
{
  SecRecordPrivate *priv = sec_record_get_instance_private (self);

  g_assert (i < SEC_RECORD_GET_CLASS (self)->kind->n_fields);
  return &priv->values[i];
}

static GValue *
lookup_value (SecRecord  *self,
              const char *field,
              GType       expected)
{
  SecRecordPrivate *priv = sec_record_get_instance_private (self);
  int i = sec_kind_field_index (sec_record_get_kind (self), field);

  if (i < 0)
    {
      g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), field);
      return NULL;
    }
  if (expected != G_TYPE_INVALID && G_VALUE_TYPE (&priv->values[i]) != expected)
    {
      g_critical ("Field “%s” of %s is a %s, not a %s", field, G_OBJECT_TYPE_NAME (self),
                  G_VALUE_TYPE_NAME (&priv->values[i]), g_type_name (expected));
      return NULL;
    }
  return &priv->values[i];
}

const GValue *
sec_record_get_value (SecRecord  *self,
                      const char *field)
{
  g_return_val_if_fail (SEC_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return lookup_value (self, field, G_TYPE_INVALID);
}

/* The typed getters and setters differ only in the GValue type they expect
 * and the C type they take or give: one definition serves them all. A
 * field of another type is a programmer's error (a critical), and reads as
 * @none. */
#define DEFINE_GETTER(name, CType, GTYPE, value_get, none)             \
  CType                                                               \
  sec_record_get_##name (SecRecord  *self,                            \
                         const char *field)                           \
  {                                                                   \
    const GValue *v;                                                  \
                                                                      \
    g_return_val_if_fail (SEC_IS_RECORD (self), none);                \
                                                                      \
    v = lookup_value (self, field, GTYPE);                            \
    return v ? value_get (v) : none;                                  \
  }

/* @check: what else the value must satisfy, beyond the record's type. */
#define DEFINE_SETTER(name, CType, GTYPE, check)                       \
  void                                                                \
  sec_record_set_##name (SecRecord  *self,                            \
                         const char *field,                           \
                         CType       value)                           \
  {                                                                   \
    g_return_if_fail (SEC_IS_RECORD (self));                          \
    g_return_if_fail (check);                                         \
                                                                      \
    if (lookup_value (self, field, GTYPE) != NULL)                    \
      g_object_set (self, field, value, NULL);                        \
  }

DEFINE_GETTER (string, const char *, G_TYPE_STRING, g_value_get_string, NULL)
DEFINE_GETTER (ref, gint64, G_TYPE_INT64, g_value_get_int64, 0)
DEFINE_GETTER (int, gint, G_TYPE_INT, g_value_get_int, 0)
DEFINE_GETTER (double, gdouble, G_TYPE_DOUBLE, g_value_get_double, 0)
DEFINE_GETTER (bool, gboolean, G_TYPE_BOOLEAN, g_value_get_boolean, FALSE)

DEFINE_SETTER (string, const char *, G_TYPE_STRING, field != NULL)
DEFINE_SETTER (ref, gint64, G_TYPE_INT64, value >= 0)
DEFINE_SETTER (int, gint, G_TYPE_INT, TRUE)
DEFINE_SETTER (double, gdouble, G_TYPE_DOUBLE, TRUE)
DEFINE_SETTER (bool, gboolean, G_TYPE_BOOLEAN, TRUE)

static gboolean
parse_int64 (const char *text, gint64 min, gint64 max, gint64 *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return g_ascii_string_to_signed (stripped, 10, min, max, out, NULL);
}

gboolean
sec_record_set_from_text (SecRecord   *self,
                          const char  *field,
                          const char  *text,
                          GError     **error)
{
  const SecField *f;
  const GValue *v;

  g_return_val_if_fail (SEC_IS_RECORD (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  f = sec_kind_find_field (sec_record_get_kind (self), field);
  if (f == NULL)
    {
      g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                   _("There is no field “%s”"), field);
      return FALSE;
    }
  v = lookup_value (self, field, G_TYPE_INVALID);

  if (text == NULL)
    text = "";

  switch (G_VALUE_TYPE (v))
    {
    case G_TYPE_INT:
      {
        gint64 n = 0;
        if (*text != '\0' && !parse_int64 (text, G_MININT, G_MAXINT, &n))
          goto bad_number;
        g_object_set (self, field, (gint) n, NULL);
        return TRUE;
      }
    case G_TYPE_INT64:
      {
        gint64 n = 0;
        if (*text != '\0' && !parse_int64 (text, 0, G_MAXINT64, &n))
          goto bad_number;
        g_object_set (self, field, n, NULL);
        return TRUE;
      }
    case G_TYPE_DOUBLE:
      {
        char *end = NULL;
        double d = *text ? g_ascii_strtod (text, &end) : 0;
        if (*text && (end == NULL || *end != '\0'))
          goto bad_number;
        g_object_set (self, field, d, NULL);
        return TRUE;
      }
    case G_TYPE_BOOLEAN:
      if (g_ascii_strcasecmp (text, "yes") == 0 || g_str_equal (text, "1") ||
          g_ascii_strcasecmp (text, "true") == 0)
        g_object_set (self, field, TRUE, NULL);
      else if (g_ascii_strcasecmp (text, "no") == 0 || g_str_equal (text, "0") ||
               g_ascii_strcasecmp (text, "false") == 0 || *text == '\0')
        g_object_set (self, field, FALSE, NULL);
      else
        {
          g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                       _("%s: “%s” is not yes or no"), _(f->label), text);
          return FALSE;
        }
      return TRUE;
    default:
      g_object_set (self, field, *text ? text : NULL, NULL);
      return TRUE;
    }

bad_number:
  g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
               _("%s: “%s” is not a valid number"), _(f->label), text);
  return FALSE;
}

char *
sec_record_dup_text (SecRecord  *self,
                     const char *field)
{
  const GValue *v;

  g_return_val_if_fail (SEC_IS_RECORD (self), NULL);

  v = lookup_value (self, field, G_TYPE_INVALID);
  if (v == NULL)
    return g_strdup ("");

  switch (G_VALUE_TYPE (v))
    {
    case G_TYPE_INT:
      return g_strdup_printf ("%d", g_value_get_int (v));
    case G_TYPE_INT64:
      return g_value_get_int64 (v) ? g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (v)) : g_strdup ("");
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, g_value_get_double (v)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (g_value_get_boolean (v) ? "yes" : "no");
    default:
      return g_strdup (g_value_get_string (v) ? g_value_get_string (v) : "");
    }
}

char *
sec_record_dup_title (SecRecord *self)
{
  const SecKind *kind;
  GString *title;
  const char *derived;

  g_return_val_if_fail (SEC_IS_RECORD (self), NULL);

  kind = sec_record_get_kind (self);
  /* What an erasure leaves of a person (sec-store-privacy.h) is named as
   * such on its page, in lists and links, rather than by its placeholder. */
  if (sec_kind_find_field (kind, "erased-on") != NULL &&
      (derived = sec_record_get_string (self, "erased-on")) != NULL && *derived != '\0')
    /* Translators: the name shown for a person whose personal data were erased */
    return g_strdup (_("Erased person"));
  title = g_string_new (NULL);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *text = NULL;

      if (!(kind->fields[i].flags & SEC_FIELD_TITLE))
        continue;
      text = sec_record_dup_text (self, kind->fields[i].name);
      g_strstrip (text);
      if (*text == '\0')
        continue;
      if (title->len > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, text);
    }

  if (title->len == 0 && (derived = sec_record_get_derived (self, "organisation-name")) != NULL)
    g_string_append (title, derived);
  if (title->len == 0)
    {
      g_autofree char *person = sec_record_dup_person_name (self);

      g_string_append (title, person ? person : _(kind->label));
    }

  return g_string_free (title, FALSE);
}

gboolean
sec_record_is_person_erased (SecRecord *self)
{
  const char *erased_on;

  g_return_val_if_fail (SEC_IS_RECORD (self), FALSE);

  erased_on = sec_record_get_derived (self, "person-erased-on");
  return erased_on != NULL && *erased_on != '\0';
}

char *
sec_record_dup_person_name (SecRecord *self)
{
  const char *name;

  g_return_val_if_fail (SEC_IS_RECORD (self), NULL);

  /* What an erasure leaves is named as such, not by its placeholder
   * SEC_PRIVACY_ERASED_NAME ("—"). */
  if (sec_record_is_person_erased (self))
    /* Translators: the name shown for a person whose personal data were erased */
    return g_strdup (_("Erased person"));
  name = sec_record_get_derived (self, "person-name");
  return name && *name ? g_strdup (name) : NULL;
}

SecRecord *
sec_record_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, SEC_TYPE_RECORD), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (type), NULL);

  return g_object_new (type, NULL);
}

/**
 * sec_record_copy:
 *
 * Returns: (transfer full): a copy with the same id, values and derived
 *   values, for editing without touching the shown record.
 */
SecRecord *
sec_record_copy (SecRecord *self)
{
  SecRecordPrivate *priv, *copy_priv;
  const SecKind *kind;
  SecRecord *copy;

  g_return_val_if_fail (SEC_IS_RECORD (self), NULL);

  priv = sec_record_get_instance_private (self);
  kind = sec_record_get_kind (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  copy_priv = sec_record_get_instance_private (copy);

  copy_priv->id = priv->id;
  copy_priv->created_at = g_strdup (priv->created_at);
  copy_priv->updated_at = g_strdup (priv->updated_at);
  copy_priv->version = priv->version;
  for (guint i = 0; i < kind->n_fields; i++)
    g_value_copy (&priv->values[i], &copy_priv->values[i]);
  /* The derived values read with the row, then those set since (over
   * them); the copy owns its own. */
  if (priv->row_derived != NULL)
    for (guint i = 0; kind->derived[i].name != NULL; i++)
      if (priv->row_derived[i] != NULL)
        _sec_record_set_derived (copy, kind->derived[i].name, priv->row_derived[i]);
  if (priv->derived != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, priv->derived);
      while (g_hash_table_iter_next (&iter, &key, &value))
        _sec_record_set_derived (copy, key, value);
    }

  return copy;
}

/* Same kind, id and field values (timestamps and derived values aside). */
gboolean
sec_record_equal (SecRecord *a,
                  SecRecord *b)
{
  SecRecordPrivate *pa, *pb;
  const SecKind *kind;

  g_return_val_if_fail (SEC_IS_RECORD (a), FALSE);
  g_return_val_if_fail (SEC_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pa = sec_record_get_instance_private (a);
  pb = sec_record_get_instance_private (b);
  if (pa->id != pb->id)
    return FALSE;
  kind = sec_record_get_kind (a);
  for (guint i = 0; i < kind->n_fields; i++)
    if (!values_equal (&pa->values[i], &pb->values[i]))
      return FALSE;
  return TRUE;
}
