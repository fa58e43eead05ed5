/* sec-call-eligibility.c: a call's eligibility rules and the check of an
 * application against them */
#define G_LOG_DOMAIN "sec-calls"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/calls/sec-calls.h"
#include "core/calls/sec-calls-private.h"
#include "core/base/sec-countries.h"
#include "core/base/sec-fold.h"

/* "A", "A and B", "A, B and C"; @pair_format is the translated "%s and %s"
 * or "%s or %s". */
static char *
join_words (GPtrArray  *words,
            const char *pair_format)
{
  g_autoptr(GString) head = g_string_new (NULL);

  if (words->len == 0)
    return g_strdup ("");
  if (words->len == 1)
    return g_strdup (g_ptr_array_index (words, 0));
  for (guint i = 0; i + 1 < words->len; i++)
    {
      if (i > 0)
        /* Translators: separates the items of a list but the last two: "Denmark, Estonia and Malta" */
        g_string_append (head, _(", "));
      g_string_append (head, g_ptr_array_index (words, i));
    }
  return g_strdup_printf (pair_format, head->str, (char *) g_ptr_array_index (words, words->len - 1));
}

GStrv
sec_call_dup_eligible_kinds (SecCall *call)
{
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  return _sec_calls_split_list (sec_record_get_string (SEC_RECORD (call), "eligible-kinds"), ",");
}

void
sec_call_set_eligible_kinds (SecCall            *call,
                             const char * const *kinds)
{
  g_autofree char *joined = NULL;

  g_return_if_fail (SEC_IS_CALL (call));

  joined = kinds ? g_strjoinv (",", (char **) kinds) : NULL;
  sec_record_set_string (SEC_RECORD (call), "eligible-kinds", _sec_calls_is_empty (joined) ? NULL : joined);
}

GStrv
sec_call_dup_eligible_countries (SecCall *call)
{
  g_auto(GStrv) codes = NULL;

  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  codes = _sec_calls_split_list (sec_record_get_string (SEC_RECORD (call), "eligible-countries"), ",; ");
  for (guint i = 0; codes[i]; i++)
    {
      char *up = g_ascii_strup (codes[i], -1);
      g_free (codes[i]);
      codes[i] = up;
    }
  return g_steal_pointer (&codes);
}

GStrv
sec_call_dup_focus_topics (SecCall *call)
{
  g_return_val_if_fail (SEC_IS_CALL (call), NULL);

  return _sec_calls_split_list (sec_record_get_string (SEC_RECORD (call), "thematic-focus"), ",;");
}

static char *
quoted_list (GStrv items, const char *pair_format)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; items[i]; i++)
    /* Translators: a quoted word in a sentence */
    g_ptr_array_add (words, g_strdup_printf (_("“%s”"), items[i]));
  return join_words (words, pair_format);
}

SecEligibility
sec_call_check_eligibility (SecStore           *store,
                            SecCall            *call,
                            SecApplication     *application,
                            SecEligibilityRule *rule,
                            char              **reason,
                            GError            **error)
{
  SecRecord *app = (SecRecord *) application;
  g_autoptr(SecRecord) org = NULL;
  g_auto(GStrv) countries = NULL;
  g_auto(GStrv) kinds = NULL;
  g_auto(GStrv) topics = NULL;
  SecEligibilityRule undecided = SEC_ELIGIBILITY_RULE_NONE;
  g_autofree char *undecided_reason = NULL;

  g_return_val_if_fail (SEC_IS_STORE (store), SEC_ELIGIBILITY_UNCHECKED);
  g_return_val_if_fail (SEC_IS_CALL (call), SEC_ELIGIBILITY_UNCHECKED);
  g_return_val_if_fail (SEC_IS_APPLICATION (application), SEC_ELIGIBILITY_UNCHECKED);
  g_return_val_if_fail (error == NULL || *error == NULL, SEC_ELIGIBILITY_UNCHECKED);

  if (rule)
    *rule = SEC_ELIGIBILITY_RULE_NONE;
  if (reason)
    *reason = NULL;

#define FAIL(r, text) G_STMT_START {     \
    if (rule) *rule = (r);               \
    if (reason) *reason = (text);        \
    else g_free (text);                  \
    return SEC_ELIGIBILITY_NOT_ELIGIBLE; \
  } G_STMT_END

  org = sec_store_get (store, SEC_TYPE_ORGANISATION, sec_record_get_ref (app, "organisation"), error);
  if (org == NULL)
    return SEC_ELIGIBILITY_UNCHECKED;

  /* The deadline. */
  if (sec_application_is_late (application, call))
    {
      g_autofree char *deadline = sec_call_format_deadline (call);
      g_autofree char *received = _sec_calls_format_in_zone (sec_record_get_string (app, "received-at"),
                                                             _sec_application_receipt_zone (application, call));
      /* Translators: why an application is not eligible: "Deadline 25 April 2018, 23:59 (Europe/Brussels): received 26 April 2018, 00:10 (Europe/Brussels)" */
      FAIL (SEC_ELIGIBILITY_RULE_DEADLINE, g_strdup_printf (_("Deadline %s: received %s"), deadline, received));
    }

  /* The countries. */
  countries = sec_call_dup_eligible_countries (call);
  if (countries[0] != NULL)
    {
      const char *country = sec_record_get_string (org, "country");
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; countries[i]; i++)
        {
          const char *name = sec_country_name (countries[i]);
          g_ptr_array_add (names, g_strdup (name ? name : countries[i]));
        }
      /* Translators: joins the last two items of a list: "Denmark, Estonia and Malta" */
      list = join_words (names, _("%s and %s"));

      if (_sec_calls_is_empty (country))
        {
          undecided = SEC_ELIGIBILITY_RULE_COUNTRY;
          /* Translators: %s is a list of countries, "Denmark, Estonia and Malta" */
          undecided_reason = g_strdup_printf (_("%s only: the organisation’s country is not recorded"), list);
        }
      else if (!g_strv_contains ((const char * const *) countries, country))
        {
          const char *name = sec_country_name (country);
          /* Translators: "Denmark, Estonia and Malta only: the organisation is based in Poland" */
          FAIL (SEC_ELIGIBILITY_RULE_COUNTRY,
                g_strdup_printf (_("%s only: the organisation is based in %s"), list, name ? name : country));
        }
    }

  /* The kinds of organisation. */
  kinds = sec_call_dup_eligible_kinds (call);
  if (kinds[0] != NULL)
    {
      const char *kind = sec_record_get_string (org, "kind");

      if (!g_strv_contains ((const char * const *) kinds, kind ? kind : ""))
        {
          const SecField *f = _sec_calls_field_of (SEC_TYPE_ORGANISATION, "kind");
          g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *list = NULL;
          const char *label = sec_field_choice_label (f, kind);

          for (guint i = 0; kinds[i]; i++)
            {
              const char *l = sec_field_choice_label (f, kinds[i]);
              g_ptr_array_add (labels, g_strdup (l ? l : kinds[i]));
            }
          /* Translators: joins the last two items of a list of alternatives: "Civil society organisation or Other" */
          list = join_words (labels, _("%s or %s"));
          /* Translators: "Civil society organisation only: the organisation is registered as “EU agency”" */
          FAIL (SEC_ELIGIBILITY_RULE_ORGANISATION_KIND,
                g_strdup_printf (_("%s only: the organisation is registered as “%s”"), list, label ? label : kind));
        }
    }

  /* The thematic focus. */
  topics = sec_call_dup_focus_topics (call);
  if (topics[0] != NULL)
    {
      const char *areas = sec_record_get_string (app, "thematic-areas");
      /* Translators: joins the last two items of a list of alternatives: "“child victims” or “labour exploitation”" */
      g_autofree char *list = quoted_list (topics, _("%s or %s"));

      if (_sec_calls_is_empty (areas))
        {
          if (undecided == SEC_ELIGIBILITY_RULE_NONE)
            {
              undecided = SEC_ELIGIBILITY_RULE_THEMATIC_FOCUS;
              /* Translators: %s is the call's thematic focus, "“child victims”" */
              undecided_reason = g_strdup_printf (_("Thematic focus on %s: the application does not state its thematic areas"), list);
            }
        }
      else
        {
          g_autofree char *folded_areas = sec_fold (areas);
          gboolean match = FALSE;

          for (guint i = 0; topics[i] && !match; i++)
            {
              g_autofree char *folded = sec_fold (topics[i]);
              match = *folded != '\0' && strstr (folded_areas, folded) != NULL;
            }
          if (!match)
            /* Translators: "Thematic focus on “child victims”: the application states “labour exploitation”" */
            FAIL (SEC_ELIGIBILITY_RULE_THEMATIC_FOCUS,
                  g_strdup_printf (_("Thematic focus on %s: the application states “%s”"), list, areas));
        }
    }
#undef FAIL

  if (undecided != SEC_ELIGIBILITY_RULE_NONE)
    {
      if (rule)
        *rule = undecided;
      if (reason)
        *reason = g_steal_pointer (&undecided_reason);
      return SEC_ELIGIBILITY_UNCHECKED;
    }
  return SEC_ELIGIBILITY_ELIGIBLE;
}
