/* sec-portfolio.h: the projects of a portfolio, its totals and coverage
 *
 * What the portfolio view, report and CSV show: the projects (filtered by
 * programme and theme), each with its coordinator and partners; the number
 * of projects and the budget per programme and start year; and per
 * country how many projects and partners it has (coordinators count as
 * partners), EU Member States in protocol order, then the others.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct {
  SecRecord  *project;      /* owned */
  GPtrArray  *partners;     /* of SecRecord (project-partner), owned, in order */
  GStrv       countries;    /* coordinator's and partners', sorted as coverage */
  int         months;       /* duration, -1 when not known */
} SecPortfolioProject;

typedef struct {
  char   *programme;        /* short name or name; "" for none */
  int     year;             /* start year; 0 when not known */
  guint   n_projects;
  gint64  budget;           /* whole euros */
} SecPortfolioTotal;

typedef struct {
  char   *country;          /* ISO 3166-1 alpha-2 */
  guint   n_projects;
  guint   n_partners;
} SecPortfolioCountry;

typedef struct {
  GPtrArray *projects;      /* of SecPortfolioProject, by acronym */
  GPtrArray *totals;        /* of SecPortfolioTotal, by programme then year */
  GPtrArray *countries;     /* of SecPortfolioCountry, protocol order then by name */
  gint64     budget;        /* every project's */
} SecPortfolio;

/* (transfer full) (nullable): the portfolio of the projects of
 * @programme (nullable: any; an id, a short name or a name) naming
 * @theme (nullable: any). An unknown programme is an error. */
SecPortfolio *sec_portfolio_new   (SecStore    *store,
                                   const char  *programme,
                                   const char  *theme,
                                   GError     **error);
void          sec_portfolio_free  (SecPortfolio *self);

/* (transfer full) (nullable): one project's entry, with its partners and
 * countries, without the rest of the portfolio. */
SecPortfolioProject *sec_portfolio_project_new  (SecStore             *store,
                                                 SecRecord            *project,
                                                 GError              **error);
void                 sec_portfolio_project_free (SecPortfolioProject  *entry);

/* (transfer full): which projects a portfolio holds, as its report's
 * header says: "Programme: FP7 · Theme: migration" ("" for all). */
char         *sec_portfolio_describe_filter (const char *programme,
                                             const char *theme);
/* (transfer full): the countries of @entry as names joined with ", ". */
char         *sec_portfolio_project_dup_country_names (SecPortfolioProject *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecPortfolio, sec_portfolio_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecPortfolioProject, sec_portfolio_project_free)

G_END_DECLS
