/* sec-field-value.h: a field's value as people read it */
#pragma once

#include "core/store/sec-store.h"

G_BEGIN_DECLS

char *sec_field_value_format (SecStore       *store,
                              SecRecord      *record,
                              const SecField *field,
                              GHashTable     *depends_on);

G_END_DECLS
