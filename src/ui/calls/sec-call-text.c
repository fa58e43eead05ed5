/* sec-call-text.c: the words the call's widgets share
 *
 * The call's tools and its applications window say the same things: the
 * label of a stored choice, an application's organisation and what its
 * eligibility rests on, how many applications there are.
 */
#define G_LOG_DOMAIN "sec-call-text"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/calls/sec-call-text.h"
#include "core/store/sec-query.h"

const char *
sec_call_text_choice_label (GType       kind,
                            const char *field,
                            const char *nick)
{
  const SecField *f = sec_kind_find_field (sec_kind_from_type (kind), field);
  const char *label = f != NULL && nick != NULL ? sec_field_choice_label (f, nick) : NULL;

  return label != NULL ? label : (nick != NULL ? nick : "");
}

char *
sec_call_text_dup_organisation_name (SecRecord *application)
{
  const char *name = sec_record_get_derived (application, "organisation-name");

  return g_strdup (name != NULL && *name != '\0' ? name : _("An organisation that no longer exists"));
}

/* What the eligibility rests on: staff's reason, or the rule that failed
 * and why; "" for an application the check found eligible. */
char *
sec_call_text_dup_eligibility_detail (SecRecord *application)
{
  const char *reason = sec_record_get_string (application, "eligibility-reason");
  const char *rule = sec_record_get_string (application, "eligibility-rule");
  g_autoptr(GString) text = g_string_new (NULL);

  if (sec_record_get_bool (application, "eligibility-overridden"))
    {
      const char *override = sec_record_get_string (application, "override-reason");
      const char *checked = sec_record_get_string (application, "checked-eligibility");

      /* Translators: why staff decided an application's eligibility */
      g_string_append_printf (text, _("Decided by staff: %s"), override != NULL ? override : "");
      if (g_strcmp0 (checked, sec_record_get_string (application, "eligibility")) != 0)
        {
          g_string_append (text, _(" · "));
          /* Translators: what the automatic check had found, "The check found: Not eligible" */
          g_string_append_printf (text, _("The check found: %s"),
                                  sec_call_text_choice_label (SEC_TYPE_APPLICATION, "checked-eligibility", checked));
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  /* The rule is on the status line; the reason says how it failed. */
  if (reason != NULL && *reason != '\0')
    g_string_append (text, reason);
  else if (rule != NULL && *rule != '\0')
    g_string_append (text, sec_call_text_choice_label (SEC_TYPE_APPLICATION, "eligibility-rule", rule));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gint64
sec_call_text_count_applications (SecStore   *store,
                                  SecCall    *call,
                                  const char *field,
                                  const char *value)
{
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (SEC_RECORD (call)));

  sec_query_add (query, "call", SEC_QUERY_EQUALS, id);
  if (field != NULL)
    sec_query_add (query, field, SEC_QUERY_EQUALS, value);
  return MAX (sec_store_count (store, SEC_TYPE_APPLICATION, query, NULL), 0);
}
