/* sec-demo-minutes.c: the minutes of the demo's held meeting of 2025 and
 * its action points, some done, some still open and so carried onto the
 * joint meeting of 2027 (fictional, as that meeting is). */
#define G_LOG_DOMAIN "sec-demo-minutes"

#include "config.h"

#include "cli/sec-demo-private.h"
#include "core/meetings/sec-agenda.h"
#include "core/meetings/sec-delegates.h"

typedef struct {
  guint       item;       /* position of the item in the 2025 agenda */
  const char *summary;
  const char *decisions;
} DemoMinutes;

typedef struct {
  guint       item;       /* 0: of the meeting as a whole */
  const char *what;
  const char *owner;
  const char *who;        /* a person's or organisation's key, or NULL */
  const char *due_on;
  const char *status;
  const char *closed_on;
} DemoActionPoint;

static const DemoMinutes minutes_2025[] = {
  { 1, "The Coordinator opened the meeting and welcomed the new members selected in 2025. "
       "The agenda was adopted without changes.", NULL },
  { 2, "Each organisation set out its priorities for 2026. Labour exploitation, online "
       "recruitment and the identification of child victims came up most often.",
       "The Platform will organise its 2026 work around three themes: labour exploitation, "
       "online recruitment, child victims." },
  { 4, "Speakers described how victims are identified during asylum procedures in Ireland and "
       "Greece, and the training given to case workers.\n\n"
       "Participants asked for referral practices to be shared between Member States.",
       "A short paper on referral practices will be prepared for the joint meeting." },
  { 6, "The panel presented cases from agriculture and home care. Questions from the floor "
       "concerned seasonal workers’ housing and labour inspections.", NULL },
  { 8, "The Platform discussed the themes it proposes for the joint meeting with the National "
       "Rapporteurs.",
       "The Platform proposes online recruitment of victims as the main theme of the joint meeting." },
};

static const DemoActionPoint points_2025[] = {
  { 0, "Circulate the minutes to the members", "secretariat", NULL, "2025-12-05", "done", "2025-12-03" },
  { 2, "Send each organisation’s priorities for 2026 in writing", "organisation", "lodz", "2026-01-15", "done",
    "2026-01-12" },
  { 4, "Prepare a short paper on referral practices between Member States", "person", "osuilleabhain",
    "2026-03-31", "open", NULL },
  { 6, "Collect examples of housing conditions of seasonal workers", "organisation", "sevilla", "2026-02-28",
    "open", NULL },
  { 8, "Propose the agenda of the joint meeting to the co-chairs", "secretariat", NULL, "2027-03-15", "open",
    NULL },
  { 8, "Ask the National Rapporteurs for a speaker on data collection", "person", "lukasiewicz", NULL,
    "dropped", "2026-06-02" },
};

/* Delegates and alternates of some Platform members: the joint meeting's
 * list then says who represents each of them. */
static const struct {
  const char *organisation;
  const char *delegate;
  const char *alternate;
} representatives[] = {
  { "lodz", "lukasiewicz", "nowak" },
  { "brno", "dvorakova", "svoboda" },
  { "nuernberg", "mueller", "schaefer" },
};

static void
add_representatives (Demo *demo)
{
  SecRecord *body = _sec_demo_find (demo, SEC_TYPE_BODY, "platform");

  for (guint i = 0; i < G_N_ELEMENTS (representatives) && demo->error == NULL; i++)
    {
      SecRecord *organisation = _sec_demo_find (demo, SEC_TYPE_ORGANISATION, representatives[i].organisation);
      SecRecord *delegate = _sec_demo_find (demo, SEC_TYPE_PERSON, representatives[i].delegate);
      SecRecord *alternate = _sec_demo_find (demo, SEC_TYPE_PERSON, representatives[i].alternate);
      g_autoptr(SecQuery) query = sec_query_new ();
      g_autoptr(GPtrArray) memberships = NULL;
      g_autofree char *organisation_id = NULL;
      g_autofree char *body_id = NULL;
      gint64 alternate_id;

      if (demo->error != NULL)
        return;
      organisation_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (organisation));
      body_id = g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (body));
      sec_query_add (query, "organisation", SEC_QUERY_EQUALS, organisation_id);
      sec_query_add (query, "body", SEC_QUERY_EQUALS, body_id);
      if ((memberships = sec_store_list (demo->store, SEC_TYPE_MEMBERSHIP, query, &demo->error)) == NULL)
        return;
      g_assert (memberships->len == 1);
      alternate_id = sec_record_get_id (alternate);
      if (!sec_membership_set_representatives (demo->store, sec_record_get_id (g_ptr_array_index (memberships, 0)),
                                               sec_record_get_id (delegate), &alternate_id, 1, &demo->error))
        return;
    }
}

void
_sec_demo_add_minutes (Demo *demo)
{
  SecRecord *meeting = _sec_demo_find (demo, SEC_TYPE_MEETING, "2025");
  g_autoptr(GPtrArray) items = NULL;

  add_representatives (demo);
  if (demo->error != NULL || meeting == NULL)
    return;
  if ((items = sec_agenda_list_items (demo->store, sec_record_get_id (meeting), &demo->error)) == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (minutes_2025); i++)
    {
      const DemoMinutes *m = &minutes_2025[i];

      g_assert (m->item >= 1 && m->item <= items->len);
      _sec_demo_add (demo, NULL, SEC_TYPE_MINUTES,
                     "agenda-item", g_ptr_array_index (items, m->item - 1),
                     "summary", m->summary,
                     "decisions", m->decisions,
                     NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (points_2025); i++)
    {
      const DemoActionPoint *p = &points_2025[i];
      gboolean person = g_strcmp0 (p->owner, "person") == 0;
      gboolean organisation = g_strcmp0 (p->owner, "organisation") == 0;

      g_assert (p->item <= items->len);
      _sec_demo_add (demo, NULL, SEC_TYPE_ACTION_POINT,
                     "meeting", meeting,
                     "agenda-item", p->item > 0 ? g_ptr_array_index (items, p->item - 1) : NULL,
                     "what", p->what,
                     "owner", p->owner,
                     "person", person ? _sec_demo_find (demo, SEC_TYPE_PERSON, p->who) : NULL,
                     "organisation", organisation ? _sec_demo_find (demo, SEC_TYPE_ORGANISATION, p->who) : NULL,
                     "due-on", p->due_on,
                     "status", p->status,
                     "closed-on", p->closed_on,
                     NULL);
    }
}
