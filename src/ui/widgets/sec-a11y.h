/* sec-a11y.h: what every window does so that a screen reader and the
 * keyboard alone reach and name each control */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An icon that only repeats what the text beside it says (the arrow of a
 * row that opens something, a section's icon): left out of the
 * accessible tree, so that a screen reader does not announce an unnamed
 * image. */
GtkWidget *sec_decorative_icon_new              (const char *icon_name);

/* Names @button after its label without the mnemonic's underscore
 * (GTK 4.8 reads "_Quit" as "_Quit Quit"). */
void       sec_button_fix_accessible_name       (GtkButton  *button);

/* Names @widget @name alone, whatever labels it otherwise. */
void       sec_accessible_set_name              (GtkWidget   *widget,
                                                 const char  *name);

/* Mends @widget and everything below it now, as sec_a11y_init() does when
 * they are realized: for what sits on a page not shown yet. */
void       sec_a11y_mend                        (GtkWidget   *widget);

/* Makes @row, a row of a list box that only shows text, one Tab passes
 * over: GTK 4.8's list box leaves the whole list when Tab reaches a shown
 * row that takes no focus, skipping every row after it; it skips an
 * insensitive row instead. The row keeps the look of a sensitive one. */
void       sec_list_row_set_passive             (GtkWidget   *row);

/* Names @drop_down, and the button inside it that takes the focus. */
void       sec_drop_down_set_accessible_name    (GtkDropDown *drop_down,
                                                 const char  *name);

/* Applies sec_button_fix_accessible_name() and hides the toolkit's
 * decorative images inside rows from the screen reader, as each
 * widget is realized, in every window of the process. Safe to call more
 * than once. */
void       sec_a11y_init                        (void);

G_END_DECLS
