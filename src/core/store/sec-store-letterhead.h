/* sec-store-letterhead.h: the office's letterhead, kept in the database
 *
 * The office's name, a reference ("Ref. Ares(2027)123456") and a logo,
 * printed at the top of every document. They are office-wide, so they live
 * in the database the office shares (its settings table), not in GSettings;
 * the logo's bytes are copied in, so the original file is never needed
 * again (nor a path into the Flatpak sandbox).
 */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The largest logo accepted, in bytes. */
#define SEC_LETTERHEAD_LOGO_MAX (2 * 1024 * 1024)

typedef struct {
  char   *name;       /* the office's name, NULL: none */
  char   *reference;  /* NULL: none */
  GBytes *logo;       /* a PNG file's bytes, NULL: none */
} SecLetterhead;

void           sec_letterhead_free           (SecLetterhead *letterhead);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecLetterhead, sec_letterhead_free)
/* Whether the letterhead has anything to print. */
gboolean       sec_letterhead_is_empty       (const SecLetterhead *letterhead);
/* Checks that @png looks like a PNG image (its signature and its header)
 * of at most SEC_LETTERHEAD_LOGO_MAX bytes and 4096 pixels a side;
 * SEC_STORE_ERROR_INVALID if not. */
gboolean       sec_letterhead_check_logo     (GBytes        *png,
                                              GError       **error);

/* (transfer full): never NULL; its fields are NULL when unset. */
SecLetterhead *sec_store_get_letterhead      (SecStore      *self);
/* Sets the name and the reference (blank: none), in one transaction. */
gboolean       sec_store_set_letterhead_text (SecStore      *self,
                                              const char    *name,
                                              const char    *reference,
                                              GError       **error);
/* Sets the logo (checked with sec_letterhead_check_logo ()); NULL removes it. */
gboolean       sec_store_set_letterhead_logo (SecStore      *self,
                                              GBytes        *png,
                                              GError       **error);

G_END_DECLS
