/* sec-tool-window.h: what the tool windows share (error dialog, save chooser) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void             sec_tool_window_show_error       (GtkWidget     *widget,
                                                   const char    *heading,
                                                   const GError  *error);
GtkNativeDialog *sec_tool_window_new_save_chooser (GtkWindow     *parent,
                                                   const char    *name,
                                                   GFile         *folder,
                                                   GtkFileFilter *filter);

G_END_DECLS
