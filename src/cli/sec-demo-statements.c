/* sec-demo-statements.c: the demo data's joint statements, their signatories,
 * commitments and follow-ups
 *
 * See sec-demo.c for what is real and what is fictional. */
#define G_LOG_DOMAIN "sec-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/sec-demo.h"
#include "cli/sec-demo-private.h"
#include "core/statements/sec-statements.h"

/* Tables */

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

/* Filling */

/* Signatories and commitments come after the last one of their statement,
 * as the statement page adds them. */
static SecRecord *
append (Demo       *demo,
        const char *key,
        SecRecord  *statement,
        SecRecord  *record)
{
  return _sec_demo_keep (demo, key, record,
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
              _sec_demo_build (demo, SEC_TYPE_SIGNATORY,
                               "organisation", _sec_demo_find (demo, SEC_TYPE_ORGANISATION, s->organisation),
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
      SecRecord *signatory = _sec_demo_find (demo, SEC_TYPE_SIGNATORY, key);

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
                _sec_demo_prefix_error (demo, commitments[c]);
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

/* Private API */

/* The 2011 and 2018 statements, their signatories and commitments, and the
 * follow-up of the 2018 commitments. */
void
_sec_demo_add_statements (Demo *demo)
{
  SecRecord *statement_2011, *statement_2018;
  SecRecord *commitments[G_N_ELEMENTS (commitments_2018)];

  statement_2011 = _sec_demo_add (demo, "2011", SEC_TYPE_STATEMENT,
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

  statement_2018 = _sec_demo_add (demo, "2018", SEC_TYPE_STATEMENT,
                                  "title", "Joint Statement of commitment to working together against "
                                           "trafficking in human beings",
                                  "signed-on", "2018-06-13",
                                  "place", "Brussels",
                                  "meeting", _sec_demo_find (demo, SEC_TYPE_MEETING, "2018"),
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
                             _sec_demo_build (demo, SEC_TYPE_COMMITMENT,
                                              "text", commitments_2018[i],
                                              NULL));
  if (demo->error == NULL)
    add_follow_ups (demo, commitments, G_N_ELEMENTS (commitments));
}
