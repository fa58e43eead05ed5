/* sec-record-page-rows.c: how the record page shows values, rows and groups
 *
 * A field's value as people read it, rows (plain, linking to a record, one
 * per field of the Details group) and groups with an add button. Part of
 * SecRecordPage (see sec-record-page-private.h).
 */
#define G_LOG_DOMAIN "sec-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-countries.h"
#include "core/base/sec-format.h"
#include "core/base/sec-languages.h"
#include "core/documents/sec-export-file.h"
#include "ui/records/sec-field-value.h"
#include "ui/records/sec-record-page.h"
#include "ui/records/sec-record-page-private.h"
#include "ui/widgets/sec-a11y.h"
#include "ui/widgets/sec-detail-row.h"

/* Helpers: text */

const char *
_sec_record_page_choice_label (SecRecord  *record,
                               const char *field)
{
  const SecField *f = sec_kind_find_field (sec_record_get_kind (record), field);
  const char *label = f ? sec_field_choice_label (f, sec_record_get_string (record, field)) : NULL;

  return label ? label : "";
}

/* Joins the non-empty parts with " · ". */
char *
_sec_record_page_join_parts (const char *first,
                             ...)
{
  GString *s = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (s->len > 0)
        /* Translators: the separator between the parts of a row's description */
        g_string_append (s, _(" · "));
      g_string_append (s, part);
    }
  va_end (args);

  return g_string_free (s, FALSE);
}

/* The value of a field as people read it, or NULL when it has none. */
char *
_sec_record_page_format_value (SecRecordPage  *self,
                               SecRecord      *record,
                               const SecField *field)
{
  return sec_field_value_format (self->store, record, field, self->depends_on);
}

/* "1 June 2013 – 31 May 2016", "Since 1 June 2013" */
char *
_sec_record_page_format_membership_period (SecRecord *membership)
{
  g_autofree char *from = sec_format_date (sec_record_get_string (membership, "joined-on"));
  g_autofree char *until = sec_format_date (sec_record_get_string (membership, "left-on"));

  if (*from && *until)
    /* Translators: a range of two dates, "1 June 2013 – 31 May 2016" */
    return g_strdup_printf (C_("date range", "%1$s – %2$s"), from, until);
  if (*from)
    /* Translators: the start of a membership, "Since 1 June 2013" */
    return g_strdup_printf (_("Since %s"), from);
  if (*until)
    /* Translators: the end of a membership, "Until 31 May 2016" */
    return g_strdup_printf (_("Until %s"), until);
  return g_strdup ("");
}

/* Helpers: rows */

GtkWidget *
_sec_record_page_new_row (const char *title,
                          const char *subtitle)
{
  /* Names come from users: a SecDetailRow never takes markup. */
  return sec_detail_row_new (title, subtitle);
}

static void
add_button (GtkWidget  *row,
            const char *icon_name,
            const char *tooltip,
            const char *action_name,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), button);
}

static void
make_link (GtkWidget  *row,
           const char *kind,
           gint64      id)
{
  GtkWidget *arrow = sec_decorative_icon_new ("go-next-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", kind, id);
  sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), arrow);
}

/* A row that opens the record @kind @id; @details_kind, when not NULL, adds
 * a button that opens the record linking the two (a membership between an
 * organisation and a body), where it can be edited or removed. */
GtkWidget *
_sec_record_page_new_link_row (const char *title,
                               const char *subtitle,
                               const char *kind,
                               gint64      id,
                               const char *details_kind,
                               gint64      details_id)
{
  GtkWidget *row = _sec_record_page_new_row (title, subtitle);

  if (details_kind != NULL && details_id != 0)
    {
      GType type = sec_record_kind_lookup (details_kind);
      /* Translators: the tooltip of a button that opens a linking record, %s is its kind ("Membership") */
      g_autofree char *tooltip = g_strdup_printf (_("Open %s"), _(sec_kind_from_type (type)->label));

      add_button (row, "help-about-symbolic", tooltip, "win.open-record",
                  g_variant_new ("(sx)", details_kind, details_id));
    }
  if (kind != NULL && id != 0)
    make_link (row, kind, id);
  return row;
}

/* A row of the Details group. */
GtkWidget *
_sec_record_page_new_field_row (SecRecordPage  *self,
                                SecRecord      *record,
                                const SecField *field,
                                const char     *value)
{
  GtkWidget *row = _sec_record_page_new_row (_(field->label), value);
  const char *text = sec_record_get_value (record, field->name) &&
                     G_VALUE_HOLDS_STRING (sec_record_get_value (record, field->name))
                     ? sec_record_get_string (record, field->name) : NULL;
  gboolean copyable = TRUE;

  switch (field->type)
    {
    case SEC_FIELD_REF:
      make_link (row, field->ref_kind, sec_record_get_ref (record, field->name));
      if (value != NULL && value[0] != '\0')
        {
          /* Translators: how a screen reader names a row that opens a
           * linked record: %1$s is the field (“Organisation”), %2$s the
           * record (“Europol”) */
          g_autofree char *name = g_strdup_printf (_("%1$s: %2$s"), _(field->label), value);
          sec_accessible_set_name (row, name);
        }
      copyable = FALSE;
      break;
    case SEC_FIELD_EMAIL:
    case SEC_FIELD_URL:
      {
        /* The database may come from elsewhere: only a plain address
         * becomes a mailto: link (no "?bcc=…&attach=…"), and only http or
         * https opens in a browser. Anything else can still be copied. */
        g_autofree char *uri = field->type == SEC_FIELD_EMAIL ? sec_export_dup_mailto (text)
                               : sec_export_is_web_link (text) ? g_strdup (text) : NULL;
        /* Translators: %s is the name of a field, "Copy Email" */
        g_autofree char *tooltip = g_strdup_printf (_("Copy %s"), _(field->label));

        add_button (row, "edit-copy-symbolic", tooltip, "page.copy", g_variant_new_string (text));
        if (uri != NULL)
          {
            GtkWidget *icon = sec_decorative_icon_new (field->type == SEC_FIELD_EMAIL ? "mail-send-symbolic"
                                                                                      : "web-browser-symbolic");

            gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
            gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "page.open-uri");
            gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
            sec_detail_row_add_suffix (SEC_DETAIL_ROW (row), icon);
          }
        copyable = FALSE;
      }
      break;
    case SEC_FIELD_TEXT:
    case SEC_FIELD_LONG_TEXT:
    case SEC_FIELD_INT:
    case SEC_FIELD_DOUBLE:
    case SEC_FIELD_BOOL:
    case SEC_FIELD_DATE:
    case SEC_FIELD_DATETIME:
    case SEC_FIELD_TIMEZONE:
    case SEC_FIELD_TIME:
    case SEC_FIELD_CHOICE:
    case SEC_FIELD_COUNTRY:
    case SEC_FIELD_COUNTRIES:
    default:
      break;
    }

  /* Values can be selected, to copy them. */
  sec_detail_row_set_subtitle_selectable (SEC_DETAIL_ROW (row), copyable);

  return row;
}

/* Helpers: groups */

GtkWidget *
_sec_record_page_new_group (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  return group;
}

void
_sec_record_page_set_add_button (SecRecordPage *self,
                                 GtkWidget     *group,
                                 const char    *add_kind,
                                 const char    *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.add");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", add_kind);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
}
