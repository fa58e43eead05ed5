/* sec-demo-calls.c: the demo data's calls for expression of interest, their
 * applications and the memberships they led to
 *
 * See sec-demo.c for what is real and what is fictional. */
#define G_LOG_DOMAIN "sec-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/sec-demo.h"
#include "cli/sec-demo-private.h"
#include "core/calls/sec-calls.h"

/* Tables */

typedef struct {
  const char *key;
  const char *reference;
  const char *title;
  const char *kind;
  const char *eligible_countries;
  const char *eligible_kinds;
  const char *published_on;
  const char *deadline;          /* Europe/Brussels */
  const char *description;       /* the text as published */
} DemoCall;

/* The 2018 call's text, from the Commission's page: its second paragraph,
 * as published, had no comma after "participants" (the page shows
 * "participantscivil society"); the erratum gave it again with the comma. */
#define CALL_2018_FIRST \
  "On 31 May 2013, the Commission launched an EU Civil Society Platform against trafficking " \
  "in human beings as an action of the EU Strategy towards the Eradication of Trafficking in " \
  "Human Beings 2012-2016. The participation of civil society actors from across all EU " \
  "Member States is important. Indeed, geographical balance has been one of the selection " \
  "criteria in previous calls.\n\n"
#define CALL_2018_SECOND_REST \
  " civil society organisations from Denmark, Estonia and Malta are not represented or a " \
  "place has become otherwise available; this targeted call for expression of interest is " \
  "hence open to civil society organisations that are legally based in these three EU " \
  "Member States.\n\n"
#define CALL_2018_THIRD \
  "Please read the call for expression of interest carefully and only apply if your " \
  "organisation complies with the eligibility criteria. Kindly note that the deadline to " \
  "apply for this call is 25 April 2018."
#define CALL_2018_AS_PUBLISHED \
  CALL_2018_FIRST "Amongst current participants" CALL_2018_SECOND_REST CALL_2018_THIRD
#define CALL_2018_CORRECTED \
  CALL_2018_FIRST "Amongst current participants," CALL_2018_SECOND_REST CALL_2018_THIRD

/* The Platform's calls are for civil society organisations. Geographical
 * balance is what a call's eligible countries express (2018) or what the
 * selection weighs (2016): not a thematic focus, which would require every
 * application to state matching thematic areas. The public pages give the
 * 2018 deadline's day only (23:59 Brussels time is the usual end of a
 * Commission call's last day) and no publication dates: those, and the
 * deadlines of 2013 and 2016, are plausible dates, not the real ones. */
static const DemoCall calls[] = {
  { "2013", "CSP-2013", "First open call for expression of interest to participate in the EU Civil "
    "Society Platform against trafficking in human beings", "open", NULL, "civil-society",
    "2013-02-11", "2013-03-22T23:59",
    "The first call for expression of interest to participate in the Platform, which the "
    "Commission launched on 31 May 2013 with the organisations selected. Open to civil society "
    "organisations from the EU and beyond. The organisations on the reserve list joined the "
    "ePlatform when it was launched in 2014." },
  { "2016", "CSP-2016", "2016 call for expression of interest: geographical balance", "open", NULL,
    "civil-society", "2016-06-13", "2016-09-30T23:59",
    "Open to civil society organisations from the EU and beyond, to ensure the geographical "
    "balance of the Platform, including organisations legally based in all EU Member States. "
    "Geographical balance was a criterion of the selection, weighed when comparing the eligible "
    "applications country by country; the call had no thematic focus." },
  { "2018", "CSP-2018-DK-EE-MT", "2018 targeted call for expression of interest: Denmark, Estonia "
    "and Malta", "targeted", "DK,EE,MT", "civil-society", "2018-03-20", "2018-04-25T23:59",
    CALL_2018_AS_PUBLISHED },
};

/* The seed gives no date for the erratum; it came before the deadline. */
static const struct {
  const char *call;
  const char *published_on;
  const char *text;
  const char *revised_text;   /* the call's whole text as corrected */
} errata[] = {
  { "2018", "2018-04-09",
    "Errata corrige: the second paragraph of the call reads “Amongst current participants, civil "
    "society organisations from Denmark, Estonia and Malta are not represented or a place has "
    "become otherwise available”.",
    CALL_2018_CORRECTED },
};

typedef struct {
  const char *organisation;
  const char *body;
  const char *joined_on;
  const char *left_on;
  const char *call;
  const char *status;
  const char *notes;
} DemoMembership;

/* A membership of the body of the call it names is made by selecting the
 * organisation's application to that call (which must have the outcome
 * "selected" below); its end, status and notes are recorded after. The
 * others (the ePlatform's, from the calls' reserve lists; the National
 * Rapporteurs'; the agencies') are entered as they are. */
static const DemoMembership memberships[] = {
  /* Platform, first call. */
  { "lodz", "platform", "2013-05-31", NULL, "2013", "active" },
  { "brno", "platform", "2013-05-31", NULL, "2013", "active" },
  { "nuernberg", "platform", "2013-05-31", NULL, "2013", "active" },
  { "plovdiv", "platform", "2013-05-31", NULL, "2013", "active" },
  { "thessaloniki", "platform", "2013-05-31", NULL, "2013", "active" },
  { "sevilla", "platform", "2013-05-31", NULL, "2013", "active" },
  { "palermo", "platform", "2013-05-31", "2021-12-31", "2013", "ended",
    "Left when the association merged with another organisation." },
  { "utrecht", "platform", "2013-05-31", NULL, "2013", "active" },
  { "liege", "platform", "2013-05-31", NULL, "2013", "suspended",
    "Suspended at the association’s request during its reorganisation." },
  { "iasi", "platform", "2013-05-31", NULL, "2013", "active" },
  { "eliamep", "platform", "2013-05-31", NULL, "2013", "active" },
  { "csd", "platform", "2013-05-31", NULL, "2013", "active" },
  { "tirane", "platform", "2013-05-31", NULL, "2013", "active" },
  /* Platform, 2016 call. */
  { "zilina", "platform", "2016-12-01", NULL, "2016", "active" },
  { "pecs", "platform", "2016-12-01", NULL, "2016", "active" },
  { "cork", "platform", "2016-12-01", NULL, "2016", "active" },
  { "graz", "platform", "2016-12-01", NULL, "2016", "active" },
  { "porto", "platform", "2016-12-01", NULL, "2016", "active" },
  { "tampere", "platform", "2016-12-01", NULL, "2016", "active" },
  { "kaunas", "platform", "2016-12-01", NULL, "2016", "active" },
  { "maribor", "platform", "2016-12-01", NULL, "2016", "active" },
  { "esch", "platform", "2016-12-01", NULL, "2016", "active" },
  { "kyiv", "platform", "2016-12-01", NULL, "2016", "active" },
  /* Platform, 2018 targeted call. */
  { "aarhus", "platform", "2018-07-01", NULL, "2018", "active" },
  { "tartu", "platform", "2018-07-01", NULL, "2018", "active" },
  { "hamrun", "platform", "2018-07-01", NULL, "2018", "active" },
  /* ePlatform, from the reserve lists. */
  { "corvinus", "eplatform", "2014-06-01", NULL, "2013", "active" },
  { "sar", "eplatform", "2014-06-01", NULL, "2013", "active" },
  { "providus", "eplatform", "2014-06-01", NULL, "2013", "active" },
  { "psd", "eplatform", "2014-06-01", NULL, "2013", "active" },
  { "uniba", "eplatform", "2014-06-01", "2019-06-30", "2013", "ended" },
  { "lyon", "eplatform", "2016-12-01", NULL, "2016", "active" },
  { "odense", "eplatform", "2018-07-01", NULL, "2018", "active" },
  { "birkirkara", "eplatform", "2018-07-01", NULL, "2018", "active" },
  /* National Rapporteurs. */
  { "nrem-nl", "nrem", "2010-01-01", NULL, NULL, "active" },
  { "nrem-fi", "nrem", "2015-01-01", NULL, NULL, "active" },
  { "nrem-bg", "nrem", "2010-01-01", NULL, NULL, "active" },
  { "nrem-gr", "nrem", "2013-01-01", NULL, NULL, "active" },
  { "nrem-cz", "nrem", "2010-01-01", NULL, NULL, "active" },
  { "nrem-ie", "nrem", "2020-11-01", NULL, NULL, "active" },
  { "nrem-se", "nrem", "2010-01-01", NULL, NULL, "active" },
  { "nrem-pl", "nrem", "2010-01-01", NULL, NULL, "active" },
  /* The agencies' contact points. */
  { "easo", "agencies" }, { "europol", "agencies" }, { "eulisa", "agencies" },
  { "emcdda", "agencies" }, { "eurojust", "agencies" }, { "eige", "agencies" },
  { "frontex", "agencies" }, { "fra", "agencies" }, { "cepol", "agencies" },
  { "eurofound", "agencies" },
};

typedef struct {
  const char *call;
  const char *organisation;
  const char *received_at;        /* in received_timezone, else Brussels time */
  const char *received_timezone;
  const char *thematic_areas;
  const char *documents;          /* one per line */
  const char *score;
  const char *outcome;            /* "selected": see the memberships */
  const char *comments;
  const char *notes;
  const char *override_reason;    /* staff found it eligible against the check */
} DemoApplication;

#define DOCS "Application form\nStatutes\nProof of legal registration\nActivity report"
#define DOCS_REFS DOCS "\nLetters of reference"
#define TO_EPLATFORM "Offered a place on the ePlatform."
#define RESEARCH_CENTRE \
  "Applied for its research centre on trafficking in human beings, which works as a civil " \
  "society actor with the organisations of the region; the selection committee admitted " \
  "academic research centres to the ePlatform (minutes of the committee, 17 April 2013)."

/* Eligibility, the late flag and the version of the call that applied are
 * not written here: the call's rules work them out on entry. */
static const DemoApplication applications[] = {
  /* The first call: received 11 February to 22 March 2013. */
  { "2013", "lodz", "2013-02-25T10:15", NULL, "Sexual exploitation; assistance to victims", DOCS_REFS,
    "88", "selected", "Shelter and assistance in central Poland; strong links with the police." },
  { "2013", "brno", "2013-03-01T14:40", NULL, "Labour exploitation; assistance to victims", DOCS,
    "84", "selected" },
  { "2013", "nuernberg", "2013-03-04T09:05", NULL, "Counselling; labour exploitation; return", DOCS,
    "86", "selected" },
  { "2013", "plovdiv", "2013-03-06T16:22", NULL, "Prevention; child victims", DOCS, "81", "selected" },
  { "2013", "thessaloniki", "2013-03-08T11:48", NULL, "Assistance to victims; legal aid", DOCS,
    "83", "selected" },
  { "2013", "sevilla", "2013-03-11T13:30", NULL, "Sexual exploitation; outreach", DOCS, "85", "selected" },
  { "2013", "palermo", "2013-03-12T10:02", NULL, "Identification of victims at arrival; legal aid",
    DOCS, "82", "selected" },
  { "2013", "corvinus", "2013-03-13T11:00", NULL, "Research", "Application form\nActivity report",
    "72", "reserve", NULL, TO_EPLATFORM, RESEARCH_CENTRE },
  { "2013", "utrecht", "2013-03-14T15:17", NULL, "Shelter; labour exploitation", DOCS, "87", "selected" },
  { "2013", "liege", "2013-03-15T09:55", NULL, "Assistance to victims; prevention", DOCS, "80", "selected" },
  { "2013", "iasi", "2013-03-18T12:10", NULL, "Prevention; return and reintegration", DOCS,
    "82", "selected" },
  { "2013", "eliamep", "2013-03-19T17:35", NULL, "Research; policy", DOCS, "79", "selected" },
  { "2013", "sar", "2013-03-19T09:30", NULL, "Research; policy", DOCS, "74", "reserve", NULL, TO_EPLATFORM },
  { "2013", "csd", "2013-03-20T10:44", NULL, "Research; organised crime", DOCS, "80", "selected" },
  { "2013", "providus", "2013-03-20T15:05", NULL, "Research; policy", DOCS, "73", "reserve", NULL,
    TO_EPLATFORM },
  { "2013", "tirane", "2013-03-21T18:20", NULL, "Prevention; return and reintegration", DOCS_REFS,
    "81", "selected", "The only applicant from the Western Balkans." },
  { "2013", "psd", "2013-03-21T14:12", NULL, "Research; prevention", DOCS, "71", "reserve", NULL,
    TO_EPLATFORM },
  { "2013", "uniba", "2013-03-22T22:47", NULL, "Research", "Application form", "70", "reserve",
    "Received 72 minutes before the deadline, with the application form only.", TO_EPLATFORM,
    RESEARCH_CENTRE },

  /* The 2016 call: received 13 June to 30 September 2016. */
  { "2016", "zilina", "2016-07-18T10:20", NULL, "Assistance to victims; Roma communities", DOCS,
    "84", "selected" },
  { "2016", "pecs", "2016-08-02T13:45", NULL, "Prevention; child victims", DOCS, "80", "selected" },
  { "2016", "cork", "2016-08-24T11:05", NULL, "Assistance to victims; labour exploitation", DOCS_REFS,
    "86", "selected", "Would give the Platform its first member from Ireland." },
  { "2016", "graz", "2016-09-05T09:40", NULL, "Counselling; sexual exploitation", DOCS, "81", "selected" },
  { "2016", "porto", "2016-09-12T16:30", NULL, "Assistance to victims", DOCS, "79", "selected" },
  { "2016", "lyon", "2016-09-14T15:50", NULL, "Prevention; outreach", DOCS, "74", "reserve",
    "A good application, ranked below the selected ones.", TO_EPLATFORM },
  { "2016", "tampere", "2016-09-19T10:55", NULL, "Labour exploitation; assistance to victims", DOCS,
    "83", "selected" },
  { "2016", "kaunas", "2016-09-22T14:15", NULL, "Prevention; child victims", DOCS, "82", "selected" },
  { "2016", "maribor", "2016-09-27T12:00", NULL, "Assistance to victims; prevention", DOCS,
    "80", "selected" },
  { "2016", "esch", "2016-09-29T17:25", NULL, "Assistance to victims", DOCS, "78", "selected" },
  { "2016", "kyiv", "2016-09-30T21:10", NULL, "Prevention; child victims; displaced persons", DOCS_REFS,
    "85", "selected" },

  /* The 2018 targeted call: received 20 March to 25 April 2018, 23:59 Brussels time, with one
   * late; an applicant outside Denmark, Estonia and Malta; a company, not a civil society
   * organisation. */
  { "2018", "tartu", "2018-04-03T09:12", NULL, "Assistance to victims; labour exploitation",
    DOCS "\nLetter of motivation", "86", "selected",
    "Assists victims of labour exploitation in southern Estonia; works with the police and the "
    "labour inspectorate." },
  { "2018", "goteborg", "2018-04-11T13:20", NULL, "Return and reintegration", DOCS, NULL, "rejected" },
  { "2018", "aarhus", "2018-04-12T10:24", NULL, "Sexual exploitation; outreach; assistance to victims",
    DOCS "\nLetter of motivation", "88.5", "selected",
    "Outreach and a helpline across Jutland; experience of national referral." },
  { "2018", "hamrun", "2018-04-18T14:02", NULL, "Shelter; child victims",
    DOCS "\nLetter of motivation", "84", "selected",
    "Runs the only shelter in Malta that takes child victims." },
  { "2018", "parnu", "2018-04-20T11:30", NULL, "Training", "Application form\nCommercial register extract",
    NULL, "rejected" },
  { "2018", "odense", "2018-04-24T16:05", NULL, "Assistance to victims; prevention", DOCS, "76",
    "reserve", "Sound but smaller than the selected Danish applicant.", TO_EPLATFORM },
  { "2018", "birkirkara", "2018-04-25T17:45", NULL, "Prevention; young people", DOCS, "74.5",
    "reserve", NULL, TO_EPLATFORM },
  /* 00:41 in Tallinn is 23:41 in Brussels: in time. */
  { "2018", "tallinn", "2018-04-26T00:41", "Europe/Tallinn", "Shelter; assistance to victims", DOCS,
    "71", "rejected", "Less experience of work with victims than the selected Estonian applicant." },
  { "2018", "zabbar", "2018-04-26T08:15", NULL, "Assistance to women victims", "Application form\nStatutes",
    NULL, "rejected", NULL, "Sent the morning after the deadline." },
};

/* Filling */

static char *
application_key (const char *call,
                 const char *organisation)
{
  return g_strdup_printf ("%s/%s", call, organisation);
}

/* The calls and their errata, saved as the call page saves them. */
static void
add_calls (Demo *demo)
{
  SecRecord *platform = _sec_demo_find (demo, SEC_TYPE_BODY, "platform");

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      const DemoCall *c = &calls[i];
      SecRecord *call;

      call = _sec_demo_build (demo, SEC_TYPE_CALL,
                              "reference", c->reference,
                              "title", c->title,
                              "body", platform,
                              "kind", c->kind,
                              "eligible-countries", c->eligible_countries,
                              "eligible-kinds", c->eligible_kinds,
                              "published-on", c->published_on,
                              "deadline", c->deadline,
                              "deadline-timezone", "Europe/Brussels",
                              "description", c->description,
                              /* Staff's decision, kept by sec_call_save(). */
                              "status", "decided",
                              NULL);
      _sec_demo_keep (demo, c->key, call,
                      call != NULL && sec_call_save (demo->store, SEC_CALL (call), &demo->error));
    }

  for (guint i = 0; i < G_N_ELEMENTS (errata); i++)
    {
      SecRecord *call = _sec_demo_find (demo, SEC_TYPE_CALL, errata[i].call);
      SecRecord *erratum;

      erratum = _sec_demo_build (demo, SEC_TYPE_ERRATUM,
                                 "call", call,
                                 "published-on", errata[i].published_on,
                                 "text", errata[i].text,
                                 "revised-text", errata[i].revised_text,
                                 NULL);
      _sec_demo_keep (demo, NULL, erratum,
                      erratum != NULL &&
                      sec_call_save_erratum (demo->store, SEC_CALL (call), SEC_ERRATUM (erratum), &demo->error));
    }
}

/* The applications, entered as the call page enters them: the late flag,
 * the version of the call and the eligibility are the rules' results. */
static void
add_applications (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (applications); i++)
    {
      const DemoApplication *a = &applications[i];
      SecRecord *call = _sec_demo_find (demo, SEC_TYPE_CALL, a->call);
      g_autofree char *key = application_key (a->call, a->organisation);
      g_auto(GStrv) documents = g_strsplit (a->documents ? a->documents : "", "\n", -1);
      SecRecord *application;

      /* A selection is made from the membership it leads to. */
      application = _sec_demo_build (demo, SEC_TYPE_APPLICATION,
                                     "organisation", _sec_demo_find (demo, SEC_TYPE_ORGANISATION, a->organisation),
                                     "received-at", a->received_at,
                                     "received-timezone", a->received_timezone,
                                     "thematic-areas", a->thematic_areas,
                                     "score", a->score,
                                     "outcome", g_str_equal (a->outcome, "selected") ? "pending" : a->outcome,
                                     "comments", a->comments,
                                     "notes", a->notes,
                                     NULL);
      if (application != NULL)
        sec_application_set_documents (SEC_APPLICATION (application), (const char * const *) documents);
      application = _sec_demo_keep (demo, key, application,
                                    application != NULL &&
                                    sec_call_add_application (demo->store, SEC_CALL (call),
                                                              SEC_APPLICATION (application), NULL, &demo->error));

      if (application != NULL && a->override_reason != NULL &&
          !sec_application_override_eligibility (demo->store, SEC_APPLICATION (application),
                                                 SEC_ELIGIBILITY_ELIGIBLE, a->override_reason,
                                                 &demo->error))
        _sec_demo_prefix_error (demo, application);
    }
}

static void
add_memberships (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (memberships) && demo->error == NULL; i++)
    {
      const DemoMembership *m = &memberships[i];
      SecRecord *organisation = _sec_demo_find (demo, SEC_TYPE_ORGANISATION, m->organisation);
      SecRecord *body = _sec_demo_find (demo, SEC_TYPE_BODY, m->body);
      SecRecord *call = _sec_demo_find (demo, SEC_TYPE_CALL, m->call);
      g_autofree char *key = NULL;
      g_autoptr(SecRecord) membership = NULL;
      SecRecord *application;

      if (demo->error != NULL)
        return;
      if (call == NULL || sec_record_get_ref (call, "body") != sec_record_get_id (body))
        {
          _sec_demo_add (demo, NULL, SEC_TYPE_MEMBERSHIP,
                         "organisation", organisation,
                         "body", body,
                         "joined-on", m->joined_on,
                         "left-on", m->left_on,
                         "call", call,
                         "status", m->status ? m->status : "active",
                         "notes", m->notes,
                         NULL);
          continue;
        }

      /* Joined the call's body: selected, in the same transaction as the
       * membership that records the call. */
      key = application_key (m->call, m->organisation);
      if ((application = _sec_demo_find (demo, SEC_TYPE_APPLICATION, key)) == NULL)
        return;
      if (!sec_application_select (demo->store, SEC_APPLICATION (application), m->joined_on, &demo->error))
        {
          _sec_demo_prefix_error (demo, application);
          return;
        }
      if (m->left_on == NULL && m->notes == NULL && g_strcmp0 (m->status, "active") == 0)
        continue;

      /* What happened since. */
      membership = sec_store_get (demo->store, SEC_TYPE_MEMBERSHIP,
                                  sec_record_get_ref (application, "membership"), &demo->error);
      if (membership == NULL)
        return;
      sec_record_set_string (membership, "left-on", m->left_on);
      sec_record_set_string (membership, "status", m->status);
      sec_record_set_string (membership, "notes", m->notes);
      if (!sec_store_update (demo->store, membership, &demo->error))
        {
          _sec_demo_prefix_error (demo, membership);
          return;
        }
    }

  /* Every selection in the tables has led to its membership. */
  for (guint i = 0; i < G_N_ELEMENTS (applications) && demo->error == NULL; i++)
    {
      g_autofree char *key = application_key (applications[i].call, applications[i].organisation);
      SecRecord *application = _sec_demo_find (demo, SEC_TYPE_APPLICATION, key);

      if (application != NULL && g_str_equal (applications[i].outcome, "selected") &&
          sec_record_get_ref (application, "membership") == 0)
        g_set_error (&demo->error, SEC_DEMO_ERROR, SEC_DEMO_ERROR_FAILED,
                     "Demo data: application “%s” is selected without a membership", key);
    }
}

/* Private API */

/* The calls, then their applications, then the memberships: most
 * memberships come from selecting an application. */
void
_sec_demo_add_calls (Demo *demo)
{
  add_calls (demo);
  add_applications (demo);
  add_memberships (demo);
}
