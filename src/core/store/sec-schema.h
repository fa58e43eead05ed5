/* sec-schema.h: the numbered migrations of the database */
#pragma once

#include <glib.h>

/* The tables that migration 15 gave a version column, for both engines'
 * twins of it (sec-schema.c, sec-schema-pg.c): X (table) for each. Part of
 * a released migration: never change it. */
#define SEC_SCHEMA_VERSIONED_TABLES(X) \
  X ("action_points") \
  X ("agenda_items") \
  X ("agenda_speakers") \
  X ("applications") \
  X ("bodies") \
  X ("calls") \
  X ("commitments") \
  X ("errata") \
  X ("follow_ups") \
  X ("funding_calls") \
  X ("funding_programmes") \
  X ("meeting_bodies") \
  X ("meetings") \
  X ("memberships") \
  X ("minutes") \
  X ("organisations") \
  X ("participants") \
  X ("people") \
  X ("project_partners") \
  X ("projects") \
  X ("signatories") \
  X ("statements")

G_BEGIN_DECLS

typedef struct {
  int         version;  /* PRAGMA user_version after this step */
  const char *sql;      /* applied in one transaction */
} SecMigration;

/* (transfer none): the migrations in order; *n_migrations is their count. */
const SecMigration *sec_schema_get_migrations (guint *n_migrations);
/* The same migrations for a PostgreSQL server (sec-schema-pg.c): the same
 * versions in the same order. (transfer none) */
const SecMigration *sec_schema_get_pg_migrations (guint *n_migrations);
/* SQL that makes the SQLite functions the store's SQL calls on a server
 * (date, strftime, group_concat, printf); run at each writable opening. */
const char         *sec_schema_get_pg_functions  (void);

G_END_DECLS
