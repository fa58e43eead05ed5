/* sec-call-selection.c: selecting applications, and the geographical
 * balance of a body's members and a call's applicants */
#define G_LOG_DOMAIN "sec-calls"

#include "config.h"

#include <glib/gi18n.h>

#include "core/calls/sec-calls.h"
#include "core/calls/sec-calls-private.h"
#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/store/sec-store-calls.h"

/* Ends a failed selection or its undoing: rolls back the transaction and
 * puts @app back as @before. */
static gboolean
roll_back (SecStore  *store,
           SecRecord *app,
           SecRecord *before)
{
  sec_store_rollback (store);
  _sec_calls_assign_fields (app, before);
  return FALSE;
}

/* Gives @app its @membership_id and @outcome, writes it and commits the
 * transaction the caller began (or rolls it back). */
static gboolean
set_outcome (SecStore    *store,
             SecRecord   *app,
             SecRecord   *before,
             gint64       membership_id,
             const char  *outcome,
             GError     **error)
{
  sec_record_set_ref (app, "membership", membership_id);
  sec_record_set_string (app, "outcome", outcome);
  if (!sec_store_update (store, app, error) || !sec_store_commit (store, error))
    return roll_back (store, app, before);
  return TRUE;
}

gboolean
sec_application_select (SecStore        *store,
                        SecApplication  *application,
                        const char      *joined_on,
                        GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;
  g_autoptr(SecCall) call = NULL;
  g_autoptr(SecRecord) membership = NULL;
  g_autofree char *today = NULL;
  gint64 org_id, body_id, existing;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (joined_on == NULL)
    joined_on = today = sec_today ();
  if (!sec_check_date (joined_on))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a valid date (year-month-day)"),
                   _(_sec_calls_field_of (SEC_TYPE_MEMBERSHIP, "joined-on")->label), joined_on);
      return FALSE;
    }
  if (sec_record_get_ref (app, "membership") != 0)
    return _sec_calls_fail_invalid (error, _("This application is already selected: its organisation became a member through it"));
  if ((call = _sec_application_get_call (store, application, error)) == NULL)
    return FALSE;

  org_id = sec_record_get_ref (app, "organisation");
  body_id = sec_record_get_ref (SEC_RECORD (call), "body");
  existing = sec_store_find_active_membership (store, org_id, body_id, joined_on, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_autoptr(SecRecord) m = sec_store_get (store, SEC_TYPE_MEMBERSHIP, existing, NULL);
      /* Translators: "Fundacja Łódź is already a member of Platform" */
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_CONSTRAINT,
                   _("%s is already a member of %s"),
                   m ? sec_record_get_derived (m, "organisation-name") : "?",
                   m ? sec_record_get_derived (m, "body-name") : "?");
      return FALSE;
    }

  before = sec_record_copy (app);
  membership = sec_record_new (SEC_TYPE_MEMBERSHIP);
  sec_record_set_ref (membership, "organisation", org_id);
  sec_record_set_ref (membership, "body", body_id);
  sec_record_set_string (membership, "joined-on", joined_on);
  sec_record_set_ref (membership, "call", sec_record_get_id (SEC_RECORD (call)));
  sec_record_set_string (membership, "status", "active");

  if (!sec_store_begin (store, error))
    return FALSE;
  if (!sec_store_insert (store, membership, error))
    return roll_back (store, app, before);
  return set_outcome (store, app, before, sec_record_get_id (membership), "selected", error);
}

gboolean
sec_application_unselect (SecStore        *store,
                          SecApplication  *application,
                          GError         **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) before = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 membership_id;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (sec_record_get_id (app) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = sec_record_copy (app);
  membership_id = sec_record_get_ref (app, "membership");
  if (!sec_store_begin (store, error))
    return FALSE;
  if (membership_id != 0 &&
      !sec_store_delete (store, SEC_TYPE_MEMBERSHIP, membership_id, &local_error) &&
      !g_error_matches (local_error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return roll_back (store, app, before);
    }
  return set_outcome (store, app, before, 0, "pending", error);
}

/* Geographical balance */

/* The row of @country, made at the end of @extra when it has none yet. */
static SecCountryBalance *
balance_row (GHashTable *rows,
             GArray     *extra,
             const char *country)
{
  SecCountryBalance *row = g_hash_table_lookup (rows, country);

  if (row == NULL)
    {
      SecCountryBalance fresh = { { 0 }, FALSE, 0, 0, 0 };

      g_strlcpy (fresh.country, country, sizeof fresh.country);
      fresh.member_state = sec_country_is_eu (country);
      g_array_append_val (extra, fresh);
      row = &g_array_index (extra, SecCountryBalance, extra->len - 1);
      g_hash_table_insert (rows, row->country, row);
    }
  return row;
}

static const char *
display_name (const char *code)
{
  const char *name = sec_country_name (code);

  return name ? name : code;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  const SecCountryBalance *x = a, *y = b;

  /* Unknown country last. */
  if (*x->country == '\0' || *y->country == '\0')
    return (*x->country == '\0') - (*y->country == '\0');
  return g_utf8_collate (display_name (x->country), display_name (y->country));
}

GArray *
sec_body_dup_country_balance (SecStore         *store,
                              gint64            body_id,
                              gint64            call_id,
                              const char       *on_date,
                              SecBalanceOrder   order,
                              GError          **error)
{
  g_autoptr(GArray) members = NULL;
  g_autoptr(GArray) applications = NULL;
  g_autoptr(GArray) eu = NULL;
  g_autoptr(GArray) others = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *today = NULL;
  const char *const *member_states = sec_countries_eu ();
  GArray *result;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (on_date == NULL)
    on_date = today = sec_today ();
  if (!sec_check_date (on_date))
    {
      g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date (year-month-day)"), on_date);
      return NULL;
    }

  if ((members = sec_store_count_members_by_country (store, body_id, on_date, error)) == NULL)
    return NULL;
  if (call_id <= 0)
    applications = g_array_new (FALSE, FALSE, sizeof (SecCountryCount));
  else if ((applications = sec_store_count_applications_by_country (store, call_id, error)) == NULL)
    return NULL;

  /* Rows for the 27 first, then whatever else occurs. The arrays are
   * sized so that appending never moves the rows the table points to. */
  eu = g_array_sized_new (FALSE, TRUE, sizeof (SecCountryBalance), 27);
  for (guint i = 0; member_states[i]; i++)
    balance_row (rows, eu, member_states[i]);
  others = g_array_sized_new (FALSE, TRUE, sizeof (SecCountryBalance), members->len + applications->len);
  for (guint i = 0; i < members->len; i++)
    {
      SecCountryCount *c = &g_array_index (members, SecCountryCount, i);

      balance_row (rows, others, c->country)->members += c->count;
    }
  for (guint i = 0; i < applications->len; i++)
    {
      SecCountryCount *c = &g_array_index (applications, SecCountryCount, i);
      SecCountryBalance *row = balance_row (rows, others, c->country);

      row->applications += c->count;
      row->selected += c->selected;
    }

  if (order == SEC_BALANCE_BY_NAME)
    g_array_sort (eu, compare_by_name);
  g_array_sort (others, compare_by_name);

  result = g_array_sized_new (FALSE, TRUE, sizeof (SecCountryBalance), eu->len + others->len);
  g_array_append_vals (result, eu->data, eu->len);
  g_array_append_vals (result, others->data, others->len);
  return result;
}

GArray *
sec_call_dup_country_balance (SecStore         *store,
                              SecCall          *call,
                              const char       *on_date,
                              SecBalanceOrder   order,
                              GError          **error)
{
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  return sec_body_dup_country_balance (store, sec_record_get_ref (SEC_RECORD (call), "body"),
                                       sec_record_get_id (SEC_RECORD (call)), on_date, order, error);
}
