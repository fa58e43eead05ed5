/* sec-import-apply.c: writing the rows of an import, and taking them back
 *
 * sec_import_apply () writes every row sec_import_check () accepted in one
 * transaction, after a backup; it remembers what it inserted and what the
 * merged records were, so that sec_import_undo () takes the whole import
 * back in one step. sec-import-async.c runs it in a worker thread.
 */
#define G_LOG_DOMAIN "sec-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/base/sec-fold.h"
#include "core/import/sec-import-private.h"
#include "core/store/sec-backups.h"
#include "core/store/sec-records.h"

/* Writing */

static void
remember_inserted (SecImportUndo *undo,
                   SecRecord     *record)
{
  Inserted item = { G_OBJECT_TYPE (record), sec_record_get_id (record) };

  g_array_append_val (undo->inserted, item);
}

/* Fills @existing's empty fields from @incoming, and replaces those in
 * @take_new; TRUE when anything changed. */
static gboolean
merge_into (SecRecord *existing,
            SecRecord *incoming,
            guint64    take_new)
{
  const SecKind *kind = sec_record_get_kind (existing);
  gboolean changed = FALSE;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *name = kind->fields[i].name;
      g_autofree char *old = NULL, *new = NULL;

      if (!_sec_import_field_is_mergeable (&kind->fields[i]))
        continue;
      old = sec_record_dup_text (existing, name);
      new = sec_record_dup_text (incoming, name);
      if (*new == '\0' || g_str_equal (old, new))
        continue;
      if (*old == '\0' || (i < 64 && (take_new & (G_GUINT64_CONSTANT (1) << i))))
        {
          sec_record_set_from_text (existing, name, new, NULL);
          changed = TRUE;
        }
    }
  return changed;
}

static gint64
create_organisation (SecImport       *self,
                     SecImportResult *r,
                     GHashTable      *created,
                     SecImportUndo   *undo,
                     GError         **error)
{
  g_autofree char *folded = sec_fold (r->organisation);
  g_autoptr(SecRecord) org = NULL;
  gpointer id;

  if (g_hash_table_lookup_extended (created, folded, NULL, &id))
    return (gint64) GPOINTER_TO_SIZE (id);
  org = sec_record_new (SEC_TYPE_ORGANISATION);
  sec_record_set_string (org, "name", r->organisation);
  if (r->country != NULL)
    sec_record_set_string (org, "country", r->country);
  if (!sec_store_insert (self->store, org, error))
    return 0;
  remember_inserted (undo, org);
  g_hash_table_insert (created, g_steal_pointer (&folded), GSIZE_TO_POINTER ((gsize) sec_record_get_id (org)));
  return sec_record_get_id (org);
}

static gboolean
add_membership (SecImport       *self,
                SecImportResult *r,
                gint64           organisation,
                SecImportUndo   *undo,
                GError         **error)
{
  g_autofree char *key = NULL;
  g_autoptr(SecRecord) membership = NULL;

  if (r->body_id <= 0 || organisation <= 0)
    return TRUE;
  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, organisation, r->body_id);
  if (g_hash_table_contains (self->memberships, key))
    return TRUE;
  membership = sec_record_new (SEC_TYPE_MEMBERSHIP);
  sec_record_set_ref (membership, "organisation", organisation);
  sec_record_set_ref (membership, "body", r->body_id);
  if (r->role != NULL)
    sec_record_set_string (membership, "notes", r->role);
  if (!sec_store_insert (self->store, membership, error))
    return FALSE;
  remember_inserted (undo, membership);
  g_hash_table_add (self->memberships, g_steal_pointer (&key));
  return TRUE;
}

/* A row that the database refused after all (a name taken, with "import
 * anyway"): with @skip_invalid it joins the invalid ones. */
static void
make_invalid (SecImportResult *r,
              const char      *message)
{
  r->status = SEC_IMPORT_ROW_INVALID;
  g_free (r->problem);
  r->problem = g_strdup (message);
}

/* Keeps how a merged record was before the import, to undo it. Undoing
 * saves over the version the import left (the record's first state when
 * one file merges into it twice); a change someone made since is kept and
 * the undo refused (SEC_STORE_ERROR_CONFLICT). */
static void
keep_merged (SecImportUndo *undo,
             SecRecord     *before,
             gint64         version)
{
  for (guint i = 0; i < undo->merged->len; i++)
    {
      SecRecord *kept = g_ptr_array_index (undo->merged, i);

      if (G_OBJECT_TYPE (kept) == G_OBJECT_TYPE (before) &&
          sec_record_get_id (kept) == sec_record_get_id (before))
        {
          sec_record_set_version (kept, version);
          g_object_unref (before);
          return;
        }
    }
  sec_record_set_version (before, version);
  g_ptr_array_add (undo->merged, before);
}

static gboolean
apply_row (SecImport        *self,
           guint             index,
           gboolean          skip_invalid,
           gint64           *target_ids,
           GHashTable       *created,
           GHashTable       *inserted_ids,
           SecImportSummary *summary,
           SecImportUndo    *undo,
           GError          **error)
{
  SecImportResult *r = &g_array_index (self->results, SecImportResult, index);
  SecImportAction action = r->status == SEC_IMPORT_ROW_DUPLICATE ? r->action : SEC_IMPORT_ACTION_IMPORT;
  gint64 target = r->duplicate_id > 0 ? r->duplicate_id
                  : r->duplicate_row > 0 ? target_ids[r->duplicate_row - 1] : 0;
  g_autoptr(SecRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 organisation = 0;

  if (r->status == SEC_IMPORT_ROW_INVALID)
    {
      summary->invalid++;
      return TRUE;
    }
  if (action != SEC_IMPORT_ACTION_IMPORT && target == 0)
    action = SEC_IMPORT_ACTION_IMPORT; /* its earlier row was not written */
  if (action == SEC_IMPORT_ACTION_SKIP)
    {
      summary->skipped++;
      target_ids[index] = target;
      return TRUE;
    }

  record = sec_record_copy (r->record);
  if (r->new_organisation)
    {
      gint64 id = create_organisation (self, r, created, undo, error);
      if (id == 0)
        return FALSE;
      sec_record_set_ref (record, "organisation", id);
    }

  if (action == SEC_IMPORT_ACTION_MERGE)
    {
      g_autoptr(SecRecord) existing = sec_store_get (self->store, self->kind, target, error);
      g_autoptr(SecRecord) before = NULL;

      if (existing == NULL)
        return FALSE;
      before = sec_record_copy (existing);
      if (merge_into (existing, record, r->take_new))
        {
          if (!sec_store_update (self->store, existing, error))
            return FALSE;
          if (!g_hash_table_contains (inserted_ids, &target))
            keep_merged (undo, g_steal_pointer (&before), sec_record_get_version (existing));
        }
      summary->merged++;
      target_ids[index] = target;
      organisation = self->kind == SEC_TYPE_ORGANISATION ? target : sec_record_get_ref (existing, "organisation");
    }
  else
    {
      gint64 id;

      if (!sec_store_insert (self->store, record, &local_error))
        {
          if (!skip_invalid || !g_error_matches (local_error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT))
            {
              g_set_error (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_INVALID,
                           /* Translators: a row refused while importing: its line, then why */
                           _("Line %u: %s"), r->line, local_error->message);
              return FALSE;
            }
          make_invalid (r, local_error->message);
          summary->invalid++;
          return TRUE;
        }
      id = sec_record_get_id (record);
      remember_inserted (undo, record);
      g_hash_table_add (inserted_ids, g_memdup2 (&id, sizeof id));
      summary->imported++;
      target_ids[index] = id;
      organisation = self->kind == SEC_TYPE_ORGANISATION ? id : sec_record_get_ref (record, "organisation");
    }
  return add_membership (self, r, organisation, undo, error);
}

gboolean
sec_import_apply (SecImport         *self,
                  gboolean           skip_invalid,
                  SecImportSummary  *summary,
                  SecImportUndo    **undo_out,
                  GCancellable      *cancellable,
                  SecImportProgress  progress,
                  gpointer           progress_data,
                  GError           **error)
{
  SecImportSummary counts = { 0 };
  g_autoptr(SecImportUndo) undo = NULL;
  g_autofree gint64 *target_ids = NULL;
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) inserted_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = self->results->len;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->existing != NULL, FALSE); /* sec_import_check () first */

  sec_import_get_summary (self, &counts);
  if (counts.invalid > 0 && !skip_invalid)
    {
      g_set_error (error, SEC_IMPORT_ERROR, SEC_IMPORT_ERROR_INVALID,
                   ngettext ("%u row is invalid: nothing was imported",
                             "%u rows are invalid: nothing was imported", counts.invalid),
                   counts.invalid);
      return FALSE;
    }
  memset (&counts, 0, sizeof counts);

  /* A copy to go back to beyond the undo (after the window was closed).
   * A shared database is backed up where it runs, by its administrators
   * (sec-backups.c refuses it); the import stays undoable there too. */
  if (n > 0 && !sec_store_is_server_uri (sec_store_get_path (self->store)))
    {
      gint64 records = sec_store_count_all (self->store, NULL);

      if (records > 0)
        {
          /* Seconds for a large file: Stop works meanwhile too. */
          g_autofree char *backup = sec_store_backup_before_full (self->store, SEC_BACKUP_REASON_BEFORE_IMPORT,
                                                                  NULL, NULL, cancellable, error);
          if (backup == NULL)
            return FALSE;
        }
    }

  undo = g_new0 (SecImportUndo, 1);
  undo->inserted = g_array_new (FALSE, FALSE, sizeof (Inserted));
  undo->merged = g_ptr_array_new_with_free_func (g_object_unref);
  target_ids = g_new0 (gint64, MAX (n, 1));

  if (!sec_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (i % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto fail;
          if (progress != NULL)
            progress (i, n, progress_data);
        }
      if (!apply_row (self, i, skip_invalid, target_ids, created, inserted_ids, &counts, undo, error))
        goto fail;
    }
  if (!sec_store_commit (self->store, error))
    goto fail;
  if (progress != NULL)
    progress (n, n, progress_data);
  if (summary != NULL)
    *summary = counts;
  if (undo_out != NULL)
    *undo_out = g_steal_pointer (&undo);
  /* The database changed: another check must read it again. */
  g_clear_pointer (&self->existing, g_hash_table_unref);
  return TRUE;

fail:
  sec_store_rollback (self->store);
  return FALSE;
}

/* Undo */

gboolean
sec_import_undo (SecStore       *store,
                 SecImportUndo  *undo,
                 GError        **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!sec_store_begin (store, error))
    return FALSE;
  /* Backwards: memberships before their organisation, people before the
   * organisation created for them. */
  for (guint i = undo->inserted->len; i-- > 0;)
    {
      Inserted *item = &g_array_index (undo->inserted, Inserted, i);

      if (!sec_store_delete (store, item->kind, item->id, error))
        goto fail;
    }
  for (guint i = 0; i < undo->merged->len; i++)
    if (!sec_store_update (store, g_ptr_array_index (undo->merged, i), error))
      goto fail;
  if (!sec_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  sec_store_rollback (store);
  return FALSE;
}

void
sec_import_undo_free (SecImportUndo *undo)
{
  if (undo == NULL)
    return;
  g_array_unref (undo->inserted);
  g_ptr_array_unref (undo->merged);
  g_free (undo);
}
