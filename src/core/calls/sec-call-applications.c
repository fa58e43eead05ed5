/* sec-call-applications.c: checking and saving calls and applications,
 * and what is worked out for each application */
#define G_LOG_DOMAIN "sec-calls"

#include "config.h"

#include <glib/gi18n.h>

#include "core/calls/sec-calls.h"
#include "core/calls/sec-calls-private.h"
#include "core/store/sec-store-lookup.h"

/* Validation */

gboolean
sec_call_validate (SecCall  *call,
                   GError  **error)
{
  g_auto(GStrv) kinds = NULL;
  const SecField *f = _sec_calls_field_of (SEC_TYPE_ORGANISATION, "kind");

  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);

  if (!sec_record_validate (SEC_RECORD (call), error))
    return FALSE;
  kinds = sec_call_dup_eligible_kinds (call);
  for (guint i = 0; kinds[i]; i++)
    if (sec_field_choice_label (f, kinds[i]) == NULL)
      {
        g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                     _("%s: “%s” is not a kind of organisation"),
                     _(_sec_calls_field_of (SEC_TYPE_CALL, "eligible-kinds")->label), kinds[i]);
        return FALSE;
      }
  return TRUE;
}

/* The score as stored: digits with at most one '.' ("78", "78.5"); a
 * decimal comma is accepted as typed. NULL when @text is not a number. */
static char *
normalise_score (const char *text)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  gboolean dot = FALSE;

  if (*s == '\0')
    return g_strdup ("");
  g_strdelimit (s, ",", '.');
  for (char *p = s; *p; p++)
    {
      if (*p == '.')
        {
          if (dot || p == s || p[1] == '\0')
            return NULL;
          dot = TRUE;
        }
      else if (!g_ascii_isdigit (*p))
        return NULL;
    }
  return g_steal_pointer (&s);
}

gboolean
sec_application_validate (SecApplication  *application,
                          GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autofree char *score = NULL;

  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);

  if (!sec_record_validate (app, error))
    return FALSE;
  score = normalise_score (sec_record_get_string (app, "score"));
  if (score == NULL)
    {
      g_set_error (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_INVALID,
                   _("%s: “%s” is not a number"),
                   _(_sec_calls_field_of (SEC_TYPE_APPLICATION, "score")->label),
                   sec_record_get_string (app, "score"));
      return FALSE;
    }
  if (sec_record_get_bool (app, "eligibility-overridden") &&
      _sec_calls_is_empty (sec_record_get_string (app, "override-reason")))
    {
      g_set_error_literal (error, SEC_RECORD_ERROR, SEC_RECORD_ERROR_REQUIRED,
                           _("A reason is required when staff decide the eligibility"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_for_store (gboolean  ok,
                    GError  **error)
{
  if (!ok && error && *error && (*error)->domain == SEC_RECORD_ERROR)
    {
      (*error)->domain = SEC_STORE_ERROR;
      (*error)->code = SEC_STORE_ERROR_INVALID;
    }
  return ok;
}

/* An application's score and documents */

gboolean
sec_application_get_score (SecApplication *application,
                           double         *score)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);

  text = normalise_score (sec_record_get_string (SEC_RECORD (application), "score"));
  if (text == NULL || *text == '\0')
    return FALSE;
  if (score)
    *score = g_ascii_strtod (text, NULL);
  return TRUE;
}

GStrv
sec_application_dup_documents (SecApplication *application)
{
  g_return_val_if_fail (SEC_IS_APPLICATION (application), NULL);

  return _sec_calls_split_list (sec_record_get_string (SEC_RECORD (application), "documents"), "\n");
}

void
sec_application_set_documents (SecApplication     *application,
                               const char * const *documents)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (SEC_IS_APPLICATION (application));

  for (guint i = 0; documents && documents[i]; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (documents[i]));
      if (*line == '\0')
        continue;
      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  sec_record_set_string (SEC_RECORD (application), "documents", text->len ? text->str : NULL);
}

/* What is worked out for an application */

/* Sets the late flag, the call version (from @dates, the errata dates of
 * the call) and the eligibility check on @application. */
static gboolean
work_out (SecStore       *store,
          SecCall        *call,
          GStrv           dates,
          SecApplication *application,
          GError        **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(GDateTime) received = sec_application_get_received (application, call);
  g_autofree char *reason = NULL;
  g_autoptr(GError) local_error = NULL;
  SecEligibilityRule rule;
  SecEligibility result;
  guint version = 0;

  if (received != NULL)
    {
      /* Errata are dated in the call's zone: so is the day of receipt. */
      g_autoptr(GTimeZone) tz = _sec_calls_zone_for (_sec_call_zone (call));
      g_autoptr(GDateTime) there = g_date_time_to_timezone (received, tz);
      g_autofree char *day = g_date_time_format (there, "%Y-%m-%d");

      version = _sec_call_version_from_dates (dates, day);
    }
  sec_record_set_int (app, "call-version", (int) version);
  sec_record_set_bool (app, "late", sec_application_is_late (application, call));

  result = sec_call_check_eligibility (store, call, application, &rule, &reason, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sec_record_set_string (app, "checked-eligibility", sec_eligibility_to_nick (result));
  sec_record_set_string (app, "eligibility-rule", sec_eligibility_rule_to_nick (rule));
  sec_record_set_string (app, "eligibility-reason", reason);
  if (!sec_record_get_bool (app, "eligibility-overridden"))
    sec_record_set_string (app, "eligibility", sec_eligibility_to_nick (result));
  return TRUE;
}

static gboolean
normalise_application (SecApplication  *application,
                       GError         **error)
{
  g_autofree char *score = NULL;

  if (!validate_for_store (sec_application_validate (application, error), error))
    return FALSE;
  score = normalise_score (sec_record_get_string (SEC_RECORD (application), "score"));
  sec_record_set_string (SEC_RECORD (application), "score", *score ? score : NULL);
  return TRUE;
}

SecCall *
_sec_application_get_call (SecStore        *store,
                           SecApplication  *application,
                           GError         **error)
{
  return (SecCall *) sec_store_get (store, SEC_TYPE_CALL,
                                    sec_record_get_ref (SEC_RECORD (application), "call"), error);
}

gboolean
_sec_call_refresh_applications (SecStore  *store,
                                SecCall   *call,
                                GError   **error)
{
  gint64 call_id = sec_record_get_id (SEC_RECORD (call));
  g_autoptr(GPtrArray) apps = NULL;
  g_auto(GStrv) dates = NULL;

  if ((apps = sec_store_list_children (store, SEC_TYPE_APPLICATION, "call", call_id, NULL, error)) == NULL)
    return FALSE;
  if ((dates = _sec_call_errata_dates (store, call_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < apps->len; i++)
    {
      SecRecord *app = g_ptr_array_index (apps, i);
      g_autoptr(SecRecord) before = sec_record_copy (app);

      if (!work_out (store, call, dates, SEC_APPLICATION (app), error))
        return FALSE;
      if (!sec_record_equal (before, app) && !sec_store_update (store, app, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sec_call_refresh_applications (SecStore  *store,
                               SecCall   *call,
                               GError   **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (sec_record_get_id (SEC_RECORD (call)) > 0, FALSE);

  if (!sec_store_begin (store, error))
    return FALSE;
  if (!_sec_call_refresh_applications (store, call, error))
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return sec_store_commit (store, error);
}

static void
sync_status (SecCall *call)
{
  SecCallStatus status = sec_call_effective_status (call, NULL);

  sec_record_set_string (SEC_RECORD (call), "status", sec_call_status_to_nick (status));
}

gboolean
sec_call_save (SecStore  *store,
               SecCall   *call,
               GError   **error)
{
  g_autoptr(SecRecord) before = NULL;
  gboolean inserting;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_for_store (sec_call_validate (call, error), error))
    return FALSE;

  before = sec_record_copy (SEC_RECORD (call));
  inserting = sec_record_get_id (SEC_RECORD (call)) == 0;
  sync_status (call);
  if (!sec_store_begin (store, error))
    goto fail;
  if ((inserting ? !sec_store_insert (store, SEC_RECORD (call), error)
                 : !sec_store_update (store, SEC_RECORD (call), error)) ||
      (!inserting && !_sec_call_refresh_applications (store, call, error)) ||
      !sec_store_commit (store, error))
    goto rollback;
  return TRUE;

rollback:
  sec_store_rollback (store);
fail:
  if (inserting)
    _sec_record_set_id (SEC_RECORD (call), 0);
  _sec_calls_assign_fields (SEC_RECORD (call), before);
  return FALSE;
}

gboolean
sec_call_update_statuses (SecStore   *store,
                          GDateTime  *now,
                          GError    **error)
{
  g_autoptr(GPtrArray) calls = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);

  if ((calls = sec_store_list (store, SEC_TYPE_CALL, NULL, error)) == NULL)
    return FALSE;
  if (!sec_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < calls->len; i++)
    {
      SecRecord *call = g_ptr_array_index (calls, i);
      const char *status = sec_call_status_to_nick (sec_call_effective_status (SEC_CALL (call), now));

      if (g_strcmp0 (status, sec_record_get_string (call, "status")) == 0)
        continue;
      sec_record_set_string (call, "status", status);
      if (!sec_store_update (store, call, error))
        {
          sec_store_rollback (store);
          return FALSE;
        }
    }
  return sec_store_commit (store, error);
}

gboolean
sec_call_add_application (SecStore         *store,
                          SecCall          *call,
                          SecApplication   *application,
                          SecOrganisation  *new_organisation,
                          GError          **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;
  g_auto(GStrv) dates = NULL;
  gint64 call_id;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_CALL (call), FALSE);
  g_return_val_if_fail (sec_record_get_id (SEC_RECORD (call)) > 0, FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) == 0, FALSE);
  g_return_val_if_fail (new_organisation == NULL || SEC_IS_ORGANISATION (new_organisation), FALSE);
  g_return_val_if_fail (new_organisation == NULL || sec_record_get_id (SEC_RECORD (new_organisation)) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  call_id = sec_record_get_id (SEC_RECORD (call));
  before = sec_record_copy (app);
  sec_record_set_ref (app, "call", call_id);

  if (_sec_calls_is_empty (sec_record_get_string (app, "received-at")))
    {
      g_autoptr(GTimeZone) tz = _sec_calls_zone_for (_sec_application_receipt_zone (application, call));
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M");

      sec_record_set_string (app, "received-at", text);
    }

  if (!sec_store_begin (store, error))
    goto fail;
  if (new_organisation != NULL)
    {
      if (!sec_store_insert (store, SEC_RECORD (new_organisation), error))
        goto rollback;
      sec_record_set_ref (app, "organisation", sec_record_get_id (SEC_RECORD (new_organisation)));
    }
  if (sec_record_get_ref (app, "organisation") == 0)
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID, _("%s is required"),
                   _(_sec_calls_field_of (SEC_TYPE_APPLICATION, "organisation")->label));
      goto rollback;
    }
  if (!normalise_application (application, error) ||
      (dates = _sec_call_errata_dates (store, call_id, error)) == NULL ||
      !work_out (store, call, dates, application, error) ||
      !sec_store_insert (store, app, error) ||
      !sec_store_commit (store, error))
    goto rollback;
  return TRUE;

rollback:
  sec_store_rollback (store);
fail:
  /* Nothing was stored: neither record has an id. */
  _sec_record_set_id (app, 0);
  _sec_calls_assign_fields (app, before);
  if (new_organisation != NULL)
    _sec_record_set_id (SEC_RECORD (new_organisation), 0);
  return FALSE;
}

gboolean
sec_application_save (SecStore        *store,
                      SecApplication  *application,
                      GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;
  g_autoptr(SecCall) call = NULL;
  g_auto(GStrv) dates = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = sec_record_copy (app);
  if (!normalise_application (application, error))
    goto fail;
  if ((call = _sec_application_get_call (store, application, error)) == NULL)
    goto fail;
  if (!sec_store_begin (store, error))
    goto fail;
  if ((dates = _sec_call_errata_dates (store, sec_record_get_id (SEC_RECORD (call)), error)) == NULL ||
      !work_out (store, call, dates, application, error) ||
      !sec_store_update (store, app, error) ||
      !sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      goto fail;
    }
  return TRUE;

fail:
  _sec_calls_assign_fields (app, before);
  return FALSE;
}

gboolean
sec_application_override_eligibility (SecStore        *store,
                                      SecApplication  *application,
                                      SecEligibility   eligibility,
                                      const char      *reason,
                                      GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) > 0, FALSE);
  g_return_val_if_fail (eligibility <= SEC_ELIGIBILITY_NOT_ELIGIBLE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = sec_record_copy (app);
  if (eligibility == SEC_ELIGIBILITY_UNCHECKED)
    {
      sec_record_set_bool (app, "eligibility-overridden", FALSE);
      sec_record_set_string (app, "override-reason", NULL);
    }
  else
    {
      g_autofree char *text = g_strstrip (g_strdup (reason ? reason : ""));

      if (*text == '\0')
        return _sec_calls_fail_invalid (error, _("A reason is required when staff decide the eligibility"));
      sec_record_set_bool (app, "eligibility-overridden", TRUE);
      sec_record_set_string (app, "override-reason", text);
      sec_record_set_string (app, "eligibility", sec_eligibility_to_nick (eligibility));
    }
  if (!sec_application_save (store, application, error))
    {
      _sec_calls_assign_fields (app, before);
      return FALSE;
    }
  return TRUE;
}
