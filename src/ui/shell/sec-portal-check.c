/* sec-portal-check.c: saving and printing through the portals, on request
 *
 * build-aux/check-flatpak runs the application in the Flatpak sandbox next
 * to xdg-desktop-portal and a fake portal backend of its own, and must make
 * the application save a document through the file chooser portal and print
 * one through the print portal. Nobody can click in CI, so this action opens
 * a meeting's Documents window and activates its "export.save" or
 * "export.print" action: the very actions its Save… and Print… buttons (and
 * Ctrl+S, Ctrl+P) activate, so the same code runs as for the user, up to the
 * GtkFileChooserNative and GtkPrintOperation that talk to the portals.
 *
 * The action exists only when SECRETARIAT_PORTAL_CHECK=1 is set (check-flatpak
 * passes it with `flatpak run --env=`), so users never see it over D-Bus.
 */
#define G_LOG_DOMAIN "sec-portal-check"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/meetings/sec-export-dialog.h"
#include "ui/shell/sec-portal-check.h"
#include "ui/shell/sec-window.h"

/* app.portal-check (xs): a meeting's id, then "save" or "print" (its
 * agenda) or "save-participants" (its participant list, with contact data:
 * a personal file, which must stay 0600 through the document portal). */
static void
portal_check_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (app);
  SecStore *store = SEC_IS_WINDOW (parent) ? sec_window_get_store (SEC_WINDOW (parent)) : NULL;
  SecExportDialog *dialog;
  gint64 meeting_id;
  const char *what;

  g_variant_get (parameter, "(x&s)", &meeting_id, &what);
  if (store == NULL)
    {
      g_warning ("portal-check: no window with an open database");
      return;
    }
  if (!g_str_equal (what, "save") && !g_str_equal (what, "print") && !g_str_equal (what, "save-participants"))
    {
      g_warning ("portal-check: “%s” is not save, print or save-participants", what);
      return;
    }
  dialog = sec_export_dialog_new (parent, store, meeting_id);
  sec_export_dialog_set_kind (dialog, g_str_equal (what, "save-participants") ? SEC_MEETING_EXPORT_PARTICIPANTS_CSV
                                                                              : SEC_MEETING_EXPORT_AGENDA);
  gtk_window_present (GTK_WINDOW (dialog));
  g_message ("portal-check: %s, meeting %" G_GINT64_FORMAT, what, meeting_id);
  gtk_widget_activate_action (GTK_WIDGET (dialog), g_str_equal (what, "print") ? "export.print" : "export.save", NULL);
}

/**
 * sec_portal_check_add_actions:
 * @app: the application, after its startup
 */
void
sec_portal_check_add_actions (GtkApplication *app)
{
  static const GActionEntry entries[] = {
    { "portal-check", portal_check_action, "(xs)" },
  };

  g_return_if_fail (GTK_IS_APPLICATION (app));

  if (g_strcmp0 (g_getenv ("SECRETARIAT_PORTAL_CHECK"), "1") != 0)
    return;
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
}
