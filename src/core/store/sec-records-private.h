/* sec-records-private.h: what the files of field tables share
 *
 * The kinds are split over sec-records.c and one file per later workflow
 * (sec-records-funding.c); each defines its types with this macro.
 */
#pragma once

#include "core/store/sec-record.h"

G_BEGIN_DECLS

/* A kind is its table and nothing else. */
#define SEC_DEFINE_RECORD_KIND(TypeName, type_name, kind_table)          \
  struct _##TypeName { SecRecord parent_instance; };                    \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, SEC_TYPE_RECORD)             \
  static void type_name##_class_init (TypeName##Class *klass)           \
  {                                                                      \
    sec_record_class_set_kind (SEC_RECORD_CLASS (klass), &kind_table);  \
  }                                                                      \
  static void type_name##_init (TypeName *self)                          \
  {                                                                      \
    _sec_record_init_values (SEC_RECORD (self));                         \
  }

G_END_DECLS
