/* sec-records-funding.c: the field tables of EU funding
 *
 * Programmes, their calls for proposals, the projects they fund and each
 * project's partners (migration 7 in sec-schema.c). Amounts are whole
 * euros in INT fields; 0 means not known. A call's status and a project's
 * duration follow from their dates: src/core/funding works them out.
 */
#define G_LOG_DOMAIN "sec-records"

#include "config.h"

#include <glib/gi18n.h>

#include "core/store/sec-records.h"
#include "core/store/sec-records-private.h"

#define REQ SEC_FIELD_REQUIRED
#define SRCH SEC_FIELD_SEARCHABLE
#define LST SEC_FIELD_LISTED
#define TTL SEC_FIELD_TITLE

static const SecChoice grant_types[] = {
  /* Translators: ERC grant types */
  { "starting", N_("Starting Grant") },
  { "consolidator", N_("Consolidator Grant") },
  { "advanced", N_("Advanced Grant") },
  { "synergy", N_("Synergy Grant") },
  { "proof-of-concept", N_("Proof of Concept Grant") },
  { "collaborative", N_("Collaborative project") },
  { "action", N_("Action grant") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const SecChoice partner_roles[] = {
  { "coordinator", N_("Coordinator") },
  { "partner", N_("Partner") },
  { "host-institution", N_("Host institution") },
  { "associated", N_("Associated partner") },
  { "third-party", N_("Third party") },
  { NULL, NULL }
};

/* Programmes */

static const SecField programme_fields[] = {
  { "name", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Name") },
  { "short-name", SEC_FIELD_TEXT, SRCH | LST, N_("Short name") },
  { "first-year", SEC_FIELD_INT, LST, N_("From (year)") },
  { "last-year", SEC_FIELD_INT, LST, N_("Until (year)") },
  /* Free text: "Starting, Consolidator, Advanced" for the ERC. */
  { "grant-types", SEC_FIELD_TEXT, SRCH, N_("Grant types") },
  { "website", SEC_FIELD_URL, 0, N_("Website") },
  { "description", SEC_FIELD_LONG_TEXT, 0, N_("Description") },
};
static const char *const programme_sort[] = { "name", NULL };

static const SecDerived programme_derived[] = {
  { "call-count", "(SELECT count(*) FROM funding_calls c WHERE c.programme_id = t.id)" },
  { "project-count", "(SELECT count(*) FROM projects p WHERE p.programme_id = t.id)" },
  { NULL, NULL }
};
static const SecKind programme_kind = {
  "programme", "programmes", "funding_programmes",
  N_("Funding programme"), N_("Funding programmes"),
  programme_fields, G_N_ELEMENTS (programme_fields), programme_sort,
  N_("A programme named “%s” already exists"),
  NULL, NULL, programme_derived,
};

/* Calls for proposals */

/* 1 forthcoming, 2 open, 3 closed: as sec_funding_call_status() says, but
 * with the computer's clock in place of the call's zone, which is close
 * enough to filter a list (the window shows the exact status). */
#define FUNDING_CALL_STATUS_SQL \
  "(CASE WHEN t.published_on > date('now', 'localtime') THEN 1" \
  " WHEN t.deadline IS NOT NULL AND t.deadline < strftime('%Y-%m-%dT%H:%M', 'now', 'localtime') THEN 3" \
  " ELSE 2 END)"

static const SecField funding_call_fields[] = {
  { "title", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Title") },
  { "programme", SEC_FIELD_REF, REQ | LST, N_("Programme"), NULL, "programme" },
  { "work-programme-year", SEC_FIELD_INT, LST, N_("Annual work programme") },
  { "topics", SEC_FIELD_LONG_TEXT, SRCH, N_("Topics") },
  { "reference", SEC_FIELD_TEXT, SRCH | LST, N_("Reference") },
  { "published-on", SEC_FIELD_DATE, LST, N_("Published on") },
  { "deadline", SEC_FIELD_DATETIME, LST, N_("Deadline") },
  { "deadline-timezone", SEC_FIELD_TIMEZONE, REQ, N_("Deadline time zone"), NULL, NULL, "Europe/Brussels" },
  { "link", SEC_FIELD_URL, 0, N_("Text of the call") },
  { "budget", SEC_FIELD_INT, LST, N_("Budget (euros)") },
  { "description", SEC_FIELD_LONG_TEXT, 0, N_("Description") },
};
static const char *const funding_call_sort[] = { "title", NULL };
static const SecRelation funding_call_relations[] = {
  { "status", FUNDING_CALL_STATUS_SQL " = ?" },
  { NULL, NULL }
};
static const SecDerived funding_call_derived[] = {
  { "programme-name", "(SELECT coalesce(p.short_name, p.name) FROM funding_programmes p WHERE p.id = t.programme_id)" },
  { "project-count", "(SELECT count(*) FROM projects p WHERE p.funding_call_id = t.id)" },
  { NULL, NULL }
};
static const SecKind funding_call_kind = {
  "funding-call", "funding-calls", "funding_calls",
  N_("Call for proposals"), N_("Calls for proposals"),
  funding_call_fields, G_N_ELEMENTS (funding_call_fields), funding_call_sort,
  N_("A call for proposals with the reference “%s” already exists"),
  funding_call_relations, NULL, funding_call_derived,
};

/* Projects */

static const SecField project_fields[] = {
  { "acronym", SEC_FIELD_TEXT, REQ | SRCH | LST | TTL, N_("Acronym") },
  { "title", SEC_FIELD_TEXT, REQ | SRCH | LST, N_("Title") },
  { "reference", SEC_FIELD_TEXT, SRCH | LST, N_("Reference or grant number") },
  { "programme", SEC_FIELD_REF, LST, N_("Programme"), NULL, "programme" },
  { "grant-type", SEC_FIELD_CHOICE, 0, N_("Grant type"), grant_types },
  { "funding-call", SEC_FIELD_REF, 0, N_("Call for proposals"), NULL, "funding-call" },
  { "coordinator", SEC_FIELD_REF, LST, N_("Coordinator or host institution"), NULL, "organisation" },
  { "principal-investigator", SEC_FIELD_REF, 0, N_("Principal investigator"), NULL, "person" },
  { "budget", SEC_FIELD_INT, LST, N_("Budget (euros)") },
  { "eu-contribution", SEC_FIELD_INT, 0, N_("EU contribution (euros)") },
  { "starts-on", SEC_FIELD_DATE, LST, N_("Start date") },
  { "ends-on", SEC_FIELD_DATE, LST, N_("End date") },
  /* Comma-separated: "victims' support, migration". */
  { "themes", SEC_FIELD_TEXT, SRCH | LST, N_("Themes") },
  { "objectives", SEC_FIELD_LONG_TEXT, SRCH, N_("Objectives") },
  { "results", SEC_FIELD_LONG_TEXT, 0, N_("Results or mid-term summary") },
  { "publications", SEC_FIELD_LONG_TEXT, 0, N_("Publications") },
  { "links", SEC_FIELD_LONG_TEXT, 0, N_("Further information") },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
};
static const char *const project_sort[] = { "acronym", NULL };
static const char *const project_ranges[] = { "starts-on", "ends-on", NULL };
static const SecRelation project_relations[] = {
  /* Coordinated or partnered by an organisation. */
  { "organisation", "t.coordinator_id = ? OR t.id IN (SELECT project_id FROM project_partners WHERE organisation_id = ?)" },
  /* With the coordinator or a partner in a country (a code). */
  { "country", "t.coordinator_id IN (SELECT id FROM organisations WHERE country = ?)"
               " OR t.id IN (SELECT pp.project_id FROM project_partners pp"
               " JOIN organisations o ON o.id = pp.organisation_id WHERE o.country = ?)" },
  /* Running during a year. */
  { "active-in", "t.starts_on <= printf('%04d-12-31', ?) AND (t.ends_on IS NULL OR t.ends_on >= printf('%04d-01-01', ?))" },
  /* Naming a theme among its comma-separated themes. */
  { "theme", "(',' || replace(lower(t.themes), ', ', ',') || ',') LIKE ('%,' || lower(trim(?)) || ',%')" },
  { NULL, NULL }
};
static const SecDerived project_derived[] = {
  { "programme-name", "(SELECT coalesce(p.short_name, p.name) FROM funding_programmes p WHERE p.id = t.programme_id)" },
  { "coordinator-name", "(SELECT o.name FROM organisations o WHERE o.id = t.coordinator_id)" },
  { "coordinator-country", "(SELECT o.country FROM organisations o WHERE o.id = t.coordinator_id)" },
  { "principal-investigator-name", "(SELECT trim(coalesce(p.given_name, '') || ' ' || p.family_name) FROM people p"
                                   " WHERE p.id = t.principal_investigator_id)" },
  { "funding-call-title", "(SELECT c.title FROM funding_calls c WHERE c.id = t.funding_call_id)" },
  { "partner-count", "(SELECT count(*) FROM project_partners pp WHERE pp.project_id = t.id)" },
  { NULL, NULL }
};
static const SecKind project_kind = {
  "project", "projects", "projects",
  N_("Project"), N_("Projects"),
  project_fields, G_N_ELEMENTS (project_fields), project_sort,
  NULL, project_relations, project_ranges, project_derived,
};

/* Partners of a project */

static const SecField project_partner_fields[] = {
  { "project", SEC_FIELD_REF, REQ | LST, N_("Project"), NULL, "project" },
  { "organisation", SEC_FIELD_REF, REQ | LST, N_("Organisation"), NULL, "organisation" },
  { "role", SEC_FIELD_CHOICE, REQ | LST, N_("Role"), partner_roles, NULL, "partner" },
  /* The participant's short name in the project ("QOG"). */
  { "short-name", SEC_FIELD_TEXT, SRCH | LST | TTL, N_("Short name in the project") },
  { "position", SEC_FIELD_INT, REQ, N_("Order"), NULL, NULL, "1" },
  { "notes", SEC_FIELD_LONG_TEXT, 0, N_("Notes") },
};
static const SecDerived project_partner_derived[] = {
  { "organisation-name", "(SELECT o.name FROM organisations o WHERE o.id = t.organisation_id)" },
  { "country", "(SELECT o.country FROM organisations o WHERE o.id = t.organisation_id)" },
  { "project-acronym", "(SELECT p.acronym FROM projects p WHERE p.id = t.project_id)" },
  { "project-title", "(SELECT p.title FROM projects p WHERE p.id = t.project_id)" },
  { NULL, NULL }
};
static const SecKind project_partner_kind = {
  "project-partner", "project-partners", "project_partners",
  N_("Project partner"), N_("Project partners"),
  project_partner_fields, G_N_ELEMENTS (project_partner_fields), NULL,
  N_("This organisation is already a partner of the project"),
  NULL, NULL, project_partner_derived,
};

SEC_DEFINE_RECORD_KIND (SecProgramme, sec_programme, programme_kind)
SEC_DEFINE_RECORD_KIND (SecFundingCall, sec_funding_call, funding_call_kind)
SEC_DEFINE_RECORD_KIND (SecProject, sec_project, project_kind)
SEC_DEFINE_RECORD_KIND (SecProjectPartner, sec_project_partner, project_partner_kind)
