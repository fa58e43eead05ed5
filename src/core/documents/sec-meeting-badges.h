/* sec-meeting-badges.h: name badges and table cards for a meeting
 *
 * Badges: 90 × 55 mm, the size of a badge holder's card, as many as the
 * paper holds (ten on A4, eight on Letter) with crop marks round the sheet
 * and light cutting guides between them. Table cards: one per page, the
 * paper turned landscape and folded along its middle into a tent; the top
 * half is drawn upside down so that the name reads upright from both
 * sides. Each shows the name (its Latin spelling under a Greek or Cyrillic
 * one), the organisation, and the country or the role. Those listed are
 * those a list of participants shows, in its order (options->group_by).
 */
#pragma once

#include "core/documents/sec-document.h"
#include "core/documents/sec-meeting-options.h"

G_BEGIN_DECLS

/* The size of a badge, in millimetres. */
#define SEC_BADGE_WIDTH_MM  90.0
#define SEC_BADGE_HEIGHT_MM 55.0

/* How many badges a sheet of @paper holds, across and down. */
void    sec_meeting_badges_get_grid     (SecPaper                         paper,
                                         guint                           *columns,
                                         guint                           *rows);

/* (transfer full): the PDF of the badges or (@table_cards) the table cards
 * of @data's participants; a PDF of one empty page when nobody is listed. */
GBytes *sec_meeting_badges_to_pdf       (SecMeetingData                  *data,
                                         const SecMeetingDocumentOptions *options,
                                         SecPaper                         paper,
                                         gboolean                         table_cards,
                                         GError                         **error);

G_END_DECLS
