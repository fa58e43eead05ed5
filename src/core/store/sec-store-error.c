/* sec-store-error.c: the error domain of the store and its engines */
#define G_LOG_DOMAIN "sec-store"

#include "config.h"

#include "core/store/sec-store-error.h"

G_DEFINE_QUARK (sec-store-error-quark, sec_store_error)
