/* sec-demo.c: demo data for an empty database
 *
 * Real: the four bodies; the ten EU agencies and the Joint Statements of
 * 2011 and 2018 (signatories in the order of the Commission's press
 * release; signers' names only where the public pages give them); the
 * 2018 targeted call with its erratum, and the calls of 2013 and 2016; the
 * signing event at the NREM meeting of 13 June 2018; the National
 * Rapporteurs and the research bodies named on those pages.
 *
 * Fictional: the other civil society organisations, every person who does
 * not hold a public office named on those pages, e-mail addresses and
 * evidence links (on the reserved example.org and example.eu domains),
 * memberships, applications (received times, documents, scores, comments),
 * the calls' publication dates, the deadlines of 2013 and 2016, the
 * follow-up of the commitments, the rest of the 2018 agenda, and the
 * meetings of 2025 and 2027.
 *
 * The calls, applications, selections and follow-ups go through the same
 * functions as the application's pages (sec-calls.h, sec-statements.h): the
 * late flags, call versions and eligibility are the rules' results, and
 * each selected organisation's membership records the call it came by.
 *
 * The names come from every script and many languages of the Union, so
 * that sorting, searching and printing can be tried on them.
 */
#define G_LOG_DOMAIN "sec-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "core/calls/sec-calls.h"
#include "cli/sec-demo.h"
#include "core/base/sec-format.h"
#include "core/store/sec-records.h"
#include "core/statements/sec-statements.h"

G_DEFINE_QUARK (sec-demo-error-quark, sec_demo_error)

typedef struct {
  SecStore   *store;
  GPtrArray  *records;  /* owns every record inserted */
  GHashTable *keys;     /* "kind:key" -> SecRecord (borrowed from records) */
  GError     *error;    /* the first failure; nothing is written after it */
} Demo;

/* Tables */

#define FICTIONAL "Fictional organisation (demo data)."

typedef struct {
  const char *key;
  const char *name;
  const char *acronym;
  const char *kind;
  const char *country;
  const char *city;
  const char *website;
  const char *email;
  const char *notes;
} DemoOrganisation;

static const DemoOrganisation organisations[] = {
  /* The Commission: the Office that runs the secretariat, and its DG. */
  { "atc", "European Commission – Office of the EU Anti-trafficking Coordinator", "EU ATC",
    "eu-institution", "BE", "Brussels", "https://ec.europa.eu/anti-trafficking", NULL,
    "Chairs the meetings of the Platform, and those of the Network of National Rapporteurs "
    "together with the Presidency of the Council of the EU." },
  { "home", "European Commission – Directorate-General for Migration and Home Affairs", "DG HOME",
    "eu-institution", "BE", "Brussels", NULL, NULL, NULL },

  /* The ten agencies of the 2018 Joint Statement, under their names of 2018. */
  { "easo", "European Asylum Support Office", "EASO", "eu-agency", "MT", "Valletta",
    "https://euaa.europa.eu", NULL,
    "The European Union Agency for Asylum (EUAA) since January 2022." },
  { "europol", "European Union Agency for Law Enforcement Cooperation", "Europol", "eu-agency",
    "NL", "The Hague", "https://www.europol.europa.eu", NULL, NULL },
  { "eulisa", "European Union Agency for the Operational Management of Large-Scale IT Systems "
    "in the Area of Freedom, Security and Justice", "eu-LISA", "eu-agency", "EE", "Tallinn",
    "https://www.eulisa.europa.eu", NULL, NULL },
  { "emcdda", "European Monitoring Centre for Drugs and Drug Addiction", "EMCDDA", "eu-agency",
    "PT", "Lisbon", "https://www.euda.europa.eu", NULL,
    "The European Union Drugs Agency (EUDA) since July 2024." },
  { "eurojust", "European Union’s Judicial Cooperation Unit", "Eurojust", "eu-agency", "NL",
    "The Hague", "https://www.eurojust.europa.eu", NULL,
    "The European Union Agency for Criminal Justice Cooperation since December 2019." },
  { "eige", "European Institute for Gender Equality", "EIGE", "eu-agency", "LT", "Vilnius",
    "https://eige.europa.eu", NULL, NULL },
  { "frontex", "European Border and Coast Guard Agency", "Frontex", "eu-agency", "PL", "Warsaw",
    "https://www.frontex.europa.eu", NULL, NULL },
  { "fra", "European Union Agency for Fundamental Rights", "FRA", "eu-agency", "AT", "Vienna",
    "https://fra.europa.eu", NULL, NULL },
  { "cepol", "European Union Agency for Law Enforcement Training", "CEPOL", "eu-agency", "HU",
    "Budapest", "https://www.cepol.europa.eu", NULL,
    "The European Police College when it signed the 2011 Joint Statement." },
  { "eurofound", "European Foundation for the Improvement of Living and Working Conditions",
    "Eurofound", "eu-agency", "IE", "Dublin", "https://www.eurofound.europa.eu", NULL, NULL },

  /* Council Presidencies: Bulgaria (January–June 2018), Lithuania (January–June 2027). */
  { "bg-interior", "Министерство на вътрешните работи", "МВР", "member-state", "BG", "София",
    NULL, NULL, "Ministry of Interior of Bulgaria, Presidency of the Council of the EU from "
    "January to June 2018." },
  { "lt-interior", "Lietuvos Respublikos vidaus reikalų ministerija", "VRM", "member-state", "LT",
    "Vilnius", NULL, NULL, "Ministry of the Interior of Lithuania, Presidency of the Council of "
    "the EU from January to June 2027." },

  /* National Rapporteurs or Equivalent Mechanisms. */
  { "nrem-nl", "Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen", NULL, "nrem",
    "NL", "Den Haag", NULL, NULL, NULL },
  { "nrem-fi", "Yhdenvertaisuusvaltuutettu", NULL, "nrem", "FI", "Helsinki", NULL, NULL,
    "The Non-Discrimination Ombudsman, Finland’s National Rapporteur on trafficking in human beings." },
  { "nrem-bg", "Национална комисия за борба с трафика на хора", "НКБТХ", "nrem", "BG", "София",
    NULL, NULL, "National Commission for Combating Trafficking in Human Beings." },
  { "nrem-gr", "Γραφείο Εθνικού Εισηγητή για την Καταπολέμηση της Εμπορίας Ανθρώπων", NULL, "nrem",
    "GR", "Αθήνα", NULL, NULL, "Office of the National Rapporteur on trafficking in human beings." },
  { "nrem-cz", "Ministerstvo vnitra České republiky", "MV ČR", "nrem", "CZ", "Praha", NULL, NULL, NULL },
  { "nrem-ie", "Irish Human Rights and Equality Commission", "IHREC", "nrem", "IE", "Dublin", NULL,
    NULL, "Ireland’s independent National Rapporteur on trafficking in human beings." },
  { "nrem-se", "Polismyndigheten", NULL, "nrem", "SE", "Stockholm", NULL, NULL,
    "The Swedish Police Authority, home of the National Rapporteur on trafficking in human beings." },
  { "nrem-pl", "Ministerstwo Spraw Wewnętrznych i Administracji", "MSWiA", "nrem", "PL", "Warszawa",
    NULL, NULL, NULL },

  /* Research bodies named on the Commission's pages (partners of the FP7
   * project ANTICORRP, 290529) and in the domain notes. */
  { "eliamep", "Ελληνικό Ίδρυμα Ευρωπαϊκής και Εξωτερικής Πολιτικής", "ELIAMEP", "civil-society",
    "GR", "Αθήνα", NULL, NULL,
    "Hellenic Foundation for European and Foreign Policy; partner of ANTICORRP (FP7 290529)." },
  { "csd", "Център за изследване на демокрацията", "CSD", "civil-society", "BG", "София", NULL,
    NULL, "Center for the Study of Democracy; partner of ANTICORRP (FP7 290529)." },
  { "corvinus", "Budapesti Corvinus Egyetem", "BCE", "other", "HU", "Budapest", NULL, NULL,
    "Corvinus University of Budapest; partner of ANTICORRP (FP7 290529)." },
  { "sar", "Societatea Academică din România", "SAR", "civil-society", "RO", "București", NULL,
    NULL, "Romanian Academic Society; partner of ANTICORRP (FP7 290529)." },
  { "providus", "Sabiedriskās politikas centrs PROVIDUS", "PROVIDUS", "civil-society", "LV", "Rīga",
    NULL, NULL, "Centre for Public Policy; partner of ANTICORRP (FP7 290529)." },
  { "psd", "Partnerstvo za društveni razvoj", "PSD", "civil-society", "HR", "Zagreb", NULL, NULL,
    "Partnership for Social Development; partner of ANTICORRP (FP7 290529)." },
  { "uniba", "Univerzita Komenského v Bratislave", "UK", "other", "SK", "Bratislava", NULL, NULL,
    "Comenius University Bratislava." },

  /* Fictional civil society organisations. */
  { "lodz", "Fundacja „Wolna Droga” Łódź", "FWD", "civil-society", "PL", "Łódź", NULL,
    "biuro@wolnadroga.example.org", FICTIONAL },
  { "brno", "Přístav naděje, z. s.", NULL, "civil-society", "CZ", "Brno", NULL,
    "info@pristav-nadeje.example.org", FICTIONAL },
  { "zilina", "Svetlo nádeje – občianske združenie", NULL, "civil-society", "SK", "Žilina", NULL,
    "info@svetlonadeje.example.org", FICTIONAL },
  { "pecs", "Szabad Út Egyesület", NULL, "civil-society", "HU", "Pécs", NULL,
    "iroda@szabadut.example.org", FICTIONAL },
  { "cork", "Líonra Tacaíochta Tearmann", "LTT", "civil-society", "IE", "Cork", NULL,
    "eolas@tearmann.example.org", FICTIONAL },
  { "hamrun", "Fondazzjoni Dar il-Ħniena", NULL, "civil-society", "MT", "Il-Ħamrun", NULL,
    "info@darilhniena.example.org", FICTIONAL },
  { "birkirkara", "Għaqda Żgħażagħ għad-Drittijiet", NULL, "civil-society", "MT", "Birkirkara",
    NULL, "info@zghazagh.example.org", FICTIONAL },
  { "zabbar", "Ċentru Appoġġ għan-Nisa", NULL, "civil-society", "MT", "Ħaż-Żabbar", NULL,
    "info@appogg-nisa.example.org", FICTIONAL },
  { "nuernberg", "Beratungsstelle Lichtblick e. V.", NULL, "civil-society", "DE", "Nürnberg", NULL,
    "kontakt@lichtblick.example.org", FICTIONAL },
  { "graz", "Verein Sichere Zukunft", NULL, "civil-society", "AT", "Graz", NULL,
    "office@sichere-zukunft.example.org", FICTIONAL },
  { "plovdiv", "Фондация „Свободен избор“", NULL, "civil-society", "BG", "Пловдив", NULL,
    "office@svoboden-izbor.example.org", FICTIONAL },
  { "thessaloniki", "Κέντρο Υποστήριξης Θυμάτων «Αρωγή»", NULL, "civil-society", "GR",
    "Θεσσαλονίκη", NULL, "info@arogi.example.org", FICTIONAL },
  { "aarhus", "Foreningen Fri Fremtid", NULL, "civil-society", "DK", "Aarhus", NULL,
    "kontakt@frifremtid.example.org", FICTIONAL },
  { "odense", "Nordlys Støttecenter", NULL, "civil-society", "DK", "Odense", NULL,
    "post@nordlys.example.org", FICTIONAL },
  { "tartu", "MTÜ Vabaduse Sild", NULL, "civil-society", "EE", "Tartu", NULL,
    "info@vabadusesild.example.org", FICTIONAL },
  { "tallinn", "MTÜ Turvaline Kodu", NULL, "civil-society", "EE", "Tallinn", NULL,
    "info@turvalinekodu.example.org", FICTIONAL },
  { "parnu", "Põhjaranniku Konsultatsioonid OÜ", NULL, "other", "EE", "Pärnu", NULL,
    "info@pohjarannik.example.org", "Fictional company (demo data)." },
  { "goteborg", "Föreningen Trygg Återvändo", NULL, "civil-society", "SE", "Göteborg", NULL,
    "info@tryggatervando.example.org", FICTIONAL },
  { "lyon", "Association Élan Solidarité", NULL, "civil-society", "FR", "Lyon", NULL,
    "contact@elan-solidarite.example.org", FICTIONAL },
  { "sevilla", "Fundación Camino Libre", NULL, "civil-society", "ES", "Sevilla", NULL,
    "info@caminolibre.example.org", FICTIONAL },
  { "palermo", "Associazione Porto Sicuro", NULL, "civil-society", "IT", "Palermo", NULL,
    "info@portosicuro.example.org", FICTIONAL },
  { "porto", "Associação Mãos Unidas", NULL, "civil-society", "PT", "Porto", NULL,
    "geral@maosunidas.example.org", FICTIONAL },
  { "utrecht", "Stichting Veilige Haven", NULL, "civil-society", "NL", "Utrecht", NULL,
    "info@veiligehaven.example.org", FICTIONAL },
  { "liege", "Passage Libre asbl", NULL, "civil-society", "BE", "Liège", NULL,
    "info@passagelibre.example.org", FICTIONAL },
  { "tampere", "Vapaa Väylä ry", NULL, "civil-society", "FI", "Tampere", NULL,
    "toimisto@vapaavayla.example.org", FICTIONAL },
  { "kaunas", "Asociacija „Saugus kelias“", NULL, "civil-society", "LT", "Kaunas", NULL,
    "info@sauguskelias.example.org", FICTIONAL },
  { "iasi", "Asociația Drum Sigur", NULL, "civil-society", "RO", "Iași", NULL,
    "contact@drumsigur.example.org", FICTIONAL },
  { "maribor", "Društvo Svetilnik", NULL, "civil-society", "SI", "Maribor", NULL,
    "info@svetilnik.example.org", FICTIONAL },
  { "esch", "Association Fil d’Ariane", NULL, "civil-society", "LU", "Esch-sur-Alzette", NULL,
    "contact@fildariane.example.org", FICTIONAL },
  { "kyiv", "Благодійний фонд «Нова дорога»", NULL, "civil-society", "UA", "Київ", NULL,
    "info@nova-doroga.example.org", FICTIONAL },
  { "tirane", "Shoqata Rruga e Re", NULL, "civil-society", "AL", "Tiranë", NULL,
    "info@rrugaere.example.org", FICTIONAL },
};

typedef struct {
  const char *key;
  const char *organisation;
  const char *title;
  const char *given_name;
  const char *family_name;
  const char *position;
  const char *email;
  const char *languages;
  const char *accessibility_needs;
  const char *dietary_needs;
  const char *consent_date;
  const char *consent_source;
} DemoPerson;

#define FORM_2025 "Registration form, Platform meeting of 20 November 2025"
#define FORM_2027 "Invitation reply, joint meeting of 19 May 2027"
#define DIRECTORY "Contact points’ directory"

static const DemoPerson people[] = {
  /* Public office holders named on the Commission's pages: no contact details. */
  { "vassiliadou", "atc", NULL, "Myria", "Vassiliadou", "EU Anti-trafficking Coordinator" },
  { "onidi", "home", NULL, "Olivier", "Onidi", "Deputy Director-General" },
  { "tsipov", "bg-interior", "H.E.", "Красимир", "Ципов", "Deputy Minister of Interior" },
  { "langbakk", "eige", NULL, "Virginija", "Langbakk", "Director" },

  /* Everyone below is fictional. */
  { "vandenberghe", "atc", NULL, "Hélène", "Vandenberghe", "Adviser to the EU Anti-trafficking Coordinator",
    "helene.vandenberghe@example.eu", "fr, nl, en", NULL, NULL, "2024-01-15", "Staff directory" },
  { "verhoeven", "atc", NULL, "Jonas", "Verhoeven", "Meeting assistant",
    "jonas.verhoeven@example.eu", "nl, fr, en", NULL, NULL, "2024-01-15", "Staff directory" },
  { "georgieva", "bg-interior", NULL, "Десислава", "Георгиева", "Head of Unit, Bulgarian Presidency of the Council of the EU",
    "d.georgieva@example.org", "bg, en" },
  { "kazlauskiene", "lt-interior", NULL, "Rūta", "Kazlauskienė", "Adviser, Lithuanian Presidency of the Council of the EU",
    "ruta.kazlauskiene@example.eu", "lt, en, ru", NULL, NULL, "2026-11-12", FORM_2027 },

  /* Contact points of the agencies. */
  { "camilleri", "easo", NULL, "Joseph", "Camilleri", "Contact point on trafficking in human beings",
    "joseph.camilleri@example.eu", "mt, en, it", NULL, NULL, "2024-03-01", DIRECTORY },
  { "devries", "europol", NULL, "Pieter", "de Vries", "Contact point on trafficking in human beings",
    "pieter.devries@example.eu", "nl, en", NULL, NULL, "2024-03-01", DIRECTORY },
  { "tamm", "eulisa", NULL, "Kadri", "Tamm", "Contact point on trafficking in human beings",
    "kadri.tamm@example.eu", "et, en, fi", NULL, NULL, "2024-03-01", DIRECTORY },
  { "carvalho", "emcdda", NULL, "Inês", "Carvalho", "Contact point on trafficking in human beings",
    "ines.carvalho@example.eu", "pt, en, es", NULL, NULL, "2024-03-01", DIRECTORY },
  { "jansen", "eurojust", NULL, "Sanne", "Jansen", "Contact point on trafficking in human beings",
    "sanne.jansen@example.eu", "nl, en, de", NULL, NULL, "2024-03-01", DIRECTORY },
  { "petrauskaite", "eige", NULL, "Aistė", "Petrauskaitė", "Contact point on trafficking in human beings",
    "aiste.petrauskaite@example.eu", "lt, en", NULL, NULL, "2024-03-01", DIRECTORY },
  { "wisniewski", "frontex", NULL, "Tomasz", "Wiśniewski", "Contact point on trafficking in human beings",
    "tomasz.wisniewski@example.eu", "pl, en", NULL, NULL, "2024-03-01", DIRECTORY },
  { "gruber", "fra", NULL, "Katharina", "Gruber", "Contact point on trafficking in human beings",
    "katharina.gruber@example.eu", "de, en", NULL, NULL, "2024-03-01", DIRECTORY },
  { "kovacs", "cepol", NULL, "Zsófia", "Kovács", "Contact point on trafficking in human beings",
    "zsofia.kovacs@example.eu", "hu, en", NULL, NULL, "2024-03-01", DIRECTORY },
  { "byrne", "eurofound", NULL, "Aoife", "Byrne", "Contact point on trafficking in human beings",
    "aoife.byrne@example.eu", "en, ga", NULL, NULL, "2024-03-01", DIRECTORY },

  /* National Rapporteurs' staff. */
  { "degroot", "nrem-nl", NULL, "Eva", "de Groot", "Senior researcher",
    "eva.degroot@example.org", "nl, en", NULL, NULL, "2026-11-13", FORM_2027 },
  { "virtanen", "nrem-fi", NULL, "Mikko", "Virtanen", "Senior officer",
    "mikko.virtanen@example.org", "fi, sv, en", NULL, NULL, "2026-11-16", FORM_2027 },
  { "petrov", "nrem-bg", NULL, "Кирил", "Петров", "Старши експерт",
    "kiril.petrov@example.org", "bg, en, ru" },
  { "papadopoulos", "nrem-gr", NULL, "Νικόλαος", "Παπαδόπουλος", "Νομικός σύμβουλος",
    "n.papadopoulos@example.org", "el, en, fr", NULL, NULL, "2026-11-14", FORM_2027 },
  { "skoda", "nrem-cz", "Mgr.", "Jiří", "Škoda", "Odborný referent",
    "jiri.skoda@example.org", "cs, en, de" },
  { "nibhriain", "nrem-ie", NULL, "Niamh", "Ní Bhriain", "Policy officer",
    "niamh.nibhriain@example.org", "en, ga", NULL, "Coeliac: gluten-free meals", "2026-11-12", FORM_2027 },
  { "astrom", "nrem-se", NULL, "Linnéa", "Åström", "Kriminalkommissarie",
    "linnea.astrom@example.org", "sv, en", NULL, NULL, "2026-11-17", FORM_2027 },
  { "wojcik", "nrem-pl", NULL, "Małgorzata", "Wójcik", "Naczelniczka wydziału",
    "malgorzata.wojcik@example.org", "pl, en" },

  /* Civil society. */
  { "antoniou", "eliamep", "Dr", "Δήμητρα", "Αντωνίου", "Research fellow",
    "d.antoniou@example.org", "el, en", NULL, NULL, "2025-10-01", FORM_2025 },
  { "dimitrov", "csd", NULL, "Георги", "Димитров", "Senior analyst",
    "g.dimitrov@example.org", "bg, en" },
  { "szabo", "corvinus", "Dr", "Gábor", "Szabó", "Associate professor",
    "gabor.szabo@example.org", "hu, en, de" },
  { "popescu", "sar", NULL, "Ioana", "Popescu", "Programme coordinator",
    "ioana.popescu@example.org", "ro, en, fr", NULL, "Gluten-free", "2024-05-20", "EPlatform sign-up" },
  { "berzina", "providus", NULL, "Līga", "Bērziņa", "Researcher",
    "liga.berzina@example.org", "lv, en, ru" },
  { "horvat", "psd", NULL, "Ana", "Horvat", "Project manager",
    "ana.horvat@example.org", "hr, en" },
  { "kovac", "uniba", "doc.", "Martin", "Kováč", "Lecturer",
    "martin.kovac@example.org", "sk, cs, en" },
  { "lukasiewicz", "lodz", NULL, "Katarzyna", "Łukasiewicz", "Prezeska zarządu",
    "k.lukasiewicz@example.org", "pl, en, de", NULL, NULL, "2025-09-22", FORM_2025 },
  { "nowak", "lodz", NULL, "Bartosz", "Nowak", "Koordynator projektów",
    "b.nowak@example.org", "pl, en" },
  { "dvorakova", "brno", NULL, "Tereza", "Dvořáková", "Ředitelka",
    "tereza.dvorakova@example.org", "cs, en", NULL, NULL, "2025-09-25", FORM_2025 },
  { "svoboda", "brno", NULL, "Petr", "Svoboda", "Sociální pracovník",
    "petr.svoboda@example.org", "cs, en", NULL, NULL, "2026-11-19", FORM_2027 },
  { "hrusovska", "zilina", NULL, "Ľubica", "Hrušovská", "Riaditeľka",
    "lubica.hrusovska@example.org", "sk, en", NULL, NULL, "2025-09-30", FORM_2025 },
  { "balaz", "zilina", NULL, "Peter", "Baláž", "Koordinátor programov",
    "peter.balaz@example.org", "sk, hu, en", NULL, NULL, "2025-11-10", FORM_2025 },
  { "toth", "pecs", NULL, "Eszter", "Tóth", "Elnök",
    "eszter.toth@example.org", "hu, en", NULL, NULL, "2025-10-02", FORM_2025 },
  { "osuilleabhain", "cork", NULL, "Seán", "Ó Súilleabháin", "Director",
    "sean.osuilleabhain@example.org", "ga, en",
    "Wheelchair user: step-free access and an accessible place at the table", NULL,
    "2025-09-18", FORM_2025 },
  { "borg", "hamrun", NULL, "Maria", "Borg", "Chairperson",
    "maria.borg@example.org", "mt, en, it", NULL, NULL, "2025-09-29", FORM_2025 },
  { "farrugia", "birkirkara", NULL, "Ġorġ", "Farrugia", "Segretarju",
    "gorg.farrugia@example.org", "mt, en" },
  { "abela", "zabbar", NULL, "Rita", "Abela", "Coordinator",
    "rita.abela@example.org", "mt, en" },
  { "mueller", "nuernberg", NULL, "Anna", "Müller", "Beraterin",
    "anna.mueller@example.org", "de, en, ro", NULL, "Vegetarian", "2025-09-19", FORM_2025 },
  { "schaefer", "nuernberg", NULL, "Felix", "Schäfer", "Sozialarbeiter",
    "felix.schaefer@example.org", "de, en" },
  { "huber", "graz", "Mag.", "Lukas", "Huber", "Obmann",
    "lukas.huber@example.org", "de, en, sl" },
  { "ivanova", "plovdiv", NULL, "Мария", "Иванова", "Изпълнителен директор",
    "maria.ivanova@example.org", "bg, en", NULL, NULL, "2025-10-06", FORM_2025 },
  { "georgiou", "thessaloniki", NULL, "Ελένη", "Γεωργίου", "Κοινωνική λειτουργός",
    "eleni.georgiou@example.org", "el, en" },
  { "jorgensen", "aarhus", NULL, "Søren", "Jørgensen", "Daglig leder",
    "soren.jorgensen@example.org", "da, en, de", NULL, NULL, "2025-09-23", FORM_2025 },
  { "sorensen", "odense", NULL, "Mette", "Sørensen", "Koordinator",
    "mette.sorensen@example.org", "da, en" },
  { "kask", "tartu", NULL, "Mari", "Kask", "Juhatuse liige",
    "mari.kask@example.org", "et, en, ru", NULL, NULL, "2025-09-26", FORM_2025 },
  { "saar", "tallinn", NULL, "Jüri", "Saar", "Juhataja",
    "juri.saar@example.org", "et, en" },
  { "lepik", "parnu", NULL, "Tõnu", "Lepik", "Juhatuse liige",
    "tonu.lepik@example.org", "et, en" },
  { "lindqvist", "goteborg", NULL, "Erik", "Lindqvist", "Verksamhetsledare",
    "erik.lindqvist@example.org", "sv, en" },
  { "lefevre", "lyon", NULL, "Élodie", "Lefèvre", "Directrice",
    "elodie.lefevre@example.org", "fr, en, es" },
  { "nunez", "sevilla", NULL, "José", "Núñez", "Coordinador de proyectos",
    "jose.nunez@example.org", "es, en, pt", NULL, "Severe nut allergy: no nuts", "2025-09-24", FORM_2025 },
  { "russo", "palermo", NULL, "Giulia", "Russo", "Presidente",
    "giulia.russo@example.org", "it, en" },
  { "goncalves", "porto", NULL, "João", "Gonçalves", "Técnico de apoio à vítima",
    "joao.goncalves@example.org", "pt, en, fr" },
  { "visser", "utrecht", NULL, "Femke", "Visser", "Beleidsmedewerker",
    "femke.visser@example.org", "nl, en", NULL, NULL, "2025-09-21", FORM_2025 },
  { "dubois", "liege", NULL, "Chloé", "Dubois", "Coordinatrice",
    "chloe.dubois@example.org", "fr, nl, en", NULL, NULL, "2025-09-27", FORM_2025 },
  { "makinen", "tampere", NULL, "Aino", "Mäkinen", "Toiminnanjohtaja",
    "aino.makinen@example.org", "fi, sv, en", "Hard of hearing: live captioning or a hearing loop",
    NULL, "2025-09-20", FORM_2025 },
  { "kazlauskas", "kaunas", NULL, "Jonas", "Kazlauskas", "Direktorius",
    "jonas.kazlauskas@example.org", "lt, en, pl" },
  { "ionescu", "iasi", NULL, "Andrei", "Ionescu", "Președinte",
    "andrei.ionescu@example.org", "ro, en, fr", NULL, NULL, "2025-09-28", FORM_2025 },
  { "kranjc", "maribor", NULL, "Nina", "Kranjc", "Predsednica",
    "nina.kranjc@example.org", "sl, en, hr" },
  { "schmit", "esch", NULL, "Marc", "Schmit", "Président",
    "marc.schmit@example.org", "lb, fr, de, en" },
  { "shevchenko", "kyiv", NULL, "Олена", "Шевченко", "Директорка",
    "olena.shevchenko@example.org", "uk, en, pl", NULL, NULL, "2025-10-03", FORM_2025 },
  { "hoxha", "tirane", NULL, "Arben", "Hoxha", "Drejtor ekzekutiv",
    "arben.hoxha@example.org", "sq, en, it", NULL, NULL, "2025-10-04", FORM_2025 },
};

typedef struct {
  const char *key;
  const char *name;
  const char *acronym;
  const char *established_on;
  const char *description;
} DemoBody;

static const DemoBody bodies[] = {
  { "platform", "EU Civil Society Platform against trafficking in human beings", "Civil Society Platform",
    "2013-05-31",
    "Launched by the Commission on 31 May 2013 as an action of the EU Strategy towards the "
    "eradication of trafficking in human beings 2012–2016 (Priority D, Action 3). Brings "
    "together over 100 civil society organisations from across the EU and beyond, selected "
    "through calls for expression of interest. Meets twice a year in Brussels, including in "
    "joint session with the Network of National Rapporteurs; the meetings are organised by "
    "the Office of the EU Anti-trafficking Coordinator." },
  { "eplatform", "EU Civil Society ePlatform against trafficking in human beings", "ePlatform", NULL,
    "An online platform launched in 2014 to include further participants, selected through "
    "the same calls, while overcoming logistical and budget constraints, and to give "
    "continuity to the discussions held in the meetings in Brussels. No physical meetings." },
  { "nrem", "EU Network of National Rapporteurs or Equivalent Mechanisms", "NREM Network", NULL,
    "Established following the Council Conclusions of June 2009; the role of the National "
    "Rapporteurs is set out in Article 19 of Directive 2011/36/EU. One or more NREMs per "
    "Member State, plus independent bodies. Meets twice a year, chaired by the EU "
    "Anti-trafficking Coordinator together with the incumbent Presidency of the Council of "
    "the EU." },
  { "agencies", "Coordination Network of the EU Agencies’ contact points on trafficking in human beings",
    "EU Agencies’ Network", NULL,
    "The contact points on trafficking in human beings of the EU agencies. Meets regularly "
    "with the Office of the EU Anti-trafficking Coordinator." },
};

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

typedef struct {
  const char *organisation;
  const char *signer_name;
  const char *signer_position;
} DemoSignatory;

/* In the order of the Eurojust press release of 20 October 2011. */
static const DemoSignatory signatories_2011[] = {
  { "cepol", NULL, "Director" },
  { "easo", NULL, "Executive Director" },
  { "eige", NULL, "Director" },
  { "eurojust", NULL, "President" },
  { "europol", NULL, "Director" },
  { "fra", NULL, "Director" },
  { "frontex", NULL, "Executive Director" },
};

/* In the order of the Commission's press release of 13 June 2018. */
static const DemoSignatory signatories_2018[] = {
  { "easo", NULL, "Executive Director" },
  { "europol", NULL, "Executive Director" },
  { "eulisa", NULL, "Executive Director" },
  { "emcdda", NULL, "Director" },
  { "eurojust", NULL, "President" },
  { "eige", "Virginija Langbakk", "Director" },
  { "frontex", NULL, "Executive Director" },
  { "fra", NULL, "Director" },
  { "cepol", NULL, "Executive Director" },
  { "eurofound", NULL, "Director" },
};

static const char *const commitments_2018[] = {
  "Counter the culture of impunity for perpetrators, abusers and exploiters.",
  "Step up prevention, addressing the whole trafficking chain inside and outside the EU.",
  "Ensure a gender-specific and child-sensitive approach when addressing trafficking in human beings.",
  "Assist the Member States in the early identification of victims and in ensuring their access "
  "to and realisation of their rights.",
  "Strengthen training, the sharing of good practice and capacity building.",
};

/* The follow-up of the 2018 commitments, as the agencies' contact points
 * reported it around the EU Anti-Trafficking Day (18 October): one letter
 * per commitment, in their order: D done, P in progress, N not started,
 * X not applicable (outside the agency's mandate), - nothing reported.
 * Fictional, like the notes below. */
typedef struct {
  const char *signatory;   /* organisation key */
  const char *y2019;
  const char *y2020;
} DemoProgress;

static const DemoProgress progress_2018[] = {
  { "easo",      "XPPPD", "XDPDD" },
  { "europol",   "PPNPP", "DPPPD" },
  { "eulisa",    "NNXPN", "-----" },
  { "emcdda",    "XPNXN", "XPPXD" },
  { "eurojust",  "PNNPP", "DPPDD" },
  { "eige",      "XPDPP", "XDDDP" },
  { "frontex",   "PPPPD", "PDPDD" },
  { "fra",       "XNPPP", "XPDPD" },
  { "cepol",     "PNPNP", "PPDPD" },
  { "eurofound", "XPNXN", "XPNXP" },
};

static const struct {
  int         year;
  const char *date;
} progress_years[] = {
  { 2019, "2019-10-18" },
  { 2020, "2020-10-16" },
};

#define OUTSIDE_MANDATE "Outside the agency’s mandate."

typedef struct {
  guint       commitment;    /* index in commitments_2018 */
  const char *signatory;     /* organisation key */
  int         year;
  const char *note;
  const char *evidence;
} DemoFollowUpNote;

static const DemoFollowUpNote follow_up_notes_2018[] = {
  { 0, "eurojust", 2019,
    "Reported to the contact points’ network: support to joint investigation teams." },
  { 0, "eurojust", 2020,
    "Reported to the contact points’ network: joint investigation teams on trafficking supported "
    "in every year since the statement." },
  { 0, "europol", 2019,
    "Reported to the contact points’ network: operational support to national investigations." },
  { 2, "eige", 2019,
    "Reported to the contact points’ network: a gender-specific approach in the agency’s work on trafficking." },
  { 2, "eige", 2020,
    "Reported to the contact points’ network: a gender-specific approach in the agency’s work on "
    "trafficking, now part of its programming.",
    "https://documents.example.eu/eige/trafficking-gender-2020.pdf" },
  { 3, "fra", 2020,
    "Reported to the contact points’ network: work on victims’ access to their rights." },
  { 4, "cepol", 2020,
    "Reported to the contact points’ network: training courses on trafficking for law enforcement officials.",
    "https://documents.example.eu/cepol/thb-courses-2020.pdf" },
  { 4, "frontex", 2019,
    "Reported to the contact points’ network: the anti-trafficking training manual for border guards, updated." },
  { 3, "eulisa", 2019,
    "Reported to the contact points’ network: alerts on missing children at risk in the Schengen "
    "Information System, under discussion." },
};

/* Helpers */

static char *
dup_key (GType       type,
         const char *key)
{
  return g_strdup_printf ("%s:%s", sec_kind_from_type (type)->name, key);
}

/* The record kept under @key, or NULL (and the fill fails) when there is
 * none: a mistake in the tables above. */
static SecRecord *
find (Demo       *demo,
      GType       type,
      const char *key)
{
  g_autofree char *full_key = NULL;
  SecRecord *record;

  if (key == NULL || demo->error != NULL)
    return NULL;
  full_key = dup_key (type, key);
  record = g_hash_table_lookup (demo->keys, full_key);
  if (record == NULL)
    g_set_error (&demo->error, SEC_DEMO_ERROR, SEC_DEMO_ERROR_FAILED,
                 "Demo data: no %s “%s”", sec_kind_from_type (type)->name, key);
  return record;
}

/* Says which record the first failure is about. */
static void
prefix_error (Demo      *demo,
              SecRecord *record)
{
  g_autofree char *title = sec_record_dup_title (record);

  /* TRANSLATORS: "Demo data, Organisation “Europol”: " before the error */
  g_prefix_error (&demo->error, _("Demo data, %s “%s”: "), _(sec_record_get_kind (record)->label), title);
}

/* A new record of @type, not stored, its fields given as name/value pairs
 * ending with NULL: text for every field (as sec_record_set_from_text()
 * reads it) but references, which take a SecRecord * (NULL for none).
 * Unset fields keep their defaults. NULL once anything has failed. */
static SecRecord *
build_valist (Demo    *demo,
              GType    type,
              va_list  ap)
{
  g_autoptr(SecRecord) record = NULL;
  const SecKind *kind;
  const char *name;

  if (demo->error != NULL)
    return NULL;

  record = sec_record_new (type);
  kind = sec_record_get_kind (record);
  while ((name = va_arg (ap, const char *)) != NULL)
    {
      const SecField *field = sec_kind_find_field (kind, name);

      g_assert (field != NULL);
      if (field->type == SEC_FIELD_REF)
        {
          SecRecord *target = va_arg (ap, SecRecord *);

          sec_record_set_ref (record, name, target ? sec_record_get_id (target) : 0);
        }
      else if (!sec_record_set_from_text (record, name, va_arg (ap, const char *), &demo->error))
        {
          prefix_error (demo, record);
          return NULL;
        }
    }
  return g_steal_pointer (&record);
}

static SecRecord *
build (Demo  *demo,
       GType  type,
       ...)
{
  SecRecord *record;
  va_list ap;

  va_start (ap, type);
  record = build_valist (demo, type, ap);
  va_end (ap);
  return record;
}

/* Keeps @record (transfer full), stored when @stored is TRUE, under @key
 * (may be NULL). Returns it, owned by @demo, or NULL when it was not
 * stored: then @demo's error says why and nothing more is written. */
static SecRecord *
keep (Demo       *demo,
      const char *key,
      SecRecord  *record,
      gboolean    stored)
{
  if (record == NULL)
    return NULL;
  if (!stored)
    {
      if (demo->error == NULL)
        g_set_error (&demo->error, SEC_DEMO_ERROR, SEC_DEMO_ERROR_FAILED, "Demo data: not stored");
      prefix_error (demo, record);
      g_object_unref (record);
      return NULL;
    }
  if (key != NULL)
    g_hash_table_insert (demo->keys, dup_key (G_OBJECT_TYPE (record), key), record);
  g_ptr_array_add (demo->records, record);
  return record;
}

/* Inserts a record of @type built from the name/value pairs that follow,
 * as build_valist() reads them; see keep() for @key and the result. */
static SecRecord *
add (Demo       *demo,
     const char *key,
     GType       type,
     ...)
{
  SecRecord *record;
  va_list ap;

  va_start (ap, type);
  record = build_valist (demo, type, ap);
  va_end (ap);
  return keep (demo, key, record,
               record != NULL && sec_store_insert (demo->store, record, &demo->error));
}

static const DemoPerson *
find_person (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (g_str_equal (people[i].key, key))
      return &people[i];
  return NULL;
}

static char *
application_key (const char *call,
                 const char *organisation)
{
  return g_strdup_printf ("%s/%s", call, organisation);
}

/* Filling, one kind after the other */

static void
add_bodies (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      const DemoBody *b = &bodies[i];

      add (demo, b->key, SEC_TYPE_BODY,
           "name", b->name,
           "acronym", b->acronym,
           "established-on", b->established_on,
           "description", b->description,
           NULL);
    }
}

static void
add_organisations (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      const DemoOrganisation *o = &organisations[i];

      add (demo, o->key, SEC_TYPE_ORGANISATION,
           "name", o->name,
           "acronym", o->acronym,
           "kind", o->kind,
           "country", o->country,
           "city", o->city,
           "website", o->website,
           "email", o->email,
           "notes", o->notes,
           NULL);
    }
}

static void
add_people (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const DemoPerson *p = &people[i];

      add (demo, p->key, SEC_TYPE_PERSON,
           "title", p->title,
           "given-name", p->given_name,
           "family-name", p->family_name,
           "position", p->position,
           "organisation", find (demo, SEC_TYPE_ORGANISATION, p->organisation),
           "email", p->email,
           "languages", p->languages,
           "accessibility-needs", p->accessibility_needs,
           "dietary-needs", p->dietary_needs,
           "consent-date", p->consent_date,
           "consent-source", p->consent_source,
           NULL);
    }
}

/* The calls and their errata, saved as the call page saves them. */
static void
add_calls (Demo *demo)
{
  SecRecord *platform = find (demo, SEC_TYPE_BODY, "platform");

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      const DemoCall *c = &calls[i];
      SecRecord *call;

      call = build (demo, SEC_TYPE_CALL,
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
      keep (demo, c->key, call,
            call != NULL && sec_call_save (demo->store, SEC_CALL (call), &demo->error));
    }

  for (guint i = 0; i < G_N_ELEMENTS (errata); i++)
    {
      SecRecord *call = find (demo, SEC_TYPE_CALL, errata[i].call);
      SecRecord *erratum;

      erratum = build (demo, SEC_TYPE_ERRATUM,
                       "call", call,
                       "published-on", errata[i].published_on,
                       "text", errata[i].text,
                       "revised-text", errata[i].revised_text,
                       NULL);
      keep (demo, NULL, erratum,
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
      SecRecord *call = find (demo, SEC_TYPE_CALL, a->call);
      g_autofree char *key = application_key (a->call, a->organisation);
      g_auto(GStrv) documents = g_strsplit (a->documents ? a->documents : "", "\n", -1);
      SecRecord *application;

      /* A selection is made from the membership it leads to. */
      application = build (demo, SEC_TYPE_APPLICATION,
                           "organisation", find (demo, SEC_TYPE_ORGANISATION, a->organisation),
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
      application = keep (demo, key, application,
                          application != NULL &&
                          sec_call_add_application (demo->store, SEC_CALL (call),
                                                    SEC_APPLICATION (application), NULL, &demo->error));

      if (application != NULL && a->override_reason != NULL &&
          !sec_application_override_eligibility (demo->store, SEC_APPLICATION (application),
                                                 SEC_ELIGIBILITY_ELIGIBLE, a->override_reason,
                                                 &demo->error))
        prefix_error (demo, application);
    }
}

static void
add_memberships (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (memberships) && demo->error == NULL; i++)
    {
      const DemoMembership *m = &memberships[i];
      SecRecord *organisation = find (demo, SEC_TYPE_ORGANISATION, m->organisation);
      SecRecord *body = find (demo, SEC_TYPE_BODY, m->body);
      SecRecord *call = find (demo, SEC_TYPE_CALL, m->call);
      g_autofree char *key = NULL;
      g_autoptr(SecRecord) membership = NULL;
      SecRecord *application;

      if (demo->error != NULL)
        return;
      if (call == NULL || sec_record_get_ref (call, "body") != sec_record_get_id (body))
        {
          add (demo, NULL, SEC_TYPE_MEMBERSHIP,
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
      if ((application = find (demo, SEC_TYPE_APPLICATION, key)) == NULL)
        return;
      if (!sec_application_select (demo->store, SEC_APPLICATION (application), m->joined_on, &demo->error))
        {
          prefix_error (demo, application);
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
          prefix_error (demo, membership);
          return;
        }
    }

  /* Every selection in the tables has led to its membership. */
  for (guint i = 0; i < G_N_ELEMENTS (applications) && demo->error == NULL; i++)
    {
      g_autofree char *key = application_key (applications[i].call, applications[i].organisation);
      SecRecord *application = find (demo, SEC_TYPE_APPLICATION, key);

      if (application != NULL && g_str_equal (applications[i].outcome, "selected") &&
          sec_record_get_ref (application, "membership") == 0)
        g_set_error (&demo->error, SEC_DEMO_ERROR, SEC_DEMO_ERROR_FAILED,
                     "Demo data: application “%s” is selected without a membership", key);
    }
}

static void
add_meeting (Demo              *demo,
             const DemoMeeting *m)
{
  SecRecord *meeting;

  meeting = add (demo, m->key, SEC_TYPE_MEETING,
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
    add (demo, NULL, SEC_TYPE_MEETING_BODY,
         "meeting", meeting,
         "body", find (demo, SEC_TYPE_BODY, m->bodies[i]),
         NULL);

  for (guint i = 0; i < m->n_items; i++)
    {
      const DemoItem *item = &m->items[i];
      char position[16];
      SecRecord *record;

      g_snprintf (position, sizeof position, "%u", i + 1);
      record = add (demo, NULL, SEC_TYPE_AGENDA_ITEM,
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
          add (demo, NULL, SEC_TYPE_AGENDA_SPEAKER,
               "agenda-item", record,
               "person", find (demo, SEC_TYPE_PERSON, item->speakers[s]),
               "position", position,
               NULL);
        }
    }

  for (guint i = 0; i < m->n_participants; i++)
    {
      const DemoParticipant *p = &m->participants[i];
      const DemoPerson *person = find_person (p->person);
      g_autofree char *changed_on = NULL;

      /* A held meeting recorded attendance on the day. */
      if (p->status_changed_on != NULL)
        changed_on = g_strdup (p->status_changed_on);
      else if (g_str_equal (m->status, "held"))
        changed_on = g_strndup (m->starts_at, 10);

      add (demo, NULL, SEC_TYPE_PARTICIPANT,
           "meeting", meeting,
           "person", find (demo, SEC_TYPE_PERSON, p->person),
           "organisation", person ? find (demo, SEC_TYPE_ORGANISATION, person->organisation) : NULL,
           "role", p->role,
           "status", p->status,
           "substitute", find (demo, SEC_TYPE_PERSON, p->substitute),
           "invited-on", m->invited_on,
           "status-changed-on", changed_on,
           "needs", p->needs,
           "notes", p->notes,
           NULL);
    }
}

/* Signatories and commitments come after the last one of their statement,
 * as the statement page adds them. */
static SecRecord *
append (Demo       *demo,
        const char *key,
        SecRecord  *statement,
        SecRecord  *record)
{
  return keep (demo, key, record,
               record != NULL && statement != NULL &&
               sec_statement_append (demo->store, SEC_STATEMENT (statement), record, &demo->error));
}

static void
add_signatories (Demo                *demo,
                 SecRecord           *statement,
                 const char          *statement_key,
                 const DemoSignatory *signatories,
                 guint                n_signatories)
{
  for (guint i = 0; i < n_signatories; i++)
    {
      const DemoSignatory *s = &signatories[i];
      g_autofree char *key = g_strdup_printf ("%s/%s", statement_key, s->organisation);

      append (demo, key, statement,
              build (demo, SEC_TYPE_SIGNATORY,
                     "organisation", find (demo, SEC_TYPE_ORGANISATION, s->organisation),
                     "signer-name", s->signer_name,
                     "signer-position", s->signer_position,
                     NULL));
    }
}

static SecFollowUpStatus
progress_status (char code)
{
  switch (code)
    {
    case 'D': return SEC_FOLLOW_UP_DONE;
    case 'P': return SEC_FOLLOW_UP_IN_PROGRESS;
    case 'N': return SEC_FOLLOW_UP_NOT_STARTED;
    case 'X': return SEC_FOLLOW_UP_NOT_APPLICABLE;
    default: g_assert_not_reached ();
    }
  return SEC_FOLLOW_UP_NOT_STARTED;
}

/* The grid of the 2018 commitments by signatory, year by year, set cell
 * by cell as the statement page sets them. */
static void
add_follow_ups (Demo      *demo,
                SecRecord *commitments[],
                guint      n_commitments)
{
  for (guint s = 0; s < G_N_ELEMENTS (progress_2018) && demo->error == NULL; s++)
    {
      const DemoProgress *p = &progress_2018[s];
      g_autofree char *key = g_strdup_printf ("2018/%s", p->signatory);
      SecRecord *signatory = find (demo, SEC_TYPE_SIGNATORY, key);

      for (guint y = 0; y < G_N_ELEMENTS (progress_years) && demo->error == NULL; y++)
        {
          const char *codes = y == 0 ? p->y2019 : p->y2020;

          g_assert (strlen (codes) == n_commitments);
          for (guint c = 0; c < n_commitments && demo->error == NULL; c++)
            {
              g_autoptr(SecFollowUp) follow_up = NULL;
              SecFollowUpStatus status;
              const char *note = NULL;
              const char *evidence = NULL;

              if (codes[c] == '-')
                continue;
              status = progress_status (codes[c]);
              if (status == SEC_FOLLOW_UP_NOT_APPLICABLE)
                note = OUTSIDE_MANDATE;
              for (guint n = 0; n < G_N_ELEMENTS (follow_up_notes_2018); n++)
                {
                  const DemoFollowUpNote *f = &follow_up_notes_2018[n];

                  if (f->commitment == c && f->year == progress_years[y].year &&
                      g_str_equal (f->signatory, p->signatory))
                    {
                      note = f->note;
                      evidence = f->evidence;
                    }
                }

              follow_up = sec_statement_set_cell (demo->store, sec_record_get_id (commitments[c]),
                                                  sec_record_get_id (signatory), progress_years[y].year,
                                                  status, progress_years[y].date, note, evidence,
                                                  &demo->error);
              if (follow_up == NULL)
                prefix_error (demo, commitments[c]);
            }
        }
    }

  /* Every note in the tables is on a cell that was set. */
  for (guint n = 0; n < G_N_ELEMENTS (follow_up_notes_2018) && demo->error == NULL; n++)
    {
      const DemoFollowUpNote *f = &follow_up_notes_2018[n];
      gboolean found = FALSE;

      for (guint s = 0; s < G_N_ELEMENTS (progress_2018); s++)
        for (guint y = 0; y < G_N_ELEMENTS (progress_years); y++)
          if (g_str_equal (progress_2018[s].signatory, f->signatory) && progress_years[y].year == f->year &&
              f->commitment < n_commitments &&
              (y == 0 ? progress_2018[s].y2019 : progress_2018[s].y2020)[f->commitment] != '-')
            found = TRUE;
      if (!found)
        g_set_error (&demo->error, SEC_DEMO_ERROR, SEC_DEMO_ERROR_FAILED,
                     "Demo data: a note on commitment %u of %s in %d, which has no follow-up",
                     f->commitment + 1, f->signatory, f->year);
    }
}

static void
add_statements (Demo *demo)
{
  SecRecord *statement_2011, *statement_2018;
  SecRecord *commitments[G_N_ELEMENTS (commitments_2018)];

  statement_2011 = add (demo, "2011", SEC_TYPE_STATEMENT,
                        "title", "Joint Statement of the Heads of the EU Justice and Home Affairs "
                                 "Agencies on trafficking in human beings",
                        "signed-on", "2011-10-18",
                        "place", "Warsaw",
                        "summary", "Signed by the Heads of the seven EU Justice and Home Affairs "
                                   "agencies on the 5th EU Anti-Trafficking Day, co-organised by "
                                   "the Polish Presidency of the Council of the EU, the agencies "
                                   "and the EU Anti-trafficking Coordinator.",
                        NULL);
  add_signatories (demo, statement_2011, "2011", signatories_2011, G_N_ELEMENTS (signatories_2011));

  statement_2018 = add (demo, "2018", SEC_TYPE_STATEMENT,
                        "title", "Joint Statement of commitment to working together against "
                                 "trafficking in human beings",
                        "signed-on", "2018-06-13",
                        "place", "Brussels",
                        "meeting", find (demo, SEC_TYPE_MEETING, "2018"),
                        "predecessor", statement_2011,
                        "summary", "The Heads of ten EU agencies commit to working together to "
                                   "address trafficking in human beings, ensuring a coordinated, "
                                   "coherent and comprehensive response, with a gender-specific "
                                   "and child-sensitive approach. A key action of the December "
                                   "2017 Commission Communication, building on the synergies "
                                   "created since the 2011 Joint Statement. The Commission "
                                   "monitors the implementation of the commitments.",
                        NULL);
  add_signatories (demo, statement_2018, "2018", signatories_2018, G_N_ELEMENTS (signatories_2018));

  for (guint i = 0; i < G_N_ELEMENTS (commitments_2018); i++)
    commitments[i] = append (demo, NULL, statement_2018,
                             build (demo, SEC_TYPE_COMMITMENT,
                                    "text", commitments_2018[i],
                                    NULL));
  if (demo->error == NULL)
    add_follow_ups (demo, commitments, G_N_ELEMENTS (commitments));
}

/* Public API */

/**
 * sec_demo_fill:
 * @store: an empty database
 *
 * Fills @store with the demo data, in one transaction: on any failure
 * nothing is written. A database that already holds records is refused
 * with %SEC_DEMO_ERROR_NOT_EMPTY.
 *
 * Returns: %TRUE on success
 */
gboolean
sec_demo_fill (SecStore  *store,
               GError   **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) keys = NULL;
  Demo demo;
  gint64 n;

  g_return_val_if_fail (SEC_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((n = sec_store_count_all (store, error)) < 0)
    return FALSE;
  if (n > 0)
    {
      g_autofree char *display = g_filename_display_name (sec_store_get_path (store));
      g_autofree char *count = sec_format_count (n);

      g_set_error (error, SEC_DEMO_ERROR, SEC_DEMO_ERROR_NOT_EMPTY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” already holds %s record; demo data goes into an empty database only",
                                "“%s” already holds %s records; demo data goes into an empty database only",
                                (gulong) MIN (n, G_MAXLONG)),
                   display, count);
      return FALSE;
    }

  records = g_ptr_array_new_with_free_func (g_object_unref);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo = (Demo) { store, records, keys, NULL };

  if (!sec_store_begin (store, error))
    return FALSE;

  add_bodies (&demo);
  add_organisations (&demo);
  add_people (&demo);
  add_calls (&demo);
  add_applications (&demo);
  add_memberships (&demo);
  for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
    add_meeting (&demo, &meetings[i]);
  add_statements (&demo);

  if (demo.error != NULL)
    {
      sec_store_rollback (store);
      g_propagate_error (error, demo.error);
      return FALSE;
    }
  if (!sec_store_commit (store, error))
    {
      sec_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
