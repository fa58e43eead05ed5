/* sec-demo-meetings.c: the demo data's meetings, their agendas and participants
 *
 * See sec-demo.c for what is real and what is fictional. */
#define G_LOG_DOMAIN "sec-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/sec-demo-private.h"

/* Tables */

typedef struct {
  const char *title;
  const char *kind;
  const char *duration;
  const char *fixed_start;
  const char *description;
  const char *speakers[5];
} DemoItem;

typedef struct {
  const char *person;
  const char *role;
  const char *status;
  const char *substitute;
  const char *status_changed_on;
  const char *needs;
  const char *notes;
} DemoParticipant;

typedef struct {
  const char            *key;
  const char            *title;
  const char            *kind;
  const char            *starts_at;
  const char            *ends_at;
  const char            *venue;
  const char            *room;
  const char            *address;
  const char            *online_link;
  const char            *status;
  const char            *chair;
  const char            *co_chair;
  const char            *notes;
  const char            *invited_on;
  const char            *bodies[3];
  const DemoItem        *items;
  guint                  n_items;
  const DemoParticipant *participants;
  guint                  n_participants;
} DemoMeeting;

#define CCAB "European Commission, Albert Borschette Conference Centre"
#define CCAB_ADDRESS "Rue Froissart 36\n1040 Brussels"
#define ATC_OFFICE "Office of the EU Anti-trafficking Coordinator"

static const DemoItem items_2018[] = {
  { "Welcome and adoption of the agenda", "item", "15", "09:30", NULL,
    { "vassiliadou", "georgieva" } },
  { "Tour de table: developments in the Member States", "item", "75", NULL,
    "Each National Rapporteur or Equivalent Mechanism reports on national developments since "
    "the last meeting." },
  { "Coffee break", "break", "20" },
  { "Data collection on trafficking in human beings at national and EU level", "item", "70", NULL,
    NULL, { "virtanen", "degroot" } },
  { "Lunch", "lunch", "90" },
  { "Signing of the Joint Statement of commitment by the Heads of ten EU agencies", "signing", "60",
    "14:00",
    "Opened by Commissioner Dimitris Avramopoulos (by video), the Bulgarian Deputy Minister of "
    "Interior H.E. Mr Krasimir Tsipov, the Commission’s Deputy Director-General Olivier Onidi on "
    "behalf of the Director-General for Migration and Home Affairs Paraskevi Michou, and the "
    "Director of the European Institute for Gender Equality Virginija Langbakk.",
    { "tsipov", "onidi", "langbakk", "vassiliadou" } },
  { "Coffee break", "break", "15" },
  { "Follow-up of the December 2017 Communication stepping up EU action", "item", "60", NULL, NULL,
    { "vassiliadou" } },
  { "Conclusions and next meeting", "item", "15", NULL, NULL, { "vassiliadou", "georgieva" } },
};

static const DemoParticipant participants_2018[] = {
  { "vassiliadou", "chair", "attended" },
  { "georgieva", "co-chair", "attended" },
  { "tsipov", "speaker", "attended" },
  { "onidi", "speaker", "attended" },
  { "langbakk", "speaker", "attended" },
  { "virtanen", "speaker", "attended" },
  { "degroot", "speaker", "attended" },
  { "petrov", "participant", "attended" },
  { "papadopoulos", "participant", "attended-remotely" },
  { "skoda", "participant", "excused", NULL, "2018-06-11", NULL, "Apologies sent two days before." },
  { "astrom", "participant", "attended" },
  { "wojcik", "participant", "absent" },
  { "camilleri", "observer", "attended" },
  { "devries", "observer", "attended" },
  { "petrauskaite", "observer", "attended" },
  { "verhoeven", "organiser", "attended" },
};

static const DemoItem items_2025[] = {
  { "Welcome and adoption of the agenda", "item", "15", "09:30", NULL, { "vandenberghe" } },
  { "Tour de table: the organisations’ priorities for 2026", "item", "60" },
  { "Coffee break", "break", "20" },
  { "Identification of victims among applicants for international protection", "item", "70", NULL,
    NULL, { "osuilleabhain", "antoniou" } },
  { "Lunch", "lunch", "75" },
  { "Trafficking for labour exploitation in agriculture and care work", "item", "75", NULL,
    "Panel discussion, then questions from the floor.", { "mueller", "nunez", "ivanova" } },
  { "Coffee break", "break", "15" },
  { "Working with the National Rapporteurs: preparing the joint meeting", "item", "60", NULL, NULL,
    { "vandenberghe", "lukasiewicz" } },
  { "Conclusions and next steps", "item", "30", NULL, NULL, { "vandenberghe" } },
};

static const DemoParticipant participants_2025[] = {
  { "vandenberghe", "chair", "attended" },
  { "verhoeven", "organiser", "attended" },
  { "lukasiewicz", "speaker", "attended" },
  { "osuilleabhain", "speaker", "attended", NULL, NULL,
    "Step-free access; an accessible place at the table" },
  { "antoniou", "speaker", "attended" },
  { "mueller", "speaker", "attended", NULL, NULL, "Vegetarian meals" },
  { "nunez", "speaker", "attended", NULL, NULL, "Severe nut allergy: no nuts in the meals" },
  { "ivanova", "speaker", "attended-remotely" },
  { "dvorakova", "participant", "attended" },
  { "visser", "participant", "absent" },
  { "dubois", "participant", "excused", NULL, "2025-11-18" },
  { "ionescu", "participant", "declined", NULL, "2025-10-02" },
  { "hrusovska", "participant", "replaced", "balaz", "2025-11-10" },
  { "balaz", "participant", "attended", NULL, NULL, NULL, "Substitute for Ľubica Hrušovská." },
  { "toth", "participant", "attended" },
  { "makinen", "participant", "attended-remotely", NULL, NULL, "Live captioning" },
  { "jorgensen", "participant", "attended" },
  { "kask", "participant", "attended" },
  { "borg", "participant", "attended" },
  { "shevchenko", "participant", "attended-remotely" },
  { "hoxha", "observer", "attended" },
};

static const DemoItem items_2027[] = {
  { "Opening by the co-chairs", "item", "20", "09:30", NULL, { "vandenberghe", "kazlauskiene" } },
  { "Online recruitment of victims: findings of the National Rapporteurs and of civil society",
    "item", "70", NULL, NULL, { "degroot", "lukasiewicz" } },
  { "Coffee break", "break", "20" },
  { "Working groups: child victims; labour exploitation; assistance and support", "item", "90", NULL,
    "Three parallel groups, each with National Rapporteurs and civil society organisations." },
  { "Lunch", "lunch", "70" },
  { "Report-back from the working groups", "item", "60", NULL, NULL, { "jorgensen", "papadopoulos" } },
  { "Coffee break", "break", "15" },
  { "Data on trafficking in human beings: what the Member States collect", "item", "60", NULL, NULL,
    { "virtanen" } },
  { "Any other business and close", "item", "20", NULL, NULL, { "vandenberghe", "kazlauskiene" } },
};

static const DemoParticipant participants_2027[] = {
  { "vandenberghe", "chair", "confirmed", NULL, "2026-11-10" },
  { "kazlauskiene", "co-chair", "confirmed", NULL, "2026-11-12" },
  { "verhoeven", "organiser", "confirmed", NULL, "2026-11-10" },
  { "degroot", "speaker", "confirmed", NULL, "2026-11-13" },
  { "lukasiewicz", "speaker", "confirmed", NULL, "2026-11-13" },
  { "virtanen", "speaker", "registered", NULL, "2026-11-16" },
  { "papadopoulos", "speaker", "confirmed", NULL, "2026-11-14" },
  { "jorgensen", "speaker", "registered", NULL, "2026-11-18" },
  { "petrov", "participant", "invited" },
  { "skoda", "participant", "declined", NULL, "2026-11-11" },
  { "astrom", "participant", "registered", NULL, "2026-11-17" },
  { "wojcik", "participant", "invited" },
  { "nibhriain", "participant", "confirmed", NULL, "2026-11-12", "Gluten-free meals" },
  { "mueller", "participant", "registered", NULL, "2026-11-16", "Vegetarian meals" },
  { "osuilleabhain", "participant", "registered", NULL, "2026-11-15",
    "Step-free access; an accessible place at the table" },
  { "dvorakova", "participant", "replaced", "svoboda", "2026-11-19" },
  { "svoboda", "participant", "registered", NULL, "2026-11-19", NULL, "Substitute for Tereza Dvořáková." },
  { "kask", "participant", "invited" },
  { "borg", "participant", "excused", NULL, "2026-11-20" },
  { "antoniou", "participant", "invited" },
  { "shevchenko", "participant", "declined", NULL, "2026-11-14" },
};

static const DemoMeeting meetings[] = {
  { "2018", "Meeting of the EU Network of National Rapporteurs or Equivalent Mechanisms",
    "plenary", "2018-06-13T09:30", "2018-06-13T16:30", "European Commission", NULL, NULL, NULL,
    "held", "EU Anti-trafficking Coordinator", "Bulgarian Presidency of the Council of the EU",
    "The Heads of ten EU agencies signed their Joint Statement of commitment during this meeting.",
    "2018-04-20", { "nrem" },
    items_2018, G_N_ELEMENTS (items_2018), participants_2018, G_N_ELEMENTS (participants_2018) },
  { "2025", "Meeting of the EU Civil Society Platform against trafficking in human beings",
    "plenary", "2025-11-20T09:30", "2025-11-20T16:30", CCAB, "Room AB-0A", CCAB_ADDRESS, NULL,
    "held", ATC_OFFICE, NULL, NULL,
    "2025-09-15", { "platform" },
    items_2025, G_N_ELEMENTS (items_2025), participants_2025, G_N_ELEMENTS (participants_2025) },
  { "2027", "Joint meeting of the EU Civil Society Platform and the EU Network of National "
    "Rapporteurs or Equivalent Mechanisms",
    "joint-session", "2027-05-19T09:30", "2027-05-19T17:00", CCAB, "Room AB-0A", CCAB_ADDRESS,
    "https://meet.example.eu/secretariat/joint-2027-05", "planned", ATC_OFFICE,
    "Lithuanian Presidency of the Council of the EU",
    "Hybrid meeting: remote participation on request.",
    "2026-11-10", { "platform", "nrem" },
    items_2027, G_N_ELEMENTS (items_2027), participants_2027, G_N_ELEMENTS (participants_2027) },
};

/* Filling */

static void
add_meeting (Demo              *demo,
             const DemoMeeting *m)
{
  SecRecord *meeting;

  meeting = _sec_demo_add (demo, m->key, SEC_TYPE_MEETING,
                           "title", m->title,
                           "kind", m->kind,
                           "starts-at", m->starts_at,
                           "ends-at", m->ends_at,
                           "timezone", "Europe/Brussels",
                           "venue", m->venue,
                           "room", m->room,
                           "address", m->address,
                           "online-link", m->online_link,
                           "status", m->status,
                           "chair", m->chair,
                           "co-chair", m->co_chair,
                           "notes", m->notes,
                           NULL);

  for (guint i = 0; i < G_N_ELEMENTS (m->bodies) && m->bodies[i] != NULL; i++)
    _sec_demo_add (demo, NULL, SEC_TYPE_MEETING_BODY,
                   "meeting", meeting,
                   "body", _sec_demo_find (demo, SEC_TYPE_BODY, m->bodies[i]),
                   NULL);

  for (guint i = 0; i < m->n_items; i++)
    {
      const DemoItem *item = &m->items[i];
      char position[16];
      SecRecord *record;

      g_snprintf (position, sizeof position, "%u", i + 1);
      record = _sec_demo_add (demo, NULL, SEC_TYPE_AGENDA_ITEM,
                              "meeting", meeting,
                              "position", position,
                              "title", item->title,
                              "description", item->description,
                              "kind", item->kind,
                              "duration", item->duration,
                              "fixed-start", item->fixed_start,
                              NULL);

      for (guint s = 0; s < G_N_ELEMENTS (item->speakers) && item->speakers[s] != NULL; s++)
        {
          g_snprintf (position, sizeof position, "%u", s + 1);
          _sec_demo_add (demo, NULL, SEC_TYPE_AGENDA_SPEAKER,
                         "agenda-item", record,
                         "person", _sec_demo_find (demo, SEC_TYPE_PERSON, item->speakers[s]),
                         "position", position,
                         NULL);
        }
    }

  for (guint i = 0; i < m->n_participants; i++)
    {
      const DemoParticipant *p = &m->participants[i];
      const char *organisation = _sec_demo_person_organisation (p->person);
      g_autofree char *changed_on = NULL;

      /* A held meeting recorded attendance on the day. */
      if (p->status_changed_on != NULL)
        changed_on = g_strdup (p->status_changed_on);
      else if (g_str_equal (m->status, "held"))
        changed_on = g_strndup (m->starts_at, 10);

      _sec_demo_add (demo, NULL, SEC_TYPE_PARTICIPANT,
                     "meeting", meeting,
                     "person", _sec_demo_find (demo, SEC_TYPE_PERSON, p->person),
                     "organisation", _sec_demo_find (demo, SEC_TYPE_ORGANISATION, organisation),
                     "role", p->role,
                     "status", p->status,
                     "substitute", _sec_demo_find (demo, SEC_TYPE_PERSON, p->substitute),
                     "invited-on", m->invited_on,
                     "status-changed-on", changed_on,
                     "needs", p->needs,
                     "notes", p->notes,
                     NULL);
    }
}

/* Private API */

/* Each meeting with its bodies, agenda and participants, after the people. */
void
_sec_demo_add_meetings (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
    add_meeting (demo, &meetings[i]);
}
