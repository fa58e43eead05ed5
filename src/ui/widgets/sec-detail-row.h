/* sec-detail-row.h: a row of a record's page: a title, a wrapping value, buttons */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEC_TYPE_DETAIL_ROW (sec_detail_row_get_type ())
G_DECLARE_FINAL_TYPE (SecDetailRow, sec_detail_row, SEC, DETAIL_ROW, AdwPreferencesRow)

GtkWidget  *sec_detail_row_new                     (const char   *title,
                                                    const char   *subtitle);
const char *sec_detail_row_get_subtitle            (SecDetailRow *self);
void        sec_detail_row_set_subtitle            (SecDetailRow *self,
                                                    const char   *subtitle);
gboolean    sec_detail_row_get_subtitle_selectable (SecDetailRow *self);
void        sec_detail_row_set_subtitle_selectable (SecDetailRow *self,
                                                    gboolean      selectable);
void        sec_detail_row_set_title_lines         (SecDetailRow *self,
                                                    int           lines);
void        sec_detail_row_add_prefix              (SecDetailRow *self,
                                                    GtkWidget    *widget);
void        sec_detail_row_add_suffix              (SecDetailRow *self,
                                                    GtkWidget    *widget);

G_END_DECLS
