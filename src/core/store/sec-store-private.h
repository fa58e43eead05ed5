/* sec-store-private.h: for the store's own files (src/core/store/) only */
#pragma once

#include "core/store/sec-engine.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* The connection the store's SQL runs on; NULL once the store is closed.
 * (transfer none) */
SecEngine   *_sec_store_get_engine     (SecStore       *self);

G_END_DECLS
