/* sec-records.c: the field tables of every record kind
 *
 * A field's name is its GObject property; its SQL column is the same with
 * '_' for '-' (and "_id" after references). The tables must match the
 * schema in sec-schema.c; tests/test-store.c checks that they do.
 */
#define G_LOG_DOMAIN "sec-records"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-records.h"
#include "core/store/sec-records-private.h"

#define N_FIELDS(a) G_N_ELEMENTS (a)

/* Choices */

static const SecChoice organisation_kinds[] = {
  { "civil-society", N_("Civil society organisation") },
  { "nrem", N_("National rapporteur or equivalent mechanism") },
  { "eu-agency", N_("EU agency") },
  { "eu-institution", N_("EU institution") },
  { "member-state", N_("Member State authority") },
  { "international", N_("International organisation") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const SecChoice membership_statuses[] = {
  { "active", N_("Active") },
  { "suspended", N_("Suspended") },
  { "ended", N_("Ended") },
  { NULL, NULL }
};

static const SecChoice meeting_kinds[] = {
  { "plenary", N_("Plenary") },
  { "joint-session", N_("Joint session") },
  { "working-group", N_("Working group") },
  { "online", N_("Online") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const SecChoice meeting_statuses[] = {
  { "draft", N_("Draft") },
  { "planned", N_("Planned") },
  { "invitations-sent", N_("Invitations sent") },
  { "held", N_("Held") },
  { "cancelled", N_("Cancelled") },
  { NULL, NULL }
};

static const SecChoice agenda_statuses[] = {
  { "draft", N_("Draft") },
  { "final", N_("Final") },
  { NULL, NULL }
};

static const SecChoice agenda_item_kinds[] = {
  { "item", N_("Item") },
  { "break", N_("Break") },
  { "lunch", N_("Lunch") },
  { "signing", N_("Signing") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const SecChoice participant_roles[] = {
  { "chair", N_("Chair") },
  { "co-chair", N_("Co-chair") },
  { "speaker", N_("Speaker") },
  { "participant", N_("Participant") },
  { "observer", N_("Observer") },
  { "organiser", N_("Organiser") },
  { NULL, NULL }
};

static const SecChoice participant_statuses[] = {
  { "invited", N_("Invited") },
  { "registered", N_("Registered") },
  { "confirmed", N_("Confirmed") },
  { "declined", N_("Declined") },
  { "attended", N_("Attended") },
  { "attended-remotely", N_("Attended remotely") },
  { "excused", N_("Excused") },
  { "absent", N_("Absent") },
  { "replaced", N_("Replaced by a substitute") },
  { NULL, NULL }
};

static const SecChoice call_kinds[] = {
  { "open", N_("Open") },
  { "targeted", N_("Targeted") },
  { NULL, NULL }
};

static const SecChoice call_statuses[] = {
  { "draft", N_("Draft") },
  { "open", N_("Open") },
  { "closed", N_("Closed") },
  { "evaluation", N_("Under evaluation") },
  { "decided", N_("Decided") },
  { NULL, NULL }
};

static const SecChoice eligibilities[] = {
  { "unchecked", N_("Not checked yet") },
  { "eligible", N_("Eligible") },
  { "not-eligible", N_("Not eligible") },
  { NULL, NULL }
};

static const SecChoice outcomes[] = {
  { "pending", N_("Pending") },
  { "selected", N_("Selected") },
  { "reserve", N_("Reserve") },
  { "rejected", N_("Rejected") },
  { NULL, NULL }
};

static const SecChoice eligibility_rules[] = {
  { "deadline", N_("Deadline") },
  { "country", N_("Eligible countries") },
  { "organisation-kind", N_("Eligible kinds of organisation") },
  { "thematic-focus", N_("Thematic focus") },
  { NULL, NULL }
};

static const SecChoice follow_up_statuses[] = {
  { "not-started", N_("Not started") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
  { "not-applicable", N_("Not applicable") },
  { NULL, NULL }
};

static const SecChoice action_point_owners[] = {
  /* TRANSLATORS: who must carry out an action point: the secretariat itself */
  { "secretariat", N_("The secretariat") },
  { "person", N_("A person") },
  { "organisation", N_("An organisation") },
  { NULL, NULL }
};

static const SecChoice action_point_statuses[] = {
  /* TRANSLATORS: the status of an action point */
  { "open", N_("Open") },
  { "done", N_("Done") },
  { "dropped", N_("Dropped") },
  { NULL, NULL }
};

static const SecChoice lawful_bases[] = {
  { "consent", N_("Consent") },
  { "membership", N_("Membership of a body") },
  { "public-task", N_("Task in the public interest") },
  { NULL, NULL }
};

#define REQ SEC_FIELD_REQUIRED
#define SRCH SEC_FIELD_SEARCHABLE
#define LST SEC_FIELD_LISTED
#define TTL SEC_FIELD_TITLE

/* Organisations */

static const SecField organisation_fields[] = {
  { "name", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Name") },
  { "acronym", SEC_FIELD_TEXT, SRCH | LST, N_("Acronym") },
  { "kind", SEC_FIELD_CHOICE, REQ | LST, N_("Kind"), organisation_kinds, NULL, "civil-society" },
  { "country", SEC_FIELD_COUNTRY, LST, N_("Country") },
  { "city", SEC_FIELD_TEXT, SRCH | LST, N_("City") },
  { "address", SEC_FIELD_LONG_TEXT, 0, N_("Address") },
  { "website", SEC_FIELD_URL, 0, N_("Website") },
  { "email", SEC_FIELD_EMAIL, SRCH, N_("Email") },
  { "phone", SEC_FIELD_TEXT, 0, N_("Phone") },
  { "contact-person", SEC_FIELD_REF, 0, N_("Contact person"), NULL, "person" },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
  /* TRANSLATORS: a switch on an organisation: the one that runs the secretariat */
  { "organiser", SEC_FIELD_BOOL, 0, N_("Organising institution: its staff listed apart") },
};
static const char *const organisation_sort[] = { "name", NULL };
static const SecRelation organisation_relations[] = {
  { "body", "t.id IN (SELECT organisation_id FROM memberships WHERE body_id = ?)" },
  { "meeting", "t.id IN (SELECT organisation_id FROM participants WHERE meeting_id = ?)" },
  { "statement", "t.id IN (SELECT organisation_id FROM signatories WHERE statement_id = ?)" },
  { "call", "t.id IN (SELECT organisation_id FROM applications WHERE call_id = ?)" },
  { NULL, NULL }
};
static const SecDerived organisation_derived[] = {
  { "bodies", "(SELECT group_concat(coalesce(b.acronym, b.name), ', ') FROM memberships m"
              " JOIN bodies b ON b.id = m.body_id WHERE m.organisation_id = t.id AND m.status = 'active')" },
  { "people-count", "(SELECT count(*) FROM people p WHERE p.organisation_id = t.id)" },
  { NULL, NULL }
};
static const SecKind organisation_kind = {
  "organisation", "organisations", "organisations",
  N_("Organisation"), N_("Organisations"),
  organisation_fields, N_FIELDS (organisation_fields), organisation_sort,
  N_("An organisation named “%s” already exists"),
  organisation_relations, NULL, organisation_derived,
};

/* People */

static const SecField person_fields[] = {
  { "title", SEC_FIELD_TEXT, 0, N_("Title") },
  { "given-name", SEC_FIELD_TEXT, SRCH | LST | TTL, N_("Given name") },
  { "family-name", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Family name") },
  { "position", SEC_FIELD_TEXT, 0, N_("Position") },
  { "organisation", SEC_FIELD_REF, LST, N_("Organisation"), NULL, "organisation" },
  { "email", SEC_FIELD_EMAIL, SRCH | LST, N_("Email") },
  { "phone", SEC_FIELD_TEXT, 0, N_("Phone") },
  { "languages", SEC_FIELD_TEXT, 0, N_("Languages") },
  { "accessibility-needs", SEC_FIELD_LONG_TEXT, 0, N_("Accessibility needs") },
  { "dietary-needs", SEC_FIELD_LONG_TEXT, 0, N_("Dietary needs") },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
  { "consent-date", SEC_FIELD_DATE, 0, N_("Consent to personal data given on") },
  { "consent-source", SEC_FIELD_TEXT, 0, N_("Consent source") },
  { "no-contact", SEC_FIELD_BOOL, 0, N_("Not to be contacted by e-mail") },
  /* Personal data (migration 6): the date and source above are the basis's. */
  { "lawful-basis", SEC_FIELD_CHOICE, 0, N_("Lawful basis"), lawful_bases },
  { "privacy-version", SEC_FIELD_TEXT, 0, N_("Privacy statement version given") },
  { "needs-consent", SEC_FIELD_BOOL, 0, N_("Explicit consent to keep needs") },
  { "needs-lasting", SEC_FIELD_BOOL, 0, N_("Keep needs after meetings") },
  { "restricted", SEC_FIELD_BOOL, 0, N_("Restricted: not to be contacted or exported") },
  { "erased-on", SEC_FIELD_DATE, 0, N_("Personal data erased on") },
};
static const char *const person_sort[] = { "family-name", "given-name", NULL };
static const SecRelation person_relations[] = {
  { "meeting", "t.id IN (SELECT person_id FROM participants WHERE meeting_id = ?)" },
  /* The people list's filter of personal data (sec-list-pane-filters.c). */
  { "privacy", "CASE ? WHEN 'no-basis' THEN t.lawful_basis IS NULL AND t.erased_on IS NULL"
               " WHEN 'restricted' THEN t.restricted = 1 AND t.erased_on IS NULL"
               " WHEN 'erased' THEN t.erased_on IS NOT NULL ELSE 0 END" },
  { NULL, NULL }
};
static const SecDerived person_derived[] = {
  { "organisation-name", "(SELECT o.name FROM organisations o WHERE o.id = t.organisation_id)" },
  { "organisation-acronym", "(SELECT o.acronym FROM organisations o WHERE o.id = t.organisation_id)" },
  /* For sorting only: the organisation's stored collation key, copied
   * into the row by triggers (migration 16) so that an index orders it. */
  { "organisation-sort-key", "t.organisation_sort_key" },
  { NULL, NULL }
};
static const SecKind person_kind = {
  "person", "people", "people",
  N_("Person"), N_("People"),
  person_fields, N_FIELDS (person_fields), person_sort,
  NULL, person_relations, NULL, person_derived,
};

/* Bodies */

static const SecField body_fields[] = {
  { "name", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Name") },
  { "acronym", SEC_FIELD_TEXT, SRCH | LST, N_("Short name") },
  { "established-on", SEC_FIELD_DATE, LST, N_("Established on") },
  { "description", SEC_FIELD_LONG_TEXT, 0, N_("Description") },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
};
static const char *const body_sort[] = { "name", NULL };
static const SecDerived body_derived[] = {
  { "member-count", "(SELECT count(*) FROM memberships m WHERE m.body_id = t.id AND m.status = 'active')" },
  { NULL, NULL }
};
static const SecKind body_kind = {
  "body", "bodies", "bodies",
  N_("Body"), N_("Bodies"),
  body_fields, N_FIELDS (body_fields), body_sort,
  N_("A body named “%s” already exists"),
  NULL, NULL, body_derived,
};

/* Memberships */

static const SecField membership_fields[] = {
  { "organisation", SEC_FIELD_REF, REQ | LST, N_("Organisation"), NULL, "organisation" },
  { "body", SEC_FIELD_REF, REQ | LST, N_("Body"), NULL, "body" },
  { "joined-on", SEC_FIELD_DATE, LST, N_("Member from") },
  { "left-on", SEC_FIELD_DATE, LST, N_("Member until") },
  { "call", SEC_FIELD_REF, 0, N_("Joined through call"), NULL, "call" },
  { "status", SEC_FIELD_CHOICE, REQ | LST, N_("Status"), membership_statuses, NULL, "active" },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
  { "delegate", SEC_FIELD_REF, 0, N_("Delegate"), NULL, "person" },
};
static const char *const membership_ranges[] = { "joined-on", "left-on", NULL };
static const SecDerived membership_derived[] = {
  { "organisation-name", "(SELECT o.name FROM organisations o WHERE o.id = t.organisation_id)" },
  { "body-name", "(SELECT coalesce(b.acronym, b.name) FROM bodies b WHERE b.id = t.body_id)" },
  { "call-title", "(SELECT c.title FROM calls c WHERE c.id = t.call_id)" },
  { "country", "(SELECT o.country FROM organisations o WHERE o.id = t.organisation_id)" },
  { "delegate-name", "(SELECT trim(coalesce(p.given_name, '') || ' ' || p.family_name) FROM people p WHERE p.id = t.delegate_id)" },
  { "alternate-names", "(SELECT group_concat(n, ', ') FROM (SELECT trim(coalesce(p.given_name, '') || ' ' || p.family_name) AS n"
                       " FROM membership_alternates a JOIN people p ON p.id = a.person_id"
                       " WHERE a.membership_id = t.id ORDER BY a.position, a.id) alternates)" },
  { NULL, NULL }
};
static const SecKind membership_kind = {
  "membership", "memberships", "memberships",
  N_("Membership"), N_("Memberships"),
  membership_fields, N_FIELDS (membership_fields), NULL,
  N_("This organisation is already a member of that body from that date"),
  NULL, membership_ranges, membership_derived,
};

/* Meetings */

static const SecField meeting_fields[] = {
  { "title", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Title") },
  { "kind", SEC_FIELD_CHOICE, REQ | LST, N_("Kind"), meeting_kinds, NULL, "plenary" },
  { "starts-at", SEC_FIELD_DATETIME, REQ | LST, N_("Starts") },
  { "ends-at", SEC_FIELD_DATETIME, REQ | LST, N_("Ends") },
  { "timezone", SEC_FIELD_TIMEZONE, REQ, N_("Time zone"), NULL, NULL, "Europe/Brussels" },
  { "venue", SEC_FIELD_TEXT, SRCH | LST, N_("Venue") },
  { "room", SEC_FIELD_TEXT, 0, N_("Room") },
  { "address", SEC_FIELD_LONG_TEXT, 0, N_("Address") },
  { "online-link", SEC_FIELD_URL, 0, N_("Online link") },
  { "status", SEC_FIELD_CHOICE, REQ | LST, N_("Status"), meeting_statuses, NULL, "draft" },
  { "chair", SEC_FIELD_TEXT, SRCH, N_("Chair") },
  { "co-chair", SEC_FIELD_TEXT, SRCH, N_("Co-chair") },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
  { "agenda-status", SEC_FIELD_CHOICE, REQ, N_("Agenda"), agenda_statuses, NULL, "draft" },
  { "agenda-version", SEC_FIELD_INT, 0, N_("Agenda version") },
  /* Printed on the invitation documents (migration 6). */
  { "privacy-statement", SEC_FIELD_LONG_TEXT, 0, N_("Privacy statement") },
};
static const char *const meeting_sort[] = { "title", NULL };
static const char *const meeting_ranges[] = { "starts-at", "ends-at", NULL };
static const SecRelation meeting_relations[] = {
  { "body", "t.id IN (SELECT meeting_id FROM meeting_bodies WHERE body_id = ?)" },
  { "person", "t.id IN (SELECT meeting_id FROM participants WHERE person_id = ?)" },
  { "organisation", "t.id IN (SELECT meeting_id FROM participants WHERE organisation_id = ?)" },
  { NULL, NULL }
};
static const SecDerived meeting_derived[] = {
  { "bodies", "(SELECT group_concat(coalesce(b.acronym, b.name), ', ') FROM meeting_bodies mb"
              " JOIN bodies b ON b.id = mb.body_id WHERE mb.meeting_id = t.id)" },
  /* Kept by triggers (migration 14). */
  { "participant-count", "coalesce((SELECT c.participants FROM meeting_counts c WHERE c.meeting_id = t.id), 0)" },
  { "confirmed-count", "coalesce((SELECT c.confirmed FROM meeting_counts c WHERE c.meeting_id = t.id), 0)" },
  { NULL, NULL }
};
static const SecKind meeting_kind = {
  "meeting", "meetings", "meetings",
  N_("Meeting"), N_("Meetings"),
  meeting_fields, N_FIELDS (meeting_fields), meeting_sort,
  NULL, meeting_relations, meeting_ranges, meeting_derived,
};

/* Bodies of a meeting */

static const SecField meeting_body_fields[] = {
  { "meeting", SEC_FIELD_REF, REQ | LST, N_("Meeting"), NULL, "meeting" },
  { "body", SEC_FIELD_REF, REQ | LST, N_("Body"), NULL, "body" },
};
static const SecDerived meeting_body_derived[] = {
  { "body-name", "(SELECT b.name FROM bodies b WHERE b.id = t.body_id)" },
  { "body-acronym", "(SELECT b.acronym FROM bodies b WHERE b.id = t.body_id)" },
  { NULL, NULL }
};
static const SecKind meeting_body_kind = {
  "meeting-body", "meeting-bodies", "meeting_bodies",
  N_("Body of a meeting"), N_("Bodies of meetings"),
  meeting_body_fields, N_FIELDS (meeting_body_fields), NULL,
  N_("This body already takes part in the meeting"),
  NULL, NULL, meeting_body_derived,
};

/* Agenda items */

static const SecField agenda_item_fields[] = {
  { "meeting", SEC_FIELD_REF, REQ | LST, N_("Meeting"), NULL, "meeting" },
  { "position", SEC_FIELD_INT, REQ | LST, N_("Position"), NULL, NULL, "1" },
  { "title", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Title") },
  { "description", SEC_FIELD_LONG_TEXT, 0, N_("Description") },
  { "kind", SEC_FIELD_CHOICE, REQ | LST, N_("Kind"), agenda_item_kinds, NULL, "item" },
  { "duration", SEC_FIELD_INT, REQ | LST, N_("Duration (minutes)"), NULL, NULL, "30" },
  { "fixed-start", SEC_FIELD_TIME, LST, N_("Fixed start time") },
  { "internal-notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes for the secretariat") },
};
static const SecKind agenda_item_kind = {
  "agenda-item", "agenda-items", "agenda_items",
  N_("Agenda item"), N_("Agenda items"),
  agenda_item_fields, N_FIELDS (agenda_item_fields), NULL,
  NULL, NULL, NULL, NULL,
};

/* Speakers of an agenda item */

static const SecField agenda_speaker_fields[] = {
  { "agenda-item", SEC_FIELD_REF, REQ | LST, N_("Agenda item"), NULL, "agenda-item" },
  { "person", SEC_FIELD_REF, REQ | LST, N_("Speaker"), NULL, "person" },
  { "position", SEC_FIELD_INT, REQ, N_("Order"), NULL, NULL, "1" },
};
static const SecDerived agenda_speaker_derived[] = {
  { "person-name", "(SELECT trim(coalesce(p.given_name, '') || ' ' || p.family_name) FROM people p WHERE p.id = t.person_id)" },
  { NULL, NULL }
};
static const SecKind agenda_speaker_kind = {
  "agenda-speaker", "agenda-speakers", "agenda_speakers",
  N_("Speaker"), N_("Speakers"),
  agenda_speaker_fields, N_FIELDS (agenda_speaker_fields), NULL,
  N_("This person already speaks on that item"),
  NULL, NULL, agenda_speaker_derived,
};

/* Participants */

static const SecField participant_fields[] = {
  { "meeting", SEC_FIELD_REF, REQ | LST, N_("Meeting"), NULL, "meeting" },
  { "person", SEC_FIELD_REF, REQ | LST, N_("Person"), NULL, "person" },
  { "organisation", SEC_FIELD_REF, LST, N_("Represents"), NULL, "organisation" },
  { "role", SEC_FIELD_CHOICE, REQ | LST, N_("Role"), participant_roles, NULL, "participant" },
  { "status", SEC_FIELD_CHOICE, REQ | LST, N_("Status"), participant_statuses, NULL, "invited" },
  { "substitute", SEC_FIELD_REF, 0, N_("Replaced by"), NULL, "person" },
  { "invited-on", SEC_FIELD_DATE, 0, N_("Invited on") },
  { "status-changed-on", SEC_FIELD_DATE, 0, N_("Status changed on") },
  { "needs", SEC_FIELD_LONG_TEXT, 0, N_("Needs") },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
  { "reminded-on", SEC_FIELD_DATE, 0, N_("Reminded on") },
  { "informed-on", SEC_FIELD_DATE, 0, N_("Practical information sent on") },
  { "thanked-on", SEC_FIELD_DATE, 0, N_("Thanked on") },
};
static const SecDerived participant_derived[] = {
  { "person-name", "(SELECT trim(coalesce(p.given_name, '') || ' ' || p.family_name) FROM people p WHERE p.id = t.person_id)" },
  /* For sorting only (a "-sort-key" is never shown): the person's stored
   * collation key, family name first, so that a long list sorts by index
   * order of bytes rather than by collating names on every comparison. */
  { "person-sort-key", "(SELECT p.sort_key FROM people p WHERE p.id = t.person_id)" },
  /* Named "Erased person" (sec_record_dup_person_name ()), not "—". */
  { "person-erased-on", "(SELECT p.erased_on FROM people p WHERE p.id = t.person_id)" },
  { "organisation-name", "(SELECT o.name FROM organisations o WHERE o.id = t.organisation_id)" },
  { "meeting-title", "(SELECT m.title FROM meetings m WHERE m.id = t.meeting_id)" },
  { "meeting-starts-at", "(SELECT m.starts_at FROM meetings m WHERE m.id = t.meeting_id)" },
  /* "delegate" or "alternate": how the person represents the organisation
   * in one of the meeting's bodies; NULL when neither. */
  { "representation", "(SELECT CASE WHEN max(CASE WHEN m.delegate_id = t.person_id THEN 1 ELSE 0 END) = 1 THEN 'delegate' ELSE 'alternate' END"
                      " FROM memberships m JOIN meeting_bodies mb ON mb.body_id = m.body_id AND mb.meeting_id = t.meeting_id"
                      " WHERE m.organisation_id = t.organisation_id AND m.status = 'active' AND (m.delegate_id = t.person_id"
                      " OR EXISTS (SELECT 1 FROM membership_alternates a WHERE a.membership_id = m.id AND a.person_id = t.person_id))"
                      " HAVING count(*) > 0)" },
  { NULL, NULL }
};
static const SecKind participant_kind = {
  "participant", "participants", "participants",
  N_("Participant"), N_("Participants"),
  participant_fields, N_FIELDS (participant_fields), NULL,
  N_("This person is already a participant of the meeting"),
  NULL, NULL, participant_derived,
};

/* Calls for expression of interest */

static const SecField call_fields[] = {
  { "reference", SEC_FIELD_TEXT, SRCH | LST, N_("Reference") },
  { "title", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Title") },
  { "body", SEC_FIELD_REF, REQ | LST, N_("Body"), NULL, "body" },
  { "kind", SEC_FIELD_CHOICE, REQ | LST, N_("Kind"), call_kinds, NULL, "open" },
  { "eligible-countries", SEC_FIELD_COUNTRIES, 0, N_("Eligible countries") },
  /* Comma-separated kinds of organisation (nicks); empty: every kind. */
  { "eligible-kinds", SEC_FIELD_TEXT, 0, N_("Eligible kinds of organisation") },
  { "thematic-focus", SEC_FIELD_TEXT, SRCH, N_("Thematic focus") },
  { "published-on", SEC_FIELD_DATE, LST, N_("Published on") },
  { "deadline", SEC_FIELD_DATETIME, LST, N_("Deadline") },
  { "deadline-timezone", SEC_FIELD_TIMEZONE, REQ, N_("Deadline time zone"), NULL, NULL, "Europe/Brussels" },
  { "description", SEC_FIELD_LONG_TEXT, 0, N_("Description") },
  { "status", SEC_FIELD_CHOICE, REQ | LST, N_("Status"), call_statuses, NULL, "draft" },
};
static const char *const call_sort[] = { "title", NULL };
static const SecDerived call_derived[] = {
  { "body-name", "(SELECT coalesce(b.acronym, b.name) FROM bodies b WHERE b.id = t.body_id)" },
  { "application-count", "(SELECT count(*) FROM applications a WHERE a.call_id = t.id)" },
  { "selected-count", "(SELECT count(*) FROM applications a WHERE a.call_id = t.id AND a.outcome = 'selected')" },
  { "erratum-count", "(SELECT count(*) FROM errata e WHERE e.call_id = t.id)" },
  { NULL, NULL }
};
static const SecKind call_kind = {
  "call", "calls", "calls",
  N_("Call for expression of interest"), N_("Calls for expression of interest"),
  call_fields, N_FIELDS (call_fields), call_sort,
  N_("A call with the reference “%s” already exists"),
  NULL, NULL, call_derived,
};

/* Errata */

static const SecField erratum_fields[] = {
  { "call", SEC_FIELD_REF, REQ | LST, N_("Call"), NULL, "call" },
  { "published-on", SEC_FIELD_DATE, REQ | LST | TTL, N_("Published on") },
  { "text", SEC_FIELD_LONG_TEXT, REQ | SRCH | LST, N_("Text") },
  /* The call's whole text after this erratum; empty: unchanged. */
  { "revised-text", SEC_FIELD_LONG_TEXT, 0, N_("Text of the call as corrected") },
};
static const SecDerived erratum_derived[] = {
  { "call-title", "(SELECT c.title FROM calls c WHERE c.id = t.call_id)" },
  { NULL, NULL }
};
static const SecKind erratum_kind = {
  "erratum", "errata", "errata",
  N_("Erratum"), N_("Errata"),
  erratum_fields, N_FIELDS (erratum_fields), NULL,
  NULL, NULL, NULL, erratum_derived,
};

/* Applications */

static const SecField application_fields[] = {
  { "call", SEC_FIELD_REF, REQ | LST, N_("Call"), NULL, "call" },
  { "organisation", SEC_FIELD_REF, REQ | LST, N_("Organisation"), NULL, "organisation" },
  /* Wall-clock time in received-timezone, or in the call's deadline zone. */
  { "received-at", SEC_FIELD_DATETIME, LST, N_("Received") },
  { "received-timezone", SEC_FIELD_TIMEZONE, 0, N_("Time zone of receipt") },
  /* Worked out by sec-calls.c on entry and on each save. */
  { "late", SEC_FIELD_BOOL, LST, N_("Received after the deadline") },
  { "call-version", SEC_FIELD_INT, 0, N_("Version of the call") },
  { "documents", SEC_FIELD_LONG_TEXT, 0, N_("Documents received") },
  { "thematic-areas", SEC_FIELD_TEXT, SRCH, N_("Thematic areas") },
  /* The eligibility in force: the check's result, or staff's override. */
  { "eligibility", SEC_FIELD_CHOICE, REQ | LST, N_("Eligibility"), eligibilities, NULL, "unchecked" },
  { "eligibility-reason", SEC_FIELD_TEXT, 0, N_("Reason") },
  { "checked-eligibility", SEC_FIELD_CHOICE, REQ, N_("Result of the eligibility check"), eligibilities, NULL, "unchecked" },
  { "eligibility-rule", SEC_FIELD_CHOICE, 0, N_("Rule not met"), eligibility_rules },
  { "eligibility-overridden", SEC_FIELD_BOOL, 0, N_("Eligibility decided by staff") },
  { "override-reason", SEC_FIELD_LONG_TEXT, 0, N_("Reason for the decision") },
  /* A number as text ("78.5"), empty when not scored. */
  { "score", SEC_FIELD_TEXT, LST, N_("Score") },
  { "comments", SEC_FIELD_LONG_TEXT, 0, N_("Evaluation comments") },
  { "outcome", SEC_FIELD_CHOICE, REQ | LST, N_("Outcome"), outcomes, NULL, "pending" },
  { "membership", SEC_FIELD_REF, 0, N_("Membership from the selection"), NULL, "membership" },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
};
static const SecDerived application_derived[] = {
  { "organisation-name", "(SELECT o.name FROM organisations o WHERE o.id = t.organisation_id)" },
  { "country", "(SELECT o.country FROM organisations o WHERE o.id = t.organisation_id)" },
  { "call-title", "(SELECT c.title FROM calls c WHERE c.id = t.call_id)" },
  { "organisation-kind", "(SELECT o.kind FROM organisations o WHERE o.id = t.organisation_id)" },
  /* Sorts by score as a number (NULL when not scored). */
  { "score-value", "CAST(t.score AS REAL)" },
  { "joined-on", "(SELECT m.joined_on FROM memberships m WHERE m.id = t.membership_id)" },
  { NULL, NULL }
};
static const SecKind application_kind = {
  "application", "applications", "applications",
  N_("Application"), N_("Applications"),
  application_fields, N_FIELDS (application_fields), NULL,
  N_("This organisation has already applied to that call"),
  NULL, NULL, application_derived,
};

/* Joint statements */

static const SecField statement_fields[] = {
  { "title", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Title") },
  { "signed-on", SEC_FIELD_DATE, LST, N_("Signed on") },
  { "place", SEC_FIELD_TEXT, SRCH | LST, N_("Place") },
  { "meeting", SEC_FIELD_REF, 0, N_("Signed at meeting"), NULL, "meeting" },
  { "predecessor", SEC_FIELD_REF, 0, N_("Builds on"), NULL, "statement" },
  { "summary", SEC_FIELD_LONG_TEXT, SRCH, N_("Summary") },
  { "text", SEC_FIELD_LONG_TEXT, 0, N_("Full text") },
};
static const char *const statement_sort[] = { "title", NULL };
static const SecRelation statement_relations[] = {
  { "organisation", "t.id IN (SELECT statement_id FROM signatories WHERE organisation_id = ?)" },
  { NULL, NULL }
};
static const SecDerived statement_derived[] = {
  { "signatory-count", "(SELECT count(*) FROM signatories s WHERE s.statement_id = t.id)" },
  { "commitment-count", "(SELECT count(*) FROM commitments c WHERE c.statement_id = t.id)" },
  { NULL, NULL }
};
static const SecKind statement_kind = {
  "statement", "statements", "statements",
  N_("Joint statement"), N_("Joint statements"),
  statement_fields, N_FIELDS (statement_fields), statement_sort,
  NULL, statement_relations, NULL, statement_derived,
};

/* Signatories */

static const SecField signatory_fields[] = {
  { "statement", SEC_FIELD_REF, REQ | LST, N_("Statement"), NULL, "statement" },
  { "organisation", SEC_FIELD_REF, REQ | LST, N_("Organisation"), NULL, "organisation" },
  { "signer-name", SEC_FIELD_TEXT, SRCH | LST | TTL, N_("Signed by") },
  { "signer-position", SEC_FIELD_TEXT, LST, N_("Position") },
  { "position", SEC_FIELD_INT, REQ | LST, N_("Order"), NULL, NULL, "1" },
};
static const SecDerived signatory_derived[] = {
  { "organisation-name", "(SELECT o.name FROM organisations o WHERE o.id = t.organisation_id)" },
  { "organisation-acronym", "(SELECT o.acronym FROM organisations o WHERE o.id = t.organisation_id)" },
  { NULL, NULL }
};
static const SecKind signatory_kind = {
  "signatory", "signatories", "signatories",
  N_("Signatory"), N_("Signatories"),
  signatory_fields, N_FIELDS (signatory_fields), NULL,
  N_("This organisation has already signed the statement"),
  NULL, NULL, signatory_derived,
};

/* Commitments */

static const SecField commitment_fields[] = {
  { "statement", SEC_FIELD_REF, REQ | LST, N_("Statement"), NULL, "statement" },
  { "position", SEC_FIELD_INT, REQ | LST, N_("Order"), NULL, NULL, "1" },
  { "text", SEC_FIELD_LONG_TEXT, REQ | SRCH | LST | TTL, N_("Commitment") },
};
static const SecKind commitment_kind = {
  "commitment", "commitments", "commitments",
  N_("Commitment"), N_("Commitments"),
  commitment_fields, N_FIELDS (commitment_fields), NULL,
  NULL, NULL, NULL, NULL,
};

/* Follow-up of commitments */

static const SecField follow_up_fields[] = {
  { "commitment", SEC_FIELD_REF, REQ | LST, N_("Commitment"), NULL, "commitment" },
  { "signatory", SEC_FIELD_REF, LST, N_("Signatory"), NULL, "signatory" },
  { "year", SEC_FIELD_INT, LST, N_("Year") },
  { "date", SEC_FIELD_DATE, LST | TTL, N_("Date") },
  { "status", SEC_FIELD_CHOICE, REQ | LST, N_("Status"), follow_up_statuses, NULL, "not-started" },
  { "note", SEC_FIELD_LONG_TEXT, SRCH, N_("Note") },
  { "evidence", SEC_FIELD_URL, 0, N_("Evidence link") },
};
static const SecKind follow_up_kind = {
  "follow-up", "follow-ups", "follow_ups",
  N_("Follow-up"), N_("Follow-ups"),
  follow_up_fields, N_FIELDS (follow_up_fields), NULL,
  NULL, NULL, NULL, NULL,
};

/* Minutes of an agenda item */

static const SecField minutes_fields[] = {
  { "agenda-item", SEC_FIELD_REF, REQ | LST, N_("Agenda item"), NULL, "agenda-item" },
  { "summary", SEC_FIELD_LONG_TEXT, SRCH | LST, N_("Summary of the discussion") },
  { "decisions", SEC_FIELD_LONG_TEXT, SRCH | LST, N_("Decisions") },
};
static const SecRelation minutes_relations[] = {
  { "meeting", "t.agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?)" },
  { NULL, NULL }
};
static const SecKind minutes_kind = {
  "minutes", "minutes", "minutes",
  N_("Minutes of an agenda item"), N_("Minutes of agenda items"),
  minutes_fields, N_FIELDS (minutes_fields), NULL,
  N_("This agenda item has minutes already"),
  minutes_relations, NULL, NULL,
};

/* Action points */

static const SecField action_point_fields[] = {
  { "meeting", SEC_FIELD_REF, REQ | LST, N_("Meeting"), NULL, "meeting" },
  { "agenda-item", SEC_FIELD_REF, LST, N_("Agenda item"), NULL, "agenda-item" },
  { "what", SEC_FIELD_LONG_TEXT, REQ | SRCH | LST | TTL, N_("Action") },
  { "owner", SEC_FIELD_CHOICE, REQ | LST, N_("Who"), action_point_owners, NULL, "secretariat" },
  { "person", SEC_FIELD_REF, LST, N_("Person"), NULL, "person" },
  { "organisation", SEC_FIELD_REF, LST, N_("Organisation"), NULL, "organisation" },
  { "due-on", SEC_FIELD_DATE, LST, N_("Due on") },
  { "status", SEC_FIELD_CHOICE, REQ | LST, N_("Status"), action_point_statuses, NULL, "open" },
  { "closed-on", SEC_FIELD_DATE, 0, N_("Closed on") },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
};
static const SecRelation action_point_relations[] = {
  /* Those of earlier meetings of one of the bodies of meeting ?: what the
   * next meeting follows up. */
  { "carried-to", "t.meeting_id IN (SELECT m.id FROM meetings m WHERE m.starts_at <"
                  " (SELECT n.starts_at FROM meetings n WHERE n.id = ?) AND EXISTS"
                  " (SELECT 1 FROM meeting_bodies a JOIN meeting_bodies c ON c.body_id = a.body_id"
                  " WHERE a.meeting_id = m.id AND c.meeting_id = ?))" },
  { NULL, NULL }
};
static const SecDerived action_point_derived[] = {
  { "person-name", "(SELECT trim(coalesce(p.given_name, '') || ' ' || p.family_name) FROM people p WHERE p.id = t.person_id)" },
  { "organisation-name", "(SELECT coalesce(o.acronym, o.name) FROM organisations o WHERE o.id = t.organisation_id)" },
  { "meeting-title", "(SELECT m.title FROM meetings m WHERE m.id = t.meeting_id)" },
  { "meeting-starts-at", "(SELECT m.starts_at FROM meetings m WHERE m.id = t.meeting_id)" },
  { "agenda-item-title", "(SELECT i.title FROM agenda_items i WHERE i.id = t.agenda_item_id)" },
  /* For sorting: the item's place in its agenda (points of no item last). */
  { "agenda-item-position", "coalesce((SELECT i.position FROM agenda_items i WHERE i.id = t.agenda_item_id), 1000000)" },
  { NULL, NULL }
};
static const SecKind action_point_kind = {
  "action-point", "action-points", "action_points",
  N_("Action point"), N_("Action points"),
  action_point_fields, N_FIELDS (action_point_fields), NULL,
  NULL, action_point_relations, NULL, action_point_derived,
};

/* Types: each kind is its table and nothing else
 * (SEC_DEFINE_RECORD_KIND is in sec-records-private.h). */

SEC_DEFINE_RECORD_KIND (SecOrganisation, sec_organisation, organisation_kind)
SEC_DEFINE_RECORD_KIND (SecPerson, sec_person, person_kind)
SEC_DEFINE_RECORD_KIND (SecBody, sec_body, body_kind)
SEC_DEFINE_RECORD_KIND (SecMembership, sec_membership, membership_kind)
SEC_DEFINE_RECORD_KIND (SecMeeting, sec_meeting, meeting_kind)
SEC_DEFINE_RECORD_KIND (SecMeetingBody, sec_meeting_body, meeting_body_kind)
SEC_DEFINE_RECORD_KIND (SecAgendaItem, sec_agenda_item, agenda_item_kind)
SEC_DEFINE_RECORD_KIND (SecAgendaSpeaker, sec_agenda_speaker, agenda_speaker_kind)
SEC_DEFINE_RECORD_KIND (SecParticipant, sec_participant, participant_kind)
SEC_DEFINE_RECORD_KIND (SecCall, sec_call, call_kind)
SEC_DEFINE_RECORD_KIND (SecErratum, sec_erratum, erratum_kind)
SEC_DEFINE_RECORD_KIND (SecApplication, sec_application, application_kind)
SEC_DEFINE_RECORD_KIND (SecStatement, sec_statement, statement_kind)
SEC_DEFINE_RECORD_KIND (SecSignatory, sec_signatory, signatory_kind)
SEC_DEFINE_RECORD_KIND (SecCommitment, sec_commitment, commitment_kind)
SEC_DEFINE_RECORD_KIND (SecFollowUp, sec_follow_up, follow_up_kind)
SEC_DEFINE_RECORD_KIND (SecMinutes, sec_minutes, minutes_kind)
SEC_DEFINE_RECORD_KIND (SecActionPoint, sec_action_point, action_point_kind)

const GType *
sec_record_kinds (void)
{
  static GType kinds[23];

  if (g_once_init_enter (&kinds[0]))
    {
      GType k[] = {
        SEC_TYPE_ORGANISATION, SEC_TYPE_PERSON, SEC_TYPE_BODY, SEC_TYPE_CALL,
        SEC_TYPE_MEMBERSHIP, SEC_TYPE_MEETING, SEC_TYPE_MEETING_BODY,
        SEC_TYPE_AGENDA_ITEM, SEC_TYPE_AGENDA_SPEAKER, SEC_TYPE_PARTICIPANT,
        SEC_TYPE_ERRATUM, SEC_TYPE_APPLICATION, SEC_TYPE_STATEMENT,
        SEC_TYPE_SIGNATORY, SEC_TYPE_COMMITMENT, SEC_TYPE_FOLLOW_UP,
        SEC_TYPE_MINUTES, SEC_TYPE_ACTION_POINT,
        SEC_TYPE_PROGRAMME, SEC_TYPE_FUNDING_CALL, SEC_TYPE_PROJECT, SEC_TYPE_PROJECT_PARTNER,
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (k) == G_N_ELEMENTS (kinds) - 1);
      for (guint i = 1; i < G_N_ELEMENTS (k); i++)
        kinds[i] = k[i];
      kinds[G_N_ELEMENTS (k)] = 0;
      g_once_init_leave (&kinds[0], k[0]);
    }

  return kinds;
}

GType
sec_record_kind_lookup (const char *name)
{
  const GType *kinds;

  g_return_val_if_fail (name != NULL, 0);

  kinds = sec_record_kinds ();
  for (guint i = 0; kinds[i] != 0; i++)
    {
      const SecKind *kind = sec_kind_from_type (kinds[i]);

      if (g_str_equal (kind->name, name) || g_str_equal (kind->plural, name))
        return kinds[i];
    }

  return 0;
}
