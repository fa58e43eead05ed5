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

#include "cli/sec-demo.h"
#include "cli/sec-demo-private.h"
#include "core/base/sec-format.h"

G_DEFINE_QUARK (sec-demo-error-quark, sec_demo_error)

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

/* Helpers */

static char *
dup_key (GType       type,
         const char *key)
{
  return g_strdup_printf ("%s:%s", sec_kind_from_type (type)->name, key);
}

/* The record kept under @key, or NULL (and the fill fails) when there is
 * none: a mistake in the tables above. */
SecRecord *
_sec_demo_find (Demo       *demo,
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
void
_sec_demo_prefix_error (Demo      *demo,
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
          _sec_demo_prefix_error (demo, record);
          return NULL;
        }
    }
  return g_steal_pointer (&record);
}

SecRecord *
_sec_demo_build (Demo  *demo,
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
SecRecord *
_sec_demo_keep (Demo       *demo,
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
      _sec_demo_prefix_error (demo, record);
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
SecRecord *
_sec_demo_add (Demo       *demo,
               const char *key,
               GType       type,
               ...)
{
  SecRecord *record;
  va_list ap;

  va_start (ap, type);
  record = build_valist (demo, type, ap);
  va_end (ap);
  return _sec_demo_keep (demo, key, record,
                         record != NULL && sec_store_insert (demo->store, record, &demo->error));
}

/* The key of the organisation @person (a key in the people's table) works
 * for, or NULL. */
const char *
_sec_demo_person_organisation (const char *person)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (g_str_equal (people[i].key, person))
      return people[i].organisation;
  return NULL;
}

/* Filling, one kind after the other */

static void
add_bodies (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      const DemoBody *b = &bodies[i];

      _sec_demo_add (demo, b->key, SEC_TYPE_BODY,
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

      _sec_demo_add (demo, o->key, SEC_TYPE_ORGANISATION,
                     "name", o->name,
                     "acronym", o->acronym,
                     "kind", o->kind,
                     "country", o->country,
                     "city", o->city,
                     "website", o->website,
                     "email", o->email,
                     "notes", o->notes,
                     /* The Office runs the secretariat. */
                     "organiser", g_str_equal (o->key, "atc") ? "yes" : NULL,
                     NULL);
    }
}

static void
add_people (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const DemoPerson *p = &people[i];

      _sec_demo_add (demo, p->key, SEC_TYPE_PERSON,
                     "title", p->title,
                     "given-name", p->given_name,
                     "family-name", p->family_name,
                     "position", p->position,
                     "organisation", _sec_demo_find (demo, SEC_TYPE_ORGANISATION, p->organisation),
                     "email", p->email,
                     "languages", p->languages,
                     "accessibility-needs", p->accessibility_needs,
                     "dietary-needs", p->dietary_needs,
                     "consent-date", p->consent_date,
                     "consent-source", p->consent_source,
                     /* Needs were given with explicit consent, on the same form. */
                     "needs-consent", (p->accessibility_needs || p->dietary_needs) ? "yes" : "no",
                     "lawful-basis", p->consent_date ? "consent" : "public-task",
                     NULL);
    }
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
  _sec_demo_add_calls (&demo);
  _sec_demo_add_meetings (&demo);
  _sec_demo_add_minutes (&demo);
  _sec_demo_add_statements (&demo);
  _sec_demo_add_funding (&demo);
  _sec_demo_add_letterhead (&demo);

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
