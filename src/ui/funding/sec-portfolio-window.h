/* sec-portfolio-window.h: the portfolio of funded projects
 *
 * Projects per programme and start year with their budgets, the partners'
 * coverage by country (Member States in protocol order, then the others),
 * and the projects themselves; filtered by programme and theme; saved as
 * the portfolio report (PDF) or its rows (CSV).
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_TYPE_PORTFOLIO_WINDOW (sec_portfolio_window_get_type ())
G_DECLARE_FINAL_TYPE (SecPortfolioWindow, sec_portfolio_window, SEC, PORTFOLIO_WINDOW, AdwWindow)

/* @programme: the id of the programme shown first, or 0 for all. */
GtkWidget *sec_portfolio_window_new (GtkWindow *parent,
                                     SecStore  *store,
                                     gint64     programme);

G_END_DECLS
