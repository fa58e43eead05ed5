/* sec-demo-funding.c: the demo data's EU funding: programmes, calls for
 * proposals and projects
 *
 * Real facts, as the Commission's anti-trafficking pages give them: the
 * three calls (AMIF and ISF Police), the six projects (FP6, FP7, ERC) with
 * their references, coordinators or host institutions, principal
 * investigators, budgets and dates, and the twenty partners of ANTICORRP
 * with their countries and short names. Where the pages say nothing (a
 * call's publication date, an acronym of an ERC grant) the field is left
 * empty rather than made up; the themes are the office's own tags.
 */
#define G_LOG_DOMAIN "sec-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/sec-demo.h"
#include "cli/sec-demo-private.h"

/* Tables */

typedef struct {
  const char *key;
  const char *name;
  const char *short_name;
  const char *first_year;
  const char *last_year;
  const char *grant_types;
  const char *website;
} DemoProgramme;

static const DemoProgramme programmes[] = {
  { "amif", "Asylum, Migration and Integration Fund", "AMIF", "2014", "2020", NULL,
    "https://ec.europa.eu/home-affairs/funding/asylum-migration-and-integration-funds_en" },
  { "isf-police", "Internal Security Fund – Police", "ISF Police", "2014", "2020", NULL,
    "https://ec.europa.eu/home-affairs/funding/internal-security-funds_en" },
  { "fp6", "Sixth Framework Programme for Research and Technological Development", "FP6", "2002", "2006",
    NULL, NULL },
  { "fp7", "Seventh Framework Programme for Research and Technological Development", "FP7", "2007", "2013",
    NULL, NULL },
  { "h2020", "Horizon 2020", "H2020", "2014", "2020", NULL, NULL },
  { "erc", "European Research Council", "ERC", "2007", NULL, "Starting, Consolidator, Advanced",
    "https://erc.europa.eu" },
};

typedef struct {
  const char *key;
  const char *programme;
  const char *work_programme_year;
  const char *title;
  const char *topics;
  const char *deadline;          /* Europe/Brussels */
  const char *description;
} DemoFundingCall;

/* The pages give the day of each deadline; two say "h 17:00", and the
 * third (31 January 2019) closes at the same 17:00 Brussels time. */
static const DemoFundingCall funding_calls[] = {
  { "amif-2018", "amif", "2018", "Asylum, Migration and Integration Fund: call for proposals 2018",
    "Support to victims of trafficking in human beings", "2019-01-31T17:00",
    "This call is part of the activities foreseen in the Annual Work Programme 2018 for the Asylum "
    "Migration Integration Fund." },
  { "isf-2017", "isf-police", "2017", "Organised crime – projects addressing trafficking in human beings",
    "Trafficking in human beings", "2018-01-31T17:00",
    "The main objective of this Call for Proposals, in line with ISF Police 2017 Annual Work Programme, "
    "is to contribute to priorities identified in relevant EU legal and policy instruments including: the "
    "findings of the first Commission Report on progress made in the fight against trafficking in human "
    "beings (2016); the Report on transposition of Directive 2011/36/EU; the Report on assessing the "
    "impact of existing national law, establishing as a criminal offence the use of services which are "
    "the objects of exploitation of trafficking in human beings; and the findings of the Commission "
    "Study on Comprehensive Policy Review of Anti-trafficking Projects." },
  { "amif-integration", "amif", NULL, "Integration of Third-Country Nationals",
    "Integration of victims of trafficking in human beings", "2018-03-01T17:00",
    "The provision of assistance and support for the third country national victims of trafficking in "
    "human beings under this call assists the EU Member States in relation to Articles 11-14 of "
    "Directive 2011/36/EU of the European Parliament and of the Council on preventing and combating "
    "trafficking in human beings and protecting its victims and addresses the findings of the "
    "Commission Report on the progress made in the fight against trafficking in human beings (2016)." },
};

/* The organisations of the projects that the demo's table of organisations
 * (sec-demo.c) does not have yet, under the names the pages give. */
typedef struct {
  const char *key;
  const char *name;
  const char *acronym;
  const char *kind;
  const char *country;
  const char *city;
} DemoFundedOrganisation;

static const DemoFundedOrganisation organisations[] = {
  { "qog", "The Quality of Government Institute (University of Gothenburg)", "QOG", "other", "SE", "Göteborg" },
  { "hertie", "Hertie School of Governance", "HERTIE", "other", "DE", "Berlin" },
  { "ucl", "University College London", "UCL", "other", "GB", "London" },
  { "sns", "Scuola Normale Superiore", "SNS", "other", "IT", "Pisa" },
  { "ti", "Transparency International", "TI", "international", "DE", "Berlin" },
  { "uva", "University of Amsterdam", "UNIAM", "other", "NL", "Amsterdam" },
  { "unibg", "University of Bergamo", "UNIBG", "other", "IT", "Bergamo" },
  { "unipg", "University of Perugia", "UNIPG", "other", "IT", "Perugia" },
  { "giga", "GIGA German Institute of Global and Area Studies", "GIGA", "other", "DE", "Hamburg" },
  { "basel", "Basel Institute on Governance", "BIG", "other", "CH", "Basel" },
  { "hacettepe", "Hacettepe University", "HAT", "other", "TR", "Ankara" },
  { "skamba", "School of Communication and Media", "SKAMBA", "other", "SK", "Bratislava" },
  { "iks", "Kosovar Stability Initiative", "IKS", "civil-society", "XK", "Prishtina" },
  { "nottingham", "The University of Nottingham", "UNOTT", "other", "GB", "Nottingham" },
  /* GLOMIG's page names its coordinator by this address alone. */
  { "inonu", "Inonu Bulvari", NULL, "other", "TR", "Ankara" },
  { "ghent", "Ghent University", "UGent", "other", "BE", "Gent" },
  { "uu", "Utrecht University", "UU", "other", "NL", "Utrecht" },
  { "eui", "European University Institute", "EUI", "international", "IT", "Fiesole" },
  { "bicocca", "University of Milan - Bicocca", "UNIMIB", "other", "IT", "Milano" },
};

typedef struct {
  const char *key;
  const char *organisation;
  const char *given_name;
  const char *family_name;
} DemoInvestigator;

static const DemoInvestigator investigators[] = {
  { "ponzanesi", "uu", "Sandra", "Ponzanesi" },
  { "grotti", "eui", "Vanessa Elisa", "Grotti" },
  { "bellagamba", "bicocca", "Alice", "Bellagamba" },
};

typedef struct {
  const char *key;
  const char *acronym;
  const char *title;
  const char *reference;
  const char *programme;
  const char *grant_type;
  const char *coordinator;
  const char *investigator;
  const char *budget;            /* whole euros */
  const char *starts_on;
  const char *ends_on;
  const char *themes;
  const char *objectives;
  const char *results;
} DemoProject;

static const DemoProject projects[] = {
  { "anticorrp", "ANTICORRP",
    "Anticorruption Policies Revisited: Global Trends and European Responses to the Challenge of Corruption",
    "FP7 290529", "fp7", "collaborative", "qog", NULL, "7999182", "2012-03-01", "2017-02-28",
    "corruption, organised crime, trafficking in women",
    "The central objective of the project was to investigate factors that promote or hinder the "
    "development of effective anti-corruption policies. Work Package 9 addressed organised crime and "
    "impact on vulnerable groups, and explored the patterns of corruption and anti-corruption in "
    "trafficking of women in EU in comparative perspective. It researched options for fighting "
    "corruption employed by organised crime related to human trafficking.",
    "The project developed policy implications and recommendations." },
  { "glomig", "GLOMIG",
    "Global Migration From the Eastern Mediterranean and Eurasia: Security and Human Rights Challenges to Europe",
    "FP6 28756", "fp6", "collaborative", "inonu", NULL, "250000", "2006-04-01", "2008-03-31",
    "migration, smuggling, trafficking",
    "Glomig worked to foster cooperation between the EU and International Cooperation (INCO) countries "
    "through workshops, gatherings of expert groups and provision of policy recommendations related to "
    "global migration, bringing together interested parties from the EU, Russia and Turkey and countries "
    "from the western Balkans, Caucasus and eastern Mediterranean.",
    "Participants also focused on preventative and combating measures for smuggling and trafficking. "
    "The two volumes of work produced by the project aim to facilitate transnational cooperation for "
    "improved impact analyses." },
  /* The page gives the title, not the acronym. */
  { "on-the-move", "On the Move",
    "On the Move: The impact of flight experiences on the psychological well-being of unaccompanied "
    "refugee minors", "ERC-2016-StG 714222", "erc", "starting", "ghent", NULL, "1432500",
    "2017-02-01", "2022-01-31", "unaccompanied minors, child trafficking, migration",
    "This project aims to fundamentally increase our knowledge of the impact of experiences during the "
    "flight in relation to past trauma and current stressors, through a longitudinal follow-up of a "
    "large group of unaccompanied refugee minors. The PI and her team will also look at the role of "
    "smuggling and trafficking processes in the experiences of transiting unaccompanied youths and "
    "their emotional impact.", NULL },
  { "digital-crossings", "Digital Crossings", "Digital Crossings in Europe: Gender, Diaspora and Belonging",
    "ERC-2014-CoG 647737", "erc", "consolidator", "uu", "ponzanesi", "1992809", "2016-01-01", "2020-12-31",
    "migration, gender, trafficking in women",
    "This project focuses on the ‘connected migrant’, studying how virtual communities of migrants, or "
    "digital diasporas, convey issues of technology, migration, globalisation, alienation and belonging. "
    "Its focus is on gender migration, including more unsettling issues such as trafficking of women, "
    "or women escaping violent conflict.", NULL },
  { "eubordercare", "EUBorderCare",
    "Intimate Encounters in EU Borderlands: Migrant Maternity, Sovereignty and the Politics of Care on "
    "Europe’s Peripheries", "ERC-2016-StG 638259", "erc", "starting", "eui", "grotti", "1498463",
    "2015-08-01", "2020-07-31", "migration, smuggling, victims' support",
    "EU Border Care is a comparative study of the politics of maternity care among undocumented "
    "migrants on the EU’s peripheries, in France, Greece, Italy and Spain, looking among other matters "
    "at how women migrants who enter EU borderlands as part of smuggling operations are exposed to "
    "increasing health complications.", NULL },
  { "swab", "SWAB", "Shadows of Slavery in West Africa and Beyond. A Historical Anthropology",
    "ERC-2012-StG 313737", "erc", "starting", "bicocca", "bellagamba", "935100", "2013-05-01", "2018-04-30",
    "contemporary slavery, labour exploitation, trafficking",
    "This project looks at the follow up of the abolition of slavery and the slave trade, comparing "
    "Eastern Senegal, Libya, Coastal Madagascar and North Afghanistan, regions under international "
    "scrutiny for human trafficking and contemporary slavery.",
    "SWAB develops three lines of inquiry: meanings of slavery and freedom, gender and domestic work, "
    "and the role of the state; the next step is comparison across the case studies." },
};

/* ANTICORRP's twenty partners, in the page's order (the coordinator
 * first); the demo's organisations table has six of them already. */
static const struct {
  const char *organisation;
  const char *short_name;
} anticorrp_partners[] = {
  { "qog", "QOG" }, { "hertie", "HERTIE" }, { "ucl", "UCL" }, { "sns", "SNS" },
  { "eliamep", "ELIAMEP" }, { "ti", "TI" }, { "uva", "UNIAM" }, { "unibg", "UNIBG" },
  { "unipg", "UNIPG" }, { "giga", "GIGA" }, { "csd", "CSD" }, { "basel", "BIG" },
  { "corvinus", "BCE" }, { "sar", "SAR" }, { "providus", "PROVIDUS" }, { "hacettepe", "HAT" },
  { "skamba", "SKAMBA" }, { "psd", "PSD" }, { "iks", "IKS" }, { "nottingham", "UNOTT" },
};

/* Filling */

void
_sec_demo_add_funding (Demo *demo)
{
  SecRecord *anticorrp;

  for (guint i = 0; i < G_N_ELEMENTS (programmes); i++)
    {
      const DemoProgramme *p = &programmes[i];

      _sec_demo_add (demo, p->key, SEC_TYPE_PROGRAMME,
                     "name", p->name,
                     "short-name", p->short_name,
                     "first-year", p->first_year,
                     "last-year", p->last_year,
                     "grant-types", p->grant_types,
                     "website", p->website,
                     NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (funding_calls); i++)
    {
      const DemoFundingCall *c = &funding_calls[i];

      _sec_demo_add (demo, c->key, SEC_TYPE_FUNDING_CALL,
                     "title", c->title,
                     "programme", _sec_demo_find (demo, SEC_TYPE_PROGRAMME, c->programme),
                     "work-programme-year", c->work_programme_year,
                     "topics", c->topics,
                     "deadline", c->deadline,
                     "description", c->description,
                     NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      const DemoFundedOrganisation *o = &organisations[i];

      _sec_demo_add (demo, o->key, SEC_TYPE_ORGANISATION,
                     "name", o->name,
                     "acronym", o->acronym,
                     "kind", o->kind,
                     "country", o->country,
                     "city", o->city,
                     NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (investigators); i++)
    {
      const DemoInvestigator *p = &investigators[i];

      _sec_demo_add (demo, p->key, SEC_TYPE_PERSON,
                     "given-name", p->given_name,
                     "family-name", p->family_name,
                     "position", "Principal investigator",
                     "organisation", _sec_demo_find (demo, SEC_TYPE_ORGANISATION, p->organisation),
                     NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      const DemoProject *p = &projects[i];

      _sec_demo_add (demo, p->key, SEC_TYPE_PROJECT,
                     "acronym", p->acronym,
                     "title", p->title,
                     "reference", p->reference,
                     "programme", _sec_demo_find (demo, SEC_TYPE_PROGRAMME, p->programme),
                     "grant-type", p->grant_type,
                     "coordinator", _sec_demo_find (demo, SEC_TYPE_ORGANISATION, p->coordinator),
                     "principal-investigator", p->investigator
                                               ? _sec_demo_find (demo, SEC_TYPE_PERSON, p->investigator) : NULL,
                     "budget", p->budget,
                     "starts-on", p->starts_on,
                     "ends-on", p->ends_on,
                     "themes", p->themes,
                     "objectives", p->objectives,
                     "results", p->results,
                     NULL);
    }

  anticorrp = _sec_demo_find (demo, SEC_TYPE_PROJECT, "anticorrp");
  for (guint i = 0; i < G_N_ELEMENTS (anticorrp_partners); i++)
    {
      g_autofree char *position = g_strdup_printf ("%u", i + 1);

      _sec_demo_add (demo, NULL, SEC_TYPE_PROJECT_PARTNER,
                     "project", anticorrp,
                     "organisation", _sec_demo_find (demo, SEC_TYPE_ORGANISATION, anticorrp_partners[i].organisation),
                     "role", i == 0 ? "coordinator" : "partner",
                     "short-name", anticorrp_partners[i].short_name,
                     "position", position,
                     NULL);
    }
}
