/* sec-email-recipients.c: the recipients of the e-mail dialog (or those
 * left out), a list that makes rows only for what is in sight
 *
 * A row per recipient in a list box made a meeting of 320 invited take
 * 3.8 s to show its rows, and every redraw of the dialog went through the
 * thousands of widgets (123–236 ms a frame). A view over a model makes
 * the rows about the part in sight alone (at most 33, whatever the
 * meeting) and reuses them as the list scrolls; what each row shows, and
 * whether it is ticked, lives in its item (SecEmailRecipientItem). The
 * view is a GtkGridView of one column: GTK 4.8's GtkListView keeps 200
 * rows made around the part in sight, whatever its height.
 */
#define G_LOG_DOMAIN "sec-email-recipients"

#include "config.h"

#include <glib/gi18n.h>

#include "core/meetings/sec-emails.h"
#include "core/store/sec-records.h"
#include "ui/meetings/sec-email-recipient-item.h"
#include "ui/meetings/sec-email-recipients.h"

struct _SecEmailRecipients
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scrolled;
  GtkGridView       *grid_view;

  /* Owned */
  GListStore        *items;   /* SecEmailRecipientItem */

  gboolean           checkable;
  guint              n_ticked;
};

/* The rows shown at most before the list scrolls inside its card. */
#define ROWS_SHOWN 8
/* A row's height before one is made to measure. */
#define ROW_HEIGHT 54

G_DEFINE_FINAL_TYPE (SecEmailRecipients, sec_email_recipients, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHECKABLE,
  PROP_N_TICKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
set_item_ticked (SecEmailRecipients    *self,
                 SecEmailRecipientItem *item,
                 gboolean               ticked)
{
  if (sec_email_recipient_item_get_ticked (item) == !!ticked)
    return;
  sec_email_recipient_item_set_ticked (item, ticked);
  self->n_ticked += ticked ? 1 : -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TICKED]);
}

/* Callbacks */

/* The tick toggled other than by a click (Enter on it, or a screen
 * reader's action): its item follows. The row's list item is on the row (reused for
 * other items). */
static void
on_check_toggled (GtkCheckButton     *check,
                  SecEmailRecipients *self)
{
  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (check)));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "list-item");
  SecEmailRecipientItem *item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;

  if (item != NULL)
    set_item_ticked (self, item, gtk_check_button_get_active (check));
}

/* The tick shows the item's state: a click on the row or Space toggles
 * the item (sec_email_recipients_toggle ()), and the tick follows. */
static void
on_item_ticked (SecEmailRecipientItem *item,
                GParamSpec            *pspec,
                GtkCheckButton        *check)
{
  gtk_check_button_set_active (check, sec_email_recipient_item_get_ticked (item));
}

static void
on_grid_view_activate (SecEmailRecipients *self,
                       guint               position)
{
  if (self->checkable)
    sec_email_recipients_toggle (self, position);
}

/* A row: [tick] name over its line, each on one line (a row that may wrap
 * is measured again for every width offered), then a line under it but
 * for the last. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SecEmailRecipients       *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 9);
  gtk_widget_set_margin_end (box, 9);
  /* As tall as the other groups' rows (AdwActionRow). */
  gtk_widget_set_size_request (box, -1, 47);
  if (self->checkable)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* The row takes the clicks: a click on the tick itself would
       * toggle it, then the row's activation back. The tick keeps the
       * focus (GTK 4.8's list rows without a focusable child leave Tab
       * stuck before the list). */
      gtk_widget_set_can_target (check, FALSE);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (subtitle), TRUE);
  /* As an AdwActionRow's subtitle (whose style needs a GtkListBoxRow). */
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  g_object_set_data (G_OBJECT (row), "list-item", list_item);
  gtk_list_item_set_child (list_item, row);
  gtk_list_item_set_activatable (list_item, self->checkable);
}

/* The row's box: [tick] name over its line. */
static GtkWidget *
row_box (GtkListItem *list_item)
{
  return gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
}

static GtkWidget *
row_check (GtkListItem *list_item)
{
  GtkWidget *first = gtk_widget_get_first_child (row_box (list_item));

  return GTK_IS_CHECK_BUTTON (first) ? first : NULL;
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SecEmailRecipients       *self)
{
  SecEmailRecipientItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = row_box (list_item);
  GtkWidget *separator = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));
  GtkWidget *check = row_check (list_item);
  GtkWidget *labels = gtk_widget_get_last_child (box);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_last_child (labels);
  const char *line = sec_email_recipient_item_get_subtitle (item);

  gtk_label_set_text (GTK_LABEL (title), sec_email_recipient_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (subtitle), line != NULL ? line : "");
  gtk_widget_set_visible (subtitle, line != NULL && *line != '\0');
  gtk_widget_set_visible (separator, gtk_list_item_get_position (list_item) + 1 <
                                     g_list_model_get_n_items (G_LIST_MODEL (self->items)));
  if (check != NULL)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), sec_email_recipient_item_get_ticked (item));
      g_signal_connect_object (item, "notify::ticked", G_CALLBACK (on_item_ticked), check, 0);
      /* A screen reader reads the tick as the person it is for. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, sec_email_recipient_item_get_title (item),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, line != NULL ? line : "",
                                      -1);
    }
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            SecEmailRecipients       *self)
{
  SecEmailRecipientItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *check = row_check (list_item);

  if (check != NULL && item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_ticked, check);
}

/* Space on a row toggles it, as on a tick (the list would take it to
 * select the row, which this list does not do). */
static void
toggle_focused_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SecEmailRecipients *self = SEC_EMAIL_RECIPIENTS (widget);
  GtkWidget *cell = gtk_widget_get_focus_child (GTK_WIDGET (self->grid_view));
  GtkWidget *row = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;
  GtkListItem *list_item = row != NULL ? g_object_get_data (G_OBJECT (row), "list-item") : NULL;

  if (list_item != NULL && gtk_list_item_get_item (list_item) != NULL)
    sec_email_recipients_toggle (self, gtk_list_item_get_position (list_item));
}

/* Overrides */

/* As tall as the rows, up to ROWS_SHOWN of them, measured on a row made
 * (large text makes them taller); the view inside a scrolled window asks
 * for one row alone. The view's rows changing asks for this again. */
static void
sec_email_recipients_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  SecEmailRecipients *self = SEC_EMAIL_RECIPIENTS (widget);
  GtkWidget *row;
  guint n;
  int height = ROW_HEIGHT;

  gtk_widget_measure (GTK_WIDGET (self->scrolled), orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
  if (orientation != GTK_ORIENTATION_VERTICAL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if ((row = gtk_widget_get_first_child (GTK_WIDGET (self->grid_view))) != NULL && gtk_widget_get_visible (row))
    gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  *minimum = MAX (*minimum, (int) MIN (n, ROWS_SHOWN) * MAX (height, 1));
  *natural = MAX (*natural, *minimum);
}

static void
sec_email_recipients_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  gtk_widget_allocate (GTK_WIDGET (SEC_EMAIL_RECIPIENTS (widget)->scrolled), width, height, baseline, NULL);
}

static void
sec_email_recipients_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SecEmailRecipients *self = SEC_EMAIL_RECIPIENTS (object);

  switch (prop_id)
    {
    case PROP_CHECKABLE:
      g_value_set_boolean (value, self->checkable);
      break;
    case PROP_N_TICKED:
      g_value_set_uint (value, self->n_ticked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_email_recipients_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SecEmailRecipients *self = SEC_EMAIL_RECIPIENTS (object);

  switch (prop_id)
    {
    case PROP_CHECKABLE:
      self->checkable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sec_email_recipients_constructed (GObject *object)
{
  SecEmailRecipients *self = (SecEmailRecipients *) object;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (sec_email_recipients_parent_class)->constructed (object);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, 0);
  gtk_grid_view_set_factory (self->grid_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  /* On the card's own background, as the dialog's other lists (a view's
   * is darker in the dark style). */
  gtk_widget_remove_css_class (GTK_WIDGET (self->grid_view), "view");
  /* A click anywhere on a row ticks it, as on the dialog's other rows. */
  gtk_grid_view_set_single_click_activate (self->grid_view, self->checkable);
  /* Before the row's own Space (selecting it). */
  if (self->checkable)
    {
      GtkEventController *keys = gtk_shortcut_controller_new ();

      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                              gtk_named_action_new ("recipients.toggle-focused")));
      gtk_widget_add_controller (GTK_WIDGET (self), keys);
    }
}

static void
sec_email_recipients_dispose (GObject *object)
{
  SecEmailRecipients *self = (SecEmailRecipients *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SEC_TYPE_EMAIL_RECIPIENTS);

  G_OBJECT_CLASS (sec_email_recipients_parent_class)->dispose (object);
}

static void
sec_email_recipients_finalize (GObject *object)
{
  SecEmailRecipients *self = (SecEmailRecipients *) object;

  g_clear_object (&self->items);

  G_OBJECT_CLASS (sec_email_recipients_parent_class)->finalize (object);
}

static void
sec_email_recipients_class_init (SecEmailRecipientsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sec_email_recipients_get_property;
  object_class->set_property = sec_email_recipients_set_property;
  object_class->constructed = sec_email_recipients_constructed;
  object_class->dispose = sec_email_recipients_dispose;
  object_class->finalize = sec_email_recipients_finalize;

  properties[PROP_CHECKABLE] =
    g_param_spec_boolean ("checkable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TICKED] =
    g_param_spec_uint ("n-ticked", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = sec_email_recipients_measure;
  widget_class->size_allocate = sec_email_recipients_size_allocate;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/secretariat/Secretariat/sec-email-recipients.ui");
  gtk_widget_class_bind_template_child (widget_class, SecEmailRecipients, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SecEmailRecipients, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_view_activate);
  gtk_widget_class_install_action (widget_class, "recipients.toggle-focused", NULL, toggle_focused_action);
}

static void
sec_email_recipients_init (SecEmailRecipients *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (SEC_TYPE_EMAIL_RECIPIENT_ITEM);
}

/* Public API */

/**
 * sec_email_recipients_new:
 * @checkable: whether each row has a tick
 *
 * Returns: (transfer floating): an empty list
 */
GtkWidget *
sec_email_recipients_new (gboolean checkable)
{
  return g_object_new (SEC_TYPE_EMAIL_RECIPIENTS, "checkable", checkable, NULL);
}

/**
 * sec_email_recipients_set:
 * @recipients: (nullable) (element-type SecEmailRecipient): who to show
 *
 * Replaces the list, in one change of the model: only the rows in sight
 * are made.
 */
void
sec_email_recipients_set (SecEmailRecipients *self,
                          GPtrArray          *recipients)
{
  const SecField *status = sec_kind_find_field (sec_kind_from_type (SEC_TYPE_PARTICIPANT), "status");
  guint n = recipients != NULL ? recipients->len : 0;
  g_autofree gpointer *items = g_new (gpointer, n + 1);
  guint old_ticked;

  g_return_if_fail (SEC_IS_EMAIL_RECIPIENTS (self));

  for (guint i = 0; i < n; i++)
    {
      SecEmailRecipient *r = g_ptr_array_index (recipients, i);
      g_autofree char *line = NULL;

      if (self->checkable)
        line = g_strdup_printf ("%s · %s", r->row->email, _(sec_field_choice_label (status, r->row->status)));
      else
        line = g_strdup (sec_email_exclusion_get_label (r->exclusion));
      items[i] = sec_email_recipient_item_new (r->row->participant_id, r->name, line);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
  /* Back to the top for a new list. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0.0);

  old_ticked = self->n_ticked;
  self->n_ticked = self->checkable ? n : 0;
  if (self->n_ticked != old_ticked)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TICKED]);
}

GListModel *
sec_email_recipients_get_model (SecEmailRecipients *self)
{
  g_return_val_if_fail (SEC_IS_EMAIL_RECIPIENTS (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
sec_email_recipients_get_n_ticked (SecEmailRecipients *self)
{
  g_return_val_if_fail (SEC_IS_EMAIL_RECIPIENTS (self), 0);

  return self->n_ticked;
}

GArray *
sec_email_recipients_dup_ticked_ids (SecEmailRecipients *self)
{
  GArray *ids;
  guint n;

  g_return_val_if_fail (SEC_IS_EMAIL_RECIPIENTS (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->n_ticked);
  for (guint i = 0; i < n && self->checkable; i++)
    {
      g_autoptr(SecEmailRecipientItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (sec_email_recipient_item_get_ticked (item))
        {
          gint64 id = sec_email_recipient_item_get_participant_id (item);

          g_array_append_val (ids, id);
        }
    }
  return ids;
}

void
sec_email_recipients_toggle (SecEmailRecipients *self,
                             guint               position)
{
  g_autoptr(SecEmailRecipientItem) item = NULL;

  g_return_if_fail (SEC_IS_EMAIL_RECIPIENTS (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  if (item != NULL && self->checkable)
    set_item_ticked (self, item, !sec_email_recipient_item_get_ticked (item));
}
