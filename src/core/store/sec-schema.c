/* sec-schema.c: the database schema, one numbered migration at a time
 *
 * A migration is never edited once released: a change to the schema is a
 * new entry at the end. Every table has `id`, `created_at`, `updated_at`
 * (UTC, ISO 8601), `search_text` (the searchable fields folded for case and
 * accents, maintained by the store) and `sort_key` (the locale's collation
 * key of the name fields).
 */
#define G_LOG_DOMAIN "sec-schema"

#include "config.h"

#include "core/store/sec-schema.h"

#define COMMON \
  "id INTEGER PRIMARY KEY," \
  "created_at TEXT NOT NULL," \
  "updated_at TEXT NOT NULL," \
  "search_text TEXT NOT NULL DEFAULT ''," \
  "sort_key BLOB,"

#define DATE_OK(c) "CHECK (" c " IS NULL OR (" c " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(" c ") IS NOT NULL))"
#define DATETIME_OK(c) "CHECK (" c " IS NULL OR (" c " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]*' AND datetime(" c ") IS NOT NULL))"
#define NOT_BLANK(c) "CHECK (length(trim(" c ")) > 0)"
#define COUNTRY_OK(c) "CHECK (" c " IS NULL OR " c " GLOB '[A-Z][A-Z]')"

static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ");"

  "CREATE TABLE organisations (" COMMON
  "  name TEXT NOT NULL UNIQUE " NOT_BLANK ("name") ","
  "  acronym TEXT,"
  "  kind TEXT NOT NULL DEFAULT 'civil-society' CHECK (kind IN ('civil-society', 'nrem',"
  "    'eu-agency', 'eu-institution', 'member-state', 'international', 'other')),"
  "  country TEXT " COUNTRY_OK ("country") ","
  "  city TEXT,"
  "  address TEXT,"
  "  website TEXT,"
  "  email TEXT,"
  "  phone TEXT,"
  "  notes TEXT"
  ");"
  "CREATE INDEX organisations_sort ON organisations (sort_key);"
  "CREATE INDEX organisations_country ON organisations (country);"

  "CREATE TABLE people (" COMMON
  "  title TEXT,"
  "  given_name TEXT,"
  "  family_name TEXT NOT NULL " NOT_BLANK ("family_name") ","
  "  position TEXT,"
  /* A person outlives the organisation they worked for. */
  "  organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,"
  "  email TEXT,"
  "  phone TEXT,"
  "  languages TEXT,"
  "  accessibility_needs TEXT,"
  "  dietary_needs TEXT,"
  "  notes TEXT,"
  "  consent_date TEXT " DATE_OK ("consent_date") ","
  "  consent_source TEXT"
  ");"
  "CREATE INDEX people_sort ON people (sort_key);"
  "CREATE INDEX people_organisation ON people (organisation_id);"

  "CREATE TABLE bodies (" COMMON
  "  name TEXT NOT NULL UNIQUE " NOT_BLANK ("name") ","
  "  acronym TEXT,"
  "  established_on TEXT " DATE_OK ("established_on") ","
  "  description TEXT,"
  "  notes TEXT"
  ");"

  "CREATE TABLE calls (" COMMON
  "  reference TEXT UNIQUE,"
  "  title TEXT NOT NULL " NOT_BLANK ("title") ","
  /* A body with calls cannot be deleted: its calls are its history. */
  "  body_id INTEGER NOT NULL REFERENCES bodies (id) ON DELETE RESTRICT,"
  "  kind TEXT NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'targeted')),"
  "  eligible_countries TEXT,"
  "  thematic_focus TEXT,"
  "  published_on TEXT " DATE_OK ("published_on") ","
  "  deadline TEXT " DATETIME_OK ("deadline") ","
  "  deadline_timezone TEXT NOT NULL DEFAULT 'Europe/Brussels',"
  "  description TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed',"
  "    'evaluation', 'decided'))"
  ");"
  "CREATE INDEX calls_body ON calls (body_id);"

  "CREATE TABLE memberships (" COMMON
  "  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,"
  "  body_id INTEGER NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,"
  "  joined_on TEXT " DATE_OK ("joined_on") ","
  "  left_on TEXT " DATE_OK ("left_on") ","
  "  call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'ended')),"
  "  notes TEXT,"
  "  CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on),"
  "  UNIQUE (organisation_id, body_id, joined_on)"
  ");"
  "CREATE INDEX memberships_body ON memberships (body_id);"
  "CREATE INDEX memberships_organisation ON memberships (organisation_id);"
  "CREATE INDEX memberships_call ON memberships (call_id);"

  "CREATE TABLE meetings (" COMMON
  "  title TEXT NOT NULL " NOT_BLANK ("title") ","
  "  kind TEXT NOT NULL DEFAULT 'plenary' CHECK (kind IN ('plenary', 'joint-session',"
  "    'working-group', 'online', 'other')),"
  "  starts_at TEXT NOT NULL " DATETIME_OK ("starts_at") ","
  "  ends_at TEXT NOT NULL " DATETIME_OK ("ends_at") ","
  "  timezone TEXT NOT NULL DEFAULT 'Europe/Brussels',"
  "  venue TEXT,"
  "  room TEXT,"
  "  address TEXT,"
  "  online_link TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'planned',"
  "    'invitations-sent', 'held', 'cancelled')),"
  "  chair TEXT,"
  "  co_chair TEXT,"
  "  notes TEXT,"
  "  CHECK (ends_at >= starts_at)"
  ");"
  "CREATE INDEX meetings_starts ON meetings (starts_at);"

  "CREATE TABLE meeting_bodies (" COMMON
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  /* A body that has met cannot be deleted: its meetings are its history. */
  "  body_id INTEGER NOT NULL REFERENCES bodies (id) ON DELETE RESTRICT,"
  "  UNIQUE (meeting_id, body_id)"
  ");"
  "CREATE INDEX meeting_bodies_body ON meeting_bodies (body_id);"

  "CREATE TABLE agenda_items (" COMMON
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 1,"
  "  title TEXT NOT NULL " NOT_BLANK ("title") ","
  "  description TEXT,"
  "  kind TEXT NOT NULL DEFAULT 'item' CHECK (kind IN ('item', 'break', 'lunch', 'signing', 'other')),"
  "  duration INTEGER NOT NULL DEFAULT 30 CHECK (duration >= 0 AND duration <= 1440),"
  "  fixed_start TEXT CHECK (fixed_start IS NULL OR fixed_start GLOB '[0-2][0-9]:[0-5][0-9]'),"
  "  internal_notes TEXT"
  ");"
  "CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);"

  "CREATE TABLE agenda_speakers (" COMMON
  "  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (agenda_item_id, person_id)"
  ");"
  "CREATE INDEX agenda_speakers_person ON agenda_speakers (person_id);"

  "CREATE TABLE participants (" COMMON
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  /* Erasing a person erases their attendance records too. */
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,"
  "  role TEXT NOT NULL DEFAULT 'participant' CHECK (role IN ('chair', 'co-chair', 'speaker',"
  "    'participant', 'observer', 'organiser')),"
  "  status TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'registered',"
  "    'confirmed', 'declined', 'attended', 'attended-remotely', 'excused', 'absent', 'replaced')),"
  "  substitute_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  invited_on TEXT " DATE_OK ("invited_on") ","
  "  status_changed_on TEXT " DATE_OK ("status_changed_on") ","
  "  needs TEXT,"
  "  notes TEXT,"
  "  UNIQUE (meeting_id, person_id)"
  ");"
  "CREATE INDEX participants_person ON participants (person_id);"
  "CREATE INDEX participants_organisation ON participants (organisation_id);"

  /* Every change of a participant's status, with its date. */
  "CREATE TABLE participant_history ("
  "  id INTEGER PRIMARY KEY,"
  "  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL,"
  "  changed_at TEXT NOT NULL"
  ");"
  "CREATE INDEX participant_history_participant ON participant_history (participant_id);"
  "CREATE TRIGGER participants_status_history AFTER UPDATE OF status ON participants"
  "  WHEN old.status IS NOT new.status BEGIN"
  "    INSERT INTO participant_history (participant_id, status, changed_at)"
  "    VALUES (new.id, new.status, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
  "  END;"

  "CREATE TABLE errata (" COMMON
  "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  published_on TEXT NOT NULL " DATE_OK ("published_on") ","
  "  text TEXT NOT NULL " NOT_BLANK ("text")
  ");"
  "CREATE INDEX errata_call ON errata (call_id);"

  "CREATE TABLE applications (" COMMON
  "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,"
  "  received_at TEXT " DATETIME_OK ("received_at") ","
  "  eligibility TEXT NOT NULL DEFAULT 'unchecked' CHECK (eligibility IN ('unchecked',"
  "    'eligible', 'not-eligible')),"
  "  eligibility_reason TEXT,"
  "  outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'selected',"
  "    'reserve', 'rejected')),"
  "  notes TEXT,"
  "  UNIQUE (call_id, organisation_id)"
  ");"
  "CREATE INDEX applications_organisation ON applications (organisation_id);"

  "CREATE TABLE statements (" COMMON
  "  title TEXT NOT NULL " NOT_BLANK ("title") ","
  "  signed_on TEXT " DATE_OK ("signed_on") ","
  "  place TEXT,"
  "  meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,"
  "  predecessor_id INTEGER REFERENCES statements (id) ON DELETE SET NULL"
  "    CHECK (predecessor_id IS NULL OR predecessor_id <> id),"
  "  summary TEXT,"
  "  text TEXT"
  ");"

  "CREATE TABLE signatories (" COMMON
  "  statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,"
  "  signer_name TEXT,"
  "  signer_position TEXT,"
  "  position INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (statement_id, organisation_id)"
  ");"
  "CREATE INDEX signatories_organisation ON signatories (organisation_id);"

  "CREATE TABLE commitments (" COMMON
  "  statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 1,"
  "  text TEXT NOT NULL " NOT_BLANK ("text")
  ");"
  "CREATE INDEX commitments_statement ON commitments (statement_id);"

  "CREATE TABLE follow_ups (" COMMON
  "  commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,"
  "  signatory_id INTEGER REFERENCES signatories (id) ON DELETE CASCADE,"
  "  year INTEGER CHECK (year IS NULL OR (year >= 1900 AND year <= 2200)),"
  "  date TEXT " DATE_OK ("date") ","
  "  status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started',"
  "    'in-progress', 'done', 'not-applicable')),"
  "  note TEXT,"
  "  evidence TEXT"
  ");"
  "CREATE INDEX follow_ups_commitment ON follow_ups (commitment_id);"
  "CREATE INDEX follow_ups_signatory ON follow_ups (signatory_id);";

/* Version 2: an organisation's contact person (invitations go to them),
 * and the state of a meeting's agenda: draft or final, with a version that
 * rises on each change once final. */
static const char migration_2[] =
  "ALTER TABLE organisations ADD COLUMN contact_person_id INTEGER"
  "  REFERENCES people (id) ON DELETE SET NULL;"
  "CREATE INDEX organisations_contact ON organisations (contact_person_id);"
  "ALTER TABLE meetings ADD COLUMN agenda_status TEXT NOT NULL DEFAULT 'draft'"
  "  CHECK (agenda_status IN ('draft', 'final'));"
  "ALTER TABLE meetings ADD COLUMN agenda_version INTEGER NOT NULL DEFAULT 0"
  "  CHECK (agenda_version >= 0);";

/* Version 4: calls and applications in full. A call names the kinds of
 * organisation it is open to; an erratum may restate the call's whole text.
 * An application keeps the time zone of its receipt (empty: the call's
 * deadline zone), whether it came late, the version of the call's text it
 * answered (1: as published, n + 1: after n errata; 0: unknown), the
 * documents received, the thematic areas it states, the automatic
 * eligibility check (result, failed rule and reason) beside `eligibility`,
 * which staff may override with a reason, an optional score and comments,
 * and the membership its selection made. Existing applications get their
 * check's result from `eligibility`, their version from the errata dates,
 * and their late flag by comparing wall-clock times, which are in the same
 * zone until a receipt zone is set (seconds are made explicit first). */
static const char migration_4[] =
  "ALTER TABLE calls ADD COLUMN eligible_kinds TEXT;"
  "ALTER TABLE errata ADD COLUMN revised_text TEXT;"
  "ALTER TABLE applications ADD COLUMN received_timezone TEXT;"
  "ALTER TABLE applications ADD COLUMN late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1));"
  "ALTER TABLE applications ADD COLUMN call_version INTEGER NOT NULL DEFAULT 0"
  "  CHECK (call_version >= 0);"
  "ALTER TABLE applications ADD COLUMN documents TEXT;"
  "ALTER TABLE applications ADD COLUMN thematic_areas TEXT;"
  "ALTER TABLE applications ADD COLUMN checked_eligibility TEXT NOT NULL DEFAULT 'unchecked'"
  "  CHECK (checked_eligibility IN ('unchecked', 'eligible', 'not-eligible'));"
  "ALTER TABLE applications ADD COLUMN eligibility_rule TEXT CHECK (eligibility_rule IS NULL OR"
  "  eligibility_rule IN ('deadline', 'country', 'organisation-kind', 'thematic-focus'));"
  "ALTER TABLE applications ADD COLUMN eligibility_overridden INTEGER NOT NULL DEFAULT 0"
  "  CHECK (eligibility_overridden IN (0, 1));"
  "ALTER TABLE applications ADD COLUMN override_reason TEXT;"
  /* Digits with at most one point: the store writes it so. */
  "ALTER TABLE applications ADD COLUMN score TEXT CHECK (score IS NULL OR (score GLOB '[0-9]*'"
  "  AND score NOT GLOB '*[^0-9.]*' AND score NOT GLOB '*.*.*' AND score NOT GLOB '*.'));"
  "ALTER TABLE applications ADD COLUMN comments TEXT;"
  /* Undoing a selection removes exactly this membership. */
  "ALTER TABLE applications ADD COLUMN membership_id INTEGER"
  "  REFERENCES memberships (id) ON DELETE SET NULL;"
  "CREATE UNIQUE INDEX applications_membership ON applications (membership_id)"
  "  WHERE membership_id IS NOT NULL;"
  /* The commitments grid reads one cell at a time. */
  "CREATE INDEX follow_ups_cell ON follow_ups (commitment_id, signatory_id, year);"
  "UPDATE applications SET checked_eligibility = eligibility;"
  "UPDATE applications SET call_version = 1 + (SELECT count(*) FROM errata e"
  "  WHERE e.call_id = applications.call_id AND e.published_on <= substr(applications.received_at, 1, 10))"
  "  WHERE received_at IS NOT NULL;"
  "UPDATE applications SET late = 1"
  "  WHERE substr(received_at || ':00', 1, 19) >"
  "    (SELECT substr(c.deadline || ':00', 1, 19) FROM calls c WHERE c.id = applications.call_id);";

/* A table's search index: "<table>_search", an FTS5 table of the trigrams
 * of its search_text (which the store folds, so the tokenizer must not fold
 * again), with a space before and after so that a trigram " ab" marks a
 * word starting with "ab". It holds no copy of the text (content=''), and
 * triggers keep it in step with every insert, update and delete;
 * "<table>_search_terms" lists its trigrams for one-letter searches. A
 * table added later gets its index by one line SEARCH_INDEX ("table") in
 * its own migration; the store finds the indexed tables when it opens.
 * Its delete trigger removes a row's trigrams from what searches see;
 * sec_store_search_index_optimize () removes them from the file. */
#define SEARCH_INDEX(table) \
  "CREATE VIRTUAL TABLE " table "_search USING fts5 (text, content='',"   \
  "  tokenize='trigram case_sensitive 1');"                               \
  "CREATE VIRTUAL TABLE " table "_search_terms USING fts5vocab (" table "_search, 'row');" \
  "INSERT INTO " table "_search (rowid, text)"                            \
  "  SELECT id, ' ' || search_text || ' ' FROM " table ";"                \
  "CREATE TRIGGER " table "_search_insert AFTER INSERT ON " table " BEGIN" \
  "  INSERT INTO " table "_search (rowid, text) VALUES (new.id, ' ' || new.search_text || ' ');" \
  "END;"                                                                  \
  "CREATE TRIGGER " table "_search_delete AFTER DELETE ON " table " BEGIN" \
  "  INSERT INTO " table "_search (" table "_search, rowid, text)"        \
  "    VALUES ('delete', old.id, ' ' || old.search_text || ' ');"         \
  "END;"                                                                  \
  "CREATE TRIGGER " table "_search_update AFTER UPDATE OF search_text ON " table \
  "  WHEN old.search_text IS NOT new.search_text BEGIN"                   \
  "  INSERT INTO " table "_search (" table "_search, rowid, text)"        \
  "    VALUES ('delete', old.id, ' ' || old.search_text || ' ');"         \
  "  INSERT INTO " table "_search (rowid, text) VALUES (new.id, ' ' || new.search_text || ' ');" \
  "END;"

/* Version 5: a search index for every kind with searchable fields (search
 * as you type reads an index instead of every row's text), and meetings in
 * date order from an index that holds their whole order (date, then name):
 * a page of the list no longer sorts every meeting; and each meeting's
 * count of confirmed participants from an index alone (the list shows it
 * for every meeting on the page). */
static const char migration_5[] =
  "CREATE INDEX meetings_starts_sort ON meetings (starts_at, sort_key);"
  "DROP INDEX meetings_starts;"
  "CREATE INDEX participants_meeting_status ON participants (meeting_id, status);"
  SEARCH_INDEX ("organisations")
  SEARCH_INDEX ("people")
  SEARCH_INDEX ("bodies")
  SEARCH_INDEX ("calls")
  SEARCH_INDEX ("meetings")
  SEARCH_INDEX ("agenda_items")
  SEARCH_INDEX ("errata")
  SEARCH_INDEX ("applications")
  SEARCH_INDEX ("statements")
  SEARCH_INDEX ("signatories")
  SEARCH_INDEX ("commitments")
  SEARCH_INDEX ("follow_ups");

/* Version 7: EU funding. Programmes (AMIF, ISF Police, FP7, Horizon 2020,
 * the ERC...), their calls for proposals (a deadline is a wall-clock time
 * in its own zone, 17:00 Brussels time by default; the status follows from
 * the dates and is worked out by src/core/funding, not stored), the
 * projects they fund and each project's partners. Amounts are whole euros:
 * exact, and summed by SQL without rounding. A partner's country is its
 * organisation's, so that it is written once. */
static const char migration_7[] =
  "CREATE TABLE funding_programmes (" COMMON
  "  name TEXT NOT NULL UNIQUE " NOT_BLANK ("name") ","
  "  short_name TEXT,"
  "  first_year INTEGER NOT NULL DEFAULT 0 CHECK (first_year = 0 OR (first_year >= 1950 AND first_year <= 2200)),"
  "  last_year INTEGER NOT NULL DEFAULT 0 CHECK (last_year = 0 OR (last_year >= 1950 AND last_year <= 2200)),"
  "  grant_types TEXT,"
  "  website TEXT,"
  "  description TEXT,"
  "  CHECK (last_year = 0 OR first_year = 0 OR last_year >= first_year)"
  ");"
  "CREATE INDEX funding_programmes_sort ON funding_programmes (sort_key);"

  "CREATE TABLE funding_calls (" COMMON
  "  title TEXT NOT NULL " NOT_BLANK ("title") ","
  /* A programme with calls cannot be deleted: its calls are its history. */
  "  programme_id INTEGER NOT NULL REFERENCES funding_programmes (id) ON DELETE RESTRICT,"
  "  work_programme_year INTEGER NOT NULL DEFAULT 0"
  "    CHECK (work_programme_year = 0 OR (work_programme_year >= 1950 AND work_programme_year <= 2200)),"
  "  topics TEXT,"
  "  reference TEXT UNIQUE,"
  "  published_on TEXT " DATE_OK ("published_on") ","
  "  deadline TEXT " DATETIME_OK ("deadline") ","
  "  deadline_timezone TEXT NOT NULL DEFAULT 'Europe/Brussels',"
  "  link TEXT,"
  "  budget INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0),"
  "  description TEXT"
  ");"
  "CREATE INDEX funding_calls_programme ON funding_calls (programme_id);"
  "CREATE INDEX funding_calls_deadline ON funding_calls (deadline);"

  "CREATE TABLE projects (" COMMON
  "  acronym TEXT NOT NULL " NOT_BLANK ("acronym") ","
  "  title TEXT NOT NULL " NOT_BLANK ("title") ","
  "  reference TEXT,"
  "  programme_id INTEGER REFERENCES funding_programmes (id) ON DELETE RESTRICT,"
  "  grant_type TEXT CHECK (grant_type IS NULL OR grant_type IN ('starting', 'consolidator',"
  "    'advanced', 'synergy', 'proof-of-concept', 'collaborative', 'action', 'other')),"
  "  funding_call_id INTEGER REFERENCES funding_calls (id) ON DELETE SET NULL,"
  /* A project outlives its coordinator's or investigator's record. */
  "  coordinator_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,"
  "  principal_investigator_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  budget INTEGER NOT NULL DEFAULT 0 CHECK (budget >= 0),"
  "  eu_contribution INTEGER NOT NULL DEFAULT 0 CHECK (eu_contribution >= 0),"
  "  starts_on TEXT " DATE_OK ("starts_on") ","
  "  ends_on TEXT " DATE_OK ("ends_on") ","
  "  themes TEXT,"
  "  objectives TEXT,"
  "  results TEXT,"
  "  publications TEXT,"
  "  links TEXT,"
  "  notes TEXT,"
  "  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)"
  ");"
  "CREATE INDEX projects_sort ON projects (sort_key);"
  "CREATE INDEX projects_programme ON projects (programme_id);"
  "CREATE INDEX projects_call ON projects (funding_call_id);"
  "CREATE INDEX projects_coordinator ON projects (coordinator_id);"
  "CREATE INDEX projects_investigator ON projects (principal_investigator_id);"

  "CREATE TABLE project_partners (" COMMON
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL DEFAULT 'partner' CHECK (role IN ('coordinator', 'partner',"
  "    'host-institution', 'associated', 'third-party')),"
  "  short_name TEXT,"
  "  position INTEGER NOT NULL DEFAULT 1,"
  "  notes TEXT,"
  "  UNIQUE (project_id, organisation_id)"
  ");"
  "CREATE INDEX project_partners_organisation ON project_partners (organisation_id);"
  SEARCH_INDEX ("funding_programmes")
  SEARCH_INDEX ("funding_calls")
  SEARCH_INDEX ("projects")
  SEARCH_INDEX ("project_partners");
/* Version 9: minutes and action points. The minutes of a meeting are kept
 * per agenda item (a summary and the decisions taken), and go with the
 * item. An action point comes from a meeting (and, where it was decided,
 * one of its agenda items): what is to be done, by whom (the secretariat,
 * a person or an organisation; a person or organisation erased leaves the
 * point with nobody named rather than taking it along), by when, and
 * whether it is open, done or dropped (with the day it was closed). */
static const char migration_9[] =
  "CREATE TABLE minutes (" COMMON
  "  agenda_item_id INTEGER NOT NULL UNIQUE REFERENCES agenda_items (id) ON DELETE CASCADE,"
  "  summary TEXT,"
  "  decisions TEXT"
  ");"
  "CREATE TABLE action_points (" COMMON
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,"
  "  what TEXT NOT NULL " NOT_BLANK ("what") ","
  "  owner TEXT NOT NULL DEFAULT 'secretariat' CHECK (owner IN ('secretariat', 'person',"
  "    'organisation')),"
  "  person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,"
  "  due_on TEXT " DATE_OK ("due_on") ","
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),"
  "  closed_on TEXT " DATE_OK ("closed_on") ","
  "  notes TEXT"
  ");"
  "CREATE INDEX action_points_meeting ON action_points (meeting_id);"
  "CREATE INDEX action_points_item ON action_points (agenda_item_id);"
  "CREATE INDEX action_points_person ON action_points (person_id);"
  "CREATE INDEX action_points_organisation ON action_points (organisation_id);"
  "CREATE INDEX action_points_open ON action_points (status, due_on);"
  SEARCH_INDEX ("minutes")
  SEARCH_INDEX ("action_points");
/* Version 8: e-mails to participants, and who represents a member.
 * A person may be marked as not to be contacted (drafts leave them out).
 * A participant records when each kind of message was last written to
 * them, beside `invited_on`: a reminder, the practical information, the
 * thanks. A membership names the organisation's delegate, and its
 * alternates in order (people of the organisation, checked by the
 * workflow: a person can move to another organisation later). */
static const char migration_8[] =
  "ALTER TABLE people ADD COLUMN no_contact INTEGER NOT NULL DEFAULT 0"
  "  CHECK (no_contact IN (0, 1));"
  "ALTER TABLE participants ADD COLUMN reminded_on TEXT " DATE_OK ("reminded_on") ";"
  "ALTER TABLE participants ADD COLUMN informed_on TEXT " DATE_OK ("informed_on") ";"
  "ALTER TABLE participants ADD COLUMN thanked_on TEXT " DATE_OK ("thanked_on") ";"
  "ALTER TABLE memberships ADD COLUMN delegate_id INTEGER"
  "  REFERENCES people (id) ON DELETE SET NULL;"
  "CREATE INDEX memberships_delegate ON memberships (delegate_id);"
  "CREATE TABLE membership_alternates ("
  "  id INTEGER PRIMARY KEY,"
  "  membership_id INTEGER NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (membership_id, person_id)"
  ");"
  "CREATE INDEX membership_alternates_person ON membership_alternates (person_id);";

/* Version 6: personal data as the law asks (sec-store-history.c,
 * sec-store-privacy.c). The audit history: one row per inserted or deleted
 * record (its values as JSON) and per changed field, written by triggers
 * the store makes when it opens the file; the history refuses updates and
 * deletions except while an erasure runs (the setting "history-erasing",
 * set and cleared inside the erasure's own transaction). A person's lawful
 * basis (the date and source are the former consent columns), the version
 * of the privacy statement they were given, explicit consent for their
 * needs, needs kept beyond the meeting, restriction, and the date they were
 * erased (the row stays, emptied, so that past meetings keep counting
 * their participants). A meeting's privacy statement. Existing people with
 * a consent date had given consent. */
static const char migration_6[] =
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  user TEXT,"
  "  table_name TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'erased')),"
  "  field TEXT,"
  "  old_value,"
  "  new_value"
  ");"
  "CREATE INDEX history_record ON history (table_name, record_id);"
  "CREATE TRIGGER history_no_update BEFORE UPDATE ON history"
  "  WHEN (SELECT value FROM settings WHERE key = 'history-erasing') IS NOT '1' BEGIN"
  "    SELECT RAISE(ABORT, 'history-read-only');"
  "  END;"
  "CREATE TRIGGER history_no_delete BEFORE DELETE ON history"
  "  WHEN (SELECT value FROM settings WHERE key = 'history-erasing') IS NOT '1' BEGIN"
  "    SELECT RAISE(ABORT, 'history-read-only');"
  "  END;"
  "ALTER TABLE people ADD COLUMN lawful_basis TEXT CHECK (lawful_basis IS NULL OR"
  "  lawful_basis IN ('consent', 'membership', 'public-task'));"
  "ALTER TABLE people ADD COLUMN privacy_version TEXT;"
  "ALTER TABLE people ADD COLUMN needs_consent INTEGER NOT NULL DEFAULT 0 CHECK (needs_consent IN (0, 1));"
  "ALTER TABLE people ADD COLUMN needs_lasting INTEGER NOT NULL DEFAULT 0 CHECK (needs_lasting IN (0, 1));"
  "ALTER TABLE people ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1));"
  "ALTER TABLE people ADD COLUMN erased_on TEXT " DATE_OK ("erased_on") ";"
  "ALTER TABLE meetings ADD COLUMN privacy_statement TEXT;"
  "UPDATE people SET lawful_basis = 'consent' WHERE consent_date IS NOT NULL;"
  "UPDATE people SET needs_consent = 1 WHERE consent_date IS NOT NULL"
  "  AND (trim(coalesce(accessibility_needs, '')) <> '' OR trim(coalesce(dietary_needs, '')) <> '');"
  /* Needs (health, religion) only with explicit consent. */
  "CREATE TRIGGER people_needs_consent_insert BEFORE INSERT ON people"
  "  WHEN new.needs_consent = 0 AND (trim(coalesce(new.accessibility_needs, '')) <> ''"
  "    OR trim(coalesce(new.dietary_needs, '')) <> '') BEGIN"
  "    SELECT RAISE(ABORT, 'needs-without-consent');"
  "  END;"
  "CREATE TRIGGER people_needs_consent_update BEFORE UPDATE OF accessibility_needs, dietary_needs,"
  "  needs_consent ON people"
  "  WHEN new.needs_consent = 0 AND (trim(coalesce(new.accessibility_needs, '')) <> ''"
  "    OR trim(coalesce(new.dietary_needs, '')) <> '') BEGIN"
  "    SELECT RAISE(ABORT, 'needs-without-consent');"
  "  END;";

/* The organising institution: its staff are listed under its name, not
 * under the country where its building stands. */
static const char migration_10[] =
  "ALTER TABLE organisations ADD COLUMN organiser INTEGER NOT NULL DEFAULT 0 CHECK (organiser IN (0, 1));";
/* A membership's delegate and alternates are people of its organisation:
 * the delegate picker offers only them, and the store refuses any other
 * (sec_store_representative_trigger_message ()). Memberships saved before
 * keep what they name; the next change of one asks for a valid delegate. */
static const char migration_13[] =
  "CREATE TRIGGER memberships_delegate_insert BEFORE INSERT ON memberships"
  "  WHEN new.delegate_id IS NOT NULL AND (SELECT p.organisation_id FROM people p"
  "    WHERE p.id = new.delegate_id) IS NOT new.organisation_id BEGIN"
  "    SELECT RAISE(ABORT, 'delegate-not-of-organisation');"
  "  END;"
  "CREATE TRIGGER memberships_delegate_update BEFORE UPDATE OF delegate_id, organisation_id ON memberships"
  "  WHEN new.delegate_id IS NOT NULL AND (SELECT p.organisation_id FROM people p"
  "    WHERE p.id = new.delegate_id) IS NOT new.organisation_id BEGIN"
  "    SELECT RAISE(ABORT, 'delegate-not-of-organisation');"
  "  END;"
  "CREATE TRIGGER membership_alternates_insert BEFORE INSERT ON membership_alternates"
  "  WHEN (SELECT p.organisation_id FROM people p WHERE p.id = new.person_id)"
  "    IS NOT (SELECT m.organisation_id FROM memberships m WHERE m.id = new.membership_id) BEGIN"
  "    SELECT RAISE(ABORT, 'alternate-not-of-organisation');"
  "  END;";
/* Version 11: an index for each order a long list is read in that had
 * none (sec-store-query.c), so that a page is read from the index instead
 * of sorting every row: people by e-mail (empty ones last: SQLite reads
 * "NULLS LAST" from the index too), and the lists' "Recently Added". And
 * the opening no longer reads every participation (below). */
static const char migration_11[] =
  "CREATE INDEX people_email ON people (email, sort_key);"
  "CREATE INDEX people_created ON people (created_at);"
  "CREATE INDEX organisations_created ON organisations (created_at);"
  "CREATE INDEX meetings_created ON meetings (created_at);"
  /* The needs cleared at every opening (sec-store-privacy.c): the few rows
   * that have some, not every participation and person. */
  "CREATE INDEX participants_needs ON participants (meeting_id) WHERE needs IS NOT NULL;"
  "CREATE INDEX people_needs ON people (id)"
  "  WHERE needs_lasting = 0 AND coalesce(accessibility_needs, dietary_needs) IS NOT NULL;";
/* Version 12: a participant's needs at a meeting, too, are kept only with
 * the person's explicit consent (sec-store-privacy.h): triggers refuse them
 * otherwise, and refuse withdrawing the consent while a participation
 * still holds needs. Needs given before on a form that recorded consent
 * count as consented, as version 6 did for a person's own needs; others
 * stay as they are (nothing is dropped) until they expire after the
 * meeting, and cannot be changed except to be cleared. */
static const char migration_12[] =
  "UPDATE people SET needs_consent = 1 WHERE needs_consent = 0 AND consent_date IS NOT NULL"
  "  AND EXISTS (SELECT 1 FROM participants pa WHERE pa.person_id = people.id"
  "              AND trim(coalesce(pa.needs, '')) <> '');"
  "CREATE TRIGGER participants_needs_consent_insert BEFORE INSERT ON participants"
  "  WHEN trim(coalesce(new.needs, '')) <> ''"
  "    AND NOT coalesce((SELECT needs_consent FROM people WHERE id = new.person_id), 0) BEGIN"
  "    SELECT RAISE(ABORT, 'participant-needs-without-consent');"
  "  END;"
  "CREATE TRIGGER participants_needs_consent_update BEFORE UPDATE OF needs, person_id ON participants"
  "  WHEN trim(coalesce(new.needs, '')) <> ''"
  "    AND (new.needs IS NOT old.needs OR new.person_id IS NOT old.person_id)"
  "    AND NOT coalesce((SELECT needs_consent FROM people WHERE id = new.person_id), 0) BEGIN"
  "    SELECT RAISE(ABORT, 'participant-needs-without-consent');"
  "  END;"
  "CREATE TRIGGER people_needs_consent_withdrawn BEFORE UPDATE OF needs_consent ON people"
  "  WHEN new.needs_consent = 0 AND old.needs_consent = 1"
  "    AND EXISTS (SELECT 1 FROM participants pa WHERE pa.person_id = new.id"
  "                AND trim(coalesce(pa.needs, '')) <> '') BEGIN"
  "    SELECT RAISE(ABORT, 'needs-consent-in-use');"
  "  END;";

/* Version 14: each meeting's count of participants and of those confirmed,
 * kept by triggers, so that a page of meetings reads two numbers a row
 * instead of counting some 200 participations each (1,000,000 in a file
 * of 5,000 meetings; see README, "Speed at scale"). The counts of a new
 * meeting are counted from its rows, which also mends any count left
 * wrong while foreign keys were off. */
#define CONFIRMED(row) "(" row ".status IN ('confirmed', 'attended', 'attended-remotely'))"
static const char migration_14[] =
  "CREATE TABLE meeting_counts ("
  "  meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,"
  "  participants INTEGER NOT NULL DEFAULT 0,"
  "  confirmed INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO meeting_counts (meeting_id, participants, confirmed)"
  "  SELECT m.id, (SELECT count(*) FROM participants p WHERE p.meeting_id = m.id),"
  "    (SELECT count(*) FROM participants p WHERE p.meeting_id = m.id AND " CONFIRMED ("p") ")"
  "  FROM meetings m;"
  "CREATE TRIGGER meetings_counts_insert AFTER INSERT ON meetings BEGIN"
  "  INSERT OR REPLACE INTO meeting_counts (meeting_id, participants, confirmed) VALUES (new.id,"
  "    (SELECT count(*) FROM participants p WHERE p.meeting_id = new.id),"
  "    (SELECT count(*) FROM participants p WHERE p.meeting_id = new.id AND " CONFIRMED ("p") "));"
  "  END;"
  "CREATE TRIGGER participants_counts_insert AFTER INSERT ON participants BEGIN"
  "  UPDATE meeting_counts SET participants = participants + 1, confirmed = confirmed + " CONFIRMED ("new")
  "    WHERE meeting_id = new.meeting_id;"
  "  END;"
  "CREATE TRIGGER participants_counts_delete AFTER DELETE ON participants BEGIN"
  "  UPDATE meeting_counts SET participants = participants - 1, confirmed = confirmed - " CONFIRMED ("old")
  "    WHERE meeting_id = old.meeting_id;"
  "  END;"
  "CREATE TRIGGER participants_counts_update AFTER UPDATE OF meeting_id, status ON participants BEGIN"
  "  UPDATE meeting_counts SET participants = participants - 1, confirmed = confirmed - " CONFIRMED ("old")
  "    WHERE meeting_id = old.meeting_id;"
  "  UPDATE meeting_counts SET participants = participants + 1, confirmed = confirmed + " CONFIRMED ("new")
  "    WHERE meeting_id = new.meeting_id;"
  "  END;";
#undef CONFIRMED

/* Migration 15: every record carries a version, 1 when written first and
 * one more at each save, so that a save made on a record someone else
 * changed since it was read is refused instead of overwriting their change
 * (two staff on one shared database; README, "When two people edit the
 * same record"). Existing records start at 1. */
#define ADD_VERSION(table) "ALTER TABLE " table " ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
static const char migration_15[] =
  SEC_SCHEMA_VERSIONED_TABLES (ADD_VERSION);
#undef ADD_VERSION

/* Migration 16: people by organisation read from an index. No index can
 * order people by a column of another table, so the organisation's sort
 * key is copied into `people` (organisation_sort_key, a derived column as
 * sort_key is: no field, never exported or recorded in the history) and
 * kept in step by triggers: on a person's insert and change of
 * organisation, on an organisation's change of sort key (a rename, an
 * erasure, a new collation: sec-store-migrate.c), and when it is deleted
 * (its people's organisation_id is set to NULL, an update). A value written
 * into the column by anyone else (a copy of the database) is set right by
 * the same triggers. The index on (it, the person's sort key) gives a page
 * of people by organisation in both directions, empty ones last
 * (sec-store-query.c). */
#define ORGANISATION_KEY(row) "(SELECT o.sort_key FROM organisations o WHERE o.id = " row ".organisation_id)"
static const char migration_16[] =
  "ALTER TABLE people ADD COLUMN organisation_sort_key BLOB;"
  "UPDATE people SET organisation_sort_key = " ORGANISATION_KEY ("people")
  "  WHERE organisation_id IS NOT NULL;"
  "CREATE INDEX people_organisation_sort ON people (organisation_sort_key, sort_key);"
  "CREATE TRIGGER people_organisation_sort_insert AFTER INSERT ON people"
  "  WHEN new.organisation_sort_key IS NOT " ORGANISATION_KEY ("new") " BEGIN"
  "    UPDATE people SET organisation_sort_key = " ORGANISATION_KEY ("new") " WHERE id = new.id;"
  "  END;"
  "CREATE TRIGGER people_organisation_sort_update AFTER UPDATE OF organisation_id, organisation_sort_key ON people"
  "  WHEN new.organisation_sort_key IS NOT " ORGANISATION_KEY ("new") " BEGIN"
  "    UPDATE people SET organisation_sort_key = " ORGANISATION_KEY ("new") " WHERE id = new.id;"
  "  END;"
  "CREATE TRIGGER organisations_sort_people AFTER UPDATE OF sort_key ON organisations"
  "  WHEN new.sort_key IS NOT old.sort_key BEGIN"
  "    UPDATE people SET organisation_sort_key = new.sort_key WHERE organisation_id = new.id;"
  "  END;";
#undef ORGANISATION_KEY

static const SecMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 4, migration_4 },
  { 5, migration_5 },
  { 6, migration_6 },
  { 7, migration_7 },
  { 8, migration_8 },
  { 9, migration_9 },
  { 10, migration_10 },
  { 11, migration_11 },
  { 12, migration_12 },
  { 13, migration_13 },
  { 14, migration_14 },
  { 15, migration_15 },
  { 16, migration_16 },
};

const SecMigration *
sec_schema_get_migrations (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
