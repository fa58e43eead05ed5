/* sec-letterhead.h: the office's letterhead from its database onto its documents */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

/* Makes the letterhead kept in @store the one of every document made from
 * now on (sec_document_set_default_letterhead ()); call it when the
 * database is opened and when the letterhead changed. */
void sec_letterhead_apply (SecStore *store);

G_END_DECLS
