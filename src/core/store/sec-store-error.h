/* sec-store-error.h: what can go wrong with a database, whatever the engine */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SEC_STORE_ERROR (sec_store_error_quark ())
GQuark sec_store_error_quark (void);

typedef enum {
  SEC_STORE_ERROR_OPEN,        /* cannot open or create the file */
  SEC_STORE_ERROR_NOT_DATABASE,/* the file is not a SQLite database */
  SEC_STORE_ERROR_CORRUPT,     /* the database is damaged */
  SEC_STORE_ERROR_TOO_NEW,     /* written by a newer Secretariat */
  SEC_STORE_ERROR_READ_ONLY,   /* cannot be written */
  SEC_STORE_ERROR_MIGRATION,   /* an upgrade failed; the file is unchanged */
  SEC_STORE_ERROR_CONSTRAINT,  /* a duplicate, a missing reference... */
  SEC_STORE_ERROR_NOT_FOUND,   /* no record with that id */
  SEC_STORE_ERROR_INVALID,     /* a value the kind does not accept */
  SEC_STORE_ERROR_FAILED,      /* anything else SQLite reports */
  SEC_STORE_ERROR_EMPTY,       /* an empty database on a server, opened read-only */
  SEC_STORE_ERROR_CONFLICT,    /* someone else saved the record since it was read */
} SecStoreError;

G_END_DECLS
