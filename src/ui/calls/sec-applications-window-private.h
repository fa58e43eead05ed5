/* sec-applications-window-private.h: what the applications window's files share
 *
 * SecApplicationsWindow spans three files: the window, its list and its
 * form (sec-applications-window.c), the list's columns
 * (sec-applications-window-columns.c), and the outcome and eligibility
 * decisions with their dialogs (sec-applications-window-decisions.c).
 */
#pragma once

#include <adwaita.h>

#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "ui/widgets/sec-country-row.h"
#include "ui/widgets/sec-date-row.h"
#include "core/store/sec-record-list.h"

G_BEGIN_DECLS

/* As G_DECLARE_FINAL_TYPE in the public header says it; not including that
 * header here keeps the two headers out of an include cycle. */
typedef struct _SecApplicationsWindow SecApplicationsWindow;

struct _SecApplicationsWindow
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *add_button;
  GtkWidget           *cancel_button;
  GtkWidget           *save_button;
  GtkWidget           *export_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *stack;
  GtkStack            *list_stack;
  GtkLabel            *summary_label;
  GtkColumnView       *column_view;
  AdwPreferencesGroup *organisation_group;
  AdwPreferencesGroup *application_group;
  GtkToggleButton     *existing_button;
  GtkToggleButton     *new_button;
  AdwEntryRow         *name_row;
  SecCountryRow       *country_row;
  AdwComboRow         *kind_row;
  SecDateRow          *received_row;
  AdwEntryRow         *timezone_row;
  AdwEntryRow         *areas_row;
  AdwEntryRow         *score_row;
  GtkTextView         *documents_view;

  /* owned */
  SecStore            *store;
  SecCall             *call;          /* as last read */
  SecRecordList       *applications;

  /* borrowed: in organisation_group */
  GtkWidget           *picker_row;

  gulong               changed_id;
  gboolean             binding;       /* cells being filled: not the user */
};

#define N_OUTCOMES 4

/* The outcomes in the order the drop-downs offer them. */
extern const char *const _sec_applications_window_outcome_nicks[N_OUTCOMES];

void _sec_applications_window_show_error (SecApplicationsWindow *self,
                                          const char            *message);
void _sec_applications_window_hide_error (SecApplicationsWindow *self);
void _sec_applications_window_show_toast (SecApplicationsWindow *self,
                                          const char            *text);
void _sec_applications_window_set_outcome_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *parameter);
void _sec_applications_window_override_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);
void _sec_applications_window_add_columns (SecApplicationsWindow *self);

G_END_DECLS
