/* sec-wrap-box.h: children side by side in equal columns, wrapping onto
 * more lines when the width runs out */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SEC_TYPE_WRAP_BOX (sec_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (SecWrapBox, sec_wrap_box, SEC, WRAP_BOX, GtkWidget)

GtkWidget *sec_wrap_box_new          (void);
void       sec_wrap_box_append       (SecWrapBox *self,
                                      GtkWidget  *child);
void       sec_wrap_box_remove_all   (SecWrapBox *self);

G_END_DECLS
