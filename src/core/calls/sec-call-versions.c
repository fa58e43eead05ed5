/* sec-call-versions.c: errata and the versions of a call's text */
#define G_LOG_DOMAIN "sec-calls"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/calls/sec-calls.h"
#include "core/calls/sec-calls-private.h"
#include "core/base/sec-format.h"
#include "core/store/sec-store-lookup.h"

void
sec_call_version_free (SecCallVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->date);
  g_free (version->change);
  g_free (version->text);
  g_free (version);
}

static GPtrArray *
list_errata (SecStore  *store,
             gint64     call_id,
             GError   **error)
{
  /* By date, then as entered (the id). */
  return sec_store_list_children (store, SEC_TYPE_ERRATUM, "call", call_id, "published-on", error);
}

GPtrArray *
sec_call_dup_versions (SecStore  *store,
                       SecCall   *call,
                       GError   **error)
{
  g_autoptr(GPtrArray) errata = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  SecCallVersion *v;
  const char *text;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  versions = g_ptr_array_new_with_free_func ((GDestroyNotify) sec_call_version_free);
  text = sec_record_get_string (SEC_RECORD (call), "description");
  v = g_new0 (SecCallVersion, 1);
  v->number = 1;
  v->date = g_strdup (sec_record_get_string (SEC_RECORD (call), "published-on"));
  v->text = g_strdup (text ? text : "");
  g_ptr_array_add (versions, v);

  if (sec_record_get_id (SEC_RECORD (call)) == 0)
    return g_steal_pointer (&versions);
  if ((errata = list_errata (store, sec_record_get_id (SEC_RECORD (call)), error)) == NULL)
    return NULL;

  for (guint i = 0; i < errata->len; i++)
    {
      SecRecord *e = g_ptr_array_index (errata, i);
      const char *revised = sec_record_get_string (e, "revised-text");
      SecCallVersion *prev = g_ptr_array_index (versions, versions->len - 1);

      v = g_new0 (SecCallVersion, 1);
      v->number = i + 2;
      v->erratum_id = sec_record_get_id (e);
      v->date = g_strdup (sec_record_get_string (e, "published-on"));
      v->change = g_strdup (sec_record_get_string (e, "text"));
      v->text = g_strdup (_sec_calls_is_empty (revised) ? prev->text : revised);
      g_ptr_array_add (versions, v);
    }
  return g_steal_pointer (&versions);
}

char *
sec_call_dup_current_text (SecStore  *store,
                           SecCall   *call,
                           GError   **error)
{
  g_autoptr(GPtrArray) versions = sec_call_dup_versions (store, call, error);
  SecCallVersion *last;

  if (versions == NULL)
    return NULL;
  last = g_ptr_array_index (versions, versions->len - 1);
  return g_strdup (last->text);
}

/* The dates errata were published, in version order. */
GStrv
_sec_call_errata_dates (SecStore  *store,
                        gint64     call_id,
                        GError   **error)
{
  g_autoptr(GPtrArray) errata = list_errata (store, call_id, error);
  g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();

  if (errata == NULL)
    return NULL;
  for (guint i = 0; i < errata->len; i++)
    g_strv_builder_add (dates, sec_record_get_string (g_ptr_array_index (errata, i), "published-on"));
  return g_strv_builder_end (dates);
}

guint
_sec_call_version_from_dates (GStrv       dates,
                              const char *date)
{
  guint version = 1;

  for (guint i = 0; dates[i]; i++)
    if (strcmp (dates[i], date) <= 0)
      version = i + 2;
  return version;
}

guint
sec_call_version_on (SecStore    *store,
                     SecCall     *call,
                     const char  *date,
                     GError     **error)
{
  g_auto(GStrv) dates = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), 0);
  g_return_val_if_fail (SEC_IS_CALL (call), 0);
  g_return_val_if_fail (date != NULL, 0);

  if (!sec_check_date (date))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date (year-month-day)"), date);
      return 0;
    }
  if (sec_record_get_id (SEC_RECORD (call)) == 0)
    return 1;
  if ((dates = _sec_call_errata_dates (store, sec_record_get_id (SEC_RECORD (call)), error)) == NULL)
    return 0;
  return _sec_call_version_from_dates (dates, date);
}

/* Errata */

gboolean
sec_call_save_erratum (SecStore    *store,
                       SecCall     *call,
                       SecErratum  *erratum,
                       GError     **error)
{
  SecRecord *e = (SecRecord *) erratum;
  gboolean inserting;
  gint64 old_call;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (sec_record_get_id (SEC_RECORD (call)) > 0, FALSE);
  g_return_val_if_fail (SEC_IS_ERRATUM (erratum), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  inserting = sec_record_get_id (e) == 0;
  old_call = sec_record_get_ref (e, "call");
  sec_record_set_ref (e, "call", sec_record_get_id (SEC_RECORD (call)));
  if (!sec_store_begin (store, error))
    goto fail;
  if ((inserting ? !sec_store_insert (store, e, error) : !sec_store_update (store, e, error)) ||
      !_sec_call_refresh_applications (store, call, error) ||
      !sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      goto fail;
    }
  return TRUE;

fail:
  if (inserting)
    _sec_record_set_id (e, 0);
  sec_record_set_ref (e, "call", old_call);
  return FALSE;
}

gboolean
sec_call_delete_erratum (SecStore  *store,
                         SecCall   *call,
                         gint64     erratum_id,
                         GError   **error)
{
  g_autoptr(SecRecord) e = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((e = sec_store_get (store, SEC_TYPE_ERRATUM, erratum_id, error)) == NULL)
    return FALSE;
  if (sec_record_get_ref (e, "call") != sec_record_get_id (SEC_RECORD (call)))
    return _sec_calls_fail_invalid (error, _("This erratum belongs to another call"));
  if (!sec_store_begin (store, error))
    return FALSE;
  if (!sec_store_delete (store, SEC_TYPE_ERRATUM, erratum_id, error) ||
      !_sec_call_refresh_applications (store, call, error) ||
      !sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
