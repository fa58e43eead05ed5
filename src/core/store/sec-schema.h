/* sec-schema.h: the numbered migrations of the database */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int         version;  /* PRAGMA user_version after this step */
  const char *sql;      /* applied in one transaction */
} SecMigration;

/* (transfer none): the migrations in order; *n_migrations is their count. */
const SecMigration *sec_schema_get_migrations (guint *n_migrations);

G_END_DECLS
