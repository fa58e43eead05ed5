/* sec-row-text.h: a short text of a list row, drawn from one PangoLayout */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SEC_TYPE_ROW_TEXT (sec_row_text_get_type ())
G_DECLARE_FINAL_TYPE (SecRowText, sec_row_text, SEC, ROW_TEXT, GtkWidget)

GtkWidget  *sec_row_text_new      (guint       max_lines);
const char *sec_row_text_get_text (SecRowText *self);
void        sec_row_text_set_text (SecRowText *self,
                                   const char *text);

/* A text drawn by another widget the same way (SecRecordRow's title). */
PangoLayout *sec_row_text_layout_new      (GtkWidget             *widget,
                                           const char            *text,
                                           guint                  max_lines);
int          sec_row_text_layout_measure  (PangoLayout           *layout,
                                           GtkWidget             *widget,
                                           guint                  max_lines,
                                           GtkOrientation         orientation,
                                           int                    for_size);
void         sec_row_text_layout_snapshot (PangoLayout           *layout,
                                           GtkWidget             *widget,
                                           guint                  max_lines,
                                           GtkSnapshot           *snapshot,
                                           const graphene_rect_t *area);

G_END_DECLS
