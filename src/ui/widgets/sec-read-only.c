/* sec-read-only.c: the editing controls of a database the user may only
 * read
 *
 * One list of the actions that change the database, whatever widget has
 * them; the widgets that show such controls call sec_read_only_apply ()
 * when they get their store. A write that slipped through would still be
 * refused by the store (SEC_STORE_ERROR_READ_ONLY, in words): this list is
 * what makes the window say so before the user tries.
 */
#define G_LOG_DOMAIN "sec-read-only"

#include "config.h"

#include "ui/widgets/sec-read-only.h"

static const char *const write_actions[] = {
  /* The window */
  "win.new-record", "win.edit-record", "win.delete-record", "win.undo", "win.import",
  /* A record's page */
  "page.add", "page.restore-value",
  /* A meeting's tools (exporting and e-mails stay) */
  "tools.agenda", "tools.invite", "tools.participants", "tools.check-in", "tools.minutes",
  "tools.add-follow-up", "tools.substitute", "tools.use-co-chair",
  /* A call's, a statement's */
  "call.applications", "call.add-application", "statement.grid",
  NULL
};

/* Whether @widget's class has the action @name. */
static gboolean
has_action (GtkWidget  *widget,
            const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const char *action_name;
  GType owner;
  const GVariantType *parameter_type;
  const char *property_name;

  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name);
       i++)
    if (g_str_equal (action_name, name))
      return TRUE;
  return FALSE;
}

void
sec_read_only_apply (GtkWidget *widget,
                     SecStore  *store)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (store == NULL || sec_store_can_write (store))
    return;
  for (guint i = 0; write_actions[i]; i++)
    if (has_action (widget, write_actions[i]))
      gtk_widget_action_set_enabled (widget, write_actions[i], FALSE);
}
