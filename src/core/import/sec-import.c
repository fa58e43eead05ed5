/* sec-import.c: the mapping of an import and the check of its rows
 *
 * sec_import_check () reads what it compares with once (every record of
 * the kind, the organisations, the bodies, the active memberships) into
 * hash tables, so that ten thousand rows are checked in well under a second;
 * sec-import-apply.c writes them.
 */
#define G_LOG_DOMAIN "sec-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-fold.h"
#include "core/import/sec-import-private.h"
#include "core/store/sec-records.h"

static void
clear_result (gpointer data)
{
  SecImportResult *r = data;

  g_free (r->problem);
  g_clear_object (&r->record);
  g_free (r->organisation);
  g_free (r->country);
  g_free (r->role);
  g_free (r->duplicate_reason);
}

static void
forget_check (SecImport *self)
{
  g_array_set_size (self->results, 0);
  g_clear_pointer (&self->orgs_by_name, g_hash_table_unref);
  g_clear_pointer (&self->orgs_by_id, g_hash_table_unref);
  g_clear_pointer (&self->bodies, g_hash_table_unref);
  g_clear_pointer (&self->memberships, g_hash_table_unref);
  g_clear_pointer (&self->existing, g_hash_table_unref);
}

SecImport *
sec_import_new (SecStore       *store,
                GType           kind,
                SecImportTable *table)
{
  SecImport *self;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == SEC_TYPE_PERSON || kind == SEC_TYPE_ORGANISATION, NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_new0 (SecImport, 1);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->table = table;
  self->targets = g_ptr_array_new_with_free_func (g_free);
  self->results = g_array_new (FALSE, TRUE, sizeof (SecImportResult));
  g_array_set_clear_func (self->results, clear_result);
  /* One column per target: a second "Email" or "E-mail 2" stays out
   * unless the user maps it (notes excepted: they are joined). */
  for (guint i = 0; i < table->header->len; i++)
    {
      const char *target = sec_import_guess_target (kind, g_ptr_array_index (table->header, i));

      if (target != NULL && g_hash_table_contains (used, target) && !g_str_equal (target, "notes"))
        target = NULL;
      if (target != NULL)
        g_hash_table_add (used, (gpointer) target);
      g_ptr_array_add (self->targets, g_strdup (target));
    }
  return self;
}

void
sec_import_free (SecImport *self)
{
  if (self == NULL)
    return;
  forget_check (self);
  g_array_unref (self->results);
  g_ptr_array_unref (self->targets);
  sec_import_table_free (self->table);
  g_object_unref (self->store);
  g_free (self);
}

GType
sec_import_get_kind (SecImport *self)
{
  return self->kind;
}

const SecImportTable *
sec_import_get_table (SecImport *self)
{
  return self->table;
}

const char *
sec_import_get_column_target (SecImport *self,
                              guint      column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return column < self->targets->len ? g_ptr_array_index (self->targets, column) : NULL;
}

gboolean
sec_import_set_column_target (SecImport   *self,
                              guint        column,
                              const char  *target,
                              GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (column < self->targets->len, FALSE);

  if (target != NULL && !g_strv_contains (sec_import_targets (self->kind), target))
    {
      g_set_error (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_FAILED,
                   _("“%s” is not a field of the records imported"), target);
      return FALSE;
    }
  g_free (g_ptr_array_index (self->targets, column));
  g_ptr_array_index (self->targets, column) = g_strdup (target);
  forget_check (self);
  return TRUE;
}

gboolean
sec_import_parse_mapping (SecImport   *self,
                          const char  *text,
                          GError     **error)
{
  const char *eq;
  g_autofree char *column = NULL;
  const char *target;
  guint64 number;

  g_return_val_if_fail (self != NULL && text != NULL, FALSE);

  eq = strrchr (text, '=');
  if (eq == NULL || eq == text)
    {
      g_set_error (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_FAILED,
                   _("“%s” is not COLUMN=FIELD"), text);
      return FALSE;
    }
  column = g_strndup (text, eq - text);
  target = eq[1] ? eq + 1 : NULL;
  for (guint i = 0; i < self->table->header->len; i++)
    if (g_utf8_collate (g_ptr_array_index (self->table->header, i), column) == 0)
      return sec_import_set_column_target (self, i, target, error);
  if (g_ascii_string_to_unsigned (column, 10, 1, self->table->header->len, &number, NULL))
    return sec_import_set_column_target (self, number - 1, target, error);
  g_set_error (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_FAILED,
               _("The file has no column “%s”"), column);
  return FALSE;
}

/* Reading what rows are compared with */

static void
add_name_key (GHashTable *table,
              const char *name,
              gpointer    value)
{
  char *key;

  if (name == NULL || *name == '\0')
    return;
  key = sec_fold (name);
  if (!g_hash_table_contains (table, key))
    g_hash_table_insert (table, key, value);
  else
    g_free (key);
}

/* The keys a record is found again by: its folded e-mail; its folded name
 * with its organisation ("o:ID" or "n:NAME" for one the import creates)
 * and with its country. An organisation's name is a key on its own, as
 * the database allows it once. */
static GPtrArray *
duplicate_keys (SecImport  *self,
                SecRecord  *record,
                const char *new_organisation,
                const char *country)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  const char *email = sec_record_get_string (record, "email");

  if (email != NULL && *email)
    {
      g_autofree char *folded = sec_fold (email);
      g_ptr_array_add (keys, g_strconcat ("e:", folded, NULL));
    }
  if (self->kind == SEC_TYPE_ORGANISATION)
    {
      g_autofree char *name = sec_fold (sec_record_get_string (record, "name"));
      if (*name)
        g_ptr_array_add (keys, g_strconcat ("n:", name, NULL));
    }
  else
    {
      g_autofree char *title = sec_record_dup_title (record);
      g_autofree char *name = sec_fold (title);
      gint64 org = sec_record_get_ref (record, "organisation");

      if (*name == '\0')
        return keys;
      if (org > 0)
        g_ptr_array_add (keys, g_strdup_printf ("n:%s|o:%" G_GINT64_FORMAT, name, org));
      else if (new_organisation != NULL)
        {
          g_autofree char *folded = sec_fold (new_organisation);
          g_ptr_array_add (keys, g_strdup_printf ("n:%s|on:%s", name, folded));
        }
      if (country != NULL && *country)
        g_ptr_array_add (keys, g_strdup_printf ("n:%s|c:%s", name, country));
    }
  return keys;
}

static const char *
organisation_country (SecImport *self,
                      gint64     id)
{
  SecRecord *org = id > 0 ? g_hash_table_lookup (self->orgs_by_id, &id) : NULL;

  return org ? sec_record_get_string (org, "country") : NULL;
}

static gboolean
read_database (SecImport     *self,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GPtrArray) records = NULL;

  self->orgs_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->orgs_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->memberships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((orgs = sec_store_list (self->store, SEC_TYPE_ORGANISATION, NULL, error)) == NULL ||
      (bodies = sec_store_list (self->store, SEC_TYPE_BODY, NULL, error)) == NULL ||
      (memberships = sec_store_list (self->store, SEC_TYPE_MEMBERSHIP, NULL, error)) == NULL)
    return FALSE;
  /* Names first, then acronyms: a name wins over another's acronym. */
  for (guint i = 0; i < orgs->len; i++)
    {
      SecRecord *org = g_ptr_array_index (orgs, i);
      gint64 id = sec_record_get_id (org);

      add_name_key (self->orgs_by_name, sec_record_get_string (org, "name"), org);
      g_hash_table_insert (self->orgs_by_id, g_memdup2 (&id, sizeof id), g_object_ref (org));
    }
  for (guint i = 0; i < orgs->len; i++)
    add_name_key (self->orgs_by_name, sec_record_get_string (g_ptr_array_index (orgs, i), "acronym"),
                  g_ptr_array_index (orgs, i));
  for (guint i = 0; i < bodies->len; i++)
    add_name_key (self->bodies, sec_record_get_string (g_ptr_array_index (bodies, i), "name"),
                  GSIZE_TO_POINTER ((gsize) sec_record_get_id (g_ptr_array_index (bodies, i))));
  for (guint i = 0; i < bodies->len; i++)
    add_name_key (self->bodies, sec_record_get_string (g_ptr_array_index (bodies, i), "acronym"),
                  GSIZE_TO_POINTER ((gsize) sec_record_get_id (g_ptr_array_index (bodies, i))));
  for (guint i = 0; i < memberships->len; i++)
    {
      SecRecord *m = g_ptr_array_index (memberships, i);

      if (g_strcmp0 (sec_record_get_string (m, "status"), "active") == 0)
        g_hash_table_add (self->memberships,
                          g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                           sec_record_get_ref (m, "organisation"),
                                           sec_record_get_ref (m, "body")));
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  records = self->kind == SEC_TYPE_ORGANISATION ? g_ptr_array_ref (orgs)
                                                 : sec_store_list (self->store, self->kind, NULL, error);
  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      SecRecord *record = g_ptr_array_index (records, i);
      const char *country = self->kind == SEC_TYPE_PERSON
                            ? organisation_country (self, sec_record_get_ref (record, "organisation"))
                            : NULL;
      g_autoptr(GPtrArray) keys = duplicate_keys (self, record, NULL, country);

      for (guint k = 0; k < keys->len; k++)
        if (!g_hash_table_contains (self->existing, g_ptr_array_index (keys, k)))
          g_hash_table_insert (self->existing, g_strdup (g_ptr_array_index (keys, k)),
                               GSIZE_TO_POINTER ((gsize) sec_record_get_id (record)));
    }
  return TRUE;
}

/* Checking rows */

static void
append_value (GHashTable *values,
              const char *target,
              const char *text)
{
  GString *value = g_hash_table_lookup (values, target);

  if (value == NULL)
    g_hash_table_insert (values, (gpointer) target, g_string_new (text));
  else
    g_string_append_printf (value, "\n%s", text);
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

static const char *
lookup_value (GHashTable *values,
              const char *target)
{
  GString *value = g_hash_table_lookup (values, target);

  return value ? value->str : NULL;
}

static void
set_problem (SecImportResult *r,
             char            *message)
{
  if (r->problem == NULL)
    r->problem = message;
  else
    g_free (message);
}

/* A person's name in one column: the last word is the family name. */
static void
split_full_name (GHashTable *values)
{
  const char *full = lookup_value (values, "full-name");
  const char *space;

  if (full == NULL || lookup_value (values, "family-name") != NULL)
    return;
  space = strrchr (full, ' ');
  append_value (values, "family-name", space ? space + 1 : full);
  if (space != NULL && lookup_value (values, "given-name") == NULL)
    {
      g_autofree char *given = g_strndup (full, space - full);
      append_value (values, "given-name", given);
    }
}

static void
check_row (SecImport          *self,
           const SecImportRow *row,
           SecImportResult    *r)
{
  const SecKind *kind = sec_kind_from_type (self->kind);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_string);
  const char *text;
  g_autoptr(GError) error = NULL;

  r->line = row->line;
  r->record = sec_record_new (self->kind);
  for (guint c = 0; c < self->targets->len; c++)
    {
      const char *target = g_ptr_array_index (self->targets, c);
      g_autofree char *field = NULL;

      if (target == NULL)
        continue;
      field = g_strstrip (g_strdup (sec_import_row_get (row, c)));
      if (*field)
        append_value (values, target, field);
    }
  split_full_name (values);

  /* In the kind's order, so that the first problem is the editor's. */
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SecField *field = &kind->fields[i];
      g_autofree char *converted = NULL;

      if (field->type == SEC_FIELD_REF || (text = lookup_value (values, field->name)) == NULL)
        continue;
      converted = _sec_import_convert_value (field, text);
      if (!sec_record_set_from_text (r->record, field->name, converted, &error) ||
          !sec_record_validate_field (r->record, field->name, &error))
        {
          /* The store's message names the field ("Email: “x” is not..."). */
          set_problem (r, g_strdup (error->message));
          g_clear_error (&error);
        }
    }

  if (self->kind == SEC_TYPE_PERSON)
    {
      if ((text = lookup_value (values, "country")) != NULL)
        {
          const char *code = _sec_import_country_code (text);

          if (code == NULL)
            set_problem (r, g_strdup_printf (_("“%s” is not a country"), text));
          r->country = g_strdup (code);
        }
      if ((text = lookup_value (values, "organisation")) != NULL)
        {
          g_autofree char *folded = sec_fold (text);
          SecRecord *org = g_hash_table_lookup (self->orgs_by_name, folded);

          r->organisation = g_strdup (text);
          if (org != NULL)
            {
              sec_record_set_ref (r->record, "organisation", sec_record_get_id (org));
              if (r->country == NULL)
                r->country = g_strdup (sec_record_get_string (org, "country"));
            }
          else
            r->new_organisation = TRUE;
        }
    }

  if ((text = lookup_value (values, "body")) != NULL)
    {
      g_autofree char *folded = sec_fold (text);
      gpointer id = NULL;

      if (!g_hash_table_lookup_extended (self->bodies, folded, NULL, &id))
        set_problem (r, g_strdup_printf (_("There is no body named “%s”: add it first"), text));
      r->body_id = (gint64) GPOINTER_TO_SIZE (id);
      if (self->kind == SEC_TYPE_PERSON && r->organisation == NULL)
        set_problem (r, g_strdup (_("A body is named but no organisation to be its member")));
    }
  if ((text = lookup_value (values, "role")) != NULL)
    {
      r->role = g_strdup (text);
      if (lookup_value (values, "body") == NULL)
        set_problem (r, g_strdup (_("A role is given but no body")));
    }

  if (r->problem == NULL && !sec_record_validate (r->record, &error))
    set_problem (r, g_strdup (error->message));

  r->status = r->problem ? SEC_IMPORT_ROW_INVALID : SEC_IMPORT_ROW_VALID;
}

static void
find_duplicate (SecImport       *self,
                guint            index,
                SecImportResult *r,
                GHashTable      *in_file)
{
  g_autoptr(GPtrArray) keys = NULL;

  if (r->status == SEC_IMPORT_ROW_INVALID)
    return;
  keys = duplicate_keys (self, r->record, r->new_organisation ? r->organisation : NULL, r->country);
  for (guint k = 0; k < keys->len && r->status == SEC_IMPORT_ROW_VALID; k++)
    {
      const char *key = g_ptr_array_index (keys, k);
      gpointer found;

      if (g_hash_table_lookup_extended (self->existing, key, NULL, &found))
        r->duplicate_id = (gint64) GPOINTER_TO_SIZE (found);
      else if (g_hash_table_lookup_extended (in_file, key, NULL, &found))
        r->duplicate_row = GPOINTER_TO_UINT (found);
      else
        continue;
      r->status = SEC_IMPORT_ROW_DUPLICATE;
      r->action = SEC_IMPORT_ACTION_SKIP;
      if (key[0] == 'e')
        r->duplicate_reason = g_strdup (_("Same email"));
      else if (self->kind == SEC_TYPE_ORGANISATION)
        r->duplicate_reason = g_strdup (_("Same name"));
      else if (strstr (key, "|c:") != NULL)
        r->duplicate_reason = g_strdup (_("Same name and country"));
      else
        r->duplicate_reason = g_strdup (_("Same name and organisation"));
    }
  for (guint k = 0; k < keys->len; k++)
    if (!g_hash_table_contains (in_file, g_ptr_array_index (keys, k)))
      g_hash_table_insert (in_file, g_strdup (g_ptr_array_index (keys, k)), GUINT_TO_POINTER (index + 1));
}

gboolean
sec_import_check (SecImport     *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return _sec_import_check_full (self, cancellable, NULL, NULL, error);
}

gboolean
_sec_import_check_full (SecImport          *self,
                        GCancellable       *cancellable,
                        SecImportProgress   progress,
                        gpointer            progress_data,
                        GError            **error)
{
  g_autoptr(GHashTable) in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = self->table->rows->len;

  forget_check (self);
  if (!read_database (self, cancellable, error))
    {
      forget_check (self);
      return FALSE;
    }
  g_array_set_size (self->results, n);
  for (guint i = 0; i < n; i++)
    {
      SecImportResult *r = &g_array_index (self->results, SecImportResult, i);

      if (i % 500 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              forget_check (self);
              return FALSE;
            }
          if (progress != NULL)
            progress (i, n, progress_data);
        }
      check_row (self, g_ptr_array_index (self->table->rows, i), r);
      find_duplicate (self, i, r, in_file);
    }
  if (progress != NULL)
    progress (n, n, progress_data);
  return TRUE;
}

guint
sec_import_get_n_results (SecImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->results->len;
}

const SecImportResult *
sec_import_get_result (SecImport *self,
                       guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  return &g_array_index (self->results, SecImportResult, index);
}

void
sec_import_set_action (SecImport       *self,
                       guint            index,
                       SecImportAction  action)
{
  g_return_if_fail (self != NULL && index < self->results->len);

  g_array_index (self->results, SecImportResult, index).action = action;
}

void
sec_import_set_duplicate_action (SecImport       *self,
                                 SecImportAction  action)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->results->len; i++)
    {
      SecImportResult *r = &g_array_index (self->results, SecImportResult, i);
      if (r->status == SEC_IMPORT_ROW_DUPLICATE)
        r->action = action;
    }
}

SecRecord *
sec_import_dup_existing (SecImport *self,
                         guint      index)
{
  const SecImportResult *r;

  g_return_val_if_fail (self != NULL && index < self->results->len, NULL);

  r = &g_array_index (self->results, SecImportResult, index);
  if (r->status != SEC_IMPORT_ROW_DUPLICATE)
    return NULL;
  if (r->duplicate_id > 0)
    return sec_store_get (self->store, self->kind, r->duplicate_id, NULL);
  /* The earlier row, as the import writes it (a merge into it then
   * compares with what it holds by then). */
  if (r->duplicate_row > 0 && r->duplicate_row <= self->results->len)
    return sec_record_copy (g_array_index (self->results, SecImportResult, r->duplicate_row - 1).record);
  return NULL;
}

gboolean
_sec_import_field_is_mergeable (const SecField *field)
{
  return field->type != SEC_FIELD_REF || g_str_equal (field->name, "organisation");
}

GStrv
sec_import_dup_conflicts (SecImport *self,
                          guint      index)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  SecImportResult *r;
  g_autoptr(SecRecord) existing = NULL;
  const SecKind *kind;

  g_return_val_if_fail (self != NULL && index < self->results->len, NULL);

  r = &g_array_index (self->results, SecImportResult, index);
  existing = sec_import_dup_existing (self, index);
  kind = sec_kind_from_type (self->kind);
  for (guint i = 0; existing != NULL && i < kind->n_fields; i++)
    {
      g_autofree char *old = NULL, *new = NULL;

      if (!_sec_import_field_is_mergeable (&kind->fields[i]))
        continue;
      old = sec_record_dup_text (existing, kind->fields[i].name);
      new = sec_record_dup_text (r->record, kind->fields[i].name);
      if (*old && *new && !g_str_equal (old, new))
        {
          g_autofree char *old_folded = sec_fold (old);
          g_autofree char *new_folded = sec_fold (new);

          /* "ANNE@example.fr" for "anne@example.fr" is no choice to make. */
          if (!g_str_equal (old_folded, new_folded))
            g_strv_builder_add (builder, kind->fields[i].name);
        }
    }
  return g_strv_builder_end (builder);
}

void
sec_import_set_take_new (SecImport  *self,
                         guint       index,
                         const char *field,
                         gboolean    take_new)
{
  int i;
  SecImportResult *r;

  g_return_if_fail (self != NULL && index < self->results->len);
  i = sec_kind_field_index (sec_kind_from_type (self->kind), field);
  g_return_if_fail (i >= 0 && i < 64);

  r = &g_array_index (self->results, SecImportResult, index);
  if (take_new)
    r->take_new |= G_GUINT64_CONSTANT (1) << i;
  else
    r->take_new &= ~(G_GUINT64_CONSTANT (1) << i);
}

void
sec_import_get_summary (SecImport        *self,
                        SecImportSummary *summary)
{
  g_return_if_fail (self != NULL && summary != NULL);

  memset (summary, 0, sizeof *summary);
  for (guint i = 0; i < self->results->len; i++)
    {
      const SecImportResult *r = &g_array_index (self->results, SecImportResult, i);

      if (r->status == SEC_IMPORT_ROW_INVALID)
        summary->invalid++;
      else if (r->status == SEC_IMPORT_ROW_VALID || r->action == SEC_IMPORT_ACTION_IMPORT)
        summary->imported++;
      else if (r->action == SEC_IMPORT_ACTION_MERGE)
        summary->merged++;
      else
        summary->skipped++;
    }
}
