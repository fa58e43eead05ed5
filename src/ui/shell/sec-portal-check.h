/* sec-portal-check.h: actions that let build-aux/check-flatpak save and
 * print a document through the portals, as the Documents window's buttons do */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Adds app.portal-check when SECRETARIAT_PORTAL_CHECK=1 is in the
 * environment, and nothing otherwise. */
void sec_portal_check_add_actions (GtkApplication *app);

G_END_DECLS
