/* sec-text-column.h: a vertical box of texts whose width is asked as for no height */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SEC_TYPE_TEXT_COLUMN (sec_text_column_get_type ())
G_DECLARE_FINAL_TYPE (SecTextColumn, sec_text_column, SEC, TEXT_COLUMN, GtkWidget)

GtkWidget *sec_text_column_new         (int            spacing);
int        sec_text_column_get_spacing (SecTextColumn *self);
void       sec_text_column_set_spacing (SecTextColumn *self,
                                        int            spacing);
void       sec_text_column_append      (SecTextColumn *self,
                                        GtkWidget     *child);

void       sec_text_column_set_label_text (GtkLabel   *label,
                                           const char *text,
                                           guint       max_word_chars);

G_END_DECLS
