/* sec-row-title.h: a detail row's title and subtitle, measured width first */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SEC_TYPE_ROW_TITLE (sec_row_title_get_type ())
G_DECLARE_FINAL_TYPE (SecRowTitle, sec_row_title, SEC, ROW_TITLE, GtkWidget)

GtkWidget *sec_row_title_new               (void);
GtkLabel  *sec_row_title_get_title_label    (SecRowTitle *self);
GtkLabel  *sec_row_title_get_subtitle_label (SecRowTitle *self);
void       sec_row_title_set_title          (SecRowTitle *self,
                                             const char  *title);
void       sec_row_title_set_subtitle       (SecRowTitle *self,
                                             const char  *subtitle);

G_END_DECLS
