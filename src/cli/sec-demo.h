/* sec-demo.h: demo data for an empty database
 *
 * The demo data follows the public facts about the EU Anti-trafficking
 * Coordinator's bodies (the Civil Society Platform, the ePlatform, the
 * network of National Rapporteurs, the EU agencies' contact points), the
 * 2011 and 2018 Joint Statements of the EU agencies and the calls for
 * expression of interest; the civil society organisations, the people and
 * the recent meetings around them are fictional.
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

#define SEC_DEMO_ERROR (sec_demo_error_quark ())
GQuark sec_demo_error_quark (void);

typedef enum {
  SEC_DEMO_ERROR_NOT_EMPTY, /* the database already holds records */
  SEC_DEMO_ERROR_FAILED,    /* the demo data refers to a record it lacks */
} SecDemoError;

gboolean sec_demo_fill (SecStore  *store,
                        GError   **error);

G_END_DECLS
