/* sec-toaster.h: one notification at a time over an AdwToastOverlay */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEC_TYPE_TOASTER (sec_toaster_get_type ())
G_DECLARE_FINAL_TYPE (SecToaster, sec_toaster, SEC, TOASTER, GObject)

/* Shows toasts on @overlay (not owned), each new one replacing the one
 * before. */
SecToaster *sec_toaster_new      (AdwToastOverlay *overlay);
/* Shows @toast (transfer full) in place of the toast shown now. */
void        sec_toaster_show     (SecToaster      *self,
                                  AdwToast        *toast);
/* Takes the toast shown now away (its action was done some other way). */
void        sec_toaster_dismiss  (SecToaster      *self);

G_END_DECLS
