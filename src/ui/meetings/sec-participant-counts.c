/* sec-participant-counts.c: how many participants a meeting has, in words
 *
 * The meeting list, the meeting page and the participants window each
 * said it their own way: "20 confirmed" in the list counted those
 * confirmed and those who attended, where the page said "Confirmed: 16 ·
 * Attended: 4". One text, made here, reads the same in all three.
 */
#define G_LOG_DOMAIN "sec-participant-counts"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-format.h"
#include "core/meetings/sec-invitations.h"
#include "core/store/sec-records.h"
#include "ui/meetings/sec-participant-counts.h"

static const char *const taking_part[] = { "confirmed", "attended", "attended-remotely", NULL };

gboolean
sec_participant_counts_is_taking_part (const char *status)
{
  return status != NULL && g_strv_contains (taking_part, status);
}

char *
sec_participant_counts_format_taking_part (gint64 n)
{
  g_autofree char *count = sec_format_count (n);

  /* Translators: participants of a meeting who confirmed or attended, "20 taking part" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s taking part", "%s taking part", (gulong) n), count);
}

/* "Confirmed: 16" */
static void
append_count (GString        *text,
              const SecField *status,
              SecStatusCount *c)
{
  g_autofree char *number = sec_format_count (c->count);

  /* Translators: a participant status and how many have it, "Confirmed: 12" */
  g_string_append_printf (text, _("%s: %s"), sec_field_choice_label (status, c->status), number);
}

/**
 * sec_participant_counts_describe:
 *
 * Returns: (transfer full) (nullable): the counts in words
 */
char *
sec_participant_counts_describe (SecStore  *store,
                                 gint64     meeting_id,
                                 GError   **error)
{
  const SecField *status = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_PARTICIPANT), "status");
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GString) parts = g_string_new (NULL);
  g_autoptr(GString) others = g_string_new (NULL);
  gint64 taking = 0;

  g_return_val_if_fail (SEC_IS_STORE (store), NULL);

  if ((counts = sec_participants_count_statuses (store, meeting_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < counts->len; i++)
    {
      SecStatusCount *c = &g_array_index (counts, SecStatusCount, i);
      GString *text = sec_participant_counts_is_taking_part (c->status) ? parts : others;

      if (text->len > 0)
        g_string_append (text, _(" · "));
      append_count (text, status, c);
      if (text == parts)
        taking += c->count;
    }

  if (taking > 0)
    {
      g_autofree char *total = sec_participant_counts_format_taking_part (taking);
      g_autofree char *breakdown = g_strdup (parts->str);

      /* Translators: those taking part, then how many of them at each status: "20 taking part (Confirmed: 16 · Attended: 4)" */
      g_string_printf (parts, _("%s (%s)"), total, breakdown);
    }
  if (parts->len > 0 && others->len > 0)
    g_string_append (parts, _(" · "));
  g_string_append (parts, others->str);
  return g_string_free (g_steal_pointer (&parts), FALSE);
}
